package assessment

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// Columns of the ratings grid.
const (
	colCode = iota
	colName
	colUnit
	colRating
	numCols
)

// ratingRow is a person or a collective in the grid.
type ratingRow struct {
	code     string // staff code or unit code: the key of the rating
	name     string
	unit     string // the unit's name (people) or its kind (collectives)
	unitCode string // people: their unit; collectives: the unit itself
	folded   string // for the search box
}

// ratingsTab is the year's ratings: a keyboard grid over the people or the
// collectives, with edits kept in memory until "Lưu xếp loại".
type ratingsTab struct {
	v        *View
	kindSel  *widget.RadioGroup
	unitSel  *widget.Select
	unitOpts []string
	search   *widget.Entry
	counts   *widget.Label
	dirtyLbl *widget.Label
	status   *widget.Label
	pasteBtn *widget.Button
	saveBtn  *widget.Button
	undoBtn  *widget.Button
	grid     *ratingGrid
	bottom   *fyne.Container       // counts and buttons, laid out again as the unsaved mark changes
	pasteDlg *dialog.ConfirmDialog // the preview of a keyed paste, while shown

	kind  domain.SubjectKind
	all   map[domain.SubjectKind][]ratingRow
	rows  []ratingRow // shown
	orig  map[domain.SubjectKind]map[string]domain.Rating
	edits map[domain.SubjectKind]map[string]domain.Rating // only what differs from orig; "" clears

	content fyne.CanvasObject
}

