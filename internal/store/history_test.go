package store

import (
	"context"
	"errors"
	"reflect"
	"sort"
	"testing"

	"tdkt/internal/domain"
)

// seedPeople adds CB001..CB003 to the seeded office.
func seedPeople(t *testing.T) *Store {
	t.Helper()
	s := seedOffice(t)
	createPerson(t, s, person("CB001", "Lê Văn Cường", "42.TCHC"))
	createPerson(t, s, person("CB002", "Trần Thị Dung", "42.TCHC"))
	createPerson(t, s, person("CB003", "Vũ Văn Em", "42.KHTC"))
	return s
}

// wantFieldError checks that err is a FieldError on field wrapping sentinel.
func wantFieldError(t *testing.T, err error, field string, sentinel error) {
	t.Helper()
	var fe domain.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v is not a FieldError", err)
	}
	if fe.Field != field {
		t.Errorf("Field = %q, want %q (%v)", fe.Field, field, err)
	}
	if sentinel != nil && !errors.Is(err, sentinel) {
		t.Errorf("error %v does not wrap %v", err, sentinel)
	}
}

func TestTx_SetRating(t *testing.T) {
	ctx := context.Background()
	s := seedPeople(t)
	cb1, tchc := domain.PersonSubject("CB001"), domain.UnitSubject("42.TCHC")
	scenarios := []struct {
		name      string
		r         domain.RatingRecord
		want      Change
		wantField string
	}{
		{name: "person insert", r: domain.RatingRecord{Subject: cb1, Year: 2024, Rating: domain.HTTNV}, want: Inserted},
		{name: "person same", r: domain.RatingRecord{Subject: cb1, Year: 2024, Rating: domain.HTTNV}, want: Unchanged},
		{name: "person update", r: domain.RatingRecord{Subject: cb1, Year: 2024, Rating: domain.HTXSNV}, want: Updated},
		{name: "person other year", r: domain.RatingRecord{Subject: cb1, Year: 2023, Rating: domain.HTNV}, want: Inserted},
		{name: "collective insert", r: domain.RatingRecord{Subject: tchc, Year: 2024, Rating: domain.HTXSNV}, want: Inserted},
		{name: "collective same", r: domain.RatingRecord{Subject: tchc, Year: 2024, Rating: domain.HTXSNV}, want: Unchanged},
		{name: "collective update", r: domain.RatingRecord{Subject: tchc, Year: 2024, Rating: domain.HTTNV}, want: Updated},
		{name: "another unit", r: domain.RatingRecord{Subject: domain.UnitSubject("42.KHTC"), Year: 2024, Rating: domain.KHTNV}, want: Inserted},
		{name: "unknown person", r: domain.RatingRecord{Subject: domain.PersonSubject("CB999"), Year: 2024, Rating: domain.HTNV}, wantField: "Mã cán bộ"},
		{name: "unknown unit", r: domain.RatingRecord{Subject: domain.UnitSubject("99"), Year: 2024, Rating: domain.HTNV}, wantField: "Mã đơn vị"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var got Change
			err := s.Write(ctx, func(tx *Tx) error {
				var err error
				got, err = tx.SetRating(sc.r)
				return err
			})
			if sc.wantField != "" {
				wantFieldError(t, err, sc.wantField, domain.ErrNotFound)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != sc.want {
				t.Errorf("SetRating = %v, want %v", got, sc.want)
			}
		})
	}

	scenariosRead := []struct {
		sub  domain.Subject
		want []domain.RatingRecord
	}{
		{cb1, []domain.RatingRecord{{Subject: cb1, Year: 2024, Rating: domain.HTXSNV}, {Subject: cb1, Year: 2023, Rating: domain.HTNV}}},
		{tchc, []domain.RatingRecord{{Subject: tchc, Year: 2024, Rating: domain.HTTNV}}},
		{domain.PersonSubject("CB002"), nil},
	}
	for _, sc := range scenariosRead {
		got, err := s.Ratings(ctx, sc.sub)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, sc.want) {
			t.Errorf("Ratings(%v):\n got %+v\nwant %+v", sc.sub, got, sc.want)
		}
	}

	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteRating(cb1, 2023) })
	if got, _ := s.Ratings(ctx, cb1); len(got) != 1 || got[0].Year != 2024 {
		t.Errorf("after DeleteRating: %+v", got)
	}
}

