package backups

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/internal/uitest"
)

type fixture struct {
	t        *testing.T
	ctx      context.Context
	svc      *service.Service
	win      fyne.Window
	v        *View
	changed  int
	reopened int
}

var profile = domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
	ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}

// newFixture opens the area for an account with role over an office.
func newFixture(t *testing.T, role domain.Role) *fixture {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	base := uitest.Service(t)
	if err := base.SaveProfile(ctx, profile); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, ctx: ctx, svc: base.As(domain.Account{Username: "nv", FullName: "Người dùng", Role: role})}
	f.win = test.NewTempWindow(t, nil)
	f.v = newView(f.svc, f.win, uitest.RunNow, func() { f.changed++ }, func() { f.reopened++ })
	f.win.SetContent(f.v.Content())
	f.win.Resize(fyne.NewSize(1100, 700))
	f.v.Reload()
	return f
}

func TestView_BackupNowListsAVerifiedBackup(t *testing.T) {
	f := newFixture(t, domain.RoleClerk)
	if len(f.v.Shown) != 0 || !strings.Contains(f.v.Status.Text, "Chưa có bản sao lưu") {
		t.Fatalf("fresh office: %d backups, status %q", len(f.v.Shown), f.v.Status.Text)
	}
	test.Tap(f.v.NowBtn)
	if f.v.LastErr != nil {
		t.Fatal(f.v.LastErr)
	}
	if len(f.v.Shown) != 1 {
		t.Fatalf("%d backups after Sao lưu ngay", len(f.v.Shown))
	}
	b := f.v.Shown[0]
	if b.Reason != store.ReasonManual || f.v.cell(0, 1) != "Sao lưu thủ công" {
		t.Fatalf("reason %q shown as %q", b.Reason, f.v.cell(0, 1))
	}
	if err := store.VerifyFile(b.Path); err != nil {
		t.Fatalf("the backup does not verify: %v", err)
	}
	if cur, ok := f.v.current(); !ok || cur.Path != b.Path {
		t.Fatal("the new backup is not selected")
	}
	if !strings.Contains(f.v.Status.Text, filepath.Base(b.Path)) {
		t.Fatalf("status %q", f.v.Status.Text)
	}
	if f.v.cell(0, 2) == "" || !strings.Contains(f.v.cell(0, 2), "KB") {
		t.Fatalf("size %q", f.v.cell(0, 2))
	}
}

func TestView_CopyToUSBEndsTheReminder(t *testing.T) {
	f := newFixture(t, domain.RoleClerk)
	if Reminder(f.svc, nil) == nil || len(f.v.reminder.Objects) != 1 {
		t.Fatal("no reminder although no copy ever left the machine")
	}
	test.Tap(f.v.NowBtn)
	usb := t.TempDir()
	asked := 0
	f.v.chooseDir = func(then func(string)) { asked++; then(usb) }
	if !f.v.Select(f.v.Shown[0].Path) || f.v.CopyBtn.Disabled() {
		t.Fatal("Chép ra USB… not available for the selected backup")
	}
	test.Tap(f.v.CopyBtn)
	if asked != 1 {
		t.Fatal("no folder asked")
	}
	if f.v.LastErr != nil {
		t.Fatal(f.v.LastErr)
	}
	files, _ := filepath.Glob(filepath.Join(usb, "*.db"))
	if len(files) != 1 {
		t.Fatalf("files on the USB stick: %v", files)
	}
	if err := store.VerifyFile(files[0]); err != nil {
		t.Fatal(err)
	}
	if Reminder(f.svc, nil) != nil || len(f.v.reminder.Objects) != 0 {
		t.Fatal("the reminder stays after a copy left the machine")
	}
	if f.changed != 1 {
		t.Fatalf("the shell was told %d times", f.changed)
	}
}

func TestView_CopyIntoTheDataFolderIsRefused(t *testing.T) {
	f := newFixture(t, domain.RoleClerk)
	test.Tap(f.v.NowBtn)
	f.v.CopyTo(f.v.Shown[0], filepath.Dir(f.svc.DatabasePath()))
	if f.v.LastErr == nil {
		t.Fatal("a copy beside the data counted as leaving the machine")
	}
	if Reminder(f.svc, nil) == nil {
		t.Fatal("the reminder ended without a copy off the machine")
	}
}

func TestView_SearchFilters(t *testing.T) {
	f := newFixture(t, domain.RoleClerk)
	test.Tap(f.v.NowBtn)
	test.Tap(f.v.NowBtn)
	if len(f.v.Shown) != 2 {
		t.Fatalf("%d backups", len(f.v.Shown))
	}
	test.Type(f.v.Search, "thu cong")
	if len(f.v.Shown) != 2 {
		t.Fatalf("search by reason without diacritics: %d", len(f.v.Shown))
	}
	f.v.Search.SetText("truoc khi nhap")
	if len(f.v.Shown) != 0 {
		t.Fatalf("no import backup, yet %d shown", len(f.v.Shown))
	}
}

