package docx

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"tdkt/internal/docs"
)

// TestLibreOffice_RoundTrip opens the .docx files in another word
// processor: LibreOffice converts them to PDF, and the PDF must hold the
// words of the model, on A4 in the model's orientation, with page numbers
// from page 2 of each document on.
//
// The test does not call t.Parallel: one LibreOffice at a time, converting
// every file in one run (it starts slowly). Its profile is a private
// folder, so that test runs of other packages or checkouts do not clash.
// Nothing depends on how fast the machine is.
func TestLibreOffice_RoundTrip(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice is not installed (apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils)")
	}
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s (poppler-utils) is needed beside LibreOffice: %v", tool, err)
		}
	}
	dir := t.TempDir()
	var files []string
	var picked []sample
	for _, s := range samples() {
		// The key sheet's base64 key is one long word that any word
		// processor cuts where it likes; the other documents have words.
		if strings.HasPrefix(s.name, "Phiếu đăng ký khóa") {
			continue
		}
		name := filepath.Join(dir, fmt.Sprintf("f%02d.docx", len(files)))
		if err := os.WriteFile(name, render(t, s.docs), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
		picked = append(picked, s)
	}
	out := filepath.Join(dir, "pdf")
	profile := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "profile"))}
	cmd := exec.Command(soffice, append([]string{"-env:UserInstallation=" + profile.String(), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", out}, files...)...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for i, s := range picked {
		pdfPath := filepath.Join(out, strings.TrimSuffix(filepath.Base(files[i]), ".docx")+".pdf")
		if _, err := os.Stat(pdfPath); err != nil {
			t.Errorf("%s: LibreOffice wrote no PDF: %v", s.name, err)
			continue
		}
		checkPageSize(t, s, pdfPath)
		text := command(t, "pdftotext", "-enc", "UTF-8", pdfPath, "-")
		checkWords(t, s, text)
		checkPageNumbers(t, s, command(t, "pdftotext", "-enc", "UTF-8", "-layout", pdfPath, "-"))
	}
}

func command(t *testing.T, name string, args ...string) string {
	t.Helper()
	b, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(b)
}

var pageSize = regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`)

// checkPageSize checks that every page is A4 (595.3 × 841.9 pt) in the
// orientation of its document.
func checkPageSize(t *testing.T, s sample, path string) {
	t.Helper()
	info := command(t, "pdfinfo", "-f", "1", "-l", "9999", path)
	sizes := pageSize.FindAllStringSubmatch(info, -1)
	if len(sizes) == 0 {
		t.Fatalf("%s: pdfinfo gives no page size:\n%s", s.name, info)
	}
	for i, m := range sizes {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		short, long := min(w, h), max(w, h)
		if abs(short-595.3) > 1 || abs(long-841.9) > 1 {
			t.Errorf("%s: page %d is %.1f × %.1f pt, not A4", s.name, i+1, w, h)
		}
		if landscape := w > h; landscape != (s.docs[0].Orientation == docs.Landscape) {
			t.Errorf("%s: page %d is %.1f × %.1f pt, the model is %s", s.name, i+1, w, h, s.docs[0].Orientation)
		}
	}
}

func abs(x float64) float64 { return max(x, -x) }

// words splits text into words for comparison, at white space and after
// "/". Hyphens are dropped: a word processor may break a line after one
// ("25/QĐ-BHXH"), and pdftotext then joins the two parts without it.
func words(text string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ReplaceAll(text, "-", "")) {
		for w != "" {
			i := strings.IndexByte(w, '/')
			if i < 0 {
				out = append(out, w)
				break
			}
			out = append(out, w[:i+1])
			w = w[i+1:]
		}
	}
	return out
}

// checkWords compares the words of the PDF with the model's as multisets:
// two-column headers, tables and the signature block come out of a PDF in
// an order of their own. Allowed differences: page numbers, the header
// rows of tables repeated on each page, and a word cut between two lines
// of a narrow table cell (it comes back as its pieces).
func checkWords(t *testing.T, s sample, text string) {
	t.Helper()
	count := map[string]int{}
	repeated := map[string]bool{}
	for _, d := range s.docs {
		for _, w := range words(strings.Join(modelTexts(d), " ")) {
			count[w]++
		}
		for _, b := range d.Body {
			if tb, ok := docs.Value(b).(docs.Table); ok && tb.RepeatHeader {
				for i, c := range tb.Columns {
					for _, w := range words(c.Header + fmt.Sprintf(" (%d)", i+1)) {
						repeated[w] = true
					}
				}
			}
		}
	}
	for _, w := range words(text) {
		count[w]--
	}
	extra := map[string]int{}
	for w, n := range count {
		if n < 0 {
			extra[w] = -n
		}
	}
	var missing, unexpected []string
	for w, n := range count {
		for range n {
			if !pieces(w, extra) {
				missing = append(missing, w)
			}
		}
	}
	for w := range repeated {
		for pieces(w, extra) { // a repeated header cut between lines
		}
	}
	for w, n := range extra {
		if n > 0 && !repeated[w] && strings.TrimFunc(w, unicode.IsDigit) != "" {
			unexpected = append(unexpected, fmt.Sprintf("%s×%d", w, n))
		}
	}
	slices.Sort(missing)
	slices.Sort(unexpected)
	if len(missing) > 0 {
		t.Errorf("%s: words of the model missing from LibreOffice's PDF: %v", s.name, missing)
	}
	if len(unexpected) > 0 {
		t.Errorf("%s: words in LibreOffice's PDF that the model does not have: %v", s.name, unexpected)
	}
}

// pieces takes w out of the extra words as two or more pieces ("STT" as
// "ST" and "T"), and reports whether it could.
func pieces(w string, extra map[string]int) bool {
	for i := 1; i < len(w); i++ {
		head := w[:i]
		if extra[head] == 0 {
			continue
		}
		extra[head]--
		if tail := w[i:]; extra[tail] > 0 {
			extra[tail]--
			return true
		} else if pieces(tail, extra) {
			return true
		}
		extra[head]++
	}
	return false
}

// checkPageNumbers reads the first line of each page: the first page of a
// document has no number, the others are numbered 2, 3, … from it.
func checkPageNumbers(t *testing.T, s sample, layoutText string) {
	t.Helper()
	pages := strings.Split(strings.TrimSuffix(layoutText, "\f"), "\f")
	starts, want := 0, 0
	for i, p := range pages {
		first := ""
		for _, line := range strings.Split(p, "\n") {
			if first = strings.TrimSpace(line); first != "" {
				break
			}
		}
		n, err := strconv.Atoi(first)
		if err != nil {
			starts++ // the first page of a document
			want = 2
			continue
		}
		if i == 0 || n != want {
			t.Errorf("%s: page %d is numbered %d, want %d", s.name, i+1, n, want)
		}
		want = n + 1
	}
	if starts != len(s.docs) {
		t.Errorf("%s: %d pages without a number, want one per document (%d)", s.name, starts, len(s.docs))
	}
}
