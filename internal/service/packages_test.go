package service

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/rules"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// The demo office (clock 2026-03-01) is made once per test binary and
// copied for every test: FillDemo takes seconds on the shared machine.
var packFixture struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range []string{packFixture.dir, scaleFixtures.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

var pkDirector = domain.Account{Username: DemoUser, Role: domain.RoleDirector}

// pkClock is a clock a test can move forward.
type pkClock struct {
	mu sync.Mutex
	t  time.Time
}

func newPkClock() *pkClock { return &pkClock{t: demoTestClock()} }

func (c *pkClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *pkClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func packTemplate(t testing.TB) string {
	t.Helper()
	packFixture.once.Do(func() {
		dir, err := os.MkdirTemp("", "tdkt-pack-fixture-*")
		if err != nil {
			packFixture.err = err
			return
		}
		packFixture.dir = dir
		st, err := store.Open(filepath.Join(dir, "build.db"), store.Options{Now: demoTestClock})
		if err != nil {
			packFixture.err = err
			return
		}
		defer st.Close()
		if err := New(st, demoTestClock).FillDemo(context.Background(), DemoOptions{}, nil); err != nil {
			packFixture.err = err
			return
		}
		packFixture.err = st.Backup(context.Background(), filepath.Join(dir, "demo.db"))
	})
	if packFixture.err != nil {
		t.Fatalf("demo fixture: %v", packFixture.err)
	}
	return filepath.Join(packFixture.dir, "demo.db")
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// demoOffice is a copy of the demo office, with its director acting, on
// clock c (nil: a fresh clock at 2026-03-01 09:00).
func demoOffice(t testing.TB, c *pkClock) (*Service, *store.Store) {
	t.Helper()
	if c == nil {
		c = newPkClock()
	}
	path := filepath.Join(t.TempDir(), "hti.db")
	copyFile(t, packTemplate(t), path)
	st, err := store.Open(path, store.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st, c.now).As(pkDirector), st
}

// approvedRound is the demo's approved round of 2025.
func approvedRound(t testing.TB, s *Service) domain.Round {
	t.Helper()
	rs, err := s.Rounds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Year == 2025 && r.Status == domain.StatusApproved {
			return r
		}
	}
	t.Fatal("the demo has no approved round of 2025")
	return domain.Round{}
}

// centralOffice is a new central database with its director acting.
func centralOffice(t testing.TB, c *pkClock, code string) *Service {
	t.Helper()
	if c == nil {
		c = newPkClock()
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "central-"+code+".db"), store.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := New(st, c.now)
	if err := s.InitCentral(context.Background(), code, "Bảo hiểm xã hội Việt Nam", "trung-uong"); err != nil {
		t.Fatal(err)
	}
	return s.As(domain.Account{Username: "tw", Role: domain.RoleDirector})
}

// zipEntry is one entry of a package being tampered with.
type zipEntry struct {
	name   string
	data   []byte
	method uint16
}

func readZip(t testing.TB, b []byte) []zipEntry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []zipEntry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, zipEntry{f.Name, data, f.Method})
	}
	return out
}

func writeZip(t testing.TB, es []zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range es {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: e.method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	mustTB(t, zw.Close())
	return buf.Bytes()
}

func entry(es []zipEntry, name string) int {
	for i, e := range es {
		if e.name == name {
			return i
		}
	}
	return -1
}

// resign rewrites manifest.json with edit applied and signs it again with
// key, so the only thing wrong with the result is what the test broke.
func resign(t testing.TB, es []zipEntry, key ed25519.PrivateKey, edit func(m map[string]any)) []zipEntry {
	t.Helper()
	es = append([]zipEntry(nil), es...)
	i := entry(es, "manifest.json")
	var m map[string]any
	mustTB(t, json.Unmarshal(es[i].data, &m))
	edit(m)
	b, err := json.MarshalIndent(m, "", "  ")
	mustTB(t, err)
	es[i].data = b
	j := entry(es, "manifest.sig")
	es[j].data = []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(key, b)) + "\n")
	return es
}

