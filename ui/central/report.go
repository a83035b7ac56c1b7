package central

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/paths"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/kit"
	"tdkt/ui/packages"
)

// reportService is what "Tổng hợp" needs.
type reportService interface {
	packages.Actor
	LastCompletedYear() int
	CentralPackages(ctx context.Context) ([]store.CentralPackage, error)
	CentralReport(ctx context.Context, year int) (docs.CentralReport, error)
	ExportCentralReport(ctx context.Context, year int, w io.Writer) error
	CentralPerson(ctx context.Context, cccd string) (service.CentralPersonHistory, error)
}

var _ reportService = (*service.Service)(nil)

var (
	officeCols = []kit.Column{
		{Header: "Mã", Width: 70}, {Header: "Đơn vị", Width: 300}, {Header: "Đề nghị", Width: 80}, {Header: "Đủ điều kiện", Width: 110},
		{Header: "Hội đồng thông qua", Width: 150}, {Header: "Được khen", Width: 100}, {Header: "Không được khen", Width: 140},
	}
	awardCols = []kit.Column{
		{Header: "Hình thức khen thưởng", Width: 370}, {Header: "Đề nghị", Width: 80}, {Header: "Đủ điều kiện", Width: 110},
		{Header: "Hội đồng thông qua", Width: 150}, {Header: "Được khen", Width: 100}, {Header: "Không được khen", Width: 140},
	}
	clusterCols = []kit.Column{
		{Header: "Cụm thi đua", Width: 260}, {Header: "Hạng", Width: 60}, {Header: "Đơn vị", Width: 320}, {Header: "Điểm tự chấm", Width: 130},
	}
	nominationCols = []kit.Column{
		{Header: "Đơn vị", Width: 70}, {Header: "Họ và tên / Tập thể", Width: 220}, {Header: "Số CCCD", Width: 120},
		{Header: "Hình thức khen thưởng", Width: 230}, {Header: "Điều kiện", Width: 90}, {Header: "Kết quả biểu quyết", Width: 300},
		{Header: "Quyết định", Width: 200},
	}
)

// Report is the "Tổng hợp" area: the consolidation of a year.
type Report struct {
	errorHolder
	svc reportService
	ctx context.Context
	run kit.Runner

	Year      *widget.Select
	Search    *widget.Entry
	ExportBtn *widget.Button
	totals    *widget.Label

	report      docs.CentralReport
	offices     []docs.OfficeSummary
	awards      []docs.AwardCount
	clusters    []docs.ClusterRank
	clusterOf   []string // the cluster of each row of clusters
	nominations []docs.CentralNomination

	officeTable, awardTable, clusterTable, nomTable *widget.Table
	tabs                                            *container.AppTabs

	CCCD      *widget.Entry
	LookupBtn *widget.Button
	person    *fyne.Container

	// Exported is the last workbook written.
	Exported string
	content  fyne.CanvasObject
}

// NewReport builds the area; call Reload to fill it.
func NewReport(svc *service.Service, win fyne.Window) *Report {
	return newReport(svc, win, kit.RunLong)
}

func newReport(svc reportService, win fyne.Window, run kit.Runner) *Report {
	v := &Report{errorHolder: errorHolder{win: win}, svc: svc, ctx: context.Background(), run: run}
	v.Year = widget.NewSelect(nil, func(string) { v.load() })
	v.Search = widget.NewEntry()
	v.Search.SetPlaceHolder(lang.L("Lọc theo đơn vị, hình thức, họ tên hoặc số CCCD…"))
	v.Search.OnChanged = func(string) { v.filter() }
	v.ExportBtn = widget.NewButtonWithIcon(lang.L("Xuất Excel…"), theme.DocumentSaveIcon(), v.onExport)
	v.totals = wrapped("")
	v.officeTable = kit.TextTable(officeCols, func() int { return len(v.offices) }, v.officeCell)
	v.awardTable = kit.TextTable(awardCols, func() int { return len(v.awards) }, v.awardCell)
	v.clusterTable = kit.TextTable(clusterCols, func() int { return len(v.clusters) }, v.clusterCell)
	v.nomTable = kit.StyledTable(nominationCols, func() int { return len(v.nominations) }, v.nominationCell)

	v.CCCD = widget.NewEntry()
	v.CCCD.SetPlaceHolder(lang.L("Số CCCD (12 chữ số)"))
	v.CCCD.OnSubmitted = func(string) { v.LookUp() }
	v.LookupBtn = widget.NewButtonWithIcon(lang.L("Tra cứu"), theme.SearchIcon(), v.LookUp)
	v.person = container.NewVBox()
	lookup := container.NewBorder(
		container.NewVBox(wrapped(lang.L("Lịch sử đề nghị và khen thưởng của một người qua mọi đơn vị đã gửi gói (người chuyển công tác vẫn là một người).")),
			container.NewBorder(nil, nil, nil, v.LookupBtn, v.CCCD)),
		nil, nil, nil, container.NewVScroll(container.NewPadded(v.person)))

	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Theo đơn vị"), v.officeTable),
		container.NewTabItem(lang.L("Theo hình thức"), v.awardTable),
		container.NewTabItem(lang.L("Xếp hạng cụm thi đua"), v.clusterTable),
		container.NewTabItem(lang.L("Danh sách đề nghị"), v.nomTable),
		container.NewTabItem(lang.L("Tra cứu theo CCCD"), lookup),
	)
	top := container.NewVBox(
		kit.Heading("Tổng hợp"),
		container.NewHBox(widget.NewLabel(lang.L("Năm")), v.Year, layout.NewSpacer(), v.ExportBtn),
		v.totals,
		v.Search,
	)
	v.content = container.NewBorder(top, nil, nil, nil, v.tabs)
	return v
}

