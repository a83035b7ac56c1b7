package main

import (
	"fmt"
	"strings"

	"tdkt/internal/domain"
	"tdkt/internal/service"
)

// roundSet records the round's own dates and numbers, which its documents
// print instead of the day they are exported.
func (c *cli) roundSet(args []string) error {
	fs := c.flags("round set")
	id := fs.Int64("round", 0, "mã đợt (tdktctl round list)")
	councilDate := fs.String("council-date", "", "ngày họp Hội đồng dd/mm/yyyy")
	start := fs.String("council-start", "", "giờ bắt đầu họp HH:MM")
	end := fs.String("council-end", "", "giờ kết thúc họp HH:MM")
	subDate := fs.String("submission-date", "", "ngày Tờ trình dd/mm/yyyy")
	subNumber := fs.Int("submission-number", 0, "số Tờ trình (số đầu tiên; các Tờ trình sau lấy số tiếp theo)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *id == 0 {
		return fail(2, "round set cần --round ID")
	}
	sc := service.RoundSchedule{CouncilStart: *start, CouncilEnd: *end, SubmissionNumber: *subNumber}
	for _, d := range []struct {
		flag string
		in   string
		dst  *domain.Date
	}{{"--council-date", *councilDate, &sc.CouncilDate}, {"--submission-date", *subDate, &sc.SubmissionDate}} {
		if strings.TrimSpace(d.in) == "" {
			continue
		}
		v, err := domain.ParseDate(d.in)
		if err != nil {
			return fail(2, "%s: %v", d.flag, err)
		}
		*d.dst = v
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	if err := svc.SetRoundSchedule(c.ctx, *id, sc); err != nil {
		if fes := domain.AsFieldErrors(err); len(fes) > 0 {
			return fail(2, "%v", err)
		}
		return err
	}
	return c.scheduleWarnings(svc, *id)
}

// scheduleWarnings prints what is impossible in the order of the round's
// dates, as warnings: the clerk may be entering them one by one.
func (c *cli) scheduleWarnings(svc *service.Service, id int64) error {
	ws, err := svc.ScheduleWarnings(c.ctx, id)
	if err != nil {
		return err
	}
	for _, w := range ws {
		fmt.Fprintln(c.errw, "Cảnh báo: "+w)
	}
	return nil
}

// roundDecide records the office's own decision for an award of its
// competence, which writes the awards into the history.
func (c *cli) roundDecide(args []string) error {
	fs := c.flags("round decide")
	id := fs.Int64("round", 0, "mã đợt (tdktctl round list)")
	award := fs.String("award", "", "mã danh hiệu, hình thức (ví dụ CSTDCS)")
	number := fs.String("number", "", "số quyết định (12 hoặc 12/QĐ-BHXH)")
	date := fs.String("date", "", "ngày quyết định dd/mm/yyyy")
	signer := fs.String("signer", "", "người ký (mặc định: Giám đốc)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *id == 0 || *award == "" {
		return fail(2, "round decide cần --round ID --award MÃ --number SỐ --date dd/mm/yyyy")
	}
	d := service.Decision{Award: *award, Number: *number, Signer: *signer}
	if strings.TrimSpace(*date) != "" {
		if d.Date, err = domain.ParseDate(*date); err != nil {
			return fail(2, "--date: %v", err)
		}
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	n, err := svc.DecideAward(c.ctx, *id, d)
	if err != nil {
		if fes := domain.AsFieldErrors(err); len(fes) > 0 {
			return fail(2, "%v", err)
		}
		return err
	}
	cat, err := svc.Catalogue(c.ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã ghi %s cho %d tập thể, cá nhân vào lịch sử khen thưởng\n", cat.AwardName(d.Award), n)
	return c.scheduleWarnings(svc, *id)
}

// proposalJSON is one nominee of a round in round list --json: the award,
// who confers it, the council's vote and the decision taken.
type proposalJSON struct {
	NominationID int64  `json:"nomination_id"`
	Subject      string `json:"subject"` // "person" or "collective"
	Code         string `json:"code"`
	Award        string `json:"award"`
	AwardName    string `json:"award_name"`
	Authority    string `json:"authority"`
	ConferredBy  string `json:"conferred_by"`
	Own          bool   `json:"own"`
	Passed       bool   `json:"passed"`
	Decision     string `json:"decision"` // "granted", "refused" or ""
}

func (c *cli) proposals(svc *service.Service, roundID int64) ([]proposalJSON, error) {
	ns, err := svc.Nominees(c.ctx, roundID)
	if err != nil {
		return nil, err
	}
	res, err := svc.VoteResult(c.ctx, roundID)
	if err != nil {
		return nil, err
	}
	conf, err := svc.RoundConferrals(c.ctx, roundID)
	if err != nil {
		return nil, err
	}
	p, _, err := svc.Profile(c.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]proposalJSON, 0, len(ns))
	for _, n := range ns {
		cf := conf[n.Award]
		j := proposalJSON{NominationID: n.ID, Subject: "person", Code: n.Subject.Code, Award: n.Award, AwardName: cf.FullName,
			Authority: cf.Authority.Code, ConferredBy: cf.DecidedBy(p.DirectorTitle()), Own: cf.Own, Passed: res[n.ID].Passed}
		if n.Subject.Kind == domain.SubjectCollective {
			j.Subject = "collective"
		}
		switch n.Decision {
		case domain.DecisionGranted:
			j.Decision = "granted"
		case domain.DecisionRefused:
			j.Decision = "refused"
		}
		out = append(out, j)
	}
	return out, nil
}
