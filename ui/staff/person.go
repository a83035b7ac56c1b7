package staff

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// personPanel is the right column: the open person's record in a kit.Form
// and their history in tabs.
type personPanel struct {
	v       *View
	loaded  domain.Person // as last read or saved; ID 0 for a new person
	isOpen  bool
	snap    []string // the form's text when opened, to notice unsaved changes
	heading *widget.Label

	form      *kit.Form
	code      *widget.Entry
	name      *widget.Entry
	birth     *widget.Entry
	gender    *widget.RadioGroup
	cccd      *widget.Entry
	position  *widget.SelectEntry
	ethnicity *widget.Entry
	unit      *widget.Select
	unitCodes []string // parallel to unit.Options
	moved     *widget.Entry
	movedRow  *fyne.Container
	recruited *widget.Entry
	note      *widget.Entry

	// The personal record an achievement report's section I asks for,
	// in a section of its own that folds away: most days nobody needs it.
	record          *kit.Form
	recordBox       *widget.Accordion
	homeTown        *widget.Entry
	residence       *widget.Entry
	religion        *widget.Entry
	education       *widget.Entry
	politicalTheory *widget.SelectEntry
	academicRank    *widget.Entry
	partyPost       *widget.Entry
	unionPost       *widget.Entry

	saveBtn *widget.Button
	status  *widget.Label
	scroll  *container.Scroll

	tabs     *container.AppTabs
	history  *historyTabs
	verdicts *personVerdicts
	changes  *personJournal

	empty   fyne.CanvasObject
	content fyne.CanvasObject
}

func newPersonPanel(v *View) *personPanel {
	pp := &personPanel{v: v}
	pp.heading = kit.Heading("Hồ sơ cán bộ")
	pp.heading.Truncation = fyne.TextTruncateEllipsis
	entry := func() *widget.Entry {
		e := widget.NewEntry()
		e.OnSubmitted = func(string) { pp.save() }
		return e
	}
	date := func() *widget.Entry {
		e := kit.DateEntry()
		e.OnSubmitted = func(string) { pp.save() }
		return e
	}
	pp.code = entry()
	pp.name = entry()
	pp.birth = date()
	pp.gender = widget.NewRadioGroup([]string{lang.L("Nam"), lang.L("Nữ")}, nil)
	pp.gender.Horizontal = true
	pp.cccd = entry()
	pp.cccd.SetPlaceHolder(lang.L("12 chữ số"))
	pp.position = widget.NewSelectEntry(nil)
	pp.position.OnSubmitted = func(string) { pp.save() }
	pp.ethnicity = entry()
	pp.unit = widget.NewSelect(nil, func(string) { pp.showMoved() })
	pp.unit.PlaceHolder = lang.L("(chọn đơn vị)")
	pp.moved = date()
	pp.movedRow = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Chuyển từ ngày")), nil, pp.moved)
	pp.movedRow.Hide()
	pp.recruited = date()
	pp.note = entry()

	f := kit.NewForm()
	f.Add(rules.FieldStaffCode, pp.code, "")
	f.Add(rules.FieldFullName, pp.name, "")
	f.Add(rules.FieldBirthDate, pp.birth, "")
	f.Add(rules.FieldGender, pp.gender, "")
	f.Add(rules.FieldCCCD, pp.cccd, "")
	f.Add(rules.FieldPosition, pp.position, "")
	f.Add(rules.FieldEthnicity, pp.ethnicity, "")
	f.Add(rules.FieldUnit, container.NewVBox(pp.unit, pp.movedRow), "")
	f.Add(rules.FieldRecruited, pp.recruited, "")
	f.Add(rules.FieldNote, pp.note, "")
	pp.form = f

	pp.homeTown = entry()
	pp.homeTown.SetPlaceHolder(lang.L("xã/phường, tỉnh/thành phố"))
	pp.residence = entry()
	pp.residence.SetPlaceHolder(lang.L("nơi ở hiện nay"))
	pp.religion = entry()
	pp.religion.SetPlaceHolder("Không") // the word the report prints for none
	pp.education = entry()
	pp.education.SetPlaceHolder(lang.L("ví dụ Cử nhân Kinh tế"))
	pp.politicalTheory = widget.NewSelectEntry(politicalTheoryLevels())
	pp.politicalTheory.OnSubmitted = func(string) { pp.save() }
	pp.academicRank = entry()
	pp.academicRank.SetPlaceHolder(lang.L("ví dụ Thạc sĩ Quản lý kinh tế"))
	pp.partyPost = entry()
	pp.partyPost.SetPlaceHolder(lang.L("ví dụ Bí thư Chi bộ"))
	pp.unionPost = entry()
	pp.unionPost.SetPlaceHolder(lang.L("ví dụ Tổ trưởng Công đoàn"))
	r := kit.NewForm()
	r.Add(rules.FieldHomeTown, pp.homeTown, "")
	r.Add(rules.FieldResidence, pp.residence, "")
	r.Add(rules.FieldReligion, pp.religion, "")
	r.Add(rules.FieldEducation, pp.education, "")
	r.Add(rules.FieldPoliticalTheory, pp.politicalTheory, "")
	r.Add(rules.FieldAcademicRank, pp.academicRank, "")
	r.Add(rules.FieldPartyPost, pp.partyPost, "")
	r.Add(rules.FieldUnionPost, pp.unionPost, "")
	pp.record = r
	pp.recordBox = widget.NewAccordion(widget.NewAccordionItem(lang.L("Lý lịch (cho báo cáo thành tích)"), r.Content()))

	pp.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu"), theme.DocumentSaveIcon(), pp.save)
	pp.saveBtn.Importance = widget.HighImportance
	pp.status = widget.NewLabel("")
	pp.status.Importance = widget.SuccessImportance
	pp.status.Truncation = fyne.TextTruncateEllipsis
	actions := container.NewBorder(nil, nil, pp.saveBtn, nil, pp.status)
	pp.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(f.Content(), pp.recordBox)))
	record := container.NewBorder(nil, actions, nil, nil, pp.scroll)

	pp.history = newHistoryTabs(v)
	pp.verdicts = newPersonVerdicts(v)
	pp.changes = newPersonJournal(v)
	pp.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Hồ sơ"), record),
		container.NewTabItem(lang.L("Công tác"), pp.history.assign.content),
		container.NewTabItem(lang.L("Xếp loại"), pp.history.ratings.content),
		container.NewTabItem(lang.L("Khen thưởng"), pp.history.awards.content),
		container.NewTabItem(lang.L("Sáng kiến"), pp.history.inits.content),
		container.NewTabItem(lang.L("Kỷ luật"), pp.history.discs.content),
		container.NewTabItem(lang.L("Xét khen thưởng"), pp.verdicts.content),
		container.NewTabItem(personJournalTitle(), pp.changes.content),
	)
	pp.tabs.OnSelected = func(ti *container.TabItem) {
		if ti.Content == pp.verdicts.content {
			pp.verdicts.shown()
		}
		if ti.Content == pp.changes.content {
			pp.changes.shown()
		}
	}
	hint := widget.NewLabel(lang.L("Chọn một cán bộ trong danh sách để xem và sửa hồ sơ, hoặc bấm \"Thêm cán bộ\"."))
	hint.Wrapping = fyne.TextWrapWord
	pp.empty = container.NewVBox(hint)
	pp.tabs.Hide()
	pp.content = container.NewBorder(pp.heading, nil, nil, nil, container.NewStack(pp.empty, pp.tabs))
	return pp
}

