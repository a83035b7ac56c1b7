package nominations

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// Field labels of the council form (the service's field errors use them).
const (
	fieldDate       = service.FieldCouncilDate
	fieldStart      = service.FieldCouncilStart
	fieldEnd        = service.FieldCouncilEnd
	fieldPlace      = service.FieldCouncilPlace
	fieldMethod     = service.FieldVoteMethod
	fieldDiscussion = service.FieldDiscussion
	fieldTellers    = service.FieldTellers
)

// councilRoles are offered for a member's role; anything else may be
// typed. They are printed on the minutes as they are, so never translated.
var councilRoles = []string{"Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên", "Ủy viên, Thư ký"}

// memberCols: name, position, role, present, written opinion, remove.
var memberCols = []float32{0, 0, 200, 90, 0, 40}

// Columns of the vote grid.
const (
	voteName = iota
	voteAward
	voteFor
	voteAgainst
	voteAbstain
	voteResult
)

var voteCols = []kit.Column{
	{Header: "Họ và tên / Tập thể", Width: 220},
	{Header: "Hình thức đề nghị", Width: 180},
	{Header: "Đồng ý", Width: 90},
	{Header: "Không đồng ý", Width: 130},
	{Header: "Không ý kiến", Width: 130},
	{Header: "Kết quả", Width: 480},
}

// memberRow is one member of the council being edited.
type memberRow struct {
	name     *widget.Entry
	position *widget.Entry
	role     *widget.SelectEntry
	present  *widget.Check
	// opinion is the written opinion (ý kiến bằng văn bản) of a member
	// absent from the meeting; it takes input only while Có mặt is off.
	opinion *widget.Entry
	remove  *widget.Button
	row     *fyne.Container
}

// councilTab records the council meeting of the round open in "Đợt đề
// nghị": when and where, how it voted, who attended, and the counts for
// each nominee, with the result the thresholds give once saved.
type councilTab struct {
	v *View

	roundID int64 // the round whose council is shown
	council domain.Council
	edited  bool // something typed is not saved
	loading bool // widgets being filled: their callbacks are not edits

	title  *widget.Label
	form   *kit.Form
	date   *widget.Entry
	start  *widget.Entry
	end    *widget.Entry
	place  *widget.Entry
	method *widget.RadioGroup
	// discussion and tellers are the minutes' own texts: the summary of
	// what was said, and the Ban kiểm phiếu one name a line, head first.
	discussion *widget.Entry
	tellers    *widget.Entry
	members    []*memberRow
	memberBox  *fyne.Container
	present    *widget.Label
	addMember  *widget.Button
	votes      map[int64]*[3]string // nominee ID → typed Đồng ý, Không đồng ý, Không ý kiến
	changed    map[int64]bool       // nominees whose counts were typed since the last save
	voteTable  *widget.Table
	voteFind   *widget.Entry
	voteRows   []int // rows of the vote table: indices in the round's nominees matching voteFind
	saveBtn    *widget.Button
	// scheduleBtn opens the round's dates and numbers and the director's
	// decisions, which follow the meeting.
	scheduleBtn *widget.Button
	dirtyLbl    *widget.Label
	memberErr   *widget.Label // what the service says about the members
	voteErr     *widget.Label // … and about the counts

	hint    fyne.CanvasObject
	body    fyne.CanvasObject
	content fyne.CanvasObject
}

