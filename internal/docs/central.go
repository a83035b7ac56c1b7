package docs

import (
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tdkt/internal/domain"
)

// The centre's consolidation (báo cáo tổng hợp) of the packages the
// offices sent for a year: per office and per award the nominations with
// their verdicts and votes, the nationwide counts, and the emulation
// clusters ranked by the offices' self-assessment totals. Built here as
// data from the rows the centre loaded; internal/xlsx writes it.

// CentralNomination is one nomination as the centre received it.
type CentralNomination struct {
	ID            int64 // the centre's id, which decisions name
	Ref           int64 // the province's nominee id
	UnitCode      string
	UnitName      string
	Subject       domain.SubjectKind
	Code          string // staff code or unit code in the office
	CCCD          string
	Name          string
	Award         string
	AwardName     string
	Eligible      bool
	Reasons       []string
	Justification string
	Voted         bool
	For           int
	Against       int
	Abstain       int
	Pct           float64 // of all council members
	Passed        bool
	Decision      domain.NomineeDecision // "" until the centre decides
	DecisionNote  string
	// Own marks an award the office's director confers: the centre counts
	// it with the office's own decisions, never among the proposals.
	Own bool
}

// CentralOwnDecision is one of an office's own decisions as its package
// reported it.
type CentralOwnDecision struct {
	UnitCode  string
	UnitName  string
	Award     string
	AwardName string
	Number    string
	Date      domain.Date
	Signer    string
	Count     int
}

// OwnAward is what an office decided itself for one award: how many its
// council passed and the director's decision, when the office has recorded
// it (Number empty: not yet).
type OwnAward struct {
	UnitCode  string
	UnitName  string
	Award     string
	AwardName string
	Passed    int // passed by the office's council
	Number    string
	Date      domain.Date
	Signer    string
	Count     int // conferred by the decision
}

// CentralAssessment is an office's self-assessment total for the year.
type CentralAssessment struct {
	UnitCode string
	UnitName string
	Cluster  string
	Total    float64
	Max      float64
}

// CentralReportInput is what the consolidation is built from: only the
// current packages' rows (a superseded package does not count).
type CentralReportInput struct {
	Year         int
	Centre       string      // the centre's name
	Date         domain.Date // of the report
	AwardOrder   []string    // catalogue order of award codes
	Nominations  []CentralNomination
	OwnDecisions []CentralOwnDecision
	Assessments  []CentralAssessment
}

// AwardCount counts the nominations of one award.
type AwardCount struct {
	Award       string
	AwardName   string
	Nominations int
	Eligible    int
	Passed      int // by the office's council
	Granted     int // by the centre
	Refused     int
}

func (c *AwardCount) add(n CentralNomination) {
	c.Nominations++
	if n.Eligible {
		c.Eligible++
	}
	if n.Passed {
		c.Passed++
	}
	switch n.Decision {
	case domain.DecisionGranted:
		c.Granted++
	case domain.DecisionRefused:
		c.Refused++
	}
}

// OfficeSummary is one office's line of the consolidation.
type OfficeSummary struct {
	UnitCode string
	UnitName string
	Total    AwardCount   // all awards together (Award empty)
	Awards   []AwardCount // in catalogue order, only awards nominated
}

// ClusterRank is one office's place in its emulation cluster.
type ClusterRank struct {
	Rank     int // 1 = best; equal totals share a rank
	UnitCode string
	UnitName string
	Total    float64
	Max      float64
}

// ClusterRanking is one emulation cluster (cụm thi đua) ranked by total.
type ClusterRanking struct {
	Cluster string // "" for the offices that named no cluster
	Offices []ClusterRank
}

// NoCluster is how an office that named no cluster is grouped.
const NoCluster = "(Chưa khai báo cụm thi đua)"

// CentralReport is the consolidation of a year.
type CentralReport struct {
	Year        int
	Centre      string
	Date        domain.Date
	Offices     []OfficeSummary     // by office code
	Awards      []AwardCount        // nationwide, in catalogue order
	Total       AwardCount          // nationwide, all awards
	Nominations []CentralNomination // proposals up, by office, then collectives before people, award order, name
	// Own are the awards the offices decided themselves, by office and
	// award: statistics, apart from the proposals.
	Own      []OwnAward
	Clusters []ClusterRanking // by cluster name, the unnamed last
}

