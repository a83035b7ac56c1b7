// Package imports is the "Nhập dữ liệu" area: the clerk picks what a
// spreadsheet holds (units, staff, ratings, awards, initiatives,
// discipline), can save the matching template, chooses a file, and sees a
// preview (valid rows, rejected rows with their reasons, warnings, unknown
// columns) before anything is written. Only "Nhập N dòng" writes, in one
// transaction. Reading and writing run off the UI goroutine behind a
// progress dialog with a cancel button.
//
// The steps are methods (saveTemplate, previewFrom, confirm, saveReport,
// cancelPreview) that the file dialogs merely call, so tests drive the whole
// flow with a spreadsheet in memory and no dialog.
package imports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// importer is what the area needs of the service.
type importer interface {
	ImportTemplate(kind service.ImportKind, w io.Writer) error
	PreviewImport(ctx context.Context, kind service.ImportKind, r io.Reader, progress func(done, total int)) (*service.ImportPreview, error)
	CommitImport(ctx context.Context, p *service.ImportPreview) (service.ImportResult, error)
	WriteImportReport(p *service.ImportPreview, w io.Writer) error
}

var _ importer = (*service.Service)(nil)

// kindInfo says in one line what each kind of file holds, and names the
// template file.
var kindInfo = map[service.ImportKind]struct{ about, slug string }{
	service.ImportUnits:       {"Các phòng, BHXH cơ sở và đơn vị cấp trên của chúng, theo mã đơn vị.", "don-vi"},
	service.ImportStaff:       {"Hồ sơ cán bộ: họ tên, ngày sinh, giới tính, CCCD, đơn vị công tác, ngày tuyển dụng.", "can-bo"},
	service.ImportRatings:     {"Xếp loại hằng năm (HTXSNV, HTTNV, HTNV, KHTNV) của cán bộ hoặc tập thể.", "xep-loai"},
	service.ImportAwards:      {"Danh hiệu, hình thức khen thưởng đã được tặng, với số và ngày quyết định.", "khen-thuong"},
	service.ImportInitiatives: {"Sáng kiến đã được công nhận: tác giả, năm công nhận, phạm vi ảnh hưởng.", "sang-kien"},
	service.ImportDiscipline:  {"Kỷ luật: hình thức, ngày hiệu lực, ngày kết thúc.", "ky-luat"},
}

// View is the "Nhập dữ liệu" area.
type View struct {
	svc     importer
	win     fyne.Window
	changed func()
	run     kit.Runner

	kinds []service.ImportKind
	kind  service.ImportKind // the kind chosen for the next file

	// The preview on screen; nil when none. committed: already imported.
	preview   *service.ImportPreview
	file      string
	committed bool
	rejected  int // distinct rejected rows of preview

	kindList    *widget.List
	templateBtn *widget.Button
	openBtn     *widget.Button
	kindNote    *widget.Label // the chosen kind and what it holds

	right        *fyne.Container // buttons, status and body
	status       *fyne.Container // result or error of the last step
	statusText   string
	body         *fyne.Container // empty state or preview
	empty        fyne.CanvasObject
	previewBox   *fyne.Container
	title        *widget.Label
	counts       *widget.Label
	expected     *widget.Label
	unknown      *widget.Label
	tabs         *container.AppTabs
	rejectedList *widget.Table
	warningList  *widget.Table
	acceptedList *widget.Table
	detail       *widget.Label
	confirmBtn   *widget.Button
	reportBtn    *widget.Button
	cancelBtn    *widget.Button
	why          *widget.Label

	content fyne.CanvasObject
}

// New builds the area; changed is called after an import committed.
func New(svc *service.Service, win fyne.Window, changed func()) *View {
	return newView(svc, win, changed, kit.RunLong)
}

