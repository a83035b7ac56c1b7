// Package backups is the "Sao lưu" area: the automatic backups the
// program keeps (when it closes, before an import, an upgrade or a
// restore, and those made by hand), each verified when written; a button
// that backs up now; copying a backup to a folder such as a USB stick, which
// is what protects the office when the computer itself is lost; restoring
// one (the director only, after a backup of the current state); and the
// reminder, here and above every area, when no copy has left the machine
// for a week.
package backups

import (
	"context"
	"fmt"
	"image/color"
	"path/filepath"
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
	"tdkt/internal/store"
	"tdkt/ui/kit"
)

// ReminderService is what the reminder banner needs.
type ReminderService interface {
	OffsiteReminder(ctx context.Context) (days int, due bool)
}

// Service is what the Sao lưu area needs.
type Service interface {
	ReminderService
	Actor() (domain.Account, bool)
	Backups(ctx context.Context) ([]store.BackupFile, error)
	BackupNow(ctx context.Context) (string, error)
	CopyBackup(ctx context.Context, path, dir string) (string, error)
	RestoreBackup(ctx context.Context, path string) error
	DescribeBackup(ctx context.Context, path string) (service.BackupSummary, error)
}

var _ Service = (*service.Service)(nil)

// reasonNames are the reasons of the automatic backups in words.
var reasonNames = map[string]string{
	store.ReasonClose:   "Khi đóng chương trình",
	store.ReasonImport:  "Trước khi nhập dữ liệu",
	store.ReasonMigrate: "Trước khi nâng cấp",
	store.ReasonRestore: "Trước khi khôi phục",
	store.ReasonManual:  "Sao lưu thủ công",
}

// ReasonName is why a backup was taken, in words.
func ReasonName(reason string) string {
	if n, ok := reasonNames[reason]; ok {
		return lang.L(n)
	}
	return reason
}

var backupCols = []kit.Column{
	{Header: "Thời điểm", Width: 150},
	{Header: "Lý do", Width: 220},
	{Header: "Dung lượng", Width: 100},
	{Header: "Tệp", Width: 420},
}

// View is the Sao lưu area.
type View struct {
	svc     Service
	win     fyne.Window
	ctx     context.Context
	run     kit.Runner
	changed func() // the reminder may have changed (the shell's banner)
	reopen  func() // after a restore: reopen the database (nil: ask for a restart)
	// chooseDir asks for a folder (tests replace the dialog).
	chooseDir func(then func(dir string))

	all      []store.BackupFile
	Shown    []store.BackupFile
	selected int

	reminder   *fyne.Container
	Search     *widget.Entry
	Table      *widget.Table
	NowBtn     *widget.Button
	CopyBtn    *widget.Button
	RestoreBtn *widget.Button
	Status     *widget.Label

	confirm *dialog.ConfirmDialog // the last question asked (tests answer it)
	LastErr error
	// restored: the database was replaced and closed under this window.
	restored bool
	content  fyne.CanvasObject
}

// New builds the area. changed runs when a backup left the machine (the
// shell refreshes its reminder); reopen runs after a restore to reopen the
// database, or is nil, and then people are asked to restart the program.
func New(svc *service.Service, win fyne.Window, changed, reopen func()) *View {
	return newView(svc, win, kit.RunLong, changed, reopen)
}

