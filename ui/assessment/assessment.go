// Package assessment is the "Tự đánh giá" area of the desktop application:
// at the close of a year the clerk enters the staff and collectives'
// ratings in a keyboard grid (or pastes a column copied from Excel), the
// targets achieved against the commitments, and the self-scores of the
// cluster's scoring table (bảng chấm điểm) with their evidence, sees the
// office's place in the cluster, and prints or exports the self-assessment
// report.
//
// The scoring table itself is loaded from the cluster leader's Excel file
// (preview, then confirm) or edited by hand, each criterion carries its
// evidence files, and the other members' totals can be loaded from the
// leader's ranking sheet.
//
// The area talks to the use cases through assessmentService, the few
// methods it needs. Edits stay in memory until the clerk saves (ratings in
// one transaction); file work (export, imports, evidence) runs off the UI
// goroutine.
package assessment

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
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// assessmentService is what this area needs from the use cases.
type assessmentService interface {
	LastCompletedYear() int
	Units(ctx context.Context) ([]domain.Unit, error)
	People(ctx context.Context) ([]domain.Person, error)

	RatingsForYear(ctx context.Context, year int) (people, units map[string]domain.Rating, err error)
	SetRatings(ctx context.Context, year int, people, units map[string]domain.Rating) (int, error)

	Movements(ctx context.Context) ([]domain.Movement, error)
	TargetValues(ctx context.Context, year int, unitCode string) ([]domain.TargetValue, error)
	SaveTargetValue(ctx context.Context, v domain.TargetValue) error

	Cluster(ctx context.Context, year int) (domain.Cluster, bool, error)
	SaveCluster(ctx context.Context, c domain.Cluster) error
	Criteria(ctx context.Context, year int) ([]domain.Criterion, error)
	SelfScores(ctx context.Context, year int) ([]domain.SelfScore, error)
	SaveSelfScore(ctx context.Context, sc domain.SelfScore) error
	DeleteSelfScore(ctx context.Context, year int, code string) error
	SaveCriteria(ctx context.Context, year int, cs []domain.Criterion) ([]domain.SelfScore, error)
	PreviewCriteriaImport(ctx context.Context, year int, r io.Reader) (*service.CriteriaPreview, error)
	CommitCriteriaImport(ctx context.Context, p *service.CriteriaPreview) error
	ImportClusterTotals(ctx context.Context, year int, r io.Reader) (int, error)
	AttachEvidence(ctx context.Context, year int, code, name string, content []byte) error
	Evidence(ctx context.Context, year int, code string) ([]string, error)
	EvidenceFile(ctx context.Context, year int, code, name string) ([]byte, error)
	RemoveEvidence(ctx context.Context, year int, code, name string) error

	ExportAssessment(ctx context.Context, year int, format string, w io.Writer) error
}

var _ assessmentService = (*service.Service)(nil)

// View is the "Tự đánh giá" area.
type View struct {
	svc assessmentService
	win fyne.Window
	ctx context.Context
	run kit.Runner

	year    int
	yearSel *widget.Select

	units     []domain.Unit
	tree      *domain.UnitTree
	people    []domain.Person
	movements []domain.Movement

	ratings *ratingsTab
	targets *targetsTab
	scores  *scoresTab

	tabs    *container.AppTabs
	signOff *signOff
	banner  *fyne.Container
	pdfBtn  *widget.Button
	xlsxBtn *widget.Button
	confirm *dialog.ConfirmDialog

	content fyne.CanvasObject
}

// New builds the area over svc; call Reload to fill it.
func New(svc *service.Service, win fyne.Window) *View { return newView(svc, win, kit.RunLong) }

