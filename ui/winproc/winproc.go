// Package typing makes the Vietnamese input methods of Windows offices
// (Unikey, EVKey, OpenKey) work in every text field of the window.
//
// These programs rewrite what was typed: on "uw" they erase the plain "u"
// with a Backspace and send "ư" as a Unicode character (SendInput with
// KEYEVENTF_UNICODE). Some send that Backspace as a Unicode character 0x08
// too. Windows delivers such a character as a key message with the virtual
// key VK_PACKET, followed by a WM_CHAR. GLFW, under Fyne, reads keys by
// their scan code, so a VK_PACKET becomes whatever physical key shares the
// character's low byte (0x08 is the "7" key), and its character callback
// drops every character below 32: the Backspace is lost and "Hường" arrives
// as "Huưoơngờng". A plain Win32 edit control gets it right, so the program
// must too.
//
// The filter below sits in front of GLFW's window procedure: it keeps
// VK_PACKET key messages from GLFW (they name no key), and turns the
// character 0x08 that follows a VK_PACKET into the Backspace key, press and
// release, which Fyne's fields already understand. A real Backspace key, or
// Ctrl+H, keeps its own path. Text an input method pastes through the
// clipboard with Shift+Insert needs nothing here: Fyne's fields paste on
// Shift+Insert.
package typing

// Windows message and key codes the filter works with.
const (
	wmKeyDown    = 0x0100
	wmKeyUp      = 0x0101
	wmChar       = 0x0102
	wmSysKeyDown = 0x0104
	wmSysKeyUp   = 0x0105

	vkBack   = 0x08
	vkPacket = 0xE7

	scanBack = 0x0E // the Backspace key's scan code (set 1)
)

// message is a window message as the window procedure receives it.
type message struct {
	msg            uint32
	wParam, lParam uintptr
}

// filter remembers whether the last key message was a VK_PACKET, which
// tells a Backspace character sent by an input method from one that
// Windows made of a key press.
type filter struct {
	packet bool
}

// pass decides what GLFW's window procedure receives for m: m itself, a
// Backspace press and release in its place, or nothing.
func (f *filter) pass(m message) []message {
	switch m.msg {
	case wmKeyDown, wmKeyUp, wmSysKeyDown, wmSysKeyUp:
		f.packet = m.wParam == vkPacket
		if f.packet {
			// Its character arrives in the WM_CHAR that Windows has
			// already queued behind it.
			return nil
		}
	case wmChar:
		if m.wParam == vkBack && f.packet {
			return []message{
				{wmKeyDown, vkBack, scanBack<<16 | 1},
				// Bits 30 and 31: the key was down and is being released.
				{wmKeyUp, vkBack, 1<<31 | 1<<30 | scanBack<<16 | 1},
			}
		}
	}
	return []message{m}
}
