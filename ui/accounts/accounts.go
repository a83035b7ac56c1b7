// Package accounts is the "Tài khoản" area: the director sees every local
// account of the office (user name, full name, role, whether it may log
// in), creates accounts, changes roles, stops and restores accounts and
// resets forgotten passwords; everyone else sees their own account and
// changes their password. The service checks every action against the
// role itself; this area only hides what the role cannot do and shows the
// service's refusals (the last director cannot be demoted…) in words.
package accounts

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

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
	"tdkt/ui/login"
)

// Service is what the Tài khoản area needs.
type Service interface {
	Actor() (domain.Account, bool)
	Accounts(ctx context.Context) ([]domain.Account, error)
	CreateAccount(ctx context.Context, a domain.Account, password string) (domain.Account, error)
	SetAccountRole(ctx context.Context, id int64, role domain.Role) error
	DisableAccount(ctx context.Context, id int64) error
	EnableAccount(ctx context.Context, id int64) error
	ResetPassword(ctx context.Context, id int64, newPassword string) error
	ChangePassword(ctx context.Context, old, new string) error
}

var _ Service = (*service.Service)(nil)

// Labels of the account forms; the service's FieldErrors name the same
// words, so each message lands under its entry.
const (
	FieldFullName    = service.FieldFullName
	FieldUsername    = service.FieldUsername
	FieldRole        = service.FieldRole
	FieldPassword    = service.FieldPassword
	FieldRepeat      = "Nhập lại mật khẩu"
	FieldNewPassword = service.FieldNewPassword
	FieldRepeatNew   = "Nhập lại mật khẩu mới"
)

// roleNames are the roles as the forms offer them, in domain.Roles order.
var roleNames = map[domain.Role]string{
	domain.RoleDirector: "Giám đốc",
	domain.RoleClerk:    "Chuyên viên TĐKT",
	domain.RoleViewer:   "Chỉ xem",
}

// RoleName is a role in words.
func RoleName(r domain.Role) string {
	if n, ok := roleNames[r]; ok {
		return lang.L(n)
	}
	return string(r)
}

// roleOptions are the select's options, parallel to domain.Roles.
func roleOptions() []string {
	out := make([]string, len(domain.Roles))
	for i, r := range domain.Roles {
		out[i] = RoleName(r)
	}
	return out
}

// Columns of the account table.
var accountCols = []kit.Column{
	{Header: "Tên đăng nhập", Width: 150},
	{Header: "Họ và tên", Width: 220},
	{Header: "Vai trò", Width: 150},
	{Header: "Trạng thái", Width: 300},
}

// View is the Tài khoản area.
type View struct {
	svc Service
	win fyne.Window
	ctx context.Context
	now func() time.Time // decides whether a lock is still running

	all      []domain.Account
	Shown    []domain.Account
	selected int // index in Shown, -1 when none

	me        *widget.Label
	changePw  *widget.Button
	manage    *fyne.Container // the director's part
	notice    *widget.Label   // what others see instead
	Search    *widget.Entry
	Table     *widget.Table
	CreateBtn *widget.Button
	RoleBtn   *widget.Button
	StateBtn  *widget.Button // Ngừng sử dụng / Cho dùng lại / Mở khóa
	ResetBtn  *widget.Button
	Status    *widget.Label

	// The last dialogs opened and the last error shown (tests use them).
	Create   *CreateForm
	RoleForm *RoleForm
	Reset    *ResetForm
	Password *login.PasswordDialog
	confirm  *dialog.ConfirmDialog
	LastErr  error

	content fyne.CanvasObject
}

// New builds the area over svc; call Reload to fill it.
func New(svc *service.Service, win fyne.Window) *View { return newView(svc, win) }

