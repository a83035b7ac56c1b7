package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

func demoTestClock() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }

func newDemoTestService(t testing.TB) (*Service, *store.Store) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "d.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st, demoTestClock), st
}

func fillDemo(t testing.TB, opt DemoOptions) (*Service, *store.Store, time.Duration) {
	t.Helper()
	s, st := newDemoTestService(t)
	start := time.Now()
	if err := s.FillDemo(context.Background(), opt, nil); err != nil {
		t.Fatalf("FillDemo(%+v): %v", opt, err)
	}
	// The demo office's director reads and changes it from here on.
	return s.As(domain.Account{Username: DemoUser, Role: domain.RoleDirector}), st, time.Since(start)
}

// demoSnap is everything FillDemo wrote, read back through the store.
type demoSnap struct {
	Profile  domain.OfficeProfile
	Units    []domain.Unit
	Changes  []domain.UnitCodeChange
	People   []domain.Person
	Assign   map[string][]domain.Assignment
	Ratings  map[string]map[int]domain.Rating // staff code or unit code
	Awards   map[string][]domain.AwardRecord  // staff code or unit code
	Inits    map[string][]domain.Initiative   // by author
	Discs    map[string][]domain.Discipline
	byCode   map[string]domain.Person
	usedInit map[string][]string // initiative title → awards naming it
}

func loadDemoSnap(t testing.TB, st *store.Store) *demoSnap {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	sn := &demoSnap{Assign: map[string][]domain.Assignment{}, Ratings: map[string]map[int]domain.Rating{},
		Awards: map[string][]domain.AwardRecord{}, Inits: map[string][]domain.Initiative{}, Discs: map[string][]domain.Discipline{},
		byCode: map[string]domain.Person{}, usedInit: map[string][]string{}}
	var err error
	var ok bool
	sn.Profile, ok, err = st.Profile(ctx)
	must(err)
	if !ok {
		t.Fatal("no office profile after FillDemo")
	}
	sn.Units, err = st.Units(ctx)
	must(err)
	sn.Changes, err = st.UnitCodeChanges(ctx)
	must(err)
	sn.People, err = st.People(ctx)
	must(err)
	subjects := []domain.Subject{}
	for _, p := range sn.People {
		sn.byCode[p.StaffCode] = p
		sn.Assign[p.StaffCode], err = st.Assignments(ctx, p.ID)
		must(err)
		sn.Inits[p.StaffCode], err = st.InitiativesOf(ctx, p.StaffCode)
		must(err)
		sn.Discs[p.StaffCode], err = st.DisciplinesOf(ctx, p.StaffCode)
		must(err)
		subjects = append(subjects, domain.PersonSubject(p.StaffCode))
	}
	for _, u := range sn.Units {
		subjects = append(subjects, domain.UnitSubject(u.Code))
	}
	for _, sub := range subjects {
		rs, err := st.Ratings(ctx, sub)
		must(err)
		m := map[int]domain.Rating{}
		for _, r := range rs {
			m[r.Year] = r.Rating
		}
		sn.Ratings[sub.Code] = m
		as, err := st.Awards(ctx, sub)
		must(err)
		sn.Awards[sub.Code] = as
		for _, a := range as {
			for _, title := range a.Initiatives {
				sn.usedInit[title] = append(sn.usedInit[title], fmt.Sprintf("%s %s %d", sub.Code, a.AwardCode, a.Year))
			}
		}
	}
	return sn
}

func (sn *demoSnap) award(code string, y int, award string) (domain.AwardRecord, bool) {
	for _, a := range sn.Awards[code] {
		if a.Year == y && a.AwardCode == award {
			return a, true
		}
	}
	return domain.AwardRecord{}, false
}

func (sn *demoSnap) merit(code string, y int, award string) bool {
	a, ok := sn.award(code, y, award)
	return ok && a.Kind == domain.KindMerit
}

func (sn *demoSnap) countMerit(code string, from, to int, award string) int {
	n := 0
	for y := from; y <= to; y++ {
		if sn.merit(code, y, award) {
			n++
		}
	}
	return n
}

func (sn *demoSnap) unitOn(code string, d domain.Date) string {
	for _, a := range sn.Assign[code] {
		if d.InRange(a.From, a.To) {
			return a.UnitCode
		}
	}
	return ""
}

func (sn *demoSnap) members(unit string, y int) []domain.Person {
	var out []domain.Person
	for _, p := range sn.People {
		if sn.unitOn(p.StaffCode, domain.YearEnd(y)) == unit {
			out = append(out, p)
		}
	}
	return out
}

func (sn *demoSnap) disciplined(code string, y int, minSeverity int) bool {
	for _, d := range sn.Discs[code] {
		if d.Form.Severity() >= minSeverity && d.InEffectDuring(y) {
			return true
		}
	}
	return false
}

