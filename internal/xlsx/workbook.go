package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

// The year's workbooks (bản đăng ký, chấm điểm, sơ kết) share one shape per
// sheet: a title in row 1, a subtitle in row 2, the header from row 3 (bold,
// shaded, bordered, repeated on every printed page, frozen on screen, with
// an autofilter), then the data; printed on A4 landscape, fitted to the
// page width. Rows are written with the stream writer, which also stores a
// formula together with its cached value, so that a viewer that does not
// recalculate still shows the numbers.

const (
	titleRow    = 1
	subtitleRow = 2
	headerRow   = 3 // first header row
	fillHeader  = "DDEBF7"
	fillGroup   = "F2F2F2"
	fontFamily  = "Times New Roman" // what offices print their lists in (NĐ 30 names it for documents)
	a4PaperSize = 9
)

// workbook is a workbook being written, with its styles.
type workbook struct {
	f      *excelize.File
	st     bookStyles
	sheets int
}

// bookStyles are the cell styles of the year's workbooks. The numeric ones
// come in pairs: plain and bold (group and total rows).
type bookStyles struct {
	title, subtitle, header          int
	text, textBold, center, centerB  int
	integer, integerB, decimal, decB int
	percent, percentB, date, mark    int
	score, scoreB                    int    // points: General, so 48 shows as 48 and 57.5 as 57.5
	indent                           [4]int // criterion names by depth
	indentBold                       [4]int
}

// bookInfo is what the document properties say about a workbook.
type bookInfo struct {
	title, subject, author, keywords string
	date                             domain.Date
}

func newBook(info bookInfo) (*workbook, error) {
	f := excelize.NewFile()
	b := &workbook{f: f}
	if err := f.SetDefaultFont(fontFamily); err != nil {
		return nil, err
	}
	stamp := "2000-01-01T00:00:00Z"
	if d := info.date; d.Year > 0 && d.Month > 0 && d.Day > 0 {
		stamp = d.Time().Format("2006-01-02T15:04:05Z")
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:       nfc(info.title),
		Subject:     nfc(info.subject),
		Creator:     nfc(info.author),
		Keywords:    nfc(info.keywords),
		Category:    "Thi đua, khen thưởng",
		Description: "Lập bằng phần mềm TĐKT",
		Language:    "vi-VN",
		Created:     stamp,
		Modified:    stamp,
	}); err != nil {
		return nil, err
	}
	// Excel recalculates the totals when the file is opened, so a total
	// never disagrees with scores changed by hand and saved elsewhere.
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return nil, err
	}
	st, err := newBookStyles(f)
	if err != nil {
		return nil, err
	}
	b.st = st
	return b, nil
}

func newBookStyles(f *excelize.File) (bookStyles, error) {
	var st bookStyles
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	bold := &excelize.Font{Bold: true, Family: fontFamily, Size: 12}
	plain := &excelize.Font{Family: fontFamily, Size: 12}
	group := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillGroup}}
	top := func(h string, indent int) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "top", WrapText: true, Indent: indent}
	}
	integer, dec, pct, date := "#,##0", "#,##0.0#", "0.0", dateFormat
	defs := []struct {
		dst *int
		s   *excelize.Style
	}{
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Family: fontFamily, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.subtitle, &excelize.Style{Font: &excelize.Font{Italic: true, Family: fontFamily, Size: 12}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.header, &excelize.Style{Font: bold, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillHeader}}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.text, &excelize.Style{Font: plain, Border: border, Alignment: top("left", 0)}},
		{&st.textBold, &excelize.Style{Font: bold, Fill: group, Border: border, Alignment: top("left", 0)}},
		{&st.center, &excelize.Style{Font: plain, Border: border, Alignment: top("center", 0)}},
		{&st.centerB, &excelize.Style{Font: bold, Fill: group, Border: border, Alignment: top("center", 0)}},
		{&st.integer, &excelize.Style{Font: plain, Border: border, Alignment: top("right", 0), CustomNumFmt: &integer}},
		{&st.integerB, &excelize.Style{Font: bold, Fill: group, Border: border, Alignment: top("right", 0), CustomNumFmt: &integer}},
		{&st.decimal, &excelize.Style{Font: plain, Border: border, Alignment: top("right", 0), CustomNumFmt: &dec}},
		{&st.decB, &excelize.Style{Font: bold, Fill: group, Border: border, Alignment: top("right", 0), CustomNumFmt: &dec}},
		{&st.percent, &excelize.Style{Font: plain, Border: border, Alignment: top("right", 0), CustomNumFmt: &pct}},
		{&st.percentB, &excelize.Style{Font: bold, Fill: group, Border: border, Alignment: top("right", 0), CustomNumFmt: &pct}},
		{&st.date, &excelize.Style{Font: plain, Border: border, Alignment: top("center", 0), CustomNumFmt: &date}},
		{&st.mark, &excelize.Style{Font: plain, Border: border, Alignment: top("center", 0)}},
		{&st.score, &excelize.Style{Font: plain, Border: border, Alignment: top("center", 0)}},
		{&st.scoreB, &excelize.Style{Font: bold, Fill: group, Border: border, Alignment: top("center", 0)}},
	}
	for i := range st.indent {
		defs = append(defs,
			struct {
				dst *int
				s   *excelize.Style
			}{&st.indent[i], &excelize.Style{Font: plain, Border: border, Alignment: top("left", 2*i)}},
			struct {
				dst *int
				s   *excelize.Style
			}{&st.indentBold[i], &excelize.Style{Font: bold, Fill: group, Border: border, Alignment: top("left", 2*i)}},
		)
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.s)
		if err != nil {
			return st, err
		}
		*d.dst = id
	}
	return st, nil
}

