package pdf

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// placements are the lines of doc as the renderer placed them.
func placements(t *testing.T, doc docs.Document) []textRun {
	t.Helper()
	var runs []textRun
	if err := DefaultLayout().renderBook([]docs.Document{doc}, io.Discard, func(r textRun) { runs = append(runs, r) }); err != nil {
		t.Fatal(err)
	}
	return runs
}

func lastPage(runs []textRun) int {
	p := 0
	for _, r := range runs {
		p = max(p, r.page)
	}
	return p
}

// pageOf is the page of the first line with text txt, 0 if none.
func pageOf(runs []textRun, txt string) int {
	for _, r := range runs {
		if r.txt == txt {
			return r.page
		}
	}
	return 0
}

const keepSigner = "Nguyễn Văn Hùng"

// keepDocument is a document with the given body, signed, with a Nơi nhận.
func keepDocument(body ...docs.Block) docs.Document {
	return docs.Document{
		Header:     docs.Header{IssuerName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Place: "Hà Tĩnh", Date: domain.MustDate("05/01/2026")},
		Kind:       "Báo cáo",
		Title:      []string{"Thử giữ chữ ký với nội dung"},
		Body:       body,
		Signature:  docs.Signature{Right: docs.SignatureColumn{Position: "Giám đốc", Name: keepSigner}},
		Recipients: []string{"Như trên", "Lưu: VT, TĐKT"},
	}
}

// numbered are n body lines "Dòng 01 …", one a line.
func numbered(prefix string, from, n int) []string {
	var out []string
	for i := from; i < from+n; i++ {
		out = append(out, fmt.Sprintf("%s %02d của phần nội dung.", prefix, i))
	}
	return out
}

func rowsTable(rows []docs.Row) docs.Table {
	return docs.Table{Columns: []docs.Column{{Header: "STT", Width: 1}, {Header: "Nội dung", Width: 8}}, Rows: rows, RepeatHeader: true}
}

// An administrative document never has its signature alone at the top of
// a page. Each body below fills the first page so exactly that the text
// ends on it and the signature block does not fit under it: the last lines
// of the text (the last two lines of a paragraph, the last row of a table
// with its group row, a heading with its only line) must go to the next
// page with the signature and the Nơi nhận.
func TestRender_SignatureNeverAlone(t *testing.T) {
	scenarios := []struct {
		name string
		body func(n int) []docs.Block
		// carried is what the signature's page must hold of the body, given n.
		carried func(n int) []string
	}{
		{
			name: "paragraph",
			body: func(n int) []docs.Block {
				return []docs.Block{docs.Paragraph{Text: strings.Join(numbered("Dòng", 1, n), "\n")}}
			},
			carried: func(n int) []string { return numbered("Dòng", n-1, 2) },
		},
		{
			name: "table",
			body: func(n int) []docs.Block {
				var rows []docs.Row
				for i := range n {
					rows = append(rows, docs.Cells(fmt.Sprint(i+1), fmt.Sprintf("Hàng %02d", i+1)))
				}
				return []docs.Block{rowsTable(rows)}
			},
			carried: func(n int) []string {
				return []string{"STT", "Nội dung", fmt.Sprint(n), fmt.Sprintf("Hàng %02d", n)}
			},
		},
		{
			name: "table ending with a group",
			body: func(n int) []docs.Block {
				var rows []docs.Row
				for i := range n {
					rows = append(rows, docs.Cells(fmt.Sprint(i+1), fmt.Sprintf("Hàng %02d", i+1)))
				}
				rows = append(rows, docs.GroupRow("B. CÁ NHÂN"), docs.Cells("1", "Hàng cuối"))
				return []docs.Block{rowsTable(rows)}
			},
			carried: func(int) []string { return []string{"STT", "Nội dung", "B. CÁ NHÂN", "1", "Hàng cuối"} },
		},
		{
			name: "heading and a one-line paragraph",
			body: func(n int) []docs.Block {
				return []docs.Block{
					docs.Paragraph{Text: strings.Join(numbered("Dòng", 1, n), "\n")},
					docs.Heading{Text: "III. KIẾN NGHỊ"},
					docs.Paragraph{Text: "Không có kiến nghị."},
				}
			},
			carried: func(int) []string { return []string{"III. KIẾN NGHỊ", "Không có kiến nghị."} },
		},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			// The body that fills page 1: alone it ends on page 1, and the
			// signature does not fit under it.
			n := 0
			for k := 1; k <= 80; k++ {
				unsigned := keepDocument(sc.body(k)...)
				unsigned.Signature, unsigned.Recipients = docs.Signature{}, nil
				if lastPage(placements(t, unsigned)) > 1 {
					break
				}
				if lastPage(placements(t, keepDocument(sc.body(k)...))) > 1 {
					n = k
				}
			}
			if n == 0 {
				t.Fatal("no body fills the first page so that the signature does not fit under it")
			}
			runs := placements(t, keepDocument(sc.body(n)...))
			sigPage := pageOf(runs, keepSigner)
			if sigPage != 2 || pageOf(runs, "GIÁM ĐỐC") != 2 || pageOf(runs, "Nơi nhận:") != 2 {
				t.Fatalf("signer on page %d, title on page %d, Nơi nhận on page %d; want all on page 2",
					sigPage, pageOf(runs, "GIÁM ĐỐC"), pageOf(runs, "Nơi nhận:"))
			}
			// What page 2 holds of the body, in order (not the page number,
			// the signature or the Nơi nhận).
			var body []string
			for _, r := range runs {
				if r.page == 2 && r.y < pageYOf(runs, "GIÁM ĐỐC") && r.y > DefaultLayout().MarginTop-0.01 {
					body = append(body, r.txt)
				}
			}
			if want := sc.carried(n); !slices.Equal(body, want) {
				t.Errorf("page 2 holds %q of the body, want %q", body, want)
			}
			// Page 1 still ends with text, never with a lone first line.
			if sc.name == "paragraph" && pageOf(runs, numbered("Dòng", n-2, 1)[0]) != 1 {
				t.Errorf("line %d left page 1", n-2)
			}
		})
	}
}

// pageYOf is the y of the first line with text txt.
func pageYOf(runs []textRun, txt string) float64 {
	for _, r := range runs {
		if r.txt == txt {
			return r.y
		}
	}
	return 0
}

// Short paragraphs move whole: carrying two lines of a three-line
// paragraph would leave its first line alone at the foot of the page.
func TestCarriedLines(t *testing.T) {
	for _, sc := range []struct {
		segs [][]string
		want int
	}{
		{[][]string{{"a"}}, 0},
		{[][]string{{"a", "b"}}, 0},
		{[][]string{{"a", "b", "c"}}, 0},
		{[][]string{{"a", "b", "c", "d"}}, 2},
		{[][]string{{"a", "b"}, nil, {"c", "d", "e"}}, 4}, // a blank line counts
	} {
		if got := carriedLines(sc.segs); got != sc.want {
			t.Errorf("carriedLines(%q) = %d, want %d", sc.segs, got, sc.want)
		}
	}
	rows := []docs.Row{docs.Cells("1"), docs.GroupRow("B"), docs.Cells("2")}
	if got := carriedRows(rows); got != 1 {
		t.Errorf("carriedRows with a group before the last row = %d, want 1", got)
	}
	if got := carriedRows(rows[:1]); got != 0 {
		t.Errorf("carriedRows of one row = %d, want 0", got)
	}
}
