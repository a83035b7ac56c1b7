package journal

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/store"
	"tdkt/ui/kit"
)

// Columns of the entry table.
const (
	colWhen = iota
	colActor
	colTable
	colOp
	colRecord
	colChanges
)

var entryCols = []kit.Column{
	{Header: "Thời điểm", Width: 130},
	{Header: "Người thực hiện", Width: 140},
	{Header: "Loại bản ghi", Width: 170},
	{Header: "Thao tác", Width: 85},
	{Header: "Bản ghi", Width: 220},
	{Header: "Thay đổi (trước → sau)", Width: 520},
}

// allTables and allActors are the first choice of the filters.
const (
	allTables = "Mọi loại bản ghi"
	allActors = "Mọi người"
)

// Entries is a list of journal entries newest first, with a search box
// (and, in the Nhật ký area, filters by kind of record and by person), and
// the full before → after of the selected entry underneath. The person and
// round pages reuse it for their own history.
type Entries struct {
	all   []store.JournalEntry
	lines []string // lower-case search text of all, parallel
	Shown []store.JournalEntry

	Search *widget.Entry
	TableF *widget.Select // nil without filters
	ActorF *widget.Select
	Table  *widget.Table
	Detail *widget.Label
	Count  *widget.Label
	// Describe words the entries; the names of people come from the
	// person rows among the entries, then from People when set.
	Describe Describer
	People   func(id int64) (string, bool)
	tables   []string
	top      *fyne.Container // the search row, laid out again when the count changes // table names parallel to TableF.Options[1:]
	content  fyne.CanvasObject
}

// NewEntries builds an empty list; filters adds the kind and person filters.
func NewEntries(filters bool) *Entries {
	e := &Entries{Search: widget.NewEntry(), Detail: widget.NewLabel(""), Count: widget.NewLabel("")}
	e.Search.SetPlaceHolder(lang.L("Tìm theo người, bản ghi, nội dung thay đổi…"))
	e.Search.OnChanged = func(string) { e.apply() }
	e.Detail.Wrapping = fyne.TextWrapWord
	e.Count.Importance = widget.LowImportance
	e.Table = kit.TextTable(entryCols, func() int { return len(e.Shown) }, e.cell)
	e.Table.OnSelected = func(id widget.TableCellID) { e.show(id.Row) }
	top := []fyne.CanvasObject{}
	if filters {
		e.TableF = widget.NewSelect(nil, func(string) { e.apply() })
		e.ActorF = widget.NewSelect(nil, func(string) { e.apply() })
		e.top = container.NewBorder(nil, nil, container.NewHBox(e.TableF, e.ActorF, e.Count), nil, e.Search)
	} else {
		e.top = container.NewBorder(nil, nil, e.Count, nil, e.Search)
	}
	top = append(top, e.top)
	detail := container.NewVScroll(container.NewPadded(e.Detail))
	split := container.NewVSplit(e.Table, detail)
	split.Offset = 0.7
	e.content = container.NewBorder(container.NewVBox(top...), nil, nil, nil, split)
	return e
}

// Content is the list's canvas object.
func (e *Entries) Content() fyne.CanvasObject { return e.content }

// Set replaces the entries (newest first is kept as given, but sorted
// again to be sure) and applies the search and filters.
func (e *Entries) Set(list []store.JournalEntry) {
	e.all = slices.Clone(list)
	slices.SortStableFunc(e.all, func(a, b store.JournalEntry) int {
		switch {
		case a.ID > b.ID:
			return -1
		case a.ID < b.ID:
			return 1
		}
		return 0
	})
	names := map[int64]string{}
	for _, x := range e.all {
		if x.Table != "person" {
			continue
		}
		row := x.After
		if row == nil {
			row = x.Before
		}
		id, ok := row["id"].(float64)
		if n, isText := row["full_name"].(string); ok && isText && n != "" {
			if _, seen := names[int64(id)]; !seen { // newest first: the latest name
				names[int64(id)] = n
			}
		}
	}
	e.Describe.PersonName = func(id int64) (string, bool) {
		if n, ok := names[id]; ok {
			return n, true
		}
		if e.People != nil {
			return e.People(id)
		}
		return "", false
	}
	e.lines = make([]string, len(e.all))
	tables, actors := map[string]bool{}, map[string]bool{}
	for i, x := range e.all {
		e.lines[i] = domain.Fold(e.Describe.Line(x))
		tables[x.Table] = true
		actors[x.Actor] = true
	}
	if e.TableF != nil {
		e.tables = e.tables[:0]
		for t := range tables {
			e.tables = append(e.tables, t)
		}
		slices.SortFunc(e.tables, func(a, b string) int { return strings.Compare(TableName(a), TableName(b)) })
		opts := []string{lang.L(allTables)}
		for _, t := range e.tables {
			opts = append(opts, TableName(t))
		}
		keep(e.TableF, opts)
		as := []string{lang.L(allActors)}
		for a := range actors {
			as = append(as, a)
		}
		slices.Sort(as[1:])
		keep(e.ActorF, as)
	}
	e.apply()
}