func saveInitiative(t *testing.T, s *Store, in domain.Initiative) (int64, Change) {
	t.Helper()
	var id int64
	var c Change
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		id, c, err = tx.SaveInitiative(in)
		return err
	})
	return id, c
}

func TestTx_SaveAward(t *testing.T) {
	ctx := context.Background()
	s := seedPeople(t)
	for _, title := range []string{"Số hóa hồ sơ", "Tra cứu BHYT"} {
		saveInitiative(t, s, domain.Initiative{Title: title, Year: 2024, Scope: domain.ScopeGrassroots, Authors: []string{"CB001"}})
	}
	cb1 := domain.PersonSubject("CB001")
	base := domain.AwardRecord{
		Subject: cb1, Year: 2024, AwardCode: "CSTDCS", DecisionNo: "12/QĐ-BHXH",
		DecisionDate: domain.MustDate("20/12/2024"), Issuer: "Giám đốc BHXH tỉnh", Initiatives: []string{"Số hóa hồ sơ"},
	}
	with := func(edit func(a *domain.AwardRecord)) domain.AwardRecord {
		a := base
		a.Initiatives = append([]string(nil), base.Initiatives...)
		edit(&a)
		return a
	}
	const first = "first" // the id of the first insert
	scenarios := []struct {
		name      string
		a         domain.AwardRecord
		want      Change
		sameID    bool // same id as the first insert
		wantField string
	}{
		{name: "insert", a: base, want: Inserted},
		{name: "identical", a: base, want: Unchanged, sameID: true},
		{name: "explicit merit kind is the default", a: with(func(a *domain.AwardRecord) { a.Kind = domain.KindMerit }), want: Unchanged, sameID: true},
		{name: "same key new decision", a: with(func(a *domain.AwardRecord) { a.DecisionNo = "15/QĐ-BHXH" }), want: Updated, sameID: true},
		{name: "more initiatives", a: with(func(a *domain.AwardRecord) {
			a.DecisionNo = "15/QĐ-BHXH"
			a.Initiatives = []string{"Số hóa hồ sơ", "Tra cứu BHYT"}
		}), want: Updated, sameID: true},
		{name: "initiatives in another order", a: with(func(a *domain.AwardRecord) {
			a.DecisionNo = "15/QĐ-BHXH"
			a.Initiatives = []string{"Tra cứu BHYT", "Số hóa hồ sơ"}
		}), want: Unchanged, sameID: true},
		{name: "other year", a: with(func(a *domain.AwardRecord) { a.Year = 2023; a.Initiatives = nil }), want: Inserted},
		{name: "other award same year", a: with(func(a *domain.AwardRecord) { a.AwardCode = "LDTT"; a.Initiatives = nil }), want: Inserted},
		{name: "other person", a: with(func(a *domain.AwardRecord) { a.Subject = domain.PersonSubject("CB002"); a.Initiatives = nil }), want: Inserted},
		{name: "collective", a: with(func(a *domain.AwardRecord) {
			a.Subject, a.AwardCode, a.Initiatives = domain.UnitSubject("42.TCHC"), "TTLDXS", nil
		}), want: Inserted},
		{name: "unknown person", a: with(func(a *domain.AwardRecord) { a.Subject = domain.PersonSubject("CB999") }), wantField: "Mã cán bộ"},
		{name: "unknown unit", a: with(func(a *domain.AwardRecord) { a.Subject = domain.UnitSubject("99") }), wantField: "Mã đơn vị"},
		{name: "unknown initiative", a: with(func(a *domain.AwardRecord) { a.Initiatives = []string{"Không có"} }), wantField: "Sáng kiến làm căn cứ"},
	}
	var firstID int64
	ids := map[int64]bool{}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var id int64
			var got Change
			err := s.Write(ctx, func(tx *Tx) error {
				var err error
				id, got, err = tx.SaveAward(sc.a)
				return err
			})
			if sc.wantField != "" {
				wantFieldError(t, err, sc.wantField, domain.ErrNotFound)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != sc.want {
				t.Errorf("SaveAward = %v, want %v", got, sc.want)
			}
			if firstID == 0 {
				firstID = id
			}
			if sc.sameID && id != firstID {
				t.Errorf("id %d, want the first record %d", id, firstID)
			}
			if sc.want == Inserted {
				if ids[id] {
					t.Errorf("insert reused id %d", id)
				}
				ids[id] = true
			}
		})
	}

	awards, err := s.Awards(ctx, cb1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range awards {
		sort.Strings(awards[i].Initiatives)
	}
	want := []domain.AwardRecord{
		{ID: firstID, Subject: cb1, Year: 2024, AwardCode: "CSTDCS", DecisionNo: "15/QĐ-BHXH", DecisionDate: base.DecisionDate,
			Issuer: base.Issuer, Kind: domain.KindMerit, Initiatives: []string{"Số hóa hồ sơ", "Tra cứu BHYT"}},
		{Subject: cb1, Year: 2024, AwardCode: "LDTT", DecisionNo: "12/QĐ-BHXH", DecisionDate: base.DecisionDate, Issuer: base.Issuer, Kind: domain.KindMerit},
		{Subject: cb1, Year: 2023, AwardCode: "CSTDCS", DecisionNo: "12/QĐ-BHXH", DecisionDate: base.DecisionDate, Issuer: base.Issuer, Kind: domain.KindMerit},
	}
	if len(awards) != len(want) {
		t.Fatalf("Awards(CB001) has %d records, want %d: %+v", len(awards), len(want), awards)
	}
	for i := range want {
		if i > 0 {
			want[i].ID = awards[i].ID
		}
		if !reflect.DeepEqual(awards[i], want[i]) {
			t.Errorf("Awards[%d]:\n got %+v\nwant %+v", i, awards[i], want[i])
		}
	}

	coll, err := s.Awards(ctx, domain.UnitSubject("42.TCHC"))
	if err != nil {
		t.Fatal(err)
	}
	if len(coll) != 1 || coll[0].AwardCode != "TTLDXS" {
		t.Errorf("Awards(42.TCHC) = %+v", coll)
	}

	// Removing the initiative unlinks it from the award.
	mustWrite(t, s, func(tx *Tx) error {
		ins, err := s.InitiativesOf(ctx, "CB001")
		if err != nil {
			return err
		}
		for _, in := range ins {
			if in.Title == "Tra cứu BHYT" {
				return tx.DeleteInitiative(in.ID)
			}
		}
		t.Fatal("initiative not found")
		return nil
	})
	awards, _ = s.Awards(ctx, cb1)
	if !reflect.DeepEqual(awards[0].Initiatives, []string{"Số hóa hồ sơ"}) {
		t.Errorf("after deleting an initiative the award still names %v", awards[0].Initiatives)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteAward(firstID) })
	if awards, _ := s.Awards(ctx, cb1); len(awards) != 2 {
		t.Errorf("after DeleteAward: %d awards, want 2", len(awards))
	}
}

