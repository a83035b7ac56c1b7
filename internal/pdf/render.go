package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
)

// Render writes doc as a PDF in the default NĐ 30 layout.
func Render(doc docs.Document, w io.Writer) error {
	return DefaultLayout().Render(doc, w)
}

// Render writes doc as a PDF in layout l.
func (l Layout) Render(doc docs.Document, w io.Writer) error {
	return l.RenderBook([]docs.Document{doc}, w)
}

// RenderBook writes several documents of the same orientation into one
// PDF, each starting on a new page with its own page numbering (none on its
// first page). A dossier's achievement reports print as one file per award
// this way, and the fonts are parsed once instead of once per report.
func RenderBook(ds []docs.Document, w io.Writer) error {
	return DefaultLayout().RenderBook(ds, w)
}

// RenderBook writes ds as one PDF in layout l.
func (l Layout) RenderBook(ds []docs.Document, w io.Writer) error {
	return l.renderBook(ds, w, nil)
}

// textRun is one line of text as the renderer placed it: what layout
// tests compare, page by page, against the expected placement.
type textRun struct {
	page       int
	x, y, w    float64 // mm from the top left corner of the page
	style      docs.Style
	size       float64
	align, txt string
}

// renderBook is RenderBook, telling trace (when not nil) every line it
// places.
func (l Layout) renderBook(ds []docs.Document, w io.Writer, trace func(textRun)) error {
	if len(ds) == 0 {
		return fmt.Errorf("RenderBook: no document")
	}
	for i, d := range ds {
		if err := d.Validate(); err != nil {
			return err
		}
		if d.Orientation != ds[0].Orientation {
			return fmt.Errorf("RenderBook: document %d has another orientation", i+1)
		}
	}
	r := newRenderer(l, ds[0])
	r.trace = trace
	for _, d := range ds {
		r.doc, r.firstPage, r.onNewPage = d, r.f.PageNo()+1, nil
		r.document()
	}
	if err := r.f.Output(w); err != nil {
		return fmt.Errorf("ghi tệp PDF: %w", err)
	}
	return nil
}

// family is the name the embedded face carries in the PDF (gofpdf derives
// the font's BaseFont from it), so that a viewer's font list names the real
// face rather than a made-up one.
const family = "LiberationSerif"

var fontFiles = map[docs.Style][]byte{
	docs.Normal:     liberationserifregular.TTF,
	docs.Bold:       liberationserifbold.TTF,
	docs.Italic:     liberationserifitalic.TTF,
	docs.BoldItalic: liberationserifbolditalic.TTF,
}

var styleCodes = map[docs.Style]string{
	docs.Normal: "", docs.Bold: "B", docs.Italic: "I", docs.BoldItalic: "BI",
}

// renderer lays the document out top to bottom. It breaks pages itself
// (gofpdf's automatic break is off) so that it can keep headings with
// their text, repeat table headers, never split a signature block and never
// leave it alone on a page.
type renderer struct {
	f   *gofpdf.Fpdf
	l   Layout
	doc docs.Document

	left, right   float64 // x of the text edges
	top, bottom   float64 // y of the text edges
	textW         float64
	headerLeftW   float64 // left header column; the right one is textW - headerLeftW
	registered    [4]bool // fonts are parsed only when first used
	onNewPage     func()  // repeats a table header after a break
	paraSpacingMM float64
	firstPage     int // the current document's first page (RenderBook)

	style docs.Style // the current font
	size  float64
	trace func(textRun)

	// dry measures instead of drawing: text, borders and page breaks only
	// move y (see keepWithSignature).
	dry bool
	// pageTop is the y where the current page's content starts, under a
	// repeated table header; a forced break at pageTop would leave a page empty.
	pageTop float64
	// breakAt, when above 0, starts a new page before that line of the next
	// paragraph or row of the next table (keepWithSignature).
	breakAt int
}

