package service

import (
	"context"
	"fmt"
	"slices"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

// Eligibility evaluates every person assigned to a unit on 31 December of
// year and every collective active that day against the catalogue of the
// database (rules.md), and returns the verdicts. With unitCode (a current or
// a former code) only the verdicts of that unit, its sub-units and their
// people are returned; quotas and collective shares are still computed on
// the whole office.
func (s *Service) Eligibility(ctx context.Context, year int, unitCode string) ([]rules.Verdict, error) {
	vs, _, err := s.eligibility(ctx, year, unitCode, false)
	return vs, err
}

// KeptEligibility is Eligibility when the year's verdicts are kept from an
// evaluation of the data as it is now, without evaluating again; ok is
// false when they are not. A screen calls it first, on its own goroutine,
// to show kept verdicts at once instead of behind a progress dialog.
func (s *Service) KeptEligibility(ctx context.Context, year int, unitCode string) (vs []rules.Verdict, ok bool, err error) {
	return s.eligibility(ctx, year, unitCode, true)
}

func (s *Service) eligibility(ctx context.Context, year int, unitCode string, keptOnly bool) ([]rules.Verdict, bool, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, false, err
	}
	if year < 1900 || year > 2100 {
		return nil, false, domain.FieldError{Field: "Năm", Msg: fmt.Sprintf("năm xét %d không hợp lệ", year)}
	}
	unitCode = rules.Clean(unitCode)
	e, kept, err := s.keptEvaluation(ctx, year, keptOnly)
	if err != nil || !kept {
		return nil, false, err
	}
	h, vs := e.h, e.vs
	if unitCode == "" {
		return slices.Clone(vs), true, nil
	}
	code, err := s.st.CurrentCode(ctx, unitCode)
	if err != nil {
		return nil, false, err
	}
	in := subtree(h.Units, code)
	if len(in) == 0 {
		return nil, false, domain.FieldError{Field: "Mã đơn vị", Msg: fmt.Sprintf("không có đơn vị mã %s hoạt động vào ngày 31/12/%d", unitCode, year), Err: domain.ErrNotFound}
	}
	people := map[string]bool{}
	for _, p := range h.People {
		if in[p.UnitCode] {
			people[p.StaffCode] = true
		}
	}
	out := vs[:0:0]
	for _, v := range vs {
		if (v.Subject.Kind == domain.SubjectPerson && people[v.Subject.Code]) || (v.Subject.Kind == domain.SubjectCollective && in[v.Subject.Code]) {
			out = append(out, v)
		}
	}
	return out, true, nil
}

// subtree is the set of the unit code and every unit below it.
func subtree(units []domain.Unit, code string) map[string]bool {
	children := map[string][]string{}
	found := false
	for _, u := range units {
		children[u.ParentCode] = append(children[u.ParentCode], u.Code)
		found = found || u.Code == code
	}
	if !found {
		return nil
	}
	in := map[string]bool{}
	stack := []string{code}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if in[c] {
			continue
		}
		in[c] = true
		stack = append(stack, children[c]...)
	}
	return in
}

// EligibilityHistory reads what the eligibility engine needs for year from
// the database. History recorded under a unit's former code (before a
// merger or renaming) is carried to its current code.
func (s *Service) EligibilityHistory(ctx context.Context, year int) (rules.History, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return rules.History{}, err
	}
	return eligibilityHistory(storeSource{ctx, s.st}, year)
}

// historySource is what the eligibility history is read from: the store,
// or a write transaction (the demo evaluates the year it has just written).
type historySource interface {
	Units() ([]domain.Unit, error)
	AssignedOn(d domain.Date) (map[string]string, error)
	People() ([]domain.Person, error)
	RatingsUpTo(year int) (people, units map[string]map[int]domain.Rating, err error)
	AwardsUpTo(year int) ([]domain.AwardRecord, error)
	InitiativesUpTo(year int) ([]domain.Initiative, error)
	AllDisciplines() ([]domain.Discipline, error)
	UnitCodeChanges() ([]domain.UnitCodeChange, error)
	Profile() (domain.OfficeProfile, bool, error)
	Cluster(year int) (domain.Cluster, bool, error)
}

// storeSource reads the history through the store's reader pool.
type storeSource struct {
	ctx context.Context
	st  *store.Store
}

