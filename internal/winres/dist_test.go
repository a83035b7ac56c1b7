package winres

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuiltWindows checks what `make windows installer` produced, when
// TDKT_WINDIR (and TDKT_SETUP) point at it: `make check-windows` sets them.
// Windows programs cannot run here (Wine lacks what Go ≥ 1.22 needs at
// start-up), so the checks are static: kind of executable, resources,
// and the installer's file list and script.
func TestBuiltWindows(t *testing.T) {
	dir := os.Getenv("TDKT_WINDIR")
	if dir == "" {
		t.Skip("TDKT_WINDIR not set: run make check-windows")
	}
	scenarios := []struct {
		exe, desc string
		gui       bool
	}{
		{"tdkt.exe", "Thi đua - Khen thưởng", true},
		{"tdktctl.exe", "Thi đua - Khen thưởng (dòng lệnh)", false},
	}
	for _, sc := range scenarios {
		f, err := os.Open(filepath.Join(dir, sc.exe))
		if err != nil {
			t.Fatal(err)
		}
		info, err := Inspect(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", sc.exe, err)
		}
		if info.Machine != "amd64" || info.GUI != sc.gui || info.Console == sc.gui {
			t.Errorf("%s: machine %s, GUI %v, console %v", sc.exe, info.Machine, info.GUI, info.Console)
		}
		if info.Icons < 4 || !info.HasGroup {
			t.Errorf("%s: %d icons, group %v", sc.exe, info.Icons, info.HasGroup)
		}
		if !strings.Contains(info.Manifest, "asInvoker") {
			t.Errorf("%s: manifest does not run as invoker", sc.exe)
		}
		if info.Version["FileDescription"] != sc.desc || info.Version["OriginalFilename"] != sc.exe || info.Version["ProductVersion"] == "" {
			t.Errorf("%s: version strings %v", sc.exe, info.Version)
		}
	}
	readme, err := os.ReadFile(filepath.Join(dir, "README.txt"))
	if err != nil || !strings.Contains(string(readme), "\r\n") || strings.Contains(strings.ReplaceAll(string(readme), "\r\n", ""), "\n") {
		t.Errorf("README.txt must have Windows line endings: %v", err)
	}

	setup := os.Getenv("TDKT_SETUP")
	if setup == "" {
		return
	}
	if !strings.Contains(filepath.Base(setup), "-setup.exe") {
		t.Errorf("installer name %s lacks the version pattern tdkt-<version>-setup.exe", setup)
	}
	sevenZip, err := exec.LookPath("7z")
	if err != nil {
		t.Fatal("7z not installed: scripts/deps.sh windows installs it")
	}
	out, err := exec.Command(sevenZip, "l", "-ba", setup).CombinedOutput()
	if err != nil {
		t.Fatalf("7z l: %v\n%s", err, out)
	}
	list := string(out)
	for _, want := range []string{"tdkt.exe", "tdktctl.exe", "README.txt", "uninstall.exe"} {
		if !strings.Contains(list, want) {
			t.Errorf("installer lacks %s:\n%s", want, list)
		}
	}
	// Shortcuts are made when the installer runs, so they are not files in
	// the archive: check the script that makes them instead.
	nsi, err := os.ReadFile(filepath.Join("..", "..", "packaging", "windows", "tdkt.nsi"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"RequestExecutionLevel user", `$LOCALAPPDATA\Programs\TDKT`,
		`CreateShortCut "$SMPROGRAMS\TDKT\${SHORTCUT}"`, `!define SHORTCUT "Thi đua - Khen thưởng.lnk"`, "/SD IDNO IDNO done"} {
		if !strings.Contains(string(nsi), want) {
			t.Errorf("installer script lacks %q", want)
		}
	}
}
