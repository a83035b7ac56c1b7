package service

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"tdkt/internal/domain"
)

// staffBook is a clean 10,000-row staff file as an office would export it
// from its HR spreadsheet: real date cells for births, text dates for
// recruitment, 12-digit CCCD text, units by code and by name.
func staffBook(b *testing.B, n int) []byte {
	b.Helper()
	family := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"}
	middle := []string{"Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu"}
	given := []string{"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm", "Yến"}
	units := []string{"4201", "4202", "Phòng Tổ chức cán bộ", "BHXH cơ sở Hồng Lĩnh"}
	rows := [][]any{{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Chức vụ", "Đơn vị công tác", "Ngày tuyển dụng", "Dân tộc", "Ghi chú"}}
	for i := range n {
		year := 1965 + i%40
		g, digit := "Nam", 0
		if i%2 == 1 {
			g, digit = "Nữ", 1
		}
		if year >= 2000 {
			digit += 2 // CCCD digit 4 also says the century
		}
		birth := domain.NewDate(year, time.Month(1+i%12), 1+i%28)
		rows = append(rows, []any{
			fmt.Sprintf("CB%05d", i),
			fmt.Sprintf("%s %s %s", family[i%len(family)], middle[i%len(middle)], given[i%len(given)]),
			birth,
			g,
			fmt.Sprintf("042%d%02d%06d", digit, year%100, i),
			"Chuyên viên",
			units[i%len(units)],
			fmt.Sprintf("01/09/%d", year+22),
			"Kinh",
			"",
		})
	}
	return importBook(b, rows)
}

// BenchmarkImportStaff10k measures PreviewImport + CommitImport of 10,000
// staff rows into a fresh database, with every check on. The target is
// under 2 s per operation on the office's 2-core machines.
func BenchmarkImportStaff10k(b *testing.B) {
	const n = 10000
	data := staffBook(b, n)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s := newImportService(b)
		b.StartTimer()
		p, err := s.PreviewImport(ctx, ImportStaff, bytes.NewReader(data), nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Accepted) != n {
			b.Fatalf("%d accepted, rejected %s", len(p.Accepted), issuesText(p.Rejected[:min(5, len(p.Rejected))]))
		}
		res, err := s.CommitImport(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		if res.Inserted != n {
			b.Fatalf("commit %+v", res)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkReimportStaff10k measures the same file imported a second time,
// where every row is compared and none written.
func BenchmarkReimportStaff10k(b *testing.B) {
	const n = 10000
	data := staffBook(b, n)
	ctx := context.Background()
	s := newImportService(b)
	p, err := s.PreviewImport(ctx, ImportStaff, bytes.NewReader(data), nil)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.CommitImport(ctx, p); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		p, err := s.PreviewImport(ctx, ImportStaff, bytes.NewReader(data), nil)
		if err != nil {
			b.Fatal(err)
		}
		res, err := s.CommitImport(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		if res.Unchanged != n {
			b.Fatalf("re-import %+v", res)
		}
	}
}
