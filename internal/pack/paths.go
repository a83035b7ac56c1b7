package pack

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names of the entries every package carries besides the listed files.
const (
	nameManifest  = "manifest.json"
	nameSignature = "manifest.sig"
	namePublicKey = "unit.pub"
	nameData      = "data.json"
)

// isSpecial reports whether name is one of the entries that are not listed
// in the manifest because they describe or sign it.
func isSpecial(name string) bool {
	return name == nameManifest || name == nameSignature || name == namePublicKey
}

// unsafeReason says, in Vietnamese, why name cannot be a file name inside a
// package, or returns "" when it is safe. A package travels from Windows
// offices to the centre, so a name must be harmless on every system the
// centre might extract it on: no way out of the target folder, no drive or
// absolute root, nothing Windows refuses or treats as a device. Build and
// Verify share this one rule so a package we build always verifies.
func unsafeReason(name string) string {
	switch {
	case name == "":
		return "tên tệp rỗng"
	case !utf8.ValidString(name):
		return "tên tệp không phải UTF-8 hợp lệ"
	case strings.ContainsFunc(name, isControl):
		return "tên tệp chứa ký tự điều khiển"
	case strings.Contains(name, `\`):
		return `tên tệp dùng dấu \ (chỉ được dùng dấu /)`
	case strings.HasPrefix(name, "/"):
		return "đường dẫn tuyệt đối (bắt đầu bằng /)"
	case len(name) >= 2 && name[1] == ':' && isASCIILetter(name[0]):
		return "đường dẫn có tên ổ đĩa (như C:)"
	case strings.Contains(name, ":"):
		return "tên tệp chứa dấu hai chấm"
	}
	for seg := range strings.SplitSeq(name, "/") {
		switch {
		case seg == "..":
			return "đường dẫn leo ra ngoài thư mục gói (..)"
		case seg == "" || seg == ".":
			return "đường dẫn có đoạn rỗng hoặc dấu chấm đơn"
		case strings.ContainsAny(seg, `<>"|?*`):
			return `tên tệp chứa ký tự Windows không cho phép (< > " | ? *)`
		case strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " "):
			return "tên tệp kết thúc bằng dấu chấm hoặc khoảng trắng"
		case isDeviceName(seg):
			return "tên tệp trùng tên thiết bị của Windows (CON, NUL, COM1…)"
		}
	}
	return ""
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isDeviceName reports the names Windows maps to devices whatever the
// extension ("con.pdf" opens the console).
func isDeviceName(seg string) bool {
	base, _, _ := strings.Cut(seg, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return '0' <= base[3] && base[3] <= '9'
	}
	return false
}

// kindOf returns the kind a path's place in the layout of contracts.md
// implies, and false when the path has no place in it.
func kindOf(path string) (string, bool) {
	switch {
	case path == nameData:
		return KindData, true
	case strings.HasPrefix(path, "xlsx/") && len(path) > len("xlsx/"):
		return KindXLSX, true
	case strings.HasPrefix(path, "pdf/") && len(path) > len("pdf/"):
		return KindPDF, true
	case strings.HasPrefix(path, "attachments/") && len(path) > len("attachments/"):
		return KindAttachment, true
	}
	return "", false
}

// foldKey maps a name to a key equal for names strings.EqualFold considers
// equal, so "PDF/A.pdf" and "pdf/a.PDF" collide as they would on Windows.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		lo := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			lo = min(lo, f)
		}
		b.WriteRune(lo)
	}
	return b.String()
}

// display makes a name from an untrusted archive fit to show a person:
// invalid bytes and control characters become U+FFFD, so a hostile name
// cannot break a table row or a terminal.
func display(name string) string {
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(name, string(utf8.RuneError)))
}

// humanSize writes a byte count the way a Vietnamese reader expects
// ("1,5 MB").
func humanSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d byte", n)
	}
	units := []string{"KB", "MB", "GB", "TB"}
	v := float64(n) / unit
	i := 0
	for v >= unit && i < len(units)-1 {
		v /= unit
		i++
	}
	return strings.Replace(fmt.Sprintf("%.1f %s", v, units[i]), ".", ",", 1)
}
