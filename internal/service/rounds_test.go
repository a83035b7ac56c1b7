package service

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

// demoRoundFixture is the demo office (clock 2026-03-01, so L = 2025) with
// its approved round of 2025.
func demoRoundFixture(t *testing.T) *Service {
	t.Helper()
	s, _, _ := fillDemo(t, DemoOptions{})
	return s
}

func mustRound(t *testing.T, s *Service, year int) int64 {
	t.Helper()
	id, err := s.CreateRound(context.Background(), domain.Round{Year: year, Kind: domain.RoundRegular})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// verdictWhere finds the first verdict of year matching ok.
func verdictWhere(t *testing.T, s *Service, year int, ok func(v rules.Verdict) bool) rules.Verdict {
	t.Helper()
	vs, err := s.Eligibility(context.Background(), year, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if ok(v) {
			return v
		}
	}
	t.Fatalf("no verdict of %d as wanted", year)
	return rules.Verdict{}
}

func TestRound_CreateValidatesAndNames(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	_, err := s.CreateRound(ctx, domain.Round{Year: 1900, Kind: "khac"})
	wantFields(t, "bad year and kind", err, FieldYear, FieldRoundKind)
	_, err = s.CreateRound(ctx, domain.Round{Year: 2024, Kind: domain.RoundThematic, MovementID: 9999})
	wantFields(t, "unknown movement", err, FieldMovement)
	id := mustRound(t, s, 2024)
	r, err := s.Round(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Đợt đề nghị khen thưởng năm 2024" || r.Status != domain.StatusDraft || r.Kind != domain.RoundRegular {
		t.Errorf("new round = %+v", r)
	}
	id2, err := s.CreateRound(ctx, domain.Round{Year: 2026, Kind: domain.RoundOneOff, Name: "  Khen thưởng   đột xuất chống bão  "})
	if err != nil {
		t.Fatal(err)
	}
	if r2, _ := s.Round(ctx, id2); r2.Name != "Khen thưởng đột xuất chống bão" {
		t.Errorf("name not cleaned: %q", r2.Name)
	}
	if _, err := s.Round(ctx, 9999); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("missing round: %v", err)
	}
}

func TestRound_StatusFlow(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	id := mustRound(t, s, 2024)
	// Nothing to submit yet; no jumping ahead.
	wantFields(t, "submit empty", s.SetRoundStatus(ctx, id, domain.StatusSubmitted), FieldNominee)
	wantFields(t, "draft → approved", s.SetRoundStatus(ctx, id, domain.StatusApproved), FieldRoundStatus)
	wantFields(t, "draft → sent", s.SetRoundStatus(ctx, id, domain.StatusSent), FieldRoundStatus)
	v := verdictWhere(t, s, 2024, func(v rules.Verdict) bool { return v.Award == "TTLDTT" && v.Eligible })
	n, err := s.AddNominee(ctx, id, v.Subject, "TTLDTT")
	if err != nil {
		t.Fatal(err)
	}
	wantFields(t, "submit before the council voted", s.SetRoundStatus(ctx, id, domain.StatusSubmitted), FieldVotes)
	c := councilOf(id, 5, 5, domain.VoteShowOfHands)
	c.Votes = []domain.Vote{{NomineeID: n.ID, For: 5}}
	must(t, s.SaveCouncil(ctx, c))
	steps := []struct {
		to     domain.RoundStatus
		ok     bool
		reason string // reopen with ReopenRound and this reason
	}{
		{domain.StatusSubmitted, true, ""},
		{domain.StatusSent, false, ""},
		{domain.StatusDraft, true, ""}, // reopen
		{domain.StatusSubmitted, true, ""},
		{domain.StatusApproved, true, ""},
		{domain.StatusSubmitted, false, ""},
		{domain.StatusDraft, false, ""}, // an approved round reopens only with a reason
		{domain.StatusDraft, true, "Bổ sung biên bản họp Hội đồng"},
		{domain.StatusSubmitted, true, ""},
		{domain.StatusApproved, true, ""},
		{domain.StatusSent, true, ""},
		{domain.StatusDraft, false, ""}, // sent is final
		{domain.StatusDraft, false, "Sửa sau khi gửi"},
		{domain.StatusApproved, false, ""},
	}
	for i, st := range steps {
		err := s.SetRoundStatus(ctx, id, st.to)
		if st.reason != "" {
			err = s.ReopenRound(ctx, id, st.reason)
		}
		if (err == nil) != st.ok {
			t.Fatalf("step %d → %s: err %v, want ok=%v", i, st.to, err, st.ok)
		}
	}
	if r, _ := s.Round(ctx, id); r.Status != domain.StatusSent {
		t.Errorf("status %s, want DA_GUI", r.Status)
	}
	if err := s.DeleteRound(ctx, id); !errors.Is(err, domain.ErrInUse) {
		t.Errorf("delete a sent round: %v", err)
	}
	// Changes to nominees only in Nháp.
	if _, err := s.AddNominee(ctx, id, domain.PersonSubject("HTI0030"), "GK"); !errors.Is(err, domain.ErrInUse) {
		t.Errorf("add to a sent round: %v", err)
	}
	id2 := mustRound(t, s, 2023)
	if err := s.DeleteRound(ctx, id2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Round(ctx, id2); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted round still there: %v", err)
	}
}