// politicalTheoryLevels are the levels of political theory training people
// usually hold; the entry takes any other wording too. They are the data's
// words, printed as they are in Vietnamese reports, so not translated.
func politicalTheoryLevels() []string {
	return []string{"Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"}
}

// refreshOptions offers the units and positions of the latest load.
func (pp *personPanel) refreshOptions() {
	v := pp.v
	pp.position.SetOptions(v.positions)
	codes := v.unitsInTreeOrder()
	names := map[string]int{}
	for _, c := range codes {
		names[v.unitName(c)]++
	}
	opts := make([]string, len(codes))
	for i, c := range codes {
		opts[i] = v.unitName(c)
		if names[opts[i]] > 1 {
			opts[i] = fmt.Sprintf("%s (%s)", opts[i], c)
		}
	}
	cur := pp.selectedUnit()
	onChanged := pp.unit.OnChanged
	pp.unit.OnChanged = nil
	pp.unitCodes = codes
	pp.unit.SetOptions(opts)
	pp.setUnit(cur)
	pp.unit.OnChanged = onChanged
}

func (pp *personPanel) selectedUnit() string {
	if i := pp.unit.SelectedIndex(); i >= 0 && i < len(pp.unitCodes) {
		return pp.unitCodes[i]
	}
	return ""
}

func (pp *personPanel) setUnit(code string) {
	if i := slices.Index(pp.unitCodes, code); i >= 0 {
		pp.unit.SetSelectedIndex(i)
	} else {
		pp.unit.ClearSelected()
	}
}

