package xlsx

import (
	"bytes"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tdkt/internal/domain"
)

// TestReadTable_ScanAgreesWithModel reads the same workbook through the
// byte scan and through excelize's model: the cells must come out alike.
func TestReadTable_ScanAgreesWithModel(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Dữ liệu"))
	// A second sheet first in the file's parts but second in order, so the
	// scan must follow the workbook's relationships to the right part.
	_, err := f.NewSheet("Khác")
	must(err)
	must(f.SetSheetRow("Khác", "A1", &[]any{"Mã cán bộ", 1, 2, 3}))
	must(f.SetSheetRow("Dữ liệu", "A1", &[]any{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Ghi chú"}))
	dmy := "dd/mm/yyyy"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dmy})
	must(err)
	must(f.SetSheetRow("Dữ liệu", "A2", &[]any{1001, "An", "05/01/1985", "Nam", int64(42085000002), 2024}))
	must(f.SetSheetRow("Dữ liệu", "A3", &[]any{"1002", "Bình", 31048, "Nam", "42085000003", time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC)}))
	must(f.SetCellStyle("Dữ liệu", "F3", "F3", dateStyle))
	must(f.SetCellDefault("Dữ liệu", "E4", "4.2085000004E+10"))
	must(f.SetCellStr("Dữ liệu", "A4", "CB3"))
	var buf bytes.Buffer
	must(f.Write(&buf))
	data := buf.Bytes()

	// The scan must find the data sheet's own XML, or this test would
	// compare the model with itself.
	g, err := excelize.OpenReader(bytes.NewReader(data))
	must(err)
	defer g.Close()
	if x := sheetXML(g, "Dữ liệu"); !bytes.Contains(x, []byte("<v>1001</v>")) {
		t.Fatalf("sheetXML of the data sheet: %.200s", x)
	}
	if x := sheetXML(g, "Khác"); bytes.Contains(x, []byte("1001")) || len(x) == 0 {
		t.Fatalf("sheetXML of the other sheet: %.200s", x)
	}
	read := func() *Table {
		tab, err := ReadTable(bytes.NewReader(data), staffSpec)
		must(err)
		return tab
	}
	scanned := read()
	useScan = false
	defer func() { useScan = true }()
	modelled := read()
	if !reflect.DeepEqual(cells(scanned), cells(modelled)) {
		t.Errorf("scan and model disagree:\nscan  %+v\nmodel %+v", cells(scanned), cells(modelled))
	}
	want := map[string]Cell{
		"2 Mã cán bộ": {Text: "1001", Numeric: true},
		"3 Mã cán bộ": {Text: "1002"},
		"2 Số CCCD":   {Text: "42085000002", Numeric: true},
		"3 Số CCCD":   {Text: "42085000003"},
		"4 Số CCCD":   {Text: "42085000004", Numeric: true},
		"3 Ngày sinh": {Text: "01/01/1985", Date: domain.NewDate(1985, 1, 1), Numeric: true},
		"2 Ghi chú":   {Text: "2024", Numeric: true},
		"3 Ghi chú":   {Text: "29/02/2020", Date: domain.NewDate(2020, 2, 29), Numeric: true},
	}
	got := cells(scanned)
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %+v, want %+v", k, got[k], w)
		}
	}
}

func cells(t *Table) map[string]Cell {
	out := map[string]Cell{}
	for _, r := range t.Rows {
		for _, name := range []string{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Ghi chú"} {
			if c := r.Get(name); !c.Blank() {
				out[strconv.Itoa(r.Num)+" "+name] = c
			}
		}
	}
	return out
}

