package staff

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/ui/kit"
)

// peopleList is the staff list: a virtual list (only the visible rows are
// widgets, so ten thousand people scroll smoothly) where Enter opens the
// focused person as Space does, and then moves into their record.
type peopleList struct {
	widget.List
	onEnter func()
}

// TypedKey opens the focused row on Enter.
func (l *peopleList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		if l.onEnter != nil {
			l.onEnter()
		}
		return
	}
	l.List.TypedKey(k)
}

// staffList is the middle column: search, filters, the list and its buttons.
type staffList struct {
	v        *View
	search   *keyEntry
	gender   *widget.RadioGroup
	position *widget.Select
	count    *widget.Label
	list     *peopleList
	selected int // index in v.shown, -1 none
	add      *widget.Button
	del      *widget.Button
	deleted  *widget.Button
	top      fyne.CanvasObject
	bottom   fyne.CanvasObject
}

func newStaffList(v *View) *staffList {
	s := &staffList{v: v, selected: -1}
	s.search = newKeyEntry()
	s.search.SetPlaceHolder(lang.L("Tìm tên, mã cán bộ, số CCCD…"))
	s.search.OnChanged = func(string) { s.apply() }
	s.search.OnSubmitted = s.onSearchEnter
	s.search.onDown = s.focusList
	s.search.onEscape = func() { s.search.SetText("") }
	s.gender = widget.NewRadioGroup([]string{lang.L("Tất cả"), lang.L("Nam"), lang.L("Nữ")}, func(string) { s.apply() })
	s.gender.Horizontal = true
	s.gender.Required = true
	s.gender.SetSelected(lang.L("Tất cả"))
	s.position = widget.NewSelect([]string{lang.L("Mọi chức vụ")}, func(string) { s.apply() })
	s.position.SetSelectedIndex(0)
	s.count = widget.NewLabel("")
	s.list = &peopleList{onEnter: s.openFocused}
	s.list.Length = func() int { return len(v.shown) }
	s.list.CreateItem = s.createRow
	s.list.UpdateItem = s.updateRow
	s.list.OnSelected = s.onSelected
	s.list.OnUnselected = func(widget.ListItemID) { s.selected = -1 }
	s.list.ExtendBaseWidget(s.list)

	s.add = widget.NewButtonWithIcon(lang.L("Thêm cán bộ"), theme.ContentAddIcon(), s.onAdd)
	s.add.Importance = widget.HighImportance
	s.del = widget.NewButtonWithIcon(lang.L("Xóa"), theme.DeleteIcon(), s.onDelete)
	s.del.Disable() // until someone is open
	s.deleted = widget.NewButtonWithIcon(lang.L("Đã xóa"), theme.HistoryIcon(), s.onShowDeleted)
	s.top = container.NewVBox(kit.Heading("Cán bộ"), s.search, s.gender, s.position, s.count)
	s.bottom = container.NewHBox(s.add, s.del, s.deleted)
	return s
}

func (s *staffList) createRow() fyne.CanvasObject {
	name := widget.NewLabel("Nguyễn Thị Minh Khai")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	code := widget.NewLabel("CB00000")
	detail := widget.NewLabel("Phó Trưởng phòng · Phòng Tổ chức cán bộ · 01/01/1980")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	return container.New(&tightRows{}, container.NewBorder(nil, nil, nil, code, name), detail)
}

func (s *staffList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.v.shown) {
		return
	}
	p := s.v.shown[i]
	rows := o.(*fyne.Container).Objects
	line := rows[0].(*fyne.Container)
	line.Objects[0].(*widget.Label).SetText(p.FullName)
	line.Objects[1].(*widget.Label).SetText(p.StaffCode)
	var parts []string
	if p.Position != "" {
		parts = append(parts, p.Position)
	}
	parts = append(parts, s.v.shortUnitName(p.UnitCode))
	if !p.BirthDate.IsZero() {
		parts = append(parts, fmt.Sprintf(lang.L("sinh %s"), p.BirthDate.VN()))
	}
	rows[1].(*widget.Label).SetText(strings.Join(parts, " · "))
}

// refreshOptions offers the positions present after a load.
func (s *staffList) refreshOptions() {
	cur := s.position.Selected
	opts := append([]string{lang.L("Mọi chức vụ")}, s.v.positions...)
	s.position.OnChanged = nil
	s.position.SetOptions(opts)
	s.position.SetSelectedIndex(0)
	for i, o := range opts {
		if o == cur {
			s.position.SetSelectedIndex(i)
		}
	}
	s.position.OnChanged = func(string) { s.apply() }
}

// filter is what the controls ask for.
func (s *staffList) filter() domain.PeopleFilter {
	f := domain.PeopleFilter{Query: s.search.Text, Units: s.v.unitPane.filter}
	switch s.gender.Selected {
	case lang.L("Nam"):
		f.Gender = domain.Male
	case lang.L("Nữ"):
		f.Gender = domain.Female
	}
	return f
}

// apply filters the indexed people (no reading, no allocation per person
// beyond the result) and keeps the open person highlighted if still shown.
func (s *staffList) apply() {
	v := s.v
	if v.index == nil {
		return
	}
	shown := v.index.Filter(s.filter())
	if i := s.position.SelectedIndex(); i > 0 {
		// Exact: "Trưởng phòng" must not also bring "Phó Trưởng phòng".
		pos := s.position.Selected
		kept := shown[:0]
		for _, p := range shown {
			if p.Position == pos {
				kept = append(kept, p)
			}
		}
		shown = kept
	}
	v.shown = shown
	s.count.SetText(fmt.Sprintf(lang.L("Hiển thị %d / %d cán bộ"), len(shown), v.index.Len()))
	s.list.Refresh()
	s.syncSelection()
}

