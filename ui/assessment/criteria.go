package assessment

// The scoring table's own upkeep, beside the self-scores: loading the
// leader's table from Excel (preview, then confirm), editing it by hand,
// the evidence files of each criterion, and the other members' totals
// loaded from the leader's ranking sheet. Every dialog callback calls a
// method of scoresTab that tests call directly with a reader.

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// openXLSX asks for a workbook and hands it to then, which owns (and
// closes) the reader.
func (t *scoresTab) openXLSX(then func(name string, r io.ReadCloser)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			kit.ShowError(t.v.win, err)
			return
		}
		if r == nil {
			return
		}
		then(r.URI().Name(), r)
	}, t.v.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// ---------------------------------------------------------------------------
// Import of a scoring table.

func (t *scoresTab) chooseCriteriaFile() {
	t.openXLSX(func(name string, r io.ReadCloser) { t.importCriteriaFrom(name, r) })
}

// importCriteriaFrom reads a scoring table off the UI goroutine and shows
// what importing it would do. Nothing is written until the clerk confirms.
func (t *scoresTab) importCriteriaFrom(name string, r io.Reader) {
	v := t.v
	year := v.year
	var p *service.CriteriaPreview
	v.run(v.win, "Đang đọc bảng chấm điểm", func(ctx context.Context, _ kit.Progress) error {
		if c, ok := r.(io.Closer); ok {
			defer c.Close()
		}
		var err error
		p, err = v.svc.PreviewCriteriaImport(ctx, year, r)
		return err
	}, func(err error) {
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		t.showCriteriaPreview(name, p)
	})
}

// previewSummary is the text of the preview dialog.
func (t *scoresTab) previewSummary(name string, p *service.CriteriaPreview) string {
	var b strings.Builder
	fmt.Fprintf(&b, lang.L("Tệp %s, năm %d: nhận %d tiêu chí (%d nhóm), loại %d dòng, %d điểm tự chấm."),
		name, p.Year, len(p.Criteria), p.Groups, p.RejectedRows(), len(p.Scores))
	for _, w := range p.Warnings {
		b.WriteString("\n• ")
		if w.Row == 0 {
			b.WriteString(w.Reason)
		} else {
			b.WriteString(w.String())
		}
	}
	if len(p.Rejected) > 0 {
		b.WriteString("\n\n" + lang.L("Các dòng bị loại (sửa trong tệp rồi nhập lại nếu cần):"))
		for _, is := range p.Rejected {
			b.WriteString("\n• " + is.String())
		}
	}
	if t.dirty() {
		b.WriteString("\n\n" + lang.L("Các điểm đang gõ chưa lưu sẽ bị bỏ."))
	}
	return b.String()
}

// showCriteriaPreview shows the preview and imports on confirm.
func (t *scoresTab) showCriteriaPreview(name string, p *service.CriteriaPreview) {
	t.preview = p
	t.previewText = widget.NewLabel(t.previewSummary(name, p))
	t.previewText.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(t.previewText)
	scroll.SetMinSize(fyne.NewSize(640, 320))
	if len(p.Criteria) == 0 {
		d := dialog.NewCustom(lang.L("Nhập bảng chấm điểm"), lang.L("Đóng"), scroll, t.v.win)
		d.Show()
		return
	}
	d := dialog.NewCustomConfirm(lang.L("Nhập bảng chấm điểm"), lang.L("Nhập bảng điểm"), lang.L("Hủy"), scroll, func(ok bool) {
		if ok {
			t.commitCriteriaImport()
		} else {
			t.preview = nil
		}
	}, t.v.win)
	d.Show()
}

