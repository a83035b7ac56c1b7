package store

// Secret values and the audit journal. Every role may read the journal, so
// it must never hold what unlocks something: the password hashes (a viewer
// could take them away and guess offline) and the private keys sealed with
// the director's passphrase (after a passphrase change, the old sealed key
// in an entry's before values would still open with the old passphrase).
// The journal records such a value as a fingerprint instead: the first 16
// hex digits of its SHA-256 behind the secret mark. A change stays visible
// as a change of fingerprint, and two accounts given the same password
// hash show the same fingerprint, but the value cannot be read back.
//
// The triggers compute the fingerprint with tdkt_secret, a function this
// package registers with the SQLite driver. Another SQLite program does not
// have it, so it cannot change these tables while the triggers are in
// place: it has to drop them first, which the journal check reports.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"modernc.org/sqlite"
)

// secretFunc is the SQL function that turns a secret value into its mark.
const secretFunc = "tdkt_secret"

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(secretFunc, 1,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			return secretFingerprint(args[0]), nil
		})
}

// secretFingerprint is the journal's stand-in for a secret value: NULL
// stays NULL, anything else becomes the mark and its fingerprint.
func secretFingerprint(v driver.Value) driver.Value {
	var b []byte
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		b = []byte(x)
	case []byte:
		b = x
	case int64:
		b = strconv.AppendInt(nil, x, 10)
	case float64:
		b = strconv.AppendFloat(nil, x, 'g', -1, 64)
	case bool:
		b = strconv.AppendBool(nil, x)
	default:
		b = fmt.Append(nil, x)
	}
	return fingerprintMark(b)
}

// fingerprintMark is the mark of a secret value: "(ẩn) 0123456789abcdef".
func fingerprintMark(b []byte) string {
	sum := sha256.Sum256(b)
	return secretMark + " " + hex.EncodeToString(sum[:8])
}

// isSecretMark reports whether a journal value is a mark rather than a
// value: the bare mark that older versions wrote (the value unknown), or a
// mark with a fingerprint.
func isSecretMark(s string) bool { return strings.HasPrefix(s, secretMark) }

// secretRule names a column that holds a secret, in every row or, with
// keyColumn, in the rows whose keyColumn ends with keySuffix (the sealed
// keys among the settings).
type secretRule struct {
	table, column        string
	keyColumn, keySuffix string
}

// secretRules are the secret columns. The sealed keys are settings named
// "….sealed": the office's (and the centre's) signing key and the centre's
// decryption identity, each sealed with the director's passphrase.
var secretRules = []secretRule{
	{table: "account", column: "password_hash"},
	{table: "setting", column: "value", keyColumn: "key", keySuffix: ".sealed"},
}

// secretRuleFor is the rule of table.column, nil when it holds no secret.
func secretRuleFor(table, column string) *secretRule {
	for i := range secretRules {
		if r := &secretRules[i]; r.table == table && r.column == column {
			return r
		}
	}
	return nil
}

// condSQL is the SQL condition under which the rule's column holds a
// secret, given how to read a column of the row; "" when it always does.
// substr counts characters, and the suffixes are ASCII.
func (r *secretRule) condSQL(col func(name string) string) string {
	if r.keyColumn == "" {
		return ""
	}
	return "substr(" + col(r.keyColumn) + ", -" + strconv.Itoa(len(r.keySuffix)) + ") = " + quoteText(r.keySuffix)
}

// holds reports in Go what condSQL says in SQL, for a row's key value.
func (r *secretRule) holds(key any) bool {
	if r.keyColumn == "" {
		return true
	}
	s, ok := key.(string)
	return ok && strings.HasSuffix(s, r.keySuffix)
}

// secretTables are the tables with a secret column, in rule order.
func secretTables() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range secretRules {
		if !seen[r.table] {
			seen[r.table] = true
			out = append(out, r.table)
		}
	}
	return out
}

// redactSQL is the journal column col (before or after) of an audit row
// with every secret value that is not a mark yet replaced by its mark. It
// changes nothing else: the other values keep their exact JSON text, so
// entries without a secret keep their hash. A blob that ended up in a
// secret text column ({"hex": …}) is fingerprinted as the bytes, as the
// trigger would.
func redactSQL(col string) string {
	var whens []string
	for _, tbl := range secretTables() {
		expr := col
		for _, r := range secretRules {
			if r.table != tbl {
				continue
			}
			path := quoteText(jsonPath(r.column))
			hexPath := quoteText(jsonPath(r.column) + ".hex")
			cond := r.condSQL(func(name string) string { return "json_extract(" + col + ", " + quoteText(jsonPath(name)) + ")" })
			if cond != "" {
				cond = " AND " + cond
			}
			expr = "CASE WHEN json_type(" + col + ", " + path + ") = 'text' AND instr(json_extract(" + col + ", " + path + "), " + quoteText(secretMark) + ") <> 1" + cond +
				" THEN json_set(" + expr + ", " + path + ", " + secretFunc + "(json_extract(" + col + ", " + path + ")))" +
				" WHEN json_type(" + col + ", " + path + ") = 'object' AND json_type(" + col + ", " + hexPath + ") = 'text'" + cond +
				" THEN json_set(" + expr + ", " + path + ", " + secretFunc + "(unhex(json_extract(" + col + ", " + hexPath + "))))" +
				" ELSE " + expr + " END"
		}
		whens = append(whens, "WHEN "+quoteText(tbl)+" THEN "+expr)
	}
	return "CASE tbl " + strings.Join(whens, " ") + " ELSE " + col + " END"
}

