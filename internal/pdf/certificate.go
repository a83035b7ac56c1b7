package pdf

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"tdkt/internal/docs"
)

// Certificate is the variable text of one Giấy khen (built by
// docs.Certificates).
type Certificate = docs.Certificate

// Point is where a field of the certificate is printed, in millimetres from
// the top-left corner of the sheet: X is the horizontal centre of the text
// and Y its baseline, so the text sits on the dotted line of the blank.
// Width > 0 wraps the text into lines at most that wide, each centred on X
// and the next one LineGap lower; 0 prints one line.
type Point struct {
	X, Y    float64
	Width   float64
	LineGap float64 // 0: 1.5 × the font size
}

// The field names of a CertificateLayout. They are the keys of the layout
// an office saves, so they never change; people see fieldLabels.
const (
	FieldName        = "name"
	FieldUnit        = "unit"
	FieldReason      = "reason"
	FieldDecision    = "decision"
	FieldDate        = "date"
	FieldSignerTitle = "signer_title"
	FieldSignerName  = "signer_name"
)

// fieldLabels are the names of the fields as the calibration page prints them.
var fieldLabels = map[string]string{
	FieldName:        "Họ và tên",
	FieldUnit:        "Đơn vị",
	FieldReason:      "Lý do khen thưởng",
	FieldDecision:    "Số quyết định",
	FieldDate:        "Ngày ký",
	FieldSignerTitle: "Chức vụ người ký",
	FieldSignerName:  "Người ký",
}

// FieldLabel is the Vietnamese name of a certificate field; a field this
// version does not know is named by its key.
func FieldLabel(field string) string {
	if l, ok := fieldLabels[field]; ok {
		return l
	}
	return field
}

// CertificateLayout says where the variable text of a Giấy khen goes on the
// office's pre-printed blanks. Fields are the nominal positions; OffsetX and
// OffsetY (mm, right and down positive) shift everything to make up for the
// printer, as measured on a calibration page (RenderCalibration).
type CertificateLayout struct {
	Fields           map[string]Point
	OffsetX, OffsetY float64
	Landscape        bool    // the blank is fed landscape (297 × 210 mm)
	FontSize         float64 // points; the name is printed bold and larger
}

// DefaultCertificateLayout fits the common A4 landscape Giấy khen blank:
// name, unit and reason centred under the national emblem and title, the
// decision number bottom left, and bottom right the place and date, the
// signer's title under them and the signer's name below the room for the
// signature and seal.
func DefaultCertificateLayout() CertificateLayout {
	return CertificateLayout{
		Fields: map[string]Point{
			FieldName:        {X: 148.5, Y: 100},
			FieldUnit:        {X: 148.5, Y: 113, Width: 200},
			FieldReason:      {X: 148.5, Y: 128, Width: 200},
			FieldDecision:    {X: 75, Y: 178},
			FieldDate:        {X: 212, Y: 150},
			FieldSignerTitle: {X: 212, Y: 159, Width: 120},
			FieldSignerName:  {X: 212, Y: 190},
		},
		Landscape: true,
		FontSize:  16,
	}
}

// nameScale is how much larger than FontSize the name prints.
const nameScale = 1.4

func (l CertificateLayout) newPDF() (*gofpdf.Fpdf, error) {
	if l.FontSize <= 0 {
		return nil, fmt.Errorf("cỡ chữ Giấy khen phải lớn hơn 0 (đang là %v)", l.FontSize)
	}
	orient := "P"
	if l.Landscape {
		orient = "L"
	}
	f := gofpdf.New(orient, "mm", "A4", "")
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCellMargin(0)
	f.SetCatalogSort(true)
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(stamp)
	f.SetModificationDate(stamp)
	f.SetCreator("tdkt", true)
	f.AddUTF8FontFromBytes(family, "", fontFiles[docs.Normal])
	f.AddUTF8FontFromBytes(family, "B", fontFiles[docs.Bold])
	f.AddUTF8FontFromBytes(family, "I", fontFiles[docs.Italic])
	return f, nil
}

