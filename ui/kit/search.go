package kit

import (
	"strings"

	"tdkt/internal/domain"
)

// SearchWords splits what a clerk typed in a search box into folded words
// (no diacritics, lower case: "nguyen" finds "Nguyễn").
func SearchWords(typed string) []string { return strings.Fields(domain.Fold(typed)) }

// ContainsAll reports whether every word occurs in the folded text: the
// rule of every search box (all words, in any order, anywhere).
func ContainsAll(folded string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(folded, w) {
			return false
		}
	}
	return true
}

// Matches reports whether every word typed occurs in one of fields.
func Matches(typed string, fields ...string) bool {
	words := SearchWords(typed)
	return len(words) == 0 || ContainsAll(domain.Fold(strings.Join(fields, " ")), words)
}
