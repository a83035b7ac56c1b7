package service

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

func TestJournal_RolesAndUndoOfADeletedRound(t *testing.T) {
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }
	st, err := store.Open(filepath.Join(t.TempDir(), "j.db"), store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	base := New(st, now)
	clerk := base.As(domain.Account{Username: "cv.lan", Role: domain.RoleClerk})
	viewer := base.As(domain.Account{Username: "xem", Role: domain.RoleViewer})

	// Nobody logged in reads nothing.
	if _, err := base.Journal(ctx, store.JournalFilter{}); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("Journal without login: %v", err)
	}
	if _, err := base.VerifyJournal(ctx); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("VerifyJournal without login: %v", err)
	}

	id, err := clerk.CreateRound(ctx, domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: "Đợt thử", Status: domain.StatusDraft})
	if err != nil {
		t.Fatal(err)
	}
	if err := clerk.DeleteRound(ctx, id); err != nil {
		t.Fatal(err)
	}

	// A viewer reads the journal, checks it and sees the deletion…
	es, err := viewer.Journal(ctx, store.JournalFilter{RoundID: id})
	if err != nil || len(es) == 0 {
		t.Fatalf("viewer's journal of the round: %d entries, %v", len(es), err)
	}
	if es[0].Actor != "cv.lan" || es[0].Op != "DELETE" {
		t.Fatalf("newest entry %+v", es[0])
	}
	if c, err := viewer.VerifyJournal(ctx); err != nil || !c.OK {
		t.Fatalf("chain: %+v %v", c, err)
	}
	ds, err := viewer.Deletions(ctx, 10)
	if err != nil || len(ds) != 1 {
		t.Fatalf("deletions %+v %v", ds, err)
	}
	// …but may not undo it.
	if _, err := viewer.UndoDeletion(ctx, ds[0].Tx); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer undid a deletion: %v", err)
	}
	if _, err := clerk.Round(ctx, id); err == nil {
		t.Fatal("round exists before the undo")
	}

	n, err := clerk.UndoDeletion(ctx, ds[0].Tx)
	if err != nil || n < 1 {
		t.Fatalf("undo: %d %v", n, err)
	}
	if r, err := clerk.Round(ctx, id); err != nil || r.Name != "Đợt thử" {
		t.Fatalf("round after the undo: %+v %v", r, err)
	}
	if _, err := clerk.UndoDeletion(ctx, ds[0].Tx); err == nil {
		t.Fatal("a deletion was undone twice")
	}
	if c, err := viewer.VerifyJournal(ctx); err != nil || !c.OK {
		t.Fatalf("chain after the undo: %+v %v", c, err)
	}
}
