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
	"tdkt/ui/kit"
)

// collectiveTab registers the office and each of its units: the titles
// aimed for and the commitment to each target of the year's movements.
type collectiveTab struct {
	v     *View
	units []domain.Unit // active in the year, tree order
	list  *widget.List

	unit    string // code of the unit open on the right
	title   *widget.Label
	awards  *widget.CheckGroup
	awardBy map[string]string // shown name → code
	note    *widget.Entry
	targets *kit.Form
	planned map[int64]*widget.Entry // target id → planned entry
	values  map[int64]domain.TargetValue
	tgtNone *widget.Label
	saveBtn *widget.Button
	right   *fyne.Container
	detail  fyne.CanvasObject
	hint    fyne.CanvasObject
	content fyne.CanvasObject
}

func newCollectiveTab(v *View) *collectiveTab {
	t := &collectiveTab{v: v}
	t.list = widget.NewList(func() int { return len(t.units) }, func() fyne.CanvasObject {
		name := widget.NewLabel("Phòng Kế hoạch - Tài chính xxxxxxxx")
		name.Truncation = fyne.TextTruncateEllipsis
		awards := widget.NewLabel("")
		awards.SizeName = theme.SizeNameCaptionText
		awards.Truncation = fyne.TextTruncateEllipsis
		return container.NewVBox(name, awards)
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(t.units) {
			return
		}
		u := t.units[i]
		objs := o.(*fyne.Container).Objects
		objs[0].(*widget.Label).SetText(indent(v.tree.Depth[u.Code]) + u.Name)
		reg := v.regs[domain.UnitSubject(u.Code)]
		text := lang.L("Chưa đăng ký")
		if len(reg.Awards) > 0 {
			text = strings.Join(v.awardNames(reg.Awards), ", ")
		}
		objs[1].(*widget.Label).SetText(indent(v.tree.Depth[u.Code]) + text)
	})
	t.list.OnSelected = func(i widget.ListItemID) {
		if i < len(t.units) {
			t.open(t.units[i].Code)
		}
	}
	t.title = kit.Heading("")
	t.awards = widget.NewCheckGroup(nil, nil)
	t.note = widget.NewMultiLineEntry()
	t.note.SetMinRowsVisible(2)
	t.targets = kit.NewForm()
	t.tgtNone = widget.NewLabel(lang.L("Không có phong trào nào diễn ra trong năm này có chỉ tiêu. Ghi phong trào và chỉ tiêu ở thẻ “Phong trào”."))
	t.tgtNone.Wrapping = fyne.TextWrapWord
	t.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu đăng ký"), theme.DocumentSaveIcon(), t.save)
	t.saveBtn.Importance = widget.HighImportance
	t.right = container.NewVBox()
	t.hint = widget.NewLabel(lang.L("Chọn đơn vị ở bên trái để đăng ký danh hiệu và chỉ tiêu."))
	t.detail = container.NewBorder(nil, container.NewHBox(t.saveBtn), nil, nil, container.NewVScroll(t.right))
	split := kit.Split("registration.collective", true, t.list, container.NewStack(t.hint, t.detail), 0.35)
	t.detail.Hide()
	t.content = split
	return t
}

// refresh takes the units of the year again and reopens the open unit.
func (t *collectiveTab) refresh() {
	t.units = t.v.activeUnits()
	t.list.Refresh()
	open := t.unit
	t.unit = ""
	for i, u := range t.units {
		if u.Code == open {
			t.list.Select(i)
			return
		}
	}
	t.list.UnselectAll()
	t.detail.Hide()
	t.hint.Show()
}

func (t *collectiveTab) refreshList() { t.list.Refresh() }

