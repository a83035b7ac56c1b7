package staff

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/ui/kit"
)

// runner runs slow work off the UI goroutine and then calls done on it;
// tests pass a synchronous one.
type runner func(work func(ctx context.Context) error, done func(error))

// runInBackground runs work on a goroutine and done on the UI goroutine,
// without a modal dialog: the verdicts of a person take a fraction of a
// second and should not cover the window each time a person is opened.
func runInBackground(work func(ctx context.Context) error, done func(error)) {
	go func() {
		err := work(context.Background())
		fyne.Do(func() { done(err) })
	}()
}

// lastYear is the last completed year, the one a year-end review looks at.
func (v *View) lastYear() int { return v.svc.Today().Year - 1 }

// yearChoices lists the last completed year and the ones before, newest first.
func yearChoices(last int) []string {
	var out []string
	for y := last + 1; y > last-7; y-- {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// verdictList shows verdicts one below the other: the award, Đủ / Không
// đủ in green or red, the note when it rests on a title of the same year,
// and every reason.
type verdictList struct {
	box     *fyne.Container
	content fyne.CanvasObject
}

func newVerdictList() *verdictList {
	l := &verdictList{box: container.NewVBox()}
	l.content = container.NewVScroll(l.box)
	return l
}

func (l *verdictList) show(v *View, vs []rules.Verdict, empty string) {
	l.box.Objects = nil
	if len(vs) == 0 {
		msg := widget.NewLabel(empty)
		msg.Wrapping = fyne.TextWrapWord
		l.box.Objects = append(l.box.Objects, msg)
	}
	for _, vd := range vs {
		l.box.Objects = append(l.box.Objects, verdictCard(v, vd))
	}
	l.box.Refresh()
}

// verdictCard is one verdict; its labels are, in order, the award, the
// result, the note (possibly empty) and the reasons.
func verdictCard(v *View, vd rules.Verdict) fyne.CanvasObject {
	award := widget.NewLabelWithStyle(v.awardName(vd.Award), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	award.Wrapping = fyne.TextWrapWord
	result := widget.NewLabelWithStyle(verdictWord(vd.Eligible), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	result.Importance = widget.DangerImportance
	if vd.Eligible {
		result.Importance = widget.SuccessImportance
	}
	note := widget.NewLabel("")
	note.Importance = widget.WarningImportance
	if vd.Pending {
		note.SetText(lang.L("dựa trên danh hiệu cùng năm"))
	} else {
		note.Hide()
	}
	reasons := widget.NewLabel(reasonLines(vd.Reasons))
	reasons.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, nil, container.NewHBox(note, result), award)
	return container.NewVBox(head, reasons, widget.NewSeparator())
}

func verdictWord(eligible bool) string {
	if eligible {
		return lang.L("Đủ")
	}
	return lang.L("Không đủ")
}

func reasonLines(rs []string) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("• " + r)
	}
	return b.String()
}

// awardName is the catalogue's name of an award, or its code.
func (v *View) awardName(code string) string {
	if a, ok := v.catalogue.Award(code); ok {
		return a.Name
	}
	return code
}

// ---- the person's tab ----

// personVerdicts is the person's "Xét khen thưởng" tab: the engine's
// verdict for each person award of the catalogue in the chosen year. It is
// computed when the tab is shown.
type personVerdicts struct {
	v        *View
	year     int
	yearSel  *widget.Select
	status   *widget.Label
	list     *verdictList
	person   domain.Person // whose verdicts are shown or being computed
	verdicts []rules.Verdict
	pending  bool // the open person changed while the tab was hidden
	busy     bool
	content  fyne.CanvasObject
}

func newPersonVerdicts(v *View) *personVerdicts {
	pv := &personVerdicts{v: v}
	pv.yearSel = widget.NewSelect(nil, nil)
	pv.status = widget.NewLabel("")
	pv.status.Wrapping = fyne.TextWrapWord
	pv.list = newVerdictList()
	again := widget.NewButtonWithIcon(lang.L("Xét lại"), theme.ViewRefreshIcon(), pv.compute)
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Năm")), again, pv.yearSel),
		pv.status)
	pv.content = container.NewBorder(top, nil, nil, nil, pv.list.content)
	return pv
}

