package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"tdkt/internal/domain"
)

// subjectRef resolves a subject to the person id or unit code columns.
func subjectRef(ctx context.Context, q querier, s domain.Subject) (personID any, unitCode any, err error) {
	switch s.Kind {
	case domain.SubjectPerson:
		var id int64
		err := q.QueryRowContext(ctx, `SELECT id FROM person WHERE staff_code=?`, s.Code).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil, domain.FieldError{Field: "Mã cán bộ", Msg: fmt.Sprintf("không có cán bộ mã %s", s.Code), Err: domain.ErrNotFound}
		}
		return id, nil, err
	case domain.SubjectCollective:
		var code string
		err := q.QueryRowContext(ctx, `SELECT code FROM unit WHERE code=?`, s.Code).Scan(&code)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil, domain.FieldError{Field: "Mã đơn vị", Msg: fmt.Sprintf("không có đơn vị mã %s", s.Code), Err: domain.ErrNotFound}
		}
		return nil, code, err
	}
	return nil, nil, fmt.Errorf("unknown subject kind %q", s.Kind)
}

// SetRating records a subject's rating for a year (replacing any earlier one).
func (tx *Tx) SetRating(r domain.RatingRecord) (Change, error) {
	pid, ucode, err := subjectRef(tx.ctx, tx.tx, r.Subject)
	if err != nil {
		return Unchanged, err
	}
	table, col, key := "person_rating", "person_id", pid
	if pid == nil {
		table, col, key = "unit_rating", "unit_code", ucode
	}
	var old string
	err = tx.tx.QueryRowContext(tx.ctx, `SELECT rating FROM `+table+` WHERE `+col+`=? AND year=?`, key, r.Year).Scan(&old)
	change := Updated
	switch {
	case errors.Is(err, sql.ErrNoRows):
		change = Inserted
	case err != nil:
		return Unchanged, err
	case old == string(r.Rating):
		return Unchanged, nil
	}
	_, err = tx.tx.ExecContext(tx.ctx, `INSERT INTO `+table+`(`+col+`, year, rating) VALUES (?,?,?)
		ON CONFLICT(`+col+`, year) DO UPDATE SET rating=excluded.rating`, key, r.Year, string(r.Rating))
	if err != nil {
		return Unchanged, fmt.Errorf("set rating %s %d: %w", r.Subject.Code, r.Year, err)
	}
	return change, nil
}

// DeleteRating removes a subject's rating for a year.
func (tx *Tx) DeleteRating(s domain.Subject, year int) error {
	pid, ucode, err := subjectRef(tx.ctx, tx.tx, s)
	if err != nil {
		return err
	}
	if pid != nil {
		_, err = tx.tx.ExecContext(tx.ctx, `DELETE FROM person_rating WHERE person_id=? AND year=?`, pid, year)
	} else {
		_, err = tx.tx.ExecContext(tx.ctx, `DELETE FROM unit_rating WHERE unit_code=? AND year=?`, ucode, year)
	}
	return err
}

