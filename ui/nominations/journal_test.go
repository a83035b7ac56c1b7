package nominations

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/ui/journal"
)

// findButton finds the visible button labelled text inside o as rendered.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

func TestRoundHistory_ShowsStatusChangesWithReasonAndJournal(t *testing.T) {
	f := newFixture(t)
	rt := f.v.rounds
	var approved domain.Round
	for _, r := range rt.rounds {
		if r.Status == domain.StatusApproved {
			approved = r
		}
	}
	if approved.ID == 0 {
		t.Fatal("the demo office has no approved round")
	}
	if err := f.svc.ReopenRound(f.ctx, approved.ID, "Bổ sung sáng kiến của một người"); err != nil {
		t.Fatal(err)
	}
	rt.reopen(approved.ID)
	f.v.tabs.SelectIndex(1)
	btn := findButton(f.win.Canvas().Content(), "Lịch sử đợt…")
	if btn == nil {
		t.Fatal("no Lịch sử đợt… button beside the round's flow")
	}
	test.Tap(btn)
	h := rt.history
	if h == nil {
		t.Fatal("no history shown")
	}
	defer h.dlg.Hide()
	if len(h.events) != 4 {
		t.Fatalf("%d status changes, want created, submitted, approved, reopened", len(h.events))
	}
	// Newest first: the reopening, with its reason and who did it.
	if got := h.cell(0, 2); got != "Đã duyệt → Nháp" {
		t.Errorf("newest change %q", got)
	}
	if got := h.cell(0, 3); got != "Bổ sung sáng kiến của một người" {
		t.Errorf("reason %q", got)
	}
	if got := h.cell(0, 1); got != "gd.test" {
		t.Errorf("actor %q", got)
	}
	if got := h.cell(3, 2); !strings.HasPrefix(got, "Tạo đợt") {
		t.Errorf("oldest change %q", got)
	}
	// The journal part shows the round's status edit.
	found := false
	for _, e := range h.entries.Shown {
		if e.Table == "round" && e.Actor == "gd.test" && strings.Contains(journal.Summary(e), "Trạng thái: Đã duyệt → Nháp") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the reopening is not among the round's %d journal entries", len(h.entries.Shown))
	}
}
