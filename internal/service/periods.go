package service

// The five-year cycle: periods, the period review's figures, and the
// exemplary models (gương điển hình tiên tiến) the records point to.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/pdf"
	"tdkt/internal/rules"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// Fields of a period.
const (
	FieldPeriodName = "Tên giai đoạn"
	FieldPeriodFrom = "Từ năm"
	FieldPeriodTo   = "Đến năm"
	FieldDelegates  = "Số đại biểu"
)

// Periods lists the office's periods, the latest first.
func (s *Service) Periods(ctx context.Context) ([]store.PeriodReview, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Periods(ctx)
}

// SavePeriod validates and saves a period (ID 0: a new one); it returns
// its ID. An empty name is made from the years.
func (s *Service) SavePeriod(ctx context.Context, p store.PeriodReview) (int64, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	p.Name, p.Congress = rules.Clean(p.Name), rules.Clean(p.Congress)
	p.Results, p.Lessons, p.Directions = cleanText(p.Results), cleanText(p.Lessons), cleanText(p.Directions)
	var errs domain.FieldErrors
	last := s.now().Year() + 5
	if p.FromYear < 1975 || p.FromYear > last {
		errs = append(errs, domain.FieldError{Field: FieldPeriodFrom, Msg: fmt.Sprintf("năm %d không hợp lệ; nhập năm từ 1975 đến %d", p.FromYear, last)})
	}
	if p.ToYear < p.FromYear || p.ToYear > last {
		errs = append(errs, domain.FieldError{Field: FieldPeriodTo, Msg: fmt.Sprintf("năm %d không hợp lệ; nhập năm từ năm bắt đầu (%d) đến %d", p.ToYear, p.FromYear, last)})
	}
	if p.Delegates < 0 {
		errs = append(errs, domain.FieldError{Field: FieldDelegates, Msg: "không được âm"})
	}
	if c := p.Conference; c.Members < 0 || c.Present < 0 || c.Present > c.Members {
		errs = append(errs, domain.FieldError{Field: FieldConfPresent, Msg: fmt.Sprintf("%d không hợp lệ; nhập từ 0 đến số đại biểu triệu tập (%d)", c.Present, c.Members)})
	}
	if len(errs) > 0 {
		return 0, errs
	}
	if p.Name == "" {
		p.Name = fmt.Sprintf("Giai đoạn %d - %d", p.FromYear, p.ToYear)
	}
	var id int64
	err := s.st.Write(ctx, func(tx *store.Tx) error {
		var err error
		id, err = tx.SavePeriod(p)
		return err
	})
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return 0, domain.FieldError{Field: FieldPeriodFrom, Msg: fmt.Sprintf("đã có giai đoạn %d - %d", p.FromYear, p.ToYear)}
	}
	return id, err
}