func newView(svc Service, win fyne.Window) *View {
	v := &View{svc: svc, win: win, ctx: context.Background(), now: time.Now, selected: -1,
		me: widget.NewLabel(""), notice: widget.NewLabel(""), Search: widget.NewEntry(), Status: widget.NewLabel("")}
	v.me.Wrapping = fyne.TextWrapWord
	v.notice.Wrapping = fyne.TextWrapWord
	v.notice.Importance = widget.LowImportance
	v.Status.Wrapping = fyne.TextWrapWord
	v.changePw = widget.NewButtonWithIcon(lang.L("Đổi mật khẩu"), theme.AccountIcon(), func() {
		v.Password = login.ShowChangePassword(v.win, v.svc)
	})
	v.Search.SetPlaceHolder(lang.L("Tìm theo tên đăng nhập, họ tên, vai trò…"))
	v.Search.OnChanged = func(string) { v.apply() }
	v.Table = kit.StyledTable(accountCols, func() int { return len(v.Shown) }, v.cell)
	v.Table.OnSelected = func(id widget.TableCellID) { v.pick(id.Row) }
	v.Table.OnUnselected = func(widget.TableCellID) { v.pick(-1) }
	v.CreateBtn = widget.NewButtonWithIcon(lang.L("Tạo tài khoản…"), theme.ContentAddIcon(), v.onCreate)
	v.CreateBtn.Importance = widget.HighImportance
	v.RoleBtn = widget.NewButtonWithIcon(lang.L("Đổi vai trò…"), theme.AccountIcon(), v.onRole)
	v.StateBtn = widget.NewButtonWithIcon(lang.L("Ngừng sử dụng"), theme.CancelIcon(), v.onState)
	v.ResetBtn = widget.NewButtonWithIcon(lang.L("Đặt lại mật khẩu…"), theme.ViewRefreshIcon(), v.onReset)

	intro := widget.NewLabel(lang.L("Mỗi người dùng chương trình có một tài khoản riêng; nhật ký ghi lại ai đã thay đổi gì. Giám đốc: duyệt đợt, ký duyệt, quản lý tài khoản, khôi phục sao lưu. Chuyên viên TĐKT: nhập, chuẩn bị, in, xuất dữ liệu. Chỉ xem: chỉ đọc."))
	intro.Wrapping = fyne.TextWrapWord
	actions := container.NewHBox(v.CreateBtn, layout.NewSpacer(), v.RoleBtn, v.StateBtn, v.ResetBtn)
	v.manage = container.NewBorder(container.NewVBox(widget.NewSeparator(), kit.Heading("Các tài khoản"), intro, v.Search),
		container.NewVBox(actions, v.Status), nil, nil, v.Table)
	top := container.NewVBox(kit.Heading("Tài khoản"), container.NewBorder(nil, nil, nil, v.changePw, v.me), v.notice)
	v.content = container.NewBorder(top, nil, nil, nil, v.manage)
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// director reports whether the logged-in account manages accounts.
func (v *View) director() bool {
	a, ok := v.svc.Actor()
	return ok && !a.Disabled && a.Role.Allows(domain.RoleDirector)
}

// Reload shows the logged-in account and, to a director, every account.
func (v *View) Reload() {
	a, ok := v.svc.Actor()
	if !ok {
		v.me.SetText(lang.L("Chưa đăng nhập."))
		v.changePw.Hide()
	} else {
		v.me.SetText(fmt.Sprintf(lang.L("Bạn đang đăng nhập bằng tài khoản %s (%s), vai trò %s."), a.Username, a.FullName, RoleName(a.Role)))
		v.changePw.Show()
	}
	if !v.director() {
		v.all, v.Shown = nil, nil
		v.manage.Hide()
		v.notice.SetText(lang.L("Chỉ Giám đốc quản lý tài khoản. Khi cần tài khoản mới, đổi vai trò hay quên mật khẩu, hãy nhờ Giám đốc."))
		v.notice.Show()
		return
	}
	v.notice.Hide()
	v.manage.Show()
	v.load()
}

// load re-reads the accounts and keeps the selected one.
func (v *View) load() {
	keep := int64(0)
	if v.selected >= 0 && v.selected < len(v.Shown) {
		keep = v.Shown[v.selected].ID
	}
	as, err := v.svc.Accounts(v.ctx)
	if err != nil {
		v.showError(err)
	}
	v.all = as
	v.apply()
	v.Select(keep)
}

// apply fills Shown from the search text.
func (v *View) apply() {
	words := strings.Fields(domain.Fold(v.Search.Text))
	v.Shown = v.Shown[:0]
	for _, a := range v.all {
		line := domain.Fold(strings.Join([]string{a.Username, a.FullName, RoleName(a.Role), v.state(a)}, " "))
		if kit.ContainsAll(line, words) {
			v.Shown = append(v.Shown, a)
		}
	}
	v.Table.UnselectAll()
	v.pick(-1)
	v.Table.Refresh()
}

// Select selects the account with id in the table (none when 0 or absent).
func (v *View) Select(id int64) bool {
	for i, a := range v.Shown {
		if a.ID == id && id != 0 {
			v.Table.Select(widget.TableCellID{Row: i, Col: 0})
			v.pick(i)
			return true
		}
	}
	return false
}

// SelectUser selects an account by user name (tests, and after creating).
func (v *View) SelectUser(username string) bool {
	for _, a := range v.Shown {
		if a.Username == username {
			return v.Select(a.ID)
		}
	}
	return false
}

func (v *View) locked(a domain.Account) bool {
	return !a.LockedUntil.IsZero() && a.LockedUntil.After(v.now())
}

// state is Đang dùng, Ngừng sử dụng, or Tạm khóa đến 09:15 01/03/2026.
func (v *View) state(a domain.Account) string {
	switch {
	case a.Disabled:
		return lang.L("Ngừng sử dụng")
	case v.locked(a):
		return fmt.Sprintf(lang.L("Tạm khóa đến %s (nhập sai mật khẩu nhiều lần)"), a.LockedUntil.Local().Format("15:04 02/01/2006"))
	}
	return lang.L("Đang dùng")
}

func (v *View) cell(row, col int) (string, widget.Importance) {
	if row >= len(v.Shown) {
		return "", widget.MediumImportance
	}
	a := v.Shown[row]
	switch col {
	case 0:
		return a.Username, widget.MediumImportance
	case 1:
		return a.FullName, widget.MediumImportance
	case 2:
		return RoleName(a.Role), widget.MediumImportance
	case 3:
		if a.Disabled || v.locked(a) {
			return v.state(a), widget.DangerImportance
		}
		return v.state(a), widget.MediumImportance
	}
	return "", widget.MediumImportance
}

// pick follows the table's selection and enables what applies to it.
func (v *View) pick(row int) {
	v.selected = row
	a, ok := v.current()
	for _, b := range []*widget.Button{v.RoleBtn, v.StateBtn, v.ResetBtn} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	switch {
	case ok && a.Disabled:
		v.StateBtn.SetText(lang.L("Cho dùng lại"))
		v.StateBtn.SetIcon(theme.ConfirmIcon())
	case ok && v.locked(a):
		v.StateBtn.SetText(lang.L("Mở khóa"))
		v.StateBtn.SetIcon(theme.ConfirmIcon())
	default:
		v.StateBtn.SetText(lang.L("Ngừng sử dụng"))
		v.StateBtn.SetIcon(theme.CancelIcon())
	}
}

func (v *View) current() (domain.Account, bool) {
	if v.selected >= 0 && v.selected < len(v.Shown) {
		return v.Shown[v.selected], true
	}
	return domain.Account{}, false
}

func (v *View) showError(err error) {
	v.LastErr = err
	kit.ShowError(v.win, err)
}

// done reloads after a change and says what happened.
func (v *View) done(id int64, msg string) {
	v.LastErr = nil
	v.load()
	v.Select(id)
	v.Status.Importance = widget.SuccessImportance
	v.Status.SetText(msg)
}

// ---- creating ----

// CreateForm is the "Tạo tài khoản" dialog.
type CreateForm struct {
	Form             *kit.Form
	FullName, User   *widget.Entry
	Role             *widget.Select
	Password, Repeat *widget.Entry
	Submit           *widget.Button
	dlg              dialog.Dialog
}

func (v *View) onCreate() {
	f := &CreateForm{Form: kit.NewForm(), FullName: widget.NewEntry(), User: widget.NewEntry(),
		Role: widget.NewSelect(roleOptions(), nil), Password: widget.NewPasswordEntry(), Repeat: widget.NewPasswordEntry()}
	f.Role.SetSelectedIndex(slices.Index(domain.Roles, domain.RoleClerk))
	f.Form.Add(FieldFullName, f.FullName, "")
	f.Form.Add(FieldUsername, f.User, "chữ thường, không dấu, ví dụ cv.lan")
	f.Form.Add(FieldRole, f.Role, "")
	f.Form.Add(FieldPassword, f.Password, "ít nhất 8 ký tự; người dùng nên đổi sau lần đăng nhập đầu")
	f.Form.Add(FieldRepeat, f.Repeat, "")
	f.Repeat.OnSubmitted = func(string) { v.create(f) }
	f.Submit = widget.NewButtonWithIcon(lang.L("Tạo tài khoản"), theme.ConfirmIcon(), func() { v.create(f) })
	f.Submit.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { f.dlg.Hide() })
	f.dlg = formDialog(v.win, lang.L("Tạo tài khoản"), nil, f.Form, cancel, f.Submit, fyne.NewSize(640, 480))
	v.Create = f
	if c := v.win.Canvas(); c != nil {
		c.Focus(f.FullName)
	}
}

