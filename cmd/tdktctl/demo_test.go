package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun_DemoOffice(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dng.db")
	code, out, errw := ctl(t, nil, "--db", db, "demo", "--staff", "20", "--office", "dng")
	if code != 0 || !strings.Contains(out, "Bảo hiểm xã hội thành phố Đà Nẵng (DNG)") {
		t.Fatalf("demo --office dng: %d %q %s", code, out, errw)
	}
	code, out, errw = ctl(t, admin, "--db", db, "eligibility", "--year", "2025", "--json")
	if code != 0 {
		t.Fatalf("eligibility: %d %s", code, errw)
	}
	var vs []struct {
		Subject string `json:"subject"`
		Code    string `json:"code"`
	}
	if err := json.Unmarshal([]byte(out), &vs); err != nil || len(vs) == 0 {
		t.Fatalf("not a JSON array: %v\n%.300s", err, out)
	}
	staff := 0
	for _, v := range vs {
		if !strings.HasPrefix(v.Code, "DNG") {
			t.Errorf("verdict for %s %s in the Đà Nẵng office", v.Subject, v.Code)
		}
		if len(v.Code) == 7 {
			staff++
		}
	}
	if staff == 0 || !strings.Contains(out, `"DNG0005"`) {
		t.Errorf("no verdict names a DNG staff code:\n%.300s", out)
	}

	// An unknown code: usage error, with the codes to choose from.
	code, _, errw = ctl(t, nil, "--db", filepath.Join(dir, "x.db"), "demo", "--staff", "20", "--office", "XXX")
	if code != 2 || !strings.Contains(errw, "Đơn vị mẫu") || !strings.Contains(errw, `"XXX"`) || !strings.Contains(errw, "DNG (Đà Nẵng)") || !strings.Contains(errw, "HCM") {
		t.Fatalf("demo --office XXX: %d %q", code, errw)
	}
}
