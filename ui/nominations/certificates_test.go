package nominations

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"tdkt/internal/pdf"
	"tdkt/internal/service"
)

// certButton finds the "In Giấy khen…" button of the rounds tab.
func certButton(t *testing.T, o fyne.CanvasObject) *certificatesButton {
	t.Helper()
	var found *certificatesButton
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *certificatesButton:
			found = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Split:
			walk(x.Leading)
			walk(x.Trailing)
		}
	}
	walk(o)
	if found == nil {
		t.Fatal("no “In Giấy khen…” button in the rounds tab")
	}
	return found
}

// openDemoCertificates opens the demo round and its Giấy khen dialog.
func openDemoCertificates(t *testing.T) (*fixture, *certificateForm) {
	t.Helper()
	f := newFixture(t)
	rt := f.v.rounds
	if len(rt.rounds) == 0 {
		t.Fatal("no demo round")
	}
	rt.open(rt.rounds[0].ID)
	b := certButton(t, rt.content)
	if b.Text != "In Giấy khen…" {
		t.Errorf("button text %q", b.Text)
	}
	b.OnTapped()
	if b.last == nil {
		t.Fatalf("no dialog: %v", f.v.lastErr)
	}
	b.last.open = func(string) error { return nil }
	return f, b.last
}

func TestCertificates_SaveOffsetsThroughTheDialog(t *testing.T) {
	f, c := openDemoCertificates(t)
	if c.date.Text != "01/03/2026" || c.offsetX.Text != "0" || c.fontSize.Text != "16" {
		t.Errorf("defaults: date %q, offset %q, font %q", c.date.Text, c.offsetX.Text, c.fontSize.Text)
	}
	c.offsetX.SetText("2,5")
	c.offsetY.SetText("-1,5")
	c.fontSize.SetText("18")
	c.fieldY[pdf.FieldName].SetText("102,5")
	if err := c.saveLayout(); err != nil {
		t.Fatal(err)
	}
	l, err := f.svc.CertificateLayout(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if l.OffsetX != 2.5 || l.OffsetY != -1.5 || l.FontSize != 18 || l.Fields[pdf.FieldName].Y != 102.5 || l.Fields[pdf.FieldName].X != 148.5 {
		t.Errorf("stored layout %+v", l)
	}

	// Errors appear under their fields and nothing is stored.
	c.offsetX.SetText("40")
	c.offsetY.SetText("abc")
	if err := c.saveLayout(); err == nil {
		t.Fatal("saved an offset of 40 mm")
	}
	if c.form.ErrorFor(service.FieldCertOffsetY) == "" {
		t.Errorf("no error under the vertical offset")
	}
	c.offsetY.SetText("0")
	if err := c.saveLayout(); err == nil || c.form.ErrorFor(service.FieldCertOffsetX) == "" {
		t.Errorf("no error under the horizontal offset: %v", err)
	}
	if l, _ := f.svc.CertificateLayout(f.ctx); l.OffsetX != 2.5 {
		t.Errorf("an invalid offset was stored: %v", l.OffsetX)
	}
}

func TestCertificates_PrintCalibrationAndCertificates(t *testing.T) {
	f, c := openDemoCertificates(t)
	var opened []string
	c.open = func(p string) error { opened = append(opened, p); return nil }
	dir := t.TempDir()
	c.offsetX.SetText("3")
	cal := filepath.Join(dir, "căn chỉnh.pdf")
	c.writeCalibration(cal)
	if f.v.lastErr != nil {
		t.Fatal(f.v.lastErr)
	}
	if l, _ := f.svc.CertificateLayout(f.ctx); l.OffsetX != 3 {
		t.Errorf("printing the calibration page did not save the offset: %v", l.OffsetX)
	}
	c.decision.SetText("15")
	out := filepath.Join(dir, "Giấy khen.pdf")
	c.writeCertificates(out)
	if f.v.lastErr != nil {
		t.Fatal(f.v.lastErr)
	}
	for _, p := range []string{cal, out} {
		b, err := os.ReadFile(p)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
			t.Errorf("%s: %v", p, err)
		}
	}
	if len(opened) != 2 || opened[1] != out {
		t.Errorf("opened %v", opened)
	}
	c.date.SetText("31/02/2026")
	c.writeCertificates(filepath.Join(dir, "x.pdf"))
	if c.form.ErrorFor(certDateLabel) == "" {
		t.Error("no error under a wrong date")
	}
}
