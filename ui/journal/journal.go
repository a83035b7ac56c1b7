// Package journal is the "Nhật ký" area: every change made to the office's
// records (who, when, which record, the values before and after) newest
// first, with filters and a search; the check of the journal's hash chain,
// which tells whether anything was changed or deleted outside the program;
// and the deletions, each of which can be undone. It also lends its entry
// list to the person and round pages, which show their own history.
package journal

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/kit"
)

// Service is what the Nhật ký area needs.
type Service interface {
	Actor() (domain.Account, bool)
	Journal(ctx context.Context, f store.JournalFilter) ([]store.JournalEntry, error)
	VerifyJournal(ctx context.Context) (store.JournalCheck, error)
	Deletions(ctx context.Context, limit int) ([]store.Deletion, error)
	UndoDeletion(ctx context.Context, tx int64) (int, error)
}

var _ Service = (*service.Service)(nil)

// How much of the journal the area reads: enough for months of work, and
// the search and filters narrow it; older entries stay in the database.
const (
	entryLimit    = 5000
	deletionLimit = 500
)

// View is the Nhật ký area.
type View struct {
	svc Service
	win fyne.Window
	ctx context.Context
	run kit.Runner

	entries  *Entries
	deleted  *deletions
	checkBtn *widget.Button
	// CheckResult says what the last chain check found: green when the
	// chain holds, red naming the first broken entry.
	CheckResult *widget.Label
	tabs        *container.AppTabs
	confirm     *dialog.ConfirmDialog // the last question asked (tests answer it)
	lastErr     error                 // the last error shown (tests read it)
	content     fyne.CanvasObject
}

// New builds the area over svc; call Reload to fill it.
func New(svc *service.Service, win fyne.Window) *View { return newView(svc, win, kit.RunLong) }

func newView(svc Service, win fyne.Window, run kit.Runner) *View {
	v := &View{svc: svc, win: win, ctx: context.Background(), run: run, CheckResult: widget.NewLabel("")}
	v.entries = NewEntries(true)
	v.deleted = newDeletions(v)
	v.checkBtn = widget.NewButtonWithIcon(lang.L("Kiểm tra tính toàn vẹn"), theme.ConfirmIcon(), v.Check)
	v.CheckResult.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(lang.L("Mọi thay đổi dữ liệu đều được ghi lại ở đây: ai, lúc nào, bản ghi nào, giá trị trước và sau. Các dòng nhật ký được nối chuỗi bằng mã băm: sửa hay xóa dữ liệu ngoài chương trình sẽ bị phát hiện khi kiểm tra."))
	intro.Wrapping = fyne.TextWrapWord
	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Các thay đổi"), v.entries.Content()),
		container.NewTabItem(lang.L("Đã xóa"), v.deleted.content),
	)
	top := container.NewVBox(kit.Heading("Nhật ký thay đổi"), intro,
		container.NewBorder(nil, nil, v.checkBtn, nil, v.CheckResult))
	v.content = container.NewBorder(top, nil, nil, nil, v.tabs)
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload re-reads the journal and the deletions.
func (v *View) Reload() {
	es, err := v.svc.Journal(v.ctx, store.JournalFilter{Limit: entryLimit})
	if err != nil {
		v.showError(err)
	}
	v.entries.People = v.personNames()
	v.entries.Set(es)
	v.deleted.load()
}