func (v *View) create(f *CreateForm) {
	var err error
	role := domain.Role("")
	if i := f.Role.SelectedIndex(); i >= 0 && i < len(domain.Roles) {
		role = domain.Roles[i]
	}
	var made domain.Account
	if f.Password.Text != f.Repeat.Text {
		err = domain.FieldError{Field: FieldRepeat, Msg: "không khớp với mật khẩu; nhập lại cho giống"}
	} else {
		made, err = v.svc.CreateAccount(v.ctx, domain.Account{Username: f.User.Text, FullName: f.FullName.Text, Role: role}, f.Password.Text)
	}
	if rest := f.Form.ShowErrors(err); rest != nil {
		v.showError(rest)
		return
	}
	if err != nil {
		v.LastErr = err
		return
	}
	f.dlg.Hide()
	v.Search.SetText("")
	v.done(made.ID, fmt.Sprintf(lang.L("Đã tạo tài khoản %s (%s). Hãy báo mật khẩu cho người dùng và nhắc họ đổi sau lần đăng nhập đầu."), made.Username, RoleName(made.Role)))
}

// ---- the role ----

// RoleForm is the "Đổi vai trò" dialog.
type RoleForm struct {
	Form   *kit.Form
	Role   *widget.Select
	Submit *widget.Button
	dlg    dialog.Dialog
}

