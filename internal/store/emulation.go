package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"tdkt/internal/domain"
)

// ---------------------------------------------------------------------------
// Movements (phong trào thi đua), their reviews and targets.

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func listMovements(ctx context.Context, q querier, where string, args ...any) ([]domain.Movement, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, doc_no, doc_date, issuer, kind, from_year, to_year, own FROM movement `+where+
		` ORDER BY from_year DESC, kind, name, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list movements: %w", err)
	}
	var out []domain.Movement
	for rows.Next() {
		var m domain.Movement
		var date sql.NullString
		var kind string
		var own int
		if err := rows.Scan(&m.ID, &m.Name, &m.DocNo, &date, &m.Issuer, &kind, &m.FromYear, &m.ToYear, &own); err != nil {
			rows.Close()
			return nil, err
		}
		m.DocDate, m.Kind, m.Own = parseDate(date), domain.MovementKind(kind), own != 0
		out = append(out, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Reviews, err = movementReviews(ctx, q, out[i].ID); err != nil {
			return nil, err
		}
		if out[i].Targets, err = movementTargets(ctx, q, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func movementReviews(ctx context.Context, q querier, id int64) ([]domain.MovementReview, error) {
	rows, err := q.QueryContext(ctx, `SELECT year, kind, note FROM movement_review WHERE movement_id=? ORDER BY year, kind`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.MovementReview
	for rows.Next() {
		var r domain.MovementReview
		var kind string
		if err := rows.Scan(&r.Year, &kind, &r.Note); err != nil {
			return nil, err
		}
		r.Kind = domain.ReviewKind(kind)
		out = append(out, r)
	}
	return out, rows.Err()
}

func movementTargets(ctx context.Context, q querier, id int64) ([]domain.Target, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, movement_id, name, unit, higher_better, sort_order FROM target WHERE movement_id=? ORDER BY sort_order, id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Target
	for rows.Next() {
		var t domain.Target
		var hb int
		if err := rows.Scan(&t.ID, &t.MovementID, &t.Name, &t.Unit, &hb, &t.SortOrder); err != nil {
			return nil, err
		}
		t.HigherBetter = hb != 0
		out = append(out, t)
	}
	return out, rows.Err()
}

// Movements lists every movement with its reviews and targets, the latest first.
func (s *Store) Movements(ctx context.Context) ([]domain.Movement, error) {
	return listMovements(ctx, s.read, "")
}

// Movement reads one movement with its reviews and targets.
func (s *Store) Movement(ctx context.Context, id int64) (domain.Movement, bool, error) {
	ms, err := listMovements(ctx, s.read, "WHERE id=?", id)
	if err != nil || len(ms) == 0 {
		return domain.Movement{}, false, err
	}
	return ms[0], true, nil
}

// Movements lists every movement inside the transaction.
func (tx *Tx) Movements() ([]domain.Movement, error) { return listMovements(tx.ctx, tx.tx, "") }

// SaveMovement inserts (ID 0) or updates a movement and replaces its reviews
// and targets. Targets keep their IDs: one with an ID of this movement is
// updated, one with ID 0 is added, and the movement's targets not given are
// deleted with their values. It returns the movement with every ID filled in.
func (tx *Tx) SaveMovement(m domain.Movement) (domain.Movement, Change, error) {
	change := Inserted
	if m.ID == 0 {
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO movement(name, doc_no, doc_date, issuer, kind, from_year, to_year, own) VALUES (?,?,?,?,?,?,?,?)`,
			m.Name, m.DocNo, dateArg(m.DocDate), m.Issuer, string(m.Kind), m.FromYear, m.ToYear, boolInt(m.Own))
		if err != nil {
			return m, Unchanged, fmt.Errorf("save movement %q: %w", m.Name, err)
		}
		m.ID, _ = res.LastInsertId()
	} else {
		old, err := listMovements(tx.ctx, tx.tx, "WHERE id=?", m.ID)
		if err != nil {
			return m, Unchanged, err
		}
		if len(old) == 0 {
			return m, Unchanged, fmt.Errorf("phong trào %d: %w", m.ID, domain.ErrNotFound)
		}
		if movementEqual(old[0], m) {
			return old[0], Unchanged, nil
		}
		change = Updated
		if _, err := tx.tx.ExecContext(tx.ctx, `UPDATE movement SET name=?, doc_no=?, doc_date=?, issuer=?, kind=?, from_year=?, to_year=?, own=? WHERE id=?`,
			m.Name, m.DocNo, dateArg(m.DocDate), m.Issuer, string(m.Kind), m.FromYear, m.ToYear, boolInt(m.Own), m.ID); err != nil {
			return m, Unchanged, fmt.Errorf("save movement %q: %w", m.Name, err)
		}
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM movement_review WHERE movement_id=?`, m.ID); err != nil {
		return m, Unchanged, err
	}
	for _, r := range m.Reviews {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO movement_review(movement_id, year, kind, note) VALUES (?,?,?,?)
			ON CONFLICT(movement_id, year, kind) DO UPDATE SET note=excluded.note`, m.ID, r.Year, string(r.Kind), r.Note); err != nil {
			return m, Unchanged, fmt.Errorf("save review %d of %q: %w", r.Year, m.Name, err)
		}
	}
	keep := map[int64]bool{}
	for _, t := range m.Targets {
		if t.ID != 0 {
			keep[t.ID] = true
		}
	}
	old, err := movementTargets(tx.ctx, tx.tx, m.ID)
	if err != nil {
		return m, Unchanged, err
	}
	for _, t := range old {
		if !keep[t.ID] {
			if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM target WHERE id=?`, t.ID); err != nil {
				return m, Unchanged, err
			}
		}
	}
	m.Targets = append([]domain.Target(nil), m.Targets...)
	for i := range m.Targets {
		t := &m.Targets[i]
		t.MovementID = m.ID
		if t.ID != 0 {
			res, err := tx.tx.ExecContext(tx.ctx, `UPDATE target SET name=?, unit=?, higher_better=?, sort_order=? WHERE id=? AND movement_id=?`,
				t.Name, t.Unit, boolInt(t.HigherBetter), t.SortOrder, t.ID, m.ID)
			if err != nil {
				return m, Unchanged, fmt.Errorf("save target %q: %w", t.Name, err)
			}
			if n, _ := res.RowsAffected(); n == 1 {
				continue
			}
			return m, Unchanged, fmt.Errorf("chỉ tiêu %d không thuộc phong trào %q: %w", t.ID, m.Name, domain.ErrNotFound)
		}
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO target(movement_id, name, unit, higher_better, sort_order) VALUES (?,?,?,?,?)`,
			m.ID, t.Name, t.Unit, boolInt(t.HigherBetter), t.SortOrder)
		if err != nil {
			return m, Unchanged, fmt.Errorf("save target %q: %w", t.Name, err)
		}
		t.ID, _ = res.LastInsertId()
	}
	return m, change, nil
}

func movementEqual(a, b domain.Movement) bool {
	if a.Name != b.Name || a.DocNo != b.DocNo || a.DocDate != b.DocDate || a.Issuer != b.Issuer || a.Kind != b.Kind ||
		a.FromYear != b.FromYear || a.ToYear != b.ToYear || a.Own != b.Own || len(a.Reviews) != len(b.Reviews) || len(a.Targets) != len(b.Targets) {
		return false
	}
	rb := append([]domain.MovementReview(nil), b.Reviews...)
	sort.Slice(rb, func(i, j int) bool {
		if rb[i].Year != rb[j].Year {
			return rb[i].Year < rb[j].Year
		}
		return rb[i].Kind < rb[j].Kind
	})
	for i := range a.Reviews {
		if a.Reviews[i] != rb[i] {
			return false
		}
	}
	tb := append([]domain.Target(nil), b.Targets...)
	sort.SliceStable(tb, func(i, j int) bool {
		if tb[i].SortOrder != tb[j].SortOrder {
			return tb[i].SortOrder < tb[j].SortOrder
		}
		return tb[i].ID < tb[j].ID
	})
	for i := range a.Targets {
		t := tb[i]
		t.MovementID = a.ID
		if a.Targets[i] != t {
			return false
		}
	}
	return true
}

// DeleteMovement removes a movement with its reviews, targets and their
// values; criteria that were linked to its targets lose the link.
func (tx *Tx) DeleteMovement(id int64) error {
	res, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM movement WHERE id=?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("phong trào %d: %w", id, domain.ErrNotFound)
	}
	return nil
}

// ---------------------------------------------------------------------------
// Registrations (đăng ký thi đua).

func listRegistrations(ctx context.Context, q querier, year int) ([]domain.Registration, error) {
	rows, err := q.QueryContext(ctx, `SELECT CASE WHEN r.person_id IS NULL THEN 'collective' ELSE 'person' END,
		COALESCE(p.staff_code, r.unit_code), r.award_code, r.note
		FROM registration r LEFT JOIN person p ON p.id=r.person_id LEFT JOIN award_type a ON a.code=r.award_code
		WHERE r.year=? AND (r.person_id IS NULL OR p.deleted_at IS NULL)
		ORDER BY r.person_id IS NOT NULL, 2, COALESCE(a.sort_order, 0), r.award_code`, year)
	if err != nil {
		return nil, fmt.Errorf("list registrations %d: %w", year, err)
	}
	defer rows.Close()
	var out []domain.Registration
	for rows.Next() {
		var kind, code, award, note string
		if err := rows.Scan(&kind, &code, &award, &note); err != nil {
			return nil, err
		}
		sub := domain.Subject{Kind: domain.SubjectKind(kind), Code: code}
		if n := len(out); n > 0 && out[n-1].Subject == sub {
			out[n-1].Awards = append(out[n-1].Awards, award)
			continue
		}
		out = append(out, domain.Registration{Year: year, Subject: sub, Awards: []string{award}, Note: note})
	}
	return out, rows.Err()
}

// Registrations lists the year's registrations: collectives first, then
// people, by code; awards in catalogue order.
func (s *Store) Registrations(ctx context.Context, year int) ([]domain.Registration, error) {
	return listRegistrations(ctx, s.read, year)
}

// Registrations lists the year's registrations inside the transaction.
func (tx *Tx) Registrations(year int) ([]domain.Registration, error) {
	return listRegistrations(tx.ctx, tx.tx, year)
}

// SaveRegistration replaces a subject's registration for the year: its
// awards become exactly r.Awards (none removes it), each row carrying r.Note.
func (tx *Tx) SaveRegistration(r domain.Registration) (Change, error) {
	pid, ucode, err := subjectRef(tx.ctx, tx.tx, r.Subject)
	if err != nil {
		return Unchanged, err
	}
	rows, err := tx.tx.QueryContext(tx.ctx, `SELECT award_code, note FROM registration
		WHERE ifnull(person_id,0)=ifnull(?,0) AND ifnull(unit_code,'')=ifnull(?,'') AND year=? ORDER BY award_code`, pid, ucode, r.Year)
	if err != nil {
		return Unchanged, err
	}
	old := map[string]string{}
	for rows.Next() {
		var a, n string
		if err := rows.Scan(&a, &n); err != nil {
			rows.Close()
			return Unchanged, err
		}
		old[a] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Unchanged, err
	}
	want := map[string]bool{}
	for _, a := range r.Awards {
		want[a] = true
	}
	same := len(old) == len(want)
	for a, n := range old {
		if !want[a] || n != r.Note {
			same = false
		}
	}
	if same {
		return Unchanged, nil
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM registration
		WHERE ifnull(person_id,0)=ifnull(?,0) AND ifnull(unit_code,'')=ifnull(?,'') AND year=?`, pid, ucode, r.Year); err != nil {
		return Unchanged, err
	}
	for a := range want {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO registration(year, person_id, unit_code, award_code, note) VALUES (?,?,?,?,?)`,
			r.Year, pid, ucode, a, r.Note); err != nil {
			return Unchanged, fmt.Errorf("save registration %s %d %s: %w", r.Subject.Code, r.Year, a, err)
		}
	}
	if len(old) == 0 {
		return Inserted, nil
	}
	return Updated, nil
}

// AddRegistrationAward adds one award to a subject's registration for the
// year, keeping the others and the note; Unchanged when it was there.
func (tx *Tx) AddRegistrationAward(sub domain.Subject, year int, award string) (Change, error) {
	pid, ucode, err := subjectRef(tx.ctx, tx.tx, sub)
	if err != nil {
		return Unchanged, err
	}
	res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO registration(year, person_id, unit_code, award_code, note)
		VALUES (?,?,?,?, COALESCE((SELECT note FROM registration WHERE ifnull(person_id,0)=ifnull(?,0) AND ifnull(unit_code,'')=ifnull(?,'') AND year=? LIMIT 1), ''))
		ON CONFLICT DO NOTHING`, year, pid, ucode, award, pid, ucode, year)
	if err != nil {
		return Unchanged, fmt.Errorf("register %s %d %s: %w", sub.Code, year, award, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Unchanged, nil
	}
	return Inserted, nil
}

// ---------------------------------------------------------------------------
// Target values.

// TargetValues lists target values; year 0 means every year, unitCode ""
// every collective. Ordered by year, unit, then the target's place.
func (s *Store) TargetValues(ctx context.Context, year int, unitCode string) ([]domain.TargetValue, error) {
	return listTargetValues(ctx, s.read, year, unitCode)
}

// TargetValues lists target values inside the transaction.
func (tx *Tx) TargetValues(year int, unitCode string) ([]domain.TargetValue, error) {
	return listTargetValues(tx.ctx, tx.tx, year, unitCode)
}

func listTargetValues(ctx context.Context, q querier, year int, unitCode string) ([]domain.TargetValue, error) {
	rows, err := q.QueryContext(ctx, `SELECT v.year, v.unit_code, v.target_id, v.planned, v.actual FROM target_value v JOIN target t ON t.id=v.target_id
		WHERE (?=0 OR v.year=?) AND (?='' OR v.unit_code=?) ORDER BY v.year, v.unit_code, t.movement_id, t.sort_order, t.id`, year, year, unitCode, unitCode)
	if err != nil {
		return nil, fmt.Errorf("list target values: %w", err)
	}
	defer rows.Close()
	var out []domain.TargetValue
	for rows.Next() {
		var v domain.TargetValue
		var actual sql.NullFloat64
		if err := rows.Scan(&v.Year, &v.UnitCode, &v.TargetID, &v.Planned, &actual); err != nil {
			return nil, err
		}
		v.Actual, v.HasActual = actual.Float64, actual.Valid
		out = append(out, v)
	}
	return out, rows.Err()
}

// SaveTargetValue inserts or updates a collective's value of a target for a year.
func (tx *Tx) SaveTargetValue(v domain.TargetValue) (Change, error) {
	var planned float64
	var actual sql.NullFloat64
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT planned, actual FROM target_value WHERE year=? AND unit_code=? AND target_id=?`,
		v.Year, v.UnitCode, v.TargetID).Scan(&planned, &actual)
	change := Updated
	switch {
	case errors.Is(err, sql.ErrNoRows):
		change = Inserted
	case err != nil:
		return Unchanged, err
	case planned == v.Planned && actual.Valid == v.HasActual && (!v.HasActual || actual.Float64 == v.Actual):
		return Unchanged, nil
	}
	var act any
	if v.HasActual {
		act = v.Actual
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO target_value(year, unit_code, target_id, planned, actual) VALUES (?,?,?,?,?)
		ON CONFLICT(year, unit_code, target_id) DO UPDATE SET planned=excluded.planned, actual=excluded.actual`,
		v.Year, v.UnitCode, v.TargetID, v.Planned, act); err != nil {
		return Unchanged, fmt.Errorf("save target value %d %s %d: %w", v.Year, v.UnitCode, v.TargetID, err)
	}
	return change, nil
}

// DeleteTargetValue removes a collective's value of a target for a year.
func (tx *Tx) DeleteTargetValue(year int, unitCode string, targetID int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM target_value WHERE year=? AND unit_code=? AND target_id=?`, year, unitCode, targetID)
	return err
}

// ---------------------------------------------------------------------------
// Cluster (cụm thi đua).

// Cluster reads the cluster of a year with its members in their order.
func (s *Store) Cluster(ctx context.Context, year int) (domain.Cluster, bool, error) {
	return readCluster(ctx, s.read, year)
}

// Cluster is Cluster inside the transaction.
func (tx *Tx) Cluster(year int) (domain.Cluster, bool, error) {
	return readCluster(tx.ctx, tx.tx, year)
}

func readCluster(ctx context.Context, q querier, year int) (domain.Cluster, bool, error) {
	c := domain.Cluster{Year: year}
	err := q.QueryRowContext(ctx, `SELECT id, name, pact FROM cluster WHERE year=?`, year).Scan(&c.ID, &c.Name, &c.Pact)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("read cluster %d: %w", year, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT name, own, role, total FROM cluster_member WHERE cluster_id=? ORDER BY position`, c.ID)
	if err != nil {
		return c, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var m domain.ClusterMember
		var own int
		var role string
		var total sql.NullFloat64
		if err := rows.Scan(&m.Name, &own, &role, &total); err != nil {
			return c, false, err
		}
		m.Own, m.Role, m.Total, m.HasTotal = own != 0, domain.ClusterRole(role), total.Float64, total.Valid
		c.Members = append(c.Members, m)
	}
	return c, true, rows.Err()
}

// SaveCluster writes the cluster of c.Year (one per year), replacing its
// members; it returns the cluster's ID.
func (tx *Tx) SaveCluster(c domain.Cluster) (int64, error) {
	err := tx.tx.QueryRowContext(tx.ctx, `INSERT INTO cluster(year, name, pact) VALUES (?,?,?)
		ON CONFLICT(year) DO UPDATE SET name=excluded.name, pact=excluded.pact RETURNING id`, c.Year, c.Name, c.Pact).Scan(&c.ID)
	if err != nil {
		return 0, fmt.Errorf("save cluster %d: %w", c.Year, err)
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM cluster_member WHERE cluster_id=?`, c.ID); err != nil {
		return 0, err
	}
	for i, m := range c.Members {
		var total any
		if m.HasTotal {
			total = m.Total
		}
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO cluster_member(cluster_id, position, name, own, role, total) VALUES (?,?,?,?,?,?)`,
			c.ID, i+1, m.Name, boolInt(m.Own), string(m.Role), total); err != nil {
			return 0, fmt.Errorf("save cluster member %q: %w", m.Name, err)
		}
	}
	return c.ID, nil
}