func newView(svc importer, win fyne.Window, changed func(), run kit.Runner) *View {
	v := &View{svc: svc, win: win, changed: changed, run: run, kinds: service.ImportKinds}
	if len(v.kinds) > 0 {
		v.kind = v.kinds[0]
	}
	v.build()
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload keeps the preview: the data an import changes is shown elsewhere,
// and the clerk may still want the error report of the file just imported.
func (v *View) Reload() {}

func (v *View) build() {
	v.kindList = widget.NewList(
		func() int { return len(v.kinds) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			about := widget.NewLabel("")
			about.Truncation = fyne.TextTruncateEllipsis
			about.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(name, about)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			k := v.kinds[i]
			box.Objects[0].(*widget.Label).SetText(lang.L(k.Label()))
			box.Objects[1].(*widget.Label).SetText(lang.L(kindInfo[k].about))
		})
	v.kindList.OnSelected = func(i widget.ListItemID) { v.selectKind(v.kinds[i]) }
	v.templateBtn = widget.NewButtonWithIcon(lang.L("Tải mẫu Excel"), theme.DownloadIcon(), v.chooseTemplateFile)
	v.openBtn = widget.NewButtonWithIcon(lang.L("Chọn tệp Excel…"), theme.FolderOpenIcon(), v.chooseImportFile)
	v.kindNote = widget.NewLabel("")
	v.kindNote.Wrapping = fyne.TextWrapWord
	v.openBtn.Importance = widget.HighImportance
	hint := widget.NewLabel(lang.L("Chưa có gì được ghi vào dữ liệu cho đến khi bạn xem trước và bấm Nhập."))
	hint.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(
		widget.NewLabelWithStyle(lang.L("Loại dữ liệu trong tệp"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		hint, nil, nil, v.kindList)

	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Wrapping = fyne.TextWrapWord
	v.counts = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.expected = widget.NewLabel("")
	v.unknown = widget.NewLabel("")
	v.unknown.Wrapping = fyne.TextWrapWord
	issueCols := []kit.Column{{Header: "Dòng", Width: 60}, {Header: "Cột", Width: 160}, {Header: "Lý do", Width: 480}}
	v.rejectedList = kit.TextTable(issueCols, func() int { return v.issueCount(false) },
		func(r, c int) string { return issueCell(v.preview.Rejected[r], c) })
	v.rejectedList.OnSelected = func(id widget.TableCellID) { v.showDetail(v.preview.Rejected, id.Row) }
	v.warningList = kit.TextTable(issueCols, func() int { return v.issueCount(true) },
		func(r, c int) string { return issueCell(v.preview.Warnings[r], c) })
	v.warningList.OnSelected = func(id widget.TableCellID) { v.showDetail(v.preview.Warnings, id.Row) }
	v.acceptedList = kit.TextTable([]kit.Column{{Header: "Dòng", Width: 60}, {Header: "Thao tác", Width: 100}, {Header: "Nội dung", Width: 540}}, v.acceptedCount, v.acceptedCell)
	v.detail = widget.NewLabel("")
	v.detail.Wrapping = fyne.TextWrapWord
	v.tabs = container.NewAppTabs(
		container.NewTabItem("", v.rejectedList),
		container.NewTabItem("", v.warningList),
		container.NewTabItem("", v.acceptedList),
	)
	v.tabs.OnSelected = func(*container.TabItem) {
		setShown(v.detail, "")
		v.previewBox.Refresh()
	}
	v.confirmBtn = widget.NewButtonWithIcon("", theme.ConfirmIcon(), v.confirm)
	v.confirmBtn.Importance = widget.HighImportance
	v.reportBtn = widget.NewButtonWithIcon(lang.L("Lưu báo cáo lỗi…"), theme.DocumentSaveIcon(), v.chooseReportFile)
	v.cancelBtn = widget.NewButtonWithIcon(lang.L("Hủy"), theme.CancelIcon(), v.cancelPreview)
	v.why = widget.NewLabel("")
	v.why.Wrapping = fyne.TextWrapWord
	v.previewBox = container.NewBorder(
		container.NewVBox(v.title, v.counts, v.expected, v.unknown),
		container.NewVBox(v.detail, container.NewHBox(v.confirmBtn, v.reportBtn, v.cancelBtn), v.why),
		nil, nil, v.tabs)
	empty := widget.NewLabel(lang.L("Chọn loại dữ liệu ở bên trái, tải mẫu Excel nếu cần, rồi chọn tệp Excel để xem trước những dòng sẽ được nhập và những dòng bị từ chối."))
	empty.Wrapping = fyne.TextWrapWord
	v.empty = container.NewVBox(empty)
	v.body = container.NewStack(v.empty)
	v.status = container.NewVBox()

	v.right = container.NewBorder(
		container.NewVBox(container.NewHBox(v.templateBtn, v.openBtn), v.kindNote, v.status),
		nil, nil, nil, v.body)
	split := kit.Split("imports", true, left, v.right, 0.28)
	v.content = container.NewBorder(kit.Heading("Nhập dữ liệu"), nil, nil, nil, split)
	if len(v.kinds) > 0 {
		v.kindList.Select(0)
	}
}

// selectKind chooses what the next file holds.
func (v *View) selectKind(k service.ImportKind) {
	v.kind = k
	v.kindNote.SetText(fmt.Sprintf(lang.L("Loại %s: %s"), lang.L(k.Label()), lang.L(kindInfo[k].about)))
}

// templateName is the suggested file name of the kind's template.
func templateName(k service.ImportKind) string {
	slug := kindInfo[k].slug
	if slug == "" {
		slug = string(k)
	}
	return "mau-nhap-" + slug + ".xlsx"
}

func xlsxFilter() storage.FileFilter { return storage.NewExtensionFileFilter([]string{".xlsx"}) }

// chooseTemplateFile asks where to save the template of the chosen kind.
func (v *View) chooseTemplateFile() {
	kind := v.kind
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		if w == nil {
			return
		}
		err = v.saveTemplate(kind, w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		v.setStatus(fmt.Sprintf(lang.L("Đã lưu mẫu %s vào %s. Dòng 2 là dòng ví dụ: thay bằng dữ liệu thật, giữ nguyên dòng tiêu đề."), lang.L(kind.Label()), w.URI().Name()), false)
	}, v.win)
	d.SetFileName(templateName(kind))
	d.SetFilter(xlsxFilter())
	d.Show()
}

// saveTemplate writes the template of kind to w.
func (v *View) saveTemplate(kind service.ImportKind, w io.Writer) error {
	return v.svc.ImportTemplate(kind, w)
}

// chooseImportFile asks for the spreadsheet to preview.
func (v *View) chooseImportFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		if r == nil {
			return
		}
		v.previewFrom(r.URI().Name(), r)
	}, v.win)
	d.SetFilter(xlsxFilter())
	d.Show()
}

