package service

// Local accounts (issue 7): the first administrator, login with a lockout,
// the director's account management and the password change. Passwords are
// kept only as argon2id PHC strings; the parameters are read back from the
// stored string, so stronger parameters later do not lock anyone out.

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

// Field labels of the account forms, as people see them (ui/login uses
// the same words, so a FieldError lands under its entry).
const (
	FieldUsername    = "Tên đăng nhập"
	FieldFullName    = "Họ và tên"
	FieldPassword    = "Mật khẩu"
	FieldOldPassword = "Mật khẩu hiện tại"
	FieldNewPassword = "Mật khẩu mới"
	FieldAccount     = "Tài khoản"
)

const (
	// MinPasswordLength is the shortest password a person may choose.
	MinPasswordLength = 8
	maxPasswordLength = 128
	// MaxLoginFailures failed logins in a row lock the account for LockDuration.
	MaxLoginFailures = 5
	LockDuration     = 15 * time.Minute
)

// argon2id parameters for new hashes: 64 MiB, 2 passes, one lane. Above
// OWASP's floor (19 MiB, 2 passes) and about a tenth of a second on an
// office PC: slow for someone guessing from a stolen database file, quick
// enough for a login.
const (
	argonMemory  = 64 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// loginError is a refused login; its message is the whole sentence people
// see (Explain shows it as it is), and it wraps domain.ErrLogin.
type loginError struct{ msg string }

func (e loginError) Error() string { return e.msg }
func (e loginError) Unwrap() error { return domain.ErrLogin }

// forbidden is a refusal with its own sentence that wraps domain.ErrForbidden.
type forbidden struct{ msg string }

func (e forbidden) Error() string { return e.msg }
func (e forbidden) Unwrap() error { return domain.ErrForbidden }

var errWrongLogin = loginError{fmt.Sprintf("Tên đăng nhập hoặc mật khẩu không đúng; kiểm tra lại (chữ hoa, chữ thường, bộ gõ tiếng Việt). "+
	"Nhập sai %d lần liên tiếp thì tài khoản bị khóa %d phút.", MaxLoginFailures, int(LockDuration/time.Minute))}

// HashPassword makes the argon2id PHC string of a password with a fresh
// random salt: $argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>.
func HashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("tạo muối cho mật khẩu: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether password matches a PHC string made by
// HashPassword, with the parameters the string names, in constant time. A
// string it cannot read (or with parameters that would exhaust the
// machine: the database is a file anyone may edit) never matches.
func VerifyPassword(phc, password string) bool {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return false
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	var m, t uint32
	var p uint8
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || n != 3 || fmt.Sprintf("m=%d,t=%d,p=%d", m, t, p) != parts[3] {
		return false
	}
	if m < 8*uint32(p) || m > 1<<20 || t < 1 || t > 16 || p < 1 || p > 16 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) < 16 || len(want) > 64 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is verified against when the user name is unknown, so that a
// wrong name takes as long as a wrong password and timing does not tell
// which names exist. Made on first use: hashing costs 64 MiB and a tenth
// of a second that a program which never logs in should not pay.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("không có tài khoản này")
	if err != nil {
		return "$argon2id$v=19$m=65536,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	}
	return h
})

// CleanUsername is the stored form of a user name: trimmed, lower case.
func CleanUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func validateUsername(name string) *domain.FieldError {
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return &domain.FieldError{Field: FieldUsername, Msg: "chưa nhập; nhập tên đăng nhập, ví dụ gd.hung"}
	case n < 3 || n > 32:
		return &domain.FieldError{Field: FieldUsername, Msg: fmt.Sprintf("cần từ 3 đến 32 ký tự (đang có %d)", n)}
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return &domain.FieldError{Field: FieldUsername, Msg: fmt.Sprintf("có ký tự %q; chỉ dùng chữ không dấu, chữ số và dấu . _ -", r)}
		}
	}
	return nil
}

