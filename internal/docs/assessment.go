package docs

import (
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// Assessment is the office's "Báo cáo tự đánh giá, chấm điểm thi đua" for
// the year, sent to the leader of its emulation cluster (cụm trưởng), who
// scores and ranks the members, and to the parent body: I. the targets and
// how far each was reached, II. the scoring table with the office's own
// scores, III. how its people and collectives were rated.
func Assessment(in AssessmentInput) Document {
	p := in.Profile
	office := officeName(p)
	year := strconv.Itoa(in.Year)

	var body []Block
	body = append(body, CanCu(assessmentBases(in)...)...)
	body = append(body, Paragraph{Text: office + " báo cáo kết quả tự đánh giá, chấm điểm thi đua năm " + year + " như sau:"})

	body = append(body, Heading{Text: "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ"})
	if len(in.Targets) == 0 {
		body = append(body, Paragraph{Text: "Không có chỉ tiêu được giao trong năm."})
	} else {
		body = append(body, Paragraph{Text: targetNarrative(office, year, in.Targets)})
		body = append(body, targetTable(in.Targets))
	}

	body = append(body, Heading{Text: "II. KẾT QUẢ TỰ CHẤM ĐIỂM"})
	if len(in.Sheet.Lines) == 0 {
		body = append(body, Paragraph{Text: "Chưa có bảng chấm điểm của năm."})
	} else {
		body = append(body, scoreTable(in))
		body = append(body, Paragraph{Text: "Tổng số điểm tự chấm: " + FormatShort(in.Sheet.Total, 2) + "/" + FormatShort(in.Sheet.Max, 2) + " điểm."})
	}

	body = append(body, Heading{Text: "III. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI"})
	body = append(body, ratingBlocks(in.Ratings, in.Unrated)...)

	leader := clusterLeader(in.Cluster)
	closing := office + " kính báo cáo "
	if leader != "" {
		closing += "Cụm trưởng " + clusterName(in.Cluster) + " và "
	}
	closing += parentName(p) + " xem xét, tổng hợp./."
	body = append(body, Paragraph{Text: closing})

	var kinhGui []string
	if leader != "" {
		kinhGui = append(kinhGui, leader+" (Cụm trưởng "+clusterName(in.Cluster)+")")
	}
	kinhGui = append(kinhGui, parentName(p))

	return nfcDocument(Document{
		Header:     NewHeader(p, Number(in.Number, "BC", p.DocNumberCode), in.Date),
		Kind:       "Báo cáo",
		Title:      []string{"Tự đánh giá, chấm điểm thi đua năm " + year},
		KinhGui:    kinhGui,
		Body:       body,
		Signature:  Signature{Right: directorColumn(p)},
		Recipients: []string{"Như trên", "Lưu: VT, TĐKT"},
	})
}

func assessmentBases(in AssessmentInput) []string {
	bases := []string{lawBasis}
	if n := clusterName(in.Cluster); n != "" && clean(in.Cluster.Pact) != "" {
		bases = append(bases, "Căn cứ Giao ước thi đua năm "+strconv.Itoa(in.Year)+" của "+n)
	}
	return bases
}

// clusterName is "Cụm thi đua số 5" whether the cluster was recorded as
// that, as "Cụm 5" or as "5"; "" when there is no cluster.
func clusterName(c domain.Cluster) string {
	n := clean(c.Name)
	if n == "" {
		return ""
	}
	if _, err := strconv.Atoi(n); err == nil {
		return "Cụm thi đua số " + n
	}
	f := domain.Fold(n)
	if strings.HasPrefix(f, "cum ") && !strings.HasPrefix(f, "cum thi dua") {
		rest := strings.TrimSpace(string([]rune(n)[3:]))
		if _, err := strconv.Atoi(rest); err == nil {
			return "Cụm thi đua số " + rest
		}
	}
	return n
}

// clusterLeader is the name of the office leading the cluster, "" when it
// is not known or is this office (which does not write to itself).
func clusterLeader(c domain.Cluster) string {
	for _, m := range c.Members {
		if m.Role == domain.RoleLeader && !m.Own {
			return clean(m.Name)
		}
	}
	return ""
}

// targetResult is the sentence of one target: "tỷ lệ bao phủ bảo hiểm y tế
// đạt 94,5%, bằng 101,2% kế hoạch".
func targetResult(tl TargetLine) string {
	name := clean(tl.Target.Name)
	if !tl.HasActual {
		return name + ": chưa có số liệu thực hiện"
	}
	pct, _ := tl.Target.Achieved(tl.Planned, tl.Actual)
	if strings.TrimSpace(tl.Target.Unit) == "%" {
		// A rate against a planned rate: the share of one in the other
		// would print a second percentage beside the first.
		if !tl.Target.HigherBetter {
			return name + " là " + Quantity(tl.Actual, "%") + " (kế hoạch không quá " + Quantity(tl.Planned, "%") + ")"
		}
		return name + " đạt " + Quantity(tl.Actual, "%") + " (kế hoạch " + Quantity(tl.Planned, "%") + ")"
	}
	if tl.Target.HigherBetter {
		return name + " đạt " + Quantity(tl.Actual, tl.Target.Unit) + ", bằng " + FormatShort(pct, 1) + "% kế hoạch"
	}
	return name + " là " + Quantity(tl.Actual, tl.Target.Unit) + " (kế hoạch không quá " + Quantity(tl.Planned, tl.Target.Unit) + "), đạt " + FormatShort(pct, 1) + "% kế hoạch"
}

func targetNarrative(office, year string, ts []TargetLine) string {
	parts := make([]string, len(ts))
	met, measured := 0, 0
	for i, tl := range ts {
		parts[i] = targetResult(tl)
		if tl.HasActual {
			measured++
			if _, ok := tl.Target.Achieved(tl.Planned, tl.Actual); ok {
				met++
			}
		}
	}
	s := "Năm " + year + ", " + office + " đã tổ chức thực hiện các chỉ tiêu, nhiệm vụ được giao với kết quả: " + strings.Join(parts, "; ") + ". "
	s += "Hoàn thành " + strconv.Itoa(met) + "/" + strconv.Itoa(len(ts)) + " chỉ tiêu đã đăng ký"
	if measured < len(ts) {
		s += " (" + strconv.Itoa(len(ts)-measured) + " chỉ tiêu chưa có số liệu)"
	}
	return s + "."
}

func targetTable(ts []TargetLine) Table {
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1.1, Align: AlignCenter},
			{Header: "Chỉ tiêu", Width: 5},
			{Header: "Đơn vị tính", Width: 1.9, Align: AlignCenter},
			{Header: "Kế hoạch", Width: 2, Align: AlignRight},
			{Header: "Thực hiện", Width: 2, Align: AlignRight},
			{Header: "Tỷ lệ (%)", Width: 1.8, Align: AlignRight},
			{Header: "Đánh giá", Width: 2, Align: AlignCenter},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	// Several movements: a group row for each, so a target reads under its movement.
	movements := map[string]bool{}
	for _, tl := range ts {
		movements[clean(tl.Movement)] = true
	}
	group := len(movements) > 1
	cur := "\x00"
	for i, tl := range ts {
		if m := clean(tl.Movement); group && m != cur {
			cur = m
			if m == "" {
				m = "Chỉ tiêu khác"
			}
			t.Rows = append(t.Rows, GroupRow(m))
		}
		actual, pct, verdict := "", "", ""
		if tl.HasActual {
			p, met := tl.Target.Achieved(tl.Planned, tl.Actual)
			actual, pct = FormatShort(tl.Actual, 2), FormatNumber(p, 1)
			verdict = "Không đạt"
			if met {
				verdict = "Đạt"
			}
		}
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), clean(tl.Target.Name), clean(tl.Target.Unit), FormatShort(tl.Planned, 2), actual, pct, verdict))
	}
	return t
}