func (v *View) onRole() {
	a, ok := v.current()
	if !ok {
		return
	}
	f := &RoleForm{Form: kit.NewForm(), Role: widget.NewSelect(roleOptions(), nil)}
	f.Role.SetSelectedIndex(slices.Index(domain.Roles, a.Role))
	note := widget.NewLabel(fmt.Sprintf(lang.L("Vai trò mới của %s (%s) có hiệu lực từ lần đăng nhập sau của họ."), a.Username, a.FullName))
	note.Wrapping = fyne.TextWrapWord
	f.Form.Add(FieldRole, f.Role, "")
	f.Submit = widget.NewButtonWithIcon(lang.L("Đổi vai trò"), theme.ConfirmIcon(), func() { v.setRole(a, f) })
	f.Submit.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { f.dlg.Hide() })
	f.dlg = formDialog(v.win, fmt.Sprintf(lang.L("Đổi vai trò của %s"), a.Username), note, f.Form, cancel, f.Submit, fyne.NewSize(560, 260))
	v.RoleForm = f
}

func (v *View) setRole(a domain.Account, f *RoleForm) {
	i := f.Role.SelectedIndex()
	if i < 0 || i >= len(domain.Roles) {
		f.Form.ShowErrors(domain.FieldError{Field: FieldRole, Msg: "chưa chọn; chọn một vai trò"})
		return
	}
	role := domain.Roles[i]
	if role == a.Role {
		f.dlg.Hide()
		return
	}
	err := v.svc.SetAccountRole(v.ctx, a.ID, role)
	if rest := f.Form.ShowErrors(err); rest != nil {
		f.dlg.Hide()
		v.refused(rest)
		return
	}
	if err != nil {
		v.LastErr = err
		return
	}
	f.dlg.Hide()
	v.done(a.ID, fmt.Sprintf(lang.L("%s giờ có vai trò %s."), a.Username, RoleName(role)))
}

// refused shows a refusal of the service both in a dialog and on the
// status line under the table, in red.
func (v *View) refused(err error) {
	v.showError(err)
	v.Status.Importance = widget.DangerImportance
	v.Status.SetText(service.Explain(err))
}

// ---- stopping, restoring, unlocking ----