// commitCriteriaImport writes the previewed table and reloads the tab.
func (t *scoresTab) commitCriteriaImport() {
	v := t.v
	p := t.preview
	if p == nil {
		return
	}
	t.preview = nil
	if err := v.svc.CommitCriteriaImport(v.ctx, p); err != nil {
		kit.ShowError(v.win, err)
		return
	}
	t.refresh()
	msg := fmt.Sprintf(lang.L("Đã nhập bảng chấm điểm năm %d: %d tiêu chí."), p.Year, len(p.Criteria))
	if len(p.Scores) > 0 {
		msg += " " + fmt.Sprintf(lang.L("Đã nhập %d điểm tự chấm."), len(p.Scores))
	}
	v.showBanner(msg, nil)
}

// ---------------------------------------------------------------------------
// Editing the table by hand.

// editRow is a line of the criteria editor.
type editRow struct {
	orig    domain.Criterion // zero for a new line
	code    *widget.Entry
	name    *widget.Entry
	method  *widget.Select
	max     *widget.Entry
	target  *widget.Select
	capPct  *widget.Entry
	box     fyne.CanvasObject
	removed bool
}

// criteriaEditor is the "Sửa bảng tiêu chí" dialog.
type criteriaEditor struct {
	t       *scoresTab
	rows    []*editRow
	list    *fyne.Container
	errText *widget.Label
	targets map[string]int64 // select option → target ID
	labels  map[int64]string
	dlg     dialog.Dialog
}

var editCols = []float32{80, 0, 170, 70, 220, 70, 36}

// methodOptions are the methods offered, by label.
var methodOptions = []domain.ScoringMethod{domain.MethodProportional, domain.MethodPassFail, domain.MethodBonus, domain.MethodPenalty, domain.MethodManual}

func methodLabel(m domain.ScoringMethod) string { return lang.L(m.Label()) }

func methodOf(label string) domain.ScoringMethod {
	for _, m := range methodOptions {
		if methodLabel(m) == label {
			return m
		}
	}
	return ""
}

// openEditor shows the editor over the year's table.
func (t *scoresTab) openEditor() {
	e := t.newEditor()
	save := widget.NewButtonWithIcon(lang.L("Lưu bảng tiêu chí"), theme.DocumentSaveIcon(), e.save)
	save.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon(lang.L("Thêm dòng"), theme.ContentAddIcon(), func() { e.addRow(domain.Criterion{}) })
	header := container.New(&kit.Columns{FlexMin: 200, Widths: editCols}, bold("Mã"), bold("Nội dung"), bold("Cách chấm"),
		bold("Tối đa"), bold("Chỉ tiêu"), bold("Trần %"), widget.NewLabel(""))
	hint := widget.NewLabel(fmt.Sprintf(lang.L("Mã cho biết vị trí trong bảng: I, I.1, I.1.a. Dòng có tiêu chí con là nhóm (không chọn cách chấm). Sửa mã làm mất điểm tự chấm đã có của mã cũ. Năm %d."), t.v.year))
	hint.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButtonWithIcon(lang.L("Đóng"), theme.CancelIcon(), nil)
	body := container.NewBorder(container.NewVBox(hint, e.errText, header),
		container.NewHBox(add, layout.NewSpacer(), closeBtn, save), nil, nil, container.NewVScroll(e.list))
	d := dialog.NewCustomWithoutButtons(lang.L("Sửa bảng tiêu chí"), body, t.v.win)
	closeBtn.OnTapped = d.Hide
	e.dlg = d
	d.Resize(fyne.NewSize(1100, 680))
	d.Show()
}

// newEditor builds the editor's rows; openEditor puts them in a dialog.
func (t *scoresTab) newEditor() *criteriaEditor {
	e := &criteriaEditor{t: t, list: container.NewVBox(), errText: widget.NewLabel(""),
		targets: map[string]int64{}, labels: map[int64]string{}}
	e.errText.Wrapping = fyne.TextWrapWord
	e.errText.Importance = widget.DangerImportance
	e.errText.Hide()
	for _, yt := range t.v.yearTargets() {
		label := yt.Name
		if _, dup := e.targets[label]; dup {
			label = yt.Name + " (" + yt.movement + ")"
		}
		e.targets[label] = yt.ID
		e.labels[yt.ID] = label
	}
	for _, c := range t.criteria {
		e.addRow(c)
	}
	t.editor = e
	return e
}

