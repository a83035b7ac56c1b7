package rules

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

func TestClean(t *testing.T) {
	scenarios := map[string]string{
		"  Nguyễn   Văn\tAn \n":       "Nguyễn Văn An",
		norm.NFD.String("Lê Thị Ánh"): "Lê Thị Ánh",
		"a\u0000b":                    "ab",
		"":                            "",
		"\u00a0x\u00a0":               "x",
	}
	for in, want := range scenarios {
		got := Clean(in)
		if got != want || !norm.NFC.IsNormalString(got) {
			t.Errorf("Clean(%q) = %q, want %q (NFC)", in, got, want)
		}
	}
}

func TestCCCDProblem(t *testing.T) {
	b1985 := domain.MustDate("12/03/1985")
	b2001 := domain.MustDate("01/01/2001")
	scenarios := []struct {
		name   string
		cccd   string
		gender domain.Gender
		birth  domain.Date
		want   string // substring of the problem; "" valid
	}{
		{"male 1985", "042085001234", domain.Male, b1985, ""},
		{"female 1985", "042185001234", domain.Female, b1985, ""},
		{"male 2001", "001201001234", domain.Male, b2001, ""},
		{"female 2001", "096301001234", domain.Female, b2001, ""},
		{"no cross check", "042185001234", "", domain.Date{}, ""},
		{"11 digits", "42085001234", domain.Male, b1985, "12 chữ số"},
		{"letters", "04208500123A", domain.Male, b1985, "chữ số"},
		{"province 000", "000085001234", domain.Male, b1985, "mã tỉnh"},
		{"province 097", "097085001234", domain.Male, b1985, "mã tỉnh"},
		{"gender digit 4", "042485001234", domain.Male, b1985, "0–3"},
		{"gender mismatch", "042085001234", domain.Female, b1985, "giới tính"},
		{"year mismatch", "042086001234", domain.Male, b1985, "năm sinh"},
		{"century mismatch", "042201001234", domain.Male, domain.MustDate("01/01/1901"), "năm sinh"},
	}
	for _, sc := range scenarios {
		got := CCCDProblem(sc.cccd, sc.gender, sc.birth)
		if (sc.want == "") != (got == "") || !strings.Contains(got, sc.want) {
			t.Errorf("%s: CCCDProblem(%s) = %q, want containing %q", sc.name, sc.cccd, got, sc.want)
		}
	}
}

func TestRestoreCCCD(t *testing.T) {
	if got, ok := RestoreCCCD("42085001234"); !ok || got != "042085001234" {
		t.Fatalf("11 digits: %q %v", got, ok)
	}
	for _, s := range []string{"042085001234", "4208500123", "4208500123x"} {
		if got, ok := RestoreCCCD(s); ok || got != s {
			t.Errorf("RestoreCCCD(%q) = %q, %v; want unchanged", s, got, ok)
		}
	}
}

func FuzzCCCDProblem(f *testing.F) {
	f.Add("042085001234", true, 1985)
	f.Add("", false, 0)
	f.Add("0420850012345", true, 2000)
	f.Fuzz(func(t *testing.T, s string, female bool, year int) {
		g := domain.Male
		if female {
			g = domain.Female
		}
		var birth domain.Date
		if year >= 1900 && year <= 2099 {
			birth = domain.NewDate(year, 1, 1)
		}
		if CCCDProblem(s, g, birth) == "" {
			// A valid number is 12 digits whose 4th digit matches the gender.
			if len(s) != 12 || (s[3]-'0')%2 == 0 == female {
				t.Fatalf("accepted %q for female=%v", s, female)
			}
		}
	})
}

func validPerson() domain.Person {
	return domain.Person{StaffCode: "HT001", FullName: "Nguyễn Văn An", BirthDate: domain.MustDate("12/03/1985"),
		Gender: domain.Male, CCCD: "042085001234", UnitCode: "P1", RecruitedOn: domain.MustDate("01/08/2008")}
}