// PeriodInput gathers the review of the period from..to: the period as
// recorded (or one made from the years), and its figures year by year
// from the history: awards by award and level, the office's own decisions
// apart; initiatives by scope; the office's targets met per movement;
// its place in its cluster; the narrative as edited, else drafted.
func (s *Service) PeriodInput(ctx context.Context, from, to int) (docs.PeriodInput, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return docs.PeriodInput{}, err
	}
	if from < 1975 || to < from || to-from > 20 {
		return docs.PeriodInput{}, domain.FieldError{Field: FieldPeriodTo, Msg: fmt.Sprintf("giai đoạn %d - %d không hợp lệ", from, to)}
	}
	in := docs.PeriodInput{Date: s.Today()}
	p, ok, err := s.st.Profile(ctx)
	if err != nil {
		return in, err
	}
	if !ok {
		return in, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	in.Profile = p
	rec, ok, err := s.st.PeriodOf(ctx, from, to)
	if err != nil {
		return in, err
	}
	if !ok {
		rec.Period = domain.Period{Name: fmt.Sprintf("Giai đoạn %d - %d", from, to), FromYear: from, ToYear: to}
	}
	in.Period = rec.Period
	in.Years = rec.Years()
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return in, err
	}
	idx := func(y int) int { return y - from }
	n := len(in.Years)

	// Awards by award code, the office's own decisions first.
	awards, err := s.st.AwardsBetween(ctx, from, to)
	if err != nil {
		return in, err
	}
	rows := map[string]*docs.PeriodAwardRow{}
	for _, a := range awards {
		r := rows[a.AwardCode]
		if r == nil {
			t, _ := cat.Award(a.AwardCode)
			r = &docs.PeriodAwardRow{Code: a.AwardCode, Name: cat.AwardName(a.AwardCode), Level: t.Level,
				Own: cat.ConferredBy(a.AwardCode, domain.YearEnd(to)).Own, People: make([]int, n), Collectives: make([]int, n)}
			rows[a.AwardCode] = r
		}
		if a.Subject.Kind == domain.SubjectPerson {
			r.People[idx(a.Year)]++
		} else {
			r.Collectives[idx(a.Year)]++
		}
	}
	order := map[string]int{}
	for i, a := range cat.Sorted() {
		order[a.Code] = i
	}
	for _, r := range rows {
		in.Awards = append(in.Awards, *r)
	}
	sort.SliceStable(in.Awards, func(i, j int) bool {
		a, b := in.Awards[i], in.Awards[j]
		if a.Own != b.Own {
			return a.Own
		}
		return order[a.Code] < order[b.Code]
	})

	// Initiatives by scope, each once whatever its authors.
	inits, err := s.st.InitiativesUpTo(ctx, to)
	if err != nil {
		return in, err
	}
	seen := map[int64]bool{}
	byScope := map[domain.InitiativeScope][]int{}
	for _, it := range inits {
		if it.Year < from || seen[it.ID] {
			continue
		}
		seen[it.ID] = true
		if byScope[it.Scope] == nil {
			byScope[it.Scope] = make([]int, n)
		}
		byScope[it.Scope][idx(it.Year)]++
	}
	for _, sc := range domain.Scopes {
		if c := byScope[sc]; c != nil {
			in.Initiatives = append(in.Initiatives, docs.PeriodScopeRow{Scope: sc, Counts: c})
		}
	}

	// The office's own targets, met of measured, per movement and year.
	ms, err := s.st.Movements(ctx)
	if err != nil {
		return in, err
	}
	vals, err := s.st.TargetValues(ctx, 0, p.UnitCode)
	if err != nil {
		return in, err
	}
	target := map[int64]domain.Target{}
	owner := map[int64]int{} // target → movement index in in.Movements
	for _, m := range ms {
		if m.FromYear > to || (m.ToYear != 0 && m.ToYear < from) {
			continue
		}
		i := len(in.Movements)
		in.Movements = append(in.Movements, docs.PeriodMovementRow{Name: m.Name, Met: make([]int, n), Measured: make([]int, n)})
		for _, t := range m.Targets {
			target[t.ID], owner[t.ID] = t, i
		}
	}
	for _, v := range vals {
		t, ok := target[v.TargetID]
		if !ok || !v.HasActual || v.Year < from || v.Year > to {
			continue
		}
		r := &in.Movements[owner[v.TargetID]]
		r.Measured[idx(v.Year)]++
		if _, met := t.Achieved(v.Planned, v.Actual); met {
			r.Met[idx(v.Year)]++
		}
	}
	// A movement with no result in the period says nothing of it.
	in.Movements = slices.DeleteFunc(in.Movements, func(r docs.PeriodMovementRow) bool {
		for _, m := range r.Measured {
			if m > 0 {
				return false
			}
		}
		return true
	})

	in.ClusterRanks = make([]int, n)
	for i, y := range in.Years {
		c, ok, err := s.st.Cluster(ctx, y)
		if err != nil {
			return in, err
		}
		if ok {
			in.ClusterRanks[i] = ownClusterRank(c)
		}
	}

	in.Results, in.Lessons, in.Directions = rec.Results, rec.Lessons, rec.Directions
	return in, nil
}

// catParam reads a parameter of the catalogue for the regime of year,
// else the default catalogue's (a file made before the parameter).
func catParam(cat rules.Catalogue, key string, year int) string {
	regime := ""
	if r, ok := cat.RegimeFor(year); ok {
		regime = r.Code
	}
	if v, ok := cat.Param(key, regime, domain.YearEnd(year)); ok {
		return strings.TrimSpace(v)
	}
	v, _ := rules.DefaultCatalogue().Param(key, regime, domain.YearEnd(year))
	return strings.TrimSpace(v)
}

