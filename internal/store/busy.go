package store

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"
)

// ErrBusy is wrapped when another program holds the database longer than
// the wait allows: the data is fine, the work is to be tried again.
var ErrBusy = errors.New("cơ sở dữ liệu đang bận")

// SQLite's result codes for a file another connection holds.
const (
	sqliteBusy   = 5
	sqliteLocked = 6
)

// isBusy reports whether err is SQLite saying that another connection
// holds the file (SQLITE_BUSY, SQLITE_LOCKED and their extended codes).
func isBusy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	code := e.Code() & 0xff
	return code == sqliteBusy || code == sqliteLocked
}

// busyError says, for people, that path is busy and what to do.
func busyError(path string, err error) error {
	return fmt.Errorf("%w: %s đang được một chương trình khác ghi (%v); dữ liệu không hỏng: hãy đợi chương trình đó xong (hoặc đóng nó) rồi làm lại", ErrBusy, path, err)
}
