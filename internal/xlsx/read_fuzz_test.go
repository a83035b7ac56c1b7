package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"maps"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tdkt/internal/domain"
)

// The fuzz targets of this file feed the import readers what clerks and
// broken disks really produce: whole files (FuzzReadTable, FuzzReadRows),
// a well-formed package around an arbitrary worksheet and shared string
// table (FuzzReadTableParts: the zip's checksums would otherwise stop
// almost every mutation at the door), the byte scan of a worksheet
// (FuzzScanSheet) and the cell-typing helpers (FuzzCellDate,
// FuzzNumberText, FuzzParsePoints). Properties: nothing panics; a file is
// either refused with ErrNotWorkbook or a HeaderError, or read into a table
// whose rows match its header; the fast scan and excelize read the same
// cells; typed cells say what their text says.

// maxFuzzFile bounds the inputs: an office file is small, and a fuzzer's
// megabyte of zip can take excelize seconds to refuse.
const maxFuzzFile = 64 << 10

// fuzzSpecs are the sheets the readers are asked for: plain staff columns,
// a template with numbers and drop-downs, and a "Mã cán bộ or Mã đơn vị"
// group as the ratings and awards imports use.
func fuzzSpecs() []Spec {
	return []Spec{staffSpec, templateSpec(), {Sheet: "Xếp loại", Columns: []Column{
		{Name: "Mã cán bộ", Group: "subject", Kind: Code},
		{Name: "Mã đơn vị", Group: "subject", Kind: Code},
		{Name: "Năm", Required: true, Kind: Number},
		{Name: "Xếp loại", Required: true},
		{Name: "Ngày quyết định", Kind: Date},
	}}}
}

// fuzzWorkbooks are real files of this package's writers: templates, the
// messy lists tests build with WriteRows, a report of rejected rows.
func fuzzWorkbooks(f *testing.F) [][]byte {
	f.Helper()
	write := func(fn func(io.Writer) error) []byte {
		var buf bytes.Buffer
		if err := fn(&buf); err != nil {
			f.Fatal(err)
		}
		return buf.Bytes()
	}
	var out [][]byte
	for _, sp := range fuzzSpecs() {
		out = append(out, write(func(w io.Writer) error { return WriteTemplate(sp, w) }))
	}
	out = append(out,
		write(func(w io.Writer) error {
			return WriteRows(w, [][]any{
				{"DANH SÁCH CÁN BỘ"}, nil,
				{"Ghi chú", "Số CCCD", "Giới tính*", "Ngày sinh", "Họ và tên", "Mã cán bộ", "Cột lạ"},
				{"", int64(42085000002), "Nam", domain.NewDate(1985, 1, 5), "Nguyễn Văn An", 1001, "x"},
				{"a & b", "042185000003", "Nữ", "29/02/2024", "Lê Thị Bình", "CB2", nil},
				{nil, "4.2085000004E+10", "nu", 31048, "Trần C", "CB3"},
				{nil, nil, nil, time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC), nil, "CB4"},
			})
		}),
		write(func(w io.Writer) error {
			return WriteRows(w, [][]any{{"Mã đơn vị", "Năm", "Xếp loại", "Ngày quyết định"}, {"4201", 2025, "HTXSNV", 45678.5}, {"", "2024", "htt nv", "-1"}})
		}),
		write(func(w io.Writer) error {
			return WriteReport(Report{Sheet: "Dòng bị từ chối", Headers: []string{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính"},
				Rows: []ReportRow{{Num: 3, Values: []string{"CB1", "An", "31/02/1990", "X"}, Issues: []ReportIssue{{Col: 2, Column: "Ngày sinh", Reason: "ngày không có"}}}}}, w)
		}),
	)
	return out
}

// readBoth reads data through the byte scan and through excelize alone.
func readBoth(data []byte, spec Spec) (scan, model *Table, scanErr, modelErr error) {
	scan, scanErr = ReadTable(bytes.NewReader(data), spec)
	useScan = false
	defer func() { useScan = true }()
	model, modelErr = ReadTable(bytes.NewReader(data), spec)
	return scan, model, scanErr, modelErr
}

