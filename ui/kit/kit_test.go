package kit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
)

func TestForm_ShowErrorsUnderTheirFields(t *testing.T) {
	test.NewTempApp(t)
	f := NewForm()
	f.Add("Họ và tên", widget.NewEntry(), "")
	f.Add("Ngày sinh", DateEntry(), "dd/mm/yyyy")
	err := domain.FieldErrors{
		{Field: "Ngày sinh", Msg: "ngày không hợp lệ"},
		{Field: "Họ và tên", Msg: "chưa nhập"},
		{Field: "Họ và tên", Msg: "second message for the same field is not shown"},
		{Field: "Không có ô này", Msg: "lỗi chung"},
	}
	rest := f.ShowErrors(err)
	if f.ErrorFor("Ngày sinh") != "ngày không hợp lệ" || f.ErrorFor("Họ và tên") != "chưa nhập" {
		t.Fatalf("messages: %q %q", f.ErrorFor("Ngày sinh"), f.ErrorFor("Họ và tên"))
	}
	if !f.Field("Họ và tên").Error.Visible() {
		t.Fatal("error line hidden")
	}
	var fes domain.FieldErrors
	if !errors.As(rest, &fes) || len(fes) != 1 || fes[0].Field != "Không có ô này" {
		t.Fatalf("rest = %v", rest)
	}
	if f.ShowErrors(nil) != nil || f.ErrorFor("Họ và tên") != "" || f.Field("Họ và tên").Error.Visible() {
		t.Fatal("nil error must clear every field")
	}
	plain := errors.New("disk full")
	if got := f.ShowErrors(plain); got != plain {
		t.Fatalf("a non-field error must come back as it is, got %v", got)
	}
}

func TestDateEntry_Validates(t *testing.T) {
	test.NewTempApp(t)
	e := DateEntry()
	e.SetText("31/02/1990")
	if e.Validate() == nil {
		t.Fatal("31/02/1990 accepted")
	}
	e.SetText("28/02/1990")
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestRunLong_ReportsAndCancels(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewWindow(nil)
	defer win.Close()
	got := make(chan error, 1)
	RunLong(win, "Thử", func(ctx context.Context, p Progress) error {
		p(1, 2)
		<-ctx.Done() // runs until cancelled
		return ctx.Err()
	}, func(err error) { got <- err })
	// Tap the dialog's cancel button.
	var cancel *widget.Button
	for _, o := range test.LaidOutObjects(win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Hủy" {
			cancel = b
		}
	}
	if cancel == nil {
		t.Fatal("no cancel button in the progress dialog")
	}
	test.Tap(cancel)
	select {
	case err := <-got:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("work not cancelled")
	}
}

func TestMatches_AllWordsAnyOrderWithoutDiacritics(t *testing.T) {
	for _, c := range []struct {
		typed string
		want  bool
	}{
		{"", true},
		{"nguyen an", true},
		{"AN NGUYỄN", true},
		{"nguyen binh", false},
		{"cb001", true},
	} {
		if got := Matches(c.typed, "Nguyễn Văn An", "CB001"); got != c.want {
			t.Errorf("Matches(%q) = %v, want %v", c.typed, got, c.want)
		}
	}
}

func TestFileSize_VietnameseDecimalComma(t *testing.T) {
	for n, want := range map[int64]string{850: "850 B", 12697: "12,4 KB", 3250586: "3,1 MB"} {
		if got := FileSize(n); got != want {
			t.Errorf("FileSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestErrorText_SaysTheFileWasSaved: a viewer that fails does not make
// the message say that saving failed.
func TestErrorText_SaysTheFileWasSaved(t *testing.T) {
	err := fmt.Errorf("open: %w", openError{path: `C:\Hồ sơ\Tờ trình.pdf`, err: errors.New("no handler")})
	got := ErrorText(err)
	if !strings.Contains(got, "đã được lưu") || !strings.Contains(got, `C:\Hồ sơ\Tờ trình.pdf`) || strings.Contains(got, "Có lỗi khi lưu") {
		t.Errorf("message %q", got)
	}
}

func TestStyledTable_MultiLineValuesStayOnOneLine(t *testing.T) {
	test.NewTempApp(t)
	tbl := TextTable([]Column{{Header: "Thay đổi", Width: 300}}, func() int { return 1 },
		func(int, int) string { return "Địa chỉ: Số 1\r\nĐường Trần Phú\n\nHà Tĩnh" })
	l := widget.NewLabel("")
	tbl.UpdateCell(widget.TableCellID{Row: 0, Col: 0}, l)
	if l.Text != "Địa chỉ: Số 1 · Đường Trần Phú · Hà Tĩnh" {
		t.Errorf("cell text %q", l.Text)
	}
}
