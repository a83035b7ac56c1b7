package central

import (
	"context"
	"fmt"
	"os"
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
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/kit"
	"tdkt/ui/packages"
)

// decisionService is what "Quyết định" needs.
type decisionService interface {
	packages.Actor
	Today() domain.Date
	CentralPackages(ctx context.Context) ([]store.CentralPackage, error)
	CentralNominations(ctx context.Context, f store.CentralFilter) ([]store.CentralNomination, error)
	CentralReport(ctx context.Context, year int) (docs.CentralReport, error)
	RecordDecision(ctx context.Context, d service.CentralDecision) (int64, error)
	Catalogue(ctx context.Context) (rules.Catalogue, error)
	ExportFeedback(ctx context.Context, unitCode string, year int, roundRef int64, out string, passphrase string) (string, error)
}

var _ decisionService = (*service.Service)(nil)

// Choices of a nomination in the decision being drafted.
const (
	choiceNone = iota // not in this decision
	choiceGrant
	choiceRefuse
)

// decisionRow is one received nomination with what the draft says of it.
type decisionRow struct {
	n       store.CentralNomination
	choice  int
	reason  string
	decided domain.NomineeDecision // the centre's latest decision, "" if none
	note    string
	// own: a title of the office's own competence, which its director
	// confers; the centre only sees it, never decides it.
	own bool
}

// roundKey names an office's round of a year.
type roundKey struct {
	year int
	unit string
	ref  int64
}

// Decisions is the "Quyết định" area: the centre's decision on an office's
// round, then the signed feedback package that carries it back.
type Decisions struct {
	errorHolder
	svc decisionService
	ctx context.Context
	run kit.Runner

	loaded map[roundKey]store.CentralPackage // the current package of each round
	Year   *widget.Select
	Office *widget.Select
	Round  *widget.Select
	key    roundKey // the round open; zero when none
	quiet  bool     // the selects are being set: do not open each step

	rows           []decisionRow
	shown          []int // indexes in rows after the search
	Search         *widget.Entry
	list           *widget.List
	GrantPassedBtn *widget.Button
	ClearBtn       *widget.Button

	Form        *kit.Form
	Number      *widget.Entry
	Date        *widget.Entry
	Issuer      *widget.Entry
	summary     *widget.Label
	SaveBtn     *widget.Button
	FeedbackBtn *widget.Button
	notice      *fyne.Container

	// Feedback is the last feedback dialog, with its fields (tests fill them).
	Feedback       *packages.FormDialog
	FeedbackPass   *packages.KeyEntry
	FeedbackFolder *packages.KeyEntry
	// ExportedFeedback is the last feedback package written.
	ExportedFeedback string
	// Saved is the id of the last decision recorded.
	Saved int64

	content fyne.CanvasObject
}

// NewDecisions builds the area; call Reload to fill it.
func NewDecisions(svc *service.Service, win fyne.Window) *Decisions {
	return newDecisions(svc, win, kit.RunLong)
}

