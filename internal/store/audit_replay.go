package store

// The journal as the account of the records it covers. The hash chain says
// whether the journal was edited; it says nothing of a record changed with
// another SQLite program whose journal entry was then deleted before any
// Write chained it, or changed after the triggers were dropped. For the
// tables that decide who may do what and how the rules judge (accounts and
// their roles, the settings with the keys, the office, the catalogue), the
// check therefore replays the journal and compares the result with the
// records: a record the journal does not account for was changed outside
// the program.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// checkedTables are the tables whose records VerifyJournal compares with
// the journal. journal_note is among them so that deleting one of the
// program's notes (a tamper report) is itself reported.
var checkedTables = []string{
	"account", "setting", "office_profile",
	"catalogue_param", "regime", "award_type", "authority", "award_authority",
	"unit_key", "journal_note",
}

// rowValues are a record's values as the journal writes them: column name
// to the exact JSON text of the value.
type rowValues map[string]json.RawMessage

func parseRow(s string) (rowValues, error) {
	var v rowValues
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, err
	}
	return v, nil
}

// journalRow is a record as the journal last left it.
type journalRow struct {
	entry   int64     // the last chained entry about the record
	deleted bool      // that entry deletes it
	raw     string    // its values as the journal holds them (when not deleted)
	values  rowValues // parsed raw
}

// rowDiff is a record on which the journal and the table disagree.
type rowDiff struct {
	table   auditTable
	key     string      // the record's key as the journal writes it (row_key)
	journal *journalRow // nil: no entry about the record
	live    rowValues   // nil: no such record
	cols    []string    // the columns that differ, when both exist
}

func tableExists(ctx context.Context, q querier, name string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name).Scan(&n)
	return n > 0, err
}

// journalBreak is a record changed outside the program between two of
// its entries: the later entry's before values are not what the earlier
// one left (a change made and then carried on through the program, which
// the final state alone no longer shows), or the later entry inserts a
// record the journal says exists.
type journalBreak struct {
	table       auditTable
	key         string
	prev, entry int64     // the entry that left the record, the one that found it changed
	left, found rowValues // the values prev left and those entry found
	cols        []string  // the columns that differ; none: inserted again
}

