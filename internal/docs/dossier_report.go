package docs

import (
	"slices"
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// Report is the Báo cáo thành tích of one nominee, on the form of its kind
// of award (NĐ 152/2025's appendix): công trạng for a person or a
// collective, Cờ thi đua của Chính phủ, Chiến sĩ thi đua toàn quốc, đột
// xuất, chuyên đề, cống hiến. It has no number (a báo cáo thành tích is not
// registered as an outgoing document) and two signatures: the superior
// confirming on the left, the reporter on the right.
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
	what := "Báo cáo thành tích đề nghị tặng " + awardPhrase(e.Nominee.Award, entryAward(e))
	switch e.Template {
	case domain.TemplateOneOff:
		what = "Báo cáo thành tích đột xuất đề nghị tặng " + awardPhrase(e.Nominee.Award, entryAward(e))
	case domain.TemplateThematic:
		what = "Báo cáo thành tích theo chuyên đề đề nghị tặng " + awardPhrase(e.Nominee.Award, entryAward(e))
	case domain.TemplateDedication:
		what = "Báo cáo thành tích quá trình cống hiến đề nghị tặng " + awardPhrase(e.Nominee.Award, entryAward(e))
	}
	return Upper(what)
}

// personRecord is section I of a person's report: the facts of the form
// that are on record. An empty fact is left out, not printed as a blank:
// the nominee's checklist asks for it (MissingRecord).
func personRecord(in DossierInput, e NomineeEntry) []Block {
	pr := e.Person
	unit := entryUnit(e)
	facts := []string{"Họ và tên: " + entryName(e)}
	add := func(label, value string) {
		if v := clean(value); v != "" {
			facts = append(facts, label+": "+v)
		}
	}
	if !pr.BirthDate.IsZero() {
		add("Ngày, tháng, năm sinh", pr.BirthDate.VN())
	}
	add("Giới tính", pr.Gender.Label())
	add("Dân tộc", pr.Ethnicity)
	add("Tôn giáo", pr.Religion)
	add("Quê quán", pr.HomeTown)
	add("Trú quán", pr.Residence)
	work := officeName(in.Profile)
	if unit != "" && domain.Fold(unit) != domain.Fold(work) {
		work = unit + ", " + work
	}
	add("Đơn vị công tác", work)
	var posts []string
	for _, s := range []string{pr.PartyPost, pr.Position, pr.UnionPost} {
		if s = clean(s); s != "" {
			posts = append(posts, s)
		}
	}
	add("Chức vụ (Đảng, chính quyền, đoàn thể)", strings.Join(posts, "; "))
	if !pr.RecruitedOn.IsZero() {
		add("Ngày tuyển dụng", pr.RecruitedOn.VN())
	}
	add("Trình độ chuyên môn, nghiệp vụ", pr.Education)
	add("Trình độ lý luận chính trị", pr.PoliticalTheory)
	add("Học hàm, học vị", pr.AcademicRank)
	out := make([]Block, 0, len(facts))
	for _, f := range facts {
		out = append(out, Paragraph{Text: "- " + f + "."})
	}
	return out
}

// MissingRecord names the facts the report form asks of the nominee that
// are not on record: a person's birth date, gender, ethnicity, home town,
// residence and qualification; a collective's address and its Party or
// union organisation.
func MissingRecord(e NomineeEntry) []string {
	var out []string
	need := func(ok bool, what string) {
		if !ok {
			out = append(out, what)
		}
	}
	if isCollective(e) {
		need(clean(e.Unit.Address) != "", "địa chỉ trụ sở")
		need(clean(e.Unit.PartyOrg)+clean(e.Unit.UnionOrg) != "", "tổ chức Đảng, đoàn thể")
		return out
	}
	pr := e.Person
	need(!pr.BirthDate.IsZero(), "ngày sinh")
	need(pr.Gender.Label() != "", "giới tính")
	need(clean(pr.Ethnicity) != "", "dân tộc")
	need(clean(pr.HomeTown) != "", "quê quán")
	need(clean(pr.Residence) != "", "trú quán")
	need(clean(pr.Education) != "", "trình độ chuyên môn")
	return out
}