// Ratings lists a subject's ratings, latest year first.
func (s *Store) Ratings(ctx context.Context, sub domain.Subject) ([]domain.RatingRecord, error) {
	pid, ucode, err := subjectRef(ctx, s.read, sub)
	if err != nil {
		return nil, err
	}
	var rows *sql.Rows
	if pid != nil {
		rows, err = s.read.QueryContext(ctx, `SELECT year, rating FROM person_rating WHERE person_id=? ORDER BY year DESC`, pid)
	} else {
		rows, err = s.read.QueryContext(ctx, `SELECT year, rating FROM unit_rating WHERE unit_code=? ORDER BY year DESC`, ucode)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.RatingRecord
	for rows.Next() {
		r := domain.RatingRecord{Subject: sub}
		var rating string
		if err := rows.Scan(&r.Year, &rating); err != nil {
			return nil, err
		}
		r.Rating = domain.Rating(rating)
		out = append(out, r)
	}
	return out, rows.Err()
}

// SaveAward records an award in the history, keyed by (subject, year, award
// code): a second record of the same award for the same year updates the first.
// The initiatives it names (by title) are linked as consumed by it.
func (tx *Tx) SaveAward(a domain.AwardRecord) (int64, Change, error) {
	pid, ucode, err := subjectRef(tx.ctx, tx.tx, a.Subject)
	if err != nil {
		return 0, Unchanged, err
	}
	if a.Kind == "" {
		a.Kind = domain.KindMerit
	}
	var existing domain.AwardRecord
	var date sql.NullString
	var kind string
	err = tx.tx.QueryRowContext(tx.ctx, `SELECT id, decision_no, decision_date, issuer, kind FROM award
		WHERE ifnull(person_id,0)=ifnull(?,0) AND ifnull(unit_code,'')=ifnull(?,'') AND year=? AND award_code=?`,
		pid, ucode, a.Year, a.AwardCode).Scan(&existing.ID, &existing.DecisionNo, &date, &existing.Issuer, &kind)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, Unchanged, err
	}
	if a.ID == 0 && found {
		a.ID = existing.ID
	}
	initIDs, err := tx.initiativeIDs(a.Initiatives)
	if err != nil {
		return 0, Unchanged, err
	}
	if found && a.ID == existing.ID {
		existing.DecisionDate, existing.Kind = parseDate(date), domain.AwardKind(kind)
		oldInits, err := tx.awardInitiativeIDs(existing.ID)
		if err != nil {
			return 0, Unchanged, err
		}
		if existing.DecisionNo == a.DecisionNo && existing.DecisionDate == a.DecisionDate && existing.Issuer == a.Issuer &&
			existing.Kind == a.Kind && equalIDs(oldInits, initIDs) {
			return a.ID, Unchanged, nil
		}
	}
	change := Inserted
	if a.ID == 0 {
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO award(person_id, unit_code, year, award_code, decision_no, decision_date, issuer, kind)
			VALUES (?,?,?,?,?,?,?,?)`, pid, ucode, a.Year, a.AwardCode, a.DecisionNo, dateArg(a.DecisionDate), a.Issuer, string(a.Kind))
		if err != nil {
			return 0, Unchanged, fmt.Errorf("save award %s %d %s: %w", a.Subject.Code, a.Year, a.AwardCode, err)
		}
		a.ID, _ = res.LastInsertId()
	} else {
		change = Updated
		if _, err := tx.tx.ExecContext(tx.ctx, `UPDATE award SET person_id=?, unit_code=?, year=?, award_code=?, decision_no=?, decision_date=?, issuer=?, kind=? WHERE id=?`,
			pid, ucode, a.Year, a.AwardCode, a.DecisionNo, dateArg(a.DecisionDate), a.Issuer, string(a.Kind), a.ID); err != nil {
			return 0, Unchanged, fmt.Errorf("save award %s %d %s: %w", a.Subject.Code, a.Year, a.AwardCode, err)
		}
		if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM award_initiative WHERE award_id=?`, a.ID); err != nil {
			return 0, Unchanged, err
		}
	}
	for _, id := range initIDs {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO award_initiative(award_id, initiative_id) VALUES (?,?)`, a.ID, id); err != nil {
			return 0, Unchanged, err
		}
	}
	return a.ID, change, nil
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (tx *Tx) initiativeIDs(titles []string) ([]int64, error) {
	var ids []int64
	for _, t := range titles {
		var id int64
		err := tx.tx.QueryRowContext(tx.ctx, `SELECT id FROM initiative WHERE title=? ORDER BY year DESC LIMIT 1`, t).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, domain.FieldError{Field: "Sáng kiến làm căn cứ", Msg: fmt.Sprintf("không có sáng kiến %q; nhập sáng kiến trước", t), Err: domain.ErrNotFound}
		}
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return uniqueSorted(ids), nil
}

// uniqueSorted sorts ids and drops repeats: a title or author named twice
// in one row means the same thing as once.
func uniqueSorted(ids []int64) []int64 {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

func (tx *Tx) awardInitiativeIDs(awardID int64) ([]int64, error) {
	rows, err := tx.tx.QueryContext(tx.ctx, `SELECT initiative_id FROM award_initiative WHERE award_id=? ORDER BY initiative_id`, awardID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// DeleteAward removes an award record.
func (tx *Tx) DeleteAward(id int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM award WHERE id=?`, id)
	return err
}

