package docs

import "tdkt/internal/domain"

// NomineeEntry is everything the dossier says about one nominee: the
// records as the store holds them, which the documents word.
type NomineeEntry struct {
	Nominee   domain.Nominee
	Person    domain.Person // zero for a collective
	Unit      domain.Unit   // the collective, or the person's unit
	UnitName  string
	AwardName string
	// Template is the report form the nominee is reported on (the award's
	// in a year-end round, the round's kind otherwise).
	Template domain.ReportTemplate
	// From and To are the years the report looks at: the award's period
	// (its chain, its titles' years), at least the last three years.
	From, To int
	Ratings  []domain.RatingRecord // the ratings of From..To
	History  []domain.AwardRecord  // titles and forms already received (BCTT section III)
	Awards   map[string]string     // award code → name, for the history tables
	// HistoryNames are the full names of the History's awards, index by
	// index, as their conferrer named them then ("" for the Awards name).
	HistoryNames []string
	Initiatives  []domain.Initiative
	// Targets are a collective's results against its targets, From..To;
	// for a person, those of her unit in the round's year, which her work
	// is part of.
	Targets   []TargetLine
	Movements []string // collectives: the movements of the round's year
	// What the nomination list gives as the achievements it rests on,
	// besides the ratings and the initiatives: the award a chain rests
	// on, and a CSTĐCS of the round's year proposed in the same round.
	ChainBase     *domain.AwardRecord
	PendingCSTDCS bool
	// Collectives: the staff of the unit and its sub-units by the end of
	// the round's year (women among them), and its sub-units by kind.
	Headcount, Women        int
	Departments, Grassroots int
	// People: the postings of a career, oldest first (a cống hiến report
	// lists them).
	Career  []CareerLine
	VoteFor int
	VotePct float64 // % of all council members
	Passed  bool
}

// CareerLine is one posting of a person: from when to when, in which
// position of which unit.
type CareerLine struct {
	From, To domain.Date // To zero: to this day
	Position string
	Unit     string
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
	// Citations are the Căn cứ lines of the regime of the round's year
	// (the law, the decree, the circulars), as the catalogue words them.
	Citations []string
	// Thresholds per award code: the % of all members a nominee needs, and
	// whether the vote must be secret (and the share reached, not passed).
	Threshold map[string]float64
	Secret    map[string]bool
	// WrittenOpinionsCount: the written opinions of absent members count
	// in the vote, as the catalogue says.
	WrittenOpinionsCount bool
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
