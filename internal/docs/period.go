package docs

import (
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// portraitYears is the most years the period review's tables show on a
// portrait page: with one narrow column per year and a total, six years
// (the usual 2020 - 2025) still leave the name column room to read; more
// years turn the report to landscape.
const portraitYears = 6

// PeriodReport is the office's "Báo cáo tổng kết phong trào thi đua yêu
// nước giai đoạn …" that prepares the emulation congress: I. the results,
// with the movements' targets, the awards, the initiatives and the cluster
// ranks year by year; II. the lessons learnt; III. the directions for the
// next period; IV. the exemplary models, when some were selected. A
// narrative section left empty is drafted from the figures
// (DraftPeriodNarrative), so the report never prints a blank section.
func PeriodReport(in PeriodInput) Document {
	p := in.Profile
	office := officeName(p)
	years := periodYears(in)
	span := periodSpan(in)
	draftResults, draftLessons, draftDirections := DraftPeriodNarrative(in)

	var body []Block
	intro := "Thực hiện chỉ đạo của " + parentName(p) + " về việc tổng kết phong trào thi đua yêu nước " + span
	if c := clean(in.Period.Congress); c != "" {
		intro += ", tiến tới " + c
		if d := in.Period.CongressDate; !d.IsZero() {
			intro += " (ngày " + d.VN() + ")"
		}
	}
	intro += ", " + office + " báo cáo kết quả như sau:"
	body = append(body, Paragraph{Text: intro})

	body = append(body, Heading{Text: "I. KẾT QUẢ PHONG TRÀO THI ĐUA"})
	body = append(body, periodSection(in.Results, draftResults)...)

	body = append(body, Heading{Text: "1. Kết quả thực hiện các phong trào thi đua", Level: 2})
	body = append(body, periodMovementBlocks(in.Movements, years)...)

	body = append(body, Heading{Text: "2. Công tác khen thưởng", Level: 2})
	body = append(body, periodAwardBlocks(in.Awards, years)...)

	body = append(body, Heading{Text: "3. Sáng kiến", Level: 2})
	body = append(body, periodInitiativeBlocks(in.Initiatives, years)...)

	body = append(body, Heading{Text: "4. Kết quả xếp hạng trong cụm thi đua", Level: 2})
	body = append(body, periodRankBlocks(in.ClusterRanks, years)...)

	body = append(body, Heading{Text: "II. BÀI HỌC KINH NGHIỆM"})
	body = append(body, periodSection(in.Lessons, draftLessons)...)

	body = append(body, Heading{Text: "III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO"})
	body = append(body, periodSection(in.Directions, draftDirections)...)

	if len(in.Models) > 0 {
		body = append(body, Heading{Text: "IV. GƯƠNG ĐIỂN HÌNH TIÊN TIẾN"})
		body = append(body, Paragraph{Text: periodModelIntro(office, span, in.Models)})
		body = append(body, periodModelTable(in.Models))
	}

	body = append(body, Paragraph{Text: "Trên đây là báo cáo tổng kết phong trào thi đua yêu nước " + span + " của " + office + "./."})

	orientation := Portrait
	if len(years) > portraitYears {
		orientation = Landscape
	}
	return nfcDocument(Document{
		Header:      NewHeader(p, Number(0, "BC", p.DocNumberCode), in.Date),
		Kind:        "Báo cáo",
		Title:       []string{"Tổng kết phong trào thi đua yêu nước " + span},
		Body:        body,
		Signature:   Signature{Right: directorColumn(p)},
		Recipients:  []string{parentName(p) + " (Ban Thi đua - Khen thưởng)", "Lưu: VT, TĐKT"},
		Orientation: orientation,
	})
}

// DraftPeriodNarrative drafts the three narrative sections of the period
// review from its figures, one paragraph a line, for the clerk to edit:
// the results (targets met, awards, initiatives, first places in the
// cluster), the lessons learnt and the directions for the next period. The
// last two are the lines every provincial office's review carries; the
// clerk adds what is the office's own.
func DraftPeriodNarrative(in PeriodInput) (results, lessons, directions string) {
	office := officeName(in.Profile)
	span := periodSpan(in)
	years := periodYears(in)

	var res []string
	opening := upperFirst(span) + ", " + office + " đã tổ chức triển khai sâu rộng các phong trào thi đua yêu nước gắn với thực hiện nhiệm vụ chính trị được giao"
	met, measured, movements := 0, 0, 0
	for _, m := range in.Movements {
		a, b := periodSum(m.Met, len(years)), periodSum(m.Measured, len(years))
		met, measured = met+a, measured+b
		if b > 0 {
			movements++
		}
	}
	if measured > 0 {
		opening += "; tổng hợp các năm, đơn vị hoàn thành " + strconv.Itoa(met) + "/" + strconv.Itoa(measured) +
			" lượt chỉ tiêu của " + strconv.Itoa(movements) + " phong trào thi đua được theo dõi (đạt " +
			FormatShort(100*float64(met)/float64(measured), 1) + "%)"
	}
	res = append(res, opening+".")

	total, own, higher, people, collectives := periodAwardTotals(in.Awards, len(years))
	if total == 0 {
		res = append(res, "Trong giai đoạn, chưa có lượt khen thưởng nào của tập thể, cá nhân được ghi nhận.")
	} else {
		s := "Trong giai đoạn, có " + strconv.Itoa(total) + " lượt tập thể, cá nhân được tặng, công nhận danh hiệu thi đua và hình thức khen thưởng (" +
			strconv.Itoa(people) + " lượt cá nhân, " + strconv.Itoa(collectives) + " lượt tập thể)"
		var parts []string
		if own > 0 {
			parts = append(parts, strconv.Itoa(own)+" lượt thuộc thẩm quyền của Giám đốc")
		}
		if higher > 0 {
			parts = append(parts, strconv.Itoa(higher)+" lượt do cấp trên khen thưởng")
		}
		if len(parts) == 2 {
			s += ", trong đó " + strings.Join(parts, " và ")
		}
		res = append(res, s+".")
	}

	initiatives := 0
	var scopes []string
	for _, r := range in.Initiatives {
		n := periodSum(r.Counts, len(years))
		initiatives += n
		if n > 0 {
			scopes = append(scopes, "phạm vi "+strings.ToLower(r.Scope.Label())+": "+strconv.Itoa(n))
		}
	}
	if initiatives == 0 {
		res = append(res, "Trong giai đoạn, chưa có sáng kiến được cấp có thẩm quyền công nhận.")
	} else {
		s := "Có " + strconv.Itoa(initiatives) + " sáng kiến được cấp có thẩm quyền công nhận"
		if len(scopes) > 1 {
			s += " (" + strings.Join(scopes, "; ") + ")"
		}
		res = append(res, s+", được áp dụng trong thực hiện nhiệm vụ chuyên môn.")
	}

	var firsts []string
	for i, y := range years {
		if periodAt(in.ClusterRanks, i) == 1 {
			firsts = append(firsts, strconv.Itoa(y))
		}
	}
	if len(firsts) > 0 {
		res = append(res, "Đơn vị dẫn đầu cụm thi đua "+strconv.Itoa(len(firsts))+" năm (năm "+joinAnd(firsts)+").")
	}

	lessonLines := []string{
		"Sự quan tâm lãnh đạo, chỉ đạo sát sao của cấp ủy, lãnh đạo đơn vị và sự phối hợp của các đoàn thể là yếu tố quyết định thành công của phong trào thi đua.",
		"Nội dung thi đua phải gắn với nhiệm vụ chính trị và các chỉ tiêu được giao của từng năm, cụ thể, thiết thực, đo đếm được; thường xuyên theo dõi, sơ kết, tổng kết để kịp thời điều chỉnh.",
		"Công tác khen thưởng phải kịp thời, chính xác, công khai, minh bạch, chú trọng cá nhân trực tiếp làm công tác chuyên môn, nghiệp vụ và các tập thể nhỏ có thành tích tiêu biểu.",
		"Làm tốt công tác phát hiện, bồi dưỡng, tuyên truyền và nhân rộng các gương điển hình tiên tiến, các sáng kiến có giá trị ứng dụng.",
	}
	next := "giai đoạn tiếp theo"
	if len(years) > 0 {
		last := years[len(years)-1]
		next = "giai đoạn " + strconv.Itoa(last) + " - " + strconv.Itoa(last+5)
	}
	directionLines := []string{
		"Tiếp tục quán triệt và thực hiện nghiêm Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn; đổi mới nội dung, hình thức tổ chức các phong trào thi đua " + next + " gắn với nhiệm vụ chính trị của ngành.",
		"Phấn đấu hoàn thành toàn diện các chỉ tiêu được giao về phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp, thu, giảm nợ đóng, giải quyết và chi trả kịp thời các chế độ.",
		"Đẩy mạnh cải cách hành chính, chuyển đổi số, nâng cao chất lượng phục vụ người tham gia và người thụ hưởng chính sách bảo hiểm xã hội, bảo hiểm y tế.",
		"Nâng cao chất lượng công tác khen thưởng, bảo đảm kịp thời, chính xác; chú trọng phát hiện, bồi dưỡng, nhân rộng các gương điển hình tiên tiến và các sáng kiến.",
	}
	return strings.Join(res, "\n"), strings.Join(lessonLines, "\n"), strings.Join(directionLines, "\n")
}

// periodSection is a section as the clerk edited it, one paragraph a line, or
// the draft when the clerk left it empty.
func periodSection(text, draft string) []Block {
	if out := paragraphs(text, ""); len(out) > 0 {
		return out
	}
	return paragraphs(draft, "")
}

// periodYears are the years of the figures: those the input lists, else the
// period's own.
func periodYears(in PeriodInput) []int {
	if len(in.Years) > 0 {
		return in.Years
	}
	return in.Period.Years()
}

// periodSpan is "giai đoạn 2020 - 2025" from the years, else from the
// period's name as recorded.
func periodSpan(in PeriodInput) string {
	from, to := in.Period.FromYear, in.Period.ToYear
	if ys := in.Years; len(ys) > 0 {
		from, to = ys[0], ys[len(ys)-1]
	}
	if from > 0 && to > 0 {
		return "giai đoạn " + strconv.Itoa(from) + " - " + strconv.Itoa(to)
	}
	if n := clean(in.Period.Name); n != "" {
		if strings.HasPrefix(domain.Fold(n), "giai doan") {
			return lowerFirst(n)
		}
		return "giai đoạn " + n
	}
	return "giai đoạn"
}

// periodAt is xs[i], 0 past its end: the figures of a year the history has none
// for count nothing.
func periodAt(xs []int, i int) int {
	if i < 0 || i >= len(xs) {
		return 0
	}
	return xs[i]
}

// periodSum is the sum of the first n counts.
func periodSum(xs []int, n int) int {
	s := 0
	for i := range n {
		s += periodAt(xs, i)
	}
	return s
}

// periodAwardTotals sums the conferrals of the period: all, the director's, the
// bodies' above, and the people's and collectives' apart.
func periodAwardTotals(rows []PeriodAwardRow, years int) (total, own, higher, people, collectives int) {
	for _, r := range rows {
		p, c := periodSum(r.People, years), periodSum(r.Collectives, years)
		people += p
		collectives += c
		if r.Own {
			own += p + c
		} else {
			higher += p + c
		}
	}
	return people + collectives, own, higher, people, collectives
}

// periodYearColumns are the compact year columns of the period's tables and the
// total column after them.
func periodYearColumns(years []int) []Column {
	var cols []Column
	for _, y := range years {
		cols = append(cols, Column{Header: "Năm " + strconv.Itoa(y), Width: 1.5, Align: AlignCenter})
	}
	return append(cols, Column{Header: "Cả giai đoạn", Width: 1.8, Align: AlignCenter})
}

func periodMovementBlocks(ms []PeriodMovementRow, years []int) []Block {
	if len(ms) == 0 || len(years) == 0 {
		return []Block{Paragraph{Text: "Trong giai đoạn, chưa có phong trào thi đua có chỉ tiêu được theo dõi kết quả thực hiện."}}
	}
	t := Table{
		Columns:      append([]Column{{Header: "STT", Width: 1, Align: AlignCenter}, {Header: "Phong trào thi đua", Width: 7.2}}, periodYearColumns(years)...),
		RepeatHeader: true,
		FontSize:     11,
	}
	ratio := func(met, measured int) string {
		if measured == 0 {
			return ""
		}
		return strconv.Itoa(met) + "/" + strconv.Itoa(measured)
	}
	yMet, yMeasured := make([]int, len(years)), make([]int, len(years))
	for i, m := range ms {
		cells := []string{strconv.Itoa(i + 1), clean(m.Name)}
		for k := range years {
			a, b := periodAt(m.Met, k), periodAt(m.Measured, k)
			yMet[k] += a
			yMeasured[k] += b
			cells = append(cells, ratio(a, b))
		}
		cells = append(cells, ratio(periodSum(m.Met, len(years)), periodSum(m.Measured, len(years))))
		t.Rows = append(t.Rows, Cells(cells...))
	}
	if len(ms) > 1 {
		cells := []string{"", "Tổng cộng"}
		for k := range years {
			cells = append(cells, ratio(yMet[k], yMeasured[k]))
		}
		cells = append(cells, ratio(periodSum(yMet, len(years)), periodSum(yMeasured, len(years))))
		t.Rows = append(t.Rows, Row{Cells: cells, Bold: true})
	}
	return []Block{t, Paragraph{Text: "Ghi chú: mỗi ô ghi số chỉ tiêu đạt / số chỉ tiêu có kết quả trong năm; ô trống là năm phong trào không có kết quả đánh giá.", Style: Italic, NoIndent: true}}
}

func periodAwardBlocks(rows []PeriodAwardRow, years []int) []Block {
	total, _, _, people, collectives := periodAwardTotals(rows, len(years))
	if total == 0 || len(years) == 0 {
		return []Block{Paragraph{Text: "Trong giai đoạn, chưa có lượt khen thưởng nào của tập thể, cá nhân được ghi nhận."}}
	}
	t := Table{
		Columns: append([]Column{
			{Header: "STT", Width: 1, Align: AlignCenter},
			{Header: "Danh hiệu, hình thức khen thưởng", Width: 4.7},
			{Header: "Cấp", Width: 2.5, Align: AlignCenter},
		}, periodYearColumns(years)...),
		RepeatHeader: true,
		FontSize:     11,
	}
	sums := make([]int, len(years))
	for _, g := range []struct {
		title string
		own   bool
	}{{"A. KHEN THƯỞNG THUỘC THẨM QUYỀN CỦA GIÁM ĐỐC", true}, {"B. KHEN THƯỞNG CẤP TRÊN", false}} {
		n := 0
		for _, r := range rows {
			if r.Own != g.own {
				continue
			}
			if n == 0 {
				t.Rows = append(t.Rows, GroupRow(g.title))
			}
			n++
			cells := []string{strconv.Itoa(n), clean(r.Name), clean(r.Level)}
			rowTotal := 0
			for k := range years {
				c := periodAt(r.People, k) + periodAt(r.Collectives, k)
				sums[k] += c
				rowTotal += c
				cells = append(cells, strconv.Itoa(c))
			}
			t.Rows = append(t.Rows, Cells(append(cells, strconv.Itoa(rowTotal))...))
		}
	}
	cells := []string{"", "Tổng cộng", ""}
	for _, s := range sums {
		cells = append(cells, strconv.Itoa(s))
	}
	t.Rows = append(t.Rows, Row{Cells: append(cells, strconv.Itoa(total)), Bold: true})
	note := "Ghi chú: mỗi ô ghi số lượt cá nhân và tập thể được tặng, công nhận trong năm; cả giai đoạn có " +
		strconv.Itoa(people) + " lượt cá nhân, " + strconv.Itoa(collectives) + " lượt tập thể."
	return []Block{t, Paragraph{Text: note, Style: Italic, NoIndent: true}}
}

func periodInitiativeBlocks(rows []PeriodScopeRow, years []int) []Block {
	total := 0
	for _, r := range rows {
		total += periodSum(r.Counts, len(years))
	}
	if total == 0 || len(years) == 0 {
		return []Block{Paragraph{Text: "Trong giai đoạn, chưa có sáng kiến được cấp có thẩm quyền công nhận."}}
	}
	t := Table{
		Columns:      append([]Column{{Header: "STT", Width: 1, Align: AlignCenter}, {Header: "Phạm vi ảnh hưởng", Width: 7.2}}, periodYearColumns(years)...),
		RepeatHeader: true,
		FontSize:     11,
	}
	sums := make([]int, len(years))
	for i, r := range rows {
		cells := []string{strconv.Itoa(i + 1), r.Scope.Label()}
		for k := range years {
			c := periodAt(r.Counts, k)
			sums[k] += c
			cells = append(cells, strconv.Itoa(c))
		}
		t.Rows = append(t.Rows, Cells(append(cells, strconv.Itoa(periodSum(r.Counts, len(years))))...))
	}
	cells := []string{"", "Tổng cộng"}
	for _, s := range sums {
		cells = append(cells, strconv.Itoa(s))
	}
	t.Rows = append(t.Rows, Row{Cells: append(cells, strconv.Itoa(total)), Bold: true})
	return []Block{t}
}

// periodRankBlocks lists the office's place in its cluster, a line a
// ranked year.
func periodRankBlocks(ranks []int, years []int) []Block {
	var items []string
	for i, y := range years {
		if r := periodAt(ranks, i); r > 0 {
			items = append(items, "Năm "+strconv.Itoa(y)+": xếp thứ "+strconv.Itoa(r))
		}
	}
	if len(items) == 0 {
		return []Block{Paragraph{Text: "Các năm trong giai đoạn chưa có kết quả xếp hạng trong cụm thi đua."}}
	}
	var out []Block
	for _, l := range ListLines(items, "- ") {
		out = append(out, Paragraph{Text: l})
	}
	return out
}

func periodModelIntro(office, span string, ms []domain.ExemplaryCandidate) string {
	units, people := 0, 0
	for _, m := range ms {
		if m.Subject.Kind == domain.SubjectCollective {
			units++
		} else {
			people++
		}
	}
	var parts []string
	if units > 0 {
		parts = append(parts, strconv.Itoa(units)+" tập thể")
	}
	if people > 0 {
		parts = append(parts, strconv.Itoa(people)+" cá nhân")
	}
	return "Qua phong trào thi đua yêu nước " + span + ", " + office + " lựa chọn " + joinAnd(parts) + " là gương điển hình tiên tiến như sau:"
}

func periodModelTable(ms []domain.ExemplaryCandidate) Table {
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1, Align: AlignCenter},
			{Header: "Tên tập thể, cá nhân", Width: 4},
			{Header: "Đơn vị", Width: 3.6},
			{Header: "Thành tích tiêu biểu", Width: 7.4},
		},
		RepeatHeader: true,
		FontSize:     11,
	}
	for i, m := range ms {
		var reasons []string
		for _, r := range m.Reasons {
			if s := strings.TrimRight(clean(r.Text), ";. "); s != "" {
				reasons = append(reasons, s)
			}
		}
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), clean(m.Name), clean(m.Unit), strings.Join(reasons, "; ")))
	}
	return t
}
