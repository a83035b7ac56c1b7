package domain

// RoundKind is the kind of a nomination round (đợt đề nghị khen thưởng);
// the values are the ones the command line takes.
type RoundKind string

const (
	RoundRegular  RoundKind = "thuong-xuyen" // year-end regular round (công trạng)
	RoundThematic RoundKind = "chuyen-de"    // chuyên đề / theo đợt, e.g. a movement review
	RoundOneOff   RoundKind = "dot-xuat"     // đột xuất
)

// Label is the Vietnamese wording.
func (k RoundKind) Label() string {
	switch k {
	case RoundThematic:
		return "Chuyên đề, theo đợt"
	case RoundOneOff:
		return "Đột xuất"
	}
	return "Thường xuyên cuối năm"
}

// AwardKind is the kind of commendation the round's awards are recorded as.
func (k RoundKind) AwardKind() AwardKind {
	switch k {
	case RoundThematic:
		return KindThematic
	case RoundOneOff:
		return KindOneOff
	}
	return KindMerit
}

// RoundStatus is where a round is in its approval flow:
// Nháp → Chờ duyệt → Đã duyệt → Đã gửi.
type RoundStatus string

const (
	StatusDraft     RoundStatus = "NHAP"
	StatusSubmitted RoundStatus = "CHO_DUYET"
	StatusApproved  RoundStatus = "DA_DUYET"
	StatusSent      RoundStatus = "DA_GUI"
)

// Label is the Vietnamese wording.
func (s RoundStatus) Label() string {
	switch s {
	case StatusSubmitted:
		return "Chờ duyệt"
	case StatusApproved:
		return "Đã duyệt"
	case StatusSent:
		return "Đã gửi"
	}
	return "Nháp"
}

// Round is a nomination round.
type Round struct {
	ID         int64
	Year       int
	Kind       RoundKind
	Name       string
	MovementID int64 // chuyên đề rounds: the movement reviewed
	Status     RoundStatus
	Number     int  // number of its Tờ trình (0: not yet numbered)
	Date       Date // date of its Tờ trình (zero: left for the văn thư)
}

// RoundDecision is the office's own Quyết định for one award of a round
// that its director confers: number, date and who signs, each left blank
// for the văn thư when not entered. Recorded: the awards it confers are in
// the history.
type RoundDecision struct {
	Award    string
	Number   string
	Date     Date
	Signer   string
	Recorded bool
}

// ReportText is the editable body of a nominee's achievement report
// (báo cáo thành tích, sections II.1–3), drafted from the data.
type ReportText struct {
	Duties       string // II.1 Quyền hạn, nhiệm vụ được giao / chức năng, nhiệm vụ
	Achievements string // II.2 Thành tích đạt được
	Policy       string // II.3 Việc thực hiện chủ trương, chính sách; xây dựng Đảng, đoàn thể
}

// Nominee is a subject proposed for an award in a round.
type Nominee struct {
	ID            int64
	RoundID       int64
	Subject       Subject
	Award         string // catalogue code
	Eligible      bool   // the engine's verdict when added (or last re-checked)
	Reasons       []string
	Justification string // the director's written reason to keep an ineligible nominee
	Report        ReportText
	Attachments   []string // evidence file names kept with the round
	// Waivers are the documents of the nominee's checklist that the
	// dossier goes without, each with the written reason.
	Waivers map[string]string
	// Decision is the centre's decision, recorded when its feedback
	// package is imported ("" until then); DecisionNote says why a
	// nominee was refused, or which decision granted the award.
	Decision     NomineeDecision
	DecisionNote string
}

// NomineeDecision is the centre's answer on one nominee.
type NomineeDecision string

const (
	DecisionGranted NomineeDecision = "DUOC_KHEN"  // Được khen thưởng
	DecisionRefused NomineeDecision = "KHONG_KHEN" // Không được khen thưởng
)

// Label is the Vietnamese wording; "" before any decision.
func (d NomineeDecision) Label() string {
	switch d {
	case DecisionGranted:
		return "Được khen thưởng"
	case DecisionRefused:
		return "Không được khen thưởng"
	}
	return ""
}

// VoteMethod is how the council votes.
type VoteMethod string

const (
	VoteShowOfHands VoteMethod = "GIO_TAY"      // Giơ tay
	VoteSecret      VoteMethod = "BO_PHIEU_KIN" // Bỏ phiếu kín
)

// Label is the Vietnamese wording.
func (m VoteMethod) Label() string {
	if m == VoteSecret {
		return "Bỏ phiếu kín"
	}
	return "Giơ tay"
}

// CouncilMember is a member of the emulation council (Hội đồng Thi đua -
// Khen thưởng) at one meeting.
type CouncilMember struct {
	Name     string
	Position string // chức vụ: "Giám đốc", "Trưởng phòng Tổ chức cán bộ"
	Role     string // "Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên", "Ủy viên, Thư ký"
	Present  bool
	// Opinion is an absent member's written opinion (ý kiến bằng văn
	// bản), which the minutes record; "" when none was sent.
	Opinion string
}

// Vote is the count for one nominee.
type Vote struct {
	NomineeID int64
	For       int
	Against   int
	Abstain   int
}

// Council is the council meeting of a round.
type Council struct {
	RoundID int64
	Date    Date
	// Start and End are the meeting's times as the minutes print them
	// ("08:00"); "" when not entered.
	Start, End string
	Place      string
	Method     VoteMethod
	Members    []CouncilMember
	Votes      []Vote
	// Discussion summarises what the members said (ý kiến thảo luận), as
	// the secretary edits it; "" prints the usual sentence.
	Discussion string
	// Tellers are the Ban kiểm phiếu of a secret ballot, its head first.
	Tellers []string
}

// Present counts the members present.
func (c Council) Present() int {
	n := 0
	for _, m := range c.Members {
		if m.Present {
			n++
		}
	}
	return n
}
