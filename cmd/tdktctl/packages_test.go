package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/rules"
	"tdkt/internal/xlsx"
)

func onlyZip(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var zips []string
	for _, e := range es {
		if strings.HasSuffix(e.Name(), ".zip") {
			zips = append(zips, filepath.Join(dir, e.Name()))
		}
	}
	if len(zips) != 1 {
		t.Fatalf("%s holds %d packages: %v", dir, len(zips), zips)
	}
	return zips[0]
}

// tamper rewrites a package with one byte of data.json changed.
func tamper(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasPrefix(f.Name, "data.json") {
			data[len(data)/2] ^= 1
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRun_PackagesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hti.db")
	cdb := filepath.Join(dir, "tw.db")
	nodb := filepath.Join(dir, "khong-co.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "40", "--seed", "1"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	office := with(admin, "TDKT_PASSPHRASE", "demo")

	// Export: the passphrase is required and checked.
	plainDir := filepath.Join(dir, "plain")
	if code, _, errw := ctl(t, admin, "--db", db, "export", "package", "--round", "1", "--out", plainDir); code != 2 || !strings.Contains(errw, "TDKT_PASSPHRASE") {
		t.Fatalf("export without a passphrase: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, with(admin, "TDKT_PASSPHRASE", "sai"), "--db", db, "export", "package", "--round", "1", "--out", plainDir); code != 2 || !strings.Contains(errw, "Mật khẩu khóa ký: không đúng") {
		t.Fatalf("export with a wrong passphrase: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, office, "--db", db, "export", "package", "--round", "99", "--out", plainDir); code != 2 || errw == "" {
		t.Fatalf("export of a missing round: %d %q", code, errw)
	}
	code, out, errw := ctl(t, office, "--db", db, "export", "package", "--round", "1", "--out", plainDir)
	if code != 0 || !strings.Contains(out, "SHA-256") {
		t.Fatalf("export package: %d %q %s", code, out, errw)
	}
	plain := onlyZip(t, plainDir)
	if !strings.HasPrefix(filepath.Base(plain), "HTI_2025_1_20260301T090000") {
		t.Errorf("package name %s", plain)
	}

	// verify: no database, no account needed.
	if code, out, errw := ctl(t, nil, "--db", nodb, "verify", plain); code != 0 || !strings.Contains(out, "HỢP LỆ") {
		t.Fatalf("verify: %d %q %s", code, out, errw)
	}
	if _, err := os.Stat(nodb); err == nil {
		t.Error("verify created a database")
	}
	unitPub := filepath.Join(dir, "unit.pub")
	sheet := filepath.Join(dir, "Phiếu đăng ký khóa.pdf")
	code, out, errw = ctl(t, admin, "--db", db, "key", "export", "--out", unitPub, "--sheet", sheet)
	if code != 0 || !strings.Contains(out, "Vân tay") || !strings.Contains(out, "phiếu đăng ký khóa") {
		t.Fatalf("key export: %d %q %s", code, out, errw)
	}
	if b, err := os.ReadFile(sheet); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("key sheet not written as a PDF: %v", err)
	}
	code, out, _ = ctl(t, nil, "--db", nodb, "verify", plain, "--key", unitPub, "--json")
	var v verifyJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != 0 || !v.Valid || v.Unit == nil || v.Unit.Code != "HTI" || v.Year != 2025 ||
		v.Round == nil || v.Round.ID != 1 || len(v.SHA256) != 64 || v.Problems == nil || len(v.Problems) != 0 {
		t.Fatalf("verify --json: %d %v %s", code, err, out)
	}
	otherPub := filepath.Join(dir, "other.pub")
	pub, _, _ := pack.NewSigningKey()
	os.WriteFile(otherPub, pack.KeyFile{Type: pack.KeyTypeUnit, Code: "HTI", Name: "Giả", Sign: pub}.Marshal(), 0o644)
	if code, out, _ := ctl(t, nil, "--db", nodb, "verify", plain, "--key", otherPub); code != 1 || !strings.Contains(out, "["+pack.ProblemKeyMismatch+"]") {
		t.Errorf("verify with another key: %d %q", code, out)
	}
	broken := filepath.Join(dir, "hong.zip")
	tamper(t, plain, broken)
	code, out, _ = ctl(t, nil, "--db", nodb, "verify", broken, "--json")
	v = verifyJSON{}
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != 1 || v.Valid || len(v.Problems) == 0 || v.Problems[0].Code != pack.ProblemHashMismatch ||
		v.Problems[0].Path == "" || !strings.Contains(out, `"path"`) {
		t.Errorf("verify a tampered package: %d %v %s", code, err, out)
	}
	var raw map[string]any
	json.Unmarshal([]byte(out), &raw)
	for _, k := range []string{"valid", "unit", "year", "round", "sha256", "problems"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("verify --json lacks %q", k)
		}
	}
	if code, _, errw := ctl(t, nil, "--db", nodb, "verify", filepath.Join(dir, "khong-co.zip")); code != 2 || errw == "" {
		t.Errorf("verify a missing file: %d %q", code, errw)
	}
	if code, _, _ := ctl(t, nil, "--db", nodb, "verify"); code != 2 {
		t.Errorf("verify without a file: %d", code)
	}

	// The centre: a new database in central mode, its key to the office,
	// the office's key in its keyring.
	centre := with(director, "TDKT_PASSPHRASE", "mat-khau-trung-uong")
	code, out, errw = ctl(t, centre, "--db", cdb, "central", "init", "--code", "BHXHVN", "--name", "Bảo hiểm xã hội Việt Nam")
	if code != 0 || !strings.Contains(out, "Vân tay") {
		t.Fatalf("central init: %d %q %s", code, out, errw)
	}
	if code, _, errw := ctl(t, centre, "--db", cdb, "central", "init", "--code", "X", "--name", "Y"); code != 2 || errw == "" {
		t.Errorf("central init on an existing file: %d %q", code, errw)
	}
	centralPub := filepath.Join(dir, "trung-uong.pub")
	if code, _, errw := ctl(t, centre, "--db", cdb, "key", "export", "--out", centralPub); code != 0 {
		t.Fatalf("central key export: %d %s", code, errw)
	}
	if code, out, errw := ctl(t, admin, "--db", db, "key", "central", centralPub); code != 0 || !strings.Contains(out, "BHXHVN") {
		t.Fatalf("key central: %d %q %s", code, out, errw)
	}
	if code, _, errw := ctl(t, centre, "--db", cdb, "central", "keys", "add", unitPub); code != 0 {
		t.Fatalf("keys add: %d %s", code, errw)
	}
	code, out, _ = ctl(t, centre, "--db", cdb, "central", "keys", "list", "--json")
	var keys []unitKeyJSON
	if err := json.Unmarshal([]byte(out), &keys); err != nil || code != 0 || len(keys) != 1 || keys[0].Code != "HTI" || keys[0].Fingerprint != v.Key {
		t.Fatalf("keys list: %d %v %s (package key %s)", code, err, out, v.Key)
	}
	// With the central database, verify uses its keyring.
	if code, out, _ := ctl(t, nil, "--db", cdb, "verify", plain); code != 0 || !strings.Contains(out, "đã đăng ký") {
		t.Errorf("verify against the keyring: %d %q", code, out)
	}

	// Encrypted now that the centre's key is registered.
	encDir := filepath.Join(dir, "enc")
	if code, out, errw := ctl(t, office, "--db", db, "export", "package", "--round", "1", "--out", encDir); code != 0 || !strings.Contains(out, "mã hóa cho Trung ương") {
		t.Fatalf("encrypted export: %d %q %s", code, out, errw)
	}
	enc := onlyZip(t, encDir)
	code, out, errw = ctl(t, centre, "--db", cdb, "central", "import", enc, "--json")
	var res []outcomeJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 || len(res) != 1 || res[0].Status != "loaded" || res[0].Nominations == 0 {
		t.Fatalf("central import: %d %v %s %s", code, err, out, errw)
	}
	if code, out, _ := ctl(t, centre, "--db", cdb, "central", "import", enc); code != 0 || !strings.Contains(out, "ĐÃ CÓ") {
		t.Errorf("import again: %d %q", code, out)
	}
	if code, out, _ := ctl(t, centre, "--db", cdb, "central", "import", broken, "--json"); code != 1 || !strings.Contains(out, `"rejected"`) {
		t.Errorf("import a tampered package: %d %q", code, out)
	}
	// Without the passphrase an encrypted package cannot be read: exit 2.
	encAgain := filepath.Join(dir, "enc2")
	ctl(t, office, "--db", db, "export", "package", "--round", "1", "--out", encAgain)
	if code, _, errw := ctl(t, director, "--db", cdb, "central", "import", onlyZip(t, encAgain)); code != 2 || !strings.Contains(errw, "TDKT_PASSPHRASE") {
		t.Errorf("import without the passphrase: %d %q", code, errw)
	}

	report := filepath.Join(dir, "tong hop.xlsx")
	if code, _, errw := ctl(t, centre, "--db", cdb, "central", "report", "--year", "2025", "--out", report); code != 0 {
		t.Fatalf("central report: %d %s", code, errw)
	}
	f, err := os.Open(report)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := xlsx.ReadRows(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pack.VerifyFile(plain, pack.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Read("data.json", "")
	if err != nil {
		t.Fatal(err)
	}
	var d pack.Data
	json.Unmarshal(b, &d)
	// The consolidation counts the proposals up; the office's own titles
	// are counted apart.
	up := 0
	for _, n := range d.Nominations {
		if !n.Own {
			up++
		}
	}
	found := false
	for _, r := range rows {
		if len(r) > 4 && r[1] == "HTI" && r[4] == strconv.Itoa(up) {
			found = true
		}
	}
	if !found || up == 0 || up == res[0].Nominations {
		t.Errorf("report has no row of HTI with %d proposals up (of %d nominations): %q", up, res[0].Nominations, rows)
	}

	// The centre decides and answers; one passed nominee is refused.
	var refuse int64
	granted := 0
	cat := rules.DefaultCatalogue()
	for _, n := range d.Nominations {
		if n.Vote != nil && n.Vote.Passed && !cat.Own(n.Award, domain.NewDate(2026, 2, 20)) {
			if refuse == 0 {
				refuse = n.ID
			} else {
				granted++
			}
		}
	}
	fbDir := filepath.Join(dir, "phan-hoi")
	args := []string{"--db", cdb, "central", "feedback", "--unit", "HTI", "--year", "2025", "--round", "1", "--number", "99/QĐ-BHXH",
		"--date", "20/02/2026", "--issuer", "Tổng Giám đốc Bảo hiểm xã hội Việt Nam", "--out", fbDir}
	if code, _, errw := ctl(t, centre, append(args, "--refuse", "987654=Không có")...); code != 2 || !strings.Contains(errw, "987654") {
		t.Errorf("refusing an unknown nomination: %d %q", code, errw)
	}
	code, out, errw = ctl(t, centre, append(args, "--refuse", strconv.FormatInt(refuse, 10)+"=Thành tích chưa tiêu biểu")...)
	if code != 0 || !strings.Contains(out, strconv.Itoa(granted)+" đề nghị được khen, 1 không được khen") {
		t.Fatalf("central feedback: %d %q %s", code, out, errw)
	}
	fb := onlyZip(t, fbDir)

	// The office imports it.
	if code, out, _ := ctl(t, office, "--db", db, "feedback", "import", broken); code != 1 || !strings.Contains(out, "KHÔNG HỢP LỆ") {
		t.Errorf("feedback import of a broken package: %d %q", code, out)
	}
	code, out, errw = ctl(t, office, "--db", db, "feedback", "import", fb)
	if code != 0 || !strings.Contains(out, strconv.Itoa(granted)+" khen thưởng được ghi vào lịch sử, 1 không được khen") || !strings.Contains(out, "Đã gửi") {
		t.Fatalf("feedback import: %d %q %s", code, out, errw)
	}
	if code, out, _ := ctl(t, office, "--db", db, "feedback", "import", fb); code != 0 || !strings.Contains(out, "trước đây") {
		t.Errorf("feedback import again: %d %q", code, out)
	}
	code, out, _ = ctl(t, admin, "--db", db, "round", "list", "--json")
	var rounds []roundJSON
	if err := json.Unmarshal([]byte(out), &rounds); err != nil || code != 0 || len(rounds) != 1 || rounds[0].Status != "DA_GUI" {
		t.Errorf("round after the feedback: %d %v %s", code, err, out)
	}
	// A sent round can be packaged again (a lost package), a viewer cannot.
	if code, _, errw := ctl(t, office, "--db", db, "export", "package", "--round", "1", "--out", filepath.Join(dir, "lai.zip")); code != 0 {
		t.Errorf("re-export of a sent round: %d %s", code, errw)
	}
}

func TestRun_InitMakesTheKeyWhenThePassphraseIsSet(t *testing.T) {
	dir := t.TempDir()
	init := []string{"init", "--unit-code", "QNI", "--unit-name", "Bảo hiểm xã hội tỉnh Quảng Ninh"}
	a := filepath.Join(dir, "a.db")
	code, out, errw := ctl(t, director, append([]string{"--db", a}, init...)...)
	if code != 0 || !strings.Contains(out, "tdktctl key create") {
		t.Fatalf("init without a passphrase: %d %q %s", code, out, errw)
	}
	if code, _, errw := ctl(t, director, "--db", a, "key", "export", "--out", filepath.Join(dir, "a.pub")); code != 2 || !strings.Contains(errw, "key create") {
		t.Errorf("key export before the key: %d %q", code, errw)
	}
	withPass := with(director, "TDKT_PASSPHRASE", "khoa-ky-qni")
	if code, out, errw := ctl(t, withPass, "--db", a, "key", "create"); code != 0 || !strings.Contains(out, "Vân tay") {
		t.Fatalf("key create: %d %q %s", code, out, errw)
	}
	if code, _, errw := ctl(t, withPass, "--db", a, "key", "create"); code != 2 || !strings.Contains(errw, "đã có khóa ký") {
		t.Errorf("a second key: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, with(withPass, "TDKT_NEW_PASSPHRASE", "khoa-moi-qni"), "--db", a, "key", "passwd"); code != 0 {
		t.Errorf("key passwd: %d %s", code, errw)
	}
	b := filepath.Join(dir, "b.db")
	code, out, errw = ctl(t, withPass, append([]string{"--db", b}, init...)...)
	if code != 0 || !strings.Contains(out, "Vân tay") {
		t.Fatalf("init with a passphrase: %d %q %s", code, out, errw)
	}
	pub := filepath.Join(dir, "b.pub")
	if code, out, _ := ctl(t, director, "--db", b, "key", "export", "--out", pub); code != 0 || !strings.Contains(out, "Vân tay") {
		t.Errorf("key export: %d %q", code, out)
	}
	kb, _ := os.ReadFile(pub)
	if k, err := pack.ParseKeyFile(kb); err != nil || k.Code != "QNI" || k.Type != pack.KeyTypeUnit {
		t.Errorf("key file: %+v %v", k, err)
	}
}
