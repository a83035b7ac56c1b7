package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

// seedReportForms gives the award types and regimes of a catalogue made
// before awards named their report form and regimes their Căn cứ lines
// the default catalogue's, for the codes it has.
func (tx *Tx) seedReportForms(c rules.Catalogue) error {
	for _, a := range c.Awards {
		if _, err := tx.tx.ExecContext(tx.ctx, `UPDATE award_type SET report_template=?, report_form=? WHERE code=?`, string(a.Template), a.Form, a.Code); err != nil {
			return fmt.Errorf("report form of %s: %w", a.Code, err)
		}
	}
	for _, r := range c.Regimes {
		if _, err := tx.tx.ExecContext(tx.ctx, `UPDATE regime SET basis=?, citations=? WHERE code=?`, r.Basis, r.Citations, r.Code); err != nil {
			return fmt.Errorf("citations of %s: %w", r.Code, err)
		}
	}
	return nil
}

// seedCatalogue writes the default catalogue into the first schema, with
// the columns it has then; what later migrations add to a row they write
// themselves (seedAuthorities, seedReportForms).
func (tx *Tx) seedCatalogue(c rules.Catalogue) error {
	for _, r := range c.Regimes {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO regime(code, name, basis, from_year, to_year) VALUES (?,?,?,?,?)`,
			r.Code, r.Name, r.Basis, r.FromYear, r.ToYear); err != nil {
			return fmt.Errorf("seed regime %s: %w", r.Code, err)
		}
	}
	for _, a := range c.Awards {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO award_type(code, name, for_subject, is_title, level, bonus, valid_from, valid_to, sort_order)
			VALUES (?,?,?,?,?,?,?,?,?)`, a.Code, a.Name, a.For, a.Title, a.Level, a.Bonus, dateArg(a.ValidFrom), dateArg(a.ValidTo), a.SortOrder); err != nil {
			return fmt.Errorf("seed award type %s: %w", a.Code, err)
		}
	}
	for _, p := range c.Params {
		if _, err := tx.SaveParam(0, p); err != nil {
			return err
		}
	}
	return nil
}

// seedMissingParams adds the parameters of c whose key starts with prefix
// and is not in the catalogue yet: a new file has them from its first
// seeding, a file made before them gets them once.
func (tx *Tx) seedMissingParams(c rules.Catalogue, prefix string) error {
	for _, p := range c.Params {
		if !strings.HasPrefix(p.Key, prefix) {
			continue
		}
		var n int
		if err := tx.tx.QueryRowContext(tx.ctx, `SELECT COUNT(*) FROM catalogue_param WHERE key=?`, p.Key).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		if _, err := tx.SaveParam(0, p); err != nil {
			return err
		}
	}
	return nil
}

// seedAuthorities writes the authorities of c and who confers each award.
func (tx *Tx) seedAuthorities(c rules.Catalogue) error {
	for _, a := range c.Authorities {
		if err := tx.SaveAuthority(a); err != nil {
			return err
		}
	}
	for _, aa := range c.AwardAuthorities {
		if _, err := tx.SaveAwardAuthority(0, aa); err != nil {
			return err
		}
	}
	return nil
}

// SaveAuthority inserts or replaces an authority by code.
func (tx *Tx) SaveAuthority(a rules.Authority) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO authority(code, signer, via, own) VALUES (?,?,?,?)
		ON CONFLICT(code) DO UPDATE SET signer=excluded.signer, via=excluded.via, own=excluded.own`,
		a.Code, a.Signer, a.Via, boolInt(a.Own))
	if err != nil {
		return fmt.Errorf("save authority %s: %w", a.Code, err)
	}
	return nil
}

// SaveAwardAuthority inserts (id 0) or updates row id of who confers an
// award in a period; it returns the row's id.
func (tx *Tx) SaveAwardAuthority(id int64, aa rules.AwardAuthority) (int64, error) {
	if id == 0 {
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO award_authority(award_code, authority, full_name, valid_from, valid_to) VALUES (?,?,?,?,?)`,
			aa.Award, aa.Authority, aa.FullName, dateArg(aa.ValidFrom), dateArg(aa.ValidTo))
		if err != nil {
			return 0, fmt.Errorf("save authority of %s: %w", aa.Award, err)
		}
		return res.LastInsertId()
	}
	_, err := tx.tx.ExecContext(tx.ctx, `UPDATE award_authority SET award_code=?, authority=?, full_name=?, valid_from=?, valid_to=? WHERE id=?`,
		aa.Award, aa.Authority, aa.FullName, dateArg(aa.ValidFrom), dateArg(aa.ValidTo), id)
	if err != nil {
		return 0, fmt.Errorf("save authority of %s: %w", aa.Award, err)
	}
	return id, nil
}

// SaveRegime inserts or replaces a regime by code.
func (tx *Tx) SaveRegime(r rules.Regime) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO regime(code, name, basis, from_year, to_year, citations) VALUES (?,?,?,?,?,?)
		ON CONFLICT(code) DO UPDATE SET name=excluded.name, basis=excluded.basis, from_year=excluded.from_year, to_year=excluded.to_year, citations=excluded.citations`,
		r.Code, r.Name, r.Basis, r.FromYear, r.ToYear, r.Citations)
	if err != nil {
		return fmt.Errorf("save regime %s: %w", r.Code, err)
	}
	return nil
}

// SaveAwardType inserts or replaces an award type by code.
func (tx *Tx) SaveAwardType(a rules.AwardType) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO award_type(code, name, for_subject, is_title, level, bonus, valid_from, valid_to, sort_order, report_template, report_form)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(code) DO UPDATE SET name=excluded.name, for_subject=excluded.for_subject, is_title=excluded.is_title,
		level=excluded.level, bonus=excluded.bonus, valid_from=excluded.valid_from, valid_to=excluded.valid_to, sort_order=excluded.sort_order,
		report_template=excluded.report_template, report_form=excluded.report_form`,
		a.Code, a.Name, a.For, a.Title, a.Level, a.Bonus, dateArg(a.ValidFrom), dateArg(a.ValidTo), a.SortOrder, string(a.Template), a.Form)
	if err != nil {
		return fmt.Errorf("save award type %s: %w", a.Code, err)
	}
	return nil
}

