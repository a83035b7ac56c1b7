package staff

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/ui/kit"
)

// recordOf is the personal record of p, the part of it these tests follow.
func recordOf(p domain.Person) [8]string {
	return [8]string{p.HomeTown, p.Residence, p.Religion, p.Education, p.PoliticalTheory, p.AcademicRank, p.PartyPost, p.UnionPost}
}

// formErrors lists the messages under the fields of both parts of the
// person form, for a failing test to show.
func formErrors(pp *personPanel) []string {
	var out []string
	for _, fd := range append(append([]*kit.Field(nil), pp.form.Fields...), pp.record.Fields...) {
		if fd.Error.Text != "" {
			out = append(out, fd.Label+": "+fd.Error.Text)
		}
	}
	return out
}

// unit reads a unit through the service.
func (f *fixture) unit(code string) domain.Unit {
	f.t.Helper()
	us, err := f.svc.Units(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, u := range us {
		if u.Code == code {
			return u
		}
	}
	f.t.Fatalf("no unit %s", code)
	return domain.Unit{}
}

// The personal record folds away under the form; typed into, it is saved
// with the rest, shown again when the person is opened, and Enter in one
// of its entries saves like anywhere else in the form.
func TestPersonPanel_RecordSectionSaves(t *testing.T) {
	f := newFixture(t)
	pp := f.fillNew()
	if pp.recordBox.Items[0].Open {
		t.Error("the personal record should start folded")
	}
	pp.recordBox.Open(0) // as a click or Space on its header does
	test.Type(pp.homeTown, "Xã Thạch Hà, tỉnh Hà Tĩnh")
	test.Type(pp.residence, "Phường  Thành Sen, tỉnh Hà Tĩnh ")
	test.Type(pp.religion, "Không")
	test.Type(pp.education, "Cử nhân Kinh tế")
	pp.politicalTheory.SetText("Trung cấp")
	test.Type(pp.academicRank, "Thạc sĩ Quản lý kinh tế")
	test.Type(pp.partyPost, "Bí thư Chi bộ")
	test.Type(pp.unionPost, "Tổ trưởng Công đoàn")
	test.Tap(pp.saveBtn)

	ps := f.people()
	if len(ps) != 1 {
		t.Fatalf("store holds %d people, want 1 (errors: %v)", len(ps), formErrors(pp))
	}
	got := recordOf(ps[0])
	want := [8]string{"Xã Thạch Hà, tỉnh Hà Tĩnh", "Phường Thành Sen, tỉnh Hà Tĩnh", "Không", "Cử nhân Kinh tế",
		"Trung cấp", "Thạc sĩ Quản lý kinh tế", "Bí thư Chi bộ", "Tổ trưởng Công đoàn"}
	if got != want {
		t.Errorf("saved record\n got %q\nwant %q", got, want)
	}
	if pp.dirty() {
		t.Error("the form says it has unsaved changes right after saving")
	}

	// Open someone else and come back: the form shows what was saved.
	f.person("CB002", "Trần Văn Bình", "05/01/1985", domain.Male, "", "HTI.KT")
	f.v.Reload()
	f.open("CB002")
	if pp.homeTown.Text != "" || pp.partyPost.Text != "" {
		t.Errorf("another person shows the first one's record: %q %q", pp.homeTown.Text, pp.partyPost.Text)
	}
	f.open("CB001")
	if pp.homeTown.Text != want[0] || pp.politicalTheory.Text != want[4] || pp.unionPost.Text != want[7] {
		t.Errorf("reopened: %q %q %q", pp.homeTown.Text, pp.politicalTheory.Text, pp.unionPost.Text)
	}
	retype(pp.partyPost, "Phó Bí thư Đảng ủy")
	pp.partyPost.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	for _, p := range f.people() {
		if p.StaffCode == "CB001" && p.PartyPost != "Phó Bí thư Đảng ủy" {
			t.Errorf("Enter in Chức vụ Đảng did not save: %q", p.PartyPost)
		}
	}
}

// A problem in the personal record appears under its field, and the
// section unfolds to show it.
func TestPersonPanel_RecordProblemShownUnderItsField(t *testing.T) {
	f := newFixture(t)
	pp := f.fillNew()
	pp.homeTown.SetText(strings.Repeat("Thôn Đông, ", 40))
	test.Tap(pp.saveBtn)
	if len(f.people()) != 0 {
		t.Fatal("a too long home town was saved")
	}
	if msg := pp.record.ErrorFor(rules.FieldHomeTown); !strings.Contains(msg, "300") {
		t.Errorf("under Quê quán: %q", msg)
	}
	if !pp.recordBox.Items[0].Open {
		t.Error("the section holding the problem stayed folded")
	}
	pp.homeTown.SetText("Xã Thạch Hà, tỉnh Hà Tĩnh")
	test.Tap(pp.saveBtn)
	if ps := f.people(); len(ps) != 1 || ps[0].HomeTown != "Xã Thạch Hà, tỉnh Hà Tĩnh" {
		t.Fatalf("people %+v", ps)
	}
	if msg := pp.record.ErrorFor(rules.FieldHomeTown); msg != "" {
		t.Errorf("the message stayed after saving: %q", msg)
	}
}

// The unit dialog takes the unit's address and organisations, shows them
// when the unit is edited again, and keeps them when only the name changes.
func TestUnitPane_EditAddressAndOrganisations(t *testing.T) {
	f := newFixture(t)
	f.v.unitPane.tree.Select("HTI.TC")
	test.Tap(f.v.unitPane.edit)
	e := f.v.unitPane.editor
	test.Type(e.address, "Số 1 đường Nguyễn Du, phường Thành Sen, tỉnh Hà Tĩnh")
	test.Type(e.partyOrg, "Chi bộ Phòng Tổ chức cán bộ")
	test.Type(e.unionOrg, "Công đoàn bộ phận Phòng Tổ chức cán bộ")
	test.Type(e.youthOrg, "Chi đoàn Phòng Tổ chức cán bộ")
	e.youthOrg.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u := f.unit("HTI.TC")
	if u.Address != "Số 1 đường Nguyễn Du, phường Thành Sen, tỉnh Hà Tĩnh" || u.PartyOrg != "Chi bộ Phòng Tổ chức cán bộ" ||
		u.UnionOrg != "Công đoàn bộ phận Phòng Tổ chức cán bộ" || u.YouthOrg != "Chi đoàn Phòng Tổ chức cán bộ" {
		t.Fatalf("unit %+v (errors: %v)", u, e.form.ErrorFor(rules.FieldUnitAddress))
	}

	f.v.unitPane.tree.Select("HTI.TC")
	test.Tap(f.v.unitPane.edit)
	e = f.v.unitPane.editor
	if e.address.Text != u.Address || e.youthOrg.Text != u.YouthOrg {
		t.Errorf("the dialog shows %q, %q", e.address.Text, e.youthOrg.Text)
	}
	retype(e.name, "Phòng Tổ chức - Hành chính")
	test.Tap(e.saveBtn)
	after := f.unit("HTI.TC")
	if after.Name != "Phòng Tổ chức - Hành chính" || after.Address != u.Address || after.PartyOrg != u.PartyOrg ||
		after.UnionOrg != u.UnionOrg || after.YouthOrg != u.YouthOrg {
		t.Errorf("after renaming: %+v", after)
	}
}