func TestValidatePerson(t *testing.T) {
	asOf := domain.MustDate("01/03/2026")
	if errs := ValidatePerson(validPerson(), asOf); len(errs) != 0 {
		t.Fatalf("valid person rejected: %v", errs)
	}
	scenarios := []struct {
		name  string
		edit  func(*domain.Person)
		field string
	}{
		{"no code", func(p *domain.Person) { p.StaffCode = "" }, FieldStaffCode},
		{"code with space", func(p *domain.Person) { p.StaffCode = "HT 1" }, FieldStaffCode},
		{"no name", func(p *domain.Person) { p.FullName = "" }, FieldFullName},
		{"one word name", func(p *domain.Person) { p.FullName = "An" }, FieldFullName},
		{"digit in name", func(p *domain.Person) { p.FullName = "Nguyễn Văn 2" }, FieldFullName},
		{"no birth", func(p *domain.Person) { p.BirthDate = domain.Date{}; p.CCCD = "" }, FieldBirthDate},
		{"too young", func(p *domain.Person) {
			p.BirthDate, p.RecruitedOn, p.CCCD = domain.MustDate("01/06/2010"), domain.MustDate("02/01/2026"), ""
		}, FieldBirthDate},
		{"no gender", func(p *domain.Person) { p.Gender = ""; p.CCCD = "" }, FieldGender},
		{"bad cccd", func(p *domain.Person) { p.CCCD = "042185001234" }, FieldCCCD},
		{"no unit", func(p *domain.Person) { p.UnitCode = "" }, FieldUnit},
		{"no recruitment", func(p *domain.Person) { p.RecruitedOn = domain.Date{} }, FieldRecruited},
		{"recruited as a child", func(p *domain.Person) { p.RecruitedOn = domain.MustDate("01/01/1995") }, FieldRecruited},
		{"recruited far ahead", func(p *domain.Person) { p.RecruitedOn = domain.MustDate("01/01/2030") }, FieldRecruited},
	}
	for _, sc := range scenarios {
		p := validPerson()
		sc.edit(&p)
		errs := ValidatePerson(p, asOf)
		if len(errs) != 1 || errs[0].Field != sc.field || errs[0].Msg == "" {
			t.Errorf("%s: got %v, want one error on %s", sc.name, errs, sc.field)
		}
	}
}

func TestCatalogue_Param(t *testing.T) {
	c := DefaultCatalogue()
	scenarios := []struct {
		key, regime string
		want        string
	}{
		{"ldtt.recruited_by", "R2017", "03-01"},
		{"ldtt.recruited_by", "R2025", "07-01"},
		{"cstdcs.htxsnv_suffices", "R2017", "false"},
		{"cstdcs.htxsnv_suffices", "R2024", "true"},
		{"cstdcs.quota_percent", "R2025", "15"},
	}
	d := domain.MustDate("31/12/2025")
	for _, sc := range scenarios {
		if got, ok := c.Param(sc.key, sc.regime, d); !ok || got != sc.want {
			t.Errorf("Param(%s, %s) = %q %v, want %q", sc.key, sc.regime, got, ok, sc.want)
		}
	}
	if _, ok := c.Param("no.such", "R2025", d); ok {
		t.Error("unknown key found")
	}
	// A row outside its validity is ignored.
	c.Params = append([]Param{{Key: "cstdcs.quota_percent", Regime: "R2025", Value: "20", ValidFrom: domain.MustDate("01/01/2027")}}, c.Params...)
	if got, _ := c.ParamInt("cstdcs.quota_percent", "R2025", d); got != 15 {
		t.Errorf("future row applied early: %d", got)
	}
	if got, _ := c.ParamInt("cstdcs.quota_percent", "R2025", domain.MustDate("31/12/2027")); got != 20 {
		t.Errorf("future row not applied: %d", got)
	}
	for _, y := range []struct {
		year int
		code string
	}{{2017, "R2017"}, {2023, "R2017"}, {2024, "R2024"}, {2025, "R2025"}, {2030, "R2025"}} {
		if r, ok := c.RegimeFor(y.year); !ok || r.Code != y.code {
			t.Errorf("RegimeFor(%d) = %s, want %s", y.year, r.Code, y.code)
		}
	}
	codes := map[string]bool{}
	for _, a := range c.Awards {
		codes[a.Code] = true
	}
	for _, want := range []string{"LDTT", "CSTDCS", "CSTD_BO", "CSTD_TQ", "TTLDTT", "TTLDXS", "CO_BO", "CO_CP", "GK", "BK_BO", "BK_TTG", "HCLD3"} {
		if !codes[want] {
			t.Errorf("catalogue lacks %s", want)
		}
	}
}
