package nominations

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fmt"
	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// fixture is the area over a real service and a temporary database filled
// with the demo office (40 staff, six years of history), on 1 March 2026:
// the year reviewed is 2025.
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
	win.Resize(fyne.NewSize(1280, 800))
	v.Reload()
	return &fixture{t: t, ctx: ctx, svc: svc, win: win, v: v}
}

// verdicts are the engine's verdicts of 2025 for an award.
func (f *fixture) verdicts(award string) []rules.Verdict {
	f.t.Helper()
	vs, err := f.svc.Eligibility(f.ctx, 2025, "")
	if err != nil {
		f.t.Fatal(err)
	}
	var out []rules.Verdict
	for _, v := range vs {
		if v.Award == award {
			out = append(out, v)
		}
	}
	return out
}

// nominated lists the subjects already proposed for award in a round of
// 2025 (the demo office has an approved year-end round): nobody is
// proposed twice for the same award in a year.
func (f *fixture) nominated(award string) map[domain.Subject]bool {
	f.t.Helper()
	rs, err := f.svc.Rounds(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	out := map[domain.Subject]bool{}
	for _, r := range rs {
		if r.Year != 2025 {
			continue
		}
		ns, err := f.svc.Nominees(f.ctx, r.ID)
		if err != nil {
			f.t.Fatal(err)
		}
		for _, n := range ns {
			if n.Award == award {
				out[n.Subject] = true
			}
		}
	}
	return out
}

// createRound opens a 2025 year-end round through the dialog, as a clerk does.
func (f *fixture) createRound(name string) domain.Round {
	f.t.Helper()
	rt := f.v.rounds
	test.Tap(rt.createBtn)
	form := rt.lastForm
	if form == nil {
		f.t.Fatal("Tạo đợt… opened no form")
	}
	if form.year.Selected != "2025" || form.kindValue() != domain.RoundRegular {
		f.t.Fatalf("form offers %s %s, want 2025 thường xuyên", form.year.Selected, form.kindValue())
	}
	test.Type(form.name, "") // the suggested name is kept unless typed over
	form.name.SetText(name)
	test.Tap(form.create)
	if f.v.lastErr != nil {
		f.t.Fatalf("create round: %v", f.v.lastErr)
	}
	if rt.round.ID == 0 || rt.round.Name != name || rt.round.Status != domain.StatusDraft {
		f.t.Fatalf("open round after creating: %+v", rt.round)
	}
	return rt.round
}

// nomineeOf finds the open round's nominee for a subject and award.
func (f *fixture) nomineeOf(sub domain.Subject, award string) (domain.Nominee, bool) {
	for _, n := range f.v.rounds.nominees {
		if n.Subject == sub && n.Award == award {
			return n, true
		}
	}
	return domain.Nominee{}, false
}

func TestEligibility_ListsVerdictsWithReasonsAndQuota(t *testing.T) {
	f := newFixture(t)
	e := f.v.eligibility
	if e.year != 2025 || e.yearSel.Selected != "2025" || e.award() != awardCSTDCS {
		t.Fatalf("opens on %d (%q) award %q; want 2025 CSTDCS", e.year, e.yearSel.Selected, e.award())
	}
	want := f.verdicts(awardCSTDCS)
	if len(want) == 0 || len(e.shown) != len(want) {
		t.Fatalf("%d verdicts shown, engine has %d", len(e.shown), len(want))
	}
	// Eligible first, in the order of the ranking; every ineligible row says why.
	seenIneligible, lastRank := false, 0
	var ineligible int = -1
	for i, vd := range e.shown {
		if !vd.Eligible {
			if !seenIneligible {
				ineligible = i
			}
			seenIneligible = true
			if len(vd.Reasons) == 0 || e.cell(i, colReasons).text == "" {
				t.Errorf("%s: ineligible without reasons", vd.Name)
			}
			if c := e.cell(i, colVerdict); c.text != "Không đủ" || c.imp != verdictImportance(false) {
				t.Errorf("%s: verdict cell %+v", vd.Name, c)
			}
			continue
		}
		if seenIneligible {
			t.Fatalf("row %d eligible after an ineligible row", i)
		}
		if c := e.cell(i, colVerdict); c.text != "Đủ" {
			t.Errorf("%s: verdict cell %q", vd.Name, c.text)
		}
		if r := rank(vd); r > 0 {
			if r < lastRank {
				t.Errorf("rank %d after %d", r, lastRank)
			}
			lastRank = r
		}
	}
	if ineligible < 0 {
		t.Fatal("the demo office has nobody ineligible for CSTĐCS")
	}
	// The quota line of CSTĐCS.
	var q *rules.Quota
	for _, vd := range want {
		if vd.Quota != nil {
			q = vd.Quota
		}
	}
	if q == nil {
		t.Fatal("no CSTĐCS quota in the engine's verdicts")
	}
	if !e.quota.Visible() || !strings.Contains(e.quota.Text, "Giới hạn") {
		t.Fatalf("quota line %q (shown %v)", e.quota.Text, e.quota.Visible())
	}
	if q.OverBy > 0 && !strings.Contains(e.quota.Text, "vượt") {
		t.Errorf("quota over by %d but the line says %q", q.OverBy, e.quota.Text)
	}
	// The selected row shows every reason in the panel.
	e.open(ineligible)
	for _, r := range e.shown[ineligible].Reasons {
		if !strings.Contains(e.detail.Text, r) {
			t.Errorf("panel %q lacks reason %q", e.detail.Text, r)
		}
	}

	// LĐTT has no quota: no quota line.
	e.selectAward(awardLDTT)
	if e.award() != awardLDTT || e.quota.Visible() || len(e.shown) != len(f.verdicts(awardLDTT)) {
		t.Errorf("LĐTT: award %q, quota shown %v, %d rows", e.award(), e.quota.Visible(), len(e.shown))
	}

	// Search narrows by name.
	name := e.shown[0].Name
	test.Type(e.search, strings.Fields(name)[len(strings.Fields(name))-1])
	if len(e.shown) == 0 || len(e.shown) >= len(f.verdicts(awardLDTT)) {
		t.Errorf("search %q leaves %d rows", e.search.Text, len(e.shown))
	}
	e.search.SetText("")

	// A unit: only its people, computed again by the service.
	if len(e.unitOpts) < 2 {
		t.Fatal("no units offered")
	}
	unit := e.unitOpts[1]
	e.selectUnit(unit)
	vs, err := f.svc.Eligibility(f.ctx, 2025, unit)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, vd := range vs {
		if vd.Award == awardLDTT {
			n++
		}
	}
	if e.unit != unit || len(e.shown) != n {
		t.Errorf("unit %s: %d rows, want %d", unit, len(e.shown), n)
	}
}

// awardFree is the award the round tests propose in a round of their
// own: the demo's round already proposes everyone eligible for the titles,
// and a few for Giấy khen.
const awardFree = "GK"

// A second visit of the tab shows the kept verdicts without running the
// evaluation behind a progress dialog; after a change of the data it runs
// again.
func TestEligibility_RevisitShowsKeptVerdictsWithoutProgress(t *testing.T) {
	f := newFixture(t)
	e := f.v.eligibility
	runs := 0
	f.v.run = func(win fyne.Window, title string, work func(context.Context, kit.Progress) error, done func(error)) {
		runs++
		uitest.RunNow(win, title, work, done)
	}
	before := len(e.shown)
	e.compute()
	if runs != 0 || len(e.shown) != before || before == 0 {
		t.Fatalf("revisit: %d runs, %d verdicts shown (had %d)", runs, len(e.shown), before)
	}
	p := f.verdicts(awardCSTDCS)[0].Subject
	if err := f.svc.SetRating(f.ctx, domain.RatingRecord{Subject: p, Year: 2025, Rating: domain.HTNV}); err != nil {
		t.Fatal(err)
	}
	e.compute()
	if runs != 1 {
		t.Errorf("after a change: %d runs of the evaluation, want 1", runs)
	}
}

func TestRound_ProposeEveryoneEligible(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	taken := f.nominated(awardFree)
	r := f.createRound("Đề nghị khen thưởng năm 2025 (thử)")
	eligible := 0
	for _, vd := range f.verdicts(awardFree) {
		if vd.Eligible && !taken[vd.Subject] {
			eligible++
		}
	}
	if eligible == 0 {
		t.Fatal("nobody eligible for a Giấy khen outside the demo round")
	}
	before := len(rt.nominees)
	test.Tap(rt.proposeBtn)
	if f.v.dlg == nil {
		t.Fatal("no award asked")
	}
	f.v.dlg.Hide()
	rt.propose(awardFree)
	if f.v.lastErr != nil {
		t.Fatal(f.v.lastErr)
	}
	added := 0
	for _, n := range rt.nominees {
		if n.Award == awardFree {
			added++
			if !n.Eligible {
				t.Errorf("%s proposed although ineligible", n.Subject.Code)
			}
		}
	}
	if added != eligible || len(rt.nominees)-before != eligible {
		t.Fatalf("%d Giấy khen nominees (%d new), want %d", added, len(rt.nominees)-before, eligible)
	}
	if rt.counts[r.ID] != len(rt.nominees) || !strings.Contains(rt.roundLine(rt.round), "đề nghị") {
		t.Errorf("round line %q, count %d", rt.roundLine(rt.round), rt.counts[r.ID])
	}

	// Bỏ khỏi đợt asks first.
	rt.selectNomineeID(rt.nominees[0].ID)
	gone := rt.nominees[0]
	test.Tap(rt.removeBtn)
	if f.v.confirm == nil {
		t.Fatal("no confirmation asked")
	}
	f.v.confirm.Confirm()
	if len(rt.nominees) != eligible-1 {
		t.Fatalf("%d nominees after removing one of %d", len(rt.nominees), eligible)
	}
	if _, ok := f.nomineeOf(gone.Subject, gone.Award); ok {
		t.Error("the nominee removed is still in the round")
	}
}

// ineligibleFor finds a person the engine finds ineligible for award.
func (f *fixture) ineligibleFor(award string) rules.Verdict {
	f.t.Helper()
	taken := f.nominated(award)
	for _, vd := range f.verdicts(award) {
		if !vd.Eligible && vd.Subject.Kind == domain.SubjectPerson && !taken[vd.Subject] {
			return vd
		}
	}
	f.t.Fatalf("nobody ineligible for %s", award)
	return rules.Verdict{}
}

// add proposes a subject through the Thêm… dialog.
func (f *fixture) add(sub domain.Subject, award string) domain.Nominee {
	f.t.Helper()
	rt := f.v.rounds
	test.Tap(rt.addBtn)
	a := rt.adding
	if a == nil {
		f.t.Fatal("Thêm… opened no dialog")
	}
	if sub.Kind == domain.SubjectCollective {
		a.kind.SetSelected("Tập thể")
	}
	test.Type(a.search, f.v.subjectName(sub))
	found := false
	for i, m := range a.matches {
		if m == sub {
			a.list.Select(i)
			found = true
		}
	}
	if !found {
		f.t.Fatalf("search %q does not find %s", a.search.Text, sub.Code)
	}
	if !a.chooseAward(award) {
		f.t.Fatalf("award %s not offered", award)
	}
	f.v.lastErr = nil
	test.Tap(a.addBtn)
	if f.v.lastErr != nil {
		f.t.Fatalf("add: %v", f.v.lastErr)
	}
	n, ok := f.nomineeOf(sub, award)
	if !ok {
		f.t.Fatalf("%s not in the round after adding", sub.Code)
	}
	return n
}

func TestRound_IneligibleNeedsJustification(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	f.createRound("Đợt có giải trình")
	vd := f.ineligibleFor(awardCSTDCS)
	n := f.add(vd.Subject, awardCSTDCS)
	if n.Eligible || len(n.Reasons) == 0 {
		t.Fatalf("nominee %+v: want ineligible with reasons", n)
	}
	j := rt.justify
	if j == nil || j.n.ID != n.ID {
		t.Fatal("no justification asked for an ineligible nominee")
	}
	// The reasons are in the table and the editor; the justification is missing.
	row := -1
	for i, x := range rt.nominees {
		if x.ID == n.ID {
			row = i
		}
	}
	if c := rt.cell(row, nomJustification); c.text != "Thiếu" {
		t.Errorf("justification cell %q, want Thiếu", c.text)
	}
	if rt.editor.n.ID != n.ID || !strings.Contains(rt.editor.reasons.Text, n.Reasons[0]) {
		t.Errorf("editor shows %d with %q", rt.editor.n.ID, rt.editor.reasons.Text)
	}
	j.dlg.Hide() // Để sau

	// The council votes on everyone; the justification is still missing,
	// and submitting says so, naming the nominee.
	f.voteAll(rt.round.ID)
	f.v.lastErr = nil
	test.Tap(rt.submitBtn)
	if f.v.lastErr == nil || rt.round.Status != domain.StatusDraft {
		t.Fatalf("a round with an unjustified ineligible nominee was submitted (status %s)", rt.round.Status)
	}
	if msg := kit.ErrorText(f.v.lastErr); !strings.Contains(msg, "giải trình") || !strings.Contains(msg, f.v.subjectName(n.Subject)) {
		t.Errorf("message %q does not say whose justification is missing", msg)
	}
	rt.selectNomineeID(n.ID)
	rt.editor.justification.SetText("Giám đốc đề nghị vì thành tích đột xuất trong năm.")
	test.Tap(rt.editor.saveBtn)
	if f.v.lastErr = nil; rt.cell(row, nomJustification).text != "Có" {
		t.Fatalf("justification cell %q after saving", rt.cell(row, nomJustification).text)
	}
	test.Tap(rt.submitBtn)
	if f.v.lastErr != nil || rt.round.Status != domain.StatusSubmitted {
		t.Fatalf("submit with the justification: %v (status %s)", f.v.lastErr, rt.round.Status)
	}
	// Chờ duyệt: the director may still correct his justification, not the report.
	rt.selectNomineeID(n.ID)
	if rt.editor.justification.Disabled() || !rt.editor.achievements.Disabled() {
		t.Fatalf("awaiting approval: justification disabled %v, report disabled %v", rt.editor.justification.Disabled(), rt.editor.achievements.Disabled())
	}
	rt.editor.justification.SetText("Giám đốc đề nghị vì thành tích đột xuất trong đợt cao điểm thu.")
	test.Tap(rt.editor.saveBtn)
	if f.v.lastErr != nil {
		t.Fatalf("director's justification while awaiting approval: %v", f.v.lastErr)
	}

	// The director reads the summary and sends the round back with a reason.
	test.Tap(rt.summaryBtn)
	d := rt.summary
	if d == nil || len(d.sum.Ineligible) != 1 || d.sum.Ineligible[0].Justification != "Giám đốc đề nghị vì thành tích đột xuất trong đợt cao điểm thu." ||
		len(d.sum.Problems) != 0 || d.approveBtn.Disabled() || d.returnBtn.Disabled() {
		t.Fatalf("summary %+v", d)
	}
	test.Tap(d.returnBtn)
	test.Tap(d.returnOK)
	if rt.round.Status != domain.StatusSubmitted || d.returnForm.ErrorFor(FieldReturnReason) == "" {
		t.Fatalf("returned without a reason: status %s, field error %q", rt.round.Status, d.returnForm.ErrorFor(FieldReturnReason))
	}
	d.returnReason.SetText("Bổ sung bản chụp quyết định khen thưởng")
	test.Tap(d.returnOK)
	if rt.round.Status != domain.StatusDraft || !rt.returned.Visible() || !strings.Contains(rt.returned.Text, "Bổ sung bản chụp quyết định khen thưởng") {
		t.Fatalf("after the return: status %s, banner %v %q", rt.round.Status, rt.returned.Visible(), rt.returned.Text)
	}
	// Submitted again and approved from the summary.
	test.Tap(rt.submitBtn)
	test.Tap(rt.summaryBtn)
	test.Tap(rt.summary.approveBtn)
	if f.v.lastErr != nil || rt.round.Status != domain.StatusApproved || rt.returned.Visible() {
		t.Fatalf("approve from the summary: %v, status %s", f.v.lastErr, rt.round.Status)
	}
	if !rt.editor.justification.Disabled() || !rt.addBtn.Disabled() {
		t.Error("an approved round can still be edited")
	}
}

// voteAll records a council that passes everyone of the round.
func (f *fixture) voteAll(roundID int64) {
	f.t.Helper()
	c, err := f.svc.Council(f.ctx, roundID)
	if err != nil {
		f.t.Fatal(err)
	}
	for i := range c.Members {
		if c.Members[i].Name == "" {
			c.Members[i].Name = fmt.Sprintf("Thành viên %d", i+1)
		}
	}
	ns, err := f.svc.Nominees(f.ctx, roundID)
	if err != nil {
		f.t.Fatal(err)
	}
	c.Votes = nil
	for _, n := range ns {
		c.Votes = append(c.Votes, domain.Vote{NomineeID: n.ID, For: c.Present()})
	}
	if err := f.svc.SaveCouncil(f.ctx, c); err != nil {
		f.t.Fatal(err)
	}
}

func TestRound_JustificationDialogSaves(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	f.createRound("Đợt thử giải trình")
	vd := f.ineligibleFor(awardCSTDCS)
	n := f.add(vd.Subject, awardCSTDCS)
	j := rt.justify
	if j == nil {
		t.Fatal("no justification asked")
	}
	test.Tap(j.saveBtn)
	if !j.errText.Visible() {
		t.Fatal("an empty justification was accepted")
	}
	test.Type(j.text, "Ý kiến của Giám đốc")
	test.Tap(j.saveBtn)
	ns, err := f.svc.Nominees(f.ctx, rt.round.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range ns {
		if x.ID == n.ID && x.Justification != "Ý kiến của Giám đốc" {
			t.Fatalf("stored justification %q", x.Justification)
		}
	}
}

func TestRound_ReportTextIsEditedAndSaved(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	f.createRound("Đợt thử báo cáo")
	rt.propose(awardFree)
	if len(rt.nominees) == 0 {
		t.Fatal("nobody proposed")
	}
	n := rt.nominees[0]
	rt.selectNomineeID(n.ID)
	e := rt.editor
	if e.achievements.Text != n.Report.Achievements {
		t.Fatalf("editor shows %q, stored %q", e.achievements.Text, n.Report.Achievements)
	}
	e.achievements.SetText("Hoàn thành xuất sắc nhiệm vụ được giao.")
	if !e.dirty() {
		t.Fatal("typed text not seen as unsaved")
	}
	test.Tap(e.saveBtn)
	ns, err := f.svc.Nominees(f.ctx, rt.round.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range ns {
		if x.ID == n.ID && x.Report.Achievements != "Hoàn thành xuất sắc nhiệm vụ được giao." {
			t.Fatalf("stored II.2 %q", x.Report.Achievements)
		}
	}
	if len(e.checklist) == 0 {
		t.Error("no checklist for the nominee")
	}
	for i := range e.checklist {
		if c := e.checkCell(i, 1); c.text != "✓" && c.text != "✗" {
			t.Errorf("checklist cell %q", c.text)
		}
	}
}

// councilOf fills the council of the open round with n members, all present.
func (f *fixture) councilOf(n int, method domain.VoteMethod) {
	f.t.Helper()
	c := f.v.council
	c.date.SetText("20/01/2026")
	c.place.SetText("Hà Tĩnh")
	c.method.SetSelected(method.Label())
	for len(c.members) > 0 {
		c.removeMember(c.members[0])
	}
	for i := range n {
		test.Tap(c.addMember)
		m := c.members[len(c.members)-1]
		m.name.SetText("Thành viên " + string(rune('A'+i)))
		m.position.SetText("Trưởng phòng")
		m.role.SetText("Ủy viên")
		m.present.SetChecked(true)
	}
}

func TestCouncil_VotesRecomputeTheResult(t *testing.T) {
	f := newFixture(t)
	rt, c := f.v.rounds, f.v.council
	f.createRound("Đợt thử hội đồng")
	// A CSTĐ cấp bộ nominee: eligible if the demo has one, else justified.
	var sub domain.Subject
	taken := f.nominated("CSTD_BO")
	for _, vd := range f.verdicts("CSTD_BO") {
		if vd.Subject.Kind == domain.SubjectPerson && !taken[vd.Subject] && (sub.Code == "" || vd.Eligible) {
			sub = vd.Subject
		}
	}
	n := f.add(sub, "CSTD_BO")
	if rt.justify != nil && rt.justify.n.ID == n.ID {
		test.Type(rt.justify.text, "Giám đốc đề nghị.")
		test.Tap(rt.justify.saveBtn)
	}
	f.v.tabs.SelectIndex(2)
	if c.roundID != rt.round.ID || !c.body.Visible() {
		t.Fatalf("council of round %d shown, want %d", c.roundID, rt.round.ID)
	}
	f.councilOf(9, domain.VoteSecret)
	if c.present.Text != "Có mặt 9 / 9 thành viên" {
		t.Errorf("present line %q", c.present.Text)
	}

	c.setVotes(n.ID, 8, 1, 0)
	if got := c.resultCell(n.ID); !strings.Contains(got.text, "Chưa lưu") {
		t.Errorf("result before saving %q", got.text)
	}
	f.v.lastErr = nil
	test.Tap(c.saveBtn)
	if f.v.lastErr != nil {
		t.Fatalf("save council: %v", f.v.lastErr)
	}
	o, ok := rt.outcomes[n.ID]
	if !ok || o.Passed {
		t.Fatalf("8/9 for CSTĐ cấp bộ: %+v, want not passed", o)
	}
	if got := c.resultCell(n.ID); !strings.HasPrefix(got.text, "Không đạt") || got.imp != verdictImportance(false) {
		t.Errorf("result cell %+v", got)
	}

	c.setVotes(n.ID, 9, 0, 0)
	test.Tap(c.saveBtn)
	if f.v.lastErr != nil {
		t.Fatalf("save council: %v", f.v.lastErr)
	}
	if o := rt.outcomes[n.ID]; !o.Passed {
		t.Fatalf("9/9 for CSTĐ cấp bộ: %+v, want passed", o)
	}
	if got := c.resultCell(n.ID); !strings.HasPrefix(got.text, "Đạt") {
		t.Errorf("result cell %q", got.text)
	}
	// What was saved is what the service reads back.
	stored, err := f.svc.Council(f.ctx, rt.round.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Method != domain.VoteSecret || stored.Present() != 9 || stored.Place != "Hà Tĩnh" {
		t.Errorf("stored council %+v", stored)
	}

	// A count that is not a number is refused before anything is written.
	c.setVote(n.ID, 1, "mười")
	if got := c.resultCell(n.ID); got.imp != verdictImportance(false) || !strings.Contains(got.text, "số nguyên") {
		t.Errorf("result cell for a bad count: %+v", got)
	}
	f.v.lastErr = nil
	test.Tap(c.saveBtn)
	if f.v.lastErr == nil {
		t.Error("a bad count was saved")
	}
}

func TestRound_StatusButtonsFollowTheFlow(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	f.createRound("Đợt thử quy trình")
	rt.propose(awardFree)
	enabled := func() string {
		var out []string
		for _, b := range []*struct {
			name string
			on   bool
		}{
			{"Trình duyệt", !rt.submitBtn.Disabled()}, {"Duyệt", !rt.approveBtn.Disabled()},
			{"Mở lại", !rt.reopenBtn.Disabled()}, {"Đã gửi", !rt.sentBtn.Disabled()},
			{"Thêm", !rt.addBtn.Disabled()},
		} {
			if b.on {
				out = append(out, b.name)
			}
		}
		return strings.Join(out, ",")
	}
	if got := enabled(); got != "Trình duyệt,Thêm" {
		t.Fatalf("draft: %s", got)
	}
	// The council votes before the round goes forward.
	f.v.tabs.SelectIndex(2)
	f.councilOf(5, domain.VoteShowOfHands)
	for _, n := range rt.nominees {
		f.v.council.setVotes(n.ID, 5, 0, 0)
	}
	test.Tap(f.v.council.saveBtn)
	if f.v.lastErr != nil {
		t.Fatalf("save council: %v", f.v.lastErr)
	}

	steps := []struct {
		tap  func()
		want domain.RoundStatus
		on   string
	}{
		{func() { test.Tap(rt.submitBtn) }, domain.StatusSubmitted, "Duyệt,Mở lại"},
		{func() { reopenWith(rt, "") }, domain.StatusDraft, "Trình duyệt,Thêm"},
		{func() { test.Tap(rt.submitBtn) }, domain.StatusSubmitted, "Duyệt,Mở lại"},
		{func() { test.Tap(rt.approveBtn) }, domain.StatusApproved, "Mở lại,Đã gửi"},
		{func() { test.Tap(rt.sentBtn) }, domain.StatusSent, ""},
	}
	for i, s := range steps {
		f.v.lastErr = nil
		s.tap()
		if f.v.lastErr != nil {
			t.Fatalf("step %d: %v", i, f.v.lastErr)
		}
		if rt.round.Status != s.want {
			t.Fatalf("step %d: status %s, want %s", i, rt.round.Status, s.want)
		}
		if got := enabled(); got != s.on {
			t.Errorf("step %d (%s): enabled %q, want %q", i, s.want, got, s.on)
		}
		stored, err := f.svc.Round(f.ctx, rt.round.ID)
		if err != nil || stored.Status != s.want {
			t.Fatalf("step %d: stored %s (%v)", i, stored.Status, err)
		}
	}
}

func TestRound_DossierIsWrittenIntoAFolder(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	f.createRound("Đợt thử hồ sơ")
	rt.propose(awardFree)
	dir := t.TempDir()
	f.v.lastErr = nil
	rt.exportDossier(dir)
	if f.v.lastErr != nil {
		t.Fatalf("export: %v", f.v.lastErr)
	}
	files := 0
	_ = filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && fi.Size() > 0 {
			files++
		}
		return nil
	})
	if files == 0 {
		t.Fatal("no file written")
	}
	if rt.exported != dir || len(f.v.banner.Objects) != 1 {
		t.Errorf("no Mở thư mục banner (exported %q)", rt.exported)
	}
}

func TestRounds_ListOpenAndDelete(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	// The demo office's approved year-end round is listed with its count
	// and, being approved, can no longer be changed.
	if len(rt.rounds) == 0 {
		t.Fatal("no round listed")
	}
	demo := rt.rounds[0]
	counts, err := f.svc.NomineeCounts(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	line := rt.roundLine(demo)
	if !strings.Contains(line, demo.Status.Label()) || !strings.Contains(line, demo.Kind.Label()) ||
		!strings.Contains(line, strconv.Itoa(counts[demo.ID])+" đề nghị") {
		t.Errorf("round line %q (status %s, %d nominees)", line, demo.Status, counts[demo.ID])
	}
	rt.list.Select(0)
	if rt.round.ID != demo.ID || len(rt.nominees) != counts[demo.ID] || !rt.detail.Visible() {
		t.Fatalf("open round %d with %d nominees", rt.round.ID, len(rt.nominees))
	}
	if demo.Status != domain.StatusDraft {
		if !rt.addBtn.Disabled() || !rt.proposeBtn.Disabled() || !rt.deleteBtn.Disabled() {
			t.Error("a round past Nháp offers to add or delete")
		}
		if f.v.council.editable() && demo.Status != domain.StatusSubmitted {
			t.Error("the council of an approved round is editable")
		}
	}

	// A new round is deleted after asking.
	r := f.createRound("Đợt sẽ xóa")
	test.Tap(rt.deleteBtn)
	if f.v.confirm == nil {
		t.Fatal("no confirmation asked")
	}
	f.v.confirm.Confirm()
	for _, x := range rt.rounds {
		if x.ID == r.ID {
			t.Fatal("the round is still listed")
		}
	}
	if rt.round.ID != 0 || rt.detail.Visible() {
		t.Error("the deleted round is still open")
	}
}

// reopenWith taps Mở lại, types the reason and confirms.
func reopenWith(rt *roundsTab, reason string) {
	test.Tap(rt.reopenBtn)
	rt.reopenReason.SetText(reason)
	test.Tap(rt.reopenOK)
}

func TestRound_ReopeningAnApprovedRoundAsksWhy(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	rt.list.Select(0) // the demo's approved year-end round
	if rt.round.Status != domain.StatusApproved {
		t.Fatalf("demo round is %s, want Đã duyệt", rt.round.Status)
	}
	reopenWith(rt, "")
	if msg := rt.reopenForm.ErrorFor(FieldReopenReason); msg == "" {
		t.Fatal("no message under Lý do mở lại when reopening an approved round without a reason")
	}
	if stored, _ := f.svc.Round(f.ctx, rt.round.ID); stored.Status != domain.StatusApproved {
		t.Fatalf("reopened without a reason: %s", stored.Status)
	}
	rt.reopenReason.SetText("Bổ sung quyết định công nhận sáng kiến")
	test.Tap(rt.reopenOK)
	if rt.round.Status != domain.StatusDraft {
		t.Fatalf("status %s after reopening with a reason", rt.round.Status)
	}
	evs, err := f.svc.RoundEvents(f.ctx, rt.round.ID)
	if err != nil || len(evs) == 0 || evs[len(evs)-1].Reason != "Bổ sung quyết định công nhận sáng kiến" && evs[0].Reason != "Bổ sung quyết định công nhận sáng kiến" {
		t.Fatalf("the reason is not in the round's history: %+v %v", evs, err)
	}
}

func TestRound_ClerkCannotApprove(t *testing.T) {
	f := newFixture(t)
	clerk := f.svc.As(domain.Account{Username: "cv", Role: domain.RoleClerk})
	v := newView(clerk, f.win, uitest.RunNow)
	f.win.SetContent(v.Content())
	v.Reload()
	f.v = v
	rt := v.rounds
	f.createRound("Đợt của chuyên viên")
	rt.propose(awardFree)
	f.voteAll(rt.round.ID)
	test.Tap(rt.submitBtn)
	if rt.round.Status != domain.StatusSubmitted {
		t.Fatalf("submit: %s (%v)", rt.round.Status, v.lastErr)
	}
	if !rt.approveBtn.Disabled() {
		t.Fatal("a clerk is offered Duyệt")
	}
}

// TestRound_SearchFindsANominee: in a round of dozens, typing part of a
// name (without diacritics) leaves the matching rows, and selecting one
// opens that nominee.
func TestRound_SearchFindsANominee(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	rt.list.Select(0)
	if len(rt.nominees) < 10 {
		t.Fatalf("demo round has %d nominees", len(rt.nominees))
	}
	target := rt.nominees[len(rt.nominees)-1]
	name := f.v.subjectName(target.Subject)
	rt.search.SetText(domain.Fold(name))
	if len(rt.shown) == 0 || len(rt.shown) >= len(rt.nominees) {
		t.Fatalf("search %q shows %d of %d", name, len(rt.shown), len(rt.nominees))
	}
	row := -1
	for r, i := range rt.shown {
		if rt.nominees[i].ID == target.ID {
			row = r
		}
		if got := f.v.subjectName(rt.nominees[i].Subject); !strings.Contains(domain.Fold(got), domain.Fold(name)) {
			t.Errorf("row %d is %q", r, got)
		}
	}
	if row < 0 {
		t.Fatalf("%s not among the rows found", name)
	}
	rt.table.Select(widget.TableCellID{Row: row, Col: 0})
	if rt.editor.n.ID != target.ID {
		t.Errorf("editor opened %d, want %d", rt.editor.n.ID, target.ID)
	}
	rt.search.SetText("")
	if len(rt.shown) != len(rt.nominees) {
		t.Errorf("cleared search shows %d of %d", len(rt.shown), len(rt.nominees))
	}
}

// TestCouncil_VoteSearch: the vote table of a round of dozens narrows to
// the nominees whose name is typed.
func TestCouncil_VoteSearch(t *testing.T) {
	f := newFixture(t)
	f.v.rounds.list.Select(0)
	f.v.tabs.SelectIndex(2)
	ct := f.v.council
	all := len(f.v.rounds.nominees)
	if len(ct.voteRows) != all || all < 10 {
		t.Fatalf("vote table shows %d of %d", len(ct.voteRows), all)
	}
	name := f.v.subjectName(f.v.rounds.nominees[3].Subject)
	ct.voteFind.SetText(domain.Fold(name))
	if len(ct.voteRows) == 0 || len(ct.voteRows) >= all {
		t.Fatalf("search %q shows %d of %d", name, len(ct.voteRows), all)
	}
	for _, i := range ct.voteRows {
		if got := f.v.subjectName(f.v.rounds.nominees[i].Subject); !strings.Contains(domain.Fold(got), domain.Fold(name)) {
			t.Errorf("row shows %q", got)
		}
	}
}
