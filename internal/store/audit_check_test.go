package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"tdkt/internal/domain"
)

// accountsFixture is tamperFixture with two accounts: gd.a a viewer (the
// account someone promotes outside the program) and cv.b a clerk, each
// with its own password hash.
func accountsFixture(t *testing.T) (*Store, *sql.DB) {
	t.Helper()
	s, db, _ := tamperFixture(t)
	mustWrite(t, s.As("giamdoc"), func(tx *Tx) error {
		if _, err := tx.CreateAccount(domain.Account{Username: "gd.a", FullName: "Nguyễn Văn A", Role: domain.RoleViewer}, testHash+"a"); err != nil {
			return err
		}
		_, err := tx.CreateAccount(domain.Account{Username: "cv.b", FullName: "Trần Thị B", Role: domain.RoleClerk}, testHash+"b")
		return err
	})
	mustVerify(t, s)
	return s, db
}

// wantProblem fails unless the check failed and one of its problems
// contains every one of words.
func wantProblem(t *testing.T, c JournalCheck, words ...string) {
	t.Helper()
	if c.OK {
		t.Fatalf("check passed: %+v; want a problem saying %q", c, words)
	}
	for _, p := range c.Problems {
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(p, w)
		}
		if ok {
			return
		}
	}
	t.Fatalf("no problem says %q; problems:\n%s", words, strings.Join(c.Problems, "\n"))
}

func TestJournalCheck_FreshDatabaseAccountsForItsCatalogue(t *testing.T) {
	s := openTest(t)
	mustVerify(t, s)
	// The default catalogue the migrations seed is in the journal, under
	// the system, with the note saying why.
	if n := countRows(t, s.write, `SELECT count(*) FROM audit WHERE tbl = 'catalogue_param' AND op = 'INSERT' AND actor = 'hệ thống'`); n == 0 {
		t.Error("the seeded parameters are not in the journal")
	}
	var detail string
	if err := s.write.QueryRow(`SELECT detail FROM journal_note WHERE kind = 'install'`).Scan(&detail); err != nil || !strings.Contains(detail, "tham số danh mục") {
		t.Errorf("install note %q %v", detail, err)
	}
}

