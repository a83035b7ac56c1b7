package staff

import (
	"context"
	"slices"
	"strings"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/service"
)

// runNow runs the engine synchronously, as the tests need.
func runNow(work func(ctx context.Context) error, done func(error)) { done(work(context.Background())) }

// newDemoFixture is the view over the demo office (40 staff) on 1 March 2026.
func newDemoFixture(t *testing.T) *fixture {
	t.Helper()
	test.NewTempApp(t)
	svc := uitest.Service(t)
	ctx := context.Background()
	if err := svc.FillDemo(ctx, service.DemoOptions{Staff: 40, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	v := newView(svc, win)
	v.run = runNow
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(1280, 800))
	v.Reload()
	return &fixture{t: t, ctx: ctx, svc: svc, win: win, v: v}
}

// cardTexts reads a verdict card: award, result, note, reasons.
func cardTexts(o fyne.CanvasObject) (award, result, note, reasons string) {
	box := o.(*fyne.Container)
	head := box.Objects[0].(*fyne.Container)
	reasons = box.Objects[1].(*widget.Label).Text
	for _, h := range head.Objects {
		switch w := h.(type) {
		case *widget.Label:
			award = w.Text
		case *fyne.Container:
			note = w.Objects[0].(*widget.Label).Text
			result = w.Objects[1].(*widget.Label).Text
		}
	}
	return
}

func TestPersonVerdicts_ShowEngineVerdicts(t *testing.T) {
	f := newDemoFixture(t)
	all, err := f.svc.Eligibility(f.ctx, 2025, "")
	if err != nil {
		t.Fatal(err)
	}
	// A person with at least one eligible and one ineligible verdict.
	byPerson := map[string][]rules.Verdict{}
	for _, vd := range all {
		if vd.Subject.Kind == domain.SubjectPerson {
			byPerson[vd.Subject.Code] = append(byPerson[vd.Subject.Code], vd)
		}
	}
	code := ""
	for _, p := range f.v.people {
		vs := byPerson[p.StaffCode]
		if slices.ContainsFunc(vs, func(v rules.Verdict) bool { return v.Eligible }) &&
			slices.ContainsFunc(vs, func(v rules.Verdict) bool { return !v.Eligible }) {
			code = p.StaffCode
			break
		}
	}
	if code == "" {
		t.Fatal("no demo person with both eligible and ineligible verdicts")
	}
	f.open(code)
	pp := f.v.person
	var tab *container.TabItem
	for _, ti := range pp.tabs.Items {
		if ti.Text == "Xét khen thưởng" {
			tab = ti
		}
	}
	if tab == nil {
		t.Fatal("no Xét khen thưởng tab")
	}
	pp.tabs.Select(tab)
	pv := pp.verdicts
	if pv.yearSel.Selected != "2025" {
		t.Errorf("year %q, want the last completed year 2025", pv.yearSel.Selected)
	}
	want := byPerson[code]
	if len(pv.verdicts) != len(want) || len(pv.list.box.Objects) != len(want) {
		t.Fatalf("tab shows %d verdicts (%d cards), engine gives %d", len(pv.verdicts), len(pv.list.box.Objects), len(want))
	}
	for i, w := range want {
		award, result, note, reasons := cardTexts(pv.list.box.Objects[i])
		if award != f.v.awardName(w.Award) {
			t.Errorf("card %d award %q, want %q", i, award, f.v.awardName(w.Award))
		}
		if wr := map[bool]string{true: "Đủ", false: "Không đủ"}[w.Eligible]; result != wr {
			t.Errorf("%s: result %q, want %q", w.Award, result, wr)
		}
		if (note != "") != w.Pending {
			t.Errorf("%s: note %q, pending %v", w.Award, note, w.Pending)
		}
		var lines []string
		for _, l := range strings.Split(reasons, "\n") {
			if l != "" {
				lines = append(lines, strings.TrimPrefix(l, "• "))
			}
		}
		if !slices.Equal(lines, w.Reasons) {
			t.Errorf("%s: reasons\n %q\nwant\n %q", w.Award, lines, w.Reasons)
		}
	}

	// Another year recomputes.
	pv.yearSel.SetSelected("2024")
	if pv.year != 2024 || !strings.Contains(pv.status.Text, "2024") {
		t.Errorf("after choosing 2024: year %d, status %q", pv.year, pv.status.Text)
	}
}

func TestUnitVerdicts_ListsPeopleAndCollective(t *testing.T) {
	f := newDemoFixture(t)
	// The department with the most people.
	code, most := "", 0
	for _, u := range f.v.units {
		if u.Kind == domain.UnitDepartment && f.v.headcount[u.Code] > most {
			code, most = u.Code, f.v.headcount[u.Code]
		}
	}
	if code == "" {
		t.Fatal("no department with people")
	}
	up := f.v.unitPane
	if !up.review.Disabled() {
		t.Error("Xét khen thưởng đơn vị… enabled with no unit selected")
	}
	up.tree.Select(code)
	test.Tap(up.review)
	uv := up.verdicts
	if uv == nil {
		t.Fatal("no dialog opened")
	}
	vs, err := f.svc.Eligibility(f.ctx, 2025, code)
	if err != nil {
		t.Fatal(err)
	}
	people := map[string]bool{}
	var own []rules.Verdict
	for _, vd := range vs {
		if vd.Subject.Kind == domain.SubjectPerson {
			people[vd.Subject.Code] = true
		} else if vd.Subject.Code == code {
			own = append(own, vd)
		}
	}
	if len(uv.people) != len(people) || len(people) == 0 {
		t.Fatalf("grid has %d people, engine %d", len(uv.people), len(people))
	}
	for _, c := range uv.people {
		if !people[c] {
			t.Errorf("grid lists %s, not evaluated in the unit", c)
		}
		p, ok := f.v.personByCode(c)
		if !ok || uv.names[c] != p.FullName {
			t.Errorf("row %s named %q", c, uv.names[c])
		}
	}
	// Each cell is the engine's verdict.
	for _, vd := range vs {
		if vd.Subject.Kind != domain.SubjectPerson {
			continue
		}
		row := slices.Index(uv.people, vd.Subject.Code)
		col := slices.Index(uv.awards, vd.Award) + 1
		text, _ := uv.mark(row, col)
		if strings.HasPrefix(text, "✓") != vd.Eligible || text == "" {
			t.Errorf("%s %s: cell %q, eligible %v", vd.Subject.Code, vd.Award, text, vd.Eligible)
		}
	}
	uv.explain(0, 1)
	if !strings.Contains(uv.detail.Text, uv.names[uv.people[0]]) {
		t.Errorf("detail %q", uv.detail.Text)
	}
	// The collective's own verdicts come first in the Tập thể tab, after its name.
	if len(own) > 0 {
		h, ok := uv.list.box.Objects[0].(*widget.Label)
		if !ok || h.Text != f.v.unitName(code) {
			t.Errorf("Tập thể tab starts with %v", uv.list.box.Objects[0])
		}
		award, _, _, _ := cardTexts(uv.list.box.Objects[1])
		if award != f.v.awardName(own[0].Award) {
			t.Errorf("first collective card %q, want %q", award, f.v.awardName(own[0].Award))
		}
	}
	uv.dlg.Hide()
}
