package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"tdkt/internal/docs"
)

// renderer writes the body of one document (one Word section), block by
// block in the order of internal/pdf/render.go.
type renderer struct {
	b         *bytes.Buffer
	doc       docs.Document
	textW     float64 // mm between the margins
	pageBreak bool    // a PageBreak waits for the next block
}

// para holds the paragraph properties the renderer uses. Lengths are
// millimetres, spacing points.
type para struct {
	align           string  // w:jc: "left", "center", "right", "both"
	before, after   float64 // points
	line            float64 // line height in points; 0 = single
	exact           bool    // the line height is exact (rules, spacers), else at least
	firstLine       float64
	hanging         float64
	left, right     float64
	tab             float64 // a left tab stop, from the left margin; 0 = none
	keepNext        bool
	pageBreakBefore bool
	outline         int     // heading level (1-based); 0 = body text
	ruleBelow       bool    // a rule (RuleWidth) under the paragraph
	size            float64 // size of the paragraph mark, points; 0 = default
	sectPr          string  // ends a section here
}

// run is text in one style. "\n" breaks the line, "\t" is a tab.
type run struct {
	text      string
	style     docs.Style
	size      float64
	underline bool
}

func (r *renderer) w(s string) { r.b.WriteString(s) }

// p writes a paragraph.
func (r *renderer) p(pp para, runs ...run) {
	r.w(`<w:p><w:pPr>`)
	if pp.keepNext {
		r.w(`<w:keepNext/>`)
	}
	if pp.pageBreakBefore {
		r.w(`<w:pageBreakBefore/>`)
	}
	if pp.ruleBelow {
		r.w(`<w:pBdr><w:bottom w:val="single" w:sz="` + eighths(layout.RuleWidth) + `" w:space="0" w:color="auto"/></w:pBdr>`)
	}
	if pp.tab > 0 {
		r.w(`<w:tabs><w:tab w:val="left" w:pos="` + tw(pp.tab) + `"/></w:tabs>`)
	}
	r.w(spacing(pp.before, pp.after, pp.line, pp.exact))
	if pp.firstLine > 0 || pp.hanging > 0 || pp.left > 0 || pp.right > 0 {
		r.w(`<w:ind w:left="` + tw(pp.left) + `" w:right="` + tw(pp.right) + `"`)
		if pp.hanging > 0 {
			r.w(` w:hanging="` + tw(pp.hanging) + `"`)
		} else if pp.firstLine > 0 {
			r.w(` w:firstLine="` + tw(pp.firstLine) + `"`)
		}
		r.w(`/>`)
	}
	if pp.align != "" {
		r.w(`<w:jc w:val="` + pp.align + `"/>`)
	}
	if pp.outline > 0 {
		r.w(`<w:outlineLvl w:val="` + strconv.Itoa(pp.outline-1) + `"/>`)
	}
	if pp.size > 0 {
		r.w(`<w:rPr>` + sizeProps(pp.size) + `</w:rPr>`)
	}
	r.w(pp.sectPr)
	r.w(`</w:pPr>`)
	for _, rn := range runs {
		r.run(rn)
	}
	r.w(`</w:p>`)
}

func spacing(before, after, line float64, exact bool) string {
	s := `<w:spacing w:before="` + ptw(before) + `" w:after="` + ptw(after) + `"`
	if line > 0 {
		rule := "atLeast"
		if exact {
			rule = "exact"
		}
		s += ` w:line="` + ptw(line) + `" w:lineRule="` + rule + `"`
	}
	return s + `/>`
}

func sizeProps(size float64) string {
	sz := halfPoints(size)
	return `<w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/>`
}

func (r *renderer) run(rn run) {
	var props strings.Builder
	if rn.style&docs.Bold != 0 {
		props.WriteString(`<w:b/><w:bCs/>`)
	}
	if rn.style&docs.Italic != 0 {
		props.WriteString(`<w:i/><w:iCs/>`)
	}
	if rn.size > 0 {
		props.WriteString(sizeProps(rn.size))
	}
	if rn.underline {
		props.WriteString(`<w:u w:val="single"/>`)
	}
	r.w(`<w:r><w:rPr>` + props.String() + `</w:rPr>`)
	for i, line := range strings.Split(strings.ReplaceAll(rn.text, "\r", ""), "\n") {
		if i > 0 {
			r.w(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				r.w(`<w:tab/>`)
			}
			if part != "" {
				r.w(`<w:t xml:space="preserve">`)
				xml.EscapeText(r.b, []byte(part)) // never fails on a bytes.Buffer
				r.w(`</w:t>`)
			}
		}
	}
	r.w(`</w:r>`)
}

// spacer is an empty paragraph h points high: the vertical gaps of the PDF
// that are not a paragraph's own spacing. It also keeps two tables apart,
// which Word would otherwise join into one.
func (r *renderer) spacer(h float64) {
	r.p(para{line: h, exact: true, size: 1})
}

// rule is a short horizontal rule of width mm, centred in a column of
// width col mm, ruleGap under the line above it (pdf renderer.rule).
func (r *renderer) rule(width, col float64, keepNext bool) {
	side := max(0, (col-width)/2)
	r.p(para{line: ruleGap / mmPerPt, exact: true, size: 1, left: side, right: side, ruleBelow: true, keepNext: keepNext})
}

// takeBreak reports whether a PageBreak waits, and clears it.
func (r *renderer) takeBreak() bool {
	b := r.pageBreak
	r.pageBreak = false
	return b
}

