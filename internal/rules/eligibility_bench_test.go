package rules

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"tdkt/internal/domain"
)

// benchOffice is an office of n people in 20 units with years of history:
// ratings every year, CSTĐCS for about a tenth, an initiative for about a
// sixth of the people each year, a few forms and disciplines.
func benchOffice(n, years, y int) History {
	rng := rand.New(rand.NewPCG(1, 2))
	h := History{Year: y, PersonRatings: map[string]map[int]domain.Rating{}, UnitRatings: map[string]map[int]domain.Rating{}, ClusterRank: map[string]int{"R": 2}}
	h.Units = append(h.Units, domain.Unit{Code: "R", Name: "Bảo hiểm xã hội tỉnh", Kind: domain.UnitProvince})
	for i := 0; i < 20; i++ {
		h.Units = append(h.Units, domain.Unit{Code: fmt.Sprintf("R-%02d", i), Name: fmt.Sprintf("Phòng %d", i), ParentCode: "R", Kind: domain.UnitDepartment})
	}
	for _, u := range h.Units {
		m := map[int]domain.Rating{}
		for z := y - years + 1; z <= y; z++ {
			m[z] = domain.Ratings[rng.IntN(2)]
		}
		h.UnitRatings[u.Code] = m
	}
	for i := 0; i < n; i++ {
		code := fmt.Sprintf("P%05d", i)
		h.People = append(h.People, domain.Person{StaffCode: code, FullName: "Người " + code, Gender: []domain.Gender{domain.Male, domain.Female}[i%2],
			UnitCode: fmt.Sprintf("R-%02d", i%20), RecruitedOn: domain.NewDate(1990+rng.IntN(35), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))})
		m := map[int]domain.Rating{}
		for z := y - years + 1; z <= y; z++ {
			m[z] = []domain.Rating{domain.HTXSNV, domain.HTTNV, domain.HTTNV, domain.HTTNV, domain.HTNV}[rng.IntN(5)]
			if rng.IntN(6) == 0 {
				in := domain.Initiative{Title: fmt.Sprintf("Sáng kiến %s %d", code, z), Year: z, Scope: domain.Scopes[rng.IntN(10)/8], Authors: []string{code},
					DecisionDate: domain.NewDate(z, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))}
				h.Initiatives = append(h.Initiatives, in)
			}
			if z < y && rng.IntN(10) == 0 {
				h.Awards = append(h.Awards, domain.AwardRecord{Subject: domain.PersonSubject(code), Year: z, AwardCode: AwardCSTDCS, Kind: domain.KindMerit})
			}
			if z < y && m[z].Rank() >= domain.HTTNV.Rank() {
				h.Awards = append(h.Awards, domain.AwardRecord{Subject: domain.PersonSubject(code), Year: z, AwardCode: AwardLDTT, Kind: domain.KindMerit})
			}
		}
		if rng.IntN(30) == 0 {
			h.Awards = append(h.Awards, domain.AwardRecord{Subject: domain.PersonSubject(code), Year: y - years - rng.IntN(5), AwardCode: AwardBKBo, Kind: domain.KindMerit})
		}
		if rng.IntN(100) == 0 {
			h.Disciplines = append(h.Disciplines, domain.Discipline{StaffCode: code, Form: domain.Reprimand, From: domain.NewDate(y-rng.IntN(years), 3, 1), To: domain.NewDate(y-rng.IntN(years), 9, 1)})
		}
		h.PersonRatings[code] = m
	}
	return h
}

// BenchmarkEvaluate: 2,000 people × 6 years of history.
func BenchmarkEvaluate(b *testing.B) {
	h := benchOffice(2000, 6, 2025)
	cat := DefaultCatalogue()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if vs := Evaluate(cat, h); len(vs) != 2000*8+21*8 {
			b.Fatalf("%d verdicts", len(vs))
		}
	}
}

// BenchmarkEvaluate_10Years is issue 5's target: 2,000 people × 10 years of
// history in under 100 ms.
func BenchmarkEvaluate_10Years(b *testing.B) {
	h := benchOffice(2000, 10, 2025)
	cat := DefaultCatalogue()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if vs := Evaluate(cat, h); len(vs) == 0 {
			b.Fatal("no verdicts")
		}
	}
}