func codeSet(list string) map[string]bool {
	out := map[string]bool{}
	for _, c := range strings.Split(list, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out[c] = true
		}
	}
	return out
}

// ExemplaryCandidates lists the people and collectives whose record over
// the period from..to meets a criterion of an exemplary model, each with
// the facts it rests on: a person with a title of dien_hinh.person_titles
// (CSTĐ cấp bộ, toàn quốc), anyone with an award of dien_hinh.higher_awards
// (Bằng khen Thủ tướng, Huân chương, Cờ thi đua của Chính phủ), a person
// with dien_hinh.cstdcs_years years of CSTĐCS or an initiative of scope
// dien_hinh.initiative_scope or wider, a collective with
// dien_hinh.ttldxs_years years of Tập thể lao động xuất sắc. Only the
// people still on the staff and the collectives still in being at the
// period's end are listed. Collectives come first, then people, each in
// name order.
func (s *Service) ExemplaryCandidates(ctx context.Context, from, to int) ([]domain.ExemplaryCandidate, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return nil, err
	}
	names, err := s.names(ctx)
	if err != nil {
		return nil, err
	}
	awards, err := s.st.AwardsBetween(ctx, from, to)
	if err != nil {
		return nil, err
	}
	inits, err := s.st.InitiativesUpTo(ctx, to)
	if err != nil {
		return nil, err
	}
	titles := codeSet(catParam(cat, "dien_hinh.person_titles", to))
	higher := codeSet(catParam(cat, "dien_hinh.higher_awards", to))
	cstdcsYears, _ := strconv.Atoi(catParam(cat, "dien_hinh.cstdcs_years", to))
	ttldxsYears, _ := strconv.Atoi(catParam(cat, "dien_hinh.ttldxs_years", to))
	minScope := domain.InitiativeScope(catParam(cat, "dien_hinh.initiative_scope", to))

	reasons := map[domain.Subject][]domain.ModelReason{}
	add := func(sub domain.Subject, key, text string) {
		reasons[sub] = append(reasons[sub], domain.ModelReason{Criterion: key, Text: text})
	}
	awardText := func(a domain.AwardRecord) string {
		t := cat.AwardName(a.AwardCode) + " năm " + strconv.Itoa(a.Year)
		if d := docs.DecisionPhrase(a.DecisionNo, a.DecisionDate, ""); d != "" {
			t += " (" + d + ")"
		}
		return t
	}
	counted := map[domain.Subject]map[string][]int{}
	for _, a := range awards {
		if a.Kind != "" && a.Kind != domain.KindMerit && !higher[a.AwardCode] {
			continue // a one-off award is not a record of the period's work
		}
		switch {
		case higher[a.AwardCode]:
			add(a.Subject, "dien_hinh.higher_awards", awardText(a))
		case titles[a.AwardCode] && a.Subject.Kind == domain.SubjectPerson:
			add(a.Subject, "dien_hinh.person_titles", awardText(a))
		case a.AwardCode == rules.AwardCSTDCS || a.AwardCode == rules.AwardTTLDXS:
			if counted[a.Subject] == nil {
				counted[a.Subject] = map[string][]int{}
			}
			counted[a.Subject][a.AwardCode] = append(counted[a.Subject][a.AwardCode], a.Year)
		}
	}
	for sub, byCode := range counted {
		if ys := byCode[rules.AwardCSTDCS]; cstdcsYears > 0 && len(ys) >= cstdcsYears {
			add(sub, "dien_hinh.cstdcs_years", fmt.Sprintf("%d năm đạt Chiến sĩ thi đua cơ sở (%s)", len(ys), joinYears(ys)))
		}
		if ys := byCode[rules.AwardTTLDXS]; ttldxsYears > 0 && len(ys) >= ttldxsYears {
			add(sub, "dien_hinh.ttldxs_years", fmt.Sprintf("%d năm đạt Tập thể lao động xuất sắc (%s)", len(ys), joinYears(ys)))
		}
	}
	if minScope.Level() > 0 {
		for _, it := range inits {
			if it.Year < from || it.Scope.Level() < minScope.Level() {
				continue
			}
			for _, author := range it.Authors {
				t := fmt.Sprintf("Sáng kiến “%s” phạm vi %s, năm %d", it.Title, strings.ToLower(it.Scope.Label()), it.Year)
				if d := docs.DecisionPhrase(it.DecisionNo, it.DecisionDate, ""); d != "" {
					t += " (" + d + ")"
				}
				add(domain.PersonSubject(author), "dien_hinh.initiative_scope", t)
			}
		}
	}

	var out []domain.ExemplaryCandidate
	for sub, rs := range reasons {
		c := domain.ExemplaryCandidate{Subject: sub, Name: names.subject(sub), Reasons: rs}
		if sub.Kind == domain.SubjectPerson {
			p, ok := names.people[sub.Code]
			if !ok {
				continue // left the office
			}
			c.Unit = names.units[p.UnitCode].Name
		} else if u, ok := names.units[sub.Code]; !ok || !u.ActiveOn(domain.YearEnd(to)) {
			continue // merged or closed before the period's end: not there to honour
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Subject.Kind != b.Subject.Kind {
			return a.Subject.Kind == domain.SubjectCollective
		}
		if fa, fb := domain.Fold(a.Name), domain.Fold(b.Name); fa != fb {
			return fa < fb
		}
		return a.Subject.Code < b.Subject.Code
	})
	return out, nil
}

