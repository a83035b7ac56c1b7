package domain

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// SortPeople orders people the Vietnamese way: by given name, then middle
// name, then family name (collated for Vietnamese, so "Ánh" sorts with "A"
// and before "Bình"), then staff code so the order is total and stable.
func SortPeople(ps []Person) {
	col := collate.New(language.Vietnamese)
	var buf collate.Buffer
	// One key per name part: concatenating parts would compare "An Văn"
	// against "Anh Đức" letter by letter across the boundary.
	keys := make([][3][]byte, len(ps))
	for i, p := range ps {
		fam, mid, given := NameParts(p.FullName)
		for j, part := range []string{given, mid, fam} {
			keys[i][j] = append([]byte(nil), col.KeyFromString(&buf, part)...)
			buf.Reset()
		}
	}
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ka, kb := keys[idx[a]], keys[idx[b]]
		for j := range ka {
			if c := compareBytes(ka[j], kb[j]); c != 0 {
				return c < 0
			}
		}
		return ps[idx[a]].StaffCode < ps[idx[b]].StaffCode
	})
	out := make([]Person, len(ps))
	for i, j := range idx {
		out[i] = ps[j]
	}
	copy(ps, out)
}

func compareBytes(a, b []byte) int { return bytes.Compare(a, b) }

// Fold makes text searchable the way a clerk types: lower case, without
// diacritics, đ as d, so "nguyen van" finds "Nguyễn Văn".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// PeopleFilter is what a staff list is narrowed by. Empty fields match all.
type PeopleFilter struct {
	Query    string          // typed text: matches words of the name, the staff code or the CCCD, diacritics ignored
	Units    map[string]bool // unit codes (a unit and its sub-units, expanded by the caller)
	Gender   Gender
	Position string
}

// PeopleIndex keeps people with their folded search text so that filtering
// while typing does no allocation per person.
type PeopleIndex struct {
	people    []Person
	folded    []string
	positions []string
}

// NewPeopleIndex indexes people in the order given (sort them first).
func NewPeopleIndex(ps []Person) *PeopleIndex {
	ix := &PeopleIndex{people: ps, folded: make([]string, len(ps)), positions: make([]string, len(ps))}
	for i, p := range ps {
		ix.positions[i] = Fold(p.Position)
		ix.folded[i] = " " + Fold(p.FullName) + " " + strings.ToLower(p.StaffCode) + " " + p.CCCD
	}
	return ix
}

// Len is the number of people indexed.
func (ix *PeopleIndex) Len() int { return len(ix.people) }

// Filter returns the people matching f, in index order. Each typed word must
// start a word of the name, or start the staff code or CCCD.
func (ix *PeopleIndex) Filter(f PeopleFilter) []Person {
	words := strings.Fields(Fold(f.Query))
	for i, w := range words {
		words[i] = " " + w
	}
	pos := Fold(f.Position)
	out := make([]Person, 0, len(ix.people))
	for i, p := range ix.people {
		if f.Gender != "" && p.Gender != f.Gender {
			continue
		}
		if f.Units != nil && !f.Units[p.UnitCode] {
			continue
		}
		if pos != "" && !strings.Contains(ix.positions[i], pos) {
			continue
		}
		ok := true
		for _, w := range words {
			if !strings.Contains(ix.folded[i], w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}