// Check verifies the journal's hash chain off the UI goroutine and says
// what it found.
func (v *View) Check() {
	var res store.JournalCheck
	v.checkBtn.Disable()
	v.run(v.win, "Đang kiểm tra nhật ký", func(ctx context.Context, _ kit.Progress) error {
		var err error
		res, err = v.svc.VerifyJournal(ctx)
		return err
	}, func(err error) {
		v.checkBtn.Enable()
		if err != nil {
			v.CheckResult.Importance = widget.DangerImportance
			v.CheckResult.SetText(service.Explain(err))
			return
		}
		v.CheckResult.TextStyle.Bold = true
		if res.OK {
			v.CheckResult.Importance = widget.SuccessImportance
			v.CheckResult.SetText(fmt.Sprintf(lang.L("Nhật ký toàn vẹn: đã kiểm tra %d dòng, không có dòng nào bị sửa hay xóa ngoài chương trình."), res.Entries))
			return
		}
		v.CheckResult.Importance = widget.DangerImportance
		// A broken chain has a first broken line; a record changed beside
		// an intact chain (a role set with another program, a trigger
		// dropped) has none, only what was found.
		msg := lang.L("Nhật ký KHÔNG toàn vẹn.")
		if res.FirstBroken > 0 {
			msg = fmt.Sprintf(lang.L("Nhật ký KHÔNG toàn vẹn: dòng số %d là dòng đầu tiên bị sửa hoặc xóa ngoài chương trình."), res.FirstBroken)
		}
		problems := res.Problems
		if len(problems) == 0 && strings.TrimSpace(res.Problem) != "" {
			problems = []string{res.Problem}
		}
		const shown = 5
		for i, p := range problems {
			if i == shown {
				msg += " " + fmt.Sprintf(lang.L("… và %d vấn đề khác (xem bằng lệnh tdktctl check)."), len(problems)-shown)
				break
			}
			msg += "\n• " + strings.TrimSpace(p)
		}
		msg += "\n" + lang.L("Hãy báo cho người quản trị và khôi phục từ một bản sao lưu trước thời điểm đó nếu cần.")
		v.CheckResult.SetText(msg)
	})
}

// people lists the office's people, current and deleted; the area asks
// for it by assertion and names people by id only when it is there.
type people interface {
	People(ctx context.Context) ([]domain.Person, error)
	DeletedPeople(ctx context.Context) ([]domain.Person, error)
}

// personNames names the people of the office by id (nil when the service
// cannot list them).
func (v *View) personNames() func(int64) (string, bool) {
	ps, ok := v.svc.(people)
	if !ok {
		return nil
	}
	names := map[int64]string{}
	cur, err := ps.People(v.ctx)
	if err != nil {
		return nil
	}
	gone, _ := ps.DeletedPeople(v.ctx)
	for _, p := range append(cur, gone...) {
		names[p.ID] = p.FullName
	}
	return func(id int64) (string, bool) {
		n, ok := names[id]
		return n, ok
	}
}

// canWrite reports whether the account may undo deletions (a clerk or a director).
func (v *View) canWrite() bool {
	a, ok := v.svc.Actor()
	return ok && !a.Disabled && a.Role.Allows(domain.RoleClerk)
}

func (v *View) showError(err error) {
	v.lastErr = err
	kit.ShowError(v.win, err)
}

// deletions is the "Đã xóa" tab: what was deleted, by whom, and a
// Khôi phục button on each row.
type deletions struct {
	v      *View
	all    []store.Deletion
	lines  []string
	shown  []store.Deletion
	search *widget.Entry
	list   *widget.List
	empty  *widget.Label
	// restored is what the last undo brought back (tests read it).
	restored int
	content  fyne.CanvasObject
}

