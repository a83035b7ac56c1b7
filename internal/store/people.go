package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tdkt/internal/domain"
)

const personCols = `p.id, p.staff_code, p.full_name, p.birth_date, p.gender, p.cccd, p.position, p.ethnicity, p.recruited_on, p.note,
	p.home_town, p.residence, p.religion, p.education, p.political_theory, p.academic_rank, p.party_post, p.union_post,
	COALESCE((SELECT a.unit_code FROM assignment a WHERE a.person_id = p.id AND a.to_date IS NULL), '')`

// personDest lists where a row of personCols goes, in column order; extra
// destinations (deleted_at) follow.
func personDest(p *domain.Person, birth, recruited, cccd *sql.NullString, gender *string, extra ...any) []any {
	return append([]any{&p.ID, &p.StaffCode, &p.FullName, birth, gender, cccd, &p.Position, &p.Ethnicity, recruited, &p.Note,
		&p.HomeTown, &p.Residence, &p.Religion, &p.Education, &p.PoliticalTheory, &p.AcademicRank, &p.PartyPost, &p.UnionPost,
		&p.UnitCode}, extra...)
}

func scanPerson(sc interface{ Scan(...any) error }) (domain.Person, error) {
	var p domain.Person
	var birth, recruited, cccd sql.NullString
	var gender string
	err := sc.Scan(personDest(&p, &birth, &recruited, &cccd, &gender)...)
	p.BirthDate, p.RecruitedOn = parseDate(birth), parseDate(recruited)
	p.Gender, p.CCCD = domain.Gender(gender), cccd.String
	return p, err
}

func listPeople(ctx context.Context, q querier, deleted bool) ([]domain.Person, error) {
	cond := "p.deleted_at IS NULL"
	if deleted {
		cond = "p.deleted_at IS NOT NULL"
	}
	rows, err := q.QueryContext(ctx, `SELECT `+personCols+` FROM person p WHERE `+cond+` ORDER BY p.staff_code`)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	defer rows.Close()
	var out []domain.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// People lists everyone not deleted, by staff code (the UI sorts the
// Vietnamese way itself).
func (s *Store) People(ctx context.Context) ([]domain.Person, error) {
	return listPeople(ctx, s.read, false)
}

// People lists everyone not deleted, inside the transaction.
func (tx *Tx) People() ([]domain.Person, error) { return listPeople(tx.ctx, tx.tx, false) }

// DeletedPeople lists the people deleted and not yet purged, for undo.
func (s *Store) DeletedPeople(ctx context.Context) ([]domain.Person, error) {
	return listPeople(ctx, s.read, true)
}

func personWhere(ctx context.Context, q querier, where string, arg any) (domain.Person, bool, bool, error) {
	var deletedAt sql.NullString
	row := q.QueryRowContext(ctx, `SELECT `+personCols+`, p.deleted_at FROM person p WHERE `+where, arg)
	var p domain.Person
	var birth, recruited, cccd sql.NullString
	var gender string
	err := row.Scan(personDest(&p, &birth, &recruited, &cccd, &gender, &deletedAt)...)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, false, nil
	}
	if err != nil {
		return p, false, false, fmt.Errorf("read person: %w", err)
	}
	p.BirthDate, p.RecruitedOn = parseDate(birth), parseDate(recruited)
	p.Gender, p.CCCD = domain.Gender(gender), cccd.String
	return p, true, deletedAt.Valid, nil
}

// Person reads a person by id (deleted ones included).
func (s *Store) Person(ctx context.Context, id int64) (domain.Person, bool, error) {
	p, ok, _, err := personWhere(ctx, s.read, "p.id = ?", id)
	return p, ok, err
}

// PersonByCode reads a person by staff code (deleted ones included).
func (s *Store) PersonByCode(ctx context.Context, code string) (domain.Person, bool, error) {
	p, ok, _, err := personWhere(ctx, s.read, "p.staff_code = ?", code)
	return p, ok, err
}

// PersonByCode reads a person by staff code inside the transaction.
func (tx *Tx) PersonByCode(code string) (domain.Person, bool, error) {
	p, ok, _, err := personWhere(tx.ctx, tx.tx, "p.staff_code = ?", code)
	return p, ok, err
}

