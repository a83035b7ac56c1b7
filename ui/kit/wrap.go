package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// Bar lays out a row of buttons and labels that wraps onto more rows when
// the window is too narrow for it, so that on a 1024-pixel screen every
// action stays on screen instead of forcing the window wider. A spacer
// (layout.NewSpacer) pushes what follows it to the right end of its row.
func Bar(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&wrapLayout{}, objects...)
}

// wrapLayout places its objects left to right at their minimum widths and
// starts a new row when the next one does not fit. Its minimum height is
// that of the rows it needed at the width it was last given (a layout does
// not know its width before being laid out); the canvas notices the change
// and lays the parent out again.
type wrapLayout struct {
	width float32 // the width it was last laid out at; 0 before
}

// MinSize is as wide as the widest object, so the bar never forces its
// parent wider, and as high as the rows it needed at its last width.
func (l *wrapLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w, h float32
	for _, o := range objs {
		if o.Visible() && !isSpacer(o) {
			w = max(w, o.MinSize().Width)
		}
	}
	for _, row := range l.split(objs, l.width) {
		_, rh := rowSize(row, pad)
		if h > 0 {
			h += pad
		}
		h += rh
	}
	return fyne.NewSize(w, h)
}

func (l *wrapLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	pad := theme.Padding()
	y := float32(0)
	for _, row := range l.split(objs, size.Width) {
		rw, rh := rowSize(row, pad)
		spacers := 0
		for _, o := range row {
			if isSpacer(o) {
				spacers++
			}
		}
		extra := float32(0)
		if spacers > 0 && size.Width > rw {
			extra = (size.Width - rw) / float32(spacers)
		}
		x := float32(0)
		for _, o := range row {
			if isSpacer(o) {
				x += extra
				continue
			}
			ms := o.MinSize()
			o.Move(fyne.NewPos(x, y+(rh-ms.Height)/2))
			o.Resize(ms)
			x += ms.Width + pad
		}
		y += rh + pad
	}
}

// split cuts the visible objects into rows no wider than width (0: one row).
func (*wrapLayout) split(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	pad := theme.Padding()
	var rows [][]fyne.CanvasObject
	var row []fyne.CanvasObject
	x := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if isSpacer(o) {
			w = 0
		}
		if width > 0 && len(row) > 0 && x+w > width && !isSpacer(o) {
			rows = append(rows, row)
			row, x = nil, 0
		}
		row = append(row, o)
		x += w + pad
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

func rowSize(row []fyne.CanvasObject, pad float32) (w, h float32) {
	n := 0
	for _, o := range row {
		if isSpacer(o) {
			continue
		}
		ms := o.MinSize()
		w += ms.Width
		h = max(h, ms.Height)
		n++
	}
	if n > 1 {
		w += pad * float32(n-1)
	}
	return w, h
}

func isSpacer(o fyne.CanvasObject) bool {
	_, ok := o.(layout.SpacerObject)
	return ok
}