func (v *View) onState() {
	a, ok := v.current()
	if !ok {
		return
	}
	switch {
	case a.Disabled:
		v.confirm = kit.Confirm(v.win, lang.L("Cho dùng lại tài khoản"),
			fmt.Sprintf(lang.L("Cho tài khoản %s (%s) đăng nhập lại?"), a.Username, a.FullName),
			lang.L("Cho dùng lại"), false, func() { v.enable(a, lang.L("Tài khoản %s đã được dùng lại.")) })
	case v.locked(a):
		v.confirm = kit.Confirm(v.win, lang.L("Mở khóa tài khoản"),
			fmt.Sprintf(lang.L("Mở khóa tài khoản %s (%s) ngay, không chờ hết thời gian khóa?"), a.Username, a.FullName),
			lang.L("Mở khóa"), false, func() { v.enable(a, lang.L("Tài khoản %s đã được mở khóa.")) })
	default:
		v.confirm = kit.Confirm(v.win, lang.L("Ngừng sử dụng tài khoản"),
			fmt.Sprintf(lang.L("Ngừng tài khoản %s (%s)? Người này sẽ không đăng nhập được nữa; những gì họ đã làm vẫn còn trong dữ liệu và nhật ký."), a.Username, a.FullName),
			lang.L("Ngừng sử dụng"), true, func() { v.disable(a) })
	}
}

func (v *View) disable(a domain.Account) {
	if err := v.svc.DisableAccount(v.ctx, a.ID); err != nil {
		v.refused(err)
		return
	}
	v.done(a.ID, fmt.Sprintf(lang.L("Đã ngừng tài khoản %s."), a.Username))
}

func (v *View) enable(a domain.Account, msg string) {
	if err := v.svc.EnableAccount(v.ctx, a.ID); err != nil {
		v.refused(err)
		return
	}
	v.done(a.ID, fmt.Sprintf(msg, a.Username))
}

// ---- resetting a password ----

// ResetForm is the "Đặt lại mật khẩu" dialog.
type ResetForm struct {
	Form             *kit.Form
	Password, Repeat *widget.Entry
	Submit           *widget.Button
	dlg              dialog.Dialog
}

func (v *View) onReset() {
	a, ok := v.current()
	if !ok {
		return
	}
	f := &ResetForm{Form: kit.NewForm(), Password: widget.NewPasswordEntry(), Repeat: widget.NewPasswordEntry()}
	note := widget.NewLabel(fmt.Sprintf(lang.L("Đặt mật khẩu mới cho %s (%s), ví dụ khi họ quên mật khẩu hoặc bị khóa. Mật khẩu cũ không dùng được nữa."), a.Username, a.FullName))
	note.Wrapping = fyne.TextWrapWord
	f.Form.Add(FieldNewPassword, f.Password, "ít nhất 8 ký tự")
	f.Form.Add(FieldRepeatNew, f.Repeat, "")
	f.Repeat.OnSubmitted = func(string) { v.reset(a, f) }
	f.Submit = widget.NewButtonWithIcon(lang.L("Đặt lại mật khẩu"), theme.ConfirmIcon(), func() { v.reset(a, f) })
	f.Submit.Importance = widget.DangerImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { f.dlg.Hide() })
	f.dlg = formDialog(v.win, fmt.Sprintf(lang.L("Đặt lại mật khẩu của %s"), a.Username), note, f.Form, cancel, f.Submit, fyne.NewSize(600, 380))
	v.Reset = f
}

func (v *View) reset(a domain.Account, f *ResetForm) {
	var err error
	if f.Password.Text != f.Repeat.Text {
		err = domain.FieldError{Field: FieldRepeatNew, Msg: "không khớp với mật khẩu mới; nhập lại cho giống"}
	} else {
		err = v.svc.ResetPassword(v.ctx, a.ID, f.Password.Text)
	}
	if rest := f.Form.ShowErrors(err); rest != nil {
		v.showError(rest)
		return
	}
	if err != nil {
		v.LastErr = err
		return
	}
	f.dlg.Hide()
	v.done(a.ID, fmt.Sprintf(lang.L("Đã đặt lại mật khẩu của %s. Hãy báo mật khẩu mới cho họ."), a.Username))
}

// formDialog lays out a form dialog: an optional note, the form (which
// scrolls when its error lines make it taller than the dialog) and the
// buttons, which always stay in view.
func formDialog(win fyne.Window, title string, note fyne.CanvasObject, form *kit.Form, cancel, submit *widget.Button, size fyne.Size) dialog.Dialog {
	body := container.NewBorder(note, container.NewHBox(layout.NewSpacer(), cancel, submit), nil, nil,
		container.NewVScroll(form.Content()))
	d := dialog.NewCustomWithoutButtons(title, body, win)
	d.Resize(size)
	d.Show()
	return d
}
