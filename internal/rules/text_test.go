package rules

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

func TestTextProblem(t *testing.T) {
	long := strings.Repeat("á", 31902)
	scenarios := []struct {
		name string
		in   string
		max  int
		want string // substring of the problem; "" accepted
	}{
		{"plain name", "Nguyễn Văn An", MaxName, ""},
		{"decomposed counts as composed", norm.NFD.String(strings.Repeat("ễ", 100)), MaxName, ""},
		{"outer spaces not counted", "  " + strings.Repeat("a", 100) + "\t\n", MaxName, ""},
		{"line breaks in a note", "Dòng một\r\nDòng hai\tcột", MaxText, ""},
		{"non-breaking space", "Lê\u00a0Thị Hoa", MaxName, ""},
		{"exactly the limit", strings.Repeat("ă", MaxPosition), MaxPosition, ""},
		{"one over", strings.Repeat("ă", MaxPosition+1), MaxPosition, "dài 201 ký tự, tối đa 200"},
		{"32k name", long, MaxName, "dài 31.902 ký tự, tối đa 100"},
		{"32k note", long, MaxText, "dài 31.902 ký tự, tối đa 20.000"},
		{"RLO", "Nguyễn \u202eAn", MaxName, "U+202E"},
		{"LRE", "\u202aAn", MaxName, "U+202A"},
		{"isolate", "An\u2067b\u2069", MaxName, "U+2067"},
		{"LRM", "An\u200e", MaxName, "U+200E"},
		{"RLM", "An\u200f", MaxName, "U+200F"},
		{"Arabic letter mark", "An\u061c", MaxName, "U+061C"},
		{"ZWSP", "Nguyễn\u200bVăn An", MaxName, "U+200B"},
		{"ZWNJ", "An\u200c", MaxName, "U+200C"},
		{"ZWJ", "An\u200d", MaxName, "U+200D"},
		{"word joiner", "An\u2060", MaxName, "U+2060"},
		{"BOM", "\ufeffNguyễn Văn An", MaxName, "U+FEFF"},
		{"replacement character", "Nguy\ufffdn Văn An", MaxName, "U+FFFD"},
		{"invalid UTF-8", "Nguy\xe1n", MaxName, "U+FFFD"},
		{"NUL", "a\x00b", MaxName, "U+0000"},
		{"DEL", "a\x7fb", MaxName, "U+007F"},
		{"C1 control", "a\u0090b", MaxName, "U+0090"},
		{"escape", "\x1b[31mAn", MaxName, "U+001B"},
	}
	for _, sc := range scenarios {
		got := TextProblem(sc.in, sc.max)
		if (sc.want == "") != (got == "") || !strings.Contains(got, sc.want) {
			t.Errorf("%s: TextProblem = %q, want containing %q", sc.name, got, sc.want)
		}
		if got != "" && !strings.Contains(got, "hãy") {
			t.Errorf("%s: %q does not say what to do", sc.name, got)
		}
	}
	if got := TextProblem("a\u202eb", MaxName); !strings.Contains(got, "ký tự ẩn hoặc ký tự điều khiển U+202E") || !strings.Contains(got, "gõ lại") {
		t.Errorf("RLO reason %q", got)
	}
}

func TestCheckTextReturnsClean(t *testing.T) {
	clean, problem := CheckText("  Lê   Thị\tHoa ", MaxName)
	if clean != "Lê Thị Hoa" || problem != "" {
		t.Fatalf("CheckText = %q, %q", clean, problem)
	}
}