// checkRead checks one reading of data: the error kinds callers rely on,
// the shape of the table, and, when wellFormed says the parts are XML that
// Excel itself would open, that both readers agree (on broken XML the scan
// and excelize's decoder may stop at different places, and no spreadsheet
// program opens such a file anyway).
func checkRead(t *testing.T, data []byte, spec Spec, wellFormed bool) {
	scan, model, err, modelErr := readBoth(data, spec)
	for _, e := range []error{err, modelErr} {
		var he *HeaderError
		if e != nil && !errors.Is(e, ErrNotWorkbook) && !errors.As(e, &he) {
			t.Fatalf("ReadTable error %T %v is neither ErrNotWorkbook nor a HeaderError", e, e)
		}
	}
	if err != nil {
		return
	}
	checkTable(t, scan, spec)
	if modelErr == nil {
		checkTable(t, model, spec)
	}
	if modelErr == nil && wellFormed {
		if !reflect.DeepEqual(scan.Headers, model.Headers) || scan.HeaderRow != model.HeaderRow {
			t.Fatalf("headers: scan row %d %q, excelize row %d %q", scan.HeaderRow, scan.Headers, model.HeaderRow, model.Headers)
		}
		if a, b := cells(scan), cells(model); !reflect.DeepEqual(a, b) {
			t.Fatalf("the scan and excelize read different cells:\nscan  %+v\nmodel %+v", a, b)
		}
	}
}

func checkTable(t *testing.T, tab *Table, spec Spec) {
	t.Helper()
	if tab.HeaderRow < 1 || tab.HeaderRow > headerSearchRows {
		t.Fatalf("header row %d", tab.HeaderRow)
	}
	groups := map[string]bool{}
	for _, c := range spec.Columns {
		i := tab.Index(c.Name)
		if i >= len(tab.Headers) {
			t.Fatalf("column %s at index %d of %d headers", c.Name, i, len(tab.Headers))
		}
		if i >= 0 && HeaderKey(tab.Headers[i]) != HeaderKey(c.Name) {
			t.Fatalf("column %s mapped onto header %q", c.Name, tab.Headers[i])
		}
		if c.Required && i < 0 {
			t.Fatalf("required column %s missing from a table that was read", c.Name)
		}
		if c.Group != "" {
			groups[c.Group] = groups[c.Group] || i >= 0
		}
	}
	for g, ok := range groups {
		if !ok {
			t.Fatalf("no column of group %s in a table that was read", g)
		}
	}
	last := tab.HeaderRow
	for _, r := range tab.Rows {
		if r.Num <= last {
			t.Fatalf("row %d after row %d", r.Num, last)
		}
		last = r.Num
		if len(r.Cells) != len(tab.Headers) {
			t.Fatalf("row %d has %d cells for %d headers", r.Num, len(r.Cells), len(tab.Headers))
		}
		for i, c := range r.Cells {
			if !c.Date.IsZero() && c.Text != c.Date.VN() {
				t.Fatalf("row %d col %d: date %v shown as %q", r.Num, i, c.Date, c.Text)
			}
			if c.Numeric && c.Date.IsZero() {
				if _, err := strconv.ParseFloat(c.Text, 64); err != nil {
					t.Fatalf("row %d col %d: numeric cell %q is no number", r.Num, i, c.Text)
				}
			}
		}
		if got := r.Get("Cột không có trong mẫu"); got != (Cell{}) {
			t.Fatalf("an absent column gave %+v", got)
		}
	}
}

// FuzzReadTable reads whole files, real and broken, against each spec.
func FuzzReadTable(f *testing.F) {
	for i, b := range fuzzWorkbooks(f) {
		f.Add(b, uint8(i))
		f.Add(b[:len(b)/2], uint8(i))
	}
	f.Add([]byte{}, uint8(0))
	f.Add([]byte("PK\x03\x04garbage"), uint8(1))
	f.Add([]byte("Mã cán bộ,Họ và tên\nCB1,An\n"), uint8(0))
	specs := fuzzSpecs()
	f.Fuzz(func(t *testing.T, data []byte, spec uint8) {
		if len(data) > maxFuzzFile {
			return
		}
		checkRead(t, data, specs[int(spec)%len(specs)], partsWellFormed(data))
	})
}

// partsWellFormed reports whether data is a zip whose worksheet and shared
// string parts are well-formed XML.
func partsWellFormed(data []byte) bool {
	parts, err := unzipParts(data)
	if err != nil {
		return false
	}
	for name, b := range parts {
		if strings.HasPrefix(name, "xl/worksheets/") || name == "xl/sharedStrings.xml" {
			if !wellFormedXML(b) {
				return false
			}
		}
	}
	return true
}

// wellFormedXML reports whether b decodes as XML from start to end with
// every element closed.
func wellFormedXML(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, root := 0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return root && depth == 0
		}
		if err != nil {
			return false
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			root = true
		case xml.EndElement:
			depth--
		}
	}
}

