//go:build windows

package typing

import (
	"sync"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var (
	user32            = windows.NewLazySystemDLL("user32.dll")
	procSetWindowLong = user32.NewProc("SetWindowLongPtrW")
	procCallWindow    = user32.NewProc("CallWindowProcW")
)

const gwlpWndProc = ^uintptr(3) // GWLP_WNDPROC, -4

// installed maps each window to GLFW's procedure and the filter in front.
var (
	mu        sync.Mutex
	installed = map[uintptr]*hook{}
	callback  = syscall.NewCallback(wndProc)
)

type hook struct {
	next uintptr // GLFW's window procedure
	f    filter
}

// Install puts the filter in front of the window's procedure. The window
// must have been shown (it exists only then); installing twice is harmless.
func Install(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		wc, ok := ctx.(driver.WindowsWindowContext)
		if !ok || wc.HWND == 0 {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if _, done := installed[wc.HWND]; done {
			return
		}
		h := &hook{}
		installed[wc.HWND] = h
		prev, _, _ := procSetWindowLong.Call(wc.HWND, gwlpWndProc, callback)
		if prev == 0 {
			delete(installed, wc.HWND)
			return
		}
		h.next = prev
	})
}

func wndProc(hwnd, msg, wParam, lParam uintptr) uintptr {
	mu.Lock()
	h := installed[hwnd]
	mu.Unlock()
	if h == nil || h.next == 0 {
		return 0
	}
	var ret uintptr
	for _, m := range h.f.pass(message{uint32(msg), wParam, lParam}) {
		ret, _, _ = procCallWindow.Call(h.next, hwnd, uintptr(m.msg), m.wParam, m.lParam)
	}
	return ret
}
