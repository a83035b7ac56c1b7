package registration

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// fixture is the area over a real service and a temporary database filled
// with the demo office (40 staff, six years of history, movements,
// registrations and a cluster), on 1 March 2026.
type fixture struct {
	t   *testing.T
	ctx context.Context
	svc *service.Service
	win fyne.Window
	v   *View
}

// uitest.RunNow runs "long" work synchronously, as the tests need.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	test.NewTempApp(t)
	svc := uitest.Service(t)
	ctx := context.Background()
	if err := svc.FillDemo(ctx, service.DemoOptions{Staff: 40, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	v := newView(svc, win, uitest.RunNow)
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(1200, 760))
	v.Reload()
	return &fixture{t: t, ctx: ctx, svc: svc, win: win, v: v}
}

func (f *fixture) registration(sub domain.Subject) (domain.Registration, bool) {
	f.t.Helper()
	regs, err := f.svc.Registrations(f.ctx, f.v.year)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, r := range regs {
		if r.Subject == sub {
			return r, true
		}
	}
	return domain.Registration{}, false
}

func TestView_DefaultsToCurrentYear(t *testing.T) {
	f := newFixture(t)
	if f.v.year != 2026 || f.v.yearSel.Selected != "2026" {
		t.Errorf("year %d, select %q; want 2026", f.v.year, f.v.yearSel.Selected)
	}
	if want := []string{"2027", "2026", "2025", "2024", "2023", "2022", "2021"}; !slices.Equal(f.v.yearSel.Options, want) {
		t.Errorf("years offered %v, want %v", f.v.yearSel.Options, want)
	}
	if len(f.v.movements) == 0 {
		t.Error("the demo office's movements are not listed")
	}
}

func TestCollectiveTab_RegisterUnitAwardAndTarget(t *testing.T) {
	f := newFixture(t)
	ct := f.v.collectiveTab
	// A department (not the office itself, the first row).
	row := -1
	for i, u := range ct.units {
		if u.Kind == domain.UnitDepartment {
			row = i
			break
		}
	}
	if row < 0 {
		t.Fatal("no department in the demo office")
	}
	unit := ct.units[row]
	ct.list.Select(row)
	if ct.unit != unit.Code || !ct.detail.Visible() {
		t.Fatalf("selecting %s opened %q (detail shown %v)", unit.Code, ct.unit, ct.detail.Visible())
	}
	// Tick Tập thể lao động tiên tiến as a click on its box does.
	name := ""
	for n, c := range ct.awardBy {
		if c == "TTLDTT" {
			name = n
		}
	}
	if name == "" {
		t.Fatalf("TTLDTT is not offered to collectives: %v", ct.awards.Options)
	}
	ct.awards.SetSelected([]string{name})

	// Commit to the first target of the year, typed the Vietnamese way.
	var target domain.Target
	for _, m := range f.v.yearMovements() {
		if len(m.Targets) > 0 {
			target = m.Targets[0]
			break
		}
	}
	if target.ID == 0 {
		t.Fatal("no movement with targets runs in 2026")
	}
	e := ct.planned[target.ID]
	e.SetText("")
	test.Type(e, "95,5")
	test.Tap(ct.saveBtn)

	reg, ok := f.registration(domain.UnitSubject(unit.Code))
	if !ok || !slices.Equal(reg.Awards, []string{"TTLDTT"}) {
		t.Errorf("stored registration of %s: %+v (found %v), want TTLDTT", unit.Code, reg, ok)
	}
	tvs, err := f.svc.TargetValues(f.ctx, 2026, unit.Code)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tv := range tvs {
		if tv.TargetID == target.ID {
			found = true
			if tv.Planned != 95.5 {
				t.Errorf("planned %v, want 95.5", tv.Planned)
			}
		}
	}
	if !found {
		t.Errorf("no target value stored for %q", target.Name)
	}

	// A typo stays on screen under its target and nothing is stored.
	e.SetText("12,5abc")
	test.Tap(ct.saveBtn)
	if msg := ct.targets.ErrorFor(targetLabel(target)); msg == "" {
		t.Error("no message under a planned value that is not a number")
	}
}

