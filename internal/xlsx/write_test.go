package xlsx

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tdkt/internal/domain"
)

func templateSpec() Spec {
	return Spec{
		Sheet: "Cán bộ",
		Title: "Mẫu nhập danh sách cán bộ",
		Notes: []string{"Dòng 2 là dòng ví dụ."},
		Columns: []Column{
			{Name: "Mã cán bộ", Required: true, Kind: Code, Note: "mã riêng của mỗi người", Example: "CB0001"},
			{Name: "Họ và tên", Required: true, Example: "Nguyễn Văn An"},
			{Name: "Ngày sinh", Required: true, Kind: Date, Example: domain.NewDate(1985, 1, 5)},
			{Name: "Giới tính", Required: true, Choices: []string{"Nam", "Nữ"}, Example: "Nam"},
			{Name: "Phạm vi ảnh hưởng", Choices: []string{"Cơ sở", "Bộ, ngành", "Toàn quốc"}, Example: "Bộ, ngành"},
			{Name: "Số CCCD", Kind: Code, Example: "042085000123"},
			{Name: "Năm", Kind: Number, Example: 2025},
		},
	}
}

func TestWriteTemplate_RoundTrip(t *testing.T) {
	spec := templateSpec()
	var buf bytes.Buffer
	if err := WriteTemplate(spec, &buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"Cán bộ", NotesSheet, listSheet}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if v, _ := f.GetSheetVisible(listSheet); v {
		t.Error("the list sheet should be hidden")
	}
	// Required headers bold on the required fill, optional ones not bold.
	scenarios := []struct {
		cell string
		bold bool
		fill string
	}{
		{"A1", true, fillRequired},
		{"D1", true, fillRequired},
		{"E1", false, fillOptional},
		{"F1", false, fillOptional},
	}
	for _, sc := range scenarios {
		id, err := f.GetCellStyle("Cán bộ", sc.cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		bold := st.Font != nil && st.Font.Bold
		if bold != sc.bold || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "#"+sc.fill && st.Fill.Color[0] != sc.fill {
			t.Errorf("%s: bold %v fill %v, want bold %v fill %s", sc.cell, bold, st.Fill.Color, sc.bold, sc.fill)
		}
	}
	// Code columns are text-formatted so Excel keeps leading zeros.
	for _, col := range []string{"A", "F"} {
		id, _ := f.GetCellStyle("Cán bộ", col+"50")
		st, _ := f.GetStyle(id)
		if st.NumFmt != 49 {
			t.Errorf("column %s number format %d, want 49 (text)", col, st.NumFmt)
		}
	}
	dvs, err := f.GetDataValidations("Cán bộ")
	if err != nil {
		t.Fatal(err)
	}
	if len(dvs) != 2 {
		t.Fatalf("%d data validations, want 2", len(dvs))
	}
	for _, dv := range dvs {
		if dv.Type != "list" || !strings.Contains(dv.Formula1, listSheet) {
			t.Errorf("validation %s: type %s formula %s", dv.Sqref, dv.Type, dv.Formula1)
		}
	}
	scope, _ := f.GetCellValue(listSheet, "B2")
	if scope != "Bộ, ngành" {
		t.Errorf("list value %q", scope)
	}
	panes, err := f.GetPanes("Cán bộ")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v %v, want header frozen", panes, err)
	}
	notes, _ := f.GetRows(NotesSheet)
	var noted []string
	for _, r := range notes {
		if len(r) >= 5 && r[4] != "" {
			noted = append(noted, r[0]+"="+r[4])
		}
	}
	if len(noted) != 2 || noted[0] != "Cột=Hướng dẫn" || noted[1] != "Mã cán bộ=mã riêng của mỗi người" {
		t.Errorf("notes %q", noted)
	}

	// Read back with ReadTable: the example row comes out with its types.
	tab, err := ReadTable(bytes.NewReader(data), spec)
	if err != nil {
		t.Fatal(err)
	}
	if tab.HeaderRow != 1 || len(tab.Rows) != 1 || len(tab.Unknown) != 0 {
		t.Fatalf("header %d rows %d unknown %q", tab.HeaderRow, len(tab.Rows), tab.Unknown)
	}
	r := tab.Rows[0]
	if r.Num != 2 || r.Get("Mã cán bộ").Text != "CB0001" || r.Get("Ngày sinh").Date != domain.NewDate(1985, 1, 5) ||
		r.Get("Số CCCD").Text != "042085000123" || r.Get("Năm").Text != "2025" || r.Get("Phạm vi ảnh hưởng").Text != "Bộ, ngành" {
		t.Errorf("example row %+v", r.Cells)
	}
}

func TestWriteReport(t *testing.T) {
	rep := Report{
		Headers: []string{"Mã cán bộ", "Họ và tên", "Số CCCD"},
		Rows: []ReportRow{
			{Num: 7, Values: []string{"CB1", "An", "042085000123"}, Issues: []ReportIssue{
				{Col: 1, Column: "Họ và tên", Reason: "cần cả họ và tên"},
				{Col: 2, Column: "Số CCCD", Reason: "trùng Số CCCD với dòng 5"},
			}},
			{Num: 9, Values: []string{"CB1"}, Issues: []ReportIssue{{Col: -1, Reason: "dòng trống"}}},
		},
	}
	var buf bytes.Buffer
	if err := WriteReport(rep, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Dòng bị từ chối")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Dòng", "Mã cán bộ", "Họ và tên", "Số CCCD", "Lý do"},
		{"7", "CB1", "An", "042085000123", "Họ và tên: cần cả họ và tên\nSố CCCD: trùng Số CCCD với dòng 5"},
		{"9", "CB1", "", "", "dòng trống"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("report rows\n%q\nwant\n%q", rows, want)
	}
	id, _ := f.GetCellStyle("Dòng bị từ chối", "D2")
	st, _ := f.GetStyle(id)
	if len(st.Fill.Color) == 0 || !strings.HasSuffix(st.Fill.Color[0], fillBadCell) {
		t.Errorf("bad cell fill %v", st.Fill.Color)
	}
	id, _ = f.GetCellStyle("Dòng bị từ chối", "B2")
	st, _ = f.GetStyle(id)
	if len(st.Fill.Color) != 0 {
		t.Errorf("good cell should not be shaded: %v", st.Fill.Color)
	}
}

// A sheet is never written past Excel's last row: the row after it is
// refused with a Vietnamese message naming the sheet, before anything of
// it is attempted.
func TestSheet_RefusesRowsPastExcelsLast(t *testing.T) {
	b, err := newBook(bookInfo{title: "Thử"})
	if err != nil {
		t.Fatal(err)
	}
	defer b.f.Close()
	s, err := b.newSheet("Danh sách", []column{{"Họ và tên", 20}}, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.add([]any{cell(b.st.text, "Nguyễn Văn An")}); err != nil {
		t.Fatal(err)
	}
	s.row = excelize.TotalRows - 1 // as if the sheet had been filled
	if err := s.add([]any{cell(b.st.text, "dòng cuối")}); err != nil {
		t.Fatalf("the last row: %v", err)
	}
	err = s.add([]any{cell(b.st.text, "một dòng quá")})
	if !errors.Is(err, ErrTooManyRows) || !strings.Contains(err.Error(), "“Danh sách”") || !strings.Contains(err.Error(), "1048576") {
		t.Fatalf("a row past the last: %v", err)
	}
}
