package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"tdkt/internal/domain"
)

// Province side of the submission packages: what was sent, what feedback
// came back, and the centre's decision on each nominee.

// PackageRecord is one package the office wrote (package_sent).
type PackageRecord struct {
	ID        int64
	RoundID   int64 // 0 when the round was deleted since
	FileName  string
	Path      string // where it was written, as given
	Kind      string // "submission"
	CreatedAt time.Time
	SHA256    string // of the zip file
	Bytes     int64
	Encrypted bool
}

// AddPackageSent records a package written to disk.
func (tx *Tx) AddPackageSent(r PackageRecord) (int64, error) {
	if r.Kind == "" {
		r.Kind = "submission"
	}
	var round any
	if r.RoundID != 0 {
		round = r.RoundID
	}
	res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO package_sent(round_id, file_name, path, kind, created_at, sha256, bytes, encrypted)
		VALUES (?,?,?,?,?,?,?,?)`, round, r.FileName, r.Path, r.Kind, r.CreatedAt.UTC().Format(time.RFC3339), r.SHA256, r.Bytes, boolInt(r.Encrypted))
	if err != nil {
		return 0, fmt.Errorf("record package %s: %w", r.FileName, err)
	}
	return res.LastInsertId()
}

// PackagesSent lists the packages written, the newest first.
func (s *Store) PackagesSent(ctx context.Context) ([]PackageRecord, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, ifnull(round_id, 0), file_name, path, kind, created_at, sha256, bytes, encrypted
		FROM package_sent ORDER BY created_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list packages: %w", err)
	}
	defer rows.Close()
	var out []PackageRecord
	for rows.Next() {
		var r PackageRecord
		var created string
		var enc int
		if err := rows.Scan(&r.ID, &r.RoundID, &r.FileName, &r.Path, &r.Kind, &created, &r.SHA256, &r.Bytes, &enc); err != nil {
			return nil, err
		}
		r.CreatedAt, _ = time.Parse(time.RFC3339, created)
		r.Encrypted = enc != 0
		out = append(out, r)
	}
	return out, rows.Err()
}

// FeedbackRecord is one feedback package imported (feedback_received).
type FeedbackRecord struct {
	ID         int64
	SHA256     string
	FileName   string
	RoundID    int64
	Year       int
	CreatedAt  string // the manifest's created_at (RFC 3339)
	ImportedAt time.Time
	Granted    int
	Refused    int
}

// FeedbackBySHA finds an imported feedback package by the hash of its file.
func (tx *Tx) FeedbackBySHA(sha string) (FeedbackRecord, bool, error) {
	var r FeedbackRecord
	var imported string
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT id, sha256, file_name, ifnull(round_id, 0), year, created_at, imported_at, granted, refused
		FROM feedback_received WHERE sha256=?`, sha).Scan(&r.ID, &r.SHA256, &r.FileName, &r.RoundID, &r.Year, &r.CreatedAt, &imported, &r.Granted, &r.Refused)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("read feedback %s: %w", sha, err)
	}
	r.ImportedAt, _ = time.Parse(time.RFC3339, imported)
	return r, true, nil
}

// AddFeedback records an imported feedback package.
func (tx *Tx) AddFeedback(r FeedbackRecord) (int64, error) {
	var round any
	if r.RoundID != 0 {
		round = r.RoundID
	}
	res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO feedback_received(sha256, file_name, round_id, year, created_at, imported_at, granted, refused)
		VALUES (?,?,?,?,?,?,?,?)`, r.SHA256, r.FileName, round, r.Year, r.CreatedAt, tx.now.UTC().Format(time.RFC3339), r.Granted, r.Refused)
	if err != nil {
		return 0, fmt.Errorf("record feedback %s: %w", r.FileName, err)
	}
	return res.LastInsertId()
}

// Feedbacks lists the imported feedback packages, the latest first.
func (s *Store) Feedbacks(ctx context.Context) ([]FeedbackRecord, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, sha256, file_name, ifnull(round_id, 0), year, created_at, imported_at, granted, refused
		FROM feedback_received ORDER BY imported_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	defer rows.Close()
	var out []FeedbackRecord
	for rows.Next() {
		var r FeedbackRecord
		var imported string
		if err := rows.Scan(&r.ID, &r.SHA256, &r.FileName, &r.RoundID, &r.Year, &r.CreatedAt, &imported, &r.Granted, &r.Refused); err != nil {
			return nil, err
		}
		r.ImportedAt, _ = time.Parse(time.RFC3339, imported)
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetNomineeDecision records the centre's decision on a nominee.
func (tx *Tx) SetNomineeDecision(id int64, d domain.NomineeDecision, note string) error {
	res, err := tx.tx.ExecContext(tx.ctx, `UPDATE nominee SET decision=?, decision_note=? WHERE id=?`, string(d), note, id)
	if err != nil {
		return fmt.Errorf("set decision of nominee %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("người/tập thể được đề nghị %d: %w", id, domain.ErrNotFound)
	}
	return nil
}

// Setting reads a key of the settings table inside the transaction; ""
// when absent. A check-then-set (one signing key only) must read here.
func (tx *Tx) Setting(key string) (string, error) {
	var v string
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT value FROM setting WHERE key=?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}
