package central

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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
	"tdkt/ui/packages"
)

// receivedService is what "Gói đã nhận" needs.
type receivedService interface {
	packages.Actor
	CentralImport(ctx context.Context, files []string, passphrase string, progress func(done, total int)) ([]service.ImportOutcome, error)
	ReleaseHeld(ctx context.Context, passphrase string) ([]service.ImportOutcome, error)
	CentralPackages(ctx context.Context) ([]store.CentralPackage, error)
}

var _ receivedService = (*service.Service)(nil)

// Columns of the received packages.
var receivedCols = []kit.Column{
	{Header: "Nhận lúc", Width: 130},
	{Header: "Đơn vị", Width: 230},
	{Header: "Năm", Width: 60},
	{Header: "Đợt đề nghị", Width: 230},
	{Header: "Trạng thái", Width: 190},
	{Header: "Lập lúc", Width: 130},
	{Header: "Tệp", Width: 300},
}

// statusFilters are the choices of the status filter, "" meaning all.
var statusFilters = []struct{ label, status string }{
	{"Mọi trạng thái", ""},
	{"Đã nạp", service.ImportLoaded},
	{"Đã có gói mới hơn", service.ImportSuperseded},
	{"Đang giữ: chưa có khóa", service.ImportHeld},
	{"Bị từ chối", service.ImportRejected},
}

// Received is the "Gói đã nhận" area: import packages, see what became of
// each, and the list of every package received.
type Received struct {
	errorHolder
	svc receivedService
	ctx context.Context
	run kit.Runner

	all      []store.CentralPackage
	shown    []store.CentralPackage
	selected int
	Search   *widget.Entry
	Status   *widget.Select
	count    *widget.Label
	table    *widget.Table

	ImportFileBtn   *widget.Button
	ImportFolderBtn *widget.Button
	ReleaseBtn      *widget.Button

	detail *fyne.Container // the last import's outcomes, or the selected package
	// Pass is the last passphrase dialog (tests type into it).
	Pass *packages.FormDialog
	// Passphrase is its entry.
	Passphrase *packages.KeyEntry
	// Outcomes are the last import's results.
	Outcomes []service.ImportOutcome
	dir      string

	content fyne.CanvasObject
}

// NewReceived builds the area; call Reload to fill it.
func NewReceived(svc *service.Service, win fyne.Window) *Received {
	return newReceived(svc, win, kit.RunLong)
}

func newReceived(svc receivedService, win fyne.Window, run kit.Runner) *Received {
	v := &Received{errorHolder: errorHolder{win: win}, svc: svc, ctx: context.Background(), run: run, selected: -1, dir: packages.DocumentsDir()}
	v.Search = widget.NewEntry()
	v.Search.SetPlaceHolder(lang.L("Tìm theo mã, tên đơn vị, đợt hoặc tên tệp…"))
	v.Search.OnChanged = func(string) { v.filter() }
	opts := make([]string, len(statusFilters))
	for i, f := range statusFilters {
		opts[i] = lang.L(f.label)
	}
	v.Status = widget.NewSelect(opts, nil)
	v.Status.SetSelectedIndex(0)
	v.Status.OnChanged = func(string) { v.filter() }
	v.count = widget.NewLabel("")
	v.table = kit.StyledTable(receivedCols, func() int { return len(v.shown) }, v.cell)
	v.table.OnSelected = func(id widget.TableCellID) { v.selectRow(id.Row) }

	v.ImportFileBtn = widget.NewButtonWithIcon(lang.L("Nhập một gói…"), theme.FileIcon(), func() {
		packages.OpenFileDialog(win, v.dir, []string{".zip"}, func(p string) { v.ImportFiles([]string{p}) })
	})
	v.ImportFileBtn.Importance = widget.HighImportance
	v.ImportFolderBtn = widget.NewButtonWithIcon(lang.L("Nhập cả thư mục…"), theme.FolderOpenIcon(), v.onFolder)
	v.ReleaseBtn = widget.NewButtonWithIcon(lang.L("Nạp lại gói đang giữ"), theme.ViewRefreshIcon(), v.OnRelease)
	v.detail = container.NewVBox(wrapped(lang.L("Kết quả mỗi lần nhập hiện ở đây, từng tệp với mọi lỗi tìm thấy. Chọn một gói trong danh sách để xem chi tiết.")))

	top := container.NewVBox(
		kit.Heading("Gói đã nhận"),
		container.NewHBox(v.ImportFileBtn, v.ImportFolderBtn, layout.NewSpacer(), v.ReleaseBtn),
		container.NewBorder(nil, nil, nil, container.NewHBox(v.Status, v.count), v.Search),
	)
	split := container.NewVSplit(v.table, container.NewVScroll(container.NewPadded(v.detail)))
	split.Offset = 0.55
	v.content = container.NewBorder(top, nil, nil, nil, split)
	return v
}

