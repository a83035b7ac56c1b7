package pack

// Format is the manifest format this version writes and reads.
const Format = "tdkt-package/1"

// Package types: a province sends a submission; the centre answers with a
// feedback package carrying its decisions. Both use the same layout.
const (
	TypeSubmission = "submission"
	TypeFeedback   = "feedback"
)

// EncryptionAge marks a manifest whose payload files are encrypted to an
// age X25519 recipient (stored as PATH.age).
const EncryptionAge = "age-x25519"

// Kinds of files in a package.
const (
	KindData       = "data"       // data.json
	KindXLSX       = "xlsx"       // xlsx/…
	KindPDF        = "pdf"        // pdf/…
	KindAttachment = "attachment" // attachments/…
)

// Unit names the office that made the package.
type Unit struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// RoundRef names the province's nomination round.
type RoundRef struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"`   // thuong-xuyen | chuyen-de | dot-xuat
	Status string `json:"status"` // the round's status when packaged
}

// FileEntry lists one stored file: Path is the name inside the zip (with
// ".age" when encrypted); SHA256 (hex) and Bytes are of the stored bytes,
// so integrity is checked without decrypting.
type FileEntry struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
	Kind   string `json:"kind"`
}

// Manifest is manifest.json. The signature covers its exact bytes.
type Manifest struct {
	Format       string   `json:"format"`
	Type         string   `json:"type"` // TypeSubmission | TypeFeedback
	Unit         Unit     `json:"unit"`
	Year         int      `json:"year"`
	Round        RoundRef `json:"round"`
	CreatedAt    string   `json:"created_at"` // RFC 3339
	AppVersion   string   `json:"app_version"`
	RulesVersion string   `json:"rules_version"`
	Encryption   string   `json:"encryption,omitempty"` // "" or EncryptionAge
	Recipient    string   `json:"recipient,omitempty"`  // the age recipient (age1…) when encrypted
	// JournalHead is the head of the maker's audit journal when the package
	// was made. The signature covers it, so the office can later show that
	// its journal was not rewritten before that point (tdktctl check
	// --against). Packages made before it existed have none.
	JournalHead *JournalAnchor `json:"journal_head,omitempty"`
	// Kind is KindPeriod for the package of a period of the five-year
	// cycle, whose Period names it (Round is then empty); "" for a
	// round's package.
	Kind   string      `json:"kind,omitempty"`
	Period *PeriodRef  `json:"period,omitempty"`
	Files  []FileEntry `json:"files"`
}

// JournalAnchor is an entry of the audit journal: its number and its
// SHA-256 chain hash (hex).
type JournalAnchor struct {
	ID   int64  `json:"id"`
	Hash string `json:"hash"`
}

// Data is data.json of a submission: every record the centre needs.
// Dates are "yyyy-mm-dd"; codes are those of contracts.md and rules.md.
type Data struct {
	Unit        Unit             `json:"unit"`
	Year        int              `json:"year"`
	Round       RoundRef         `json:"round"`
	People      []DataPerson     `json:"people"`      // the people concerned (nominated)
	Collectives []DataCollective `json:"collectives"` // the office's units concerned
	Nominations []DataNomination `json:"nominations"`
	// OwnDecisions are the office's own decisions recorded in the round
	// (its director's titles), apart from the proposals up.
	OwnDecisions []DataDecision `json:"own_decisions"`
	Council      *DataCouncil   `json:"council,omitempty"`
	// Registrations are the year's emulation commitments (đăng ký thi đua).
	Registrations []DataRegistration `json:"registrations"`
	// Assessment is the office's self-assessment against the cluster's
	// criteria (tự chấm điểm); nil when none was recorded.
	Assessment *DataAssessment `json:"assessment,omitempty"`
}

// DataPerson is a person as the centre sees them: matched across offices
// by CCCD.
type DataPerson struct {
	StaffCode  string           `json:"staff_code"`
	FullName   string           `json:"full_name"`
	BirthDate  string           `json:"birth_date,omitempty"`
	Gender     string           `json:"gender,omitempty"` // NAM | NU
	CCCD       string           `json:"cccd,omitempty"`
	Position   string           `json:"position,omitempty"`
	UnitCode   string           `json:"unit_code"`
	UnitName   string           `json:"unit_name"`
	Ratings    []DataRating     `json:"ratings,omitempty"` // the years the nominations rest on
	Awards     []DataAward      `json:"awards,omitempty"`  // award history
	Discipline []DataDiscipline `json:"discipline,omitempty"`
	// The personal record an achievement report's section I asks for.
	// Optional: packages made before it existed have none.
	Ethnicity       string `json:"ethnicity,omitempty"`
	HomeTown        string `json:"home_town,omitempty"`
	Residence       string `json:"residence,omitempty"`
	Religion        string `json:"religion,omitempty"`
	Education       string `json:"education,omitempty"`
	PoliticalTheory string `json:"political_theory,omitempty"`
	AcademicRank    string `json:"academic_rank,omitempty"`
	PartyPost       string `json:"party_post,omitempty"`
	UnionPost       string `json:"union_post,omitempty"`
}

