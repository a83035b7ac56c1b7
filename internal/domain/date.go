package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day without time or zone. Legal records (decisions,
// births, recruitment) are days, and comparing them as instants in some zone
// produces off-by-one errors around midnight, so they get their own type.
// The zero Date means "not known".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date; it does not validate (use ParseDate for input).
func NewDate(y int, m time.Month, d int) Date { return Date{y, m, d} }

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// ISO formats as yyyy-mm-dd, the storage form; empty for the zero date.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// VN formats as dd/mm/yyyy, the form people read and type; empty for the zero date.
func (d Date) VN() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// String is the Vietnamese display form.
func (d Date) String() string { return d.VN() }

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	default:
		return cmpInt(d.Day, o.Day)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// ErrInvalidDate is wrapped by every date parsing failure.
var ErrInvalidDate = fmt.Errorf("ngày không hợp lệ")

// ParseDate reads a day typed by a person: dd/mm/yyyy (also with '-' or '.'
// as separator and one-digit day or month), or yyyy-mm-dd as stored. The
// empty string gives the zero date and no error; callers decide whether the
// field is required.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	var parts []string
	for _, sep := range []string{"/", "-", "."} {
		if strings.Count(s, sep) == 2 {
			parts = strings.Split(s, sep)
			break
		}
	}
	if len(parts) != 3 {
		return Date{}, fmt.Errorf("%w: %q, cần dạng ngày/tháng/năm (ví dụ 05/01/2025)", ErrInvalidDate, s)
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 {
			return Date{}, fmt.Errorf("%w: %q, cần dạng ngày/tháng/năm (ví dụ 05/01/2025)", ErrInvalidDate, s)
		}
		nums[i] = n
	}
	d, m, y := nums[0], nums[1], nums[2]
	if len(strings.TrimSpace(parts[0])) == 4 { // yyyy-mm-dd
		y, m, d = nums[0], nums[1], nums[2]
	}
	return ValidDate(y, m, d)
}

// ValidDate checks that y-m-d names a real day in a plausible range.
func ValidDate(y, m, d int) (Date, error) {
	if y < 1900 || y > 2100 {
		return Date{}, fmt.Errorf("%w: năm %d nằm ngoài khoảng 1900–2100", ErrInvalidDate, y)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("%w: tháng %d không có", ErrInvalidDate, m)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return Date{}, fmt.Errorf("%w: tháng %02d/%d không có ngày %d", ErrInvalidDate, m, y, d)
	}
	return Date{y, time.Month(m), d}, nil
}

// MustDate is for tests and fixed data.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// InRange reports whether d lies within [from, to]; a zero bound is open.
func (d Date) InRange(from, to Date) bool {
	if !from.IsZero() && d.Before(from) {
		return false
	}
	if !to.IsZero() && d.After(to) {
		return false
	}
	return true
}

// YearEnd is 31 December of y, the day on which memberships are taken.
func YearEnd(y int) Date { return Date{y, time.December, 31} }