func mustTB(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func problemCodes(p *pack.Package) []string {
	var out []string
	seen := map[string]bool{}
	for _, pr := range p.Problems {
		if !seen[pr.Code] {
			seen[pr.Code] = true
			out = append(out, pr.Code)
		}
	}
	sort.Strings(out)
	return out
}

func exportDemoPackage(t testing.TB, s *Service, out string) PackageRecord {
	t.Helper()
	r := approvedRound(t, s)
	rec, err := s.ExportPackage(context.Background(), r.ID, out, DemoPassphrase, nil)
	if err != nil {
		t.Fatalf("ExportPackage: %v", err)
	}
	return rec
}

func TestExportPackage_ContentsAndHistory(t *testing.T) {
	s, _ := demoOffice(t, nil)
	ctx := context.Background()
	dir := t.TempDir()
	var last, calls int
	r := approvedRound(t, s)
	start := time.Now()
	rec, err := s.ExportPackage(ctx, r.ID, dir, DemoPassphrase, func(done, total int) {
		if done < last || total != packageSteps {
			t.Errorf("progress went %d → %d of %d", last, done, total)
		}
		last, calls = done, calls+1
	})
	must(t, err)
	t.Logf("export of the demo round took %v", time.Since(start))
	if last != packageSteps || calls < 3 {
		t.Errorf("progress ended at %d after %d calls", last, calls)
	}
	want := pack.FileName(DemoUnitCode, 2025, r.ID, demoTestClock())
	if rec.FileName != want || rec.Path != filepath.Join(dir, want) || rec.Encrypted {
		t.Errorf("record = %+v, want file %s, not encrypted", rec, want)
	}
	p, err := s.VerifyPackage(ctx, rec.Path)
	must(t, err)
	if !p.Valid() {
		t.Fatalf("fresh package invalid: %+v", p.Problems)
	}
	if p.SHA256 != rec.SHA256 || p.Size != rec.Bytes {
		t.Errorf("recorded hash/size %s/%d, file %s/%d", rec.SHA256, rec.Bytes, p.SHA256, p.Size)
	}
	kinds := map[string]int{}
	for _, f := range p.Manifest.Files {
		kinds[f.Kind]++
	}
	if kinds[pack.KindData] != 1 || kinds[pack.KindPDF] < 3 || kinds[pack.KindXLSX] < 3 {
		t.Errorf("files by kind = %v; want data.json, the dossier PDFs and the three workbooks", kinds)
	}
	if p.Manifest.Unit.Code != DemoUnitCode || p.Manifest.Year != 2025 || p.Manifest.Round.ID != r.ID || p.Manifest.Round.Status != string(domain.StatusApproved) ||
		p.Manifest.Type != pack.TypeSubmission || p.Manifest.RulesVersion == "" || p.Manifest.CreatedAt != "2026-03-01T09:00:00Z" {
		t.Errorf("manifest = %+v", p.Manifest)
	}
	var d pack.Data
	b, err := p.Read("data.json", "")
	must(t, err)
	must(t, json.Unmarshal(b, &d))
	ns, err := s.Nominees(ctx, r.ID)
	must(t, err)
	if len(d.Nominations) != len(ns) || len(d.Nominations) == 0 {
		t.Fatalf("data.json has %d nominations, the round %d", len(d.Nominations), len(ns))
	}
	people := map[string]pack.DataPerson{}
	for _, dp := range d.People {
		people[dp.StaffCode] = dp
	}
	justified, voted, failed := false, 0, 0
	for _, n := range d.Nominations {
		if n.Vote != nil {
			voted++
			if !n.Vote.Passed {
				failed++
			}
		}
		if n.Subject == "person" {
			dp, ok := people[n.Code]
			if !ok || dp.CCCD == "" || dp.BirthDate == "" || len(dp.Ratings) == 0 || n.CCCD != dp.CCCD {
				t.Errorf("person %s in data.json: %+v (nomination CCCD %q)", n.Code, dp, n.CCCD)
			}
		}
		if n.Code == demoJustified && !n.Eligible && n.Justification != "" {
			justified = true
		}
	}
	if voted != len(d.Nominations) || failed == 0 {
		t.Errorf("%d of %d nominations carry a vote, %d failed; the demo votes on all and fails the CSTĐ cấp bộ", voted, len(d.Nominations), failed)
	}
	if !justified {
		t.Errorf("the justified ineligible nominee %s is missing its verdict or justification", demoJustified)
	}
	if d.Council == nil || d.Council.Members != 9 || d.Council.Present != 8 || len(d.Registrations) == 0 || d.Assessment == nil || d.Assessment.Max == 0 {
		t.Errorf("council %+v, %d registrations, assessment %+v", d.Council, len(d.Registrations), d.Assessment)
	}
	hist, err := s.Packages(ctx)
	must(t, err)
	if len(hist) != 1 || hist[0].SHA256 != rec.SHA256 || hist[0].RoundID != r.ID {
		t.Errorf("history = %+v", hist)
	}
	// No temporary file is left beside the package.
	left, _ := os.ReadDir(dir)
	if len(left) != 1 {
		t.Errorf("output folder holds %d entries", len(left))
	}
}

func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	mustTB(tb, err)
	return b
}

// TestVerify_TamperedPackages builds the demo office's package, then breaks
// it in every way of the list: each must fail with its own reason.
func TestVerify_TamperedPackages(t *testing.T) {
	s, _ := demoOffice(t, nil)
	ctx := context.Background()
	rec := exportDemoPackage(t, s, t.TempDir())
	good, err := os.ReadFile(rec.Path)
	must(t, err)
	key, err := s.signingKey(ctx, DemoPassphrase)
	must(t, err)
	pub := key.Public().(ed25519.PublicKey)
	registered := func(code string) (ed25519.PublicKey, bool) { return pub, code == DemoUnitCode }
	otherPub, _, err := pack.NewSigningKey()
	must(t, err)
	es := readZip(t, good)
	pdfName := ""
	for _, e := range es {
		if strings.HasPrefix(e.name, "pdf/") && pdfName == "" {
			pdfName = e.name
		}
	}
	edited := func(edit func(es []zipEntry) []zipEntry) []byte {
		cp := make([]zipEntry, len(es))
		for i, e := range es {
			cp[i] = zipEntry{e.name, append([]byte(nil), e.data...), e.method}
		}
		return writeZip(t, edit(cp))
	}
	// A listed entry that inflates a thousandfold: 4 MiB of zeros.
	bomb := func() []byte {
		zeros := make([]byte, 4<<20)
		sum := sha256Hex(zeros)
		re := resign(t, es, key, func(m map[string]any) {
			m["files"] = append(m["files"].([]any), map[string]any{"path": "attachments/1/bom.bin", "sha256": sum, "bytes": len(zeros), "kind": "attachment"})
		})
		return writeZip(t, append(re, zipEntry{"attachments/1/bom.bin", zeros, zip.Deflate}))
	}
	scenarios := []struct {
		name string
		pkg  []byte
		opt  pack.VerifyOptions
		want []string
	}{
		{"untouched, registered", good, pack.VerifyOptions{Registered: registered}, nil},
		{"untouched, --key", good, pack.VerifyOptions{Expected: pub}, nil},
		{"bad signature", edited(func(es []zipEntry) []zipEntry {
			i := entry(es, "manifest.json")
			es[i].data = bytes.Replace(es[i].data, []byte(`"year": 2025`), []byte(`"year": 2024`), 1)
			return es
		}), pack.VerifyOptions{}, []string{pack.ProblemBadSignature}},
		{"file missing", edited(func(es []zipEntry) []zipEntry {
			return append(es[:entry(es, pdfName)], es[entry(es, pdfName)+1:]...)
		}), pack.VerifyOptions{}, []string{pack.ProblemMissingFile}},
		{"file changed size", edited(func(es []zipEntry) []zipEntry {
			i := entry(es, "data.json")
			es[i].data = append(es[i].data, ' ')
			return es
		}), pack.VerifyOptions{}, []string{pack.ProblemSizeMismatch}},
		{"file changed, same size", edited(func(es []zipEntry) []zipEntry {
			i := entry(es, "data.json")
			es[i].data = bytes.Replace(es[i].data, []byte(`"year": 2025`), []byte(`"year": 2024`), 1)
			return es
		}), pack.VerifyOptions{}, []string{pack.ProblemHashMismatch}},
		{"unlisted file", edited(func(es []zipEntry) []zipEntry {
			return append(es, zipEntry{"pdf/them.pdf", []byte("%PDF-1.4"), zip.Store})
		}), pack.VerifyOptions{}, []string{pack.ProblemUnlistedFile}},
		{"absolute path", edited(func(es []zipEntry) []zipEntry {
			return append(es, zipEntry{"/etc/cron.d/x", []byte("x"), zip.Store})
		}), pack.VerifyOptions{}, []string{pack.ProblemUnsafePath}},
		{"climbing path", edited(func(es []zipEntry) []zipEntry {
			return append(es, zipEntry{"pdf/../../x.pdf", []byte("x"), zip.Store})
		}), pack.VerifyOptions{}, []string{pack.ProblemUnsafePath}},
		{"duplicate entry", edited(func(es []zipEntry) []zipEntry {
			return append(es, es[entry(es, "data.json")])
		}), pack.VerifyOptions{}, []string{pack.ProblemDuplicateEntry}},
		{"manifest does not parse", edited(func(es []zipEntry) []zipEntry {
			// Signed as it is, so the only fault is the JSON.
			i := entry(es, "manifest.json")
			es[i].data = es[i].data[:len(es[i].data)/2]
			es[entry(es, "manifest.sig")].data = []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(key, es[i].data)))
			return es
		}), pack.VerifyOptions{}, []string{pack.ProblemBadManifest}},
		{"unknown format version", writeZip(t, resign(t, es, key, func(m map[string]any) { m["format"] = "tdkt-package/9" })),
			pack.VerifyOptions{}, []string{pack.ProblemUnknownFormat}},
		{"entry over the limit", good, pack.VerifyOptions{Limits: pack.Limits{MaxEntry: 64 << 10}}, []string{pack.ProblemTooLarge}},
		{"archive over the limit", good, pack.VerifyOptions{Limits: pack.Limits{MaxArchive: 64 << 10}}, []string{pack.ProblemTooLarge}},
		{"zip bomb", bomb(), pack.VerifyOptions{}, []string{pack.ProblemZipBomb}},
		{"zip bomb, small limits", bomb(), pack.VerifyOptions{Limits: pack.Limits{MaxRatio: 20}}, []string{pack.ProblemZipBomb}},
		{"key differs from the registered one", good, pack.VerifyOptions{Registered: func(string) (ed25519.PublicKey, bool) { return otherPub, true }}, []string{pack.ProblemKeyMismatch}},
		{"key differs from --key", good, pack.VerifyOptions{Expected: otherPub}, []string{pack.ProblemKeyMismatch}},
		{"unknown unit", good, pack.VerifyOptions{Registered: func(string) (ed25519.PublicKey, bool) { return nil, false }}, []string{pack.ProblemUnknownUnit}},
		{"not a zip", []byte("PK\x03\x04 không phải zip"), pack.VerifyOptions{}, []string{pack.ProblemNotZip}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			p := pack.VerifyBytes(sc.pkg, sc.opt)
			got := problemCodes(p)
			if strings.Join(got, ",") != strings.Join(sc.want, ",") {
				t.Fatalf("problems %v, want exactly %v: %+v", got, sc.want, p.Problems)
			}
			if p.Valid() != (len(sc.want) == 0) {
				t.Fatalf("Valid() = %v with problems %v", p.Valid(), got)
			}
			for _, pr := range p.Problems {
				if pr.Message == "" {
					t.Errorf("problem %s has no message", pr.Code)
				}
			}
		})
	}
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// linkCentre registers the centre's key on the office, so packages are
// encrypted to it and its feedback is trusted, and the office's key in the
// centre's keyring.
func linkCentre(t testing.TB, office, centre *Service) {
	t.Helper()
	ctx := context.Background()
	kf, _, err := centre.CentralKeyFile(ctx)
	mustTB(t, err)
	mustTB(t, office.SetCentralKey(ctx, kf))
	uf, _, err := office.PublicKeyFile(ctx)
	mustTB(t, err)
	mustTB(t, centre.AddUnitKey(ctx, uf, ""))
}

