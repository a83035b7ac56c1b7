package paths

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// ErrLocked is wrapped by Lock's error when another running copy of the
// program has the database open.
var ErrLocked = errors.New("chương trình đang mở cơ sở dữ liệu này ở một cửa sổ khác")

// errHeld is what lockFile returns when another process holds the lock.
var errHeld = errors.New("lock held by another process")

// Lock takes an exclusive lock on path+".lock", so that a second copy of
// the program does not open the same database: two windows writing the
// same office data would each show the other's changes only after a
// restart, and the automatic backups and the journal's undo assume one
// writer. The lock is the operating system's (flock on Linux and macOS,
// LockFileEx on Windows), so it ends with the process however that ends,
// a crash or kill -9 included; the file itself stays and is reused. The
// lock file holds the holder's process id, for the message of the next one.
// release unlocks; it may be called more than once.
func Lock(path string) (release func() error, err error) {
	lockPath := path + ".lock"
	if err := os.MkdirAll(filepath.Dir(lockPath), 0o755); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục %s: %w", filepath.Dir(lockPath), err)
	}
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("không mở được tệp khoá %s: %w", lockPath, err)
	}
	if err := lockFile(f); err != nil {
		pid := holderPID(f)
		f.Close()
		if errors.Is(err, errHeld) {
			who := ""
			if pid > 0 {
				who = fmt.Sprintf(" (tiến trình số %d)", pid)
			}
			return nil, fmt.Errorf("%w%s: %s. Hãy chuyển sang cửa sổ chương trình đang mở (trên thanh tác vụ) thay vì mở thêm; nếu vừa đóng chương trình, hãy đợi vài giây rồi mở lại", ErrLocked, who, path)
		}
		return nil, fmt.Errorf("không khoá được %s: %w", lockPath, err)
	}
	// The process id is only for the message above: a failure to write it
	// does not matter.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	var once sync.Once
	return func() error {
		err := error(nil)
		once.Do(func() {
			_ = f.Truncate(0)
			err = errors.Join(unlockFile(f), f.Close())
		})
		return err
	}, nil
}

// holderPID reads the process id that the lock's holder wrote; 0 if none.
func holderPID(f *os.File) int {
	b := make([]byte, 32)
	n, err := f.ReadAt(b, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b[:n])))
	if err != nil {
		return 0
	}
	return pid
}
