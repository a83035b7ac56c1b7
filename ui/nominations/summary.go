package nominations

import (
	"fmt"
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

// FieldReturnReason labels the reason asked when the director sends a
// round back.
const FieldReturnReason = service.FieldReturnReason

// summaryDialog is the one screen the director reads before approving: the
// counts by award, the ineligible kept with their justifications, the vote
// results and what is still missing, with Duyệt and Trả lại.
type summaryDialog struct {
	t   *roundsTab
	dlg dialog.Dialog
	sum service.RoundSummary

	approveBtn, returnBtn *widget.Button
	// The return form, while shown (tests fill it).
	returnReason *widget.Entry
	returnOK     *widget.Button
	returnForm   *kit.Form
}

func (t *roundsTab) onSummary() {
	v := t.v
	if t.round.ID == 0 {
		return
	}
	if t.editor.dirty() {
		t.editor.save()
	}
	sum, err := v.svc.RoundSummary(v.ctx, t.round.ID)
	if err != nil {
		v.showError(err)
		return
	}
	d := &summaryDialog{t: t, sum: sum}
	t.summary = d
	d.show()
}

func (d *summaryDialog) show() {
	t, v := d.t, d.t.v
	sum := d.sum
	var parts []fyne.CanvasObject
	head := fmt.Sprintf(lang.L("%s · Trạng thái: %s · %d đề nghị"), sum.Round.Name, lang.L(sum.Round.Status.Label()), len(sum.Votes))
	parts = append(parts, kit.Heading(head))
	if sum.Returned != "" {
		parts = append(parts, warn(fmt.Sprintf(lang.L("Giám đốc đã trả lại đợt này: %s"), sum.Returned)))
	}

	parts = append(parts, bold("Theo hình thức khen thưởng"))
	tally := []fyne.CanvasObject{bold("Hình thức"), bold("Đề nghị"), bold("Đủ điều kiện"), bold("Đã biểu quyết"), bold("Đạt")}
	for _, a := range sum.Awards {
		tally = append(tally, wrapped(a.Name), widget.NewLabel(fmt.Sprint(a.Nominees)), widget.NewLabel(fmt.Sprint(a.Eligible)),
			widget.NewLabel(fmt.Sprint(a.Voted)), widget.NewLabel(fmt.Sprint(a.Passed)))
	}
	parts = append(parts, container.New(&kit.Columns{FlexMin: 180, Widths: []float32{0, 80, 110, 120, 60}}, tally...))

	parts = append(parts, widget.NewSeparator(), boldText(fmt.Sprintf(lang.L("Chưa đủ điều kiện nhưng vẫn đề nghị (%d)"), len(sum.Ineligible))))
	if len(sum.Ineligible) == 0 {
		parts = append(parts, widget.NewLabel(lang.L("Không có.")))
	}
	for _, l := range sum.Ineligible {
		just := l.Justification
		if strings.TrimSpace(just) == "" {
			just = lang.L("CHƯA CÓ GIẢI TRÌNH")
		}
		parts = append(parts, wrapped(fmt.Sprintf("• %s – %s. %s: %s. %s: %s", l.Name, l.Award,
			lang.L("Lý do"), strings.Join(l.Reasons, "; "), lang.L("Giải trình"), just)))
	}

	parts = append(parts, widget.NewSeparator(), bold("Kết quả biểu quyết"))
	var failed []string
	for _, l := range sum.Votes {
		switch {
		case !l.Voted:
			failed = append(failed, fmt.Sprintf("• %s – %s: %s", l.Name, l.Award, lang.L("chưa biểu quyết")))
		case !l.Vote.Passed:
			failed = append(failed, fmt.Sprintf("• %s – %s: %s", l.Name, l.Award, l.Vote.Reason))
		}
	}
	passed := 0
	for _, l := range sum.Votes {
		if l.Voted && l.Vote.Passed {
			passed++
		}
	}
	parts = append(parts, widget.NewLabel(fmt.Sprintf(lang.L("%d/%d đề nghị đạt ngưỡng biểu quyết."), passed, len(sum.Votes))))
	for _, f := range failed {
		parts = append(parts, wrapped(f))
	}

	if len(sum.Contradictions) > 0 {
		// Not a blocker: the director weighs them before approving.
		parts = append(parts, widget.NewSeparator(), boldText(fmt.Sprintf(lang.L("Số liệu chưa khớp với đề nghị (%d)"), len(sum.Contradictions))))
		for _, c := range sum.Contradictions {
			parts = append(parts, warn("• "+c))
		}
	}

	parts = append(parts, widget.NewSeparator(), boldText(fmt.Sprintf(lang.L("Còn thiếu (%d)"), len(sum.Problems))))
	if len(sum.Problems) == 0 {
		ok := widget.NewLabel(lang.L("Không còn gì thiếu: đợt có thể được duyệt."))
		ok.Importance = widget.SuccessImportance
		parts = append(parts, ok)
	}
	for _, p := range sum.Problems {
		parts = append(parts, warn("• "+p.Msg))
	}

	a, _ := v.svc.Actor()
	director := a.Role.Allows(domain.RoleDirector)
	waiting := sum.Round.Status == domain.StatusSubmitted
	d.approveBtn = widget.NewButtonWithIcon(lang.L("Duyệt"), theme.ConfirmIcon(), func() {
		d.dlg.Hide()
		t.setStatus(domain.StatusApproved)
	})
	d.approveBtn.Importance = widget.HighImportance
	d.returnBtn = widget.NewButtonWithIcon(lang.L("Trả lại…"), theme.ContentUndoIcon(), d.onReturn)
	enable(d.approveBtn, director && waiting && len(sum.Problems) == 0)
	enable(d.returnBtn, director && waiting)
	closeBtn := widget.NewButton(lang.L("Đóng"), func() { d.dlg.Hide() })
	buttons := kit.Bar(closeBtn, layout.NewSpacer(), d.returnBtn, d.approveBtn)
	body := container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(container.NewVBox(parts...)))
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("Tóm tắt đợt để duyệt"), body, v.win)
	size := v.win.Canvas().Size()
	d.dlg.Resize(fyne.NewSize(min(820, size.Width-40), min(640, size.Height-40)))
	d.dlg.Show()
}

