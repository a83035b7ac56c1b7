package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tdkt/internal/paths"
)

// officeBackup makes a database of profile p with one person at path and
// returns a backup of it.
func officeBackup(t *testing.T, path string, code, name string) string {
	t.Helper()
	s := openAt(t, path)
	p := office
	p.UnitCode, p.UnitName = code, name
	mustWrite(t, s, func(tx *Tx) error { return tx.SaveProfile(p) })
	createPerson(t, s, person(code+"001", "Lê Văn Cường", code))
	bak, err := s.AutoBackup(context.Background(), ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return bak
}

// olderOffice writes what officeBackup does the way a program from before
// the personal record wrote it, with plain SQL over the columns every
// schema since the first has, so a test can build a database an older
// migration left without the repository methods of today.
func olderOffice(t *testing.T, s *Store, code, name string) {
	t.Helper()
	mustWrite(t, s.As("chuyenvien1"), func(tx *Tx) error {
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`INSERT INTO office_profile(id, unit_code, unit_name, parent_name, place, director_name, director_position, deputies, doc_code)
				VALUES (1,?,?,?,?,?,?,'[]',?)`, []any{code, name, office.ParentName, office.Place, office.Director.Name, office.Director.Position, office.DocNumberCode}},
			{`INSERT INTO unit(code, name, kind) VALUES (?,?,'TINH')`, []any{code, name}},
			{`INSERT INTO person(staff_code, full_name, birth_date, gender, position, ethnicity, recruited_on)
				VALUES (?, 'Lê Văn Cường', '1985-05-20', 'NAM', 'Chuyên viên', 'Kinh', '2010-09-01')`, []any{code + "001"}},
			{`INSERT INTO assignment(person_id, unit_code, from_date, position)
				SELECT id, ?, '2010-09-01', 'Chuyên viên' FROM person WHERE staff_code = ?`, []any{code, code + "001"}},
		} {
			if _, err := tx.tx.ExecContext(tx.ctx, q.sql, q.args...); err != nil {
				return err
			}
		}
		return nil
	})
}

// tamper changes a backup with plain SQL, as another tool would.
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// A restore checks what it puts in place before touching anything:
// another office's data, the centre's for an office's, a newer program's
// and a broken journal are refused, the current database left as it was;
// the first two go through when accepted, and the restore is journaled.
func TestRestore_ChecksWhatItReplacesWith(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	mine := filepath.Join(dir, "tdkt.db")
	own := officeBackup(t, mine, "HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh")
	other := officeBackup(t, filepath.Join(dir, "khac.db"), "QNI", "Bảo hiểm xã hội tỉnh Quảng Ninh")
	if filepath.Dir(own) == filepath.Dir(other) {
		t.Fatalf("two databases share the backup folder %s", filepath.Dir(own))
	}
	if list, _ := ListBackups(DefaultBackupDir(mine)); len(list) != 1 || list[0].Path != own {
		t.Errorf("the backups of tdkt.db: %+v", list)
	}

	copyOf := func(src, name string) string {
		p := filepath.Join(dir, name)
		if err := copyFile(src, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	newer := copyOf(own, "moi-hon.db")
	tamper(t, newer, `INSERT INTO schema_migration(version, name, applied_at) VALUES (999, '0999_future.sql', '2030-01-01T00:00:00Z')`)
	central := copyOf(own, "trung-uong.db")
	tamper(t, central, `INSERT INTO setting(key, value) VALUES ('mode', 'central')`)
	broken := copyOf(own, "nhat-ky-hong.db")
	tamper(t, broken, `UPDATE audit SET actor='ai đó' WHERE id=(SELECT max(id) FROM audit)`)

	before, err := os.ReadFile(mine)
	if err != nil {
		t.Fatal(err)
	}
	now := fixedNow.Add(time.Hour)
	for _, c := range []struct {
		src, want string
	}{
		{newer, "phiên bản mới hơn"},
		{other, "Bảo hiểm xã hội tỉnh Quảng Ninh (QNI), không phải của Bảo hiểm xã hội tỉnh Hà Tĩnh (HTI)"},
		{central, "cơ sở dữ liệu Trung ương"},
		{broken, "nhật ký thay đổi của bản sao lưu không còn nguyên vẹn"},
	} {
		_, err := Restore(c.src, mine, DefaultBackupDir(mine), now, RestoreAccept{})
		if !errors.Is(err, ErrRestoreRefused) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want a refusal saying %q", filepath.Base(c.src), err, c.want)
		}
		if after, _ := os.ReadFile(mine); string(after) != string(before) {
			t.Fatalf("%s: a refused restore changed the database", filepath.Base(c.src))
		}
	}
	if list, _ := ListBackups(DefaultBackupDir(mine)); len(list) != 1 {
		t.Errorf("a refused restore took a backup: %+v", list)
	}

	// Accepted, another office's data goes in, and the journal says so.
	if _, err := Restore(other, mine, DefaultBackupDir(mine), now, RestoreAccept{OtherOffice: true}); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, mine)
	if p, _, _ := s.Profile(ctx); p.UnitCode != "QNI" {
		t.Errorf("restored office %q", p.UnitCode)
	}
	note, _ := s.Setting(ctx, settingLastRestore)
	if !strings.Contains(note, "khac.db") && !strings.Contains(note, filepath.Base(other)) || !strings.Contains(note, "đơn vị khác") {
		t.Errorf("restore note %q", note)
	}
	if c := verify(t, s); !c.OK {
		t.Errorf("journal after the restore: %+v", c)
	}
	// While this process has it open, no restore replaces it.
	if _, err := Restore(own, mine, DefaultBackupDir(mine), now, RestoreAccept{OtherOffice: true}); !errors.Is(err, paths.ErrInUse) {
		t.Errorf("restore under an open store: %v", err)
	}
}

