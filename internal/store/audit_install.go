package store

// Installing the journal's triggers, and keeping a record of it. Open
// makes the triggers match the schema; the journal notes (journal_note)
// remember which trigger set the program installed, so that at the next
// opening a set changed by another program is told apart from one that a
// migration dropped or a new program version writes differently. A
// trigger dropped outside the program is put back, and the fact stays in
// the journal as a tamper note that VerifyJournal reports: changes made in
// the meantime may be missing from the journal.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"
)

// triggerDigest is the SHA-256 of a trigger set (names and SQL).
func triggerDigest(m map[string]string) string {
	h := sha256.New()
	for _, n := range slices.Sorted(maps.Keys(m)) {
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write([]byte(m[n]))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// triggerUse says what a generated trigger records, for people: "sửa bảng
// tài khoản".
type triggerUse struct{ table, op string }

func (u triggerUse) String() string {
	return opText(u.op) + " bảng " + TableLabel(u.table)
}

// expectedTriggers is the trigger set the program installs for the current
// schema, and what each trigger records.
func expectedTriggers(ctx context.Context, q querier) (map[string]string, map[string]triggerUse, error) {
	tables, err := auditTables(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	want := map[string]string{}
	uses := map[string]triggerUse{}
	for _, t := range tables {
		maps.Copy(want, t.triggers())
		for _, op := range []string{"INSERT", "UPDATE", "DELETE"} {
			uses[auditTriggerPrefix+t.name+"_"+strings.ToLower(op)] = triggerUse{t.name, op}
		}
	}
	return want, uses, nil
}

// triggerProblems compares the triggers present with those expected and
// says each difference for people, in name order.
func triggerProblems(want, have map[string]string, uses map[string]triggerUse) []string {
	var out []string
	for _, n := range slices.Sorted(maps.Keys(want)) {
		got, ok := have[n]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("bộ ghi nhật ký %s (ghi việc %s) đã bị xoá", n, uses[n]))
		case got != want[n]:
			out = append(out, fmt.Sprintf("bộ ghi nhật ký %s (ghi việc %s) đã bị sửa", n, uses[n]))
		}
	}
	for _, n := range slices.Sorted(maps.Keys(have)) {
		if _, ok := want[n]; !ok {
			out = append(out, fmt.Sprintf("bộ ghi nhật ký %s không do chương trình tạo", n))
		}
	}
	return out
}

// lastInstall is the newest journal note: the schema version and trigger
// set the program last installed. found is false before the first.
type lastInstall struct {
	found    bool
	version  int
	triggers string
}

func readLastInstall(ctx context.Context, q querier) (lastInstall, error) {
	var l lastInstall
	err := q.QueryRowContext(ctx, `SELECT schema_version, triggers FROM journal_note ORDER BY id DESC LIMIT 1`).Scan(&l.version, &l.triggers)
	if errors.Is(err, sql.ErrNoRows) {
		return l, nil
	}
	l.found = err == nil
	return l, err
}

// journalNote is a note to write.
type journalNote struct{ kind, detail string }

// installJournal makes the triggers match the current schema and turns
// journaling on for this handle. When they already match the ones it
// installed last (every Open but the first after an upgrade) it changes
// nothing, so opening stays cheap and does not touch the file.
//
// After an upgrade (and on a new file) it also hides the secret values an
// older version copied into the journal, and records what the migrations
// changed in the checked tables without triggers (the default catalogue
// they seed, for one), so that the journal accounts for every record.
func (s *Store) installJournal(ctx context.Context) error {
	var n int
	if err := s.write.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='audit'`).Scan(&n); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if n == 0 {
		return nil // a schema from before the journal (only tests build one)
	}
	want, uses, err := expectedTriggers(ctx, s.write)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	have, err := auditTriggers(ctx, s.write)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	notes, err := tableExists(ctx, s.write, "journal_note")
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if !notes {
		// A schema from before the notes (tests stopping the migrations
		// early): triggers only.
		if !maps.Equal(want, have) {
			if err := s.Write(ctx, func(tx *Tx) error { return replaceTriggers(tx, want) }); err != nil {
				return fmt.Errorf("journal: %w", err)
			}
		}
		s.journal = true
		return nil
	}
	version, err := s.SchemaVersion()
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	last, err := readLastInstall(ctx, s.write)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	upgraded := !last.found || last.version != version || s.migrated
	tampered := !upgraded && triggerDigest(have) != last.triggers
	if !upgraded && !tampered && maps.Equal(want, have) {
		s.journal = true
		return nil
	}
	s.journal = true
	err = s.Write(ctx, func(tx *Tx) error {
		var notes []journalNote
		if tampered {
			notes = append(notes, journalNote{"tamper", "Lúc mở tệp dữ liệu, chương trình thấy bộ ghi nhật ký đã bị thay đổi bằng một chương trình khác: " +
				strings.Join(triggerProblems(want, have, uses), "; ") +
				". Chương trình đã cài lại; những thay đổi làm trong thời gian đó có thể không có trong nhật ký."})
		}
		if !maps.Equal(want, have) {
			if err := replaceTriggers(tx, want); err != nil {
				return err
			}
		}
		switch {
		case upgraded:
			r, err := redactJournalSecurely(tx)
			if err != nil {
				return err
			}
			if r.values > 0 {
				notes = append(notes, journalNote{"redact", r.note()})
			}
			// The breaks within the older journal stay reported: recording
			// the records as they are now does not explain them.
			diffs, _, err := diffCheckedTables(tx.ctx, tx.tx)
			if err != nil {
				return err
			}
			if err := recordDiffs(tx.ctx, tx.tx, diffs); err != nil {
				return err
			}
			notes = append(notes, journalNote{"install", upgradeNote(version, diffs)})
		case !tampered:
			notes = append(notes, journalNote{"install", "Chương trình cài lại bộ ghi nhật ký theo phiên bản chương trình mới (cấu trúc dữ liệu không đổi)."})
		}
		at := tx.now.UTC().Format(time.RFC3339Nano)
		digest := triggerDigest(want)
		for _, n := range notes {
			if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO journal_note(at, kind, schema_version, triggers, detail) VALUES (?, ?, ?, ?, ?)`,
				at, n.kind, version, digest, n.detail); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	return nil
}

