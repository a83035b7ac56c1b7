package store

import (
	"context"
	"reflect"
	"testing"

	"tdkt/internal/domain"
)

func sampleMovement() domain.Movement {
	return domain.Movement{
		Name: "Phong trào thi đua thường xuyên năm 2025", DocNo: "45/QĐ-BHXH", DocDate: domain.MustDate("10/01/2025"),
		Issuer: "Bảo hiểm xã hội Việt Nam", Kind: domain.MovementRegular, FromYear: 2025, ToYear: 2025,
		Reviews: []domain.MovementReview{{Year: 2025, Kind: domain.ReviewInterim, Note: "6 tháng"}, {Year: 2025, Kind: domain.ReviewFinal}},
		Targets: []domain.Target{
			{Name: "Tỷ lệ bao phủ BHYT", Unit: "%", HigherBetter: true, SortOrder: 1},
			{Name: "Tỷ lệ nợ đóng BHXH, BHYT, BHTN", Unit: "%", SortOrder: 2},
		},
	}
}

func saveMovement(t *testing.T, s *Store, m domain.Movement) (domain.Movement, Change) {
	t.Helper()
	var ch Change
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		m, ch, err = tx.SaveMovement(m)
		return err
	})
	return m, ch
}

func TestTx_SaveMovementKeepsTargetIDs(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	m, ch := saveMovement(t, s, sampleMovement())
	if ch != Inserted || m.ID == 0 || m.Targets[0].ID == 0 || m.Targets[1].ID == 0 {
		t.Fatalf("insert: %v %+v", ch, m)
	}
	got, ok, err := s.Movement(ctx, m.ID)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, m)
	}
	if _, ch := saveMovement(t, s, got); ch != Unchanged {
		t.Errorf("same movement: %v", ch)
	}
	// A value for the first target survives an edit that keeps it.
	mustWrite(t, s, func(tx *Tx) error {
		_, err := tx.SaveTargetValue(domain.TargetValue{Year: 2025, UnitCode: "42", TargetID: m.Targets[0].ID, Planned: 95})
		return err
	})
	kept := m.Targets[0]
	kept.Name = "Tỷ lệ bao phủ bảo hiểm y tế"
	m.Targets = []domain.Target{kept, {Name: "Tỷ lệ giao dịch điện tử", Unit: "%", HigherBetter: true, SortOrder: 2}}
	m2, ch := saveMovement(t, s, m)
	if ch != Updated || m2.Targets[0].ID != kept.ID || m2.Targets[1].ID == 0 {
		t.Fatalf("update: %v %+v", ch, m2.Targets)
	}
	got, _, _ = s.Movement(ctx, m.ID)
	if len(got.Targets) != 2 || got.Targets[0].Name != kept.Name || got.Targets[1].Name != "Tỷ lệ giao dịch điện tử" {
		t.Errorf("targets after update %+v", got.Targets)
	}
	vs, _ := s.TargetValues(ctx, 2025, "42")
	if len(vs) != 1 || vs[0].TargetID != kept.ID {
		t.Errorf("values after update %+v", vs)
	}
	// A target of another movement cannot be claimed.
	other, _ := saveMovement(t, s, sampleMovement())
	m2.Targets[1].ID = other.Targets[0].ID
	err = s.Write(ctx, func(tx *Tx) error { _, _, err := tx.SaveMovement(m2); return err })
	if err == nil {
		t.Error("saving another movement's target succeeded")
	}
}

func TestTx_DeleteMovementCascades(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	m, _ := saveMovement(t, s, sampleMovement())
	mustWrite(t, s, func(tx *Tx) error {
		if _, err := tx.SaveTargetValue(domain.TargetValue{Year: 2025, UnitCode: "42", TargetID: m.Targets[0].ID, Planned: 95, Actual: 96, HasActual: true}); err != nil {
			return err
		}
		return tx.ReplaceCriteria(2025, []domain.Criterion{
			{Code: "I", Name: "Chuyên môn", MaxPoints: 10},
			{Code: "I.1", ParentCode: "I", Name: "BHYT", MaxPoints: 10, Method: domain.MethodProportional, TargetID: m.Targets[0].ID, CapPercent: 100},
		})
	})
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteMovement(m.ID) })
	db := rawDB(t, s.Path())
	for table, want := range map[string]int{"movement": 0, "movement_review": 0, "target": 0, "target_value": 0, "criterion": 2} {
		if n := countRows(t, db, `SELECT count(*) FROM `+table); n != want {
			t.Errorf("%s: %d rows after delete, want %d", table, n, want)
		}
	}
	cs, _ := s.Criteria(ctx, 2025)
	if len(cs) != 2 || cs[1].TargetID != 0 {
		t.Errorf("criterion keeps a link to a deleted target: %+v", cs)
	}
	if err := s.Write(ctx, func(tx *Tx) error { return tx.DeleteMovement(m.ID) }); err == nil {
		t.Error("deleting a missing movement succeeded")
	}
}

