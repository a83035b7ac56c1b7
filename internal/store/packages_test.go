package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"tdkt/internal/domain"
)

func TestTx_PackagesSentFeedbackAndDecisions(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	var roundID, nID int64
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		if roundID, err = tx.CreateRound(domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: "Đợt 2025", Status: domain.StatusApproved}); err != nil {
			return err
		}
		nID, err = tx.AddNominee(domain.Nominee{RoundID: roundID, Subject: domain.UnitSubject("42.KHTC"), Award: "TTLDTT", Eligible: true})
		return err
	})
	// A new nominee has no decision; SetNomineeDecision records it and
	// SaveNominee leaves it alone.
	n, _, err := s.Nominee(ctx, nID)
	if err != nil || n.Decision != "" || n.DecisionNote != "" {
		t.Fatalf("new nominee %+v %v", n, err)
	}
	mustWrite(t, s, func(tx *Tx) error {
		return tx.SetNomineeDecision(nID, domain.DecisionGranted, "Quyết định số 12/QĐ-BHXH")
	})
	mustWrite(t, s, func(tx *Tx) error { n.Justification = "sửa"; return tx.SaveNominee(n) })
	if n, _, _ := s.Nominee(ctx, nID); n.Decision != domain.DecisionGranted || n.DecisionNote != "Quyết định số 12/QĐ-BHXH" || n.Justification != "sửa" {
		t.Errorf("after the decision and an edit: %+v", n)
	}
	err = s.Write(ctx, func(tx *Tx) error { return tx.SetNomineeDecision(999, domain.DecisionRefused, "") })
	if !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("decision on no nominee: %v", err)
	}
	err = s.Write(ctx, func(tx *Tx) error { return tx.SetNomineeDecision(nID, "KHAC", "") })
	if err == nil {
		t.Error("a decision outside the closed list was stored")
	}

	// Packages sent: newest first; the round's deletion keeps the record.
	at := time.Date(2026, 1, 20, 8, 0, 0, 0, time.UTC)
	mustWrite(t, s, func(tx *Tx) error {
		for i, name := range []string{"a.zip", "b.zip"} {
			if _, err := tx.AddPackageSent(PackageRecord{RoundID: roundID, FileName: name, Path: "/goi/" + name, CreatedAt: at.Add(time.Duration(i) * time.Hour),
				SHA256: name, Bytes: int64(100 + i), Encrypted: i == 1}); err != nil {
				return err
			}
		}
		return nil
	})
	ps, err := s.PackagesSent(ctx)
	if err != nil || len(ps) != 2 || ps[0].FileName != "b.zip" || !ps[0].Encrypted || ps[0].Kind != "submission" || !ps[1].CreatedAt.Equal(at) || ps[1].RoundID != roundID {
		t.Fatalf("packages sent %+v %v", ps, err)
	}

	// Feedback: one row per file hash.
	mustWrite(t, s, func(tx *Tx) error {
		if _, ok, err := tx.FeedbackBySHA("abc"); err != nil || ok {
			t.Errorf("feedback before import: %v %v", ok, err)
		}
		_, err := tx.AddFeedback(FeedbackRecord{SHA256: "abc", FileName: "ph.zip", RoundID: roundID, Year: 2025, CreatedAt: "2026-02-20T08:00:00Z", Granted: 3, Refused: 1})
		return err
	})
	mustWrite(t, s, func(tx *Tx) error {
		r, ok, err := tx.FeedbackBySHA("abc")
		if err != nil || !ok || r.Granted != 3 || r.Refused != 1 || r.RoundID != roundID || !r.ImportedAt.Equal(fixedNow) {
			t.Errorf("feedback read back %+v %v %v", r, ok, err)
		}
		return nil
	})
	if err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.AddFeedback(FeedbackRecord{SHA256: "abc", FileName: "lai.zip", Year: 2025})
		return err
	}); err == nil {
		t.Error("the same feedback file recorded twice")
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteRound(roundID) })
	ps, _ = s.PackagesSent(ctx)
	fs, _ := s.Feedbacks(ctx)
	if len(ps) != 2 || ps[0].RoundID != 0 || len(fs) != 1 || fs[0].RoundID != 0 {
		t.Errorf("after deleting the round: %+v %+v", ps, fs)
	}

	// Settings read inside a transaction.
	mustWrite(t, s, func(tx *Tx) error {
		if v, err := tx.Setting("sign.public"); err != nil || v != "" {
			t.Errorf("missing setting: %q %v", v, err)
		}
		if err := tx.SetSetting("sign.public", "AAAA"); err != nil {
			return err
		}
		if v, err := tx.Setting("sign.public"); err != nil || v != "AAAA" {
			t.Errorf("setting: %q %v", v, err)
		}
		return nil
	})
}
