package rules

import (
	"fmt"
	"sort"
	"strings"

	"tdkt/internal/domain"
)

// evaluatePeople runs the individual rules in dependency order, so that the
// titles of the year found eligible (pending) can complete later chains and
// initiatives are consumed in the order of rules.md: CSTĐCS, then Bằng khen.
func (e *engine) evaluatePeople() {
	for _, ps := range e.people {
		ps.res[AwardLDTT] = e.ldtt(ps)
	}
	for _, ps := range e.people {
		ps.res[AwardCSTDCS] = e.cstdcs(ps)
	}
	e.rankQuotas()
	for _, ps := range e.people {
		ps.res[AwardCSTDBo] = e.cstdBo(ps)
	}
	for _, ps := range e.people {
		ps.res[AwardCSTDTQ] = e.cstdTq(ps)
	}
	for _, ps := range e.people {
		ps.res[AwardBKBo] = e.bkBo(ps)
	}
	for _, ps := range e.people {
		ps.res[AwardBKTTG] = e.bkTTG(ps)
		ps.res[AwardHCLD3] = e.hcld3(ps)
		ps.res[AwardGK] = e.gk(ps)
	}
}

func (e *engine) personVerdict(ps *person, a AwardType) Verdict {
	v := Verdict{Subject: domain.PersonSubject(ps.StaffCode), Name: ps.FullName, Award: a.Code, Year: e.y, Regime: e.regime}
	c := ps.res[a.Code]
	if c == nil {
		c = &check{}
		c.fail("Chưa có tiêu chuẩn xét tự động cho %s (cá nhân); Hội đồng thi đua, khen thưởng xét trực tiếp", e.label(a.Code, e.y))
	}
	return e.finish(v, c)
}

func (e *engine) finish(v Verdict, c *check) Verdict {
	v.Eligible = len(c.fails) == 0
	if v.Eligible {
		v.Pending = c.pending
		v.Reasons = append([]string(nil), c.facts...)
		for _, i := range c.used {
			v.UsedInitiatives = append(v.UsedInitiatives, e.inits[i].Title)
		}
		if len(v.Reasons) == 0 {
			v.Reasons = []string{"Đủ các điều kiện của " + e.label(v.Award, v.Year)}
		}
	} else {
		v.Reasons = append([]string(nil), c.fails...)
	}
	if c.quota != nil {
		q := *c.quota
		q.Rank = c.rank
		v.Quota = &q
	}
	return v
}

func (ps *person) disciplineIn(y int) *domain.Discipline {
	for i := range ps.discs {
		if ps.discs[i].InEffectDuring(y) {
			return &ps.discs[i]
		}
	}
	return nil
}

// firstFail is the first reason a check failed, for a chain's explanation.
func firstFail(c *check) string {
	if c == nil || len(c.fails) == 0 {
		return ""
	}
	return c.fails[0]
}

// need adds the title code of year z as a condition of c.
func (e *engine) need(c *check, ps *person, z int, code string) bool {
	has, pend, why := e.title(ps, z, code)
	switch {
	case has && pend:
		c.pending = true
		c.fact("%s năm %d (đang xét trong cùng đợt)", e.label(code, z), z)
	case has:
		c.fact("%s năm %d (đã ghi nhận)", e.label(code, z), z)
	default:
		if why == "" && z == e.y {
			why = firstFail(ps.res[code])
		}
		c.fail("%s", e.missing(code, z, why))
	}
	return has
}

// titleYears describes the years a chain rests on.
func (e *engine) titleYears(code string, recorded, pending []int) string {
	var parts []string
	if len(recorded) > 0 {
		parts = append(parts, joinInts(recorded)+" (đã ghi nhận)")
	}
	if len(pending) > 0 {
		parts = append(parts, joinInts(pending)+" (đang xét trong cùng đợt)")
	}
	last := e.y
	if len(pending) == 0 && len(recorded) > 0 {
		last = recorded[len(recorded)-1]
	}
	return fmt.Sprintf("%s năm %s", e.label(code, last), strings.Join(parts, ", "))
}

// ---- rule 1: LĐTT ----

