package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"tdkt/internal/docs"
	"tdkt/internal/docx"
	"tdkt/internal/pdf"
)

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// BenchmarkDossierPerPage_VsLibreOffice renders the dossier of a round of
// 300 people and reports the cost of a page, next to what LibreOffice
// takes a page to convert the same documents (their Word copies) to PDF
// in the same run, in one soffice process; lo-ms/page and x-faster are
// missing when soffice is not installed.
func BenchmarkDossierPerPage_VsLibreOffice(b *testing.B) {
	files := docs.Files(docs.Dossier(docs.SampleDossier(300)))
	var pages int
	start := time.Now()
	n := 0
	for b.Loop() {
		pages = 0
		for _, f := range files {
			var buf bytes.Buffer
			if err := pdf.RenderBook(f.Docs, &buf); err != nil {
				b.Fatal(err)
			}
			pages += len(pdfPage.FindAll(buf.Bytes(), -1))
		}
		n++
	}
	ours := float64(time.Since(start).Milliseconds()) / float64(n*pages)
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(ours, "ms/page")
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return
	}
	b.StopTimer()
	dir := b.TempDir()
	var args []string
	for i, f := range files {
		name := filepath.Join(dir, fmt.Sprintf("%02d.docx", i))
		var buf bytes.Buffer
		if err := docx.RenderBook(f.Docs, &buf); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		args = append(args, name)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", out}, args...)...)
	t0 := time.Now()
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("soffice: %v\n%s", err, msg)
	}
	lo := time.Since(t0)
	loPages := 0
	for i := range files {
		data, err := os.ReadFile(filepath.Join(out, fmt.Sprintf("%02d.pdf", i)))
		if err != nil {
			b.Fatal(err)
		}
		loPages += len(pdfPage.FindAll(data, -1))
	}
	loPer := float64(lo.Milliseconds()) / float64(loPages)
	b.ReportMetric(float64(loPages), "lo-pages")
	b.ReportMetric(loPer, "lo-ms/page")
	b.ReportMetric(loPer/ours, "x-faster")
}
