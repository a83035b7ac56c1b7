package staff

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/ui/kit"
)

// Labels of the history forms, as the service names them in its FieldErrors.
const (
	fieldYear         = "Năm"
	fieldRating       = "Xếp loại"
	fieldAward        = "Danh hiệu/Hình thức"
	fieldAwardKind    = "Loại khen thưởng"
	fieldDecisionNo   = "Số quyết định"
	fieldDecisionDate = "Ngày quyết định"
	fieldIssuer       = "Cơ quan ban hành"
	fieldAwardInits   = "Sáng kiến làm căn cứ"
	fieldInitTitle    = "Tên sáng kiến"
	fieldInitScope    = "Phạm vi ảnh hưởng"
	fieldInitIssuer   = "Cơ quan công nhận"
	fieldInitAuthors  = "Tác giả"
	fieldDiscForm     = "Hình thức kỷ luật"
	fieldDiscFrom     = "Ngày hiệu lực"
	fieldDiscTo       = "Ngày kết thúc"
)

// historyTabs are the tabs under a person's record.
type historyTabs struct {
	assign  *assignTab
	ratings *ratingsTab
	awards  *awardsTab
	inits   *initsTab
	discs   *discsTab
}

func newHistoryTabs(v *View) *historyTabs {
	h := &historyTabs{
		assign:  newAssignTab(v),
		ratings: &ratingsTab{v: v},
		awards:  &awardsTab{v: v},
		inits:   &initsTab{v: v},
		discs:   &discsTab{v: v},
	}
	h.ratings.section = newSection(v, "Thêm xếp loại", func() int { return len(h.ratings.rows) }, h.ratings.lines,
		h.ratings.onAdd, h.ratings.onEdit, h.ratings.onDelete)
	h.awards.section = newSection(v, "Thêm khen thưởng", func() int { return len(h.awards.rows) }, h.awards.lines,
		h.awards.onAdd, h.awards.onEdit, h.awards.onDelete)
	h.inits.section = newSection(v, "Thêm sáng kiến", func() int { return len(h.inits.rows) }, h.inits.lines,
		h.inits.onAdd, h.inits.onEdit, h.inits.onDelete)
	h.discs.section = newSection(v, "Thêm kỷ luật", func() int { return len(h.discs.rows) }, h.discs.lines,
		h.discs.onAdd, h.discs.onEdit, h.discs.onDelete)
	return h
}

// load reads p's history; a new person has none.
func (h *historyTabs) load(p domain.Person) {
	h.assign.load(p)
	h.ratings.load(p)
	h.awards.load(p)
	h.inits.load(p)
	h.discs.load(p)
}

// section is a history list with Thêm / Sửa / Xóa.
type section struct {
	v       *View
	records *recordList
	add     *widget.Button
	edit    *widget.Button
	del     *widget.Button
	empty   *widget.Label
	content fyne.CanvasObject
}

func newSection(v *View, addLabel string, n func() int, lines func(int) (string, string), onAdd, onEdit, onDelete func()) *section {
	s := &section{v: v, records: newRecordList(n, lines)}
	s.add = widget.NewButtonWithIcon(lang.L(addLabel), theme.ContentAddIcon(), onAdd)
	s.edit = widget.NewButtonWithIcon(lang.L("Sửa"), theme.DocumentCreateIcon(), onEdit)
	s.del = widget.NewButtonWithIcon(lang.L("Xóa"), theme.DeleteIcon(), onDelete)
	s.records.onPick = func(int) {
		s.edit.Enable()
		s.del.Enable()
	}
	s.empty = widget.NewLabel(lang.L("Chưa có dữ liệu."))
	s.empty.Importance = widget.LowImportance
	s.content = container.NewBorder(nil, container.NewHBox(s.add, s.edit, s.del), nil, nil,
		container.NewStack(s.records.list, container.NewVBox(s.empty)))
	return s
}

// shown refreshes the list after its records were replaced.
func (s *section) shown() {
	s.records.reset()
	s.edit.Disable()
	s.del.Disable()
	if s.records.n() == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
}

// picked is the selected row, or -1.
func (s *section) picked() int {
	if i := s.records.selected; i >= 0 && i < s.records.n() {
		return i
	}
	return -1
}

// readErr reports a failed read of history and empties nothing else.
func (s *section) readErr(err error) {
	if err != nil {
		kit.ShowError(s.v.win, err)
	}
}

