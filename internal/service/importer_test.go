package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// importClock is the fixed "now" of the import tests: 15 March 2026.
func importClock() time.Time { return time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC) }

// newImportService opens a fresh database file with the office 42, two
// sub-units and the old code HL01 that became 4202 in the 2025 merger.
func newImportService(t testing.TB) *Service {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{Now: importClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// The tests of the use cases act as a director, who may do everything;
	// roles_test.go checks what the other roles may not.
	s := New(st, importClock).As(testDirector)
	ctx := context.Background()
	if err := s.SaveProfile(ctx, domain.OfficeProfile{UnitCode: "42", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	err = st.Write(ctx, func(tx *store.Tx) error {
		for _, u := range []domain.Unit{
			{Code: "4201", Name: "Phòng Tổ chức cán bộ", ParentCode: "42", Kind: domain.UnitDepartment},
			{Code: "4202", Name: "BHXH cơ sở Hồng Lĩnh", ParentCode: "42", Kind: domain.UnitGrassroots},
			{Code: "4203", Name: "BHXH huyện Can Lộc", ParentCode: "42", Kind: domain.UnitGrassroots, ValidTo: domain.NewDate(2025, 6, 30)},
		} {
			if _, err := tx.SaveUnit(u); err != nil {
				return err
			}
		}
		return tx.AddUnitCodeChange(domain.UnitCodeChange{OldCode: "HL01", NewCode: "4202", Effective: domain.NewDate(2025, 7, 1)})
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// addPeople records people directly in the store.
func addPeople(t testing.TB, s *Service, people ...domain.Person) {
	t.Helper()
	err := s.st.Write(context.Background(), func(tx *store.Tx) error {
		for _, p := range people {
			if _, err := tx.CreatePerson(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func person(code, name string, g domain.Gender, birth, cccd, unit string) domain.Person {
	return domain.Person{StaffCode: code, FullName: name, Gender: g, BirthDate: domain.MustDate(birth), CCCD: cccd,
		RecruitedOn: domain.MustDate("01/09/2010"), UnitCode: unit}
}

func importBook(t testing.TB, rows [][]any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.WriteRows(&buf, rows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func preview(t testing.TB, s *Service, kind ImportKind, data []byte) *ImportPreview {
	t.Helper()
	p, err := s.PreviewImport(context.Background(), kind, bytes.NewReader(data), nil)
	if err != nil {
		t.Fatalf("preview %s: %v", kind, err)
	}
	return p
}

func commit(t testing.TB, s *Service, p *ImportPreview) ImportResult {
	t.Helper()
	res, err := s.CommitImport(context.Background(), p)
	if err != nil {
		t.Fatalf("commit %s: %v", p.Kind, err)
	}
	return res
}

func acceptedRows(p *ImportPreview) []int {
	var rows []int
	for _, r := range p.Accepted {
		rows = append(rows, r.Row)
	}
	return rows
}

// issue is an expected rejection or warning: row, column and a piece of
// the reason that must appear in it.
type issue struct {
	row    int
	column string
	reason string
}

func checkIssues(t *testing.T, what string, got []ImportIssue, want []issue) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d issues, want %d:\n%s", what, len(got), len(want), issuesText(got))
		return
	}
	for i, w := range want {
		g := got[i]
		if g.Row != w.row || g.Column != w.column || !strings.Contains(g.Reason, w.reason) {
			t.Errorf("%s %d: got %s\n\twant row %d, column %q, reason containing %q", what, i, g, w.row, w.column, w.reason)
		}
	}
}

func issuesText(is []ImportIssue) string {
	var b strings.Builder
	for _, i := range is {
		fmt.Fprintf(&b, "\t%s\n", i)
	}
	return b.String()
}

// messyStaff is a staff file as clerks really send them: a title and a
// blank row above the header, columns shuffled, an unknown column, blank
// rows in the middle, decomposed (NFD) Vietnamese, text and real dates,
// and most of the mistakes the importer must catch.
func messyStaff() [][]any {
	nfd := norm.NFD.String
	return [][]any{
		{"DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM 2026"},
		nil,
		{"Họ và tên", "Giới tính (Nam/Nữ)", "MÃ CÁN BỘ", "Ghi chú nội bộ", "Ngày sinh", "Số CCCD", "Đơn vị công tác", "Ngày tuyển dụng", "Chức vụ"},
		// 4: accepted; NFD name, text birth date, real recruitment date
		{nfd("Nguyễn Thị Ánh"), "Nữ", "CB001", "", "17/05/1990", "042190000001", "4201", domain.NewDate(2015, 9, 1), "Chuyên viên"},
		// 5: accepted with a warning: 11-digit number CCCD, unit by name, lower-case gender
		{"Trần Văn Bình", " nam ", "CB002", nil, domain.NewDate(1985, 1, 5), int64(42085000002), "Phòng Tổ chức cán bộ", "01/09/2010", "Phó Trưởng phòng"},
		nil,
		// 7: no 31 February
		{"Lê Văn Cường", "Nam", "CB003", nil, "31/02/1990", "", "4201", "01/09/2012"},
		// 8: CCCD says male
		{"Phạm Thị Dung", "Nữ", "CB004", nil, "12/12/1988", "042088000004", "4201", "01/09/2012"},
		// 9: staff code of row 4 again
		{"Nguyễn Văn Em", "Nam", "CB001", nil, "01/01/1991", "", "4201", "01/09/2013"},
		// 10: CCCD of row 4 again (same gender and birth year, so only the repeat is wrong)
		{"Hoàng Thị Phương", "Nữ", "CB005", nil, domain.NewDate(1990, 8, 8), "042190000001", "4202", "01/09/2014"},
		// 11: unknown unit
		{"Vũ Văn Giang", "Nam", "CB006", nil, "02/02/1984", "", "9999", "01/09/2010"},
		// 12: name and recruitment date missing
		{"", "Nam", "CB007", "x", "03/03/1983", "", "4201", nil},
		nil,
		// 14: CCCD held by CB900 in the database
		{"Đỗ Văn Hùng", "Nam", "CB008", nil, "04/04/1980", "042080000999", "4201", "01/09/2005"},
		// 15: accepted with a warning: the unit's pre-merger code
		{"Bùi Văn Khoa", "Nam", "CB009", nil, "01/01/1992", "", "HL01", "01/09/2016"},
		// 16: no such gender
		{"Ngô Thị Lan", "Nư", "CB010", nil, "05/05/1995", "", "4201", "01/09/2019"},
		// 17: accepted: NFD name, real birth date, unit by exact name
		{nfd("Đặng Văn Minh"), "Nam", "CB011", "ghi chú bị bỏ qua", domain.NewDate(1979, 11, 30), nil, "BHXH cơ sở Hồng Lĩnh", "15/03/2003"},
		// 18: a unit that closed in the 2025 merger
		{"Cao Văn Nam", "Nam", "CB012", nil, "06/06/1986", "", "4203", "01/09/2010"},
	}
}

func TestPreviewImport_MessyStaffFile(t *testing.T) {
	s := newImportService(t)
	addPeople(t, s, person("CB900", "Lý Văn Ổn", domain.Male, "01/01/1980", "042080000999", "4201"))
	data := importBook(t, messyStaff())
	var calls, lastDone, lastTotal int
	p, err := s.PreviewImport(context.Background(), ImportStaff, bytes.NewReader(data), func(done, total int) {
		calls++
		lastDone, lastTotal = done, total
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.HeaderRow != 3 || p.Rows != 13 {
		t.Errorf("header row %d, rows %d; want 3 and 13", p.HeaderRow, p.Rows)
	}
	if calls == 0 || lastDone != lastTotal || lastTotal != 13 {
		t.Errorf("progress: %d calls, last %d/%d", calls, lastDone, lastTotal)
	}
	if got, want := acceptedRows(p), []int{4, 5, 15, 17}; !reflect.DeepEqual(got, want) {
		t.Errorf("accepted rows %v, want %v", got, want)
	}
	if got := p.RejectedRows(); got != 9 {
		t.Errorf("%d rejected rows, want 9", got)
	}
	checkIssues(t, "rejected", p.Rejected, []issue{
		{7, "Ngày sinh", "tháng 02/1990 không có ngày 31"},
		{8, "Số CCCD", "không khớp giới tính Nữ"},
		{9, "Mã cán bộ", "trùng Mã cán bộ với dòng 4"},
		{10, "Số CCCD", "trùng Số CCCD với dòng 4"},
		{11, "Đơn vị công tác", "không có đơn vị mã hoặc tên “9999”"},
		{12, "Họ và tên", "chưa nhập"},
		{12, "Ngày tuyển dụng", "chưa nhập"},
		{14, "Số CCCD", "đã ghi cho Lý Văn Ổn (mã CB900"},
		{16, "Giới tính", "“Nư” không có trong danh sách; chọn Nam hoặc Nữ"},
		{18, "Đơn vị công tác", "đã thôi hoạt động từ 30/06/2025"},
	})
	checkIssues(t, "warnings", p.Warnings, []issue{
		{3, "Ghi chú nội bộ", "cột không có trong mẫu nhập"},
		{5, "Số CCCD", "khôi phục thành 042085000002"},
		{15, "Đơn vị công tác", "mã đơn vị cũ HL01 đã đổi thành 4202"},
	})
	if !reflect.DeepEqual(p.UnknownColumns, []string{"Ghi chú nội bộ"}) {
		t.Errorf("unknown columns %q", p.UnknownColumns)
	}
	if p.Expected != (ImportResult{Inserted: 4}) {
		t.Errorf("expected %+v", p.Expected)
	}
	if p.Accepted[0].Action != "thêm mới" || !strings.Contains(p.Accepted[0].Summary, "CB001 – Nguyễn Thị Ánh, Nữ, sinh 17/05/1990, Phòng Tổ chức cán bộ") {
		t.Errorf("first accepted row %+v", p.Accepted[0])
	}

	// Dry run: the preview wrote nothing.
	if ps, _ := s.People(context.Background()); len(ps) != 1 {
		t.Fatalf("preview wrote %d people", len(ps)-1)
	}

	res := commit(t, s, p)
	if res != (ImportResult{Inserted: 4}) {
		t.Errorf("commit %+v, want 4 inserted", res)
	}
	ctx := context.Background()
	scenarios := []struct {
		code, name, cccd, unit, position string
		birth                            domain.Date
	}{
		{"CB001", "Nguyễn Thị Ánh", "042190000001", "4201", "Chuyên viên", domain.NewDate(1990, 5, 17)},
		{"CB002", "Trần Văn Bình", "042085000002", "4201", "Phó Trưởng phòng", domain.NewDate(1985, 1, 5)},
		{"CB009", "Bùi Văn Khoa", "", "4202", "", domain.NewDate(1992, 1, 1)},
		{"CB011", "Đặng Văn Minh", "", "4202", "", domain.NewDate(1979, 11, 30)},
	}
	for _, sc := range scenarios {
		got, ok, err := s.st.PersonByCode(ctx, sc.code)
		if err != nil || !ok {
			t.Fatalf("%s: %v %v", sc.code, ok, err)
		}
		if got.FullName != sc.name || !norm.NFC.IsNormalString(got.FullName) || got.CCCD != sc.cccd || got.UnitCode != sc.unit ||
			got.Position != sc.position || got.BirthDate != sc.birth {
			t.Errorf("%s stored as %+v", sc.code, got)
		}
	}

	// Re-importing the same file changes nothing.
	again := preview(t, s, ImportStaff, data)
	if again.Expected != (ImportResult{Unchanged: 4}) || len(again.Accepted) != 4 || again.RejectedRows() != 9 {
		t.Errorf("re-import preview: expected %+v, %d accepted, %d rejected", again.Expected, len(again.Accepted), again.RejectedRows())
	}
	if res := commit(t, s, again); res != (ImportResult{Unchanged: 4}) {
		t.Errorf("re-import commit %+v, want 4 unchanged", res)
	}
}

func TestWriteImportReport_RejectedRowsWithReasons(t *testing.T) {
	s := newImportService(t)
	addPeople(t, s, person("CB900", "Lý Văn Ổn", domain.Male, "01/01/1980", "042080000999", "4201"))
	p := preview(t, s, ImportStaff, importBook(t, messyStaff()))
	var buf bytes.Buffer
	if err := s.WriteImportReport(p, &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := xlsx.ReadRows(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 10 {
		t.Fatalf("%d report rows, want header + 9", len(rows))
	}
	if rows[0][0] != "Dòng" || rows[0][len(rows[0])-1] != "Lý do" || rows[0][3] != "MÃ CÁN BỘ" {
		t.Errorf("report header %q", rows[0])
	}
	// Row 12 of the file: two reasons, original values kept.
	r := rows[6]
	if r[0] != "12" || r[3] != "CB007" || r[4] != "x" || r[5] != "03/03/1983" {
		t.Errorf("report row %q", r)
	}
	if last := r[len(r)-1]; !strings.Contains(last, "Họ và tên: chưa nhập") || !strings.Contains(last, "Ngày tuyển dụng: chưa nhập") {
		t.Errorf("reasons %q", last)
	}
	// The report itself imports ("Dòng" and "Lý do" are unknown columns):
	// the rows wrong in themselves are rejected again, while the two that
	// only repeated row 4 (report rows 4 and 5) are now alone and pass.
	back := preview(t, s, ImportStaff, buf.Bytes())
	if got := acceptedRows(back); !reflect.DeepEqual(got, []int{4, 5}) || back.RejectedRows() != 7 || len(back.UnknownColumns) != 3 {
		t.Errorf("report re-import: accepted %v, %d rejected, unknown %q", got, back.RejectedRows(), back.UnknownColumns)
	}
}

func TestPreviewImport_FileErrors(t *testing.T) {
	s := newImportService(t)
	scenarios := []struct {
		name string
		data []byte
		want string
	}{
		{"not a workbook", []byte("Mã cán bộ,Họ và tên\nCB1,An\n"), "không đọc được tệp"},
		{"units file as staff", importBook(t, [][]any{{"Mã đơn vị", "Tên đơn vị"}, {"4201", "Phòng"}}), "cần các cột Mã cán bộ, Họ và tên"},
		{"columns missing", importBook(t, [][]any{{"Danh sách"}, {"Mã cán bộ", "Họ và tên", "Giới tính"}}), "dòng 2 gần đúng nhất nhưng thiếu cột Ngày sinh, Đơn vị công tác, Ngày tuyển dụng"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			_, err := s.PreviewImport(context.Background(), ImportStaff, bytes.NewReader(sc.data), nil)
			if !errors.Is(err, ErrImportFile) || !strings.Contains(err.Error(), sc.want) {
				t.Errorf("err %v, want ErrImportFile with %q", err, sc.want)
			}
			if !strings.Contains(Explain(err), sc.want) {
				t.Errorf("Explain %q", Explain(err))
			}
		})
	}
	if _, err := ParseImportKind("people"); err == nil {
		t.Error("ParseImportKind accepted an unknown kind")
	}
	if k, err := ParseImportKind(" Staff "); err != nil || k != ImportStaff {
		t.Errorf("ParseImportKind: %v %v", k, err)
	}
}

func TestPreviewImport_UnitsParentAfterChild(t *testing.T) {
	s := newImportService(t)
	data := importBook(t, [][]any{
		{"Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên", "Loại", "Hiệu lực từ"},
		{"4210", "Tổ Một cửa Kỳ Anh", "4209", "Phòng", "01/07/2025"}, // 2: parent defined on row 4
		{"42", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "", "Tỉnh"},           // 3: the office itself, unchanged
		{"4209", "BHXH cơ sở Kỳ Anh", "42", "", domain.NewDate(2025, 7, 1)},
		{"4211", "Phòng X", "4299", "Phòng"},      // 5: unknown parent
		{"4212", "Phòng Y", "4212", "Phòng"},      // 6: its own parent
		{"4213", "Phòng A", "4214", "Phòng"},      // 7: loop with row 8
		{"4214", "Phòng B", "4213", "Phòng"},      // 8
		{"4209", "BHXH cơ sở Kỳ Anh 2", "42", ""}, // 9: code of row 4 again
		{"4215", "Phòng C", "4211", "Phòng"},      // 10: parent rejected
		{"4216", "", "42", "Phòng"},               // 11: no name
		{"4217", "Phòng D", "42", "Tỉnh"},         // 12: only the office is Tỉnh
		{"4218", "Phòng E", "42", "Ban"},          // 13: no such kind
		{"4201", "Phòng Tổ chức cán bộ", "HL01"},  // 14: parent by old code, updated
	})
	p := preview(t, s, ImportUnits, data)
	if got, want := acceptedRows(p), []int{2, 3, 4, 14}; !reflect.DeepEqual(got, want) {
		t.Errorf("accepted rows %v, want %v", got, want)
	}
	checkIssues(t, "rejected", p.Rejected, []issue{
		{5, "Đơn vị cấp trên", "không có đơn vị mã “4299”"},
		{6, "Đơn vị cấp trên", "không được là chính đơn vị này"},
		{7, "Đơn vị cấp trên", "vòng lặp (4213 → 4214 → 4213)"},
		{8, "Đơn vị cấp trên", "vòng lặp (4214 → 4213 → 4214)"},
		{9, "Mã đơn vị", "trùng Mã đơn vị với dòng 4"},
		{10, "Đơn vị cấp trên", "đơn vị cấp trên 4211 ở dòng 5 bị từ chối"},
		{11, "Tên đơn vị", "chưa nhập"},
		{12, "Loại", "chỉ đơn vị gốc (mã 42) là cấp Tỉnh"},
		{13, "Loại", "“Ban” không có trong danh sách; chọn Phòng, BHXH cơ sở hoặc Tỉnh"},
	})
	if p.Expected != (ImportResult{Inserted: 2, Updated: 1, Unchanged: 1}) {
		t.Errorf("expected %+v", p.Expected)
	}
	if res := commit(t, s, p); res != (ImportResult{Inserted: 2, Updated: 1, Unchanged: 1}) {
		t.Errorf("commit %+v", res)
	}
	units, err := s.st.Units(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]domain.Unit{}
	roots := 0
	for _, u := range units {
		got[u.Code] = u
		if u.ParentCode == "" {
			roots++
		}
	}
	if roots != 1 || len(units) != 6 {
		t.Errorf("%d units, %d roots; want 6 and 1", len(units), roots)
	}
	scenarios := []struct {
		code, parent string
		kind         domain.UnitKind
		from         domain.Date
	}{
		{"4209", "42", domain.UnitGrassroots, domain.NewDate(2025, 7, 1)},
		{"4210", "4209", domain.UnitDepartment, domain.NewDate(2025, 7, 1)},
		{"4201", "4202", domain.UnitDepartment, domain.Date{}},
		{"42", "", domain.UnitProvince, domain.Date{}},
	}
	for _, sc := range scenarios {
		u := got[sc.code]
		if u.ParentCode != sc.parent || u.Kind != sc.kind || u.ValidFrom != sc.from {
			t.Errorf("unit %s stored as %+v", sc.code, u)
		}
	}
	if res := commit(t, s, preview(t, s, ImportUnits, data)); res != (ImportResult{Unchanged: 4}) {
		t.Errorf("re-import %+v, want 4 unchanged", res)
	}
}

// seedHistoryPeople adds the people the history kinds refer to.
func seedHistoryPeople(t *testing.T, s *Service) {
	addPeople(t, s,
		person("CB001", "Nguyễn Thị Ánh", domain.Female, "17/05/1990", "", "4201"),
		person("CB002", "Trần Văn Bình", domain.Male, "05/01/1985", "", "4202"),
		person("CB003", "Lê Văn Cường", domain.Male, "01/01/1988", "", "4202"),
	)
	var id int64
	if err := s.st.Write(context.Background(), func(tx *store.Tx) error {
		p, _, err := tx.PersonByCode("CB003")
		id = p.ID
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(context.Background(), id); err != nil {
		t.Fatal(err)
	}
}

func TestPreviewImport_Ratings(t *testing.T) {
	s := newImportService(t)
	seedHistoryPeople(t, s)
	data := importBook(t, [][]any{
		{"Mã cán bộ", "Mã đơn vị", "Năm", "Xếp loại"},
		{"CB001", "", 2024, "HTXSNV"},                       // 2
		{"", "4201", "2024", "hoàn thành tốt nhiệm vụ"},     // 3
		{"CB001", nil, 2024, "HTTNV"},                       // 4: same person and year as row 2
		{"CB404", nil, 2024, "HTNV"},                        // 5: nobody
		{"CB001", nil, 2023, "Xuất sắc"},                    // 6
		{"CB001", "4201", 2023, "HTNV"},                     // 7: both keys
		{"", "", 2023, "HTNV"},                              // 8: no key
		{"CB002", nil, 1960, "HTNV"},                        // 9
		{"", "HL01", 2024, "Hoàn thành xuất sắc nhiệm vụ"},  // 10: old code, warned
		{"CB003", nil, 2024, "HTNV"},                        // 11: deleted person
		{"cb002", nil, 2025, "  KHTNV "},                    // 12: code in lower case
		{"CB002", nil, "năm 2024", "HTNV"},                  // 13
		{"CB002", nil, 2024, ""},                            // 14
		{"CB002", nil, domain.NewDate(2024, 1, 1), "HTTNV"}, // 15: a date is not a year
	})
	p := preview(t, s, ImportRatings, data)
	if got, want := acceptedRows(p), []int{2, 3, 10, 12}; !reflect.DeepEqual(got, want) {
		t.Errorf("accepted rows %v, want %v", got, want)
	}
	checkIssues(t, "rejected", p.Rejected, []issue{
		{4, "Mã cán bộ", "trùng Mã cán bộ và Năm với dòng 2"},
		{5, "Mã cán bộ", "không có cán bộ mã CB404"},
		{6, "Xếp loại", "“Xuất sắc” không có trong danh sách"},
		{7, "Mã đơn vị", "chỉ điền một trong hai"},
		{8, "Mã cán bộ", "điền Mã cán bộ (cá nhân) hoặc Mã đơn vị (tập thể)"},
		{9, "Năm", "năm 1960 không hợp lệ; nhập năm từ 1975 đến 2027"},
		{11, "Mã cán bộ", "CB003 (Lê Văn Cường) đã bị xóa"},
		{13, "Năm", "“năm 2024” không phải là năm"},
		{14, "Xếp loại", "chưa nhập"},
		{15, "Năm", "“01/01/2024” không phải là năm"},
	})
	checkIssues(t, "warnings", p.Warnings, []issue{{10, "Mã đơn vị", "mã đơn vị cũ HL01 đã đổi thành 4202"}})
	if res := commit(t, s, p); res != (ImportResult{Inserted: 4}) {
		t.Errorf("commit %+v", res)
	}
	got, err := s.st.Ratings(context.Background(), domain.UnitSubject("4202"))
	if err != nil || len(got) != 1 || got[0].Rating != domain.HTXSNV || got[0].Year != 2024 {
		t.Errorf("4202 ratings %+v %v", got, err)
	}
	got, _ = s.st.Ratings(context.Background(), domain.PersonSubject("CB002"))
	if len(got) != 1 || got[0].Rating != domain.KHTNV {
		t.Errorf("CB002 ratings %+v", got)
	}
	if res := commit(t, s, preview(t, s, ImportRatings, data)); res != (ImportResult{Unchanged: 4}) {
		t.Errorf("re-import %+v", res)
	}
}

// seedInitiative records an initiative of CB001 for the awards to rest on.
func seedInitiative(t *testing.T, s *Service) {
	err := s.st.Write(context.Background(), func(tx *store.Tx) error {
		_, _, err := tx.SaveInitiative(domain.Initiative{Title: "Số hóa hồ sơ", Year: 2024, Scope: domain.ScopeGrassroots, Authors: []string{"CB001"}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPreviewImport_Awards(t *testing.T) {
	s := newImportService(t)
	seedHistoryPeople(t, s)
	seedInitiative(t, s)
	header := []any{"Mã cán bộ", "Mã đơn vị", "Năm", "Danh hiệu / Hình thức", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Loại khen thưởng", "Sáng kiến làm căn cứ"}
	data := importBook(t, [][]any{
		header,
		{"CB001", "", 2024, "CSTDCS", "12/QĐ-BHXH", "20/01/2025", "BHXH tỉnh Hà Tĩnh", "", "Số hóa hồ sơ"},      // 2
		{"", "4201", 2024, "tập thể lao động tiên tiến", "13/QĐ-BHXH", domain.NewDate(2025, 1, 20), "", "", ""}, // 3
		{"CB002", "", 2024, "Giấy khen", "14/QĐ-BHXH", "", "", "đột xuất", ""},                                  // 4
		{"CB001", "", 2024, "Chiến sĩ thi đua cơ sở", "15/QĐ-BHXH"},                                             // 5: same as row 2
		{"CB002", "", 2024, "TTLDTT"},                                     // 6: collective award for a person
		{"CB002", "", 2024, "Huy chương vàng"},                            // 7: not in the catalogue
		{"CB002", "", 2024, "LDTT", "", "20/12/2023"},                     // 8: decided before the year
		{"CB002", "", 2023, "LDTT", "", "", "", "", "Sáng kiến không có"}, // 9: unknown initiative (database)
		{"CB002", "", 2022, "LDTT", "", "", "", "Thường xuyên"},           // 10: no such kind
	})
	p := preview(t, s, ImportAwards, data)
	if got, want := acceptedRows(p), []int{2, 3, 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("accepted rows %v, want %v", got, want)
	}
	checkIssues(t, "rejected", p.Rejected, []issue{
		{5, "Mã cán bộ", "trùng Mã cán bộ, Năm và Danh hiệu/Hình thức với dòng 2"},
		{6, "Danh hiệu/Hình thức", "Tập thể lao động tiên tiến không dùng cho cá nhân"},
		{7, "Danh hiệu/Hình thức", "“Huy chương vàng” không có trong danh mục"},
		{8, "Ngày quyết định", "sớm hơn năm thành tích 2024"},
		{9, "Sáng kiến làm căn cứ", "không có sáng kiến \"Sáng kiến không có\""},
		{10, "Loại khen thưởng", "“Thường xuyên” không có trong danh sách"},
	})
	if res := commit(t, s, p); res != (ImportResult{Inserted: 3}) {
		t.Errorf("commit %+v", res)
	}
	aw, err := s.st.Awards(context.Background(), domain.PersonSubject("CB001"))
	if err != nil || len(aw) != 1 || aw[0].AwardCode != "CSTDCS" || aw[0].DecisionDate != domain.NewDate(2025, 1, 20) ||
		!reflect.DeepEqual(aw[0].Initiatives, []string{"Số hóa hồ sơ"}) || aw[0].Kind != domain.KindMerit {
		t.Errorf("CB001 awards %+v %v", aw, err)
	}
	aw, _ = s.st.Awards(context.Background(), domain.PersonSubject("CB002"))
	if len(aw) != 1 || aw[0].AwardCode != "GK" || aw[0].Kind != domain.KindOneOff {
		t.Errorf("CB002 awards %+v", aw)
	}
	if res := commit(t, s, preview(t, s, ImportAwards, data)); res != (ImportResult{Unchanged: 3}) {
		t.Errorf("re-import %+v", res)
	}
	// A file without the optional columns keeps what is recorded.
	short := importBook(t, [][]any{{"Mã cán bộ", "Năm", "Danh hiệu/Hình thức"}, {"CB001", 2024, "CSTDCS"}})
	if res := commit(t, s, preview(t, s, ImportAwards, short)); res != (ImportResult{Unchanged: 1}) {
		t.Errorf("short re-import %+v, want unchanged", res)
	}
}

func TestPreviewImport_Initiatives(t *testing.T) {
	s := newImportService(t)
	seedHistoryPeople(t, s)
	data := importBook(t, [][]any{
		{"Mã cán bộ", "Tên sáng kiến", "Năm công nhận", "Phạm vi ảnh hưởng", "Số quyết định", "Ngày quyết định", "Cơ quan công nhận"},
		{"CB001; CB002", "Số hóa hồ sơ thu", 2024, "bộ ngành", "125/QĐ-BHXH", "15/12/2024", "BHXH Việt Nam"}, // 2
		{"CB002", "Rút ngắn thời gian giải quyết chế độ", 2025, "Cơ sở"},                                     // 3
		{"CB001", "SỐ HÓA HỒ SƠ THU", 2024, "Cơ sở"},                                                         // 4: same title and year
		{"CB001;CB404", "Một sáng kiến", 2024, "Cơ sở"},                                                      // 5: unknown author
		{"CB001", "Sáng kiến thiếu phạm vi", 2024, ""},                                                       // 6
		{"CB001", "", 2024, "Cơ sở"},                        // 7
		{"CB001", "Sáng kiến tương lai", 2030, "Toàn quốc"}, // 8
	})
	p := preview(t, s, ImportInitiatives, data)
	if got, want := acceptedRows(p), []int{2, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("accepted rows %v, want %v", got, want)
	}
	checkIssues(t, "rejected", p.Rejected, []issue{
		{4, "Tên sáng kiến", "trùng Tên sáng kiến và Năm công nhận với dòng 2"},
		{5, "Mã cán bộ", "không có cán bộ mã CB404"},
		{6, "Phạm vi ảnh hưởng", "chưa nhập; chọn Cơ sở, Bộ, ngành hoặc Toàn quốc"},
		{7, "Tên sáng kiến", "chưa nhập"},
		{8, "Năm công nhận", "năm 2030 không hợp lệ"},
	})
	if res := commit(t, s, p); res != (ImportResult{Inserted: 2}) {
		t.Errorf("commit %+v", res)
	}
	ins, err := s.st.InitiativesOf(context.Background(), "CB002")
	if err != nil || len(ins) != 2 {
		t.Fatalf("CB002 initiatives %+v %v", ins, err)
	}
	if in := ins[1]; in.Title != "Số hóa hồ sơ thu" || in.Scope != domain.ScopeMinistry || !reflect.DeepEqual(in.Authors, []string{"CB001", "CB002"}) ||
		in.DecisionDate != domain.NewDate(2024, 12, 15) {
		t.Errorf("initiative %+v", in)
	}
	if res := commit(t, s, preview(t, s, ImportInitiatives, data)); res != (ImportResult{Unchanged: 2}) {
		t.Errorf("re-import %+v", res)
	}
}

func TestPreviewImport_Discipline(t *testing.T) {
	s := newImportService(t)
	seedHistoryPeople(t, s)
	data := importBook(t, [][]any{
		{"Mã cán bộ", "Hình thức kỷ luật", "Ngày hiệu lực", "Ngày kết thúc", "Số quyết định"},
		{"CB002", "Khiển trách", "01/03/2024", "31/08/2024", "45/QĐ-BHXH"}, // 2
		{"CB001", "CANH_CAO", domain.NewDate(2023, 5, 1), nil, ""},         // 3
		{"CB002", "khiển trách", "01/03/2024", "", "46/QĐ-BHXH"},           // 4: same key as row 2
		{"CB002", "Cảnh cáo", "01/03/2024", "01/01/2024"},                  // 5: ends before it starts
		{"CB002", "Phê bình", "01/03/2024"},                                // 6: no such form
		{"CB002", "Cảnh cáo", ""},                                          // 7: no start
		{"CB404", "Cảnh cáo", "01/03/2024"},                                // 8: nobody
	})
	p := preview(t, s, ImportDiscipline, data)
	if got, want := acceptedRows(p), []int{2, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("accepted rows %v, want %v", got, want)
	}
	checkIssues(t, "rejected", p.Rejected, []issue{
		{4, "Mã cán bộ", "trùng Mã cán bộ, Hình thức kỷ luật và Ngày hiệu lực với dòng 2"},
		{5, "Ngày kết thúc", "sớm hơn Ngày hiệu lực (01/03/2024)"},
		{6, "Hình thức kỷ luật", "“Phê bình” không có trong danh sách"},
		{7, "Ngày hiệu lực", "chưa nhập"},
		{8, "Mã cán bộ", "không có cán bộ mã CB404"},
	})
	if res := commit(t, s, p); res != (ImportResult{Inserted: 2}) {
		t.Errorf("commit %+v", res)
	}
	ds, _ := s.st.DisciplinesOf(context.Background(), "CB002")
	if len(ds) != 1 || ds[0].To != domain.NewDate(2024, 8, 31) || ds[0].DecisionNo != "45/QĐ-BHXH" {
		t.Errorf("CB002 disciplines %+v", ds)
	}
	if res := commit(t, s, preview(t, s, ImportDiscipline, data)); res != (ImportResult{Unchanged: 2}) {
		t.Errorf("re-import %+v", res)
	}
}

// TestImportTemplate_RoundTrip writes every template of a fresh office and
// imports it as written: each example row must import cleanly, and the
// examples refer to what the earlier templates created.
func TestImportTemplate_RoundTrip(t *testing.T) {
	s := newImportService(t)
	order := []ImportKind{ImportUnits, ImportStaff, ImportInitiatives, ImportAwards, ImportRatings, ImportDiscipline}
	if len(order) != len(ImportKinds) {
		t.Fatal("a kind is missing from the round trip")
	}
	for _, kind := range order {
		var buf bytes.Buffer
		if err := s.ImportTemplate(kind, &buf); err != nil {
			t.Fatalf("%s template: %v", kind, err)
		}
		p := preview(t, s, kind, buf.Bytes())
		if len(p.Accepted) != 1 || len(p.Rejected) != 0 || len(p.Warnings) != 0 || p.HeaderRow != 1 {
			t.Fatalf("%s template: %d accepted, rejected %s, warnings %s", kind, len(p.Accepted), issuesText(p.Rejected), issuesText(p.Warnings))
		}
		if res := commit(t, s, p); res != (ImportResult{Inserted: 1}) {
			t.Errorf("%s template commit %+v", kind, res)
		}
	}
	aw, err := s.st.Awards(context.Background(), domain.PersonSubject("CB0001"))
	if err != nil || len(aw) != 1 || len(aw[0].Initiatives) != 1 {
		t.Errorf("the award example should rest on the initiative example: %+v %v", aw, err)
	}
}

// cancelAfter is a context that reports cancellation from the n-th call
// of Err on, so a commit is cancelled in the middle of its rows.
type cancelAfter struct {
	context.Context
	calls, n int
}

func (c *cancelAfter) Err() error {
	c.calls++
	if c.calls >= c.n {
		return context.Canceled
	}
	return nil
}

func TestCommitImport_Cancelled(t *testing.T) {
	rows := [][]any{{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị công tác", "Ngày tuyển dụng"}}
	for i := range 200 {
		rows = append(rows, []any{fmt.Sprintf("CB%03d", i), "Nguyễn Văn An", "05/01/1985", "Nam", "4201", "01/09/2010"})
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	scenarios := []struct {
		name string
		ctx  context.Context
	}{
		{"before the commit", cancelled},
		{"in the middle of the rows", &cancelAfter{Context: context.Background(), n: 2}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			s := newImportService(t)
			p := preview(t, s, ImportStaff, importBook(t, rows))
			if len(p.Accepted) != 200 {
				t.Fatalf("%d accepted", len(p.Accepted))
			}
			if _, err := s.CommitImport(sc.ctx, p); !errors.Is(err, context.Canceled) {
				t.Errorf("err %v, want context.Canceled", err)
			}
			if ps, _ := s.People(context.Background()); len(ps) != 0 {
				t.Errorf("a cancelled commit wrote %d people", len(ps))
			}
		})
	}
}

func TestPreviewImport_DryRunWritesNothing(t *testing.T) {
	s := newImportService(t)
	seedHistoryPeople(t, s)
	files := map[ImportKind][][]any{
		ImportUnits:       {{"Mã đơn vị", "Tên đơn vị"}, {"4290", "Phòng mới"}},
		ImportStaff:       {{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị công tác", "Ngày tuyển dụng"}, {"CB100", "Lê Thị Mai", "01/01/1990", "Nữ", "4201", "01/01/2015"}},
		ImportRatings:     {{"Mã cán bộ", "Năm", "Xếp loại"}, {"CB001", 2025, "HTXSNV"}},
		ImportAwards:      {{"Mã cán bộ", "Năm", "Danh hiệu/Hình thức"}, {"CB001", 2025, "LDTT"}},
		ImportInitiatives: {{"Mã cán bộ", "Tên sáng kiến", "Năm công nhận", "Phạm vi ảnh hưởng"}, {"CB001", "Sáng kiến mới", 2025, "Cơ sở"}},
		ImportDiscipline:  {{"Mã cán bộ", "Hình thức kỷ luật", "Ngày hiệu lực"}, {"CB002", "Cảnh cáo", "01/02/2025"}},
	}
	ctx := context.Background()
	for _, kind := range ImportKinds {
		p := preview(t, s, kind, importBook(t, files[kind]))
		if len(p.Accepted) != 1 || p.Expected != (ImportResult{Inserted: 1}) {
			t.Errorf("%s: %d accepted, expected %+v, rejected %s", kind, len(p.Accepted), p.Expected, issuesText(p.Rejected))
		}
	}
	units, _ := s.st.Units(ctx)
	people, _ := s.People(ctx)
	ratings, _ := s.st.Ratings(ctx, domain.PersonSubject("CB001"))
	awards, _ := s.st.Awards(ctx, domain.PersonSubject("CB001"))
	inits, _ := s.st.InitiativesOf(ctx, "CB001")
	discs, _ := s.st.DisciplinesOf(ctx, "CB002")
	if len(units) != 4 || len(people) != 2 || len(ratings)+len(awards)+len(inits)+len(discs) != 0 {
		t.Errorf("previews wrote: %d units, %d people, %d ratings, %d awards, %d initiatives, %d disciplines",
			len(units), len(people), len(ratings), len(awards), len(inits), len(discs))
	}
}

// TestPreviewImport_StaffUpdates covers people already in the database:
// a changed row updates, a moved person gets a transfer, a deleted person
// named again is restored, a column left out of the file keeps its value.
func TestPreviewImport_StaffUpdates(t *testing.T) {
	s := newImportService(t)
	ctx := context.Background()
	ana := person("CB001", "Nguyễn Thị Ánh", domain.Female, "17/05/1990", "042190000001", "4201")
	ana.Position, ana.Ethnicity = "Chuyên viên", "Tày"
	addPeople(t, s, ana,
		person("CB002", "Trần Văn Bình", domain.Male, "05/01/1985", "", "4201"),
		person("CB003", "Lê Văn Cường", domain.Male, "01/01/1988", "", "4202"))
	old, _, _ := s.st.PersonByCode(ctx, "CB003")
	if err := s.DeletePerson(ctx, old.ID); err != nil {
		t.Fatal(err)
	}
	// No Dân tộc column: CB001 keeps "Tày".
	data := importBook(t, [][]any{
		{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Chức vụ", "Đơn vị công tác", "Ngày tuyển dụng"},
		{"CB001", "Nguyễn Thị Ánh", "17/05/1990", "Nữ", "042190000001", "Chuyên viên", "4201", "01/09/2010"},
		{"CB002", "Trần Văn Bình", "05/01/1985", "Nam", "", "", "4202", "01/09/2010"},
		{"CB003", "Lê Văn Cường", "01/01/1988", "Nam", "", "", "4202", "01/09/2010"},
	})
	p := preview(t, s, ImportStaff, data)
	var actions []string
	for _, r := range p.Accepted {
		actions = append(actions, r.Action)
	}
	if want := []string{"không đổi", "cập nhật", "cập nhật"}; !reflect.DeepEqual(actions, want) {
		t.Errorf("actions %q, want %q (rejected %s)", actions, want, issuesText(p.Rejected))
	}
	if res := commit(t, s, p); res != (ImportResult{Updated: 2, Unchanged: 1}) {
		t.Errorf("commit %+v", res)
	}
	scenarios := []struct {
		code, unit, ethnicity string
		assignments           int
	}{
		{"CB001", "4201", "Tày", 1},
		{"CB002", "4202", "", 2}, // moved on the import day: a second assignment
		{"CB003", "4202", "", 1}, // restored
	}
	people, _ := s.People(ctx)
	if len(people) != 3 {
		t.Errorf("%d people listed, want 3 (CB003 restored)", len(people))
	}
	for _, sc := range scenarios {
		got, _, _ := s.st.PersonByCode(ctx, sc.code)
		as, _ := s.st.Assignments(ctx, got.ID)
		if got.UnitCode != sc.unit || got.Ethnicity != sc.ethnicity || len(as) != sc.assignments {
			t.Errorf("%s: unit %s ethnicity %q, %d assignments; want %s %q %d", sc.code, got.UnitCode, got.Ethnicity, len(as), sc.unit, sc.ethnicity, sc.assignments)
		}
	}
	if res := commit(t, s, preview(t, s, ImportStaff, data)); res != (ImportResult{Unchanged: 3}) {
		t.Errorf("re-import %+v", res)
	}
}

func TestPreviewImport_OfficeUnitUpdatedNotDuplicated(t *testing.T) {
	scenarios := []struct {
		name string
		row  []any
		want ImportResult
	}{
		{"same name", []any{"42", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "", "Tỉnh"}, ImportResult{Unchanged: 1}},
		{"new name, kind left empty", []any{"42", "BHXH tỉnh Hà Tĩnh", "", ""}, ImportResult{Updated: 1}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			s := newImportService(t)
			p := preview(t, s, ImportUnits, importBook(t, [][]any{{"Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên", "Loại"}, sc.row}))
			if res := commit(t, s, p); res != sc.want {
				t.Errorf("commit %+v, want %+v (rejected %s)", res, sc.want, issuesText(p.Rejected))
			}
			u, ok, _ := s.st.Unit(context.Background(), "42")
			units, _ := s.st.Units(context.Background())
			if !ok || u.Name != sc.row[1] || u.Kind != domain.UnitProvince || u.ParentCode != "" || len(units) != 4 {
				t.Errorf("office unit %+v, %d units", u, len(units))
			}
		})
	}
}