// DeleteCluster removes the cluster of a year.
func (tx *Tx) DeleteCluster(year int) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM cluster WHERE year=?`, year)
	return err
}

// ---------------------------------------------------------------------------
// Scoring table (bảng chấm điểm), self-scores and evidence.

// Criteria lists the year's scoring table by sort order, then code.
func (s *Store) Criteria(ctx context.Context, year int) ([]domain.Criterion, error) {
	return listCriteria(ctx, s.read, year)
}

func listCriteria(ctx context.Context, q querier, year int) ([]domain.Criterion, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, year, code, parent_code, name, max_points, method, target_id, cap_percent, sort_order
		FROM criterion WHERE year=? ORDER BY sort_order, code`, year)
	if err != nil {
		return nil, fmt.Errorf("list criteria %d: %w", year, err)
	}
	defer rows.Close()
	var out []domain.Criterion
	for rows.Next() {
		var c domain.Criterion
		var method string
		var target sql.NullInt64
		if err := rows.Scan(&c.ID, &c.Year, &c.Code, &c.ParentCode, &c.Name, &c.MaxPoints, &method, &target, &c.CapPercent, &c.SortOrder); err != nil {
			return nil, err
		}
		c.Method, c.TargetID = domain.ScoringMethod(method), target.Int64
		out = append(out, c)
	}
	return out, rows.Err()
}

