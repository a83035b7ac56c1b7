package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"tdkt/internal/domain"
	"tdkt/internal/service"
)

// roleArgs are the spellings of the roles on the command line.
var roleArgs = map[string]domain.Role{
	"giam-doc":    domain.RoleDirector,
	"chuyen-vien": domain.RoleClerk,
	"chi-xem":     domain.RoleViewer,
}

func roleArg(s string) (domain.Role, error) {
	if r, ok := roleArgs[strings.ToLower(strings.TrimSpace(s))]; ok {
		return r, nil
	}
	return "", fail(2, "--role %q không hợp lệ; chọn giam-doc, chuyen-vien hoặc chi-xem", s)
}

func roleName(r domain.Role) string {
	for k, v := range roleArgs {
		if v == r {
			return k
		}
	}
	return string(r)
}

const accountUse = `cách dùng: tdktctl account admin [--full-name TÊN]
           tdktctl account create --username U --full-name TÊN --role giam-doc|chuyen-vien|chi-xem
           tdktctl account list [--json]
           tdktctl account passwd
           tdktctl account role --username U --role giam-doc|chuyen-vien|chi-xem
           tdktctl account disable|enable --username U
           tdktctl account reset --username U`

// account manages the local accounts: the first director of a database
// that has none, and the director's work on the others.
func (c *cli) account(args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fail(2, "%s", accountUse)
	}
	what, args := args[0], args[1:]
	fs := c.flags("account " + what)
	username := fs.String("username", "", "tên đăng nhập (chữ thường, không dấu)")
	fullName := fs.String("full-name", "", "họ và tên người dùng")
	role := fs.String("role", "", "giam-doc, chuyen-vien hoặc chi-xem")
	asJSON := fs.Bool("json", false, "kết quả dạng JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fail(2, "account %s: tham số thừa %q\n%s", what, pos, accountUse)
	}
	switch what {
	case "admin":
		return c.accountAdmin(*fullName)
	case "create":
		return c.accountCreate(*username, *fullName, *role)
	case "list":
		return c.accountList(*asJSON)
	case "passwd":
		return c.accountPasswd()
	case "role", "disable", "enable", "reset":
		return c.accountChange(what, *username, *role)
	}
	return fail(2, "không có lệnh account %q\n%s", what, accountUse)
}

// accountAdmin creates the first director of a database that has no
// account: one made before accounts existed, or one whose init was never run.
func (c *cli) accountAdmin(fullName string) error {
	if _, err := os.Stat(c.db); err != nil {
		return fail(2, "không có cơ sở dữ liệu %s; tạo bằng tdktctl init", c.db)
	}
	svc, err := c.open()
	if err != nil {
		return err
	}
	if svc.HasAccounts(c.ctx) {
		return fail(2, "cơ sở dữ liệu %s đã có tài khoản; Giám đốc tạo thêm tài khoản bằng tdktctl account create", c.db)
	}
	user, password, err := c.credentials("của Giám đốc")
	if err != nil {
		return err
	}
	_, err = c.firstDirector(svc, user, password, fullName)
	return err
}

func (c *cli) accountCreate(username, fullName, role string) error {
	if username == "" || fullName == "" || role == "" {
		return fail(2, "account create cần --username, --full-name và --role\n%s", accountUse)
	}
	r, err := roleArg(role)
	if err != nil {
		return err
	}
	svc, err := c.login()
	if err != nil {
		return err
	}
	password, err := c.newPassword()
	if err != nil {
		return err
	}
	a, err := svc.CreateAccount(c.ctx, domain.Account{Username: username, FullName: fullName, Role: r}, password)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã tạo tài khoản %s (%s, %s)\n", a.Username, a.FullName, a.Role.Label())
	return nil
}

// newPassword is the password for an account being created or reset, or
// the new password of account passwd: TDKT_NEW_PASSWORD, else asked twice.
func (c *cli) newPassword() (string, error) {
	pw, err := c.secret("TDKT_NEW_PASSWORD", "Mật khẩu mới")
	if err != nil {
		return "", err
	}
	if c.getenv("TDKT_NEW_PASSWORD") == "" {
		again, err := c.secret("TDKT_NEW_PASSWORD_AGAIN", "Nhập lại mật khẩu mới")
		if err != nil {
			return "", err
		}
		if again != pw {
			return "", fail(2, "hai lần nhập mật khẩu mới không khớp; chạy lại lệnh")
		}
	}
	return pw, nil
}