// number is the numeric style for x: whole numbers without decimals, the
// others with one or two.
func (st bookStyles) number(x float64, bold bool) int {
	whole := x == math.Trunc(x)
	switch {
	case whole && bold:
		return st.integerB
	case whole:
		return st.integer
	case bold:
		return st.decB
	}
	return st.decimal
}

// column is one column of a sheet: its header and width in characters.
type column struct {
	header string
	width  float64
}

// sheetWriter streams one sheet of the year's shape.
// ErrTooManyRows is wrapped when a sheet would pass the last row Excel
// has: nothing past it is attempted, and the file is not written.
var ErrTooManyRows = errors.New("bảng tính quá dài")

type sheetWriter struct {
	b       *workbook
	name    string
	sw      *excelize.StreamWriter
	cols    int
	widths  []float64
	headers int // header rows (1, or 2 for column groups)
	row     int // the last row written
}

// newSheet starts sheet name (the first sheet renames the default one),
// sets the column widths and freezes the panes under the header rows and
// right of freezeCols columns.
func (b *workbook) newSheet(name string, cols []column, headers, freezeCols int) (*sheetWriter, error) {
	if b.sheets == 0 {
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := b.f.NewSheet(name); err != nil {
		return nil, err
	}
	b.sheets++
	// The stream writer writes the sheet properties when it starts and
	// the other sheet-level settings (autofilter, validations, page setup)
	// when it is flushed, from the same worksheet the File API changes:
	// set them before the flush, never after.
	fit := true
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, err
		}
	}
	first := headerRow + headers // first data row
	topLeft, _ := excelize.CoordinatesToCellName(freezeCols+1, first)
	panes := &excelize.Panes{Freeze: true, YSplit: first - 1, XSplit: freezeCols, TopLeftCell: topLeft, ActivePane: "bottomLeft"}
	if freezeCols > 0 {
		panes.ActivePane = "bottomRight"
	}
	if err := sw.SetPanes(panes); err != nil {
		return nil, err
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.width
	}
	return &sheetWriter{b: b, name: name, sw: sw, cols: len(cols), widths: widths, headers: headers}, nil
}

// titles writes the title and subtitle rows, each merged across the sheet.
func (s *sheetWriter) titles(title, subtitle string) error {
	last, _ := excelize.ColumnNumberToName(s.cols)
	for i, t := range []string{title, subtitle} {
		row := titleRow + i
		style := s.b.st.title
		if i == 1 {
			style = s.b.st.subtitle
		}
		if err := s.sw.SetRow(fmt.Sprintf("A%d", row), []any{excelize.Cell{StyleID: style, Value: nfc(t)}}, excelize.RowOpts{Height: 24}); err != nil {
			return err
		}
		if s.cols > 1 {
			if err := s.sw.MergeCell(fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)); err != nil {
				return err
			}
		}
		s.row = row
	}
	return nil
}

// header writes one header row; empty cells of a second header row are
// left for merges.
func (s *sheetWriter) header(cells []string, height float64) error {
	vals := make([]any, len(cells))
	for i, c := range cells {
		vals[i] = excelize.Cell{StyleID: s.b.st.header, Value: nfc(c)}
	}
	s.row++
	return s.sw.SetRow(fmt.Sprintf("A%d", s.row), vals, excelize.RowOpts{Height: height})
}

// add writes the next row; texts are put in NFC.
func (s *sheetWriter) add(cells []any) error {
	for i, c := range cells {
		switch v := c.(type) {
		case string:
			cells[i] = nfc(v)
		case excelize.Cell:
			if str, ok := v.Value.(string); ok {
				// An empty text is no value at all: COUNTA and the
				// autofilter's "(Blanks)" then see the cell as empty.
				if v.Value = nfc(str); v.Value == "" {
					v.Value = nil
				}
				cells[i] = v
			}
		}
	}
	if s.row >= excelize.TotalRows {
		return fmt.Errorf("%w: trang “%s” đã đủ %d dòng, số dòng tối đa của một trang Excel; hãy xuất theo từng phần (từng năm, từng đơn vị)", ErrTooManyRows, s.name, excelize.TotalRows)
	}
	s.row++
	var opts []excelize.RowOpts
	if n := s.lines(cells); n > 1 {
		opts = append(opts, excelize.RowOpts{Height: min(lineHeight*float64(n)+3, maxRowHeight)})
	}
	return s.sw.SetRow(fmt.Sprintf("A%d", s.row), cells, opts...)
}

