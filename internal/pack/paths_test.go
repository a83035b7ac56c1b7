package pack

import (
	"strings"
	"testing"
)

func TestUnsafeReason(t *testing.T) {
	scenarios := []struct {
		name string
		safe bool
	}{
		{"data.json", true},
		{"pdf/to-trinh.pdf", true},
		{"attachments/Quyết định số 12/QĐ.pdf", true}, // a sub-folder is allowed
		{"attachments/.hidden", true},
		{"attachments/con tàu.pdf", true}, // "con" only as a whole base name
		{"attachments/com10.txt", true},
		{"", false},
		{"/etc/passwd", false},
		{`\\server\share`, false},
		{`pdf\a.pdf`, false},
		{"C:x.pdf", false},
		{"c:/x.pdf", false},
		{"pdf/a:stream", false},
		{"..", false},
		{"../x", false},
		{"pdf/../x", false},
		{"pdf/..", false},
		{"pdf//x", false},
		{"./x", false},
		{"pdf/", false},
		{"pdf/a\x00b", false},
		{"pdf/a\nb", false},
		{"pdf/a\x7fb", false},
		{"pdf/\xc3", false},
		{"pdf/a<b", false},
		{"pdf/a|b", false},
		{"pdf/a.", false},
		{"pdf/a ", false},
		{"attachments/CON", false},
		{"attachments/nul.tar.gz", false},
		{"attachments/Lpt3.txt", false},
		{"COM1/x.pdf", false},
	}
	for _, sc := range scenarios {
		r := unsafeReason(sc.name)
		if (r == "") != sc.safe {
			t.Errorf("unsafeReason(%q) = %q, want safe=%v", sc.name, r, sc.safe)
		}
	}
}

func TestFoldKey(t *testing.T) {
	scenarios := []struct {
		a, b  string
		equal bool
	}{
		{"pdf/A.pdf", "PDF/a.PDF", true},
		{"pdf/Tờ trình.pdf", "PDF/TỜ TRÌNH.PDF", true},
		{"attachments/Đơn.pdf", "attachments/đơn.pdf", true},
		{"K", "\u212a", true}, // Kelvin sign folds to k, as strings.EqualFold says
		{"pdf/a.pdf", "pdf/b.pdf", false},
		{"pdf/tờ.pdf", "pdf/tơ.pdf", false},
	}
	for _, sc := range scenarios {
		if got := foldKey(sc.a) == foldKey(sc.b); got != sc.equal || got != strings.EqualFold(sc.a, sc.b) {
			t.Errorf("foldKey(%q) == foldKey(%q) is %v, want %v", sc.a, sc.b, got, sc.equal)
		}
	}
}

func TestHumanSize(t *testing.T) {
	scenarios := []struct {
		n    int64
		want string
	}{
		{0, "0 byte"}, {1023, "1023 byte"}, {1536, "1,5 KB"}, {25 << 20, "25,0 MB"}, {1 << 30, "1,0 GB"},
	}
	for _, sc := range scenarios {
		if got := humanSize(sc.n); got != sc.want {
			t.Errorf("humanSize(%d) = %q, want %q", sc.n, got, sc.want)
		}
	}
}

func TestDisplay(t *testing.T) {
	scenarios := []struct{ in, want string }{
		{"pdf/Tờ trình.pdf", "pdf/Tờ trình.pdf"},
		{"a\x00b\nc", "a\uFFFDb\uFFFDc"},
		{"a\xffb", "a\uFFFDb"},
		{"\x1b[31m", "\uFFFD[31m"},
	}
	for _, sc := range scenarios {
		if got := display(sc.in); got != sc.want {
			t.Errorf("display(%q) = %q, want %q", sc.in, got, sc.want)
		}
	}
}
