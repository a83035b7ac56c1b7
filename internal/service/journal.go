package service

import (
	"context"

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
// entry edited, deleted or added outside the application.
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
