package pdf

import (
	"math"
	"slices"
	"strings"
	"testing"

	"tdkt/internal/docs"
)

// A column is never narrower than its longest word: a narrow "STT" column
// does not print "ST/T", and a "Ghi chú" column breaks between words, not
// inside them. The other columns keep their proportions.
func TestTable_ColumnsFitTheirWords(t *testing.T) {
	tbl := docs.Table{
		Columns: []docs.Column{
			{Header: "STT", Width: 0.3, Align: docs.AlignCenter},
			{Header: "Họ và tên", Width: 6},
			{Header: "Đơn vị công tác", Width: 6},
			{Header: "Ghi chú", Width: 0.6},
		},
		Rows: []docs.Row{
			docs.GroupRow("A. TẬP THỂ VÀ CÁ NHÂN CÓ THÀNH TÍCH XUẤT SẮC TIÊU BIỂU"),
			docs.Cells("1", "Nguyễn Văn An", "Phòng Quản lý thu và Phát triển người tham gia", "Đề nghị khen thưởng đột xuất"),
			docs.Cells("12", "Trần Thị Bình", "Văn phòng", "Chuyển công tác"),
			{Cells: []string{"", "Tổng cộng", "", "Hai người"}, Bold: true},
		},
		NumberRow: true,
	}
	// Every word the table prints, as typed.
	want := map[string]bool{}
	add := func(s string) {
		for _, w := range strings.Fields(s) {
			want[w] = true
		}
	}
	for i, c := range tbl.Columns {
		add(c.Header)
		add("(" + string(rune('1'+i)) + ")")
	}
	for _, r := range tbl.Rows {
		for _, c := range r.Cells {
			add(c)
		}
	}
	doc := docs.Document{Kind: "Danh sách", Body: []docs.Block{tbl}}
	runs := placements(t, doc)
	lines := 0
	for _, r := range runs {
		if r.y <= pageYOf(runs, "DANH SÁCH") {
			continue // the header of the page
		}
		for _, w := range strings.Fields(r.txt) {
			lines++
			if !want[w] {
				t.Errorf("%q is a broken word (line %q, %.1f mm wide)", w, r.txt, r.w)
			}
		}
	}
	if lines == 0 {
		t.Fatal("the table printed nothing")
	}
	if pageYOf(runs, "STT") == 0 {
		t.Error("the STT header does not print on one line")
	}

	r := newRenderer(DefaultLayout(), doc)
	r.f.AddPage()
	tl := r.layoutTable(tbl)
	sum := 0.0
	for _, w := range tl.g.ws {
		sum += w
	}
	if math.Abs(sum-r.textW) > 1e-6 {
		t.Errorf("the columns are %.2f mm wide together, want the text width %.2f", sum, r.textW)
	}
	// The two wide columns keep their given proportion (6 : 6).
	if math.Abs(tl.g.ws[1]-tl.g.ws[2]) > 1e-6 {
		t.Errorf("the wide columns are %.2f and %.2f mm, want equal", tl.g.ws[1], tl.g.ws[2])
	}
}

func TestShareWidths(t *testing.T) {
	scenarios := []struct {
		name      string
		ws, least []float64
		total     float64
		want      []float64
	}{
		{"wide enough", []float64{20, 60, 20}, []float64{10, 10, 10}, 100, []float64{20, 60, 20}},
		{"narrow columns grow", []float64{5, 45, 45, 5}, []float64{10, 10, 10, 20}, 100, []float64{10, 35, 35, 20}},
		{"a second round", []float64{10, 10, 80}, []float64{30, 30, 0}, 100, []float64{30, 30, 40}},
		{"a column of no width", []float64{0, 100}, []float64{10, 10}, 100, []float64{10, 90}},
		{"the words do not fit", []float64{50, 50}, []float64{70, 40}, 100, []float64{50, 50}},
	}
	for _, sc := range scenarios {
		got := shareWidths(sc.ws, sc.least, sc.total)
		if !slices.EqualFunc(got, sc.want, func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }) {
			t.Errorf("%s: shareWidths(%v, %v) = %v, want %v", sc.name, sc.ws, sc.least, got, sc.want)
		}
	}
}
