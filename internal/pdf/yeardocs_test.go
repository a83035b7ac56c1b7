package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// The year's documents (bản đăng ký, báo cáo tự chấm điểm, sơ kết) built by
// package docs from generated offices, rendered and read back as a person
// would read them.

var (
	yearFamilies = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	yearMiddles  = []string{"Văn", "Thị", "Đức", "Minh", "Thị Thu", "Quốc", "Hữu", "Ngọc"}
	yearGivens   = []string{"An", "Ánh", "Bình", "Chi", "Dũng", "Đức", "Giang", "Hằng", "Hiếu", "Hùng", "Hương", "Khánh", "Linh", "Lộc", "Mai", "Nguyệt", "Phượng", "Quỳnh", "Sơn", "Thủy", "Tường", "Uyên", "Việt", "Yến"}
	yearUnits    = []string{"Phòng Quản lý thu và Phát triển người tham gia", "Phòng Giám định bảo hiểm y tế", "Phòng Chế độ bảo hiểm xã hội", "Phòng Kế hoạch - Tài chính", "Văn phòng", "Phòng Công nghệ thông tin", "Bảo hiểm xã hội cơ sở Hồng Lĩnh", "Bảo hiểm xã hội cơ sở Kỳ Anh", "Bảo hiểm xã hội cơ sở Thạch Hà", "Bảo hiểm xã hội cơ sở Hương Khê", "Bảo hiểm xã hội cơ sở Đức Thọ", "Bảo hiểm xã hội cơ sở Nghi Xuân"}
	yearLDTT     = docs.AwardName{Code: "LDTT", Name: "Lao động tiên tiến"}
	yearCSTDCS   = docs.AwardName{Code: "CSTDCS", Name: "Chiến sĩ thi đua cơ sở"}
	yearTTLDXS   = docs.AwardName{Code: "TTLDXS", Name: "Tập thể lao động xuất sắc"}
	yearCoverage = domain.Target{ID: 1, Name: "Tỷ lệ bao phủ BHYT", Unit: "%", HigherBetter: true, SortOrder: 1}
	yearRevenue  = domain.Target{ID: 2, Name: "Số thu BHXH, BHYT, BHTN", Unit: "tỷ đồng", HigherBetter: true, SortOrder: 2}
	yearArrears  = domain.Target{ID: 3, Name: "Tỷ lệ nợ đóng", Unit: "%", SortOrder: 3}
)

func yearProfile() domain.OfficeProfile {
	return domain.OfficeProfile{
		UnitCode: "HT", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", ParentName: "Bảo hiểm xã hội Việt Nam",
		Place: "Hà Tĩnh", Director: domain.Signer{Name: "Nguyễn Văn Hùng", Position: "Giám đốc"}, DocNumberCode: "BHXH",
	}
}

// yearRegistration is the registration of an office of staff people spread
// over units units (at most len(yearUnits)), names given decomposed (NFD).
func yearRegistration(staff, units int) docs.RegistrationInput {
	in := docs.RegistrationInput{
		Profile: yearProfile(), Year: 2026, Date: domain.MustDate("15/01/2026"), Number: 7,
		Movements: []domain.Movement{{ID: 1, Name: "Phong trào thi đua thực hiện thắng lợi nhiệm vụ năm 2026", DocNo: "15/KH-BHXH",
			DocDate: domain.MustDate("10/01/2026"), Issuer: "Bảo hiểm xã hội Việt Nam", FromYear: 2026,
			Targets: []domain.Target{yearCoverage, yearRevenue, yearArrears}}},
	}
	in.Collectives = append(in.Collectives, docs.CollectiveEntry{
		Unit:   domain.Unit{Code: "HT", Name: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Kind: domain.UnitProvince},
		Awards: []docs.AwardName{{Code: "CO", Name: "Cờ thi đua của Bảo hiểm xã hội Việt Nam"}},
		Targets: []docs.TargetLine{
			{Target: yearCoverage, Planned: 95.5}, {Target: yearRevenue, Planned: 5200}, {Target: yearArrears, Planned: 1.8},
		},
	})
	for u := range units {
		in.Collectives = append(in.Collectives, docs.CollectiveEntry{
			Unit:    domain.Unit{Code: fmt.Sprintf("HT%02d", u+1), Name: norm.NFD.String(yearUnits[u]), ParentCode: "HT"},
			Awards:  []docs.AwardName{yearTTLDXS},
			Targets: []docs.TargetLine{{Target: yearCoverage, Planned: 95 + float64(u)/10}},
		})
	}
	for i := range staff {
		u := i * units / staff
		name := fmt.Sprintf("%s %s %s", yearFamilies[i%len(yearFamilies)], yearMiddles[(i/len(yearFamilies))%len(yearMiddles)], yearGivens[(i/3)%len(yearGivens)])
		awards := []docs.AwardName{yearLDTT}
		if i%9 == 0 {
			awards = append(awards, yearCSTDCS)
		}
		in.Individuals = append(in.Individuals, docs.IndividualEntry{
			Person: domain.Person{ID: int64(i + 1), StaffCode: fmt.Sprintf("HT%05d", i+1), FullName: norm.NFD.String(name),
				Position: "Chuyên viên", UnitCode: fmt.Sprintf("HT%02d", u+1), Gender: domain.Female,
				BirthDate: domain.NewDate(1970+i%30, time.Month(1+i%12), 1+i%28)},
			UnitName: norm.NFD.String(yearUnits[u]),
			Awards:   awards,
		})
	}
	return in
}

