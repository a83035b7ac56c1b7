package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"tdkt/internal/domain"
)

// headerSearchRows is how far down the header row may sit: enough for a
// title, a subtitle and a blank line or two, little enough that a data row
// that happens to contain header words is never taken for the header.
const headerSearchRows = 10

// Cell is one cell of a data row.
type Cell struct {
	// Text is what the cell says: text as typed (not yet cleaned), a number
	// in plain digits (79012345678, never 7.9E+10 or 79012345678.0), a date
	// as dd/mm/yyyy.
	Text string
	// Date is the day when the cell is a real Excel date: a number with a
	// date format, or any number in a Date column. Zero otherwise.
	Date domain.Date
	// Numeric is true when the cell holds a number rather than text; an
	// 11-digit CCCD in a number cell has lost its leading zero.
	Numeric bool
}

// Blank reports whether the cell holds nothing but white space.
func (c Cell) Blank() bool { return strings.TrimSpace(c.Text) == "" }

// Table is the data of an import sheet.
type Table struct {
	Sheet     string
	HeaderRow int            // spreadsheet row number of the header (1-based)
	Headers   []string       // header texts as typed, by column index
	Unknown   []string       // headers that are not columns of the spec, as typed
	Repeated  []string       // spec columns present more than once (the first one is read)
	Rows      []Row          // non-blank rows below the header, in sheet order
	cols      map[string]int // HeaderKey of a spec column -> column index
	byName    map[string]int // cache of Index
}

// Index is the column index of the spec column name, -1 when the sheet
// lacks it.
func (t *Table) Index(name string) int {
	// Callers ask by the same few names for every row: remember the answer
	// rather than normalising the name again each time.
	if i, ok := t.byName[name]; ok {
		return i
	}
	i, ok := t.cols[HeaderKey(name)]
	if !ok {
		i = -1
	}
	if t.byName == nil {
		t.byName = map[string]int{}
	}
	t.byName[name] = i
	return i
}

// Has reports whether the sheet has the spec column name.
func (t *Table) Has(name string) bool { return t.Index(name) >= 0 }

// Row is one non-blank data row.
type Row struct {
	Num   int    // spreadsheet row number, as the clerk sees it in Excel
	Cells []Cell // by column index, as many as Headers
	table *Table
}

// Get returns the cell of the spec column name; the zero Cell when the
// sheet lacks the column.
func (r Row) Get(name string) Cell {
	if i := r.table.Index(name); i >= 0 {
		return r.Cells[i]
	}
	return Cell{}
}

// Values are the row's texts by column index, for the report.
func (r Row) Values() []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = c.Text
	}
	return out
}

// openOptions bound what opening a workbook may cost: excelize reserves
// memory for a part as large as the zip's directory declares, so one
// flipped bit in a 6 KB file asked for a gigabyte and the application died
// (found by FuzzReadTable). No import file comes near 256 MB unpacked.
var openOptions = excelize.Options{UnzipSizeLimit: 256 << 20}

// ReadTable reads the first sheet of the workbook in r: it finds the header
// row (the first of the first ten rows that holds every required column of
// spec), maps the columns whatever their order, and returns the non-blank
// rows below it with typed cells. A workbook too damaged to read, even one
// that makes excelize panic, gives an error wrapping ErrNotWorkbook.
func ReadTable(r io.Reader, spec Spec) (t *Table, err error) {
	var at location
	defer recoverCorrupt(&at, &err)
	return readTable(r, spec, &at)
}

