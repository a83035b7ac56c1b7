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

var checklistCols = []kit.Column{
	{Header: "Tài liệu", Width: 360},
	{Header: "Có", Width: 50},
	{Header: "Ghi chú", Width: 360},
}

// nomineeEditor edits the selected nominee: the director's justification
// (required when the engine found the nominee ineligible), the text of the
// achievement report drafted by the service, and shows the documents of
// its dossier.
type nomineeEditor struct {
	t *roundsTab
	n domain.Nominee // open; ID 0 when none

	heading       *widget.Label
	verdict       *widget.Label
	reasons       *widget.Label
	justification *widget.Entry
	duties        *widget.Entry
	achievements  *widget.Entry
	policy        *widget.Entry
	checklist     []service.ChecklistItem
	checkTable    *widget.Table
	attach        *attachPane
	saveBtn       *widget.Button
	tabs          *container.AppTabs
	editable      bool // the round is in Nháp: documents may be waived
	// The waiver dialog, while shown (tests fill it).
	waiveDlg    dialog.Dialog
	waiveReason *widget.Entry
	waiveSave   *widget.Button

	hint    fyne.CanvasObject
	body    fyne.CanvasObject
	content fyne.CanvasObject
}

func newNomineeEditor(t *roundsTab) *nomineeEditor {
	e := &nomineeEditor{t: t}
	e.heading = kit.Heading("")
	e.verdict = widget.NewLabel("")
	e.verdict.TextStyle.Bold = true
	e.reasons = widget.NewLabel("")
	e.reasons.Wrapping = fyne.TextWrapWord
	e.justification = multiLine("Ý kiến bằng văn bản của Giám đốc về việc vẫn đề nghị…")
	e.duties = multiLine("")
	e.achievements = multiLine("")
	e.policy = multiLine("")
	e.checkTable = colouredTable(checklistCols, func() int { return len(e.checklist) }, e.checkCell)
	e.checkTable.OnSelected = func(id widget.TableCellID) {
		e.checkTable.UnselectAll()
		if id.Row < len(e.checklist) {
			e.onWaive(e.checklist[id.Row])
		}
	}
	e.attach = newAttachPane(e)
	e.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu"), theme.DocumentSaveIcon(), e.save)
	e.saveBtn.Importance = widget.HighImportance

	justHint := widget.NewLabel(lang.L("Bắt buộc khi không đủ điều kiện: thiếu giải trình thì đợt không được duyệt."))
	justHint.Importance = widget.LowImportance
	justHint.Wrapping = fyne.TextWrapWord
	verdictTab := container.NewVScroll(container.NewVBox(e.verdict, e.reasons,
		bold("Giải trình của Giám đốc"), e.justification, justHint))
	report := container.NewVScroll(container.NewVBox(
		bold("II.1. Quyền hạn, nhiệm vụ được giao (chức năng, nhiệm vụ)"), e.duties,
		bold("II.2. Thành tích đạt được"), e.achievements,
		bold("II.3. Việc thực hiện chủ trương, chính sách; xây dựng Đảng, đoàn thể"), e.policy,
	))
	e.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Điều kiện, giải trình"), verdictTab),
		container.NewTabItem(lang.L("Báo cáo thành tích"), report),
		container.NewTabItem(lang.L("Hồ sơ"), dossierSplit(e.checkTable, e.attach.content)),
	)
	e.body = container.NewBorder(container.NewBorder(nil, nil, nil, e.saveBtn, e.heading), nil, nil, nil, e.tabs)
	e.body.Hide()
	hint := widget.NewLabel(lang.L("Chọn một đề nghị trong bảng để xem lý do, sửa báo cáo thành tích và xem hồ sơ."))
	hint.Wrapping = fyne.TextWrapWord
	e.hint = hint
	e.content = container.NewStack(e.hint, e.body)
	return e
}

func multiLine(placeholder string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(4)
	if placeholder != "" {
		e.SetPlaceHolder(lang.L(placeholder))
	}
	return e
}