// replayJournal is table t as its chained journal entries leave it, by
// row key, with every break of continuity between them. An update that
// changed the record's key ends the old key. key, when not empty, limits
// the replay to one record.
func replayJournal(ctx context.Context, q querier, t auditTable, dflt *defaults, key string) (map[string]*journalRow, []journalBreak, error) {
	oldKey := "NULL"
	if len(t.key) > 0 {
		parts := make([]string, len(t.key))
		for i, k := range t.key {
			parts[i] = quoteText(k) + ", json_extract(before, " + quoteText(jsonPath(k)) + ")"
		}
		oldKey = "CASE WHEN op = 'UPDATE' THEN json_object(" + strings.Join(parts, ", ") + ") END"
	}
	query := `SELECT id, op, row_key, ` + oldKey + `, before, after FROM audit WHERE tbl = ? AND hash IS NOT NULL`
	args := []any{t.name}
	if key != "" {
		query += ` AND row_key = ?`
		args = append(args, key)
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY id`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	state := map[string]*journalRow{}
	var breaks []journalBreak
	for rows.Next() {
		var id int64
		var op, key string
		var old, before, after sql.NullString
		if err := rows.Scan(&id, &op, &key, &old, &before, &after); err != nil {
			return nil, nil, err
		}
		from := key
		if old.Valid {
			from = old.String
		}
		prev := state[from]
		switch {
		case op == "INSERT" && prev != nil && !prev.deleted:
			breaks = append(breaks, journalBreak{table: t, key: key, prev: prev.entry, entry: id, left: prev.values})
		case op != "INSERT" && prev != nil && !prev.deleted && before.Valid:
			found, err := parseRow(before.String)
			if err != nil {
				return nil, nil, fmt.Errorf("journal entry %d: %w", id, err)
			}
			if cols := diffValues(t, prev.values, found, dflt, true); len(cols) > 0 {
				breaks = append(breaks, journalBreak{table: t, key: from, prev: prev.entry, entry: id, left: prev.values, found: found, cols: cols})
			}
		}
		if from != key {
			delete(state, from)
		}
		if op == "DELETE" {
			state[key] = &journalRow{entry: id, deleted: true}
			continue
		}
		r := &journalRow{entry: id, raw: after.String}
		if r.values, err = parseRow(after.String); err != nil {
			return nil, nil, fmt.Errorf("journal entry %d: %w", id, err)
		}
		state[key] = r
	}
	return state, breaks, rows.Err()
}

// legacyMark is the JSON of the bare secret mark that versions before the
// fingerprints wrote: the value is unknown.
var legacyMark = json.RawMessage(strconv.Quote(secretMark))

// diffValues lists the columns of t whose values in cur differ from those
// in base. A column cur lacks is not compared (dropped since, or not
// known then); a column base lacks has its default there (a migration
// added it after base was written). Within the journal (between entries),
// a secret whose value an older version did not record compares equal to
// anything; against a record it does not, so that the upgrade records its
// fingerprint.
func diffValues(t auditTable, base, cur rowValues, dflt *defaults, withinJournal bool) []string {
	var cols []string
	for _, c := range t.cols {
		cv, ok := cur[c.name]
		if !ok {
			continue
		}
		bv, ok := base[c.name]
		if !ok {
			if bv, ok = dflt.of(t, c); !ok {
				continue
			}
		}
		if withinJournal && c.secret != nil && (bytes.Equal(bv, legacyMark) || bytes.Equal(cv, legacyMark)) {
			continue
		}
		if !bytes.Equal(bv, cv) {
			cols = append(cols, c.name)
		}
	}
	return cols
}

// liveRows are the records of t with their keys and values written as the
// triggers write them, so equal values give equal text.
func liveRows(ctx context.Context, q querier, t auditTable, key string) (map[string]rowValues, error) {
	ref := quoteIdent(t.name)
	query, args := `SELECT `+t.keySQL(ref)+`, `+t.rowSQL(ref)+` FROM `+ref, []any(nil)
	if key != "" {
		where, a := keyWhere(t, key)
		query, args = query+` WHERE `+where, a
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]rowValues{}
	for rows.Next() {
		var key, vals string
		if err := rows.Scan(&key, &vals); err != nil {
			return nil, err
		}
		v, err := parseRow(vals)
		if err != nil {
			return nil, err
		}
		out[key] = v
	}
	return out, rows.Err()
}

// defaults evaluates the declared defaults of a table's columns, as the
// JSON text the triggers would write, once per column.
type defaults struct {
	ctx  context.Context
	q    querier
	seen map[string]json.RawMessage
}

// of is the default of c; ok is false when it has none that SQL can
// evaluate alone.
func (d *defaults) of(t auditTable, c auditColumn) (json.RawMessage, bool) {
	k := t.name + "." + c.name
	if v, ok := d.seen[k]; ok {
		return v, v != nil
	}
	d.seen[k] = nil
	expr := "NULL"
	if c.dflt.Valid {
		expr = "(" + c.dflt.String + ")"
	}
	var s string
	if err := d.q.QueryRowContext(d.ctx, `SELECT json_object('v', `+expr+`)`).Scan(&s); err != nil {
		return nil, false
	}
	v, err := parseRow(s)
	if err != nil {
		return nil, false
	}
	d.seen[k] = v["v"]
	return v["v"], true
}

// diffTable compares table t with its replayed journal: the records that
// differ, and the breaks of continuity within the journal. key, when not
// empty, limits the comparison to one record.
func diffTable(ctx context.Context, q querier, t auditTable, dflt *defaults, key string) ([]rowDiff, []journalBreak, error) {
	state, breaks, err := replayJournal(ctx, q, t, dflt, key)
	if err != nil {
		return nil, nil, err
	}
	live, err := liveRows(ctx, q, t, key)
	if err != nil {
		return nil, nil, err
	}
	var out []rowDiff
	for key, vals := range live {
		j := state[key]
		if j == nil || j.deleted {
			out = append(out, rowDiff{table: t, key: key, journal: j, live: vals})
			continue
		}
		if cols := diffValues(t, j.values, vals, dflt, false); len(cols) > 0 {
			out = append(out, rowDiff{table: t, key: key, journal: j, live: vals, cols: cols})
		}
	}
	for key, j := range state {
		if _, ok := live[key]; !ok && !j.deleted {
			out = append(out, rowDiff{table: t, key: key, journal: j})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].key < out[b].key })
	return out, breaks, nil
}

// diffCheckedTables compares every checked table present in the schema
// with the journal.
func diffCheckedTables(ctx context.Context, q querier) ([]rowDiff, []journalBreak, error) {
	dflt := newDefaults(ctx, q)
	var out []rowDiff
	var breaks []journalBreak
	for _, name := range checkedTables {
		ok, err := tableExists(ctx, q, name)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			continue
		}
		t, err := auditTableInfo(ctx, q, name)
		if err != nil {
			return nil, nil, err
		}
		d, b, err := diffTable(ctx, q, t, dflt, "")
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		out, breaks = append(out, d...), append(breaks, b...)
	}
	return out, breaks, nil
}

func newDefaults(ctx context.Context, q querier) *defaults {
	return &defaults{ctx: ctx, q: q, seen: map[string]json.RawMessage{}}
}

// problem says a break for people.
func (b journalBreak) problem() string {
	if len(b.cols) == 0 {
		return fmt.Sprintf("%s đã bị xoá bằng một chương trình khác trước mục nhật ký số %d: mục này thêm lại bản ghi trong khi nhật ký chưa ghi việc xoá nó (mục trước về bản ghi này là số %d).",
			rowName(b.table.name, b.key, b.left), b.entry, b.prev)
	}
	parts := make([]string, len(b.cols))
	for i, c := range b.cols {
		lv, ok := b.left[c]
		if b.table.secretColumn(c) {
			parts[i] = columnLabel(b.table.name, c) + " đã đổi"
			if ok {
				parts[i] += fmt.Sprintf(" (dấu vân tay %s sau mục số %d, %s trước mục số %d)", fingerprintOf(lv), b.prev, fingerprintOf(b.found[c]), b.entry)
			}
			continue
		}
		was := "giá trị mặc định"
		if ok {
			was = valueText(b.table.name, c, lv)
		}
		parts[i] = fmt.Sprintf("%s sau mục số %d là %s, trước mục số %d là %s", columnLabel(b.table.name, c), b.prev, was, b.entry, valueText(b.table.name, c, b.found[c]))
	}
	return fmt.Sprintf("%s đã bị sửa bằng một chương trình khác giữa mục nhật ký số %d và số %d: %s.",
		rowName(b.table.name, b.key, b.found), b.prev, b.entry, strings.Join(parts, "; "))
}

// AccountProblem checks one account against the journal, cheaply enough
// to run before every action that needs a director: its values and its
// history as the journal records them, the triggers of the account table,
// and a password hash shared with another account. It returns "" when the
// journal accounts for the account, and otherwise the first problem, for
// people.
func (s *Store) AccountProblem(ctx context.Context, id int64) (string, error) {
	rtx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return "", err
	}
	defer rtx.Rollback()
	if ok, err := tableExists(ctx, rtx, "journal_note"); err != nil || !ok {
		return "", err // a schema from before the checks
	}
	t, err := auditTableInfo(ctx, rtx, "account")
	if err != nil {
		return "", err
	}
	have, err := auditTriggers(ctx, rtx)
	if err != nil {
		return "", err
	}
	want := t.triggers()
	uses := map[string]triggerUse{}
	for name := range want {
		uses[name] = triggerUse{t.name, strings.ToUpper(name[strings.LastIndex(name, "_")+1:])}
	}
	mine := map[string]string{}
	for name := range want {
		if v, ok := have[name]; ok {
			mine[name] = v
		}
	}
	if ps := triggerProblems(want, mine, uses); len(ps) > 0 {
		return "Bộ ghi nhật ký đã bị thay đổi bằng một chương trình khác: " + strings.Join(ps, "; ") + ".", nil
	}
	key := fmt.Sprintf(`{"id":%d}`, id)
	diffs, breaks, err := diffTable(ctx, rtx, t, newDefaults(ctx, rtx), key)
	if err != nil {
		return "", err
	}
	if len(diffs) > 0 {
		return diffs[0].problem(), nil
	}
	var name string
	if err := rtx.QueryRowContext(ctx, `SELECT username FROM account WHERE id = ?`, id).Scan(&name); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	// A break stays in the journal for good (VerifyJournal reports it), but
	// the account is vouched for again once someone else changed it through
	// the program, in the entry that found the change or later: a director
	// putting its role or password right. The account itself cannot vouch
	// for itself: whoever changed it outside may be the one using it.
	for _, b := range breaks {
		var fixed bool
		err := rtx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM audit WHERE tbl = 'account' AND row_key = ? AND hash IS NOT NULL AND id >= ? AND actor NOT IN (?, ?))`,
			key, b.entry, name, systemActor).Scan(&fixed)
		if err != nil {
			return "", err
		}
		if !fixed {
			return b.problem(), nil
		}
	}
	shared, err := sharedPasswords(ctx, rtx)
	if err != nil {
		return "", err
	}
	for _, p := range shared {
		if name != "" && (p[0] == name || p[1] == name) {
			return sharedPasswordProblem(p), nil
		}
	}
	return "", nil
}

