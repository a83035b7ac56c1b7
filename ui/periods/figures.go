package periods

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/docs"
	"tdkt/ui/kit"
)

// figuresTab shows the period's figures year by year: two bar charts
// above, the tables they come from below.
type figuresTab struct {
	v           *View
	awardsChart *barChart
	initChart   *barChart
	tables      *fyne.Container
	content     fyne.CanvasObject
}

func newFiguresTab(v *View) *figuresTab {
	t := &figuresTab{v: v}
	t.awardsChart = newBarChart(lang.L("Số lượt khen thưởng theo năm"), lang.L("Đơn vị khen"), lang.L("Cấp trên khen"))
	t.initChart = newBarChart(lang.L("Sáng kiến theo năm"), lang.L("Sáng kiến"))
	t.tables = container.NewVBox()
	charts := container.NewGridWithColumns(2, t.awardsChart, t.initChart)
	t.content = kit.Split("periods.figures", false, container.NewPadded(charts), container.NewScroll(t.tables), 0.45)
	return t
}

// Widths of the tables' columns: the name takes what is left.
const (
	yearWidth  = 60
	totalWidth = 68
	nameMin    = 180
)

// refresh draws the selected period's figures.
func (t *figuresTab) refresh() {
	in := t.v.input
	own, higher := awardTotals(in)
	values := make([][]int, len(in.Years))
	inits := initiativeTotals(in)
	initValues := make([][]int, len(in.Years))
	for i := range in.Years {
		values[i] = []int{own[i], higher[i]}
		initValues[i] = []int{inits[i]}
	}
	t.awardsChart.set(in.Years, values)
	t.initChart.set(in.Years, initValues)

	t.tables.Objects = []fyne.CanvasObject{
		section("Khen thưởng", "Số lượt khen thưởng trong năm, cá nhân và tập thể."),
		table(in.Years, "Hình thức khen thưởng", true, awardRows(in)),
		section("Sáng kiến", "Số sáng kiến được công nhận trong năm, theo phạm vi ảnh hưởng."),
		table(in.Years, "Phạm vi", true, initiativeRows(in)),
		section("Phong trào thi đua", "Số chỉ tiêu của đơn vị đạt trên số chỉ tiêu có kết quả."),
		table(in.Years, "Phong trào", false, movementRows(in)),
		section("Xếp hạng trong cụm thi đua", ""),
		table(in.Years, "", false, []row{rankRow(in)}),
	}
	t.tables.Refresh()
}

// awardTotals counts, year by year, the conferrals the office decided and
// those of the bodies above it.
func awardTotals(in docs.PeriodInput) (own, higher []int) {
	own, higher = make([]int, len(in.Years)), make([]int, len(in.Years))
	for _, a := range in.Awards {
		for i := range in.Years {
			n := at(a.People, i) + at(a.Collectives, i)
			if a.Own {
				own[i] += n
			} else {
				higher[i] += n
			}
		}
	}
	return own, higher
}

// initiativeTotals counts the initiatives of each year, all scopes.
func initiativeTotals(in docs.PeriodInput) []int {
	out := make([]int, len(in.Years))
	for _, r := range in.Initiatives {
		for i := range in.Years {
			out[i] += at(r.Counts, i)
		}
	}
	return out
}

func at(xs []int, i int) int {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}

// row is one line of a figures table: a name and a cell per year; bold
// for headings and totals.
type row struct {
	name  string
	cells []string
	bold  bool
}

// countRow is a row of counts with their total.
func countRow(name string, counts []int, n int, bold bool) row {
	r := row{name: name, bold: bold}
	sum := 0
	for i := 0; i < n; i++ {
		r.cells = append(r.cells, strconv.Itoa(at(counts, i)))
		sum += at(counts, i)
	}
	r.cells = append(r.cells, strconv.Itoa(sum))
	return r
}

