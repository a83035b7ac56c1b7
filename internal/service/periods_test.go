package service

import (
	"context"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// TestPeriodInput_CountsAreTheHistory: the period review's counts per year
// and award equal a direct count of the history, people and collectives
// apart, and the initiatives' per year a direct count of the recognised
// ones.
func TestPeriodInput_CountsAreTheHistory(t *testing.T) {
	s, st, _ := fillDemo(t, DemoOptions{})
	ctx := context.Background()
	from, to := 2020, 2025
	in, err := s.PeriodInput(ctx, from, to)
	must(t, err)
	// The demo's period, with the congress it prepares.
	if len(in.Years) != 6 || in.Years[0] != from || in.Period.Name != "Giai đoạn 2020 - 2025" || in.Period.ID == 0 || !strings.Contains(in.Period.Congress, "Đại hội Thi đua yêu nước") {
		t.Fatalf("years %v, period %+v", in.Years, in.Period)
	}
	awards, err := st.AwardsBetween(ctx, from, to)
	must(t, err)
	type key struct {
		code string
		year int
		kind domain.SubjectKind
	}
	want := map[key]int{}
	for _, a := range awards {
		want[key{a.AwardCode, a.Year, a.Subject.Kind}]++
	}
	got := map[key]int{}
	ownSeen, upSeen := false, false
	for _, r := range in.Awards {
		if r.Own {
			if upSeen {
				t.Errorf("%s: an own award after the awards of bodies above", r.Code)
			}
			ownSeen = true
		} else {
			upSeen = true
		}
		for i, y := range in.Years {
			if r.People[i] > 0 {
				got[key{r.Code, y, domain.SubjectPerson}] = r.People[i]
			}
			if r.Collectives[i] > 0 {
				got[key{r.Code, y, domain.SubjectCollective}] = r.Collectives[i]
			}
		}
	}
	if !ownSeen || !upSeen {
		t.Errorf("own awards %v, awards from above %v", ownSeen, upSeen)
	}
	if len(got) != len(want) {
		t.Errorf("%d award counts, history has %d", len(got), len(want))
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s %d %s: %d in the review, %d in the history", k.code, k.year, k.kind, got[k], n)
		}
	}
	inits, err := st.InitiativesUpTo(ctx, to)
	must(t, err)
	direct := map[domain.InitiativeScope]map[int]int{}
	seen := map[int64]bool{}
	for _, it := range inits {
		if it.Year >= from && !seen[it.ID] {
			seen[it.ID] = true
			if direct[it.Scope] == nil {
				direct[it.Scope] = map[int]int{}
			}
			direct[it.Scope][it.Year]++
		}
	}
	for _, r := range in.Initiatives {
		for i, y := range in.Years {
			if r.Counts[i] != direct[r.Scope][y] {
				t.Errorf("initiatives %s %d: %d, direct %d", r.Scope, y, r.Counts[i], direct[r.Scope][y])
			}
		}
	}
	if len(in.Movements) == 0 || len(in.ClusterRanks) != 6 {
		t.Errorf("movements %d, ranks %v", len(in.Movements), in.ClusterRanks)
	}
	for _, m := range in.Movements {
		for i := range in.Years {
			if m.Met[i] > m.Measured[i] {
				t.Errorf("%s: %d met of %d", m.Name, m.Met[i], m.Measured[i])
			}
		}
	}
}

// TestExemplaryCandidates_ExactlyThoseTheCriteriaName: the candidates are
// exactly the subjects whose history in the period meets a criterion of
// the catalogue, each with a reason per fact.
func TestExemplaryCandidates_ExactlyThoseTheCriteriaName(t *testing.T) {
	s, st, _ := fillDemo(t, DemoOptions{})
	ctx := context.Background()
	from, to := 2020, 2025
	cs, err := s.ExemplaryCandidates(ctx, from, to)
	must(t, err)
	if len(cs) == 0 {
		t.Fatal("no candidates in the demo's 2020 - 2025")
	}
	// A direct reading of the default criteria.
	awards, err := st.AwardsBetween(ctx, from, to)
	must(t, err)
	want := map[domain.Subject]bool{}
	cstdcs, ttldxs := map[domain.Subject]int{}, map[domain.Subject]int{}
	for _, a := range awards {
		switch {
		case a.AwardCode == "BK_TTG" || a.AwardCode == "HCLD3" || a.AwardCode == "CO_CP":
			want[a.Subject] = true
		case a.Kind != domain.KindMerit:
		case (a.AwardCode == "CSTD_BO" || a.AwardCode == "CSTD_TQ") && a.Subject.Kind == domain.SubjectPerson:
			want[a.Subject] = true
		case a.AwardCode == "CSTDCS":
			cstdcs[a.Subject]++
		case a.AwardCode == "TTLDXS":
			ttldxs[a.Subject]++
		}
	}
	for sub, n := range cstdcs {
		if n >= 3 {
			want[sub] = true
		}
	}
	for sub, n := range ttldxs {
		if n >= 3 {
			want[sub] = true
		}
	}
	inits, err := st.InitiativesUpTo(ctx, to)
	must(t, err)
	for _, it := range inits {
		if it.Year >= from && it.Scope.Level() >= domain.ScopeMinistry.Level() {
			for _, a := range it.Authors {
				want[domain.PersonSubject(a)] = true
			}
		}
	}
	people, err := st.People(ctx)
	must(t, err)
	current := map[string]bool{}
	for _, p := range people {
		current[p.StaffCode] = true
	}
	units, err := st.Units(ctx)
	must(t, err)
	active := map[string]bool{}
	for _, u := range units {
		active[u.Code] = u.ActiveOn(domain.YearEnd(to))
	}
	for sub := range want {
		if (sub.Kind == domain.SubjectPerson && !current[sub.Code]) || (sub.Kind == domain.SubjectCollective && !active[sub.Code]) {
			delete(want, sub)
		}
	}
	got := map[domain.Subject]bool{}
	collectivesDone := false
	for _, c := range cs {
		got[c.Subject] = true
		if len(c.Reasons) == 0 || c.Name == "" {
			t.Errorf("%v: %q without a reason", c.Subject, c.Name)
		}
		for _, r := range c.Reasons {
			if !strings.HasPrefix(r.Criterion, "dien_hinh.") || r.Text == "" {
				t.Errorf("%v: reason %+v", c.Subject, r)
			}
		}
		if c.Subject.Kind == domain.SubjectPerson {
			collectivesDone = true
		} else if collectivesDone {
			t.Errorf("collective %s after the people", c.Name)
		}
	}
	for sub := range want {
		if !got[sub] {
			t.Errorf("%v meets a criterion but is not a candidate", sub)
		}
	}
	for sub := range got {
		if !want[sub] {
			t.Errorf("%v is a candidate without meeting a criterion", sub)
		}
	}
}

