package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWindowSize_FitsTheWorkArea(t *testing.T) {
	scenarios := []struct {
		name        string
		saved, work fyne.Size
		want        fyne.Size
	}{
		{"first start, screen unknown", fyne.Size{}, fyne.Size{}, defaultWindow},
		{"first start, large screen", fyne.Size{}, fyne.NewSize(1920, 1040), defaultWindow},
		{"first start, 1366×768 laptop", fyne.Size{}, fyne.NewSize(1366, 728), fyne.NewSize(1280, 688)},
		{"first start, 1024×768", fyne.Size{}, fyne.NewSize(1024, 728), fyne.NewSize(1008, 688)},
		{"saved size kept", fyne.NewSize(1500, 900), fyne.NewSize(1920, 1040), fyne.NewSize(1500, 900)},
		{"saved on a larger screen, shrunk", fyne.NewSize(1800, 1000), fyne.NewSize(1366, 728), fyne.NewSize(1350, 688)},
		{"nonsense saved size ignored", fyne.NewSize(20, 10), fyne.NewSize(1920, 1040), defaultWindow},
	}
	for _, sc := range scenarios {
		if got := WindowSize(sc.saved, sc.work); got != sc.want {
			t.Errorf("%s: WindowSize(%v, %v) = %v, want %v", sc.name, sc.saved, sc.work, got, sc.want)
		}
	}
}

func TestFitWindow_RemembersTheSizeAtClosing(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("")
	FitWindow(win, a.Preferences(), fyne.NewSize(1366, 728))
	if got := win.Canvas().Size(); got != fyne.NewSize(1280, 688) {
		t.Fatalf("first start: %v", got)
	}
	win.Resize(fyne.NewSize(1100, 650))
	win.Close()
	next := a.NewWindow("")
	FitWindow(next, a.Preferences(), fyne.NewSize(1366, 728))
	if got := next.Canvas().Size(); got != fyne.NewSize(1100, 650) {
		t.Errorf("next start: %v, want the size at closing", got)
	}
}
