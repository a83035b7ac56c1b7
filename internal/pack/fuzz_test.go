package pack

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fuzzLimits keep a fuzzed archive from costing much memory.
var fuzzLimits = Limits{MaxArchive: 4 << 20, MaxEntry: 1 << 20, MaxRatio: 100, MaxEntries: 64}

var knownCodes = []string{ProblemNotZip, ProblemBadManifest, ProblemUnknownFormat, ProblemMissingSignature,
	ProblemMissingKey, ProblemBadSignature, ProblemMissingFile, ProblemSizeMismatch, ProblemHashMismatch,
	ProblemUnlistedFile, ProblemUnsafePath, ProblemDuplicateEntry, ProblemTooLarge, ProblemZipBomb,
	ProblemKeyMismatch, ProblemUnknownUnit}

// tinyPackage is a valid package small enough to be a fuzz seed.
func tinyPackage(t testing.TB, recipient string) []byte {
	t.Helper()
	_, priv := testKey(1)
	files := []File{
		{Path: "data.json", Content: []byte(`{"unit":{"code":"BHXH-HN"},"year":2025}`)},
		{Path: "pdf/tờ trình.pdf", Content: []byte("%PDF-1.4 tờ trình")},
	}
	var buf bytes.Buffer
	if _, err := Build(context.Background(), &buf, files, BuildOptions{Manifest: sampleManifest(), Key: priv, Recipient: recipient}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkVerdict holds for any input: Verify never panics, every problem is
// known and explained, and a package called valid really is readable.
func checkVerdict(t *testing.T, b []byte) {
	p := VerifyBytes(b, VerifyOptions{Limits: fuzzLimits})
	for _, pr := range p.Problems {
		if !slices.Contains(knownCodes, pr.Code) || pr.Message == "" {
			t.Fatalf("problem %+v has an unknown code or no message", pr)
		}
	}
	if !p.Valid() {
		if _, err := p.Read("data.json", ""); !errors.Is(err, ErrInvalidPackage) {
			t.Fatalf("Read on an invalid package: %v", err)
		}
		return
	}
	if p.Manifest == nil || p.PublicKey == nil {
		t.Fatal("valid package without manifest or key")
	}
	paths := p.Paths()
	for i, fe := range p.Manifest.Files {
		got, err := p.Read(paths[i], "")
		if p.encrypted() {
			if !errors.Is(err, ErrNeedIdentity) {
				t.Fatalf("Read(%q) of an encrypted package without identity: %v", paths[i], err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("valid package, but Read(%q): %v", paths[i], err)
		}
		sum := sha256.Sum256(got)
		if int64(len(got)) != fe.Bytes || hex.EncodeToString(sum[:]) != fe.SHA256 {
			t.Fatalf("valid package, but %q does not match its manifest entry", paths[i])
		}
	}
}

func FuzzVerify(f *testing.F) {
	valid := tinyPackage(f, "")
	f.Add(valid)
	for _, n := range []int{len(valid) - 1, len(valid) - 22, len(valid) / 2, 30, 4} {
		f.Add(valid[:n])
	}
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add([]byte("không phải gói"))
	f.Add([]byte{})
	f.Fuzz(checkVerdict)
}

// TestFuzzSeeds_AreWhatTheyClaim keeps the committed seeds meaningful: the
// valid one verifies, so the fuzzer starts from a package that gets past
// the signature.
func TestFuzzSeeds_AreWhatTheyClaim(t *testing.T) {
	scenarios := []struct {
		name  string
		pkg   []byte
		valid bool
	}{
		{name: "tiny plain", pkg: tinyPackage(t, ""), valid: true},
		{name: "tiny truncated", pkg: tinyPackage(t, "")[:100]},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			if p := VerifyBytes(sc.pkg, VerifyOptions{Limits: fuzzLimits}); p.Valid() != sc.valid {
				t.Fatalf("Valid() = %v: %+v", p.Valid(), p.Problems)
			}
			checkVerdict(t, sc.pkg)
		})
	}
}

// TestFuzzCorpus_ValidSeedsVerify keeps the committed seeds of
// testdata/fuzz/FuzzVerify meaningful: the "valid_" ones must still be
// valid packages, or the fuzzer no longer starts past the signature.
func TestFuzzCorpus_ValidSeedsVerify(t *testing.T) {
	scenarios := []struct {
		file      string
		valid     bool
		encrypted bool
	}{
		{file: "valid_plain", valid: true},
		{file: "valid_encrypted", valid: true, encrypted: true},
		{file: "truncated_half"},
		{file: "unsafe_names"},
		{file: "zip_bomb"},
	}
	for _, sc := range scenarios {
		t.Run(sc.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "fuzz", "FuzzVerify", sc.file))
			if err != nil {
				t.Fatal(err)
			}
			lit, ok := strings.CutPrefix(strings.TrimSpace(string(raw)), "go test fuzz v1\n[]byte(")
			lit, ok2 := strings.CutSuffix(lit, ")")
			if !ok || !ok2 {
				t.Fatalf("%s is not a fuzz corpus file", sc.file)
			}
			b, err := strconv.Unquote(lit)
			if err != nil {
				t.Fatal(err)
			}
			p := VerifyBytes([]byte(b), VerifyOptions{Limits: fuzzLimits})
			if p.Valid() != sc.valid || p.encrypted() != sc.encrypted {
				t.Fatalf("valid %v encrypted %v: %+v", p.Valid(), p.encrypted(), p.Problems)
			}
		})
	}
}

// FuzzBuildVerify checks that Build and Verify agree: whatever names and
// content Build accepts, Verify finds valid and Read gives back unchanged.
// A name rule applied by one side only would break this.
func FuzzBuildVerify(f *testing.F) {
	f.Add("attachments/Quyết định.pdf", []byte("%PDF"), "pdf/tờ trình.pdf")
	f.Add("data.json", []byte(`{"a":1}`), "DATA.JSON")
	f.Add("attachments/a/b/c.txt", []byte{}, "attachments/A/B/C.TXT")
	f.Add("xlsx/x.xlsx", bytes.Repeat([]byte("a"), 3<<20), "pdf/con.pdf")
	_, priv := testKey(1)
	f.Fuzz(func(t *testing.T, name string, content []byte, other string) {
		files := []File{{Path: name, Content: content}, {Path: other, Content: []byte("x")}}
		var buf bytes.Buffer
		if _, err := Build(context.Background(), &buf, files, BuildOptions{Manifest: sampleManifest(), Key: priv}); err != nil {
			if buf.Len() != 0 {
				t.Fatalf("Build refused (%v) after writing %d bytes", err, buf.Len())
			}
			return
		}
		p := VerifyBytes(buf.Bytes(), VerifyOptions{})
		if !p.Valid() {
			t.Fatalf("Build accepted %q and %q, Verify refused: %+v", name, other, p.Problems)
		}
		got, err := p.Read(name, "")
		if err != nil || !bytes.Equal(got, content) {
			t.Fatalf("Read(%q) = %d bytes, %v; want the %d bytes given", name, len(got), err, len(content))
		}
	})
}
