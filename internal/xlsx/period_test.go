package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// ydPeriod is the review of 2020 - 2025: three awards of the director's and
// two of the bodies above (one with counts that stop short of the last
// years), three scopes, three movements (one started late, one never
// measured) and the cluster ranks with one year unranked.
func ydPeriod() docs.PeriodInput {
	return docs.PeriodInput{
		Profile: ydProfile(),
		Period:  domain.Period{Name: "Giai đoạn 2020 - 2025", FromYear: 2020, ToYear: 2025},
		Date:    domain.MustDate("15/08/2025"),
		Years:   []int{2020, 2021, 2022, 2023, 2024, 2025},
		Awards: []docs.PeriodAwardRow{
			{Code: "LDTT", Name: norm.NFD.String("Lao động tiên tiến"), Level: "Cơ sở", Own: true, People: []int{120, 124, 126, 130, 131, 0}},
			{Code: "CSTDCS", Name: "Chiến sĩ thi đua cơ sở", Level: "Cơ sở", Own: true, People: []int{14, 15, 15, 16, 17, 0}},
			{Code: "GK_GD", Name: "Giấy khen của Giám đốc", Level: "Cơ sở", Own: true, People: []int{10, 8, 12, 9, 11, 3}, Collectives: []int{2, 1, 3, 2, 2, 1}},
			{Code: "BK_TGD", Name: "Bằng khen của Tổng Giám đốc", Level: "Bộ, ngành", People: []int{3, 4, 2, 5, 4, 0}, Collectives: []int{1, 1, 2, 1, 1, 0}},
			{Code: "BK_TTG", Name: "Bằng khen của Thủ tướng Chính phủ", Level: "Nhà nước", People: []int{0, 1, 0, 1}},
		},
		Initiatives: []docs.PeriodScopeRow{
			{Scope: domain.ScopeGrassroots, Counts: []int{5, 6, 4, 7, 8, 2}},
			{Scope: domain.ScopeMinistry, Counts: []int{0, 1, 0, 1, 2, 0}},
			{Scope: domain.ScopeNational, Counts: []int{0, 0, 0, 0, 0, 0}},
		},
		Movements: []docs.PeriodMovementRow{
			{Name: "Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị", Met: []int{3, 4, 4, 3, 4, 2}, Measured: []int{4, 4, 4, 4, 4, 3}},
			{Name: "Phong trào thi đua “Đẩy mạnh cải cách hành chính, chuyển đổi số”", Met: []int{0, 0, 2, 2, 3, 0}, Measured: []int{0, 0, 3, 3, 3, 0}},
			{Name: "Phong trào “Xanh - Sạch - Đẹp”"},
		},
		ClusterRanks: []int{2, 1, 3, 1, 2, 0},
	}
}

