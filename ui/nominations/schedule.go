package nominations

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

// scheduleDialog holds the round's own dates and numbers, which its
// documents print, and the director's decisions on the awards the office
// confers itself, each written into the award history when recorded.
type scheduleDialog struct {
	t   *roundsTab
	dlg dialog.Dialog

	form                       *kit.Form
	start, end, subDate, subNo *widget.Entry
	saveBtn                    *widget.Button
	warnings                   *widget.Label

	// One row per own award the council passed (tests fill them).
	decisions []*decisionRow
}

// decisionRow is the director's decision on one award of the office's own.
type decisionRow struct {
	award, name  string
	form         *kit.Form
	number, date *widget.Entry
	signer       *widget.Entry
	state        *widget.Label
	recordBtn    *widget.Button
	recorded     bool
}

// Fields of the dialog that the service does not name.
const (
	FieldDecisionNumber = service.FieldDecisionNumber
	FieldDecisionDate   = service.FieldDecisionDate
)

func (t *roundsTab) onSchedule() {
	v := t.v
	if t.round.ID == 0 {
		return
	}
	c, err := v.svc.Council(v.ctx, t.round.ID)
	if err != nil {
		v.showError(err)
		return
	}
	d := &scheduleDialog{t: t}
	d.form = kit.NewForm()
	d.start, d.end = widget.NewEntry(), widget.NewEntry()
	d.start.SetPlaceHolder(lang.L("ví dụ 08:00"))
	d.end.SetPlaceHolder(lang.L("ví dụ 11:30"))
	d.start.SetText(c.Start)
	d.end.SetText(c.End)
	d.subDate = kit.DateEntry()
	d.subDate.SetText(t.round.Date.VN())
	d.subNo = widget.NewEntry()
	d.subNo.SetPlaceHolder(lang.L("để trống: văn thư ghi số"))
	if t.round.Number > 0 {
		d.subNo.SetText(strconv.Itoa(t.round.Number))
	}
	met := fmt.Sprintf(lang.L("Hội đồng họp ngày %s"), c.Date.VN())
	d.form.Add(service.FieldCouncilStart, d.start, met)
	d.form.Add(service.FieldCouncilEnd, d.end, "")
	d.form.Add(service.FieldSubmissionDate, d.subDate, "ngày ký Tờ trình gửi cấp trên; để trống: văn thư ghi tay")
	d.form.Add(service.FieldSubmissionNumber, d.subNo, "số của Tờ trình đầu tiên; các Tờ trình sau lấy số tiếp theo")
	d.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu ngày, số"), theme.DocumentSaveIcon(), d.saveSchedule)
	d.saveBtn.Importance = widget.HighImportance
	d.warnings = widget.NewLabel("")
	d.warnings.Wrapping = fyne.TextWrapWord
	d.warnings.Importance = widget.WarningImportance

	parts := []fyne.CanvasObject{kit.Heading(lang.L("Ngày, số in trên văn bản của đợt")), d.form.Content(), kit.Bar(layout.NewSpacer(), d.saveBtn), d.warnings,
		widget.NewSeparator(), kit.Heading(lang.L("Quyết định của Giám đốc (danh hiệu, hình thức thuộc thẩm quyền đơn vị)"))}
	rows, err := d.ownAwards()
	if err != nil {
		v.showError(err)
		return
	}
	if len(rows) == 0 {
		parts = append(parts, widget.NewLabel(lang.L("Hội đồng chưa thông qua đề nghị nào thuộc thẩm quyền Giám đốc.")))
	}
	for _, r := range rows {
		parts = append(parts, r.content(d))
	}
	d.decisions = rows
	d.showWarnings()
	closeBtn := widget.NewButton(lang.L("Đóng"), func() { d.dlg.Hide() })
	body := container.NewBorder(nil, kit.Bar(layout.NewSpacer(), closeBtn), nil, nil, container.NewVScroll(container.NewVBox(parts...)))
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("Ngày, số văn bản và quyết định"), body, v.win)
	size := v.win.Canvas().Size()
	d.dlg.Resize(fyne.NewSize(min(760, size.Width-40), min(680, size.Height-40)))
	t.schedule = d
	d.dlg.Show()
}

