package ui

import (
	"fyne.io/fyne/v2"

	"tdkt/ui/kit"
)

// The preferences that keep the window's size between sessions.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// defaultWindow is the size of the first start when the screen has room.
var defaultWindow = fyne.NewSize(1280, 760)

// frame is what the system adds around the window's content (title bar and
// borders): the content must fit in the screen's work area less this.
var frame = fyne.NewSize(16, 40)

// WindowSize is the size of the window's content: the saved one when there
// is one, else the default, shrunk to fit the work area (the screen without
// the taskbar; zero when unknown). A 1366×768 laptop leaves about 728 points
// of height above the taskbar, less than the default.
func WindowSize(saved, work fyne.Size) fyne.Size {
	size := defaultWindow
	if saved.Width >= 200 && saved.Height >= 150 {
		size = saved
	}
	if work.Width > 0 && work.Height > 0 {
		size = size.Min(work.Subtract(frame))
	}
	return size
}

// FitWindow sizes the shown window to fit work (see WindowSize) and keeps
// its size in prefs when it closes, for the next start.
func FitWindow(win fyne.Window, prefs fyne.Preferences, work fyne.Size) {
	size := WindowSize(savedSize(prefs), work)
	if size != win.Canvas().Size() {
		win.Resize(size)
	}
	win.SetOnClosed(func() {
		s := win.Canvas().Size()
		prefs.SetFloat(prefWidth, float64(s.Width))
		prefs.SetFloat(prefHeight, float64(s.Height))
		kit.SaveSplits(prefs)
	})
}

func savedSize(prefs fyne.Preferences) fyne.Size {
	return fyne.NewSize(float32(prefs.Float(prefWidth)), float32(prefs.Float(prefHeight)))
}
