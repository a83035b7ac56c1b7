package rules

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"tdkt/internal/domain"
)

// randomHistory builds an office of n people over years y-span..y from a
// seed: ratings, titles of every kind (some one-off), initiatives shared
// between authors, disciplines, a unit tree that may even hold a cycle.
func randomHistory(seed uint64, n, span, y int) History {
	rng := rand.New(rand.NewPCG(seed, 0x656c6967))
	h := History{Year: y, PersonRatings: map[string]map[int]domain.Rating{}, UnitRatings: map[string]map[int]domain.Rating{}, ClusterRank: map[string]int{}}
	nu := 1 + rng.IntN(8)
	for i := 0; i < nu; i++ {
		u := domain.Unit{Code: fmt.Sprintf("U%d", i), Name: fmt.Sprintf("Đơn vị %d", i)}
		if i > 0 {
			u.ParentCode = fmt.Sprintf("U%d", rng.IntN(i))
		}
		if rng.IntN(50) == 0 { // broken data: a cycle or a missing parent
			u.ParentCode = fmt.Sprintf("U%d", rng.IntN(nu+2))
		}
		h.Units = append(h.Units, u)
		h.UnitRatings[u.Code] = map[int]domain.Rating{}
		for z := y - span; z <= y; z++ {
			if rng.IntN(6) > 0 {
				h.UnitRatings[u.Code][z] = domain.Ratings[rng.IntN(3)]
			}
		}
		if rng.IntN(3) == 0 {
			h.ClusterRank[u.Code] = rng.IntN(4)
		}
	}
	codes := []string{"TTLDTT", "TTLDXS", "CO_BO", "GK", "BK_BO", "BK_TTG", "HCLD3", "LDTT", "CSTDCS", "CSTD_BO", "CSTD_TQ", "XYZ"}
	kind := func() domain.AwardKind {
		if rng.IntN(8) == 0 {
			return domain.AwardKinds[rng.IntN(len(domain.AwardKinds))]
		}
		return domain.KindMerit
	}
	var titles []string
	for i := 0; i < n; i++ {
		code := fmt.Sprintf("P%04d", i)
		if rng.IntN(200) == 0 && i > 0 {
			code = fmt.Sprintf("P%04d", i-1) // a duplicate staff code
		}
		p := domain.Person{StaffCode: code, FullName: "Người " + code, Gender: []domain.Gender{domain.Male, domain.Female}[rng.IntN(2)],
			UnitCode:    fmt.Sprintf("U%d", rng.IntN(nu+1)),
			RecruitedOn: domain.NewDate(y-rng.IntN(30), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))}
		if rng.IntN(40) == 0 {
			p.RecruitedOn = domain.Date{}
		}
		h.People = append(h.People, p)
		m := map[int]domain.Rating{}
		for z := y - span; z <= y; z++ {
			if rng.IntN(10) > 0 {
				m[z] = domain.Ratings[rng.IntN(4)/2*rng.IntN(2)+rng.IntN(2)]
			}
		}
		h.PersonRatings[code] = m
		for z := y - span - 8; z <= y; z++ {
			if rng.IntN(4) == 0 {
				a := domain.AwardRecord{Subject: domain.PersonSubject(code), Year: z, AwardCode: codes[7+rng.IntN(5)], Kind: kind()}
				if len(titles) > 0 && rng.IntN(3) == 0 {
					a.Initiatives = []string{titles[rng.IntN(len(titles))]}
				}
				h.Awards = append(h.Awards, a)
			}
			if rng.IntN(12) == 0 {
				h.Awards = append(h.Awards, domain.AwardRecord{Subject: domain.PersonSubject(code), Year: z, AwardCode: []string{"BK_BO", "BK_TTG", "GK", "HCLD3"}[rng.IntN(4)], Kind: kind()})
			}
		}
		for k := rng.IntN(4); k > 0; k-- {
			t := fmt.Sprintf("Sáng kiến %d-%d", i, k)
			in := domain.Initiative{Title: t, Year: y - rng.IntN(span+2), Scope: domain.Scopes[rng.IntN(3)], Authors: []string{code}}
			if rng.IntN(2) == 0 {
				in.DecisionDate = domain.NewDate(in.Year, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
			}
			if i > 0 && rng.IntN(4) == 0 {
				in.Authors = append(in.Authors, fmt.Sprintf("P%04d", rng.IntN(i)))
			}
			h.Initiatives = append(h.Initiatives, in)
			titles = append(titles, t)
		}
		if rng.IntN(15) == 0 {
			from := domain.NewDate(y-rng.IntN(span+1), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
			d := domain.Discipline{StaffCode: code, Form: domain.DisciplineForms[rng.IntN(6)], From: from}
			if rng.IntN(3) > 0 {
				d.To = domain.DateOf(from.Time().AddDate(0, 6, 0))
			}
			h.Disciplines = append(h.Disciplines, d)
		}
	}
	for _, u := range h.Units {
		for z := y - span - 8; z <= y; z++ {
			if rng.IntN(8) == 0 {
				h.Awards = append(h.Awards, domain.AwardRecord{Subject: domain.UnitSubject(u.Code), Year: z, AwardCode: codes[rng.IntN(7)], Kind: kind()})
			}
		}
	}
	return h
}

func checkVerdicts(t *testing.T, h History, vs []Verdict) {
	t.Helper()
	persons, units := map[string]bool{}, map[string]bool{}
	for _, p := range h.People {
		persons[p.StaffCode] = true
	}
	for _, u := range h.Units {
		units[u.Code] = true
	}
	if want := len(persons)*8 + len(units)*8; len(vs) != want {
		t.Fatalf("%d verdicts, want %d", len(vs), want)
	}
	for _, v := range vs {
		if len(v.Reasons) == 0 {
			t.Fatalf("verdict without reasons: %+v", v)
		}
		for _, r := range v.Reasons {
			if strings.TrimSpace(r) == "" {
				t.Fatalf("empty reason: %+v", v)
			}
			if v.Eligible && (strings.HasPrefix(r, "Thiếu") || strings.HasPrefix(r, "Chưa có") || strings.Contains(r, ", cần")) {
				t.Fatalf("eligible verdict with a missing fact %q: %+v", r, v)
			}
		}
		if v.Pending && !v.Eligible {
			t.Fatalf("pending but ineligible: %+v", v)
		}
		if (v.Award == AwardCSTDCS) != (v.Quota != nil) && v.Subject.Kind == domain.SubjectPerson {
			t.Fatalf("quota on %s: %+v", v.Award, v)
		}
		if v.Quota != nil && (v.Quota.OverBy != max(0, v.Quota.Candidates-v.Quota.Limit) || v.Quota.Rank > v.Quota.Candidates || (v.Eligible != (v.Quota.Rank > 0))) {
			t.Fatalf("inconsistent quota: %+v", v)
		}
		if v.Award == AwardLDTT && v.Pending {
			t.Fatalf("LĐTT is never pending: %+v", v)
		}
	}
	// One achievement, one award: no initiative grounds two verdicts.
	seen := map[string]string{}
	for _, v := range vs {
		if !v.Eligible {
			continue
		}
		for _, in := range v.UsedInitiatives {
			if other, dup := seen[in]; dup {
				t.Fatalf("initiative %q used by %s and %s %s", in, other, v.Subject.Code, v.Award)
			}
			seen[in] = v.Subject.Code + " " + v.Award
		}
	}
}

func FuzzEvaluate(f *testing.F) {
	f.Add(uint64(1), uint8(30), uint8(6), uint16(2025))
	f.Add(uint64(2), uint8(5), uint8(10), uint16(2023))
	f.Add(uint64(3), uint8(60), uint8(3), uint16(2024))
	f.Fuzz(func(t *testing.T, seed uint64, n, span uint8, year uint16) {
		y := 2010 + int(year)%30
		h := randomHistory(seed, int(n%80), int(span%12), y)
		vs := Evaluate(DefaultCatalogue(), h)
		checkVerdicts(t, h, vs)
		// Deterministic.
		again := Evaluate(DefaultCatalogue(), h)
		if !reflect.DeepEqual(again, vs) {
			t.Fatal("two evaluations of the same history differ")
		}
	})
}

func TestEvaluate_RandomHistories(t *testing.T) {
	for seed := uint64(0); seed < 200; seed++ {
		y := 2017 + int(seed%10)
		h := randomHistory(seed, 40, 8, y)
		checkVerdicts(t, h, Evaluate(DefaultCatalogue(), h))
	}
}
