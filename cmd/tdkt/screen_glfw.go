//go:build cgo && !ci

package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// workArea is the primary screen's area without the taskbar, in the
// window's units (pixels over its scale); zero when it is unknown. It must
// run on the main goroutine once the window is shown (GLFW is set up and
// the window's scale is known).
func workArea(win fyne.Window) fyne.Size {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	_, _, w, h := m.GetWorkarea()
	scale := win.Canvas().Scale()
	if w <= 0 || h <= 0 || scale <= 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale)
}
