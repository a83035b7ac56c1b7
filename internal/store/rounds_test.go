package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"tdkt/internal/domain"
)

func TestTx_RoundsNomineesCouncil(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	var roundID, nID, uID int64
	mustWrite(t, s, func(tx *Tx) error {
		p := domain.Person{StaffCode: "CB01", FullName: "Lê Thị Ánh", BirthDate: domain.MustDate("02/03/1985"), Gender: domain.Female,
			RecruitedOn: domain.MustDate("01/09/2008"), UnitCode: "42.KHTC"}
		if _, err := tx.CreatePerson(p); err != nil {
			return err
		}
		var err error
		if roundID, err = tx.CreateRound(domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: "Đợt đề nghị khen thưởng năm 2025", Status: domain.StatusDraft}); err != nil {
			return err
		}
		n := domain.Nominee{RoundID: roundID, Subject: domain.PersonSubject("CB01"), Award: "CSTDCS", Eligible: false, Reasons: []string{"Thiếu sáng kiến năm 2025"},
			Report: domain.ReportText{Duties: "Kế toán", Achievements: "Dòng 1\nDòng 2", Policy: "Tốt"}}
		if nID, err = tx.AddNominee(n); err != nil {
			return err
		}
		if _, err := tx.AddNominee(n); !errors.Is(err, domain.ErrDuplicate) {
			t.Errorf("same subject and award twice in a round: %v", err)
		}
		if uID, err = tx.AddNominee(domain.Nominee{RoundID: roundID, Subject: domain.UnitSubject("42.KHTC"), Award: "TTLDTT", Eligible: true}); err != nil {
			return err
		}
		if _, err := tx.AddNominee(domain.Nominee{RoundID: roundID, Subject: domain.PersonSubject("NOPE"), Award: "GK"}); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("unknown person: %v", err)
		}
		return tx.AttachNomineeFile(nID, "QĐ sáng kiến.pdf", []byte("scan"))
	})
	rs, err := s.Rounds(ctx)
	if err != nil || len(rs) != 1 || rs[0].ID != roundID || rs[0].Status != domain.StatusDraft || rs[0].Kind != domain.RoundRegular {
		t.Fatalf("rounds %+v %v", rs, err)
	}
	ns, err := s.Nominees(ctx, roundID)
	if err != nil || len(ns) != 2 {
		t.Fatalf("nominees %+v %v", ns, err)
	}
	want := domain.Nominee{ID: nID, RoundID: roundID, Subject: domain.PersonSubject("CB01"), Award: "CSTDCS", Reasons: []string{"Thiếu sáng kiến năm 2025"},
		Report: domain.ReportText{Duties: "Kế toán", Achievements: "Dòng 1\nDòng 2", Policy: "Tốt"}, Attachments: []string{"QĐ sáng kiến.pdf"}}
	if !reflect.DeepEqual(ns[0], want) || ns[1].Subject != domain.UnitSubject("42.KHTC") || !ns[1].Eligible || ns[1].Reasons == nil {
		t.Errorf("nominees read back:\n%+v\n%+v", ns[0], ns[1])
	}
	if counts, _ := s.NomineeCounts(ctx); counts[roundID] != 2 {
		t.Errorf("counts %v", counts)
	}
	// The same subject and award in another round of the year is found.
	mustWrite(t, s, func(tx *Tx) error {
		other, err := tx.NominationsOf(domain.PersonSubject("CB01"), "CSTDCS", 2025)
		if err != nil || len(other) != 1 || other[0].ID != nID {
			t.Errorf("NominationsOf: %+v %v", other, err)
		}
		none, _ := tx.NominationsOf(domain.PersonSubject("CB01"), "CSTDCS", 2024)
		if len(none) != 0 {
			t.Errorf("NominationsOf 2024: %+v", none)
		}
		return nil
	})
	// Council round trip; votes only for the round's nominees.
	// The minutes' own texts come back as written: the discussion over
	// several lines, the tellers in order, the absent member's opinion.
	c := domain.Council{RoundID: roundID, Date: domain.MustDate("14/01/2026"), Start: "08:00", End: "11:00", Place: "Hội trường", Method: domain.VoteSecret,
		Members: []domain.CouncilMember{{Name: "A", Position: "Giám đốc", Role: "Chủ tịch Hội đồng", Present: true},
			{Name: "B", Role: "Ủy viên", Opinion: "Nhất trí với danh sách đề nghị khen thưởng do Thường trực Hội đồng trình."}},
		Votes:      []domain.Vote{{NomineeID: nID, For: 1}, {NomineeID: uID, For: 1, Against: 0, Abstain: 0}},
		Discussion: "Các thành viên thống nhất.\nCó ý kiến về trường hợp sáng kiến.",
		Tellers:    []string{"A", "Trần Văn Bình"}}
	mustWrite(t, s, func(tx *Tx) error { return tx.SaveCouncil(c) })
	got, ok, err := s.Council(ctx, roundID)
	if err != nil || !ok || !reflect.DeepEqual(got, c) {
		t.Errorf("council read back:\n%+v\nwant\n%+v (%v)", got, c, err)
	}
	// Saved again without them, nothing of the old texts is left.
	mustWrite(t, s, func(tx *Tx) error {
		return tx.SaveCouncil(domain.Council{RoundID: roundID, Method: domain.VoteShowOfHands, Members: []domain.CouncilMember{{Name: "B"}}})
	})
	if got, _, _ := s.Council(ctx, roundID); got.Discussion != "" || got.Tellers != nil || got.Members[0].Opinion != "" {
		t.Errorf("council saved without minutes' texts: %+v", got)
	}
	err = s.Write(ctx, func(tx *Tx) error {
		return tx.SaveCouncil(domain.Council{RoundID: roundID, Method: domain.VoteSecret, Votes: []domain.Vote{{NomineeID: 999, For: 1}}})
	})
	if !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("vote for a nominee of no round: %v", err)
	}
	// SaveNominee keeps listed files only; deleting the round cascades.
	ns[0].Attachments = nil
	ns[0].Justification = "Giải trình"
	mustWrite(t, s, func(tx *Tx) error { return tx.SaveNominee(ns[0]) })
	if n, _, _ := s.Nominee(ctx, nID); n.Justification != "Giải trình" || n.Attachments != nil {
		t.Errorf("after save: %+v", n)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteRound(roundID) })
	for _, table := range []string{"nominee", "nominee_attachment", "council", "council_member", "vote"} {
		if n := countRows(t, s.write, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%s keeps %d rows after the round is deleted", table, n)
		}
	}
}