// open shows the registration of the unit with the given code.
func (t *collectiveTab) open(code string) {
	v := t.v
	t.unit = code
	t.title.SetText(v.unitName(code))
	reg := v.regs[domain.UnitSubject(code)]

	t.awardBy = map[string]string{}
	var names, checked []string
	for _, a := range v.awardsFor(domain.SubjectCollective) {
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

	t.values = map[int64]domain.TargetValue{}
	if vals, err := v.svc.TargetValues(v.ctx, v.year, code); err != nil {
		kit.ShowError(v.win, err)
	} else {
		for _, tv := range vals {
			t.values[tv.TargetID] = tv
		}
	}
	t.targets = kit.NewForm()
	t.planned = map[int64]*widget.Entry{}
	n := 0
	for _, m := range v.yearMovements() {
		for _, tg := range m.Targets {
			e := widget.NewEntry()
			e.SetPlaceHolder(lang.L("Kế hoạch"))
			if tv, ok := t.values[tg.ID]; ok {
				e.SetText(kit.FormatNumber(tv.Planned))
			}
			t.planned[tg.ID] = e
			t.targets.Add(targetLabel(tg), e, m.Name)
			n++
		}
	}
	objs := []fyne.CanvasObject{t.title,
		widget.NewLabelWithStyle(lang.L("Danh hiệu, hình thức đăng ký"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), t.awards,
		widget.NewLabelWithStyle(lang.L("Chỉ tiêu cam kết"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	if n == 0 {
		objs = append(objs, t.tgtNone)
	} else {
		objs = append(objs, t.targets.Content())
	}
	objs = append(objs, widget.NewLabelWithStyle(lang.L("Ghi chú"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), t.note)
	t.right.Objects = objs
	t.right.Refresh()
	t.hint.Hide()
	t.detail.Show()
}

// targetLabel is a target as its form line reads: "Tỷ lệ bao phủ BHYT (%)".
func targetLabel(tg domain.Target) string {
	if tg.Unit == "" {
		return tg.Name
	}
	return fmt.Sprintf("%s (%s)", tg.Name, tg.Unit)
}

// setAwards ticks the awards with the given codes (tests and keyboard users).
func (t *collectiveTab) setAwards(codes ...string) {
	var names []string
	for name, c := range t.awardBy {
		for _, want := range codes {
			if c == want {
				names = append(names, name)
			}
		}
	}
	t.awards.SetSelected(names)
}

// save stores the registration and the planned values of the open unit.
// A planned value that is not a number is shown under its target and
// nothing is saved.
func (t *collectiveTab) save() {
	v := t.v
	if t.unit == "" {
		return
	}
	t.targets.ClearErrors()
	var errs domain.FieldErrors
	var vals []domain.TargetValue
	var labels []string
	for _, m := range v.yearMovements() {
		for _, tg := range m.Targets {
			e := t.planned[tg.ID]
			if e == nil {
				continue
			}
			x, ok, err := kit.ParseNumber(e.Text)
			if err != nil {
				errs = append(errs, domain.FieldError{Field: targetLabel(tg), Msg: lang.L("nhập một số, ví dụ 95,5")})
				continue
			}
			if !ok {
				continue
			}
			tv := t.values[tg.ID]
			tv.Year, tv.UnitCode, tv.TargetID, tv.Planned = v.year, t.unit, tg.ID, x
			vals = append(vals, tv)
			labels = append(labels, targetLabel(tg))
		}
	}
	if len(errs) > 0 {
		t.targets.ShowErrors(errs)
		return
	}
	var codes []string
	for _, a := range v.awardsFor(domain.SubjectCollective) {
		for _, name := range t.awards.Selected {
			if name == a.Name {
				codes = append(codes, a.Code)
			}
		}
	}
	reg := domain.Registration{Year: v.year, Subject: domain.UnitSubject(t.unit), Awards: codes, Note: strings.TrimSpace(t.note.Text)}
	if err := v.svc.SaveRegistration(v.ctx, reg); err != nil {
		kit.ShowError(v.win, err)
		return
	}
	for i, tv := range vals {
		if err := v.svc.SaveTargetValue(v.ctx, tv); err != nil {
			// The service names its columns (Kế hoạch…); show it under the target.
			if fes := domain.AsFieldErrors(err); fes != nil {
				moved := make(domain.FieldErrors, len(fes))
				for j, fe := range fes {
					fe.Field = labels[i]
					moved[j] = fe
				}
				err = moved
			}
			if rest := t.targets.ShowErrors(err); rest != nil {
				kit.ShowError(v.win, rest)
			}
			return
		}
		t.values[tv.TargetID] = tv
	}
	v.reloadYear()
	v.showBanner(fmt.Sprintf(lang.L("Đã lưu đăng ký của %s."), v.unitName(t.unit)), nil)
}