// ldtt is rule 1 of rules.md, written independently of the generator.
func (sn *demoSnap) ldtt(p domain.Person, y int) bool {
	by := domain.NewDate(y, time.July, 1)
	if y <= 2023 {
		by = domain.NewDate(y, time.March, 1)
	}
	return sn.Ratings[p.StaffCode][y].Rank() >= domain.HTTNV.Rank() && !p.RecruitedOn.After(by) && !sn.disciplined(p.StaffCode, y, 1)
}

func (sn *demoSnap) ldttShare(ms []domain.Person, y int) (int, int) {
	n := 0
	for _, p := range ms {
		if sn.ldtt(p, y) {
			n++
		}
	}
	return n, len(ms)
}

// unusedInits lists the initiatives of a person recognised in from..to that
// no award names.
func (sn *demoSnap) unusedInits(code string, from, to int) []domain.Initiative {
	var out []domain.Initiative
	for _, in := range sn.Inits[code] {
		if in.Year >= from && in.Year <= to && len(sn.usedInit[in.Title]) == 0 {
			out = append(out, in)
		}
	}
	return out
}

func (sn *demoSnap) initsIn(code string, from, to int, scope domain.InitiativeScope) []domain.Initiative {
	var out []domain.Initiative
	for _, in := range sn.Inits[code] {
		if in.Year >= from && in.Year <= to && (scope == "" || in.Scope == scope) {
			out = append(out, in)
		}
	}
	return out
}

