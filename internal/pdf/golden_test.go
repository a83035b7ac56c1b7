package pdf

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

var update = flag.Bool("update", false, "rewrite the layout goldens in testdata/golden from the current output")

// goldenDocuments are the documents whose layout is kept as a golden file:
// every kind the application prints. From the sample round, every document
// of the dossier but one achievement report per award (they differ only in
// their data); and the documents of the year, of a small office.
func goldenDocuments() []docs.NamedDocument {
	var out []docs.NamedDocument
	seen := map[string]bool{}
	for _, nd := range docs.Dossier(docs.SampleDossier(12)) {
		if nd.Book != "" {
			if seen[nd.Book] {
				continue
			}
			seen[nd.Book] = true
		}
		out = append(out, nd)
	}
	key := docs.KeySheetInput{Profile: yearProfile(), PublicKey: "b4UynAh9JBrw2EBoIB9sd3+d0EZviK7w1zj/Vz6HTxQ=",
		Fingerprint: "80AE 358B 6ACF 9D02 2657 D2C9 8166 8531", Date: domain.NewDate(2026, 11, 23)}
	return append(out,
		docs.NamedDocument{Name: "Bản đăng ký thi đua", Doc: docs.Registration(yearRegistration(24, 3))},
		docs.NamedDocument{Name: "Báo cáo tự chấm điểm", Doc: docs.Assessment(yearAssessment())},
		docs.NamedDocument{Name: "Báo cáo sơ kết phong trào", Doc: docs.MovementReview(yearReview(2023, 2024, 2025))},
		docs.NamedDocument{Name: "Phiếu đăng ký khóa", Doc: docs.KeySheet(key)},
	)
}

// layoutText is the placement of every line of text of doc, as the renderer
// laid it out: a block per page, each line with its position in mm from
// the top left corner, its box width, font, alignment and text.
func layoutText(t *testing.T, doc docs.Document) string {
	t.Helper()
	var b strings.Builder
	page := 0
	styles := map[docs.Style]string{docs.Normal: "R", docs.Bold: "B", docs.Italic: "I", docs.BoldItalic: "BI"}
	err := DefaultLayout().renderBook([]docs.Document{doc}, io.Discard, func(r textRun) {
		if r.page != page {
			page = r.page
			fmt.Fprintf(&b, "--- trang %d\n", page)
		}
		fmt.Fprintf(&b, "%6.1f %6.1f %6.1f %s%g %s %s\n", r.y, r.x, r.w, styles[r.style], r.size, r.align, r.txt)
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// goldenName is a file name of the document's name, without diacritics.
func goldenName(name string) string {
	s := strings.Trim(unsafeName.ReplaceAllString(domain.Fold(name), "-"), "-")
	return s + ".txt"
}

// TestLayoutGoldens compares the layout of every kind of document with its
// golden file, so that a change in wording, order, line breaks or page
// breaks shows in review as a diff of text. After a deliberate change, run
//
//	go test ./internal/pdf -run TestLayoutGoldens -update
//
// and read the diff before committing it.
func TestLayoutGoldens(t *testing.T) {
	dir := filepath.Join("testdata", "golden")
	ds := goldenDocuments()
	want := map[string]bool{}
	for _, nd := range ds {
		name := goldenName(nd.Name)
		if nd.Book != "" {
			name = goldenName(nd.Book) // one report per award
		}
		if want[name] {
			t.Fatalf("two documents share the golden file %s", name)
		}
		want[name] = true
		got := layoutText(t, nd.Doc)
		path := filepath.Join(dir, name)
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: no golden file (run with -update to write it): %v", nd.Name, err)
			continue
		}
		if exp := string(b); exp != got {
			t.Errorf("%s: the layout differs from %s:\n%s", nd.Name, path, firstDiff(exp, got))
		}
	}
	// A golden file of a document that is no longer printed is stale.
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range files {
		if !want[filepath.Base(f)] {
			if *update {
				os.Remove(f)
			} else {
				t.Errorf("%s is the golden of no document", f)
			}
		}
	}
}

// firstDiff shows the first differing line with its neighbours.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			from := max(0, i-2)
			ctx := strings.Join(g[from:min(len(g), i)], "\n")
			return fmt.Sprintf("line %d\n%s\n- %s\n+ %s", i+1, ctx, a, b)
		}
	}
	return ""
}

// The goldens hold text in NFC, as the renderer prints it.
func TestLayoutGoldens_NFC(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no layout golden")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !norm.NFC.IsNormal(b) {
			t.Errorf("%s is not NFC", f)
		}
	}
}