// flushBreak writes a waiting page break on a paragraph of its own, before
// a block that is not a paragraph.
func (r *renderer) flushBreak() {
	if r.takeBreak() {
		r.w(`<w:p><w:pPr>` + spacing(0, 0, 1, true) + `<w:rPr>` + sizeProps(1) + `</w:rPr></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>`)
	}
}

// document writes the whole document and ends its section; the last
// section's properties go at the end of the body.
func (r *renderer) document(last bool) {
	r.header()
	r.titleBlock()
	r.kinhGui()
	for _, b := range r.doc.Body {
		switch b := docs.Value(b).(type) {
		case docs.Paragraph:
			r.paragraph(b)
		case docs.Heading:
			r.heading(b)
		case docs.Table:
			r.table(b)
		case docs.PageBreak:
			r.pageBreak = true
		}
	}
	r.signature()
	r.pageBreak = false
	// Word wants a paragraph after a final table and carries a section
	// break on a paragraph: a 1-point one does both.
	end := para{line: 1, exact: true, size: 1}
	if !last {
		end.sectPr = r.sectPr()
	}
	r.p(end)
	if last {
		r.w(r.sectPr())
	}
}

// sectPr is the page setup of the document: A4 in its orientation, the
// PDF's margins, the page number header with none on the first page, and
// numbering from 1 for each document of a book.
func (r *renderer) sectPr() string {
	w, h, orient := twips(a4Width), twips(a4Height), ""
	if r.doc.Orientation == docs.Landscape {
		w, h, orient = h, w, ` w:orient="landscape"`
	}
	// The number sits centred in the top margin, as pdf renderer.pageNumber.
	header := (layout.MarginTop - tightLine(layout.PageNumberSize)*mmPerPt) / 2
	return `<w:sectPr>` +
		`<w:headerReference w:type="default" r:id="` + ridPageHeader + `"/>` +
		`<w:headerReference w:type="first" r:id="` + ridFirstHeader + `"/>` +
		`<w:type w:val="nextPage"/>` +
		fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"%s/>`, w, h, orient) +
		`<w:pgMar w:top="` + tw(layout.MarginTop) + `" w:right="` + tw(layout.MarginRight) + `" w:bottom="` + tw(layout.MarginBottom) +
		`" w:left="` + tw(layout.MarginLeft) + `" w:header="` + tw(header) + `" w:footer="` + tw(header) + `" w:gutter="0"/>` +
		`<w:pgNumType w:start="1"/><w:titlePg/></w:sectPr>`
}

// ---------------------------------------------------------------------------
// Tables.

// cellMargins are the inner margins of a table's cells, in millimetres.
type cellMargins struct{ top, left, bottom, right float64 }

// tableStart opens a table of the given column widths (mm, summing to the
// text width) with or without borders.
func (r *renderer) tableStart(widths []float64, borders bool, m cellMargins) {
	cols := colTwips(widths)
	total := 0
	for _, c := range cols {
		total += c
	}
	r.w(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		if borders {
			r.w(`<w:` + side + ` w:val="single" w:sz="` + eighths(layout.BorderWidth) + `" w:space="0" w:color="auto"/>`)
		} else {
			r.w(`<w:` + side + ` w:val="nil"/>`)
		}
	}
	r.w(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>` +
		`<w:top w:w="` + tw(m.top) + `" w:type="dxa"/><w:left w:w="` + tw(m.left) + `" w:type="dxa"/>` +
		`<w:bottom w:w="` + tw(m.bottom) + `" w:type="dxa"/><w:right w:w="` + tw(m.right) + `" w:type="dxa"/>` +
		`</w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, c := range cols {
		r.w(`<w:gridCol w:w="` + strconv.Itoa(c) + `"/>`)
	}
	r.w(`</w:tblGrid>`)
}

// colTwips converts column widths to twips that add up to the rounded total.
func colTwips(widths []float64) []int {
	out := make([]int, len(widths))
	sum, prev := 0.0, 0
	for i, w := range widths {
		sum += w
		out[i] = twips(sum) - prev
		prev += out[i]
	}
	return out
}

// rowStart opens a row; header rows repeat on each page the table runs on.
// No row is split between pages, as in the PDF (Word still splits a row
// taller than a page).
func (r *renderer) rowStart(header bool) {
	r.w(`<w:tr><w:trPr><w:cantSplit/>`)
	if header {
		r.w(`<w:tblHeader/>`)
	}
	r.w(`</w:trPr>`)
}

// cell is the properties of one cell.
type cell struct {
	width  float64 // mm
	span   int     // grid columns spanned; 0 = 1
	middle bool    // centred vertically
	vMerge string  // "restart", "continue" or ""
}

// cellStart opens a cell; its content must be at least one paragraph.
func (r *renderer) cellStart(c cell) {
	r.w(`<w:tc><w:tcPr><w:tcW w:w="` + tw(c.width) + `" w:type="dxa"/>`)
	if c.span > 1 {
		r.w(`<w:gridSpan w:val="` + strconv.Itoa(c.span) + `"/>`)
	}
	switch c.vMerge {
	case "restart":
		r.w(`<w:vMerge w:val="restart"/>`)
	case "continue":
		r.w(`<w:vMerge/>`)
	}
	if c.middle {
		r.w(`<w:vAlign w:val="center"/>`)
	}
	r.w(`</w:tcPr>`)
}

func jc(a docs.Align) string {
	switch a {
	case docs.AlignCenter:
		return "center"
	case docs.AlignRight:
		return "right"
	case docs.AlignJustify:
		return "both"
	}
	return "left"
}
