package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pdf"
)

// sample is one file as the dossier export writes it: a document, or the
// documents of one book.
type sample struct {
	name string
	docs []docs.Document
}

// samples are real documents built by package docs: the whole dossier of
// a round (Tờ trình, reports as books, minutes, vote count, ballots with
// page breaks, landscape lists, decisions), the key sheet, a registration,
// a landscape review with two-line column headers, and a hand-made
// document with what the others lack (several addressees, a second
// signer, every heading level, characters XML must escape).
func samples() []sample {
	var out []sample
	for _, f := range docs.Files(docs.Dossier(docs.SampleDossier(12))) {
		out = append(out, sample{f.Name, f.Docs})
	}
	p := docs.SampleDossier(0).Profile
	day := domain.NewDate(2026, time.January, 15)
	out = append(out, sample{"Phiếu đăng ký khóa", []docs.Document{docs.KeySheet(docs.KeySheetInput{
		Profile: p, PublicKey: "q0Zk3oY2l1c9xQ0m9T1s2VxJ8e3o4Lw5c6d7e8f9a0b=", Fingerprint: "80AE 358B 6ACF 9D02 11C3 44D5 E6F7 0819", Date: day,
	})}})

	target := domain.Target{ID: 1, Name: "Tỷ lệ bao phủ BHYT", Unit: "%", HigherBetter: true}
	mov := domain.Movement{ID: 1, Name: "Phong trào thi đua thực hiện thắng lợi nhiệm vụ năm 2026", DocNo: "15/KH-BHXH",
		DocDate: domain.NewDate(2026, time.January, 10), Issuer: "Bảo hiểm xã hội Việt Nam", FromYear: 2024, ToYear: 2026,
		Targets: []domain.Target{target}}
	out = append(out, sample{"Bản đăng ký thi đua", []docs.Document{docs.Registration(docs.RegistrationInput{
		Profile: p, Year: 2026, Date: day, Number: 7, Movements: []domain.Movement{mov},
		Collectives: []docs.CollectiveEntry{{Unit: domain.Unit{Code: "HT01", Name: "Văn phòng", ParentCode: "HT"},
			Awards: []docs.AwardName{{Code: "TTLDXS", Name: "Tập thể lao động xuất sắc"}}, Targets: []docs.TargetLine{{Target: target, Planned: 95.5}}}},
		Individuals: []docs.IndividualEntry{{Person: domain.Person{ID: 1, StaffCode: "HT00001", FullName: "Lê Thị Ánh", Position: "Chuyên viên", UnitCode: "HT01"},
			UnitName: "Văn phòng", Awards: []docs.AwardName{{Code: "LDTT", Name: "Lao động tiên tiến"}}}},
	})}})
	out = append(out, sample{"Sơ kết phong trào", []docs.Document{docs.MovementReview(docs.MovementReviewInput{
		Profile: p, Movement: mov, Years: []int{2024, 2025}, UnitCode: "HT", Date: day,
		Values: map[int64]map[int]domain.TargetValue{1: {
			2024: {Year: 2024, TargetID: 1, Planned: 93, Actual: 93.4, HasActual: true},
			2025: {Year: 2025, TargetID: 1, Planned: 94, Actual: 94.5, HasActual: true},
		}},
	})}})
	out = append(out, sample{"Văn bản thử", []docs.Document{handMade()}})
	return out
}