func TestTx_SaveAwardWithIDMovesRecord(t *testing.T) {
	ctx := context.Background()
	s := seedPeople(t)
	a := domain.AwardRecord{Subject: domain.PersonSubject("CB001"), Year: 2024, AwardCode: "LDTT", DecisionNo: "1/QĐ"}
	var id int64
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		id, _, err = tx.SaveAward(a)
		return err
	})
	// Editing the record in a form: same id, corrected year.
	a.ID, a.Year = id, 2023
	var got Change
	var id2 int64
	mustWrite(t, s, func(tx *Tx) error {
		var err error
		id2, got, err = tx.SaveAward(a)
		return err
	})
	if got != Updated || id2 != id {
		t.Errorf("SaveAward by id = %d %v, want %d Updated", id2, got, id)
	}
	awards, _ := s.Awards(ctx, a.Subject)
	if len(awards) != 1 || awards[0].Year != 2023 {
		t.Errorf("Awards = %+v, want one record in 2023", awards)
	}
}

func TestStore_AwardCounts(t *testing.T) {
	ctx := context.Background()
	s := seedPeople(t)
	records := []domain.AwardRecord{
		{Subject: domain.PersonSubject("CB001"), Year: 2024, AwardCode: "LDTT"},
		{Subject: domain.PersonSubject("CB002"), Year: 2024, AwardCode: "LDTT"},
		{Subject: domain.PersonSubject("CB003"), Year: 2024, AwardCode: "LDTT"},
		{Subject: domain.PersonSubject("CB001"), Year: 2024, AwardCode: "CSTDCS"},
		{Subject: domain.PersonSubject("CB001"), Year: 2023, AwardCode: "LDTT"},
		{Subject: domain.UnitSubject("42.TCHC"), Year: 2024, AwardCode: "TTLDTT"},
		{Subject: domain.UnitSubject("42.TCHC"), Year: 2024, AwardCode: "GK"},
		{Subject: domain.PersonSubject("CB002"), Year: 2024, AwardCode: "GK"},
	}
	mustWrite(t, s, func(tx *Tx) error {
		for _, r := range records {
			if _, _, err := tx.SaveAward(r); err != nil {
				return err
			}
		}
		p, _, err := tx.PersonByCode("CB003")
		if err != nil {
			return err
		}
		return tx.DeletePerson(p.ID)
	})
	scenarios := []struct {
		year int
		want map[string]int
	}{
		{2024, map[string]int{"LDTT": 2, "CSTDCS": 1, "TTLDTT": 1, "GK": 2}},
		{2023, map[string]int{"LDTT": 1}},
		{2022, map[string]int{}},
	}
	for _, sc := range scenarios {
		got, err := s.AwardCounts(ctx, sc.year)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, sc.want) {
			t.Errorf("AwardCounts(%d) = %v, want %v", sc.year, got, sc.want)
		}
	}
}

