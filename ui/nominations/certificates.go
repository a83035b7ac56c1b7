package nominations

// Printing the round's Giấy khen onto the office's pre-printed blanks: the
// decision number and date, the layout of the blank (offsets measured on a
// calibration page, font size, where each field goes), the calibration page
// and the certificates themselves.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/internal/pdf"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// certificateService is what printing Giấy khen needs from the use cases.
type certificateService interface {
	Today() domain.Date
	CertificateLayout(ctx context.Context) (pdf.CertificateLayout, error)
	SaveCertificateLayout(ctx context.Context, l pdf.CertificateLayout) error
	ExportCertificates(ctx context.Context, roundID int64, decisionNo string, day domain.Date, w io.Writer) error
	ExportCalibration(ctx context.Context, w io.Writer) error
}

var _ certificateService = (*service.Service)(nil)

// Labels of the certificate form's own fields.
const (
	certDecisionLabel = "Số quyết định"
	certDateLabel     = "Ngày ký"
)

// certInstructions tell how to measure the printer's offsets.
const certInstructions = "Cách căn chỉnh: bấm “In trang căn chỉnh…” và in trang đó lên một tờ phôi Giấy khen (cùng khay, cùng chiều giấy như khi in thật). " +
	"Đo khoảng cách từ tâm mỗi dấu + đỏ đến dòng kẻ in sẵn của phôi, tính bằng mm: " +
	"dấu + nằm bên trái dòng kẻ thì cộng vào độ lệch ngang, nằm phía trên thì cộng vào độ lệch dọc (sang phải, xuống dưới là số dương; ví dụ 2,5 hoặc -1,5). " +
	"Bấm “Lưu căn chỉnh”, in lại trang căn chỉnh để kiểm tra rồi mới in Giấy khen."

// certificatesButton opens the Giấy khen dialog of the open round.
type certificatesButton struct {
	widget.Button
	t    *roundsTab
	last *certificateForm // the last dialog opened (tests fill it)
}

func newCertificatesButton(t *roundsTab) *certificatesButton {
	b := &certificatesButton{t: t}
	b.Text = lang.L("In Giấy khen…")
	b.Icon = theme.DocumentPrintIcon()
	b.OnTapped = func() { b.last = openCertificates(t) }
	b.ExtendBaseWidget(b)
	return b
}

// certificateForm is the "In Giấy khen" dialog.
type certificateForm struct {
	t       *roundsTab
	svc     certificateService
	roundID int64
	round   string
	layout  pdf.CertificateLayout // as loaded; the form edits a copy

	form               *kit.Form
	decision, date     *widget.Entry
	offsetX, offsetY   *widget.Entry
	fontSize           *widget.Entry
	fieldX, fieldY     map[string]*widget.Entry
	calibBtn, printBtn *widget.Button
	saveBtn            *widget.Button
	dlg                dialog.Dialog

	open    func(path string) error // kit.OpenFile; tests replace it
	written string                  // the last PDF written
}

// openCertificates shows the dialog for the open round; nil when it cannot.
func openCertificates(t *roundsTab) *certificateForm {
	v := t.v
	if t.round.ID == 0 {
		return nil
	}
	svc, ok := v.svc.(certificateService)
	if !ok {
		v.showError(errors.New("chức năng in Giấy khen không có trong bản này"))
		return nil
	}
	l, err := svc.CertificateLayout(v.ctx)
	if err != nil {
		v.showError(err)
		return nil
	}
	f := &certificateForm{t: t, svc: svc, roundID: t.round.ID, round: t.round.Name, layout: l, form: kit.NewForm(), open: kit.OpenFile,
		fieldX: map[string]*widget.Entry{}, fieldY: map[string]*widget.Entry{}}
	f.decision = widget.NewEntry()
	f.decision.SetPlaceHolder(lang.L("ví dụ 15/QĐ-BHXH"))
	f.date = kit.DateEntry()
	f.date.SetText(svc.Today().VN())
	f.form.Add(certDecisionLabel, f.decision, "Để trống để điền tay sau khi in")
	f.form.Add(certDateLabel, f.date, "")

	num := func(x float64) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(kit.FormatNumber(x))
		return e
	}
	f.offsetX, f.offsetY, f.fontSize = num(l.OffsetX), num(l.OffsetY), num(l.FontSize)
	f.form.Add(service.FieldCertOffsetX, f.offsetX, "Sang phải là số dương")
	f.form.Add(service.FieldCertOffsetY, f.offsetY, "Xuống dưới là số dương")
	f.form.Add(service.FieldCertFontSize, f.fontSize, "Từ 8 đến 36; họ tên in đậm, to hơn")
	for _, k := range service.CertificateFields {
		p, ok := l.Fields[k]
		if !ok {
			continue
		}
		f.fieldX[k], f.fieldY[k] = num(p.X), num(p.Y)
		row := container.NewGridWithColumns(4, widget.NewLabel("X (mm)"), f.fieldX[k], widget.NewLabel("Y (mm)"), f.fieldY[k])
		f.form.Add(service.CertificateFieldLabel(k), row, "")
	}

	help := widget.NewLabel(lang.L(certInstructions))
	help.Wrapping = fyne.TextWrapWord
	f.calibBtn = widget.NewButtonWithIcon(lang.L("In trang căn chỉnh…"), theme.GridIcon(), func() {
		f.chooseFile(paths.SafeFileName("Trang căn chỉnh Giấy khen", ".pdf"), f.writeCalibration)
	})
	f.printBtn = widget.NewButtonWithIcon(lang.L("In Giấy khen…"), theme.DocumentPrintIcon(), func() {
		f.chooseFile(paths.SafeFileName("Giấy khen - "+f.round, ".pdf"), f.writeCertificates)
	})
	f.printBtn.Importance = widget.HighImportance
	f.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu căn chỉnh"), theme.DocumentSaveIcon(), func() {
		if err := f.saveLayout(); err == nil {
			v.showBanner(lang.L("Đã lưu căn chỉnh in Giấy khen."), nil)
		}
	})
	closeBtn := widget.NewButton(lang.L("Đóng"), func() { f.dlg.Hide() })
	buttons := container.NewHBox(f.calibBtn, f.saveBtn, layout.NewSpacer(), closeBtn, f.printBtn)
	body := container.NewBorder(help, buttons, nil, nil, container.NewVScroll(f.form.Content()))
	f.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("In Giấy khen: %s"), f.round), body, v.win)
	f.dlg.Resize(fyne.NewSize(760, 640))
	f.dlg.Show()
	v.dlg = f.dlg
	return f
}

