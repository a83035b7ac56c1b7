package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

// fixedNow is the clock of every test store, so that backup names and
// default move dates are deterministic.
var fixedNow = time.Date(2025, time.March, 15, 9, 30, 0, 0, time.UTC)

func testOptions() Options { return Options{Now: func() time.Time { return fixedNow }} }

// openAt opens (creating) the store at path and closes it when the test ends.
func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		// A store broken by a failing test must not hang the whole run.
		done := make(chan struct{})
		go func() { _ = s.Close(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Error("Close did not return")
		}
	})
	return s
}

// openTest opens a fresh store in a temporary folder.
func openTest(t *testing.T) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "tdkt.db"))
}

// mustWrite runs fn in a write transaction and fails the test on error.
func mustWrite(t *testing.T, s *Store, fn func(tx *Tx) error) {
	t.Helper()
	if err := s.Write(context.Background(), fn); err != nil {
		t.Fatalf("Write: %v", err)
	}
}

// writeWithin is Write for code that might loop forever when broken: it
// fails the test instead of hanging the run.
func writeWithin(t *testing.T, s *Store, d time.Duration, fn func(tx *Tx) error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- s.Write(context.Background(), fn) }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("write did not finish within %v", d)
		return nil
	}
}

// rawDB opens one connection to path outside any Store, for checks on
// files (backups) that must not go through Open.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func countRows(t *testing.T, q interface {
	QueryRow(string, ...any) *sql.Row
}, query string, args ...any,
) int {
	t.Helper()
	var n int
	if err := q.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// office is the profile most tests start from.
var office = domain.OfficeProfile{
	UnitCode:      "42",
	UnitName:      "Bảo hiểm xã hội tỉnh Hà Tĩnh",
	ParentName:    "Bảo hiểm xã hội Việt Nam",
	Place:         "Hà Tĩnh",
	Director:      domain.Signer{Name: "Nguyễn Văn An", Position: "Giám đốc"},
	Deputies:      []domain.Signer{{Name: "Trần Thị Bình", Position: "Phó Giám đốc"}},
	DocNumberCode: "BHXH",
}

// seedOffice creates the office, two departments and returns the store.
func seedOffice(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	mustWrite(t, s, func(tx *Tx) error {
		if err := tx.SaveProfile(office); err != nil {
			return err
		}
		for _, u := range []domain.Unit{
			{Code: "42.TCHC", Name: "Phòng Tổ chức - Hành chính", ParentCode: "42", Kind: domain.UnitDepartment},
			{Code: "42.KHTC", Name: "Phòng Kế hoạch - Tài chính", ParentCode: "42", Kind: domain.UnitDepartment},
		} {
			if _, err := tx.SaveUnit(u); err != nil {
				return err
			}
		}
		return nil
	})
	return s
}

func TestStore_OpenMigratesAndSeedsCatalogue(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)

	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("no embedded migrations")
	}
	v, err := s.SchemaVersion()
	if err != nil {
		t.Fatal(err)
	}
	if v != latestVersion(all) {
		t.Errorf("SchemaVersion = %d, want %d (the latest embedded migration)", v, latestVersion(all))
	}

	got, err := s.Catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := rules.DefaultCatalogue()
	if !reflect.DeepEqual(got.Regimes, want.Regimes) {
		t.Errorf("regimes:\n got %+v\nwant %+v", got.Regimes, want.Regimes)
	}
	if !reflect.DeepEqual(got.Awards, want.Awards) {
		t.Errorf("award types:\n got %+v\nwant %+v", got.Awards, want.Awards)
	}
	if g, w := sortedParams(got.Params), sortedParams(want.Params); !reflect.DeepEqual(g, w) {
		t.Errorf("params:\n got %+v\nwant %+v", g, w)
	}
}

func sortedParams(ps []rules.Param) []rules.Param {
	out := append([]rules.Param(nil), ps...)
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		if a.Regime != b.Regime {
			return a.Regime < b.Regime
		}
		return a.Value < b.Value
	})
	return out
}