func TestExportPackage_EncryptedVerifiesWithoutTheCentresKey(t *testing.T) {
	ctx := context.Background()
	s, _ := demoOffice(t, nil)
	cen := centralOffice(t, nil, "TW")
	linkCentre(t, s, cen)
	rec := exportDemoPackage(t, s, filepath.Join(t.TempDir(), "goi.zip"))
	if !rec.Encrypted {
		t.Fatal("the centre's key is registered but the package is not encrypted")
	}
	raw, err := os.ReadFile(rec.Path)
	must(t, err)
	// Anyone verifies it: the hashes cover the stored (encrypted) bytes.
	p := pack.VerifyBytes(raw, pack.VerifyOptions{})
	if !p.Valid() {
		t.Fatalf("encrypted package invalid without any key: %+v", p.Problems)
	}
	for _, f := range p.Manifest.Files {
		if !strings.HasSuffix(f.Path, ".age") {
			t.Errorf("%s is stored in clear", f.Path)
		}
	}
	d, err := s.PackageData(ctx, approvedRound(t, s).ID)
	must(t, err)
	cccd := d.People[0].CCCD
	if bytes.Contains(raw, []byte(cccd)) || bytes.Contains(raw, []byte(d.People[0].FullName)) {
		t.Errorf("personal data %s readable in the encrypted package", cccd)
	}
	if _, err := p.Read("data.json", ""); !errors.Is(err, pack.ErrNeedIdentity) {
		t.Errorf("read without the centre's key: %v", err)
	}
	// The office cannot read what it sent; the centre can.
	other, _, err := pack.NewAgeIdentity()
	must(t, err)
	if _, err := p.Read("data.json", other); !errors.Is(err, pack.ErrWrongIdentity) {
		t.Errorf("read with another key: %v", err)
	}
	id, err := cen.ageIdentity(ctx, "trung-uong")
	must(t, err)
	b, err := p.Read("data.json", id)
	must(t, err)
	var got pack.Data
	must(t, json.Unmarshal(b, &got))
	if got.Unit.Code != DemoUnitCode || len(got.People) == 0 || got.People[0].CCCD != cccd {
		t.Errorf("decrypted data.json: unit %+v, %d people", got.Unit, len(got.People))
	}
	// The centre's wrong passphrase is a clear refusal, not a rejected package.
	_, err = cen.CentralImport(ctx, []string{rec.Path}, "sai mật khẩu", nil)
	if !errors.Is(err, pack.ErrPassphrase) || !strings.Contains(Explain(err), FieldPassphrase) {
		t.Errorf("import with a wrong passphrase: %v", err)
	}
}

