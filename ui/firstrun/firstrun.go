// Package firstrun is what an empty database shows: create my office (or
// the centre's receiving database) with its administrator and signing
// passphrase, or open the demo office to learn the program on realistic
// data. Either way it ends logged in.
package firstrun

import (
	"context"
	"strings"

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
	"tdkt/ui/settings"
)

// Service is what the first start needs of the service that nobody is
// logged in to yet.
type Service interface {
	SaveProfile(ctx context.Context, p domain.OfficeProfile) error
	FillDemo(ctx context.Context, opt service.DemoOptions, progress func(done, total int)) error
	CreateFirstAdmin(ctx context.Context, username, fullName, password string) (domain.Account, error)
	Login(ctx context.Context, username, password string) (*service.Service, error)
}

// Kinds of database the first start creates.
const (
	KindProvince = "Đơn vị BHXH tỉnh (lập hồ sơ)"
	KindCentral  = "Trung ương (tiếp nhận hồ sơ của các tỉnh)"
)

// Labels of the account and key fields.
const (
	FieldAdminName  = "Họ và tên quản trị"
	FieldUsername   = "Tên đăng nhập"
	FieldPassword   = "Mật khẩu"
	FieldRepeat     = "Nhập lại mật khẩu"
	FieldPassphrase = "Mật khẩu khóa ký"
	FieldRepeatKey  = "Nhập lại mật khẩu khóa ký"
)

// DemoUser and DemoPassword are the demo office's director account (contracts.md).
const (
	DemoUser     = "admin"
	DemoPassword = "demo"
)

// Welcome is the first-start dialog's model (tests drive it).
type Welcome struct {
	svc     Service
	win     fyne.Window
	done    func(*service.Service)
	dlg     dialog.Dialog
	Kind    *widget.RadioGroup
	Form    *settings.ProfileForm
	Account *kit.Form
	// Administrator and signing key.
	AdminName, Username, Password, Repeat, Passphrase, RepeatKey *widget.Entry
	Create                                                       *widget.Button
	Demo                                                         *widget.Button
	logged                                                       *service.Service // once the administrator exists
	// runLong is kit.RunLong; tests replace it to run synchronously.
	runLong kit.Runner
}

// Show opens the welcome dialog; done gets the administrator's service once
// the office exists.
func Show(win fyne.Window, svc Service, done func(*service.Service)) *Welcome {
	w := newWelcome(win, svc, done)
	w.dlg.Show()
	return w
}

func newWelcome(win fyne.Window, svc Service, done func(*service.Service)) *Welcome {
	w := &Welcome{svc: svc, win: win, done: done, runLong: kit.RunLong}
	w.Kind = widget.NewRadioGroup([]string{lang.L(KindProvince), lang.L(KindCentral)}, nil)
	w.Kind.Horizontal = true
	w.Kind.Required = true
	w.Kind.SetSelected(lang.L(KindProvince))
	w.Form = settings.NewProfileForm(domain.OfficeProfile{})
	w.AdminName, w.Username = widget.NewEntry(), widget.NewEntry()
	w.Password, w.Repeat = widget.NewPasswordEntry(), widget.NewPasswordEntry()
	w.Passphrase, w.RepeatKey = widget.NewPasswordEntry(), widget.NewPasswordEntry()
	w.Account = kit.NewForm()
	w.Account.Add(FieldAdminName, w.AdminName, "Giám đốc hoặc người được giao quản trị")
	w.Account.Add(FieldUsername, w.Username, "chữ thường, không dấu, ví dụ gd.hung")
	w.Account.Add(FieldPassword, w.Password, "ít nhất 8 ký tự")
	w.Account.Add(FieldRepeat, w.Repeat, "")
	w.Account.Add(FieldPassphrase, w.Passphrase, "dùng để ký gói hồ sơ gửi Trung ương; Giám đốc giữ, không ghi vào máy")
	w.Account.Add(FieldRepeatKey, w.RepeatKey, "")
	w.Create = widget.NewButtonWithIcon(lang.L("Tạo đơn vị của tôi"), theme.ConfirmIcon(), w.onCreate)
	w.Create.Importance = widget.HighImportance
	w.Demo = widget.NewButtonWithIcon(lang.L("Mở đơn vị mẫu để làm quen"), theme.InfoIcon(), w.onDemo)
	intro := widget.NewLabel(lang.L("Chào mừng! Chương trình giúp đăng ký thi đua, tự chấm điểm và lập hồ sơ đề nghị khen thưởng. " +
		"Hãy nhập thông tin đơn vị như in trên văn bản (có thể sửa sau trong Cài đặt), hoặc mở đơn vị mẫu với khoảng 300 cán bộ giả lập để dùng thử."))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(
		w.Kind,
		kit.Heading(lang.L("Thông tin đơn vị")), w.Form.Form.Content(),
		kit.Heading(lang.L("Tài khoản quản trị và khóa ký")), w.Account.Content(),
	)
	content := container.NewBorder(intro, container.NewHBox(w.Demo, layout.NewSpacer(), w.Create), nil, nil,
		container.NewVScroll(body))
	w.dlg = dialog.NewCustomWithoutButtons(lang.L("Bắt đầu"), content, win)
	w.dlg.Resize(fyne.NewSize(800, 680))
	return w
}

