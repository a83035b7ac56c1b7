// Package periods is the "Tổng kết giai đoạn" area of the desktop
// application: the five-year emulation cycle that ends in a congress (Đại
// hội thi đua yêu nước). The clerk records the period, reads its figures
// year by year as tables and bar charts, puts the exemplary models
// (gương điển hình tiên tiến) the records point to before the conference
// that votes on them, and writes, saves and exports the period's review
// (báo cáo tổng kết).
//
// The area talks to the use cases through periodService, the few methods
// it needs. Reading and saving is synchronous (milliseconds for an
// office); only the export runs off the UI goroutine.
package periods

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/kit"
)

// periodService is what this area needs from the use cases.
type periodService interface {
	Today() domain.Date
	Periods(ctx context.Context) ([]store.PeriodReview, error)
	SavePeriod(ctx context.Context, p store.PeriodReview) (int64, error)
	PeriodInput(ctx context.Context, from, to int) (docs.PeriodInput, error)
	ExportPeriod(ctx context.Context, from, to int, format string, w io.Writer) error

	// The period's exemplary models and their conference.
	Models(ctx context.Context, periodID int64) ([]domain.ExemplaryModel, error)
	ProposeModels(ctx context.Context, periodID int64) (int, error)
	AddModel(ctx context.Context, periodID int64, sub domain.Subject, reason string) (int64, error)
	SaveModel(ctx context.Context, m domain.ExemplaryModel) error
	RemoveModel(ctx context.Context, id int64) error
	SelectedModels(ctx context.Context, periodID int64) ([]domain.ExemplaryModel, float64, error)
	ExportModels(ctx context.Context, periodID int64, doc string, w io.Writer) error
}

var _ periodService = (*service.Service)(nil)

// View is the "Tổng kết giai đoạn" area.
type View struct {
	svc periodService
	win fyne.Window
	ctx context.Context
	run kit.Runner

	// Data as last loaded.
	periods   []store.PeriodReview    // latest first
	period    store.PeriodReview      // the selected one (ID 0: none)
	input     docs.PeriodInput        // its figures
	exemplary []domain.ExemplaryModel // its models, as listed
	threshold float64                 // the share of the conference's members a model needs, in percent

	periodSel *widget.Select
	addBtn    *widget.Button
	editBtn   *widget.Button
	empty     *widget.Label // shown while no period is recorded
	banner    *fyne.Container
	tabs      *container.AppTabs

	figures *figuresTab
	models  *modelsTab
	report  *reportTab

	// form is the period dialog last opened (tests fill it in).
	form *periodForm
	// exported is the last file written (shown with Mở tệp).
	exported string

	content fyne.CanvasObject
}

// New builds the area over svc; call Reload to fill it.
func New(svc *service.Service, win fyne.Window) *View { return newView(svc, win, kit.RunLong) }

