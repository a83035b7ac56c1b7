package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

const ptPerMM = 72 / 25.4

func render(t testing.TB, doc docs.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(doc, &buf); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

var pageObj = regexp.MustCompile(`/Type /Page[^s]`)

func pageCount(b []byte) int { return len(pageObj.FindAll(b, -1)) }

func TestDefaultLayout_FollowsND30(t *testing.T) {
	l := DefaultLayout()
	scenarios := []struct {
		name   string
		got    float64
		lo, hi float64
	}{
		{"margin top (mm)", l.MarginTop, 20, 25},
		{"margin bottom (mm)", l.MarginBottom, 20, 25},
		{"margin left (mm)", l.MarginLeft, 30, 35},
		{"margin right (mm)", l.MarginRight, 15, 20},
		{"parent body size", l.ParentSize, 12, 13},
		{"issuer size", l.IssuerSize, 12, 13},
		{"number size", l.NumberSize, 13, 13},
		{"national title size", l.NationSize, 12, 13},
		{"motto size", l.MottoSize, 13, 14},
		{"place and date size", l.DateSize, 13, 14},
		{"document type size", l.KindSize, 13, 14},
		{"trích yếu size", l.TitleSize, 13, 14},
		{"body size", l.BodySize, 13, 14},
		{"page number size", l.PageNumberSize, 13, 14},
		{"authority and position size", l.SignTitleSize, 13, 14},
		{"signer name size", l.SignNameSize, 13, 14},
		{"Nơi nhận label size", l.RecipLabelSize, 12, 12},
		{"Nơi nhận entries size", l.RecipSize, 11, 11},
		{"line spacing", l.LineSpacing, 1, 1.5},
		{"paragraph spacing (pt)", l.ParagraphSpacing, 6, 12},
		{"first-line indent (mm)", l.FirstLineIndent, 10, 12.7},
		{"left header column share", l.HeaderLeftShare, 0.35, 0.45},
	}
	for _, sc := range scenarios {
		if sc.got < sc.lo || sc.got > sc.hi {
			t.Errorf("%s = %v, NĐ 30 wants %v–%v", sc.name, sc.got, sc.lo, sc.hi)
		}
	}
}

func TestRender_IsA4PDF(t *testing.T) {
	b := render(t, sampleToTrinh())
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) {
		t.Fatalf("does not start with %%PDF-1.: %q", b[:min(len(b), 16)])
	}
	if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
		t.Errorf("does not end with %s", "%%EOF")
	}
	if n := pageCount(b); n != 2 {
		t.Errorf("sample has %d pages, want 2", n)
	}
	if !bytes.Contains(b, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("portrait page is not A4 (595.28 x 841.89 pt)")
	}
	// The fonts are embedded subsets of Liberation Serif.
	if !bytes.Contains(b, []byte("/FontFile2")) || !bytes.Contains(b, []byte("/Encoding /Identity-H")) {
		t.Error("fonts are not embedded as Unicode (Identity-H) TrueType")
	}

	land := render(t, sampleBCTT())
	if !bytes.Contains(land, []byte("/MediaBox [0 0 841.89 595.28]")) {
		t.Error("landscape page is not A4 landscape (841.89 x 595.28 pt)")
	}
	if n := pageCount(land); n != 1 {
		t.Errorf("landscape sample has %d pages, want 1", n)
	}
}

func TestRender_Deterministic(t *testing.T) {
	first := render(t, sampleToTrinh())
	for range 3 {
		if again := render(t, sampleToTrinh()); !bytes.Equal(first, again) {
			t.Fatal("the same document rendered twice gives different bytes")
		}
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20260105")) {
		t.Error("creation date is not the document's date")
	}
	other := sampleToTrinh()
	other.Header.Number = docs.Number(13, "TTr", "BHXH")
	if bytes.Equal(first, render(t, other)) {
		t.Error("a different number gives the same bytes")
	}
}

