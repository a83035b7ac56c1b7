package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// VerifyFile opens a database file read-only and runs the integrity check,
// without migrating or changing it.
func VerifyFile(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("không mở được %s: %w", path, err)
	}
	c, err := sql.Open("sqlite", dsn(path, true))
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

// Restore replaces the database at dst with the backup src. src is verified
// first; the current dst (if any) is backed up into backupDir; the copy is
// written beside dst and renamed over it, so an interruption leaves either
// the old or the new database, never half of one. No Store may be open on dst.
func Restore(src, dst, backupDir string, now time.Time) (saved string, err error) {
	if err := VerifyFile(src); err != nil {
		return "", err
	}
	if _, err := os.Stat(dst); err == nil {
		cur, err := Open(dst, Options{Now: func() time.Time { return now }, BackupDir: backupDir})
		if err != nil {
			return "", fmt.Errorf("mở cơ sở dữ liệu hiện tại để sao lưu trước khi khôi phục: %w", err)
		}
		saved = filepath.Join(backupDir, "truoc-khoi-phuc-"+now.Format("20060102T150405")+".db")
		err = cur.Backup(context.Background(), saved)
		cur.Close()
		if err != nil {
			return "", err
		}
	}
	tmp := dst + ".khoiphuc.tmp"
	if err := copyFile(src, tmp); err != nil {
		os.Remove(tmp)
		return saved, err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dst + suffix); err != nil && !os.IsNotExist(err) {
			os.Remove(tmp)
			return saved, err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return saved, err
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
