package domain

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// dmy is the form people type most (dd/mm/yyyy with one- or two-digit day
// and month): whatever else ParseDate accepts, it must read these as the
// calendar says.
var dmy = regexp.MustCompile(`^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$`)

// FuzzParseDateValid checks what every caller of ParseDate relies on, for
// any text at all: no panic; an error always wraps ErrInvalidDate and comes
// with the zero date; the zero date without error only for blank text; a
// date that is accepted is a real day between 1900 and 2100 (ValidDate
// agrees), and its dd/mm/yyyy and yyyy-mm-dd forms read back to it. The
// existing FuzzParseDate in date_test.go checks the round trip only; this
// target adds validity and an independent reading of dd/mm/yyyy.
func FuzzParseDateValid(f *testing.F) {
	for _, s := range []string{
		"29/02/2024", "29/02/2023", "31/4/2025", "2025-13-01", "00/00/0000", "1/1/99",
		"０５/０１/２０２５", "05/01/2025\u00a0", "\u00a005.01.2025", "ngày 05 tháng 01 năm 2025",
		"2024-02-29", "1900-01-01", "31/12/2100", "01/01/2101", "+5/+1/+2025", "5 / 1 / 2025",
		"99999999999999999999/1/2025", "1/1/-2025", "05-01-2025", "2025/01/05", "1.2.3.4", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidDate) {
				t.Fatalf("ParseDate(%q) error %v does not wrap ErrInvalidDate", s, err)
			}
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v with error %v; want the zero date", s, d, err)
			}
		}
		if m := dmy.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
			day, _ := strconv.Atoi(m[1])
			month, _ := strconv.Atoi(m[2])
			year, _ := strconv.Atoi(m[3])
			real := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
			want := year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && real.Day() == day
			if got := err == nil; got != want {
				t.Fatalf("ParseDate(%q): accepted %v, want %v (err %v)", s, got, want, err)
			}
			if want && d != NewDate(year, time.Month(month), day) {
				t.Fatalf("ParseDate(%q) = %+v, want %d-%d-%d", s, d, year, month, day)
			}
		}
		if err != nil {
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseDate(%q) gave the zero date without error", s)
			}
			return
		}
		if d.Year < 1900 || d.Year > 2100 {
			t.Fatalf("ParseDate(%q) = %v: year out of 1900–2100", s, d)
		}
		if v, err := ValidDate(d.Year, int(d.Month), d.Day); err != nil || v != d {
			t.Fatalf("ParseDate(%q) = %+v but ValidDate says %+v, %v", s, d, v, err)
		}
		if DateOf(d.Time()) != d {
			t.Fatalf("ParseDate(%q) = %+v is no calendar day (Time gives %v)", s, d, d.Time())
		}
		for _, form := range []string{d.VN(), d.ISO()} {
			if back, err := ParseDate(form); err != nil || back != d {
				t.Fatalf("ParseDate(%q) = %+v; its form %q reads back as %+v, %v", s, d, form, back, err)
			}
		}
	})
}