func newRatingsTab(v *View) *ratingsTab {
	t := &ratingsTab{v: v, kind: domain.SubjectPerson,
		all:   map[domain.SubjectKind][]ratingRow{},
		orig:  map[domain.SubjectKind]map[string]domain.Rating{},
		edits: map[domain.SubjectKind]map[string]domain.Rating{domain.SubjectPerson: {}, domain.SubjectCollective: {}},
	}
	t.kindSel = widget.NewRadioGroup([]string{lang.L("Cán bộ"), lang.L("Tập thể")}, nil)
	t.kindSel.Horizontal = true
	t.kindSel.Required = true
	t.kindSel.SetSelected(lang.L("Cán bộ"))
	t.kindSel.OnChanged = func(s string) {
		k := domain.SubjectPerson
		if s == lang.L("Tập thể") {
			k = domain.SubjectCollective
		}
		t.setKind(k)
	}
	t.unitSel = widget.NewSelect([]string{lang.L("Mọi đơn vị")}, nil)
	t.unitSel.SetSelectedIndex(0)
	t.unitSel.OnChanged = func(string) { t.apply() }
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(lang.L("Tìm tên, mã…"))
	t.search.OnChanged = func(string) { t.apply() }
	t.counts = widget.NewLabel("")
	t.dirtyLbl = widget.NewLabel("")
	t.dirtyLbl.Importance = widget.WarningImportance
	t.dirtyLbl.TextStyle.Bold = true
	t.status = widget.NewLabel("")
	t.status.Wrapping = fyne.TextWrapWord
	t.status.Hide()
	t.pasteBtn = widget.NewButtonWithIcon(lang.L("Dán từ Excel"), theme.ContentPasteIcon(), t.paste)
	t.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu xếp loại"), theme.DocumentSaveIcon(), t.save)
	t.saveBtn.Importance = widget.HighImportance
	t.undoBtn = widget.NewButtonWithIcon(lang.L("Bỏ thay đổi"), theme.ContentUndoIcon(), func() {
		t.v.ask(lang.L("Bỏ thay đổi"), lang.L("Bỏ mọi xếp loại đã nhập mà chưa lưu?"), lang.L("Bỏ thay đổi"), true, func() {
			t.discard()
			t.changed()
		})
	})
	t.grid = newRatingGrid(t)

	hint := widget.NewLabel(lang.L("Bấm vào bảng rồi gõ: 1 hoặc X = HTXSNV, 2 hoặc T = HTTNV, 3 hoặc H = HTNV, 4 hoặc K = KHTNV; ↑ ↓ để di chuyển, Delete để xóa. Dán từ Excel: hai cột mã cán bộ (hoặc họ tên) và xếp loại, theo mã; hoặc một cột xếp loại, từ dòng đang chọn."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	filters := container.NewBorder(nil, nil, t.kindSel, nil, container.NewGridWithColumns(2, t.unitSel, t.search))
	top := container.NewVBox(filters, hint, t.status)
	t.bottom = kit.Bar(t.counts, layout.NewSpacer(), t.dirtyLbl, t.undoBtn, t.pasteBtn, t.saveBtn)
	t.content = container.NewBorder(top, t.bottom, nil, nil, t.grid)
	return t
}

// refresh rebuilds the rows and reads the year's ratings; edits of the
// year stay.
func (t *ratingsTab) refresh() {
	v := t.v
	people, units, err := v.svc.RatingsForYear(v.ctx, v.year)
	if err != nil {
		kit.ShowError(v.win, err)
	}
	if people == nil {
		people = map[string]domain.Rating{}
	}
	if units == nil {
		units = map[string]domain.Rating{}
	}
	t.orig[domain.SubjectPerson], t.orig[domain.SubjectCollective] = people, units
	var ps, us []ratingRow
	for _, p := range v.people {
		ps = append(ps, ratingRow{code: p.StaffCode, name: p.FullName, unit: v.unitName(p.UnitCode), unitCode: p.UnitCode,
			folded: " " + domain.Fold(p.FullName) + " " + strings.ToLower(p.StaffCode)})
	}
	active := v.activeUnits()
	for _, u := range active {
		us = append(us, ratingRow{code: u.Code, name: indent(v.tree.Depth[u.Code]) + u.Name, unit: lang.L(u.Kind.Label()), unitCode: u.Code,
			folded: " " + domain.Fold(u.Name) + " " + strings.ToLower(u.Code)})
	}
	t.all[domain.SubjectPerson], t.all[domain.SubjectCollective] = ps, us
	// Drop edits that now equal what is stored.
	for k, es := range t.edits {
		for code, r := range es {
			if t.orig[k][code] == r {
				delete(es, code)
			}
		}
	}
	cur := t.unitSel.Selected
	opts := []string{lang.L("Mọi đơn vị")}
	t.unitOpts = nil
	for _, u := range active {
		opts = append(opts, indent(v.tree.Depth[u.Code])+u.Name)
		t.unitOpts = append(t.unitOpts, u.Code)
	}
	t.unitSel.OnChanged = nil
	t.unitSel.SetOptions(opts)
	t.unitSel.SetSelectedIndex(0)
	for i, o := range opts {
		if o == cur {
			t.unitSel.SetSelectedIndex(i)
		}
	}
	t.unitSel.OnChanged = func(string) { t.apply() }
	t.apply()
}

func (t *ratingsTab) setKind(k domain.SubjectKind) {
	if k == t.kind {
		return
	}
	t.kind = k
	t.grid.cur = 0
	t.apply()
	t.focusGrid()
}

// selectUnit sets the unit filter.
func (t *ratingsTab) selectUnit(code string) {
	for i, c := range t.unitOpts {
		if c == code {
			t.unitSel.SetSelectedIndex(i + 1)
			return
		}
	}
	t.unitSel.SetSelectedIndex(0)
}

// apply filters the rows of the kind shown by unit and search text.
func (t *ratingsTab) apply() {
	var units map[string]bool
	if i := t.unitSel.SelectedIndex(); i > 0 && i-1 < len(t.unitOpts) {
		units = service.SubUnits(t.v.units, t.unitOpts[i-1])
	}
	words := strings.Fields(domain.Fold(t.search.Text))
	t.rows = t.rows[:0]
	for _, r := range t.all[t.kind] {
		if units != nil && !units[r.unitCode] {
			continue
		}
		ok := true
		for _, w := range words {
			if !strings.Contains(r.folded, " "+w) {
				ok = false
				break
			}
		}
		if ok {
			t.rows = append(t.rows, r)
		}
	}
	if t.grid.cur >= len(t.rows) {
		t.grid.cur = max(0, len(t.rows)-1)
	}
	t.grid.Refresh()
	t.changed()
}

// rating is the row's rating as the grid shows it (edited or stored).
func (t *ratingsTab) rating(kind domain.SubjectKind, code string) domain.Rating {
	if r, ok := t.edits[kind][code]; ok {
		return r
	}
	return t.orig[kind][code]
}

func (t *ratingsTab) edited(kind domain.SubjectKind, code string) bool {
	_, ok := t.edits[kind][code]
	return ok
}

// set records a rating typed for a row of the kind shown.
func (t *ratingsTab) set(code string, r domain.Rating) {
	if t.orig[t.kind][code] == r {
		delete(t.edits[t.kind], code)
	} else {
		t.edits[t.kind][code] = r
	}
}

// changes counts the ratings typed and not saved.
func (t *ratingsTab) changes() int {
	return len(t.edits[domain.SubjectPerson]) + len(t.edits[domain.SubjectCollective])
}

// discard forgets every edit.
func (t *ratingsTab) discard() {
	t.edits = map[domain.SubjectKind]map[string]domain.Rating{domain.SubjectPerson: {}, domain.SubjectCollective: {}}
	t.grid.Refresh()
}

// changed updates the counts and the unsaved mark after an edit.
func (t *ratingsTab) changed() {
	n := map[domain.Rating]int{}
	for _, r := range t.rows {
		n[t.rating(t.kind, r.code)]++
	}
	parts := make([]string, 0, 5)
	for _, r := range domain.Ratings {
		parts = append(parts, fmt.Sprintf("%s: %d", r, n[r]))
	}
	parts = append(parts, fmt.Sprintf(lang.L("chưa xếp loại: %d"), n[""]))
	t.counts.SetText(fmt.Sprintf(lang.L("%d dòng"), len(t.rows)) + " · " + strings.Join(parts, " · "))
	if c := t.changes(); c > 0 {
		t.dirtyLbl.SetText(fmt.Sprintf(lang.L("● %d thay đổi chưa lưu"), c))
		t.dirtyLbl.Show()
		t.saveBtn.Enable()
		t.undoBtn.Enable()
	} else {
		t.dirtyLbl.Hide()
		t.saveBtn.Disable()
		t.undoBtn.Disable()
	}
	if t.bottom != nil {
		t.bottom.Refresh()
	}
}

func (t *ratingsTab) focusGrid() {
	if c := t.v.win.Canvas(); c != nil && len(t.rows) > 0 {
		c.Focus(t.grid)
	}
}

func (t *ratingsTab) setStatus(msg string) {
	if msg == "" {
		t.status.Hide()
		return
	}
	t.status.SetText(msg)
	t.status.Show()
}

// save stores every edited rating in one transaction.
func (t *ratingsTab) save() {
	v := t.v
	if t.changes() == 0 {
		return
	}
	n, err := v.svc.SetRatings(v.ctx, v.year, t.edits[domain.SubjectPerson], t.edits[domain.SubjectCollective])
	if err != nil {
		kit.ShowError(v.win, err)
		return
	}
	t.discard()
	t.refresh()
	t.setStatus("")
	v.showBanner(fmt.Sprintf(lang.L("Đã lưu %d xếp loại năm %d."), n, v.year), nil)
}

// paste reads a column of ratings from the clipboard into the rows from
// the current one down.
func (t *ratingsTab) paste() {
	text := fyne.CurrentApp().Clipboard().Content()
	t.pasteText(text)
	t.focusGrid()
}

// pasteText puts the ratings of text into the grid. Lines of two or more
// cells (code or name, and rating, copied from Excel) are matched by code,
// or by name when it is unique, and shown for confirmation first
// (previewPaste). A single column goes into the rows from the current one
// down: a blank line leaves its row as it is; a line that is not a rating
// is reported.
func (t *ratingsTab) pasteText(text string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if strings.TrimSpace(text) == "" {
		t.setStatus(lang.L("Bộ nhớ tạm trống. Trong Excel, chọn cột xếp loại và bấm Ctrl+C, rồi bấm lại “Dán từ Excel”."))
		return
	}
	if keyed := t.matchPaste(lines); keyed != nil {
		t.previewPaste(keyed)
		return
	}
	start := t.grid.cur
	set, over := 0, 0
	var bad []string
	for i, line := range lines {
		row := start + i
		if row >= len(t.rows) {
			over = len(lines) - i
			break
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		r, ok := domain.Rating(""), false
		for _, cell := range strings.Split(line, "\t") {
			if r, ok = parseRating(cell); ok {
				break
			}
		}
		if !ok {
			if len(bad) < 5 {
				bad = append(bad, fmt.Sprintf(lang.L("dòng %d “%s”"), i+1, strings.TrimSpace(line)))
			} else if len(bad) == 5 {
				bad = append(bad, "…")
			}
			continue
		}
		t.set(t.rows[row].code, r)
		set++
	}
	msg := fmt.Sprintf(lang.L("Đã dán %d xếp loại, từ dòng %d (%s)."), set, start+1, t.rows[min(start, len(t.rows)-1)].name)
	if len(bad) > 0 {
		msg += " " + fmt.Sprintf(lang.L("Không hiểu: %s."), strings.Join(bad, ", "))
	}
	if over > 0 {
		msg += " " + fmt.Sprintf(lang.L("%d dòng thừa so với danh sách, không dán."), over)
	}
	msg += " " + lang.L("Bấm “Lưu xếp loại” để ghi.")
	t.setStatus(msg)
	t.grid.moveTo(min(start+len(lines), len(t.rows)-1))
	t.grid.Refresh()
	t.changed()
}

// keyedPaste is a paste of lines that name whom they rate: the matches,
// in the order of the lines, and the lines that matched nobody.
type keyedPaste struct {
	matches   []pasteMatch
	unmatched []string
}

type pasteMatch struct {
	row    ratingRow
	rating domain.Rating
}

// matchPaste matches lines of two or more cells to the rows of the kind
// shown (all of them, whatever the filters): a cell equal to a code, else
// a cell equal to exactly one name (compared without case and diacritics).
// It returns nil for a single-column paste. A first line without a rating
// is a header and is skipped.
func (t *ratingsTab) matchPaste(lines []string) *keyedPaste {
	keyed := false
	for _, line := range lines {
		if n := len(nonEmpty(strings.Split(line, "\t"))); n >= 2 {
			keyed = true
			break
		}
	}
	if !keyed {
		return nil
	}
	byCode := map[string]ratingRow{}
	byName := map[string][]ratingRow{}
	for _, r := range t.all[t.kind] {
		byCode[strings.ToUpper(r.code)] = r
		n := domain.Fold(r.name)
		byName[n] = append(byName[n], r)
	}
	out := &keyedPaste{}
	for i, line := range lines {
		cells := nonEmpty(strings.Split(line, "\t"))
		if len(cells) == 0 {
			continue
		}
		var rating domain.Rating
		var who []string
		for _, c := range cells {
			if r, ok := parseRating(c); ok && rating == "" {
				rating = r
			} else {
				who = append(who, c)
			}
		}
		if rating == "" {
			if i > 0 {
				out.unmatched = append(out.unmatched, fmt.Sprintf(lang.L("dòng %d “%s”: không có xếp loại"), i+1, strings.Join(cells, " ")))
			}
			continue
		}
		row, found, why := ratingRow{}, false, lang.L("không có mã hay tên này trong danh sách")
		for _, c := range who {
			if r, ok := byCode[strings.ToUpper(c)]; ok {
				row, found = r, true
				break
			}
		}
		for _, c := range who {
			if found {
				break
			}
			switch same := byName[domain.Fold(c)]; len(same) {
			case 1:
				row, found = same[0], true
			case 0:
			default:
				why = fmt.Sprintf(lang.L("%d người trùng tên, hãy dán kèm mã"), len(same))
			}
		}
		if !found {
			out.unmatched = append(out.unmatched, fmt.Sprintf(lang.L("dòng %d “%s”: %s"), i+1, strings.Join(who, " "), why))
			continue
		}
		out.matches = append(out.matches, pasteMatch{row, rating})
	}
	return out
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// previewPaste shows who gets what and the lines matched to nobody; the
// ratings go into the grid only when the clerk applies them (and into the
// database when she saves).
func (t *ratingsTab) previewPaste(k *keyedPaste) {
	v := t.v
	cols := []kit.Column{{Header: "Mã", Width: 90}, {Header: "Họ và tên / Tập thể", Width: 220}, {Header: "Hiện tại", Width: 90}, {Header: "Dán vào", Width: 90}}
	table := kit.TextTable(cols, func() int { return len(k.matches) }, func(r, c int) string {
		m := k.matches[r]
		switch c {
		case 0:
			return m.row.code
		case 1:
			return m.row.name
		case 2:
			return string(t.rating(t.kind, m.row.code))
		}
		return string(m.rating)
	})
	summary := widget.NewLabel(fmt.Sprintf(lang.L("Dán theo mã hoặc tên: %d dòng khớp, %d dòng không khớp. Chưa có gì thay đổi cho đến khi bấm “Áp dụng”."), len(k.matches), len(k.unmatched)))
	summary.Wrapping = fyne.TextWrapWord
	unmatched := widget.NewLabel(strings.Join(k.unmatched, "\n"))
	unmatched.Wrapping = fyne.TextWrapWord
	unmatched.Importance = widget.DangerImportance
	body := container.NewBorder(summary, container.NewVScroll(unmatched), nil, nil, table)
	if len(k.unmatched) == 0 {
		body = container.NewBorder(summary, nil, nil, nil, table)
	}
	d := dialog.NewCustomConfirm(lang.L("Dán xếp loại từ Excel"), lang.L("Áp dụng"), lang.L("Hủy"), body, func(ok bool) {
		if !ok {
			t.setStatus(lang.L("Đã hủy việc dán; không có gì thay đổi."))
			return
		}
		for _, m := range k.matches {
			t.set(m.row.code, m.rating)
		}
		msg := fmt.Sprintf(lang.L("Đã dán %d xếp loại theo mã hoặc tên."), len(k.matches))
		if len(k.unmatched) > 0 {
			msg += " " + fmt.Sprintf(lang.L("%d dòng không khớp, không dán."), len(k.unmatched))
		}
		t.setStatus(msg + " " + lang.L("Bấm “Lưu xếp loại” để ghi."))
		t.grid.Refresh()
		t.changed()
	}, v.win)
	d.Resize(fyne.NewSize(min(720, v.win.Canvas().Size().Width-40), min(520, v.win.Canvas().Size().Height-40)))
	t.pasteDlg = d
	d.Show()
}

// parseRating reads a rating as people type or paste it: the code
// (HTXSNV…), the full Vietnamese words, with or without diacritics, or the
// digits 1–4 of the grid.
func parseRating(s string) (domain.Rating, bool) {
	f := domain.Fold(strings.TrimSpace(s))
	f = strings.Join(strings.Fields(f), " ")
	if f == "" {
		return "", false
	}
	for i, r := range domain.Ratings {
		if f == strings.ToLower(string(r)) || f == domain.Fold(r.Label()) || f == fmt.Sprint(i+1) {
			return r, true
		}
	}
	return "", false
}

// ratingForKey is the rating a key of the grid sets: 1–4 or the first
// letter of the short word (X xuất sắc, T tốt, H hoàn thành, K không).
func ratingForKey(r rune) (domain.Rating, bool) {
	switch unicode.ToUpper(r) {
	case '1', 'X':
		return domain.HTXSNV, true
	case '2', 'T':
		return domain.HTTNV, true
	case '3', 'H':
		return domain.HTNV, true
	case '4', 'K':
		return domain.KHTNV, true
	}
	return "", false
}

// ratingGrid is the ratings table as a keyboard widget: it keeps its own
// current row (the table's is private), moves it with the arrows, and sets
// the current row's rating from a typed key, then moves down, so that a
// clerk types a column of ratings as fast as in Excel.
type ratingGrid struct {
	widget.Table
	t       *ratingsTab
	cur     int
	focused bool
}

var (
	_ fyne.Focusable    = (*ratingGrid)(nil)
	_ fyne.Shortcutable = (*ratingGrid)(nil)
)

// Column headers of the grid for people and for collectives.
var (
	personHeaders = []string{"Mã cán bộ", "Họ và tên", "Đơn vị", "Xếp loại"}
	unitHeaders   = []string{"Mã đơn vị", "Tên đơn vị", "Cấp", "Xếp loại"}
)

func newRatingGrid(t *ratingsTab) *ratingGrid {
	g := &ratingGrid{t: t}
	g.Length = func() (int, int) { return len(t.rows), numCols }
	g.CreateCell = g.createCell
	g.UpdateCell = g.updateCell
	g.ShowHeaderRow = true
	g.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	g.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < 0 || id.Col >= numCols {
			return
		}
		if t.kind == domain.SubjectCollective {
			o.(*widget.Label).SetText(lang.L(unitHeaders[id.Col]))
		} else {
			o.(*widget.Label).SetText(lang.L(personHeaders[id.Col]))
		}
	}
	g.OnSelected = func(id widget.TableCellID) {
		if id.Row != g.cur {
			g.cur = id.Row
			g.Refresh()
		}
	}
	g.ExtendBaseWidget(g)
	g.SetColumnWidth(colCode, 110)
	g.SetColumnWidth(colName, 260)
	g.SetColumnWidth(colUnit, 280)
	g.SetColumnWidth(colRating, 330)
	return g
}

func (g *ratingGrid) createCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	bg.Hide()
	lbl := widget.NewLabel("Nguyễn Thị Minh Khai")
	lbl.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(bg, lbl)
}

func (g *ratingGrid) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	t := g.t
	if id.Row >= len(t.rows) {
		return
	}
	row := t.rows[id.Row]
	objs := o.(*fyne.Container).Objects
	bg, lbl := objs[0].(*canvas.Rectangle), objs[1].(*widget.Label)
	edited := t.edited(t.kind, row.code)
	switch id.Col {
	case colCode:
		lbl.SetText(row.code)
	case colName:
		lbl.SetText(row.name)
	case colUnit:
		lbl.SetText(row.unit)
	case colRating:
		r := t.rating(t.kind, row.code)
		text := ""
		if r != "" {
			text = fmt.Sprintf("%s – %s", r, lang.L(r.Label()))
		}
		if edited {
			text = "● " + text
			if r == "" {
				text += lang.L("(xóa)")
			}
		}
		lbl.SetText(text)
	}
	lbl.TextStyle.Bold = edited && id.Col == colRating
	switch {
	case id.Row == g.cur && g.focused:
		bg.FillColor = kit.Soft(theme.Color(theme.ColorNamePrimary))
		bg.Show()
	case id.Row == g.cur:
		bg.FillColor = theme.Color(theme.ColorNameHover)
		bg.Show()
	case edited:
		bg.FillColor = kit.Soft(theme.Color(theme.ColorNameWarning))
		bg.Show()
	default:
		bg.Hide()
	}
	bg.Refresh()
	lbl.Refresh()
}

// moveTo makes row the current row and scrolls to it.
func (g *ratingGrid) moveTo(row int) {
	n := len(g.t.rows)
	if n == 0 {
		return
	}
	row = max(0, min(row, n-1))
	g.cur = row
	g.Select(widget.TableCellID{Row: row, Col: colRating})
	g.Refresh()
}

// setCurrent sets the current row's rating ("" clears) and, for a typed
// rating, moves down.
func (g *ratingGrid) setCurrent(r domain.Rating, down bool) {
	t := g.t
	if g.cur < 0 || g.cur >= len(t.rows) {
		return
	}
	t.set(t.rows[g.cur].code, r)
	t.changed()
	if down && g.cur < len(t.rows)-1 {
		g.moveTo(g.cur + 1)
		return
	}
	g.Refresh()
}

// TypedKey moves the current row or clears its rating.
func (g *ratingGrid) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown, fyne.KeyReturn, fyne.KeyEnter:
		g.moveTo(g.cur + 1)
	case fyne.KeyUp:
		g.moveTo(g.cur - 1)
	case fyne.KeyPageDown:
		g.moveTo(g.cur + 20)
	case fyne.KeyPageUp:
		g.moveTo(g.cur - 20)
	case fyne.KeyHome:
		g.moveTo(0)
	case fyne.KeyEnd:
		g.moveTo(len(g.t.rows) - 1)
	case fyne.KeyDelete, fyne.KeyBackspace:
		g.setCurrent("", false)
	}
}

// TypedRune sets the current row's rating from 1–4 or X/T/H/K.
func (g *ratingGrid) TypedRune(r rune) {
	if rating, ok := ratingForKey(r); ok {
		g.setCurrent(rating, true)
	}
}

// TypedShortcut pastes a column copied from Excel with Ctrl+V.
func (g *ratingGrid) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*fyne.ShortcutPaste); ok {
		g.t.paste()
	}
}

// FocusGained shows the current row as the place typing goes.
func (g *ratingGrid) FocusGained() {
	g.focused = true
	g.Table.FocusGained()
	g.Refresh()
}

// FocusLost dims the current row.
func (g *ratingGrid) FocusLost() {
	g.focused = false
	g.Table.FocusLost()
	g.Refresh()
}
