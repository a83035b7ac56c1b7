package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// periodInput is the review of 2020 - 2025 of the generated office, names
// decomposed (NFD), with every table of the report and two models.
func periodInput() docs.PeriodInput {
	return docs.PeriodInput{
		Profile: yearProfile(),
		Period: domain.Period{Name: "Giai đoạn 2020 - 2025", FromYear: 2020, ToYear: 2025,
			Congress: norm.NFD.String("Đại hội Thi đua yêu nước ngành Bảo hiểm xã hội Việt Nam lần thứ VI")},
		Date:  domain.MustDate("15/08/2025"),
		Years: []int{2020, 2021, 2022, 2023, 2024, 2025},
		Awards: []docs.PeriodAwardRow{
			{Code: "LDTT", Name: norm.NFD.String("Lao động tiên tiến"), Level: "Cơ sở", Own: true, People: []int{120, 124, 126, 130, 131, 0}},
			{Code: "CSTDCS", Name: "Chiến sĩ thi đua cơ sở", Level: "Cơ sở", Own: true, People: []int{14, 15, 15, 16, 17, 0}},
			{Code: "TTLDXS", Name: "Tập thể lao động xuất sắc", Level: "Cơ sở", Own: true, Collectives: []int{4, 5, 5, 6, 6, 0}},
			{Code: "BK_TGD", Name: "Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam", Level: "Bộ, ngành", People: []int{3, 4, 2, 5, 4, 0}, Collectives: []int{1, 1, 2, 1, 1, 0}},
			{Code: "BK_TTG", Name: "Bằng khen của Thủ tướng Chính phủ", Level: "Nhà nước", People: []int{0, 1, 0, 1, 0, 0}},
		},
		Initiatives: []docs.PeriodScopeRow{
			{Scope: domain.ScopeGrassroots, Counts: []int{5, 6, 4, 7, 8, 2}},
			{Scope: domain.ScopeMinistry, Counts: []int{0, 1, 0, 1, 2, 0}},
		},
		Movements: []docs.PeriodMovementRow{
			{Name: "Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị", Met: []int{3, 4, 4, 3, 4, 2}, Measured: []int{4, 4, 4, 4, 4, 3}},
			{Name: yearReview().Movement.Name, Met: []int{0, 0, 2, 2, 3, 0}, Measured: []int{0, 0, 3, 3, 3, 0}},
		},
		ClusterRanks: []int{2, 1, 3, 1, 2, 0},
		Models: []domain.ExemplaryCandidate{
			{Subject: domain.UnitSubject("HT01"), Name: norm.NFD.String(yearUnits[0]), Reasons: []domain.ModelReason{
				{Text: "Tập thể lao động xuất sắc 3 năm liên tục (2022, 2023, 2024)"}, {Text: "Bằng khen của Tổng Giám đốc năm 2023"},
			}},
			{Subject: domain.PersonSubject("HT00012"), Name: norm.NFD.String("Hoàng Thị Ngọc Quỳnh"), Unit: norm.NFD.String(yearUnits[1]),
				Reasons: []domain.ModelReason{{Text: "Chiến sĩ thi đua cấp bộ, ngành năm 2024"}}},
		},
	}
}

func TestPeriodReport_RoundTrip(t *testing.T) {
	in := periodInput()
	doc := docs.PeriodReport(in)
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	b := render(t, doc)
	checkGeometry(t, "tổng kết giai đoạn", b)
	if !bytes.Contains(b, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("six years should print on portrait A4")
	}
	// The awards' Tổng cộng row as the input sums it, year by year.
	sums := make([]int, len(in.Years))
	all := 0
	for _, a := range in.Awards {
		for k := range in.Years {
			for _, xs := range [][]int{a.People, a.Collectives} {
				if k < len(xs) {
					sums[k] += xs[k]
					all += xs[k]
				}
			}
		}
	}
	total := "Tổng cộng"
	for _, n := range sums {
		total += " " + strconv.Itoa(n)
	}
	total += " " + strconv.Itoa(all)

	raw := flat(pdftotext(t, b, "-raw"))
	if !norm.NFC.IsNormalString(raw) {
		t.Error("extracted text is not NFC")
	}
	for _, want := range []string{
		"BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", "Số: /BC-BHXH", "Hà Tĩnh, ngày 15 tháng 8 năm 2025",
		"BÁO CÁO", "Tổng kết phong trào thi đua yêu nước giai đoạn 2020 - 2025",
		"tiến tới Đại hội Thi đua yêu nước ngành Bảo hiểm xã hội Việt Nam lần thứ VI",
		"I. KẾT QUẢ PHONG TRÀO THI ĐUA", "1. Kết quả thực hiện các phong trào thi đua", "2. Công tác khen thưởng",
		"3. Sáng kiến", "4. Kết quả xếp hạng trong cụm thi đua", "II. BÀI HỌC KINH NGHIỆM",
		"III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO", "IV. GƯƠNG ĐIỂN HÌNH TIÊN TIẾN",
		"A. KHEN THƯỞNG THUỘC THẨM QUYỀN CỦA GIÁM ĐỐC", "B. KHEN THƯỞNG CẤP TRÊN",
		"Lao động tiên tiến Cơ sở 120 124 126 130 131 0 631",
		total,
		"Tổng cộng 5 7 4 8 10 2 36",
		"- Năm 2021: xếp thứ 1;", "Hoàng Thị Ngọc Quỳnh", "Nguyễn Văn Hùng", "- Lưu: VT, TĐKT.",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// TestWritePeriodReport writes the period review to $PDFCHECK_DIR, to look
// at it with pdftoppm; it does nothing otherwise.
func TestWritePeriodReport(t *testing.T) {
	dir := os.Getenv("PDFCHECK_DIR")
	if dir == "" {
		t.Skip("set PDFCHECK_DIR to write the period review")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	in := periodInput()
	seven := periodInput()
	seven.Years = append([]int{2019}, seven.Years...)
	for name, doc := range map[string]docs.Document{
		"period.pdf":       docs.PeriodReport(in),
		"period-7yrs.pdf":  docs.PeriodReport(seven),
		"period-empty.pdf": docs.PeriodReport(docs.PeriodInput{Profile: yearProfile(), Period: in.Period, Date: in.Date}),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), render(t, doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