// previewFrom reads the spreadsheet r (closed afterwards if it is a
// Closer) as the chosen kind and shows what an import would do. Nothing
// is written.
func (v *View) previewFrom(name string, r io.Reader) {
	kind := v.kind
	var p *service.ImportPreview
	v.clearStatus()
	v.openBtn.Disable()
	v.run(v.win, fmt.Sprintf(lang.L("Đang đọc %s"), name), func(ctx context.Context, progress kit.Progress) error {
		if c, ok := r.(io.Closer); ok {
			defer c.Close()
		}
		var err error
		p, err = v.svc.PreviewImport(ctx, kind, r, progress)
		return err
	}, func(err error) {
		v.openBtn.Enable()
		switch {
		case errors.Is(err, context.Canceled):
			v.setStatus(lang.L("Đã hủy đọc tệp. Chưa có gì được ghi."), false)
		case err != nil:
			v.setStatus(fmt.Sprintf(lang.L("Không đọc được tệp %s: %s"), name, fileProblem(err)), true)
		case p != nil:
			v.showPreview(name, p)
		}
	})
}

// fileProblem says why a whole file cannot be read: for a file that is
// not a workbook or lacks the header row, the service's message as it is
// (it names the missing columns), else the general explanation.
func fileProblem(err error) string {
	if fes := domain.AsFieldErrors(err); errors.Is(err, service.ErrImportFile) && len(fes) == 1 {
		return fes[0].Msg
	}
	return service.Explain(err)
}

