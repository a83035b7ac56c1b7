package overview

import (
	"context"
	"strings"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2/test"

	"tdkt/internal/service"
)

func TestView_ShowsDemoOffice(t *testing.T) {
	test.NewTempApp(t)
	svc := uitest.Service(t)
	win := test.NewWindow(nil)
	defer win.Close()
	v := New(svc, win)
	v.Reload()
	if !strings.Contains(v.profile.Text, "Chưa tạo đơn vị") {
		t.Fatalf("empty database: %q", v.profile.Text)
	}
	if err := svc.FillDemo(context.Background(), service.DemoOptions{Staff: 60, Seed: 2}, nil); err != nil {
		t.Fatal(err)
	}
	v.Reload()
	if !strings.Contains(v.profile.Text, "Bảo hiểm xã hội tỉnh Hà Tĩnh") || !strings.Contains(v.profile.Text, "Tổng số cán bộ: 60") {
		t.Fatalf("profile line: %q", v.profile.Text)
	}
	if len(v.unitRow) < 12 || v.unitRow[0].depth != 0 || v.unitRow[0].people != 60 {
		t.Fatalf("unit rows: %d, first %+v", len(v.unitRow), v.unitRow[0])
	}
	for _, r := range v.unitRow[1:] {
		if r.depth != 1 {
			t.Fatalf("unit %q at depth %d, want 1", r.name, r.depth)
		}
	}
	if len(v.data.Years) != 2 || v.data.Years[0] != 2024 || v.data.Years[1] != 2025 {
		t.Fatalf("years %v, want [2024 2025]", v.data.Years)
	}
	if len(v.award) != 12 {
		t.Fatalf("award rows: %d, want the 12 catalogue awards", len(v.award))
	}
	for i, y := range v.data.Years {
		counts, _ := svc.Store().AwardCounts(context.Background(), y)
		total, want := 0, 0
		for _, r := range v.award {
			total += r.counts[i]
		}
		for _, n := range counts {
			want += n
		}
		if total != want {
			t.Fatalf("year %d: table total %d, store total %d", y, total, want)
		}
	}
	if v.award[0].name != "Lao động tiên tiến" || v.award[0].counts[0] == 0 {
		t.Fatalf("first row %+v: LĐTT of 2024 expected to be counted", v.award[0])
	}
	closed := 0
	for _, r := range v.unitRow {
		if !r.active {
			closed++
			if !strings.Contains(r.name, "(đến 30/06/2025)") {
				t.Fatalf("closed unit not marked: %q", r.name)
			}
		}
	}
	if closed == 0 {
		t.Fatal("the demo's merged district offices should show as closed")
	}
}
