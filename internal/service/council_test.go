package service

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

// The minutes' own texts are kept as the minutes print them: the times
// as hh:mm, the discussion with its lines but without stray spaces or
// blank runs, the tellers and the absent member's opinion on one clean
// line each.
func TestCouncil_MinutesTextsAreCleanedAndSaved(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	id := mustRound(t, s, 2024)
	c := councilOf(id, 9, 8, domain.VoteSecret)
	c.Start, c.End = " 8h ", "11:00"
	c.Discussion = "  Các thành viên   thống nhất.\r\n\r\n\r\nCó ý kiến\tvề một trường hợp. "
	c.Tellers = []string{" Thành viên  B ", "Thành viên C", "Thành viên D"}
	c.Members[8].Opinion = "  Nhất trí với danh sách\nđề nghị. "
	must(t, s.SaveCouncil(ctx, c))
	got, err := s.Council(ctx, id)
	must(t, err)
	if got.Start != "08:00" || got.End != "11:00" || got.Discussion != "Các thành viên thống nhất.\n\nCó ý kiến về một trường hợp." ||
		!reflect.DeepEqual(got.Tellers, []string{"Thành viên B", "Thành viên C", "Thành viên D"}) || got.Members[8].Opinion != "Nhất trí với danh sách\nđề nghị." {
		t.Errorf("saved: %q–%q %q %q %q", got.Start, got.End, got.Discussion, got.Tellers, got.Members[8].Opinion)
	}
	// Saved again without them, the texts are gone: the form sends all.
	c = councilOf(id, 9, 8, domain.VoteSecret)
	must(t, s.SaveCouncil(ctx, c))
	if got, _ := s.Council(ctx, id); got.Start != "" || got.Discussion != "" || got.Tellers != nil || got.Members[8].Opinion != "" {
		t.Errorf("saved without texts: %+v", got)
	}
}

// A meeting's times are hh:mm and it ends after it starts; each mistake
// is named under its field.
func TestCouncil_TimesAreCheckedByField(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	id := mustRound(t, s, 2024)
	scenarios := []struct {
		name, start, end string
		fields           []string
		msg              string
	}{
		{"no times", "", "", nil, ""},
		{"start only", "7:30", "", nil, ""},
		{"hour out of range", "25:00", "11:00", []string{FieldCouncilStart}, "25:00"},
		{"not a time", "08:00", "trưa", []string{FieldCouncilEnd}, "trưa"},
		{"both wrong", "8:75", "x", []string{FieldCouncilStart, FieldCouncilEnd}, ""},
		{"ends before it starts", "14:00", "11:30", []string{FieldCouncilEnd}, "14:00"},
		{"ends as it starts", "08:00", "8h", []string{FieldCouncilEnd}, "08:00"},
	}
	for _, sc := range scenarios {
		c := councilOf(id, 3, 3, domain.VoteShowOfHands)
		c.Start, c.End = sc.start, sc.end
		err := s.SaveCouncil(ctx, c)
		wantFields(t, sc.name, err, sc.fields...)
		if err != nil && !strings.Contains(err.Error(), sc.msg) {
			t.Errorf("%s: %v does not say %q", sc.name, err, sc.msg)
		}
	}
}

// The Ban kiểm phiếu are named, once each, among the members present; a
// written opinion is an absent member's only.
func TestCouncil_TellersAndOpinionsAreChecked(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	id := mustRound(t, s, 2024)
	scenarios := []struct {
		name    string
		edit    func(c *domain.Council)
		field   string
		message string
	}{
		{"three tellers present", func(c *domain.Council) { c.Tellers = []string{"Thành viên A", "thành viên b", "Thành viên C"} }, "", ""},
		{"blank teller", func(c *domain.Council) { c.Tellers = []string{"Thành viên A", "  "} }, FieldTellers, "người thứ 2"},
		{"teller twice", func(c *domain.Council) { c.Tellers = []string{"Thành viên A", "THÀNH VIÊN A"} }, FieldTellers, "hai lần"},
		{"teller not a member", func(c *domain.Council) { c.Tellers = []string{"Người Ngoài"} }, FieldTellers, "Người Ngoài"},
		{"absent teller", func(c *domain.Council) { c.Tellers = []string{"Thành viên E"} }, FieldTellers, "có mặt"},
		{"opinion of the absent", func(c *domain.Council) { c.Members[4].Opinion = "Nhất trí." }, "", ""},
		{"opinion of a member present", func(c *domain.Council) { c.Members[1].Opinion = "Nhất trí." }, FieldMembers, "Thành viên B"},
		{"blank opinion of a member present", func(c *domain.Council) { c.Members[1].Opinion = " \n " }, "", ""},
	}
	for _, sc := range scenarios {
		c := councilOf(id, 5, 4, domain.VoteSecret)
		sc.edit(&c)
		err := s.SaveCouncil(ctx, c)
		if sc.field == "" {
			wantFields(t, sc.name, err)
			continue
		}
		wantFields(t, sc.name, err, sc.field)
		if err != nil && !strings.Contains(err.Error(), sc.message) {
			t.Errorf("%s: %v does not say %q", sc.name, err, sc.message)
		}
	}
}