func TestStore_ReopenDoesNotReseed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tdkt.db")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	// An administrator's edit must survive re-opening: the seed runs once.
	params, err := s.Params(ctx)
	if err != nil {
		t.Fatal(err)
	}
	edited := params[0]
	edited.Value = "edited"
	mustWrite(t, s, func(tx *Tx) error {
		_, err := tx.SaveParam(edited.ID, edited.Param)
		return err
	})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	for i := 0; i < 2; i++ {
		s = openAt(t, path)
		v, err := s.SchemaVersion()
		if err != nil {
			t.Fatal(err)
		}
		all, _ := migrations()
		if v != latestVersion(all) {
			t.Errorf("reopen %d: SchemaVersion = %d, want %d", i, v, latestVersion(all))
		}
		c, err := s.Catalogue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		def := rules.DefaultCatalogue()
		if len(c.Regimes) != len(def.Regimes) || len(c.Awards) != len(def.Awards) || len(c.Params) != len(def.Params) {
			t.Errorf("reopen %d: catalogue has %d regimes, %d awards, %d params; want %d, %d, %d",
				i, len(c.Regimes), len(c.Awards), len(c.Params), len(def.Regimes), len(def.Awards), len(def.Params))
		}
		rows, err := s.Params(ctx)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			if r.ID == edited.ID {
				found = r.Value == "edited"
			}
		}
		if !found {
			t.Errorf("reopen %d: edited param %d lost or reverted", i, edited.ID)
		}
		var n int
		if err := s.write.QueryRow(`SELECT count(*) FROM schema_migration`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != len(all) {
			t.Errorf("reopen %d: schema_migration has %d rows, want %d", i, n, len(all))
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStore_WriterPragmas(t *testing.T) {
	s := openTest(t)
	scenarios := []struct {
		pragma string
		check  func(v string) bool
		want   string
	}{
		{"journal_mode", func(v string) bool { return strings.EqualFold(v, "wal") }, "wal"},
		{"foreign_keys", func(v string) bool { return v == "1" }, "1"},
		{"busy_timeout", func(v string) bool { n := 0; _, _ = fmt.Sscan(v, &n); return n > 0 }, "> 0"},
		{"synchronous", func(v string) bool { return v == "1" }, "1 (NORMAL)"},
		{"query_only", func(v string) bool { return v == "0" }, "0"},
	}
	for _, sc := range scenarios {
		t.Run(sc.pragma, func(t *testing.T) {
			var v string
			mustWrite(t, s, func(tx *Tx) error {
				return tx.tx.QueryRow("PRAGMA " + sc.pragma).Scan(&v)
			})
			if !sc.check(v) {
				t.Errorf("writer PRAGMA %s = %q, want %s", sc.pragma, v, sc.want)
			}
		})
	}
}

func TestStore_ReadersAreQueryOnly(t *testing.T) {
	s := openTest(t)
	var qo, fk string
	if err := s.read.QueryRow("PRAGMA query_only").Scan(&qo); err != nil {
		t.Fatal(err)
	}
	if err := s.read.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if qo != "1" || fk != "1" {
		t.Errorf("reader query_only=%s foreign_keys=%s, want 1 and 1", qo, fk)
	}
	if _, err := s.read.Exec(`INSERT INTO setting(key, value) VALUES ('x', 'y')`); err == nil {
		t.Error("a reader connection accepted an INSERT")
	}
}

func TestStore_WriteReadersSeeOnlyCommitted(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	mustWrite(t, s, func(tx *Tx) error {
		if _, err := tx.CreatePerson(person("CB001", "Lê Văn Cường", "42.TCHC")); err != nil {
			return err
		}
		// WAL: a reader runs beside the open write and sees the last commit.
		ps, err := s.People(ctx)
		if err != nil {
			return err
		}
		if len(ps) != 0 {
			t.Errorf("reader saw %d uncommitted people", len(ps))
		}
		return nil
	})
	ps, err := s.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Errorf("after commit reader sees %d people, want 1", len(ps))
	}
}

func TestStore_WriteRollsBack(t *testing.T) {
	ctx := context.Background()
	errBoom := errors.New("boom")
	scenarios := []struct {
		name      string
		fail      func() error // called after the writes; returns the fn error or panics
		wantErr   error
		wantPanic bool
	}{
		{name: "error", fail: func() error { return errBoom }, wantErr: errBoom},
		{name: "field error", fail: func() error {
			return domain.FieldError{Field: "Mã cán bộ", Msg: "x", Err: domain.ErrDuplicate}
		}, wantErr: domain.ErrDuplicate},
		{name: "panic", fail: func() error { panic("boom") }, wantPanic: true},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			s := seedOffice(t)
			var err error
			var recovered any
			func() {
				defer func() { recovered = recover() }()
				err = s.Write(ctx, func(tx *Tx) error {
					if _, err := tx.CreatePerson(person("CB001", "Lê Văn Cường", "42.TCHC")); err != nil {
						return err
					}
					if _, err := tx.SaveUnit(domain.Unit{Code: "42.NEW", Name: "Phòng mới", ParentCode: "42", Kind: domain.UnitDepartment}); err != nil {
						return err
					}
					if err := tx.SetSetting("k", "v"); err != nil {
						return err
					}
					return sc.fail()
				})
			}()
			if sc.wantPanic {
				if recovered != "boom" {
					t.Fatalf("Write did not re-panic with the value: recovered %v", recovered)
				}
			} else {
				if recovered != nil {
					t.Fatalf("unexpected panic %v", recovered)
				}
				if !errors.Is(err, sc.wantErr) {
					t.Fatalf("Write error = %v, want %v", err, sc.wantErr)
				}
			}
			if ps, _ := s.People(ctx); len(ps) != 0 {
				t.Errorf("%d people written despite rollback", len(ps))
			}
			if _, ok, _ := s.Unit(ctx, "42.NEW"); ok {
				t.Error("unit written despite rollback")
			}
			if v, _ := s.Setting(ctx, "k"); v != "" {
				t.Errorf("setting written despite rollback: %q", v)
			}
			// The single writer connection must be free again.
			if n := s.write.Stats().InUse; n != 0 {
				t.Errorf("writer connection still in use after Write returned (%d)", n)
			}
			done := make(chan error, 1)
			go func() {
				done <- s.Write(ctx, func(tx *Tx) error { return tx.SetSetting("after", "ok") })
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("Write after rollback: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Write after rollback blocked: the writer connection was not released")
			}
			if v, _ := s.Setting(ctx, "after"); v != "ok" {
				t.Errorf("write after rollback not visible: %q", v)
			}
		})
	}
}