// showPreview puts p on screen.
func (v *View) showPreview(name string, p *service.ImportPreview) {
	v.preview, v.file, v.committed = p, name, false
	v.rejected = p.RejectedRows()
	title := fmt.Sprintf(lang.L("Xem trước %s: %s"), name, lang.L(p.Kind.Label()))
	if p.HeaderRow > 0 {
		title += fmt.Sprintf(lang.L(" (dòng tiêu đề là dòng %d)"), p.HeaderRow)
	}
	v.title.SetText(title)
	v.counts.SetText(v.countsText())
	setShown(v.expected, v.expectedText())
	unknown := ""
	if len(p.UnknownColumns) > 0 {
		cols := append([]string(nil), p.UnknownColumns...)
		sort.Strings(cols)
		unknown = fmt.Sprintf(lang.L("Các cột không nhận ra, sẽ bỏ qua: %s"), strings.Join(cols, ", "))
	}
	setShown(v.unknown, unknown)
	v.tabs.Items[0].Text = fmt.Sprintf(lang.L("Bị từ chối (%d)"), len(p.Rejected))
	v.tabs.Items[1].Text = fmt.Sprintf(lang.L("Cảnh báo (%d)"), len(p.Warnings))
	v.tabs.Items[2].Text = fmt.Sprintf(lang.L("Hợp lệ (%d)"), len(p.Accepted))
	switch {
	case len(p.Rejected) > 0:
		v.tabs.SelectIndex(0)
	case len(p.Warnings) > 0:
		v.tabs.SelectIndex(1)
	default:
		v.tabs.SelectIndex(2)
	}
	v.tabs.Refresh()
	for _, t := range []*widget.Table{v.rejectedList, v.warningList, v.acceptedList} {
		t.UnselectAll()
		t.ScrollToTop()
		t.Refresh()
	}
	setShown(v.detail, "")
	v.updateButtons()
	v.body.Objects = []fyne.CanvasObject{v.previewBox}
	v.body.Refresh()
}

// countsText is the one-line summary: N dòng hợp lệ, M dòng bị từ chối, K cảnh báo.
func (v *View) countsText() string {
	p := v.preview
	if p == nil {
		return ""
	}
	return fmt.Sprintf(lang.L("%d dòng hợp lệ, %d dòng bị từ chối, %d cảnh báo"), len(p.Accepted), v.rejected, len(p.Warnings))
}

// setShown sets a label's text and hides it when there is none, so an
// empty line takes no room.
func setShown(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// expectedText says what the accepted rows would do to the data as it
// stands now.
func (v *View) expectedText() string {
	p := v.preview
	if p == nil || len(p.Accepted) == 0 {
		return ""
	}
	e := p.Expected
	return fmt.Sprintf(lang.L("Nếu nhập: thêm mới %d, cập nhật %d, không đổi %d."), e.Inserted, e.Updated, e.Unchanged)
}

// updateButtons says what "Nhập" would do, or why it cannot.
func (v *View) updateButtons() {
	p := v.preview
	if p == nil {
		return
	}
	n := len(p.Accepted)
	switch {
	case v.committed:
		setShown(v.expected, "")
		v.confirmBtn.SetText(lang.L("Đã nhập"))
		v.confirmBtn.Disable()
		v.why.SetText("")
		v.cancelBtn.SetText(lang.L("Đóng"))
	case n == 0:
		v.confirmBtn.SetText(lang.L("Không có dòng hợp lệ để nhập"))
		v.confirmBtn.Disable()
		v.why.SetText(lang.L("Mọi dòng của tệp đều bị từ chối hoặc tệp không có dòng dữ liệu. Sửa các dòng theo lý do trong bảng (hoặc lưu báo cáo lỗi để sửa trong Excel), rồi chọn lại tệp."))
		v.cancelBtn.SetText(lang.L("Hủy"))
	default:
		v.confirmBtn.SetText(fmt.Sprintf(lang.L("Nhập %d dòng"), n))
		v.confirmBtn.Enable()
		why := ""
		if v.rejected > 0 {
			why = fmt.Sprintf(lang.L("%d dòng bị từ chối sẽ không được nhập; có thể sửa và nhập lại sau, các dòng đã nhập không bị trùng."), v.rejected)
		}
		v.why.SetText(why)
		v.cancelBtn.SetText(lang.L("Hủy"))
	}
	if len(p.Rejected)+len(p.Warnings) > 0 {
		v.reportBtn.Enable()
	} else {
		v.reportBtn.Disable()
	}
}

// confirm writes the accepted rows of the preview in one transaction.
func (v *View) confirm() {
	p := v.preview
	if p == nil || v.committed || len(p.Accepted) == 0 {
		return
	}
	var res service.ImportResult
	v.confirmBtn.Disable()
	v.cancelBtn.Disable()
	v.run(v.win, fmt.Sprintf(lang.L("Đang nhập %d dòng"), len(p.Accepted)), func(ctx context.Context, _ kit.Progress) error {
		var err error
		res, err = v.svc.CommitImport(ctx, p)
		return err
	}, func(err error) {
		v.cancelBtn.Enable()
		if err != nil {
			v.updateButtons()
			if errors.Is(err, context.Canceled) {
				v.setStatus(lang.L("Đã hủy. Chưa có dòng nào được ghi."), false)
			} else {
				v.setStatus(service.Explain(err), true)
			}
			return
		}
		v.committed = true
		v.updateButtons()
		v.setStatus(fmt.Sprintf(lang.L("Đã thêm %d, cập nhật %d, không đổi %d"), res.Inserted, res.Updated, res.Unchanged), false)
		if v.changed != nil {
			v.changed()
		}
	})
}

// chooseReportFile asks where to save the error report of the preview.
func (v *View) chooseReportFile() {
	if v.preview == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		if w == nil {
			return
		}
		err = v.saveReport(w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		v.setStatus(fmt.Sprintf(lang.L("Đã lưu báo cáo lỗi vào %s."), w.URI().Name()), false)
	}, v.win)
	d.SetFileName("bao-cao-loi-" + strings.TrimSuffix(v.file, ".xlsx") + ".xlsx")
	d.SetFilter(xlsxFilter())
	d.Show()
}