func joinYears(ys []int) string {
	ys = slices.Clone(ys)
	slices.Sort(ys)
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}

// ExportPeriod writes the review of the period from..to (báo cáo tổng kết
// phong trào thi đua giai đoạn …) as PDF or Excel: its figures from the
// history, its narrative as edited or, where none, drafted from them.
func (s *Service) ExportPeriod(ctx context.Context, from, to int, format string, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	in, err := s.PeriodInput(ctx, from, to)
	if err != nil {
		return err
	}
	return writeDocument(format, func() docs.Document { return docs.PeriodReport(in) },
		func(w io.Writer) error { return xlsx.WritePeriodReport(in, w) }, w)
}

// Fields of the models and their conference.
const (
	FieldModelReason  = "Lý do đề nghị"
	FieldVotesFor     = "Số phiếu đồng ý"
	FieldConfMembers  = "Số đại biểu triệu tập"
	FieldConfPresent  = "Số đại biểu có mặt"
	FieldModelAccount = "Bài viết về gương điển hình"
)

// period reads a recorded period by ID.
func (s *Service) period(ctx context.Context, id int64) (store.PeriodReview, error) {
	ps, err := s.st.Periods(ctx)
	if err != nil {
		return store.PeriodReview{}, err
	}
	for _, p := range ps {
		if p.ID == id {
			return p, nil
		}
	}
	return store.PeriodReview{}, fmt.Errorf("giai đoạn %d: %w", id, domain.ErrNotFound)
}

// Models lists the models put forward for a period.
func (s *Service) Models(ctx context.Context, periodID int64) ([]domain.ExemplaryModel, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Models(ctx, periodID)
}

// ProposeModels puts every candidate of the period's records before its
// conference (a subject already put forward keeps its vote and account,
// its reasons renewed); it returns how many are put forward.
func (s *Service) ProposeModels(ctx context.Context, periodID int64) (int, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	p, err := s.period(ctx, periodID)
	if err != nil {
		return 0, err
	}
	cs, err := s.ExemplaryCandidates(ctx, p.FromYear, p.ToYear)
	if err != nil {
		return 0, err
	}
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		for _, c := range cs {
			if _, err := tx.SaveModel(domain.ExemplaryModel{PeriodID: periodID, ExemplaryCandidate: c}); err != nil {
				return err
			}
		}
		return nil
	})
	return len(cs), err
}

