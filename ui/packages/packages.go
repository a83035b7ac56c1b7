// Package packages is the province's "Gửi Trung ương" area: from a round
// the director approved it builds the signed submission package for the
// centre (encrypted to the centre's key when one is registered), keeps the
// history of the packages written and re-verifies any of them, checks any
// package file on disk, and imports the centre's feedback package with its
// decisions.
//
// It also holds the dialogs every packages screen shares (a form dialog
// that asks for the signing passphrase and shows a wrong one under the
// field, file choosers): the keys section of Cài đặt and the centre's
// areas (ui/central) use them too.
package packages

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// Service is what the area needs from the use cases.
type Service interface {
	Actor
	Rounds(ctx context.Context) ([]domain.Round, error)
	NomineeCounts(ctx context.Context) (map[int64]int, error)
	HasSigningKey(ctx context.Context) bool
	CentralKey(ctx context.Context) (pack.KeyFile, bool, error)
	ExportPackage(ctx context.Context, roundID int64, out, passphrase string, progress func(done, total int)) (service.PackageRecord, error)
	Packages(ctx context.Context) ([]service.PackageRecord, error)
	VerifyPackage(ctx context.Context, path string) (*pack.Package, error)
	ImportFeedback(ctx context.Context, path string) (service.FeedbackResult, error)
}

var _ Service = (*service.Service)(nil)

// FieldFolder is the destination folder of a package.
const FieldFolder = "Lưu vào thư mục"

// Columns of the history table.
var historyCols = []kit.Column{
	{Header: "Thời gian", Width: 140},
	{Header: "Đợt đề nghị", Width: 170},
	{Header: "Tệp", Width: 240},
	{Header: "Dung lượng", Width: 90},
	{Header: "SHA-256", Width: 120},
	{Header: "Mã hóa", Width: 70},
}

// View is the "Gửi Trung ương" area.
type View struct {
	svc Service
	win fyne.Window
	ctx context.Context
	run kit.Runner

	// The rounds, all of them, newest first; shownRounds after the search.
	rounds      []domain.Round
	shownRounds []domain.Round
	counts      map[int64]int
	round       domain.Round // selected; ID 0 when none
	RoundSearch *widget.Entry
	roundList   *widget.List
	ExportBtn   *widget.Button
	exportHint  *widget.Label

	// The packages written, newest first; shown after the search.
	records  []service.PackageRecord
	shown    []service.PackageRecord
	selected int // index in shown; -1 when none
	Search   *widget.Entry
	history  *widget.Table
	count    *widget.Label

	ReverifyBtn   *widget.Button
	VerifyFileBtn *widget.Button
	FeedbackBtn   *widget.Button

	result  *fyne.Container // the last verification or import, in words
	banners *fyne.Container // the centre's key, the signing key
	notice  *fyne.Container // what the last action did

	// Dir is the folder the next package goes to (Documents at first,
	// then the last one used).
	Dir string
	// Export is the last export dialog opened (tests type into it).
	Export *ExportDialog
	// What the last actions produced (tests read them).
	LastPackage  service.PackageRecord
	LastCheck    *pack.Package
	LastFeedback *service.FeedbackResult
	lastErr      error

	content fyne.CanvasObject
}

// ExportDialog asks for the passphrase and the folder of a new package.
type ExportDialog struct {
	*FormDialog
	Passphrase *KeyEntry
	Folder     *KeyEntry
}

// New builds the area over svc; call Reload to fill it.
func New(svc *service.Service, win fyne.Window) *View { return newView(svc, win, kit.RunLong) }

