package domain

import (
	"reflect"
	"testing"
)

func sheetCrit(code, parent string, max float64, m ScoringMethod) Criterion {
	return Criterion{Code: code, ParentCode: parent, Name: "Tiêu chí " + code, MaxPoints: max, Method: m}
}

// sheetTable: I (60) with I.1–I.3; II (40) with II.1 (group without its
// own maximum: II.1.a, II.1.b) and II.2; III (no maximum) with a bonus and
// a penalty.
func sheetTable() []Criterion {
	return []Criterion{
		sheetCrit("II.2", "II", 20, MethodManual), // out of order on purpose
		sheetCrit("I", "", 60, ""),
		sheetCrit("I.1", "I", 30, MethodProportional),
		sheetCrit("I.2", "I", 20, MethodProportional),
		sheetCrit("I.3", "I", 10, MethodPassFail),
		sheetCrit("II", "", 40, ""),
		sheetCrit("II.1", "II", 0, ""),
		sheetCrit("II.1.a", "II.1", 10, MethodManual),
		sheetCrit("II.1.b", "II.1", 10, MethodManual),
		sheetCrit("III", "", 8, ""), // bonus and penalty only: off the scale
		sheetCrit("III.1", "III", 3, MethodBonus),
		sheetCrit("III.2", "III", 5, MethodPenalty),
	}
}

func TestScoreSheet_TreeTotalsAndMaxima(t *testing.T) {
	s := NewScoreSheet(sheetTable(), []SelfScore{
		{Code: "I.1", Score: 30, Note: "Đạt 101,2%", Attachments: []string{"bc.pdf"}}, {Code: "I.2", Score: 19.5}, {Code: "I.3", Score: 8},
		{Code: "II.1.a", Score: 10}, {Code: "II.1.b", Score: 8}, {Code: "II.2", Score: 15},
		{Code: "III.1", Score: 2}, {Code: "III.2", Score: -1},
	})
	var codes []string
	for _, l := range s.Lines {
		codes = append(codes, l.Criterion.Code)
	}
	if want := []string{"I", "I.1", "I.2", "I.3", "II", "II.1", "II.1.a", "II.1.b", "II.2", "III", "III.1", "III.2"}; !reflect.DeepEqual(codes, want) {
		t.Fatalf("tree order %v, want %v", codes, want)
	}
	if s.Total != 91.5 || s.Max != 100 {
		t.Errorf("total %v / %v, want 91.5 / 100 (the penalty subtracts; bonus and penalty add nothing to the scale)", s.Total, s.Max)
	}
	for i, want := range map[int]float64{0: 57.5, 4: 33, 5: 18, 9: 1} {
		if l := s.Lines[i]; !l.Group || !l.HasScore || l.Score != want {
			t.Errorf("group %s: %+v, want the sum %v", l.Criterion.Code, l, want)
		}
	}
	if l := s.Lines[1]; l.Note != "Đạt 101,2%" || len(l.Evidence) != 1 || l.Depth != 1 {
		t.Errorf("I.1: %+v", l)
	}
	if got := s.Leaves(4); !reflect.DeepEqual(got, []int{6, 7, 8}) {
		t.Errorf("leaves of II: %v", got)
	}
	if got := s.Leaves(2); !reflect.DeepEqual(got, []int{2}) {
		t.Errorf("a criterion is its own leaf: %v", got)
	}
	if got := s.LineMax(5); got != 20 {
		t.Errorf("a group without a maximum sums its criteria's: %v", got)
	}
	if got := s.LineMax(10); got != 3 {
		t.Errorf("a bonus criterion prints its own maximum: %v", got)
	}
	if got := s.scaleMax(9); got != 0 {
		t.Errorf("a group of bonus and penalty points adds nothing to the scale: %v", got)
	}
	if len(s.OutOfRange)+len(s.Orphans) != 0 {
		t.Errorf("nothing to report, got %+v %+v", s.OutOfRange, s.Orphans)
	}
}

// TestScoreSheet_ScoresOutOfRangeCountNowhere: scores carried over from an
// older table that no longer fit (a penalty stored as +2, a score above the
// new maximum, a code gone, a score on what is now a group) are listed and
// counted nowhere, neither in their group nor in the total.
func TestScoreSheet_ScoresOutOfRangeCountNowhere(t *testing.T) {
	s := NewScoreSheet(sheetTable(), []SelfScore{
		{Code: "I.1", Score: 30},
		{Code: "I.2", Score: 25},    // above 20
		{Code: "III.2", Score: 2},   // a penalty must be between -5 and 0
		{Code: "IV.9", Score: 7},    // no such criterion
		{Code: "II.1", Score: 4},    // a group has no score of its own
		{Code: "II.1.a", Score: -1}, // below 0
	})
	if s.Total != 30 {
		t.Errorf("total %v, want 30 (only I.1 counts)", s.Total)
	}
	if s.Lines[0].Score != 30 || s.Lines[9].HasScore {
		t.Errorf("group I %v, group III %+v", s.Lines[0].Score, s.Lines[9])
	}
	var out, orphans []string
	for _, sc := range s.OutOfRange {
		out = append(out, sc.Code)
	}
	for _, sc := range s.Orphans {
		orphans = append(orphans, sc.Code)
	}
	if !reflect.DeepEqual(out, []string{"I.2", "III.2", "II.1.a"}) || !reflect.DeepEqual(orphans, []string{"IV.9", "II.1"}) {
		t.Errorf("out of range %v, orphans %v", out, orphans)
	}
}
