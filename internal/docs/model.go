package docs

import (
	"tdkt/internal/domain"
)

// Orientation of the pages. NĐ 30 prints on A4 portrait and allows landscape
// for wide tables (danh sách).
type Orientation uint8

const (
	Portrait Orientation = iota
	Landscape
)

func (o Orientation) String() string {
	if o == Landscape {
		return "landscape"
	}
	return "portrait"
}

// Style is the type face of a run of text: Normal, Bold, Italic or both.
type Style uint8

const (
	Normal Style = 0
	Bold   Style = 1 << 0
	Italic Style = 1 << 1

	BoldItalic = Bold | Italic
)

// Align is a horizontal alignment. The zero value means "what the block
// usually does": justified for paragraphs, left for table cells.
type Align uint8

const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
	AlignJustify
)

// Header is the top of the document (NĐ 30 cells 1–4): the issuing body on
// the left under its parent body with the number under it, and the national
// title, motto, place and date on the right. The renderer prints names in
// upper case; a "\n" in a name forces a line break there.
type Header struct {
	ParentName string      // cơ quan chủ quản: "Bảo hiểm xã hội Việt Nam"; may be empty
	IssuerName string      // cơ quan ban hành: "Bảo hiểm xã hội tỉnh Hà Tĩnh"
	Number     string      // "12/TTr-BHXH" (see Number); "" prints no "Số:" line
	Place      string      // địa danh: "Hà Tĩnh"
	Date       domain.Date // see DateLine for partial and zero dates
}

// NewHeader fills the header from the office's profile.
func NewHeader(p domain.OfficeProfile, number string, d domain.Date) Header {
	return Header{
		ParentName: p.ParentName,
		IssuerName: p.UnitName,
		Number:     number,
		Place:      p.Place,
		Date:       d,
	}
}

// DateLine is the place-and-date line of this header.
func (h Header) DateLine() string { return DateLine(h.Place, h.Date) }

// Document is an administrative document as data.
type Document struct {
	Header Header
	// Kind is the document type printed in upper case above the trích yếu:
	// "TỜ TRÌNH", "BÁO CÁO THÀNH TÍCH", "BẢN ĐĂNG KÝ THI ĐUA"; may be empty.
	Kind string
	// Title holds the trích yếu lines, printed bold and centred under Kind
	// with a short rule under the last: "Về việc đề nghị tặng …".
	Title []string
	// KinhGui lists the addressees. One prints as "Kính gửi: X" centred;
	// several print under the label, each as "- X;" with the last ending ".".
	KinhGui   []string
	Body      []Block
	Signature Signature
	// Recipients are the Nơi nhận entries without the leading "- " and
	// trailing ";"; the last is usually "Lưu: VT, TĐKT". See RecipientLines.
	Recipients  []string
	Orientation Orientation
}

// Block is one element of the body: Paragraph, Heading, Table or PageBreak.
type Block interface{ block() }

// Paragraph is body text, justified with a first-line indent unless told
// otherwise. A "\n" in Text breaks the line there (the next line is not
// indented); an empty Text is a blank line.
type Paragraph struct {
	Text     string
	Style    Style
	Align    Align // AlignDefault = justified
	NoIndent bool  // no first-line indent (e.g. centred notes)
}

// Heading is a section heading such as "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"
// (Level 1, bold) or "1. Đặc điểm, tình hình" (Level 2, bold; Level 3 is bold
// italic). The text is printed as given; the renderer keeps a heading on the
// same page as the start of what follows it.
type Heading struct {
	Text  string
	Level int // 0 is treated as 1
}

// Table is a bordered table. The header row is made of the column headers,
// printed bold and centred, and repeated at the top of each page the table
// continues on when RepeatHeader is set.
type Table struct {
	Columns      []Column
	Rows         []Row
	RepeatHeader bool
	// NumberRow adds a row "(1) (2) …" under the header, as official lists
	// number their columns so that notes can refer to them.
	NumberRow bool
	// FontSize in points; 0 uses the renderer's table size.
	FontSize float64
}

// Column describes one table column. Widths are relative: the renderer
// shares the text width among the columns in proportion to Width.
type Column struct {
	Header string
	Width  float64
	Align  Align // AlignDefault = left
}

// Row is a table row. A group row ("A. TẬP THỂ") has one text in Cells[0]
// printed bold across all columns; the renderer keeps it with the next row.
type Row struct {
	Cells []string
	Group bool
	Bold  bool // e.g. a "Tổng cộng" row
}

// Cells is a plain row.
func Cells(cells ...string) Row { return Row{Cells: cells} }

// GroupRow is a row spanning all columns, such as "A. TẬP THỂ".
func GroupRow(text string) Row { return Row{Cells: []string{text}, Group: true} }

// PageBreak starts a new page.
type PageBreak struct{}

func (Paragraph) block() {}
func (Heading) block()   {}
func (Table) block()     {}
func (PageBreak) block() {}

// Signature is the signature block (NĐ 30 cell 7). Right is the signer of the
// issuing body; Left, when not empty, is a second party printed on the left,
// as in a Báo cáo thành tích where the superior unit confirms.
type Signature struct {
	Left  SignatureColumn
	Right SignatureColumn
}

// IsZero reports whether the document has no signature at all.
func (s Signature) IsZero() bool { return s.Left.IsZero() && s.Right.IsZero() }

// SignatureColumn is one signer. Authority is the first line when signing
// for someone else (quyền hạn): "KT. GIÁM ĐỐC", "TM. HỘI ĐỒNG THI ĐUA -
// KHEN THƯỞNG"; Position the signer's own title: "PHÓ GIÁM ĐỐC". Both are
// printed bold in upper case. Note is an optional italic hint such as
// "(Ký, ghi rõ họ tên, đóng dấu)". Name is printed bold under the space left
// for the signature and seal; honorifics do not go before it.
type SignatureColumn struct {
	// Authority is what the signer signs for, a line each:
	// "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nKT. CHỦ TỊCH".
	Authority string
	Position  string
	Note      string
	Name      string
}

// IsZero reports whether the column has nothing to print.
func (c SignatureColumn) IsZero() bool { return c == SignatureColumn{} }

// SignerColumn is the signature column of one of the office's signers. The
// head (whose title is head, e.g. "Giám đốc") signs in his own name; anyone
// else signs "KT." (ký thay) for the head.
func SignerColumn(s domain.Signer, head string) SignatureColumn {
	pos := Upper(s.Position)
	c := SignatureColumn{Position: pos, Name: s.Name}
	if h := Upper(head); h != "" && pos != h {
		c.Authority = "KT. " + h
	}
	return c
}
