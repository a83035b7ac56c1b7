package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"tdkt/internal/domain"
)

// ---------------------------------------------------------------------------
// Accounts. The store keeps what the service decides: it never hashes or
// checks a password, it only keeps the PHC string the service made.

const accountCols = `id, username, full_name, role, password_hash, disabled, failures, locked_until, created_at`

func scanAccounts(rows *sql.Rows) (out []domain.Account, hashes []string, err error) {
	defer rows.Close()
	for rows.Next() {
		var a domain.Account
		var role, hash, created string
		var disabled int
		var locked sql.NullString
		if err := rows.Scan(&a.ID, &a.Username, &a.FullName, &role, &hash, &disabled, &a.Failures, &locked, &created); err != nil {
			return nil, nil, err
		}
		a.Role, a.Disabled = domain.Role(role), disabled != 0
		a.LockedUntil, a.CreatedAt = parseTime(locked.String), parseTime(created)
		out, hashes = append(out, a), append(hashes, hash)
	}
	return out, hashes, rows.Err()
}

// timeArg stores a time as RFC 3339 in UTC; the zero time is NULL.
func timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

// parseTime reads what timeArg wrote; "" (NULL) and unreadable text are the
// zero time, which for a lock means "not locked".
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func listAccounts(ctx context.Context, q querier, where string, args ...any) ([]domain.Account, []string, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+accountCols+` FROM account `+where+` ORDER BY username`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("list accounts: %w", err)
	}
	return scanAccounts(rows)
}

func oneAccount(ctx context.Context, q querier, where string, args ...any) (domain.Account, string, bool, error) {
	as, hs, err := listAccounts(ctx, q, where, args...)
	if err != nil || len(as) == 0 {
		return domain.Account{}, "", false, err
	}
	return as[0], hs[0], true, nil
}

// HasAccounts reports whether any account exists: until one does, the
// database is at its first start and the service lets it be set up.
func (s *Store) HasAccounts(ctx context.Context) (bool, error) {
	return hasAccounts(ctx, s.read)
}

// HasAccounts is HasAccounts inside the transaction.
func (tx *Tx) HasAccounts() (bool, error) { return hasAccounts(tx.ctx, tx.tx) }

func hasAccounts(ctx context.Context, q querier) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM account)`).Scan(&n); err != nil {
		return false, fmt.Errorf("count accounts: %w", err)
	}
	return n != 0, nil
}

// Accounts lists every account by user name.
func (s *Store) Accounts(ctx context.Context) ([]domain.Account, error) {
	as, _, err := listAccounts(ctx, s.read, "")
	return as, err
}

// AccountByName reads an account and its password hash by user name
// (already lower case); ok is false when there is none.
func (s *Store) AccountByName(ctx context.Context, username string) (a domain.Account, passwordHash string, ok bool, err error) {
	return oneAccount(ctx, s.read, "WHERE username=?", username)
}

// AccountByName is AccountByName inside the transaction.
func (tx *Tx) AccountByName(username string) (a domain.Account, passwordHash string, ok bool, err error) {
	return oneAccount(tx.ctx, tx.tx, "WHERE username=?", username)
}

// Account reads an account and its password hash by ID.
func (s *Store) Account(ctx context.Context, id int64) (a domain.Account, passwordHash string, ok bool, err error) {
	return oneAccount(ctx, s.read, "WHERE id=?", id)
}

// Account reads an account and its password hash by ID inside the transaction.
func (tx *Tx) Account(id int64) (a domain.Account, passwordHash string, ok bool, err error) {
	return oneAccount(tx.ctx, tx.tx, "WHERE id=?", id)
}

// ActiveDirectors counts the accounts with the director's role that are
// not disabled: the service never lets that number fall to zero.
func (tx *Tx) ActiveDirectors() (int, error) {
	var n int
	err := tx.tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM account WHERE role=? AND disabled=0`, string(domain.RoleDirector)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count directors: %w", err)
	}
	return n, nil
}

