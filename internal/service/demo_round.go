package service

// The demo's year-end round for the last completed year L: proposed from
// the engine's verdicts, voted by a council of nine (eight present and one
// absent member's written opinion, secret ballot) and approved. It is written in FillDemo's transaction, so the
// engine reads the history that transaction has just written.

import (
	"fmt"
	"strings"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// DemoRoundNumber is the number of the demo round's Tờ trình.
const DemoRoundNumber = 15

// demoJustifiedNum is the number of the ineligible nominee the director
// keeps, with the written justification: staff member 8 (rated HTNV in L)
// for a Giấy khen; demoJustified is its code in the default office.
const (
	demoJustifiedNum = 8
	demoJustified    = DemoUnitCode + "0008"
)

func (g *demoGen) writeRound(tx *store.Tx, step func(int) error) error {
	L := g.last
	justified := g.staffCode(demoJustifiedNum)
	e, err := evaluate(tx, g.cat, L)
	if err != nil {
		return err
	}
	r := domain.Round{Year: L, Kind: domain.RoundRegular, Name: DefaultRoundName(domain.RoundRegular, L, ""), Status: domain.StatusDraft, Number: DemoRoundNumber}
	if r.ID, err = tx.CreateRound(r); err != nil {
		return err
	}
	// Titles and forms proposed from the verdicts, Lao động tiên tiến
	// first (the other titles rest on it); Giấy khen for a few.
	for _, award := range []string{"LDTT", "TTLDTT", "TTLDXS", "CSTDCS", "CSTD_BO", "BK_BO"} {
		if _, err := e.proposeEligible(tx, r, award, g.today); err != nil {
			return err
		}
	}
	gk := 0
	for _, v := range EligibleToPropose(e.sortedVerdicts(), "GK") {
		if gk == 4 {
			break
		}
		if v.Subject.Kind != domain.SubjectPerson || v.Subject.Code <= g.staffCode(25) || e.checkNominee(v.Subject, "GK", g.today) != nil {
			continue
		}
		if _, dup, err := openNomination(tx, v.Subject, "GK", L); err != nil {
			return err
		} else if dup {
			continue
		}
		if _, err := tx.AddNominee(e.nominee(r, v.Subject, "GK")); err != nil {
			return err
		}
		gk++
	}
	if sub := domain.PersonSubject(justified); e.checkNominee(sub, "GK", g.today) == nil {
		n := e.nominee(r, sub, "GK")
		if !n.Eligible {
			n.Justification = fmt.Sprintf("Năm %d đồng chí %s xếp loại hoàn thành nhiệm vụ do nghỉ điều trị bệnh dài ngày, nhưng có thành tích đột xuất trong chiến dịch phát triển người tham gia BHXH tự nguyện quý IV/%d. Thủ trưởng đơn vị đề nghị tặng Giấy khen để động viên, khích lệ.",
				L, e.names.subject(sub), L)
			// The one-off achievement, as the clerk adds it to the drafted
			// report: what the records cannot say.
			n.Report.Achievements += fmt.Sprintf("\nTrong chiến dịch phát triển người tham gia bảo hiểm xã hội tự nguyện quý IV/%d, trực tiếp vận động 126 người tham gia, vượt 58%% chỉ tiêu được giao cho đơn vị trong chiến dịch.", L)
		}
		if _, err := tx.AddNominee(n); err != nil {
			return err
		}
	}

	// The council: nine members, one absent who sent a written opinion;
	// a morning's meeting; secret ballot counted by three members present.
	people, err := tx.People()
	if err != nil {
		return err
	}
	c := domain.Council{RoundID: r.ID, Method: domain.VoteSecret, Place: "Hội trường " + g.office.Name,
		Date: demoWorkday(domain.NewDate(L+1, time.January, 14)), Start: "08:00", End: "11:00"}
	if c.Date.After(g.today) {
		c.Date = g.today
	}
	c.Members = g.demoCouncil(people, e.names)
	for i := range c.Members {
		if !c.Members[i].Present {
			c.Members[i].Opinion = demoWrittenOpinion
		}
	}
	c.Tellers = demoTellers(c.Members)
	ns, err := tx.Nominees(r.ID)
	if err != nil {
		return err
	}
	c.Discussion = demoDiscussion(L, ns, justified, e.names)
	// The absent member's opinion agrees with the whole list and counts as
	// a vote when the catalogue says so (it does by default). One member
	// present votes against the CSTĐ cấp bộ nominees: 8/9 = 88,9% of all
	// members, below the 90% the title needs, so they fail.
	present, opinions := voters(c, writtenOpinionsCount(g.cat, L))
	voted := present + opinions
	for i, n := range ns {
		v := domain.Vote{NomineeID: n.ID, For: voted}
		switch {
		case n.Subject.Code == justified:
			v.For, v.Against, v.Abstain = voted-3, 2, 1
		case secretAwards[n.Award]:
			v.For, v.Against = voted-1, 1
		case i%5 == 3:
			v.For, v.Against = voted-1, 1
		}
		if v.For < 0 {
			v.For = 0
		}
		c.Votes = append(c.Votes, v)
	}
	if err := tx.SaveCouncil(c); err != nil {
		return err
	}
	// The round is complete: TestDemo_RoundIsReadyToApprove checks it
	// with RoundProblems once the demo is written.
	r.Status = domain.StatusApproved
	// The Tờ trình goes out two working days after the council met.
	r.Date = demoWorkday(demoAddDays(c.Date, 2))
	if r.Date.After(g.today) {
		r.Date = g.today
	}
	if err := tx.UpdateRound(r); err != nil {
		return err
	}
	// The round's history: opened and submitted by the clerk's work, approved
	// by the demo director (the only account of the demo office).
	at := g.today.Time().Add(8 * time.Hour)
	for i, e := range []store.RoundEvent{
		{To: domain.StatusDraft},
		{From: domain.StatusDraft, To: domain.StatusSubmitted},
		{From: domain.StatusSubmitted, To: domain.StatusApproved},
	} {
		e.RoundID, e.Actor, e.At = r.ID, DemoUser, at.Add(time.Duration(i)*time.Hour)
		if err := tx.AddRoundEvent(e); err != nil {
			return err
		}
	}
	return step(0)
}

// demoWrittenOpinion is what the demo council's absent member sent.
const demoWrittenOpinion = "Nhất trí với danh sách đề nghị khen thưởng do Thường trực Hội đồng trình."

// demoTellers is the Ban kiểm phiếu: three members present who are neither
// the chair nor a deputy nor the secretary, who keep the minutes, in the
// council's order, the first as its head.
func demoTellers(ms []domain.CouncilMember) []string {
	var out []string
	for _, m := range ms {
		if len(out) == 3 {
			break
		}
		if m.Present && m.Role == "Ủy viên" {
			out = append(out, m.Name)
		}
	}
	return out
}

// demoDiscussion is the summary of what the members said: the
// achievements behind the list, and the one borderline case, the
// ineligible nominee the director keeps with a justification.
func demoDiscussion(L int, ns []domain.Nominee, justified string, names subjectNames) string {
	lines := []string{fmt.Sprintf("Các thành viên Hội đồng thống nhất đánh giá năm %d các tập thể, cá nhân được đề nghị đã hoàn thành tốt và xuất sắc nhiệm vụ được giao, "+
		"nổi bật là kết quả thu, phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế và cải cách thủ tục hành chính; các sáng kiến làm căn cứ xét danh hiệu "+
		"đã được công nhận và áp dụng có hiệu quả tại đơn vị.", L)}
	for _, n := range ns {
		if n.Subject.Code == justified && !n.Eligible {
			lines = append(lines, fmt.Sprintf("Đối với trường hợp đồng chí %s đề nghị tặng Giấy khen, một số ý kiến đề nghị cân nhắc vì năm %d đồng chí xếp loại hoàn thành nhiệm vụ; "+
				"Hội đồng ghi nhận thành tích đột xuất trong chiến dịch phát triển người tham gia bảo hiểm xã hội tự nguyện quý IV/%d và thống nhất đưa ra biểu quyết.",
				names.subject(n.Subject), L, L))
			break
		}
	}
	lines = append(lines, "Các trường hợp đề nghị danh hiệu Chiến sĩ thi đua cấp bộ, ngành được Hội đồng biểu quyết bằng hình thức bỏ phiếu kín.")
	return strings.Join(lines, " ")
}

// demoCouncil is the director (chair), the deputies, the head of personnel
// (secretary), four more department heads and the union chair; the last
// department head is absent.
func (g *demoGen) demoCouncil(people []domain.Person, names subjectNames) []domain.CouncilMember {
	byCode := map[string]domain.Person{}
	for _, p := range people {
		byCode[p.StaffCode] = p
	}
	var ms []domain.CouncilMember
	taken := map[string]bool{}
	add := func(p domain.Person, position, role string, present bool) {
		if p.StaffCode == "" || taken[p.StaffCode] {
			return
		}
		taken[p.StaffCode] = true
		ms = append(ms, domain.CouncilMember{Name: p.FullName, Position: position, Role: role, Present: present})
	}
	dir := byCode[g.staffCode(1)]
	add(dir, dir.Position, "Chủ tịch Hội đồng", true)
	for _, code := range []string{g.staffCode(2), g.staffCode(3)} {
		p := byCode[code]
		add(p, p.Position, "Phó Chủ tịch Hội đồng", true)
	}
	headOf := func(unit string) (domain.Person, string) {
		u := names.units[unit]
		for _, p := range people {
			if p.UnitCode == unit && (p.Position == "Trưởng phòng" || p.Position == "Chánh Văn phòng") {
				pos := p.Position
				if pos == "Trưởng phòng" {
					pos += " " + strings.TrimPrefix(u.Name, "Phòng ")
				}
				return p, pos
			}
		}
		return domain.Person{}, ""
	}
	if p, pos := headOf(g.u("TCCB")); p.StaffCode != "" {
		add(p, pos, "Ủy viên, Thư ký", true)
	}
	heads := 0
	for _, code := range []string{"VP", "KHTC", "THU", "CD", "GD", "KT", "CNTT"} {
		if heads == 4 {
			break
		}
		if p, pos := headOf(g.u(code)); p.StaffCode != "" && !taken[p.StaffCode] {
			heads++
			add(p, pos, "Ủy viên", heads < 4)
		}
	}
	// The union chair: the deputy of the Văn phòng, else anyone not yet a member.
	for _, p := range people {
		if p.UnitCode == g.u("VP") && p.Position == "Phó Chánh Văn phòng" && !taken[p.StaffCode] {
			add(p, "Phó Chánh Văn phòng, Chủ tịch Công đoàn cơ sở", "Ủy viên", true)
			break
		}
	}
	for _, p := range people { // small offices: fill up to nine
		if len(ms) >= 9 {
			break
		}
		if !taken[p.StaffCode] && p.UnitCode != "" {
			add(p, p.Position, "Ủy viên", true)
		}
	}
	return ms
}