// readLayout is the layout as the form shows it; field errors name the
// entries that are not numbers.
func (f *certificateForm) readLayout() (pdf.CertificateLayout, error) {
	l := f.layout
	l.Fields = make(map[string]pdf.Point, len(f.layout.Fields))
	for k, p := range f.layout.Fields {
		l.Fields[k] = p
	}
	var errs domain.FieldErrors
	read := func(label string, e *widget.Entry, to *float64) {
		x, ok, err := kit.ParseNumber(e.Text)
		switch {
		case err != nil:
			errs = append(errs, domain.FieldError{Field: label, Msg: fmt.Sprintf("“%s” không phải là số; nhập số mm, ví dụ 2,5", strings.TrimSpace(e.Text))})
		case !ok:
			errs = append(errs, domain.FieldError{Field: label, Msg: "chưa nhập; nhập số, ví dụ 0"})
		default:
			*to = x
		}
	}
	read(service.FieldCertOffsetX, f.offsetX, &l.OffsetX)
	read(service.FieldCertOffsetY, f.offsetY, &l.OffsetY)
	read(service.FieldCertFontSize, f.fontSize, &l.FontSize)
	for _, k := range service.CertificateFields {
		p, ok := l.Fields[k]
		if !ok {
			continue
		}
		label := service.CertificateFieldLabel(k)
		read(label, f.fieldX[k], &p.X)
		read(label, f.fieldY[k], &p.Y)
		l.Fields[k] = p
	}
	if len(errs) > 0 {
		return l, errs
	}
	return l, nil
}

// saveLayout validates and stores the layout the form shows; the errors
// appear under their fields (the others in a dialog).
func (f *certificateForm) saveLayout() error {
	v := f.t.v
	l, err := f.readLayout()
	if err == nil {
		err = f.svc.SaveCertificateLayout(v.ctx, l)
	}
	if err != nil {
		if rest := f.form.ShowErrors(err); rest != nil {
			v.showError(rest)
		}
		return err
	}
	f.form.ClearErrors()
	f.layout = l
	return nil
}

// day is the signing date typed; zero (printed blank) when empty.
func (f *certificateForm) day() (domain.Date, error) {
	if strings.TrimSpace(f.date.Text) == "" {
		return domain.Date{}, nil
	}
	d, err := domain.ParseDate(f.date.Text)
	if err != nil {
		return d, domain.FieldErrors{{Field: certDateLabel, Msg: err.Error()}}
	}
	return d, nil
}

// chooseFile asks where to save a PDF, then calls write with the path.
func (f *certificateForm) chooseFile(name string, write func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			f.t.v.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		write(path)
	}, f.t.v.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

// writeCalibration saves the layout shown, writes its calibration page to
// path and opens it.
func (f *certificateForm) writeCalibration(path string) {
	if f.saveLayout() != nil {
		return
	}
	f.write(path, "Đang in trang căn chỉnh", func(ctx context.Context, w io.Writer) error {
		return f.svc.ExportCalibration(ctx, w)
	})
}

// writeCertificates saves the layout shown, writes the round's Giấy khen
// to path and opens it.
func (f *certificateForm) writeCertificates(path string) {
	day, err := f.day()
	if err != nil {
		f.form.ShowErrors(err)
		return
	}
	if f.saveLayout() != nil {
		return
	}
	id, no := f.roundID, f.decision.Text
	f.write(path, "Đang in Giấy khen", func(ctx context.Context, w io.Writer) error {
		return f.svc.ExportCertificates(ctx, id, no, day, w)
	})
}

func (f *certificateForm) write(path, title string, write func(ctx context.Context, w io.Writer) error) {
	v := f.t.v
	v.run(v.win, title, func(ctx context.Context, _ kit.Progress) error {
		return paths.WriteAtomic(path, func(w io.Writer) error { return write(ctx, w) })
	}, func(err error) {
		if err != nil {
			v.showError(err)
			return
		}
		f.written = path
		if err := f.open(path); err != nil {
			v.showError(err)
		}
	})
}
