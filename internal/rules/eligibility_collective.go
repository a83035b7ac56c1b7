package rules

import (
	"fmt"
	"strings"

	"tdkt/internal/domain"
)

// Collective rules 9–14 of rules.md. A collective's members are the people
// assigned on 31 December to the unit or to any unit below it.

func (e *engine) collectiveVerdict(u *unit, a AwardType) Verdict {
	v := Verdict{Subject: domain.UnitSubject(u.Code), Name: u.Name, Award: a.Code, Year: e.y, Regime: e.regime}
	var c *check
	switch a.Code {
	case AwardTTLDTT:
		c = e.ttldtt(u)
	case AwardTTLDXS:
		c = e.ttldxs(u)
	case AwardBKBo:
		c = e.unitBkBo(u)
	case AwardCoBo:
		c = e.coBo(u)
	case AwardBKTTG:
		c = e.unitBkTTG(u)
	case AwardGK:
		c = e.unitGK(u)
	default:
		c = &check{}
		c.fail("Chưa có tiêu chuẩn xét tự động cho %s (tập thể); Hội đồng thi đua, khen thưởng xét trực tiếp", e.label(a.Code, e.y))
	}
	return e.finish(v, c)
}

func (e *engine) unitRating(code string, z int) (domain.Rating, bool) {
	r, ok := e.h.UnitRatings[code][z]
	return r, ok && r.Rank() > 0
}

// ratingAtLeast adds "collective rating of year z ≥ min" to c.
func (e *engine) ratingAtLeast(c *check, u *unit, z int, min domain.Rating) {
	r, ok := e.unitRating(u.Code, z)
	switch {
	case !ok:
		c.fail("Tập thể chưa có xếp loại năm %d", z)
	case r.Rank() < min.Rank() && min == domain.HTXSNV:
		c.fail("Xếp loại tập thể năm %d: %s, cần HTXSNV", z, r)
	case r.Rank() < min.Rank():
		c.fail("Xếp loại tập thể năm %d: %s, cần từ %s trở lên", z, r, min)
	default:
		c.fact("Xếp loại tập thể năm %d: %s", z, r)
	}
}

func memberName(p *person) string { return strings.TrimSpace(p.StaffCode + " " + p.FullName) }

// ldttShare counts the members holding LĐTT(Y): with the titles this
// evaluation finds eligible, and on recorded titles alone.
func (e *engine) ldttShare(u *unit) (all, recorded int) {
	for _, m := range u.members {
		if has, pend, _ := e.title(m, e.y, AwardLDTT); has {
			all++
			if !pend {
				recorded++
			}
		}
	}
	return all, recorded
}

// warned lists the members under a discipline of form ≥ min during Y.
func (e *engine) warned(u *unit, min domain.DisciplineForm) []string {
	var out []string
	for _, m := range u.members {
		for _, d := range m.discs {
			if d.Form.Severity() >= min.Severity() && d.InEffectDuring(e.y) {
				out = append(out, fmt.Sprintf("Thành viên %s bị %s, có hiệu lực trong năm %d", memberName(m), describeDiscipline(d), e.y))
				break
			}
		}
	}
	return out
}

// ---- rule 9: Tập thể lao động tiên tiến ----

func (e *engine) ttldtt(u *unit) *check {
	c := &check{}
	e.ratingAtLeast(c, u, e.y, e.p.rating("ttldtt.min_rating"))
	n := len(u.members)
	percent := e.p.int("ttldtt.ldtt_percent")
	all, rec := e.ldttShare(u)
	switch {
	case n == 0:
		c.fail("Không có thành viên vào ngày 31/12/%d", e.y)
	case all*100 > percent*n:
		c.fact("Tỷ lệ LĐTT %s (%d/%d thành viên), trên %d%%", pct(all, n), all, n, percent)
		c.pending = rec*100 <= percent*n
	default:
		c.fail("Tỷ lệ LĐTT %s (%d/%d thành viên), cần > %d%%", pct(all, n), all, n, percent)
	}
	form := e.p.form("ttldtt.discipline_form")
	if w := e.warned(u, form); len(w) > 0 {
		c.fails = append(c.fails, w...)
	} else if n > 0 {
		c.fact("Không có thành viên bị kỷ luật từ %s trở lên trong năm %d", strings.ToLower(form.Label()), e.y)
	}
	return c
}

// ---- rule 10: Tập thể lao động xuất sắc ----

