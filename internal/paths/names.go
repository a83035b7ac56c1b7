package paths

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// MaxPath is the classic Windows limit on a full path (MAX_PATH, 260 UTF-16
// units including the terminating NUL). Explorer, Office and many backup
// tools still fail beyond it, so files the application writes stay under it.
const MaxPath = 259

// MaxName is the longest file name component NTFS and ext4 accept.
const MaxName = 255

var (
	dashRun  = regexp.MustCompile(`[ -]*-[ -]*`)
	spaceRun = regexp.MustCompile(` {2,}`)
)

// reserved are the device names Windows refuses as file names, with or
// without an extension ("CON.pdf" is as bad as "CON").
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// SafeFileName turns a title ("Tờ trình 12/TTr-BHXH: đề nghị…") into a file
// name every platform accepts: characters Windows forbids (<>:"/\|?*) and
// control characters become "-", runs of them and of spaces collapse,
// trailing dots and spaces go, reserved device names get a "_" suffix, the
// text is NFC (Windows and macOS would otherwise show two different names)
// and at most MaxName bytes, cut on a character boundary before ext. ext
// includes its dot (".pdf") or is empty.
func SafeFileName(title, ext string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(title) {
		switch {
		case r < 32 && r != '\t' && r != '\n' || r == 127 || strings.ContainsRune(`<>:"/\|?*`, r):
			b.WriteByte('-')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	// "a : b" reads "a - b", "12/TTr" reads "12-TTr": a run of dashes and
	// spaces becomes " - " if it held a space, else a single "-".
	name := dashRun.ReplaceAllStringFunc(b.String(), func(run string) string {
		if strings.Contains(run, " ") {
			return " - "
		}
		return "-"
	})
	name = spaceRun.ReplaceAllString(name, " ")
	name = strings.Trim(name, " .-")
	if name == "" {
		name = "tai-lieu"
	}
	base := name
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	if reserved[strings.ToUpper(strings.TrimSpace(base))] {
		name += "_"
	}
	limit := MaxName - len(ext)
	for len(name) > limit {
		_, size := lastRune(name)
		name = name[:len(name)-size]
	}
	name = strings.TrimRight(name, " .")
	return name + ext
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i]&0xC0 != 0x80 {
			return []rune(s[i:])[0], len(s) - i
		}
	}
	return 0, 1
}

// WinLen is the length of a path as Windows counts it (UTF-16 units).
func WinLen(p string) int { return len(utf16.Encode([]rune(p))) }

// FitPath returns dir joined with name (for goos), shortening the base of
// name (keeping its extension) so that the whole path stays within MaxPath
// on Windows. It fails when even a short name cannot fit.
func FitPath(goos, dir, name string) (string, error) {
	join := func(n string) string {
		if goos == "windows" {
			return winJoin(dir, n)
		}
		return strings.TrimRight(dir, "/") + "/" + n
	}
	p := join(name)
	if goos != "windows" || WinLen(p) <= MaxPath {
		return p, nil
	}
	ext := ""
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		ext = name[i:]
	}
	base := strings.TrimSuffix(name, ext)
	over := WinLen(p) - MaxPath
	runes := []rune(base)
	if over > len(runes)-8 {
		return "", fmt.Errorf("thư mục %s quá sâu: đường dẫn vượt %d ký tự mà Windows cho phép; chọn thư mục ngắn hơn", dir, MaxPath)
	}
	base = strings.TrimRight(string(runes[:len(runes)-over]), " .")
	return join(base + ext), nil
}

// FileURL is the file:// URL of an absolute path, for opening a document
// or a folder in the system's viewer. Windows paths (C:\…) become
// file:///C:/…; spaces and Vietnamese letters are percent-encoded.
func FileURL(goos, path string) *url.URL {
	p := path
	if goos == "windows" {
		p = strings.ReplaceAll(p, `\`, "/")
		if strings.HasPrefix(p, "//") { // UNC: \\server\share\x
			host, rest, _ := strings.Cut(strings.TrimPrefix(p, "//"), "/")
			return &url.URL{Scheme: "file", Host: host, Path: "/" + rest}
		}
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
	}
	return &url.URL{Scheme: "file", Path: p}
}

// CRLF converts line endings to the Windows convention, for text files
// that Notepad and Windows tools open (a .bat, a .txt note beside a package).
func CRLF(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\n", "\r\n")
}