func newRenderer(l Layout, doc docs.Document) *renderer {
	orient := "P"
	if doc.Orientation == docs.Landscape {
		orient = "L"
	}
	f := gofpdf.New(orient, "mm", "A4", "")
	pw, ph := f.GetPageSize()
	r := &renderer{
		f: f, l: l, doc: doc,
		left: l.MarginLeft, right: pw - l.MarginRight,
		top: l.MarginTop, bottom: ph - l.MarginBottom,
		paraSpacingMM: l.ParagraphSpacing * mmPerPt,
		firstPage:     1,
	}
	r.textW = r.right - r.left
	r.headerLeftW = r.textW * l.HeaderLeftShare

	f.SetMargins(l.MarginLeft, l.MarginTop, l.MarginRight)
	f.SetAutoPageBreak(false, l.MarginBottom)
	f.SetCellMargin(0)
	f.SetCompression(l.Compress)
	f.SetCatalogSort(true)
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if !doc.Header.Date.IsZero() && doc.Header.Date.Year > 0 && doc.Header.Date.Month > 0 && doc.Header.Date.Day > 0 {
		stamp = doc.Header.Date.Time()
	}
	f.SetCreationDate(stamp)
	f.SetModificationDate(stamp)
	f.SetCreator("tdkt", true)
	f.SetAuthor(nfc(doc.Header.IssuerName), true)
	f.SetTitle(nfc(strings.TrimSpace(doc.Kind+" "+strings.Join(doc.Title, " "))), true)
	f.SetHeaderFuncMode(r.pageNumber, true)
	return r
}

func nfc(s string) string { return norm.NFC.String(s) }

// lineH is the height of a line of text of the given size.
func (r *renderer) lineH(size float64) float64 { return size * mmPerPt * r.l.LineSpacing }

// tightH is the line height in the header, tables, signature and Nơi nhận.
func (r *renderer) tightH(size float64) float64 { return size * mmPerPt * r.l.TightLineSpacing }

func (r *renderer) setFont(st docs.Style, size float64) {
	st &= docs.BoldItalic
	if !r.registered[st] {
		r.f.AddUTF8FontFromBytes(family, styleCodes[st], fontFiles[st])
		r.registered[st] = true
	}
	r.f.SetFont(family, styleCodes[st], size)
	r.style, r.size = st, size
}

// pageNumber prints the number of every page but the first, centred in the
// top margin (NĐ 30). gofpdf calls it from AddPage.
func (r *renderer) pageNumber() {
	n := r.f.PageNo() - r.firstPage + 1
	if n < 2 {
		return
	}
	h := r.tightH(r.l.PageNumberSize)
	r.setFont(docs.Normal, r.l.PageNumberSize)
	r.text(r.left, (r.top-h)/2, r.textW, h, strconv.Itoa(n), "C")
}

func (r *renderer) y() float64 { return r.f.GetY() }

func (r *renderer) setY(y float64) { r.f.SetXY(r.left, y) }

func (r *renderer) newPage() {
	if !r.dry {
		r.f.AddPage()
	}
	r.setY(r.top)
	if r.onNewPage != nil {
		r.onNewPage()
	}
	r.pageTop = r.y()
}

// breakPage starts a new page unless nothing was drawn on this one yet.
func (r *renderer) breakPage() {
	if r.y() > r.pageTop+0.01 {
		r.newPage()
	}
}

// fits reports whether h more millimetres fit on the current page.
func (r *renderer) fits(h float64) bool { return r.y()+h <= r.bottom+0.01 }

// ensure starts a new page unless h more millimetres fit on this one.
func (r *renderer) ensure(h float64) {
	if !r.fits(h) {
		r.newPage()
	}
}

// room is the height available below the top margin of a fresh page.
func (r *renderer) room() float64 { return r.bottom - r.top }

