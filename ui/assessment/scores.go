package assessment

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// scoreRow is one node of the scoring table: a group with the total of its
// criteria, or a criterion with the self-score and evidence note.
type scoreRow struct {
	c     domain.Criterion
	depth int
	group bool

	score   *widget.Entry // criteria only
	note    *widget.Entry
	total   *widget.Label // groups only
	err     *canvas.Text
	suggest *widget.Button

	value float64 // the valid score typed
	valid bool    // score typed and within bounds

	evidence []string        // criteria only: the evidence files' names
	evBox    *fyne.Container // their buttons and "Đính kèm…"
}

// scoresTab is the self-scoring of the year's scoring table (bảng chấm
// điểm), with totals recomputed as scores are typed, and the office's place
// among the cluster's members.
type scoresTab struct {
	v        *View
	criteria []domain.Criterion
	rows     []*scoreRow
	byCode   map[string]int
	saved    map[string]domain.SelfScore
	targets  map[int64]domain.Target
	values   map[int64]domain.TargetValue // the office's
	grand    float64
	grandMax float64

	rowsBox    *fyne.Container
	empty      *widget.Label
	grandLbl   *widget.Label
	dirtyLbl   *widget.Label
	status     *widget.Label
	saveBtn    *widget.Button
	suggestBtn *widget.Button
	bottom     *fyne.Container

	cluster    domain.Cluster
	hasCluster bool
	memberTot  []*widget.Entry // per member; nil for this office
	ownTotal   []*widget.Label
	rankBox    *fyne.Container
	memberBox  *fyne.Container
	clusterBtn *widget.Button
	noCluster  *widget.Label
	totalsBtn  *widget.Button

	importBtn   *widget.Button
	editBtn     *widget.Button
	preview     *service.CriteriaPreview // awaiting the clerk's confirmation
	previewText *widget.Label
	editor      *criteriaEditor // the open "Sửa bảng tiêu chí" dialog

	content  fyne.CanvasObject // the criteria and the self-scores
	rankPane fyne.CanvasObject // the cluster's ranking and the other offices' totals
}

var scoreCols = []float32{64, 0, 120, 56, 84, 180, 40}

