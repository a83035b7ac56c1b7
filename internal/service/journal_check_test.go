package service

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// After a passphrase change the old sealed key is nowhere in the journal,
// so the old passphrase (the demo's, say) opens nothing a reader of the
// journal could take away; the change shows as a change of fingerprint.
func TestJournal_PassphraseChangeLeavesNoSealedKeyInTheJournal(t *testing.T) {
	ctx := context.Background()
	s, _ := newAccountService(t)
	gd := s.As(domain.Account{Username: "gd.hung", Role: domain.RoleDirector})
	if err := gd.CreateSigningKey(ctx, DemoPassphrase); err != nil {
		t.Fatal(err)
	}
	old, err := s.st.Setting(ctx, settingSignSealed)
	if err != nil || old == "" {
		t.Fatalf("sealed key %q %v", old, err)
	}
	if err := gd.ChangePassphrase(ctx, DemoPassphrase, "mat-khau-khoa-moi"); err != nil {
		t.Fatal(err)
	}
	sealedNow, _ := s.st.Setting(ctx, settingSignSealed)
	if sealedNow == old {
		t.Fatal("the passphrase change did not reseal the key")
	}
	// The stored text of every entry, as a reader of the file sees it.
	db, err := sql.Open("sqlite", s.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, k := range []string{old, sealedNow} {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM audit WHERE instr(ifnull(before, '') || ifnull(after, ''), ?) > 0`, k).Scan(&n); err != nil || n != 0 {
			t.Errorf("%d journal entries hold a sealed key (%v)", n, err)
		}
	}
	es, err := s.st.Journal(ctx, store.JournalFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var change *store.JournalEntry
	for i, e := range es {
		for _, vals := range []map[string]any{e.Before, e.After} {
			for col, v := range vals {
				if str, ok := v.(string); ok && (strings.Contains(str, old) || strings.Contains(str, sealedNow)) {
					t.Errorf("journal entry %d (%s) holds a sealed key in %s", e.ID, e.Table, col)
				}
			}
		}
		if e.Table == "setting" && e.Key == `{"key":"sign.sealed"}` && e.Op == "UPDATE" {
			change = &es[i]
		}
	}
	if change == nil || change.Before["value"] == change.After["value"] || !strings.HasPrefix(change.After["value"].(string), "(ẩn) ") {
		t.Errorf("the passphrase change is not an entry with two fingerprints: %+v", change)
	}
	if c, err := gd.VerifyJournal(ctx); err != nil || !c.OK {
		t.Errorf("journal: %+v %v", c, err)
	}
}

// A clerk given the director's role with SQL (the trigger's entry deleted)
// logs in as a director, but every action that needs one is refused until
// a real director puts the account right.
func TestJournal_RoleGivenOutsideTheProgramBuysNothing(t *testing.T) {
	ctx := context.Background()
	s, gd, cv := twoAccounts(t)
	db, err := sql.Open("sqlite", s.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{`UPDATE account SET role = 'GIAM_DOC' WHERE username = 'cv.lan'`, `DELETE FROM audit WHERE hash IS NULL`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	promoted, err := s.Login(ctx, "cv.lan", "lan-12345678")
	if err != nil {
		t.Fatal(err)
	}
	err = promoted.SetAccountRole(ctx, gd.actor.ID, domain.RoleViewer)
	if !errors.Is(err, domain.ErrForbidden) || !strings.Contains(err.Error(), "vai trò trong dữ liệu là Giám đốc, nhật ký ghi Chuyên viên TĐKT") {
		t.Fatalf("the promoted clerk demoted the director: %v", err)
	}
	// Clerk's work goes on; the real director is not hindered.
	if _, err := promoted.Accounts(ctx); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("the promoted clerk listed the accounts: %v", err)
	}
	if err := gd.SetAccountRole(ctx, cv.ID, domain.RoleClerk); err != nil {
		t.Fatalf("the director puts the clerk back: %v", err)
	}
	if c, err := gd.VerifyJournal(ctx); err != nil || c.OK || !strings.Contains(strings.Join(c.Problems, "\n"), "tài khoản cv.lan đã bị sửa bằng một chương trình khác") {
		t.Errorf("the journal forgets the promotion: %+v %v", c, err)
	}
}