// (a) A role changed with plain SQL, and the unchained entry the trigger
// wrote deleted: the chain verifies, the account does not.
func TestJournalCheck_RoleChangedOutsideWithItsEntryDeleted(t *testing.T) {
	s, db := accountsFixture(t)
	mustExec(t, db, `UPDATE account SET role = 'GIAM_DOC' WHERE username = 'gd.a'`)
	mustExec(t, db, `DELETE FROM audit WHERE hash IS NULL`)
	c := verify(t, s)
	wantProblem(t, c, "tài khoản gd.a: vai trò trong dữ liệu là Giám đốc, nhật ký ghi Chỉ xem")
	if c.FirstBroken != 0 {
		t.Errorf("the chain itself is whole, yet FirstBroken = %d", c.FirstBroken)
	}
	var id int64
	if err := db.QueryRow(`SELECT id FROM account WHERE username = 'gd.a'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if p, err := s.AccountProblem(context.Background(), id); err != nil || !strings.Contains(p, "vai trò trong dữ liệu là Giám đốc") {
		t.Errorf("AccountProblem = %q, %v", p, err)
	}
	// Put back through the program by a director, the account agrees with
	// its journal again; the journal keeps the gap for good.
	mustWrite(t, s.As("giamdoc"), func(tx *Tx) error {
		a, _, _, err := tx.AccountByName("gd.a")
		if err != nil {
			return err
		}
		a.Role = domain.RoleViewer
		return tx.UpdateAccount(a)
	})
	c = verify(t, s)
	wantProblem(t, c, "tài khoản gd.a đã bị sửa bằng một chương trình khác giữa mục nhật ký số", "vai trò sau mục số", "là Chỉ xem", "là Giám đốc")
	if len(c.Problems) != 1 {
		t.Errorf("problems after the repair: %q", c.Problems)
	}
	if p, err := s.AccountProblem(context.Background(), id); err != nil || p != "" {
		t.Errorf("AccountProblem after the director's repair = %q, %v", p, err)
	}
}

// (b) A dropped trigger: the update leaves no entry at all. The check
// names the trigger while it is missing; Open puts it back and keeps a
// tamper note that the check keeps reporting.
func TestJournalCheck_DroppedTrigger(t *testing.T) {
	s, db := accountsFixture(t)
	mustExec(t, db, `DROP TRIGGER audit_account_update`)
	mustExec(t, db, `UPDATE account SET role = 'GIAM_DOC' WHERE username = 'gd.a'`)
	mustExec(t, db, `DROP TRIGGER audit_person_update`)
	mustExec(t, db, `UPDATE person SET full_name = 'Người Khác' WHERE staff_code = 'CB001'`)
	if n := countRows(t, db, `SELECT count(*) FROM audit WHERE hash IS NULL`); n != 0 {
		t.Fatalf("%d entries written without the triggers", n)
	}
	c := verify(t, s)
	wantProblem(t, c, "audit_account_update", "đã bị xoá", "sửa bảng tài khoản")
	wantProblem(t, c, "audit_person_update")
	wantProblem(t, c, "tài khoản gd.a: vai trò trong dữ liệu là Giám đốc")

	path := s.Path()
	db.Close()
	s.Close()
	s = openAt(t, path)
	if n := countRows(t, s.write, `SELECT count(*) FROM sqlite_master WHERE name IN ('audit_account_update', 'audit_person_update')`); n != 2 {
		t.Fatalf("Open did not put the triggers back (%d)", n)
	}
	c = verify(t, s)
	wantProblem(t, c, "bộ ghi nhật ký audit_person_update (ghi việc sửa bảng cán bộ) đã bị xoá")
	wantProblem(t, c, "audit_account_update")
	wantProblem(t, c, "tài khoản gd.a: vai trò")
	// The note is in the journal like any record: deleting it is seen.
	rdb := rawDB(t, path)
	mustExec(t, rdb, `DROP TRIGGER audit_journal_note_delete`)
	mustExec(t, rdb, `DELETE FROM journal_note WHERE kind = 'tamper'`)
	mustExec(t, rdb, `CREATE TRIGGER audit_journal_note_delete AFTER DELETE ON journal_note BEGIN SELECT 1; END`)
	c = verify(t, s)
	wantProblem(t, c, "ghi chú về nhật ký", "không còn trong dữ liệu")
	wantProblem(t, c, "audit_journal_note_delete", "đã bị sửa")
}

// (c) A password hash copied from one account to another by SQL.
func TestJournalCheck_PasswordHashCopied(t *testing.T) {
	s, db := accountsFixture(t)
	mustExec(t, db, `UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE username = 'gd.a') WHERE username = 'cv.b'`)
	mustExec(t, db, `DELETE FROM audit WHERE hash IS NULL`)
	c := verify(t, s)
	wantProblem(t, c, "tài khoản cv.b: mật khẩu trong dữ liệu khác với nhật ký ghi")
	wantProblem(t, c, "tài khoản gd.a và tài khoản cv.b có cùng mật khẩu đã băm")
	for _, p := range c.Problems {
		if strings.Contains(p, "argon2") {
			t.Errorf("a problem shows a password hash: %s", p)
		}
	}
}

func TestJournalCheck_RecordsAddedOrDeletedOutside(t *testing.T) {
	s, db := accountsFixture(t)
	mustExec(t, db, `INSERT INTO account(username, full_name, role, password_hash, created_at, password_changed_at)
		VALUES ('ke.gian', 'Kẻ gian', 'GIAM_DOC', '$argon2id$x', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`)
	mustExec(t, db, `DELETE FROM account WHERE username = 'cv.b'`)
	mustExec(t, db, `UPDATE catalogue_param SET value = '99' WHERE key = 'bk_bo.years'`)
	mustExec(t, db, `DELETE FROM audit WHERE hash IS NULL`)
	c := verify(t, s)
	wantProblem(t, c, "tài khoản ke.gian có trong dữ liệu nhưng nhật ký không ghi việc thêm")
	wantProblem(t, c, "tài khoản cv.b không còn trong dữ liệu")
	wantProblem(t, c, "tham số danh mục bk_bo.years", "giá trị trong dữ liệu là 99")
}

// forgeChain recomputes every hash and the head, as someone with the
// source code would after rewriting entries.
func forgeChain(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query(`SELECT ` + rawColumns + ` FROM audit ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var es []rawEntry
	for rows.Next() {
		var e rawEntry
		if err := rows.Scan(e.scanTo()...); err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	rows.Close()
	prev := ""
	for _, e := range es {
		h := e.sum(prev)
		mustExec(t, db, `UPDATE audit SET prev = ?, hash = ? WHERE id = ?`, prev, h, e.id)
		prev = h
	}
	mustExec(t, db, `UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1`, es[len(es)-1].id, prev)
}

// deleteAndRenumber removes entry k and closes the gap.
func deleteAndRenumber(t *testing.T, db *sql.DB, k int64) {
	t.Helper()
	mustExec(t, db, `DELETE FROM audit WHERE id = ?`, k)
	last := countRows(t, db, `SELECT max(id) FROM audit`)
	for id := k + 1; id <= int64(last); id++ {
		mustExec(t, db, `UPDATE audit SET id = ? WHERE id = ?`, id-1, id)
	}
}

// (d) The chain recomputed after deleting or editing entries verifies on
// its own; a backup taken before, or a package's anchor, finds it.
func TestJournalAnchor_FindsARecomputedChain(t *testing.T) {
	ctx := context.Background()
	for _, sc := range []struct {
		name   string
		forge  func(t *testing.T, db *sql.DB) int64 // returns the entry to be named
		phrase string
	}{
		{"entry deleted, ids closed up", func(t *testing.T, db *sql.DB) int64 {
			k := entryOf(t, db, "person_rating", "INSERT")
			deleteAndRenumber(t, db, k)
			return k
		}, "mục số"},
		{"entry edited", func(t *testing.T, db *sql.DB) int64 {
			k := entryOf(t, db, "person_rating", "INSERT")
			mustExec(t, db, `UPDATE audit SET actor = 'giamdoc' WHERE id = ?`, k)
			return k
		}, "khác với mục cùng số"},
	} {
		t.Run(sc.name, func(t *testing.T) {
			s, db, _ := tamperFixture(t)
			backup := filepath.Join(t.TempDir(), "truoc.db")
			if err := s.Backup(ctx, backup); err != nil {
				t.Fatal(err)
			}
			anchor, err := s.JournalHead(ctx)
			if err != nil || anchor.ID == 0 || anchor.Hash == "" {
				t.Fatalf("head %+v %v", anchor, err)
			}
			mustWrite(t, s.As("chuyenvien1"), func(tx *Tx) error { return tx.SetSetting("k3", "v") })
			// Untouched, the journal holds both anchors.
			if _, p, err := s.CheckAgainstBackup(ctx, backup, "bản sao lưu"); err != nil || p != "" {
				t.Fatalf("against the backup before forging: %q %v", p, err)
			}
			if p, err := s.CheckAnchor(ctx, anchor, "gói"); err != nil || p != "" {
				t.Fatalf("against the anchor before forging: %q %v", p, err)
			}

			want := sc.forge(t, db)
			forgeChain(t, db)
			mustVerify(t, s) // the forgery holds on its own

			_, p, err := s.CheckAgainstBackup(ctx, backup, "bản sao lưu truoc.db")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(p, "Nhật ký đã bị viết lại trước mốc của bản sao lưu truoc.db") || !strings.Contains(p, "(mục số "+strconv.FormatInt(want, 10)+")") || !strings.Contains(p, sc.phrase) {
				t.Errorf("against the backup: %q; want entry %d named", p, want)
			}
			p, err = s.CheckAnchor(ctx, anchor, "gói X.zip")
			if err != nil || !strings.Contains(p, "Nhật ký đã bị viết lại trước mốc của gói X.zip") {
				t.Errorf("against the anchor: %q %v", p, err)
			}
		})
	}
}

// migrationsUpTo makes Open apply only the migrations up to version v, as
// an older program would.
func migrationsUpTo(t *testing.T, v int) {
	t.Helper()
	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, mg := range all[:v] {
		b, err := fs.ReadFile(migrationFS, "migrations/"+mg.name)
		if err != nil {
			t.Fatal(err)
		}
		m["migrations/"+mg.name] = &fstest.MapFile{Data: b}
	}
	old := migrationFiles
	migrationFiles = m
	t.Cleanup(func() { migrationFiles = old })
}

// An office's journal from before this version holds its sealed keys
// (before and after a passphrase change). The upgrade hides them, records
// that it did, and the journal still verifies, also against the backup
// taken before the upgrade.
func TestJournalSecrets_UpgradeHidesSealedKeys(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "tdkt.db")
	migrationsUpTo(t, 11)
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	const oldKey, newKey = "SEALED-WITH-DEMO-PASSPHRASE", "SEALED-WITH-NEW-PASSPHRASE"
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("sign.sealed", oldKey) })
	mustWrite(t, s.As("chuyenvien1"), func(tx *Tx) error { return tx.SetSetting("language", "vi") })
	mustWrite(t, s.As("giamdoc"), func(tx *Tx) error { return tx.SetSetting("sign.sealed", newKey) })
	mustWrite(t, s.As("chuyenvien1"), func(tx *Tx) error { return tx.SetSetting("language", "en") })
	var accountID int64
	mustWrite(t, s.As("giamdoc"), func(tx *Tx) error {
		var err error
		accountID, err = tx.CreateAccount(domain.Account{Username: "gd.a", FullName: "Nguyễn Văn A", Role: domain.RoleDirector}, testHash)
		return err
	})
	mustWrite(t, s.As("gd.a"), func(tx *Tx) error { return tx.SetPassword(accountID, testHash+"2") })
	s.Close()
	// What the older program wrote: the values themselves, chained.
	db := rawDB(t, path)
	mustExec(t, db, `UPDATE audit SET after = json_set(after, '$.value', CASE WHEN op = 'INSERT' THEN ? ELSE ? END) WHERE tbl = 'setting' AND row_key = '{"key":"sign.sealed"}'`, oldKey, newKey)
	mustExec(t, db, `UPDATE audit SET before = json_set(before, '$.value', ?) WHERE tbl = 'setting' AND op = 'UPDATE' AND row_key = '{"key":"sign.sealed"}'`, oldKey)
	// Password hashes were the bare mark, their value unknown.
	mustExec(t, db, `UPDATE audit SET before = json_set(before, '$.password_hash', '(ẩn)') WHERE tbl = 'account' AND before IS NOT NULL`)
	mustExec(t, db, `UPDATE audit SET after = json_set(after, '$.password_hash', '(ẩn)') WHERE tbl = 'account' AND after IS NOT NULL`)
	forgeChain(t, db)
	if n := countRows(t, db, `SELECT count(*) FROM audit WHERE instr(ifnull(before, '') || ifnull(after, ''), ?) > 0`, oldKey); n != 2 {
		t.Fatalf("the old journal holds the old key in %d entries", n)
	}
	db.Close()

	migrationFiles = migrationFS
	s = openAt(t, path)
	for _, k := range []string{oldKey, newKey} {
		if n := countRows(t, s.write, `SELECT count(*) FROM audit WHERE instr(ifnull(before, '') || ifnull(after, ''), ?) > 0`, k); n != 0 {
			t.Errorf("%d journal entries still hold %s", n, k)
		}
	}
	mustVerify(t, s)
	if p, err := s.AccountProblem(ctx, accountID); err != nil || p != "" {
		t.Errorf("AccountProblem after the upgrade: %q %v", p, err)
	}
	// The upgrade recorded the password's fingerprint, which the older
	// journal did not know.
	acc := journal(t, s, JournalFilter{Table: "account"})
	if last := acc[len(acc)-1]; last.Actor != systemActor || last.Before["password_hash"] != secretMark || last.After["password_hash"] != fingerprintMark([]byte(testHash+"2")) {
		t.Errorf("account entries after the upgrade: %+v", acc)
	}
	es := journal(t, s, JournalFilter{Table: "setting", Key: `{"key":"sign.sealed"}`})
	if len(es) != 2 || es[1].Before["value"] != fingerprintMark([]byte(oldKey)) || es[1].After["value"] != fingerprintMark([]byte(newKey)) {
		t.Errorf("sealed key entries: %+v", es)
	}
	var detail string
	if err := s.write.QueryRow(`SELECT detail FROM journal_note WHERE kind = 'redact'`).Scan(&detail); err != nil || !strings.Contains(detail, "2 mục") {
		t.Errorf("redact note %q %v", detail, err)
	}
	// The backup Open made before migrating still anchors the journal.
	var backups []string
	_ = filepath.WalkDir(filepath.Join(dir, "backups"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".db") {
			backups = append(backups, p)
		}
		return nil
	})
	if len(backups) != 1 {
		t.Fatalf("backups before the upgrade: %v", backups)
	}
	if _, p, err := s.CheckAgainstBackup(ctx, backups[0], "bản sao lưu"); err != nil || p != "" {
		t.Errorf("against the backup from before the upgrade: %q %v", p, err)
	}
}

