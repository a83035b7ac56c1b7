package docs

import "tdkt/internal/domain"

// NomineeEntry is everything the dossier says about one nominee.
type NomineeEntry struct {
	Nominee   domain.Nominee
	Person    domain.Person // zero for a collective
	Unit      domain.Unit   // the collective, or the person's unit
	UnitName  string
	AwardName string
	Basis     string // "Thành tích làm căn cứ": CSTĐCS years, earlier awards with decisions, initiatives
	Ratings   []domain.RatingRecord
	History   []domain.AwardRecord // titles and forms already received (BCTT section III)
	Awards    map[string]string    // award code → name, for the history tables
	// HistoryNames are the full names of the History's awards, index by
	// index, as their conferrer named them then ("" for the Awards name).
	HistoryNames []string
	Initiatives  []domain.Initiative
	Targets      []TargetLine // collectives: results against targets over the award period
	VoteFor      int
	VotePct      float64 // % of all council members
	Passed       bool
}

// Conferral is who confers an award of the round, as the office's
// catalogue says on the day of the round's proposals.
type Conferral struct {
	// Name is the award's full legal name, which every document prints:
	// "Bằng khen của Bộ trưởng Bộ Tài chính".
	Name string
	// Authority is the code of who decides; the proposals up go in one
	// Tờ trình per authority.
	Authority string
	// Signer is whoever decides ("Bộ trưởng Bộ Tài chính"); Via is the body
	// the office's Tờ trình is addressed to, which submits it to him
	// ("Bảo hiểm xã hội Việt Nam"). Both "" for the office's own awards.
	Signer, Via string
	// Own: the office's director decides, on the advice of its council.
	Own bool
}

// DossierInput is a nomination round with its council, as the dossier
// documents need it.
type DossierInput struct {
	Profile domain.OfficeProfile
	// Round carries the date and number of its Tờ trình; every document
	// takes its date from the round (the Tờ trình and the list), the
	// council (the minutes and the reports, written before the Tờ trình)
	// or the decision, never from the day the dossier is printed.
	Round   domain.Round
	Council domain.Council
	// Decisions are the office's own Quyết định by award code, with their
	// number, date and signer as entered (blank for the văn thư otherwise).
	Decisions map[string]domain.RoundDecision
	// Conferrals say who confers each award code; an award without one is
	// proposed up to the office's parent body.
	Conferrals map[string]Conferral
	Nominees   []NomineeEntry // in round order: collectives first, then people, each by award
	// Thresholds per award code: the % of all members a nominee needs, and
	// whether the vote must be secret.
	Threshold map[string]float64
	Secret    map[string]bool
}

// conferral is who confers the award; without catalogue data, the
// office's parent body.
func (in DossierInput) conferral(code string) Conferral {
	if c, ok := in.Conferrals[code]; ok {
		return c
	}
	return Conferral{Authority: "?", Signer: parentName(in.Profile), Via: parentName(in.Profile)}
}

// own reports whether the office's director confers the award.
func (in DossierInput) own(code string) bool { return in.conferral(code).Own }