func TestStore_OpenVietnamesePathWithSpaces(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "Hồ sơ 2025", "tdkt dữ liệu.db")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.SaveProfile(office) })
	backup := filepath.Join(dir, "Sao lưu", "bản sao ngày 15.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatalf("Backup(%q): %v", backup, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// The file is where the person asked, under its real name (not a
	// URL-escaped one), and nothing else was created beside it.
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not at %q: %v", path, err)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "tdkt dữ liệu.db") {
			t.Errorf("unexpected file %q beside the database", e.Name())
		}
	}
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("backup not at %q: %v", backup, err)
	}

	for _, p := range []string{path, backup} {
		s := openAt(t, p)
		got, ok, err := s.Profile(ctx)
		if err != nil || !ok || got.UnitName != office.UnitName {
			t.Errorf("reopen %q: profile %+v ok=%v err=%v", p, got, ok, err)
		}
	}
}

func TestStore_OpenRefusesCorruptFile(t *testing.T) {
	// goodDB builds a real database with enough rows to span many pages,
	// checkpointed into the main file, and returns its bytes.
	goodDB := func(t *testing.T) []byte {
		t.Helper()
		path := filepath.Join(t.TempDir(), "good.db")
		s, err := Open(path, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		mustWrite(t, s, func(tx *Tx) error {
			if err := tx.SaveProfile(office); err != nil {
				return err
			}
			for i := 0; i < 2000; i++ {
				p := person(fmt.Sprintf("CB%05d", i), fmt.Sprintf("Nguyễn Văn Số %d", i), "42")
				p.Note = strings.Repeat("ghi chú ", 10)
				if _, err := tx.CreatePerson(p); err != nil {
					return err
				}
			}
			return nil
		})
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 64*4096 {
			t.Fatalf("test database only %d bytes", len(b))
		}
		return b
	}
	rnd := rand.New(rand.NewSource(1))
	garbage := func(n int) []byte {
		b := make([]byte, n)
		rnd.Read(b)
		return b
	}
	scenarios := []struct {
		name string
		file func(t *testing.T) []byte
	}{
		{"random bytes", func(t *testing.T) []byte { return garbage(64 * 1024) }},
		{"text file", func(t *testing.T) []byte {
			return []byte("Họ và tên,Ngày sinh\nNguyễn Văn An,01/01/1980\n")
		}},
		{"garbled header", func(t *testing.T) []byte {
			b := goodDB(t)
			copy(b[0:100], garbage(100))
			return b
		}},
		{"truncated", func(t *testing.T) []byte {
			b := goodDB(t)
			return b[:len(b)/2]
		}},
		{"garbled pages", func(t *testing.T) []byte {
			b := goodDB(t)
			// Overwrite a run of b-tree pages after the schema page.
			copy(b[4096*3:], garbage(4096*8))
			return b
		}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "hỏng", "dữ liệu.db")
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, sc.file(t), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path, testOptions())
			if err == nil {
				s.Close()
				t.Fatal("Open accepted a corrupt file")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("error %v is not ErrCorrupt", err)
			}
			msg := err.Error()
			t.Log(msg)
			if !strings.Contains(msg, path) {
				t.Errorf("message does not name the file %q: %s", path, msg)
			}
			if strings.Contains(msg, "\n") || len(msg) > 1000 {
				t.Errorf("message for a person should be one short paragraph, got %d bytes, %d lines", len(msg), strings.Count(msg, "\n")+1)
			}
			for _, word := range []string{"cơ sở dữ liệu bị hỏng", "sao lưu"} {
				if !strings.Contains(msg, word) {
					t.Errorf("message lacks Vietnamese %q: %s", word, msg)
				}
			}
		})
	}
}