// A change of the sealed key shows as a change of fingerprint; the values
// never reach the journal.
func TestJournalSecrets_SealedKeysAreFingerprinted(t *testing.T) {
	s := openTest(t)
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("sign.sealed", "K1") })
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("sign.sealed", "K2") })
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("age.sealed", "K3") })
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("sign.public", "PUB") })
	es := journal(t, s, JournalFilter{Table: "setting"})
	if len(es) != 4 {
		t.Fatalf("entries %+v", es)
	}
	if es[1].Before["value"] != fingerprintMark([]byte("K1")) || es[1].After["value"] != fingerprintMark([]byte("K2")) ||
		es[2].After["value"] != fingerprintMark([]byte("K3")) || es[3].After["value"] != "PUB" {
		t.Errorf("entries %+v", es)
	}
	if n := countRows(t, s.write, `SELECT count(*) FROM audit WHERE instr(ifnull(before, '') || ifnull(after, ''), 'K1') > 0`); n != 0 {
		t.Errorf("%d entries hold a sealed key", n)
	}
	mustVerify(t, s)
	// The sealed key changed outside the program is reported by its
	// fingerprint.
	db := rawDB(t, s.Path())
	mustExec(t, db, `UPDATE setting SET value = 'K9' WHERE key = 'sign.sealed'`)
	mustExec(t, db, `DELETE FROM audit WHERE hash IS NULL`)
	wantProblem(t, verify(t, s), "cài đặt sign.sealed: giá trị trong dữ liệu khác với nhật ký ghi")
}

