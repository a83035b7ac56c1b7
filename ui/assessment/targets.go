package assessment

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/ui/kit"
)

// targetLine is one target of the year in the Chỉ tiêu tab.
type targetLine struct {
	target  yearTarget
	value   domain.TargetValue
	planned *widget.Entry
	actual  *widget.Entry
	pct     *canvas.Text
	verdict *canvas.Text
	err     *canvas.Text
}

// targetsTab shows a collective's targets for the year: the commitment,
// the result typed at year end, and the % achieved in the target's
// direction, green when met and red when not.
type targetsTab struct {
	v        *View
	unitSel  *widget.Select
	unitOpts []string
	unit     string
	lines    []*targetLine
	rows     *fyne.Container
	empty    *widget.Label
	saveBtn  *widget.Button
	content  fyne.CanvasObject
}

var targetCols = []float32{0, 80, 110, 110, 90, 110}

func newTargetsTab(v *View) *targetsTab {
	t := &targetsTab{v: v}
	t.unitSel = widget.NewSelect(nil, nil)
	t.rows = container.NewVBox()
	t.empty = widget.NewLabel(lang.L("Không có chỉ tiêu nào cho năm này. Ghi phong trào và chỉ tiêu ở mục “Đăng ký thi đua”."))
	t.empty.Wrapping = fyne.TextWrapWord
	t.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu kết quả"), theme.DocumentSaveIcon(), t.save)
	t.saveBtn.Importance = widget.HighImportance
	header := container.New(&kit.Columns{FlexMin: 200, Widths: targetCols},
		bold("Chỉ tiêu"), bold("Đơn vị tính"), bold("Kế hoạch"), bold("Thực hiện"), bold("% đạt"), bold("Kết quả"))
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Đơn vị")), nil, t.unitSel), t.empty, header)
	t.content = container.NewBorder(top, container.NewHBox(t.saveBtn), nil, nil, container.NewVScroll(t.rows))
	return t
}

// bold is a column header.
func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(lang.L(text), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (t *targetsTab) refresh() {
	v := t.v
	opts := []string{}
	t.unitOpts = nil
	for _, u := range v.activeUnits() {
		opts = append(opts, indent(v.tree.Depth[u.Code])+u.Name)
		t.unitOpts = append(t.unitOpts, u.Code)
	}
	t.unitSel.OnChanged = nil
	t.unitSel.SetOptions(opts)
	sel := 0
	for i, c := range t.unitOpts {
		if c == t.unit {
			sel = i
		}
	}
	if len(opts) > 0 {
		t.unitSel.SetSelectedIndex(sel)
		t.unit = t.unitOpts[sel]
	}
	t.unitSel.OnChanged = func(string) {
		if i := t.unitSel.SelectedIndex(); i >= 0 {
			t.unit = t.unitOpts[i]
			t.load()
		}
	}
	t.load()
}

// load reads the open unit's values and lays out a line per target.
func (t *targetsTab) load() {
	v := t.v
	vals := map[int64]domain.TargetValue{}
	if t.unit != "" {
		tvs, err := v.svc.TargetValues(v.ctx, v.year, t.unit)
		if err != nil {
			kit.ShowError(v.win, err)
		}
		for _, tv := range tvs {
			vals[tv.TargetID] = tv
		}
	}
	t.lines = nil
	t.rows.Objects = nil
	for _, yt := range v.yearTargets() {
		l := &targetLine{target: yt, value: vals[yt.ID]}
		l.planned = widget.NewEntry()
		l.actual = widget.NewEntry()
		if tv, ok := vals[yt.ID]; ok {
			l.planned.SetText(kit.FormatNumber(tv.Planned))
			if tv.HasActual {
				l.actual.SetText(kit.FormatNumber(tv.Actual))
			}
		}
		l.pct = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		l.verdict = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		l.verdict.TextStyle.Bold = true
		l.err = canvas.NewText("", theme.Color(theme.ColorNameError))
		l.err.TextSize = theme.TextSize() * 0.85
		l.err.Hide()
		l.planned.OnChanged = func(string) { t.update(l) }
		l.actual.OnChanged = func(string) { t.update(l) }
		name := widget.NewLabel(yt.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		move := canvas.NewText(yt.movement, theme.Color(theme.ColorNamePlaceHolder))
		move.TextSize = theme.TextSize() * 0.85
		unit := widget.NewLabel(yt.Unit)
		row := container.New(&kit.Columns{FlexMin: 200, Widths: targetCols}, container.NewVBox(name, move), unit, l.planned, l.actual,
			container.NewCenter(l.pct), container.NewCenter(l.verdict))
		t.rows.Add(container.NewVBox(row, l.err, widget.NewSeparator()))
		t.lines = append(t.lines, l)
		t.update(l)
	}
	if len(t.lines) == 0 {
		t.empty.Show()
	} else {
		t.empty.Hide()
	}
	t.rows.Refresh()
}

var (
	colorMet    = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	colorNotMet = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
)

// update recomputes a line's % achieved from what is typed.
func (t *targetsTab) update(l *targetLine) {
	l.err.Hide()
	planned, okP, errP := kit.ParseNumber(l.planned.Text)
	actual, okA, errA := kit.ParseNumber(l.actual.Text)
	l.pct.Text, l.verdict.Text = "", ""
	switch {
	case errP != nil || errA != nil:
		l.err.Text = lang.L("Nhập một số, ví dụ 95,5 hoặc 1.250")
		l.err.Show()
	case okP && okA:
		pct, met := l.target.Achieved(planned, actual)
		l.pct.Text = kit.FormatNumber(pct) + "%"
		if met {
			l.pct.Color, l.verdict.Color = colorMet, colorMet
			l.verdict.Text = lang.L("Đạt")
		} else {
			l.pct.Color, l.verdict.Color = colorNotMet, colorNotMet
			l.verdict.Text = lang.L("Không đạt")
		}
	}
	l.pct.Refresh()
	l.verdict.Refresh()
	l.err.Refresh()
}

// save stores each target whose values are numbers; a line with a typo is
// left out and keeps its message.
func (t *targetsTab) save() {
	v := t.v
	saved, bad := 0, 0
	for _, l := range t.lines {
		planned, okP, errP := kit.ParseNumber(l.planned.Text)
		actual, okA, errA := kit.ParseNumber(l.actual.Text)
		if errP != nil || errA != nil {
			bad++
			continue
		}
		if !okP && !okA {
			continue
		}
		tv := domain.TargetValue{Year: v.year, UnitCode: t.unit, TargetID: l.target.ID, Planned: planned, Actual: actual, HasActual: okA}
		if !okP {
			tv.Planned = l.value.Planned
		}
		if tv == l.value {
			continue
		}
		if err := v.svc.SaveTargetValue(v.ctx, tv); err != nil {
			kit.ShowError(v.win, err)
			return
		}
		l.value = tv
		saved++
	}
	msg := fmt.Sprintf(lang.L("Đã lưu %d chỉ tiêu của %s."), saved, v.unitName(t.unit))
	if bad > 0 {
		msg += " " + fmt.Sprintf(lang.L("%d dòng chưa lưu vì không phải số."), bad)
	}
	v.showBanner(msg, nil)
	v.scores.targetsChanged()
}