// onReturn asks what the clerk must correct, then sends the round back.
func (d *summaryDialog) onReturn() {
	t, v := d.t, d.t.v
	d.returnReason = widget.NewMultiLineEntry()
	d.returnReason.SetMinRowsVisible(3)
	d.returnReason.Wrapping = fyne.TextWrapWord
	d.returnForm = kit.NewForm()
	d.returnForm.Add(FieldReturnReason, d.returnReason, "bắt buộc: điều cần sửa; chuyên viên thấy lý do này trên đợt")
	var dlg dialog.Dialog
	d.returnOK = widget.NewButtonWithIcon(lang.L("Trả lại"), theme.ContentUndoIcon(), func() {
		err := v.svc.ReturnRound(v.ctx, t.round.ID, d.returnReason.Text)
		if rest := d.returnForm.ShowErrors(err); rest != nil {
			v.showError(rest)
			return
		}
		if err != nil {
			return
		}
		dlg.Hide()
		d.dlg.Hide()
		v.showBanner(fmt.Sprintf(lang.L("Đã trả lại đợt “%s” cho chuyên viên."), t.round.Name), nil)
		t.reopen(t.round.ID)
	})
	d.returnOK.Importance = widget.WarningImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons(lang.L("Trả lại đợt"),
		container.NewBorder(nil, kit.Bar(layout.NewSpacer(), cancel, d.returnOK), nil, nil, d.returnForm.Content()), v.win)
	dlg.Resize(fyne.NewSize(min(560, v.win.Canvas().Size().Width-40), 260))
	dlg.Show()
	v.win.Canvas().Focus(d.returnReason)
}

// boldText is a bold label of a text already translated.
func boldText(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func warn(s string) *widget.Label {
	l := wrapped(s)
	l.Importance = widget.WarningImportance
	return l
}
