package xlsx

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
)

func nominationInput(people int) docs.DossierInput {
	in := docs.SampleDossier(people)
	in.Profile.UnitName = norm.NFD.String(in.Profile.UnitName)
	for i := range in.Nominees {
		in.Nominees[i].Person.FullName = norm.NFD.String(in.Nominees[i].Person.FullName)
		in.Nominees[i].UnitName = norm.NFD.String(in.Nominees[i].UnitName)
		in.Nominees[i].Unit.Name = norm.NFD.String(in.Nominees[i].Unit.Name)
	}
	return in
}

func TestWriteNominationList(t *testing.T) {
	in := nominationInput(60)
	var buf bytes.Buffer
	if err := WriteNominationList(in, &buf); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, buf.Bytes())
	groups := docs.NominationGroups(in)
	sheets := f.GetSheetList()
	if len(sheets) != len(groups) {
		t.Fatalf("sheets %q for %d awards", sheets, len(groups))
	}
	for i, g := range groups {
		if sheets[i] != SheetName(g.Name, map[string]bool{}) {
			t.Errorf("sheet %d is %q, award %q", i+1, sheets[i], g.Name)
		}
	}
	// Lao động tiên tiến: people only.
	sh := "Lao động tiên tiến"
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	// An award the office confers is listed under its Quyết định, a
	// proposal up under its Tờ trình and whoever decides it.
	if rows[0][0] != "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2025" ||
		!strings.HasPrefix(rows[1][0], "(Kèm theo Quyết định số ") || !strings.HasSuffix(rows[1][0], " của Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh)") {
		t.Errorf("title %q, %q", rows[0][0], rows[1][0])
	}
	up := false
	for _, g := range groups {
		if g.Code != "BK_BO" {
			continue
		}
		up = true
		r, _ := f.GetRows(SheetName(g.Name, map[string]bool{}))
		if r[0][0] != "DANH SÁCH ĐỀ NGHỊ BỘ TRƯỞNG BỘ TÀI CHÍNH TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH NĂM 2025" ||
			!strings.HasPrefix(r[1][0], "(Kèm theo Tờ trình số ") {
			t.Errorf("Bằng khen sheet %q, %q", r[0][0], r[1][0])
		}
	}
	if !up {
		t.Error("the sample round proposes no Bằng khen")
	}
	if strings.Join(rows[2], "|") != "STT|Họ và tên / Tên tập thể|Ngày sinh|Giới tính|Chức vụ|Đơn vị công tác|Hình thức/danh hiệu đề nghị|Thành tích làm căn cứ|Tỷ lệ phiếu (%)|Ghi chú" {
		t.Errorf("header %q", rows[2])
	}
	if rows[3][1] != "B. CÁ NHÂN" {
		t.Errorf("row 4 %q", rows[3])
	}
	var ldtt []docs.ListRow
	for _, g := range groups {
		if g.Code == "LDTT" {
			ldtt = g.People
		}
	}
	if len(rows) != 4+len(ldtt) {
		t.Errorf("%d rows for %d LĐTT", len(rows), len(ldtt))
	}
	first := ldtt[0]
	if got := rows[4][1]; got != first.Name || !norm.NFC.IsNormalString(got) {
		t.Errorf("name %q, want %q in NFC", got, first.Name)
	}
	// The birth date is a date, the vote share a number.
	v, err := f.GetCellValue(sh, "C5", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	serial, err := excelize.ExcelDateToTime(parseFloat(t, v), false)
	if err != nil || !serial.Equal(first.Birth.Time()) {
		t.Errorf("birth date cell %q = %v, want %v", v, serial, first.Birth.Time().Format(time.DateOnly))
	}
	if shown, _ := f.GetCellValue(sh, "C5"); shown != first.Birth.VN() {
		t.Errorf("birth date shows %q, want %q", shown, first.Birth.VN())
	}
	pct, _ := f.GetCellValue(sh, "I5", excelize.Options{RawCellValue: true})
	if math.Abs(parseFloat(t, pct)-first.VotePct) > 1e-9 {
		t.Errorf("vote share %q, want %v", pct, first.VotePct)
	}
	// Frozen header, autofilter, A4 landscape, print titles.
	panes, _ := f.GetPanes(sh)
	if !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("panes %+v", panes)
	}
	pl, _ := f.GetPageLayout(sh)
	if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
		t.Errorf("page layout %+v", pl)
	}
	names := f.GetDefinedName()
	titles := false
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == sh {
			titles = true
		}
	}
	if !titles {
		t.Error("no print titles")
	}
	// Giấy khen has both parts.
	gk, _ := f.GetRows("Giấy khen")
	var labels []string
	for _, r := range gk {
		if len(r) > 1 && strings.HasSuffix(r[1], ". CÁ NHÂN") || len(r) > 1 && strings.HasSuffix(r[1], ". TẬP THỂ") {
			labels = append(labels, r[1])
		}
	}
	if strings.Join(labels, ",") != "A. TẬP THỂ,B. CÁ NHÂN" {
		t.Errorf("Giấy khen parts %q", labels)
	}
}

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	var x float64
	if _, err := fmtSscan(s, &x); err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return x
}

