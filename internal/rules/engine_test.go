package rules

import (
	"fmt"
	"strings"
	"testing"

	"tdkt/internal/domain"
)

// hb builds histories for the table tests: one office "T" with departments
// "T-A" and "T-B".
type hb struct{ h History }

func newHB(y int) *hb {
	return &hb{h: History{Year: y,
		Units: []domain.Unit{
			{Code: "T", Name: "Bảo hiểm xã hội tỉnh T", Kind: domain.UnitProvince},
			{Code: "T-A", Name: "Phòng A", ParentCode: "T", Kind: domain.UnitDepartment},
			{Code: "T-B", Name: "Phòng B", ParentCode: "T", Kind: domain.UnitDepartment},
		},
		PersonRatings: map[string]map[int]domain.Rating{}, UnitRatings: map[string]map[int]domain.Rating{}, ClusterRank: map[string]int{}}}
}

// person adds someone recruited long ago, in unit T-A unless told.
func (b *hb) person(code string, opts ...func(*domain.Person)) *hb {
	p := domain.Person{StaffCode: code, FullName: "Người " + code, Gender: domain.Male, UnitCode: "T-A", RecruitedOn: domain.NewDate(2000, 1, 1)}
	for _, o := range opts {
		o(&p)
	}
	b.h.People = append(b.h.People, p)
	return b
}

func recruited(s string) func(*domain.Person) {
	return func(p *domain.Person) { p.RecruitedOn = domain.MustDate(s) }
}
func inUnit(u string) func(*domain.Person) { return func(p *domain.Person) { p.UnitCode = u } }
func female(p *domain.Person)              { p.Gender = domain.Female }

// rate sets ratings from year from on, one letter per year (X T N K, "-" none).
func (b *hb) rate(code string, from int, letters string) *hb {
	m := b.h.PersonRatings[code]
	if m == nil {
		m = map[int]domain.Rating{}
		b.h.PersonRatings[code] = m
	}
	setLetters(m, from, letters)
	return b
}

func (b *hb) rateUnit(code string, from int, letters string) *hb {
	m := b.h.UnitRatings[code]
	if m == nil {
		m = map[int]domain.Rating{}
		b.h.UnitRatings[code] = m
	}
	setLetters(m, from, letters)
	return b
}

func setLetters(m map[int]domain.Rating, from int, letters string) {
	for i, c := range letters {
		if r, ok := map[rune]domain.Rating{'X': domain.HTXSNV, 'T': domain.HTTNV, 'N': domain.HTNV, 'K': domain.KHTNV}[c]; ok {
			m[from+i] = r
		}
	}
}

func (b *hb) award(code string, y int, award string, kind domain.AwardKind, inits ...string) *hb {
	b.h.Awards = append(b.h.Awards, domain.AwardRecord{Subject: domain.PersonSubject(code), Year: y, AwardCode: award, Kind: kind, Initiatives: inits})
	return b
}

func (b *hb) unitAward(code string, y int, award string, kind domain.AwardKind) *hb {
	b.h.Awards = append(b.h.Awards, domain.AwardRecord{Subject: domain.UnitSubject(code), Year: y, AwardCode: award, Kind: kind})
	return b
}

func (b *hb) cs(code string, years ...int) *hb {
	for _, y := range years {
		b.award(code, y, AwardCSTDCS, domain.KindMerit)
	}
	return b
}

func (b *hb) init(title string, y int, scope domain.InitiativeScope, date string, authors ...string) *hb {
	in := domain.Initiative{Title: title, Year: y, Scope: scope, Authors: authors}
	if date != "" {
		in.DecisionDate = domain.MustDate(date)
	}
	b.h.Initiatives = append(b.h.Initiatives, in)
	return b
}

func (b *hb) disc(code string, form domain.DisciplineForm, from, to string) *hb {
	d := domain.Discipline{StaffCode: code, Form: form, From: domain.MustDate(from)}
	if to != "" {
		d.To = domain.MustDate(to)
	}
	b.h.Disciplines = append(b.h.Disciplines, d)
	return b
}

// members adds n people of unit u, the first ldtt of them rated HTTNV, the
// others HTNV (no LĐTT).
func (b *hb) members(prefix, u string, n, ldtt int) *hb {
	for i := 0; i < n; i++ {
		code := fmt.Sprintf("%s%03d", prefix, i)
		b.person(code, inUnit(u))
		if i < ldtt {
			b.rate(code, b.h.Year, "T")
		} else {
			b.rate(code, b.h.Year, "N")
		}
	}
	return b
}

func find(t *testing.T, vs []Verdict, code, award string) Verdict {
	t.Helper()
	for _, v := range vs {
		if v.Subject.Code == code && v.Award == award {
			return v
		}
	}
	t.Fatalf("no verdict for %s %s", code, award)
	return Verdict{}
}

type ruleCase struct {
	name     string
	build    func() *hb
	code     string
	award    string
	eligible bool
	pending  bool
	reason   string // a substring of one of the reasons
}

func runCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vs := Evaluate(DefaultCatalogue(), c.build().h)
			v := find(t, vs, c.code, c.award)
			if v.Eligible != c.eligible || v.Pending != c.pending {
				t.Errorf("%s %s: eligible=%v pending=%v, want %v %v; reasons %q", c.code, c.award, v.Eligible, v.Pending, c.eligible, c.pending, v.Reasons)
			}
			if c.reason != "" && !strings.Contains(strings.Join(v.Reasons, " | "), c.reason) {
				t.Errorf("reasons %q lack %q", v.Reasons, c.reason)
			}
			for _, r := range v.Reasons {
				if v.Eligible && strings.HasPrefix(r, "Thiếu") {
					t.Errorf("eligible verdict with a missing fact: %q", r)
				}
			}
			if v.Regime == "" {
				t.Errorf("no regime")
			}
		})
	}
}

func TestEvaluate_Regimes(t *testing.T) {
	for y, want := range map[int]string{2017: "R2017", 2023: "R2017", 2024: "R2024", 2025: "R2025", 2030: "R2025"} {
		vs := Evaluate(DefaultCatalogue(), newHB(y).person("P").h)
		if vs[0].Regime != want || vs[0].Year != y {
			t.Errorf("year %d: regime %s, want %s", y, vs[0].Regime, want)
		}
	}
}

func TestEvaluate_LDTT(t *testing.T) {
	one := func(y int, rec, letters string) func() *hb {
		return func() *hb { return newHB(y).person("P", recruited(rec)).rate("P", y, letters) }
	}
	runCases(t, []ruleCase{
		{"R2025 recruited 1 July", one(2025, "01/07/2025", "T"), "P", AwardLDTT, true, false, "Tuyển dụng 01/07/2025, không sau 01/07/2025"},
		{"R2025 recruited 2 July", one(2025, "02/07/2025", "T"), "P", AwardLDTT, false, false, "Tuyển dụng 02/07/2025, sau 01/07/2025"},
		{"R2024 recruited 1 July", one(2024, "01/07/2024", "T"), "P", AwardLDTT, true, false, "Xếp loại năm 2024: HTTNV"},
		{"R2024 recruited 2 July", one(2024, "02/07/2024", "T"), "P", AwardLDTT, false, false, "sau 01/07/2024"},
		{"R2017 recruited 1 March", one(2023, "01/03/2023", "T"), "P", AwardLDTT, true, false, "không sau 01/03/2023"},
		{"R2017 recruited 2 March", one(2023, "02/03/2023", "T"), "P", AwardLDTT, false, false, "Tuyển dụng 02/03/2023, sau 01/03/2023"},
		{"R2017 recruited 1 July misses", one(2023, "01/07/2023", "X"), "P", AwardLDTT, false, false, "sau 01/03/2023"},
		{"rated HTNV", one(2025, "01/01/2010", "N"), "P", AwardLDTT, false, false, "Xếp loại năm 2025: HTNV, cần từ HTTNV trở lên"},
		{"rated HTXSNV", one(2025, "01/01/2010", "X"), "P", AwardLDTT, true, false, "Xếp loại năm 2025: HTXSNV"},
		{"no rating", one(2025, "01/01/2010", ""), "P", AwardLDTT, false, false, "Chưa có xếp loại năm 2025"},
		{"discipline ended within Y", func() *hb {
			return one(2025, "01/01/2010", "T")().disc("P", domain.Reprimand, "16/03/2025", "15/09/2025")
		}, "P", AwardLDTT, false, false, "khiển trách từ 16/03/2025 đến 15/09/2025"},
		{"discipline ended 31/12/Y-1", func() *hb {
			return one(2025, "01/01/2010", "T")().disc("P", domain.Reprimand, "01/06/2024", "31/12/2024")
		}, "P", AwardLDTT, true, false, "Không bị kỷ luật trong năm 2025"},
		{"discipline from 31/12/Y", func() *hb {
			return one(2025, "01/01/2010", "T")().disc("P", domain.Reprimand, "31/12/2025", "")
		}, "P", AwardLDTT, false, false, "chưa kết thúc"},
		{"discipline from Y+1 ignored", func() *hb {
			return one(2025, "01/01/2010", "T")().disc("P", domain.Warning, "01/01/2026", "")
		}, "P", AwardLDTT, true, false, ""},
	})
}

func TestEvaluate_CSTDCS(t *testing.T) {
	runCases(t, []ruleCase{
		{"R2025 HTXSNV alone", func() *hb { return newHB(2025).person("P").rate("P", 2025, "X") }, "P", AwardCSTDCS, true, true, "Xếp loại năm 2025: HTXSNV"},
		{"R2024 HTXSNV alone", func() *hb { return newHB(2024).person("P").rate("P", 2024, "X") }, "P", AwardCSTDCS, true, true, "Xếp loại năm 2024: HTXSNV"},
		{"R2017 HTXSNV alone", func() *hb { return newHB(2023).person("P").rate("P", 2023, "X") }, "P", AwardCSTDCS, false, false, "theo R2017 xếp loại chưa đủ"},
		{"R2017 HTTNV with initiative of Y", func() *hb {
			return newHB(2023).person("P").rate("P", 2023, "T").init("S1", 2023, domain.ScopeGrassroots, "", "P")
		}, "P", AwardCSTDCS, true, true, "“S1” (2023, phạm vi Cơ sở)"},
		{"R2025 HTTNV with initiative of Y", func() *hb {
			return newHB(2025).person("P").rate("P", 2025, "T").init("S1", 2025, domain.ScopeGrassroots, "", "P")
		}, "P", AwardCSTDCS, true, true, "S1"},
		{"initiative of Y-1", func() *hb {
			return newHB(2025).person("P").rate("P", 2025, "T").init("S1", 2024, domain.ScopeGrassroots, "", "P")
		}, "P", AwardCSTDCS, false, false, "Sáng kiến “S1” công nhận năm 2024, không phải năm 2025"},
		{"initiative already used by a one-off award", func() *hb {
			return newHB(2025).person("P").rate("P", 2025, "T").init("S1", 2025, domain.ScopeGrassroots, "", "P").
				award("P", 2025, AwardGK, domain.KindOneOff, "S1")
		}, "P", AwardCSTDCS, false, false, "đã dùng cho Giấy khen năm 2025 (đột xuất)"},
		{"LĐTT missing", func() *hb {
			return newHB(2025).person("P", recruited("02/07/2025")).rate("P", 2025, "X")
		}, "P", AwardCSTDCS, false, false, "Thiếu LĐTT năm 2025"},
		{"recorded LĐTT of Y: not pending", func() *hb {
			return newHB(2025).person("P").rate("P", 2025, "X").award("P", 2025, AwardLDTT, domain.KindMerit)
		}, "P", AwardCSTDCS, true, false, "LĐTT năm 2025 (đã ghi nhận)"},
	})
}

