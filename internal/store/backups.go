package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Why an automatic backup was taken; the reason is the last part of the
// file name, so a folder listing says it too.
const (
	ReasonClose   = "dong-chuong-trinh" // the application closed
	ReasonImport  = "truoc-nhap"        // before an import is written
	ReasonMigrate = "truoc-nang-cap"    // before the schema is upgraded
	ReasonRestore = "truoc-khoi-phuc"   // before a backup replaces the data
	ReasonManual  = "thu-cong"          // someone pressed "Sao lưu ngay"
)

var reasonLabels = map[string]string{
	ReasonClose:   "Khi đóng chương trình",
	ReasonImport:  "Trước khi nhập dữ liệu",
	ReasonMigrate: "Trước khi nâng cấp dữ liệu",
	ReasonRestore: "Trước khi khôi phục",
	ReasonManual:  "Sao lưu thủ công",
}

// ReasonLabel says a backup's reason in Vietnamese for the backup page.
func ReasonLabel(reason string) string {
	if l, ok := reasonLabels[reason]; ok {
		return l
	}
	return reason
}

const (
	backupPrefix     = "tdkt-"
	backupTimeLayout = "20060102-150405"
	backupExt        = ".db"
)

// Retention: every backup of the last week, then the newest of each
// calendar month for a year.
const (
	keepAllDays    = 7
	keepMonthlyFor = 1 // year
)

// BackupFile is one automatic backup in the backup folder.
type BackupFile struct {
	Path   string
	Time   time.Time // from the name, local time
	Reason string    // one of the Reason constants
	Size   int64
}

// backupName is tdkt-<yyyymmdd-hhmmss>-<reason>.db in local time, the time
// people read on their clock; n > 1 tells apart backups of the same second.
func backupName(t time.Time, reason string, n int) string {
	name := backupPrefix + t.Local().Format(backupTimeLayout) + "-" + reason
	if n > 1 {
		name += "-" + strconv.Itoa(n)
	}
	return name + backupExt
}

// parseBackupName reads a name that backupName wrote; any other file
// (a copy someone put there, the database of another program) is not a
// backup, so ListBackups does not show it and Prune never deletes it.
func parseBackupName(name string) (t time.Time, reason string, n int, ok bool) {
	rest, ok := strings.CutPrefix(name, backupPrefix)
	if !ok {
		return time.Time{}, "", 0, false
	}
	rest, ok = strings.CutSuffix(rest, backupExt)
	if !ok || len(rest) < len(backupTimeLayout)+2 || rest[len(backupTimeLayout)] != '-' {
		return time.Time{}, "", 0, false
	}
	t, err := time.ParseInLocation(backupTimeLayout, rest[:len(backupTimeLayout)], time.Local)
	if err != nil {
		return time.Time{}, "", 0, false
	}
	reason = rest[len(backupTimeLayout)+1:]
	if _, known := reasonLabels[reason]; known {
		return t, reason, 1, true
	}
	if i := strings.LastIndexByte(reason, '-'); i > 0 {
		if n, err := strconv.Atoi(reason[i+1:]); err == nil && n > 1 && strconv.Itoa(n) == reason[i+1:] {
			if _, known := reasonLabels[reason[:i]]; known {
				return t, reason[:i], n, true
			}
		}
	}
	return time.Time{}, "", 0, false
}

