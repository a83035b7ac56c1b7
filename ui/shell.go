// Package ui is the desktop interface: the main window with its sidebar of
// areas, each area a sub-package (overview, staff, registration,
// assessment, nominations, imports, catalogue, settings) that declares the few service
// methods it needs. The backend never sees a widget; slow work runs off the
// UI goroutine and comes back through fyne.Do.
package ui

import (
	"context"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/assets"
	"tdkt/internal/service"
	"tdkt/ui/assessment"
	"tdkt/ui/catalogue"
	"tdkt/ui/firstrun"
	"tdkt/ui/i18n"
	"tdkt/ui/imports"
	"tdkt/ui/kit"
	"tdkt/ui/nominations"
	"tdkt/ui/overview"
	"tdkt/ui/registration"
	"tdkt/ui/settings"
	"tdkt/ui/staff"
)

// Options tune the main window.
type Options struct {
	AutoDemo  bool   // fill an empty database with the demo office without asking
	StartArea string // title of the area to show first (default Tổng quan)
}

// View is an area of the main window.
type View interface {
	Content() fyne.CanvasObject
	Reload()
}

type area struct {
	title string
	icon  fyne.Resource
	view  View
}

// MainWindow is the application's window with its areas.
type MainWindow struct {
	Win     fyne.Window
	svc     *service.Service
	areas   []area
	nav     *widget.List
	content *fyne.Container
	banner  *fyne.Container
	current int
}

// NewMainWindow builds the main window over svc. On an empty database it
// first asks to create the office or open the demo office.
func NewMainWindow(a fyne.App, svc *service.Service, opt Options) fyne.Window {
	_ = i18n.Setup(svc.Language(context.Background()))
	a.SetIcon(fyne.NewStaticResource("Icon.png", assets.Icon))
	win := a.NewWindow(lang.L("Thi đua - Khen thưởng"))
	win.Resize(fyne.NewSize(1280, 780))
	mw := Build(win, svc)
	if opt.StartArea != "" {
		mw.ShowArea(opt.StartArea)
	}
	if _, ok, _ := svc.Profile(context.Background()); !ok {
		if opt.AutoDemo {
			firstrun.FillDemo(win, svc, mw.Reload)
		} else {
			firstrun.Show(win, svc, mw.Reload)
		}
	}
	return win
}

// Build lays out the areas inside win and returns the window's model (tests
// drive it through fyne's test driver).
func Build(win fyne.Window, svc *service.Service) *MainWindow {
	mw := &MainWindow{Win: win, svc: svc}
	mw.areas = []area{
		{"Tổng quan", theme.HomeIcon(), overview.New(svc, win)},
		{"Đơn vị & cán bộ", theme.AccountIcon(), staff.New(svc, win)},
		{"Đăng ký thi đua", theme.DocumentCreateIcon(), registration.New(svc, win)},
		{"Tự đánh giá", theme.ConfirmIcon(), assessment.New(svc, win)},
		{"Xét khen thưởng", theme.MailSendIcon(), nominations.New(svc, win)},
		{"Nhập dữ liệu", theme.UploadIcon(), imports.New(svc, win, mw.Reload)},
		{"Danh mục", theme.ListIcon(), catalogue.New(svc, win)},
		{"Cài đặt", theme.SettingsIcon(), settings.New(svc, win, mw.Reload)},
	}
	mw.nav = widget.NewList(
		func() int { return len(mw.areas) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Đơn vị & cán bộ xx"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(mw.areas[i].icon)
			box.Objects[1].(*widget.Label).SetText(lang.L(mw.areas[i].title))
		})
	mw.content = container.NewStack()
	mw.banner = container.NewVBox()
	mw.nav.OnSelected = mw.Show
	side := container.NewBorder(kit.Heading("TĐKT"), nil, nil, nil, mw.nav)
	split := container.NewHSplit(side, container.NewBorder(mw.banner, nil, nil, nil, mw.content))
	split.Offset = 0.15
	win.SetContent(split)
	mw.nav.Select(0)
	mw.refreshBanner()
	return mw
}

// Show switches to area i.
func (mw *MainWindow) Show(i int) {
	if i < 0 || i >= len(mw.areas) {
		return
	}
	mw.current = i
	v := mw.areas[i].view
	v.Reload()
	mw.content.Objects = []fyne.CanvasObject{v.Content()}
	mw.content.Refresh()
	if mw.nav != nil {
		mw.nav.Select(i)
	}
}

// ShowArea switches to the area with the given title.
func (mw *MainWindow) ShowArea(title string) {
	for i, a := range mw.areas {
		if a.title == title {
			mw.Show(i)
			return
		}
	}
}

// Current is the title of the area shown.
func (mw *MainWindow) Current() string { return mw.areas[mw.current].title }

// Reload refreshes the shown area and the banner, after the data changed
// (office created, demo filled, import committed).
func (mw *MainWindow) Reload() {
	mw.refreshBanner()
	mw.Show(mw.current)
}

func (mw *MainWindow) refreshBanner() {
	mw.banner.Objects = nil
	if mw.svc.IsDemo(context.Background()) {
		mw.banner.Add(kit.Banner(lang.L("Đây là đơn vị MẪU với dữ liệu giả lập, để làm quen với chương trình. Đừng nhập dữ liệu thật vào đây."),
			kit.Soft(color.NRGBA{R: 255, G: 193, B: 7, A: 255}), nil))
	}
	mw.banner.Refresh()
}

// ShowFatal shows an error that prevents the application from starting
// (for example a damaged database) in a window of its own.
func ShowFatal(a fyne.App, err error) {
	win := a.NewWindow(lang.L("Thi đua - Khen thưởng"))
	lbl := widget.NewLabel(service.Explain(err))
	lbl.Wrapping = fyne.TextWrapWord
	win.SetContent(container.NewBorder(nil, widget.NewButton(lang.L("Đóng"), a.Quit), nil, nil, lbl))
	win.Resize(fyne.NewSize(640, 240))
	dialog.ShowError(err, win)
	win.ShowAndRun()
}