func newDecisions(svc decisionService, win fyne.Window, run kit.Runner) *Decisions {
	v := &Decisions{errorHolder: errorHolder{win: win}, svc: svc, ctx: context.Background(), run: run}
	v.Year = widget.NewSelect(nil, func(string) { v.fillOffices() })
	v.Year.PlaceHolder = lang.L("(chọn năm)")
	v.Office = widget.NewSelect(nil, func(string) { v.fillRounds() })
	v.Office.PlaceHolder = lang.L("(chọn đơn vị)")
	v.Round = widget.NewSelect(nil, func(string) { v.openRound() })
	v.Round.PlaceHolder = lang.L("(chọn đợt)")

	v.Search = widget.NewEntry()
	v.Search.SetPlaceHolder(lang.L("Tìm theo họ tên, số CCCD hoặc hình thức…"))
	v.Search.OnChanged = func(string) { v.filter() }
	v.list = widget.NewList(func() int { return len(v.shown) }, v.createRow, v.updateRow)
	v.GrantPassedBtn = widget.NewButtonWithIcon(lang.L("Khen mọi đề nghị được Hội đồng thông qua"), theme.ConfirmIcon(), v.GrantPassed)
	v.ClearBtn = widget.NewButtonWithIcon(lang.L("Bỏ chọn tất cả"), theme.ContentClearIcon(), v.clearChoices)

	v.Form = kit.NewForm()
	v.Number = widget.NewEntry()
	v.Number.SetPlaceHolder(lang.L("ví dụ 1234/QĐ-BHXH"))
	v.Date = kit.DateEntry()
	v.Issuer = widget.NewEntry()
	v.Issuer.SetText("Tổng Giám đốc Bảo hiểm xã hội Việt Nam")
	v.summary = widget.NewLabel("")
	v.Form.Add(service.FieldDecisionNumber, v.Number, "")
	v.Form.Add(service.FieldDecisionDate, v.Date, "")
	v.Form.Add(service.FieldDecisionIssuer, v.Issuer, "")
	v.Form.Add(service.FieldDecisionItems, v.summary, "")
	v.SaveBtn = widget.NewButtonWithIcon(lang.L("Lưu quyết định"), theme.DocumentSaveIcon(), v.Save)
	v.SaveBtn.Importance = widget.HighImportance
	v.FeedbackBtn = widget.NewButtonWithIcon(lang.L("Xuất gói phản hồi…"), theme.MailSendIcon(), v.OnFeedback)
	v.notice = container.NewVBox()

	yearL, officeL, roundL := widget.NewLabel(lang.L("Năm")), widget.NewLabel(lang.L("Đơn vị")), widget.NewLabel(lang.L("Đợt"))
	// Labels as wide as their text, the year narrow, office and round share the rest.
	pick := container.New(&kit.Columns{Widths: []float32{yearL.MinSize().Width, 110, officeL.MinSize().Width, 0, roundL.MinSize().Width, 0}, FlexMin: 200},
		yearL, v.Year, officeL, v.Office, roundL, v.Round)
	listBox := container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(v.GrantPassedBtn, v.ClearBtn), v.Search)),
		nil, nil, nil, v.list)
	formBox := container.NewVBox(kit.Heading("Quyết định khen thưởng"), v.Form.Content(),
		container.NewHBox(v.SaveBtn, layout.NewSpacer(), v.FeedbackBtn))
	v.content = container.NewBorder(container.NewVBox(kit.Heading("Quyết định"), pick, v.notice), formBox, nil, nil, listBox)
	v.sync()
	return v
}

// Content is the area's canvas object.
func (v *Decisions) Content() fyne.CanvasObject { return v.content }

// Reload re-reads the loaded packages and the round open.
func (v *Decisions) Reload() {
	ps, err := v.svc.CentralPackages(v.ctx)
	if err != nil {
		v.showError(err)
	}
	v.loaded = map[roundKey]store.CentralPackage{}
	years := map[int]bool{}
	for _, p := range ps {
		if p.Status != service.ImportLoaded {
			continue
		}
		v.loaded[roundKey{p.Year, p.UnitCode, p.RoundRef}] = p
		years[p.Year] = true
	}
	var opts []string
	for y := range years {
		opts = append(opts, strconv.Itoa(y))
	}
	sort.Sort(sort.Reverse(sort.StringSlice(opts)))
	keep := v.key
	v.Year.Options = opts
	v.Year.Refresh()
	if keep.unit != "" {
		if _, ok := v.loaded[keep]; ok {
			v.SelectRound(keep.unit, keep.year, keep.ref)
			return
		}
	}
	if len(opts) > 0 {
		v.Year.SetSelected(opts[0])
	} else {
		v.key = roundKey{}
		v.rows = nil
		v.filter()
		v.sync()
	}
}

// fillOffices offers the offices with a loaded package in the year.
func (v *Decisions) fillOffices() {
	year := atoi(v.Year.Selected)
	seen := map[string]string{}
	for k, p := range v.loaded {
		if k.year == year {
			seen[k.unit] = k.unit + " · " + p.UnitName
		}
	}
	opts := make([]string, 0, len(seen))
	for _, o := range seen {
		opts = append(opts, o)
	}
	sort.Strings(opts)
	v.Office.Options = opts
	v.Office.Selected = ""
	v.Office.Refresh()
	if len(opts) > 0 {
		v.Office.SetSelected(opts[0])
	} else {
		v.fillRounds()
	}
}

