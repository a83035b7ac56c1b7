package winres

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// Info is what a check of a built executable needs to know: it is a
// 64-bit Windows program of the right kind, with icon, manifest and version.
type Info struct {
	Machine   string // "amd64"
	GUI       bool   // Windows GUI subsystem (no console window)
	Console   bool
	Icons     int // RT_ICON entries
	HasGroup  bool
	Manifest  string
	Version   map[string]string // StringFileInfo: FileDescription, FileVersion…
	FixedFile string            // "0.1.0.1" from VS_FIXEDFILEINFO
}

// Inspect reads a PE executable's headers and resources.
func Inspect(r io.ReaderAt) (Info, error) {
	f, err := pe.NewFile(r)
	if err != nil {
		return Info{}, fmt.Errorf("not a PE file: %w", err)
	}
	defer f.Close()
	var info Info
	if f.Machine == pe.IMAGE_FILE_MACHINE_AMD64 {
		info.Machine = "amd64"
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return info, errors.New("not a 64-bit executable")
	}
	info.GUI = oh.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
	info.Console = oh.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_CUI
	sec := f.Section(".rsrc")
	if sec == nil {
		return info, errors.New("no .rsrc section: icon and version information missing")
	}
	data, err := sec.Data()
	if err != nil {
		return info, err
	}
	leaves, err := resourceLeaves(data, sec.VirtualAddress)
	if err != nil {
		return info, err
	}
	for _, l := range leaves {
		switch l.typ {
		case rtIcon:
			info.Icons++
		case rtGroupIcon:
			info.HasGroup = true
		case rtManifest:
			info.Manifest = string(l.data)
		case rtVersion:
			info.Version = map[string]string{}
			if err := parseVersion(l.data, &info); err != nil {
				return info, fmt.Errorf("version resource: %w", err)
			}
		}
	}
	return info, nil
}

type leaf struct {
	typ  uint32
	data []byte
}

// resourceLeaves walks the three-level resource tree (type, name, language).
func resourceLeaves(sec []byte, base uint32) ([]leaf, error) {
	le := binary.LittleEndian
	var out []leaf
	var walk func(off uint32, depth int, typ uint32) error
	walk = func(off uint32, depth int, typ uint32) error {
		if depth > 3 || int(off)+16 > len(sec) {
			return errors.New("damaged resource directory")
		}
		n := int(le.Uint16(sec[off+12:])) + int(le.Uint16(sec[off+14:]))
		for i := 0; i < n; i++ {
			e := off + 16 + uint32(i)*8
			if int(e)+8 > len(sec) {
				return errors.New("damaged resource entry")
			}
			id, target := le.Uint32(sec[e:]), le.Uint32(sec[e+4:])
			t := typ
			if depth == 0 {
				t = id
			}
			if target&0x80000000 != 0 {
				if err := walk(target&0x7fffffff, depth+1, t); err != nil {
					return err
				}
				continue
			}
			if int(target)+16 > len(sec) {
				return errors.New("damaged resource data entry")
			}
			rva, size := le.Uint32(sec[target:]), le.Uint32(sec[target+4:])
			start := rva - base
			if rva < base || int(start)+int(size) > len(sec) {
				return errors.New("resource data outside .rsrc")
			}
			out = append(out, leaf{t, sec[start : start+size]})
		}
		return nil
	}
	return out, walk(0, 0, 0)
}

// parseVersion reads VS_VERSIONINFO: nested blocks of
// {wLength, wValueLength, wType, szKey, padding, Value, padding, Children}.
func parseVersion(b []byte, info *Info) error {
	le := binary.LittleEndian
	var block func(b []byte, path string) error
	block = func(b []byte, path string) error {
		if len(b) < 6 {
			return errors.New("short block")
		}
		length, valLen, typ := int(le.Uint16(b)), int(le.Uint16(b[2:])), le.Uint16(b[4:])
		if length > len(b) || length < 6 {
			return errors.New("bad block length")
		}
		b = b[:length]
		key, p := utf16z(b, 6)
		p = align4(p)
		var value []byte
		if typ == 1 {
			value = b[p:min(p+valLen*2, len(b))]
		} else {
			value = b[p:min(p+valLen, len(b))]
		}
		switch {
		case key == "VS_VERSION_INFO" && len(value) >= 52:
			ms, ls := le.Uint32(value[8:]), le.Uint32(value[12:])
			info.FixedFile = fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
		case strings.Count(path, "/") == 3 && typ == 1: // VS_VERSION_INFO/StringFileInfo/<lang>/<key>
			s, _ := utf16z(value, 0)
			info.Version[key] = s
		}
		p = align4(p + len(value))
		for p+6 <= len(b) {
			n := int(le.Uint16(b[p:]))
			if n == 0 || p+n > len(b) {
				break
			}
			if err := block(b[p:p+n], path+"/"+key); err != nil {
				return err
			}
			p = align4(p + n)
		}
		return nil
	}
	return block(b, "")
}

func utf16z(b []byte, p int) (string, int) {
	var u []uint16
	for p+1 < len(b) {
		c := binary.LittleEndian.Uint16(b[p:])
		p += 2
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u)), p
}

func align4(p int) int { return (p + 3) &^ 3 }
