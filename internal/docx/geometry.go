package docx

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"tdkt/internal/docs"
)

// geometry is the page geometry and type sizes of the Word copy. The fields
// carry the names, units and values of pdf.Layout (internal/pdf/layout.go,
// DefaultLayout): lengths in millimetres, sizes in points. docx may not
// import pdf (they are peers), so the numbers are repeated here once, and
// TestGeometry_MatchesPDF fails when the two drift apart.
type geometry struct {
	MarginTop, MarginBottom, MarginLeft, MarginRight float64

	HeaderLeftShare float64

	ParentSize, IssuerSize, NumberSize, NationSize, MottoSize, DateSize  float64
	KindSize, TitleSize, BodySize, TableSize, PageNumberSize             float64
	SignTitleSize, SignNoteSize, SignNameSize, RecipLabelSize, RecipSize float64

	LineSpacing, TightLineSpacing, ParagraphSpacing float64
	FirstLineIndent, SignatureSpace                 float64
	CellPaddingX, CellPaddingY                      float64
	RuleWidth, BorderWidth                          float64
}

var layout = geometry{
	MarginTop: 20, MarginBottom: 20, MarginLeft: 30, MarginRight: 15,

	HeaderLeftShare: 0.42,

	ParentSize: 13, IssuerSize: 13, NumberSize: 13, NationSize: 12, MottoSize: 14, DateSize: 14,
	KindSize: 14, TitleSize: 14, BodySize: 14, TableSize: 13, PageNumberSize: 13,
	SignTitleSize: 13, SignNoteSize: 12, SignNameSize: 14, RecipLabelSize: 12, RecipSize: 11,

	LineSpacing: 1.2, TightLineSpacing: 1.1, ParagraphSpacing: 6,
	FirstLineIndent: 12.7, SignatureSpace: 25,
	CellPaddingX: 1.5, CellPaddingY: 1.0,
	RuleWidth: 0.3, BorderWidth: 0.2,
}

// The header constants of internal/pdf/render.go (headerGutter, ruleGap,
// issuerRuleShare, titleRuleShare), in millimetres.
const (
	headerGutter    = 4.0
	ruleGap         = 1.2
	issuerRuleShare = 0.4
	titleRuleShare  = 0.35
	minTitleRule    = 25.0 // render.go titleBlock: max(25, widest*titleRuleShare)
)

// A4 in millimetres (pdf.A4Width, pdf.A4Height) and the unit conversions.
const (
	a4Width  = 210.0
	a4Height = 297.0
	mmPerPt  = 25.4 / 72
)

// textWidth is the width between the margins of a page, in millimetres.
func textWidth(o docs.Orientation) float64 {
	w := a4Width
	if o == docs.Landscape {
		w = a4Height
	}
	return w - layout.MarginLeft - layout.MarginRight
}

// twips converts millimetres to twentieths of a point, Word's length unit.
func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// tw is twips as an attribute value.
func tw(mm float64) string { return strconv.Itoa(twips(mm)) }

// ptw converts points to twips as an attribute value.
func ptw(pt float64) string { return strconv.Itoa(int(math.Round(pt * 20))) }

// halfPoints is a font size as Word writes it (w:sz).
func halfPoints(size float64) string { return strconv.Itoa(int(math.Round(size * 2))) }

// eighths is a border width in eighths of a point (w:sz of a border).
func eighths(mm float64) string { return strconv.Itoa(max(2, int(math.Round(mm/mmPerPt*8)))) }

// bodyLine and tightLine are the line heights of the PDF in points: the
// font size times LineSpacing (body) or TightLineSpacing (header, tables,
// signature, Nơi nhận).
func bodyLine(size float64) float64  { return size * layout.LineSpacing }
func tightLine(size float64) float64 { return size * layout.TightLineSpacing }

// estimate is the printed width in millimetres of s in Times New Roman at
// size points. Word breaks the lines itself, but three things of the layout
// depend on text widths: the length of the short rules under the issuing
// body and the trích yếu, the balanced line breaks of centred names, and
// where a list of addressees starts. Without font metrics here the width is
// estimated from the face's advance widths by classes of letters (a
// Vietnamese letter is as wide as its base letter), within a few per cent
// on names and titles.
func estimate(s string, size float64, st docs.Style) float64 {
	em := 0.0
	for _, r := range s {
		em += advance(r)
	}
	if st&docs.Bold != 0 {
		em *= 1.05
	}
	return em * size * mmPerPt
}

// advance is the approximate advance width of r in Times New Roman, in em.
func advance(r rune) float64 {
	switch {
	case r == ' ' || strings.ContainsRune(",.:;'", r):
		return 0.25
	case strings.ContainsRune("IÍÌỈĨỊJ", r):
		return 0.36
	case r == 'M' || r == 'W':
		return 0.9
	case unicode.IsUpper(r):
		return 0.7
	case strings.ContainsRune("iíìỉĩịjlftr", r):
		return 0.3
	case r == 'm' || r == 'w':
		return 0.75
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return 0.49
	case r == '%':
		return 0.83
	}
	return 0.33 // - / ( ) and the like
}
