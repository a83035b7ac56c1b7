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
	"tdkt/ui/kit"
)

// FieldConfDate is the conference's date, which the service does not
// check (a date read here or refused under this field).
const FieldConfDate = "Ngày hội nghị"

// modelForm is the dialog that records the conference's vote on a model,
// its account and whether it goes to the congress.
type modelForm struct {
	form     *kit.Form
	votes    *widget.Entry
	account  *widget.Entry
	delegate *widget.Check
	save     *widget.Button
	dlg      dialog.Dialog
	base     domain.ExemplaryModel
}

// onEdit opens the dialog on the chosen model.
func (t *modelsTab) onEdit() {
	m, ok := t.selected()
	if !ok {
		return
	}
	v := t.v
	f := &modelForm{form: kit.NewForm(), base: m}
	f.votes = numberEntry("")
	if m.Voted {
		f.votes.SetText(strconv.Itoa(m.VotesFor))
	}
	f.account = widget.NewMultiLineEntry()
	f.account.Wrapping = fyne.TextWrapWord
	f.account.SetMinRowsVisible(8)
	f.account.SetText(m.Account)
	f.delegate = widget.NewCheck(lang.L("Đại biểu dự Đại hội"), nil)
	f.delegate.SetChecked(m.Delegate)
	hint := "Để trống khi Hội nghị chưa bầu"
	if c := v.period.Conference; c.Members > 0 {
		hint = fmt.Sprintf(lang.L("Hội nghị: %d đại biểu triệu tập, %d có mặt; để trống khi chưa bầu"), c.Members, c.Present)
	}
	f.form.Add(service.FieldVotesFor, f.votes, hint)
	f.form.Add(service.FieldModelAccount, f.account, "In trong kỷ yếu gương điển hình tiên tiến")
	f.form.Add(FieldCongress, f.delegate, "")
	f.save = widget.NewButtonWithIcon(lang.L("Lưu"), theme.ConfirmIcon(), func() { t.saveModel(f) })
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { f.dlg.Hide() })
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, f.save), nil, nil,
		container.NewVScroll(f.form.Content()))
	f.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("Sửa “%s”"), m.Name), body, v.win)
	f.dlg.Resize(fyne.NewSize(640, 520))
	f.dlg.Show()
	t.modelForm = f
}

// model reads the form; what cannot be read is said under its field.
func (f *modelForm) model() (domain.ExemplaryModel, error) {
	m := f.base
	m.Voted, m.VotesFor = false, 0
	if s := strings.TrimSpace(f.votes.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return m, domain.FieldError{Field: service.FieldVotesFor, Msg: "nhập số phiếu đồng ý, ví dụ 15; để trống khi chưa bầu"}
		}
		m.Voted, m.VotesFor = true, n
	}
	m.Account = f.account.Text
	m.Delegate = f.delegate.Checked
	return m, nil
}

// saveModel records the form's model and reads the list again.
func (t *modelsTab) saveModel(f *modelForm) {
	v := t.v
	m, err := f.model()
	if err == nil {
		err = v.svc.SaveModel(v.ctx, m)
	}
	if rest := f.form.ShowErrors(err); err != nil {
		if rest != nil {
			kit.ShowError(v.win, rest)
		}
		return
	}
	f.dlg.Hide()
	v.loadModels()
	t.refresh()
	v.showBanner(fmt.Sprintf(lang.L("Đã lưu “%s”."), m.Name), nil)
}

// conferenceForm is the dialog that records the period's Hội nghị điển
// hình tiên tiến: when, how many delegates were called and came.
type conferenceForm struct {
	form             *kit.Form
	date             *widget.Entry
	members, present *widget.Entry
	save             *widget.Button
	dlg              dialog.Dialog
}

// onConference opens the conference dialog of the selected period.
func (t *modelsTab) onConference() {
	v := t.v
	if v.period.ID == 0 {
		return
	}
	c := v.period.Conference
	f := &conferenceForm{form: kit.NewForm()}
	f.date = kit.DateEntry()
	f.date.SetText(c.Date.VN())
	count := func(n int) *widget.Entry {
		if n > 0 {
			return numberEntry(strconv.Itoa(n))
		}
		return numberEntry("")
	}
	f.members, f.present = count(c.Members), count(c.Present)
	f.form.Add(FieldConfDate, f.date, "")
	f.form.Add(service.FieldConfMembers, f.members, "Tỷ lệ phiếu tính trên số đại biểu triệu tập")
	f.form.Add(service.FieldConfPresent, f.present, "")
	f.save = widget.NewButtonWithIcon(lang.L("Lưu"), theme.ConfirmIcon(), func() { t.saveConference(f) })
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { f.dlg.Hide() })
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, f.save), nil, nil,
		f.form.Content())
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Hội nghị điển hình tiên tiến"), body, v.win)
	f.dlg.Resize(fyne.NewSize(520, 300))
	f.dlg.Show()
	t.confForm = f
}

// conference reads the form; what cannot be read is said under its field.
func (f *conferenceForm) conference() (domain.Conference, error) {
	var c domain.Conference
	var errs domain.FieldErrors
	d, err := domain.ParseDate(f.date.Text)
	if err != nil {
		errs = append(errs, domain.FieldError{Field: FieldConfDate, Msg: "cần dạng ngày/tháng/năm, ví dụ 15/10/2025", Err: err})
	}
	c.Date = d
	count := func(e *widget.Entry, field string) int {
		s := strings.TrimSpace(e.Text)
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			errs = append(errs, domain.FieldError{Field: field, Msg: "nhập một số nguyên, ví dụ 40"})
		}
		return n
	}
	c.Members = count(f.members, service.FieldConfMembers)
	c.Present = count(f.present, service.FieldConfPresent)
	if len(errs) > 0 {
		return c, errs
	}
	return c, nil
}

// saveConference records the conference with the period, its other
// fields as they are, and shows the results again (they are shares of
// the members).
func (t *modelsTab) saveConference(f *conferenceForm) {
	v := t.v
	c, err := f.conference()
	p := v.period
	p.Conference = c
	if err == nil {
		_, err = v.svc.SavePeriod(v.ctx, p)
	}
	if rest := f.form.ShowErrors(err); err != nil {
		if rest != nil {
			kit.ShowError(v.win, rest)
		}
		return
	}
	f.dlg.Hide()
	v.period.Conference = c
	for i := range v.periods {
		if v.periods[i].ID == p.ID {
			v.periods[i].Conference = c
		}
	}
	t.refresh()
	v.showBanner(lang.L("Đã lưu Hội nghị điển hình tiên tiến."), nil)
}
