package docs

import "tdkt/internal/domain"

// NomineeEntry is everything the dossier says about one nominee.
type NomineeEntry struct {
	Nominee     domain.Nominee
	Person      domain.Person // zero for a collective
	Unit        domain.Unit   // the collective, or the person's unit
	UnitName    string
	AwardName   string
	Basis       string // "Thành tích làm căn cứ": CSTĐCS years, earlier awards with decisions, initiatives
	Ratings     []domain.RatingRecord
	History     []domain.AwardRecord // titles and forms already received (BCTT section III)
	Awards      map[string]string    // award code → name, for the history tables
	Initiatives []domain.Initiative
	Targets     []TargetLine // collectives: results against targets over the award period
	VoteFor     int
	VotePct     float64 // % of all council members
	Passed      bool
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
	Nominees  []NomineeEntry // in round order: collectives first, then people, each by award
	// Thresholds per award code: the % of all members a nominee needs, and
	// whether the vote must be secret.
	Threshold map[string]float64
	Secret    map[string]bool
}
