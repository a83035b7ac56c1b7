package registration

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// awardLDTT is the catalogue code of Lao động tiên tiến, which a whole
// unit is registered for in one action.
const awardLDTT = "LDTT"

// individualTab registers people: the staff list with what each registered
// and the warnings, and on the right the open person's awards.
type individualTab struct {
	v        *View
	search   *widget.Entry
	unitSel  *widget.Select
	unitOpts []string // unit codes behind unitSel's options after the first
	count    *widget.Label
	list     *widget.List
	index    *domain.PeopleIndex
	shown    []domain.Person
	tallRows map[int]bool // rows of the list made taller for a warning
	bulk     *widget.Button

	person   domain.Person // open on the right; zero when none
	name     *widget.Label
	awards   *widget.CheckGroup
	awardBy  map[string]string
	note     *widget.Entry
	warnIcon *widget.Icon
	warnLbl  *widget.Label
	warnNote *widget.Label
	saveBtn  *widget.Button
	detail   fyne.CanvasObject
	hint     fyne.CanvasObject
	content  fyne.CanvasObject
}

func newIndividualTab(v *View) *individualTab {
	t := &individualTab{v: v}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(lang.L("Tìm tên, mã cán bộ, số CCCD…"))
	t.search.OnChanged = func(string) { t.apply() }
	t.unitSel = widget.NewSelect([]string{lang.L("Mọi đơn vị")}, nil)
	t.unitSel.SetSelectedIndex(0)
	t.unitSel.OnChanged = func(string) { t.apply() }
	t.count = widget.NewLabel("")
	t.bulk = widget.NewButtonWithIcon(lang.L("Đăng ký LĐTT cho cả đơn vị"), theme.ContentAddIcon(), t.onBulk)
	t.list = widget.NewList(func() int { return len(t.shown) }, t.createRow, t.updateRow)
	t.list.OnSelected = func(i widget.ListItemID) {
		if i < len(t.shown) && t.shown[i].ID != t.person.ID {
			t.open(t.shown[i])
		}
	}

	t.name = kit.Heading("")
	t.awards = widget.NewCheckGroup(nil, nil)
	t.note = widget.NewEntry()
	t.note.SetPlaceHolder(lang.L("Ghi chú"))
	t.warnIcon = widget.NewIcon(theme.WarningIcon())
	t.warnLbl = widget.NewLabel("")
	t.warnLbl.Wrapping = fyne.TextWrapWord
	t.warnLbl.Importance = widget.WarningImportance
	t.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu đăng ký"), theme.DocumentSaveIcon(), t.save)
	t.saveBtn.Importance = widget.HighImportance
	warn := container.NewBorder(nil, nil, container.NewVBox(t.warnIcon), nil, t.warnLbl)
	t.warnNote = widget.NewLabel(lang.L("Cảnh báo chỉ để lưu ý: vẫn lưu được đăng ký."))
	t.warnNote.Importance = widget.LowImportance
	body := container.NewVBox(t.name,
		widget.NewLabelWithStyle(lang.L("Danh hiệu, hình thức đăng ký"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		t.awards, t.note, warn, t.warnNote)
	t.detail = container.NewBorder(nil, container.NewHBox(t.saveBtn), nil, nil, container.NewVScroll(body))
	t.detail.Hide()
	t.hint = widget.NewLabel(lang.L("Chọn một cán bộ để đăng ký danh hiệu."))

	top := container.NewVBox(t.search, container.NewBorder(nil, nil, nil, t.bulk, t.unitSel), t.count)
	left := container.NewBorder(top, nil, nil, nil, t.list)
	split := kit.Split("registration.individual", true, left, container.NewStack(t.hint, t.detail), 0.5)
	t.content = split
	return t
}

func (t *individualTab) createRow() fyne.CanvasObject {
	name := widget.NewLabel("Nguyễn Thị Minh Khai")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	code := widget.NewLabel("CB00000")
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	icon := widget.NewIcon(theme.WarningIcon())
	warn := widget.NewLabel("")
	warn.Importance = widget.WarningImportance
	warn.Truncation = fyne.TextTruncateEllipsis
	warn.SizeName = theme.SizeNameCaptionText
	warnRow := container.NewBorder(nil, nil, icon, nil, warn)
	warnRow.Hide() // rows with warnings are made taller one by one (see apply)
	return container.NewVBox(container.NewBorder(nil, nil, nil, code, name), detail, warnRow)
}

// rowHeights are the heights of a row without and with its warning line.
func (t *individualTab) rowHeights() (short, tall float32) {
	r := t.createRow().(*fyne.Container)
	short = r.MinSize().Height
	r.Objects[2].Show()
	return short, r.MinSize().Height
}

func (t *individualTab) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(t.shown) {
		return
	}
	p := t.shown[i]
	rows := o.(*fyne.Container).Objects
	line := rows[0].(*fyne.Container)
	line.Objects[0].(*widget.Label).SetText(p.FullName)
	line.Objects[1].(*widget.Label).SetText(p.StaffCode)
	reg := t.v.regs[domain.PersonSubject(p.StaffCode)]
	text := lang.L("Chưa đăng ký")
	if len(reg.Awards) > 0 {
		text = strings.Join(t.v.awardNames(reg.Awards), ", ")
	}
	rows[1].(*widget.Label).SetText(t.v.unitName(p.UnitCode) + " · " + text)
	warnRow := rows[2].(*fyne.Container)
	if ws := t.v.warnings[domain.PersonSubject(p.StaffCode)]; len(ws) > 0 {
		warnRow.Objects[0].(*widget.Label).SetText(strings.Join(ws, "; "))
		warnRow.Show()
	} else {
		warnRow.Hide()
	}
	o.(*fyne.Container).Refresh() // lay the lines out again for the warning shown or hidden
}

// refresh indexes the people again and offers the units of the year.
func (t *individualTab) refresh() {
	v := t.v
	t.index = domain.NewPeopleIndex(v.people)
	cur := t.unitSel.Selected
	opts := []string{lang.L("Mọi đơn vị")}
	t.unitOpts = nil
	for _, u := range v.activeUnits() {
		opts = append(opts, indent(v.tree.Depth[u.Code])+u.Name)
		t.unitOpts = append(t.unitOpts, u.Code)
	}
	t.unitSel.OnChanged = nil
	t.unitSel.SetOptions(opts)
	t.unitSel.SetSelectedIndex(0)
	for i, o := range opts {
		if o == cur {
			t.unitSel.SetSelectedIndex(i)
		}
	}
	t.unitSel.OnChanged = func(string) { t.apply() }
	if t.person.ID != 0 {
		found := false
		for _, p := range v.people {
			if p.ID == t.person.ID {
				t.open(p)
				found = true
			}
		}
		if !found {
			t.close()
		}
	}
	t.apply()
}

// chosenUnit is the unit code of the filter, "" for every unit.
func (t *individualTab) chosenUnit() string {
	i := t.unitSel.SelectedIndex()
	if i <= 0 || i-1 >= len(t.unitOpts) {
		return ""
	}
	return t.unitOpts[i-1]
}

// selectUnit sets the unit filter (tests and other areas).
func (t *individualTab) selectUnit(code string) {
	for i, c := range t.unitOpts {
		if c == code {
			t.unitSel.SetSelectedIndex(i + 1)
			return
		}
	}
	t.unitSel.SetSelectedIndex(0)
}

// apply filters the people by the search text and the unit.
func (t *individualTab) apply() {
	if t.index == nil {
		return
	}
	f := domain.PeopleFilter{Query: t.search.Text}
	if u := t.chosenUnit(); u != "" {
		f.Units = service.SubUnits(t.v.units, u)
	}
	t.shown = t.index.Filter(f)
	// Only the rows with a warning are taller; the list keeps one height
	// per row, so the rows made tall for the last filter are reset first.
	short, tall := t.rowHeights()
	for i := range t.tallRows {
		t.list.SetItemHeight(i, short)
	}
	t.tallRows = map[int]bool{}
	warned := 0
	for i, p := range t.shown {
		if len(t.v.warnings[domain.PersonSubject(p.StaffCode)]) > 0 {
			warned++
			t.tallRows[i] = true
			t.list.SetItemHeight(i, tall)
		}
	}
	text := fmt.Sprintf(lang.L("Hiển thị %d / %d cán bộ"), len(t.shown), t.index.Len())
	if warned > 0 {
		text += " · " + fmt.Sprintf(lang.L("%d cán bộ có cảnh báo"), warned)
	}
	t.count.SetText(text)
	t.list.Refresh()
	t.syncSelection()
}

// syncSelection highlights the open person in the list, or nothing, so
// that a row index left over from before the filter changed never stands
// for someone else.
func (t *individualTab) syncSelection() {
	for i, p := range t.shown {
		if p.ID == t.person.ID && p.ID != 0 {
			t.list.Select(i)
			return
		}
	}
	t.list.UnselectAll()
}

// open shows the person's registration on the right.
func (t *individualTab) open(p domain.Person) {
	v := t.v
	t.person = p
	t.name.SetText(fmt.Sprintf("%s (%s)", p.FullName, p.StaffCode))
	reg := v.regs[domain.PersonSubject(p.StaffCode)]
	t.awardBy = map[string]string{}
	var names, checked []string
	for _, a := range v.awardsFor(domain.SubjectPerson) {
		names = append(names, a.Name)
		t.awardBy[a.Name] = a.Code
	}
	for _, c := range reg.Awards {
		if a, ok := v.catalogue.Award(c); ok {
			checked = append(checked, a.Name)
		}
	}
	t.awards.Options = names
	t.awards.SetSelected(checked)
	t.awards.Refresh()
	t.note.SetText(reg.Note)
	t.showWarnings()
	t.hint.Hide()
	t.detail.Show()
	t.detail.Refresh()
}

func (t *individualTab) showWarnings() {
	ws := t.v.warnings[domain.PersonSubject(t.person.StaffCode)]
	if len(ws) == 0 {
		t.warnIcon.Hide()
		t.warnLbl.SetText("")
		t.warnLbl.Hide()
		t.warnNote.Hide()
		return
	}
	t.warnLbl.SetText(strings.Join(ws, "\n"))
	t.warnIcon.Show()
	t.warnLbl.Show()
	t.warnNote.Show()
}

func (t *individualTab) close() {
	t.person = domain.Person{}
	t.detail.Hide()
	t.hint.Show()
}

// openCode opens the person with the staff code (tests).
func (t *individualTab) openCode(code string) bool {
	for _, p := range t.v.people {
		if p.StaffCode == code {
			t.open(p)
			return true
		}
	}
	return false
}

// setAwards ticks the awards with the given codes.
func (t *individualTab) setAwards(codes ...string) {
	var names []string
	for _, a := range t.v.awardsFor(domain.SubjectPerson) {
		for _, c := range codes {
			if a.Code == c {
				names = append(names, a.Name)
			}
		}
	}
	t.awards.SetSelected(names)
}

// save stores the open person's registration; warnings never block it.
func (t *individualTab) save() {
	v := t.v
	if t.person.ID == 0 {
		return
	}
	var codes []string
	for _, a := range v.awardsFor(domain.SubjectPerson) {
		for _, name := range t.awards.Selected {
			if name == a.Name {
				codes = append(codes, a.Code)
			}
		}
	}
	reg := domain.Registration{Year: v.year, Subject: domain.PersonSubject(t.person.StaffCode), Awards: codes, Note: strings.TrimSpace(t.note.Text)}
	if err := v.svc.SaveRegistration(v.ctx, reg); err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.reloadYear()
	t.showWarnings()
	msg := fmt.Sprintf(lang.L("Đã lưu đăng ký của %s."), t.person.FullName)
	if len(v.warnings[reg.Subject]) > 0 {
		msg += " " + lang.L("Lưu ý các cảnh báo bên dưới.")
	}
	v.showBanner(msg, nil)
}

// onBulk registers everyone of the chosen unit (or the whole office) for
// Lao động tiên tiến after asking.
func (t *individualTab) onBulk() {
	v := t.v
	unit := t.chosenUnit()
	if unit == "" {
		root, ok := v.rootUnit()
		if !ok {
			v.tell(lang.L("Đăng ký LĐTT"), lang.L("Chưa có đơn vị nào."))
			return
		}
		unit = root.Code
	}
	sub := service.SubUnits(v.units, unit)
	n := 0
	for _, p := range v.people {
		if sub[p.UnitCode] {
			n++
		}
	}
	name := lang.L("Lao động tiên tiến")
	if a, ok := v.catalogue.Award(awardLDTT); ok {
		name = a.Name
	}
	v.ask(lang.L("Đăng ký LĐTT"),
		fmt.Sprintf(lang.L("Đăng ký danh hiệu “%s” năm %d cho %d cán bộ của %s (kể cả các đơn vị trực thuộc)?\nNgười đã đăng ký giữ nguyên các danh hiệu khác."), name, v.year, n, v.unitName(unit)),
		lang.L("Đăng ký"), false, func() { t.registerUnit(unit) })
}

func (t *individualTab) registerUnit(unit string) {
	v := t.v
	n, err := v.svc.RegisterUnitStaff(v.ctx, v.year, unit, awardLDTT)
	if err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.reloadYear()
	if t.person.ID != 0 {
		t.open(t.person)
	}
	v.tell(lang.L("Đăng ký LĐTT"), fmt.Sprintf(lang.L("Đã đăng ký thêm cho %d cán bộ của %s."), n, v.unitName(unit)))
}
