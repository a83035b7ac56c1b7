package domain

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	scenarios := []struct {
		in   string
		want Date
		err  bool
	}{
		{"05/01/2025", Date{2025, time.January, 5}, false},
		{"5/1/2025", Date{2025, time.January, 5}, false},
		{" 29/02/2024 ", Date{2024, time.February, 29}, false},
		{"29-02-2024", Date{2024, time.February, 29}, false},
		{"29.02.2024", Date{2024, time.February, 29}, false},
		{"2024-02-29", Date{2024, time.February, 29}, false},
		{"", Date{}, false},
		{"29/02/2023", Date{}, true},
		{"31/04/2020", Date{}, true},
		{"00/01/2020", Date{}, true},
		{"12/13/2020", Date{}, true},
		{"01/01/1899", Date{}, true},
		{"hôm qua", Date{}, true},
		{"1/2", Date{}, true},
		{"01/01/20x0", Date{}, true},
	}
	for _, sc := range scenarios {
		got, err := ParseDate(sc.in)
		if (err != nil) != sc.err {
			t.Errorf("ParseDate(%q) error = %v, want error %v", sc.in, err, sc.err)
			continue
		}
		if err != nil && !errors.Is(err, ErrInvalidDate) {
			t.Errorf("ParseDate(%q) error %v does not wrap ErrInvalidDate", sc.in, err)
		}
		if got != sc.want {
			t.Errorf("ParseDate(%q) = %v, want %v", sc.in, got, sc.want)
		}
	}
}

func TestDate_FormatsAndOrder(t *testing.T) {
	d := MustDate("05/01/2025")
	if d.VN() != "05/01/2025" || d.ISO() != "2025-01-05" {
		t.Fatalf("formats: %s %s", d.VN(), d.ISO())
	}
	if (Date{}).VN() != "" || (Date{}).ISO() != "" {
		t.Fatal("zero date must format empty")
	}
	a, b := MustDate("31/12/2024"), MustDate("01/01/2025")
	if !a.Before(b) || !b.After(a) || a.Compare(a) != 0 {
		t.Fatal("order")
	}
	if !b.InRange(a, Date{}) || b.InRange(Date{}, a) || !a.InRange(a, a) {
		t.Fatal("InRange bounds are inclusive and zero is open")
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"05/01/2025", "2024-02-29", "31/02/1990", "", "1.1.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.IsZero() {
			return
		}
		back, err := ParseDate(d.VN())
		if err != nil || back != d {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
	})
}

func TestDiscipline_InEffectDuring(t *testing.T) {
	scenarios := []struct {
		from, to string
		year     int
		want     bool
	}{
		{"01/06/2023", "31/05/2024", 2024, true},
		{"01/06/2023", "31/05/2024", 2025, false},
		{"01/06/2023", "31/05/2024", 2022, false},
		{"31/12/2024", "", 2024, true},
		{"31/12/2024", "", 2030, true},
		{"01/01/2025", "", 2024, false},
	}
	for _, sc := range scenarios {
		d := Discipline{From: MustDate(sc.from)}
		if sc.to != "" {
			d.To = MustDate(sc.to)
		}
		if got := d.InEffectDuring(sc.year); got != sc.want {
			t.Errorf("%s–%s in %d = %v, want %v", sc.from, sc.to, sc.year, got, sc.want)
		}
	}
}

func TestRegistrationDate(t *testing.T) {
	for _, c := range []struct {
		year  int
		today Date
		want  Date
	}{
		{2026, NewDate(2025, 12, 20), NewDate(2025, 12, 20)}, // registered ahead
		{2026, NewDate(2026, 1, 31), NewDate(2026, 1, 31)},   // the last day of January
		{2026, NewDate(2026, 2, 1), Date{Year: 2026}},        // later: the year alone
		{2025, NewDate(2026, 12, 7), Date{Year: 2025}},
	} {
		if got := RegistrationDate(c.year, c.today); got != c.want {
			t.Errorf("RegistrationDate(%d, %s) = %+v, want %+v", c.year, c.today.VN(), got, c.want)
		}
	}
}