// Content is the area's canvas object.
func (v *Received) Content() fyne.CanvasObject { return v.content }

// Reload re-reads the packages received.
func (v *Received) Reload() {
	defer v.content.Refresh() // the counts and buttons changed size
	ps, err := v.svc.CentralPackages(v.ctx)
	if err != nil {
		v.showError(err)
	}
	v.all = ps
	held := 0
	for _, p := range ps {
		if p.Status == service.ImportHeld {
			held++
		}
	}
	clerk := packages.Allowed(v.svc, domain.RoleClerk)
	if held > 0 {
		v.ReleaseBtn.SetText(fmt.Sprintf(lang.L("Nạp lại %d gói đang giữ"), held))
	} else {
		v.ReleaseBtn.SetText(lang.L("Nạp lại gói đang giữ"))
	}
	enable(v.ReleaseBtn, held > 0 && clerk)
	enable(v.ImportFileBtn, clerk)
	enable(v.ImportFolderBtn, clerk)
	v.filter()
}

// SetStatusFilter shows only packages of one status ("" for all).
func (v *Received) SetStatusFilter(status string) {
	for i, f := range statusFilters {
		if f.status == status {
			v.Status.SetSelectedIndex(i)
		}
	}
}

func (v *Received) filter() {
	status := ""
	if i := v.Status.SelectedIndex(); i > 0 {
		status = statusFilters[i].status
	}
	v.shown = v.shown[:0]
	for _, p := range v.all {
		if status != "" && p.Status != status {
			continue
		}
		if !matches(v.Search.Text, p.UnitCode, p.UnitName, p.RoundName, p.FileName, fmt.Sprint(p.Year)) {
			continue
		}
		v.shown = append(v.shown, p)
	}
	v.count.SetText(fmt.Sprintf(lang.L("%d / %d gói"), len(v.shown), len(v.all)))
	v.selected = -1
	v.table.UnselectAll()
	v.table.Refresh()
}

func (v *Received) cell(row, col int) (string, widget.Importance) {
	if row >= len(v.shown) {
		return "", widget.MediumImportance
	}
	p := v.shown[row]
	switch col {
	case 0:
		return p.ImportedAt.Local().Format("02/01/2006 15:04"), widget.MediumImportance
	case 1:
		if p.UnitName == "" {
			return p.UnitCode, widget.MediumImportance
		}
		return p.UnitCode + " · " + p.UnitName, widget.MediumImportance
	case 2:
		if p.Year == 0 {
			return "", widget.MediumImportance
		}
		return fmt.Sprint(p.Year), widget.MediumImportance
	case 3:
		return p.RoundName, widget.MediumImportance
	case 4:
		return statusLabel(p.Status), statusImportance(p.Status)
	case 5:
		return stamp(p.CreatedAt), widget.MediumImportance
	case 6:
		return p.FileName, widget.MediumImportance
	}
	return "", widget.MediumImportance
}

// Shown lists the packages the table shows (tests read it).
func (v *Received) Shown() []store.CentralPackage { return v.shown }

// selectRow shows a package's details with every problem found.
func (v *Received) selectRow(row int) {
	if row < 0 || row >= len(v.shown) {
		return
	}
	v.selected = row
	p := v.shown[row]
	v.detail.Objects = nil
	h := widget.NewLabel(fmt.Sprintf("%s · %s", p.FileName, statusLabel(p.Status)))
	h.TextStyle.Bold = true
	h.Importance = statusImportance(p.Status)
	v.detail.Add(h)
	if p.UnitCode != "" {
		v.detail.Add(wrapped(fmt.Sprintf(lang.L("Đơn vị: %s (%s) · năm %d · đợt “%s” (mã %d)"), p.UnitName, p.UnitCode, p.Year, p.RoundName, p.RoundRef)))
	}
	v.detail.Add(wrapped(fmt.Sprintf(lang.L("SHA-256 của tệp: %s · %s"), p.SHA256, kit.FileSize(p.Bytes))))
	if p.Status == service.ImportSuperseded && p.SupersededBy != 0 {
		v.detail.Add(wrapped(fmt.Sprintf(lang.L("Được thay bằng gói số %d gửi sau; dữ liệu của gói này được lưu để đối chiếu, không được tính."), p.SupersededBy)))
	}
	if p.Status == service.ImportHeld {
		v.detail.Add(wrapped(lang.L("Thêm khóa của đơn vị trong “Khóa các đơn vị” (đối chiếu vân tay qua điện thoại), rồi bấm “Nạp lại gói đang giữ”.")))
	}
	for _, pr := range problemsOf(p.Problems) {
		l := wrapped("• " + problemText(pr))
		if p.Status == service.ImportRejected {
			l.Importance = widget.DangerImportance
		}
		v.detail.Add(l)
	}
	v.content.Refresh()
}