func newView(svc Service, win fyne.Window, run kit.Runner) *View {
	v := &View{svc: svc, win: win, ctx: context.Background(), run: run, selected: -1, Dir: DocumentsDir()}
	v.RoundSearch = widget.NewEntry()
	v.RoundSearch.SetPlaceHolder(lang.L("Tìm đợt theo tên hoặc năm…"))
	v.RoundSearch.OnChanged = func(string) { v.filterRounds() }
	v.roundList = widget.NewList(func() int { return len(v.shownRounds) }, v.createRoundRow, v.updateRoundRow)
	v.roundList.OnSelected = func(i widget.ListItemID) {
		if i < len(v.shownRounds) {
			v.SelectRound(v.shownRounds[i].ID)
		}
	}
	v.ExportBtn = widget.NewButtonWithIcon(lang.L("Tạo gói hồ sơ…"), theme.MailSendIcon(), v.OnExport)
	v.ExportBtn.Importance = widget.HighImportance
	v.exportHint = widget.NewLabel("")
	v.exportHint.Wrapping = fyne.TextWrapWord
	v.exportHint.TextStyle.Italic = true

	v.Search = widget.NewEntry()
	v.Search.SetPlaceHolder(lang.L("Tìm theo tên tệp, đợt hoặc mã SHA-256…"))
	v.Search.OnChanged = func(string) { v.filterHistory() }
	v.history = kit.TextTable(historyCols, func() int { return len(v.shown) }, v.historyCell)
	v.history.OnSelected = func(id widget.TableCellID) { v.selectRecord(id.Row) }
	v.count = widget.NewLabel("")
	v.ReverifyBtn = widget.NewButtonWithIcon(lang.L("Kiểm tra lại"), theme.ConfirmIcon(), v.Reverify)
	v.VerifyFileBtn = widget.NewButtonWithIcon(lang.L("Kiểm tra một gói…"), theme.SearchIcon(), func() {
		OpenFileDialog(v.win, v.Dir, []string{".zip"}, v.VerifyFile)
	})
	v.FeedbackBtn = widget.NewButtonWithIcon(lang.L("Nhập quyết định của Trung ương…"), theme.DownloadIcon(), func() {
		OpenFileDialog(v.win, v.Dir, []string{".zip"}, v.ImportFeedback)
	})

	v.result = container.NewVBox(wrapped(lang.L("Chọn một gói trong danh sách rồi bấm “Kiểm tra lại”, hoặc bấm “Kiểm tra một gói…” để kiểm tra bất kỳ tệp gói nào. Kết quả hiện ở đây.")))
	v.banners = container.NewVBox()
	v.notice = container.NewVBox()

	roundsBox := container.NewBorder(
		container.NewVBox(kit.Heading("Đợt đề nghị đã duyệt"), v.RoundSearch),
		container.NewVBox(container.NewHBox(v.ExportBtn), v.exportHint), nil, nil, v.roundList)
	historyBox := container.NewBorder(
		container.NewVBox(kit.Heading("Các gói đã tạo"), container.NewBorder(nil, nil, nil, v.count, v.Search)),
		container.NewHBox(v.ReverifyBtn, layout.NewSpacer(), v.VerifyFileBtn, v.FeedbackBtn), nil, nil, v.history)
	bottom := container.NewHSplit(historyBox, container.NewVScroll(container.NewPadded(v.result)))
	bottom.Offset = 0.7
	body := container.NewVSplit(roundsBox, bottom)
	body.Offset = 0.3
	v.content = container.NewBorder(container.NewVBox(kit.Heading("Gửi Trung ương"), v.banners, v.notice), nil, nil, nil, body)
	v.syncButtons()
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload re-reads the rounds, the packages and the keys.
func (v *View) Reload() {
	rs, err := v.svc.Rounds(v.ctx)
	if err != nil {
		v.showError(err)
	}
	// Approved and sent rounds first, newest year first: those are the
	// ones a package can be made from.
	ready := func(r domain.Round) bool { return r.Status == domain.StatusApproved || r.Status == domain.StatusSent }
	v.rounds = append(v.rounds[:0], rs...)
	sortRounds(v.rounds, ready)
	if v.counts, err = v.svc.NomineeCounts(v.ctx); err != nil {
		v.showError(err)
	}
	keep := v.round.ID
	v.round = domain.Round{}
	for _, r := range v.rounds {
		if r.ID == keep {
			v.round = r
		}
	}
	v.filterRounds()
	if v.round.ID == 0 {
		for _, r := range v.shownRounds {
			if ready(r) {
				v.SelectRound(r.ID)
				break
			}
		}
	}
	v.loadHistory()
	v.refreshBanners()
	v.syncButtons()
	v.relayout()
}

// relayout lays the area out again after a banner or a count changed
// size: a container does not tell its parent that its size changed.
func (v *View) relayout() {
	if v.content != nil {
		v.content.Refresh()
	}
}

// sortRounds puts ready rounds first, then by year, newest first, keeping
// the order of creation within a year.
func sortRounds(rs []domain.Round, ready func(domain.Round) bool) {
	less := func(a, b domain.Round) bool {
		if ready(a) != ready(b) {
			return ready(a)
		}
		if a.Year != b.Year {
			return a.Year > b.Year
		}
		return a.ID > b.ID
	}
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && less(rs[j], rs[j-1]); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

func (v *View) refreshBanners() {
	v.banners.Objects = nil
	if !v.svc.HasSigningKey(v.ctx) {
		v.banners.Add(kit.Banner(lang.L("Đơn vị chưa có khóa ký hồ sơ: Giám đốc tạo khóa trong Cài đặt → Khóa ký hồ sơ trước khi tạo gói."),
			kit.Soft(theme.Color(theme.ColorNameError)), nil))
	}
	k, ok, err := v.svc.CentralKey(v.ctx)
	switch {
	case err != nil:
		v.showError(err)
	case !ok:
		v.banners.Add(kit.Banner(lang.L("Gói sẽ không được mã hóa: chưa đăng ký khóa của Trung ương trong Cài đặt"),
			kit.Soft(theme.Color(theme.ColorNameWarning)), nil))
	default:
		l := widget.NewLabel(fmt.Sprintf(lang.L("Gói được mã hóa cho %s (vân tay khóa %s): chỉ Trung ương đọc được dữ liệu cá nhân trong gói."),
			k.Name, pack.Fingerprint(k.Sign)))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		v.banners.Add(l)
	}
	v.banners.Refresh()
}

// ---- rounds ----

func (v *View) createRoundRow() fyne.CanvasObject {
	name := widget.NewLabel("Đề nghị khen thưởng năm 2025")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.SizeName = theme.SizeNameCaptionText
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(name, detail)
}

func (v *View) updateRoundRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.shownRounds) {
		return
	}
	r := v.shownRounds[i]
	rows := o.(*fyne.Container).Objects
	name := rows[0].(*widget.Label)
	name.Importance = widget.MediumImportance
	if r.Status != domain.StatusApproved && r.Status != domain.StatusSent {
		name.Importance = widget.LowImportance
	}
	name.SetText(r.Name)
	rows[1].(*widget.Label).SetText(v.roundLine(r))
}

