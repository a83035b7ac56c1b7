package service

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

// Fields of the round's own dates, numbers and decisions.
const (
	FieldCouncilStart     = "Giờ bắt đầu họp"
	FieldCouncilEnd       = "Giờ kết thúc họp"
	FieldSubmissionDate   = "Ngày Tờ trình"
	FieldSubmissionNumber = "Số Tờ trình"
	FieldDecisionSigner   = "Người ký quyết định"
)

// RoundSchedule is what a round's documents print as their dates and
// numbers, entered by the clerk: the council's meeting day and times, and
// the date and number of the round's first Tờ trình (the next ones follow
// it). A zero field leaves the stored value as it is.
type RoundSchedule struct {
	CouncilDate      domain.Date
	CouncilStart     string // "08:00"
	CouncilEnd       string
	SubmissionDate   domain.Date
	SubmissionNumber int
}

// ParseClock reads a meeting time as people write it ("8:00", "08:00",
// "8h", "8h30") and gives it as the minutes print it ("08:00").
func ParseClock(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimSuffix(s, "p")
	h, m, found := strings.Cut(strings.ReplaceAll(s, "h", ":"), ":")
	if !found {
		return "", false
	}
	hh, err1 := strconv.Atoi(h)
	mm := 0
	var err2 error
	if m != "" {
		mm, err2 = strconv.Atoi(m)
	}
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 || len(h) > 2 || len(m) > 2 {
		return "", false
	}
	return fmt.Sprintf("%02d:%02d", hh, mm), true
}

// SetRoundSchedule records the round's own dates and numbers. The
// council's day and times need the council recorded (Hội đồng); the end
// cannot come before the start. Dates may be entered in any state of the
// round, since the văn thư numbers and dates the Tờ trình when it goes
// out; what is entered is in the journal.
func (s *Service) SetRoundSchedule(ctx context.Context, id int64, sc RoundSchedule) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	var errs domain.FieldErrors
	clock := func(field, v string) string {
		if strings.TrimSpace(v) == "" {
			return ""
		}
		c, ok := ParseClock(v)
		if !ok {
			errs = append(errs, domain.FieldError{Field: field, Msg: fmt.Sprintf("%q không phải giờ; nhập giờ:phút, ví dụ 08:00 hoặc 14:30", v)})
		}
		return c
	}
	start, end := clock(FieldCouncilStart, sc.CouncilStart), clock(FieldCouncilEnd, sc.CouncilEnd)
	if sc.SubmissionNumber < 0 {
		errs = append(errs, domain.FieldError{Field: FieldSubmissionNumber, Msg: "số Tờ trình là số dương, ví dụ 15"})
	}
	if sc.SubmissionDate.After(s.Today()) {
		errs = append(errs, domain.FieldError{Field: FieldSubmissionDate, Msg: fmt.Sprintf("ngày %s chưa đến", sc.SubmissionDate.VN())})
	}
	if sc.CouncilDate.After(s.Today()) {
		errs = append(errs, domain.FieldError{Field: FieldCouncilDate, Msg: fmt.Sprintf("ngày %s chưa đến", sc.CouncilDate.VN())})
	}
	if len(errs) > 0 {
		return errs
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		r, err := txRound(tx, id)
		if err != nil {
			return err
		}
		if !sc.CouncilDate.IsZero() || start != "" || end != "" {
			c, met, err := tx.Council(id)
			if err != nil {
				return err
			}
			if !met {
				return domain.FieldError{Field: FieldCouncilDate, Msg: "Hội đồng của đợt chưa được ghi; ghi cuộc họp ở thẻ Hội đồng trước"}
			}
			if !sc.CouncilDate.IsZero() {
				c.Date = sc.CouncilDate
			}
			if start != "" {
				c.Start = start
			}
			if end != "" {
				c.End = end
			}
			if c.Start != "" && c.End != "" && c.End <= c.Start {
				return domain.FieldError{Field: FieldCouncilEnd, Msg: fmt.Sprintf("cuộc họp kết thúc lúc %s, trước khi bắt đầu (%s)", c.End, c.Start)}
			}
			if err := tx.SaveCouncil(c); err != nil {
				return err
			}
		}
		if !sc.SubmissionDate.IsZero() {
			r.Date = sc.SubmissionDate
		}
		if sc.SubmissionNumber > 0 {
			r.Number = sc.SubmissionNumber
		}
		return tx.UpdateRound(r)
	})
}

