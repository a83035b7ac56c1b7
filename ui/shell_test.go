package ui

import (
	"context"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/service"
)

func newService(t *testing.T) *service.Service {
	t.Helper()
	return uitest.Service(t)
}

func TestMainWindow_NavigatesEveryArea(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	if err := svc.SaveProfile(context.Background(), domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	mw := Build(win, svc)
	want := []string{"Tổng quan", "Đơn vị & cán bộ", "Đăng ký thi đua", "Tự đánh giá", "Xét khen thưởng", "Nhập dữ liệu", "Danh mục", "Cài đặt"}
	if len(mw.areas) != len(want) {
		t.Fatalf("areas: %d, want %d", len(mw.areas), len(want))
	}
	for i, title := range want {
		mw.Show(i)
		if mw.Current() != title {
			t.Fatalf("Show(%d) shows %q, want %q", i, mw.Current(), title)
		}
		if len(mw.content.Objects) != 1 || mw.content.Objects[0] != mw.areas[i].view.Content() {
			t.Fatalf("area %q: content not shown", title)
		}
	}
	mw.ShowArea("Danh mục")
	if mw.Current() != "Danh mục" {
		t.Fatalf("ShowArea: %q", mw.Current())
	}
}

func TestMainWindow_DemoBanner(t *testing.T) {
	test.NewTempApp(t)
	svc := newService(t)
	win := test.NewWindow(nil)
	defer win.Close()
	mw := Build(win, svc)
	if len(mw.banner.Objects) != 0 {
		t.Fatal("banner shown on a non-demo database")
	}
	if err := svc.FillDemo(context.Background(), service.DemoOptions{Staff: 40, Years: 6, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	mw.Reload()
	if len(mw.banner.Objects) != 1 {
		t.Fatal("demo banner missing after filling the demo office")
	}
}
