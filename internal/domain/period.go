package domain

// Period is a stage of the five-year cycle (giai đoạn): the years its
// review covers and the Patriotic Emulation Congress it prepares, e.g.
// 2020–2025 before the sector's congress of 2025.
type Period struct {
	ID       int64
	Name     string // "Giai đoạn 2020 - 2025"
	FromYear int
	ToYear   int
	// Congress is the congress the review prepares ("Đại hội Thi đua yêu
	// nước ngành Bảo hiểm xã hội Việt Nam lần thứ VI"), on CongressDate.
	Congress     string
	CongressDate Date
	// Delegates is how many delegates the centre allots the office.
	Delegates int
}

// Years lists the period's years, oldest first.
func (p Period) Years() []int {
	var ys []int
	for y := p.FromYear; y <= p.ToYear && p.FromYear > 0; y++ {
		ys = append(ys, y)
	}
	return ys
}

// Covers reports whether year y is in the period.
func (p Period) Covers(y int) bool { return y >= p.FromYear && y <= p.ToYear }

// ModelReason is one fact an exemplary model (gương điển hình tiên tiến)
// rests on: the criterion and the records that meet it.
type ModelReason struct {
	Criterion string // the catalogue key of the criterion met, "" for one given by hand
	Text      string // "Chiến sĩ thi đua cấp bộ, ngành năm 2023 (Quyết định số …)"
}

// ExemplaryCandidate is a collective or a person whose record over a
// period meets the criteria of an exemplary model, with the facts.
type ExemplaryCandidate struct {
	Subject Subject
	Name    string
	Unit    string // a person's unit
	Reasons []ModelReason
}

// ExemplaryModel is a candidate put before the Hội nghị điển hình tiên
// tiến of a period: proposed from the records or added by hand with a
// reason, voted on, and, once selected, told in an account (bài viết về
// gương điển hình) for the booklet. A model may also be one of the
// office's delegates to the congress.
type ExemplaryModel struct {
	ID       int64
	PeriodID int64
	ExemplaryCandidate
	ByHand   bool // added by the office, its reason in Reasons
	Voted    bool // the conference voted on it
	VotesFor int
	Account  string // the account printed in the booklet
	Delegate bool   // named to the office's delegation
}

// Conference is the Hội nghị điển hình tiên tiến of a period, which votes
// on the models: when, and how many delegates were called and came.
type Conference struct {
	Date    Date
	Members int // delegates called to the conference: the shares are of them
	Present int
}

// Selected reports whether the model passed the conference's vote:
// more than threshold percent of the members called.
func (m ExemplaryModel) Selected(c Conference, threshold float64) bool {
	return m.Voted && c.Members > 0 && float64(m.VotesFor)*100 > threshold*float64(c.Members)
}