// TestRound_SubmitNeedsEverything: a round with an ineligible nominee
// without justification and without votes cannot be submitted, and the
// refusal lists both problems; the director may still write his
// justification while the round awaits approval (and nothing else can
// change then), and may send the round back with a reason that the
// summary shows.
func TestRound_SubmitNeedsEverything(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	id := mustRound(t, s, 2024)
	bad := verdictWhere(t, s, 2024, func(v rules.Verdict) bool {
		return v.Award == "GK" && !v.Eligible && v.Subject.Kind == domain.SubjectPerson && v.Subject.Code > "HTI0025"
	})
	n, err := s.AddNominee(ctx, id, bad.Subject, "GK")
	if err != nil {
		t.Fatal(err)
	}
	if n.Eligible || len(n.Reasons) == 0 || n.Report.Achievements == "" || n.Report.Duties == "" || n.Report.Policy == "" {
		t.Fatalf("ineligible nominee = %+v", n)
	}
	err = s.SetRoundStatus(ctx, id, domain.StatusSubmitted)
	wantFields(t, "submit without justification and votes", err, FieldVotes, FieldJustification)
	name := s.mustName(t, bad.Subject)
	for _, fe := range domain.AsFieldErrors(err) {
		if !strings.Contains(fe.Msg, name) || !strings.Contains(fe.Msg, "Giấy khen") {
			t.Errorf("problem does not name the nominee and the award: %s", fe.Msg)
		}
	}
	// The council votes; the justification is still missing.
	c, err := s.Council(ctx, id)
	must(t, err)
	c.Members[len(c.Members)-1].Name = "Lê Văn Thư"
	c.Votes = []domain.Vote{{NomineeID: n.ID, For: len(c.Members)}}
	must(t, s.SaveCouncil(ctx, c))
	wantFields(t, "submit without justification", s.SetRoundStatus(ctx, id, domain.StatusSubmitted), FieldJustification)
	n.Justification = "Thành tích đột xuất\r\n\r\n\r\n  trong   đợt cao điểm"
	must(t, s.SaveNominee(ctx, n))
	must(t, s.SetRoundStatus(ctx, id, domain.StatusSubmitted))
	ns, _ := s.Nominees(ctx, id)
	if ns[0].Justification != "Thành tích đột xuất\n\ntrong đợt cao điểm" || ns[0].Eligible {
		t.Errorf("saved nominee = %+v", ns[0])
	}

	// Chờ duyệt: the clerk changes nothing; the director his justification only.
	clerk := s.As(domain.Account{Username: "chuyenvien", Role: domain.RoleClerk})
	n = ns[0]
	n.Justification = "Giải trình của chuyên viên"
	if err := clerk.SaveNominee(ctx, n); !errors.Is(err, domain.ErrInUse) {
		t.Errorf("clerk saves while submitted: %v", err)
	}
	n.Justification = "Thành tích đột xuất trong đợt cao điểm thu BHYT học sinh"
	n.Report.Achievements = "đổi nội dung"
	must(t, s.SaveNominee(ctx, n))
	ns, _ = s.Nominees(ctx, id)
	if ns[0].Justification != n.Justification || ns[0].Report.Achievements == "đổi nội dung" {
		t.Errorf("director's save while submitted: justification %q, report %q", ns[0].Justification, ns[0].Report.Achievements)
	}

	// Trả lại: the director's reason is required, kept, and shown.
	wantFields(t, "return without a reason", s.ReturnRound(ctx, id, " "), FieldReturnReason)
	if err := clerk.ReturnRound(ctx, id, "x"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("clerk returns a round: %v", err)
	}
	must(t, s.ReturnRound(ctx, id, "Bổ sung bản chụp quyết định"))
	sum, err := s.RoundSummary(ctx, id)
	must(t, err)
	if sum.Round.Status != domain.StatusDraft || sum.Returned != "Bổ sung bản chụp quyết định" || len(sum.Problems) != 0 {
		t.Errorf("summary after the return: %+v", sum)
	}
	if len(sum.Awards) != 1 || sum.Awards[0].Name != "Giấy khen" || sum.Awards[0].Nominees != 1 || sum.Awards[0].Eligible != 0 ||
		sum.Awards[0].Voted != 1 || sum.Awards[0].Passed != 1 || len(sum.Ineligible) != 1 || sum.Ineligible[0].Justification == "" {
		t.Errorf("summary tallies %+v, ineligible %+v", sum.Awards, sum.Ineligible)
	}
	must(t, s.SetRoundStatus(ctx, id, domain.StatusSubmitted))
	must(t, s.SetRoundStatus(ctx, id, domain.StatusApproved))
	if sum, _ := s.RoundSummary(ctx, id); sum.Returned != "" {
		t.Errorf("an approved round still shows the return: %q", sum.Returned)
	}
}

