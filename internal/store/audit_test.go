package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tdkt/internal/domain"
)

// journal reads the whole journal oldest first, failing the test on error.
func journal(t *testing.T, s *Store, f JournalFilter) []JournalEntry {
	t.Helper()
	es, err := s.Journal(context.Background(), f)
	if err != nil {
		t.Fatalf("Journal(%+v): %v", f, err)
	}
	for i, j := 0, len(es)-1; i < j; i, j = i+1, j-1 {
		es[i], es[j] = es[j], es[i]
	}
	return es
}

func verify(t *testing.T, s *Store) JournalCheck {
	t.Helper()
	c, err := s.VerifyJournal(context.Background())
	if err != nil {
		t.Fatalf("VerifyJournal: %v", err)
	}
	return c
}

func mustVerify(t *testing.T, s *Store) {
	t.Helper()
	if c := verify(t, s); !c.OK || c.Problem != "" || c.FirstBroken != 0 {
		t.Fatalf("journal does not verify: %+v", c)
	}
}

func lastEntryID(t *testing.T, s *Store) int64 {
	t.Helper()
	return int64(countRows(t, s.write, `SELECT ifnull(max(id), 0) FROM audit`))
}

func TestJournal_RecordsWhoWhenWhatBeforeAfter(t *testing.T) {
	s := seedOffice(t)
	clerk := s.As("chuyenvien1")
	id := createPerson(t, clerk, person("CB001", "Lê Văn Cường", "42.TCHC"))
	p, _, _ := s.Person(context.Background(), id)
	p.FullName = "Lê Văn Cường Mới"
	mustWrite(t, s.As("giamdoc"), func(tx *Tx) error {
		_, err := tx.UpdatePerson(p, domain.Date{})
		return err
	})

	es := journal(t, s, JournalFilter{Table: "person"})
	if len(es) != 2 {
		t.Fatalf("person entries: %+v", es)
	}
	ins, upd := es[0], es[1]
	key := fmt.Sprintf(`{"id":%d}`, id)
	if ins.Op != "INSERT" || ins.Actor != "chuyenvien1" || ins.Key != key || ins.Before != nil ||
		ins.After["full_name"] != "Lê Văn Cường" || ins.After["staff_code"] != "CB001" || ins.After["deleted_at"] != nil {
		t.Errorf("insert entry: %+v", ins)
	}
	if _, ok := ins.After["deleted_at"]; !ok {
		t.Error("a NULL column is missing from the entry's values")
	}
	if !ins.At.Equal(fixedNow) {
		t.Errorf("entry time %v, want %v", ins.At, fixedNow)
	}
	if upd.Op != "UPDATE" || upd.Actor != "giamdoc" || upd.Key != key ||
		upd.Before["full_name"] != "Lê Văn Cường" || upd.After["full_name"] != "Lê Văn Cường Mới" || upd.Tx <= ins.Tx {
		t.Errorf("update entry: %+v", upd)
	}
	// The person's assignment went in with the person, in the same Write.
	as := journal(t, s, JournalFilter{Table: "assignment"})
	if len(as) != 1 || as[0].Tx != ins.Tx || as[0].After["unit_code"] != "42.TCHC" {
		t.Errorf("assignment entries: %+v", as)
	}
	// Without an account, the system is named.
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("k", "v") })
	if es := journal(t, s, JournalFilter{Table: "setting", Key: `{"key":"k"}`}); len(es) != 1 || es[0].Actor != "hệ thống" {
		t.Errorf("setting entries: %+v", es)
	}
	if es := journal(t, s, JournalFilter{Actor: "giamdoc"}); len(es) != 1 || es[0].ID != upd.ID {
		t.Errorf("by actor: %+v", es)
	}
	if es, _ := s.Journal(context.Background(), JournalFilter{Limit: 2}); len(es) != 2 || es[0].Table != "setting" {
		t.Errorf("newest first with a limit: %+v", es)
	}
	mustVerify(t, s)
}

