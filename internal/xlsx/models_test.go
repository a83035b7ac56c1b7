package xlsx

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// The models' list: one row per model with its record, the share of the
// delegates called as a live formula that calculates to the same value,
// the result against the threshold and the delegate mark.
func TestWriteModels(t *testing.T) {
	m := func(kind domain.SubjectKind, code, name string, votes int, voted, delegate bool) domain.ExemplaryModel {
		return domain.ExemplaryModel{ExemplaryCandidate: domain.ExemplaryCandidate{Subject: domain.Subject{Kind: kind, Code: code}, Name: name, Unit: "Văn phòng",
			Reasons: []domain.ModelReason{{Text: "Chiến sĩ thi đua cấp bộ, ngành năm 2023"}, {Text: "Sáng kiến phạm vi bộ, ngành"}}}, Voted: voted, VotesFor: votes, Delegate: delegate}
	}
	in := docs.ModelsInput{Profile: domain.OfficeProfile{UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh"}, Period: domain.Period{FromYear: 2020, ToYear: 2025},
		Conference: domain.Conference{Members: 60, Present: 57}, Threshold: 50,
		Models: []domain.ExemplaryModel{m(domain.SubjectCollective, "HT01", "Phòng Thu", 45, true, false), m(domain.SubjectPerson, "HT001", "Lê Thị Ánh", 30, true, true),
			m(domain.SubjectPerson, "HT002", "Trần Văn Bình", 0, false, false)}}
	var buf bytes.Buffer
	if err := WriteModels(in, &buf); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, buf.Bytes())
	rows, err := f.GetRows(SheetModels)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []struct {
		name, kind, result, delegate string
		pct                          float64
	}{{"Phòng Thu", "Tập thể", "Đạt", "", 75}, {"Lê Thị Ánh", "Cá nhân", "Không đạt", "x", 50}, {"Trần Văn Bình", "Cá nhân", "Chưa bầu", "", -1}} {
		r := rowOf(t, f, SheetModels, 2, want.name)
		row := rows[r-1]
		if row[2] != want.kind || row[7] != want.result || (want.delegate != "" && row[8] != want.delegate) || !strings.Contains(row[4], "Sáng kiến phạm vi bộ, ngành") {
			t.Errorf("model %d: %q", i, row)
		}
		cell := "G" + strconv.Itoa(r)
		if want.pct < 0 {
			if fm := formulaOf(t, f, SheetModels, cell); fm != "" {
				t.Errorf("%s: a share for a model not voted on: %q", cell, fm)
			}
			continue
		}
		if got := calc(t, f, SheetModels, cell); got != strconv.FormatFloat(want.pct, 'f', -1, 64) {
			t.Errorf("%s calculates to %q, want %v", cell, got, want.pct)
		}
	}
}