// onFolder picks a folder and imports every .zip in it (fyne's file
// dialog chooses one file only).
func (v *Received) onFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		v.ImportFolder(u.Path())
	}, v.win)
	d.Resize(v.win.Canvas().Size())
	d.Show()
}

// ImportFolder imports every package (.zip) directly inside dir.
func (v *Received) ImportFolder(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		v.showError(fmt.Errorf("đọc thư mục %s: %w", dir, err))
		return
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".zip") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		kit.Tell(v.win, lang.L("Nhập gói"), fmt.Sprintf(lang.L("Thư mục %s không có tệp gói nào (.zip)."), dir))
		return
	}
	v.dir = dir
	v.ImportFiles(files)
}

// ImportFiles asks for the centre's passphrase (to decrypt encrypted
// packages), then verifies and loads the files.
func (v *Received) ImportFiles(files []string) {
	if len(files) == 0 {
		return
	}
	v.dir = filepath.Dir(files[0])
	msg := fmt.Sprintf(lang.L("%d tệp gói sẽ được kiểm tra và nạp. Mật khẩu khóa của Trung ương mở khóa giải mã các gói được mã hóa."), len(files))
	v.askPassphrase(lang.L("Nhập gói hồ sơ"), msg, lang.L("Nhập"), func(ctx context.Context, pass string, progress kit.Progress) ([]service.ImportOutcome, error) {
		return v.svc.CentralImport(ctx, files, pass, progress)
	})
}

// OnRelease checks the held packages again, once their offices' keys
// are in the keyring.
func (v *Received) OnRelease() {
	v.askPassphrase(lang.L("Nạp lại gói đang giữ"), lang.L("Các gói đang giữ được kiểm tra lại với danh sách khóa hiện có."), lang.L("Nạp lại"),
		func(ctx context.Context, pass string, _ kit.Progress) ([]service.ImportOutcome, error) {
			return v.svc.ReleaseHeld(ctx, pass)
		})
}

type importWork func(ctx context.Context, pass string, progress kit.Progress) ([]service.ImportOutcome, error)

func (v *Received) askPassphrase(title, msg, ok string, work importWork) {
	d := packages.NewFormDialog(v.win, title, msg, ok, nil)
	v.Passphrase = d.AddSecret(packages.FieldPassphrase, "Cần cho gói được mã hóa; để trống nếu các gói không mã hóa")
	v.Pass = d
	d.SetAction(func(d *packages.FormDialog) { v.runImport(d, title, work) })
	d.Show()
}

func (v *Received) runImport(d *packages.FormDialog, title string, work importWork) {
	pass := v.Passphrase.Text
	var outs []service.ImportOutcome
	v.run(v.win, title, func(ctx context.Context, progress kit.Progress) error {
		var err error
		outs, err = work(ctx, pass, progress)
		return err
	}, func(err error) {
		v.Outcomes = outs
		if err != nil && !errors.Is(err, context.Canceled) {
			v.lastErr = err
			// The import stops at a wrong passphrase: what was done
			// before stays done and is shown; the dialog stays open.
			d.Fail(err) // a wrong passphrase goes under its field
			v.Reload()
			v.showOutcomes(outs)
			return
		}
		d.Close()
		v.Reload()
		v.showOutcomes(outs)
	})
}

// showOutcomes lists what became of each file, with every problem.
func (v *Received) showOutcomes(outs []service.ImportOutcome) {
	v.detail.Objects = nil
	counts := map[string]int{}
	for _, o := range outs {
		counts[o.Status]++
	}
	var parts []string
	for _, s := range []string{service.ImportLoaded, service.ImportSuperseded, service.ImportDuplicate, service.ImportHeld, service.ImportRejected} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d", statusLabel(s), counts[s]))
		}
	}
	h := widget.NewLabel(fmt.Sprintf(lang.L("Kết quả nhập %d tệp — %s"), len(outs), strings.Join(parts, " · ")))
	h.TextStyle.Bold = true
	v.detail.Add(h)
	for _, o := range outs {
		line := widget.NewLabel(o.File + " · " + statusLabel(o.Status))
		line.TextStyle.Bold = true
		line.Importance = statusImportance(o.Status)
		v.detail.Add(line)
		if o.Message != "" {
			v.detail.Add(wrapped(o.Message))
		}
		if o.Status == service.ImportRejected || o.Status == service.ImportHeld {
			for _, p := range o.Problems {
				l := wrapped("• " + problemText(p))
				l.Importance = statusImportance(o.Status)
				v.detail.Add(l)
			}
		}
	}
	v.content.Refresh()
}

// DetailText is what the detail panel says (tests read it).
func (v *Received) DetailText() string {
	var b strings.Builder
	for _, o := range v.detail.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}