func TestJournal_UnchangedWritesLeaveNoEntry(t *testing.T) {
	s := seedOffice(t)
	id := createPerson(t, s, person("CB001", "Lê Văn Cường", "42.TCHC"))
	var roundID, nID int64
	council := func() domain.Council {
		return domain.Council{RoundID: roundID, Method: domain.VoteSecret, Place: "Hội trường",
			Members: []domain.CouncilMember{{Name: "A", Role: "Chủ tịch Hội đồng", Present: true}, {Name: "B", Role: "Ủy viên"}},
			Votes:   []domain.Vote{{NomineeID: nID, For: 2}}}
	}
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		if roundID, err = tx.CreateRound(domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: "Đợt 2025", Status: domain.StatusDraft}); err != nil {
			return err
		}
		if nID, err = tx.AddNominee(domain.Nominee{RoundID: roundID, Subject: domain.PersonSubject("CB001"), Award: "CSTDCS"}); err != nil {
			return err
		}
		return nil
	})
	mustWrite(t, s, func(tx *Tx) error { return tx.SaveCouncil(council()) })
	before := lastEntryID(t, s)

	scenarios := []struct {
		name string
		fn   func(tx *Tx) error
	}{
		{"unit saved unchanged", func(tx *Tx) error {
			_, err := tx.SaveUnit(domain.Unit{Code: "42.TCHC", Name: "Phòng Tổ chức - Hành chính", ParentCode: "42", Kind: domain.UnitDepartment})
			return err
		}},
		{"person saved unchanged", func(tx *Tx) error {
			p, _, _ := s.Person(context.Background(), id)
			_, err := tx.UpdatePerson(p, domain.Date{})
			return err
		}},
		{"rating upserted unchanged", func(tx *Tx) error {
			_, err := tx.SetRating(domain.RatingRecord{Subject: domain.PersonSubject("CB001"), Year: 2024, Rating: domain.HTTNV})
			return err
		}},
		{"council members and votes replaced by the same", func(tx *Tx) error { return tx.SaveCouncil(council()) }},
	}
	for i, sc := range scenarios {
		mustWrite(t, s, sc.fn)
		if i == 2 { // the first time the rating is new
			before = lastEntryID(t, s)
			mustWrite(t, s, sc.fn)
		}
		if got := lastEntryID(t, s); got != before {
			t.Errorf("%s: %d new entries: %+v", sc.name, got-before, journal(t, s, JournalFilter{Limit: int(got - before)}))
		}
	}

	// A list replaced with one change shows as that one update.
	c := council()
	c.Votes[0].For = 1
	c.Votes[0].Against = 1
	mustWrite(t, s, func(tx *Tx) error { return tx.SaveCouncil(c) })
	es := journal(t, s, JournalFilter{Limit: 10})
	var fresh []JournalEntry
	for _, e := range es {
		if e.ID > before {
			fresh = append(fresh, e)
		}
	}
	if len(fresh) != 1 || fresh[0].Op != "UPDATE" || fresh[0].Table != "vote" ||
		fresh[0].Before["for_count"] != 2.0 || fresh[0].After["for_count"] != 1.0 || fresh[0].After["against_count"] != 1.0 {
		t.Errorf("changed vote: %+v", fresh)
	}
	mustVerify(t, s)
}

// tamperFixture is a store with a few changes by two accounts, and a raw
// connection to its file as another SQLite program would have.
func tamperFixture(t *testing.T) (*Store, *sql.DB, int64) {
	t.Helper()
	s := seedOffice(t)
	id := createPerson(t, s.As("chuyenvien1"), person("CB001", "Lê Văn Cường", "42.TCHC"))
	createPerson(t, s.As("chuyenvien1"), person("CB002", "Trần Thị Dung", "42.KHTC"))
	mustWrite(t, s.As("chuyenvien2"), func(tx *Tx) error {
		_, err := tx.SetRating(domain.RatingRecord{Subject: domain.PersonSubject("CB001"), Year: 2024, Rating: domain.HTXSNV})
		return err
	})
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("k", "v") })
	mustVerify(t, s)
	return s, rawDB(t, s.Path()), id
}