func TestEvaluate_CSTDCSUsesEarliestInitiativeAndSharesNone(t *testing.T) {
	b := newHB(2025).person("P").person("Q").rate("P", 2025, "T").rate("Q", 2025, "T").
		init("Later", 2025, domain.ScopeGrassroots, "10/10/2025", "P").
		init("Earlier", 2025, domain.ScopeGrassroots, "10/03/2025", "P").
		init("Shared", 2025, domain.ScopeGrassroots, "01/02/2025", "Q", "P")
	vs := Evaluate(DefaultCatalogue(), b.h)
	p, q := find(t, vs, "P", AwardCSTDCS), find(t, vs, "Q", AwardCSTDCS)
	// P (first by staff code) takes the earliest decision, the shared one; Q then has none.
	if !p.Eligible || len(p.UsedInitiatives) != 1 || p.UsedInitiatives[0] != "Shared" {
		t.Errorf("P: %+v", p)
	}
	if q.Eligible || !strings.Contains(strings.Join(q.Reasons, "|"), "đã dùng cho CSTĐCS năm 2025 của P") {
		t.Errorf("Q: %+v", q)
	}
	// BK_BO of P: Earlier and Later remain (2 needed) but P's route fails (HTTNV, no CSTĐCS in 2024).
	bk := find(t, vs, "P", AwardBKBo)
	if bk.Eligible || !strings.Contains(strings.Join(bk.Reasons, "|"), "Thiếu CSTĐCS năm 2024") {
		t.Errorf("BK_BO P: %+v", bk)
	}
}

func TestEvaluate_CSTDCSQuota(t *testing.T) {
	// 20 LĐTT in the office: limit floor(15% × 20) = 3.
	build := func(stars int) History {
		b := newHB(2025)
		for i := 0; i < 20; i++ {
			code := fmt.Sprintf("P%02d", i)
			r := "T"
			if i < stars {
				r = "X"
			}
			unit := "T-A"
			if i%2 == 1 {
				unit = "T-B"
			}
			b.person(code, inUnit(unit)).rate(code, 2025, r)
		}
		return b.h
	}
	for _, c := range []struct{ stars, over int }{{3, 0}, {4, 1}} {
		vs := Evaluate(DefaultCatalogue(), build(c.stars))
		v := find(t, vs, "P00", AwardCSTDCS)
		if v.Quota == nil || v.Quota.Limit != 3 || v.Quota.Candidates != c.stars || v.Quota.OverBy != c.over || v.Quota.Unit != "T" {
			t.Errorf("%d stars: quota %+v", c.stars, v.Quota)
		}
		if no := find(t, vs, "P10", AwardCSTDCS); no.Eligible || no.Quota == nil || no.Quota.Rank != 0 {
			t.Errorf("non-candidate: %+v", no)
		}
		if c.over > 0 && !strings.Contains(strings.Join(v.Reasons, "|"), fmt.Sprintf("vượt %d", c.over)) {
			t.Errorf("over quota not reported: %q", v.Reasons)
		}
	}
	// Quota per department: T-A holds P00, P02, …; 10 LĐTT each: limit 1.
	cat := DefaultCatalogue()
	cat.Params = append(cat.Params, Param{Key: "cstdcs.quota_per_department", Regime: "R2025", Value: "true"})
	vs := Evaluate(cat, build(4))
	a, bq := find(t, vs, "P00", AwardCSTDCS).Quota, find(t, vs, "P01", AwardCSTDCS).Quota
	if a.Unit != "T-A" || a.Limit != 1 || a.Candidates != 2 || a.OverBy != 1 || bq.Unit != "T-B" || bq.Candidates != 2 {
		t.Errorf("per department: %+v %+v", a, bq)
	}
}

