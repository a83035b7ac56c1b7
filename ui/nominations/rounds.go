package nominations

import (
	"context"
	"fmt"
	"path/filepath"
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

// Columns of the nominee table.
const (
	nomName = iota
	nomAward
	nomVerdict
	nomJustification
	nomVote
)

var nomineeCols = []kit.Column{
	{Header: "Họ và tên / Tập thể", Width: 290},
	{Header: "Hình thức đề nghị", Width: 210},
	{Header: "Điều kiện", Width: 90},
	{Header: "Giải trình", Width: 90},
	{Header: "Kết quả biểu quyết", Width: 400},
}

// roundKinds are the kinds a round can be opened as, in the order offered.
var roundKinds = []domain.RoundKind{domain.RoundRegular, domain.RoundThematic, domain.RoundOneOff}

// roundsTab lists the rounds and, for the round open, its nominees with
// their verdicts, justifications and vote results, the editor of the
// selected nominee, and the buttons of the approval flow.
type roundsTab struct {
	v *View

	rounds    []domain.Round
	counts    map[int64]int // nominees per round
	list      *widget.List
	createBtn *widget.Button
	deleteBtn *widget.Button

	round     domain.Round // open; ID 0 when none
	nominees  []domain.Nominee
	outcomes  map[int64]service.VoteOutcome
	checklist map[int64][]service.ChecklistItem

	title      *widget.Label
	status     *widget.Label
	submitBtn  *widget.Button // Trình duyệt
	approveBtn *widget.Button // Duyệt
	reopenBtn  *widget.Button // Mở lại
	// The reopen dialog, while shown (tests drive it).
	reopenDlg    dialog.Dialog
	reopenReason *widget.Entry
	reopenOK     *widget.Button
	reopenForm   *kit.Form
	sentBtn      *widget.Button // Đã gửi
	proposeBtn   *widget.Button
	addBtn       *widget.Button
	removeBtn    *widget.Button
	dossierBtn   *widget.Button
	summaryBtn   *widget.Button
	summary      *summaryDialog // the last one opened (tests answer it)
	schedule     *scheduleDialog
	returned     *widget.Label // why the director sent the round back, while in Nháp
	// wordCopies: the dossier also gets an editable .docx of each PDF.
	wordCheck  *widget.Check
	wordCopies bool
	table      *widget.Table
	search     *widget.Entry
	shown      []int // the rows of the table: indices in nominees matching the search
	selected   int   // index in nominees, -1 when none
	editor     *nomineeEditor

	// exported is the folder of the last dossier written.
	exported string
	// The last dialogs opened (tests fill and answer them).
	lastForm *roundForm
	adding   *addForm
	justify  *justifyForm
	history  *roundHistory

	hint    fyne.CanvasObject
	detail  fyne.CanvasObject
	content fyne.CanvasObject
}

func newRoundsTab(v *View) *roundsTab {
	t := &roundsTab{v: v, selected: -1, counts: map[int64]int{}}
	t.list = widget.NewList(func() int { return len(t.rounds) }, t.createRow, t.updateRow)
	t.list.OnSelected = func(i widget.ListItemID) {
		if i < len(t.rounds) && t.rounds[i].ID != t.round.ID {
			t.open(t.rounds[i].ID)
		}
	}
	t.createBtn = widget.NewButtonWithIcon(lang.L("Tạo đợt…"), theme.ContentAddIcon(), t.onCreate)
	t.createBtn.Importance = widget.HighImportance
	t.deleteBtn = widget.NewButtonWithIcon(lang.L("Xóa đợt"), theme.DeleteIcon(), t.onDelete)

	t.title = kit.Heading("")
	t.status = widget.NewLabel("")
	t.submitBtn = widget.NewButtonWithIcon(lang.L("Trình duyệt"), theme.MailSendIcon(), func() { t.setStatus(domain.StatusSubmitted) })
	t.approveBtn = widget.NewButtonWithIcon(lang.L("Duyệt"), theme.ConfirmIcon(), func() { t.setStatus(domain.StatusApproved) })
	t.reopenBtn = widget.NewButtonWithIcon(lang.L("Mở lại"), theme.ContentUndoIcon(), t.onReopen)
	t.sentBtn = widget.NewButtonWithIcon(lang.L("Đã gửi"), theme.UploadIcon(), func() { t.setStatus(domain.StatusSent) })
	t.proposeBtn = widget.NewButtonWithIcon(lang.L("Đề nghị tất cả người đủ điều kiện…"), theme.ContentAddIcon(), t.onPropose)
	t.addBtn = widget.NewButtonWithIcon(lang.L("Thêm…"), theme.ContentAddIcon(), t.onAdd)
	t.removeBtn = widget.NewButtonWithIcon(lang.L("Bỏ khỏi đợt"), theme.ContentRemoveIcon(), t.onRemove)
	t.dossierBtn = widget.NewButtonWithIcon(lang.L("Lập hồ sơ…"), theme.FolderNewIcon(), t.onDossier)
	t.wordCheck = widget.NewCheck(lang.L("kèm bản Word để sửa"), func(on bool) { t.wordCopies = on })

	t.table = colouredTable(nomineeCols, func() int { return len(t.shown) }, t.cell)
	t.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < len(t.shown) {
			t.selectNominee(t.shown[id.Row])
		}
	}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(lang.L("Tìm tên, hình thức, kết quả…"))
	t.search.OnChanged = func(string) { t.filter() }
	t.editor = newNomineeEditor(t)

	left := container.NewBorder(container.NewHBox(t.createBtn, t.deleteBtn), nil, nil, nil, t.list)
	t.summaryBtn = widget.NewButtonWithIcon(lang.L("Tóm tắt để duyệt…"), theme.InfoIcon(), t.onSummary)
	t.returned = widget.NewLabel("")
	t.returned.Wrapping = fyne.TextWrapWord
	t.returned.Importance = widget.WarningImportance
	t.returned.Hide()
	flow := kit.Bar(t.title, t.status, layout.NewSpacer(), newRoundHistoryButton(t), t.summaryBtn, t.submitBtn, t.approveBtn, t.reopenBtn, t.sentBtn)
	searchBox := container.NewGridWrap(fyne.NewSize(220, t.search.MinSize().Height), t.search)
	actions := kit.Bar(searchBox, t.proposeBtn, t.addBtn, t.removeBtn, layout.NewSpacer(), newCertificatesButton(t), t.dossierBtn, t.wordCheck)
	body := kit.Split("rounds.nominees", false, t.table, t.editor.content, 0.62)
	t.detail = container.NewBorder(container.NewVBox(flow, t.returned, actions), nil, nil, nil, body)
	t.detail.Hide()
	hint := widget.NewLabel(lang.L("Chọn một đợt đề nghị ở bên trái, hoặc bấm “Tạo đợt…” để mở đợt mới."))
	hint.Wrapping = fyne.TextWrapWord
	t.hint = hint
	split := kit.Split("rounds.list", true, left, container.NewStack(t.hint, t.detail), 0.22)
	t.content = split
	return t
}

