package service

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pdf"
)

var pageObj = regexp.MustCompile(`/Type /Page[^s]`)

// pdfPages counts the page objects of a PDF written by gofpdf.
func pdfPages(b []byte) int { return len(pageObj.FindAll(b, -1)) }

func certFixture(t *testing.T) (*Service, int64) {
	t.Helper()
	s, _, _ := fillDemo(t, DemoOptions{Staff: 40, Seed: 1})
	rs, err := s.Rounds(context.Background())
	must(t, err)
	if len(rs) != 1 {
		t.Fatalf("demo rounds: %+v", rs)
	}
	return s, rs[0].ID
}

// passedGK counts the passed Giấy khen nominees of the round.
func passedGK(t *testing.T, s *Service, roundID int64) int {
	t.Helper()
	in, err := s.DossierInput(context.Background(), roundID)
	must(t, err)
	n := 0
	for _, e := range in.Nominees {
		if e.Passed && e.Nominee.Award == "GK" {
			n++
		}
	}
	return n
}

func TestCertificateLayout_DefaultAndRoundTrip(t *testing.T) {
	s, _ := certFixture(t)
	ctx := context.Background()
	l, err := s.CertificateLayout(ctx)
	must(t, err)
	def := pdf.DefaultCertificateLayout()
	if l.FontSize != def.FontSize || !l.Landscape || len(l.Fields) != len(def.Fields) || l.Fields[pdf.FieldName] != def.Fields[pdf.FieldName] {
		t.Fatalf("default layout = %+v", l)
	}
	l.OffsetX, l.OffsetY, l.FontSize = 2.5, -3.25, 18
	p := l.Fields[pdf.FieldReason]
	p.X, p.Y = 150, 131.5
	l.Fields[pdf.FieldReason] = p
	must(t, s.SaveCertificateLayout(ctx, l))
	raw, err := s.st.Setting(ctx, "certificate_layout")
	must(t, err)
	if !strings.Contains(raw, "131.5") {
		t.Errorf("setting = %s", raw)
	}
	got, err := s.CertificateLayout(ctx)
	must(t, err)
	if got.OffsetX != 2.5 || got.OffsetY != -3.25 || got.FontSize != 18 || got.Fields[pdf.FieldReason] != p || got.Fields[pdf.FieldDate] != def.Fields[pdf.FieldDate] {
		t.Errorf("round trip = %+v", got)
	}
}

func TestCertificateLayout_Validation(t *testing.T) {
	s, _ := certFixture(t)
	ctx := context.Background()
	l := pdf.DefaultCertificateLayout()
	l.OffsetX, l.OffsetY, l.FontSize = 31, math.NaN(), 7
	name := l.Fields[pdf.FieldName]
	name.X = 300 // the landscape sheet is 297 mm wide
	l.Fields[pdf.FieldName] = name
	date := l.Fields[pdf.FieldDate]
	date.Y = -1
	l.Fields[pdf.FieldDate] = date
	err := s.SaveCertificateLayout(ctx, l)
	fes := domain.AsFieldErrors(err)
	for _, f := range []string{FieldCertOffsetX, FieldCertOffsetY, FieldCertFontSize, CertificateFieldLabel(pdf.FieldName), CertificateFieldLabel(pdf.FieldDate)} {
		if fes.For(f) == "" {
			t.Errorf("no error for %s: %v", f, err)
		}
	}
	if fes.For(CertificateFieldLabel(pdf.FieldUnit)) != "" {
		t.Errorf("unit flagged: %v", fes)
	}
	// An offset that pushes a field off the sheet.
	l = pdf.DefaultCertificateLayout()
	l.OffsetY = 15
	p := l.Fields[pdf.FieldDecision]
	p.Y = 200
	l.Fields[pdf.FieldDecision] = p
	if fes := domain.AsFieldErrors(s.SaveCertificateLayout(ctx, l)); fes.For(CertificateFieldLabel(pdf.FieldDecision)) == "" || len(fes) != 1 {
		t.Errorf("offset off the sheet: %v", fes)
	}
	if raw, _ := s.st.Setting(ctx, "certificate_layout"); raw != "" {
		t.Errorf("an invalid layout was saved: %s", raw)
	}
	// The limits themselves are fine (upwards: the signer's name sits near
	// the foot of the default blank).
	l = pdf.DefaultCertificateLayout()
	l.OffsetX, l.OffsetY, l.FontSize = -30, -30, 36
	must(t, s.SaveCertificateLayout(ctx, l))
	l.OffsetX, l.FontSize = 30, 8
	must(t, s.SaveCertificateLayout(ctx, l))
}

