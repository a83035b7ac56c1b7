package pdf

import (
	"bytes"
	"regexp"
	"slices"
	"testing"

	"tdkt/internal/docs"
)

// The blanks left for the văn thư keep their width wherever the text
// prints: paragraphs, table cells, centred titles. A line may still break
// at a run of blanks, which then disappears, and the blanks around a line
// are not kept.
func TestWrap_KeepsRunsOfSpaces(t *testing.T) {
	r := newRenderer(DefaultLayout(), docs.Document{})
	r.f.AddPage()
	r.setFont(docs.Normal, 14)
	const number = "Số:      /TTr-BHXH"
	const date = "ngày      tháng      năm 2026"
	scenarios := []struct {
		name string
		got  []string
		want []string
	}{
		{"number", r.wrap(number, 150, 150), []string{number}},
		{"date in a sentence", r.wrap("Kèm theo Quyết định số      /QĐ-BHXH "+date+".", 150, 150),
			[]string{"Kèm theo Quyết định số      /QĐ-BHXH " + date + "."}},
		{"blanks around a line", r.wrap("   "+date+"   ", 150, 150), []string{date}},
		{"break at a run", r.wrap("ngày      tháng", r.f.GetStringWidth("ngày   "), 150), []string{"ngày", "tháng"}},
		{"forced break", r.wrap(number+"\n"+date, 150, 150), []string{number, date}},
		{"balanced", r.balanced("(Kèm theo Quyết định số      /QĐ-BHXH "+date+")", 150),
			[]string{"(Kèm theo Quyết định số      /QĐ-BHXH " + date + ")"}},
	}
	for _, sc := range scenarios {
		if !slices.Equal(sc.got, sc.want) {
			t.Errorf("%s: %q, want %q", sc.name, sc.got, sc.want)
		}
	}

	// In a document: a body paragraph, a table cell and the trích yếu.
	doc := docs.Document{
		Kind:  "Danh sách",
		Title: []string{"(Kèm theo Quyết định số      /QĐ-BHXH)"},
		Body: []docs.Block{
			docs.Paragraph{Text: "Căn cứ Tờ trình " + number + " " + date + ";"},
			docs.Table{Columns: []docs.Column{{Header: "Số, ngày quyết định", Width: 1}}, Rows: []docs.Row{docs.Cells("Số      /QĐ-BHXH")}},
		},
	}
	var printed []string
	for _, run := range placements(t, doc) {
		printed = append(printed, run.txt)
	}
	for _, want := range []string{"(Kèm theo Quyết định số      /QĐ-BHXH)", "Căn cứ Tờ trình " + number + " " + date + ";", "Số      /QĐ-BHXH"} {
		if !slices.Contains(printed, want) {
			t.Errorf("no line %q in %q", want, printed)
		}
	}
}

// The embedded face is named after itself in the PDF, not "utf8serif".
func TestRender_FontIsNamed(t *testing.T) {
	b := render(t, docs.Document{Kind: "Báo cáo", Body: []docs.Block{
		docs.Paragraph{Text: "Thường"}, docs.Paragraph{Text: "Đậm", Style: docs.Bold},
	}})
	names := regexp.MustCompile(`/BaseFont /(\S+)`).FindAllSubmatch(b, -1)
	if len(names) == 0 {
		t.Fatal("no font in the PDF")
	}
	// A subset as the PDF format names one: a tag, "+", the PostScript name.
	subset := regexp.MustCompile(`^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$`)
	for _, m := range names {
		if name := string(m[1]); !subset.MatchString(name) {
			t.Errorf("font %q is not a subset of Liberation Serif named as PDF names subsets", name)
		}
	}
	if bytes.Contains(b, []byte("utf8serif")) {
		t.Error("the PDF still names a font utf8serif")
	}
}
