// Package store keeps an office's data in one SQLite file (modernc.org/sqlite,
// pure Go): the schema and its embedded migrations, the repository methods
// the services call, and online backups. It owns every SQL statement of the
// application.
//
// Concurrency follows the SQLite grain: one writer connection (so writes
// queue instead of failing with SQLITE_BUSY) and a small pool of read-only
// connections that WAL lets run beside it. Every change of more than one row
// goes through Write, which runs it in a single transaction.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"tdkt/internal/paths"
	"tdkt/internal/rules"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrationFiles is where migrations() reads from; tests swap in a file
// system with an extra migration to exercise the pre-migration backup.
var migrationFiles fs.FS = migrationFS

// ErrCorrupt is returned by Open when the file fails SQLite's integrity check
// or is not a database at all.
var ErrCorrupt = errors.New("cơ sở dữ liệu bị hỏng")

// Store is an open office database.
type Store struct {
	path  string
	write *sql.DB // exactly one connection: the single writer
	read  *sql.DB // read-only pool
	now   func() time.Time
	actor string // who the audit journal names for the writes through this handle
	// journal is set once Open has put the audit triggers in place; until
	// then (the migrations of a new file) Write has no entries to chain.
	journal bool
	// migrated is set when Open applied migrations: a late one (its number
	// below the latest, merged after) leaves the version as it was, and is
	// an upgrade all the same.
	migrated  bool
	backupDir string // where AutoBackup writes
	who       string
	// release lets the file go: every open Store holds it shared, so that
	// no other process replaces or upgrades it underneath.
	release func() error
}

// As returns a handle on the same database whose writes the audit journal
// records under actor (an account's user name). The handles share the
// connections; Close any one of them closes the database.
func (s *Store) As(actor string) *Store {
	c := *s
	c.actor = actor
	return &c
}

// Actor is who the writes through this handle are recorded under.
func (s *Store) Actor() string { return s.actor }

// Options tune Open; the zero value is what the application uses.
type Options struct {
	// Now replaces the clock (tests, deterministic backup names).
	Now func() time.Time
	// BackupDir receives the automatic backups (before a migration, an
	// import, a restore, at closing); default: DefaultBackupDir.
	BackupDir string
	// Who names this program to another that finds the database in use
	// ("cửa sổ chương trình TĐKT", "tdktctl import"); default: the
	// command line's program and first words.
	Who string
	// restoring: opened by a restore that holds the file, whose copy
	// beside it is no leftover to sweep.
	restoring bool
}

// defaultWho names the running program by its command line.
func defaultWho() string {
	if len(os.Args) == 0 {
		return "chương trình TĐKT"
	}
	words := []string{filepath.Base(os.Args[0])}
	for _, a := range os.Args[1:] {
		if strings.HasPrefix(a, "-") || len(words) == 3 {
			break
		}
		words = append(words, a)
	}
	return strings.Join(words, " ")
}

// fileDSN opens a file that is not the office database in use (a backup,
// a copy on a USB stick) only to read it: mode=ro and no journal_mode
// pragma, so checking a backup does not turn it into a WAL database or
// leave -wal and -shm files beside it.
func fileDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "query_only(1)")
	q.Set("mode", "ro")
	return fileURI(path) + "?" + q.Encode()
}

func fileURI(path string) string {
	// A relative path would become a path from the root ("/saoluu.db").
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	// A file: URI needs forward slashes, also for Windows paths (C:/...).
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return "file://" + (&url.URL{Path: p}).EscapedPath()
}

// The writer's page cache (64 MiB, taken only as a transaction fills it)
// and SQLite's default (2 MiB), in KiB as PRAGMA cache_size counts them
// when negative.
const (
	writerCacheSize  = "-65536"
	defaultCacheSize = "-2000"
)