func newScoresTab(v *View) *scoresTab {
	t := &scoresTab{v: v}
	t.rowsBox = container.NewVBox()
	t.empty = widget.NewLabel("")
	t.empty.Wrapping = fyne.TextWrapWord
	t.grandLbl = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.dirtyLbl = widget.NewLabel("")
	t.dirtyLbl.Importance = widget.WarningImportance
	t.status = widget.NewLabel("")
	t.status.Wrapping = fyne.TextWrapWord
	t.status.Hide()
	t.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu điểm tự chấm"), theme.DocumentSaveIcon(), t.save)
	t.saveBtn.Importance = widget.HighImportance
	t.suggestBtn = widget.NewButtonWithIcon(lang.L("Gợi ý điểm"), theme.HelpIcon(), t.suggestAll)
	header := container.New(&kit.Columns{FlexMin: 200, Widths: scoreCols}, bold("Mã"), bold("Nội dung"), bold("Cách chấm"),
		bold("Tối đa"), bold("Tự chấm"), bold("Minh chứng"), widget.NewLabel(""))
	t.bottom = kit.Bar(t.grandLbl, layout.NewSpacer(), t.dirtyLbl, t.suggestBtn, t.saveBtn)
	t.importBtn = widget.NewButtonWithIcon(lang.L("Nhập bảng điểm từ Excel…"), theme.UploadIcon(), t.chooseCriteriaFile)
	t.editBtn = widget.NewButtonWithIcon(lang.L("Sửa bảng tiêu chí…"), theme.DocumentCreateIcon(), t.openEditor)
	tools := kit.Bar(t.importBtn, t.editBtn)
	left := container.NewBorder(container.NewVBox(tools, t.empty, t.status, header), t.bottom,
		nil, nil, container.NewVScroll(t.rowsBox))

	t.rankBox = container.NewVBox()
	t.memberBox = container.NewVBox()
	t.noCluster = widget.NewLabel("")
	t.noCluster.Wrapping = fyne.TextWrapWord
	t.clusterBtn = widget.NewButtonWithIcon(lang.L("Lưu điểm các đơn vị"), theme.DocumentSaveIcon(), t.saveCluster)
	t.totalsBtn = widget.NewButtonWithIcon(lang.L("Nhập tổng điểm các đơn vị…"), theme.UploadIcon(), t.chooseTotalsFile)
	right := container.NewBorder(container.NewVBox(kit.Heading("Xếp hạng trong cụm"), t.noCluster), container.NewVBox(t.totalsBtn, container.NewHBox(t.clusterBtn)), nil, nil,
		container.NewVScroll(container.NewVBox(t.rankBox, widget.NewSeparator(),
			widget.NewLabelWithStyle(lang.L("Tổng điểm các đơn vị trong cụm"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), t.memberBox)))
	// The cluster's ranking has a tab of its own: beside the criteria it
	// pushed a 1024-pixel window wider and cut the offices' names.
	t.content = left
	t.rankPane = right
	return t
}

// refresh reads the year's table, scores, targets and cluster.
func (t *scoresTab) refresh() {
	v := t.v
	t.status.Hide()
	cs, err := v.svc.Criteria(v.ctx, v.year)
	if err != nil {
		kit.ShowError(v.win, err)
	}
	t.criteria = cs
	ss, err := v.svc.SelfScores(v.ctx, v.year)
	if err != nil {
		kit.ShowError(v.win, err)
	}
	t.saved = map[string]domain.SelfScore{}
	for _, s := range ss {
		t.saved[s.Code] = s
	}
	t.targets = map[int64]domain.Target{}
	for _, m := range v.movements {
		for _, tg := range m.Targets {
			t.targets[tg.ID] = tg
		}
	}
	t.loadValues()
	t.build()
	t.loadCluster()
	t.recompute()
}

// loadValues reads the office's target values, for the suggestions.
func (t *scoresTab) loadValues() {
	v := t.v
	t.values = map[int64]domain.TargetValue{}
	if root, ok := v.rootUnit(); ok {
		tvs, err := v.svc.TargetValues(v.ctx, v.year, root.Code)
		if err != nil {
			kit.ShowError(v.win, err)
		}
		for _, tv := range tvs {
			t.values[tv.TargetID] = tv
		}
	}
}

// targetsChanged is called after the Chỉ tiêu tab saved.
func (t *scoresTab) targetsChanged() { t.loadValues(); t.refreshSuggest() }

// build lays out a row per node of the table, in the service's tree order.
func (t *scoresTab) build() {
	t.rows = nil
	t.byCode = map[string]int{}
	t.rowsBox.Objects = nil
	parents := map[string]bool{}
	for _, c := range t.criteria {
		if c.ParentCode != "" {
			parents[c.ParentCode] = true
		}
	}
	for i, c := range t.criteria {
		r := &scoreRow{c: c, group: parents[c.Code]}
		if p, ok := t.byCode[c.ParentCode]; ok {
			r.depth = t.rows[p].depth + 1
		}
		t.byCode[c.Code] = i
		t.rows = append(t.rows, r)
	}
	evidence := map[string][]string{}
	for _, r := range t.rows {
		if r.group {
			continue
		}
		names, err := t.v.svc.Evidence(t.v.ctx, t.v.year, r.c.Code)
		if err != nil {
			kit.ShowError(t.v.win, err)
			break
		}
		evidence[r.c.Code] = names
	}
	for _, r := range t.rows {
		r.evidence = evidence[r.c.Code]
		t.rowsBox.Add(t.rowObject(r))
	}
	if len(t.rows) == 0 {
		t.empty.SetText(fmt.Sprintf(lang.L("Chưa có bảng chấm điểm năm %d. Bấm “Nhập bảng điểm từ Excel…” để nạp bảng chấm điểm cụm trưởng gửi, hoặc “Sửa bảng tiêu chí…” để tự lập bảng."), t.v.year))
		t.empty.Show()
	} else {
		t.empty.Hide()
	}
	t.rowsBox.Refresh()
}

func (t *scoresTab) rowObject(r *scoreRow) fyne.CanvasObject {
	code := widget.NewLabel(strings.Repeat("  ", r.depth) + r.c.Code)
	name := widget.NewLabel(r.c.Name)
	name.Truncation = fyne.TextTruncateEllipsis
	maxLbl := widget.NewLabel(kit.FormatNumber(r.c.MaxPoints))
	r.err = canvas.NewText("", theme.Color(theme.ColorNameError))
	r.err.TextSize = theme.TextSize() * 0.85
	r.err.Hide()
	if r.group {
		code.TextStyle.Bold = true
		name.TextStyle.Bold = true
		r.total = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		line := container.New(&kit.Columns{FlexMin: 200, Widths: scoreCols}, code, name, widget.NewLabel(""), maxLbl, r.total, widget.NewLabel(""), widget.NewLabel(""))
		return container.NewVBox(line, widget.NewSeparator())
	}
	method := widget.NewLabel(lang.L(r.c.Method.Label()))
	method.Truncation = fyne.TextTruncateEllipsis
	lo, hi := r.c.Bounds()
	r.score = widget.NewEntry()
	r.score.SetPlaceHolder(fmt.Sprintf("%s…%s", kit.FormatNumber(lo), kit.FormatNumber(hi)))
	r.note = widget.NewEntry()
	r.note.SetPlaceHolder(lang.L("Số văn bản, tài liệu…"))
	if s, ok := t.saved[r.c.Code]; ok {
		r.score.SetText(kit.FormatNumber(s.Score))
		r.note.SetText(s.Note)
	}
	r.score.OnChanged = func(string) { t.recompute() }
	r.note.OnChanged = func(string) { t.markDirty() }
	r.suggest = widget.NewButtonWithIcon("", theme.HelpIcon(), func() { t.suggest(r, true) })
	t.setSuggestState(r)
	line := container.New(&kit.Columns{FlexMin: 200, Widths: scoreCols}, code, name, method, maxLbl, r.score, r.note, r.suggest)
	// The message and the evidence files line up under the criterion's name.
	return container.NewVBox(line, container.NewBorder(nil, nil, sizedW(widget.NewLabel(""), scoreCols[0]), nil,
		container.NewVBox(r.err, t.evidenceObject(r))), widget.NewSeparator())
}

// canSuggest reports whether the method gives a score from a target.
func (t *scoresTab) canSuggest(r *scoreRow) bool {
	if r.group || r.c.TargetID == 0 {
		return false
	}
	return r.c.Method == domain.MethodProportional || r.c.Method == domain.MethodPassFail
}

func (t *scoresTab) setSuggestState(r *scoreRow) {
	if r.suggest == nil {
		return
	}
	if t.canSuggest(r) {
		r.suggest.Show()
	} else {
		r.suggest.Hide()
	}
}

func (t *scoresTab) refreshSuggest() {
	for _, r := range t.rows {
		t.setSuggestState(r)
	}
}

// check reads a criterion's typed score and shows what is wrong under it.
func (t *scoresTab) check(r *scoreRow) {
	r.valid, r.value = false, 0
	r.err.Hide()
	x, ok, err := kit.ParseNumber(r.score.Text)
	switch {
	case err != nil:
		r.err.Text = lang.L("Nhập một số, ví dụ 8,5")
		r.err.Show()
	case !ok:
	default:
		lo, hi := r.c.Bounds()
		if x < lo || x > hi {
			r.err.Text = fmt.Sprintf(lang.L("Điểm phải từ %s đến %s; chưa được tính và sẽ không được lưu."), kit.FormatNumber(lo), kit.FormatNumber(hi))
			r.err.Show()
		} else {
			r.valid, r.value = true, x
		}
	}
	r.err.Refresh()
}

// recompute checks every score and sums the groups and the whole table
// with domain.ScoreSheet, the computation the report, the workbook and the
// package use: a score out of its bounds counts nowhere, here as there.
func (t *scoresTab) recompute() {
	var scores []domain.SelfScore
	for _, r := range t.rows {
		if r.group {
			continue
		}
		t.check(r)
		if r.valid {
			scores = append(scores, domain.SelfScore{Code: r.c.Code, Score: r.value})
		}
	}
	sheet := domain.NewScoreSheet(t.criteria, scores)
	for _, l := range sheet.Lines {
		if i, ok := t.byCode[l.Criterion.Code]; ok && t.rows[i].group {
			t.rows[i].total.SetText(kit.FormatNumber(l.Score))
		}
	}
	t.grand, t.grandMax = sheet.Total, sheet.Max
	t.grandLbl.SetText(fmt.Sprintf(lang.L("Tổng điểm tự chấm: %s / %s"), kit.FormatNumber(t.grand), kit.FormatNumber(t.grandMax)))
	t.markDirty()
	t.refreshRanking()
}

// changed reports whether a criterion's score or note differs from what is stored.
func (t *scoresTab) changed(r *scoreRow) bool {
	if r.group {
		return false
	}
	s, ok := t.saved[r.c.Code]
	if !ok {
		return strings.TrimSpace(r.score.Text) != ""
	}
	x, has, err := kit.ParseNumber(r.score.Text)
	return err != nil || !has || x != s.Score || strings.TrimSpace(r.note.Text) != s.Note
}

func (t *scoresTab) dirty() bool {
	for _, r := range t.rows {
		if t.changed(r) {
			return true
		}
	}
	return false
}

func (t *scoresTab) markDirty() {
	n := 0
	for _, r := range t.rows {
		if t.changed(r) {
			n++
		}
	}
	if n > 0 {
		t.dirtyLbl.SetText(fmt.Sprintf(lang.L("● %d điểm chưa lưu"), n))
		t.dirtyLbl.Show()
	} else {
		t.dirtyLbl.Hide()
	}
	if t.bottom != nil {
		t.bottom.Refresh()
	}
}

func (t *scoresTab) setStatus(msg string) {
	t.status.SetText(msg)
	t.status.Show()
}

// suggest fills a criterion's score from its target's % achieved.
// loud reports why nothing could be suggested.
func (t *scoresTab) suggest(r *scoreRow, loud bool) bool {
	if !t.canSuggest(r) {
		return false
	}
	tg, ok := t.targets[r.c.TargetID]
	tv, has := t.values[r.c.TargetID]
	if !ok || !has || !tv.HasActual {
		if loud {
			name := tg.Name
			if name == "" {
				name = fmt.Sprint(r.c.TargetID)
			}
			t.setStatus(fmt.Sprintf(lang.L("Chỉ tiêu “%s” chưa có kết quả thực hiện của đơn vị; nhập ở thẻ “Chỉ tiêu” rồi gợi ý lại."), name))
		}
		return false
	}
	pct, met := tg.Achieved(tv.Planned, tv.Actual)
	s, ok := r.c.Suggest(pct, met)
	if !ok {
		return false
	}
	r.score.SetText(kit.FormatNumber(s))
	if loud {
		t.setStatus(fmt.Sprintf(lang.L("%s: chỉ tiêu “%s” đạt %s%%, gợi ý %s điểm."), r.c.Code, tg.Name, kit.FormatNumber(pct), kit.FormatNumber(s)))
	}
	return true
}

// suggestAll fills every criterion scored from a target and not yet scored.
func (t *scoresTab) suggestAll() {
	n, missing := 0, 0
	for _, r := range t.rows {
		if !t.canSuggest(r) || strings.TrimSpace(r.score.Text) != "" {
			continue
		}
		if t.suggest(r, false) {
			n++
		} else {
			missing++
		}
	}
	msg := fmt.Sprintf(lang.L("Đã gợi ý điểm cho %d tiêu chí theo tỷ lệ hoàn thành chỉ tiêu; kiểm tra lại rồi bấm “Lưu điểm tự chấm”."), n)
	if missing > 0 {
		msg += " " + fmt.Sprintf(lang.L("%d tiêu chí chưa gợi ý được vì chỉ tiêu chưa có kết quả thực hiện."), missing)
	}
	t.setStatus(msg)
}

// save stores every changed score within bounds; the others keep their
// message and are not saved.
func (t *scoresTab) save() {
	v := t.v
	t.recompute()
	saved, bad := 0, 0
	for _, r := range t.rows {
		if !t.changed(r) {
			continue
		}
		if !r.valid {
			if strings.TrimSpace(r.score.Text) != "" {
				bad++
				continue
			}
			// Cleared: the criterion is no longer scored.
			if err := v.svc.DeleteSelfScore(v.ctx, v.year, r.c.Code); err != nil {
				kit.ShowError(v.win, err)
				return
			}
			delete(t.saved, r.c.Code)
			saved++
			continue
		}
		sc := t.saved[r.c.Code]
		sc.Year, sc.Code, sc.Score, sc.Note = v.year, r.c.Code, r.value, strings.TrimSpace(r.note.Text)
		if err := v.svc.SaveSelfScore(v.ctx, sc); err != nil {
			r.err.Text = service.Explain(err)
			r.err.Show()
			r.err.Refresh()
			bad++
			continue
		}
		t.saved[r.c.Code] = sc
		saved++
	}
	msg := fmt.Sprintf(lang.L("Đã lưu %d điểm tự chấm."), saved)
	if bad > 0 {
		msg += " " + fmt.Sprintf(lang.L("%d điểm chưa lưu vì sai: xem dòng báo đỏ."), bad)
	}
	t.setStatus(msg)
	t.markDirty()
	t.refreshRanking()
}

// loadCluster reads the year's cluster and lays out its members' totals.
func (t *scoresTab) loadCluster() {
	v := t.v
	c, ok, err := v.svc.Cluster(v.ctx, v.year)
	if err != nil {
		kit.ShowError(v.win, err)
	}
	t.cluster, t.hasCluster = c, ok && len(c.Members) > 0
	t.memberBox.Objects = nil
	t.memberTot = nil
	t.ownTotal = nil
	if !t.hasCluster {
		t.noCluster.SetText(fmt.Sprintf(lang.L("Chưa ghi cụm thi đua năm %d. Ghi các đơn vị trong cụm ở mục “Đăng ký thi đua”, thẻ “Cụm thi đua”."), v.year))
		t.noCluster.Show()
		t.clusterBtn.Hide()
		t.totalsBtn.Hide()
		t.rankBox.Objects = nil
		t.rankBox.Refresh()
		return
	}
	t.noCluster.Hide()
	t.clusterBtn.Show()
	t.totalsBtn.Show()
	for _, m := range c.Members {
		// In full: the clerk must see whose total she types.
		name := widget.NewLabel(m.Name)
		name.Wrapping = fyne.TextWrapWord
		if m.Own {
			name.TextStyle.Bold = true
			own := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
			t.memberTot = append(t.memberTot, nil)
			t.ownTotal = append(t.ownTotal, own)
			t.memberBox.Add(container.NewBorder(nil, nil, nil, sizedW(own, 90), name))
			continue
		}
		e := widget.NewEntry()
		if m.HasTotal {
			e.SetText(kit.FormatNumber(m.Total))
		}
		e.SetPlaceHolder(lang.L("Điểm"))
		e.OnChanged = func(string) { t.refreshRanking() }
		t.memberTot = append(t.memberTot, e)
		t.memberBox.Add(container.NewBorder(nil, nil, nil, sizedW(e, 90), name))
	}
	t.memberBox.Refresh()
}

// rankedMember is a line of the ranking.
type rankedMember struct {
	name  string
	total float64
	has   bool
	own   bool
	rank  int
}

// ranking sorts the members by total, highest first, with equal totals
// sharing a rank; members without a total come last, unranked.
func (t *scoresTab) ranking() []rankedMember {
	var out []rankedMember
	for i, m := range t.cluster.Members {
		rm := rankedMember{name: m.Name, own: m.Own}
		if m.Own {
			rm.total, rm.has = t.grand, true
		} else if i < len(t.memberTot) && t.memberTot[i] != nil {
			if x, ok, err := kit.ParseNumber(t.memberTot[i].Text); err == nil && ok {
				rm.total, rm.has = x, true
			}
		}
		out = append(out, rm)
	}
	slices.SortStableFunc(out, func(a, b rankedMember) int {
		switch {
		case a.has != b.has:
			if a.has {
				return -1
			}
			return 1
		case a.total > b.total:
			return -1
		case a.total < b.total:
			return 1
		}
		return 0
	})
	for i := range out {
		if !out[i].has {
			break
		}
		out[i].rank = i + 1
		if i > 0 && out[i-1].has && out[i-1].total == out[i].total {
			out[i].rank = out[i-1].rank
		}
	}
	return out
}

func (t *scoresTab) refreshRanking() {
	for _, l := range t.ownTotal {
		l.SetText(kit.FormatNumber(t.grand))
	}
	if !t.hasCluster {
		return
	}
	t.rankBox.Objects = nil
	for _, m := range t.ranking() {
		var text string
		if m.has {
			text = fmt.Sprintf("%d. %s — %s", m.rank, m.name, kit.FormatNumber(m.total))
		} else {
			text = fmt.Sprintf(lang.L("– %s — chưa có điểm"), m.name)
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		if m.own {
			l.TextStyle.Bold = true
			l.Importance = widget.HighImportance
		}
		t.rankBox.Add(l)
	}
	t.rankBox.Refresh()
}

// saveCluster stores the members' totals (this office's from its scores).
func (t *scoresTab) saveCluster() {
	v := t.v
	c := t.cluster
	c.Members = slices.Clone(c.Members)
	for i := range c.Members {
		m := &c.Members[i]
		if m.Own {
			m.Total, m.HasTotal = t.grand, true
			continue
		}
		if i >= len(t.memberTot) || t.memberTot[i] == nil {
			continue
		}
		x, ok, err := kit.ParseNumber(t.memberTot[i].Text)
		if err != nil {
			kit.ShowError(v.win, fmt.Errorf("%s: %w", m.Name, domain.FieldError{Field: m.Name, Msg: lang.L("nhập tổng điểm bằng số, ví dụ 95,5")}))
			return
		}
		m.Total, m.HasTotal = x, ok
	}
	if err := v.svc.SaveCluster(v.ctx, c); err != nil {
		kit.ShowError(v.win, err)
		return
	}
	t.cluster = c
	v.showBanner(fmt.Sprintf(lang.L("Đã lưu điểm các đơn vị trong cụm năm %d."), v.year), nil)
}

// sizedW gives an object a minimum width.
func sizedW(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(&kit.Columns{FlexMin: 200, Widths: []float32{w}}, o)
}
