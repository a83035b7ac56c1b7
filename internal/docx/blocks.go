package docx

import (
	"fmt"
	"strings"

	"tdkt/internal/docs"
)

// header writes NĐ 30 cells 1–4 as a borderless table of the PDF's two
// columns: issuing body over its rule and national title over the motto in
// the first row, number and date in the second so that they share a line.
func (r *renderer) header() {
	h := r.doc.Header
	lw := r.textW * layout.HeaderLeftShare
	rw := r.textW - lw
	// Each column keeps headerGutter/2 free on both sides, as in the PDF.
	inL, inR := lw-headerGutter, rw-headerGutter
	tight := func(size float64) para { return para{align: "center", line: tightLine(size)} }
	r.tableStart([]float64{lw, rw}, false, cellMargins{left: headerGutter / 2, right: headerGutter / 2})

	r.rowStart(false)
	r.cellStart(cell{width: lw})
	wrote := false
	if s := strings.TrimSpace(h.ParentName); s != "" {
		r.p(tight(layout.ParentSize), run{text: strings.Join(balanced(docs.Upper(s), inL, layout.ParentSize, docs.Normal), "\n"), size: layout.ParentSize})
		wrote = true
	}
	if s := strings.TrimSpace(h.IssuerName); s != "" {
		lines := balanced(docs.Upper(s), inL, layout.IssuerSize, docs.Bold)
		r.p(tight(layout.IssuerSize), run{text: strings.Join(lines, "\n"), style: docs.Bold, size: layout.IssuerSize})
		r.rule(widest(lines, layout.IssuerSize, docs.Bold)*issuerRuleShare, inL, false)
		wrote = true
	}
	if !wrote {
		r.p(para{})
	}
	r.w(`</w:tc>`)
	r.cellStart(cell{width: rw})
	nation := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	r.p(tight(layout.NationSize), run{text: nation, style: docs.Bold, size: layout.NationSize})
	// The rule under the motto is as long as the motto (NĐ 30): an
	// underline is exactly that, and stays so if the clerk retypes it.
	mp := tight(layout.MottoSize)
	mp.after = ruleGap / mmPerPt
	r.p(mp, run{text: "Độc lập - Tự do - Hạnh phúc", style: docs.Bold, size: layout.MottoSize, underline: true})
	r.w(`</w:tc></w:tr>`)

	// Number and date, 3 mm under the lower rule.
	number := strings.TrimRight(h.Number, " ") // leading blanks are left for the clerk
	hasNumber, hasDate := strings.TrimSpace(number) != "", strings.TrimSpace(h.Place) != "" || !h.Date.IsZero()
	if hasNumber || hasDate {
		r.rowStart(false)
		r.cellStart(cell{width: lw})
		np := tight(layout.DateSize)
		np.before = 3 / mmPerPt
		if hasNumber {
			r.p(np, run{text: strings.Join(spaced("Số: "+number, inL, layout.NumberSize, docs.Normal), "\n"), size: layout.NumberSize})
		} else {
			r.p(np)
		}
		r.w(`</w:tc>`)
		r.cellStart(cell{width: rw})
		if hasDate {
			r.p(np, run{text: strings.Join(spaced(h.DateLine(), inR, layout.DateSize, docs.Italic), "\n"), style: docs.Italic, size: layout.DateSize})
		} else {
			r.p(np)
		}
		r.w(`</w:tc></w:tr>`)
	}
	r.w(`</w:tbl>`)
	r.spacer(bodyLine(layout.BodySize) * 0.75)
}