func newView(svc interface {
	assessmentService
	signOffService
}, win fyne.Window, run kit.Runner) *View {
	v := &View{svc: svc, win: win, ctx: context.Background(), run: run, year: svc.LastCompletedYear(), tree: domain.NewUnitTree(nil)}
	v.yearSel = widget.NewSelect(yearOptions(v.year+1, 7), nil)
	v.yearSel.SetSelected(strconv.Itoa(v.year))
	v.yearSel.OnChanged = v.onYear
	v.ratings = newRatingsTab(v)
	v.targets = newTargetsTab(v)
	v.scores = newScoresTab(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Xếp loại"), v.ratings.content),
		container.NewTabItem(lang.L("Chỉ tiêu"), v.targets.content),
		container.NewTabItem(lang.L("Chấm điểm"), v.scores.content),
		container.NewTabItem(lang.L("Xếp hạng cụm"), v.scores.rankPane),
	)
	v.tabs.OnSelected = func(ti *container.TabItem) {
		if ti.Content == v.ratings.content {
			v.ratings.focusGrid()
		}
	}
	v.pdfBtn = widget.NewButtonWithIcon(lang.L("Xuất PDF…"), theme.DocumentPrintIcon(), func() { v.chooseExport("pdf") })
	v.xlsxBtn = widget.NewButtonWithIcon(lang.L("Xuất Excel…"), theme.DownloadIcon(), func() { v.chooseExport("xlsx") })
	v.banner = container.NewVBox()
	v.signOff = newSignOff(v, svc)
	top := kit.Bar(kit.Heading("Tự đánh giá"), widget.NewLabel(lang.L("Năm")), v.yearSel,
		v.signOff.State, v.signOff.Button, layout.NewSpacer(), v.pdfBtn, v.xlsxBtn)
	v.content = container.NewBorder(container.NewVBox(top, v.banner), nil, nil, nil, v.tabs)
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload re-reads everything; ratings typed and not saved are kept when the
// year is the same.
func (v *View) Reload() {
	if err := v.load(); err != nil {
		kit.ShowError(v.win, err)
	}
	v.ratings.refresh()
	v.targets.refresh()
	v.scores.refresh()
	v.signOff.refresh()
	if v.tabs.SelectedIndex() == 0 {
		// After the shell has put the area on screen: typing goes to the grid.
		fyne.Do(v.ratings.focusGrid)
	}
}

// onYear switches year, asking first when ratings or scores are unsaved.
func (v *View) onYear(s string) {
	y, err := strconv.Atoi(s)
	if err != nil || y == v.year {
		return
	}
	if v.ratings.changes() == 0 && !v.scores.dirty() {
		v.switchYear(y)
		return
	}
	v.showYear(v.year) // until answered, the selector shows the year still open
	v.ask(lang.L("Đổi năm"), fmt.Sprintf(lang.L("Có thay đổi chưa lưu của năm %d. Bỏ các thay đổi đó và chuyển sang năm %d?"), v.year, y),
		lang.L("Bỏ thay đổi"), true, func() {
			v.showYear(y)
			v.switchYear(y)
		})
}

func (v *View) showYear(y int) {
	v.yearSel.OnChanged = nil
	v.yearSel.SetSelected(strconv.Itoa(y))
	v.yearSel.OnChanged = v.onYear
}

func (v *View) switchYear(y int) {
	v.year = y
	v.ratings.discard()
	v.clearBanner()
	v.Reload()
}

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
	ms, err := v.svc.Movements(v.ctx)
	if err != nil {
		return fmt.Errorf("read movements: %w", err)
	}
	v.movements = ms
	return nil
}

func (v *View) setUnits(units []domain.Unit) {
	v.units = units
	v.tree = domain.NewUnitTree(units)
}

// activeUnits are the units that exist at some point of the year, in tree order.
func (v *View) activeUnits() []domain.Unit { return v.tree.ActiveIn(v.year) }

// rootUnit is the office itself: the first unit of the tree.
func (v *View) rootUnit() (domain.Unit, bool) { return v.tree.Root() }

func (v *View) unitName(code string) string { return v.tree.Name(code) }

// yearTargets are the targets of the movements running in the year, with
// the movement's name.
func (v *View) yearTargets() []yearTarget {
	var out []yearTarget
	for _, m := range v.movements {
		if !m.Covers(v.year) {
			continue
		}
		for _, t := range m.Targets {
			out = append(out, yearTarget{Target: t, movement: m.Name})
		}
	}
	return out
}

type yearTarget struct {
	domain.Target
	movement string
}

// yearOptions lists years from first back n years, newest first.
func yearOptions(first, n int) []string {
	out := make([]string, 0, n)
	for y := first; y > first-n; y-- {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// exportName is the file name offered for the year's self-assessment.
func exportName(year int, format string) string {
	return paths.SafeFileName(fmt.Sprintf("Báo cáo tự đánh giá, chấm điểm thi đua năm %d", year), "."+format)
}

// chooseExport asks where to save the self-assessment as PDF or Excel.
func (v *View) chooseExport(format string) {
	kit.AskSavePath(v.win, exportName(v.year, format), func(path string) { v.export(format, path) })
}

// export writes the year's self-assessment to path off the UI goroutine
// and then offers to open it. Unsaved ratings and scores are not in it:
// the clerk is told so first.
func (v *View) export(format, path string) {
	year := v.year
	v.run(v.win, "Đang xuất báo cáo tự đánh giá", func(ctx context.Context, _ kit.Progress) error {
		return paths.WriteAtomic(path, func(w io.Writer) error { return v.svc.ExportAssessment(ctx, year, format, w) })
	}, func(err error) {
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		open := widget.NewButtonWithIcon(lang.L("Mở tệp"), theme.FileIcon(), func() {
			if err := kit.OpenFile(path); err != nil {
				kit.ShowError(v.win, err)
			}
		})
		msg := fmt.Sprintf(lang.L("Đã lưu %s."), filepath.Base(path))
		if v.ratings.changes() > 0 || v.scores.dirty() {
			msg += " " + lang.L("Các thay đổi chưa lưu không có trong tệp.")
		}
		v.showBanner(msg, open)
	})
}

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

func (v *View) tell(title, msg string) { kit.Tell(v.win, title, msg) }

func indent(depth int) string { return strings.Repeat("    ", depth) }
