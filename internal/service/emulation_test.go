package service

import (
	"bytes"
	"context"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// wantFields checks that err carries field errors on exactly the named fields.
func wantFields(t *testing.T, what string, err error, fields ...string) {
	t.Helper()
	fe := domain.AsFieldErrors(err)
	if len(fields) == 0 {
		if err != nil {
			t.Errorf("%s: %v", what, err)
		}
		return
	}
	if fe == nil {
		t.Errorf("%s: %v, want field errors on %v", what, err, fields)
		return
	}
	var got []string
	for _, e := range fe {
		got = append(got, e.Field)
	}
	if !reflect.DeepEqual(got, fields) {
		t.Errorf("%s: fields %v (%v), want %v", what, got, err, fields)
	}
}

func regularMovement(y int) domain.Movement {
	return domain.Movement{Name: DemoRegularMovement(y), Kind: domain.MovementRegular, FromYear: y, ToYear: y,
		Targets: []domain.Target{
			{Name: "Tỷ lệ bao phủ BHYT", Unit: "%", HigherBetter: true},
			{Name: "Thời gian giải quyết hồ sơ", Unit: "ngày"},
		}}
}

func TestService_SaveMovementValidates(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	m := regularMovement(2026)
	scenarios := []struct {
		name   string
		edit   func(m *domain.Movement)
		fields []string
	}{
		{"no name", func(m *domain.Movement) { m.Name = "  " }, []string{FieldMovementName}},
		{"ends before it starts", func(m *domain.Movement) { m.ToYear = 2020 }, []string{FieldToYear}},
		{"absurd year", func(m *domain.Movement) { m.FromYear, m.ToYear = 1800, 0 }, []string{FieldFromYear}},
		{"unknown kind", func(m *domain.Movement) { m.Kind = "X" }, []string{FieldMovementKind}},
		{"review outside", func(m *domain.Movement) {
			m.Reviews = []domain.MovementReview{{Year: 2030, Kind: domain.ReviewFinal}}
		}, []string{FieldReviews}},
		{"target without name", func(m *domain.Movement) { m.Targets[1].Name = "" }, []string{FieldTargetName}},
		{"target without unit", func(m *domain.Movement) { m.Targets[0].Unit = "" }, []string{FieldTargetUnit}},
		{"target twice", func(m *domain.Movement) { m.Targets[1].Name = "tỷ lệ bao phủ BHYT" }, []string{FieldTargetName}},
	}
	for _, sc := range scenarios {
		mm := m
		mm.Targets = append([]domain.Target(nil), m.Targets...)
		sc.edit(&mm)
		_, err := s.SaveMovement(ctx, mm)
		wantFields(t, sc.name, err, sc.fields...)
	}
	if ms, _ := s.Movements(ctx); len(ms) != 0 {
		t.Fatalf("invalid movements saved: %+v", ms)
	}
	id, err := s.SaveMovement(ctx, m)
	if err != nil || id == 0 {
		t.Fatal(id, err)
	}
	ms, _ := s.Movements(ctx)
	if len(ms) != 1 || len(ms[0].Targets) != 2 || ms[0].Targets[1].SortOrder != 2 {
		t.Fatalf("saved %+v", ms)
	}
	// Reordering keeps the IDs; a dropped target goes.
	first := ms[0]
	first.Targets = []domain.Target{first.Targets[1], first.Targets[0], {Name: "Tỷ lệ giao dịch điện tử", Unit: "%", HigherBetter: true}}
	if _, err := s.SaveMovement(ctx, first); err != nil {
		t.Fatal(err)
	}
	ms, _ = s.Movements(ctx)
	if got := ms[0].Targets; got[0].ID != first.Targets[0].ID || got[1].ID != first.Targets[1].ID || got[2].ID == 0 {
		t.Errorf("IDs after reorder: %+v", got)
	}
	if err := s.DeleteMovement(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMovement(ctx, id); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func TestService_SaveRegistrationChecksAwards(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	addPeople(t, s, person("CB001", "Lê Văn Cường", domain.Male, "01/01/1980", "", "4201"))
	cb := domain.PersonSubject("CB001")
	wantFields(t, "unknown award", s.SaveRegistration(ctx, domain.Registration{Year: 2026, Subject: cb, Awards: []string{"LDTT", "XYZ"}}), FieldAward)
	wantFields(t, "collective award for a person", s.SaveRegistration(ctx, domain.Registration{Year: 2026, Subject: cb, Awards: []string{"TTLDXS"}}), FieldAward)
	wantFields(t, "person award for a collective", s.SaveRegistration(ctx, domain.Registration{Year: 2026, Subject: domain.UnitSubject("4201"), Awards: []string{"CSTDCS"}}), FieldAward)
	wantFields(t, "unknown person", s.SaveRegistration(ctx, domain.Registration{Year: 2026, Subject: domain.PersonSubject("CB999"), Awards: []string{"LDTT"}}), "Mã cán bộ")
	if err := s.SaveRegistration(ctx, domain.Registration{Year: 2026, Subject: cb, Awards: []string{"CSTDCS", " LDTT ", "LDTT", ""}, Note: " có sáng kiến "}); err != nil {
		t.Fatal(err)
	}
	regs, _ := s.Registrations(ctx, 2026)
	if len(regs) != 1 || !reflect.DeepEqual(regs[0].Awards, []string{"LDTT", "CSTDCS"}) || regs[0].Note != "có sáng kiến" {
		t.Errorf("registrations %+v", regs)
	}
	if err := s.SaveRegistration(ctx, domain.Registration{Year: 2026, Subject: cb}); err != nil {
		t.Fatal(err)
	}
	if regs, _ := s.Registrations(ctx, 2026); len(regs) != 0 {
		t.Errorf("empty registration kept: %+v", regs)
	}
}

func TestService_RegisterUnitStaff(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	err := s.st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveUnit(domain.Unit{Code: "420101", Name: "Tổ Tiếp nhận hồ sơ", ParentCode: "4201", Kind: domain.UnitDepartment})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	addPeople(t, s,
		person("CB001", "Lê Văn Cường", domain.Male, "01/01/1980", "", "4201"),
		person("CB002", "Trần Thị Dung", domain.Female, "01/01/1985", "", "420101"),
		person("CB003", "Vũ Văn Em", domain.Male, "01/01/1990", "", "4202"),
		person("CB004", "Hà Thị Giang", domain.Female, "01/01/1992", "", "42"))
	// CB003 moved into 4201 during 2025: counts for 2025, not for 2024.
	p, _, _ := s.st.PersonByCode(ctx, "CB003")
	p.UnitCode = "4201"
	if _, err := s.SavePerson(ctx, p, domain.NewDate(2025, 5, 1)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRegistration(ctx, domain.Registration{Year: 2025, Subject: domain.PersonSubject("CB001"), Awards: []string{"LDTT"}, Note: "giữ"}); err != nil {
		t.Fatal(err)
	}
	n, err := s.RegisterUnitStaff(ctx, 2025, "4201", "LDTT")
	if err != nil || n != 2 {
		t.Fatalf("first run: %d %v, want 2 (CB002, CB003; CB001 already registered)", n, err)
	}
	if n, err := s.RegisterUnitStaff(ctx, 2025, "4201", "LDTT"); err != nil || n != 0 {
		t.Errorf("second run: %d %v, want 0", n, err)
	}
	if n, _ := s.RegisterUnitStaff(ctx, 2024, "4201", "LDTT"); n != 2 {
		t.Errorf("2024: %d, want 2 (CB003 was in 4202)", n)
	}
	if n, _ := s.RegisterUnitStaff(ctx, 2026, "42", "LDTT"); n != 4 {
		t.Errorf("whole office 2026: %d, want 4", n)
	}
	regs, _ := s.Registrations(ctx, 2025)
	if len(regs) != 3 || regs[0].Subject.Code != "CB001" || regs[0].Note != "giữ" {
		t.Errorf("registrations 2025: %+v", regs)
	}
	wantFields(t, "collective award", func() error { _, err := s.RegisterUnitStaff(ctx, 2025, "4201", "TTLDTT"); return err }(), FieldAward)
	wantFields(t, "unknown unit", func() error { _, err := s.RegisterUnitStaff(ctx, 2025, "99", "LDTT"); return err }(), FieldUnit)
}

func TestService_RegistrationWarnings(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	late := person("CB004", "Hà Thị Giang", domain.Female, "01/01/1992", "", "4201")
	late.RecruitedOn = domain.NewDate(2025, 7, 2)
	onTime := person("CB005", "Phan Văn Hùng", domain.Male, "01/01/1993", "", "4201")
	onTime.RecruitedOn = domain.NewDate(2025, 7, 1)
	addPeople(t, s,
		person("CB001", "Lê Văn Cường", domain.Male, "01/01/1980", "", "4201"),
		person("CB002", "Trần Thị Dung", domain.Female, "01/01/1985", "", "4201"),
		person("CB003", "Vũ Văn Em", domain.Male, "01/01/1990", "", "4202"),
		late, onTime)
	award := func(code string, y int, a string, kind domain.AwardKind) {
		t.Helper()
		if err := s.SaveAward(ctx, domain.AwardRecord{Subject: domain.PersonSubject(code), Year: y, AwardCode: a, Kind: kind}); err != nil {
			t.Fatal(err)
		}
	}
	award("CB001", 2023, "CSTDCS", domain.KindMerit)
	award("CB001", 2024, "CSTDCS", domain.KindMerit)
	award("CB002", 2024, "CSTDCS", domain.KindMerit)
	award("CB002", 2023, "CSTDCS", domain.KindOneOff) // đột xuất: never counts in a chain
	award("CB003", 2019, "BK_BO", domain.KindMerit)
	if err := s.SetRating(ctx, domain.RatingRecord{Subject: domain.PersonSubject("CB003"), Year: 2024, Rating: domain.HTXSNV}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDiscipline(ctx, domain.Discipline{StaffCode: "CB003", Form: domain.Reprimand, From: domain.NewDate(2024, 11, 1), To: domain.NewDate(2025, 4, 30)}); err != nil {
		t.Fatal(err)
	}
	reg := func(code string, awards ...string) {
		t.Helper()
		if err := s.SaveRegistration(ctx, domain.Registration{Year: 2025, Subject: domain.PersonSubject(code), Awards: awards}); err != nil {
			t.Fatal(err)
		}
	}
	reg("CB001", "LDTT", "CSTDCS", "CSTD_BO", "BK_BO")
	reg("CB002", "CSTD_BO", "CSTD_TQ")
	reg("CB003", "LDTT", "BK_BO", "BK_TTG", "HCLD3")
	reg("CB004", "LDTT")
	reg("CB005", "LDTT")
	if err := s.SaveRegistration(ctx, domain.Registration{Year: 2025, Subject: domain.UnitSubject("4201"), Awards: []string{"CO_BO", "TTLDXS"}}); err != nil {
		t.Fatal(err)
	}
	w, err := s.RegistrationWarnings(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	want := map[domain.Subject][]string{
		domain.PersonSubject("CB002"): {"Chiến sĩ thi đua Bộ Tài chính: Thiếu CSTĐCS năm 2023", "Chiến sĩ thi đua toàn quốc: Thiếu Chiến sĩ thi đua ngành Bảo hiểm xã hội năm 2022"},
		domain.PersonSubject("CB003"): {
			"LĐTT: Kỷ luật khiển trách (hiệu lực từ 01/11/2024) còn hiệu lực trong năm 2025",
			"Bằng khen của Thủ tướng Chính phủ: Chưa có Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam từ năm 2020 trở về trước",
			"Huân chương Lao động hạng Ba: Chưa có Bằng khen của Thủ tướng Chính phủ từ năm 2020 trở về trước",
		},
		domain.PersonSubject("CB004"): {"LĐTT: Tuyển dụng ngày 02/07/2025, sau ngày 01/07/2025: chưa đủ thời gian công tác trong năm 2025"},
		domain.UnitSubject("4201"):    {"Cờ thi đua của Bộ Tài chính: Năm 2024 tập thể chưa được xếp loại (cần HTXSNV)"},
	}
	// BK_TTG of CB003: its BK_BO of 2019 is within Y-5 = 2020, so no warning.
	want[domain.PersonSubject("CB003")] = append(want[domain.PersonSubject("CB003")][:1], want[domain.PersonSubject("CB003")][2])
	if !reflect.DeepEqual(w, want) {
		for k, v := range w {
			t.Logf("%v: %q", k, v)
		}
		t.Errorf("warnings differ from %v", want)
	}
	if _, ok := w[domain.PersonSubject("CB001")]; ok {
		t.Error("CB001 has the chain and still gets a warning")
	}
	// Under R2017 the cut-off is 1 March.
	reg("CB004")
	if err := s.SaveRegistration(ctx, domain.Registration{Year: 2023, Subject: domain.PersonSubject("CB005"), Awards: []string{"LDTT"}}); err != nil {
		t.Fatal(err)
	}
	if w, _ := s.RegistrationWarnings(ctx, 2023); len(w[domain.PersonSubject("CB005")]) != 1 || !strings.Contains(w[domain.PersonSubject("CB005")][0], "sau ngày 01/03/2023") {
		t.Errorf("R2017 warning: %v", w)
	}
}

// officeWithTargets saves a movement for 2025 with the office's values:
// BHYT 95 planned, 90 done (higher is better); processing time 5 days
// planned, 4 done (lower is better).
func officeWithTargets(t *testing.T, s *Service) domain.Movement {
	t.Helper()
	ctx := context.Background()
	id, err := s.SaveMovement(ctx, regularMovement(2025))
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Movements(ctx)
	var m domain.Movement
	for _, x := range ms {
		if x.ID == id {
			m = x
		}
	}
	for i, v := range []domain.TargetValue{
		{Year: 2025, UnitCode: "42", TargetID: m.Targets[0].ID, Planned: 95, Actual: 90, HasActual: true},
		{Year: 2025, UnitCode: "42", TargetID: m.Targets[1].ID, Planned: 5, Actual: 4, HasActual: true},
	} {
		if err := s.SaveTargetValue(ctx, v); err != nil {
			t.Fatalf("value %d: %v", i, err)
		}
	}
	return m
}

func scoringTable(m domain.Movement) []domain.Criterion {
	return []domain.Criterion{
		{Code: "I", Name: "Thực hiện nhiệm vụ chuyên môn", MaxPoints: 20},
		{Code: "I.1", ParentCode: "I", Name: "Bao phủ BHYT", MaxPoints: 10, Method: domain.MethodProportional, TargetID: m.Targets[0].ID, CapPercent: 100},
		{Code: "I.2", ParentCode: "I", Name: "Thời gian giải quyết", MaxPoints: 10, Method: domain.MethodProportional, TargetID: m.Targets[1].ID},
		{Code: "II", Name: "Cải cách hành chính", MaxPoints: 10},
		{Code: "II.1", ParentCode: "II", Name: "Chuyển đổi số", MaxPoints: 10},
		{Code: "II.1.a", ParentCode: "II.1", Name: "VssID", MaxPoints: 5, Method: domain.MethodManual},
		{Code: "II.1.b", ParentCode: "II.1", Name: "Không trễ hạn", MaxPoints: 5, Method: domain.MethodPassFail},
		{Code: "IV", Name: "Điểm thưởng", MaxPoints: 3},
		{Code: "IV.1", ParentCode: "IV", Name: "Mô hình mới", MaxPoints: 3, Method: domain.MethodBonus},
		{Code: "V", Name: "Điểm trừ", MaxPoints: 5},
		{Code: "V.1", ParentCode: "V", Name: "Chậm báo cáo", MaxPoints: 5, Method: domain.MethodPenalty},
	}
}

func TestService_SaveCriteriaValidates(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	m := officeWithTargets(t, s)
	base := scoringTable(m)
	scenarios := []struct {
		name   string
		edit   func(cs []domain.Criterion) []domain.Criterion
		fields []string
	}{
		{"duplicate code", func(cs []domain.Criterion) []domain.Criterion { cs[2].Code = "I.1"; return cs }, []string{FieldCriterionCode}},
		{"missing parent", func(cs []domain.Criterion) []domain.Criterion { cs[4].ParentCode = "III"; return cs }, []string{FieldParent, FieldMethod}}, // II is left a leaf without a method
		{"negative maximum", func(cs []domain.Criterion) []domain.Criterion { cs[5].MaxPoints = -1; return cs }, []string{FieldMaxPoints}},
		{"leaf without method", func(cs []domain.Criterion) []domain.Criterion { cs[8].Method = ""; return cs }, []string{FieldMethod}},
		{"no name", func(cs []domain.Criterion) []domain.Criterion { cs[0].Name = ""; return cs }, []string{FieldCriterionName}},
		{"cycle", func(cs []domain.Criterion) []domain.Criterion { cs[3].ParentCode = "II.1"; return cs }, []string{FieldParent, FieldParent}},
		{"unknown target", func(cs []domain.Criterion) []domain.Criterion { cs[1].TargetID = 9999; return cs }, []string{FieldTarget}},
	}
	for _, sc := range scenarios {
		cs := sc.edit(append([]domain.Criterion(nil), base...))
		_, err := s.SaveCriteria(ctx, 2025, cs)
		wantFields(t, sc.name, err, sc.fields...)
	}
	if _, err := s.SaveCriteria(ctx, 2025, base); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Criteria(ctx, 2025)
	var codes []string
	for _, c := range got {
		codes = append(codes, c.Code)
	}
	if want := []string{"I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b", "IV", "IV.1", "V", "V.1"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("tree order %v, want %v", codes, want)
	}
}

func TestService_SelfScoresAndAssessment(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	m := officeWithTargets(t, s)
	if _, err := s.SaveCriteria(ctx, 2025, scoringTable(m)); err != nil {
		t.Fatal(err)
	}
	// Suggestions follow Target.Achieved and Criterion.Suggest: 90/95 of a
	// higher-is-better target is 94.74% of 10 points; 5/4 days of a
	// lower-is-better one is 125%, capped at 100% of 10 points.
	if v, ok, err := s.SuggestScore(ctx, 2025, "I.1"); err != nil || !ok || v != 9.47 {
		t.Errorf("suggest I.1 = %v %v %v, want 9.47", v, ok, err)
	}
	if v, ok, _ := s.SuggestScore(ctx, 2025, "I.2"); !ok || v != 10 {
		t.Errorf("suggest I.2 = %v %v, want 10", v, ok)
	}
	if _, ok, _ := s.SuggestScore(ctx, 2025, "II.1.a"); ok {
		t.Error("a manual criterion suggests a score")
	}
	refused := []domain.SelfScore{
		{Year: 2025, Code: "I.1", Score: 10.5},
		{Year: 2025, Code: "V.1", Score: 1},
		{Year: 2025, Code: "V.1", Score: -6},
		{Year: 2025, Code: "IV.1", Score: -1},
		{Year: 2025, Code: "I", Score: 5},
	}
	for _, sc := range refused {
		err := s.SaveSelfScore(ctx, sc)
		wantFields(t, "score "+sc.Code, err, FieldScore)
	}
	if err := s.SaveSelfScore(ctx, domain.SelfScore{Year: 2025, Code: "V.1", Score: 1}); !strings.Contains(err.Error(), "từ -5 đến 0") {
		t.Errorf("bounds not named: %v", err)
	}
	wantFields(t, "unknown criterion", s.SaveSelfScore(ctx, domain.SelfScore{Year: 2025, Code: "IX", Score: 1}), FieldCriterion)
	scores := map[string]float64{"I.1": 9.47, "I.2": 10, "II.1.a": 4.5, "II.1.b": 0, "IV.1": 2, "V.1": -1.5}
	for code, v := range scores {
		if err := s.SaveSelfScore(ctx, domain.SelfScore{Year: 2025, Code: code, Score: v, Note: "minh chứng " + code}); err != nil {
			t.Fatalf("%s: %v", code, err)
		}
	}
	if err := s.AttachEvidence(ctx, 2025, "II.1.a", `C:\Users\van thu\bao cao.pdf`, []byte("%PDF")); err != nil {
		t.Fatal(err)
	}
	if names, _ := s.Evidence(ctx, 2025, "II.1.a"); !reflect.DeepEqual(names, []string{"bao cao.pdf"}) {
		t.Errorf("evidence %v", names)
	}
	wantFields(t, "evidence of unknown criterion", s.AttachEvidence(ctx, 2025, "IX", "a.pdf", []byte("x")), FieldCriterion)

	in, err := s.AssessmentInput(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	var leafSum float64
	for _, l := range in.Sheet.Lines {
		if !l.Group {
			leafSum += l.Score
		}
	}
	if math.Abs(in.Sheet.Total-leafSum) > 1e-9 || math.Abs(in.Sheet.Total-24.47) > 1e-9 {
		t.Errorf("Total %v, leaves %v, want 24.47", in.Sheet.Total, leafSum)
	}
	if in.Sheet.Max != 30 {
		t.Errorf("Max %v, want 30 (I and II; the bonus and penalty groups are off the scale)", in.Sheet.Max)
	}
	group := map[string]float64{}
	depth := map[string]int{}
	for _, l := range in.Sheet.Lines {
		group[l.Criterion.Code], depth[l.Criterion.Code] = l.Score, l.Depth
	}
	if group["I"] != 19.47 || group["II"] != 4.5 || group["II.1"] != 4.5 || group["V"] != -1.5 || depth["II.1.a"] != 2 {
		t.Errorf("group sums %v depths %v", group, depth)
	}
	if l := in.Sheet.Lines[5]; l.Criterion.Code != "II.1.a" || l.Note != "minh chứng II.1.a" || len(l.Evidence) != 1 {
		t.Errorf("line II.1.a %+v", l)
	}
	if len(in.Targets) != 2 || in.Targets[1].Actual != 4 || !in.Targets[1].HasActual {
		t.Errorf("targets %+v", in.Targets)
	}
}

func TestService_SetRatings(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	addPeople(t, s,
		person("CB001", "Lê Văn Cường", domain.Male, "01/01/1980", "", "4201"),
		person("CB002", "Trần Thị Dung", domain.Female, "01/01/1985", "", "4201"),
		person("CB003", "Vũ Văn Em", domain.Male, "01/01/1990", "", "4202"))
	people := map[string]domain.Rating{"CB001": domain.HTXSNV, "CB002": domain.HTTNV, "CB003": domain.HTNV}
	units := map[string]domain.Rating{"4201": domain.HTXSNV}
	if n, err := s.SetRatings(ctx, 2025, people, units); err != nil || n != 4 {
		t.Fatalf("first: %d %v", n, err)
	}
	if n, _ := s.SetRatings(ctx, 2025, people, units); n != 0 {
		t.Errorf("same again: %d changes", n)
	}
	if n, _ := s.SetRatings(ctx, 2025, map[string]domain.Rating{"CB001": domain.HTTNV, "CB002": "", "CB003": domain.HTNV}, nil); n != 2 {
		t.Errorf("update and delete: %d, want 2", n)
	}
	// One bad code or rating writes nothing.
	_, err := s.SetRatings(ctx, 2025, map[string]domain.Rating{"CB001": domain.KHTNV, "CB003": "TOT"}, nil)
	wantFields(t, "bad rating", err, FieldRating)
	if _, err := s.SetRatings(ctx, 2025, map[string]domain.Rating{"CB001": domain.KHTNV, "CB999": domain.HTNV}, nil); err == nil {
		t.Error("unknown staff code accepted")
	}
	p, u, err := s.RatingsForYear(ctx, 2025)
	want := map[string]domain.Rating{"CB001": domain.HTTNV, "CB003": domain.HTNV}
	if err != nil || !reflect.DeepEqual(p, want) || u["4201"] != domain.HTXSNV {
		t.Errorf("after: %v %v %v", p, u, err)
	}
	wantFields(t, "year", func() error { _, err := s.SetRatings(ctx, 1900, people, nil); return err }(), "Năm")
}

func TestService_RegistrationInputOrder(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	m := officeWithTargets(t, s)
	addPeople(t, s,
		person("CB001", "Lê Văn Cường", domain.Male, "01/01/1980", "", "4202"),
		person("CB002", "Trần Thị Dung", domain.Female, "01/01/1985", "", "4201"),
		person("CB003", "Vũ Văn An", domain.Male, "01/01/1990", "", "4201"),
		person("CB004", "Nguyễn Thị Bích", domain.Female, "01/01/1990", "", "4201"),
		person("CB005", "Hà Văn Khánh", domain.Male, "01/01/1990", "", "4201"))
	for code, awards := range map[string][]string{"CB001": {"LDTT"}, "CB002": {"CSTDCS", "LDTT"}, "CB003": {"LDTT"}, "CB004": {"LDTT"}} {
		if err := s.SaveRegistration(ctx, domain.Registration{Year: 2025, Subject: domain.PersonSubject(code), Awards: awards}); err != nil {
			t.Fatal(err)
		}
	}
	for code, awards := range map[string][]string{"4202": {"TTLDTT"}, "4201": {"TTLDXS"}, "42": {"CO_BO", "TTLDXS"}} {
		if err := s.SaveRegistration(ctx, domain.Registration{Year: 2025, Subject: domain.UnitSubject(code), Awards: awards}); err != nil {
			t.Fatal(err)
		}
	}
	in, err := s.RegistrationInput(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	// Printed after January of its year, the registration keeps its year
	// and leaves day and month for the văn thư, never the day of printing.
	if !s.Today().After(domain.NewDate(2025, 1, 31)) {
		t.Fatalf("the test's day %v is not after January 2025", s.Today())
	}
	if in.Year != 2025 || in.Profile.UnitCode != "42" || in.Date != (domain.Date{Year: 2025}) || len(in.Movements) != 1 || in.Movements[0].ID != m.ID {
		t.Errorf("head %+v", in)
	}
	// The next year's registration, made now, is dated today.
	if next, err := s.RegistrationInput(ctx, s.Today().Year+1); err != nil || next.Date != s.Today() {
		t.Errorf("next year's registration dated %v (%v), want today", next.Date, err)
	}
	var units []string
	for _, c := range in.Collectives {
		units = append(units, c.Unit.Code)
	}
	if !reflect.DeepEqual(units, []string{"42", "4201", "4202"}) {
		t.Errorf("collectives %v", units)
	}
	// Registered awards under the full name of whoever confers them in the
	// next year, when the year's awards are decided.
	office := in.Collectives[0]
	if len(office.Awards) != 2 || office.Awards[0].Code != "TTLDXS" || office.Awards[1].Name != "Cờ thi đua của Bộ Tài chính" || len(office.Targets) != 2 || office.Targets[0].Planned != 95 {
		t.Errorf("office entry %+v", office)
	}
	var names []string
	for _, e := range in.Individuals {
		names = append(names, e.Person.StaffCode+" "+e.UnitName)
	}
	// 4201 before 4202 (tree order); within 4201 by given name: An, Bích, Dung.
	want := []string{"CB003 Phòng Tổ chức cán bộ", "CB004 Phòng Tổ chức cán bộ", "CB002 Phòng Tổ chức cán bộ", "CB001 BHXH cơ sở Hồng Lĩnh"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("individuals %v\nwant %v", names, want)
	}
	if aw := in.Individuals[2].Awards; len(aw) != 2 || aw[0].Code != "LDTT" || aw[1].Name != "Chiến sĩ thi đua cơ sở" {
		t.Errorf("CB002 awards %+v", aw)
	}

	rev, err := s.MovementReviewInput(ctx, m.ID)
	if err != nil || !reflect.DeepEqual(rev.Years, []int{2025}) || rev.Values[m.Targets[1].ID][2025].Actual != 4 || rev.UnitCode != "42" {
		t.Errorf("review %+v %v", rev, err)
	}
	var buf bytes.Buffer
	if err := s.ExportRegistration(ctx, 2025, "pdf", &buf); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
		t.Errorf("registration PDF: %v (%d bytes)", err, buf.Len())
	}
	if err := s.ExportRegistration(ctx, 2025, "docx", &buf); !errors.Is(err, ErrFormat) {
		t.Errorf("docx: %v", err)
	}
}

func TestService_TargetValueAndClusterValidate(t *testing.T) {
	ctx := context.Background()
	s := newImportService(t)
	m := officeWithTargets(t, s)
	wantFields(t, "unknown unit", s.SaveTargetValue(ctx, domain.TargetValue{Year: 2025, UnitCode: "99", TargetID: m.Targets[0].ID, Planned: 1}), FieldUnit)
	wantFields(t, "unknown target", s.SaveTargetValue(ctx, domain.TargetValue{Year: 2025, UnitCode: "42", TargetID: 999, Planned: 1}), FieldTarget)
	wantFields(t, "year outside the movement", s.SaveTargetValue(ctx, domain.TargetValue{Year: 2024, UnitCode: "42", TargetID: m.Targets[0].ID, Planned: 1}), FieldYear)
	wantFields(t, "negative", s.SaveTargetValue(ctx, domain.TargetValue{Year: 2025, UnitCode: "42", TargetID: m.Targets[0].ID, Planned: -1}), FieldPlanned)
	if vs, _ := s.TargetValues(ctx, 2025, "42"); len(vs) != 2 {
		t.Errorf("values %+v", vs)
	}

	c := domain.Cluster{Year: 2025, Name: "Cụm thi đua số 3", Members: []domain.ClusterMember{
		{Name: "Bảo hiểm xã hội tỉnh Nghệ An", Role: domain.RoleLeader},
		{Name: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Own: true, Role: domain.RoleDeputy},
		{Name: "Bảo hiểm xã hội tỉnh Thanh Hóa"},
	}}
	two := c
	two.Members = append([]domain.ClusterMember(nil), c.Members...)
	two.Members[2].Role = domain.RoleLeader
	wantFields(t, "two leaders", s.SaveCluster(ctx, two), FieldRole)
	none := c
	none.Members = append([]domain.ClusterMember(nil), c.Members...)
	none.Members[1].Own = false
	wantFields(t, "no own member", s.SaveCluster(ctx, none), FieldOwn)
	noName := c
	noName.Name = ""
	wantFields(t, "no name", s.SaveCluster(ctx, noName), FieldClusterName)
	if err := s.SaveCluster(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Cluster(ctx, 2025)
	if err != nil || !ok || len(got.Members) != 3 || !got.Members[1].Own {
		t.Errorf("cluster %+v %v %v", got, ok, err)
	}
}

func TestDemoEmulation(t *testing.T) {
	ctx := context.Background()
	s, st, _ := fillDemo(t, DemoOptions{Staff: 160, Seed: 7})
	L := s.LastCompletedYear()
	ms, err := s.Movements(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var nq, reg domain.Movement
	for _, m := range ms {
		switch m.Name {
		case DemoNQ28:
			nq = m
		case DemoRegularMovement(L):
			reg = m
		}
	}
	if nq.Kind != domain.MovementThematic || nq.FromYear != 2019 || nq.ToYear != 2030 || len(nq.Reviews) != 3 || nq.DocNo == "" || nq.Issuer != "Bảo hiểm xã hội Việt Nam" {
		t.Errorf("NQ28 movement %+v", nq)
	}
	if reg.Kind != domain.MovementRegular || len(reg.Targets) != 7 || !reg.Covers(L) {
		t.Fatalf("regular movement of %d: %+v", L, reg)
	}
	lower := 0
	for _, tg := range reg.Targets {
		if !tg.HigherBetter {
			lower++
		}
	}
	if lower != 2 {
		t.Errorf("%d lower-is-better targets, want 2", lower)
	}
	// The office's results of L: some met, some missed.
	vs, _ := s.TargetValues(ctx, L, DemoUnitCode)
	met, missed := 0, 0
	for _, v := range vs {
		for _, tg := range reg.Targets {
			if tg.ID == v.TargetID {
				if !v.HasActual {
					t.Errorf("no result for %s in %d", tg.Name, L)
				}
				if _, ok := tg.Achieved(v.Planned, v.Actual); ok {
					met++
				} else {
					missed++
				}
			}
		}
	}
	if met == 0 || missed == 0 {
		t.Errorf("results of %d: %d met, %d missed", L, met, missed)
	}
	if cur, _ := s.TargetValues(ctx, L+1, DemoUnitCode); len(cur) == 0 || cur[0].HasActual {
		t.Errorf("current year values %+v", cur)
	}
	if all, _ := s.TargetValues(ctx, L, ""); len(all) <= len(vs) {
		t.Error("no unit has target values")
	}
	for _, y := range []int{L, L + 1} {
		regs, _ := s.Registrations(ctx, y)
		persons, ldtt, cstd, units := 0, 0, 0, 0
		for _, r := range regs {
			if r.Subject.Kind == domain.SubjectCollective {
				units++
				continue
			}
			persons++
			for _, a := range r.Awards {
				switch a {
				case "LDTT":
					ldtt++
				case "CSTDCS":
					cstd++
				}
			}
		}
		if persons < 150 || ldtt != persons || cstd < persons/12 || cstd > persons/8 || units < 5 {
			t.Errorf("%d: %d people (%d LĐTT, %d CSTĐCS), %d collectives", y, persons, ldtt, cstd, units)
		}
		w, err := s.RegistrationWarnings(ctx, y)
		if err != nil || len(w) < 2 {
			t.Errorf("%d: warnings %v %v", y, w, err)
		}
		c, ok, _ := s.Cluster(ctx, y)
		if !ok || len(c.Members) != 6 || c.Pact == "" {
			t.Errorf("cluster %d: %+v", y, c)
		}
	}
	w, _ := s.RegistrationWarnings(ctx, L)
	if got := w[domain.PersonSubject("HTI0015")]; len(got) != 1 || got[0] != "Chiến sĩ thi đua Bộ Tài chính: Thiếu CSTĐCS năm "+itoa(L-2) {
		t.Errorf("HTI0015 warnings %q", got)
	}
	if got := w[domain.PersonSubject("HTI0004")]; len(got) != 1 || !strings.Contains(got[0], "Tuyển dụng ngày 02/07") {
		t.Errorf("HTI0004 warnings %q", got)
	}
	if _, ok := w[domain.PersonSubject("HTI0014")]; ok {
		t.Errorf("HTI0014 has the CSTĐCS chain but is warned: %q", w[domain.PersonSubject("HTI0014")])
	}
	in, err := s.AssessmentInput(ctx, L)
	if err != nil {
		t.Fatal(err)
	}
	leaves := 0
	for _, l := range in.Sheet.Lines {
		if !l.Group {
			leaves++
			if !l.HasScore {
				t.Errorf("%s not scored", l.Criterion.Code)
			}
		}
	}
	if leaves < 15 || in.Sheet.Max != 100 || in.Sheet.Total <= 60 || in.Sheet.Total > 105 || in.Cluster.Name == "" {
		t.Errorf("assessment: %d leaves, max %v, total %v, cluster %q", leaves, in.Sheet.Max, in.Sheet.Total, in.Cluster.Name)
	}
	for _, m := range in.Cluster.Members {
		if !m.HasTotal || (m.Own && m.Total != in.Sheet.Total) {
			t.Errorf("member %+v (own total should be %v)", m, in.Sheet.Total)
		}
	}

	// Deterministic: a second demo with the same seed holds the same.
	s2, _, _ := fillDemo(t, DemoOptions{Staff: 160, Seed: 7})
	snap := func(s *Service) []any {
		ms, _ := s.Movements(ctx)
		r1, _ := s.Registrations(ctx, L)
		r2, _ := s.Registrations(ctx, L+1)
		v, _ := s.TargetValues(ctx, 0, "")
		c1, _, _ := s.Cluster(ctx, L)
		c2, _, _ := s.Cluster(ctx, L+1)
		cs, _ := s.Criteria(ctx, L)
		sc, _ := s.SelfScores(ctx, L)
		return []any{ms, r1, r2, v, c1, c2, cs, sc}
	}
	a, b := snap(s), snap(s2)
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Errorf("part %d of the emulation data differs between two demos with the same seed", i)
		}
	}
	_ = st
}

func itoa(n int) string { return strconv.Itoa(n) }