// CreatePerson adds a new person with an assignment to p.UnitCode from the
// recruitment date. A staff code or CCCD already in use is a FieldError.
func (tx *Tx) CreatePerson(p domain.Person) (int64, error) {
	if err := tx.checkStaffCode(p.StaffCode, 0); err != nil {
		return 0, err
	}
	if err := tx.checkCCCD(p); err != nil {
		return 0, err
	}
	res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO person(staff_code, full_name, birth_date, gender, cccd, position, ethnicity, recruited_on, note,
		home_town, residence, religion, education, political_theory, academic_rank, party_post, union_post)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, p.StaffCode, p.FullName, p.BirthDate.ISO(), string(p.Gender), nullable(p.CCCD),
		p.Position, p.Ethnicity, p.RecruitedOn.ISO(), p.Note,
		p.HomeTown, p.Residence, p.Religion, p.Education, p.PoliticalTheory, p.AcademicRank, p.PartyPost, p.UnionPost)
	if err != nil {
		return 0, fmt.Errorf("create person %s: %w", p.StaffCode, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if p.UnitCode != "" {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO assignment(person_id, unit_code, from_date, position) VALUES (?,?,?,?)`,
			id, p.UnitCode, p.RecruitedOn.ISO(), p.Position); err != nil {
			return 0, fmt.Errorf("assign person %s to %s: %w", p.StaffCode, p.UnitCode, err)
		}
	}
	return id, nil
}

// holder is the little a uniqueness check needs to know about a person;
// reading it avoids the unit sub-select of a full person row, which matters
// when a 10,000-row import checks every row.
type holder struct {
	id      int64
	name    string
	code    string
	deleted bool
}

func (tx *Tx) holderWhere(where string, arg any) (holder, bool, error) {
	var h holder
	var deletedAt sql.NullString
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT id, full_name, staff_code, deleted_at FROM person WHERE `+where, arg).
		Scan(&h.id, &h.name, &h.code, &deletedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return h, false, nil
	}
	h.deleted = deletedAt.Valid
	return h, err == nil, err
}

// checkStaffCode refuses a staff code held by anyone but the person self.
func (tx *Tx) checkStaffCode(code string, self int64) error {
	other, ok, err := tx.holderWhere("staff_code = ?", code)
	if err != nil || !ok || other.id == self {
		return err
	}
	msg := fmt.Sprintf("đã dùng cho %s; chọn mã khác", other.name)
	if other.deleted {
		msg = fmt.Sprintf("đã dùng cho %s (đã xóa; có thể khôi phục trong mục Đã xóa); chọn mã khác", other.name)
	}
	return domain.FieldError{Field: "Mã cán bộ", Msg: msg, Err: domain.ErrDuplicate}
}

func (tx *Tx) checkCCCD(p domain.Person) error {
	if p.CCCD == "" {
		return nil
	}
	other, ok, err := tx.holderWhere("cccd = ?", p.CCCD)
	if err != nil {
		return err
	}
	if ok && other.id != p.ID {
		return domain.FieldError{Field: "Số CCCD", Msg: fmt.Sprintf("trùng với %s (mã %s); kiểm tra lại số", other.name, other.code), Err: domain.ErrDuplicate}
	}
	return nil
}

// UpdatePerson writes p over the person with p.ID. When the unit changes,
// the open assignment ends the day before `moved` and a new one starts on
// `moved`, so the unit history keeps where the person was in each year.
// A deleted person is restored by an update (an import that names them again).
func (tx *Tx) UpdatePerson(p domain.Person, moved domain.Date) (Change, error) {
	old, ok, deleted, err := personWhere(tx.ctx, tx.tx, "p.id = ?", p.ID)
	if err != nil {
		return Unchanged, err
	}
	if !ok {
		return Unchanged, fmt.Errorf("update person %d: %w", p.ID, domain.ErrNotFound)
	}
	if old == p && !deleted {
		return Unchanged, nil
	}
	if err := tx.checkStaffCode(p.StaffCode, p.ID); err != nil {
		return Unchanged, err
	}
	if err := tx.checkCCCD(p); err != nil {
		return Unchanged, err
	}
	if _, err := tx.tx.ExecContext(tx.ctx, `UPDATE person SET staff_code=?, full_name=?, birth_date=?, gender=?, cccd=?, position=?, ethnicity=?,
		recruited_on=?, note=?, home_town=?, residence=?, religion=?, education=?, political_theory=?, academic_rank=?,
		party_post=?, union_post=?, deleted_at=NULL WHERE id=?`, p.StaffCode, p.FullName, p.BirthDate.ISO(), string(p.Gender), nullable(p.CCCD),
		p.Position, p.Ethnicity, p.RecruitedOn.ISO(), p.Note,
		p.HomeTown, p.Residence, p.Religion, p.Education, p.PoliticalTheory, p.AcademicRank, p.PartyPost, p.UnionPost, p.ID); err != nil {
		return Unchanged, fmt.Errorf("update person %s: %w", p.StaffCode, err)
	}
	switch {
	case old.UnitCode != p.UnitCode && p.UnitCode != "":
		if err := tx.moveTo(p.ID, p.UnitCode, p.Position, moved); err != nil {
			return Unchanged, err
		}
	case old.Position != p.Position:
		// Same unit, new position: the open assignment carries the position.
		if _, err := tx.tx.ExecContext(tx.ctx, `UPDATE assignment SET position=? WHERE person_id=? AND to_date IS NULL`, p.Position, p.ID); err != nil {
			return Unchanged, err
		}
	}
	return Updated, nil
}

func (tx *Tx) moveTo(personID int64, unit, position string, on domain.Date) error {
	if on.IsZero() {
		on = domain.DateOf(tx.now)
	}
	var openID int64
	var from string
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT id, from_date FROM assignment WHERE person_id=? AND to_date IS NULL`, personID).Scan(&openID, &from)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	case from >= on.ISO():
		// Moved again on or before the day the open assignment began: it
		// was a correction, not a transfer, so rewrite it in place.
		_, err := tx.tx.ExecContext(tx.ctx, `UPDATE assignment SET unit_code=?, position=? WHERE id=?`, unit, position, openID)
		return err
	default:
		prev := on.Time().AddDate(0, 0, -1)
		if _, err := tx.tx.ExecContext(tx.ctx, `UPDATE assignment SET to_date=? WHERE id=?`, domain.DateOf(prev).ISO(), openID); err != nil {
			return err
		}
	}
	_, err = tx.tx.ExecContext(tx.ctx, `INSERT INTO assignment(person_id, unit_code, from_date, position) VALUES (?,?,?,?)`, personID, unit, on.ISO(), position)
	return err
}

// DeletePerson marks a person deleted; their history stays, and
// RestorePerson undoes it.
func (tx *Tx) DeletePerson(id int64) error {
	res, err := tx.tx.ExecContext(tx.ctx, `UPDATE person SET deleted_at=? WHERE id=? AND deleted_at IS NULL`, tx.now.UTC().Format("2006-01-02T15:04:05Z"), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete person %d: %w", id, domain.ErrNotFound)
	}
	return nil
}

// RestorePerson undoes DeletePerson.
func (tx *Tx) RestorePerson(id int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `UPDATE person SET deleted_at=NULL WHERE id=?`, id)
	return err
}

// Assignments lists a person's unit history, oldest first.
func (s *Store) Assignments(ctx context.Context, personID int64) ([]domain.Assignment, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT person_id, unit_code, from_date, to_date, position FROM assignment WHERE person_id=? ORDER BY from_date, id`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Assignment
	for rows.Next() {
		var a domain.Assignment
		var from, to sql.NullString
		if err := rows.Scan(&a.PersonID, &a.UnitCode, &from, &to, &a.Position); err != nil {
			return nil, err
		}
		a.From, a.To = parseDate(from), parseDate(to)
		out = append(out, a)
	}
	return out, rows.Err()
}

// CCCDOwners maps every recorded CCCD to the staff code holding it, so an
// import can check a whole file against the database in one query.
func (tx *Tx) CCCDOwners() (map[string]string, error) {
	rows, err := tx.tx.QueryContext(tx.ctx, `SELECT cccd, staff_code FROM person WHERE cccd IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var c, code string
		if err := rows.Scan(&c, &code); err != nil {
			return nil, err
		}
		out[c] = code
	}
	return out, rows.Err()
}