// reloadHistory re-reads the open person's history after a change.
func (v *View) reloadHistory() { v.person.history.load(v.person.loaded) }

// ---- Lịch sử công tác -------------------------------------------------------

// assignTab shows where the person worked: read-only, it changes when the
// unit in the record changes.
type assignTab struct {
	v       *View
	rows    []domain.Assignment
	table   *widget.Table
	content fyne.CanvasObject
}

var assignHeaders = []string{"Từ ngày", "Đến ngày", "Đơn vị", "Chức vụ"}

func newAssignTab(v *View) *assignTab {
	a := &assignTab{v: v}
	a.table = widget.NewTable(func() (int, int) { return len(a.rows), len(assignHeaders) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("00/00/0000")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		}, a.cell)
	a.table.ShowHeaderRow = true
	a.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	a.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(assignHeaders) {
			o.(*widget.Label).SetText(lang.L(assignHeaders[id.Col]))
		}
	}
	for i, w := range []float32{95, 95, 170, 120} {
		a.table.SetColumnWidth(i, w)
	}
	note := widget.NewLabel(lang.L("Lịch sử công tác. Khi đổi đơn vị công tác trong hồ sơ, chương trình tự ghi một dòng mới."))
	note.Wrapping = fyne.TextWrapWord
	a.content = container.NewBorder(note, nil, nil, nil, a.table)
	return a
}

func (a *assignTab) cell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(a.rows) {
		l.SetText("")
		return
	}
	r := a.rows[id.Row]
	switch id.Col {
	case 0:
		l.SetText(r.From.VN())
	case 1:
		if r.To.IsZero() {
			l.SetText(lang.L("nay"))
		} else {
			l.SetText(r.To.VN())
		}
	case 2:
		l.SetText(a.v.unitName(r.UnitCode))
	case 3:
		l.SetText(r.Position)
	}
}

func (a *assignTab) load(p domain.Person) {
	a.rows = nil
	if p.ID != 0 {
		rows, err := a.v.svc.Assignments(a.v.ctx, p.ID)
		if err != nil {
			kit.ShowError(a.v.win, err)
		}
		a.rows = rows
	}
	a.table.Refresh()
}

// ---- Xếp loại ----------------------------------------------------------------

type ratingsTab struct {
	*section
	v      *View
	person domain.Person
	rows   []domain.RatingRecord
	editor *ratingEditor // the last one opened (tests drive it)
}

func (t *ratingsTab) load(p domain.Person) {
	t.person, t.rows = p, nil
	if p.ID != 0 {
		rows, err := t.v.svc.Ratings(t.v.ctx, domain.PersonSubject(p.StaffCode))
		t.readErr(err)
		t.rows = rows
	}
	t.shown()
}

func (t *ratingsTab) lines(i int) (string, string) {
	r := t.rows[i]
	return fmt.Sprintf(lang.L("Năm %d: %s"), r.Year, r.Rating), lang.L(r.Rating.Label())
}

type ratingEditor struct {
	*editor
	t      *ratingsTab
	year   *keyEntry
	rating *widget.Select
}

func (t *ratingsTab) onAdd() {
	t.open(domain.RatingRecord{Subject: domain.PersonSubject(t.person.StaffCode), Year: t.v.svc.Today().Year - 1}, true)
}

func (t *ratingsTab) onEdit() {
	if i := t.picked(); i >= 0 {
		t.open(t.rows[i], false)
	}
}

func (t *ratingsTab) onDelete() {
	i := t.picked()
	if i < 0 {
		return
	}
	r := t.rows[i]
	t.v.ask(lang.L("Xóa xếp loại"), fmt.Sprintf(lang.L("Xóa xếp loại năm %d của %s?"), r.Year, t.person.FullName), lang.L("Xóa"), true, func() {
		if err := t.v.svc.DeleteRating(t.v.ctx, r.Subject, r.Year); err != nil {
			kit.ShowError(t.v.win, err)
		}
		t.v.reloadHistory()
	})
}

