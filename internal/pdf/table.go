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

// table draws a bordered table. A row that does not fit on the page moves to
// the next one (a group row takes its first row along); only a row taller
// than a whole page is split between pages. With RepeatHeader the header
// rows are drawn again at the top of each continuation page.
func (r *renderer) table(t docs.Table) {
	size := t.FontSize
	if size == 0 {
		size = r.l.TableSize
	}
	g := tableGeom{ws: t.Widths(r.textW), size: size, lh: r.tightH(size), padX: r.l.CellPaddingX, padY: r.l.CellPaddingY}
	x := r.left
	for _, w := range g.ws {
		g.xs = append(g.xs, x)
		x += w
	}

	var header []rowLayout
	hasHeader := false
	hc := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		hc[i] = c.Header
		hasHeader = hasHeader || strings.TrimSpace(c.Header) != ""
	}
	if hasHeader {
		header = append(header, r.layoutRow(g, hc, docs.Bold, func(int) docs.Align { return docs.AlignCenter }, true))
	}
	if t.NumberRow {
		nums := make([]string, len(t.Columns))
		for i := range nums {
			nums[i] = fmt.Sprintf("(%d)", i+1)
		}
		header = append(header, r.layoutRow(g, nums, docs.Italic, func(int) docs.Align { return docs.AlignCenter }, true))
	}
	headerH := 0.0
	for _, h := range header {
		headerH += g.height(h.lineCount())
	}

	rows := make([]rowLayout, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = r.layoutBodyRow(g, t, row)
	}

	drawHeader := func() {
		for _, h := range header {
			r.drawRow(g, h, 0, h.lineCount())
		}
	}
	capacity := r.room()
	if t.RepeatHeader {
		capacity -= headerH
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
	r.ensure(min(headerH+first, r.room()))
	drawHeader()
	if t.RepeatHeader {
		prev := r.onNewPage
		r.onNewPage = drawHeader
		defer func() { r.onNewPage = prev }()
	}
	for i, rl := range rows {
		n := rl.lineCount()
		h := g.height(n)
		need := h
		if t.Rows[i].Group && i+1 < len(rows) {
			need += g.height(rows[i+1].lineCount())
		}
		switch {
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
