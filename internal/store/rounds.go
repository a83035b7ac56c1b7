package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"tdkt/internal/domain"
)

// ---------------------------------------------------------------------------
// Nomination rounds.

const roundCols = `id, year, kind, name, movement_id, status, number, submission_date`

func scanRounds(rows *sql.Rows) ([]domain.Round, error) {
	defer rows.Close()
	var out []domain.Round
	for rows.Next() {
		var r domain.Round
		var kind, status string
		var mov sql.NullInt64
		var date sql.NullString
		if err := rows.Scan(&r.ID, &r.Year, &kind, &r.Name, &mov, &status, &r.Number, &date); err != nil {
			return nil, err
		}
		r.Kind, r.Status, r.MovementID, r.Date = domain.RoundKind(kind), domain.RoundStatus(status), mov.Int64, parseDate(date)
		out = append(out, r)
	}
	return out, rows.Err()
}

func listRounds(ctx context.Context, q querier, where string, args ...any) ([]domain.Round, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+roundCols+` FROM round `+where+` ORDER BY year DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list rounds: %w", err)
	}
	return scanRounds(rows)
}

func oneRound(ctx context.Context, q querier, id int64) (domain.Round, bool, error) {
	rs, err := listRounds(ctx, q, "WHERE id=?", id)
	if err != nil || len(rs) == 0 {
		return domain.Round{}, false, err
	}
	return rs[0], true, nil
}

// Rounds lists every round, the latest year first.
func (s *Store) Rounds(ctx context.Context) ([]domain.Round, error) {
	return listRounds(ctx, s.read, "")
}

// Round reads one round.
func (s *Store) Round(ctx context.Context, id int64) (domain.Round, bool, error) {
	return oneRound(ctx, s.read, id)
}

// Round reads one round inside the transaction.
func (tx *Tx) Round(id int64) (domain.Round, bool, error) { return oneRound(tx.ctx, tx.tx, id) }

// NomineeCounts gives the number of nominees of every round that has any.
func (s *Store) NomineeCounts(ctx context.Context) (map[int64]int, error) {
	m, err := countBy(ctx, s.read, `SELECT CAST(round_id AS TEXT), count(*) FROM nominee GROUP BY round_id`)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(m))
	for k, v := range m {
		var id int64
		fmt.Sscan(k, &id)
		out[id] = v
	}
	return out, nil
}

func movementArg(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CreateRound inserts a round and returns its ID.
func (tx *Tx) CreateRound(r domain.Round) (int64, error) {
	res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO round(year, kind, name, movement_id, status, number, submission_date, created_at) VALUES (?,?,?,?,?,?,?,?)`,
		r.Year, string(r.Kind), r.Name, movementArg(r.MovementID), string(r.Status), r.Number, dateArg(r.Date), tx.now.UTC().Format(time.RFC3339))
	if err != nil {
		return 0, fmt.Errorf("create round %q: %w", r.Name, err)
	}
	return res.LastInsertId()
}

