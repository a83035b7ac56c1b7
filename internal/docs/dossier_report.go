package docs

import (
	"slices"
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// Report is the Báo cáo thành tích of one nominee: Mẫu 03 of NĐ 98/152 for
// a person, Mẫu 02 for a collective. It has no number (a báo cáo thành tích
// is not registered as an outgoing document) and two signatures: the
// superior confirming on the left, the reporter on the right.
func Report(in DossierInput, e NomineeEntry) Document {
	if isCollective(e) {
		return collectiveReport(in, e)
	}
	return personReport(in, e)
}

// reportHeader: the unit the subject belongs to under its superior. A
// person of a department reports under the office; the office itself
// under its parent body.
func reportHeader(in DossierInput, unit string) Header {
	p := in.Profile
	h := NewHeader(p, "", in.Council.Date)
	if unit != "" && domain.Fold(unit) != domain.Fold(officeName(p)) {
		h.ParentName, h.IssuerName = officeName(p), unit
	}
	return h
}

func reportKind(e NomineeEntry) string {
	return Upper("Báo cáo thành tích đề nghị tặng " + awardPhrase(e.Nominee.Award, entryAward(e)))
}

func personReport(in DossierInput, e NomineeEntry) Document {
	pr := e.Person
	name := entryName(e)
	unit := entryUnit(e)
	year := strconv.Itoa(in.Round.Year)

	var body []Block
	body = append(body, Heading{Text: "I. SƠ LƯỢC LÝ LỊCH"})
	facts := []string{"- Họ và tên: " + name}
	if !pr.BirthDate.IsZero() {
		facts = append(facts, "- Ngày, tháng, năm sinh: "+pr.BirthDate.VN())
	}
	if g := pr.Gender.Label(); g != "" {
		facts = append(facts, "- Giới tính: "+g)
	}
	if s := clean(pr.Ethnicity); s != "" {
		facts = append(facts, "- Dân tộc: "+s)
	}
	if unit != "" {
		facts = append(facts, "- Đơn vị công tác: "+unit+", "+officeName(in.Profile))
	}
	if s := clean(pr.Position); s != "" {
		facts = append(facts, "- Chức vụ: "+s)
	}
	if !pr.RecruitedOn.IsZero() {
		facts = append(facts, "- Ngày tuyển dụng: "+pr.RecruitedOn.VN())
	}
	for _, f := range facts {
		body = append(body, Paragraph{Text: f})
	}

	body = append(body, Heading{Text: "II. THÀNH TÍCH ĐẠT ĐƯỢC"})
	body = append(body, Heading{Text: "1. Quyền hạn, nhiệm vụ được giao", Level: 2})
	duty := "Chức vụ " + strings.ToLower(clean(pr.Position))
	if clean(pr.Position) == "" {
		duty = "Thực hiện nhiệm vụ"
	}
	body = append(body, paragraphs(e.Nominee.Report.Duties, duty+" tại "+orDefault(unit, officeName(in.Profile))+".")...)
	body = append(body, Heading{Text: "2. Thành tích đạt được", Level: 2})
	body = append(body, paragraphs(e.Nominee.Report.Achievements, "Năm "+year+", "+name+" đã hoàn thành nhiệm vụ được giao.")...)
	if s := ratingSentence(e.Ratings); s != "" {
		body = append(body, Paragraph{Text: s})
	}
	body = append(body, initiativeBlocks(e.Initiatives)...)
	body = append(body, Heading{Text: "3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; công tác xây dựng Đảng và đoàn thể", Level: 2})
	body = append(body, paragraphs(e.Nominee.Report.Policy, "Chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và quy định của ngành; tích cực tham gia các hoạt động của tổ chức Đảng, Công đoàn, Đoàn Thanh niên.")...)
	body = append(body, historyBlocks(e)...)

	return nfcDocument(Document{
		Header: reportHeader(in, unit),
		Kind:   reportKind(e),
		Title:  []string{name},
		Body:   body,
		Signature: Signature{
			Left:  SignatureColumn{Position: "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", Note: "(Ký, đóng dấu)"},
			Right: SignatureColumn{Position: "NGƯỜI BÁO CÁO THÀNH TÍCH", Note: "(Ký, ghi rõ họ tên)", Name: name},
		},
	})
}

func collectiveReport(in DossierInput, e NomineeEntry) Document {
	p := in.Profile
	name := entryName(e)
	year := strconv.Itoa(in.Round.Year)
	own := e.Unit.Kind == domain.UnitProvince || domain.Fold(name) == domain.Fold(officeName(p))

	var body []Block
	body = append(body, Heading{Text: "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"})
	body = append(body, Heading{Text: "1. Đặc điểm, tình hình", Level: 2})
	intro := name
	switch {
	case own:
		intro += " là đơn vị trực thuộc " + parentName(p) + "."
	case e.Unit.Kind == domain.UnitGrassroots:
		intro += " là Bảo hiểm xã hội cơ sở trực thuộc " + officeName(p) + "."
	default:
		intro += " là đơn vị trực thuộc " + officeName(p) + "."
	}
	body = append(body, Paragraph{Text: intro})
	body = append(body, Heading{Text: "2. Chức năng, nhiệm vụ", Level: 2})
	body = append(body, paragraphs(e.Nominee.Report.Duties, "Thực hiện chức năng, nhiệm vụ theo quy định của "+parentName(p)+".")...)

	body = append(body, Heading{Text: "II. THÀNH TÍCH ĐẠT ĐƯỢC"})
	body = append(body, Heading{Text: "1. Kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao", Level: 2})
	body = append(body, paragraphs(e.Nominee.Report.Achievements, "Năm "+year+", "+name+" đã hoàn thành tốt các chỉ tiêu, nhiệm vụ được giao.")...)
	if len(e.Targets) > 0 {
		body = append(body, reportTargetTable(e.Targets))
	}
	if s := ratingSentence(e.Ratings); s != "" {
		body = append(body, Paragraph{Text: s})
	}
	body = append(body, Heading{Text: "2. Các giải pháp, biện pháp; phong trào thi đua; sáng kiến", Level: 2})
	if ib := initiativeBlocks(e.Initiatives); len(ib) > 0 {
		body = append(body, ib...)
	} else {
		body = append(body, Paragraph{Text: "Đơn vị tổ chức tốt các phong trào thi đua do ngành phát động, gắn với thực hiện nhiệm vụ chuyên môn."})
	}
	body = append(body, Heading{Text: "3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; công tác xây dựng Đảng và đoàn thể", Level: 2})
	body = append(body, paragraphs(e.Nominee.Report.Policy, "Tập thể chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; nội bộ đoàn kết.")...)
	body = append(body, historyBlocks(e)...)

	h := reportHeader(in, name)
	left := SignatureColumn{Position: "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN", Note: "(Ký, đóng dấu)"}
	right := SignatureColumn{Position: "THỦ TRƯỞNG ĐƠN VỊ", Note: "(Ký, đóng dấu)"}
	if own {
		h = NewHeader(p, "", in.Council.Date)
		right.Name = clean(p.Director.Name)
	} else {
		left.Name = clean(p.Director.Name)
	}
	return nfcDocument(Document{
		Header:    h,
		Kind:      reportKind(e),
		Title:     []string{name},
		Body:      body,
		Signature: Signature{Left: left, Right: right},
	})
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// ratingSentence: "Kết quả đánh giá, xếp loại: năm 2024: Hoàn thành xuất sắc
// nhiệm vụ; năm 2025: Hoàn thành tốt nhiệm vụ."
func ratingSentence(rs []domain.RatingRecord) string {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b domain.RatingRecord) int { return a.Year - b.Year })
	var parts []string
	for _, r := range rs {
		l := r.Rating.Label()
		if l == "" {
			continue
		}
		parts = append(parts, "năm "+strconv.Itoa(r.Year)+": "+l)
	}
	if len(parts) == 0 {
		return ""
	}
	return "Kết quả đánh giá, xếp loại: " + strings.Join(parts, "; ") + "."
}