func newView(svc Service, win fyne.Window, run kit.Runner, changed, reopen func()) *View {
	v := &View{svc: svc, win: win, ctx: context.Background(), run: run, changed: changed, reopen: reopen, selected: -1,
		reminder: container.NewVBox(), Search: widget.NewEntry(), Status: widget.NewLabel("")}
	v.chooseDir = v.askDir
	v.Search.SetPlaceHolder(lang.L("Tìm theo ngày (dd/mm/yyyy), lý do, tên tệp…"))
	v.Search.OnChanged = func(string) { v.apply() }
	v.Table = kit.TextTable(backupCols, func() int { return len(v.Shown) }, v.cell)
	v.Table.OnSelected = func(id widget.TableCellID) { v.pick(id.Row) }
	v.Table.OnUnselected = func(widget.TableCellID) { v.pick(-1) }
	v.NowBtn = widget.NewButtonWithIcon(lang.L("Sao lưu ngay"), theme.DocumentSaveIcon(), v.BackupNow)
	v.NowBtn.Importance = widget.HighImportance
	v.CopyBtn = widget.NewButtonWithIcon(lang.L("Chép ra USB…"), theme.DownloadIcon(), v.onCopy)
	v.RestoreBtn = widget.NewButtonWithIcon(lang.L("Khôi phục…"), theme.HistoryIcon(), v.onRestore)
	v.RestoreBtn.Importance = widget.DangerImportance
	v.Status.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(lang.L("Chương trình tự sao lưu khi đóng, trước mỗi lần nhập dữ liệu, nâng cấp hay khôi phục, và kiểm tra từng bản sau khi ghi. Giữ mọi bản của 7 ngày gần nhất, sau đó mỗi tháng một bản trong một năm. Bản sao trên cùng máy không cứu được dữ liệu khi máy hỏng hay mất: mỗi tuần hãy chép một bản ra USB hoặc ổ khác."))
	intro.Wrapping = fyne.TextWrapWord
	actions := container.NewHBox(v.NowBtn, v.CopyBtn, layout.NewSpacer(), v.RestoreBtn)
	top := container.NewVBox(kit.Heading("Sao lưu"), v.reminder, intro, v.Search)
	v.content = container.NewBorder(top, container.NewVBox(actions, v.Status), nil, nil, v.Table)
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// director reports whether the account may restore a backup.
func (v *View) director() bool {
	a, ok := v.svc.Actor()
	return ok && !a.Disabled && a.Role.Allows(domain.RoleDirector)
}

// clerk reports whether the account may write files (viewers may not).
func (v *View) clerk() bool {
	a, ok := v.svc.Actor()
	return ok && !a.Disabled && a.Role.Allows(domain.RoleClerk)
}

// Reload re-reads the backups and the reminder.
func (v *View) Reload() {
	if v.restored {
		return
	}
	bs, err := v.svc.Backups(v.ctx)
	if err != nil {
		v.showError(err)
	}
	v.all = bs
	v.apply()
	v.reminder.Objects = nil
	if r := Reminder(v.svc, nil); r != nil {
		v.reminder.Objects = []fyne.CanvasObject{r}
	}
	v.reminder.Refresh()
	if v.clerk() {
		v.NowBtn.Enable()
	} else {
		v.NowBtn.Disable()
	}
	if v.director() {
		v.RestoreBtn.Show()
	} else {
		v.RestoreBtn.Hide()
	}
}

// Reminder is the banner that asks for a copy outside the machine when
// none has left it for a week; nil when not due, or when the account logged
// in may not copy (a viewer). open, when not nil, is
// offered as a button that leads to the Sao lưu area.
func Reminder(svc ReminderService, open func()) fyne.CanvasObject {
	// Someone who may not copy (Chỉ xem) is not asked to.
	if ac, ok := svc.(interface {
		Actor() (domain.Account, bool)
	}); ok {
		if a, in := ac.Actor(); in && !a.Role.Allows(domain.RoleClerk) {
			return nil
		}
	}
	days, due := svc.OffsiteReminder(context.Background())
	if !due {
		return nil
	}
	msg := lang.L("Chưa có bản sao lưu nào được chép ra khỏi máy này: hãy chép một bản ra USB.")
	if days >= 0 {
		msg = fmt.Sprintf(lang.L("Đã %d ngày chưa chép bản sao lưu nào ra khỏi máy này. Hãy cắm USB (hoặc chọn một ổ khác) và bấm “Chép ra USB…” trong mục Sao lưu."), days)
	}
	var btn *widget.Button
	if open != nil {
		btn = widget.NewButtonWithIcon(lang.L("Mở mục Sao lưu"), theme.DownloadIcon(), open)
	}
	return kit.Banner(msg, kit.Soft(color.NRGBA{R: 255, G: 152, B: 0, A: 255}), btn)
}

// apply fills Shown from the search text.
func (v *View) apply() {
	words := strings.Fields(domain.Fold(v.Search.Text))
	v.Shown = v.Shown[:0]
	for _, b := range v.all {
		line := domain.Fold(strings.Join([]string{when(b), ReasonName(b.Reason), filepath.Base(b.Path)}, " "))
		if kit.ContainsAll(line, words) {
			v.Shown = append(v.Shown, b)
		}
	}
	v.Table.UnselectAll()
	v.pick(-1)
	v.Table.Refresh()
	if len(v.all) == 0 {
		v.Status.Importance = widget.MediumImportance
		v.Status.SetText(lang.L("Chưa có bản sao lưu nào. Bấm “Sao lưu ngay” để tạo bản đầu tiên."))
	}
}

func when(b store.BackupFile) string { return b.Time.Local().Format("15:04:05 02/01/2006") }

func (v *View) cell(row, col int) string {
	if row >= len(v.Shown) {
		return ""
	}
	b := v.Shown[row]
	switch col {
	case 0:
		return when(b)
	case 1:
		return ReasonName(b.Reason)
	case 2:
		return kit.FileSize(b.Size)
	case 3:
		return filepath.Base(b.Path)
	}
	return ""
}

func (v *View) pick(row int) {
	v.selected = row
	_, ok := v.current()
	if ok && v.clerk() {
		v.CopyBtn.Enable()
	} else {
		v.CopyBtn.Disable()
	}
	if ok {
		v.RestoreBtn.Enable()
	} else {
		v.RestoreBtn.Disable()
	}
}

// Select selects the backup at path (false when it is not shown).
func (v *View) Select(path string) bool {
	for i, b := range v.Shown {
		if b.Path == path {
			v.Table.Select(widget.TableCellID{Row: i, Col: 0})
			v.pick(i)
			return true
		}
	}
	return false
}

func (v *View) current() (store.BackupFile, bool) {
	if v.selected >= 0 && v.selected < len(v.Shown) {
		return v.Shown[v.selected], true
	}
	return store.BackupFile{}, false
}

func (v *View) showError(err error) {
	v.LastErr = err
	kit.ShowError(v.win, err)
}

func (v *View) say(imp widget.Importance, msg string) {
	v.Status.Importance = imp
	v.Status.SetText(msg)
}

// BackupNow writes and verifies a backup off the UI goroutine.
func (v *View) BackupNow() {
	var path string
	v.NowBtn.Disable()
	v.run(v.win, "Đang sao lưu", func(ctx context.Context, _ kit.Progress) error {
		var err error
		path, err = v.svc.BackupNow(ctx)
		return err
	}, func(err error) {
		v.NowBtn.Enable()
		if err != nil {
			v.showError(err)
			return
		}
		v.LastErr = nil
		v.Reload()
		v.Select(path)
		v.say(widget.SuccessImportance, fmt.Sprintf(lang.L("Đã sao lưu và kiểm tra: %s. Nên chép bản này ra USB."), filepath.Base(path)))
	})
}

// askDir shows the folder dialog.
func (v *View) askDir(then func(dir string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			v.showError(err)
			return
		}
		if u != nil {
			then(u.Path())
		}
	}, v.win)
	d.Show()
}