// Decision is what the clerk enters of the office's own decision for an
// award of its competence.
type Decision struct {
	Award  string
	Number string // "12" or "12/QĐ-BHXH"
	Date   domain.Date
	Signer string // "" : the office's director
}

// DecideAward records the office's own Quyết định for one award of an
// approved round and writes the award into the history of every nominee
// the council passed for it, with the office's director as issuer. Only
// an award the catalogue gives to the office's director on the decision's
// date can be decided here; the others are the centre's to decide. When
// the round proposes Lao động tiên tiến, its decision comes first: the
// other titles rest on it. Entered again, the decision corrects the
// number, date or signer of the records it wrote.
func (s *Service) DecideAward(ctx context.Context, roundID int64, d Decision) (int, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	d.Award, d.Number, d.Signer = strings.TrimSpace(d.Award), rules.Clean(d.Number), rules.Clean(d.Signer)
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return 0, err
	}
	var errs domain.FieldErrors
	if _, ok := cat.Award(d.Award); !ok {
		errs = append(errs, domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("mã %q không có trong danh mục", d.Award)})
	}
	if d.Number == "" {
		errs = append(errs, domain.FieldError{Field: FieldDecisionNumber, Msg: "chưa nhập; ví dụ 12 hoặc 12/QĐ-BHXH"})
	}
	if d.Date.IsZero() {
		errs = append(errs, domain.FieldError{Field: FieldDecisionDate, Msg: "chưa nhập; ví dụ 20/01/2026"})
	} else if d.Date.After(s.Today()) {
		errs = append(errs, domain.FieldError{Field: FieldDecisionDate, Msg: fmt.Sprintf("ngày %s chưa đến", d.Date.VN())})
	}
	if len(errs) > 0 {
		return 0, errs
	}
	if c := cat.ConferredBy(d.Award, d.Date); !c.Own {
		return 0, domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("%s do %s quyết định; đơn vị chỉ đề nghị (gửi gói hồ sơ lên Trung ương)", c.FullName, c.Signer)}
	}
	written := 0
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		r, err := txRound(tx, roundID)
		if err != nil {
			return err
		}
		if r.Status != domain.StatusApproved && r.Status != domain.StatusSent {
			return domain.FieldError{Field: FieldRoundStatus, Msg: fmt.Sprintf("đợt %q đang ở trạng thái %s; Giám đốc quyết định sau khi duyệt đợt", r.Name, r.Status.Label())}
		}
		p, _, err := tx.Profile()
		if err != nil {
			return err
		}
		c, met, err := tx.Council(roundID)
		if err != nil {
			return err
		}
		if met && d.Date.Before(c.Date) {
			return domain.FieldError{Field: FieldDecisionDate, Msg: fmt.Sprintf("ngày %s trước ngày họp Hội đồng (%s); Giám đốc quyết định sau khi Hội đồng xét", d.Date.VN(), c.Date.VN())}
		}
		ns, err := tx.Nominees(roundID)
		if err != nil {
			return err
		}
		passed := voteResult(r, c, met, ns, cat)
		decided, err := tx.Decisions(roundID)
		if err != nil {
			return err
		}
		if d.Award != rules.AwardLDTT && proposes(ns, passed, rules.AwardLDTT) && !recorded(decided, rules.AwardLDTT) {
			return domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("ghi Quyết định công nhận %s trước: %s dựa trên danh hiệu đó", cat.AwardName(rules.AwardLDTT), cat.AwardName(d.Award))}
		}
		if !proposes(ns, passed, d.Award) {
			return domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("đợt không có ai được Hội đồng thông qua đề nghị %s", cat.AwardName(d.Award))}
		}
		if d.Signer == "" {
			d.Signer = p.Director.Name
		}
		number := docs.DocNumber(d.Number, "QĐ", p.DocNumberCode)
		issuer := p.DirectorTitle()
		for _, n := range ns {
			if n.Award != d.Award || !passed[n.ID].Passed {
				continue
			}
			if _, _, err := tx.SaveAward(domain.AwardRecord{Subject: n.Subject, Year: r.Year, AwardCode: n.Award, DecisionNo: number,
				DecisionDate: d.Date, Issuer: issuer, Kind: r.Kind.AwardKind()}); err != nil {
				return fmt.Errorf("ghi khen thưởng của %s (%s): %w", n.Subject.Code, n.Award, err)
			}
			if err := tx.SetNomineeDecision(n.ID, domain.DecisionGranted, docs.DecisionPhrase(number, d.Date, issuer)); err != nil {
				return err
			}
			written++
		}
		return tx.SaveDecision(roundID, domain.RoundDecision{Award: d.Award, Number: number, Date: d.Date, Signer: d.Signer, Recorded: true})
	})
	return written, err
}