func handMade() docs.Document {
	return docs.Document{
		Header:  docs.Header{IssuerName: "Hội đồng <Thi đua> & Khen thưởng", Number: docs.Number(0, "BB", "HĐTĐKT"), Place: "Hà Tĩnh", Date: domain.Date{Year: 2026}},
		Kind:    "Biên bản",
		Title:   []string{"Về việc \"thử\" 'ký tự' đặc biệt: < > &", ""},
		KinhGui: []string{"Bảo hiểm xã hội Việt Nam", "Ban Thi đua - Khen thưởng;"},
		Body: []docs.Block{
			docs.Heading{Text: "I. PHẦN MỘT"},
			docs.Paragraph{Text: "Dòng một\nDòng hai\tsau tab, cột <1> & \"2\"."},
			&docs.Heading{Text: "1. Mục", Level: 2},
			docs.Heading{Text: "a) Tiểu mục", Level: 3},
			docs.Paragraph{},
			docs.Paragraph{Text: "Ghi chú căn giữa", Style: docs.Italic, Align: docs.AlignCenter, NoIndent: true},
			docs.PageBreak{},
			docs.Paragraph{Text: "Trang mới."},
			&docs.PageBreak{},
			docs.Table{Columns: []docs.Column{{Header: "STT", Width: 1, Align: docs.AlignCenter}, {Header: "Nội dung\n(ghi rõ)", Width: 4}, {Width: 2, Align: docs.AlignRight}},
				Rows:         []docs.Row{docs.GroupRow("A. TẬP THỂ"), docs.Cells("1", "Văn phòng", "1.234,5"), {Cells: []string{"", "Tổng cộng"}, Bold: true}},
				RepeatHeader: true, NumberRow: true},
			docs.Table{Columns: []docs.Column{{}, {}}, Rows: []docs.Row{docs.Cells("không", "tiêu đề")}},
		},
		Signature: docs.Signature{
			Left:  docs.SignatureColumn{Authority: "TM. Hội đồng", Position: "Thư ký", Name: "Phạm Thị Hằng"},
			Right: docs.SignatureColumn{Position: "Chủ tịch", Note: "(Ký, ghi rõ họ tên)", Name: "Nguyễn Văn Hùng"},
		},
		Recipients: []string{"Như trên", "Lưu: VT, TĐKT"},
	}
}

func render(t testing.TB, ds []docs.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderBook(ds, &buf); err != nil {
		t.Fatalf("RenderBook: %v", err)
	}
	return buf.Bytes()
}

// unzip returns the parts of a .docx by name.
func unzip(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = data
	}
	return parts
}

// parsed is what the tests read back from word/document.xml.
type parsed struct {
	text     string // the text of the runs, breaks, tabs and paragraph ends as single spaces
	sections []section
	tables   []table
}

type section struct {
	attrs   map[string]string // "pgSz.w", "pgMar.left", … as written
	titlePg bool
	headers map[string]string // header type → relationship id
}

type table struct {
	bordered   bool
	rows       int
	headerRows []int // indexes of the rows flagged w:tblHeader
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// parse reads a WordprocessingML part; it fails on XML that is not well
// formed.
func parse(t testing.TB, data []byte) parsed {
	t.Helper()
	var p parsed
	var text strings.Builder
	var sect *section
	var tbl *table
	inT := false
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "t", "instrText":
				inT = e.Name.Local == "t"
			case "tab", "br":
				text.WriteByte(' ')
			case "sectPr":
				p.sections = append(p.sections, section{attrs: map[string]string{}, headers: map[string]string{}})
				sect = &p.sections[len(p.sections)-1]
			case "pgSz", "pgMar", "pgNumType":
				if sect != nil {
					for _, a := range e.Attr {
						sect.attrs[e.Name.Local+"."+a.Name.Local] = a.Value
					}
				}
			case "titlePg":
				if sect != nil {
					sect.titlePg = attr(e, "val") != "0" && attr(e, "val") != "false"
				}
			case "headerReference":
				if sect != nil {
					sect.headers[attr(e, "type")] = attr(e, "id")
				}
			case "tbl":
				p.tables = append(p.tables, table{})
				tbl = &p.tables[len(p.tables)-1]
			case "tr":
				tbl.rows++
			case "tblHeader":
				tbl.headerRows = append(tbl.headerRows, tbl.rows-1)
			case "top", "insideH":
				if tbl != nil && attr(e, "val") == "single" {
					tbl.bordered = true
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inT = false
			case "p":
				text.WriteByte(' ')
			case "sectPr":
				sect = nil
			case "tbl":
				tbl = nil
			}
		case xml.CharData:
			if inT {
				text.Write(e)
			}
		}
	}
	p.text = norm(text.String())
	return p
}

