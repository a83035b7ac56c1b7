package store

import (
	"context"
	"reflect"
	"testing"

	"tdkt/internal/domain"
)

func TestStore_HistoryUpTo(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	mustWrite(t, s, func(tx *Tx) error {
		for _, p := range []domain.Person{person("A1", "Nguyễn Văn An", "42.TCHC"), person("B2", "Trần Thị Bình", "42.KHTC")} {
			if _, err := tx.CreatePerson(p); err != nil {
				return err
			}
		}
		for _, r := range []domain.RatingRecord{
			{Subject: domain.PersonSubject("A1"), Year: 2024, Rating: domain.HTXSNV},
			{Subject: domain.PersonSubject("A1"), Year: 2025, Rating: domain.HTTNV},
			{Subject: domain.PersonSubject("A1"), Year: 2026, Rating: domain.HTNV},
			{Subject: domain.UnitSubject("42.TCHC"), Year: 2025, Rating: domain.HTXSNV},
		} {
			if _, err := tx.SetRating(r); err != nil {
				return err
			}
		}
		for _, in := range []domain.Initiative{
			{Title: "Sáng kiến 1", Year: 2024, Scope: domain.ScopeGrassroots, Authors: []string{"B2", "A1"}, DecisionDate: domain.MustDate("01/06/2024")},
			{Title: "Sáng kiến 2", Year: 2025, Scope: domain.ScopeMinistry, Authors: []string{"A1"}},
			{Title: "Sáng kiến 3", Year: 2026, Scope: domain.ScopeGrassroots, Authors: []string{"A1"}},
		} {
			if _, _, err := tx.SaveInitiative(in); err != nil {
				return err
			}
		}
		for _, a := range []domain.AwardRecord{
			{Subject: domain.PersonSubject("A1"), Year: 2024, AwardCode: "CSTDCS", Initiatives: []string{"Sáng kiến 1"}},
			{Subject: domain.PersonSubject("B2"), Year: 2025, AwardCode: "GK", Kind: domain.KindOneOff},
			{Subject: domain.UnitSubject("42.TCHC"), Year: 2025, AwardCode: "TTLDTT"},
			{Subject: domain.PersonSubject("A1"), Year: 2026, AwardCode: "LDTT"},
		} {
			if _, _, err := tx.SaveAward(a); err != nil {
				return err
			}
		}
		return nil
	})
	people, units, err := s.RatingsUpTo(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(people, map[string]map[int]domain.Rating{"A1": {2024: domain.HTXSNV, 2025: domain.HTTNV}}) ||
		!reflect.DeepEqual(units, map[string]map[int]domain.Rating{"42.TCHC": {2025: domain.HTXSNV}}) {
		t.Errorf("ratings %v %v", people, units)
	}
	awards, err := s.AwardsUpTo(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(awards) != 3 {
		t.Fatalf("awards %+v", awards)
	}
	if a := awards[0]; a.Subject != domain.PersonSubject("A1") || a.AwardCode != "CSTDCS" || a.Kind != domain.KindMerit || !reflect.DeepEqual(a.Initiatives, []string{"Sáng kiến 1"}) {
		t.Errorf("first award %+v", a)
	}
	if a := awards[2]; a.Subject != domain.PersonSubject("B2") || a.Kind != domain.KindOneOff || a.Initiatives != nil {
		t.Errorf("one-off award %+v", a)
	}
	if a := awards[1]; a.Subject != domain.UnitSubject("42.TCHC") {
		t.Errorf("collective award %+v", a)
	}
	inits, err := s.InitiativesUpTo(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(inits) != 2 || !reflect.DeepEqual(inits[0].Authors, []string{"A1", "B2"}) || inits[0].DecisionDate != domain.MustDate("01/06/2024") ||
		inits[1].Scope != domain.ScopeMinistry || !reflect.DeepEqual(inits[1].Authors, []string{"A1"}) {
		t.Errorf("initiatives %+v", inits)
	}
}
