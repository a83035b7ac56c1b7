package imports

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"tdkt/ui/internal/uitest"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
	"tdkt/ui/kit"
)

func fixedClock() time.Time { return time.Date(2026, time.March, 16, 9, 0, 0, 0, time.UTC) }

// uitest.RunNow is the runner of the tests: the work and then done, on the
// calling goroutine, so that a test sees the outcome as soon as it taps.
type fixture struct {
	v       *View
	svc     *service.Service
	win     fyne.Window
	changed int
}

// newFixture builds the area over a real service on a temporary database
// holding the Hà Tĩnh office, with long work run synchronously.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := service.New(st, fixedClock).As(uitest.Director)
	err = svc.SaveProfile(context.Background(), domain.OfficeProfile{
		UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh",
	})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{svc: svc}
	f.win = test.NewWindow(nil)
	t.Cleanup(f.win.Close)
	f.v = newView(svc, f.win, func() { f.changed++ }, uitest.RunNow)
	f.win.SetContent(f.v.Content())
	f.win.Resize(fyne.NewSize(1100, 700))
	return f
}

func (f *fixture) people(t *testing.T) int {
	t.Helper()
	ps, err := f.svc.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(ps)
}

// chooseKind taps the kind in the list as a clerk would.
func (f *fixture) chooseKind(t *testing.T, k service.ImportKind) {
	t.Helper()
	for i, kk := range f.v.kinds {
		if kk == k {
			f.v.kindList.Select(i)
			return
		}
	}
	t.Fatalf("no kind %s", k)
}

var staffHeader = []any{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Chức vụ", "Đơn vị công tác", "Ngày tuyển dụng", "Sở thích"}

// staffFile is a staff sheet under a title row: rows as given, then
// written through the spreadsheet package the importer reads with.
func staffFile(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	all := [][]any{{"DANH SÁCH CÁN BỘ"}, nil, staffHeader}
	all = append(all, rows...)
	var buf bytes.Buffer
	if err := xlsx.WriteRows(&buf, all); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	goodAn   = []any{"CB001", "Nguyễn Văn An", "15/04/1985", "Nam", "042085001234", "Chuyên viên", "HTI", "01/09/2010", "bóng đá"}
	goodBinh = []any{"CB002", "Trần Thị Bình", "02/03/1990", "Nữ", "042190005678", "Kế toán viên", "HTI", "01/07/2015", ""}
	noName   = []any{"CB003", "", "20/05/1987", "Nam", "042087003333", "", "HTI", "01/01/2012", ""}
	badCCCD  = []any{"CB004", "Lê Văn Cường", "10/10/1988", "Nam", "042188001111", "", "HTI", "01/01/2013", ""}
	badUnit  = []any{"CB005", "Phạm Thị Dung", "01/01/1992", "Nữ", "042192002222", "", "XYZ", "01/01/2016", ""}
)

// tableText reads every data cell of a table through its own callbacks,
// row by row, the way the table fills the cells it shows.
func tableText(tb *widget.Table) [][]string {
	rows, cols := tb.Length()
	out := make([][]string, rows)
	for r := range rows {
		for c := range cols {
			l := tb.CreateCell().(*widget.Label)
			tb.UpdateCell(widget.TableCellID{Row: r, Col: c}, l)
			out[r] = append(out[r], l.Text)
		}
	}
	return out
}

func TestView_PreviewShowsCountsAndReasonsAndWritesNothing(t *testing.T) {
	f := newFixture(t)
	f.chooseKind(t, "staff")
	f.v.previewFrom("can-bo.xlsx", bytes.NewReader(staffFile(t, goodAn, noName, nil, goodBinh, badCCCD, badUnit)))

	p := f.v.preview
	if p == nil {
		t.Fatalf("no preview; status %q", f.v.statusText)
	}
	want := "2 dòng hợp lệ, 3 dòng bị từ chối, "
	if got := f.v.counts.Text; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, " cảnh báo") {
		t.Errorf("counts %q, want %q… cảnh báo", got, want)
	}
	if len(p.Accepted) != 2 {
		t.Errorf("accepted rows %+v", p.Accepted)
	}

	// Row numbers are the sheet's: the header is on row 3, row 6 is blank.
	rejected := tableText(f.v.rejectedList)
	wantRows := map[string]string{"5": "Họ và tên", "8": "Số CCCD", "9": "Đơn vị công tác"}
	seen := map[string]bool{}
	for _, cells := range rejected {
		col, ok := wantRows[cells[0]]
		if !ok {
			t.Errorf("unexpected rejected row %q", cells)
			continue
		}
		if cells[1] == col && cells[2] != "" {
			seen[cells[0]] = true
		}
	}
	for row, col := range wantRows {
		if !seen[row] {
			t.Errorf("row %s: no reason under column %s in %q", row, col, rejected)
		}
	}
	accepted := tableText(f.v.acceptedList)
	if len(accepted) != 2 || accepted[0][0] != "4" || accepted[1][0] != "7" {
		t.Errorf("accepted table %q, want rows 4 and 7", accepted)
	}
	if !strings.Contains(f.v.unknown.Text, "Sở thích") || !f.v.unknown.Visible() {
		t.Errorf("unknown columns line %q", f.v.unknown.Text)
	}
	if f.v.confirmBtn.Disabled() || f.v.confirmBtn.Text != "Nhập 2 dòng" {
		t.Errorf("confirm button %q disabled=%v", f.v.confirmBtn.Text, f.v.confirmBtn.Disabled())
	}
	if f.v.tabs.SelectedIndex() != 0 {
		t.Error("the rejected rows are not shown first")
	}

	// Selecting a rejected row shows its reason in full.
	f.v.rejectedList.Select(widget.TableCellID{Row: 0, Col: 2})
	if !strings.Contains(f.v.detail.Text, p.Rejected[0].Reason) {
		t.Errorf("detail %q", f.v.detail.Text)
	}

	if n := f.people(t); n != 0 {
		t.Errorf("preview wrote %d people", n)
	}
	if f.changed != 0 {
		t.Error("changed called before confirming")
	}
}