// ReplaceCriteria makes cs the year's scoring table: criteria are matched by
// code, so the self-scores and evidence of a code that stays are kept, and
// those of a code that goes are deleted with it.
func (tx *Tx) ReplaceCriteria(year int, cs []domain.Criterion) error {
	keep := map[string]bool{}
	for _, c := range cs {
		keep[c.Code] = true
	}
	old, err := listCriteria(tx.ctx, tx.tx, year)
	if err != nil {
		return err
	}
	for _, c := range old {
		if !keep[c.Code] {
			if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM criterion WHERE year=? AND code=?`, year, c.Code); err != nil {
				return err
			}
		}
	}
	for _, c := range cs {
		var target any
		if c.TargetID != 0 {
			target = c.TargetID
		}
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO criterion(year, code, parent_code, name, max_points, method, target_id, cap_percent, sort_order)
			VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(year, code) DO UPDATE SET parent_code=excluded.parent_code, name=excluded.name,
			max_points=excluded.max_points, method=excluded.method, target_id=excluded.target_id, cap_percent=excluded.cap_percent, sort_order=excluded.sort_order`,
			year, c.Code, c.ParentCode, c.Name, c.MaxPoints, string(c.Method), target, c.CapPercent, c.SortOrder); err != nil {
			return fmt.Errorf("save criterion %s: %w", c.Code, err)
		}
	}
	return nil
}