func TestExportPackage_Refusals(t *testing.T) {
	ctx := context.Background()
	s, _ := demoOffice(t, nil)
	r := approvedRound(t, s)
	out := t.TempDir()
	// A draft round.
	id, err := s.CreateRound(ctx, domain.Round{Year: 2025, Kind: domain.RoundOneOff, Name: "Khen thưởng đột xuất chống bão"})
	must(t, err)
	_, err = s.ExportPackage(ctx, id, out, DemoPassphrase, nil)
	msg := Explain(err)
	if len(domain.AsFieldErrors(err)) == 0 || !strings.Contains(msg, "Khen thưởng đột xuất chống bão") || !strings.Contains(msg, "Nháp") || !strings.Contains(msg, "Đã duyệt") {
		t.Errorf("draft round: %q", msg)
	}
	// A viewer may look, not export.
	viewer := s.As(domain.Account{Username: "xem", Role: domain.RoleViewer})
	if _, err := viewer.ExportPackage(ctx, r.ID, out, DemoPassphrase, nil); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer export: %v", err)
	}
	if _, err := viewer.Packages(ctx); err != nil {
		t.Errorf("viewer reads the history: %v", err)
	}
	// A clerk may export; a wrong passphrase is said as such.
	clerk := s.As(domain.Account{Username: "cv", Role: domain.RoleClerk})
	_, err = clerk.ExportPackage(ctx, r.ID, out, "sai", nil)
	if !errors.Is(err, pack.ErrPassphrase) || !strings.Contains(Explain(err), "Mật khẩu khóa ký: không đúng") {
		t.Errorf("wrong passphrase: %v", err)
	}
	if left, _ := os.ReadDir(out); len(left) != 0 {
		t.Errorf("refused exports left %d files", len(left))
	}
	// Only a director makes or changes the key.
	if err := clerk.ChangePassphrase(ctx, DemoPassphrase, "mới-đổi"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("clerk changes the passphrase: %v", err)
	}
	if err := s.CreateSigningKey(ctx, "khác-hẳn"); !errors.Is(err, domain.ErrInUse) {
		t.Errorf("a second key: %v", err)
	}
	must(t, s.ChangePassphrase(ctx, DemoPassphrase, "mật khẩu mới"))
	if _, err := clerk.ExportPackage(ctx, r.ID, out, DemoPassphrase, nil); !errors.Is(err, pack.ErrPassphrase) {
		t.Errorf("old passphrase after the change: %v", err)
	}
	rec, err := clerk.ExportPackage(ctx, r.ID, out, "mật khẩu mới", nil)
	must(t, err)
	// The key is the same: the package still verifies against the key file.
	kf, fp, err := viewer.PublicKeyFile(ctx)
	must(t, err)
	k, err := pack.ParseKeyFile(kf)
	must(t, err)
	p, err := pack.VerifyFile(rec.Path, pack.VerifyOptions{Expected: k.Sign})
	must(t, err)
	if !p.Valid() || k.Code != DemoUnitCode || k.Type != pack.KeyTypeUnit || fp != pack.Fingerprint(k.Sign) {
		t.Errorf("after the passphrase change: valid %v, key file %+v, fingerprint %s", p.Valid(), k, fp)
	}
	// The private key is not in the database in clear.
	sealedKey, err := s.st.Setting(ctx, settingSignSealed)
	must(t, err)
	priv, err := s.signingKey(ctx, "mật khẩu mới")
	must(t, err)
	if strings.Contains(sealedKey, base64.StdEncoding.EncodeToString(priv.Seed())) || strings.Contains(sealedKey, base64.StdEncoding.EncodeToString(priv)) {
		t.Error("the private key is stored in clear")
	}
}

func outcomeStatuses(os []ImportOutcome) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.Status)
	}
	return out
}

func verdictsOf(t *testing.T, s *Service, year int) map[string]rules.Verdict {
	t.Helper()
	vs, err := s.Eligibility(context.Background(), year, "")
	must(t, err)
	out := map[string]rules.Verdict{}
	for _, v := range vs {
		out[v.Subject.Code+"/"+v.Award] = v
	}
	return out
}