func TestView_ConfirmWritesAndCallsChanged(t *testing.T) {
	f := newFixture(t)
	f.chooseKind(t, "staff")
	file := staffFile(t, goodAn, badCCCD, goodBinh)
	f.v.previewFrom("can-bo.xlsx", bytes.NewReader(file))
	test.Tap(f.v.confirmBtn)

	if n := f.people(t); n != 2 {
		t.Fatalf("people after confirm = %d, want 2 (status %q)", n, f.v.statusText)
	}
	if f.changed != 1 {
		t.Errorf("changed called %d times, want 1", f.changed)
	}
	if got := f.v.statusText; got != "Đã thêm 2, cập nhật 0, không đổi 0" {
		t.Errorf("result %q", got)
	}
	if !f.v.confirmBtn.Disabled() {
		t.Error("confirm still enabled after the import")
	}
	test.Tap(f.v.confirmBtn) // disabled: nothing happens
	if f.changed != 1 {
		t.Error("a second tap imported again")
	}

	// The same file again: keyed by Mã cán bộ, nothing changes.
	f.v.previewFrom("can-bo.xlsx", bytes.NewReader(file))
	test.Tap(f.v.confirmBtn)
	if got := f.v.statusText; got != "Đã thêm 0, cập nhật 0, không đổi 2" {
		t.Errorf("re-import result %q", got)
	}
	if n := f.people(t); n != 2 {
		t.Errorf("people after re-import = %d", n)
	}
}

func TestView_NoValidRowsDisablesConfirm(t *testing.T) {
	f := newFixture(t)
	f.chooseKind(t, "staff")
	f.v.previewFrom("sai.xlsx", bytes.NewReader(staffFile(t, noName, badCCCD)))

	if f.v.preview == nil {
		t.Fatalf("no preview; status %q", f.v.statusText)
	}
	if !strings.HasPrefix(f.v.counts.Text, "0 dòng hợp lệ, 2 dòng bị từ chối") {
		t.Errorf("counts %q", f.v.counts.Text)
	}
	if !f.v.confirmBtn.Disabled() {
		t.Error("confirm enabled with no valid row")
	}
	if f.v.confirmBtn.Text != "Không có dòng hợp lệ để nhập" || f.v.why.Text == "" {
		t.Errorf("confirm says %q, why %q", f.v.confirmBtn.Text, f.v.why.Text)
	}
	test.Tap(f.v.confirmBtn)
	if f.changed != 0 || f.people(t) != 0 {
		t.Error("something was imported")
	}
	if f.v.reportBtn.Disabled() {
		t.Error("the error report cannot be saved")
	}
}

func TestView_ReportAndCancel(t *testing.T) {
	f := newFixture(t)
	f.chooseKind(t, "staff")
	f.v.previewFrom("can-bo.xlsx", bytes.NewReader(staffFile(t, goodAn, badCCCD)))
	var rep bytes.Buffer
	if err := f.v.saveReport(&rep); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(rep.Bytes(), []byte("PK")) {
		t.Errorf("the report is not a workbook (%d bytes)", rep.Len())
	}
	test.Tap(f.v.cancelBtn)
	if f.v.preview != nil || f.v.body.Objects[0] != f.v.empty {
		t.Error("Hủy left the preview on screen")
	}
	if f.people(t) != 0 || f.changed != 0 {
		t.Error("Hủy wrote something")
	}
	if !strings.Contains(f.v.statusText, "Chưa có gì được ghi") {
		t.Errorf("status %q", f.v.statusText)
	}
}