// checkPassword is the policy for a password a person chooses.
func checkPassword(field, password, username string) *domain.FieldError {
	n := utf8.RuneCountInString(password)
	switch {
	case n == 0:
		return &domain.FieldError{Field: field, Msg: fmt.Sprintf("chưa nhập; chọn mật khẩu từ %d ký tự trở lên", MinPasswordLength)}
	case n < MinPasswordLength:
		return &domain.FieldError{Field: field, Msg: fmt.Sprintf("quá ngắn (%d ký tự); cần ít nhất %d ký tự", n, MinPasswordLength)}
	case n > maxPasswordLength:
		return &domain.FieldError{Field: field, Msg: fmt.Sprintf("quá dài; tối đa %d ký tự", maxPasswordLength)}
	case username != "" && strings.EqualFold(strings.TrimSpace(password), username):
		return &domain.FieldError{Field: field, Msg: "không được trùng tên đăng nhập; chọn mật khẩu khó đoán hơn"}
	}
	return nil
}

// cleanAccount validates a new account and its password.
func cleanAccount(a domain.Account, password string) (domain.Account, error) {
	a.Username, a.FullName = CleanUsername(a.Username), rules.Clean(a.FullName)
	var errs domain.FieldErrors
	if fe := validateUsername(a.Username); fe != nil {
		errs = append(errs, *fe)
	}
	if a.FullName == "" {
		errs = append(errs, domain.FieldError{Field: FieldFullName, Msg: "chưa nhập; nhập họ và tên người dùng tài khoản"})
	}
	if !validRole(a.Role) {
		errs = append(errs, domain.FieldError{Field: FieldRole, Msg: fmt.Sprintf("%q không hợp lệ; chọn Giám đốc, Chuyên viên TĐKT hoặc Chỉ xem", a.Role)})
	}
	if fe := checkPassword(FieldPassword, password, a.Username); fe != nil {
		errs = append(errs, *fe)
	}
	if len(errs) > 0 {
		return a, errs
	}
	return a, nil
}

func validRole(r domain.Role) bool {
	for _, x := range domain.Roles {
		if r == x {
			return true
		}
	}
	return false
}

// actorName is who the journal and the round history name for this service.
func (s *Service) actorName() string {
	if s.actor == nil {
		return ""
	}
	return s.actor.Username
}

// HasAccounts reports whether the database has any account. Until it has,
// the database is at its first start: the window offers to create the
// office with its administrator (or the demo office), and the actions of
// that first start are allowed without a login.
func (s *Service) HasAccounts(ctx context.Context) bool {
	has, err := s.st.HasAccounts(ctx)
	// On a read error, say yes: the login screen is the safe side.
	return has || err != nil
}

// requireOrFirstStart is require(need), except that while the database
// has no account at all (its first start, or a database made before
// accounts existed) it lets the action through: somebody has to create
// the office and its first director.
func (s *Service) requireOrFirstStart(ctx context.Context, need domain.Role) error {
	if s.actor == nil && !s.HasAccounts(ctx) {
		return nil
	}
	return s.require(need)
}

// CreateFirstAdmin creates the first account, with the director's role, on
// a database that has none; it is refused once any account exists.
func (s *Service) CreateFirstAdmin(ctx context.Context, username, fullName, password string) (domain.Account, error) {
	a, err := cleanAccount(domain.Account{Username: username, FullName: fullName, Role: domain.RoleDirector}, password)
	if err != nil {
		return a, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return a, err
	}
	err = s.st.As(a.Username).Write(ctx, func(tx *store.Tx) error {
		if has, err := tx.HasAccounts(); err != nil {
			return err
		} else if has {
			return forbidden{"Cơ sở dữ liệu đã có tài khoản quản trị; đăng nhập bằng tài khoản Giám đốc để tạo thêm tài khoản."}
		}
		a.ID, err = tx.CreateAccount(a, hash)
		return err
	})
	if err != nil {
		return domain.Account{}, err
	}
	a.CreatedAt = s.now()
	return a, nil
}