// DataRating is one year's rating.
type DataRating struct {
	Year   int    `json:"year"`
	Rating string `json:"rating"`
}

// DataAward is an award already conferred.
type DataAward struct {
	Year         int    `json:"year"`
	Award        string `json:"award"`
	Kind         string `json:"kind"`
	DecisionNo   string `json:"decision_no,omitempty"`
	DecisionDate string `json:"decision_date,omitempty"`
	Issuer       string `json:"issuer,omitempty"`
}

// DataDiscipline is a disciplinary measure.
type DataDiscipline struct {
	Form      string `json:"form"`
	Effective string `json:"effective"`
	Until     string `json:"until,omitempty"`
}

// DataCollective is a unit of the office.
type DataCollective struct {
	Code       string       `json:"code"`
	Name       string       `json:"name"`
	ParentCode string       `json:"parent_code,omitempty"`
	Ratings    []DataRating `json:"ratings,omitempty"`
	Awards     []DataAward  `json:"awards,omitempty"`
	// What a collective's achievement report says of the unit. Optional:
	// packages made before it existed have none.
	Address  string `json:"address,omitempty"`
	PartyOrg string `json:"party_org,omitempty"`
	UnionOrg string `json:"union_org,omitempty"`
	YouthOrg string `json:"youth_org,omitempty"`
}

// DataNomination is one nominee of the round with the engine's verdict and
// the council's vote.
type DataNomination struct {
	ID            int64     `json:"id"`      // the province's nominee id (stable within the round)
	Subject       string    `json:"subject"` // person | collective
	Code          string    `json:"code"`    // staff code or unit code
	CCCD          string    `json:"cccd,omitempty"`
	Name          string    `json:"name"`
	UnitCode      string    `json:"unit_code"`
	Award         string    `json:"award"`
	AwardName     string    `json:"award_name"`
	Eligible      bool      `json:"eligible"`
	Reasons       []string  `json:"reasons,omitempty"`
	Justification string    `json:"justification,omitempty"`
	Vote          *DataVote `json:"vote,omitempty"`
	// ConferredBy is who decides the award ("Bộ trưởng Bộ Tài chính"); Own
	// marks a title the office's director confers: reported for the
	// centre's statistics, never the centre's to decide.
	ConferredBy string `json:"conferred_by,omitempty"`
	Own         bool   `json:"own,omitempty"`
}

// DataDecision is one of the office's own decisions in the round, for the
// centre's statistics: the award, its number and date, and how many it
// conferred.
type DataDecision struct {
	Award     string `json:"award"`
	AwardName string `json:"award_name"`
	Number    string `json:"number"`
	Date      string `json:"date"` // YYYY-MM-DD
	Signer    string `json:"signer,omitempty"`
	Count     int    `json:"count"`
}

// DataVote is the council's count for one nominee.
type DataVote struct {
	For     int     `json:"for"`
	Against int     `json:"against"`
	Abstain int     `json:"abstain"`
	Pct     float64 `json:"pct"` // of all members
	Passed  bool    `json:"passed"`
}

// DataCouncil is the council meeting.
type DataCouncil struct {
	Date string `json:"date,omitempty"`
	// Start and End are the meeting's times ("08:00"), when entered.
	Start   string `json:"start,omitempty"`
	End     string `json:"end,omitempty"`
	Place   string `json:"place,omitempty"`
	Method  string `json:"method"`
	Members int    `json:"members"`
	Present int    `json:"present"`
}

// DataRegistration is a registered title (đăng ký danh hiệu).
type DataRegistration struct {
	Subject string `json:"subject"` // person | collective
	Code    string `json:"code"`
	Name    string `json:"name"`
	Award   string `json:"award"`
}

