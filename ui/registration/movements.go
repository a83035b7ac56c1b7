package registration

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/ui/kit"
)

// Labels of the movement form. Those the service names in its field
// errors are the same words as its Field… constants (a test checks).
const (
	fieldMovementName = "Tên phong trào"
	fieldDocNo        = "Số văn bản"
	fieldDocDate      = "Ngày văn bản"
	fieldIssuer       = "Cơ quan phát động"
	fieldKind         = "Loại phong trào"
	fieldFromYear     = "Từ năm"
	fieldToYear       = "Đến năm"
	fieldReviews      = "Sơ kết, tổng kết"
	fieldTargets      = "Chỉ tiêu"
	// The service names a target's problems by its columns, and the kind
	// "Hình thức" (a word the interface already uses for award forms); the
	// form shows them under its own lines.
	fieldServiceKind = "Hình thức"
	fieldTargetName  = "Tên chỉ tiêu"
	fieldTargetUnit  = "Đơn vị tính"
)

// movementTab lists the movements and opens the editor.
type movementTab struct {
	v        *View
	list     *widget.List
	selected int
	add      *widget.Button
	edit     *widget.Button
	del      *widget.Button
	review   *widget.Button
	empty    *widget.Label
	editor   *movementEditor // the editor last opened (tests drive it)
	content  fyne.CanvasObject
}

func newMovementTab(v *View) *movementTab {
	t := &movementTab{v: v, selected: -1}
	t.list = widget.NewList(func() int { return len(v.movements) }, t.createRow, t.updateRow)
	t.list.OnSelected = func(i widget.ListItemID) {
		t.selected = i
		t.edit.Enable()
		t.del.Enable()
		t.review.Enable()
	}
	t.list.OnUnselected = func(widget.ListItemID) { t.selected = -1 }
	t.add = widget.NewButtonWithIcon(lang.L("Thêm phong trào"), theme.ContentAddIcon(), func() { t.open(domain.Movement{Kind: domain.MovementRegular, FromYear: v.year, ToYear: v.year}) })
	t.add.Importance = widget.HighImportance
	t.edit = widget.NewButtonWithIcon(lang.L("Sửa"), theme.DocumentCreateIcon(), t.onEdit)
	t.del = widget.NewButtonWithIcon(lang.L("Xóa"), theme.DeleteIcon(), t.onDelete)
	// The movement's targets over all its years, for its sơ kết / tổng kết report.
	t.review = widget.NewButtonWithIcon(lang.L("Số liệu sơ kết, tổng kết…"), theme.DocumentPrintIcon(), t.onReview)
	t.empty = widget.NewLabel(lang.L("Chưa có phong trào nào. Bấm “Thêm phong trào” để ghi phong trào đã được phát động, với các chỉ tiêu của nó."))
	t.empty.Wrapping = fyne.TextWrapWord
	t.content = container.NewBorder(t.empty, container.NewHBox(t.add, t.edit, t.del, t.review), nil, nil, t.list)
	return t
}

func (t *movementTab) createRow() fyne.CanvasObject {
	name := widget.NewLabel("Phong trào thi đua thường xuyên")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(name, detail)
}

func (t *movementTab) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(t.v.movements) {
		return
	}
	m := t.v.movements[i]
	objs := o.(*fyne.Container).Objects
	objs[0].(*widget.Label).SetText(m.Name)
	objs[1].(*widget.Label).SetText(movementDetail(m))
}

// movementDetail is the second line of a movement: kind, period, document.
func movementDetail(m domain.Movement) string {
	parts := []string{lang.L(m.Kind.Label()), period(m)}
	if doc := strings.TrimSpace(m.DocNo); doc != "" {
		s := fmt.Sprintf(lang.L("Văn bản số %s"), doc)
		if !m.DocDate.IsZero() {
			s += " " + fmt.Sprintf(lang.L("ngày %s"), m.DocDate.VN())
		}
		parts = append(parts, s)
	}
	if m.Issuer != "" {
		parts = append(parts, m.Issuer)
	}
	parts = append(parts, fmt.Sprintf(lang.L("%d chỉ tiêu"), len(m.Targets)))
	return strings.Join(parts, " · ")
}

func period(m domain.Movement) string {
	switch {
	case m.ToYear == 0:
		return fmt.Sprintf(lang.L("từ năm %d"), m.FromYear)
	case m.ToYear == m.FromYear:
		return fmt.Sprintf(lang.L("năm %d"), m.FromYear)
	}
	return fmt.Sprintf("%d–%d", m.FromYear, m.ToYear)
}

