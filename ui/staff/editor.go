package staff

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/ui/kit"
)

// keyEntry is an entry that also hands Escape and the down arrow to its
// owner: dialogs close on Escape, the search box moves into the list on ↓.
// (fyne's dialogs do not handle Escape themselves.)
type keyEntry struct {
	widget.Entry
	onEscape func()
	onDown   func()
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape and ↓ when the owner asked for them.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	case k.Name == fyne.KeyDown && e.onDown != nil:
		e.onDown()
	default:
		e.Entry.TypedKey(k)
	}
}

// dateValidator marks an entry red while its text is not a day (the same
// check as kit.DateEntry, here for keyEntry).
func dateValidator(s string) error {
	_, err := domain.ParseDate(s)
	return err
}

// newSelect is a select with a Vietnamese placeholder (fyne's says "Select one").
func newSelect(options []string) *widget.Select {
	s := widget.NewSelect(options, nil)
	s.PlaceHolder = lang.L("(chọn)")
	return s
}

// editor is a modal dialog around a kit.Form that stays open until the
// service accepts the record: Enter in any entry saves, Escape cancels, and
// every problem appears under its field.
type editor struct {
	v       *View
	form    *kit.Form
	dlg     *dialog.CustomDialog
	saveBtn *widget.Button
	// save validates and stores; a FieldError keeps the dialog open.
	save    func() error
	saved   func()
	prevKey func(*fyne.KeyEvent)
	closed  bool
}

func (v *View) newEditor() *editor {
	e := &editor{v: v, form: kit.NewForm()}
	e.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu"), theme.DocumentSaveIcon(), e.submit)
	e.saveBtn.Importance = widget.HighImportance
	return e
}

// entry is a text entry wired for Enter and Escape.
func (e *editor) entry(text string) *keyEntry {
	en := newKeyEntry()
	en.SetText(text)
	en.OnSubmitted = func(string) { e.submit() }
	en.onEscape = e.cancel
	return en
}

// date is entry for dd/mm/yyyy.
func (e *editor) date(d domain.Date) *keyEntry {
	en := e.entry(d.VN())
	en.SetPlaceHolder("dd/mm/yyyy")
	en.Validator = dateValidator
	return en
}

// show opens the dialog with first focused.
func (e *editor) show(title string, first fyne.Focusable, save func() error, saved func()) {
	e.save, e.saved = save, saved
	cancel := widget.NewButtonWithIcon(lang.L("Hủy"), theme.CancelIcon(), e.cancel)
	hint := widget.NewLabel(lang.L("Enter để lưu, Esc để hủy."))
	hint.Importance = widget.LowImportance
	body := container.NewVBox(e.form.Content(), hint)
	e.dlg = dialog.NewCustomWithoutButtons(title, body, e.v.win)
	e.dlg.SetButtons([]fyne.CanvasObject{cancel, e.saveBtn})
	e.dlg.SetOnClosed(e.restoreKeys)
	c := e.v.win.Canvas()
	e.prevKey = c.OnTypedKey()
	// Escape when no entry has the focus (a select, a button).
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			e.cancel()
			return
		}
		if e.prevKey != nil {
			e.prevKey(k)
		}
	})
	e.dlg.Resize(fyne.NewSize(max(560, body.MinSize().Width+60), body.MinSize().Height+120))
	e.dlg.Show()
	if first != nil {
		c.Focus(first)
	}
}

func (e *editor) restoreKeys() {
	if e.closed {
		return
	}
	e.closed = true
	e.v.win.Canvas().SetOnTypedKey(e.prevKey)
}

func (e *editor) cancel() {
	if e.dlg != nil {
		e.dlg.Hide()
	}
}

// submit saves; on success the dialog closes and saved runs, otherwise the
// problems appear under their fields (or in a message when they belong to
// no field of the form).
func (e *editor) submit() {
	if e.closed || e.save == nil {
		return
	}
	err := e.save()
	if err == nil {
		e.form.ClearErrors()
		e.dlg.Hide()
		if e.saved != nil {
			e.saved()
		}
		return
	}
	if rest := e.form.ShowErrors(err); rest != nil {
		kit.ShowError(e.v.win, rest)
	}
}

// fieldErrs collects problems found before asking the service.
type fieldErrs domain.FieldErrors

func (f *fieldErrs) add(field, msg string) {
	*f = append(*f, domain.FieldError{Field: field, Msg: msg})
}

func (f fieldErrs) err() error {
	if len(f) == 0 {
		return nil
	}
	return domain.FieldErrors(f)
}

// date parses a typed day, noting a problem under field.
func (f *fieldErrs) date(text, field string) domain.Date {
	d, err := domain.ParseDate(text)
	if err != nil {
		// The field's label already says it is a date; keep the reason,
		// which must fit on the line under the entry.
		f.add(field, strings.TrimPrefix(err.Error(), domain.ErrInvalidDate.Error()+": "))
	}
	return d
}

// year parses a typed year, noting a problem under field.
func (f *fieldErrs) year(text, field string) int {
	y, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		f.add(field, lang.L("nhập năm bằng chữ số, ví dụ 2025"))
	}
	return y
}

// recordList is a list of history records, two lines each, with the row
// that was tapped remembered for Sửa and Xóa.
type recordList struct {
	list     *widget.List
	n        func() int
	lines    func(i int) (string, string)
	selected int
	onPick   func(i int)
}

func newRecordList(n func() int, lines func(i int) (string, string)) *recordList {
	r := &recordList{n: n, lines: lines, selected: -1}
	r.list = widget.NewList(n, r.create, r.update)
	r.list.OnSelected = func(id widget.ListItemID) {
		r.selected = id
		if r.onPick != nil {
			r.onPick(id)
		}
	}
	r.list.OnUnselected = func(widget.ListItemID) { r.selected = -1 }
	return r
}

func (r *recordList) create() fyne.CanvasObject {
	top := widget.NewLabel("")
	top.TextStyle.Bold = true
	top.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("")
	sub.Truncation = fyne.TextTruncateEllipsis
	sub.SizeName = theme.SizeNameCaptionText
	return container.New(&tightRows{}, top, sub)
}

func (r *recordList) update(i widget.ListItemID, o fyne.CanvasObject) {
	a, b := r.lines(i)
	objs := o.(*fyne.Container).Objects
	objs[0].(*widget.Label).SetText(a)
	objs[1].(*widget.Label).SetText(b)
}

// reset forgets the selection after the records changed.
func (r *recordList) reset() {
	r.list.UnselectAll()
	r.selected = -1
	r.list.Refresh()
}

// tightRows stacks a row's labels without the padding a VBox adds, so a
// two-line row stays compact in a list of thousands.
type tightRows struct{}

func (tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	pad := theme.Padding()
	for i, o := range objs {
		h := o.MinSize().Height
		if i > 0 {
			y -= pad * 1.5
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

func (tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	pad := theme.Padding()
	for i, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
		if i > 0 {
			h -= pad * 1.5
		}
	}
	return fyne.NewSize(w, h)
}
