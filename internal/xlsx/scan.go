package xlsx

import (
	"bytes"
	"encoding/xml"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Why this file exists: excelize's row stream decodes a sheet with
// encoding/xml, slowly and with many allocations, and gives values only;
// asking excelize for a cell's type or style then makes it parse the whole
// sheet again into its object model. A 10,000-row staff file paid more
// than a second for that. The parts of a worksheet this package needs (the
// <row> and <c> tags with their r, s and t attributes, the <v> values and
// inline <is> strings, the shared string table) are simple enough for a
// byte scan that reads everything in one pass. The scan refuses anything
// unusual (CDATA, unknown entities, cells out of order, parts kept on
// disk), and the caller then reads the sheet through excelize.

// sheetXML returns the raw XML of sheet as the workbook stores it, or nil
// when it cannot be found in memory (a huge sheet kept in a temporary file,
// an unusual package layout).
func sheetXML(f *excelize.File, sheet string) []byte {
	load := func(name string) []byte {
		if v, ok := f.Pkg.Load(name); ok {
			if b, ok := v.([]byte); ok {
				return b
			}
		}
		return nil
	}
	type rel struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	}
	type rels struct {
		Rel []rel `xml:"Relationship"`
	}
	wbPath := "xl/workbook.xml"
	var root rels
	if xml.Unmarshal(load("_rels/.rels"), &root) == nil {
		for _, r := range root.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if xml.Unmarshal(load(wbPath), &wb) != nil {
		return nil
	}
	rid := ""
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				rid = a.Value
			}
		}
	}
	dir := path.Dir(wbPath)
	var wbRels rels
	if rid == "" || xml.Unmarshal(load(path.Join(dir, "_rels", path.Base(wbPath)+".rels")), &wbRels) != nil {
		return nil
	}
	for _, r := range wbRels.Rel {
		if r.ID != rid {
			continue
		}
		if strings.HasPrefix(r.Target, "/") {
			return load(strings.TrimPrefix(r.Target, "/"))
		}
		return load(path.Join(dir, r.Target))
	}
	return nil
}

