package service

// The demo office's emulation year: the Resolution 28 movement and one
// regular movement per year with the sector's usual targets, the office's
// commitments and results (some met, some missed) and a few of its BHXH cơ
// sở units', registrations for the last completed year L and the current
// year L+1 (with cases the registration warnings flag), the office's
// cluster (demo_offices.go: the North Central provinces for Hà Tĩnh) for
// both years with its pact, and the scoring table of L with the office's
// self-scores and the other members' totals.
// It draws from its own random stream so the staff history above does not
// change with it.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// DemoNQ28 is the name of the demo's thematic movement.
const DemoNQ28 = "Phong trào thi đua thực hiện Nghị quyết số 28-NQ/TW về cải cách chính sách BHXH"

// DemoRegularMovement names the demo's regular movement of year y.
func DemoRegularMovement(y int) string {
	return fmt.Sprintf("Phong trào thi đua thường xuyên năm %d", y)
}

// DemoClusterName is the emulation cluster of the default demo office
// (Hà Tĩnh), cluster 3; demoClusterNames names the others.
const DemoClusterName = "Cụm thi đua số 3 - Bảo hiểm xã hội các tỉnh, thành phố Bắc Trung Bộ"

// demoTarget is a target of the regular movement with how the office's
// plan moves from year to year.
type demoTarget struct {
	domain.Target
	base, step float64 // planned value in the first demo year, change per year
	spread     float64 // how far a result strays from the plan
	decimals   int
}

func demoRegularTargets() []demoTarget {
	t := func(name, unit string, higher bool, base, step, spread float64, dec int) demoTarget {
		return demoTarget{Target: domain.Target{Name: name, Unit: unit, HigherBetter: higher}, base: base, step: step, spread: spread, decimals: dec}
	}
	return []demoTarget{
		t("Tỷ lệ bao phủ BHXH bắt buộc so với lực lượng lao động", "%", true, 13.2, 0.9, 0.5, 2),
		t("Số người tham gia BHXH tự nguyện", "người", true, 21000, 4500, 2500, 0),
		t("Tỷ lệ bao phủ BHYT", "%", true, 90.6, 0.8, 0.6, 1),
		t("Thu BHXH, BHYT, BHTN so với kế hoạch", "%", true, 100, 0, 1.6, 1),
		t("Tỷ lệ nợ đóng BHXH, BHYT, BHTN", "%", false, 2.4, -0.15, 0.35, 2),
		t("Thời gian giải quyết hồ sơ", "ngày", false, 6, -0.3, 0.7, 1),
		t("Tỷ lệ giao dịch điện tử", "%", true, 55, 7, 4, 1),
	}
}

func demoNQ28Targets() []demoTarget {
	return []demoTarget{
		{Target: domain.Target{Name: "Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHXH", Unit: "%", HigherBetter: true}, base: 24, step: 2.5, spread: 1.2, decimals: 1},
		{Target: domain.Target{Name: "Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHTN", Unit: "%", HigherBetter: true}, base: 15, step: 1.5, spread: 0.8, decimals: 1},
		{Target: domain.Target{Name: "Tỷ lệ người sau độ tuổi nghỉ hưu được hưởng lương hưu, BHXH hằng tháng, trợ cấp hưu trí xã hội", Unit: "%", HigherBetter: true}, base: 45, step: 2.5, spread: 1.5, decimals: 1},
	}
}

