package store

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"tdkt/internal/domain"
)

func TestTx_SaveProfileCreatesRootUnit(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, ok, err := s.Profile(ctx); ok || err != nil {
		t.Fatalf("Profile on a new database: ok=%v err=%v, want none", ok, err)
	}
	mustWrite(t, s, func(tx *Tx) error { return tx.SaveProfile(office) })

	got, ok, err := s.Profile(ctx)
	if err != nil || !ok {
		t.Fatalf("Profile: ok=%v err=%v", ok, err)
	}
	if !reflect.DeepEqual(got, office) {
		t.Errorf("Profile:\n got %+v\nwant %+v", got, office)
	}
	root, ok, err := s.Unit(ctx, office.UnitCode)
	if err != nil || !ok {
		t.Fatalf("root unit: ok=%v err=%v", ok, err)
	}
	want := domain.Unit{Code: office.UnitCode, Name: office.UnitName, Kind: domain.UnitProvince}
	if root != want {
		t.Errorf("root unit = %+v, want %+v", root, want)
	}
}

func TestTx_SaveProfileKeepsUnitCode(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mustWrite(t, s, func(tx *Tx) error { return tx.SaveProfile(office) })

	scenarios := []struct {
		name      string
		edit      func(p *domain.OfficeProfile)
		wantField string
	}{
		{name: "rename keeps the code", edit: func(p *domain.OfficeProfile) {
			p.UnitName = "Bảo hiểm xã hội tỉnh Hà Tĩnh (mới)"
			p.Deputies = append(p.Deputies, domain.Signer{Name: "Đỗ Văn Giang", Position: "Phó Giám đốc"})
			p.Director.Name = "Ngô Thị Hoa"
		}},
		{name: "new code refused", edit: func(p *domain.OfficeProfile) { p.UnitCode = "43" }, wantField: "Mã đơn vị"},
	}
	current := office
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			p := current
			p.Deputies = append([]domain.Signer(nil), current.Deputies...)
			sc.edit(&p)
			err := s.Write(ctx, func(tx *Tx) error { return tx.SaveProfile(p) })
			if sc.wantField != "" {
				var fe domain.FieldError
				if !errors.As(err, &fe) || fe.Field != sc.wantField {
					t.Fatalf("error %v, want FieldError on %q", err, sc.wantField)
				}
				if !errors.Is(err, domain.ErrInUse) {
					t.Errorf("error %v does not wrap ErrInUse", err)
				}
				got, _, _ := s.Profile(ctx)
				if !reflect.DeepEqual(got, current) {
					t.Errorf("refused save changed the profile: %+v", got)
				}
				if _, ok, _ := s.Unit(ctx, p.UnitCode); ok {
					t.Errorf("refused save created unit %s", p.UnitCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, _, _ := s.Profile(ctx)
			if !reflect.DeepEqual(got, p) {
				t.Errorf("Profile:\n got %+v\nwant %+v", got, p)
			}
			root, _, _ := s.Unit(ctx, p.UnitCode)
			if root.Name != p.UnitName || root.Kind != domain.UnitProvince {
				t.Errorf("root unit not renamed: %+v", root)
			}
			units, _ := s.Units(ctx)
			if len(units) != 1 {
				t.Errorf("%d units after renaming, want 1", len(units))
			}
			current = p
		})
	}
}

func TestTx_SetSetting(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	scenarios := []struct {
		key, value string
	}{
		{"theme", "dark"},
		{"theme", "light"},
		{"thư mục xuất", "/home/cán bộ/Tài liệu"},
	}
	for _, sc := range scenarios {
		mustWrite(t, s, func(tx *Tx) error { return tx.SetSetting(sc.key, sc.value) })
		if got, err := s.Setting(ctx, sc.key); err != nil || got != sc.value {
			t.Errorf("Setting(%q) = %q, %v; want %q", sc.key, got, err, sc.value)
		}
	}
	if got, err := s.Setting(ctx, "absent"); err != nil || got != "" {
		t.Errorf("Setting(absent) = %q, %v", got, err)
	}
}
