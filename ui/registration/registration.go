// Package registration is the "Đăng ký thi đua" area of the desktop
// application: at the start of a year the clerk records the movements
// launched (phong trào thi đua) with their targets, registers the office and
// each unit for titles and target commitments, registers the staff (all of
// a unit for Lao động tiên tiến in one action, a few for Chiến sĩ thi đua cơ
// sở, with a warning for those who cannot succeed), records the emulation
// cluster (cụm thi đua) with its pact, and prints or exports the "Bản đăng ký
// thi đua".
//
// The area talks to the use cases through registrationService, the few
// methods it needs. Reading and saving is synchronous (milliseconds for an
// office); only the export runs off the UI goroutine.
package registration

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// registrationService is what this area needs from the use cases.
type registrationService interface {
	Today() domain.Date
	Profile(ctx context.Context) (domain.OfficeProfile, bool, error)
	Catalogue(ctx context.Context) (rules.Catalogue, error)
	Units(ctx context.Context) ([]domain.Unit, error)
	People(ctx context.Context) ([]domain.Person, error)

	Movements(ctx context.Context) ([]domain.Movement, error)
	SaveMovement(ctx context.Context, m domain.Movement) (int64, error)
	DeleteMovement(ctx context.Context, id int64) error

	Registrations(ctx context.Context, year int) ([]domain.Registration, error)
	SaveRegistration(ctx context.Context, r domain.Registration) error
	RegisterUnitStaff(ctx context.Context, year int, unitCode, award string) (int, error)
	RegistrationWarnings(ctx context.Context, year int) (map[domain.Subject][]string, error)

	TargetValues(ctx context.Context, year int, unitCode string) ([]domain.TargetValue, error)
	SaveTargetValue(ctx context.Context, v domain.TargetValue) error

	Cluster(ctx context.Context, year int) (domain.Cluster, bool, error)
	SaveCluster(ctx context.Context, c domain.Cluster) error

	ExportRegistration(ctx context.Context, year int, format string, w io.Writer) error
	ExportMovementReview(ctx context.Context, movementID int64, format string, w io.Writer) error
}

var _ registrationService = (*service.Service)(nil)

// parentName is the body above the office as its documents name it
// (Bảo hiểm xã hội Việt Nam), "" when not known.
func (v *View) parentName() string {
	p, _, err := v.svc.Profile(v.ctx)
	if err != nil {
		return ""
	}
	return p.ParentName
}

// View is the "Đăng ký thi đua" area.
type View struct {
	svc registrationService
	win fyne.Window
	ctx context.Context
	run kit.Runner

	year    int
	yearSel *widget.Select

	// Data as last loaded.
	units     []domain.Unit
	tree      *domain.UnitTree
	people    []domain.Person
	catalogue rules.Catalogue
	movements []domain.Movement
	regs      map[domain.Subject]domain.Registration
	warnings  map[domain.Subject][]string

	movementTab   *movementTab
	collectiveTab *collectiveTab
	individualTab *individualTab
	clusterTab    *clusterTab

	tabs    *container.AppTabs
	banner  *fyne.Container
	pdfBtn  *widget.Button
	xlsxBtn *widget.Button
	// exported is the last file written (shown with Mở tệp).
	exported string
	confirm  *dialog.ConfirmDialog

	content fyne.CanvasObject
}

// New builds the area over svc; call Reload to fill it.
func New(svc *service.Service, win fyne.Window) *View { return newView(svc, win, kit.RunLong) }

