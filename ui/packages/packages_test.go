package packages

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/internal/uitest"
)

// fixture is the area over the demo office (an approved 2025 round and a
// signing key whose passphrase is "demo"), with long work run at once and
// packages written to a temporary folder.
type fixture struct {
	t   *testing.T
	ctx context.Context
	svc *service.Service
	win fyne.Window
	v   *View
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	test.NewTempApp(t)
	svc := uitest.Service(t)
	ctx := context.Background()
	if err := svc.FillDemo(ctx, service.DemoOptions{Staff: 40, Years: 6, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	if !svc.HasSigningKey(ctx) {
		t.Fatal("the demo office has no signing key")
	}
	win := test.NewTempWindow(t, nil)
	v := newView(svc, win, uitest.RunNow)
	v.Dir = t.TempDir()
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(1280, 800))
	v.Reload()
	return &fixture{t: t, ctx: ctx, svc: svc, win: win, v: v}
}

// approved is the demo's approved round of 2025.
func (f *fixture) approved() domain.Round {
	f.t.Helper()
	rs, err := f.svc.Rounds(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, r := range rs {
		if r.Year == 2025 && r.Status == domain.StatusApproved {
			return r
		}
	}
	f.t.Fatal("the demo office has no approved 2025 round")
	return domain.Round{}
}

// export makes a package through the dialog, as a clerk would.
func (f *fixture) export(passphrase string) *ExportDialog {
	f.t.Helper()
	f.v.SelectRound(f.approved().ID)
	if f.v.ExportBtn.Disabled() {
		f.t.Fatalf("Tạo gói hồ sơ disabled: %s", f.v.exportHint.Text)
	}
	test.Tap(f.v.ExportBtn)
	e := f.v.Export
	if e == nil || !e.IsOpen() {
		f.t.Fatal("no export dialog")
	}
	if e.Folder.Text != f.v.Dir {
		f.t.Fatalf("folder starts at %q, want %q", e.Folder.Text, f.v.Dir)
	}
	test.Type(e.Passphrase, passphrase)
	e.Passphrase.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter submits
	return e
}

func TestView_ExportThenReverify(t *testing.T) {
	f := newFixture(t)
	v := f.v
	if len(v.shown) != 0 {
		t.Fatalf("history of a new office: %d packages", len(v.shown))
	}
	e := f.export(service.DemoPassphrase)
	if e.IsOpen() {
		t.Fatalf("dialog still open: %q %v", e.ErrorFor(FieldPassphrase), v.lastErr)
	}
	rec := v.LastPackage
	if filepath.Dir(rec.Path) != v.Dir || !strings.HasSuffix(rec.FileName, ".zip") {
		t.Fatalf("package written as %+v", rec)
	}
	if st, err := os.Stat(rec.Path); err != nil || st.Size() != rec.Bytes {
		t.Fatalf("file on disk: %v", err)
	}
	if !strings.Contains(v.NoticeText(), rec.FileName) {
		t.Errorf("notice %q does not name the file", v.NoticeText())
	}
	// The history shows it, selected.
	if len(v.shown) != 1 || v.historyCell(0, 2) != rec.FileName || v.historyCell(0, 1) != f.approved().Name {
		t.Fatalf("history: %d rows, first %q / %q", len(v.shown), v.historyCell(0, 1), v.historyCell(0, 2))
	}
	if got, ok := v.Selected(); !ok || got.Path != rec.Path || v.ReverifyBtn.Disabled() {
		t.Fatal("the new package is not selected for re-verification")
	}
	if !strings.HasPrefix(rec.SHA256, strings.TrimSuffix(v.historyCell(0, 4), "…")) {
		t.Errorf("short hash %q of %q", v.historyCell(0, 4), rec.SHA256)
	}

	test.Tap(v.ReverifyBtn)
	if v.LastCheck == nil || !v.LastCheck.Valid() {
		t.Fatalf("re-verify: %+v", v.LastCheck)
	}
	_, fp, err := f.svc.PublicKeyFile(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	res := v.ResultText()
	if !strings.HasPrefix(res, "Gói hợp lệ") || !strings.Contains(res, fp) {
		t.Fatalf("result:\n%s", res)
	}

	// Someone edits data.json inside the zip after signing.
	tamper(t, rec.Path, "data.json")
	test.Tap(v.ReverifyBtn)
	if v.LastCheck == nil || v.LastCheck.Valid() || !v.LastCheck.Has(pack.ProblemHashMismatch) {
		t.Fatalf("tampered package: %+v", v.LastCheck)
	}
	res = v.ResultText()
	if !strings.Contains(res, "KHÔNG hợp lệ") || !strings.Contains(res, "data.json") {
		t.Fatalf("result of a tampered package:\n%s", res)
	}

	// And a file moved away is said so, not thrown as an error.
	if err := os.Remove(rec.Path); err != nil {
		t.Fatal(err)
	}
	test.Tap(v.ReverifyBtn)
	if !strings.Contains(v.ResultText(), "Không tìm thấy tệp") {
		t.Fatalf("result of a missing file:\n%s", v.ResultText())
	}
}

// tamper rewrites the zip at path with one byte of entry name changed.
func tamper(t *testing.T, path, name string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == name {
			found = true
			b = bytes.Replace(b, []byte("2025"), []byte("2024"), 1)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("%s has no %s", path, name)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestView_WrongPassphraseShowsUnderField(t *testing.T) {
	f := newFixture(t)
	e := f.export("không phải mật khẩu")
	if !e.IsOpen() {
		t.Fatal("the dialog closed on a wrong passphrase")
	}
	if e.ErrorFor(FieldPassphrase) == "" {
		t.Fatalf("no message under %s (error %v)", FieldPassphrase, f.v.lastErr)
	}
	if len(f.v.records) != 0 {
		t.Fatal("a package was recorded with a wrong passphrase")
	}
	if entries, _ := os.ReadDir(f.v.Dir); len(entries) != 0 {
		t.Fatalf("files left behind: %v", entries)
	}
	// Fixing it in the same dialog works.
	e.Passphrase.SetText(service.DemoPassphrase)
	e.Submit()
	if e.IsOpen() || len(f.v.records) != 1 {
		t.Fatalf("second try: open %v, %d packages", e.IsOpen(), len(f.v.records))
	}
}

func TestView_EscapeClosesExport(t *testing.T) {
	f := newFixture(t)
	f.v.SelectRound(f.approved().ID)
	test.Tap(f.v.ExportBtn)
	f.v.Export.Passphrase.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.v.Export.IsOpen() {
		t.Fatal("Escape did not close the dialog")
	}
}

func TestView_MissingFolderShowsUnderField(t *testing.T) {
	f := newFixture(t)
	f.v.Dir = filepath.Join(t.TempDir(), "không có")
	e := f.export(service.DemoPassphrase)
	if !e.IsOpen() || e.ErrorFor(FieldFolder) == "" {
		t.Fatalf("missing folder: open %v, message %q", e.IsOpen(), e.ErrorFor(FieldFolder))
	}
}

func TestView_DraftRoundCannotBePackaged(t *testing.T) {
	f := newFixture(t)
	id, err := f.svc.CreateRound(f.ctx, domain.Round{Year: 2026, Kind: domain.RoundOneOff, Name: "Khen thưởng đột xuất tháng 3"})
	if err != nil {
		t.Fatal(err)
	}
	f.v.Reload()
	// Approved rounds are listed first and one is chosen to begin with.
	if f.v.shownRounds[0].Status != domain.StatusApproved || f.v.round.ID != f.shownFirst() {
		t.Fatalf("first round %+v, chosen %d", f.v.shownRounds[0], f.v.round.ID)
	}
	f.v.SelectRound(id)
	if !f.v.ExportBtn.Disabled() {
		t.Fatal("a draft round can be packaged")
	}
	if !strings.Contains(f.v.exportHint.Text, domain.StatusDraft.Label()) {
		t.Fatalf("hint %q does not say the round is a draft", f.v.exportHint.Text)
	}
	f.v.SelectRound(f.approved().ID)
	if f.v.ExportBtn.Disabled() {
		t.Fatal("the approved round cannot be packaged")
	}
}

func (f *fixture) shownFirst() int64 { return f.v.shownRounds[0].ID }

func TestView_SearchRoundsAndHistory(t *testing.T) {
	f := newFixture(t)
	f.export(service.DemoPassphrase)
	v := f.v
	test.Type(v.Search, "khong co goi nay")
	if len(v.shown) != 0 || v.ReverifyBtn.Disabled() == false {
		t.Fatalf("search for nothing shows %d packages", len(v.shown))
	}
	v.Search.SetText("")
	test.Type(v.Search, v.LastPackage.SHA256[:10])
	if len(v.shown) != 1 {
		t.Fatalf("search by hash shows %d", len(v.shown))
	}
	n := len(v.shownRounds)
	test.Type(v.RoundSearch, "zzz")
	if len(v.shownRounds) != 0 || n == 0 {
		t.Fatalf("round search: %d of %d", len(v.shownRounds), n)
	}
	v.RoundSearch.SetText("2025")
	if len(v.shownRounds) == 0 {
		t.Fatal("no round of 2025 found")
	}
}

func TestView_CentralKeyBannerAndEncryption(t *testing.T) {
	f := newFixture(t)
	if !strings.Contains(f.v.BannerText(), "Gói sẽ không được mã hóa") {
		t.Fatalf("banner: %q", f.v.BannerText())
	}
	pub, _, err := pack.NewSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	_, rcpt, err := pack.NewAgeIdentity()
	if err != nil {
		t.Fatal(err)
	}
	kf := pack.KeyFile{Type: pack.KeyTypeCentral, Code: "VSS", Name: "Bảo hiểm xã hội Việt Nam", Sign: pub, Age: rcpt}
	if err := f.svc.SetCentralKey(f.ctx, kf.Marshal()); err != nil {
		t.Fatal(err)
	}
	f.v.Reload()
	if strings.Contains(f.v.BannerText(), "Gói sẽ không được mã hóa") || !strings.Contains(f.v.BannerText(), pack.Fingerprint(pub)) {
		t.Fatalf("banner with the centre's key: %q", f.v.BannerText())
	}
	f.export(service.DemoPassphrase)
	if !f.v.LastPackage.Encrypted || f.v.historyCell(0, 5) != "Có" {
		t.Fatalf("package not encrypted: %+v", f.v.LastPackage)
	}
}

// centreAnswers plays the centre: it registers the office's key, loads
// the package, grants the first nomination, refuses the second and
// writes the feedback package. It returns the feedback file and the
// centre's key file.
func (f *fixture) centreAnswers(pkg string) (feedback string, keyFile []byte) {
	f.t.Helper()
	const pass = "trung ương"
	c := uitest.Service(f.t)
	if err := c.InitCentral(f.ctx, "BHXHVN", "Bảo hiểm xã hội Việt Nam", pass); err != nil {
		f.t.Fatal(err)
	}
	kb, _, err := f.svc.PublicKeyFile(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	if err := c.AddUnitKey(f.ctx, kb, ""); err != nil {
		f.t.Fatal(err)
	}
	outs, err := c.CentralImport(f.ctx, []string{pkg}, pass, nil)
	if err != nil || len(outs) != 1 || outs[0].Status != service.ImportLoaded {
		f.t.Fatalf("central import: %+v %v", outs, err)
	}
	r := f.approved()
	ns, err := c.CentralNominations(f.ctx, store.CentralFilter{Year: r.Year, UnitCode: service.DemoUnitCode, RoundRef: r.ID, CurrentOnly: true})
	if err != nil || len(ns) < 2 {
		f.t.Fatalf("%d nominations received: %v", len(ns), err)
	}
	// The centre decides proposals up only: the office's own titles are not its to decide.
	day := domain.NewDate(2026, 2, 20)
	cat := rules.DefaultCatalogue()
	var up []store.CentralNomination
	for _, n := range ns {
		if !cat.Own(n.Award, day) {
			up = append(up, n)
		}
	}
	if len(up) < 2 {
		f.t.Fatalf("%d proposals up received", len(up))
	}
	d := service.CentralDecision{Number: "321/QĐ-BHXH", Date: day, Issuer: "Bộ trưởng Bộ Tài chính",
		Items: []service.CentralDecisionItem{{NominationID: up[0].ID, Granted: true}, {NominationID: up[1].ID, Reason: "Chưa đủ tiêu chuẩn"}}}
	if _, err := c.RecordDecision(f.ctx, d); err != nil {
		f.t.Fatal(err)
	}
	out, err := c.ExportFeedback(f.ctx, service.DemoUnitCode, r.Year, r.ID, f.t.TempDir(), pass)
	if err != nil {
		f.t.Fatal(err)
	}
	ck, _, err := c.CentralKeyFile(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	return out, ck
}

func TestView_ImportFeedback(t *testing.T) {
	f := newFixture(t)
	f.export(service.DemoPassphrase)
	v := f.v
	fb, centreKey := f.centreAnswers(v.LastPackage.Path)

	// Without the centre's key the package cannot be checked: refused.
	v.ImportFeedback(fb)
	if v.LastFeedback != nil || v.lastErr == nil {
		t.Fatal("a feedback package was imported without the centre's key")
	}
	if err := f.svc.SetCentralKey(f.ctx, centreKey); err != nil {
		t.Fatal(err)
	}
	v.Reload()

	// A feedback package altered on the way is refused with its reasons.
	bad := filepath.Join(t.TempDir(), "PH_sua.zip")
	b, err := os.ReadFile(fb)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, b, 0o644); err != nil {
		t.Fatal(err)
	}
	tamper(t, bad, "data.json")
	v.ImportFeedback(bad)
	if v.LastFeedback != nil || !strings.Contains(v.ResultText(), "KHÔNG hợp lệ") || !strings.Contains(v.ResultText(), "data.json") {
		t.Fatalf("tampered feedback:\n%s", v.ResultText())
	}

	v.ImportFeedback(fb)
	res := v.LastFeedback
	if res == nil || res.Granted != 1 || res.Refused != 1 {
		t.Fatalf("feedback: %+v (%v)", res, v.lastErr)
	}
	text := v.ResultText()
	for _, want := range []string{"Đã nhập quyết định", "321/QĐ-BHXH", "20/02/2026", domain.StatusSent.Label()} {
		if !strings.Contains(text, want) {
			t.Errorf("result does not say %q:\n%s", want, text)
		}
	}
	r, err := f.svc.Round(f.ctx, v.LastPackage.RoundID)
	if err != nil || r.Status != domain.StatusSent {
		t.Fatalf("round after the feedback: %+v %v", r, err)
	}
	ns, err := f.svc.Nominees(f.ctx, v.LastPackage.RoundID)
	if err != nil {
		t.Fatal(err)
	}
	decided := map[domain.NomineeDecision]int{}
	for _, n := range ns {
		decided[n.Decision]++
	}
	if decided[domain.DecisionGranted] != 1 || decided[domain.DecisionRefused] != 1 {
		t.Fatalf("decisions recorded: %v", decided)
	}
	// Twice changes nothing, and says so.
	v.ImportFeedback(fb)
	if !v.LastFeedback.Duplicate || !strings.Contains(v.ResultText(), "đã được nhập trước đây") {
		t.Fatalf("second import:\n%s", v.ResultText())
	}
}

func TestView_ViewerCannotExport(t *testing.T) {
	f := newFixture(t)
	viewer := f.svc.As(domain.Account{Username: "xem", Role: domain.RoleViewer})
	v := newView(viewer, f.win, uitest.RunNow)
	v.Reload()
	v.SelectRound(f.approved().ID)
	if !v.ExportBtn.Disabled() || !v.FeedbackBtn.Disabled() {
		t.Fatal("a viewer may make packages or import decisions")
	}
	if !strings.Contains(v.exportHint.Text, "chỉ được xem") {
		t.Fatalf("hint %q does not say why", v.exportHint.Text)
	}
	if v.VerifyFileBtn.Disabled() {
		t.Fatal("a viewer may still verify a package")
	}
}
