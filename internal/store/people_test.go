package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"tdkt/internal/domain"
)

// person is a complete staff record in unit.
func person(code, name, unit string) domain.Person {
	return domain.Person{
		StaffCode:   code,
		FullName:    name,
		BirthDate:   domain.MustDate("20/05/1985"),
		Gender:      domain.Male,
		Position:    "Chuyên viên",
		Ethnicity:   "Kinh",
		RecruitedOn: domain.MustDate("01/09/2010"),
		UnitCode:    unit,
		Note:        "",
	}
}

func withCCCD(p domain.Person, cccd string) domain.Person {
	p.CCCD = cccd
	return p
}

func createPerson(t *testing.T, s *Store, p domain.Person) int64 {
	t.Helper()
	var id int64
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		id, err = tx.CreatePerson(p)
		return err
	})
	return id
}

func TestTx_CreatePersonReadsBackEqual(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	scenarios := []struct {
		name string
		p    domain.Person
	}{
		{"full record", domain.Person{
			StaffCode: "CB001", FullName: "Nguyễn Thị Minh Khai", BirthDate: domain.MustDate("29/02/1988"),
			Gender: domain.Female, CCCD: "042188000123", Position: "Trưởng phòng", Ethnicity: "Mường",
			RecruitedOn: domain.MustDate("15/03/2012"), UnitCode: "42.TCHC", Note: "Đảng viên; ghi chú dài",
			HomeTown: "Xã Thạch Hà, tỉnh Hà Tĩnh", Residence: "Phường Thành Sen, tỉnh Hà Tĩnh", Religion: "Không",
			Education: "Cử nhân Kinh tế", PoliticalTheory: "Trung cấp", AcademicRank: "Thạc sĩ Quản lý kinh tế",
			PartyPost: "Bí thư Chi bộ", UnionPost: "Chủ tịch Công đoàn cơ sở",
		}},
		{"no CCCD, no unit", domain.Person{
			StaffCode: "CB002", FullName: "Phạm Văn Đức", BirthDate: domain.MustDate("01/01/1970"),
			Gender: domain.Male, RecruitedOn: domain.MustDate("01/07/1995"),
		}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			id := createPerson(t, s, sc.p)
			if id == 0 {
				t.Fatal("CreatePerson returned id 0")
			}
			want := sc.p
			want.ID = id
			got, ok, err := s.Person(ctx, id)
			if err != nil || !ok {
				t.Fatalf("Person(%d): ok=%v err=%v", id, ok, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Person:\n got %+v\nwant %+v", got, want)
			}
			byCode, ok, err := s.PersonByCode(ctx, sc.p.StaffCode)
			if err != nil || !ok || !reflect.DeepEqual(byCode, want) {
				t.Errorf("PersonByCode: %+v ok=%v err=%v", byCode, ok, err)
			}
			as, err := s.Assignments(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if sc.p.UnitCode == "" {
				if len(as) != 0 {
					t.Errorf("person without unit has assignments %+v", as)
				}
				return
			}
			wantA := []domain.Assignment{{PersonID: id, UnitCode: sc.p.UnitCode, From: sc.p.RecruitedOn, Position: sc.p.Position}}
			if !reflect.DeepEqual(as, wantA) {
				t.Errorf("Assignments:\n got %+v\nwant %+v", as, wantA)
			}
		})
	}
	if _, ok, err := s.Person(ctx, 9999); ok || err != nil {
		t.Errorf("Person(9999): ok=%v err=%v, want not found without error", ok, err)
	}
}

func TestTx_CreatePersonRefusesDuplicates(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	createPerson(t, s, withCCCD(person("CB001", "Lê Văn Cường", "42.TCHC"), "042085000001"))
	id := createPerson(t, s, withCCCD(person("CB009", "Hoàng Văn Đã Xóa", "42.TCHC"), "042085000009"))
	mustWrite(t, s, func(tx *Tx) error { return tx.DeletePerson(id) })

	scenarios := []struct {
		name      string
		p         domain.Person
		wantField string
	}{
		{"same staff code", person("CB001", "Người Khác", "42.KHTC"), "Mã cán bộ"},
		{"same CCCD", withCCCD(person("CB002", "Người Khác", "42.KHTC"), "042085000001"), "Số CCCD"},
		{"staff code of a deleted person", person("CB009", "Người Khác", "42.KHTC"), "Mã cán bộ"},
		{"CCCD of a deleted person", withCCCD(person("CB003", "Người Khác", "42.KHTC"), "042085000009"), "Số CCCD"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			err := s.Write(ctx, func(tx *Tx) error {
				_, err := tx.CreatePerson(sc.p)
				return err
			})
			var fe domain.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a FieldError", err)
			}
			if fe.Field != sc.wantField {
				t.Errorf("Field = %q, want %q", fe.Field, sc.wantField)
			}
			if !errors.Is(err, domain.ErrDuplicate) {
				t.Errorf("error %v does not wrap ErrDuplicate", err)
			}
			if fe.Msg == "" {
				t.Error("empty message")
			}
		})
	}
	if ps, _ := s.People(ctx); len(ps) != 1 {
		t.Errorf("People = %d, want 1 (duplicates not written)", len(ps))
	}
}