func TestTx_SaveInitiative(t *testing.T) {
	ctx := context.Background()
	s := seedPeople(t)
	base := domain.Initiative{
		Title: "Ứng dụng chữ ký số trong giao dịch điện tử", Year: 2024, Scope: domain.ScopeGrassroots,
		DecisionNo: "5/QĐ-BHXH", DecisionDate: domain.MustDate("10/11/2024"), Issuer: "Giám đốc BHXH tỉnh",
		Authors: []string{"CB001", "CB002"},
	}
	with := func(edit func(in *domain.Initiative)) domain.Initiative {
		in := base
		in.Authors = append([]string(nil), base.Authors...)
		edit(&in)
		return in
	}
	scenarios := []struct {
		name        string
		in          domain.Initiative
		byID        bool // pass the id of the first insert
		want        Change
		wantField   string
		wantByStaff map[string][]string // staff code → titles they authored
	}{
		{name: "insert with two authors", in: base, want: Inserted,
			wantByStaff: map[string][]string{"CB001": {base.Title}, "CB002": {base.Title}, "CB003": nil}},
		{name: "identical", in: base, want: Unchanged},
		{name: "authors in another order", in: with(func(in *domain.Initiative) { in.Authors = []string{"CB002", "CB001"} }), want: Unchanged},
		{name: "author list replaced", in: with(func(in *domain.Initiative) { in.Authors = []string{"CB002", "CB003"} }), want: Updated,
			wantByStaff: map[string][]string{"CB001": nil, "CB002": {base.Title}, "CB003": {base.Title}}},
		{name: "scope raised", in: with(func(in *domain.Initiative) {
			in.Authors, in.Scope = []string{"CB002", "CB003"}, domain.ScopeMinistry
		}), want: Updated},
		{name: "renamed by id", byID: true, in: with(func(in *domain.Initiative) {
			in.Title, in.Authors, in.Scope = "Chữ ký số", []string{"CB002", "CB003"}, domain.ScopeMinistry
		}), want: Updated, wantByStaff: map[string][]string{"CB002": {"Chữ ký số"}, "CB003": {"Chữ ký số"}}},
		{name: "renamed by id again", byID: true, in: with(func(in *domain.Initiative) {
			in.Title, in.Authors, in.Scope = "Chữ ký số", []string{"CB002", "CB003"}, domain.ScopeMinistry
		}), want: Unchanged},
		{name: "same title other year", in: with(func(in *domain.Initiative) { in.Year = 2025; in.Authors = []string{"CB001"} }), want: Inserted,
			wantByStaff: map[string][]string{"CB001": {base.Title}}},
		{name: "no authors", in: with(func(in *domain.Initiative) { in.Title, in.Authors = "Tập thể", nil }), want: Inserted},
		{name: "unknown author", in: with(func(in *domain.Initiative) { in.Title, in.Authors = "Khác", []string{"CB001", "CB999"} }), wantField: "Mã cán bộ"},
	}
	var firstID int64
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			in := sc.in
			if sc.byID {
				in.ID = firstID
			}
			var id int64
			var got Change
			err := s.Write(ctx, func(tx *Tx) error {
				var err error
				id, got, err = tx.SaveInitiative(in)
				return err
			})
			if sc.wantField != "" {
				wantFieldError(t, err, sc.wantField, domain.ErrNotFound)
				if all, _ := s.InitiativesOf(ctx, "CB001"); len(all) != 1 {
					t.Errorf("refused save left rows: %+v", all)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if firstID == 0 {
				firstID = id
			}
			if got != sc.want {
				t.Errorf("SaveInitiative = %v, want %v", got, sc.want)
			}
			for code, titles := range sc.wantByStaff {
				ins, err := s.InitiativesOf(ctx, code)
				if err != nil {
					t.Fatal(err)
				}
				var gotTitles []string
				for _, x := range ins {
					gotTitles = append(gotTitles, x.Title)
				}
				if !reflect.DeepEqual(gotTitles, titles) {
					t.Errorf("InitiativesOf(%s) titles = %v, want %v", code, gotTitles, titles)
				}
			}
		})
	}

	ins, err := s.InitiativesOf(ctx, "CB003")
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.Initiative{{
		ID: firstID, Title: "Chữ ký số", Year: 2024, Scope: domain.ScopeMinistry, DecisionNo: base.DecisionNo,
		DecisionDate: base.DecisionDate, Issuer: base.Issuer, Authors: []string{"CB002", "CB003"},
	}}
	if !reflect.DeepEqual(ins, want) {
		t.Errorf("InitiativesOf(CB003):\n got %+v\nwant %+v", ins, want)
	}
}

