package nominations

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
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

// colouredTable is kit.StyledTable over cellText cells.
func colouredTable(cols []kit.Column, rows func() int, cell func(row, col int) cellText) *widget.Table {
	return kit.StyledTable(cols, rows, func(r, c int) (string, widget.Importance) {
		t := cell(r, c)
		return t.text, t.imp
	})
}

// bold is a column header.
func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(lang.L(text), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
