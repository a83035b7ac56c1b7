package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tdkt/internal/domain"
)

const unitCols = `code, name, parent_code, kind, valid_from, valid_to, address, party_org, union_org, youth_org`

func scanUnit(sc interface{ Scan(...any) error }) (domain.Unit, error) {
	var u domain.Unit
	var parent, from, to sql.NullString
	var kind string
	if err := sc.Scan(&u.Code, &u.Name, &parent, &kind, &from, &to, &u.Address, &u.PartyOrg, &u.UnionOrg, &u.YouthOrg); err != nil {
		return u, err
	}
	u.ParentCode, u.Kind = parent.String, domain.UnitKind(kind)
	u.ValidFrom, u.ValidTo = parseDate(from), parseDate(to)
	return u, nil
}

func unitByCode(ctx context.Context, q querier, code string) (domain.Unit, bool, error) {
	u, err := scanUnit(q.QueryRowContext(ctx, `SELECT `+unitCols+` FROM unit WHERE code=?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return u, false, nil
	}
	if err != nil {
		return u, false, fmt.Errorf("read unit %s: %w", code, err)
	}
	return u, true, nil
}

func listUnits(ctx context.Context, q querier) ([]domain.Unit, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+unitCols+` FROM unit ORDER BY parent_code IS NOT NULL, kind, code`)
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	var out []domain.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Units lists every unit, the root first.
func (s *Store) Units(ctx context.Context) ([]domain.Unit, error) { return listUnits(ctx, s.read) }

// Units lists every unit inside the transaction.
func (tx *Tx) Units() ([]domain.Unit, error) { return listUnits(tx.ctx, tx.tx) }

// Unit reads one unit by code.
func (s *Store) Unit(ctx context.Context, code string) (domain.Unit, bool, error) {
	return unitByCode(ctx, s.read, code)
}

// SaveUnit inserts or updates a unit by code, refusing a parent that would
// make the tree a cycle.
func (tx *Tx) SaveUnit(u domain.Unit) (Change, error) {
	old, found, err := unitByCode(tx.ctx, tx.tx, u.Code)
	if err != nil {
		return Unchanged, err
	}
	if found && old == u {
		return Unchanged, nil
	}
	// seen bounds the walk even if the stored tree was damaged outside the
	// application and already holds a cycle.
	seen := map[string]bool{}
	for p := u.ParentCode; p != "" && !seen[p]; {
		seen[p] = true
		if p == u.Code {
			return Unchanged, domain.FieldError{Field: "Đơn vị cấp trên", Msg: "không được là chính đơn vị này hoặc đơn vị cấp dưới của nó"}
		}
		parent, ok, err := unitByCode(tx.ctx, tx.tx, p)
		if err != nil {
			return Unchanged, err
		}
		if !ok {
			return Unchanged, domain.FieldError{Field: "Đơn vị cấp trên", Msg: fmt.Sprintf("không có đơn vị mã %s", p), Err: domain.ErrNotFound}
		}
		p = parent.ParentCode
	}
	_, err = tx.tx.ExecContext(tx.ctx, `INSERT INTO unit(code, name, parent_code, kind, valid_from, valid_to, address, party_org, union_org, youth_org)
		VALUES (?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(code) DO UPDATE SET name=excluded.name, parent_code=excluded.parent_code, kind=excluded.kind,
		valid_from=excluded.valid_from, valid_to=excluded.valid_to, address=excluded.address,
		party_org=excluded.party_org, union_org=excluded.union_org, youth_org=excluded.youth_org`,
		u.Code, u.Name, nullable(u.ParentCode), string(u.Kind), dateArg(u.ValidFrom), dateArg(u.ValidTo),
		u.Address, u.PartyOrg, u.UnionOrg, u.YouthOrg)
	if err != nil {
		return Unchanged, fmt.Errorf("save unit %s: %w", u.Code, err)
	}
	if found {
		return Updated, nil
	}
	return Inserted, nil
}

// DeleteUnit removes a unit that has no sub-units and no people.
func (tx *Tx) DeleteUnit(code string) error {
	var n int
	if err := tx.tx.QueryRowContext(tx.ctx, `SELECT (SELECT count(*) FROM unit WHERE parent_code=?) + (SELECT count(*) FROM assignment WHERE unit_code=?)`, code, code).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("đơn vị %s còn đơn vị cấp dưới hoặc cán bộ (kể cả trong lịch sử công tác): %w", code, domain.ErrInUse)
	}
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM unit WHERE code=?`, code)
	return err
}

// AddUnitCodeChange records that an old code became a new one.
func (tx *Tx) AddUnitCodeChange(c domain.UnitCodeChange) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO unit_code_change(old_code, new_code, effective, note) VALUES (?,?,?,?)
		ON CONFLICT(old_code, new_code) DO UPDATE SET effective=excluded.effective, note=excluded.note`,
		c.OldCode, c.NewCode, c.Effective.ISO(), c.Note)
	return err
}

// UnitCodeChanges lists the recorded code changes, oldest first.
func (s *Store) UnitCodeChanges(ctx context.Context) ([]domain.UnitCodeChange, error) {
	return unitCodeChanges(ctx, s.read)
}

// UnitCodeChanges is UnitCodeChanges inside the transaction.
func (tx *Tx) UnitCodeChanges() ([]domain.UnitCodeChange, error) {
	return unitCodeChanges(tx.ctx, tx.tx)
}

func unitCodeChanges(ctx context.Context, q querier) ([]domain.UnitCodeChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT old_code, new_code, effective, note FROM unit_code_change ORDER BY effective, old_code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.UnitCodeChange
	for rows.Next() {
		var c domain.UnitCodeChange
		var eff sql.NullString
		if err := rows.Scan(&c.OldCode, &c.NewCode, &eff, &c.Note); err != nil {
			return nil, err
		}
		c.Effective = parseDate(eff)
		out = append(out, c)
	}
	return out, rows.Err()
}

// CurrentCode follows recorded code changes from code to the code in use
// today (A→B→C gives C), so a file or a record keyed by a pre-2025 code still
// finds its unit.
func (s *Store) CurrentCode(ctx context.Context, code string) (string, error) {
	return currentCode(ctx, s.read, code)
}

func currentCode(ctx context.Context, q querier, code string) (string, error) {
	seen := map[string]bool{}
	for !seen[code] {
		seen[code] = true
		var next string
		err := q.QueryRowContext(ctx, `SELECT new_code FROM unit_code_change WHERE old_code=? ORDER BY effective DESC LIMIT 1`, code).Scan(&next)
		if errors.Is(err, sql.ErrNoRows) {
			return code, nil
		}
		if err != nil {
			return "", err
		}
		code = next
	}
	return code, nil
}

// Headcounts gives the number of current (not deleted) people per unit code.
func (s *Store) Headcounts(ctx context.Context) (map[string]int, error) {
	return countBy(ctx, s.read, `SELECT a.unit_code, count(*) FROM assignment a JOIN person p ON p.id=a.person_id
		WHERE a.to_date IS NULL AND p.deleted_at IS NULL GROUP BY a.unit_code`)
}