// Login checks a user name and password and returns the service acting for
// that account. A wrong name and a wrong password get the same message.
// MaxLoginFailures wrong passwords in a row lock the account for
// LockDuration (the message says until when); a disabled account cannot log
// in; a successful login clears the count.
func (s *Service) Login(ctx context.Context, username, password string) (*Service, error) {
	name := CleanUsername(username)
	a, hash, ok, err := s.st.AccountByName(ctx, name)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if !ok {
		VerifyPassword(dummyHash(), password)
		return nil, errWrongLogin
	}
	if a.LockedUntil.After(now) {
		return nil, s.lockedError(a)
	}
	if !VerifyPassword(hash, password) {
		return nil, s.loginFailed(ctx, a.ID)
	}
	if a.Disabled {
		return nil, loginError{fmt.Sprintf("Tài khoản %s đã bị ngừng sử dụng; liên hệ Giám đốc để được mở lại.", a.Username)}
	}
	if a.Failures != 0 || !a.LockedUntil.IsZero() {
		err := s.st.As(a.Username).Write(ctx, func(tx *store.Tx) error { return tx.SetLoginState(a.ID, 0, time.Time{}) })
		if err != nil {
			return nil, err
		}
		a.Failures, a.LockedUntil = 0, time.Time{}
	}
	return s.As(a), nil
}

// loginFailed counts a wrong password (in the transaction, so that two
// attempts at once both count) and locks the account at the limit.
func (s *Service) loginFailed(ctx context.Context, id int64) error {
	now := s.now()
	var locked domain.Account
	err := s.st.Write(ctx, func(tx *store.Tx) error {
		a, _, ok, err := tx.Account(id)
		if err != nil || !ok {
			return err
		}
		failures := a.Failures
		if !a.LockedUntil.IsZero() && !a.LockedUntil.After(now) {
			failures = 0 // the last lock has run out: a new count begins
		}
		failures++
		var until time.Time
		if failures >= MaxLoginFailures {
			until = now.Add(LockDuration)
			a.LockedUntil = until
			locked = a
		}
		return tx.SetLoginState(id, failures, until)
	})
	if err != nil {
		return err
	}
	if !locked.LockedUntil.IsZero() {
		return s.lockedError(locked)
	}
	return errWrongLogin
}

func (s *Service) lockedError(a domain.Account) error {
	until := a.LockedUntil.In(s.now().Location())
	return loginError{fmt.Sprintf("Tài khoản %s bị khóa đến %s ngày %s vì nhập sai mật khẩu %d lần liên tiếp; thử lại sau thời điểm đó hoặc nhờ Giám đốc đặt lại mật khẩu.",
		a.Username, until.Format("15:04"), until.Format("02/01/2006"), MaxLoginFailures)}
}

// Accounts lists every account by user name (the director's page).
func (s *Service) Accounts(ctx context.Context) ([]domain.Account, error) {
	if err := s.require(domain.RoleDirector); err != nil {
		return nil, err
	}
	return s.st.Accounts(ctx)
}

// CreateAccount creates an account with the password the director chose
// for it; the person changes it at their first login (ChangePassword).
func (s *Service) CreateAccount(ctx context.Context, a domain.Account, password string) (domain.Account, error) {
	if err := s.require(domain.RoleDirector); err != nil {
		return domain.Account{}, err
	}
	a, err := cleanAccount(domain.Account{Username: a.Username, FullName: a.FullName, Role: a.Role, Disabled: a.Disabled}, password)
	if err != nil {
		return a, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return a, err
	}
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		var err error
		a.ID, err = tx.CreateAccount(a, hash)
		return err
	})
	if err != nil {
		return domain.Account{}, err
	}
	a.CreatedAt = s.now()
	return a, nil
}