// maxText prints a criterion's maximum; a penalty prints as a negative
// bound ("-5") so that nobody adds it to the scale.
func maxText(c domain.Criterion, m float64) string {
	if c.Method == domain.MethodPenalty {
		return FormatShort(-m, 2)
	}
	return FormatShort(m, 2)
}

func scoreTable(in AssessmentInput) Table {
	t := Table{
		Columns: []Column{
			{Header: "Mã", Width: 1.4, Align: AlignCenter},
			{Header: "Tiêu chí", Width: 6},
			{Header: "Điểm tối đa", Width: 1.7, Align: AlignCenter},
			{Header: "Điểm tự chấm", Width: 1.7, Align: AlignCenter},
			{Header: "Giải trình, tài liệu kiểm chứng", Width: 4.6},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	for i, l := range in.Sheet.Lines {
		c := l.Criterion
		score := ""
		if l.HasScore {
			// A group prints its sum once one of its criteria is scored.
			score = FormatShort(l.Score, 2)
		}
		var ev []string
		if n := clean(l.Note); n != "" {
			ev = append(ev, n)
		}
		// Evidence attached as files travels beside the report: the
		// report says how many, not their file names; evidence named as
		// a document ("Báo cáo 12/BC-BHXH") is cited.
		files := 0
		for _, e := range l.Evidence {
			switch e = clean(e); {
			case e == "":
			case isFileName(e):
				files++
			default:
				ev = append(ev, e)
			}
		}
		if files > 0 {
			ev = append(ev, "Kèm theo "+strconv.Itoa(files)+" tài liệu kiểm chứng")
		}
		name := clean(c.Name)
		if !l.Group && (c.Method == domain.MethodBonus || c.Method == domain.MethodPenalty) {
			name += " (" + strings.ToLower(c.Method.Label()) + ")"
		}
		t.Rows = append(t.Rows, Row{
			Cells: []string{clean(c.Code), name, maxText(c, in.Sheet.LineMax(i)), score, strings.Join(ev, "; ")},
			Bold:  l.Group,
		})
	}
	t.Rows = append(t.Rows, Row{
		Cells: []string{"", "TỔNG CỘNG", FormatShort(in.Sheet.Max, 2), FormatShort(in.Sheet.Total, 2), ""},
		Bold:  true,
	})
	return t
}

// ratingBlocks is part III: a sentence and a table of how many people and
// collectives got each rating.
func ratingBlocks(rs []RatingCount, unrated int) []Block {
	people, units := 0, 0
	for _, r := range rs {
		people += r.People
		units += r.Units
	}
	people += unrated
	if people == 0 && units == 0 {
		return []Block{Paragraph{Text: "Chưa có kết quả đánh giá, xếp loại của năm."}}
	}
	var parts []string
	for _, r := range rs {
		if r.People > 0 {
			parts = append(parts, string(r.Rating)+": "+strconv.Itoa(r.People)+" người")
		}
	}
	if unrated > 0 {
		parts = append(parts, "chưa xếp loại: "+strconv.Itoa(unrated)+" người")
	}
	text := "Tổng số " + strconv.Itoa(people) + " cán bộ, công chức, viên chức, người lao động được đánh giá, xếp loại"
	if len(parts) > 0 {
		text += ", trong đó " + strings.Join(parts, "; ")
	}
	text += "."
	var uparts []string
	for _, r := range rs {
		if r.Units > 0 {
			uparts = append(uparts, string(r.Rating)+": "+strconv.Itoa(r.Units)+" tập thể")
		}
	}
	if len(uparts) > 0 {
		text += " Tập thể: " + strings.Join(uparts, "; ") + "."
	}

	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1.1, Align: AlignCenter},
			{Header: "Mức xếp loại", Width: 6},
			{Header: "Cá nhân (người)", Width: 2.2, Align: AlignCenter},
			{Header: "Tỷ lệ (%)", Width: 2, Align: AlignCenter},
			{Header: "Tập thể", Width: 2, Align: AlignCenter},
		},
		FontSize: 12,
	}
	pct := func(n int) string {
		if people == 0 {
			return ""
		}
		return FormatNumber(100*float64(n)/float64(people), 1)
	}
	for i, r := range rs {
		label := r.Rating.Label()
		if label == "" {
			label = string(r.Rating)
		}
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), label+" ("+string(r.Rating)+")", strconv.Itoa(r.People), pct(r.People), strconv.Itoa(r.Units)))
	}
	if unrated > 0 {
		t.Rows = append(t.Rows, Cells(strconv.Itoa(len(rs)+1), "Chưa xếp loại", strconv.Itoa(unrated), pct(unrated), ""))
	}
	t.Rows = append(t.Rows, Row{Cells: []string{"", "Tổng cộng", strconv.Itoa(people), pct(people), strconv.Itoa(units)}, Bold: true})
	return []Block{Paragraph{Text: text}, t}
}

// isFileName reports whether an evidence entry is a file's name
// ("tom-tat-chi-so.pdf") rather than a document's citation: it ends with
// the extension of a file type offices attach.
func isFileName(s string) bool {
	dot := strings.LastIndexByte(s, '.')
	if dot <= 0 {
		return false
	}
	switch strings.ToLower(s[dot+1:]) {
	case "pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "txt", "csv", "rtf", "png", "jpg", "jpeg", "tif", "tiff", "zip", "rar", "7z":
		return true
	}
	return false
}
