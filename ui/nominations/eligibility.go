package nominations

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/ui/kit"
)

// awardCSTDCS is the catalogue code of Chiến sĩ thi đua cơ sở, the award
// the tab opens on: the one with a quota and a ranking.
const awardCSTDCS = "CSTDCS"

// Columns of the verdict table.
const (
	colName = iota
	colUnit
	colVerdict
	colPending
	colRank
	colReasons
)

var verdictCols = []kit.Column{
	{Header: "Họ và tên / Tập thể", Width: 220},
	{Header: "Đơn vị", Width: 200},
	{Header: "Kết quả", Width: 90},
	{Header: "Ghi chú", Width: 230},
	{Header: "Xếp hạng", Width: 150},
	{Header: "Lý do", Width: 520},
}

// eligibilityTab lists the engine's verdicts of a year for one award: who
// is eligible, who is not and why, and for CSTĐCS the quota of each
// conferring unit and the ranking. The verdicts of every award are
// computed at once off the UI goroutine; changing the award or the search
// only filters them.
type eligibilityTab struct {
	v *View

	yearSel  *widget.Select
	awardSel *widget.Select
	awards   []string // award codes behind awardSel's options
	unitSel  *widget.Select
	unitOpts []string // unit codes behind unitSel's options after the first
	search   *widget.Entry
	count    *widget.Label
	quota    *widget.Label
	table    *widget.Table
	detail   *widget.Label
	detailHd *widget.Label

	year     int
	unit     string
	computed struct { // what the verdicts were computed for
		year int
		unit string
	}
	verdicts []rules.Verdict // every award, as computed
	shown    []rules.Verdict // the award's, filtered and ordered
	selected int             // row of shown open in the detail panel, -1 when none
	busy     bool

	content fyne.CanvasObject
}

func newEligibilityTab(v *View) *eligibilityTab {
	t := &eligibilityTab{v: v, selected: -1, year: v.svc.LastCompletedYear()}
	t.yearSel = widget.NewSelect(yearOptions(t.year+1, 7), nil)
	t.yearSel.SetSelected(strconv.Itoa(t.year))
	t.yearSel.OnChanged = t.onYear
	t.awardSel = widget.NewSelect(nil, func(string) { t.apply() })
	t.unitSel = widget.NewSelect([]string{lang.L("Mọi đơn vị")}, nil)
	t.unitSel.SetSelectedIndex(0)
	t.unitSel.OnChanged = t.onUnit
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(lang.L("Tìm tên, mã cán bộ…"))
	t.search.OnChanged = func(string) { t.apply() }
	t.count = widget.NewLabel("")
	t.quota = widget.NewLabel("")
	t.quota.Wrapping = fyne.TextWrapWord
	t.quota.Importance = widget.WarningImportance
	t.quota.Hide()
	t.table = colouredTable(verdictCols, func() int { return len(t.shown) }, t.cell)
	t.table.OnSelected = func(id widget.TableCellID) { t.open(id.Row) }
	t.detailHd = kit.Heading("")
	t.detail = widget.NewLabel(lang.L("Chọn một dòng để xem đủ các lý do."))
	t.detail.Wrapping = fyne.TextWrapWord
	recompute := widget.NewButtonWithIcon(lang.L("Xét lại"), theme.ViewRefreshIcon(), t.compute)

	filters := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Năm")), nil, t.yearSel),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Danh hiệu, hình thức")), nil, t.awardSel),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Đơn vị")), nil, t.unitSel),
		container.NewBorder(nil, nil, nil, recompute, t.search),
	)
	top := container.NewVBox(filters, t.count, t.quota)
	panel := container.NewBorder(t.detailHd, nil, nil, nil, container.NewVScroll(t.detail))
	split := kit.Split("eligibility", true, t.table, panel, 0.72)
	t.content = container.NewBorder(top, nil, nil, nil, split)
	return t
}

// refresh offers the awards and units of the year and computes the verdicts.
func (t *eligibilityTab) refresh() {
	t.fillAwards()
	t.fillUnits()
	t.compute()
}

func (t *eligibilityTab) fillAwards() {
	v := t.v
	cur := t.award()
	var opts []string
	t.awards = nil
	for _, a := range v.awardsOf(t.year, "") {
		opts = append(opts, a.Name)
		t.awards = append(t.awards, a.Code)
	}
	t.awardSel.OnChanged = nil
	t.awardSel.SetOptions(opts)
	if cur == "" {
		cur = awardCSTDCS
	}
	t.selectAwardQuiet(cur)
	t.awardSel.OnChanged = func(string) { t.apply() }
}

func (t *eligibilityTab) selectAwardQuiet(code string) {
	for i, c := range t.awards {
		if c == code {
			t.awardSel.SetSelectedIndex(i)
			return
		}
	}
	if len(t.awards) > 0 {
		t.awardSel.SetSelectedIndex(0)
	}
}

