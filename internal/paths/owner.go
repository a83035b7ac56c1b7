package paths

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// ErrInUse is wrapped by Exclusive's error (and Share's, while another
// process replaces or upgrades the file): another process has the database
// open.
var ErrInUse = errors.New("cơ sở dữ liệu đang được một chương trình khác sử dụng")

// Ownership of a database file. Every process that opens the database
// holds a shared lock on path+".owner.lock" for as long as it has it open:
// ordinary writers share the file, SQLite serialises their transactions.
// Replacing the file (a restore) or changing its schema needs the lock
// exclusively, so it cannot happen underneath another process, whose
// connections would go on writing to a file that no longer is the
// database, or whose committed work the replacement would discard.
//
// The locks are the operating system's, so they end with the process
// however it ends. Within one process the holds on a path are counted on
// one open file: flock and LockFileEx conflict between two opens of the
// same file even in the same process, and a restore opens the database it
// replaces to back it up while it holds the file exclusively.
type owner struct {
	f      *os.File
	shared int  // Share holds not yet released
	excl   bool // an Exclusive hold
}

var (
	ownersMu sync.Mutex
	owners   = map[string]*owner{}
)

func ownerPath(path string) (key, lockPath string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", "", err
	}
	return abs, abs + ".owner.lock", nil
}

// Share holds the database at path for an ordinary open, for the program
// who ("tdktctl import", "cửa sổ chương trình"). It fails only while
// another process replaces or upgrades the file.
func Share(path, who string) (release func() error, err error) {
	key, lockPath, err := ownerPath(path)
	if err != nil {
		return nil, err
	}
	ownersMu.Lock()
	defer ownersMu.Unlock()
	if o := owners[key]; o != nil {
		o.shared++
		return releaser(key, func(o *owner) { o.shared-- }), nil
	}
	f, err := openOwner(lockPath)
	if err != nil {
		return nil, err
	}
	// Alone on the file: the list of holders starts afresh, so that it
	// names only processes of this run.
	if lockExclusive(f) == nil {
		_ = f.Truncate(0)
		err = downgrade(f)
	} else {
		err = lockShared(f)
	}
	if err != nil {
		f.Close()
		if errors.Is(err, errHeld) {
			return nil, fmt.Errorf("%w: %s đang được khôi phục hoặc nâng cấp%s; hãy đợi việc đó xong rồi làm lại", ErrInUse, path, holderNote(lockPath))
		}
		return nil, fmt.Errorf("không khoá được %s: %w", lockPath, err)
	}
	addHolder(f, who)
	owners[key] = &owner{f: f, shared: 1}
	return releaser(key, func(o *owner) { o.shared-- }), nil
}

// Exclusive holds the database at path alone, to replace or upgrade it. It
// fails, naming who holds it, while another process has it open; in this
// process, while a hold that Share gave is still open (a Store not closed).
// upgrade allows exactly one such hold: the Open that migrates the file.
func Exclusive(path, who string, upgrade bool) (release func() error, err error) {
	key, lockPath, err := ownerPath(path)
	if err != nil {
		return nil, err
	}
	ownersMu.Lock()
	defer ownersMu.Unlock()
	o := owners[key]
	switch {
	case o != nil && o.excl && upgrade:
		// A restore that puts an older file in place opens it, and the
		// open upgrades it, under the restore's own hold.
		return func() error { return nil }, nil
	case o != nil && o.excl:
		return nil, fmt.Errorf("%w: %s đang được khôi phục hoặc nâng cấp trong chính chương trình này", ErrInUse, path)
	case o != nil && (o.shared > 1 || !upgrade):
		return nil, fmt.Errorf("%w: %s vẫn đang mở trong chính chương trình này; hãy đóng nó trước", ErrInUse, path)
	case o == nil:
		f, err := openOwner(lockPath)
		if err != nil {
			return nil, err
		}
		o = &owner{f: f}
	}
	if err := lockExclusive(o.f); err != nil {
		if o.shared == 0 {
			o.f.Close()
		}
		if errors.Is(err, errHeld) {
			return nil, fmt.Errorf("%w: %s%s. Hãy đóng chương trình đó (hoặc đợi lệnh đó chạy xong) rồi làm lại", ErrInUse, path, holderNote(lockPath))
		}
		return nil, fmt.Errorf("không khoá được %s: %w", lockPath, err)
	}
	_ = o.f.Truncate(0)
	addHolder(o.f, who)
	o.excl = true
	owners[key] = o
	return releaser(key, func(o *owner) {
		o.excl = false
		if o.shared > 0 {
			// Back to the shared hold of the Open that upgraded.
			_ = downgrade(o.f)
		}
	}), nil
}

// releaser gives a release function, safe to call more than once, that
// undoes one hold and lets the file go with the last.
func releaser(key string, undo func(*owner)) func() error {
	var once sync.Once
	return func() error {
		var err error
		once.Do(func() {
			ownersMu.Lock()
			defer ownersMu.Unlock()
			o := owners[key]
			if o == nil {
				return
			}
			undo(o)
			if o.shared == 0 && !o.excl {
				delete(owners, key)
				err = errors.Join(unlockFile(o.f), o.f.Close())
			}
		})
		return err
	}
}

func openOwner(lockPath string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(lockPath), 0o755); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục %s: %w", filepath.Dir(lockPath), err)
	}
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("không mở được tệp khoá %s: %w", lockPath, err)
	}
	return f, nil
}

// addHolder notes this process in the lock file, one line each, for the
// message of a process that cannot have the file: "1234\ttdktctl import".
func addHolder(f *os.File, who string) {
	_, _ = f.WriteString(strconv.Itoa(os.Getpid()) + "\t" + strings.ReplaceAll(who, "\n", " ") + "\n")
}

// holderNote names the processes that still run among those the lock file
// lists, and the window when one is open on the database: ": cửa sổ chương
// trình (tiến trình số 12); tdktctl import (tiến trình số 34)".
func holderNote(lockPath string) string {
	f, err := os.Open(lockPath)
	if err != nil {
		return ""
	}
	defer f.Close()
	var names []string
	seen := map[int]bool{os.Getpid(): true}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		pidText, who, _ := strings.Cut(sc.Text(), "\t")
		pid, err := strconv.Atoi(pidText)
		if err != nil || seen[pid] || !alive(pid) {
			continue
		}
		seen[pid] = true
		names = append(names, fmt.Sprintf("%s (tiến trình số %d)", who, pid))
	}
	if len(names) == 0 {
		return ""
	}
	return ", đang mở bởi: " + strings.Join(names, "; ")
}
