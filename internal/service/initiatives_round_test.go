package service

import (
	"context"
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
