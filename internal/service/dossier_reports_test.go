package service

import (
	"context"
	"strings"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// TestDossier_DemoReportsSayWhatTheFormsAsk reads the demo round's
// achievement reports as the centre's reviewer would: each person's
// section I has the facts of the form, each collective its address,
// headcount and organisations, a Bằng khen its period's tables, no report
// says a line twice, and the round cites the texts of its regime.
func TestDossier_DemoReportsSayWhatTheFormsAsk(t *testing.T) {
	s, _, _ := fillDemo(t, DemoOptions{})
	ctx := context.Background()
	rs, err := s.Rounds(ctx)
	must(t, err)
	in, err := s.DossierInput(ctx, rs[0].ID)
	must(t, err)
	cites := strings.Join(in.Citations, "\n")
	for _, w := range []string{"Nghị định số 152/2025/NĐ-CP", "Thông tư số 15/2025/TT-BNV"} {
		if !strings.Contains(cites, w) {
			t.Errorf("the %d round does not cite %s:\n%s", in.Round.Year, w, cites)
		}
	}
	reports, bk := 0, 0
	for _, e := range in.Nominees {
		if !e.Passed || e.Template == domain.TemplateNone {
			continue
		}
		reports++
		if e.Template != domain.TemplateMerit {
			t.Errorf("%s (%s): form %q in a year-end round", e.Nominee.Subject.Code, e.Nominee.Award, e.Template)
		}
		d := docs.Report(in, e)
		txt := docText(d)
		if e.Nominee.Subject.Kind == domain.SubjectPerson {
			for _, w := range []string{"- Quê quán: ", "- Trú quán: ", "- Dân tộc: ", "- Trình độ chuyên môn, nghiệp vụ: "} {
				if !strings.Contains(txt, w) {
					t.Errorf("%s: section I lacks %q", e.Nominee.Subject.Code, w)
				}
			}
		} else {
			for _, w := range []string{"Trụ sở: ", "Tổng số cán bộ, công chức, viên chức và người lao động đến ngày 31/12/", "Tổ chức Đảng, đoàn thể: "} {
				if !strings.Contains(txt, w) {
					t.Errorf("%s: section I.1 lacks %q", e.Nominee.Subject.Code, w)
				}
			}
			if e.Nominee.Award == "BK_BO" && e.Unit.Kind == domain.UnitGrassroots { // the units that commit to figures
				bk++
				years := map[int]bool{}
				for _, tl := range e.Targets {
					years[tl.Year] = true
				}
				if len(years) < 2 {
					t.Errorf("%s: a Bằng khen's target table covers %d year(s)", e.Nominee.Subject.Code, len(years))
				}
			}
		}
		seen := map[string]bool{}
		for _, b := range d.Body {
			p, ok := b.(docs.Paragraph)
			if !ok || len(p.Text) < 20 {
				continue
			}
			if seen[p.Text] {
				t.Errorf("%s (%s) says twice: %q", e.Nominee.Subject.Code, e.Nominee.Award, p.Text)
			}
			seen[p.Text] = true
		}
		if strings.Count(txt, "xếp loại") > 1 {
			t.Errorf("%s (%s): the ratings are said more than once", e.Nominee.Subject.Code, e.Nominee.Award)
		}
	}
	// The Giấy khen kept for a one-off achievement tells it in its report.
	oneOff := false
	for _, e := range in.Nominees {
		if e.Nominee.Award == "GK" && e.Nominee.Justification != "" {
			oneOff = true
			if txt := docText(docs.Report(in, e)); !strings.Contains(txt, "chiến dịch phát triển người tham gia bảo hiểm xã hội tự nguyện") {
				t.Errorf("%s: the one-off achievement is not in the report:\n%s", e.Nominee.Subject.Code, txt)
			}
		}
	}
	if !oneOff {
		t.Error("the demo round has no Giấy khen kept for a one-off achievement")
	}
	if reports == 0 || bk == 0 {
		t.Fatalf("%d reports, %d collective Bằng khen in the demo round", reports, bk)
	}
}

// docText is the text of a document's body, a line per paragraph and
// table row.
func docText(d docs.Document) string {
	var b strings.Builder
	for _, bl := range d.Body {
		switch v := bl.(type) {
		case docs.Paragraph:
			b.WriteString(v.Text + "\n")
		case docs.Heading:
			b.WriteString(v.Text + "\n")
		case docs.Table:
			for _, r := range v.Rows {
				b.WriteString(strings.Join(r.Cells, " | ") + "\n")
			}
		}
	}
	return b.String()
}
