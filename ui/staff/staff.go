// Package staff is the "Đơn vị & cán bộ" area of the desktop application:
// on the left the tree of units (the office, its departments and BHXH cơ
// sở) with their headcounts, in the middle the staff list with search as you
// type and filters, on the right the open person's record with the history
// the eligibility rules read (unit assignments, ratings, awards,
// initiatives, disciplines).
//
// The area talks to the use cases through staffService, the few methods it
// needs, so that tests or another front end can pass any implementation.
// Everything here reads and writes synchronously: for an office of up to
// ten thousand people each call takes milliseconds, and keeping it on the UI
// goroutine keeps the state simple.
package staff

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// staffService is what this area needs from the use cases.
type staffService interface {
	Today() domain.Date
	Catalogue(ctx context.Context) (rules.Catalogue, error)

	Units(ctx context.Context) ([]domain.Unit, error)
	SaveUnit(ctx context.Context, u domain.Unit) error
	DeleteUnit(ctx context.Context, code string) error

	People(ctx context.Context) ([]domain.Person, error)
	DeletedPeople(ctx context.Context) ([]domain.Person, error)
	SavePerson(ctx context.Context, p domain.Person, moved domain.Date) (domain.Person, error)
	DeletePerson(ctx context.Context, id int64) error
	RestorePerson(ctx context.Context, id int64) error

	Assignments(ctx context.Context, personID int64) ([]domain.Assignment, error)
	Ratings(ctx context.Context, sub domain.Subject) ([]domain.RatingRecord, error)
	SetRating(ctx context.Context, r domain.RatingRecord) error
	DeleteRating(ctx context.Context, sub domain.Subject, year int) error
	Awards(ctx context.Context, sub domain.Subject) ([]domain.AwardRecord, error)
	SaveAward(ctx context.Context, a domain.AwardRecord) error
	DeleteAward(ctx context.Context, id int64) error
	Initiatives(ctx context.Context, staffCode string) ([]domain.Initiative, error)
	SaveInitiative(ctx context.Context, in domain.Initiative) error
	DeleteInitiative(ctx context.Context, id int64) error
	Disciplines(ctx context.Context, staffCode string) ([]domain.Discipline, error)
	SaveDiscipline(ctx context.Context, d domain.Discipline) error
	DeleteDiscipline(ctx context.Context, id int64) error

	Eligibility(ctx context.Context, year int, unitCode string) ([]rules.Verdict, error)
}

var _ staffService = (*service.Service)(nil)

// View is the "Đơn vị & cán bộ" area.
type View struct {
	svc staffService
	win fyne.Window
	ctx context.Context
	run runner // the eligibility engine runs through it (tests: synchronously)

	// Data as last loaded; replaced as a whole by load.
	units      []domain.Unit
	unitByCode map[string]domain.Unit
	children   map[string][]string // parent code ("" for the roots) → child codes in display order
	headcount  map[string]int      // current people in a unit and all its sub-units
	people     []domain.Person     // everyone, sorted the Vietnamese way
	byID       map[int64]int       // person id → index in people
	index      *domain.PeopleIndex // built once per load so that typing only filters
	shown      []domain.Person     // people after the filters, what the list shows
	catalogue  rules.Catalogue
	positions  []string // the positions people hold, collated

	unitPane *unitPane
	list     *staffList
	person   *personPanel

	middle  *fyne.Container // the staff column, laid out again when the banner changes
	banner  *fyne.Container // "Đã xóa … [Hoàn tác]"
	undoBtn *widget.Button
	// confirm is the last confirmation asked (tests answer it).
	confirm *dialog.ConfirmDialog
	deleted *deletedDialog

	content fyne.CanvasObject
}

// New builds the area over svc; call Reload to fill it.
func New(svc *service.Service, win fyne.Window) *View { return newView(svc, win) }