func (e *engine) ldtt(ps *person) *check {
	c := &check{}
	min := e.p.rating("ldtt.min_rating")
	r, ok := ps.ratings[e.y]
	switch {
	case !ok || r.Rank() == 0:
		c.fail("Chưa có xếp loại năm %d", e.y)
	case r.Rank() < min.Rank():
		c.fail("Xếp loại năm %d: %s, cần từ %s trở lên", e.y, r, min)
	default:
		c.fact("Xếp loại năm %d: %s", e.y, r)
	}
	cut := e.p.cutoff(e.y)
	switch {
	case ps.RecruitedOn.IsZero():
		c.fail("Chưa có ngày tuyển dụng; cần tuyển dụng không sau %s", cut.VN())
	case ps.RecruitedOn.After(cut):
		c.fail("Tuyển dụng %s, sau %s", ps.RecruitedOn.VN(), cut.VN())
	default:
		c.fact("Tuyển dụng %s, không sau %s", ps.RecruitedOn.VN(), cut.VN())
	}
	if d := ps.disciplineIn(e.y); d != nil {
		c.fail("Bị %s, có hiệu lực trong năm %d", describeDiscipline(*d), e.y)
	} else {
		c.fact("Không bị kỷ luật trong năm %d", e.y)
	}
	return c
}

// ---- rule 2: CSTĐCS ----

func (e *engine) cstdcs(ps *person) *check {
	c := &check{}
	e.need(c, ps, e.y, AwardLDTT)
	suffices := e.p.bool("cstdcs.htxsnv_suffices")
	r := ps.ratings[e.y]
	if suffices && r == domain.HTXSNV && ps.counts(e.y) {
		c.fact("Xếp loại năm %d: HTXSNV", e.y)
		return c
	}
	min := e.p.scope("cstdcs.initiative_scope")
	free, notes := e.freeInits(ps, e.y, e.y, min)
	if len(free) > 0 {
		c.fact("%s", cstdcsFact(e.initNames(free[:1])))
		if len(c.fails) == 0 {
			c.used = free[:1]
			e.use(ps, AwardCSTDCS, c.used)
		}
		return c
	}
	switch {
	case r == domain.HTXSNV && !suffices:
		c.fail("Xếp loại năm %d: HTXSNV, nhưng theo %s xếp loại chưa đủ; cần sáng kiến công nhận năm %d", e.y, e.regimeName(), e.y)
	case suffices && r.Rank() > 0:
		c.fail("Xếp loại năm %d: %s, không phải HTXSNV", e.y, r)
	}
	c.fail("Không có sáng kiến phạm vi %s trở lên công nhận năm %d chưa dùng cho khen thưởng khác", min.Label(), e.y)
	c.fails = append(c.fails, notes...)
	for _, i := range ps.inits {
		if in := e.inits[i]; in.Year < e.y && in.Year >= e.y-2 {
			c.fail("Sáng kiến “%s” công nhận năm %d, không phải năm %d", in.Title, in.Year, e.y)
		}
	}
	return c
}

func (e *engine) regimeName() string {
	if e.regime == "" {
		return "chế độ hiện hành"
	}
	return e.regime
}

// rankQuotas computes the CSTĐCS quota of each conferring unit and ranks its
// candidates: HTXSNV first, then more initiatives of the year, then women,
// then staff code (a total order).
func (e *engine) rankQuotas() {
	percent := e.p.int("cstdcs.quota_percent")
	ldtt := map[string]int{}
	cands := map[string][]*person{}
	initsOf := map[*person]int{}
	for _, ps := range e.people {
		if has, _, _ := e.title(ps, e.y, AwardLDTT); has {
			ldtt[ps.quota]++
		}
		if ps.res[AwardCSTDCS].ok() {
			cands[ps.quota] = append(cands[ps.quota], ps)
		}
		for _, i := range ps.inits {
			if e.inits[i].Year == e.y {
				initsOf[ps]++
			}
		}
	}
	for _, ps := range e.people {
		g := ps.quota
		q := e.quotas[g]
		if q == nil {
			q = &Quota{Unit: g, Award: AwardCSTDCS, Year: e.y, Limit: percent * ldtt[g] / 100, Candidates: len(cands[g])}
			q.OverBy = max(0, q.Candidates-q.Limit)
			e.quotas[g] = q
			list := cands[g]
			sort.SliceStable(list, func(i, j int) bool {
				a, b := list[i], list[j]
				if xa, xb := a.ratings[e.y] == domain.HTXSNV, b.ratings[e.y] == domain.HTXSNV; xa != xb {
					return xa
				}
				if initsOf[a] != initsOf[b] {
					return initsOf[a] > initsOf[b]
				}
				if fa, fb := a.Gender == domain.Female, b.Gender == domain.Female; fa != fb {
					return fa
				}
				return a.StaffCode < b.StaffCode
			})
			for k, p := range list {
				p.res[AwardCSTDCS].rank = k + 1
			}
		}
		c := ps.res[AwardCSTDCS]
		c.quota = q
		if !c.ok() {
			continue
		}
		line := fmt.Sprintf("Tỷ lệ CSTĐCS của đơn vị %s: %d ứng viên, tối đa %d (%d%% của %d LĐTT)", g, q.Candidates, q.Limit, percent, ldtt[g])
		if q.OverBy > 0 {
			line += fmt.Sprintf("; vượt %d, xếp hạng %d/%d (HTXSNV trước, rồi số sáng kiến, rồi nữ trước)", q.OverBy, c.rank, q.Candidates)
		} else {
			line += fmt.Sprintf("; trong tỷ lệ, xếp hạng %d/%d", c.rank, q.Candidates)
		}
		c.fact("%s", line)
	}
}