// fieldNames in printing order (the order of a map is not).
func (l CertificateLayout) fieldNames() []string {
	order := []string{FieldName, FieldUnit, FieldReason, FieldDecision, FieldDate, FieldSignerTitle, FieldSignerName}
	var extra []string
	for k := range l.Fields {
		if !slices.Contains(order, k) {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	return append(order, extra...)
}

func certificateValue(c Certificate, field string) string {
	switch field {
	case FieldName:
		return c.Name
	case FieldUnit:
		return c.Unit
	case FieldReason:
		return c.Reason
	case FieldDecision:
		return c.Decision
	case FieldDate:
		return c.Date
	case FieldSignerTitle:
		return c.SignerTitle
	case FieldSignerName:
		return c.SignerName
	}
	return ""
}

// centred draws text centred on x with its baseline at y, a line for each
// "\n", each wrapped to width.
func centred(f *gofpdf.Fpdf, p Point, x, y, size float64, text string) {
	var lines []string
	for _, part := range strings.Split(text, "\n") {
		if p.Width > 0 {
			lines = append(lines, f.SplitText(part, p.Width)...)
		} else {
			lines = append(lines, part)
		}
	}
	gap := p.LineGap
	if gap <= 0 {
		gap = 1.5 * size * mmPerPt
	}
	for i, line := range lines {
		line = strings.TrimSpace(line)
		f.Text(x-f.GetStringWidth(line)/2, y+float64(i)*gap, line)
	}
}

// RenderCertificates writes one page per certificate with only its variable
// text, each field at its position shifted by the offsets, for printing on
// the pre-printed blanks.
func RenderCertificates(layout CertificateLayout, certs []Certificate, w io.Writer) error {
	f, err := layout.newPDF()
	if err != nil {
		return err
	}
	if len(certs) == 0 {
		return fmt.Errorf("không có Giấy khen nào để in")
	}
	for _, c := range certs {
		f.AddPage()
		for _, field := range layout.fieldNames() {
			p, ok := layout.Fields[field]
			text := nfc(strings.TrimSpace(certificateValue(c, field)))
			if !ok || text == "" {
				continue
			}
			size := layout.FontSize
			style := ""
			switch field {
			case FieldName:
				size, style = size*nameScale, "B"
			case FieldDate:
				style = "I"
			case FieldSignerTitle, FieldSignerName:
				style = "B"
			}
			f.SetFont(family, style, size)
			centred(f, p, p.X+layout.OffsetX, p.Y+layout.OffsetY, size, text)
		}
	}
	if err := f.Output(w); err != nil {
		return fmt.Errorf("ghi tệp PDF Giấy khen: %w", err)
	}
	return nil
}

// RenderCalibration writes the calibration page: a ruler grid every 10 mm
// numbered along the edges (from the sheet's top-left corner, without the
// offsets), and a crosshair labelled with its Vietnamese name and position
// where each field will print (with the offsets). Printed on a blank, it
// shows how far each crosshair lands from the blank's dotted line: add that
// distance to OffsetX (right +) and OffsetY (down +).
func RenderCalibration(layout CertificateLayout, w io.Writer) error {
	f, err := layout.newPDF()
	if err != nil {
		return err
	}
	f.AddPage()
	pw, ph := f.GetPageSize()

	// Grid: thin grey every 10 mm, darker every 50 mm.
	for x := 0.0; x <= pw+0.01; x += 10 {
		gridLine(f, int(x)%50 == 0)
		f.Line(x, 0, x, ph)
	}
	for y := 0.0; y <= ph+0.01; y += 10 {
		gridLine(f, int(y)%50 == 0)
		f.Line(0, y, pw, y)
	}
	f.SetTextColor(90, 90, 90)
	f.SetFont(family, "", 7)
	for x := 10.0; x < pw; x += 10 {
		s := fmt.Sprint(int(x))
		f.Text(x-f.GetStringWidth(s)/2, 4, s)
		f.Text(x-f.GetStringWidth(s)/2, ph-2, s)
	}
	for y := 10.0; y < ph; y += 10 {
		s := fmt.Sprint(int(y))
		f.Text(1.5, y+1, s)
		f.Text(pw-1.5-f.GetStringWidth(s), y+1, s)
	}

	// Crosshairs where the fields print.
	f.SetTextColor(0, 0, 0)
	f.SetDrawColor(200, 0, 0)
	f.SetLineWidth(0.3)
	for _, field := range layout.fieldNames() {
		p, ok := layout.Fields[field]
		if !ok {
			continue
		}
		x, y := p.X+layout.OffsetX, p.Y+layout.OffsetY
		f.Line(x-8, y, x+8, y)
		f.Line(x, y-8, x, y+8)
		f.Circle(x, y, 2, "D")
		if p.Width > 0 {
			f.SetDashPattern([]float64{1, 1}, 0)
			f.Line(x-p.Width/2, y, x+p.Width/2, y)
			f.SetDashPattern(nil, 0)
		}
		f.SetFont(family, "B", 9)
		f.Text(x+2.5, y-1.5, fmt.Sprintf("%s (%s; %s)", FieldLabel(field), docs.FormatShort(x, 1), docs.FormatShort(y, 1)))
	}

	f.SetFont(family, "I", 10)
	note := fmt.Sprintf("Trang căn chỉnh in Giấy khen. Độ lệch hiện tại: ngang %s mm, dọc %s mm. In trang này lên phôi, đo khoảng cách từ tâm dấu + đến dòng kẻ của phôi rồi cộng vào độ lệch (sang phải, xuống dưới là dương).",
		docs.FormatShort(layout.OffsetX, 1), docs.FormatShort(layout.OffsetY, 1))
	// The note goes at the top, clear of the fields: the signature area
	// reaches the foot of the sheet.
	f.SetXY(20, 8)
	f.MultiCell(pw-40, 5, note, "", "C", false)
	if err := f.Output(w); err != nil {
		return fmt.Errorf("ghi tệp PDF căn chỉnh: %w", err)
	}
	return nil
}

func gridLine(f *gofpdf.Fpdf, major bool) {
	if major {
		f.SetDrawColor(120, 120, 120)
		f.SetLineWidth(0.25)
		return
	}
	f.SetDrawColor(190, 190, 190)
	f.SetLineWidth(0.1)
}
