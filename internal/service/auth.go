package service

import (
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
	if s.actor.Disabled || !s.actor.Role.Allows(need) {
		return fmt.Errorf("tài khoản %s (%s) không được %s; việc này cần vai trò %s: %w",
			s.actor.Username, s.actor.Role.Label(), needText(need), need.Label(), domain.ErrForbidden)
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