// showMoved asks for the transfer date only when an existing person changes unit.
func (pp *personPanel) showMoved() {
	if pp.loaded.ID != 0 && pp.selectedUnit() != pp.loaded.UnitCode {
		if pp.moved.Text == "" {
			pp.moved.SetText(pp.v.svc.Today().VN())
		}
		pp.movedRow.Show()
	} else {
		pp.moved.SetText("")
		pp.movedRow.Hide()
	}
	// The unit's row grew or shrank: lay the form out again.
	pp.form.Content().Refresh()
	pp.scroll.Refresh()
}

// blank is a new person with the usual defaults.
func (pp *personPanel) blank() domain.Person {
	p := domain.Person{Ethnicity: "Kinh"}
	if u := pp.v.unitPane.selected; u != "" {
		p.UnitCode = u
	}
	return p
}

// openAsking opens p, first asking whether to drop unsaved changes;
// declined runs when the person stays.
func (pp *personPanel) openAsking(p domain.Person, declined func()) {
	if !pp.dirty() {
		pp.openAndFocus(p)
		return
	}
	who := pp.loaded.FullName
	if who == "" {
		who = lang.L("cán bộ mới")
	}
	v := pp.v
	accepted := false
	v.ask(lang.L("Thay đổi chưa lưu"),
		fmt.Sprintf(lang.L("Hồ sơ %s có thay đổi chưa lưu. Bỏ các thay đổi đó?"), who),
		lang.L("Bỏ thay đổi"), false, func() {
			accepted = true
			pp.openAndFocus(p)
		})
	v.confirm.SetOnClosed(func() {
		if !accepted {
			declined()
		}
	})
}

func (pp *personPanel) openAndFocus(p domain.Person) {
	pp.open(p)
	pp.v.list.syncSelection()
	if p.ID == 0 {
		pp.focusFirst()
	}
}

// open fills the form and the history with p.
func (pp *personPanel) open(p domain.Person) {
	pp.loaded = p
	pp.isOpen = true
	pp.code.SetText(p.StaffCode)
	pp.name.SetText(p.FullName)
	pp.birth.SetText(p.BirthDate.VN())
	pp.gender.SetSelected(lang.L(p.Gender.Label()))
	pp.cccd.SetText(p.CCCD)
	pp.position.SetText(p.Position)
	pp.ethnicity.SetText(p.Ethnicity)
	onChanged := pp.unit.OnChanged
	pp.unit.OnChanged = nil
	pp.setUnit(p.UnitCode)
	pp.unit.OnChanged = onChanged
	pp.moved.SetText("")
	if pp.movedRow.Visible() {
		pp.movedRow.Hide()
		pp.form.Content().Refresh()
		pp.scroll.Refresh()
	}
	pp.recruited.SetText(p.RecruitedOn.VN())
	pp.note.SetText(p.Note)
	pp.homeTown.SetText(p.HomeTown)
	pp.residence.SetText(p.Residence)
	pp.religion.SetText(p.Religion)
	pp.education.SetText(p.Education)
	pp.politicalTheory.SetText(p.PoliticalTheory)
	pp.academicRank.SetText(p.AcademicRank)
	pp.partyPost.SetText(p.PartyPost)
	pp.unionPost.SetText(p.UnionPost)
	pp.form.ClearErrors()
	pp.record.ClearErrors()
	pp.status.SetText("")
	pp.snap = pp.snapshot()
	if p.ID == 0 {
		pp.heading.SetText(lang.L("Thêm cán bộ mới"))
		pp.tabs.SelectIndex(0)
		for i := 1; i < len(pp.tabs.Items); i++ {
			pp.tabs.DisableIndex(i)
		}
	} else {
		pp.heading.SetText(fmt.Sprintf(lang.L("%s – mã %s"), p.FullName, p.StaffCode))
		for i := 1; i < len(pp.tabs.Items); i++ {
			pp.tabs.EnableIndex(i)
		}
	}
	pp.history.load(p)
	pp.changes.load(p, pp.tabs.Selected() != nil && pp.tabs.Selected().Content == pp.changes.content)
	if p.ID != 0 {
		pp.verdicts.load(p, pp.tabs.Selected() != nil && pp.tabs.Selected().Content == pp.verdicts.content)
	}
	pp.empty.Hide()
	pp.tabs.Show()
	if p.ID != 0 {
		pp.v.list.del.Enable()
	} else {
		pp.v.list.del.Disable()
	}
}

// close shows nobody.
func (pp *personPanel) close() {
	pp.loaded = domain.Person{}
	pp.isOpen = false
	pp.snap = nil
	pp.heading.SetText(lang.L("Hồ sơ cán bộ"))
	pp.tabs.Hide()
	pp.empty.Show()
	pp.v.list.del.Disable()
}