// norm collapses white space, as the PDF does and a reader would.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// modelTexts are the texts of a document in reading order: the header's
// left column then its right, number and date, kind, trích yếu, Kính gửi,
// the body, then the signature block row by row.
func modelTexts(d docs.Document) []string {
	h := d.Header
	var out []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s = norm(s); s != "" {
				out = append(out, s)
			}
		}
	}
	add(docs.Upper(h.ParentName), docs.Upper(h.IssuerName), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
	if strings.TrimSpace(h.Number) != "" {
		add("Số: " + h.Number)
	}
	if strings.TrimSpace(h.Place) != "" || !h.Date.IsZero() {
		add(h.DateLine())
	}
	add(docs.Upper(d.Kind))
	add(d.Title...)
	var kg []string
	for _, k := range d.KinhGui {
		if strings.TrimSpace(k) != "" {
			kg = append(kg, k)
		}
	}
	if len(kg) == 1 {
		add("Kính gửi: " + kg[0])
	} else if len(kg) > 1 {
		add("Kính gửi:")
		add(docs.ListLines(kg, "- ")...)
	}
	for _, b := range d.Body {
		switch b := docs.Value(b).(type) {
		case docs.Paragraph:
			add(b.Text)
		case docs.Heading:
			add(b.Text)
		case docs.Table:
			for _, c := range b.Columns {
				add(c.Header)
			}
			if b.NumberRow {
				for i := range b.Columns {
					add(fmt.Sprintf("(%d)", i+1))
				}
			}
			for _, r := range b.Rows {
				add(r.Cells...)
			}
		}
	}
	sig := d.Signature
	recips := docs.RecipientLines(d.Recipients)
	titles := func(c docs.SignatureColumn) { add(docs.Upper(c.Authority), docs.Upper(c.Position), c.Note) }
	if len(recips) > 0 && sig.Left.IsZero() {
		add("Nơi nhận:")
		add(recips...)
	}
	titles(sig.Left)
	titles(sig.Right)
	add(sig.Left.Name, sig.Right.Name)
	if len(recips) > 0 && !sig.Left.IsZero() {
		add("Nơi nhận:")
		add(recips...)
	}
	return out
}

// checkText checks that the document's text is exactly the model's texts
// in order, nothing lost, added or reordered.
func checkText(t *testing.T, name string, ds []docs.Document, got string) {
	t.Helper()
	pos := 0
	for _, d := range ds {
		for _, want := range modelTexts(d) {
			rest := strings.TrimPrefix(got[pos:], " ")
			if !strings.HasPrefix(rest, want) {
				t.Errorf("%s: want %q next, the text goes on %q", name, want, rest[:min(len(rest), 120)])
				return
			}
			pos = len(got) - len(rest) + len(want)
		}
	}
	if rest := strings.TrimSpace(got[pos:]); rest != "" {
		t.Errorf("%s: text after the last of the model: %q", name, rest[:min(len(rest), 120)])
	}
}

