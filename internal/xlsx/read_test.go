package xlsx

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

var staffSpec = Spec{Sheet: "Cán bộ", Columns: []Column{
	{Name: "Mã cán bộ", Required: true, Kind: Code},
	{Name: "Họ và tên", Required: true},
	{Name: "Ngày sinh", Required: true, Kind: Date},
	{Name: "Giới tính", Required: true, Choices: []string{"Nam", "Nữ"}},
	{Name: "Số CCCD", Kind: Code},
	{Name: "Ghi chú"},
}}

func book(t *testing.T, rows [][]any) *bytes.Reader {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteRows(&buf, rows); err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(buf.Bytes())
}

func TestReadTable_FindsHeaderBelowTitleAndMapsShuffledColumns(t *testing.T) {
	nfd := norm.NFD.String("Nguyễn Thị Ánh")
	rows := [][]any{
		{"DANH SÁCH CÁN BỘ NĂM 2025"},
		nil,
		{"  giới tính (Nam/Nữ) ", "Cột lạ", "MÃ CÁN BỘ*", "Ngày   sinh", "Họ và tên", "Số CCCD", "Mã cán bộ"},
		{"Nữ", "x", "CB01", domain.NewDate(1990, 5, 17), nfd, int64(79012345678), "bỏ qua"},
		nil,
		{"", "", "", "", "", ""},
		{"Nam", nil, 1002, "05/01/1985", "Trần Văn Bình", "042085123456"},
		{"Nam", nil, "CB03", 33239, "Lê Văn Cường", int64(42085123456)},
		{"Nam", nil, "CB04", time.Date(1980, 2, 29, 0, 0, 0, 0, time.UTC), "Phạm Văn Dũng"},
	}
	tab, err := ReadTable(book(t, rows), staffSpec)
	if err != nil {
		t.Fatal(err)
	}
	if tab.HeaderRow != 3 || tab.Sheet != "Sheet1" {
		t.Fatalf("header row %d sheet %q", tab.HeaderRow, tab.Sheet)
	}
	if want := []string{"Cột lạ"}; !reflect.DeepEqual(tab.Unknown, want) {
		t.Errorf("unknown %q, want %q", tab.Unknown, want)
	}
	if want := []string{"Mã cán bộ"}; !reflect.DeepEqual(tab.Repeated, want) {
		t.Errorf("repeated %q, want %q", tab.Repeated, want)
	}
	if tab.Has("Ghi chú") || !tab.Has("Số CCCD") {
		t.Errorf("Has: Ghi chú %v, Số CCCD %v", tab.Has("Ghi chú"), tab.Has("Số CCCD"))
	}
	var nums []int
	for _, r := range tab.Rows {
		nums = append(nums, r.Num)
	}
	if want := []int{4, 7, 8, 9}; !reflect.DeepEqual(nums, want) {
		t.Fatalf("row numbers %v, want %v", nums, want)
	}
	scenarios := []struct {
		row, col string
		text     string
		date     domain.Date
		numeric  bool
	}{
		{"4", "Họ và tên", nfd, domain.Date{}, false},
		{"4", "Ngày sinh", "17/05/1990", domain.NewDate(1990, 5, 17), true},
		{"4", "Số CCCD", "79012345678", domain.Date{}, true},
		{"4", "Mã cán bộ", "CB01", domain.Date{}, false},
		{"7", "Mã cán bộ", "1002", domain.Date{}, true},
		{"7", "Ngày sinh", "05/01/1985", domain.Date{}, false},
		{"7", "Số CCCD", "042085123456", domain.Date{}, false},
		{"8", "Ngày sinh", "01/01/1991", domain.NewDate(1991, 1, 1), true}, // General-format number in a date column
		{"8", "Số CCCD", "42085123456", domain.Date{}, true},
		{"9", "Ngày sinh", "29/02/1980", domain.NewDate(1980, 2, 29), true}, // built-in d-mmm-yy format
		{"9", "Số CCCD", "", domain.Date{}, false},
	}
	byNum := map[string]Row{}
	for _, r := range tab.Rows {
		byNum[strconv.Itoa(r.Num)] = r
	}
	for _, sc := range scenarios {
		got := byNum[sc.row].Get(sc.col)
		if got.Text != sc.text || got.Date != sc.date || got.Numeric != sc.numeric {
			t.Errorf("row %s %s: got %+v, want text %q date %v numeric %v", sc.row, sc.col, got, sc.text, sc.date, sc.numeric)
		}
	}
}

