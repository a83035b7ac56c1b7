package service

// Printing Giấy khen onto the office's pre-printed blanks: where each piece
// of text goes (a pdf.CertificateLayout kept per office in the settings
// table), the calibration page that measures the printer's offsets, and the
// certificates of a round's passed Giấy khen nominees.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pdf"
	"tdkt/internal/store"
)

// certificateLayoutKey is the settings key of the office's layout (JSON).
const certificateLayoutKey = "certificate_layout"

// Field labels of the certificate layout form, as people see them.
const (
	FieldCertOffsetX  = "Độ lệch ngang (mm)"
	FieldCertOffsetY  = "Độ lệch dọc (mm)"
	FieldCertFontSize = "Cỡ chữ (pt)"
)

// Limits of the certificate layout.
const (
	CertMinFontSize = 8
	CertMaxFontSize = 36
	CertMaxOffset   = 30 // mm either way
)

// certFieldNames are the Vietnamese names of the layout's fields.
var certFieldNames = map[string]string{
	pdf.FieldName:        "Họ tên",
	pdf.FieldUnit:        "Đơn vị",
	pdf.FieldReason:      "Lý do khen thưởng",
	pdf.FieldDecision:    "Số quyết định",
	pdf.FieldDate:        "Địa danh, ngày ký",
	pdf.FieldSignerTitle: pdf.FieldLabel(pdf.FieldSignerTitle),
	pdf.FieldSignerName:  pdf.FieldLabel(pdf.FieldSignerName),
}

// CertificateFields are the layout's fields in printing order.
var CertificateFields = []string{pdf.FieldName, pdf.FieldUnit, pdf.FieldReason, pdf.FieldDecision, pdf.FieldDate, pdf.FieldSignerTitle, pdf.FieldSignerName}

// CertificateFieldLabel is the form label of a layout field's position,
// "Vị trí: Họ tên", also the Field of its validation errors.
func CertificateFieldLabel(field string) string {
	name := certFieldNames[field]
	if name == "" {
		name = field
	}
	return "Vị trí: " + name
}

// CertificateLayout is the office's layout of the Giấy khen blank; the
// default one until it is saved.
func (s *Service) CertificateLayout(ctx context.Context) (pdf.CertificateLayout, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return pdf.CertificateLayout{}, err
	}
	def := pdf.DefaultCertificateLayout()
	raw, err := s.st.Setting(ctx, certificateLayoutKey)
	if err != nil {
		return def, fmt.Errorf("đọc căn chỉnh Giấy khen: %w", err)
	}
	if strings.TrimSpace(raw) == "" {
		return def, nil
	}
	var l pdf.CertificateLayout
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		return def, fmt.Errorf("căn chỉnh Giấy khen đã lưu bị hỏng (%v); lưu lại căn chỉnh", err)
	}
	// Fields missing from an older save keep their default positions.
	if l.Fields == nil {
		l.Fields = map[string]pdf.Point{}
	}
	for k, p := range def.Fields {
		if _, ok := l.Fields[k]; !ok {
			l.Fields[k] = p
		}
	}
	if l.FontSize == 0 {
		l.FontSize = def.FontSize
	}
	return l, nil
}