func TestDemoDefaultOffice(t *testing.T) {
	s, st, took := fillDemo(t, DemoOptions{})
	t.Logf("FillDemo(300 staff, 6 years) took %v", took)
	sn := loadDemoSnap(t, st)
	L := s.LastCompletedYear()
	if L != 2025 {
		t.Fatalf("last completed year %d, want 2025 with the fixed clock", L)
	}

	t.Run("counts", func(t *testing.T) {
		if len(sn.People) != demoDefaultStaff {
			t.Errorf("people = %d, want %d", len(sn.People), demoDefaultStaff)
		}
		current := 0
		for _, u := range sn.Units {
			if u.ActiveOn(s.Today()) && u.ParentCode != "" {
				current++
			}
		}
		if len(sn.Units) < 12 || current < 12 {
			t.Errorf("units = %d (%d current sub-units), want at least 12", len(sn.Units), current)
		}
		if p := sn.Profile; p.UnitCode != DemoUnitCode || p.UnitName != "Bảo hiểm xã hội tỉnh Hà Tĩnh" || p.ParentName != "Bảo hiểm xã hội Việt Nam" ||
			p.Place != "Hà Tĩnh" || p.DocNumberCode != "BHXH" || p.Director.Position != "Giám đốc" || len(p.Deputies) != 2 || p.Deputies[0].Position != "Phó Giám đốc" {
			t.Errorf("profile %+v", p)
		}
		// Someone recruited before the window has six years of ratings.
		full := 0
		for _, p := range sn.People {
			if p.RecruitedOn.Year >= 2019 {
				continue
			}
			ys := sn.Ratings[p.StaffCode]
			ok := len(ys) == 6
			for y := 2020; y <= 2025; y++ {
				ok = ok && ys[y] != ""
			}
			if ok {
				full++
			} else {
				t.Errorf("%s recruited %s has ratings %v, want 2020–2025", p.StaffCode, p.RecruitedOn, ys)
			}
		}
		if full < 200 {
			t.Errorf("only %d people with six years of ratings", full)
		}
		// Ratings mix for the last year.
		var xs, tn, lo, all int
		for _, p := range sn.People {
			switch sn.Ratings[p.StaffCode][L] {
			case domain.HTXSNV:
				xs++
			case domain.HTTNV:
				tn++
			case domain.HTNV, domain.KHTNV:
				lo++
			}
			if sn.Ratings[p.StaffCode][L] != "" {
				all++
			}
		}
		if share := float64(xs) / float64(all); share < 0.15 || share > 0.32 || tn < all/2 || lo == 0 {
			t.Errorf("ratings of %d: %d HTXSNV, %d HTTNV, %d lower", L, xs, tn, lo)
		}
		// Unit code changes of the 2025 reorganisation.
		if len(sn.Changes) < 2 {
			t.Errorf("unit code changes = %v, want at least 2", sn.Changes)
		}
		if c, err := st.CurrentCode(context.Background(), "HTI-H03"); err != nil || c != "HTI-CS02" {
			t.Errorf("CurrentCode(HTI-H03) = %q, %v; want HTI-CS02", c, err)
		}
		// Each kind of title is in the history of the years before L.
		counts := map[string]int{}
		for y := 2020; y < L; y++ {
			c, err := st.AwardCounts(context.Background(), y)
			if err != nil {
				t.Fatal(err)
			}
			for k, n := range c {
				counts[k] += n
			}
		}
		for _, code := range []string{"LDTT", "CSTDCS", "CSTD_BO", "TTLDTT", "TTLDXS", "GK", "BK_BO", "BK_TTG", "CO_BO"} {
			if counts[code] == 0 {
				t.Errorf("no %s recorded in 2020–%d (counts %v)", code, L-1, counts)
			}
		}
		// Some people moved besides the reorganisation.
		moved := 0
		for _, as := range sn.Assign {
			for _, a := range as[1:] {
				if a.From != domain.NewDate(2025, 7, 1) {
					moved++
					break
				}
			}
		}
		if moved < 3 {
			t.Errorf("only %d people changed unit outside the reorganisation", moved)
		}
	})

	t.Run("people valid", func(t *testing.T) {
		codeRe := regexp.MustCompile(`^HTI\d{4}$`)
		women, kinh, ht := 0, 0, 0
		names := map[string]bool{}
		for _, p := range sn.People {
			if errs := rules.ValidatePerson(p, s.Today()); len(errs) > 0 {
				t.Errorf("%s %s: %v", p.StaffCode, p.FullName, errs)
			}
			if p.CCCD == "" {
				t.Errorf("%s has no CCCD", p.StaffCode)
			} else if msg := rules.CCCDProblem(p.CCCD, p.Gender, p.BirthDate); msg != "" {
				t.Errorf("%s CCCD %s: %s", p.StaffCode, p.CCCD, msg)
			}
			if !codeRe.MatchString(p.StaffCode) {
				t.Errorf("staff code %q", p.StaffCode)
			}
			if p.BirthDate.Year < 1965 || p.BirthDate.Year > 2002 || (p.Gender == domain.Female && p.BirthDate.Year < 1970) {
				t.Errorf("%s born %s", p.StaffCode, p.BirthDate)
			}
			if p.Position == "" || p.Ethnicity == "" || p.UnitCode == "" {
				t.Errorf("%s lacks position, ethnicity or unit: %+v", p.StaffCode, p)
			}
			if rules.Clean(p.FullName) != p.FullName || len(strings.Fields(p.FullName)) < 3 {
				t.Errorf("%s name %q", p.StaffCode, p.FullName)
			}
			names[p.FullName] = true
			for y := range sn.Ratings[p.StaffCode] {
				if y < p.RecruitedOn.Year || domain.NewDate(y, time.September, 30).Before(p.RecruitedOn) {
					t.Errorf("%s recruited %s is rated for %d", p.StaffCode, p.RecruitedOn, y)
				}
			}
			if p.Gender == domain.Female {
				women++
			}
			if p.Ethnicity == "Kinh" {
				kinh++
			}
			if strings.HasPrefix(p.CCCD, "042") {
				ht++
			}
		}
		n := len(sn.People)
		if women*2 <= n || women*10 > n*8 {
			t.Errorf("%d women of %d, want a majority but not all", women, n)
		}
		if kinh*10 < n*9 || ht*10 < n*7 || len(names)*10 < n*8 {
			t.Errorf("Kinh %d, born in Hà Tĩnh %d, distinct names %d, of %d", kinh, ht, len(names), n)
		}
	})

	t.Run("history follows the rules", func(t *testing.T) { checkDemoHistory(t, sn, s.Today(), L-5, L) })

	t.Run("near misses", func(t *testing.T) {
		checkDemoNearMisses(t, sn, L)
	})
}