// calc is the value a formula cell calculates to, as a number's raw text.
func calc(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

// rowOf finds the row whose column col reads text, from row 4 on.
func rowOf(t *testing.T, f *excelize.File, sheet string, col int, text string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r := 3; r < len(rows); r++ {
		if col-1 < len(rows[r]) && rows[r][col-1] == text {
			return r + 1
		}
	}
	t.Fatalf("%s: no row with %q in column %d", sheet, text, col)
	return 0
}

// checkSum checks a formula cell: the formula, and that both its cached
// value and what it calculates to are want.
func checkSum(t *testing.T, f *excelize.File, sheet, cell, wantFormula string, want int) {
	t.Helper()
	if got := formulaOf(t, f, sheet, cell); got != wantFormula {
		t.Errorf("%s!%s formula %q, want %q", sheet, cell, got, wantFormula)
	}
	w := strconv.Itoa(want)
	if got := raw(t, f, sheet, cell); got != w {
		t.Errorf("%s!%s cached %q, want %s", sheet, cell, got, w)
	}
	if got := calc(t, f, sheet, cell); got != w {
		t.Errorf("%s!%s calculates to %q, want %s", sheet, cell, got, w)
	}
}

func TestWritePeriodReport(t *testing.T) {
	in := ydPeriod()
	b := writeBook(t, func(w io.Writer) error { return WritePeriodReport(in, w) })
	f := openBook(t, b)
	if got := f.GetSheetList(); strings.Join(got, ",") != "Khen thưởng,Sáng kiến,Phong trào,Xếp hạng cụm" {
		t.Fatalf("sheets %q", got)
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != "Tổng kết phong trào thi đua yêu nước giai đoạn 2020 - 2025" || props.Creator != "Bảo hiểm xã hội tỉnh Hà Tĩnh" {
		t.Errorf("document properties %+v", props)
	}
	years := len(in.Years)

	// Khen thưởng: years in D..I, the total in J.
	const kt = SheetPeriodAwards
	if got := get(t, f, kt, "A1"); got != "TỔNG KẾT PHONG TRÀO THI ĐUA YÊU NƯỚC GIAI ĐOẠN 2020 - 2025 – Bảo hiểm xã hội tỉnh Hà Tĩnh" {
		t.Errorf("title %q", got)
	}
	wantHeader := []string{"STT", "Danh hiệu, hình thức khen thưởng", "Cấp", "Năm 2020", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025", "Cả giai đoạn"}
	for i, h := range wantHeader {
		if got := get(t, f, kt, ref(i+1, 3)); got != h {
			t.Errorf("%s header %d = %q, want %q", kt, i+1, got, h)
		}
	}
	if get(t, f, kt, "A4") != "A" || get(t, f, kt, "B4") != "KHEN THƯỞNG THUỘC THẨM QUYỀN CỦA GIÁM ĐỐC" || get(t, f, kt, "A8") != "B" {
		t.Errorf("group rows: %q %q %q", get(t, f, kt, "A4"), get(t, f, kt, "B4"), get(t, f, kt, "A8"))
	}
	const firstYear, totalCol = 4, 10
	grand := make([]int, years)
	group := map[bool][]int{true: make([]int, years), false: make([]int, years)}
	var leaves []int
	for _, a := range in.Awards {
		r := rowOf(t, f, kt, 2, norm.NFC.String(a.Name))
		leaves = append(leaves, r)
		if get(t, f, kt, ref(3, r)) != a.Level {
			t.Errorf("%s level %q", a.Code, get(t, f, kt, ref(3, r)))
		}
		sum := 0
		for k := range years {
			want := 0
			if k < len(a.People) {
				want += a.People[k]
			}
			if k < len(a.Collectives) {
				want += a.Collectives[k]
			}
			c := ref(firstYear+k, r)
			if !isNumber(t, f, kt, c) || raw(t, f, kt, c) != strconv.Itoa(want) {
				t.Errorf("%s %d: %q, want the number %d", a.Code, in.Years[k], raw(t, f, kt, c), want)
			}
			sum += want
			grand[k] += want
			group[a.Own][k] += want
		}
		checkSum(t, f, kt, ref(totalCol, r), fmt.Sprintf("SUM(D%d:I%d)", r, r), sum)
	}
	for own, r := range map[bool]int{true: 4, false: 8} {
		sum := 0
		for k := range years {
			sum += group[own][k]
			if got := calc(t, f, kt, ref(firstYear+k, r)); got != strconv.Itoa(group[own][k]) {
				t.Errorf("group row %d, %d: %q, want %d", r, in.Years[k], got, group[own][k])
			}
		}
		checkSum(t, f, kt, ref(totalCol, r), fmt.Sprintf("SUM(D%d:I%d)", r, r), sum)
	}
	totalRow := rowOf(t, f, kt, 2, "Tổng cộng")
	if totalRow != leaves[len(leaves)-1]+1 {
		t.Errorf("Tổng cộng at row %d, want right under the last award", totalRow)
	}
	all := 0
	for k := range years {
		col := colName(firstYear + k)
		checkSum(t, f, kt, ref(firstYear+k, totalRow), fmt.Sprintf("SUM(%[1]s5:%[1]s7,%[1]s9:%[1]s10)", col), grand[k])
		all += grand[k]
	}
	checkSum(t, f, kt, ref(totalCol, totalRow), fmt.Sprintf("SUM(D%d:I%d)", totalRow, totalRow), all)
	checkSheetShape(t, b, f, kt, 1, "A3:J10")

	lđtt := 0
	for _, n := range in.Awards[0].People {
		lđtt += n
	}
	// Live: a corrected count moves its row's total, its group's and the
	// grand totals, and nothing twice.
	if err := f.SetCellValue(kt, "E5", in.Awards[0].People[1]+6); err != nil { // LĐTT 2021
		t.Fatal(err)
	}
	for cell, want := range map[string]int{"J5": lđtt + 6, "E4": group[true][1] + 6, "E11": grand[1] + 6, "J11": all + 6} {
		if got := calc(t, f, kt, cell); got != strconv.Itoa(want) {
			t.Errorf("after E5 + 6, %s = %q, want %d", cell, got, want)
		}
	}

	// Sáng kiến: years in C..H, the total in I, no group rows.
	const sk = SheetPeriodInitiatives
	grand = make([]int, years)
	all = 0
	for i, s := range in.Initiatives {
		r := 4 + i
		if get(t, f, sk, ref(2, r)) != s.Scope.Label() || raw(t, f, sk, ref(1, r)) != strconv.Itoa(i+1) {
			t.Errorf("scope row %d: %q", r, get(t, f, sk, ref(2, r)))
		}
		sum := 0
		for k, c := range s.Counts {
			sum += c
			grand[k] += c
		}
		all += sum
		checkSum(t, f, sk, ref(9, r), fmt.Sprintf("SUM(C%d:H%d)", r, r), sum)
	}
	if get(t, f, sk, "B7") != "Tổng cộng" {
		t.Fatalf("Sáng kiến total row %q", get(t, f, sk, "B7"))
	}
	for k := range years {
		col := colName(3 + k)
		checkSum(t, f, sk, ref(3+k, 7), fmt.Sprintf("SUM(%[1]s4:%[1]s6)", col), grand[k])
	}
	checkSum(t, f, sk, "I7", "SUM(C7:H7)", all)
	checkSheetShape(t, b, f, sk, 1, "A3:I6")

	// Phong trào: a year is two columns (C:D is 2020 … M:N is 2025), then
	// the period's met in O, measured in P and rate in Q.
	const pt = SheetPeriodMovements
	merges, err := f.GetMergeCells(pt)
	if err != nil {
		t.Fatal(err)
	}
	merged := map[string]string{}
	for _, m := range merges {
		merged[m.GetStartAxis()+":"+m.GetEndAxis()] = m.GetCellValue()
	}
	for rng, want := range map[string]string{"A3:A4": "STT", "B3:B4": "Phong trào thi đua", "C3:D3": "Năm 2020", "M3:N3": "Năm 2025", "O3:Q3": "Cả giai đoạn"} {
		if merged[rng] != want {
			t.Errorf("merge %s = %q, want %q (all: %v)", rng, merged[rng], want, merged)
		}
	}
	if get(t, f, pt, "C4") != "Đạt" || get(t, f, pt, "D4") != "Có kết quả" || get(t, f, pt, "Q4") != "Tỷ lệ (%)" {
		t.Error("second header row")
	}
	yMet, yMeasured := make([]int, years), make([]int, years)
	allMet, allMeasured := 0, 0
	for i, m := range in.Movements {
		r := 5 + i
		met, measured := 0, 0
		var metRefs, measuredRefs []string
		for k := range years {
			a, n := 0, 0
			if k < len(m.Met) {
				a, n = m.Met[k], m.Measured[k]
			}
			metCell, measuredCell := ref(3+2*k, r), ref(4+2*k, r)
			metRefs, measuredRefs = append(metRefs, metCell), append(measuredRefs, measuredCell)
			wantMet, wantMeasured := strconv.Itoa(a), strconv.Itoa(n)
			if a == 0 && n == 0 {
				wantMet, wantMeasured = "", "" // a year without a result is blank, as the report prints it
			}
			if raw(t, f, pt, metCell) != wantMet || raw(t, f, pt, measuredCell) != wantMeasured {
				t.Errorf("movement %d, %d: %q/%q", i+1, in.Years[k], raw(t, f, pt, metCell), raw(t, f, pt, measuredCell))
			}
			met, measured = met+a, measured+n
			yMet[k], yMeasured[k] = yMet[k]+a, yMeasured[k]+n
		}
		allMet, allMeasured = allMet+met, allMeasured+measured
		checkSum(t, f, pt, ref(15, r), "SUM("+strings.Join(metRefs, ",")+")", met)
		checkSum(t, f, pt, ref(16, r), "SUM("+strings.Join(measuredRefs, ",")+")", measured)
		if got := formulaOf(t, f, pt, ref(17, r)); got != fmt.Sprintf(`IFERROR(O%d/P%d*100,"")`, r, r) {
			t.Errorf("rate formula of row %d: %q", r, got)
		}
		want := ""
		if measured > 0 {
			want = strconv.FormatFloat(100*float64(met)/float64(measured), 'f', 4, 64)
		}
		if got := calc(t, f, pt, ref(17, r)); !sameRate(got, want) || !sameRate(raw(t, f, pt, ref(17, r)), want) {
			t.Errorf("rate of row %d: calculated %q, cached %q, want %s", r, got, raw(t, f, pt, ref(17, r)), want)
		}
	}
	totalRow = 5 + len(in.Movements)
	if get(t, f, pt, ref(2, totalRow)) != "Tổng cộng" {
		t.Fatalf("Phong trào total row %q", get(t, f, pt, ref(2, totalRow)))
	}
	for k := range years {
		checkSum(t, f, pt, ref(3+2*k, totalRow), fmt.Sprintf("SUM(%[1]s5:%[1]s7)", colName(3+2*k)), yMet[k])
		checkSum(t, f, pt, ref(4+2*k, totalRow), fmt.Sprintf("SUM(%[1]s5:%[1]s7)", colName(4+2*k)), yMeasured[k])
	}
	if got, want := calc(t, f, pt, ref(17, totalRow)), strconv.FormatFloat(100*float64(allMet)/float64(allMeasured), 'f', 4, 64); !sameRate(got, want) {
		t.Errorf("period rate %q, want %s", got, want)
	}
	checkSheetShape(t, b, f, pt, 2, "A4:Q7")

	// Xếp hạng cụm: a year a row, an unranked year blank with a note.
	const xh = SheetPeriodRanks
	for k, y := range in.Years {
		r := 4 + k
		want := ""
		if in.ClusterRanks[k] > 0 {
			want = strconv.Itoa(in.ClusterRanks[k])
		}
		if raw(t, f, xh, ref(1, r)) != strconv.Itoa(y) || raw(t, f, xh, ref(2, r)) != want {
			t.Errorf("rank row %d: %q %q", r, raw(t, f, xh, ref(1, r)), raw(t, f, xh, ref(2, r)))
		}
	}
	if get(t, f, xh, "C9") != "Chưa có kết quả xếp hạng" {
		t.Errorf("unranked note %q", get(t, f, xh, "C9"))
	}
	checkSheetShape(t, b, f, xh, 1, "A3:C9")
}

// sameRate compares two rates to two decimals; "" matches only "".
func sameRate(got, want string) bool {
	if got == "" || want == "" {
		return got == want
	}
	g, err1 := strconv.ParseFloat(got, 64)
	w, err2 := strconv.ParseFloat(want, 64)
	return err1 == nil && err2 == nil && g-w < 0.005 && w-g < 0.005
}

func TestWritePeriodReport_Empty(t *testing.T) {
	in := docs.PeriodInput{Profile: ydProfile(), Period: domain.Period{FromYear: 2020, ToYear: 2025}}
	b := writeBook(t, func(w io.Writer) error { return WritePeriodReport(in, w) })
	f := openBook(t, b)
	if get(t, f, SheetPeriodAwards, "D3") != "Năm 2020" || get(t, f, SheetPeriodAwards, "B4") != "Tổng cộng" {
		t.Errorf("empty awards sheet: %q %q", get(t, f, SheetPeriodAwards, "D3"), get(t, f, SheetPeriodAwards, "B4"))
	}
	if got := calc(t, f, SheetPeriodAwards, "J4"); got != "0" {
		t.Errorf("empty total %q", got)
	}
	if got := calc(t, f, SheetPeriodMovements, "Q5"); got != "" {
		t.Errorf("rate with nothing measured %q, want blank", got)
	}
}

func TestWritePeriodReport_LibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	in := ydPeriod()
	// The sums the first sheet shows: every award over the period, and the
	// director's and everybody's in 2021.
	all, own2021, all2021 := 0, 0, 0
	for _, a := range in.Awards {
		for _, xs := range [][]int{a.People, a.Collectives} {
			for k, n := range xs {
				all += n
				if k == 1 {
					all2021 += n
					if a.Own {
						own2021 += n
					}
				}
			}
		}
	}
	lđtt := 0
	for _, n := range in.Awards[0].People {
		lđtt += n
	}
	b := writeBook(t, func(w io.Writer) error { return WritePeriodReport(in, w) })
	rows := soffice(t, b, false)
	if len(rows) < 11 || rows[10][1] != "Tổng cộng" || rows[10][9] != strconv.Itoa(all) {
		t.Fatalf("cached total row %q, want the total %d", rows[min(10, len(rows)-1)], all)
	}
	// Corrected with a tool that does not recalculate, the totals follow
	// once LibreOffice calculates the formulas.
	f := openBook(t, b)
	if err := f.SetCellValue(SheetPeriodAwards, "E5", in.Awards[0].People[1]+6); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	rows = soffice(t, buf.Bytes(), true)
	for _, c := range []struct {
		name      string
		row, col  int
		wantValue int
	}{{"J5", 4, 9, lđtt + 6}, {"E4", 3, 4, own2021 + 6}, {"E11", 10, 4, all2021 + 6}, {"J11", 10, 9, all + 6}} {
		if got := rows[c.row][c.col]; got != strconv.Itoa(c.wantValue) {
			t.Errorf("after the change, %s = %q, want %d", c.name, got, c.wantValue)
		}
	}
}
