package xlsx

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"tdkt/internal/domain"
)

// Colours of the templates and the report. Required headers are orange and
// bold, optional ones grey, so a clerk sees at a glance what must be filled.
const (
	fillRequired = "F8CBAD"
	fillOptional = "E7E6E6"
	fillBadCell  = "FFC7CE"
	dateFormat   = "dd/mm/yyyy"
	// validationRows is how far down the drop-downs and column formats
	// reach; far more rows than an office has people.
	validationRows = 20000
)

// WriteTemplate writes the import template of spec: the data sheet with
// its header row (required columns bold on orange), one example row, text
// format for code columns, date format for date columns, drop-downs for the
// closed lists and the header frozen; then the "Hướng dẫn" sheet with a
// note per column; then a hidden sheet with the drop-down values.
func WriteTemplate(spec Spec, w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := spec.Sheet
	if sheet == "" {
		sheet = "Dữ liệu"
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("template: %w", err)
	}
	// Sheet order: data, notes, then the hidden lists.
	for _, name := range []string{NotesSheet, listSheet} {
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("template: %w", err)
		}
	}
	listCol := 0
	for i, c := range spec.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		header := col + "1"
		if err := f.SetColWidth(sheet, col, col, columnWidth(c)); err != nil {
			return fmt.Errorf("template: %w", err)
		}
		body := 0
		switch c.Kind {
		case Code:
			body = st.text
		case Date:
			body = st.date
		}
		if body != 0 {
			if err := f.SetColStyle(sheet, col, body); err != nil {
				return fmt.Errorf("template: %w", err)
			}
		}
		if err := f.SetCellValue(sheet, header, c.Name); err != nil {
			return fmt.Errorf("template: %w", err)
		}
		hs := st.optional
		if c.Required || c.Group != "" {
			hs = st.required
		}
		if err := f.SetCellStyle(sheet, header, header, hs); err != nil {
			return fmt.Errorf("template: %w", err)
		}
		if err := setValue(f, sheet, col+"2", c.Example, st); err != nil {
			return fmt.Errorf("template: %w", err)
		}
		if len(c.Choices) > 0 {
			listCol++
			if err := addDropDown(f, sheet, col, listCol, c); err != nil {
				return fmt.Errorf("template: %w", err)
			}
		}
	}
	if err := f.SetRowHeight(sheet, 1, 32); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if err := writeNotes(f, spec, st); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if err := f.SetSheetVisible(listSheet, false); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	return nil
}

func columnWidth(c Column) float64 {
	n := utf8.RuneCountInString(c.Name) + 4
	for _, ch := range c.Choices {
		n = max(n, utf8.RuneCountInString(ch)+2)
	}
	if s, ok := c.Example.(string); ok {
		n = max(n, utf8.RuneCountInString(s)+2)
	}
	return float64(min(max(n, 12), 45))
}

// addDropDown writes the choices into column listCol of the hidden list
// sheet and points a list validation at them. The error style is a warning,
// not a stop: the importer also accepts codes ("HTXSNV") that the list does
// not show, and a clerk must be able to type them.
func addDropDown(f *excelize.File, sheet, col string, listCol int, c Column) error {
	lc, _ := excelize.ColumnNumberToName(listCol)
	for i, v := range c.Choices {
		if err := f.SetCellStr(listSheet, fmt.Sprintf("%s%d", lc, i+1), v); err != nil {
			return err
		}
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, validationRows))
	dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$1:$%s$%d", listSheet, lc, lc, len(c.Choices)))
	dv.SetError(excelize.DataValidationErrorStyleWarning, truncate(c.Name, 32),
		truncate("Giá trị không có trong danh sách. Chọn trong danh sách, hoặc xem trang “Hướng dẫn” để biết các cách viết được chấp nhận.", 255))
	if c.Note != "" {
		dv.SetInput(truncate(c.Name, 32), truncate(c.Note, 255))
	}
	return f.AddDataValidation(sheet, dv)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func writeNotes(f *excelize.File, spec Spec, st styles) error {
	row := 1
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(NotesSheet, cell, v); err != nil {
			return err
		}
		if style != 0 {
			return f.SetCellStyle(NotesSheet, cell, cell, style)
		}
		return nil
	}
	if spec.Title != "" {
		if err := set("A1", spec.Title, st.title); err != nil {
			return err
		}
		row = 3
	}
	for _, n := range spec.Notes {
		if err := set(fmt.Sprintf("A%d", row), n, 0); err != nil {
			return err
		}
		row++
	}
	row++
	for i, h := range []string{"Cột", "Bắt buộc", "Kiểu dữ liệu", "Giá trị chấp nhận", "Hướng dẫn"} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := set(fmt.Sprintf("%s%d", col, row), h, st.required); err != nil {
			return err
		}
	}
	for _, c := range spec.Columns {
		row++
		req := ""
		switch {
		case c.Required:
			req = "Bắt buộc"
		case c.Group != "":
			req = "Bắt buộc một trong hai"
		}
		vals := []any{c.Name, req, kindLabel(c.Kind), strings.Join(c.Choices, "; "), c.Note}
		for i, v := range vals {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := set(fmt.Sprintf("%s%d", col, row), v, st.wrap); err != nil {
				return err
			}
		}
	}
	for col, width := range map[string]float64{"A": 26, "B": 14, "C": 16, "D": 40, "E": 80} {
		if err := f.SetColWidth(NotesSheet, col, col, width); err != nil {
			return err
		}
	}
	return nil
}

