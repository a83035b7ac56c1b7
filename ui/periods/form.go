package periods

import (
	"fmt"
	"strconv"
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

// Fields of the period form the service does not name (it never finds
// them wrong: they are free text and a date this form checks).
const (
	FieldCongress     = "Đại hội thi đua"
	FieldCongressDate = "Ngày đại hội"
)

// periodLength is how many years a new period spans by default: the
// emulation cycle runs five years between congresses, and a period's
// last year is the next one's first ("2020 - 2025", "2025 - 2030").
const periodLength = 5

// periodForm is the dialog that records a period or changes one.
type periodForm struct {
	form      *kit.Form
	from, to  *widget.Entry
	name      *widget.Entry
	congress  *widget.Entry
	date      *widget.Entry
	delegates *widget.Entry
	save      *widget.Button
	dlg       dialog.Dialog
	base      store.PeriodReview // what is changed (ID 0: a new period)
}

// onAdd opens the form for a new period, the one after the latest.
func (v *View) onAdd() {
	from := v.svc.Today().Year / periodLength * periodLength
	if len(v.periods) > 0 {
		from = v.periods[0].ToYear
	}
	var p store.PeriodReview
	p.FromYear, p.ToYear = from, from+periodLength
	v.openForm(lang.L("Thêm giai đoạn"), lang.L("Lưu"), p)
}

// onEdit opens the form on the selected period.
func (v *View) onEdit() {
	if v.period.ID == 0 {
		return
	}
	v.openForm(fmt.Sprintf(lang.L("Sửa “%s”"), v.period.Name), lang.L("Lưu"), v.period)
}

func (v *View) openForm(title, action string, p store.PeriodReview) {
	f := &periodForm{form: kit.NewForm(), base: p}
	f.from = numberEntry(strconv.Itoa(p.FromYear))
	f.to = numberEntry(strconv.Itoa(p.ToYear))
	f.name = widget.NewEntry()
	f.name.SetText(p.Name)
	f.congress = widget.NewEntry()
	f.congress.SetText(p.Congress)
	f.congress.SetPlaceHolder(lang.L("Đại hội Thi đua yêu nước … lần thứ …"))
	f.date = kit.DateEntry()
	f.date.SetText(p.CongressDate.VN())
	f.delegates = numberEntry("")
	if p.Delegates > 0 {
		f.delegates.SetText(strconv.Itoa(p.Delegates))
	}
	f.form.Add(service.FieldPeriodFrom, f.from, "")
	f.form.Add(service.FieldPeriodTo, f.to, "")
	f.form.Add(service.FieldPeriodName, f.name, "Không bắt buộc: để trống thì đặt theo năm (Giai đoạn 2020 - 2025)")
	f.form.Add(FieldCongress, f.congress, "Đại hội mà báo cáo tổng kết chuẩn bị")
	f.form.Add(FieldCongressDate, f.date, "")
	f.form.Add(service.FieldDelegates, f.delegates, "Số đại biểu cấp trên phân bổ cho đơn vị")
	f.save = widget.NewButtonWithIcon(action, theme.ConfirmIcon(), func() { v.savePeriod(f) })
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { f.dlg.Hide() })
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, f.save), nil, nil,
		container.NewVScroll(f.form.Content()))
	f.dlg = dialog.NewCustomWithoutButtons(title, body, v.win)
	f.dlg.Resize(fyne.NewSize(600, 480))
	f.dlg.Show()
	v.form = f
}

func numberEntry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	return e
}

// period reads the form; what cannot be read is said under its field.
func (f *periodForm) period() (store.PeriodReview, error) {
	p := f.base
	var errs domain.FieldErrors
	year := func(e *widget.Entry, field string) int {
		y, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			errs = append(errs, domain.FieldError{Field: field, Msg: "nhập năm gồm 4 chữ số, ví dụ 2025"})
		}
		return y
	}
	p.FromYear = year(f.from, service.FieldPeriodFrom)
	p.ToYear = year(f.to, service.FieldPeriodTo)
	p.Name, p.Congress = strings.TrimSpace(f.name.Text), strings.TrimSpace(f.congress.Text)
	d, err := domain.ParseDate(f.date.Text)
	if err != nil {
		errs = append(errs, domain.FieldError{Field: FieldCongressDate, Msg: "cần dạng ngày/tháng/năm, ví dụ 15/10/2025", Err: err})
	}
	p.CongressDate = d
	p.Delegates = 0
	if s := strings.TrimSpace(f.delegates.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			errs = append(errs, domain.FieldError{Field: service.FieldDelegates, Msg: "nhập một số nguyên, ví dụ 12"})
		}
		p.Delegates = n
	}
	if len(errs) > 0 {
		return p, errs
	}
	return p, nil
}

// savePeriod records the form's period and opens it.
func (v *View) savePeriod(f *periodForm) {
	p, err := f.period()
	if err == nil {
		p.ID, err = v.svc.SavePeriod(v.ctx, p)
	}
	if rest := f.form.ShowErrors(err); err != nil {
		if rest != nil {
			kit.ShowError(v.win, rest)
		}
		return
	}
	f.dlg.Hide()
	if err := v.loadPeriods(); err != nil {
		kit.ShowError(v.win, err)
	}
	name := p.Name
	for _, q := range v.periods {
		if q.ID == p.ID {
			name = q.Name
		}
	}
	v.showBanner(fmt.Sprintf(lang.L("Đã lưu giai đoạn “%s”."), name), nil)
	v.selectPeriod(p.ID)
}
