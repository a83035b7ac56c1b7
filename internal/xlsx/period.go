package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"tdkt/internal/docs"
)

// Sheet names of the period review workbook.
const (
	SheetPeriodAwards      = "Khen thưởng"
	SheetPeriodInitiatives = "Sáng kiến"
	SheetPeriodMovements   = "Phong trào"
	SheetPeriodRanks       = "Xếp hạng cụm"
)

// WritePeriodReport writes the spreadsheet twin of the Báo cáo tổng kết
// phong trào thi đua yêu nước giai đoạn …: sheet "Khen thưởng" with the
// awards by year (people and collectives together, as the report counts
// them) under the director's and the bodies' above, each group's subtotal,
// each row's total and the grand total as SUM formulas; sheet "Sáng kiến"
// with the initiatives by scope the same way; sheet "Phong trào" with the
// targets met and measured each year and the period's rate as a formula;
// sheet "Xếp hạng cụm" with the office's place in its cluster each year.
// The formulas let the office correct a count it finds wrong while the
// congress papers are prepared and see the totals follow.
func WritePeriodReport(in docs.PeriodInput, w io.Writer) error {
	office := nfc(in.Profile.UnitName)
	years := in.Years
	if len(years) == 0 {
		years = in.Period.Years()
	}
	span := nfc(in.Period.Name)
	if len(years) > 0 {
		span = "giai đoạn " + strconv.Itoa(years[0]) + " - " + strconv.Itoa(years[len(years)-1])
	}
	b, err := newBook(bookInfo{
		title:    "Tổng kết phong trào thi đua yêu nước " + span,
		subject:  "Số liệu tổng kết phong trào thi đua yêu nước " + span + " của " + office,
		author:   office,
		keywords: "tổng kết; phong trào thi đua; " + span,
		date:     in.Date,
	})
	if err != nil {
		return fmt.Errorf("period workbook: %w", err)
	}
	defer b.f.Close()
	title := "TỔNG KẾT PHONG TRÀO THI ĐUA YÊU NƯỚC " + docs.Upper(span) + " – " + office

	var own, higher []countRow
	for _, a := range in.Awards {
		counts := make([]int, len(years))
		for k := range years {
			counts[k] = periodAt(a.People, k) + periodAt(a.Collectives, k)
		}
		r := countRow{cells: []string{a.Name, a.Level}, counts: counts}
		if a.Own {
			own = append(own, r)
		} else {
			higher = append(higher, r)
		}
	}
	awards := countSheet{
		name: SheetPeriodAwards, title: title,
		subtitle: "Số lượt cá nhân và tập thể được tặng, công nhận danh hiệu thi đua, hình thức khen thưởng",
		fixed:    []column{{"STT", 6}, {"Danh hiệu, hình thức khen thưởng", 44}, {"Cấp", 12}},
		groups: []countGroup{
			{code: "A", title: "Khen thưởng thuộc thẩm quyền của Giám đốc", rows: own},
			{code: "B", title: "Khen thưởng cấp trên", rows: higher},
		},
	}
	if err := writeCountSheet(b, awards, years); err != nil {
		return fmt.Errorf("period workbook, sheet %s: %w", SheetPeriodAwards, err)
	}

	var scopes []countRow
	for _, s := range in.Initiatives {
		counts := make([]int, len(years))
		for k := range years {
			counts[k] = periodAt(s.Counts, k)
		}
		scopes = append(scopes, countRow{cells: []string{s.Scope.Label()}, counts: counts})
	}
	initiatives := countSheet{
		name: SheetPeriodInitiatives, title: title,
		subtitle: "Số sáng kiến được cấp có thẩm quyền công nhận, theo phạm vi ảnh hưởng",
		fixed:    []column{{"STT", 6}, {"Phạm vi ảnh hưởng", 30}},
		groups:   []countGroup{{rows: scopes}},
	}
	if err := writeCountSheet(b, initiatives, years); err != nil {
		return fmt.Errorf("period workbook, sheet %s: %w", SheetPeriodInitiatives, err)
	}

	if err := writePeriodMovements(b, in.Movements, years, title); err != nil {
		return fmt.Errorf("period workbook, sheet %s: %w", SheetPeriodMovements, err)
	}
	if err := writePeriodRanks(b, in.ClusterRanks, years, title); err != nil {
		return fmt.Errorf("period workbook, sheet %s: %w", SheetPeriodRanks, err)
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("period workbook: %w", err)
	}
	return nil
}

// periodAt is xs[i], 0 past its end: a year the history has no figure for
// counts nothing.
func periodAt(xs []int, i int) int {
	if i < 0 || i >= len(xs) {
		return 0
	}
	return xs[i]
}

// countSheet is a sheet of counts by year: fixed columns (STT first), one
// column a year and the period's total, rows in groups.
type countSheet struct {
	name, title, subtitle string
	fixed                 []column
	groups                []countGroup
}

