package periods

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/ui/kit"
)

// modelsTab lists the exemplary models of the period (gương điển hình
// tiên tiến): the collectives and people whose record meets a criterion,
// with the facts; a search box narrows them by name or unit, and the row
// chosen shows its facts in full below.
type modelsTab struct {
	v       *View
	search  *widget.Entry
	count   *widget.Label
	list    *widget.Table
	detail  *widget.Label
	shown   []domain.ExemplaryCandidate // the candidates the search keeps
	content fyne.CanvasObject
}

var modelColumns = []kit.Column{
	{Header: "Tập thể, cá nhân", Width: 230},
	{Header: "Đơn vị", Width: 200},
	{Header: "Căn cứ", Width: 640},
}

func newModelsTab(v *View) *modelsTab {
	t := &modelsTab{v: v}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(lang.L("Tìm theo tên, đơn vị…"))
	t.search.OnChanged = func(string) { t.apply() }
	t.count = widget.NewLabel("")
	t.list = kit.TextTable(modelColumns, func() int { return len(t.shown) }, t.cell)
	t.list.OnSelected = t.onSelected
	t.detail = widget.NewLabel(lang.L("Chọn một dòng để xem đủ căn cứ."))
	t.detail.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, nil, t.count, t.search)
	t.content = container.NewBorder(top, nil, nil, nil,
		kit.Split("periods.models", false, t.list, container.NewVScroll(t.detail), 0.7))
	return t
}

// refresh shows the candidates of the selected period.
func (t *modelsTab) refresh() { t.apply() }

// apply keeps the candidates whose name or unit holds every word typed,
// whatever the diacritics.
func (t *modelsTab) apply() {
	t.shown = t.shown[:0]
	for _, c := range t.v.candidates {
		if kit.Matches(t.search.Text, c.Name, c.Unit) {
			t.shown = append(t.shown, c)
		}
	}
	t.count.SetText(fmt.Sprintf(lang.L("%d / %d gương điển hình"), len(t.shown), len(t.v.candidates)))
	t.list.UnselectAll()
	t.detail.SetText(lang.L("Chọn một dòng để xem đủ căn cứ."))
	t.list.Refresh()
}

func (t *modelsTab) cell(r, c int) string {
	if r >= len(t.shown) {
		return ""
	}
	m := t.shown[r]
	switch c {
	case 0:
		return m.Name
	case 1:
		return m.Unit
	default:
		return reasons(m, "; ")
	}
}

func (t *modelsTab) onSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(t.shown) {
		return
	}
	m := t.shown[id.Row]
	head := m.Name
	if m.Unit != "" {
		head += " · " + m.Unit
	}
	t.detail.SetText(head + "\n• " + reasons(m, "\n• "))
}

// reasons joins the facts a candidate rests on.
func reasons(m domain.ExemplaryCandidate, sep string) string {
	parts := make([]string, len(m.Reasons))
	for i, r := range m.Reasons {
		parts[i] = r.Text
	}
	return strings.Join(parts, sep)
}