// AddModel puts a subject the records do not point to before the
// conference, with the office's written reason ("người tốt, việc tốt",
// a new factor).
func (s *Service) AddModel(ctx context.Context, periodID int64, sub domain.Subject, reason string) (int64, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	reason = rules.Clean(reason)
	if reason == "" {
		return 0, domain.FieldError{Field: FieldModelReason, Msg: "ghi lý do đề nghị (thành tích tiêu biểu) của tập thể, cá nhân"}
	}
	if _, err := s.period(ctx, periodID); err != nil {
		return 0, err
	}
	names, err := s.names(ctx)
	if err != nil {
		return 0, err
	}
	m := domain.ExemplaryModel{PeriodID: periodID, ByHand: true, ExemplaryCandidate: domain.ExemplaryCandidate{Subject: sub, Name: names.subject(sub),
		Reasons: []domain.ModelReason{{Text: reason}}}}
	if sub.Kind == domain.SubjectPerson {
		p, ok := names.people[sub.Code]
		if !ok {
			return 0, fmt.Errorf("không có cán bộ mã %s: %w", sub.Code, domain.ErrNotFound)
		}
		m.Unit = names.units[p.UnitCode].Name
	} else if _, ok := names.units[sub.Code]; !ok {
		return 0, fmt.Errorf("không có đơn vị mã %s: %w", sub.Code, domain.ErrNotFound)
	}
	var id int64
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		var err error
		id, err = tx.SaveModel(m)
		return err
	})
	return id, err
}

// SaveModel records a model's vote, account and delegate mark. The votes
// are of the conference's members: no more than those present.
func (s *Service) SaveModel(ctx context.Context, m domain.ExemplaryModel) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	p, err := s.period(ctx, m.PeriodID)
	if err != nil {
		return err
	}
	m.Account = cleanText(m.Account)
	if m.Voted && (m.VotesFor < 0 || m.VotesFor > p.Conference.Present) {
		return domain.FieldError{Field: FieldVotesFor, Msg: fmt.Sprintf("%d không hợp lệ; nhập từ 0 đến số đại biểu có mặt (%d)", m.VotesFor, p.Conference.Present)}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveModel(m)
		return err
	})
}

// RemoveModel takes a model off the period's list.
func (s *Service) RemoveModel(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteModel(id) })
}

// modelThreshold is the share of the conference's members a model needs,
// exceeded (catalogue dien_hinh.vote_percent).
func modelThreshold(cat rules.Catalogue, year int) float64 {
	f, err := strconv.ParseFloat(strings.ReplaceAll(catParam(cat, "dien_hinh.vote_percent", year), ",", "."), 64)
	if err != nil {
		return 50
	}
	return f
}

// SelectedModels are the models the period's conference selected, with
// the threshold it applied.
func (s *Service) SelectedModels(ctx context.Context, periodID int64) ([]domain.ExemplaryModel, float64, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, 0, err
	}
	p, err := s.period(ctx, periodID)
	if err != nil {
		return nil, 0, err
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return nil, 0, err
	}
	th := modelThreshold(cat, p.ToYear)
	ms, err := s.st.Models(ctx, periodID)
	if err != nil {
		return nil, 0, err
	}
	return slices.DeleteFunc(ms, func(m domain.ExemplaryModel) bool { return !m.Selected(p.Conference, th) }), th, nil
}

// ModelsInput gathers the documents of a period's models: the period and
// its conference, the models with their votes, the share a model needs.
func (s *Service) ModelsInput(ctx context.Context, periodID int64) (docs.ModelsInput, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return docs.ModelsInput{}, err
	}
	in := docs.ModelsInput{Date: s.Today()}
	p, ok, err := s.st.Profile(ctx)
	if err != nil {
		return in, err
	}
	if !ok {
		return in, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	in.Profile = p
	per, err := s.period(ctx, periodID)
	if err != nil {
		return in, err
	}
	in.Period, in.Conference = per.Period, per.Conference
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return in, err
	}
	in.Threshold = modelThreshold(cat, per.ToYear)
	in.Models, err = s.st.Models(ctx, periodID)
	return in, err
}

// ModelDocuments are the documents of a period's models that ExportModels
// writes, by the name the command line takes.
var ModelDocuments = map[string]func(docs.ModelsInput) docs.Document{
	"minutes":   docs.ConferenceMinutes,
	"booklet":   docs.ModelsBooklet,
	"delegates": docs.DelegateList,
}

