package service

import (
	"context"
	"fmt"

	"tdkt/internal/domain"
)

// As returns the service acting for account a: every change is checked
// against a's role and recorded under a's user name in the audit journal.
// The application calls it only with an account that logged in (Login);
// tests call it with a role they need.
func (s *Service) As(a domain.Account) *Service {
	c := *s
	c.actor = &a
	c.st = s.st.As(a.Username)
	return &c
}

// Actor is the account the service acts for; ok is false before a login.
func (s *Service) Actor() (a domain.Account, ok bool) {
	if s.actor == nil {
		return domain.Account{}, false
	}
	return *s.actor, true
}

// require refuses, with a sentence naming the role needed, an action the
// current account's role does not allow. The UI hides what a role cannot
// do; this check is what makes it true.
func (s *Service) require(need domain.Role) error {
	if s.actor == nil {
		return fmt.Errorf("chưa đăng nhập; đăng nhập để %s: %w", needText(need), domain.ErrForbidden)
	}
	a := *s.actor
	if a.ID > 0 {
		// The account as it is now, not as it was at login: a director who
		// disables an account or lowers its role stops it at once, not at
		// its next login. One primary-key read, cheap beside any action.
		now, _, ok, err := s.st.Account(context.Background(), a.ID)
		if err != nil {
			return fmt.Errorf("đọc tài khoản %s: %w", a.Username, err)
		}
		if !ok {
			return fmt.Errorf("tài khoản %s không còn; đăng nhập lại: %w", a.Username, domain.ErrForbidden)
		}
		a = now
	}
	if a.Disabled {
		return fmt.Errorf("tài khoản %s đã bị ngừng sử dụng; liên hệ Giám đốc: %w", a.Username, domain.ErrForbidden)
	}
	if !a.Role.Allows(need) {
		return fmt.Errorf("tài khoản %s (%s) không được %s; việc này cần vai trò %s: %w",
			a.Username, a.Role.Label(), needText(need), need.Label(), domain.ErrForbidden)
	}
	if need == domain.RoleDirector && a.ID > 0 {
		return s.journalVouchesFor(a) // journal.go
	}
	return nil
}

func needText(need domain.Role) string {
	switch need {
	case domain.RoleDirector:
		return "thực hiện việc của Giám đốc"
	case domain.RoleClerk:
		return "thay đổi dữ liệu"
	}
	return "xem dữ liệu"
}