// selectAward shows the verdicts of another award (tests, other tabs).
func (t *eligibilityTab) selectAward(code string) {
	for i, c := range t.awards {
		if c == code {
			t.awardSel.SetSelectedIndex(i)
			return
		}
	}
}

// award is the code of the award shown ("" before the catalogue is read).
func (t *eligibilityTab) award() string {
	i := t.awardSel.SelectedIndex()
	if i < 0 || i >= len(t.awards) {
		return ""
	}
	return t.awards[i]
}

func (t *eligibilityTab) fillUnits() {
	v := t.v
	opts := []string{lang.L("Mọi đơn vị")}
	t.unitOpts = nil
	sel := 0
	for _, u := range v.tree.ActiveIn(t.year) {
		opts = append(opts, indent(v.tree.Depth[u.Code])+u.Name)
		t.unitOpts = append(t.unitOpts, u.Code)
		if u.Code == t.unit {
			sel = len(opts) - 1
		}
	}
	if sel == 0 {
		t.unit = ""
	}
	t.unitSel.OnChanged = nil
	t.unitSel.SetOptions(opts)
	t.unitSel.SetSelectedIndex(sel)
	t.unitSel.OnChanged = t.onUnit
}

// selectUnit sets the unit filter (tests).
func (t *eligibilityTab) selectUnit(code string) {
	for i, c := range t.unitOpts {
		if c == code {
			t.unitSel.SetSelectedIndex(i + 1)
			return
		}
	}
	t.unitSel.SetSelectedIndex(0)
}

func (t *eligibilityTab) onYear(s string) {
	y, err := strconv.Atoi(s)
	if err != nil || y == t.year {
		return
	}
	t.year = y
	t.refresh()
}

func (t *eligibilityTab) onUnit(string) {
	i := t.unitSel.SelectedIndex()
	code := ""
	if i > 0 && i-1 < len(t.unitOpts) {
		code = t.unitOpts[i-1]
	}
	if code == t.unit {
		return
	}
	t.unit = code
	t.compute()
}

// compute asks the engine for the year's verdicts off the UI goroutine.
func (t *eligibilityTab) compute() {
	if t.busy {
		return
	}
	v := t.v
	year, unit := t.year, t.unit
	// Verdicts kept from an evaluation of the same data show at once: a
	// visit of the tab does not flash a progress dialog.
	if vs, ok, err := v.svc.KeptEligibility(context.Background(), year, unit); err == nil && ok {
		t.verdicts = vs
		t.computed.year, t.computed.unit = year, unit
		t.apply()
		return
	}
	var got []rules.Verdict
	t.busy = true
	v.run(v.win, "Đang xét điều kiện khen thưởng", func(ctx context.Context, _ kit.Progress) error {
		vs, err := v.svc.Eligibility(ctx, year, unit)
		got = vs
		return err
	}, func(err error) {
		t.busy = false
		if err != nil {
			t.verdicts = nil
			v.showError(err)
		} else {
			t.verdicts = got
			t.computed.year, t.computed.unit = year, unit
		}
		t.apply()
		if t.year != year || t.unit != unit { // changed while computing
			t.compute()
		}
	})
}