func TestTx_UpdatePersonChanges(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	base := person("CB001", "Lê Văn Cường", "42.TCHC")
	base.CCCD = "042085000001"
	base.ID = createPerson(t, s, base)
	other := person("CB002", "Trần Thị Dung", "42.TCHC")
	other.CCCD = "042185000002"
	other.ID = createPerson(t, s, other)

	scenarios := []struct {
		name      string
		edit      func(p *domain.Person)
		want      Change
		wantField string // FieldError expected on this field
	}{
		{name: "identical", edit: func(p *domain.Person) {}, want: Unchanged},
		{name: "new name", edit: func(p *domain.Person) { p.FullName = "Lê Văn Cường Mới" }, want: Updated},
		{name: "same again", edit: func(p *domain.Person) { p.FullName = "Lê Văn Cường Mới" }, want: Unchanged},
		{name: "new note and ethnicity", edit: func(p *domain.Person) { p.Note, p.Ethnicity = "ghi chú", "Tày" }, want: Updated},
		{name: "personal record", edit: func(p *domain.Person) {
			p.HomeTown, p.Residence, p.Religion = "Xã Cẩm Xuyên, tỉnh Hà Tĩnh", "Phường Trần Phú, tỉnh Hà Tĩnh", "Công giáo"
			p.Education, p.PoliticalTheory, p.AcademicRank = "Cử nhân Luật", "Cao cấp", "Thạc sĩ Luật"
			p.PartyPost, p.UnionPost = "Đảng ủy viên", "Tổ trưởng Công đoàn"
		}, want: Updated},
		{name: "record again", edit: func(p *domain.Person) {}, want: Unchanged},
		{name: "one record field only", edit: func(p *domain.Person) { p.UnionPost = "" }, want: Updated},
		{name: "CCCD of another person", edit: func(p *domain.Person) { p.CCCD = other.CCCD }, wantField: "Số CCCD"},
		{name: "staff code of another person", edit: func(p *domain.Person) { p.StaffCode = other.StaffCode }, wantField: "Mã cán bộ"},
	}
	current := base
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			p := current
			sc.edit(&p)
			var got Change
			err := s.Write(ctx, func(tx *Tx) error {
				var err error
				got, err = tx.UpdatePerson(p, domain.Date{})
				return err
			})
			if sc.wantField != "" {
				var fe domain.FieldError
				if !errors.As(err, &fe) || fe.Field != sc.wantField || !errors.Is(err, domain.ErrDuplicate) {
					t.Fatalf("error = %v, want FieldError on %q wrapping ErrDuplicate", err, sc.wantField)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != sc.want {
				t.Errorf("UpdatePerson = %v, want %v", got, sc.want)
			}
			back, _, _ := s.Person(ctx, p.ID)
			if !reflect.DeepEqual(back, p) {
				t.Errorf("read back:\n got %+v\nwant %+v", back, p)
			}
			current = p
		})
	}

	err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.UpdatePerson(domain.Person{ID: 9999, StaffCode: "X"}, domain.Date{})
		return err
	})
	if !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("update of unknown id: %v, want ErrNotFound", err)
	}
}