// SetAccountRole changes an account's role; the last active director
// cannot be demoted.
func (s *Service) SetAccountRole(ctx context.Context, id int64, role domain.Role) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	if !validRole(role) {
		return domain.FieldError{Field: FieldRole, Msg: fmt.Sprintf("%q không hợp lệ; chọn Giám đốc, Chuyên viên TĐKT hoặc Chỉ xem", role)}
	}
	return s.changeAccount(ctx, id, func(a *domain.Account) { a.Role = role })
}

// DisableAccount stops an account from logging in (the person left or
// changed post); the last active director cannot be disabled.
func (s *Service) DisableAccount(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	return s.changeAccount(ctx, id, func(a *domain.Account) { a.Disabled = true })
}

// EnableAccount lets a disabled account log in again and lifts a lockout.
func (s *Service) EnableAccount(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		a, err := txAccount(tx, id)
		if err != nil {
			return err
		}
		a.Disabled = false
		if err := tx.UpdateAccount(a); err != nil {
			return err
		}
		return tx.SetLoginState(id, 0, time.Time{})
	})
}

// changeAccount applies change to an account unless that leaves the
// office without an active director.
func (s *Service) changeAccount(ctx context.Context, id int64, change func(*domain.Account)) error {
	return s.st.Write(ctx, func(tx *store.Tx) error {
		a, err := txAccount(tx, id)
		if err != nil {
			return err
		}
		wasDirector := a.Role == domain.RoleDirector && !a.Disabled
		change(&a)
		if wasDirector && (a.Role != domain.RoleDirector || a.Disabled) {
			n, err := tx.ActiveDirectors()
			if err != nil {
				return err
			}
			if n <= 1 {
				return domain.FieldError{Field: FieldAccount, Err: domain.ErrInUse,
					Msg: fmt.Sprintf("%s là Giám đốc duy nhất còn hoạt động; tạo hoặc mở lại một tài khoản Giám đốc khác trước", a.Username)}
			}
		}
		return tx.UpdateAccount(a)
	})
}

func txAccount(tx *store.Tx, id int64) (domain.Account, error) {
	a, _, ok, err := tx.Account(id)
	if err != nil {
		return a, err
	}
	if !ok {
		return a, accountNotFound(id)
	}
	return a, nil
}

func accountNotFound(id int64) error {
	return domain.FieldError{Field: FieldAccount, Msg: fmt.Sprintf("không có tài khoản mã %d", id), Err: domain.ErrNotFound}
}

// ResetPassword gives an account a new password chosen by the director
// (the person forgot theirs or is locked out); it also lifts a lockout.
func (s *Service) ResetPassword(ctx context.Context, id int64, newPassword string) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	return s.setPassword(ctx, id, newPassword)
}

// setPassword checks the policy and stores the new password's hash.
func (s *Service) setPassword(ctx context.Context, id int64, password string) error {
	a, _, ok, err := s.st.Account(ctx, id)
	if err != nil {
		return err
	}
	if !ok {
		return accountNotFound(id)
	}
	if fe := checkPassword(FieldNewPassword, password, a.Username); fe != nil {
		return *fe
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.SetPassword(id, hash) })
}

// ChangePassword replaces the logged-in account's own password; it needs
// the current one.
func (s *Service) ChangePassword(ctx context.Context, old, new string) error {
	if err := s.require(domain.RoleViewer); err != nil {
		return err
	}
	a, hash, ok, err := s.st.AccountByName(ctx, s.actor.Username)
	if err != nil {
		return err
	}
	if !ok || !VerifyPassword(hash, old) {
		return domain.FieldError{Field: FieldOldPassword, Msg: "không đúng; nhập mật khẩu đang dùng để đăng nhập", Err: domain.ErrLogin}
	}
	if fe := checkPassword(FieldNewPassword, new, a.Username); fe != nil {
		return *fe
	}
	if new == old {
		return domain.FieldError{Field: FieldNewPassword, Msg: "giống mật khẩu hiện tại; chọn mật khẩu khác"}
	}
	return s.setPassword(ctx, a.ID, new)
}
