package domain

import "math"

// MovementKind is how an emulation movement (phong trào thi đua) runs.
type MovementKind string

const (
	MovementRegular  MovementKind = "THUONG_XUYEN" // Thường xuyên: the yearly movement
	MovementThematic MovementKind = "CHUYEN_DE"    // Chuyên đề / theo đợt: a time-bound movement
)

// Label is the Vietnamese wording.
func (k MovementKind) Label() string {
	if k == MovementThematic {
		return "Chuyên đề, theo đợt"
	}
	return "Thường xuyên"
}

// ReviewKind is a milestone review of a movement.
type ReviewKind string

const (
	ReviewInterim ReviewKind = "SO_KET"   // Sơ kết
	ReviewFinal   ReviewKind = "TONG_KET" // Tổng kết
)

// Label is the Vietnamese wording.
func (k ReviewKind) Label() string {
	if k == ReviewFinal {
		return "Tổng kết"
	}
	return "Sơ kết"
}

// MovementReview is a milestone of a movement (e.g. the 2025 interim review
// of the Resolution 28 movement).
type MovementReview struct {
	Year int
	Kind ReviewKind
	Note string
}

// Target is a quantified target (chỉ tiêu) of a movement.
type Target struct {
	ID           int64
	MovementID   int64
	Name         string // "Tỷ lệ bao phủ BHYT"
	Unit         string // đơn vị tính: "%", "tỷ đồng", "ngày", "người"
	HigherBetter bool   // false for arrears ratio, processing time
	SortOrder    int
}

// Achieved is the percentage of the plan reached, read in the target's
// direction: for a higher-is-better target actual/planned, for a
// lower-is-better one planned/actual (doing it in 4 days against 5 planned
// is 125%). met reports whether the commitment was kept.
func (t Target) Achieved(planned, actual float64) (pct float64, met bool) {
	if t.HigherBetter {
		met = actual >= planned
		if planned == 0 {
			return 100, met
		}
		return 100 * actual / planned, met
	}
	met = actual <= planned
	if actual == 0 {
		if planned == 0 {
			return 100, true
		}
		return 200, true // nothing left of a lower-is-better quantity: best possible, shown as 200%
	}
	return 100 * planned / actual, met
}

// Movement is an emulation movement (phong trào thi đua).
type Movement struct {
	ID       int64
	Name     string
	DocNo    string // số văn bản phát động
	DocDate  Date
	Issuer   string
	Kind     MovementKind
	FromYear int
	ToYear   int  // 0: open
	Own      bool // launched by the office itself (false: by the centre)
	Reviews  []MovementReview
	Targets  []Target
}

// Covers reports whether the movement runs in year y.
func (m Movement) Covers(y int) bool {
	return y >= m.FromYear && (m.ToYear == 0 || y <= m.ToYear)
}

// Registration is what a subject registers for a year (đăng ký thi đua):
// the titles and forms aimed for.
type Registration struct {
	Year    int
	Subject Subject
	Awards  []string // catalogue codes
	Note    string
}

// TargetValue is a collective's commitment to a target for a year and,
// at year end, the result.
type TargetValue struct {
	Year      int
	UnitCode  string
	TargetID  int64
	Planned   float64
	Actual    float64
	HasActual bool
}

// ClusterRole is an office's role in its emulation cluster for a year.
type ClusterRole string

const (
	RoleMember ClusterRole = ""
	RoleLeader ClusterRole = "TRUONG" // Cụm trưởng
	RoleDeputy ClusterRole = "PHO"    // Cụm phó
)

// ClusterMember is an office of the cluster.
type ClusterMember struct {
	Name     string // "Bảo hiểm xã hội tỉnh Quảng Ninh"
	Own      bool   // this office
	Role     ClusterRole
	Total    float64 // the member's total score for the year, for the ranking
	HasTotal bool
}

// Cluster is the emulation cluster (cụm thi đua) of the office for a year,
// with the pact its members signed (giao ước thi đua).
type Cluster struct {
	ID      int64
	Year    int
	Name    string
	Members []ClusterMember
	Pact    string
}

// ScoringMethod is how a criterion of the scoring table is scored.
type ScoringMethod string

const (
	MethodProportional ScoringMethod = "TY_LE"    // proportional to % of target, with a cap
	MethodPassFail     ScoringMethod = "DAT"      // all or nothing
	MethodBonus        ScoringMethod = "THUONG"   // bonus points 0..max
	MethodPenalty      ScoringMethod = "TRU"      // penalty points -max..0
	MethodManual       ScoringMethod = "THU_CONG" // any score 0..max
)

// Label is the Vietnamese wording.
func (m ScoringMethod) Label() string {
	switch m {
	case MethodProportional:
		return "Theo tỷ lệ hoàn thành"
	case MethodPassFail:
		return "Đạt / không đạt"
	case MethodBonus:
		return "Điểm thưởng"
	case MethodPenalty:
		return "Điểm trừ"
	case MethodManual:
		return "Chấm trực tiếp"
	}
	return string(m)
}

// Criterion is a node of the scoring table (bảng chấm điểm): a group when
// it has children, else a scored criterion.
type Criterion struct {
	ID         int64
	Year       int
	Code       string // "I", "I.1", "I.1.a": its place in the tree
	ParentCode string
	Name       string
	MaxPoints  float64
	Method     ScoringMethod
	TargetID   int64   // proportional: the target whose % drives the score
	CapPercent float64 // proportional: % above which no more points (default 100)
	SortOrder  int
}

// Bounds gives the lowest and highest score the criterion allows.
func (c Criterion) Bounds() (lo, hi float64) {
	if c.Method == MethodPenalty {
		return -c.MaxPoints, 0
	}
	return 0, c.MaxPoints
}

// Suggest is the score the method gives for a target achieved at pct
// (proportional) or a pass (pass/fail); other methods suggest nothing.
func (c Criterion) Suggest(pct float64, passed bool) (float64, bool) {
	switch c.Method {
	case MethodProportional:
		capPct := c.CapPercent
		if capPct <= 0 {
			capPct = 100
		}
		p := math.Max(0, math.Min(pct, capPct))
		return math.Min(c.MaxPoints, round2(c.MaxPoints*p/100)), true
	case MethodPassFail:
		if passed {
			return c.MaxPoints, true
		}
		return 0, true
	}
	return 0, false
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// SelfScore is the office's own score of a criterion, with its evidence.
type SelfScore struct {
	Year        int
	Code        string // criterion code
	Score       float64
	Note        string
	Attachments []string // file names kept with the database
}
