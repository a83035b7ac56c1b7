package service

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

// staffHeader is the staff template's header row.
func staffHeader(t *testing.T) []any {
	t.Helper()
	spec, err := importSpec(ImportStaff, templateExamples{})
	if err != nil {
		t.Fatal(err)
	}
	h := make([]any, len(spec.Columns))
	for i, c := range spec.Columns {
		h[i] = c.Name
	}
	return h
}

// TestPreviewImport_HostileStaffText: a staff file carrying what has been
// seen pasted into names (a 31,902-character name, a 32,000-character
// position, right-to-left overrides, zero-width spaces, U+FFFD, an Excel
// formula) is rejected row by row with the column and the reason, and
// nothing of those rows is written.
func TestPreviewImport_HostileStaffText(t *testing.T) {
	s := newImportService(t)
	ctx := context.Background()
	// Columns: Mã cán bộ, Họ và tên, Ngày sinh, Giới tính, Số CCCD, Chức vụ,
	// Đơn vị công tác, Ngày tuyển dụng, Dân tộc, Ghi chú.
	row := func(code, name, position, unit, note string) []any {
		return []any{code, name, "05/01/1985", "Nam", "", position, unit, "01/09/2010", "Kinh", note}
	}
	data := importBook(t, [][]any{
		staffHeader(t),
		row("CB101", "Nguyễn Văn An", "Chuyên viên", "4201", "- đã chuyển từ Phòng Thu về"), // 2: accepted; a note may start with a dash
		row("CB102", strings.Repeat("a", 31902), "", "4201", ""),                            // 3
		row("CB103", "Trần Văn Bình", strings.Repeat("Chuyên viên ", 2667), "4201", ""),     // 4: 32,003 characters once the last space is trimmed
		row("CB104", "Nguyễn \u202eAn", "", "4201", ""),                                     // 5
		row("CB105", "Trần\u200b Văn Cường", "", "4201", ""),                                // 6
		row("CB106", "Lê Văn \ufffd", "", "4201", ""),                                       // 7
		row("CB107", `=HYPERLINK("http://x.example","Bấm vào đây")`, "", "4201", ""),        // 8
		row("CB108", "Phạm Văn Dũng", "", "4201\u202e", ""),                                 // 9: one reason, not "no such unit" too
		row("CB109", "Hoàng Văn Em", "", "4201", strings.Repeat("x", rules.MaxText+1)),      // 10
		row("CB\u200d110", "+84 Giang", "", "4201", ""),                                     // 11: two columns
	})
	p := preview(t, s, ImportStaff, data)
	if got := acceptedRows(p); len(got) != 1 || got[0] != 2 {
		t.Errorf("accepted rows %v, want [2]", got)
	}
	checkIssues(t, "rejected", p.Rejected, []issue{
		{3, "Họ và tên", "dài 31.902 ký tự, tối đa 100"},
		{4, "Chức vụ", "dài 32.003 ký tự, tối đa 200"},
		{5, "Họ và tên", "có ký tự ẩn hoặc ký tự điều khiển U+202E"},
		{6, "Họ và tên", "U+200B"},
		{7, "Họ và tên", "U+FFFD"},
		{8, "Họ và tên", "bắt đầu bằng “=”, giống công thức Excel"},
		{9, "Đơn vị công tác", "U+202E"},
		{10, "Ghi chú", "dài 20.001 ký tự, tối đa 20.000"},
		{11, "Mã cán bộ", "U+200D"},
		{11, "Họ và tên", "bắt đầu bằng “+”"},
	})
	for _, is := range p.Rejected {
		if !strings.Contains(is.Reason, "hãy") {
			t.Errorf("%s does not say what to do", is)
		}
	}
	if res := commit(t, s, p); res != (ImportResult{Inserted: 1}) {
		t.Errorf("commit %+v, want the one good row", res)
	}
	people, err := s.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(people) != 1 || people[0].StaffCode != "CB101" || people[0].Note != "- đã chuyển từ Phòng Thu về" {
		t.Errorf("people after commit: %+v", people)
	}
}