func TestRender_TextAndStructure(t *testing.T) {
	for _, s := range samples() {
		parts := unzip(t, render(t, s.docs))
		for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/settings.xml"} {
			if _, ok := parts[name]; !ok {
				t.Fatalf("%s: no %s", s.name, name)
			}
			parse(t, parts[name]) // well-formed
		}
		doc := parse(t, parts["word/document.xml"])
		checkText(t, s.name, s.docs, doc.text)

		// One section per document: A4 in its orientation, the PDF's
		// margins (20, 15, 20, 30 mm), numbered from 1 with no number
		// on the first page.
		if len(doc.sections) != len(s.docs) {
			t.Fatalf("%s: %d sections for %d documents", s.name, len(doc.sections), len(s.docs))
		}
		rels := relationships(t, parts["word/_rels/document.xml.rels"])
		for i, sec := range doc.sections {
			want := map[string]string{"pgSz.w": "11906", "pgSz.h": "16838", "pgSz.orient": "",
				"pgMar.top": "1134", "pgMar.right": "850", "pgMar.bottom": "1134", "pgMar.left": "1701", "pgNumType.start": "1"}
			if s.docs[i].Orientation == docs.Landscape {
				want["pgSz.w"], want["pgSz.h"], want["pgSz.orient"] = "16838", "11906", "landscape"
			}
			for k, v := range want {
				if sec.attrs[k] != v {
					t.Errorf("%s, section %d: %s = %q, want %q", s.name, i+1, k, sec.attrs[k], v)
				}
			}
			if !sec.titlePg {
				t.Errorf("%s, section %d: no w:titlePg, page 1 would show its number", s.name, i+1)
			}
			if !hasPageField(t, parts["word/"+rels[sec.headers["default"]]]) {
				t.Errorf("%s, section %d: the default header (%q) has no PAGE field", s.name, i+1, rels[sec.headers["default"]])
			}
			first := parts["word/"+rels[sec.headers["first"]]]
			if first == nil || hasPageField(t, first) || parse(t, first).text != "" {
				t.Errorf("%s, section %d: the first-page header must exist and be empty: %q", s.name, i+1, first)
			}
		}

		// The bordered tables are the model's tables, with their header
		// rows flagged to repeat when the model says so.
		var model []docs.Table
		for _, d := range s.docs {
			for _, b := range d.Body {
				if tb, ok := docs.Value(b).(docs.Table); ok {
					model = append(model, tb)
				}
			}
		}
		var bordered []table
		for _, tb := range doc.tables {
			if tb.bordered {
				bordered = append(bordered, tb)
			} else if len(tb.headerRows) > 0 {
				t.Errorf("%s: a layout table has header rows", s.name)
			}
		}
		if len(bordered) != len(model) {
			t.Fatalf("%s: %d bordered tables, the model has %d", s.name, len(bordered), len(model))
		}
		for i, m := range model {
			heads := 0
			for _, c := range m.Columns {
				if strings.TrimSpace(c.Header) != "" {
					heads = 1
				}
			}
			if m.NumberRow {
				heads++
			}
			got := bordered[i]
			if got.rows != heads+len(m.Rows) {
				t.Errorf("%s, table %d: %d rows, want %d", s.name, i+1, got.rows, heads+len(m.Rows))
			}
			want := []int(nil)
			if m.RepeatHeader {
				for r := range heads {
					want = append(want, r)
				}
			}
			if !reflect.DeepEqual(got.headerRows, want) {
				t.Errorf("%s, table %d: header rows %v, want %v", s.name, i+1, got.headerRows, want)
			}
		}
	}
}

func relationships(t *testing.T, data []byte) map[string]string {
	t.Helper()
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &rels); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rels.Rel {
		out[r.ID] = r.Target
	}
	return out
}

// hasPageField reports whether a header part holds a PAGE field, simple or
// complex.
func hasPageField(t *testing.T, data []byte) bool {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	inInstr := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "fldSimple" && strings.Fields(attr(e, "instr"))[0] == "PAGE" {
				return true
			}
			inInstr = e.Name.Local == "instrText"
		case xml.CharData:
			if inInstr && strings.HasPrefix(strings.TrimSpace(string(e)), "PAGE") {
				return true
			}
		case xml.EndElement:
			inInstr = false
		}
	}
}

func TestRender_StylesAndSettings(t *testing.T) {
	parts := unzip(t, render(t, []docs.Document{handMade()}))
	styles := string(parts["word/styles.xml"])
	for _, want := range []string{`w:ascii="Times New Roman"`, `w:hAnsi="Times New Roman"`, `<w:sz w:val="28"/>`, `<w:lang w:val="vi-VN"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	types := string(parts["[Content_Types].xml"])
	for name := range parts {
		if strings.HasPrefix(name, "word/") && strings.HasSuffix(name, ".xml") && !strings.Contains(types, `PartName="/`+name+`"`) {
			t.Errorf("[Content_Types].xml does not declare %s", name)
		}
	}
	if !strings.Contains(string(parts["word/settings.xml"]), "doNotExpandShiftReturn") {
		t.Error("settings.xml: lines ending in a manual break would be stretched")
	}
	// The body paragraphs: justified, first line indented 12.7 mm (720
	// twips), 14 pt × 1.2 lines, 6 pt after.
	doc := string(parts["word/document.xml"])
	for _, want := range []string{`<w:spacing w:before="0" w:after="120" w:line="336" w:lineRule="atLeast"/><w:ind w:left="0" w:right="0" w:firstLine="720"/><w:jc w:val="both"/>`,
		`<w:tblHeader/>`, `<w:br w:type="page"/>`, `<w:pageBreakBefore/>`, `<w:i/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
}

func TestRender_EscapesAndKeepsText(t *testing.T) {
	d := handMade()
	d.Body = append(d.Body, docs.Paragraph{Text: "điều khiển \x01 và \x7f"})
	parts := unzip(t, render(t, []docs.Document{d}))
	raw := string(parts["word/document.xml"])
	if !strings.Contains(raw, "sau tab, cột &lt;1&gt; &amp; &#34;2&#34;.") {
		t.Error("< > & \" are not escaped")
	}
	text := parse(t, parts["word/document.xml"]).text
	if !strings.Contains(text, "Về việc \"thử\" 'ký tự' đặc biệt: < > &") {
		t.Error("the quoted title does not come back as given")
	}
	// A control character XML cannot carry becomes U+FFFD instead of
	// breaking the file.
	if !strings.Contains(text, "điều khiển \uFFFD và") {
		t.Errorf("control characters: %q", text[max(0, len(text)-80):])
	}
	// The blanks left for the clerk are kept: "Số:      /BB-HĐTĐKT".
	if !strings.Contains(raw, `<w:t xml:space="preserve">Số:      /BB-HĐTĐKT</w:t>`) {
		t.Error("the blank number lost its spaces")
	}
}

func TestRender_Deterministic(t *testing.T) {
	ds := samples()[0].docs
	a, b := render(t, ds), render(t, ds)
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same documents differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first part %s, want [Content_Types].xml", zr.File[0].Name)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
	}
}

