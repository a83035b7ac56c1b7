package docs

import (
	"strings"
	"testing"

	"tdkt/internal/domain"
)

func fixtureModels() ModelsInput {
	person := func(code, name, unit string, votes int, voted, delegate bool, reasons ...string) domain.ExemplaryModel {
		m := domain.ExemplaryModel{ExemplaryCandidate: domain.ExemplaryCandidate{Subject: domain.PersonSubject(code), Name: name, Unit: unit},
			Voted: voted, VotesFor: votes, Delegate: delegate}
		for _, r := range reasons {
			m.Reasons = append(m.Reasons, domain.ModelReason{Criterion: "dien_hinh.person_titles", Text: r})
		}
		return m
	}
	ms := []domain.ExemplaryModel{
		{ExemplaryCandidate: domain.ExemplaryCandidate{Subject: domain.UnitSubject("HT01"), Name: "Phòng Quản lý thu",
			Reasons: []domain.ModelReason{{Criterion: "dien_hinh.ttldxs_years", Text: "3 năm đạt Tập thể lao động xuất sắc (2021, 2022, 2023)"}}},
			Voted: true, VotesFor: 50},
		person("HT001", "Lê Thị Ánh", "Văn phòng", 31, true, true, "Chiến sĩ thi đua cấp bộ, ngành năm 2023", "Sáng kiến “Số hóa hồ sơ” phạm vi bộ, ngành, năm 2022"),
		person("HT002", "Trần Văn Bình", "Phòng Thu", 30, true, false, "Bằng khen của Thủ tướng Chính phủ năm 2024"),
		person("HT003", "Phạm Thu Hà", "Văn phòng", 0, false, false, "Người tốt, việc tốt"),
	}
	ms[1].Account = "Đồng chí Lê Thị Ánh gắn bó với công tác văn phòng hơn 20 năm.\nChủ trì số hóa 120.000 hồ sơ lưu trữ."
	return ModelsInput{Profile: fixtureProfile(), Period: domain.Period{FromYear: 2020, ToYear: 2025, Congress: "Đại hội Thi đua yêu nước ngành Bảo hiểm xã hội Việt Nam lần thứ VI", Delegates: 3},
		Conference: domain.Conference{Date: domain.NewDate(2025, 8, 15), Members: 60, Present: 57}, Threshold: 50, Models: ms, Date: domain.NewDate(2025, 8, 20)}
}

// The conference selects a model with more than half of the delegates
// called (31 of 60), not with exactly half (30 of 60) nor one not voted
// on; the booklet gives each selected model a page, the list the
// delegates named.
func TestModels_MinutesBookletDelegates(t *testing.T) {
	in := fixtureModels()
	m := ConferenceMinutes(in)
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	txt := dtexts(m)
	for _, w := range []string{"Số đại biểu được triệu tập: 60; số đại biểu có mặt: 57; vắng mặt: 3.", "trên 50%",
		"Lê Thị Ánh | Văn phòng | 31 | 51,7% | Đạt", "Trần Văn Bình | Phòng Thu | 30 | 50% | Không đạt", "Phạm Thu Hà | Văn phòng |  |  | Chưa bầu",
		"lựa chọn 1 tập thể và 1 cá nhân là gương điển hình tiên tiến giai đoạn 2020 - 2025"} {
		if !strings.Contains(txt, w) {
			t.Errorf("minutes lack %q:\n%s", w, txt)
		}
	}
	b := ModelsBooklet(in)
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	breaks := 0
	for _, bl := range b.Body {
		if _, ok := bl.(PageBreak); ok {
			breaks++
		}
	}
	bt := dtexts(b)
	if breaks != 2 || !strings.Contains(bt, "LÊ THỊ ÁNH") || strings.Contains(bt, "TRẦN VĂN BÌNH") || !strings.Contains(bt, "Chủ trì số hóa 120.000 hồ sơ lưu trữ.") ||
		!strings.Contains(bt, "- Chiến sĩ thi đua cấp bộ, ngành năm 2023;") {
		t.Errorf("booklet (%d pages of models):\n%s", breaks, bt)
	}
	d := DelegateList(in)
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	dt := dtexts(d)
	if !strings.Contains(dt, "Số đại biểu được phân bổ: 3; số đại biểu đề nghị: 1.") || !strings.Contains(dt, "Lê Thị Ánh | Văn phòng | Chiến sĩ thi đua cấp bộ, ngành năm 2023; Sáng kiến") {
		t.Errorf("delegate list:\n%s", dt)
	}
}