// ownAwards are the awards of the office's own competence that the council
// passed someone for (by the round's vote results, read with the round),
// with the decision recorded for each, if any.
func (d *scheduleDialog) ownAwards() ([]*decisionRow, error) {
	t, v := d.t, d.t.v
	conf, err := v.svc.RoundConferrals(v.ctx, t.round.ID)
	if err != nil {
		return nil, err
	}
	ds, err := v.svc.RoundDecisions(v.ctx, t.round.ID)
	if err != nil {
		return nil, err
	}
	passed := map[string]int{}
	for _, n := range t.nominees {
		if t.outcomes[n.ID].Passed && conf[n.Award].Own {
			passed[n.Award]++
		}
	}
	var out []*decisionRow
	for _, a := range v.catalogue.Sorted() {
		if passed[a.Code] == 0 {
			continue
		}
		r := &decisionRow{award: a.Code, name: conf[a.Code].FullName}
		r.number, r.date, r.signer = widget.NewEntry(), kit.DateEntry(), widget.NewEntry()
		r.number.SetPlaceHolder(lang.L("ví dụ 12 hoặc 12/QĐ-BHXH"))
		r.signer.SetPlaceHolder(lang.L("để trống: Giám đốc"))
		for _, dd := range ds {
			if dd.Award == a.Code {
				r.number.SetText(dd.Number)
				r.date.SetText(dd.Date.VN())
				r.signer.SetText(dd.Signer)
				r.recorded = dd.Recorded
			}
		}
		r.state = widget.NewLabel(fmt.Sprintf(lang.L("%d được Hội đồng thông qua"), passed[a.Code]))
		out = append(out, r)
	}
	return out, nil
}

func (r *decisionRow) content(d *scheduleDialog) fyne.CanvasObject {
	r.form = kit.NewForm()
	r.form.Add(FieldDecisionNumber, r.number, "")
	r.form.Add(FieldDecisionDate, r.date, "")
	r.form.Add(service.FieldDecisionSigner, r.signer, "")
	r.recordBtn = widget.NewButtonWithIcon(lang.L("Ghi quyết định vào lịch sử"), theme.ConfirmIcon(), func() { d.record(r) })
	r.sync()
	head := widget.NewLabel(r.name)
	head.TextStyle.Bold = true
	return container.NewVBox(head, r.form.Content(), kit.Bar(r.state, layout.NewSpacer(), r.recordBtn))
}

func (r *decisionRow) sync() {
	if r.recorded {
		r.recordBtn.SetText(lang.L("Sửa quyết định đã ghi"))
	}
}

// record writes the director's decision for one award; the round must be
// approved, and Lao động tiên tiến comes first.
func (d *scheduleDialog) record(r *decisionRow) {
	v := d.t.v
	dec := service.Decision{Award: r.award, Number: r.number.Text, Signer: r.signer.Text}
	r.form.ClearErrors()
	var ok bool
	if dec.Date, ok = optionalDate(r.form, FieldDecisionDate, r.date); !ok {
		return
	}
	n, err := v.svc.DecideAward(v.ctx, d.t.round.ID, dec)
	if err != nil {
		if rest := r.form.ShowErrors(err); rest != nil {
			v.showError(rest)
		}
		return
	}
	r.recorded = true
	r.state.SetText(fmt.Sprintf(lang.L("Đã ghi vào lịch sử khen thưởng của %d tập thể, cá nhân"), n))
	r.sync()
	d.t.reopen(d.t.round.ID)
	d.showWarnings()
}

// saveSchedule records the round's dates and numbers.
func (d *scheduleDialog) saveSchedule() {
	t, v := d.t, d.t.v
	sc := service.RoundSchedule{CouncilStart: d.start.Text, CouncilEnd: d.end.Text}
	d.form.ClearErrors()
	var ok bool
	if sc.SubmissionDate, ok = optionalDate(d.form, service.FieldSubmissionDate, d.subDate); !ok {
		return
	}
	if s := strings.TrimSpace(d.subNo.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			d.form.ShowErrors(domain.FieldError{Field: service.FieldSubmissionNumber, Msg: lang.L("nhập số, ví dụ 15")})
			return
		}
		sc.SubmissionNumber = n
	}
	if err := v.svc.SetRoundSchedule(v.ctx, t.round.ID, sc); err != nil {
		if rest := d.form.ShowErrors(err); rest != nil {
			v.showError(rest)
		}
		return
	}
	if r, err := v.svc.Round(v.ctx, t.round.ID); err == nil {
		t.round = r
	}
	v.council.scheduleSaved(t.round.ID)
	d.showWarnings()
	v.showBanner(lang.L("Đã lưu ngày, số văn bản của đợt."), nil)
}

func (d *scheduleDialog) showWarnings() {
	v := d.t.v
	ws, err := v.svc.ScheduleWarnings(v.ctx, d.t.round.ID)
	if err != nil {
		v.showError(err)
		return
	}
	if len(ws) == 0 {
		d.warnings.SetText("")
		d.warnings.Hide()
		return
	}
	d.warnings.SetText(lang.L("Cảnh báo:") + " " + strings.Join(ws, "; ") + ".")
	d.warnings.Show()
}

// optionalDate reads a date entry that may stay blank (left for the văn
// thư); a text that is no date is named under its field and gives false.
func optionalDate(f *kit.Form, field string, e *widget.Entry) (domain.Date, bool) {
	s := strings.TrimSpace(e.Text)
	if s == "" {
		return domain.Date{}, true
	}
	day, err := domain.ParseDate(s)
	if err != nil {
		f.ShowErrors(domain.FieldError{Field: field, Msg: lang.L("cần dạng ngày/tháng/năm, ví dụ 20/01/2026")})
		return domain.Date{}, false
	}
	return day, true
}
