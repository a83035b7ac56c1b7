package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// Sheet names of the assessment workbook.
const (
	SheetScores  = "Chấm điểm"
	SheetTargets = "Chỉ tiêu"
	SheetRatings = "Xếp loại"
)

// Columns of the scoring sheet.
const (
	scoreColCode = iota + 1
	scoreColName
	scoreColMethod
	scoreColMax
	scoreColScore
	scoreColNote
)

// WriteAssessment writes the spreadsheet twin of the Báo cáo tự đánh giá,
// chấm điểm thi đua: sheet "Chấm điểm" with the criteria tree, where each
// group and the grand total are formulas summing their leaf scores (so a
// cluster leader who corrects a score sees the totals follow) and each leaf
// score accepts only the criterion's bounds; sheet "Chỉ tiêu" with the
// percentage and the verdict as formulas that read the target's direction;
// sheet "Xếp loại" with the rating counts.
func WriteAssessment(in docs.AssessmentInput, w io.Writer) error {
	office := nfc(in.Profile.UnitName)
	year := strconv.Itoa(in.Year)
	b, err := newBook(bookInfo{
		title:    "Tự đánh giá, chấm điểm thi đua năm " + year,
		subject:  "Báo cáo tự đánh giá, chấm điểm thi đua năm " + year + " của " + office,
		author:   office,
		keywords: "chấm điểm thi đua; " + year,
		date:     in.Date,
	})
	if err != nil {
		return fmt.Errorf("assessment workbook: %w", err)
	}
	defer b.f.Close()
	title := "TỰ ĐÁNH GIÁ, CHẤM ĐIỂM THI ĐUA NĂM " + year + " – " + office
	if err := writeScores(b, in, title); err != nil {
		return fmt.Errorf("assessment workbook, sheet %s: %w", SheetScores, err)
	}
	if err := writeTargets(b, in, title); err != nil {
		return fmt.Errorf("assessment workbook, sheet %s: %w", SheetTargets, err)
	}
	if err := writeRatings(b, in, title); err != nil {
		return fmt.Errorf("assessment workbook, sheet %s: %w", SheetRatings, err)
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("assessment workbook: %w", err)
	}
	return nil
}

