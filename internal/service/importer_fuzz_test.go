package service

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// errFuzzRollback undoes the writes FuzzImportRow tries.
var errFuzzRollback = errors.New("fuzz: roll back")

// FuzzImportRow feeds the importer's row checks arbitrary cell text under
// each template's own header: kind picks the import (units, staff, ratings,
// awards, initiatives, discipline), row1 and row2 are two data rows with
// their cells separated by tabs (two, so that the duplicate-key checks
// run), and typed makes each of the first eight cells of row1 a real
// number or date cell when its text reads as one (the CCCD that lost its
// zero, serial dates).
//
// Properties: a file with the template's header is never refused as a
// whole; every problem names the row it is on and a column of the
// template (or none, for the row as a whole) and says something; every
// data row is either accepted or rejected; and every accepted row is
// written without error by the transaction a commit would run (rolled
// back here), which for staff rows is the first time the database sees
// them, since their preview has no trial write.
func FuzzImportRow(f *testing.F) {
	s := newImportService(f)
	addPeople(f, s,
		person("CB0001", "Nguyễn Văn An", domain.Male, "05/01/1985", "042085000001", "4201"),
		person("CB0002", "Lê Thị Bình", domain.Female, "12/03/1990", "042190000002", "4202"))
	ctx := context.Background()
	for _, seed := range []struct {
		kind       uint8
		row1, row2 string
		typed      uint8
	}{
		{0, "4204\tPhòng Kế hoạch\t42\tPhòng\t01/07/2025\t", "4205\tBHXH cơ sở Kỳ Anh\t4204\t\t\t31/12/2024", 0},
		{0, "4206\tĐơn vị vòng\t4207", "4207\tĐơn vị vòng 2\t4206", 0},
		{1, "CB0003\tTrần Văn Cường\t05/01/1985\tNam\t042085000123\tChuyên viên\tPhòng Tổ chức cán bộ\t01/09/2010\tKinh\t", "CB0003\tTrần Văn Cường\t05/01/1985\tNam\t042085000123\t\t4201\t01/09/2010", 0},
		{1, "CB0004\tPhạm Thị Dung\t31048\tnữ\t42185000124\t\tHL01\t40422", "cb0001\tNguyễn Văn An\t1985-01-05\tNAM\t042085000001\t\t4201\t01/09/2010", 0x94},
		{1, "CB 05\tX\t29/02/2023\tKhác\t042085\t\t4203\t01/01/2000", "\t\t\t\t\t\t\t", 0},
		{2, "CB0001\t\t2025\tHTXSNV", "\t4201\t2024\tHoàn thành tốt nhiệm vụ", 0x04},
		{2, "CB0001\t4201\t1974\tx", "CB9999\t\tnăm ngoái\t", 0},
		{3, "CB0001\t\t2025\tCSTDCS\t30/QĐ-BHXH\t20/01/2026\tBHXH tỉnh\tCông trạng\t", "\tHL01\t2025\tTập thể lao động xuất sắc\t\t01/01/2020\t\tTheo đợt", 0},
		{4, "CB0001; CB0002\tSố hóa hồ sơ\t2025\tCơ sở\t125/QĐ-BHXH\t15/12/2025\tBHXH tỉnh", "CB0001;cb0002;CB0001\tsố hóa hồ sơ\t2025\tbo nganh", 0},
		{5, "CB0001\tKhiển trách\t01/03/2025\t31/08/2025\t45/QĐ-BHXH", "CB0002\tCảnh cáo\t01/03/2025\t01/01/2025\t", 0x0c},
	} {
		f.Add(seed.kind, seed.row1, seed.row2, seed.typed)
	}
	f.Fuzz(func(t *testing.T, kindIndex uint8, row1, row2 string, typed uint8) {
		// Room for the 32,000-character cells people paste (the corpus
		// holds some), not for megabytes that would only slow the fuzzer.
		if len(row1)+len(row2) > 80<<10 {
			return
		}
		kind := ImportKinds[int(kindIndex)%len(ImportKinds)]
		spec, err := importSpec(kind, templateExamples{})
		if err != nil {
			t.Fatal(err)
		}
		header := make([]any, len(spec.Columns))
		columns := map[string]bool{"": true}
		for i, c := range spec.Columns {
			header[i], columns[c.Name] = c.Name, true
		}
		cells := func(line string, typed uint8) []any {
			var out []any
			for i, v := range strings.Split(line, "\t") {
				if i >= len(header) {
					break
				}
				switch {
				case i < 8 && typed&(1<<i) != 0:
					if x, err := strconv.ParseFloat(v, 64); err == nil && x >= -1e15 && x <= 1e15 {
						out = append(out, x)
						continue
					}
					if d, err := domain.ParseDate(v); err == nil && !d.IsZero() {
						out = append(out, d)
						continue
					}
				}
				out = append(out, v)
			}
			return out
		}
		var buf bytes.Buffer
		if err := xlsx.WriteRows(&buf, [][]any{header, cells(row1, typed), cells(row2, 0)}); err != nil {
			return // text excelize will not write (invalid XML characters): no file to import
		}
		p, err := s.PreviewImport(ctx, kind, bytes.NewReader(buf.Bytes()), nil)
		if err != nil {
			t.Fatalf("%s: a file with the template's header was refused: %v", kind, err)
		}
		if p.Rows > 2 {
			t.Fatalf("%s: %d data rows read from two", kind, p.Rows)
		}
		rejected := map[int]bool{}
		for _, is := range p.Rejected {
			if is.Row != 2 && is.Row != 3 || !columns[is.Column] || strings.TrimSpace(is.Reason) == "" || is.Warning {
				t.Fatalf("%s: rejection %+v names no data row or template column, or says nothing", kind, is)
			}
			rejected[is.Row] = true
		}
		for _, is := range p.Warnings {
			if is.Row < 1 || is.Row > 3 || strings.TrimSpace(is.Reason) == "" || !is.Warning {
				t.Fatalf("%s: warning %+v", kind, is)
			}
		}
		if len(p.Accepted)+len(rejected) != p.Rows {
			t.Fatalf("%s: %d rows read, %d accepted, %d rejected", kind, p.Rows, len(p.Accepted), len(rejected))
		}
		for _, r := range p.Accepted {
			if rejected[r.Row] || strings.TrimSpace(r.Summary) == "" {
				t.Fatalf("%s: accepted row %+v is also rejected or has no summary", kind, r)
			}
		}
		// What CommitImport would write, in its order, rolled back.
		err = s.st.Write(ctx, func(tx *store.Tx) error {
			for _, r := range acceptedByRank(p) {
				if _, err := r.apply(tx); err != nil {
					return fmt.Errorf("accepted row %d (%s) refused by the database: %w", r.Row, r.Summary, err)
				}
			}
			return errFuzzRollback
		})
		if !errors.Is(err, errFuzzRollback) {
			t.Fatalf("%s: %v", kind, err)
		}
	})
}

// acceptedByRank is p's accepted rows in the order CommitImport writes them.
func acceptedByRank(p *ImportPreview) []*ImportRow {
	rows := make([]*ImportRow, len(p.Accepted))
	for i := range p.Accepted {
		rows[i] = &p.Accepted[i]
	}
	slices.SortStableFunc(rows, func(a, b *ImportRow) int { return cmp.Compare(a.rank, b.rank) })
	return rows
}