func TestTx_UpdatePersonUnitChangeKeepsHistory(t *testing.T) {
	ctx := context.Background()
	scenarios := []struct {
		name  string
		moves []struct {
			unit string
			on   domain.Date
		}
		want []domain.Assignment // PersonID filled in by the test
	}{
		{
			name: "transfer closes the day before",
			moves: []struct {
				unit string
				on   domain.Date
			}{{"42.KHTC", domain.MustDate("01/03/2024")}},
			want: []domain.Assignment{
				{UnitCode: "42.TCHC", From: domain.MustDate("01/09/2010"), To: domain.MustDate("29/02/2024"), Position: "Chuyên viên"},
				{UnitCode: "42.KHTC", From: domain.MustDate("01/03/2024"), Position: "Chuyên viên"},
			},
		},
		{
			name: "two transfers across a year end",
			moves: []struct {
				unit string
				on   domain.Date
			}{{"42.KHTC", domain.MustDate("01/01/2023")}, {"42", domain.MustDate("15/06/2024")}},
			want: []domain.Assignment{
				{UnitCode: "42.TCHC", From: domain.MustDate("01/09/2010"), To: domain.MustDate("31/12/2022"), Position: "Chuyên viên"},
				{UnitCode: "42.KHTC", From: domain.MustDate("01/01/2023"), To: domain.MustDate("14/06/2024"), Position: "Chuyên viên"},
				{UnitCode: "42", From: domain.MustDate("15/06/2024"), Position: "Chuyên viên"},
			},
		},
		{
			name: "no date: today from the store clock",
			moves: []struct {
				unit string
				on   domain.Date
			}{{"42.KHTC", domain.Date{}}},
			want: []domain.Assignment{
				{UnitCode: "42.TCHC", From: domain.MustDate("01/09/2010"), To: domain.MustDate("14/03/2025"), Position: "Chuyên viên"},
				{UnitCode: "42.KHTC", From: domain.DateOf(fixedNow), Position: "Chuyên viên"},
			},
		},
		{
			name: "same-day correction rewrites in place",
			moves: []struct {
				unit string
				on   domain.Date
			}{{"42.KHTC", domain.MustDate("01/03/2024")}, {"42", domain.MustDate("01/03/2024")}},
			want: []domain.Assignment{
				{UnitCode: "42.TCHC", From: domain.MustDate("01/09/2010"), To: domain.MustDate("29/02/2024"), Position: "Chuyên viên"},
				{UnitCode: "42", From: domain.MustDate("01/03/2024"), Position: "Chuyên viên"},
			},
		},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			s := seedOffice(t)
			p := person("CB001", "Lê Văn Cường", "42.TCHC")
			p.ID = createPerson(t, s, p)
			for _, m := range sc.moves {
				p.UnitCode = m.unit
				var c Change
				mustWrite(t, s, func(tx *Tx) error {
					var err error
					c, err = tx.UpdatePerson(p, m.on)
					return err
				})
				if c != Updated {
					t.Errorf("move to %s: %v, want Updated", m.unit, c)
				}
			}
			got, err := s.Assignments(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			for i := range sc.want {
				sc.want[i].PersonID = p.ID
			}
			if !reflect.DeepEqual(got, sc.want) {
				t.Errorf("Assignments:\n got %+v\nwant %+v", got, sc.want)
			}
			back, _, _ := s.Person(ctx, p.ID)
			if back.UnitCode != p.UnitCode {
				t.Errorf("current unit %q, want %q", back.UnitCode, p.UnitCode)
			}
		})
	}
}