func TestEvaluate_CSTDCSRanking(t *testing.T) {
	b := newHB(2025).
		person("A").rate("A", 2025, "T").init("IA", 2025, domain.ScopeGrassroots, "", "A").
		person("B").rate("B", 2025, "X").
		person("C", female).rate("C", 2025, "X").
		person("D").rate("D", 2025, "X").init("ID1", 2025, domain.ScopeGrassroots, "", "D").init("ID2", 2025, domain.ScopeGrassroots, "", "D").
		person("E", female).rate("E", 2025, "T").init("IE", 2025, domain.ScopeGrassroots, "", "E")
	vs := Evaluate(DefaultCatalogue(), b.h)
	// HTXSNV first (D with 2 initiatives, then C a woman, then B), then E (woman) before A.
	want := map[string]int{"D": 1, "C": 2, "B": 3, "E": 4, "A": 5}
	for code, rank := range want {
		v := find(t, vs, code, AwardCSTDCS)
		if v.Quota == nil || v.Quota.Rank != rank || v.Quota.Candidates != 5 || v.Quota.Limit != 0 || v.Quota.OverBy != 5 {
			t.Errorf("%s: quota %+v, want rank %d", code, v.Quota, rank)
		}
	}
}

func TestEvaluate_CSTDBo(t *testing.T) {
	base := func() *hb {
		return newHB(2025).person("P").rate("P", 2021, "XXXXX").cs("P", 2023, 2024).
			init("Bộ", 2024, domain.ScopeMinistry, "", "P")
	}
	runCases(t, []ruleCase{
		{"CSTĐCS Y-2, Y-1 and pending Y", base, "P", AwardCSTDBo, true, true, "CSTĐCS năm 2023, 2024 (đã ghi nhận), 2025 (đang xét trong cùng đợt)"},
		{"all recorded", func() *hb { return base().cs("P", 2025) }, "P", AwardCSTDBo, true, false, "2023, 2024, 2025 (đã ghi nhận)"},
		{"gap in Y-2", func() *hb {
			return newHB(2025).person("P").rate("P", 2021, "XXXXX").cs("P", 2024).init("Bộ", 2025, domain.ScopeMinistry, "", "P")
		}, "P", AwardCSTDBo, false, false, "Thiếu CSTĐCS năm 2023"},
		{"CSTĐCS of Y-2 one-off", func() *hb {
			return newHB(2025).person("P").rate("P", 2021, "XXXXX").award("P", 2023, AwardCSTDCS, domain.KindOneOff).cs("P", 2024).
				init("Bộ", 2024, domain.ScopeMinistry, "", "P")
		}, "P", AwardCSTDBo, false, false, "khen thưởng đột xuất, không tính vào chuỗi"},
		{"no pending CSTĐCS of Y", func() *hb {
			return newHB(2025).person("P").rate("P", 2021, "XXXXT").cs("P", 2023, 2024).init("Bộ", 2024, domain.ScopeMinistry, "", "P")
		}, "P", AwardCSTDBo, false, false, "Thiếu CSTĐCS năm 2025"},
		{"grassroots initiative only", func() *hb {
			return newHB(2025).person("P").rate("P", 2021, "XXXXX").cs("P", 2023, 2024).init("Cơ sở", 2024, domain.ScopeGrassroots, "", "P")
		}, "P", AwardCSTDBo, false, false, "Không có sáng kiến phạm vi Bộ, ngành trở lên công nhận trong 2023–2025"},
		{"ministry initiative of Y-3", func() *hb {
			return newHB(2025).person("P").rate("P", 2021, "XXXXX").cs("P", 2023, 2024).init("Bộ", 2022, domain.ScopeMinistry, "", "P")
		}, "P", AwardCSTDBo, false, false, "2023–2025"},
		{"national initiative counts", func() *hb {
			return newHB(2025).person("P").rate("P", 2021, "XXXXX").cs("P", 2023, 2024).init("TQ", 2023, domain.ScopeNational, "", "P")
		}, "P", AwardCSTDBo, true, true, "phạm vi Toàn quốc"},
		{"discipline in Y-1 breaks the chain", func() *hb {
			return base().disc("P", domain.Reprimand, "01/02/2024", "31/07/2024")
		}, "P", AwardCSTDBo, false, false, "năm 2024 không được tính"},
		// One achievement, one award: the scope condition uses no initiative,
		// but needs one that no other award has used.
		{"R2017: the CSTĐCS of Y rests only on the ministry initiative", func() *hb {
			return newHB(2023).person("P").rate("P", 2019, "XXXXX").cs("P", 2021, 2022).init("Bộ", 2023, domain.ScopeMinistry, "", "P")
		}, "P", AwardCSTDBo, false, false, "Sáng kiến “Bộ” (2023) đã dùng cho CSTĐCS năm 2023 của P (đang xét)"},
		{"R2017: the CSTĐCS of Y hands the ministry initiative over", func() *hb {
			return newHB(2023).person("P").rate("P", 2019, "XXXXX").cs("P", 2021, 2022).
				init("Bộ", 2023, domain.ScopeMinistry, "", "P").init("Cơ sở", 2023, domain.ScopeGrassroots, "", "P")
		}, "P", AwardCSTDBo, true, true, "Sáng kiến “Bộ” (2023, phạm vi Bộ, ngành), chưa dùng cho khen thưởng khác"},
		{"ministry initiative used by a recorded Bằng khen", func() *hb {
			return base().award("P", 2024, AwardBKBo, domain.KindMerit, "Bộ")
		}, "P", AwardCSTDBo, false, false, "Sáng kiến “Bộ” (2024) đã dùng cho Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam năm 2024 của P"},
		{"scope condition uses no initiative: the Bằng khen of Y may rest on it", func() *hb {
			return newHB(2025).person("P").rate("P", 2021, "XXXXX").cs("P", 2023, 2024).
				init("Bộ", 2024, domain.ScopeMinistry, "", "P").init("Cơ sở", 2025, domain.ScopeGrassroots, "", "P")
		}, "P", AwardBKBo, true, false, "“Bộ” (2024, phạm vi Bộ, ngành)"},
		{"R2017: HTXSNV alone gives no CSTĐCS", func() *hb {
			return newHB(2023).person("P").rate("P", 2019, "XXXXX").cs("P", 2021, 2022).init("Bộ", 2022, domain.ScopeMinistry, "", "P")
		}, "P", AwardCSTDBo, false, false, "Thiếu CSTĐCS năm 2023"},
	})
}

