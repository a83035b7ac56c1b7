package rules

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

// cleanCCCD is how a CCCD enters the application, the same steps the staff
// form and the staff import take (service.cleanPerson, importer.parseStaff):
// Clean, every space dropped ("042 085 001 234" is how people group the
// digits), and for a number cell the leading zero Excel dropped put back.
func cleanCCCD(s string, numeric bool) string {
	c := strings.ReplaceAll(Clean(s), " ", "")
	if numeric {
		c, _ = RestoreCCCD(c)
	}
	return c
}

// FuzzCCCD checks the CCCD cleaner and validator together on any text:
// no panic; the validator accepts exactly the numbers the structure of
// Thông tư 59/2021/TT-BCA allows (12 ASCII digits, province 001–096, a
// 4th digit 0–3 agreeing with the gender and, with the birth year, the
// century, digits 5–6 the year), judged by an independent reading of that
// structure; cleaning again changes nothing about an accepted number nor
// whether a number is accepted; RestoreCCCD only ever adds one zero to 11
// digits.
func FuzzCCCD(f *testing.F) {
	f.Add("042085001234", uint8(1), 1985, false)
	f.Add("042185001234", uint8(2), 1985, false)
	f.Add(" 042 085 001 234 ", uint8(0), 0, false)
	f.Add("42085001234", uint8(1), 1985, true)
	f.Add("0420850012345", uint8(2), 2000, false)
	f.Add("000085001234", uint8(0), 0, false)
	f.Add("097085001234", uint8(0), 0, false)
	f.Add("001400001234", uint8(0), 0, false)
	f.Add("０４２０８５００１２３４", uint8(0), 0, false)
	f.Add("042\u00a0085\u00a0001\u00a0234", uint8(1), 1985, false)
	f.Add("042285001234", uint8(1), 2085, false)
	f.Add("4.2085001234E+10", uint8(0), 0, true)
	f.Fuzz(func(t *testing.T, s string, g uint8, year int, numeric bool) {
		gender := [...]domain.Gender{"", domain.Male, domain.Female}[g%3]
		var birth domain.Date
		if year >= 1900 && year <= 2099 {
			birth = domain.NewDate(year, 6, 15)
		}
		c := cleanCCCD(s, numeric)
		if fixed, changed := RestoreCCCD(c); changed {
			if len(c) != 11 || fixed != "0"+c {
				t.Fatalf("RestoreCCCD(%q) = %q", c, fixed)
			}
		} else if fixed != c {
			t.Fatalf("RestoreCCCD(%q) changed it to %q but says it did not", c, fixed)
		}
		problem := CCCDProblem(c, gender, birth)
		want := cccdStructureOK(c, gender, birth)
		if (problem == "") != want {
			t.Fatalf("CCCDProblem(%q, %q, %v) = %q; the structure says valid=%v", c, gender, birth, problem, want)
		}
		again := cleanCCCD(c, false)
		if problem == "" && again != c {
			t.Fatalf("an accepted CCCD %q changes when cleaned again: %q", c, again)
		}
		if (CCCDProblem(again, gender, birth) == "") != (problem == "") {
			t.Fatalf("cleaning %q again (%q) changes whether it is accepted", c, again)
		}
		if problem == "" && c != "" {
			// Whatever surrounded the digits, they came through in order.
			d := digitsOf(s)
			if numeric && len(d) == 11 {
				d = "0" + d
			}
			if d != c {
				t.Fatalf("accepted %q from %q whose ASCII digits are %q", c, s, d)
			}
		}
	})
}

// cccdStructureOK is the CCCD structure written out independently of
// CCCDProblem, so that the fuzzer compares two readings of the rule.
func cccdStructureOK(c string, gender domain.Gender, birth domain.Date) bool {
	if len(c) != 12 {
		return false
	}
	var d [12]int
	for i := 0; i < 12; i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
		d[i] = int(c[i] - '0')
	}
	prov := d[0]*100 + d[1]*10 + d[2]
	if prov < 1 || prov > 96 || d[3] > 3 {
		return false
	}
	female := d[3] == 1 || d[3] == 3
	if gender == domain.Male && female || gender == domain.Female && !female {
		return false
	}
	century := 1900
	if d[3] >= 2 {
		century = 2000
	}
	return birth.IsZero() || birth.Year == century+d[4]*10+d[5]
}