// Documents rendered at the same time give the bytes they give alone: the
// fonts parsed once per process and the recycled compressors are shared
// by every document, and a dossier renders its files in parallel.
func TestRender_ConcurrentSameBytes(t *testing.T) {
	var ds []docs.Document
	for _, nd := range docs.Dossier(docs.SampleDossier(12)) {
		ds = append(ds, nd.Doc)
	}
	alone := make([][]byte, len(ds))
	for i, d := range ds {
		alone[i] = render(t, d)
	}
	together := make([][]byte, len(ds))
	errs := make([]error, len(ds))
	var wg sync.WaitGroup
	for round := range 3 {
		for i, d := range ds {
			wg.Go(func() {
				var buf bytes.Buffer
				errs[i] = Render(d, &buf)
				together[i] = buf.Bytes()
			})
		}
		wg.Wait()
		for i := range ds {
			if errs[i] != nil {
				t.Fatal(errs[i])
			}
			if !bytes.Equal(alone[i], together[i]) {
				t.Fatalf("round %d: %s %q rendered alongside others differs from its rendering alone", round, ds[i].Kind, ds[i].Title)
			}
		}
	}
}

func TestRender_RejectsInvalidDocument(t *testing.T) {
	var buf bytes.Buffer
	err := Render(docs.Document{Body: []docs.Block{docs.Table{}}}, &buf)
	if !errors.Is(err, docs.ErrInvalidDocument) {
		t.Fatalf("error = %v, want ErrInvalidDocument", err)
	}
	if buf.Len() != 0 {
		t.Error("an invalid document wrote bytes")
	}
}

// pdftotext runs poppler's pdftotext on b with args and returns its output.
func pdftotext(t *testing.T, b []byte, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, append(args, in, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %v: %v", args, err)
	}
	return string(out)
}

// flat collapses white space, so that searches do not depend on how
// pdftotext spaces justified text.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestRender_TextIsVietnamese(t *testing.T) {
	b := render(t, sampleToTrinh())
	all := flat(pdftotext(t, b))
	for _, want := range []string{
		"BẢO HIỂM XÃ HỘI VIỆT NAM",
		"BẢO HIỂM XÃ HỘI", "TỈNH HÀ TĨNH",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"Số: 12/TTr-BHXH",
		"Hà Tĩnh, ngày 05 tháng 01 năm 2026",
		"TỜ TRÌNH",
		"Về việc đề nghị tặng Bằng khen của Tổng Giám đốc",
		"Kính gửi: Tổng Giám đốc Bảo hiểm xã hội Việt Nam",
		"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
		"tháng 12 năm 2025.",
		"tỷ lệ bao phủ bảo hiểm y tế đạt 95,2% dân số",
		"DANH SÁCH ĐỀ NGHỊ",
		"A. TẬP THỂ", "B. CÁ NHÂN",
		"Phòng Giám định bảo hiểm y", "Nguyễn Thị Đức", "Nguyễn Thị Huệ", "Nguyễn Thị Lan",
		"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Bình",
		"Nơi nhận:", "- Như trên;", "- Giám đốc (để b/c);", "- Lưu: VT, TĐKT.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("text lacks %q", want)
		}
	}

	page1 := pdftotext(t, b, "-layout", "-f", "1", "-l", "1")
	page2 := pdftotext(t, b, "-layout", "-f", "2", "-l", "2")
	if first := firstLine(page1); strings.HasPrefix(first, "1") || strings.Contains(page1, "\n1\n") {
		t.Errorf("page 1 starts with %q: page 1 must have no number", first)
	}
	if first := firstLine(page2); first != "2" {
		t.Errorf("page 2 starts with %q, want its number 2", first)
	}
	// The table runs over the break with its header repeated.
	if !strings.Contains(flat(page1), "Nguyễn Thị An") || !strings.Contains(flat(page2), "Nguyễn Thị Lan") {
		t.Error("the table does not run from page 1 onto page 2")
	}
	if !strings.Contains(flat(page2), "Họ và tên / Tên tập thể") {
		t.Error("table header is not repeated on page 2")
	}
	if !strings.Contains(flat(page2), "Trần Thị Bình") {
		t.Error("signature is not on the last page")
	}

	land := flat(pdftotext(t, render(t, sampleBCTT())))
	for _, want := range []string{
		"BÁO CÁO THÀNH TÍCH", "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", "(1) (2) (3)",
		"THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN", "TRỰC TIẾP NHẬN XÉT, XÁC NHẬN", "(Ký, đóng dấu)", "Lê Văn Cường",
	} {
		if !strings.Contains(land, want) {
			t.Errorf("landscape text lacks %q", want)
		}
	}
	if strings.Contains(land, "Số:") {
		t.Error("a document without number prints a Số: line")
	}
}

