package rules

import (
	"fmt"
	"sort"
	"strings"

	"tdkt/internal/domain"
)

// History is everything the eligibility engine reads for an evaluation year.
type History struct {
	Year          int
	People        []domain.Person                  // assigned to a unit on 31/12/Year (UnitCode = that unit)
	Units         []domain.Unit                    // active on 31/12/Year, with the tree (ParentCode)
	PersonRatings map[string]map[int]domain.Rating // staff code → year → rating (Year and earlier)
	UnitRatings   map[string]map[int]domain.Rating // unit code → year → rating
	Awards        []domain.AwardRecord             // recorded history, all subjects, years ≤ Year
	Initiatives   []domain.Initiative              // with Authors
	Disciplines   []domain.Discipline
	ClusterRank   map[string]int // unit code → rank in its emulation cluster for Year (1 = first)
}

// Verdict is the engine's answer for one subject and one award of the year.
type Verdict struct {
	Subject         domain.Subject
	Name            string
	Award           string
	Year            int
	Regime          string
	Eligible        bool
	Pending         bool     // rests on a title of Year that this evaluation finds eligible, not recorded
	Reasons         []string // Vietnamese; the missing facts, or the facts an eligible verdict rests on
	Quota           *Quota   // CSTĐCS verdicts: the quota of the conferring unit
	UsedInitiatives []string // titles of the initiatives this award would use
}

// Quota is the CSTĐCS quota of one conferring unit for a year (rules.md rule 2).
type Quota struct {
	Unit       string
	Award      string
	Year       int
	Limit      int // floor(percent × LĐTT)
	Candidates int // eligible CSTĐCS verdicts of the unit
	OverBy     int // Candidates − Limit, 0 when the quota holds
	Rank       int // the verdict's place in the ranking (0: not a candidate)
}

