package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"tdkt/internal/domain"
)

func TestTx_SaveUnitChanges(t *testing.T) {
	ctx := context.Background()
	s := seedOffice(t)
	bhxh := domain.Unit{Code: "42.HK", Name: "BHXH cơ sở Hương Khê", ParentCode: "42", Kind: domain.UnitGrassroots,
		ValidFrom: domain.MustDate("01/07/2025")}
	scenarios := []struct {
		name      string
		u         domain.Unit
		want      Change
		wantField string
		wantErr   error
	}{
		{name: "insert", u: bhxh, want: Inserted},
		{name: "same again", u: bhxh, want: Unchanged},
		{name: "rename", u: func() domain.Unit { u := bhxh; u.Name = "BHXH cơ sở liên huyện Hương Khê"; return u }(), want: Updated},
		{name: "close", u: func() domain.Unit {
			u := bhxh
			u.Name, u.ValidTo = "BHXH cơ sở liên huyện Hương Khê", domain.MustDate("31/12/2030")
			return u
		}(), want: Updated},
		{name: "move under a department", u: func() domain.Unit {
			u := bhxh
			u.Name, u.ValidTo, u.ParentCode = "BHXH cơ sở liên huyện Hương Khê", domain.MustDate("31/12/2030"), "42.TCHC"
			return u
		}(), want: Updated},
		{name: "organisations", u: func() domain.Unit {
			u := bhxh
			u.Name, u.ValidTo, u.ParentCode = "BHXH cơ sở liên huyện Hương Khê", domain.MustDate("31/12/2030"), "42.TCHC"
			u.Address = "Số 12 đường Trần Phú, xã Hương Khê, tỉnh Hà Tĩnh"
			u.PartyOrg, u.UnionOrg, u.YouthOrg = "Chi bộ BHXH cơ sở Hương Khê", "Công đoàn bộ phận Hương Khê", "Chi đoàn Hương Khê"
			return u
		}(), want: Updated},
		{name: "organisations again", u: func() domain.Unit {
			u := bhxh
			u.Name, u.ValidTo, u.ParentCode = "BHXH cơ sở liên huyện Hương Khê", domain.MustDate("31/12/2030"), "42.TCHC"
			u.Address = "Số 12 đường Trần Phú, xã Hương Khê, tỉnh Hà Tĩnh"
			u.PartyOrg, u.UnionOrg, u.YouthOrg = "Chi bộ BHXH cơ sở Hương Khê", "Công đoàn bộ phận Hương Khê", "Chi đoàn Hương Khê"
			return u
		}(), want: Unchanged},
		{name: "youth organisation cleared", u: func() domain.Unit {
			u := bhxh
			u.Name, u.ValidTo, u.ParentCode = "BHXH cơ sở liên huyện Hương Khê", domain.MustDate("31/12/2030"), "42.TCHC"
			u.Address = "Số 12 đường Trần Phú, xã Hương Khê, tỉnh Hà Tĩnh"
			u.PartyOrg, u.UnionOrg = "Chi bộ BHXH cơ sở Hương Khê", "Công đoàn bộ phận Hương Khê"
			return u
		}(), want: Updated},
		{name: "unknown parent", u: domain.Unit{Code: "42.X", Name: "X", ParentCode: "99", Kind: domain.UnitDepartment},
			wantField: "Đơn vị cấp trên", wantErr: domain.ErrNotFound},
		{name: "own parent", u: domain.Unit{Code: "42.TCHC", Name: "Phòng Tổ chức - Hành chính", ParentCode: "42.TCHC", Kind: domain.UnitDepartment},
			wantField: "Đơn vị cấp trên"},
		{name: "parent is a sub-unit (cycle)", u: domain.Unit{Code: "42.TCHC", Name: "Phòng Tổ chức - Hành chính", ParentCode: "42.HK", Kind: domain.UnitDepartment},
			wantField: "Đơn vị cấp trên"},
		{name: "root under a grandchild (cycle)", u: domain.Unit{Code: "42", Name: office.UnitName, ParentCode: "42.HK", Kind: domain.UnitProvince},
			wantField: "Đơn vị cấp trên"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			before, _ := s.Units(ctx)
			var got Change
			err := writeWithin(t, s, 10*time.Second, func(tx *Tx) error {
				var err error
				got, err = tx.SaveUnit(sc.u)
				return err
			})
			if sc.wantField != "" {
				var fe domain.FieldError
				if !errors.As(err, &fe) || fe.Field != sc.wantField {
					t.Fatalf("error %v, want FieldError on %q", err, sc.wantField)
				}
				if sc.wantErr != nil && !errors.Is(err, sc.wantErr) {
					t.Errorf("error %v does not wrap %v", err, sc.wantErr)
				}
				if after, _ := s.Units(ctx); !reflect.DeepEqual(after, before) {
					t.Errorf("refused save changed the units:\n%+v\n%+v", before, after)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != sc.want {
				t.Errorf("SaveUnit = %v, want %v", got, sc.want)
			}
			back, ok, err := s.Unit(ctx, sc.u.Code)
			if err != nil || !ok || back != sc.u {
				t.Errorf("Unit(%s) = %+v ok=%v err=%v, want %+v", sc.u.Code, back, ok, err, sc.u)
			}
		})
	}
	units, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(units) == 0 || units[0].Code != "42" {
		t.Errorf("Units should list the root first: %+v", units)
	}
}

func TestTx_DeleteUnit(t *testing.T) {
	ctx := context.Background()
	scenarios := []struct {
		name    string
		setup   func(t *testing.T, s *Store)
		code    string
		wantErr error
	}{
		{name: "empty department", code: "42.KHTC"},
		{name: "has sub-units", code: "42", wantErr: domain.ErrInUse},
		{name: "has people", code: "42.TCHC", wantErr: domain.ErrInUse, setup: func(t *testing.T, s *Store) {
			createPerson(t, s, person("CB001", "Lê Văn Cường", "42.TCHC"))
		}},
		{name: "has deleted people", code: "42.TCHC", wantErr: domain.ErrInUse, setup: func(t *testing.T, s *Store) {
			id := createPerson(t, s, person("CB001", "Lê Văn Cường", "42.TCHC"))
			mustWrite(t, s, func(tx *Tx) error { return tx.DeletePerson(id) })
		}},
		{name: "only in someone's history", code: "42.TCHC", wantErr: domain.ErrInUse, setup: func(t *testing.T, s *Store) {
			p := person("CB001", "Lê Văn Cường", "42.TCHC")
			p.ID = createPerson(t, s, p)
			p.UnitCode = "42.KHTC"
			mustWrite(t, s, func(tx *Tx) error {
				_, err := tx.UpdatePerson(p, domain.MustDate("01/01/2024"))
				return err
			})
		}},
		{name: "with its own rating", code: "42.KHTC", setup: func(t *testing.T, s *Store) {
			mustWrite(t, s, func(tx *Tx) error {
				_, err := tx.SetRating(domain.RatingRecord{Subject: domain.UnitSubject("42.KHTC"), Year: 2024, Rating: domain.HTXSNV})
				return err
			})
		}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			s := seedOffice(t)
			if sc.setup != nil {
				sc.setup(t, s)
			}
			err := s.Write(ctx, func(tx *Tx) error { return tx.DeleteUnit(sc.code) })
			if !errors.Is(err, sc.wantErr) {
				t.Fatalf("DeleteUnit(%s) = %v, want %v", sc.code, err, sc.wantErr)
			}
			_, ok, _ := s.Unit(ctx, sc.code)
			if ok != (sc.wantErr != nil) {
				t.Errorf("unit %s exists=%v after DeleteUnit error %v", sc.code, ok, err)
			}
		})
	}
}