// TestView_TemplatesImportInOrder takes each template as a clerk would,
// in the order of the kind list (units before the people who work in them,
// people before their history), and imports its example row.
func TestView_TemplatesImportInOrder(t *testing.T) {
	f := newFixture(t)
	for i, k := range f.v.kinds {
		f.chooseKind(t, k)
		if !strings.Contains(f.v.kindNote.Text, k.Label()) {
			t.Errorf("%s: the chosen kind reads %q", k, f.v.kindNote.Text)
		}
		var buf bytes.Buffer
		if err := f.v.saveTemplate(k, &buf); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		f.v.previewFrom(templateName(k), bytes.NewReader(buf.Bytes()))
		p := f.v.preview
		if p == nil {
			t.Fatalf("%s: the template does not read back: %q", k, f.v.statusText)
		}
		if p.Kind != k || len(p.UnknownColumns) > 0 || len(p.Rejected) > 0 || len(p.Accepted) == 0 {
			t.Fatalf("%s: preview kind %s, unknown %q, rejected %v, accepted %d", k, p.Kind, p.UnknownColumns, p.Rejected, len(p.Accepted))
		}
		test.Tap(f.v.confirmBtn)
		if f.changed != i+1 {
			t.Fatalf("%s: not imported: %q", k, f.v.statusText)
		}
	}
	if got := templateName(service.ImportStaff); got != "mau-nhap-can-bo.xlsx" {
		t.Errorf("template name %q", got)
	}
}

func TestView_UnreadableFileSaysWhy(t *testing.T) {
	f := newFixture(t)
	f.chooseKind(t, "staff")
	f.v.previewFrom("ghi-chu.xlsx", strings.NewReader("không phải bảng tính"))
	if f.v.preview != nil {
		t.Error("a preview of a text file")
	}
	if !strings.Contains(f.v.statusText, "ghi-chu.xlsx") {
		t.Errorf("status %q", f.v.statusText)
	}
	if f.v.openBtn.Disabled() {
		t.Error("cannot choose another file")
	}

	var buf bytes.Buffer
	if err := xlsx.WriteRows(&buf, [][]any{{"Tên", "Tuổi"}, {"An", 30}}); err != nil {
		t.Fatal(err)
	}
	f.v.previewFrom("khac.xlsx", &buf)
	if f.v.preview != nil || !strings.Contains(f.v.statusText, "Mã cán bộ") {
		t.Errorf("missing headers: status %q", f.v.statusText)
	}
}

func TestView_CancelledPreviewWritesNothing(t *testing.T) {
	f := newFixture(t)
	f.v.run = func(_ fyne.Window, _ string, work func(context.Context, kit.Progress) error, done func(error)) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // the clerk pressed Hủy at once
		done(work(ctx, func(int, int) {}))
	}
	f.chooseKind(t, "staff")
	f.v.previewFrom("can-bo.xlsx", bytes.NewReader(staffFile(t, goodAn, goodBinh)))
	if f.v.preview != nil {
		t.Error("a cancelled preview is shown")
	}
	if !strings.HasPrefix(f.v.statusText, "Đã hủy") {
		t.Errorf("status %q", f.v.statusText)
	}
	if f.v.openBtn.Disabled() {
		t.Error("cannot choose another file after cancelling")
	}
	if f.people(t) != 0 {
		t.Error("a cancelled preview wrote people")
	}
}

func TestView_RealRunnerDeliversPreview(t *testing.T) {
	f := newFixture(t)
	finished := make(chan struct{})
	// kit.RunLong itself, with a hook telling the test that done has run.
	f.v.run = func(win fyne.Window, title string, work func(context.Context, kit.Progress) error, done func(error)) {
		kit.RunLong(win, title, work, func(err error) {
			done(err)
			close(finished)
		})
	}
	f.chooseKind(t, "staff")
	f.v.previewFrom("can-bo.xlsx", bytes.NewReader(staffFile(t, goodAn, badCCCD)))
	select {
	case <-finished:
	case <-time.After(10 * time.Second):
		t.Fatal("no preview after 10 s")
	}
	if got := f.v.counts.Text; !strings.HasPrefix(got, "1 dòng hợp lệ, 1 dòng bị từ chối") {
		t.Errorf("counts %q", got)
	}
	if f.v.openBtn.Disabled() {
		t.Error("Chọn tệp stays disabled")
	}
}