func newView(svc periodService, win fyne.Window, run kit.Runner) *View {
	v := &View{svc: svc, win: win, ctx: context.Background(), run: run}
	v.periodSel = widget.NewSelect(nil, v.onPeriod)
	v.periodSel.PlaceHolder = lang.L("Chọn giai đoạn")
	v.addBtn = widget.NewButtonWithIcon(lang.L("Thêm giai đoạn…"), theme.ContentAddIcon(), v.onAdd)
	v.editBtn = widget.NewButtonWithIcon(lang.L("Sửa giai đoạn…"), theme.DocumentCreateIcon(), v.onEdit)
	v.empty = widget.NewLabel(lang.L("Chưa có giai đoạn nào. Bấm “Thêm giai đoạn…” để khai báo giai đoạn thi đua (ví dụ 2020 - 2025)."))
	v.empty.Wrapping = fyne.TextWrapWord
	v.banner = container.NewVBox()

	v.figures = newFiguresTab(v)
	v.models = newModelsTab(v)
	v.report = newReportTab(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Số liệu"), v.figures.content),
		container.NewTabItem(lang.L("Gương điển hình"), v.models.content),
		container.NewTabItem(lang.L("Báo cáo"), v.report.content),
	)
	top := kit.Bar(kit.Heading("Tổng kết giai đoạn"), widget.NewLabel(lang.L("Giai đoạn")), v.periodSel,
		v.editBtn, layout.NewSpacer(), v.addBtn)
	v.content = container.NewBorder(container.NewVBox(top, v.banner), nil, nil, nil,
		container.NewStack(v.tabs, container.NewPadded(v.empty)))
	v.showPeriod()
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload re-reads the periods and the selected period's figures; a
// report being typed keeps what was typed.
func (v *View) Reload() {
	if err := v.loadPeriods(); err != nil {
		kit.ShowError(v.win, err)
	}
	v.selectPeriod(v.period.ID)
}

// loadPeriods reads the recorded periods into the selector.
func (v *View) loadPeriods() error {
	ps, err := v.svc.Periods(v.ctx)
	if err != nil {
		return fmt.Errorf("read periods: %w", err)
	}
	v.periods = ps
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	v.periodSel.Options = names
	v.periodSel.Refresh()
	return nil
}

// selectPeriod shows the period with id, else the latest one.
func (v *View) selectPeriod(id int64) {
	i := 0
	for j, p := range v.periods {
		if p.ID == id {
			i = j
		}
	}
	if len(v.periods) == 0 {
		v.period = store.PeriodReview{}
		v.periodSel.ClearSelected()
		v.showPeriod()
		return
	}
	if v.periodSel.SelectedIndex() == i {
		v.open(v.periods[i]) // the same choice: no OnChanged, read it again
		return
	}
	v.periodSel.SetSelectedIndex(i) // opens it through onPeriod
}

// onPeriod opens the period chosen in the selector, saving the report of
// the one left first when it was edited.
func (v *View) onPeriod(string) {
	i := v.periodSel.SelectedIndex()
	if i < 0 || i >= len(v.periods) {
		return
	}
	if v.period.ID != 0 && v.period.ID != v.periods[i].ID && v.report.dirty {
		if !v.report.save() {
			v.periodSel.SetSelected(v.period.Name) // stay, with the error shown
			return
		}
	}
	v.open(v.periods[i])
}

// open reads the figures and models of p and fills the tabs.
func (v *View) open(p store.PeriodReview) {
	same := p.ID == v.period.ID
	v.period = p
	in, err := v.svc.PeriodInput(v.ctx, p.FromYear, p.ToYear)
	if err != nil {
		kit.ShowError(v.win, err)
		in = docs.PeriodInput{Period: p.Period, Years: p.Years()}
	}
	v.input = in
	v.loadModels()
	v.showPeriod()
	v.figures.refresh()
	v.models.refresh()
	if !same || !v.report.dirty {
		v.report.fill()
	}
}

// loadModels reads the selected period's models and the share of votes
// a model needs.
func (v *View) loadModels() {
	v.exemplary, v.threshold = nil, 0
	if v.period.ID == 0 {
		return
	}
	ms, err := v.svc.Models(v.ctx, v.period.ID)
	if err != nil {
		kit.ShowError(v.win, err)
		return
	}
	_, th, err := v.svc.SelectedModels(v.ctx, v.period.ID)
	if err != nil {
		kit.ShowError(v.win, err)
	}
	v.exemplary, v.threshold = ms, th
}

// showPeriod shows the tabs when a period is chosen, else how to add one.
func (v *View) showPeriod() {
	has := v.period.ID != 0
	v.tabs.Hidden = !has
	v.empty.Hidden = has
	if has {
		v.editBtn.Enable()
	} else {
		v.editBtn.Disable()
	}
	v.tabs.Refresh()
	v.empty.Refresh()
}

// ---- exporting ----

// exportName is the file name offered for the period's review.
func exportName(p store.PeriodReview, format string) string {
	return paths.SafeFileName(fmt.Sprintf("Báo cáo tổng kết giai đoạn %d - %d", p.FromYear, p.ToYear), "."+format)
}

// chooseExport asks where to save the period's review as PDF or Excel.
func (v *View) chooseExport(format string) {
	if v.period.ID == 0 {
		return
	}
	kit.AskSavePath(v.win, exportName(v.period, format), func(path string) { v.export(format, path) })
}

// export writes the period's review to path off the UI goroutine, then
// offers to open it. The report as typed is saved first: the export
// prints what is recorded.
func (v *View) export(format, path string) {
	if v.report.dirty && !v.report.save() {
		return
	}
	from, to := v.period.FromYear, v.period.ToYear
	v.write(path, "Đang xuất báo cáo tổng kết giai đoạn", func(ctx context.Context, w io.Writer) error {
		return v.svc.ExportPeriod(ctx, from, to, format, w)
	})
}

// write writes a file to path with export off the UI goroutine, then
// offers to open it.
func (v *View) write(path, title string, export func(ctx context.Context, w io.Writer) error) {
	v.run(v.win, title, func(ctx context.Context, _ kit.Progress) error {
		return paths.WriteAtomic(path, func(w io.Writer) error { return export(ctx, w) })
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
		v.showBanner(fmt.Sprintf(lang.L("Đã lưu %s."), filepath.Base(path)), open)
	})
}

// showBanner puts a message with an optional action above the tabs.
func (v *View) showBanner(msg string, action *widget.Button) {
	v.banner.Objects = []fyne.CanvasObject{kit.Banner(msg, kit.Soft(theme.Color(theme.ColorNameSuccess)), action)}
	v.banner.Refresh()
}
