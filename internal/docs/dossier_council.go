package docs

import (
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// councilName is the council as a header prints it, broken after the
// hyphen so that no line starts with it.
const councilName = "Hội đồng Thi đua -\nKhen thưởng"

// councilHeader: the council issues its minutes, under the office.
func councilHeader(in DossierInput, number string) Header {
	p := in.Profile
	return Header{
		ParentName: officeName(p),
		IssuerName: councilName,
		Number:     number,
		Place:      p.Place,
		Date:       in.Council.Date,
	}
}

// secretAward reports whether the award is voted by secret ballot: the
// whole meeting votes so, or the award requires it.
func secretAward(in DossierInput, code string) bool {
	return in.Council.Method == domain.VoteSecret || in.Secret[code]
}

// secretGroups are the awards voted by secret ballot, all their nominees.
func secretGroups(in DossierInput) []awardGroup {
	var out []awardGroup
	for _, g := range groups(in.Nominees) {
		if secretAward(in, g.code) {
			out = append(out, g)
		}
	}
	return out
}

func voteOf(c domain.Council, id int64) (domain.Vote, bool) {
	for _, v := range c.Votes {
		if v.NomineeID == id {
			return v, true
		}
	}
	return domain.Vote{}, false
}

func memberLine(m domain.CouncilMember) string {
	s := clean(m.Name)
	if p := clean(m.Position); p != "" {
		s += " - " + p
	}
	if r := clean(m.Role); r != "" {
		s += ", " + r
	}
	return s
}

func resultText(e NomineeEntry) string {
	if e.Passed {
		return "Đạt"
	}
	return "Không đạt"
}

// Minutes is the Biên bản họp Hội đồng Thi đua - Khen thưởng of the round:
// time and place, who chaired and who took the minutes, members present and
// absent, the business, the voting method and the result for every
// nominee, counted over all members of the council.
func Minutes(in DossierInput) Document {
	p := in.Profile
	c := in.Council
	office := officeName(p)
	year := strconv.Itoa(in.Round.Year)
	total := len(c.Members)
	present := c.Present()

	var body []Block
	opening := "Hôm nay, " + DateLine("", c.Date)
	if pl := clean(c.Place); pl != "" {
		opening += ", tại " + pl
	}
	opening += ", Hội đồng Thi đua - Khen thưởng " + office + " họp xét, đề nghị khen thưởng năm " + year + "."
	body = append(body, Paragraph{Text: opening})

	body = append(body, Heading{Text: "I. THÀNH PHẦN"})
	chair, okChair := findMember(c, isChair)
	sec, okSec := findMember(c, isSecretary)
	if okChair {
		body = append(body, Paragraph{Text: "- Chủ trì: " + memberLine(chair) + "."})
	}
	if okSec {
		body = append(body, Paragraph{Text: "- Thư ký: " + memberLine(sec) + "."})
	}
	body = append(body, Paragraph{Text: "- Thành viên Hội đồng: có mặt " + strconv.Itoa(present) + "/" + strconv.Itoa(total) + " thành viên, vắng mặt " + strconv.Itoa(total-present) + " thành viên:"})
	mt := Table{
		Columns: []Column{
			{Header: "STT", Width: 1.1, Align: AlignCenter},
			{Header: "Họ và tên", Width: 4},
			{Header: "Chức vụ", Width: 4.5},
			{Header: "Chức danh trong Hội đồng", Width: 3.2},
			{Header: "Có mặt/ Vắng mặt", Width: 2.2, Align: AlignCenter},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	for i, m := range c.Members {
		att := "Có mặt"
		if !m.Present {
			att = "Vắng mặt"
		}
		mt.Rows = append(mt.Rows, Cells(strconv.Itoa(i+1), clean(m.Name), clean(m.Position), clean(m.Role), att))
	}
	if len(mt.Rows) > 0 {
		body = append(body, mt)
	}

	body = append(body, Heading{Text: "II. NỘI DUNG"})
	body = append(body, Heading{Text: "1. Nội dung cuộc họp", Level: 2})
	body = append(body,
		Paragraph{Text: "- Thường trực Hội đồng quán triệt các quy định về tiêu chuẩn, điều kiện, thủ tục, hồ sơ đề nghị khen thưởng theo " + strings.TrimPrefix(legalBases(in.Round.Year)[1], "Căn cứ ") + " và quy định của ngành."},
		Paragraph{Text: "- Hội đồng xem xét tóm tắt thành tích của từng tập thể, cá nhân được đề nghị (" + subjectsPhrase(countAll(in.Nominees)) + "); các thành viên thảo luận, phát biểu ý kiến."},
	)
	body = append(body, Heading{Text: "2. Hình thức biểu quyết", Level: 2})
	body = append(body, Paragraph{Text: methodSentence(in)})
	if th := thresholdSentence(in); th != "" {
		body = append(body, Paragraph{Text: th})
	}
	body = append(body, Heading{Text: "3. Kết quả biểu quyết", Level: 2})
	body = append(body, resultsTable(in))

	body = append(body, Heading{Text: "III. KẾT LUẬN"})
	var concl []string
	for _, g := range groups(passed(in.Nominees)) {
		nc, np := g.counts()
		concl = append(concl, awardPhrase(g.code, g.name)+": "+subjectsPhrase(nc, np))
	}
	if len(concl) == 0 {
		body = append(body, Paragraph{Text: "Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."})
	} else {
		body = append(body, Paragraph{Text: "Hội đồng thống nhất đề nghị khen thưởng các tập thể, cá nhân đạt tỷ lệ phiếu đồng ý theo quy định, gồm: " + strings.Join(concl, "; ") + " (có danh sách kèm theo)."})
	}
	body = append(body, Paragraph{Text: "Biên bản đã được thông qua tại cuộc họp và được các thành viên dự họp nhất trí./."})

	left := SignatureColumn{Position: "THƯ KÝ"}
	if okSec {
		left.Name = clean(sec.Name)
	}
	right := SignatureColumn{Position: "CHỦ TỊCH HỘI ĐỒNG"}
	if okChair {
		right.Name = clean(chair.Name)
	}
	return nfcDocument(Document{
		Header:    councilHeader(in, Number(0, "BB", "HĐTĐKT")),
		Kind:      "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
		Title:     []string{"V/v xét, đề nghị khen thưởng năm " + year},
		Body:      body,
		Signature: Signature{Left: left, Right: right},
	})
}

func countAll(es []NomineeEntry) (collectives, people int) {
	return awardGroup{entries: es}.counts()
}

func methodSentence(in DossierInput) string {
	gs := groups(in.Nominees)
	var secret, hands []string
	for _, g := range gs {
		if secretAward(in, g.code) {
			secret = append(secret, g.name)
		} else {
			hands = append(hands, g.name)
		}
	}
	switch {
	case len(secret) == 0:
		return "Hội đồng biểu quyết bằng hình thức giơ tay."
	case len(hands) == 0:
		return "Hội đồng biểu quyết bằng hình thức bỏ phiếu kín (có Biên bản kiểm phiếu kèm theo)."
	}
	return "Hội đồng bỏ phiếu kín đối với " + strings.Join(secret, ", ") + " (có Biên bản kiểm phiếu kèm theo); biểu quyết bằng hình thức giơ tay đối với " + strings.Join(hands, ", ") + "."
}

func thresholdSentence(in DossierInput) string {
	var parts []string
	for _, g := range groups(in.Nominees) {
		if th, ok := in.Threshold[g.code]; ok && th > 0 {
			parts = append(parts, g.name+" từ "+Pct(th)+" trở lên")
		}
	}
	if len(parts) == 0 {
		return "Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng."
	}
	return "Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng (" + strconv.Itoa(len(in.Council.Members)) + " thành viên); tỷ lệ cần đạt: " + strings.Join(parts, "; ") + "."
}

func resultsTable(in DossierInput) Table {
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1.1, Align: AlignCenter},
			{Header: "Tên cá nhân/tập thể", Width: 5},
			{Header: "Hình thức khen thưởng", Width: 3.6},
			{Header: "Số phiếu đồng ý", Width: 1.8, Align: AlignCenter},
			{Header: "Tỷ lệ %", Width: 1.7, Align: AlignCenter},
			{Header: "Kết quả", Width: 1.9, Align: AlignCenter},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	for _, g := range groups(in.Nominees) {
		t.Rows = append(t.Rows, GroupRow(g.name))
		for i, e := range g.entries {
			t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), entryName(e), entryAward(e), strconv.Itoa(e.VoteFor), Pct(e.VotePct), resultText(e)))
		}
	}
	return t
}