// TestPackages_RoundTrip: demo office → package → central import (twice,
// then a newer package) → report → decision → feedback → the office's
// history, round and nominees, and its next year's eligibility.
func TestPackages_RoundTrip(t *testing.T) {
	ctx := context.Background()
	c := newPkClock()
	s, _ := demoOffice(t, c)
	cen := centralOffice(t, c, "TW")
	linkCentre(t, s, cen)
	r := approvedRound(t, s)
	ns, err := s.Nominees(ctx, r.ID)
	must(t, err)
	out := t.TempDir()

	first := exportDemoPackage(t, s, out)
	res, err := cen.CentralImport(ctx, []string{first.Path, first.Path}, "trung-uong", nil)
	must(t, err)
	if got := outcomeStatuses(res); strings.Join(got, ",") != "loaded,duplicate" {
		t.Fatalf("first import twice: %v (%+v)", got, res)
	}
	if res[0].Nominations != len(ns) || res[0].Unit.Code != DemoUnitCode || res[1].PackageID != res[0].PackageID {
		t.Errorf("outcome %+v", res)
	}
	count := func() int {
		xs, err := cen.CentralNominations(ctx, store.CentralFilter{})
		must(t, err)
		return len(xs)
	}
	if n := count(); n != len(ns) {
		t.Errorf("%d nominations at the centre after a duplicate import, want %d", n, len(ns))
	}

	// A newer package of the same round supersedes; both stay visible. It
	// carries the office's own decision on Lao động tiên tiến.
	c.add(time.Hour)
	council, err := s.Council(ctx, r.ID)
	must(t, err)
	ldtt, err := s.DecideAward(ctx, r.ID, Decision{Award: "LDTT", Number: "11", Date: demoWorkday(demoAddDays(council.Date, 7))})
	must(t, err)
	second := exportDemoPackage(t, s, out)
	res, err = cen.CentralImport(ctx, []string{second.Path, first.Path}, "trung-uong", nil)
	must(t, err)
	if got := outcomeStatuses(res); strings.Join(got, ",") != "loaded,duplicate" || res[0].Supersedes != res[1].PackageID {
		t.Fatalf("newer package: %v %+v", got, res)
	}
	pkgs, err := cen.CentralPackages(ctx)
	must(t, err)
	status := map[string]string{}
	for _, p := range pkgs {
		status[p.SHA256] = p.Status
	}
	if len(pkgs) != 2 || status[first.SHA256] != store.PackageSuperseded || status[second.SHA256] != store.PackageLoaded {
		t.Fatalf("packages after the newer one: %+v", status)
	}
	if n := count(); n != 2*len(ns) {
		t.Errorf("%d nominations kept, want both packages' %d", n, 2*len(ns))
	}

	// The consolidation counts the current package only, and the
	// proposals up apart from the awards the office confers itself.
	current, err := cen.CentralNominations(ctx, store.CentralFilter{CurrentOnly: true})
	must(t, err)
	up, ownPassed := 0, 0
	var own int64
	for _, n := range current {
		switch {
		case !n.Own:
			up++
		case n.Passed:
			ownPassed++
			own = n.ID
		}
	}
	rep, err := cen.CentralReport(ctx, 2025)
	must(t, err)
	passed := 0
	for _, n := range rep.Nominations {
		if n.Passed {
			passed++
		}
		if n.Own {
			t.Errorf("the office's own %s of %s counted as a proposal", n.Award, n.Code)
		}
	}
	if len(rep.Offices) != 1 || rep.Offices[0].UnitCode != DemoUnitCode || rep.Offices[0].Total.Nominations != up || rep.Total.Nominations != up ||
		len(rep.Nominations) != up || up == 0 || up == len(ns) || passed == 0 || passed == up {
		t.Fatalf("report: offices %+v, total %+v, %d rows of %d proposals up, %d passed", rep.Offices, rep.Total, len(rep.Nominations), up, passed)
	}
	ownSum, ldttRow := 0, false
	for _, a := range rep.Own {
		ownSum += a.Passed
		if a.Award == "LDTT" {
			ldttRow = a.Number == "11/QĐ-BHXH" && a.Count == ldtt && a.Signer != "" && !a.Date.IsZero()
		}
	}
	if ownSum != ownPassed || ownPassed == 0 || !ldttRow {
		t.Errorf("own awards %+v: %d passed, want %d, with the LĐTT decision of %d", rep.Own, ownSum, ownPassed, ldtt)
	}
	if len(rep.Clusters) != 1 || len(rep.Clusters[0].Offices) != 1 || rep.Clusters[0].Offices[0].Rank != 1 || rep.Clusters[0].Offices[0].Total <= 0 {
		t.Errorf("cluster ranking %+v", rep.Clusters)
	}
	var wb bytes.Buffer
	must(t, cen.ExportCentralReport(ctx, 2025, &wb))
	rows, err := xlsx.ReadRows(&wb)
	must(t, err)
	foundOffice := false
	for _, row := range rows {
		if len(row) >= 5 && row[1] == DemoUnitCode && row[3] == "Cộng" && row[4] == strconv.Itoa(up) {
			foundOffice = true
		}
	}
	if !foundOffice {
		t.Errorf("sheet %s has no total row of %s with %d nominations: %q", xlsx.SheetByOffice, DemoUnitCode, up, rows)
	}

	// The centre decides on the proposals up: every one the council passed
	// is granted, but one Bằng khen, which is refused. The office's own
	// titles are not the centre's to decide.
	decided := domain.NewDate(2026, time.February, 20)
	var items []CentralDecisionItem
	var refused, granted []docsNomination
	for _, n := range rep.Nominations {
		if !n.Passed {
			continue
		}
		it := CentralDecisionItem{NominationID: n.ID, Granted: true}
		if n.Award == "BK_BO" && len(refused) == 0 {
			it.Granted, it.Reason = false, "Thành tích chưa tiêu biểu"
			refused = append(refused, docsNomination{n.Ref, n.Code, n.Award})
		} else {
			granted = append(granted, docsNomination{n.Ref, n.Code, n.Award})
		}
		items = append(items, it)
	}
	if len(refused) != 1 || len(granted) == 0 {
		t.Fatalf("refused %v, granted %v", refused, granted)
	}
	viewer := cen.As(domain.Account{Username: "xem", Role: domain.RoleViewer})
	dec := CentralDecision{Number: "1234/QĐ-BHXH", Date: decided, Issuer: "Bộ trưởng Bộ Tài chính", Items: items}
	ownDec := dec
	ownDec.Items = append([]CentralDecisionItem{{NominationID: own, Granted: true}}, items...)
	if _, err := cen.RecordDecision(ctx, ownDec); own == 0 || !strings.Contains(fmt.Sprint(err), "thuộc thẩm quyền Giám đốc") {
		t.Errorf("the centre decides an office's own title (nomination %d): %v", own, err)
	}
	if _, err := viewer.RecordDecision(ctx, dec); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a viewer records a decision: %v", err)
	}
	bad := dec
	bad.Items = append([]CentralDecisionItem{{NominationID: items[0].NominationID, Granted: false}}, items[1:]...)
	if _, err := cen.RecordDecision(ctx, bad); len(domain.AsFieldErrors(err)) == 0 || !strings.Contains(err.Error(), "lý do") {
		t.Errorf("a refusal without a reason: %v", err)
	}
	_, err = cen.RecordDecision(ctx, dec)
	must(t, err)
	rep, err = cen.CentralReport(ctx, 2025)
	must(t, err)
	if rep.Total.Granted != len(granted) || rep.Total.Refused != 1 {
		t.Errorf("report after the decision: %+v", rep.Total)
	}
	fbPath, err := cen.ExportFeedback(ctx, DemoUnitCode, 2025, r.ID, out, "trung-uong")
	must(t, err)
	if !strings.HasPrefix(filepath.Base(fbPath), "PH_"+DemoUnitCode+"_2025_") {
		t.Errorf("feedback file %s", fbPath)
	}

	// Next year's verdicts before the feedback, to compare.
	before := verdictsOf(t, s, 2026)

	fr, err := s.ImportFeedback(ctx, fbPath)
	must(t, err)
	if fr.Duplicate || fr.Granted != len(granted) || fr.Refused != 1 || !fr.StatusChanged || fr.RoundID != r.ID || len(fr.Warnings) != 0 {
		t.Fatalf("feedback result %+v", fr)
	}
	again, err := s.ImportFeedback(ctx, fbPath)
	must(t, err)
	if !again.Duplicate || again.Granted != 0 {
		t.Errorf("second feedback import: %+v", again)
	}
	r2, err := s.Round(ctx, r.ID)
	must(t, err)
	if r2.Status != domain.StatusSent {
		t.Errorf("round status %s after the feedback", r2.Status)
	}
	evs, err := s.RoundEvents(ctx, r.ID)
	must(t, err)
	if last := evs[len(evs)-1]; last.From != domain.StatusApproved || last.To != domain.StatusSent || !strings.Contains(last.Reason, "quyết định của Trung ương") {
		t.Errorf("the round's history does not record the feedback: %+v", last)
	}
	after, err := s.Nominees(ctx, r.ID)
	must(t, err)
	byID := map[int64]domain.Nominee{}
	for _, n := range after {
		byID[n.ID] = n
	}
	if n := byID[refused[0].ref]; n.Decision != domain.DecisionRefused || n.DecisionNote != "Thành tích chưa tiêu biểu" {
		t.Errorf("refused nominee: %+v", n)
	}
	for _, g := range granted {
		n := byID[g.ref]
		if n.Decision != domain.DecisionGranted || !strings.Contains(n.DecisionNote, "1234/QĐ-BHXH") {
			t.Errorf("granted nominee %s %s: decision %q %q", g.code, g.award, n.Decision, n.DecisionNote)
		}
		sub := n.Subject
		as, err := s.Awards(ctx, sub)
		must(t, err)
		found := false
		for _, a := range as {
			if a.Year == 2025 && a.AwardCode == g.award && a.DecisionNo == "1234/QĐ-BHXH" && a.Issuer == dec.Issuer &&
				a.DecisionDate == dec.Date && a.Kind == domain.KindMerit {
				found = true
			}
		}
		if !found {
			t.Errorf("%s has no %s 2025 by decision 1234 in its history: %+v", g.code, g.award, as)
		}
	}
	if as, err := s.Awards(ctx, byID[refused[0].ref].Subject); err == nil {
		for _, a := range as {
			if a.Year == 2025 && a.AwardCode == refused[0].award {
				t.Errorf("the refused award was recorded: %+v", a)
			}
		}
	}
	// Next year's eligibility reads the new awards.
	h, err := s.EligibilityHistory(ctx, 2026)
	must(t, err)
	inHistory := 0
	for _, a := range h.Awards {
		if a.DecisionNo == "1234/QĐ-BHXH" {
			inHistory++
		}
	}
	if inHistory != len(granted) {
		t.Errorf("%d of %d granted awards in the 2026 history", inHistory, len(granted))
	}
	// The office records its own CSTĐCS decision itself.
	_, err = s.DecideAward(ctx, r.ID, Decision{Award: "LDTT", Number: "14", Date: decided})
	must(t, err)
	nCSTDCS, err := s.DecideAward(ctx, r.ID, Decision{Award: "CSTDCS", Number: "15", Date: decided})
	must(t, err)
	changed := 0
	now := verdictsOf(t, s, 2026)
	for k, v := range now {
		if strings.Join(v.Reasons, "|") != strings.Join(before[k].Reasons, "|") {
			changed++
			if changed <= 3 {
				t.Logf("2026 %s: %q → %q", k, before[k].Reasons, v.Reasons)
			}
		}
	}
	if changed == 0 {
		t.Error("no 2026 verdict changed with the awards of 2025")
	}
	// CSTĐ cấp bộ of 2026 rests on CSTĐCS of 2024–2026: the one granted
	// for 2025 is no longer missing.
	const missing = "Thiếu CSTĐCS năm 2025"
	checked := 0
	for _, n := range current {
		if n.Award != "CSTDCS" || !n.Passed {
			continue
		}
		k := n.Code + "/CSTD_BO"
		if !slices.Contains(before[k].Reasons, missing) || slices.Contains(now[k].Reasons, missing) {
			t.Errorf("2026 %s: before %q, after %q", k, before[k].Reasons, now[k].Reasons)
		}
		checked++
	}
	if checked == 0 || checked != nCSTDCS {
		t.Errorf("the office decided %d CSTĐCS, %d checked", nCSTDCS, checked)
	}
}

