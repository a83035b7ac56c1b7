package service

import (
	"context"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

func verdictOf(vs []rules.Verdict, code, award string) (rules.Verdict, bool) {
	for _, v := range vs {
		if v.Subject.Code == code && v.Award == award {
			return v, true
		}
	}
	return rules.Verdict{}, false
}

// The verdicts of a year are kept while nothing is written, and a change
// of the data (here a person's rating) is seen by the next evaluation. A
// caller changing the list it got does not change what the next one gets.
func TestEligibility_CachedUntilTheDataChanges(t *testing.T) {
	s := demoService(t)
	ctx := context.Background()
	year := s.LastCompletedYear()
	if _, ok, err := s.KeptEligibility(ctx, year, ""); ok || err != nil {
		t.Fatalf("verdicts kept before any evaluation: %v %v", ok, err)
	}
	first, err := s.Eligibility(ctx, year, "")
	if err != nil {
		t.Fatal(err)
	}
	var who string
	for _, v := range first {
		if v.Subject.Kind == domain.SubjectPerson && v.Award == "LDTT" && v.Eligible {
			who = v.Subject.Code
			break
		}
	}
	if who == "" {
		t.Fatal("nobody eligible for LĐTT in the demo")
	}
	first[0] = rules.Verdict{} // the caller's copy
	again, err := s.Eligibility(ctx, year, "")
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Subject.Code == "" {
		t.Fatal("a caller's change reached the cache")
	}
	kept, ok, err := s.KeptEligibility(ctx, year, "")
	if !ok || err != nil || len(kept) != len(again) {
		t.Fatalf("kept verdicts: %d, %v, %v; evaluated %d", len(kept), ok, err, len(again))
	}
	if v, _ := verdictOf(again, who, "LDTT"); !v.Eligible {
		t.Fatalf("%s ineligible before any change: %v", who, v.Reasons)
	}
	if err := s.SetRating(ctx, domain.RatingRecord{Subject: domain.PersonSubject(who), Year: year, Rating: domain.HTNV}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.KeptEligibility(ctx, year, ""); ok {
		t.Error("verdicts kept across a change of the data")
	}
	after, err := s.Eligibility(ctx, year, "")
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := verdictOf(after, who, "LDTT"); !ok || v.Eligible {
		t.Errorf("%s rated HTNV is still eligible for LĐTT: the cached verdicts outlived the change", who)
	}
}