// accountJSON is one account of account list --json.
type accountJSON struct {
	Username    string `json:"username"`
	FullName    string `json:"full_name"`
	Role        string `json:"role"` // giam-doc, chuyen-vien, chi-xem
	Disabled    bool   `json:"disabled"`
	LockedUntil string `json:"locked_until,omitempty"` // RFC 3339, while locked
}

func (c *cli) accountList(asJSON bool) error {
	svc, err := c.login()
	if err != nil {
		return err
	}
	as, err := svc.Accounts(c.ctx)
	if err != nil {
		return err
	}
	now := c.now()
	if asJSON {
		out := make([]accountJSON, 0, len(as))
		for _, a := range as {
			j := accountJSON{Username: a.Username, FullName: a.FullName, Role: roleName(a.Role), Disabled: a.Disabled}
			if a.LockedUntil.After(now) {
				j.LockedUntil = a.LockedUntil.Format("2006-01-02T15:04:05Z07:00")
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, a := range as {
		state := "đang dùng"
		switch {
		case a.Disabled:
			state = "ngừng sử dụng"
		case a.LockedUntil.After(now):
			state = "bị khóa đến " + a.LockedUntil.In(now.Location()).Format("15:04 02/01/2006")
		}
		fmt.Fprintf(c.out, "%s\t%s\t%s\t%s\n", a.Username, a.FullName, a.Role.Label(), state)
	}
	return nil
}

// accountPasswd changes the password of the account that logs in
// (TDKT_USER / TDKT_PASSWORD) to TDKT_NEW_PASSWORD.
func (c *cli) accountPasswd() error {
	if _, err := os.Stat(c.db); err != nil {
		return fail(2, "không có cơ sở dữ liệu %s", c.db)
	}
	svc, err := c.open()
	if err != nil {
		return err
	}
	user, old, err := c.credentials("")
	if err != nil {
		return err
	}
	logged, err := c.loginAs(svc, user, old)
	if err != nil {
		return err
	}
	pw, err := c.newPassword()
	if err != nil {
		return err
	}
	if err := logged.ChangePassword(c.ctx, old, pw); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã đổi mật khẩu của %s\n", strings.ToLower(strings.TrimSpace(user)))
	return nil
}

// accountChange is the director's work on another account: its role,
// disabling or enabling it, a new password.
func (c *cli) accountChange(what, username, role string) error {
	if username == "" || (what == "role") != (role != "") {
		return fail(2, "account %s: tham số chưa đúng\n%s", what, accountUse)
	}
	svc, err := c.login()
	if err != nil {
		return err
	}
	as, err := svc.Accounts(c.ctx)
	if err != nil {
		return err
	}
	var target *domain.Account
	for i := range as {
		if as[i].Username == service.CleanUsername(username) {
			target = &as[i]
		}
	}
	if target == nil {
		return fail(2, "không có tài khoản %q (xem tdktctl account list)", username)
	}
	var msg string
	switch what {
	case "role":
		r, err := roleArg(role)
		if err != nil {
			return err
		}
		if err := svc.SetAccountRole(c.ctx, target.ID, r); err != nil {
			return err
		}
		msg = fmt.Sprintf("Tài khoản %s nay có vai trò %s", target.Username, r.Label())
	case "disable":
		if err := svc.DisableAccount(c.ctx, target.ID); err != nil {
			return err
		}
		msg = fmt.Sprintf("Đã ngừng tài khoản %s", target.Username)
	case "enable":
		if err := svc.EnableAccount(c.ctx, target.ID); err != nil {
			return err
		}
		msg = fmt.Sprintf("Đã mở lại tài khoản %s", target.Username)
	case "reset":
		pw, err := c.newPassword()
		if err != nil {
			return err
		}
		if err := svc.ResetPassword(c.ctx, target.ID, pw); err != nil {
			return err
		}
		msg = fmt.Sprintf("Đã đặt mật khẩu mới cho %s", target.Username)
	}
	fmt.Fprintln(c.out, msg)
	return nil
}
