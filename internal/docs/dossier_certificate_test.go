package docs

import (
	"maps"
	"testing"
	"time"

	"tdkt/internal/domain"
)

// The date line of a Giấy khen never leaves the year blank: the date typed
// for the print, else the decision's recorded date, else the year of the
// round's Tờ trình, else the year after the one assessed.
func TestCertificates_DateNeverLacksTheYear(t *testing.T) {
	scenarios := []struct {
		name     string
		day      domain.Date
		decision domain.Date // of the Giấy khen decision
		toTrinh  domain.Date // of the round's Tờ trình
		want     string
	}{
		{"typed", domain.NewDate(2026, time.January, 10), domain.NewDate(2026, time.January, 12), domain.NewDate(2026, time.January, 8), "Hà Tĩnh, ngày 10 tháng 01 năm 2026"},
		{"decision recorded", domain.Date{}, domain.NewDate(2026, time.January, 12), domain.NewDate(2026, time.January, 8), "Hà Tĩnh, ngày 12 tháng 01 năm 2026"},
		{"Tờ trình dated", domain.Date{}, domain.Date{}, domain.NewDate(2025, time.December, 28), DateLine("Hà Tĩnh", domain.Date{Year: 2025})},
		{"nothing dated", domain.Date{}, domain.Date{}, domain.Date{}, DateLine("Hà Tĩnh", domain.Date{Year: 2026})},
	}
	for _, sc := range scenarios {
		in := SampleDossier(20)
		in.Round.Date = sc.toTrinh
		in.Decisions = maps.Clone(in.Decisions)
		if !sc.decision.IsZero() {
			in.Decisions[codeGK] = domain.RoundDecision{Award: codeGK, Date: sc.decision}
		}
		cs := Certificates(in, "", sc.day)
		if len(cs) == 0 {
			t.Fatalf("%s: no certificate", sc.name)
		}
		for _, c := range cs {
			if c.Date != sc.want {
				t.Errorf("%s: date %q, want %q", sc.name, c.Date, sc.want)
			}
		}
	}
}

// The signer of the round's Giấy khen decision prints under the date: the
// director in his own name, a deputy "KT. GIÁM ĐỐC" over his own title.
func TestCertificates_Signer(t *testing.T) {
	deputy := domain.Signer{Name: "Trần Thị Bình", Position: "Phó Giám đốc"}
	scenarios := []struct {
		name       string
		signer     string // recorded with the decision
		director   string
		wantTitle  string
		wantSigner string
	}{
		{"no decision: the director", "", "Nguyễn Văn Hùng", "GIÁM ĐỐC", "Nguyễn Văn Hùng"},
		{"the director recorded", "Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "GIÁM ĐỐC", "Nguyễn Văn Hùng"},
		{"a deputy recorded", "Trần Thị Bình", "Nguyễn Văn Hùng", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Trần Thị Bình"},
		{"a name not on record", "Lê Quốc Dũng", "Nguyễn Văn Hùng", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Quốc Dũng"},
		{"no director on record", "Lê Quốc Dũng", "", "GIÁM ĐỐC", "Lê Quốc Dũng"},
		{"nobody on record", "", "", "GIÁM ĐỐC", ""},
	}
	for _, sc := range scenarios {
		in := SampleDossier(20)
		in.Profile.Director.Name = sc.director
		in.Profile.Deputies = []domain.Signer{deputy}
		in.Decisions = maps.Clone(in.Decisions)
		if sc.signer != "" {
			in.Decisions[codeGK] = domain.RoundDecision{Award: codeGK, Signer: sc.signer}
		}
		cs := Certificates(in, "15", domain.Date{})
		if len(cs) == 0 {
			t.Fatalf("%s: no certificate", sc.name)
		}
		if c := cs[0]; c.SignerTitle != sc.wantTitle || c.SignerName != sc.wantSigner {
			t.Errorf("%s: signed %q / %q, want %q / %q", sc.name, c.SignerTitle, c.SignerName, sc.wantTitle, sc.wantSigner)
		}
	}
}
