package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tdkt/internal/docs"
)

// hostileTexts start the way a spreadsheet formula does; typed as a name
// or a note they must come out of every writer as plain text.
var hostileTexts = []string{`=HYPERLINK("http://x","Bấm")`, "+1+1", "-2+3", "@SUM(A1:A9)"}

// checkNoFormulaFrom opens a written workbook and checks that each hostile
// text is in some cell, as a string, and that no cell holding one carries
// a formula.
func checkNoFormulaFrom(t *testing.T, what string, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	defer f.Close()
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s, %s: %v", what, sheet, err)
		}
		for r, row := range rows {
			for c, v := range row {
				hostile := false
				for _, h := range hostileTexts {
					hostile = hostile || strings.Contains(v, h)
				}
				if !hostile {
					continue
				}
				found[v] = true
				axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, err := f.GetCellType(sheet, axis)
				if err != nil {
					t.Fatal(err)
				}
				if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
					t.Errorf("%s, %s!%s %q: cell type %v, want a string", what, sheet, axis, v, typ)
				}
				if fx, err := f.GetCellFormula(sheet, axis); err != nil || fx != "" {
					t.Errorf("%s, %s!%s %q: formula %q (%v)", what, sheet, axis, v, fx, err)
				}
			}
		}
	}
	for _, h := range hostileTexts {
		seen := false
		for v := range found {
			seen = seen || strings.Contains(v, h)
		}
		if !seen {
			t.Errorf("%s: %q is in no cell", what, h)
		}
	}
}

// TestWriters_FormulaLikeTextStaysText: names, units and notes that start
// with =, +, - or @ are written as strings, never as formulas, by the
// nomination list, the report of rejected rows and the import template.
func TestWriters_FormulaLikeTextStaysText(t *testing.T) {
	in := docs.SampleDossier(8)
	for i := range in.Nominees {
		h := hostileTexts[i%len(hostileTexts)]
		in.Nominees[i].Person.FullName = h
		in.Nominees[i].Person.Position = h
		in.Nominees[i].Nominee.Eligible, in.Nominees[i].Nominee.Justification = false, h // the Ghi chú cell
	}
	var buf bytes.Buffer
	if err := WriteNominationList(in, &buf); err != nil {
		t.Fatal(err)
	}
	checkNoFormulaFrom(t, "WriteNominationList", buf.Bytes())

	buf.Reset()
	rep := Report{Headers: []string{"Mã cán bộ", "Họ và tên"}}
	for i, h := range hostileTexts {
		rep.Rows = append(rep.Rows, ReportRow{Num: i + 2, Values: []string{"CB01", h},
			Issues: []ReportIssue{{Col: 1, Column: "Họ và tên", Reason: h}}})
	}
	if err := WriteReport(rep, &buf); err != nil {
		t.Fatal(err)
	}
	checkNoFormulaFrom(t, "WriteReport", buf.Bytes())

	buf.Reset()
	spec := Spec{Sheet: "Cán bộ", Columns: []Column{
		{Name: "Họ và tên", Example: hostileTexts[0]},
		{Name: "Đơn vị công tác", Choices: hostileTexts[1:], Example: hostileTexts[1]},
	}}
	if err := WriteTemplate(spec, &buf); err != nil {
		t.Fatal(err)
	}
	checkNoFormulaFrom(t, "WriteTemplate", buf.Bytes())
}