// TestScanSheet_AgreesWithExcelize reads workbooks written in every way
// this package meets (shared strings, inline strings from a stream, rich
// text, formulas, escapes, gaps) with the fast reader and with excelize's
// row stream: the values must be identical.
func TestScanSheet_AgreesWithExcelize(t *testing.T) {
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	nfd := "Nguye\u0302\u0303n"
	scenarios := []struct {
		name  string
		build func(f *excelize.File)
	}{
		{"shared strings and numbers", func(f *excelize.File) {
			must(f.SetSheetRow("Sheet1", "A1", &[]any{"Mã cán bộ", "a & b < c > \"d\" 'e'", "  spaces  ", "dòng 1\ndòng 2", nfd}))
			must(f.SetSheetRow("Sheet1", "B3", &[]any{int64(42085000002), 3.25, -7, true, false, time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC)}))
			must(f.SetCellStr("Sheet1", "A5", "a_x000D_b and _x005F_ literal"))
			must(f.SetCellStr("Sheet1", "C7", "\r\nCR LF\r"))
			must(f.SetCellStyle("Sheet1", "D9", "D9", 0))
		}},
		{"rich text and formulas", func(f *excelize.File) {
			must(f.SetCellRichText("Sheet1", "B2", []excelize.RichTextRun{{Text: "Nguyễn "}, {Text: "Văn", Font: &excelize.Font{Bold: true}}, {Text: " An"}}))
			must(f.SetCellFormula("Sheet1", "C2", "1+1"))
			must(f.SetCellValue("Sheet1", "D2", 5))
			must(f.SetCellFormula("Sheet1", "D2", "2+3"))
		}},
	}
	check := func(t *testing.T, data []byte) {
		t.Helper()
		f, err := excelize.OpenReader(bytes.NewReader(data))
		must(err)
		defer f.Close()
		sheet := f.GetSheetList()[0]
		sst, ok := sharedStrings(f)
		if !ok {
			t.Fatal("shared strings not read")
		}
		fast, _, ok := scanSheet(sheetXML(f, sheet), sst)
		if !ok {
			t.Fatal("the fast reader refused the sheet")
		}
		slow, err := rawRows(f, sheet)
		must(err)
		if a, b := trimRows(fast), trimRows(slow); !reflect.DeepEqual(a, b) {
			t.Errorf("fast reader\n%q\nexcelize\n%q", a, b)
		}
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sc.build(f)
			var buf bytes.Buffer
			must(f.Write(&buf))
			check(t, buf.Bytes())
		})
	}
	t.Run("stream with inline strings", func(t *testing.T) {
		var buf bytes.Buffer
		must(WriteRows(&buf, [][]any{{"Tiêu đề & <x>"}, nil, {"CB01", nfd, domain.NewDate(1990, 5, 17), int64(79012345678), 1.5}}))
		check(t, buf.Bytes())
	})
}

// trimRows drops trailing empty cells and rows, which the two readers
// report differently without meaning anything different.
func trimRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		n := len(r)
		for n > 0 && r[n-1] == "" {
			n--
		}
		out[i] = r[:n]
	}
	n := len(out)
	for n > 0 && len(out[n-1]) == 0 {
		n--
	}
	return out[:n]
}

func TestUnescape(t *testing.T) {
	scenarios := []struct {
		in, want string
		ok       bool
	}{
		{"a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", `a & b <c> "d" 'e'`, true},
		{"&#7873;&#x1EC5;", "ềễ", true},
		{"line\r\nnext\rlast", "line\nnext\nlast", true},
		{"&nbsp;", "", false},
		{"a & b", "", false},
	}
	for _, sc := range scenarios {
		got, ok := unescapeXML([]byte(sc.in))
		if ok != sc.ok || (ok && got != sc.want) {
			t.Errorf("unescapeXML(%q) = %q, %v; want %q, %v", sc.in, got, ok, sc.want, sc.ok)
		}
	}
	if got := unescapeOOXML("a_x000D_b_x005F_c_xZZZZ_"); got != "a\rb_c_xZZZZ_" {
		t.Errorf("unescapeOOXML = %q", got)
	}
}

func TestScanSheet(t *testing.T) {
	sst := []string{"Mã cán bộ", "CB01"}
	scenarios := []struct {
		name string
		xml  string
		want [][]string
		meta cellMeta // of the last cell read
		ok   bool
	}{
		{
			name: "prefixed tags, no references, comments, phonetic runs",
			xml: `<?xml version="1.0"?><x:worksheet xmlns:x="urn"><!-- <c> --><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c>` +
				`<x:c t='inlineStr'><x:is><x:r><x:t>Lê </x:t></x:r><x:r><x:t xml:space="preserve">Văn</x:t></x:r><x:rPh><x:t>le</x:t></x:rPh></x:is></x:c></x:row>` +
				`<x:row r="3"><x:c r="B3" s="4"><x:f>A1</x:f><x:v>33239</x:v></x:c><x:c r="C3" s="2"/></x:row></x:sheetData></x:worksheet>`,
			want: [][]string{{"Mã cán bộ", "Lê Văn"}, nil, {"", "33239"}},
			meta: cellMeta{style: 4},
			ok:   true,
		},
		{name: "CDATA", xml: `<sheetData><row r="1"><c r="A1" t="str"><v><![CDATA[x]]></v></c></row></sheetData>`},
		{name: "unknown entity", xml: `<sheetData><row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row></sheetData>`},
		{name: "cells out of order", xml: `<sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData>`},
		{name: "cell in the wrong row", xml: `<sheetData><row r="1"><c r="A2"><v>1</v></c></row></sheetData>`},
		{name: "shared string out of range", xml: `<sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>`},
		{name: "truncated", xml: `<sheetData><row r="1"><c r="A1`},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			vals, meta, ok := scanSheet([]byte(sc.xml), sst)
			if ok != sc.ok {
				t.Fatalf("ok %v, want %v", ok, sc.ok)
			}
			if !ok {
				return
			}
			if !reflect.DeepEqual(vals, sc.want) {
				t.Errorf("values %q, want %q", vals, sc.want)
			}
			last := meta[len(meta)-1]
			if got := last[len(last)-1]; got != sc.meta {
				t.Errorf("last cell %+v, want %+v", got, sc.meta)
			}
		})
	}
}
