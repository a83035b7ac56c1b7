package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/internal/store"
)

// The backup page: the automatic backups of the backup folder, one taken on
// demand, a copy carried off the machine (a USB stick), and a restore.

// settingOffsiteCopy holds when (RFC 3339) a backup was last copied off the
// machine; the reminder counts from it.
const settingOffsiteCopy = "last_offsite_copy"

// offsiteDays is how long the office may go without a copy that left the
// machine before the application reminds it.
const offsiteDays = 7

// Backups lists the automatic backups, newest first.
func (s *Service) Backups(ctx context.Context) ([]store.BackupFile, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return store.ListBackups(s.st.BackupDir())
}

// BackupNow writes a verified backup into the backup folder and returns its
// path.
func (s *Service) BackupNow(ctx context.Context) (string, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return "", err
	}
	return s.st.AutoBackup(ctx, store.ReasonManual)
}

// BackupOnClose is the backup taken when the window closes. It needs no
// role, since it protects the data whoever was logged in, and it is skipped
// when nothing changed since the newest backup, so opening the program only
// to read does not fill the folder.
func (s *Service) BackupOnClose(ctx context.Context) error {
	list, err := store.ListBackups(s.st.BackupDir())
	if err != nil {
		return err
	}
	if len(list) > 0 {
		if changed, err := s.st.ChangedSince(ctx, list[0].Path); err == nil && !changed {
			return nil
		}
	}
	_, err = s.st.AutoBackup(ctx, store.ReasonClose)
	return err
}

// CopyBackup copies the backup at path into dir (a USB stick, another
// drive), under the same name (with "-2"… when one is there already),
// through a temporary file renamed when complete, and checks the copy with
// SQLite's integrity check. It records the time as the last copy that left
// the machine, which ends the reminder, and returns the copy's path.
func (s *Service) CopyBackup(ctx context.Context, path, dir string) (string, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return "", err
	}
	if dir == "" {
		return "", errors.New("hãy chọn thư mục để chép bản sao lưu vào (ví dụ ổ USB)")
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if same(absDir, s.st.BackupDir()) || same(absDir, filepath.Dir(s.st.Path())) {
		return "", fmt.Errorf("thư mục %s nằm ngay trong máy, cạnh dữ liệu; hãy chọn ổ USB hoặc một ổ khác để bản sao rời khỏi máy", dir)
	}
	if err := store.VerifyFile(path); err != nil {
		return "", fmt.Errorf("bản sao lưu %s không dùng được: %w", filepath.Base(path), err)
	}
	dst, err := freeCopyName(absDir, filepath.Base(path))
	if err != nil {
		return "", err
	}
	err = paths.WriteAtomic(dst, func(w io.Writer) error {
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		_, err = io.Copy(w, in)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("không chép được vào %s: %w", dir, err)
	}
	if err := store.VerifyFile(dst); err != nil {
		os.Remove(dst)
		return "", fmt.Errorf("bản chép ở %s không đọc lại được (ổ có thể bị lỗi hoặc bị rút ra); hãy chép lại: %w", dir, err)
	}
	now := s.now().UTC().Format(time.RFC3339)
	if err := s.st.Write(ctx, func(tx *store.Tx) error { return tx.SetSetting(settingOffsiteCopy, now) }); err != nil {
		return dst, fmt.Errorf("đã chép %s nhưng không ghi được thời điểm chép: %w", dst, err)
	}
	return dst, nil
}

// same reports whether two folder paths name the same folder.
func same(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(ia, ib)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}

// freeCopyName is dir/name, or dir/<name>-2.db… when a file has that name.
func freeCopyName(dir, name string) (string, error) {
	ext := filepath.Ext(name)
	stem := name[:len(name)-len(ext)]
	for n := 1; n < 1000; n++ {
		p := filepath.Join(dir, name)
		if n > 1 {
			p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, n, ext))
		}
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			return p, nil
		}
	}
	return "", fmt.Errorf("thư mục %s đã có quá nhiều bản cùng tên %s", dir, name)
}

// OffsiteReminder says how many whole days ago a backup was last copied off
// the machine (-1: never) and whether it is time to remind: never, or 7
// days or more ago. It needs no role: the banner shows before a login.
func (s *Service) OffsiteReminder(ctx context.Context) (days int, due bool) {
	v, err := s.st.Setting(ctx, settingOffsiteCopy)
	if err != nil || v == "" {
		return -1, true
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return -1, true
	}
	days = int(s.now().Sub(t).Hours() / 24)
	if days < 0 {
		days = 0 // the clock was turned back
	}
	return days, days >= offsiteDays
}

// BackupSummary describes a backup before it is restored: whose data, how
// much, the state of its journal, and whether it may replace the current
// database (Problem, in Vietnamese, when it may not).
type BackupSummary struct {
	store.FileSummary
	Problem string
}

// DescribeBackup reads the backup at path for the restore dialog.
func (s *Service) DescribeBackup(ctx context.Context, path string) (BackupSummary, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return BackupSummary{}, err
	}
	sum, err := store.DescribeFile(ctx, path)
	if err != nil {
		return BackupSummary{}, fmt.Errorf("bản sao lưu %s không dùng được: %w", filepath.Base(path), err)
	}
	out := BackupSummary{FileSummary: sum}
	cur, err := store.DescribeFile(ctx, s.st.Path())
	if err != nil {
		cur = store.FileSummary{}
	}
	if err := store.CheckRestore(sum, cur, store.RestoreAccept{}); err != nil {
		out.Problem = err.Error()
	}
	return out, nil
}

// MayRestore says whether the account may replace the database with a
// backup (a director the journal vouches for), for the command line, which
// restores with the database closed and so without RestoreBackup.
func (s *Service) MayRestore() error { return s.require(domain.RoleDirector) }

// RestoreBackup replaces the office database with the backup at path,
// after checking it (store.CheckRestore: another office's data, a newer
// program's or a broken journal are refused) and backing up the current
// state (reason truoc-khoi-phuc). The file is replaced underneath the open
// store, so RestoreBackup closes it first: afterwards this Service and
// every handle on its store are unusable, and the caller must open the
// database again (store.Open, New) and log in again. When the backup fails
// its checks the store stays open and nothing changes.
func (s *Service) RestoreBackup(ctx context.Context, path string) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	b, err := s.DescribeBackup(ctx, path)
	if err != nil {
		return fmt.Errorf("dữ liệu hiện tại không bị thay đổi: %w", err)
	}
	if b.Problem != "" {
		return fmt.Errorf("dữ liệu hiện tại không bị thay đổi: %s", b.Problem)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	db, dir := s.st.Path(), s.st.BackupDir()
	if err := s.st.Close(); err != nil {
		return fmt.Errorf("đóng cơ sở dữ liệu trước khi khôi phục: %w", err)
	}
	if _, err := store.Restore(path, db, dir, s.now(), store.RestoreAccept{}); err != nil {
		return fmt.Errorf("không khôi phục được; dữ liệu hiện tại không bị thay đổi. Hãy mở lại chương trình: %w", err)
	}
	return nil
}