// checkDemoHistory checks the recorded history of first..L-1 against the
// rules of rules.md, independently of the generator.
func checkDemoHistory(t *testing.T, sn *demoSnap, today domain.Date, first, L int) {
	noRe := regexp.MustCompile(`^\d+/QĐ-(BHXH|BTC|TTg|CTN)$`)
	for code, as := range sn.Awards {
		for _, a := range as {
			if a.AwardCode == "CSTDCS" && a.Year >= first {
				if l, ok := sn.award(code, a.Year, "LDTT"); !ok || a.DecisionDate.Before(l.DecisionDate) {
					t.Errorf("%s CSTĐCS %d decided %s, before its LĐTT %s", code, a.Year, a.DecisionDate, l.DecisionDate)
				}
			}
			if !noRe.MatchString(a.DecisionNo) || a.Issuer == "" || a.DecisionDate.Year < a.Year || !a.DecisionDate.Before(today) {
				t.Errorf("%s %s %d: decision %q %s %q", code, a.AwardCode, a.Year, a.DecisionNo, a.DecisionDate, a.Issuer)
			}
			if a.Year == L && a.Kind == domain.KindMerit {
				t.Errorf("%s has %s of %d recorded: the titles of the last year are for the year-end round", code, a.AwardCode, L)
			}
			if _, isPerson := sn.byCode[code]; isPerson {
				for _, title := range a.Initiatives {
					found := false
					for _, in := range sn.Inits[code] {
						found = found || in.Title == title
					}
					if !found {
						t.Errorf("%s %s %d rests on %q, not one of theirs", code, a.AwardCode, a.Year, title)
					}
				}
			}
		}
	}
	for title, by := range sn.usedInit {
		if len(by) > 1 {
			t.Errorf("initiative %q grounds %d awards: %v", title, len(by), by)
		}
	}
	for y := first; y < L; y++ {
		nLDTT, nCS := 0, 0
		for _, p := range sn.People {
			want, got := sn.ldtt(p, y), sn.merit(p.StaffCode, y, "LDTT")
			if want != got {
				t.Errorf("%s %d: LĐTT recorded %v, rules say %v (rating %s, recruited %s)", p.StaffCode, y, got, want, sn.Ratings[p.StaffCode][y], p.RecruitedOn)
			}
			if got {
				nLDTT++
			}
			a, ok := sn.award(p.StaffCode, y, "CSTDCS")
			if !ok {
				continue
			}
			nCS++
			if !got {
				t.Errorf("%s %d: CSTĐCS without LĐTT", p.StaffCode, y)
			}
			needInit := y <= 2023 || sn.Ratings[p.StaffCode][y] != domain.HTXSNV
			if needInit != (len(a.Initiatives) == 1) || len(a.Initiatives) > 1 {
				t.Errorf("%s %d: CSTĐCS rests on %v (rating %s)", p.StaffCode, y, a.Initiatives, sn.Ratings[p.StaffCode][y])
			}
			for _, title := range a.Initiatives {
				for _, in := range sn.Inits[p.StaffCode] {
					if in.Title == title && in.Year != y {
						t.Errorf("%s %d: CSTĐCS rests on an initiative of %d", p.StaffCode, y, in.Year)
					}
				}
			}
		}
		if nCS == 0 || nCS > nLDTT*15/100 {
			t.Errorf("%d: %d CSTĐCS for %d LĐTT, quota %d", y, nCS, nLDTT, nLDTT*15/100)
		}
		for _, u := range sn.Units {
			if !sn.merit(u.Code, y, "TTLDTT") {
				continue
			}
			ms := sn.members(u.Code, y)
			k, n := sn.ldttShare(ms, y)
			if sn.Ratings[u.Code][y].Rank() < domain.HTTNV.Rank() || 2*k <= n {
				t.Errorf("%s %d: TTLĐTT with rating %s and %d/%d LĐTT", u.Code, y, sn.Ratings[u.Code][y], k, n)
			}
		}
	}
}

