package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestBar_WrapsInsteadOfWidening(t *testing.T) {
	test.NewTempApp(t)
	var buttons []fyne.CanvasObject
	for _, l := range []string{"Trình duyệt", "Duyệt", "Mở lại", "Đã gửi", "Lập hồ sơ…", "In Giấy khen…"} {
		buttons = append(buttons, widget.NewButton(l, nil))
	}
	bar := Bar(buttons...)
	widest := float32(0)
	total := float32(0)
	for _, b := range buttons {
		widest = max(widest, b.MinSize().Width)
		total += b.MinSize().Width
	}
	if got := bar.MinSize().Width; got != widest {
		t.Fatalf("MinSize width %v, want the widest button %v (the bar must not force its parent wider)", got, widest)
	}
	oneRow := bar.MinSize().Height

	// Wide enough: one row, left to right.
	bar.Resize(fyne.NewSize(total+100, oneRow))
	for i := 1; i < len(buttons); i++ {
		if buttons[i].Position().Y != buttons[0].Position().Y || buttons[i].Position().X <= buttons[i-1].Position().X {
			t.Fatalf("wide bar: button %d at %v after %v", i, buttons[i].Position(), buttons[i-1].Position())
		}
	}
	// Narrow: more rows, every button inside the width, and the bar asks
	// for the height of its rows.
	narrow := total / 2
	bar.Resize(fyne.NewSize(narrow, oneRow))
	rows := map[float32]bool{}
	for _, b := range buttons {
		rows[b.Position().Y] = true
		if b.Position().X+b.Size().Width > narrow+0.5 {
			t.Errorf("button %q ends at %v, past the width %v", b.(*widget.Button).Text, b.Position().X+b.Size().Width, narrow)
		}
	}
	if len(rows) < 2 {
		t.Fatalf("narrow bar laid out in %d row(s)", len(rows))
	}
	if bar.MinSize().Height <= oneRow {
		t.Errorf("narrow bar asks for %v high, no more than one row (%v)", bar.MinSize().Height, oneRow)
	}
}

func TestBar_SpacerPushesToTheRight(t *testing.T) {
	test.NewTempApp(t)
	left, right := widget.NewButton("Trái", nil), widget.NewButton("Phải", nil)
	bar := Bar(left, layout.NewSpacer(), right)
	bar.Resize(fyne.NewSize(600, bar.MinSize().Height))
	if end := right.Position().X + right.Size().Width; end < 599 {
		t.Errorf("right button ends at %v, want the right edge 600", end)
	}
	if left.Position().X != 0 {
		t.Errorf("left button at %v", left.Position().X)
	}
}
