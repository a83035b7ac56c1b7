package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tdkt/internal/domain"
)

// PeriodReview is a period with the narrative sections of its review as
// the clerk edited them.
type PeriodReview struct {
	domain.Period
	Results, Lessons, Directions string
}

const periodColumns = `id, name, from_year, to_year, congress, congress_date, delegates, results, lessons, directions`

func scanPeriod(sc interface{ Scan(...any) error }) (PeriodReview, error) {
	var p PeriodReview
	var date sql.NullString
	err := sc.Scan(&p.ID, &p.Name, &p.FromYear, &p.ToYear, &p.Congress, &date, &p.Delegates, &p.Results, &p.Lessons, &p.Directions)
	p.CongressDate = parseDate(date)
	return p, err
}

// Periods lists the periods, the latest first.
func (s *Store) Periods(ctx context.Context) ([]PeriodReview, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+periodColumns+` FROM period ORDER BY to_year DESC, from_year DESC`)
	if err != nil {
		return nil, fmt.Errorf("read periods: %w", err)
	}
	defer rows.Close()
	var out []PeriodReview
	for rows.Next() {
		p, err := scanPeriod(rows)
		if err != nil {
			return nil, fmt.Errorf("read periods: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PeriodOf reads the period of the years from..to.
func (s *Store) PeriodOf(ctx context.Context, from, to int) (PeriodReview, bool, error) {
	p, err := scanPeriod(s.read.QueryRowContext(ctx, `SELECT `+periodColumns+` FROM period WHERE from_year=? AND to_year=?`, from, to))
	if errors.Is(err, sql.ErrNoRows) {
		return PeriodReview{}, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("read period %d-%d: %w", from, to, err)
	}
	return p, true, nil
}

// SavePeriod inserts a period (ID 0) or updates it; it returns its ID.
func (tx *Tx) SavePeriod(p PeriodReview) (int64, error) {
	if p.ID == 0 {
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO period(name, from_year, to_year, congress, congress_date, delegates, results, lessons, directions)
			VALUES (?,?,?,?,?,?,?,?,?)`, p.Name, p.FromYear, p.ToYear, p.Congress, dateArg(p.CongressDate), p.Delegates, p.Results, p.Lessons, p.Directions)
		if err != nil {
			return 0, fmt.Errorf("save period %d-%d: %w", p.FromYear, p.ToYear, err)
		}
		return res.LastInsertId()
	}
	_, err := tx.tx.ExecContext(tx.ctx, `UPDATE period SET name=?, from_year=?, to_year=?, congress=?, congress_date=?, delegates=?, results=?, lessons=?, directions=? WHERE id=?`,
		p.Name, p.FromYear, p.ToYear, p.Congress, dateArg(p.CongressDate), p.Delegates, p.Results, p.Lessons, p.Directions, p.ID)
	if err != nil {
		return 0, fmt.Errorf("save period %d-%d: %w", p.FromYear, p.ToYear, err)
	}
	return p.ID, nil
}

// DeletePeriod removes a period.
func (tx *Tx) DeletePeriod(id int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM period WHERE id=?`, id)
	return err
}