// apply filters the verdicts by the award and the search, eligible first
// (CSTĐCS in the order of its ranking), then by name.
func (t *eligibilityTab) apply() {
	v := t.v
	award := t.award()
	words := strings.Fields(domain.Fold(t.search.Text))
	t.shown = t.shown[:0]
	for _, vd := range t.verdicts {
		if vd.Award != award {
			continue
		}
		if len(words) > 0 {
			text := " " + domain.Fold(vd.Name+" "+v.subjectName(vd.Subject)) + " " + strings.ToLower(vd.Subject.Code)
			ok := true
			for _, w := range words {
				if !strings.Contains(text, " "+w) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
		}
		t.shown = append(t.shown, vd)
	}
	sort.SliceStable(t.shown, func(i, j int) bool {
		a, b := t.shown[i], t.shown[j]
		if a.Eligible != b.Eligible {
			return a.Eligible
		}
		ra, rb := rank(a), rank(b)
		if ra != rb {
			if ra == 0 || rb == 0 {
				return rb == 0
			}
			return ra < rb
		}
		return v.less(a.Subject, b.Subject)
	})
	eligible := 0
	for _, vd := range t.shown {
		if vd.Eligible {
			eligible++
		}
	}
	t.count.SetText(fmt.Sprintf(lang.L("Năm %d: %d đủ điều kiện, %d không đủ"), t.computed.year, eligible, len(t.shown)-eligible))
	t.showQuota(award)
	// A quota gives the verdicts a rank; other awards have none to show.
	if t.hasQuota() {
		t.table.SetColumnWidth(colRank, verdictCols[colRank].Width)
	} else {
		t.table.SetColumnWidth(colRank, 0)
	}
	t.table.UnselectAll()
	t.selected = -1
	t.detailHd.SetText("")
	t.detail.SetText(lang.L("Chọn một dòng để xem đủ các lý do."))
	t.table.Refresh()
}

func rank(vd rules.Verdict) int {
	if vd.Quota == nil {
		return 0
	}
	return vd.Quota.Rank
}

func (t *eligibilityTab) hasQuota() bool {
	for _, vd := range t.verdicts {
		if vd.Award == t.award() && vd.Quota != nil {
			return true
		}
	}
	return false
}

// showQuota writes the quota line of each conferring unit:
// "Giới hạn L, có C ứng viên, vượt N". Quotas are computed over the whole
// office, whatever unit is shown.
func (t *eligibilityTab) showQuota(award string) {
	lines := t.quotaLines(award)
	if len(lines) == 0 {
		t.quota.SetText("")
		t.quota.Hide()
		return
	}
	t.quota.SetText(strings.Join(lines, "\n"))
	t.quota.Show()
}

func (t *eligibilityTab) quotaLines(award string) []string {
	v := t.v
	seen := map[string]bool{}
	var qs []*rules.Quota
	for _, vd := range t.verdicts {
		if vd.Award != award || vd.Quota == nil || seen[vd.Quota.Unit] {
			continue
		}
		seen[vd.Quota.Unit] = true
		qs = append(qs, vd.Quota)
	}
	sort.SliceStable(qs, func(i, j int) bool {
		return v.less(domain.UnitSubject(qs[i].Unit), domain.UnitSubject(qs[j].Unit))
	})
	var out []string
	for _, q := range qs {
		var line string
		if q.OverBy > 0 {
			line = fmt.Sprintf(lang.L("Giới hạn %d, có %d ứng viên, vượt %d"), q.Limit, q.Candidates, q.OverBy)
		} else {
			line = fmt.Sprintf(lang.L("Giới hạn %d, có %d ứng viên, trong giới hạn"), q.Limit, q.Candidates)
		}
		out = append(out, fmt.Sprintf("%s – %s: %s", v.awardName(award), v.tree.Name(q.Unit), line))
	}
	return out
}

func (t *eligibilityTab) cell(row, col int) cellText {
	v := t.v
	vd := t.shown[row]
	switch col {
	case colName:
		return plain(t.name(vd))
	case colUnit:
		return plain(v.subjectUnit(vd.Subject))
	case colVerdict:
		return cellText{verdictText(vd.Eligible), verdictImportance(vd.Eligible)}
	case colPending:
		if vd.Pending {
			return cellText{lang.L("dựa trên danh hiệu cùng năm"), widget.WarningImportance}
		}
		return plain("")
	case colRank:
		r := rank(vd)
		switch {
		case r == 0:
			return plain("")
		case r > vd.Quota.Limit:
			// Ranked beyond the quota: "Đề nghị tất cả…" leaves them out.
			return cellText{fmt.Sprintf(lang.L("%d – ngoài giới hạn"), r), widget.WarningImportance}
		}
		return plain(strconv.Itoa(r))
	case colReasons:
		return plain(strings.Join(vd.Reasons, "; "))
	}
	return plain("")
}

func (t *eligibilityTab) name(vd rules.Verdict) string {
	if vd.Name != "" {
		return vd.Name
	}
	return t.v.subjectName(vd.Subject)
}

// open shows every reason of a row in the panel.
func (t *eligibilityTab) open(row int) {
	if row < 0 || row >= len(t.shown) {
		return
	}
	t.selected = row
	vd := t.shown[row]
	t.detailHd.SetText(t.name(vd))
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", t.v.awardName(vd.Award), verdictText(vd.Eligible))
	if vd.Pending {
		b.WriteString(lang.L("Kết quả dựa trên danh hiệu cùng năm, chưa được công nhận.") + "\n")
	}
	if r := rank(vd); r > 0 {
		fmt.Fprintf(&b, lang.L("Xếp hạng: %d (giới hạn %d)")+"\n", r, vd.Quota.Limit)
	}
	for _, r := range vd.Reasons {
		b.WriteString("• " + r + "\n")
	}
	if len(vd.UsedInitiatives) > 0 {
		b.WriteString(lang.L("Sáng kiến làm căn cứ:") + "\n")
		for _, s := range vd.UsedInitiatives {
			b.WriteString("  – " + s + "\n")
		}
	}
	t.detail.SetText(strings.TrimRight(b.String(), "\n"))
}

// verdictFor is the computed verdict of a subject for an award (other tabs).
func (t *eligibilityTab) verdictFor(sub domain.Subject, award string) (rules.Verdict, bool) {
	for _, vd := range t.verdicts {
		if vd.Subject == sub && vd.Award == award {
			return vd, true
		}
	}
	return rules.Verdict{}, false
}
