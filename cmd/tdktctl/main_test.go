package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var fixed = func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }

// The accounts the tests log in with: the demo's director (contracts.md)
// and the first director that init creates.
var (
	admin    = map[string]string{"TDKT_USER": "admin", "TDKT_PASSWORD": "demo"}
	director = map[string]string{"TDKT_USER": "gd.hung", "TDKT_PASSWORD": "mat-khau-giam-doc"}
)

func init() {
	// Nobody types at the tests' terminal: a missing variable must fail, not wait.
	stdinTerminal = func() bool { return false }
}

// with is env plus the pairs k, v.
func with(env map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range env {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// ctl runs tdktctl in-process and returns its exit code and outputs.
func ctl(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(context.Background(), args, &out, &errw, func(k string) string { return env[k] }, fixed)
	return code, out.String(), errw.String()
}

func TestRun_UsageAndUnknownCommand(t *testing.T) {
	if code, _, errw := ctl(t, nil); code != 2 || !strings.Contains(errw, "Cách dùng") {
		t.Fatalf("no args: %d %q", code, errw)
	}
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errw := ctl(t, nil, "--db", db, "frobnicate"); code != 2 || !strings.Contains(errw, "frobnicate") {
		t.Fatalf("unknown command: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, nil, "--db", db, "import", "nokind", "f.xlsx"); code != 2 || !strings.Contains(errw, "staff") {
		t.Fatalf("unknown kind: %d %q", code, errw)
	}
}

func TestRun_InitIsIdempotentAndKeepsCode(t *testing.T) {
	db := filepath.Join(t.TempDir(), "Hồ sơ", "t.db")
	args := []string{"init", "--unit-code", "HTI", "--unit-name", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "--db", db}
	// Without an account and without a terminal: exit 2, saying what to set, and no file.
	if code, _, errw := ctl(t, nil, args...); code != 2 || !strings.Contains(errw, "TDKT_USER") {
		t.Fatalf("init without an account: %d %q", code, errw)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("init without an account created the database")
	}
	if code, _, errw := ctl(t, with(director, "TDKT_PASSWORD", "ngan"), args...); code != 2 || !strings.Contains(errw, "Mật khẩu") {
		t.Fatalf("init with a short password: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, director, args...); code != 0 || !strings.Contains(errw, "gd.hung") {
		t.Fatalf("init: %d %s", code, errw)
	}
	// Once the database has its director, init needs that director's login.
	if code, _, errw := ctl(t, with(director, "TDKT_PASSWORD", "sai-mat-khau"), args...); code != 2 || !strings.Contains(errw, "không đúng") {
		t.Fatalf("init with a wrong password: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, director, args...); code != 0 {
		t.Fatalf("init again: %d %s", code, errw)
	}
	code, _, errw := ctl(t, director, "--db", db, "init", "--unit-code", "XYZ", "--unit-name", "Khác")
	if code != 2 || !strings.Contains(errw, "HTI") {
		t.Fatalf("changing the code: %d %q", code, errw)
	}
}

func TestRun_DBFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	env := map[string]string{"TDKT_DB": db, "TDKT_USER": director["TDKT_USER"], "TDKT_PASSWORD": director["TDKT_PASSWORD"]}
	if code, _, errw := ctl(t, env, "init", "--unit-code", "HTI", "--unit-name", "Bảo hiểm xã hội tỉnh Hà Tĩnh"); code != 0 {
		t.Fatalf("init: %d %s", code, errw)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("TDKT_DB not used: %v", err)
	}
}

func TestRun_TemplateImportReimportJSON(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errw := ctl(t, director, "--db", db, "init", "--unit-code", "HTI", "--unit-name", "Bảo hiểm xã hội tỉnh Hà Tĩnh"); code != 0 {
		t.Fatal(errw)
	}
	tpl := filepath.Join(dir, "mau can bo.xlsx")
	if code, _, errw := ctl(t, director, "--db", db, "template", "staff", tpl); code != 0 {
		t.Fatalf("template: %s", errw)
	}
	// Dry run writes nothing.
	code, out, errw := ctl(t, director, "--db", db, "import", "staff", tpl, "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("dry run: %d %s", code, errw)
	}
	var res importJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if !res.DryRun || res.Accepted != 1 || res.Inserted != 0 {
		t.Fatalf("dry run result %+v", res)
	}
	code, out, _ = ctl(t, director, "--db", db, "import", "staff", tpl, "--json")
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 || res.Inserted != 1 {
		t.Fatalf("import: %d %+v %v", code, res, err)
	}
	code, out, _ = ctl(t, director, "--db", db, "import", "staff", tpl, "--json")
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 || res.Unchanged != 1 || res.Inserted+res.Updated != 0 {
		t.Fatalf("re-import must change nothing: %d %+v %v", code, res, err)
	}
}

func TestRun_ImportWithRejectionsExitsOne(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errw := ctl(t, director, "--db", db, "init", "--unit-code", "HTI", "--unit-name", "Bảo hiểm xã hội tỉnh Hà Tĩnh"); code != 0 {
		t.Fatal(errw)
	}
	// A ratings template's example names a person who does not exist yet
	// in this database only if the database has nobody: write the staff
	// template's example first, then import ratings for an unknown code.
	tpl := filepath.Join(dir, "r.xlsx")
	if code, _, errw := ctl(t, director, "--db", db, "template", "ratings", tpl); code != 0 {
		t.Fatal(errw)
	}
	report := filepath.Join(dir, "loi.xlsx")
	code, out, _ := ctl(t, director, "--db", db, "import", "ratings", tpl, "--report", report)
	if code == 0 {
		// The example row was accepted: the template fits this database.
		return
	}
	if code != 1 || !strings.Contains(out, "Dòng") {
		t.Fatalf("rejected rows: exit %d, out %q", code, out)
	}
	if st, err := os.Stat(report); err != nil || st.Size() == 0 {
		t.Fatalf("report not written: %v", err)
	}
}

func TestRun_DemoBackupCheckRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "40"); code != 0 {
		t.Fatalf("demo: %s", errw)
	}
	bak := filepath.Join(dir, "sao luu", "b.db")
	if code, _, errw := ctl(t, admin, "--db", db, "backup", bak); code != 0 {
		t.Fatalf("backup: %s", errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "backup", bak); code != 2 || errw == "" {
		t.Fatalf("backup over an existing file: %d %q", code, errw)
	}
	if code, out, errw := ctl(t, nil, "--db", db, "check"); code != 0 || !strings.Contains(out, "ok") {
		t.Fatalf("check: %d %s %s", code, out, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "restore", bak); code != 0 {
		t.Fatalf("restore: %s", errw)
	}
	saved, _ := filepath.Glob(filepath.Join(dir, "backups", "*", "*truoc-khoi-phuc*.db"))
	if len(saved) != 1 {
		t.Fatalf("restore kept no copy of the current database: %v", saved)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database at all, just text"), 0o644)
	if code, _, errw := ctl(t, admin, "--db", db, "restore", junk); code != 2 || !strings.Contains(errw, "Không khôi phục được") {
		t.Fatalf("restore of junk: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, nil, "--db", junk, "check"); code != 1 {
		t.Fatalf("check of junk: %d %q", code, errw)
	}

	// Relative paths name files of the working folder.
	t.Chdir(dir)
	if code, _, errw := ctl(t, admin, "--db", "t.db", "backup", "tuong-doi.db"); code != 0 {
		t.Fatalf("backup to a relative path: %s", errw)
	}
	if code, _, errw := ctl(t, admin, "--db", "t.db", "restore", "tuong-doi.db"); code != 0 {
		t.Fatalf("restore from a relative path: %s", errw)
	}

	// Another office's backup is refused (exit 1, nothing changed) unless
	// the director says it is meant.
	other := filepath.Join(dir, "khac.db")
	qni := map[string]string{"TDKT_USER": "gd.qni", "TDKT_PASSWORD": "quang-ninh-2026", "TDKT_PASSPHRASE": "quang-ninh-2026"}
	if code, _, errw := ctl(t, qni, "--db", other, "init", "--unit-code", "QNI", "--unit-name", "Bảo hiểm xã hội tỉnh Quảng Ninh", "--place", "Quảng Ninh"); code != 0 {
		t.Fatalf("init of another office: %s", errw)
	}
	otherBak := filepath.Join(dir, "khac-sao-luu.db")
	if code, _, errw := ctl(t, qni, "--db", other, "backup", otherBak); code != 0 {
		t.Fatalf("backup of another office: %s", errw)
	}
	before, _ := os.ReadFile(db)
	if code, _, errw := ctl(t, admin, "--db", db, "restore", otherBak); code != 1 || !strings.Contains(errw, "Quảng Ninh (QNI)") || !strings.Contains(errw, "--other-office") {
		t.Fatalf("restore of another office's backup: %d %q", code, errw)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Fatal("a refused restore changed the database")
	}
	if code, _, errw := ctl(t, admin, "--db", db, "restore", otherBak, "--other-office"); code != 0 {
		t.Fatalf("restore accepted with --other-office: %d %q", code, errw)
	}
}

func TestRun_ExportRegistrationAndAssessment(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "60"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	magic := map[string]string{".pdf": "%PDF", ".xlsx": "PK"}
	for _, what := range []string{"registration", "assessment"} {
		for ext, head := range magic {
			out := filepath.Join(dir, "Văn bản", what+ext)
			code, stdout, errw := ctl(t, admin, "--db", db, "export", what, "--year", "2025", "--out", out)
			if code != 0 || !strings.Contains(stdout, out) {
				t.Fatalf("export %s %s: %d %q %q", what, ext, code, stdout, errw)
			}
			b, err := os.ReadFile(out)
			if err != nil || !strings.HasPrefix(string(b), head) || len(b) < 1000 {
				t.Errorf("%s: %d bytes, %v", out, len(b), err)
			}
		}
	}
	// The movements are listed when --movement is missing; the review exports.
	code, _, errw := ctl(t, admin, "--db", db, "export", "review", "--out", filepath.Join(dir, "r.pdf"))
	if code != 2 || !strings.Contains(errw, "Nghị quyết số 28-NQ/TW") {
		t.Fatalf("review without --movement: %d %q", code, errw)
	}
	var id string
	for _, line := range strings.Split(errw, "\n") {
		if strings.Contains(line, "28-NQ/TW") {
			id = strings.Fields(line)[0]
		}
	}
	for _, ext := range []string{".pdf", ".xlsx"} {
		out := filepath.Join(dir, "review"+ext)
		if code, _, errw := ctl(t, admin, "--db", db, "export", "review", "--movement", id, "--out", out); code != 0 {
			t.Fatalf("review %s: %d %q", ext, code, errw)
		}
		if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), magic[ext]) {
			t.Errorf("%s is not a %s file", out, ext)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "Văn bản"))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestRun_ExportRefusesBadArguments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errw := ctl(t, director, "--db", db, "init", "--unit-code", "HTI", "--unit-name", "Bảo hiểm xã hội tỉnh Hà Tĩnh"); code != 0 {
		t.Fatalf("init: %d %s", code, errw)
	}
	scenarios := []struct {
		name string
		args []string
		want string
	}{
		{"unknown extension", []string{"export", "registration", "--year", "2025", "--out", filepath.Join(dir, "a.docx")}, ".pdf"},
		{"no extension", []string{"export", "assessment", "--year", "2025", "--out", filepath.Join(dir, "a")}, ".xlsx"},
		{"no year", []string{"export", "registration", "--out", filepath.Join(dir, "a.pdf")}, "--year"},
		{"no out", []string{"export", "registration", "--year", "2025"}, "cách dùng"},
		{"unknown document", []string{"export", "hoso", "--year", "2025", "--out", filepath.Join(dir, "a.pdf")}, "registration"},
		{"nothing", []string{"export"}, "cách dùng"},
		{"unknown movement", []string{"export", "review", "--movement", "999", "--out", filepath.Join(dir, "a.pdf")}, "không tìm thấy"},
	}
	for _, sc := range scenarios {
		code, _, errw := ctl(t, director, append([]string{"--db", db}, sc.args...)...)
		if code != 2 || !strings.Contains(errw, sc.want) {
			t.Errorf("%s: %d %q, want exit 2 mentioning %q", sc.name, code, errw, sc.want)
		}
	}
	missing := filepath.Join(dir, "khong-co.db")
	if code, _, _ := ctl(t, director, "--db", missing, "export", "registration", "--year", "2025", "--out", filepath.Join(dir, "a.pdf")); code != 2 {
		t.Errorf("missing database: %d", code)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("export created a database")
	}
	if _, err := os.Stat(filepath.Join(dir, "a.pdf")); err == nil {
		t.Error("a failed export left a file")
	}
}

func TestRun_EligibilityJSONAndStrict(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	code, out, errw := ctl(t, admin, "--db", db, "eligibility", "--year", "2025", "--json")
	if code != 0 {
		t.Fatalf("eligibility --json: %d %s", code, errw)
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw) == 0 {
		t.Fatalf("not a JSON array: %v\n%.300s", err, out)
	}
	want := []string{"subject", "code", "name", "award", "year", "regime", "eligible", "pending", "reasons"}
	for _, o := range raw {
		for _, k := range want {
			if _, ok := o[k]; !ok {
				t.Fatalf("object without %q: %v", k, o)
			}
		}
	}
	type quota struct {
		Unit       string `json:"unit"`
		Award      string `json:"award"`
		Year       int    `json:"year"`
		Limit      int    `json:"limit"`
		Candidates int    `json:"candidates"`
		OverBy     *int   `json:"over_by"`
		Rank       *int   `json:"rank"`
	}
	var vs []struct {
		Subject  string   `json:"subject"`
		Code     string   `json:"code"`
		Name     string   `json:"name"`
		Award    string   `json:"award"`
		Year     int      `json:"year"`
		Regime   string   `json:"regime"`
		Eligible bool     `json:"eligible"`
		Pending  bool     `json:"pending"`
		Reasons  []string `json:"reasons"`
		Quota    *quota   `json:"quota"`
	}
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, v := range vs {
		if (v.Subject != "person" && v.Subject != "collective") || v.Code == "" || v.Name == "" || v.Year != 2025 || v.Regime != "R2025" || len(v.Reasons) == 0 {
			t.Fatalf("bad object %+v", v)
		}
		if v.Pending && !v.Eligible {
			t.Fatalf("pending but ineligible: %+v", v)
		}
		isCS := v.Subject == "person" && v.Award == "CSTDCS"
		if isCS != (v.Quota != nil) {
			t.Fatalf("quota on %+v", v)
		}
		if q := v.Quota; q != nil && (q.Award != "CSTDCS" || q.Year != 2025 || q.Unit != "HTI" || q.OverBy == nil || q.Rank == nil || *q.OverBy != max(0, q.Candidates-q.Limit)) {
			t.Fatalf("quota %+v", *q)
		}
		seen[v.Code+" "+v.Award] = v.Eligible
	}
	if !seen["HTI0005 LDTT"] || seen["HTI0004 LDTT"] || !seen["HTI-KHTC TTLDXS"] || seen["HTI-CNTT TTLDXS"] {
		t.Errorf("demo cases: %v %v %v %v", seen["HTI0005 LDTT"], seen["HTI0004 LDTT"], seen["HTI-KHTC TTLDXS"], seen["HTI-CNTT TTLDXS"])
	}

	// The table, a unit filter, --strict.
	code, out, errw = ctl(t, admin, "--db", db, "eligibility", "--year", "2025", "--unit", "HTI-KHTC")
	if code != 0 || !strings.Contains(out, "Tập thể HTI-KHTC") || !strings.Contains(out, "Cán bộ HTI0014") || strings.Contains(out, "HTI0004") || !strings.Contains(out, "Tổng:") {
		t.Fatalf("table: %d %s\n%s", code, errw, out)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "eligibility", "--year", "2025", "--unit", "HTI-KHTC", "--strict"); code != 1 || !strings.Contains(errw, "không đủ điều kiện") {
		t.Fatalf("--strict: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "eligibility", "--json"); code != 2 || !strings.Contains(errw, "--year") {
		t.Fatalf("no year: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "eligibility", "--year", "2025", "--unit", "KHONG-CO"); code != 2 || !strings.Contains(errw, "KHONG-CO") {
		t.Fatalf("unknown unit: %d %q", code, errw)
	}
	if code, _, _ := ctl(t, admin, "--db", filepath.Join(dir, "none.db"), "eligibility", "--year", "2025"); code != 2 {
		t.Fatalf("missing database: %d", code)
	}
}

func TestRun_RoundCreateListExportDossier(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "60"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	list := func() []map[string]any {
		t.Helper()
		code, out, errw := ctl(t, admin, "--db", db, "round", "list", "--json")
		if code != 0 {
			t.Fatalf("round list: %d %s", code, errw)
		}
		var rs []map[string]any
		if err := json.Unmarshal([]byte(out), &rs); err != nil {
			t.Fatalf("json: %v\n%s", err, out)
		}
		return rs
	}
	rs := list()
	if len(rs) != 1 {
		t.Fatalf("demo rounds: %v", rs)
	}
	want := map[string]any{"id": "1", "year": float64(2025), "kind": "thuong-xuyen", "name": "Đợt đề nghị khen thưởng năm 2025", "status": "DA_DUYET"}
	for k, v := range want {
		if rs[0][k] != v {
			t.Errorf("%s = %#v, want %#v", k, rs[0][k], v)
		}
	}
	if n, ok := rs[0]["nominees"].(float64); !ok || n < 1 || len(rs[0]) != 7 {
		t.Errorf("round object %v", rs[0])
	}
	// Each proposal says who confers its award: the office's director for
	// its own titles, the Minister of Finance for the ministry's (2026).
	ps, _ := rs[0]["proposals"].([]any)
	if len(ps) != int(rs[0]["nominees"].(float64)) {
		t.Errorf("%d proposals of %v nominees", len(ps), rs[0]["nominees"])
	}
	by := map[string]string{}
	for _, p := range ps {
		m := p.(map[string]any)
		by[m["award"].(string)] = fmt.Sprint(m["own"], " ", m["conferred_by"], " ", m["award_name"])
	}
	if by["CSTDCS"] != "true Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh Chiến sĩ thi đua cơ sở" ||
		by["BK_BO"] != "false Bộ trưởng Bộ Tài chính Bằng khen của Bộ trưởng Bộ Tài chính" {
		t.Errorf("authorities of the proposals: %v", by)
	}

	code, out, errw := ctl(t, admin, "--db", db, "round", "create", "--year", "2024", "--kind", "thuong-xuyen", "--propose-eligible")
	if code != 0 || strings.TrimSpace(out) != "2" {
		t.Fatalf("round create: %d %q %s", code, out, errw)
	}
	code, out, errw = ctl(t, admin, "--db", db, "round", "create", "--year", "2026", "--kind", "dot-xuat", "--name", "Khen thưởng đột xuất")
	if code != 0 || strings.TrimSpace(out) != "3" {
		t.Fatalf("round create dot-xuat: %d %q %s", code, out, errw)
	}
	rs = list()
	if len(rs) != 3 || rs[0]["id"] != "3" || rs[0]["kind"] != "dot-xuat" || rs[0]["name"] != "Khen thưởng đột xuất" || rs[0]["nominees"] != float64(0) ||
		rs[1]["id"] != "1" || rs[2]["id"] != "2" || rs[2]["status"] != "NHAP" || rs[2]["nominees"].(float64) < 10 {
		t.Errorf("rounds after create: %v", rs)
	}
	if code, out, _ := ctl(t, admin, "--db", db, "round", "list"); code != 0 || !strings.Contains(out, "Đã duyệt") {
		t.Errorf("round list text: %d %s", code, out)
	}
	for _, args := range [][]string{
		{"round", "create", "--year", "2024", "--kind", "khac"},
		{"round", "create", "--kind", "thuong-xuyen"},
		{"round", "create", "--year", "1800"},
		{"round", "frob"},
		{"round"},
		{"export", "dossier", "--out", dir},
		{"export", "dossier", "--round", "99", "--out", dir},
	} {
		if code, _, errw := ctl(t, admin, append([]string{"--db", db}, args...)...); code != 2 || errw == "" {
			t.Errorf("%v: %d %q", args, code, errw)
		}
	}

	out2 := filepath.Join(dir, "Hồ sơ đợt 1")
	if code, _, errw := ctl(t, admin, "--db", db, "export", "dossier", "--round", "1", "--out", out2); code != 0 {
		t.Fatalf("export dossier: %d %s", code, errw)
	}
	pdfs, _ := filepath.Glob(filepath.Join(out2, "pdf", "*.pdf"))
	sheets, _ := filepath.Glob(filepath.Join(out2, "xlsx", "*.xlsx"))
	if len(pdfs) < 3 || len(sheets) != 1 {
		t.Errorf("dossier files: %v %v", pdfs, sheets)
	}
	if words, _ := filepath.Glob(filepath.Join(out2, "*", "*.docx")); len(words) != 0 {
		t.Errorf("Word copies without --docx: %v", words)
	}

	// --docx: a Word copy beside each PDF, under the same name.
	out3 := filepath.Join(dir, "Hồ sơ đợt 1 (Word)")
	if code, _, errw := ctl(t, admin, "--db", db, "export", "dossier", "--round", "1", "--out", out3, "--docx"); code != 0 {
		t.Fatalf("export dossier --docx: %d %s", code, errw)
	}
	pdfs, _ = filepath.Glob(filepath.Join(out3, "pdf", "*.pdf"))
	words, _ := filepath.Glob(filepath.Join(out3, "*", "*.docx"))
	if len(pdfs) < 3 || len(words) != len(pdfs) {
		t.Fatalf("--docx: %d PDFs, %d Word files", len(pdfs), len(words))
	}
	for _, p := range pdfs {
		word := strings.TrimSuffix(p, ".pdf") + ".docx"
		zr, err := zip.OpenReader(word)
		if err != nil {
			t.Errorf("%s: no valid Word twin: %v", filepath.Base(p), err)
			continue
		}
		found := false
		for _, f := range zr.File {
			found = found || f.Name == "word/document.xml"
		}
		zr.Close()
		if !found {
			t.Errorf("%s has no word/document.xml", filepath.Base(word))
		}
	}
	if code, _, errw := ctl(t, admin, "--db", db, "export", "registration", "--year", "2025", "--out", filepath.Join(dir, "dk.pdf"), "--docx"); code != 2 || !strings.Contains(errw, "docx") {
		t.Errorf("--docx is for the dossier only: %d %q", code, errw)
	}
}

func TestRun_CheckFindsAJournalEditedOutsideTheProgram(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "40"); code != 0 {
		t.Fatalf("demo: %s", errw)
	}
	if code, out, errw := ctl(t, nil, "--db", db, "check"); code != 0 || !strings.Contains(out, "chuỗi băm nguyên vẹn") {
		t.Fatalf("check of an untouched database: %d %q %q", code, out, errw)
	}
	// As a hex editor would: rename a column inside the journal's recorded
	// values (those JSON keys exist nowhere else in the file).
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	old, forged := []byte(`"full_name":`), []byte(`"full_nbme":`)
	if !bytes.Contains(data, old) {
		t.Fatal("no journal entry with full_name in the file")
	}
	if err := os.WriteFile(db, bytes.ReplaceAll(data, old, forged), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errw := ctl(t, nil, "--db", db, "check")
	if code != 1 || !strings.Contains(errw, "nhật ký thay đổi bị sửa") {
		t.Fatalf("check of an edited journal: exit %d, %q", code, errw)
	}
}

// TestRun_RoundSubmitReturnApprove: a round without votes cannot be
// submitted (exit 1, every problem listed); the director returns a
// submitted round with a reason and approves it once complete.
func TestRun_RoundSubmitReturnApprove(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "60"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	code, out, errw := ctl(t, admin, "--db", db, "round", "create", "--year", "2024", "--kind", "thuong-xuyen", "--propose-eligible")
	if code != 0 {
		t.Fatalf("round create: %d %s", code, errw)
	}
	id := strings.TrimSpace(out)
	code, _, errw = ctl(t, admin, "--db", db, "round", "submit", "--round", id)
	if code != 1 || strings.Count(errw, "\n- ") < 2 || !strings.Contains(errw, "biểu quyết") {
		t.Fatalf("submit without votes: %d\n%s", code, errw)
	}
	// The demo's approved round: back to the clerk, with a reason, then approved again.
	if code, _, errw := ctl(t, admin, "--db", db, "round", "return", "--round", "1", "--reason", "Bổ sung biên bản"); code != 1 || !strings.Contains(errw, "chờ duyệt") {
		t.Errorf("return an approved round: %d %s", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "round", "approve", "--round", "1"); code != 0 {
		t.Errorf("approve an approved round (nothing to do): %d %s", code, errw)
	}
	if code, out, errw := ctl(t, admin, "--db", db, "round", "return", "--round", "1"); code != 2 && code != 1 {
		t.Errorf("return without --reason: %d %s %s", code, out, errw)
	}
	for _, args := range [][]string{{"round", "approve"}, {"round", "submit", "--round", "x"}} {
		if code, _, errw := ctl(t, admin, append([]string{"--db", db}, args...)...); code != 2 || errw == "" {
			t.Errorf("%v: %d %q", args, code, errw)
		}
	}
}

// TestRun_RoundSetDecide: the round's dates are set from the command line
// and an impossible order warned about; the office's own decision is
// recorded into the history, a ministry's award refused.
func TestRun_RoundSetDecide(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "60"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	code, _, errw := ctl(t, admin, "--db", db, "round", "set", "--round", "1", "--council-start", "8h", "--council-end", "11:30", "--submission-number", "17")
	if code != 0 || errw != "" {
		t.Fatalf("round set: %d %s", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "round", "set", "--round", "1", "--council-start", "25:00"); code != 2 || !strings.Contains(errw, "Giờ bắt đầu họp") {
		t.Errorf("a wrong time: %d %s", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "round", "set", "--round", "1", "--submission-date", "01/01/2025"); code != 0 || !strings.Contains(errw, "Cảnh báo: Tờ trình ngày 01/01/2025 trước ngày họp Hội đồng") {
		t.Errorf("a Tờ trình before the council: %d %s", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "round", "decide", "--round", "1", "--award", "BK_BO", "--number", "3", "--date", "10/02/2026"); code != 2 || !strings.Contains(errw, "Bộ trưởng Bộ Tài chính") {
		t.Errorf("decide a ministry's award: %d %s", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "round", "decide", "--round", "1", "--award", "CSTDCS", "--number", "12", "--date", "10/02/2026"); code != 2 || !strings.Contains(errw, "Lao động tiên tiến trước") {
		t.Errorf("CSTĐCS before LĐTT: %d %s", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "round", "decide", "--round", "1", "--award", "LDTT", "--number", "11", "--date", "10/02/2026"); code != 0 {
		t.Fatalf("decide LĐTT: %d %s", code, errw)
	}
	code, out, errw := ctl(t, admin, "--db", db, "round", "decide", "--round", "1", "--award", "CSTDCS", "--number", "12", "--date", "10/02/2026")
	if code != 0 || !strings.Contains(out, "Đã ghi Chiến sĩ thi đua cơ sở cho") || !strings.Contains(errw, "Cảnh báo") {
		t.Errorf("decide CSTĐCS: %d %s %s", code, out, errw)
	}
	for _, args := range [][]string{{"round", "decide", "--round", "1"}, {"round", "set"}, {"round", "decide", "--round", "1", "--award", "CSTDCS", "--date", "31/02/2026"}} {
		if code, _, errw := ctl(t, admin, append([]string{"--db", db}, args...)...); code != 2 || errw == "" {
			t.Errorf("%v: %d %q", args, code, errw)
		}
	}
}

// A creation that fails leaves no half-made database behind: the second
// try, with what was missing, succeeds.
func TestRun_FailedInitLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"central", "init", "--code", "BHXHVN", "--name", "Bảo hiểm xã hội Việt Nam"},
		{"init", "--unit-code", "HTI", "--unit-name", "Bảo hiểm xã hội tỉnh Hà Tĩnh"},
	} {
		db := filepath.Join(dir, args[0]+".db")
		// The first director's password is too short: refused after the
		// file was created.
		weak := map[string]string{"TDKT_USER": "gd.tw", "TDKT_PASSWORD": "ngan", "TDKT_PASSPHRASE": "trung-uong-2026"}
		if code, _, errw := ctl(t, weak, append([]string{"--db", db}, args...)...); code == 0 || errw == "" {
			t.Fatalf("%s with a weak password: %d %q", args[0], code, errw)
		}
		left, _ := filepath.Glob(filepath.Join(dir, "*"))
		if len(left) != 0 {
			t.Fatalf("%s failed and left %v", args[0], left)
		}
		good := map[string]string{"TDKT_USER": "gd.tw", "TDKT_PASSWORD": "mat-khau-2026", "TDKT_PASSPHRASE": "trung-uong-2026"}
		if code, _, errw := ctl(t, good, append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("%s again: %d %q", args[0], code, errw)
		}
		os.RemoveAll(dir)
		os.MkdirAll(dir, 0o755)
	}
}