func (t *roundsTab) createRow() fyne.CanvasObject {
	name := widget.NewLabel("Đề nghị khen thưởng năm 2025")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.SizeName = theme.SizeNameCaptionText
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(name, detail)
}

func (t *roundsTab) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(t.rounds) {
		return
	}
	r := t.rounds[i]
	rows := o.(*fyne.Container).Objects
	rows[0].(*widget.Label).SetText(r.Name)
	rows[1].(*widget.Label).SetText(t.roundLine(r))
}

// roundLine is "2025 · Thường xuyên cuối năm · Nháp · 12 đề nghị".
func (t *roundsTab) roundLine(r domain.Round) string {
	return fmt.Sprintf(lang.L("%d · %s · %s · %d đề nghị"), r.Year, lang.L(r.Kind.Label()), lang.L(r.Status.Label()), t.counts[r.ID])
}

// refresh re-reads the rounds and the round open.
func (t *roundsTab) refresh() {
	v := t.v
	rs, err := v.svc.Rounds(v.ctx)
	if err != nil {
		v.showError(err)
		rs = nil
	}
	t.rounds = rs
	if t.counts, err = v.svc.NomineeCounts(v.ctx); err != nil {
		v.showError(err)
	}
	if t.counts == nil {
		t.counts = map[int64]int{}
	}
	t.list.Refresh()
	found := false
	for _, r := range rs {
		if r.ID == t.round.ID && r.ID != 0 {
			found = true
		}
	}
	if found {
		t.open(t.round.ID)
	} else {
		t.close()
	}
}