func TestStore_CurrentCodeFollowsChanges(t *testing.T) {
	ctx := context.Background()
	scenarios := []struct {
		name    string
		changes []domain.UnitCodeChange
		from    string
		want    []string // any of these (a cycle has no single answer)
	}{
		{name: "no change", from: "A", want: []string{"A"}},
		{name: "one step", changes: []domain.UnitCodeChange{{OldCode: "A", NewCode: "B", Effective: domain.MustDate("01/07/2025")}},
			from: "A", want: []string{"B"}},
		{name: "A to B to C", changes: []domain.UnitCodeChange{
			{OldCode: "B", NewCode: "C", Effective: domain.MustDate("01/07/2025")},
			{OldCode: "A", NewCode: "B", Effective: domain.MustDate("01/01/2020")},
		}, from: "A", want: []string{"C"}},
		{name: "middle of a chain", changes: []domain.UnitCodeChange{
			{OldCode: "A", NewCode: "B", Effective: domain.MustDate("01/01/2020")},
			{OldCode: "B", NewCode: "C", Effective: domain.MustDate("01/07/2025")},
		}, from: "B", want: []string{"C"}},
		{name: "latest of two changes wins", changes: []domain.UnitCodeChange{
			{OldCode: "A", NewCode: "B", Effective: domain.MustDate("01/01/2020")},
			{OldCode: "A", NewCode: "D", Effective: domain.MustDate("01/07/2025")},
		}, from: "A", want: []string{"D"}},
		{name: "two-step cycle stops", changes: []domain.UnitCodeChange{
			{OldCode: "A", NewCode: "B", Effective: domain.MustDate("01/01/2020")},
			{OldCode: "B", NewCode: "A", Effective: domain.MustDate("01/07/2025")},
		}, from: "A", want: []string{"A", "B"}},
		{name: "self loop stops", changes: []domain.UnitCodeChange{
			{OldCode: "A", NewCode: "A", Effective: domain.MustDate("01/01/2020")},
		}, from: "A", want: []string{"A"}},
		{name: "cycle further down stops", changes: []domain.UnitCodeChange{
			{OldCode: "A", NewCode: "B", Effective: domain.MustDate("01/01/2020")},
			{OldCode: "B", NewCode: "C", Effective: domain.MustDate("01/01/2021")},
			{OldCode: "C", NewCode: "B", Effective: domain.MustDate("01/01/2022")},
		}, from: "A", want: []string{"B", "C"}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			s := openTest(t)
			mustWrite(t, s, func(tx *Tx) error {
				for _, c := range sc.changes {
					if err := tx.AddUnitCodeChange(c); err != nil {
						return err
					}
				}
				return nil
			})
			type result struct {
				code string
				err  error
			}
			done := make(chan result, 1)
			go func() {
				c, err := s.CurrentCode(ctx, sc.from)
				done <- result{c, err}
			}()
			select {
			case r := <-done:
				if r.err != nil {
					t.Fatal(r.err)
				}
				ok := false
				for _, w := range sc.want {
					ok = ok || r.code == w
				}
				if !ok {
					t.Errorf("CurrentCode(%s) = %q, want one of %v", sc.from, r.code, sc.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("CurrentCode did not stop")
			}
		})
	}
}

func TestTx_AddUnitCodeChangeUpserts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	first := domain.UnitCodeChange{OldCode: "42.HK", NewCode: "42.LHK", Effective: domain.MustDate("01/07/2025"), Note: "QĐ 1"}
	second := first
	second.Effective, second.Note = domain.MustDate("15/07/2025"), "QĐ 2286/QĐ-BTC ngày 30/6/2025"
	other := domain.UnitCodeChange{OldCode: "42.VQ", NewCode: "42.LHK", Effective: domain.MustDate("01/07/2025")}
	for _, c := range []domain.UnitCodeChange{first, other, second} {
		mustWrite(t, s, func(tx *Tx) error { return tx.AddUnitCodeChange(c) })
	}
	got, err := s.UnitCodeChanges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.UnitCodeChange{other, second}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("UnitCodeChanges:\n got %+v\nwant %+v", got, want)
	}
}
