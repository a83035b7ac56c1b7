//go:build windows

// Command sendkeys types into the focused window of the TĐKT program the
// way Vietnamese input methods do on Windows, for the checks under Wine:
// Telex keystrokes rewritten with Backspaces and Unicode characters
// (SendInput with KEYEVENTF_UNICODE), or a whole word pasted through the
// clipboard with Shift+Insert. Then Enter saves the form and Alt+F4 closes
// the window, both as input, so they arrive after the text.
//
//	sendkeys -mode vk|unicode|paste|close -text "Nguyễn Thị Hường"
//
// vk sends each Backspace as the virtual key VK_BACK (OpenKey's way),
// unicode as the character 0x08 (what GLFW used to lose), paste as one
// clipboard paste; close only closes the window.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
	"unicode/utf16"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32               = windows.NewLazySystemDLL("user32.dll")
	kernel32             = windows.NewLazySystemDLL("kernel32.dll")
	procSendInput        = user32.NewProc("SendInput")
	procFindWindow       = user32.NewProc("FindWindowW")
	procSetForeground    = user32.NewProc("SetForegroundWindow")
	procGetForeground    = user32.NewProc("GetForegroundWindow")
	procOpenClipboard    = user32.NewProc("OpenClipboard")
	procEmptyClipboard   = user32.NewProc("EmptyClipboard")
	procSetClipboardData = user32.NewProc("SetClipboardData")
	procCloseClipboard   = user32.NewProc("CloseClipboard")
	procGetClipboardData = user32.NewProc("GetClipboardData")
	procGetOpenClipboard = user32.NewProc("GetOpenClipboardWindow")
	procGlobalAlloc      = kernel32.NewProc("GlobalAlloc")
	procGlobalLock       = kernel32.NewProc("GlobalLock")
	procGlobalUnlock     = kernel32.NewProc("GlobalUnlock")
	procMoveMemory       = kernel32.NewProc("RtlMoveMemory")
)

const (
	inputKeyboard     = 1
	keyeventfExtended = 0x0001
	keyeventfKeyUp    = 0x0002
	keyeventfUnicode  = 0x0004
	vkBack            = 0x08
	vkReturn          = 0x0D
	vkShift           = 0x10
	vkMenu            = 0x12
	vkInsert          = 0x2D
	vkF4              = 0x73
	cfUnicodeText     = 13
	gmemMoveable      = 0x0002
)

// input is Win32's INPUT with its KEYBDINPUT, laid out for amd64.
type input struct {
	typ       uint32
	_         uint32
	vk        uint16
	scan      uint16
	flags     uint32
	time      uint32
	extraInfo uintptr
	_         [8]byte
}

func send(in ...input) {
	n, _, err := procSendInput.Call(uintptr(len(in)), uintptr(unsafe.Pointer(&in[0])), unsafe.Sizeof(in[0]))
	if int(n) != len(in) {
		fail("SendInput: %v", err)
	}
	// An input method types at a person's pace; the window drains its queue.
	time.Sleep(15 * time.Millisecond)
}

func key(vk, scan uint16, flags uint32) []input {
	return []input{
		{typ: inputKeyboard, vk: vk, scan: scan, flags: flags},
		{typ: inputKeyboard, vk: vk, scan: scan, flags: flags | keyeventfKeyUp},
	}
}

func unicodeChar(r rune) {
	for _, u := range utf16.Encode([]rune{r}) {
		send(key(0, u, keyeventfUnicode)...)
	}
}

// telex is what an input method sends for "Nguyễn Thị Hường" typed in
// Telex (n g u y e e n x, t h i j, h u w o w n g f): '\b' is the Backspace
// with which it erases what it is about to replace.
const telex = "Nguye\bên\b\bễn Thi\bị Hu\bưo\bơng\b\b\bờng"

func main() {
	mode := flag.String("mode", "", "vk, unicode, paste or close")
	text := flag.String("text", "Nguyễn Thị Hường", "the text that must arrive (paste mode)")
	title := flag.String("title", "Thi đua - Khen thưởng", "the window to type into")
	flag.Parse()
	hwnd := findWindow(*title)
	// Keys go to the foreground window: wait until it is this one, or
	// the first ones land nowhere.
	for i := 0; ; i++ {
		procSetForeground.Call(hwnd)
		if fg, _, _ := procGetForeground.Call(); fg == hwnd {
			break
		}
		if i == 600 {
			fail("the window %q never came to the foreground", *title)
		}
		time.Sleep(100 * time.Millisecond)
	}
	switch *mode {
	case "vk", "unicode":
		for _, r := range telex {
			switch {
			case r == '\b' && *mode == "vk":
				send(key(vkBack, 0x0E, 0)...)
			default:
				unicodeChar(r)
			}
		}
	case "paste":
		setClipboard(*text)
		send(input{typ: inputKeyboard, vk: vkShift, scan: 0x2A})
		send(key(vkInsert, 0x52, keyeventfExtended)...)
		send(input{typ: inputKeyboard, vk: vkShift, scan: 0x2A, flags: keyeventfKeyUp})
	case "close":
	default:
		fail("-mode must be vk, unicode, paste or close")
	}
	if *mode != "close" {
		send(key(vkReturn, 0x1C, 0)...)
		time.Sleep(500 * time.Millisecond)
	}
	send(input{typ: inputKeyboard, vk: vkMenu, scan: 0x38})
	send(key(vkF4, 0x3E, 0)...)
	send(input{typ: inputKeyboard, vk: vkMenu, scan: 0x38, flags: keyeventfKeyUp})
}

func findWindow(title string) uintptr {
	t, _ := windows.UTF16PtrFromString(title)
	for i := 0; i < 600; i++ {
		if h, _, _ := procFindWindow.Call(0, uintptr(unsafe.Pointer(t))); h != 0 {
			return h
		}
		time.Sleep(100 * time.Millisecond)
	}
	fail("no window titled %q", title)
	return 0
}

func setClipboard(s string) {
	u := utf16.Encode([]rune(s + "\x00"))
	h, _, err := procGlobalAlloc.Call(gmemMoveable, uintptr(len(u)*2))
	if h == 0 {
		fail("GlobalAlloc: %v", err)
	}
	p, _, _ := procGlobalLock.Call(h)
	procMoveMemory.Call(p, uintptr(unsafe.Pointer(&u[0])), uintptr(len(u)*2))
	procGlobalUnlock.Call(h)
	if r, _, err := procOpenClipboard.Call(0); r == 0 {
		fail("OpenClipboard: %v", err)
	}
	procEmptyClipboard.Call()
	if r, _, err := procSetClipboardData.Call(cfUnicodeText, h); r == 0 {
		fail("SetClipboardData: %v", err)
	}
	procCloseClipboard.Call()
	// Other programs (Wine's clipboard bridge to X11, a clipboard manager
	// on Windows) open the clipboard when it changes; a paste while they
	// hold it finds nothing. Wait until nobody holds it and it still has
	// the text, three times in a row.
	for free, i := 0, 0; free < 3; i++ {
		if i == 600 {
			fail("the clipboard never came free with the text")
		}
		time.Sleep(50 * time.Millisecond)
		if holder, _, _ := procGetOpenClipboard.Call(); holder != 0 {
			free = 0
			continue
		}
		if r, _, _ := procOpenClipboard.Call(0); r == 0 {
			free = 0
			continue
		}
		d, _, _ := procGetClipboardData.Call(cfUnicodeText)
		procCloseClipboard.Call()
		if d == 0 {
			free = 0
			continue
		}
		free++
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "sendkeys: "+format+"\n", args...)
	os.Exit(1)
}
