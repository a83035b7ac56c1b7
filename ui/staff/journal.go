package staff

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"tdkt/internal/domain"
	"tdkt/internal/store"
	"tdkt/ui/journal"
	"tdkt/ui/kit"
)

// journalService reads the audit journal. It is asked of the area's
// service by assertion, so that a service without a journal (another front
// end, a test double) simply shows no history.
type journalService interface {
	Journal(ctx context.Context, f store.JournalFilter) ([]store.JournalEntry, error)
}

// personJournal is the "Lịch sử thay đổi" tab of a person: every change to
// the person's record and to the records that belong to them (ratings,
// awards, assignments, nominations…), newest first, with who made it.
type personJournal struct {
	v       *View
	list    *journal.Entries
	person  int64 // shown; 0 when none
	stale   bool  // the person changed since the tab last read the journal
	content fyne.CanvasObject
}

func newPersonJournal(v *View) *personJournal {
	pj := &personJournal{v: v, list: journal.NewEntries(false)}
	pj.content = pj.list.Content()
	return pj
}

// load remembers the open person and reads their history now when the
// tab is in view (reading waits until it is shown otherwise).
func (pj *personJournal) load(p domain.Person, visible bool) {
	pj.person, pj.stale = p.ID, true
	if visible {
		pj.shown()
	}
}

// shown reads the history of the open person when the tab comes into view.
func (pj *personJournal) shown() {
	if !pj.stale {
		return
	}
	pj.stale = false
	js, ok := pj.v.svc.(journalService)
	if !ok || pj.person == 0 {
		pj.list.Set(nil)
		return
	}
	es, err := js.Journal(pj.v.ctx, store.JournalFilter{PersonID: pj.person, Limit: 2000})
	if err != nil {
		kit.ShowError(pj.v.win, err)
	}
	pj.list.Set(es)
}

// personJournalTitle is the tab's title.
func personJournalTitle() string { return lang.L("Lịch sử thay đổi") }
