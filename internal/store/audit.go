package store

// The audit journal (nhật ký thay đổi). Triggers generated from the schema
// record every insert, update and delete of every table into audit, with
// the row's values before and after as JSON; Write then stamps the new
// entries with the transaction number, time and actor and chains them by
// hash before it commits. The chain is what makes a change made outside the
// application visible: an entry edited or deleted with another SQLite tool
// no longer matches its hash or its successor, and a record changed with
// such a tool (while the triggers are in place) leaves an entry that no
// Write has chained.
//
// The chain has no secret: someone who reads this file can recompute it.
// It detects edits and deletions made with ordinary tools; a forger with
// the source code is found by a head kept outside the file, in every
// package the office signs and in every backup (audit_anchor.go).
//
// Beyond the chain, VerifyJournal replays the journal of the tables that
// decide who may do what (audit_replay.go) and checks the triggers
// (audit_install.go), because a record changed after dropping a trigger,
// or whose entry was deleted before any Write chained it, leaves the chain
// whole. Secret values enter the journal only as fingerprints
// (audit_secret.go).

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"sort"
	"strconv"
	"strings"
	"time"

	"tdkt/internal/domain"
)

// systemActor names the writes made without an account: migrations, the
// first-run setup, the command line without a login.
const systemActor = "hệ thống"

// outsideActor is shown for entries no Write has chained, i.e. changes made
// to the file with another program.
const outsideActor = "không rõ (ngoài chương trình)"

// auditTriggerPrefix starts the name of every generated trigger; Open drops
// and recreates exactly these.
const auditTriggerPrefix = "audit_"

// jsonObjectArgs is how many name/value pairs go into one json_object or
// json_insert call, well under SQLite's limit on function arguments (127
// in older builds), so a very wide table still gets a trigger.
const jsonObjectArgs = 50

type auditColumn struct {
	name string
	blob bool // declared BLOB: kept as hex text, turned back by unhex on undo
	// secret: never copied into the journal (which every role may read),
	// only its fingerprint (audit_secret.go); nil for an ordinary column.
	secret *secretRule
	// dflt is the column's declared default as SQL text (NULL: none): the
	// value rows had when a migration added the column, which the journal
	// check assumes for entries written before.
	dflt sql.NullString
}

// secretMark starts the journal's stand-in for a secret value.
const secretMark = "(ẩn)"