// problem says a difference for people.
func (d rowDiff) problem() string {
	switch {
	case d.live == nil:
		return fmt.Sprintf("%s không còn trong dữ liệu nhưng nhật ký không ghi việc xoá (mục cuối về bản ghi này là số %d): bản ghi đã bị xoá bằng một chương trình khác.",
			rowName(d.table.name, d.key, d.journal.values), d.journal.entry)
	case d.journal == nil:
		return fmt.Sprintf("%s có trong dữ liệu nhưng nhật ký không ghi việc thêm bản ghi này: bản ghi đã được thêm bằng một chương trình khác.",
			rowName(d.table.name, d.key, d.live))
	case d.journal.deleted:
		return fmt.Sprintf("%s có trong dữ liệu nhưng nhật ký ghi bản ghi này đã bị xoá (mục số %d): bản ghi đã được thêm lại bằng một chương trình khác.",
			rowName(d.table.name, d.key, d.live), d.journal.entry)
	}
	parts := make([]string, len(d.cols))
	for i, c := range d.cols {
		jv, ok := d.journal.values[c]
		if d.table.secretColumn(c) {
			parts[i] = columnLabel(d.table.name, c) + " trong dữ liệu khác với nhật ký ghi"
			if ok {
				parts[i] += fmt.Sprintf(" (dấu vân tay trong dữ liệu %s, nhật ký ghi %s)", fingerprintOf(d.live[c]), fingerprintOf(jv))
			}
			continue
		}
		was := "giá trị mặc định"
		if ok {
			was = valueText(d.table.name, c, jv)
		}
		parts[i] = fmt.Sprintf("%s trong dữ liệu là %s, nhật ký ghi %s", columnLabel(d.table.name, c), valueText(d.table.name, c, d.live[c]), was)
	}
	return fmt.Sprintf("%s: %s (mục cuối về bản ghi này là số %d): dữ liệu đã bị sửa bằng một chương trình khác.",
		rowName(d.table.name, d.key, d.live), strings.Join(parts, "; "), d.journal.entry)
}