func TestTx_DeleteAndRestorePerson(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	a := createPerson(t, s, person("CB001", "Lê Văn Cường", "42.TCHC"))
	b := createPerson(t, s, person("CB002", "Trần Thị Dung", "42.TCHC"))
	createPerson(t, s, person("CB003", "Vũ Văn Em", "42.KHTC"))

	codes := func(ps []domain.Person, err error) []string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.StaffCode)
		}
		return out
	}
	scenarios := []struct {
		name        string
		op          func(tx *Tx) error
		wantErr     error
		wantPeople  []string
		wantDeleted []string
		wantCounts  map[string]int
	}{
		{
			name:       "start",
			op:         func(tx *Tx) error { return nil },
			wantPeople: []string{"CB001", "CB002", "CB003"}, wantCounts: map[string]int{"42.TCHC": 2, "42.KHTC": 1},
		},
		{
			name:       "delete one",
			op:         func(tx *Tx) error { return tx.DeletePerson(a) },
			wantPeople: []string{"CB002", "CB003"}, wantDeleted: []string{"CB001"}, wantCounts: map[string]int{"42.TCHC": 1, "42.KHTC": 1},
		},
		{
			name:    "delete again",
			op:      func(tx *Tx) error { return tx.DeletePerson(a) },
			wantErr: domain.ErrNotFound, wantPeople: []string{"CB002", "CB003"}, wantDeleted: []string{"CB001"},
			wantCounts: map[string]int{"42.TCHC": 1, "42.KHTC": 1},
		},
		{
			name:       "delete unknown",
			op:         func(tx *Tx) error { return tx.DeletePerson(9999) },
			wantErr:    domain.ErrNotFound,
			wantPeople: []string{"CB002", "CB003"}, wantDeleted: []string{"CB001"}, wantCounts: map[string]int{"42.TCHC": 1, "42.KHTC": 1},
		},
		{
			name:       "delete second",
			op:         func(tx *Tx) error { return tx.DeletePerson(b) },
			wantPeople: []string{"CB003"}, wantDeleted: []string{"CB001", "CB002"}, wantCounts: map[string]int{"42.KHTC": 1},
		},
		{
			name:       "restore",
			op:         func(tx *Tx) error { return tx.RestorePerson(a) },
			wantPeople: []string{"CB001", "CB003"}, wantDeleted: []string{"CB002"}, wantCounts: map[string]int{"42.TCHC": 1, "42.KHTC": 1},
		},
		{
			name: "update restores",
			op: func(tx *Tx) error {
				p, _, err := tx.PersonByCode("CB002")
				if err != nil {
					return err
				}
				c, err := tx.UpdatePerson(p, domain.Date{})
				if c != Updated {
					t.Errorf("update of a deleted person: %v, want Updated", c)
				}
				return err
			},
			wantPeople: []string{"CB001", "CB002", "CB003"}, wantCounts: map[string]int{"42.TCHC": 2, "42.KHTC": 1},
		},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			err := s.Write(ctx, sc.op)
			if !errors.Is(err, sc.wantErr) {
				t.Fatalf("error %v, want %v", err, sc.wantErr)
			}
			if got := codes(s.People(ctx)); !reflect.DeepEqual(got, sc.wantPeople) {
				t.Errorf("People = %v, want %v", got, sc.wantPeople)
			}
			if got := codes(s.DeletedPeople(ctx)); !reflect.DeepEqual(got, sc.wantDeleted) {
				t.Errorf("DeletedPeople = %v, want %v", got, sc.wantDeleted)
			}
			counts, err := s.Headcounts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(counts, sc.wantCounts) {
				t.Errorf("Headcounts = %v, want %v", counts, sc.wantCounts)
			}
		})
	}
	// A deleted person is still readable by id (history screens, undo).
	if p, ok, _ := s.Person(ctx, b); !ok || p.StaffCode != "CB002" {
		t.Errorf("Person(%d) after delete: %+v ok=%v", b, p, ok)
	}
}