func dsn(path string, readOnly bool) string {
	// busy_timeout first so that every later pragma already waits instead of
	// failing when another connection holds a lock.
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Statements that fire the journal's triggers keep a statement journal;
	// in memory it costs a copy, on disk a write per statement.
	q.Add("_pragma", "temp_store(MEMORY)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return fileURI(path) + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path, checks its
// integrity, backs it up if migrations are pending, applies them, and seeds
// the default rule catalogue into a new database.
func Open(path string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if onNetworkDrive(abs) {
		return nil, fmt.Errorf("%w: %s. Chương trình chỉ ghi dữ liệu an toàn trên ổ đĩa của chính máy này: hãy để tệp dữ liệu trên ổ máy (mặc định trong thư mục dữ liệu của người dùng) và chỉ chép bản sao lưu lên ổ mạng", ErrNetworkDrive, abs)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("open store: create folder: %w", err)
	}
	if opt.Who == "" {
		opt.Who = defaultWho()
	}
	release, err := paths.Share(abs, opt.Who)
	if err != nil {
		return nil, err
	}
	s, err := open(abs, opt)
	if err != nil {
		release()
		return nil, err
	}
	s.release = release
	if !opt.restoring {
		sweepStale(abs, s.backupDir, opt.Now())
	}
	return s, nil
}

func open(abs string, opt Options) (*Store, error) {
	wc, err := newExecCacheConnector(dsn(abs, false))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", abs, err)
	}
	w := sql.OpenDB(wc)
	w.SetMaxOpenConns(1)
	w.SetConnMaxLifetime(0)
	backupDir := opt.BackupDir
	if backupDir == "" {
		backupDir = DefaultBackupDir(abs)
	}
	if backupDir, err = filepath.Abs(backupDir); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store: backup folder: %w", err)
	}
	s := &Store{path: abs, write: w, now: opt.Now, backupDir: backupDir, who: opt.Who}
	// Every open checks the file's pages and b-trees (quick_check: at 5,000
	// staff and ten years it takes a quarter of the full check's second);
	// the full check, indexes against their tables too, is Check's.
	if err := s.checkIntegrity("quick_check"); err != nil {
		w.Close()
		return nil, err
	}
	if err := s.migrate(); err != nil {
		w.Close()
		return nil, err
	}
	if err := s.installJournal(context.Background()); err != nil {
		w.Close()
		return nil, err
	}
	// From here the writer's page cache holds a large transaction (a
	// centre loading 34 packages of 2,000 nominations, the demo office at
	// 5,000 staff) without spilling pages to the WAL before the commit.
	// Not before: the checks above read every page once and would fill it
	// for nothing.
	if _, err := s.write.Exec("PRAGMA cache_size(" + writerCacheSize + ")"); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	r, err := sql.Open("sqlite", dsn(abs, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open store readers: %w", err)
	}
	r.SetMaxOpenConns(4)
	s.read = r
	return s, nil
}

// DefaultBackupDir is where the automatic backups of the database at db
// go: backups/<name of the database> beside it. Each database keeps its own
// folder, so that the retention of one never removes another's backups and
// a restore never offers another database's copies.
func DefaultBackupDir(db string) string {
	name := strings.TrimSuffix(filepath.Base(db), filepath.Ext(db))
	if name == "" || name == "." {
		name = "tdkt"
	}
	return filepath.Join(filepath.Dir(db), "backups", name)
}

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL into the main file and closes every connection.
func (s *Store) Close() error {
	var errs []error
	if s.read != nil {
		errs = append(errs, s.read.Close())
	}
	_, _ = s.write.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	errs = append(errs, s.write.Close())
	if s.release != nil {
		errs = append(errs, s.release())
	}
	return errors.Join(errs...)
}

// checkIntegrity runs SQLite's integrity_check or quick_check pragma and
// turns what it finds into ErrCorrupt.
func (s *Store) checkIntegrity(pragma string) error {
	rows, err := s.write.Query("PRAGMA " + pragma)
	if isBusy(err) {
		return busyError(s.path, err)
	}
	if err != nil {
		return fmt.Errorf("%w: %s không đọc được như một cơ sở dữ liệu SQLite (%v). Hãy khôi phục từ bản sao lưu gần nhất", ErrCorrupt, s.path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		if line != "ok" {
			// One row may hold many problems, one per line (the b-tree
			// check); split them so the cap below keeps the message short.
			for _, l := range strings.Split(line, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					problems = append(problems, l)
				}
			}
		}
	}
	if err := rows.Err(); isBusy(err) {
		return busyError(s.path, err)
	} else if err != nil {
		return fmt.Errorf("%w: %s không đọc được (%v). Hãy khôi phục từ bản sao lưu gần nhất", ErrCorrupt, s.path, err)
	}
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = append(problems[:5], fmt.Sprintf("… và %d lỗi khác", len(problems)-5))
		}
		return fmt.Errorf("%w: %s: %s. Hãy khôi phục từ bản sao lưu gần nhất", ErrCorrupt, s.path, strings.Join(problems, "; "))
	}
	return nil
}

