package nominations

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/service"
)

// The round's dates are typed into the dialog and kept; a wrong time is
// named under its field; the director's decision on an award of the
// office's own is recorded into the history from the same dialog, while a
// decision dated before the council is refused under its field.
func TestRound_ScheduleAndDecisions(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	rt.list.Select(0)
	if rt.round.Status != domain.StatusApproved {
		t.Fatalf("the demo round is %s", rt.round.Status)
	}
	test.Tap(f.v.council.scheduleBtn)
	d := rt.schedule
	if d == nil {
		t.Fatal("no dialog")
	}
	d.start.SetText("")
	test.Type(d.start, "25:00")
	test.Tap(d.saveBtn)
	if d.form.ErrorFor(service.FieldCouncilStart) == "" {
		t.Fatal("a wrong time is not named under Giờ bắt đầu họp")
	}
	d.start.SetText("")
	test.Type(d.start, "8h")
	d.end.SetText("")
	test.Type(d.end, "11:30")
	d.subNo.SetText("")
	test.Type(d.subNo, "21")
	test.Tap(d.saveBtn)
	c, _ := f.svc.Council(f.ctx, rt.round.ID)
	if c.Start != "08:00" || c.End != "11:30" || rt.round.Number != 21 || f.v.lastErr != nil {
		t.Fatalf("after saving: %s–%s, number %d, %v", c.Start, c.End, rt.round.Number, f.v.lastErr)
	}
	if ct := f.v.council; ct.start.Text != "08:00" || ct.end.Text != "11:30" {
		t.Errorf("the council form still shows %s–%s", ct.start.Text, ct.end.Text)
	}

	var cs, ldtt *decisionRow
	var awards []string
	for _, r := range d.decisions {
		awards = append(awards, r.award)
		switch r.award {
		case "CSTDCS":
			cs = r
		case "LDTT":
			ldtt = r
		}
	}
	if cs == nil || ldtt == nil || strings.Contains(strings.Join(awards, " "), "BK_BO") {
		t.Fatalf("the decisions offered are %v: the office's own awards only, LĐTT and CSTĐCS among them", awards)
	}
	test.Type(cs.number, "12")
	test.Type(cs.date, "01/01/2025")
	test.Tap(cs.recordBtn)
	if cs.form.ErrorFor(FieldDecisionDate) == "" || cs.recorded {
		t.Fatal("a decision before the council was not refused under Ngày quyết định")
	}
	day := domain.DateOf(c.Date.Time().AddDate(0, 0, 7))
	cs.date.SetText(day.VN())
	test.Tap(cs.recordBtn)
	if cs.recorded || !strings.Contains(f.v.lastErr.Error()+cs.form.ErrorFor(service.FieldAward), "Lao động tiên tiến trước") {
		t.Fatalf("CSTĐCS recorded before LĐTT: %v", f.v.lastErr)
	}
	f.v.lastErr = nil
	test.Type(ldtt.number, "11")
	test.Type(ldtt.date, day.VN())
	test.Tap(ldtt.recordBtn)
	if !ldtt.recorded {
		t.Fatalf("LĐTT not recorded: %v", f.v.lastErr)
	}
	test.Tap(cs.recordBtn)
	if !cs.recorded || !strings.Contains(cs.state.Text, "Đã ghi vào lịch sử") {
		t.Fatalf("not recorded: %q %v", cs.state.Text, f.v.lastErr)
	}
	ds, _ := f.svc.RoundDecisions(f.ctx, rt.round.ID)
	if len(ds) != 2 || ds[0].Award != "CSTDCS" || ds[0].Number != "12/QĐ-BHXH" || ds[0].Date != day || ds[1].Number != "11/QĐ-BHXH" {
		t.Errorf("decisions %+v", ds)
	}
}