// Relative paths name files from the working folder, not from the root.
func TestDescribeFile_RelativePath(t *testing.T) {
	dir := t.TempDir()
	bak := officeBackup(t, filepath.Join(dir, "tdkt.db"), "HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh")
	t.Chdir(filepath.Dir(bak))
	sum, err := DescribeFile(context.Background(), filepath.Base(bak))
	if err != nil {
		t.Fatal(err)
	}
	if sum.UnitCode != "HTI" || sum.People != 1 || !sum.Journal.OK || sum.Newer() {
		t.Errorf("summary %+v", sum)
	}
}

// What a killed restore, backup or export left is gone at the next start:
// the restore's copy at once, the others once a day old.
func TestOpen_SweepsStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "tdkt.db")
	s := openAt(t, db)
	s.Close()
	bdir := DefaultBackupDir(db)
	if err := os.MkdirAll(bdir, 0o755); err != nil {
		t.Fatal(err)
	}
	old := fixedNow.Add(-48 * time.Hour)
	files := map[string]bool{ // path → swept
		db + ".khoiphuc.tmp":                                           true,
		filepath.Join(dir, ".tdkt-123.tmp"):                            true,
		filepath.Join(bdir, ".tdkt-20250313-093000-thu-cong.db.tmp-7"): true,
		filepath.Join(bdir, ".tdkt-20250315-093000-thu-cong.db.tmp-8"): false, // a backup being written now
		filepath.Join(dir, "ghi-chu.tmp"):                              false, // not ours
	}
	for p, swept := range files {
		touch(t, p, 10)
		if swept || strings.Contains(p, "ghi-chu") {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		} else {
			if err := os.Chtimes(p, fixedNow, fixedNow); err != nil {
				t.Fatal(err)
			}
		}
	}
	openAt(t, db)
	for p, swept := range files {
		_, err := os.Stat(p)
		if gone := errors.Is(err, os.ErrNotExist); gone != swept {
			t.Errorf("%s: removed %v, want %v", filepath.Base(p), gone, swept)
		}
	}
}

// A database another program holds is busy, not damaged: the message says
// to wait, never to restore from a backup (which would lose recent work).
func TestOpen_BusyIsNotCorrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for SQLite's busy timeout")
	}
	path := filepath.Join(t.TempDir(), "tdkt.db")
	s := openAt(t, path)
	s.Close()
	other, err := sql.Open("sqlite", fileURI(path)+"?_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	if _, err := other.Exec(`INSERT INTO setting(key, value) VALUES ('giu', 'khoa')`); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, testOptions())
	if !errors.Is(err, ErrBusy) || errors.Is(err, ErrCorrupt) || strings.Contains(err.Error(), "khôi phục") {
		t.Fatalf("open of a held database: %v", err)
	}
}

// A backup from before an upgrade has the older program's journal format:
// it is restored (its chain checked), upgraded on the way in, and verifies
// afterwards.
func TestRestore_BackupFromAnOlderVersion(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	// The version before the journal hid secret values.
	const older = 11
	migrationsUpTo(t, older)
	olderDB := openAt(t, filepath.Join(dir, "cu.db"))
	olderOffice(t, olderDB, "HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh")
	old, err := olderDB.AutoBackup(ctx, ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	if err := olderDB.Close(); err != nil {
		t.Fatal(err)
	}
	// What the older program journaled for a password: the bare mark.
	db := rawDB(t, old)
	mustExec(t, db, `UPDATE audit SET after = json_set(after, '$.password_hash', '(ẩn)') WHERE tbl = 'account' AND after IS NOT NULL`)
	forgeChain(t, db)
	db.Close()
	migrationFiles = migrationFS

	mine := filepath.Join(dir, "tdkt.db")
	officeBackup(t, mine, "HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh")
	sum, err := DescribeFile(ctx, old)
	if err != nil || sum.Schema != older || !sum.Journal.OK {
		t.Fatalf("older backup: %+v, %v", sum, err)
	}
	if _, err := Restore(old, mine, DefaultBackupDir(mine), fixedNow.Add(time.Hour), RestoreAccept{}); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, mine)
	if v, _ := s.SchemaVersion(); v != latestVersion(all) {
		t.Errorf("restored at version %d, want %d", v, latestVersion(all))
	}
	if c := verify(t, s); !c.OK {
		t.Errorf("journal after restoring an older backup: %+v", c)
	}
}
