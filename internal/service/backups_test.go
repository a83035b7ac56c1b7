package service

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// backupClock is a clock the backup tests move forward.
type backupClock struct{ t time.Time }

func (c *backupClock) now() time.Time { return c.t }

var (
	backupClerk    = domain.Account{Username: "cv.sao", Role: domain.RoleClerk}
	backupViewer   = domain.Account{Username: "xem.sao", Role: domain.RoleViewer}
	backupDirector = domain.Account{Username: "gd.sao", Role: domain.RoleDirector}
)

// newBackupService opens a fresh office database in a temporary folder;
// the service is not logged in.
func newBackupService(t *testing.T) (*Service, *backupClock) {
	t.Helper()
	c := &backupClock{time.Date(2026, 3, 15, 9, 0, 0, 0, time.Local)}
	st, err := store.Open(filepath.Join(t.TempDir(), "Dữ liệu", "tdkt.db"), store.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := New(st, c.now)
	if err := s.As(backupDirector).SaveProfile(context.Background(), domain.OfficeProfile{UnitCode: "42",
		UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	return s, c
}

func TestBackupNow_WritesAVerifiedBackupThatIsListed(t *testing.T) {
	ctx := context.Background()
	s, c := newBackupService(t)
	if _, err := s.As(backupViewer).BackupNow(ctx); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a viewer made a backup: %v", err)
	}
	if _, err := s.BackupNow(ctx); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a backup without a login: %v", err)
	}
	p, err := s.As(backupClerk).BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(p) != s.st.BackupDir() || filepath.Base(p) != "tdkt-"+c.t.Format("20060102-150405")+"-thu-cong.db" {
		t.Errorf("backup at %s", p)
	}
	if err := store.VerifyFile(p); err != nil {
		t.Errorf("backup does not verify: %v", err)
	}
	list, err := s.As(backupViewer).Backups(ctx)
	if err != nil || len(list) != 1 || list[0].Path != p || list[0].Reason != store.ReasonManual || !list[0].Time.Equal(c.t) || list[0].Size == 0 {
		t.Errorf("Backups = %+v, %v", list, err)
	}
	if _, err := s.Backups(ctx); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("backups listed without a login: %v", err)
	}
}

func TestBackupOnClose_OnlyWhenSomethingChanged(t *testing.T) {
	ctx := context.Background()
	s, c := newBackupService(t)
	count := func() int {
		list, err := store.ListBackups(s.st.BackupDir())
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	// No login needed: it protects the data whoever used the program.
	if err := s.BackupOnClose(ctx); err != nil {
		t.Fatal(err)
	}
	if count() != 1 {
		t.Fatalf("%d backups after the first close", count())
	}
	c.t = c.t.Add(time.Hour)
	if err := s.BackupOnClose(ctx); err != nil || count() != 1 {
		t.Errorf("closing after only reading: %d backups, %v", count(), err)
	}
	if err := s.As(backupClerk).SetLanguage(ctx, "en"); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(time.Hour)
	if err := s.BackupOnClose(ctx); err != nil || count() != 2 {
		t.Errorf("closing after a change: %d backups, %v", count(), err)
	}
	list, _ := store.ListBackups(s.st.BackupDir())
	if list[0].Reason != store.ReasonClose {
		t.Errorf("reason %q", list[0].Reason)
	}
}

func TestCopyBackup_LeavesTheMachineAndEndsTheReminder(t *testing.T) {
	ctx := context.Background()
	s, c := newBackupService(t)
	clerk := s.As(backupClerk)
	if days, due := s.OffsiteReminder(ctx); days != -1 || !due {
		t.Errorf("reminder before any copy: %d %v", days, due)
	}
	bak, err := clerk.BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	usb := filepath.Join(t.TempDir(), "USB", "Sao lưu TĐKT")
	if err := os.MkdirAll(usb, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := s.As(backupViewer).CopyBackup(ctx, bak, usb); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a viewer copied a backup: %v", err)
	}
	if _, err := clerk.CopyBackup(ctx, bak, s.st.BackupDir()); err == nil {
		t.Error("a copy into the backup folder counted as leaving the machine")
	}
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("không phải cơ sở dữ liệu"), 0o644)
	if _, err := clerk.CopyBackup(ctx, junk, usb); err == nil {
		t.Error("a file that is not a backup was copied")
	}
	if days, due := s.OffsiteReminder(ctx); days != -1 || !due {
		t.Errorf("refused copies ended the reminder: %d %v", days, due)
	}

	c.t = c.t.Add(2 * time.Hour)
	out, err := clerk.CopyBackup(ctx, bak, usb)
	if err != nil {
		t.Fatal(err)
	}
	if out != filepath.Join(usb, filepath.Base(bak)) {
		t.Errorf("copied to %s", out)
	}
	a, _ := os.ReadFile(bak)
	b, _ := os.ReadFile(out)
	if !bytes.Equal(a, b) || len(a) == 0 {
		t.Errorf("the copy differs from the backup (%d and %d bytes)", len(a), len(b))
	}
	if left, _ := os.ReadDir(usb); len(left) != 1 {
		t.Errorf("files on the stick: %v", left)
	}
	if v, _ := s.st.Setting(ctx, "last_offsite_copy"); v != c.t.UTC().Format(time.RFC3339) {
		t.Errorf("last_offsite_copy = %q", v)
	}
	// The journal names the clerk who carried the copy off.
	if es, _ := s.st.Journal(ctx, store.JournalFilter{Table: "setting", Key: `{"key":"last_offsite_copy"}`}); len(es) != 1 || es[0].Actor != "cv.sao" {
		t.Errorf("journal of the copy: %+v", es)
	}
	// Copying again keeps the first copy.
	if out2, err := clerk.CopyBackup(ctx, bak, usb); err != nil || !strings.HasSuffix(out2, "-thu-cong-2.db") {
		t.Errorf("second copy: %s %v", out2, err)
	}

	scenarios := []struct {
		after time.Duration
		days  int
		due   bool
	}{
		{0, 0, false},
		{6*24*time.Hour + 23*time.Hour, 6, false},
		{7 * 24 * time.Hour, 7, true},
		{30 * 24 * time.Hour, 30, true},
		{-48 * time.Hour, 0, false}, // the clock turned back
	}
	copied := c.t
	for _, sc := range scenarios {
		c.t = copied.Add(sc.after)
		if days, due := s.OffsiteReminder(ctx); days != sc.days || due != sc.due {
			t.Errorf("%v after the copy: %d days, due %v; want %d, %v", sc.after, days, due, sc.days, sc.due)
		}
	}
}