// demoPact is the pact of cluster number cluster for year y.
func demoPact(cluster, y int) string {
	return fmt.Sprintf(`Thực hiện Kế hoạch tổ chức phong trào thi đua năm %[1]d của Bảo hiểm xã hội Việt Nam, Bảo hiểm xã hội các tỉnh, thành phố thuộc Cụm thi đua số %[2]d cùng ký kết giao ước thi đua năm %[1]d với các nội dung sau:

1. Tổ chức thực hiện hoàn thành toàn diện các chỉ tiêu, nhiệm vụ được giao: phát triển người tham gia BHXH, BHYT, BHTN; thu đạt và vượt kế hoạch; giảm tỷ lệ nợ đóng; giải quyết, chi trả kịp thời, đúng quy định các chế độ BHXH, BHYT, BHTN cho người thụ hưởng.

2. Đẩy mạnh cải cách hành chính, chuyển đổi số; nâng tỷ lệ giao dịch điện tử, không để hồ sơ trễ hạn; xây dựng đội ngũ cán bộ, công chức, viên chức kỷ cương, trách nhiệm, thân thiện, chuyên nghiệp, lấy sự hài lòng của người dân, doanh nghiệp làm thước đo.

3. Thực hiện tốt công tác xây dựng Đảng, xây dựng tổ chức công đoàn, đoàn thanh niên vững mạnh; thực hành tiết kiệm, chống lãng phí, phòng, chống tham nhũng, tiêu cực; hưởng ứng các phong trào "Vì người nghèo", "Chung tay vì an sinh xã hội".

4. Các đơn vị trong Cụm thường xuyên trao đổi kinh nghiệm, nhân rộng mô hình mới, cách làm hay; gửi báo cáo, số liệu đúng thời hạn về Cụm trưởng để tổng hợp, chấm điểm, bình xét và đề nghị khen thưởng theo quy định.`, y, cluster)
}

// demoCriterion is a criterion of the demo scoring table; target names the
// regular target (by index) a proportional criterion follows.
type demoCriterion struct {
	domain.Criterion
	target int // index in demoRegularTargets, -1 when none
}