func TestIndividualTab_RegisterPersonAndWarning(t *testing.T) {
	f := newFixture(t)
	it := f.v.individualTab
	if len(it.shown) == 0 {
		t.Fatal("no one listed")
	}
	// Someone with no registration yet for 2026 who gets CSTĐCS.
	var p domain.Person
	for _, x := range it.shown {
		if _, ok := f.v.regs[domain.PersonSubject(x.StaffCode)]; !ok {
			p = x
			break
		}
	}
	if p.ID == 0 {
		p = it.shown[0]
	}
	it.list.Select(slices.IndexFunc(it.shown, func(x domain.Person) bool { return x.ID == p.ID }))
	if it.person.ID != p.ID {
		t.Fatalf("selecting %s opened %q", p.StaffCode, it.person.StaffCode)
	}
	it.setAwards("LDTT", "CSTDCS")
	test.Tap(it.saveBtn)
	reg, ok := f.registration(domain.PersonSubject(p.StaffCode))
	if !ok || !slices.Contains(reg.Awards, "CSTDCS") || !slices.Contains(reg.Awards, "LDTT") {
		t.Fatalf("stored %+v (found %v), want LDTT and CSTDCS", reg, ok)
	}

	// A newcomer registered for CSTĐ cấp bộ lacks the two CSTĐCS before it:
	// the warning shows and the registration is stored all the same.
	nw, err := f.svc.SavePerson(f.ctx, domain.Person{StaffCode: "CBMOI01", FullName: "Trần Văn Mới", BirthDate: domain.MustDate("02/02/1990"),
		Gender: domain.Male, Ethnicity: "Kinh", RecruitedOn: domain.MustDate("01/08/2015"), UnitCode: p.UnitCode}, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	f.v.Reload()
	test.Type(it.search, "CBMOI01")
	if len(it.shown) != 1 || it.shown[0].ID != nw.ID {
		t.Fatalf("search shows %d people", len(it.shown))
	}
	it.list.Select(0)
	it.setAwards("CSTD_BO")
	test.Tap(it.saveBtn)
	if _, ok := f.registration(domain.PersonSubject("CBMOI01")); !ok {
		t.Fatal("a warning blocked the registration")
	}
	if !it.warnLbl.Visible() || !strings.Contains(it.warnLbl.Text, "Thiếu CSTĐCS năm 2025") {
		t.Errorf("warning shown %v: %q", it.warnLbl.Visible(), it.warnLbl.Text)
	}
	if !strings.Contains(it.count.Text, "cảnh báo") {
		t.Errorf("count line %q does not mention the warnings", it.count.Text)
	}
}

func TestIndividualTab_RegisterWholeUnitForLDTT(t *testing.T) {
	f := newFixture(t)
	it := f.v.individualTab
	var unit domain.Unit
	for _, u := range f.v.activeUnits() {
		if u.Kind == domain.UnitDepartment {
			unit = u
			break
		}
	}
	it.selectUnit(unit.Code)
	if len(it.shown) == 0 {
		t.Fatalf("no one in %s", unit.Name)
	}
	// Clear their registrations so that everyone changes.
	for _, p := range it.shown {
		if err := f.svc.SaveRegistration(f.ctx, domain.Registration{Year: 2026, Subject: domain.PersonSubject(p.StaffCode)}); err != nil {
			t.Fatal(err)
		}
	}
	f.v.Reload()
	test.Tap(it.bulk)
	if f.v.confirm == nil {
		t.Fatal("no confirmation asked")
	}
	f.v.confirm.Confirm()
	for _, p := range it.shown {
		reg, ok := f.registration(domain.PersonSubject(p.StaffCode))
		if !ok || !slices.Contains(reg.Awards, "LDTT") {
			t.Errorf("%s not registered for LDTT: %+v", p.StaffCode, reg)
		}
	}
}

func TestMovementEditor_ErrorsUnderFieldsThenSave(t *testing.T) {
	f := newFixture(t)
	mt := f.v.movementTab
	before := len(f.v.movements)
	test.Tap(mt.add)
	e := mt.editor
	e.from.SetText("20x6")
	test.Tap(e.saveBtn)
	if e.form.ErrorFor(fieldFromYear) == "" {
		t.Error("no message under Từ năm")
	}
	test.Type(e.name, "Phong trào thi đua “Chuyển đổi số”")
	e.from.SetText("2026")
	e.to.SetText("2027")
	e.addTarget(domain.Target{HigherBetter: true})
	tr := e.targets[len(e.targets)-1]
	test.Type(tr.name, "Tỷ lệ hồ sơ giao dịch điện tử")
	tr.unit.SetText("") // the service asks for the unit
	test.Tap(e.saveBtn)
	if e.form.ErrorFor(fieldTargets) == "" {
		t.Errorf("no message under Chỉ tiêu for a target without a unit; form errors: %v", formErrors(e))
	}
	test.Type(tr.unit, "%")
	test.Tap(e.saveBtn)
	if msgs := formErrors(e); len(msgs) > 0 {
		t.Fatalf("errors after a valid movement: %v", msgs)
	}
	if len(f.v.movements) != before+1 {
		t.Fatalf("movements %d, want %d", len(f.v.movements), before+1)
	}
	ms, _ := f.svc.Movements(f.ctx)
	i := slices.IndexFunc(ms, func(m domain.Movement) bool { return strings.Contains(m.Name, "Chuyển đổi số") })
	if i < 0 || len(ms[i].Targets) != 1 || ms[i].Targets[0].Unit != "%" || ms[i].ToYear != 2027 {
		t.Errorf("stored %+v", ms)
	}
}

func formErrors(e *movementEditor) []string {
	var out []string
	for _, fd := range e.form.Fields {
		if fd.Error.Text != "" {
			out = append(out, fd.Label+": "+fd.Error.Text)
		}
	}
	return out
}

func TestClusterTab_SaveMembersAndPact(t *testing.T) {
	f := newFixture(t)
	ct := f.v.clusterTab
	if ct.name.Text == "" || len(ct.members) < 2 {
		t.Fatalf("demo cluster not shown: %q with %d members", ct.name.Text, len(ct.members))
	}
	ct.addMember(domain.ClusterMember{})
	m := ct.members[len(ct.members)-1]
	test.Type(m.name, "Bảo hiểm xã hội tỉnh Thử Nghiệm")
	ct.pact.SetText("Giao ước mới")
	test.Tap(ct.saveBtn)
	c, ok, err := f.svc.Cluster(f.ctx, 2026)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if c.Pact != "Giao ước mới" || !slices.ContainsFunc(c.Members, func(m domain.ClusterMember) bool { return m.Name == "Bảo hiểm xã hội tỉnh Thử Nghiệm" }) {
		t.Errorf("stored %+v", c)
	}
	// Two members marked as this office cannot both be; the box keeps one.
	ct.members[0].own.SetChecked(true)
	own := 0
	for _, r := range ct.members {
		if r.own.Checked {
			own++
		}
	}
	if own != 1 {
		t.Errorf("%d members marked as this office", own)
	}
}

func TestExport_WritesFiles(t *testing.T) {
	f := newFixture(t)
	if got := exportName(2026, "pdf"); got != "Bản đăng ký thi đua năm 2026.pdf" {
		t.Errorf("file name %q", got)
	}
	for _, format := range []string{"pdf", "xlsx"} {
		path := filepath.Join(t.TempDir(), exportName(2026, format))
		f.v.export(format, path)
		st, err := os.Stat(path)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if st.Size() == 0 {
			t.Errorf("%s: empty file", format)
		}
		if f.v.exported != path {
			t.Errorf("%s: not offered to open", format)
		}
		// Printed on 1 March 2026, after the January it was made in: the
		// clerk is told why day and month are blank.
		if got := bannerText(f.v); !strings.Contains(got, "để trống ngày, tháng") {
			t.Errorf("%s: banner %q", format, got)
		}
	}
	// Next year's registration, printed before its January ends, is dated.
	f.v.year = 2027
	f.v.export("pdf", filepath.Join(t.TempDir(), exportName(2027, "pdf")))
	if got := bannerText(f.v); !strings.Contains(got, "Đã lưu") || strings.Contains(got, "để trống") {
		t.Errorf("2027: banner %q", got)
	}
}

// bannerText is the text of the labels of the view's banner.
func bannerText(v *View) string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(v.banner)
	return strings.Join(out, " ")
}