func TestRestoreBackup_DirectorOnlyKeepsTheCurrentState(t *testing.T) {
	ctx := context.Background()
	s, c := newBackupService(t)
	clerk := s.As(backupClerk)
	bak, err := clerk.BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := clerk.SetLanguage(ctx, "en"); err != nil {
		t.Fatal(err)
	}
	if err := clerk.RestoreBackup(ctx, bak); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a clerk restored: %v", err)
	}
	gd := s.As(backupDirector)
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("không phải cơ sở dữ liệu"), 0o644)
	if err := gd.RestoreBackup(ctx, junk); err == nil {
		t.Fatal("junk restored")
	}
	// A refused restore leaves the store open and unchanged.
	if s.Language(ctx) != "en" {
		t.Fatal("the store changed or closed after a refused restore")
	}

	c.t = c.t.Add(time.Hour)
	db, dir := s.st.Path(), s.st.BackupDir()
	if err := gd.RestoreBackup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	// The service's store is closed; the caller opens the database again.
	st, err := store.Open(db, store.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.Setting(ctx, "language"); v != "" {
		t.Errorf("language after restore = %q, want the backup's (none)", v)
	}
	list, _ := store.ListBackups(dir)
	if len(list) != 2 || list[0].Reason != store.ReasonRestore {
		t.Fatalf("backups after restore: %+v", list)
	}
	saved, err := store.Open(list[0].Path, store.Options{Now: c.now, BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer saved.Close()
	if v, _ := saved.Setting(ctx, "language"); v != "en" {
		t.Errorf("the state before the restore was not kept: language %q", v)
	}
}

func TestCommitImport_BacksUpFirst(t *testing.T) {
	s := newImportService(t)
	data := importBook(t, [][]any{
		{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị công tác", "Ngày tuyển dụng"},
		{"CB100", "Lê Thị Mai", "01/01/1990", "Nữ", "4201", "01/01/2015"},
	})
	commit(t, s, preview(t, s, ImportStaff, data))
	list, err := store.ListBackups(s.st.BackupDir())
	if err != nil || len(list) != 1 || list[0].Reason != store.ReasonImport {
		t.Fatalf("backups after an import: %+v %v", list, err)
	}
	// The backup is the state before the import.
	st, err := store.Open(list[0].Path, store.Options{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if p, ok, _ := st.PersonByCode(context.Background(), "CB100"); ok {
		t.Errorf("the backup already has the imported person: %+v", p)
	}
}