// open shows a round with its nominees.
func (t *roundsTab) open(id int64) {
	v := t.v
	if t.editor.dirty() {
		t.editor.save()
	}
	var r domain.Round
	for _, x := range t.rounds {
		if x.ID == id {
			r = x
		}
	}
	if r.ID == 0 {
		t.close()
		return
	}
	keep := int64(0)
	if t.selected >= 0 && t.selected < len(t.nominees) && t.round.ID == id {
		keep = t.nominees[t.selected].ID
	}
	t.round = r
	if err := t.loadRound(); err != nil {
		v.showError(err)
	}
	t.title.SetText(r.Name)
	t.status.SetText(fmt.Sprintf(lang.L("Năm %d · %s · Trạng thái: %s"), r.Year, lang.L(r.Kind.Label()), lang.L(r.Status.Label())))
	t.syncButtons()
	t.showReturned()
	t.filter()
	t.selected = -1
	t.table.UnselectAll()
	for row, i := range t.shown {
		if n := t.nominees[i]; n.ID == keep && keep != 0 {
			t.table.Select(widget.TableCellID{Row: row, Col: 0})
		}
	}
	if t.selected < 0 {
		t.editor.close()
	}
	for i, x := range t.rounds {
		if x.ID == id {
			t.list.Select(i)
		}
	}
	t.hint.Hide()
	t.detail.Show()
	v.council.roundChanged()
}

// loadRound reads the open round's nominees, vote results and checklist.
func (t *roundsTab) loadRound() error {
	v := t.v
	t.nominees, t.outcomes, t.checklist = nil, nil, nil
	ns, err := v.svc.Nominees(v.ctx, t.round.ID)
	if err != nil {
		return fmt.Errorf("read nominees: %w", err)
	}
	t.nominees = ns
	t.counts[t.round.ID] = len(ns)
	if t.outcomes, err = v.svc.VoteResult(v.ctx, t.round.ID); err != nil {
		return fmt.Errorf("read vote results: %w", err)
	}
	if t.checklist, err = v.svc.Checklist(v.ctx, t.round.ID); err != nil {
		return fmt.Errorf("read checklist: %w", err)
	}
	return nil
}

func (t *roundsTab) close() {
	t.round = domain.Round{}
	t.nominees, t.outcomes, t.checklist, t.shown = nil, nil, nil, nil
	t.selected = -1
	t.list.UnselectAll()
	t.editor.close()
	t.detail.Hide()
	t.hint.Show()
	t.v.council.roundChanged()
}

// reopen re-reads the rounds after a change and keeps the round open.
func (t *roundsTab) reopen(id int64) {
	t.round.ID = id
	t.refresh()
}

// showReturned shows, on a round in Nháp that the director sent back,
// what he asked to correct.
func (t *roundsTab) showReturned() {
	t.returned.Hide()
	hs, ok := t.v.svc.(roundHistoryService)
	if !ok || t.round.Status != domain.StatusDraft {
		return
	}
	evs, err := hs.RoundEvents(t.v.ctx, t.round.ID)
	if err != nil || len(evs) == 0 {
		return
	}
	if e := evs[len(evs)-1]; e.From == domain.StatusSubmitted && e.To == domain.StatusDraft && e.Reason != "" {
		t.returned.SetText(fmt.Sprintf(lang.L("Giám đốc %s trả lại đợt lúc %s: %s"), e.Actor, e.At.Format("15:04 02/01/2006"), e.Reason))
		t.returned.Show()
	}
}

// draft reports whether the open round can still be edited.
func (t *roundsTab) draft() bool { return t.round.ID != 0 && t.round.Status == domain.StatusDraft }

