package overview

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"tdkt/internal/service"
	"tdkt/internal/store"
)

func TestView_ShowsDemoOffice(t *testing.T) {
	test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "o.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := service.New(st, func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) })
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
	if v.awardHd.Text != "Khen thưởng năm 2025" {
		t.Fatalf("award heading %q", v.awardHd.Text)
	}
	counts, _ := st.AwardCounts(context.Background(), 2025)
	total := 0
	for _, r := range v.award {
		total += r.count
	}
	want := 0
	for _, n := range counts {
		want += n
	}
	if total != want || len(v.award) != 12 {
		t.Fatalf("award rows: %d rows, total %d, want 12 rows, total %d", len(v.award), total, want)
	}
	for i := 1; i < len(v.award); i++ {
		if v.award[i].count > v.award[i-1].count {
			t.Fatal("award rows not sorted by count")
		}
	}
}