// reveal highlights person id, clearing the filters if they hide them (a
// person just added must be seen in the list).
func (s *staffList) reveal(id int64) {
	if !slices.ContainsFunc(s.v.shown, func(p domain.Person) bool { return p.ID == id }) {
		s.search.SetText("")
		s.gender.SetSelected(lang.L("Tất cả"))
		s.position.SetSelectedIndex(0)
		s.v.unitPane.tree.UnselectAll()
		s.apply()
	}
	s.syncSelection()
}

// syncSelection highlights the open person in the list, or nothing.
func (s *staffList) syncSelection() {
	id := s.v.person.loaded.ID
	if id != 0 {
		for i, p := range s.v.shown {
			if p.ID == id {
				s.list.Select(i)
				s.selected = i
				return
			}
		}
	}
	s.list.UnselectAll()
	s.selected = -1
}

func (s *staffList) onSelected(i widget.ListItemID) {
	if i < 0 || i >= len(s.v.shown) {
		return
	}
	s.selected = i
	p := s.v.shown[i]
	if p.ID == s.v.person.loaded.ID {
		return
	}
	s.v.person.openAsking(p, s.syncSelection)
}

// onSearchEnter opens the first person found.
func (s *staffList) onSearchEnter(string) {
	if len(s.v.shown) == 0 {
		return
	}
	s.list.Select(0)
	s.openFocused()
}

func (s *staffList) focusList() {
	if c := s.v.win.Canvas(); c != nil && len(s.v.shown) > 0 {
		c.Focus(s.list)
	}
}

// openFocused moves the cursor into the open person's record.
func (s *staffList) openFocused() {
	if s.v.person.loaded.ID != 0 {
		s.v.person.focusFirst()
	}
}

func (s *staffList) onAdd() {
	s.v.person.openAsking(s.v.person.blank(), func() {})
}

func (s *staffList) onDelete() {
	v := s.v
	p := v.person.loaded
	if p.ID == 0 {
		v.tell(lang.L("Xóa cán bộ"), lang.L("Chọn một cán bộ trong danh sách trước."))
		return
	}
	v.ask(lang.L("Xóa cán bộ"),
		fmt.Sprintf(lang.L("Xóa %s (mã %s) khỏi danh sách?\nLịch sử xếp loại, khen thưởng vẫn được giữ; có thể hoàn tác hoặc khôi phục từ mục Đã xóa."), p.FullName, p.StaffCode),
		lang.L("Xóa"), true, func() { s.deletePerson(p) })
}

func (s *staffList) deletePerson(p domain.Person) {
	v := s.v
	if err := v.svc.DeletePerson(v.ctx, p.ID); err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.person.close()
	v.refresh()
	v.undoBtn = widget.NewButtonWithIcon(lang.L("Hoàn tác"), theme.ContentUndoIcon(), func() { s.restore(p) })
	v.showBanner(fmt.Sprintf(lang.L("Đã xóa %s."), p.FullName), v.undoBtn)
}

// restore undoes a deletion and opens the person again.
func (s *staffList) restore(p domain.Person) {
	v := s.v
	if err := v.svc.RestorePerson(v.ctx, p.ID); err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.clearBanner()
	v.refresh()
	if back, ok := v.personByID(p.ID); ok {
		v.person.openAsking(back, s.syncSelection)
		s.reveal(back.ID)
	}
	v.showBanner(fmt.Sprintf(lang.L("Đã khôi phục %s."), p.FullName), nil)
}

// deletedDialog lists the people deleted and restores one.
type deletedDialog struct {
	people  []domain.Person
	list    *widget.List
	restore *widget.Button
	picked  int
	dlg     *dialog.CustomDialog
}

func (s *staffList) onShowDeleted() {
	v := s.v
	ps, err := v.svc.DeletedPeople(v.ctx)
	if err != nil {
		kit.ShowError(v.win, err)
		return
	}
	if len(ps) == 0 {
		v.tell(lang.L("Cán bộ đã xóa"), lang.L("Chưa có cán bộ nào bị xóa."))
		return
	}
	d := &deletedDialog{people: ps, picked: -1}
	d.list = widget.NewList(func() int { return len(d.people) }, s.createRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		p := d.people[i]
		rows := o.(*fyne.Container).Objects
		line := rows[0].(*fyne.Container)
		line.Objects[0].(*widget.Label).SetText(p.FullName)
		line.Objects[1].(*widget.Label).SetText(p.StaffCode)
		rows[1].(*widget.Label).SetText(strings.Join([]string{p.Position, v.unitName(p.UnitCode)}, " · "))
	})
	d.restore = widget.NewButtonWithIcon(lang.L("Khôi phục"), theme.ContentUndoIcon(), func() {
		if d.picked < 0 {
			return
		}
		p := d.people[d.picked]
		d.dlg.Hide()
		s.restore(p)
	})
	d.restore.Importance = widget.HighImportance
	d.restore.Disable()
	d.list.OnSelected = func(i widget.ListItemID) {
		d.picked = i
		d.restore.Enable()
	}
	note := widget.NewLabel(lang.L("Chọn một người rồi bấm Khôi phục. Lịch sử của họ vẫn còn nguyên."))
	note.Wrapping = fyne.TextWrapWord
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("Cán bộ đã xóa"), container.NewBorder(note, nil, nil, nil, d.list), v.win)
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Đóng"), d.dlg.Hide), d.restore})
	d.dlg.Resize(fyne.NewSize(520, 420))
	v.deleted = d
	d.dlg.Show()
}