func demoCriteria() []demoCriterion {
	g := func(code, name string, max float64) demoCriterion {
		return demoCriterion{Criterion: domain.Criterion{Code: code, Name: name, MaxPoints: max}, target: -1}
	}
	leaf := func(code, name string, max float64, m domain.ScoringMethod, target int) demoCriterion {
		parent := code[:strings.LastIndex(code, ".")]
		c := demoCriterion{Criterion: domain.Criterion{Code: code, ParentCode: parent, Name: name, MaxPoints: max, Method: m}, target: target}
		if m == domain.MethodProportional {
			c.CapPercent = 100
		}
		return c
	}
	return []demoCriterion{
		g("I", "Thực hiện nhiệm vụ chuyên môn", 60),
		leaf("I.1", "Tỷ lệ bao phủ BHXH bắt buộc so với lực lượng lao động", 10, domain.MethodProportional, 0),
		leaf("I.2", "Phát triển người tham gia BHXH tự nguyện", 8, domain.MethodProportional, 1),
		leaf("I.3", "Tỷ lệ bao phủ BHYT", 10, domain.MethodProportional, 2),
		leaf("I.4", "Thu BHXH, BHYT, BHTN so với kế hoạch được giao", 12, domain.MethodProportional, 3),
		leaf("I.5", "Giảm tỷ lệ nợ đóng BHXH, BHYT, BHTN", 8, domain.MethodProportional, 4),
		leaf("I.6", "Thời gian giải quyết hồ sơ hưởng chế độ", 6, domain.MethodProportional, 5),
		leaf("I.7", "Tỷ lệ giao dịch điện tử", 6, domain.MethodProportional, 6),
		g("II", "Cải cách hành chính, chuyển đổi số", 20),
		leaf("II.1", "Chỉ số cải cách hành chính xếp loại Tốt trở lên", 5, domain.MethodPassFail, -1),
		leaf("II.2", "Triển khai ứng dụng VssID, dịch vụ công trực tuyến", 5, domain.MethodManual, -1),
		leaf("II.3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 5, domain.MethodManual, -1),
		leaf("II.4", "Không có hồ sơ giải quyết trễ hạn", 5, domain.MethodPassFail, -1),
		g("III", "Công tác xây dựng Đảng, đoàn thể", 20),
		leaf("III.1", "Tổ chức đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên", 8, domain.MethodManual, -1),
		leaf("III.2", "Công đoàn, Đoàn thanh niên được xếp loại vững mạnh", 6, domain.MethodManual, -1),
		leaf("III.3", "Thực hiện quy chế dân chủ, phòng, chống tham nhũng, tiêu cực", 6, domain.MethodManual, -1),
		g("IV", "Điểm thưởng", 5),
		leaf("IV.1", "Mô hình mới, cách làm sáng tạo được Bảo hiểm xã hội Việt Nam biểu dương, nhân rộng", 3, domain.MethodBonus, -1),
		leaf("IV.2", "Được khen thưởng đột xuất trong năm", 2, domain.MethodBonus, -1),
		g("V", "Điểm trừ", 10),
		leaf("V.1", "Để xảy ra sai phạm bị cơ quan có thẩm quyền kết luận", 5, domain.MethodPenalty, -1),
		leaf("V.2", "Chậm gửi báo cáo, số liệu theo quy định", 5, domain.MethodPenalty, -1),
	}
}

// demoManualScores are the office's scores of L for the criteria scored
// by hand, with the evidence note.
var demoManualScores = map[string]struct {
	score float64
	note  string
}{
	"II.1":  {5, "Chỉ số CCHC năm %d xếp loại Tốt (Quyết định công bố của Bảo hiểm xã hội Việt Nam)"},
	"II.2":  {4.5, "Tỷ lệ người tham gia cài đặt VssID đạt 72%% số người tham gia; 100%% thủ tục có dịch vụ công trực tuyến"},
	"II.3":  {4, "Đã số hóa 86%% hồ sơ, kết quả giải quyết thủ tục hành chính năm %d"},
	"II.4":  {0, "Còn 12 hồ sơ giải quyết trễ hạn tại BHXH cơ sở (Báo cáo tháng 12/%d)"},
	"III.1": {8, "Đảng bộ xếp loại hoàn thành tốt nhiệm vụ năm %d"},
	"III.2": {6, "Công đoàn cơ sở và Chi đoàn được xếp loại vững mạnh"},
	"III.3": {5.5, "Thực hiện đầy đủ quy chế dân chủ; 01 trường hợp cán bộ bị kỷ luật khiển trách"},
	"IV.1":  {2, "Mô hình \"Tổ dịch vụ thu lưu động tại thôn, xóm\" được Bảo hiểm xã hội Việt Nam biểu dương"},
	"IV.2":  {0, ""},
	"V.1":   {0, "Không có sai phạm bị kết luận"},
	"V.2":   {-1, "Chậm gửi báo cáo quyết toán quý III/%d 02 ngày"},
}

// demoEmulation is the planned emulation data; target IDs are known only
// once written.
type demoEmulation struct {
	rng  *rand.Rand
	g    *demoGen
	cur  int // the current year, L+1
	regs []domain.Registration
}

func (g *demoGen) emulationSteps() int {
	// movements, the values of each year, registrations, clusters, scoring
	return 2 + (g.last + 1 - g.first + 1) + 2 + 2 + 1
}

func demoRound(x float64, dec int) float64 {
	p := math.Pow(10, float64(dec))
	return math.Round(x*p) / p
}

// writeEmulation writes the demo's emulation data inside FillDemo's transaction.
func (g *demoGen) writeEmulation(tx *store.Tx, step func(int) error) error {
	e := &demoEmulation{rng: rand.New(rand.NewPCG(uint64(g.opt.Seed), demoStream(0x656d_756c_6174_696f, g.office))), g: g, cur: g.last + 1}
	L, C := g.last, e.cur
	office := g.office.Code

	// The Resolution 28 movement, with its milestones.
	nq := domain.Movement{
		Name: DemoNQ28, Kind: domain.MovementThematic, FromYear: 2019, ToYear: 2030,
		DocNo: "1258/KH-BHXH", DocDate: domain.NewDate(2019, time.April, 12), Issuer: "Bảo hiểm xã hội Việt Nam",
		Reviews: []domain.MovementReview{
			{Year: 2021, Kind: domain.ReviewInterim, Note: "Sơ kết 03 năm thực hiện Nghị quyết số 28-NQ/TW"},
			{Year: 2025, Kind: domain.ReviewInterim, Note: "Sơ kết 07 năm thực hiện Nghị quyết số 28-NQ/TW"},
			{Year: 2030, Kind: domain.ReviewFinal, Note: "Tổng kết phong trào thi đua giai đoạn 2019–2030"},
		},
	}
	nqTargets := demoNQ28Targets()
	for i, t := range nqTargets {
		t.SortOrder = i + 1
		nq.Targets = append(nq.Targets, t.Target)
	}
	nq, _, err := tx.SaveMovement(nq)
	if err != nil {
		return err
	}
	if err := step(1); err != nil {
		return err
	}

	// One regular movement per year, launched each January by the centre.
	regTargets := demoRegularTargets()
	regular := map[int]domain.Movement{}
	for y := g.first; y <= C; y++ {
		issuer := "Bảo hiểm xã hội Việt Nam"
		m := domain.Movement{
			Name: DemoRegularMovement(y), Kind: domain.MovementRegular, FromYear: y, ToYear: y,
			DocNo: fmt.Sprintf("%d/QĐ-BHXH", 30+e.rng.IntN(90)), DocDate: domain.NewDate(y, time.January, 8+e.rng.IntN(10)), Issuer: issuer,
			Reviews: []domain.MovementReview{
				{Year: y, Kind: domain.ReviewInterim, Note: fmt.Sprintf("Sơ kết 6 tháng đầu năm %d", y)},
				{Year: y, Kind: domain.ReviewFinal, Note: fmt.Sprintf("Tổng kết phong trào thi đua năm %d", y)},
			},
		}
		for i, t := range regTargets {
			t.SortOrder = i + 1
			m.Targets = append(m.Targets, t.Target)
		}
		if m, _, err = tx.SaveMovement(m); err != nil {
			return err
		}
		regular[y] = m
	}
	if err := step(1); err != nil {
		return err
	}

	// The office's plans and results; results only for completed years.
	// A result misses the plan about one time in four.
	result := func(t demoTarget, planned float64) float64 {
		dir := 1.0
		if !t.HigherBetter {
			dir = -1
		}
		x := e.rng.Float64()*t.spread + t.spread*0.05
		if e.rng.IntN(4) == 0 {
			x = -x * 0.8
		}
		v := planned + dir*x
		if t.Unit == "%" && v > 100 && t.base < 100 {
			v = 100
		}
		return demoRound(math.Max(0, v), t.decimals)
	}
	save := func(y int, unit string, targetID int64, t demoTarget, planned float64) error {
		v := domain.TargetValue{Year: y, UnitCode: unit, TargetID: targetID, Planned: demoRound(planned, t.decimals)}
		if y <= L {
			v.Actual, v.HasActual = result(t, v.Planned), true
		}
		_, err := tx.SaveTargetValue(v)
		return err
	}
	csUnits := []string{}
	for _, u := range g.units {
		if u.Kind == domain.UnitGrassroots && u.ActiveOn(domain.YearEnd(L)) {
			csUnits = append(csUnits, u.Code)
		}
	}
	commitUnits := func(y int) error {
		k := float64(y - g.first)
		for j, code := range csUnits {
			share := 0.1 + 0.01*float64(j%4)
			for _, i := range []int{1, 2} {
				t := regTargets[i]
				planned := (t.base + t.step*k) * share
				if t.Unit == "%" {
					planned = t.base + t.step*k - 0.5 + 0.3*float64(j%4)
				}
				if err := save(y, code, regular[y].Targets[i].ID, t, planned); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for y := g.first; y <= C; y++ {
		k := float64(y - g.first)
		for i, t := range regTargets {
			planned := t.base + t.step*k
			if t.Target.Name == "Thu BHXH, BHYT, BHTN so với kế hoạch" {
				planned = 100
			}
			if err := save(y, office, regular[y].Targets[i].ID, t, planned); err != nil {
				return err
			}
		}
		if y >= nq.FromYear {
			for i, t := range nqTargets {
				if err := save(y, office, nq.Targets[i].ID, t, t.base+t.step*float64(y-2019)); err != nil {
					return err
				}
			}
		}
		// The BHXH cơ sở units commit to the participants they will bring in.
		if y >= L {
			if err := commitUnits(y); err != nil {
				return err
			}
		}
		if err := step(1); err != nil {
			return err
		}
	}

	// The BHXH cơ sở units' commitments and results of the two years
	// before L, which their achievement reports look back on, drawn from
	// a stream of their own so that the rest of the demo stays as it was.
	rng := e.rng
	e.rng = rand.New(rand.NewPCG(uint64(g.opt.Seed), demoStream(0x6373_7965_6172_7321, g.office)))
	for y := max(L-2, g.first); y < L; y++ {
		if err := commitUnits(y); err != nil {
			return err
		}
	}
	e.rng = rng

	// The five-year period that ends with L, before the sector's congress.
	if L-5 >= g.first {
		if _, err := tx.SavePeriod(store.PeriodReview{Period: domain.Period{
			Name: fmt.Sprintf("Giai đoạn %d - %d", L-5, L), FromYear: L - 5, ToYear: L,
			Congress:  "Đại hội Thi đua yêu nước ngành Bảo hiểm xã hội Việt Nam lần thứ VI",
			Delegates: 5,
		}}); err != nil {
			return err
		}
	}

	// Registrations of L and of the current year.
	for _, y := range []int{L, C} {
		if err := e.writeRegistrations(tx, y); err != nil {
			return err
		}
		if err := step(1); err != nil {
			return err
		}
	}

	// The scoring table of L, linked to L's targets, scored by the office;
	// the same table for C, not scored yet.
	var total float64
	for _, y := range []int{L, C} {
		var cs []domain.Criterion
		for i, dc := range demoCriteria() {
			c := dc.Criterion
			c.Year, c.SortOrder = y, i+1
			if dc.target >= 0 {
				c.TargetID = regular[y].Targets[dc.target].ID
			}
			cs = append(cs, c)
		}
		if err := tx.ReplaceCriteria(y, cs); err != nil {
			return err
		}
		if y != L {
			continue
		}
		vals := map[int64]domain.TargetValue{}
		vs, err := tx.TargetValues(L, office)
		if err != nil {
			return err
		}
		for _, v := range vs {
			vals[v.TargetID] = v
		}
		for i, dc := range demoCriteria() {
			c := cs[i]
			sc := domain.SelfScore{Year: L, Code: c.Code}
			switch {
			case dc.Method == "":
				continue
			case dc.target >= 0:
				t := regTargets[dc.target].Target
				v := vals[c.TargetID]
				pct, met := t.Achieved(v.Planned, v.Actual)
				sc.Score, _ = c.Suggest(pct, met)
				sc.Note = fmt.Sprintf("Kế hoạch %s%s, thực hiện %s%s (đạt %s%%)", FormatPoints(v.Planned), demoUnitSuffix(t.Unit), FormatPoints(v.Actual), demoUnitSuffix(t.Unit), FormatPoints(demoRound(pct, 1)))
			default:
				m := demoManualScores[c.Code]
				sc.Score = m.score
				sc.Note = strings.ReplaceAll(strings.ReplaceAll(m.note, "%d", fmt.Sprint(L)), "%%", "%")
			}
			if _, err := tx.SaveSelfScore(sc); err != nil {
				return err
			}
			total += sc.Score
		}
		if err := tx.AttachEvidence(L, "II.1", "tom-tat-chi-so-cchc.txt",
			[]byte(fmt.Sprintf("Tóm tắt kết quả Chỉ số cải cách hành chính năm %d của %s: xếp loại Tốt.\n", L, g.office.Name))); err != nil {
			return err
		}
	}
	if err := step(1); err != nil {
		return err
	}

	// The cluster: the member before this office on the list leads in L
	// with this office as deputy; this office leads in C with the member
	// after it as deputy (for Hà Tĩnh: Nghệ An, then Hà Tĩnh with Quảng Trị).
	members, own := g.office.cluster()
	n := len(members)
	for _, y := range []int{L, C} {
		c := domain.Cluster{Year: y, Name: demoClusterNames[g.office.Cluster], Pact: demoPact(g.office.Cluster, y)}
		for i, o := range members {
			m := domain.ClusterMember{Name: o.Name, Own: i == own}
			switch {
			case y == L && i == (own-1+n)%n, y == C && i == own:
				m.Role = domain.RoleLeader
			case y == L && i == own, y == C && i == (own+1)%n:
				m.Role = domain.RoleDeputy
			}
			if y == L {
				m.HasTotal = true
				if m.Own {
					m.Total = demoRound(total, 2)
				} else {
					m.Total = demoRound(total-6+12*e.rng.Float64(), 2)
				}
			}
			c.Members = append(c.Members, m)
		}
		if _, err := tx.SaveCluster(c); err != nil {
			return err
		}
		if err := step(1); err != nil {
			return err
		}
	}
	return nil
}

func demoUnitSuffix(u string) string {
	if u == "%" {
		return "%"
	}
	return " " + u
}

// writeRegistrations registers, for year y: everyone assigned on the
// membership day for LĐTT; about one in ten for CSTĐCS (HTXSNV of the year
// before first); the scripted chain cases for higher awards; the office
// and its units for collective titles.
func (e *demoEmulation) writeRegistrations(tx *store.Tx, y int) error {
	g := e.g
	on := domain.YearEnd(y)
	if y > g.last {
		on = g.today
	}
	regs := map[string][]string{}
	notes := map[string]string{}
	var staff []*demoPerson
	for _, p := range g.people {
		if g.unitOn(p, on) == "" {
			continue
		}
		staff = append(staff, p)
		regs[p.StaffCode] = []string{"LDTT"}
	}
	// CSTĐCS for the best rated of the year before, up to 10%.
	cand := append([]*demoPerson(nil), staff...)
	sort.SliceStable(cand, func(i, j int) bool {
		a, b := cand[i].rating[y-1].Rank(), cand[j].rating[y-1].Rank()
		if a != b {
			return a > b
		}
		return cand[i].latent > cand[j].latent
	})
	quota := len(staff) / 10
	for _, p := range cand[:quota] {
		regs[p.StaffCode] = append(regs[p.StaffCode], "CSTDCS")
	}
	add := func(code, award, note string) {
		if _, ok := regs[code]; !ok {
			return
		}
		for _, a := range regs[code] {
			if a == award {
				return
			}
		}
		regs[code] = append(regs[code], award)
		if note != "" {
			notes[code] = note
		}
	}
	sc := g.staffCode
	if y == g.last {
		add(sc(14), "CSTD_BO", "Đăng ký với sáng kiến cấp ngành năm "+fmt.Sprint(y-1))
		add(sc(15), "CSTD_BO", "") // flagged: no CSTĐCS in L-2
		add(sc(16), "BK_BO", "")
		add(sc(17), "CSTD_TQ", "")
		add(sc(19), "BK_BO", "")
		add(sc(3), "BK_TTG", "")
		add(sc(8), "BK_BO", "") // flagged: neither CSTĐCS nor HTXSNV in L-1 (usually)
	} else {
		add(sc(16), "CSTD_BO", "")
		add(sc(19), "BK_BO", "")
		add(sc(1), "HCLD3", "")
		add(sc(23), "BK_TTG", "")
	}
	codes := make([]string, 0, len(regs))
	for c := range regs {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		if _, err := tx.SaveRegistration(domain.Registration{Year: y, Subject: domain.PersonSubject(c), Awards: regs[c], Note: notes[c]}); err != nil {
			return err
		}
	}

	// Collectives: the office aims for the ministry flag; departments and
	// BHXH cơ sở for the collective titles.
	unitAwards := map[string][]string{g.office.Code: {"TTLDXS", "CO_BO"}}
	for _, u := range g.units {
		if u.Code == g.office.Code || !u.ActiveOn(on) {
			continue
		}
		switch {
		case g.uRating[u.Code][y-1] == domain.HTXSNV:
			unitAwards[u.Code] = []string{"TTLDXS"}
		default:
			unitAwards[u.Code] = []string{"TTLDTT"}
		}
	}
	if y == g.last {
		unitAwards[g.u("VP")] = append(unitAwards[g.u("VP")], "BK_BO")
		unitAwards[g.u("TCCB")] = append(unitAwards[g.u("TCCB")], "BK_BO") // flagged: HTTNV in L-1
	} else {
		unitAwards[g.u("GD")] = append(unitAwards[g.u("GD")], "BK_BO")
	}
	ucodes := make([]string, 0, len(unitAwards))
	for c := range unitAwards {
		ucodes = append(ucodes, c)
	}
	sort.Strings(ucodes)
	for _, c := range ucodes {
		if _, err := tx.SaveRegistration(domain.Registration{Year: y, Subject: domain.UnitSubject(c), Awards: unitAwards[c]}); err != nil {
			return err
		}
	}
	return nil
}