// The round's own dates and numbers are kept as entered: its Tờ trình's
// date, the council's times, and the office's decisions, each decision
// replaced when entered again and gone with its round.
func TestTx_RoundDatesAndDecisions(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	var id int64
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		id, err = tx.CreateRound(domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: "Năm 2025", Status: domain.StatusDraft,
			Number: 15, Date: domain.MustDate("20/01/2026")})
		if err != nil {
			return err
		}
		if err := tx.SaveCouncil(domain.Council{RoundID: id, Date: domain.MustDate("14/01/2026"), Start: "08:00", End: "11:30",
			Place: "Hội trường", Method: domain.VoteSecret}); err != nil {
			return err
		}
		if err := tx.SaveDecision(id, domain.RoundDecision{Award: "CSTDCS", Number: "12", Date: domain.MustDate("22/01/2026")}); err != nil {
			return err
		}
		return tx.SaveDecision(id, domain.RoundDecision{Award: "CSTDCS", Number: "12/QĐ-BHXH", Date: domain.MustDate("23/01/2026"),
			Signer: "Nguyễn Văn Hùng", Recorded: true})
	})
	r, _, err := s.Round(ctx, id)
	if err != nil || r.Number != 15 || r.Date != domain.MustDate("20/01/2026") {
		t.Errorf("round %+v %v", r, err)
	}
	c, met, err := s.Council(ctx, id)
	if err != nil || !met || c.Start != "08:00" || c.End != "11:30" {
		t.Errorf("council %+v %v %v", c, met, err)
	}
	ds, err := s.Decisions(ctx, id)
	want := []domain.RoundDecision{{Award: "CSTDCS", Number: "12/QĐ-BHXH", Date: domain.MustDate("23/01/2026"), Signer: "Nguyễn Văn Hùng", Recorded: true}}
	if err != nil || !reflect.DeepEqual(ds, want) {
		t.Errorf("decisions %+v %v", ds, err)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteRound(id) })
	if ds, _ := s.Decisions(ctx, id); len(ds) != 0 {
		t.Errorf("decisions of a deleted round: %+v", ds)
	}
}

// A council recorded before the minutes had their own texts reads back
// with none after the upgrade, the catalogue gains the parameter on
// written opinions once, and the journal still accounts for every record.
func TestCouncil_UpgradeAddsMinutesTexts(t *testing.T) {
	ctx := context.Background()
	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	before := 0 // how many migrations come before the council's texts
	for before < len(all) && all[before].version < 14 {
		before++
	}
	migrationsUpTo(t, before)
	path := filepath.Join(t.TempDir(), "tdkt.db")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, s, func(tx *Tx) error {
		id, err := tx.CreateRound(domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: "Năm 2025", Status: domain.StatusDraft})
		if err != nil {
			return err
		}
		// An office created before the parameter existed does not have it
		// (the seed of a new file has it from the default catalogue).
		if _, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM catalogue_param WHERE key = 'council.written_opinions_count'`); err != nil {
			return err
		}
		// The council as the older program wrote it, with its columns.
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO council(round_id, date, start_time, end_time, place, method) VALUES (?, '2026-01-14', '08:00', '11:00', 'Hội trường', 'BO_PHIEU_KIN')`, id); err != nil {
			return err
		}
		_, err = tx.tx.ExecContext(tx.ctx, `INSERT INTO council_member(round_id, position, name, title, role, present) VALUES (?, 1, 'Nguyễn Văn Hùng', 'Giám đốc', 'Chủ tịch Hội đồng', 0)`, id)
		return err
	})
	s.Close()
	migrationFiles = migrationFS

	s = openAt(t, path)
	rs, _ := s.Rounds(ctx)
	c, met, err := s.Council(ctx, rs[0].ID)
	if err != nil || !met || c.Discussion != "" || c.Tellers != nil || len(c.Members) != 1 || c.Members[0].Opinion != "" || c.Members[0].Name != "Nguyễn Văn Hùng" {
		t.Errorf("council after the upgrade: %+v %v %v", c, met, err)
	}
	n := countRows(t, s.write, `SELECT count(*) FROM catalogue_param WHERE key = 'council.written_opinions_count' AND value = 'true' AND regime = ''`)
	if n != 1 {
		t.Errorf("%d rows of council.written_opinions_count after the upgrade, want 1", n)
	}
	if jc := verify(t, s); !jc.OK {
		t.Errorf("journal after the upgrade: %+v", jc)
	}
}
