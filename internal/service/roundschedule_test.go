package service

import (
	"context"
	"errors"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

func TestParseClock(t *testing.T) {
	for in, want := range map[string]string{"8:00": "08:00", "08:00": "08:00", "8h": "08:00", "8h30": "08:30", " 14:05 ": "14:05"} {
		if got, ok := ParseClock(in); !ok || got != want {
			t.Errorf("ParseClock(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "8", "24:00", "7:60", "sáng", "123:00"} {
		if got, ok := ParseClock(in); ok {
			t.Errorf("ParseClock(%q) = %q, accepted", in, got)
		}
	}
}

// The round's dates are entered and kept; what cannot be is refused with
// the field named, and an impossible order is warned about.
func TestRound_Schedule(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	id := rs[0].ID
	c, err := s.Council(ctx, id)
	must(t, err)

	err = s.SetRoundSchedule(ctx, id, RoundSchedule{CouncilStart: "14:00", CouncilEnd: "9h"})
	var fe domain.FieldError
	if !errors.As(err, &fe) || fe.Field != FieldCouncilEnd {
		t.Errorf("an end before the start: %v", err)
	}
	err = s.SetRoundSchedule(ctx, id, RoundSchedule{CouncilStart: "sáng"})
	var fes domain.FieldErrors
	if !errors.As(err, &fes) || fes[0].Field != FieldCouncilStart {
		t.Errorf("a time that is not one: %v", err)
	}
	must(t, s.SetRoundSchedule(ctx, id, RoundSchedule{CouncilStart: "8h", CouncilEnd: "11:30", SubmissionNumber: 21}))
	c2, _ := s.Council(ctx, id)
	r, _ := s.Round(ctx, id)
	if c2.Start != "08:00" || c2.End != "11:30" || c2.Date != c.Date || len(c2.Votes) != len(c.Votes) || r.Number != 21 {
		t.Errorf("after setting times: council %v %s–%s (%d votes), round number %d", c2.Date, c2.Start, c2.End, len(c2.Votes), r.Number)
	}
	if ws, _ := s.ScheduleWarnings(ctx, id); len(ws) != 0 {
		t.Errorf("the demo round's dates are in order, yet: %v", ws)
	}
	before := demoAddDays(c.Date, -1)
	must(t, s.SetRoundSchedule(ctx, id, RoundSchedule{SubmissionDate: before}))
	ws, _ := s.ScheduleWarnings(ctx, id)
	if len(ws) != 1 || !strings.Contains(ws[0], "trước ngày họp Hội đồng") {
		t.Errorf("a Tờ trình before the council: %v", ws)
	}
}

// The office's own decision writes its awards into the history with the
// office's director as issuer; an award the centre confers is refused.
func TestRound_DecideAward(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	id := rs[0].ID
	c, _ := s.Council(ctx, id)
	res, err := s.VoteResult(ctx, id)
	must(t, err)
	ns, _ := s.Nominees(ctx, id)
	var want int
	var one domain.Nominee
	for _, n := range ns {
		if n.Award == "CSTDCS" && res[n.ID].Passed {
			want++
			one = n
		}
	}
	if want == 0 {
		t.Fatal("the demo round passes no CSTĐCS")
	}
	date := demoWorkday(demoAddDays(c.Date, 7))

	_, err = s.DecideAward(ctx, id, Decision{Award: "BK_BO", Number: "5", Date: date})
	var fe domain.FieldError
	if !errors.As(err, &fe) || fe.Field != FieldAward || !strings.Contains(fe.Msg, "Bộ trưởng Bộ Tài chính") {
		t.Errorf("a ministry's award decided by the office: %v", err)
	}
	_, err = s.DecideAward(ctx, id, Decision{Award: "CSTDCS", Number: "12", Date: demoAddDays(c.Date, -1)})
	if !errors.As(err, &fe) || fe.Field != FieldDecisionDate {
		t.Errorf("a decision before the council: %v", err)
	}
	_, err = s.DecideAward(ctx, id, Decision{Award: "CSTDCS"})
	var fes domain.FieldErrors
	if !errors.As(err, &fes) || len(fes) != 2 {
		t.Errorf("a decision without number and date: %v", err)
	}

	// Lao động tiên tiến first: the other titles rest on it.
	_, err = s.DecideAward(ctx, id, Decision{Award: "CSTDCS", Number: "12", Date: date})
	if !errors.As(err, &fe) || fe.Field != FieldAward || !strings.Contains(fe.Msg, "Lao động tiên tiến trước") {
		t.Errorf("CSTĐCS before LĐTT: %v", err)
	}
	if _, err := s.DecideAward(ctx, id, Decision{Award: "LDTT", Number: "11", Date: date}); err != nil {
		t.Fatal(err)
	}
	n, err := s.DecideAward(ctx, id, Decision{Award: "CSTDCS", Number: "12", Date: date})
	must(t, err)
	if n != want {
		t.Errorf("recorded %d CSTĐCS, the council passed %d", n, want)
	}
	check := func(no string) {
		t.Helper()
		as, err := s.Awards(ctx, one.Subject)
		must(t, err)
		found := false
		for _, a := range as {
			if a.AwardCode == "CSTDCS" && a.Year == rs[0].Year {
				found = true
				if a.DecisionNo != no || a.DecisionDate != date || a.Issuer != "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh" {
					t.Errorf("recorded as %+v", a)
				}
			}
		}
		if !found {
			t.Errorf("%s has no CSTĐCS %d in the history", one.Subject.Code, rs[0].Year)
		}
	}
	check("12/QĐ-BHXH")
	// Entered again with another number: the records follow, none doubled.
	if n2, err := s.DecideAward(ctx, id, Decision{Award: "CSTDCS", Number: "13/QĐ-BHXH", Date: date}); err != nil || n2 != want {
		t.Errorf("corrected: %d %v", n2, err)
	}
	check("13/QĐ-BHXH")
	ds, _ := s.RoundDecisions(ctx, id)
	if len(ds) != 2 || ds[0].Award != "CSTDCS" || ds[0].Number != "13/QĐ-BHXH" || !ds[0].Recorded || ds[0].Signer == "" {
		t.Errorf("decisions %+v", ds)
	}
	if ws, _ := s.ScheduleWarnings(ctx, id); len(ws) != 0 {
		t.Errorf("warnings %v", ws)
	}
}

// Who confers an award is edited in the catalogue: a new period for Giấy
// khen is kept and used, an overlapping or incomplete one refused with the
// field named.
func TestCatalogue_SaveAwardAuthority(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	cat, err := s.Catalogue(ctx)
	must(t, err)
	var gk rules.AwardAuthority
	for _, aa := range cat.AwardAuthorities {
		if aa.Award == "GK" {
			gk = aa
		}
	}
	if gk.ID == 0 {
		t.Fatal("no stored row for Giấy khen")
	}
	var fes domain.FieldErrors
	err = s.SaveAwardAuthority(ctx, rules.AwardAuthority{Award: "GK", Authority: rules.AuthDirector, FullName: "Giấy khen mới", ValidFrom: domain.NewDate(2030, 1, 1)})
	if !errors.As(err, &fes) || fes[0].Field != FieldValidFrom {
		t.Fatalf("a period overlapping the open one: %v", err)
	}
	gk.ValidTo = domain.NewDate(2029, 12, 31)
	must(t, s.SaveAwardAuthority(ctx, gk))
	err = s.SaveAwardAuthority(ctx, rules.AwardAuthority{Award: "GK", Authority: "KHONG_CO"})
	named := map[string]bool{}
	if errors.As(err, &fes) {
		for _, fe := range fes {
			named[fe.Field] = true
		}
	}
	if !named[FieldAuthority] || !named[FieldAwardFullName] {
		t.Errorf("unknown authority and no name: %v", err)
	}
	must(t, s.SaveAwardAuthority(ctx, rules.AwardAuthority{Award: "GK", Authority: rules.AuthMinister, FullName: "Giấy khen của Bộ trưởng", ValidFrom: domain.NewDate(2030, 1, 1)}))
	cat, _ = s.Catalogue(ctx)
	if c := cat.ConferredBy("GK", domain.NewDate(2030, 6, 1)); c.FullName != "Giấy khen của Bộ trưởng" || c.Own {
		t.Errorf("GK in 2030: %+v", c)
	}
	if !cat.Own("GK", domain.NewDate(2029, 6, 1)) {
		t.Error("GK in 2029 is no longer the director's")
	}
	if err := s.As(domain.Account{Username: "cv", Role: domain.RoleClerk}).SaveAwardAuthority(ctx, gk); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a clerk edits the catalogue: %v", err)
	}
}

// The package tells the centre which nominations are the office's own
// (reported, not the centre's to decide) and carries the office's own
// decisions, with their counts, apart from the proposals up.
func TestPackageData_OwnDecisionsApart(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	id := rs[0].ID
	c, _ := s.Council(ctx, id)
	date := demoWorkday(demoAddDays(c.Date, 7))
	n, err := s.DecideAward(ctx, id, Decision{Award: "LDTT", Number: "11", Date: date})
	must(t, err)
	d, err := s.PackageData(ctx, id)
	must(t, err)
	if len(d.OwnDecisions) != 1 || d.OwnDecisions[0].Award != "LDTT" || d.OwnDecisions[0].Number != "11/QĐ-BHXH" ||
		d.OwnDecisions[0].Date != date.ISO() || d.OwnDecisions[0].Count != n || n == 0 {
		t.Errorf("own decisions %+v (%d recorded)", d.OwnDecisions, n)
	}
	own, up := 0, 0
	for _, x := range d.Nominations {
		switch {
		case x.Own:
			own++
			if x.ConferredBy != "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh" {
				t.Errorf("%s %s conferred by %q", x.Code, x.Award, x.ConferredBy)
			}
		default:
			up++
			if x.ConferredBy == "" || strings.Contains(x.AwardName, "cấp bộ, ngành") {
				t.Errorf("%s %s: %q by %q", x.Code, x.Award, x.AwardName, x.ConferredBy)
			}
		}
	}
	if own == 0 || up == 0 {
		t.Errorf("%d own and %d proposals up", own, up)
	}
}

// A collective's title counts its members' Lao động tiên tiến of the same
// round: before the office's decision on LĐTT the Tập thể lao động tiên
// tiến rests on titles pending in the round, after it on recorded ones,
// with the same share of members.
func TestRound_CollectiveTitlesCountTheRoundsLDTT(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, _ := s.Rounds(ctx)
	r := rs[0]
	share := func(v rules.Verdict) string {
		for _, x := range v.Reasons {
			if strings.HasPrefix(x, "Tỷ lệ LĐTT") {
				return x
			}
		}
		return ""
	}
	before := verdictsOf(t, s, r.Year)
	var units []string
	for k, v := range before {
		if strings.HasSuffix(k, "/TTLDTT") && v.Eligible {
			units = append(units, k)
			if !v.Pending || share(v) == "" {
				t.Errorf("%s before the LĐTT decision: pending %v, reasons %q", k, v.Pending, v.Reasons)
			}
		}
	}
	if len(units) == 0 {
		t.Fatal("no collective of the demo round is eligible for TTLĐTT")
	}
	c, _ := s.Council(ctx, r.ID)
	if _, err := s.DecideAward(ctx, r.ID, Decision{Award: "LDTT", Number: "11", Date: demoWorkday(demoAddDays(c.Date, 7))}); err != nil {
		t.Fatal(err)
	}
	after := verdictsOf(t, s, r.Year)
	for _, k := range units {
		v := after[k]
		if !v.Eligible || v.Pending || share(v) != share(before[k]) {
			t.Errorf("%s after the LĐTT decision: eligible %v pending %v, %q (before %q)", k, v.Eligible, v.Pending, share(v), share(before[k]))
		}
	}
}
