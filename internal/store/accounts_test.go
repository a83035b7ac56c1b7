package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"tdkt/internal/domain"
)

const testHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"

func TestTx_AccountsCreateReadUpdate(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if has, err := s.HasAccounts(ctx); err != nil || has {
		t.Fatalf("fresh database: has accounts %v, %v", has, err)
	}
	var gd, cv int64
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		if gd, err = tx.CreateAccount(domain.Account{Username: "gd.hung", FullName: "Nguyễn Văn Hùng", Role: domain.RoleDirector}, testHash); err != nil {
			return err
		}
		cv, err = tx.CreateAccount(domain.Account{Username: "cv.lan", FullName: "Lê Thị Lan", Role: domain.RoleClerk}, testHash+"x")
		return err
	})
	if has, err := s.HasAccounts(ctx); err != nil || !has {
		t.Fatalf("after create: has accounts %v, %v", has, err)
	}
	err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.CreateAccount(domain.Account{Username: "gd.hung", FullName: "Khác", Role: domain.RoleViewer}, testHash)
		return err
	})
	if !errors.Is(err, domain.ErrDuplicate) || len(domain.AsFieldErrors(err)) != 1 || domain.AsFieldErrors(err)[0].Field != "Tên đăng nhập" {
		t.Errorf("same user name twice: %v", err)
	}
	// The schema itself refuses what the service should never send.
	for name, a := range map[string]domain.Account{
		"upper case":   {Username: "GD.Hung", FullName: "x", Role: domain.RoleViewer},
		"unknown role": {Username: "x", FullName: "x", Role: "ADMIN"},
	} {
		if err := s.Write(ctx, func(tx *Tx) error { _, err := tx.CreateAccount(a, testHash); return err }); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
	if err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.CreateAccount(domain.Account{Username: "y", FullName: "y", Role: domain.RoleViewer}, "plain password")
		return err
	}); err == nil {
		t.Error("a password that is not an argon2id hash was stored")
	}

	as, err := s.Accounts(ctx)
	if err != nil || len(as) != 2 || as[0].Username != "cv.lan" || as[1].Username != "gd.hung" || as[1].Role != domain.RoleDirector || as[1].CreatedAt.IsZero() {
		t.Fatalf("accounts: %+v %v", as, err)
	}
	a, hash, ok, err := s.AccountByName(ctx, "cv.lan")
	if err != nil || !ok || a.ID != cv || hash != testHash+"x" || a.FullName != "Lê Thị Lan" {
		t.Fatalf("by name: %+v %q %v %v", a, hash, ok, err)
	}
	if _, _, ok, err := s.AccountByName(ctx, "nobody"); ok || err != nil {
		t.Fatalf("unknown name: %v %v", ok, err)
	}

	until := time.Date(2026, 3, 1, 9, 15, 0, 0, time.FixedZone("ICT", 7*3600))
	mustWrite(t, s, func(tx *Tx) error {
		n, err := tx.ActiveDirectors()
		if err != nil || n != 1 {
			t.Errorf("active directors: %d %v", n, err)
		}
		a.Role, a.Disabled, a.FullName = domain.RoleDirector, true, "Lê Thị Lan (nghỉ)"
		if err := tx.UpdateAccount(a); err != nil {
			return err
		}
		if n, _ := tx.ActiveDirectors(); n != 1 {
			t.Errorf("a disabled director counted: %d", n)
		}
		return tx.SetLoginState(gd, 5, until)
	})
	a, _, _, _ = s.AccountByName(ctx, "gd.hung")
	if a.Failures != 5 || !a.LockedUntil.Equal(until) {
		t.Fatalf("login state: %d %v", a.Failures, a.LockedUntil)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.SetPassword(gd, testHash+"new") })
	a, hash, _, _ = s.AccountByName(ctx, "gd.hung")
	if a.Failures != 0 || !a.LockedUntil.IsZero() || hash != testHash+"new" {
		t.Fatalf("a new password did not clear the lock: %+v %q", a, hash)
	}
	b, _, _, _ := s.AccountByName(ctx, "cv.lan")
	if !b.Disabled || b.Role != domain.RoleDirector || b.FullName != "Lê Thị Lan (nghỉ)" {
		t.Fatalf("update: %+v", b)
	}
	if err := s.Write(ctx, func(tx *Tx) error { return tx.SetPassword(999, testHash) }); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown account: %v", err)
	}
}