func checkDemoNearMisses(t *testing.T, sn *demoSnap, L int) {
	p := func(n int) domain.Person {
		t.Helper()
		q, ok := sn.byCode[fmt.Sprintf("HTI%04d", n)]
		if !ok {
			t.Fatalf("no HTI%04d", n)
		}
		return q
	}
	r := func(n, y int) domain.Rating { return sn.Ratings[p(n).StaffCode][y] }
	cs := func(n, from, to int) int { return sn.countMerit(p(n).StaffCode, from, to, "CSTDCS") }
	check := func(n int, ok bool, format string, args ...any) {
		t.Helper()
		if !ok {
			t.Errorf("HTI%04d: "+format, append([]any{n}, args...)...)
		}
	}
	allAtLeast := func(n, from, to int, min domain.Rating) (bool, int) {
		ok, xs := true, 0
		for y := from; y <= to; y++ {
			ok = ok && r(n, y).Rank() >= min.Rank()
			if r(n, y) == domain.HTXSNV {
				xs++
			}
		}
		return ok, xs
	}

	// HCLD3 Q and miss.
	a, ok := sn.award("HTI0001", L-6, "BK_TTG")
	good, xs := allAtLeast(1, L-5, L, domain.HTTNV)
	check(1, ok && a.Kind == domain.KindMerit && a.Issuer == "Thủ tướng Chính phủ" && good && xs > 0 && cs(1, L-5, L-1) >= 3,
		"HCLD3 case: BK_TTG %v %+v, ratings ok %v with %d HTXSNV, %d CSTĐCS", ok, a, good, xs, cs(1, L-5, L-1))
	check(1, p(1).Position == "Giám đốc" && sn.Profile.Director.Name == p(1).FullName, "director %+v", p(1))
	good, xs = allAtLeast(2, L-4, L, domain.HTTNV)
	check(2, sn.merit("HTI0002", L-5, "BK_TTG") && good && xs == 0 && cs(2, L-4, L-1) >= 3 && p(2).Gender == domain.Female,
		"HCLD3 miss: ratings ok %v, %d HTXSNV, %d CSTĐCS", good, xs, cs(2, L-4, L-1))
	// BK_TTG Q.
	a, ok = sn.award("HTI0003", L-5, "BK_BO")
	good, _ = allAtLeast(3, L-4, L, domain.HTTNV)
	check(3, ok && a.Kind == domain.KindMerit && len(a.Initiatives) == 2 && good && cs(3, L-4, L-1) >= 3,
		"BK_TTG case: BK_BO %+v, ratings ok %v, %d CSTĐCS", a, good, cs(3, L-4, L-1))

	// LĐTT boundary and misses.
	check(4, p(4).RecruitedOn == domain.NewDate(L, 7, 2) && r(4, L) == domain.HTTNV, "recruited %s rated %s", p(4).RecruitedOn, r(4, L))
	check(4, !sn.ldtt(p(4), L), "qualifies for LĐTT")
	check(5, p(5).RecruitedOn == domain.NewDate(L, 7, 1) && r(5, L) == domain.HTTNV && sn.ldtt(p(5), L), "recruited %s rated %s", p(5).RecruitedOn, r(5, L))
	ds := sn.Discs["HTI0006"]
	check(6, len(ds) == 1 && ds[0].Form == domain.Reprimand && ds[0].From.Year == L && ds[0].To.Year == L && r(6, L) == domain.HTTNV && !sn.ldtt(p(6), L),
		"disciplines %+v, rating %s", ds, r(6, L))
	ds = sn.Discs["HTI0007"]
	check(7, len(ds) == 1 && ds[0].Form == domain.Warning && ds[0].To.IsZero() && ds[0].From.Year == L-1 && sn.unitOn("HTI0007", domain.YearEnd(L)) == "HTI-THU",
		"disciplines %+v, unit %s", ds, sn.unitOn("HTI0007", domain.YearEnd(L)))
	check(8, r(8, L) == domain.HTNV, "rating %s", r(8, L))

	// CSTĐCS by initiative, and two misses.
	u := sn.unusedInits("HTI0009", L, L)
	check(9, r(9, L) == domain.HTTNV && len(u) == 1 && u[0].Scope == domain.ScopeGrassroots && sn.ldtt(p(9), L), "rating %s, unused %v", r(9, L), u)
	check(10, r(10, L) == domain.HTTNV && len(sn.initsIn("HTI0010", L, L, "")) == 0 && len(sn.initsIn("HTI0010", L-1, L-1, "")) == 1,
		"rating %s, initiatives %v", r(10, L), sn.Inits["HTI0010"])
	a, ok = sn.award("HTI0011", L, "GK")
	in := sn.initsIn("HTI0011", L, L, "")
	check(11, ok && a.Kind == domain.KindOneOff && len(in) == 1 && len(a.Initiatives) == 1 && a.Initiatives[0] == in[0].Title && r(11, L) == domain.HTTNV,
		"GK %v %+v, initiatives %v", ok, a, in)

	// The transfer and the unrated recruit.
	as := sn.Assign["HTI0012"]
	check(12, len(as) >= 2 && as[len(as)-1].UnitCode == "HTI-CS07" && as[len(as)-1].From == domain.NewDate(L, 9, 1) && as[len(as)-2].UnitCode == "HTI-KT",
		"assignments %+v", as)
	_, rated := sn.Ratings["HTI0013"][L]
	check(13, !rated && p(13).RecruitedOn == domain.NewDate(L, 10, 6), "rated %v, recruited %s", rated, p(13).RecruitedOn)

	// CSTĐ cấp bộ.
	check(14, cs(14, L-2, L-1) == 2 && r(14, L) == domain.HTXSNV && len(sn.initsIn("HTI0014", L-1, L-1, domain.ScopeMinistry)) == 1, "CSTD_BO case")
	check(15, !sn.merit("HTI0015", L-2, "CSTDCS") && cs(15, L-1, L-1) == 1 && r(15, L) == domain.HTXSNV &&
		len(sn.initsIn("HTI0015", L, L, domain.ScopeMinistry)) == 1, "CSTD_BO miss (2 of 3)")
	check(16, cs(16, L-2, L-1) == 2 && r(16, L) == domain.HTXSNV && len(sn.initsIn("HTI0016", L-2, L, domain.ScopeMinistry)) == 0 &&
		len(sn.initsIn("HTI0016", L-2, L, domain.ScopeNational)) == 0 && len(sn.unusedInits("HTI0016", L-1, L)) == 2, "CSTD_BO miss (scope) / BK_BO case")
	// CSTĐ toàn quốc.
	for _, n := range []int{17, 18} {
		code := p(n).StaffCode
		check(n, sn.merit(code, L-3, "CSTD_BO") && cs(n, L-5, L-1) == 5 && r(n, L) == domain.HTXSNV && len(sn.initsIn(code, L-2, L, domain.ScopeMinistry)) >= 1,
			"CSTD_TQ case: CSTD_BO %v, CSTĐCS %d, rating %s", sn.merit(code, L-3, "CSTD_BO"), cs(n, L-5, L-1), r(n, L))
	}
	check(17, len(sn.initsIn("HTI0017", L-1, L-1, domain.ScopeNational)) == 1, "no national initiative in %d", L-1)
	check(18, len(sn.initsIn("HTI0018", L-5, L, domain.ScopeNational)) == 0 && len(sn.initsIn("HTI0018", L-6, L-6, domain.ScopeNational)) == 1,
		"national initiatives %v", sn.Inits["HTI0018"])
	// Bằng khen cấp bộ.
	check(19, r(19, L-1) == domain.HTXSNV && r(19, L) == domain.HTXSNV && len(sn.unusedInits("HTI0019", L-1, L)) == 2, "BK_BO case")
	check(20, r(20, L-1) == domain.HTXSNV && r(20, L) == domain.HTXSNV && cs(20, L-1, L-1) == 1 && len(sn.unusedInits("HTI0020", L-1, L)) == 1,
		"BK_BO miss (one initiative): %v", sn.unusedInits("HTI0020", L-1, L))
	a, _ = sn.award("HTI0021", L-1, "CSTDCS")
	check(21, len(a.Initiatives) == 1 && r(21, L) == domain.HTXSNV && len(sn.unusedInits("HTI0021", L-1, L)) == 1 && len(sn.initsIn("HTI0021", L-1, L, "")) == 2,
		"BK_BO miss (used initiative): CSTĐCS %+v", a)
	check(22, r(22, L-1) == domain.HTXSNV && r(22, L) == domain.HTXSNV && len(sn.unusedInits("HTI0022", L-1, L)) == 2 && sn.disciplined("HTI0022", L-1, 1) &&
		!sn.disciplined("HTI0022", L, 1), "BK_BO miss (discipline)")
	// Bằng khen Thủ tướng.
	good, _ = allAtLeast(23, L-4, L, domain.HTTNV)
	check(23, sn.merit("HTI0023", L-5, "BK_BO") && good && cs(23, L-4, L-1) == 2 && r(23, L) == domain.HTTNV && len(sn.initsIn("HTI0023", L, L, "")) == 0,
		"BK_TTG miss (2 CSTĐCS)")
	check(24, sn.merit("HTI0024", L-6, "BK_BO") && r(24, L-3) == domain.HTNV && cs(24, L-5, L-1) >= 3, "BK_TTG miss (HTNV year)")
	a, ok = sn.award("HTI0025", L-5, "BK_BO")
	check(25, ok && a.Kind == domain.KindOneOff && cs(25, L-4, L-1) == 3 && sn.countMerit("HTI0025", 1990, L, "BK_BO") == 0, "BK_TTG miss (đột xuất): %+v", a)

	// Collectives.
	unit := func(code string, ok bool, format string, args ...any) {
		t.Helper()
		if !ok {
			t.Errorf("%s: "+format, append([]any{code}, args...)...)
		}
	}
	share := func(code string) (k, n, low int, star bool) {
		ms := sn.members(code, L)
		k, n = sn.ldttShare(ms, L)
		for _, m := range ms {
			if sn.Ratings[m.StaffCode][L].Rank() < domain.HTNV.Rank() {
				low++
			}
			star = star || (sn.ldtt(m, L) && sn.Ratings[m.StaffCode][L] == domain.HTXSNV)
		}
		return
	}
	ur := func(code string, y int) domain.Rating { return sn.Ratings[code][y] }
	k, n, low, star := share("HTI-KHTC")
	unit("HTI-KHTC", ur("HTI-KHTC", L) == domain.HTXSNV && n > 0 && low == 0 && 10*k >= 7*n && star, "TTLDXS case: %d/%d LĐTT, %d below HTNV, star %v", k, n, low, star)
	k, n, low, star = share("HTI-KT")
	unit("HTI-KT", ur("HTI-KT", L) == domain.HTXSNV && low == 1 && 10*k >= 7*n && star, "TTLDXS miss (KHTNV): %d/%d LĐTT, %d below HTNV, star %v", k, n, low, star)
	k, n, low, star = share("HTI-CNTT")
	unit("HTI-CNTT", ur("HTI-CNTT", L) == domain.HTXSNV && low == 0 && 2*k > n && 10*k < 7*n && star, "TTLDXS miss (share): %d/%d LĐTT, %d below HTNV, star %v", k, n, low, star)
	k, n, _, _ = share("HTI-THU")
	warned := false
	for _, m := range sn.members("HTI-THU", L) {
		warned = warned || sn.disciplined(m.StaffCode, L, domain.Warning.Severity())
	}
	unit("HTI-THU", ur("HTI-THU", L) == domain.HTTNV && 2*k > n && warned, "TTLDTT miss (cảnh cáo): %d/%d LĐTT, warned %v", k, n, warned)
	k, n, _, _ = share("HTI-CS04")
	unit("HTI-CS04", ur("HTI-CS04", L) == domain.HTTNV && n >= 6 && 2*k <= n && 2*k >= n-1, "TTLDTT miss (share): %d/%d LĐTT", k, n)
	unit("HTI-CS06", ur("HTI-CS06", L) == domain.HTNV, "rating %s", ur("HTI-CS06", L))
	unit("HTI-VP", ur("HTI-VP", L-1) == domain.HTXSNV && ur("HTI-VP", L) == domain.HTXSNV, "BK_BO case")
	unit("HTI-TCCB", ur("HTI-TCCB", L-1) == domain.HTTNV && ur("HTI-TCCB", L) == domain.HTXSNV, "BK_BO miss")
	allX := func(code string, from int) bool {
		for y := from; y <= L; y++ {
			if ur(code, y) != domain.HTXSNV {
				return false
			}
		}
		return true
	}
	unit("HTI-GD", sn.merit("HTI-GD", L-5, "BK_BO") && allX("HTI-GD", L-4), "BK_TTG case")
	unit("HTI-CD", sn.merit("HTI-CD", L-5, "BK_BO") && ur("HTI-CD", L-2) == domain.HTTNV && !allX("HTI-CD", L-4), "BK_TTG miss")
	unit("HTI-CS01", ur("HTI-H01", L-1) == domain.HTXSNV && ur("HTI-CS01", L) == domain.HTXSNV, "BK_BO through the code change")
}