func (v *View) onCopy() {
	b, ok := v.current()
	if !ok {
		return
	}
	v.chooseDir(func(dir string) { v.CopyTo(b, dir) })
}

// CopyTo copies a backup into dir (a USB stick); the copy counts as one
// that left the machine, which quiets the reminder.
func (v *View) CopyTo(b store.BackupFile, dir string) {
	var out string
	v.run(v.win, "Đang chép bản sao lưu", func(ctx context.Context, _ kit.Progress) error {
		var err error
		out, err = v.svc.CopyBackup(ctx, b.Path, dir)
		return err
	}, func(err error) {
		if err != nil {
			v.showError(err)
			return
		}
		v.LastErr = nil
		v.Reload()
		v.Select(b.Path)
		v.say(widget.SuccessImportance, fmt.Sprintf(lang.L("Đã chép bản sao lưu %s sang %s. Cất USB ở nơi khác máy tính này."), when(b), out))
		if v.changed != nil {
			v.changed()
		}
	})
}

func (v *View) onRestore() {
	b, ok := v.current()
	if !ok || !v.director() {
		return
	}
	// What the backup holds is shown before asking: whose data, how much,
	// and whether its journal is whole; a backup that may not replace
	// this database is refused here with the reason.
	var sum service.BackupSummary
	v.run(v.win, "Đang kiểm tra bản sao lưu", func(ctx context.Context, _ kit.Progress) error {
		var err error
		sum, err = v.svc.DescribeBackup(ctx, b.Path)
		return err
	}, func(err error) {
		if err != nil {
			v.showError(err)
			return
		}
		if sum.Problem != "" {
			v.say(widget.DangerImportance, sum.Problem)
			kit.Tell(v.win, lang.L("Không khôi phục bản sao lưu này"), sum.Problem)
			return
		}
		journal := lang.L("nguyên vẹn")
		if !sum.Journal.OK {
			journal = sum.Journal.Problem
		}
		msg := fmt.Sprintf(lang.L("Khôi phục dữ liệu về bản sao lưu lúc %s (%s)?\n\nBản sao lưu: dữ liệu của %s; %d cán bộ, %d đơn vị, %d khen thưởng; nhật ký thay đổi %s.\n\nMọi thay đổi sau thời điểm đó sẽ không còn trong dữ liệu đang dùng. Trước khi khôi phục, chương trình sao lưu dữ liệu hiện tại (lý do “Trước khi khôi phục”), nên vẫn quay lại được. Sau khi khôi phục, chương trình mở lại cơ sở dữ liệu."),
			when(b), ReasonName(b.Reason), sum.Office(), sum.People, sum.Units, sum.Awards, journal)
		v.confirm = kit.Confirm(v.win, lang.L("Khôi phục bản sao lưu"), msg, lang.L("Khôi phục"), true, func() { v.Restore(b) })
	})
}