func (e *criteriaEditor) targetOptions() []string {
	out := []string{""}
	for _, yt := range e.t.v.yearTargets() {
		out = append(out, e.labels[yt.ID])
	}
	return out
}

func (e *criteriaEditor) addRow(c domain.Criterion) *editRow {
	r := &editRow{orig: c}
	r.code = widget.NewEntry()
	r.code.SetText(c.Code)
	r.code.SetPlaceHolder(lang.L("ví dụ I.1"))
	r.name = widget.NewEntry()
	r.name.SetText(c.Name)
	labels := make([]string, len(methodOptions))
	for i, m := range methodOptions {
		labels[i] = methodLabel(m)
	}
	r.method = widget.NewSelect(labels, nil)
	r.method.PlaceHolder = lang.L("(nhóm)")
	r.max = widget.NewEntry()
	if c.Code != "" {
		r.max.SetText(kit.FormatNumber(c.MaxPoints))
	}
	r.target = widget.NewSelect(e.targetOptions(), nil)
	r.target.PlaceHolder = lang.L("(chấm tay)")
	r.capPct = widget.NewEntry()
	r.capPct.SetPlaceHolder(lang.L("mặc định 100"))
	switch {
	case c.Method != "":
		r.method.SetSelected(methodLabel(c.Method))
	case c.Code == "":
		r.method.SetSelected(methodLabel(domain.MethodManual)) // a new line is most often a criterion
	}
	if c.Method == domain.MethodProportional {
		if l, ok := e.labels[c.TargetID]; ok {
			r.target.SetSelected(l)
		}
		if c.CapPercent > 0 {
			r.capPct.SetText(kit.FormatNumber(c.CapPercent))
		}
	}
	r.method.OnChanged = func(string) { e.syncRow(r) }
	e.syncRow(r)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.removeRow(r) })
	r.box = container.New(&kit.Columns{FlexMin: 200, Widths: editCols}, r.code, r.name, r.method, r.max, r.target, r.capPct, del)
	e.rows = append(e.rows, r)
	e.list.Add(r.box)
	e.list.Refresh()
	return r
}

// syncRow enables the target and cap for a proportional criterion only.
func (e *criteriaEditor) syncRow(r *editRow) {
	if methodOf(r.method.Selected) == domain.MethodProportional {
		r.target.Enable()
		r.capPct.Enable()
	} else {
		r.target.Disable()
		r.capPct.Disable()
	}
}

func (e *criteriaEditor) removeRow(r *editRow) {
	r.removed = true
	e.list.Remove(r.box)
	e.list.Refresh()
}