func kindLabel(k Kind) string {
	switch k {
	case Code:
		return "Mã (dạng chữ)"
	case Date:
		return "Ngày (dd/mm/yyyy)"
	case Number:
		return "Số"
	}
	return "Chữ"
}

// styles are the cell styles a workbook of this package uses.
type styles struct {
	required, optional, text, date, title, wrap, bad, bold int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	dateFmt := dateFormat
	defs := []struct {
		dst *int
		s   *excelize.Style
	}{
		{&st.required, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillRequired}}, Border: border, Alignment: center, NumFmt: 49}},
		{&st.optional, &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillOptional}}, Border: border, Alignment: center, NumFmt: 49}},
		{&st.text, &excelize.Style{NumFmt: 49}},
		{&st.date, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.wrap, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border}},
		{&st.bad, &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillBadCell}}, NumFmt: 49}},
		{&st.bold, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillOptional}}, Border: border, Alignment: center}},
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

// setValue writes a template example value with the type it has: a
// domain.Date becomes a real date cell, a number a number, text text.
func setValue(f *excelize.File, sheet, cell string, v any, st styles) error {
	switch x := v.(type) {
	case nil:
		return nil
	case domain.Date:
		if x.IsZero() {
			return nil
		}
		if err := f.SetCellValue(sheet, cell, x.Time()); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, st.date)
	case string:
		return f.SetCellStr(sheet, cell, x)
	default:
		return f.SetCellValue(sheet, cell, x)
	}
}

// Report is the list of rejected rows, written back with their original
// values so a clerk can fix them in place and import the report itself.
type Report struct {
	Sheet   string   // e.g. "Dòng bị từ chối"
	Headers []string // the original header texts, by column index
	Rows    []ReportRow
}

// ReportRow is one rejected row.
type ReportRow struct {
	Num    int      // spreadsheet row number in the original file
	Values []string // the original texts, by column index
	Issues []ReportIssue
}

// ReportIssue is one reason a row was rejected.
type ReportIssue struct {
	Col    int    // column index into Headers; -1 when the reason is about the row
	Column string // the column as the reason names it
	Reason string
}

// WriteReport writes the rejected rows: "Dòng" (the row in the original
// file), the original columns, then "Lý do" with one line per problem
// ("Số CCCD: …"). Cells that a reason is about are shaded red. The header
// row carries the original headers, so the report is itself importable
// once fixed ("Dòng" and "Lý do" are then ignored as unknown columns).
func WriteReport(rep Report, w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := rep.Sheet
	if sheet == "" {
		sheet = "Dòng bị từ chối"
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	last := len(rep.Headers) + 2
	if err := sw.SetColWidth(1, 1, 8); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if last > 2 {
		if err := sw.SetColWidth(2, last-1, 18); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	if err := sw.SetColWidth(last, last, 70); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	header := make([]any, 0, last)
	header = append(header, excelize.Cell{StyleID: st.bold, Value: "Dòng"})
	for _, h := range rep.Headers {
		header = append(header, excelize.Cell{StyleID: st.bold, Value: h})
	}
	header = append(header, excelize.Cell{StyleID: st.required, Value: "Lý do"})
	if err := sw.SetRow("A1", header); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for i, r := range rep.Rows {
		bad := map[int]bool{}
		var reasons []string
		for _, is := range r.Issues {
			bad[is.Col] = true
			if is.Column != "" {
				reasons = append(reasons, is.Column+": "+is.Reason)
			} else {
				reasons = append(reasons, is.Reason)
			}
		}
		vals := make([]any, 0, last)
		vals = append(vals, r.Num)
		for c := range rep.Headers {
			v := ""
			if c < len(r.Values) {
				v = r.Values[c]
			}
			style := st.text
			if bad[c] {
				style = st.bad
			}
			vals = append(vals, excelize.Cell{StyleID: style, Value: v})
		}
		vals = append(vals, excelize.Cell{StyleID: st.wrap, Value: strings.Join(reasons, "\n")})
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, vals); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// WriteRows writes rows as the first sheet of a new workbook, cell by cell
// with the Go type deciding the cell type: string is text, integers and
// floats are numbers, domain.Date is a real date shown dd/mm/yyyy,
// time.Time is a real date shown in Excel's built-in d-mmm-yy format, nil
// is an empty cell; a nil or empty row is a blank row. Tests and benchmarks
// use it to build the messy files clerks really send.
func WriteRows(w io.Writer, rows [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	dateFmt := dateFormat
	dmy, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return err
	}
	builtin, err := f.NewStyle(&excelize.Style{NumFmt: 15})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	for i, row := range rows {
		if len(row) == 0 {
			continue
		}
		vals := make([]any, len(row))
		for j, v := range row {
			switch x := v.(type) {
			case domain.Date:
				vals[j] = excelize.Cell{StyleID: dmy, Value: x.Time()}
			case time.Time:
				vals[j] = excelize.Cell{StyleID: builtin, Value: x}
			default:
				vals[j] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