func (t *movementTab) refresh() {
	t.list.UnselectAll()
	t.selected = -1
	t.edit.Disable()
	t.del.Disable()
	t.review.Disable()
	if len(t.v.movements) == 0 {
		t.empty.Show()
	} else {
		t.empty.Hide()
	}
	t.list.Refresh()
}

func (t *movementTab) onEdit() {
	if t.selected < 0 || t.selected >= len(t.v.movements) {
		return
	}
	t.open(t.v.movements[t.selected])
}

// onReview asks PDF or Excel, then where to save the review data.
func (t *movementTab) onReview() {
	if t.selected < 0 || t.selected >= len(t.v.movements) {
		return
	}
	m := t.v.movements[t.selected]
	pick := func(format string) {
		name := paths.SafeFileName(fmt.Sprintf(lang.L("Số liệu sơ kết, tổng kết %s"), m.Name), "."+format)
		t.v.saveAs(name, format, func(path string) { t.v.exportReview(m.ID, format, path) })
	}
	var d dialog.Dialog
	choose := func(format string) func() {
		return func() {
			d.Hide()
			pick(format)
		}
	}
	msg := widget.NewLabel(lang.L("Các chỉ tiêu của phong trào qua từng năm, để làm báo cáo sơ kết, tổng kết. Chọn định dạng tệp."))
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(lang.L("Số liệu sơ kết, tổng kết"), msg, t.v.win)
	d.(*dialog.CustomDialog).SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Hủy"), func() { d.Hide() }),
		widget.NewButtonWithIcon(lang.L("PDF"), theme.DocumentPrintIcon(), choose("pdf")),
		widget.NewButtonWithIcon(lang.L("Excel"), theme.DownloadIcon(), choose("xlsx")),
	})
	d.Resize(fyne.NewSize(460, 180))
	d.Show()
}

func (t *movementTab) onDelete() {
	if t.selected < 0 || t.selected >= len(t.v.movements) {
		return
	}
	m := t.v.movements[t.selected]
	t.v.ask(lang.L("Xóa phong trào"),
		fmt.Sprintf(lang.L("Xóa phong trào “%s” cùng các chỉ tiêu và số liệu đăng ký, thực hiện của các chỉ tiêu đó?"), m.Name),
		lang.L("Xóa"), true, func() {
			if err := t.v.svc.DeleteMovement(t.v.ctx, m.ID); err != nil {
				kit.ShowError(t.v.win, err)
				return
			}
			t.v.Reload()
		})
}

func (t *movementTab) open(m domain.Movement) {
	e := newMovementEditor(t.v, m)
	t.editor = e
	e.show(func() { t.v.Reload() })
}

// reviewRow is one milestone row of the editor.
type reviewRow struct {
	year *widget.Entry
	kind *widget.Select
	note *widget.Entry
	box  *fyne.Container
}

// targetRow is one target row of the editor.
type targetRow struct {
	id     int64
	name   *widget.Entry
	unit   *widget.Entry
	higher *widget.Check
	box    *fyne.Container
}

// movementEditor is the add/edit dialog of a movement.
type movementEditor struct {
	v       *View
	m       domain.Movement
	form    *kit.Form
	name    *widget.Entry
	docNo   *widget.Entry
	docDate *widget.Entry
	issuer  *widget.Entry
	kind    *widget.Select
	from    *widget.Entry
	to      *widget.Entry
	reviews []*reviewRow
	revBox  *fyne.Container
	targets []*targetRow
	tgtBox  *fyne.Container
	saveBtn *widget.Button
	dlg     *dialog.CustomDialog
	saved   func()
}

var kindLabels = []domain.MovementKind{domain.MovementRegular, domain.MovementThematic}

