package service

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

// recordOf is the personal record of p, the part of it these tests follow.
func recordOf(p domain.Person) [8]string {
	return [8]string{p.HomeTown, p.Residence, p.Religion, p.Education, p.PoliticalTheory, p.AcademicRank, p.PartyPost, p.UnionPost}
}

// The personal record travels through the staff file: a file made before
// its columns existed still imports and keeps what is recorded, a file
// with some of them changes only those (an empty cell clears), a new
// person takes every one, and a value too long is refused by its column.
func TestPreviewImport_StaffPersonalRecord(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	ana := person("CB001", "Nguyễn Thị Ánh", domain.Female, "17/05/1990", "042190000001", "4201")
	ana.HomeTown, ana.Residence, ana.Religion = "Xã Thạch Hà, tỉnh Hà Tĩnh", "Phường Thành Sen, tỉnh Hà Tĩnh", "Không"
	ana.Education, ana.PoliticalTheory, ana.AcademicRank = "Cử nhân Kinh tế", "Trung cấp", "Thạc sĩ Quản lý kinh tế"
	ana.PartyPost, ana.UnionPost = "Bí thư Chi bộ", "Tổ trưởng Công đoàn"
	addPeople(t, s, ana)
	base := []any{"CB001", "Nguyễn Thị Ánh", "17/05/1990", "Nữ", "042190000001", "4201", "01/09/2010"}
	header := []any{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị công tác", "Ngày tuyển dụng"}
	row := func(extra ...any) []any { return append(append([]any(nil), base...), extra...) }
	head := func(extra ...any) []any { return append(append([]any(nil), header...), extra...) }

	scenarios := []struct {
		name   string
		rows   [][]any
		want   ImportResult
		record [8]string
	}{
		{"a file without the record's columns keeps it", [][]any{header, row()},
			ImportResult{Unchanged: 1}, recordOf(ana)},
		{"a file with some of them changes only those", [][]any{
			head(rules.FieldReligion, rules.FieldPartyPost, rules.FieldPoliticalTheory),
			row("Phật   giáo", norm.NFD.String("Phó Bí thư Đảng ủy"), ""),
		}, ImportResult{Updated: 1}, [8]string{ana.HomeTown, ana.Residence, "Phật giáo", ana.Education, "", ana.AcademicRank, "Phó Bí thư Đảng ủy", ana.UnionPost}},
		{"the same file again changes nothing", [][]any{
			head(rules.FieldReligion, rules.FieldPartyPost, rules.FieldPoliticalTheory),
			row("Phật giáo", "Phó Bí thư Đảng ủy", ""),
		}, ImportResult{Unchanged: 1}, [8]string{ana.HomeTown, ana.Residence, "Phật giáo", ana.Education, "", ana.AcademicRank, "Phó Bí thư Đảng ủy", ana.UnionPost}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			p := preview(t, s, ImportStaff, importBook(t, sc.rows))
			if res := commit(t, s, p); res != sc.want {
				t.Fatalf("commit %+v, want %+v (rejected %s)", res, sc.want, issuesText(p.Rejected))
			}
			got, _, _ := s.st.PersonByCode(ctx, "CB001")
			if recordOf(got) != sc.record {
				t.Errorf("record\n got %q\nwant %q", recordOf(got), sc.record)
			}
		})
	}

	t.Run("a new person takes every column", func(t *testing.T) {
		all := []string{rules.FieldHomeTown, rules.FieldResidence, rules.FieldReligion, rules.FieldEducation,
			rules.FieldPoliticalTheory, rules.FieldAcademicRank, rules.FieldPartyPost, rules.FieldUnionPost}
		want := [8]string{"Xã Cẩm Xuyên, tỉnh Hà Tĩnh", "Phường Trần Phú, tỉnh Hà Tĩnh", "Công giáo", "Cử nhân Luật",
			"Cao cấp", "Thạc sĩ Luật", "Đảng ủy viên", "Chủ tịch Công đoàn cơ sở"}
		hdr := []any{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị công tác", "Ngày tuyển dụng"}
		r := []any{"CB002", "Trần Văn Bình", "05/01/1985", "Nam", "4202", "01/09/2010"}
		for i, c := range all {
			hdr, r = append(hdr, c), append(r, " "+want[i]+" ")
		}
		p := preview(t, s, ImportStaff, importBook(t, [][]any{hdr, r}))
		if res := commit(t, s, p); res != (ImportResult{Inserted: 1}) {
			t.Fatalf("commit %+v (rejected %s)", res, issuesText(p.Rejected))
		}
		got, _, _ := s.st.PersonByCode(ctx, "CB002")
		if recordOf(got) != want {
			t.Errorf("record\n got %q\nwant %q", recordOf(got), want)
		}
	})

	t.Run("too long a home town is refused by its column", func(t *testing.T) {
		p := preview(t, s, ImportStaff, importBook(t, [][]any{
			head(rules.FieldHomeTown, rules.FieldUnionPost),
			row(strings.Repeat("Thôn Đông, ", 40), "Tổ trưởng Công đoàn"),
		}))
		checkIssues(t, "rejected", p.Rejected, []issue{{2, rules.FieldHomeTown, "tối đa 300"}})
	})
}

// The units file carries a unit's address and organisations the same
// way: kept when the columns are absent, written when they are there.
func TestPreviewImport_UnitOrganisations(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	hdr := []any{"Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên", rules.FieldUnitAddress, rules.FieldPartyOrg, rules.FieldUnionOrg, rules.FieldYouthOrg}
	p := preview(t, s, ImportUnits, importBook(t, [][]any{hdr,
		{"4201", "Phòng Tổ chức cán bộ", "42", "Số 1 đường Nguyễn Du, phường Thành Sen, tỉnh Hà Tĩnh", "Chi bộ Phòng Tổ chức cán bộ",
			"Công đoàn bộ phận Phòng Tổ chức cán bộ", "Chi đoàn Phòng Tổ chức cán bộ"},
	}))
	if res := commit(t, s, p); res != (ImportResult{Updated: 1}) {
		t.Fatalf("commit %+v (rejected %s)", res, issuesText(p.Rejected))
	}
	want := domain.Unit{Code: "4201", Name: "Phòng Tổ chức cán bộ", ParentCode: "42", Kind: domain.UnitDepartment,
		Address: "Số 1 đường Nguyễn Du, phường Thành Sen, tỉnh Hà Tĩnh", PartyOrg: "Chi bộ Phòng Tổ chức cán bộ",
		UnionOrg: "Công đoàn bộ phận Phòng Tổ chức cán bộ", YouthOrg: "Chi đoàn Phòng Tổ chức cán bộ"}
	if u, _, _ := s.st.Unit(ctx, "4201"); u != want {
		t.Errorf("unit\n got %+v\nwant %+v", u, want)
	}
	// An older file: only the name changes.
	p = preview(t, s, ImportUnits, importBook(t, [][]any{{"Mã đơn vị", "Tên đơn vị"}, {"4201", "Phòng Tổ chức - Hành chính"}}))
	if res := commit(t, s, p); res != (ImportResult{Updated: 1}) {
		t.Fatalf("commit %+v (rejected %s)", res, issuesText(p.Rejected))
	}
	want.Name = "Phòng Tổ chức - Hành chính"
	if u, _, _ := s.st.Unit(ctx, "4201"); u != want {
		t.Errorf("unit after an older file\n got %+v\nwant %+v", u, want)
	}
}

// The templates the program writes have the new columns, with an example
// that imports.
func TestImportTemplate_HasRecordColumns(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	for _, kind := range []ImportKind{ImportUnits, ImportStaff} {
		var buf bytes.Buffer
		if err := s.ImportTemplate(kind, &buf); err != nil {
			t.Fatal(err)
		}
		commit(t, s, preview(t, s, kind, buf.Bytes()))
	}
	u, _, _ := s.st.Unit(ctx, "4201")
	units, _ := s.st.Units(ctx)
	for _, x := range units {
		if x.Code != "42" && x.Code != "4201" && x.Code != "4202" && x.Code != "4203" {
			u = x
		}
	}
	if u.Address == "" || u.PartyOrg == "" || u.UnionOrg == "" || u.YouthOrg == "" {
		t.Errorf("the units template's example has no organisations: %+v", u)
	}
	p, ok, _ := s.st.PersonByCode(ctx, "CB0001")
	if !ok || p.HomeTown == "" || p.Residence == "" || p.Religion == "" || p.Education == "" || p.PoliticalTheory == "" {
		t.Errorf("the staff template's example has no record: %+v", p)
	}
	spec, err := importSpec(ImportStaff, templateExamples{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range spec.Columns {
		names = append(names, c.Name)
		if c.Required && strings.Contains("Quê quán Trú quán Tôn giáo Trình độ chuyên môn Lý luận chính trị Học hàm, học vị Chức vụ Đảng Chức vụ đoàn thể", c.Name) {
			t.Errorf("%s should be optional", c.Name)
		}
	}
	for _, w := range []string{"Quê quán", "Trú quán", "Tôn giáo", "Trình độ chuyên môn", "Lý luận chính trị", "Học hàm, học vị", "Chức vụ Đảng", "Chức vụ đoàn thể"} {
		if !strings.Contains(strings.Join(names, "|")+"|", w+"|") {
			t.Errorf("the staff template has no column %q: %q", w, names)
		}
	}
}
