package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// day is 10:00 local time on the given date: backups are named in local
// time, so the tests build their times there too.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.Local) }

// readOnlyDB opens a backup to read it without changing it (rawDB would
// turn it into a WAL database).
func readOnlyDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", fileDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func touch(t *testing.T, path string, size int) {
	t.Helper()
	if err := os.WriteFile(path, make([]byte, size), 0o644); err != nil {
		t.Fatal(err)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestPrune_TwoYearsOfDailyBackups(t *testing.T) {
	dir := t.TempDir()
	foreign := []string{"ghi chú.txt", "tdkt-saoluu-20250101-100000.db", "tdkt-20240102-100000-la.db"}
	for _, f := range foreign {
		touch(t, filepath.Join(dir, f), 10)
	}
	// Every day for two years a backup at 10:00, then the retention runs an
	// hour later, as the application does after each backup.
	start, end := day(2024, time.March, 15), day(2026, time.March, 15)
	removed := 0
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		touch(t, filepath.Join(dir, backupName(d, ReasonClose, 1)), 1)
		gone, err := Prune(dir, d.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		removed += len(gone)
	}
	var want []string
	for _, d := range []time.Time{
		// the last 7 days
		day(2026, 3, 15), day(2026, 3, 14), day(2026, 3, 13), day(2026, 3, 12), day(2026, 3, 11), day(2026, 3, 10), day(2026, 3, 9),
		// then the newest of each month, back to a year ago
		day(2026, 3, 8), day(2026, 2, 28), day(2026, 1, 31), day(2025, 12, 31), day(2025, 11, 30), day(2025, 10, 31),
		day(2025, 9, 30), day(2025, 8, 31), day(2025, 7, 31), day(2025, 6, 30), day(2025, 5, 31), day(2025, 4, 30), day(2025, 3, 31),
	} {
		want = append(want, backupName(d, ReasonClose, 1))
	}
	want = append(want, foreign...)
	sort.Strings(want)
	if got := names(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after two years:\n got %q\nwant %q", got, want)
	}
	if days := int(end.Sub(start).Hours()/24) + 1; removed != days-20 {
		t.Errorf("removed %d backups, want %d", removed, days-20)
	}

	// The same rule applied once to a full folder gives the same result.
	dir2 := t.TempDir()
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		touch(t, filepath.Join(dir2, backupName(d, ReasonClose, 1)), 1)
	}
	for _, f := range foreign {
		touch(t, filepath.Join(dir2, f), 10)
	}
	if _, err := Prune(dir2, end.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir2); !reflect.DeepEqual(got, want) {
		t.Errorf("pruned at once:\n got %q\nwant %q", got, want)
	}
}