func TestDemoDeterministic(t *testing.T) {
	opt := DemoOptions{Staff: 160, Seed: 7}
	_, st1, _ := fillDemo(t, opt)
	_, st2, _ := fillDemo(t, opt)
	a, b := loadDemoSnap(t, st1), loadDemoSnap(t, st2)
	if !reflect.DeepEqual(a, b) {
		for _, f := range []string{"Profile", "Units", "Changes", "People", "Assign", "Ratings", "Awards", "Inits", "Discs"} {
			if !reflect.DeepEqual(reflect.ValueOf(*a).FieldByName(f).Interface(), reflect.ValueOf(*b).FieldByName(f).Interface()) {
				t.Errorf("same seed, different %s", f)
			}
		}
		t.Fatal("two demos with the same seed differ")
	}
	opt.Seed = 8
	_, st3, _ := fillDemo(t, opt)
	c := loadDemoSnap(t, st3)
	if reflect.DeepEqual(a.People, c.People) || reflect.DeepEqual(a.Ratings, c.Ratings) || reflect.DeepEqual(a.Awards, c.Awards) {
		t.Error("a different seed gives the same people, ratings or awards")
	}
	// The deliberate cases keep their codes whatever the seed.
	for _, code := range []string{"HTI0004", "HTI0017"} {
		if a.byCode[code].RecruitedOn.IsZero() || c.byCode[code].RecruitedOn.IsZero() {
			t.Errorf("%s missing", code)
		}
	}
	if a.byCode["HTI0004"].RecruitedOn != c.byCode["HTI0004"].RecruitedOn {
		t.Error("HTI0004's recruitment date depends on the seed")
	}
}

