package pack

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBuild_Layout(t *testing.T) {
	pub, priv := testKey(1)
	var buf bytes.Buffer
	m, err := Build(context.Background(), &buf, sampleFiles(), BuildOptions{Manifest: sampleManifest(), Key: priv})
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != Format || m.Type != TypeSubmission || m.Encryption != "" || m.Recipient != "" {
		t.Errorf("manifest defaults: format %q type %q encryption %q", m.Format, m.Type, m.Encryption)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	want := []string{"manifest.json", "manifest.sig", "unit.pub", vnAttachment, "data.json", "pdf/bien-ban.pdf", "pdf/to-trinh.pdf", "xlsx/danh-sach-de-nghi.xlsx"}
	if !slices.Equal(names, want) {
		t.Fatalf("entries = %q, want %q", names, want)
	}
	created, _ := time.Parse(time.RFC3339, sampleManifest().CreatedAt)
	wantMethod := map[string]uint16{"manifest.json": zip.Deflate, "data.json": zip.Deflate, "pdf/to-trinh.pdf": zip.Store, "xlsx/danh-sach-de-nghi.xlsx": zip.Store, vnAttachment: zip.Store}
	for _, f := range zr.File {
		if m, ok := wantMethod[f.Name]; ok && f.Method != m {
			t.Errorf("%s stored with method %d, want %d", f.Name, f.Method, m)
		}
		if f.Flags&0x800 == 0 || f.NonUTF8 {
			t.Errorf("%s lacks the UTF-8 name flag", f.Name)
		}
		if !f.Modified.Equal(created) {
			t.Errorf("%s modified %v, want %v", f.Name, f.Modified, created)
		}
	}
	entries := readEntries(t, buf.Bytes())
	var onDisk Manifest
	if err := json.Unmarshal(entries[0].data, &onDisk); err != nil {
		t.Fatal(err)
	}
	if len(onDisk.Files) != len(m.Files) || onDisk.Unit != m.Unit || onDisk.CreatedAt != m.CreatedAt {
		t.Errorf("returned manifest differs from manifest.json")
	}
	for i, fe := range m.Files {
		e := entries[3+i]
		sum := sha256.Sum256(e.data)
		if fe.Path != e.name || fe.Bytes != int64(len(e.data)) || fe.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("manifest lists %+v for entry %s of %d bytes", fe, e.name, len(e.data))
		}
	}
	if fe := m.Files[0]; fe.Kind != KindAttachment {
		t.Errorf("kind of %s = %q", fe.Path, fe.Kind)
	}
	if got := strings.TrimSpace(string(entries[2].data)); got != EncodePublicKey(pub) {
		t.Errorf("unit.pub = %q", got)
	}
}

