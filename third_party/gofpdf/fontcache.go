package gofpdf

// This file is not part of upstream gofpdf; see PATCHES.md.

import (
	"errors"
	"hash/fnv"
	"sync"
)

var errEmptyFont = errors.New("empty font file")

// utf8FontKey names a UTF-8 font as a process parses it: the font key
// (family and style) and the font file's bytes, by address and length.
type utf8FontKey struct {
	fontkey string
	data    *byte
	size    int
}

type utf8FontEntry struct {
	once sync.Once
	def  fontDefType
	err  error
}

var utf8Fonts sync.Map // utf8FontKey → *utf8FontEntry

// parsedUTF8Font returns the definition of a UTF-8 font (metrics, widths,
// identifier) without its per-document parts (utf8File, usedRunes),
// parsing the font file only the first time the process sees it. Parsing
// and hashing a 400 KB font cost several milliseconds, once per style and
// per document before this cache. The widths slice is shared and only read.
// The key holds the font bytes' address, which keeps them alive: a later
// slice can never take the same address with other contents. A program
// passes each font's bytes once (embedded fonts), so the cache stays small.
func parsedUTF8Font(fontkey string, utf8Bytes []byte) (fontDefType, error) {
	if len(utf8Bytes) == 0 {
		return fontDefType{}, errEmptyFont
	}
	key := utf8FontKey{fontkey, &utf8Bytes[0], len(utf8Bytes)}
	v, _ := utf8Fonts.LoadOrStore(key, &utf8FontEntry{})
	e := v.(*utf8FontEntry)
	e.once.Do(func() {
		utf8File := newUTF8Font(&fileReader{readerPosition: 0, array: utf8Bytes})
		if e.err = utf8File.parseFile(); e.err != nil {
			return
		}
		e.def = fontDefType{
			Tp:   "UTF8",
			Name: fontkey,
			Desc: FontDescType{
				Ascent:       int(utf8File.Ascent),
				Descent:      int(utf8File.Descent),
				CapHeight:    utf8File.CapHeight,
				Flags:        utf8File.Flags,
				FontBBox:     utf8File.Bbox,
				ItalicAngle:  utf8File.ItalicAngle,
				StemV:        utf8File.StemV,
				MissingWidth: round(utf8File.DefaultWidth),
			},
			Up: int(round(utf8File.UnderlinePosition)),
			Ut: round(utf8File.UnderlineThickness),
			Cw: utf8File.CharWidths,
		}
		e.def.i, _ = generateFontID(e.def)
		e.def.psName = utf8File.psName
	})
	return e.def, e.err
}

// cutTablesKey names a font file by the address and length of its bytes,
// as utf8FontKey does.
type cutTablesKey struct {
	data *byte
	size int
}

type cutTablesEntry struct {
	once           sync.Once
	ok             bool
	charSymbol     map[int]int
	symbolPosition []int
}

var cutTablesCache sync.Map // cutTablesKey → *cutTablesEntry

// cutTables sets the font's character-to-glyph map and glyph positions,
// which GenerateCutFont reads (and never changes) to cut a subset: they
// depend only on the font file, so they are read from it once per process
// and shared by every document. It reports false for a font without a
// Unicode character map, as generateCMAP does.
func (utf *utf8FontFile) cutTables(locaFormat, numSymbols int) bool {
	data := utf.fileReader.array
	if len(data) == 0 {
		return false
	}
	v, _ := cutTablesCache.LoadOrStore(cutTablesKey{&data[0], len(data)}, &cutTablesEntry{})
	e := v.(*cutTablesEntry)
	e.once.Do(func() {
		// A reader of its own: this document's reader keeps its position.
		r := newUTF8Font(&fileReader{readerPosition: 0, array: data})
		r.tableDescriptions = utf.tableDescriptions
		if r.generateCMAP() == nil {
			return
		}
		r.parseLOCATable(locaFormat, numSymbols)
		e.ok, e.charSymbol, e.symbolPosition = true, r.charSymbolDictionary, r.symbolPosition
	})
	utf.charSymbolDictionary, utf.symbolPosition = e.charSymbol, e.symbolPosition
	return e.ok
}

// subsetFontName is the name a subset of a UTF-8 font is embedded under:
// a tag of six capital letters, the same for the same font in every
// document, a "+", and the font's PostScript name, as the PDF format names
// subset fonts ("ABCDEF+LiberationSerif-Bold"). A font without a
// PostScript name keeps gofpdf's own name. (Patched; see PATCHES.md.)
func subsetFontName(font fontDefType) string {
	if font.psName == "" {
		return "utf8" + font.Name
	}
	h := fnv.New32a()
	h.Write([]byte(font.Name))
	sum := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + sum%26)
		sum /= 26
	}
	return string(tag) + "+" + font.psName
}