func (r storeSource) Units() ([]domain.Unit, error) { return r.st.Units(r.ctx) }
func (r storeSource) AssignedOn(d domain.Date) (map[string]string, error) {
	return r.st.AssignedOn(r.ctx, d)
}
func (r storeSource) People() ([]domain.Person, error) { return r.st.People(r.ctx) }
func (r storeSource) RatingsUpTo(year int) (map[string]map[int]domain.Rating, map[string]map[int]domain.Rating, error) {
	return r.st.RatingsUpTo(r.ctx, year)
}
func (r storeSource) AwardsUpTo(year int) ([]domain.AwardRecord, error) {
	return r.st.AwardsUpTo(r.ctx, year)
}
func (r storeSource) InitiativesUpTo(year int) ([]domain.Initiative, error) {
	return r.st.InitiativesUpTo(r.ctx, year)
}
func (r storeSource) AllDisciplines() ([]domain.Discipline, error) { return r.st.AllDisciplines(r.ctx) }
func (r storeSource) UnitCodeChanges() ([]domain.UnitCodeChange, error) {
	return r.st.UnitCodeChanges(r.ctx)
}
func (r storeSource) Profile() (domain.OfficeProfile, bool, error) { return r.st.Profile(r.ctx) }
func (r storeSource) Cluster(year int) (domain.Cluster, bool, error) {
	return r.st.Cluster(r.ctx, year)
}

func eligibilityHistory(src historySource, year int) (rules.History, error) {
	h := rules.History{Year: year, ClusterRank: map[string]int{}}
	end := domain.YearEnd(year)
	units, err := src.Units()
	if err != nil {
		return h, err
	}
	for _, u := range units {
		if u.ActiveOn(end) {
			h.Units = append(h.Units, u)
		}
	}
	assigned, err := src.AssignedOn(end)
	if err != nil {
		return h, err
	}
	people, err := src.People()
	if err != nil {
		return h, err
	}
	for _, p := range people {
		if u, ok := assigned[p.StaffCode]; ok {
			p.UnitCode = u
			h.People = append(h.People, p)
		}
	}
	var unitRatings map[string]map[int]domain.Rating
	if h.PersonRatings, unitRatings, err = src.RatingsUpTo(year); err != nil {
		return h, err
	}
	if h.Awards, err = src.AwardsUpTo(year); err != nil {
		return h, err
	}
	if h.Initiatives, err = src.InitiativesUpTo(year); err != nil {
		return h, err
	}
	if h.Disciplines, err = src.AllDisciplines(); err != nil {
		return h, err
	}
	changes, err := src.UnitCodeChanges()
	if err != nil {
		return h, err
	}
	current := codeResolver(changes)
	h.UnitRatings = foldUnitRatings(unitRatings, current)
	for i := range h.Awards {
		if a := &h.Awards[i]; a.Subject.Kind == domain.SubjectCollective {
			a.Subject.Code = current(a.Subject.Code)
		}
	}
	if p, ok, err := src.Profile(); err != nil {
		return h, err
	} else if ok {
		c, ok, err := src.Cluster(year)
		if err != nil {
			return h, err
		}
		if rank := ownClusterRank(c); ok && rank > 0 {
			h.ClusterRank[current(p.UnitCode)] = rank
		}
	}
	return h, nil
}

// codeResolver follows recorded code changes to the code in use (A→B→C
// gives C); the latest change of a code wins.
func codeResolver(changes []domain.UnitCodeChange) func(string) string {
	next := map[string]string{}
	for _, c := range changes { // oldest first
		next[c.OldCode] = c.NewCode
	}
	return func(code string) string {
		seen := map[string]bool{}
		for !seen[code] {
			seen[code] = true
			n, ok := next[code]
			if !ok {
				break
			}
			code = n
		}
		return code
	}
}

// foldUnitRatings carries ratings recorded under former codes to the
// current code. The unit's own rating of a year wins; when several former
// units disagree for a year, the lowest rating is kept (a merger does not
// inherit the best of its parts).
func foldUnitRatings(in map[string]map[int]domain.Rating, current func(string) string) map[string]map[int]domain.Rating {
	out := map[string]map[int]domain.Rating{}
	own := map[string]map[int]bool{}
	for code, m := range in {
		if current(code) != code {
			continue
		}
		out[code], own[code] = map[int]domain.Rating{}, map[int]bool{}
		for y, r := range m {
			out[code][y], own[code][y] = r, true
		}
	}
	for code, m := range in {
		to := current(code)
		if to == code {
			continue
		}
		if out[to] == nil {
			out[to] = map[int]domain.Rating{}
		}
		for y, r := range m {
			if own[to][y] {
				continue
			}
			if old, ok := out[to][y]; !ok || r.Rank() < old.Rank() {
				out[to][y] = r
			}
		}
	}
	return out
}

// ownClusterRank is the office's place in its cluster by total score (1 =
// first; equal totals share a place); 0 when the office has no total.
func ownClusterRank(c domain.Cluster) int {
	var own *domain.ClusterMember
	for i := range c.Members {
		if c.Members[i].Own {
			own = &c.Members[i]
		}
	}
	if own == nil || !own.HasTotal {
		return 0
	}
	rank := 1
	for _, m := range c.Members {
		if m.HasTotal && m.Total > own.Total {
			rank++
		}
	}
	return rank
}
