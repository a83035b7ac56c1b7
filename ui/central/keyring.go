package central

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/kit"
	"tdkt/ui/packages"
)

// keyringService is what "Khóa các đơn vị" needs.
type keyringService interface {
	packages.Actor
	UnitKeys(ctx context.Context) ([]store.UnitKey, error)
	AddUnitKey(ctx context.Context, keyFile []byte, code string) error
	RemoveUnitKey(ctx context.Context, code string) error
	CentralPackages(ctx context.Context) ([]store.CentralPackage, error)
}

var _ keyringService = (*service.Service)(nil)

var keyCols = []kit.Column{
	{Header: "Mã đơn vị", Width: 100},
	{Header: "Tên đơn vị", Width: 320},
	{Header: "Vân tay khóa", Width: 420},
	{Header: "Ngày thêm", Width: 130},
}

// Keyring is the "Khóa các đơn vị" area: the offices' public keys the
// centre trusts, added from the key files they export.
type Keyring struct {
	errorHolder
	svc keyringService
	ctx context.Context

	all      []store.UnitKey
	shown    []store.UnitKey
	selected int
	Search   *widget.Entry
	count    *widget.Label
	table    *widget.Table
	AddBtn   *widget.Button
	Remove   *widget.Button
	note     *widget.Label

	// The last dialogs (tests answer them).
	Add     *packages.FormDialog
	Code    *packages.KeyEntry
	confirm *dialog.ConfirmDialog

	content fyne.CanvasObject
}

// NewKeyring builds the area; call Reload to fill it.
func NewKeyring(svc *service.Service, win fyne.Window) *Keyring { return newKeyring(svc, win) }

func newKeyring(svc keyringService, win fyne.Window) *Keyring {
	v := &Keyring{errorHolder: errorHolder{win: win}, svc: svc, ctx: context.Background(), selected: -1}
	v.Search = widget.NewEntry()
	v.Search.SetPlaceHolder(lang.L("Tìm theo mã, tên đơn vị hoặc vân tay…"))
	v.Search.OnChanged = func(string) { v.filter() }
	v.count = widget.NewLabel("")
	v.table = kit.TextTable(keyCols, func() int { return len(v.shown) }, v.cell)
	v.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < len(v.shown) {
			v.selected = id.Row
			enable(v.Remove, packages.Allowed(v.svc, domain.RoleDirector))
		}
	}
	v.AddBtn = widget.NewButtonWithIcon(lang.L("Thêm khóa đơn vị…"), theme.ContentAddIcon(), func() {
		packages.OpenFileDialog(win, packages.DocumentsDir(), []string{".pub"}, v.AddKeyFile)
	})
	v.AddBtn.Importance = widget.HighImportance
	v.Remove = widget.NewButtonWithIcon(lang.L("Xóa khóa"), theme.DeleteIcon(), v.OnRemove)
	v.Remove.Disable()
	v.note = wrapped(lang.L("Chỉ thêm khóa khi đã đọc vân tay với đơn vị qua điện thoại: gói của đơn vị chưa có khóa được giữ lại, không được tin."))
	v.note.Importance = widget.LowImportance
	top := container.NewVBox(kit.Heading("Khóa các đơn vị"), v.note,
		container.NewBorder(nil, nil, nil, v.count, v.Search))
	v.content = container.NewBorder(top, container.NewHBox(v.AddBtn, layout.NewSpacer(), v.Remove), nil, nil, v.table)
	return v
}

// Content is the area's canvas object.
func (v *Keyring) Content() fyne.CanvasObject { return v.content }

// Reload re-reads the keyring.
func (v *Keyring) Reload() {
	defer v.content.Refresh() // the count changed size
	ks, err := v.svc.UnitKeys(v.ctx)
	if err != nil {
		v.showError(err)
	}
	v.all = ks
	// Only the director decides which keys the centre trusts.
	enable(v.AddBtn, packages.Allowed(v.svc, domain.RoleDirector))
	v.filter()
}