// load notes the person; the verdicts are computed now when visible,
// otherwise when the tab is next shown.
func (pv *personVerdicts) load(p domain.Person, visible bool) {
	if pv.year == 0 {
		pv.year = pv.v.lastYear()
		pv.yearSel.SetOptions(yearChoices(pv.year))
		pv.yearSel.SetSelected(strconv.Itoa(pv.year))
		pv.yearSel.OnChanged = pv.onYear
	}
	pv.person = p
	pv.pending = true
	if visible {
		pv.compute()
	}
}

// shown is called when the tab is selected.
func (pv *personVerdicts) shown() {
	if pv.pending {
		pv.compute()
	}
}

func (pv *personVerdicts) onYear(s string) {
	y, err := strconv.Atoi(s)
	if err != nil || y == pv.year {
		return
	}
	pv.year = y
	pv.compute()
}

func (pv *personVerdicts) compute() {
	v := pv.v
	p, year := pv.person, pv.year
	if p.ID == 0 || pv.busy {
		return
	}
	pv.pending = false
	pv.busy = true
	pv.status.SetText(fmt.Sprintf(lang.L("Đang xét năm %d…"), year))
	var got []rules.Verdict
	v.run(func(ctx context.Context) error {
		vs, err := personVerdictsOf(ctx, v.svc, year, p)
		got = vs
		return err
	}, func(err error) {
		pv.busy = false
		if pv.person.ID != p.ID || pv.year != year { // changed meanwhile
			pv.compute()
			return
		}
		if err != nil {
			pv.verdicts = nil
			pv.status.SetText(fmt.Sprintf(lang.L("Không xét được: %s"), err.Error()))
			pv.list.show(v, nil, "")
			return
		}
		pv.verdicts = got
		eligible := 0
		for _, vd := range got {
			if vd.Eligible {
				eligible++
			}
		}
		pv.status.SetText(fmt.Sprintf(lang.L("Năm %d: đủ điều kiện %d / %d danh hiệu, hình thức."), year, eligible, len(got)))
		pv.list.show(v, got, fmt.Sprintf(lang.L("%s không thuộc đơn vị nào vào ngày 31/12/%d nên không được xét."), p.FullName, year))
	})
}

// personVerdictsOf is the person's verdicts of the year: computed for their
// unit, or for the whole office when they were elsewhere that year.
func personVerdictsOf(ctx context.Context, svc staffService, year int, p domain.Person) ([]rules.Verdict, error) {
	pick := func(vs []rules.Verdict) []rules.Verdict {
		var out []rules.Verdict
		for _, vd := range vs {
			if vd.Subject == domain.PersonSubject(p.StaffCode) {
				out = append(out, vd)
			}
		}
		return out
	}
	if p.UnitCode != "" {
		if vs, err := svc.Eligibility(ctx, year, p.UnitCode); err == nil {
			if out := pick(vs); len(out) > 0 {
				return out, nil
			}
		}
	}
	vs, err := svc.Eligibility(ctx, year, "")
	if err != nil {
		return nil, err
	}
	return pick(vs), nil
}

// ---- the unit's dialog ----

// unitVerdicts is the "Xét khen thưởng đơn vị" dialog: the collective's
// verdicts and a grid of its people × person awards.
type unitVerdicts struct {
	v        *View
	unit     string
	year     int
	yearSel  *widget.Select
	status   *widget.Label
	list     *verdictList // the collectives' verdicts
	people   []string     // staff codes, rows of the grid
	names    map[string]string
	awards   []string // person award codes, columns of the grid
	cells    map[[2]string]rules.Verdict
	grid     *widget.Table
	detail   *widget.Label
	verdicts []rules.Verdict
	dlg      dialog.Dialog
}

