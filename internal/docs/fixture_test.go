package docs

import (
	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

// The hand-made office of these tests: Bảo hiểm xã hội tỉnh Hà Tĩnh with
// three units and twelve people whose names come in decomposed (NFD), as
// some keyboards and PDF copies give them, to prove every document prints
// them precomposed.

var (
	lđtt   = AwardName{Code: "LDTT", Name: "Lao động tiên tiến"}
	cstđcs = AwardName{Code: "CSTDCS", Name: "Chiến sĩ thi đua cơ sở"}
	ttlđxs = AwardName{Code: "TTLDXS", Name: "Tập thể lao động xuất sắc"}
	ttlđtt = AwardName{Code: "TTLDTT", Name: "Tập thể lao động tiên tiến"}
	bkTGĐ  = AwardName{Code: "BK_TGD", Name: "Bằng khen của Tổng Giám đốc"}
)

func d(s string) string { return norm.NFD.String(s) }

func fixtureProfile() domain.OfficeProfile {
	return domain.OfficeProfile{
		UnitCode:      "HT",
		UnitName:      d("Bảo hiểm xã hội tỉnh Hà Tĩnh"),
		ParentName:    "Bảo hiểm xã hội Việt Nam",
		Place:         "Hà Tĩnh",
		Director:      domain.Signer{Name: d("Nguyễn Văn Hùng"), Position: "Giám đốc"},
		DocNumberCode: "BHXH",
	}
}

var (
	tgCoverage = domain.Target{ID: 1, MovementID: 1, Name: "Tỷ lệ bao phủ BHYT", Unit: "%", HigherBetter: true, SortOrder: 1}
	tgRevenue  = domain.Target{ID: 2, MovementID: 1, Name: "Số thu BHXH, BHYT, BHTN", Unit: "tỷ đồng", HigherBetter: true, SortOrder: 2}
	tgArrears  = domain.Target{ID: 3, MovementID: 1, Name: "Tỷ lệ nợ đóng", Unit: "%", HigherBetter: false, SortOrder: 3}
	tgDays     = domain.Target{ID: 4, MovementID: 1, Name: "Thời gian giải quyết hồ sơ", Unit: "ngày", HigherBetter: false, SortOrder: 4}
)

func fixtureMovement() domain.Movement {
	return domain.Movement{
		ID: 1, Name: "Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2026",
		DocNo: "15/KH-BHXH", DocDate: domain.MustDate("10/01/2026"), Issuer: "Bảo hiểm xã hội Việt Nam",
		Kind: domain.MovementRegular, FromYear: 2026,
		Targets: []domain.Target{tgCoverage, tgRevenue, tgArrears, tgDays},
	}
}

type fixturePerson struct {
	code, name, position, unit string
	awards                     []AwardName
}

var fixtureUnits = []domain.Unit{
	{Code: "HT", Name: d("Bảo hiểm xã hội tỉnh Hà Tĩnh"), Kind: domain.UnitProvince},
	{Code: "HT01", Name: d("Phòng Quản lý thu và Phát triển người tham gia"), ParentCode: "HT", Kind: domain.UnitDepartment},
	{Code: "HT02", Name: d("Phòng Giám định bảo hiểm y tế"), ParentCode: "HT", Kind: domain.UnitDepartment},
	{Code: "HT03", Name: d("Bảo hiểm xã hội cơ sở Hồng Lĩnh"), ParentCode: "HT", Kind: domain.UnitGrassroots},
}

var fixturePeople = []fixturePerson{
	{"HT0001", "Lê Thị Ánh", "Trưởng phòng", "HT01", []AwardName{lđtt, cstđcs}},
	{"HT0002", "Trần Văn Bình", "Phó Trưởng phòng", "HT01", []AwardName{lđtt}},
	{"HT0003", "Nguyễn Thị Hằng", "Chuyên viên", "HT01", []AwardName{lđtt}},
	{"HT0004", "Phạm Đức Long", "Chuyên viên", "HT01", []AwardName{lđtt}},
	{"HT0005", "Hoàng Thị Ngọc Quỳnh", "Trưởng phòng", "HT02", []AwardName{lđtt, cstđcs, bkTGĐ}},
	{"HT0006", "Đặng Văn Dũng", "Giám định viên", "HT02", []AwardName{lđtt}},
	{"HT0007", "Võ Thị Hương", "Giám định viên", "HT02", []AwardName{lđtt}},
	{"HT0008", "Bùi Quốc Việt", "Giám định viên", "HT02", []AwardName{lđtt}},
	{"HT0009", "Hồ Sỹ Tường", "Giám đốc BHXH cơ sở", "HT03", []AwardName{lđtt, cstđcs}},
	{"HT0010", "Dương Thị Thủy", "Kế toán", "HT03", []AwardName{lđtt}},
	{"HT0011", "Ngô Minh Đức", "Chuyên viên", "HT03", []AwardName{lđtt}},
	{"HT0012", "Đinh Thị Yến", "Văn thư", "HT03", []AwardName{lđtt}},
}

func unitName(code string) string {
	for _, u := range fixtureUnits {
		if u.Code == code {
			return u.Name
		}
	}
	return ""
}

func fixtureRegistration() RegistrationInput {
	in := RegistrationInput{
		Profile:   fixtureProfile(),
		Year:      2026,
		Date:      domain.MustDate("15/01/2026"),
		Number:    7,
		Movements: []domain.Movement{fixtureMovement()},
	}
	officeTargets := []TargetLine{
		{Target: tgCoverage, Movement: fixtureMovement().Name, Planned: 95.5},
		{Target: tgRevenue, Movement: fixtureMovement().Name, Planned: 5200},
		{Target: tgArrears, Movement: fixtureMovement().Name, Planned: 1.8},
	}
	in.Collectives = []CollectiveEntry{
		{Unit: fixtureUnits[0], Awards: []AwardName{{Code: "CO_BHXH", Name: "Cờ thi đua của Bảo hiểm xã hội Việt Nam"}}, Targets: officeTargets},
		{Unit: fixtureUnits[1], Awards: []AwardName{ttlđxs}, Targets: officeTargets[1:2]},
		{Unit: fixtureUnits[2], Awards: []AwardName{ttlđxs}},
		{Unit: fixtureUnits[3], Awards: []AwardName{ttlđtt}, Targets: []TargetLine{{Target: tgCoverage, Planned: 96}}},
	}
	for i, p := range fixturePeople {
		in.Individuals = append(in.Individuals, IndividualEntry{
			Person: domain.Person{
				ID: int64(i + 1), StaffCode: p.code, FullName: d(p.name), Position: d(p.position), UnitCode: p.unit,
				Gender: domain.Female, BirthDate: domain.NewDate(1980+i, 3, 1+i),
			},
			UnitName: unitName(p.unit),
			Awards:   p.awards,
		})
	}
	return in
}

func crit(code, parent, name string, max float64, m domain.ScoringMethod) domain.Criterion {
	return domain.Criterion{Year: 2026, Code: code, ParentCode: parent, Name: d(name), MaxPoints: max, Method: m}
}

func fixtureAssessment() AssessmentInput {
	criteria := []domain.Criterion{
		crit("I", "", "Thực hiện các chỉ tiêu chuyên môn", 60, ""),
		crit("I.1", "I", "Tỷ lệ bao phủ BHYT", 30, domain.MethodProportional),
		crit("I.2", "I", "Số thu", 20, domain.MethodProportional),
		crit("I.3", "I", "Nợ đóng", 10, domain.MethodPassFail),
		crit("II", "", "Công tác thi đua, khen thưởng", 40, ""),
		crit("II.1", "II", "Tổ chức phong trào", 20, ""),
		crit("II.1.a", "II.1", "Ban hành kế hoạch", 10, domain.MethodManual),
		crit("II.1.b", "II.1", "Sơ kết, tổng kết", 10, domain.MethodManual),
		crit("II.2", "II", "Cải cách hành chính", 20, domain.MethodManual),
		crit("III", "", "Điểm thưởng, điểm trừ", 0, ""),
		crit("III.1", "III", "Mô hình mới", 3, domain.MethodBonus),
		crit("III.2", "III", "Vi phạm kỷ luật", 5, domain.MethodPenalty),
	}
	scores := []domain.SelfScore{
		{Code: "I.1", Score: 30, Note: d("Đạt 101,2% kế hoạch"), Attachments: []string{"Báo cáo 12/BC-BHXH"}},
		{Code: "I.2", Score: 19.5}, {Code: "I.3", Score: 8},
		{Code: "II.1.a", Score: 10}, {Code: "II.1.b", Score: 8}, {Code: "II.2", Score: 15},
		{Code: "III.1", Score: 2}, {Code: "III.2", Score: -1},
	}
	mv := fixtureMovement().Name
	return AssessmentInput{
		Profile: fixtureProfile(),
		Year:    2026,
		Date:    domain.MustDate("20/12/2026"),
		Number:  0,
		Cluster: domain.Cluster{Year: 2026, Name: "Cụm 5", Members: []domain.ClusterMember{
			{Name: "Bảo hiểm xã hội tỉnh Quảng Ninh", Role: domain.RoleLeader},
			{Name: d("Bảo hiểm xã hội tỉnh Hà Tĩnh"), Own: true},
		}, Pact: "Giao ước 2026"},
		Sheet: domain.NewScoreSheet(criteria, scores),
		Targets: []TargetLine{
			{Target: tgCoverage, Movement: mv, Planned: 93.4, Actual: 94.5, HasActual: true},
			{Target: tgRevenue, Movement: mv, Planned: 5200, Actual: 5123.4, HasActual: true},
			{Target: tgArrears, Movement: mv, Planned: 2, Actual: 1.8, HasActual: true},
			{Target: tgDays, Movement: mv, Planned: 5},
		},
		Ratings: []RatingCount{
			{Rating: domain.HTXSNV, People: 3, Units: 1},
			{Rating: domain.HTTNV, People: 8, Units: 2},
			{Rating: domain.HTNV, People: 1},
		},
		Unrated: 0,
	}
}

func fixtureReview(years ...int) MovementReviewInput {
	m := fixtureMovement()
	m.FromYear, m.ToYear = 2021, 2025
	m.Name = "Đẩy mạnh cải cách hành chính"
	vals := map[int64]map[int]domain.TargetValue{}
	for _, tg := range m.Targets {
		vals[tg.ID] = map[int]domain.TargetValue{}
	}
	for i, y := range years {
		vals[1][y] = domain.TargetValue{Year: y, TargetID: 1, Planned: 90 + float64(i), Actual: 90.5 + float64(i), HasActual: true}
		vals[2][y] = domain.TargetValue{Year: y, TargetID: 2, Planned: 4000 + 300*float64(i), Actual: 3950 + 320*float64(i), HasActual: true}
		vals[3][y] = domain.TargetValue{Year: y, TargetID: 3, Planned: 2, Actual: 1.5, HasActual: true}
	}
	return MovementReviewInput{
		Profile:  fixtureProfile(),
		Movement: m,
		Years:    years,
		UnitCode: "HT",
		Values:   vals,
		Date:     domain.MustDate("05/12/2025"),
	}
}