// open shows a nominee; what was typed for another one and not saved is
// saved first.
func (e *nomineeEditor) open(n domain.Nominee) {
	if e.n.ID != 0 && e.n.ID != n.ID && e.dirty() {
		e.save()
	}
	v := e.t.v
	e.n = n
	e.heading.SetText(fmt.Sprintf("%s – %s", v.subjectName(n.Subject), v.awardName(n.Award)))
	if n.Eligible {
		e.verdict.SetText(lang.L("Đủ điều kiện"))
	} else {
		e.verdict.SetText(lang.L("Không đủ điều kiện"))
	}
	e.verdict.Importance = verdictImportance(n.Eligible)
	e.verdict.Refresh()
	e.reasons.SetText(bullets(n.Reasons))
	e.justification.SetText(n.Justification)
	e.duties.SetText(n.Report.Duties)
	e.achievements.SetText(n.Report.Achievements)
	e.policy.SetText(n.Report.Policy)
	e.checklist = e.t.checklist[n.ID]
	e.checkTable.Refresh()
	e.attach.show(n)
	e.hint.Hide()
	e.body.Show()
}

func (e *nomineeEditor) close() {
	e.n = domain.Nominee{}
	e.checklist = nil
	e.body.Hide()
	e.hint.Show()
}

// setEditable opens the editor to changes: all of it (the round in Nháp),
// or the director's justification only (justify).
func (e *nomineeEditor) setEditable(all, justify bool) {
	for _, w := range []*widget.Entry{e.justification, e.duties, e.achievements, e.policy} {
		if all || (justify && w == e.justification) {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	enable(e.saveBtn, all || justify)
	e.attach.setEditable(all)
	e.editable = all
}

// edited is the open nominee with what is typed.
func (e *nomineeEditor) edited() domain.Nominee {
	n := e.n
	n.Justification = strings.TrimSpace(e.justification.Text)
	n.Report = domain.ReportText{Duties: e.duties.Text, Achievements: e.achievements.Text, Policy: e.policy.Text}
	return n
}

// dirty reports whether something typed is not saved.
func (e *nomineeEditor) dirty() bool {
	if e.n.ID == 0 || !e.t.draft() {
		return false
	}
	n := e.edited()
	return n.Justification != strings.TrimSpace(e.n.Justification) || n.Report != e.n.Report
}

// save stores the justification and the report text of the open nominee.
func (e *nomineeEditor) save() {
	t, v := e.t, e.t.v
	if e.n.ID == 0 {
		return
	}
	n := e.edited()
	if err := v.svc.SaveNominee(v.ctx, n); err != nil {
		v.showError(err)
		return
	}
	e.n = n
	t.saved(n)
	v.showBanner(fmt.Sprintf(lang.L("Đã lưu đề nghị của %s."), v.subjectName(n.Subject)), nil)
}

func (e *nomineeEditor) checkCell(row, col int) cellText {
	it := e.checklist[row]
	switch col {
	case 0:
		return plain(it.Document)
	case 1:
		switch {
		case it.Present:
			return cellText{"✓", widget.SuccessImportance}
		case it.Waived != "":
			return cellText{lang.L("miễn"), widget.WarningImportance}
		case it.Advisory:
			return cellText{lang.L("nên bổ sung"), widget.WarningImportance}
		}
		return cellText{"✗", widget.DangerImportance}
	case 2:
		if it.Waived != "" {
			return plain(lang.L("Miễn: ") + it.Waived)
		}
		if it.Waivable && !it.Present && e.editable {
			return plain(it.Note + lang.L(" · bấm vào dòng để miễn, kèm lý do"))
		}
		return plain(it.Note)
	}
	return plain("")
}

// onWaive asks why a missing proof can be done without (or clears the
// waiver), for a round in Nháp; the reason is saved with the nominee.
func (e *nomineeEditor) onWaive(it service.ChecklistItem) {
	v := e.t.v
	if !it.Waivable || it.Present || !e.editable {
		return
	}
	reason := widget.NewMultiLineEntry()
	reason.SetMinRowsVisible(2)
	reason.Wrapping = fyne.TextWrapWord
	reason.SetText(it.Waived)
	form := kit.NewForm()
	form.Add(FieldWaiver, reason, "để trống rồi bấm Lưu để bỏ miễn")
	var dlg dialog.Dialog
	save := widget.NewButtonWithIcon(lang.L("Lưu"), theme.DocumentSaveIcon(), func() {
		n := e.edited()
		waivers := map[string]string{}
		for k, w := range n.Waivers {
			waivers[k] = w
		}
		if strings.TrimSpace(reason.Text) == "" {
			delete(waivers, it.Document)
		} else {
			waivers[it.Document] = reason.Text
		}
		n.Waivers = waivers
		if err := v.svc.SaveNominee(v.ctx, n); err != nil {
			if rest := form.ShowErrors(err); rest != nil {
				v.showError(rest)
			}
			return
		}
		dlg.Hide()
		e.n = n
		e.t.saved(n)
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("Miễn: %s"), it.Document),
		container.NewBorder(nil, kit.Bar(layout.NewSpacer(), cancel, save), nil, nil, form.Content()), v.win)
	dlg.Resize(fyne.NewSize(min(560, v.win.Canvas().Size().Width-40), 220))
	e.waiveDlg, e.waiveReason, e.waiveSave = dlg, reason, save
	dlg.Show()
}

// FieldWaiver labels the reason a document is waived.
const FieldWaiver = "Lý do miễn"

// saved puts a saved nominee back in the table and re-reads the checklist
// (the report text is one of its documents).
func (t *roundsTab) saved(n domain.Nominee) {
	v := t.v
	for i := range t.nominees {
		if t.nominees[i].ID == n.ID {
			t.nominees[i] = n
		}
	}
	if cl, err := v.svc.Checklist(v.ctx, t.round.ID); err == nil {
		t.checklist = cl
	}
	if t.editor.n.ID == n.ID {
		t.editor.checklist = t.checklist[n.ID]
		t.editor.checkTable.Refresh()
	}
	t.table.Refresh()
}

func bullets(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("• " + l)
	}
	return b.String()
}

// ---- adding a nominee ----

// addForm is the dialog that proposes one person or collective.
type addForm struct {
	t        *roundsTab
	kind     *widget.RadioGroup
	search   *widget.Entry
	list     *widget.List
	matches  []domain.Subject
	chosen   domain.Subject
	award    *widget.Select
	awards   []string // codes behind award's options
	preview  *widget.Label
	errLabel *widget.Label
	addBtn   *widget.Button
	dlg      dialog.Dialog
}

const maxMatches = 200

func (t *roundsTab) onAdd() {
	v := t.v
	if !t.draft() {
		return
	}
	f := &addForm{t: t}
	f.kind = widget.NewRadioGroup([]string{lang.L("Cá nhân"), lang.L("Tập thể")}, func(string) { f.kindChanged() })
	f.kind.Horizontal = true
	f.search = widget.NewEntry()
	f.search.SetPlaceHolder(lang.L("Tìm tên, mã cán bộ…"))
	f.search.OnChanged = func(string) { f.filter() }
	f.list = widget.NewList(func() int { return len(f.matches) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(f.matches) {
				s := f.matches[i]
				text := v.subjectName(s)
				if u := v.subjectUnit(s); u != "" {
					text += " – " + u
				}
				o.(*widget.Label).SetText(text)
			}
		})
	f.list.OnSelected = func(i widget.ListItemID) {
		if i < len(f.matches) {
			f.choose(f.matches[i])
		}
	}
	f.award = widget.NewSelect(nil, func(string) { f.showPreview() })
	f.preview = widget.NewLabel("")
	f.preview.Wrapping = fyne.TextWrapWord
	f.errLabel = widget.NewLabel("")
	f.errLabel.Importance = widget.DangerImportance
	f.errLabel.Wrapping = fyne.TextWrapWord
	f.errLabel.Hide()
	f.addBtn = widget.NewButtonWithIcon(lang.L("Thêm vào đợt"), theme.ContentAddIcon(), f.submit)
	f.addBtn.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { f.dlg.Hide() })
	top := container.NewVBox(f.kind, f.search)
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Danh hiệu, hình thức")), nil, f.award),
		f.preview, f.errLabel,
		container.NewHBox(layout.NewSpacer(), cancel, f.addBtn))
	body := container.NewBorder(top, bottom, nil, nil, f.list)
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Thêm đề nghị"), body, v.win)
	f.dlg.Resize(fyne.NewSize(640, 560))
	f.kind.SetSelected(lang.L("Cá nhân"))
	f.dlg.Show()
	t.adding = f
	v.dlg = f.dlg
}