func TestRender_Errors(t *testing.T) {
	if err := RenderBook(nil, io.Discard); err == nil {
		t.Error("an empty book rendered")
	}
	bad := docs.Document{Body: []docs.Block{docs.Table{}}}
	if err := Render(bad, io.Discard); !errors.Is(err, docs.ErrInvalidDocument) {
		t.Errorf("a table without columns: %v", err)
	}
	if err := Render(handMade(), failWriter{}); err == nil {
		t.Error("a write error was lost")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestGeometry_MatchesPDF keeps the Word copy on the PDF's page: every
// number of geometry must equal the field of the same name in
// pdf.DefaultLayout, and the paper the same A4.
func TestGeometry_MatchesPDF(t *testing.T) {
	want := reflect.ValueOf(pdf.DefaultLayout())
	got := reflect.ValueOf(layout)
	for i := range got.NumField() {
		name := got.Type().Field(i).Name
		f := want.FieldByName(name)
		if !f.IsValid() {
			t.Errorf("pdf.Layout has no field %s", name)
			continue
		}
		if g, w := got.Field(i).Float(), f.Float(); g != w {
			t.Errorf("%s = %v, pdf.DefaultLayout has %v", name, g, w)
		}
	}
	if a4Width != pdf.A4Width || a4Height != pdf.A4Height {
		t.Errorf("A4 %v × %v, pdf has %v × %v", a4Width, a4Height, pdf.A4Width, pdf.A4Height)
	}
	if twips(a4Width) != 11906 || twips(a4Height) != 16838 {
		t.Errorf("A4 in twips: %d × %d", twips(a4Width), twips(a4Height))
	}
}

func TestBalanced(t *testing.T) {
	for _, sc := range []struct {
		text string
		st   docs.Style
		w    float64
		want []string
	}{
		// The header's left column is 65.3 mm wide inside.
		{"BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", docs.Bold, 65.3, []string{"BẢO HIỂM XÃ HỘI", "TỈNH HÀ TĨNH"}},
		{"BẢO HIỂM XÃ HỘI VIỆT NAM", docs.Normal, 65.3, []string{"BẢO HIỂM XÃ HỘI VIỆT NAM"}},
		{"PHÒNG QUẢN LÝ THU VÀ PHÁT TRIỂN NGƯỜI THAM GIA", docs.Bold, 65.3, []string{"PHÒNG QUẢN LÝ", "THU VÀ PHÁT TRIỂN", "NGƯỜI THAM GIA"}},
		{"A\nB C", docs.Normal, 100, []string{"A", "B C"}},
		{"  ", docs.Normal, 100, nil},
	} {
		if got := balanced(sc.text, sc.w, 13, sc.st); !reflect.DeepEqual(got, sc.want) {
			t.Errorf("balanced(%q) = %q, want %q", sc.text, got, sc.want)
		}
	}
}