func TestDemoSmallOffice(t *testing.T) {
	progressCalls, lastDone, lastTotal := 0, 0, 0
	s, st := newDemoTestService(t)
	err := s.FillDemo(context.Background(), DemoOptions{Staff: 40}, func(done, total int) {
		progressCalls++
		if done < lastDone || done > total {
			t.Errorf("progress %d/%d after %d", done, total, lastDone)
		}
		lastDone, lastTotal = done, total
	})
	if err != nil {
		t.Fatal(err)
	}
	if progressCalls == 0 || lastDone != lastTotal {
		t.Errorf("progress called %d times, last %d/%d", progressCalls, lastDone, lastTotal)
	}
	sn := loadDemoSnap(t, st)
	if len(sn.People) != 40 {
		t.Fatalf("people = %d, want 40", len(sn.People))
	}
	for _, p := range sn.People {
		if errs := rules.ValidatePerson(p, s.Today()); len(errs) > 0 || p.CCCD == "" {
			t.Errorf("%s: %v", p.StaffCode, errs)
		}
	}
	L := s.LastCompletedYear()
	// The cases that need no long chain are there at any size.
	if p := sn.byCode["HTI0004"]; p.RecruitedOn != domain.NewDate(L, 7, 2) || sn.Ratings["HTI0004"][L] != domain.HTTNV {
		t.Errorf("HTI0004 %+v %v", p, sn.Ratings["HTI0004"])
	}
	if ds := sn.Discs["HTI0007"]; len(ds) != 1 || !ds[0].To.IsZero() {
		t.Errorf("HTI0007 disciplines %+v", ds)
	}
	if _, ok := sn.Ratings["HTI0013"][L]; ok {
		t.Error("HTI0013 is rated in the year of recruitment")
	}
	// The quota holds in a small office too.
	for y := L - 5; y < L; y++ {
		nL, nC := 0, 0
		for _, p := range sn.People {
			if sn.merit(p.StaffCode, y, "LDTT") {
				nL++
			}
			if sn.merit(p.StaffCode, y, "CSTDCS") {
				nC++
			}
		}
		if nC > nL*15/100 {
			t.Errorf("%d: %d CSTĐCS for %d LĐTT", y, nC, nL)
		}
	}
}