type docsNomination struct {
	ref         int64
	code, award string
}

// TestCentralImport_PeopleHeldRejected: one person in the packages of two
// offices is one person at the centre; a package from an unknown office
// is held until its key is added; a broken or foreign-signed one is
// rejected and loads nothing; an older package arriving late does not
// replace the newer one.
func TestCentralImport_PeopleHeldRejected(t *testing.T) {
	ctx := context.Background()
	s, _ := demoOffice(t, nil)
	cen := centralOffice(t, nil, "TW")
	base, err := s.PackageData(ctx, approvedRound(t, s).ID)
	must(t, err)
	keys := map[string]ed25519.PrivateKey{}
	for _, code := range []string{"AAA", "BBB", "CCC"} {
		pub, priv, err := pack.NewSigningKey()
		must(t, err)
		keys[code] = priv
		if code != "CCC" {
			must(t, cen.AddUnitKey(ctx, pack.KeyFile{Type: pack.KeyTypeUnit, Code: code, Name: "BHXH " + code, Sign: pub}.Marshal(), ""))
		}
	}
	dir := t.TempDir()
	at := demoTestClock()
	build := func(code string, d pack.Data, key ed25519.PrivateKey, when time.Time) string {
		return buildOfficePackageAt(t, dir, code, d, []pack.File{{}}, 0, key, "", when)
	}
	// Office BBB sends the same people under its own staff codes, later:
	// they moved there.
	moved := base
	moved.People = append([]pack.DataPerson(nil), base.People...)
	moved.Nominations = append([]pack.DataNomination(nil), base.Nominations...)
	for i := range moved.People {
		moved.People[i].StaffCode = "B" + moved.People[i].StaffCode
	}
	for i := range moved.Nominations {
		if moved.Nominations[i].Subject == "person" {
			moved.Nominations[i].Code = "B" + moved.Nominations[i].Code
		}
	}
	// One person of BBB has no CCCD: kept apart, by office and staff code.
	moved.People[1].CCCD = ""
	for i := range moved.Nominations {
		if moved.Nominations[i].Code == moved.People[1].StaffCode {
			moved.Nominations[i].CCCD = ""
		}
	}
	aaa := build("AAA", base, keys["AAA"], at)
	bbb := build("BBB", moved, keys["BBB"], at.Add(time.Hour))
	ccc := build("CCC", base, keys["CCC"], at)
	forged := build("AAA", base, keys["BBB"], at.Add(2*time.Hour)) // AAA's name, BBB's key
	older := build("AAA", base, keys["AAA"], at.Add(-time.Hour))
	raw, err := os.ReadFile(aaa)
	must(t, err)
	broken := filepath.Join(dir, "hong.zip")
	es := readZip(t, raw)
	es[entry(es, "data.json")].data = append(es[entry(es, "data.json")].data, '\n')
	must(t, os.WriteFile(broken, writeZip(t, es), 0o644))

	// Signed by AAA but inconsistent: the same nominee twice.
	dup := base
	dup.Nominations = append(append([]pack.DataNomination(nil), base.Nominations...), base.Nominations[0])
	twice := build("AAA", dup, keys["AAA"], at.Add(3*time.Hour))
	// Signed by AAA but a name that shows reversed (U+202E): refused as
	// the office's own forms refuse it.
	rlo := base
	rlo.People = append([]pack.DataPerson(nil), base.People...)
	rlo.People[0].FullName = "Nguyễn \u202eVăn An"
	hidden := build("AAA", rlo, keys["AAA"], at.Add(4*time.Hour))

	res, err := cen.CentralImport(ctx, []string{aaa, bbb, ccc, forged, broken, older, filepath.Join(dir, "khong-co.zip"), twice, hidden}, "", nil)
	must(t, err)
	if p := res[8].Problems; res[8].Status != ImportRejected || len(p) == 0 || p[0].Code != ProblemBadData || !strings.Contains(p[0].Message, "U+202E") || !strings.Contains(p[0].Message, "họ và tên") {
		t.Errorf("a hidden character in a signed package: %+v", res[8])
	}
	res = res[:8]
	want := "loaded,loaded,held,rejected,rejected,superseded,rejected,rejected"
	if got := strings.Join(outcomeStatuses(res), ","); got != want {
		t.Fatalf("outcomes %s, want %s: %+v", got, want, res)
	}
	if !slices.ContainsFunc(res[3].Problems, func(p pack.Problem) bool { return p.Code == pack.ProblemKeyMismatch }) ||
		!slices.ContainsFunc(res[4].Problems, func(p pack.Problem) bool { return p.Code == pack.ProblemSizeMismatch }) ||
		!slices.ContainsFunc(res[2].Problems, func(p pack.Problem) bool { return p.Code == pack.ProblemUnknownUnit }) ||
		res[6].PackageID != 0 || res[6].Problems[0].Code != ProblemUnreadable || res[7].Problems[0].Code != ProblemBadData {
		t.Errorf("problems: %+v", res)
	}
	for _, o := range res {
		if o.Message == "" {
			t.Errorf("%s: no message", o.File)
		}
	}
	// Only AAA and BBB count; the older AAA package is kept, superseded.
	cur, err := cen.CentralNominations(ctx, store.CentralFilter{CurrentOnly: true})
	must(t, err)
	if len(cur) != 2*len(base.Nominations) {
		t.Errorf("%d current nominations, want %d", len(cur), 2*len(base.Nominations))
	}
	all, err := cen.CentralNominations(ctx, store.CentralFilter{})
	must(t, err)
	if len(all) != 3*len(base.Nominations) {
		t.Errorf("%d nominations kept, want %d (AAA, BBB and the older AAA)", len(all), 3*len(base.Nominations))
	}

	// The person of both offices is one person with both nominations.
	p0 := base.People[0]
	h, err := cen.CentralPerson(ctx, p0.CCCD)
	must(t, err)
	offices := map[string]int{}
	for _, n := range h.Nominations {
		if n.PackageStatus == store.PackageLoaded {
			offices[n.UnitCode]++
		}
	}
	mine := 0
	for _, n := range base.Nominations {
		if n.Code == p0.StaffCode {
			mine++
		}
	}
	if offices["AAA"] != mine || offices["BBB"] != mine || len(offices) != 2 {
		t.Errorf("person %s: current nominations by office %v, want %d each from AAA and BBB", p0.CCCD, offices, mine)
	}
	if h.Person.UnitCode != "BBB" || h.Person.StaffCode != "B"+p0.StaffCode || h.Person.FullName != p0.FullName {
		t.Errorf("person %+v: the latest office's details should win", h.Person)
	}
	if _, err := cen.CentralPerson(ctx, base.People[1].CCCD); err != nil {
		t.Errorf("person of AAA: %v", err)
	}
	if p, ok, err := cen.st.CentralPerson(ctx, "BBB/"+moved.People[1].StaffCode); err != nil || !ok || p.CCCD != "" {
		t.Errorf("person without CCCD: %+v %v %v", p, ok, err)
	}
	if _, err := cen.CentralPerson(ctx, "001099999999"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown CCCD: %v", err)
	}

	// Importing the rejected file again records nothing new; the held
	// package is loaded once CCC's key is added.
	res, err = cen.CentralImport(ctx, []string{broken, ccc}, "", nil)
	must(t, err)
	if got := strings.Join(outcomeStatuses(res), ","); got != "rejected,held" {
		t.Errorf("again: %s", got)
	}
	pkgs, err := cen.CentralPackages(ctx)
	must(t, err)
	if len(pkgs) != 8 {
		t.Errorf("%d packages recorded, want 8 (the unreadable file is not)", len(pkgs))
	}
	held, err := cen.ReleaseHeld(ctx, "")
	must(t, err)
	if got := strings.Join(outcomeStatuses(held), ","); got != "held" {
		t.Errorf("release before the key: %s", got)
	}
	pub := keys["CCC"].Public().(ed25519.PublicKey)
	must(t, cen.AddUnitKey(ctx, []byte(pack.EncodePublicKey(pub)), "CCC"))
	held, err = cen.ReleaseHeld(ctx, "")
	must(t, err)
	if got := strings.Join(outcomeStatuses(held), ","); got != "loaded" || held[0].Nominations != len(base.Nominations) {
		t.Errorf("release after the key: %+v", held)
	}
	if left, err := cen.st.HeldPackages(ctx); err != nil || len(left) != 0 {
		t.Errorf("still held: %d %v", len(left), err)
	}
	// The keyring.
	clerk := cen.As(domain.Account{Username: "cv", Role: domain.RoleClerk})
	if err := clerk.AddUnitKey(ctx, []byte(pack.EncodePublicKey(pub)), "DDD"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a clerk adds a key: %v", err)
	}
	if err := cen.AddUnitKey(ctx, []byte(pack.EncodePublicKey(pub)), ""); len(domain.AsFieldErrors(err)) == 0 {
		t.Errorf("a bare key without a code: %v", err)
	}
	kf := pack.KeyFile{Type: pack.KeyTypeUnit, Code: "EEE", Name: "E", Sign: pub}.Marshal()
	if err := cen.AddUnitKey(ctx, kf, "FFF"); len(domain.AsFieldErrors(err)) == 0 {
		t.Errorf("a code that disagrees with the file: %v", err)
	}
	uks, err := clerk.UnitKeys(ctx)
	must(t, err)
	if len(uks) != 3 || uks[2].UnitCode != "CCC" || uks[2].Fingerprint != pack.Fingerprint(pub) {
		t.Errorf("keyring %+v", uks)
	}
	must(t, cen.RemoveUnitKey(ctx, "CCC"))
	if err := cen.RemoveUnitKey(ctx, "CCC"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
}

func TestImportFeedback_Refusals(t *testing.T) {
	ctx := context.Background()
	s, _ := demoOffice(t, nil)
	cen := centralOffice(t, nil, "TW")
	r := approvedRound(t, s)
	ns, err := s.Nominees(ctx, r.ID)
	must(t, err)
	dir := t.TempDir()
	build := func(name string, key ed25519.PrivateKey, centre pack.Unit, fb pack.Feedback) string {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		must(t, err)
		defer f.Close()
		_, err = pack.Build(ctx, f, []pack.File{{Path: "data.json", Content: mustJSON(t, fb)}}, pack.BuildOptions{Key: key,
			Manifest: pack.Manifest{Type: pack.TypeFeedback, Unit: centre, Year: 2025, Round: pack.RoundRef{ID: r.ID}, CreatedAt: "2026-02-20T08:00:00Z"}})
		must(t, err)
		return path
	}
	key, err := cen.signingKey(ctx, "trung-uong")
	must(t, err)
	_, fake, err := pack.NewSigningKey()
	must(t, err)
	tw := pack.Unit{Code: "TW", Name: "Bảo hiểm xã hội Việt Nam"}
	cat, err := s.Catalogue(ctx)
	must(t, err)
	var n, own domain.Nominee
	for _, x := range ns {
		if cat.Own(x.Award, domain.NewDate(2026, time.February, 20)) {
			own = x
		} else if n.ID == 0 {
			n = x
		}
	}
	item := pack.DecisionItem{NominationID: n.ID, Subject: string(n.Subject.Kind), Code: n.Subject.Code, Award: n.Award, Granted: true}
	fb := pack.Feedback{Unit: pack.Unit{Code: DemoUnitCode}, Year: 2025, Round: pack.RoundRef{ID: r.ID},
		Decisions: []pack.Decision{{Number: "5/QĐ-BHXH", Date: "2026-02-20", Issuer: "Tổng Giám đốc", Items: []pack.DecisionItem{item}}}}
	good := build("good.zip", key, tw, fb)

	// No centre key yet.
	_, err = s.ImportFeedback(ctx, good)
	if !strings.Contains(Explain(err), "chưa đăng ký khóa của Trung ương") {
		t.Errorf("without the centre's key: %v", err)
	}
	// Only the centre's key file is accepted as such.
	uf, _, err := s.PublicKeyFile(ctx)
	must(t, err)
	if err := s.SetCentralKey(ctx, uf); len(domain.AsFieldErrors(err)) == 0 {
		t.Errorf("an office's key file as the centre's: %v", err)
	}
	kf, _, err := cen.CentralKeyFile(ctx)
	must(t, err)
	if err := s.As(domain.Account{Username: "cv", Role: domain.RoleClerk}).SetCentralKey(ctx, kf); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a clerk registers the centre's key: %v", err)
	}
	must(t, s.SetCentralKey(ctx, kf))
	if k, ok, err := s.CentralKey(ctx); err != nil || !ok || k.Code != "TW" || k.Age == "" {
		t.Errorf("centre key %+v %v %v", k, ok, err)
	}

	// Signed by someone else.
	_, err = s.ImportFeedback(ctx, build("fake.zip", fake, tw, fb))
	var invalid *InvalidPackageError
	if !errors.As(err, &invalid) || invalid.Problems[0].Code != pack.ProblemKeyMismatch || !strings.Contains(Explain(err), "không hợp lệ") {
		t.Errorf("forged feedback: %v", err)
	}
	// A submission is not a feedback package.
	sub := exportDemoPackage(t, s, dir)
	if _, err := s.ImportFeedback(ctx, sub.Path); !errors.As(err, &invalid) {
		t.Errorf("a submission as feedback: %v", err)
	}
	// For another office.
	other := fb
	other.Unit = pack.Unit{Code: "QNI", Name: "BHXH Quảng Ninh"}
	if _, err := s.ImportFeedback(ctx, build("qni.zip", key, tw, other)); !strings.Contains(Explain(err), "dành cho đơn vị BHXH Quảng Ninh (QNI)") {
		t.Errorf("feedback for another office: %v", err)
	}
	// An item that names no nominee of the round is skipped with a
	// warning; so is one that grants a title of the office's own
	// competence, which never enters the history as the centre's.
	odd := fb
	odd.Decisions = []pack.Decision{{Number: "6/QĐ-BHXH", Date: "2026-02-21", Issuer: "Tổng Giám đốc",
		Items: []pack.DecisionItem{item, {NominationID: 999999, Code: "X", Award: "GK", Granted: true},
			{NominationID: own.ID, Subject: string(own.Subject.Kind), Code: own.Subject.Code, Award: own.Award, Granted: true}}}}
	ownBefore, err := s.Awards(ctx, own.Subject)
	must(t, err)
	res, err := s.ImportFeedback(ctx, build("odd.zip", key, tw, odd))
	must(t, err)
	if res.Granted != 1 || len(res.Warnings) != 2 || !strings.Contains(res.Warnings[0], "999999") || !strings.Contains(res.Warnings[1], "thuộc thẩm quyền Giám đốc đơn vị") {
		t.Errorf("odd feedback: %+v", res)
	}
	if ownAfter, _ := s.Awards(ctx, own.Subject); len(ownAfter) != len(ownBefore) {
		t.Errorf("the centre's feedback wrote %s's own-competence %s into the history: %+v", own.Subject.Code, own.Award, ownAfter)
	}
	if fs, err := s.Feedbacks(ctx); err != nil || len(fs) != 1 || fs[0].Granted != 1 {
		t.Errorf("feedback history %+v %v", fs, err)
	}
	// A viewer may not import.
	if _, err := s.As(domain.Account{Username: "xem", Role: domain.RoleViewer}).ImportFeedback(ctx, good); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer import: %v", err)
	}
}

// awardHistory must say what evaluation.awards says, for every subject.
func TestAwardHistory_AsEvaluationAwards(t *testing.T) {
	s, _ := demoOffice(t, nil)
	e, err := s.evaluation(context.Background(), 2025)
	must(t, err)
	h := awardHistory(e.h.Awards)
	subjects := map[domain.Subject]bool{}
	for _, a := range e.h.Awards {
		subjects[a.Subject] = true
	}
	if len(subjects) < 50 {
		t.Fatalf("only %d subjects with awards in the demo", len(subjects))
	}
	for sub := range subjects {
		var want []pack.DataAward
		for _, a := range e.awards(sub) {
			want = append(want, dataAward(a))
		}
		if !slices.Equal(h[sub], want) {
			t.Errorf("%v: %+v, want %+v", sub, h[sub], want)
		}
	}
}