// roundLine is "2025 · Đã duyệt · 12 đề nghị · 1 gói đã tạo".
func (v *View) roundLine(r domain.Round) string {
	sent := 0
	for _, p := range v.records {
		if p.RoundID == r.ID {
			sent++
		}
	}
	line := fmt.Sprintf(lang.L("%d · %s · %d đề nghị"), r.Year, lang.L(r.Status.Label()), v.counts[r.ID])
	if sent > 0 {
		line += " · " + fmt.Sprintf(lang.L("%d gói đã tạo"), sent)
	}
	return line
}

func (v *View) filterRounds() {
	q := fold(v.RoundSearch.Text)
	v.shownRounds = v.shownRounds[:0]
	for _, r := range v.rounds {
		if q == "" || strings.Contains(fold(fmt.Sprintf("%s %d %s", r.Name, r.Year, lang.L(r.Status.Label()))), q) {
			v.shownRounds = append(v.shownRounds, r)
		}
	}
	v.roundList.Refresh()
	v.roundList.UnselectAll()
	for i, r := range v.shownRounds {
		if r.ID == v.round.ID {
			v.roundList.Select(i)
		}
	}
}

// SelectRound chooses the round a package would be made from.
func (v *View) SelectRound(id int64) {
	for _, r := range v.rounds {
		if r.ID == id {
			v.round = r
		}
	}
	for i, r := range v.shownRounds {
		if r.ID == id {
			v.roundList.Select(i)
		}
	}
	v.syncButtons()
}