// saveReport writes the rejected rows of the preview, with a reason
// column, to w.
func (v *View) saveReport(w io.Writer) error {
	if v.preview == nil {
		return nil
	}
	return v.svc.WriteImportReport(v.preview, w)
}

// cancelPreview drops the preview; nothing was written unless confirmed.
func (v *View) cancelPreview() {
	if v.preview != nil && !v.committed {
		v.setStatus(fmt.Sprintf(lang.L("Đã bỏ tệp %s. Chưa có gì được ghi."), v.file), false)
	}
	v.preview, v.file, v.committed, v.rejected = nil, "", false, 0
	v.body.Objects = []fyne.CanvasObject{v.empty}
	v.body.Refresh()
}

// setStatus shows the outcome of the last step above the preview.
func (v *View) setStatus(msg string, isError bool) {
	v.statusText = msg
	bg := theme.Color(theme.ColorNameSuccess)
	if isError {
		bg = theme.Color(theme.ColorNameError)
	}
	v.status.Objects = []fyne.CanvasObject{kit.Banner(msg, kit.Soft(bg), nil)}
	v.right.Refresh()
}

func (v *View) clearStatus() {
	v.statusText = ""
	v.status.Objects = nil
	v.right.Refresh()
}

func (v *View) issueCount(warnings bool) int {
	if v.preview == nil {
		return 0
	}
	if warnings {
		return len(v.preview.Warnings)
	}
	return len(v.preview.Rejected)
}

func (v *View) acceptedCount() int {
	if v.preview == nil {
		return 0
	}
	return len(v.preview.Accepted)
}

func (v *View) acceptedCell(r, c int) string {
	a := v.preview.Accepted[r]
	switch c {
	case 0:
		return fmt.Sprint(a.Row)
	case 1:
		return a.Action
	default:
		return a.Summary
	}
}

func issueCell(is service.ImportIssue, c int) string {
	switch c {
	case 0:
		if is.Row == 0 {
			return ""
		}
		return fmt.Sprint(is.Row)
	case 1:
		return is.Column
	default:
		return is.Reason
	}
}

// showDetail writes the selected issue in full under the table, since a
// long reason is cut in its cell.
func (v *View) showDetail(issues []service.ImportIssue, i int) {
	if i < 0 || i >= len(issues) {
		return
	}
	is := issues[i]
	var where []string
	if is.Row > 0 {
		where = append(where, fmt.Sprintf(lang.L("Dòng %d"), is.Row))
	}
	if is.Column != "" {
		where = append(where, fmt.Sprintf(lang.L("cột %s"), is.Column))
	}
	setShown(v.detail, strings.Join(where, ", ")+": "+is.Reason)
	v.previewBox.Refresh()
}