func TestStore_OpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tdkt.db")
	s := openAt(t, path)
	mustWrite(t, s, func(tx *Tx) error {
		_, err := tx.tx.Exec(`INSERT INTO schema_migration(version, name, applied_at) VALUES (999, '0999_future.sql', '2030-01-01')`)
		return err
	})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, testOptions())
	if err == nil {
		t.Fatal("Open accepted a database from a newer program")
	}
	if !strings.Contains(err.Error(), "phiên bản mới hơn") || !strings.Contains(err.Error(), path) {
		t.Errorf("message should say, in Vietnamese, that the file is newer and name it: %v", err)
	}
}

// withMigrations makes Open see the embedded migrations plus extra ones.
func withMigrations(t *testing.T, extra map[string]string) {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(migrationFS, "migrations", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrationFS, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range extra {
		m["migrations/"+name] = &fstest.MapFile{Data: []byte(body)}
	}
	old := migrationFiles
	migrationFiles = m
	t.Cleanup(func() { migrationFiles = old })
}

func TestStore_OpenBacksUpBeforeMigration(t *testing.T) {
	ctx := context.Background()
	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	next := latestVersion(all) + 1
	scenarios := []struct {
		name        string
		sql         string
		wantOpenErr bool
	}{
		{"migration applies", `CREATE TABLE test_extra (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
			ALTER TABLE setting ADD COLUMN note TEXT NOT NULL DEFAULT '';
			INSERT INTO setting(key, value) VALUES ('migrated', 'yes');`, false},
		{"migration fails halfway", `CREATE TABLE test_extra (id INTEGER PRIMARY KEY);
			INSERT INTO setting(key, value) VALUES ('migrated', 'yes');
			INSERT INTO no_such_table VALUES (1);`, true},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "tdkt.db")
			s, err := Open(path, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			mustWrite(t, s, func(tx *Tx) error {
				if err := tx.SaveProfile(office); err != nil {
					return err
				}
				_, err := tx.CreatePerson(person("CB001", "Lê Văn Cường", "42"))
				return err
			})
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}

			withMigrations(t, map[string]string{fmt.Sprintf("%04d_test.sql", next): sc.sql})
			backupDir := filepath.Join(dir, "sao lưu")
			opt := testOptions()
			opt.BackupDir = backupDir
			s2, err := Open(path, opt)
			if sc.wantOpenErr {
				if err == nil {
					s2.Close()
					t.Fatal("Open succeeded although the migration fails")
				}
			} else if err != nil {
				t.Fatalf("Open with a pending migration: %v", err)
			}

			backup := filepath.Join(backupDir, "tdkt-"+fixedNow.Local().Format("20060102-150405")+"-truoc-nang-cap.db")
			if _, err := os.Stat(backup); err != nil {
				t.Fatalf("no backup at %s: %v", backup, err)
			}
			// The backup is the database as it was before the migration.
			b := rawDB(t, backup)
			if err := checkOK(b); err != nil {
				t.Errorf("backup integrity: %v", err)
			}
			if n := countRows(t, b, `SELECT max(version) FROM schema_migration`); n != latestVersion(all) {
				t.Errorf("backup schema version %d, want %d", n, latestVersion(all))
			}
			if n := countRows(t, b, `SELECT count(*) FROM person WHERE staff_code='CB001'`); n != 1 {
				t.Errorf("backup lacks the person")
			}
			if n := countRows(t, b, `SELECT count(*) FROM sqlite_master WHERE name='test_extra'`); n != 0 {
				t.Errorf("backup already has the migrated table")
			}

			if sc.wantOpenErr {
				// A failed migration leaves the database at the old version, intact.
				withMigrations(t, nil)
				s3 := openAt(t, path)
				if v, _ := s3.SchemaVersion(); v != latestVersion(all) {
					t.Errorf("after failed migration, version %d, want %d", v, latestVersion(all))
				}
				if v, _ := s3.Setting(ctx, "migrated"); v != "" {
					t.Errorf("failed migration left a row behind")
				}
				if n := countRows(t, s3.write, `SELECT count(*) FROM sqlite_master WHERE name='test_extra'`); n != 0 {
					t.Errorf("failed migration left its table behind")
				}
				return
			}
			defer s2.Close()
			if v, _ := s2.SchemaVersion(); v != next {
				t.Errorf("SchemaVersion = %d, want %d", v, next)
			}
			if v, _ := s2.Setting(ctx, "migrated"); v != "yes" {
				t.Errorf("migration did not run")
			}
			if p, ok, _ := s2.PersonByCode(ctx, "CB001"); !ok || p.FullName != "Lê Văn Cường" {
				t.Errorf("data lost by migration: %+v", p)
			}
			if c, _ := s2.Catalogue(ctx); len(c.Params) != len(rules.DefaultCatalogue().Params) {
				t.Errorf("catalogue re-seeded by a later migration: %d params", len(c.Params))
			}
		})
	}
}

