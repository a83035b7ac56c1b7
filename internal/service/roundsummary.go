package service

import (
	"context"
	"fmt"
	"strings"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

// RoundSummary is what the director reads before approving a round, on one
// screen: how many are proposed for each award and how many the engine
// found eligible and the council passed; the ineligible kept with his
// justification; every vote result; and what still keeps the round from
// being approved.
type RoundSummary struct {
	Round      domain.Round
	Awards     []AwardTally
	Ineligible []SummaryLine
	Votes      []SummaryLine
	Problems   domain.FieldErrors
	// Returned is the reason the director gave the last time he sent the
	// round back to the clerk, while it stays in Nháp ("" otherwise).
	Returned string
	// Contradictions name the collectives proposed for more than Tập thể
	// lao động tiên tiến whose own figures show a target below plan, with
	// the figure: the proposal says "hoàn thành xuất sắc", the report not.
	Contradictions []string
}

// AwardTally counts a round's nominees of one award.
type AwardTally struct {
	Award, Name                string
	Nominees, Eligible, Passed int
	Voted                      int // nominees with a vote recorded
}

// SummaryLine is one nominee of the summary.
type SummaryLine struct {
	NomineeID     int64
	Name, Award   string // the subject's name, the award's name
	Reasons       []string
	Justification string
	Vote          VoteOutcome
	Voted         bool
}

// RoundSummary gathers the summary of round id.
func (s *Service) RoundSummary(ctx context.Context, id int64) (RoundSummary, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return RoundSummary{}, err
	}
	var sum RoundSummary
	r, err := s.Round(ctx, id)
	if err != nil {
		return sum, err
	}
	sum.Round = r
	ns, err := s.Nominees(ctx, id)
	if err != nil {
		return sum, err
	}
	votes, err := s.VoteResult(ctx, id)
	if err != nil {
		return sum, err
	}
	names, err := s.names(ctx)
	if err != nil {
		return sum, err
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return sum, err
	}
	c, met, err := s.st.Council(ctx, id)
	if err != nil {
		return sum, err
	}
	day := conferralDay(r, c, met)
	awardName := func(code string) string { return cat.ConferredBy(code, day).FullName }
	tally := map[string]*AwardTally{}
	for _, n := range ns {
		t := tally[n.Award]
		if t == nil {
			t = &AwardTally{Award: n.Award, Name: awardName(n.Award)}
			tally[n.Award] = t
			sum.Awards = append(sum.Awards, AwardTally{Award: n.Award})
		}
		v, voted := votes[n.ID]
		t.Nominees++
		if n.Eligible {
			t.Eligible++
		}
		if voted {
			t.Voted++
			if v.Passed {
				t.Passed++
			}
		}
		line := SummaryLine{NomineeID: n.ID, Name: names.subject(n.Subject), Award: t.Name, Reasons: n.Reasons,
			Justification: n.Justification, Vote: v, Voted: voted}
		if !n.Eligible {
			sum.Ineligible = append(sum.Ineligible, line)
		}
		sum.Votes = append(sum.Votes, line)
	}
	for i := range sum.Awards {
		sum.Awards[i] = *tally[sum.Awards[i].Award]
	}
	// One evaluation of the year serves the problems and the contradictions.
	e, err := s.evaluation(ctx, r.Year)
	if err != nil {
		return sum, err
	}
	if sum.Problems, err = s.roundProblems(ctx, r, e); err != nil {
		return sum, err
	}
	sum.Contradictions = e.contradictions(ns, awardName)
	if r.Status == domain.StatusDraft {
		events, err := s.st.RoundEvents(ctx, id)
		if err != nil {
			return sum, err
		}
		if k := len(events); k > 0 && events[k-1].From == domain.StatusSubmitted && events[k-1].To == domain.StatusDraft {
			sum.Returned = events[k-1].Reason
		}
	}
	return sum, nil
}

// ReturnRound sends a round that awaits approval back to the clerk, with
// the director's reason, which the round's history keeps and the round
// shows until it is submitted again.
func (s *Service) ReturnRound(ctx context.Context, id int64, reason string) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	reason = strings.TrimSpace(cleanText(reason))
	return s.st.Write(ctx, func(tx *store.Tx) error {
		r, err := txRound(tx, id)
		if err != nil {
			return err
		}
		if r.Status != domain.StatusSubmitted {
			return domain.FieldError{Field: FieldRoundStatus, Err: domain.ErrInUse,
				Msg: fmt.Sprintf("đợt %q đang ở trạng thái %s; chỉ trả lại được đợt đang chờ duyệt", r.Name, r.Status.Label())}
		}
		if reason == "" {
			return domain.FieldError{Field: FieldReturnReason, Msg: "chưa nhập; ghi điều cần sửa để chuyên viên biết (lý do được lưu vào lịch sử của đợt)"}
		}
		return s.moveRound(tx, r, domain.StatusDraft, reason)
	})
}

// contradictions names the collectives proposed for an award above Tập thể
// lao động tiên tiến (which asks only that the tasks be completed) whose
// targets of the year fall short of plan, each award under awardName.
func (e *evaluation) contradictions(ns []domain.Nominee, awardName func(string) string) []string {
	var out []string
	ms, vs := movementsOf(e.ms, e.year), yearValues(e.values, e.year)
	for _, n := range ns {
		if n.Subject.Kind != domain.SubjectCollective || n.Award == rules.AwardTTLDTT || n.Award == rules.AwardGK {
			continue
		}
		var short []string
		for _, tl := range targetLines(ms, vs, n.Subject.Code) {
			if !tl.HasActual {
				continue
			}
			if pct, met := tl.Target.Achieved(tl.Planned, tl.Actual); !met {
				short = append(short, fmt.Sprintf("%s đạt %s%% kế hoạch", tl.Target.Name, docs.FormatShort(pct, 1)))
			}
		}
		if len(short) > 0 {
			out = append(out, fmt.Sprintf("%s được đề nghị %s nhưng %s", e.names.subject(n.Subject), awardName(n.Award), strings.Join(short, "; ")))
		}
	}
	return out
}
