package journal

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/internal/uitest"
)

type fixture struct {
	t      *testing.T
	ctx    context.Context
	svc    *service.Service // the clerk cv.lan
	win    fyne.Window
	v      *View
	person domain.Person
}

// newFixture makes an office with one person, renamed once and rated for
// 2024 and 2025, then opens the area for role.
func newFixture(t *testing.T, role domain.Role) *fixture {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	base := uitest.Service(t) // the director sets up the office
	svc := base.As(domain.Account{Username: "cv.lan", FullName: "Ngô Thị Lan", Role: domain.RoleClerk})
	if err := base.SaveProfile(ctx, domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	p, err := svc.SavePerson(ctx, domain.Person{StaffCode: "CB001", FullName: "Nguyễn Văn An", BirthDate: domain.MustDate("12/05/1985"),
		Gender: domain.Male, Position: "Chuyên viên", Ethnicity: "Kinh", RecruitedOn: domain.MustDate("01/08/2010"), UnitCode: "HTI"}, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	p.FullName = "Nguyễn Văn Ân"
	if p, err = svc.SavePerson(ctx, p, domain.Date{}); err != nil {
		t.Fatal(err)
	}
	for _, y := range []int{2024, 2025} {
		if err := svc.SetRating(ctx, domain.RatingRecord{Subject: domain.PersonSubject("CB001"), Year: y, Rating: domain.HTTNV}); err != nil {
			t.Fatal(err)
		}
	}
	actor := base.As(domain.Account{Username: "actor", Role: role})
	win := test.NewTempWindow(t, nil)
	v := newView(actor, win, uitest.RunNow)
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(1200, 800))
	v.Reload()
	return &fixture{t: t, ctx: ctx, svc: svc, win: win, v: v, person: p}
}

func TestView_ShowsAnEditWithBeforeAndAfter(t *testing.T) {
	f := newFixture(t, domain.RoleViewer)
	e := f.v.entries
	if len(e.Shown) == 0 {
		t.Fatal("no journal entries shown")
	}
	for i := 1; i < len(e.Shown); i++ {
		if e.Shown[i].ID > e.Shown[i-1].ID {
			t.Fatal("entries are not newest first")
		}
	}
	test.Type(e.Search, "nguyen van an")
	var edit *store.JournalEntry
	for i, x := range e.Shown {
		if x.Table == "person" && OpName(x.Op) == "Sửa" {
			edit = &e.Shown[i]
		}
	}
	if edit == nil {
		t.Fatalf("the rename is not among %d entries found by the search", len(e.Shown))
	}
	row := -1
	for i := range e.Shown {
		if e.Shown[i].ID == edit.ID {
			row = i
		}
	}
	if got := e.cell(row, colTable); got != "Cán bộ" {
		t.Errorf("table column %q, want Cán bộ", got)
	}
	if got := e.cell(row, colActor); got != "cv.lan" {
		t.Errorf("actor column %q", got)
	}
	if got := e.cell(row, colChanges); !strings.Contains(got, "Họ và tên: Nguyễn Văn An → Nguyễn Văn Ân") {
		t.Errorf("changes column %q", got)
	}
	e.Table.Select(widget.TableCellID{Row: row, Col: 0})
	if !strings.Contains(e.Detail.Text, "Nguyễn Văn An → Nguyễn Văn Ân") {
		t.Errorf("detail %q", e.Detail.Text)
	}

	// The filters narrow the list: ratings only, then someone who did nothing.
	e.Search.SetText("")
	e.FilterTable("person_rating")
	if len(e.Shown) != 2 {
		t.Fatalf("rating entries: %d, want 2", len(e.Shown))
	}
	for _, x := range e.Shown {
		if x.Table != "person_rating" || e.cell(0, colTable) != "Xếp loại" {
			t.Fatalf("filtered entry %+v", x)
		}
	}
	e.FilterTable("")
	e.FilterActor("cv.lan")
	all := len(e.Shown)
	if all == 0 {
		t.Fatal("nothing by cv.lan")
	}
	for _, x := range e.Shown {
		if x.Actor != "cv.lan" {
			t.Fatalf("filtered on cv.lan, shows %+v", x)
		}
	}
	e.FilterActor(uitest.Director.Username) // who created the office
	if len(e.Shown) == 0 || len(e.Shown) == all {
		t.Fatalf("entries by %s: %d", uitest.Director.Username, len(e.Shown))
	}
	for _, x := range e.Shown {
		if x.Actor != uitest.Director.Username {
			t.Fatalf("filtered on %s, shows %+v", uitest.Director.Username, x)
		}
	}
}

func TestView_ChainCheckOK(t *testing.T) {
	f := newFixture(t, domain.RoleViewer)
	test.Tap(f.v.checkBtn)
	r := f.v.CheckResult
	if r.Importance != widget.SuccessImportance || !strings.Contains(r.Text, "toàn vẹn") {
		t.Fatalf("check result %q (importance %v)", r.Text, r.Importance)
	}
	c, err := f.svc.VerifyJournal(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Text, " "+strconv.Itoa(c.Entries)+" ") {
		t.Fatalf("check result %q does not give the %d entries checked", r.Text, c.Entries)
	}
}

// TestView_ChainCheckNamesTheFirstBrokenEntryInRed edits the database
// file as an outside tool would (a hex editor changing one letter of a
// name in the journal) and checks the area names the first broken entry.
func TestView_ChainCheckNamesTheFirstBrokenEntryInRed(t *testing.T) {
	f := newFixture(t, domain.RoleViewer)
	es, err := f.svc.Journal(f.ctx, store.JournalFilter{Table: "person"})
	if err != nil || len(es) < 2 {
		t.Fatalf("person entries %d, %v", len(es), err)
	}
	created := es[len(es)-1] // oldest: the insert whose after holds "Nguyễn Văn An"
	st := f.svc.Store()
	path := st.Path()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Fatalf("the write-ahead log still holds %d bytes after closing", fi.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	old, forged := []byte("Nguyễn Văn An\""), []byte("Nguyễn Văn Am\"")
	if !bytes.Contains(data, old) {
		t.Fatal("the name is not in the file")
	}
	if err := os.WriteFile(path, bytes.ReplaceAll(data, old, forged), 0o644); err != nil {
		t.Fatal(err)
	}
	r := checkReopened(t, f, path)
	if r.Importance != widget.DangerImportance {
		t.Fatalf("a broken chain is not shown in red: %q", r.Text)
	}
	want := "số " + strconv.FormatInt(created.ID, 10)
	if !strings.Contains(r.Text, "KHÔNG toàn vẹn") || !strings.Contains(r.Text, want) {
		t.Fatalf("check result %q does not name entry %d", r.Text, created.ID)
	}
}

// A record changed with another program beside an intact chain (the
// office's name, its triggers dropped first so that no entry is written)
// has no first broken line: the area lists what was found instead.
func TestView_ChainCheckListsRecordsChangedOutside(t *testing.T) {
	f := newFixture(t, domain.RoleViewer)
	st := f.svc.Store()
	path := st.Path()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='office_profile'`)
	if err != nil {
		t.Fatal(err)
	}
	var triggers []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		triggers = append(triggers, n)
	}
	rows.Close()
	for _, n := range triggers {
		if _, err := db.Exec(`DROP TRIGGER "` + n + `"`); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`UPDATE office_profile SET unit_name='Đơn vị giả mạo'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r := checkReopened(t, f, path)
	if r.Importance != widget.DangerImportance || !strings.Contains(r.Text, "KHÔNG toàn vẹn") || !strings.Contains(r.Text, "•") || strings.Contains(r.Text, "dòng số 0") {
		t.Fatalf("check result %q", r.Text)
	}
}

// checkReopened opens the database at path again, as the next start of the
// program would after it was changed outside, and runs the area's check.
func checkReopened(t *testing.T, f *fixture, path string) *widget.Label {
	t.Helper()
	reopened, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reopened.Close() })
	svc := service.New(reopened, uitest.Now).As(domain.Account{Username: "xem", Role: domain.RoleViewer})
	v := newView(svc, f.win, uitest.RunNow)
	f.win.SetContent(v.Content())
	v.Reload()
	test.Tap(v.checkBtn)
	return v.CheckResult
}