func (pp *personPanel) focusFirst() {
	c := pp.v.win.Canvas()
	if c == nil {
		return
	}
	pp.tabs.SelectIndex(0)
	if pp.loaded.ID == 0 {
		c.Focus(pp.code)
	} else {
		c.Focus(pp.name)
	}
}

func (pp *personPanel) snapshot() []string {
	return []string{pp.code.Text, pp.name.Text, pp.birth.Text, pp.gender.Selected, pp.cccd.Text, pp.position.Text,
		pp.ethnicity.Text, pp.unit.Selected, pp.moved.Text, pp.recruited.Text, pp.note.Text,
		pp.homeTown.Text, pp.residence.Text, pp.religion.Text, pp.education.Text, pp.politicalTheory.Text,
		pp.academicRank.Text, pp.partyPost.Text, pp.unionPost.Text}
}

// dirty reports whether the form holds changes not saved yet.
func (pp *personPanel) dirty() bool {
	return pp.isOpen && !slices.Equal(pp.snap, pp.snapshot())
}

// read turns the form into a person and the transfer date, noting text
// that is not a day under its field.
func (pp *personPanel) read() (domain.Person, domain.Date, fieldErrs) {
	var errs fieldErrs
	p := pp.loaded
	p.StaffCode = pp.code.Text
	p.FullName = pp.name.Text
	p.BirthDate = errs.date(pp.birth.Text, rules.FieldBirthDate)
	switch pp.gender.Selected {
	case lang.L("Nam"):
		p.Gender = domain.Male
	case lang.L("Nữ"):
		p.Gender = domain.Female
	default:
		p.Gender = ""
	}
	p.CCCD = pp.cccd.Text
	p.Position = pp.position.Text
	p.Ethnicity = pp.ethnicity.Text
	p.UnitCode = pp.selectedUnit()
	p.RecruitedOn = errs.date(pp.recruited.Text, rules.FieldRecruited)
	p.Note = pp.note.Text
	p.HomeTown = pp.homeTown.Text
	p.Residence = pp.residence.Text
	p.Religion = pp.religion.Text
	p.Education = pp.education.Text
	p.PoliticalTheory = pp.politicalTheory.Text
	p.AcademicRank = pp.academicRank.Text
	p.PartyPost = pp.partyPost.Text
	p.UnionPost = pp.unionPost.Text
	moved := pp.v.svc.Today()
	if pp.movedRow.Visible() {
		if d := errs.date(pp.moved.Text, rules.FieldUnit); !d.IsZero() {
			moved = d
		}
	}
	return p, moved, errs
}

// save stores the form through the service. Every problem appears under
// its field and nothing else changes; on success the list is refreshed and
// the person stays open and highlighted.
func (pp *personPanel) save() {
	v := pp.v
	pp.status.SetText("")
	p, moved, errs := pp.read()
	if len(errs) > 0 {
		// Show the rules' other complaints too, so that one press of Lưu
		// lists everything to fix (ShowErrors keeps the first per field).
		errs = append(errs, rules.ValidatePerson(service.CleanPerson(p), v.svc.Today())...)
		pp.showErrors(errs.err())
		return
	}
	saved, err := v.svc.SavePerson(v.ctx, p, moved)
	if err != nil {
		if rest := pp.showErrors(err); rest != nil {
			kit.ShowError(v.win, rest)
		}
		return
	}
	pp.form.ClearErrors()
	pp.record.ClearErrors()
	// Forget the typed text first, so that the reload does not keep it as
	// unsaved changes; the saved record is opened again below.
	pp.loaded, pp.isOpen = domain.Person{}, false
	v.refresh()
	if back, ok := v.personByID(saved.ID); ok {
		pp.open(back)
	} else {
		pp.open(saved)
	}
	v.list.reveal(saved.ID)
	pp.status.SetText(fmt.Sprintf(lang.L("Đã lưu hồ sơ %s."), saved.FullName))
}

// showErrors puts each problem under its field in either part of the
// record, unfolding the personal record when one is there, and returns
// what belongs to no field.
func (pp *personPanel) showErrors(err error) error {
	pp.record.ClearErrors()
	rest := pp.form.ShowErrors(err)
	if rest == nil {
		return nil
	}
	rest = pp.record.ShowErrors(rest)
	for _, fd := range pp.record.Fields {
		if fd.Error.Text != "" {
			pp.recordBox.Open(0)
			break
		}
	}
	return rest
}