func newCouncilTab(v *View) *councilTab {
	t := &councilTab{v: v, votes: map[int64]*[3]string{}, changed: map[int64]bool{}}
	t.title = kit.Heading("")
	t.form = kit.NewForm()
	t.date = kit.DateEntry()
	t.date.OnChanged = func(string) { t.markEdited() }
	t.start, t.end = widget.NewEntry(), widget.NewEntry()
	t.start.SetPlaceHolder(lang.L("ví dụ 08:00"))
	t.end.SetPlaceHolder(lang.L("ví dụ 11:30"))
	t.start.OnChanged = func(string) { t.markEdited() }
	t.end.OnChanged = func(string) { t.markEdited() }
	t.place = widget.NewEntry()
	t.place.OnChanged = func(string) { t.markEdited() }
	t.method = widget.NewRadioGroup([]string{lang.L(domain.VoteShowOfHands.Label()), lang.L(domain.VoteSecret.Label())}, func(string) { t.markEdited() })
	t.method.Horizontal = true
	t.method.Required = true
	t.discussion = widget.NewMultiLineEntry()
	t.discussion.Wrapping = fyne.TextWrapWord
	t.discussion.SetMinRowsVisible(4)
	t.discussion.OnChanged = func(string) { t.markEdited() }
	t.tellers = widget.NewMultiLineEntry()
	t.tellers.SetMinRowsVisible(3)
	t.tellers.OnChanged = func(string) { t.markEdited() }
	t.form.Add(fieldDate, t.date, "")
	t.form.Add(fieldStart, t.start, "")
	t.form.Add(fieldEnd, t.end, "")
	t.form.Add(fieldPlace, t.place, "")
	t.form.Add(fieldMethod, t.method, "")
	t.form.Add(fieldDiscussion, t.discussion, "để trống: biên bản ghi câu thường dùng")
	t.form.Add(fieldTellers, t.tellers, "khi bỏ phiếu kín: mỗi dòng một thành viên có mặt, Trưởng ban ở dòng đầu")

	t.memberBox = container.NewVBox()
	t.present = widget.NewLabel("")
	t.addMember = widget.NewButtonWithIcon(lang.L("Thêm thành viên"), theme.ContentAddIcon(), func() {
		t.appendMember(domain.CouncilMember{Present: true})
		t.markEdited()
	})
	header := container.New(&kit.Columns{FlexMin: 120, Widths: memberCols},
		bold("Họ và tên"), bold("Chức vụ"), bold("Vai trò trong Hội đồng"), bold("Có mặt"), bold("Ý kiến bằng văn bản (nếu vắng mặt)"), widget.NewLabel(""))

	t.voteTable = t.newVoteTable()
	t.voteFind = widget.NewEntry()
	t.voteFind.SetPlaceHolder(lang.L("Tìm tên, hình thức…"))
	t.voteFind.OnChanged = func(string) { t.filterVotes() }
	t.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu hội đồng"), theme.DocumentSaveIcon(), t.save)
	t.saveBtn.Importance = widget.HighImportance
	t.dirtyLbl = widget.NewLabel(lang.L("Có thay đổi chưa lưu; kết quả biểu quyết được tính lại khi lưu."))
	t.dirtyLbl.Importance = widget.WarningImportance
	t.dirtyLbl.Hide()
	t.memberErr = errorLabel()
	t.voteErr = errorLabel()

	top := container.NewVBox(t.title, t.form.Content(),
		widget.NewLabelWithStyle(lang.L("Thành viên Hội đồng"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		header, t.memberBox, container.NewHBox(t.addMember, t.present), t.memberErr)
	votes := container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.L("Kết quả biểu quyết"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, t.voteFind), t.voteErr),
		nil, nil, nil, t.voteTable)
	// Two tabs rather than two stacked panes: stacked, a 768-pixel screen
	// showed the members or the votes only after dragging the divider.
	split := container.NewAppTabs(
		container.NewTabItem(lang.L("Cuộc họp, thành viên"), container.NewVScroll(top)),
		container.NewTabItem(lang.L("Kết quả biểu quyết"), votes))
	t.scheduleBtn = widget.NewButtonWithIcon(lang.L("Giờ họp, ngày và số văn bản, quyết định…"), theme.DocumentCreateIcon(), func() { t.v.rounds.onSchedule() })
	t.body = container.NewBorder(nil, container.NewHBox(t.saveBtn, t.dirtyLbl, layout.NewSpacer(), t.scheduleBtn), nil, nil, split)
	t.body.Hide()
	hint := widget.NewLabel(lang.L("Chọn một đợt ở thẻ “Đợt đề nghị” để ghi cuộc họp Hội đồng của đợt đó."))
	hint.Wrapping = fyne.TextWrapWord
	t.hint = hint
	t.content = container.NewStack(t.hint, t.body)
	return t
}

func (t *councilTab) newVoteTable() *widget.Table {
	rows := func() int { return len(t.voteRows) }
	tbl := widget.NewTable(
		func() (int, int) { return rows(), len(voteCols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			e := widget.NewEntry()
			e.Hide()
			return container.NewStack(l, e)
		},
		t.updateVoteCell)
	tbl.ShowHeaderRow = true
	tbl.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	tbl.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(voteCols) {
			o.(*widget.Label).SetText(lang.L(voteCols[id.Col].Header))
		}
	}
	for i, c := range voteCols {
		tbl.SetColumnWidth(i, c.Width)
	}
	return tbl
}