// Awards lists a subject's award history, latest year first.
func (s *Store) Awards(ctx context.Context, sub domain.Subject) ([]domain.AwardRecord, error) {
	pid, ucode, err := subjectRef(ctx, s.read, sub)
	if err != nil {
		return nil, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, a.year, a.award_code, a.decision_no, a.decision_date, a.issuer, a.kind,
		COALESCE((SELECT group_concat(i.title, char(31)) FROM award_initiative ai JOIN initiative i ON i.id=ai.initiative_id WHERE ai.award_id=a.id), '')
		FROM award a WHERE ifnull(a.person_id,0)=ifnull(?,0) AND ifnull(a.unit_code,'')=ifnull(?,'') ORDER BY a.year DESC, a.award_code`, pid, ucode)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.AwardRecord
	for rows.Next() {
		a := domain.AwardRecord{Subject: sub}
		var date sql.NullString
		var kind, inits string
		if err := rows.Scan(&a.ID, &a.Year, &a.AwardCode, &a.DecisionNo, &date, &a.Issuer, &kind, &inits); err != nil {
			return nil, err
		}
		a.DecisionDate, a.Kind = parseDate(date), domain.AwardKind(kind)
		if inits != "" {
			a.Initiatives = strings.Split(inits, "\x1f")
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AwardCounts counts the awards recorded for year, per award code.
func (s *Store) AwardCounts(ctx context.Context, year int) (map[string]int, error) {
	return countBy(ctx, s.read, `SELECT award_code, count(*) FROM award a LEFT JOIN person p ON p.id=a.person_id
		WHERE a.year=? AND (a.person_id IS NULL OR p.deleted_at IS NULL) GROUP BY award_code`, year)
}

// SaveInitiative records an initiative keyed by (title, year) with its
// authors (staff codes); the author list replaces the previous one.
func (tx *Tx) SaveInitiative(in domain.Initiative) (int64, Change, error) {
	var authorIDs []int64
	for _, code := range in.Authors {
		pid, _, err := subjectRef(tx.ctx, tx.tx, domain.PersonSubject(code))
		if err != nil {
			return 0, Unchanged, err
		}
		authorIDs = append(authorIDs, pid.(int64))
	}
	authorIDs = uniqueSorted(authorIDs)
	var old domain.Initiative
	var date sql.NullString
	var scope string
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT id, scope, decision_no, decision_date, issuer FROM initiative WHERE (id=? OR (title=? AND year=?)) ORDER BY id=? DESC LIMIT 1`,
		in.ID, in.Title, in.Year, in.ID).Scan(&old.ID, &scope, &old.DecisionNo, &date, &old.Issuer)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, Unchanged, err
	}
	change := Inserted
	if found {
		in.ID = old.ID
		old.Scope, old.DecisionDate = domain.InitiativeScope(scope), parseDate(date)
		oldAuthors, err := tx.initiativeAuthorIDs(old.ID)
		if err != nil {
			return 0, Unchanged, err
		}
		var sameTitle int
		_ = tx.tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM initiative WHERE id=? AND title=? AND year=?`, old.ID, in.Title, in.Year).Scan(&sameTitle)
		if sameTitle == 1 && old.Scope == in.Scope && old.DecisionNo == in.DecisionNo && old.DecisionDate == in.DecisionDate &&
			old.Issuer == in.Issuer && equalIDs(oldAuthors, authorIDs) {
			return in.ID, Unchanged, nil
		}
		change = Updated
		if _, err := tx.tx.ExecContext(tx.ctx, `UPDATE initiative SET title=?, year=?, scope=?, decision_no=?, decision_date=?, issuer=? WHERE id=?`,
			in.Title, in.Year, string(in.Scope), in.DecisionNo, dateArg(in.DecisionDate), in.Issuer, in.ID); err != nil {
			return 0, Unchanged, fmt.Errorf("save initiative %q: %w", in.Title, err)
		}
		if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM initiative_author WHERE initiative_id=?`, in.ID); err != nil {
			return 0, Unchanged, err
		}
	} else {
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO initiative(title, year, scope, decision_no, decision_date, issuer) VALUES (?,?,?,?,?,?)`,
			in.Title, in.Year, string(in.Scope), in.DecisionNo, dateArg(in.DecisionDate), in.Issuer)
		if err != nil {
			return 0, Unchanged, fmt.Errorf("save initiative %q: %w", in.Title, err)
		}
		in.ID, _ = res.LastInsertId()
	}
	for _, pid := range authorIDs {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO initiative_author(initiative_id, person_id) VALUES (?,?)`, in.ID, pid); err != nil {
			return 0, Unchanged, err
		}
	}
	return in.ID, change, nil
}

