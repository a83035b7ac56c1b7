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
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/assets"
	"tdkt/internal/service"
	"tdkt/ui/accounts"
	"tdkt/ui/assessment"
	"tdkt/ui/backups"
	"tdkt/ui/catalogue"
	"tdkt/ui/central"
	"tdkt/ui/firstrun"
	"tdkt/ui/i18n"
	"tdkt/ui/imports"
	"tdkt/ui/journal"
	"tdkt/ui/kit"
	"tdkt/ui/login"
	"tdkt/ui/nominations"
	"tdkt/ui/overview"
	"tdkt/ui/packages"
	"tdkt/ui/periods"
	"tdkt/ui/registration"
	"tdkt/ui/settings"
	"tdkt/ui/staff"
)

// Options tune the main window.
type Options struct {
	AutoDemo  bool   // fill an empty database with the demo office without asking
	StartArea string // title of the area to show first (default Tổng quan)
	// User and Password log in without the login screen (TDKT_USER and
	// TDKT_PASSWORD, as for tdktctl: scripts and screenshots).
	User, Password string
	// Person is the staff code of a record to open after the login, with
	// the cursor in the full name (scripts, and the typing checks on
	// Windows).
	Person string
	// Ready, when set, is told on the UI goroutine what the window shows
	// once the areas are up after the login.
	Ready func(string)
	// Reopen opens the database again after a backup was restored over it
	// (the restore closes it) and returns the service nobody is logged in
	// to; nil: the person is asked to restart the program.
	Reopen func() (*service.Service, error)
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
	page    *fyne.Container // banner above the area: relaid out when the banner changes
	current int
	// Logout leaves the window to the login screen (nil in tests).
	Logout func()
}

// NewMainWindow builds the application window over svc, which nobody is
// logged in to yet: an empty database asks to create the office (or the
// demo office) with its administrator; a database made before accounts
// existed asks for its administrator; otherwise the login screen. The
// areas are built only for the service of the account that logged in.
func NewMainWindow(a fyne.App, svc *service.Service, opt Options) fyne.Window {
	_ = i18n.Setup(svc.Language(context.Background()))
	kit.LoadAppearance(a.Preferences()).Apply(a)
	a.SetIcon(fyne.NewStaticResource("Icon.png", assets.Icon))
	win := a.NewWindow(lang.L("Thi đua - Khen thưởng"))
	win.Resize(WindowSize(savedSize(a.Preferences()), fyne.Size{}))
	// Hidden before it closes: Fyne forgets the window as it closes, and a
	// mouse move delivered in between (the pointer's window changes as
	// windows go) made it fail on the forgotten window, ending the program
	// before its backup on closing. A hidden window gets no mouse moves.
	win.SetCloseIntercept(func() {
		win.Hide()
		win.Close()
	})
	d := &door{win: win, svc: svc, opt: opt}
	d.open()
	return win
}

// door decides what the window shows before the areas: first start, first
// administrator, or login.
type door struct {
	win    fyne.Window
	svc    *service.Service
	opt    Options
	mw     *MainWindow      // the areas, once logged in
	screen *login.Screen    // the login screen, when shown
	admin  *login.AdminForm // the first administrator's form, when shown
}

func (d *door) open() {
	ctx := context.Background()
	d.mw, d.screen, d.admin = nil, nil, nil
	_, hasOffice, _ := d.svc.Profile(ctx)
	hasOffice = hasOffice || d.svc.IsCentral(ctx)
	hasAccounts := d.svc.HasAccounts(ctx)
	switch {
	case !hasOffice && !hasAccounts:
		d.win.SetContent(container.NewCenter(kit.Heading(lang.L("Thi đua - Khen thưởng"))))
		if d.opt.AutoDemo {
			firstrun.FillDemo(d.win, d.svc, d.enter)
		} else {
			firstrun.Show(d.win, d.svc, d.enter)
		}
	case !hasAccounts:
		d.admin = login.NewAdminForm(d.win, d.svc, d.enter)
		d.win.SetContent(d.admin.Content())
	default:
		if d.opt.User != "" {
			logged, err := d.svc.Login(ctx, d.opt.User, d.opt.Password)
			d.opt.User, d.opt.Password = "", "" // once: logging out shows the screen
			if err == nil {
				d.enter(logged)
				return
			}
		}
		d.screen = login.New(d.svc, d.enter)
		d.win.SetContent(d.screen.Content())
		d.screen.Focus(d.win)
	}
}

// reopen opens the restored database and goes back to the login screen.
func (d *door) reopen() {
	base, err := d.opt.Reopen()
	if err != nil {
		kit.ShowError(d.win, err)
		return
	}
	d.svc = base
	d.open()
}

// enter builds the areas for the account that logged in.
func (d *door) enter(logged *service.Service) {
	var restored func()
	if d.opt.Reopen != nil {
		restored = d.reopen
	}
	d.mw = build(d.win, logged, restored)
	d.mw.Logout = d.open
	if d.opt.StartArea != "" {
		d.mw.ShowArea(d.opt.StartArea)
	}
	shown := d.mw.Current()
	if code := d.opt.Person; code != "" {
		d.opt.Person = "" // once: a later login starts as usual
		d.mw.ShowArea("Đơn vị & cán bộ")
		shown = "không có cán bộ mã " + code
		if ed, ok := d.mw.areas[d.mw.current].view.(interface{ EditPerson(string) bool }); ok && ed.EditPerson(code) {
			shown = "hồ sơ cán bộ " + code
		}
	}
	if d.opt.Ready != nil {
		d.opt.Ready(shown)
	}
}

