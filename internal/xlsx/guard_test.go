package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestRecoverCorrupt: a panic under a reader becomes an error that wraps
// ErrNotWorkbook and says, in Vietnamese, where reading stopped.
func TestRecoverCorrupt(t *testing.T) {
	read := func(at location) (rows []string, err error) {
		defer recoverCorrupt(&at, &err)
		var none []string
		return []string{none[3]}, nil // index out of range, as excelize has done
	}
	scenarios := []struct {
		at   location
		want string
	}{
		{location{}, "tệp Excel bị hỏng ngay khi mở tệp"},
		{location{sheet: "Cán bộ"}, "tệp Excel bị hỏng ở trang “Cán bộ” nên"},
		{location{sheet: "Cán bộ", row: 12}, "tệp Excel bị hỏng ở trang “Cán bộ”, dòng 12"},
		{location{sheet: "Cán bộ", row: 12, cell: "F12"}, "tệp Excel bị hỏng ở trang “Cán bộ”, ô F12"},
	}
	for _, sc := range scenarios {
		rows, err := read(sc.at)
		var ce *CorruptError
		if rows != nil || !errors.As(err, &ce) || !errors.Is(err, ErrNotWorkbook) {
			t.Fatalf("%+v: rows %v, err %v", sc.at, rows, err)
		}
		if msg := err.Error(); !strings.Contains(msg, sc.want) || !strings.Contains(msg, "index out of range") || !strings.Contains(msg, "hãy mở tệp bằng Excel") {
			t.Errorf("%+v: %q, want containing %q, the panic and what to do", sc.at, msg, sc.want)
		}
	}
	// No panic: the results are left alone.
	ok := func() (n int, err error) {
		var at location
		defer recoverCorrupt(&at, &err)
		return 7, nil
	}
	if n, err := ok(); n != 7 || err != nil {
		t.Fatalf("no panic: %d, %v", n, err)
	}
}

// brokenBook is a real staff workbook with some of its parts replaced.
func brokenBook(t *testing.T, replace map[string]string) []byte {
	t.Helper()
	var src bytes.Buffer
	if err := WriteRows(&src, [][]any{
		{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính"},
		{"CB01", "Nguyễn Văn An", "05/01/1985", "Nam"},
	}); err != nil {
		t.Fatal(err)
	}
	parts, err := unzipParts(src.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range replace {
		parts[name] = []byte(body)
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(parts[name])
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReaders_BrokenWorkbooks: damaged workbooks (broken sheet XML, a
// shared string index past the table, broken styles and workbook parts,
// cells beyond Excel's grid) never crash a reader; each either reads or
// is refused with a Vietnamese reason that wraps ErrNotWorkbook or says
// which header is missing.
func TestReaders_BrokenWorkbooks(t *testing.T) {
	const sheet = "xl/worksheets/sheet1.xml"
	head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	header := `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã cán bộ</t></is></c><c r="B1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="C1" t="inlineStr"><is><t>Ngày sinh</t></is></c><c r="D1" t="inlineStr"><is><t>Giới tính</t></is></c></row>`
	tail := `</sheetData></worksheet>`
	scenarios := map[string]map[string]string{
		"truncated sheet":           {sheet: head + header + `<row r="2"><c r="A2" t="inlineStr"><is><t>CB`},
		"sheet is not XML":          {sheet: "\x00\x01PK garbage"},
		"shared string past table":  {sheet: head + header + `<row r="2"><c r="A2" t="s"><v>99</v></c><c r="B2" t="s"><v>-1</v></c></row>` + tail},
		"style past the styles":     {sheet: head + header + `<row r="2"><c r="A2" s="999"><v>42</v></c><c r="C2" s="-3"><v>31048</v></c></row>` + tail},
		"cell beyond the grid":      {sheet: head + header + `<row r="2"><c r="XFE2"><v>1</v></c><c r="A1048577"><v>2</v></c></row>` + tail},
		"row numbers out of order":  {sheet: head + `<row r="5">` + header[len(`<row r="1">`):] + `<row r="2"><c r="A2"><v>1</v></c></row><row r="0"><c r="A0"><v>1</v></c></row>` + tail},
		"broken styles part":        {"xl/styles.xml": `<styleSheet><cellXfs count="1"><xf numFmtId="999999999999"/></cellXfs>`},
		"broken workbook part":      {"xl/workbook.xml": `<workbook><sheets><sheet name="" sheetId="x" r:id="rId404"/></sheets>`},
		"no workbook relationships": {"xl/_rels/workbook.xml.rels": `<Relationships/>`},
		"broken content types":      {"[Content_Types].xml": `<Types`},
		// excelize v2.11.1 indexes its colour table with the fill's
		// "indexed" attribute unchecked: a negative one panicked when the
		// number cell's style was asked whether it shows a date.
		"negative indexed colour": {
			"xl/styles.xml": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
				`<fonts count="1"><font><sz val="11"/></font></fonts>` +
				`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="solid"><fgColor indexed="-1"/></patternFill></fill></fills>` +
				`<borders count="1"><border/></borders>` +
				`<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="1" borderId="0" applyFill="1"/></cellXfs></styleSheet>`,
			sheet: head + header + `<row r="2"><c r="A2" s="1"><v>42</v></c><c r="B2" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c></row>` + tail,
		},
	}
	for name, replace := range scenarios {
		data := brokenBook(t, replace)
		check := func(reader string, err error) {
			t.Helper()
			t.Logf("%s, %s: %v", name, reader, err)
			if err == nil {
				return
			}
			var he *HeaderError
			if !errors.Is(err, ErrNotWorkbook) && !errors.As(err, &he) {
				t.Errorf("%s, %s: %v is neither ErrNotWorkbook nor a header error", name, reader, err)
			}
			if msg := err.Error(); !strings.ContainsAny(msg, "ệọảđ") {
				t.Errorf("%s, %s: %q is not Vietnamese", name, reader, msg)
			}
		}
		_, err := ReadTable(bytes.NewReader(data), staffSpec)
		check("ReadTable", err)
		if name == "negative indexed colour" {
			var ce *CorruptError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), "tệp Excel bị hỏng ở trang “Sheet1”, dòng 2") {
				t.Errorf("%s: ReadTable: %v, want the panic as a CorruptError at row 2", name, err)
			}
		}
		_, err = ReadRows(bytes.NewReader(data))
		check("ReadRows", err)
		_, _, err = ReadCriteria(bytes.NewReader(data))
		check("ReadCriteria", err)
	}
}

// A file that is no workbook, or one that unpacks to too much, is refused
// in words a clerk can act on, not excelize's.
func TestReadTable_OpenErrorsInVietnamese(t *testing.T) {
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for range 300 { // 300 MB of zeros, a few hundred KB packed
		if _, err := w.Write(zeros); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		body []byte
		want string
	}{
		"text":  {[]byte("họ tên,ngày sinh\nAn,01/01/1990\n"), "không phải bảng tính .xlsx"},
		"bomb":  {bomb.Bytes(), "vượt 256 MB"},
		"empty": {nil, "không phải bảng tính .xlsx"},
	} {
		_, err := ReadRows(bytes.NewReader(c.body))
		if !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
		for _, raw := range []string{"zip:", "unzip size", "exceeds"} {
			if err != nil && strings.Contains(err.Error(), raw) {
				t.Errorf("%s: %q shows excelize's words %q", name, err, raw)
			}
		}
	}
}
