package store

// Anchors: the journal's head kept outside the file. The chain has no
// secret, so someone with the source code can delete entries and recompute
// every hash and the head; the journal then verifies. What they cannot
// change is a head recorded elsewhere before: in the manifest of every
// package the office signed (which the passphrase protects), or in a
// backup. An anchor is an entry id and its hash; the journal still holds
// that entry with that hash only if nothing up to it was rewritten.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// JournalAnchor is a point of the journal's chain: an entry and its hash.
type JournalAnchor struct {
	ID   int64
	Hash string
}

// JournalHead is the journal's recorded head: the last entry chained and
// its hash (zero on a database without a journal).
func (s *Store) JournalHead(ctx context.Context) (JournalAnchor, error) {
	return journalHead(ctx, s.read)
}

func journalHead(ctx context.Context, q querier) (JournalAnchor, error) {
	var a JournalAnchor
	if ok, err := tableExists(ctx, q, "audit_head"); err != nil || !ok {
		return a, err
	}
	err := q.QueryRowContext(ctx, `SELECT last_id, last_hash FROM audit_head WHERE id = 1`).Scan(&a.ID, &a.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		return JournalAnchor{}, nil
	}
	return a, err
}

// HasAnchor reports whether the journal still holds entry a.ID with
// exactly the hash a.Hash. The empty anchor (a journal without entries) is
// held by every journal.
func (s *Store) HasAnchor(ctx context.Context, a JournalAnchor) (bool, error) {
	if a.ID == 0 && a.Hash == "" {
		return true, nil
	}
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM audit WHERE id = ? AND hash = ?`, a.ID, a.Hash).Scan(&n)
	return n == 1, err
}

// CheckAnchor compares the journal with an anchor taken from what (a
// package: "gói X.zip"): it returns "" when the journal still holds the
// anchor's entry with its hash, and otherwise a sentence for people naming
// the entry. Whether the chain from the anchor to the head verifies is
// VerifyJournal's part.
func (s *Store) CheckAnchor(ctx context.Context, a JournalAnchor, what string) (string, error) {
	ok, err := s.HasAnchor(ctx, a)
	if err != nil || ok {
		return "", err
	}
	var hash sql.NullString
	err = s.read.QueryRowContext(ctx, `SELECT hash FROM audit WHERE id = ?`, a.ID).Scan(&hash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Sprintf("Nhật ký đã bị viết lại trước mốc của %s (mục số %d): nhật ký hiện nay không còn mục số %d mà mốc ghi lại.", what, a.ID, a.ID), nil
	case err != nil:
		return "", err
	}
	return fmt.Sprintf("Nhật ký đã bị viết lại trước mốc của %s (mục số %d): mã kiểm tra của mục số %d không còn là mã mốc ghi lại (%s), tức là mục này hoặc một mục trước nó đã bị sửa, xoá hay chèn thêm rồi chuỗi băm được tính lại bằng một chương trình khác.",
		what, a.ID, a.ID, short(a.Hash)), nil
}

func short(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	return h
}

// CheckAgainstBackup compares the journal with the one in the backup file
// at path, whose head is the anchor. It returns that anchor and "" when
// every entry of the backup up to its head is still in the journal (the
// secret values hidden as the program hides them now, so a backup made
// before they were hidden still compares), and otherwise a sentence for
// people naming the first entry that differs. A backup whose own journal
// does not verify is no anchor: that is an error.
func (s *Store) CheckAgainstBackup(ctx context.Context, path, what string) (JournalAnchor, string, error) {
	b, err := sql.Open("sqlite", fileDSN(path))
	if err != nil {
		return JournalAnchor{}, "", err
	}
	defer b.Close()
	// The backup as one snapshot.
	btx, err := b.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return JournalAnchor{}, "", fmt.Errorf("không đọc được %s: %w", what, err)
	}
	defer btx.Rollback()
	if ok, err := tableExists(ctx, btx, "audit"); err != nil {
		return JournalAnchor{}, "", fmt.Errorf("không đọc được %s: %w", what, err)
	} else if !ok {
		return JournalAnchor{}, "", fmt.Errorf("%s không có nhật ký thay đổi (lập bằng phiên bản chương trình chưa có nhật ký), không dùng làm mốc được", what)
	}
	head, err := journalHead(ctx, btx)
	if err != nil {
		return JournalAnchor{}, "", fmt.Errorf("không đọc được đầu chuỗi nhật ký của %s: %w", what, err)
	}
	if ok, err := s.HasAnchor(ctx, head); err != nil || ok {
		return head, "", err
	}
	// The backup's own chain must reach its head as it stands.
	w, err := walkChain(ctx, btx, `SELECT `+rawColumns+` FROM audit WHERE id <= ? ORDER BY id`, head.ID)
	if err != nil {
		return head, "", fmt.Errorf("không đọc được nhật ký của %s: %w", what, err)
	}
	if w.firstBroken != 0 || w.next-1 != head.ID || w.prev != head.Hash {
		problem := w.problem
		if problem == "" {
			problem = "chuỗi băm không tới được đầu chuỗi đã lưu"
		}
		return head, "", fmt.Errorf("nhật ký trong %s tự nó không toàn vẹn (%s); không dùng làm mốc được", what, problem)
	}
	// Entry by entry, the backup's chain recomputed with the secrets
	// hidden against the journal's.
	rows, err := btx.QueryContext(ctx, `SELECT `+redactedColumns()+` FROM audit WHERE id <= ? ORDER BY id`, head.ID)
	if err != nil {
		return head, "", err
	}
	defer rows.Close()
	cur, err := s.read.QueryContext(ctx, `SELECT id, hash FROM audit WHERE id <= ? ORDER BY id`, head.ID)
	if err != nil {
		return head, "", err
	}
	defer cur.Close()
	prev := ""
	for rows.Next() {
		var e rawEntry
		if err := rows.Scan(e.scanTo()...); err != nil {
			return head, "", err
		}
		prev = e.sum(prev)
		if !cur.Next() {
			if err := cur.Err(); err != nil {
				return head, "", err
			}
			return head, fmt.Sprintf("Nhật ký đã bị viết lại trước mốc của %s (mục số %d): nhật ký hiện nay dừng trước mục số %d mà bản sao lưu có.", what, e.id, e.id), nil
		}
		var id int64
		var hash sql.NullString
		if err := cur.Scan(&id, &hash); err != nil {
			return head, "", err
		}
		if id != e.id {
			n := min(id, e.id)
			return head, fmt.Sprintf("Nhật ký đã bị viết lại trước mốc của %s (mục số %d): các mục được đánh số lại, mục số %d của bản sao lưu không còn ở chỗ của nó.", what, n, n), nil
		}
		if hash.String != prev {
			return head, fmt.Sprintf("Nhật ký đã bị viết lại trước mốc của %s (mục số %d): mục này khác với mục cùng số trong bản sao lưu, rồi chuỗi băm được tính lại bằng một chương trình khác.", what, id), nil
		}
	}
	if err := rows.Err(); err != nil {
		return head, "", err
	}
	return head, "", nil
}

// DataVersion is a number that grows with every change written to the
// database (the journal's last entry: every table is journaled). Callers
// keep results computed from the data until it changes.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.read.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) FROM audit`).Scan(&v)
	return v, err
}