func (t auditTable) secretColumn(name string) bool {
	c, ok := t.column(name)
	return ok && c.secret != nil
}

// fingerprintOf is the fingerprint part of a journal mark.
func fingerprintOf(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "?"
	}
	if f := strings.TrimSpace(strings.TrimPrefix(s, secretMark)); f != "" && f != s {
		return f
	}
	if s == secretMark {
		return "(không rõ)"
	}
	return "?"
}

// rowLabels are the columns that name a record of a checked table for
// people; a table listed without columns has a single record.
var rowLabels = map[string][]string{
	"account":         {"username"},
	"setting":         {"key"},
	"office_profile":  nil,
	"catalogue_param": {"key", "regime"},
	"regime":          {"code"},
	"award_type":      {"code"},
	"authority":       {"code"},
	"award_authority": {"award_code", "authority"},
	"unit_key":        {"unit_code"},
	"journal_note":    {"id"},
}

// rowName names a record: its table's Vietnamese label and the values
// that identify it ("tài khoản gd.a").
func rowName(table, key string, vals rowValues) string {
	cols, known := rowLabels[table]
	var parts []string
	for _, c := range cols {
		var v any
		if json.Unmarshal(vals[c], &v) != nil || v == nil || v == "" {
			continue
		}
		parts = append(parts, plainText(v))
	}
	switch {
	case len(parts) > 0:
		name := TableLabel(table) + " " + parts[0]
		if len(parts) > 1 {
			name += " (" + strings.Join(parts[1:], ", ") + ")"
		}
		return name
	case known && len(cols) == 0:
		return TableLabel(table)
	}
	return TableLabel(table) + " " + key
}