func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// FuzzClean checks the promise every text field rests on: Clean's result
// is NFC, valid UTF-8, trimmed, with single spaces and no control
// characters, and cleaning it again changes nothing (a value read back
// from the database and saved unchanged must compare equal).
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Nguyễn Văn An", "Nguye\u0302\u0303n  Va\u0306n\tAn", "  \u00a0Lê\r\nThị\u0000 Hoa ", "\xff\xfe",
		"e\u0001\u0302", "a \u0301", "\u0301leading mark", "Phòng\u2003Tổ chức", "\u200bzero width", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if again := Clean(c); again != c {
			t.Fatalf("Clean is not idempotent: Clean(%q) = %q, Clean of that = %q", s, c, again)
		}
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%q) = %q is not valid UTF-8", s, c)
		}
		if !norm.NFC.IsNormalString(c) {
			t.Fatalf("Clean(%q) = %q is not NFC", s, c)
		}
		if c != strings.TrimSpace(c) || strings.Contains(c, "  ") {
			t.Fatalf("Clean(%q) = %q keeps outer or double spaces", s, c)
		}
		for _, r := range c {
			if unicode.IsControl(r) || (unicode.IsSpace(r) && r != ' ') {
				t.Fatalf("Clean(%q) = %q keeps %U", s, c, r)
			}
		}
	})
}

// FuzzValidatePerson builds a person from arbitrary text the way a form
// or an import row would and checks that validation never panics and that
// every problem names a field people can see, with a message.
func FuzzValidatePerson(f *testing.F) {
	f.Add("HT001", "Nguyễn Văn An", "12/03/1985", "NAM", "042085001234", "P1", "01/08/2008")
	f.Add("", "", "", "", "", "", "")
	f.Add("HT 01/2", "An", "01/01/2015", "NU", "042185001234", "", "01/01/2014")
	f.Add("X", "Lê Thị 3", "29/02/2024", "X", "12", "P", "31/12/2100")
	f.Add("CB1", "Trần  B", "2000-01-01", "NU", "001300000001", "U", "2015-01-01")
	f.Fuzz(func(t *testing.T, code, name, birth, gender, cccd, unit, recruited string) {
		b, _ := domain.ParseDate(birth)
		r, _ := domain.ParseDate(recruited)
		p := domain.Person{StaffCode: Clean(code), FullName: Clean(name), BirthDate: b, Gender: domain.Gender(gender),
			CCCD: cleanCCCD(cccd, false), UnitCode: Clean(unit), RecruitedOn: r}
		fields := map[string]bool{FieldStaffCode: true, FieldFullName: true, FieldBirthDate: true, FieldGender: true,
			FieldCCCD: true, FieldUnit: true, FieldRecruited: true}
		errs := ValidatePerson(p, domain.NewDate(2026, 3, 1))
		seen := map[string]bool{}
		for _, e := range errs {
			if !fields[e.Field] || e.Msg == "" {
				t.Fatalf("problem %+v names no field of the form or says nothing", e)
			}
			if seen[e.Field] {
				t.Fatalf("field %s reported twice: %v", e.Field, errs)
			}
			seen[e.Field] = true
		}
		if !seen[FieldCCCD] && p.CCCD != "" && CCCDProblem(p.CCCD, p.Gender, p.BirthDate) != "" {
			t.Fatalf("CCCD %q passes ValidatePerson but CCCDProblem refuses it", p.CCCD)
		}
	})
}

// TestClean_ControlBetweenLetterAndMark is the case FuzzClean found: a
// control character between a letter and its combining mark (as a PDF or
// a web page pasted into a cell may carry) blocked the composition, Clean
// then dropped it and returned "A" + U+0301 uncomposed, so that the
// value was not NFC and a second Clean changed it ("Á"): the same name
// typed twice would compare unequal.
func TestClean_ControlBetweenLetterAndMark(t *testing.T) {
	for _, s := range []string{"A\x00\u0301", "e\x01\u0302", "Nguye\u0302\x7f\u0303n"} {
		c := Clean(s)
		if !norm.NFC.IsNormalString(c) || Clean(c) != c {
			t.Errorf("Clean(%q) = %q: NFC %v, cleaned again %q", s, c, norm.NFC.IsNormalString(c), Clean(c))
		}
	}
	if got := Clean("Nguye\u0302\x7f\u0303n"); got != "Nguyễn" {
		t.Errorf("Clean = %q, want Nguyễn", got)
	}
}
