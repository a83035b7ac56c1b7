package xlsx

import (
	"bytes"
	"strconv"
	"testing"

	"tdkt/internal/docs"
)

// The sector's list: every office's models, and per office the models,
// the selected and the delegates, with totals that are live formulas
// calculating to the sums.
func TestWriteCentralModels(t *testing.T) {
	in := docs.CentralModelsInput{From: 2020, To: 2025, Models: []docs.CentralModel{
		{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Collective: true, Code: "HTI-VP", Name: "Văn phòng", Reasons: []string{"3 năm TTLĐXS"}, Pct: 80, Selected: true},
		{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Code: "HTI0001", Name: "Lê Thị Ánh", SubUnit: "Văn phòng", Reasons: []string{"CSTĐ cấp bộ 2023"}, Pct: 75, Selected: true, Delegate: true},
		{UnitCode: "HNO", UnitName: "Bảo hiểm xã hội thành phố Hà Nội", Code: "HNO0002", Name: "Trần Văn Bình", Reasons: []string{"Bằng khen Thủ tướng 2024"}, Pct: 40},
	}}
	var buf bytes.Buffer
	if err := WriteCentralModels(in, &buf); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, buf.Bytes())
	if r := rowOf(t, f, SheetCentralModels, 3, "Trần Văn Bình"); r == 0 {
		t.Fatal("model missing")
	}
	hti := rowOf(t, f, SheetCentralOffices, 2, "HTI")
	rows, _ := f.GetRows(SheetCentralOffices)
	if got := rows[hti-1][3:6]; got[0] != "2" || got[1] != "2" || got[2] != "1" {
		t.Errorf("HTI counts %q", got)
	}
	total := rowOf(t, f, SheetCentralOffices, 3, "Toàn ngành")
	for i, want := range []int{3, 2, 1} {
		cell := string(rune('D'+i)) + strconv.Itoa(total)
		if got := calc(t, f, SheetCentralOffices, cell); got != strconv.Itoa(want) {
			t.Errorf("%s calculates to %s, want %d", cell, got, want)
		}
		if formulaOf(t, f, SheetCentralOffices, cell) == "" {
			t.Errorf("%s is not a formula", cell)
		}
	}
}