// Evaluate applies rules.md to every person and collective of h for year
// h.Year, with the thresholds of cat for the regime in force on 31 December.
// It returns one verdict per person × person award and per collective ×
// collective award of the catalogue, people first (by staff code), then
// collectives (by unit code), awards in catalogue order. It is pure and
// deterministic.
func Evaluate(cat Catalogue, h History) []Verdict {
	e := newEngine(cat, h)
	e.evaluatePeople()
	// Sized once: growing a slice of 16,000 verdicts by doubling copied
	// each of them several times.
	out := make([]Verdict, 0, len(e.people)*len(e.personAwards)+len(e.units)*len(e.unitAwards))
	for _, ps := range e.people {
		for _, a := range e.personAwards {
			out = append(out, e.personVerdict(ps, a))
		}
	}
	for _, u := range e.units {
		for _, a := range e.unitAwards {
			out = append(out, e.collectiveVerdict(u, a))
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// State of one evaluation.

type engine struct {
	h      History
	y      int
	regime string
	p      params

	personAwards, unitAwards []AwardType

	people []*person
	byCode map[string]*person
	units  []*unit
	unit   map[string]*unit

	inits  []domain.Initiative
	usedBy map[int]string // initiative index → the award that used it
	quotas map[string]*Quota
	labels map[labelKey]string // award names by year, for reasons
}

type person struct {
	domain.Person
	ratings map[int]domain.Rating
	awards  map[int]map[string]domain.AwardKind // recorded: year → code → kind (công trạng wins)
	inits   []int                               // authored initiatives, earliest decision first
	discs   []domain.Discipline                 // in effect on some day up to 31/12/Y
	void    int                                 // facts of years ≤ void do not count (hasVoid)
	hasVoid bool
	voidWhy string
	quota   string // conferring unit for the CSTĐCS quota

	res map[string]*check // results of year Y by award code
}

type unit struct {
	domain.Unit
	members []*person
}

// check collects what a rule found.
type check struct {
	fails, facts []string
	pending      bool
	used         []int
	quota        *Quota
	rank         int
}

func (c *check) fail(format string, a ...any) { c.fails = append(c.fails, fmt.Sprintf(format, a...)) }
func (c *check) fact(format string, a ...any) { c.facts = append(c.facts, fmt.Sprintf(format, a...)) }
func (c *check) ok() bool                     { return c != nil && len(c.fails) == 0 }

func newEngine(cat Catalogue, h History) *engine {
	e := &engine{h: h, y: h.Year, byCode: map[string]*person{}, unit: map[string]*unit{}, usedBy: map[int]string{}, quotas: map[string]*Quota{}, labels: map[labelKey]string{}}
	day := domain.YearEnd(h.Year)
	if r, ok := cat.RegimeFor(h.Year); ok {
		e.regime = r.Code
	}
	e.p = params{cat: cat, def: DefaultCatalogue(), regime: e.regime, day: day, memo: map[string]string{}}
	for _, a := range cat.Sorted() {
		if !day.InRange(a.ValidFrom, a.ValidTo) {
			continue
		}
		if a.AppliesTo(domain.SubjectPerson) {
			e.personAwards = append(e.personAwards, a)
		}
		if a.AppliesTo(domain.SubjectCollective) {
			e.unitAwards = append(e.unitAwards, a)
		}
	}

	// Units and people.
	for _, u := range h.Units {
		if _, dup := e.unit[u.Code]; dup {
			continue
		}
		x := &unit{Unit: u}
		e.unit[u.Code] = x
		e.units = append(e.units, x)
	}
	sort.SliceStable(e.units, func(i, j int) bool { return e.units[i].Code < e.units[j].Code })
	people := append([]domain.Person(nil), h.People...)
	sort.SliceStable(people, func(i, j int) bool { return people[i].StaffCode < people[j].StaffCode })
	for _, p := range people {
		if _, dup := e.byCode[p.StaffCode]; dup {
			continue
		}
		ps := &person{Person: p, ratings: h.PersonRatings[p.StaffCode], awards: map[int]map[string]domain.AwardKind{}, res: map[string]*check{}}
		e.byCode[p.StaffCode] = ps
		e.people = append(e.people, ps)
		chain := e.ancestors(p.UnitCode)
		for _, c := range chain {
			if u := e.unit[c]; u != nil {
				u.members = append(u.members, ps)
			}
		}
		ps.quota = chain[len(chain)-1]
		if e.p.bool("cstdcs.quota_per_department") && len(chain) >= 2 {
			ps.quota = chain[len(chain)-2]
		}
	}

	// Disciplines.
	for _, d := range h.Disciplines {
		ps := e.byCode[d.StaffCode]
		if ps == nil || d.From.IsZero() || d.From.Year > e.y {
			continue
		}
		ps.discs = append(ps.discs, d)
		end := e.y
		if !d.To.IsZero() && d.To.Year < e.y {
			end = d.To.Year
		}
		if !ps.hasVoid || end > ps.void {
			ps.hasVoid, ps.void, ps.voidWhy = true, end, describeDiscipline(d)
		}
	}

	// Awards: people's and collectives'; initiatives they used.
	e.inits = h.Initiatives
	byTitle := map[string][]int{}
	for i, in := range e.inits {
		byTitle[in.Title] = append(byTitle[in.Title], i)
		for _, a := range in.Authors {
			if ps := e.byCode[a]; ps != nil && !containsIdx(ps.inits, i) {
				ps.inits = append(ps.inits, i)
			}
		}
	}
	for _, ps := range e.people {
		sort.SliceStable(ps.inits, func(i, j int) bool { return e.initBefore(ps.inits[i], ps.inits[j]) })
	}
	for _, a := range h.Awards {
		if a.Year > e.y {
			continue
		}
		if a.Subject.Kind == domain.SubjectPerson {
			if ps := e.byCode[a.Subject.Code]; ps != nil {
				addAward(ps.awards, a)
			}
		}
		for _, t := range a.Initiatives {
			if i, ok := pickInitiative(e.inits, byTitle[t], a.Year); ok {
				if _, done := e.usedBy[i]; !done {
					e.usedBy[i] = e.describeAward(a)
				}
			}
		}
	}
	return e
}

func containsIdx(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func addAward(m map[int]map[string]domain.AwardKind, a domain.AwardRecord) {
	if m[a.Year] == nil {
		m[a.Year] = map[string]domain.AwardKind{}
	}
	k := a.Kind
	if k == "" {
		k = domain.KindMerit
	}
	if old, ok := m[a.Year][a.AwardCode]; !ok || old != domain.KindMerit {
		m[a.Year][a.AwardCode] = k
	}
}

// pickInitiative finds the initiative an award row names by title: the
// latest one recognised by the award's year, else the earliest.
func pickInitiative(all []domain.Initiative, idx []int, year int) (int, bool) {
	best, found := -1, false
	for _, i := range idx {
		in := all[i]
		switch {
		case !found:
			best, found = i, true
		case in.Year <= year && (all[best].Year > year || in.Year > all[best].Year):
			best = i
		case in.Year > year && all[best].Year > year && in.Year < all[best].Year:
			best = i
		}
	}
	return best, found
}

func (e *engine) describeAward(a domain.AwardRecord) string {
	s := fmt.Sprintf("%s năm %d", e.label(a.AwardCode, a.Year), a.Year)
	if a.Kind != "" && a.Kind != domain.KindMerit {
		s += " (" + strings.ToLower(a.Kind.Label()) + ")"
	}
	if a.Subject.Code != "" {
		s += " của " + a.Subject.Code
	}
	return s
}

func describeDiscipline(d domain.Discipline) string {
	s := fmt.Sprintf("kỷ luật %s từ %s", strings.ToLower(d.Form.Label()), d.From.VN())
	if d.To.IsZero() {
		return s + " (chưa kết thúc)"
	}
	return s + " đến " + d.To.VN()
}

// initBefore orders initiatives by decision: year, then decision date (an
// undated decision last in its year), then title.
func (e *engine) initBefore(i, j int) bool {
	a, b := e.inits[i], e.inits[j]
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	da, db := a.DecisionDate, b.DecisionDate
	if da.IsZero() != db.IsZero() {
		return !da.IsZero()
	}
	if c := da.Compare(db); c != 0 {
		return c < 0
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return i < j
}

// ancestors lists code, its parent, … up to the root (cycles cut).
func (e *engine) ancestors(code string) []string {
	chain := []string{code}
	seen := map[string]bool{code: true}
	for {
		u := e.unit[chain[len(chain)-1]]
		if u == nil || u.ParentCode == "" || seen[u.ParentCode] {
			return chain
		}
		seen[u.ParentCode] = true
		chain = append(chain, u.ParentCode)
	}
}

// ---------------------------------------------------------------------------
// Facts of a person.

// counts reports whether facts of year z count: not when a discipline was in
// effect during z or a later year up to its end (rules.md: a year with a
// discipline meets no condition; achievements count only after its end).
func (ps *person) counts(z int) bool { return !ps.hasVoid || z > ps.void }

func (ps *person) voidNote(z int) string {
	return fmt.Sprintf("năm %d không được tính: %s, thành tích chỉ tính từ năm %d", z, ps.voidWhy, ps.void+1)
}

// merit reports a recorded công trạng award of year z that counts.
func (ps *person) merit(z int, code string) bool {
	return ps.awards[z][code] == domain.KindMerit && ps.counts(z)
}

// title reports whether the person holds code in year z: recorded (and
// counting), or for the evaluation year found eligible by this evaluation
// (pending). why explains a miss.
func (e *engine) title(ps *person, z int, code string) (has, pending bool, why string) {
	if ps.merit(z, code) {
		return true, false, ""
	}
	if z == e.y && ps.counts(z) {
		if c := ps.res[code]; c.ok() {
			return true, true, ""
		}
	}
	switch k, ok := ps.awards[z][code]; {
	case ok && !ps.counts(z):
		return false, false, ps.voidNote(z)
	case ok && k != domain.KindMerit:
		return false, false, fmt.Sprintf("%s năm %d là khen thưởng %s, không tính vào chuỗi", e.label(code, z), z, strings.ToLower(k.Label()))
	}
	return false, false, ""
}

func (e *engine) missing(code string, z int, why string) string {
	s := fmt.Sprintf("Thiếu %s năm %d", e.label(code, z), z)
	if why != "" {
		s += " (" + why + ")"
	}
	return s
}

// rating is the rating of year z when it counts.
func (ps *person) rating(z int) (domain.Rating, string) {
	r, ok := ps.ratings[z]
	switch {
	case !ok || r.Rank() == 0:
		return "", fmt.Sprintf("Chưa có xếp loại năm %d", z)
	case !ps.counts(z):
		return "", fmt.Sprintf("Xếp loại năm %d: %s, nhưng %s", z, r, ps.voidNote(z))
	}
	return r, ""
}

// freeInits lists the person's initiatives recognised in from..to (years
// that count) at scope ≥ min and not used by any award, earliest first.
func (e *engine) freeInits(ps *person, from, to int, min domain.InitiativeScope) (free []int, notes []string) {
	for _, i := range ps.inits {
		in := e.inits[i]
		if in.Year < from || in.Year > to || in.Scope.Level() < min.Level() {
			continue
		}
		switch {
		case !ps.counts(in.Year):
			notes = append(notes, fmt.Sprintf("Sáng kiến “%s”: %s", in.Title, ps.voidNote(in.Year)))
		case e.usedBy[i] != "":
			notes = append(notes, fmt.Sprintf("Sáng kiến “%s” (%d) đã dùng cho %s", in.Title, in.Year, e.usedBy[i]))
		default:
			free = append(free, i)
		}
	}
	return free, notes
}

func (e *engine) use(ps *person, code string, idx []int) {
	for _, i := range idx {
		e.usedBy[i] = fmt.Sprintf("%s năm %d của %s (đang xét)", e.label(code, e.y), e.y, ps.StaffCode)
	}
}

func (e *engine) initNames(idx []int) string {
	s := make([]string, len(idx))
	for k, i := range idx {
		s[k] = fmt.Sprintf("“%s” (%d, phạm vi %s)", e.inits[i].Title, e.inits[i].Year, e.inits[i].Scope.Label())
	}
	return strings.Join(s, ", ")
}