// syncButtons enables what the round's status allows:
// Nháp → Chờ duyệt → Đã duyệt → Đã gửi, and back to Nháp before sending.
func (t *roundsTab) syncButtons() {
	st := t.round.Status
	enable(t.submitBtn, st == domain.StatusDraft)
	a, _ := t.v.svc.Actor()
	// Only a director approves (the service refuses others too); a clerk
	// sees the button greyed rather than a refusal after clicking.
	enable(t.approveBtn, st == domain.StatusSubmitted && a.Role.Allows(domain.RoleDirector))
	enable(t.reopenBtn, st == domain.StatusSubmitted || st == domain.StatusApproved)
	enable(t.sentBtn, st == domain.StatusApproved)
	enable(t.deleteBtn, t.draft())
	enable(t.proposeBtn, t.draft())
	enable(t.addBtn, t.draft())
	enable(t.removeBtn, t.draft() && t.selected >= 0)
	enable(t.dossierBtn, t.round.ID != 0 && len(t.nominees) > 0)
	enable(t.summaryBtn, t.round.ID != 0 && len(t.nominees) > 0)
	if st == domain.StatusSubmitted && a.Role.Allows(domain.RoleDirector) {
		t.summaryBtn.Importance = widget.HighImportance
	} else {
		t.summaryBtn.Importance = widget.MediumImportance
	}
	t.summaryBtn.Refresh()
	// While the round awaits approval the director may still write his
	// justification (and nothing else).
	t.editor.setEditable(t.draft(), t.draft() || (st == domain.StatusSubmitted && a.Role.Allows(domain.RoleDirector)))
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// filter shows the nominees whose name, award, verdict or vote result
// holds every word typed (without diacritics or case).
func (t *roundsTab) filter() {
	t.shown = t.shown[:0]
	for i, n := range t.nominees {
		if kit.Matches(t.search.Text, t.v.subjectName(n.Subject), n.Subject.Code, t.v.awardName(n.Award),
			verdictText(n.Eligible), t.voteCell(n.ID).text) {
			t.shown = append(t.shown, i)
		}
	}
	t.table.Refresh()
}

func (t *roundsTab) cell(row, col int) cellText {
	v := t.v
	if row >= len(t.shown) {
		return plain("")
	}
	n := t.nominees[t.shown[row]]
	switch col {
	case nomName:
		return plain(v.subjectName(n.Subject))
	case nomAward:
		return plain(v.awardName(n.Award))
	case nomVerdict:
		return cellText{verdictText(n.Eligible), verdictImportance(n.Eligible)}
	case nomJustification:
		switch {
		case strings.TrimSpace(n.Justification) != "":
			return plain(lang.L("Có"))
		case !n.Eligible:
			return cellText{lang.L("Thiếu"), widget.DangerImportance}
		}
		return plain("")
	case nomVote:
		return t.voteCell(n.ID)
	}
	return plain("")
}

// voteCell is the council's result of a nominee as the service words it
// ("Đạt: 9/9 thành viên đồng ý (100%); cần …"): green when passed, red
// when the vote failed, grey while the council has not voted.
func (t *roundsTab) voteCell(id int64) cellText {
	o, ok := t.outcomes[id]
	switch {
	case !ok:
		return cellText{lang.L("Chưa biểu quyết"), widget.LowImportance}
	case o.Passed:
		return cellText{o.Reason, widget.SuccessImportance}
	case o.Pct > 0 || strings.HasPrefix(o.Reason, "Không đạt"):
		return cellText{o.Reason, widget.DangerImportance}
	}
	return cellText{o.Reason, widget.LowImportance}
}

// selectNominee opens a nominee in the editor.
func (t *roundsTab) selectNominee(row int) {
	if row < 0 || row >= len(t.nominees) {
		return
	}
	t.selected = row
	t.editor.open(t.nominees[row])
	t.syncButtons()
}

// selectNomineeID selects the row of a nominee (tests, after adding).
func (t *roundsTab) selectNomineeID(id int64) bool {
	for row, i := range t.shown {
		if t.nominees[i].ID == id {
			t.table.Select(widget.TableCellID{Row: row, Col: 0})
			t.selectNominee(i)
			return true
		}
	}
	return false
}

func (t *roundsTab) nominee(id int64) (domain.Nominee, bool) {
	for _, n := range t.nominees {
		if n.ID == id {
			return n, true
		}
	}
	return domain.Nominee{}, false
}

// ---- the flow ----

// setStatus moves the open round along its flow; the service says why
// when it may not (a nominee without justification, no council vote…).
func (t *roundsTab) setStatus(to domain.RoundStatus) {
	v := t.v
	if t.round.ID == 0 {
		return
	}
	if t.editor.dirty() {
		t.editor.save()
	}
	if err := v.svc.SetRoundStatus(v.ctx, t.round.ID, to); err != nil {
		v.showError(err)
		return
	}
	v.showBanner(fmt.Sprintf(lang.L("Đợt “%s” chuyển sang “%s”."), t.round.Name, lang.L(to.Label())), nil)
	t.reopen(t.round.ID)
}

// FieldReopenReason labels the reason asked when a round is reopened.
const FieldReopenReason = "Lý do mở lại"

// onReopen asks why the round goes back to Nháp (required for an approved
// round: its approval is undone and the reason stays in its history),
// then reopens it.
func (t *roundsTab) onReopen() {
	v := t.v
	if t.round.ID == 0 {
		return
	}
	reason := widget.NewMultiLineEntry()
	reason.SetMinRowsVisible(3)
	form := kit.NewForm()
	hint := "không bắt buộc"
	if t.round.Status == domain.StatusApproved {
		hint = "bắt buộc: đợt đã được duyệt; sau khi sửa cần trình duyệt lại"
	}
	form.Add(FieldReopenReason, reason, hint)
	var dlg dialog.Dialog
	ok := widget.NewButtonWithIcon(lang.L("Mở lại"), theme.ContentUndoIcon(), func() {
		err := v.svc.ReopenRound(v.ctx, t.round.ID, reason.Text)
		if rest := form.ShowErrors(err); rest != nil {
			v.showError(rest)
			return
		}
		if err != nil {
			return
		}
		dlg.Hide()
		v.showBanner(fmt.Sprintf(lang.L("Đợt “%s” chuyển sang “%s”."), t.round.Name, lang.L(domain.StatusDraft.Label())), nil)
		t.reopen(t.round.ID)
	})
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("Mở lại đợt “%s”"), t.round.Name),
		container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, ok), nil, nil, form.Content()), v.win)
	dlg.Resize(fyne.NewSize(560, 260))
	t.reopenDlg = dlg
	t.reopenReason, t.reopenOK, t.reopenForm = reason, ok, form
	dlg.Show()
}