// UpdateRound rewrites a round's name, kind, movement, status, number and
// date.
func (tx *Tx) UpdateRound(r domain.Round) error {
	res, err := tx.tx.ExecContext(tx.ctx, `UPDATE round SET year=?, kind=?, name=?, movement_id=?, status=?, number=?, submission_date=? WHERE id=?`,
		r.Year, string(r.Kind), r.Name, movementArg(r.MovementID), string(r.Status), r.Number, dateArg(r.Date), r.ID)
	if err != nil {
		return fmt.Errorf("update round %d: %w", r.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("đợt đề nghị %d: %w", r.ID, domain.ErrNotFound)
	}
	return nil
}

// DeleteRound removes a round with its nominees, their files and votes,
// and its council.
func (tx *Tx) DeleteRound(id int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM round WHERE id=?`, id)
	return err
}

// ---------------------------------------------------------------------------
// Nominees.

const nomineeSelect = `SELECT n.id, n.round_id, CASE WHEN n.person_id IS NULL THEN 'collective' ELSE 'person' END, COALESCE(p.staff_code, n.unit_code),
	n.award_code, n.eligible, n.reasons, n.justification, n.duties, n.achievements, n.policy, n.decision, n.decision_note, n.waivers,
	COALESCE((SELECT group_concat(f.file_name, char(31)) FROM (SELECT file_name FROM nominee_attachment WHERE nominee_id=n.id ORDER BY file_name) f), '')
	FROM nominee n LEFT JOIN person p ON p.id=n.person_id `

func listNominees(ctx context.Context, q querier, where string, args ...any) ([]domain.Nominee, error) {
	rows, err := q.QueryContext(ctx, nomineeSelect+where+` ORDER BY n.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list nominees: %w", err)
	}
	defer rows.Close()
	var out []domain.Nominee
	for rows.Next() {
		var n domain.Nominee
		var sk, reasons, files, decision, waivers string
		var eligible int
		if err := rows.Scan(&n.ID, &n.RoundID, &sk, &n.Subject.Code, &n.Award, &eligible, &reasons, &n.Justification,
			&n.Report.Duties, &n.Report.Achievements, &n.Report.Policy, &decision, &n.DecisionNote, &waivers, &files); err != nil {
			return nil, err
		}
		n.Subject.Kind, n.Eligible, n.Decision = domain.SubjectKind(sk), eligible != 0, domain.NomineeDecision(decision)
		if err := json.Unmarshal([]byte(reasons), &n.Reasons); err != nil {
			return nil, fmt.Errorf("nominee %d reasons: %w", n.ID, err)
		}
		if err := json.Unmarshal([]byte(waivers), &n.Waivers); err != nil {
			return nil, fmt.Errorf("nominee %d waivers: %w", n.ID, err)
		}
		if len(n.Waivers) == 0 {
			n.Waivers = nil
		}
		if files != "" {
			n.Attachments = splitUnit(files)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func splitUnit(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1f {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// Nominees lists the nominees of a round in the order they were added.
func (s *Store) Nominees(ctx context.Context, roundID int64) ([]domain.Nominee, error) {
	return listNominees(ctx, s.read, "WHERE n.round_id=?", roundID)
}

// Nominees lists the nominees of a round inside the transaction.
func (tx *Tx) Nominees(roundID int64) ([]domain.Nominee, error) {
	return listNominees(tx.ctx, tx.tx, "WHERE n.round_id=?", roundID)
}

// Nominee reads one nominee.
func (s *Store) Nominee(ctx context.Context, id int64) (domain.Nominee, bool, error) {
	ns, err := listNominees(ctx, s.read, "WHERE n.id=?", id)
	if err != nil || len(ns) == 0 {
		return domain.Nominee{}, false, err
	}
	return ns[0], true, nil
}

// Nominee reads one nominee inside the transaction.
func (tx *Tx) Nominee(id int64) (domain.Nominee, bool, error) {
	ns, err := listNominees(tx.ctx, tx.tx, "WHERE n.id=?", id)
	if err != nil || len(ns) == 0 {
		return domain.Nominee{}, false, err
	}
	return ns[0], true, nil
}

// NominationsOf lists the nominations of a subject for an award in every
// round of a year.
func (tx *Tx) NominationsOf(sub domain.Subject, award string, year int) ([]domain.Nominee, error) {
	where := `JOIN round r ON r.id=n.round_id WHERE r.year=? AND n.award_code=? AND `
	if sub.Kind == domain.SubjectPerson {
		where += `p.staff_code=?`
	} else {
		where += `n.unit_code=?`
	}
	return listNominees(tx.ctx, tx.tx, where, year, award, sub.Code)
}

// subjectArgs resolves a subject to the person_id / unit_code columns.
func (tx *Tx) subjectArgs(sub domain.Subject) (person, unit any, err error) {
	if sub.Kind == domain.SubjectPerson {
		var id int64
		err := tx.tx.QueryRowContext(tx.ctx, `SELECT id FROM person WHERE staff_code=? AND deleted_at IS NULL`, sub.Code).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil, fmt.Errorf("cán bộ mã %s: %w", sub.Code, domain.ErrNotFound)
		}
		return id, nil, err
	}
	var code string
	err = tx.tx.QueryRowContext(tx.ctx, `SELECT code FROM unit WHERE code=?`, sub.Code).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("đơn vị mã %s: %w", sub.Code, domain.ErrNotFound)
	}
	return nil, code, err
}

func reasonsJSON(rs []string) string {
	if rs == nil {
		rs = []string{}
	}
	b, _ := json.Marshal(rs)
	return string(b)
}

// AddNominee inserts a nominee and returns its ID; the same subject and
// award twice in a round is domain.ErrDuplicate.
func (tx *Tx) AddNominee(n domain.Nominee) (int64, error) {
	person, unit, err := tx.subjectArgs(n.Subject)
	if err != nil {
		return 0, err
	}
	res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO nominee(round_id, person_id, unit_code, award_code, eligible, reasons, justification, duties, achievements, policy)
		VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`,
		n.RoundID, person, unit, n.Award, boolInt(n.Eligible), reasonsJSON(n.Reasons), n.Justification, n.Report.Duties, n.Report.Achievements, n.Report.Policy)
	if err != nil {
		return 0, fmt.Errorf("add nominee %s %s: %w", n.Subject.Code, n.Award, err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return 0, fmt.Errorf("%s đã có trong đợt với %s: %w", n.Subject.Code, n.Award, domain.ErrDuplicate)
	}
	return res.LastInsertId()
}

// SaveNominee rewrites a nominee's verdict, justification and report, and
// removes the attachments not named in n.Attachments. The centre's decision
// is not rewritten here: only SetNomineeDecision (feedback import) sets it,
// so an edit made from a copy read before the import cannot erase it.
func (tx *Tx) SaveNominee(n domain.Nominee) error {
	waivers, err := json.Marshal(n.Waivers)
	if err != nil || n.Waivers == nil {
		waivers = []byte("{}")
	}
	res, err := tx.tx.ExecContext(tx.ctx, `UPDATE nominee SET eligible=?, reasons=?, justification=?, duties=?, achievements=?, policy=?, waivers=? WHERE id=?`,
		boolInt(n.Eligible), reasonsJSON(n.Reasons), n.Justification, n.Report.Duties, n.Report.Achievements, n.Report.Policy, string(waivers), n.ID)
	if err != nil {
		return fmt.Errorf("save nominee %d: %w", n.ID, err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return fmt.Errorf("người/tập thể được đề nghị %d: %w", n.ID, domain.ErrNotFound)
	}
	keep := map[string]bool{}
	for _, f := range n.Attachments {
		keep[f] = true
	}
	old, _, err := tx.Nominee(n.ID)
	if err != nil {
		return err
	}
	for _, f := range old.Attachments {
		if !keep[f] {
			if err := tx.RemoveNomineeFile(n.ID, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// RemoveNominee deletes a nominee with its files and vote.
func (tx *Tx) RemoveNominee(id int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM nominee WHERE id=?`, id)
	return err
}

// AttachNomineeFile stores (or replaces) an evidence file of a nominee.
func (tx *Tx) AttachNomineeFile(id int64, name string, content []byte) error {
	if content == nil {
		content = []byte{}
	}
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO nominee_attachment(nominee_id, file_name, content) VALUES (?,?,?)
		ON CONFLICT(nominee_id, file_name) DO UPDATE SET content=excluded.content`, id, name, content)
	if err != nil {
		return fmt.Errorf("attach %s: %w", name, err)
	}
	return nil
}

// RemoveNomineeFile deletes one evidence file of a nominee.
func (tx *Tx) RemoveNomineeFile(id int64, name string) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM nominee_attachment WHERE nominee_id=? AND file_name=?`, id, name)
	return err
}

// NomineeFile reads one evidence file of a nominee.
func (s *Store) NomineeFile(ctx context.Context, id int64, name string) ([]byte, error) {
	var b []byte
	err := s.read.QueryRowContext(ctx, `SELECT content FROM nominee_attachment WHERE nominee_id=? AND file_name=?`, id, name).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("tệp %s: %w", name, domain.ErrNotFound)
	}
	return b, err
}

