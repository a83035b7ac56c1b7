package pack

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// zeros streams n zero bytes: the body of a zip bomb.
func zeros(n int) func(io.Writer) error {
	return func(w io.Writer) error {
		chunk := make([]byte, 64<<10)
		for n > 0 {
			k := min(n, len(chunk))
			if _, err := w.Write(chunk[:k]); err != nil {
				return err
			}
			n -= k
		}
		return nil
	}
}

// deflatedZeros is the deflate stream of n zero bytes, built without
// holding them.
func deflatedZeros(t testing.TB, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	if err := zeros(n)(fw); err != nil {
		t.Fatal(err)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func keyring(m map[string]ed25519.PublicKey) func(string) (ed25519.PublicKey, bool) {
	return func(code string) (ed25519.PublicKey, bool) {
		k, ok := m[code]
		return k, ok
	}
}

// fileCodes are the problems that always concern one file and so must
// name it.
var fileCodes = []string{ProblemMissingFile, ProblemSizeMismatch, ProblemHashMismatch, ProblemUnlistedFile,
	ProblemUnsafePath, ProblemDuplicateEntry, ProblemZipBomb, ProblemMissingSignature, ProblemMissingKey, ProblemBadSignature}

func TestVerify_Scenarios(t *testing.T) {
	pub, priv := testKey(1)
	otherPub, otherPriv := testKey(2)
	_, recipient, err := NewAgeIdentity()
	if err != nil {
		t.Fatal(err)
	}
	plain := buildSample(t, priv, "")
	encrypted := buildSample(t, priv, recipient)

	edit := func(f func(t *testing.T, es []entry) []entry) func(*testing.T, []byte) []byte {
		return func(t *testing.T, base []byte) []byte {
			return rewrite(t, base, func(es []entry) []entry { return f(t, es) })
		}
	}
	replace := func(name string, f func(e *entry)) func(*testing.T, []byte) []byte {
		return edit(func(t *testing.T, es []entry) []entry {
			f(&es[findEntry(t, es, name)])
			return es
		})
	}
	drop := func(name string) func(*testing.T, []byte) []byte {
		return edit(func(t *testing.T, es []entry) []entry {
			return slices.Delete(es, findEntry(t, es, name), findEntry(t, es, name)+1)
		})
	}
	add := func(e entry) func(*testing.T, []byte) []byte {
		return edit(func(t *testing.T, es []entry) []entry { return append(es, e) })
	}
	manifest := func(f func(*Manifest)) func(*testing.T, []byte) []byte {
		return edit(func(t *testing.T, es []entry) []entry { return editManifest(t, es, priv, f) })
	}
	same := func(_ *testing.T, b []byte) []byte { return b }
	pdf := append([]byte("%PDF-1.4\n"), noise(9, 100)...)

	scenarios := []struct {
		name      string
		encrypted bool
		pkg       func(*testing.T, []byte) []byte
		opt       VerifyOptions
		want      []string
	}{
		{name: "valid plain", pkg: same},
		{name: "valid encrypted", encrypted: true, pkg: same},
		{name: "valid with the expected key", pkg: same, opt: VerifyOptions{Expected: pub}},
		{name: "valid against the keyring", pkg: same, opt: VerifyOptions{Registered: keyring(map[string]ed25519.PublicKey{"BHXH-HN": pub}), Type: TypeSubmission}},
		{name: "folder entry is ignored", pkg: add(entry{name: "pdf/"})},

		{name: "changed byte", pkg: replace("pdf/to-trinh.pdf", func(e *entry) { e.data[20] ^= 1 }), want: []string{ProblemHashMismatch}},
		{name: "changed byte of encrypted file", encrypted: true, pkg: replace("data.json.age", func(e *entry) { e.data[len(e.data)-5] ^= 1 }), want: []string{ProblemHashMismatch}},
		{name: "changed size", pkg: replace("pdf/bien-ban.pdf", func(e *entry) { e.data = append(e.data, 0) }), want: []string{ProblemSizeMismatch}},
		{name: "dropped file", pkg: drop("xlsx/danh-sach-de-nghi.xlsx"), want: []string{ProblemMissingFile}},
		{name: "unlisted file", pkg: add(entry{name: "attachments/them.pdf", data: pdf}), want: []string{ProblemUnlistedFile}},
		{name: "climbing path", pkg: add(entry{name: "../evil", data: pdf}), want: []string{ProblemUnsafePath}},
		{name: "climbing path inside", pkg: add(entry{name: "pdf/../../evil.pdf", data: pdf}), want: []string{ProblemUnsafePath}},
		{name: "absolute path", pkg: add(entry{name: "/abs", data: pdf}), want: []string{ProblemUnsafePath}},
		{name: "drive path", pkg: add(entry{name: `C:\x`, data: pdf}), want: []string{ProblemUnsafePath}},
		{name: "backslash", pkg: add(entry{name: `pdf\x.pdf`, data: pdf}), want: []string{ProblemUnsafePath}},
		{name: "NUL in name", pkg: add(entry{name: "pdf/a\x00.pdf", data: pdf}), want: []string{ProblemUnsafePath}},
		{name: "device name", pkg: add(entry{name: "attachments/con.pdf", data: pdf}), want: []string{ProblemUnsafePath}},
		{name: "symlink entry", pkg: add(entry{name: "attachments/link", data: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777}), want: []string{ProblemUnsafePath}},
		{name: "exact duplicate", pkg: add(entry{name: "pdf/to-trinh.pdf", data: pdf}), want: []string{ProblemDuplicateEntry}},
		{name: "case duplicate", pkg: add(entry{name: "PDF/TO-TRINH.PDF", data: pdf}), want: []string{ProblemDuplicateEntry}},

		{name: "missing manifest", pkg: drop("manifest.json"), want: []string{ProblemBadManifest}},
		{name: "garbage manifest", pkg: replace("manifest.json", func(e *entry) { e.data = []byte("not json {") }), want: []string{ProblemBadManifest, ProblemBadSignature}},
		{name: "garbage manifest re-signed", pkg: edit(func(t *testing.T, es []entry) []entry { return resign(t, es, []byte("not json {"), priv) }), want: []string{ProblemBadManifest}},
		{name: "trailing data after manifest", pkg: edit(func(t *testing.T, es []entry) []entry {
			return resign(t, es, append(bytes.Clone(es[findEntry(t, es, "manifest.json")].data), "{}"...), priv)
		}), want: []string{ProblemBadManifest}},
		{name: "manifest is null", pkg: edit(func(t *testing.T, es []entry) []entry { return resign(t, es, []byte("null"), priv) }), want: []string{ProblemBadManifest}},
		{name: "unknown format", pkg: manifest(func(m *Manifest) { m.Format = "tdkt-package/9" }), want: []string{ProblemUnknownFormat}},
		{name: "manifest lists an unsafe path", pkg: manifest(func(m *Manifest) {
			m.Files = append(m.Files, FileEntry{Path: "../evil.pdf", SHA256: m.Files[0].SHA256, Bytes: 1, Kind: KindPDF})
		}), want: []string{ProblemUnsafePath}},
		{name: "manifest lists a path twice", pkg: manifest(func(m *Manifest) { m.Files = append(m.Files, m.Files[1]) }), want: []string{ProblemDuplicateEntry}},
		{name: "manifest lists unit.pub", pkg: manifest(func(m *Manifest) {
			m.Files = append(m.Files, FileEntry{Path: "unit.pub", SHA256: m.Files[0].SHA256, Bytes: 1, Kind: KindData})
		}), want: []string{ProblemBadManifest}},
		{name: "manifest gives a wrong kind", pkg: manifest(func(m *Manifest) { m.Files[0].Kind = KindPDF }), want: []string{ProblemBadManifest}},
		{name: "wrong package type", pkg: same, opt: VerifyOptions{Type: TypeFeedback}, want: []string{ProblemBadManifest}},

		{name: "flipped signature byte", pkg: replace("manifest.sig", func(e *entry) {
			sig, _ := base64.StdEncoding.DecodeString(strings.TrimSpace(string(e.data)))
			sig[10] ^= 1
			e.data = []byte(base64.StdEncoding.EncodeToString(sig))
		}), want: []string{ProblemBadSignature}},
		{name: "signature not base64", pkg: replace("manifest.sig", func(e *entry) { e.data = []byte("!!") }), want: []string{ProblemBadSignature}},
		{name: "missing signature", pkg: drop("manifest.sig"), want: []string{ProblemMissingSignature}},
		{name: "oversized signature", pkg: replace("manifest.sig", func(e *entry) { e.data = bytes.Repeat([]byte("A"), 10<<10) }), want: []string{ProblemTooLarge}},
		{name: "another unit.pub", pkg: replace("unit.pub", func(e *entry) { e.data = []byte(EncodePublicKey(otherPub)) }), want: []string{ProblemBadSignature}},
		{name: "another unit.pub against the keyring", pkg: replace("unit.pub", func(e *entry) { e.data = []byte(EncodePublicKey(otherPub)) }),
			opt: VerifyOptions{Registered: keyring(map[string]ed25519.PublicKey{"BHXH-HN": pub})}, want: []string{ProblemBadSignature, ProblemKeyMismatch}},
		{name: "missing unit.pub", pkg: drop("unit.pub"), want: []string{ProblemMissingKey}},
		{name: "garbage unit.pub", pkg: replace("unit.pub", func(e *entry) { e.data = []byte("AAAA") }), want: []string{ProblemMissingKey}},
		{name: "expected another key", pkg: same, opt: VerifyOptions{Expected: otherPub}, want: []string{ProblemKeyMismatch}},
		{name: "unknown unit", pkg: same, opt: VerifyOptions{Registered: keyring(nil)}, want: []string{ProblemUnknownUnit}},
		{name: "registered with another key", pkg: same, opt: VerifyOptions{Registered: keyring(map[string]ed25519.PublicKey{"BHXH-HN": otherPub})}, want: []string{ProblemKeyMismatch}},
		{name: "signed by an impostor", pkg: edit(func(t *testing.T, es []entry) []entry {
			return resign(t, es, es[findEntry(t, es, "manifest.json")].data, otherPriv)
		}), opt: VerifyOptions{Registered: keyring(map[string]ed25519.PublicKey{"BHXH-HN": pub})}, want: []string{ProblemKeyMismatch}},

		{name: "zip bomb", pkg: replace(vnAttachment, func(e *entry) { e.method, e.fill = zip.Deflate, zeros(8<<20) }), want: []string{ProblemZipBomb}},
		{name: "unlisted zip bomb", pkg: add(entry{name: "attachments/bomb.bin", method: zip.Deflate, fill: zeros(8 << 20)}), want: []string{ProblemUnlistedFile, ProblemZipBomb}},
		{name: "header lies about size", pkg: edit(func(t *testing.T, es []entry) []entry {
			es[findEntry(t, es, "pdf/to-trinh.pdf")] = entry{name: "pdf/to-trinh.pdf", method: zip.Deflate, raw: true, size: 1000, data: deflatedZeros(t, 4<<20)}
			return es
		}), want: []string{ProblemZipBomb}},
		{name: "entry over MaxEntry", pkg: replace(vnAttachment, func(e *entry) { e.data = noise(5, 100<<10) }), opt: VerifyOptions{Limits: Limits{MaxEntry: 64 << 10}}, want: []string{ProblemTooLarge}},
		{name: "too many entries", pkg: same, opt: VerifyOptions{Limits: Limits{MaxEntries: 5}}, want: []string{ProblemTooLarge}},
		{name: "archive over MaxArchive", pkg: same, opt: VerifyOptions{Limits: Limits{MaxArchive: 1000}}, want: []string{ProblemTooLarge}},
		{name: "entries together over MaxArchive", pkg: same, opt: VerifyOptions{Limits: Limits{MaxArchive: int64(len(plain)) + 1}}, want: []string{ProblemTooLarge}},
		{name: "CRC mismatch", pkg: func(t *testing.T, base []byte) []byte {
			zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(zr.File, func(f *zip.File) bool { return f.Name == "pdf/bien-ban.pdf" })
			off, err := zr.File[i].DataOffset()
			if err != nil {
				t.Fatal(err)
			}
			b := bytes.Clone(base)
			b[off+100] ^= 1
			return b
		}, want: []string{ProblemHashMismatch}},
		{name: "unsupported compression method", pkg: edit(func(t *testing.T, es []entry) []entry {
			i := findEntry(t, es, "pdf/to-trinh.pdf")
			es[i] = entry{name: es[i].name, method: 99, raw: true, size: uint64(len(es[i].data)), data: es[i].data}
			return es
		}), want: []string{ProblemHashMismatch}},
		{name: "not a zip", pkg: func(*testing.T, []byte) []byte { return []byte("Kính gửi Trung ương, đây không phải gói.") }, want: []string{ProblemNotZip}},
		{name: "empty file", pkg: func(*testing.T, []byte) []byte { return nil }, want: []string{ProblemNotZip}},
		{name: "truncated", pkg: func(_ *testing.T, b []byte) []byte { return b[:len(b)/2] }, want: []string{ProblemNotZip}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			base := plain
			if sc.encrypted {
				base = encrypted
			}
			p := VerifyBytes(sc.pkg(t, bytes.Clone(base)), sc.opt)
			if got := codes(p); !slices.Equal(got, sorted(sc.want)) {
				t.Fatalf("codes = %v, want %v\nproblems: %+v", got, sorted(sc.want), p.Problems)
			}
			if p.Valid() != (len(sc.want) == 0) {
				t.Errorf("Valid() = %v with problems %v", p.Valid(), p.Problems)
			}
			for _, pr := range p.Problems {
				if pr.Message == "" {
					t.Errorf("problem %s has no message", pr.Code)
				}
				if slices.Contains(fileCodes, pr.Code) && pr.Path == "" {
					t.Errorf("problem %s (%s) does not name its file", pr.Code, pr.Message)
				}
			}
		})
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestVerify_ReportsEveryProblem(t *testing.T) {
	_, priv := testKey(1)
	otherPub, _ := testKey(2)
	pkg := rewrite(t, buildSample(t, priv, ""), func(es []entry) []entry {
		es[findEntry(t, es, "pdf/to-trinh.pdf")].data[30] ^= 1
		es = slices.Delete(es, findEntry(t, es, "xlsx/danh-sach-de-nghi.xlsx"), findEntry(t, es, "xlsx/danh-sach-de-nghi.xlsx")+1)
		return append(es, entry{name: "../evil", data: []byte("x")}, entry{name: "attachments/them.txt", data: []byte("x")})
	})
	p := VerifyBytes(pkg, VerifyOptions{Expected: otherPub})
	want := sorted([]string{ProblemHashMismatch, ProblemMissingFile, ProblemUnsafePath, ProblemUnlistedFile, ProblemKeyMismatch})
	if got := codes(p); !slices.Equal(got, want) {
		t.Fatalf("codes = %v, want %v", got, want)
	}
}

func TestVerify_HostileNameIsShownSafely(t *testing.T) {
	_, priv := testKey(1)
	pkg := rewrite(t, buildSample(t, priv, ""), func(es []entry) []entry {
		return append(es, entry{name: "pdf/\x1b[31mđỏ\xff\n.pdf", data: []byte("x")})
	})
	p := VerifyBytes(pkg, VerifyOptions{})
	if len(p.Problems) != 1 || p.Problems[0].Code != ProblemUnsafePath {
		t.Fatalf("problems = %+v", p.Problems)
	}
	for _, s := range []string{p.Problems[0].Path, p.Problems[0].Message} {
		if strings.ContainsAny(s, "\x1b\n") || !utf8Valid(s) {
			t.Errorf("hostile name shown raw: %q", s)
		}
	}
	if !strings.Contains(p.Problems[0].Path, "đỏ") {
		t.Errorf("path %q lost the readable part of the name", p.Problems[0].Path)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }

func TestPackage_ReadPlain(t *testing.T) {
	_, priv := testKey(1)
	pkg := buildSample(t, priv, "")
	p := VerifyBytes(pkg, VerifyOptions{})
	if !p.Valid() {
		t.Fatalf("problems: %+v", p.Problems)
	}
	want := []string{"attachments/Quyết định công nhận sáng kiến.pdf", "data.json", "pdf/bien-ban.pdf", "pdf/to-trinh.pdf", "xlsx/danh-sach-de-nghi.xlsx"}
	if got := p.Paths(); !slices.Equal(got, want) {
		t.Fatalf("Paths() = %q, want %q", got, want)
	}
	for _, f := range sampleFiles() {
		got, err := p.Read(f.Path, "")
		if err != nil {
			t.Fatalf("Read(%q): %v", f.Path, err)
		}
		if !bytes.Equal(got, f.Content) {
			t.Errorf("Read(%q) returned other bytes", f.Path)
		}
		got[0] ^= 1 // the caller's copy: must not change the package
	}
	if again, _ := p.Read("data.json", ""); !bytes.Equal(again, sampleFiles()[1].Content) {
		t.Errorf("a caller changed the package's bytes through Read")
	}
	if _, err := p.Read("pdf/khong-co.pdf", ""); err == nil {
		t.Errorf("Read of an unlisted path succeeded")
	}
	if _, err := p.Read("manifest.json", ""); err == nil {
		t.Errorf("Read of manifest.json succeeded; it is not a listed file")
	}
}

func TestPackage_ReadEncrypted(t *testing.T) {
	_, priv := testKey(1)
	identity, recipient, err := NewAgeIdentity()
	if err != nil {
		t.Fatal(err)
	}
	otherIdentity, _, err := NewAgeIdentity()
	if err != nil {
		t.Fatal(err)
	}
	p := VerifyBytes(buildSample(t, priv, recipient), VerifyOptions{})
	if !p.Valid() {
		t.Fatalf("encrypted package does not verify without an identity: %+v", p.Problems)
	}
	if p.Manifest.Encryption != EncryptionAge || p.Manifest.Recipient != recipient {
		t.Errorf("manifest encryption = %q to %q", p.Manifest.Encryption, p.Manifest.Recipient)
	}
	for _, f := range p.Manifest.Files {
		if !strings.HasSuffix(f.Path, ".age") {
			t.Errorf("stored name %q has no .age", f.Path)
		}
	}
	data := sampleFiles()[1]
	scenarios := []struct {
		name     string
		identity string
		want     []byte
		wantErr  error
		wantText string
	}{
		{name: "right identity", identity: identity, want: data.Content},
		{name: "right identity with a line end", identity: identity + "\r\n", want: data.Content},
		{name: "wrong identity", identity: otherIdentity, wantErr: ErrWrongIdentity},
		{name: "no identity", identity: "", wantErr: ErrNeedIdentity, wantText: "gói được mã hóa; cần khóa giải mã của Trung ương"},
		{name: "malformed identity", identity: "AGE-SECRET-KEY-1XYZ", wantText: "khóa giải mã không đúng định dạng"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			got, err := p.Read(data.Path, sc.identity)
			if sc.want != nil {
				if err != nil || !bytes.Equal(got, sc.want) {
					t.Fatalf("Read = %d bytes, %v; want the plain data.json", len(got), err)
				}
				return
			}
			if err == nil {
				t.Fatal("Read succeeded")
			}
			if sc.wantErr != nil && !errors.Is(err, sc.wantErr) {
				t.Errorf("error %v, want %v", err, sc.wantErr)
			}
			if sc.wantText != "" && !strings.Contains(err.Error(), sc.wantText) {
				t.Errorf("error %q does not say %q", err, sc.wantText)
			}
		})
	}
}

func TestPackage_ReadRefusesInvalid(t *testing.T) {
	_, priv := testKey(1)
	pkg := rewrite(t, buildSample(t, priv, ""), func(es []entry) []entry {
		return append(es, entry{name: "attachments/them.txt", data: []byte("x")})
	})
	p := VerifyBytes(pkg, VerifyOptions{})
	if _, err := p.Read("data.json", ""); !errors.Is(err, ErrInvalidPackage) {
		t.Fatalf("Read on an invalid package: %v, want ErrInvalidPackage", err)
	}
}

func TestVerifyFile(t *testing.T) {
	_, priv := testKey(1)
	dir := t.TempDir()
	good := filepath.Join(dir, "goi.zip")
	if err := os.WriteFile(good, buildSample(t, priv, ""), 0o600); err != nil {
		t.Fatal(err)
	}
	scenarios := []struct {
		name    string
		path    string
		wantErr bool
		valid   bool
	}{
		{name: "package", path: good, valid: true},
		{name: "missing file", path: filepath.Join(dir, "khong-co.zip"), wantErr: true},
		{name: "a folder", path: dir, wantErr: true},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			p, err := VerifyFile(sc.path, VerifyOptions{})
			if (err != nil) != sc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, sc.wantErr)
			}
			if err != nil {
				return
			}
			if p.Valid() != sc.valid {
				t.Errorf("Valid() = %v: %+v", p.Valid(), p.Problems)
			}
			if len(p.SHA256) != 64 || p.Size == 0 {
				t.Errorf("SHA256 %q, Size %d", p.SHA256, p.Size)
			}
		})
	}
}
