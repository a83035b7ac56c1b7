package paths

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestSafeFileName(t *testing.T) {
	scenarios := []struct {
		title, ext, want string
	}{
		{"Tờ trình 12/TTr-BHXH", ".pdf", "Tờ trình 12-TTr-BHXH.pdf"},
		{`Báo cáo: "thành tích" <2025>?`, ".pdf", "Báo cáo - thành tích - 2025.pdf"},
		{"Danh sách  đề nghị\tkhen thưởng", ".xlsx", "Danh sách đề nghị khen thưởng.xlsx"},
		{"Hồ sơ năm 2025...", ".pdf", "Hồ sơ năm 2025.pdf"},
		{"trailing space   ", "", "trailing space"},
		{"CON", ".pdf", "CON_.pdf"},
		{"prn", "", "prn_"},
		{"com1.backup", ".db", "com1.backup_.db"},
		{"Lpt9", ".txt", "Lpt9_.txt"},
		{"CONSOLE", ".pdf", "CONSOLE.pdf"},
		{"a\\b|c*d", ".pdf", "a-b-c-d.pdf"},
		{"???", ".pdf", "tai-lieu.pdf"},
		{"", ".xlsx", "tai-lieu.xlsx"},
		{norm.NFD.String("Nguyễn Thị Ánh"), ".pdf", "Nguyễn Thị Ánh.pdf"},
		{"a\x00b\x1fc", "", "a-b-c"},
	}
	for _, sc := range scenarios {
		if got := SafeFileName(sc.title, sc.ext); got != sc.want {
			t.Errorf("SafeFileName(%q, %q) = %q, want %q", sc.title, sc.ext, got, sc.want)
		}
	}
	long := SafeFileName(strings.Repeat("Báo cáo thành tích ", 40), ".pdf")
	if len(long) > MaxName || !strings.HasSuffix(long, ".pdf") || !norm.NFC.IsNormalString(long) {
		t.Fatalf("long name: %d bytes, %q", len(long), long)
	}
	if strings.HasSuffix(strings.TrimSuffix(long, ".pdf"), " ") {
		t.Fatal("long name ends with a space before the extension")
	}
}

func FuzzSafeFileName(f *testing.F) {
	for _, s := range []string{"Tờ trình 12/TTr", "CON", "a..", " ", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SafeFileName(s, ".pdf")
		base := strings.TrimSuffix(got, ".pdf")
		if base == "" || len(got) > MaxName || strings.ContainsAny(got, `<>:"/\|?*`) ||
			strings.HasSuffix(base, " ") || strings.HasSuffix(base, ".") || reserved[strings.ToUpper(base)] {
			t.Fatalf("SafeFileName(%q) = %q", s, got)
		}
		for _, r := range got {
			if r < 32 {
				t.Fatalf("control character in %q", got)
			}
		}
	})
}

func TestFitPath(t *testing.T) {
	dir := `C:\Users\Nguyễn Văn An\Tài liệu\Hồ sơ 2025`
	p, err := FitPath("windows", dir, "Tờ trình.pdf")
	if err != nil || p != dir+`\Tờ trình.pdf` {
		t.Fatalf("short: %q %v", p, err)
	}
	long := strings.Repeat("Báo cáo thành tích cá nhân ", 12) + ".pdf"
	p, err = FitPath("windows", dir, long)
	if err != nil {
		t.Fatal(err)
	}
	if WinLen(p) > MaxPath || !strings.HasSuffix(p, ".pdf") || !strings.HasPrefix(p, dir+`\Báo cáo`) {
		t.Fatalf("fitted: %d units, %q", WinLen(p), p)
	}
	deep := `C:\` + strings.Repeat(`thư mục rất sâu\`, 16)
	if _, err := FitPath("windows", deep, "Tờ trình đề nghị khen thưởng.pdf"); err == nil {
		t.Fatal("a folder too deep for any name must be refused")
	}
	// Other systems have no such limit.
	p, err = FitPath("linux", "/home/an/Hồ sơ", long)
	if err != nil || p != "/home/an/Hồ sơ/"+long {
		t.Fatalf("linux: %q %v", p, err)
	}
	if WinLen("C:\\a") != 4 || WinLen("Nguyễn") != 6 || WinLen("😀") != 2 {
		t.Fatal("WinLen counts UTF-16 units")
	}
}

func TestFileURL(t *testing.T) {
	scenarios := []struct {
		goos, path, want string
	}{
		{"windows", `C:\Users\Nguyễn Văn An\Tài liệu\Hồ sơ 2025\Tờ trình.pdf`,
			"file:///C:/Users/Nguy%E1%BB%85n%20V%C4%83n%20An/T%C3%A0i%20li%E1%BB%87u/H%E1%BB%93%20s%C6%A1%202025/T%E1%BB%9D%20tr%C3%ACnh.pdf"},
		{"windows", `D:\`, "file:///D:/"},
		{"windows", `\\may-chu\chia se\hồ sơ`, "file://may-chu/chia%20se/h%E1%BB%93%20s%C6%A1"},
		{"linux", "/home/an/Hồ sơ/a b.pdf", "file:///home/an/H%E1%BB%93%20s%C6%A1/a%20b.pdf"},
	}
	for _, sc := range scenarios {
		if got := FileURL(sc.goos, sc.path).String(); got != sc.want {
			t.Errorf("FileURL(%s, %q) = %s, want %s", sc.goos, sc.path, got, sc.want)
		}
	}
}

func TestCRLF(t *testing.T) {
	if got := CRLF("a\nb\r\nc\n"); got != "a\r\nb\r\nc\r\n" {
		t.Fatalf("%q", got)
	}
}

func TestWinJoin(t *testing.T) {
	scenarios := []struct {
		parts []string
		want  string
	}{
		{[]string{`C:\Users\An`, "tdkt", "tdkt.db"}, `C:\Users\An\tdkt\tdkt.db`},
		{[]string{`C:\`, "tdkt"}, `C:\tdkt`},
		{[]string{`C:/Users/An/`, "x"}, `C:/Users/An/x`},
		{[]string{"", "a"}, "a"},
	}
	for _, sc := range scenarios {
		if got := winJoin(sc.parts...); got != sc.want {
			t.Errorf("winJoin(%q) = %q, want %q", sc.parts, got, sc.want)
		}
	}
}