func (t *ratingsTab) open(r domain.RatingRecord, isNew bool) {
	e := &ratingEditor{editor: t.v.newEditor(), t: t}
	e.year = e.entry(fmt.Sprint(r.Year))
	if !isNew {
		// A rating is kept per year: change the year by deleting and adding.
		e.year.Disable()
	}
	var opts []string
	for _, k := range domain.Ratings {
		opts = append(opts, fmt.Sprintf("%s – %s", k, lang.L(k.Label())))
	}
	e.rating = newSelect(opts)
	if i := slices.Index(domain.Ratings, r.Rating); i >= 0 {
		e.rating.SetSelectedIndex(i)
	}
	e.form.Add(fieldYear, e.year, "")
	e.form.Add(fieldRating, e.rating, "")
	title := fmt.Sprintf(lang.L("Thêm xếp loại cho %s"), t.person.FullName)
	var first fyne.Focusable = e.year
	if !isNew {
		title = fmt.Sprintf(lang.L("Sửa xếp loại năm %d của %s"), r.Year, t.person.FullName)
		first = nil
	}
	t.editor = e
	e.show(title, first, func() error {
		var errs fieldErrs
		rec := domain.RatingRecord{Subject: r.Subject, Year: errs.year(e.year.Text, fieldYear)}
		if i := e.rating.SelectedIndex(); i >= 0 {
			rec.Rating = domain.Ratings[i]
		} else {
			errs.add(fieldRating, lang.L("chọn một mức xếp loại"))
		}
		if err := errs.err(); err != nil {
			return err
		}
		return t.v.svc.SetRating(t.v.ctx, rec)
	}, t.v.reloadHistory)
}

// ---- Khen thưởng ---------------------------------------------------------------

type awardsTab struct {
	*section
	v      *View
	person domain.Person
	rows   []domain.AwardRecord
	editor *awardEditor
}

func (t *awardsTab) load(p domain.Person) {
	t.person, t.rows = p, nil
	if p.ID != 0 {
		rows, err := t.v.svc.Awards(t.v.ctx, domain.PersonSubject(p.StaffCode))
		t.readErr(err)
		t.rows = rows
	}
	t.shown()
}

func (t *awardsTab) awardName(code string) string {
	if a, ok := t.v.catalogue.Award(code); ok {
		return a.Name
	}
	return code
}

func (t *awardsTab) lines(i int) (string, string) {
	a := t.rows[i]
	top := fmt.Sprintf(lang.L("Năm %d: %s (%s)"), a.Year, t.awardName(a.AwardCode), lang.L(a.Kind.Label()))
	sub := decisionText(a.DecisionNo, a.DecisionDate, a.Issuer, a.Initiatives)
	if t.v.catalogue.Misattributed(a) {
		// Written once from the centre's feedback: the office's own
		// decision is the one to record.
		sub = lang.L("Cần sửa: danh hiệu này do Giám đốc đơn vị quyết định, ghi số, ngày quyết định của đơn vị") + " · " + sub
	}
	return top, sub
}

// decisionText is "QĐ số … ngày … của …" with what the award rested on.
func decisionText(no string, date domain.Date, issuer string, inits []string) string {
	var parts []string
	if no != "" {
		parts = append(parts, fmt.Sprintf(lang.L("QĐ số %s"), no))
	}
	if !date.IsZero() {
		parts = append(parts, fmt.Sprintf(lang.L("ngày %s"), date.VN()))
	}
	if issuer != "" {
		parts = append(parts, issuer)
	}
	if len(inits) > 0 {
		parts = append(parts, fmt.Sprintf(lang.L("sáng kiến: %s"), strings.Join(inits, "; ")))
	}
	if len(parts) == 0 {
		return lang.L("chưa ghi số quyết định")
	}
	return strings.Join(parts, " · ")
}

type awardEditor struct {
	*editor
	t        *awardsTab
	year     *keyEntry
	award    *widget.Select
	codes    []string // parallel to award.Options
	kind     *widget.Select
	no       *keyEntry
	decDate  *keyEntry
	issuer   *keyEntry
	inits    *widget.CheckGroup
	initsBox fyne.CanvasObject
}

func (t *awardsTab) onAdd() {
	t.open(domain.AwardRecord{Subject: domain.PersonSubject(t.person.StaffCode), Year: t.v.svc.Today().Year - 1, Kind: domain.KindMerit})
}

func (t *awardsTab) onEdit() {
	if i := t.picked(); i >= 0 {
		t.open(t.rows[i])
	}
}

func (t *awardsTab) onDelete() {
	i := t.picked()
	if i < 0 {
		return
	}
	a := t.rows[i]
	t.v.ask(lang.L("Xóa khen thưởng"), fmt.Sprintf(lang.L("Xóa %s năm %d của %s?"), t.awardName(a.AwardCode), a.Year, t.person.FullName), lang.L("Xóa"), true, func() {
		if err := t.v.svc.DeleteAward(t.v.ctx, a.ID); err != nil {
			kit.ShowError(t.v.win, err)
		}
		t.v.reloadHistory()
	})
}

