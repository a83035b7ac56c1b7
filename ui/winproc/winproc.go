// Package winproc puts a filter in front of GLFW's window procedure on
// Windows, for what GLFW (under Fyne) gets wrong there.
//
// Vietnamese input methods. The offices type with Unikey, EVKey or OpenKey,
// which rewrite what was typed: on "uw" they erase the plain "u" with a
// Backspace and send "ư" as a Unicode character (SendInput with
// KEYEVENTF_UNICODE). Some send that Backspace as a Unicode character 0x08
// too. Windows delivers such a character as a key message with the virtual
// key VK_PACKET, followed by a WM_CHAR. GLFW reads keys by their scan code,
// so a VK_PACKET becomes whatever physical key shares the character's low
// byte (0x08 is the "7" key), and its character callback drops every
// character below 32: the Backspace is lost and "Hường" arrives as
// "Huưoơngờng". A plain Win32 edit control gets it right, so the program
// must too. The filter keeps VK_PACKET key messages from GLFW (they name
// no key), and turns the character 0x08 that follows a VK_PACKET into the
// Backspace key, press and release, which Fyne's fields already
// understand. A real Backspace key, or Ctrl+H, keeps its own path. Text an
// input method pastes through the clipboard with Shift+Insert needs
// nothing here: Fyne's fields paste on Shift+Insert.
//
// The filter is a few lines of C (winproc_windows.go), and it steps aside
// when the window is asked to close: GLFW's own procedure sees the window
// to its end. A window procedure written in Go (called back through
// syscall.NewCallback for every message), or a filter left in place while
// the window was destroyed, made the program fault now and then as its
// window closed, under Wine and under load.
package winproc