// criteria reads the editor's rows; a problem of a typed number is an error.
func (e *criteriaEditor) criteria() ([]domain.Criterion, error) {
	var out []domain.Criterion
	var errs domain.FieldErrors
	for _, r := range e.rows {
		if r.removed {
			continue
		}
		code := strings.TrimSpace(r.code.Text)
		if code == "" && strings.TrimSpace(r.name.Text) == "" {
			continue // an added line left empty
		}
		c := r.orig
		c.ID, c.SortOrder = 0, 0
		c.Code, c.Name = code, strings.TrimSpace(r.name.Text)
		if c.Code != r.orig.Code || r.orig.Code == "" {
			c.ParentCode = ""
			if i := strings.LastIndex(c.Code, "."); i > 0 {
				c.ParentCode = c.Code[:i]
			}
		}
		c.Method = methodOf(r.method.Selected)
		x, ok, err := kit.ParseNumber(r.max.Text)
		if err != nil {
			errs = append(errs, domain.FieldError{Field: service.FieldMaxPoints, Msg: fmt.Sprintf(lang.L("tiêu chí %s: điểm tối đa “%s” không phải là số"), c.Code, r.max.Text)})
		}
		c.MaxPoints = 0
		if ok {
			c.MaxPoints = x
		}
		c.TargetID, c.CapPercent = 0, 0
		if c.Method == domain.MethodProportional {
			c.TargetID = e.targets[r.target.Selected]
			capPct, ok, err := kit.ParseNumber(r.capPct.Text)
			if err != nil {
				errs = append(errs, domain.FieldError{Field: service.FieldMethod, Msg: fmt.Sprintf(lang.L("tiêu chí %s: mức trần “%s” không phải là số"), c.Code, r.capPct.Text)})
			}
			c.CapPercent = 100
			if ok {
				c.CapPercent = capPct
			}
		}
		out = append(out, c)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// save writes the table; errors stay in the dialog, success closes it.
func (e *criteriaEditor) save() {
	t := e.t
	v := t.v
	cs, err := e.criteria()
	var cleared []domain.SelfScore
	if err == nil {
		cleared, err = v.svc.SaveCriteria(v.ctx, v.year, cs)
	}
	if err != nil {
		var lines []string
		if fes := domain.AsFieldErrors(err); fes != nil {
			for _, fe := range fes {
				lines = append(lines, "• "+fe.Error())
			}
		} else {
			lines = append(lines, service.Explain(err))
		}
		e.errText.SetText(strings.Join(lines, "\n"))
		e.errText.Show()
		return
	}
	e.errText.Hide()
	if e.dlg != nil {
		e.dlg.Hide()
	}
	t.editor = nil
	t.refresh()
	msg := fmt.Sprintf(lang.L("Đã lưu bảng chấm điểm năm %d: %d tiêu chí."), v.year, len(cs))
	if text := service.ClearedScoresText(cs, cleared, true); text != "" {
		msg += " " + text
	}
	v.showBanner(msg, nil)
}

// ---------------------------------------------------------------------------
// Evidence files.

// evidenceObject is the line of a criterion's files and the attach button.
func (t *scoresTab) evidenceObject(r *scoreRow) fyne.CanvasObject {
	r.evBox = container.NewHBox()
	t.showEvidence(r)
	return r.evBox
}

// loadEvidence re-reads a criterion's file names.
func (t *scoresTab) loadEvidence(r *scoreRow) {
	v := t.v
	names, err := v.svc.Evidence(v.ctx, v.year, r.c.Code)
	if err != nil {
		kit.ShowError(v.win, err)
	}
	r.evidence = names
	t.showEvidence(r)
}

func (t *scoresTab) showEvidence(r *scoreRow) {
	if r.evBox == nil {
		return
	}
	r.evBox.Objects = nil
	clip := canvas.NewText(lang.L("Tệp minh chứng:"), theme.Color(theme.ColorNamePlaceHolder))
	clip.TextSize = theme.TextSize() * 0.85
	r.evBox.Add(clip)
	for _, name := range r.evidence {
		open := widget.NewButtonWithIcon(name, theme.FileIcon(), func() { t.openEvidence(r, name) })
		open.Importance = widget.LowImportance
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { t.askRemoveEvidence(r, name) })
		rm.Importance = widget.LowImportance
		r.evBox.Add(container.NewHBox(open, rm))
	}
	attach := widget.NewButtonWithIcon(lang.L("Đính kèm…"), theme.ContentAddIcon(), func() { t.chooseEvidence(r) })
	attach.Importance = widget.LowImportance
	r.evBox.Add(attach)
	r.evBox.Refresh()
}

func (t *scoresTab) chooseEvidence(r *scoreRow) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			kit.ShowError(t.v.win, err)
			return
		}
		if rc == nil {
			return
		}
		t.attachEvidence(r, rc.URI().Name(), rc)
	}, t.v.win)
	d.Show()
}