// ---- creating and deleting rounds ----

// roundForm is the dialog that opens a round.
type roundForm struct {
	form    *kit.Form
	year    *widget.Select
	kind    *widget.Select
	name    *widget.Entry
	named   bool // the clerk typed a name: the year and kind no longer rewrite it
	dlg     dialog.Dialog
	create  *widget.Button
	onSaved func(id int64)
}

func (t *roundsTab) onCreate() {
	v := t.v
	f := &roundForm{form: kit.NewForm()}
	year := v.svc.LastCompletedYear()
	f.year = widget.NewSelect(yearOptions(year+1, 7), nil)
	f.year.SetSelected(strconv.Itoa(year))
	var kinds []string
	for _, k := range roundKinds {
		kinds = append(kinds, lang.L(k.Label()))
	}
	f.kind = widget.NewSelect(kinds, nil)
	f.kind.SetSelectedIndex(0)
	f.name = widget.NewEntry()
	f.name.OnChanged = func(string) { f.named = true }
	suggest := func(string) {
		if !f.named {
			f.name.SetText(service.DefaultRoundName(f.kindValue(), f.yearValue(), ""))
			f.named = false
		}
	}
	f.year.OnChanged, f.kind.OnChanged = suggest, suggest
	suggest("")
	f.form.Add(service.FieldYear, f.year, "")
	f.form.Add(service.FieldRoundKind, f.kind, "")
	f.form.Add(service.FieldRoundName, f.name, "Tên in trên tờ trình và các văn bản của đợt")
	f.create = widget.NewButtonWithIcon(lang.L("Tạo đợt"), theme.ConfirmIcon(), func() { t.createRound(f) })
	f.create.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Hủy"), func() { f.dlg.Hide() })
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, f.create), nil, nil, f.form.Content())
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Tạo đợt đề nghị khen thưởng"), body, v.win)
	f.dlg.Resize(fyne.NewSize(560, 260))
	f.dlg.Show()
	v.dlg = f.dlg
	t.lastForm = f
}

func (f *roundForm) yearValue() int {
	y, _ := strconv.Atoi(f.year.Selected)
	return y
}

func (f *roundForm) kindValue() domain.RoundKind {
	i := f.kind.SelectedIndex()
	if i < 0 || i >= len(roundKinds) {
		return domain.RoundRegular
	}
	return roundKinds[i]
}

func (t *roundsTab) createRound(f *roundForm) {
	v := t.v
	r := domain.Round{Year: f.yearValue(), Kind: f.kindValue(), Name: strings.TrimSpace(f.name.Text), Status: domain.StatusDraft}
	id, err := v.svc.CreateRound(v.ctx, r)
	if rest := f.form.ShowErrors(err); err != nil {
		if rest != nil {
			v.showError(rest)
		}
		return
	}
	f.dlg.Hide()
	v.showBanner(fmt.Sprintf(lang.L("Đã tạo đợt “%s”."), r.Name), nil)
	t.reopen(id)
}

func (t *roundsTab) onDelete() {
	v := t.v
	if !t.draft() {
		return
	}
	r := t.round
	v.ask(lang.L("Xóa đợt"), fmt.Sprintf(lang.L("Xóa đợt “%s” cùng %d đề nghị và biên bản hội đồng của đợt?"), r.Name, len(t.nominees)),
		lang.L("Xóa"), true, func() {
			if err := v.svc.DeleteRound(v.ctx, r.ID); err != nil {
				v.showError(err)
				return
			}
			v.showBanner(fmt.Sprintf(lang.L("Đã xóa đợt “%s”."), r.Name), nil)
			t.round = domain.Round{}
			t.refresh()
		})
}

