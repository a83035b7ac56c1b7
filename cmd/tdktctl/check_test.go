package main

import (
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// rawDB opens the database file as another SQLite program would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

func exec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// forgedEntry is an audit row as a forger reads it.
type forgedEntry struct {
	id                         int64
	tx, person, round, nominee sql.NullInt64
	at, actor, before, after   sql.NullString
	tbl, op, key               string
}

// sum is the journal's entry hash as the program's source defines it: what
// someone with the source code recomputes.
func (e forgedEntry) sum(prev string) string {
	h := sha256.New()
	var n [8]byte
	put := func(s string) {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	putNull := func(s string, valid bool) {
		if !valid {
			h.Write([]byte{0})
			return
		}
		h.Write([]byte{1})
		put(s)
	}
	put(prev)
	put(strconv.FormatInt(e.id, 10))
	putNull(strconv.FormatInt(e.tx.Int64, 10), e.tx.Valid)
	putNull(e.at.String, e.at.Valid)
	putNull(e.actor.String, e.actor.Valid)
	put(e.tbl)
	put(e.op)
	put(e.key)
	putNull(e.before.String, e.before.Valid)
	putNull(e.after.String, e.after.Valid)
	for _, v := range []sql.NullInt64{e.person, e.round, e.nominee} {
		putNull(strconv.FormatInt(v.Int64, 10), v.Valid)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// rewriteJournal deletes entry k, closes the gap and recomputes every hash
// and the head: a journal rewritten with the source code at hand.
func rewriteJournal(t *testing.T, db *sql.DB, k int64) {
	t.Helper()
	exec(t, db, `DELETE FROM audit WHERE id = ?`, k)
	var last int64
	if err := db.QueryRow(`SELECT max(id) FROM audit`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	for id := k + 1; id <= last; id++ {
		exec(t, db, `UPDATE audit SET id = ? WHERE id = ?`, id-1, id)
	}
	rows, err := db.Query(`SELECT id, tx, at, actor, tbl, op, row_key, before, after, person_id, round_id, nominee_id FROM audit ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var es []forgedEntry
	for rows.Next() {
		var e forgedEntry
		if err := rows.Scan(&e.id, &e.tx, &e.at, &e.actor, &e.tbl, &e.op, &e.key, &e.before, &e.after, &e.person, &e.round, &e.nominee); err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	rows.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	prev := ""
	for _, e := range es {
		h := e.sum(prev)
		if _, err := tx.Exec(`UPDATE audit SET prev = ?, hash = ? WHERE id = ?`, prev, h, e.id); err != nil {
			t.Fatal(err)
		}
		prev = h
	}
	if _, err := tx.Exec(`UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1`, es[len(es)-1].id, prev); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestCheck_AgainstFindsARewrittenJournal: a journal rewritten with every
// hash recomputed passes the plain check; the head in a package signed
// before, or in a backup taken before, finds it.
func TestCheck_AgainstFindsARewrittenJournal(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hti.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "40", "--seed", "1"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	pkgDir := filepath.Join(dir, "goi")
	if code, _, errw := ctl(t, with(admin, "TDKT_PASSPHRASE", "demo"), "--db", db, "export", "package", "--round", "1", "--out", pkgDir); code != 0 {
		t.Fatalf("export package: %d %s", code, errw)
	}
	pkg := onlyZip(t, pkgDir)
	bak := filepath.Join(dir, "truoc.db")
	if code, _, errw := ctl(t, admin, "--db", db, "backup", bak); code != 0 {
		t.Fatalf("backup: %d %s", code, errw)
	}
	for _, against := range []string{pkg, bak} {
		if code, out, errw := ctl(t, nil, "--db", db, "check", "--against", against); code != 0 || !strings.Contains(out, "còn nguyên tới mục số") {
			t.Fatalf("check --against %s before any forgery: %d %q %q", filepath.Base(against), code, out, errw)
		}
	}

	// The forger removes the first rating's entry.
	raw := rawDB(t, db)
	var k int64
	if err := raw.QueryRow(`SELECT min(id) FROM audit WHERE tbl = 'person_rating'`).Scan(&k); err != nil || k == 0 {
		t.Fatalf("no rating entry: %v", err)
	}
	rewriteJournal(t, raw, k)
	raw.Close()

	if code, out, errw := ctl(t, nil, "--db", db, "check"); code != 0 || !strings.Contains(out, "chuỗi băm nguyên vẹn") {
		t.Fatalf("the rewritten journal should pass the plain check: %d %q %q", code, out, errw)
	}
	code, _, errw := ctl(t, nil, "--db", db, "check", "--against", bak)
	if code != 1 || !strings.Contains(errw, "Nhật ký đã bị viết lại trước mốc của bản sao lưu truoc.db (mục số "+strconv.FormatInt(k, 10)+")") {
		t.Errorf("check --against the backup: exit %d, %q; want entry %d named", code, errw, k)
	}
	code, _, errw = ctl(t, nil, "--db", db, "check", "--against", pkg)
	if code != 1 || !strings.Contains(errw, "Nhật ký đã bị viết lại trước mốc của gói "+filepath.Base(pkg)) {
		t.Errorf("check --against the package: exit %d, %q", code, errw)
	}
	// A file that is no anchor is a usage error, not a verdict.
	if code, _, errw := ctl(t, nil, "--db", db, "check", "--against", filepath.Join(dir, "khong-co.zip")); code != 2 || errw == "" {
		t.Errorf("check --against a missing file: %d %q", code, errw)
	}
}

// TestCheck_ReportsAnAccountAddedOutsideTheProgram: a director added with
// SQL and the trigger's entry deleted leaves the chain whole; the check
// names the account.
func TestCheck_ReportsAnAccountAddedOutsideTheProgram(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "20"); code != 0 {
		t.Fatalf("demo: %s", errw)
	}
	raw := rawDB(t, db)
	exec(t, raw, `INSERT INTO account(username, full_name, role, password_hash, created_at, password_changed_at)
		SELECT 'ke.gian', 'Kẻ gian', 'GIAM_DOC', password_hash, created_at, created_at FROM account WHERE username = 'admin'`)
	exec(t, raw, `UPDATE account SET role = 'CHI_XEM' WHERE username = 'admin'`)
	exec(t, raw, `DELETE FROM audit WHERE hash IS NULL`)
	raw.Close()
	code, _, errw := ctl(t, nil, "--db", db, "check")
	for _, want := range []string{
		"tài khoản ke.gian có trong dữ liệu nhưng nhật ký không ghi việc thêm",
		"tài khoản admin: vai trò trong dữ liệu là Chỉ xem, nhật ký ghi Giám đốc",
		"tài khoản admin và tài khoản ke.gian có cùng mật khẩu đã băm",
	} {
		if code != 1 || !strings.Contains(errw, want) {
			t.Errorf("check: exit %d, %q; want %q", code, errw, want)
		}
	}
}
