package staff

import (
	"context"
	"slices"
	"strings"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/service"
)

// fixture is the view over a real service and a real temporary database,
// with the office HTI and two departments.
type fixture struct {
	t   *testing.T
	ctx context.Context
	svc *service.Service
	win fyne.Window
	v   *View
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	test.NewTempApp(t)
	svc := uitest.Service(t)
	ctx := context.Background()
	if err := svc.SaveProfile(ctx, domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []domain.Unit{
		{Code: "HTI.TC", Name: "Phòng Tổ chức cán bộ", ParentCode: "HTI", Kind: domain.UnitDepartment},
		{Code: "HTI.KT", Name: "Phòng Kế hoạch - Tài chính", ParentCode: "HTI", Kind: domain.UnitDepartment},
	} {
		if err := svc.SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	win := test.NewTempWindow(t, nil)
	v := New(svc, win)
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(1200, 760))
	v.Reload()
	return &fixture{t: t, ctx: ctx, svc: svc, win: win, v: v}
}

// person adds someone through the service (not the form under test).
func (f *fixture) person(code, name, birth string, g domain.Gender, cccd, unit string) domain.Person {
	f.t.Helper()
	p, err := f.svc.SavePerson(f.ctx, domain.Person{StaffCode: code, FullName: name, BirthDate: domain.MustDate(birth), Gender: g,
		CCCD: cccd, Position: "Chuyên viên", Ethnicity: "Kinh", RecruitedOn: domain.MustDate("01/08/2010"), UnitCode: unit}, domain.Date{})
	if err != nil {
		f.t.Fatal(err)
	}
	return p
}

func (f *fixture) people() []domain.Person {
	f.t.Helper()
	ps, err := f.svc.People(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	return ps
}

// open selects the person with the staff code in the list, as a click does.
func (f *fixture) open(code string) {
	f.t.Helper()
	for i, p := range f.v.shown {
		if p.StaffCode == code {
			f.v.list.list.Select(i)
			if f.v.person.loaded.StaffCode != code {
				f.t.Fatalf("selecting %s opened %q", code, f.v.person.loaded.StaffCode)
			}
			return
		}
	}
	f.t.Fatalf("%s is not in the list (shown: %v)", code, f.shownNames())
}

func (f *fixture) shownNames() []string {
	var out []string
	for _, p := range f.v.shown {
		out = append(out, p.FullName)
	}
	return out
}

// retype replaces an entry's text as a person does: clear it, then type.
func retype(e interface {
	fyne.Focusable
	SetText(string)
}, text string,
) {
	e.SetText("")
	test.Type(e, text)
}

// fillNew opens a blank record and types a complete, valid person.
func (f *fixture) fillNew() *personPanel {
	test.Tap(f.v.list.add)
	pp := f.v.person
	test.Type(pp.code, "CB001")
	test.Type(pp.name, "Nguyễn Thị Lan")
	test.Type(pp.birth, "05/01/1985")
	pp.gender.SetSelected("Nữ")
	test.Type(pp.cccd, "042185000123")
	test.Type(pp.position, "Chuyên viên")
	pp.unit.SetSelected("Phòng Tổ chức cán bộ")
	test.Type(pp.recruited, "01/08/2010")
	test.Type(pp.note, "Chuyển từ BHXH huyện Kỳ Anh")
	return pp
}

func TestPersonPanel_CreateThroughForm(t *testing.T) {
	f := newFixture(t)
	pp := f.fillNew()
	if pp.ethnicity.Text != "Kinh" {
		t.Errorf("Dân tộc defaults to %q, want Kinh", pp.ethnicity.Text)
	}
	test.Tap(pp.saveBtn)

	for _, fd := range pp.form.Fields {
		if fd.Error.Text != "" {
			t.Errorf("error under %s: %s", fd.Label, fd.Error.Text)
		}
	}
	ps := f.people()
	if len(ps) != 1 {
		t.Fatalf("store holds %d people, want 1", len(ps))
	}
	got := ps[0]
	want := domain.Person{ID: got.ID, StaffCode: "CB001", FullName: "Nguyễn Thị Lan", BirthDate: domain.NewDate(1985, 1, 5),
		Gender: domain.Female, CCCD: "042185000123", Position: "Chuyên viên", Ethnicity: "Kinh",
		RecruitedOn: domain.NewDate(2010, 8, 1), UnitCode: "HTI.TC", Note: "Chuyển từ BHXH huyện Kỳ Anh"}
	if got != want {
		t.Errorf("stored\n %+v\nwant\n %+v", got, want)
	}
	if names := f.shownNames(); !slices.Equal(names, []string{"Nguyễn Thị Lan"}) {
		t.Errorf("list shows %v", names)
	}
	if f.v.list.selected != 0 || pp.loaded.ID != got.ID {
		t.Errorf("after saving, list selection %d and open person %d; want the new person selected", f.v.list.selected, pp.loaded.ID)
	}
	if want := "Hiển thị 1 / 1 cán bộ"; f.v.list.count.Text != want {
		t.Errorf("count %q, want %q", f.v.list.count.Text, want)
	}
	if f.v.headcount["HTI.TC"] != 1 || f.v.headcount["HTI"] != 1 || f.v.headcount["HTI.KT"] != 0 {
		t.Errorf("headcounts not updated: %v", f.v.headcount)
	}
	if pp.dirty() {
		t.Error("form reports unsaved changes right after saving")
	}
}

func TestPersonPanel_EditNameAndUnit(t *testing.T) {
	f := newFixture(t)
	f.person("CB001", "Nguyễn Thị Lan", "05/01/1985", domain.Female, "", "HTI.TC")
	f.v.Reload()
	f.open("CB001")
	pp := f.v.person

	retype(pp.name, "Nguyễn Thị Hoa Lan")
	pp.unit.SetSelected("Phòng Kế hoạch - Tài chính")
	if !pp.movedRow.Visible() || pp.moved.Text != "01/03/2026" {
		t.Errorf("transfer date row visible=%v text=%q, want shown with today's date", pp.movedRow.Visible(), pp.moved.Text)
	}
	test.Tap(pp.saveBtn)

	ps := f.people()
	if len(ps) != 1 || ps[0].FullName != "Nguyễn Thị Hoa Lan" || ps[0].UnitCode != "HTI.KT" {
		t.Fatalf("store holds %+v", ps)
	}
	as, err := f.svc.Assignments(f.ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 {
		t.Fatalf("assignment history has %d rows, want 2: %+v", len(as), as)
	}
	if as[0].UnitCode != "HTI.TC" || as[0].To != domain.NewDate(2026, 2, 28) || as[1].UnitCode != "HTI.KT" || as[1].From != domain.NewDate(2026, 3, 1) {
		t.Errorf("assignments %+v", as)
	}
	if got := len(pp.history.assign.rows); got != 2 {
		t.Errorf("Công tác tab shows %d rows, want 2", got)
	}
	if f.v.shown[f.v.list.selected].StaffCode != "CB001" || pp.name.Text != "Nguyễn Thị Hoa Lan" {
		t.Error("the edited person is no longer selected and open")
	}
}

func TestPersonPanel_InvalidInputSavesNothing(t *testing.T) {
	scenarios := []struct {
		name  string
		setup func(f *fixture)
		edit  func(pp *personPanel)
		field string
		want  string // part of the message under field
	}{
		{
			name:  "impossible birth date",
			edit:  func(pp *personPanel) { retype(pp.birth, "31/02/1990") },
			field: rules.FieldBirthDate,
			want:  "không có ngày 31",
		},
		{
			name:  "missing name",
			edit:  func(pp *personPanel) { pp.name.SetText("") },
			field: rules.FieldFullName,
			want:  "chưa nhập",
		},
		{
			name: "CCCD of another person",
			setup: func(f *fixture) {
				f.person("CB900", "Trần Văn Bình", "10/10/1985", domain.Male, "042085000999", "HTI.KT")
			},
			edit: func(pp *personPanel) {
				retype(pp.cccd, "042085000999")
				pp.gender.SetSelected("Nam")
			},
			field: rules.FieldCCCD,
			want:  "Trần Văn Bình",
		},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			f := newFixture(t)
			if sc.setup != nil {
				sc.setup(f)
				f.v.Reload()
			}
			before := len(f.people())
			pp := f.fillNew()
			sc.edit(pp)
			test.Tap(pp.saveBtn)
			if msg := pp.form.ErrorFor(sc.field); !strings.Contains(msg, sc.want) {
				t.Errorf("under %s: %q, want it to contain %q", sc.field, msg, sc.want)
			}
			for _, fd := range pp.form.Fields {
				if fd.Label != sc.field && fd.Error.Text != "" {
					t.Errorf("unexpected error under %s: %s", fd.Label, fd.Error.Text)
				}
			}
			if after := len(f.people()); after != before {
				t.Errorf("store holds %d people, had %d", after, before)
			}
			if pp.loaded.ID != 0 || pp.code.Text != "CB001" {
				t.Error("the form lost what was typed")
			}
		})
	}
}

func TestStaffList_SearchAndFilters(t *testing.T) {
	f := newFixture(t)
	f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	f.person("CB002", "Trần Thị Bình", "01/01/1981", domain.Female, "", "HTI.TC")
	f.person("CB003", "Nguyễn Thị Cúc", "01/01/1982", domain.Female, "", "HTI.KT")
	f.person("CB004", "Lê Văn Dũng", "01/01/1983", domain.Male, "", "HTI.KT")
	f.v.Reload()
	l := f.v.list
	if focused := f.win.Canvas().Focused(); focused != l.search {
		t.Errorf("focus is on %T, want the search entry", focused)
	}

	steps := []struct {
		name string
		do   func()
		want []string
	}{
		{"all, sorted by given name", func() {}, []string{"Nguyễn Văn An", "Trần Thị Bình", "Nguyễn Thị Cúc", "Lê Văn Dũng"}},
		{"typed without diacritics", func() { test.Type(l.search, "nguyen") }, []string{"Nguyễn Văn An", "Nguyễn Thị Cúc"}},
		{"second word narrows", func() { test.Type(l.search, " thi") }, []string{"Nguyễn Thị Cúc"}},
		{"by staff code", func() { retype(l.search, "cb004") }, []string{"Lê Văn Dũng"}},
		{"cleared", func() { l.search.SetText("") }, []string{"Nguyễn Văn An", "Trần Thị Bình", "Nguyễn Thị Cúc", "Lê Văn Dũng"}},
		{"women", func() { l.gender.SetSelected("Nữ") }, []string{"Trần Thị Bình", "Nguyễn Thị Cúc"}},
		{"women of Tổ chức", func() { f.v.unitPane.tree.Select("HTI.TC") }, []string{"Trần Thị Bình"}},
		{"everyone in Tổ chức", func() { l.gender.SetSelected("Tất cả") }, []string{"Nguyễn Văn An", "Trần Thị Bình"}},
		{"the office includes its departments", func() { f.v.unitPane.tree.Select("HTI") }, []string{"Nguyễn Văn An", "Trần Thị Bình", "Nguyễn Thị Cúc", "Lê Văn Dũng"}},
		{"unit and search together", func() {
			f.v.unitPane.tree.Select("HTI.KT")
			test.Type(l.search, "nguyễn")
		}, []string{"Nguyễn Thị Cúc"}},
	}
	for _, s := range steps {
		s.do()
		if got := f.shownNames(); !slices.Equal(got, s.want) {
			t.Errorf("%s: list shows %v, want %v", s.name, got, s.want)
		}
	}
	if want := "Hiển thị 1 / 4 cán bộ"; l.count.Text != want {
		t.Errorf("count %q, want %q", l.count.Text, want)
	}
}

func TestStaffList_EnterOpensPerson(t *testing.T) {
	f := newFixture(t)
	f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	f.person("CB002", "Trần Thị Bình", "01/01/1981", domain.Female, "", "HTI.TC")
	f.v.Reload()
	l := f.v.list
	test.Type(l.search, "binh")
	l.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if f.win.Canvas().Focused() != l.list {
		t.Fatalf("↓ in the search box left focus on %T", f.win.Canvas().Focused())
	}
	l.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.v.person.loaded.StaffCode != "CB002" {
		t.Errorf("Enter opened %q, want CB002", f.v.person.loaded.StaffCode)
	}
	if f.win.Canvas().Focused() != f.v.person.name {
		t.Errorf("after Enter the focus is on %T, want the name entry of the record", f.win.Canvas().Focused())
	}
}

func TestStaffList_DeleteThenUndo(t *testing.T) {
	f := newFixture(t)
	p := f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	f.person("CB002", "Trần Thị Bình", "01/01/1981", domain.Female, "", "HTI.TC")
	f.v.Reload()
	f.open("CB001")

	test.Tap(f.v.list.del)
	if f.v.confirm == nil {
		t.Fatal("no confirmation asked")
	}
	if len(f.people()) != 2 {
		t.Fatal("deleted before confirming")
	}
	f.v.confirm.Confirm()
	if ps := f.people(); len(ps) != 1 || ps[0].StaffCode != "CB002" {
		t.Fatalf("after delete the store holds %+v", ps)
	}
	if names := f.shownNames(); !slices.Equal(names, []string{"Trần Thị Bình"}) {
		t.Errorf("list shows %v after delete", names)
	}
	if f.v.undoBtn == nil || len(f.v.banner.Objects) != 1 {
		t.Fatal("no banner with Hoàn tác")
	}
	if !strings.Contains(test.RenderObjectToMarkup(f.v.banner), "Đã xóa Nguyễn Văn An.") {
		t.Errorf("banner says %s", test.RenderObjectToMarkup(f.v.banner))
	}

	test.Tap(f.v.undoBtn)
	if ps := f.people(); len(ps) != 2 {
		t.Fatalf("after Hoàn tác the store holds %d people", len(ps))
	}
	if f.v.person.loaded.ID != p.ID || f.v.shown[f.v.list.selected].ID != p.ID {
		t.Error("the restored person is not open and selected")
	}
}

func TestStaffList_RestoreFromDeletedList(t *testing.T) {
	f := newFixture(t)
	p := f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	if err := f.svc.DeletePerson(f.ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	f.v.Reload()
	test.Tap(f.v.list.deleted)
	d := f.v.deleted
	if d == nil || len(d.people) != 1 {
		t.Fatal("the Đã xóa dialog does not list the deleted person")
	}
	d.list.Select(0)
	test.Tap(d.restore)
	if len(f.people()) != 1 || f.v.person.loaded.ID != p.ID {
		t.Error("the person was not restored and opened")
	}
}

func TestHistoryTabs_AddRatingAndAward(t *testing.T) {
	f := newFixture(t)
	f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	f.v.Reload()
	f.open("CB001")
	h := f.v.person.history
	sub := domain.PersonSubject("CB001")

	test.Tap(h.ratings.add)
	re := h.ratings.editor
	retype(re.year, "2025")
	re.rating.SetSelectedIndex(0) // HTXSNV
	test.Tap(re.saveBtn)
	rs, err := f.svc.Ratings(f.ctx, sub)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Year != 2025 || rs[0].Rating != domain.HTXSNV {
		t.Fatalf("ratings stored %+v", rs)
	}
	if len(h.ratings.rows) != 1 {
		t.Error("Xếp loại tab does not show the new rating")
	}

	test.Tap(h.awards.add)
	ae := h.awards.editor
	test.Tap(ae.saveBtn) // nothing chosen yet
	if msg := ae.form.ErrorFor(fieldAward); msg == "" {
		t.Error("no message under Danh hiệu/Hình thức when none is chosen")
	}
	if ae.closed {
		t.Fatal("the award dialog closed although nothing was saved")
	}
	retype(ae.year, "2025")
	ae.award.SetSelected("Chiến sĩ thi đua cơ sở")
	test.Type(ae.no, "15/QĐ-BHXH")
	test.Type(ae.decDate, "15/01/2026")
	test.Type(ae.issuer, "Giám đốc BHXH tỉnh Hà Tĩnh")
	ae.no.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter saves
	as, err := f.svc.Awards(f.ctx, sub)
	if err != nil {
		t.Fatal(err)
	}
	want := domain.AwardRecord{Subject: sub, Year: 2025, AwardCode: "CSTDCS", DecisionNo: "15/QĐ-BHXH",
		DecisionDate: domain.NewDate(2026, 1, 15), Issuer: "Giám đốc BHXH tỉnh Hà Tĩnh", Kind: domain.KindMerit}
	if len(as) != 1 {
		t.Fatalf("awards stored %+v", as)
	}
	want.ID = as[0].ID
	if as[0].Initiatives != nil || as[0].ID == 0 {
		t.Errorf("award %+v", as[0])
	}
	as[0].Initiatives = nil
	if !equalAward(as[0], want) {
		t.Errorf("award stored\n %+v\nwant\n %+v", as[0], want)
	}
	if !ae.closed || len(h.awards.rows) != 1 {
		t.Error("after saving, the dialog should close and the tab list the award")
	}
}

func equalAward(a, b domain.AwardRecord) bool {
	return a.ID == b.ID && a.Subject == b.Subject && a.Year == b.Year && a.AwardCode == b.AwardCode && a.DecisionNo == b.DecisionNo &&
		a.DecisionDate == b.DecisionDate && a.Issuer == b.Issuer && a.Kind == b.Kind && slices.Equal(a.Initiatives, b.Initiatives)
}

func TestHistoryTabs_InitiativeAndDiscipline(t *testing.T) {
	f := newFixture(t)
	f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	f.person("CB002", "Trần Thị Bình", "01/01/1981", domain.Female, "", "HTI.TC")
	f.v.Reload()
	f.open("CB001")
	h := f.v.person.history

	test.Tap(h.inits.add)
	ie := h.inits.editor
	test.Type(ie.title, "Số hóa hồ sơ thu")
	retype(ie.authors, "CB001, CB999")
	test.Tap(ie.saveBtn)
	if msg := ie.form.ErrorFor(fieldInitAuthors); !strings.Contains(msg, "CB999") {
		t.Errorf("under Tác giả: %q, want the unknown code named", msg)
	}
	retype(ie.authors, "CB001, CB002")
	test.Tap(ie.saveBtn)
	ins, err := f.svc.Initiatives(f.ctx, "CB002")
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) != 1 || ins[0].Title != "Số hóa hồ sơ thu" || ins[0].Year != 2025 || !slices.Equal(ins[0].Authors, []string{"CB001", "CB002"}) {
		t.Fatalf("co-author sees initiatives %+v", ins)
	}
	if _, sub := h.inits.lines(0); !strings.Contains(sub, "Trần Thị Bình") {
		t.Errorf("initiative line %q does not name the co-author", sub)
	}

	test.Tap(h.discs.add)
	de := h.discs.editor
	de.kind.SetSelected("Khiển trách")
	test.Type(de.from, "01/06/2025")
	test.Type(de.to, "31/05/2025")
	test.Tap(de.saveBtn)
	if msg := de.form.ErrorFor(fieldDiscTo); msg == "" {
		t.Error("no message under Ngày kết thúc when it is before Ngày hiệu lực")
	}
	retype(de.to, "")
	test.Tap(de.saveBtn)
	ds, err := f.svc.Disciplines(f.ctx, "CB001")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Form != domain.Reprimand || ds[0].From != domain.NewDate(2025, 6, 1) || !ds[0].To.IsZero() {
		t.Errorf("disciplines %+v", ds)
	}
}

func TestUnitPane_AddUnitThroughDialog(t *testing.T) {
	f := newFixture(t)
	f.v.unitPane.tree.Select("HTI")
	test.Tap(f.v.unitPane.add)
	e := f.v.unitPane.editor
	test.Type(e.code, "HTI.KA")
	e.code.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if msg := e.form.ErrorFor(fieldUnitName); msg == "" {
		t.Error("no message under Tên đơn vị")
	}
	test.Type(e.name, "BHXH cơ sở Kỳ Anh")
	e.kind.SetSelected("BHXH cơ sở")
	test.Tap(e.saveBtn)
	units, err := f.svc.Units(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(units, func(u domain.Unit) bool { return u.Code == "HTI.KA" })
	if i < 0 || units[i].ParentCode != "HTI" || units[i].Kind != domain.UnitGrassroots || units[i].Name != "BHXH cơ sở Kỳ Anh" {
		t.Fatalf("units %+v", units)
	}
	if f.v.unitPane.selected != "HTI.KA" || !slices.Contains(f.v.children["HTI"], "HTI.KA") {
		t.Error("the new unit is not in the tree and selected")
	}
	// Grassroots offices come after departments.
	if got := f.v.children["HTI"]; got[len(got)-1] != "HTI.KA" {
		t.Errorf("tree order %v", got)
	}
}

func TestStaffList_RendersSearchResult(t *testing.T) {
	f := newFixture(t)
	f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	f.person("CB002", "Trần Thị Bình", "01/01/1981", domain.Female, "", "HTI.TC")
	f.person("CB003", "Nguyễn Thị Cúc", "01/01/1982", domain.Female, "", "HTI.KT")
	f.v.Reload()
	test.Type(f.v.list.search, "nguyen")
	f.open("CB003")
	f.v.middle.Resize(fyne.NewSize(360, 420))
	test.AssertObjectRendersToMarkup(t, "staff_list_search.xml", f.v.middle)
}

func TestPersonPanel_UnsavedChangesAreKeptUnlessDropped(t *testing.T) {
	f := newFixture(t)
	f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	f.person("CB002", "Trần Thị Bình", "01/01/1981", domain.Female, "", "HTI.TC")
	f.v.Reload()
	f.open("CB001")
	pp := f.v.person
	test.Type(pp.note, "đang sửa")
	f.v.confirm = nil
	f.v.list.list.Select(1) // Trần Thị Bình
	if f.v.confirm == nil {
		t.Fatal("switching person with unsaved changes asked nothing")
	}
	f.v.confirm.Dismiss()
	if pp.loaded.StaffCode != "CB001" || pp.note.Text != "đang sửa" {
		t.Fatalf("after keeping the changes the record shows %s with note %q", pp.loaded.StaffCode, pp.note.Text)
	}
	if f.v.shown[f.v.list.selected].StaffCode != "CB001" {
		t.Error("the list no longer highlights the person being edited")
	}
	f.v.list.list.Select(1)
	f.v.confirm.Confirm()
	if pp.loaded.StaffCode != "CB002" || pp.note.Text != "" {
		t.Errorf("after dropping the changes the record shows %s with note %q", pp.loaded.StaffCode, pp.note.Text)
	}
}

func TestEditor_EscapeCancels(t *testing.T) {
	f := newFixture(t)
	f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	f.v.Reload()
	f.open("CB001")
	h := f.v.person.history
	test.Tap(h.ratings.add)
	e := h.ratings.editor
	e.rating.SetSelectedIndex(0)
	if f.win.Canvas().Focused() != e.year {
		t.Errorf("the dialog opened with focus on %T, want Năm", f.win.Canvas().Focused())
	}
	e.year.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !e.closed {
		t.Fatal("Escape did not close the dialog")
	}
	if rs, _ := f.svc.Ratings(f.ctx, domain.PersonSubject("CB001")); len(rs) != 0 {
		t.Errorf("Escape saved %+v", rs)
	}
}

// An own title recorded with the centre as issuer is flagged in the
// person's history for the clerk to correct; the director's own is not.
func TestHistoryTabs_MisattributedAwardFlagged(t *testing.T) {
	f := newFixture(t)
	f.person("CB001", "Nguyễn Văn An", "01/01/1980", domain.Male, "", "HTI.TC")
	for _, a := range []domain.AwardRecord{
		{Subject: domain.PersonSubject("CB001"), Year: 2024, AwardCode: "CSTDCS", DecisionNo: "9/QĐ-BHXH", DecisionDate: domain.NewDate(2025, 1, 20), Issuer: "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh", Kind: domain.KindMerit},
		{Subject: domain.PersonSubject("CB001"), Year: 2025, AwardCode: "CSTDCS", DecisionNo: "1234/QĐ-BHXH", DecisionDate: domain.NewDate(2026, 2, 20), Issuer: "Tổng Giám đốc Bảo hiểm xã hội Việt Nam", Kind: domain.KindMerit},
	} {
		if err := f.svc.SaveAward(f.ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	f.v.Reload()
	f.open("CB001")
	h := f.v.person.history
	flagged := map[int]bool{}
	for i, a := range h.awards.rows {
		_, sub := h.awards.lines(i)
		flagged[a.Year] = strings.HasPrefix(sub, "Cần sửa")
	}
	if len(flagged) != 2 || !flagged[2025] || flagged[2024] {
		t.Errorf("flags by year %v: 2025 (the centre's) only", flagged)
	}
}
