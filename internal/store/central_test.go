package store

import (
	"context"
	"errors"
	"testing"

	"tdkt/internal/domain"
)

func TestCentral_KeyringPackagesPeopleDecisions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)

	// Keyring: saved by code, replaced, removed.
	mustWrite(t, s, func(tx *Tx) error {
		if err := tx.SaveUnitKey(UnitKey{UnitCode: "QNI", Name: "BHXH Quảng Ninh", PublicKey: "k1", Fingerprint: "F1"}); err != nil {
			return err
		}
		if err := tx.SaveUnitKey(UnitKey{UnitCode: "HTI", Name: "BHXH Hà Tĩnh", PublicKey: "k2", Fingerprint: "F2"}); err != nil {
			return err
		}
		return tx.SaveUnitKey(UnitKey{UnitCode: "QNI", Name: "BHXH tỉnh Quảng Ninh", PublicKey: "k3", Fingerprint: "F3"})
	})
	ks, err := s.UnitKeys(ctx)
	if err != nil || len(ks) != 2 || ks[0].UnitCode != "HTI" || ks[1].PublicKey != "k3" || ks[1].Name != "BHXH tỉnh Quảng Ninh" || !ks[1].AddedAt.Equal(fixedNow) {
		t.Fatalf("keyring %+v %v", ks, err)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.RemoveUnitKey("QNI") })
	if err := s.Write(ctx, func(tx *Tx) error { return tx.RemoveUnitKey("QNI") }); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("removing a missing key: %v", err)
	}

	// A package, saved again under the same hash, stays one row; only a
	// held package keeps its bytes.
	var held, first, second int64
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		if held, err = tx.SaveCentralPackage(CentralPackage{SHA256: "h1", FileName: "x.zip", UnitCode: "XXX", Status: PackageHeld, Content: []byte("zip"), Problems: `[{"code":"unknown_unit"}]`}); err != nil {
			return err
		}
		if first, err = tx.SaveCentralPackage(CentralPackage{SHA256: "s1", FileName: "a.zip", UnitCode: "HTI", UnitName: "BHXH Hà Tĩnh", Year: 2025, RoundRef: 7, CreatedAt: "2026-01-20T08:00:00Z", Status: PackageLoaded}); err != nil {
			return err
		}
		again, err := tx.SaveCentralPackage(CentralPackage{SHA256: "s1", FileName: "a-lai.zip", UnitCode: "HTI", UnitName: "BHXH Hà Tĩnh", Year: 2025, RoundRef: 7, CreatedAt: "2026-01-20T08:00:00Z", Status: PackageLoaded})
		if err != nil || again != first {
			t.Errorf("same hash saved again: id %d, first %d, %v", again, first, err)
		}
		return nil
	})
	hs, err := s.HeldPackages(ctx)
	if err != nil || len(hs) != 1 || hs[0].ID != held || string(hs[0].Content) != "zip" || hs[0].Problems != `[{"code":"unknown_unit"}]` {
		t.Fatalf("held %+v %v", hs, err)
	}
	// Released: the bytes go.
	mustWrite(t, s, func(tx *Tx) error { return tx.SetPackageStatus(held, PackageRejected, 0) })
	if hs, _ := s.HeldPackages(ctx); len(hs) != 0 {
		t.Errorf("still held: %+v", hs)
	}
	if n := countRows(t, s.write, `SELECT count(*) FROM central_package WHERE content IS NOT NULL`); n != 0 {
		t.Errorf("%d packages keep their bytes after release", n)
	}

	// People: keyed by CCCD; the later package's details win whatever the
	// order of arrival.
	person := func(name, unit, staff, seen string) CentralPerson {
		return CentralPerson{CCCD: "042085001234", FullName: name, UnitCode: unit, StaffCode: staff, SeenAt: seen}
	}
	mustWrite(t, s, func(tx *Tx) error {
		if err := tx.SaveCentralPerson(person("Lê Văn Cũ", "QNI", "Q1", "2026-02-01T00:00:00Z")); err != nil {
			return err
		}
		if err := tx.SaveCentralPerson(person("Lê Văn Mới", "HTI", "H9", "2026-03-01T00:00:00Z")); err != nil {
			return err
		}
		return tx.SaveCentralPerson(person("Lê Văn Muộn", "QNI", "Q1", "2026-01-01T00:00:00Z"))
	})
	p, ok, err := s.CentralPerson(ctx, "042085001234")
	if err != nil || !ok || p.FullName != "Lê Văn Mới" || p.UnitCode != "HTI" || p.Key != "042085001234" {
		t.Errorf("person %+v %v %v", p, ok, err)
	}
	if PersonKey("", "HTI", "H1") != "HTI/H1" || PersonKey("0420", "HTI", "H1") != "0420" {
		t.Error("PersonKey")
	}

	// Nominations of two packages of the round; only the current one
	// counts once the second supersedes the first.
	ns := []CentralNomination{
		{UnitCode: "HTI", Year: 2025, Ref: 1, Subject: "person", Code: "H9", CCCD: "042085001234", PersonKey: "042085001234", Name: "Lê Văn Mới", Award: "CSTDCS", AwardName: "Chiến sĩ thi đua cơ sở", Eligible: true, Reasons: []string{"Đủ"}, Voted: true, For: 8, Pct: 88.9, Passed: true},
		{UnitCode: "HTI", Year: 2025, Ref: 2, Subject: "collective", Code: "HTI-KT", Name: "Phòng Kế toán", Award: "TTLDTT"},
	}
	mustWrite(t, s, func(tx *Tx) error {
		for i := range ns {
			ns[i].PackageID = first
		}
		if err := tx.AddCentralNominations(ns); err != nil {
			return err
		}
		var err error
		if second, err = tx.SaveCentralPackage(CentralPackage{SHA256: "s2", FileName: "b.zip", UnitCode: "HTI", Year: 2025, RoundRef: 7, CreatedAt: "2026-01-21T08:00:00Z", Status: PackageLoaded}); err != nil {
			return err
		}
		if err := tx.SetPackageStatus(first, PackageSuperseded, second); err != nil {
			return err
		}
		for i := range ns {
			ns[i].PackageID = second
		}
		if err := tx.AddCentralNominations(ns[:1]); err != nil {
			return err
		}
		cur, ok, err := tx.CurrentPackage("HTI", 7)
		if err != nil || !ok || cur.ID != second {
			t.Errorf("current package %+v %v %v", cur, ok, err)
		}
		return tx.SaveCentralAssessment(CentralAssessment{PackageID: second, UnitCode: "HTI", Year: 2025, Cluster: "Cụm 3", Total: 95.5, Max: 100})
	})
	all, err := s.CentralNominations(ctx, CentralFilter{})
	if err != nil || len(all) != 3 {
		t.Fatalf("all nominations %d %v", len(all), err)
	}
	cur, err := s.CentralNominations(ctx, CentralFilter{Year: 2025, CurrentOnly: true})
	if err != nil || len(cur) != 1 || cur[0].PackageID != second || cur[0].RoundRef != 7 || cur[0].PackageStatus != PackageLoaded ||
		!cur[0].Passed || cur[0].Pct != 88.9 || len(cur[0].Reasons) != 1 || cur[0].PersonKey != "042085001234" {
		t.Fatalf("current nominations %+v %v", cur, err)
	}
	mine, _ := s.CentralNominations(ctx, CentralFilter{PersonKey: "042085001234"})
	if len(mine) != 2 {
		t.Errorf("the person's nominations: %d", len(mine))
	}
	as, err := s.CentralAssessments(ctx, 2025)
	if err != nil || len(as) != 1 || as[0].Total != 95.5 || as[0].Cluster != "Cụm 3" {
		t.Errorf("assessments %+v %v", as, err)
	}
	ps, _ := s.CentralPackages(ctx)
	if len(ps) != 3 {
		t.Errorf("%d packages listed", len(ps))
	}
	for _, p := range ps {
		if p.ID == first && (p.Status != PackageSuperseded || p.SupersededBy != second) {
			t.Errorf("first package %+v", p)
		}
	}

	// Decisions: the items on the selected nominations, oldest first.
	mustWrite(t, s, func(tx *Tx) error {
		if _, err := tx.AddCentralDecision(CentralDecision{Number: "1/QĐ", Date: domain.MustDate("10/02/2026"), Issuer: "TGĐ",
			Items: []CentralDecisionItem{{NominationID: cur[0].ID, Granted: false, Reason: "Chưa đủ"}}}); err != nil {
			return err
		}
		_, err := tx.AddCentralDecision(CentralDecision{Number: "2/QĐ", Date: domain.MustDate("20/02/2026"), Issuer: "TGĐ",
			Items: []CentralDecisionItem{{NominationID: cur[0].ID, Granted: true}}})
		return err
	})
	ds, err := s.NominationDecisions(ctx, CentralFilter{CurrentOnly: true})
	if err != nil || len(ds) != 2 || ds[0].Number != "1/QĐ" || ds[0].Granted || ds[0].Reason != "Chưa đủ" || !ds[1].Granted || ds[1].Date != domain.MustDate("20/02/2026") {
		t.Errorf("decisions %+v %v", ds, err)
	}
	if ds, _ := s.NominationDecisions(ctx, CentralFilter{UnitCode: "QNI"}); len(ds) != 0 {
		t.Errorf("decisions of another office: %+v", ds)
	}
	err = s.Write(ctx, func(tx *Tx) error {
		_, err := tx.AddCentralDecision(CentralDecision{Number: "3/QĐ", Date: domain.MustDate("20/02/2026"), Issuer: "TGĐ", Items: []CentralDecisionItem{{NominationID: 9999, Granted: true}}})
		return err
	})
	if err == nil {
		t.Error("a decision on no nomination was stored")
	}
}