// TestReadTable_RawNumberForms writes number cells the way other programs
// store them (exponent form, trailing .0) and a date-formatted cell in a
// column that is not a date column.
func TestReadTable_RawNumberForms(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, h := range []string{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Ghi chú"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		must(f.SetCellStr("Sheet1", cell, h))
	}
	must(f.SetCellStr("Sheet1", "A2", "CB1"))
	must(f.SetCellDefault("Sheet1", "E2", "7.9012345678E+10"))
	must(f.SetCellDefault("Sheet1", "C2", "32874.0"))
	code := "yyyy\\-mm\\-dd"
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	must(err)
	must(f.SetCellValue("Sheet1", "F2", time.Date(2001, 9, 2, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellStyle("Sheet1", "F2", "F2", style))
	var buf bytes.Buffer
	must(f.Write(&buf))
	tab, err := ReadTable(&buf, staffSpec)
	must(err)
	if len(tab.Rows) != 1 {
		t.Fatalf("%d rows", len(tab.Rows))
	}
	r := tab.Rows[0]
	if c := r.Get("Số CCCD"); c.Text != "79012345678" || !c.Numeric {
		t.Errorf("CCCD %+v", c)
	}
	if c := r.Get("Ngày sinh"); c.Date != domain.NewDate(1990, 1, 1) {
		t.Errorf("birth %+v", c)
	}
	if c := r.Get("Ghi chú"); c.Date != domain.NewDate(2001, 9, 2) || c.Text != "02/09/2001" {
		t.Errorf("date-formatted note %+v", c)
	}
}

func TestReadTable_Errors(t *testing.T) {
	scenarios := []struct {
		name    string
		input   func(t *testing.T) *bytes.Reader
		missing []string
		closest int
		notBook bool
	}{
		{"not a workbook", func(*testing.T) *bytes.Reader { return bytes.NewReader([]byte("Mã cán bộ;Họ và tên\n")) }, nil, 0, true},
		{"header without required columns", func(t *testing.T) *bytes.Reader {
			return book(t, [][]any{{"Tiêu đề"}, {"Mã cán bộ", "Họ và tên", "Ghi chú"}})
		}, []string{"Ngày sinh", "Giới tính"}, 2, false},
		{"header below row ten", func(t *testing.T) *bytes.Reader {
			rows := make([][]any, 10)
			rows = append(rows, []any{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính"})
			return book(t, rows)
		}, []string{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính"}, 0, false},
		{"empty workbook", func(t *testing.T) *bytes.Reader { return book(t, nil) }, []string{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính"}, 0, false},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			_, err := ReadTable(sc.input(t), staffSpec)
			if sc.notBook {
				if !errors.Is(err, ErrNotWorkbook) {
					t.Fatalf("err %v, want ErrNotWorkbook", err)
				}
				return
			}
			var he *HeaderError
			if !errors.As(err, &he) {
				t.Fatalf("err %v, want *HeaderError", err)
			}
			if !reflect.DeepEqual(he.Missing, sc.missing) || he.Closest != sc.closest || he.Sheet != "Sheet1" {
				t.Errorf("got %+v, want missing %q closest %d", he, sc.missing, sc.closest)
			}
			if !strings.Contains(he.Error(), "dòng tiêu đề") {
				t.Errorf("message %q", he.Error())
			}
		})
	}
}

func TestReadTable_GroupColumns(t *testing.T) {
	spec := Spec{Columns: []Column{
		{Name: "Mã cán bộ", Group: "subject", Kind: Code},
		{Name: "Mã đơn vị", Group: "subject", Kind: Code},
		{Name: "Năm", Required: true, Kind: Number},
	}}
	scenarios := []struct {
		header []any
		ok     bool
	}{
		{[]any{"Mã đơn vị", "Năm"}, true},
		{[]any{"Năm", "Mã cán bộ"}, true},
		{[]any{"Năm", "Mã cán bộ", "Mã đơn vị"}, true},
		{[]any{"Năm", "Xếp loại"}, false},
	}
	for _, sc := range scenarios {
		_, err := ReadTable(book(t, [][]any{sc.header}), spec)
		if (err == nil) != sc.ok {
			t.Errorf("header %v: err %v, want ok %v", sc.header, err, sc.ok)
		}
		var he *HeaderError
		if err != nil && (!errors.As(err, &he) || he.Missing[0] != "Mã cán bộ hoặc Mã đơn vị") {
			t.Errorf("header %v: %v", sc.header, err)
		}
	}
}

func TestHeaderKey(t *testing.T) {
	scenarios := []struct{ in, want string }{
		{"Giới tính (Nam/Nữ)", "giới tính"},
		{" MÃ CÁN BỘ * ", "mã cán bộ"},
		{"Danh hiệu / Hình thức", "danh hiệu/hình thức"},
		{norm.NFD.String("Họ và  tên"), "họ và tên"},
		{"Số CCCD (12 chữ số)*", "số cccd"},
	}
	for _, sc := range scenarios {
		if got := HeaderKey(sc.in); got != sc.want {
			t.Errorf("HeaderKey(%q) = %q, want %q", sc.in, got, sc.want)
		}
	}
}

func TestDateFormatCode(t *testing.T) {
	scenarios := []struct {
		code string
		want bool
	}{
		{"dd/mm/yyyy", true},
		{"[$-42A]d mmmm yyyy", true},
		{"mmm-yy", true},
		{"0.00E+00", false},
		{"#,##0", false},
		{"h:mm:ss", false},
		{`"Ngày "0`, false},
		{"General", false},
		{`0\d`, false},
	}
	for _, sc := range scenarios {
		if got := dateFormatCode(sc.code); got != sc.want {
			t.Errorf("dateFormatCode(%q) = %v, want %v", sc.code, got, sc.want)
		}
	}
}

func TestNumberText(t *testing.T) {
	scenarios := []struct {
		in   float64
		want string
	}{
		{79012345678, "79012345678"},
		{79012345678.0, "79012345678"},
		{2024, "2024"},
		{1.5, "1.5"},
		{-3, "-3"},
	}
	for _, sc := range scenarios {
		if got := numberText(sc.in); got != sc.want {
			t.Errorf("numberText(%v) = %q, want %q", sc.in, got, sc.want)
		}
	}
}
