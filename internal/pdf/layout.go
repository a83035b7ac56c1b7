// Package pdf renders document models (internal/docs) to PDF in the layout
// of NĐ 30/2020 Phụ lục I. It is the only package that imports gofpdf: the
// rest of the application builds a docs.Document and hands it here.
//
// The type face is Liberation Serif, metric-compatible with Times New Roman
// (the face NĐ 30 names), embedded from github.com/go-fonts/liberation and
// subset into each file, so Vietnamese prints on any machine. Identical
// documents give identical bytes: the PDF dates come from the document's
// date and the catalogues are sorted.
package pdf

// Paper and unit facts.
const (
	A4Width  = 210.0 // mm
	A4Height = 297.0 // mm

	mmPerPt = 25.4 / 72 // one typographic point in millimetres
)

// Layout holds the page geometry and type sizes. Lengths are millimetres,
// font sizes points. DefaultLayout follows NĐ 30; tests check it against the
// ranges of the decree, and callers may adjust a copy (Layout.Render).
type Layout struct {
	// Margins. NĐ 30: top and bottom 20–25, left 30–35, right 15–20. A
	// landscape page keeps the same margins on the same sides as read: the
	// binding margin stays on the left, because a landscape danh sách is
	// bound on its own short side, not inside a portrait file.
	MarginTop, MarginBottom, MarginLeft, MarginRight float64

	// HeaderLeftShare is the share of the text width taken by the left
	// header column (issuing body, number); the right column (national title,
	// motto, date) and the signature column take the rest.
	HeaderLeftShare float64

	ParentSize     float64 // cơ quan chủ quản, upper case, regular (12–13)
	IssuerSize     float64 // cơ quan ban hành, upper case, bold (12–13)
	NumberSize     float64 // "Số: …" (13)
	NationSize     float64 // Quốc hiệu, upper case, bold (12–13)
	MottoSize      float64 // Tiêu ngữ, bold (13–14)
	DateSize       float64 // place and date, italic (13–14)
	KindSize       float64 // document type, upper case, bold (13–14)
	TitleSize      float64 // trích yếu, bold (13–14)
	BodySize       float64 // body text (13–14)
	TableSize      float64 // table text unless the table says otherwise
	PageNumberSize float64 // page number in the top margin (13–14)
	SignTitleSize  float64 // authority and position, upper case, bold (13–14)
	SignNoteSize   float64 // "(Ký, ghi rõ họ tên, đóng dấu)", italic
	SignNameSize   float64 // signer's name, bold (13–14)
	RecipLabelSize float64 // "Nơi nhận:", bold italic (12)
	RecipSize      float64 // Nơi nhận entries (11)

	LineSpacing      float64 // body line height as a multiple of the font size (1.0–1.5)
	TightLineSpacing float64 // the same for header, tables, signature and Nơi nhận
	ParagraphSpacing float64 // points after each paragraph (≥ 6)
	FirstLineIndent  float64 // body first-line indent (10–12.7 mm)
	SignatureSpace   float64 // room for the signature and the seal
	CellPaddingX     float64 // table cell padding left and right
	CellPaddingY     float64 // table cell padding top and bottom
	RuleWidth        float64 // the short rules under names, motto and trích yếu
	BorderWidth      float64 // table borders

	// Compress deflates the page streams. Tests switch it off to look at
	// the drawing operators; the fonts are compressed either way.
	Compress bool
}

// DefaultLayout is the NĐ 30 layout used by Render.
func DefaultLayout() Layout {
	return Layout{
		MarginTop:    20,
		MarginBottom: 20,
		MarginLeft:   30,
		MarginRight:  15,

		HeaderLeftShare: 0.42,

		ParentSize:     13,
		IssuerSize:     13,
		NumberSize:     13,
		NationSize:     12,
		MottoSize:      14,
		DateSize:       14,
		KindSize:       14,
		TitleSize:      14,
		BodySize:       14,
		TableSize:      13,
		PageNumberSize: 13,
		SignTitleSize:  13,
		SignNoteSize:   12,
		SignNameSize:   14,
		RecipLabelSize: 12,
		RecipSize:      11,

		LineSpacing:      1.2,
		TightLineSpacing: 1.1,
		ParagraphSpacing: 6,
		FirstLineIndent:  12.7,
		SignatureSpace:   25,
		CellPaddingX:     1.5,
		CellPaddingY:     1.0,
		RuleWidth:        0.3,
		BorderWidth:      0.2,

		Compress: true,
	}
}