func (t *awardsTab) open(a domain.AwardRecord) {
	v := t.v
	e := &awardEditor{editor: v.newEditor(), t: t}
	e.year = e.entry(fmt.Sprint(a.Year))
	var names []string
	for _, at := range v.catalogue.Sorted() {
		if at.AppliesTo(domain.SubjectPerson) || at.Code == a.AwardCode {
			names = append(names, at.Name)
			e.codes = append(e.codes, at.Code)
		}
	}
	e.award = newSelect(names)
	if i := slices.Index(e.codes, a.AwardCode); i >= 0 {
		e.award.SetSelectedIndex(i)
	}
	var kinds []string
	for _, k := range domain.AwardKinds {
		kinds = append(kinds, lang.L(k.Label()))
	}
	e.kind = newSelect(kinds)
	if i := slices.Index(domain.AwardKinds, a.Kind); i >= 0 {
		e.kind.SetSelectedIndex(i)
	}
	e.no = e.entry(a.DecisionNo)
	e.no.SetPlaceHolder(lang.L("ví dụ 123/QĐ-BHXH"))
	e.decDate = e.date(a.DecisionDate)
	e.issuer = e.entry(a.Issuer)
	var titles []string
	for _, in := range v.person.history.inits.rows {
		titles = append(titles, in.Title)
	}
	for _, title := range a.Initiatives {
		if !slices.Contains(titles, title) {
			titles = append(titles, title)
		}
	}
	e.inits = widget.NewCheckGroup(titles, nil)
	e.inits.Selected = slices.Clone(a.Initiatives)
	e.initsBox = e.inits
	if len(titles) == 0 {
		none := widget.NewLabel(lang.L("(cán bộ này chưa có sáng kiến nào)"))
		none.Importance = widget.LowImportance
		e.initsBox = none
	}
	e.form.Add(fieldYear, e.year, "năm thành tích")
	e.form.Add(fieldAward, e.award, "")
	e.form.Add(fieldAwardKind, e.kind, "")
	e.form.Add(fieldDecisionNo, e.no, "")
	e.form.Add(fieldDecisionDate, e.decDate, "")
	e.form.Add(fieldIssuer, e.issuer, "ví dụ Giám đốc BHXH tỉnh")
	e.form.Add(fieldAwardInits, e.initsBox, "")
	title := fmt.Sprintf(lang.L("Thêm khen thưởng cho %s"), t.person.FullName)
	if a.ID != 0 {
		title = fmt.Sprintf(lang.L("Sửa khen thưởng của %s"), t.person.FullName)
	}
	t.editor = e
	e.show(title, e.year, func() error {
		var errs fieldErrs
		rec := a
		rec.Year = errs.year(e.year.Text, fieldYear)
		if i := e.award.SelectedIndex(); i >= 0 {
			rec.AwardCode = e.codes[i]
		} else {
			errs.add(fieldAward, lang.L("chọn danh hiệu hoặc hình thức khen thưởng"))
		}
		if i := e.kind.SelectedIndex(); i >= 0 {
			rec.Kind = domain.AwardKinds[i]
		}
		rec.DecisionNo = e.no.Text
		rec.DecisionDate = errs.date(e.decDate.Text, fieldDecisionDate)
		rec.Issuer = e.issuer.Text
		rec.Initiatives = slices.Clone(e.inits.Selected)
		if err := errs.err(); err != nil {
			return err
		}
		return v.svc.SaveAward(v.ctx, rec)
	}, v.reloadHistory)
}

// ---- Sáng kiến -------------------------------------------------------------------

type initsTab struct {
	*section
	v      *View
	person domain.Person
	rows   []domain.Initiative
	editor *initEditor
}

func (t *initsTab) load(p domain.Person) {
	t.person, t.rows = p, nil
	if p.ID != 0 {
		rows, err := t.v.svc.Initiatives(t.v.ctx, p.StaffCode)
		t.readErr(err)
		t.rows = rows
	}
	t.shown()
}

