package docs

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// The text form of a document is for reading in a review, not for printing:
// every word the document says, in the order the page shows it, one line per
// printed line break, with the layout that changes the reading (emphasis,
// centring, headings, tables, page breaks) written as light marks. Text
// snapshots of every document are kept in this form, so that a change of
// wording shows as a line or two of diff and not as a new PDF to compare by
// eye. What stands in square brackets, the labels of the header and
// signature fields and the Markdown marks (#, *, |) are not printed;
// everything else is.

// The national title and motto (NĐ 30 cell 2) are the same on every
// document; the renderers print them, the text form shows them so that the
// header reads as the page does.
const (
	nationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	nationalMotto = "Độc lập - Tự do - Hạnh phúc"
)

// PlainText is the text form of d: deterministic, in NFC, without trailing
// blanks, ending with a newline. Two documents that print the same words in
// the same layout have the same text form.
func PlainText(d Document) string {
	var w textWriter
	w.line("[Trang A4 " + orientationLabel(d.Orientation) + "]")
	w.header(d.Header)
	w.title(d.Kind, d.Title)
	w.kinhGui(d.KinhGui)
	w.body(d.Body)
	w.signature(d.Signature)
	w.recipients(d.Recipients)
	return norm.NFC.String(w.String())
}

func orientationLabel(o Orientation) string {
	switch o {
	case Portrait:
		return "dọc"
	case Landscape:
		return "ngang"
	}
	// Validate rejects it; the text form still says what it holds.
	return "hướng " + strconv.Itoa(int(o))
}

// textWriter gathers the lines; sections are set apart by one blank line,
// which is never part of a section, so a blank line always means "next
// section" and an empty paragraph is written as a mark instead.
type textWriter struct {
	b       strings.Builder
	pending bool // a blank line goes before the next line written
}

func (w *textWriter) String() string { return w.b.String() }

func (w *textWriter) line(s string) {
	if w.pending && w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
	w.pending = false
	w.b.WriteString(strings.TrimRight(s, " \t"))
	w.b.WriteByte('\n')
}

// gap ends a section: the next line comes after a blank line.
func (w *textWriter) gap() { w.pending = true }

// text writes a text that may hold forced line breaks: the first line after
// prefix, the following ones indented by two spaces so that they read as
// the same paragraph, each wrapped in mark ("*", "**", …).
func (w *textWriter) text(prefix, s, mark string) {
	for i, l := range splitLines(s) {
		if l != "" {
			l = mark + l + mark
		} else {
			l = "[dòng trống]"
		}
		if i == 0 {
			w.line(prefix + l)
		} else {
			w.line("  " + l)
		}
	}
}

