package pack

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// testKey is a fixed signing key so packages are reproducible.
func testKey(seed byte) (ed25519.PublicKey, ed25519.PrivateKey) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	return priv.Public().(ed25519.PublicKey), priv
}

// noise is deterministic incompressible content.
func noise(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

const vnAttachment = "attachments/Quyết định công nhận sáng kiến.pdf"

// sampleFiles is a small round: data, one spreadsheet, two documents and an
// attachment with a Vietnamese name. data.json is repetitive, as real JSON
// is, so it deflates well.
func sampleFiles() []File {
	var data strings.Builder
	data.WriteString(`{"people":[`)
	for i := range 400 {
		if i > 0 {
			data.WriteString(",")
		}
		fmt.Fprintf(&data, `{"staff_code":"NV%04d","full_name":"Nguyễn Văn An %d","unit_code":"BHXH-HN"}`, i, i)
	}
	data.WriteString("]}\n")
	return []File{
		{Path: "pdf/to-trinh.pdf", Content: append([]byte("%PDF-1.4\n"), noise(2, 3000)...)},
		{Path: "data.json", Content: []byte(data.String())},
		{Path: "xlsx/danh-sach-de-nghi.xlsx", Kind: KindXLSX, Content: noise(1, 5000)},
		{Path: "pdf/bien-ban.pdf", Content: append([]byte("%PDF-1.4\n"), noise(3, 4000)...)},
		{Path: vnAttachment, Content: noise(4, 2500)},
	}
}

func sampleManifest() Manifest {
	return Manifest{
		Unit:         Unit{Code: "BHXH-HN", Name: "Bảo hiểm xã hội thành phố Hà Nội"},
		Year:         2025,
		Round:        RoundRef{ID: 7, Name: "Khen thưởng năm 2025", Kind: "thuong-xuyen", Status: "submitted"},
		CreatedAt:    "2025-12-01T09:30:00+07:00",
		AppVersion:   "1.0.0",
		RulesVersion: "2025.1",
	}
}

// buildSample builds the sample package, encrypted to recipient when it is
// not empty.
func buildSample(t testing.TB, priv ed25519.PrivateKey, recipient string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Build(context.Background(), &buf, sampleFiles(), BuildOptions{Manifest: sampleManifest(), Key: priv, Recipient: recipient}); err != nil {
		t.Fatalf("Build: %v", err)
	}
	return buf.Bytes()
}

// entry is one zip entry as the tamper tests rewrite it.
type entry struct {
	name   string
	data   []byte
	method uint16
	// fill, when set, streams the content instead of data, so a test can
	// write a large entry without holding it in memory.
	fill func(w io.Writer) error
	// raw entries are written with CreateRaw: data is the compressed
	// payload and size/crc are what the header claims, true or not.
	raw       bool
	size, crc uint64
	mode      fs.FileMode
}

func readEntries(t testing.TB, b []byte) []entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("reading test zip: %v", err)
	}
	var out []entry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("open %s: %v", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		out = append(out, entry{name: f.Name, data: data, method: f.Method})
	}
	return out
}

func writeEntries(t testing.TB, es []entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range es {
		fh := &zip.FileHeader{Name: e.name, Method: e.method}
		if e.mode != 0 {
			fh.SetMode(e.mode)
		}
		var w io.Writer
		var err error
		if e.raw {
			fh.CRC32, fh.UncompressedSize64, fh.CompressedSize64 = uint32(e.crc), e.size, uint64(len(e.data))
			w, err = zw.CreateRaw(fh)
		} else {
			w, err = zw.CreateHeader(fh)
		}
		if err != nil {
			t.Fatalf("create %s: %v", e.name, err)
		}
		if e.fill != nil {
			err = e.fill(w)
		} else {
			_, err = w.Write(e.data)
		}
		if err != nil {
			t.Fatalf("write %s: %v", e.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func findEntry(t testing.TB, es []entry, name string) int {
	t.Helper()
	i := slices.IndexFunc(es, func(e entry) bool { return e.name == name })
	if i < 0 {
		t.Fatalf("no entry %q in test package", name)
	}
	return i
}

// rewrite applies edit to the entries of pkg and zips them again.
func rewrite(t testing.TB, pkg []byte, edit func([]entry) []entry) []byte {
	t.Helper()
	return writeEntries(t, edit(readEntries(t, pkg)))
}

// resign replaces manifest.json with raw bytes and signs them with priv,
// so a test isolates a manifest problem from a signature one.
func resign(t testing.TB, es []entry, manifest []byte, priv ed25519.PrivateKey) []entry {
	t.Helper()
	es[findEntry(t, es, "manifest.json")].data = manifest
	es[findEntry(t, es, "manifest.sig")].data = []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(priv, manifest)))
	es[findEntry(t, es, "unit.pub")].data = []byte(EncodePublicKey(priv.Public().(ed25519.PublicKey)))
	return es
}

// editManifest decodes manifest.json, lets edit change it, and re-signs.
func editManifest(t testing.TB, es []entry, priv ed25519.PrivateKey, edit func(*Manifest)) []entry {
	t.Helper()
	var m Manifest
	if err := json.Unmarshal(es[findEntry(t, es, "manifest.json")].data, &m); err != nil {
		t.Fatal(err)
	}
	edit(&m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return resign(t, es, b, priv)
}

func codes(p *Package) []string {
	var out []string
	for _, pr := range p.Problems {
		if !slices.Contains(out, pr.Code) {
			out = append(out, pr.Code)
		}
	}
	slices.Sort(out)
	return out
}