// Build lays out the areas inside win and returns the window's model (tests
// drive it through fyne's test driver).
func Build(win fyne.Window, svc *service.Service) *MainWindow { return build(win, svc, nil) }

// build is Build with what runs after a backup is restored over the
// database (nil: the backup page asks for a restart).
func build(win fyne.Window, svc *service.Service, restored func()) *MainWindow {
	mw := &MainWindow{Win: win, svc: svc}
	if svc.IsCentral(context.Background()) {
		// The centre's database: its own areas (ui/central), then accounts and journal.
		for _, a := range central.Areas(svc, win, mw.Reload) {
			mw.areas = append(mw.areas, area{a.Title, a.Icon, a.View})
		}
		mw.areas = append(mw.areas, area{"Tài khoản", theme.AccountIcon(), accounts.New(svc, win)},
			area{"Sao lưu", theme.StorageIcon(), backups.New(svc, win, mw.Reload, restored)},
			area{"Nhật ký", theme.HistoryIcon(), journal.New(svc, win)})
	} else {
		mw.areas = []area{
			{"Tổng quan", theme.HomeIcon(), overview.New(svc, win)},
			{"Đơn vị & cán bộ", theme.AccountIcon(), staff.New(svc, win)},
			{"Đăng ký thi đua", theme.DocumentCreateIcon(), registration.New(svc, win)},
			{"Tự đánh giá", theme.ConfirmIcon(), assessment.New(svc, win)},
			{"Xét khen thưởng", theme.MailSendIcon(), nominations.New(svc, win)},
			{"Gửi Trung ương", theme.MailForwardIcon(), packages.New(svc, win)},
			{"Tổng kết giai đoạn", theme.CalendarIcon(), periods.New(svc, win)},
			{"Nhập dữ liệu", theme.UploadIcon(), imports.New(svc, win, mw.Reload)},
			{"Danh mục", theme.ListIcon(), catalogue.New(svc, win)},
			{"Cài đặt", theme.SettingsIcon(), settings.New(svc, win, mw.Reload)},
			{"Tài khoản", theme.AccountIcon(), accounts.New(svc, win)},
			{"Sao lưu", theme.StorageIcon(), backups.New(svc, win, mw.Reload, restored)},
			{"Nhật ký", theme.HistoryIcon(), journal.New(svc, win)},
		}
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
	side := container.NewBorder(kit.Heading("TĐKT"), mw.accountBox(), nil, nil, mw.nav)
	mw.page = container.NewBorder(mw.banner, nil, nil, nil, mw.content)
	split := kit.Split("sidebar", true, side, mw.page, 0.15)
	win.SetContent(split)
	mw.nav.Select(0)
	mw.refreshBanner()
	return mw
}

// accountBox shows who is logged in, with the password change and logout.
func (mw *MainWindow) accountBox() fyne.CanvasObject {
	a, _ := mw.svc.Actor()
	who := widget.NewLabel(a.Username + " · " + a.Role.Label())
	who.Truncation = fyne.TextTruncateEllipsis
	pw := widget.NewButtonWithIcon(lang.L("Đổi mật khẩu"), theme.AccountIcon(), func() { login.ShowChangePassword(mw.Win, mw.svc) })
	out := widget.NewButtonWithIcon(lang.L("Đăng xuất"), theme.LogoutIcon(), func() {
		if mw.Logout != nil {
			mw.Logout()
		}
	})
	return container.NewVBox(widget.NewSeparator(), who, pw, out)
}

// Show switches to area i.
func (mw *MainWindow) Show(i int) {
	if i < 0 || i >= len(mw.areas) {
		return
	}
	changed := mw.current != i
	mw.current = i
	v := mw.areas[i].view
	v.Reload()
	if changed && mw.banner != nil {
		mw.refreshBanner()
	}
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
		mw.banner.Add(kit.Banner(lang.L("Đơn vị MẪU, dữ liệu giả lập để làm quen; đừng nhập dữ liệu thật. Tài khoản admin, mật khẩu demo; mật khẩu khóa ký demo."),
			kit.Soft(color.NRGBA{R: 255, G: 193, B: 7, A: 255}), nil))
	}
	// The backup page says it itself, with the button to act on it.
	onBackups := len(mw.areas) > 0 && mw.areas[mw.current].title == "Sao lưu"
	if r := backups.Reminder(mw.svc, func() { mw.ShowArea("Sao lưu") }); r != nil && !onBackups {
		mw.banner.Add(r)
	}
	mw.banner.Refresh()
	if mw.page != nil {
		mw.page.Refresh() // the banner's height changed: lay the area out again below it
	}
}

// ShowFatal shows an error that prevents the application from starting
// (for example a damaged database) in a window of its own.
// The window is small and in Vietnamese (the database, which holds the
// language chosen, may be what failed to open); the message wraps inside it.
func ShowFatal(a fyne.App, err error) {
	_ = i18n.Setup("vi")
	kit.LoadAppearance(a.Preferences()).Apply(a)
	win := a.NewWindow(lang.L("Thi đua - Khen thưởng"))
	lbl := widget.NewLabel(kit.ErrorText(err))
	lbl.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButtonWithIcon(lang.L("Đóng"), theme.CancelIcon(), a.Quit)
	closeBtn.Importance = widget.HighImportance
	win.SetContent(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), closeBtn), nil, nil,
		container.NewVScroll(container.NewPadded(lbl))))
	win.Resize(fyne.NewSize(600, 220))
	win.CenterOnScreen()
	win.ShowAndRun()
}
