package service

import (
	"context"
	"strings"
	"testing"

	"tdkt/internal/domain"
)

// In the round's dossier a person's report cites only the initiatives its
// award rests on, and no initiative is cited for two awards of one person.
func TestRound_OneInitiativeOneAward(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	in, err := s.DossierInput(ctx, rs[0].ID)
	must(t, err)
	e, err := s.evaluation(ctx, rs[0].Year)
	must(t, err)
	seen := map[domain.Subject]map[string]string{}
	grounded := 0
	for _, x := range in.Nominees {
		if x.Nominee.Subject.Kind != domain.SubjectPerson {
			continue
		}
		rests := map[string]bool{}
		for _, i := range e.dossierInitiatives(x.Nominee.Subject, x.Nominee.Award, e.verdict(x.Nominee.Subject, x.Nominee.Award)) {
			rests[i.Title] = true
		}
		if seen[x.Nominee.Subject] == nil {
			seen[x.Nominee.Subject] = map[string]string{}
		}
		for _, i := range x.Initiatives {
			grounded++
			if !rests[i.Title] {
				t.Errorf("%s (%s) cites “%s”, which its award does not rest on", x.Nominee.Subject.Code, x.Nominee.Award, i.Title)
			}
			if other, dup := seen[x.Nominee.Subject][i.Title]; dup {
				t.Errorf("%s cites “%s” for both %s and %s", x.Nominee.Subject.Code, i.Title, other, x.Nominee.Award)
			}
			seen[x.Nominee.Subject][i.Title] = x.Nominee.Award
		}
	}
	if grounded == 0 {
		t.Error("no report of the demo round cites an initiative")
	}
}

// A collective proposed for Tập thể lao động xuất sắc whose own target of
// the year falls short of plan is named in the director's summary with
// the figure; met, it is not.
func TestRound_SummaryNamesContradictedProposals(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	r := rs[0]
	ns, _ := s.Nominees(ctx, r.ID)
	var unit string
	for _, n := range ns {
		if n.Award == "TTLDXS" && n.Subject.Kind == domain.SubjectCollective {
			if vs, _ := s.TargetValues(ctx, r.Year, n.Subject.Code); len(vs) > 0 {
				unit = n.Subject.Code
				break
			}
		}
	}
	if unit == "" {
		t.Fatal("no TTLĐXS unit with targets in the demo round")
	}
	named := func() []string {
		t.Helper()
		sum, err := s.RoundSummary(ctx, r.ID)
		must(t, err)
		var out []string
		for _, c := range sum.Contradictions {
			if strings.Contains(c, s.mustUnitName(t, unit)) {
				out = append(out, c)
			}
		}
		return out
	}
	vs, err := s.TargetValues(ctx, r.Year, unit)
	must(t, err)
	for _, v := range vs {
		v.Actual, v.HasActual = v.Planned, true
		must(t, s.SaveTargetValue(ctx, v))
	}
	if got := named(); len(got) != 0 {
		t.Fatalf("every target met, yet: %v", got)
	}
	// 80,1% of plan, whichever way the target counts.
	v := vs[0]
	v.Actual, v.HasActual = v.Planned*0.801, true
	ms, _ := s.Movements(ctx)
	for _, m := range ms {
		for _, tg := range m.Targets {
			if tg.ID == v.TargetID && !tg.HigherBetter {
				v.Actual = v.Planned / 0.801
			}
		}
	}
	must(t, s.SaveTargetValue(ctx, v))
	got := named()
	if len(got) == 0 || !strings.Contains(got[0], "được đề nghị Tập thể lao động xuất sắc nhưng") {
		t.Errorf("contradictions of %s: %v", unit, got)
	}
	for _, c := range got {
		if !strings.Contains(c, "đạt 80,1% kế hoạch") {
			t.Errorf("without the figure: %s", c)
		}
	}
}

func (s *Service) mustUnitName(t *testing.T, code string) string {
	t.Helper()
	us, err := s.Units(context.Background())
	must(t, err)
	for _, u := range us {
		if u.Code == code {
			return u.Name
		}
	}
	t.Fatalf("no unit %s", code)
	return ""
}

// The awards a report lists as received carry the full name their
// conferrer gave them then, never a catalogue category: a ministry's
// Bằng khen before 1 March 2025 is the Tổng Giám đốc's, after it the
// Minister of Finance's.
func TestRound_HistoryNamedByTheirConferrer(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	in, err := s.DossierInput(ctx, rs[0].ID)
	must(t, err)
	moved := domain.NewDate(2025, 3, 1)
	seen := map[string]bool{}
	for _, x := range in.Nominees {
		if len(x.HistoryNames) != len(x.History) {
			t.Fatalf("%s: %d names for %d awards", x.Nominee.Subject.Code, len(x.HistoryNames), len(x.History))
		}
		for i, h := range x.History {
			name := x.HistoryNames[i]
			if strings.Contains(name, "cấp bộ, ngành") || name == "" {
				t.Errorf("%s %d %s named %q", x.Nominee.Subject.Code, h.Year, h.AwardCode, name)
			}
			if h.AwardCode != "BK_BO" || h.DecisionDate.IsZero() {
				continue
			}
			want := "Bằng khen của Bộ trưởng Bộ Tài chính"
			if h.DecisionDate.Before(moved) {
				want = "Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam"
			}
			if name != want {
				t.Errorf("Bằng khen of %v named %q, want %q", h.DecisionDate, name, want)
			}
			seen[want] = true
		}
	}
	if !seen["Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam"] {
		t.Error("no Bằng khen before 1/3/2025 among the demo round's histories")
	}
}

// The summary counts each award under its full name, as the dossier
// prints it.
func TestRound_SummaryFullNames(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	sum, err := s.RoundSummary(ctx, rs[0].ID)
	must(t, err)
	names := map[string]string{}
	for _, a := range sum.Awards {
		names[a.Award] = a.Name
	}
	if names["BK_BO"] != "Bằng khen của Bộ trưởng Bộ Tài chính" || names["CSTDCS"] != "Chiến sĩ thi đua cơ sở" {
		t.Errorf("summary names %v", names)
	}
}