func TestStore_OpenFreshTakesNoBackup(t *testing.T) {
	dir := t.TempDir()
	opt := testOptions()
	opt.BackupDir = filepath.Join(dir, "backups")
	s, err := Open(filepath.Join(dir, "tdkt.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(opt.BackupDir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a new database should not be backed up: %v", err)
	}
}

func checkOK(db *sql.DB) error {
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return errors.New(res)
	}
	return nil
}

func TestStore_Backup(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	mustWrite(t, s, func(tx *Tx) error {
		_, err := tx.CreatePerson(person("CB001", "Lê Văn Cường", "42.TCHC"))
		return err
	})
	dir := t.TempDir()
	scenarios := []struct {
		name    string
		dst     string
		prepare func(dst string)
		wantErr bool
	}{
		{name: "new file in new folder", dst: filepath.Join(dir, "a", "b", "copy.db")},
		{name: "existing destination", dst: filepath.Join(dir, "exists.db"), prepare: func(dst string) {
			if err := os.WriteFile(dst, []byte("giữ nguyên"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, wantErr: true},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			if sc.prepare != nil {
				sc.prepare(sc.dst)
			}
			err := s.Backup(ctx, sc.dst)
			if sc.wantErr {
				if err == nil {
					t.Fatal("Backup overwrote an existing file")
				}
				if b, _ := os.ReadFile(sc.dst); string(b) != "giữ nguyên" {
					t.Errorf("existing destination was changed: %q", b)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			b := rawDB(t, sc.dst)
			if err := checkOK(b); err != nil {
				t.Errorf("backup integrity: %v", err)
			}
			if n := countRows(t, b, `SELECT count(*) FROM person WHERE staff_code='CB001' AND full_name='Lê Văn Cường'`); n != 1 {
				t.Error("backup lacks the person")
			}
			if n := countRows(t, b, `SELECT count(*) FROM unit`); n != 3 {
				t.Errorf("backup has %d units, want 3", n)
			}
		})
	}
	// The store is still usable after a backup.
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("after-backup", "1") })
}

func TestStore_CheckPassesOnHealthyDatabase(t *testing.T) {
	s := seedOffice(t)
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestChange_String(t *testing.T) {
	scenarios := []struct {
		c    Change
		want string
	}{{Unchanged, "không đổi"}, {Inserted, "thêm mới"}, {Updated, "cập nhật"}}
	for _, sc := range scenarios {
		if got := sc.c.String(); got != sc.want {
			t.Errorf("%d.String() = %q, want %q", sc.c, got, sc.want)
		}
	}
}

// A migration whose number is not taken yet (written alongside, not
// merged) does not stop the later ones: each applies once by its number,
// the missing one when it arrives; a number used twice is refused.
func TestStore_MigrationNumbersMayHaveAGap(t *testing.T) {
	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	latest := latestVersion(all)
	gap := fmt.Sprintf("%04d_gap.sql", latest+1)
	after := fmt.Sprintf("%04d_after.sql", latest+2)
	path := filepath.Join(t.TempDir(), "tdkt.db")

	withMigrations(t, map[string]string{after: `CREATE TABLE test_after (id INTEGER PRIMARY KEY);`})
	s := openAt(t, path)
	if v, _ := s.SchemaVersion(); v != latest+2 {
		t.Errorf("SchemaVersion = %d, want %d", v, latest+2)
	}
	s.Close()

	withMigrations(t, map[string]string{after: `CREATE TABLE test_after (id INTEGER PRIMARY KEY);`, gap: `CREATE TABLE test_gap (id INTEGER PRIMARY KEY);`})
	s = openAt(t, path)
	if n := countRows(t, s.write, `SELECT count(*) FROM sqlite_master WHERE name IN ('test_gap', 'test_after')`); n != 2 {
		t.Errorf("%d of the two test tables after the missing migration arrived", n)
	}
	if n := countRows(t, s.write, `SELECT count(*) FROM schema_migration`); n != len(all)+2 {
		t.Errorf("schema_migration has %d rows, want %d", n, len(all)+2)
	}
	if c := verify(t, s); !c.OK {
		t.Errorf("journal after a late migration: %+v", c)
	}
	s.Close()

	withMigrations(t, map[string]string{after: `SELECT 1;`, fmt.Sprintf("%04d_again.sql", latest+2): `SELECT 1;`})
	if _, err := migrations(); err == nil || !strings.Contains(err.Error(), "same number") {
		t.Errorf("two migrations with one number: %v", err)
	}
}