func TestTx_SaveRegistration(t *testing.T) {
	ctx := context.Background()
	s := seedPeople(t)
	cb1 := domain.PersonSubject("CB001")
	scenarios := []struct {
		name string
		r    domain.Registration
		want Change
	}{
		{"insert", domain.Registration{Year: 2026, Subject: cb1, Awards: []string{"LDTT", "CSTDCS"}, Note: "có sáng kiến"}, Inserted},
		{"same, other order", domain.Registration{Year: 2026, Subject: cb1, Awards: []string{"CSTDCS", "LDTT"}, Note: "có sáng kiến"}, Unchanged},
		{"note changes", domain.Registration{Year: 2026, Subject: cb1, Awards: []string{"CSTDCS", "LDTT"}}, Updated},
		{"award removed", domain.Registration{Year: 2026, Subject: cb1, Awards: []string{"LDTT"}}, Updated},
		{"collective", domain.Registration{Year: 2026, Subject: domain.UnitSubject("42.TCHC"), Awards: []string{"TTLDXS"}}, Inserted},
		{"other year", domain.Registration{Year: 2025, Subject: cb1, Awards: []string{"LDTT"}}, Inserted},
	}
	for _, sc := range scenarios {
		var ch Change
		mustWrite(t, s, func(tx *Tx) error {
			var err error
			ch, err = tx.SaveRegistration(sc.r)
			return err
		})
		if ch != sc.want {
			t.Errorf("%s: %v, want %v", sc.name, ch, sc.want)
		}
	}
	got, err := s.Registrations(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.Registration{
		{Year: 2026, Subject: domain.UnitSubject("42.TCHC"), Awards: []string{"TTLDXS"}},
		{Year: 2026, Subject: cb1, Awards: []string{"LDTT"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("registrations\n%+v\nwant\n%+v", got, want)
	}
	// AddRegistrationAward keeps the note and is idempotent.
	mustWrite(t, s, func(tx *Tx) error {
		_, err := tx.SaveRegistration(domain.Registration{Year: 2026, Subject: cb1, Awards: []string{"LDTT"}, Note: "ghi chú"})
		return err
	})
	for i, want := range []Change{Inserted, Unchanged} {
		var ch Change
		mustWrite(t, s, func(tx *Tx) error {
			var err error
			ch, err = tx.AddRegistrationAward(cb1, 2026, "CSTDCS")
			return err
		})
		if ch != want {
			t.Errorf("add #%d: %v, want %v", i, ch, want)
		}
	}
	got, _ = s.Registrations(ctx, 2026)
	if r := got[1]; !reflect.DeepEqual(r.Awards, []string{"LDTT", "CSTDCS"}) || r.Note != "ghi chú" {
		t.Errorf("after add: %+v", r)
	}
	// No awards removes the registration.
	mustWrite(t, s, func(tx *Tx) error {
		_, err := tx.SaveRegistration(domain.Registration{Year: 2026, Subject: cb1})
		return err
	})
	if got, _ = s.Registrations(ctx, 2026); len(got) != 1 {
		t.Errorf("after removal: %+v", got)
	}
	// Unknown award codes are refused by the foreign key.
	if err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.SaveRegistration(domain.Registration{Year: 2026, Subject: cb1, Awards: []string{"NOPE"}})
		return err
	}); err == nil {
		t.Error("unknown award code accepted")
	}
}

func TestTx_TargetValueUpsert(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	m, _ := saveMovement(t, s, sampleMovement())
	id := m.Targets[0].ID
	scenarios := []struct {
		v    domain.TargetValue
		want Change
	}{
		{domain.TargetValue{Year: 2025, UnitCode: "42", TargetID: id, Planned: 95}, Inserted},
		{domain.TargetValue{Year: 2025, UnitCode: "42", TargetID: id, Planned: 95}, Unchanged},
		{domain.TargetValue{Year: 2025, UnitCode: "42", TargetID: id, Planned: 95, Actual: 0, HasActual: true}, Updated},
		{domain.TargetValue{Year: 2025, UnitCode: "42", TargetID: id, Planned: 95, Actual: 96.2, HasActual: true}, Updated},
		{domain.TargetValue{Year: 2025, UnitCode: "42.KHTC", TargetID: id, Planned: 90}, Inserted},
	}
	for i, sc := range scenarios {
		var ch Change
		mustWrite(t, s, func(tx *Tx) error {
			var err error
			ch, err = tx.SaveTargetValue(sc.v)
			return err
		})
		if ch != sc.want {
			t.Errorf("#%d: %v, want %v", i, ch, sc.want)
		}
	}
	got, _ := s.TargetValues(ctx, 2025, "42")
	if len(got) != 1 || got[0] != scenarios[3].v {
		t.Errorf("office values %+v", got)
	}
	all, _ := s.TargetValues(ctx, 0, "")
	if len(all) != 2 {
		t.Errorf("all values %+v", all)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteTargetValue(2025, "42.KHTC", id) })
	if all, _ = s.TargetValues(ctx, 0, ""); len(all) != 1 {
		t.Errorf("after delete %+v", all)
	}
}