// Content is the area's canvas object.
func (v *Report) Content() fyne.CanvasObject { return v.content }

// Reload offers the years packages were received for and shows one.
func (v *Report) Reload() {
	defer v.content.Refresh() // the totals changed size
	ps, err := v.svc.CentralPackages(v.ctx)
	if err != nil {
		v.showError(err)
	}
	seen := map[int]bool{v.svc.LastCompletedYear(): true}
	latest := 0
	for _, p := range ps {
		if p.Year > 0 && p.Status == service.ImportLoaded {
			seen[p.Year] = true
			latest = max(latest, p.Year)
		}
	}
	years := make([]int, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	opts := make([]string, len(years))
	for i, y := range years {
		opts[i] = strconv.Itoa(y)
	}
	keep := v.Year.Selected
	v.Year.Options = opts
	enable(v.ExportBtn, packages.Allowed(v.svc, domain.RoleClerk))
	switch {
	case keep != "" && seen[atoi(keep)]:
		v.Year.SetSelected(keep)
	case latest > 0:
		v.Year.SetSelected(strconv.Itoa(latest))
	default:
		v.Year.SetSelected(strconv.Itoa(v.svc.LastCompletedYear()))
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// SelectYear shows the consolidation of year.
func (v *Report) SelectYear(year int) { v.Year.SetSelected(strconv.Itoa(year)) }

func (v *Report) load() {
	year := atoi(v.Year.Selected)
	if year == 0 {
		return
	}
	r, err := v.svc.CentralReport(v.ctx, year)
	if err != nil {
		v.showError(err)
	}
	v.report = r
	t := r.Total
	v.totals.SetText(fmt.Sprintf(lang.L("Năm %d, cả nước: %d đơn vị gửi %d đề nghị; %d đủ điều kiện, %d được Hội đồng thông qua; Trung ương đã quyết định khen %d, không khen %d."),
		year, len(r.Offices), t.Nominations, t.Eligible, t.Passed, t.Granted, t.Refused))
	if len(r.Own) > 0 {
		passed, decided := 0, 0
		for _, a := range r.Own {
			passed += a.Passed
			decided += a.Count
		}
		v.totals.SetText(v.totals.Text + " " + fmt.Sprintf(lang.L("Các đơn vị tự khen thưởng theo thẩm quyền của Giám đốc (không thuộc đề nghị gửi Trung ương): %d lượt được Hội đồng đơn vị thông qua, %d lượt đã có quyết định."), passed, decided))
	}
	v.filter()
}

func (v *Report) filter() {
	q := v.Search.Text
	r := v.report
	v.offices = v.offices[:0]
	for _, o := range r.Offices {
		if matches(q, o.UnitCode, o.UnitName) {
			v.offices = append(v.offices, o)
		}
	}
	v.awards = v.awards[:0]
	for _, a := range r.Awards {
		if matches(q, a.Award, a.AwardName) {
			v.awards = append(v.awards, a)
		}
	}
	v.clusters, v.clusterOf = v.clusters[:0], v.clusterOf[:0]
	for _, c := range r.Clusters {
		name := c.Cluster
		if name == "" {
			name = lang.L(docs.NoCluster)
		}
		for _, o := range c.Offices {
			if matches(q, name, o.UnitCode, o.UnitName) {
				v.clusters = append(v.clusters, o)
				v.clusterOf = append(v.clusterOf, name)
			}
		}
	}
	v.nominations = v.nominations[:0]
	for _, n := range r.Nominations {
		if matches(q, n.UnitCode, n.UnitName, n.Name, n.CCCD, n.Award, n.AwardName) {
			v.nominations = append(v.nominations, n)
		}
	}
	for _, t := range []*widget.Table{v.officeTable, v.awardTable, v.clusterTable, v.nomTable} {
		t.Refresh()
	}
}

func countCells(c docs.AwardCount) []string {
	return []string{strconv.Itoa(c.Nominations), strconv.Itoa(c.Eligible), strconv.Itoa(c.Passed), strconv.Itoa(c.Granted), strconv.Itoa(c.Refused)}
}

func (v *Report) officeCell(row, col int) string {
	if row >= len(v.offices) {
		return ""
	}
	o := v.offices[row]
	cells := append([]string{o.UnitCode, o.UnitName}, countCells(o.Total)...)
	return cells[col]
}

func (v *Report) awardCell(row, col int) string {
	if row >= len(v.awards) {
		return ""
	}
	a := v.awards[row]
	name := a.AwardName
	if name == "" {
		name = a.Award
	}
	cells := append([]string{name}, countCells(a)...)
	return cells[col]
}

func (v *Report) clusterCell(row, col int) string {
	if row >= len(v.clusters) {
		return ""
	}
	o := v.clusters[row]
	switch col {
	case 0:
		return v.clusterOf[row]
	case 1:
		return strconv.Itoa(o.Rank)
	case 2:
		return o.UnitCode + " · " + o.UnitName
	case 3:
		return kit.FormatNumber(o.Total) + " / " + kit.FormatNumber(o.Max)
	}
	return ""
}

func (v *Report) nominationCell(row, col int) (string, widget.Importance) {
	if row >= len(v.nominations) {
		return "", widget.MediumImportance
	}
	n := v.nominations[row]
	switch col {
	case 0:
		return n.UnitCode, widget.MediumImportance
	case 1:
		return n.Name, widget.MediumImportance
	case 2:
		return n.CCCD, widget.MediumImportance
	case 3:
		return n.AwardName, widget.MediumImportance
	case 4:
		if n.Eligible {
			return eligibleText(true), widget.SuccessImportance
		}
		return eligibleText(false), widget.DangerImportance
	case 5:
		return voteText(n.Voted, n.For, n.Against, n.Abstain, n.Pct, n.Passed), widget.MediumImportance
	case 6:
		return decisionCell(n.Decision, n.DecisionNote)
	}
	return "", widget.MediumImportance
}

// decisionCell is the centre's decision, coloured.
func decisionCell(d domain.NomineeDecision, note string) (string, widget.Importance) {
	switch d {
	case domain.DecisionGranted:
		return lang.L(d.Label()), widget.SuccessImportance
	case domain.DecisionRefused:
		text := lang.L(d.Label())
		if note != "" {
			text += ": " + note
		}
		return text, widget.DangerImportance
	}
	return lang.L("Chưa quyết định"), widget.LowImportance
}

// Offices are the office lines shown (tests read them).
func (v *Report) Offices() []docs.OfficeSummary { return v.offices }

// Nominations are the nominations shown (tests read them).
func (v *Report) Nominations() []docs.CentralNomination { return v.nominations }

func (v *Report) onExport() {
	year := atoi(v.Year.Selected)
	if year == 0 {
		return
	}
	packages.SaveFileDialog(v.win, packages.DocumentsDir(), fmt.Sprintf("TongHop_TDKT_%d.xlsx", year), v.ExportTo)
}

// ExportTo writes the consolidation workbook of the year shown to path.
func (v *Report) ExportTo(path string) {
	year := atoi(v.Year.Selected)
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		path += ".xlsx"
	}
	v.run(v.win, "Đang xuất bảng tổng hợp", func(ctx context.Context, _ kit.Progress) error {
		return paths.WriteAtomic(path, func(w io.Writer) error { return v.svc.ExportCentralReport(ctx, year, w) })
	}, func(err error) {
		if err != nil {
			v.showError(err)
			return
		}
		v.Exported = path
		kit.Tell(v.win, lang.L("Xuất Excel"), fmt.Sprintf(lang.L("Đã ghi bảng tổng hợp năm %d vào tệp:\n%s"), year, path))
	})
}

// LookUp shows the history of the person with the CCCD typed.
func (v *Report) LookUp() {
	cccd := strings.TrimSpace(v.CCCD.Text)
	v.person.Objects = nil
	if cccd == "" {
		v.content.Refresh()
		return
	}
	h, err := v.svc.CentralPerson(v.ctx, cccd)
	if errors.Is(err, domain.ErrNotFound) {
		v.person.Add(wrapped(service.Explain(err)))
		v.content.Refresh()
		return
	}
	if err != nil {
		v.showError(err)
		return
	}
	p := h.Person
	name := widget.NewLabel(p.FullName)
	name.TextStyle.Bold = true
	name.SizeName = theme.SizeNameSubHeadingText
	v.person.Add(name)
	var facts []string
	facts = append(facts, fmt.Sprintf(lang.L("Số CCCD: %s"), p.CCCD))
	if p.BirthDate != "" {
		if d, err := domain.ParseDate(p.BirthDate); err == nil {
			facts = append(facts, fmt.Sprintf(lang.L("Ngày sinh: %s"), d.VN()))
		}
	}
	facts = append(facts, fmt.Sprintf(lang.L("Đơn vị gần nhất: %s · %s"), p.UnitCode, strings.TrimSpace(p.Position+" "+p.UnitName)))
	v.person.Add(wrapped(strings.Join(facts, " · ")))
	// The package's own description of the person, as the office last sent
	// it; older packages have less in it.
	var detail pack.DataPerson
	detailOK := json.Unmarshal([]byte(p.Detail), &detail) == nil
	if rec := personRecordText(detail); detailOK && rec != "" {
		v.person.Add(wrapped(rec))
	}

	v.person.Add(kit.Heading("Các đề nghị khen thưởng"))
	if len(h.Nominations) == 0 {
		v.person.Add(wrapped(lang.L("Chưa có đề nghị nào.")))
	}
	for _, n := range h.Nominations {
		line := fmt.Sprintf(lang.L("%d · %s · %s · Điều kiện: %s · %s"), n.Year, n.UnitCode, n.AwardName, eligibleText(n.Eligible),
			voteText(n.Voted, n.For, n.Against, n.Abstain, n.Pct, n.Passed))
		l := wrapped(line)
		for _, d := range h.Decisions[n.ID] {
			if d.Granted {
				l.SetText(line + " · " + fmt.Sprintf(lang.L("Được khen (QĐ số %s ngày %s)"), d.Number, d.Date.VN()))
				l.Importance = widget.SuccessImportance
			} else {
				l.SetText(line + " · " + fmt.Sprintf(lang.L("Không được khen: %s"), d.Reason))
				l.Importance = widget.DangerImportance
			}
		}
		if n.PackageStatus == service.ImportSuperseded {
			l.SetText(l.Text + " " + lang.L("(gói cũ, đã được thay)"))
			l.Importance = widget.LowImportance
		}
		v.person.Add(l)
	}
	if detailOK && len(detail.Awards) > 0 {
		v.person.Add(kit.Heading("Khen thưởng đã có (theo đơn vị gửi)"))
		for _, a := range detail.Awards {
			line := fmt.Sprintf("%d · %s", a.Year, a.Award)
			if a.DecisionNo != "" {
				line += " · " + fmt.Sprintf(lang.L("QĐ số %s"), a.DecisionNo)
			}
			v.person.Add(wrapped(line))
		}
	}
	v.content.Refresh()
}

// personRecordText is the personal record an office sent with a person,
// on one line of the facts it has ("" when the package had none).
func personRecordText(d pack.DataPerson) string {
	var parts []string
	for _, f := range []struct{ format, value string }{
		{lang.L("Quê quán: %s"), d.HomeTown},
		{lang.L("Trú quán: %s"), d.Residence},
		{lang.L("Tôn giáo: %s"), d.Religion},
		{lang.L("Trình độ chuyên môn: %s"), d.Education},
		{lang.L("Lý luận chính trị: %s"), d.PoliticalTheory},
		{lang.L("Học hàm, học vị: %s"), d.AcademicRank},
		{lang.L("Chức vụ Đảng: %s"), d.PartyPost},
		{lang.L("Chức vụ đoàn thể: %s"), d.UnionPost},
	} {
		if f.value != "" {
			parts = append(parts, fmt.Sprintf(f.format, f.value))
		}
	}
	return strings.Join(parts, " · ")
}

// PersonText is what the CCCD lookup shows (tests read it).
func (v *Report) PersonText() string {
	var b strings.Builder
	for _, o := range v.person.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}