func initiativeBlocks(is []domain.Initiative) []Block {
	if len(is) == 0 {
		return nil
	}
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1.1, Align: AlignCenter},
			{Header: "Tên sáng kiến, đề tài", Width: 5.5},
			{Header: "Số, ngày quyết định công nhận; cơ quan ban hành", Width: 5},
			{Header: "Phạm vi ảnh hưởng", Width: 2.2, Align: AlignCenter},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	for i, in := range is {
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), clean(in.Title), decisionText(in.DecisionNo, in.DecisionDate, in.Issuer), in.Scope.Label()))
	}
	return []Block{Paragraph{Text: "Sáng kiến, đề tài khoa học được công nhận:"}, t}
}

// decisionText: "Quyết định số 12/QĐ-BHXH ngày 15/01/2025 của Bảo hiểm xã
// hội tỉnh Hà Tĩnh".
func decisionText(no string, date domain.Date, issuer string) string {
	var s string
	if no = clean(no); no != "" {
		s = "Quyết định số " + no
	}
	if !date.IsZero() {
		if s == "" {
			s = "Quyết định"
		}
		s += " ngày " + date.VN()
	}
	if iss := clean(issuer); iss != "" {
		if s == "" {
			return iss
		}
		s += " của " + iss
	}
	return s
}

