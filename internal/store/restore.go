package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"tdkt/internal/paths"
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
	if err := c.QueryRow("PRAGMA integrity_check").Scan(&res); isBusy(err) {
		return busyError(path, err)
	} else if err != nil {
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

// ErrNotRecorded is wrapped by Restore's error when the backup is in
// place but its restore could not be written into the journal.
var ErrNotRecorded = errors.New("đã khôi phục nhưng chưa ghi được việc khôi phục vào nhật ký")

// ErrRestoreRefused is wrapped by Restore's error when the backup is not
// one to put in place of the database without being told so: from a newer
// version of the program, of another office or mode, or with a broken
// journal. Nothing has been changed then.
var ErrRestoreRefused = errors.New("không khôi phục bản sao lưu này")

// SettingMode is the setting that makes a database the centre's
// (ModeCentral); a province's has none.
const (
	SettingMode = "mode"
	ModeCentral = "central"
)

// FileSummary describes a database file without opening it for writing:
// what a person should see before putting it in place of the current data.
type FileSummary struct {
	Path     string
	Schema   int // migrations applied
	Known    int // migrations this program knows
	UnitCode string
	UnitName string
	Central  bool
	People   int
	Units    int
	Awards   int
	Journal  JournalCheck
}

// Newer reports whether a newer version of the program wrote the file.
func (f FileSummary) Newer() bool { return f.Schema > f.Known }

// Office names the office (or centre) the file belongs to.
func (f FileSummary) Office() string {
	switch {
	case f.UnitName != "" && f.UnitCode != "":
		return fmt.Sprintf("%s (%s)", f.UnitName, f.UnitCode)
	case f.UnitCode != "":
		return f.UnitCode
	}
	return "chưa khai báo đơn vị"
}

// DescribeFile reads the summary of the database at path, read-only, after
// its integrity check.
func DescribeFile(ctx context.Context, path string) (FileSummary, error) {
	sum := FileSummary{Path: path}
	if err := VerifyFile(path); err != nil {
		return sum, err
	}
	all, err := migrations()
	if err != nil {
		return sum, err
	}
	sum.Known = latestVersion(all)
	c, err := sql.Open("sqlite", fileDSN(path))
	if err != nil {
		return sum, err
	}
	defer c.Close()
	if err := c.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migration`).Scan(&sum.Schema); err != nil {
		return sum, fmt.Errorf("đọc %s: %w", path, err)
	}
	// A file from a newer program may have changed any table: only the
	// version is read from it.
	if sum.Newer() {
		return sum, nil
	}
	p, _, err := readProfile(ctx, c)
	if err != nil {
		return sum, fmt.Errorf("đọc thông tin đơn vị của %s: %w", path, err)
	}
	sum.UnitCode, sum.UnitName = p.UnitCode, p.UnitName
	var mode sql.NullString
	if err := c.QueryRowContext(ctx, `SELECT value FROM setting WHERE key=?`, SettingMode).Scan(&mode); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return sum, fmt.Errorf("đọc %s: %w", path, err)
	}
	sum.Central = mode.String == ModeCentral
	for _, q := range []struct {
		n   *int
		sql string
	}{
		{&sum.People, `SELECT count(*) FROM person`},
		{&sum.Units, `SELECT count(*) FROM unit`},
		{&sum.Awards, `SELECT count(*) FROM award`},
	} {
		if err := c.QueryRowContext(ctx, q.sql).Scan(q.n); err != nil {
			return sum, fmt.Errorf("đọc %s: %w", path, err)
		}
	}
	ro := &Store{path: path, read: c}
	if sum.Journal, err = ro.VerifyJournal(ctx); err != nil {
		return sum, err
	}
	return sum, nil
}

// RestoreAccept relaxes Restore's checks for what the person explicitly
// accepts, having been told.
type RestoreAccept struct {
	OtherOffice   bool // another office's data, or the centre's for an office's (or the reverse)
	BrokenJournal bool // a backup whose journal does not verify
}

// CheckRestore says why the backup src must not replace the database dst
// (whose summary is cur; cur.Path empty when dst does not open), unless
// accepted: a backup from a newer program always, another office's or
// mode's data or a broken journal without the matching acceptance.
func CheckRestore(src, cur FileSummary, accept RestoreAccept) error {
	if src.Newer() {
		return fmt.Errorf("%w: bản sao lưu từ phiên bản mới hơn của chương trình (lược đồ %d, chương trình này biết đến %d); hãy cập nhật chương trình rồi khôi phục", ErrRestoreRefused, src.Schema, src.Known)
	}
	if cur.Path != "" && !accept.OtherOffice {
		switch {
		case src.Central && !cur.Central:
			return fmt.Errorf("%w: bản sao lưu là cơ sở dữ liệu Trung ương (%s), còn dữ liệu đang dùng là của %s", ErrRestoreRefused, src.Office(), cur.Office())
		case !src.Central && cur.Central:
			return fmt.Errorf("%w: bản sao lưu là dữ liệu của %s, còn cơ sở dữ liệu đang dùng là của Trung ương", ErrRestoreRefused, src.Office())
		case cur.UnitCode != "" && src.UnitCode != cur.UnitCode:
			return fmt.Errorf("%w: bản sao lưu là dữ liệu của %s, không phải của %s; nếu thật sự muốn thay, khôi phục với --other-office", ErrRestoreRefused, src.Office(), cur.Office())
		}
	}
	if !src.Journal.OK && !accept.BrokenJournal {
		return fmt.Errorf("%w: nhật ký thay đổi của bản sao lưu không còn nguyên vẹn (%s); nếu vẫn muốn khôi phục, dùng --accept-broken-journal và việc này sẽ được ghi vào nhật ký", ErrRestoreRefused, src.Journal.Problem)
	}
	return nil
}

// Restore replaces the database at dst with the backup src and returns
// where it saved the database it replaced ("" when there was none). It
// holds dst exclusively throughout, so it refuses (naming who) while any
// other process has the database open: nothing another program reported
// as saved can be lost under it. The backup is checked (CheckRestore)
// before anything is touched; then it is copied beside dst; then the
// current dst is backed up into backupDir (the retention applied); then
// the copy is renamed over dst, so an interruption leaves either the old
// or the new database, never half of one. The copy comes first because
// that backup's pruning may remove an old src from the same folder.
// Finally the restore is recorded in the restored database's journal:
// from which file, and what was accepted. No Store of this process may be
// open on dst.
func Restore(src, dst, backupDir string, now time.Time, accept RestoreAccept) (saved string, err error) {
	ctx := context.Background()
	release, err := paths.Exclusive(dst, "khôi phục dữ liệu", false)
	if err != nil {
		return "", err
	}
	defer release()
	sum, err := DescribeFile(ctx, src)
	if err != nil {
		return "", err
	}
	var cur FileSummary
	if _, err := os.Stat(dst); err == nil {
		if c, err := DescribeFile(ctx, dst); err == nil {
			cur = c
		}
	}
	if err := CheckRestore(sum, cur, accept); err != nil {
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
	return saved, recordRestore(dst, backupDir, now, src, sum, accept)
}

// recordRestore writes into the restored database's journal that it was
// restored, from which file and with what accepted.
func recordRestore(dst, backupDir string, now time.Time, src string, sum FileSummary, accept RestoreAccept) error {
	st, err := Open(dst, Options{Now: func() time.Time { return now }, BackupDir: backupDir, Who: "khôi phục dữ liệu", restoring: true})
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNotRecorded, err)
	}
	defer st.Close()
	note := fmt.Sprintf("%s: khôi phục từ %s (%s)", now.UTC().Format(time.RFC3339), filepath.Base(src), sum.Office())
	if accept.OtherOffice {
		note += "; chấp nhận dữ liệu của đơn vị khác"
	}
	if accept.BrokenJournal {
		note += "; chấp nhận nhật ký không nguyên vẹn: " + sum.Journal.Problem
	}
	if err := st.Write(context.Background(), func(tx *Tx) error { return tx.SetSetting(settingLastRestore, note) }); err != nil {
		return fmt.Errorf("%w: %w", ErrNotRecorded, err)
	}
	return nil
}

// settingLastRestore holds the note of the last restore; changing it puts
// the restore into the journal.
const settingLastRestore = "last_restore"

// saveBeforeRestore backs up the database about to be replaced. A database
// that does not open (damaged, or from a newer version of the program) is
// most often why someone restores, so it is kept as it is, file for file,
// instead of refusing the restore.
func saveBeforeRestore(dst, backupDir string, now time.Time) (string, error) {
	cur, err := Open(dst, Options{Now: func() time.Time { return now }, BackupDir: backupDir, Who: "khôi phục dữ liệu", restoring: true})
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