func TestTx_SaveClusterReplacesMembers(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	c := domain.Cluster{Year: 2025, Name: "Cụm thi đua số 3", Pact: "Giao ước", Members: []domain.ClusterMember{
		{Name: "Bảo hiểm xã hội tỉnh Nghệ An", Role: domain.RoleLeader, Total: 95.5, HasTotal: true},
		{Name: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Own: true, Role: domain.RoleDeputy},
		{Name: "Bảo hiểm xã hội tỉnh Thanh Hóa"},
	}}
	var id int64
	mustWrite(t, s, func(tx *Tx) error { var err error; id, err = tx.SaveCluster(c); return err })
	got, ok, err := s.Cluster(ctx, 2025)
	c.ID = id
	if err != nil || !ok || !reflect.DeepEqual(got, c) {
		t.Fatalf("read back %+v %v %v\nwant %+v", got, ok, err, c)
	}
	c.Members = c.Members[:2]
	c.Name = "Cụm thi đua số 3 (Bắc Trung Bộ)"
	var id2 int64
	mustWrite(t, s, func(tx *Tx) error { var err error; id2, err = tx.SaveCluster(c); return err })
	got, _, _ = s.Cluster(ctx, 2025)
	if id2 != id || len(got.Members) != 2 || got.Name != c.Name {
		t.Errorf("after update %+v (id %d→%d)", got, id, id2)
	}
	if _, ok, _ := s.Cluster(ctx, 2024); ok {
		t.Error("a cluster for 2024 appeared")
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteCluster(2025) })
	if n := countRows(t, rawDB(t, s.Path()), `SELECT count(*) FROM cluster_member`); n != 0 {
		t.Errorf("%d members left after the cluster was deleted", n)
	}
}