// FuzzReadRows reads whole files as the tests' plain row reader does.
func FuzzReadRows(f *testing.F) {
	for _, b := range fuzzWorkbooks(f) {
		f.Add(b)
		f.Add(b[:len(b)*3/4])
	}
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzFile {
			return
		}
		if _, err := ReadRows(bytes.NewReader(data)); err != nil && !errors.Is(err, ErrNotWorkbook) {
			t.Fatalf("ReadRows error %v does not wrap ErrNotWorkbook", err)
		}
	})
}

// partsBase is a template's package, parsed once: FuzzReadTableParts
// swaps its first worksheet and its shared string table for the fuzzer's.
var partsBase = sync.OnceValues(func() (map[string][]byte, error) {
	var buf bytes.Buffer
	if err := WriteTemplate(templateSpec(), &buf); err != nil {
		return nil, err
	}
	return unzipParts(buf.Bytes())
})

func unzipParts(data []byte) (map[string][]byte, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts := map[string][]byte{}
	for _, zf := range z.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		parts[zf.Name] = b
	}
	return parts, nil
}

// withParts is the base package with its first sheet and shared strings replaced.
func withParts(t testing.TB, sheet, sst []byte) []byte {
	base, err := partsBase()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(base)) {
		b := base[name]
		switch name {
		case "xl/worksheets/sheet1.xml":
			b = sheet
		case "xl/sharedStrings.xml":
			b = sst
		}
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheetSeeds are worksheet and shared string parts of real files.
func sheetSeeds(f *testing.F) (sheets, ssts [][]byte) {
	for _, b := range fuzzWorkbooks(f) {
		parts, err := unzipParts(b)
		if err != nil {
			f.Fatal(err)
		}
		sheets = append(sheets, parts["xl/worksheets/sheet1.xml"])
		ssts = append(ssts, parts["xl/sharedStrings.xml"])
	}
	return sheets, ssts
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`

// FuzzReadTableParts reads a well-formed package around an arbitrary first
// worksheet and shared string table, through ReadTable (both readers),
// ReadRows and ReadCriteria.
func FuzzReadTableParts(f *testing.F) {
	sheets, ssts := sheetSeeds(f)
	for i := range sheets {
		f.Add(sheets[i], ssts[i%len(ssts)], uint8(i))
	}
	sst := []byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Mã cán bộ</t></si><si><t>Họ và tên</t></si><si><t>Ngày sinh</t></si><si><t>Giới tính</t></si><si><r><t>Lê </t></r><r><t>Văn</t></r></si></sst>`)
	for _, s := range []string{
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2"><v>1001</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" s="1"><v>31048</v></c><c r="D2" t="inlineStr"><is><t>Nam</t></is></c></row>`,
		`<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row><row r="40"><c><v>1</v></c></row>`,
		`<c><v>1</v></c>`,
		`<row r="3"><c r="A1"><v>1</v></c></row>`,
		`<row r="1"><c r="A1" t="s"><v>99</v></c></row>`,
		`<row r="1"><c r="A1" t="str"><v>Mã &amp; &#7873;_x000D_</v></c><c r="B1" t="d"><v>2020-02-29T00:00:00Z</v></c></row>`,
	} {
		f.Add([]byte(sheetHead+s+`</sheetData></worksheet>`), sst, uint8(0))
	}
	specs := fuzzSpecs()
	f.Fuzz(func(t *testing.T, sheet, sst []byte, spec uint8) {
		if len(sheet)+len(sst) > maxFuzzFile {
			return
		}
		data := withParts(t, sheet, sst)
		checkRead(t, data, specs[int(spec)%len(specs)], wellFormedXML(sheet) && wellFormedXML(sst))
		if _, err := ReadRows(bytes.NewReader(data)); err != nil && !errors.Is(err, ErrNotWorkbook) {
			t.Fatalf("ReadRows error %v does not wrap ErrNotWorkbook", err)
		}
		rows, _, err := ReadCriteria(bytes.NewReader(data))
		var he *HeaderError
		if err != nil && !errors.Is(err, ErrNotWorkbook) && !errors.As(err, &he) {
			t.Fatalf("ReadCriteria error %T %v", err, err)
		}
		for _, r := range rows {
			for _, x := range []float64{r.MaxPoints, r.Score, r.CapPercent} {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("criterion %s read with points %v", r.Code, x)
				}
			}
		}
	})
}