func (t *councilTab) updateVoteCell(id widget.TableCellID, o fyne.CanvasObject) {
	ns := t.v.rounds.nominees
	if id.Row >= len(t.voteRows) || t.voteRows[id.Row] >= len(ns) {
		return
	}
	n := ns[t.voteRows[id.Row]]
	box := o.(*fyne.Container)
	l, e := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Entry)
	if id.Col >= voteFor && id.Col <= voteAbstain {
		k := id.Col - voteFor
		l.Hide()
		e.OnChanged = nil
		e.SetText(t.voteText(n.ID)[k])
		e.OnChanged = func(s string) { t.setVote(n.ID, k, s) }
		if t.editable() {
			e.Enable()
		} else {
			e.Disable()
		}
		e.Show()
		return
	}
	e.OnChanged = nil
	e.Hide()
	l.Show()
	var c cellText
	switch id.Col {
	case voteName:
		c = plain(t.v.subjectName(n.Subject))
	case voteAward:
		c = plain(t.v.awardName(n.Award))
	case voteResult:
		c = t.resultCell(n.ID)
	}
	l.Importance = c.imp
	l.SetText(c.text)
}

// voteText is what the grid shows for a nominee's counts.
func (t *councilTab) voteText(id int64) [3]string {
	if p, ok := t.votes[id]; ok {
		return *p
	}
	return [3]string{}
}

// setVote records a typed count (k: 0 Đồng ý, 1 Không đồng ý, 2 Không ý kiến).
func (t *councilTab) setVote(id int64, k int, text string) {
	p, ok := t.votes[id]
	if !ok {
		p = &[3]string{}
		t.votes[id] = p
	}
	if p[k] == text {
		return
	}
	p[k] = text
	t.changed[id] = true
	t.markEdited()
	t.voteTable.Refresh()
}

// setVotes types the three counts of a nominee (tests).
func (t *councilTab) setVotes(id int64, agree, against, abstain int) {
	for k, n := range []int{agree, against, abstain} {
		t.setVote(id, k, strconv.Itoa(n))
	}
}

func (t *councilTab) resultCell(id int64) cellText {
	if msg := t.countError(id); msg != "" {
		return cellText{msg, widget.DangerImportance}
	}
	if t.changed[id] {
		return cellText{lang.L("Chưa lưu: kết quả được tính lại khi lưu"), widget.WarningImportance}
	}
	return t.v.rounds.voteCell(id)
}

// countError says what is wrong with the typed counts of a nominee.
func (t *councilTab) countError(id int64) string {
	for _, s := range t.voteText(id) {
		if _, _, err := count(s); err != nil {
			return lang.L("Số phiếu phải là số nguyên không âm")
		}
	}
	return ""
}

// count reads a typed number of votes; ok is false for an empty cell.
func count(s string) (int, bool, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, false, fmt.Errorf("số phiếu %q không hợp lệ", s)
	}
	return n, true, nil
}

func (t *councilTab) markEdited() {
	if t.loading {
		return
	}
	t.edited = true
	t.dirtyLbl.Show()
}

// editable reports whether the round's council can still be changed: until
// the round is approved.
func (t *councilTab) editable() bool {
	st := t.v.rounds.round.Status
	return t.roundID != 0 && (st == domain.StatusDraft || st == domain.StatusSubmitted)
}

// roundChanged follows the round open in "Đợt đề nghị".
func (t *councilTab) roundChanged() {
	if t.v.rounds.round.ID != t.roundID {
		t.edited = false
	}
	t.load()
}

// load reads the council of the open round, unless edits of the same
// round are not saved yet; the results always follow the rounds tab.
func (t *councilTab) load() {
	v := t.v
	r := v.rounds.round
	if r.ID == 0 {
		t.roundID = 0
		t.body.Hide()
		t.hint.Show()
		return
	}
	t.title.SetText(fmt.Sprintf(lang.L("Hội đồng Thi đua - Khen thưởng: %s (%s)"), r.Name, lang.L(r.Status.Label())))
	if t.edited && t.roundID == r.ID {
		t.syncEditable()
		t.filterVotes()
		return
	}
	c, err := v.svc.Council(v.ctx, r.ID)
	if err != nil {
		v.showError(err)
	}
	t.roundID = r.ID
	t.show(c)
	t.hint.Hide()
	t.body.Show()
}

// scheduleSaved follows the meeting's day and times saved from the
// round's dates dialog, so that saving this form does not put back the
// old ones: the whole council is read again, or, when edits here are not
// saved yet, only the day and times, leaving those edits as typed.
func (t *councilTab) scheduleSaved(roundID int64) {
	if t.roundID != roundID {
		return
	}
	if !t.edited {
		t.load()
		return
	}
	c, err := t.v.svc.Council(t.v.ctx, roundID)
	if err != nil {
		return
	}
	t.loading = true
	defer func() { t.loading = false }()
	if !c.Date.IsZero() {
		t.date.SetText(c.Date.VN())
	}
	t.start.SetText(c.Start)
	t.end.SetText(c.End)
}