// Check runs SQLite's integrity check on the open database.
func (s *Store) Check() error { return s.checkIntegrity("integrity_check") }

type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded migrations in the order of their numbers.
// Numbers are taken by changes written side by side, so one may be missing
// for a while (its change not merged yet): a gap is allowed, a number used
// twice is not. Each migration is applied once, by its number, whenever
// the program first knows it.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 1 {
			return nil, fmt.Errorf("migration %s: name must start with a number from 1 and '_'", name)
		}
		body, err := fs.ReadFile(migrationFiles, "migrations/"+name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{v, name, string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s have the same number", out[i-1].name, out[i].name)
		}
	}
	return out, nil
}

// latestVersion is the highest migration number the program knows.
func latestVersion(all []migration) int {
	if len(all) == 0 {
		return 0
	}
	return all[len(all)-1].version
}

// SchemaVersion is the number of the latest migration applied.
func (s *Store) SchemaVersion() (int, error) {
	var v int
	err := s.write.QueryRow("SELECT COALESCE(MAX(version), 0) FROM schema_migration").Scan(&v)
	return v, err
}

// appliedVersions are the numbers of the migrations applied to the file.
func (s *Store) appliedVersions() (map[int]bool, error) {
	rows, err := s.write.Query("SELECT version FROM schema_migration")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}