func TestPrune_KeepsTheNewestHoweverOld(t *testing.T) {
	dir := t.TempDir()
	old, older := backupName(day(2023, 5, 2), ReasonManual, 1), backupName(day(2023, 5, 1), ReasonManual, 1)
	touch(t, filepath.Join(dir, old), 1)
	touch(t, filepath.Join(dir, older), 1)
	removed, err := Prune(dir, day(2026, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 1 || filepath.Base(removed[0]) != older {
		t.Errorf("removed %q", removed)
	}
	if got := names(t, dir); !reflect.DeepEqual(got, []string{old}) {
		t.Errorf("left %q", got)
	}
	if removed, err := Prune(filepath.Join(dir, "không có"), day(2026, 1, 1)); err != nil || removed != nil {
		t.Errorf("missing folder: %v %v", removed, err)
	}
}

func TestListBackups_OnlyBackupsNewestFirst(t *testing.T) {
	dir := t.TempDir()
	valid := []struct {
		name   string
		time   time.Time
		reason string
		size   int
	}{
		{"tdkt-20250315-093000-thu-cong.db", time.Date(2025, 3, 15, 9, 30, 0, 0, time.Local), ReasonManual, 3},
		{"tdkt-20250315-093000-thu-cong-2.db", time.Date(2025, 3, 15, 9, 30, 0, 0, time.Local), ReasonManual, 4},
		{"tdkt-20250316-170102-dong-chuong-trinh.db", time.Date(2025, 3, 16, 17, 1, 2, 0, time.Local), ReasonClose, 5},
		{"tdkt-20240101-000000-truoc-nang-cap.db", time.Date(2024, 1, 1, 0, 0, 0, 0, time.Local), ReasonMigrate, 6},
		{"tdkt-20250101-080000-truoc-nhap.db", time.Date(2025, 1, 1, 8, 0, 0, 0, time.Local), ReasonImport, 7},
		{"tdkt-20250102-080000-truoc-khoi-phuc.db", time.Date(2025, 1, 2, 8, 0, 0, 0, time.Local), ReasonRestore, 8},
	}
	for _, v := range valid {
		touch(t, filepath.Join(dir, v.name), v.size)
	}
	for _, f := range []string{
		"tdkt-saoluu-20250101-000000.db",        // BackupTo's copies
		"tdkt-20250101-000000-la.db",            // unknown reason
		"tdkt-20251301-000000-thu-cong.db",      // no 13th month
		"tdkt-20250101-000000-thu-cong-1.db",    // suffixes start at 2
		"tdkt-20250101-000000-thu-cong-x.db",    // not a number
		"tdkt-20250101-000000-thu-cong.db-wal",  // SQLite's side files
		"tdkt-20250101-000000-thu-cong.db.tmp",  // half-written
		"TDKT-20250101-000000-thu-cong.db",      // another program's
		"tdkt-20250101-000000-thu-cong.sqlite3", // another extension
		"tdkt.db",
	} {
		touch(t, filepath.Join(dir, f), 1)
	}
	if err := os.Mkdir(filepath.Join(dir, "tdkt-20250102-000000-thu-cong.db"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := ListBackups(dir)
	if err != nil {
		t.Fatal(err)
	}
	order := []int{2, 1, 0, 5, 4, 3}
	if len(got) != len(order) {
		t.Fatalf("ListBackups = %+v", got)
	}
	for i, k := range order {
		v := valid[k]
		want := BackupFile{Path: filepath.Join(dir, v.name), Time: v.time, Reason: v.reason, Size: int64(v.size)}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("[%d] = %+v, want %+v", i, got[i], want)
		}
	}
	if list, err := ListBackups(filepath.Join(dir, "chưa có")); err != nil || list != nil {
		t.Errorf("missing folder: %v %v", list, err)
	}
}

func TestStore_AutoBackup(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	createPerson(t, s, person("CB001", "Lê Văn Cường", "42.TCHC"))
	// Each database its own folder: backups/<its name>.
	if want := filepath.Join(filepath.Dir(s.Path()), "backups", "tdkt"); s.BackupDir() != want {
		t.Errorf("BackupDir = %s, want %s", s.BackupDir(), want)
	}
	// Old enough to go, and a file that is not a backup.
	if err := os.MkdirAll(s.BackupDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(s.BackupDir(), backupName(fixedNow.AddDate(-2, 0, 0), ReasonClose, 1))
	mine := filepath.Join(s.BackupDir(), "của tôi.db")
	touch(t, stale, 1)
	touch(t, mine, 1)

	p, err := s.AutoBackup(ctx, ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(s.BackupDir(), "tdkt-"+fixedNow.Local().Format("20060102-150405")+"-thu-cong.db"); p != want {
		t.Errorf("backup at %s, want %s", p, want)
	}
	b := readOnlyDB(t, p)
	if err := checkOK(b); err != nil {
		t.Errorf("backup integrity: %v", err)
	}
	if n := countRows(t, b, `SELECT count(*) FROM person WHERE staff_code = 'CB001'`); n != 1 {
		t.Error("backup lacks the person")
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a backup two years old survived: %v", err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a foreign file was pruned: %v", err)
	}
	// The same second again: a second name, not a refusal.
	p2, err := s.AutoBackup(ctx, ReasonManual)
	if err != nil || !strings.HasSuffix(p2, "-thu-cong-2.db") {
		t.Errorf("second backup in the same second: %s %v", p2, err)
	}
	if list, _ := ListBackups(s.BackupDir()); len(list) != 2 {
		t.Errorf("backups: %+v", list)
	}
	if _, err := s.AutoBackup(ctx, "khac"); err == nil {
		t.Error("an unknown reason was accepted")
	}

	// Nothing changed since p2; a change makes it differ.
	if changed, err := s.ChangedSince(ctx, p2); err != nil || changed {
		t.Errorf("ChangedSince right after the backup = %v, %v", changed, err)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("k", "v") })
	if changed, err := s.ChangedSince(ctx, p2); err != nil || !changed {
		t.Errorf("ChangedSince after a change = %v, %v", changed, err)
	}
	if changed, _ := s.ChangedSince(ctx, mine); !changed {
		t.Error("a file that is no backup counts as unchanged")
	}
	// Checking a backup leaves it as it was: no -wal or -shm beside it.
	if side, _ := filepath.Glob(p + "-*"); len(side) != 0 {
		t.Errorf("files left beside the backup: %v", side)
	}
}

func TestRestore_KeepsTheCurrentStateFirst(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "tdkt.db")
	s := openAt(t, path)
	mustWrite(t, s, func(tx *Tx) error { return tx.SaveProfile(office) })
	createPerson(t, s, person("CB001", "Lê Văn Cường", "42"))
	bak, err := s.AutoBackup(ctx, ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	createPerson(t, s, person("CB002", "Trần Thị Dung", "42"))
	s.Close()

	later := fixedNow.Add(time.Hour)
	saved, err := Restore(bak, path, s.BackupDir(), later, RestoreAccept{})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(s.BackupDir(), "tdkt-"+later.Local().Format("20060102-150405")+"-truoc-khoi-phuc.db"); saved != want {
		t.Errorf("saved at %s, want %s", saved, want)
	}
	if n := countRows(t, readOnlyDB(t, saved), `SELECT count(*) FROM person`); n != 2 {
		t.Errorf("the saved state has %d people, want 2", n)
	}
	r := openAt(t, path)
	if people, _ := r.People(ctx); len(people) != 1 || people[0].StaffCode != "CB001" {
		t.Errorf("restored people: %+v", people)
	}
	if c := verify(t, r); !c.OK {
		t.Errorf("journal of the restored database: %+v", c)
	}
	r.Close()

	// A backup too old for the retention is still restored: it is copied
	// before the backup of the current state prunes the folder.
	old := filepath.Join(s.BackupDir(), backupName(fixedNow.AddDate(-3, 0, 0), ReasonManual, 1))
	if err := copyFile(bak, old); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(old, path, s.BackupDir(), later.Add(time.Hour), RestoreAccept{}); err != nil {
		t.Fatalf("restore of an old backup: %v", err)
	}
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the old backup should have been pruned after its copy: %v", err)
	}
	// A damaged current database is kept file for file, not a reason to refuse.
	if err := os.WriteFile(path, []byte(strings.Repeat("hỏng ", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	saved, err = Restore(bak, path, s.BackupDir(), later.Add(2*time.Hour), RestoreAccept{})
	if err != nil {
		t.Fatalf("restore over a damaged database: %v", err)
	}
	if b, _ := os.ReadFile(saved); !strings.HasPrefix(string(b), "hỏng ") {
		t.Errorf("the damaged database was not kept: %.20q", b)
	}
	// A file that is not a backup changes nothing.
	junk := filepath.Join(dir, "junk.db")
	touch(t, junk, 100)
	before, _ := os.ReadFile(path)
	if _, err := Restore(junk, path, s.BackupDir(), later.Add(3*time.Hour), RestoreAccept{}); err == nil {
		t.Error("junk restored")
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused restore changed the database")
	}
}

func TestPrune_RemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	stale := filepath.Join(dir, ".tdkt-20260227-090000-thu-cong.db.tmp-1")
	fresh := filepath.Join(dir, ".tdkt-20260301-085900-thu-cong.db.tmp-2")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Chtimes(stale, now.Add(-48*time.Hour), now.Add(-48*time.Hour))
	os.Chtimes(fresh, now.Add(-time.Minute), now.Add(-time.Minute))
	if _, err := Prune(dir, now); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a two-day-old temporary file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a temporary file of a backup that may still run was removed")
	}
}
