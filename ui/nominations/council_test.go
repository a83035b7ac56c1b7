package nominations

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
)

// typeLines types lines into a multi-line entry as a person does, with
// Enter between them.
func typeLines(e *widget.Entry, lines ...string) {
	for i, l := range lines {
		if i > 0 {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
		test.Type(e, l)
	}
}

// The minutes' own texts typed in the council form are saved: the
// meeting's times, the discussion, the Ban kiểm phiếu one name a line and
// an absent member's written opinion, which can be typed only once the
// member is marked absent. An opinion typed for a member marked present
// again is not saved.
func TestCouncil_MinutesTextsAreSaved(t *testing.T) {
	f := newFixture(t)
	rt, c := f.v.rounds, f.v.council
	f.createRound("Đợt thử biên bản")
	f.v.tabs.SelectIndex(2)
	f.councilOf(5, domain.VoteSecret)

	absent, back := c.members[4], c.members[3]
	if !absent.opinion.Disabled() {
		t.Fatal("the written opinion of a member present takes input")
	}
	test.Tap(absent.present)
	if absent.opinion.Disabled() {
		t.Fatal("the written opinion of an absent member takes no input")
	}
	const opinion = "Nhất trí với danh sách đề nghị khen thưởng do Thường trực Hội đồng trình."
	test.Type(absent.opinion, opinion)
	if !strings.Contains(c.present.Text, "Có mặt 4 / 5") || !strings.Contains(c.present.Text, "1 thành viên vắng mặt gửi ý kiến bằng văn bản") {
		t.Errorf("present line %q", c.present.Text)
	}
	test.Tap(back.present)
	test.Type(back.opinion, "Gõ nhầm")
	test.Tap(back.present)
	if !back.opinion.Disabled() {
		t.Error("the opinion box of a member marked present again takes input")
	}

	test.Type(c.start, "8h")
	test.Type(c.end, "11:00")
	typeLines(c.discussion, "Các thành viên nhất trí với danh sách.", "Có ý kiến về trường hợp Giấy khen.")
	typeLines(c.tellers, "Thành viên A", "", "Thành viên B", "Thành viên C")
	f.v.lastErr = nil
	test.Tap(c.saveBtn)
	if f.v.lastErr != nil {
		t.Fatalf("save council: %v", f.v.lastErr)
	}
	stored, err := f.svc.Council(f.ctx, rt.round.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Start != "08:00" || stored.End != "11:00" ||
		stored.Discussion != "Các thành viên nhất trí với danh sách.\nCó ý kiến về trường hợp Giấy khen." ||
		!reflect.DeepEqual(stored.Tellers, []string{"Thành viên A", "Thành viên B", "Thành viên C"}) {
		t.Errorf("stored %q–%q, %q, tellers %q", stored.Start, stored.End, stored.Discussion, stored.Tellers)
	}
	if m := stored.Members[4]; m.Present || m.Opinion != opinion {
		t.Errorf("absent member stored as %+v", m)
	}
	if m := stored.Members[3]; !m.Present || m.Opinion != "" {
		t.Errorf("member present again stored as %+v", m)
	}
	// Read back into the form as saved.
	if c.start.Text != "08:00" || c.tellers.Text != "Thành viên A\nThành viên B\nThành viên C" ||
		c.members[4].opinion.Text != opinion || c.members[4].opinion.Disabled() || !c.members[3].opinion.Disabled() {
		t.Errorf("form after saving: %q, %q, %q", c.start.Text, c.tellers.Text, c.members[4].opinion.Text)
	}

	// The service's objections show under their fields.
	c.tellers.SetText("")
	typeLines(c.tellers, "Thành viên E")
	c.end.SetText("")
	test.Type(c.end, "7:00")
	test.Tap(c.saveBtn)
	if c.form.ErrorFor(service.FieldTellers) == "" || c.form.ErrorFor(service.FieldCouncilEnd) == "" {
		t.Errorf("errors: tellers %q, end %q (%v)", c.form.ErrorFor(service.FieldTellers), c.form.ErrorFor(service.FieldCouncilEnd), f.v.lastErr)
	}
}