func newMovementEditor(v *View, m domain.Movement) *movementEditor {
	e := &movementEditor{v: v, m: m, form: kit.NewForm()}
	e.name = widget.NewEntry()
	e.name.SetText(m.Name)
	e.docNo = widget.NewEntry()
	e.docNo.SetText(m.DocNo)
	e.docNo.SetPlaceHolder(lang.L("ví dụ 123/KH-BHXH"))
	e.docDate = kit.DateEntry()
	e.docDate.SetText(m.DocDate.VN())
	e.issuer = widget.NewEntry()
	e.issuer.SetText(m.Issuer)
	if m.ID == 0 && m.Issuer == "" {
		// A new movement is most often launched by the body above the
		// office: filled in (and saved) rather than shown as a grey
		// example that a clerk would take for a value.
		e.issuer.SetText(v.parentName())
	}
	e.issuer.SetPlaceHolder(lang.L("ví dụ Bảo hiểm xã hội Việt Nam"))
	var kinds []string
	for _, k := range kindLabels {
		kinds = append(kinds, lang.L(k.Label()))
	}
	e.kind = widget.NewSelect(kinds, nil)
	e.kind.SetSelectedIndex(0)
	if m.Kind == domain.MovementThematic {
		e.kind.SetSelectedIndex(1)
	}
	e.from = widget.NewEntry()
	e.to = widget.NewEntry()
	if m.FromYear != 0 {
		e.from.SetText(strconv.Itoa(m.FromYear))
	}
	if m.ToYear != 0 {
		e.to.SetText(strconv.Itoa(m.ToYear))
	}
	e.revBox = container.NewVBox()
	for _, r := range m.Reviews {
		e.addReview(r)
	}
	e.tgtBox = container.NewVBox()
	for _, tg := range m.Targets {
		e.addTarget(tg)
	}
	addRev := widget.NewButtonWithIcon(lang.L("Thêm mốc"), theme.ContentAddIcon(), func() {
		e.addReview(domain.MovementReview{Kind: domain.ReviewInterim})
	})
	addTgt := widget.NewButtonWithIcon(lang.L("Thêm chỉ tiêu"), theme.ContentAddIcon(), func() {
		e.addTarget(domain.Target{HigherBetter: true})
	})

	e.form.Add(fieldMovementName, e.name, "")
	e.form.Add(fieldDocNo, e.docNo, "")
	e.form.Add(fieldDocDate, e.docDate, "")
	e.form.Add(fieldIssuer, e.issuer, "")
	e.form.Add(fieldKind, e.kind, "")
	e.form.Add(fieldFromYear, e.from, "")
	e.form.Add(fieldToYear, e.to, "Để trống nếu phong trào chưa có năm kết thúc.")
	e.form.Add(fieldReviews, container.NewVBox(e.revBox, container.NewHBox(addRev)), "")
	e.form.Add(fieldTargets, container.NewVBox(e.tgtBox, container.NewHBox(addTgt)), "")
	return e
}

func (e *movementEditor) addReview(r domain.MovementReview) {
	row := &reviewRow{year: widget.NewEntry(), note: widget.NewEntry()}
	if r.Year != 0 {
		row.year.SetText(strconv.Itoa(r.Year))
	}
	row.year.SetPlaceHolder(lang.L("Năm"))
	row.kind = widget.NewSelect([]string{lang.L(domain.ReviewInterim.Label()), lang.L(domain.ReviewFinal.Label())}, nil)
	row.kind.SetSelectedIndex(0)
	if r.Kind == domain.ReviewFinal {
		row.kind.SetSelectedIndex(1)
	}
	row.note.SetText(r.Note)
	row.note.SetPlaceHolder(lang.L("Ghi chú"))
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	row.box = container.NewBorder(nil, nil, container.NewHBox(sized(row.year, 80), row.kind), del, row.note)
	del.OnTapped = func() {
		for i, x := range e.reviews {
			if x == row {
				e.reviews = append(e.reviews[:i], e.reviews[i+1:]...)
				break
			}
		}
		e.revBox.Remove(row.box)
	}
	e.reviews = append(e.reviews, row)
	e.revBox.Add(row.box)
}

func (e *movementEditor) addTarget(tg domain.Target) {
	row := &targetRow{id: tg.ID, name: widget.NewEntry(), unit: widget.NewEntry()}
	row.name.SetText(tg.Name)
	row.name.SetPlaceHolder(lang.L("Tên chỉ tiêu"))
	row.unit.SetText(tg.Unit)
	row.unit.SetPlaceHolder(lang.L("Đơn vị tính"))
	row.higher = widget.NewCheck(lang.L("Cao hơn là tốt hơn"), nil)
	row.higher.SetChecked(tg.HigherBetter)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	row.box = container.NewBorder(nil, nil, nil, container.NewHBox(sized(row.unit, 90), row.higher, del), row.name)
	del.OnTapped = func() {
		for i, x := range e.targets {
			if x == row {
				e.targets = append(e.targets[:i], e.targets[i+1:]...)
				break
			}
		}
		e.tgtBox.Remove(row.box)
	}
	e.targets = append(e.targets, row)
	e.tgtBox.Add(row.box)
}