// titleBlock writes the document type and the trích yếu, bold and centred,
// with a short rule under them.
func (r *renderer) titleBlock() {
	kind := strings.TrimSpace(r.doc.Kind)
	if kind == "" && len(r.doc.Title) == 0 {
		return
	}
	wide := 0.0
	if kind != "" {
		lines := balanced(docs.Upper(kind), r.textW, layout.KindSize, docs.Bold)
		wide = widest(lines, layout.KindSize, docs.Bold)
		r.p(para{align: "center", line: tightLine(layout.KindSize), keepNext: true},
			run{text: strings.Join(lines, "\n"), style: docs.Bold, size: layout.KindSize})
	}
	for _, t := range r.doc.Title {
		// The PDF wraps the trích yếu in 90 % of the text width.
		lines := balanced(t, r.textW*0.9, layout.TitleSize, docs.Bold)
		if len(lines) == 0 {
			continue
		}
		wide = max(wide, widest(lines, layout.TitleSize, docs.Bold))
		r.p(para{align: "center", line: tightLine(layout.TitleSize), keepNext: true, left: r.textW * 0.05, right: r.textW * 0.05},
			run{text: strings.Join(lines, "\n"), style: docs.Bold, size: layout.TitleSize})
	}
	r.rule(max(minTitleRule, wide*titleRuleShare), r.textW, true)
	r.spacer(bodyLine(layout.BodySize) * 0.6)
}

// kinhGui writes the addressees: one on a centred line, several as a list
// hanging from the label.
func (r *renderer) kinhGui() {
	var items []string
	for _, k := range r.doc.KinhGui {
		if k = strings.TrimSpace(k); k != "" {
			items = append(items, k)
		}
	}
	if len(items) == 0 {
		return
	}
	size := layout.BodySize
	const label = "Kính gửi: "
	if len(items) == 1 {
		ind := layout.FirstLineIndent
		lines := balanced(label+items[0], r.textW-2*ind, size, docs.Normal)
		r.p(para{align: "center", line: bodyLine(size), after: layout.ParagraphSpacing, left: ind, right: ind},
			run{text: strings.Join(lines, "\n"), size: size})
		return
	}
	lines := docs.ListLines(items, "- ")
	labelW := estimate(label, size, docs.Normal)
	x := max((r.textW-labelW-widest(lines, size, docs.Normal))/2, layout.FirstLineIndent)
	for i, line := range lines {
		pp := para{align: "left", line: bodyLine(size), left: x + labelW, keepNext: i < len(lines)-1}
		text := line
		if i == 0 {
			pp.hanging, pp.tab = labelW, x+labelW
			text = strings.TrimSpace(label) + "\t" + line
		}
		if i == len(lines)-1 {
			pp.after = layout.ParagraphSpacing
		}
		r.p(pp, run{text: text, size: size})
	}
}

func (r *renderer) paragraph(p docs.Paragraph) {
	align := p.Align
	if align == docs.AlignDefault {
		align = docs.AlignJustify
	}
	pp := para{align: jc(align), line: bodyLine(layout.BodySize), after: layout.ParagraphSpacing,
		size: layout.BodySize, pageBreakBefore: r.takeBreak()}
	if !p.NoIndent && align != docs.AlignCenter && align != docs.AlignRight {
		pp.firstLine = layout.FirstLineIndent
	}
	if p.Text == "" {
		r.p(pp) // a blank line
		return
	}
	r.p(pp, run{text: p.Text, style: p.Style, size: layout.BodySize})
}

func (r *renderer) heading(h docs.Heading) {
	st := docs.Bold
	if h.Level >= 3 {
		st = docs.BoldItalic
	}
	// Word keeps a paragraph with the next and, with widow control, with
	// two lines of it, as the PDF does.
	r.p(para{align: "left", line: bodyLine(layout.BodySize), after: layout.ParagraphSpacing / 2, firstLine: layout.FirstLineIndent,
		keepNext: true, outline: max(1, h.Level), pageBreakBefore: r.takeBreak()},
		run{text: h.Text, style: st, size: layout.BodySize})
}