// ---------------------------------------------------------------------------
// Council and votes.

// The tellers (Ban kiểm phiếu) are kept in one column, one name a line:
// the list is only read and written whole with its council, and a name
// never holds a line break (the service cleans it to one line).

// splitLines reads such a column: no names when it is empty.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func readCouncil(ctx context.Context, q querier, roundID int64) (domain.Council, bool, error) {
	c := domain.Council{RoundID: roundID}
	var date sql.NullString
	var method, tellers string
	err := q.QueryRowContext(ctx, `SELECT date, start_time, end_time, place, method, discussion, tellers FROM council WHERE round_id=?`, roundID).
		Scan(&date, &c.Start, &c.End, &c.Place, &method, &c.Discussion, &tellers)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("read council of round %d: %w", roundID, err)
	}
	c.Date, c.Method, c.Tellers = parseDate(date), domain.VoteMethod(method), splitLines(tellers)
	rows, err := q.QueryContext(ctx, `SELECT name, title, role, present, opinion FROM council_member WHERE round_id=? ORDER BY position`, roundID)
	if err != nil {
		return c, false, err
	}
	for rows.Next() {
		var m domain.CouncilMember
		var present int
		if err := rows.Scan(&m.Name, &m.Position, &m.Role, &present, &m.Opinion); err != nil {
			rows.Close()
			return c, false, err
		}
		m.Present = present != 0
		c.Members = append(c.Members, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, false, err
	}
	vrows, err := q.QueryContext(ctx, `SELECT v.nominee_id, v.for_count, v.against_count, v.abstain_count FROM vote v
		JOIN nominee n ON n.id=v.nominee_id WHERE n.round_id=? ORDER BY v.nominee_id`, roundID)
	if err != nil {
		return c, false, err
	}
	defer vrows.Close()
	for vrows.Next() {
		var v domain.Vote
		if err := vrows.Scan(&v.NomineeID, &v.For, &v.Against, &v.Abstain); err != nil {
			return c, false, err
		}
		c.Votes = append(c.Votes, v)
	}
	return c, true, vrows.Err()
}

