package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// Inputs of the year's workbooks: an office of generated people (names
// given decomposed, NFD) and a scoring tree with a nested group, bonus and
// penalty criteria.

var (
	ydFamilies = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	ydMiddles  = []string{"Văn", "Thị", "Đức", "Minh", "Thị Thu", "Quốc", "Hữu", "Ngọc"}
	ydGivens   = []string{"An", "Ánh", "Bình", "Chi", "Dũng", "Đức", "Giang", "Hằng", "Hiếu", "Hùng", "Hương", "Khánh", "Linh", "Lộc", "Mai", "Nguyệt", "Phượng", "Quỳnh", "Sơn", "Thủy", "Tường", "Uyên", "Việt", "Yến"}
	ydUnits    = []string{"Phòng Quản lý thu và Phát triển người tham gia", "Phòng Giám định bảo hiểm y tế", "Bảo hiểm xã hội cơ sở Hồng Lĩnh", "Phòng Chế độ bảo hiểm xã hội", "Văn phòng", "Phòng Công nghệ thông tin", "Bảo hiểm xã hội cơ sở Kỳ Anh", "Bảo hiểm xã hội cơ sở Thạch Hà", "Bảo hiểm xã hội cơ sở Hương Khê", "Bảo hiểm xã hội cơ sở Đức Thọ", "Bảo hiểm xã hội cơ sở Nghi Xuân", "Phòng Kế hoạch - Tài chính"}
	ydLDTT     = docs.AwardName{Code: "LDTT", Name: "Lao động tiên tiến"}
	ydCSTDCS   = docs.AwardName{Code: "CSTDCS", Name: "Chiến sĩ thi đua cơ sở"}
	ydBK       = docs.AwardName{Code: "BK_TGD", Name: "Bằng khen của Tổng Giám đốc"}
	ydCoverage = domain.Target{ID: 1, Name: "Tỷ lệ bao phủ BHYT", Unit: "%", HigherBetter: true, SortOrder: 1}
	ydRevenue  = domain.Target{ID: 2, Name: "Số thu BHXH, BHYT, BHTN", Unit: "tỷ đồng", HigherBetter: true, SortOrder: 2}
	ydArrears  = domain.Target{ID: 3, Name: "Tỷ lệ nợ đóng", Unit: "%", SortOrder: 3}
	ydDays     = domain.Target{ID: 4, Name: "Thời gian giải quyết hồ sơ", Unit: "ngày", SortOrder: 4}
)

func ydProfile() domain.OfficeProfile {
	return domain.OfficeProfile{
		UnitCode: "HT", UnitName: norm.NFD.String("Bảo hiểm xã hội tỉnh Hà Tĩnh"), ParentName: "Bảo hiểm xã hội Việt Nam",
		Place: "Hà Tĩnh", Director: domain.Signer{Name: "Nguyễn Văn Hùng", Position: "Giám đốc"}, DocNumberCode: "BHXH",
	}
}

func ydName(i int) string {
	return fmt.Sprintf("%s %s %s", ydFamilies[i%len(ydFamilies)], ydMiddles[(i/len(ydFamilies))%len(ydMiddles)], ydGivens[(i/3)%len(ydGivens)])
}