func (t *initsTab) lines(i int) (string, string) {
	in := t.rows[i]
	top := fmt.Sprintf(lang.L("Năm %d: %s"), in.Year, in.Title)
	sub := lang.L(in.Scope.Label()) + " · " + decisionText(in.DecisionNo, in.DecisionDate, in.Issuer, nil)
	var others []string
	for _, code := range in.Authors {
		if code == t.person.StaffCode {
			continue
		}
		if p, ok := t.v.personByCode(code); ok {
			others = append(others, p.FullName)
		} else {
			others = append(others, code)
		}
	}
	if len(others) > 0 {
		sub += " · " + fmt.Sprintf(lang.L("đồng tác giả: %s"), strings.Join(others, ", "))
	}
	return top, sub
}

type initEditor struct {
	*editor
	t       *initsTab
	title   *keyEntry
	year    *keyEntry
	scope   *widget.Select
	no      *keyEntry
	decDate *keyEntry
	issuer  *keyEntry
	authors *keyEntry
}

func (t *initsTab) onAdd() {
	t.open(domain.Initiative{Year: t.v.svc.Today().Year - 1, Scope: domain.ScopeGrassroots, Authors: []string{t.person.StaffCode}})
}

func (t *initsTab) onEdit() {
	if i := t.picked(); i >= 0 {
		t.open(t.rows[i])
	}
}

func (t *initsTab) onDelete() {
	i := t.picked()
	if i < 0 {
		return
	}
	in := t.rows[i]
	msg := fmt.Sprintf(lang.L("Xóa sáng kiến \"%s\"? Sáng kiến bị xóa với mọi đồng tác giả."), in.Title)
	t.v.ask(lang.L("Xóa sáng kiến"), msg, lang.L("Xóa"), true, func() {
		if err := t.v.svc.DeleteInitiative(t.v.ctx, in.ID); err != nil {
			kit.ShowError(t.v.win, err)
		}
		t.v.reloadHistory()
	})
}

func (t *initsTab) open(in domain.Initiative) {
	v := t.v
	e := &initEditor{editor: v.newEditor(), t: t}
	e.title = e.entry(in.Title)
	e.year = e.entry(fmt.Sprint(in.Year))
	var scopes []string
	for _, s := range domain.Scopes {
		scopes = append(scopes, lang.L(s.Label()))
	}
	e.scope = newSelect(scopes)
	if i := slices.Index(domain.Scopes, in.Scope); i >= 0 {
		e.scope.SetSelectedIndex(i)
	}
	e.no = e.entry(in.DecisionNo)
	e.decDate = e.date(in.DecisionDate)
	e.issuer = e.entry(in.Issuer)
	e.authors = e.entry(strings.Join(in.Authors, ", "))
	e.form.Add(fieldInitTitle, e.title, "")
	e.form.Add(fieldYear, e.year, "năm công nhận")
	e.form.Add(fieldInitScope, e.scope, "")
	e.form.Add(fieldDecisionNo, e.no, "")
	e.form.Add(fieldDecisionDate, e.decDate, "")
	e.form.Add(fieldInitIssuer, e.issuer, "")
	e.form.Add(fieldInitAuthors, e.authors, "mã cán bộ, cách nhau bằng dấu phẩy")
	title := fmt.Sprintf(lang.L("Thêm sáng kiến của %s"), t.person.FullName)
	if in.ID != 0 {
		title = lang.L("Sửa sáng kiến")
	}
	t.editor = e
	e.show(title, e.title, func() error {
		var errs fieldErrs
		rec := in
		rec.Title = e.title.Text
		rec.Year = errs.year(e.year.Text, fieldYear)
		if i := e.scope.SelectedIndex(); i >= 0 {
			rec.Scope = domain.Scopes[i]
		}
		rec.DecisionNo = e.no.Text
		rec.DecisionDate = errs.date(e.decDate.Text, fieldDecisionDate)
		rec.Issuer = e.issuer.Text
		rec.Authors = e.readAuthors(&errs)
		if err := errs.err(); err != nil {
			return err
		}
		return v.svc.SaveInitiative(v.ctx, rec)
	}, v.reloadHistory)
}