func TestStore_HeadcountsCountOnlyOpenAssignments(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	p := person("CB001", "Lê Văn Cường", "42.TCHC")
	p.ID = createPerson(t, s, p)
	createPerson(t, s, person("CB002", "Trần Thị Dung", "42.TCHC"))
	p.UnitCode = "42.KHTC"
	mustWrite(t, s, func(tx *Tx) error {
		_, err := tx.UpdatePerson(p, domain.MustDate("01/01/2025"))
		return err
	})
	got, err := s.Headcounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"42.TCHC": 1, "42.KHTC": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Headcounts = %v, want %v", got, want)
	}
}

func TestTx_CCCDOwners(t *testing.T) {
	s := seedOffice(t)
	a := person("CB001", "Lê Văn Cường", "42.TCHC")
	a.CCCD = "042085000001"
	createPerson(t, s, a)
	createPerson(t, s, person("CB002", "Trần Thị Dung", "42.TCHC")) // no CCCD
	var got map[string]string
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		got, err = tx.CCCDOwners()
		return err
	})
	want := map[string]string{"042085000001": "CB001"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CCCDOwners = %v, want %v", got, want)
	}
}

// An office's people and units from before the personal record existed
// come through the upgrade blank, the journal still verifies, and the
// record filled in afterwards is saved and journaled like any other field.
func TestStore_UpgradeKeepsPeopleAndUnitsAndTheirJournal(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tdkt.db")
	migrationsUpTo(t, 12)
	old, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	olderOffice(t, old, "42", office.UnitName)
	mustVerify(t, old)
	old.Close()

	migrationFiles = migrationFS
	s := openAt(t, path)
	mustVerify(t, s)
	p, ok, err := s.PersonByCode(ctx, "42001")
	if err != nil || !ok || p.FullName != "Lê Văn Cường" || p.HomeTown != "" || p.UnionPost != "" {
		t.Fatalf("person after the upgrade: %+v ok=%v err=%v", p, ok, err)
	}
	u, ok, err := s.Unit(ctx, "42")
	if err != nil || !ok || u.Name != office.UnitName || u.Address != "" || u.YouthOrg != "" {
		t.Fatalf("unit after the upgrade: %+v ok=%v err=%v", u, ok, err)
	}

	p.HomeTown, p.Religion, p.PartyPost = "Xã Thạch Hà, tỉnh Hà Tĩnh", "Không", "Bí thư Chi bộ"
	u.Address, u.PartyOrg = "Số 1 đường Nguyễn Du, phường Thành Sen, tỉnh Hà Tĩnh", "Chi bộ Văn phòng"
	mustWrite(t, s.As("chuyenvien1"), func(tx *Tx) error {
		if _, err := tx.UpdatePerson(p, domain.Date{}); err != nil {
			return err
		}
		_, err := tx.SaveUnit(u)
		return err
	})
	mustVerify(t, s)
	if back, _, _ := s.Person(ctx, p.ID); !reflect.DeepEqual(back, p) {
		t.Errorf("person read back:\n got %+v\nwant %+v", back, p)
	}
	if back, _, _ := s.Unit(ctx, u.Code); back != u {
		t.Errorf("unit read back:\n got %+v\nwant %+v", back, u)
	}
	es := journal(t, s, JournalFilter{Table: "person"})
	if last := es[len(es)-1]; last.Op != "UPDATE" || last.Before["home_town"] != "" || last.After["home_town"] != p.HomeTown ||
		last.After["party_post"] != p.PartyPost {
		t.Errorf("the journal does not show the record filled in: %+v", last)
	}
	us := journal(t, s, JournalFilter{Table: "unit"})
	if last := us[len(us)-1]; last.Op != "UPDATE" || last.After["address"] != u.Address || last.After["party_org"] != u.PartyOrg {
		t.Errorf("the journal does not show the unit's organisations: %+v", last)
	}
}