// lineHeight is the height in points of a line of 12-point text.
const lineHeight = 15.75

// maxRowHeight is the tallest row Excel allows, in points. A cell of more
// lines (a long list of achievements) gets this height and wraps inside
// it; the whole text stays in the cell, to be read in the formula bar or
// by widening the row's cell.
const maxRowHeight = 409

// lines estimates how many lines the tallest cell of a row wraps to. The
// stream writer stores no row heights of its own and LibreOffice does not
// fit them on load, so a wrapped unit name would be cut off without it.
func (s *sheetWriter) lines(cells []any) int {
	most := 1
	for i, c := range cells {
		if i >= len(s.widths) {
			break
		}
		v, ok := c.(excelize.Cell)
		if !ok {
			continue
		}
		str, ok := v.Value.(string)
		if !ok || str == "" {
			continue
		}
		// A column of width w holds about w digits of the default font;
		// 12-point Times New Roman letters average a little narrower
		// (measured in LibreOffice: 46 letters of a unit name fill 46).
		room := max(1, int(s.widths[i]*1.05))
		n := 0
		for _, para := range strings.Split(str, "\n") {
			n += wrappedLines(para, room)
		}
		most = max(most, n)
	}
	return most
}

// wrappedLines is the number of lines of at most room runes that text
// breaks into at spaces.
func wrappedLines(text string, room int) int {
	n, cur := 1, 0
	for _, w := range strings.Fields(text) {
		l := utf8.RuneCountInString(w)
		switch {
		case cur == 0:
			cur = l
		case cur+1+l <= room:
			cur += 1 + l
		default:
			n++
			cur = l
		}
		for cur > room { // a word longer than the line
			n++
			cur -= room
		}
	}
	return n
}

// merge merges a range while streaming.
func (s *sheetWriter) merge(from, to string) error { return s.sw.MergeCell(from, to) }

// finish sets the autofilter over the last header row down to lastData,
// the page setup (A4 landscape, one page wide, page numbers in the
// footer), the header rows printed on every page and the print area, then
// flushes the rows. Data validations must be added before it.
func (s *sheetWriter) finish(lastData int) error {
	f := s.b.f
	last, _ := excelize.ColumnNumberToName(s.cols)
	filterRow := headerRow + s.headers - 1
	if err := f.AutoFilter(s.name, fmt.Sprintf("A%d:%s%d", filterRow, last, max(lastData, filterRow)), nil); err != nil {
		return err
	}
	size, orient, one, zero := a4PaperSize, "landscape", 1, 0
	if err := f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	// Margins in inches: about 20 mm top and bottom, 15 mm at the sides.
	m, mt, hf := 0.6, 0.8, 0.3
	if err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Top: &mt, Bottom: &mt, Left: &m, Right: &m, Header: &hf, Footer: &hf}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddFooter: "&CTrang &P/&N"}); err != nil {
		return err
	}
	q := quoteSheet(s.name)
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: s.name,
		RefersTo: fmt.Sprintf("%s!$%d:$%d", q, headerRow, headerRow+s.headers-1),
	}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", Scope: s.name,
		RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", q, last, s.row),
	}); err != nil {
		return err
	}
	return s.sw.Flush()
}

// quoteSheet quotes a sheet name for a reference: 'Tập thể'.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// write saves the workbook, the first sheet active.
func (b *workbook) write(w io.Writer) error {
	b.f.SetActiveSheet(0)
	_, err := b.f.WriteTo(w)
	return err
}

func nfc(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }

// cell is a shorthand for a styled cell.
func cell(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }

// formula is a styled cell holding a formula and its cached value.
func formula(style int, f string, cached any) excelize.Cell {
	return excelize.Cell{StyleID: style, Formula: f, Value: cached}
}

// ref is the A1 name of a cell.
func ref(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// colName is the letter name of a column.
func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// sumOf is a SUM over the given rows of column col, contiguous rows joined
// into ranges: SUM(E5:E7,E10). rows must be ascending.
func sumOf(col int, rows []int) string {
	if len(rows) == 0 {
		return "0"
	}
	c := colName(col)
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, fmt.Sprintf("%s%d", c, rows[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%s%d:%s%d", c, rows[i], c, rows[j]))
		}
		i = j + 1
	}
	return "SUM(" + strings.Join(parts, ",") + ")"
}