func (e *engine) ttldxs(u *unit) *check {
	c := &check{}
	e.ratingAtLeast(c, u, e.y, domain.HTXSNV)
	n := len(u.members)
	if n == 0 {
		c.fail("Không có thành viên vào ngày 31/12/%d", e.y)
		return c
	}
	minR := e.p.rating("ttldxs.member_min_rating")
	var below []string
	for _, m := range u.members {
		r, ok := m.ratings[e.y]
		switch {
		case !ok || r.Rank() == 0:
			below = append(below, fmt.Sprintf("Thành viên %s chưa có xếp loại năm %d", memberName(m), e.y))
		case r.Rank() < minR.Rank():
			below = append(below, fmt.Sprintf("Thành viên %s xếp loại năm %d: %s, cần từ %s trở lên", memberName(m), e.y, r, minR))
		}
	}
	if len(below) > 0 {
		c.fails = append(c.fails, below...)
	} else {
		c.fact("Mọi thành viên (%d) xếp loại năm %d từ %s trở lên", n, e.y, minR)
	}
	percent := e.p.int("ttldxs.ldtt_percent")
	all, rec := e.ldttShare(u)
	if all*100 >= percent*n {
		c.fact("Tỷ lệ LĐTT %s (%d/%d thành viên), từ %d%% trở lên", pct(all, n), all, n, percent)
		c.pending = c.pending || rec*100 < percent*n
	} else {
		c.fail("Tỷ lệ LĐTT %s (%d/%d thành viên), cần ≥ %d%%", pct(all, n), all, n, percent)
	}
	need := max(1, e.p.int("ttldxs.cstdcs_members"))
	var stars []string
	recStars := 0
	for _, m := range u.members {
		if has, pend, _ := e.title(m, e.y, AwardCSTDCS); has {
			stars = append(stars, m.StaffCode)
			if !pend {
				recStars++
			}
		}
	}
	if len(stars) >= need {
		shown := stars
		if len(shown) > 5 {
			shown = append(append([]string(nil), shown[:5]...), "…")
		}
		c.fact("%d thành viên đạt CSTĐCS năm %d (%s)", len(stars), e.y, strings.Join(shown, ", "))
		c.pending = c.pending || recStars < need
	} else {
		c.fail("Có %d thành viên đạt CSTĐCS năm %d, cần %d", len(stars), e.y, need)
	}
	if e.p.bool("ttldxs.discipline_clause") {
		form := e.p.form("ttldtt.discipline_form")
		if w := e.warned(u, form); len(w) > 0 {
			c.fails = append(c.fails, w...)
		} else {
			c.fact("Không có thành viên bị kỷ luật từ %s trở lên trong năm %d", strings.ToLower(form.Label()), e.y)
		}
	}
	return c
}

// ---- rule 11: Bằng khen cấp bộ, ngành (tập thể) ----

func (e *engine) unitBkBo(u *unit) *check {
	c := &check{}
	n := max(1, e.p.int("bk_bo.collective_years"))
	for z := e.y - n + 1; z <= e.y; z++ {
		e.ratingAtLeast(c, u, z, domain.HTXSNV)
	}
	return c
}

// ---- rule 12: Cờ thi đua cấp bộ, ngành ----

func (e *engine) coBo(u *unit) *check {
	c := &check{}
	e.ratingAtLeast(c, u, e.y, domain.HTXSNV)
	want := max(1, e.p.int("co_bo.cluster_rank"))
	rank, ok := e.h.ClusterRank[u.Code]
	switch {
	case !ok || rank <= 0:
		c.fail("Chưa có kết quả xếp hạng cụm thi đua năm %d", e.y)
	case rank > want && want == 1:
		c.fail("Xếp hạng cụm thi đua năm %d: thứ %d, cần dẫn đầu cụm", e.y, rank)
	case rank > want:
		c.fail("Xếp hạng cụm thi đua năm %d: thứ %d, cần trong %d hạng đầu", e.y, rank, want)
	default:
		c.fact("Xếp hạng cụm thi đua năm %d: thứ %d", e.y, rank)
	}
	return c
}

// ---- rule 13: Bằng khen Thủ tướng (tập thể) ----

func (e *engine) unitBkTTG(u *unit) *check {
	years := max(1, e.p.int("bk_ttg.years"))
	minR := e.p.rating("bk_ttg.collective_rating")
	last := e.y - years
	var bases []int
	var notes []string
	for _, a := range e.h.Awards {
		if a.Subject.Kind != domain.SubjectCollective || a.Subject.Code != u.Code || a.AwardCode != AwardBKBo || a.Year > e.y {
			continue
		}
		switch {
		case a.Year > last:
			notes = append(notes, fmt.Sprintf("%s năm %d: chưa đủ %d năm đến năm %d", e.label(AwardBKBo, a.Year), a.Year, years, e.y))
		case a.Kind != "" && a.Kind != domain.KindMerit:
			notes = append(notes, fmt.Sprintf("%s năm %d là khen thưởng %s, không tính vào chuỗi", e.label(AwardBKBo, a.Year), a.Year, strings.ToLower(a.Kind.Label())))
		default:
			bases = append(bases, a.Year)
		}
	}
	if len(bases) == 0 {
		c := &check{}
		c.fail("Chưa có %s (công trạng) từ năm %d trở về trước", e.label(AwardBKBo, last), last)
		c.fails = append(c.fails, notes...)
		return c
	}
	var first *check
	for _, b := range descending(bases) {
		c := &check{}
		c.fact("%s năm %d", e.label(AwardBKBo, b), b)
		var none []int
		for z := b + 1; z <= e.y; z++ {
			r, ok := e.unitRating(u.Code, z)
			switch {
			case !ok:
				none = append(none, z)
			case r.Rank() < minR.Rank():
				c.fail("Xếp loại tập thể năm %d: %s, cần từ %s trở lên", z, r, minR)
			}
		}
		if len(none) > 0 {
			c.fail("Tập thể chưa có xếp loại năm %s", joinInts(none))
		}
		if c.ok() {
			c.fact("Xếp loại tập thể từ %s trở lên mọi năm %s", minR, span(b+1, e.y))
			return c
		}
		if first == nil {
			first = c
		}
	}
	first.fails = append(first.fails, notes...)
	return first
}

func descending(xs []int) []int {
	out := append([]int(nil), xs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] > out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	// drop repeats
	k := 0
	for i, x := range out {
		if i == 0 || x != out[k-1] {
			out[k] = x
			k++
		}
	}
	return out[:k]
}

// ---- rule 14: Giấy khen (tập thể) ----

func (e *engine) unitGK(u *unit) *check {
	c := &check{}
	e.ratingAtLeast(c, u, e.y, e.p.rating("gk.min_rating"))
	return c
}
