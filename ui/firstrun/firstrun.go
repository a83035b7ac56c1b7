// Package firstrun is what an empty database shows: create my office, or
// open the demo office to learn the program on realistic data.
package firstrun

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
	"tdkt/ui/settings"
)

// Service is what the first start needs.
type Service interface {
	SaveProfile(ctx context.Context, p domain.OfficeProfile) error
	FillDemo(ctx context.Context, opt service.DemoOptions, progress func(done, total int)) error
}

// Welcome is the first-start dialog's model (tests drive it).
type Welcome struct {
	svc    Service
	win    fyne.Window
	done   func()
	dlg    dialog.Dialog
	Form   *settings.ProfileForm
	Create *widget.Button
	Demo   *widget.Button
	// runLong is kit.RunLong; tests replace it to run synchronously.
	runLong func(win fyne.Window, title string, work func(context.Context, kit.Progress) error, done func(error))
}

// Show opens the welcome dialog; done runs once the office exists.
func Show(win fyne.Window, svc Service, done func()) *Welcome {
	w := newWelcome(win, svc, done)
	w.dlg.Show()
	return w
}

func newWelcome(win fyne.Window, svc Service, done func()) *Welcome {
	w := &Welcome{svc: svc, win: win, done: done, runLong: kit.RunLong}
	w.Form = settings.NewProfileForm(domain.OfficeProfile{})
	w.Create = widget.NewButtonWithIcon(lang.L("Tạo đơn vị của tôi"), theme.ConfirmIcon(), w.onCreate)
	w.Create.Importance = widget.HighImportance
	w.Demo = widget.NewButtonWithIcon(lang.L("Mở đơn vị mẫu để làm quen"), theme.InfoIcon(), w.onDemo)
	intro := widget.NewLabel(lang.L("Chào mừng! Chương trình giúp đăng ký thi đua, tự chấm điểm và lập hồ sơ đề nghị khen thưởng. " +
		"Hãy nhập thông tin đơn vị như in trên văn bản (có thể sửa sau trong Cài đặt), hoặc mở đơn vị mẫu với khoảng 300 cán bộ giả lập để dùng thử."))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, container.NewHBox(w.Demo, layoutSpacer(), w.Create), nil, nil,
		container.NewVScroll(w.Form.Form.Content()))
	w.dlg = dialog.NewCustomWithoutButtons(lang.L("Bắt đầu"), body, win)
	w.dlg.Resize(fyne.NewSize(760, 600))
	return w
}

func layoutSpacer() fyne.CanvasObject { return widget.NewLabel("") }

func (w *Welcome) onCreate() {
	err := w.svc.SaveProfile(context.Background(), w.Form.Profile())
	if rest := w.Form.Form.ShowErrors(err); rest != nil {
		kit.ShowError(w.win, rest)
		return
	}
	if err != nil {
		return
	}
	w.dlg.Hide()
	if w.done != nil {
		w.done()
	}
}

func (w *Welcome) onDemo() {
	w.dlg.Hide()
	fillDemo(w.win, w.svc, w.runLong, w.done, func() { w.dlg.Show() })
}

// FillDemo fills an empty database with the demo office (behind a progress
// bar), then runs done.
func FillDemo(win fyne.Window, svc Service, done func()) {
	fillDemo(win, svc, kit.RunLong, done, nil)
}

func fillDemo(win fyne.Window, svc Service, run func(fyne.Window, string, func(context.Context, kit.Progress) error, func(error)), done, failed func()) {
	run(win, "Đang tạo đơn vị mẫu", func(ctx context.Context, p kit.Progress) error {
		return svc.FillDemo(ctx, service.DemoOptions{}, p)
	}, func(err error) {
		if err != nil {
			kit.ShowError(win, err)
			if failed != nil {
				failed()
			}
			return
		}
		if done != nil {
			done()
		}
	})
}