// buttons finds the buttons labelled text inside o as it is rendered.
func buttons(o fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				out = append(out, x)
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
	return out
}

func TestView_UndoesADeletedRatingFromItsRow(t *testing.T) {
	f := newFixture(t, domain.RoleClerk)
	sub := domain.PersonSubject("CB001")
	if err := f.svc.DeleteRating(f.ctx, sub, 2024); err != nil {
		t.Fatal(err)
	}
	if rs, _ := f.svc.Ratings(f.ctx, sub); len(rs) != 1 {
		t.Fatalf("ratings after the delete: %+v", rs)
	}
	f.v.Reload()
	f.v.tabs.SelectIndex(1)
	d := f.v.deleted
	if len(d.shown) != 1 || !strings.Contains(d.byline(d.shown[0]), "cv.lan") {
		t.Fatalf("deletions shown: %+v", d.shown)
	}
	btns := buttons(f.win.Canvas().Content(), "Khôi phục")
	if len(btns) != 1 {
		t.Fatalf("%d Khôi phục buttons, want one per deletion", len(btns))
	}
	if btns[0].Disabled() {
		t.Fatal("Khôi phục disabled for a clerk")
	}
	test.Tap(btns[0])
	if f.v.confirm == nil {
		t.Fatal("no confirmation asked")
	}
	f.v.confirm.Confirm()
	if f.v.lastErr != nil {
		t.Fatalf("undo: %v", f.v.lastErr)
	}
	rs, err := f.svc.Ratings(f.ctx, sub)
	if err != nil || len(rs) != 2 {
		t.Fatalf("ratings after the undo: %+v %v", rs, err)
	}
	if d.restored < 1 {
		t.Fatalf("restored %d", d.restored)
	}
	// The undo is itself journaled: the newest entry re-inserts the rating.
	if len(f.v.entries.all) == 0 || f.v.entries.all[0].Table != "person_rating" || OpName(f.v.entries.all[0].Op) != "Thêm" {
		t.Fatalf("newest entry after the undo: %+v", f.v.entries.all[0])
	}
	// The row now says it was restored, and offers nothing more.
	if done := buttons(f.win.Canvas().Content(), "Đã khôi phục"); len(done) != 1 || !done[0].Disabled() {
		t.Fatalf("after the undo: %d Đã khôi phục buttons", len(done))
	}
	// A second undo of the same deletion is refused with a message.
	d.undo(d.shown[0])
	if f.v.lastErr == nil {
		t.Fatal("the same deletion was undone twice")
	}
}

