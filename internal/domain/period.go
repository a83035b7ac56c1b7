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