func TestTx_RoundEventsAndSignOff(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var id int64
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		if id, err = tx.CreateRound(domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: "Đợt 2025", Status: domain.StatusDraft}); err != nil {
			return err
		}
		for _, e := range []RoundEvent{
			{RoundID: id, At: at, Actor: "cv.lan", To: domain.StatusDraft},
			{RoundID: id, At: at.Add(time.Hour), Actor: "cv.lan", From: domain.StatusDraft, To: domain.StatusSubmitted},
			{RoundID: id, At: at.Add(2 * time.Hour), Actor: "gd.hung", From: domain.StatusSubmitted, To: domain.StatusDraft, Reason: "Thiếu biên bản"},
		} {
			if err := tx.AddRoundEvent(e); err != nil {
				return err
			}
		}
		return nil
	})
	es, err := s.RoundEvents(ctx, id)
	if err != nil || len(es) != 3 || es[2].Reason != "Thiếu biên bản" || es[2].Actor != "gd.hung" || es[1].From != domain.StatusDraft ||
		es[0].From != "" || !es[2].At.Equal(at.Add(2*time.Hour)) {
		t.Fatalf("events: %+v %v", es, err)
	}
	if err := s.Write(ctx, func(tx *Tx) error {
		return tx.AddRoundEvent(RoundEvent{RoundID: id, At: at, Actor: "x", From: domain.StatusDraft, To: "KHAC"})
	}); err == nil {
		t.Error("an unknown status was recorded")
	}
	// Deleting the round takes its history with it (the audit journal keeps the deletion).
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteRound(id) })
	if es, _ := s.RoundEvents(ctx, id); len(es) != 0 {
		t.Errorf("events of a deleted round: %+v", es)
	}

	if _, _, ok, err := s.SignOff(ctx, 2025); ok || err != nil {
		t.Fatalf("no sign-off yet: %v %v", ok, err)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.SetSignOff(2025, "gd.hung", at) })
	who, when, ok, err := s.SignOff(ctx, 2025)
	if !ok || err != nil || who != "gd.hung" || !when.Equal(at) {
		t.Fatalf("sign-off: %q %v %v %v", who, when, ok, err)
	}
	if _, _, ok, _ := s.SignOff(ctx, 2024); ok {
		t.Error("another year signed off")
	}
	mustWrite(t, s, func(tx *Tx) error {
		if _, _, ok, _ := tx.SignOff(2025); !ok {
			t.Error("sign-off not visible inside a transaction")
		}
		return tx.DeleteSignOff(2025)
	})
	if _, _, ok, _ := s.SignOff(ctx, 2025); ok {
		t.Error("sign-off not withdrawn")
	}
}

func TestJournal_KeepsPasswordHashesOut(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var id int64
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		id, err = tx.CreateAccount(domain.Account{Username: "gd.hung", FullName: "Nguyễn Văn Hùng", Role: domain.RoleDirector}, testHash)
		return err
	})
	mustWrite(t, s, func(tx *Tx) error { return tx.SetPassword(id, testHash+"x") })
	es, err := s.Journal(ctx, JournalFilter{Table: "account"})
	if err != nil || len(es) != 2 {
		t.Fatalf("account entries: %d %v", len(es), err)
	}
	for _, e := range es {
		for _, vals := range []map[string]any{e.Before, e.After} {
			for col, v := range vals {
				if str, ok := v.(string); ok && strings.Contains(str, "argon2") {
					t.Fatalf("the journal holds a password hash in %s.%s: %q", e.Table, col, str)
				}
			}
		}
	}
	// The change of password is still an entry of its own.
	if es[0].Op != "UPDATE" || !strings.HasPrefix(es[0].After["password_hash"].(string), secretMark+" ") {
		t.Fatalf("password change entry: %+v", es[0])
	}
	if jc, err := s.VerifyJournal(ctx); err != nil || !jc.OK {
		t.Fatalf("chain: %+v %v", jc, err)
	}
}