// syncButtons enables what can be done now and says why the rest cannot.
func (v *View) syncButtons() {
	hint := ""
	switch {
	case v.round.ID == 0:
		hint = lang.L("Chọn một đợt đề nghị đã được Giám đốc duyệt để tạo gói hồ sơ gửi Trung ương.")
	case v.round.Status != domain.StatusApproved && v.round.Status != domain.StatusSent:
		hint = fmt.Sprintf(lang.L("Đợt “%s” đang ở trạng thái “%s”: chỉ tạo được gói từ đợt đã được Giám đốc duyệt (trong Xét khen thưởng → Đợt đề nghị)."),
			v.round.Name, lang.L(v.round.Status.Label()))
	case !v.svc.HasSigningKey(v.ctx):
		hint = lang.L("Chưa có khóa ký hồ sơ: tạo khóa trong Cài đặt → Khóa ký hồ sơ.")
	case !Allowed(v.svc, domain.RoleClerk):
		hint = lang.L("Tài khoản chỉ được xem: chuyên viên hoặc Giám đốc tạo gói hồ sơ.")
	}
	if hint != "" {
		v.ExportBtn.Disable()
	} else {
		v.ExportBtn.Enable()
		hint = fmt.Sprintf(lang.L("Gói của đợt “%s” gồm dữ liệu, các danh sách Excel, toàn bộ văn bản PDF và tệp đính kèm, được ký bằng khóa của đơn vị."), v.round.Name)
	}
	v.exportHint.SetText(hint)
	if Allowed(v.svc, domain.RoleClerk) {
		v.FeedbackBtn.Enable()
	} else {
		v.FeedbackBtn.Disable()
	}
	if v.selected >= 0 && v.selected < len(v.shown) {
		v.ReverifyBtn.Enable()
	} else {
		v.ReverifyBtn.Disable()
	}
}

// OnExport asks for the signing passphrase and the folder, then builds
// the selected round's package.
func (v *View) OnExport() {
	r := v.round
	if r.ID == 0 {
		return
	}
	e := &ExportDialog{}
	e.FormDialog = NewFormDialog(v.win, lang.L("Tạo gói hồ sơ gửi Trung ương"),
		fmt.Sprintf(lang.L("Đợt “%s” (năm %d). Gói được ký bằng khóa ký của đơn vị; nhập mật khẩu khóa ký do Giám đốc giữ."), r.Name, r.Year),
		lang.L("Tạo gói"), func(*FormDialog) { v.export(e, r) })
	e.Passphrase = e.AddSecret(FieldPassphrase, "")
	e.Folder = e.AddFolder(FieldFolder, v.Dir, "Ví dụ ổ USB; tên tệp do chương trình đặt")
	v.Export = e
	e.Show()
}