func (f *addForm) subjectKind() domain.SubjectKind {
	if f.kind.Selected == lang.L("Tập thể") {
		return domain.SubjectCollective
	}
	return domain.SubjectPerson
}

func (f *addForm) kindChanged() {
	v := f.t.v
	f.chosen = domain.Subject{}
	f.awards = nil
	var names []string
	for _, a := range v.awardsOf(f.t.round.Year, f.subjectKind()) {
		f.awards = append(f.awards, a.Code)
		names = append(names, a.Name)
	}
	f.award.OnChanged = nil
	f.award.SetOptions(names)
	f.award.ClearSelected()
	if len(names) > 0 {
		f.award.SetSelectedIndex(0)
	}
	f.award.OnChanged = func(string) { f.showPreview() }
	f.filter()
}

// filter lists the people or the units matching the search.
func (f *addForm) filter() {
	v := f.t.v
	f.matches = f.matches[:0]
	words := strings.Fields(domain.Fold(f.search.Text))
	match := func(text string) bool {
		text = " " + domain.Fold(text)
		for _, w := range words {
			if !strings.Contains(text, " "+w) {
				return false
			}
		}
		return true
	}
	if f.subjectKind() == domain.SubjectPerson {
		for _, p := range v.people {
			if len(f.matches) < maxMatches && match(p.FullName+" "+p.StaffCode) {
				f.matches = append(f.matches, domain.PersonSubject(p.StaffCode))
			}
		}
	} else {
		for _, u := range v.tree.ActiveIn(f.t.round.Year) {
			if len(f.matches) < maxMatches && match(u.Name+" "+u.Code) {
				f.matches = append(f.matches, domain.UnitSubject(u.Code))
			}
		}
	}
	f.list.UnselectAll()
	f.list.Refresh()
	f.chosen = domain.Subject{}
	f.showPreview()
}

