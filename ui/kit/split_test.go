package kit

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestSplit_RemembersWhereTheDividerWasLeft(t *testing.T) {
	app := test.NewTempApp(t)
	s := Split("thu.nghiem", true, widget.NewLabel("trái"), widget.NewLabel("phải"), 0.3)
	if s.Offset != 0.3 || !s.Horizontal {
		t.Fatalf("first start: offset %v, horizontal %v", s.Offset, s.Horizontal)
	}
	s.SetOffset(0.62)
	SaveSplits(app.Preferences())
	again := Split("thu.nghiem", true, widget.NewLabel("trái"), widget.NewLabel("phải"), 0.3)
	if again.Offset != 0.62 {
		t.Errorf("next start: offset %v, want 0.62", again.Offset)
	}
	other := Split("khac", false, widget.NewLabel("trên"), widget.NewLabel("dưới"), 0.4)
	if other.Offset != 0.4 || other.Horizontal {
		t.Errorf("another pane: offset %v, horizontal %v", other.Offset, other.Horizontal)
	}
}