// ListBackups lists the backups in dir, newest first. A folder that does
// not exist yet has none.
func ListBackups(dir string) ([]BackupFile, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("đọc thư mục sao lưu %s: %w", dir, err)
	}
	var out []BackupFile
	seq := map[string]int{} // by path: the second backup of a second is the newer
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		t, reason, n, ok := parseBackupName(e.Name())
		if !ok {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		p := filepath.Join(dir, e.Name())
		seq[p] = n
		out = append(out, BackupFile{Path: p, Time: t, Reason: reason, Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		if seq[out[i].Path] != seq[out[j].Path] {
			return seq[out[i].Path] > seq[out[j].Path]
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// Prune applies the retention to the backups in dir and returns the paths
// it removed: every backup of the last 7 days is kept; of the older ones
// up to a year, the newest of each calendar month; older than a year,
// none. The newest backup is always kept, however old, so a folder is never
// left empty. Files that are not backups are never touched.
func Prune(dir string, now time.Time) (removed []string, err error) {
	list, err := ListBackups(dir)
	if err != nil {
		return nil, err
	}
	recent := now.AddDate(0, 0, -keepAllDays)
	oldest := now.AddDate(-keepMonthlyFor, 0, 0)
	months := map[string]bool{}
	var errs []error
	for i, b := range list { // newest first: the first seen of a month is its newest
		keep := false
		switch {
		case i == 0, !b.Time.Before(recent):
			keep = true
		case !b.Time.Before(oldest):
			month := b.Time.Format("2006-01")
			keep = !months[month]
			months[month] = true
		}
		if keep {
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, b.Path)
	}
	// A backup interrupted by a crash leaves its hidden temporary file
	// (Store.Backup): gone after a day, long after any backup finishes.
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*")); len(tmps) > 0 {
		for _, p := range tmps {
			if fi, err := os.Stat(p); err == nil && fi.ModTime().Before(now.Add(-24*time.Hour)) {
				if os.Remove(p) == nil {
					removed = append(removed, p)
				}
			}
		}
	}
	if len(errs) > 0 {
		return removed, fmt.Errorf("không xoá được bản sao lưu cũ: %w", errors.Join(errs...))
	}
	return removed, nil
}

// BackupDir is the folder of the automatic backups.
func (s *Store) BackupDir() string { return s.backupDir }

// AutoBackup writes a verified backup named after the time and reason into
// the backup folder, then applies the retention, and returns the backup's
// path. reason is one of the Reason constants.
func (s *Store) AutoBackup(ctx context.Context, reason string) (string, error) {
	if _, ok := reasonLabels[reason]; !ok {
		return "", fmt.Errorf("auto backup: unknown reason %q", reason)
	}
	now := s.now()
	if err := os.MkdirAll(s.backupDir, 0o755); err != nil {
		return "", fmt.Errorf("sao lưu: không tạo được thư mục %s: %w", s.backupDir, err)
	}
	dst, err := freeName(s.backupDir, func(n int) string { return backupName(now, reason, n) })
	if err != nil {
		return "", err
	}
	if err := s.Backup(ctx, dst); err != nil {
		os.Remove(dst) // a backup that failed its check is no backup
		return "", err
	}
	// A backup that could not be pruned is still a good backup; the old
	// files stay and the next backup tries again.
	_, _ = Prune(s.backupDir, now)
	return dst, nil
}

// freeName returns the first name(n), n = 1, 2, … that is not a file in dir.
func freeName(dir string, name func(n int) string) (string, error) {
	for n := 1; n < 1000; n++ {
		p := filepath.Join(dir, name(n))
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
	}
	return "", fmt.Errorf("sao lưu: thư mục %s đã có quá nhiều bản cùng tên", dir)
}

// ChangedSince reports whether the database has been changed since the
// backup at path was taken, by comparing the heads of their audit journals:
// closing the application after only reading needs no new backup.
func (s *Store) ChangedSince(ctx context.Context, path string) (bool, error) {
	if _, err := os.Stat(path); err != nil {
		return true, nil
	}
	c, err := sql.Open("sqlite", fileDSN(path))
	if err != nil {
		return true, err
	}
	defer c.Close()
	// The schema version as well: a migration's own changes are not
	// journaled.
	const head = `SELECT h.last_id, h.last_hash, (SELECT max(version) FROM schema_migration) FROM audit_head h WHERE h.id=1`
	var bID, bVersion int64
	var bHash string
	if err := c.QueryRowContext(ctx, head).Scan(&bID, &bHash, &bVersion); err != nil {
		return true, nil // an older or foreign file: treat as different
	}
	var id, version int64
	var hash string
	if err := s.read.QueryRowContext(ctx, head).Scan(&id, &hash, &version); err != nil {
		return true, err
	}
	return id != bID || hash != bHash || version != bVersion, nil
}
