package service

import (
	"context"
	"fmt"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// The audit journal as people reach it: anyone logged in reads it and
// checks its chain; undoing a deletion is a change, so it needs a clerk.

// Journal lists the journal entries matching f, newest first.
func (s *Service) Journal(ctx context.Context, f store.JournalFilter) ([]store.JournalEntry, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Journal(ctx, f)
}

// VerifyJournal recomputes the journal's hash chain and reports the first
// entry edited, deleted or added outside the application, the journal's
// triggers dropped or changed, and the accounts, settings, office and
// catalogue records that differ from what the journal records.
func (s *Service) VerifyJournal(ctx context.Context) (store.JournalCheck, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return store.JournalCheck{}, err
	}
	return s.st.VerifyJournal(ctx)
}

// Deletions lists the latest changes that deleted records, newest first
// (limit 0: all of them).
func (s *Service) Deletions(ctx context.Context, limit int) ([]store.Deletion, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Deletions(ctx, limit)
}

// UndoDeletion puts back every record the change numbered tx deleted and
// returns how many; the re-inserts are journaled under the current account.
func (s *Service) UndoDeletion(ctx context.Context, tx int64) (int, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	var n int
	err := s.st.Write(ctx, func(t *store.Tx) error {
		var err error
		n, err = t.UndoDeletion(tx)
		return err
	})
	return n, err
}

// journalVouchesFor refuses what needs a director (role changes, restore,
// the catalogue, approving a round) to an account the journal does not
// account for: its role, password or state changed with another program,
// or its password hash shared with another account. That is how a role
// given with SQL would be used, so the promotion buys nothing. The check
// is of the one account, cheap enough for every such action; the whole
// journal is VerifyJournal's. A director other than the account puts it
// right through the program, which vouches for it again.
func (s *Service) journalVouchesFor(a domain.Account) error {
	p, err := s.st.AccountProblem(context.Background(), a.ID)
	if err != nil {
		return fmt.Errorf("đối chiếu tài khoản %s với nhật ký thay đổi: %w", a.Username, err)
	}
	if p == "" {
		return nil
	}
	return fmt.Errorf("tài khoản %s không được làm việc cần quyền Giám đốc vì nhật ký thay đổi không ghi lại một thay đổi của chính tài khoản này: %s "+
		"Hãy báo người quản trị; một Giám đốc khác sửa lại tài khoản này trong chương trình (vai trò, mật khẩu) rồi làm lại: %w", a.Username, p, domain.ErrForbidden)
}
