package periods

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/docs"
	"tdkt/ui/kit"
)

// reportTab is the narrative of the period's review: what was achieved,
// the lessons learnt and the directions for the next period. A section
// never written starts from a draft made from the figures.
type reportTab struct {
	v                            *View
	results, lessons, directions *widget.Entry
	saveBtn, draftBtn            *widget.Button
	pdfBtn, xlsxBtn              *widget.Button
	// dirty: typed since last filled or saved; filling: the text is being
	// set by the program, not typed.
	dirty, filling bool
	content        fyne.CanvasObject
}

func newReportTab(v *View) *reportTab {
	t := &reportTab{v: v}
	entry := func() *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
		e.OnChanged = func(string) {
			if !t.filling {
				t.dirty = true
			}
		}
		return e
	}
	t.results, t.lessons, t.directions = entry(), entry(), entry()
	t.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu"), theme.DocumentSaveIcon(), func() { t.save() })
	t.saveBtn.Importance = widget.HighImportance
	t.draftBtn = widget.NewButtonWithIcon(lang.L("Soạn lại từ số liệu…"), theme.ViewRefreshIcon(), t.onDraft)
	t.pdfBtn = widget.NewButtonWithIcon(lang.L("Xuất PDF…"), theme.DocumentPrintIcon(), func() { v.chooseExport("pdf") })
	t.xlsxBtn = widget.NewButtonWithIcon(lang.L("Xuất Excel…"), theme.DownloadIcon(), func() { v.chooseExport("xlsx") })
	part := func(title string, e *widget.Entry) fyne.CanvasObject {
		return container.NewBorder(widget.NewLabelWithStyle(lang.L(title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, e)
	}
	bar := kit.Bar(t.saveBtn, t.draftBtn, layout.NewSpacer(), t.pdfBtn, t.xlsxBtn)
	t.content = container.NewBorder(bar, nil, nil, nil, container.NewGridWithRows(3,
		part("Kết quả đạt được", t.results),
		part("Bài học kinh nghiệm", t.lessons),
		part("Phương hướng, nhiệm vụ giai đoạn tới", t.directions)))
	return t
}

// fill shows the selected period's narrative as saved; a section never
// written shows the draft from the figures.
func (t *reportTab) fill() {
	in := t.v.input
	results, lessons, directions := in.Results, in.Lessons, in.Directions
	if t.v.period.ID != 0 && (results == "" || lessons == "" || directions == "") {
		r, l, d := docs.DraftPeriodNarrative(in)
		results, lessons, directions = orElse(results, r), orElse(lessons, l), orElse(directions, d)
	}
	t.set(results, lessons, directions)
}

func orElse(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

func (t *reportTab) set(results, lessons, directions string) {
	t.filling = true
	t.results.SetText(results)
	t.lessons.SetText(lessons)
	t.directions.SetText(directions)
	t.filling = false
	t.dirty = false
}

// onDraft replaces the three sections with the draft from the figures,
// after asking: what was written is lost.
func (t *reportTab) onDraft() {
	if t.v.period.ID == 0 {
		return
	}
	kit.Confirm(t.v.win, lang.L("Soạn lại từ số liệu"),
		lang.L("Thay cả ba phần của báo cáo bằng bản soạn sẵn từ số liệu của giai đoạn? Phần đã viết sẽ mất khi bấm Lưu."),
		lang.L("Soạn lại"), false, func() {
			r, l, d := docs.DraftPeriodNarrative(t.v.input)
			t.set(r, l, d)
			t.dirty = true
		})
}

// save records the three sections with the period; it reports whether
// they were saved (an error is shown).
func (t *reportTab) save() bool {
	v := t.v
	if v.period.ID == 0 {
		return false
	}
	p := v.period
	p.Results, p.Lessons, p.Directions = t.results.Text, t.lessons.Text, t.directions.Text
	id, err := v.svc.SavePeriod(v.ctx, p)
	if err != nil {
		kit.ShowError(v.win, err)
		return false
	}
	p.ID = id
	v.period = p
	for i := range v.periods {
		if v.periods[i].ID == id {
			v.periods[i] = p
		}
	}
	v.input.Results, v.input.Lessons, v.input.Directions = p.Results, p.Lessons, p.Directions
	t.dirty = false
	v.showBanner(fmt.Sprintf(lang.L("Đã lưu báo cáo tổng kết “%s”."), p.Name), nil)
	return true
}