// ModelsList is the name ExportModels takes for the Excel list of the
// models.
const ModelsList = "list"

// ExportModels writes one document of the period's models: as PDF the
// conference's minutes, the booklet of the models selected, or the
// delegation to the congress; as Excel (ModelsList) the list of every
// model with its vote.
func (s *Service) ExportModels(ctx context.Context, periodID int64, doc string, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	build, ok := ModelDocuments[doc]
	if !ok && doc != ModelsList {
		return fmt.Errorf("không có văn bản %q; chọn minutes, booklet, delegates hoặc list", doc)
	}
	in, err := s.ModelsInput(ctx, periodID)
	if err != nil {
		return err
	}
	if doc == ModelsList {
		return xlsx.WriteModels(in, w)
	}
	return pdf.Render(build(in), w)
}

// PeriodID is the ID of the recorded period of the years from..to.
func (s *Service) PeriodID(ctx context.Context, from, to int) (int64, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return 0, err
	}
	p, ok, err := s.st.PeriodOf(ctx, from, to)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, fmt.Errorf("chưa có giai đoạn %d - %d; thêm giai đoạn trước: %w", from, to, domain.ErrNotFound)
	}
	return p.ID, nil
}

// PeriodData is data.json of the period's package: the figures of its
// review and its models with the conference's vote.
func (s *Service) PeriodData(ctx context.Context, periodID int64) (pack.PeriodData, error) {
	var d pack.PeriodData
	if err := s.require(domain.RoleViewer); err != nil {
		return d, err
	}
	per, err := s.period(ctx, periodID)
	if err != nil {
		return d, err
	}
	in, err := s.PeriodInput(ctx, per.FromYear, per.ToYear)
	if err != nil {
		return d, err
	}
	mi, err := s.ModelsInput(ctx, periodID)
	if err != nil {
		return d, err
	}
	d = pack.PeriodData{Unit: pack.Unit{Code: in.Profile.UnitCode, Name: in.Profile.UnitName},
		Period:   pack.PeriodRef{From: per.FromYear, To: per.ToYear, Name: per.Name},
		Congress: per.Congress, Delegates: per.Delegates, Years: in.Years,
		Awards: []pack.PeriodAward{}, Initiatives: []pack.PeriodScope{}, Models: []pack.DataModel{}}
	for _, a := range in.Awards {
		d.Awards = append(d.Awards, pack.PeriodAward{Code: a.Code, Name: a.Name, Level: a.Level, Own: a.Own, People: a.People, Collectives: a.Collectives})
	}
	for _, sc := range in.Initiatives {
		d.Initiatives = append(d.Initiatives, pack.PeriodScope{Scope: string(sc.Scope), Counts: sc.Counts})
	}
	for _, m := range mi.Models {
		dm := pack.DataModel{Subject: string(m.Subject.Kind), Code: m.Subject.Code, Name: m.Name, Unit: m.Unit, Reasons: []string{},
			Voted: m.Voted, VotesFor: m.VotesFor, Selected: m.Selected(mi.Conference, mi.Threshold), Delegate: m.Delegate}
		if m.Voted && mi.Conference.Members > 0 {
			dm.Pct = 100 * float64(m.VotesFor) / float64(mi.Conference.Members)
		}
		for _, r := range m.Reasons {
			dm.Reasons = append(dm.Reasons, r.Text)
		}
		d.Models = append(d.Models, dm)
	}
	return d, nil
}

