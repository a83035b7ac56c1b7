package packages

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/ui/kit"
)

// FieldPassphrase is the label of the signing passphrase in every dialog
// that asks for it.
const FieldPassphrase = "Mật khẩu khóa ký"

// KeyEntry is an entry that hands Escape to its dialog (fyne's dialogs do
// not close on Escape by themselves).
type KeyEntry struct {
	widget.Entry
	OnEscape func()
}

// NewKeyEntry is a plain text entry; NewSecretEntry hides what is typed.
func NewKeyEntry() *KeyEntry {
	e := &KeyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewSecretEntry is a password entry that closes its dialog on Escape.
func NewSecretEntry() *KeyEntry {
	e := &KeyEntry{}
	e.Password = true
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape when the owner asked for it.
func (e *KeyEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// FormDialog is a modal kit.Form that stays open until its action accepts
// what was typed: Enter in an entry runs the action, Escape (or Hủy) closes
// it, and each problem appears under its field. The passphrase dialogs of
// the packages area, the keys section of Cài đặt and the centre's areas
// are all FormDialogs.
type FormDialog struct {
	Form    *kit.Form
	OK      *widget.Button
	Message *widget.Label // a line above the form (what the dialog is for)
	win     fyne.Window
	dlg     *dialog.CustomDialog
	act     func(d *FormDialog)
	first   fyne.Focusable
	// PassphraseField is the field a wrong passphrase is shown under
	// (FieldPassphrase unless set).
	PassphraseField string
	prevKey         func(*fyne.KeyEvent)
	open            bool
}

// NewFormDialog prepares a dialog titled title whose button okText runs act;
// add fields, then Show. act keeps the dialog open (Fail) or closes it (Close).
func NewFormDialog(win fyne.Window, title, message, okText string, act func(d *FormDialog)) *FormDialog {
	d := &FormDialog{Form: kit.NewForm(), win: win, act: act, PassphraseField: FieldPassphrase}
	d.Message = widget.NewLabel(message)
	d.Message.Wrapping = fyne.TextWrapWord
	if message == "" {
		d.Message.Hide()
	}
	d.OK = widget.NewButtonWithIcon(okText, theme.ConfirmIcon(), d.Submit)
	d.OK.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Hủy"), theme.CancelIcon(), d.Close)
	hint := widget.NewLabel(lang.L("Enter để đồng ý, Esc để đóng."))
	hint.Importance = widget.LowImportance
	body := container.NewVBox(d.Message, d.Form.Content(), hint)
	d.dlg = dialog.NewCustomWithoutButtons(title, body, win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.OK})
	d.dlg.SetOnClosed(d.closed)
	return d
}

// SetAction replaces what OK (and Enter) does.
func (d *FormDialog) SetAction(act func(d *FormDialog)) { d.act = act }

// AddSecret adds a password entry: Enter submits, Escape closes.
func (d *FormDialog) AddSecret(label, hint string) *KeyEntry {
	e := NewSecretEntry()
	d.wire(e)
	d.Form.Add(label, e, hint)
	return e
}

// AddEntry adds a text entry: Enter submits, Escape closes.
func (d *FormDialog) AddEntry(label, text, hint string) *KeyEntry {
	e := NewKeyEntry()
	e.SetText(text)
	d.wire(e)
	d.Form.Add(label, e, hint)
	return e
}

// AddFolder adds a folder field: the path can be typed or pasted, or
// chosen with "Chọn…" (a folder dialog opened where the path points).
func (d *FormDialog) AddFolder(label, dir, hint string) *KeyEntry {
	e := NewKeyEntry()
	e.SetText(dir)
	d.wire(e)
	choose := widget.NewButtonWithIcon(lang.L("Chọn…"), theme.FolderOpenIcon(), func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil || u == nil {
				return
			}
			e.SetText(u.Path())
		}, d.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(e.Text)); err == nil {
			fd.SetLocation(l)
		}
		fd.Resize(d.win.Canvas().Size())
		fd.Show()
	})
	d.Form.Add(label, container.NewBorder(nil, nil, nil, choose, e), hint)
	return e
}

func (d *FormDialog) wire(e *KeyEntry) {
	e.OnSubmitted = func(string) { d.Submit() }
	e.OnEscape = d.Close
	if d.first == nil {
		d.first = e
	}
}

// Show opens the dialog with its first entry focused.
func (d *FormDialog) Show() {
	d.open = true
	c := d.win.Canvas()
	d.prevKey = c.OnTypedKey()
	// Escape when no entry has the focus (a button, a select).
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			d.Close()
			return
		}
		if d.prevKey != nil {
			d.prevKey(k)
		}
	})
	size := d.dlg.MinSize()
	d.dlg.Resize(fyne.NewSize(max(560, size.Width), size.Height))
	d.dlg.Show()
	if d.first != nil {
		c.Focus(d.first)
	}
}

// Submit runs the action (Enter, or the OK button).
func (d *FormDialog) Submit() {
	if !d.open {
		return
	}
	d.Form.ClearErrors()
	if d.act != nil {
		d.act(d)
	}
}

// Close hides the dialog.
func (d *FormDialog) Close() {
	if d.open {
		d.dlg.Hide()
	}
}

// IsOpen reports whether the dialog is still shown.
func (d *FormDialog) IsOpen() bool { return d.open }

func (d *FormDialog) closed() {
	if !d.open {
		return
	}
	d.open = false
	d.win.Canvas().SetOnTypedKey(d.prevKey)
}

// Fail shows err under its field (a wrong passphrase under
// FieldPassphrase) or, when it belongs to no field, in an error dialog; the
// dialog stays open. It returns false when err is nil.
func (d *FormDialog) Fail(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, pack.ErrPassphrase) && d.Form.Field(d.PassphraseField) != nil {
		err = domain.FieldError{Field: d.PassphraseField, Msg: lang.L("Mật khẩu khóa ký không đúng; nhập lại (phân biệt chữ hoa, chữ thường)."), Err: err}
	}
	if rest := d.Form.ShowErrors(err); rest != nil {
		kit.ShowError(d.win, rest)
	}
	return true
}

// ErrorFor is the message under a field (tests read it).
func (d *FormDialog) ErrorFor(label string) string { return d.Form.ErrorFor(label) }