func TestVerifyJournal_DetectsChangesOutsideTheApplication(t *testing.T) {
	scenarios := []struct {
		name string
		// tamper changes the file and returns the id of the entry that
		// VerifyJournal must name.
		tamper func(t *testing.T, s *Store, db *sql.DB, personID int64) int64
		word   string // in the problem
	}{
		{"values of an entry edited", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			k := entryOf(t, db, "person_rating", "INSERT")
			mustExec(t, db, `UPDATE audit SET after = json_set(after, '$.rating', 'KHTNV') WHERE id = ?`, k)
			return k
		}, "đã bị sửa"},
		{"actor of an entry edited", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			k := entryOf(t, db, "person_rating", "INSERT")
			mustExec(t, db, `UPDATE audit SET actor = 'giamdoc' WHERE id = ?`, k)
			return k
		}, "đã bị sửa"},
		{"entry hidden from a person's history", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			k := entryOf(t, db, "person_rating", "INSERT")
			mustExec(t, db, `UPDATE audit SET person_id = NULL WHERE id = ?`, k)
			return k
		}, "đã bị sửa"},
		{"entry deleted", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			k := entryOf(t, db, "person_rating", "INSERT")
			mustExec(t, db, `DELETE FROM audit WHERE id = ?`, k)
			return k
		}, "đã bị xoá"},
		{"several entries deleted", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			k := entryOf(t, db, "person", "INSERT")
			mustExec(t, db, `DELETE FROM audit WHERE id BETWEEN ? AND ?`, k, k+2)
			return k
		}, "đã bị xoá"},
		{"first entry deleted", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			mustExec(t, db, `DELETE FROM audit WHERE id = 1`)
			return 1
		}, "đã bị xoá"},
		{"newest entry deleted", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			last := lastEntryID(t, s)
			mustExec(t, db, `DELETE FROM audit WHERE id = ?`, last)
			return last
		}, "mới nhất"},
		{"newest entry deleted, then the application writes again", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			last := lastEntryID(t, s)
			mustExec(t, db, `DELETE FROM audit WHERE id = ?`, last)
			mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("k2", "v") })
			// The new entry takes the deleted one's id but chains to the
			// recorded head, which the remaining chain no longer reaches.
			return last
		}, "không nối tiếp"},
		{"hash of an entry replaced", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			k := entryOf(t, db, "assignment", "INSERT")
			mustExec(t, db, `UPDATE audit SET hash = ? WHERE id = ?`, strings.Repeat("ab", 32), k)
			return k
		}, "đã bị sửa"},
		{"entry edited and its hash recomputed", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			k := entryOf(t, db, "person_rating", "INSERT")
			mustExec(t, db, `UPDATE audit SET after = json_set(after, '$.rating', 'KHTNV') WHERE id = ?`, k)
			e := readRaw(t, db, k)
			mustExec(t, db, `UPDATE audit SET hash = ? WHERE id = ?`, e.sum(e.prev.String), k)
			return k + 1 // the next entry no longer follows
		}, "không nối tiếp"},
		{"record changed with another program", func(t *testing.T, s *Store, db *sql.DB, id int64) int64 {
			last := lastEntryID(t, s)
			mustExec(t, db, `UPDATE person SET full_name = 'Người Khác' WHERE id = ?`, id)
			// The application writing afterwards does not adopt that entry.
			mustWrite(t, s.As("chuyenvien1"), func(tx *Tx) error { return tx.SetSetting("k2", "v") })
			return last + 1
		}, "không do chương trình ghi"},
		{"chain head deleted", func(t *testing.T, s *Store, db *sql.DB, _ int64) int64 {
			mustExec(t, db, `DELETE FROM audit_head`)
			return lastEntryID(t, s) + 1
		}, "đầu chuỗi"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			s, db, id := tamperFixture(t)
			entries := countRows(t, s.write, `SELECT count(*) FROM audit`)
			want := sc.tamper(t, s, db, id)
			c := verify(t, s)
			if c.OK || c.FirstBroken != want || !strings.Contains(c.Problem, sc.word) || !strings.Contains(c.Problem, fmt.Sprint(want)) {
				t.Errorf("VerifyJournal = %+v; want first broken %d, problem saying %q", c, want, sc.word)
			}
			if now := countRows(t, s.write, `SELECT count(*) FROM audit`); c.Entries != now || now == 0 {
				t.Errorf("Entries = %d, journal has %d (had %d)", c.Entries, now, entries)
			}
		})
	}
}