// table writes a bordered table: the column headers bold and centred (and
// the "(1) (2) …" row) as header rows repeated on each page with
// RepeatHeader, group rows across all columns kept with the next row.
func (r *renderer) table(t docs.Table) {
	r.flushBreak()
	size := t.FontSize
	if size == 0 {
		size = layout.TableSize
	}
	ws := t.Widths(r.textW)
	r.tableStart(ws, true, cellMargins{layout.CellPaddingY, layout.CellPaddingX, layout.CellPaddingY, layout.CellPaddingX})
	cellP := func(a docs.Align, keep bool) para {
		return para{align: jc(a), line: tightLine(size), size: size, keepNext: keep}
	}
	headerRow := func(texts []string, st docs.Style) {
		r.rowStart(t.RepeatHeader)
		for i, s := range texts {
			r.cellStart(cell{width: ws[i], middle: true})
			r.p(cellP(docs.AlignCenter, true), run{text: s, style: st, size: size})
			r.w(`</w:tc>`)
		}
		r.w(`</w:tr>`)
	}
	hc := make([]string, len(t.Columns))
	hasHeader := false
	for i, c := range t.Columns {
		hc[i] = c.Header
		hasHeader = hasHeader || strings.TrimSpace(c.Header) != ""
	}
	if hasHeader {
		headerRow(hc, docs.Bold)
	}
	if t.NumberRow {
		nums := make([]string, len(t.Columns))
		for i := range nums {
			nums[i] = fmt.Sprintf("(%d)", i+1)
		}
		headerRow(nums, docs.Italic)
	}
	for _, row := range t.Rows {
		r.rowStart(false)
		if row.Group {
			r.cellStart(cell{width: r.textW, span: len(t.Columns)})
			r.p(cellP(docs.AlignLeft, true), run{text: row.Cells[0], style: docs.Bold, size: size})
			r.w(`</w:tc></w:tr>`)
			continue
		}
		st := docs.Normal
		if row.Bold {
			st = docs.Bold
		}
		for i, c := range t.Columns {
			text := ""
			if i < len(row.Cells) {
				text = row.Cells[i]
			}
			r.cellStart(cell{width: ws[i]})
			if text == "" {
				r.p(cellP(c.Align, false))
			} else {
				r.p(cellP(c.Align, false), run{text: text, style: st, size: size})
			}
			r.w(`</w:tc>`)
		}
		r.w(`</w:tr>`)
	}
	r.w(`</w:tbl>`)
	r.spacer(layout.ParagraphSpacing)
}

// signature writes the signature block as a borderless table of the PDF's
// columns (the header's): the signer on the right, the Nơi nhận beside it on
// the left, or a second signer there and the Nơi nhận under both. Every
// paragraph is kept with the next so that Word does not split the block.
func (r *renderer) signature() {
	sig := r.doc.Signature
	recips := docs.RecipientLines(r.doc.Recipients)
	if sig.IsZero() && len(recips) == 0 {
		return
	}
	r.flushBreak()
	lw := r.textW * layout.HeaderLeftShare
	rw := r.textW - lw
	if sig.IsZero() {
		r.recipients(recips, r.textW-lw, layout.ParagraphSpacing/2)
		return
	}
	r.tableStart([]float64{lw, rw}, false, cellMargins{})
	gap := layout.ParagraphSpacing / 2 // the PDF leaves half a paragraph space above
	r.rowStart(false)
	if sig.Left.IsZero() {
		r.cellStart(cell{width: lw, vMerge: "restart"})
		if len(recips) == 0 {
			r.p(para{})
		}
		r.recipients(recips, 0, gap)
		r.w(`</w:tc>`)
	} else {
		r.cellStart(cell{width: lw})
		r.signTitles(sig.Left, lw, gap)
		r.w(`</w:tc>`)
	}
	r.cellStart(cell{width: rw})
	r.signTitles(sig.Right, rw, gap)
	r.w(`</w:tc></w:tr>`)

	// The names on one line, SignatureSpace under the taller titles.
	r.rowStart(false)
	if sig.Left.IsZero() {
		r.cellStart(cell{width: lw, vMerge: "continue"})
		r.p(para{})
	} else {
		r.cellStart(cell{width: lw})
		r.signName(sig.Left, lw, true)
	}
	r.w(`</w:tc>`)
	r.cellStart(cell{width: rw})
	r.signName(sig.Right, rw, !sig.Left.IsZero() && len(recips) > 0)
	r.w(`</w:tc></w:tr></w:tbl>`)
	if !sig.Left.IsZero() {
		r.recipients(recips, r.textW-lw, layout.ParagraphSpacing)
	}
}

