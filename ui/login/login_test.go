package login

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/service"
	"tdkt/ui/internal/uitest"
)

func demoBase(t *testing.T) *service.Service {
	t.Helper()
	base := uitest.Anonymous(t)
	if err := base.FillDemo(context.Background(), service.DemoOptions{Staff: 20, Years: 6, Seed: 5}, nil); err != nil {
		t.Fatal(err)
	}
	return base
}

func TestScreen_EnterInPasswordLogsIn(t *testing.T) {
	test.NewTempApp(t)
	var logged *service.Service
	s := New(demoBase(t), func(l *service.Service) { logged = l })
	win := test.NewWindow(s.Content())
	defer win.Close()
	test.Type(s.User, "admin")
	test.Type(s.Password, "demo")
	s.Password.OnSubmitted(s.Password.Text) // Enter
	if logged == nil {
		t.Fatalf("Enter did not log in: %q", s.Message.Text)
	}
	if s.Password.Text != "" {
		t.Fatal("the password stays in the field after logging in")
	}
}

func TestScreen_LockoutIsSaid(t *testing.T) {
	test.NewTempApp(t)
	s := New(demoBase(t), func(*service.Service) { t.Fatal("logged in with a wrong password") })
	win := test.NewWindow(s.Content())
	defer win.Close()
	for i := 0; i < 6; i++ {
		s.User.SetText("admin")
		s.Password.SetText("sai")
		test.Tap(s.Submit)
	}
	if !strings.Contains(s.Message.Text, "khóa") {
		t.Fatalf("after repeated failures the message does not say the account is locked: %q", s.Message.Text)
	}
}

func TestScreen_DemoHintShown(t *testing.T) {
	test.NewTempApp(t)
	s := New(demoBase(t), func(*service.Service) {})
	win := test.NewWindow(s.Content())
	defer win.Close()
	for _, o := range test.LaidOutObjects(s.Content()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "admin") && strings.Contains(l.Text, "demo") {
			return
		}
	}
	t.Fatal("the demo database's login screen does not say the demo account")
}