// CreateAccount inserts an account with its password hash and returns its
// ID; a user name already taken is domain.ErrDuplicate.
func (tx *Tx) CreateAccount(a domain.Account, passwordHash string) (int64, error) {
	if _, _, taken, err := tx.AccountByName(a.Username); err != nil {
		return 0, err
	} else if taken {
		return 0, domain.FieldError{Field: "Tên đăng nhập", Msg: fmt.Sprintf("%q đã có người dùng; chọn tên khác", a.Username), Err: domain.ErrDuplicate}
	}
	now := tx.now.UTC().Format(time.RFC3339)
	res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO account(username, full_name, role, password_hash, disabled, created_at, password_changed_at)
		VALUES (?,?,?,?,?,?,?)`, a.Username, a.FullName, string(a.Role), passwordHash, boolInt(a.Disabled), now, now)
	if err != nil {
		return 0, fmt.Errorf("create account %q: %w", a.Username, err)
	}
	return res.LastInsertId()
}

// UpdateAccount rewrites an account's full name, role and disabled flag.
func (tx *Tx) UpdateAccount(a domain.Account) error {
	res, err := tx.tx.ExecContext(tx.ctx, `UPDATE account SET full_name=?, role=?, disabled=? WHERE id=?`,
		a.FullName, string(a.Role), boolInt(a.Disabled), a.ID)
	if err != nil {
		return fmt.Errorf("update account %d: %w", a.ID, err)
	}
	return oneRow(res, fmt.Sprintf("tài khoản %d", a.ID))
}

// SetPassword replaces an account's password hash and clears its failed
// logins and lock: a new password starts afresh.
func (tx *Tx) SetPassword(id int64, passwordHash string) error {
	res, err := tx.tx.ExecContext(tx.ctx, `UPDATE account SET password_hash=?, password_changed_at=?, failures=0, locked_until=NULL WHERE id=?`,
		passwordHash, tx.now.UTC().Format(time.RFC3339), id)
	if err != nil {
		return fmt.Errorf("set password of account %d: %w", id, err)
	}
	return oneRow(res, fmt.Sprintf("tài khoản %d", id))
}

// SetLoginState records the failed logins in a row and the lock they led
// to (zero time: not locked).
func (tx *Tx) SetLoginState(id int64, failures int, lockedUntil time.Time) error {
	res, err := tx.tx.ExecContext(tx.ctx, `UPDATE account SET failures=?, locked_until=? WHERE id=?`, failures, timeArg(lockedUntil), id)
	if err != nil {
		return fmt.Errorf("record login of account %d: %w", id, err)
	}
	return oneRow(res, fmt.Sprintf("tài khoản %d", id))
}

func oneRow(res sql.Result, what string) error {
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return fmt.Errorf("%s: %w", what, domain.ErrNotFound)
	}
	return nil
}

// ---------------------------------------------------------------------------
// Round events.

// RoundEvent is one status change of a round: who moved it, when, from
// which status to which, and why (the reason a reopening needs).
type RoundEvent struct {
	RoundID int64
	At      time.Time
	Actor   string
	From    domain.RoundStatus // "" for the round's creation
	To      domain.RoundStatus
	Reason  string
}

// AddRoundEvent appends a status change to a round's history.
func (tx *Tx) AddRoundEvent(e RoundEvent) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO round_event(round_id, at, actor, from_status, to_status, reason) VALUES (?,?,?,?,?,?)`,
		e.RoundID, e.At.UTC().Format(time.RFC3339), e.Actor, string(e.From), string(e.To), e.Reason)
	if err != nil {
		return fmt.Errorf("record status change of round %d: %w", e.RoundID, err)
	}
	return nil
}

// RoundEvents lists a round's status changes, oldest first.
func (s *Store) RoundEvents(ctx context.Context, roundID int64) ([]RoundEvent, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT round_id, at, actor, from_status, to_status, reason FROM round_event WHERE round_id=? ORDER BY id`, roundID)
	if err != nil {
		return nil, fmt.Errorf("round %d history: %w", roundID, err)
	}
	defer rows.Close()
	var out []RoundEvent
	for rows.Next() {
		var e RoundEvent
		var at, from, to string
		if err := rows.Scan(&e.RoundID, &at, &e.Actor, &from, &to, &e.Reason); err != nil {
			return nil, err
		}
		e.At, e.From, e.To = parseTime(at), domain.RoundStatus(from), domain.RoundStatus(to)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ---------------------------------------------------------------------------
// Assessment sign-off.

// SignOff reads the sign-off of a year's self-assessment; ok is false when
// the year is not signed off.
func (s *Store) SignOff(ctx context.Context, year int) (actor string, at time.Time, ok bool, err error) {
	return readSignOff(ctx, s.read, year)
}

// SignOff is SignOff inside the transaction, where the checks that refuse
// changes to a signed-off year read it.
func (tx *Tx) SignOff(year int) (actor string, at time.Time, ok bool, err error) {
	return readSignOff(tx.ctx, tx.tx, year)
}

func readSignOff(ctx context.Context, q querier, year int) (string, time.Time, bool, error) {
	var actor, at string
	err := q.QueryRowContext(ctx, `SELECT actor, at FROM assessment_signoff WHERE year=?`, year).Scan(&actor, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, false, nil
	}
	if err != nil {
		return "", time.Time{}, false, fmt.Errorf("read sign-off of %d: %w", year, err)
	}
	return actor, parseTime(at), true, nil
}

// SetSignOff records who signed off a year's self-assessment and when.
func (tx *Tx) SetSignOff(year int, actor string, at time.Time) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO assessment_signoff(year, actor, at) VALUES (?,?,?)
		ON CONFLICT(year) DO UPDATE SET actor=excluded.actor, at=excluded.at`, year, actor, at.UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("sign off %d: %w", year, err)
	}
	return nil
}

// DeleteSignOff withdraws a year's sign-off (nothing when there is none).
func (tx *Tx) DeleteSignOff(year int) error {
	if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM assessment_signoff WHERE year=?`, year); err != nil {
		return fmt.Errorf("withdraw sign-off of %d: %w", year, err)
	}
	return nil
}