// proposes reports whether the council passed anyone for the award.
func proposes(ns []domain.Nominee, res map[int64]VoteOutcome, award string) bool {
	for _, n := range ns {
		if n.Award == award && res[n.ID].Passed {
			return true
		}
	}
	return false
}

func recorded(ds []domain.RoundDecision, award string) bool {
	for _, d := range ds {
		if d.Award == award && d.Recorded {
			return true
		}
	}
	return false
}

// RoundDecisions lists the office's own decisions recorded for a round.
func (s *Service) RoundDecisions(ctx context.Context, roundID int64) ([]domain.RoundDecision, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Decisions(ctx, roundID)
}

// ScheduleWarnings names what is impossible in the order of a round's
// dates as entered: a Tờ trình before the council met, a decision before
// the council or the Tờ trình. Nothing when the dates are not entered.
func (s *Service) ScheduleWarnings(ctx context.Context, roundID int64) ([]string, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	rc, err := s.roundContext(ctx, roundID)
	if err != nil {
		return nil, err
	}
	r, c, met, cat := rc.round, rc.council, rc.met, rc.cat
	ds, err := s.st.Decisions(ctx, roundID)
	if err != nil {
		return nil, err
	}
	var out []string
	if met && !r.Date.IsZero() && r.Date.Before(c.Date) {
		out = append(out, fmt.Sprintf("Tờ trình ngày %s trước ngày họp Hội đồng (%s)", r.Date.VN(), c.Date.VN()))
	}
	for _, d := range ds {
		switch {
		case d.Date.IsZero():
		case met && d.Date.Before(c.Date):
			out = append(out, fmt.Sprintf("Quyết định %s (%s) ngày %s trước ngày họp Hội đồng (%s)", d.Number, cat.AwardName(d.Award), d.Date.VN(), c.Date.VN()))
		case !r.Date.IsZero() && d.Date.Before(r.Date):
			out = append(out, fmt.Sprintf("Quyết định %s (%s) ngày %s trước Tờ trình (%s)", d.Number, cat.AwardName(d.Award), d.Date.VN(), r.Date.VN()))
		}
	}
	return out, nil
}

// conferralDay is the day on which a round's awards are decided, for who
// confers them: the date of its Tờ trình, else the council's, else the
// first day after the year it reviews (the proposals of a year go out in
// the next).
func conferralDay(r domain.Round, c domain.Council, met bool) domain.Date {
	switch {
	case !r.Date.IsZero():
		return r.Date
	case met && !c.Date.IsZero():
		return c.Date
	}
	return domain.AwardsDecidedFrom(r.Year)
}

