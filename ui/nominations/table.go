package nominations

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/ui/kit"
)

// cellText is what a cell of a read-only table shows: text and a colour
// (green for Đủ, red for Không đủ).
type cellText struct {
	text string
	imp  widget.Importance
}

// plain is a cell in the theme's text colour.
func plain(s string) cellText { return cellText{text: s, imp: widget.MediumImportance} }

// colouredTable is a read-only table of truncated labels under a bold
// header row, like kit.TextTable, whose cells may be coloured. rows and
// cell are read at every refresh.
func colouredTable(cols []kit.Column, rows func() int, cell func(row, col int) cellText) *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= rows() {
				return
			}
			c := cell(id.Row, id.Col)
			l.Importance = c.imp
			l.TextStyle.Bold = c.imp == widget.SuccessImportance || c.imp == widget.DangerImportance
			l.SetText(c.text)
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(lang.L(cols[id.Col].Header))
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.Width)
	}
	return t
}

// colsLayout lays objects out in a row of fixed widths; a width of 0 takes
// an equal share of what is left. Header and rows of an editable list use
// the same widths so that they line up.
type colsLayout struct{ widths []float32 }

func (l *colsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, flex := float32(0), 0
	for i := range objs {
		if i < len(l.widths) && l.widths[i] > 0 {
			fixed += l.widths[i]
		} else {
			flex++
		}
	}
	rest := size.Width - fixed - pad*float32(max(0, len(objs)-1))
	x := float32(0)
	for i, o := range objs {
		w := float32(0)
		if i < len(l.widths) && l.widths[i] > 0 {
			w = l.widths[i]
		} else if flex > 0 {
			w = max(0, rest/float32(flex))
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

func (l *colsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		if i < len(l.widths) && l.widths[i] > 0 {
			w += l.widths[i]
		} else {
			w += min(m.Width, 120)
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+pad*float32(max(0, len(objs)-1)), h)
}

// bold is a column header.
func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(lang.L(text), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