func entryOf(t *testing.T, db *sql.DB, table, op string) int64 {
	t.Helper()
	var id int64
	if err := db.QueryRow(`SELECT min(id) FROM audit WHERE tbl = ? AND op = ?`, table, op).Scan(&id); err != nil {
		t.Fatalf("no %s entry of %s: %v", op, table, err)
	}
	return id
}

func readRaw(t *testing.T, db *sql.DB, id int64) rawEntry {
	t.Helper()
	var e rawEntry
	err := db.QueryRow(`SELECT `+rawColumns+` FROM audit WHERE id = ?`, id).Scan(e.scanTo()...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// dump is every row of table with exact types (quote() tells 1 from '1'
// from 1.0 and shows blobs as X'..'), sorted.
func dump(t *testing.T, s *Store, table string) []string {
	t.Helper()
	def, err := auditTableInfo(context.Background(), s.write, table)
	if err != nil {
		t.Fatal(err)
	}
	parts := make([]string, len(def.cols))
	for i, c := range def.cols {
		parts[i] = "quote(" + quoteIdent(c.name) + ")"
	}
	rows, err := s.write.Query("SELECT " + strings.Join(parts, " || '|' || ") + " FROM " + quoteIdent(table) + " ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// roundFixture is a round with two nominees, their files (one binary, one
// empty), a council with members and votes.
func roundFixture(t *testing.T, s *Store, name string) (roundID, nID int64) {
	t.Helper()
	mustWrite(t, s, func(tx *Tx) error {
		if _, ok, _ := tx.PersonByCode("CB001"); !ok {
			if _, err := tx.CreatePerson(person("CB001", "Lê Văn Cường", "42.TCHC")); err != nil {
				return err
			}
		}
		var err error
		if roundID, err = tx.CreateRound(domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: name, Status: domain.StatusDraft}); err != nil {
			return err
		}
		if nID, err = tx.AddNominee(domain.Nominee{RoundID: roundID, Subject: domain.PersonSubject("CB001"), Award: "CSTDCS",
			Reasons: []string{"Đủ điều kiện"}, Report: domain.ReportText{Achievements: "Dòng 1\nDòng 2"}}); err != nil {
			return err
		}
		uID, err := tx.AddNominee(domain.Nominee{RoundID: roundID, Subject: domain.UnitSubject("42.KHTC"), Award: "TTLDTT", Eligible: true})
		if err != nil {
			return err
		}
		if err := tx.AttachNomineeFile(nID, "QĐ sáng kiến.pdf", []byte{0x25, 0x50, 0x00, 0xff, 0xfe, 'x', 0}); err != nil {
			return err
		}
		if err := tx.AttachNomineeFile(uID, "trống.txt", []byte{}); err != nil {
			return err
		}
		return tx.SaveCouncil(domain.Council{RoundID: roundID, Date: domain.MustDate("14/01/2026"), Method: domain.VoteSecret, Place: "Hội trường",
			Members: []domain.CouncilMember{{Name: "A", Role: "Chủ tịch Hội đồng", Present: true}, {Name: "B", Role: "Ủy viên"}},
			Votes:   []domain.Vote{{NomineeID: nID, For: 2}, {NomineeID: uID, For: 1, Abstain: 1}}})
	})
	return roundID, nID
}

var roundTables = []string{"round", "nominee", "nominee_attachment", "council", "council_member", "vote"}

func TestUndoDeletion_RestoresCascadedRecords(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	roundID, nID := roundFixture(t, s, "Đợt đề nghị khen thưởng năm 2025")
	want := map[string][]string{}
	for _, tbl := range roundTables {
		want[tbl] = dump(t, s, tbl)
	}
	file, _ := s.NomineeFile(ctx, nID, "QĐ sáng kiến.pdf")

	mustWrite(t, s.As("chuyenvien1"), func(tx *Tx) error { return tx.DeleteRound(roundID) })
	if n := countRows(t, s.write, `SELECT count(*) FROM nominee_attachment`); n != 0 {
		t.Fatalf("the cascade did not run: %d files left", n)
	}
	ds, err := s.Deletions(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 {
		t.Fatalf("deletions: %+v", ds)
	}
	d := ds[0]
	// 1 round, 2 nominees, 2 files, the council, 2 members, 2 votes.
	if d.Rows != 10 || d.Actor != "chuyenvien1" || !d.At.Equal(fixedNow) || d.Undone ||
		d.Summary != "đợt khen thưởng: Đợt đề nghị khen thưởng năm 2025 và 9 bản ghi liên quan" ||
		!reflect.DeepEqual(d.Tables, []string{"council", "council_member", "nominee", "nominee_attachment", "round", "vote"}) {
		t.Errorf("deletion: %+v", d)
	}

	var n int
	mustWrite(t, s.As("giamdoc"), func(tx *Tx) error {
		var err error
		n, err = tx.UndoDeletion(d.Tx)
		return err
	})
	if n != 10 {
		t.Errorf("UndoDeletion restored %d records, want 10", n)
	}
	for _, tbl := range roundTables {
		if got := dump(t, s, tbl); !reflect.DeepEqual(got, want[tbl]) {
			t.Errorf("%s after undo:\n got %q\nwant %q", tbl, got, want[tbl])
		}
	}
	if got, err := s.NomineeFile(ctx, nID, "QĐ sáng kiến.pdf"); err != nil || !bytes.Equal(got, file) {
		t.Errorf("file after undo: %x %v, want %x", got, err, file)
	}
	if ins := journal(t, s, JournalFilter{Actor: "giamdoc"}); len(ins) != 10 || ins[0].Op != "INSERT" {
		t.Errorf("the undo is not journaled as inserts by its actor: %d entries", len(ins))
	}
	if ds, _ := s.Deletions(ctx, 10); len(ds) != 1 || !ds[0].Undone {
		t.Errorf("deletions after undo: %+v", ds)
	}

	// Twice: refused, and nothing changes.
	last := lastEntryID(t, s)
	err = s.Write(ctx, func(tx *Tx) error { _, err := tx.UndoDeletion(d.Tx); return err })
	if !errors.Is(err, domain.ErrDuplicate) || !strings.Contains(err.Error(), "không hoàn tác được") {
		t.Errorf("second undo: %v", err)
	}
	if lastEntryID(t, s) != last {
		t.Error("a refused undo left entries")
	}
	// A transaction that deleted nothing.
	err = s.Write(ctx, func(tx *Tx) error { _, err := tx.UndoDeletion(d.Tx + 1); return err })
	if !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("undo of a write without deletions: %v", err)
	}
	mustVerify(t, s)
}

func TestUndoDeletion_ChildNeedsItsParentBack(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	roundID, nID := roundFixture(t, s, "Đợt 1")
	mustWrite(t, s, func(tx *Tx) error { return tx.RemoveNominee(nID) })
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteRound(roundID) })
	ds, err := s.Deletions(ctx, 0)
	if err != nil || len(ds) != 2 {
		t.Fatalf("deletions %+v %v", ds, err)
	}
	nomineeTx, roundTx := ds[1].Tx, ds[0].Tx
	if !strings.HasPrefix(ds[1].Summary, "người/tập thể được đề nghị: ") || ds[1].Rows != 3 {
		t.Errorf("nominee deletion: %+v", ds[1])
	}
	err = s.Write(ctx, func(tx *Tx) error { _, err := tx.UndoDeletion(nomineeTx); return err })
	if !errors.Is(err, domain.ErrInUse) || !strings.Contains(err.Error(), "đợt khen thưởng") {
		t.Fatalf("undo of the nominee before its round: %v", err)
	}
	for _, txID := range []int64{roundTx, nomineeTx} {
		if err := s.Write(ctx, func(tx *Tx) error { _, err := tx.UndoDeletion(txID); return err }); err != nil {
			t.Fatalf("undo %d: %v", txID, err)
		}
	}
	if got, _ := s.NomineeFile(ctx, nID, "QĐ sáng kiến.pdf"); len(got) != 7 {
		t.Errorf("file of the nominee: %x", got)
	}
	mustVerify(t, s)
}

func TestUndoDeletion_BlobInATextColumn(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	blob := []byte{0xff, 0x00, 0x01}
	mustWrite(t, s, func(tx *Tx) error {
		_, err := tx.tx.Exec(`INSERT INTO setting(key, value) VALUES ('b', ?)`, blob)
		return err
	})
	es := journal(t, s, JournalFilter{Table: "setting"})
	if len(es) != 1 || !reflect.DeepEqual(es[0].After["value"], map[string]any{"hex": "FF0001"}) {
		t.Fatalf("entry: %+v", es)
	}
	mustWrite(t, s, func(tx *Tx) error { _, err := tx.tx.Exec(`DELETE FROM setting WHERE key = 'b'`); return err })
	ds, _ := s.Deletions(ctx, 1)
	if len(ds) != 1 || ds[0].Summary != `cài đặt: {"key":"b"}` {
		t.Fatalf("deletions %+v", ds)
	}
	mustWrite(t, s, func(tx *Tx) error { _, err := tx.UndoDeletion(ds[0].Tx); return err })
	var typ string
	var got []byte
	if err := s.write.QueryRow(`SELECT typeof(value), value FROM setting WHERE key = 'b'`).Scan(&typ, &got); err != nil || typ != "blob" || !bytes.Equal(got, blob) {
		t.Errorf("restored %s %x %v", typ, got, err)
	}
}

func TestJournal_PersonAndRoundHistory(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	id1 := createPerson(t, s, person("CB001", "Lê Văn Cường", "42.TCHC"))
	createPerson(t, s, person("CB002", "Trần Thị Dung", "42.KHTC"))
	mustWrite(t, s, func(tx *Tx) error {
		for _, c := range []string{"CB001", "CB002"} {
			if _, err := tx.SetRating(domain.RatingRecord{Subject: domain.PersonSubject(c), Year: 2024, Rating: domain.HTXSNV}); err != nil {
				return err
			}
		}
		_, _, err := tx.SaveAward(domain.AwardRecord{Subject: domain.PersonSubject("CB001"), Year: 2024, AwardCode: "CSTDCS", Kind: domain.KindMerit})
		return err
	})
	r1, n1 := roundFixture(t, s, "Đợt 1")
	r2, _ := roundFixture(t, s, "Đợt 2")
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteRound(r1) })

	tables := func(es []JournalEntry) map[string]int {
		m := map[string]int{}
		for _, e := range es {
			m[e.Table+" "+e.Op]++
		}
		return m
	}
	got := tables(journal(t, s, JournalFilter{PersonID: id1}))
	// CB001: the person, the assignment, a rating, an award, and a nominee
	// in each round (the first one deleted since).
	want := map[string]int{"person INSERT": 1, "assignment INSERT": 1, "person_rating INSERT": 1, "award INSERT": 1,
		"nominee INSERT": 2, "nominee DELETE": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("history of CB001:\n got %v\nwant %v", got, want)
	}
	got = tables(journal(t, s, JournalFilter{RoundID: r1}))
	want = map[string]int{"round INSERT": 1, "nominee INSERT": 2, "nominee_attachment INSERT": 2, "council INSERT": 1,
		"council_member INSERT": 2, "vote INSERT": 2}
	for k, v := range want {
		want[strings.Replace(k, "INSERT", "DELETE", 1)] = v
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("history of round %d:\n got %v\nwant %v", r1, got, want)
	}
	for _, e := range journal(t, s, JournalFilter{RoundID: r2}) {
		if e.Op == "DELETE" {
			t.Errorf("round %d shows an entry of the other round: %+v", r2, e)
		}
	}
	if es := journal(t, s, JournalFilter{Table: "nominee_attachment", Key: fmt.Sprintf(`{"nominee_id":%d,"file_name":"QĐ sáng kiến.pdf"}`, n1)}); len(es) != 2 ||
		es[0].After["content"] != "255000FFFE7800" || es[1].Before["content"] != "255000FFFE7800" {
		t.Errorf("one file's history: %+v", es)
	}
	_ = ctx
}

