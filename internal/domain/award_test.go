package domain

import "testing"

// An award is decided on its decision's date; without one, on the first
// day its year's awards could be, in the year after.
func TestAwardRecord_DecidedOn(t *testing.T) {
	if got := (AwardRecord{Year: 2024, DecisionDate: NewDate(2025, 2, 20)}).DecidedOn(); got != NewDate(2025, 2, 20) {
		t.Errorf("with a date: %v", got)
	}
	if got := (AwardRecord{Year: 2024}).DecidedOn(); got != NewDate(2025, 1, 1) {
		t.Errorf("without a date: %v", got)
	}
}