func newDeletions(v *View) *deletions {
	d := &deletions{v: v, search: widget.NewEntry(), empty: widget.NewLabel("")}
	d.search.SetPlaceHolder(lang.L("Tìm theo người xóa, nội dung…"))
	d.search.OnChanged = func(string) { d.apply() }
	d.empty.Importance = widget.LowImportance
	d.empty.Wrapping = fyne.TextWrapWord
	d.list = widget.NewList(func() int { return len(d.shown) }, d.createRow, d.updateRow)
	d.list.OnSelected = func(widget.ListItemID) { d.list.UnselectAll() }
	hint := widget.NewLabel(lang.L("Khôi phục đưa các bản ghi của một lần xóa trở lại như trước khi xóa; việc khôi phục cũng được ghi vào nhật ký."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	d.content = container.NewBorder(container.NewVBox(d.search, hint), nil, nil, nil,
		container.NewStack(d.list, container.NewVBox(d.empty)))
	return d
}

func (d *deletions) createRow() fyne.CanvasObject {
	what := widget.NewLabel("Cán bộ Nguyễn Văn A")
	what.TextStyle.Bold = true
	what.Truncation = fyne.TextTruncateEllipsis
	who := widget.NewLabel("")
	who.SizeName = theme.SizeNameCaptionText
	who.Truncation = fyne.TextTruncateEllipsis
	btn := widget.NewButtonWithIcon(lang.L("Khôi phục"), theme.ContentUndoIcon(), nil)
	return container.NewBorder(nil, nil, nil, btn, container.NewVBox(what, who))
}

func (d *deletions) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(d.shown) {
		return
	}
	x := d.shown[i]
	box := o.(*fyne.Container)
	texts := box.Objects[0].(*fyne.Container).Objects
	texts[0].(*widget.Label).SetText(d.summary(x))
	texts[1].(*widget.Label).SetText(d.byline(x))
	btn := box.Objects[1].(*widget.Button)
	btn.OnTapped = func() { d.ask(x) }
	if x.Undone {
		btn.SetText(lang.L("Đã khôi phục"))
	} else {
		btn.SetText(lang.L("Khôi phục"))
	}
	if d.v.canWrite() && !x.Undone {
		btn.Enable()
	} else {
		btn.Disable()
	}
}

// summary is what was deleted, in words.
func (d *deletions) summary(x store.Deletion) string {
	if s, ok := d.v.entries.Deleted(x.Tx); ok {
		return s
	}
	if s := strings.TrimSpace(x.Summary); s != "" {
		return s
	}
	names := make([]string, len(x.Tables))
	for i, t := range x.Tables {
		names[i] = TableName(t)
	}
	return strings.Join(names, ", ")
}

// byline is "14:05 01/03/2026 · lan · 3 bản ghi (Cán bộ, Xếp loại)".
func (d *deletions) byline(x store.Deletion) string {
	names := make([]string, len(x.Tables))
	for i, t := range x.Tables {
		names[i] = TableName(t)
	}
	return fmt.Sprintf(lang.L("%s · %s · %d bản ghi (%s)"), When(x.At), x.Actor, x.Rows, strings.Join(names, ", "))
}

func (d *deletions) load() {
	v := d.v
	ds, err := v.svc.Deletions(v.ctx, deletionLimit)
	if err != nil {
		v.showError(err)
	}
	d.all = ds
	d.lines = make([]string, len(ds))
	for i, x := range ds {
		d.lines[i] = domain.Fold(d.summary(x) + " " + d.byline(x))
	}
	d.apply()
}

func (d *deletions) apply() {
	words := strings.Fields(domain.Fold(d.search.Text))
	d.shown = d.shown[:0]
	for i, x := range d.all {
		if kit.ContainsAll(d.lines[i], words) {
			d.shown = append(d.shown, x)
		}
	}
	switch {
	case len(d.all) == 0:
		d.empty.SetText(lang.L("Chưa có lần xóa nào."))
		d.empty.Show()
	case len(d.shown) == 0:
		d.empty.SetText(lang.L("Không có lần xóa nào khớp với nội dung tìm."))
		d.empty.Show()
	default:
		d.empty.Hide()
	}
	d.list.Refresh()
}

// ask confirms, then undoes the deletion.
func (d *deletions) ask(x store.Deletion) {
	v := d.v
	msg := fmt.Sprintf(lang.L("Khôi phục %d bản ghi đã bị %s xóa lúc %s?\n%s"), x.Rows, x.Actor, When(x.At), d.summary(x))
	v.confirm = kit.Confirm(v.win, lang.L("Khôi phục bản ghi đã xóa"), msg, lang.L("Khôi phục"), false, func() { d.undo(x) })
}

func (d *deletions) undo(x store.Deletion) {
	v := d.v
	n, err := v.svc.UndoDeletion(v.ctx, x.Tx)
	if err != nil {
		v.showError(err)
		return
	}
	d.restored = n
	v.Reload()
	kit.Tell(v.win, lang.L("Khôi phục bản ghi đã xóa"), fmt.Sprintf(lang.L("Đã khôi phục %d bản ghi: %s."), n, d.summary(x)))
}