func writeScores(b *workbook, in docs.AssessmentInput, title string) error {
	cols := []column{{"Mã", 9}, {"Tiêu chí", 50}, {"Phương pháp chấm", 24}, {"Điểm tối đa", 11}, {"Điểm tự chấm", 11}, {"Giải trình, tài liệu kiểm chứng", 50}}
	s, err := b.newSheet(SheetScores, cols, 1, 2)
	if err != nil {
		return err
	}
	sub := ""
	if n := nfc(in.Cluster.Name); n != "" {
		sub = n + " – "
	}
	sub += "Tổng điểm tự chấm " + docs.FormatShort(in.Sheet.Total, 2) + "/" + docs.FormatShort(in.Sheet.Max, 2)
	if err := s.titles(title, sub); err != nil {
		return err
	}
	if err := s.header([]string{cols[0].header, cols[1].header, cols[2].header, cols[3].header, cols[4].header, cols[5].header}, 36); err != nil {
		return err
	}
	st := b.st
	lines := in.Sheet.Lines
	first := s.row + 1
	rowOf := func(i int) int { return first + i }
	var allLeaves []int
	type bound struct {
		row    int
		lo, hi float64
		name   string
	}
	var bounds []bound
	for i, l := range lines {
		c := l.Criterion
		depth := min(max(l.Depth, 0), len(st.indent)-1)
		maxPts := in.Sheet.LineMax(i)
		if c.Method == domain.MethodPenalty {
			maxPts = -maxPts
		}
		method := ""
		if !l.Group && c.Method != "" {
			method = c.Method.Label()
		}
		note := nfc(l.Note)
		if len(l.Evidence) > 0 {
			var ev []string
			for _, e := range l.Evidence {
				if e = nfc(e); e != "" {
					ev = append(ev, e)
				}
			}
			note = strings.TrimPrefix(note+"; "+strings.Join(ev, "; "), "; ")
		}
		var score any
		if l.Group {
			leaves := in.Sheet.Leaves(i)
			rows := make([]int, len(leaves))
			sum := 0.0
			for k, j := range leaves {
				rows[k] = rowOf(j)
				sum += lines[j].Score
			}
			score = formula(st.scoreB, sumOf(scoreColScore, rows), round2(sum))
		} else {
			allLeaves = append(allLeaves, rowOf(i))
			if l.HasScore {
				score = cell(st.score, l.Score)
			} else {
				score = cell(st.score, nil)
			}
			lo, hi := c.Bounds()
			bounds = append(bounds, bound{rowOf(i), lo, hi, nfc(c.Name)})
		}
		nameStyle, codeStyle, textStyle := st.indent[depth], st.center, st.text
		if l.Group {
			nameStyle, codeStyle, textStyle = st.indentBold[depth], st.centerB, st.textBold
		}
		row := []any{
			cell(codeStyle, c.Code), cell(nameStyle, c.Name), cell(textStyle, method),
			cell(pick(l.Group, st.scoreB, st.score), maxPts), score, cell(textStyle, note),
		}
		if err := s.add(row); err != nil {
			return err
		}
	}
	lastData := s.row
	total := 0.0
	for _, r := range allLeaves {
		total += lines[r-first].Score
	}
	if err := s.add([]any{
		cell(st.centerB, nil), cell(st.textBold, "TỔNG CỘNG"), cell(st.textBold, nil),
		cell(st.scoreB, in.Sheet.Max),
		formula(st.scoreB, sumOf(scoreColScore, allLeaves), round2(total)),
		cell(st.textBold, nil),
	}); err != nil {
		return err
	}
	for _, bd := range bounds {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(ref(scoreColScore, bd.row))
		if err := dv.SetRange(num(bd.lo), num(bd.hi), excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		msg := "Điểm tự chấm phải từ " + docs.FormatShort(bd.lo, 2) + " đến " + docs.FormatShort(bd.hi, 2) + "."
		dv.SetError(excelize.DataValidationErrorStyleStop, "Điểm ngoài khung", truncate(msg+" "+bd.name, 225))
		dv.SetInput("Điểm tự chấm", truncate(msg, 255))
		if err := b.f.AddDataValidation(SheetScores, dv); err != nil {
			return err
		}
	}
	return s.finish(lastData)
}

func pick(cond bool, a, b int) int {
	if cond {
		return a
	}
	return b
}

// num writes a bound for a validation formula without float noise.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func round2(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 2, 64), 64)
	return v
}

// Columns of the targets sheet.
const (
	tgColNo = iota + 1
	tgColName
	tgColUnit
	tgColDirection
	tgColPlanned
	tgColActual
	tgColPct
	tgColVerdict
	tgColMovement
)

func writeTargets(b *workbook, in docs.AssessmentInput, title string) error {
	cols := []column{{"STT", 6}, {"Chỉ tiêu", 40}, {"Đơn vị tính", 11}, {"Chiều đánh giá", 16}, {"Kế hoạch", 13}, {"Thực hiện", 13}, {"Tỷ lệ (%)", 11}, {"Đánh giá", 12}, {"Phong trào", 40}}
	s, err := b.newSheet(SheetTargets, cols, 1, 2)
	if err != nil {
		return err
	}
	if err := s.titles(title, "Kết quả thực hiện các chỉ tiêu"); err != nil {
		return err
	}
	hs := make([]string, len(cols))
	for i, c := range cols {
		hs[i] = c.header
	}
	if err := s.header(hs, 36); err != nil {
		return err
	}
	st := b.st
	for i, tl := range in.Targets {
		r := s.row + 1
		pl, ac := ref(tgColPlanned, r), ref(tgColActual, r)
		pctF, verdictF := targetFormulas(tl.Target.HigherBetter, pl, ac)
		dir := "Cao hơn là tốt"
		if !tl.Target.HigherBetter {
			dir = "Thấp hơn là tốt"
		}
		var actual, pct, verdict any = cell(st.decimal, nil), formula(st.percent, pctF, ""), formula(st.center, verdictF, "")
		if tl.HasActual {
			p, met := tl.Target.Achieved(tl.Planned, tl.Actual)
			v := "Không đạt"
			if met {
				v = "Đạt"
			}
			actual = cell(st.number(tl.Actual, false), tl.Actual)
			pct = formula(st.percent, pctF, p)
			verdict = formula(st.center, verdictF, v)
		}
		if err := s.add([]any{
			cell(st.center, i+1), cell(st.text, tl.Target.Name), cell(st.center, tl.Target.Unit), cell(st.center, dir),
			cell(st.number(tl.Planned, false), tl.Planned), actual, pct, verdict, cell(st.text, tl.Movement),
		}); err != nil {
			return err
		}
	}
	return s.finish(s.row)
}