// SelfScores lists the year's self-scores with the names of their
// evidence files. Criteria with evidence but no score yet are left out.
func (s *Store) SelfScores(ctx context.Context, year int) ([]domain.SelfScore, error) {
	out, err := listSelfScores(ctx, s.read, year)
	if err != nil {
		return nil, err
	}
	files, err := s.evidenceNames(ctx, year, "")
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Attachments = files[out[i].Code]
	}
	return out, nil
}

// SelfScores lists the year's self-scores inside the transaction, without
// their evidence files.
func (tx *Tx) SelfScores(year int) ([]domain.SelfScore, error) {
	return listSelfScores(tx.ctx, tx.tx, year)
}

func listSelfScores(ctx context.Context, q querier, year int) ([]domain.SelfScore, error) {
	rows, err := q.QueryContext(ctx, `SELECT code, score, note FROM self_score WHERE year=? ORDER BY code`, year)
	if err != nil {
		return nil, fmt.Errorf("list self-scores %d: %w", year, err)
	}
	var out []domain.SelfScore
	for rows.Next() {
		sc := domain.SelfScore{Year: year}
		if err := rows.Scan(&sc.Code, &sc.Score, &sc.Note); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, sc)
	}
	rows.Close()
	return out, rows.Err()
}

// SaveSelfScore inserts or updates the score of one criterion (its
// attachments are kept apart; see AttachEvidence).
func (tx *Tx) SaveSelfScore(sc domain.SelfScore) (Change, error) {
	var score float64
	var note string
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT score, note FROM self_score WHERE year=? AND code=?`, sc.Year, sc.Code).Scan(&score, &note)
	change := Updated
	switch {
	case errors.Is(err, sql.ErrNoRows):
		change = Inserted
	case err != nil:
		return Unchanged, err
	case score == sc.Score && note == sc.Note:
		return Unchanged, nil
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO self_score(year, code, score, note) VALUES (?,?,?,?)
		ON CONFLICT(year, code) DO UPDATE SET score=excluded.score, note=excluded.note`, sc.Year, sc.Code, sc.Score, sc.Note); err != nil {
		return Unchanged, fmt.Errorf("save self-score %d %s: %w", sc.Year, sc.Code, err)
	}
	return change, nil
}

