package firstrun

import (
	"context"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/service"
	"tdkt/ui/kit"
	"tdkt/ui/settings"
)

func newService(t *testing.T) *service.Service {
	t.Helper()
	return uitest.Service(t)
}

func syncRun(_ fyne.Window, _ string, work func(context.Context, kit.Progress) error, done func(error)) {
	done(work(context.Background(), func(int, int) {}))
}

func TestWelcome_CreatesOffice(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	called := false
	w := newWelcome(win, svc, func() { called = true })
	test.Type(w.Form.Code, "HTI")
	test.Type(w.Form.Name, "Bảo hiểm xã hội tỉnh Hà Tĩnh")
	test.Type(w.Form.Place, "Hà Tĩnh")
	test.Type(w.Form.Director, "Trần Văn Hùng")
	test.Type(w.Form.DepName[0], "Lê Thị Mai")
	test.Tap(w.Create)
	if !called {
		t.Fatal("done not called after creating the office")
	}
	p, ok, err := svc.Profile(context.Background())
	if err != nil || !ok {
		t.Fatalf("profile not saved: %v", err)
	}
	if p.UnitCode != "HTI" || p.UnitName != "Bảo hiểm xã hội tỉnh Hà Tĩnh" || p.ParentName != "Bảo hiểm xã hội Việt Nam" ||
		p.Place != "Hà Tĩnh" || p.Director.Name != "Trần Văn Hùng" || p.Director.Position != "Giám đốc" ||
		len(p.Deputies) != 1 || p.Deputies[0].Position != "Phó Giám đốc" || p.DocNumberCode != "BHXH" {
		t.Fatalf("profile saved as %+v", p)
	}
	units, _ := svc.Units(context.Background())
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
	w := newWelcome(win, svc, func() { called = true })
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
}

func TestWelcome_DemoFillsOffice(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	called := false
	w := newWelcome(win, svc, func() { called = true })
	w.runLong = syncRun
	test.Tap(w.Demo)
	if !called {
		t.Fatal("done not called after the demo")
	}
	people, err := svc.People(context.Background())
	if err != nil || len(people) < 100 {
		t.Fatalf("demo people: %d %v", len(people), err)
	}
}