func TestBuild_Encrypted(t *testing.T) {
	_, priv := testKey(1)
	_, recipient, err := NewAgeIdentity()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	m, err := Build(context.Background(), &buf, sampleFiles(), BuildOptions{Manifest: sampleManifest(), Key: priv, Recipient: recipient + "\n"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Encryption != EncryptionAge || m.Recipient != recipient {
		t.Errorf("encryption %q to %q", m.Encryption, m.Recipient)
	}
	plain := map[string][]byte{}
	for _, f := range sampleFiles() {
		plain[f.Path+".age"] = f.Content
	}
	for _, e := range readEntries(t, buf.Bytes()) {
		if isSpecial(e.name) {
			continue
		}
		content, ok := plain[e.name]
		if !ok {
			t.Errorf("entry %q is not an encrypted payload file", e.name)
			continue
		}
		if e.method != zip.Store {
			t.Errorf("%s deflated; ciphertext does not compress", e.name)
		}
		if bytes.Contains(e.data, content[:64]) {
			t.Errorf("%s contains its plain text", e.name)
		}
	}
}

func TestBuild_Deterministic(t *testing.T) {
	_, priv := testKey(1)
	build := func(files []File, created string) []byte {
		m := sampleManifest()
		m.CreatedAt = created
		var buf bytes.Buffer
		if _, err := Build(context.Background(), &buf, files, BuildOptions{Manifest: m, Key: priv}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := build(sampleFiles(), "2025-12-01T09:30:00+07:00")
	reversed := sampleFiles()
	slices.Reverse(reversed)
	if again := build(reversed, "2025-12-01T09:30:00+07:00"); !bytes.Equal(first, again) {
		t.Fatal("the same files in another order give other bytes")
	}
	if later := build(sampleFiles(), "2025-12-01T09:30:02+07:00"); bytes.Equal(first, later) {
		t.Fatal("another time gives the same bytes: entries are not stamped with CreatedAt")
	}
}

func TestBuild_RefusesFiles(t *testing.T) {
	_, priv := testKey(1)
	pdf := []byte("%PDF")
	scenarios := []struct {
		name    string
		files   []File
		wantErr string // the error must name the file
	}{
		{name: "climbing", files: []File{{Path: "pdf/../../x.pdf", Content: pdf}}, wantErr: "pdf/../../x.pdf"},
		{name: "absolute", files: []File{{Path: "/pdf/x.pdf", Content: pdf}}, wantErr: "/pdf/x.pdf"},
		{name: "backslash", files: []File{{Path: `pdf\x.pdf`, Content: pdf}}, wantErr: `pdf\x.pdf`},
		{name: "drive", files: []File{{Path: "C:/pdf/x.pdf", Content: pdf}}, wantErr: "C:/pdf/x.pdf"},
		{name: "outside the layout", files: []File{{Path: "khac/x.pdf", Content: pdf}}, wantErr: "khac/x.pdf"},
		{name: "reserved name", files: []File{{Path: "manifest.json", Content: pdf}}, wantErr: "manifest.json"},
		{name: "folder only", files: []File{{Path: "pdf/", Content: pdf}}, wantErr: "pdf/"},
		{name: "empty path", files: []File{{Path: "", Content: pdf}}, wantErr: "rỗng"},
		{name: "invalid UTF-8", files: []File{{Path: "attachments/\xff.pdf", Content: pdf}}, wantErr: "UTF-8"},
		{name: "Windows device", files: []File{{Path: "attachments/aux.txt", Content: pdf}}, wantErr: "attachments/aux.txt"},
		{name: "trailing dot", files: []File{{Path: "attachments/bao cao.", Content: pdf}}, wantErr: "attachments/bao cao."},
		{name: "question mark", files: []File{{Path: "attachments/sao?.pdf", Content: pdf}}, wantErr: "attachments/sao?.pdf"},
		{name: "duplicate", files: []File{{Path: "pdf/a.pdf"}, {Path: "pdf/a.pdf"}}, wantErr: "pdf/a.pdf"},
		{name: "duplicate by case", files: []File{{Path: "pdf/Tờ trình.pdf"}, {Path: "pdf/TỜ TRÌNH.pdf"}}, wantErr: "pdf/TỜ TRÌNH.pdf"},
		{name: "kind contradicts path", files: []File{{Path: "pdf/a.pdf", Kind: KindXLSX}}, wantErr: "pdf/a.pdf"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := Build(context.Background(), &buf, sc.files, BuildOptions{Manifest: sampleManifest(), Key: priv})
			if err == nil || !strings.Contains(err.Error(), sc.wantErr) {
				t.Fatalf("err = %v, want one naming %q", err, sc.wantErr)
			}
			if buf.Len() != 0 {
				t.Errorf("Build wrote %d bytes before refusing", buf.Len())
			}
		})
	}
}

func TestBuild_RefusesOptions(t *testing.T) {
	_, priv := testKey(1)
	with := func(f func(o *BuildOptions)) BuildOptions {
		o := BuildOptions{Manifest: sampleManifest(), Key: priv}
		f(&o)
		return o
	}
	scenarios := []struct {
		name    string
		opt     BuildOptions
		wantErr string
	}{
		{name: "no key", opt: with(func(o *BuildOptions) { o.Key = nil }), wantErr: "khóa ký"},
		{name: "no time", opt: with(func(o *BuildOptions) { o.Manifest.CreatedAt = "" }), wantErr: "RFC 3339"},
		{name: "time not RFC 3339", opt: with(func(o *BuildOptions) { o.Manifest.CreatedAt = "01/12/2025" }), wantErr: "01/12/2025"},
		{name: "no unit code", opt: with(func(o *BuildOptions) { o.Manifest.Unit.Code = " " }), wantErr: "mã đơn vị"},
		{name: "other format", opt: with(func(o *BuildOptions) { o.Manifest.Format = "tdkt-package/2" }), wantErr: "tdkt-package/2"},
		{name: "unknown type", opt: with(func(o *BuildOptions) { o.Manifest.Type = "report" }), wantErr: "report"},
		{name: "bad recipient", opt: with(func(o *BuildOptions) { o.Recipient = "age1khongdung" }), wantErr: "age1khongdung"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			_, err := Build(context.Background(), &bytes.Buffer{}, sampleFiles(), sc.opt)
			if err == nil || !strings.Contains(err.Error(), sc.wantErr) {
				t.Fatalf("err = %v, want one saying %q", err, sc.wantErr)
			}
		})
	}
}

func TestBuild_FeedbackType(t *testing.T) {
	_, priv := testKey(1)
	m := sampleManifest()
	m.Type = TypeFeedback
	var buf bytes.Buffer
	if _, err := Build(context.Background(), &buf, []File{{Path: "data.json", Content: []byte("{}")}}, BuildOptions{Manifest: m, Key: priv}); err != nil {
		t.Fatal(err)
	}
	scenarios := []struct {
		want  string
		valid bool
	}{{TypeFeedback, true}, {"", true}, {TypeSubmission, false}}
	for _, sc := range scenarios {
		if p := VerifyBytes(buf.Bytes(), VerifyOptions{Type: sc.want}); p.Valid() != sc.valid {
			t.Errorf("Verify expecting type %q: valid %v, problems %+v", sc.want, p.Valid(), p.Problems)
		}
	}
}

func TestBuild_Progress(t *testing.T) {
	_, priv := testKey(1)
	var calls [][2]int
	opt := BuildOptions{Manifest: sampleManifest(), Key: priv, Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}
	if _, err := Build(context.Background(), &bytes.Buffer{}, sampleFiles(), opt); err != nil {
		t.Fatal(err)
	}
	n := len(sampleFiles())
	if len(calls) != n+1 {
		t.Fatalf("Progress called %d times, want %d: %v", len(calls), n+1, calls)
	}
	for i, c := range calls {
		if c != [2]int{i, n} {
			t.Errorf("call %d = %v, want [%d %d]", i, c, i, n)
		}
	}
}

func TestBuild_Canceled(t *testing.T) {
	_, priv := testKey(1)
	scenarios := []struct {
		name   string
		cancel func(ctx context.Context, cancel context.CancelFunc) func(done, total int)
	}{
		{name: "before starting", cancel: func(_ context.Context, cancel context.CancelFunc) func(int, int) {
			cancel()
			return nil
		}},
		{name: "after the first file", cancel: func(_ context.Context, cancel context.CancelFunc) func(int, int) {
			return func(done, _ int) {
				if done == 1 {
					cancel()
				}
			}
		}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opt := BuildOptions{Manifest: sampleManifest(), Key: priv, Progress: sc.cancel(ctx, cancel)}
			if _, err := Build(ctx, &bytes.Buffer{}, sampleFiles(), opt); !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
		})
	}
}

// A huge repetitive data.json must not trip the centre's zip-bomb check:
// Build stores it instead of deflating it past the ratio.
func TestBuild_RepetitiveDataPassesBombCheck(t *testing.T) {
	_, priv := testKey(1)
	scenarios := []struct {
		name       string
		size       int
		wantMethod uint16
	}{
		{name: "small repetitive file deflates", size: 512 << 10, wantMethod: zip.Deflate},
		{name: "large repetitive file is stored", size: 3 << 20, wantMethod: zip.Store},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var buf bytes.Buffer
			files := []File{{Path: "data.json", Content: bytes.Repeat([]byte(" "), sc.size)}}
			if _, err := Build(context.Background(), &buf, files, BuildOptions{Manifest: sampleManifest(), Key: priv}); err != nil {
				t.Fatal(err)
			}
			if p := VerifyBytes(buf.Bytes(), VerifyOptions{}); !p.Valid() {
				t.Fatalf("package does not verify: %+v", p.Problems)
			}
			if got := readEntries(t, buf.Bytes())[3].method; got != sc.wantMethod {
				t.Errorf("method %d, want %d", got, sc.wantMethod)
			}
		})
	}
}

func TestFileName(t *testing.T) {
	at := time.Date(2025, 12, 1, 9, 30, 5, 0, time.FixedZone("ICT", 7*3600))
	scenarios := []struct {
		code string
		want string
	}{
		{"BHXH-HN", "BHXH-HN_2025_7_20251201T093005.zip"},
		{"bhxh_hcm", "bhxh_hcm_2025_7_20251201T093005.zip"},
		{"BHXH HN/01", "BHXH_HN_01_2025_7_20251201T093005.zip"},
		{"../../etc", "etc_2025_7_20251201T093005.zip"},
		{"???", "donvi_2025_7_20251201T093005.zip"},
		{"Đà Nẵng", "Da_Nang_2025_7_20251201T093005.zip"},
		{"BHXH – Thừa Thiên Huế", "BHXH_Thua_Thien_Hue_2025_7_20251201T093005.zip"},
		{"", "donvi_2025_7_20251201T093005.zip"},
	}
	for _, sc := range scenarios {
		if got := FileName(sc.code, 2025, 7, at); got != sc.want {
			t.Errorf("FileName(%q) = %q, want %q", sc.code, got, sc.want)
		}
	}
}