func yearAssessment() docs.AssessmentInput {
	crit := func(code, parent, name string, max float64, m domain.ScoringMethod) domain.Criterion {
		return domain.Criterion{Year: 2026, Code: code, ParentCode: parent, Name: norm.NFD.String(name), MaxPoints: max, Method: m}
	}
	return docs.AssessmentInput{
		Profile: yearProfile(), Year: 2026, Date: domain.MustDate("20/12/2026"),
		Cluster: domain.Cluster{Name: "Cụm 5", Members: []domain.ClusterMember{{Name: "Bảo hiểm xã hội tỉnh Quảng Ninh", Role: domain.RoleLeader}}},
		Sheet: domain.NewScoreSheet([]domain.Criterion{
			crit("I", "", "Thực hiện các chỉ tiêu chuyên môn", 60, ""),
			crit("I.1", "I", "Tỷ lệ bao phủ bảo hiểm y tế so với kế hoạch được giao", 30, domain.MethodProportional),
			crit("I.2", "I", "Số thu", 20, domain.MethodProportional),
			crit("I.3", "I", "Nợ đóng", 10, domain.MethodPassFail),
			crit("II", "", "Công tác thi đua, khen thưởng", 40, ""),
			crit("II.1", "II", "Ban hành kế hoạch", 20, domain.MethodManual),
			crit("II.2", "II", "Cải cách hành chính, chuyển đổi số", 20, domain.MethodManual),
		}, []domain.SelfScore{
			{Code: "I.1", Score: 30, Note: "Đạt 101,2% kế hoạch", Attachments: []string{"Báo cáo số 12/BC-BHXH ngày 05/12/2026"}},
			{Code: "I.2", Score: 19.5}, {Code: "I.3", Score: 8}, {Code: "II.1", Score: 19}, {Code: "II.2", Score: 15},
		}),
		Targets: []docs.TargetLine{
			{Target: yearCoverage, Planned: 93.4, Actual: 94.5, HasActual: true},
			{Target: yearRevenue, Planned: 5200, Actual: 5123.4, HasActual: true},
			{Target: yearArrears, Planned: 2, Actual: 1.8, HasActual: true},
		},
		Ratings: []docs.RatingCount{{Rating: domain.HTXSNV, People: 30, Units: 3}, {Rating: domain.HTTNV, People: 250, Units: 9}, {Rating: domain.HTNV, People: 4}},
	}
}

func yearReview(years ...int) docs.MovementReviewInput {
	in := docs.MovementReviewInput{
		Profile: yearProfile(), Years: years, UnitCode: "HT", Date: domain.MustDate("05/12/2025"),
		Movement: domain.Movement{ID: 2, Name: "Phong trào thi đua “Đẩy mạnh cải cách hành chính, chuyển đổi số”", FromYear: 2021, ToYear: 2025,
			Targets: []domain.Target{yearCoverage, yearRevenue, yearArrears}},
		Values: map[int64]map[int]domain.TargetValue{1: {}, 2: {}, 3: {}},
	}
	for i, y := range years {
		in.Values[1][y] = domain.TargetValue{Year: y, TargetID: 1, Planned: 90 + float64(i), Actual: 90.4 + float64(i), HasActual: true}
		in.Values[2][y] = domain.TargetValue{Year: y, TargetID: 2, Planned: 4000 + 300*float64(i), Actual: 4010 + 300*float64(i), HasActual: true}
		in.Values[3][y] = domain.TargetValue{Year: y, TargetID: 3, Planned: 2, Actual: 1.7, HasActual: true}
	}
	return in
}

