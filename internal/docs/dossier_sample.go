package docs

import (
	"fmt"
	"time"

	"tdkt/internal/domain"
)

// SampleDossier is a realistic year-end round of an office (Bảo hiểm xã
// hội tỉnh Hà Tĩnh, 2025) with people nominees spread over the awards the
// way offices propose (most for Lao động tiên tiến, a tenth for Chiến sĩ
// thi đua cơ sở, a few for Giấy khen, Chiến sĩ thi đua cấp bộ and Bằng
// khen), five collectives, a council of nine members with one absent voting
// by secret ballot, and the history, ratings, initiatives and targets a
// dossier prints. For previews, demos, tests and benchmarks.
func SampleDossier(people int) DossierInput {
	awards := map[string]string{
		"LDTT": "Lao động tiên tiến", "CSTDCS": "Chiến sĩ thi đua cơ sở", "CSTD_BO": "Chiến sĩ thi đua Bộ Tài chính",
		"TTLDTT": "Tập thể lao động tiên tiến", "TTLDXS": "Tập thể lao động xuất sắc", "GK": "Giấy khen",
		"BK_BO": "Bằng khen của Bộ trưởng Bộ Tài chính", "CO_BO": "Cờ thi đua của Bộ Tài chính",
	}
	// Who confers what in 2026: the office's titles and Giấy khen its
	// director, the ministry's awards the Minister of Finance through VSS.
	conferrals := map[string]Conferral{}
	for code, name := range awards {
		c := Conferral{Name: name, Authority: "GIAM_DOC", Own: true}
		switch code {
		case "CSTD_BO", "TTLDXS", "BK_BO", "CO_BO":
			c = Conferral{Name: name, Authority: "BO_TRUONG_BTC", Signer: "Bộ trưởng Bộ Tài chính", Via: "Bảo hiểm xã hội Việt Nam"}
		}
		conferrals[code] = c
	}
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middles := []string{"Văn", "Thị", "Đức", "Minh", "Thị Thu", "Quốc", "Hữu", "Ngọc"}
	givens := []string{"An", "Ánh", "Bình", "Chi", "Dũng", "Đức", "Giang", "Hằng", "Hiếu", "Hùng", "Hương", "Khánh", "Linh", "Lộc", "Mai", "Nguyệt", "Phượng", "Quỳnh", "Sơn", "Thủy", "Tường", "Uyên", "Việt", "Yến"}
	units := []domain.Unit{
		{Code: "HT01", Name: "Phòng Quản lý thu và Phát triển người tham gia", ParentCode: "HT", Kind: domain.UnitDepartment},
		{Code: "HT02", Name: "Phòng Giám định bảo hiểm y tế", ParentCode: "HT", Kind: domain.UnitDepartment},
		{Code: "HT03", Name: "Văn phòng", ParentCode: "HT", Kind: domain.UnitDepartment},
		{Code: "HT04", Name: "Bảo hiểm xã hội cơ sở Hồng Lĩnh", ParentCode: "HT", Kind: domain.UnitGrassroots},
		{Code: "HT05", Name: "Bảo hiểm xã hội cơ sở Kỳ Anh", ParentCode: "HT", Kind: domain.UnitGrassroots},
	}
	for i := range units {
		units[i].Address = "Số " + fmt.Sprint(10+i) + " đường Phan Đình Phùng, phường Thành Sen, tỉnh Hà Tĩnh"
		units[i].PartyOrg = "Chi bộ " + units[i].Name
		units[i].UnionOrg = "Công đoàn bộ phận " + units[i].Name
	}
	const year = 2025
	in := DossierInput{
		Profile: domain.OfficeProfile{
			UnitCode: "HT", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh",
			Director: domain.Signer{Name: "Nguyễn Văn Hùng", Position: "Giám đốc"}, DocNumberCode: "BHXH",
		},
		Round: domain.Round{ID: 1, Year: year, Kind: domain.RoundRegular, Name: "Khen thưởng năm 2025", Status: domain.StatusApproved, Number: 5,
			Date: domain.NewDate(2026, time.January, 8)},
		Decisions: map[string]domain.RoundDecision{
			"CSTDCS": {Award: "CSTDCS", Number: "12", Date: domain.NewDate(2026, time.January, 12), Signer: "Nguyễn Văn Hùng"},
		},
		Citations: []string{
			"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
			"Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết và hướng dẫn thi hành Luật Thi đua, khen thưởng",
			"Căn cứ Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ trưởng Bộ Nội vụ quy định chi tiết thi hành Luật Thi đua, khen thưởng và Nghị định số 152/2025/NĐ-CP",
			"Căn cứ Thông tư số 79/2023/TT-BTC ngày 29 tháng 12 năm 2023 của Bộ trưởng Bộ Tài chính hướng dẫn công tác thi đua, khen thưởng thuộc ngành Tài chính",
		},
		WrittenOpinionsCount: true,
		Council: domain.Council{RoundID: 1, Date: domain.NewDate(2026, time.January, 6), Start: "08:00", End: "10:30", Place: "Hội trường Bảo hiểm xã hội tỉnh Hà Tĩnh", Method: domain.VoteSecret,
			Discussion: "Các thành viên Hội đồng nhất trí với đề nghị của Thường trực Hội đồng.\nÝ kiến đề nghị làm rõ hiệu quả áp dụng sáng kiến của các cá nhân đề nghị danh hiệu Chiến sĩ thi đua cơ sở; Thường trực Hội đồng đã giải trình.",
			Tellers:    []string{"Lê Quốc Dũng", "Võ Thị Hương", "Đặng Thu Trang"},
			Members: []domain.CouncilMember{
				{Name: "Nguyễn Văn Hùng", Position: "Giám đốc", Role: "Chủ tịch Hội đồng", Present: true},
				{Name: "Trần Thị Bình", Position: "Phó Giám đốc", Role: "Phó Chủ tịch Hội đồng", Present: true},
				{Name: "Lê Quốc Dũng", Position: "Phó Giám đốc", Role: "Ủy viên", Present: true},
				{Name: "Phạm Thị Hằng", Position: "Chánh Văn phòng", Role: "Ủy viên, Thư ký", Present: true},
				{Name: "Hoàng Minh Đức", Position: "Trưởng phòng Quản lý thu và Phát triển người tham gia", Role: "Ủy viên", Present: true},
				{Name: "Võ Thị Hương", Position: "Trưởng phòng Giám định bảo hiểm y tế", Role: "Ủy viên", Present: true},
				{Name: "Bùi Văn Sơn", Position: "Chủ tịch Công đoàn cơ quan", Role: "Ủy viên", Present: true},
				{Name: "Đặng Thu Trang", Position: "Bí thư Chi đoàn", Role: "Ủy viên", Present: true},
				{Name: "Ngô Văn Lộc", Position: "Giám đốc Bảo hiểm xã hội cơ sở Hồng Lĩnh", Role: "Ủy viên", Present: false,
					Opinion: "Nhất trí với danh sách đề nghị khen thưởng do Thường trực Hội đồng trình."},
			}},
		Conferrals: conferrals,
		Threshold:  map[string]float64{"LDTT": 50, "CSTDCS": 50, "CSTD_BO": 90, "TTLDTT": 50, "TTLDXS": 50, "GK": 50, "BK_BO": 50},
		Secret:     map[string]bool{"CSTD_BO": true},
	}
	members := len(in.Council.Members)
	var id int64
	add := func(e NomineeEntry, forVotes int) {
		id++
		e.Nominee.ID, e.Nominee.RoundID, e.Nominee.Eligible = id, 1, true
		e.AwardName = awards[e.Nominee.Award]
		e.Awards = awards
		e.Template = domain.TemplateMerit
		if e.Nominee.Award == "LDTT" {
			e.Template = domain.TemplateNone
		}
		if e.To == 0 {
			e.From, e.To = year, year
		}
		e.VoteFor = forVotes
		e.VotePct = 100 * float64(forVotes) / float64(members)
		e.Passed = e.VotePct >= in.Threshold[e.Nominee.Award]
		in.Nominees = append(in.Nominees, e)
		// The absent member's written opinion counts: nine voters.
		in.Council.Votes = append(in.Council.Votes, domain.Vote{NomineeID: id, For: forVotes, Against: max(0, len(in.Council.Members)-forVotes)})
	}
	targets := []TargetLine{
		{Target: domain.Target{ID: 1, Name: "Tỷ lệ bao phủ BHYT", Unit: "%", HigherBetter: true}, Planned: 93.4, Actual: 94.5, HasActual: true},
		{Target: domain.Target{ID: 2, Name: "Số thu BHXH, BHYT, BHTN", Unit: "tỷ đồng", HigherBetter: true}, Planned: 5200, Actual: 5262.8, HasActual: true},
		{Target: domain.Target{ID: 3, Name: "Tỷ lệ nợ đóng", Unit: "%"}, Planned: 2, Actual: 1.8, HasActual: true},
	}
	collectives := []struct {
		u     domain.Unit
		award string
		votes int
	}{
		{domain.Unit{Code: "HT", Name: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Kind: domain.UnitProvince, Address: "Số 8 đường Phan Đình Phùng, phường Thành Sen, tỉnh Hà Tĩnh",
			PartyOrg: "Đảng bộ Bảo hiểm xã hội tỉnh Hà Tĩnh", UnionOrg: "Công đoàn cơ sở Bảo hiểm xã hội tỉnh Hà Tĩnh", YouthOrg: "Đoàn Thanh niên Bảo hiểm xã hội tỉnh Hà Tĩnh"}, "CO_BO", 8},
		{units[0], "TTLDXS", 8}, {units[3], "TTLDXS", 7}, {units[1], "TTLDTT", 8}, {units[2], "TTLDTT", 8}, {units[4], "GK", 7},
	}
	for _, c := range collectives {
		add(NomineeEntry{
			Nominee: domain.Nominee{Subject: domain.UnitSubject(c.u.Code), Award: c.award, Report: domain.ReportText{
				Duties:       "Tham mưu, giúp Giám đốc tổ chức thực hiện công tác thu, phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp trên địa bàn.",
				Achievements: fmt.Sprintf("Năm %d, đơn vị đã hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ được giao; số thu đạt 101,2%% kế hoạch, tỷ lệ nợ đóng giảm còn 1,8%%.", year),
			}},
			Unit: c.u, UnitName: c.u.Name, Targets: targets, Headcount: 24, Women: 13,
			Movements: []string{"Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm " + fmt.Sprint(year)},
			Ratings:   []domain.RatingRecord{{Subject: domain.UnitSubject(c.u.Code), Year: year - 1, Rating: domain.HTXSNV}, {Subject: domain.UnitSubject(c.u.Code), Year: year, Rating: domain.HTXSNV}},
			History: []domain.AwardRecord{
				{Subject: domain.UnitSubject(c.u.Code), Year: year - 1, AwardCode: "TTLDXS", DecisionNo: "120/QĐ-BHXH", DecisionDate: domain.NewDate(year, time.January, 15), Issuer: "Bảo hiểm xã hội Việt Nam"},
				{Subject: domain.UnitSubject(c.u.Code), Year: year - 2, AwardCode: "BK_BO", DecisionNo: "98/QĐ-BHXH", DecisionDate: domain.NewDate(year-1, time.February, 3), Issuer: "Bảo hiểm xã hội Việt Nam"},
			},
		}, c.votes)
	}
	positions := []string{"Chuyên viên", "Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Kế toán viên"}
	for i := range people {
		award, votes := "LDTT", 9-i%3 // 9, 8, 7 of 9
		switch {
		case i%10 == 1:
			award, votes = "CSTDCS", 8
		case i%50 == 7:
			award, votes = "CSTD_BO", 8-i%2 // 88,9% (fails 90%) or 77,8%
		case i%25 == 3:
			award, votes = "GK", 8
		case i%40 == 13:
			award, votes = "BK_BO", 8
		}
		if i%97 == 5 {
			votes = 4 // 44,4%: does not pass
		}
		if i == 7 {
			votes = 9 // one CSTĐ cấp bộ passes with 100%
		}
		u := units[i%len(units)]
		name := fmt.Sprintf("%s %s %s", families[i%len(families)], middles[(i/len(families))%len(middles)], givens[(i/3)%len(givens)])
		code := fmt.Sprintf("HT%05d", i+1)
		g := domain.Male
		if i%2 == 1 {
			g = domain.Female
		}
		e := NomineeEntry{
			Nominee: domain.Nominee{Subject: domain.PersonSubject(code), Award: award, Report: domain.ReportText{
				Duties:       "Được phân công theo dõi, quản lý thu bảo hiểm xã hội, bảo hiểm y tế của các đơn vị sử dụng lao động trên địa bàn; đôn đốc thu nợ; tổng hợp báo cáo.",
				Achievements: fmt.Sprintf("Năm %d, hoàn thành xuất sắc nhiệm vụ được giao: quản lý 215 đơn vị với số thu 312,5 tỷ đồng, đạt 102,4%% kế hoạch; tỷ lệ nợ đóng 1,2%%.\nTích cực tham gia các phong trào thi đua do ngành phát động.", year),
				Policy:       "Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước; là đảng viên đủ tư cách, hoàn thành tốt nhiệm vụ.",
			}},
			Person: domain.Person{ID: int64(i + 1), StaffCode: code, FullName: name, Gender: g, Position: positions[i%len(positions)],
				BirthDate: domain.NewDate(1970+i%30, time.Month(1+i%12), 1+i%28), Ethnicity: "Kinh", UnitCode: u.Code,
				HomeTown: "Xã Thạch Hà, tỉnh Hà Tĩnh", Residence: "Phường Thành Sen, tỉnh Hà Tĩnh", Religion: "Không",
				Education: "Cử nhân Kinh tế", PoliticalTheory: "Trung cấp"},
			Unit: u, UnitName: u.Name,
			Ratings: []domain.RatingRecord{{Subject: domain.PersonSubject(code), Year: year - 1, Rating: domain.HTXSNV}, {Subject: domain.PersonSubject(code), Year: year, Rating: domain.HTXSNV}},
		}
		if award != "LDTT" {
			e.History = []domain.AwardRecord{
				{Subject: domain.PersonSubject(code), Year: year - 1, AwardCode: "CSTDCS", DecisionNo: "25/QĐ-BHXH", DecisionDate: domain.NewDate(year, time.January, 9), Issuer: "Bảo hiểm xã hội tỉnh Hà Tĩnh"},
				{Subject: domain.PersonSubject(code), Year: year - 2, AwardCode: "LDTT", DecisionNo: "12/QĐ-BHXH", DecisionDate: domain.NewDate(year-1, time.January, 5), Issuer: "Bảo hiểm xã hội tỉnh Hà Tĩnh"},
				{Subject: domain.PersonSubject(code), Year: year - 2, AwardCode: "GK", DecisionNo: "13/QĐ-BHXH", DecisionDate: domain.NewDate(year-1, time.January, 5), Issuer: "Bảo hiểm xã hội tỉnh Hà Tĩnh"},
			}
			e.Initiatives = []domain.Initiative{{Title: "Ứng dụng phần mềm đối soát dữ liệu thu giữa cơ quan BHXH và đơn vị sử dụng lao động", Year: year, Scope: domain.ScopeGrassroots,
				DecisionNo: "310/QĐ-BHXH", DecisionDate: domain.NewDate(year, time.November, 20), Issuer: "Bảo hiểm xã hội tỉnh Hà Tĩnh"}}
			e.From, e.To = year-1, year
		}
		add(e, votes)
	}
	return in
}
