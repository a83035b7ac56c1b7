package service

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
	"tdkt/internal/xlsx"
)

func demoService(t *testing.T) *Service {
	t.Helper()
	s, _, _ := fillDemo(t, DemoOptions{Staff: 40, Seed: 1})
	return s
}

func sheet(t *testing.T, rows [][]any) *bytes.Reader {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.WriteRows(&buf, rows); err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(buf.Bytes())
}

func scoresByCode(t *testing.T, s *Service, year int) map[string]domain.SelfScore {
	t.Helper()
	ss, err := s.SelfScores(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]domain.SelfScore{}
	for _, sc := range ss {
		out[sc.Code] = sc
	}
	return out
}

// TestCriteriaImport_RoundTripOfOurExport: the demo's 2025 self-assessment
// workbook, imported into 2024 (which has no table), gives the same table
// and scores; imported back into 2025 it changes nothing.
func TestCriteriaImport_RoundTripOfOurExport(t *testing.T) {
	ctx := context.Background()
	s := demoService(t)
	var buf bytes.Buffer
	if err := s.ExportAssessment(ctx, 2025, "xlsx", &buf); err != nil {
		t.Fatal(err)
	}
	orig, err := s.Criteria(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	origScores := scoresByCode(t, s, 2025)
	targetName := map[int64]string{}
	ms, _ := s.Movements(ctx)
	for _, m := range ms {
		for _, tg := range m.Targets {
			targetName[tg.ID] = tg.Name
		}
	}

	p, err := s.PreviewCriteriaImport(ctx, 2024, bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Criteria) != len(orig) || len(p.Rejected) != 0 || p.Existing != 0 || p.Groups != 5 || len(p.Scores) != len(origScores) {
		t.Fatalf("preview: %d criteria (%d groups), %d rejected %v, existing %d, %d scores; want %d criteria, 5 groups, %d scores",
			len(p.Criteria), p.Groups, len(p.Rejected), p.Rejected, p.Existing, len(p.Scores), len(orig), len(origScores))
	}
	if err := s.CommitCriteriaImport(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Criteria(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	linked := 0
	for i, c := range orig {
		g := got[i]
		if g.Code != c.Code || g.ParentCode != c.ParentCode || g.Name != c.Name || g.MaxPoints != c.MaxPoints ||
			g.Method != c.Method || g.CapPercent != c.CapPercent || g.SortOrder != c.SortOrder {
			t.Errorf("2024 %+v\n2025 %+v", g, c)
		}
		if g.TargetID != 0 {
			linked++
			if targetName[g.TargetID] != g.Name {
				t.Errorf("%s linked to target %q", g.Code, targetName[g.TargetID])
			}
		}
	}
	if linked != 3 { // I.1, I.3, I.7 are named like their target
		t.Errorf("%d criteria linked to a 2024 target by name, want 3", linked)
	}
	got24 := scoresByCode(t, s, 2024)
	for code, want := range origScores {
		g := got24[code]
		if g.Score != want.Score || !strings.HasPrefix(g.Note, want.Note) {
			t.Errorf("2024 score of %s: %+v, want %+v", code, g, want)
		}
	}

	// Back into 2025: the same table, its links, scores, notes and evidence.
	p, err = s.PreviewCriteriaImport(ctx, 2025, bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if p.Existing != len(orig) || p.Kept != len(orig) || p.Dropped != 0 || len(p.Warnings) != 1 || p.Warnings[0].Row != 0 {
		t.Errorf("preview over 2025: existing %d kept %d dropped %d warnings %+v", p.Existing, p.Kept, p.Dropped, p.Warnings)
	}
	if err := s.CommitCriteriaImport(ctx, p); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Criteria(ctx, 2025)
	for i := range orig {
		a, o := again[i], orig[i]
		a.ID, o.ID = 0, 0
		if a != o {
			t.Errorf("2025 after re-import %+v\nbefore %+v", a, o)
		}
	}
	for code, sc := range scoresByCode(t, s, 2025) {
		if o := origScores[code]; sc.Score != o.Score || sc.Note != o.Note || strings.Join(sc.Attachments, ",") != strings.Join(o.Attachments, ",") {
			t.Errorf("2025 %s after re-import %+v, before %+v", code, sc, o)
		}
	}
}

// TestCriteriaImport_LeaderTableReplacesKeepingScores: a leader's table
// numbered afresh under roman groups replaces the year's table; codes that
// stay keep their scores and evidence, the others go.
func TestCriteriaImport_LeaderTableReplacesKeepingScores(t *testing.T) {
	ctx := context.Background()
	s := demoService(t)
	before := scoresByCode(t, s, 2025)
	old, _ := s.Criteria(ctx, 2025)
	var oldI1 domain.Criterion
	for _, c := range old {
		if c.Code == "I.1" {
			oldI1 = c
		}
	}
	rows := [][]any{
		{"CỤM THI ĐUA SỐ 3"},
		{"BẢNG CHẤM ĐIỂM NĂM 2025"},
		{"STT", "Nội dung", "Điểm chuẩn", "Phương pháp"},
		{"I", "Chuyên môn nghiệp vụ", 50},
		{"1", "Bao phủ BHXH bắt buộc", 20, "Tỷ lệ"},
		{"2", "Phát triển người tham gia", 30},
		{"II", "Cải cách hành chính"},
		{"1", "CCHC xếp loại Tốt", 5, "Đạt/không đạt"},
		{"2", "VssID", 5},
		{"III", "Tiêu chí mới"},
		{"1", "Thi đua chuyên đề", 10},
		{"1", "Trùng", 2},
		{"2", "Phương pháp lạ", 2, "bình xét"},
		{"", "Tổng cộng", 100},
	}
	p, err := s.PreviewCriteriaImport(ctx, 2025, sheet(t, rows))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Criteria) != 8 || p.Groups != 3 || p.RejectedRows() != 2 || p.Existing != 23 || p.Kept != 8 || p.Dropped != 15 {
		t.Fatalf("preview: %d criteria, %d groups, %d rejected %+v, existing %d kept %d dropped %d",
			len(p.Criteria), p.Groups, p.RejectedRows(), p.Rejected, p.Existing, p.Kept, p.Dropped)
	}
	if r := p.Rejected[0]; r.Row != 12 || !strings.Contains(r.Reason, "III.1 trùng với dòng 11") {
		t.Errorf("duplicate reported as %+v", r)
	}
	if r := p.Rejected[1]; r.Row != 13 || r.Column != "Phương pháp" {
		t.Errorf("unknown method reported as %+v", r)
	}
	if len(p.Warnings) == 0 || !strings.Contains(p.Warnings[0].Reason, "15 mã không có trong tệp sẽ bị xóa") {
		t.Errorf("warnings %+v, want the replacement first", p.Warnings)
	}
	if got, _ := s.Criteria(ctx, 2025); len(got) != 23 {
		t.Fatal("the preview wrote")
	}
	if err := s.CommitCriteriaImport(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Criteria(ctx, 2025)
	var codes []string
	for _, c := range got {
		codes = append(codes, c.Code)
		if c.Code == "I.1" && (c.TargetID != oldI1.TargetID || c.MaxPoints != 20 || c.Name != "Bao phủ BHXH bắt buộc") {
			t.Errorf("I.1 %+v: want the new name and max, the old target %d", c, oldI1.TargetID)
		}
	}
	if strings.Join(codes, " ") != "I I.1 I.2 II II.1 II.2 III III.1" {
		t.Errorf("codes %v", codes)
	}
	after := scoresByCode(t, s, 2025)
	for _, code := range []string{"I.1", "II.1", "II.2", "III.1"} {
		if after[code].Score != before[code].Score || after[code].Note != before[code].Note {
			t.Errorf("%s: score %+v, want kept %+v", code, after[code], before[code])
		}
	}
	if _, ok := after["V.2"]; ok || len(after) != 5 {
		t.Errorf("scores after: %v", after)
	}
	if ev, _ := s.Evidence(ctx, 2025, "II.1"); len(ev) != 1 {
		t.Errorf("II.1 evidence %v, want kept", ev)
	}
}

func TestCriteriaImport_BadFile(t *testing.T) {
	s := demoService(t)
	_, err := s.PreviewCriteriaImport(context.Background(), 2025, sheet(t, [][]any{{"Họ và tên"}, {"A"}}))
	if !errors.Is(err, ErrImportFile) || !strings.Contains(Explain(err), "Điểm tối đa") {
		t.Fatalf("err %v", err)
	}
	if err := s.CommitCriteriaImport(context.Background(), &CriteriaPreview{Year: 2025}); !errors.Is(err, ErrImportFile) {
		t.Fatalf("empty commit: %v", err)
	}
}

func TestImportClusterTotals(t *testing.T) {
	ctx := context.Background()
	s := demoService(t)
	before, _, _ := s.Cluster(ctx, 2025)
	rows := [][]any{
		{"KẾT QUẢ CHẤM ĐIỂM CỤM SỐ 3"},
		{"STT", "Đơn vị", "Tổng điểm"},
		{1, "Bảo hiểm xã hội tỉnh Thanh Hóa", "95,5"},
		{2, norm.NFD.String("BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN"), 91.25},
		{3, "Bảo hiểm xã hội tỉnh Hà Tĩnh", 10}, // this office: from its own scores
		{4, "BHXH tỉnh Quảng Trị", "88"},
		{5, "Bảo hiểm xã hội thành phố Huế", ""},
		{"", "Tổng cộng", "285"},
	}
	n, err := s.ImportClusterTotals(ctx, 2025, sheet(t, rows))
	if err != nil || n != 3 {
		t.Fatalf("imported %d, %v; want 3", n, err)
	}
	c, _, _ := s.Cluster(ctx, 2025)
	want := map[string]float64{"Bảo hiểm xã hội tỉnh Thanh Hóa": 95.5, "Bảo hiểm xã hội tỉnh Nghệ An": 91.25, "Bảo hiểm xã hội tỉnh Quảng Trị": 88}
	for i, m := range c.Members {
		w, ok := want[m.Name]
		if !ok {
			w = before.Members[i].Total
		}
		if m.Total != w || m.HasTotal != before.Members[i].HasTotal || m.Role != before.Members[i].Role || m.Own != before.Members[i].Own {
			t.Errorf("%s: %+v, want total %v and the rest as before %+v", m.Name, m, w, before.Members[i])
		}
	}

	bad := [][]any{
		{"Đơn vị", "Tổng điểm"},
		{"Bảo hiểm xã hội tỉnh Thanh Hóa", 70},
		{"Bảo hiểm xã hội tỉnh Bình Định", 80},
	}
	_, err = s.ImportClusterTotals(ctx, 2025, sheet(t, bad))
	if !errors.Is(err, domain.ErrNotFound) || !strings.Contains(err.Error(), "dòng 3") || !strings.Contains(err.Error(), "Bình Định") {
		t.Fatalf("err %v, want the unknown member named with its row", err)
	}
	if c2, _, _ := s.Cluster(ctx, 2025); c2.Members[0].Total != 95.5 {
		t.Error("a file with an error wrote totals")
	}
	if _, err := s.ImportClusterTotals(ctx, 2030, sheet(t, bad)); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("no cluster: %v", err)
	}
}