// Restore replaces the data with backup b (the service backs up the
// current state first), then reopens the database or asks for a restart.
func (v *View) Restore(b store.BackupFile) {
	v.run(v.win, "Đang khôi phục", func(ctx context.Context, _ kit.Progress) error {
		return v.svc.RestoreBackup(ctx, b.Path)
	}, func(err error) {
		if err != nil {
			v.showError(err)
			v.say(widget.DangerImportance, service.Explain(err))
			return
		}
		v.LastErr = nil
		if v.reopen != nil {
			v.reopen()
			return
		}
		// The service closed the database to replace it: nothing in this
		// window can read it any more, so the only way on is a restart.
		v.restored = true
		for _, b := range []*widget.Button{v.NowBtn, v.CopyBtn, v.RestoreBtn} {
			b.Disable()
		}
		v.say(widget.SuccessImportance, fmt.Sprintf(lang.L("Đã khôi phục bản sao lưu lúc %s. Hãy đóng và mở lại chương trình."), when(b)))
		msg := widget.NewLabel(fmt.Sprintf(lang.L("Đã khôi phục bản sao lưu lúc %s. Hãy đóng và mở lại chương trình để làm việc tiếp."), when(b)))
		msg.Wrapping = fyne.TextWrapWord
		quit := widget.NewButtonWithIcon(lang.L("Đóng chương trình"), theme.LogoutIcon(), func() { fyne.CurrentApp().Quit() })
		quit.Importance = widget.HighImportance
		d := dialog.NewCustomWithoutButtons(lang.L("Khôi phục xong"), container.NewBorder(nil, container.NewCenter(quit), nil, nil, msg), v.win)
		d.Resize(fyne.NewSize(480, 200))
		d.Show()
	})
}
