package ui

import (
	"context"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/login"
)

func newService(t *testing.T) *service.Service {
	t.Helper()
	return uitest.Service(t)
}

func TestMainWindow_NavigatesEveryArea(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	if err := svc.SaveProfile(context.Background(), domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	mw := Build(win, svc)
	want := []string{"Tổng quan", "Đơn vị & cán bộ", "Đăng ký thi đua", "Tự đánh giá", "Xét khen thưởng", "Gửi Trung ương", "Tổng kết giai đoạn", "Nhập dữ liệu", "Danh mục", "Cài đặt", "Tài khoản", "Sao lưu", "Nhật ký"}
	if len(mw.areas) != len(want) {
		t.Fatalf("areas: %d, want %d", len(mw.areas), len(want))
	}
	for i, title := range want {
		mw.Show(i)
		if mw.Current() != title {
			t.Fatalf("Show(%d) shows %q, want %q", i, mw.Current(), title)
		}
		if len(mw.content.Objects) != 1 || mw.content.Objects[0] != mw.areas[i].view.Content() {
			t.Fatalf("area %q: content not shown", title)
		}
	}
	mw.ShowArea("Danh mục")
	if mw.Current() != "Danh mục" {
		t.Fatalf("ShowArea: %q", mw.Current())
	}
}

func TestMainWindow_DemoBanner(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	mw := Build(win, svc)
	// Only the backup reminder: no copy has left the machine yet.
	if len(mw.banner.Objects) != 1 {
		t.Fatalf("%d banners on a new non-demo database, want the backup reminder alone", len(mw.banner.Objects))
	}
	if err := svc.FillDemo(context.Background(), service.DemoOptions{Staff: 40, Years: 6, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	mw.Reload()
	if len(mw.banner.Objects) != 2 {
		t.Fatal("demo banner missing after filling the demo office")
	}
	// A backup copied off the machine ends the reminder.
	ctx := context.Background()
	b, err := svc.BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CopyBackup(ctx, b, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	mw.Reload()
	if len(mw.banner.Objects) != 1 {
		t.Fatalf("%d banners after a copy left the machine, want the demo banner alone", len(mw.banner.Objects))
	}
}

func TestDoor_LoginScreenThenAreasThenLogout(t *testing.T) {
	test.NewTempApp(t)
	base := uitest.Anonymous(t)
	ctx := context.Background()
	if err := base.FillDemo(ctx, service.DemoOptions{Staff: 40, Years: 6, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	d := &door{win: win, svc: base}
	d.open()
	if d.mw != nil {
		t.Fatal("areas built before anyone logged in")
	}
	scr := d.screen
	if scr == nil {
		t.Fatal("the login screen is not shown")
	}
	test.Type(scr.User, "admin")
	test.Type(scr.Password, "sai-mat-khau")
	test.Tap(scr.Submit)
	if d.mw != nil || scr.Message.Text == "" {
		t.Fatalf("wrong password: areas %v, message %q", d.mw != nil, scr.Message.Text)
	}
	test.Type(scr.Password, "demo")
	test.Tap(scr.Submit)
	if d.mw == nil {
		t.Fatalf("right password did not open the areas: %q", scr.Message.Text)
	}
	if a, _ := d.mw.svc.Actor(); a.Username != "admin" {
		t.Fatalf("areas act for %q", a.Username)
	}
	d.mw.Logout()
	if d.screen == nil || d.mw != nil {
		t.Fatal("logging out did not go back to the login screen")
	}
}

func TestDoor_EmptyDatabaseAsksForTheOffice(t *testing.T) {
	test.NewTempApp(t)
	base := uitest.Anonymous(t)
	win := test.NewWindow(nil)
	defer win.Close()
	d := &door{win: win, svc: base}
	d.open()
	if d.mw != nil {
		t.Fatal("areas built on an empty database")
	}
	if len(win.Canvas().Overlays().List()) == 0 {
		t.Fatal("the first-start dialog is not shown")
	}
}

func TestDoor_OfficeWithoutAccountsAsksForAdministrator(t *testing.T) {
	test.NewTempApp(t)
	base := uitest.Anonymous(t)
	ctx := context.Background()
	// A database made before accounts existed: the office, nobody to log in.
	if err := base.SaveProfile(ctx, domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	d := &door{win: win, svc: base}
	d.open()
	form := d.admin
	if form == nil {
		t.Fatal("the administrator form is not shown")
	}
	test.Type(form.FullName, "Trần Văn Hùng")
	test.Type(form.User, "gd.hung")
	test.Type(form.Password, "mat-khau-1")
	test.Type(form.Repeat, "mat-khau-2")
	test.Tap(form.Submit)
	if msg := form.Form.ErrorFor(login.FieldRepeat); msg == "" || d.mw != nil {
		t.Fatalf("different repeat: message %q, areas %v", msg, d.mw != nil)
	}
	form.Repeat.SetText("mat-khau-1")
	test.Tap(form.Submit)
	if d.mw == nil {
		t.Fatal("the new administrator is not logged in")
	}
	if a, _ := d.mw.svc.Actor(); a.Username != "gd.hung" || a.Role != domain.RoleDirector {
		t.Fatalf("acting for %+v", a)
	}
}

func TestMainWindow_BackupReminderNotTwiceOnTheBackupPage(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	mw := Build(win, svc)
	if len(mw.banner.Objects) != 1 {
		t.Fatalf("%d banners, want the backup reminder", len(mw.banner.Objects))
	}
	mw.ShowArea("Sao lưu")
	if len(mw.banner.Objects) != 0 {
		t.Fatal("the reminder shows above the backup page, which says it itself")
	}
	mw.ShowArea("Tổng quan")
	if len(mw.banner.Objects) != 1 {
		t.Fatal("the reminder did not come back when leaving the backup page")
	}
}