// text draws one line at (x, y) in a box of width w and height h.
func (r *renderer) text(x, y, w, h float64, s string, align string) {
	if r.dry {
		return
	}
	if r.trace != nil {
		r.trace(textRun{page: r.f.PageNo(), x: x, y: y, w: w, style: r.style, size: r.size, align: align, txt: s})
	}
	r.f.SetXY(x, y)
	r.f.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

// rule draws a horizontal rule of length w centred on cx.
func (r *renderer) rule(cx, y, w float64) {
	if r.dry {
		return
	}
	r.f.SetLineWidth(r.l.RuleWidth)
	r.f.Line(cx-w/2, y, cx+w/2, y)
}

// document lays out the whole document.
func (r *renderer) document() {
	r.newPage()
	r.header()
	r.titleBlock()
	r.kinhGui()
	body := r.doc.Body
	// The last block, with the heading just before it, is drawn so that
	// the signature is not left alone on a page.
	tail := len(body) - 1
	if tail > 0 {
		if _, ok := docs.Value(body[tail-1]).(docs.Heading); ok {
			tail--
		}
	}
	for i, b := range body {
		if i == tail {
			r.keepWithSignature(body[tail:])
			break
		}
		r.block(b)
	}
	r.signature()
}

func (r *renderer) block(b docs.Block) {
	switch b := docs.Value(b).(type) {
	case docs.Paragraph:
		r.paragraph(b)
	case docs.Heading:
		r.heading(b)
	case docs.Table:
		r.drawTable(r.layoutTable(b))
	case docs.PageBreak:
		r.newPage()
	}
}

// keepWithSignature draws the last blocks of the body (the last one, and
// the heading before it if any), keeping the end of the text on the page of
// the signature: an administrative document never has its signature alone
// at the top of a page. When the signature block (with the Nơi nhận) would
// not fit under the text, the last lines of the text go to the next page
// with it: the last two lines of a paragraph (three of three, so that no
// first line stays alone at the foot), the last row of a table (with its
// group row). When they are the whole block, a heading before it goes too.
// Where things fall is found by a dry run of the same code.
func (r *renderer) keepWithSignature(blocks []docs.Block) {
	var head *docs.Heading
	if h, ok := docs.Value(blocks[0]).(docs.Heading); ok && len(blocks) > 1 {
		head, blocks = &h, blocks[1:]
	}
	last := docs.Value(blocks[0])
	from := -1 // the first line or row carried; -1: nothing can be
	var draw func()
	switch b := last.(type) {
	case docs.Paragraph:
		from = carriedLines(r.paragraphLines(b))
		draw = func() { r.paragraph(b) }
	case docs.Table:
		tl := r.layoutTable(b)
		from = carriedRows(b.Rows)
		draw = func() { r.drawTable(tl) }
	default:
		draw = func() { r.block(last) }
	}
	run := func(carry bool) {
		if head != nil {
			if carry && from == 0 {
				r.breakPage()
			}
			r.heading(*head)
		} else if carry && from == 0 {
			r.breakPage()
		}
		if carry && from > 0 {
			r.breakAt = from
		}
		draw()
		r.breakAt = 0
	}

	carry := false
	if need := r.signatureHeight(); need > 0 && from >= 0 {
		y, pageTop := r.y(), r.pageTop
		r.dry = true
		run(false)
		if !r.fits(need) {
			r.setY(y)
			r.pageTop = pageTop
			run(true)
			carry = r.fits(need)
		}
		r.dry = false
		r.setY(y)
		r.pageTop = pageTop
	}
	run(carry)
}

// carriedLines is the first of the lines of a paragraph that go to the
// next page with the signature: the last two, or all of them rather than
// leave one alone.
func carriedLines(lines [][]string) int {
	n := 0
	for _, seg := range lines {
		n += max(1, len(seg))
	}
	from := n - 2
	if from < 2 {
		from = 0
	}
	return from
}

// carriedRows is the first row of a table that goes to the next page with
// the signature: the last row, with the group row over it.
func carriedRows(rows []docs.Row) int {
	if len(rows) == 0 {
		return 0
	}
	from := len(rows) - 1
	if from > 0 && rows[from-1].Group {
		from--
	}
	return from
}

// header draws NĐ 30 cells 1–4: issuing body and number on the left,
// national title, motto and date on the right. The number and the date share
// a line under the lower of the two rules.
func (r *renderer) header() {
	h := r.doc.Header
	l := r.l
	// Each column keeps headerGutter/2 free on its inner side (and the same
	// on its outer side, so it stays centred) so that the columns never touch.
	lw, rw := r.headerLeftW-headerGutter, r.textW-r.headerLeftW-headerGutter
	lx, rx := r.left+headerGutter/2, r.left+r.headerLeftW+headerGutter/2
	y0 := r.top

	// Left column.
	y := y0
	if s := nfc(strings.TrimSpace(h.ParentName)); s != "" {
		r.setFont(docs.Normal, l.ParentSize)
		for _, line := range r.balanced(docs.Upper(s), lw) {
			r.text(lx, y, lw, r.tightH(l.ParentSize), line, "C")
			y += r.tightH(l.ParentSize)
		}
	}
	if s := nfc(strings.TrimSpace(h.IssuerName)); s != "" {
		r.setFont(docs.Bold, l.IssuerSize)
		widest := 0.0
		for _, line := range r.balanced(docs.Upper(s), lw) {
			r.text(lx, y, lw, r.tightH(l.IssuerSize), line, "C")
			y += r.tightH(l.IssuerSize)
			widest = max(widest, r.f.GetStringWidth(line))
		}
		y += ruleGap
		r.rule(lx+lw/2, y, widest*issuerRuleShare)
	}
	leftEnd := y

	// Right column.
	y = y0
	size := l.NationSize
	nation := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	r.setFont(docs.Bold, size)
	for size > 10 && r.f.GetStringWidth(nation) > rw {
		size -= 0.5 // a narrow column (custom layout) must not break the national title
		r.setFont(docs.Bold, size)
	}
	r.text(rx, y, rw, r.tightH(size), nation, "C")
	y += r.tightH(size)
	motto := "Độc lập - Tự do - Hạnh phúc"
	r.setFont(docs.Bold, l.MottoSize)
	r.text(rx, y, rw, r.tightH(l.MottoSize), motto, "C")
	y += r.tightH(l.MottoSize) + ruleGap
	r.rule(rx+rw/2, y, r.f.GetStringWidth(motto))
	rightEnd := y

	// Number and date on one line.
	y = max(leftEnd, rightEnd) + 3
	end := y
	// The number is not trimmed: Number(0, …) leaves leading blanks for the clerk.
	if s := nfc(strings.TrimRight(h.Number, " ")); strings.TrimSpace(s) != "" {
		r.setFont(docs.Normal, l.NumberSize)
		yy := y
		for _, line := range r.spaced("Số: "+s, lw) {
			r.text(lx, yy, lw, r.tightH(l.DateSize), line, "C")
			yy += r.tightH(l.DateSize)
		}
		end = max(end, yy)
	}
	if strings.TrimSpace(h.Place) != "" || !h.Date.IsZero() {
		r.setFont(docs.Italic, l.DateSize)
		yy := y
		for _, line := range r.spaced(nfc(h.DateLine()), rw) {
			r.text(rx, yy, rw, r.tightH(l.DateSize), line, "C")
			yy += r.tightH(l.DateSize)
		}
		end = max(end, yy)
	}
	r.setY(end + r.lineH(l.BodySize)*0.75)
}

// Header geometry that NĐ 30 leaves to the drafter, in millimetres.
const (
	headerGutter    = 4.0  // free space between the header columns
	ruleGap         = 1.2  // from the bottom of a line box to the rule under it
	issuerRuleShare = 0.4  // rule under the issuing body: 1/3–1/2 of its width
	titleRuleShare  = 0.35 // rule under the trích yếu: 1/3–1/2 of its width
)

// titleBlock draws the document type and the trích yếu with a short rule.
func (r *renderer) titleBlock() {
	l := r.l
	kind := nfc(strings.TrimSpace(r.doc.Kind))
	if kind == "" && len(r.doc.Title) == 0 {
		return
	}
	cx := r.left + r.textW/2
	y := r.y()
	widest := 0.0
	if kind != "" {
		r.setFont(docs.Bold, l.KindSize)
		for _, line := range r.balanced(docs.Upper(kind), r.textW) {
			r.text(r.left, y, r.textW, r.tightH(l.KindSize), line, "C")
			y += r.tightH(l.KindSize)
			widest = max(widest, r.f.GetStringWidth(line))
		}
	}
	r.setFont(docs.Bold, l.TitleSize)
	for _, t := range r.doc.Title {
		for _, line := range r.balanced(nfc(t), r.textW*0.9) {
			r.text(r.left, y, r.textW, r.tightH(l.TitleSize), line, "C")
			y += r.tightH(l.TitleSize)
			widest = max(widest, r.f.GetStringWidth(line))
		}
	}
	y += ruleGap
	r.rule(cx, y, max(25, widest*titleRuleShare))
	r.setY(y + r.lineH(l.BodySize)*0.6)
}

// kinhGui draws the addressees: one on a centred line, several as a list
// hanging from the label.
func (r *renderer) kinhGui() {
	var items []string
	for _, k := range r.doc.KinhGui {
		if k = nfc(strings.TrimSpace(k)); k != "" {
			items = append(items, k)
		}
	}
	if len(items) == 0 {
		return
	}
	size := r.l.BodySize
	h := r.lineH(size)
	r.setFont(docs.Normal, size)
	const label = "Kính gửi: "
	y := r.y()
	if len(items) == 1 {
		for _, line := range r.balanced(label+items[0], r.textW-2*r.l.FirstLineIndent) {
			r.ensure(h)
			r.text(r.left, r.y(), r.textW, h, line, "C")
			r.setY(r.y() + h)
		}
	} else {
		lines := docs.ListLines(items, "- ")
		labelW := r.f.GetStringWidth(label)
		widest := 0.0
		for _, line := range lines {
			widest = max(widest, r.f.GetStringWidth(line))
		}
		x := r.left + (r.textW-labelW-widest)/2
		x = max(x, r.left+r.l.FirstLineIndent)
		r.ensure(h)
		y = r.y()
		r.text(x, y, labelW, h, "Kính gửi:", "L")
		itemW := r.right - x - labelW
		for _, line := range lines {
			for _, part := range r.wrap(line, itemW, itemW) {
				r.ensure(h)
				r.text(x+labelW, r.y(), itemW, h, part, "L")
				r.setY(r.y() + h)
			}
		}
	}
	r.setY(r.y() + r.paraSpacingMM)
}

// paragraphAlign is the alignment and first-line indent of a paragraph.
func (r *renderer) paragraphAlign(p docs.Paragraph) (docs.Align, float64) {
	align := p.Align
	if align == docs.AlignDefault {
		align = docs.AlignJustify
	}
	indent := r.l.FirstLineIndent
	if p.NoIndent || align == docs.AlignCenter || align == docs.AlignRight {
		indent = 0
	}
	return align, indent
}

// paragraphLines wraps a paragraph, a slice of lines for each of its
// "\n"-separated parts (none for an empty part, which prints a blank line).
func (r *renderer) paragraphLines(p docs.Paragraph) [][]string {
	r.setFont(p.Style, r.l.BodySize)
	_, indent := r.paragraphAlign(p)
	var out [][]string
	for i, seg := range strings.Split(nfc(p.Text), "\n") {
		ind := indent
		if i > 0 {
			ind = 0
		}
		out = append(out, r.wrap(seg, r.textW-ind, r.textW))
	}
	return out
}

func (r *renderer) paragraph(p docs.Paragraph) {
	h := r.lineH(r.l.BodySize)
	align, indent := r.paragraphAlign(p)
	// Each "\n" ends a line that is not stretched; only the first is indented.
	n := 0 // lines drawn, for breakAt
	for i, lines := range r.paragraphLines(p) {
		ind := indent
		if i > 0 {
			ind = 0
		}
		if len(lines) == 0 {
			if n == r.breakAt && n > 0 {
				r.breakPage()
			}
			n++
			r.ensure(h)
			r.setY(r.y() + h)
			continue
		}
		if i == 0 {
			// No single first line at the foot of a page.
			r.ensure(min(2, float64(len(lines))) * h)
		}
		r.lines(lines, n, r.left, r.textW, ind, h, align)
		n += len(lines)
	}
	r.setY(r.y() + r.paraSpacingMM)
}

// lines draws wrapped lines of the current font from the current y, the
// first indented, breaking pages as needed. n is the number of lines of
// the paragraph drawn before these (see breakAt).
func (r *renderer) lines(lines []string, n int, x, w, indent, h float64, align docs.Align) {
	for i, line := range lines {
		if n+i == r.breakAt && n+i > 0 {
			r.breakPage()
		}
		r.ensure(h)
		lx, lw := x, w
		if i == 0 {
			lx, lw = x+indent, w-indent
		}
		a := alignCode(align)
		if align == docs.AlignJustify && (i == len(lines)-1 || !strings.Contains(line, " ")) {
			a = "L"
		}
		r.text(lx, r.y(), lw, h, line, a)
		r.setY(r.y() + h)
	}
}

func alignCode(a docs.Align) string {
	switch a {
	case docs.AlignCenter:
		return "C"
	case docs.AlignRight:
		return "R"
	case docs.AlignJustify:
		return "J"
	}
	return "L"
}

func (r *renderer) heading(hd docs.Heading) {
	size := r.l.BodySize
	h := r.lineH(size)
	st := docs.Bold
	if hd.Level >= 3 {
		st = docs.BoldItalic
	}
	r.setFont(st, size)
	lines := r.wrap(nfc(hd.Text), r.textW-r.l.FirstLineIndent, r.textW)
	// Keep the heading with at least two lines of what follows.
	r.ensure(float64(len(lines)+2) * h)
	r.lines(lines, 0, r.left, r.textW, r.l.FirstLineIndent, h, docs.AlignLeft)
	r.setY(r.y() + r.paraSpacingMM/2)
}

// signature draws the signature block and, beside it on the left, the Nơi
// nhận; with two signers the Nơi nhận goes under both. The block is never
// split across pages.
func (r *renderer) signature() {
	sl := r.signatureLayout()
	if sl.total == 0 {
		return
	}
	sig := r.doc.Signature
	rw := r.textW - r.headerLeftW
	lw := r.headerLeftW
	rx := r.left + lw
	r.setY(r.y() + sl.gap/2)
	r.ensure(sl.total)
	y := r.y()
	if !sig.IsZero() {
		r.drawSignColumn(sig.Right, rx, y, rw, sl.top)
		r.drawSignColumn(sig.Left, r.left, y, lw, sl.top)
	}
	ry := y
	if !sig.Left.IsZero() {
		ry = y + sl.sigH + sl.gap
	}
	r.drawRecipients(sl.recips, r.left, ry, lw)
	r.setY(y + sl.total)
}

// signatureBlock is the measured signature block and Nơi nhận.
type signatureBlock struct {
	recips []string
	top    float64 // the taller column's titles
	sigH   float64 // the signature columns
	gap    float64 // space above the block (half) and between signers and Nơi nhận
	total  float64 // the whole block, never split; 0 when there is none
}

func (r *renderer) signatureLayout() signatureBlock {
	sig := r.doc.Signature
	sl := signatureBlock{recips: docs.RecipientLines(r.doc.Recipients), gap: r.paraSpacingMM}
	if sig.IsZero() && len(sl.recips) == 0 {
		return sl
	}
	lw := r.headerLeftW
	right := r.signColumn(sig.Right, r.textW-lw)
	left := r.signColumn(sig.Left, lw)
	recipH := r.recipientsHeight(sl.recips, lw)
	sl.top = max(right.top, left.top)
	if !sig.IsZero() {
		sl.sigH = sl.top + r.l.SignatureSpace + max(right.name, left.name)
	}
	if sig.Left.IsZero() {
		sl.total = max(sl.sigH, recipH)
	} else {
		sl.total = sl.sigH + sl.gap + recipH
	}
	return sl
}

// signatureHeight is the room signature() needs under the text, 0 when the
// document has no signature block.
func (r *renderer) signatureHeight() float64 {
	sl := r.signatureLayout()
	if sl.total == 0 {
		return 0
	}
	return sl.gap/2 + sl.total
}

// signHeights are the heights of a signature column: the part above the
// signature space and the name under it.
type signHeights struct{ top, name float64 }

func (r *renderer) signColumn(c docs.SignatureColumn, w float64) signHeights {
	var s signHeights
	if c.IsZero() {
		return s
	}
	r.setFont(docs.Bold, r.l.SignTitleSize)
	n := len(r.balanced(docs.Upper(nfc(c.Authority)), w)) + len(r.balanced(docs.Upper(nfc(c.Position)), w))
	s.top = float64(n) * r.tightH(r.l.SignTitleSize)
	if c.Note != "" {
		r.setFont(docs.Italic, r.l.SignNoteSize)
		s.top += float64(len(r.balanced(nfc(c.Note), w))) * r.tightH(r.l.SignNoteSize)
	}
	if c.Name != "" {
		r.setFont(docs.Bold, r.l.SignNameSize)
		s.name = float64(len(r.balanced(nfc(c.Name), w))) * r.tightH(r.l.SignNameSize)
	}
	return s
}

// drawSignColumn draws one signer centred in [x, x+w]; top is the height of
// the taller column's titles, so that both names sit on the same line.
func (r *renderer) drawSignColumn(c docs.SignatureColumn, x, y, w, top float64) {
	if c.IsZero() {
		return
	}
	yy := y
	r.setFont(docs.Bold, r.l.SignTitleSize)
	for _, s := range []string{c.Authority, c.Position} {
		for _, line := range r.balanced(docs.Upper(nfc(s)), w) {
			r.text(x, yy, w, r.tightH(r.l.SignTitleSize), line, "C")
			yy += r.tightH(r.l.SignTitleSize)
		}
	}
	if c.Note != "" {
		r.setFont(docs.Italic, r.l.SignNoteSize)
		for _, line := range r.balanced(nfc(c.Note), w) {
			r.text(x, yy, w, r.tightH(r.l.SignNoteSize), line, "C")
			yy += r.tightH(r.l.SignNoteSize)
		}
	}
	yy = y + top + r.l.SignatureSpace
	r.setFont(docs.Bold, r.l.SignNameSize)
	for _, line := range r.balanced(nfc(c.Name), w) {
		r.text(x, yy, w, r.tightH(r.l.SignNameSize), line, "C")
		yy += r.tightH(r.l.SignNameSize)
	}
}

const recipientDash = "- "

func (r *renderer) recipientsHeight(lines []string, w float64) float64 {
	if len(lines) == 0 {
		return 0
	}
	h := r.tightH(r.l.RecipLabelSize)
	r.setFont(docs.Normal, r.l.RecipSize)
	for _, line := range lines {
		h += float64(len(r.recipientLines(line, w))) * r.tightH(r.l.RecipSize)
	}
	return h
}

// recipientLines wraps one entry with a hanging indent after its dash.
func (r *renderer) recipientLines(line string, w float64) []string {
	hang := r.f.GetStringWidth(recipientDash)
	body := strings.TrimPrefix(nfc(line), recipientDash)
	parts := r.wrap(body, w-hang, w-hang)
	if len(parts) > 0 {
		parts[0] = recipientDash + parts[0]
	}
	return parts
}

func (r *renderer) drawRecipients(lines []string, x, y, w float64) {
	if len(lines) == 0 {
		return
	}
	r.setFont(docs.BoldItalic, r.l.RecipLabelSize)
	r.text(x, y, w, r.tightH(r.l.RecipLabelSize), "Nơi nhận:", "L")
	y += r.tightH(r.l.RecipLabelSize)
	r.setFont(docs.Normal, r.l.RecipSize)
	hang := r.f.GetStringWidth(recipientDash)
	h := r.tightH(r.l.RecipSize)
	for _, line := range lines {
		for i, part := range r.recipientLines(line, w) {
			px := x
			if i > 0 {
				px += hang
			}
			r.text(px, y, w, h, part, "L")
			y += h
		}
	}
}