// fillRounds offers the office's rounds of the year.
func (v *Decisions) fillRounds() {
	year, unit := atoi(v.Year.Selected), officeCode(v.Office.Selected)
	var opts []string
	for k, p := range v.loaded {
		if k.year == year && k.unit == unit {
			opts = append(opts, roundOption(k.ref, p.RoundName))
		}
	}
	sort.Strings(opts)
	v.Round.Options = opts
	v.Round.Selected = ""
	v.Round.Refresh()
	if len(opts) > 0 {
		v.Round.SetSelected(opts[0])
	} else {
		v.openRound()
	}
}

func officeCode(option string) string {
	code, _, _ := strings.Cut(option, " · ")
	return code
}

// roundOption is "12 · Đề nghị khen thưởng năm 2025".
func roundOption(ref int64, name string) string { return fmt.Sprintf("%d · %s", ref, name) }

func roundRefOf(option string) int64 {
	id, _ := strconv.ParseInt(officeCode(option), 10, 64)
	return id
}

// SelectRound opens an office's round of a year.
func (v *Decisions) SelectRound(unit string, year int, ref int64) {
	p, ok := v.loaded[roundKey{year, unit, ref}]
	if !ok {
		return
	}
	// The selects cascade (year → offices → rounds); open the round once.
	v.quiet = true
	v.Year.SetSelected(strconv.Itoa(year))
	v.Office.SetSelected(unit + " · " + p.UnitName)
	v.Round.SetSelected(roundOption(ref, p.RoundName))
	v.quiet = false
	v.openRound()
}

// openRound reads the nominations of the round chosen and the decisions
// already made on them.
func (v *Decisions) openRound() {
	if v.quiet {
		return
	}
	k := roundKey{atoi(v.Year.Selected), officeCode(v.Office.Selected), roundRefOf(v.Round.Selected)}
	if _, ok := v.loaded[k]; !ok {
		v.key, v.rows = roundKey{}, nil
		v.filter()
		v.sync()
		return
	}
	v.key = k
	ns, err := v.svc.CentralNominations(v.ctx, store.CentralFilter{Year: k.year, UnitCode: k.unit, RoundRef: k.ref, CurrentOnly: true})
	if err != nil {
		v.showError(err)
	}
	decided := map[int64]docs.CentralNomination{}
	if r, err := v.svc.CentralReport(v.ctx, k.year); err != nil {
		v.showError(err)
	} else {
		for _, n := range r.Nominations {
			decided[n.ID] = n
		}
	}
	cat, err := v.svc.Catalogue(v.ctx)
	if err != nil {
		v.showError(err)
	}
	today := v.svc.Today()
	v.rows = make([]decisionRow, len(ns))
	for i, n := range ns {
		v.rows[i] = decisionRow{n: n, decided: decided[n.ID].Decision, note: decided[n.ID].DecisionNote, own: cat.Own(n.Award, today)}
	}
	v.filter()
	v.sync()
}

func (v *Decisions) filter() {
	v.shown = v.shown[:0]
	for i, r := range v.rows {
		if matches(v.Search.Text, r.n.Name, r.n.CCCD, r.n.Code, r.n.AwardName, r.n.Award) {
			v.shown = append(v.shown, i)
		}
	}
	v.list.Refresh()
}

var decisionColumns = &kit.Columns{Widths: []float32{230, 0, 280}, FlexMin: 280}

func (v *Decisions) createRow() fyne.CanvasObject {
	radio := widget.NewRadioGroup([]string{lang.L("Khen"), lang.L("Không khen")}, nil)
	radio.Horizontal = true
	text := widget.NewLabel("Nguyễn Văn A · Chiến sĩ thi đua cơ sở")
	text.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("")
	sub.SizeName = theme.SizeNameCaptionText
	sub.Truncation = fyne.TextTruncateEllipsis
	reason := widget.NewEntry()
	reason.SetPlaceHolder(lang.L("Lý do không khen"))
	return container.New(decisionColumns, radio, container.NewVBox(text, sub), reason)
}

