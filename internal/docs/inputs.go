package docs

import "tdkt/internal/domain"

// The inputs of the year's documents: everything a document says,
// gathered by the service from the store, so that building the document
// (and its spreadsheet twin) is a pure function of data.

// AwardName pairs a catalogue code with its display name.
type AwardName struct {
	Code string
	Name string
}

// TargetLine is one target of a collective for the year.
type TargetLine struct {
	Year      int // the year of the commitment and result (0: the document's year)
	Target    domain.Target
	Movement  string // movement name
	Planned   float64
	Actual    float64
	HasActual bool
}

// CollectiveEntry is the registration of one collective.
type CollectiveEntry struct {
	Unit    domain.Unit
	Awards  []AwardName
	Targets []TargetLine
	Note    string
}

// IndividualEntry is the registration of one person.
type IndividualEntry struct {
	Person   domain.Person
	UnitName string
	Awards   []AwardName
	Note     string
}

// RegistrationInput is the office's "Bản đăng ký thi đua năm Y".
type RegistrationInput struct {
	Profile     domain.OfficeProfile
	Year        int
	Date        domain.Date // date printed on the document
	Number      int         // document number (0: left blank for the văn thư)
	Movements   []domain.Movement
	Collectives []CollectiveEntry // the office first, then its units in tree order
	Individuals []IndividualEntry // grouped by unit (tree order), then the Vietnamese name order
}

// RatingCount is how many people (or collectives) got each rating.
type RatingCount struct {
	Rating domain.Rating
	People int
	Units  int
}

// AssessmentInput is the "Báo cáo tự đánh giá, chấm điểm thi đua năm Y".
type AssessmentInput struct {
	Profile domain.OfficeProfile
	Year    int
	Date    domain.Date
	Number  int
	Cluster domain.Cluster
	// Sheet is the scoring table with the office's scores and totals:
	// the same computation the screen and the package use.
	Sheet   domain.ScoreSheet
	Targets []TargetLine // the office's own targets
	Ratings []RatingCount
	Unrated int // people without a rating for the year
}

// MovementReviewInput is a movement's targets over all its years, side by
// side, for an interim or final review (sơ kết, tổng kết).
type MovementReviewInput struct {
	Profile  domain.OfficeProfile
	Movement domain.Movement
	Years    []int
	UnitCode string // the collective whose targets are shown (the office)
	// Values[targetID][year] is that year's commitment and result.
	Values map[int64]map[int]domain.TargetValue
	Date   domain.Date
}

// PeriodAwardRow counts the conferrals of one award in each year of a
// period, from the history: the people and the collectives apart.
type PeriodAwardRow struct {
	Code, Name string
	Level      string // Cơ sở / Bộ, ngành / Nhà nước (catalogue)
	// Own: the office's director confers it; otherwise a body above.
	Own bool
	// People[i] and Collectives[i] are the counts of Years[i].
	People, Collectives []int
}

// PeriodScopeRow counts the initiatives recognised at one scope in each
// year of a period.
type PeriodScopeRow struct {
	Scope  domain.InitiativeScope
	Counts []int // by year, as Years
}

// PeriodMovementRow is one movement's target achievement in each year of
// a period it ran in: targets met of targets measured (0/0 a year it did
// not run or had no result).
type PeriodMovementRow struct {
	Name          string
	Met, Measured []int // by year, as Years
}

// PeriodInput is the review of an emulation period (báo cáo tổng kết
// phong trào thi đua giai đoạn …): its figures computed from the history,
// year by year, and its narrative sections as the clerk edited them.
type PeriodInput struct {
	Profile domain.OfficeProfile
	Period  domain.Period
	Date    domain.Date // date printed on the report
	Years   []int       // the period's years, oldest first
	Awards  []PeriodAwardRow
	// Initiatives by scope, narrowest first.
	Initiatives []PeriodScopeRow
	Movements   []PeriodMovementRow
	// ClusterRanks[i] is the office's place in its emulation cluster in
	// Years[i] (0: not ranked).
	ClusterRanks []int
	// The narrative sections, drafted from the figures and edited:
	// results, lessons learnt, directions for the next period.
	Results, Lessons, Directions string
	Models                       []domain.ExemplaryCandidate // the selected exemplary models, if any
}

// CentralModel is an office's exemplary model as the centre lists it.
type CentralModel struct {
	UnitCode, UnitName string // the office
	Collective         bool
	Code, Name         string
	SubUnit            string // a person's unit, in the office
	Reasons            []string
	VotesFor           int
	Pct                float64 // % of the office's conference's delegates called
	Selected, Delegate bool
}

// CentralModelsInput is the sector's list of the exemplary models of a
// period, office by office, from the offices' period packages.
type CentralModelsInput struct {
	From, To int
	Date     domain.Date
	Models   []CentralModel // by office, collectives first
}
