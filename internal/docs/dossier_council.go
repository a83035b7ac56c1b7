package docs

import (
	"fmt"
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
	if t := clockPhrase(c.Start); t != "" {
		opening = "Vào hồi " + t + ", " + DateLine("", c.Date)
	}
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
	var opinions []string
	for _, m := range c.Members {
		if o := clean(m.Opinion); o != "" && !m.Present {
			opinions = append(opinions, memberLine(m)+" (vắng mặt) gửi ý kiến bằng văn bản: “"+strings.TrimRight(o, ".")+"”")
		}
	}
	if len(opinions) > 0 {
		body = append(body, Paragraph{Text: "- Ý kiến bằng văn bản của thành viên vắng mặt:"})
		for _, l := range ListLines(opinions, "+ ") {
			body = append(body, Paragraph{Text: l})
		}
	}

	body = append(body, Heading{Text: "II. NỘI DUNG"})
	body = append(body, Heading{Text: "1. Nội dung cuộc họp", Level: 2})
	body = append(body,
		Paragraph{Text: "- Thường trực Hội đồng quán triệt các quy định về tiêu chuẩn, điều kiện, thủ tục, hồ sơ đề nghị khen thưởng theo " + in.decreeCitation() + " và quy định của ngành."},
		Paragraph{Text: "- Hội đồng xem xét tóm tắt thành tích của từng tập thể, cá nhân được đề nghị (" + subjectsPhrase(countAll(in.Nominees)) + ")."},
	)
	body = append(body, Paragraph{Text: "- Ý kiến thảo luận của các thành viên Hội đồng:"})
	body = append(body, paragraphs(c.Discussion, "Các thành viên Hội đồng nhất trí với tiêu chuẩn, thành tích của các tập thể, cá nhân được đề nghị.")...)
	body = append(body, Heading{Text: "2. Hình thức biểu quyết", Level: 2})
	body = append(body, Paragraph{Text: methodSentence(in)})
	if len(secretGroups(in)) > 0 {
		if ts := tellers(c); len(ts) > 0 {
			body = append(body, Paragraph{Text: "Hội đồng bầu Ban kiểm phiếu gồm: " + strings.Join(ts, ", ") + "."})
		}
	}
	if in.WrittenOpinionsCount && len(opinions) > 0 {
		body = append(body, Paragraph{Text: "Ý kiến bằng văn bản của thành viên vắng mặt được tính vào kết quả biểu quyết."})
	}
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
	closing := "Biên bản đã được thông qua tại cuộc họp và được các thành viên dự họp nhất trí."
	if t := clockPhrase(c.End); t != "" {
		closing = "Cuộc họp kết thúc vào hồi " + t + " cùng ngày. " + closing
	}
	body = append(body, Paragraph{Text: closing[:len(closing)-1] + "./."})

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
		Title:     []string{"Về việc xét, đề nghị khen thưởng năm " + year},
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

// thresholdPhrase words the share a nominee needs as the rule says it: an
// award voted by secret ballot needs its share or more ("từ 90% trở lên"),
// any other more than its share ("trên 50%").
func thresholdPhrase(th float64, secret bool) string {
	if secret {
		return "từ " + Pct(th) + " trở lên"
	}
	return "trên " + Pct(th)
}

// clockPhrase words a meeting time "08:30" as minutes do: "08 giờ 30
// phút"; "" when the time is not entered or not a time.
func clockPhrase(hhmm string) string {
	h, m, ok := strings.Cut(strings.TrimSpace(hhmm), ":")
	hi, err1 := strconv.Atoi(h)
	mi, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hi < 0 || hi > 23 || mi < 0 || mi > 59 {
		return ""
	}
	return fmt.Sprintf("%02d giờ %02d phút", hi, mi)
}

// tellers are the Ban kiểm phiếu as the minutes name them: the head first.
func tellers(c domain.Council) []string {
	var out []string
	for i, t := range c.Tellers {
		if t = clean(t); t == "" {
			continue
		}
		if i == 0 {
			t += " (Trưởng ban)"
		}
		out = append(out, t)
	}
	return out
}

func thresholdSentence(in DossierInput) string {
	var parts []string
	for _, g := range groups(in.Nominees) {
		if th, ok := in.Threshold[g.code]; ok && th > 0 {
			parts = append(parts, g.name+" "+thresholdPhrase(th, in.Secret[g.code]))
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
// ballot: the Ban kiểm phiếu, ballots issued, returned and valid, and the
// count per nominee with the ballots that left the line blank.
func VoteCount(in DossierInput) Document {
	c := in.Council
	year := strconv.Itoa(in.Round.Year)
	total := len(c.Members)
	present := c.Present()
	written := 0
	if in.WrittenOpinionsCount {
		for _, m := range c.Members {
			if !m.Present && clean(m.Opinion) != "" {
				written++
			}
		}
	}

	var body []Block
	opening := "Hôm nay, " + DateLine("", c.Date)
	if pl := clean(c.Place); pl != "" {
		opening += ", tại " + pl
	}
	opening += ", Ban kiểm phiếu do Hội đồng Thi đua - Khen thưởng " + officeName(in.Profile) + " bầu ra đã tiến hành kiểm phiếu bầu đề nghị khen thưởng năm " + year + "."
	body = append(body, Paragraph{Text: opening})
	body = append(body, Heading{Text: "I. BAN KIỂM PHIẾU"})
	var names []string
	for _, t := range c.Tellers {
		if t = clean(t); t != "" {
			names = append(names, t)
		}
	}
	if len(names) == 0 {
		// Not entered: lines for the hand, so the minutes can still be signed.
		names = []string{"", "", ""}
	}
	var lines []string
	for i, n := range names {
		role := "Thành viên"
		if i == 0 {
			role = "Trưởng ban"
		}
		if n == "" {
			n = "Ông (bà): ........................................................."
		}
		lines = append(lines, n+" - "+role)
	}
	for _, l := range ListLines(lines, "- ") {
		body = append(body, Paragraph{Text: l})
	}
	body = append(body, Heading{Text: "II. KẾT QUẢ KIỂM PHIẾU"})
	for _, g := range secretGroups(in) {
		body = append(body, Heading{Text: upperFirst(awardPhrase(g.code, g.name)), Level: 2})
		valid := 0
		for _, e := range g.entries {
			if v, ok := voteOf(c, e.Nominee.ID); ok {
				valid = max(valid, v.For+v.Against+v.Abstain)
			} else {
				valid = max(valid, e.VoteFor)
			}
		}
		// The written opinions of absent members are counted with the
		// ballots, not as ballots.
		valid = min(max(valid-written, 0), present)
		count := "Tổng số thành viên Hội đồng: " + strconv.Itoa(total) + "; số thành viên có mặt: " + strconv.Itoa(present) +
			". Số phiếu phát ra: " + strconv.Itoa(present) + "; số phiếu thu về: " + strconv.Itoa(present) +
			"; số phiếu hợp lệ: " + strconv.Itoa(valid) + "; số phiếu không hợp lệ: " + strconv.Itoa(present-valid) + "."
		if written > 0 {
			count += " Kết quả dưới đây gồm cả ý kiến bằng văn bản của " + strconv.Itoa(written) + " thành viên vắng mặt."
		}
		body = append(body, Paragraph{Text: count})
		t := Table{
			Columns: []Column{
				{Header: "STT", Width: 1, Align: AlignCenter},
				{Header: "Tên cá nhân/tập thể", Width: 5},
				{Header: "Đồng ý", Width: 1.5, Align: AlignCenter},
				{Header: "Không đồng ý", Width: 1.6, Align: AlignCenter},
				{Header: "Không biểu quyết", Width: 1.8, Align: AlignCenter},
				{Header: "Tỷ lệ đồng ý/tổng số thành viên", Width: 2.3, Align: AlignCenter},
				{Header: "Kết quả", Width: 1.7, Align: AlignCenter},
			},
			RepeatHeader: true,
			FontSize:     12,
		}
		for i, e := range g.entries {
			against, abstain := "", ""
			if v, ok := voteOf(c, e.Nominee.ID); ok {
				against, abstain = strconv.Itoa(v.Against), strconv.Itoa(v.Abstain)
			}
			t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), entryName(e), strconv.Itoa(e.VoteFor), against, abstain, Pct(e.VotePct), resultText(e)))
		}
		body = append(body, t)
	}
	body = append(body, Paragraph{Text: "Biên bản kiểm phiếu được lập và công bố trước Hội đồng./."})
	head := SignatureColumn{Position: "TRƯỞNG BAN KIỂM PHIẾU", Note: "(Ký, ghi rõ họ tên)"}
	members := SignatureColumn{Position: "CÁC THÀNH VIÊN BAN KIỂM PHIẾU", Note: "(Ký, ghi rõ họ tên)"}
	if len(names) > 0 && names[0] != "" {
		head.Name = names[0]
		var rest []string
		for _, n := range names[1:] {
			if n != "" {
				rest = append(rest, n)
			}
		}
		members.Name = strings.Join(rest, "\n")
	}
	return nfcDocument(Document{
		Header:    councilHeader(in, ""),
		Kind:      "BIÊN BẢN KIỂM PHIẾU",
		Title:     []string{"Bầu chọn đề nghị khen thưởng năm " + year},
		Body:      body,
		Signature: Signature{Left: members, Right: head},
	})
}

// ballotInstruction is printed on every ballot.
const ballotInstruction = "Đồng ý thì đánh dấu (x) vào cột “Đồng ý”, không đồng ý thì đánh dấu (x) vào cột “Không đồng ý”. Dòng đánh dấu cả hai cột hoặc không đánh dấu cột nào không hợp lệ. Phiếu gạch, sửa tên hoặc ghi thêm tên không hợp lệ."

// Ballots are the Phiếu bầu of the awards voted by secret ballot, one per
// award, each under the same header, with the instruction and the
// nominees with an "Đồng ý" and a "Không đồng ý" column to tick. One copy
// is printed for each member present.
func Ballots(in DossierInput) []Document {
	year := strconv.Itoa(in.Round.Year)
	var out []Document
	for _, g := range secretGroups(in) {
		t := Table{
			Columns: []Column{
				{Header: "STT", Width: 1, Align: AlignCenter},
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
		out = append(out, nfcDocument(Document{
			Header: Header{ParentName: officeName(in.Profile), IssuerName: councilName},
			Kind:   "PHIẾU BẦU",
			Title:  []string{"Đề nghị tặng " + awardPhrase(g.code, g.name) + " năm " + year},
			Body:   []Block{Paragraph{Text: ballotInstruction, Style: Italic}, t},
		}))
	}
	return out
}