// attachEvidence stores the file read from rd as evidence of r's criterion.
func (t *scoresTab) attachEvidence(r *scoreRow, name string, rd io.Reader) {
	v := t.v
	year, code := v.year, r.c.Code
	v.run(v.win, "Đang đính kèm tệp minh chứng", func(ctx context.Context, _ kit.Progress) error {
		if c, ok := rd.(io.Closer); ok {
			defer c.Close()
		}
		// One byte more than allowed is enough for the service to refuse it.
		data, err := io.ReadAll(io.LimitReader(rd, 20<<20+1))
		if err != nil {
			return err
		}
		return v.svc.AttachEvidence(ctx, year, code, name, data)
	}, func(err error) {
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		t.loadEvidence(r)
		t.setStatus(fmt.Sprintf(lang.L("Đã đính kèm %s vào tiêu chí %s."), name, code))
	})
}

// evidencePath writes an evidence file to a folder of its own under the
// temporary folder, so the system's viewer can open it.
func (t *scoresTab) evidencePath(ctx context.Context, year int, code, name string) (string, error) {
	data, err := t.v.svc.EvidenceFile(ctx, year, code, name)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(os.TempDir(), "tdkt-minh-chung", fmt.Sprint(year), paths.SafeFileName(code, ""))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	ext := filepath.Ext(name)
	path := filepath.Join(dir, paths.SafeFileName(strings.TrimSuffix(filepath.Base(name), ext), ext))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return "", err
	}
	return path, nil
}

// openEvidence shows an evidence file in the system's viewer.
func (t *scoresTab) openEvidence(r *scoreRow, name string) {
	v := t.v
	year, code := v.year, r.c.Code
	var path string
	v.run(v.win, "Đang mở tệp minh chứng", func(ctx context.Context, _ kit.Progress) error {
		var err error
		path, err = t.evidencePath(ctx, year, code, name)
		return err
	}, func(err error) {
		if err == nil {
			err = kit.OpenFile(path)
		}
		kit.ShowError(v.win, err)
	})
}

func (t *scoresTab) askRemoveEvidence(r *scoreRow, name string) {
	t.v.ask(lang.L("Gỡ tệp minh chứng"), fmt.Sprintf(lang.L("Gỡ tệp %s khỏi tiêu chí %s? Tệp được xóa khỏi dữ liệu của chương trình."), name, r.c.Code),
		lang.L("Gỡ tệp"), true, func() { t.removeEvidence(r, name) })
}

func (t *scoresTab) removeEvidence(r *scoreRow, name string) {
	v := t.v
	if err := v.svc.RemoveEvidence(v.ctx, v.year, r.c.Code, name); err != nil {
		kit.ShowError(v.win, err)
		return
	}
	t.loadEvidence(r)
	t.setStatus(fmt.Sprintf(lang.L("Đã gỡ %s khỏi tiêu chí %s."), name, r.c.Code))
}

// ---------------------------------------------------------------------------
// The other members' totals.

func (t *scoresTab) chooseTotalsFile() {
	t.openXLSX(func(name string, r io.ReadCloser) { t.importTotalsFrom(name, r) })
}

// importTotalsFrom records the members' totals read from r.
func (t *scoresTab) importTotalsFrom(name string, r io.Reader) {
	v := t.v
	year := v.year
	n := 0
	v.run(v.win, "Đang nhập tổng điểm các đơn vị", func(ctx context.Context, _ kit.Progress) error {
		if c, ok := r.(io.Closer); ok {
			defer c.Close()
		}
		var err error
		n, err = v.svc.ImportClusterTotals(ctx, year, r)
		return err
	}, func(err error) {
		if err != nil {
			kit.ShowError(v.win, err)
			return
		}
		t.loadCluster()
		t.refreshRanking()
		v.showBanner(fmt.Sprintf(lang.L("Đã nhập tổng điểm của %d đơn vị từ %s."), n, name), nil)
	})
}
