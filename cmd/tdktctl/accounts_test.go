package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/store"
)

func TestRun_CommandsLogInAndTheServiceChecksTheRole(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, out, errw := ctl(t, nil, "--db", db, "demo", "--staff", "40"); code != 0 || !strings.Contains(out, "admin") {
		t.Fatalf("demo without an account: %d %q %s", code, out, errw)
	}
	roundCreate := []string{"--db", db, "round", "create", "--year", "2024", "--kind", "dot-xuat"}
	// No account, no terminal: exit 2 naming the variable.
	if code, _, errw := ctl(t, nil, roundCreate...); code != 2 || !strings.Contains(errw, "TDKT_USER") {
		t.Fatalf("write without an account: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, map[string]string{"TDKT_USER": "admin"}, roundCreate...); code != 2 || !strings.Contains(errw, "TDKT_PASSWORD") {
		t.Fatalf("write without a password: %d %q", code, errw)
	}
	// Reads need an account too; check does not.
	if code, _, errw := ctl(t, nil, "--db", db, "round", "list"); code != 2 || !strings.Contains(errw, "TDKT_USER") {
		t.Fatalf("read without an account: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, nil, "--db", db, "check"); code != 0 {
		t.Fatalf("check: %d %q", code, errw)
	}
	// A wrong password and a wrong name get the same Vietnamese sentence.
	_, _, e1 := ctl(t, with(admin, "TDKT_PASSWORD", "sai"), roundCreate...)
	code, _, e2 := ctl(t, with(admin, "TDKT_USER", "khong.co"), roundCreate...)
	if code != 2 || e1 != e2 || !strings.Contains(e1, "Tên đăng nhập hoặc mật khẩu không đúng") {
		t.Fatalf("wrong login: %d %q / %q", code, e1, e2)
	}

	// The director creates a clerk and a viewer.
	for _, a := range [][]string{{"cv.lan", "Lê Thị Lan", "chuyen-vien"}, {"xem.an", "Trần Văn An", "chi-xem"}} {
		code, out, errw := ctl(t, with(admin, "TDKT_NEW_PASSWORD", "mat-khau-"+a[0]), "--db", db, "account", "create", "--username", a[0], "--full-name", a[1], "--role", a[2])
		if code != 0 || !strings.Contains(out, a[0]) {
			t.Fatalf("account create %s: %d %q %s", a[0], code, out, errw)
		}
	}
	clerk := map[string]string{"TDKT_USER": "cv.lan", "TDKT_PASSWORD": "mat-khau-cv.lan"}
	viewer := map[string]string{"TDKT_USER": "xem.an", "TDKT_PASSWORD": "mat-khau-xem.an"}
	if code, _, errw := ctl(t, viewer, roundCreate...); code != 2 || !strings.Contains(errw, "Chỉ xem") {
		t.Fatalf("a viewer created a round: %d %q", code, errw)
	}
	if code, out, errw := ctl(t, viewer, "--db", db, "round", "list", "--json"); code != 0 || !strings.Contains(out, `"status"`) {
		t.Fatalf("a viewer lists the rounds: %d %s", code, errw)
	}
	if code, _, errw := ctl(t, viewer, "--db", db, "backup", filepath.Join(t.TempDir(), "b.db")); code != 2 || !strings.Contains(errw, "sao lưu") {
		t.Fatalf("a viewer made a backup: %d %q", code, errw)
	}
	if code, out, errw := ctl(t, clerk, roundCreate...); code != 0 || strings.TrimSpace(out) != "2" {
		t.Fatalf("a clerk creates a round: %d %q %s", code, out, errw)
	}
	if code, _, errw := ctl(t, clerk, "--db", db, "account", "list"); code != 2 || !strings.Contains(errw, "Giám đốc") {
		t.Fatalf("a clerk lists the accounts: %d %q", code, errw)
	}
	bak := filepath.Join(t.TempDir(), "b.db")
	if code, _, errw := ctl(t, clerk, "--db", db, "backup", bak); code != 0 {
		t.Fatalf("a clerk makes a backup: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, clerk, "--db", db, "restore", bak); code != 2 || !strings.Contains(errw, "Giám đốc") {
		t.Fatalf("a clerk restored: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "demo"); code != 2 || !strings.Contains(errw, "trống") {
		t.Fatalf("demo on a filled database: %d %q", code, errw)
	}
}

func TestRun_AccountCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "40"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	create := []string{"--db", db, "account", "create", "--username", "CV.Lan", "--full-name", "Lê Thị Lan", "--role", "chuyen-vien"}
	if code, _, errw := ctl(t, with(admin, "TDKT_NEW_PASSWORD", "ngan"), create...); code != 2 || !strings.Contains(errw, "Mật khẩu") {
		t.Fatalf("short password: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, admin, create...); code != 2 || !strings.Contains(errw, "TDKT_NEW_PASSWORD") {
		t.Fatalf("no new password: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, with(admin, "TDKT_NEW_PASSWORD", "mat-khau-lan"), "--db", db, "account", "create", "--username", "x1", "--full-name", "X", "--role", "admin"); code != 2 || !strings.Contains(errw, "giam-doc") {
		t.Fatalf("unknown role: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, with(admin, "TDKT_NEW_PASSWORD", "mat-khau-lan"), create...); code != 0 {
		t.Fatalf("create: %d %q", code, errw)
	}
	list := func() []accountJSON {
		t.Helper()
		code, out, errw := ctl(t, admin, "--db", db, "account", "list", "--json")
		if code != 0 {
			t.Fatalf("list: %d %s", code, errw)
		}
		var as []accountJSON
		if err := json.Unmarshal([]byte(out), &as); err != nil {
			t.Fatalf("json: %v\n%s", err, out)
		}
		return as
	}
	as := list()
	if len(as) != 2 || as[0].Username != "admin" || as[0].Role != "giam-doc" || as[1].Username != "cv.lan" || as[1].FullName != "Lê Thị Lan" || as[1].Role != "chuyen-vien" {
		t.Fatalf("accounts: %+v", as)
	}
	lan := map[string]string{"TDKT_USER": "cv.lan", "TDKT_PASSWORD": "mat-khau-lan"}
	if code, _, errw := ctl(t, with(lan, "TDKT_NEW_PASSWORD", "mat-khau-moi-cua-lan"), "--db", db, "account", "passwd"); code != 0 {
		t.Fatalf("passwd: %d %q", code, errw)
	}
	lan["TDKT_PASSWORD"] = "mat-khau-moi-cua-lan"
	if code, _, errw := ctl(t, lan, "--db", db, "round", "list"); code != 0 {
		t.Fatalf("login with the new password: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "account", "disable", "--username", "cv.lan"); code != 0 {
		t.Fatalf("disable: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, lan, "--db", db, "round", "list"); code != 2 || !strings.Contains(errw, "ngừng sử dụng") {
		t.Fatalf("disabled account: %d %q", code, errw)
	}
	if list()[1].Disabled != true {
		t.Error("list does not show the disabled account")
	}
	if code, _, errw := ctl(t, admin, "--db", db, "account", "enable", "--username", "cv.lan"); code != 0 {
		t.Fatalf("enable: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, admin, "--db", db, "account", "role", "--username", "cv.lan", "--role", "chi-xem"); code != 0 {
		t.Fatalf("role: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, lan, "--db", db, "round", "create", "--year", "2024"); code != 2 || !strings.Contains(errw, "Chỉ xem") {
		t.Fatalf("demoted account created a round: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, with(admin, "TDKT_NEW_PASSWORD", "dat-lai-cho-lan"), "--db", db, "account", "reset", "--username", "cv.lan"); code != 0 {
		t.Fatalf("reset: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, with(lan, "TDKT_PASSWORD", "dat-lai-cho-lan"), "--db", db, "round", "list"); code != 0 {
		t.Fatalf("login after reset: %d %q", code, errw)
	}
	// The only director cannot step down.
	if code, _, errw := ctl(t, admin, "--db", db, "account", "role", "--username", "admin", "--role", "chuyen-vien"); code != 2 || !strings.Contains(errw, "Giám đốc duy nhất") {
		t.Fatalf("last director demoted: %d %q", code, errw)
	}
	for _, args := range [][]string{
		{"account"}, {"account", "frob"}, {"account", "create", "--username", "x"}, {"account", "disable"},
		{"account", "disable", "--username", "khong.co"}, {"account", "admin"},
	} {
		if code, _, errw := ctl(t, admin, append([]string{"--db", db}, args...)...); code != 2 || errw == "" {
			t.Errorf("%v: %d %q", args, code, errw)
		}
	}
}

// A database made before accounts existed has an office and no account:
// every command says how to create its first director, and account admin
// does it once.
func TestRun_AccountAdminOnADatabaseWithoutAccounts(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "cu.db")
	st, err := store.Open(db, store.Options{Now: fixed})
	if err != nil {
		t.Fatal(err)
	}
	if err := service.New(st, fixed).SaveProfile(ctx, domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if code, _, errw := ctl(t, director, "--db", db, "round", "list"); code != 2 || !strings.Contains(errw, "account admin") {
		t.Fatalf("no account yet: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, nil, "--db", db, "account", "admin"); code != 2 || !strings.Contains(errw, "TDKT_USER") {
		t.Fatalf("account admin without a name: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, director, "--db", db, "account", "admin", "--full-name", "Nguyễn Văn Hùng"); code != 0 || !strings.Contains(errw, "Nguyễn Văn Hùng") {
		t.Fatalf("account admin: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, director, "--db", db, "round", "list"); code != 0 {
		t.Fatalf("after account admin: %d %q", code, errw)
	}
	if code, _, errw := ctl(t, with(director, "TDKT_USER", "nguoi.khac"), "--db", db, "account", "admin"); code != 2 || !strings.Contains(errw, "đã có tài khoản") {
		t.Fatalf("second account admin: %d %q", code, errw)
	}
	// The office keeps its data: init with the director's login only updates it.
	if code, _, errw := ctl(t, director, "--db", db, "init", "--unit-code", "HTI", "--unit-name", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "--place", "Hà Tĩnh"); code != 0 {
		t.Fatalf("init on the old database: %d %q", code, errw)
	}
}