// show puts a council in the widgets.
func (t *councilTab) show(c domain.Council) {
	t.loading = true
	defer func() { t.loading = false }()
	t.council = c
	t.form.ClearErrors()
	setLines(t.memberErr, nil)
	setLines(t.voteErr, nil)
	if c.Date.IsZero() {
		t.date.SetText("")
	} else {
		t.date.SetText(c.Date.VN())
	}
	t.start.SetText(c.Start)
	t.end.SetText(c.End)
	t.place.SetText(c.Place)
	t.method.SetSelected(lang.L(c.Method.Label()))
	t.discussion.SetText(c.Discussion)
	t.tellers.SetText(strings.Join(c.Tellers, "\n"))
	t.memberBox.Objects = nil
	t.members = nil
	for _, m := range c.Members {
		t.appendMember(m)
	}
	t.votes = map[int64]*[3]string{}
	t.changed = map[int64]bool{}
	for _, vt := range c.Votes {
		t.votes[vt.NomineeID] = &[3]string{strconv.Itoa(vt.For), strconv.Itoa(vt.Against), strconv.Itoa(vt.Abstain)}
	}
	t.edited = false
	t.dirtyLbl.Hide()
	t.syncEditable()
	t.updatePresent()
	t.filterVotes()
}

// filterVotes shows the nominees whose name or award holds every word
// typed in the vote table's search box.
func (t *councilTab) filterVotes() {
	t.voteRows = t.voteRows[:0]
	for i, n := range t.v.rounds.nominees {
		if kit.Matches(t.voteFind.Text, t.v.subjectName(n.Subject), n.Subject.Code, t.v.awardName(n.Award)) {
			t.voteRows = append(t.voteRows, i)
		}
	}
	t.voteTable.Refresh()
}

func (t *councilTab) syncEditable() {
	on := t.editable()
	for _, w := range []fyne.Disableable{t.date, t.start, t.end, t.place, t.method, t.discussion, t.tellers, t.addMember, t.saveBtn} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	for _, m := range t.members {
		for _, w := range []fyne.Disableable{m.name, m.position, m.role, m.present, m.remove} {
			if on {
				w.Enable()
			} else {
				w.Disable()
			}
		}
		t.syncOpinion(m)
	}
}

// syncOpinion lets a member's written opinion be typed only while the
// member is marked absent (and the council can be changed). A text typed
// before the member was marked present stays in the box, greyed, and is
// not saved: it comes back if the member is marked absent again.
func (t *councilTab) syncOpinion(m *memberRow) {
	if t.editable() && !m.present.Checked {
		m.opinion.Enable()
	} else {
		m.opinion.Disable()
	}
}

func (t *councilTab) appendMember(m domain.CouncilMember) {
	r := &memberRow{}
	r.name = widget.NewEntry()
	r.name.SetText(m.Name)
	r.name.OnChanged = func(string) { t.markEdited() }
	r.position = widget.NewEntry()
	r.position.SetText(m.Position)
	r.position.OnChanged = func(string) { t.markEdited() }
	r.role = widget.NewSelectEntry(councilRoles)
	r.role.SetText(m.Role)
	r.role.OnChanged = func(string) { t.markEdited() }
	r.opinion = widget.NewEntry()
	r.opinion.SetPlaceHolder(lang.L("ví dụ: Nhất trí với danh sách đề nghị"))
	r.opinion.SetText(m.Opinion)
	r.opinion.OnChanged = func(string) {
		t.updatePresent()
		t.markEdited()
	}
	r.present = widget.NewCheck("", func(bool) {
		t.syncOpinion(r)
		t.updatePresent()
		t.markEdited()
	})
	r.present.SetChecked(m.Present)
	t.syncOpinion(r)
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { t.removeMember(r) })
	r.remove.Importance = widget.LowImportance
	r.row = container.New(&kit.Columns{FlexMin: 120, Widths: memberCols}, r.name, r.position, r.role, r.present, r.opinion, r.remove)
	t.members = append(t.members, r)
	t.memberBox.Add(r.row)
	t.updatePresent()
}

func (t *councilTab) removeMember(r *memberRow) {
	for i, m := range t.members {
		if m == r {
			t.members = append(t.members[:i], t.members[i+1:]...)
			t.memberBox.Remove(r.row)
			break
		}
	}
	t.updatePresent()
	t.markEdited()
}