// TestPreviewImport_TextChecksEveryColumn: every column of every import
// kind refuses a hidden character and text over its limit, naming the
// column; names refuse a formula.
func TestPreviewImport_TextChecksEveryColumn(t *testing.T) {
	s := newImportService(t)
	addPeople(t, s, person("CB0001", "Nguyễn Văn An", domain.Male, "05/01/1985", "042085000001", "4201"))
	for _, kind := range ImportKinds {
		spec, err := importSpec(kind, templateExamples{})
		if err != nil {
			t.Fatal(err)
		}
		header := make([]any, len(spec.Columns))
		for i, c := range spec.Columns {
			header[i] = c.Name
		}
		rows := [][]any{header}
		type want struct {
			row    int
			column string
			reason string
		}
		var wants []want
		add := func(col int, v, reason string) {
			r := make([]any, len(spec.Columns))
			r[col] = v
			rows = append(rows, r)
			wants = append(wants, want{len(rows), spec.Columns[col].Name, reason})
		}
		for i, c := range spec.Columns {
			max, name := textLimit(kind, c)
			add(i, "1\u200b2", "U+200B")
			add(i, strings.Repeat("9", max+1), "tối đa "+limitText[max])
			if name {
				add(i, "@An", "giống công thức Excel")
			}
		}
		p := preview(t, s, kind, importBook(t, rows))
		if len(p.Accepted) != 0 {
			t.Errorf("%s: accepted %v", kind, acceptedRows(p))
		}
		for _, w := range wants {
			found := false
			for _, is := range p.Rejected {
				found = found || (is.Row == w.row && is.Column == w.column && strings.Contains(is.Reason, w.reason))
			}
			if !found {
				t.Errorf("%s: row %d, column %s: no rejection containing %q in\n%s", kind, w.row, w.column, w.reason, issuesText(p.Rejected))
			}
		}
	}
}

// limitText is a limit the way the reasons write it.
var limitText = map[int]string{rules.MaxCode: "50", rules.MaxName: "100", rules.MaxPosition: "200",
	rules.MaxTitle: "500", rules.MaxText: "20.000"}

