package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"tdkt/internal/domain"
)

// Award codes of rules.md, as the engine knows them.
const (
	AwardLDTT   = "LDTT"
	AwardCSTDCS = "CSTDCS"
	AwardCSTDBo = "CSTD_BO"
	AwardCSTDTQ = "CSTD_TQ"
	AwardTTLDTT = "TTLDTT"
	AwardTTLDXS = "TTLDXS"
	AwardCoBo   = "CO_BO"
	AwardCoCP   = "CO_CP"
	AwardGK     = "GK"
	AwardBKBo   = "BK_BO"
	AwardBKTTG  = "BK_TTG"
	AwardHCLD3  = "HCLD3"
)

// params reads the catalogue for one evaluation: the regime's row, else the
// general row, else DefaultCatalogue's (a database made before a
// parameter was added still evaluates with the shipped default).
type params struct {
	cat, def Catalogue
	regime   string
	day      domain.Date
	memo     map[string]string
}

func (p params) str(key string) string {
	if v, ok := p.memo[key]; ok {
		return v
	}
	v := p.lookup(key)
	if p.memo != nil {
		p.memo[key] = v
	}
	return v
}

func (p params) lookup(key string) string {
	if v, ok := p.cat.Param(key, p.regime, p.day); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	if v, ok := p.def.Param(key, p.regime, p.day); ok {
		return v
	}
	return ""
}

func (p params) fallback(key string) string {
	if v, ok := p.def.Param(key, p.regime, p.day); ok {
		return v
	}
	return ""
}

// int reads a non-negative integer; an unreadable value falls back.
func (p params) int(key string) int {
	if n, err := strconv.Atoi(p.str(key)); err == nil && n >= 0 {
		return n
	}
	n, _ := strconv.Atoi(p.fallback(key))
	return n
}

// intOpt reads an integer that may be absent (0, false).
func (p params) intOpt(key string) (int, bool) {
	v, ok := p.cat.Param(key, p.regime, p.day)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	return n, err == nil && n > 0
}

func (p params) bool(key string) bool { return strings.EqualFold(p.str(key), "true") }

func (p params) rating(key string) domain.Rating {
	r := domain.Rating(strings.ToUpper(p.str(key)))
	if r.Rank() > 0 {
		return r
	}
	return domain.Rating(p.fallback(key))
}

func (p params) scope(key string) domain.InitiativeScope {
	s := domain.InitiativeScope(strings.ToUpper(p.str(key)))
	if s.Level() > 0 {
		return s
	}
	return domain.InitiativeScope(p.fallback(key))
}

func (p params) form(key string) domain.DisciplineForm {
	f := domain.DisciplineForm(strings.ToUpper(p.str(key)))
	if f.Severity() > 0 {
		return f
	}
	return domain.DisciplineForm(p.fallback(key))
}

// cutoff is the last recruitment day that still allows LĐTT in year y
// (ldtt.recruited_by, "MM-DD").
func (p params) cutoff(y int) domain.Date {
	for _, v := range []string{p.str("ldtt.recruited_by"), p.fallback("ldtt.recruited_by")} {
		var m, d int
		if _, err := fmt.Sscanf(v, "%d-%d", &m, &d); err == nil {
			if dd, err := domain.ValidDate(y, m, d); err == nil {
				return dd
			}
		}
	}
	return domain.NewDate(y, time.July, 1)
}

// abbreviations are the titles people name by their usual short form, as
// the law's own guidance does; every other award is named in full by the
// catalogue's authority data for the year, so that a reason never prints a
// category ("Bằng khen cấp bộ, ngành") where the law has a name ("Bằng khen
// của Bộ trưởng Bộ Tài chính").
var abbreviations = map[string]string{
	AwardLDTT:   "LĐTT",
	AwardCSTDCS: "CSTĐCS",
	AwardTTLDTT: "TTLĐTT",
	AwardTTLDXS: "TTLĐXS",
}

// ShortName names an award of year z in a reason or a warning: its
// abbreviation, or its full name when the awards of z are decided (a Bằng
// khen of 2024 is the Tổng Giám đốc's, one of 2025 the Minister of
// Finance's).
func (c Catalogue) ShortName(code string, z int) string {
	if l, ok := abbreviations[code]; ok {
		return l
	}
	return c.ConferredBy(code, domain.AwardsDecidedFrom(z)).FullName
}

// label is ShortName, remembered for the evaluation: reasons name the same
// few awards thousands of times.
func (e *engine) label(code string, z int) string {
	key := labelKey{code, z}
	if l, ok := e.labels[key]; ok {
		return l
	}
	l := e.p.cat.ShortName(code, z)
	e.labels[key] = l
	return l
}

type labelKey struct {
	code string
	year int
}

// span is "2023–2025", or "2025" for one year.
func span(from, to int) string {
	if from == to {
		return strconv.Itoa(from)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

// pct formats n/d as a percentage with a Vietnamese decimal comma.
func pct(n, d int) string {
	if d == 0 {
		return "0%"
	}
	if n*100%d == 0 {
		return fmt.Sprintf("%d%%", n*100/d)
	}
	s := strconv.FormatFloat(float64(n)*100/float64(d), 'f', 1, 64)
	return strings.Replace(s, ".", ",", 1) + "%"
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}
