package firstrun

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/internal/uitest"
	"tdkt/ui/kit"
	"tdkt/ui/settings"
)

// newService is a fresh database that nobody is logged in to, as the
// window has it on the first start.
func newService(t *testing.T) *service.Service {
	t.Helper()
	return uitest.Anonymous(t)
}

func fillAccount(w *Welcome) {
	test.Type(w.AdminName, "Trần Văn Hùng")
	test.Type(w.Username, "gd.hung")
	test.Type(w.Password, "mat-khau-1")
	test.Type(w.Repeat, "mat-khau-1")
	test.Type(w.Passphrase, "cau khoa ky 2026")
	test.Type(w.RepeatKey, "cau khoa ky 2026")
}

func syncRun(_ fyne.Window, _ string, work func(context.Context, kit.Progress) error, done func(error)) {
	done(work(context.Background(), func(int, int) {}))
}

func TestWelcome_CreatesOffice(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	var logged *service.Service
	w := newWelcome(win, svc, func(s *service.Service) { logged = s })
	fillAccount(w)
	test.Type(w.Form.Code, "HTI")
	test.Type(w.Form.Name, "Bảo hiểm xã hội tỉnh Hà Tĩnh")
	test.Type(w.Form.Place, "Hà Tĩnh")
	test.Type(w.Form.Director, "Trần Văn Hùng")
	test.Type(w.Form.DepName[0], "Lê Thị Mai")
	test.Tap(w.Create)
	if logged == nil {
		t.Fatal("done not called after creating the office")
	}
	if a, ok := logged.Actor(); !ok || a.Username != "gd.hung" || a.Role != domain.RoleDirector {
		t.Fatalf("logged in as %+v %v, want the new director gd.hung", a, ok)
	}
	if !logged.HasSigningKey(context.Background()) {
		t.Fatal("no signing key made with the office")
	}
	// The key is sealed with the passphrase typed in the form.
	if err := logged.ChangePassphrase(context.Background(), "cau khoa ky 2026", "cau khoa ky 2027"); err != nil {
		t.Fatalf("the signing key does not open with the passphrase of the form: %v", err)
	}
	p, ok, err := logged.Profile(context.Background())
	if err != nil || !ok {
		t.Fatalf("profile not saved: %v", err)
	}
	if p.UnitCode != "HTI" || p.UnitName != "Bảo hiểm xã hội tỉnh Hà Tĩnh" || p.ParentName != "Bảo hiểm xã hội Việt Nam" ||
		p.Place != "Hà Tĩnh" || p.Director.Name != "Trần Văn Hùng" || p.Director.Position != "Giám đốc" ||
		len(p.Deputies) != 1 || p.Deputies[0].Position != "Phó Giám đốc" || p.DocNumberCode != "BHXH" {
		t.Fatalf("profile saved as %+v", p)
	}
	units, _ := logged.Units(context.Background())
	if len(units) != 1 || units[0].Code != "HTI" {
		t.Fatalf("root unit: %+v", units)
	}
}

func TestWelcome_MissingNameShowsUnderField(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	called := false
	w := newWelcome(win, svc, func(*service.Service) { called = true })
	fillAccount(w)
	test.Type(w.Form.Code, "HTI")
	test.Type(w.Form.Place, "Hà Tĩnh")
	test.Tap(w.Create)
	if called {
		t.Fatal("done called although the name is missing")
	}
	if msg := w.Form.Form.ErrorFor(settings.FieldName); msg == "" {
		t.Fatal("no message under Tên đơn vị")
	}
	if _, ok, _ := svc.Profile(context.Background()); ok {
		t.Fatal("profile saved despite the error")
	}
	if svc.HasAccounts(context.Background()) {
		t.Fatal("administrator created although the office form is wrong")
	}
}

func TestWelcome_DemoFillsOffice(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	var logged *service.Service
	w := newWelcome(win, svc, func(s *service.Service) { logged = s })
	w.runLong = syncRun
	test.Tap(w.Demo)
	if logged == nil {
		t.Fatal("done not called after the demo")
	}
	if a, _ := logged.Actor(); a.Username != DemoUser {
		t.Fatalf("after the demo logged in as %q, want %q", a.Username, DemoUser)
	}
	people, err := logged.People(context.Background())
	if err != nil || len(people) < 100 {
		t.Fatalf("demo people: %d %v", len(people), err)
	}
}

func TestWelcome_PassphraseTooShortKeepsEverythingUnsaved(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	w := newWelcome(win, svc, func(*service.Service) { t.Fatal("done called with a short passphrase") })
	fillAccount(w)
	w.Passphrase.SetText("ngan")
	w.RepeatKey.SetText("ngan")
	test.Type(w.Form.Code, "HTI")
	test.Type(w.Form.Name, "Bảo hiểm xã hội tỉnh Hà Tĩnh")
	test.Type(w.Form.Place, "Hà Tĩnh")
	test.Tap(w.Create)
	if msg := w.Account.ErrorFor(FieldPassphrase); msg == "" {
		t.Fatal("no message under Mật khẩu khóa ký")
	}
	if svc.HasAccounts(context.Background()) {
		t.Fatal("administrator created despite the error")
	}
}

func TestWelcome_CentralDatabase(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	var logged *service.Service
	w := newWelcome(win, svc, func(s *service.Service) { logged = s })
	w.Kind.SetSelected(w.Kind.Options[1])
	fillAccount(w)
	test.Type(w.Form.Code, "VSS")
	test.Type(w.Form.Name, "Bảo hiểm xã hội Việt Nam")
	test.Type(w.Form.Place, "Hà Nội")
	test.Tap(w.Create)
	if logged == nil {
		t.Fatal("done not called after creating the centre's database")
	}
	if !logged.IsCentral(context.Background()) {
		t.Fatal("the database is not in central mode")
	}
}