// FuzzScanSheet runs the byte scan on any bytes: it either refuses them or
// returns values and types of the same shape.
func FuzzScanSheet(f *testing.F) {
	sheets, _ := sheetSeeds(f)
	for _, s := range sheets {
		f.Add(s)
	}
	f.Add([]byte(`<c><v>1</v></c>`))
	f.Add([]byte(`<row r="2"><c r="B2" t="s"><v>1</v></c><c t="inlineStr"><is><t>a</t><rPh><t>x</t></rPh></is></c></row>`))
	f.Add([]byte(`<row r="1"><c r="A1"><v>&#x1EC5;&lt;&#13;</v></c></row><!-- x --><?pi?>`))
	f.Add([]byte(`<row r="1"><c r="A1" s="x"><v>1</v></c></row>`))
	f.Add([]byte(`<row r="1"><c r="A1"><v><![CDATA[1]]></v></c></row>`))
	sst := []string{"Mã cán bộ", "CB01", ""}
	f.Fuzz(func(t *testing.T, data []byte) {
		vals, meta, ok := scanSheet(data, sst)
		if !ok {
			return
		}
		if len(vals) != len(meta) {
			t.Fatalf("%d rows of values, %d of types", len(vals), len(meta))
		}
		for i := range vals {
			if len(vals[i]) != len(meta[i]) {
				t.Fatalf("row %d: %d values, %d types", i+1, len(vals[i]), len(meta[i]))
			}
		}
	})
}

// FuzzCellDate types a cell of a date column from its raw value: a serial
// number (1900 or 1904 system), an ISO timestamp, or text left for the
// caller. A cell given a date shows exactly that date.
func FuzzCellDate(f *testing.F) {
	for _, s := range []string{"31048", "45678.99999", "0", "-1", "1", "60", "2958465", "2958466", "1e308", "NaN",
		"05011985", "2020-02-29T00:00:00Z", "2020-02-30T00:00:00Z", "2024-12-31T23:59:59.999", "05/01/1985", " 31048 ", "0x1p4"} {
		f.Add(s, false)
	}
	f.Add("31048", true)
	f.Fuzz(func(t *testing.T, text string, date1904 bool) {
		ty := &typer{date1904: date1904, isDate: map[int]bool{}}
		c := Cell{Text: text}
		ty.date(&c)
		if !c.Date.IsZero() && c.Text != c.Date.VN() {
			t.Fatalf("date cell %q: date %+v shown as %q", text, c.Date, c.Text)
		}
		if c.Numeric {
			if _, err := strconv.ParseFloat(c.Text, 64); err != nil && c.Date.IsZero() {
				t.Fatalf("numeric cell %q became %q", text, c.Text)
			}
		}
		if c.Date.IsZero() && !c.Numeric && c.Text != text {
			t.Fatalf("untyped cell %q changed to %q", text, c.Text)
		}
		n := Cell{Text: text}
		ty.number(&n, true, 0)
		if !n.Date.IsZero() {
			t.Fatalf("a number with the general format became the date %v", n.Date)
		}
		if n.Numeric {
			if _, err := strconv.ParseFloat(n.Text, 64); err != nil {
				t.Fatalf("number cell %q became %q", text, n.Text)
			}
		}
		_ = maybeNumber(text)
		_ = dateFormatCode(text)
	})
}

// FuzzNumberText checks that a number cell's text reads back as the same
// number and is never in exponent form (a CCCD must not become 4.2E+10).
func FuzzNumberText(f *testing.F) {
	for _, x := range []float64{0, -0.0, 42085000002, 79012345678, 1e15, 1e15 - 1, 3.25, 1e-7, -7, 1e300, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		s := numberText(x)
		if strings.ContainsAny(s, "eE") {
			t.Fatalf("numberText(%v) = %q in exponent form", x, s)
		}
		back, err := strconv.ParseFloat(s, 64)
		if err != nil || back != x {
			t.Fatalf("numberText(%v) = %q reads back as %v, %v", x, s, back, err)
		}
	})
}

// FuzzParsePoints reads the points and methods of a scoring table as
// typed: a value it accepts is a finite number (the seeds "nan" and
// "Infinity" caught ParsePoints accepting what strconv.ParseFloat reads as
// NaN and +Inf: a criterion worth infinitely many points), and a method is
// one of the scoring methods.
func FuzzParsePoints(f *testing.F) {
	for _, s := range []string{"95.5", "95,5", "1.234,5", "10 điểm", "120%", "\u2212 5", "–2", "", "abc", "1,2,3", "nan", "Infinity", "-inf", "1e400", "Điểm trừ", "Đạt/Không đạt", "TRU"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok, err := ParsePoints(s)
		if err != nil && ok {
			t.Fatalf("ParsePoints(%q) both ok and %v", s, err)
		}
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("ParsePoints(%q) accepted %v", s, v)
		}
		if !ok && err == nil && strings.TrimSpace(s) != "" && v != 0 {
			t.Fatalf("ParsePoints(%q) = %v without ok", s, v)
		}
		if m, ok := ParseMethod(s); ok && m != "" && !slices.Contains(methods, m) {
			t.Fatalf("ParseMethod(%q) = %q, not a scoring method", s, m)
		}
	})
}