// ValidateCertificateLayout checks a layout: every position on the sheet
// (before and after the offsets), the font size 8–36 pt, the offsets
// within ±30 mm.
func ValidateCertificateLayout(l pdf.CertificateLayout) error {
	var errs domain.FieldErrors
	bad := func(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }
	mm := func(x float64) string { return docs.FormatShort(x, 1) }
	if bad(l.FontSize) || l.FontSize < CertMinFontSize || l.FontSize > CertMaxFontSize {
		errs = append(errs, domain.FieldError{Field: FieldCertFontSize, Msg: fmt.Sprintf("cỡ chữ %s không hợp lệ; nhập từ %d đến %d", mm(l.FontSize), CertMinFontSize, CertMaxFontSize)})
	}
	offsetOK := true
	for _, o := range []struct {
		field string
		v     float64
	}{{FieldCertOffsetX, l.OffsetX}, {FieldCertOffsetY, l.OffsetY}} {
		if bad(o.v) || math.Abs(o.v) > CertMaxOffset {
			offsetOK = false
			errs = append(errs, domain.FieldError{Field: o.field, Msg: fmt.Sprintf("độ lệch %s mm quá lớn; nhập từ -%d đến %d mm", mm(o.v), CertMaxOffset, CertMaxOffset)})
		}
	}
	pw, ph := 210.0, 297.0
	if l.Landscape {
		pw, ph = ph, pw
	}
	fields := append([]string(nil), CertificateFields...)
	for k := range l.Fields {
		if _, known := certFieldNames[k]; !known {
			fields = append(fields, k)
		}
	}
	for _, k := range fields {
		p, ok := l.Fields[k]
		if !ok {
			continue
		}
		label := CertificateFieldLabel(k)
		switch {
		case bad(p.X) || bad(p.Y) || p.X < 0 || p.X > pw || p.Y < 0 || p.Y > ph:
			errs = append(errs, domain.FieldError{Field: label, Msg: fmt.Sprintf("vị trí (%s; %s) nằm ngoài tờ giấy; X từ 0 đến %s mm, Y từ 0 đến %s mm", mm(p.X), mm(p.Y), mm(pw), mm(ph))})
		case offsetOK && (p.X+l.OffsetX < 0 || p.X+l.OffsetX > pw || p.Y+l.OffsetY < 0 || p.Y+l.OffsetY > ph):
			errs = append(errs, domain.FieldError{Field: label, Msg: "cộng độ lệch thì vị trí nằm ngoài tờ giấy; giảm độ lệch hoặc dời vị trí"})
		case bad(p.Width) || bad(p.LineGap) || p.Width < 0 || p.LineGap < 0 || p.Width > pw:
			errs = append(errs, domain.FieldError{Field: label, Msg: "bề rộng và khoảng cách dòng phải từ 0 đến bề rộng tờ giấy"})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// SaveCertificateLayout validates and stores the office's layout.
func (s *Service) SaveCertificateLayout(ctx context.Context, l pdf.CertificateLayout) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	if err := ValidateCertificateLayout(l); err != nil {
		return err
	}
	raw, err := json.Marshal(l)
	if err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.SetSetting(certificateLayoutKey, string(raw)) })
}

// RoundCertificates are the Giấy khen of the round's passed Giấy khen
// nominees under decision decisionNo signed on day, with the signer of the
// round's Giấy khen decision (the director unless another was recorded).
// decisionNo is either a bare number ("15", numbered the office's way:
// "15/QĐ-BHXH"), a full number ("15/QĐ-BHXH", printed as typed) or ""
// (left blank to fill in by hand). A zero day takes the decision's recorded
// date, or else leaves the day and month blank but prints the year (see
// docs.Certificates). It fails when no Giấy khen nominee of the round
// passed.
func (s *Service) RoundCertificates(ctx context.Context, roundID int64, decisionNo string, day domain.Date) ([]pdf.Certificate, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	in, err := s.DossierInput(ctx, roundID)
	if err != nil {
		return nil, err
	}
	certs := docs.Certificates(in, strings.Join(strings.Fields(decisionNo), " "), day)
	if len(certs) == 0 {
		return nil, fmt.Errorf("đợt “%s” không có ai được Hội đồng thông qua Giấy khen; chưa có Giấy khen nào để in", in.Round.Name)
	}
	return certs, nil
}

// ExportCertificates writes the PDF of the round's Giấy khen (one page per
// passed Giấy khen nominee) laid out for the office's blanks.
func (s *Service) ExportCertificates(ctx context.Context, roundID int64, decisionNo string, day domain.Date, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	l, err := s.CertificateLayout(ctx)
	if err != nil {
		return err
	}
	certs, err := s.RoundCertificates(ctx, roundID, decisionNo, day)
	if err != nil {
		return err
	}
	return pdf.RenderCertificates(l, certs, w)
}

// ExportCalibration writes the calibration page of the office's layout.
func (s *Service) ExportCalibration(ctx context.Context, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	l, err := s.CertificateLayout(ctx)
	if err != nil {
		return err
	}
	return pdf.RenderCalibration(l, w)
}