func (u *unitPane) onVerdicts() {
	if u.selected == "" {
		return
	}
	u.verdicts = u.v.showUnitVerdicts(u.selected)
}

func (v *View) showUnitVerdicts(code string) *unitVerdicts {
	uv := &unitVerdicts{v: v, unit: code, year: v.lastYear()}
	uv.yearSel = widget.NewSelect(yearChoices(uv.year), nil)
	uv.yearSel.SetSelected(strconv.Itoa(uv.year))
	uv.yearSel.OnChanged = uv.onYear
	uv.status = widget.NewLabel("")
	uv.list = newVerdictList()
	uv.detail = widget.NewLabel(lang.L("Chọn một ô để xem lý do."))
	uv.detail.Wrapping = fyne.TextWrapWord
	uv.grid = widget.NewTable(
		func() (int, int) { return len(uv.people), len(uv.awards) + 1 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		uv.updateCell)
	uv.grid.ShowHeaderRow = true
	uv.grid.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	uv.grid.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Col == 0:
			l.SetText(lang.L("Họ và tên"))
		case id.Col-1 < len(uv.awards):
			l.SetText(v.awardName(uv.awards[id.Col-1]))
		}
	}
	uv.grid.SetColumnWidth(0, 220)
	uv.grid.OnSelected = func(id widget.TableCellID) { uv.explain(id.Row, id.Col) }

	gridTab := container.NewVSplit(uv.grid, container.NewVScroll(uv.detail))
	gridTab.Offset = 0.75
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Cán bộ"), gridTab),
		container.NewTabItem(lang.L("Tập thể"), uv.list.content),
	)
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Năm")), nil, uv.yearSel), uv.status)
	body := container.NewBorder(top, nil, nil, nil, tabs)
	d := dialog.NewCustom(fmt.Sprintf(lang.L("Xét khen thưởng – %s"), v.unitName(code)), lang.L("Đóng"), body, v.win)
	d.Resize(fyne.NewSize(1000, 680))
	d.Show()
	uv.dlg = d
	uv.compute()
	return uv
}

func (uv *unitVerdicts) onYear(s string) {
	y, err := strconv.Atoi(s)
	if err != nil || y == uv.year {
		return
	}
	uv.year = y
	uv.compute()
}

func (uv *unitVerdicts) compute() {
	v := uv.v
	year, code := uv.year, uv.unit
	uv.status.SetText(fmt.Sprintf(lang.L("Đang xét năm %d…"), year))
	var got []rules.Verdict
	v.run(func(ctx context.Context) error {
		vs, err := v.svc.Eligibility(ctx, year, code)
		got = vs
		return err
	}, func(err error) {
		if uv.year != year {
			return // another year was chosen meanwhile
		}
		if err != nil {
			got = nil
			uv.status.SetText(fmt.Sprintf(lang.L("Không xét được: %s"), err.Error()))
		}
		uv.fill(got)
		if err == nil {
			uv.status.SetText(fmt.Sprintf(lang.L("Năm %d: %d cán bộ, %d tập thể được xét."), year, len(uv.people), uv.collectives()))
		}
	})
}

func (uv *unitVerdicts) collectives() int {
	seen := map[string]bool{}
	for _, vd := range uv.verdicts {
		if vd.Subject.Kind == domain.SubjectCollective {
			seen[vd.Subject.Code] = true
		}
	}
	return len(seen)
}

