package docs

import (
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// ListColumns are the columns of the Danh sách đề nghị khen thưởng
// (domain.md 4.6), shared by the PDF annex and the spreadsheet.
var ListColumns = []string{
	"STT", "Họ và tên / Tên tập thể", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị công tác",
	"Hình thức/danh hiệu đề nghị", "Thành tích làm căn cứ", "Tỷ lệ phiếu", "Ghi chú",
}

// ListRow is one nominee of the danh sách as its cells: text for the PDF,
// the birth date and vote share kept as values for the spreadsheet.
type ListRow struct {
	Collective bool
	Name       string
	Birth      domain.Date
	Gender     string
	Position   string
	Unit       string
	Award      string
	Basis      string
	VotePct    float64
	Note       string
}

// ListEntry is the danh sách row of a nominee.
func ListEntry(e NomineeEntry) ListRow {
	r := ListRow{Collective: isCollective(e), Name: entryName(e), Award: entryAward(e), Basis: basisText(e), VotePct: e.VotePct}
	if !r.Collective {
		r.Birth = e.Person.BirthDate
		r.Gender = e.Person.Gender.Label()
		r.Position = clean(e.Person.Position)
		r.Unit = entryUnit(e)
	}
	if j := clean(e.Nominee.Justification); j != "" && !e.Nominee.Eligible {
		r.Note = j
	}
	return r
}

// basisText is the "Thành tích làm căn cứ" of the nomination list: the
// ratings of the award's years, the CSTĐCS years a higher title rests on,
// the award a chain rests on, and the initiatives with their decisions.
func basisText(e NomineeEntry) string {
	var parts []string
	byRating := map[domain.Rating][]int{}
	for _, r := range e.Ratings {
		if e.From == 0 || (r.Year >= e.From && r.Year <= e.To) {
			byRating[r.Rating] = append(byRating[r.Rating], r.Year)
		}
	}
	for _, r := range domain.Ratings {
		if ys := byRating[r]; len(ys) > 0 {
			parts = append(parts, string(r)+" năm "+yearList(ys))
		}
	}
	switch code := e.Nominee.Award; {
	case isCollective(e), code == codeLDTT, code == codeCSTDCS, code == codeGK:
	default:
		var ys []int
		var decs []string
		for _, a := range e.History {
			if a.AwardCode == codeCSTDCS && a.Kind == domain.KindMerit && (e.From == 0 || (a.Year >= e.From && a.Year <= e.To)) {
				ys = append(ys, a.Year)
				if no := clean(a.DecisionNo); no != "" {
					decs = append(decs, "QĐ số "+no)
				}
			}
		}
		var s string
		if len(ys) > 0 {
			s = "CSTĐCS năm " + yearList(ys)
			if len(decs) > 0 {
				s += " (" + strings.Join(decs, "; ") + ")"
			}
		}
		if e.PendingCSTDCS {
			if s != "" {
				s += "; "
			}
			s += "CSTĐCS năm " + strconv.Itoa(e.To) + " đề nghị cùng đợt"
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	if b := e.ChainBase; b != nil {
		name := clean(e.Awards[b.AwardCode])
		if name == "" {
			name = b.AwardCode
		}
		s := name + " năm " + strconv.Itoa(b.Year)
		if d := DecisionPhrase(b.DecisionNo, b.DecisionDate, ""); d != "" {
			s += " (" + d + ")"
		}
		parts = append(parts, s)
	}
	for _, in := range e.Initiatives {
		s := "Sáng kiến “" + clean(in.Title) + "” (phạm vi " + strings.ToLower(in.Scope.Label())
		if d := DecisionPhrase(in.DecisionNo, in.DecisionDate, ""); d != "" {
			s += ", " + d
		}
		parts = append(parts, s+")")
	}
	return strings.Join(parts, "; ")
}

// yearList is "2023, 2024, 2025".
func yearList(ys []int) string {
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}

// ListGroup is the danh sách of one award, collectives first.
type ListGroup struct {
	Code, Name  string
	Collectives []ListRow
	People      []ListRow
	// Title and Subtitle head the list on its own, under "DANH SÁCH": what
	// it lists and the document it is annexed to ("Kèm theo Quyết định số …" for an award
	// the office confers, "Kèm theo Tờ trình số …" for a proposal up).
	Title, Subtitle string
}

// NominationGroups are the passed nominees by award, as the danh sách and
// its spreadsheet show them: the office's own awards first, each under its
// Quyết định, then the proposals up, each under its Tờ trình.
func NominationGroups(in DossierInput) []ListGroup {
	var out []ListGroup
	for _, s := range submissions(in) {
		for i, lg := range listGroups(s.groups) {
			if s.own() {
				lg.Title, lg.Subtitle = decisionListTitle(in, s.groups[i])
			} else {
				lg.Title = "Đề nghị " + s.conf.Signer + " tặng " + awardPhrase(lg.Code, lg.Name) + " năm " + strconv.Itoa(in.Round.Year)
				lg.Subtitle = submissionListSubtitle(in, s)
			}
			out = append(out, lg)
		}
	}
	return out
}

func listGroups(gs []awardGroup) []ListGroup {
	var out []ListGroup
	for _, g := range gs {
		lg := ListGroup{Code: g.code, Name: g.name}
		for _, e := range g.entries {
			r := ListEntry(e)
			if r.Collective {
				lg.Collectives = append(lg.Collectives, r)
			} else {
				lg.People = append(lg.People, r)
			}
		}
		out = append(out, lg)
	}
	return out
}

func listTable() Table {
	widths := []float64{1, 3.8, 2.7, 1.3, 2.4, 3.4, 2.6, 4.6, 1.6, 1.6}
	t := Table{RepeatHeader: true, NumberRow: true, FontSize: 11}
	for i, h := range ListColumns {
		c := Column{Header: h, Width: widths[i]}
		switch i {
		case 0, 2, 3, 8:
			c.Align = AlignCenter
		}
		t.Columns = append(t.Columns, c)
	}
	return t
}

func listCells(i int, r ListRow) Row {
	return Cells(strconv.Itoa(i), r.Name, r.Birth.VN(), r.Gender, r.Position, r.Unit, r.Award, r.Basis, Pct(r.VotePct), r.Note)
}

// listRows lays the groups out as A. TẬP THỂ then B. CÁ NHÂN, a numbered
// block per award in each.
func listRows(gs []ListGroup) []Row {
	var rows []Row
	for part, label := range []string{"A. TẬP THỂ", "B. CÁ NHÂN"} {
		var block []Row
		k := 0
		for _, g := range gs {
			rs := g.Collectives
			if part == 1 {
				rs = g.People
			}
			if len(rs) == 0 {
				continue
			}
			k++
			block = append(block, GroupRow(roman(k)+". "+g.Name+" ("+strconv.Itoa(len(rs))+")"))
			for i, r := range rs {
				block = append(block, listCells(i+1, r))
			}
		}
		if len(block) > 0 {
			rows = append(rows, GroupRow(label))
			rows = append(rows, block...)
		}
	}
	return rows
}

func roman(n int) string {
	vals := []int{10, 9, 5, 4, 1}
	syms := []string{"X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// submissionList is the Danh sách đề nghị khen thưởng annexed to a Tờ
// trình sent up (landscape): its passed nominees, with the columns of the
// list (ListColumns), under the number and date of the Tờ trình.
func submissionList(in DossierInput, s submission) Document {
	p := in.Profile
	year := strconv.Itoa(in.Round.Year)
	gs := listGroups(s.groups)
	t := listTable()
	t.Rows = listRows(gs)
	var body []Block
	if len(t.Rows) == 0 {
		body = append(body, Paragraph{Text: "Không có tập thể, cá nhân nào được đề nghị."})
	} else {
		body = append(body, t)
	}
	nc, np := countAll(s.entries())
	body = append(body, Paragraph{Text: "Tổng cộng: " + subjectsPhrase(nc, np) + ".", Style: Bold, NoIndent: true})
	return nfcDocument(Document{
		Header:      NewHeader(p, "", in.Round.Date),
		Kind:        "DANH SÁCH",
		Title:       []string{"Đề nghị " + s.conf.Signer + " khen thưởng năm " + year, submissionListSubtitle(in, s)},
		Body:        body,
		Signature:   Signature{Right: directorColumn(p)},
		Orientation: Landscape,
	})
}

// submissionListSubtitle names the Tờ trình a list sent up is annexed to.
func submissionListSubtitle(in DossierInput, s submission) string {
	return "(Kèm theo Tờ trình số " + s.number + " " + DateLine("", in.Round.Date) + " của " + officeName(in.Profile) + ")"
}

// decisionDate is the decision's date as entered; without one, the day
// and month are left for the văn thư (the director signs after the
// council), in the year after the one assessed.
func decisionDate(in DossierInput, award string) domain.Date {
	if d := in.Decisions[award].Date; !d.IsZero() {
		return d
	}
	return domain.Date{Year: in.Round.Year + 1}
}

// decisionNumber is the decision's số, ký hiệu as entered: "125" becomes
// "125/QĐ-BHXH", a full "125/QĐ-BHXH" stays; blank for the văn thư.
func decisionNumber(in DossierInput, award string) string {
	return DocNumber(in.Decisions[award].Number, "QĐ", in.Profile.DocNumberCode)
}

func decisionTitle(g awardGroup, year string) string {
	if IsTitle(g.code) {
		return "Về việc công nhận danh hiệu " + g.name + " năm " + year
	}
	return "Về việc tặng " + g.name + " năm " + year
}

// Decision is the office's Quyết định for an award its director confers
// (Conferral.Own), for the passed nominees.
func Decision(in DossierInput, award string) Document {
	for _, g := range groups(passed(in.Nominees)) {
		if g.code == award {
			return decision(in, g)
		}
	}
	return decision(in, awardGroup{code: award, name: award})
}

func decision(in DossierInput, g awardGroup) Document {
	p := in.Profile
	year := strconv.Itoa(in.Round.Year)
	nc, np := g.counts()
	who := subjectsPhrase(nc, np)

	var body []Block
	body = append(body, Paragraph{Text: Upper(directorTitle(p)), Style: Bold, Align: AlignCenter})
	bases := in.bases()
	bases = append(bases, minutesBasis(in), "Xét đề nghị của Hội đồng Thi đua - Khen thưởng "+officeName(p))
	body = append(body, CanCu(bases...)...)
	body = append(body, Paragraph{Text: "QUYẾT ĐỊNH:", Style: Bold, Align: AlignCenter})

	art1 := "Điều 1. "
	if IsTitle(g.code) {
		art1 += "Công nhận danh hiệu “" + g.name + "” năm " + year + " cho " + who + " (có danh sách kèm theo)."
	} else {
		art1 += "Tặng " + g.name + " của " + directorTitle(p) + " cho " + who + " đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm " + year + " (có danh sách kèm theo)."
	}
	body = append(body, Paragraph{Text: art1})

	art2 := "Điều 2. "
	b := ownBonus[g.code]
	var bon []string
	if np > 0 && b[0] > 0 {
		bon = append(bon, "mỗi cá nhân được thưởng "+FormatShort(b[0], 1)+" lần mức lương cơ sở")
	}
	if nc > 0 && b[1] > 0 {
		bon = append(bon, "mỗi tập thể được thưởng "+FormatShort(b[1], 1)+" lần mức lương cơ sở")
	}
	if len(bon) > 0 {
		s := strings.Join(bon, "; ")
		art2 += upperFirst(s) + " theo quy định tại " + in.decree() + ". Kinh phí khen thưởng được chi từ Quỹ thi đua, khen thưởng của " + officeName(p) + "."
	} else {
		art2 += "Kinh phí khen thưởng được chi từ Quỹ thi đua, khen thưởng của " + officeName(p) + " theo quy định tại " + in.decree() + "."
	}
	body = append(body, Paragraph{Text: art2})
	body = append(body, Paragraph{Text: "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng các phòng, Giám đốc Bảo hiểm xã hội cơ sở, Thủ trưởng các đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."})

	return nfcDocument(Document{
		Header:     NewHeader(p, decisionNumber(in, g.code), decisionDate(in, g.code)),
		Kind:       "QUYẾT ĐỊNH",
		Title:      []string{decisionTitle(g, year)},
		Body:       body,
		Signature:  Signature{Right: directorColumn(p)},
		Recipients: []string{"Như Điều 3", parentName(p) + " (để báo cáo)", "Lưu: VT, TĐKT"},
	})
}

// decisionList is the list annexed to a Quyết định (landscape).
func decisionList(in DossierInput, g awardGroup) Document {
	p := in.Profile
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1, Align: AlignCenter},
			{Header: "Họ và tên / Tên tập thể", Width: 4.2},
			{Header: "Chức vụ", Width: 3},
			{Header: "Đơn vị công tác", Width: 5},
			{Header: "Ghi chú", Width: 2},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	var colls, people []NomineeEntry
	for _, e := range g.entries {
		if isCollective(e) {
			colls = append(colls, e)
		} else {
			people = append(people, e)
		}
	}
	for part, es := range [][]NomineeEntry{colls, people} {
		if len(es) == 0 {
			continue
		}
		t.Rows = append(t.Rows, GroupRow([]string{"A. TẬP THỂ", "B. CÁ NHÂN"}[part]))
		for i, e := range es {
			if part == 0 {
				t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), entryName(e), "", "", ""))
			} else {
				t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), entryName(e), clean(e.Person.Position), entryUnit(e), ""))
			}
		}
	}
	nc, np := g.counts()
	var body []Block
	if len(t.Rows) > 0 {
		body = append(body, t)
	}
	body = append(body, Paragraph{Text: "Tổng cộng: " + subjectsPhrase(nc, np) + ".", Style: Bold, NoIndent: true})
	title, sub := decisionListTitle(in, g)
	return nfcDocument(Document{
		Header:      NewHeader(p, "", decisionDate(in, g.code)),
		Kind:        "DANH SÁCH",
		Title:       []string{title, sub},
		Body:        body,
		Orientation: Landscape,
	})
}

// decisionListTitle heads the list annexed to the office's Quyết định:
// what it recognises or confers, and the decision's number and date.
func decisionListTitle(in DossierInput, g awardGroup) (title, sub string) {
	what := "được tặng " + g.name
	if IsTitle(g.code) {
		what = "được công nhận danh hiệu " + g.name
	}
	title = "Tập thể, cá nhân " + what + " năm " + strconv.Itoa(in.Round.Year)
	sub = "(Kèm theo Quyết định số " + decisionNumber(in, g.code) + " " + DateLine("", decisionDate(in, g.code)) + " của " + directorTitle(in.Profile) + ")"
	return title, sub
}