func ydRegistration(staff, units int) docs.RegistrationInput {
	in := docs.RegistrationInput{Profile: ydProfile(), Year: 2026, Date: domain.MustDate("15/01/2026"), Number: 7}
	in.Collectives = append(in.Collectives, docs.CollectiveEntry{
		Unit:    domain.Unit{Code: "HT", Name: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Kind: domain.UnitProvince},
		Awards:  []docs.AwardName{{Code: "CO", Name: "Cờ thi đua của Bảo hiểm xã hội Việt Nam"}},
		Targets: []docs.TargetLine{{Target: ydCoverage, Planned: 95.5}, {Target: ydRevenue, Planned: 5200}, {Target: ydArrears, Planned: 1.8}},
	})
	for u := range units {
		in.Collectives = append(in.Collectives, docs.CollectiveEntry{
			Unit:    domain.Unit{Code: fmt.Sprintf("HT%02d", u+1), Name: norm.NFD.String(ydUnits[u]), ParentCode: "HT"},
			Awards:  []docs.AwardName{{Code: "TTLDXS", Name: "Tập thể lao động xuất sắc"}},
			Targets: []docs.TargetLine{{Target: ydCoverage, Planned: 95 + float64(u)/10}},
		})
	}
	for i := range staff {
		u := i * units / staff
		awards := []docs.AwardName{ydLDTT}
		if i%9 == 0 {
			awards = append(awards, ydCSTDCS)
		}
		if i == 4 {
			awards = append(awards, ydBK)
		}
		g := domain.Female
		if i%2 == 1 {
			g = domain.Male
		}
		in.Individuals = append(in.Individuals, docs.IndividualEntry{
			Person: domain.Person{ID: int64(i + 1), StaffCode: fmt.Sprintf("HT%05d", i+1), FullName: norm.NFD.String(ydName(i)),
				Position: "Chuyên viên", UnitCode: fmt.Sprintf("HT%02d", u+1), Gender: g,
				BirthDate: domain.NewDate(1970+i%30, time.Month(1+i%12), 1+i%28)},
			UnitName: norm.NFD.String(ydUnits[u]),
			Awards:   awards,
		})
	}
	return in
}

func ydCrit(code, parent, name string, max float64, m domain.ScoringMethod) domain.Criterion {
	return domain.Criterion{Year: 2026, Code: code, ParentCode: parent, Name: norm.NFD.String(name), MaxPoints: max, Method: m}
}

// ydAssessment's sheet rows: 4 I, 5 I.1, 6 I.2, 7 I.3, 8 II, 9 II.1, 10
// II.1.a, 11 II.1.b, 12 II.2, 13 III, 14 III.1 (bonus), 15 III.2 (penalty),
// 16 TỔNG CỘNG.
func ydAssessment() docs.AssessmentInput {
	return docs.AssessmentInput{
		Profile: ydProfile(), Year: 2026, Date: domain.MustDate("20/12/2026"),
		Cluster: domain.Cluster{Name: "Cụm thi đua số 5"},
		Sheet: domain.NewScoreSheet([]domain.Criterion{
			ydCrit("I", "", "Thực hiện các chỉ tiêu chuyên môn", 60, ""),
			ydCrit("I.1", "I", "Tỷ lệ bao phủ BHYT", 30, domain.MethodProportional),
			ydCrit("I.2", "I", "Số thu", 20, domain.MethodProportional),
			ydCrit("I.3", "I", "Nợ đóng", 10, domain.MethodPassFail),
			ydCrit("II", "", "Công tác thi đua, khen thưởng", 40, ""),
			ydCrit("II.1", "II", "Tổ chức phong trào", 20, ""),
			ydCrit("II.1.a", "II.1", "Ban hành kế hoạch", 10, domain.MethodManual),
			ydCrit("II.1.b", "II.1", "Sơ kết, tổng kết", 10, domain.MethodManual),
			ydCrit("II.2", "II", "Cải cách hành chính", 20, domain.MethodManual),
			ydCrit("III", "", "Điểm thưởng, điểm trừ", 0, ""),
			ydCrit("III.1", "III", "Mô hình mới", 3, domain.MethodBonus),
			ydCrit("III.2", "III", "Vi phạm kỷ luật", 5, domain.MethodPenalty),
		}, []domain.SelfScore{
			{Code: "I.1", Score: 30, Note: "Đạt 101,2% kế hoạch", Attachments: []string{"BC 12/BC-BHXH"}},
			{Code: "I.2", Score: 19.5}, {Code: "I.3", Score: 8},
			{Code: "II.1.a", Score: 10}, {Code: "II.1.b", Score: 8}, {Code: "II.2", Score: 15},
			{Code: "III.1", Score: 2}, {Code: "III.2", Score: -1},
		}),
		Targets: []docs.TargetLine{
			{Target: ydCoverage, Movement: "Phong trào thi đua năm 2026", Planned: 93.4, Actual: 94.5, HasActual: true},
			{Target: ydRevenue, Movement: "Phong trào thi đua năm 2026", Planned: 5200, Actual: 5123.4, HasActual: true},
			{Target: ydArrears, Movement: "Phong trào thi đua năm 2026", Planned: 2, Actual: 1.8, HasActual: true},
			{Target: ydDays, Movement: "Phong trào thi đua năm 2026", Planned: 5},
		},
		Ratings: []docs.RatingCount{{Rating: domain.HTXSNV, People: 3, Units: 1}, {Rating: domain.HTTNV, People: 8, Units: 2}, {Rating: domain.HTNV, People: 1}},
		Unrated: 2,
	}
}