func TestFormulaLike(t *testing.T) {
	for s, want := range map[string]bool{
		`=HYPERLINK("http://x","Bấm vào đây")`: true,
		"+84 912":       true,
		"-1":            true,
		"@SUM(A1)":      true,
		"  =1+1":        true,
		"\t-x":          true,
		"Nguyễn Văn An": false,
		"An = Bình":     false,
		"":              false,
		"   ":           false,
		"Lê-Thị":        false,
	} {
		if got := FormulaLike(s); got != want {
			t.Errorf("FormulaLike(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNameProblem(t *testing.T) {
	if got := NameProblem(`=HYPERLINK("http://x","Bấm vào đây")`, MaxName); !strings.Contains(got, "bắt đầu bằng “=”, giống công thức Excel") {
		t.Errorf("formula name: %q", got)
	}
	if got := NameProblem(" @An", MaxName); !strings.Contains(got, "“@”") {
		t.Errorf("@ name: %q", got)
	}
	if got := NameProblem("Nguyễn Văn An", MaxName); got != "" {
		t.Errorf("plain name: %q", got)
	}
	if got := NameProblem("="+strings.Repeat("a", 200), MaxName); !strings.Contains(got, "tối đa 100") {
		t.Errorf("long formula: the length comes first, got %q", got)
	}
}

func TestCheckFields(t *testing.T) {
	errs := CheckFields(
		TextField{Field: "A", Value: "ok", Max: 10},
		TextField{Field: "B", Value: "=x", Max: 10, Name: true},
		TextField{Field: "B", Value: "x\u200b", Max: 10},
		TextField{Field: "C", Value: "=x", Max: 10},
	)
	if len(errs) != 1 || errs[0].Field != "B" || !strings.Contains(errs[0].Msg, "công thức") {
		t.Fatalf("CheckFields = %v", errs)
	}
}

func TestValidatePersonText(t *testing.T) {
	base := domain.Person{StaffCode: "CB01", FullName: "Nguyễn Văn An", BirthDate: domain.MustDate("05/01/1985"),
		Gender: domain.Male, UnitCode: "42", RecruitedOn: domain.MustDate("01/09/2010")}
	asOf := domain.MustDate("01/03/2026")
	if errs := ValidatePerson(base, asOf); len(errs) != 0 {
		t.Fatalf("valid person: %v", errs)
	}
	scenarios := []struct {
		name  string
		edit  func(*domain.Person)
		field string
		want  string
	}{
		{"RLO name", func(p *domain.Person) { p.FullName = "Nguyễn \u202eAn" }, FieldFullName, "U+202E"},
		{"ZWSP name", func(p *domain.Person) { p.FullName = "Nguyễn\u200b Văn" }, FieldFullName, "U+200B"},
		{"FFFD name", func(p *domain.Person) { p.FullName = "Nguy\ufffdn Văn" }, FieldFullName, "U+FFFD"},
		{"formula name", func(p *domain.Person) { p.FullName = `=HYPERLINK("http://x","Bấm vào đây")` }, FieldFullName, "công thức"},
		{"long name", func(p *domain.Person) { p.FullName = strings.Repeat("An ", 10634) }, FieldFullName, "tối đa 100"},
		{"long position", func(p *domain.Person) { p.Position = strings.Repeat("Chuyên viên ", 2700) }, FieldPosition, "tối đa 200"},
		{"long note", func(p *domain.Person) { p.Note = strings.Repeat("x", MaxText+1) }, FieldNote, "tối đa 20.000"},
		{"hidden ethnicity", func(p *domain.Person) { p.Ethnicity = "Kinh\ufeff" }, FieldEthnicity, "U+FEFF"},
		{"hidden code", func(p *domain.Person) { p.StaffCode = "CB\u200d01" }, FieldStaffCode, "U+200D"},
	}
	for _, sc := range scenarios {
		p := base
		sc.edit(&p)
		errs := ValidatePerson(p, asOf)
		if msg := errs.For(sc.field); !strings.Contains(msg, sc.want) {
			t.Errorf("%s: %s = %q, want containing %q (all: %v)", sc.name, sc.field, msg, sc.want, errs)
		}
		seen := map[string]bool{}
		for _, e := range errs {
			if seen[e.Field] {
				t.Errorf("%s: field %s reported twice: %v", sc.name, e.Field, errs)
			}
			seen[e.Field] = true
		}
	}
}

func TestGroupDigits(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 31902: "31.902", 1234567: "1.234.567", -20000: "-20.000"} {
		if got := groupDigits(n); got != want {
			t.Errorf("groupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}

// FuzzTextProblem checks what the importer and the forms rely on: no
// panic, and text that passes has at most max characters once cleaned
// and none of the hidden characters; text that fails says why in a
// sentence that tells people what to do.
func FuzzTextProblem(f *testing.F) {
	for _, s := range []string{"Nguyễn Văn An", "a\u202eb", "\u200b", "\ufffd", "\xff", "=1+1", "", strings.Repeat("a", 101)} {
		f.Add(s, uint8(100))
	}
	// Characters that NFC decomposes, at a limit equal to their bytes.
	for _, s := range []string{"\ufb2c", "\u0958\u0344", "\U0001d160", "\u0f73\u2adc"} {
		f.Add(s, uint8(len(s)))
	}
	f.Fuzz(func(t *testing.T, s string, max uint8) {
		clean, problem := CheckText(s, int(max))
		if quick := TextProblem(s, int(max)); quick != problem {
			t.Fatalf("TextProblem(%q, %d) = %q, CheckText says %q", s, max, quick, problem)
		}
		if problem == "" {
			if n := utf8.RuneCountInString(clean); n > int(max) {
				t.Fatalf("CheckText(%q, %d) passes %d characters", s, max, n)
			}
			if r, hidden := HiddenRune(s); hidden {
				t.Fatalf("CheckText(%q) passes hidden %U", s, r)
			}
			if r, hidden := HiddenRune(clean); hidden {
				t.Fatalf("Clean(%q) = %q has hidden %U though the raw text had none", s, clean, r)
			}
			return
		}
		if !strings.Contains(problem, "hãy") {
			t.Fatalf("CheckText(%q) = %q says nothing to do", s, problem)
		}
	})
}

// BenchmarkTextProblem is the cost of checking one cell of an import: a
// 10,000-row staff file has about 100,000.
func BenchmarkTextProblem(b *testing.B) {
	for range b.N {
		TextProblem("Nguyễn Thị Thu Phương", MaxName)
	}
}