func (v *Keyring) filter() {
	v.shown = v.shown[:0]
	for _, k := range v.all {
		if matches(v.Search.Text, k.UnitCode, k.Name, k.Fingerprint) {
			v.shown = append(v.shown, k)
		}
	}
	v.count.SetText(fmt.Sprintf(lang.L("%d / %d khóa"), len(v.shown), len(v.all)))
	v.selected = -1
	v.table.UnselectAll()
	v.Remove.Disable()
	v.table.Refresh()
}

func (v *Keyring) cell(row, col int) string {
	if row >= len(v.shown) {
		return ""
	}
	k := v.shown[row]
	switch col {
	case 0:
		return k.UnitCode
	case 1:
		return k.Name
	case 2:
		return k.Fingerprint
	case 3:
		return k.AddedAt.Local().Format("02/01/2006 15:04")
	}
	return ""
}

// Shown lists the keys the table shows (tests read it).
func (v *Keyring) Shown() []store.UnitKey { return v.shown }

// AddKeyFile reads an office's key file and asks to confirm its office
// code and fingerprint before adding it.
func (v *Keyring) AddKeyFile(path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		v.showError(fmt.Errorf("đọc tệp khóa %s: %w", filepath.Base(path), err))
		return
	}
	kf, err := pack.ParseKeyFile(b)
	if err != nil {
		v.showError(fieldErr(service.FieldKeyFile, err.Error()))
		return
	}
	name := kf.Name
	if name == "" {
		name = lang.L("(tệp không ghi tên đơn vị)")
	}
	msg := fmt.Sprintf(lang.L("Tệp %s: %s\nVân tay: %s\nĐọc vân tay này với đơn vị qua điện thoại trước khi thêm."),
		filepath.Base(path), name, pack.Fingerprint(kf.Sign))
	d := packages.NewFormDialog(v.win, lang.L("Thêm khóa đơn vị"), msg, lang.L("Thêm khóa"), func(d *packages.FormDialog) {
		if d.Fail(v.svc.AddUnitKey(v.ctx, b, v.Code.Text)) {
			return
		}
		d.Close()
		v.Reload()
		v.afterAdd()
	})
	hint := "Lấy từ tệp khóa"
	if kf.Code == "" {
		hint = "Tệp không ghi mã: nhập mã đơn vị (ví dụ HTI)"
	}
	v.Code = d.AddEntry(service.FieldUnitCode, kf.Code, hint)
	v.Add = d
	d.Show()
}

// afterAdd reminds that held packages wait for a release.
func (v *Keyring) afterAdd() {
	ps, err := v.svc.CentralPackages(v.ctx)
	if err != nil {
		return
	}
	held := 0
	for _, p := range ps {
		if p.Status == service.ImportHeld {
			held++
		}
	}
	if held > 0 {
		kit.Tell(v.win, lang.L("Thêm khóa đơn vị"), fmt.Sprintf(lang.L("Đã thêm khóa. Có %d gói đang giữ: vào “Gói đã nhận” và bấm “Nạp lại gói đang giữ”."), held))
	}
}

// OnRemove asks before removing the selected office's key.
func (v *Keyring) OnRemove() {
	if v.selected < 0 || v.selected >= len(v.shown) {
		return
	}
	k := v.shown[v.selected]
	v.confirm = kit.Confirm(v.win, lang.L("Xóa khóa"),
		fmt.Sprintf(lang.L("Xóa khóa của %s (%s)? Các gói đơn vị gửi sau đó sẽ bị giữ lại cho đến khi thêm lại khóa."), k.Name, k.UnitCode),
		lang.L("Xóa khóa"), true, func() {
			if err := v.svc.RemoveUnitKey(v.ctx, k.UnitCode); err != nil {
				v.showError(err)
				return
			}
			v.Reload()
		})
}