func awardRows(in docs.PeriodInput) []row {
	n := len(in.Years)
	own, higher := awardTotals(in)
	var rows []row
	for _, group := range []struct {
		own   bool
		title string
		total string
		sums  []int
	}{
		{true, lang.L("Đơn vị khen"), lang.L("Cộng đơn vị khen"), own},
		{false, lang.L("Cấp trên khen"), lang.L("Cộng cấp trên khen"), higher},
	} {
		rows = append(rows, row{name: group.title, bold: true})
		for _, a := range in.Awards {
			if a.Own != group.own {
				continue
			}
			counts := make([]int, n)
			for i := range counts {
				counts[i] = at(a.People, i) + at(a.Collectives, i)
			}
			rows = append(rows, countRow("    "+a.Name, counts, n, false))
		}
		rows = append(rows, countRow(group.total, group.sums, n, true))
	}
	all := make([]int, n)
	for i := range all {
		all[i] = own[i] + higher[i]
	}
	return append(rows, countRow(lang.L("Tổng cộng"), all, n, true))
}

func initiativeRows(in docs.PeriodInput) []row {
	n := len(in.Years)
	var rows []row
	for _, r := range in.Initiatives {
		rows = append(rows, countRow(lang.L(r.Scope.Label()), r.Counts, n, false))
	}
	return append(rows, countRow(lang.L("Cộng"), initiativeTotals(in), n, true))
}

func movementRows(in docs.PeriodInput) []row {
	var rows []row
	for _, m := range in.Movements {
		r := row{name: m.Name}
		for i := range in.Years {
			cell := "–"
			if b := at(m.Measured, i); b > 0 {
				cell = fmt.Sprintf("%d/%d", at(m.Met, i), b)
			}
			r.cells = append(r.cells, cell)
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		rows = append(rows, row{name: lang.L("Chưa có kết quả chỉ tiêu nào trong giai đoạn")})
	}
	return rows
}

func rankRow(in docs.PeriodInput) row {
	r := row{name: lang.L("Thứ hạng của đơn vị")}
	for i := range in.Years {
		cell := "–"
		if k := at(in.ClusterRanks, i); k > 0 {
			cell = strconv.Itoa(k)
		}
		r.cells = append(r.cells, cell)
	}
	return r
}

// section is a table's heading with a line saying what its cells count.
func section(title, note string) fyne.CanvasObject {
	h := widget.NewLabelWithStyle(lang.L(title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if note == "" {
		return h
	}
	n := widget.NewLabel(lang.L(note))
	n.Importance = widget.LowImportance
	n.Wrapping = fyne.TextWrapWord
	return container.NewVBox(h, n)
}

// table lays rows out under a header of the years (and Cộng when total),
// in columns of fixed widths that line up from row to row. The tables are
// small (a few awards, five or six years), so labels do rather than a
// widget.Table, and they scroll with the rest of the tab.
func table(years []int, first string, total bool, rows []row) fyne.CanvasObject {
	widths := []float32{0}
	header := []string{""}
	if first != "" {
		header[0] = lang.L(first)
	}
	for _, y := range years {
		widths = append(widths, yearWidth)
		header = append(header, strconv.Itoa(y))
	}
	if total {
		widths = append(widths, totalWidth)
		header = append(header, lang.L("Cộng"))
	}
	line := func(cells []string, bold bool) fyne.CanvasObject {
		objs := make([]fyne.CanvasObject, len(widths))
		for i := range widths {
			text := ""
			if i < len(cells) {
				text = cells[i]
			}
			l := widget.NewLabel(text)
			l.TextStyle.Bold = bold
			if i == 0 {
				l.Truncation = fyne.TextTruncateEllipsis
			} else {
				l.Alignment = fyne.TextAlignTrailing
			}
			objs[i] = l
		}
		return container.New(&kit.Columns{Widths: widths, FlexMin: nameMin}, objs...)
	}
	out := container.NewVBox(line(header, true), widget.NewSeparator())
	for _, r := range rows {
		out.Add(line(append([]string{r.name}, r.cells...), r.bold))
	}
	return out
}