// A role given outside the program (trigger dropped, then put back as it
// was) and then carried on through the program: the last entry agrees with
// the record, but its before values do not follow from the entry before.
func TestJournalCheck_ChangeCarriedOnThroughTheProgram(t *testing.T) {
	ctx := context.Background()
	s, db := accountsFixture(t)
	var ddl string
	if err := db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'audit_account_update'`).Scan(&ddl); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db, `DROP TRIGGER audit_account_update`)
	mustExec(t, db, `UPDATE account SET role = 'GIAM_DOC' WHERE username = 'gd.a'`)
	mustExec(t, db, ddl)
	var id int64
	mustWrite(t, s.As("gd.a"), func(tx *Tx) error {
		a, _, _, err := tx.AccountByName("gd.a")
		if err != nil {
			return err
		}
		id = a.ID
		a.FullName = "Nguyễn Văn A (mới)"
		return tx.UpdateAccount(a)
	})
	c := verify(t, s)
	wantProblem(t, c, "tài khoản gd.a đã bị sửa bằng một chương trình khác giữa mục nhật ký số", "vai trò sau mục số", "là Chỉ xem", "là Giám đốc")
	if p, err := s.AccountProblem(ctx, id); err != nil || !strings.Contains(p, "tài khoản gd.a đã bị sửa") {
		t.Errorf("AccountProblem(gd.a) = %q, %v", p, err)
	}
	var other int64
	if err := db.QueryRow(`SELECT id FROM account WHERE username = 'cv.b'`).Scan(&other); err != nil {
		t.Fatal(err)
	}
	if p, err := s.AccountProblem(ctx, other); err != nil || p != "" {
		t.Errorf("AccountProblem(cv.b) = %q, %v; want none", p, err)
	}
}