func TestDemoRefusesUsedDatabase(t *testing.T) {
	ctx := context.Background()
	s, st := newDemoTestService(t)
	if err := s.SaveProfile(ctx, domain.OfficeProfile{UnitCode: "42", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	err := s.FillDemo(ctx, DemoOptions{Staff: 30}, nil)
	if err == nil || !errors.Is(err, domain.ErrInUse) || !strings.Contains(err.Error(), "đã có đơn vị") || !strings.Contains(Explain(err), "trống") {
		t.Fatalf("FillDemo on an existing office: %v", err)
	}
	if ps, _ := st.People(ctx); len(ps) != 0 {
		t.Errorf("refused demo wrote %d people", len(ps))
	}

	// A filled demo refuses a second fill and stays as it was.
	s2, st2, _ := fillDemo(t, DemoOptions{Staff: 30})
	before, _ := st2.People(ctx)
	if err := s2.FillDemo(ctx, DemoOptions{Staff: 30, Seed: 2}, nil); !errors.Is(err, domain.ErrInUse) {
		t.Fatalf("second FillDemo: %v", err)
	}
	after, _ := st2.People(ctx)
	if !reflect.DeepEqual(before, after) {
		t.Error("second FillDemo changed the people")
	}
}

func TestDemoOptionsChecked(t *testing.T) {
	s, st := newDemoTestService(t)
	for _, opt := range []DemoOptions{{Staff: 5}, {Years: 3}, {Years: 40}, {Staff: -1}} {
		err := s.FillDemo(context.Background(), opt, nil)
		if len(domain.AsFieldErrors(err)) == 0 {
			t.Errorf("%+v: %v, want a field error", opt, err)
		}
	}
	if _, ok, _ := st.Profile(context.Background()); ok {
		t.Error("rejected options wrote an office")
	}
}

func TestDemoLongHistory(t *testing.T) {
	s, st, _ := fillDemo(t, DemoOptions{Staff: 200, Years: 10, Seed: 3})
	sn := loadDemoSnap(t, st)
	L := s.LastCompletedYear()
	if got := sn.Ratings["HTI0001"]; len(got) != 10 || got[L-9] == "" {
		t.Errorf("director's ratings %v, want %d–%d", got, L-9, L)
	}
	checkDemoHistory(t, sn, s.Today(), L-9, L)
	checkDemoNearMisses(t, sn, L)
}

func TestDemoCancelled(t *testing.T) {
	s, st := newDemoTestService(t)
	ctx, cancel := context.WithCancel(context.Background())
	err := s.FillDemo(ctx, DemoOptions{}, func(done, total int) {
		if done > total/2 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("cancelled FillDemo succeeded")
	}
	if _, ok, _ := st.Profile(context.Background()); ok {
		t.Error("a cancelled demo left an office behind")
	}
	if ps, _ := st.People(context.Background()); len(ps) != 0 {
		t.Errorf("a cancelled demo left %d people", len(ps))
	}
}

func BenchmarkDemoDefault(b *testing.B) {
	for b.Loop() {
		fillDemo(b, DemoOptions{})
	}
}

// TestDemo_RoundIsReadyToApprove: the demo's approved round passes every
// check a clerk's round must pass to be submitted and approved.
func TestDemo_RoundIsReadyToApprove(t *testing.T) {
	s := demoService(t)
	ctx := context.Background()
	rs, err := s.Rounds(ctx)
	if err != nil || len(rs) == 0 {
		t.Fatalf("rounds %v %v", rs, err)
	}
	problems, err := s.RoundProblems(ctx, rs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", p.Field, p.Msg)
	}
}