func TestExportCertificates_OnePagePerPassedGK(t *testing.T) {
	s, id := certFixture(t)
	ctx := context.Background()
	n := passedGK(t, s, id)
	if n == 0 {
		t.Fatal("the demo round has no passed Giấy khen")
	}
	var buf bytes.Buffer
	must(t, s.ExportCertificates(ctx, id, "15", domain.Date{Year: 2026, Month: 1, Day: 10}, &buf))
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) || pdfPages(buf.Bytes()) != n {
		t.Fatalf("%d pages, want %d", pdfPages(buf.Bytes()), n)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text := strings.Join(strings.Fields(pdftotextOf(t, buf.Bytes())), " ")
		for _, want := range []string{"Quyết định số 15/QĐ-", "ngày 10 tháng 01 năm 2026", "thực hiện nhiệm vụ năm 2025"} {
			if !strings.Contains(text, want) {
				t.Errorf("no %q in %s", want, text[:min(len(text), 400)])
			}
		}
	}
	certs, err := s.RoundCertificates(ctx, id, "7/QĐ-BHXH", domain.Date{})
	must(t, err)
	if len(certs) != n || certs[0].Decision != "Quyết định số 7/QĐ-BHXH" || strings.Contains(certs[0].Date, "ngày 1") || !strings.Contains(certs[0].Date, "năm 2026") {
		t.Errorf("typed decision number / undated, with its year: %+v", certs[0])
	}

	var cal bytes.Buffer
	must(t, s.ExportCalibration(ctx, &cal))
	if pdfPages(cal.Bytes()) != 1 {
		t.Errorf("calibration pages: %d", pdfPages(cal.Bytes()))
	}

	// A round without a passed Giấy khen prints nothing.
	empty := mustRound(t, s, 2024)
	var none bytes.Buffer
	err = s.ExportCertificates(ctx, empty, "", domain.Date{}, &none)
	if err == nil || !strings.Contains(err.Error(), "Giấy khen") || none.Len() != 0 {
		t.Errorf("empty round: %v (%d bytes)", err, none.Len())
	}
	if err := s.ExportCertificates(ctx, 999, "", domain.Date{}, &none); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("missing round: %v", err)
	}
}

func TestExportCertificates_OffsetsMoveText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	s, id := certFixture(t)
	ctx := context.Background()
	day := domain.Date{Year: 2026, Month: 1, Day: 10}
	var base bytes.Buffer
	must(t, s.ExportCertificates(ctx, id, "15", day, &base))
	l, err := s.CertificateLayout(ctx)
	must(t, err)
	l.OffsetX, l.OffsetY = 10, -5
	must(t, s.SaveCertificateLayout(ctx, l))
	var moved bytes.Buffer
	must(t, s.ExportCertificates(ctx, id, "15", day, &moved))
	a, b := firstWordBox(t, base.Bytes(), "Quyết"), firstWordBox(t, moved.Bytes(), "Quyết")
	const ptPerMM = 72 / 25.4
	if dx, dy := (b[0]-a[0])/ptPerMM, (b[1]-a[1])/ptPerMM; math.Abs(dx-10) > 0.2 || math.Abs(dy+5) > 0.2 {
		t.Errorf("the offsets moved the decision by (%.2f; %.2f) mm, want (10; -5)", dx, dy)
	}
}

// pdftotextOf runs pdftotext on b with args.
func pdftotextOf(t *testing.T, b []byte, args ...string) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", append(args, in, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %v: %v", args, err)
	}
	return string(out)
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>`)

// firstWordBox is the top-left corner (points) of the first word text on
// the first page.
func firstWordBox(t *testing.T, b []byte, text string) [2]float64 {
	t.Helper()
	out := pdftotextOf(t, b, "-f", "1", "-l", "1", "-bbox")
	for _, m := range bboxWord.FindAllStringSubmatch(out, -1) {
		if m[3] == text {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			return [2]float64{x, y}
		}
	}
	t.Fatalf("no word %q on page 1", text)
	return [2]float64{}
}

// The Giấy khen print who signs: the director until the round's Giấy khen
// decision is recorded, then its signer (a deputy signs "KT. GIÁM ĐỐC").
// Undated, it takes the decision's date, and before any decision the year
// of the round's Tờ trình with the day and month left blank.
func TestRoundCertificates_SignerAndDate(t *testing.T) {
	s, id := certFixture(t)
	ctx := context.Background()
	in, err := s.DossierInput(ctx, id)
	must(t, err)
	if in.Round.Date.IsZero() || len(in.Profile.Deputies) == 0 {
		t.Fatalf("the demo round has no Tờ trình date or the office no deputy: %+v %+v", in.Round, in.Profile)
	}
	certs, err := s.RoundCertificates(ctx, id, "", domain.Date{})
	must(t, err)
	c := certs[0]
	if want := docs.DateLine(in.Profile.Place, domain.Date{Year: in.Round.Date.Year}); c.Date != want {
		t.Errorf("undated before the decision: %q, want %q", c.Date, want)
	}
	if c.SignerTitle != "GIÁM ĐỐC" || c.SignerName != in.Profile.Director.Name {
		t.Errorf("signed %q / %q before the decision, want the director %s", c.SignerTitle, c.SignerName, in.Profile.Director.Name)
	}

	deputy := in.Profile.Deputies[0]
	day := domain.DateOf(in.Round.Date.Time().AddDate(0, 0, 5))
	// Giấy khen rest on Lao động tiên tiến when the round proposes it.
	if _, err := s.DecideAward(ctx, id, Decision{Award: "LDTT", Number: "3", Date: day}); err != nil {
		t.Logf("LĐTT decision: %v", err)
	}
	_, err = s.DecideAward(ctx, id, Decision{Award: "GK", Number: "4", Date: day, Signer: deputy.Name})
	must(t, err)
	certs, err = s.RoundCertificates(ctx, id, "", domain.Date{})
	must(t, err)
	c = certs[0]
	if want := docs.DateLine(in.Profile.Place, day); c.Date != want {
		t.Errorf("undated after the decision: %q, want %q", c.Date, want)
	}
	if c.SignerTitle != "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" || c.SignerName != deputy.Name {
		t.Errorf("signed %q / %q, want the deputy %s for the director", c.SignerTitle, c.SignerName, deputy.Name)
	}
}
