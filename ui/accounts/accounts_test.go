package accounts

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/internal/uitest"
)

type fixture struct {
	t   *testing.T
	ctx context.Context
	svc *service.Service // acting as the director gd.hung
	win fyne.Window
	v   *View
}

// newFixture opens the area for the director gd.hung, whose account exists.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	base := uitest.Anonymous(t)
	if _, err := base.CreateFirstAdmin(ctx, "gd.hung", "Trần Văn Hùng", "matkhau-gd-1"); err != nil {
		t.Fatal(err)
	}
	svc, err := base.Login(ctx, "gd.hung", "matkhau-gd-1")
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	v := newView(svc, win)
	v.now = uitest.Now
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(1100, 700))
	v.Reload()
	return &fixture{t: t, ctx: ctx, svc: svc, win: win, v: v}
}

func (f *fixture) account(username string) domain.Account {
	f.t.Helper()
	as, err := f.svc.Accounts(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, a := range as {
		if a.Username == username {
			return a
		}
	}
	f.t.Fatalf("no account %q", username)
	return domain.Account{}
}

// fillCreate opens the create dialog and fills it as a person types.
func (f *fixture) fillCreate(full, user string, role domain.Role, pw, repeat string) *CreateForm {
	f.t.Helper()
	test.Tap(f.v.CreateBtn)
	c := f.v.Create
	if c == nil {
		f.t.Fatal("Tạo tài khoản… opened no form")
	}
	test.Type(c.FullName, full)
	test.Type(c.User, user)
	c.Role.SetSelected(RoleName(role))
	test.Type(c.Password, pw)
	test.Type(c.Repeat, repeat)
	return c
}

func TestView_DirectorCreatesAccount(t *testing.T) {
	f := newFixture(t)
	if len(f.v.Shown) != 1 || f.v.Shown[0].Username != "gd.hung" {
		t.Fatalf("accounts shown: %+v", f.v.Shown)
	}
	c := f.fillCreate("Ngô Thị Lan", "cv.lan", domain.RoleClerk, "matkhau-lan-1", "matkhau-lan-1")
	test.Tap(c.Submit)
	if f.v.LastErr != nil {
		t.Fatalf("create refused: %v", f.v.LastErr)
	}
	a := f.account("cv.lan")
	if a.Role != domain.RoleClerk || a.FullName != "Ngô Thị Lan" {
		t.Fatalf("created %+v", a)
	}
	if len(f.v.Shown) != 2 {
		t.Fatalf("list not refreshed: %d rows", len(f.v.Shown))
	}
	if cur, ok := f.v.current(); !ok || cur.Username != "cv.lan" {
		t.Fatalf("the new account is not selected: %+v", cur)
	}
	if !strings.Contains(f.v.Status.Text, "cv.lan") {
		t.Fatalf("status %q", f.v.Status.Text)
	}
	// The new account can log in with the password the director chose.
	if _, err := f.svc.Login(f.ctx, "cv.lan", "matkhau-lan-1"); err != nil {
		t.Fatalf("login with the new account: %v", err)
	}
}

func TestView_CreateErrorsUnderFields(t *testing.T) {
	f := newFixture(t)
	c := f.fillCreate("", "Lan Ngô", domain.RoleClerk, "ngan", "ngan")
	test.Tap(c.Submit)
	for _, field := range []string{FieldFullName, FieldUsername, FieldPassword} {
		if c.Form.ErrorFor(field) == "" {
			t.Errorf("no message under %s", field)
		}
	}
	// Repeated password differs: said under the repeat, nothing created.
	c.FullName.SetText("Ngô Thị Lan")
	c.User.SetText("cv.lan")
	c.Password.SetText("matkhau-lan-1")
	c.Repeat.SetText("matkhau-lan-2")
	test.Tap(c.Submit)
	if c.Form.ErrorFor(FieldRepeat) == "" {
		t.Fatal("no message under the repeated password")
	}
	if c.Form.ErrorFor(FieldUsername) != "" {
		t.Fatalf("old message stays under the user name: %q", c.Form.ErrorFor(FieldUsername))
	}
	// A user name already taken is refused under its field.
	c.User.SetText("gd.hung")
	c.Repeat.SetText("matkhau-lan-1")
	test.Tap(c.Submit)
	if c.Form.ErrorFor(FieldUsername) == "" {
		t.Fatal("taken user name: no message under Tên đăng nhập")
	}
	if len(f.v.Shown) != 1 {
		t.Fatalf("an account was created despite the errors: %d", len(f.v.Shown))
	}
}

func TestView_ChangesRoleAndRefusesLastDirector(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.CreateAccount(f.ctx, domain.Account{Username: "cv.lan", FullName: "Ngô Thị Lan", Role: domain.RoleClerk}, "matkhau-lan-1"); err != nil {
		t.Fatal(err)
	}
	f.v.Reload()

	// Demoting the only director is refused, clearly, and nothing changes.
	if !f.v.SelectUser("gd.hung") {
		t.Fatal("gd.hung not in the list")
	}
	test.Tap(f.v.RoleBtn)
	f.v.RoleForm.Role.SetSelected(RoleName(domain.RoleViewer))
	test.Tap(f.v.RoleForm.Submit)
	if f.v.LastErr == nil || !strings.Contains(f.v.Status.Text, "Giám đốc duy nhất") {
		t.Fatalf("last director demoted? err=%v status=%q", f.v.LastErr, f.v.Status.Text)
	}
	if a := f.account("gd.hung"); a.Role != domain.RoleDirector {
		t.Fatalf("role changed to %s", a.Role)
	}

	// Promoting the clerk works and shows in the table.
	f.v.SelectUser("cv.lan")
	test.Tap(f.v.RoleBtn)
	f.v.RoleForm.Role.SetSelected(RoleName(domain.RoleDirector))
	test.Tap(f.v.RoleForm.Submit)
	if f.v.LastErr != nil {
		t.Fatalf("promote: %v", f.v.LastErr)
	}
	if a := f.account("cv.lan"); a.Role != domain.RoleDirector {
		t.Fatalf("role %s", a.Role)
	}
	row := -1
	for i, a := range f.v.Shown {
		if a.Username == "cv.lan" {
			row = i
		}
	}
	if text, _ := f.v.cell(row, 2); text != RoleName(domain.RoleDirector) {
		t.Fatalf("table shows role %q", text)
	}
}

func TestView_DisableEnableAndReset(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.CreateAccount(f.ctx, domain.Account{Username: "cv.lan", FullName: "Ngô Thị Lan", Role: domain.RoleClerk}, "matkhau-lan-1"); err != nil {
		t.Fatal(err)
	}
	f.v.Reload()
	f.v.SelectUser("cv.lan")
	if f.v.StateBtn.Text != "Ngừng sử dụng" {
		t.Fatalf("state button %q", f.v.StateBtn.Text)
	}
	test.Tap(f.v.StateBtn)
	f.v.confirm.Confirm()
	if !f.account("cv.lan").Disabled {
		t.Fatal("not disabled")
	}
	if _, err := f.svc.Login(f.ctx, "cv.lan", "matkhau-lan-1"); !errors.Is(err, domain.ErrLogin) {
		t.Fatalf("a disabled account logged in: %v", err)
	}
	if f.v.StateBtn.Text != "Cho dùng lại" {
		t.Fatalf("state button after disabling %q", f.v.StateBtn.Text)
	}
	test.Tap(f.v.StateBtn)
	f.v.confirm.Confirm()
	if f.account("cv.lan").Disabled {
		t.Fatal("not enabled again")
	}

	// Reset: a mismatch is said under the field, then the new password works.
	test.Tap(f.v.ResetBtn)
	r := f.v.Reset
	test.Type(r.Password, "matkhau-moi-1")
	test.Type(r.Repeat, "matkhau-moi-2")
	test.Tap(r.Submit)
	if r.Form.ErrorFor(FieldRepeatNew) == "" {
		t.Fatal("no message under the repeated password")
	}
	r.Repeat.SetText("matkhau-moi-1")
	test.Tap(r.Submit)
	if f.v.LastErr != nil {
		t.Fatalf("reset: %v", f.v.LastErr)
	}
	if _, err := f.svc.Login(f.ctx, "cv.lan", "matkhau-moi-1"); err != nil {
		t.Fatalf("login with the reset password: %v", err)
	}

	// The only director cannot be disabled.
	f.v.SelectUser("gd.hung")
	test.Tap(f.v.StateBtn)
	f.v.confirm.Confirm()
	if f.account("gd.hung").Disabled || f.v.LastErr == nil {
		t.Fatal("the only director was disabled")
	}
}

func TestView_SearchFilters(t *testing.T) {
	f := newFixture(t)
	for _, a := range []domain.Account{
		{Username: "cv.lan", FullName: "Ngô Thị Lan", Role: domain.RoleClerk},
		{Username: "xem.binh", FullName: "Lê Văn Bình", Role: domain.RoleViewer},
	} {
		if _, err := f.svc.CreateAccount(f.ctx, a, "matkhau-dai-1"); err != nil {
			t.Fatal(err)
		}
	}
	f.v.Reload()
	if len(f.v.Shown) != 3 {
		t.Fatalf("%d accounts", len(f.v.Shown))
	}
	test.Type(f.v.Search, "ngo thi")
	if len(f.v.Shown) != 1 || f.v.Shown[0].Username != "cv.lan" {
		t.Fatalf("search without diacritics: %+v", f.v.Shown)
	}
	f.v.Search.SetText("chỉ xem")
	if len(f.v.Shown) != 1 || f.v.Shown[0].Username != "xem.binh" {
		t.Fatalf("search by role: %+v", f.v.Shown)
	}
}

func TestView_OthersSeeOnlyTheirAccount(t *testing.T) {
	for _, role := range []domain.Role{domain.RoleClerk, domain.RoleViewer} {
		t.Run(string(role), func(t *testing.T) {
			test.NewTempApp(t)
			svc := uitest.Service(t).As(domain.Account{Username: "cv.lan", FullName: "Ngô Thị Lan", Role: role})
			win := test.NewTempWindow(t, nil)
			v := newView(svc, win)
			win.SetContent(v.Content())
			v.Reload()
			if v.manage.Visible() {
				t.Fatal("account management shown to a non-director")
			}
			if !v.changePw.Visible() {
				t.Fatal("no Đổi mật khẩu for the own account")
			}
			if !strings.Contains(v.me.Text, "cv.lan") {
				t.Fatalf("own account not shown: %q", v.me.Text)
			}
			if v.LastErr != nil {
				t.Fatalf("the area asked the service for what the role may not read: %v", v.LastErr)
			}
			// The service refuses anyway.
			if _, err := svc.CreateAccount(context.Background(), domain.Account{Username: "x.y", FullName: "X", Role: domain.RoleClerk}, "matkhau-dai-1"); !errors.Is(err, domain.ErrForbidden) {
				t.Fatalf("CreateAccount as %s: %v", role, err)
			}
		})
	}
}

func TestView_OwnPasswordChange(t *testing.T) {
	f := newFixture(t)
	test.Tap(f.v.changePw)
	d := f.v.Password
	if d == nil {
		t.Fatal("no password dialog")
	}
	test.Type(d.Old, "matkhau-gd-1")
	test.Type(d.New, "matkhau-gd-2")
	test.Type(d.Repeat, "matkhau-gd-2")
	test.Tap(d.Save)
	if _, err := f.svc.Login(f.ctx, "gd.hung", "matkhau-gd-2"); err != nil {
		t.Fatalf("login with the changed password: %v", err)
	}
}
