package kit

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Numbers are typed and shown the Vietnamese way: a decimal comma ("95,5")
// and, when typed, dots grouping thousands ("1.234,5"). A dot alone is read
// as a decimal point ("95.5"), except in the one shape that can only be a
// thousands group ("1.500", "12.345.678"), which Vietnamese writes for
// whole numbers.

var thousandsOnly = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3})+$`)

// ErrNotNumber is returned by ParseNumber for text that is not a number.
var ErrNotNumber = errors.New("not a number")

// ParseNumber reads a typed number; ok is false for an empty text.
func ParseNumber(text string) (v float64, ok bool, err error) {
	s := strings.TrimSpace(text)
	s = strings.TrimSuffix(s, "%")
	s = strings.ReplaceAll(s, " ", "")
	s = strings.ReplaceAll(s, "\u00a0", "")
	if s == "" {
		return 0, false, nil
	}
	switch {
	case strings.Contains(s, ","):
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case thousandsOnly.MatchString(strings.TrimPrefix(s, "-")) && !strings.HasPrefix(strings.TrimPrefix(s, "-"), "0"):
		s = strings.ReplaceAll(s, ".", "")
	}
	v, err = strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false, ErrNotNumber
	}
	return v, true, nil
}

// FormatNumber writes a number with a decimal comma and no more than two
// decimals ("95,5", "120"), as an entry shows it.
func FormatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return strings.ReplaceAll(s, ".", ",")
}

// FileSize writes a file size the Vietnamese way: "850 B", "12,4 KB",
// "3,1 MB" (decimal comma, as FormatNumber).
func FileSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return strings.ReplaceAll(fmt.Sprintf("%.1f KB", float64(n)/1024), ".", ",")
	default:
		return strings.ReplaceAll(fmt.Sprintf("%.1f MB", float64(n)/(1024*1024)), ".", ",")
	}
}