// readTable is ReadTable, keeping at up to date for a panic's message.
func readTable(r io.Reader, spec Spec, at *location) (*Table, error) {
	f, err := excelize.OpenReader(r, openOptions)
	if err != nil {
		return nil, openError(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%w: tệp không có trang tính nào", ErrNotWorkbook)
	}
	sheet := sheets[0]
	at.sheet = sheet
	raw, meta, err := readRaw(f, sheet)
	if err != nil {
		return nil, err
	}
	t, err := findHeader(raw, spec)
	if err != nil {
		var he *HeaderError
		if asHeaderError(err, &he) {
			he.Sheet = sheet
		}
		return nil, err
	}
	t.Sheet = sheet
	// What each column needs to know about its cells' types: nothing for
	// columns outside the spec (they only go back into the report), nothing
	// for date columns (any number there is a date), the type and number
	// format for the rest.
	kinds := make([]colKind, len(t.Headers))
	for _, c := range spec.Columns {
		if i := t.Index(c.Name); i >= 0 {
			kinds[i] = typedColumn
			if c.Kind == Date {
				kinds[i] = dateColumn
			}
		}
	}
	ty, err := newTyper(f, sheet)
	if err != nil {
		return nil, err
	}
	ty.at = at
	var pending []pendingCell
	for i := t.HeaderRow; i < len(raw); i++ {
		vals := raw[i]
		if blankRow(vals) {
			continue
		}
		at.row = i + 1
		row := Row{Num: i + 1, Cells: make([]Cell, len(t.Headers)), table: t}
		for c := 0; c < len(t.Headers) && c < len(vals); c++ {
			v := vals[c]
			if v == "" {
				continue
			}
			cell := Cell{Text: v}
			switch kinds[c] {
			case dateColumn:
				if meta == nil || !textType(meta[i][c].t) {
					ty.date(&cell)
				}
			case typedColumn:
				switch {
				case !maybeNumber(v):
				case meta != nil:
					m := meta[i][c]
					ty.number(&cell, !textType(m.t), m.style)
				default:
					pending = append(pending, pendingCell{row: len(t.Rows), col: c})
				}
			}
			row.Cells[c] = cell
		}
		t.Rows = append(t.Rows, row)
	}
	if err := ty.fillAll(t, pending); err != nil {
		return nil, err
	}
	return t, nil
}

// textType reports whether a cell's type attribute makes it text (or a
// boolean or an error), as opposed to a number or a date.
func textType(t string) bool { return t != "" && t != "n" && t != "d" }

// pendingCell is a cell that looks like a number in a spec column, read
// without the fast reader: whether it is one (and maybe a date) is asked
// of excelize's model once the whole sheet is read.
type pendingCell struct {
	row, col int // indexes into Table.Rows and Row.Cells
}

// fillAll types the pending cells from excelize's model of the sheet
// (which costs a second parse of the whole sheet: only files the fast
// reader refused come here).
func (ty *typer) fillAll(t *Table, pending []pendingCell) error {
	for _, p := range pending {
		row := t.Rows[p.row]
		if err := ty.fill(&row.Cells[p.col], p.col+1, row.Num); err != nil {
			return err
		}
	}
	return nil
}

// useScan is switched off by a test to compare the byte scans with
// excelize's stream and model on the same workbook.
var useScan = true

type colKind int

const (
	untypedColumn colKind = iota
	typedColumn
	dateColumn
)

// maybeNumber reports whether a raw value could be a number cell rather
// than text. Only those cells are worth asking the sheet model about, and
// the model costs a second parse of the whole sheet, so the test is tight:
// digits with a leading zero ("042085000123") are text, since Excel never
// stores a number that way.
func maybeNumber(v string) bool {
	if v == "" || !strings.ContainsRune("0123456789+-.", rune(v[0])) {
		return false // most text: no need to build a parse error
	}
	if len(v) > 1 && v[0] == '0' && v[1] != '.' {
		return false
	}
	_, err := strconv.ParseFloat(v, 64)
	return err == nil
}

func asHeaderError(err error, target **HeaderError) bool {
	he, ok := err.(*HeaderError)
	if ok {
		*target = he
	}
	return ok
}

// readRaw returns every row's raw cell values (shared strings resolved,
// numbers as stored), indexed by row number - 1, and when the fast reader
// could be used, each cell's type and style beside them. The fast reader
// scans the sheet XML bytes directly; excelize's own row stream decodes
// the same XML several times slower and allocates tenfold, which matters
// for a 10,000-row file on an office's two-core machine. Anything unusual
// sends the sheet through excelize instead.
func readRaw(f *excelize.File, sheet string) ([][]string, [][]cellMeta, error) {
	if useScan {
		if data := sheetXML(f, sheet); data != nil {
			if sst, ok := sharedStrings(f); ok {
				if vals, meta, ok := scanSheet(data, sst); ok {
					n := len(vals)
					for n > 0 && blankRow(vals[n-1]) {
						n--
					}
					return vals[:n], meta[:n], nil
				}
			}
		}
	}
	vals, err := rawRows(f, sheet)
	return vals, nil, err
}

// rawRows streams the sheet through excelize.
func rawRows(f *excelize.File, sheet string) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	var out [][]string
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("%w: dòng %d: %v", ErrNotWorkbook, len(out)+1, err)
		}
		out = append(out, cols)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	// Trailing rows that only carry formatting come back empty; drop them.
	for len(out) > 0 && blankRow(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	return out, nil
}

