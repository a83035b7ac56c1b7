package central

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/internal/uitest"
)

// centrePassphrase seals the centre's keys in the tests.
const centrePassphrase = "trung ương"

// world is a province (the demo office, which wrote its package and key
// file) and a fresh central database.
type world struct {
	t        *testing.T
	ctx      context.Context
	province *service.Service
	centre   *service.Service
	win      fyne.Window
	pkg      string // the province's package of its approved 2025 round
	keyFile  string // the province's public key file
	round    domain.Round
}

// province is the demo office, its package and key file, made once for
// all the tests of the package (filling the demo office takes seconds).
var province struct {
	once    sync.Once
	dir     string
	st      *store.Store
	svc     *service.Service
	pkg     string
	keyFile string
	round   domain.Round
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if province.st != nil {
		province.st.Close()
	}
	if province.dir != "" {
		os.RemoveAll(province.dir)
	}
	os.Exit(code)
}

func buildProvince() error {
	ctx := context.Background()
	p := &province
	var err error
	if p.dir, err = os.MkdirTemp("", "tdkt-central-test-"); err != nil {
		return err
	}
	if p.st, err = store.Open(filepath.Join(p.dir, "province.db"), store.Options{}); err != nil {
		return err
	}
	p.svc = service.New(p.st, uitest.Now).As(uitest.Director)
	if err := p.svc.FillDemo(ctx, service.DemoOptions{Staff: 40, Years: 6, Seed: 3}, nil); err != nil {
		return err
	}
	if !p.svc.HasSigningKey(ctx) {
		return errors.New("the demo office has no signing key")
	}
	rs, err := p.svc.Rounds(ctx)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if r.Year == 2025 && r.Status == domain.StatusApproved {
			p.round = r
		}
	}
	if p.round.ID == 0 {
		return errors.New("the demo office has no approved 2025 round")
	}
	rec, err := p.svc.ExportPackage(ctx, p.round.ID, p.dir, service.DemoPassphrase, nil)
	if err != nil {
		return err
	}
	p.pkg = rec.Path
	kb, _, err := p.svc.PublicKeyFile(ctx)
	if err != nil {
		return err
	}
	p.keyFile = filepath.Join(p.dir, "HTI.pub")
	return os.WriteFile(p.keyFile, kb, 0o644)
}

func newWorld(t *testing.T) *world {
	t.Helper()
	test.NewTempApp(t)
	province.once.Do(func() { province.err = buildProvince() })
	if province.err != nil {
		t.Fatal(province.err)
	}
	ctx := context.Background()
	w := &world{t: t, ctx: ctx, province: province.svc, centre: uitest.Service(t), round: province.round, keyFile: province.keyFile}
	// Each test gets its own copy: some tamper with files.
	w.pkg = filepath.Join(t.TempDir(), filepath.Base(province.pkg))
	copyFile(t, province.pkg, w.pkg)
	if err := w.centre.InitCentral(ctx, "BHXHVN", "Bảo hiểm xã hội Việt Nam", centrePassphrase); err != nil {
		t.Fatal(err)
	}
	w.win = test.NewTempWindow(t, nil)
	w.win.Resize(fyne.NewSize(1280, 800))
	return w
}

// addKey registers the province's key through "Khóa các đơn vị".
func (w *world) addKey() *Keyring {
	w.t.Helper()
	k := newKeyring(w.centre, w.win)
	w.win.SetContent(k.Content())
	k.Reload()
	k.AddKeyFile(w.keyFile)
	if k.Add == nil || k.Code.Text != service.DemoUnitCode {
		w.t.Fatalf("add dialog: code %q (%v)", k.Code.Text, k.lastErr)
	}
	k.Code.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if k.Add.IsOpen() {
		w.t.Fatalf("key not added: %q %v", k.Add.ErrorFor(service.FieldUnitCode), k.lastErr)
	}
	return k
}

// importPackage loads the province's package through "Gói đã nhận".
func (w *world) importPackage(files ...string) *Received {
	w.t.Helper()
	r := newReceived(w.centre, w.win, uitest.RunNow)
	w.win.SetContent(r.Content())
	r.Reload()
	r.ImportFiles(files)
	test.Type(r.Passphrase, centrePassphrase)
	r.Pass.Submit()
	if r.Pass.IsOpen() {
		w.t.Fatalf("import dialog still open: %q %v", r.Pass.ErrorFor(service.FieldPassphrase), r.lastErr)
	}
	return r
}