type auditTable struct {
	name string
	cols []auditColumn
	key  []string // primary key columns in key order; empty: the rowid
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
func quoteText(s string) string  { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// journaled reports whether changes to table name are recorded: every
// table but the journal itself, the migration bookkeeping and SQLite's own.
func journaled(name string) bool {
	return name != "audit" && name != "audit_head" && name != "schema_migration" &&
		!strings.HasPrefix(strings.ToLower(name), "sqlite_")
}

// auditTables reads the journaled tables of the main schema. Virtual tables
// and their shadow tables are left out: triggers cannot be put on the
// former, and the latter are an index's internals, not records.
func auditTables(ctx context.Context, q querier) ([]auditTable, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM pragma_table_list WHERE schema='main' AND type='table' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		if journaled(n) {
			names = append(names, n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]auditTable, 0, len(names))
	for _, n := range names {
		t, err := auditTableInfo(ctx, q, n)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

func auditTableInfo(ctx context.Context, q querier, name string) (auditTable, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, type, pk, dflt_value FROM pragma_table_info(?) ORDER BY cid`, name)
	if err != nil {
		return auditTable{}, fmt.Errorf("columns of %s: %w", name, err)
	}
	defer rows.Close()
	t := auditTable{name: name}
	type keyCol struct {
		pos  int
		name string
	}
	var keys []keyCol
	for rows.Next() {
		var c, decl string
		var pk int
		var dflt sql.NullString
		if err := rows.Scan(&c, &decl, &pk, &dflt); err != nil {
			return auditTable{}, err
		}
		t.cols = append(t.cols, auditColumn{name: c, blob: strings.Contains(strings.ToUpper(decl), "BLOB"), secret: secretRuleFor(name, c), dflt: dflt})
		if pk > 0 {
			keys = append(keys, keyCol{pk, c})
		}
	}
	if err := rows.Err(); err != nil {
		return auditTable{}, err
	}
	if len(t.cols) == 0 {
		return auditTable{}, fmt.Errorf("bảng %s không còn trong cơ sở dữ liệu", name)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].pos < keys[j].pos })
	for _, k := range keys {
		t.key = append(t.key, k.name)
	}
	return t, nil
}

func (t auditTable) column(name string) (auditColumn, bool) {
	for _, c := range t.cols {
		if c.name == name {
			return c, true
		}
	}
	return auditColumn{}, false
}

// valueSQL is the JSON value of column c of the row ref (NEW or OLD).
// json_object cannot hold a BLOB (SQLite 3.45+ even reads one as JSONB and
// fails or, worse, turns it into something else), so a BLOB column is
// written as hex text, and a blob that ended up in another column as an
// object {"hex": ...} that undo recognises.
//
// A secret column is written as its fingerprint (in the rows where it
// holds a secret), computed by the function the package registers.
func valueSQL(ref string, c auditColumn) string {
	v := ref + "." + quoteIdent(c.name)
	plain := "CASE WHEN typeof(" + v + ")='blob' THEN json_object('hex', hex(" + v + ")) ELSE " + v + " END"
	if c.blob {
		plain = "CASE WHEN " + v + " IS NULL THEN NULL ELSE hex(" + v + ") END"
	}
	if c.secret == nil {
		return plain
	}
	fp := secretFunc + "(" + v + ")"
	cond := c.secret.condSQL(func(name string) string { return ref + "." + quoteIdent(name) })
	if cond == "" {
		return fp
	}
	return "CASE WHEN " + cond + " THEN " + fp + " ELSE " + plain + " END"
}

// objectSQL builds a JSON object of the given columns of ref, in column
// order, chunked so no call passes too many arguments.
func objectSQL(ref string, cols []auditColumn) string {
	pairs := func(cs []auditColumn, path bool) string {
		parts := make([]string, len(cs))
		for i, c := range cs {
			name := quoteText(c.name)
			if path {
				name = quoteText(`$."` + strings.ReplaceAll(c.name, `"`, `\"`) + `"`)
			}
			parts[i] = name + ", " + valueSQL(ref, c)
		}
		return strings.Join(parts, ", ")
	}
	n := min(len(cols), jsonObjectArgs)
	out := "json_object(" + pairs(cols[:n], false) + ")"
	for rest := cols[n:]; len(rest) > 0; rest = rest[min(len(rest), jsonObjectArgs):] {
		out = "json_insert(" + out + ", " + pairs(rest[:min(len(rest), jsonObjectArgs)], true) + ")"
	}
	return out
}

func (t auditTable) rowSQL(ref string) string { return objectSQL(ref, t.cols) }

func (t auditTable) keySQL(ref string) string {
	if len(t.key) == 0 {
		return "json_object('rowid', " + ref + ".rowid)"
	}
	cols := make([]auditColumn, len(t.key))
	for i, k := range t.key {
		cols[i], _ = t.column(k)
	}
	return objectSQL(ref, cols)
}

// subjectColumns are the audit columns that say whose history an entry
// belongs to: the row's column of that name, or for a row of table itself,
// its id. An update that moves a row to another person is filed under the
// new one (its before values still name the old one).
var subjectColumns = []struct{ name, table string }{
	{"person_id", "person"},
	{"round_id", "round"},
	{"nominee_id", "nominee"},
}

// subjectsSQL is the person_id, round_id and nominee_id an entry about
// the row ref (NEW or OLD) is filed under.
func (t auditTable) subjectsSQL(ref string) string {
	out := make([]string, len(subjectColumns))
	for i, col := range subjectColumns {
		out[i] = "NULL"
		if _, ok := t.column(col.name); ok {
			out[i] = ref + "." + quoteIdent(col.name)
		} else if t.name == col.table && len(t.key) == 1 {
			out[i] = ref + "." + quoteIdent(t.key[0])
		}
	}
	return strings.Join(out, ", ")
}

// triggers returns the three triggers of t by name. The UPDATE trigger
// fires only when a column really changed, so an upsert that writes the
// same values (a re-import) leaves no entry.
func (t auditTable) triggers() map[string]string {
	subjects := t.subjectsSQL
	tbl := quoteIdent(t.name)
	name := func(op string) string { return auditTriggerPrefix + t.name + "_" + op }
	changed := make([]string, len(t.cols))
	for i, c := range t.cols {
		changed[i] = "OLD." + quoteIdent(c.name) + " IS NOT NEW." + quoteIdent(c.name)
	}
	lit := quoteText(t.name)
	return map[string]string{
		name("insert"): "CREATE TRIGGER " + quoteIdent(name("insert")) + " AFTER INSERT ON " + tbl + " BEGIN\n" +
			"INSERT INTO audit(tbl, op, row_key, after, person_id, round_id, nominee_id) VALUES (" + lit + ", 'INSERT', " +
			t.keySQL("NEW") + ", " + t.rowSQL("NEW") + ", " + subjects("NEW") + ");\nEND",
		name("update"): "CREATE TRIGGER " + quoteIdent(name("update")) + " AFTER UPDATE ON " + tbl + " WHEN " + strings.Join(changed, " OR ") + " BEGIN\n" +
			"INSERT INTO audit(tbl, op, row_key, before, after, person_id, round_id, nominee_id) VALUES (" + lit + ", 'UPDATE', " +
			t.keySQL("NEW") + ", " + t.rowSQL("OLD") + ", " + t.rowSQL("NEW") + ", " + subjects("NEW") + ");\nEND",
		name("delete"): "CREATE TRIGGER " + quoteIdent(name("delete")) + " AFTER DELETE ON " + tbl + " BEGIN\n" +
			"INSERT INTO audit(tbl, op, row_key, before, person_id, round_id, nominee_id) VALUES (" + lit + ", 'DELETE', " +
			t.keySQL("OLD") + ", " + t.rowSQL("OLD") + ", " + subjects("OLD") + ");\nEND",
	}
}

// auditTriggers reads the generated triggers present in the database.
func auditTriggers(ctx context.Context, q querier) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name LIKE 'audit\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]string{}
	for rows.Next() {
		var n, s string
		if err := rows.Scan(&n, &s); err != nil {
			return nil, err
		}
		have[n] = s
	}
	return have, rows.Err()
}

// dropAuditTriggers removes the generated triggers. migrate calls it before
// the pending migrations: a migration that drops or renames a column would
// otherwise fail on the trigger naming it, and installJournal rebuilds the
// triggers from the new schema right after.
func dropAuditTriggers(ctx context.Context, tx *sql.Tx) error {
	have, err := auditTriggers(ctx, tx)
	if err != nil {
		return err
	}
	for n := range have {
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER "+quoteIdent(n)); err != nil {
			return fmt.Errorf("drop trigger %s: %w", n, err)
		}
	}
	return nil
}

// lastAuditID is where the entries of a Write will start after.
func lastAuditID(ctx context.Context, tx *sql.Tx) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT ifnull(max(id), 0) FROM audit`).Scan(&id)
	return id, err
}

// chain stamps and chains the entries that this transaction's triggers
// wrote (ids above start). Only those: an entry that a change made outside
// the application left behind stays unchained, so VerifyJournal keeps
// reporting it instead of this Write adopting it under its own actor.
func (s *Store) chain(tx *Tx, start int64) error {
	ctx := tx.ctx
	last, err := lastAuditID(ctx, tx.tx)
	if err != nil {
		return err
	}
	if last <= start {
		return nil
	}
	if err := collapseReinserts(ctx, tx.tx, start); err != nil {
		return err
	}
	headHash, txNo, err := auditHead(ctx, tx.tx, start)
	if err != nil {
		return err
	}
	txNo++
	at := tx.now.UTC().Format(time.RFC3339Nano)
	actor := s.actor
	if actor == "" {
		actor = systemActor
	}

	// Hash while reading, update after: the statement reading audit is
	// closed before the same table is written.
	rows, err := tx.tx.QueryContext(ctx, `SELECT `+rawColumns+` FROM audit WHERE id > ? ORDER BY id`, start)
	if err != nil {
		return err
	}
	type link struct {
		id         int64
		prev, hash string
	}
	links := make([]link, 0, last-start)
	prev := headHash
	for rows.Next() {
		var e rawEntry
		if err := rows.Scan(e.scanTo()...); err != nil {
			rows.Close()
			return err
		}
		e.tx, e.at, e.actor = sql.NullInt64{Int64: txNo, Valid: true}, sql.NullString{String: at, Valid: true}, sql.NullString{String: actor, Valid: true}
		h := e.sum(prev)
		links = append(links, link{e.id, prev, h})
		prev = h
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(links) == 0 {
		return nil
	}
	// In batches: one statement per row cost more than the hashing.
	for rest := links; len(rest) > 0; {
		n := min(len(rest), chainBatch)
		args := make([]any, 0, 3+3*n)
		args = append(args, txNo, at, actor)
		for _, l := range rest[:n] {
			args = append(args, l.id, l.prev, l.hash)
		}
		if _, err := tx.tx.ExecContext(ctx, chainUpdateSQL(n), args...); err != nil {
			return err
		}
		rest = rest[n:]
	}
	end := links[len(links)-1]
	_, err = tx.tx.ExecContext(ctx, `INSERT INTO audit_head(id, last_id, last_hash, last_tx) VALUES (1, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET last_id=excluded.last_id, last_hash=excluded.last_hash, last_tx=excluded.last_tx`,
		end.id, end.hash, txNo)
	return err
}

// chainBatch is how many entries one UPDATE stamps.
const chainBatch = 200

// chainUpdateSQL stamps n entries: tx, at and actor, then (id, prev, hash)
// for each.
func chainUpdateSQL(n int) string {
	return `UPDATE audit SET tx = ?, at = ?, actor = ?, prev = v.column2, hash = v.column3 FROM (VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?),", n), ",") + `) AS v WHERE audit.id = v.column1`
}

// auditHead is the hash new entries chain to and the last transaction
// number. It comes from audit_head, not from the newest entry, so that
// entries deleted from the end stay detectable after the next Write. If
// the head row itself is gone, the newest chained entry stands in, so the
// application keeps working (VerifyJournal reports the missing head).
func auditHead(ctx context.Context, tx *sql.Tx, start int64) (hash string, txNo int64, err error) {
	err = tx.QueryRowContext(ctx, `SELECT last_hash, last_tx FROM audit_head WHERE id=1`).Scan(&hash, &txNo)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.QueryRowContext(ctx, `SELECT ifnull((SELECT hash FROM audit WHERE id <= ? AND hash IS NOT NULL ORDER BY id DESC LIMIT 1), ''),
			ifnull((SELECT max(tx) FROM audit), 0)`, start).Scan(&hash, &txNo)
	}
	return hash, txNo, err
}

// collapseReinserts merges a delete and a later re-insert of the same
// record in one transaction (how several saves replace a list: a council's
// members, a movement's reviews) into one UPDATE entry, or into nothing
// when the values came back unchanged; so saving an unchanged list leaves
// no entry and a deletion in the journal is a record that really went.
// The entries after the removed ones are renumbered so ids stay without
// gaps, which VerifyJournal relies on to name a deleted entry.
func collapseReinserts(ctx context.Context, tx *sql.Tx, start int64) error {
	var deletes bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM audit WHERE id > ? AND op='DELETE')`, start).Scan(&deletes); err != nil {
		return err
	}
	if !deletes {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, tbl, op, row_key FROM audit WHERE id > ? ORDER BY id`, start)
	if err != nil {
		return err
	}
	pending := map[string]int64{}
	var pairs [][2]int64
	for rows.Next() {
		var id int64
		var tbl, op, key string
		if err := rows.Scan(&id, &tbl, &op, &key); err != nil {
			rows.Close()
			return err
		}
		k := tbl + "\x00" + key
		switch op {
		case "DELETE":
			pending[k] = id
		case "INSERT":
			if d, ok := pending[k]; ok {
				pairs = append(pairs, [2]int64{d, id})
				delete(pending, k)
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(pairs) == 0 {
		return nil
	}
	for _, p := range pairs {
		if _, err := tx.ExecContext(ctx, `UPDATE audit SET op='UPDATE', before=(SELECT before FROM audit WHERE id=?) WHERE id=?`, p[0], p[1]); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM audit WHERE id=? OR (id=? AND before IS after)`, p[0], p[1]); err != nil {
			return err
		}
	}
	ids, err := tx.QueryContext(ctx, `SELECT id FROM audit WHERE id > ? ORDER BY id`, start)
	if err != nil {
		return err
	}
	var moves [][2]int64
	next := start + 1
	for ids.Next() {
		var id int64
		if err := ids.Scan(&id); err != nil {
			ids.Close()
			return err
		}
		if id != next {
			moves = append(moves, [2]int64{id, next})
		}
		next++
	}
	ids.Close()
	if err := ids.Err(); err != nil {
		return err
	}
	// Ascending: each new id is below the old one and already free.
	for _, m := range moves {
		if _, err := tx.ExecContext(ctx, `UPDATE audit SET id=? WHERE id=?`, m[1], m[0]); err != nil {
			return err
		}
	}
	return nil
}

// rawEntry is an audit row as stored.
type rawEntry struct {
	id            int64
	tx            sql.NullInt64
	at, actor     sql.NullString
	tbl, op, key  string
	before, after sql.NullString
	prev, hash    sql.NullString
	subjects      [3]sql.NullInt64 // person_id, round_id, nominee_id
}

// rawColumns are the audit columns in the order scanTo expects them.
const rawColumns = `id, tx, at, actor, tbl, op, row_key, before, after, prev, hash, person_id, round_id, nominee_id`

func (e *rawEntry) scanTo() []any {
	return []any{&e.id, &e.tx, &e.at, &e.actor, &e.tbl, &e.op, &e.key, &e.before, &e.after, &e.prev, &e.hash,
		&e.subjects[0], &e.subjects[1], &e.subjects[2]}
}

// sum is the entry's SHA-256 over every field and the previous entry's
// hash, each field length-prefixed (and NULL told from empty) so that no
// two different entries hash the same input.
func (e rawEntry) sum(prev string) string {
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
	for _, v := range e.subjects {
		putNull(strconv.FormatInt(v.Int64, 10), v.Valid)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// JournalCheck is the result of VerifyJournal.
type JournalCheck struct {
	Entries     int    // entries in the journal
	OK          bool   // the chain verifies and the checked tables agree with it
	FirstBroken int64  // id of the first entry edited, deleted or not chained; 0 when the chain is whole
	Problem     string // for people, in Vietnamese: the first of Problems
	// Problems lists everything found, for people, in Vietnamese: the
	// first break of the chain, then the triggers dropped or changed, then
	// each record of a checked table that differs from what the journal
	// says (accounts, settings, the office, the catalogue).
	Problems []string
}

func (c *JournalCheck) add(p string) {
	c.OK = false
	if c.Problem == "" {
		c.Problem = p
	}
	c.Problems = append(c.Problems, p)
}

// chainWalk is what walkChain found.
type chainWalk struct {
	entries     int
	firstBroken int64 // 0: every entry verifies
	problem     string
	next        int64  // the id after the last entry
	prev        string // the hash of the last entry
}

// walkChain reads the entries that query selects (rawColumns, in id order)
// and recomputes every hash, stopping the judgement (not the count) at the
// first entry that was edited (its hash no longer matches), deleted (a gap
// in the ids, a successor whose prev does not match) or added outside the
// application (never chained).
func walkChain(ctx context.Context, q querier, query string, args ...any) (chainWalk, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return chainWalk{}, err
	}
	defer rows.Close()
	w := chainWalk{next: 1}
	broken := func(id int64, format string, args ...any) {
		w.firstBroken, w.problem = id, fmt.Sprintf(format, args...)
	}
	for rows.Next() {
		var e rawEntry
		if err := rows.Scan(e.scanTo()...); err != nil {
			return chainWalk{}, err
		}
		w.entries++
		if w.firstBroken != 0 {
			continue // keep counting
		}
		next, prev := w.next, w.prev
		switch {
		case e.id > next:
			if e.id == next+1 {
				broken(next, "Mục nhật ký số %d đã bị xoá bằng một chương trình khác (mục số %d đứng ngay sau mục số %d).", next, e.id, next-1)
			} else {
				broken(next, "Các mục nhật ký từ số %d đến số %d đã bị xoá bằng một chương trình khác.", next, e.id-1)
			}
		case !e.hash.Valid:
			broken(e.id, "Mục nhật ký số %d (%s bảng %s) không do chương trình ghi: dữ liệu đã bị thay đổi bằng một chương trình khác.", e.id, opText(e.op), e.tbl)
		case !e.prev.Valid || e.prev.String != prev:
			broken(e.id, "Mục nhật ký số %d không nối tiếp mục đứng trước: mục trước nó đã bị sửa hoặc xoá bằng một chương trình khác.", e.id)
		case e.sum(prev) != e.hash.String:
			broken(e.id, "Mục nhật ký số %d (%s bảng %s lúc %s) đã bị sửa bằng một chương trình khác: nội dung không còn khớp với mã kiểm tra.", e.id, opText(e.op), e.tbl, e.at.String)
		}
		w.next, w.prev = e.id+1, e.hash.String
	}
	return w, rows.Err()
}

// VerifyJournal checks the journal and what it vouches for:
//
//   - it walks the journal in id order, recomputing every hash, and reports
//     the first entry that was edited (its hash no longer matches), deleted
//     (a gap in the ids, a successor whose prev does not match, or a chain
//     shorter than its recorded head) or added outside the application
//     (never chained);
//   - it reports the journal's triggers that are missing or changed now,
//     and those that the program found missing or changed when it opened
//     the file (journal notes of kind tamper);
//   - it replays the journal of the checked tables (accounts, settings, the
//     office, the catalogue) and reports every record whose values differ
//     from the journal's, that exists without an entry, or whose deletion
//     the journal does not record; and accounts sharing a password hash.
//
// The chain has no secret: a forger with the source code can recompute it.
// CheckAnchor and CheckAgainstBackup compare it with a head kept outside
// the file.
func (s *Store) VerifyJournal(ctx context.Context) (JournalCheck, error) {
	// One read transaction: the entries, the head and the records from the
	// same moment.
	rtx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return JournalCheck{}, fmt.Errorf("verify journal: %w", err)
	}
	defer rtx.Rollback()
	w, err := walkChain(ctx, rtx, `SELECT `+rawColumns+` FROM audit ORDER BY id`)
	if err != nil {
		return JournalCheck{}, fmt.Errorf("verify journal: %w", err)
	}
	c := JournalCheck{OK: true, Entries: w.entries}
	if w.firstBroken != 0 {
		c.FirstBroken = w.firstBroken
		c.add(w.problem)
	} else {
		next, prev := w.next, w.prev
		var headID int64
		var headHash string
		broken := func(id int64, format string, args ...any) {
			c.FirstBroken = id
			c.add(fmt.Sprintf(format, args...))
		}
		err = rtx.QueryRowContext(ctx, `SELECT last_id, last_hash FROM audit_head WHERE id=1`).Scan(&headID, &headHash)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			broken(next, "Bản ghi đầu chuỗi của nhật ký đã bị xoá bằng một chương trình khác: không còn biết được các mục từ số %d trở đi có bị xoá hay không.", next)
		case err != nil:
			return JournalCheck{}, fmt.Errorf("verify journal: %w", err)
		case headID > next-1:
			if headID == next {
				broken(next, "Mục nhật ký mới nhất (số %d) đã bị xoá bằng một chương trình khác.", next)
			} else {
				broken(next, "Các mục nhật ký mới nhất (từ số %d đến số %d) đã bị xoá bằng một chương trình khác.", next, headID)
			}
		case headID < next-1:
			broken(headID+1, "Mục nhật ký số %d trở đi không do chương trình ghi.", headID+1)
		case headHash != prev:
			broken(headID, "Mục nhật ký mới nhất (số %d) không khớp với đầu chuỗi đã lưu: nó hoặc đầu chuỗi đã bị sửa bằng một chương trình khác.", headID)
		}
	}
	// The triggers and the journal's format are those of the program that
	// last opened the file: a file an older version wrote (a backup from
	// before an upgrade) differs from this version's without anyone
	// tampering.
	var version int
	if err := rtx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migration`).Scan(&version); err != nil {
		return JournalCheck{}, fmt.Errorf("verify journal: %w", err)
	}
	all, err := migrations()
	if err != nil {
		return JournalCheck{}, fmt.Errorf("verify journal: %w", err)
	}
	problems, err := checkJournalCoverage(ctx, rtx, version == latestVersion(all))
	if err != nil {
		return JournalCheck{}, fmt.Errorf("verify journal: %w", err)
	}
	for _, p := range problems {
		c.add(p)
	}
	return c, nil
}

func opText(op string) string {
	switch op {
	case "INSERT":
		return "thêm vào"
	case "UPDATE":
		return "sửa"
	case "DELETE":
		return "xoá khỏi"
	}
	return op
}

// JournalEntry is one change of one record.
type JournalEntry struct {
	ID, Tx int64
	At     time.Time // zero for a change made outside the application
	Actor  string
	Table  string // SQL table name; TableLabel says it in Vietnamese
	Op     string // INSERT, UPDATE or DELETE
	Key    string // JSON of the primary key, as JournalFilter.Key takes it
	// Before and After hold every column (nil for an INSERT's Before and a
	// DELETE's After); BLOB columns are hex text.
	Before, After map[string]any
}

// JournalFilter selects journal entries; the zero value selects all.
type JournalFilter struct {
	Table string
	Key   string // with Table: one record's history
	// PersonID: the person row and the rows of any table whose person_id
	// is this id (ratings, awards, assignments, nominations…).
	PersonID int64
	// RoundID: the round row, the rows whose round_id is this id, and the
	// rows of the round's nominees (votes, attachments).
	RoundID int64
	Actor   string
	Limit   int // 0: no limit
}

// Journal lists the entries matching f, newest first.
func (s *Store) Journal(ctx context.Context, f JournalFilter) ([]JournalEntry, error) {
	var where []string
	var args []any
	if f.Table != "" {
		where, args = append(where, "tbl = ?"), append(args, f.Table)
	}
	if f.Key != "" {
		where, args = append(where, "row_key = ?"), append(args, f.Key)
	}
	if f.Actor != "" {
		where, args = append(where, "actor = ?"), append(args, f.Actor)
	}
	if f.PersonID != 0 {
		where, args = append(where, "person_id = ?"), append(args, f.PersonID)
	}
	if f.RoundID != 0 {
		// The round's nominees as the journal knows them, so the votes and
		// files of a nominee deleted since still show.
		where = append(where, `(round_id = ? OR nominee_id IN (SELECT nominee_id FROM audit WHERE tbl = 'nominee' AND round_id = ?))`)
		args = append(args, f.RoundID, f.RoundID)
	}
	q := `SELECT ` + rawColumns + ` FROM audit`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id DESC"
	if f.Limit > 0 {
		q += " LIMIT " + strconv.Itoa(f.Limit)
	}
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	defer rows.Close()
	var out []JournalEntry
	for rows.Next() {
		var e rawEntry
		if err := rows.Scan(e.scanTo()...); err != nil {
			return nil, fmt.Errorf("journal: %w", err)
		}
		je, err := e.entry()
		if err != nil {
			return nil, err
		}
		out = append(out, je)
	}
	return out, rows.Err()
}

func (e rawEntry) entry() (JournalEntry, error) {
	je := JournalEntry{ID: e.id, Tx: e.tx.Int64, Actor: e.actor.String, Table: e.tbl, Op: e.op, Key: e.key}
	if !e.actor.Valid {
		je.Actor = outsideActor
	}
	if e.at.Valid {
		t, err := time.Parse(time.RFC3339Nano, e.at.String)
		if err != nil {
			return je, fmt.Errorf("journal entry %d: time %q: %w", e.id, e.at.String, err)
		}
		je.At = t
	}
	for _, v := range []struct {
		src sql.NullString
		dst *map[string]any
	}{{e.before, &je.Before}, {e.after, &je.After}} {
		if !v.src.Valid {
			continue
		}
		if err := json.Unmarshal([]byte(v.src.String), v.dst); err != nil {
			return je, fmt.Errorf("journal entry %d: %w", e.id, err)
		}
	}
	return je, nil
}

// tableLabels says what a table's rows are, for the history and undo lists.
var tableLabels = map[string]string{
	"account":               "tài khoản",
	"assessment_signoff":    "ký duyệt tự đánh giá",
	"assignment":            "quá trình công tác",
	"authority":             "cấp quyết định khen thưởng",
	"award":                 "khen thưởng",
	"award_authority":       "thẩm quyền khen thưởng",
	"award_initiative":      "sáng kiến làm căn cứ khen thưởng",
	"award_type":            "danh hiệu, hình thức khen thưởng",
	"catalogue_param":       "tham số danh mục",
	"central_assessment":    "điểm tự chấm của đơn vị",
	"central_decision":      "quyết định khen thưởng",
	"central_decision_item": "nội dung quyết định",
	"central_nomination":    "đề nghị của đơn vị",
	"central_package":       "gói hồ sơ đã nhận",
	"central_period":        "tổng kết giai đoạn của đơn vị",
	"central_period_model":  "gương điển hình của đơn vị",
	"central_person":        "cán bộ (Trung ương)",
	"cluster":               "cụm thi đua",
	"cluster_member":        "thành viên cụm thi đua",
	"council":               "hội đồng thi đua",
	"council_member":        "thành viên hội đồng",
	"criterion":             "tiêu chí chấm điểm",
	"discipline":            "kỷ luật",
	"feedback_received":     "phản hồi của Trung ương",
	"initiative":            "sáng kiến",
	"initiative_author":     "tác giả sáng kiến",
	"movement":              "phong trào thi đua",
	"movement_review":       "sơ kết, tổng kết phong trào",
	"nominee":               "người/tập thể được đề nghị",
	"nominee_attachment":    "tài liệu kèm đề nghị",
	"journal_note":          "ghi chú về nhật ký",
	"office_profile":        "thông tin đơn vị",
	"package_sent":          "gói hồ sơ đã gửi",
	"period":                "giai đoạn thi đua",
	"period_model":          "gương điển hình tiên tiến",
	"person":                "cán bộ",
	"person_rating":         "xếp loại",
	"regime":                "chế độ khen thưởng",
	"registration":          "đăng ký thi đua",
	"round":                 "đợt khen thưởng",
	"round_decision":        "quyết định của đơn vị",
	"round_event":           "trạng thái đợt khen thưởng",
	"self_score":            "điểm tự chấm",
	"self_score_attachment": "minh chứng tự chấm",
	"setting":               "cài đặt",
	"target":                "chỉ tiêu thi đua",
	"target_value":          "kết quả chỉ tiêu",
	"unit":                  "đơn vị",
	"unit_code_change":      "đổi mã đơn vị",
	"unit_key":              "khóa của đơn vị",
	"unit_rating":           "xếp loại tập thể",
	"vote":                  "biểu quyết",
}

// TableLabels is every table that has a Vietnamese name, with the name.
func TableLabels() map[string]string { return maps.Clone(tableLabels) }

// TableLabel names the records of a table in Vietnamese ("person" → "cán
// bộ"); a table it does not know is named as it is.
func TableLabel(table string) string {
	if l, ok := tableLabels[table]; ok {
		return l
	}
	return table
}

// Deletion is one Write that deleted records, as the undo list shows it.
type Deletion struct {
	Tx      int64
	At      time.Time
	Actor   string
	Rows    int      // records deleted, cascades included
	Tables  []string // tables they were in, sorted
	Summary string   // "cán bộ: Nguyễn Văn A (CB001) và 12 bản ghi liên quan"
	// Undone: a record with the key of one of the deleted rows exists again
	// (usually because the deletion was undone already), so UndoDeletion
	// would refuse.
	Undone bool
}

type deletedRow struct {
	id         int64
	tbl, key   string
	name, code sql.NullString
}

// Deletions lists the latest Writes that deleted records, newest first, at
// most limit of them (0: all).
func (s *Store) Deletions(ctx context.Context, limit int) ([]Deletion, error) {
	q := `SELECT tx, min(at), min(actor), count(*) FROM audit WHERE op = 'DELETE' AND tx IS NOT NULL GROUP BY tx ORDER BY tx DESC`
	if limit > 0 {
		q += " LIMIT " + strconv.Itoa(limit)
	}
	rows, err := s.read.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("deletions: %w", err)
	}
	var out []Deletion
	for rows.Next() {
		var d Deletion
		var at string
		if err := rows.Scan(&d.Tx, &at, &d.Actor, &d.Rows); err != nil {
			rows.Close()
			return nil, fmt.Errorf("deletions: %w", err)
		}
		d.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("deletions: %w", err)
	}
	defs := map[string]auditTable{}
	for i := range out {
		if err := s.describeDeletion(ctx, &out[i], defs); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) describeDeletion(ctx context.Context, d *Deletion, defs map[string]auditTable) error {
	rows, err := s.read.QueryContext(ctx, `SELECT id, tbl, row_key,
		coalesce(json_extract(before, '$.full_name'), json_extract(before, '$.name'), json_extract(before, '$.title'), json_extract(before, '$.file_name')),
		coalesce(json_extract(before, '$.staff_code'), json_extract(before, '$.code'))
		FROM audit WHERE tx = ? AND op = 'DELETE' ORDER BY id`, d.Tx)
	if err != nil {
		return fmt.Errorf("deletions: %w", err)
	}
	var del []deletedRow
	tables := map[string]bool{}
	for rows.Next() {
		var r deletedRow
		if err := rows.Scan(&r.id, &r.tbl, &r.key, &r.name, &r.code); err != nil {
			rows.Close()
			return fmt.Errorf("deletions: %w", err)
		}
		del = append(del, r)
		tables[r.tbl] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("deletions: %w", err)
	}
	d.Tables = sortedKeys(tables)
	if len(del) == 0 {
		return nil
	}
	// The record the person deleted is the one whose table refers to none
	// of the other tables deleted from: the round, not its nominees.
	main := del[0]
	refs, err := s.referencedTables(ctx, d.Tables)
	if err != nil {
		return err
	}
	for _, r := range del {
		child := false
		for _, p := range refs[r.tbl] {
			if p != r.tbl && tables[p] {
				child = true
			}
		}
		if !child {
			main = r
			break
		}
	}
	label := main.key
	if main.name.Valid && main.name.String != "" {
		label = main.name.String
		if main.code.Valid && main.code.String != "" {
			label += " (" + main.code.String + ")"
		}
	}
	d.Summary = TableLabel(main.tbl) + ": " + label
	if len(del) > 1 {
		d.Summary += fmt.Sprintf(" và %d bản ghi liên quan", len(del)-1)
	}
	for _, r := range del {
		def, ok := defs[r.tbl]
		if !ok {
			if def, err = auditTableInfo(ctx, s.read, r.tbl); err != nil {
				continue // the table is gone; UndoDeletion explains
			}
			defs[r.tbl] = def
		}
		exists, err := rowExists(ctx, s.read, def, r.key)
		if err != nil {
			return fmt.Errorf("deletions: %w", err)
		}
		if exists {
			d.Undone = true
			break
		}
	}
	return nil
}

// referencedTables maps each table to the tables its foreign keys name.
func (s *Store) referencedTables(ctx context.Context, tables []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, t := range tables {
		rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`, t)
		if err != nil {
			return nil, fmt.Errorf("deletions: %w", err)
		}
		for rows.Next() {
			var p string
			if err := rows.Scan(&p); err != nil {
				rows.Close()
				return nil, err
			}
			out[t] = append(out[t], p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// jsonPath is the json_extract path of a top-level member.
func jsonPath(name string) string { return `$."` + strings.ReplaceAll(name, `"`, `\"`) + `"` }

// keyWhere is a WHERE clause matching the record whose key is the JSON
// row_key bound once per returned argument.
func keyWhere(t auditTable, key string) (string, []any) {
	if len(t.key) == 0 {
		return "rowid = json_extract(?, '$.rowid')", []any{key}
	}
	parts := make([]string, len(t.key))
	args := make([]any, len(t.key))
	for i, k := range t.key {
		parts[i] = quoteIdent(k) + " IS json_extract(?, " + quoteText(jsonPath(k)) + ")"
		args[i] = key
	}
	return strings.Join(parts, " AND "), args
}

func rowExists(ctx context.Context, q querier, t auditTable, key string) (bool, error) {
	where, args := keyWhere(t, key)
	var n int
	err := q.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+quoteIdent(t.name)+" WHERE "+where+")", args...).Scan(&n)
	return n == 1, err
}

// UndoDeletion puts back every record that the Write numbered txID deleted,
// with its original key and values, and returns how many. It refuses when
// a record with one of those keys exists again (the deletion was undone
// already, or something new took its place) and when a record refers to
// one that is gone. The re-inserts are journaled like any insert.
func (tx *Tx) UndoDeletion(txID int64) (int, error) {
	ctx := tx.ctx
	rows, err := tx.tx.QueryContext(ctx, `SELECT id, tbl, row_key, before FROM audit WHERE tx = ? AND op = 'DELETE' ORDER BY id DESC`, txID)
	if err != nil {
		return 0, fmt.Errorf("undo deletion %d: %w", txID, err)
	}
	type gone struct {
		tbl, key, before string
	}
	var list []gone
	for rows.Next() {
		var id int64
		var g gone
		var before sql.NullString
		if err := rows.Scan(&id, &g.tbl, &g.key, &before); err != nil {
			rows.Close()
			return 0, err
		}
		if !before.Valid {
			rows.Close()
			return 0, fmt.Errorf("không hoàn tác được: mục nhật ký số %d thiếu giá trị của bản ghi bị xoá", id)
		}
		g.before = before.String
		list = append(list, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if len(list) == 0 {
		return 0, fmt.Errorf("không có bản ghi nào bị xoá trong lần thay đổi số %d: %w", txID, domain.ErrNotFound)
	}
	// The rows come back in any order; the keys are checked at commit.
	if _, err := tx.tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		return 0, err
	}
	defs := map[string]auditTable{}
	for _, g := range list {
		def, ok := defs[g.tbl]
		if !ok {
			if def, err = auditTableInfo(ctx, tx.tx, g.tbl); err != nil {
				return 0, fmt.Errorf("không hoàn tác được: %v", err)
			}
			defs[g.tbl] = def
		}
		exists, err := rowExists(ctx, tx.tx, def, g.key)
		if err != nil {
			return 0, err
		}
		if exists {
			return 0, fmt.Errorf("không hoàn tác được: %s %s đã có lại trong dữ liệu (việc xoá này có thể đã được hoàn tác): %w",
				TableLabel(g.tbl), g.key, domain.ErrDuplicate)
		}
		if err := reinsert(ctx, tx.tx, def, g.before); err != nil {
			if errors.Is(err, errSecretNotKept) {
				return 0, fmt.Errorf("không hoàn tác được: %s %s: nhật ký chỉ giữ dấu vân tay của %s, không giữ giá trị, nên không phục hồi được bản ghi này",
					TableLabel(g.tbl), g.key, strings.TrimPrefix(err.Error(), errSecretNotKept.Error()+": "))
			}
			if strings.Contains(err.Error(), "constraint") {
				return 0, fmt.Errorf("không hoàn tác được: %s %s trùng với một bản ghi đang có (%v): %w", TableLabel(g.tbl), g.key, err, domain.ErrDuplicate)
			}
			return 0, fmt.Errorf("undo deletion %d: %s: %w", txID, g.tbl, err)
		}
	}
	// Deferred keys would only fail at commit with SQLite's bare message;
	// checking here names the record.
	for name := range defs {
		var child, parent string
		var rowid sql.NullInt64
		var fkid int
		err := tx.tx.QueryRowContext(ctx, `SELECT "table", rowid, parent, fkid FROM pragma_foreign_key_check(?) LIMIT 1`, name).Scan(&child, &rowid, &parent, &fkid)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, err
		}
		return 0, fmt.Errorf("không hoàn tác được: %s phục hồi tham chiếu tới %s không còn nữa; hãy hoàn tác việc xoá %s trước: %w",
			TableLabel(child), TableLabel(parent), TableLabel(parent), domain.ErrInUse)
	}
	return len(list), nil
}

// errSecretNotKept: the journal holds only the fingerprint of a secret
// value of the record, so the record cannot be put back.
var errSecretNotKept = errors.New("secret value not kept")

// reinsert inserts the record whose values are the journal's JSON before,
// into the columns that the table still has (a column added since takes
// its default).
func reinsert(ctx context.Context, tx *sql.Tx, t auditTable, before string) error {
	var vals map[string]json.RawMessage
	if err := json.Unmarshal([]byte(before), &vals); err != nil {
		return err
	}
	var cols, exprs []string
	var args []any
	for _, c := range t.cols {
		raw, ok := vals[c.name]
		if !ok {
			continue
		}
		if c.secret != nil {
			var v, key any
			if c.secret.keyColumn != "" {
				_ = json.Unmarshal(vals[c.secret.keyColumn], &key)
			}
			if c.secret.holds(key) && json.Unmarshal(raw, &v) == nil {
				if str, ok := v.(string); ok && isSecretMark(str) {
					return fmt.Errorf("%w: %s", errSecretNotKept, columnLabel(t.name, c.name))
				}
			}
		}
		p := quoteText(jsonPath(c.name))
		cols = append(cols, quoteIdent(c.name))
		switch {
		case c.blob:
			exprs = append(exprs, "unhex(json_extract(?, "+p+"))")
			args = append(args, before)
		default:
			exprs = append(exprs, "CASE WHEN json_type(?, "+p+") = 'object' THEN unhex(json_extract(?, "+quoteText(jsonPath(c.name)+".hex")+")) ELSE json_extract(?, "+p+") END")
			args = append(args, before, before, before)
		}
	}
	if len(cols) == 0 {
		return fmt.Errorf("no column of %s left", t.name)
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO "+quoteIdent(t.name)+"("+strings.Join(cols, ", ")+") VALUES ("+strings.Join(exprs, ", ")+")", args...)
	return err
}