func TestRegistration_RoundTrip(t *testing.T) {
	in := yearRegistration(60, 4)
	b := render(t, docs.Registration(in))
	raw := flat(pdftotext(t, b, "-raw"))
	if !norm.NFC.IsNormalString(raw) {
		t.Error("extracted text is not NFC")
	}
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH",
		"Số: 07/ĐK-BHXH", "Hà Tĩnh, ngày 15 tháng 01 năm 2026",
		"BẢN ĐĂNG KÝ THI ĐUA", "Danh hiệu thi đua và hình thức khen thưởng năm 2026",
		"Kính gửi: Bảo hiểm xã hội Việt Nam",
		"I. ĐĂNG KÝ TẬP THỂ", "II. ĐĂNG KÝ CÁ NHÂN",
		"Tỷ lệ bao phủ BHYT: 95,5%", "Số thu BHXH, BHYT, BHTN: 5.200 tỷ đồng",
		"Tổng số: 60 người đăng ký; trong đó: Lao động tiên tiến: 60 người; Chiến sĩ thi đua cơ sở: 7 người.",
		"GIÁM ĐỐC", "Nguyễn Văn Hùng", "Nơi nhận:", "- Lưu: VT, TĐKT.",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, u := range yearUnits[:4] {
		if n := strings.Count(raw, u); n < 2 { // in the collective table and as a group row
			t.Errorf("unit %q appears %d times, want at least 2", u, n)
		}
	}
	for _, p := range in.Individuals {
		if name := norm.NFC.String(p.Person.FullName); !strings.Contains(raw, name) {
			t.Errorf("PDF text lacks %q", name)
		}
	}
	if n := pageCount(b); n < 2 {
		t.Errorf("%d pages for 60 people; the list should run over", n)
	}
	// The header repeats on every page of the people's table.
	for pg := 2; pg <= pageCount(b); pg++ {
		text := flat(pdftotext(t, b, "-raw", "-f", fmt.Sprint(pg), "-l", fmt.Sprint(pg)))
		if strings.Contains(text, "Chuyên viên") && !strings.Contains(text, "Danh hiệu đăng ký") {
			t.Errorf("page %d continues the list without its header", pg)
		}
	}
}

func TestAssessment_RoundTrip(t *testing.T) {
	b := render(t, docs.Assessment(yearAssessment()))
	raw := flat(pdftotext(t, b, "-raw"))
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH",
		"BÁO CÁO", "Tự đánh giá, chấm điểm thi đua năm 2026",
		"Bảo hiểm xã hội tỉnh Quảng Ninh (Cụm trưởng Cụm thi đua số 5)",
		"Tỷ lệ bao phủ BHYT đạt 94,5% (kế hoạch 93,4%)",
		"I.1", "Tỷ lệ bao phủ bảo hiểm y tế so với kế hoạch được giao",
		"TỔNG CỘNG 100 91,5", "Tổng số điểm tự chấm: 91,5/100 điểm.",
		"Hoàn thành xuất sắc nhiệm vụ (HTXSNV) 30 10,6 3",
		"Nguyễn Văn Hùng",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

func TestMovementReview_RoundTrip(t *testing.T) {
	for _, years := range [][]int{{2021, 2022, 2023}, {2021, 2022, 2023, 2024, 2025}} {
		b := render(t, docs.MovementReview(yearReview(years...)))
		raw := flat(pdftotext(t, b, "-raw"))
		for _, want := range []string{"BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", "Số liệu phục vụ", "Tỷ lệ nợ đóng", "4.010"} {
			if !strings.Contains(raw, want) {
				t.Errorf("%v: PDF text lacks %q", years, want)
			}
		}
		for _, y := range years {
			if !strings.Contains(raw, fmt.Sprint(y)) {
				t.Errorf("%v: no column for %d", years, y)
			}
		}
		if !bytes.Contains(b, []byte("/MediaBox [0 0 841.89 595.28]")) {
			t.Errorf("%v: the review is not landscape A4", years)
		}
	}
}

// TestWriteYearDocs writes the year's documents to $PDFCHECK_DIR, to look
// at them with pdftoppm; it does nothing otherwise.
func TestWriteYearDocs(t *testing.T) {
	dir := os.Getenv("PDFCHECK_DIR")
	if dir == "" {
		t.Skip("set PDFCHECK_DIR to write the year's documents")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]docs.Document{
		"registration.pdf": docs.Registration(yearRegistration(40, 4)),
		"assessment.pdf":   docs.Assessment(yearAssessment()),
		"review3.pdf":      docs.MovementReview(yearReview(2021, 2022, 2023)),
		"review5.pdf":      docs.MovementReview(yearReview(2021, 2022, 2023, 2024, 2025)),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), render(t, doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkRegistration_2000Staff builds and renders the registration of an
// office of 2,000 people in 12 units (about 90 pages).
func BenchmarkRegistration_2000Staff(b *testing.B) {
	in := yearRegistration(2000, len(yearUnits))
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Render(docs.Registration(in), &buf); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len())/1024, "KiB")
	}
}