func TestParseNumber(t *testing.T) {
	scenarios := []struct {
		in   string
		want float64
		ok   bool
		err  bool
	}{
		{"95,5", 95.5, true, false},
		{"95.5", 95.5, true, false},
		{"1.234,5", 1234.5, true, false},
		{"1.500", 1500, true, false},
		{"12.345.678", 12345678, true, false},
		{"0.125", 0.125, true, false},
		{" 80 % ", 80, true, false},
		{"", 0, false, false},
		{"abc", 0, false, true},
	}
	for _, s := range scenarios {
		got, ok, err := kit.ParseNumber(s.in)
		if got != s.want || ok != s.ok || (err != nil) != s.err {
			t.Errorf("kit.ParseNumber(%q) = %v, %v, %v", s.in, got, ok, err)
		}
	}
	if kit.FormatNumber(1234.5) != "1234,5" || kit.FormatNumber(100) != "100" {
		t.Errorf("formatNumber: %q %q", kit.FormatNumber(1234.5), kit.FormatNumber(100))
	}
}

func TestFieldLabels_MatchService(t *testing.T) {
	pairs := map[string]string{
		fieldMovementName: service.FieldMovementName, fieldServiceKind: service.FieldMovementKind, fieldFromYear: service.FieldFromYear,
		fieldToYear: service.FieldToYear, fieldReviews: service.FieldReviews, fieldTargetName: service.FieldTargetName,
		fieldTargetUnit: service.FieldTargetUnit, fieldClusterName: service.FieldClusterName, fieldMembers: service.FieldMembers,
		fieldRole: service.FieldRole, fieldOwn: service.FieldOwn,
	}
	for ours, theirs := range pairs {
		if ours != theirs {
			t.Errorf("form label %q, service names the field %q", ours, theirs)
		}
	}
}

func TestMovementTab_ExportsReview(t *testing.T) {
	f := newFixture(t)
	mt := f.v.movements
	if len(mt) == 0 {
		t.Fatal("the demo office has no movements")
	}
	tab := f.v.movementTab
	if !tab.review.Disabled() {
		t.Fatal("review export enabled with no movement selected")
	}
	tab.list.Select(0)
	if tab.review.Disabled() {
		t.Fatal("review export disabled with a movement selected")
	}
	for _, format := range []string{"pdf", "xlsx"} {
		path := filepath.Join(t.TempDir(), "Số liệu sơ kết."+format)
		f.v.exportReview(mt[0].ID, format, path)
		st, err := os.Stat(path)
		if err != nil || st.Size() < 1000 {
			t.Fatalf("%s: %v", format, err)
		}
		if f.v.exported != path {
			t.Fatalf("exported = %q", f.v.exported)
		}
	}
}