// movement reads the form; problems the form itself can see (a year that
// is not a number) come back as field errors.
func (e *movementEditor) movement() (domain.Movement, error) {
	m := e.m
	var errs domain.FieldErrors
	m.Name = strings.TrimSpace(e.name.Text)
	m.DocNo = strings.TrimSpace(e.docNo.Text)
	m.Issuer = strings.TrimSpace(e.issuer.Text)
	m.DocDate = domain.Date{}
	if s := strings.TrimSpace(e.docDate.Text); s != "" {
		d, err := domain.ParseDate(s)
		if err != nil {
			errs = append(errs, domain.FieldError{Field: fieldDocDate, Msg: lang.L("nhập ngày theo dạng dd/mm/yyyy")})
		}
		m.DocDate = d
	}
	m.Kind = kindLabels[max(0, e.kind.SelectedIndex())]
	year := func(text, field string, optional bool) int {
		s := strings.TrimSpace(text)
		if s == "" && optional {
			return 0
		}
		y, err := strconv.Atoi(s)
		if err != nil || y < 1900 || y > 2200 {
			errs = append(errs, domain.FieldError{Field: field, Msg: lang.L("nhập năm bằng chữ số, ví dụ 2025")})
		}
		return y
	}
	m.FromYear = year(e.from.Text, fieldFromYear, false)
	m.ToYear = year(e.to.Text, fieldToYear, true)
	m.Reviews = nil
	for _, r := range e.reviews {
		if strings.TrimSpace(r.year.Text) == "" && strings.TrimSpace(r.note.Text) == "" {
			continue
		}
		kind := domain.ReviewInterim
		if r.kind.SelectedIndex() == 1 {
			kind = domain.ReviewFinal
		}
		m.Reviews = append(m.Reviews, domain.MovementReview{Year: year(r.year.Text, fieldReviews, false), Kind: kind, Note: strings.TrimSpace(r.note.Text)})
	}
	m.Targets = nil
	for i, r := range e.targets {
		name := strings.TrimSpace(r.name.Text)
		if name == "" && strings.TrimSpace(r.unit.Text) == "" {
			continue
		}
		if name == "" {
			errs = append(errs, domain.FieldError{Field: fieldTargets, Msg: fmt.Sprintf(lang.L("chỉ tiêu thứ %d chưa có tên"), i+1)})
		}
		m.Targets = append(m.Targets, domain.Target{ID: r.id, MovementID: m.ID, Name: name, Unit: strings.TrimSpace(r.unit.Text),
			HigherBetter: r.higher.Checked, SortOrder: i + 1})
	}
	if len(errs) > 0 {
		return m, errs
	}
	return m, nil
}

func (e *movementEditor) show(saved func()) {
	e.saved = saved
	title := lang.L("Sửa phong trào")
	if e.m.ID == 0 {
		title = lang.L("Thêm phong trào")
	}
	e.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu"), theme.DocumentSaveIcon(), e.submit)
	e.saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Hủy"), theme.CancelIcon(), func() { e.dlg.Hide() })
	body := container.NewVScroll(e.form.Content())
	e.dlg = dialog.NewCustomWithoutButtons(title, body, e.v.win)
	e.dlg.SetButtons([]fyne.CanvasObject{cancel, e.saveBtn})
	e.dlg.Resize(fyne.NewSize(820, 640))
	e.dlg.Show()
	e.v.win.Canvas().Focus(e.name)
}

// submit saves the movement; the dialog stays open with the problems under
// their fields until the service accepts it.
func (e *movementEditor) submit() {
	m, err := e.movement()
	if err == nil {
		_, err = e.v.svc.SaveMovement(e.v.ctx, m)
	}
	if err != nil {
		err = renameFields(err, map[string]string{fieldTargetName: fieldTargets, fieldTargetUnit: fieldTargets, fieldServiceKind: fieldKind})
		if rest := e.form.ShowErrors(err); rest != nil {
			kit.ShowError(e.v.win, rest)
		}
		return
	}
	e.form.ClearErrors()
	e.dlg.Hide()
	if e.saved != nil {
		e.saved()
	}
}

// renameFields moves field errors to the form line that shows them.
func renameFields(err error, to map[string]string) error {
	fes := domain.AsFieldErrors(err)
	if fes == nil {
		return err
	}
	out := make(domain.FieldErrors, len(fes))
	for i, fe := range fes {
		if f, ok := to[fe.Field]; ok {
			fe.Field = f
		}
		out[i] = fe
	}
	return out
}

// sized gives an object a fixed minimum width (an entry in a row of entries).
func sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(&minWidth{w: w}, o)
}

type minWidth struct{ w float32 }

func (l *minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	s.Width = max(s.Width, l.w)
	return s
}