// VoteCount is the Biên bản kiểm phiếu of the awards voted by secret
// ballot: ballots issued, returned and valid, and the count per nominee.
func VoteCount(in DossierInput) Document {
	c := in.Council
	year := strconv.Itoa(in.Round.Year)
	total := len(c.Members)
	present := c.Present()

	var body []Block
	opening := "Hôm nay, " + DateLine("", c.Date)
	if pl := clean(c.Place); pl != "" {
		opening += ", tại " + pl
	}
	opening += ", Ban kiểm phiếu do Hội đồng Thi đua - Khen thưởng " + officeName(in.Profile) + " bầu ra đã tiến hành kiểm phiếu bầu đề nghị khen thưởng năm " + year + "."
	body = append(body, Paragraph{Text: opening})
	body = append(body, Heading{Text: "I. BAN KIỂM PHIẾU"})
	for _, r := range []string{"Trưởng ban", "Thành viên", "Thành viên"} {
		body = append(body, Paragraph{Text: "- Ông (bà): ......................................................... - " + r + ";", NoIndent: false})
	}
	for _, g := range secretGroups(in) {
		body = append(body, Heading{Text: Upper(awardPhrase(g.code, g.name))})
		valid := 0
		for _, e := range g.entries {
			if v, ok := voteOf(c, e.Nominee.ID); ok {
				valid = max(valid, v.For+v.Against+v.Abstain)
			} else {
				valid = max(valid, e.VoteFor)
			}
		}
		valid = min(valid, present)
		body = append(body, Paragraph{Text: "Tổng số thành viên Hội đồng: " + strconv.Itoa(total) + "; số thành viên có mặt: " + strconv.Itoa(present) +
			". Số phiếu phát ra: " + strconv.Itoa(present) + "; số phiếu thu về: " + strconv.Itoa(present) +
			"; số phiếu hợp lệ: " + strconv.Itoa(valid) + "; số phiếu không hợp lệ: " + strconv.Itoa(present-valid) + "."})
		t := Table{
			Columns: []Column{
				{Header: "STT", Width: 1.1, Align: AlignCenter},
				{Header: "Tên cá nhân/tập thể", Width: 5.5},
				{Header: "Đồng ý", Width: 1.6, Align: AlignCenter},
				{Header: "Không đồng ý", Width: 1.8, Align: AlignCenter},
				{Header: "Tỷ lệ đồng ý/tổng số thành viên", Width: 2.4, Align: AlignCenter},
				{Header: "Kết quả", Width: 1.8, Align: AlignCenter},
			},
			RepeatHeader: true,
			FontSize:     12,
		}
		for i, e := range g.entries {
			against := ""
			if v, ok := voteOf(c, e.Nominee.ID); ok {
				against = strconv.Itoa(v.Against)
			}
			t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), entryName(e), strconv.Itoa(e.VoteFor), against, Pct(e.VotePct), resultText(e)))
		}
		body = append(body, t)
	}
	body = append(body, Paragraph{Text: "Biên bản kiểm phiếu được lập và công bố trước Hội đồng./."})
	return nfcDocument(Document{
		Header: councilHeader(in, ""),
		Kind:   "BIÊN BẢN KIỂM PHIẾU",
		Title:  []string{"Bầu chọn đề nghị khen thưởng năm " + year},
		Body:   body,
		Signature: Signature{
			Left:  SignatureColumn{Position: "CÁC THÀNH VIÊN BAN KIỂM PHIẾU", Note: "(Ký, ghi rõ họ tên)"},
			Right: SignatureColumn{Position: "TRƯỞNG BAN KIỂM PHIẾU", Note: "(Ký, ghi rõ họ tên)"},
		},
	})
}