// TestSavePeriod_ValidatesAndKeepsTheNarrative: fields named in errors, a
// period of the same years refused, the narrative read back.
func TestSavePeriod_ValidatesAndKeepsTheNarrative(t *testing.T) {
	s, _, _ := fillDemo(t, DemoOptions{})
	ctx := context.Background()
	_, err := s.SavePeriod(ctx, store.PeriodReview{Period: domain.Period{FromYear: 2025, ToYear: 2020}})
	if !hasField(err, FieldPeriodTo) {
		t.Errorf("to before from: %v", err)
	}
	p := store.PeriodReview{Period: domain.Period{FromYear: 2015, ToYear: 2020, Congress: " Đại hội  lần thứ V ", Delegates: 7}, Lessons: "Một.\r\nHai."}
	id, err := s.SavePeriod(ctx, p)
	must(t, err)
	if _, err := s.SavePeriod(ctx, store.PeriodReview{Period: domain.Period{FromYear: 2015, ToYear: 2020}}); !hasField(err, FieldPeriodFrom) {
		t.Errorf("a second 2015 - 2020: %v", err)
	}
	in, err := s.PeriodInput(ctx, 2015, 2020)
	must(t, err)
	if in.Period.ID != id || in.Period.Name != "Giai đoạn 2015 - 2020" || in.Period.Congress != "Đại hội lần thứ V" || in.Period.Delegates != 7 || in.Lessons != "Một.\nHai." {
		t.Errorf("read back %+v, lessons %q", in.Period, in.Lessons)
	}
}

func hasField(err error, field string) bool {
	return err != nil && strings.Contains(err.Error(), field)
}

// TestModels_ConferenceSelectsAndDocumentsRender walks the models of the
// demo's period: the records' candidates put forward, one added by hand
// with its reason, the conference's vote (more than half of the delegates
// called), the selected list, and the three documents as PDF.
func TestModels_ConferenceSelectsAndDocumentsRender(t *testing.T) {
	s, _, _ := fillDemo(t, DemoOptions{})
	ctx := context.Background()
	id, err := s.PeriodID(ctx, 2020, 2025)
	must(t, err)
	n, err := s.ProposeModels(ctx, id)
	must(t, err)
	cs, _ := s.ExemplaryCandidates(ctx, 2020, 2025)
	if n != len(cs) || n == 0 {
		t.Fatalf("%d put forward, %d candidates", n, len(cs))
	}
	if again, err := s.ProposeModels(ctx, id); err != nil || again != n {
		t.Fatalf("a second proposal: %d, %v", again, err)
	}
	if _, err := s.AddModel(ctx, id, domain.PersonSubject("HTI0100"), "  "); !hasField(err, FieldModelReason) {
		t.Errorf("a model by hand without a reason: %v", err)
	}
	_, err = s.AddModel(ctx, id, domain.PersonSubject("HTI0100"), "Người tốt, việc tốt: cứu người đuối nước năm 2024")
	must(t, err)
	ms, err := s.Models(ctx, id)
	must(t, err)
	if len(ms) != n+1 {
		t.Fatalf("%d models, want %d", len(ms), n+1)
	}
	per, err := s.period(ctx, id)
	must(t, err)
	per.Conference = domain.Conference{Date: domain.NewDate(2025, 8, 15), Members: 60, Present: 55}
	_, err = s.SavePeriod(ctx, per)
	must(t, err)
	m := ms[0]
	m.Voted, m.VotesFor = true, 56
	if err := s.SaveModel(ctx, m); !hasField(err, FieldVotesFor) {
		t.Errorf("more votes than delegates present: %v", err)
	}
	// 31 of 60 passes, 30 of 60 does not.
	for i, votes := range []int{31, 30} {
		m := ms[i]
		m.Voted, m.VotesFor, m.Delegate, m.Account = true, votes, i == 0, "Bài viết về gương điển hình."
		must(t, s.SaveModel(ctx, m))
	}
	sel, th, err := s.SelectedModels(ctx, id)
	must(t, err)
	if th != 50 || len(sel) != 1 || sel[0].ID != ms[0].ID {
		t.Errorf("selected %+v at %v%%", sel, th)
	}
	for doc := range ModelDocuments {
		var buf strings.Builder
		if err := s.ExportModels(ctx, id, doc, &buf); err != nil || !strings.HasPrefix(buf.String(), "%PDF") {
			t.Errorf("%s: %v", doc, err)
		}
	}
	var list strings.Builder
	if err := s.ExportModels(ctx, id, ModelsList, &list); err != nil || !strings.HasPrefix(list.String(), "PK") {
		t.Errorf("the Excel list: %v", err)
	}
}