func (s *Service) mustName(t *testing.T, sub domain.Subject) string {
	t.Helper()
	names, err := s.names(context.Background())
	must(t, err)
	return names.subject(sub)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestRound_NomineeRules(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	a, b, other := mustRound(t, s, 2024), mustRound(t, s, 2024), mustRound(t, s, 2023)
	v := verdictWhere(t, s, 2024, func(v rules.Verdict) bool {
		return v.Award == "GK" && v.Eligible && v.Subject.Kind == domain.SubjectPerson
	})
	if _, err := s.AddNominee(ctx, a, v.Subject, "GK"); err != nil {
		t.Fatal(err)
	}
	// Same subject, award and year: refused in the same round and in another.
	for _, r := range []int64{a, b} {
		_, err := s.AddNominee(ctx, r, v.Subject, "GK")
		if !errors.Is(err, domain.ErrDuplicate) || !strings.Contains(err.Error(), "Đợt đề nghị khen thưởng năm 2024") {
			t.Errorf("duplicate in round %d: %v", r, err)
		}
	}
	// Another year or another award is fine.
	if _, err := s.AddNominee(ctx, other, v.Subject, "GK"); err != nil {
		t.Errorf("another year: %v", err)
	}
	if _, err := s.AddNominee(ctx, b, v.Subject, "LDTT"); err != nil {
		t.Errorf("another award: %v", err)
	}
	// The demo round holds 2025's nominees.
	if _, err := s.AddNominee(ctx, mustRound(t, s, 2025), domain.UnitSubject("HTI-VP"), "TTLDTT"); !errors.Is(err, domain.ErrDuplicate) {
		t.Errorf("duplicate of the demo round: %v", err)
	}
	// Awards the subject's kind cannot get, unknown awards and subjects.
	_, err := s.AddNominee(ctx, b, domain.UnitSubject("HTI-VP"), "CSTDCS")
	wantFields(t, "collective CSTĐCS", err, FieldAward)
	_, err = s.AddNominee(ctx, b, v.Subject, "TTLDXS")
	wantFields(t, "person TTLĐXS", err, FieldAward)
	_, err = s.AddNominee(ctx, b, v.Subject, "XYZ")
	wantFields(t, "unknown award", err, FieldAward)
	_, err = s.AddNominee(ctx, b, domain.PersonSubject("NOPE"), "GK")
	wantFields(t, "unknown person", err, FieldNominee)
	// A person under discipline today (HTI0007: cảnh cáo without end) is refused.
	_, err = s.AddNominee(ctx, b, domain.PersonSubject("HTI0007"), "GK")
	if fe := domain.AsFieldErrors(err); len(fe) != 1 || !strings.Contains(fe[0].Msg, "kỷ luật") {
		t.Errorf("disciplined person: %v", err)
	}
	// Removing frees the slot.
	ns, _ := s.Nominees(ctx, a)
	must(t, s.RemoveNominee(ctx, ns[0].ID))
	if _, err := s.AddNominee(ctx, b, v.Subject, "GK"); err != nil {
		t.Errorf("after removal: %v", err)
	}
}

func TestRound_ProposeEligible(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	id := mustRound(t, s, 2024)
	vs, err := s.Eligibility(ctx, 2024, "")
	must(t, err)
	total := 0
	for _, award := range []string{"TTLDTT", "BK_BO", "CSTDCS", "LDTT"} {
		want := 0
		for _, v := range vs {
			if v.Award == award && v.Eligible && (v.Quota == nil || v.Quota.OverBy == 0 || (v.Quota.Rank > 0 && v.Quota.Rank <= v.Quota.Limit)) {
				want++
			}
		}
		if want == 0 {
			t.Fatalf("no eligible %s in 2024", award)
		}
		got, err := s.ProposeEligible(ctx, id, award)
		must(t, err)
		if got != want || got != len(EligibleToPropose(vs, award)) {
			t.Errorf("%s: added %d, engine has %d eligible", award, got, want)
		}
		again, err := s.ProposeEligible(ctx, id, award)
		if err != nil || again != 0 {
			t.Errorf("%s again: %d, %v", award, again, err)
		}
		total += got
	}
	ns, err := s.Nominees(ctx, id)
	must(t, err)
	if len(ns) != total {
		t.Errorf("%d nominees, want %d", len(ns), total)
	}
	for _, n := range ns {
		if !n.Eligible {
			t.Errorf("%s %s proposed but ineligible", n.Subject.Code, n.Award)
		}
	}
	if _, err := s.ProposeEligible(ctx, id, "XYZ"); err == nil {
		t.Error("unknown award accepted")
	}
}

// councilOf gives a council of n members, the first present of them present.
// voteAll records a council of five, all present, that passes every
// nominee of the round.
func voteAll(t *testing.T, s *Service, id int64) {
	t.Helper()
	ctx := context.Background()
	ns, err := s.Nominees(ctx, id)
	must(t, err)
	c := councilOf(id, 5, 5, domain.VoteShowOfHands)
	for _, n := range ns {
		c.Votes = append(c.Votes, domain.Vote{NomineeID: n.ID, For: 5})
	}
	must(t, s.SaveCouncil(ctx, c))
}

func councilOf(roundID int64, n, present int, method domain.VoteMethod) domain.Council {
	c := domain.Council{RoundID: roundID, Date: domain.NewDate(2025, 1, 15), Place: "Hội trường", Method: method}
	for i := 0; i < n; i++ {
		c.Members = append(c.Members, domain.CouncilMember{Name: "Thành viên " + string(rune('A'+i)), Role: "Ủy viên", Present: i < present})
	}
	return c
}

func TestRound_VoteThresholds(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	id := mustRound(t, s, 2024)
	bo, err := s.AddNominee(ctx, id, domain.PersonSubject("HTI0030"), "CSTD_BO")
	must(t, err)
	gk, err := s.AddNominee(ctx, id, domain.PersonSubject("HTI0031"), "GK")
	must(t, err)
	cases := []struct {
		name            string
		present         int
		method          domain.VoteMethod
		boFor, gkFor    int
		boPass, gkPass  bool
		boPct           float64
		boReason, gkWhy string
	}{
		{"9/9 secret; 5/9", 9, domain.VoteSecret, 9, 5, true, true, 100, "Đạt", "Đạt"},
		{"8/9 secret; 4/9", 9, domain.VoteSecret, 8, 4, false, false, 800.0 / 9, "88,9%", "44,4%"},
		{"9/9 by show of hands", 9, domain.VoteShowOfHands, 9, 5, false, true, 100, "giơ tay", "Đạt"},
		// Counted over all members, not those present: 5 of 9 with 6 present still passes.
		{"6 present", 6, domain.VoteSecret, 6, 5, false, true, 600.0 / 9, "66,7%", "55,6%"},
	}
	for _, tc := range cases {
		c := councilOf(id, 9, tc.present, tc.method)
		c.Votes = []domain.Vote{{NomineeID: bo.ID, For: tc.boFor}, {NomineeID: gk.ID, For: tc.gkFor, Against: tc.present - tc.gkFor}}
		must(t, s.SaveCouncil(ctx, c))
		res, err := s.VoteResult(ctx, id)
		must(t, err)
		b, g := res[bo.ID], res[gk.ID]
		if b.Passed != tc.boPass || g.Passed != tc.gkPass || !b.SecretRequired || g.SecretRequired || b.Threshold != 90 || g.Threshold != 50 {
			t.Errorf("%s: CSTD_BO %+v, GK %+v", tc.name, b, g)
		}
		if diff := b.Pct - tc.boPct; diff > 1e-9 || diff < -1e-9 {
			t.Errorf("%s: CSTD_BO pct %v, want %v", tc.name, b.Pct, tc.boPct)
		}
		if !strings.Contains(b.Reason, tc.boReason) || !strings.Contains(g.Reason, tc.gkWhy) {
			t.Errorf("%s: reasons %q / %q", tc.name, b.Reason, g.Reason)
		}
	}
	// Exactly half is not more than half.
	c := councilOf(id, 10, 10, domain.VoteSecret)
	c.Votes = []domain.Vote{{NomineeID: gk.ID, For: 5}}
	must(t, s.SaveCouncil(ctx, c))
	res, _ := s.VoteResult(ctx, id)
	if res[gk.ID].Passed || res[bo.ID].Reason != "Chưa có kết quả biểu quyết" {
		t.Errorf("5/10: %+v; no vote: %+v", res[gk.ID], res[bo.ID])
	}
	// More votes than members present: refused, naming the nominee.
	c = councilOf(id, 9, 8, domain.VoteSecret)
	c.Votes = []domain.Vote{{NomineeID: bo.ID, For: 8, Against: 1}, {NomineeID: gk.ID, For: -1}}
	err = s.SaveCouncil(ctx, c)
	fe := domain.AsFieldErrors(err)
	name := s.mustName(t, bo.Subject)
	if len(fe) != 2 || fe[0].Field != FieldVotes || !strings.Contains(fe[0].Msg, name) || !strings.Contains(fe[0].Msg, "8 thành viên có mặt") {
		t.Errorf("too many votes: %v", err)
	}
	// Members need names; votes must belong to the round.
	c = councilOf(id, 3, 3, domain.VoteSecret)
	c.Members[1].Name = " "
	c.Votes = []domain.Vote{{NomineeID: 99999, For: 1}}
	wantFields(t, "nameless member, foreign vote", s.SaveCouncil(ctx, c), FieldMembers, FieldVotes)
}

func TestRound_DefaultCouncil(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	id := mustRound(t, s, 2024)
	c, err := s.Council(ctx, id)
	must(t, err)
	p, _, _ := s.Profile(ctx)
	if len(c.Members) != 2+len(p.Deputies) || c.Members[0].Name != p.Director.Name || c.Members[0].Role != "Chủ tịch Hội đồng" ||
		c.Members[1].Role != "Phó Chủ tịch Hội đồng" || c.Members[len(c.Members)-1].Name != "" || c.Date != s.Today() || c.Method != domain.VoteShowOfHands {
		t.Errorf("default council = %+v", c)
	}
	_, err = s.AddNominee(ctx, id, domain.PersonSubject("HTI0030"), "CSTD_BO")
	must(t, err)
	if c, _ := s.Council(ctx, id); c.Method != domain.VoteSecret {
		t.Errorf("method with a CSTĐ cấp bộ nominee: %s", c.Method)
	}
}

func TestRound_ChecklistFlagsMissingInitiativeDecision(t *testing.T) {
	s, st, _ := fillDemo(t, DemoOptions{})
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	id := rs[0].ID
	ns, _ := s.Nominees(ctx, id)
	var bo domain.Nominee
	for _, n := range ns {
		if n.Award == "CSTD_BO" && n.Subject.Code == "HTI0014" {
			bo = n
		}
	}
	if bo.ID == 0 {
		t.Fatal("HTI0014 not proposed for CSTĐ cấp bộ in the demo round")
	}
	cl, err := s.Checklist(ctx, id)
	must(t, err)
	for _, it := range cl[bo.ID] {
		if !it.Present {
			t.Errorf("demo checklist item missing: %+v", it)
		}
	}
	// Drop the decision of its ministry-scope initiative.
	inits, err := st.InitiativesOf(ctx, "HTI0014")
	must(t, err)
	var title string
	must(t, st.Write(ctx, func(tx *store.Tx) error {
		for _, in := range inits {
			if in.Scope == domain.ScopeMinistry && in.Year >= 2023 {
				title = in.Title
				in.DecisionNo, in.DecisionDate = "", domain.Date{}
				_, _, err := tx.SaveInitiative(in)
				return err
			}
		}
		return nil
	}))
	if title == "" {
		t.Fatal("HTI0014 has no ministry-scope initiative")
	}
	cl, err = s.Checklist(ctx, id)
	must(t, err)
	find := func() ChecklistItem {
		for _, it := range cl[bo.ID] {
			if strings.Contains(it.Document, title) {
				return it
			}
		}
		t.Fatalf("no checklist item for %q: %+v", title, cl[bo.ID])
		return ChecklistItem{}
	}
	if it := find(); it.Present || !strings.Contains(it.Note, "Thiếu") {
		t.Errorf("missing decision not flagged: %+v", it)
	}
	// A scan attached under the initiative's name is proof enough.
	must(t, s.ReopenRound(ctx, id, "Bổ sung quyết định công nhận sáng kiến"))
	must(t, s.AttachNomineeFile(ctx, bo.ID, "QĐ công nhận "+title+".pdf", []byte("%PDF")))
	cl, err = s.Checklist(ctx, id)
	must(t, err)
	if it := find(); !it.Present {
		t.Errorf("attachment not counted: %+v", it)
	}
	if b, err := s.NomineeFile(ctx, bo.ID, "QĐ công nhận "+title+".pdf"); err != nil || string(b) != "%PDF" {
		t.Errorf("attachment read back: %q %v", b, err)
	}
	// Saving the nominee without the file in its list removes it.
	bo.Attachments = nil
	must(t, s.SaveNominee(ctx, bo))
	if _, err := s.NomineeFile(ctx, bo.ID, "QĐ công nhận "+title+".pdf"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("attachment kept: %v", err)
	}
	// Missing again, it keeps the round from being submitted, naming it…
	problems, err := s.RoundProblems(ctx, id)
	must(t, err)
	if len(problems) != 1 || problems[0].Field != FieldChecklist || !strings.Contains(problems[0].Msg, title) || !strings.Contains(problems[0].Msg, "lý do miễn") {
		t.Fatalf("problems %v", problems)
	}
	// …until it is waived with a reason, which the checklist shows.
	it := find()
	if !it.Waivable {
		t.Fatalf("an initiative's decision is not waivable: %+v", it)
	}
	bo.Waivers = map[string]string{it.Document: "Quyết định bị thất lạc; đã đề nghị Bảo hiểm xã hội Việt Nam cấp bản sao", "Báo cáo thành tích": "   "}
	must(t, s.SaveNominee(ctx, bo))
	cl, err = s.Checklist(ctx, id)
	must(t, err)
	if it := find(); it.Present || !strings.HasPrefix(it.Waived, "Quyết định bị thất lạc") || !it.Done() {
		t.Errorf("waived item %+v", it)
	}
	ns, _ = s.Nominees(ctx, id)
	for _, n := range ns {
		if n.ID == bo.ID && len(n.Waivers) != 1 {
			t.Errorf("waivers stored %v (a blank reason waives nothing)", n.Waivers)
		}
	}
	must(t, s.SetRoundStatus(ctx, id, domain.StatusSubmitted))
}

func TestRound_DemoRoundApprovedWithVotes(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, err := s.Rounds(ctx)
	must(t, err)
	if len(rs) != 1 || rs[0].Year != 2025 || rs[0].Status != domain.StatusApproved || rs[0].Kind != domain.RoundRegular || rs[0].Number != DemoRoundNumber {
		t.Fatalf("demo rounds = %+v", rs)
	}
	id := rs[0].ID
	c, err := s.Council(ctx, id)
	must(t, err)
	if len(c.Members) != 9 || c.Present() != 8 || c.Method != domain.VoteSecret || c.Members[0].Role != "Chủ tịch Hội đồng" || c.Date.After(s.Today()) {
		t.Errorf("council: %d members, %d present, %s, %+v", len(c.Members), c.Present(), c.Method, c.Members)
	}
	ns, err := s.Nominees(ctx, id)
	must(t, err)
	res, err := s.VoteResult(ctx, id)
	must(t, err)
	awards := map[string]int{}
	failedBO, justified := 0, 0
	for _, n := range ns {
		awards[n.Award]++
		o := res[n.ID]
		if o.Reason == "Chưa có kết quả biểu quyết" {
			t.Errorf("%s %s has no vote", n.Subject.Code, n.Award)
		}
		switch {
		case n.Award == "CSTD_BO" && !o.Passed:
			failedBO++
		case !o.Passed:
			t.Errorf("%s %s failed: %s", n.Subject.Code, n.Award, o.Reason)
		}
		if !n.Eligible {
			if n.Justification == "" {
				t.Errorf("%s %s ineligible without justification", n.Subject.Code, n.Award)
			}
			justified++
		}
	}
	for _, a := range []string{"CSTDCS", "CSTD_BO", "BK_BO", "TTLDXS", "TTLDTT", "GK"} {
		if awards[a] == 0 {
			t.Errorf("no %s nominee in the demo round (%v)", a, awards)
		}
	}
	if failedBO == 0 || justified != 1 {
		t.Errorf("failed CSTĐ cấp bộ %d, justified %d", failedBO, justified)
	}
	vs, err := s.Eligibility(ctx, 2025, "")
	must(t, err)
	if got, want := awards["CSTDCS"], len(EligibleToPropose(vs, "CSTDCS")); got != want {
		t.Errorf("CSTĐCS nominees %d, engine within quota %d", got, want)
	}
}

func TestRound_DossierInput(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	in, err := s.DossierInput(ctx, rs[0].ID)
	must(t, err)
	cat, _ := s.Catalogue(ctx)
	// The documents' dates are the round's own: its Tờ trình after the
	// council, never the day the dossier is printed.
	if in.Profile.UnitCode != DemoUnitCode || in.Round.ID != rs[0].ID || len(in.Council.Members) != 9 ||
		in.Round.Date.IsZero() || in.Round.Date == s.Today() || in.Round.Date.Before(in.Council.Date) {
		t.Errorf("header: %+v %+v, council on %v", in.Profile, in.Round, in.Council.Date)
	}
	if in.Threshold["CSTD_BO"] != 90 || !in.Secret["CSTD_BO"] || !in.Secret["CSTD_TQ"] || in.Threshold["GK"] != 50 || in.Secret["GK"] {
		t.Errorf("thresholds %v secret %v", in.Threshold, in.Secret)
	}
	order := func(code string) int { a, _ := cat.Award(code); return a.SortOrder }
	seenPerson := false
	var people []domain.Person
	for i, e := range in.Nominees {
		n := e.Nominee
		if n.Subject.Kind == domain.SubjectPerson {
			seenPerson = true
			if e.Person.FullName == "" || e.Person.StaffCode != n.Subject.Code || e.UnitName == "" {
				t.Errorf("person entry %d: %+v", i, e.Person)
			}
		} else {
			if seenPerson {
				t.Fatalf("collective %s after people", n.Subject.Code)
			}
			// The demo gives targets to the office and its BHXH cơ sở, not to departments.
			if e.Unit.Code != n.Subject.Code || e.UnitName == "" || (e.Unit.Kind != domain.UnitDepartment && len(e.Targets) == 0) {
				t.Errorf("collective entry %s: unit %+v, %d targets", n.Subject.Code, e.Unit, len(e.Targets))
			}
		}
		if e.AwardName == "" || e.Awards["CSTDCS"] != "Chiến sĩ thi đua cơ sở" || len(e.Ratings) == 0 {
			t.Errorf("entry %s %s: award %q, %d ratings", n.Subject.Code, n.Award, e.AwardName, len(e.Ratings))
		}
		if i > 0 {
			p := in.Nominees[i-1].Nominee
			if p.Subject.Kind == n.Subject.Kind && order(p.Award) > order(n.Award) {
				t.Errorf("award order: %s before %s", p.Award, n.Award)
			}
			if p.Subject.Kind == n.Subject.Kind && p.Award != n.Award && n.Subject.Kind == domain.SubjectPerson {
				checkSorted(t, people)
				people = nil
			}
		}
		if n.Subject.Kind == domain.SubjectPerson {
			people = append(people, e.Person)
		}
		switch n.Award {
		case "CSTD_BO":
			if e.Passed || e.VoteFor != 8 || e.VotePct < 88.8 || e.VotePct > 88.9 || !strings.Contains(docs.ListEntry(e).Basis, "CSTĐCS năm") || !strings.Contains(docs.ListEntry(e).Basis, "Sáng kiến") || len(e.Initiatives) == 0 {
				t.Errorf("CSTĐ cấp bộ %s: passed %v, %d votes, %.2f%%, basis %q", n.Subject.Code, e.Passed, e.VoteFor, e.VotePct, docs.ListEntry(e).Basis)
			}
		case "TTLDTT":
			if !e.Passed {
				t.Errorf("TTLĐTT %s did not pass", n.Subject.Code)
			}
		}
	}
	checkSorted(t, people)
}

func checkSorted(t *testing.T, ps []domain.Person) {
	t.Helper()
	sorted := append([]domain.Person(nil), ps...)
	domain.SortPeople(sorted)
	for i := range ps {
		if ps[i].StaffCode != sorted[i].StaffCode {
			t.Errorf("people not in Vietnamese name order: %s at %d, want %s", ps[i].FullName, i, sorted[i].FullName)
			return
		}
	}
}

func TestRound_ExportDossier(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	dir := filepath.Join(t.TempDir(), "Hồ sơ 2025")
	calls := 0
	must(t, s.ExportDossier(ctx, rs[0].ID, dir, DossierOptions{Progress: func(done, total int) { calls++ }}))
	pdfs, _ := filepath.Glob(filepath.Join(dir, "pdf", "*.pdf"))
	if len(pdfs) < 5 || calls != len(pdfs)+1 {
		t.Errorf("%d PDFs, %d progress calls", len(pdfs), calls)
	}
	if fi, err := os.Stat(filepath.Join(dir, "xlsx", DossierListName+".xlsx")); err != nil || fi.Size() == 0 {
		t.Errorf("nomination list: %v", err)
	}
	for _, p := range pdfs {
		b, err := os.ReadFile(p)
		if err != nil || !strings.HasPrefix(string(b), "%PDF") {
			t.Errorf("%s is not a PDF", p)
		}
	}
	if words, _ := filepath.Glob(filepath.Join(dir, "*", "*.docx")); len(words) != 0 {
		t.Errorf("Word copies written without being asked for: %v", words)
	}
}

func TestRound_ExportDossierWithWordCopies(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	dir := filepath.Join(t.TempDir(), "Hồ sơ 2025")
	calls := 0
	must(t, s.ExportDossier(ctx, rs[0].ID, dir, DossierOptions{Docx: true, Progress: func(done, total int) { calls++ }}))
	pdfs, _ := filepath.Glob(filepath.Join(dir, "pdf", "*.pdf"))
	words, _ := filepath.Glob(filepath.Join(dir, "*", "*.docx"))
	if len(pdfs) < 5 || len(words) != len(pdfs) || calls != len(pdfs)+len(words)+1 {
		t.Fatalf("%d PDFs, %d Word copies, %d progress calls", len(pdfs), len(words), calls)
	}
	for _, p := range pdfs {
		word := strings.TrimSuffix(p, ".pdf") + ".docx"
		zr, err := zip.OpenReader(word)
		if err != nil {
			t.Errorf("%s has no Word copy beside it: %v", filepath.Base(p), err)
			continue
		}
		found := false
		for _, f := range zr.File {
			found = found || f.Name == "word/document.xml"
		}
		zr.Close()
		if !found {
			t.Errorf("%s has no word/document.xml", filepath.Base(word))
		}
	}
	if sheets, _ := filepath.Glob(filepath.Join(dir, "xlsx", "*")); len(sheets) != 1 {
		t.Errorf("the list is one spreadsheet: %v", sheets)
	}
}