// choose picks a person or a collective (the list, and tests).
func (f *addForm) choose(s domain.Subject) {
	f.chosen = s
	f.showPreview()
}

// chooseAward picks an award by code.
func (f *addForm) chooseAward(code string) bool {
	for i, c := range f.awards {
		if c == code {
			f.award.SetSelectedIndex(i)
			return true
		}
	}
	return false
}

func (f *addForm) awardCode() string {
	i := f.award.SelectedIndex()
	if i < 0 || i >= len(f.awards) {
		return ""
	}
	return f.awards[i]
}

// showPreview says what the last eligibility computed for the year found
// for the subject, before it is added.
func (f *addForm) showPreview() {
	v := f.t.v
	f.errLabel.Hide()
	if f.chosen.Code == "" {
		f.preview.SetText(lang.L("Chọn một cán bộ hoặc tập thể trong danh sách."))
		return
	}
	text := fmt.Sprintf(lang.L("Đã chọn: %s."), v.subjectName(f.chosen))
	if v.eligibility.computed.year == f.t.round.Year {
		if vd, ok := v.eligibility.verdictFor(f.chosen, f.awardCode()); ok {
			if vd.Eligible {
				text += " " + lang.L("Đủ điều kiện.")
			} else {
				text += " " + lang.L("Không đủ điều kiện:") + "\n" + bullets(vd.Reasons)
			}
		}
	}
	f.preview.SetText(text)
}