// columnLabels name the columns of the checked tables for people.
var columnLabels = map[string]string{
	"account.username":                 "tên đăng nhập",
	"account.full_name":                "họ tên",
	"account.role":                     "vai trò",
	"account.password_hash":            "mật khẩu",
	"account.disabled":                 "ngừng sử dụng",
	"account.failures":                 "số lần đăng nhập sai liên tiếp",
	"account.locked_until":             "khóa đăng nhập đến",
	"account.created_at":               "ngày tạo",
	"account.password_changed_at":      "ngày đổi mật khẩu",
	"setting.value":                    "giá trị",
	"office_profile.unit_code":         "mã đơn vị",
	"office_profile.unit_name":         "tên đơn vị",
	"office_profile.parent_name":       "cơ quan cấp trên",
	"office_profile.place":             "địa danh",
	"office_profile.director_name":     "họ tên Giám đốc",
	"office_profile.director_position": "chức vụ Giám đốc",
	"office_profile.deputies":          "cấp phó",
	"office_profile.doc_code":          "ký hiệu văn bản",
	"catalogue_param.value":            "giá trị",
	"catalogue_param.valid_from":       "hiệu lực từ",
	"catalogue_param.valid_to":         "hiệu lực đến",
	"catalogue_param.description":      "mô tả",
	"regime.name":                      "tên",
	"regime.basis":                     "căn cứ",
	"regime.from_year":                 "từ năm",
	"regime.to_year":                   "đến năm",
	"regime.citations":                 "các căn cứ",
	"award_type.report_template":       "mẫu báo cáo thành tích",
	"award_type.report_form":           "tên mẫu báo cáo",
	"award_type.name":                  "tên",
	"award_type.for_subject":           "đối tượng",
	"award_type.is_title":              "là danh hiệu",
	"award_type.level":                 "cấp",
	"award_type.bonus":                 "mức thưởng",
	"award_type.valid_from":            "hiệu lực từ",
	"award_type.valid_to":              "hiệu lực đến",
	"authority.signer":                 "người ký quyết định",
	"authority.via":                    "cơ quan trình",
	"authority.own":                    "thuộc thẩm quyền của đơn vị",
	"award_authority.full_name":        "tên đầy đủ",
	"award_authority.authority":        "cấp quyết định",
	"award_authority.valid_from":       "hiệu lực từ",
	"award_authority.valid_to":         "hiệu lực đến",
	"unit_key.name":                    "tên đơn vị",
	"unit_key.public_key":              "khóa công khai",
	"unit_key.fingerprint":             "vân tay khóa",
	"journal_note.detail":              "nội dung",
}

