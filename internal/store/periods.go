package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"tdkt/internal/domain"
)

// PeriodReview is a period with the narrative sections of its review as
// the clerk edited them.
type PeriodReview struct {
	domain.Period
	Results, Lessons, Directions string
	// Conference is the Hội nghị điển hình tiên tiến that votes on the
	// period's models.
	Conference domain.Conference
}

const periodColumns = `id, name, from_year, to_year, congress, congress_date, delegates, results, lessons, directions,
	conference_date, conference_members, conference_present`

func scanPeriod(sc interface{ Scan(...any) error }) (PeriodReview, error) {
	var p PeriodReview
	var date, conf sql.NullString
	err := sc.Scan(&p.ID, &p.Name, &p.FromYear, &p.ToYear, &p.Congress, &date, &p.Delegates, &p.Results, &p.Lessons, &p.Directions,
		&conf, &p.Conference.Members, &p.Conference.Present)
	p.CongressDate, p.Conference.Date = parseDate(date), parseDate(conf)
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
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO period(name, from_year, to_year, congress, congress_date, delegates, results, lessons, directions,
			conference_date, conference_members, conference_present) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
			p.Name, p.FromYear, p.ToYear, p.Congress, dateArg(p.CongressDate), p.Delegates, p.Results, p.Lessons, p.Directions,
			dateArg(p.Conference.Date), p.Conference.Members, p.Conference.Present)
		if err != nil {
			return 0, fmt.Errorf("save period %d-%d: %w", p.FromYear, p.ToYear, err)
		}
		return res.LastInsertId()
	}
	_, err := tx.tx.ExecContext(tx.ctx, `UPDATE period SET name=?, from_year=?, to_year=?, congress=?, congress_date=?, delegates=?, results=?, lessons=?, directions=?,
		conference_date=?, conference_members=?, conference_present=? WHERE id=?`,
		p.Name, p.FromYear, p.ToYear, p.Congress, dateArg(p.CongressDate), p.Delegates, p.Results, p.Lessons, p.Directions,
		dateArg(p.Conference.Date), p.Conference.Members, p.Conference.Present, p.ID)
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

// encodeReasons stores a model's reasons a line each, the criterion and
// the text separated by a tab.
func encodeReasons(rs []domain.ModelReason) string {
	lines := make([]string, len(rs))
	for i, r := range rs {
		lines[i] = r.Criterion + "\t" + strings.ReplaceAll(r.Text, "\n", " ")
	}
	return strings.Join(lines, "\n")
}

func decodeReasons(s string) []domain.ModelReason {
	var out []domain.ModelReason
	for _, l := range strings.Split(s, "\n") {
		if l == "" {
			continue
		}
		c, t, _ := strings.Cut(l, "\t")
		out = append(out, domain.ModelReason{Criterion: c, Text: t})
	}
	return out
}

// Models lists the exemplary models of a period: collectives first, then
// people, each in the order they were put forward.
func (s *Store) Models(ctx context.Context, periodID int64) ([]domain.ExemplaryModel, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, subject_kind, subject_code, name, unit, reasons, by_hand, votes_for, account, delegate
		FROM period_model WHERE period_id=? ORDER BY subject_kind='person', id`, periodID)
	if err != nil {
		return nil, fmt.Errorf("read models of period %d: %w", periodID, err)
	}
	defer rows.Close()
	var out []domain.ExemplaryModel
	for rows.Next() {
		m := domain.ExemplaryModel{PeriodID: periodID}
		var kind, reasons string
		var votes sql.NullInt64
		var byHand, delegate int
		if err := rows.Scan(&m.ID, &kind, &m.Subject.Code, &m.Name, &m.Unit, &reasons, &byHand, &votes, &m.Account, &delegate); err != nil {
			return nil, err
		}
		m.Subject.Kind, m.Reasons = domain.SubjectKind(kind), decodeReasons(reasons)
		m.ByHand, m.Delegate, m.Voted, m.VotesFor = byHand != 0, delegate != 0, votes.Valid, int(votes.Int64)
		out = append(out, m)
	}
	return out, rows.Err()
}

// SaveModel inserts a model (ID 0; a subject already put forward for the
// period keeps its row, with what it had) or updates it; it returns its ID.
func (tx *Tx) SaveModel(m domain.ExemplaryModel) (int64, error) {
	var votes any
	if m.Voted {
		votes = m.VotesFor
	}
	if m.ID == 0 {
		err := tx.tx.QueryRowContext(tx.ctx, `INSERT INTO period_model(period_id, subject_kind, subject_code, name, unit, reasons, by_hand, votes_for, account, delegate)
			VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(period_id, subject_kind, subject_code) DO UPDATE SET reasons=excluded.reasons RETURNING id`,
			m.PeriodID, string(m.Subject.Kind), m.Subject.Code, m.Name, m.Unit, encodeReasons(m.Reasons), boolInt(m.ByHand), votes, m.Account, boolInt(m.Delegate)).Scan(&m.ID)
		if err != nil {
			return 0, fmt.Errorf("save model %s: %w", m.Subject.Code, err)
		}
		return m.ID, nil
	}
	_, err := tx.tx.ExecContext(tx.ctx, `UPDATE period_model SET name=?, unit=?, reasons=?, by_hand=?, votes_for=?, account=?, delegate=? WHERE id=?`,
		m.Name, m.Unit, encodeReasons(m.Reasons), boolInt(m.ByHand), votes, m.Account, boolInt(m.Delegate), m.ID)
	if err != nil {
		return 0, fmt.Errorf("save model %s: %w", m.Subject.Code, err)
	}
	return m.ID, nil
}

// DeleteModel removes a model from its period.
func (tx *Tx) DeleteModel(id int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM period_model WHERE id=?`, id)
	return err
}