func TestRender_SeveralAddressees(t *testing.T) {
	doc := sampleToTrinh()
	doc.KinhGui = []string{"Tổng Giám đốc Bảo hiểm xã hội Việt Nam", "Ban Thi đua - Khen thưởng Bảo hiểm xã hội Việt Nam"}
	b := render(t, doc)
	text := flat(pdftotext(t, b))
	for _, want := range []string{"Kính gửi: - Tổng Giám đốc Bảo hiểm xã hội Việt Nam;", "- Ban Thi đua - Khen thưởng Bảo hiểm xã hội Việt Nam."} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	words, _, _ := boxes(t, b)
	first, second := line(words, 1, "gửi:"), line(words, 1, "Ban")
	if len(first) < 3 || len(second) == 0 || first[0].text != "Kính" || first[2].text != "-" || second[0].text != "-" {
		t.Fatalf("addressees not found: %v / %v", first, second)
	}
	// The addressees hang from the label: the first on the label's line,
	// the next aligned under it.
	if math.Abs(first[2].xMin-second[0].xMin) > 0.5 {
		t.Errorf("second addressee starts at %.1f pt, the first at %.1f", second[0].xMin, first[2].xMin)
	}
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// word is a word of pdftotext -bbox output, in points from the top left.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

func (w word) cx() float64 { return (w.xMin + w.xMax) / 2 }

var (
	pageTag = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordTag = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// boxes returns the words of b with their boxes, and the page size.
func boxes(t *testing.T, b []byte) (words []word, pageW, pageH float64) {
	t.Helper()
	out := pdftotext(t, b, "-bbox")
	for i, page := range strings.Split(out, "<page ")[1:] {
		if m := pageTag.FindStringSubmatch("<page " + page); m != nil {
			pageW, _ = strconv.ParseFloat(m[1], 64)
			pageH, _ = strconv.ParseFloat(m[2], 64)
		}
		for _, m := range wordTag.FindAllStringSubmatch(page, -1) {
			w := word{page: i + 1, text: html.UnescapeString(m[5])}
			w.xMin, _ = strconv.ParseFloat(m[1], 64)
			w.yMin, _ = strconv.ParseFloat(m[2], 64)
			w.xMax, _ = strconv.ParseFloat(m[3], 64)
			w.yMax, _ = strconv.ParseFloat(m[4], 64)
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		t.Fatal("pdftotext found no words")
	}
	return words, pageW, pageH
}

// line returns the words on the same line as the first word with text on page.
func line(words []word, page int, text string) []word {
	var anchor *word
	for i := range words {
		if words[i].page == page && words[i].text == text {
			anchor = &words[i]
			break
		}
	}
	if anchor == nil {
		return nil
	}
	var out []word
	for _, w := range words {
		if w.page == page && math.Abs(w.yMax-anchor.yMax) < 1 {
			out = append(out, w)
		}
	}
	slices.SortFunc(out, func(a, b word) int { return int(a.xMin*100 - b.xMin*100) })
	return out
}

// columns splits a line's words at x.
func columns(ws []word, x float64) (left, right []word) {
	for _, w := range ws {
		if w.cx() < x {
			left = append(left, w)
		} else {
			right = append(right, w)
		}
	}
	return left, right
}

func flatWords(ws []word) string {
	var s []string
	for _, w := range ws {
		s = append(s, w.text)
	}
	return strings.Join(s, " ")
}

func span(ws []word) (x0, x1 float64) {
	x0, x1 = math.Inf(1), math.Inf(-1)
	for _, w := range ws {
		x0, x1 = min(x0, w.xMin), max(x1, w.xMax)
	}
	return
}

func TestRender_Positions(t *testing.T) {
	l := DefaultLayout()
	words, pageW, pageH := boxes(t, render(t, sampleToTrinh()))
	if math.Abs(pageW-595.28) > 0.5 || math.Abs(pageH-841.89) > 0.5 {
		t.Fatalf("page is %.2f x %.2f pt, want A4", pageW, pageH)
	}
	left, right := l.MarginLeft*ptPerMM, pageW-l.MarginRight*ptPerMM
	top := l.MarginTop * ptPerMM
	atLeft, atRight := 0, 0
	for _, w := range words {
		if w.xMin < left-0.5 || w.xMax > right+0.5 {
			t.Errorf("page %d: %q at x %.1f–%.1f pt is outside the text area %.1f–%.1f", w.page, w.text, w.xMin, w.xMax, left, right)
		}
		if w.yMax > pageH-l.MarginBottom*ptPerMM+0.5 {
			t.Errorf("page %d: %q reaches y %.1f pt, into the bottom margin", w.page, w.text, w.yMax)
		}
		if w.page == 1 && w.yMax < top-2 {
			t.Errorf("page 1: %q in the top margin (page 1 has no number)", w.text)
		}
		if math.Abs(w.xMin-left) < 0.6 {
			atLeft++
		}
		if math.Abs(w.xMax-right) < 0.6 {
			atRight++
		}
	}
	if atLeft < 5 {
		t.Errorf("only %d words start at the left margin (%.1f pt)", atLeft, left)
	}
	if atRight < 5 {
		t.Errorf("only %d words end at the right margin (%.1f pt): body is not justified", atRight, right)
	}

	centre := pageW / 2
	nation := line(words, 1, "CỘNG")
	if x0, x1 := span(nation); len(nation) != 8 || (x0+x1)/2 <= centre {
		t.Errorf("Quốc hiệu line (%d words, %.1f–%.1f pt) is not in the right half", len(nation), x0, x1)
	}
	issuer := line(words, 1, "TỈNH")
	if x0, x1 := span(issuer); len(issuer) == 0 || (x0+x1)/2 >= centre || x1 >= centre+10 {
		t.Errorf("issuing body (%.1f–%.1f pt) is not in the left column", x0, x1)
	}
	if x0, _ := span(nation); x0 < right-((right-left)*(1-l.HeaderLeftShare)) {
		t.Errorf("Quốc hiệu starts at %.1f pt, inside the left header column", x0)
	}
	// The number (left) and the date (right) share a line.
	split := left + (right-left)*l.HeaderLeftShare
	number, date := columns(line(words, 1, "Số:"), split)
	if x0, x1 := span(date); len(date) == 0 || (x0+x1)/2 <= centre || date[0].text != "Hà" {
		t.Errorf("date line %v is not in the right column", date)
	}
	if flatWords(number) != "Số: 12/TTr-BHXH" || flatWords(date) != "Hà Tĩnh, ngày 05 tháng 01 năm 2026" {
		t.Errorf("number and date are not on one line: %q | %q", flatWords(number), flatWords(date))
	}
	kind := line(words, 1, "TỜ")
	if x0, x1 := span(kind); math.Abs((x0+x1)/2-(left+right)/2) > 1 {
		t.Errorf("document type is not centred: %.1f–%.1f pt", x0, x1)
	}

	// Page 2 has its number centred in the top margin.
	found := false
	for _, w := range words {
		if w.page == 2 && w.text == "2" && w.yMax < top && math.Abs(w.cx()-(left+right)/2) < 3 {
			found = true
		}
	}
	if !found {
		t.Error("page 2 has no number centred in the top margin")
	}

	// Signature on the right, Nơi nhận on the left at the same height.
	name := line(words, 2, "Bình")
	if x0, x1 := span(name); len(name) == 0 || (x0+x1)/2 <= centre {
		t.Error("signer's name is not in the right column")
	}
	label := line(words, 2, "Nơi")
	authority := line(words, 2, "KT.")
	if len(label) == 0 || math.Abs(label[0].xMin-left) > 0.6 {
		t.Error("Nơi nhận does not start at the left margin")
	}
	if len(authority) == 0 || len(label) == 0 || math.Abs(authority[0].yMin-label[0].yMin) > 3 {
		t.Error("Nơi nhận is not level with the top of the signature block")
	}
	if len(name) > 0 && len(authority) > 0 && name[0].yMin-authority[0].yMax < l.SignatureSpace*ptPerMM {
		t.Error("less than the signature space between position and name")
	}

	// Justified lines spread their spaces, never squeeze them: the gap
	// between words is at least 80% of a normal space of the body size.
	minGap := 0.25 * l.BodySize * 0.8
	for _, text := range []string{"Nghị", "Biên", "101,3%"} {
		ws := line(words, 1, text)
		for i := 1; i < len(ws); i++ {
			if gap := ws[i].xMin - ws[i-1].xMax; gap < minGap {
				t.Errorf("line of %q: gap %.2f pt between %q and %q is narrower than a space", text, gap, ws[i-1].text, ws[i].text)
			}
		}
	}
}

func TestRender_LandscapePositions(t *testing.T) {
	l := DefaultLayout()
	words, pageW, pageH := boxes(t, render(t, sampleBCTT()))
	if pageW < pageH {
		t.Fatalf("page is %.2f x %.2f pt, want landscape", pageW, pageH)
	}
	left, right := l.MarginLeft*ptPerMM, pageW-l.MarginRight*ptPerMM
	for _, w := range words {
		if w.xMin < left-0.5 || w.xMax > right+0.5 {
			t.Errorf("%q at x %.1f–%.1f pt is outside the text area", w.text, w.xMin, w.xMax)
		}
	}
	// Both signers' names, or the places for them, are on one line.
	right1 := line(words, 1, "Cường")
	if len(right1) == 0 || right1[0].cx() < pageW/2 {
		t.Error("right signer is not in the right half")
	}
	leftTitle := line(words, 1, "CẤP")
	if x0, x1 := span(leftTitle); len(leftTitle) == 0 || (x0+x1)/2 >= pageW/2 {
		t.Error("left signature column is not in the left half")
	}
}

// rowsDocument has a table of three-line rows with group rows, to check
// that rows are not split and group rows stay with their first row.
func rowsDocument(rows int) docs.Document {
	tbl := docs.Table{
		Columns:      []docs.Column{{Header: "STT", Width: 1}, {Header: "TIÊU ĐỀ CỘT", Width: 6}},
		RepeatHeader: true,
	}
	for i := range rows {
		if i%5 == 0 {
			tbl.Rows = append(tbl.Rows, docs.GroupRow(fmt.Sprintf("NHÓM G%03d", i)))
		}
		tbl.Rows = append(tbl.Rows, docs.Cells(fmt.Sprint(i+1), fmt.Sprintf("R%03da\nR%03db\nR%03dc", i, i, i)))
	}
	return docs.Document{
		Header: docs.Header{IssuerName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Place: "Hà Tĩnh", Date: domain.MustDate("05/01/2026")},
		Kind:   "Danh sách",
		Body:   []docs.Block{tbl},
	}
}

func TestRender_TableRowsStayWhole(t *testing.T) {
	b := render(t, rowsDocument(80))
	n := pageCount(b)
	if n < 3 {
		t.Fatalf("only %d pages; the test needs page breaks", n)
	}
	pageOf := map[string]int{}
	for p := 1; p <= n; p++ {
		text := pdftotext(t, b, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
		if !strings.Contains(text, "TIÊU ĐỀ CỘT") {
			t.Errorf("page %d has no table header", p)
		}
		for _, f := range strings.Fields(text) {
			if strings.HasPrefix(f, "R") || strings.HasPrefix(f, "G") {
				if _, dup := pageOf[f]; dup {
					t.Errorf("%s printed twice", f)
				}
				pageOf[f] = p
			}
		}
	}
	for i := range 80 {
		a, b, c := pageOf[fmt.Sprintf("R%03da", i)], pageOf[fmt.Sprintf("R%03db", i)], pageOf[fmt.Sprintf("R%03dc", i)]
		if a == 0 || a != b || b != c {
			t.Errorf("row %d is split or missing: pages %d, %d, %d", i, a, b, c)
		}
		if i%5 == 0 {
			if g := pageOf[fmt.Sprintf("G%03d", i)]; g != a {
				t.Errorf("group row before row %d is on page %d, its first row on page %d", i, g, a)
			}
		}
	}
}

func TestRender_RowTallerThanAPageIsSplit(t *testing.T) {
	var cell []string
	for i := range 90 {
		cell = append(cell, fmt.Sprintf("L%03d", i))
	}
	doc := docs.Document{Body: []docs.Block{docs.Table{
		Columns: []docs.Column{{Header: "A"}, {Header: "B"}},
		Rows:    []docs.Row{docs.Cells("x", strings.Join(cell, "\n")), docs.Cells("after", "y")},
	}}}
	b := render(t, doc)
	if n := pageCount(b); n < 2 {
		t.Fatalf("%d pages for a 90-line row", n)
	}
	text := flat(pdftotext(t, b))
	at := -1
	for _, l := range append(cell, "after") {
		i := strings.Index(text, l)
		if i <= at {
			t.Fatalf("%s is missing or out of order", l)
		}
		at = i
	}
	if p1 := flat(pdftotext(t, b, "-f", "1", "-l", "1")); !strings.Contains(p1, "L000") {
		t.Error("the tall row does not start on page 1")
	}
}

func TestRender_BlankNumberAndDateKeepTheirSpace(t *testing.T) {
	doc := sampleToTrinh()
	doc.Header.Number = docs.Number(0, "TTr", "BHXH")
	doc.Header.Date = domain.Date{Year: 2026}
	words, _, _ := boxes(t, render(t, doc))
	l := DefaultLayout()
	num, date := columns(line(words, 1, "Số:"), (l.MarginLeft+(A4Width-l.MarginLeft-l.MarginRight)*l.HeaderLeftShare)*ptPerMM)
	if len(num) != 2 || num[1].text != "/TTr-BHXH" || num[1].xMin-num[0].xMax < 10 {
		t.Errorf("number line %v has no room for the number", num)
	}
	if flatWords(date) != "Hà Tĩnh, ngày tháng năm 2026" {
		t.Errorf("date line %q", flatWords(date))
	}
	for i := 1; i < len(date); i++ {
		if date[i].text == "tháng" || date[i].text == "năm" {
			if date[i].xMin-date[i-1].xMax < 10 {
				t.Errorf("no room for the day or month before %q", date[i].text)
			}
		}
	}
}

func TestWrap(t *testing.T) {
	r := newRenderer(DefaultLayout(), docs.Document{})
	r.f.AddPage()
	r.setFont(docs.Normal, 14)
	text := "Năm 2025, Bảo hiểm xã hội tỉnh Hà Tĩnh đã tổ chức   thực hiện tốt các chỉ tiêu, nhiệm vụ được giao"
	lines := r.wrap(text, 40, 60)
	if len(lines) < 3 {
		t.Fatalf("wrap gave %d lines", len(lines))
	}
	for i, l := range lines {
		w := 60.0
		if i == 0 {
			w = 40
		}
		if got := r.f.GetStringWidth(l); got > w+1e-6 {
			t.Errorf("line %d %q is %.1f mm wide, more than %.0f", i, l, got, w)
		}
	}
	if flat(strings.Join(lines, " ")) != flat(text) {
		t.Errorf("wrap lost or changed words: %q", lines)
	}
	if r.wrap("   ", 50, 50) != nil {
		t.Error("blank text has lines")
	}
	if got := r.wrap("a\nb", 50, 50); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("newline: %q", got)
	}
	long := strings.Repeat("x", 200)
	parts := r.wrap(long, 30, 30)
	if strings.Join(parts, "") != long || len(parts) < 2 {
		t.Errorf("an over-long word is not cut: %q", parts)
	}
	if got := r.wrap("abc", 0, 0); strings.Join(got, "") != "abc" {
		t.Errorf("zero width: %q", got)
	}
}

func TestBalanced(t *testing.T) {
	r := newRenderer(DefaultLayout(), docs.Document{})
	r.f.AddPage()
	r.setFont(docs.Bold, 13)
	scenarios := []struct {
		text  string
		width float64
		want  []string
	}{
		{"BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", 62, []string{"BẢO HIỂM XÃ HỘI", "TỈNH HÀ TĨNH"}},
		{"BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", 120, []string{"BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH"}},
		{"BẢO HIỂM XÃ HỘI\nCƠ SỞ HỒNG LĨNH", 120, []string{"BẢO HIỂM XÃ HỘI", "CƠ SỞ HỒNG LĨNH"}},
		{"THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN", 95, []string{"THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN", "TRỰC TIẾP NHẬN XÉT, XÁC NHẬN"}},
	}
	for _, sc := range scenarios {
		if got := r.balanced(sc.text, sc.width); !slices.Equal(got, sc.want) {
			t.Errorf("balanced(%q, %v) = %q, want %q", sc.text, sc.width, got, sc.want)
		}
	}
	if got := r.spaced("Số:      /TTr-BHXH", 60); !slices.Equal(got, []string{"Số:      /TTr-BHXH"}) {
		t.Errorf("spaced dropped the blanks: %q", got)
	}
}

// BenchmarkRender_500Rows renders the sample followed by a 500-row table,
// about 20 pages.
func BenchmarkRender_500Rows(b *testing.B) {
	doc := bigDocument()
	var size, pages int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Render(doc, &buf); err != nil {
			b.Fatal(err)
		}
		size, pages = buf.Len(), pageCount(buf.Bytes())
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size)/1024, "KiB")
}

var lineOp = regexp.MustCompile(`([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S`)

// segment is a drawn line, in points from the top left like pdftotext's boxes.
type segment struct{ x0, x1, y float64 }

func TestRender_Rules(t *testing.T) {
	l := DefaultLayout()
	l.Compress = false
	var buf bytes.Buffer
	if err := l.Render(sampleToTrinh(), &buf); err != nil {
		t.Fatal(err)
	}
	words, _, pageH := boxes(t, buf.Bytes())
	page1 := buf.Bytes()[:bytes.Index(buf.Bytes(), []byte("endstream"))] // page 1's content stream comes first
	var rules []segment
	for _, m := range lineOp.FindAllSubmatch(page1, -1) {
		f := func(i int) float64 { v, _ := strconv.ParseFloat(string(m[i]), 64); return v }
		if math.Abs(f(2)-f(4)) < 0.01 { // horizontal
			rules = append(rules, segment{min(f(1), f(3)), max(f(1), f(3)), pageH - f(2)})
		}
	}
	// under finds the rule just below the words (within 8 pt).
	under := func(name string, ws []word) segment {
		t.Helper()
		x0, x1 := span(ws)
		y := ws[0].yMax
		for _, r := range rules {
			if r.y > y && r.y-y < 8 && r.x0 < x1 && r.x1 > x0 {
				return r
			}
		}
		t.Fatalf("no rule under the %s (%.1f–%.1f pt, bottom %.1f); rules: %v", name, x0, x1, y, rules)
		return segment{}
	}
	if len(rules) != 3 {
		t.Errorf("page 1 has %d horizontal rules outside tables, want 3 (issuer, motto, trích yếu): %v", len(rules), rules)
	}

	split := (l.MarginLeft + (A4Width-l.MarginLeft-l.MarginRight)*l.HeaderLeftShare) * ptPerMM
	issuer1, motto := columns(line(words, 1, "Độc"), split) // "BẢO HIỂM XÃ HỘI" shares the motto's line
	m := under("motto", motto)
	if x0, x1 := span(motto); math.Abs(m.x0-x0) > 1 || math.Abs(m.x1-x1) > 1 {
		t.Errorf("motto rule %.1f–%.1f is not as wide as the motto %.1f–%.1f", m.x0, m.x1, x0, x1)
	}

	issuer2 := line(words, 1, "TỈNH")
	r := under("issuing body", issuer2)
	x0, x1 := span(append(issuer1, issuer2...))
	if share := (r.x1 - r.x0) / (x1 - x0); share < 1.0/3 || share > 0.5 {
		t.Errorf("issuer rule is %.2f of the name's width, want 1/3–1/2", share)
	}
	if math.Abs((r.x0+r.x1)/2-(x0+x1)/2) > 1 {
		t.Error("issuer rule is not centred under the name")
	}

	title := line(words, 1, "2025")
	tr := under("trích yếu", title)
	left, right := l.MarginLeft*ptPerMM, (A4Width-l.MarginRight)*ptPerMM
	if math.Abs((tr.x0+tr.x1)/2-(left+right)/2) > 1 {
		t.Error("trích yếu rule is not centred")
	}
}

func TestRender_LineBreakIsNotJustified(t *testing.T) {
	doc := docs.Document{Body: []docs.Block{
		docs.Paragraph{Text: "Họ và tên: Nguyễn Văn An\nNgày sinh: 05/01/1980"},
	}}
	words, _, _ := boxes(t, render(t, doc))
	l := DefaultLayout()
	first, second := line(words, 1, "Họ"), line(words, 1, "Ngày")
	if len(first) == 0 || len(second) == 0 {
		t.Fatal("lines not found")
	}
	if _, x1 := span(first); x1 > (A4Width-l.MarginRight)*ptPerMM-100 {
		t.Errorf("the line before a break is stretched to %.1f pt", x1)
	}
	if math.Abs(first[0].xMin-(l.MarginLeft+l.FirstLineIndent)*ptPerMM) > 0.6 || math.Abs(second[0].xMin-l.MarginLeft*ptPerMM) > 0.6 {
		t.Errorf("indents: first line at %.1f pt, second at %.1f pt", first[0].xMin, second[0].xMin)
	}
}
