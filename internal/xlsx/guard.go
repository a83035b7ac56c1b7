package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Reading a workbook that a person chose runs excelize over bytes nobody
// checked, and excelize has panicked on damaged files before (indexes out
// of range, nil styles). An import must never take the application down
// with it: every exported reader defers recoverCorrupt, which turns such a
// panic into a CorruptError saying how far reading had got.

// CorruptError is a workbook that made the reader panic. It wraps
// ErrNotWorkbook, so callers treat it as any file that is not a readable
// workbook.
type CorruptError struct {
	Where  string // "trang “Cán bộ”, dòng 12"; "" when no sheet was reached
	Detail string // what panicked, for whoever reads the log
}

func (e *CorruptError) Error() string {
	where := "ngay khi mở tệp"
	if e.Where != "" {
		where = "ở " + e.Where
	}
	return fmt.Sprintf("tệp Excel bị hỏng %s nên không đọc được; hãy mở tệp bằng Excel, lưu lại thành tệp .xlsx mới rồi thử lại (chi tiết: %s)", where, e.Detail)
}

func (e *CorruptError) Unwrap() error { return ErrNotWorkbook }

// location is how far a reader has got, for the CorruptError of a panic.
type location struct {
	sheet string
	row   int    // spreadsheet row number; 0 before the rows are reached
	cell  string // A1 name; "" when not at one cell
}

func (l *location) String() string {
	if l.sheet == "" {
		return ""
	}
	s := "trang “" + l.sheet + "”"
	switch {
	case l.cell != "":
		s += ", ô " + l.cell
	case l.row > 0:
		s += ", dòng " + strconv.Itoa(l.row)
	}
	return s
}

// recoverCorrupt, deferred by a reader with named results, turns a panic
// into *err. It must be deferred directly: recover only stops a panic
// when the deferred function itself calls it.
func recoverCorrupt(at *location, err *error) {
	r := recover()
	if r == nil {
		return
	}
	*err = &CorruptError{Where: at.String(), Detail: fmt.Sprint(r)}
}

// openError says, for people, why a chosen file did not open as a
// workbook; excelize's own words ("zip: not a valid zip file", "unzip size
// exceeds the 268435456 bytes limit") mean nothing to a clerk.
func openError(err error) error {
	var why string
	switch {
	case errors.Is(err, zip.ErrFormat), errors.Is(err, excelize.ErrWorkbookFileFormat):
		why = "tệp không phải bảng tính .xlsx (có thể là tệp .xls cũ, .csv hoặc tệp khác đổi tên); hãy mở bằng Excel rồi lưu thành “Excel Workbook (.xlsx)”"
	case errors.Is(err, excelize.ErrWorkbookPassword):
		why = "tệp có mật khẩu; hãy bỏ mật khẩu (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc) rồi thử lại"
	case strings.Contains(err.Error(), "unzip size exceeds"):
		why = fmt.Sprintf("nội dung tệp khi giải nén vượt %d MB, quá lớn cho một bảng nhập; hãy chia thành nhiều tệp nhỏ hơn", openOptions.UnzipSizeLimit>>20)
	default:
		why = "tệp bị hỏng hoặc chép thiếu; hãy mở bằng Excel, lưu lại thành tệp .xlsx mới rồi thử lại"
	}
	return fmt.Errorf("%w: %s", ErrNotWorkbook, why)
}