// Council reads the council of a round; ok is false when none is recorded.
func (s *Store) Council(ctx context.Context, roundID int64) (domain.Council, bool, error) {
	return readCouncil(ctx, s.read, roundID)
}

// Council reads the council of a round inside the transaction.
func (tx *Tx) Council(roundID int64) (domain.Council, bool, error) {
	return readCouncil(tx.ctx, tx.tx, roundID)
}

// SaveCouncil writes the council of c.RoundID (with its discussion,
// tellers and the absent members' written opinions), replacing its members
// and the votes of the round's nominees with those given.
func (tx *Tx) SaveCouncil(c domain.Council) error {
	if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO council(round_id, date, start_time, end_time, place, method, discussion, tellers) VALUES (?,?,?,?,?,?,?,?)
		ON CONFLICT(round_id) DO UPDATE SET date=excluded.date, start_time=excluded.start_time, end_time=excluded.end_time,
		place=excluded.place, method=excluded.method, discussion=excluded.discussion, tellers=excluded.tellers`,
		c.RoundID, dateArg(c.Date), c.Start, c.End, c.Place, string(c.Method), c.Discussion, strings.Join(c.Tellers, "\n")); err != nil {
		return fmt.Errorf("save council of round %d: %w", c.RoundID, err)
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM council_member WHERE round_id=?`, c.RoundID); err != nil {
		return err
	}
	for i, m := range c.Members {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO council_member(round_id, position, name, title, role, present, opinion) VALUES (?,?,?,?,?,?,?)`,
			c.RoundID, i+1, m.Name, m.Position, m.Role, boolInt(m.Present), m.Opinion); err != nil {
			return fmt.Errorf("save council member %q: %w", m.Name, err)
		}
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM vote WHERE nominee_id IN (SELECT id FROM nominee WHERE round_id=?)`, c.RoundID); err != nil {
		return err
	}
	for _, v := range c.Votes {
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO vote(nominee_id, for_count, against_count, abstain_count)
			SELECT id, ?, ?, ? FROM nominee WHERE id=? AND round_id=?`, v.For, v.Against, v.Abstain, v.NomineeID, c.RoundID)
		if err != nil {
			return fmt.Errorf("save vote of nominee %d: %w", v.NomineeID, err)
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return fmt.Errorf("người/tập thể được đề nghị %d không thuộc đợt %d: %w", v.NomineeID, c.RoundID, domain.ErrNotFound)
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// The office's own decisions.

func listDecisions(ctx context.Context, q querier, roundID int64) ([]domain.RoundDecision, error) {
	rows, err := q.QueryContext(ctx, `SELECT award_code, number, date, signer, recorded FROM round_decision WHERE round_id=? ORDER BY award_code`, roundID)
	if err != nil {
		return nil, fmt.Errorf("read decisions of round %d: %w", roundID, err)
	}
	defer rows.Close()
	var out []domain.RoundDecision
	for rows.Next() {
		var d domain.RoundDecision
		var date sql.NullString
		if err := rows.Scan(&d.Award, &d.Number, &date, &d.Signer, &d.Recorded); err != nil {
			return nil, err
		}
		d.Date = parseDate(date)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Decisions lists the office's own decisions recorded for a round.
func (s *Store) Decisions(ctx context.Context, roundID int64) ([]domain.RoundDecision, error) {
	return listDecisions(ctx, s.read, roundID)
}

// Decisions lists a round's decisions inside the transaction.
func (tx *Tx) Decisions(roundID int64) ([]domain.RoundDecision, error) {
	return listDecisions(tx.ctx, tx.tx, roundID)
}

// SaveDecision writes the office's decision for one award of a round.
func (tx *Tx) SaveDecision(roundID int64, d domain.RoundDecision) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO round_decision(round_id, award_code, number, date, signer, recorded) VALUES (?,?,?,?,?,?)
		ON CONFLICT(round_id, award_code) DO UPDATE SET number=excluded.number, date=excluded.date, signer=excluded.signer, recorded=excluded.recorded`,
		roundID, d.Award, d.Number, dateArg(d.Date), d.Signer, boolInt(d.Recorded))
	if err != nil {
		return fmt.Errorf("save decision %s of round %d: %w", d.Award, roundID, err)
	}
	return nil
}
