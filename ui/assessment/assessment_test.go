package assessment

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// fixture is the area over a real service and a temporary database filled
// with the demo office, on 1 March 2026 (the year assessed is 2025).
type fixture struct {
	t   *testing.T
	ctx context.Context
	svc *service.Service
	win fyne.Window
	v   *View
}

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
	win.Resize(fyne.NewSize(1280, 800))
	v.Reload()
	return &fixture{t: t, ctx: ctx, svc: svc, win: win, v: v}
}

func (f *fixture) stored() map[string]domain.Rating {
	f.t.Helper()
	people, _, err := f.svc.RatingsForYear(f.ctx, 2025)
	if err != nil {
		f.t.Fatal(err)
	}
	return people
}

// keyFor is a key that sets a rating other than r.
func keyFor(not domain.Rating) (string, domain.Rating) {
	if not == domain.HTXSNV {
		return "3", domain.HTNV
	}
	return "1", domain.HTXSNV
}

func TestRatingGrid_KeyboardEntryAndSave(t *testing.T) {
	f := newFixture(t)
	rt := f.v.ratings
	g := rt.grid
	if f.v.year != 2025 || len(rt.rows) < 5 {
		t.Fatalf("year %d with %d rows", f.v.year, len(rt.rows))
	}
	rt.focusGrid()
	if f.win.Canvas().Focused() != g {
		t.Fatalf("focus on %T, want the grid", f.win.Canvas().Focused())
	}
	down := &fyne.KeyEvent{Name: fyne.KeyDown}
	g.TypedKey(down)
	g.TypedKey(down)
	if g.cur != 2 {
		t.Fatalf("after ↓↓ the current row is %d, want 2", g.cur)
	}
	a, b := rt.rows[2], rt.rows[3]
	k1, r1 := keyFor(rt.orig[domain.SubjectPerson][a.code])
	k2, r2 := keyFor(rt.orig[domain.SubjectPerson][b.code])
	test.Type(g, k1+strings.ToLower(map[string]string{"1": "x", "3": "h"}[k2]))
	if got := rt.rating(domain.SubjectPerson, a.code); got != r1 {
		t.Errorf("row 3 rated %q, want %q", got, r1)
	}
	if got := rt.rating(domain.SubjectPerson, b.code); got != r2 {
		t.Errorf("row 4 rated %q, want %q", got, r2)
	}
	if rt.changes() != 2 || !rt.dirtyLbl.Visible() || !strings.Contains(rt.dirtyLbl.Text, "2") {
		t.Errorf("changes %d, unsaved mark %v %q", rt.changes(), rt.dirtyLbl.Visible(), rt.dirtyLbl.Text)
	}
	if g.cur != 4 {
		t.Errorf("after two ratings the current row is %d, want 4", g.cur)
	}
	if got := f.stored()[a.code]; got == r1 {
		t.Fatal("the rating was written before Lưu xếp loại")
	}

	test.Tap(rt.saveBtn)
	st := f.stored()
	if st[a.code] != r1 || st[b.code] != r2 {
		t.Errorf("stored %q and %q, want %q and %q", st[a.code], st[b.code], r1, r2)
	}
	if rt.changes() != 0 || rt.dirtyLbl.Visible() {
		t.Errorf("after saving: %d changes, mark shown %v", rt.changes(), rt.dirtyLbl.Visible())
	}

	// Delete clears the current row's rating, ↑ moves back.
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if got := rt.rating(domain.SubjectPerson, b.code); got != "" || rt.changes() != 1 {
		t.Errorf("after Delete: %q, %d changes", got, rt.changes())
	}
	test.Tap(rt.saveBtn)
	if _, ok := f.stored()[b.code]; ok {
		t.Error("a cleared rating is still stored")
	}
}