// The written opinion of an absent member counts in the vote while the
// catalogue's council.written_opinions_count says so: nine votes of eight
// members present and one written opinion; not without the opinion, nor
// once the parameter is false.
func TestCouncil_WrittenOpinionsCountPerCatalogue(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	id := mustRound(t, s, 2024)
	gk, err := s.AddNominee(ctx, id, domain.PersonSubject("HTI0031"), "GK")
	must(t, err)
	council := func(opinion string, votes int) domain.Council {
		c := councilOf(id, 9, 8, domain.VoteSecret)
		c.Members[8].Opinion = opinion
		c.Votes = []domain.Vote{{NomineeID: gk.ID, For: votes}}
		return c
	}
	wantFields(t, "8 present and a written opinion, 9 votes", s.SaveCouncil(ctx, council("Nhất trí.", 9)))
	res, err := s.VoteResult(ctx, id)
	must(t, err)
	if !res[gk.ID].Passed || !strings.Contains(res[gk.ID].Reason, "9/9") {
		t.Errorf("result with the written opinion: %+v", res[gk.ID])
	}
	err = s.SaveCouncil(ctx, council("Nhất trí.", 10))
	wantFields(t, "10 votes", err, FieldVotes)
	if err == nil || !strings.Contains(err.Error(), "8 thành viên có mặt và 1 thành viên vắng mặt có ý kiến bằng văn bản") {
		t.Errorf("10 votes: %v", err)
	}
	wantFields(t, "no opinion, 9 votes", s.SaveCouncil(ctx, council("", 9)), FieldVotes)

	params, err := s.Params(ctx)
	must(t, err)
	found := false
	for _, p := range params {
		if p.Key == "council.written_opinions_count" {
			found = true
			must(t, s.SaveParam(ctx, p.ID, rules.Param{Key: p.Key, Value: "false", Description: p.Description}))
		}
	}
	if !found {
		t.Fatal("the catalogue has no council.written_opinions_count")
	}
	err = s.SaveCouncil(ctx, council("Nhất trí.", 9))
	wantFields(t, "opinions not counted, 9 votes", err, FieldVotes)
	if err == nil || !strings.Contains(err.Error(), "nhiều hơn 8 thành viên có mặt") {
		t.Errorf("opinions not counted: %v", err)
	}
	wantFields(t, "opinions not counted, 8 votes", s.SaveCouncil(ctx, council("Nhất trí.", 8)))
}

// The demo council meets in the morning, sums up its discussion, has a
// Ban kiểm phiếu of three members present and one absent member whose
// written opinion is counted: nine votes for most nominees.
func TestDemo_CouncilMinutes(t *testing.T) {
	s := demoRoundFixture(t)
	ctx := context.Background()
	rs, err := s.Rounds(ctx)
	must(t, err)
	c, err := s.Council(ctx, rs[0].ID)
	must(t, err)
	if c.Start != "08:00" || c.End != "11:00" || strings.Count(c.Discussion, ". ")+1 < 2 || len(c.Tellers) != 3 {
		t.Errorf("demo council: %s–%s, %q, tellers %v", c.Start, c.End, c.Discussion, c.Tellers)
	}
	present := map[string]bool{}
	var opinions []string
	for _, m := range c.Members {
		present[m.Name] = m.Present
		if m.Opinion != "" {
			if m.Present {
				t.Errorf("%s is present with a written opinion", m.Name)
			}
			opinions = append(opinions, m.Opinion)
		}
	}
	for _, name := range c.Tellers {
		if !present[name] {
			t.Errorf("teller %q is not a member present", name)
		}
	}
	if !reflect.DeepEqual(opinions, []string{demoWrittenOpinion}) {
		t.Errorf("written opinions %q", opinions)
	}
	nine := 0
	for _, v := range c.Votes {
		if v.For+v.Against+v.Abstain != 9 {
			t.Errorf("nominee %d: %d votes, want 9 (8 present and the written opinion)", v.NomineeID, v.For+v.Against+v.Abstain)
		}
		if v.For == 9 {
			nine++
		}
	}
	if nine == 0 {
		t.Error("no nominee has all nine votes")
	}
}