func TestTx_CriteriaScoresAndEvidence(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	table := []domain.Criterion{
		{Code: "I", Name: "Chuyên môn", MaxPoints: 20, SortOrder: 1},
		{Code: "I.1", ParentCode: "I", Name: "Thu", MaxPoints: 10, Method: domain.MethodManual, SortOrder: 2},
		{Code: "I.2", ParentCode: "I", Name: "Nợ", MaxPoints: 10, Method: domain.MethodPassFail, SortOrder: 3},
		{Code: "V", Name: "Điểm trừ", MaxPoints: 5, SortOrder: 4},
		{Code: "V.1", ParentCode: "V", Name: "Chậm báo cáo", MaxPoints: 5, Method: domain.MethodPenalty, SortOrder: 5},
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.ReplaceCriteria(2025, table) })
	got, err := s.Criteria(ctx, 2025)
	if err != nil || len(got) != 5 || got[1].Code != "I.1" || got[1].Method != domain.MethodManual || got[0].Year != 2025 {
		t.Fatalf("criteria %+v %v", got, err)
	}
	for i, want := range []Change{Inserted, Unchanged, Updated} {
		sc := domain.SelfScore{Year: 2025, Code: "I.1", Score: 9, Note: "đạt"}
		if i == 2 {
			sc.Score = 8.5
		}
		var ch Change
		mustWrite(t, s, func(tx *Tx) error { var err error; ch, err = tx.SaveSelfScore(sc); return err })
		if ch != want {
			t.Errorf("self-score #%d: %v, want %v", i, ch, want)
		}
	}
	mustWrite(t, s, func(tx *Tx) error {
		if _, err := tx.SaveSelfScore(domain.SelfScore{Year: 2025, Code: "V.1", Score: -2}); err != nil {
			return err
		}
		if err := tx.AttachEvidence(2025, "I.1", "bao-cao.pdf", []byte("%PDF-1.4 minh chứng")); err != nil {
			return err
		}
		return tx.AttachEvidence(2025, "I.1", "anh.png", []byte{0x89, 'P', 'N', 'G'})
	})
	scores, _ := s.SelfScores(ctx, 2025)
	if len(scores) != 2 || scores[0].Score != 8.5 || !reflect.DeepEqual(scores[0].Attachments, []string{"anh.png", "bao-cao.pdf"}) || scores[1].Score != -2 {
		t.Errorf("self-scores %+v", scores)
	}
	b, err := s.EvidenceFile(ctx, 2025, "I.1", "bao-cao.pdf")
	if err != nil || string(b) != "%PDF-1.4 minh chứng" {
		t.Errorf("evidence %q %v", b, err)
	}
	if _, err := s.EvidenceFile(ctx, 2025, "I.1", "khong-co.pdf"); err == nil {
		t.Error("missing evidence read")
	}
	// A score of an unknown criterion is refused.
	if err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.SaveSelfScore(domain.SelfScore{Year: 2025, Code: "IX", Score: 1})
		return err
	}); err == nil {
		t.Error("score of an unknown criterion accepted")
	}
	// Replacing the table keeps the scores of codes that stay and drops the others.
	table[1].Name = "Thu BHXH"
	mustWrite(t, s, func(tx *Tx) error { return tx.ReplaceCriteria(2025, table[:3]) })
	scores, _ = s.SelfScores(ctx, 2025)
	if len(scores) != 1 || scores[0].Code != "I.1" || len(scores[0].Attachments) != 2 {
		t.Errorf("after replace %+v", scores)
	}
	names, _ := s.Evidence(ctx, 2025, "I.1")
	if len(names) != 2 {
		t.Errorf("evidence names %v", names)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.RemoveEvidence(2025, "I.1", "anh.png") })
	mustWrite(t, s, func(tx *Tx) error { return tx.ReplaceCriteria(2025, nil) })
	db := rawDB(t, s.Path())
	for _, table := range []string{"criterion", "self_score", "self_score_attachment"} {
		if n := countRows(t, db, `SELECT count(*) FROM `+table); n != 0 {
			t.Errorf("%s: %d rows after the table was emptied", table, n)
		}
	}
}

func TestStore_YearReadsAndCascadeOnPersonPurge(t *testing.T) {
	ctx := context.Background()
	s := seedPeople(t)
	mustWrite(t, s, func(tx *Tx) error {
		for _, r := range []domain.RatingRecord{
			{Subject: domain.PersonSubject("CB001"), Year: 2025, Rating: domain.HTXSNV},
			{Subject: domain.UnitSubject("42.TCHC"), Year: 2025, Rating: domain.HTTNV},
		} {
			if _, err := tx.SetRating(r); err != nil {
				return err
			}
		}
		if _, _, err := tx.SaveAward(domain.AwardRecord{Subject: domain.PersonSubject("CB002"), Year: 2024, AwardCode: "CSTDCS"}); err != nil {
			return err
		}
		_, err := tx.SaveRegistration(domain.Registration{Year: 2026, Subject: domain.PersonSubject("CB003"), Awards: []string{"LDTT"}})
		return err
	})
	people, units, err := s.YearRatings(ctx, 2025)
	if err != nil || people["CB001"] != domain.HTXSNV || units["42.TCHC"] != domain.HTTNV || len(people) != 1 {
		t.Errorf("YearRatings %v %v %v", people, units, err)
	}
	on, err := s.AssignedOn(ctx, domain.YearEnd(2025))
	if err != nil || on["CB001"] != "42.TCHC" || on["CB003"] != "42.KHTC" || len(on) != 3 {
		t.Errorf("AssignedOn %v %v", on, err)
	}
	if on, _ := s.AssignedOn(ctx, domain.YearEnd(2000)); len(on) != 0 {
		t.Errorf("assigned before recruitment: %v", on)
	}
	as, err := s.AwardsBetween(ctx, 2020, 2025)
	if err != nil || len(as) != 1 || as[0].Subject != domain.PersonSubject("CB002") || as[0].Kind != domain.KindMerit {
		t.Errorf("AwardsBetween %+v %v", as, err)
	}
	db := rawDB(t, s.Path())
	if _, err := db.Exec(`DELETE FROM person WHERE staff_code='CB003'`); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, db, `SELECT count(*) FROM registration`); n != 0 {
		t.Errorf("registration survives its person: %d", n)
	}
}