func (f *addForm) submit() {
	t, v := f.t, f.t.v
	award := f.awardCode()
	if f.chosen.Code == "" || award == "" {
		f.errLabel.SetText(lang.L("Chọn người (hoặc tập thể) và danh hiệu, hình thức đề nghị."))
		f.errLabel.Show()
		return
	}
	n, err := v.svc.AddNominee(v.ctx, t.round.ID, f.chosen, award)
	if err != nil {
		f.errLabel.SetText(service.Explain(err))
		f.errLabel.Show()
		v.lastErr = err
		return
	}
	f.dlg.Hide()
	t.reopen(t.round.ID)
	t.selectNomineeID(n.ID)
	if !n.Eligible {
		t.askJustification(n)
		return
	}
	v.showBanner(fmt.Sprintf(lang.L("Đã thêm %s vào đợt."), v.subjectName(n.Subject)), nil)
}

// ---- the director's justification ----

// justifyForm asks for the director's written reason to keep an ineligible
// nominee, showing why the engine found it ineligible.
type justifyForm struct {
	n       domain.Nominee
	text    *widget.Entry
	errText *widget.Label
	saveBtn *widget.Button
	dlg     dialog.Dialog
}

func (t *roundsTab) askJustification(n domain.Nominee) {
	v := t.v
	f := &justifyForm{n: n}
	msg := widget.NewLabel(fmt.Sprintf(lang.L("%s không đủ điều kiện “%s”:"), v.subjectName(n.Subject), v.awardName(n.Award)) + "\n" + bullets(n.Reasons))
	msg.Wrapping = fyne.TextWrapWord
	ask := widget.NewLabel(lang.L("Muốn vẫn đề nghị, nhập ý kiến bằng văn bản của Giám đốc. Thiếu giải trình thì đợt không được duyệt."))
	ask.Wrapping = fyne.TextWrapWord
	f.text = multiLine("Ý kiến bằng văn bản của Giám đốc về việc vẫn đề nghị…")
	f.text.SetText(n.Justification)
	f.errText = widget.NewLabel("")
	f.errText.Importance = widget.DangerImportance
	f.errText.Hide()
	later := widget.NewButton(lang.L("Để sau"), func() { f.dlg.Hide() })
	f.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu giải trình"), theme.DocumentSaveIcon(), func() { t.saveJustification(f) })
	f.saveBtn.Importance = widget.HighImportance
	body := container.NewVBox(msg, ask, f.text, f.errText, container.NewHBox(layout.NewSpacer(), later, f.saveBtn))
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Giải trình của Giám đốc"), container.NewVScroll(body), v.win)
	f.dlg.Resize(fyne.NewSize(640, 460))
	f.dlg.Show()
	t.justify = f
	v.dlg = f.dlg
}

func (t *roundsTab) saveJustification(f *justifyForm) {
	v := t.v
	text := strings.TrimSpace(f.text.Text)
	if text == "" {
		f.errText.SetText(lang.L("Chưa nhập giải trình."))
		f.errText.Show()
		return
	}
	n, ok := t.nominee(f.n.ID)
	if !ok {
		n = f.n
	}
	n.Justification = text
	if err := v.svc.SaveNominee(v.ctx, n); err != nil {
		f.errText.SetText(service.Explain(err))
		f.errText.Show()
		v.lastErr = err
		return
	}
	f.dlg.Hide()
	t.saved(n)
	if t.editor.n.ID == n.ID {
		t.editor.open(n)
	}
	v.showBanner(fmt.Sprintf(lang.L("Đã lưu giải trình cho %s."), v.subjectName(n.Subject)), nil)
}