func TestJournal_TriggersFollowTheSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tdkt.db")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting("a", "1") })
	triggers := countRows(t, s.write, `SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\_%' ESCAPE '\'`)
	tables := countRows(t, s.write, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit', 'audit_head', 'schema_migration') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if triggers != 3*tables || tables < 20 {
		t.Errorf("%d triggers for %d tables", triggers, tables)
	}
	s.Close()

	// Reopening with the same schema rewrites nothing.
	s = openAt(t, path)
	var cookie int
	s.write.QueryRow(`PRAGMA schema_version`).Scan(&cookie)
	s.Close()
	s = openAt(t, path)
	var again int
	s.write.QueryRow(`PRAGMA schema_version`).Scan(&again)
	if again != cookie {
		t.Errorf("reopening changed the schema (%d → %d)", cookie, again)
	}
	s.Close()

	// A later migration's table is journaled, and a dropped column does
	// not break the migration that drops it.
	all, _ := migrations()
	withMigrations(t, map[string]string{fmt.Sprintf("%04d_test.sql", latestVersion(all)+1): `
		CREATE TABLE test_extra (id INTEGER PRIMARY KEY, label TEXT NOT NULL, data BLOB);
		ALTER TABLE setting ADD COLUMN note TEXT NOT NULL DEFAULT '';
		ALTER TABLE person DROP COLUMN ethnicity;`})
	s = openAt(t, path)
	mustWrite(t, s.As("chuyenvien1"), func(tx *Tx) error {
		if _, err := tx.tx.Exec(`INSERT INTO test_extra(id, label, data) VALUES (7, 'nhãn', x'0102')`); err != nil {
			return err
		}
		_, err := tx.tx.Exec(`UPDATE setting SET note = 'ghi chú' WHERE key = 'a'`)
		return err
	})
	es := journal(t, s, JournalFilter{Table: "test_extra"})
	if len(es) != 1 || es[0].Key != `{"id":7}` || es[0].After["label"] != "nhãn" || es[0].After["data"] != "0102" || es[0].Actor != "chuyenvien1" {
		t.Errorf("new table's entries: %+v", es)
	}
	if es := journal(t, s, JournalFilter{Table: "setting"}); len(es) != 2 || es[1].After["note"] != "ghi chú" || es[1].Before["note"] != "" {
		t.Errorf("setting with the new column: %+v", es)
	}
	mustVerify(t, s)
}

func TestJournal_VerifiesAfterManyWrites(t *testing.T) {
	s := seedOffice(t)
	start := time.Now()
	mustWrite(t, s, func(tx *Tx) error {
		for i := range 500 {
			if _, err := tx.CreatePerson(person(fmt.Sprintf("CB%04d", i), "Nguyễn Văn Thứ", "42.TCHC")); err != nil {
				return err
			}
		}
		return nil
	})
	for i := range 20 {
		mustWrite(t, s.As(fmt.Sprintf("nguoi%d", i%3)), func(tx *Tx) error { return tx.SetSetting("k", fmt.Sprint(i)) })
	}
	c := verify(t, s)
	if !c.OK || c.Entries != countRows(t, s.write, `SELECT count(*) FROM audit`) || c.Entries < 1020 {
		t.Errorf("check: %+v", c)
	}
	// Entries of one Write share its number; numbers increase by one.
	if n := countRows(t, s.write, `SELECT count(DISTINCT tx) FROM audit`); n != countRows(t, s.write, `SELECT max(tx) FROM audit`) {
		t.Errorf("transaction numbers have gaps: %d distinct", n)
	}
	t.Logf("%d entries in %v", c.Entries, time.Since(start))
}