func TestView_RestoreIsForTheDirector(t *testing.T) {
	for _, role := range []domain.Role{domain.RoleClerk, domain.RoleViewer} {
		t.Run(string(role), func(t *testing.T) {
			f := newFixture(t, role)
			if f.v.RestoreBtn.Visible() {
				t.Fatal("Khôi phục… shown")
			}
			path, err := uitest.Service(t).BackupNow(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			// Even when reached, the service refuses and the data stays open.
			f.v.Restore(store.BackupFile{Path: path})
			if !errors.Is(f.v.LastErr, domain.ErrForbidden) {
				t.Fatalf("restore as %s: %v", role, f.v.LastErr)
			}
			if f.reopened != 0 {
				t.Fatal("reopened after a refusal")
			}
			if _, _, err := f.svc.Profile(f.ctx); err != nil {
				t.Fatalf("database closed by a refused restore: %v", err)
			}
		})
	}
	f := newFixture(t, domain.RoleViewer)
	if !f.v.NowBtn.Disabled() {
		t.Fatal("a viewer may back up")
	}
}

func TestView_DirectorRestoresAfterConfirming(t *testing.T) {
	f := newFixture(t, domain.RoleDirector)
	if !f.v.RestoreBtn.Visible() {
		t.Fatal("Khôi phục… hidden from the director")
	}
	test.Tap(f.v.NowBtn)
	b := f.v.Shown[0]
	changed := profile
	changed.Place = "Thành phố Hà Tĩnh"
	if err := f.svc.SaveProfile(f.ctx, changed); err != nil {
		t.Fatal(err)
	}
	db := f.svc.DatabasePath()
	f.v.Select(b.Path)
	test.Tap(f.v.RestoreBtn)
	if f.v.confirm == nil {
		t.Fatal("no confirmation asked")
	}
	f.v.confirm.Confirm()
	if f.v.LastErr != nil {
		t.Fatal(f.v.LastErr)
	}
	if f.reopened != 1 {
		t.Fatalf("reopen called %d times", f.reopened)
	}
	// The file holds the backed-up state, and the state before the restore
	// was itself backed up.
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, _, err := st.Profile(f.ctx)
	if err != nil || p.Place != "Hà Tĩnh" {
		t.Fatalf("after the restore the place is %q (%v)", p.Place, err)
	}
	list, err := store.ListBackups(st.BackupDir())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range list {
		if x.Reason == store.ReasonRestore {
			found = true
		}
	}
	if !found {
		t.Fatalf("no backup of the state before the restore among %d", len(list))
	}
}

func TestView_RestoreWithoutReopenAsksForARestart(t *testing.T) {
	f := newFixture(t, domain.RoleDirector)
	f.v.reopen = nil
	test.Tap(f.v.NowBtn)
	f.v.Restore(f.v.Shown[0])
	if f.v.LastErr != nil {
		t.Fatal(f.v.LastErr)
	}
	if !strings.Contains(f.v.Status.Text, "mở lại chương trình") {
		t.Fatalf("status %q", f.v.Status.Text)
	}
	if !f.v.NowBtn.Disabled() || !f.v.RestoreBtn.Disabled() {
		t.Fatal("actions stay enabled over a closed database")
	}
	f.v.Reload() // must not touch the closed database
	if f.v.LastErr != nil {
		t.Fatalf("reload after the restore: %v", f.v.LastErr)
	}
}

func TestReminder_NotForViewers(t *testing.T) {
	f := newFixture(t, domain.RoleViewer)
	if Reminder(f.svc, nil) != nil || len(f.v.reminder.Objects) != 0 {
		t.Fatal("a viewer, who may not copy, is asked to copy")
	}
	if Reminder(f.svc.As(domain.Account{Username: "cv", Role: domain.RoleClerk}), nil) == nil {
		t.Fatal("no reminder for a clerk")
	}
}

// A backup of another office, put into this database's backup folder by
// hand, is refused before any confirmation, with whose data it is.
func TestView_RestoreRefusesAnotherOfficesBackup(t *testing.T) {
	f := newFixture(t, domain.RoleDirector)
	test.Tap(f.v.NowBtn)
	if f.v.LastErr != nil {
		t.Fatal(f.v.LastErr)
	}
	// Another office's database, backed up under a backup's name.
	dir := t.TempDir()
	other, err := store.Open(filepath.Join(dir, "khac.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	qni := profile
	qni.UnitCode, qni.UnitName = "QNI", "Bảo hiểm xã hội tỉnh Quảng Ninh"
	if err := service.New(other, nil).SaveProfile(f.ctx, qni); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(filepath.Dir(f.v.Shown[0].Path), "tdkt-20200101-080000-thu-cong.db")
	if err := other.Backup(f.ctx, name); err != nil {
		t.Fatal(err)
	}
	other.Close()
	f.v.Reload()
	f.v.Select(name)
	before, _ := os.ReadFile(f.svc.DatabasePath())
	test.Tap(f.v.RestoreBtn)
	if f.v.confirm != nil {
		t.Fatal("a confirmation asked for another office's backup")
	}
	if !strings.Contains(f.v.Status.Text, "Quảng Ninh (QNI)") {
		t.Fatalf("status %q", f.v.Status.Text)
	}
	if _, _, err := f.svc.Profile(f.ctx); err != nil {
		t.Fatalf("the database was closed: %v", err)
	}
	if f.reopened != 0 || len(before) == 0 {
		t.Fatalf("reopened %d", f.reopened)
	}
}