// TestScanSheet_CellOutsideRow is the crash FuzzScanSheet found (twice): a
// <c> before any <row>, or a <row> begun inside a cell, made the scan index
// row or column -1 and panic, so a damaged or hand-made workbook brought
// the whole application down on import. The scan now refuses the sheet
// and excelize reads it.
func TestScanSheet_CellOutsideRow(t *testing.T) {
	for _, s := range []string{`<c t "inlineStr"><is><t>0</c >`, `<c><v>1</v></c>`, `<sheetData><c r="A1"><v>1</v></c></sheetData>`,
		`<row><c t "inlineStr"><is><t>0<row></c >`} {
		if _, _, ok := scanSheet([]byte(s), nil); ok {
			t.Errorf("scanSheet(%q) accepted a cell outside any row", s)
		}
	}
	data := withParts(t, []byte(sheetHead+`<c><v>1</v></c><row r="1"><c r="A1" t="inlineStr"><is><t>Mã cán bộ</t></is></c></row></sheetData></worksheet>`), []byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`))
	if _, err := ReadTable(bytes.NewReader(data), staffSpec); err == nil {
		t.Error("a sheet without the required headers was read")
	}
}

// TestScanSheet_RowBeyondExcel: a row number past Excel's last row (found
// while fuzzing the readers: r="999999999" in a 1 KB file) made the scan
// allocate every row before it, gigabytes, and the application died out of
// memory. The scan now refuses such a sheet, and excelize refuses the file.
func TestScanSheet_RowBeyondExcel(t *testing.T) {
	for _, s := range []string{`<row r="1048577"><c><v>1</v></c></row>`, `<row r="1048576"/><row><c><v>1</v></c></row>`} {
		if _, _, ok := scanSheet([]byte(s), nil); ok {
			t.Errorf("scanSheet(%q) accepted a row past 1048576", s)
		}
	}
	data := withParts(t, []byte(sheetHead+`<row r="999999999"><c><v>1</v></c></row></sheetData></worksheet>`), []byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`))
	if _, err := ReadTable(bytes.NewReader(data), staffSpec); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("ReadTable of a row past Excel's last: %v, want ErrNotWorkbook", err)
	}
}

// TestParsePoints_NotANumber: "NaN" and "Inf" are what strconv.ParseFloat
// reads them as, not points; a scoring table saying so is refused with the
// usual message instead of giving a criterion NaN or infinite points.
func TestParsePoints_NotANumber(t *testing.T) {
	for _, s := range []string{"nan", "NaN", "inf", "+Infinity", "-inf điểm"} {
		if v, ok, err := ParsePoints(s); err == nil || ok {
			t.Errorf("ParsePoints(%q) = %v, %v, %v; want an error", s, v, ok, err)
		}
	}
}

// TestReadTable_DeclaredSizeBomb: a workbook whose zip directory claims a
// 1 GB worksheet (one flipped bit in a 6 KB file, found while fuzzing the
// readers) made excelize reserve the gigabyte before reading a byte, and a
// few such files killed the application. Opening now refuses parts that
// claim more than any import file holds, without reserving the memory.
func TestReadTable_DeclaredSizeBomb(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRows(&buf, [][]any{{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính"}, {"CB1", "An", "05/01/1985", "Nam"}}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	central := bytes.Index(data, []byte("PK\x01\x02"))
	if central < 0 || !bytes.HasPrefix(data[central+46:], []byte("xl/worksheets/sheet1.xml")) {
		t.Fatal("the first central directory entry is not the worksheet")
	}
	copy(data[central+24:], []byte{0x1c, 0x04, 0x00, 0x40}) // uncompressed size 1 GB + a little
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadTable(bytes.NewReader(data), staffSpec)
	_, rowsErr := ReadRows(bytes.NewReader(data))
	_, _, critErr := ReadCriteria(bytes.NewReader(data))
	runtime.ReadMemStats(&after)
	for _, e := range []error{err, rowsErr, critErr} {
		if !errors.Is(e, ErrNotWorkbook) {
			t.Errorf("reading a workbook that claims a 1 GB sheet: %v, want ErrNotWorkbook", e)
		}
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("reading it allocated %d MB", grew>>20)
	}
}