// central reports whether the centre's receiving database is chosen.
func (w *Welcome) central() bool { return w.Kind.Selected == lang.L(KindCentral) }

// check validates what the form alone can, before anything is saved.
func (w *Welcome) check() error {
	var errs domain.FieldErrors
	if w.logged == nil && w.Password.Text != w.Repeat.Text {
		errs = append(errs, domain.FieldError{Field: FieldRepeat, Msg: "không khớp với mật khẩu; nhập lại cho giống"})
	}
	if len([]rune(w.Passphrase.Text)) < 8 {
		errs = append(errs, domain.FieldError{Field: FieldPassphrase, Msg: "cần ít nhất 8 ký tự; chọn một câu dễ nhớ, khó đoán"})
	} else if w.Passphrase.Text != w.RepeatKey.Text {
		errs = append(errs, domain.FieldError{Field: FieldRepeatKey, Msg: "không khớp với mật khẩu khóa ký; nhập lại cho giống"})
	}
	if w.logged == nil && strings.TrimSpace(w.AdminName.Text) == "" {
		errs = append(errs, domain.FieldError{Field: FieldAdminName, Msg: "chưa nhập; nhập họ và tên người quản trị"})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func (w *Welcome) show(err error) bool {
	rest := w.Account.ShowErrors(err)
	rest = w.Form.Form.ShowErrors(rest)
	if rest != nil {
		kit.ShowError(w.win, rest)
	}
	return err != nil
}

// onCreate makes the administrator first (so every later step is done by
// an account the journal can name), then the office or the centre, then
// the signing key. A failure at any step leaves the form open with the
// message under its field; steps already done are not repeated.
func (w *Welcome) onCreate() {
	ctx := context.Background()
	p := w.Form.Profile()
	err := w.check()
	if err == nil {
		err = p.Validate()
	}
	if w.show(err) {
		return
	}
	if w.logged == nil {
		if _, err := w.svc.CreateFirstAdmin(ctx, w.Username.Text, w.AdminName.Text, w.Password.Text); w.show(err) {
			return
		}
		logged, err := w.svc.Login(ctx, w.Username.Text, w.Password.Text)
		if w.show(err) {
			return
		}
		w.logged = logged
	}
	if w.central() {
		err = w.logged.InitCentral(ctx, p.UnitCode, p.UnitName, w.Passphrase.Text)
	} else {
		err = w.logged.SaveProfile(ctx, p)
		if err == nil && !w.logged.HasSigningKey(ctx) {
			err = w.logged.CreateSigningKey(ctx, w.Passphrase.Text)
		}
	}
	if w.show(err) {
		return
	}
	w.dlg.Hide()
	if w.done != nil {
		w.done(w.logged)
	}
}

func (w *Welcome) onDemo() {
	w.dlg.Hide()
	fillDemo(w.win, w.svc, w.runLong, w.done, func() { w.dlg.Show() })
}

// FillDemo fills an empty database with the demo office (behind a progress
// bar), logs in as its director and runs done.
func FillDemo(win fyne.Window, svc Service, done func(*service.Service)) {
	fillDemo(win, svc, kit.RunLong, done, nil)
}

func fillDemo(win fyne.Window, svc Service, run kit.Runner, done func(*service.Service), failed func()) {
	run(win, "Đang tạo đơn vị mẫu", func(ctx context.Context, p kit.Progress) error {
		return svc.FillDemo(ctx, service.DemoOptions{}, p)
	}, func(err error) {
		var logged *service.Service
		if err == nil {
			logged, err = svc.Login(context.Background(), DemoUser, DemoPassword)
		}
		if err != nil {
			kit.ShowError(win, err)
			if failed != nil {
				failed()
			}
			return
		}
		if done != nil {
			done(logged)
		}
	})
}