func (t *councilTab) updatePresent() {
	n, written := 0, 0
	for _, m := range t.members {
		switch {
		case m.present.Checked:
			n++
		case m.opinion != nil && strings.TrimSpace(m.opinion.Text) != "":
			written++
		}
	}
	text := fmt.Sprintf(lang.L("Có mặt %d / %d thành viên"), n, len(t.members))
	if written > 0 {
		text += "; " + fmt.Sprintf(lang.L("%d thành viên vắng mặt gửi ý kiến bằng văn bản"), written)
	}
	t.present.SetText(text)
}

// edit is the council as typed; errs lists the counts that are not numbers.
func (t *councilTab) edit() (domain.Council, error) {
	c := domain.Council{RoundID: t.roundID, Place: strings.TrimSpace(t.place.Text), Method: domain.VoteShowOfHands,
		Start: strings.TrimSpace(t.start.Text), End: strings.TrimSpace(t.end.Text), Discussion: t.discussion.Text}
	if t.method.Selected == lang.L(domain.VoteSecret.Label()) {
		c.Method = domain.VoteSecret
	}
	// One teller a line; a blank line is only spacing.
	for _, line := range strings.Split(t.tellers.Text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			c.Tellers = append(c.Tellers, line)
		}
	}
	var errs domain.FieldErrors
	if s := strings.TrimSpace(t.date.Text); s != "" {
		d, err := domain.ParseDate(s)
		if err != nil {
			errs = append(errs, domain.FieldError{Field: fieldDate, Msg: lang.L("Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy.")})
		}
		c.Date = d
	}
	for _, m := range t.members {
		cm := domain.CouncilMember{Name: strings.TrimSpace(m.name.Text), Position: strings.TrimSpace(m.position.Text),
			Role: strings.TrimSpace(m.role.Text), Present: m.present.Checked}
		if !cm.Present {
			cm.Opinion = strings.TrimSpace(m.opinion.Text)
		}
		if cm.Name == "" && cm.Position == "" && cm.Role == "" && cm.Opinion == "" {
			continue // an empty row added and left
		}
		c.Members = append(c.Members, cm)
	}
	for _, n := range t.v.rounds.nominees {
		typed, ok := t.votes[n.ID]
		if !ok {
			continue
		}
		var got [3]int
		some := false
		for k, s := range typed {
			x, ok, err := count(s)
			if err != nil {
				errs = append(errs, domain.FieldError{Field: service.FieldVotes,
					Msg: fmt.Sprintf(lang.L("%s: số phiếu “%s” không phải số nguyên không âm."), t.v.subjectName(n.Subject), s)})
			}
			got[k] = x
			some = some || ok
		}
		if some {
			c.Votes = append(c.Votes, domain.Vote{NomineeID: n.ID, For: got[0], Against: got[1], Abstain: got[2]})
		}
	}
	if len(errs) > 0 {
		return c, errs
	}
	return c, nil
}

// save stores the council with its votes and shows the results the
// thresholds give.
func (t *councilTab) save() {
	v := t.v
	if t.roundID == 0 {
		return
	}
	c, err := t.edit()
	if err == nil {
		err = v.svc.SaveCouncil(v.ctx, c)
	}
	t.showErrors(err)
	if err != nil {
		return
	}
	t.edited = false
	v.showBanner(lang.L("Đã lưu biên bản Hội đồng; kết quả biểu quyết đã được tính lại."), nil)
	v.rounds.reopen(t.roundID) // re-reads the results and, through roundChanged, this council
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// showErrors puts the service's messages where they belong: under the
// date, place and method, under the members, above the counts; anything
// else in a dialog.
func (t *councilTab) showErrors(err error) {
	v := t.v
	v.lastErr = err
	rest := t.form.ShowErrors(err)
	var members, votes []string
	var other domain.FieldErrors
	if fes := domain.AsFieldErrors(rest); fes != nil {
		for _, fe := range fes {
			switch fe.Field {
			case service.FieldMembers:
				members = append(members, fe.Msg)
			case service.FieldVotes:
				votes = append(votes, fe.Msg)
			default:
				other = append(other, fe)
			}
		}
		rest = nil
		if len(other) > 0 {
			rest = other
		}
	}
	setLines(t.memberErr, members)
	setLines(t.voteErr, votes)
	if rest != nil {
		kit.ShowError(v.win, rest)
	}
}

func setLines(l *widget.Label, lines []string) {
	if len(lines) == 0 {
		l.SetText("")
		l.Hide()
		return
	}
	l.SetText(strings.Join(lines, "\n"))
	l.Show()
}