// fill lays the verdicts out: the collectives (the unit's own first) in the
// list, the people in the grid in the order of the staff list.
func (uv *unitVerdicts) fill(vs []rules.Verdict) {
	v := uv.v
	uv.verdicts = vs
	uv.people, uv.awards = nil, nil
	uv.names = map[string]string{}
	uv.cells = map[[2]string]rules.Verdict{}
	var own, others []rules.Verdict
	seenAward := map[string]bool{}
	seenPerson := map[string]bool{}
	for _, vd := range vs {
		switch vd.Subject.Kind {
		case domain.SubjectCollective:
			if vd.Subject.Code == uv.unit {
				own = append(own, vd)
			} else {
				others = append(others, vd)
			}
		case domain.SubjectPerson:
			if !seenAward[vd.Award] {
				seenAward[vd.Award] = true
				uv.awards = append(uv.awards, vd.Award)
			}
			if !seenPerson[vd.Subject.Code] {
				seenPerson[vd.Subject.Code] = true
				uv.people = append(uv.people, vd.Subject.Code)
				uv.names[vd.Subject.Code] = vd.Name
				if p, ok := v.personByCode(vd.Subject.Code); ok {
					uv.names[vd.Subject.Code] = p.FullName
				}
			}
			uv.cells[[2]string{vd.Subject.Code, vd.Award}] = vd
		}
	}
	// The people in the order of the staff list (Vietnamese names).
	rank := map[string]int{}
	for i, p := range v.people {
		rank[p.StaffCode] = i + 1
	}
	slices.SortStableFunc(uv.people, func(a, b string) int {
		ra, rb := rank[a], rank[b]
		switch {
		case ra == rb:
			return strings.Compare(a, b)
		case ra == 0:
			return 1
		case rb == 0:
			return -1
		}
		return ra - rb
	})
	var coll []rules.Verdict
	coll = append(coll, own...)
	coll = append(coll, others...)
	uv.list.box.Objects = nil
	last := ""
	for _, vd := range coll {
		if vd.Subject.Code != last {
			last = vd.Subject.Code
			h := kit.Heading("")
			h.SetText(v.unitName(vd.Subject.Code))
			uv.list.box.Objects = append(uv.list.box.Objects, h)
		}
		uv.list.box.Objects = append(uv.list.box.Objects, verdictCard(v, vd))
	}
	if len(coll) == 0 {
		msg := widget.NewLabel(lang.L("Không có tập thể nào được xét trong năm này."))
		uv.list.box.Objects = append(uv.list.box.Objects, msg)
	}
	uv.list.box.Refresh()
	for i := range uv.awards {
		uv.grid.SetColumnWidth(i+1, 130)
	}
	uv.grid.UnselectAll()
	uv.grid.Refresh()
	uv.detail.SetText(lang.L("Chọn một ô để xem lý do."))
}

// mark is ✓ or ✗ for a cell ("" when the award was not evaluated).
func (uv *unitVerdicts) mark(row, col int) (string, widget.Importance) {
	if row >= len(uv.people) || col < 1 || col-1 >= len(uv.awards) {
		return "", widget.MediumImportance
	}
	vd, ok := uv.cells[[2]string{uv.people[row], uv.awards[col-1]}]
	switch {
	case !ok:
		return "", widget.MediumImportance
	case vd.Eligible && vd.Pending:
		return "✓*", widget.SuccessImportance
	case vd.Eligible:
		return "✓", widget.SuccessImportance
	}
	return "✗", widget.DangerImportance
}

func (uv *unitVerdicts) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(uv.people) {
		return
	}
	if id.Col == 0 {
		l.Importance = widget.MediumImportance
		l.TextStyle.Bold = false
		l.SetText(uv.names[uv.people[id.Row]])
		return
	}
	text, imp := uv.mark(id.Row, id.Col)
	l.Importance = imp
	l.TextStyle.Bold = true
	l.SetText(text)
}

// explain shows the reasons of a cell below the grid.
func (uv *unitVerdicts) explain(row, col int) {
	if row < 0 || row >= len(uv.people) || col < 1 || col-1 >= len(uv.awards) {
		return
	}
	v := uv.v
	vd, ok := uv.cells[[2]string{uv.people[row], uv.awards[col-1]}]
	if !ok {
		return
	}
	text := fmt.Sprintf("%s – %s: %s", uv.names[uv.people[row]], v.awardName(vd.Award), verdictWord(vd.Eligible))
	if vd.Pending {
		text += " (" + lang.L("dựa trên danh hiệu cùng năm") + ")"
	}
	uv.detail.SetText(text + "\n" + reasonLines(vd.Reasons))
}