// RoundConferrals says, for every award of the catalogue, who confers it
// in this round (on its conferralDay) and under what full name.
func (s *Service) RoundConferrals(ctx context.Context, roundID int64) (map[string]rules.Conferral, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	rc, err := s.roundContext(ctx, roundID)
	if err != nil {
		return nil, err
	}
	return conferrals(rc.cat, conferralDay(rc.round, rc.council, rc.met)), nil
}

// roundCtx is what most questions about a round start from: the round,
// its council (met: recorded) and the catalogue.
type roundCtx struct {
	round   domain.Round
	council domain.Council
	met     bool
	cat     rules.Catalogue
}

func (s *Service) roundContext(ctx context.Context, roundID int64) (roundCtx, error) {
	var rc roundCtx
	var err error
	if rc.round, err = s.Round(ctx, roundID); err != nil {
		return rc, err
	}
	if rc.council, rc.met, err = s.st.Council(ctx, roundID); err != nil {
		return rc, err
	}
	rc.cat, err = s.st.Catalogue(ctx)
	return rc, err
}

func conferrals(cat rules.Catalogue, day domain.Date) map[string]rules.Conferral {
	out := make(map[string]rules.Conferral, len(cat.Awards))
	for _, a := range cat.Awards {
		out[a.Code] = cat.ConferredBy(a.Code, day)
	}
	return out
}

// Fields of an award's authority in the catalogue.
const (
	FieldAuthority     = "Cấp quyết định"
	FieldAwardFullName = "Tên đầy đủ"
	FieldValidFrom     = "Hiệu lực từ"
	FieldValidTo       = "Hiệu lực đến"
)

// SaveAwardAuthority records who confers an award over a period, and its
// full name then (ID 0: a new period). The director keeps the catalogue:
// documents print what it says.
func (s *Service) SaveAwardAuthority(ctx context.Context, aa rules.AwardAuthority) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	aa.Award, aa.Authority, aa.FullName = strings.TrimSpace(aa.Award), strings.TrimSpace(aa.Authority), rules.Clean(aa.FullName)
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return err
	}
	var errs domain.FieldErrors
	if _, ok := cat.Award(aa.Award); !ok {
		errs = append(errs, domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("mã %q không có trong danh mục", aa.Award)})
	}
	known := false
	for _, au := range cat.Authorities {
		known = known || au.Code == aa.Authority
	}
	if !known {
		errs = append(errs, domain.FieldError{Field: FieldAuthority, Msg: "chọn một cấp quyết định trong danh sách"})
	}
	if aa.FullName == "" {
		errs = append(errs, domain.FieldError{Field: FieldAwardFullName, Msg: "chưa nhập; ví dụ Bằng khen của Bộ trưởng Bộ Tài chính"})
	}
	if !aa.ValidTo.IsZero() && aa.ValidTo.Before(aa.ValidFrom) {
		errs = append(errs, domain.FieldError{Field: FieldValidTo, Msg: "sớm hơn ngày bắt đầu hiệu lực"})
	}
	for _, o := range cat.AwardAuthorities {
		if o.Award == aa.Award && o.ID != aa.ID && overlaps(o, aa) {
			errs = append(errs, domain.FieldError{Field: FieldValidFrom, Msg: fmt.Sprintf("trùng thời gian với dòng %s (%s–%s); sửa dòng đó trước", o.FullName, o.ValidFrom.VN(), o.ValidTo.VN())})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveAwardAuthority(aa.ID, aa)
		return err
	})
}

// overlaps reports whether two periods (open ends: zero dates) share a day.
func overlaps(a, b rules.AwardAuthority) bool {
	startsBeforeEnd := func(x, y rules.AwardAuthority) bool { // x starts on or before y ends
		return y.ValidTo.IsZero() || x.ValidFrom.IsZero() || !y.ValidTo.Before(x.ValidFrom)
	}
	return startsBeforeEnd(a, b) && startsBeforeEnd(b, a)
}