// ballotInstruction is printed on every ballot.
const ballotInstruction = "Đồng ý thì đánh dấu (x) vào cột “Đồng ý”, không đồng ý thì đánh dấu (x) vào cột “Không đồng ý”. Dòng đánh dấu cả hai cột hoặc không đánh dấu cột nào không hợp lệ. Phiếu gạch, sửa tên hoặc ghi thêm tên không hợp lệ."

// Ballot is the Phiếu bầu of the awards voted by secret ballot, one page
// per award (more when the list is long), each with the instruction and
// the nominees with an "Đồng ý" and a "Không đồng ý" column to tick. One
// copy is printed for each member present.
func Ballot(in DossierInput) Document {
	year := strconv.Itoa(in.Round.Year)
	gs := secretGroups(in)
	var body []Block
	var title []string
	for i, g := range gs {
		sub := "Đề nghị tặng " + awardPhrase(g.code, g.name) + " năm " + year
		if i == 0 {
			title = []string{sub}
		} else {
			body = append(body, PageBreak{},
				Paragraph{Text: Upper(officeName(in.Profile)) + "\nHỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", Style: Bold, Align: AlignLeft, NoIndent: true},
				Paragraph{Text: "PHIẾU BẦU", Style: Bold, Align: AlignCenter},
				Paragraph{Text: sub, Style: Bold, Align: AlignCenter},
			)
		}
		body = append(body, Paragraph{Text: ballotInstruction, Style: Italic})
		t := Table{
			Columns: []Column{
				{Header: "STT", Width: 1.1, Align: AlignCenter},
				{Header: "Họ và tên / Tên tập thể", Width: 4.6},
				{Header: "Đơn vị công tác", Width: 4.6},
				{Header: "Đồng ý", Width: 1.7, Align: AlignCenter},
				{Header: "Không đồng ý", Width: 1.7, Align: AlignCenter},
			},
			RepeatHeader: true,
			FontSize:     12,
		}
		for j, e := range g.entries {
			unit := entryUnit(e)
			if isCollective(e) {
				unit = ""
			}
			t.Rows = append(t.Rows, Cells(strconv.Itoa(j+1), entryName(e), unit, "", ""))
		}
		body = append(body, t)
	}
	if len(gs) == 0 {
		body = append(body, Paragraph{Text: "Không có danh hiệu, hình thức khen thưởng nào bỏ phiếu kín."})
	}
	return nfcDocument(Document{
		Header: Header{ParentName: officeName(in.Profile), IssuerName: councilName},
		Kind:   "PHIẾU BẦU",
		Title:  title,
		Body:   body,
	})
}