// export runs the build behind a progress bar; a wrong passphrase shows
// under its field and keeps the dialog open.
func (v *View) export(e *ExportDialog, r domain.Round) {
	pass, dir := e.Passphrase.Text, strings.TrimSpace(e.Folder.Text)
	var fe domain.FieldErrors
	if pass == "" {
		fe = append(fe, domain.FieldError{Field: FieldPassphrase, Msg: lang.L("Nhập mật khẩu khóa ký.")})
	}
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		fe = append(fe, domain.FieldError{Field: FieldFolder, Msg: lang.L("Thư mục không có hoặc không mở được; bấm “Chọn…” để chọn thư mục.")})
	}
	if len(fe) > 0 {
		e.Fail(fe)
		return
	}
	var rec service.PackageRecord
	v.run(v.win, "Đang tạo gói hồ sơ", func(ctx context.Context, progress kit.Progress) error {
		var err error
		rec, err = v.svc.ExportPackage(ctx, r.ID, dir, pass, progress)
		return err
	}, func(err error) {
		if errors.Is(err, context.Canceled) {
			return
		}
		if e.Fail(err) {
			v.lastErr = err
			return
		}
		e.Close()
		v.Dir = dir
		v.LastPackage = rec
		v.Reload()
		v.selectPath(rec.Path)
		v.showNotice(fmt.Sprintf(lang.L("Đã tạo gói %s (%s) trong thư mục %s. Mang tệp này đến Trung ương (USB hoặc thư điện tử)."),
			rec.FileName, kit.FileSize(rec.Bytes), filepath.Dir(rec.Path)), filepath.Dir(rec.Path))
	})
}

// ---- history ----

func (v *View) loadHistory() {
	rs, err := v.svc.Packages(v.ctx)
	if err != nil {
		v.showError(err)
	}
	v.records = rs
	v.filterHistory()
	v.roundList.Refresh()
}

func (v *View) roundName(id int64) string {
	for _, r := range v.rounds {
		if r.ID == id {
			return r.Name
		}
	}
	return lang.L("(đợt đã xóa)")
}

func (v *View) filterHistory() {
	keep := ""
	if v.selected >= 0 && v.selected < len(v.shown) {
		keep = v.shown[v.selected].Path
	}
	q := fold(v.Search.Text)
	v.shown = v.shown[:0]
	for _, p := range v.records {
		if q == "" || strings.Contains(fold(p.FileName+" "+v.roundName(p.RoundID)+" "+p.SHA256), q) {
			v.shown = append(v.shown, p)
		}
	}
	v.count.SetText(fmt.Sprintf(lang.L("%d / %d gói"), len(v.shown), len(v.records)))
	v.selected = -1
	v.history.UnselectAll()
	v.history.Refresh()
	v.selectPath(keep)
	v.syncButtons()
}

func (v *View) historyCell(row, col int) string {
	if row >= len(v.shown) {
		return ""
	}
	p := v.shown[row]
	switch col {
	case 0:
		return p.CreatedAt.Local().Format("02/01/2006 15:04")
	case 1:
		return v.roundName(p.RoundID)
	case 2:
		return p.FileName
	case 3:
		return kit.FileSize(p.Bytes)
	case 4:
		return ShortHash(p.SHA256)
	case 5:
		if p.Encrypted {
			return lang.L("Có")
		}
		return lang.L("Không")
	}
	return ""
}

func (v *View) selectRecord(row int) {
	if row < 0 || row >= len(v.shown) {
		return
	}
	v.selected = row
	v.syncButtons()
}