func TestView_UndoesADeletedRound(t *testing.T) {
	f := newFixture(t, domain.RoleDirector)
	id, err := f.svc.CreateRound(f.ctx, domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: "Đợt thử", Status: domain.StatusDraft})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.DeleteRound(f.ctx, id); err != nil {
		t.Fatal(err)
	}
	f.v.Reload()
	test.Type(f.v.deleted.search, "dot thu")
	if len(f.v.deleted.shown) != 1 {
		t.Fatalf("search found %d deletions", len(f.v.deleted.shown))
	}
	f.v.deleted.ask(f.v.deleted.shown[0])
	f.v.confirm.Confirm()
	if r, err := f.svc.Round(f.ctx, id); err != nil || r.Name != "Đợt thử" {
		t.Fatalf("round after the undo: %+v %v", r, err)
	}
}

func TestView_ViewerCannotUndo(t *testing.T) {
	f := newFixture(t, domain.RoleViewer)
	if err := f.svc.DeleteRating(f.ctx, domain.PersonSubject("CB001"), 2024); err != nil {
		t.Fatal(err)
	}
	f.v.Reload()
	f.v.tabs.SelectIndex(1)
	btns := buttons(f.win.Canvas().Content(), "Khôi phục")
	if len(btns) != 1 || !btns[0].Disabled() {
		t.Fatalf("viewer's Khôi phục buttons: %d, disabled=%v", len(btns), len(btns) == 1 && btns[0].Disabled())
	}
	// The service refuses anyway, and the refusal is shown.
	f.v.deleted.undo(f.v.deleted.shown[0])
	if f.v.lastErr == nil {
		t.Fatal("a viewer undid a deletion")
	}
	if rs, _ := f.svc.Ratings(f.ctx, domain.PersonSubject("CB001")); len(rs) != 1 {
		t.Fatalf("ratings %+v", rs)
	}
}
