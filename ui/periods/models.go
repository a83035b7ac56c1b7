package periods

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// modelsTab is the working list of the period's exemplary models (gương
// điển hình tiên tiến): the candidates the records point to are put
// before the Hội nghị điển hình tiên tiến, which votes on them; each
// model carries its votes, whether it passed, its account for the
// booklet and whether it goes to the congress as a delegate. A search box
// narrows the list by name or unit, and the row chosen shows its facts in
// full below. The conference's documents are exported from here.
type modelsTab struct {
	v       *View
	search  *widget.Entry
	count   *widget.Label
	list    *widget.Table
	detail  *widget.Label
	shown   []domain.ExemplaryModel // the models the search keeps
	chosen  int                     // index in shown of the selected row, -1: none
	content fyne.CanvasObject

	proposeBtn, confBtn, editBtn, removeBtn *widget.Button
	minutesBtn, bookletBtn, delegatesBtn    *widget.Button
	listBtn                                 *widget.Button

	// modelForm and confForm are the dialogs last opened (tests fill
	// them in).
	modelForm *modelForm
	confForm  *conferenceForm
}

var modelColumns = []kit.Column{
	{Header: "Tập thể, cá nhân", Width: 220},
	{Header: "Đơn vị", Width: 170},
	{Header: "Căn cứ", Width: 400},
	{Header: "Số phiếu", Width: 80},
	{Header: "Kết quả", Width: 100},
	{Header: "Đại biểu", Width: 80},
}

// Results of a model at the conference, as the list shows them.
const (
	resultSelected = "Đạt"
	resultRejected = "Không đạt"
	resultNotVoted = "Chưa bầu"
)

// The documents of the models, as ExportModels names them.
const (
	docMinutes   = "minutes"
	docBooklet   = "booklet"
	docDelegates = "delegates"
)

const noDetail = "Chọn một dòng để xem đủ căn cứ."

func newModelsTab(v *View) *modelsTab {
	t := &modelsTab{v: v, chosen: -1}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(lang.L("Tìm theo tên, đơn vị…"))
	t.search.OnChanged = func(string) { t.apply() }
	t.count = widget.NewLabel("")
	t.list = kit.StyledTable(modelColumns, func() int { return len(t.shown) }, t.styledCell)
	t.list.OnSelected = t.onSelected
	t.list.OnUnselected = func(widget.TableCellID) { t.choose(-1) }
	t.detail = widget.NewLabel(lang.L(noDetail))
	t.detail.Wrapping = fyne.TextWrapWord

	t.proposeBtn = widget.NewButtonWithIcon(lang.L("Đưa các ứng viên ra Hội nghị"), theme.ContentAddIcon(), t.onPropose)
	t.confBtn = widget.NewButtonWithIcon(lang.L("Hội nghị…"), theme.SettingsIcon(), t.onConference)
	t.editBtn = widget.NewButtonWithIcon(lang.L("Sửa…"), theme.DocumentCreateIcon(), t.onEdit)
	t.removeBtn = widget.NewButtonWithIcon(lang.L("Xóa"), theme.DeleteIcon(), t.onRemove)
	t.minutesBtn = widget.NewButtonWithIcon(lang.L("Biên bản…"), theme.DocumentPrintIcon(), func() { t.chooseExport(docMinutes) })
	t.bookletBtn = widget.NewButtonWithIcon(lang.L("Kỷ yếu…"), theme.DocumentPrintIcon(), func() { t.chooseExport(docBooklet) })
	t.delegatesBtn = widget.NewButtonWithIcon(lang.L("Danh sách đại biểu…"), theme.DocumentPrintIcon(), func() { t.chooseExport(docDelegates) })
	t.listBtn = widget.NewButtonWithIcon(lang.L("Danh sách (Excel)…"), theme.DownloadIcon(), func() { t.chooseExport(service.ModelsList) })

	bar := kit.Bar(t.proposeBtn, t.confBtn, t.editBtn, t.removeBtn, layout.NewSpacer(),
		t.minutesBtn, t.bookletBtn, t.delegatesBtn, t.listBtn)
	top := container.NewVBox(bar, container.NewBorder(nil, nil, nil, t.count, t.search))
	t.content = container.NewBorder(top, nil, nil, nil,
		kit.Split("periods.models", false, t.list, container.NewVScroll(t.detail), 0.7))
	t.choose(-1)
	return t
}

// refresh shows the models of the selected period.
func (t *modelsTab) refresh() { t.apply() }

// apply keeps the models whose name or unit holds every word typed,
// whatever the diacritics.
func (t *modelsTab) apply() {
	t.shown = t.shown[:0]
	for _, m := range t.v.exemplary {
		if kit.Matches(t.search.Text, m.Name, m.Unit) {
			t.shown = append(t.shown, m)
		}
	}
	t.count.SetText(fmt.Sprintf(lang.L("%d / %d gương điển hình"), len(t.shown), len(t.v.exemplary)))
	t.list.UnselectAll()
	t.choose(-1)
	t.list.Refresh()
}

// result is what the conference made of m.
func (t *modelsTab) result(m domain.ExemplaryModel) string {
	switch {
	case !m.Voted:
		return resultNotVoted
	case m.Selected(t.v.period.Conference, t.v.threshold):
		return resultSelected
	default:
		return resultRejected
	}
}

