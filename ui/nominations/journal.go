package nominations

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/store"
	"tdkt/ui/journal"
	"tdkt/ui/kit"
)

// roundHistoryService reads a round's history. It is asked of the area's
// service by assertion, so that a service without it shows no history
// rather than failing to build.
type roundHistoryService interface {
	RoundEvents(ctx context.Context, roundID int64) ([]store.RoundEvent, error)
	Journal(ctx context.Context, f store.JournalFilter) ([]store.JournalEntry, error)
}

var eventCols = []kit.Column{
	{Header: "Thời điểm", Width: 130},
	{Header: "Người thực hiện", Width: 120},
	{Header: "Chuyển trạng thái", Width: 230},
	{Header: "Lý do", Width: 420},
}

// roundHistory is the "Lịch sử đợt" dialog: the round's status changes
// (who submitted, approved, reopened it and why) above every change made
// to the round and its nominees, votes and files.
type roundHistory struct {
	events  []store.RoundEvent
	table   *widget.Table
	entries *journal.Entries
	dlg     dialog.Dialog
}

// newRoundHistoryButton is the button beside the round's flow.
func newRoundHistoryButton(t *roundsTab) *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("Lịch sử đợt…"), theme.HistoryIcon(), nil)
	b.OnTapped = func() { t.history = openRoundHistory(t) }
	return b
}

// openRoundHistory shows the open round's history; nil when no round is
// open or the service keeps no history.
func openRoundHistory(t *roundsTab) *roundHistory {
	v := t.v
	hs, ok := v.svc.(roundHistoryService)
	if !ok || t.round.ID == 0 {
		return nil
	}
	h := &roundHistory{entries: journal.NewEntries(false)}
	evs, err := hs.RoundEvents(v.ctx, t.round.ID)
	if err != nil {
		v.showError(err)
	}
	// Newest first, as the journal below.
	for i := len(evs) - 1; i >= 0; i-- {
		h.events = append(h.events, evs[i])
	}
	es, err := hs.Journal(v.ctx, store.JournalFilter{RoundID: t.round.ID, Limit: 5000})
	if err != nil {
		v.showError(err)
	}
	h.entries.Set(es)
	h.table = kit.TextTable(eventCols, func() int { return len(h.events) }, h.cell)
	flow := container.NewBorder(kit.Heading("Các lần chuyển trạng thái"), nil, nil, nil, h.table)
	changes := container.NewBorder(kit.Heading("Các thay đổi của đợt, đề nghị và biểu quyết"), nil, nil, nil, h.entries.Content())
	split := container.NewVSplit(flow, changes)
	split.Offset = 0.3
	h.dlg = dialog.NewCustom(fmt.Sprintf(lang.L("Lịch sử đợt “%s”"), t.round.Name), lang.L("Đóng"), split, v.win)
	h.dlg.Resize(fyne.NewSize(1100, 700))
	h.dlg.Show()
	v.dlg = h.dlg
	return h
}

func (h *roundHistory) cell(row, col int) string {
	if row >= len(h.events) {
		return ""
	}
	e := h.events[row]
	switch col {
	case 0:
		return journal.When(e.At)
	case 1:
		return e.Actor
	case 2:
		if e.From == "" {
			return fmt.Sprintf(lang.L("Tạo đợt (%s)"), statusName(e.To))
		}
		return statusName(e.From) + " → " + statusName(e.To)
	case 3:
		return e.Reason
	}
	return ""
}

func statusName(s domain.RoundStatus) string { return lang.L(s.Label()) }