// SaveParam inserts a parameter row (id 0) or updates row id; it returns the id.
func (tx *Tx) SaveParam(id int64, p rules.Param) (int64, error) {
	if id == 0 {
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO catalogue_param(key, regime, value, valid_from, valid_to, description) VALUES (?,?,?,?,?,?)`,
			p.Key, p.Regime, p.Value, dateArg(p.ValidFrom), dateArg(p.ValidTo), p.Description)
		if err != nil {
			return 0, fmt.Errorf("save param %s: %w", p.Key, err)
		}
		return res.LastInsertId()
	}
	_, err := tx.tx.ExecContext(tx.ctx, `UPDATE catalogue_param SET key=?, regime=?, value=?, valid_from=?, valid_to=?, description=? WHERE id=?`,
		p.Key, p.Regime, p.Value, dateArg(p.ValidFrom), dateArg(p.ValidTo), p.Description, id)
	if err != nil {
		return 0, fmt.Errorf("save param %s: %w", p.Key, err)
	}
	return id, nil
}

// DeleteParam removes a parameter row.
func (tx *Tx) DeleteParam(id int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM catalogue_param WHERE id=?`, id)
	return err
}

// ParamRow is a catalogue parameter with its row id, for editing.
type ParamRow struct {
	ID int64
	rules.Param
}

// Catalogue reads the whole rule catalogue.
func (s *Store) Catalogue(ctx context.Context) (rules.Catalogue, error) {
	c, _, err := readCatalogue(ctx, s.read)
	return c, err
}

// Params reads the parameter rows with their ids, ordered by key and regime.
func (s *Store) Params(ctx context.Context) ([]ParamRow, error) {
	_, rows, err := readCatalogue(ctx, s.read)
	return rows, err
}

func readCatalogue(ctx context.Context, q querier) (rules.Catalogue, []ParamRow, error) {
	var c rules.Catalogue
	rows, err := q.QueryContext(ctx, `SELECT code, name, basis, from_year, to_year, citations FROM regime ORDER BY from_year`)
	if err != nil {
		return c, nil, fmt.Errorf("read regimes: %w", err)
	}
	for rows.Next() {
		var r rules.Regime
		if err := rows.Scan(&r.Code, &r.Name, &r.Basis, &r.FromYear, &r.ToYear, &r.Citations); err != nil {
			rows.Close()
			return c, nil, err
		}
		c.Regimes = append(c.Regimes, r)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT code, name, for_subject, is_title, level, bonus, valid_from, valid_to, sort_order, report_template, report_form FROM award_type ORDER BY sort_order, code`)
	if err != nil {
		return c, nil, fmt.Errorf("read award types: %w", err)
	}
	for rows.Next() {
		var a rules.AwardType
		var from, to sql.NullString
		var tmpl string
		if err := rows.Scan(&a.Code, &a.Name, &a.For, &a.Title, &a.Level, &a.Bonus, &from, &to, &a.SortOrder, &tmpl, &a.Form); err != nil {
			rows.Close()
			return c, nil, err
		}
		a.ValidFrom, a.ValidTo = parseDate(from), parseDate(to)
		a.Template = domain.ReportTemplate(tmpl)
		c.Awards = append(c.Awards, a)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT code, signer, via, own FROM authority ORDER BY code`)
	if err != nil {
		return c, nil, fmt.Errorf("read authorities: %w", err)
	}
	for rows.Next() {
		var a rules.Authority
		if err := rows.Scan(&a.Code, &a.Signer, &a.Via, &a.Own); err != nil {
			rows.Close()
			return c, nil, err
		}
		c.Authorities = append(c.Authorities, a)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT id, award_code, authority, full_name, valid_from, valid_to FROM award_authority ORDER BY award_code, valid_from, id`)
	if err != nil {
		return c, nil, fmt.Errorf("read award authorities: %w", err)
	}
	for rows.Next() {
		var aa rules.AwardAuthority
		var from, to sql.NullString
		if err := rows.Scan(&aa.ID, &aa.Award, &aa.Authority, &aa.FullName, &from, &to); err != nil {
			rows.Close()
			return c, nil, err
		}
		aa.ValidFrom, aa.ValidTo = parseDate(from), parseDate(to)
		c.AwardAuthorities = append(c.AwardAuthorities, aa)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT id, key, regime, value, valid_from, valid_to, description FROM catalogue_param ORDER BY key, regime DESC, id`)
	if err != nil {
		return c, nil, fmt.Errorf("read params: %w", err)
	}
	defer rows.Close()
	var prs []ParamRow
	for rows.Next() {
		var p ParamRow
		var from, to sql.NullString
		if err := rows.Scan(&p.ID, &p.Key, &p.Regime, &p.Value, &from, &to, &p.Description); err != nil {
			return c, nil, err
		}
		p.ValidFrom, p.ValidTo = parseDate(from), parseDate(to)
		prs = append(prs, p)
		c.Params = append(c.Params, p.Param)
	}
	return c, prs, rows.Err()
}
