// Package kit holds the small pieces every area of the desktop application
// shares: forms whose errors appear under the field they belong to, long
// work run off the UI goroutine with a progress bar and a cancel button, and
// messages for people. It never imports fyne's app package.
package kit

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/internal/service"
)

// Field is one labelled input of a Form with its error line underneath.
type Field struct {
	Label  string // as people see it; also the key FieldErrors use
	Widget fyne.CanvasObject
	Hint   string
	Error  *canvas.Text
}

// Form lays out fields in two columns (label | input with its error line)
// and shows validation errors from the service under the right field.
type Form struct {
	Fields []*Field
	grid   *fyne.Container
}

// NewForm builds a form; add fields with Add.
func NewForm() *Form { return &Form{grid: container.New(&formLayout{})} }

// Add appends a field and returns it.
func (f *Form) Add(label string, w fyne.CanvasObject, hint string) *Field {
	errText := canvas.NewText("", theme.Color(theme.ColorNameError))
	errText.TextSize = theme.TextSize() * 0.85
	errText.Hide() // takes no room until there is something to say
	fd := &Field{Label: label, Widget: w, Hint: hint, Error: errText}
	f.Fields = append(f.Fields, fd)
	lbl := widget.NewLabel(lang.L(label))
	lbl.TextStyle.Bold = true
	lbl.Wrapping = fyne.TextWrapWord // a long label wraps instead of pushing the inputs away
	below := []fyne.CanvasObject{w, errText}
	if hint != "" {
		h := canvas.NewText(lang.L(hint), theme.Color(theme.ColorNamePlaceHolder))
		h.TextSize = theme.TextSize() * 0.85
		below = []fyne.CanvasObject{w, h, errText}
	}
	f.grid.Add(lbl)
	f.grid.Add(container.NewVBox(below...))
	return fd
}

// Content is the form's canvas object.
func (f *Form) Content() fyne.CanvasObject { return f.grid }

// ClearErrors empties every error line.
func (f *Form) ClearErrors() {
	for _, fd := range f.Fields {
		fd.Error.Text = ""
		fd.Error.Hide()
	}
	f.grid.Refresh()
}

// ShowErrors puts each field error under its field and returns the errors
// that belong to no field of this form (to show in a dialog instead).
func (f *Form) ShowErrors(err error) error {
	f.ClearErrors()
	fes := domain.AsFieldErrors(err)
	if fes == nil {
		return err
	}
	var rest domain.FieldErrors
	for _, fe := range fes {
		fd := f.Field(fe.Field)
		if fd == nil {
			rest = append(rest, fe)
			continue
		}
		if fd.Error.Text == "" {
			fd.Error.Text = fe.Msg
			fd.Error.Show()
		}
	}
	f.grid.Refresh()
	if len(rest) > 0 {
		return rest
	}
	return nil
}

// Field finds a field by label.
func (f *Form) Field(label string) *Field {
	for _, fd := range f.Fields {
		if fd.Label == label {
			return fd
		}
	}
	return nil
}

// ErrorFor is the error line under a field ("" when none or no such field).
func (f *Form) ErrorFor(label string) string {
	if fd := f.Field(label); fd != nil {
		return fd.Error.Text
	}
	return ""
}

// formLayout is a two-column grid whose label column is as wide as its
// widest label, but at most maxLabelShare of the form (long labels, such
// as the names of targets, wrap onto more lines), and whose input column
// takes the rest.
type formLayout struct{}

const (
	maxLabelShare = 0.4
	minLabelWidth = 160 // what the form asks for at least, per label column
)

// natural is the width of a label's text on one line.
func natural(o fyne.CanvasObject) float32 {
	if l, ok := o.(*widget.Label); ok {
		return fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
	}
	return o.MinSize().Width
}

func (l *formLayout) widths(objs []fyne.CanvasObject) float32 {
	var w float32
	for i := 0; i+1 < len(objs); i += 2 {
		w = max(w, natural(objs[i]))
	}
	return w
}

func (l *formLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	lw := min(l.widths(objs), max(size.Width*maxLabelShare, minLabelWidth))
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		// Size the label to its column first: a wrapped label knows its
		// height only once it knows its width.
		objs[i].Resize(fyne.NewSize(lw, objs[i].MinSize().Height))
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(lw, objs[i].MinSize().Height))
		objs[i+1].Move(fyne.NewPos(lw+pad, y))
		objs[i+1].Resize(fyne.NewSize(size.Width-lw-pad, h))
		y += h + pad
	}
}

func (l *formLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	lw := min(l.widths(objs), minLabelWidth)
	var w, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		w = max(w, objs[i+1].MinSize().Width)
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height) + pad
	}
	return fyne.NewSize(lw+pad+w, h)
}

// ShowError tells people what went wrong, in Vietnamese.
func ShowError(win fyne.Window, err error) {
	if err == nil || errors.Is(err, context.Canceled) {
		return
	}
	ShowMessage(win, lang.L("Chưa thực hiện được"), ErrorText(err))
}

