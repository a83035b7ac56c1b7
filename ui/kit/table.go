package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Column is one column of a read-only text table: its header (a lang key)
// and its width in the table.
type Column struct {
	Header string
	Width  float32
}

// TextTable is a widget.Table of truncated labels under a bold header row.
// rows and cell are read at every refresh, so the table follows the view's
// data without copying it.
func TextTable(cols []Column, rows func() int, cell func(row, col int) string) *widget.Table {
	return StyledTable(cols, rows, func(r, c int) (string, widget.Importance) { return cell(r, c), widget.MediumImportance })
}

// StyledTable is TextTable whose cells carry an importance: success and
// danger cells (Đủ / Không đủ, Đạt / Không đạt) show bold in green or red.
func StyledTable(cols []Column, rows func() int, cell func(row, col int) (string, widget.Importance)) *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= rows() {
				return
			}
			l := o.(*widget.Label)
			text, imp := cell(id.Row, id.Col)
			// A cell is one line high: a value of several lines (a note,
			// a changed address in the journal) is shown on one, or it
			// would draw over the rows below.
			text = oneLine(text)
			l.Importance = imp
			l.TextStyle.Bold = imp == widget.SuccessImportance || imp == widget.DangerImportance
			l.SetText(text)
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

// Columns lays objects out in a row of fixed widths; a width of 0 takes an
// equal share of what is left (at least FlexMin when the row is measured).
// The header and the rows of an editable list use the same Columns so that
// they line up.
type Columns struct {
	Widths  []float32
	FlexMin float32
}

// Layout places the objects.
func (l *Columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, flex := float32(0), 0
	for i := range objs {
		if i < len(l.Widths) && l.Widths[i] > 0 {
			fixed += l.Widths[i]
		} else {
			flex++
		}
	}
	rest := size.Width - fixed - pad*float32(max(0, len(objs)-1))
	x := float32(0)
	for i, o := range objs {
		w := float32(0)
		if i < len(l.Widths) && l.Widths[i] > 0 {
			w = l.Widths[i]
		} else if flex > 0 {
			w = max(0, rest/float32(flex))
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

// MinSize is the fixed widths plus FlexMin per flexible column.
func (l *Columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		if i < len(l.Widths) && l.Widths[i] > 0 {
			w += l.Widths[i]
		} else {
			w += min(m.Width, l.FlexMin)
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+pad*float32(max(0, len(objs)-1)), h)
}

// oneLine joins the lines of text with " · ".
func oneLine(text string) string {
	if !strings.ContainsAny(text, "\r\n") {
		return text
	}
	var parts []string
	for _, l := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " · ")
}
