package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun_ExportCertificates(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errw := ctl(t, nil, "--db", db, "demo", "--staff", "40", "--seed", "1"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	out := filepath.Join(dir, "Giấy khen.pdf")
	code, stdout, errw := ctl(t, admin, "--db", db, "export", "certificates", "--round", "1", "--out", out, "--decision", "15", "--date", "10/01/2026")
	if code != 0 || !strings.Contains(stdout, out) {
		t.Fatalf("export certificates: %d %q %s", code, stdout, errw)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("certificates file: %v", err)
	}
	cal := filepath.Join(dir, "căn chỉnh.pdf")
	if code, _, errw := ctl(t, admin, "--db", db, "export", "certificates", "--calibration", "--out", cal); code != 0 {
		t.Fatalf("calibration: %d %s", code, errw)
	}
	if b, err := os.ReadFile(cal); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("calibration file: %v", err)
	}
	for _, args := range [][]string{
		{"export", "certificates", "--out", out},
		{"export", "certificates", "--round", "99", "--out", out},
		{"export", "certificates", "--round", "1", "--out", filepath.Join(dir, "x.xlsx")},
		{"export", "certificates", "--round", "1", "--date", "31/02/2026", "--out", out},
	} {
		if code, _, errw := ctl(t, admin, append([]string{"--db", db}, args...)...); code != 2 || errw == "" {
			t.Errorf("%v: %d %q", args, code, errw)
		}
	}
	// A round with no passed Giấy khen fails and writes nothing.
	if code, _, errw := ctl(t, admin, "--db", db, "round", "create", "--year", "2026", "--kind", "dot-xuat"); code != 0 {
		t.Fatalf("round create: %d %s", code, errw)
	}
	none := filepath.Join(dir, "none.pdf")
	if code, _, errw := ctl(t, admin, "--db", db, "export", "certificates", "--round", "2", "--out", none); code == 0 || !strings.Contains(errw, "Giấy khen") {
		t.Errorf("empty round: %d %q", code, errw)
	}
	if _, err := os.Stat(none); err == nil {
		t.Error("an empty round wrote a file")
	}
}