func personReport(in DossierInput, e NomineeEntry) Document {
	name := entryName(e)
	unit := entryUnit(e)
	text := e.Nominee.Report

	var body []Block
	body = append(body, Heading{Text: "I. SƠ LƯỢC LÝ LỊCH"})
	body = append(body, personRecord(in, e)...)
	switch e.Template {
	case domain.TemplateOneOff, domain.TemplateThematic:
		body = append(body, kindAchievements(e)...)
		if e.Template == domain.TemplateThematic {
			body = append(body, initiativeBlocks(e.Initiatives)...)
		}
	case domain.TemplateDedication:
		body = append(body, Heading{Text: "II. QUÁ TRÌNH CÔNG TÁC"})
		body = append(body, careerBlock(e.Career))
		body = append(body, Heading{Text: "III. THÀNH TÍCH ĐẠT ĐƯỢC TRONG QUÁ TRÌNH CÔNG TÁC"})
		body = append(body, paragraphs(text.Duties, "")...)
		body = append(body, paragraphs(text.Achievements, "")...)
		body = append(body, historyBlocks(e, "IV")...)
	default:
		body = append(body, Heading{Text: "II. THÀNH TÍCH ĐẠT ĐƯỢC"})
		body = append(body, Heading{Text: "1. Quyền hạn, nhiệm vụ được giao", Level: 2})
		body = append(body, paragraphs(text.Duties, "")...)
		body = append(body, Heading{Text: "2. Thành tích đạt được", Level: 2})
		body = append(body, paragraphs(text.Achievements, "")...)
		body = append(body, initiativeBlocks(e.Initiatives)...)
		body = append(body, Heading{Text: "3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; công tác xây dựng Đảng và đoàn thể", Level: 2})
		body = append(body, paragraphs(text.Policy, "")...)
		body = append(body, historyBlocks(e, "III")...)
	}

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

// kindAchievements is section II of the đột xuất and chuyên đề forms: the
// achievement as the clerk tells it, under the form's own heading.
func kindAchievements(e NomineeEntry) []Block {
	h := "II. TÓM TẮT THÀNH TÍCH ĐỘT XUẤT"
	if e.Template == domain.TemplateThematic {
		h = "II. THÀNH TÍCH ĐẠT ĐƯỢC TRONG PHONG TRÀO THI ĐUA THEO CHUYÊN ĐỀ"
	}
	return append([]Block{Heading{Text: h}}, paragraphs(e.Nominee.Report.Achievements, "")...)
}

// isOwnOffice reports whether the collective is the office itself.
func isOwnOffice(in DossierInput, e NomineeEntry) bool {
	return e.Unit.Kind == domain.UnitProvince || domain.Fold(entryName(e)) == domain.Fold(officeName(in.Profile))
}

// collectiveFacts is section I.1 of a collective's report: what the unit
// is, where it sits, how many people work there by the end of the year,
// and its Party and mass organisations.
func collectiveFacts(in DossierInput, e NomineeEntry) []Block {
	p := in.Profile
	name := entryName(e)
	intro := name
	switch {
	case isOwnOffice(in, e):
		intro += " là cơ quan trực thuộc " + parentName(p)
		var parts []string
		if e.Departments > 0 {
			parts = append(parts, strconv.Itoa(e.Departments)+" phòng nghiệp vụ")
		}
		if e.Grassroots > 0 {
			parts = append(parts, strconv.Itoa(e.Grassroots)+" Bảo hiểm xã hội cơ sở")
		}
		if len(parts) > 0 {
			intro += ", gồm " + strings.Join(parts, " và ")
		}
	case e.Unit.Kind == domain.UnitGrassroots:
		intro += " là đơn vị trực thuộc " + officeName(p) + ", tổ chức thực hiện các chế độ, chính sách bảo hiểm xã hội, bảo hiểm y tế trên địa bàn được giao"
	default:
		intro += " là phòng nghiệp vụ thuộc " + officeName(p)
	}
	facts := []string{intro + "."}
	if a := clean(e.Unit.Address); a != "" {
		facts = append(facts, "Trụ sở: "+a+".")
	}
	if e.Headcount > 0 && e.To > 0 {
		s := "Tổng số cán bộ, công chức, viên chức và người lao động đến ngày 31/12/" + strconv.Itoa(e.To) + ": " + strconv.Itoa(e.Headcount) + " người"
		if e.Women > 0 {
			s += ", trong đó nữ " + strconv.Itoa(e.Women) + " người"
		}
		facts = append(facts, s+".")
	}
	var orgs []string
	for _, o := range []string{e.Unit.PartyOrg, e.Unit.UnionOrg, e.Unit.YouthOrg} {
		if o = clean(o); o != "" {
			orgs = append(orgs, o)
		}
	}
	if len(orgs) > 0 {
		facts = append(facts, "Tổ chức Đảng, đoàn thể: "+strings.Join(orgs, "; ")+".")
	}
	out := make([]Block, 0, len(facts))
	for _, f := range facts {
		out = append(out, Paragraph{Text: f})
	}
	return out
}

func collectiveReport(in DossierInput, e NomineeEntry) Document {
	p := in.Profile
	name := entryName(e)
	text := e.Nominee.Report

	var body []Block
	body = append(body, Heading{Text: "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"})
	body = append(body, Heading{Text: "1. Đặc điểm, tình hình", Level: 2})
	body = append(body, collectiveFacts(in, e)...)
	body = append(body, Heading{Text: "2. Chức năng, nhiệm vụ", Level: 2})
	body = append(body, paragraphs(text.Duties, "")...)
	switch e.Template {
	case domain.TemplateOneOff, domain.TemplateThematic:
		body = append(body, kindAchievements(e)...)
		if len(e.Targets) > 0 && e.Template == domain.TemplateThematic {
			body = append(body, reportTargetTable(e.Targets))
		}
	default:
		body = append(body, Heading{Text: "II. THÀNH TÍCH ĐẠT ĐƯỢC"})
		body = append(body, Heading{Text: "1. Kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao", Level: 2})
		body = append(body, paragraphs(text.Achievements, "")...)
		if len(e.Targets) > 0 {
			body = append(body, reportTargetTable(e.Targets))
		}
		body = append(body, Heading{Text: "2. Các giải pháp, biện pháp; phong trào thi đua; sáng kiến", Level: 2})
		body = append(body, movementBlocks(e)...)
		body = append(body, initiativeBlocks(e.Initiatives)...)
		body = append(body, Heading{Text: "3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; công tác xây dựng Đảng và đoàn thể", Level: 2})
		body = append(body, paragraphs(text.Policy, "")...)
		body = append(body, historyBlocks(e, "III")...)
	}

	h := reportHeader(in, name)
	left := SignatureColumn{Position: "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN", Note: "(Ký, đóng dấu)"}
	right := SignatureColumn{Position: "THỦ TRƯỞNG ĐƠN VỊ", Note: "(Ký, đóng dấu)"}
	if isOwnOffice(in, e) {
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

// movementBlocks says which emulation movements of the year the unit took
// part in.
func movementBlocks(e NomineeEntry) []Block {
	var ms []string
	for _, m := range e.Movements {
		if m = clean(m); m != "" {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return nil
	}
	lines := ListLines(ms, "- ")
	s := "Năm " + strconv.Itoa(e.To) + ", đơn vị đăng ký và tổ chức thực hiện các phong trào thi đua do ngành phát động:"
	out := []Block{Paragraph{Text: s}}
	for _, l := range lines {
		out = append(out, Paragraph{Text: l})
	}
	return out
}

// careerBlock is the postings of a career as the cống hiến form lists
// them.
func careerBlock(cs []CareerLine) Block {
	t := Table{
		Columns: []Column{
			{Header: "Thời gian (từ tháng, năm đến tháng, năm)", Width: 3.6, Align: AlignCenter},
			{Header: "Chức vụ", Width: 4},
			{Header: "Đơn vị công tác", Width: 5},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	for _, c := range cs {
		to := "nay"
		if !c.To.IsZero() {
			to = monthYear(c.To)
		}
		t.Rows = append(t.Rows, Cells(monthYear(c.From)+" - "+to, clean(c.Position), clean(c.Unit)))
	}
	return t
}

// monthYear is "01/2015"; "" for an unknown date.
func monthYear(d domain.Date) string {
	if d.Year == 0 {
		return ""
	}
	if d.Month == 0 {
		return strconv.Itoa(d.Year)
	}
	m := strconv.Itoa(int(d.Month))
	if len(m) == 1 {
		m = "0" + m
	}
	return m + "/" + strconv.Itoa(d.Year)
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
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), clean(in.Title), DecisionPhrase(in.DecisionNo, in.DecisionDate, in.Issuer), in.Scope.Label()))
	}
	return []Block{Paragraph{Text: "Sáng kiến, đề tài khoa học được công nhận:"}, t}
}

// DecisionPhrase is how every document and message cites a decision:
// "Quyết định số 12/QĐ-BHXH ngày 15/01/2025 của Bảo hiểm xã hội tỉnh Hà
// Tĩnh", leaving out what is not recorded; the issuer alone when neither
// number nor date is, "" when nothing is.
func DecisionPhrase(no string, date domain.Date, issuer string) string {
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

// reportTargetTable is the results against targets of the years the
// report looks at, year by year.
func reportTargetTable(ts []TargetLine) Table {
	years := false
	for _, tl := range ts {
		if tl.Year > 0 {
			years = true
		}
	}
	cols := []Column{
		{Header: "STT", Width: 1, Align: AlignCenter},
		{Header: "Chỉ tiêu", Width: 5.5},
		{Header: "Kế hoạch", Width: 2.3, Align: AlignRight},
		{Header: "Thực hiện", Width: 2.3, Align: AlignRight},
		{Header: "Tỷ lệ (%)", Width: 1.8, Align: AlignRight},
	}
	if years {
		cols = slices.Insert(cols, 1, Column{Header: "Năm", Width: 1.3, Align: AlignCenter})
	}
	t := Table{Columns: cols, RepeatHeader: true, FontSize: 12}
	for i, tl := range ts {
		actual, pct := "", ""
		if tl.HasActual {
			p, _ := tl.Target.Achieved(tl.Planned, tl.Actual)
			actual, pct = Quantity(tl.Actual, tl.Target.Unit), FormatNumber(p, 1)
		}
		cells := []string{strconv.Itoa(i + 1), clean(tl.Target.Name), Quantity(tl.Planned, tl.Target.Unit), actual, pct}
		if years {
			cells = slices.Insert(cells, 1, strconv.Itoa(tl.Year))
		}
		t.Rows = append(t.Rows, Cells(cells...))
	}
	return t
}

// historyBlocks is the section numbered n: the titles and the forms of
// award received in the years the report looks at, each in its table,
// oldest first.
func historyBlocks(e NomineeEntry, n string) []Block {
	from, to := reportFrom(e), e.To
	if e.Template == domain.TemplateDedication {
		from, to = 0, 0 // a career is told whole
	}
	idx := make([]int, 0, len(e.History))
	for i, h := range e.History {
		if to > 0 && (h.Year < from || h.Year > to) {
			continue
		}
		idx = append(idx, i)
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
		if h.Kind != "" && h.Kind != domain.KindMerit {
			name += " (" + strings.ToLower(h.Kind.Label()) + ")"
		}
		row := Cells(strconv.Itoa(h.Year), name, DecisionPhrase(h.DecisionNo, h.DecisionDate, h.Issuer))
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
				{Header: "Năm", Width: 1.3, Align: AlignCenter},
				{Header: what, Width: 4.5},
				{Header: "Số, ngày tháng năm của quyết định " + decided + "; cơ quan ban hành", Width: 6},
			},
			Rows:         rows,
			RepeatHeader: true,
			FontSize:     12,
		}
	}
	heading := n + ". CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"
	if to > 0 {
		heading += " (" + strconv.Itoa(from) + " - " + strconv.Itoa(to) + ")"
	}
	return []Block{
		Heading{Text: heading},
		Heading{Text: "1. Danh hiệu thi đua", Level: 2},
		table("Danh hiệu thi đua", "công nhận", titles),
		Heading{Text: "2. Hình thức khen thưởng", Level: 2},
		table("Hình thức khen thưởng", "khen thưởng", forms),
	}
}