func (v *Decisions) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.shown) {
		return
	}
	idx := v.shown[i]
	r := v.rows[idx]
	objs := o.(*fyne.Container).Objects
	radio := objs[0].(*widget.RadioGroup)
	lines := objs[1].(*fyne.Container).Objects
	reason := objs[2].(*widget.Entry)

	radio.OnChanged = nil
	switch r.choice {
	case choiceGrant:
		radio.SetSelected(lang.L("Khen"))
	case choiceRefuse:
		radio.SetSelected(lang.L("Không khen"))
	default:
		radio.SetSelected("")
	}
	radio.OnChanged = func(s string) {
		c := choiceNone
		switch s {
		case lang.L("Khen"):
			c = choiceGrant
		case lang.L("Không khen"):
			c = choiceRefuse
		}
		v.rows[idx].choice = c
		v.list.RefreshItem(i)
		v.sync()
	}
	reason.OnChanged = nil
	reason.SetText(r.reason)
	reason.OnChanged = func(s string) { v.rows[idx].reason = s }
	if r.choice == choiceRefuse {
		reason.Enable()
	} else {
		reason.Disable()
	}
	if r.own {
		radio.Disable()
	} else {
		radio.Enable()
	}

	n := r.n
	lines[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s", n.Name, n.AwardName))
	sub := []string{fmt.Sprintf(lang.L("Điều kiện: %s"), eligibleText(n.Eligible)), voteText(n.Voted, n.For, n.Against, n.Abstain, n.Pct, n.Passed)}
	if r.own {
		sub = append(sub, lang.L("Thuộc thẩm quyền Giám đốc đơn vị: đơn vị tự quyết định"))
	}
	if r.decided != "" {
		text, _ := decisionCell(r.decided, r.note)
		sub = append(sub, fmt.Sprintf(lang.L("Đã quyết định: %s"), text))
	}
	lines[1].(*widget.Label).SetText(strings.Join(sub, " · "))
}

// SetChoice sets what the draft decision says of a nomination (by the
// centre's id): granted, or refused with a reason.
func (v *Decisions) SetChoice(nominationID int64, granted bool, reason string) {
	for i := range v.rows {
		if v.rows[i].n.ID == nominationID && !v.rows[i].own {
			v.rows[i].choice = choiceRefuse
			if granted {
				v.rows[i].choice = choiceGrant
			}
			v.rows[i].reason = reason
		}
	}
	v.list.Refresh()
	v.sync()
}

// Rows lists the nominations of the round open (tests read them).
func (v *Decisions) Rows() []store.CentralNomination {
	out := make([]store.CentralNomination, len(v.rows))
	for i, r := range v.rows {
		out[i] = r.n
	}
	return out
}

// GrantPassed marks for granting every proposal the office's council
// passed that the centre has not decided yet (not the office's own titles).
func (v *Decisions) GrantPassed() {
	for i := range v.rows {
		if v.rows[i].n.Passed && v.rows[i].decided == "" && !v.rows[i].own {
			v.rows[i].choice = choiceGrant
		}
	}
	v.list.Refresh()
	v.sync()
}

func (v *Decisions) clearChoices() {
	for i := range v.rows {
		v.rows[i].choice, v.rows[i].reason = choiceNone, ""
	}
	v.list.Refresh()
	v.sync()
}

// sync says what the draft holds and enables what can be done.
func (v *Decisions) sync() {
	grant, refuse, decided := 0, 0, 0
	for _, r := range v.rows {
		switch r.choice {
		case choiceGrant:
			grant++
		case choiceRefuse:
			refuse++
		}
		if r.decided != "" {
			decided++
		}
	}
	v.summary.SetText(fmt.Sprintf(lang.L("%d khen, %d không khen (trong %d đề nghị của đợt; %d đã có quyết định)"), grant, refuse, len(v.rows), decided))
	// The director records decisions; a clerk may send them back.
	enable(v.SaveBtn, grant+refuse > 0 && packages.Allowed(v.svc, domain.RoleDirector))
	enable(v.FeedbackBtn, decided > 0 && packages.Allowed(v.svc, domain.RoleClerk))
	if len(v.rows) > 0 {
		v.GrantPassedBtn.Enable()
		v.ClearBtn.Enable()
	} else {
		v.GrantPassedBtn.Disable()
		v.ClearBtn.Disable()
	}
}