func TestTx_SaveDiscipline(t *testing.T) {
	ctx := context.Background()
	s := seedPeople(t)
	base := domain.Discipline{StaffCode: "CB001", Form: domain.Reprimand, From: domain.MustDate("01/03/2023"),
		To: domain.MustDate("29/02/2024"), DecisionNo: "7/QĐ-BHXH"}
	with := func(edit func(d *domain.Discipline)) domain.Discipline { d := base; edit(&d); return d }
	scenarios := []struct {
		name      string
		d         domain.Discipline
		byID      bool
		want      Change
		sameID    bool
		wantField string
	}{
		{name: "insert", d: base, want: Inserted},
		{name: "identical", d: base, want: Unchanged, sameID: true},
		{name: "new end date", d: with(func(d *domain.Discipline) { d.To = domain.MustDate("31/03/2024") }), want: Updated, sameID: true},
		{name: "new decision no", d: with(func(d *domain.Discipline) {
			d.To, d.DecisionNo = domain.MustDate("31/03/2024"), "8/QĐ-BHXH"
		}), want: Updated, sameID: true},
		{name: "identical with id", byID: true, d: with(func(d *domain.Discipline) {
			d.To, d.DecisionNo = domain.MustDate("31/03/2024"), "8/QĐ-BHXH"
		}), want: Unchanged, sameID: true},
		{name: "start date corrected by id", byID: true, d: with(func(d *domain.Discipline) {
			d.From, d.To, d.DecisionNo = domain.MustDate("15/03/2023"), domain.MustDate("31/03/2024"), "8/QĐ-BHXH"
		}), want: Updated, sameID: true},
		{name: "other form same day", d: with(func(d *domain.Discipline) { d.Form = domain.Warning; d.To = domain.Date{} }), want: Inserted},
		{name: "unknown person", d: with(func(d *domain.Discipline) { d.StaffCode = "CB999" }), wantField: "Mã cán bộ"},
	}
	var firstID int64
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			d := sc.d
			if sc.byID {
				d.ID = firstID
			}
			var id int64
			var got Change
			err := s.Write(ctx, func(tx *Tx) error {
				var err error
				id, got, err = tx.SaveDiscipline(d)
				return err
			})
			if sc.wantField != "" {
				wantFieldError(t, err, sc.wantField, domain.ErrNotFound)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if firstID == 0 {
				firstID = id
			}
			if got != sc.want {
				t.Errorf("SaveDiscipline = %v, want %v", got, sc.want)
			}
			if sc.sameID && id != firstID {
				t.Errorf("id = %d, want %d", id, firstID)
			}
		})
	}
	got, err := s.DisciplinesOf(ctx, "CB001")
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.Discipline{
		{ID: firstID, StaffCode: "CB001", Form: domain.Reprimand, From: domain.MustDate("15/03/2023"), To: domain.MustDate("31/03/2024"), DecisionNo: "8/QĐ-BHXH"},
		{StaffCode: "CB001", Form: domain.Warning, From: domain.MustDate("01/03/2023"), DecisionNo: "7/QĐ-BHXH"},
	}
	if len(got) == 2 {
		want[1].ID = got[1].ID
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DisciplinesOf:\n got %+v\nwant %+v", got, want)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.DeleteDiscipline(firstID) })
	if got, _ := s.DisciplinesOf(ctx, "CB001"); len(got) != 1 {
		t.Errorf("after DeleteDiscipline: %+v", got)
	}
}