func TestSheetName(t *testing.T) {
	used := map[string]bool{}
	for _, sc := range []struct{ in, want string }{
		{"Lao động tiên tiến", "Lao động tiên tiến"},
		{"Bằng khen của Thủ tướng Chính phủ về thành tích", "Bằng khen của Thủ tướng Chính p"},
		{"Bằng khen của Thủ tướng Chính phủ khác", "Bằng khen của Thủ tướng Chí (2)"},
		{"Cờ thi đua [bộ/ngành]: *?", "Cờ thi đua -bộ-ngành-- --"},
		{"'", "Danh sách"},
		{"lao động tiên tiến", "lao động tiên tiến (2)"},
	} {
		got := SheetName(sc.in, used)
		if got != sc.want {
			t.Errorf("SheetName(%q) = %q, want %q", sc.in, got, sc.want)
		}
		if n := len([]rune(got)); n > 31 {
			t.Errorf("%q has %d characters", got, n)
		}
	}
}

func fmtSscan(s string, x *float64) (int, error) { return fmt.Sscan(s, x) }

func BenchmarkWriteNominationList_300(b *testing.B) {
	in := docs.SampleDossier(300)
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteNominationList(in, &buf); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWriteNominationList_LibreOffice opens the list as a recipient would:
// LibreOffice shows the first sheet with the same values excelize reads.
func TestWriteNominationList_LibreOffice(t *testing.T) {
	in := nominationInput(12)
	var buf bytes.Buffer
	if err := WriteNominationList(in, &buf); err != nil {
		t.Fatal(err)
	}
	lo := soffice(t, buf.Bytes(), false)
	f := openBook(t, buf.Bytes())
	want, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(lo) < len(want) {
		t.Fatalf("LibreOffice shows %d rows, excelize %d", len(lo), len(want))
	}
	for r, row := range want {
		for c, v := range row {
			if c >= len(lo[r]) || strings.TrimSpace(lo[r][c]) != strings.TrimSpace(v) {
				got := ""
				if c < len(lo[r]) {
					got = lo[r][c]
				}
				t.Errorf("row %d col %d: LibreOffice %q, excelize %q", r+1, c+1, got, v)
			}
		}
	}
}

// A cell of more lines than Excel's tallest row (409 points) holds gets
// that height, and the list is written: a long list of achievements must
// not stop a large office's dossier.
func TestWriteNominationList_TallCellCapped(t *testing.T) {
	in := nominationInput(12)
	long := strings.TrimSpace(strings.Repeat("Hoàn thành xuất sắc nhiệm vụ được giao trong năm.\n", 60))
	tall := -1
	for i := range in.Nominees {
		if in.Nominees[i].Passed {
			in.Nominees[i].Nominee.Eligible, in.Nominees[i].Nominee.Justification = false, long // the Ghi chú cell
			tall = i
			break
		}
	}
	if tall < 0 {
		t.Fatal("the sample passes nobody")
	}
	var buf bytes.Buffer
	if err := WriteNominationList(in, &buf); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, buf.Bytes())
	found := false
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for r, row := range rows {
			if slices.Contains(row, long) {
				found = true
				if h, err := f.GetRowHeight(sh, r+1); err != nil || h != 409 {
					t.Errorf("%s row %d: height %v %v, want 409", sh, r+1, h, err)
				}
			}
		}
	}
	if !found {
		t.Error("the long text is not in the list")
	}
}
