package staff

import (
	"fmt"

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

// Labels of the unit form, as the service names them in its FieldErrors.
const (
	fieldUnitCode   = "Mã đơn vị"
	fieldUnitName   = "Tên đơn vị"
	fieldUnitParent = "Đơn vị cấp trên"
	fieldUnitKind   = "Loại"
	fieldUnitFrom   = "Hiệu lực từ"
	fieldUnitTo     = "Hiệu lực đến"
)

// unitKindsInForm is the order of the Loại select: what clerks add most first.
var unitKindsInForm = []domain.UnitKind{domain.UnitDepartment, domain.UnitGrassroots, domain.UnitProvince}

// unitPane is the left column: the unit tree and its buttons.
type unitPane struct {
	v        *View
	tree     *widget.Tree
	selected string // unit code, "" for all
	filter   map[string]bool
	add      *widget.Button
	edit     *widget.Button
	del      *widget.Button
	review   *widget.Button
	editor   *unitEditor   // the last editor opened (tests drive it)
	verdicts *unitVerdicts // the last "Xét khen thưởng đơn vị" dialog (tests read it)
	content  fyne.CanvasObject
}

func newUnitPane(v *View) *unitPane {
	u := &unitPane{v: v}
	u.tree = widget.NewTree(u.childUIDs, u.isBranch, u.createNode, u.updateNode)
	u.tree.OnSelected = u.onSelected
	u.tree.OnUnselected = u.onUnselected
	u.add = widget.NewButtonWithIcon(lang.L("Thêm đơn vị"), theme.ContentAddIcon(), u.onAdd)
	u.edit = widget.NewButtonWithIcon(lang.L("Sửa"), theme.DocumentCreateIcon(), u.onEdit)
	u.del = widget.NewButtonWithIcon(lang.L("Xóa"), theme.DeleteIcon(), u.onDelete)
	u.review = widget.NewButtonWithIcon(lang.L("Xét khen thưởng đơn vị…"), theme.ListIcon(), u.onVerdicts)
	all := widget.NewButtonWithIcon(lang.L("Tất cả đơn vị"), theme.ViewRefreshIcon(), u.tree.UnselectAll)
	all.Importance = widget.LowImportance
	top := container.NewVBox(kit.Heading("Đơn vị"), all)
	// Two rows keep the column narrow, leaving room for the record's tabs.
	bottom := container.NewVBox(u.add, container.NewGridWithColumns(2, u.edit, u.del), u.review)
	u.content = container.NewBorder(top, bottom, nil, nil, u.tree)
	u.enableButtons()
	return u
}

func (u *unitPane) childUIDs(id widget.TreeNodeID) []widget.TreeNodeID { return u.v.children[id] }

func (u *unitPane) isBranch(id widget.TreeNodeID) bool { return id == "" || len(u.v.children[id]) > 0 }

func (u *unitPane) createNode(bool) fyne.CanvasObject {
	name := widget.NewLabel("Phòng Tổ chức cán bộ")
	name.Truncation = fyne.TextTruncateEllipsis
	// The headcount sits apart on the right so a long name never hides it.
	return container.NewBorder(nil, nil, nil, widget.NewLabel("0000"), name)
}

func (u *unitPane) updateNode(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	objs := o.(*fyne.Container).Objects
	objs[0].(*widget.Label).SetText(u.name(id))
	objs[1].(*widget.Label).SetText(fmt.Sprint(u.v.headcount[id]))
}

// name is how a unit appears in the tree.
func (u *unitPane) name(code string) string {
	un, ok := u.v.unitByCode[code]
	if !ok {
		return code
	}
	name := u.v.shortUnitName(code)
	if !un.ValidTo.IsZero() && un.ValidTo.Before(u.v.svc.Today()) {
		return fmt.Sprintf(lang.L("%s (hết hiệu lực)"), name)
	}
	return name
}

// refresh shows freshly loaded units, keeping the selection if the unit still exists.
func (u *unitPane) refresh() {
	if _, ok := u.v.unitByCode[u.selected]; !ok && u.selected != "" {
		u.selected = ""
		u.tree.UnselectAll()
	}
	u.setFilter()
	u.tree.Refresh()
	u.tree.OpenAllBranches()
	u.enableButtons()
}

func (u *unitPane) setFilter() {
	u.filter = nil
	if u.selected != "" {
		u.filter = service.SubUnits(u.v.units, u.selected)
	}
}

func (u *unitPane) onSelected(id widget.TreeNodeID) {
	u.selected = id
	u.setFilter()
	u.enableButtons()
	u.v.list.apply()
}

func (u *unitPane) onUnselected(widget.TreeNodeID) {
	u.selected = ""
	u.setFilter()
	u.enableButtons()
	u.v.list.apply()
}

func (u *unitPane) enableButtons() {
	if u.selected == "" {
		u.edit.Disable()
		u.del.Disable()
		u.review.Disable()
	} else {
		u.edit.Enable()
		u.del.Enable()
		u.review.Enable()
	}
}

// onAdd opens an empty unit beside the selected one: under the office when
// the office or a department is selected, as departments rarely have
// sub-units of their own.
func (u *unitPane) onAdd() {
	parent := u.selected
	if un, ok := u.v.unitByCode[parent]; ok && un.Kind != domain.UnitProvince && un.ParentCode != "" {
		parent = un.ParentCode
	}
	if parent == "" && len(u.v.children[""]) > 0 {
		parent = u.v.children[""][0]
	}
	u.openEditor(domain.Unit{ParentCode: parent, Kind: domain.UnitDepartment}, true)
}

func (u *unitPane) onEdit() {
	if un, ok := u.v.unitByCode[u.selected]; ok {
		u.openEditor(un, false)
	}
}

func (u *unitPane) onDelete() {
	un, ok := u.v.unitByCode[u.selected]
	if !ok {
		return
	}
	if n := len(u.v.children[un.Code]); n > 0 {
		u.v.tell(lang.L("Không xóa được đơn vị"), fmt.Sprintf(lang.L("%s còn %d đơn vị cấp dưới. Chuyển hoặc xóa các đơn vị đó trước."), un.Name, n))
		return
	}
	if n := u.v.headcount[un.Code]; n > 0 {
		u.v.tell(lang.L("Không xóa được đơn vị"), fmt.Sprintf(lang.L("%s còn %d cán bộ. Chuyển họ sang đơn vị khác trước."), un.Name, n))
		return
	}
	u.v.ask(lang.L("Xóa đơn vị"), fmt.Sprintf(lang.L("Xóa đơn vị %s (mã %s)?"), un.Name, un.Code), lang.L("Xóa"), true, func() {
		if err := u.v.svc.DeleteUnit(u.v.ctx, un.Code); err != nil {
			kit.ShowError(u.v.win, err)
			return
		}
		u.tree.UnselectAll()
		u.v.refresh()
	})
}

// unitEditor is the dialog for one unit.
type unitEditor struct {
	*editor
	u        *unitPane
	isNew    bool
	code     *keyEntry
	name     *keyEntry
	parent   *widget.Select
	parents  []string // unit codes parallel to parent.Options; "" for none
	kind     *widget.Select
	from, to *keyEntry
	// What a collective's achievement report says of the unit.
	address, partyOrg, unionOrg, youthOrg *keyEntry
}

func (u *unitPane) openEditor(un domain.Unit, isNew bool) {
	v := u.v
	e := &unitEditor{editor: v.newEditor(), u: u, isNew: isNew}
	e.code = e.entry(un.Code)
	if !isNew {
		// The code is the unit's key: people and history point to it.
		e.code.Disable()
	}
	e.name = e.entry(un.Name)
	// A unit cannot sit below itself or one of its own sub-units.
	var below map[string]bool
	if !isNew {
		below = service.SubUnits(v.units, un.Code)
	}
	opts := []string{lang.L("(không có – đơn vị gốc)")}
	e.parents = []string{""}
	for _, code := range v.unitsInTreeOrder() {
		if below[code] {
			continue
		}
		opts = append(opts, v.unitName(code))
		e.parents = append(e.parents, code)
	}
	e.parent = newSelect(opts)
	for i, c := range e.parents {
		if c == un.ParentCode {
			e.parent.SetSelectedIndex(i)
		}
	}
	var kinds []string
	for _, k := range unitKindsInForm {
		kinds = append(kinds, lang.L(k.Label()))
	}
	e.kind = newSelect(kinds)
	for i, k := range unitKindsInForm {
		if k == un.Kind {
			e.kind.SetSelectedIndex(i)
		}
	}
	e.from = e.date(un.ValidFrom)
	e.to = e.date(un.ValidTo)
	e.form.Add(fieldUnitCode, e.code, "ví dụ PTC, 4201")
	e.form.Add(fieldUnitName, e.name, "")
	e.form.Add(fieldUnitParent, e.parent, "")
	e.form.Add(fieldUnitKind, e.kind, "")
	e.form.Add(fieldUnitFrom, e.from, "để trống nếu không rõ")
	e.form.Add(fieldUnitTo, e.to, "để trống nếu đơn vị còn hoạt động")
	// Examples as placeholders rather than hints: the dialog must stay
	// short enough for a 768-pixel screen.
	e.address = e.entry(un.Address)
	e.address.SetPlaceHolder(lang.L("số nhà, đường, xã/phường, tỉnh/thành phố"))
	e.partyOrg = e.entry(un.PartyOrg)
	e.partyOrg.SetPlaceHolder(lang.L("ví dụ Chi bộ Văn phòng"))
	e.unionOrg = e.entry(un.UnionOrg)
	e.unionOrg.SetPlaceHolder(lang.L("ví dụ Công đoàn bộ phận Văn phòng"))
	e.youthOrg = e.entry(un.YouthOrg)
	e.youthOrg.SetPlaceHolder(lang.L("ví dụ Chi đoàn Văn phòng"))
	e.form.Add(rules.FieldUnitAddress, e.address, "")
	e.form.Add(rules.FieldPartyOrg, e.partyOrg, "")
	e.form.Add(rules.FieldUnionOrg, e.unionOrg, "")
	e.form.Add(rules.FieldYouthOrg, e.youthOrg, "")
	title := lang.L("Thêm đơn vị")
	var first fyne.Focusable = e.code
	if !isNew {
		title = fmt.Sprintf(lang.L("Sửa đơn vị %s"), un.Name)
		first = e.name
	}
	u.editor = e
	e.show(title, first, e.store, e.done)
}

func (e *unitEditor) read() (domain.Unit, fieldErrs) {
	var errs fieldErrs
	un := domain.Unit{Code: e.code.Text, Name: e.name.Text,
		Address: e.address.Text, PartyOrg: e.partyOrg.Text, UnionOrg: e.unionOrg.Text, YouthOrg: e.youthOrg.Text}
	if i := e.parent.SelectedIndex(); i >= 0 {
		un.ParentCode = e.parents[i]
	}
	if i := e.kind.SelectedIndex(); i >= 0 {
		un.Kind = unitKindsInForm[i]
	} else {
		errs.add(fieldUnitKind, lang.L("chọn Phòng, BHXH cơ sở hoặc Tỉnh"))
	}
	un.ValidFrom = errs.date(e.from.Text, fieldUnitFrom)
	un.ValidTo = errs.date(e.to.Text, fieldUnitTo)
	return un, errs
}

func (e *unitEditor) store() error {
	un, errs := e.read()
	if err := errs.err(); err != nil {
		return err
	}
	if e.isNew {
		if old, ok := e.u.v.unitByCode[un.Code]; ok {
			return domain.FieldError{Field: fieldUnitCode, Msg: fmt.Sprintf(lang.L("đã dùng cho %s; chọn mã khác"), old.Name)}
		}
	}
	return e.u.v.svc.SaveUnit(e.u.v.ctx, un)
}

func (e *unitEditor) done() {
	code := rules.Clean(e.code.Text)
	e.u.v.refresh()
	e.u.tree.Select(code)
	e.u.tree.ScrollTo(code)
}
