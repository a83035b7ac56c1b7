// Package login is the door of the application: the login screen shown
// before any office data, and the form that creates the first
// administrator of a database made before accounts existed. It hands the
// logged-in service to the main window; every role check itself lives in
// the service layer.
package login

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// Service is what the door needs.
type Service interface {
	Login(ctx context.Context, username, password string) (*service.Service, error)
	CreateFirstAdmin(ctx context.Context, username, fullName, password string) (domain.Account, error)
	IsDemo(ctx context.Context) bool
	DatabasePath() string
}

// Screen is the login screen's model (tests drive it).
type Screen struct {
	svc      Service
	onLogin  func(*service.Service)
	User     *widget.Entry
	Password *widget.Entry
	Submit   *widget.Button
	Message  *widget.Label
	content  fyne.CanvasObject
}

// New builds the login screen; onLogin gets the service acting for the
// account that logged in.
func New(svc Service, onLogin func(*service.Service)) *Screen {
	s := &Screen{svc: svc, onLogin: onLogin,
		User:     widget.NewEntry(),
		Password: widget.NewPasswordEntry(),
		Message:  widget.NewLabel(""),
	}
	s.User.SetPlaceHolder(lang.L("tên đăng nhập"))
	s.User.OnSubmitted = func(string) { s.focusPassword() }
	s.Password.OnSubmitted = func(string) { s.onSubmit() }
	s.Submit = widget.NewButtonWithIcon(lang.L("Đăng nhập"), theme.LoginIcon(), s.onSubmit)
	s.Submit.Importance = widget.HighImportance
	s.Message.Wrapping = fyne.TextWrapWord
	s.Message.Importance = widget.DangerImportance

	form := kit.NewForm()
	form.Add(FieldUsername, s.User, "")
	form.Add(FieldPassword, s.Password, "")
	hint := widget.NewLabel(lang.L("Cơ sở dữ liệu:") + " " + svc.DatabasePath())
	hint.Wrapping = fyne.TextWrapBreak
	hint.Importance = widget.LowImportance
	parts := []fyne.CanvasObject{kit.Heading(lang.L("Đăng nhập")), form.Content(), s.Message, container.NewHBox(layout.NewSpacer(), s.Submit)}
	if svc.IsDemo(context.Background()) {
		demo := widget.NewLabel(lang.L("Đơn vị mẫu: tài khoản admin, mật khẩu demo; mật khẩu khóa ký demo."))
		demo.Wrapping = fyne.TextWrapWord
		parts = append(parts, demo)
	}
	parts = append(parts, hint)
	card := widget.NewCard("", "", container.NewVBox(parts...))
	s.content = container.NewCenter(container.New(fixedWidth(460), card))
	return s
}

// fixedWidth lays its objects out at a fixed width and their own minimum
// height, so a card of forms keeps a readable width in a large window.
type fixedWidth float32

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(max(float32(w), minWidth(objs)), h)
}

func minWidth(objs []fyne.CanvasObject) float32 {
	m := float32(0)
	for _, o := range objs {
		m = max(m, o.MinSize().Width)
	}
	return m
}

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Focus puts the cursor in the first empty field.
func (s *Screen) Focus(win fyne.Window) {
	if s.User.Text == "" {
		win.Canvas().Focus(s.User)
		return
	}
	win.Canvas().Focus(s.Password)
}

func (s *Screen) focusPassword() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.Password); c != nil {
		c.Focus(s.Password)
	}
}

func (s *Screen) onSubmit() {
	if s.User.Text == "" {
		s.Message.SetText(lang.L("Nhập tên đăng nhập."))
		return
	}
	logged, err := s.svc.Login(context.Background(), s.User.Text, s.Password.Text)
	if err != nil {
		s.Message.SetText(service.Explain(err))
		s.Password.SetText("")
		return
	}
	s.Message.SetText("")
	s.Password.SetText("")
	s.onLogin(logged)
}

// AdminForm creates the first administrator (role Giám đốc) of a database
// that has an office but no account yet (made before accounts existed).
type AdminForm struct {
	win      fyne.Window
	svc      Service
	onLogin  func(*service.Service)
	Form     *kit.Form
	FullName *widget.Entry
	User     *widget.Entry
	Password *widget.Entry
	Repeat   *widget.Entry
	Submit   *widget.Button
	content  fyne.CanvasObject
}

// Field labels of the administrator form (FieldErrors name them).
const (
	FieldFullName = "Họ và tên"
	FieldUsername = "Tên đăng nhập"
	FieldPassword = "Mật khẩu"
	FieldRepeat   = "Nhập lại mật khẩu"
)