func newView(svc registrationService, win fyne.Window, run kit.Runner) *View {
	v := &View{svc: svc, win: win, ctx: context.Background(), run: run, year: svc.Today().Year, tree: domain.NewUnitTree(nil)}
	v.yearSel = widget.NewSelect(yearOptions(v.year+1, 7), nil)
	v.yearSel.SetSelected(strconv.Itoa(v.year))
	v.yearSel.OnChanged = v.onYear

	v.movementTab = newMovementTab(v)
	v.collectiveTab = newCollectiveTab(v)
	v.individualTab = newIndividualTab(v)
	v.clusterTab = newClusterTab(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Phong trào"), v.movementTab.content),
		container.NewTabItem(lang.L("Tập thể"), v.collectiveTab.content),
		container.NewTabItem(lang.L("Cá nhân"), v.individualTab.content),
		container.NewTabItem(lang.L("Cụm thi đua"), v.clusterTab.content),
	)
	v.pdfBtn = widget.NewButtonWithIcon(lang.L("Xuất PDF…"), theme.DocumentPrintIcon(), func() { v.chooseExport("pdf") })
	v.xlsxBtn = widget.NewButtonWithIcon(lang.L("Xuất Excel…"), theme.DownloadIcon(), func() { v.chooseExport("xlsx") })
	v.banner = container.NewVBox()
	top := kit.Bar(kit.Heading("Đăng ký thi đua"), widget.NewLabel(lang.L("Năm")), v.yearSel,
		layout.NewSpacer(), v.pdfBtn, v.xlsxBtn)
	v.content = container.NewBorder(container.NewVBox(top, v.banner), nil, nil, nil, v.tabs)
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload re-reads everything the area shows.
func (v *View) Reload() {
	if err := v.load(); err != nil {
		kit.ShowError(v.win, err)
	}
	v.movementTab.refresh()
	v.collectiveTab.refresh()
	v.individualTab.refresh()
	v.clusterTab.refresh()
}

func (v *View) onYear(s string) {
	y, err := strconv.Atoi(s)
	if err != nil || y == v.year {
		return
	}
	v.year = y
	v.clearBanner()
	v.Reload()
}

// load reads the office's units, people, the catalogue and the year's
// movements, registrations and warnings.
func (v *View) load() error {
	units, err := v.svc.Units(v.ctx)
	if err != nil {
		return fmt.Errorf("read units: %w", err)
	}
	v.setUnits(units)
	people, err := v.svc.People(v.ctx)
	if err != nil {
		return fmt.Errorf("read people: %w", err)
	}
	v.people = people
	cat, err := v.svc.Catalogue(v.ctx)
	if err != nil {
		return fmt.Errorf("read catalogue: %w", err)
	}
	v.catalogue = cat
	return v.loadYear()
}

// loadYear reads what changes with the year (and after a save).
func (v *View) loadYear() error {
	v.movements, v.regs, v.warnings = nil, map[domain.Subject]domain.Registration{}, nil
	ms, err := v.svc.Movements(v.ctx)
	if err != nil {
		return fmt.Errorf("read movements: %w", err)
	}
	v.movements = ms
	regs, err := v.svc.Registrations(v.ctx, v.year)
	if err != nil {
		return fmt.Errorf("read registrations %d: %w", v.year, err)
	}
	for _, r := range regs {
		v.regs[r.Subject] = r
	}
	ws, err := v.svc.RegistrationWarnings(v.ctx, v.year)
	if err != nil {
		return fmt.Errorf("read registration warnings %d: %w", v.year, err)
	}
	v.warnings = ws
	return nil
}

// reloadYear re-reads registrations and warnings after a save and redraws
// the lists that show them (not the editors, which keep what was typed).
func (v *View) reloadYear() {
	if err := v.loadYear(); err != nil {
		kit.ShowError(v.win, err)
	}
	v.collectiveTab.refreshList()
	v.individualTab.apply()
}

// setUnits indexes units as a tree (office first, then departments, then
// grassroots offices, each by name).
func (v *View) setUnits(units []domain.Unit) {
	v.units = units
	v.tree = domain.NewUnitTree(units)
}

// activeUnits are the units that exist at some point of the year, in tree order.
func (v *View) activeUnits() []domain.Unit { return v.tree.ActiveIn(v.year) }

// rootUnit is the office itself: the first unit of the tree.
func (v *View) rootUnit() (domain.Unit, bool) { return v.tree.Root() }

func (v *View) unitName(code string) string { return v.tree.Name(code) }

// awardsFor lists the catalogue's awards open to kind in the year, in
// display order.
func (v *View) awardsFor(kind domain.SubjectKind) []rules.AwardType {
	var out []rules.AwardType
	end := domain.YearEnd(v.year)
	for _, a := range v.catalogue.Sorted() {
		if !a.AppliesTo(kind) {
			continue
		}
		if !a.ValidFrom.IsZero() && a.ValidFrom.After(end) {
			continue
		}
		if !a.ValidTo.IsZero() && a.ValidTo.Before(domain.NewDate(v.year, 1, 1)) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// awardNames turns codes into the names people read.
func (v *View) awardNames(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		out = append(out, v.catalogue.AwardName(c))
	}
	return out
}

// yearMovements are the movements that run in the year.
func (v *View) yearMovements() []domain.Movement {
	var out []domain.Movement
	for _, m := range v.movements {
		if m.Covers(v.year) {
			out = append(out, m)
		}
	}
	return out
}

// yearOptions lists years from first back n years, newest first.
func yearOptions(first, n int) []string {
	out := make([]string, 0, n)
	for y := first; y > first-n; y-- {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// exportName is the file name offered for the year's registration.
func exportName(year int, format string) string {
	return paths.SafeFileName(fmt.Sprintf("Bản đăng ký thi đua năm %d", year), "."+format)
}

// chooseExport asks where to save the registration as PDF or Excel.
func (v *View) chooseExport(format string) {
	v.saveAs(exportName(v.year, format), format, func(path string) { v.export(format, path) })
}

// saveAs asks where to save a document with a suggested name, then calls save.
func (v *View) saveAs(name, format string, save func(path string)) {
	kit.AskSavePath(v.win, name, save)
}

// export writes the year's registration to path.
func (v *View) export(format, path string) {
	year := v.year
	note := ""
	if domain.RegistrationDate(year, v.svc.Today()).Day == 0 {
		note = fmt.Sprintf(lang.L("Bản đăng ký năm %d in sau tháng 01 nên để trống ngày, tháng: ghi theo bản gốc đã đăng ký."), year)
	}
	v.writeDocument(path, "Đang xuất bản đăng ký thi đua", note, func(ctx context.Context, w io.Writer) error {
		return v.svc.ExportRegistration(ctx, year, format, w)
	})
}

// exportReview writes a movement's review data (sơ kết, tổng kết) to path.
func (v *View) exportReview(id int64, format, path string) {
	v.writeDocument(path, "Đang xuất số liệu sơ kết, tổng kết", "", func(ctx context.Context, w io.Writer) error {
		return v.svc.ExportMovementReview(ctx, id, format, w)
	})
}

// writeDocument writes a document to path off the UI goroutine, then
// offers to open it, with note (when not empty) after the file's name.
func (v *View) writeDocument(path, title, note string, write func(ctx context.Context, w io.Writer) error) {
	v.run(v.win, title, func(ctx context.Context, _ kit.Progress) error {
		return paths.WriteAtomic(path, func(w io.Writer) error { return write(ctx, w) })
	}, func(err error) {
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		v.exported = path
		open := widget.NewButtonWithIcon(lang.L("Mở tệp"), theme.FileIcon(), func() {
			if err := kit.OpenFile(path); err != nil {
				kit.ShowError(v.win, err)
			}
		})
		v.showBanner(strings.TrimSpace(fmt.Sprintf(lang.L("Đã lưu %s."), filepath.Base(path))+" "+note), open)
	})
}

// showBanner puts a message with an optional action above the tabs.
func (v *View) showBanner(msg string, action *widget.Button) {
	v.banner.Objects = []fyne.CanvasObject{kit.Banner(msg, kit.Soft(theme.Color(theme.ColorNameSuccess)), action)}
	v.banner.Refresh()
}

func (v *View) clearBanner() {
	v.banner.Objects = nil
	v.banner.Refresh()
}

// ask shows a confirmation with Vietnamese buttons and remembers it (tests answer it).
func (v *View) ask(title, msg, yes string, danger bool, then func()) {
	v.confirm = kit.Confirm(v.win, title, msg, yes, danger, then)
}

// tell shows a short message with a Vietnamese close button.
func (v *View) tell(title, msg string) { kit.Tell(v.win, title, msg) }

// indent is the prefix that shows a unit's depth in a list.
func indent(depth int) string { return strings.Repeat("    ", depth) }