// selectPath selects the package written at path, if shown.
func (v *View) selectPath(path string) {
	if path == "" {
		return
	}
	for i, p := range v.shown {
		if p.Path == path {
			v.history.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

// Selected is the package selected in the history.
func (v *View) Selected() (service.PackageRecord, bool) {
	if v.selected < 0 || v.selected >= len(v.shown) {
		return service.PackageRecord{}, false
	}
	return v.shown[v.selected], true
}

// Reverify checks the selected package again where it was written.
func (v *View) Reverify() {
	p, ok := v.Selected()
	if !ok {
		return
	}
	v.VerifyFile(p.Path)
}

// VerifyFile checks any package file and shows the verdict.
func (v *View) VerifyFile(path string) {
	var res *pack.Package
	v.run(v.win, "Đang kiểm tra gói", func(ctx context.Context, _ kit.Progress) error {
		var err error
		res, err = v.svc.VerifyPackage(ctx, path)
		return err
	}, func(err error) {
		v.LastCheck = res
		switch {
		case errors.Is(err, fs.ErrNotExist):
			v.showResult(path, nil, []string{fmt.Sprintf(lang.L("Không tìm thấy tệp %s: tệp đã bị chuyển đi, đổi tên hoặc xóa."), path)})
		case err != nil:
			v.showError(err)
		default:
			v.showCheck(path, res)
		}
	})
}

// showCheck writes a verification verdict: "Gói hợp lệ" with what the
// package is and the key that signed it, or every problem found.
func (v *View) showCheck(path string, p *pack.Package) {
	var facts, problems []string
	facts = append(facts, fmt.Sprintf(lang.L("Thư mục: %s"), filepath.Dir(path)))
	if m := p.Manifest; m != nil {
		facts = append(facts,
			fmt.Sprintf(lang.L("Đơn vị: %s (%s)"), m.Unit.Name, m.Unit.Code),
			fmt.Sprintf(lang.L("Năm %d · %s"), m.Year, m.Round.Name),
			fmt.Sprintf(lang.L("Tạo lúc: %s"), stamp(m.CreatedAt)),
			fmt.Sprintf(lang.L("Số tệp trong gói: %d"), len(m.Files)))
		if m.Encryption != "" {
			facts = append(facts, lang.L("Dữ liệu trong gói được mã hóa cho Trung ương."))
		} else {
			facts = append(facts, lang.L("Dữ liệu trong gói không được mã hóa."))
		}
	}
	if len(p.PublicKey) > 0 {
		facts = append(facts, fmt.Sprintf(lang.L("Vân tay khóa ký: %s"), pack.Fingerprint(p.PublicKey)))
	}
	facts = append(facts, fmt.Sprintf(lang.L("SHA-256 của tệp: %s"), p.SHA256))
	for _, pr := range p.Problems {
		problems = append(problems, ProblemText(pr))
	}
	v.showResult(path, facts, problems)
}

// stamp writes an RFC 3339 time as dd/mm/yyyy hh:mm in local time.
func stamp(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Local().Format("02/01/2006 15:04")
}

// ProblemText is one verification problem as people read it.
func ProblemText(p pack.Problem) string {
	if p.Path != "" && !strings.Contains(p.Message, p.Path) {
		return p.Path + ": " + p.Message
	}
	return p.Message
}

// showResult fills the result panel: a green or red verdict, the facts,
// then each problem on its own line.
func (v *View) showResult(path string, facts, problems []string) {
	v.result.Objects = nil
	verdict := widget.NewLabel(lang.L("Gói hợp lệ"))
	verdict.Importance = widget.SuccessImportance
	if len(problems) > 0 {
		verdict.SetText(fmt.Sprintf(lang.L("Gói KHÔNG hợp lệ: %d vấn đề"), len(problems)))
		verdict.Importance = widget.DangerImportance
	}
	verdict.TextStyle.Bold = true
	verdict.SizeName = theme.SizeNameSubHeadingText
	v.result.Add(verdict)
	v.result.Add(wrapped(filepath.Base(path)))
	for _, p := range problems {
		l := wrapped("• " + p)
		l.Importance = widget.DangerImportance
		v.result.Add(l)
	}
	if len(facts) > 0 {
		v.result.Add(widget.NewSeparator())
	}
	for _, f := range facts {
		v.result.Add(wrapped(f))
	}
	v.relayout()
}

// ResultText is what the result panel says, line by line (tests read it).
func (v *View) ResultText() string {
	var b strings.Builder
	for _, o := range v.result.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// ImportFeedback loads the centre's feedback package: its decisions on
// the round's nominees and the awards granted.
func (v *View) ImportFeedback(path string) {
	var res service.FeedbackResult
	v.run(v.win, "Đang nhập quyết định của Trung ương", func(ctx context.Context, _ kit.Progress) error {
		var err error
		res, err = v.svc.ImportFeedback(ctx, path)
		return err
	}, func(err error) {
		var invalid *service.InvalidPackageError
		if errors.As(err, &invalid) {
			// Every reason, as for a verification, rather than one long dialog.
			lines := make([]string, 0, len(invalid.Problems))
			for _, p := range invalid.Problems {
				lines = append(lines, ProblemText(p))
			}
			v.lastErr = err
			v.showResult(path, []string{lang.L("Gói phản hồi không được nhập: không có gì thay đổi.")}, lines)
			return
		}
		if err != nil {
			v.showError(err)
			return
		}
		v.LastFeedback = &res
		v.Reload()
		lines := feedbackLines(res)
		v.result.Objects = nil
		h := widget.NewLabel(lang.L("Đã nhập quyết định của Trung ương"))
		h.TextStyle.Bold = true
		h.SizeName = theme.SizeNameSubHeadingText
		h.Importance = widget.SuccessImportance
		v.result.Add(h)
		v.result.Add(wrapped(filepath.Base(path)))
		for _, l := range lines {
			v.result.Add(wrapped(l))
		}
		v.relayout()
		v.showNotice(strings.Join(lines, " "), "")
	})
}

// feedbackLines says what an imported feedback package changed.
func feedbackLines(res service.FeedbackResult) []string {
	if res.Duplicate {
		return []string{fmt.Sprintf(lang.L("Gói %s đã được nhập trước đây: không có gì thay đổi."), res.File)}
	}
	var out []string
	for _, d := range res.Decisions {
		out = append(out, fmt.Sprintf(lang.L("Quyết định số %s ngày %s của %s: %d đề nghị."), d.Number, isoToVN(d.Date), d.Issuer, len(d.Items)))
	}
	out = append(out, fmt.Sprintf(lang.L("Đợt “%s”: %d khen thưởng được ghi vào lịch sử khen thưởng, %d đề nghị không được khen."), res.RoundName, res.Granted, res.Refused))
	if res.StatusChanged {
		out = append(out, fmt.Sprintf(lang.L("Đợt chuyển sang trạng thái “%s”."), lang.L(domain.StatusSent.Label())))
	}
	out = append(out, res.Warnings...)
	return out
}

// isoToVN writes a yyyy-mm-dd date as dd/mm/yyyy.
func isoToVN(s string) string {
	if d, err := domain.ParseDate(s); err == nil {
		return d.VN()
	}
	return s
}

// ---- helpers ----

func (v *View) showNotice(msg, dir string) {
	var open *widget.Button
	if dir != "" {
		open = widget.NewButtonWithIcon(lang.L("Mở thư mục"), theme.FolderOpenIcon(), func() {
			if err := kit.OpenFile(dir); err != nil {
				v.showError(err)
			}
		})
	}
	v.notice.Objects = []fyne.CanvasObject{kit.Banner(msg, kit.Soft(theme.Color(theme.ColorNameSuccess)), open)}
	v.relayout()
}

// NoticeText is the message of the last action (tests read it).
func (v *View) NoticeText() string {
	var b strings.Builder
	for _, o := range v.notice.Objects {
		walkLabels(o, func(l *widget.Label) { b.WriteString(l.Text) })
	}
	return b.String()
}

// BannerText is what the banners above the area say (tests read it).
func (v *View) BannerText() string {
	var b strings.Builder
	for _, o := range v.banners.Objects {
		walkLabels(o, func(l *widget.Label) { b.WriteString(l.Text + "\n") })
	}
	return b.String()
}

func walkLabels(o fyne.CanvasObject, f func(*widget.Label)) {
	switch x := o.(type) {
	case *widget.Label:
		f(x)
	case *fyne.Container:
		for _, c := range x.Objects {
			walkLabels(c, f)
		}
	}
}

func (v *View) showError(err error) {
	v.lastErr = err
	kit.ShowError(v.win, err)
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// fold makes text searchable as a clerk types it: lower case, without
// diacritics.
func fold(s string) string { return domain.Fold(strings.TrimSpace(s)) }