func (s *Store) migrate() error {
	if _, err := s.write.Exec(`CREATE TABLE IF NOT EXISTS schema_migration (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	all, err := migrations()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	current, err := s.SchemaVersion()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	applied, err := s.appliedVersions()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	known := map[int]bool{}
	var pending []migration
	for _, m := range all {
		known[m.version] = true
		if !applied[m.version] {
			pending = append(pending, m)
		}
	}
	// A file with a migration this program does not know was written by a
	// newer program, whether or not the number is the highest.
	for v := range applied {
		if !known[v] {
			return fmt.Errorf("cơ sở dữ liệu %s được tạo bởi phiên bản mới hơn của chương trình (lược đồ %d, chương trình biết đến %d); hãy cập nhật chương trình", s.path, current, latestVersion(all))
		}
	}
	if len(pending) == 0 {
		return nil
	}
	// A new schema is written alone: another process with the file open
	// would go on with the old one.
	release, err := paths.Exclusive(s.path, s.who, true)
	if err != nil {
		return fmt.Errorf("cần nâng cấp cơ sở dữ liệu lên phiên bản mới của chương trình nhưng không làm được lúc này: %w", err)
	}
	defer release()
	if current > 0 {
		if _, err := s.AutoBackup(context.Background(), ReasonMigrate); err != nil {
			return fmt.Errorf("sao lưu trước khi nâng cấp cơ sở dữ liệu: %w", err)
		}
	}
	for i, m := range pending {
		err := s.Write(context.Background(), func(tx *Tx) error {
			if i == 0 {
				// In the migration's transaction, so a failed migration
				// leaves the old triggers in place.
				if err := dropAuditTriggers(tx.ctx, tx.tx); err != nil {
					return err
				}
			}
			if _, err := tx.tx.Exec(m.sql); err != nil {
				return err
			}
			switch m.version {
			case 1:
				if err := tx.seedCatalogue(rules.DefaultCatalogue()); err != nil {
					return err
				}
			case 9:
				if err := tx.seedAuthorities(rules.DefaultCatalogue()); err != nil {
					return err
				}
			case 15:
				if err := tx.seedReportForms(rules.DefaultCatalogue()); err != nil {
					return err
				}
			case 16, 17:
				if err := tx.seedMissingParams(rules.DefaultCatalogue(), "dien_hinh."); err != nil {
					return err
				}
			}
			_, err := tx.tx.Exec(`INSERT INTO schema_migration(version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, s.now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		s.migrated = true
	}
	return nil
}

// Backup writes a consistent copy of the database to dst (VACUUM INTO), then
// opens the copy and runs the integrity check on it, so a backup that exists
// is a backup that restores. dst must not exist.
func (s *Store) Backup(ctx context.Context, dst string) (err error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("sao lưu: không tạo được thư mục: %w", err)
	}
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("sao lưu: tệp %s đã có; chọn tên khác", dst)
	}
	// VACUUM INTO a hidden temporary name, check it, then rename: a backup
	// interrupted by a crash leaves a dot-file no list shows, never a file
	// with a backup's name that would not restore.
	tmp := filepath.Join(filepath.Dir(dst), fmt.Sprintf(".%s.tmp-%d", filepath.Base(dst), time.Now().UnixNano()))
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	// The copy is written with SQLite's default page cache: VACUUM INTO
	// sizes its sorts by it, and with the writer's large cache a backup of
	// the largest office took 350 MB instead of 100.
	if _, err := s.write.ExecContext(ctx, "PRAGMA cache_size("+defaultCacheSize+")"); err != nil {
		return fmt.Errorf("sao lưu vào %s: %w", dst, err)
	}
	_, err = s.write.ExecContext(ctx, "VACUUM INTO ?", tmp)
	if _, rerr := s.write.ExecContext(context.Background(), "PRAGMA cache_size("+writerCacheSize+")"); err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("sao lưu vào %s: %w", dst, err)
	}
	if err := checkBackupFile(ctx, tmp); err != nil {
		return fmt.Errorf("bản sao lưu %s không qua kiểm tra toàn vẹn: %w", dst, err)
	}
	// Flushing needs a handle open for writing on Windows (a read-only
	// handle is refused with "Access denied").
	if f, err := os.OpenFile(tmp, os.O_RDWR, 0); err == nil {
		serr := f.Sync()
		f.Close()
		if serr != nil {
			return fmt.Errorf("sao lưu vào %s: %w", dst, serr)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fmt.Errorf("sao lưu vào %s: %w", dst, err)
	}
	return nil
}

// checkBackupFile checks a freshly written copy. VACUUM INTO builds every
// index of the copy anew from its table, so what can be wrong with it is
// its pages and b-trees as written to the disk: quick_check reads them all,
// in about half the time of the full integrity_check (whose extra work, the
// indexes against their tables, the copy cannot fail).
func checkBackupFile(ctx context.Context, path string) error {
	c, err := sql.Open("sqlite", fileDSN(path))
	if err != nil {
		return err
	}
	defer c.Close()
	var res string
	if err := c.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return errors.New(res)
	}
	return nil
}

// Tx is a write transaction. All write methods live on Tx so that a single
// edit and a 10,000-row import share one code path.
type Tx struct {
	tx  *sql.Tx
	ctx context.Context
	now time.Time
}

// Write runs fn in one immediate transaction on the writer connection:
// everything fn did is committed together or not at all, with the audit
// journal's entries for it, chained and stamped with the handle's actor.
func (s *Store) Write(ctx context.Context, fn func(tx *Tx) error) (err error) {
	sqlTx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = sqlTx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = sqlTx.Rollback()
		}
	}()
	var start int64
	if s.journal {
		if start, err = lastAuditID(ctx, sqlTx); err != nil {
			return fmt.Errorf("journal: %w", err)
		}
	}
	tx := &Tx{tx: sqlTx, ctx: ctx, now: s.now()}
	if err = fn(tx); err != nil {
		return err
	}
	if s.journal {
		if err = s.chain(tx, start); err != nil {
			return fmt.Errorf("journal: %w", err)
		}
	}
	if err = sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// querier is what both the reader pool and a transaction offer, so each read
// is written once and used both outside and inside a write.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// nullable maps the zero value of a date or text to SQL NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