// NewAdminForm builds the form; onLogin gets the new administrator's service.
func NewAdminForm(win fyne.Window, svc Service, onLogin func(*service.Service)) *AdminForm {
	f := &AdminForm{win: win, svc: svc, onLogin: onLogin, Form: kit.NewForm(),
		FullName: widget.NewEntry(), User: widget.NewEntry(),
		Password: widget.NewPasswordEntry(), Repeat: widget.NewPasswordEntry()}
	f.Form.Add(FieldFullName, f.FullName, "")
	f.Form.Add(FieldUsername, f.User, "chữ thường, không dấu, ví dụ gd.hung")
	f.Form.Add(FieldPassword, f.Password, "ít nhất 8 ký tự")
	f.Form.Add(FieldRepeat, f.Repeat, "")
	f.Repeat.OnSubmitted = func(string) { f.onSubmit() }
	f.Submit = widget.NewButtonWithIcon(lang.L("Tạo tài khoản quản trị"), theme.ConfirmIcon(), f.onSubmit)
	f.Submit.Importance = widget.HighImportance
	intro := widget.NewLabel(lang.L("Cơ sở dữ liệu này chưa có tài khoản. Tạo tài khoản quản trị (vai trò Giám đốc) để đăng nhập; sau đó tạo tài khoản cho chuyên viên trong Cài đặt."))
	intro.Wrapping = fyne.TextWrapWord
	card := widget.NewCard("", "", container.NewVBox(kit.Heading(lang.L("Tạo tài khoản quản trị")), intro, f.Form.Content(),
		container.NewHBox(layout.NewSpacer(), f.Submit)))
	f.content = container.NewCenter(container.New(fixedWidth(560), card))
	return f
}

// Content is the form to put in the window.
func (f *AdminForm) Content() fyne.CanvasObject { return f.content }

// Check validates what the form alone can (the repeated password).
func (f *AdminForm) Check() error {
	if f.Password.Text != f.Repeat.Text {
		return domain.FieldError{Field: FieldRepeat, Msg: "không khớp với mật khẩu; nhập lại cho giống"}
	}
	return nil
}

func (f *AdminForm) onSubmit() {
	ctx := context.Background()
	err := f.Check()
	if err == nil {
		_, err = f.svc.CreateFirstAdmin(ctx, f.User.Text, f.FullName.Text, f.Password.Text)
	}
	var logged *service.Service
	if err == nil {
		logged, err = f.svc.Login(ctx, f.User.Text, f.Password.Text)
	}
	if rest := f.Form.ShowErrors(err); rest != nil {
		kit.ShowError(f.win, rest)
		return
	}
	if err != nil {
		return
	}
	f.onLogin(logged)
}

// PasswordChanger is what the password dialog needs.
type PasswordChanger interface {
	ChangePassword(ctx context.Context, old, new string) error
}

// Labels of the password dialog.
const (
	FieldOldPassword = "Mật khẩu hiện tại"
	FieldNewPassword = "Mật khẩu mới"
	FieldRepeatNew   = "Nhập lại mật khẩu mới"
)

// PasswordDialog changes the logged-in account's password.
type PasswordDialog struct {
	Form             *kit.Form
	Old, New, Repeat *widget.Entry
	Save             *widget.Button
	dlg              dialog.Dialog
	svc              PasswordChanger
	win              fyne.Window
}

// ShowChangePassword opens the dialog.
func ShowChangePassword(win fyne.Window, svc PasswordChanger) *PasswordDialog {
	d := &PasswordDialog{svc: svc, win: win, Form: kit.NewForm(),
		Old: widget.NewPasswordEntry(), New: widget.NewPasswordEntry(), Repeat: widget.NewPasswordEntry()}
	d.Form.Add(FieldOldPassword, d.Old, "")
	d.Form.Add(FieldNewPassword, d.New, "ít nhất 8 ký tự")
	d.Form.Add(FieldRepeatNew, d.Repeat, "")
	d.Repeat.OnSubmitted = func(string) { d.onSave() }
	d.Save = widget.NewButtonWithIcon(lang.L("Đổi mật khẩu"), theme.ConfirmIcon(), d.onSave)
	d.Save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("Đổi mật khẩu"),
		container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, d.Save), nil, nil, d.Form.Content()), win)
	d.dlg.Resize(fyne.NewSize(560, 300))
	d.dlg.Show()
	win.Canvas().Focus(d.Old)
	return d
}

func (d *PasswordDialog) onSave() {
	var err error
	if d.New.Text != d.Repeat.Text {
		err = domain.FieldError{Field: FieldRepeatNew, Msg: "không khớp với mật khẩu mới; nhập lại cho giống"}
	} else {
		err = d.svc.ChangePassword(context.Background(), d.Old.Text, d.New.Text)
	}
	if rest := d.Form.ShowErrors(err); rest != nil {
		kit.ShowError(d.win, rest)
		return
	}
	if err != nil {
		return
	}
	d.dlg.Hide()
	kit.Tell(d.win, lang.L("Đổi mật khẩu"), lang.L("Đã đổi mật khẩu. Lần đăng nhập sau dùng mật khẩu mới."))
}
