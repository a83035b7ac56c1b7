package pdf

import (
	"fmt"
	"strings"

	"tdkt/internal/docs"
)

// rowLayout is a table row wrapped into lines, cell by cell.
type rowLayout struct {
	cells  []cellLayout
	middle bool // centre the lines vertically (header rows)
}

type cellLayout struct {
	x, w  float64
	lines []string
	style docs.Style
	align docs.Align
}

func (rl rowLayout) lineCount() int {
	n := 1
	for _, c := range rl.cells {
		n = max(n, len(c.lines))
	}
	return n
}

// tableGeom is what every row of one table shares.
type tableGeom struct {
	xs, ws []float64
	size   float64
	lh     float64 // line height
	padX   float64
	padY   float64
}

func (g tableGeom) height(lines int) float64 { return float64(lines)*g.lh + 2*g.padY }

// tableLayout is a table wrapped into rows, ready to draw.
type tableLayout struct {
	g            tableGeom
	header       []rowLayout
	headerH      float64
	rows         []rowLayout
	group        []bool // group rows, kept with the row under them
	repeatHeader bool
}

// layoutTable sizes the columns and wraps every cell of t.
func (r *renderer) layoutTable(t docs.Table) tableLayout {
	size := t.FontSize
	if size == 0 {
		size = r.l.TableSize
	}
	g := tableGeom{size: size, lh: r.tightH(size), padX: r.l.CellPaddingX, padY: r.l.CellPaddingY}
	g.ws = r.columnWidths(t, g)
	x := r.left
	for _, w := range g.ws {
		g.xs = append(g.xs, x)
		x += w
	}
	tl := tableLayout{g: g, repeatHeader: t.RepeatHeader}

	if hc, ok := tableHeader(t); ok {
		tl.header = append(tl.header, r.layoutRow(g, hc, docs.Bold, func(int) docs.Align { return docs.AlignCenter }, true))
	}
	if t.NumberRow {
		tl.header = append(tl.header, r.layoutRow(g, numberRow(len(t.Columns)), docs.Italic, func(int) docs.Align { return docs.AlignCenter }, true))
	}
	for _, h := range tl.header {
		tl.headerH += g.height(h.lineCount())
	}
	tl.rows = make([]rowLayout, len(t.Rows))
	tl.group = make([]bool, len(t.Rows))
	for i, row := range t.Rows {
		tl.rows[i] = r.layoutBodyRow(g, t, row)
		tl.group[i] = row.Group
	}
	return tl
}

// tableHeader is the header row of t, if any column has a header.
func tableHeader(t docs.Table) ([]string, bool) {
	hc := make([]string, len(t.Columns))
	has := false
	for i, c := range t.Columns {
		hc[i] = c.Header
		has = has || strings.TrimSpace(c.Header) != ""
	}
	return hc, has
}

// numberRow is the "(1) (2) …" row under a header.
func numberRow(n int) []string {
	nums := make([]string, n)
	for i := range nums {
		nums[i] = fmt.Sprintf("(%d)", i+1)
	}
	return nums
}

// columnWidths shares the text width among the columns of t. Each column
// is at least as wide as its longest word (of its header and its cells, in
// their font, with the cell padding), so that no word is cut between
// letters and a narrow "STT" column does not print "ST/T"; the rest of the
// width goes to the other columns in proportion to their given widths.
// When even the words do not fit side by side, the given proportions hold.
func (r *renderer) columnWidths(t docs.Table, g tableGeom) []float64 {
	n := len(t.Columns)
	least := make([]float64, n)
	widest := func(i int, st docs.Style, text string) {
		r.setFont(st, g.size)
		for _, wd := range tokens(strings.ReplaceAll(nfc(text), "\n", " ")) {
			least[i] = max(least[i], r.f.GetStringWidth(wd.text)+2*g.padX)
		}
	}
	if hc, ok := tableHeader(t); ok {
		for i, h := range hc {
			widest(i, docs.Bold, h)
		}
	}
	if t.NumberRow {
		for i, s := range numberRow(n) {
			widest(i, docs.Italic, s)
		}
	}
	for _, row := range t.Rows {
		if row.Group {
			continue // it spans the whole table
		}
		st := docs.Normal
		if row.Bold {
			st = docs.Bold
		}
		for i, c := range row.Cells {
			if i < n {
				widest(i, st, c)
			}
		}
	}
	return shareWidths(t.Widths(r.textW), least, r.textW)
}

// shareWidths gives each column at least its least width and shares the
// rest of total among the other columns in proportion to their widths ws
// (which add up to total). A column that would get less than its least
// width takes exactly that and the others share again; once every column
// has its least, what is left is shared among all in proportion.
func shareWidths(ws, least []float64, total float64) []float64 {
	sumLeast := 0.0
	for _, l := range least {
		sumLeast += l
	}
	if sumLeast > total+1e-9 {
		return ws
	}
	out := make([]float64, len(ws))
	fixed := make([]bool, len(ws))
	for {
		rest, share := total, 0.0
		for i := range ws {
			if fixed[i] {
				rest -= least[i]
			} else {
				share += ws[i]
			}
		}
		if share <= 0 {
			// Every column is at its least width: share what is left.
			sum := 0.0
			for _, w := range ws {
				sum += w
			}
			for i := range ws {
				out[i] = least[i]
				if sum > 0 {
					out[i] += rest * ws[i] / sum
				} else {
					out[i] += rest / float64(len(ws))
				}
			}
			return out
		}
		grew := false
		for i := range ws {
			if fixed[i] {
				out[i] = least[i]
				continue
			}
			out[i] = rest * ws[i] / share
			if out[i] < least[i]-1e-9 {
				fixed[i], grew = true, true
			}
		}
		if !grew {
			return out
		}
	}
}

