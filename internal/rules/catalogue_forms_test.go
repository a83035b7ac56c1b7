package rules

import (
	"slices"
	"strings"
	"testing"

	"tdkt/internal/domain"
)

// Every award of the default catalogue names the report form it is
// reported on, from the forms the documents know (Lao động tiên tiến none:
// it is recognised on the list).
func TestDefaultCatalogue_AwardsNameTheirReportForm(t *testing.T) {
	for _, a := range DefaultCatalogue().Awards {
		switch {
		case a.Code == AwardLDTT:
			if a.Template != domain.TemplateNone {
				t.Errorf("%s: form %q, want none", a.Code, a.Template)
			}
		case !slices.Contains(domain.ReportTemplates, a.Template):
			t.Errorf("%s: form %q is not one the documents know", a.Code, a.Template)
		case !strings.Contains(a.Form, "152/2025/NĐ-CP"):
			t.Errorf("%s: form label %q does not name the decree's appendix", a.Code, a.Form)
		}
	}
	want := map[string]domain.ReportTemplate{AwardCoCP: domain.TemplateGovFlag, AwardCSTDTQ: domain.TemplateNationalSE, AwardCSTDCS: domain.TemplateMerit, AwardBKBo: domain.TemplateMerit}
	for code, tmpl := range want {
		if a, _ := DefaultCatalogue().Award(code); a.Template != tmpl {
			t.Errorf("%s reported on %q, want %q", code, a.Template, tmpl)
		}
	}
}

// The regimes cite the texts in force for their years: NĐ 152/2025 and
// TT 15/2025/TT-BNV from 2025, NĐ 98/2023 and TT 01/2024/TT-BNV for 2024,
// NĐ 91/2017 before.
func TestDefaultCatalogue_RegimeCitations(t *testing.T) {
	c := DefaultCatalogue()
	for year, wants := range map[int][]string{
		2023: {"Nghị định số 91/2017/NĐ-CP"},
		2024: {"Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định số 98/2023/NĐ-CP", "Thông tư số 01/2024/TT-BNV"},
		2025: {"Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định số 152/2025/NĐ-CP", "Thông tư số 15/2025/TT-BNV"},
		2026: {"Nghị định số 152/2025/NĐ-CP", "Thông tư số 15/2025/TT-BNV"},
	} {
		r, ok := c.RegimeFor(year)
		if !ok {
			t.Fatalf("no regime for %d", year)
		}
		lines := r.CitationLines()
		all := strings.Join(lines, "\n")
		for _, w := range wants {
			if !strings.Contains(all, w) {
				t.Errorf("%d (%s) does not cite %s", year, r.Code, w)
			}
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, "Căn cứ ") {
				t.Errorf("%s: %q is not a Căn cứ line", r.Code, l)
			}
		}
		if year >= 2025 && (strings.Contains(all, "98/2023") || strings.Contains(all, "01/2024/TT-BNV")) {
			t.Errorf("%d cites a repealed text:\n%s", year, all)
		}
	}
}