func newView(svc staffService, win fyne.Window) *View {
	v := &View{svc: svc, win: win, ctx: context.Background(), run: runInBackground, banner: container.NewVBox()}
	v.unitPane = newUnitPane(v)
	v.list = newStaffList(v)
	v.person = newPersonPanel(v)

	v.middle = container.NewBorder(container.NewVBox(v.banner, v.list.top), v.list.bottom, nil, nil, v.list.list)
	inner := kit.Split("staff.person", true, v.middle, v.person.content, 0.38)
	outer := kit.Split("staff.units", true, v.unitPane.content, inner, 0.25)
	v.content = outer
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload re-reads units, people and the catalogue, keeps the open person
// (unless it has unsaved changes, which stay as typed) and puts the cursor
// in the search box.
func (v *View) Reload() {
	v.clearBanner()
	v.refresh()
	fyne.Do(v.focusSearch)
}

// refresh reloads the data and every part of the area that shows it.
func (v *View) refresh() {
	if err := v.load(); err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.unitPane.refresh()
	v.list.refreshOptions()
	v.person.refreshOptions()
	if id := v.person.loaded.ID; id != 0 && !v.person.dirty() {
		if p, ok := v.personByID(id); ok {
			v.person.open(p)
		} else {
			v.person.close()
		}
	}
	v.list.apply()
}

// load reads everything the area shows.
func (v *View) load() error {
	units, err := v.svc.Units(v.ctx)
	if err != nil {
		return fmt.Errorf("read units: %w", err)
	}
	people, err := v.svc.People(v.ctx)
	if err != nil {
		return fmt.Errorf("read people: %w", err)
	}
	cat, err := v.svc.Catalogue(v.ctx)
	if err != nil {
		return fmt.Errorf("read catalogue: %w", err)
	}
	v.catalogue = cat
	v.people = people
	v.byID = make(map[int64]int, len(people))
	positions := map[string]bool{}
	for i, p := range people {
		v.byID[p.ID] = i
		if p.Position != "" {
			positions[p.Position] = true
		}
	}
	v.positions = collated(keys(positions))
	v.index = domain.NewPeopleIndex(people)
	v.setUnits(units)
	return nil
}

// setUnits indexes units as a tree and counts the people in each subtree.
func (v *View) setUnits(units []domain.Unit) {
	v.units = units
	v.unitByCode = make(map[string]domain.Unit, len(units))
	for _, u := range units {
		v.unitByCode[u.Code] = u
	}
	v.children = map[string][]string{}
	for _, u := range units {
		parent := u.ParentCode
		if _, ok := v.unitByCode[parent]; !ok || parent == u.Code {
			parent = ""
		}
		v.children[parent] = append(v.children[parent], u.Code)
	}
	col := collate.New(language.Vietnamese)
	kindOrder := map[domain.UnitKind]int{domain.UnitProvince: 0, domain.UnitDepartment: 1, domain.UnitGrassroots: 2}
	for _, codes := range v.children {
		slices.SortStableFunc(codes, func(a, b string) int {
			ua, ub := v.unitByCode[a], v.unitByCode[b]
			if d := kindOrder[ua.Kind] - kindOrder[ub.Kind]; d != 0 {
				return d
			}
			return col.CompareString(ua.Name, ub.Name)
		})
	}
	direct := map[string]int{}
	for _, p := range v.people {
		direct[p.UnitCode]++
	}
	v.headcount = map[string]int{}
	seen := map[string]bool{}
	var count func(code string) int
	count = func(code string) int {
		if seen[code] {
			return 0
		}
		seen[code] = true
		n := direct[code]
		for _, c := range v.children[code] {
			n += count(c)
		}
		v.headcount[code] = n
		return n
	}
	for _, root := range v.children[""] {
		count(root)
	}
}

// unitsInTreeOrder lists unit codes depth first, the order of the tree.
func (v *View) unitsInTreeOrder() []string {
	var out []string
	seen := map[string]bool{}
	var walk func(code string)
	walk = func(code string) {
		for _, c := range v.children[code] {
			if seen[c] {
				continue
			}
			seen[c] = true
			out = append(out, c)
			walk(c)
		}
	}
	walk("")
	return out
}

// unitName is the unit's name, or its code when the unit is unknown.
func (v *View) unitName(code string) string {
	if u, ok := v.unitByCode[code]; ok {
		return u.Name
	}
	return code
}

// shortUnitName is a unit's name as narrow columns show it, with the
// abbreviation documents use themselves: "BHXH cơ sở Cẩm Xuyên" for
// "Bảo hiểm xã hội cơ sở Cẩm Xuyên". Forms and selects keep the full name.
func (v *View) shortUnitName(code string) string {
	name := v.unitName(code)
	for _, long := range []string{"Bảo hiểm xã hội", "Bảo hiểm Xã hội", "BẢO HIỂM XÃ HỘI"} {
		if strings.HasPrefix(name, long+" ") {
			return "BHXH" + name[len(long):]
		}
	}
	return name
}

func (v *View) personByID(id int64) (domain.Person, bool) {
	if i, ok := v.byID[id]; ok {
		return v.people[i], true
	}
	return domain.Person{}, false
}

func (v *View) personByCode(code string) (domain.Person, bool) {
	for _, p := range v.people {
		if p.StaffCode == code {
			return p, true
		}
	}
	return domain.Person{}, false
}

// EditPerson opens the record of the person with the staff code, with the
// cursor in the full name and its text selected, ready to be typed over;
// false when there is nobody with that code.
func (v *View) EditPerson(code string) bool {
	p, ok := v.personByCode(code)
	if !ok {
		return false
	}
	v.person.openAndFocus(p)
	v.person.focusFirst()
	v.person.name.TypedShortcut(&fyne.ShortcutSelectAll{})
	return true
}

func (v *View) focusSearch() {
	if c := v.win.Canvas(); c != nil {
		c.Focus(v.list.search)
	}
}

// showBanner puts a message with an optional action above the staff list.
func (v *View) showBanner(msg string, action *widget.Button) {
	v.banner.Objects = []fyne.CanvasObject{kit.Banner(msg, kit.Soft(theme.Color(theme.ColorNameSuccess)), action)}
	v.middle.Refresh()
}

func (v *View) clearBanner() {
	v.banner.Objects = nil
	v.undoBtn = nil
	v.middle.Refresh()
}

// ask shows a confirmation with Vietnamese buttons and remembers it.
func (v *View) ask(title, msg, yes string, danger bool, then func()) {
	v.confirm = kit.Confirm(v.win, title, msg, yes, danger, then)
}

// tell shows a short message with a Vietnamese close button.
func (v *View) tell(title, msg string) { kit.Tell(v.win, title, msg) }

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// collated sorts Vietnamese text the way people expect ("Ánh" with "A").
func collated(ss []string) []string {
	col := collate.New(language.Vietnamese)
	col.SortStrings(ss)
	return ss
}