func TestEvaluate_CSTDTQ(t *testing.T) {
	base := func(natYear int) func() *hb {
		return func() *hb {
			return newHB(2025).person("P").rate("P", 2019, "XXXXXXX").cs("P", 2023, 2024).
				award("P", 2022, AwardCSTDBo, domain.KindMerit).
				init("Bộ", 2023, domain.ScopeMinistry, "", "P").init("TQ", natYear, domain.ScopeNational, "", "P")
		}
	}
	runCases(t, []ruleCase{
		{"national initiative Y-5", base(2020), "P", AwardCSTDTQ, true, true, "Chiến sĩ thi đua ngành Bảo hiểm xã hội năm 2022 (đã ghi nhận)"},
		{"national initiative Y-6", base(2019), "P", AwardCSTDTQ, false, false, "Không có sáng kiến phạm vi Toàn quốc trở lên công nhận trong 2020–2025"},
		{"no CSTĐ cấp bộ in Y-3", func() *hb {
			return newHB(2025).person("P").rate("P", 2019, "XXXXXXX").cs("P", 2023, 2024).award("P", 2021, AwardCSTDBo, domain.KindMerit).
				init("TQ", 2024, domain.ScopeNational, "", "P")
		}, "P", AwardCSTDTQ, false, false, "Thiếu Chiến sĩ thi đua ngành Bảo hiểm xã hội năm 2022"},
	})
}

func TestEvaluate_BKBoPerson(t *testing.T) {
	runCases(t, []ruleCase{
		{"HTXSNV Y-1 and Y, two initiatives", func() *hb {
			return newHB(2025).person("P").rate("P", 2024, "XX").init("S1", 2024, domain.ScopeGrassroots, "", "P").init("S2", 2025, domain.ScopeGrassroots, "", "P")
		}, "P", AwardBKBo, true, false, "Xếp loại HTXSNV các năm 2024–2025"},
		{"one initiative", func() *hb {
			return newHB(2025).person("P").rate("P", 2024, "XX").init("S1", 2024, domain.ScopeGrassroots, "", "P")
		}, "P", AwardBKBo, false, false, "Có 1 sáng kiến, cần 2"},
		{"initiative of Y-2 outside", func() *hb {
			return newHB(2025).person("P").rate("P", 2024, "XX").init("S0", 2023, domain.ScopeGrassroots, "", "P").init("S2", 2025, domain.ScopeGrassroots, "", "P")
		}, "P", AwardBKBo, false, false, "Có 1 sáng kiến, cần 2"},
		{"initiative already used by CSTĐCS", func() *hb {
			return newHB(2025).person("P").rate("P", 2024, "XX").award("P", 2024, AwardCSTDCS, domain.KindMerit, "S1").
				init("S1", 2024, domain.ScopeGrassroots, "", "P").init("S2", 2025, domain.ScopeGrassroots, "", "P")
		}, "P", AwardBKBo, false, false, "Sáng kiến “S1” (2024) đã dùng cho CSTĐCS năm 2024 của P"},
		{"pending CSTĐCS(Y) consumes an initiative", func() *hb {
			return newHB(2025).person("P").rate("P", 2024, "TT").cs("P", 2024).
				init("S1", 2024, domain.ScopeGrassroots, "", "P").init("S2", 2025, domain.ScopeGrassroots, "", "P")
		}, "P", AwardBKBo, false, false, "đã dùng cho CSTĐCS năm 2025 của P (đang xét)"},
		{"CSTĐCS route with three initiatives", func() *hb {
			return newHB(2025).person("P").rate("P", 2024, "TT").cs("P", 2024).
				init("S1", 2024, domain.ScopeGrassroots, "", "P").init("S2", 2025, domain.ScopeGrassroots, "01/03/2025", "P").init("S3", 2025, domain.ScopeGrassroots, "01/09/2025", "P")
		}, "P", AwardBKBo, true, true, "CSTĐCS năm 2024 (đã ghi nhận), 2025 (đang xét trong cùng đợt)"},
		{"HTTNV Y-1 without CSTĐCS", func() *hb {
			return newHB(2025).person("P").rate("P", 2024, "TX").init("S1", 2024, domain.ScopeGrassroots, "", "P").init("S2", 2025, domain.ScopeGrassroots, "", "P")
		}, "P", AwardBKBo, false, false, "Xếp loại năm 2024: HTTNV, không phải HTXSNV"},
		{"discipline in Y-1", func() *hb {
			return newHB(2025).person("P").rate("P", 2024, "XX").init("S1", 2024, domain.ScopeGrassroots, "", "P").init("S2", 2025, domain.ScopeGrassroots, "", "P").
				disc("P", domain.Reprimand, "02/10/2023", "01/04/2024")
		}, "P", AwardBKBo, false, false, "thành tích chỉ tính từ năm 2025"},
	})
}