// replaceTriggers drops the generated triggers and creates want.
func replaceTriggers(tx *Tx, want map[string]string) error {
	if err := dropAuditTriggers(tx.ctx, tx.tx); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if _, err := tx.tx.ExecContext(tx.ctx, want[name]); err != nil {
			return fmt.Errorf("create trigger %s: %w", name, err)
		}
	}
	return nil
}

// upgradeNote says what the install after an upgrade recorded.
func upgradeNote(version int, diffs []rowDiff) string {
	msg := fmt.Sprintf("Chương trình cài bộ ghi nhật ký cho cấu trúc dữ liệu số %d.", version)
	if len(diffs) == 0 {
		return msg
	}
	count := map[string]int{}
	for _, d := range diffs {
		count[TableLabel(d.table.name)]++
	}
	labels := make([]string, 0, len(count))
	for l := range count {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = fmt.Sprintf("%s: %d", l, count[l])
	}
	return msg + fmt.Sprintf(" Việc nâng cấp (hoặc tạo mới) cơ sở dữ liệu đã thêm, sửa hoặc xoá %d bản ghi mà nhật ký chưa ghi (%s); chương trình ghi chúng vào nhật ký để từ nay đối chiếu được dữ liệu với nhật ký.",
		len(diffs), strings.Join(parts, ", "))
}

// checkJournalCoverage is what VerifyJournal checks beside the chain: the
// triggers now, the tamper notes, the checked tables against the journal,
// the shared password hashes. Each problem is a sentence for people. A
// file an older version of the program wrote (current false: a backup from
// before an upgrade) has that version's triggers and journal format: only
// its chain, notes and password hashes are checked; the rest is checked
// once it has been opened, and upgraded, by this version.
func checkJournalCoverage(ctx context.Context, q querier, current bool) ([]string, error) {
	var out []string
	if current {
		want, uses, err := expectedTriggers(ctx, q)
		if err != nil {
			return nil, err
		}
		have, err := auditTriggers(ctx, q)
		if err != nil {
			return nil, err
		}
		if ps := triggerProblems(want, have, uses); len(ps) > 0 {
			out = append(out, "Bộ ghi nhật ký đã bị thay đổi bằng một chương trình khác: "+strings.Join(ps, "; ")+
				". Những thay đổi dữ liệu đó không còn được ghi vào nhật ký; mở lại chương trình để cài lại.")
		}
	}
	if ok, err := tableExists(ctx, q, "journal_note"); err != nil {
		return nil, err
	} else if ok {
		rows, err := q.QueryContext(ctx, `SELECT at, detail FROM journal_note WHERE kind = 'tamper' ORDER BY id`)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var at, detail string
			if err := rows.Scan(&at, &detail); err != nil {
				rows.Close()
				return nil, err
			}
			when := at
			if t, err := time.Parse(time.RFC3339Nano, at); err == nil {
				when = t.Local().Format("02/01/2006 15:04")
			}
			out = append(out, "Ngày "+when+": "+detail)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	if current {
		diffs, breaks, err := diffCheckedTables(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, d := range diffs {
			out = append(out, d.problem())
		}
		for _, b := range breaks {
			out = append(out, b.problem())
		}
	}
	if ok, err := tableExists(ctx, q, "account"); err != nil {
		return nil, err
	} else if ok {
		ps, err := sharedPasswords(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			out = append(out, sharedPasswordProblem(p))
		}
	}
	return out, nil
}

// redactJournalSecurely is redactJournal with SQLite's secure_delete on
// for the rewrite, so the secret text replaced is overwritten in the file's
// pages rather than left in their free space (the write-ahead log keeps the
// old pages until the next checkpoint, and old backups keep them for good).
func redactJournalSecurely(tx *Tx) (redaction, error) {
	var was int
	if err := tx.tx.QueryRowContext(tx.ctx, `PRAGMA secure_delete`).Scan(&was); err != nil {
		return redaction{}, err
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `PRAGMA secure_delete = 1`); err != nil {
		return redaction{}, err
	}
	r, err := redactJournal(tx.ctx, tx.tx)
	if _, rerr := tx.tx.ExecContext(tx.ctx, fmt.Sprintf(`PRAGMA secure_delete = %d`, was)); err == nil {
		err = rerr
	}
	return r, err
}