func ydReview(years ...int) docs.MovementReviewInput {
	in := docs.MovementReviewInput{
		Profile: ydProfile(), Years: years, UnitCode: "HT", Date: domain.MustDate("05/12/2025"),
		Movement: domain.Movement{ID: 2, Name: "Phong trào thi đua “Đẩy mạnh cải cách hành chính”", FromYear: 2021, ToYear: 2025,
			Targets: []domain.Target{ydArrears, ydCoverage, ydRevenue}},
		Values: map[int64]map[int]domain.TargetValue{1: {}, 2: {}, 3: {}},
	}
	for i, y := range years {
		in.Values[1][y] = domain.TargetValue{Year: y, TargetID: 1, Planned: 90 + float64(i), Actual: 90.4 + float64(i), HasActual: true}
		in.Values[2][y] = domain.TargetValue{Year: y, TargetID: 2, Planned: 4000 + 300*float64(i), Actual: 4010 + 300*float64(i), HasActual: i < len(years)-1}
		in.Values[3][y] = domain.TargetValue{Year: y, TargetID: 3, Planned: 2, Actual: 1.6, HasActual: true}
	}
	return in
}

func writeBook(t testing.TB, write func(io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openBook(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func get(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func raw(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func formulaOf(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellFormula(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// isNumber reports whether the cell holds a number (not text that looks like one).
func isNumber(t *testing.T, f *excelize.File, sheet, cell string) bool {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	_, perr := strconv.ParseFloat(raw(t, f, sheet, cell), 64)
	return (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber) && perr == nil
}

func definedName(f *excelize.File, name, scope string) string {
	for _, d := range f.GetDefinedName() {
		if d.Name == name && d.Scope == scope {
			return d.RefersTo
		}
	}
	return ""
}

// worksheetXML is the XML of a worksheet, found through its name.
func worksheetXML(t *testing.T, b []byte, f *excelize.File, sheet string) string {
	t.Helper()
	idx, err := f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		t.Fatalf("no sheet %q", sheet)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
	for _, zf := range zr.File {
		if zf.Name == want {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			x, _ := io.ReadAll(rc)
			return string(x)
		}
	}
	t.Fatalf("no %s in the workbook", want)
	return ""
}

// checkSheetShape checks what every sheet of the year's workbooks has:
// frozen header, autofilter on the last header row, A4 landscape one page
// wide, the header rows printed on each page and a print area.
func checkSheetShape(t *testing.T, b []byte, f *excelize.File, sheet string, headerRows int, filter string) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 2+headerRows {
		t.Errorf("%s: panes %+v, want frozen under row %d", sheet, panes, 2+headerRows)
	}
	pl, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("%s: page layout %+v, want A4 landscape fitted to one page wide", sheet, pl)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s: fit to page is off", sheet)
	}
	q := "'" + sheet + "'"
	wantTitles := fmt.Sprintf("%s!$3:$%d", q, 2+headerRows)
	if got := definedName(f, "_xlnm.Print_Titles", sheet); got != wantTitles {
		t.Errorf("%s: print titles %q, want %q", sheet, got, wantTitles)
	}
	if got := definedName(f, "_xlnm.Print_Area", sheet); !strings.HasPrefix(got, q+"!$A$1:$") {
		t.Errorf("%s: print area %q", sheet, got)
	}
	// excelize writes the reference absolute ($A$3:$H$7), which Excel and
	// LibreOffice read as the same range.
	m := regexp.MustCompile(`<autoFilter ref="([^"]*)"`).FindStringSubmatch(worksheetXML(t, b, f, sheet))
	if m == nil || strings.ReplaceAll(m[1], "$", "") != filter {
		t.Errorf("%s: autofilter %q, want ref %q", sheet, m, filter)
	}
}

func TestWriteRegistration(t *testing.T) {
	in := ydRegistration(30, 3)
	b := writeBook(t, func(w io.Writer) error { return WriteRegistration(in, w) })
	f := openBook(t, b)
	if got := f.GetSheetList(); strings.Join(got, ",") != "Tập thể,Cá nhân" {
		t.Fatalf("sheets %q", got)
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != "Bản đăng ký thi đua năm 2026" || props.Creator != "Bảo hiểm xã hội tỉnh Hà Tĩnh" || props.Language != "vi-VN" || !strings.HasPrefix(props.Created, "2026-01-15") {
		t.Errorf("document properties %+v", props)
	}

	// Tập thể: one column per target, planned values as numbers.
	const tt = SheetCollectives
	if got := get(t, f, tt, "A1"); got != "BẢN ĐĂNG KÝ THI ĐUA NĂM 2026 – Bảo hiểm xã hội tỉnh Hà Tĩnh" {
		t.Errorf("title %q", got)
	}
	if got := get(t, f, tt, "A2"); got != "Phần I. Đăng ký tập thể (kèm theo Bản đăng ký số 07/ĐK-BHXH ngày 15/01/2026)" {
		t.Errorf("subtitle %q", got)
	}
	wantHeader := []string{"STT", "Mã đơn vị", "Tên tập thể", "Danh hiệu, hình thức đăng ký", "Tỷ lệ bao phủ BHYT (%)", "Số thu BHXH, BHYT, BHTN (tỷ đồng)", "Tỷ lệ nợ đóng (%)", "Ghi chú"}
	for i, h := range wantHeader {
		if got := get(t, f, tt, ref(i+1, 3)); got != h {
			t.Errorf("Tập thể header %d = %q, want %q", i+1, got, h)
		}
	}
	if got := get(t, f, tt, "C4"); got != "Bảo hiểm xã hội tỉnh Hà Tĩnh" {
		t.Errorf("C4 %q", got)
	}
	if !isNumber(t, f, tt, "F4") || raw(t, f, tt, "F4") != "5200" || get(t, f, tt, "F4") != "5,200" {
		t.Errorf("F4 raw %q shown %q: want the number 5200", raw(t, f, tt, "F4"), get(t, f, tt, "F4"))
	}
	if !isNumber(t, f, tt, "E5") || raw(t, f, tt, "E5") != "95" || raw(t, f, tt, "F5") != "" {
		t.Errorf("unit row: E5 %q F5 %q", raw(t, f, tt, "E5"), raw(t, f, tt, "F5"))
	}
	if got := get(t, f, tt, "C6"); got != "Phòng Giám định bảo hiểm y tế" {
		t.Errorf("unit name not NFC or misplaced: %q", got)
	}
	checkSheetShape(t, b, f, tt, 1, "A3:H7")

	// Cá nhân: dates as dates, one "x" column per award, a Cộng row.
	const cn = SheetIndividuals
	wantHeader = []string{"STT", "Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Bằng khen của Tổng Giám đốc", "Ghi chú"}
	for i, h := range wantHeader {
		if got := get(t, f, cn, ref(i+1, 3)); got != h {
			t.Errorf("Cá nhân header %d = %q, want %q", i+1, got, h)
		}
	}
	for i, e := range in.Individuals {
		r := 4 + i
		if got, want := get(t, f, cn, ref(3, r)), ydName(i); got != want {
			t.Errorf("row %d name %q, want %q (NFC)", r, got, want)
		}
		if got := get(t, f, cn, ref(4, r)); got != e.Person.BirthDate.VN() {
			t.Errorf("row %d birth date shown %q, want %q", r, got, e.Person.BirthDate.VN())
		}
		if !isNumber(t, f, cn, ref(4, r)) {
			t.Errorf("row %d birth date is not a date serial: %q", r, raw(t, f, cn, ref(4, r)))
		}
		wantCSTD := ""
		if i%9 == 0 {
			wantCSTD = "x"
		}
		if got := get(t, f, cn, ref(9, r)); got != wantCSTD || get(t, f, cn, ref(8, r)) != "x" {
			t.Errorf("row %d marks %q %q", r, get(t, f, cn, ref(8, r)), got)
		}
	}
	if get(t, f, cn, "E5") != "Nam" || get(t, f, cn, "E4") != "Nữ" || get(t, f, cn, "G4") != "Phòng Quản lý thu và Phát triển người tham gia" {
		t.Errorf("gender/unit: %q %q %q", get(t, f, cn, "E4"), get(t, f, cn, "E5"), get(t, f, cn, "G4"))
	}
	total := 4 + len(in.Individuals) // row 34
	if get(t, f, cn, ref(3, total)) != "Cộng" {
		t.Errorf("no Cộng row at %d", total)
	}
	for col, want := range map[int]string{8: "30", 9: "4", 10: "1"} {
		c := ref(col, total)
		if got := formulaOf(t, f, cn, c); got != fmt.Sprintf("SUBTOTAL(3,%s4:%s33)", colName(col), colName(col)) {
			t.Errorf("%s formula %q", c, got)
		}
		if got := raw(t, f, cn, c); got != want {
			t.Errorf("%s cached %q, want %q", c, got, want)
		}
	}
	checkSheetShape(t, b, f, cn, 1, "A3:K33")
}

func TestWriteAssessment(t *testing.T) {
	in := ydAssessment()
	b := writeBook(t, func(w io.Writer) error { return WriteAssessment(in, w) })
	f := openBook(t, b)
	if got := f.GetSheetList(); strings.Join(got, ",") != "Chấm điểm,Chỉ tiêu,Xếp loại" {
		t.Fatalf("sheets %q", got)
	}
	const sc = SheetScores
	for i, h := range []string{"Mã", "Tiêu chí", "Phương pháp chấm", "Điểm tối đa", "Điểm tự chấm", "Giải trình, tài liệu kiểm chứng"} {
		if got := get(t, f, sc, ref(i+1, 3)); got != h {
			t.Errorf("header %d = %q, want %q", i+1, got, h)
		}
	}
	// Groups and the grand total are SUMs of their leaves, with cached values.
	for cell, want := range map[string][2]string{
		"E4":  {"SUM(E5:E7)", "57.5"},
		"E8":  {"SUM(E10:E12)", "33"},
		"E9":  {"SUM(E10:E11)", "18"},
		"E13": {"SUM(E14:E15)", "1"},
		"E16": {"SUM(E5:E7,E10:E12,E14:E15)", "91.5"},
	} {
		if got := formulaOf(t, f, sc, cell); got != want[0] {
			t.Errorf("%s formula %q, want %q", cell, got, want[0])
		}
		if got := raw(t, f, sc, cell); got != want[1] {
			t.Errorf("%s cached value %q, want %q", cell, got, want[1])
		}
	}
	for _, leaf := range []string{"E5", "E6", "E10", "E15"} {
		if formulaOf(t, f, sc, leaf) != "" || !isNumber(t, f, sc, leaf) {
			t.Errorf("%s should be a plain number", leaf)
		}
	}
	if get(t, f, sc, "B16") != "TỔNG CỘNG" || raw(t, f, sc, "D16") != "100" || raw(t, f, sc, "D15") != "-5" || raw(t, f, sc, "D13") != "0" {
		t.Errorf("total/max: %q %q %q %q", get(t, f, sc, "B16"), raw(t, f, sc, "D16"), raw(t, f, sc, "D15"), raw(t, f, sc, "D13"))
	}
	if get(t, f, sc, "B10") != "Ban hành kế hoạch" || get(t, f, sc, "C5") != "Theo tỷ lệ hoàn thành" || get(t, f, sc, "F5") != "Đạt 101,2% kế hoạch; BC 12/BC-BHXH" {
		t.Errorf("leaf text: %q %q %q", get(t, f, sc, "B10"), get(t, f, sc, "C5"), get(t, f, sc, "F5"))
	}
	// Live: a corrected score changes the totals.
	if err := f.SetCellValue(sc, "E6", 10); err != nil {
		t.Fatal(err)
	}
	for cell, want := range map[string]string{"E4": "48", "E16": "82"} {
		if got, err := f.CalcCellValue(sc, cell, excelize.Options{RawCellValue: true}); err != nil || got != want {
			t.Errorf("after E6 = 10, %s = %q (%v), want %q", cell, got, err, want)
		}
	}
	// Each leaf score accepts only its bounds.
	dvs, err := f.GetDataValidations(sc)
	if err != nil {
		t.Fatal(err)
	}
	bounds := map[string][2]string{}
	for _, dv := range dvs {
		bounds[dv.Sqref] = [2]string{dv.Formula1, dv.Formula2}
	}
	for cell, want := range map[string][2]string{"E5": {"0", "30"}, "E7": {"0", "10"}, "E14": {"0", "3"}, "E15": {"-5", "0"}} {
		if got := bounds[cell]; got != want {
			t.Errorf("validation of %s = %q, want %q", cell, got, want)
		}
	}
	if _, ok := bounds["E4"]; ok || len(dvs) != 8 {
		t.Errorf("%d validations (groups must have none): %v", len(dvs), bounds)
	}
	checkSheetShape(t, b, f, sc, 1, "A3:F15")

	// Chỉ tiêu: percentage and verdict are formulas in the target's direction.
	const tg = SheetTargets
	for cell, want := range map[string]string{
		"G4": `IF(ISBLANK(F4),"",IF(E4=0,100,F4/E4*100))`,
		"H4": `IF(ISBLANK(F4),"",IF(F4>=E4,"Đạt","Không đạt"))`,
		"G6": `IF(ISBLANK(F6),"",IF(F6=0,IF(E6=0,100,200),E6/F6*100))`,
		"H6": `IF(ISBLANK(F6),"",IF(F6<=E6,"Đạt","Không đạt"))`,
	} {
		if got := formulaOf(t, f, tg, cell); got != want {
			t.Errorf("%s formula %q, want %q", cell, got, want)
		}
	}
	for cell, want := range map[string]string{"H4": "Đạt", "H5": "Không đạt", "H6": "Đạt", "H7": "", "G7": ""} {
		if got := raw(t, f, tg, cell); got != want {
			t.Errorf("%s cached %q, want %q", cell, got, want)
		}
		if got, err := f.CalcCellValue(tg, cell, excelize.Options{RawCellValue: true}); err != nil || got != want {
			t.Errorf("%s calculated %q (%v), want %q", cell, got, err, want)
		}
	}
	if got := get(t, f, tg, "G6"); got != "111.1" {
		t.Errorf("G6 shown %q, want 111.1", got)
	}
	if get(t, f, tg, "D6") != "Thấp hơn là tốt" || get(t, f, tg, "D4") != "Cao hơn là tốt" {
		t.Error("direction column")
	}
	checkSheetShape(t, b, f, tg, 1, "A3:I7")

	// Xếp loại: counts, shares and totals.
	const xl = SheetRatings
	if get(t, f, xl, "B7") != "Chưa xếp loại" || raw(t, f, xl, "D7") != "2" {
		t.Errorf("unrated row: %q %q", get(t, f, xl, "B7"), raw(t, f, xl, "D7"))
	}
	if got := formulaOf(t, f, xl, "D8"); got != "SUM(D4:D7)" || raw(t, f, xl, "D8") != "14" || raw(t, f, xl, "F8") != "3" {
		t.Errorf("totals %q %q %q", got, raw(t, f, xl, "D8"), raw(t, f, xl, "F8"))
	}
	if got, _ := f.CalcCellValue(xl, "E5", excelize.Options{RawCellValue: true}); !strings.HasPrefix(got, "57.14") {
		t.Errorf("HTTNV share %q", got)
	}
	checkSheetShape(t, b, f, xl, 1, "A3:F7")
}

func TestWriteMovementReview(t *testing.T) {
	in := ydReview(2021, 2022, 2023, 2024, 2025)
	b := writeBook(t, func(w io.Writer) error { return WriteMovementReview(in, w) })
	f := openBook(t, b)
	const s = SheetReview
	// Header: fixed columns merged down, years merged across three columns.
	merges, err := f.GetMergeCells(s)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range merges {
		got[m.GetStartAxis()+":"+m.GetEndAxis()] = m.GetCellValue()
	}
	for rng, want := range map[string]string{"A3:A4": "STT", "B3:B4": "Chỉ tiêu", "E3:G3": "Năm 2021", "Q3:S3": "Năm 2025"} {
		if got[rng] != want {
			t.Errorf("merge %s = %q, want %q (all: %v)", rng, got[rng], want, got)
		}
	}
	if get(t, f, s, "E4") != "Kế hoạch" || get(t, f, s, "F4") != "Thực hiện" || get(t, f, s, "G4") != "Tỷ lệ (%)" {
		t.Error("second header row")
	}
	// Targets by sort order: coverage, revenue, arrears.
	if get(t, f, s, "B5") != "Tỷ lệ bao phủ BHYT" || get(t, f, s, "B7") != "Tỷ lệ nợ đóng" {
		t.Errorf("target order: %q, %q", get(t, f, s, "B5"), get(t, f, s, "B7"))
	}
	if got := formulaOf(t, f, s, "G7"); got != `IF(ISBLANK(F7),"",IF(F7=0,IF(E7=0,100,200),E7/F7*100))` {
		t.Errorf("lower-is-better formula %q", got)
	}
	if got, _ := f.CalcCellValue(s, "G7", excelize.Options{RawCellValue: true}); got != "125" || raw(t, f, s, "G7") != "125" {
		t.Errorf("arrears 2021: calculated %q, cached %q, want 125", got, raw(t, f, s, "G7"))
	}
	// Revenue 2025 has no result yet: blank actual and percentage.
	if raw(t, f, s, "R6") != "" || raw(t, f, s, "S6") != "" || raw(t, f, s, "Q6") != "5200" {
		t.Errorf("revenue 2025: %q %q %q", raw(t, f, s, "Q6"), raw(t, f, s, "R6"), raw(t, f, s, "S6"))
	}
	checkSheetShape(t, b, f, s, 2, "A4:S7")
}

// recalcAlways is a LibreOffice profile setting: recalculate the formulas
// of an Excel file on load instead of showing the values cached in it
// (LibreOffice's default is to trust the cache).
const recalcAlways = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// soffice converts the first sheet of the workbook to CSV (UTF-8) and
// returns its rows, with LibreOffice recalculating the formulas on load or
// showing their cached values; it skips the test when LibreOffice is not
// installed.
func soffice(t *testing.T, b []byte, recalc bool) [][]string {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed")
	}
	dir := t.TempDir()
	if recalc {
		user := filepath.Join(dir, "profile", "user")
		if err := os.MkdirAll(user, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(recalcAlways), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "book.csv"))
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestWorkbooks_LibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	t.Run("registration", func(t *testing.T) {
		rows := soffice(t, writeBook(t, func(w io.Writer) error { return WriteRegistration(ydRegistration(12, 3), w) }), false)
		if len(rows) < 7 || rows[0][0] != "BẢN ĐĂNG KÝ THI ĐUA NĂM 2026 – Bảo hiểm xã hội tỉnh Hà Tĩnh" {
			t.Fatalf("rows %q", rows)
		}
		if got := strings.Join(rows[3][:7], "|"); got != "1|HT|Bảo hiểm xã hội tỉnh Hà Tĩnh|Cờ thi đua của Bảo hiểm xã hội Việt Nam|95.5|5,200|1.8" {
			t.Errorf("office row %q", got)
		}
		if rows[5][2] != "Phòng Giám định bảo hiểm y tế" {
			t.Errorf("unit row %q", rows[5])
		}
	})
	t.Run("assessment recalculates", func(t *testing.T) {
		b := writeBook(t, func(w io.Writer) error { return WriteAssessment(ydAssessment(), w) })
		rows := soffice(t, b, false) // the cached values, as a viewer without a calculator shows them
		if len(rows) < 16 || rows[15][1] != "TỔNG CỘNG" || rows[15][4] != "91.5" || rows[3][4] != "57.5" {
			t.Fatalf("total row %q, group I %q", rows[min(15, len(rows)-1)], rows[min(3, len(rows)-1)])
		}
		// A recipient corrects I.2 to 10 with a tool that does not
		// recalculate: the totals follow once the formulas are calculated.
		f := openBook(t, b)
		if err := f.SetCellValue(SheetScores, "E6", 10); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		rows = soffice(t, buf.Bytes(), true)
		if rows[3][4] != "48" || rows[15][4] != "82" {
			t.Errorf("after the change: group I %q, total %q; want 48 and 82", rows[3][4], rows[15][4])
		}
	})
}

// BenchmarkWriteRegistration_2000Staff writes the registration workbook of
// an office of 2,000 people in 12 units.
func BenchmarkWriteRegistration_2000Staff(b *testing.B) {
	in := ydRegistration(2000, len(ydUnits))
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteRegistration(in, &buf); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len())/1024, "KiB")
	}
}