// DeleteSelfScore removes the score of one criterion (its evidence stays).
func (tx *Tx) DeleteSelfScore(year int, code string) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM self_score WHERE year=? AND code=?`, year, code)
	return err
}

// AttachEvidence stores a file as evidence of a criterion's score,
// replacing a file of the same name.
func (tx *Tx) AttachEvidence(year int, code, name string, content []byte) error {
	if content == nil {
		content = []byte{}
	}
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO self_score_attachment(year, code, file_name, content) VALUES (?,?,?,?)
		ON CONFLICT(year, code, file_name) DO UPDATE SET content=excluded.content`, year, code, name, content)
	if err != nil {
		return fmt.Errorf("attach %s to %d %s: %w", name, year, code, err)
	}
	return nil
}

// RemoveEvidence deletes one evidence file.
func (tx *Tx) RemoveEvidence(year int, code, name string) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM self_score_attachment WHERE year=? AND code=? AND file_name=?`, year, code, name)
	return err
}

// Evidence lists the evidence file names of a criterion, by name.
func (s *Store) Evidence(ctx context.Context, year int, code string) ([]string, error) {
	m, err := s.evidenceNames(ctx, year, code)
	return m[code], err
}

func (s *Store) evidenceNames(ctx context.Context, year int, code string) (map[string][]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT code, file_name FROM self_score_attachment WHERE year=? AND (?='' OR code=?) ORDER BY code, file_name`, year, code, code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var c, n string
		if err := rows.Scan(&c, &n); err != nil {
			return nil, err
		}
		out[c] = append(out[c], n)
	}
	return out, rows.Err()
}

