package pdf

import (
	"bytes"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

func bookDoc(name string, paragraphs int) docs.Document {
	d := docs.Document{
		Header: docs.Header{ParentName: "Bảo hiểm xã hội Việt Nam", IssuerName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Place: "Hà Tĩnh", Date: domain.MustDate("05/01/2026")},
		Kind:   "BÁO CÁO THÀNH TÍCH",
		Title:  []string{name},
	}
	for i := 0; i < paragraphs; i++ {
		d.Body = append(d.Body, docs.Paragraph{Text: strings.Repeat("Hoàn thành xuất sắc nhiệm vụ được giao, có sáng kiến được công nhận. ", 8)})
	}
	return d
}

func TestRenderBook_NumbersEachDocumentFromItsSecondPage(t *testing.T) {
	ds := []docs.Document{bookDoc("Nguyễn Văn An", 14), bookDoc("Trần Thị Bình", 14)}
	var book bytes.Buffer
	if err := RenderBook(ds, &book); err != nil {
		t.Fatal(err)
	}
	var one bytes.Buffer
	if err := Render(ds[0], &one); err != nil {
		t.Fatal(err)
	}
	perDoc := bytes.Count(one.Bytes(), []byte("/Type /Page\n"))
	if perDoc < 2 {
		t.Fatalf("the sample document should span pages, has %d", perDoc)
	}
	if got := bytes.Count(book.Bytes(), []byte("/Type /Page\n")); got != 2*perDoc {
		t.Fatalf("book has %d pages, want %d", got, 2*perDoc)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	firstLine := func(page int) string {
		cmd := exec.Command("pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-layout", "-", "-")
		cmd.Stdin = bytes.NewReader(book.Bytes())
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(out), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				return l
			}
		}
		return ""
	}
	// Page 1 and the second document's first page carry no number; the
	// second pages of both documents read "2".
	if l := firstLine(2); l != "2" {
		t.Fatalf("page 2 starts with %q, want 2", l)
	}
	if l := firstLine(perDoc + 1); l == "1" || l == strconv.Itoa(perDoc+1) {
		t.Fatalf("second document's first page numbered: %q", l)
	}
	if l := firstLine(perDoc + 2); l != "2" {
		t.Fatalf("second document's second page starts with %q, want 2", l)
	}
	if err := RenderBook([]docs.Document{ds[0], {Orientation: docs.Landscape, Kind: "X", Header: ds[0].Header}}, &bytes.Buffer{}); err == nil {
		t.Fatal("mixed orientations accepted")
	}
}