// ---- rule 3: CSTĐ cấp bộ, ngành ----

func (e *engine) cstdBo(ps *person) *check {
	c := &check{}
	n := max(1, e.p.int("cstd_bo.cstdcs_years"))
	from := e.y - n + 1
	e.chainYears(c, ps, AwardCSTDCS, from, e.y)
	min := e.p.scope("cstd_bo.initiative_scope")
	e.scopeInitiative(c, ps, from, e.y, min)
	return c
}

// chainYears requires the title code in every year from..to.
func (e *engine) chainYears(c *check, ps *person, code string, from, to int) {
	var rec, pend []int
	for z := from; z <= to; z++ {
		has, p, why := e.title(ps, z, code)
		switch {
		case has && p:
			pend = append(pend, z)
			c.pending = true
		case has:
			rec = append(rec, z)
		default:
			if why == "" && z == e.y {
				why = firstFail(ps.res[code])
			}
			c.fail("%s", e.missing(code, z, why))
		}
	}
	if len(rec)+len(pend) == to-from+1 {
		c.fact("%s", e.titleYears(code, rec, pend))
	}
}

// scopeInitiative requires one initiative at scope ≥ min recognised in
// from..to (a year that counts) that no other award has used: one
// achievement, one award. The condition itself uses none, so the same
// initiative may ground a later Bằng khen.
func (e *engine) scopeInitiative(c *check, ps *person, from, to int, min domain.InitiativeScope) {
	var notes []string
	for _, i := range ps.inits {
		in := e.inits[i]
		if in.Year < from || in.Year > to || in.Scope.Level() < min.Level() {
			continue
		}
		switch {
		case !ps.counts(in.Year):
			notes = append(notes, fmt.Sprintf("Sáng kiến “%s”: %s", in.Title, ps.voidNote(in.Year)))
		case e.usedBy[i] != "" && !e.releaseFromCSTDCS(ps, i):
			notes = append(notes, fmt.Sprintf("Sáng kiến “%s” (%d) đã dùng cho %s", in.Title, in.Year, e.usedBy[i]))
		default:
			c.fact("Sáng kiến %s, chưa dùng cho khen thưởng khác", e.initNames([]int{i}))
			return
		}
	}
	c.fail("Không có sáng kiến phạm vi %s trở lên công nhận trong %s chưa dùng cho khen thưởng khác", min.Label(), span(from, to))
	c.fails = append(c.fails, notes...)
}

// releaseFromCSTDCS frees initiative i when the only award using it is the
// person's CSTĐCS of this evaluation and another free initiative can ground
// that CSTĐCS instead; the CSTĐCS then rests on the other. A CSTĐCS that can
// rest only on i keeps it.
func (e *engine) releaseFromCSTDCS(ps *person, i int) bool {
	cs := ps.res[AwardCSTDCS]
	if cs == nil || len(cs.used) != 1 || cs.used[0] != i {
		return false
	}
	free, _ := e.freeInits(ps, e.y, e.y, e.p.scope("cstdcs.initiative_scope"))
	if len(free) == 0 {
		return false
	}
	j := free[0]
	old := cstdcsFact(e.initNames([]int{i}))
	for k, f := range cs.facts {
		if f == old {
			cs.facts[k] = cstdcsFact(e.initNames([]int{j}))
		}
	}
	delete(e.usedBy, i)
	cs.used = []int{j}
	e.use(ps, AwardCSTDCS, cs.used)
	return true
}

// cstdcsFact is the fact a CSTĐCS resting on an initiative states.
func cstdcsFact(names string) string {
	return "Sáng kiến " + names + ", chưa dùng cho khen thưởng khác"
}

// ---- rule 4: CSTĐ toàn quốc ----