func TestKeyring_AddSearchRemove(t *testing.T) {
	w := newWorld(t)
	k := w.addKey()
	if len(k.Shown()) != 1 || k.Shown()[0].UnitCode != service.DemoUnitCode {
		t.Fatalf("keyring: %+v", k.Shown())
	}
	_, fp, _ := w.province.PublicKeyFile(w.ctx)
	if k.cell(0, 2) != fp {
		t.Fatalf("fingerprint shown %q, want %q", k.cell(0, 2), fp)
	}
	test.Type(k.Search, "ha tinh") // without diacritics
	if len(k.Shown()) != 1 {
		t.Fatal("search by name without diacritics finds nothing")
	}
	k.Search.SetText("QNA")
	if len(k.Shown()) != 0 {
		t.Fatal("search for another office finds the key")
	}
	k.Search.SetText("")
	k.table.Select(cellAt(0))
	if k.Remove.Disabled() {
		t.Fatal("Xóa khóa disabled with a key selected")
	}
	test.Tap(k.Remove)
	k.confirm.Confirm()
	if ks, _ := w.centre.UnitKeys(w.ctx); len(ks) != 0 || len(k.Shown()) != 0 {
		t.Fatalf("key not removed: %+v", ks)
	}
}

func TestKeyring_CodeMustMatchFile(t *testing.T) {
	w := newWorld(t)
	k := newKeyring(w.centre, w.win)
	k.Reload()
	k.AddKeyFile(w.keyFile)
	k.Code.SetText("QNA")
	k.Add.Submit()
	if !k.Add.IsOpen() || k.Add.ErrorFor(service.FieldUnitCode) == "" {
		t.Fatal("a code that disagrees with the key file must show under Mã đơn vị")
	}
}

func TestReceived_HeldThenReleased(t *testing.T) {
	w := newWorld(t)
	// The office's key is not registered yet: the package is held.
	r := w.importPackage(w.pkg)
	if len(r.Outcomes) != 1 || r.Outcomes[0].Status != service.ImportHeld {
		t.Fatalf("outcomes: %+v", r.Outcomes)
	}
	if r.ReleaseBtn.Disabled() {
		t.Fatal("Nạp lại gói đang giữ disabled with a held package")
	}
	if !strings.Contains(r.DetailText(), statusLabel(service.ImportHeld)) {
		t.Fatalf("detail:\n%s", r.DetailText())
	}
	w.addKey()
	r.Reload()
	test.Tap(r.ReleaseBtn)
	test.Type(r.Passphrase, centrePassphrase)
	r.Pass.Submit()
	if len(r.Outcomes) != 1 || r.Outcomes[0].Status != service.ImportLoaded {
		t.Fatalf("after release: %+v (%v)", r.Outcomes, r.lastErr)
	}
	if len(r.Shown()) != 1 || r.Shown()[0].Status != service.ImportLoaded {
		t.Fatalf("list: %+v", r.Shown())
	}
	if !r.ReleaseBtn.Disabled() {
		t.Fatal("nothing is held any more")
	}
}

