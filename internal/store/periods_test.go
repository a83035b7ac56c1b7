package store

import (
	"context"
	"testing"

	"tdkt/internal/domain"
)

// A period and its models round-trip through a real file: the conference,
// the reasons a line each, a vote recorded or not, the account and the
// delegate mark; a subject put forward twice keeps one row.
func TestPeriods_RoundTrip(t *testing.T) {
	st := openTest(t)
	ctx := context.Background()
	p := PeriodReview{Period: domain.Period{Name: "Giai đoạn 2020 - 2025", FromYear: 2020, ToYear: 2025, Congress: "Đại hội lần thứ VI",
		CongressDate: domain.NewDate(2025, 9, 20), Delegates: 5}, Lessons: "Một\nHai",
		Conference: domain.Conference{Date: domain.NewDate(2025, 8, 15), Members: 60, Present: 57}}
	var id int64
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.Write(ctx, func(tx *Tx) error { var err error; id, err = tx.SavePeriod(p); return err }))
	got, ok, err := st.PeriodOf(ctx, 2020, 2025)
	must(err)
	p.ID = id
	if !ok || got != p {
		t.Fatalf("read back %+v, want %+v", got, p)
	}
	m := domain.ExemplaryModel{PeriodID: id, ExemplaryCandidate: domain.ExemplaryCandidate{Subject: domain.PersonSubject("HT001"), Name: "Lê Thị Ánh", Unit: "Văn phòng",
		Reasons: []domain.ModelReason{{Criterion: "dien_hinh.person_titles", Text: "Chiến sĩ thi đua cấp bộ, ngành năm 2023"}, {Text: "Người tốt,\nviệc tốt"}}}}
	var mid int64
	must(st.Write(ctx, func(tx *Tx) error { var err error; mid, err = tx.SaveModel(m); return err }))
	u := domain.ExemplaryModel{PeriodID: id, ExemplaryCandidate: domain.ExemplaryCandidate{Subject: domain.UnitSubject("HT01"), Name: "Phòng Thu"}}
	must(st.Write(ctx, func(tx *Tx) error { _, err := tx.SaveModel(u); return err }))
	ms, err := st.Models(ctx, id)
	must(err)
	if len(ms) != 2 || ms[0].Subject.Kind != domain.SubjectCollective || ms[1].ID != mid || ms[1].Voted || len(ms[1].Reasons) != 2 || ms[1].Reasons[1].Text != "Người tốt, việc tốt" || ms[1].Reasons[0].Criterion != "dien_hinh.person_titles" {
		t.Fatalf("models %+v", ms)
	}
	m = ms[1]
	m.Voted, m.VotesFor, m.Account, m.Delegate = true, 0, "Bài viết", true
	must(st.Write(ctx, func(tx *Tx) error { _, err := tx.SaveModel(m); return err }))
	again := m
	again.ID, again.Account = 0, ""
	var aid int64
	must(st.Write(ctx, func(tx *Tx) error { var err error; aid, err = tx.SaveModel(again); return err }))
	ms, _ = st.Models(ctx, id)
	if aid != mid || len(ms) != 2 || !ms[1].Voted || ms[1].VotesFor != 0 || ms[1].Account != "Bài viết" || !ms[1].Delegate {
		t.Errorf("after the vote and a second proposal: %+v (id %d)", ms[1], aid)
	}
	must(st.Write(ctx, func(tx *Tx) error { return tx.DeletePeriod(id) }))
	if ms, _ := st.Models(ctx, id); len(ms) != 0 {
		t.Errorf("models outlive their period: %+v", ms)
	}
}