func localName(name string) string {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// tagAttrs are the attributes of <row> and <c> that matter here.
type tagAttrs struct{ r, s, t string }

// readTag reads a start tag beginning at data[i] (just after '<'): its
// name, the attributes r, s and t (by local name) and the index after its
// closing '>'.
func readTag(data []byte, i int) (string, tagAttrs, int, bool) {
	var at tagAttrs
	start := i
	for i < len(data) && !isSpace(data[i]) && data[i] != '>' && data[i] != '/' {
		i++
	}
	name := string(data[start:i])
	for i < len(data) {
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		if i >= len(data) {
			return "", at, 0, false
		}
		switch data[i] {
		case '>':
			return name, at, i + 1, true
		case '/':
			i++
			continue
		}
		ks := i
		for i < len(data) && data[i] != '=' && !isSpace(data[i]) && data[i] != '>' {
			i++
		}
		key := localName(string(data[ks:i]))
		for i < len(data) && (isSpace(data[i]) || data[i] == '=') {
			i++
		}
		if i >= len(data) || (data[i] != '"' && data[i] != '\'') {
			return "", at, 0, false
		}
		q := data[i]
		end := bytes.IndexByte(data[i+1:], q)
		if end < 0 {
			return "", at, 0, false
		}
		switch v := data[i+1 : i+1+end]; key {
		case "r":
			at.r = string(v)
		case "s":
			at.s = string(v)
		case "t":
			at.t = string(v)
		}
		i += end + 2
	}
	return "", at, 0, false
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// cellMeta is a cell's type attribute and style, as the fast reader finds
// them beside the value.
type cellMeta struct {
	t     string
	style int
}

// sharedStrings reads the workbook's shared string table from the raw
// part. ok is false when the table exists but is not held in memory.
func sharedStrings(f *excelize.File) (sst []string, ok bool) {
	v, found := f.Pkg.Load("xl/sharedStrings.xml")
	if !found {
		// No table at all is fine (inline strings only) unless excelize
		// parked a big one in a temporary file: then the sheet's "s" cells
		// fail the scan and the caller falls back.
		return nil, true
	}
	data, isBytes := v.([]byte)
	if !isBytes {
		return nil, false
	}
	var cur strings.Builder
	inSI, inT, inPhonetic := false, false, 0
	ok = walkXML(data, func(name string, at tagAttrs, kind tagKind) bool {
		switch name {
		case "si":
			switch kind {
			case startTag:
				inSI = true
				cur.Reset()
			case endTag:
				inSI = false
				sst = append(sst, cur.String())
			case emptyTag:
				sst = append(sst, "")
			}
		case "rPh":
			if kind == startTag {
				inPhonetic++
			} else if kind == endTag {
				inPhonetic--
			}
		case "t":
			inT = kind == startTag
		}
		return true
	}, func(text []byte) bool {
		if inSI && inT && inPhonetic == 0 {
			s, ok := unescapeXML(text)
			if !ok {
				return false
			}
			cur.WriteString(s)
		}
		return true
	})
	if !ok {
		return nil, false
	}
	for i, s := range sst {
		sst[i] = unescapeOOXML(s)
	}
	return sst, true
}

// scanSheet reads every cell of the sheet XML: values (shared strings
// resolved, inline strings joined, numbers as stored) by row and column,
// with each cell's type and style. ok is false when anything is unusual;
// the caller then reads through excelize.
func scanSheet(data []byte, sst []string) (vals [][]string, meta [][]cellMeta, ok bool) {
	row, col := 0, 0
	var (
		inCell, inV, inIS, inT bool
		inPhonetic             int
		cell                   cellMeta
		v, is                  strings.Builder
	)
	put := func() bool {
		if row < 1 || col < 1 {
			return false // a cell outside any row, or a row begun inside a cell: no sheet Excel writes
		}
		var val string
		switch cell.t {
		case "s":
			n, err := strconv.Atoi(strings.TrimSpace(v.String()))
			if err != nil || n < 0 || n >= len(sst) {
				return false
			}
			val = sst[n]
		case "inlineStr":
			val = unescapeOOXML(is.String())
		default:
			val = v.String()
		}
		if val == "" {
			return true
		}
		for len(vals) < row {
			vals, meta = append(vals, nil), append(meta, nil)
		}
		r := row - 1
		for len(vals[r]) < col {
			vals[r], meta[r] = append(vals[r], ""), append(meta[r], cellMeta{})
		}
		vals[r][col-1], meta[r][col-1] = val, cell
		return true
	}
	ok = walkXML(data, func(name string, at tagAttrs, kind tagKind) bool {
		switch name {
		case "row":
			if kind == endTag {
				return true
			}
			row++
			if at.r != "" {
				n, err := strconv.Atoi(at.r)
				if err != nil || n < row {
					return false
				}
				row = n
			}
			if row > excelize.TotalRows {
				return false // no sheet Excel writes; the rows before it would all be allocated here
			}
			col = 0
		case "c":
			if kind == endTag {
				inCell = false
				return put()
			}
			col++
			if at.r != "" {
				c, rr, err := excelize.CellNameToCoordinates(at.r)
				if err != nil || rr != row || c < col {
					return false
				}
				col = c
			}
			cell = cellMeta{t: at.t}
			if at.s != "" {
				n, err := strconv.Atoi(at.s)
				if err != nil {
					return false
				}
				cell.style = n
			}
			v.Reset()
			is.Reset()
			inCell = kind == startTag
		case "v":
			inV = inCell && kind == startTag
		case "is":
			inIS = inCell && kind == startTag
		case "rPh":
			if kind == startTag {
				inPhonetic++
			} else if kind == endTag {
				inPhonetic--
			}
		case "t":
			inT = inIS && kind == startTag
		}
		return true
	}, func(text []byte) bool {
		if !inV && !(inT && inPhonetic == 0) {
			return true
		}
		s, ok := unescapeXML(text)
		if !ok {
			return false
		}
		if inV {
			v.WriteString(s)
		} else {
			is.WriteString(s)
		}
		return true
	})
	return vals, meta, ok
}

type tagKind int

const (
	startTag tagKind = iota
	endTag
	emptyTag // <x/>: a start and an end at once
)

// walkXML calls tag for every element tag (by local name) and text for the
// character data between tags, stopping with false when either does or
// when the XML is not shaped as a worksheet part should be. CDATA sections
// are refused: no spreadsheet program writes them in cells, so meeting one
// means an unusual file, which the caller reads the slow, sure way.
func walkXML(data []byte, tag func(name string, at tagAttrs, kind tagKind) bool, text func([]byte) bool) bool {
	i := 0
	for i < len(data) {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			return text(data[i:])
		}
		if lt > 0 && !text(data[i:i+lt]) {
			return false
		}
		i += lt + 1
		if i >= len(data) {
			return false
		}
		switch data[i] {
		case '?':
			end := bytes.Index(data[i:], []byte("?>"))
			if end < 0 {
				return false
			}
			i += end + 2
		case '!':
			if !bytes.HasPrefix(data[i:], []byte("!--")) {
				return false
			}
			end := bytes.Index(data[i:], []byte("-->"))
			if end < 0 {
				return false
			}
			i += end + 3
		case '/':
			gt := bytes.IndexByte(data[i:], '>')
			if gt < 0 {
				return false
			}
			name := strings.TrimSpace(string(data[i+1 : i+gt]))
			i += gt + 1
			if !tag(localName(name), tagAttrs{}, endTag) {
				return false
			}
		default:
			name, at, next, ok := readTag(data, i)
			if !ok {
				return false
			}
			kind := startTag
			if data[next-2] == '/' {
				kind = emptyTag
			}
			i = next
			if !tag(localName(name), at, kind) {
				return false
			}
		}
	}
	return true
}

// unescapeXML resolves the five XML entities and character references and
// normalises line ends as an XML parser does. ok is false for anything
// else, which a well-formed part never holds.
func unescapeXML(b []byte) (string, bool) {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b), true
	}
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '\r':
			out.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case '&':
			semi := bytes.IndexByte(b[i:], ';')
			if semi < 0 {
				return "", false
			}
			ent := string(b[i+1 : i+semi])
			i += semi
			switch ent {
			case "amp":
				out.WriteByte('&')
			case "lt":
				out.WriteByte('<')
			case "gt":
				out.WriteByte('>')
			case "quot":
				out.WriteByte('"')
			case "apos":
				out.WriteByte('\'')
			default:
				if !strings.HasPrefix(ent, "#") {
					return "", false
				}
				base, digits := 10, ent[1:]
				if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
					base, digits = 16, digits[1:]
				}
				n, err := strconv.ParseUint(digits, base, 32)
				if err != nil {
					return "", false
				}
				out.WriteRune(rune(n))
			}
		default:
			out.WriteByte(c)
		}
	}
	return out.String(), true
}

// unescapeOOXML resolves the _xHHHH_ escapes with which Office writes
// characters XML cannot hold (a carriage return is _x000D_); "_x005F_"
// escapes the underscore itself.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i+6 < len(s) && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				out.WriteRune(rune(n))
				i += 6
				continue
			}
		}
		out.WriteByte(s[i])
	}
	return out.String()
}