// targetFormulas are the percentage and the verdict of a target as
// formulas, in the target's direction, as domain.Target.Achieved computes
// them: actual/planned for a higher-is-better target, planned/actual for a
// lower-is-better one (nothing left counts 200%); blank until there is a
// result.
func targetFormulas(higherBetter bool, planned, actual string) (pct, verdict string) {
	if higherBetter {
		pct = fmt.Sprintf(`IF(ISBLANK(%[2]s),"",IF(%[1]s=0,100,%[2]s/%[1]s*100))`, planned, actual)
		verdict = fmt.Sprintf(`IF(ISBLANK(%[2]s),"",IF(%[2]s>=%[1]s,"Đạt","Không đạt"))`, planned, actual)
		return pct, verdict
	}
	pct = fmt.Sprintf(`IF(ISBLANK(%[2]s),"",IF(%[2]s=0,IF(%[1]s=0,100,200),%[1]s/%[2]s*100))`, planned, actual)
	verdict = fmt.Sprintf(`IF(ISBLANK(%[2]s),"",IF(%[2]s<=%[1]s,"Đạt","Không đạt"))`, planned, actual)
	return pct, verdict
}

func writeRatings(b *workbook, in docs.AssessmentInput, title string) error {
	cols := []column{{"STT", 6}, {"Mức xếp loại", 40}, {"Ký hiệu", 10}, {"Cá nhân (người)", 14}, {"Tỷ lệ cá nhân (%)", 14}, {"Tập thể", 12}}
	s, err := b.newSheet(SheetRatings, cols, 1, 0)
	if err != nil {
		return err
	}
	if err := s.titles(title, "Kết quả đánh giá, xếp loại cán bộ, công chức, viên chức, người lao động và tập thể"); err != nil {
		return err
	}
	hs := make([]string, len(cols))
	for i, c := range cols {
		hs[i] = c.header
	}
	if err := s.header(hs, 36); err != nil {
		return err
	}
	st := b.st
	type line struct {
		label, code   string
		people, units int
	}
	var lines []line
	for _, r := range in.Ratings {
		label := r.Rating.Label()
		if label == "" {
			label = string(r.Rating)
		}
		lines = append(lines, line{label, string(r.Rating), r.People, r.Units})
	}
	if in.Unrated > 0 {
		lines = append(lines, line{"Chưa xếp loại", "", in.Unrated, 0})
	}
	people, units := 0, 0
	for _, l := range lines {
		people += l.people
		units += l.units
	}
	first := s.row + 1
	last := first + len(lines) - 1
	totalRow := last + 1
	totalPeople := ref(4, totalRow)
	share := func(r, n int, style int) excelize.Cell {
		var cached any = ""
		if people > 0 {
			cached = 100 * float64(n) / float64(people)
		}
		return formula(style, fmt.Sprintf(`IF(%[1]s=0,"",D%[2]d/%[1]s*100)`, absRef(totalPeople), r), cached)
	}
	for i, l := range lines {
		r := s.row + 1
		if err := s.add([]any{cell(st.center, i+1), cell(st.text, l.label), cell(st.center, l.code), cell(st.integer, l.people), share(r, l.people, st.percent), cell(st.integer, l.units)}); err != nil {
			return err
		}
	}
	rows := make([]int, len(lines))
	for i := range rows {
		rows[i] = first + i
	}
	if err := s.add([]any{
		cell(st.centerB, nil), cell(st.textBold, "Tổng cộng"), cell(st.centerB, nil),
		formula(st.integerB, sumOf(4, rows), people), share(totalRow, people, st.percentB), formula(st.integerB, sumOf(6, rows), units),
	}); err != nil {
		return err
	}
	return s.finish(last)
}

// absRef makes "D7" into "$D$7".
func absRef(a1 string) string {
	col, row, err := excelize.CellNameToCoordinates(a1)
	if err != nil {
		return a1
	}
	s, _ := excelize.CoordinatesToCellName(col, row, true)
	return s
}