// TestSaveForms_RefuseHiddenAndLongText: the person, unit and office forms
// refuse what the import refuses, under the field's name, and save nothing.
func TestSaveForms_RefuseHiddenAndLongText(t *testing.T) {
	s := newImportService(t)
	ctx := context.Background()
	good := person("CB201", "Nguyễn Văn An", domain.Male, "05/01/1985", "", "4201")
	scenarios := []struct {
		name  string
		edit  func(*domain.Person)
		field string
		want  string
	}{
		{"RLO", func(p *domain.Person) { p.FullName = "Nguyễn \u202eAn" }, rules.FieldFullName, "U+202E"},
		{"ZWSP", func(p *domain.Person) { p.FullName = "Nguyễn\u200b Văn An" }, rules.FieldFullName, "U+200B"},
		{"FFFD", func(p *domain.Person) { p.FullName = "Nguy\ufffdn Văn An" }, rules.FieldFullName, "U+FFFD"},
		{"NUL, once dropped silently", func(p *domain.Person) { p.FullName = "Nguyễn Văn\x00 An" }, rules.FieldFullName, "U+0000"},
		{"formula", func(p *domain.Person) { p.FullName = `=HYPERLINK("http://x","Bấm vào đây")` }, rules.FieldFullName, "giống công thức Excel"},
		{"long name", func(p *domain.Person) { p.FullName = strings.Repeat("a", 31902) }, rules.FieldFullName, "dài 31.902 ký tự, tối đa 100"},
		{"long position", func(p *domain.Person) { p.Position = strings.Repeat("b", 32000) }, rules.FieldPosition, "dài 32.000 ký tự, tối đa 200"},
		{"hidden note", func(p *domain.Person) { p.Note = "ghi chú\u2066" }, rules.FieldNote, "U+2066"},
	}
	for _, sc := range scenarios {
		p := good
		sc.edit(&p)
		_, err := s.SavePerson(ctx, p, domain.Date{})
		errs := domain.AsFieldErrors(err)
		if msg := errs.For(sc.field); !strings.Contains(msg, sc.want) {
			t.Errorf("%s: %s = %q, want containing %q (%v)", sc.name, sc.field, msg, sc.want, err)
		}
	}
	if ps, _ := s.People(ctx); len(ps) != 0 {
		t.Fatalf("refused forms saved %d people", len(ps))
	}
	good.Note = "- ghi chú có gạch đầu dòng"
	if _, err := s.SavePerson(ctx, good, domain.Date{}); err != nil {
		t.Fatalf("good person: %v", err)
	}

	units := []struct {
		name string
		u    domain.Unit
		want string
	}{
		{"RLO", domain.Unit{Code: "4209", Name: "Phòng \u202eThu", ParentCode: "42"}, "U+202E"},
		{"formula", domain.Unit{Code: "4209", Name: "=1+1", ParentCode: "42"}, "giống công thức Excel"},
		{"long", domain.Unit{Code: "4209", Name: strings.Repeat("Phòng ", 20), ParentCode: "42"}, "tối đa 100"},
		{"BOM code", domain.Unit{Code: "\ufeff4209", Name: "Phòng Thu", ParentCode: "42"}, "U+FEFF"},
	}
	for _, sc := range units {
		err := s.SaveUnit(ctx, sc.u)
		field := "Tên đơn vị"
		if sc.name == "BOM code" {
			field = "Mã đơn vị"
		}
		if msg := domain.AsFieldErrors(err).For(field); !strings.Contains(msg, sc.want) {
			t.Errorf("unit %s: %s = %q, want containing %q (%v)", sc.name, field, msg, sc.want, err)
		}
	}
	if us, _ := s.Units(ctx); len(us) != 4 {
		t.Errorf("refused units saved: %d units", len(us))
	}

	prof, _, err := s.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	prof.UnitName = "Bảo hiểm xã hội\u200b tỉnh Hà Tĩnh"
	if msg := domain.AsFieldErrors(s.SaveProfile(ctx, prof)).For("Tên đơn vị"); !strings.Contains(msg, "U+200B") {
		t.Errorf("profile: %q", msg)
	}
	prof.UnitName, prof.Director = "Bảo hiểm xã hội tỉnh Hà Tĩnh", domain.Signer{Name: "Lê Văn Giám", Position: strings.Repeat("c", 201)}
	if msg := domain.AsFieldErrors(s.SaveProfile(ctx, prof)).For("Giám đốc"); !strings.Contains(msg, "tối đa 200") {
		t.Errorf("profile director: %q", msg)
	}
}

// TestPreviewImport_CorruptWorkbookIsRefusedNotACrash: a workbook whose
// styles make excelize panic (a negative colour index) is refused as a
// file that cannot be imported, with a Vietnamese reason, and the
// application carries on.
func TestPreviewImport_CorruptWorkbookIsRefusedNotACrash(t *testing.T) {
	s := newImportService(t)
	good := importBook(t, [][]any{staffHeader(t), {"CB301", "Nguyễn Văn An", "05/01/1985", "Nam", "", "", "4201", "01/09/2010"}})
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		switch zf.Name {
		case "xl/styles.xml":
			body = []byte(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
				`<fonts count="1"><font><sz val="11"/></font></fonts>` +
				`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="solid"><fgColor indexed="-1"/></patternFill></fill></fills>` +
				`<borders count="1"><border/></borders>` +
				`<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="1" borderId="0" applyFill="1"/></cellXfs></styleSheet>`)
		case "xl/worksheets/sheet1.xml":
			// The staff code a number cell in that style.
			body = bytes.Replace(body, []byte(`<c r="A2" t="inlineStr"><is><t>CB301</t></is></c>`), []byte(`<c r="A2" s="1"><v>301</v></c>`), 1)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = s.PreviewImport(context.Background(), ImportStaff, bytes.NewReader(buf.Bytes()), nil)
	fe := domain.AsFieldErrors(err)
	if !errors.Is(err, ErrImportFile) || len(fe) != 1 || fe[0].Field != "Tệp" || !strings.Contains(fe[0].Msg, "tệp Excel bị hỏng ở trang") {
		t.Fatalf("corrupt workbook: %v", err)
	}
}
