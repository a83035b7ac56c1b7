// Package docx renders document models (internal/docs) as editable Word
// files (.docx, WordprocessingML), beside the PDF that internal/pdf renders
// from the same model: the clerks correct a Tờ trình or a Biên bản in Word
// before it is signed.
//
// The layout follows the PDF's (NĐ 30/2020 Phụ lục I: A4, the same margins,
// type sizes and spacing, see geometry.go), but Word breaks the lines and the
// pages itself, so that the text stays editable: the two-column header and
// the signature block are borderless tables, page numbers are a PAGE field
// in a header that the first page of each document does not show.
//
// Only the standard library is used: a .docx is a zip of a few XML parts.
// Identical documents give identical bytes (the zip entries carry a fixed
// time).
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"time"

	"tdkt/internal/docs"
)

// Render writes doc as a .docx, as pdf.Render writes it as a PDF.
func Render(doc docs.Document, w io.Writer) error {
	return RenderBook([]docs.Document{doc}, w)
}

// RenderBook writes several documents into one .docx, as pdf.RenderBook
// does: each starts on a new page (a Word section of its own) with its own
// page numbering and no number on its first page. Unlike the PDF, a book may
// mix orientations, since every section has its own page size.
func RenderBook(ds []docs.Document, w io.Writer) error {
	if len(ds) == 0 {
		return fmt.Errorf("RenderBook: no document")
	}
	for _, d := range ds {
		if err := d.Validate(); err != nil {
			return err
		}
	}
	var body bytes.Buffer
	body.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	for i, d := range ds {
		r := &renderer{b: &body, doc: d, textW: textWidth(d.Orientation)}
		r.document(i == len(ds)-1)
	}
	body.WriteString(`</w:body></w:document>`)

	parts := []struct{ name, content string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", body.String()},
		{"word/styles.xml", styles()},
		{"word/settings.xml", settings},
		{"word/header1.xml", pageNumberHeader()},
		{"word/header2.xml", emptyHeader},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return fmt.Errorf("ghi tệp Word: %w", err)
		}
		if _, err := io.WriteString(f, p.content); err != nil {
			return fmt.Errorf("ghi tệp Word: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ghi tệp Word: %w", err)
	}
	return nil
}

// zipTime is the time of every zip entry, so that the same documents give
// the same bytes.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relType   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctWord    = "application/vnd.openxmlformats-officedocument.wordprocessingml."

	// Relationship ids of the document part, used by every section.
	ridPageHeader  = "rIdHeaderPage"
	ridFirstHeader = "rIdHeaderFirst"
)

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + ctWord + `document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + ctWord + `styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + ctWord + `settings+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="` + ctWord + `header+xml"/>` +
	`<Override PartName="/word/header2.xml" ContentType="` + ctWord + `header+xml"/>` +
	`</Types>`

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relType + `officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="` + relType + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="` + relType + `settings" Target="settings.xml"/>` +
	`<Relationship Id="` + ridPageHeader + `" Type="` + relType + `header" Target="header1.xml"/>` +
	`<Relationship Id="` + ridFirstHeader + `" Type="` + relType + `header" Target="header2.xml"/>` +
	`</Relationships>`

// settings: doNotExpandShiftReturn keeps a justified line that ends in a
// manual break ("\n" in a paragraph) unstretched, as the PDF prints it.
const settings = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="720"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:doNotExpandShiftReturn/>` +
	`<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>` +
	`</w:compat></w:settings>`

// styles sets Times New Roman (NĐ 30; the PDF embeds the metric-compatible
// Liberation Serif) at the body size as the default, and widow control so
// that no single first line is left at the foot of a page.
func styles() string {
	sz := halfPoints(layout.BodySize)
	return xmlHeader + `<w:styles xmlns:w="` + nsW + `"><w:docDefaults>` +
		`<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
		`<w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>` +
		`</w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
		`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

// pageNumberHeader is the header of every page but the first of each
// document: the page number centred in the top margin (NĐ 30), as a PAGE
// field so that it follows the clerk's edits.
func pageNumberHeader() string {
	sz := halfPoints(layout.PageNumberSize)
	return xmlHeader + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr>` +
		spacing(0, 0, tightLine(layout.PageNumberSize), true) + `<w:jc w:val="center"/>` +
		`<w:rPr><w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/></w:rPr></w:pPr>` +
		`<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/></w:rPr>` +
		`<w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>`
}

// emptyHeader is the first page's header: no number on page 1.
const emptyHeader = xmlHeader + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p/></w:hdr>`