func TestRatingGrid_PasteColumnFromExcel(t *testing.T) {
	f := newFixture(t)
	rt := f.v.ratings
	g := rt.grid
	// Make rows 1–4 unrated first so that every pasted value is a change.
	clear := map[string]domain.Rating{}
	for _, r := range rt.rows[1:5] {
		clear[r.code] = ""
	}
	if _, err := f.svc.SetRatings(f.ctx, 2025, clear, nil); err != nil {
		t.Fatal(err)
	}
	f.v.Reload()
	g.moveTo(1)
	fyne.CurrentApp().Clipboard().SetContent("HTXSNV\r\nHoàn thành tốt nhiệm vụ\r\n\r\nkhong hoan thanh nhiem vu\r\nxyz\r\n")
	test.Tap(rt.pasteBtn)
	want := []domain.Rating{domain.HTXSNV, domain.HTTNV, "", domain.KHTNV}
	for i, w := range want {
		if got := rt.rating(domain.SubjectPerson, rt.rows[1+i].code); got != w {
			t.Errorf("row %d: %q, want %q", 2+i, got, w)
		}
	}
	if rt.changes() != 3 {
		t.Errorf("%d changes, want 3", rt.changes())
	}
	if !rt.status.Visible() || !strings.Contains(rt.status.Text, "Đã dán 3") || !strings.Contains(rt.status.Text, "xyz") {
		t.Errorf("status %q", rt.status.Text)
	}
	test.Tap(rt.saveBtn)
	st := f.stored()
	if st[rt.rows[1].code] != domain.HTXSNV || st[rt.rows[4].code] != domain.KHTNV {
		t.Errorf("stored %q, %q", st[rt.rows[1].code], st[rt.rows[4].code])
	}
}

func TestRatingsTab_FiltersAndCounts(t *testing.T) {
	f := newFixture(t)
	rt := f.v.ratings
	all := len(rt.rows)
	var unit string
	for _, u := range f.v.activeUnits() {
		if u.Kind == domain.UnitDepartment {
			unit = u.Code
			break
		}
	}
	rt.selectUnit(unit)
	if len(rt.rows) == 0 || len(rt.rows) >= all {
		t.Errorf("filtering by %s shows %d of %d", unit, len(rt.rows), all)
	}
	if !strings.HasPrefix(rt.counts.Text, strings.Split(rt.counts.Text, " ")[0]) || !strings.Contains(rt.counts.Text, "HTXSNV: ") {
		t.Errorf("counts %q", rt.counts.Text)
	}
	rt.selectUnit("")
	name := rt.rows[0].name
	test.Type(rt.search, strings.Fields(name)[len(strings.Fields(name))-1])
	if len(rt.rows) == 0 || len(rt.rows) > all {
		t.Errorf("search shows %d", len(rt.rows))
	}
	rt.kindSel.SetSelected("Tập thể")
	if rt.kind != domain.SubjectCollective {
		t.Fatal("toggle to collectives did nothing")
	}
}

// firstLeaf finds a criterion under a group, and its group row.
func firstLeaf(t *testing.T, st *scoresTab) (leaf, group *scoreRow) {
	t.Helper()
	for _, r := range st.rows {
		if r.group || r.c.Method == domain.MethodPenalty {
			continue
		}
		if p, ok := st.byCode[r.c.ParentCode]; ok {
			return r, st.rows[p]
		}
	}
	t.Fatal("no criterion under a group in the demo scoring table")
	return nil, nil
}