func TestReceived_FolderImportWithTamperedPackage(t *testing.T) {
	w := newWorld(t)
	w.addKey()
	dir := t.TempDir()
	copyFile(t, w.pkg, filepath.Join(dir, "a_"+filepath.Base(w.pkg)))
	bad := filepath.Join(dir, "b_sua.zip")
	copyFile(t, w.pkg, bad)
	tamper(t, bad, "data.json")
	if err := os.WriteFile(filepath.Join(dir, "ghi chu.txt"), []byte("không phải gói"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := newReceived(w.centre, w.win, uitest.RunNow)
	w.win.SetContent(r.Content())
	r.Reload()
	r.ImportFolder(dir)
	if r.Pass == nil {
		t.Fatalf("no passphrase dialog (%v)", r.lastErr)
	}
	test.Type(r.Passphrase, centrePassphrase)
	r.Passphrase.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(r.Outcomes) != 2 {
		t.Fatalf("%d outcomes, want the two zip files: %+v", len(r.Outcomes), r.Outcomes)
	}
	if r.Outcomes[0].Status != service.ImportLoaded || r.Outcomes[1].Status != service.ImportRejected {
		t.Fatalf("statuses: %s, %s", r.Outcomes[0].Status, r.Outcomes[1].Status)
	}
	if !strings.Contains(r.DetailText(), "data.json") || !strings.Contains(r.DetailText(), statusLabel(service.ImportRejected)) {
		t.Fatalf("detail does not show why the tampered package was refused:\n%s", r.DetailText())
	}
	// The status filter narrows the list; the rejected one shows its problems.
	r.SetStatusFilter(service.ImportRejected)
	if len(r.Shown()) != 1 || r.Shown()[0].FileName != "b_sua.zip" {
		t.Fatalf("rejected filter: %+v", r.Shown())
	}
	r.table.Select(cellAt(0))
	if !strings.Contains(r.DetailText(), "data.json") {
		t.Fatalf("selected package's detail:\n%s", r.DetailText())
	}
	r.SetStatusFilter("")
	test.Type(r.Search, "khong co")
	if len(r.Shown()) != 0 {
		t.Fatal("search for nothing finds packages")
	}
}

func TestReceived_EscapeClosesPassphrase(t *testing.T) {
	w := newWorld(t)
	r := newReceived(w.centre, w.win, uitest.RunNow)
	r.Reload()
	r.ImportFiles([]string{w.pkg})
	r.Passphrase.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if r.Pass.IsOpen() || r.Outcomes != nil {
		t.Fatal("Escape did not close the dialog without importing")
	}
}

func TestReport_ShowsOfficeExportsAndLooksUp(t *testing.T) {
	w := newWorld(t)
	w.addKey()
	w.importPackage(w.pkg)
	v := newReport(w.centre, w.win, uitest.RunNow)
	w.win.SetContent(v.Content())
	v.Reload()
	if v.Year.Selected != "2025" {
		t.Fatalf("year %q, want the year of the package", v.Year.Selected)
	}
	if len(v.Offices()) != 1 || v.Offices()[0].UnitCode != service.DemoUnitCode || v.Offices()[0].Total.Nominations == 0 {
		t.Fatalf("offices: %+v", v.Offices())
	}
	if len(v.Nominations()) != v.Offices()[0].Total.Nominations || !strings.Contains(v.totals.Text, "1 đơn vị") {
		t.Fatalf("%d nominations, totals %q", len(v.Nominations()), v.totals.Text)
	}
	if len(v.awards) == 0 {
		t.Fatal("no line per award")
	}

	out := filepath.Join(t.TempDir(), "tong hop")
	v.ExportTo(out)
	b, err := os.ReadFile(out + ".xlsx")
	if err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("workbook: %v", err)
	}

	// The office's own awards are counted apart from its proposals.
	if !strings.Contains(v.totals.Text, "Các đơn vị tự khen thưởng") {
		t.Errorf("totals without the offices' own awards: %q", v.totals.Text)
	}
	for _, n := range v.Nominations() {
		if n.Own {
			t.Errorf("the office's own %s of %s listed as a proposal", n.Award, n.Name)
		}
	}

	// A person nominated, looked up by CCCD.
	var name, cccd string
	all, err := w.centre.CentralNominations(context.Background(), store.CentralFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range all {
		if n.CCCD != "" {
			name, cccd = n.Name, n.CCCD
			break
		}
	}
	if cccd == "" {
		t.Fatal("no nominee with a CCCD")
	}
	test.Type(v.CCCD, cccd)
	test.Tap(v.LookupBtn)
	if got := v.PersonText(); !strings.Contains(got, name) || !strings.Contains(got, "2025") {
		t.Fatalf("lookup of %s:\n%s", cccd, got)
	}
	// The personal record the office sent with the person.
	if got := v.PersonText(); !strings.Contains(got, "Quê quán: ") || !strings.Contains(got, "Tôn giáo: ") {
		t.Errorf("lookup of %s shows no personal record:\n%s", cccd, got)
	}
	v.CCCD.SetText("000000000000")
	v.LookUp()
	if !strings.Contains(v.PersonText(), "không có ai") {
		t.Fatalf("lookup of an unknown CCCD:\n%s", v.PersonText())
	}
	// The filter applies to every table.
	test.Type(v.Search, "zzz")
	if len(v.Offices()) != 0 || len(v.Nominations()) != 0 {
		t.Fatal("filter for nothing still shows rows")
	}
}

func TestDecisions_RecordThenFeedback(t *testing.T) {
	w := newWorld(t)
	w.addKey()
	w.importPackage(w.pkg)
	v := newDecisions(w.centre, w.win, uitest.RunNow)
	w.win.SetContent(v.Content())
	v.Reload()
	if v.key.unit != service.DemoUnitCode || v.key.ref != w.round.ID || len(v.Rows()) == 0 {
		t.Fatalf("round open %+v with %d nominations", v.key, len(v.Rows()))
	}
	if !v.SaveBtn.Disabled() || !v.FeedbackBtn.Disabled() {
		t.Fatal("nothing chosen, nothing decided: save and feedback must be disabled")
	}
	test.Tap(v.GrantPassedBtn)
	// The office's own titles are its director's: never in the centre's draft.
	refusedAt, owns := -1, 0
	for i, r := range v.rows {
		switch {
		case r.own:
			owns++
			if r.choice != choiceNone {
				t.Errorf("%s (%s), the office's own title, is in the centre's draft", r.n.Name, r.n.Award)
			}
		case refusedAt < 0:
			refusedAt = i
		}
	}
	if owns == 0 || refusedAt < 0 {
		t.Fatalf("%d own titles, first proposal up at %d", owns, refusedAt)
	}
	refused := v.rows[refusedAt].n.ID
	v.SetChoice(refused, false, "")
	test.Type(v.Number, "1234/QĐ-BHXH")
	test.Type(v.Date, "15/03/2026") // after the test's today (1 March 2026)
	test.Tap(v.SaveBtn)
	if v.Saved != 0 {
		t.Fatal("a decision dated in the future was saved")
	}
	if v.Form.ErrorFor(service.FieldDecisionDate) == "" {
		t.Fatal("no message under Ngày quyết định")
	}
	v.Date.SetText("")
	test.Type(v.Date, "25/02/2026")
	test.Tap(v.SaveBtn)
	if v.Saved != 0 || v.lastErr == nil && v.Form.ErrorFor(service.FieldDecisionItems) == "" {
		t.Fatal("a refusal without a reason was accepted")
	}
	v.lastErr = nil
	v.SetChoice(refused, false, "Chưa đủ tiêu chuẩn theo Điều 24")
	test.Tap(v.SaveBtn)
	if v.Saved == 0 {
		t.Fatalf("not saved: %v %q %q", v.lastErr, v.Form.ErrorFor(service.FieldDecisionNumber), v.Form.ErrorFor(service.FieldDecisionItems))
	}
	if v.FeedbackBtn.Disabled() {
		t.Fatal("Xuất gói phản hồi disabled after a decision")
	}
	if v.rows[refusedAt].decided != domain.DecisionRefused {
		t.Fatalf("the refusal is not shown: %+v", v.rows[refusedAt])
	}

	test.Tap(v.FeedbackBtn)
	dir := t.TempDir()
	v.FeedbackFolder.SetText(dir)
	test.Type(v.FeedbackPass, "sai mật khẩu")
	v.Feedback.Submit()
	if !v.Feedback.IsOpen() || v.Feedback.ErrorFor(service.FieldPassphrase) == "" {
		t.Fatal("a wrong passphrase must show under its field")
	}
	v.FeedbackPass.SetText(centrePassphrase)
	v.Feedback.Submit()
	if v.Feedback.IsOpen() || v.ExportedFeedback == "" || filepath.Dir(v.ExportedFeedback) != dir {
		t.Fatalf("feedback: %q (%v)", v.ExportedFeedback, v.lastErr)
	}
	if _, err := os.Stat(v.ExportedFeedback); err != nil {
		t.Fatal(err)
	}
	// The province checks it against the centre's key and imports it.
	kb, _, err := w.centre.CentralKeyFile(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.province.SetCentralKey(w.ctx, kb); err != nil {
		t.Fatal(err)
	}
	res, err := w.province.ImportFeedback(w.ctx, v.ExportedFeedback)
	if err != nil || res.Refused != 1 || res.Granted == 0 {
		t.Fatalf("province import: %+v %v", res, err)
	}
}

func TestAreas_CentralMode(t *testing.T) {
	w := newWorld(t)
	areas := Areas(w.centre, w.win, nil)
	want := []string{"Gói đã nhận", "Khóa các đơn vị", "Tổng hợp", "Quyết định", "Cài đặt"}
	if len(areas) != len(want) {
		t.Fatalf("%d areas", len(areas))
	}
	for i, a := range areas {
		if a.Title != want[i] || a.View == nil || a.Icon == nil {
			t.Fatalf("area %d: %+v", i, a)
		}
		a.View.Reload() // every area opens on an empty central database
	}
}

// ---- helpers ----

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// tamper rewrites the zip at path with the entry name altered.
func tamper(t *testing.T, path, name string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
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
			b = bytes.Replace(b, []byte("2025"), []byte("2024"), 1)
		}
		fw, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func cellAt(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }

func TestReceived_EncryptedPackageNeedsPassphrase(t *testing.T) {
	w := newWorld(t)
	// The province registered this centre's key: its package is encrypted.
	kb, _, err := w.centre.CentralKeyFile(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.province.SetCentralKey(w.ctx, kb); err != nil {
		t.Fatal(err)
	}
	rec, err := w.province.ExportPackage(w.ctx, w.round.ID, t.TempDir(), service.DemoPassphrase, nil)
	if err != nil || !rec.Encrypted {
		t.Fatalf("encrypted package: %+v %v", rec, err)
	}
	w.addKey()
	r := newReceived(w.centre, w.win, uitest.RunNow)
	w.win.SetContent(r.Content())
	r.Reload()
	r.ImportFiles([]string{rec.Path})
	test.Type(r.Passphrase, "không đúng")
	r.Pass.Submit()
	if !r.Pass.IsOpen() || r.Pass.ErrorFor(service.FieldPassphrase) == "" {
		t.Fatalf("wrong passphrase: open %v, under the field %q, error %v", r.Pass.IsOpen(), r.Pass.ErrorFor(service.FieldPassphrase), r.lastErr)
	}
	if len(r.Shown()) != 0 {
		t.Fatal("a package was recorded although it could not be decrypted")
	}
	r.Passphrase.SetText(centrePassphrase)
	r.Pass.Submit()
	if r.Pass.IsOpen() || len(r.Outcomes) != 1 || r.Outcomes[0].Status != service.ImportLoaded {
		t.Fatalf("with the right passphrase: %+v", r.Outcomes)
	}
}

func TestDecisions_RowRadioAndReason(t *testing.T) {
	w := newWorld(t)
	w.addKey()
	w.importPackage(w.pkg)
	v := newDecisions(w.centre, w.win, uitest.RunNow)
	v.Reload()
	row := v.createRow().(*fyne.Container)
	v.updateRow(0, row)
	radio := row.Objects[0].(*widget.RadioGroup)
	reason := row.Objects[2].(*widget.Entry)
	if !reason.Disabled() {
		t.Fatal("the reason is open before a refusal")
	}
	radio.SetSelected("Không khen")
	if v.rows[v.shown[0]].choice != choiceRefuse {
		t.Fatal("choosing Không khen did not mark the refusal")
	}
	v.updateRow(0, row)
	if reason.Disabled() {
		t.Fatal("the reason stays closed for a refusal")
	}
	test.Type(reason, "Thiếu sáng kiến")
	if v.rows[v.shown[0]].reason != "Thiếu sáng kiến" {
		t.Fatalf("reason kept as %q", v.rows[v.shown[0]].reason)
	}
	if !strings.Contains(v.summary.Text, "0 khen, 1 không khen") || v.SaveBtn.Disabled() {
		t.Fatalf("summary %q", v.summary.Text)
	}
	// A row reused for another nomination shows that one's state.
	v.updateRow(1, row)
	if radio.Selected != "" || reason.Text != "" {
		t.Fatalf("recycled row shows %q / %q", radio.Selected, reason.Text)
	}
	if v.rows[v.shown[0]].reason != "Thiếu sáng kiến" {
		t.Fatal("recycling the row changed the first nomination")
	}
	test.Type(v.Search, "khong co ai")
	if len(v.shown) != 0 {
		t.Fatal("search for nobody shows nominations")
	}
}

func TestKeyring_ClerkCannotChangeKeys(t *testing.T) {
	w := newWorld(t)
	w.addKey()
	clerk := w.centre.As(domain.Account{Username: "cv.mai", Role: domain.RoleClerk})
	k := newKeyring(clerk, w.win)
	k.Reload()
	k.table.Select(cellAt(0))
	if !k.AddBtn.Disabled() || !k.Remove.Disabled() {
		t.Fatal("a clerk may add or remove office keys")
	}
	r := newReceived(clerk, w.win, uitest.RunNow)
	r.Reload()
	if r.ImportFileBtn.Disabled() {
		t.Fatal("a clerk cannot import packages")
	}
}