// drawTable draws a bordered table. A row that does not fit on the page
// moves to the next one (a group row takes its first row along); only a row
// taller than a whole page is split between pages. With RepeatHeader the
// header rows are drawn again at the top of each continuation page.
func (r *renderer) drawTable(tl tableLayout) {
	g, rows := tl.g, tl.rows
	drawHeader := func() {
		for _, h := range tl.header {
			r.drawRow(g, h, 0, h.lineCount())
		}
	}
	capacity := r.room()
	if tl.repeatHeader {
		capacity -= tl.headerH
	}
	// The header goes on the page of the first row, or of the first lines
	// of a first row too tall for any page.
	first := 0.0
	if len(rows) > 0 {
		first = g.height(rows[0].lineCount())
		if first > capacity {
			first = g.height(min(3, rows[0].lineCount()))
		}
	}
	r.ensure(min(tl.headerH+first, r.room()))
	drawHeader()
	if tl.repeatHeader {
		prev := r.onNewPage
		r.onNewPage = drawHeader
		defer func() { r.onNewPage = prev }()
	}
	for i, rl := range rows {
		n := rl.lineCount()
		h := g.height(n)
		need := h
		if tl.group[i] && i+1 < len(rows) {
			need += g.height(rows[i+1].lineCount())
		}
		switch {
		case i == r.breakAt && i > 0:
			r.breakPage()
		case r.fits(need):
		case need <= capacity:
			r.newPage()
		case !r.fits(h) && h <= capacity:
			r.newPage()
		}
		// Draw, splitting a row taller than what is left of a fresh page.
		for from := 0; from < n; {
			fit := int((r.bottom - r.y() - 2*g.padY + 0.01) / g.lh)
			if fit < 1 {
				r.newPage()
				continue
			}
			count := min(fit, n-from)
			r.drawRow(g, rl, from, count)
			from += count
			if from < n {
				r.newPage()
			}
		}
	}
	r.setY(r.y() + r.paraSpacingMM)
}

func (r *renderer) layoutBodyRow(g tableGeom, t docs.Table, row docs.Row) rowLayout {
	if row.Group {
		r.setFont(docs.Bold, g.size)
		w := r.textW
		return rowLayout{cells: []cellLayout{{
			x: r.left, w: w, style: docs.Bold, align: docs.AlignLeft,
			lines: r.wrap(nfc(row.Cells[0]), w-2*g.padX, w-2*g.padX),
		}}}
	}
	st := docs.Normal
	if row.Bold {
		st = docs.Bold
	}
	cells := make([]string, len(t.Columns))
	copy(cells, row.Cells)
	return r.layoutRow(g, cells, st, func(i int) docs.Align { return t.Columns[i].Align }, false)
}

func (r *renderer) layoutRow(g tableGeom, cells []string, st docs.Style, align func(int) docs.Align, middle bool) rowLayout {
	r.setFont(st, g.size)
	rl := rowLayout{middle: middle, cells: make([]cellLayout, len(cells))}
	for i, c := range cells {
		inner := g.ws[i] - 2*g.padX
		rl.cells[i] = cellLayout{
			x: g.xs[i], w: g.ws[i], style: st, align: align(i),
			lines: r.wrap(nfc(c), inner, inner),
		}
	}
	return rl
}

// drawRow draws lines [from, from+count) of each cell of the row at the
// current y, with the cell borders, and moves below it.
func (r *renderer) drawRow(g tableGeom, rl rowLayout, from, count int) {
	y := r.y()
	h := g.height(count)
	if r.dry {
		r.setY(y + h)
		return
	}
	r.f.SetLineWidth(r.l.BorderWidth)
	for _, c := range rl.cells {
		r.f.Rect(c.x, y, c.w, h, "D")
	}
	for _, c := range rl.cells {
		if from >= len(c.lines) {
			continue
		}
		lines := c.lines[from:min(len(c.lines), from+count)]
		r.setFont(c.style, g.size)
		ty := y + g.padY
		if rl.middle {
			ty += float64(count-len(lines)) * g.lh / 2
		}
		last := from+len(lines) == len(c.lines)
		for j, line := range lines {
			a := alignCode(c.align)
			if c.align == docs.AlignJustify && ((last && j == len(lines)-1) || !strings.Contains(line, " ")) {
				a = "L"
			}
			r.text(c.x+g.padX, ty, c.w-2*g.padX, g.lh, line, a)
			ty += g.lh
		}
	}
	r.setY(y + h)
}