// BuildCentralReport consolidates the current packages of a year.
func BuildCentralReport(in CentralReportInput) CentralReport {
	r := CentralReport{Year: in.Year, Centre: in.Centre, Date: in.Date}
	order := map[string]int{}
	for i, a := range in.AwardOrder {
		order[a] = i
	}
	rank := func(a string) int {
		if i, ok := order[a]; ok {
			return i
		}
		return len(order)
	}
	col := collate.New(language.Vietnamese)
	var ns []CentralNomination
	var own []CentralNomination
	for _, n := range in.Nominations {
		if n.Own {
			own = append(own, n)
		} else {
			ns = append(ns, n)
		}
	}
	r.Own = ownAwards(own, in.OwnDecisions, rank)
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i], ns[j]
		switch {
		case a.UnitCode != b.UnitCode:
			return a.UnitCode < b.UnitCode
		case a.Subject != b.Subject:
			return a.Subject == domain.SubjectCollective
		case rank(a.Award) != rank(b.Award):
			return rank(a.Award) < rank(b.Award)
		case a.Award != b.Award:
			return a.Award < b.Award
		}
		if c := col.CompareString(givenFirst(a.Name), givenFirst(b.Name)); c != 0 {
			return c < 0
		}
		return a.Ref < b.Ref
	})
	r.Nominations = ns

	offices := map[string]*OfficeSummary{}
	officeAwards := map[string]map[string]*AwardCount{}
	nation := map[string]*AwardCount{}
	for _, n := range ns {
		o := offices[n.UnitCode]
		if o == nil {
			o = &OfficeSummary{UnitCode: n.UnitCode, UnitName: n.UnitName}
			offices[n.UnitCode] = o
			officeAwards[n.UnitCode] = map[string]*AwardCount{}
		}
		o.Total.add(n)
		r.Total.add(n)
		for _, m := range []map[string]*AwardCount{officeAwards[n.UnitCode], nation} {
			c := m[n.Award]
			if c == nil {
				c = &AwardCount{Award: n.Award, AwardName: n.AwardName}
				m[n.Award] = c
			}
			c.add(n)
		}
	}
	// An office that sent an assessment or its own decisions but no
	// proposal still appears.
	for _, a := range in.Assessments {
		if offices[a.UnitCode] == nil {
			offices[a.UnitCode] = &OfficeSummary{UnitCode: a.UnitCode, UnitName: a.UnitName}
		}
	}
	for _, a := range r.Own {
		if offices[a.UnitCode] == nil {
			offices[a.UnitCode] = &OfficeSummary{UnitCode: a.UnitCode, UnitName: a.UnitName}
		}
	}
	sortCounts := func(m map[string]*AwardCount) []AwardCount {
		out := make([]AwardCount, 0, len(m))
		for _, c := range m {
			out = append(out, *c)
		}
		sort.Slice(out, func(i, j int) bool {
			if rank(out[i].Award) != rank(out[j].Award) {
				return rank(out[i].Award) < rank(out[j].Award)
			}
			return out[i].Award < out[j].Award
		})
		return out
	}
	for _, o := range offices {
		o.Awards = sortCounts(officeAwards[o.UnitCode])
		r.Offices = append(r.Offices, *o)
	}
	sort.Slice(r.Offices, func(i, j int) bool { return r.Offices[i].UnitCode < r.Offices[j].UnitCode })
	r.Awards = sortCounts(nation)
	r.Clusters = RankClusters(in.Assessments)
	return r
}

// ownAwards joins, by office and award, the own nominations the offices'
// councils passed with the decisions the offices reported.
func ownAwards(ns []CentralNomination, ds []CentralOwnDecision, rank func(string) int) []OwnAward {
	type key struct{ unit, award string }
	idx := map[key]int{}
	var out []OwnAward
	at := func(unit, unitName, award, awardName string) *OwnAward {
		k := key{unit, award}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, OwnAward{UnitCode: unit, UnitName: unitName, Award: award, AwardName: awardName})
		}
		return &out[i]
	}
	for _, n := range ns {
		if n.Passed {
			at(n.UnitCode, n.UnitName, n.Award, n.AwardName).Passed++
		}
	}
	for _, d := range ds {
		a := at(d.UnitCode, d.UnitName, d.Award, d.AwardName)
		a.Number, a.Date, a.Signer, a.Count = d.Number, d.Date, d.Signer, d.Count
		if a.AwardName == "" {
			a.AwardName = d.AwardName
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.UnitCode != b.UnitCode {
			return a.UnitCode < b.UnitCode
		}
		if rank(a.Award) != rank(b.Award) {
			return rank(a.Award) < rank(b.Award)
		}
		return a.Award < b.Award
	})
	return out
}

// RankClusters groups the offices by cluster and ranks each group by
// total, highest first; equal totals share a rank (1, 2, 2, 4).
func RankClusters(as []CentralAssessment) []ClusterRanking {
	groups := map[string][]CentralAssessment{}
	for _, a := range as {
		k := strings.TrimSpace(a.Cluster)
		groups[k] = append(groups[k], a)
	}
	names := make([]string, 0, len(groups))
	for k := range groups {
		names = append(names, k)
	}
	col := collate.New(language.Vietnamese)
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "") != (names[j] == "") {
			return names[j] == ""
		}
		return col.CompareString(names[i], names[j]) < 0
	})
	var out []ClusterRanking
	for _, k := range names {
		g := groups[k]
		sort.SliceStable(g, func(i, j int) bool {
			if g[i].Total != g[j].Total {
				return g[i].Total > g[j].Total
			}
			return g[i].UnitCode < g[j].UnitCode
		})
		cr := ClusterRanking{Cluster: k}
		for i, a := range g {
			rk := i + 1
			if i > 0 && a.Total == g[i-1].Total {
				rk = cr.Offices[i-1].Rank
			}
			cr.Offices = append(cr.Offices, ClusterRank{Rank: rk, UnitCode: a.UnitCode, UnitName: a.UnitName, Total: a.Total, Max: a.Max})
		}
		out = append(out, cr)
	}
	return out
}

// givenFirst reorders a Vietnamese name for sorting: given name, middle,
// family name.
func givenFirst(full string) string {
	fam, mid, given := domain.NameParts(full)
	return strings.TrimSpace(given + " " + mid + " " + fam)
}
