//go:build windows && cgo

package winproc

/*
#include <windows.h>

// The window procedure GLFW gave the window, and what the filter remembers:
// whether the last key message was a VK_PACKET (a character an input method
// sent).
static WNDPROC tdktNext;
static int tdktPacket;

static LRESULT CALLBACK tdktFilter(HWND h, UINT m, WPARAM w, LPARAM l) {
	switch (m) {
	case WM_CLOSE:
		// The window goes: GLFW's own procedure sees it to its end, as if
		// the filter had never been there (a window destroyed with the
		// filter in front made Wine fault now and then).
		SetWindowLongPtrW(h, GWLP_WNDPROC, (LONG_PTR)tdktNext);
		break;
	case WM_KEYDOWN: case WM_KEYUP: case WM_SYSKEYDOWN: case WM_SYSKEYUP:
		tdktPacket = (w == VK_PACKET);
		if (tdktPacket) {
			return 0; // its character follows in a WM_CHAR already queued
		}
		break;
	case WM_CHAR:
		if (w == VK_BACK && tdktPacket) {
			// A Backspace sent as a character: the Backspace key, pressed
			// and released (scan code 0x0E; bits 30 and 31 of the release).
			CallWindowProcW(tdktNext, h, WM_KEYDOWN, VK_BACK, (0x0E << 16) | 1);
			return CallWindowProcW(tdktNext, h, WM_KEYUP, VK_BACK, (LPARAM)((3u << 30) | (0x0E << 16) | 1));
		}
		break;
	}
	return CallWindowProcW(tdktNext, h, m, w, l);
}

static int tdktInstall(uintptr_t hwnd) {
	HWND h = (HWND)hwnd;
	if (tdktNext != NULL) {
		return 1;
	}
	tdktNext = (WNDPROC)SetWindowLongPtrW(h, GWLP_WNDPROC, (LONG_PTR)tdktFilter);
	return tdktNext != NULL;
}
*/
import "C"

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// Install puts the filter in front of the main window's procedure. The
// window must have been shown (it exists only then); installing twice is
// harmless. One window only: the program has one.
func Install(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		if wc, ok := ctx.(driver.WindowsWindowContext); ok && wc.HWND != 0 {
			C.tdktInstall(C.uintptr_t(wc.HWND))
		}
	})
}