// countGroup is a group of rows under a bold row holding its subtotals;
// a group without a title has no such row (the only group of a sheet).
type countGroup struct {
	code, title string
	rows        []countRow
}

// countRow is one row: its texts after STT and its count each year.
type countRow struct {
	cells  []string
	counts []int
}

func writeCountSheet(b *workbook, cs countSheet, years []int) error {
	cols := append([]column(nil), cs.fixed...)
	for _, y := range years {
		cols = append(cols, column{"Năm " + strconv.Itoa(y), 11})
	}
	cols = append(cols, column{"Cả giai đoạn", 13})
	s, err := b.newSheet(cs.name, cols, 1, len(cs.fixed))
	if err != nil {
		return err
	}
	if err := s.titles(cs.title, cs.subtitle); err != nil {
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
	firstYear := len(cs.fixed) + 1
	totalCol := firstYear + len(years)
	// rowTotal is the total column of row r: the SUM of its years.
	rowTotal := func(r, style int, cached int) any {
		if len(years) == 0 {
			return cell(style, 0)
		}
		return formula(style, fmt.Sprintf("SUM(%s:%s)", ref(firstYear, r), ref(totalCol-1, r)), cached)
	}
	// The grand total sums the rows themselves, never the subtotals, so
	// that nothing counts twice.
	var leaves []int
	grand := make([]int, len(years))
	for _, g := range cs.groups {
		if g.title != "" && len(g.rows) == 0 {
			continue
		}
		first := s.row + 1
		if g.title != "" {
			first++
		}
		rows := make([]int, len(g.rows))
		sub := make([]int, len(years))
		for i, r := range g.rows {
			rows[i] = first + i
			for k := range years {
				sub[k] += periodAt(r.counts, k)
			}
		}
		if g.title != "" {
			r := s.row + 1
			cells := []any{cell(st.centerB, g.code), cell(st.textBold, docs.Upper(g.title))}
			for range len(cs.fixed) - 2 {
				cells = append(cells, cell(st.textBold, nil))
			}
			subTotal := 0
			for k := range years {
				cells = append(cells, formula(st.integerB, sumOf(firstYear+k, rows), sub[k]))
				subTotal += sub[k]
			}
			cells = append(cells, rowTotal(r, st.integerB, subTotal))
			if err := s.add(cells); err != nil {
				return err
			}
		}
		for i, cr := range g.rows {
			r := s.row + 1
			cells := []any{cell(st.center, i+1)}
			for j := range len(cs.fixed) - 1 {
				text := ""
				if j < len(cr.cells) {
					text = cr.cells[j]
				}
				style := st.text
				if j > 0 {
					style = st.center
				}
				cells = append(cells, cell(style, text))
			}
			n := 0
			for k := range years {
				c := periodAt(cr.counts, k)
				cells = append(cells, cell(st.integer, c))
				n += c
				grand[k] += c
			}
			cells = append(cells, rowTotal(r, st.integer, n))
			if err := s.add(cells); err != nil {
				return err
			}
			leaves = append(leaves, r)
		}
	}
	lastData := s.row
	cells := []any{cell(st.centerB, nil), cell(st.textBold, "Tổng cộng")}
	for range len(cs.fixed) - 2 {
		cells = append(cells, cell(st.textBold, nil))
	}
	total := 0
	for k := range years {
		cells = append(cells, formula(st.integerB, sumOf(firstYear+k, leaves), grand[k]))
		total += grand[k]
	}
	cells = append(cells, rowTotal(s.row+1, st.integerB, total))
	if err := s.add(cells); err != nil {
		return err
	}
	return s.finish(lastData)
}

// movementFixed is the number of columns before the years on the
// movements sheet: STT, Phong trào thi đua.
const movementFixed = 2

// writePeriodMovements writes each movement's targets met and measured a
// year, two columns under the year merged across them, then the period's
// met, measured and rate (%), the totals as SUMs and the rate as a formula
// that stays blank while nothing was measured.
func writePeriodMovements(b *workbook, ms []docs.PeriodMovementRow, years []int, title string) error {
	cols := []column{{"STT", 6}, {"Phong trào thi đua", 44}}
	for range years {
		cols = append(cols, column{"Đạt", 8}, column{"Có kết quả", 10})
	}
	cols = append(cols, column{"Đạt", 9}, column{"Có kết quả", 10}, column{"Tỷ lệ (%)", 10})
	s, err := b.newSheet(SheetPeriodMovements, cols, 2, movementFixed)
	if err != nil {
		return err
	}
	if err := s.titles(title, "Số chỉ tiêu đạt và số chỉ tiêu có kết quả của các phong trào thi đua qua các năm"); err != nil {
		return err
	}
	top := make([]string, len(cols))
	bottom := make([]string, len(cols))
	top[0], top[1] = cols[0].header, cols[1].header
	for k, y := range years {
		c := movementFixed + 2*k
		top[c] = "Năm " + strconv.Itoa(y)
		bottom[c], bottom[c+1] = "Đạt", "Có kết quả"
	}
	metCol := movementFixed + 2*len(years) + 1 // 1-based
	top[metCol-1] = "Cả giai đoạn"
	bottom[metCol-1], bottom[metCol], bottom[metCol+1] = "Đạt", "Có kết quả", "Tỷ lệ (%)"
	if err := s.header(top, 22); err != nil {
		return err
	}
	if err := s.header(bottom, 22); err != nil {
		return err
	}
	for c := 1; c <= movementFixed; c++ {
		if err := s.merge(ref(c, headerRow), ref(c, headerRow+1)); err != nil {
			return err
		}
	}
	for k := range years {
		c := movementFixed + 2*k + 1
		if err := s.merge(ref(c, headerRow), ref(c+1, headerRow)); err != nil {
			return err
		}
	}
	if err := s.merge(ref(metCol, headerRow), ref(metCol+2, headerRow)); err != nil {
		return err
	}

	st := b.st
	// yearCells are the met and measured of a year, blank both when the
	// movement had no result that year (as the report prints it).
	yearCells := func(met, measured int, bold bool) []any {
		if measured == 0 && met == 0 {
			return []any{cell(pick(bold, st.integerB, st.integer), nil), cell(pick(bold, st.integerB, st.integer), nil)}
		}
		return []any{cell(pick(bold, st.integerB, st.integer), met), cell(pick(bold, st.integerB, st.integer), measured)}
	}
	// periodCells are the totals of row r over the years and the rate.
	periodCells := func(r, met, measured int, bold bool) []any {
		var metRefs, measuredRefs []string
		for k := range years {
			c := movementFixed + 2*k + 1
			metRefs = append(metRefs, ref(c, r))
			measuredRefs = append(measuredRefs, ref(c+1, r))
		}
		var cached any = ""
		if measured > 0 {
			cached = 100 * float64(met) / float64(measured)
		}
		style := pick(bold, st.integerB, st.integer)
		return []any{
			formula(style, sumRefs(metRefs), met),
			formula(style, sumRefs(measuredRefs), measured),
			formula(pick(bold, st.percentB, st.percent), fmt.Sprintf(`IFERROR(%s/%s*100,"")`, ref(metCol, r), ref(metCol+1, r)), cached),
		}
	}
	first := s.row + 1
	yMet, yMeasured := make([]int, len(years)), make([]int, len(years))
	allMet, allMeasured := 0, 0
	for i, m := range ms {
		r := s.row + 1
		cells := []any{cell(st.center, i+1), cell(st.text, m.Name)}
		met, measured := 0, 0
		for k := range years {
			a, n := periodAt(m.Met, k), periodAt(m.Measured, k)
			cells = append(cells, yearCells(a, n, false)...)
			met, measured = met+a, measured+n
			yMet[k], yMeasured[k] = yMet[k]+a, yMeasured[k]+n
		}
		allMet, allMeasured = allMet+met, allMeasured+measured
		cells = append(cells, periodCells(r, met, measured, false)...)
		if err := s.add(cells); err != nil {
			return err
		}
	}
	lastData := s.row
	rows := make([]int, len(ms))
	for i := range rows {
		rows[i] = first + i
	}
	r := s.row + 1
	cells := []any{cell(st.centerB, nil), cell(st.textBold, "Tổng cộng")}
	for k := range years {
		c := movementFixed + 2*k + 1
		cells = append(cells, formula(st.integerB, sumOf(c, rows), yMet[k]), formula(st.integerB, sumOf(c+1, rows), yMeasured[k]))
	}
	cells = append(cells, periodCells(r, allMet, allMeasured, true)...)
	if err := s.add(cells); err != nil {
		return err
	}
	return s.finish(lastData)
}

// sumRefs is a SUM of the given cells; SUM() of nothing is 0.
func sumRefs(refs []string) string {
	if len(refs) == 0 {
		return "0"
	}
	return "SUM(" + strings.Join(refs, ",") + ")"
}

// writePeriodRanks writes the office's place in its emulation cluster a
// year; a year without a ranking is left blank.
func writePeriodRanks(b *workbook, ranks []int, years []int, title string) error {
	cols := []column{{"Năm", 10}, {"Xếp hạng trong cụm thi đua", 22}, {"Ghi chú", 40}}
	s, err := b.newSheet(SheetPeriodRanks, cols, 1, 0)
	if err != nil {
		return err
	}
	if err := s.titles(title, "Kết quả xếp hạng trong cụm thi đua"); err != nil {
		return err
	}
	if err := s.header([]string{cols[0].header, cols[1].header, cols[2].header}, 36); err != nil {
		return err
	}
	st := b.st
	for k, y := range years {
		var rank any
		note := ""
		if r := periodAt(ranks, k); r > 0 {
			rank = r
		} else {
			note = "Chưa có kết quả xếp hạng"
		}
		if err := s.add([]any{cell(st.center, y), cell(st.center, rank), cell(st.text, note)}); err != nil {
			return err
		}
	}
	return s.finish(s.row)
}