// EvidenceFile reads one evidence file; ErrNotFound when there is none.
func (s *Store) EvidenceFile(ctx context.Context, year int, code, name string) ([]byte, error) {
	var b []byte
	err := s.read.QueryRowContext(ctx, `SELECT content FROM self_score_attachment WHERE year=? AND code=? AND file_name=?`, year, code, name).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("tệp %s của tiêu chí %s năm %d: %w", name, code, year, domain.ErrNotFound)
	}
	return b, err
}

// ---------------------------------------------------------------------------
// Bulk reads of the history for one year, for registration and assessment.

// YearRatings gives every rating of a year: staff code → rating for people
// not deleted, unit code → rating for collectives.
func (s *Store) YearRatings(ctx context.Context, year int) (people, units map[string]domain.Rating, err error) {
	people, units = map[string]domain.Rating{}, map[string]domain.Rating{}
	read := func(query string, into map[string]domain.Rating) error {
		rows, err := s.read.QueryContext(ctx, query, year)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var code, r string
			if err := rows.Scan(&code, &r); err != nil {
				return err
			}
			into[code] = domain.Rating(r)
		}
		return rows.Err()
	}
	if err := read(`SELECT p.staff_code, r.rating FROM person_rating r JOIN person p ON p.id=r.person_id WHERE r.year=? AND p.deleted_at IS NULL`, people); err != nil {
		return nil, nil, fmt.Errorf("ratings %d: %w", year, err)
	}
	if err := read(`SELECT unit_code, rating FROM unit_rating WHERE year=?`, units); err != nil {
		return nil, nil, fmt.Errorf("ratings %d: %w", year, err)
	}
	return people, units, nil
}