func (t *modelsTab) cell(r, c int) string {
	s, _ := t.styledCell(r, c)
	return s
}

func (t *modelsTab) styledCell(r, c int) (string, widget.Importance) {
	if r >= len(t.shown) {
		return "", widget.MediumImportance
	}
	m := t.shown[r]
	switch c {
	case 0:
		return m.Name, widget.MediumImportance
	case 1:
		return m.Unit, widget.MediumImportance
	case 2:
		return reasons(m.ExemplaryCandidate, "; "), widget.MediumImportance
	case 3:
		if !m.Voted {
			return "—", widget.MediumImportance
		}
		return strconv.Itoa(m.VotesFor), widget.MediumImportance
	case 4:
		switch res := t.result(m); res {
		case resultSelected:
			return lang.L(res), widget.SuccessImportance
		case resultRejected:
			return lang.L(res), widget.DangerImportance
		default:
			return lang.L(res), widget.LowImportance
		}
	default:
		if m.Delegate {
			return "✓", widget.MediumImportance
		}
		return "", widget.MediumImportance
	}
}

func (t *modelsTab) onSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(t.shown) {
		t.choose(-1)
		return
	}
	t.choose(id.Row)
}

// choose makes row i of the list the one the buttons act on (-1: none)
// and shows its facts in full.
func (t *modelsTab) choose(i int) {
	t.chosen = i
	has := i >= 0 && i < len(t.shown)
	enable(t.editBtn, has)
	enable(t.removeBtn, has)
	if !has {
		if len(t.v.exemplary) == 0 && t.v.period.ID != 0 {
			t.detail.SetText(lang.L("Chưa có gương điển hình nào. Bấm “Đưa các ứng viên ra Hội nghị” để lập danh sách từ thành tích của giai đoạn."))
		} else {
			t.detail.SetText(lang.L(noDetail))
		}
		return
	}
	m := t.shown[i]
	head := m.Name
	if m.Unit != "" {
		head += " · " + m.Unit
	}
	text := head + "\n• " + reasons(m.ExemplaryCandidate, "\n• ")
	if m.Account != "" {
		text += "\n\n" + m.Account
	}
	t.detail.SetText(text)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// selected is the model of the chosen row.
func (t *modelsTab) selected() (domain.ExemplaryModel, bool) {
	if t.chosen < 0 || t.chosen >= len(t.shown) {
		return domain.ExemplaryModel{}, false
	}
	return t.shown[t.chosen], true
}

// reasons joins the facts a candidate rests on.
func reasons(m domain.ExemplaryCandidate, sep string) string {
	parts := make([]string, len(m.Reasons))
	for i, r := range m.Reasons {
		parts[i] = r.Text
	}
	return strings.Join(parts, sep)
}

// ---- actions ----

// onPropose puts every candidate of the period's records before the
// conference and reads the list again.
func (t *modelsTab) onPropose() {
	v := t.v
	if v.period.ID == 0 {
		return
	}
	n, err := v.svc.ProposeModels(v.ctx, v.period.ID)
	if err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.loadModels()
	t.refresh()
	v.showBanner(fmt.Sprintf(lang.L("Đã đưa %d ứng viên ra Hội nghị điển hình tiên tiến."), n), nil)
}

// onRemove takes the chosen model off the list, after asking.
func (t *modelsTab) onRemove() {
	v := t.v
	m, ok := t.selected()
	if !ok {
		return
	}
	kit.Confirm(v.win, lang.L("Xóa khỏi danh sách"),
		fmt.Sprintf(lang.L("Xóa “%s” khỏi danh sách gương điển hình của giai đoạn? Số phiếu và bài viết cũng mất."), m.Name),
		lang.L("Xóa"), true, func() { t.remove(m) })
}

func (t *modelsTab) remove(m domain.ExemplaryModel) {
	v := t.v
	if err := v.svc.RemoveModel(v.ctx, m.ID); err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.loadModels()
	t.refresh()
	v.showBanner(fmt.Sprintf(lang.L("Đã xóa “%s” khỏi danh sách."), m.Name), nil)
}

// ---- exporting ----

// modelsExportName is the file name offered for a document of the models.
func modelsExportName(p domain.Period, doc string) string {
	title, ext := "Danh sách gương điển hình", ".xlsx"
	switch doc {
	case docMinutes:
		title, ext = "Biên bản Hội nghị điển hình tiên tiến", ".pdf"
	case docBooklet:
		title, ext = "Kỷ yếu gương điển hình tiên tiến", ".pdf"
	case docDelegates:
		title, ext = "Danh sách đại biểu dự Đại hội", ".pdf"
	}
	return paths.SafeFileName(fmt.Sprintf("%s giai đoạn %d - %d", title, p.FromYear, p.ToYear), ext)
}

// chooseExport asks where to save a document of the models.
func (t *modelsTab) chooseExport(doc string) {
	v := t.v
	if v.period.ID == 0 {
		return
	}
	kit.AskSavePath(v.win, modelsExportName(v.period.Period, doc), func(path string) { t.export(doc, path) })
}

// export writes a document of the models to path off the UI goroutine.
func (t *modelsTab) export(doc, path string) {
	v := t.v
	id := v.period.ID
	v.write(path, "Đang xuất văn bản gương điển hình", func(ctx context.Context, w io.Writer) error {
		return v.svc.ExportModels(ctx, id, doc, w)
	})
}
