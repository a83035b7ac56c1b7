package typing

import (
	"reflect"
	"testing"
)

// packetDown is the key message Windows makes of a character sent with
// KEYEVENTF_UNICODE; its scan-code field holds the character's low byte.
func packetDown(r rune) message { return message{wmKeyDown, vkPacket, uintptr(r&0xFF)<<16 | 1} }
func packetUp(r rune) message {
	return message{wmKeyUp, vkPacket, 1<<31 | 1<<30 | uintptr(r&0xFF)<<16 | 1}
}
func char(r rune) message { return message{wmChar, uintptr(r), 1} }

func TestFilter_InputMethodSequences(t *testing.T) {
	backDown := message{wmKeyDown, vkBack, scanBack<<16 | 1}
	backUp := message{wmKeyUp, vkBack, 1<<31 | 1<<30 | scanBack<<16 | 1}
	realBackDown := message{wmKeyDown, vkBack, 0x0E<<16 | 1}
	scenarios := []struct {
		name string
		in   []message
		want []message
	}{
		{
			name: "a character sent as Unicode reaches GLFW only as its character",
			in:   []message{packetDown('ư'), char('ư'), packetUp('ư')},
			want: []message{char('ư')},
		},
		{
			name: "a Backspace sent as Unicode 0x08 becomes the Backspace key",
			in:   []message{packetDown(0x08), char(0x08), packetUp(0x08)},
			want: []message{backDown, backUp},
		},
		{
			name: "a real Backspace key keeps its path (its character is GLFW's to drop)",
			in:   []message{realBackDown, char(0x08)},
			want: []message{realBackDown, char(0x08)},
		},
		{
			name: "Ctrl+H after an input method's character is not a Backspace",
			in:   []message{packetDown('ơ'), char('ơ'), packetUp('ơ'), {wmKeyDown, 'H', 0x23 << 16}, char(0x08)},
			want: []message{char('ơ'), {wmKeyDown, 'H', 0x23 << 16}, char(0x08)},
		},
		{
			name: "other messages pass unchanged",
			in:   []message{{0x0200, 0, 0x00100010}, {wmKeyDown, 'A', 0x1E << 16}, char('a')},
			want: []message{{0x0200, 0, 0x00100010}, {wmKeyDown, 'A', 0x1E << 16}, char('a')},
		},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var f filter
			var got []message
			for _, m := range sc.in {
				got = append(got, f.pass(m)...)
			}
			if !reflect.DeepEqual(got, sc.want) {
				t.Errorf("got %x\nwant %x", got, sc.want)
			}
		})
	}
}

// TestFilter_TelexWord replays what an input method sends for "Hường"
// typed in Telex (h u w o w n g f) with its Backspaces as Unicode 0x08, and
// applies what GLFW would deliver to a text field.
func TestFilter_TelexWord(t *testing.T) {
	var in []message
	send := func(s string) {
		for _, r := range s {
			in = append(in, packetDown(r), char(r), packetUp(r))
		}
	}
	send("Hu\bưo\bơng\b\b\bờng")
	var f filter
	var text []rune
	for _, m := range in {
		for _, out := range f.pass(m) {
			switch {
			case out.msg == wmKeyDown && out.wParam == vkBack && len(text) > 0:
				text = text[:len(text)-1]
			case out.msg == wmChar && out.wParam >= 32: // GLFW drops the rest
				text = append(text, rune(out.wParam))
			}
		}
	}
	if string(text) != "Hường" {
		t.Errorf("text = %q, want %q", string(text), "Hường")
	}
}
