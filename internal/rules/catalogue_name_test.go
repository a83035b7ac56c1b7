package rules

import "testing"

func TestCatalogue_AwardName(t *testing.T) {
	c := DefaultCatalogue()
	if got := c.AwardName(AwardCSTDCS); got != "Chiến sĩ thi đua cơ sở" {
		t.Errorf("AwardName(CSTDCS) = %q", got)
	}
	if got := c.AwardName("KHONG_CO"); got != "KHONG_CO" {
		t.Errorf("an unknown code reads as itself, got %q", got)
	}
}