func (tx *Tx) initiativeAuthorIDs(id int64) ([]int64, error) {
	rows, err := tx.tx.QueryContext(tx.ctx, `SELECT person_id FROM initiative_author WHERE initiative_id=? ORDER BY person_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var pid int64
		if err := rows.Scan(&pid); err != nil {
			return nil, err
		}
		ids = append(ids, pid)
	}
	return ids, rows.Err()
}

// DeleteInitiative removes an initiative (and its links to awards).
func (tx *Tx) DeleteInitiative(id int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM initiative WHERE id=?`, id)
	return err
}

// InitiativesOf lists the initiatives a person authored, latest first.
func (s *Store) InitiativesOf(ctx context.Context, staffCode string) ([]domain.Initiative, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT i.id, i.title, i.year, i.scope, i.decision_no, i.decision_date, i.issuer,
		(SELECT group_concat(p2.staff_code, char(31)) FROM initiative_author ia2 JOIN person p2 ON p2.id=ia2.person_id WHERE ia2.initiative_id=i.id)
		FROM initiative i JOIN initiative_author ia ON ia.initiative_id=i.id JOIN person p ON p.id=ia.person_id
		WHERE p.staff_code=? ORDER BY i.year DESC, i.title`, staffCode)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Initiative
	for rows.Next() {
		var in domain.Initiative
		var date sql.NullString
		var scope, authors string
		if err := rows.Scan(&in.ID, &in.Title, &in.Year, &scope, &in.DecisionNo, &date, &in.Issuer, &authors); err != nil {
			return nil, err
		}
		in.Scope, in.DecisionDate = domain.InitiativeScope(scope), parseDate(date)
		in.Authors = strings.Split(authors, "\x1f")
		sort.Strings(in.Authors)
		out = append(out, in)
	}
	return out, rows.Err()
}

// SaveDiscipline records a discipline keyed by (person, form, start date).
func (tx *Tx) SaveDiscipline(d domain.Discipline) (int64, Change, error) {
	pid, _, err := subjectRef(tx.ctx, tx.tx, domain.PersonSubject(d.StaffCode))
	if err != nil {
		return 0, Unchanged, err
	}
	var id, oldPID int64
	var to sql.NullString
	var no, form, from string
	err = tx.tx.QueryRowContext(tx.ctx, `SELECT id, person_id, form, from_date, to_date, decision_no FROM discipline WHERE id=? OR (person_id=? AND form=? AND from_date=?) ORDER BY id=? DESC LIMIT 1`,
		d.ID, pid, string(d.Form), d.From.ISO(), d.ID).Scan(&id, &oldPID, &form, &from, &to, &no)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO discipline(person_id, form, from_date, to_date, decision_no) VALUES (?,?,?,?,?)`,
			pid, string(d.Form), d.From.ISO(), dateArg(d.To), d.DecisionNo)
		if err != nil {
			return 0, Unchanged, fmt.Errorf("save discipline %s: %w", d.StaffCode, err)
		}
		id, _ = res.LastInsertId()
		return id, Inserted, nil
	case err != nil:
		return 0, Unchanged, err
	}
	// Found by id, the key itself may be what changed, so compare it too.
	if any(oldPID) == pid && form == string(d.Form) && from == d.From.ISO() && parseDate(to) == d.To && no == d.DecisionNo {
		return id, Unchanged, nil
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `UPDATE discipline SET person_id=?, form=?, from_date=?, to_date=?, decision_no=? WHERE id=?`,
		pid, string(d.Form), d.From.ISO(), dateArg(d.To), d.DecisionNo, id); err != nil {
		return 0, Unchanged, fmt.Errorf("save discipline %s: %w", d.StaffCode, err)
	}
	return id, Updated, nil
}

// DeleteDiscipline removes a discipline record.
func (tx *Tx) DeleteDiscipline(id int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM discipline WHERE id=?`, id)
	return err
}

// DisciplinesOf lists a person's disciplines, latest first.
func (s *Store) DisciplinesOf(ctx context.Context, staffCode string) ([]domain.Discipline, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT d.id, d.form, d.from_date, d.to_date, d.decision_no FROM discipline d JOIN person p ON p.id=d.person_id
		WHERE p.staff_code=? ORDER BY d.from_date DESC`, staffCode)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Discipline
	for rows.Next() {
		d := domain.Discipline{StaffCode: staffCode}
		var form string
		var from, to sql.NullString
		if err := rows.Scan(&d.ID, &form, &from, &to, &d.DecisionNo); err != nil {
			return nil, err
		}
		d.Form, d.From, d.To = domain.DisciplineForm(form), parseDate(from), parseDate(to)
		out = append(out, d)
	}
	return out, rows.Err()
}