func columnLabel(table, col string) string {
	if l, ok := columnLabels[table+"."+col]; ok {
		return l
	}
	return col
}

// valueText is a journal value for people: a role by its name, nothing
// as "(trống)", a long value cut short.
func valueText(table, col string, raw json.RawMessage) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	if s, ok := v.(string); ok && table == "account" && col == "role" {
		return domain.Role(s).Label()
	}
	if v == nil || v == "" {
		return "(trống)"
	}
	s := plainText(v)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}

func plainText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case map[string]any, []any:
		b, _ := json.Marshal(x)
		return string(b)
	}
	return fmt.Sprint(v)
}

// sharedPasswords lists the pairs of accounts with the same password
// hash. Each hash has its own random salt, so two equal hashes mean one was
// copied over the other outside the program, whatever the journal says.
func sharedPasswords(ctx context.Context, q querier) ([][2]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.username, b.username FROM account a JOIN account b
		ON a.password_hash = b.password_hash AND a.id < b.id ORDER BY a.username, b.username`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func sharedPasswordProblem(p [2]string) string {
	return fmt.Sprintf("%s %s và %s %s có cùng mật khẩu đã băm; mỗi mật khẩu được băm với một chuỗi ngẫu nhiên riêng nên không thể trùng nhau: mật khẩu đã bị chép từ tài khoản này sang tài khoản kia bằng một chương trình khác.",
		TableLabel("account"), p[0], TableLabel("account"), p[1])
}

// recordDiffs writes, in the install transaction, the entries that make
// the journal account for the records as they are: an INSERT for a record
// it does not know, an UPDATE from the journal's values to the record's,
// a DELETE for a record gone. Write then chains them under the system.
// Only the program's own upgrade calls it, for what the migrations wrote
// without triggers (the default catalogue, columns filled in).
func recordDiffs(ctx context.Context, tx *sql.Tx, diffs []rowDiff) error {
	for _, d := range diffs {
		t := d.table
		ref := quoteIdent(t.name)
		lit := quoteText(t.name)
		var err error
		switch {
		case d.live == nil:
			_, err = tx.ExecContext(ctx, `INSERT INTO audit(tbl, op, row_key, before) VALUES (?, 'DELETE', ?, ?)`, t.name, d.key, d.journal.raw)
		case d.journal == nil || d.journal.deleted:
			where, args := keyWhere(t, d.key)
			_, err = tx.ExecContext(ctx, `INSERT INTO audit(tbl, op, row_key, after, person_id, round_id, nominee_id) SELECT `+lit+`, 'INSERT', `+
				t.keySQL(ref)+`, `+t.rowSQL(ref)+`, `+t.subjectsSQL(ref)+` FROM `+ref+` WHERE `+where, args...)
		default:
			where, args := keyWhere(t, d.key)
			_, err = tx.ExecContext(ctx, `INSERT INTO audit(tbl, op, row_key, before, after, person_id, round_id, nominee_id) SELECT `+lit+`, 'UPDATE', `+
				t.keySQL(ref)+`, ?, `+t.rowSQL(ref)+`, `+t.subjectsSQL(ref)+` FROM `+ref+` WHERE `+where, append([]any{d.journal.raw}, args...)...)
		}
		if err != nil {
			return fmt.Errorf("record %s %s: %w", t.name, d.key, err)
		}
	}
	return nil
}