func blankRow(vals []string) bool {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// findHeader picks the header row and maps the spec's columns onto it.
func findHeader(raw [][]string, spec Spec) (*Table, error) {
	want := map[string]bool{}
	for _, c := range spec.Columns {
		want[HeaderKey(c.Name)] = true
	}
	best, bestMissing := 0, []string(nil)
	for i := 0; i < len(raw) && i < headerSearchRows; i++ {
		present := map[string]bool{}
		hits := 0
		for _, h := range raw[i] {
			if k := HeaderKey(h); want[k] && !present[k] {
				present[k] = true
				hits++
			}
		}
		missing := missingColumns(spec, present)
		if len(missing) == 0 {
			return mapColumns(raw[i], i+1, want), nil
		}
		if hits > 0 && (best == 0 || len(missing) < len(bestMissing)) {
			best, bestMissing = i+1, missing
		}
	}
	if best == 0 {
		bestMissing = missingColumns(spec, nil)
	}
	return nil, &HeaderError{Missing: bestMissing, Closest: best}
}

// missingColumns lists the required columns absent from present, and for
// each group none of whose columns is present, the group as "A hoặc B".
func missingColumns(spec Spec, present map[string]bool) []string {
	var missing []string
	groups := map[string][]string{}
	var order []string
	groupOK := map[string]bool{}
	for _, c := range spec.Columns {
		k := HeaderKey(c.Name)
		switch {
		case c.Group != "":
			if _, seen := groups[c.Group]; !seen {
				order = append(order, c.Group)
			}
			groups[c.Group] = append(groups[c.Group], c.Name)
			groupOK[c.Group] = groupOK[c.Group] || present[k]
		case c.Required && !present[k]:
			missing = append(missing, c.Name)
		}
	}
	for _, g := range order {
		if !groupOK[g] {
			missing = append(missing, strings.Join(groups[g], " hoặc "))
		}
	}
	return missing
}

func mapColumns(header []string, rowNum int, want map[string]bool) *Table {
	t := &Table{HeaderRow: rowNum, cols: map[string]int{}}
	// Trailing blank header cells carry no column.
	n := len(header)
	for n > 0 && strings.TrimSpace(header[n-1]) == "" {
		n--
	}
	t.Headers = append([]string(nil), header[:n]...)
	for i, h := range t.Headers {
		if strings.TrimSpace(h) == "" {
			continue
		}
		k := HeaderKey(h)
		switch _, dup := t.cols[k]; {
		case !want[k]:
			t.Unknown = append(t.Unknown, collapse(h))
		case dup:
			t.Repeated = append(t.Repeated, collapse(h))
		default:
			t.cols[k] = i
		}
	}
	return t
}

// typer finds out what a cell that looks like a number really is: text
// that happens to be digits, a plain number, or a date, from the type and
// style the fast reader found or, failing that, from excelize's model.
type typer struct {
	f        *excelize.File
	sheet    string
	date1904 bool
	isDate   map[int]bool // style ID -> its number format shows a date
	at       *location    // how far reading has got, for a panic; nil: not kept
}

func newTyper(f *excelize.File, sheet string) (*typer, error) {
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	return &typer{f: f, sheet: sheet, date1904: props.Date1904 != nil && *props.Date1904, isDate: map[int]bool{}}, nil
}

// fill types a cell of a spec column that looks like a number: a number
// cell gets plain digits, and a date when its number format shows a day.
func (ty *typer) fill(c *Cell, col, row int) error {
	axis, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if ty.at != nil {
		ty.at.row, ty.at.cell = row, axis
	}
	typ, err := ty.f.GetCellType(ty.sheet, axis)
	if err != nil {
		return fmt.Errorf("%w: ô %s: %v", ErrNotWorkbook, axis, err)
	}
	style := 0
	isNumber := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
	if isNumber {
		if style, err = ty.f.GetCellStyle(ty.sheet, axis); err != nil {
			return fmt.Errorf("%w: ô %s: %v", ErrNotWorkbook, axis, err)
		}
	}
	ty.number(c, isNumber, style)
	return nil
}

// number settles a cell that looks like a number once its type and style
// are known: text that happens to be digits stays as it is.
func (ty *typer) number(c *Cell, isNumber bool, style int) {
	if !isNumber {
		return
	}
	num, err := strconv.ParseFloat(strings.TrimSpace(c.Text), 64)
	if err != nil {
		return
	}
	c.Numeric = true
	c.Text = numberText(num)
	if ty.dateStyle(style) {
		ty.serial(c, num)
	}
}

// date types a cell of a date column without asking the sheet model: a
// number there is a date whatever its format (Excel stores every date as a
// number), and an ISO timestamp (a t="d" cell) is one too. Anything else
// stays text for the caller to parse as dd/mm/yyyy.
func (ty *typer) date(c *Cell) {
	v := strings.TrimSpace(c.Text)
	if num, err := strconv.ParseFloat(v, 64); err == nil {
		if len(v) > 1 && v[0] == '0' && v[1] != '.' {
			return // "05011985" typed as text is no serial
		}
		c.Numeric = true
		c.Text = numberText(num)
		ty.serial(c, num)
		return
	}
	if len(v) < 11 || v[4] != '-' || v[10] != 'T' {
		return
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999", "2006-01-02T15:04:05"} {
		if tm, err := time.Parse(layout, v); err == nil {
			c.Date = domain.DateOf(tm)
			c.Text = c.Date.VN()
			return
		}
	}
}

// serial turns an Excel day number into the cell's date.
func (ty *typer) serial(c *Cell, num float64) {
	if num < 1 {
		return // serial 0 is no day; leave the text for the caller to reject
	}
	tm, err := excelize.ExcelDateToTime(num, ty.date1904)
	if err != nil {
		return
	}
	// A time of day a hair before midnight is a rounding of the next day.
	c.Date = domain.DateOf(tm.Add(time.Second))
	c.Text = c.Date.VN()
}

// numberText writes a number the way a person typed it: integers in plain
// digits, never in exponent form and never with ".0".
func numberText(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func (ty *typer) dateStyle(id int) bool {
	if id == 0 {
		return false
	}
	if v, ok := ty.isDate[id]; ok {
		return v
	}
	v := false
	if st, err := ty.f.GetStyle(id); err == nil {
		if st.CustomNumFmt != nil {
			v = dateFormatCode(*st.CustomNumFmt)
		} else {
			v = builtinDateFormat(st.NumFmt)
		}
	}
	ty.isDate[id] = v
	return v
}

// builtinDateFormat reports whether a built-in number format shows a day:
// 14–17 and 22 (d/m/y variants), 27–36 and 50–58 (the East Asian date
// formats that Vietnamese Excel installations sometimes carry). Pure time
// formats (18–21, 45–47) are not days.
func builtinDateFormat(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

// dateFormatCode reports whether a custom format code shows a day: it has
// a day or year token outside quoted text, escapes and [..] sections.
func dateFormatCode(code string) bool {
	var b strings.Builder
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case inQuote:
			inQuote = ch != '"'
		case inBracket:
			inBracket = ch != ']'
		case ch == '"':
			inQuote = true
		case ch == '[':
			inBracket = true
		case ch == '\\' || ch == '_' || ch == '*':
			i++ // the next character is literal (or padding)
		default:
			b.WriteByte(ch)
		}
	}
	s := strings.ToLower(b.String())
	return strings.ContainsAny(s, "dy")
}

// ReadRows returns the cell texts of the first sheet as Excel shows them,
// row by row. Tests use it to look at templates and reports without
// importing excelize themselves.
func ReadRows(r io.Reader) (rows [][]string, err error) {
	var at location
	defer recoverCorrupt(&at, &err)
	f, err := excelize.OpenReader(r, openOptions)
	if err != nil {
		return nil, openError(err)
	}
	defer f.Close()
	at.sheet = f.GetSheetName(0)
	rows, err = f.GetRows(at.sheet)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	return rows, nil
}