func TestScores_TotalsFollowTypingAndBoundsAreKept(t *testing.T) {
	f := newFixture(t)
	st := f.v.scores
	if len(st.rows) == 0 {
		t.Fatal("no scoring table for 2025")
	}
	leaf, group := firstLeaf(t, st)
	lo, hi := leaf.c.Bounds()
	groupBefore, grandBefore := group.total.Text, st.grandLbl.Text

	leaf.score.SetText("")
	st.recompute()
	cleared, grandCleared := group.total.Text, st.grandLbl.Text
	x := lo + (hi-lo)/2
	if x == 0 {
		x = hi
	}
	test.Type(leaf.score, kit.FormatNumber(x))
	if group.total.Text == cleared {
		t.Errorf("group total stays %q after typing %s", group.total.Text, kit.FormatNumber(x))
	}
	if st.grandLbl.Text == grandCleared {
		t.Errorf("grand total stays %q after typing", st.grandLbl.Text)
	}
	test.Tap(st.saveBtn)
	scores, err := f.svc.SelfScores(f.ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if s := find(scores, leaf.c.Code); s == nil || s.Score != x {
		t.Errorf("stored %+v, want %v", s, x)
	}

	// Out of bounds: a message under the field, not counted, not saved.
	leaf.score.SetText("")
	test.Type(leaf.score, kit.FormatNumber(hi+5))
	if !leaf.err.Visible() || !strings.Contains(leaf.err.Text, kit.FormatNumber(hi)) {
		t.Errorf("no bounds message: %v %q", leaf.err.Visible(), leaf.err.Text)
	}
	if group.total.Text != cleared {
		t.Errorf("group total %q counts the score out of bounds (without it %q)", group.total.Text, cleared)
	}
	test.Tap(st.saveBtn)
	scores, _ = f.svc.SelfScores(f.ctx, 2025)
	if s := find(scores, leaf.c.Code); s == nil || s.Score != x {
		t.Errorf("an out-of-bounds score replaced the stored one: %+v", s)
	}
	if !st.dirty() {
		t.Error("the rejected score is not marked unsaved")
	}
	t.Logf("group %s → %s, grand %q → %q", groupBefore, group.total.Text, grandBefore, st.grandLbl.Text)
}

func find(ss []domain.SelfScore, code string) *domain.SelfScore {
	for i := range ss {
		if ss[i].Code == code {
			return &ss[i]
		}
	}
	return nil
}

func TestScores_SuggestFromTarget(t *testing.T) {
	f := newFixture(t)
	st := f.v.scores
	var r *scoreRow
	for _, x := range st.rows {
		if x.c.Method == domain.MethodProportional && x.c.TargetID != 0 {
			if tv, ok := st.values[x.c.TargetID]; ok && tv.HasActual {
				r = x
				break
			}
		}
	}
	if r == nil {
		t.Skip("the demo has no proportional criterion with a target result")
	}
	r.score.SetText("")
	test.Tap(r.suggest)
	tv := st.values[r.c.TargetID]
	pct, met := st.targets[r.c.TargetID].Achieved(tv.Planned, tv.Actual)
	want, _ := r.c.Suggest(pct, met)
	if r.score.Text != kit.FormatNumber(want) {
		t.Errorf("suggested %q, want %q", r.score.Text, kit.FormatNumber(want))
	}
}

func TestScores_ClusterRanking(t *testing.T) {
	f := newFixture(t)
	st := f.v.scores
	if !st.hasCluster {
		t.Skip("no cluster in the demo for 2025")
	}
	rk := st.ranking()
	if len(rk) != len(st.cluster.Members) {
		t.Fatalf("ranking of %d, cluster of %d", len(rk), len(st.cluster.Members))
	}
	for i := 1; i < len(rk); i++ {
		if rk[i].has && rk[i-1].has && rk[i].total > rk[i-1].total {
			t.Errorf("not sorted: %+v", rk)
		}
	}
	for _, m := range rk {
		if m.own && m.total != st.grand {
			t.Errorf("this office's total %v, scores sum to %v", m.total, st.grand)
		}
	}
}

func TestTargets_PercentAndVerdict(t *testing.T) {
	f := newFixture(t)
	tt := f.v.targets
	if len(tt.lines) == 0 {
		t.Skip("no targets for 2025")
	}
	l := tt.lines[0]
	l.planned.SetText("100")
	l.actual.SetText("")
	test.Type(l.actual, "95,5")
	wantMet := !l.target.HigherBetter
	pct, _ := l.target.Achieved(100, 95.5)
	if l.pct.Text != kit.FormatNumber(pct)+"%" {
		t.Errorf("%% shown %q, want %s%%", l.pct.Text, kit.FormatNumber(pct))
	}
	if (l.pct.Color == colorMet) != wantMet {
		t.Errorf("colour %v for met=%v", l.pct.Color, wantMet)
	}
	test.Tap(tt.saveBtn)
	tvs, _ := f.svc.TargetValues(f.ctx, 2025, tt.unit)
	ok := false
	for _, tv := range tvs {
		if tv.TargetID == l.target.ID && tv.Actual == 95.5 && tv.HasActual && tv.Planned == 100 {
			ok = true
		}
	}
	if !ok {
		t.Errorf("not stored: %+v", tvs)
	}
}

func TestExport_WritesFiles(t *testing.T) {
	f := newFixture(t)
	if got := exportName(2025, "pdf"); got != "Báo cáo tự đánh giá, chấm điểm thi đua năm 2025.pdf" {
		t.Errorf("file name %q", got)
	}
	for _, format := range []string{"pdf", "xlsx"} {
		if err := f.svc.ExportAssessment(f.ctx, 2025, format, io.Discard); err != nil && format == "xlsx" {
			t.Logf("xlsx export not available from the service yet: %v", err)
			continue
		}
		path := filepath.Join(t.TempDir(), exportName(2025, format))
		f.v.export(format, path)
		info, err := os.Stat(path)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if info.Size() == 0 {
			t.Errorf("%s: empty file", format)
		}
	}
}

func TestParseRating(t *testing.T) {
	scenarios := []struct {
		in   string
		want domain.Rating
	}{
		{"HTXSNV", domain.HTXSNV}, {" htttnv", ""}, {"httnv", domain.HTTNV}, {"Hoàn thành nhiệm vụ", domain.HTNV},
		{"hoan thanh xuat sac nhiem vu", domain.HTXSNV}, {"Không  hoàn thành nhiệm vụ", domain.KHTNV}, {"4", domain.KHTNV}, {"tốt", ""},
	}
	for _, s := range scenarios {
		got, _ := parseRating(s.in)
		if got != s.want {
			t.Errorf("parseRating(%q) = %q, want %q", s.in, got, s.want)
		}
	}
}

func TestSignOff_DirectorSignsAndWithdraws(t *testing.T) {
	f := newFixture(t)
	so := f.v.signOff
	if so.signed || so.Button.Disabled() {
		t.Fatalf("fresh year: signed %v, button disabled %v", so.signed, so.Button.Disabled())
	}
	test.Tap(so.Button)
	f.v.confirm.Confirm()
	if !so.signed || !strings.Contains(so.State.Text, "Đã ký duyệt") || !strings.Contains(so.State.Text, uitest.Director.Username) {
		t.Fatalf("after signing: %q", so.State.Text)
	}
	// Signed off: the service refuses a change of the scores.
	cs, err := f.svc.Criteria(context.Background(), f.v.year)
	if err != nil || len(cs) == 0 {
		t.Fatalf("demo criteria: %d %v", len(cs), err)
	}
	if _, err := f.svc.SaveCriteria(context.Background(), f.v.year, cs); err == nil || !strings.Contains(service.Explain(err), "ký duyệt") {
		t.Fatalf("a signed-off year accepts a change of its scoring table: %v", err)
	}
	test.Tap(so.Button)
	f.v.confirm.Confirm()
	if so.signed || so.State.Text != "Chưa ký duyệt" {
		t.Fatalf("after withdrawing: %q", so.State.Text)
	}
}

func TestSignOff_ClerkCannot(t *testing.T) {
	f := newFixture(t)
	clerk := f.svc.As(domain.Account{Username: "cv", Role: domain.RoleClerk})
	v := newView(clerk, f.win, uitest.RunNow)
	v.Reload()
	if !v.signOff.Button.Disabled() {
		t.Fatal("a clerk is offered Ký duyệt")
	}
}

// TestRatingGrid_PasteCodesAndRatingsMatchesByCode: two columns copied
// from Excel, codes out of the grid's order, with a header, an unknown
// code and a unique name: each rating goes to the person named, after a
// preview, and nothing changes before it is applied.
func TestRatingGrid_PasteCodesAndRatingsMatchesByCode(t *testing.T) {
	f := newFixture(t)
	rt := f.v.ratings
	rows := rt.all[domain.SubjectPerson]
	a, b, c := rows[7], rows[2], rows[11]
	before := f.stored()
	want := map[string]domain.Rating{}
	pick := func(code string) domain.Rating {
		r := domain.KHTNV
		if before[code] == r {
			r = domain.HTNV
		}
		want[code] = r
		return r
	}
	// The grid's current row is another person: position must not matter.
	rt.grid.moveTo(0)
	text := "Mã cán bộ\tXếp loại\r\n" +
		a.code + "\t" + string(pick(a.code)) + "\r\n" +
		"KHONG-CO\tHTXSNV\r\n" +
		b.code + "\t" + pick(b.code).Label() + "\r\n"
	// c by its name alone, when the name is unique.
	same := 0
	for _, r := range rows {
		if domain.Fold(r.name) == domain.Fold(c.name) {
			same++
		}
	}
	if same == 1 {
		text += strings.ToUpper(c.name) + "\t" + string(pick(c.code)) + "\r\n"
	}
	fyne.CurrentApp().Clipboard().SetContent(text)
	test.Tap(rt.pasteBtn)
	if rt.pasteDlg == nil {
		t.Fatal("no preview of the paste")
	}
	if rt.changes() != 0 {
		t.Fatalf("%d changes before the preview was applied", rt.changes())
	}
	rt.pasteDlg.Confirm()
	for code, r := range want {
		if got := rt.rating(domain.SubjectPerson, code); got != r {
			t.Errorf("%s rated %q, want %q", code, got, r)
		}
	}
	if rt.changes() != len(want) {
		t.Errorf("%d changes, want %d (nobody else)", rt.changes(), len(want))
	}
	if !strings.Contains(rt.status.Text, "1 dòng không khớp") {
		t.Errorf("status %q does not count the unknown code", rt.status.Text)
	}
	test.Tap(rt.saveBtn)
	st := f.stored()
	for code, r := range want {
		if st[code] != r {
			t.Errorf("stored %s = %q, want %q", code, st[code], r)
		}
	}
}
