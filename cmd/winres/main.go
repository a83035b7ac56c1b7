// Command winres writes the Windows resource object (icon, version
// information, manifest) of one executable before `make windows` builds it:
//
//	go run ./cmd/winres -exe tdkt.exe -desc "Thi đua - Khen thưởng" -out cmd/tdkt/rsrc_windows_amd64.syso
//
// It is a build tool; the .syso it writes is not committed.
package main

import (
	"flag"
	"fmt"
	"os"

	"tdkt/internal/winres"
)

func main() {
	app := flag.String("app", "FyneApp.toml", "FyneApp.toml to read the name and version from")
	icon := flag.String("icon", "assets/Icon.png", "PNG icon")
	exe := flag.String("exe", "", "original file name, e.g. tdkt.exe")
	desc := flag.String("desc", "", "file description")
	out := flag.String("out", "", "the .syso to write")
	ico := flag.String("ico", "", "also write the icon as a .ico file here (for the installer)")
	flag.Parse()
	if *exe == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "winres: -exe and -out are required")
		os.Exit(2)
	}
	if err := run(*app, *icon, *exe, *desc, *out, *ico); err != nil {
		fmt.Fprintln(os.Stderr, "winres:", err)
		os.Exit(1)
	}
}

func run(app, icon, exe, desc, out, icoOut string) error {
	f, err := os.Open(app)
	if err != nil {
		return err
	}
	defer f.Close()
	m, err := winres.ParseFyneApp(f)
	if err != nil {
		return err
	}
	png, err := os.ReadFile(icon)
	if err != nil {
		return err
	}
	if icoOut != "" {
		ico, err := winres.ICO(png, winres.IconSizes)
		if err != nil {
			return err
		}
		if err := os.WriteFile(icoOut, ico, 0o644); err != nil {
			return err
		}
	}
	return winres.WriteSyso(m, winres.Options{
		Exe: exe, Description: desc, Icon: png,
		Company:   "Bảo hiểm xã hội Việt Nam",
		Copyright: "Phần mềm dùng trong ngành Bảo hiểm xã hội Việt Nam",
	}, out)
}