// redactedColumns are rawColumns with the secrets of before and after
// replaced by their marks: an older journal as this version would have
// written it.
func redactedColumns() string {
	return `id, tx, at, actor, tbl, op, row_key, ` + redactSQL("before") + `, ` + redactSQL("after") + `, prev, hash, person_id, round_id, nominee_id`
}

// redaction is what redactJournal did.
type redaction struct {
	values            int   // entries rewritten
	first, last       int64 // their ids
	rechainedTo       int64 // last entry whose hash was recomputed; 0: none
	oldHeadID         int64
	oldHeadHash       string
	brokenBefore      int64 // the chain was broken at this entry already; 0: it was not
	newHeadHash       string
	headMoved         bool
	rechainedFromHash string // the hash the first rewritten entry had
}

// redactJournal replaces the secret values that older versions of the
// program copied into the journal (the sealed keys) by their marks, and
// recomputes the chain from the first entry rewritten, so that the journal
// still verifies. It recomputes only the part of the chain that verified
// before: an entry already broken stays reported, and the program does not
// vouch for what came after it. It runs in the install transaction.
func redactJournal(ctx context.Context, tx *sql.Tx) (redaction, error) {
	var r redaction
	tables := secretTables()
	in := make([]string, len(tables))
	args := make([]any, len(tables))
	for i, t := range tables {
		in[i], args[i] = "?", t
	}
	where := `tbl IN (` + strings.Join(in, ", ") + `) AND (before IS NOT ` + redactSQL("before") + ` OR after IS NOT ` + redactSQL("after") + `)`
	err := tx.QueryRowContext(ctx, `SELECT count(*), ifnull(min(id), 0), ifnull(max(id), 0) FROM audit WHERE `+where, args...).Scan(&r.values, &r.first, &r.last)
	if err != nil || r.values == 0 {
		return r, err
	}
	// Where the chain breaks, judged on the entries as they are.
	walk, err := walkChain(ctx, tx, `SELECT `+rawColumns+` FROM audit ORDER BY id`)
	if err != nil {
		return r, err
	}
	r.brokenBefore = walk.firstBroken
	if err := tx.QueryRowContext(ctx, `SELECT last_id, last_hash FROM audit_head WHERE id = 1`).Scan(&r.oldHeadID, &r.oldHeadHash); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return r, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT ifnull(hash, '') FROM audit WHERE id = ?`, r.first).Scan(&r.rechainedFromHash); err != nil {
		return r, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE audit SET before = `+redactSQL("before")+`, after = `+redactSQL("after")+` WHERE `+where, args...); err != nil {
		return r, fmt.Errorf("hide secrets: %w", err)
	}
	if r.brokenBefore != 0 && r.brokenBefore <= r.first {
		return r, nil // nothing verified from there on: nothing to recompute
	}
	end := int64(-1) // through the last entry
	if r.brokenBefore != 0 {
		end = r.brokenBefore - 1
	}
	var prev string
	if err := tx.QueryRowContext(ctx, `SELECT ifnull((SELECT hash FROM audit WHERE id = ?), '')`, r.first-1).Scan(&prev); err != nil {
		return r, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+rawColumns+` FROM audit WHERE id >= ? AND (? < 0 OR id <= ?) ORDER BY id`, r.first, end, end)
	if err != nil {
		return r, err
	}
	type link struct {
		id         int64
		prev, hash string
	}
	var links []link
	for rows.Next() {
		var e rawEntry
		if err := rows.Scan(e.scanTo()...); err != nil {
			rows.Close()
			return r, err
		}
		h := e.sum(prev)
		links = append(links, link{e.id, prev, h})
		prev = h
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	for rest := links; len(rest) > 0; {
		n := min(len(rest), chainBatch)
		args := make([]any, 0, 3*n)
		for _, l := range rest[:n] {
			args = append(args, l.id, l.prev, l.hash)
		}
		q := `UPDATE audit SET prev = v.column2, hash = v.column3 FROM (VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?),", n), ",") + `) AS v WHERE audit.id = v.column1`
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return r, err
		}
		rest = rest[n:]
	}
	if len(links) == 0 {
		return r, nil
	}
	last := links[len(links)-1]
	r.rechainedTo = last.id
	// The head follows when it pointed into the recomputed part.
	for _, l := range links {
		if l.id == r.oldHeadID {
			if _, err := tx.ExecContext(ctx, `UPDATE audit_head SET last_hash = ? WHERE id = 1`, l.hash); err != nil {
				return r, err
			}
			r.headMoved, r.newHeadHash = true, l.hash
			break
		}
	}
	return r, nil
}

// note says what redactJournal did, for the journal note.
func (r redaction) note() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Chương trình đã thay các giá trị bí mật (khóa ký đã niêm phong, mật khẩu đã băm) mà phiên bản trước chép vào nhật ký bằng dấu vân tay của chúng, "+
		"để người đọc nhật ký không lấy được khóa cũ (khóa cũ vẫn mở được bằng mật khẩu khóa ký cũ): %d mục, từ số %d đến số %d.", r.values, r.first, r.last)
	switch {
	case r.rechainedTo != 0:
		fmt.Fprintf(&b, " Mã kiểm tra của các mục từ số %d đến số %d được tính lại theo nội dung mới (mã cũ của mục số %d: %s).", r.first, r.rechainedTo, r.first, r.rechainedFromHash)
	default:
		fmt.Fprintf(&b, " Chuỗi băm đã bị phá từ mục số %d trước khi sửa, nên chương trình không tính lại mã kiểm tra.", r.brokenBefore)
	}
	if r.headMoved {
		fmt.Fprintf(&b, " Đầu chuỗi (mục số %d) trước khi tính lại có mã %s, nay là %s.", r.oldHeadID, r.oldHeadHash, r.newHeadHash)
	}
	return b.String()
}