// ExportPeriodPackage writes the signed package of a period for the
// centre, in the format of the yearly packages with kind "period": its
// data, the review (PDF and Excel), the conference's minutes, the booklet
// of the models, the delegation, and the list of the models. The
// passphrase unlocks the office's signing key.
func (s *Service) ExportPeriodPackage(ctx context.Context, periodID int64, out, passphrase string) (PackageRecord, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return PackageRecord{}, err
	}
	if s.IsCentral(ctx) {
		return PackageRecord{}, fmt.Errorf("cơ sở dữ liệu Trung ương không lập gói giai đoạn")
	}
	key, err := s.signingKey(ctx, passphrase)
	if err != nil {
		return PackageRecord{}, err
	}
	per, err := s.period(ctx, periodID)
	if err != nil {
		return PackageRecord{}, err
	}
	data, err := s.PeriodData(ctx, periodID)
	if err != nil {
		return PackageRecord{}, err
	}
	body, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		return PackageRecord{}, err
	}
	files := []pack.File{{Path: "data.json", Kind: pack.KindData, Content: body}}
	render := func(path, kind string, write func(io.Writer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		files = append(files, pack.File{Path: path, Kind: kind, Content: b.Bytes()})
		return nil
	}
	from, to := per.FromYear, per.ToYear
	span := fmt.Sprintf("%d-%d", from, to)
	for _, f := range []struct {
		path, kind string
		write      func(io.Writer) error
	}{
		{"pdf/Bao-cao-tong-ket-giai-doan-" + span + ".pdf", pack.KindPDF, func(w io.Writer) error { return s.ExportPeriod(ctx, from, to, "pdf", w) }},
		{"xlsx/Bao-cao-tong-ket-giai-doan-" + span + ".xlsx", pack.KindXLSX, func(w io.Writer) error { return s.ExportPeriod(ctx, from, to, "xlsx", w) }},
		{"pdf/Bien-ban-hoi-nghi-dien-hinh-tien-tien.pdf", pack.KindPDF, func(w io.Writer) error { return s.ExportModels(ctx, periodID, "minutes", w) }},
		{"pdf/Ky-yeu-guong-dien-hinh-tien-tien.pdf", pack.KindPDF, func(w io.Writer) error { return s.ExportModels(ctx, periodID, "booklet", w) }},
		{"pdf/Danh-sach-dai-bieu.pdf", pack.KindPDF, func(w io.Writer) error { return s.ExportModels(ctx, periodID, "delegates", w) }},
		{"xlsx/Danh-sach-guong-dien-hinh.xlsx", pack.KindXLSX, func(w io.Writer) error { return s.ExportModels(ctx, periodID, ModelsList, w) }},
	} {
		if err := render(f.path, f.kind, f.write); err != nil {
			return PackageRecord{}, err
		}
	}
	p, ok, err := s.st.Profile(ctx)
	if err != nil {
		return PackageRecord{}, err
	}
	if !ok {
		return PackageRecord{}, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	now := s.now()
	m, recipient, err := s.packageManifest(ctx, p, to, now)
	if err != nil {
		return PackageRecord{}, err
	}
	m.Kind, m.Period = pack.KindPeriod, &data.Period
	name := strings.TrimSuffix(pack.FileName(p.UnitCode, to, 0, now), ".zip") + "_giai-doan-" + span + ".zip"
	return s.writePackage(ctx, packagePath(out, name), files, pack.BuildOptions{Manifest: m, Key: key, Recipient: recipient},
		PackageRecord{Kind: pack.KindPeriod, CreatedAt: now})
}

// CentralModels lists the exemplary models of the period from..to that
// the offices' current period packages put forward, by office,
// collectives first (central mode).
func (s *Service) CentralModels(ctx context.Context, from, to int) ([]store.CentralModel, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	if err := s.requireCentral(ctx); err != nil {
		return nil, err
	}
	return s.st.CentralModels(ctx, from, to)
}

// ExportCentralModels writes the sector's Excel of a period's exemplary
// models, office by office, from the offices' period packages (central
// mode).
func (s *Service) ExportCentralModels(ctx context.Context, from, to int, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	ms, err := s.CentralModels(ctx, from, to)
	if err != nil {
		return err
	}
	in := docs.CentralModelsInput{From: from, To: to, Date: s.Today()}
	for _, m := range ms {
		in.Models = append(in.Models, docs.CentralModel{UnitCode: m.UnitCode, UnitName: m.UnitName, Collective: m.Subject == string(domain.SubjectCollective),
			Code: m.Code, Name: m.Name, SubUnit: m.SubUnit, Reasons: m.Reasons, VotesFor: m.VotesFor, Pct: m.Pct, Selected: m.Selected, Delegate: m.Delegate})
	}
	return xlsx.WriteCentralModels(in, w)
}