// readAuthors splits the typed staff codes and checks that each names a
// person (and that the open person is one of them, or the initiative would
// vanish from the list being edited).
func (e *initEditor) readAuthors(errs *fieldErrs) []string {
	var codes []string
	for _, f := range strings.FieldsFunc(e.authors.Text, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		code := rules.Clean(f)
		if code != "" && !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
	}
	var unknown []string
	for _, c := range codes {
		if _, ok := e.t.v.personByCode(c); !ok {
			unknown = append(unknown, c)
		}
	}
	self := e.t.person.StaffCode
	switch {
	case len(unknown) > 0:
		errs.add(fieldInitAuthors, fmt.Sprintf(lang.L("không có cán bộ mã %s"), strings.Join(unknown, ", ")))
	case !slices.Contains(codes, self):
		errs.add(fieldInitAuthors, fmt.Sprintf(lang.L("cần có mã của %s (%s); muốn bỏ sáng kiến này thì dùng nút Xóa"), e.t.person.FullName, self))
	}
	return codes
}

// ---- Kỷ luật -----------------------------------------------------------------------

type discsTab struct {
	*section
	v      *View
	person domain.Person
	rows   []domain.Discipline
	editor *discEditor
}

func (t *discsTab) load(p domain.Person) {
	t.person, t.rows = p, nil
	if p.ID != 0 {
		rows, err := t.v.svc.Disciplines(t.v.ctx, p.StaffCode)
		t.readErr(err)
		t.rows = rows
	}
	t.shown()
}

func (t *discsTab) lines(i int) (string, string) {
	d := t.rows[i]
	period := fmt.Sprintf(lang.L("từ %s đến %s"), d.From.VN(), d.To.VN())
	if d.To.IsZero() {
		period = fmt.Sprintf(lang.L("từ %s, còn hiệu lực"), d.From.VN())
	}
	if d.DecisionNo != "" {
		period += " · " + fmt.Sprintf(lang.L("QĐ số %s"), d.DecisionNo)
	}
	return lang.L(d.Form.Label()), period
}

type discEditor struct {
	*editor
	t    *discsTab
	kind *widget.Select
	from *keyEntry
	to   *keyEntry
	no   *keyEntry
}

func (t *discsTab) onAdd() {
	t.open(domain.Discipline{StaffCode: t.person.StaffCode})
}

func (t *discsTab) onEdit() {
	if i := t.picked(); i >= 0 {
		t.open(t.rows[i])
	}
}

func (t *discsTab) onDelete() {
	i := t.picked()
	if i < 0 {
		return
	}
	d := t.rows[i]
	msg := fmt.Sprintf(lang.L("Xóa hình thức kỷ luật %s từ %s của %s?"), lang.L(d.Form.Label()), d.From.VN(), t.person.FullName)
	t.v.ask(lang.L("Xóa kỷ luật"), msg, lang.L("Xóa"), true, func() {
		if err := t.v.svc.DeleteDiscipline(t.v.ctx, d.ID); err != nil {
			kit.ShowError(t.v.win, err)
		}
		t.v.reloadHistory()
	})
}

func (t *discsTab) open(d domain.Discipline) {
	v := t.v
	e := &discEditor{editor: v.newEditor(), t: t}
	var forms []string
	for _, f := range domain.DisciplineForms {
		forms = append(forms, lang.L(f.Label()))
	}
	e.kind = newSelect(forms)
	if i := slices.Index(domain.DisciplineForms, d.Form); i >= 0 {
		e.kind.SetSelectedIndex(i)
	}
	e.from = e.date(d.From)
	e.to = e.date(d.To)
	e.no = e.entry(d.DecisionNo)
	e.form.Add(fieldDiscForm, e.kind, "")
	e.form.Add(fieldDiscFrom, e.from, "")
	e.form.Add(fieldDiscTo, e.to, "để trống nếu còn hiệu lực")
	e.form.Add(fieldDecisionNo, e.no, "")
	title := fmt.Sprintf(lang.L("Thêm kỷ luật của %s"), t.person.FullName)
	if d.ID != 0 {
		title = fmt.Sprintf(lang.L("Sửa kỷ luật của %s"), t.person.FullName)
	}
	t.editor = e
	e.show(title, e.from, func() error {
		var errs fieldErrs
		rec := d
		if i := e.kind.SelectedIndex(); i >= 0 {
			rec.Form = domain.DisciplineForms[i]
		} else {
			errs.add(fieldDiscForm, lang.L("chưa chọn"))
		}
		rec.From = errs.date(e.from.Text, fieldDiscFrom)
		rec.To = errs.date(e.to.Text, fieldDiscTo)
		rec.DecisionNo = e.no.Text
		if err := errs.err(); err != nil {
			return err
		}
		return v.svc.SaveDiscipline(v.ctx, rec)
	}, v.reloadHistory)
}