// AssignedOn maps the staff code of everyone (not deleted) assigned to a
// unit on day d to that unit's code.
func (s *Store) AssignedOn(ctx context.Context, d domain.Date) (map[string]string, error) {
	return assignedOn(ctx, s.read, d)
}

// AssignedOn is AssignedOn inside the transaction.
func (tx *Tx) AssignedOn(d domain.Date) (map[string]string, error) {
	return assignedOn(tx.ctx, tx.tx, d)
}

func assignedOn(ctx context.Context, q querier, d domain.Date) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.staff_code, a.unit_code FROM assignment a JOIN person p ON p.id=a.person_id
		WHERE p.deleted_at IS NULL AND a.from_date<=? AND (a.to_date IS NULL OR a.to_date>=?) ORDER BY a.from_date`, d.ISO(), d.ISO())
	if err != nil {
		return nil, fmt.Errorf("assigned on %s: %w", d.ISO(), err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var code, unit string
		if err := rows.Scan(&code, &unit); err != nil {
			return nil, err
		}
		out[code] = unit // a later assignment on the same day wins
	}
	return out, rows.Err()
}

// AwardsBetween lists every award recorded for years from..to (people not
// deleted), without their initiatives.
func (s *Store) AwardsBetween(ctx context.Context, from, to int) ([]domain.AwardRecord, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, CASE WHEN a.person_id IS NULL THEN 'collective' ELSE 'person' END, COALESCE(p.staff_code, a.unit_code),
		a.year, a.award_code, a.decision_no, a.decision_date, a.issuer, a.kind
		FROM award a LEFT JOIN person p ON p.id=a.person_id
		WHERE a.year BETWEEN ? AND ? AND (a.person_id IS NULL OR p.deleted_at IS NULL) ORDER BY a.year, 3, a.award_code`, from, to)
	if err != nil {
		return nil, fmt.Errorf("awards %d–%d: %w", from, to, err)
	}
	defer rows.Close()
	var out []domain.AwardRecord
	for rows.Next() {
		var a domain.AwardRecord
		var kind, sk string
		var date sql.NullString
		if err := rows.Scan(&a.ID, &sk, &a.Subject.Code, &a.Year, &a.AwardCode, &a.DecisionNo, &date, &a.Issuer, &kind); err != nil {
			return nil, err
		}
		a.Subject.Kind, a.DecisionDate, a.Kind = domain.SubjectKind(sk), parseDate(date), domain.AwardKind(kind)
		out = append(out, a)
	}
	return out, rows.Err()
}

// AllDisciplines lists every discipline of people not deleted.
func (s *Store) AllDisciplines(ctx context.Context) ([]domain.Discipline, error) {
	return allDisciplines(ctx, s.read)
}

// AllDisciplines is AllDisciplines inside the transaction.
func (tx *Tx) AllDisciplines() ([]domain.Discipline, error) {
	return allDisciplines(tx.ctx, tx.tx)
}

func allDisciplines(ctx context.Context, q querier) ([]domain.Discipline, error) {
	rows, err := q.QueryContext(ctx, `SELECT d.id, p.staff_code, d.form, d.from_date, d.to_date, d.decision_no FROM discipline d
		JOIN person p ON p.id=d.person_id WHERE p.deleted_at IS NULL ORDER BY p.staff_code, d.from_date`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Discipline
	for rows.Next() {
		var d domain.Discipline
		var form string
		var from, to sql.NullString
		if err := rows.Scan(&d.ID, &d.StaffCode, &form, &from, &to, &d.DecisionNo); err != nil {
			return nil, err
		}
		d.Form, d.From, d.To = domain.DisciplineForm(form), parseDate(from), parseDate(to)
		out = append(out, d)
	}
	return out, rows.Err()
}
