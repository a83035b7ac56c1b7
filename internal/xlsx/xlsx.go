// Package xlsx is the only package that touches spreadsheet files (it alone
// imports excelize). It knows sheets, headers, cells, number formats and
// drop-downs, never the database: it reads an import sheet into a Table of
// typed cells, writes import templates from a Spec, and writes the report of
// rejected rows. What a column means is the caller's business (package
// service); this package only makes sure that what Excel shows is what the
// caller gets: dates as dates, CCCD numbers as digit strings, headers found
// wherever the clerk put them.
package xlsx

import (
	"errors"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Kind says how a column's cells are typed in a template and read back.
type Kind int

const (
	// Text is free text (names, notes).
	Text Kind = iota
	// Code is an identifier or a number that is not a quantity (staff code,
	// CCCD, decision number): the template formats the column as text so that
	// Excel keeps leading zeros and never writes 0,79E+11.
	Code
	// Date is a calendar day: any number in the column is read as an Excel date.
	Date
	// Number is a count or a year.
	Number
)

// Column describes one column of an import sheet.
type Column struct {
	Name string // the header as people see it, e.g. "Ngày sinh"
	// Required columns must be present for a row to count as the header row.
	Required bool
	// Group names a set of alternative key columns (e.g. "Mã cán bộ" and "Mã
	// đơn vị"): the header row must hold at least one column of each group.
	Group   string
	Kind    Kind
	Choices []string // a closed list offered as a drop-down in the template
	Note    string   // one line for the "Hướng dẫn" sheet: what to type
	Example any      // the example row's value: string, int or domain.Date
}

// Spec describes the sheet of one import kind.
type Spec struct {
	Sheet   string   // name of the data sheet in a template, e.g. "Cán bộ"
	Title   string   // heading of the notes sheet, e.g. "Mẫu nhập danh sách cán bộ"
	Notes   []string // general notes printed above the per-column notes
	Columns []Column
}

// NotesSheet is the name of the template's second sheet.
const NotesSheet = "Hướng dẫn"

// listSheet holds the values of the drop-downs: a list validation cannot
// spell a value containing a comma ("Bộ, ngành") inline, a range can.
const listSheet = "Danh mục"

// ErrNotWorkbook is wrapped when the input is not an .xlsx workbook.
var ErrNotWorkbook = errors.New("không đọc được tệp như một bảng tính Excel (.xlsx)")

// HeaderError says that no row among the first ten holds every required
// header. Its message is Vietnamese and says what to fix.
type HeaderError struct {
	Sheet   string
	Missing []string // the required headers missing from the closest row
	Closest int      // the row that came closest (0: none had any header)
}

func (e *HeaderError) Error() string {
	msg := "không tìm thấy dòng tiêu đề trong 10 dòng đầu của trang “" + e.Sheet + "”"
	if e.Closest > 0 {
		msg += "; dòng " + strconv.Itoa(e.Closest) + " gần đúng nhất nhưng thiếu cột " + strings.Join(e.Missing, ", ")
	} else {
		msg += "; cần các cột " + strings.Join(e.Missing, ", ")
	}
	return msg + ". Hãy dùng tệp mẫu hoặc sửa tên cột cho đúng mẫu"
}

// HeaderKey is how header cells are compared: NFC, lower case, inner white
// space collapsed, spaces around '/' dropped, and a trailing "*" (required
// marker) or "(…)" (the accepted values, as the contract writes them) cut
// off, so "Giới tính (Nam/Nữ)" and "giới  tính*" both find "Giới tính".
func HeaderKey(s string) string {
	s = strings.ToLower(collapse(norm.NFC.String(s)))
	for {
		t := strings.TrimSpace(strings.TrimSuffix(s, "*"))
		if strings.HasSuffix(t, ")") {
			if i := strings.LastIndex(t, "("); i > 0 {
				t = strings.TrimSpace(t[:i])
			}
		}
		if t == s {
			break
		}
		s = t
	}
	s = strings.ReplaceAll(s, " /", "/")
	return strings.ReplaceAll(s, "/ ", "/")
}

// collapse trims and turns every run of white space into one space.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
