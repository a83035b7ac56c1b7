package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"time"
)

// VerifyFile opens a database file read-only and runs the integrity check,
// without migrating or changing it, and checks that it is a database of
// this application.
func VerifyFile(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("không mở được %s: %w", path, err)
	}
	c, err := sql.Open("sqlite", fileDSN(path))
	if err != nil {
		return err
	}
	defer c.Close()
	var res string
	if err := c.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("%w: %s không đọc được như một cơ sở dữ liệu (%v)", ErrCorrupt, path, err)
	}
	if res != "ok" {
		return fmt.Errorf("%w: %s: %s", ErrCorrupt, path, res)
	}
	var n int
	if err := c.QueryRow("SELECT count(*) FROM schema_migration").Scan(&n); err != nil {
		return fmt.Errorf("%s không phải cơ sở dữ liệu của chương trình TĐKT: %w", path, err)
	}
	return nil
}

// Restore replaces the database at dst with the backup src and returns
// where it saved the database it replaced ("" when there was none). src is
// verified and copied beside dst first; then the current dst is backed up
// into backupDir (tdkt-<time>-truoc-khoi-phuc.db, the retention applied);
// then the copy is renamed over dst, so an interruption leaves either the
// old or the new database, never half of one. The copy comes first because
// that backup's pruning may remove an old src from the same folder. No
// Store may be open on dst: its connections would keep writing to the
// replaced file.
func Restore(src, dst, backupDir string, now time.Time) (saved string, err error) {
	if err := VerifyFile(src); err != nil {
		return "", err
	}
	tmp := dst + ".khoiphuc.tmp"
	defer os.Remove(tmp) // no-op after the rename
	if err := copyFile(src, tmp); err != nil {
		return "", fmt.Errorf("chép bản sao lưu: %w", err)
	}
	if err := VerifyFile(tmp); err != nil {
		return "", fmt.Errorf("bản chép của %s không đọc lại được: %w", src, err)
	}
	if _, err := os.Stat(dst); err == nil {
		if saved, err = saveBeforeRestore(dst, backupDir, now); err != nil {
			return "", err
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dst + suffix); err != nil && !os.IsNotExist(err) {
			return saved, err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return saved, err
	}
	return saved, nil
}

// saveBeforeRestore backs up the database about to be replaced. A database
// that does not open (damaged, or from a newer version of the program) is
// most often why someone restores, so it is kept as it is, file for file,
// instead of refusing the restore.
func saveBeforeRestore(dst, backupDir string, now time.Time) (string, error) {
	cur, err := Open(dst, Options{Now: func() time.Time { return now }, BackupDir: backupDir})
	if err == nil {
		saved, err := cur.AutoBackup(context.Background(), ReasonRestore)
		if cerr := cur.Close(); err == nil && cerr != nil {
			err = cerr
		}
		return saved, err
	}
	if err := os.MkdirAll(backupDir, 0o755); err != nil {
		return "", fmt.Errorf("sao lưu trước khi khôi phục: %w", err)
	}
	saved, ferr := freeName(backupDir, func(n int) string { return backupName(now, ReasonRestore, n) })
	if ferr != nil {
		return "", ferr
	}
	if cerr := copyFile(dst, saved); cerr != nil {
		os.Remove(saved)
		return "", fmt.Errorf("không mở được cơ sở dữ liệu hiện tại (%v) và cũng không chép được nó trước khi khôi phục: %w", err, cerr)
	}
	return saved, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