// keep replaces a select's options and keeps its choice when it is still
// offered (else the first option), without running OnChanged.
func keep(s *widget.Select, opts []string) {
	cur := s.Selected
	on := s.OnChanged
	s.OnChanged = nil
	s.SetOptions(opts)
	if slices.Contains(opts, cur) {
		s.SetSelected(cur)
	} else {
		s.SetSelectedIndex(0)
	}
	s.OnChanged = on
}

// FilterTable shows only the records of table t ("" for all).
func (e *Entries) FilterTable(t string) {
	if e.TableF == nil {
		return
	}
	if i := slices.Index(e.tables, t); i >= 0 {
		e.TableF.SetSelectedIndex(i + 1)
	} else {
		e.TableF.SetSelectedIndex(0)
	}
}

// FilterActor shows only what user name a did ("" for everyone).
func (e *Entries) FilterActor(a string) {
	if e.ActorF == nil {
		return
	}
	if a == "" || !slices.Contains(e.ActorF.Options, a) {
		e.ActorF.SetSelectedIndex(0)
		return
	}
	e.ActorF.SetSelected(a)
}

// apply fills Shown from the search text and the filters.
func (e *Entries) apply() {
	words := strings.Fields(domain.Fold(e.Search.Text))
	table, actor := "", ""
	if e.TableF != nil {
		if i := e.TableF.SelectedIndex(); i > 0 && i-1 < len(e.tables) {
			table = e.tables[i-1]
		}
		if i := e.ActorF.SelectedIndex(); i > 0 {
			actor = e.ActorF.Selected
		}
	}
	e.Shown = e.Shown[:0]
	for i, x := range e.all {
		if table != "" && x.Table != table || actor != "" && x.Actor != actor {
			continue
		}
		if kit.ContainsAll(e.lines[i], words) {
			e.Shown = append(e.Shown, x)
		}
	}
	if len(e.Shown) == len(e.all) {
		e.Count.SetText(fmt.Sprintf(lang.L("%d thay đổi"), len(e.all)))
	} else {
		e.Count.SetText(fmt.Sprintf(lang.L("%d / %d thay đổi"), len(e.Shown), len(e.all)))
	}
	e.top.Refresh()
	e.Table.UnselectAll()
	e.Table.Refresh()
	if len(e.all) == 0 {
		e.Detail.SetText(lang.L("Chưa có thay đổi nào được ghi lại."))
	} else {
		e.Detail.SetText(lang.L("Chọn một dòng để xem đầy đủ giá trị trước và sau khi thay đổi."))
	}
}

func (e *Entries) cell(row, col int) string {
	if row >= len(e.Shown) {
		return ""
	}
	x := e.Shown[row]
	switch col {
	case colWhen:
		return When(x.At)
	case colActor:
		return x.Actor
	case colTable:
		return TableName(x.Table)
	case colOp:
		return OpName(x.Op)
	case colRecord:
		return e.Describe.Record(x)
	case colChanges:
		return e.Describe.Summary(x)
	}
	return ""
}

// show puts the full entry under the table.
func (e *Entries) show(row int) {
	if row < 0 || row >= len(e.Shown) {
		return
	}
	x := e.Shown[row]
	e.Detail.SetText(fmt.Sprintf(lang.L("%s · %s · %s %s: %s"), When(x.At), x.Actor, OpName(x.Op), strings.ToLower(TableName(x.Table)), e.Describe.Record(x)) +
		"\n" + e.Describe.Detail(x))
}

// Deleted is how the entries describe the deletion made by change tx:
// "Xếp loại: Nguyễn Văn An · Năm 2024 và 2 bản ghi liên quan"; ok is false
// when none of its entries is loaded.
func (e *Entries) Deleted(tx int64) (string, bool) {
	var rows []store.JournalEntry
	for _, x := range e.all {
		if x.Tx == tx && opKind(x.Op) == "D" {
			rows = append(rows, x)
		}
	}
	if len(rows) == 0 {
		return "", false
	}
	// The record people deleted is the one the others hang on: the first
	// deleted (the journal keeps newest first, so the last here) unless a
	// named record is among them.
	main := rows[len(rows)-1]
	for _, t := range []string{"person", "round", "unit", "movement", "cluster", "nominee", "award", "initiative", "discipline"} {
		if i := slices.IndexFunc(rows, func(x store.JournalEntry) bool { return x.Table == t }); i >= 0 {
			main = rows[i]
			break
		}
	}
	text := TableName(main.Table) + ": " + e.Describe.Record(main)
	if len(rows) > 1 {
		text += fmt.Sprintf(lang.L(" và %d bản ghi liên quan"), len(rows)-1)
	}
	return text, true
}