func reportTargetTable(ts []TargetLine) Table {
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1.1, Align: AlignCenter},
			{Header: "Chỉ tiêu", Width: 5.5},
			{Header: "Kế hoạch", Width: 2.3, Align: AlignRight},
			{Header: "Thực hiện", Width: 2.3, Align: AlignRight},
			{Header: "Tỷ lệ (%)", Width: 2, Align: AlignRight},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	for i, tl := range ts {
		actual, pct := "", ""
		if tl.HasActual {
			p, _ := tl.Target.Achieved(tl.Planned, tl.Actual)
			actual, pct = quantity(tl.Actual, tl.Target.Unit), FormatNumber(p, 1)
		}
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), clean(tl.Target.Name), quantity(tl.Planned, tl.Target.Unit), actual, pct))
	}
	return t
}

// historyBlocks is section III: the titles and the forms of award already
// received, each in its table, oldest first.
func historyBlocks(e NomineeEntry) []Block {
	idx := make([]int, len(e.History))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return e.History[a].Year - e.History[b].Year })
	var titles, forms []Row
	for _, i := range idx {
		h := e.History[i]
		var name string
		if i < len(e.HistoryNames) {
			name = clean(e.HistoryNames[i])
		}
		if name == "" {
			name = clean(e.Awards[h.AwardCode])
		}
		if name == "" {
			name = clean(h.AwardCode)
		}
		row := Cells(strconv.Itoa(h.Year), name, decisionText(h.DecisionNo, h.DecisionDate, h.Issuer))
		if IsTitle(h.AwardCode) {
			titles = append(titles, row)
		} else {
			forms = append(forms, row)
		}
	}
	table := func(what, decided string, rows []Row) Block {
		if len(rows) == 0 {
			return Paragraph{Text: "Không có."}
		}
		return Table{
			Columns: []Column{
				{Header: "Năm", Width: 1.4, Align: AlignCenter},
				{Header: what, Width: 4.5},
				{Header: "Số, ngày tháng năm của quyết định " + decided + "; cơ quan ban hành", Width: 6},
			},
			Rows:         rows,
			RepeatHeader: true,
			FontSize:     12,
		}
	}
	return []Block{
		Heading{Text: "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"},
		Heading{Text: "1. Danh hiệu thi đua", Level: 2},
		table("Danh hiệu thi đua", "công nhận", titles),
		Heading{Text: "2. Hình thức khen thưởng", Level: 2},
		table("Hình thức khen thưởng", "khen thưởng", forms),
	}
}
