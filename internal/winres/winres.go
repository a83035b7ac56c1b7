// Package winres makes the Windows resources of the executables: the icon
// (from assets/Icon.png), the version information (from FyneApp.toml) and
// the application manifest, written as a .syso object that `go build`
// links into a windows/amd64 binary. It runs on the build machine (Linux),
// so every step is plain Go.
package winres

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/josephspurrier/goversioninfo"
	"golang.org/x/image/draw"
)

// Meta is the part of FyneApp.toml the resources need.
type Meta struct {
	Name    string
	ID      string
	Version string // "0.1.0"
	Build   int
}

// ParseFyneApp reads the [Details] values of a FyneApp.toml. It accepts the
// simple key = value lines fyne writes, which is all the file holds.
func ParseFyneApp(r io.Reader) (Meta, error) {
	var m Meta
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.Trim(strings.TrimSpace(v), `"`)
		switch k {
		case "Name":
			m.Name = v
		case "ID":
			m.ID = v
		case "Version":
			m.Version = v
		case "Build":
			n, err := strconv.Atoi(v)
			if err != nil {
				return m, fmt.Errorf("FyneApp.toml: Build %q is not a number", v)
			}
			m.Build = n
		}
	}
	if err := sc.Err(); err != nil {
		return m, err
	}
	if m.Name == "" || m.Version == "" {
		return m, fmt.Errorf("FyneApp.toml: Name and Version are required")
	}
	if _, err := goversioninfo.NewFileVersion(m.Version); err != nil {
		return m, fmt.Errorf("FyneApp.toml: Version %q: %w", m.Version, err)
	}
	return m, nil
}

// IconSizes are the sizes Explorer, the taskbar and the Start menu ask for.
var IconSizes = []int{16, 24, 32, 48, 64, 256}

// ICO encodes the PNG image at each size (square) into a Windows icon file
// whose entries are PNG images, as Windows Vista and later accept.
func ICO(src []byte, sizes []int) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("icon: %w", err)
	}
	var images [][]byte
	for _, s := range sizes {
		if s < 1 || s > 256 {
			return nil, fmt.Errorf("icon size %d: must be 1–256", s)
		}
		dst := image.NewNRGBA(image.Rect(0, 0, s, s))
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Over, nil)
		var b bytes.Buffer
		if err := png.Encode(&b, dst); err != nil {
			return nil, err
		}
		images = append(images, b.Bytes())
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	hdr := make([]byte, 6)
	le.PutUint16(hdr[2:], 1) // type: icon
	le.PutUint16(hdr[4:], uint16(len(sizes)))
	out.Write(hdr)
	offset := 6 + 16*len(sizes)
	for i, s := range sizes {
		e := make([]byte, 16)
		e[0], e[1] = byte(s%256), byte(s%256) // 0 means 256
		le.PutUint16(e[4:], 1)                // colour planes
		le.PutUint16(e[6:], 32)               // bits per pixel
		le.PutUint32(e[8:], uint32(len(images[i])))
		le.PutUint32(e[12:], uint32(offset))
		offset += len(images[i])
		out.Write(e)
	}
	for _, im := range images {
		out.Write(im)
	}
	return out.Bytes(), nil
}

// Manifest is the application manifest: run as the invoking user (never
// ask for administrator rights, which office clerks do not have), UTF-8 as
// the process code page (Vietnamese paths and console text), and per-monitor
// DPI awareness for the window.
func Manifest(m Meta, exe string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="` + m.ID + `.` + strings.TrimSuffix(exe, ".exe") + `" version="` + fourPart(m) + `"/>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security><requestedPrivileges><requestedExecutionLevel level="asInvoker" uiAccess="false"/></requestedPrivileges></security>
  </trustInfo>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application><supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/></application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <activeCodePage xmlns="http://schemas.microsoft.com/SMI/2019/WindowsSettings">UTF-8</activeCodePage>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2, PerMonitor</dpiAwareness>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true</dpiAware>
    </windowsSettings>
  </application>
</assembly>
`)
}

func fourPart(m Meta) string {
	v := m.Version
	for strings.Count(v, ".") < 2 {
		v += ".0"
	}
	return v + "." + strconv.Itoa(m.Build)
}

// Options describe one executable.
type Options struct {
	Exe         string // original file name, "tdkt.exe"
	Description string // FileDescription shown by Explorer
	Icon        []byte // PNG
	Company     string
	Copyright   string
}

// WriteSyso writes the .syso resource object for one windows/amd64 executable.
func WriteSyso(m Meta, o Options, out string) error {
	tmp, err := os.MkdirTemp("", "winres-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	ico, err := ICO(o.Icon, IconSizes)
	if err != nil {
		return err
	}
	icoPath, manPath := filepath.Join(tmp, "app.ico"), filepath.Join(tmp, "app.manifest")
	if err := os.WriteFile(icoPath, ico, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(manPath, Manifest(m, o.Exe), 0o644); err != nil {
		return err
	}
	fv, err := goversioninfo.NewFileVersion(fourPart(m))
	if err != nil {
		return err
	}
	vi := &goversioninfo.VersionInfo{
		IconPath:     icoPath,
		ManifestPath: manPath,
	}
	vi.FixedFileInfo.FileVersion, vi.FixedFileInfo.ProductVersion = fv, fv
	vi.FixedFileInfo.FileFlagsMask, vi.FixedFileInfo.FileOS, vi.FixedFileInfo.FileType = "3f", "040004", "01"
	vi.StringFileInfo = goversioninfo.StringFileInfo{
		CompanyName: o.Company, FileDescription: o.Description, FileVersion: fourPart(m),
		InternalName: strings.TrimSuffix(o.Exe, ".exe"), LegalCopyright: o.Copyright, OriginalFilename: o.Exe,
		ProductName: m.Name, ProductVersion: m.Version,
	}
	// 0x042A: Vietnamese; 0x04B0: Unicode (UTF-16) strings.
	vi.VarFileInfo.Translation = goversioninfo.Translation{LangID: 0x042A, CharsetID: 0x04B0}
	vi.Build()
	vi.Walk()
	return vi.WriteSyso(out, "amd64")
}