// Save records the decision drafted; problems show under their fields.
func (v *Decisions) Save() {
	v.Form.ClearErrors()
	date, err := domain.ParseDate(v.Date.Text)
	if err != nil {
		v.Form.ShowErrors(fieldErr(service.FieldDecisionDate, lang.L("cần dạng ngày/tháng/năm, ví dụ 15/03/2026")))
		return
	}
	d := service.CentralDecision{Number: v.Number.Text, Date: date, Issuer: v.Issuer.Text}
	for _, r := range v.rows {
		switch r.choice {
		case choiceGrant:
			d.Items = append(d.Items, service.CentralDecisionItem{NominationID: r.n.ID, Granted: true})
		case choiceRefuse:
			d.Items = append(d.Items, service.CentralDecisionItem{NominationID: r.n.ID, Reason: r.reason})
		}
	}
	id, err := v.svc.RecordDecision(v.ctx, d)
	if rest := v.Form.ShowErrors(err); rest != nil {
		v.showError(rest)
		return
	}
	if err != nil {
		return
	}
	v.Saved = id
	v.showNotice(fmt.Sprintf(lang.L("Đã lưu quyết định số %s: %d đề nghị. Bấm “Xuất gói phản hồi…” để gửi quyết định về đơn vị."), d.Number, len(d.Items)), "")
	v.Number.SetText("")
	v.openRound()
}

// OnFeedback asks for the centre's passphrase and a folder, then writes
// the signed feedback package of the round open.
func (v *Decisions) OnFeedback() {
	k := v.key
	if k.unit == "" {
		return
	}
	p := v.loaded[k]
	d := packages.NewFormDialog(v.win, lang.L("Xuất gói phản hồi"),
		fmt.Sprintf(lang.L("Gói phản hồi cho %s (%s), đợt “%s” năm %d: mọi quyết định của Trung ương về các đề nghị của đợt, ký bằng khóa của Trung ương."),
			p.UnitName, p.UnitCode, p.RoundName, k.year),
		lang.L("Xuất gói"), nil)
	v.FeedbackPass = d.AddSecret(packages.FieldPassphrase, "")
	v.FeedbackFolder = d.AddFolder(packages.FieldFolder, packages.DocumentsDir(), "")
	d.SetAction(func(d *packages.FormDialog) { v.exportFeedback(d, k) })
	v.Feedback = d
	d.Show()
}

func (v *Decisions) exportFeedback(d *packages.FormDialog, k roundKey) {
	pass, dir := v.FeedbackPass.Text, strings.TrimSpace(v.FeedbackFolder.Text)
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		d.Fail(fieldErr(packages.FieldFolder, lang.L("Thư mục không có hoặc không mở được; bấm “Chọn…” để chọn thư mục.")))
		return
	}
	var out string
	v.run(v.win, "Đang xuất gói phản hồi", func(ctx context.Context, _ kit.Progress) error {
		var err error
		out, err = v.svc.ExportFeedback(ctx, k.unit, k.year, k.ref, dir, pass)
		return err
	}, func(err error) {
		if d.Fail(err) {
			v.lastErr = err
			return
		}
		d.Close()
		v.ExportedFeedback = out
		v.showNotice(fmt.Sprintf(lang.L("Đã xuất gói phản hồi %s. Gửi tệp này cho đơn vị để nhập vào chương trình."), filepath.Base(out)), filepath.Dir(out))
	})
}

func (v *Decisions) showNotice(msg, dir string) {
	var open *widget.Button
	if dir != "" {
		open = widget.NewButtonWithIcon(lang.L("Mở thư mục"), theme.FolderOpenIcon(), func() {
			if err := kit.OpenFile(dir); err != nil {
				v.showError(err)
			}
		})
	}
	v.notice.Objects = []fyne.CanvasObject{kit.Banner(msg, kit.Soft(theme.Color(theme.ColorNameSuccess)), open)}
	v.content.Refresh() // the banner changed the top's height
}
