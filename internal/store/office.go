package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"tdkt/internal/domain"
)

// Profile reads the office profile; ok is false before the office is created.
func (s *Store) Profile(ctx context.Context) (p domain.OfficeProfile, ok bool, err error) {
	return readProfile(ctx, s.read)
}

// Profile is Profile inside the transaction.
func (tx *Tx) Profile() (p domain.OfficeProfile, ok bool, err error) {
	return readProfile(tx.ctx, tx.tx)
}

func readProfile(ctx context.Context, q querier) (p domain.OfficeProfile, ok bool, err error) {
	var deputies string
	err = q.QueryRowContext(ctx, `SELECT unit_code, unit_name, parent_name, place, director_name, director_position, deputies, doc_code
		FROM office_profile WHERE id = 1`).Scan(&p.UnitCode, &p.UnitName, &p.ParentName, &p.Place,
		&p.Director.Name, &p.Director.Position, &deputies, &p.DocNumberCode)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("read office profile: %w", err)
	}
	if err := json.Unmarshal([]byte(deputies), &p.Deputies); err != nil {
		return p, false, fmt.Errorf("read office profile deputies: %w", err)
	}
	return p, true, nil
}

// SaveProfile writes the office profile and makes sure the root unit exists
// with the same code and name. The root unit's code never changes once set:
// everything in the database hangs from it.
func (tx *Tx) SaveProfile(p domain.OfficeProfile) error {
	var existing string
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT unit_code FROM office_profile WHERE id = 1`).Scan(&existing)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return fmt.Errorf("save office profile: %w", err)
	case existing != p.UnitCode:
		return domain.FieldError{Field: "Mã đơn vị", Msg: fmt.Sprintf("đơn vị đã được tạo với mã %s; không đổi được mã", existing), Err: domain.ErrInUse}
	}
	deputies, err := json.Marshal(p.Deputies)
	if err != nil {
		return err
	}
	if p.Deputies == nil {
		deputies = []byte("[]")
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO office_profile(id, unit_code, unit_name, parent_name, place, director_name, director_position, deputies, doc_code)
		VALUES (1,?,?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET unit_name=excluded.unit_name, parent_name=excluded.parent_name, place=excluded.place,
		director_name=excluded.director_name, director_position=excluded.director_position, deputies=excluded.deputies, doc_code=excluded.doc_code`,
		p.UnitCode, p.UnitName, p.ParentName, p.Place, p.Director.Name, p.Director.Position, string(deputies), p.DocNumberCode); err != nil {
		return fmt.Errorf("save office profile: %w", err)
	}
	root, found, err := unitByCode(tx.ctx, tx.tx, p.UnitCode)
	if err != nil {
		return err
	}
	if !found {
		root = domain.Unit{Code: p.UnitCode, Kind: domain.UnitProvince}
	}
	root.Name = p.UnitName
	_, err = tx.SaveUnit(root)
	return err
}

// Setting reads a key of the settings table; "" when absent.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.read.QueryRowContext(ctx, `SELECT value FROM setting WHERE key=?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetSetting writes a key of the settings table.
func (tx *Tx) SetSetting(key, value string) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value`, key, value)
	return err
}