// ---- proposing, adding, removing ----

// onPropose asks for an award and proposes everyone eligible for it.
func (t *roundsTab) onPropose() {
	v := t.v
	if !t.draft() {
		return
	}
	awards := v.awardsOf(t.round.Year, "")
	var names []string
	for _, a := range awards {
		names = append(names, a.Name)
	}
	sel := widget.NewSelect(names, nil)
	for i, a := range awards {
		if a.Code == awardLDTT {
			sel.SetSelectedIndex(i)
		}
	}
	note := widget.NewLabel(lang.L("Mọi người (hoặc tập thể) đủ điều kiện sẽ được thêm vào đợt; với CSTĐCS chỉ những người trong giới hạn. Ai đã được đề nghị danh hiệu này trong năm thì được bỏ qua."))
	note.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Danh hiệu, hình thức")), nil, sel), note)
	d := dialog.NewCustomConfirm(lang.L("Đề nghị tất cả người đủ điều kiện"), lang.L("Đề nghị"), lang.L("Hủy"), body, func(ok bool) {
		i := sel.SelectedIndex()
		if !ok || i < 0 {
			return
		}
		t.propose(awards[i].Code)
	}, v.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
	v.dlg = d
}

// awardLDTT is the catalogue code of Lao động tiên tiến, offered first
// when proposing everyone eligible.
const awardLDTT = "LDTT"

func (t *roundsTab) propose(award string) {
	v := t.v
	n, err := v.svc.ProposeEligible(v.ctx, t.round.ID, award)
	if err != nil {
		v.showError(err)
		return
	}
	t.reopen(t.round.ID)
	v.tell(lang.L("Đề nghị tất cả người đủ điều kiện"),
		fmt.Sprintf(lang.L("Đã thêm %d đề nghị “%s” vào đợt."), n, v.awardName(award)))
}

func (t *roundsTab) onRemove() {
	v := t.v
	if !t.draft() || t.selected < 0 || t.selected >= len(t.nominees) {
		return
	}
	n := t.nominees[t.selected]
	v.ask(lang.L("Bỏ khỏi đợt"), fmt.Sprintf(lang.L("Bỏ đề nghị “%s” cho %s khỏi đợt?"), v.awardName(n.Award), v.subjectName(n.Subject)),
		lang.L("Bỏ khỏi đợt"), true, func() { t.remove(n) })
}

func (t *roundsTab) remove(n domain.Nominee) {
	v := t.v
	if err := v.svc.RemoveNominee(v.ctx, n.ID); err != nil {
		v.showError(err)
		return
	}
	v.showBanner(fmt.Sprintf(lang.L("Đã bỏ %s khỏi đợt."), v.subjectName(n.Subject)), nil)
	t.selected = -1
	t.reopen(t.round.ID)
}

// ---- the dossier ----

// onDossier asks for a folder and writes the round's dossier into it.
func (t *roundsTab) onDossier() {
	v := t.v
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			v.showError(err)
			return
		}
		if u == nil {
			return
		}
		t.exportDossier(u.Path())
	}, v.win)
	d.Show()
}

// exportDossier writes every document of the open round into dir off the
// UI goroutine, with its progress, and then offers to open the folder.
func (t *roundsTab) exportDossier(dir string) {
	v := t.v
	if t.round.ID == 0 {
		return
	}
	if t.editor.dirty() {
		t.editor.save()
	}
	id, name := t.round.ID, t.round.Name
	v.run(v.win, "Đang lập hồ sơ đề nghị khen thưởng", func(ctx context.Context, progress kit.Progress) error {
		return v.svc.ExportDossier(ctx, id, dir, service.DossierOptions{Docx: t.wordCopies, Progress: progress})
	}, func(err error) {
		if err != nil {
			v.showError(err)
			return
		}
		t.exported = dir
		open := widget.NewButtonWithIcon(lang.L("Mở thư mục"), theme.FolderOpenIcon(), func() {
			if err := kit.OpenFile(dir); err != nil {
				v.showError(err)
			}
		})
		v.showBanner(fmt.Sprintf(lang.L("Đã lập hồ sơ của đợt “%s” trong thư mục %s."), name, filepath.Base(dir)), open)
	})
}
