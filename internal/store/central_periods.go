package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// CentralModel is an exemplary model an office's period package put
// before its conference, as the centre keeps it.
type CentralModel struct {
	PackageID          int64
	UnitCode, UnitName string
	From, To           int
	Subject, Code      string
	Name, SubUnit      string
	Reasons            []string
	VotesFor           int
	Pct                float64
	Selected, Delegate bool
}

// CurrentPeriodPackage is the loaded package of the office's period.
func (tx *Tx) CurrentPeriodPackage(unitCode string, from, to int) (int64, bool, error) {
	var id int64
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT p.id FROM central_period cp JOIN central_package p ON p.id=cp.package_id
		WHERE cp.unit_code=? AND cp.from_year=? AND cp.to_year=? AND p.status=? ORDER BY p.id DESC LIMIT 1`, unitCode, from, to, PackageLoaded).Scan(&id)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, false, nil
		}
		return 0, false, fmt.Errorf("current period package of %s: %w", unitCode, err)
	}
	return id, true, nil
}

// AddCentralPeriod records a period package's figures (JSON) and models.
func (tx *Tx) AddCentralPeriod(packageID int64, unitCode string, from, to int, figures string, ms []CentralModel) error {
	if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO central_period(package_id, unit_code, from_year, to_year, figures) VALUES (?,?,?,?,?)`,
		packageID, unitCode, from, to, figures); err != nil {
		return fmt.Errorf("save period of %s: %w", unitCode, err)
	}
	for _, m := range ms {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO central_period_model(package_id, unit_code, unit_name, from_year, to_year, subject, code, name, sub_unit, reasons, votes_for, pct, selected, delegate)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, packageID, m.UnitCode, m.UnitName, m.From, m.To, m.Subject, m.Code, m.Name, m.SubUnit,
			strings.Join(m.Reasons, "\n"), m.VotesFor, m.Pct, boolInt(m.Selected), boolInt(m.Delegate)); err != nil {
			return fmt.Errorf("save model %s of %s: %w", m.Code, unitCode, err)
		}
	}
	return nil
}

// CentralModels lists the models of the period from..to in the offices'
// current packages, by office, collectives first.
func (s *Store) CentralModels(ctx context.Context, from, to int) ([]CentralModel, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT m.package_id, m.unit_code, m.unit_name, m.from_year, m.to_year, m.subject, m.code, m.name, m.sub_unit, m.reasons,
		m.votes_for, m.pct, m.selected, m.delegate
		FROM central_period_model m JOIN central_package p ON p.id=m.package_id
		WHERE m.from_year=? AND m.to_year=? AND p.status=? ORDER BY m.unit_code, m.subject='person', m.id`, from, to, PackageLoaded)
	if err != nil {
		return nil, fmt.Errorf("central models %d-%d: %w", from, to, err)
	}
	defer rows.Close()
	var out []CentralModel
	for rows.Next() {
		var m CentralModel
		var reasons string
		var sel, del int
		if err := rows.Scan(&m.PackageID, &m.UnitCode, &m.UnitName, &m.From, &m.To, &m.Subject, &m.Code, &m.Name, &m.SubUnit, &reasons,
			&m.VotesFor, &m.Pct, &sel, &del); err != nil {
			return nil, err
		}
		if reasons != "" {
			m.Reasons = strings.Split(reasons, "\n")
		}
		m.Selected, m.Delegate = sel != 0, del != 0
		out = append(out, m)
	}
	return out, rows.Err()
}