func (e *engine) cstdTq(ps *person) *check {
	c := &check{}
	n := max(1, e.p.int("cstd_bo.cstdcs_years"))
	e.need(c, ps, e.y, AwardCSTDBo)
	e.need(c, ps, e.y-n, AwardCSTDBo)
	m := max(1, e.p.int("cstd_tq.initiative_years"))
	e.scopeInitiative(c, ps, e.y-m+1, e.y, e.p.scope("cstd_tq.initiative_scope"))
	return c
}

// ---- rule 5: Bằng khen cấp bộ, ngành (cá nhân) ----

func (e *engine) bkBo(ps *person) *check {
	c := &check{}
	n := max(1, e.p.int("bk_bo.years"))
	from := e.y - n + 1
	// Route HTXSNV in every year.
	var htxsMiss []string
	for z := from; z <= e.y; z++ {
		r, why := ps.rating(z)
		switch {
		case why != "":
			htxsMiss = append(htxsMiss, why)
		case r != domain.HTXSNV:
			htxsMiss = append(htxsMiss, fmt.Sprintf("Xếp loại năm %d: %s, không phải HTXSNV", z, r))
		}
	}
	// Route CSTĐCS in every year.
	cs := &check{}
	e.chainYears(cs, ps, AwardCSTDCS, from, e.y)
	switch {
	case len(htxsMiss) == 0:
		c.fact("Xếp loại HTXSNV các năm %s", span(from, e.y))
	case cs.ok():
		c.facts = append(c.facts, cs.facts...)
		c.pending = cs.pending
	default:
		c.fail("Không có CSTĐCS hoặc HTXSNV cả %d năm %s", n, span(from, e.y))
		c.fails = append(c.fails, cs.fails...)
		c.fails = append(c.fails, htxsMiss...)
	}
	need := e.p.int("bk_bo.person_initiatives")
	min := e.p.scope("bk_bo.initiative_scope")
	free, notes := e.freeInits(ps, from, e.y, min)
	if len(free) >= need {
		if need > 0 {
			c.fact("%d sáng kiến chưa dùng cho khen thưởng khác: %s", need, e.initNames(free[:need]))
		}
		if len(c.fails) == 0 {
			c.used = free[:need]
			e.use(ps, AwardBKBo, c.used)
		}
	} else {
		c.fail("Có %d sáng kiến, cần %d (phạm vi %s trở lên, công nhận trong %s, chưa dùng cho CSTĐCS hay khen thưởng khác)", len(free), need, min.Label(), span(from, e.y))
		c.fails = append(c.fails, notes...)
	}
	return c
}

// ---- rules 6 and 7: Bằng khen Thủ tướng, Huân chương Lao động hạng Ba ----

// serviceRule is "a base award in some year B ≤ Y−years, then every year
// B+1..Y rated ≥ minRating, with counts of HTXSNV, CSTĐCS or initiatives".
type serviceRule struct {
	award, base string
	years       int
	minRating   domain.Rating
	htxsnv      int // HTXSNV years needed (0: none)
	cstdcs      int // CSTĐCS titles needed (0: none)
	inits       int // initiatives needed instead of CSTĐCS (0: none)
	scope       domain.InitiativeScope
}

func (e *engine) bkTTG(ps *person) *check {
	r := serviceRule{award: AwardBKTTG, base: AwardBKBo, years: max(1, e.p.int("bk_ttg.years")), minRating: e.p.rating("bk_ttg.min_rating")}
	if n, ok := e.p.intOpt("bk_ttg.initiatives"); ok {
		r.inits, r.scope = n, e.p.scope("bk_ttg.initiative_scope")
	} else {
		r.cstdcs = e.p.int("bk_ttg.cstdcs_count")
	}
	return e.service(ps, r)
}

func (e *engine) hcld3(ps *person) *check {
	return e.service(ps, serviceRule{award: AwardHCLD3, base: AwardBKTTG, years: max(1, e.p.int("hcld3.years")),
		minRating: e.p.rating("hcld3.min_rating"), htxsnv: e.p.int("hcld3.htxsnv_count"), cstdcs: e.p.int("hcld3.cstdcs_count")})
}