func TestEvaluate_BKTTGPerson(t *testing.T) {
	r2025 := func(bk int, letters string, cs ...int) func() *hb {
		return func() *hb {
			return newHB(2025).person("P").rate("P", 2015, letters).award("P", bk, AwardBKBo, domain.KindMerit).cs("P", cs...)
		}
	}
	runCases(t, []ruleCase{
		{"BK_BO Y-5, 3 CSTĐCS", r2025(2020, "TTTTTTTTTTT", 2021, 2022, 2023), "P", AwardBKTTG, true, false, "Có 3 CSTĐCS trong 2021–2025"},
		{"BK_BO Y-4 too recent", r2025(2021, "TTTTTTTTTTT", 2022, 2023, 2024), "P", AwardBKTTG, false, false, "Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam năm 2021: chưa đủ 5 năm"},
		{"only 2 CSTĐCS", r2025(2020, "TTTTTTTTTTT", 2023, 2024), "P", AwardBKTTG, false, false, "Có 2 CSTĐCS trong 2021–2025, cần 3"},
		{"2 recorded and pending Y", r2025(2020, "TTTTTTTTTTX", 2023, 2024), "P", AwardBKTTG, true, true, "2025 (đang xét trong cùng đợt)"},
		{"one HTNV year", r2025(2020, "TTTTTTTNTTT", 2021, 2023, 2024), "P", AwardBKTTG, false, false, "Xếp loại năm 2022: HTNV, cần từ HTTNV trở lên"},
		{"one-off BK_BO", func() *hb {
			return newHB(2025).person("P").rate("P", 2015, "TTTTTTTTTTT").award("P", 2020, AwardBKBo, domain.KindOneOff).cs("P", 2021, 2022, 2023)
		}, "P", AwardBKTTG, false, false, "là khen thưởng đột xuất, không tính vào chuỗi"},
		{"R2017 HTTNV year", func() *hb {
			return newHB(2023).person("P").rate("P", 2017, "XXXXTXX").award("P", 2018, AwardBKBo, domain.KindMerit).cs("P", 2019, 2020, 2021)
		}, "P", AwardBKTTG, false, false, "Xếp loại năm 2021: HTTNV, cần từ HTXSNV trở lên"},
		{"R2017 five initiatives", func() *hb {
			b := newHB(2023).person("P").rate("P", 2017, "XXXXXXX").award("P", 2018, AwardBKBo, domain.KindMerit)
			for y := 2019; y <= 2023; y++ {
				b.init(fmt.Sprint("S", y), y, domain.ScopeGrassroots, "", "P")
			}
			// CSTĐCS(2023) uses S2023 and BK_BO(2023), proposed in the same
			// round, two more of 2022–2023: five remain for BK_TTG.
			b.init("S2023b", 2023, domain.ScopeGrassroots, "", "P").init("S2022b", 2022, domain.ScopeGrassroots, "", "P").init("S2022c", 2022, domain.ScopeGrassroots, "", "P")
			return b
		}, "P", AwardBKTTG, true, false, "5 sáng kiến chưa dùng trong 2019–2023"},
		{"R2017 four initiatives", func() *hb {
			b := newHB(2023).person("P").rate("P", 2017, "XXXXXXX").award("P", 2018, AwardBKBo, domain.KindMerit)
			for y := 2019; y <= 2022; y++ {
				b.init(fmt.Sprint("S", y), y, domain.ScopeGrassroots, "", "P")
			}
			return b
		}, "P", AwardBKTTG, false, false, "Có 4 sáng kiến phạm vi Cơ sở trở lên chưa dùng trong 2019–2023, cần 5"},
	})
}

func TestEvaluate_HCLD3(t *testing.T) {
	runCases(t, []ruleCase{
		{"BK_TTG Y-5, HTXSNV once, 3 CSTĐCS", func() *hb {
			return newHB(2025).person("P").rate("P", 2020, "TTXTTT").award("P", 2020, AwardBKTTG, domain.KindMerit).cs("P", 2021, 2023, 2024)
		}, "P", AwardHCLD3, true, false, "Có 1 năm HTXSNV trong 2021–2025"},
		{"no HTXSNV", func() *hb {
			return newHB(2025).person("P").rate("P", 2020, "TTTTTT").award("P", 2020, AwardBKTTG, domain.KindMerit).cs("P", 2021, 2023, 2024)
		}, "P", AwardHCLD3, false, false, "Có 0 năm HTXSNV trong 2021–2025, cần 1"},
		{"BK_TTG Y-4", func() *hb {
			return newHB(2025).person("P").rate("P", 2020, "TTXTTT").award("P", 2021, AwardBKTTG, domain.KindMerit).cs("P", 2022, 2023, 2024)
		}, "P", AwardHCLD3, false, false, "Chưa có Bằng khen của Thủ tướng Chính phủ (công trạng) từ năm 2020 trở về trước"},
	})
}

