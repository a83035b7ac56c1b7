package domain

import (
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// UnitTree orders units the way documents and lists show them: the office
// first, then under each unit its departments before its grassroots
// offices, each group by name (Vietnamese order).
type UnitTree struct {
	Order    []string            // unit codes, parents before children
	Depth    map[string]int      // 0 for a root
	ByCode   map[string]Unit     // every unit given
	Children map[string][]string // parent code ("" for roots) → children, ordered
}

// NewUnitTree builds the tree. A unit whose parent is unknown (or itself)
// is a root, so damaged data still shows every unit once.
func NewUnitTree(units []Unit) *UnitTree {
	t := &UnitTree{Depth: map[string]int{}, ByCode: make(map[string]Unit, len(units)), Children: map[string][]string{}}
	for _, u := range units {
		t.ByCode[u.Code] = u
	}
	for _, u := range units {
		parent := u.ParentCode
		if _, ok := t.ByCode[parent]; !ok || parent == u.Code {
			parent = ""
		}
		t.Children[parent] = append(t.Children[parent], u.Code)
	}
	col := collate.New(language.Vietnamese)
	kindOrder := map[UnitKind]int{UnitProvince: 0, UnitDepartment: 1, UnitGrassroots: 2}
	for _, codes := range t.Children {
		slices.SortStableFunc(codes, func(a, b string) int {
			ua, ub := t.ByCode[a], t.ByCode[b]
			if d := kindOrder[ua.Kind] - kindOrder[ub.Kind]; d != 0 {
				return d
			}
			return col.CompareString(ua.Name, ub.Name)
		})
	}
	seen := map[string]bool{}
	var walk func(code string, d int)
	walk = func(code string, d int) {
		for _, c := range t.Children[code] {
			if seen[c] {
				continue
			}
			seen[c] = true
			t.Order = append(t.Order, c)
			t.Depth[c] = d
			walk(c, d+1)
		}
	}
	walk("", 0)
	return t
}

// ActiveIn lists, in tree order, the units that exist on some day of year y.
func (t *UnitTree) ActiveIn(y int) []Unit {
	var out []Unit
	from, to := NewDate(y, 1, 1), YearEnd(y)
	for _, c := range t.Order {
		u := t.ByCode[c]
		if (u.ValidTo.IsZero() || !u.ValidTo.Before(from)) && (u.ValidFrom.IsZero() || !u.ValidFrom.After(to)) {
			out = append(out, u)
		}
	}
	return out
}

// Root is the first unit of the tree: the office itself.
func (t *UnitTree) Root() (Unit, bool) {
	if len(t.Order) == 0 {
		return Unit{}, false
	}
	return t.ByCode[t.Order[0]], true
}

// Name is the unit's name, or the code itself for an unknown unit.
func (t *UnitTree) Name(code string) string {
	if u, ok := t.ByCode[code]; ok {
		return u.Name
	}
	return code
}