func (e *engine) service(ps *person, r serviceRule) *check {
	last := e.y - r.years
	var bases []int
	var notes []string
	for z, m := range ps.awards {
		k, ok := m[r.base]
		switch {
		case !ok:
		case z > last:
			notes = append(notes, fmt.Sprintf("%s năm %d: chưa đủ %d năm đến năm %d", e.label(r.base, z), z, r.years, e.y))
		case k != domain.KindMerit:
			notes = append(notes, fmt.Sprintf("%s năm %d là khen thưởng %s, không tính vào chuỗi", e.label(r.base, z), z, strings.ToLower(k.Label())))
		case !ps.counts(z):
			notes = append(notes, fmt.Sprintf("%s năm %d: %s", e.label(r.base, z), z, ps.voidNote(z)))
		default:
			bases = append(bases, z)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(bases)))
	sort.Strings(notes)
	if len(bases) == 0 {
		c := &check{}
		c.fail("Chưa có %s (công trạng) từ năm %d trở về trước", e.label(r.base, last), last)
		c.fails = append(c.fails, notes...)
		return c
	}
	var first *check
	for _, b := range bases {
		c := e.serviceFrom(ps, r, b)
		if c.ok() {
			if r.inits > 0 {
				e.use(ps, r.award, c.used)
			}
			return c
		}
		if first == nil {
			first = c
		}
	}
	first.fails = append(first.fails, notes...)
	return first
}

func (e *engine) serviceFrom(ps *person, r serviceRule, b int) *check {
	c := &check{}
	c.fact("%s năm %d", e.label(r.base, b), b)
	var noRating, low []int
	var lowWhy []string
	voided := false
	htxs := 0
	for z := b + 1; z <= e.y; z++ {
		rt, ok := ps.ratings[z]
		switch {
		case !ps.counts(z):
			voided = true
		case !ok || rt.Rank() == 0:
			noRating = append(noRating, z)
		case rt.Rank() < r.minRating.Rank():
			low = append(low, z)
			lowWhy = append(lowWhy, fmt.Sprintf("Xếp loại năm %d: %s, cần từ %s trở lên", z, rt, r.minRating))
		}
		if ok && rt == domain.HTXSNV && ps.counts(z) {
			htxs++
		}
	}
	if voided {
		c.fail("Trong %s có năm không được tính: %s, thành tích chỉ tính từ năm %d", span(b+1, e.y), ps.voidWhy, ps.void+1)
	}
	if len(noRating) > 0 {
		c.fail("Chưa có xếp loại năm %s", joinInts(noRating))
	}
	c.fails = append(c.fails, lowWhy...)
	if !voided && len(noRating) == 0 && len(low) == 0 {
		c.fact("Xếp loại từ %s trở lên mọi năm %s", r.minRating, span(b+1, e.y))
	}
	if r.htxsnv > 0 {
		if htxs >= r.htxsnv {
			c.fact("Có %d năm HTXSNV trong %s", htxs, span(b+1, e.y))
		} else {
			c.fail("Có %d năm HTXSNV trong %s, cần %d", htxs, span(b+1, e.y), r.htxsnv)
		}
	}
	if r.cstdcs > 0 {
		var rec, pend []int
		for z := b + 1; z <= e.y; z++ {
			if has, p, _ := e.title(ps, z, AwardCSTDCS); has && p {
				pend = append(pend, z)
			} else if has {
				rec = append(rec, z)
			}
		}
		n := len(rec) + len(pend)
		if n >= r.cstdcs {
			c.fact("Có %d CSTĐCS trong %s: %s", n, span(b+1, e.y), e.titleYears(AwardCSTDCS, rec, pend))
			c.pending = len(rec) < r.cstdcs
		} else {
			c.fail("Có %d CSTĐCS trong %s, cần %d", n, span(b+1, e.y), r.cstdcs)
		}
	}
	if r.inits > 0 {
		free, notes := e.freeInits(ps, b+1, e.y, r.scope)
		if len(free) >= r.inits {
			c.fact("%d sáng kiến chưa dùng trong %s: %s", r.inits, span(b+1, e.y), e.initNames(free[:r.inits]))
			c.used = free[:r.inits]
		} else {
			c.fail("Có %d sáng kiến phạm vi %s trở lên chưa dùng trong %s, cần %d", len(free), r.scope.Label(), span(b+1, e.y), r.inits)
			c.fails = append(c.fails, notes...)
		}
	}
	return c
}

// ---- rule 8: Giấy khen (cá nhân) ----

func (e *engine) gk(ps *person) *check {
	c := &check{}
	min := e.p.rating("gk.min_rating")
	r, why := ps.rating(e.y)
	switch {
	case why != "":
		c.fail("%s", why)
	case r.Rank() < min.Rank():
		c.fail("Xếp loại năm %d: %s, cần từ %s trở lên", e.y, r, min)
	default:
		c.fact("Xếp loại năm %d: %s", e.y, r)
	}
	return c
}