func splitLines(s string) []string {
	return strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

// header writes the two columns of the header one after the other: the
// issuing body and number on the left, the national title, motto and date
// line on the right.
func (w *textWriter) header(h Header) {
	w.line("[Bên trái]")
	if strings.TrimSpace(h.ParentName) != "" {
		w.text("Cơ quan chủ quản: ", h.ParentName, "")
	}
	if strings.TrimSpace(h.IssuerName) != "" {
		w.text("Cơ quan ban hành: ", h.IssuerName, "")
	}
	// Leading blanks are the space left for the văn thư to write the
	// number in, and are kept; a number of blanks only prints no line.
	if strings.TrimSpace(h.Number) != "" {
		w.line("Số: " + h.Number)
	}
	w.line("[Bên phải]")
	w.line(nationalTitle)
	w.line(nationalMotto)
	if strings.TrimSpace(h.Place) != "" || !h.Date.IsZero() {
		w.line(h.DateLine())
	}
	w.gap()
}

func (w *textWriter) title(kind string, title []string) {
	if strings.TrimSpace(kind) == "" && len(title) == 0 {
		return
	}
	if strings.TrimSpace(kind) != "" {
		w.text("[Tên loại] ", kind, "")
	}
	for _, t := range title {
		w.text("[Trích yếu] ", t, "")
	}
	w.gap()
}

// kinhGui writes the addressees as the page does: one on the label's line,
// several as a punctuated list under it.
func (w *textWriter) kinhGui(to []string) {
	var items []string
	for _, k := range to {
		if k = strings.TrimSpace(k); k != "" {
			items = append(items, k)
		}
	}
	switch len(items) {
	case 0:
		return
	case 1:
		w.text("Kính gửi: ", items[0], "")
	default:
		w.line("Kính gửi:")
		for _, l := range ListLines(items, "- ") {
			w.text("", l, "")
		}
	}
	w.gap()
}

func (w *textWriter) body(blocks []Block) {
	if len(blocks) == 0 {
		return
	}
	w.line("[Nội dung]")
	for i, b := range blocks {
		switch v := Value(b).(type) {
		case Paragraph:
			w.paragraph(v)
		case Heading:
			level := max(v.Level, 1)
			w.text(strings.Repeat("#", level)+" ", v.Text, "")
		case Table:
			w.gap()
			w.table(v)
			w.gap()
		case PageBreak:
			w.gap()
			w.line("--- ngắt trang ---")
			w.gap()
		case nil:
			w.line("[khối " + strconv.Itoa(i+1) + " trống]")
		}
	}
	w.gap()
}

// paragraph writes the style as Markdown emphasis around each line and the
// alignment and indent, when they are not the usual ones, as marks before
// the first line.
func (w *textWriter) paragraph(p Paragraph) {
	var marks []string
	switch p.Align {
	case AlignCenter:
		marks = append(marks, "giữa")
	case AlignLeft:
		marks = append(marks, "trái")
	case AlignRight:
		marks = append(marks, "phải")
	}
	if p.NoIndent {
		marks = append(marks, "sát lề")
	}
	prefix := ""
	if len(marks) > 0 {
		prefix = "[" + strings.Join(marks, ", ") + "] "
	}
	if p.Text == "" {
		w.line(prefix + "[dòng trống]")
		return
	}
	w.text(prefix, p.Text, styleMark(p.Style))
}

func styleMark(s Style) string {
	switch s {
	case Bold:
		return "**"
	case Italic:
		return "*"
	case BoldItalic:
		return "***"
	}
	return ""
}

// table writes a pipe table: a line of what the page does with it, the
// column headers, a Markdown alignment row, then the rows. A group row is
// one cell marked [nhóm]; a bold row has its cells in **. A line break in a
// cell is written <br>, as the cell stays on one line here.
func (w *textWriter) table(t Table) {
	var widths []string
	for _, c := range t.Columns {
		widths = append(widths, FormatShort(c.Width, 2))
	}
	info := []string{"Bảng " + strconv.Itoa(len(t.Columns)) + " cột", "độ rộng " + strings.Join(widths, " : ")}
	if t.RepeatHeader {
		info = append(info, "lặp tiêu đề mỗi trang")
	}
	if t.NumberRow {
		info = append(info, "dòng số cột (1), (2), …")
	}
	if t.FontSize != 0 {
		info = append(info, "cỡ chữ "+FormatShort(t.FontSize, 1))
	}
	w.line("[" + strings.Join(info, "; ") + "]")

	head := make([]string, len(t.Columns))
	rule := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = cellText(c.Header)
		rule[i] = alignRule(c.Align)
	}
	w.line(pipeRow(head))
	w.line(pipeRow(rule))
	for _, r := range t.Rows {
		if r.Group {
			w.line("| [nhóm] " + cellText(strings.Join(r.Cells, " ")) + " |")
			continue
		}
		cells := make([]string, max(len(t.Columns), len(r.Cells)))
		for i, c := range r.Cells {
			c = cellText(c)
			if r.Bold && c != "" {
				c = "**" + c + "**"
			}
			cells[i] = c
		}
		w.line(pipeRow(cells))
	}
}

func alignRule(a Align) string {
	switch a {
	case AlignCenter:
		return ":-:"
	case AlignRight:
		return "--:"
	case AlignLeft:
		return ":--"
	}
	return "---"
}

func cellText(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "|", `\|`)
	return strings.Join(splitLines(s), "<br>")
}

func pipeRow(cells []string) string {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" ")
		b.WriteString(c)
		b.WriteString(" |")
	}
	return b.String()
}

func (w *textWriter) signature(s Signature) {
	for _, col := range []struct {
		label string
		c     SignatureColumn
	}{{"[Ký bên trái]", s.Left}, {"[Ký bên phải]", s.Right}} {
		if col.c.IsZero() {
			continue
		}
		w.line(col.label)
		for _, f := range []struct{ label, text string }{
			{"Thẩm quyền: ", col.c.Authority},
			{"Chức vụ: ", col.c.Position},
			{"Ghi chú: ", col.c.Note},
			{"Họ và tên: ", col.c.Name},
		} {
			if strings.TrimSpace(f.text) != "" {
				w.text(f.label, f.text, "")
			}
		}
		w.gap()
	}
}

func (w *textWriter) recipients(entries []string) {
	lines := RecipientLines(entries)
	if len(lines) == 0 {
		return
	}
	w.line("Nơi nhận:")
	for _, l := range lines {
		w.text("", l, "")
	}
}
