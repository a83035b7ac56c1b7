package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"tdkt/internal/domain"
	"tdkt/internal/service"
)

// writer opens the existing database and returns the service acting for
// the account of TDKT_USER / TDKT_PASSWORD (else asked on the terminal,
// else exit 2): every command that changes data or writes a file goes
// through it, and the service checks the account's role.
func (c *cli) writer() (*service.Service, error) {
	svc, err := c.openExisting()
	if err != nil {
		return nil, err
	}
	// TODO(accounts): log in; until then the CLI acts as a director.
	c.svc = svc.As(domain.Account{Username: "tdktctl", Role: domain.RoleDirector})
	return c.svc, nil
}

// secret reads an environment variable, else asks on the terminal without
// echo, else fails with exit 2 and says which variable to set.
func (c *cli) secret(env, prompt string) (string, error) {
	if v := c.getenv(env); v != "" {
		return v, nil
	}
	if term.IsTerminal(int(os.Stdin.Fd())) {
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