func TestEvaluate_GK(t *testing.T) {
	runCases(t, []ruleCase{
		{"HTTNV", func() *hb { return newHB(2025).person("P").rate("P", 2025, "T") }, "P", AwardGK, true, false, "Xếp loại năm 2025: HTTNV"},
		{"HTNV", func() *hb { return newHB(2025).person("P").rate("P", 2025, "N") }, "P", AwardGK, false, false, "Xếp loại năm 2025: HTNV, cần từ HTTNV trở lên"},
		{"R2017 HTTNV", func() *hb { return newHB(2020).person("P").rate("P", 2020, "T") }, "P", AwardGK, true, false, ""},
		{"unit HTTNV", func() *hb { return newHB(2025).rateUnit("T-A", 2025, "T") }, "T-A", AwardGK, true, false, "Xếp loại tập thể năm 2025: HTTNV"},
		{"unit HTNV", func() *hb { return newHB(2025).rateUnit("T-A", 2025, "N") }, "T-A", AwardGK, false, false, "cần từ HTTNV trở lên"},
		{"unit unrated", func() *hb { return newHB(2025) }, "T-A", AwardGK, false, false, "Tập thể chưa có xếp loại năm 2025"},
	})
}

func TestEvaluate_TTLDTT(t *testing.T) {
	runCases(t, []ruleCase{
		{"exactly 50%", func() *hb { return newHB(2025).rateUnit("T-A", 2025, "T").members("M", "T-A", 100, 50) }, "T-A", AwardTTLDTT, false, false, "Tỷ lệ LĐTT 50% (50/100 thành viên), cần > 50%"},
		{"51%", func() *hb { return newHB(2025).rateUnit("T-A", 2025, "T").members("M", "T-A", 100, 51) }, "T-A", AwardTTLDTT, true, true, "Tỷ lệ LĐTT 51% (51/100 thành viên), trên 50%"},
		{"R2017 51%", func() *hb { return newHB(2022).rateUnit("T-A", 2022, "T").members("M", "T-A", 100, 51) }, "T-A", AwardTTLDTT, true, true, ""},
		{"members below the unit count", func() *hb {
			return newHB(2025).rateUnit("T", 2025, "T").members("M", "T-A", 3, 3).members("N", "T-B", 3, 0)
		}, "T", AwardTTLDTT, false, false, "Tỷ lệ LĐTT 50% (3/6 thành viên)"},
		{"member under cảnh cáo", func() *hb {
			return newHB(2025).rateUnit("T-A", 2025, "T").members("M", "T-A", 10, 10).disc("M009", domain.Warning, "20/11/2024", "")
		}, "T-A", AwardTTLDTT, false, false, "Thành viên M009 Người M009 bị kỷ luật cảnh cáo"},
		{"member under khiển trách", func() *hb {
			return newHB(2025).rateUnit("T-A", 2025, "T").members("M", "T-A", 10, 10).disc("M009", domain.Reprimand, "20/01/2025", "19/07/2025")
		}, "T-A", AwardTTLDTT, true, true, "Tỷ lệ LĐTT 90%"},
		{"collective HTNV", func() *hb { return newHB(2025).rateUnit("T-A", 2025, "N").members("M", "T-A", 10, 10) }, "T-A", AwardTTLDTT, false, false, "Xếp loại tập thể năm 2025: HTNV"},
		{"recorded LĐTT: not pending", func() *hb {
			b := newHB(2025).rateUnit("T-A", 2025, "T").members("M", "T-A", 2, 2)
			return b.award("M000", 2025, AwardLDTT, domain.KindMerit).award("M001", 2025, AwardLDTT, domain.KindMerit)
		}, "T-A", AwardTTLDTT, true, false, ""},
	})
}

func TestEvaluate_TTLDXS(t *testing.T) {
	with := func(y, n, ldtt int) func() *hb {
		return func() *hb {
			b := newHB(y).rateUnit("T-A", y, "X").members("M", "T-A", n, ldtt)
			b.h.PersonRatings["M000"][y] = domain.HTXSNV // a CSTĐCS (R2024+)
			return b
		}
	}
	runCases(t, []ruleCase{
		{"70%", with(2025, 100, 70), "T-A", AwardTTLDXS, true, true, "Tỷ lệ LĐTT 70% (70/100 thành viên), từ 70% trở lên"},
		{"69%", with(2025, 100, 69), "T-A", AwardTTLDXS, false, false, "Tỷ lệ LĐTT 69% (69/100 thành viên), cần ≥ 70%"},
		{"member KHTNV", func() *hb {
			b := with(2025, 10, 10)()
			b.h.PersonRatings["M009"][2025] = domain.KHTNV
			return b
		}, "T-A", AwardTTLDXS, false, false, "Thành viên M009 Người M009 xếp loại năm 2025: KHTNV, cần từ HTNV trở lên"},
		{"no CSTĐCS member", func() *hb {
			b := with(2025, 10, 10)()
			b.h.PersonRatings["M000"][2025] = domain.HTTNV
			return b
		}, "T-A", AwardTTLDXS, false, false, "Có 0 thành viên đạt CSTĐCS năm 2025, cần 1"},
		{"collective HTTNV", func() *hb {
			b := with(2025, 10, 10)()
			b.h.UnitRatings["T-A"][2025] = domain.HTTNV
			return b
		}, "T-A", AwardTTLDXS, false, false, "Xếp loại tập thể năm 2025: HTTNV, cần HTXSNV"},
		{"R2025 member under cảnh cáo: no discipline clause", func() *hb {
			return with(2025, 10, 9)().disc("M009", domain.Warning, "01/03/2025", "")
		}, "T-A", AwardTTLDXS, true, true, ""},
		{"R2017 member under cảnh cáo: discipline clause", func() *hb {
			b := with(2023, 10, 9)().disc("M009", domain.Warning, "01/03/2023", "").init("S", 2023, domain.ScopeGrassroots, "", "M000")
			return b
		}, "T-A", AwardTTLDXS, false, false, "Thành viên M009 Người M009 bị kỷ luật cảnh cáo"},
	})
}