// signTitles writes the authority, position and note of a signer, centred.
func (r *renderer) signTitles(c docs.SignatureColumn, w, before float64) {
	if c.IsZero() {
		r.p(para{before: before, keepNext: true})
		return
	}
	var lines []string
	for _, s := range []string{c.Authority, c.Position} {
		lines = append(lines, balanced(docs.Upper(s), w, layout.SignTitleSize, docs.Bold)...)
	}
	first := true
	if len(lines) > 0 {
		r.p(para{align: "center", line: tightLine(layout.SignTitleSize), before: before, keepNext: true},
			run{text: strings.Join(lines, "\n"), style: docs.Bold, size: layout.SignTitleSize})
		first = false
	}
	if c.Note != "" {
		pp := para{align: "center", line: tightLine(layout.SignNoteSize), keepNext: true}
		if first {
			pp.before = before
		}
		r.p(pp, run{text: strings.Join(balanced(c.Note, w, layout.SignNoteSize, docs.Italic), "\n"), style: docs.Italic, size: layout.SignNoteSize})
	}
}

// signName writes the signer's name SignatureSpace under the titles.
func (r *renderer) signName(c docs.SignatureColumn, w float64, keepNext bool) {
	pp := para{align: "center", line: tightLine(layout.SignNameSize), before: layout.SignatureSpace / mmPerPt, keepNext: keepNext}
	if c.Name == "" {
		r.p(pp)
		return
	}
	r.p(pp, run{text: strings.Join(balanced(c.Name, w, layout.SignNameSize, docs.Bold), "\n"), style: docs.Bold, size: layout.SignNameSize})
}

// recipients writes the Nơi nhận: the label bold italic, each entry with a
// hanging indent after its dash; right is the right indent in mm.
func (r *renderer) recipients(lines []string, right, before float64) {
	if len(lines) == 0 {
		return
	}
	r.p(para{align: "left", line: tightLine(layout.RecipLabelSize), before: before, right: right, keepNext: true},
		run{text: "Nơi nhận:", style: docs.BoldItalic, size: layout.RecipLabelSize})
	hang := estimate("- ", layout.RecipSize, docs.Normal)
	for i, line := range lines {
		r.p(para{align: "left", line: tightLine(layout.RecipSize), left: hang, hanging: hang, right: right, keepNext: i < len(lines)-1},
			run{text: line, size: layout.RecipSize})
	}
}

// ---------------------------------------------------------------------------
// Line breaking of centred blocks, as pdf renderer.balanced and spaced do,
// on estimated widths.

// balanced breaks text into as few lines of width w as greedy wrapping
// needs, with the breaks chosen to make the lines as even as possible
// ("BẢO HIỂM XÃ HỘI / TỈNH HÀ TĨNH"). "\n" forces a break.
func balanced(text string, w, size float64, st docs.Style) []string {
	var out []string
	for _, part := range strings.Split(text, "\n") {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		lines := greedy(words, w, size, st)
		if len(lines) > 1 {
			lo, hi := 0.0, w
			for range 20 {
				mid := (lo + hi) / 2
				if len(greedy(words, mid, size, st)) <= len(lines) && widest(words, size, st) <= mid {
					hi = mid
				} else {
					lo = mid
				}
			}
			lines = greedy(words, hi, size, st)
		}
		out = append(out, lines...)
	}
	return out
}

// spaced keeps text on one line with its spaces as typed when it fits (the
// blanks left for a hand: "Số:      /TTr-BHXH"), and balances it otherwise.
func spaced(text string, w, size float64, st docs.Style) []string {
	if !strings.Contains(text, "\n") && estimate(text, size, st) <= w {
		return []string{text}
	}
	return balanced(text, w, size, st)
}

// greedy fills lines of width w word by word; a word wider than a line
// gets a line of its own (Word cuts it).
func greedy(words []string, w, size float64, st docs.Style) []string {
	var lines []string
	cur := ""
	for _, word := range words {
		if cur != "" && estimate(cur+" "+word, size, st) <= w {
			cur += " " + word
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		cur = word
	}
	return append(lines, cur)
}

// widest is the estimated width of the widest of lines.
func widest(lines []string, size float64, st docs.Style) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, estimate(l, size, st))
	}
	return w
}
