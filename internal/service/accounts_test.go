package service

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// testDirector is the account the use-case tests act for: a director may
// do everything, so those tests are about the use cases, not the roles.
var testDirector = domain.Account{Username: "gd.test", FullName: "Giám đốc thử", Role: domain.RoleDirector}

// clock is a settable fixed clock for the lockout tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// newAccountService opens a fresh database with nobody logged in.
func newAccountService(t *testing.T) (*Service, *clock) {
	t.Helper()
	c := &clock{time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	st, err := store.Open(filepath.Join(t.TempDir(), "a.db"), store.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st, c.now), c
}

func wantField(t *testing.T, what string, err error, field string) {
	t.Helper()
	for _, fe := range domain.AsFieldErrors(err) {
		if fe.Field == field {
			return
		}
	}
	t.Errorf("%s: %v, want a field error on %q", what, err, field)
}

func TestHashPassword_Argon2idPHCAndVerify(t *testing.T) {
	h1, err := HashPassword("mật khẩu dài")
	if err != nil {
		t.Fatal(err)
	}
	phc := regexp.MustCompile(`^\$argon2id\$v=19\$m=65536,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !phc.MatchString(h1) {
		t.Fatalf("hash %q is not the PHC string of argon2id with a 16-byte salt and 32-byte key", h1)
	}
	h2, _ := HashPassword("mật khẩu dài")
	if h1 == h2 {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	if !VerifyPassword(h1, "mật khẩu dài") || !VerifyPassword(h2, "mật khẩu dài") {
		t.Error("the right password does not verify")
	}
	if VerifyPassword(h1, "mật khẩu dai") || VerifyPassword(h1, "") {
		t.Error("a wrong password verifies")
	}
	// The parameters come from the stored string: a hash made with other
	// parameters (an older or newer version) still verifies.
	salt := []byte("0123456789abcdef")
	key := argon2.IDKey([]byte("cũ-nhưng-đúng"), salt, 1, 1024, 2, 32)
	b64 := base64.RawStdEncoding
	old := fmt.Sprintf("$argon2id$v=19$m=1024,t=1,p=2$%s$%s", b64.EncodeToString(salt), b64.EncodeToString(key))
	if !VerifyPassword(old, "cũ-nhưng-đúng") {
		t.Error("a hash with other parameters does not verify")
	}
	// The same key under changed parameters must not verify.
	if VerifyPassword(strings.Replace(old, "t=1", "t=2", 1), "cũ-nhưng-đúng") {
		t.Error("the parameters are not taken from the string")
	}
	for _, bad := range []string{
		"", "mật khẩu dài", "$argon2i$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$" + b64.EncodeToString(key),
		"$argon2id$v=18$m=1024,t=1,p=2$" + b64.EncodeToString(salt) + "$" + b64.EncodeToString(key),
		"$argon2id$v=19$m=1073741824,t=1,p=1$" + b64.EncodeToString(salt) + "$" + b64.EncodeToString(key), // 1 TiB: refused, not attempted
		"$argon2id$v=19$m=1024,t=1,p=2$!!!$" + b64.EncodeToString(key),
		"$argon2id$v=19$m=1024,t=1,p=2$" + b64.EncodeToString(salt) + "$",
		"$argon2id$v=19$m=1024,t=1,p=2x$" + b64.EncodeToString(salt) + "$" + b64.EncodeToString(key),
	} {
		if VerifyPassword(bad, "cũ-nhưng-đúng") {
			t.Errorf("%q verified", bad)
		}
	}
}

func TestCreateFirstAdmin_OnlyOnAnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	s, _ := newAccountService(t)
	if s.HasAccounts(ctx) {
		t.Fatal("fresh database has accounts")
	}
	_, err := s.CreateFirstAdmin(ctx, "Gd Hùng", "", "ngắn")
	wantField(t, "bad name", err, FieldUsername)
	wantField(t, "no full name", err, FieldFullName)
	wantField(t, "short password", err, FieldPassword)
	if s.HasAccounts(ctx) {
		t.Fatal("a refused administrator was created")
	}
	a, err := s.CreateFirstAdmin(ctx, "  GD.Hung ", "Nguyễn  Văn Hùng", "mat-khau-dai")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Username != "gd.hung" || a.FullName != "Nguyễn Văn Hùng" || a.Role != domain.RoleDirector {
		t.Fatalf("first administrator %+v", a)
	}
	if !s.HasAccounts(ctx) {
		t.Fatal("HasAccounts after the first administrator")
	}
	if _, err := s.CreateFirstAdmin(ctx, "khac", "Người khác", "mat-khau-dai"); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("second first administrator: %v", err)
	}
	logged, err := s.Login(ctx, "gd.hung", "mat-khau-dai")
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := logged.Actor(); !ok || got.Username != "gd.hung" || got.Role != domain.RoleDirector {
		t.Fatalf("actor after login: %+v %v", got, ok)
	}
	if _, ok := s.Actor(); ok {
		t.Error("Login changed the service it was called on")
	}
}

func TestFirstStart_ProfileWithoutAccountOnlyUntilTheFirstAccount(t *testing.T) {
	ctx := context.Background()
	s, _ := newAccountService(t)
	p := domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}
	if err := s.SaveProfile(ctx, p); err != nil {
		t.Fatalf("first start, no account: %v", err)
	}
	if _, ok, err := s.Profile(ctx); err != nil || !ok {
		t.Fatalf("profile at first start: %v %v", ok, err)
	}
	if _, err := s.Units(ctx); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("the first start opens the profile, not the data: %v", err)
	}
	if _, err := s.CreateFirstAdmin(ctx, "gd.hung", "Nguyễn Văn Hùng", "mat-khau-dai"); err != nil {
		t.Fatal(err)
	}
	p.Place = "Thành phố Hà Tĩnh"
	if err := s.SaveProfile(ctx, p); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("profile without a login once an account exists: %v", err)
	}
	if _, _, err := s.Profile(ctx); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("profile read without a login once an account exists: %v", err)
	}
	if err := s.As(domain.Account{Username: "cv", Role: domain.RoleClerk}).SaveProfile(ctx, p); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a clerk edited the profile: %v", err)
	}
	if err := s.As(testDirector).SaveProfile(ctx, p); err != nil {
		t.Errorf("director: %v", err)
	}
	if err := s.FillDemo(ctx, DemoOptions{Staff: 30}, nil); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("demo without a login once an account exists: %v", err)
	}
}

func TestLogin_WrongNameOrPasswordSaySameThing(t *testing.T) {
	ctx := context.Background()
	s, _ := newAccountService(t)
	if _, err := s.CreateFirstAdmin(ctx, "gd.hung", "Nguyễn Văn Hùng", "mat-khau-dai"); err != nil {
		t.Fatal(err)
	}
	_, e1 := s.Login(ctx, "gd.hung", "sai-mat-khau")
	_, e2 := s.Login(ctx, "khong.co", "mat-khau-dai")
	if !errors.Is(e1, domain.ErrLogin) || !errors.Is(e2, domain.ErrLogin) {
		t.Fatalf("errors %v / %v", e1, e2)
	}
	if e1.Error() != e2.Error() || Explain(e1) != e1.Error() {
		t.Errorf("wrong password %q and wrong name %q differ (or are not shown as they are)", e1, e2)
	}
	if strings.Contains(e1.Error(), "gd.hung") || strings.Contains(e2.Error(), "khong.co") {
		t.Error("the message names the account")
	}
	// The user name is not case-sensitive; the password is.
	if _, err := s.Login(ctx, " GD.HUNG ", "mat-khau-dai"); err != nil {
		t.Errorf("user name in capitals: %v", err)
	}
	if _, err := s.Login(ctx, "gd.hung", "MAT-KHAU-DAI"); !errors.Is(err, domain.ErrLogin) {
		t.Errorf("password in capitals: %v", err)
	}
}

func TestLogin_LockoutAfterFiveFailuresForFifteenMinutes(t *testing.T) {
	ctx := context.Background()
	s, clk := newAccountService(t)
	if _, err := s.CreateFirstAdmin(ctx, "gd.hung", "Nguyễn Văn Hùng", "mat-khau-dai"); err != nil {
		t.Fatal(err)
	}
	// A success in between resets the count: four wrong, one right, four wrong: not locked.
	for i := 0; i < 4; i++ {
		s.Login(ctx, "gd.hung", "sai")
	}
	if _, err := s.Login(ctx, "gd.hung", "mat-khau-dai"); err != nil {
		t.Fatalf("fourth failure locked: %v", err)
	}
	for i := 1; i <= MaxLoginFailures; i++ {
		_, err := s.Login(ctx, "gd.hung", "sai")
		locked := strings.Contains(fmt.Sprint(err), "bị khóa đến")
		if !errors.Is(err, domain.ErrLogin) || locked != (i == MaxLoginFailures) {
			t.Fatalf("failure %d: %v", i, err)
		}
		if i == MaxLoginFailures && !strings.Contains(err.Error(), "09:15 ngày 01/03/2026") {
			t.Errorf("the lock message does not say until when: %v", err)
		}
	}
	// Locked: even the right password is refused, and says until when.
	clk.t = clk.t.Add(14 * time.Minute)
	if _, err := s.Login(ctx, "gd.hung", "mat-khau-dai"); !errors.Is(err, domain.ErrLogin) || !strings.Contains(err.Error(), "09:15") {
		t.Fatalf("right password while locked: %v", err)
	}
	// After 15 minutes the right password opens, and the count starts again.
	clk.t = clk.t.Add(time.Minute)
	if _, err := s.Login(ctx, "gd.hung", "mat-khau-dai"); err != nil {
		t.Fatalf("after the lock: %v", err)
	}
	a, _, _, _ := s.st.AccountByName(ctx, "gd.hung")
	if a.Failures != 0 || !a.LockedUntil.IsZero() {
		t.Errorf("success did not reset: %+v", a)
	}
	// A lock that ran out without a login: one more wrong password is a
	// first failure, not a new lock.
	for i := 0; i < MaxLoginFailures; i++ {
		s.Login(ctx, "gd.hung", "sai")
	}
	clk.t = clk.t.Add(LockDuration)
	if _, err := s.Login(ctx, "gd.hung", "sai"); !errors.Is(err, domain.ErrLogin) || strings.Contains(err.Error(), "bị khóa đến") {
		t.Errorf("one failure after an expired lock locked again: %v", err)
	}
	if _, err := s.Login(ctx, "gd.hung", "mat-khau-dai"); err != nil {
		t.Errorf("login after an expired lock: %v", err)
	}
}

// twoAccounts makes the first director gd.hung and, through them, the
// clerk cv.lan; it returns the director's service and the clerk's ID.
func twoAccounts(t *testing.T) (*Service, *Service, domain.Account) {
	t.Helper()
	ctx := context.Background()
	s, _ := newAccountService(t)
	if _, err := s.CreateFirstAdmin(ctx, "gd.hung", "Nguyễn Văn Hùng", "mat-khau-dai"); err != nil {
		t.Fatal(err)
	}
	gd, err := s.Login(ctx, "gd.hung", "mat-khau-dai")
	if err != nil {
		t.Fatal(err)
	}
	cv, err := gd.CreateAccount(ctx, domain.Account{Username: "CV.Lan", FullName: "Lê Thị Lan", Role: domain.RoleClerk}, "lan-12345678")
	if err != nil {
		t.Fatal(err)
	}
	if cv.Username != "cv.lan" || cv.ID == 0 {
		t.Fatalf("created %+v", cv)
	}
	return s, gd, cv
}

func TestCreateAccount_ValidatesAndNeedsDirector(t *testing.T) {
	ctx := context.Background()
	s, gd, _ := twoAccounts(t)
	scenarios := []struct {
		name  string
		a     domain.Account
		pw    string
		field string
	}{
		{"taken", domain.Account{Username: "cv.lan", FullName: "X", Role: domain.RoleViewer}, "12345678", FieldUsername},
		{"space", domain.Account{Username: "cv lan", FullName: "X", Role: domain.RoleViewer}, "12345678", FieldUsername},
		{"accents", domain.Account{Username: "nguyễn", FullName: "X", Role: domain.RoleViewer}, "12345678", FieldUsername},
		{"too short", domain.Account{Username: "ab", FullName: "X", Role: domain.RoleViewer}, "12345678", FieldUsername},
		{"no name", domain.Account{Username: "xem.1", Role: domain.RoleViewer}, "12345678", FieldFullName},
		{"role", domain.Account{Username: "xem.1", FullName: "X", Role: "ADMIN"}, "12345678", FieldRole},
		{"7 characters", domain.Account{Username: "xem.1", FullName: "X", Role: domain.RoleViewer}, "1234567", FieldPassword},
		{"password is the name", domain.Account{Username: "xem.12345", FullName: "X", Role: domain.RoleViewer}, "XEM.12345", FieldPassword},
	}
	for _, sc := range scenarios {
		_, err := gd.CreateAccount(ctx, sc.a, sc.pw)
		wantField(t, sc.name, err, sc.field)
	}
	if _, err := gd.CreateAccount(ctx, domain.Account{Username: "cv.lan", FullName: "X", Role: domain.RoleViewer}, "12345678"); !errors.Is(err, domain.ErrDuplicate) {
		t.Errorf("duplicate: %v", err)
	}
	// Eight characters, Vietnamese ones count as one each.
	if _, err := gd.CreateAccount(ctx, domain.Account{Username: "xem.1", FullName: "Xem", Role: domain.RoleViewer}, "mậtkhẩuơ"); err != nil {
		t.Errorf("8 Vietnamese characters: %v", err)
	}
	clerk, err := s.Login(ctx, "cv.lan", "lan-12345678")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := clerk.CreateAccount(ctx, domain.Account{Username: "xem.2", FullName: "X", Role: domain.RoleViewer}, "12345678"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a clerk created an account: %v", err)
	}
	if _, err := clerk.Accounts(ctx); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a clerk listed the accounts: %v", err)
	}
	as, err := gd.Accounts(ctx)
	if err != nil || len(as) != 3 || as[0].Username != "cv.lan" || as[1].Username != "gd.hung" || as[2].Username != "xem.1" {
		t.Errorf("accounts: %+v %v", as, err)
	}
}

func TestDisableEnableAndReset(t *testing.T) {
	ctx := context.Background()
	s, gd, cv := twoAccounts(t)
	if err := gd.DisableAccount(ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.Login(ctx, "cv.lan", "lan-12345678")
	if !errors.Is(err, domain.ErrLogin) || !strings.Contains(err.Error(), "ngừng sử dụng") {
		t.Fatalf("disabled account: %v", err)
	}
	// A wrong password on a disabled account says only "wrong": it does not
	// tell a stranger that the account exists.
	if _, err := s.Login(ctx, "cv.lan", "sai"); err == nil || strings.Contains(err.Error(), "ngừng") {
		t.Errorf("wrong password on a disabled account: %v", err)
	}
	if err := gd.EnableAccount(ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(ctx, "cv.lan", "lan-12345678"); err != nil {
		t.Fatalf("enabled account: %v", err)
	}
	// Locked out, then the director gives a new password: the lock goes.
	for i := 0; i < MaxLoginFailures; i++ {
		s.Login(ctx, "cv.lan", "sai")
	}
	wantField(t, "reset to a short password", gd.ResetPassword(ctx, cv.ID, "ngan"), FieldNewPassword)
	if err := gd.ResetPassword(ctx, cv.ID, "mat-khau-moi-1"); err != nil {
		t.Fatal(err)
	}
	clerk, err := s.Login(ctx, "cv.lan", "mat-khau-moi-1")
	if err != nil {
		t.Fatalf("after reset: %v", err)
	}
	if err := clerk.ResetPassword(ctx, cv.ID, "mat-khau-moi-2"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a clerk reset a password: %v", err)
	}
	if err := clerk.DisableAccount(ctx, cv.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a clerk disabled an account: %v", err)
	}
	if err := gd.ResetPassword(ctx, 999, "mat-khau-moi-2"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown account: %v", err)
	}
}

func TestChangePassword_NeedsTheOldOne(t *testing.T) {
	ctx := context.Background()
	s, _, _ := twoAccounts(t)
	if err := s.ChangePassword(ctx, "lan-12345678", "mat-khau-moi"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("change without a login: %v", err)
	}
	clerk, err := s.Login(ctx, "cv.lan", "lan-12345678")
	if err != nil {
		t.Fatal(err)
	}
	wantField(t, "wrong old password", clerk.ChangePassword(ctx, "sai", "mat-khau-moi"), FieldOldPassword)
	wantField(t, "short new password", clerk.ChangePassword(ctx, "lan-12345678", "moi"), FieldNewPassword)
	wantField(t, "same password", clerk.ChangePassword(ctx, "lan-12345678", "lan-12345678"), FieldNewPassword)
	if err := clerk.ChangePassword(ctx, "lan-12345678", "mat-khau-moi"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(ctx, "cv.lan", "lan-12345678"); !errors.Is(err, domain.ErrLogin) {
		t.Errorf("old password still works: %v", err)
	}
	if _, err := s.Login(ctx, "cv.lan", "mat-khau-moi"); err != nil {
		t.Errorf("new password: %v", err)
	}
	// A viewer may change their own password too.
	viewer := s.As(domain.Account{Username: "cv.lan", Role: domain.RoleViewer})
	if err := viewer.ChangePassword(ctx, "mat-khau-moi", "mat-khau-moi-2"); err != nil {
		t.Errorf("viewer: %v", err)
	}
}

func TestLastActiveDirectorIsKept(t *testing.T) {
	ctx := context.Background()
	s, gd, cv := twoAccounts(t)
	me, _ := gd.Actor()
	as, _ := gd.Accounts(ctx)
	for _, a := range as {
		if a.Username == me.Username {
			me = a
		}
	}
	wantField(t, "demote the only director", gd.SetAccountRole(ctx, me.ID, domain.RoleClerk), FieldAccount)
	wantField(t, "disable the only director", gd.DisableAccount(ctx, me.ID), FieldAccount)
	// A disabled director does not count: promote the clerk, disable them,
	// and gd.hung is still the only active one.
	if err := gd.SetAccountRole(ctx, cv.ID, domain.RoleDirector); err != nil {
		t.Fatal(err)
	}
	if err := gd.DisableAccount(ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	wantField(t, "demote with the other director disabled", gd.SetAccountRole(ctx, me.ID, domain.RoleViewer), FieldAccount)
	// With a second active director, the first may step down.
	if err := gd.EnableAccount(ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	if err := gd.SetAccountRole(ctx, me.ID, domain.RoleClerk); err != nil {
		t.Fatalf("step down with another director: %v", err)
	}
	lan, err := s.Login(ctx, "cv.lan", "lan-12345678")
	if err != nil {
		t.Fatal(err)
	}
	wantField(t, "the new only director disables themselves", lan.DisableAccount(ctx, cv.ID), FieldAccount)
	wantField(t, "unknown role", lan.SetAccountRole(ctx, me.ID, "ADMIN"), FieldRole)
	if err := lan.SetAccountRole(ctx, 999, domain.RoleViewer); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown account: %v", err)
	}
}

func TestDemo_HasTheDirectorAdminWithPasswordDemo(t *testing.T) {
	ctx := context.Background()
	s, st := newDemoTestService(t)
	if err := s.FillDemo(ctx, DemoOptions{Staff: 30}, nil); err != nil {
		t.Fatalf("demo on a database without accounts, without a login: %v", err)
	}
	admin, err := s.Login(ctx, DemoUser, DemoPassword)
	if err != nil {
		t.Fatalf("demo login: %v", err)
	}
	if a, _ := admin.Actor(); a.Role != domain.RoleDirector {
		t.Fatalf("demo account %+v", a)
	}
	rs, _ := st.Rounds(ctx)
	if len(rs) != 1 {
		t.Fatalf("demo rounds %+v", rs)
	}
	es, err := admin.RoundEvents(ctx, rs[0].ID)
	if err != nil || len(es) != 3 || es[2].To != domain.StatusApproved || es[2].From != domain.StatusSubmitted || es[2].Actor != DemoUser {
		t.Errorf("demo round history %+v %v", es, err)
	}
}

func TestRequire_SeesDisableAndDemotionAtOnce(t *testing.T) {
	ctx := context.Background()
	s, gd, cv := twoAccounts(t)
	clerk, err := s.Login(ctx, "cv.lan", "lan-12345678")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := clerk.CreateRound(ctx, domain.Round{Year: 2025, Kind: domain.RoundRegular}); errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a clerk cannot create a round: %v", err)
	}
	// Demoted while logged in: the next change is refused, without logging out.
	if err := gd.SetAccountRole(ctx, cv.ID, domain.RoleViewer); err != nil {
		t.Fatal(err)
	}
	if _, err := clerk.CreateRound(ctx, domain.Round{Year: 2025, Kind: domain.RoundRegular}); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a demoted clerk still changes data: %v", err)
	}
	if _, err := clerk.Rounds(ctx); err != nil {
		t.Fatalf("a viewer cannot read: %v", err)
	}
	// Disabled while logged in: even reading stops.
	if err := gd.DisableAccount(ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := clerk.Rounds(ctx); !errors.Is(err, domain.ErrForbidden) || !strings.Contains(err.Error(), "ngừng") {
		t.Fatalf("a disabled account still reads: %v", err)
	}
}