func TestEvaluate_CollectiveForms(t *testing.T) {
	runCases(t, []ruleCase{
		{"BK_BO HTXSNV Y-1 and Y", func() *hb { return newHB(2025).rateUnit("T-A", 2024, "XX") }, "T-A", AwardBKBo, true, false, "Xếp loại tập thể năm 2024: HTXSNV"},
		{"BK_BO HTTNV Y-1", func() *hb { return newHB(2025).rateUnit("T-A", 2024, "TX") }, "T-A", AwardBKBo, false, false, "Xếp loại tập thể năm 2024: HTTNV, cần HTXSNV"},
		{"CO_BO first of cluster", func() *hb {
			b := newHB(2025).rateUnit("T", 2025, "X")
			b.h.ClusterRank["T"] = 1
			return b
		}, "T", AwardCoBo, true, false, "Xếp hạng cụm thi đua năm 2025: thứ 1"},
		{"CO_BO second of cluster", func() *hb {
			b := newHB(2025).rateUnit("T", 2025, "X")
			b.h.ClusterRank["T"] = 2
			return b
		}, "T", AwardCoBo, false, false, "thứ 2, cần dẫn đầu cụm"},
		{"CO_BO no ranking", func() *hb { return newHB(2025).rateUnit("T", 2025, "X") }, "T", AwardCoBo, false, false, "Chưa có kết quả xếp hạng cụm thi đua năm 2025"},
		{"BK_TTG BK_BO Y-5, HTXSNV after", func() *hb {
			return newHB(2025).rateUnit("T-A", 2020, "XXXXXX").unitAward("T-A", 2020, AwardBKBo, domain.KindMerit)
		}, "T-A", AwardBKTTG, true, false, "Xếp loại tập thể từ HTXSNV trở lên mọi năm 2021–2025"},
		{"BK_TTG HTTNV in Y-2", func() *hb {
			return newHB(2025).rateUnit("T-A", 2020, "XXXTXX").unitAward("T-A", 2020, AwardBKBo, domain.KindMerit)
		}, "T-A", AwardBKTTG, false, false, "Xếp loại tập thể năm 2023: HTTNV"},
		{"BK_TTG BK_BO Y-4", func() *hb {
			return newHB(2025).rateUnit("T-A", 2020, "XXXXXX").unitAward("T-A", 2021, AwardBKBo, domain.KindMerit)
		}, "T-A", AwardBKTTG, false, false, "chưa đủ 5 năm"},
		{"CO_CP has no default rule", func() *hb { return newHB(2025).rateUnit("T", 2025, "X") }, "T", AwardCoCP, false, false, "Chưa có tiêu chuẩn xét tự động"},
	})
}

func TestEvaluate_OneVerdictPerSubjectAndAward(t *testing.T) {
	b := newHB(2025).person("P").person("Q", recruited("06/10/2025")).rate("P", 2025, "T")
	vs := Evaluate(DefaultCatalogue(), b.h)
	// 8 person awards (LDTT, CSTDCS, CSTD_BO, CSTD_TQ, GK, BK_BO, BK_TTG, HCLD3) × 2,
	// 8 collective awards (TTLDTT, TTLDXS, CO_BO, CO_CP, GK, BK_BO, BK_TTG, HCLD3) × 3.
	if len(vs) != 16+24 {
		t.Fatalf("%d verdicts", len(vs))
	}
	for _, v := range vs {
		if len(v.Reasons) == 0 {
			t.Errorf("%+v without reasons", v)
		}
		if v.Subject.Code == "Q" {
			if v.Eligible {
				t.Errorf("unrated Q eligible for %s", v.Award)
			}
		}
	}
	for _, a := range []string{AwardLDTT, AwardGK} {
		if v := find(t, vs, "Q", a); !strings.Contains(strings.Join(v.Reasons, "|"), "Chưa có xếp loại năm 2025") {
			t.Errorf("Q %s: %q", a, v.Reasons)
		}
	}
	if vs[0].Subject.Code != "P" || vs[len(vs)-1].Subject.Kind != domain.SubjectCollective {
		t.Errorf("order: first %v last %v", vs[0].Subject, vs[len(vs)-1].Subject)
	}
}

func TestEvaluate_ParamsFromCatalogue(t *testing.T) {
	// An administrator moves the recruitment cutoff of R2025 to 1 June.
	cat := DefaultCatalogue()
	for i := range cat.Params {
		if cat.Params[i].Key == "ldtt.recruited_by" && cat.Params[i].Regime == "" {
			cat.Params[i].Value = "06-01"
		}
	}
	vs := Evaluate(cat, newHB(2025).person("P", recruited("01/07/2025")).rate("P", 2025, "T").h)
	if v := find(t, vs, "P", AwardLDTT); v.Eligible || !strings.Contains(strings.Join(v.Reasons, "|"), "Tuyển dụng 01/07/2025, sau 01/06/2025") {
		t.Errorf("%+v", v)
	}
	// A catalogue without the parameter falls back to DefaultCatalogue.
	cat.Params = nil
	vs = Evaluate(cat, newHB(2025).person("P", recruited("01/07/2025")).rate("P", 2025, "T").h)
	if v := find(t, vs, "P", AwardLDTT); !v.Eligible {
		t.Errorf("fallback: %+v", v)
	}
}
