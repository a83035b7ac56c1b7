package winres

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tdkt/assets"
)

func TestParseFyneApp(t *testing.T) {
	m, err := ParseFyneApp(strings.NewReader("Website = \"x\"\n[Details]\n  Icon = \"assets/Icon.png\"\n  Name = \"Thi đua - Khen thưởng\"\n  ID = \"vn.x\"\n  Version = \"1.2.3\"\n  Build = 7\n"))
	if err != nil || m.Name != "Thi đua - Khen thưởng" || m.Version != "1.2.3" || m.Build != 7 || m.ID != "vn.x" {
		t.Fatalf("%+v %v", m, err)
	}
	if fourPart(m) != "1.2.3.7" || fourPart(Meta{Version: "1", Build: 2}) != "1.0.0.2" {
		t.Fatal("fourPart")
	}
	for _, bad := range []string{"Name = \"x\"\n", "Version = \"1.0.0\"\n", "Name=\"x\"\nVersion=\"1.0\"\nBuild=abc\n"} {
		if _, err := ParseFyneApp(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	f, err := os.Open("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ParseFyneApp(f); err != nil {
		t.Fatalf("the project's FyneApp.toml: %v", err)
	}
}

func TestICO(t *testing.T) {
	ico, err := ICO(assets.Icon, IconSizes)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if le.Uint16(ico[0:]) != 0 || le.Uint16(ico[2:]) != 1 || int(le.Uint16(ico[4:])) != len(IconSizes) {
		t.Fatalf("header % x", ico[:6])
	}
	for i, s := range IconSizes {
		e := ico[6+16*i:]
		w := int(e[0])
		if w == 0 {
			w = 256
		}
		size, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		img, err := png.Decode(bytes.NewReader(ico[off : off+size]))
		if err != nil || w != s || img.Bounds().Dx() != s || img.Bounds().Dy() != s {
			t.Fatalf("entry %d: width byte %d, want %d; image %v %v", i, w, s, img.Bounds(), err)
		}
	}
	if _, err := ICO([]byte("not a png"), IconSizes); err == nil {
		t.Fatal("accepted a non-PNG icon")
	}
}

// TestWriteSyso_LinksIntoAWindowsExecutable builds a small windows/amd64
// program with the generated resources and reads them back from the PE.
func TestWriteSyso_LinksIntoAWindowsExecutable(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go tool not available")
	}
	dir := t.TempDir()
	m := Meta{Name: "Thi đua - Khen thưởng", ID: "vn.gov.baohiemxahoi.tdkt", Version: "0.1.0", Build: 3}
	if err := WriteSyso(m, Options{Exe: "tdktctl.exe", Description: "Thi đua - Khen thưởng (dòng lệnh)", Icon: assets.Icon,
		Company: "Bảo hiểm xã hội Việt Nam"}, filepath.Join(dir, "rsrc_windows_amd64.syso")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hello\n\ngo 1.22\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() { println(\"xin chào\") }\n"), 0o644)
	exe := filepath.Join(dir, "hello.exe")
	cmd := exec.Command("go", "build", "-o", exe, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	f, err := os.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := Inspect(f)
	if err != nil {
		t.Fatal(err)
	}
	if info.Machine != "amd64" || !info.Console || info.GUI {
		t.Fatalf("kind: %+v", info)
	}
	if info.Icons != len(IconSizes) || !info.HasGroup {
		t.Fatalf("icons: %d, group %v", info.Icons, info.HasGroup)
	}
	if !strings.Contains(info.Manifest, `level="asInvoker"`) || !strings.Contains(info.Manifest, "UTF-8") {
		t.Fatalf("manifest: %s", info.Manifest)
	}
	want := map[string]string{"FileDescription": "Thi đua - Khen thưởng (dòng lệnh)", "ProductName": "Thi đua - Khen thưởng",
		"FileVersion": "0.1.0.3", "ProductVersion": "0.1.0", "OriginalFilename": "tdktctl.exe", "CompanyName": "Bảo hiểm xã hội Việt Nam"}
	for k, v := range want {
		if info.Version[k] != v {
			t.Errorf("version %s = %q, want %q", k, info.Version[k], v)
		}
	}
	if info.FixedFile != "0.1.0.3" {
		t.Errorf("fixed file version %q", info.FixedFile)
	}
}

func TestInspect_RejectsNonPE(t *testing.T) {
	if _, err := Inspect(bytes.NewReader([]byte("MZ not really"))); err == nil {
		t.Fatal("accepted garbage")
	}
}
