package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"tdkt/internal/domain"
	"tdkt/internal/service"
)

// stdinTerminal reports whether a person sits at the terminal to be asked
// for what the environment does not give; tests make it false so that a
// missing variable fails instead of waiting for a keyboard.
var stdinTerminal = func() bool { return term.IsTerminal(int(os.Stdin.Fd())) }

// writer opens the existing database of an office and returns the service
// acting for the account of TDKT_USER / TDKT_PASSWORD (else asked on the
// terminal, else exit 2): every command that changes data or writes a file
// goes through it, and the service checks the account's role.
func (c *cli) writer() (*service.Service, error) {
	svc, err := c.login()
	if err != nil {
		return nil, err
	}
	if _, ok, err := svc.Profile(c.ctx); err != nil {
		return nil, err
	} else if !ok {
		return nil, fail(2, "cơ sở dữ liệu %s chưa có đơn vị; chạy tdktctl init trước", c.db)
	}
	return svc, nil
}

// reader is writer for the commands that only read: they read personal
// data (dates of birth, discipline), so they need an account too; only
// check and verify do not.
func (c *cli) reader() (*service.Service, error) { return c.writer() }

// login opens the existing database and logs in with TDKT_USER /
// TDKT_PASSWORD. A database without any account (made before accounts
// existed) is refused with the command that creates its first director.
func (c *cli) login() (*service.Service, error) {
	if _, err := os.Stat(c.db); err != nil {
		return nil, fail(2, "không có cơ sở dữ liệu %s", c.db)
	}
	svc, err := c.open()
	if err != nil {
		return nil, err
	}
	if !svc.HasAccounts(c.ctx) {
		return nil, fail(2, "cơ sở dữ liệu %s chưa có tài khoản nào; tạo tài khoản Giám đốc đầu tiên bằng lệnh: tdktctl account admin (tên và mật khẩu lấy từ TDKT_USER, TDKT_PASSWORD)", c.db)
	}
	user, password, err := c.credentials("")
	if err != nil {
		return nil, err
	}
	return c.loginAs(svc, user, password)
}

// credentials reads TDKT_USER and TDKT_PASSWORD (else asks on the
// terminal); whose says whose account it is in the prompts ("" for the
// person's own).
func (c *cli) credentials(whose string) (user, password string, err error) {
	if user, err = c.secret("TDKT_USER", strings.TrimSpace("Tên đăng nhập "+whose)); err != nil {
		return "", "", err
	}
	if password, err = c.secret("TDKT_PASSWORD", strings.TrimSpace("Mật khẩu "+whose)); err != nil {
		return "", "", err
	}
	return user, password, nil
}

// loginAs logs in on an open database; a refused login is exit 2 with the
// service's Vietnamese sentence (which does not say whether the name or
// the password was wrong).
func (c *cli) loginAs(svc *service.Service, user, password string) (*service.Service, error) {
	logged, err := svc.Login(c.ctx, user, password)
	if errors.Is(err, domain.ErrLogin) {
		return nil, fail(2, "%s", service.Explain(err))
	}
	if err != nil {
		return nil, err
	}
	c.svc = logged
	return logged, nil
}

// firstDirector creates the first account, a director, on an open
// database that has none, from TDKT_USER / TDKT_PASSWORD (a password typed
// at the terminal is asked twice), and logs in as it.
func (c *cli) firstDirector(svc *service.Service, user, password, fullName string) (*service.Service, error) {
	if c.getenv("TDKT_PASSWORD") == "" {
		again, err := c.secret("TDKT_PASSWORD_AGAIN", "Nhập lại mật khẩu")
		if err != nil {
			return nil, err
		}
		if again != password {
			return nil, fail(2, "hai lần nhập mật khẩu không khớp; chạy lại lệnh")
		}
	}
	if strings.TrimSpace(fullName) == "" {
		fullName = user
	}
	a, err := svc.CreateFirstAdmin(c.ctx, user, fullName, password)
	if err != nil {
		return nil, err // run shows field errors and refusals as they are, exit 2
	}
	fmt.Fprintf(c.errw, "Đã tạo tài khoản Giám đốc %s (%s)\n", a.Username, a.FullName)
	return c.loginAs(svc, user, password)
}

// secret reads an environment variable, else asks on the terminal without
// echo, else fails with exit 2 and says which variable to set.
func (c *cli) secret(env, prompt string) (string, error) {
	if v := c.getenv(env); v != "" {
		return v, nil
	}
	if stdinTerminal() {
		fmt.Fprint(c.errw, prompt+": ")
		b, err := term.ReadPassword(int(os.Stdin.Fd()))
		fmt.Fprintln(c.errw)
		if err != nil {
			return "", fail(2, "không đọc được %s từ bàn phím: %v", strings.ToLower(prompt), err)
		}
		return string(b), nil
	}
	return "", fail(2, "cần %s: đặt biến môi trường %s (không có bàn phím để hỏi)", strings.ToLower(prompt), env)
}

// passphrase is the signing passphrase (mật khẩu khóa ký) of TDKT_PASSPHRASE.
func (c *cli) passphrase() (string, error) {
	return c.secret("TDKT_PASSPHRASE", "Mật khẩu khóa ký")
}

// openExisting is reader under its former name (an office database, an
// account logged in).
func (c *cli) openExisting() (*service.Service, error) { return c.reader() }

// need refuses an account whose role does not allow what a command does
// outside the service's checks (the store's backup, restoring a file).
func (c *cli) need(svc *service.Service, role domain.Role, what string) error {
	a, ok := svc.Actor()
	if ok && !a.Disabled && a.Role.Allows(role) {
		return nil
	}
	return fail(2, "tài khoản %s (%s) không được %s; việc này cần vai trò %s", a.Username, a.Role.Label(), what, role.Label())
}