// ErrorText is what people read of an error: several field errors (the
// problems that keep a round from being submitted, say) one per line,
// every one of them; anything else as service.Explain says it.
func ErrorText(err error) string {
	if oe := (openError{}); errors.As(err, &oe) {
		return oe.Error()
	}
	fes := domain.AsFieldErrors(err)
	if len(fes) < 2 {
		return service.Explain(err)
	}
	lines := []string{fmt.Sprintf(lang.L("Có %d điều cần xử lý:"), len(fes))}
	for _, fe := range fes {
		lines = append(lines, "• "+fe.Error())
	}
	return strings.Join(lines, "\n")
}

// ShowMessage shows a message that wraps and scrolls inside a dialog no
// larger than the window, whatever its length.
func ShowMessage(win fyne.Window, title, msg string) {
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, lang.L("Đóng"), container.NewVScroll(lbl), win)
	size := win.Canvas().Size()
	w := min(float32(640), size.Width-40)
	// About the height the text needs at that width, within the window.
	lines := float32(strings.Count(msg, "\n")+1) + float32(len([]rune(msg)))*8/max(w, 100)
	h := min(size.Height-40, max(200, lines*24+110))
	d.Resize(fyne.NewSize(w, h))
	d.Show()
}

// Progress reports work done so far; safe to call from any goroutine.
type Progress func(done, total int)

// Runner is the shape of RunLong: areas hold one so that tests can run the
// long work synchronously.
type Runner func(win fyne.Window, title string, work func(ctx context.Context, progress Progress) error, done func(error))

// RunLong runs work off the UI goroutine behind a modal progress dialog with
// a cancel button. Cancel cancels the context given to work; the dialog
// closes when work returns, and then done runs on the UI goroutine.
func RunLong(win fyne.Window, title string, work func(ctx context.Context, progress Progress) error, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	status := widget.NewLabel(lang.L("Đang chuẩn bị…"))
	var d dialog.Dialog
	cancelBtn := widget.NewButtonWithIcon(lang.L("Hủy"), theme.CancelIcon(), func() {
		status.SetText(lang.L("Đang hủy…"))
		cancel()
	})
	d = dialog.NewCustomWithoutButtons(lang.L(title), container.NewVBox(status, bar, container.NewCenter(cancelBtn)), win)
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	go func() {
		err := work(ctx, func(n, total int) {
			fyne.Do(func() {
				if total > 0 {
					bar.SetValue(float64(n) / float64(total))
					status.SetText(fmt.Sprintf(lang.L("Đã xử lý %d / %d"), n, total))
				}
			})
		})
		cancel()
		fyne.Do(func() {
			d.Hide()
			if done != nil {
				done(err)
			}
		})
	}()
}

// OpenFile shows a file or folder in the system's viewer (Explorer, the
// PDF reader): fyne opens the file:// URL with the platform's handler.
// The file itself is there: when no viewer opens it, the error says so and
// where it is, rather than suggest that saving failed.
func OpenFile(path string) error {
	if err := fyne.CurrentApp().OpenURL(paths.FileURL(runtime.GOOS, path)); err != nil {
		return openError{path: path, err: err}
	}
	return nil
}

// openError is a file that exists but that no program opened.
type openError struct {
	path string
	err  error
}

func (e openError) Error() string {
	return fmt.Sprintf(lang.L("Tệp đã được lưu ở %s nhưng máy chưa mở được nó (chưa có chương trình xem loại tệp này, hoặc chương trình đó báo lỗi). Hãy mở thư mục đó và bấm đúp vào tệp. Chi tiết: %v"), e.path, e.err)
}

func (e openError) Unwrap() error { return e.err }

// Banner is a coloured strip with a message and optional action, used for
// "Đã xóa … [Hoàn tác]" and the demo notice.
// The background should be translucent (alpha well below 255) so that the
// theme's own text colour stays readable on it in light and dark themes.
func Banner(msg string, bg color.Color, action *widget.Button) fyne.CanvasObject {
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = theme.InputRadiusSize()
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	row := container.NewBorder(nil, nil, nil, action, lbl)
	if action == nil {
		row = container.NewBorder(nil, nil, nil, nil, lbl)
	}
	return container.NewStack(rect, container.NewPadded(row))
}

// Soft is c made translucent, a banner background that keeps the theme's
// text readable in light and dark themes alike.
func Soft(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x50}
}

// Heading is a page title.
func Heading(text string) *widget.Label {
	if text != "" {
		text = lang.L(text)
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// DateEntry is an entry for dd/mm/yyyy with a validator that says what to type.
func DateEntry() *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("dd/mm/yyyy")
	e.Validator = func(s string) error {
		_, err := domain.ParseDate(s)
		return err
	}
	return e
}

// Confirm asks a yes/cancel question with Vietnamese buttons; then runs on
// yes. It returns the dialog, which tests answer.
func Confirm(win fyne.Window, title, msg, yes string, danger bool, then func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, msg, func(ok bool) {
		if ok {
			then()
		}
	}, win)
	d.SetConfirmText(yes)
	d.SetDismissText(lang.L("Hủy"))
	if danger {
		d.SetConfirmImportance(widget.DangerImportance)
	}
	d.Show()
	return d
}

// Tell shows a short message with a Vietnamese close button.
func Tell(win fyne.Window, title, msg string) {
	d := dialog.NewInformation(title, msg, win)
	d.SetDismissText(lang.L("Đóng"))
	d.Show()
}