// DataAssessment is the self-assessment total.
type DataAssessment struct {
	Cluster  string          `json:"cluster,omitempty"`
	Total    float64         `json:"total"`
	Max      float64         `json:"max"`
	Criteria []DataCriterion `json:"criteria,omitempty"`
}

// DataCriterion is one line of the criteria table with the office's score.
type DataCriterion struct {
	Code  string  `json:"code"`
	Name  string  `json:"name"`
	Max   float64 `json:"max"`
	Score float64 `json:"score"`
}

// Feedback is data.json of a feedback package: the centre's decisions on
// one office's round.
type Feedback struct {
	Unit      Unit       `json:"unit"` // the office the decisions are for
	Year      int        `json:"year"`
	Round     RoundRef   `json:"round"` // the province's round
	Decisions []Decision `json:"decisions"`
}

// Decision is one decision of the centre (quyết định khen thưởng).
type Decision struct {
	Number string         `json:"number"` // "1234/QĐ-BHXH"
	Date   string         `json:"date"`   // yyyy-mm-dd
	Issuer string         `json:"issuer"` // "Tổng Giám đốc BHXH Việt Nam"
	Items  []DecisionItem `json:"items"`
}

// DecisionItem grants or refuses one nomination.
type DecisionItem struct {
	NominationID int64  `json:"nomination_id"` // DataNomination.ID
	Subject      string `json:"subject"`
	Code         string `json:"code"`
	CCCD         string `json:"cccd,omitempty"`
	Award        string `json:"award"`
	Granted      bool   `json:"granted"`
	Reason       string `json:"reason,omitempty"` // why refused
}

// Problem codes of a verification: each reason a package is invalid.
const (
	ProblemNotZip           = "not_zip"
	ProblemBadManifest      = "bad_manifest"
	ProblemUnknownFormat    = "unknown_format"
	ProblemMissingSignature = "missing_signature"
	ProblemMissingKey       = "missing_key"
	ProblemBadSignature     = "bad_signature"
	ProblemMissingFile      = "missing_file"
	ProblemSizeMismatch     = "size_mismatch"
	ProblemHashMismatch     = "hash_mismatch"
	ProblemUnlistedFile     = "unlisted_file"
	ProblemUnsafePath       = "unsafe_path"
	ProblemDuplicateEntry   = "duplicate_entry"
	ProblemTooLarge         = "too_large"
	ProblemZipBomb          = "zip_bomb"
	ProblemKeyMismatch      = "key_mismatch"
	ProblemUnknownUnit      = "unknown_unit"
)

// Problem is one reason a package is invalid; Message is Vietnamese and
// names the file when there is one.
type Problem struct {
	Code    string `json:"code"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// KindPeriod marks the package of a period (báo cáo tổng kết giai đoạn,
// gương điển hình tiên tiến) in the manifest.
const KindPeriod = "period"

// PeriodRef names a period of the five-year cycle.
type PeriodRef struct {
	From int    `json:"from"`
	To   int    `json:"to"`
	Name string `json:"name"`
}

// PeriodData is data.json of a period's package: the period, its figures
// year by year as the office's review counts them, and its exemplary
// models with their records and the conference's vote.
type PeriodData struct {
	Unit        Unit          `json:"unit"`
	Period      PeriodRef     `json:"period"`
	Congress    string        `json:"congress,omitempty"`
	Delegates   int           `json:"delegates"` // allotted to the office
	Years       []int         `json:"years"`
	Awards      []PeriodAward `json:"awards"`
	Initiatives []PeriodScope `json:"initiatives"`
	Models      []DataModel   `json:"models"`
}

// PeriodAward counts one award's conferrals by year (as Years).
type PeriodAward struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Level       string `json:"level,omitempty"`
	Own         bool   `json:"own"` // conferred by the office's director
	People      []int  `json:"people"`
	Collectives []int  `json:"collectives"`
}

// PeriodScope counts the initiatives of a scope by year (as Years).
type PeriodScope struct {
	Scope  string `json:"scope"`
	Counts []int  `json:"counts"`
}

// DataModel is an exemplary model put before the office's conference.
type DataModel struct {
	Subject  string   `json:"subject"` // person | collective
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Unit     string   `json:"unit,omitempty"`
	Reasons  []string `json:"reasons"`
	Voted    bool     `json:"voted"`
	VotesFor int      `json:"votes_for"`
	Pct      float64  `json:"pct"` // % of the delegates called
	Selected bool     `json:"selected"`
	Delegate bool     `json:"delegate"`
}
