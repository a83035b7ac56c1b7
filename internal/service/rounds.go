package service

// Nomination rounds (issue 5): a round of proposals (đợt đề nghị khen
// thưởng) with its nominees, each checked by the eligibility engine and
// given a drafted achievement report; the emulation council (Hội đồng Thi
// đua - Khen thưởng) that votes on them; the approval flow
// Nháp → Chờ duyệt → Đã duyệt → Đã gửi; the dossier checklist; and the
// input of the dossier documents.

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
	"tdkt/internal/docx"
	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/internal/pdf"
	"tdkt/internal/rules"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// Field labels of the round forms, as people see them.
const (
	FieldRoundName     = "Tên đợt"
	FieldRoundKind     = "Loại đợt"
	FieldRoundStatus   = "Trạng thái"
	FieldMovement      = "Phong trào"
	FieldNominee       = "Người/tập thể được đề nghị"
	FieldJustification = "Giải trình"
	FieldCouncilDate   = "Ngày họp"
	FieldCouncilPlace  = "Địa điểm"
	FieldDiscussion    = "Tóm tắt ý kiến thảo luận"
	FieldTellers       = "Ban kiểm phiếu"
	FieldVoteMethod    = "Hình thức biểu quyết"
	FieldVotes         = "Kết quả biểu quyết"
	FieldChecklist     = "Hồ sơ kèm theo"
	FieldReturnReason  = "Lý do trả lại"
	FieldReport        = "Báo cáo thành tích"
	FieldReopenReason  = "Lý do mở lại"
)

// secretAwards need a secret ballot of at least council.cstd_percent of all
// council members (domain.md 4.7).
var secretAwards = map[string]bool{"CSTD_BO": true, "CSTD_TQ": true}

// VoteOutcome is the council's result for one nominee.
type VoteOutcome struct {
	Pct            float64 // % of ALL council members who voted for
	Threshold      float64 // the % the award needs (reached for secret awards, exceeded for the others)
	SecretRequired bool    // the award needs a secret ballot
	Passed         bool
	Reason         string // Vietnamese
}

// ChecklistItem is one document of a nominee's dossier (domain.md 4.1).
type ChecklistItem struct {
	Document string
	Present  bool
	Note     string
	// Waivable: a proof the dossier may go without, with a written reason
	// (Waived); the report, the minutes and a justification may not.
	Waivable bool
	Waived   string
	// Advisory: what the clerk should complete (the facts of a report's
	// section I), which does not keep the round from being submitted.
	Advisory bool
}

// Done reports whether the item does not keep the round from being
// submitted: it is there, waived with a reason, or only advisory.
func (it ChecklistItem) Done() bool { return it.Present || it.Waived != "" || it.Advisory }

// ---------------------------------------------------------------------------
// Rounds.

// Rounds lists the rounds, the latest year first.
func (s *Service) Rounds(ctx context.Context) ([]domain.Round, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Rounds(ctx)
}

// NomineeCounts gives the number of nominees per round ID.
func (s *Service) NomineeCounts(ctx context.Context) (map[int64]int, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.NomineeCounts(ctx)
}

// DefaultRoundName is the name a round gets when none is given.
func DefaultRoundName(kind domain.RoundKind, year int, movement string) string {
	switch kind {
	case domain.RoundThematic:
		if movement != "" {
			return fmt.Sprintf("Đợt đề nghị khen thưởng chuyên đề năm %d: %s", year, movement)
		}
		return fmt.Sprintf("Đợt đề nghị khen thưởng chuyên đề năm %d", year)
	case domain.RoundOneOff:
		return fmt.Sprintf("Đợt đề nghị khen thưởng đột xuất năm %d", year)
	}
	return fmt.Sprintf("Đợt đề nghị khen thưởng năm %d", year)
}

// CreateRound validates and opens a round in status Nháp; it returns its
// ID. An empty kind is the year-end regular round; an empty name is made
// from the kind and year.
func (s *Service) CreateRound(ctx context.Context, r domain.Round) (int64, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	r.Name = rules.Clean(r.Name)
	var errs domain.FieldErrors
	if r.Year < 1975 || r.Year > s.now().Year() {
		errs = append(errs, domain.FieldError{Field: FieldYear, Msg: fmt.Sprintf("năm %d không hợp lệ; nhập năm từ 1975 đến %d", r.Year, s.now().Year())})
	}
	switch r.Kind {
	case "":
		r.Kind = domain.RoundRegular
	case domain.RoundRegular, domain.RoundThematic, domain.RoundOneOff:
	default:
		errs = append(errs, domain.FieldError{Field: FieldRoundKind, Msg: fmt.Sprintf("%q không hợp lệ; chọn thuong-xuyen, chuyen-de hoặc dot-xuat", r.Kind)})
	}
	movement := ""
	if r.MovementID != 0 {
		m, ok, err := s.st.Movement(ctx, r.MovementID)
		if err != nil {
			return 0, err
		}
		if !ok {
			errs = append(errs, domain.FieldError{Field: FieldMovement, Msg: fmt.Sprintf("không có phong trào mã %d", r.MovementID), Err: domain.ErrNotFound})
		}
		movement = m.Name
	}
	if r.Number < 0 {
		errs = append(errs, domain.FieldError{Field: "Số tờ trình", Msg: "không được âm"})
	}
	if len(errs) > 0 {
		return 0, errs
	}
	if r.Name == "" {
		r.Name = DefaultRoundName(r.Kind, r.Year, movement)
	}
	r.Status = domain.StatusDraft
	var id int64
	err := s.st.Write(ctx, func(tx *store.Tx) error {
		var err error
		if id, err = tx.CreateRound(r); err != nil {
			return err
		}
		// The history starts with the creation, so the round's page says who opened it.
		return tx.AddRoundEvent(store.RoundEvent{RoundID: id, At: s.now(), Actor: s.actorName(), To: domain.StatusDraft})
	})
	return id, err
}

// Round reads one round.
func (s *Service) Round(ctx context.Context, id int64) (domain.Round, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return domain.Round{}, err
	}
	r, ok, err := s.st.Round(ctx, id)
	if err != nil {
		return r, err
	}
	if !ok {
		return r, roundNotFound(id)
	}
	return r, nil
}

func roundNotFound(id int64) error {
	return domain.FieldError{Field: FieldRoundName, Msg: fmt.Sprintf("không có đợt đề nghị mã %d", id), Err: domain.ErrNotFound}
}

func txRound(tx *store.Tx, id int64) (domain.Round, error) {
	r, ok, err := tx.Round(id)
	if err != nil {
		return r, err
	}
	if !ok {
		return r, roundNotFound(id)
	}
	return r, nil
}

// notDraft is the error for a change that only a round in Nháp accepts.
func notDraft(r domain.Round, what string) error {
	return domain.FieldError{Field: FieldRoundStatus, Msg: fmt.Sprintf("đợt %q đang ở trạng thái %s; chỉ %s khi đợt ở trạng thái Nháp (mở lại đợt để sửa)", r.Name, r.Status.Label(), what), Err: domain.ErrInUse}
}

// roundFlow lists the allowed moves: forward one step, and back to Nháp
// (reopen) from Chờ duyệt or Đã duyệt. Đã gửi is final.
var roundFlow = map[domain.RoundStatus][]domain.RoundStatus{
	domain.StatusDraft:     {domain.StatusSubmitted},
	domain.StatusSubmitted: {domain.StatusApproved, domain.StatusDraft},
	domain.StatusApproved:  {domain.StatusSent, domain.StatusDraft},
}

// SetRoundStatus moves a round along its flow Nháp → Chờ duyệt → Đã duyệt
// → Đã gửi, or back to Nháp from Chờ duyệt or Đã duyệt (as ReopenRound
// without a reason, so only a round in Chờ duyệt). Submitting and
// approving need a round without problems (RoundProblems: nominees, the
// director's justifications, the council's votes, the dossier's documents
// present or waived); approving needs the director's role. Every change is
// written to the round's history (RoundEvents).
func (s *Service) SetRoundStatus(ctx context.Context, id int64, to domain.RoundStatus) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	if to == domain.StatusDraft {
		return s.ReopenRound(ctx, id, "")
	}
	if to == domain.StatusApproved {
		// Approval is the director's decision: the clerk prepares, the director signs.
		if err := s.require(domain.RoleDirector); err != nil {
			return err
		}
	}
	r, err := s.Round(ctx, id)
	if err != nil {
		return err
	}
	if r.Status == to {
		return nil
	}
	if err := canMove(r, to); err != nil {
		return err
	}
	if to == domain.StatusSubmitted || to == domain.StatusApproved {
		// Everything is checked before the round moves on (reading the
		// year's evaluation, outside the write), and every problem is
		// listed at once.
		if problems, err := s.RoundProblems(ctx, id); err != nil {
			return err
		} else if len(problems) > 0 {
			return problems
		}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		now, err := txRound(tx, id)
		if err != nil {
			return err
		}
		if now.Status != r.Status {
			// Moved by someone else since it was checked: check again.
			return canMove(now, to)
		}
		return s.moveRound(tx, now, to, "")
	})
}

// canMove checks that the flow allows r to go to status to.
func canMove(r domain.Round, to domain.RoundStatus) error {
	for _, x := range roundFlow[r.Status] {
		if x == to {
			return nil
		}
	}
	return domain.FieldError{Field: FieldRoundStatus, Msg: fmt.Sprintf("không chuyển được đợt %q từ %s sang %s", r.Name, r.Status.Label(), to.Label())}
}

// ReopenRound brings a round back to Nháp so that it can be changed again.
// A clerk may take back a round in Chờ duyệt; a round the director approved
// (Đã duyệt) is reopened only by a director, with a reason that the round's
// history keeps. A round in Đã gửi is final.
func (s *Service) ReopenRound(ctx context.Context, id int64, reason string) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	return s.st.Write(ctx, func(tx *store.Tx) error {
		r, err := txRound(tx, id)
		if err != nil {
			return err
		}
		switch r.Status {
		case domain.StatusDraft:
			return nil
		case domain.StatusApproved:
			if s.require(domain.RoleDirector) != nil {
				return forbidden{fmt.Sprintf("Đợt %q đã được Giám đốc duyệt; chỉ tài khoản Giám đốc mở lại được đợt đã duyệt (kèm lý do).", r.Name)}
			}
			if reason == "" {
				return domain.FieldError{Field: FieldReopenReason, Msg: fmt.Sprintf("chưa nhập; ghi lý do mở lại đợt %q đã duyệt (lý do được lưu vào lịch sử của đợt)", r.Name)}
			}
		case domain.StatusSent:
			return domain.FieldError{Field: FieldRoundStatus, Err: domain.ErrInUse,
				Msg: fmt.Sprintf("đợt %q đã gửi lên cấp trên; Đã gửi là trạng thái cuối, không mở lại được", r.Name)}
		}
		return s.moveRound(tx, r, domain.StatusDraft, reason)
	})
}

// moveRound changes a round's status and records the change, with the
// account that made it, in the round's history.
func (s *Service) moveRound(tx *store.Tx, r domain.Round, to domain.RoundStatus, reason string) error {
	from := r.Status
	r.Status = to
	if err := tx.UpdateRound(r); err != nil {
		return err
	}
	return tx.AddRoundEvent(store.RoundEvent{RoundID: r.ID, At: s.now(), Actor: s.actorName(), From: from, To: to, Reason: reason})
}

// RoundEvents is a round's history of status changes, oldest first: who
// created, submitted, approved, reopened (and why) or sent it.
func (s *Service) RoundEvents(ctx context.Context, id int64) ([]store.RoundEvent, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	if _, err := s.Round(ctx, id); err != nil {
		return nil, err
	}
	return s.st.RoundEvents(ctx, id)
}

// RoundProblems lists what keeps a round from being submitted or approved,
// each as a field error naming the nominee and what is missing: no
// nominee at all; a nominee the engine found ineligible without the
// director's justification; the council not met, or a nominee without its
// vote; a checklist document neither present nor waived with a reason.
// No problem: nil.
func (s *Service) RoundProblems(ctx context.Context, id int64) (domain.FieldErrors, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	r, err := s.Round(ctx, id)
	if err != nil {
		return nil, err
	}
	e, err := s.evaluation(ctx, r.Year)
	if err != nil {
		return nil, err
	}
	return s.roundProblems(ctx, r, e)
}

// roundProblems is RoundProblems over an evaluation of the round's year
// already made.
func (s *Service) roundProblems(ctx context.Context, r domain.Round, e *evaluation) (domain.FieldErrors, error) {
	id := r.ID
	ns, err := s.Nominees(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(ns) == 0 {
		return domain.FieldErrors{{Field: FieldNominee, Msg: fmt.Sprintf("đợt %q chưa có ai được đề nghị", r.Name)}}, nil
	}
	checklist, err := s.checklist(ctx, id, e)
	if err != nil {
		return nil, err
	}
	names, err := s.names(ctx)
	if err != nil {
		return nil, err
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return nil, err
	}
	var errs domain.FieldErrors
	for _, n := range ns {
		who := fmt.Sprintf("%s (%s)", names.subject(n.Subject), cat.AwardName(n.Award))
		for _, it := range checklist[n.ID] {
			if it.Done() {
				continue
			}
			field, msg := FieldChecklist, fmt.Sprintf("%s: thiếu %s", who, lowerFirst(it.Document))
			switch {
			case strings.HasPrefix(it.Document, "Giải trình"):
				field, msg = FieldJustification, fmt.Sprintf("%s chưa đủ điều kiện và chưa có giải trình của Thủ trưởng đơn vị", who)
			case strings.HasPrefix(it.Document, "Biên bản"):
				field, msg = FieldVotes, fmt.Sprintf("%s chưa có kết quả biểu quyết của Hội đồng", who)
			case it.Waivable:
				msg += "; đính kèm bản chụp hoặc ghi lý do miễn"
			}
			if it.Note != "" && field == FieldChecklist {
				msg += " (" + it.Note + ")"
			}
			errs = append(errs, domain.FieldError{Field: field, Msg: msg})
		}
	}
	return errs, nil
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// DeleteRound deletes a round in status Nháp with its nominees and council.
func (s *Service) DeleteRound(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		r, err := txRound(tx, id)
		if err != nil {
			return err
		}
		if r.Status != domain.StatusDraft {
			return notDraft(r, "xóa được")
		}
		return tx.DeleteRound(id)
	})
}

// ---------------------------------------------------------------------------
// Names and order.

// subjectNames gives the display names of people and units.
type subjectNames struct {
	people map[string]domain.Person
	units  map[string]domain.Unit
}

func (n subjectNames) subject(sub domain.Subject) string {
	if sub.Kind == domain.SubjectPerson {
		if p, ok := n.people[sub.Code]; ok {
			return p.FullName
		}
	} else if u, ok := n.units[sub.Code]; ok {
		return u.Name
	}
	return sub.Code
}

func newNames(people []domain.Person, units []domain.Unit) subjectNames {
	n := subjectNames{people: make(map[string]domain.Person, len(people)), units: make(map[string]domain.Unit, len(units))}
	for _, p := range people {
		n.people[p.StaffCode] = p
	}
	for _, u := range units {
		n.units[u.Code] = u
	}
	return n
}

func txNames(tx *store.Tx) (subjectNames, error) {
	people, err := tx.People()
	if err != nil {
		return subjectNames{}, err
	}
	units, err := tx.Units()
	if err != nil {
		return subjectNames{}, err
	}
	return newNames(people, units), nil
}

func (s *Service) names(ctx context.Context) (subjectNames, error) {
	people, err := s.st.People(ctx)
	if err != nil {
		return subjectNames{}, err
	}
	units, err := s.st.Units(ctx)
	if err != nil {
		return subjectNames{}, err
	}
	return newNames(people, units), nil
}

// sortNominees orders nominees as the dossier lists them: collectives
// first, then people; each by award in catalogue order, then by name
// (people the Vietnamese way: given name, middle, family).
func sortNominees(ns []domain.Nominee, cat rules.Catalogue, names subjectNames) {
	col := collate.New(language.Vietnamese)
	var buf collate.Buffer
	// Rank people by SortPeople, units by collated name.
	var people []domain.Person
	for _, n := range ns {
		if n.Subject.Kind == domain.SubjectPerson {
			if p, ok := names.people[n.Subject.Code]; ok {
				people = append(people, p)
			} else {
				people = append(people, domain.Person{StaffCode: n.Subject.Code})
			}
		}
	}
	domain.SortPeople(people)
	rank := map[string]int{}
	for i, p := range people {
		if _, ok := rank[p.StaffCode]; !ok {
			rank[p.StaffCode] = i
		}
	}
	unitKey := map[string][]byte{}
	for _, n := range ns {
		if n.Subject.Kind == domain.SubjectCollective {
			unitKey[n.Subject.Code] = append([]byte(nil), col.KeyFromString(&buf, names.subject(n.Subject))...)
			buf.Reset()
		}
	}
	order := func(code string) int {
		if a, ok := cat.Award(code); ok {
			return a.SortOrder
		}
		return 1 << 30
	}
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i], ns[j]
		if (a.Subject.Kind == domain.SubjectCollective) != (b.Subject.Kind == domain.SubjectCollective) {
			return a.Subject.Kind == domain.SubjectCollective
		}
		if oa, ob := order(a.Award), order(b.Award); oa != ob {
			return oa < ob
		}
		if a.Subject.Kind == domain.SubjectPerson {
			if ra, rb := rank[a.Subject.Code], rank[b.Subject.Code]; ra != rb {
				return ra < rb
			}
		} else if c := strings.Compare(string(unitKey[a.Subject.Code]), string(unitKey[b.Subject.Code])); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	})
}

// ---------------------------------------------------------------------------
// Nominees.

// Nominees lists the nominees of a round in dossier order.
func (s *Service) Nominees(ctx context.Context, roundID int64) ([]domain.Nominee, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	if _, err := s.Round(ctx, roundID); err != nil {
		return nil, err
	}
	ns, err := s.st.Nominees(ctx, roundID)
	if err != nil {
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
	sortNominees(ns, cat, names)
	return ns, nil
}

// roundSource is what the round's use cases read: the store or, for the
// demo, the transaction that is writing it.
type roundSource interface {
	historySource
	Movements() ([]domain.Movement, error)
	TargetValues(year int, unitCode string) ([]domain.TargetValue, error)
}

func (r storeSource) Movements() ([]domain.Movement, error) { return r.st.Movements(r.ctx) }
func (r storeSource) TargetValues(year int, unitCode string) ([]domain.TargetValue, error) {
	return r.st.TargetValues(r.ctx, year, unitCode)
}

// evaluation is the engine's view of a round's year with what the reports
// and the dossier need around it.
type evaluation struct {
	year     int
	cat      rules.Catalogue
	regime   string
	h        rules.History
	vs       []rules.Verdict // in the engine's order
	verdicts map[verdictKey]rules.Verdict
	names    subjectNames
	profile  domain.OfficeProfile
	ms       []domain.Movement
	values   []domain.TargetValue
	// awardsOf and initsOf index the history by subject and by author: a
	// round of thousands of nominees must not scan every record for each.
	awardsOf map[domain.Subject][]domain.AwardRecord
	initsOf  map[string][]domain.Initiative
}

type verdictKey struct {
	sub   domain.Subject
	award string
}

func evaluate(src roundSource, cat rules.Catalogue, year int) (*evaluation, error) {
	h, err := eligibilityHistory(src, year)
	if err != nil {
		return nil, err
	}
	e := &evaluation{year: year, cat: cat, h: h, verdicts: map[verdictKey]rules.Verdict{},
		awardsOf: map[domain.Subject][]domain.AwardRecord{}, initsOf: map[string][]domain.Initiative{}}
	for _, a := range h.Awards {
		e.awardsOf[a.Subject] = append(e.awardsOf[a.Subject], a)
	}
	for _, in := range h.Initiatives {
		for i, a := range in.Authors {
			if !slices.Contains(in.Authors[:i], a) {
				e.initsOf[a] = append(e.initsOf[a], in)
			}
		}
	}
	if r, ok := cat.RegimeFor(year); ok {
		e.regime = r.Code
	}
	e.vs = rules.Evaluate(cat, h)
	for _, v := range e.vs {
		e.verdicts[verdictKey{v.Subject, v.Award}] = v
	}
	people, err := src.People()
	if err != nil {
		return nil, err
	}
	units, err := src.Units()
	if err != nil {
		return nil, err
	}
	e.names = newNames(people, units)
	// People as assigned on 31 December of the year.
	for _, p := range h.People {
		e.names.people[p.StaffCode] = p
	}
	if e.profile, _, err = src.Profile(); err != nil {
		return nil, err
	}
	if e.ms, err = src.Movements(); err != nil {
		return nil, err
	}
	if e.values, err = src.TargetValues(0, ""); err != nil {
		return nil, err
	}
	return e, nil
}

// evaluationCache keeps the office's evaluations of the years last asked
// for while the data stays as it was: screens ask for a year's verdicts on
// every visit, a package reads the evaluation for its dossier and again
// for its data, and at 5,000 staff each evaluation reads 40,000 awards.
type evaluationCache struct {
	mu      sync.Mutex
	version int64 // store.DataVersion the evaluations were computed at
	years   map[int]*evaluation
}

// evaluation is the year's evaluation of the office as the database holds
// it, computed once per version of the data. An evaluation is never
// changed after evaluate returns it, so callers share it.
func (s *Service) evaluation(ctx context.Context, year int) (*evaluation, error) {
	e, _, err := s.keptEvaluation(ctx, year, false)
	return e, err
}

// keptEvaluation is evaluation; with keptOnly it only looks in the cache,
// and kept is false when the year's evaluation of the data as it is now
// is not there.
func (s *Service) keptEvaluation(ctx context.Context, year int, keptOnly bool) (e *evaluation, kept bool, err error) {
	version, err := s.st.DataVersion(ctx)
	if err != nil {
		return nil, false, err
	}
	c := s.evals
	c.mu.Lock()
	if c.version == version {
		e = c.years[year]
	}
	c.mu.Unlock()
	if e != nil || keptOnly {
		return e, e != nil, nil
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return nil, false, err
	}
	if e, err = evaluate(storeSource{ctx, s.st}, cat, year); err != nil {
		return nil, false, err
	}
	c.mu.Lock()
	if c.version != version || c.years == nil {
		c.version, c.years = version, map[int]*evaluation{}
	}
	c.years[year] = e
	c.mu.Unlock()
	return e, true, nil
}

// verdict is the engine's verdict for a subject and award, or an
// ineligible one saying why the engine did not look at the subject.
func (e *evaluation) verdict(sub domain.Subject, award string) rules.Verdict {
	if v, ok := e.verdicts[verdictKey{sub, award}]; ok {
		return v
	}
	v := rules.Verdict{Subject: sub, Award: award, Year: e.year, Regime: e.regime}
	if sub.Kind == domain.SubjectPerson {
		v.Reasons = []string{fmt.Sprintf("Không thuộc đơn vị nào vào ngày 31/12/%d", e.year)}
	} else {
		v.Reasons = []string{fmt.Sprintf("Đơn vị không hoạt động vào ngày 31/12/%d", e.year)}
	}
	return v
}

// nominee builds the nominee of sub for award in round r with the
// engine's verdict and a drafted report.
func (e *evaluation) nominee(r domain.Round, sub domain.Subject, award string) domain.Nominee {
	v := e.verdict(sub, award)
	n := domain.Nominee{RoundID: r.ID, Subject: sub, Award: award, Eligible: v.Eligible,
		Reasons: append([]string{}, v.Reasons...)}
	n.Report = docs.DraftReport(e.profile, e.entry(n, r.Kind))
	return n
}

// checkNominee says why sub cannot be proposed for award at all: an
// unknown subject or award, an award the subject's kind cannot receive, a
// discipline in effect today (rules.md).
func (e *evaluation) checkNominee(sub domain.Subject, award string, today domain.Date) error {
	a, ok := e.cat.Award(award)
	if !ok {
		return domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("không có danh hiệu/hình thức mã %q trong danh mục", award), Err: domain.ErrNotFound}
	}
	switch sub.Kind {
	case domain.SubjectPerson:
		if _, ok := e.names.people[sub.Code]; !ok {
			return domain.FieldError{Field: FieldNominee, Msg: fmt.Sprintf("không có cán bộ mã %s", sub.Code), Err: domain.ErrNotFound}
		}
	case domain.SubjectCollective:
		if _, ok := e.names.units[sub.Code]; !ok {
			return domain.FieldError{Field: FieldNominee, Msg: fmt.Sprintf("không có đơn vị mã %s", sub.Code), Err: domain.ErrNotFound}
		}
	default:
		return domain.FieldError{Field: FieldNominee, Msg: "chọn một cán bộ hoặc một tập thể"}
	}
	if !a.AppliesTo(sub.Kind) {
		who := "cá nhân"
		if sub.Kind == domain.SubjectCollective {
			who = "tập thể"
		}
		return domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("%s không xét cho %s (%s)", a.Name, who, e.names.subject(sub))}
	}
	if sub.Kind == domain.SubjectPerson {
		for _, d := range e.h.Disciplines {
			if d.StaffCode == sub.Code && !d.From.After(today) && (d.To.IsZero() || !d.To.Before(today)) {
				return domain.FieldError{Field: FieldNominee, Msg: fmt.Sprintf("%s đang trong thời gian thi hành kỷ luật %s (từ %s); không được đề nghị khen thưởng", e.names.subject(sub), strings.ToLower(d.Form.Label()), d.From.VN())}
			}
		}
	}
	return nil
}

// openNomination reports the round that already holds sub for award in the
// year (rules.md: no two open nominations of the same subject, award, year).
func openNomination(tx *store.Tx, sub domain.Subject, award string, year int) (domain.Round, bool, error) {
	ns, err := tx.NominationsOf(sub, award, year)
	if err != nil || len(ns) == 0 {
		return domain.Round{}, false, err
	}
	r, _, err := tx.Round(ns[0].RoundID)
	return r, true, err
}

// AddNominee proposes sub for award in the round (status Nháp): it runs the
// engine for the round's year, keeps its verdict and reasons, and drafts
// the achievement report from the data. A subject already proposed for the
// award in any round of the year, a subject under discipline and an award
// the subject's kind cannot receive are refused.
func (s *Service) AddNominee(ctx context.Context, roundID int64, sub domain.Subject, award string) (domain.Nominee, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return domain.Nominee{}, err
	}
	sub.Code, award = rules.Clean(sub.Code), strings.ToUpper(rules.Clean(award))
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return domain.Nominee{}, err
	}
	if r.Status != domain.StatusDraft {
		return domain.Nominee{}, notDraft(r, "thêm người được đề nghị")
	}
	e, err := s.evaluation(ctx, r.Year)
	if err != nil {
		return domain.Nominee{}, err
	}
	if err := e.checkNominee(sub, award, s.Today()); err != nil {
		return domain.Nominee{}, err
	}
	n := e.nominee(r, sub, award)
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		r, err := txRound(tx, roundID)
		if err != nil {
			return err
		}
		if r.Status != domain.StatusDraft {
			return notDraft(r, "thêm người được đề nghị")
		}
		if other, dup, err := openNomination(tx, sub, award, r.Year); err != nil {
			return err
		} else if dup {
			a, _ := e.cat.Award(award)
			return domain.FieldError{Field: FieldNominee, Msg: fmt.Sprintf("%s đã được đề nghị %s năm %d trong đợt %q", e.names.subject(sub), a.Name, r.Year, other.Name), Err: domain.ErrDuplicate}
		}
		n.ID, err = tx.AddNominee(n)
		return err
	})
	if err != nil {
		return domain.Nominee{}, err
	}
	return n, nil
}

// ProposeEligible adds to the round everyone the engine finds eligible for
// award in the round's year, in one transaction, and returns how many it
// added. For CSTĐCS only the candidates ranked within their unit's quota
// are added. Subjects already proposed for the award that year (in any
// round) and people under discipline today are skipped.
func (s *Service) ProposeEligible(ctx context.Context, roundID int64, award string) (int, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	award = strings.ToUpper(rules.Clean(award))
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return 0, err
	}
	if r.Status != domain.StatusDraft {
		return 0, notDraft(r, "thêm người được đề nghị")
	}
	e, err := s.evaluation(ctx, r.Year)
	if err != nil {
		return 0, err
	}
	if _, ok := e.cat.Award(award); !ok {
		return 0, domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("không có danh hiệu/hình thức mã %q trong danh mục", award), Err: domain.ErrNotFound}
	}
	added := 0
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		r, err := txRound(tx, roundID)
		if err != nil {
			return err
		}
		if r.Status != domain.StatusDraft {
			return notDraft(r, "thêm người được đề nghị")
		}
		added, err = e.proposeEligible(tx, r, award, s.Today())
		return err
	})
	return added, err
}

// EligibleToPropose is the engine's eligible verdicts for award that
// ProposeEligible adds: for CSTĐCS those ranked within the quota.
func EligibleToPropose(vs []rules.Verdict, award string) []rules.Verdict {
	var out []rules.Verdict
	for _, v := range vs {
		if v.Award != award || !v.Eligible {
			continue
		}
		if q := v.Quota; q != nil && q.OverBy > 0 && (q.Rank == 0 || q.Rank > q.Limit) {
			continue
		}
		out = append(out, v)
	}
	return out
}

func (e *evaluation) sortedVerdicts() []rules.Verdict {
	vs := make([]rules.Verdict, 0, len(e.verdicts))
	for _, v := range e.verdicts {
		vs = append(vs, v)
	}
	sort.Slice(vs, func(i, j int) bool {
		if vs[i].Subject != vs[j].Subject {
			if vs[i].Subject.Kind != vs[j].Subject.Kind {
				return vs[i].Subject.Kind > vs[j].Subject.Kind // people first
			}
			return vs[i].Subject.Code < vs[j].Subject.Code
		}
		return vs[i].Award < vs[j].Award
	})
	return vs
}

func (e *evaluation) proposeEligible(tx *store.Tx, r domain.Round, award string, today domain.Date) (int, error) {
	added := 0
	for _, v := range EligibleToPropose(e.sortedVerdicts(), award) {
		if err := e.checkNominee(v.Subject, award, today); err != nil {
			continue
		}
		if _, dup, err := openNomination(tx, v.Subject, award, r.Year); err != nil {
			return added, err
		} else if dup {
			continue
		}
		if _, err := tx.AddNominee(e.nominee(r, v.Subject, award)); err != nil {
			return added, err
		}
		added++
	}
	return added, nil
}

func (s *Service) nomineeRound(tx *store.Tx, id int64) (domain.Nominee, domain.Round, error) {
	n, ok, err := tx.Nominee(id)
	if err != nil {
		return n, domain.Round{}, err
	}
	if !ok {
		return n, domain.Round{}, domain.FieldError{Field: FieldNominee, Msg: fmt.Sprintf("không có người/tập thể được đề nghị mã %d", id), Err: domain.ErrNotFound}
	}
	r, err := txRound(tx, n.RoundID)
	return n, r, err
}

// RemoveNominee removes a nominee (with its files and vote) from a round in
// status Nháp.
func (s *Service) RemoveNominee(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, r, err := s.nomineeRound(tx, id)
		if err != nil {
			return err
		}
		if r.Status != domain.StatusDraft {
			return notDraft(r, "bỏ người được đề nghị")
		}
		return tx.RemoveNominee(id)
	})
}

// cleanText normalises multi-line text: NFC, each line trimmed with its
// spaces collapsed, no control characters, at most one blank line in a row.
func cleanText(s string) string {
	s = norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n"))
	var lines []string
	blank := false
	for _, line := range strings.Split(s, "\n") {
		line = strings.Map(func(r rune) rune {
			if r == '\t' {
				return ' '
			}
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, line)
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			if blank || len(lines) == 0 {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		lines = append(lines, line)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// SaveNominee saves a nominee's justification, report text, waived
// documents and attachment list (files not listed are removed; add files
// with AttachNomineeFile) while its round is Nháp. While the round awaits
// approval (Chờ duyệt) the director may still write the justification,
// which is his own text, and nothing else. The engine's verdict is kept as
// it is.
func (s *Service) SaveNominee(ctx context.Context, n domain.Nominee) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		old, r, err := s.nomineeRound(tx, n.ID)
		if err != nil {
			return err
		}
		if r.Status == domain.StatusSubmitted && s.require(domain.RoleDirector) == nil {
			old.Justification = cleanText(n.Justification)
			return tx.SaveNominee(old)
		}
		if r.Status != domain.StatusDraft {
			return notDraft(r, "sửa hồ sơ")
		}
		old.Justification = cleanText(n.Justification)
		old.Report = domain.ReportText{Duties: cleanText(n.Report.Duties), Achievements: cleanText(n.Report.Achievements), Policy: cleanText(n.Report.Policy)}
		old.Attachments = n.Attachments
		old.Waivers = nil
		for doc, why := range n.Waivers {
			if why = cleanText(why); why != "" {
				if old.Waivers == nil {
					old.Waivers = map[string]string{}
				}
				old.Waivers[doc] = why
			}
		}
		return tx.SaveNominee(old)
	})
}

// AttachNomineeFile stores an evidence file with a nominee (round in Nháp).
func (s *Service) AttachNomineeFile(ctx context.Context, nomineeID int64, name string, content []byte) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	name = rules.Clean(name)
	if name == "" {
		return domain.FieldError{Field: FieldFile, Msg: "tệp chưa có tên"}
	}
	if len(content) > maxEvidenceBytes {
		return domain.FieldError{Field: FieldFile, Msg: fmt.Sprintf("tệp %s lớn hơn %d MB", name, maxEvidenceBytes>>20)}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, r, err := s.nomineeRound(tx, nomineeID)
		if err != nil {
			return err
		}
		if r.Status != domain.StatusDraft {
			return notDraft(r, "đính kèm tệp")
		}
		return tx.AttachNomineeFile(nomineeID, name, content)
	})
}

// NomineeFile reads one evidence file of a nominee.
func (s *Service) NomineeFile(ctx context.Context, nomineeID int64, name string) ([]byte, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.NomineeFile(ctx, nomineeID, name)
}

// ---------------------------------------------------------------------------
// Council.

// Council reads the round's council; when none is recorded it gives a
// default one: the director as Chủ tịch Hội đồng, the deputies as Phó Chủ
// tịch, a secretary to fill in, today, at the office, by secret ballot when
// the round has a CSTĐ cấp bộ or toàn quốc nominee.
func (s *Service) Council(ctx context.Context, roundID int64) (domain.Council, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return domain.Council{}, err
	}
	if _, err := s.Round(ctx, roundID); err != nil {
		return domain.Council{}, err
	}
	c, ok, err := s.st.Council(ctx, roundID)
	if err != nil || ok {
		return c, err
	}
	p, _, err := s.st.Profile(ctx)
	if err != nil {
		return c, err
	}
	ns, err := s.st.Nominees(ctx, roundID)
	if err != nil {
		return c, err
	}
	return defaultCouncil(roundID, p, ns, s.Today()), nil
}

func defaultCouncil(roundID int64, p domain.OfficeProfile, ns []domain.Nominee, today domain.Date) domain.Council {
	c := domain.Council{RoundID: roundID, Date: today, Method: domain.VoteShowOfHands}
	if p.UnitName != "" {
		c.Place = "Trụ sở " + p.UnitName
	}
	for _, n := range ns {
		if secretAwards[n.Award] {
			c.Method = domain.VoteSecret
		}
	}
	if p.Director.Name != "" {
		c.Members = append(c.Members, domain.CouncilMember{Name: p.Director.Name, Position: p.Director.Position, Role: "Chủ tịch Hội đồng", Present: true})
	}
	for _, d := range p.Deputies {
		c.Members = append(c.Members, domain.CouncilMember{Name: d.Name, Position: d.Position, Role: "Phó Chủ tịch Hội đồng", Present: true})
	}
	c.Members = append(c.Members, domain.CouncilMember{Role: "Ủy viên, Thư ký", Present: true})
	return c
}

// SaveCouncil validates and saves the council with its votes (round in Nháp
// or Chờ duyệt): every member named once; a valid voting method; the
// meeting's times as the minutes print them, the end after the start; a
// written opinion only from a member who was absent; the Ban kiểm phiếu
// named, each a member present; each vote for a nominee of the round with
// counts that are not negative and add up to no more than the members who
// voted (see voters).
func (s *Service) SaveCouncil(ctx context.Context, c domain.Council) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	c.Place = rules.Clean(c.Place)
	c.Discussion = cleanText(c.Discussion)
	var errs domain.FieldErrors
	if c.Date.IsZero() {
		errs = append(errs, domain.FieldError{Field: FieldCouncilDate, Msg: "chưa nhập ngày họp"})
	}
	errs = append(errs, cleanCouncilTimes(&c)...)
	switch c.Method {
	case "":
		c.Method = domain.VoteShowOfHands
	case domain.VoteShowOfHands, domain.VoteSecret:
	default:
		errs = append(errs, domain.FieldError{Field: FieldVoteMethod, Msg: "chọn Giơ tay hoặc Bỏ phiếu kín"})
	}
	members := make([]domain.CouncilMember, 0, len(c.Members))
	seen := map[string]bool{}
	for i, m := range c.Members {
		m.Name, m.Position, m.Role = rules.Clean(m.Name), rules.Clean(m.Position), rules.Clean(m.Role)
		m.Opinion = cleanText(m.Opinion)
		if m.Role == "" {
			m.Role = "Ủy viên"
		}
		switch key := strings.ToLower(m.Name); {
		case m.Name == "":
			errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("thành viên thứ %d (%s) chưa có họ tên", i+1, m.Role)})
		case seen[key]:
			errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("%s nhập hai lần", m.Name)})
		default:
			seen[key] = true
		}
		if m.Present && m.Opinion != "" {
			who := m.Name
			if who == "" {
				who = fmt.Sprintf("thành viên thứ %d", i+1)
			}
			errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("%s có mặt tại cuộc họp; ý kiến bằng văn bản chỉ ghi cho thành viên vắng mặt: bỏ ý kiến hoặc bỏ đánh dấu Có mặt", who)})
		}
		members = append(members, m)
	}
	if len(members) == 0 {
		errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: "Hội đồng chưa có thành viên"})
	}
	c.Members = members
	errs = append(errs, cleanTellers(&c)...)
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		r, err := txRound(tx, c.RoundID)
		if err != nil {
			return err
		}
		if r.Status != domain.StatusDraft && r.Status != domain.StatusSubmitted {
			errs = append(errs, domain.FieldError{Field: FieldRoundStatus, Msg: fmt.Sprintf("đợt %q đang ở trạng thái %s; chỉ ghi kết quả họp Hội đồng khi đợt ở trạng thái Nháp hoặc Chờ duyệt", r.Name, r.Status.Label()), Err: domain.ErrInUse})
			return errs
		}
		ns, err := tx.Nominees(c.RoundID)
		if err != nil {
			return err
		}
		names, err := txNames(tx)
		if err != nil {
			return err
		}
		errs = append(errs, checkVotes(c, ns, names, cat, writtenOpinionsCount(cat, r.Year))...)
		if len(errs) > 0 {
			return errs
		}
		return tx.SaveCouncil(c)
	})
}

// cleanCouncilTimes puts the meeting's times as the minutes print them
// ("8h30" → "08:30") and checks that the meeting ends after it starts.
func cleanCouncilTimes(c *domain.Council) domain.FieldErrors {
	var errs domain.FieldErrors
	clock := func(field, v string) string {
		if strings.TrimSpace(v) == "" {
			return ""
		}
		t, ok := ParseClock(v)
		if !ok {
			errs = append(errs, domain.FieldError{Field: field, Msg: fmt.Sprintf("%q không phải giờ; nhập giờ:phút, ví dụ 08:00 hoặc 14:30", strings.TrimSpace(v))})
			return strings.TrimSpace(v)
		}
		return t
	}
	c.Start, c.End = clock(FieldCouncilStart, c.Start), clock(FieldCouncilEnd, c.End)
	if len(errs) == 0 && c.Start != "" && c.End != "" && c.End <= c.Start {
		errs = append(errs, domain.FieldError{Field: FieldCouncilEnd, Msg: fmt.Sprintf("cuộc họp kết thúc lúc %s, không sau %s (%s)", c.End, strings.ToLower(FieldCouncilStart), c.Start)})
	}
	return errs
}

// cleanTellers checks the Ban kiểm phiếu: each named, once, and a member
// present at the meeting, since the board is chosen among them to count
// the ballots in the room.
func cleanTellers(c *domain.Council) domain.FieldErrors {
	present := map[string]bool{}
	for _, m := range c.Members {
		if m.Present && m.Name != "" {
			present[strings.ToLower(m.Name)] = true
		}
	}
	var errs domain.FieldErrors
	tellers := make([]string, 0, len(c.Tellers))
	seen := map[string]bool{}
	for i, t := range c.Tellers {
		t = rules.Clean(t)
		key := strings.ToLower(t)
		switch {
		case t == "":
			errs = append(errs, domain.FieldError{Field: FieldTellers, Msg: fmt.Sprintf("người thứ %d chưa có họ tên", i+1)})
		case seen[key]:
			errs = append(errs, domain.FieldError{Field: FieldTellers, Msg: fmt.Sprintf("%s nhập hai lần", t)})
		case !present[key]:
			errs = append(errs, domain.FieldError{Field: FieldTellers, Msg: fmt.Sprintf("%s không phải thành viên Hội đồng có mặt tại cuộc họp; Ban kiểm phiếu gồm các thành viên có mặt", t)})
		}
		seen[key] = true
		tellers = append(tellers, t)
	}
	if len(tellers) == 0 {
		tellers = nil
	}
	c.Tellers = tellers
	return errs
}

// writtenOpinionsCount reports whether the written opinions of absent
// members count in the votes of a round's year (catalogue:
// council.written_opinions_count). The law lets them, so they count when
// the catalogue says nothing.
func writtenOpinionsCount(cat rules.Catalogue, year int) bool {
	regime := ""
	if r, ok := cat.RegimeFor(year); ok {
		regime = r.Code
	}
	v, ok := cat.Param("council.written_opinions_count", regime, domain.YearEnd(year))
	return !ok || strings.EqualFold(strings.TrimSpace(v), "true")
}

// voters is how many members a vote may count: those present and, when
// written opinions count, the absent who sent one.
func voters(c domain.Council, written bool) (present, opinions int) {
	for _, m := range c.Members {
		switch {
		case m.Present:
			present++
		case written && m.Opinion != "":
			opinions++
		}
	}
	return present, opinions
}

func checkVotes(c domain.Council, ns []domain.Nominee, names subjectNames, cat rules.Catalogue, written bool) domain.FieldErrors {
	byID := map[int64]domain.Nominee{}
	for _, n := range ns {
		byID[n.ID] = n
	}
	present, opinions := voters(c, written)
	voted := fmt.Sprintf("%d thành viên có mặt", present)
	if opinions > 0 {
		voted += fmt.Sprintf(" và %d thành viên vắng mặt có ý kiến bằng văn bản", opinions)
	}
	var errs domain.FieldErrors
	seen := map[int64]bool{}
	for _, v := range c.Votes {
		n, ok := byID[v.NomineeID]
		if !ok {
			errs = append(errs, domain.FieldError{Field: FieldVotes, Msg: fmt.Sprintf("mã %d không thuộc danh sách đề nghị của đợt", v.NomineeID), Err: domain.ErrNotFound})
			continue
		}
		who := names.subject(n.Subject)
		if a, ok := cat.Award(n.Award); ok {
			who += " (" + a.Name + ")"
		}
		switch {
		case seen[v.NomineeID]:
			errs = append(errs, domain.FieldError{Field: FieldVotes, Msg: fmt.Sprintf("%s: nhập kết quả hai lần", who)})
		case v.For < 0 || v.Against < 0 || v.Abstain < 0:
			errs = append(errs, domain.FieldError{Field: FieldVotes, Msg: fmt.Sprintf("%s: số phiếu không được âm", who)})
		case v.For+v.Against+v.Abstain > present+opinions:
			errs = append(errs, domain.FieldError{Field: FieldVotes, Msg: fmt.Sprintf("%s: %d phiếu (đồng ý %d, không đồng ý %d, không biểu quyết %d) nhiều hơn %s",
				who, v.For+v.Against+v.Abstain, v.For, v.Against, v.Abstain, voted)})
		}
		seen[v.NomineeID] = true
	}
	return errs
}

// threshold is the % of all council members an award needs and whether
// its vote must be secret (catalogue: council.cstd_percent, council.other_percent).
func threshold(cat rules.Catalogue, year int, award string) (float64, bool) {
	regime := ""
	if r, ok := cat.RegimeFor(year); ok {
		regime = r.Code
	}
	key, def := "council.other_percent", 50.0
	if secretAwards[award] {
		key, def = "council.cstd_percent", 90
	}
	if v, ok := cat.Param(key, regime, domain.YearEnd(year)); ok {
		if f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(v), ",", "."), 64); err == nil {
			def = f
		}
	}
	return def, secretAwards[award]
}

// outcome is the council's result for one nominee: the vote counted over
// ALL members; a secret award passes at ≥ its threshold by secret ballot,
// any other above its threshold.
func outcome(c domain.Council, met bool, v domain.Vote, voted bool, thr float64, secret bool) VoteOutcome {
	o := VoteOutcome{Threshold: thr, SecretRequired: secret}
	need := fmt.Sprintf("cần trên %s%% tổng số thành viên Hội đồng", docs.FormatShort(thr, 1))
	if secret {
		need = fmt.Sprintf("cần từ %s%% tổng số thành viên Hội đồng trở lên, bỏ phiếu kín", docs.FormatShort(thr, 1))
	}
	total := len(c.Members)
	switch {
	case !met || total == 0:
		o.Reason = "Hội đồng chưa họp xét"
		return o
	case !voted:
		o.Reason = "Chưa có kết quả biểu quyết"
		return o
	}
	o.Pct = 100 * float64(v.For) / float64(total)
	got := fmt.Sprintf("%d/%d thành viên đồng ý (%s%%)", v.For, total, docs.FormatShort(o.Pct, 1))
	const eps = 1e-9
	switch {
	case secret && c.Method != domain.VoteSecret:
		o.Reason = fmt.Sprintf("Không đạt: %s nhưng biểu quyết bằng hình thức %s; %s", got, strings.ToLower(c.Method.Label()), need)
	case secret && o.Pct+eps < thr, !secret && o.Pct <= thr+eps:
		o.Reason = fmt.Sprintf("Không đạt: %s; %s", got, need)
	default:
		o.Passed = true
		o.Reason = fmt.Sprintf("Đạt: %s; %s", got, need)
	}
	return o
}

// VoteResult gives the council's outcome per nominee ID: the votes for as a
// % of ALL council members (present or not), the threshold of the award and
// whether it passed, with the reason in Vietnamese.
func (s *Service) VoteResult(ctx context.Context, roundID int64) (map[int64]VoteOutcome, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	rc, err := s.roundContext(ctx, roundID)
	if err != nil {
		return nil, err
	}
	ns, err := s.st.Nominees(ctx, roundID)
	if err != nil {
		return nil, err
	}
	return voteResult(rc.round, rc.council, rc.met, ns, rc.cat), nil
}

func voteResult(r domain.Round, c domain.Council, met bool, ns []domain.Nominee, cat rules.Catalogue) map[int64]VoteOutcome {
	votes := map[int64]domain.Vote{}
	for _, v := range c.Votes {
		votes[v.NomineeID] = v
	}
	out := make(map[int64]VoteOutcome, len(ns))
	for _, n := range ns {
		thr, secret := threshold(cat, r.Year, n.Award)
		v, voted := votes[n.ID]
		out[n.ID] = outcome(c, met, v, voted, thr, secret)
	}
	return out
}

// ---------------------------------------------------------------------------
// What a nominee's dossier rests on.

// paramInt reads an integer parameter for the evaluation's year.
func (e *evaluation) paramInt(key string, def int) int {
	if n, ok := e.cat.ParamInt(key, e.regime, domain.YearEnd(e.year)); ok {
		return n
	}
	return def
}

// baseAward is the latest công trạng award code of sub recorded in a year
// ≤ e.year-years: the start of a chain (BK_TTG on BK_BO, HCLD3 on BK_TTG).
func (e *evaluation) baseAward(sub domain.Subject, code string, years int) (domain.AwardRecord, bool) {
	var best domain.AwardRecord
	found := false
	for _, a := range e.awardsOf[sub] {
		if a.AwardCode == code && a.Kind == domain.KindMerit && a.Year <= e.year-years && (!found || a.Year > best.Year) {
			best, found = a, true
		}
	}
	return best, found
}

// chainBase is the award a chain award rests on, if any.
func (e *evaluation) chainBase(sub domain.Subject, award string) (domain.AwardRecord, bool) {
	switch award {
	case "BK_TTG":
		return e.baseAward(sub, "BK_BO", e.paramInt("bk_ttg.years", 5))
	case "HCLD3":
		return e.baseAward(sub, "BK_TTG", e.paramInt("hcld3.years", 5))
	case "CSTD_TQ":
		return e.baseAward(sub, "CSTD_BO", 3)
	}
	return domain.AwardRecord{}, false
}

// period is the span of years an award looks at (rules.md).
func (e *evaluation) period(sub domain.Subject, award string) (from, to int) {
	y := e.year
	switch award {
	case "CSTD_BO":
		return y - e.paramInt("cstd_bo.cstdcs_years", 3) + 1, y
	case "CSTD_TQ":
		return y - e.paramInt("cstd_tq.initiative_years", 6) + 1, y
	case "BK_BO":
		if sub.Kind == domain.SubjectCollective {
			return y - e.paramInt("bk_bo.collective_years", 2) + 1, y
		}
		return y - e.paramInt("bk_bo.years", 2) + 1, y
	case "BK_TTG", "HCLD3":
		if b, ok := e.chainBase(sub, award); ok {
			return b.Year + 1, y
		}
		return y - 4, y
	}
	return y, y
}

func (e *evaluation) ratings(sub domain.Subject, from, to int) []domain.RatingRecord {
	m := e.h.PersonRatings[sub.Code]
	if sub.Kind == domain.SubjectCollective {
		m = e.h.UnitRatings[sub.Code]
	}
	var out []domain.RatingRecord
	for y := from; y <= to; y++ {
		if r, ok := m[y]; ok {
			out = append(out, domain.RatingRecord{Subject: sub, Year: y, Rating: r})
		}
	}
	return out
}

// awards lists the subject's recorded awards, the earliest first; the same
// award of a year recorded under two former codes of a merged unit once.
func (e *evaluation) awards(sub domain.Subject) []domain.AwardRecord {
	var out []domain.AwardRecord
	type awardKey struct {
		year             int
		code, decisionNo string
	}
	seen := map[awardKey]bool{}
	for _, a := range e.awardsOf[sub] {
		if key := (awardKey{a.Year, a.AwardCode, a.DecisionNo}); !seen[key] {
			seen[key] = true
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// initiatives lists the person's initiatives recognised in from..to, the
// earliest first.
func (e *evaluation) initiatives(sub domain.Subject, from, to int) []domain.Initiative {
	if sub.Kind != domain.SubjectPerson {
		return nil
	}
	var out []domain.Initiative
	for _, in := range e.initsOf[sub.Code] {
		if in.Year >= from && in.Year <= to {
			out = append(out, in)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		return out[i].DecisionDate.Before(out[j].DecisionDate)
	})
	return out
}

// dossierInitiatives are the initiatives whose recognition the dossier of a
// CSTĐ title must prove (domain.md 4.1): those the engine used for CSTĐCS,
// the ones at the required scope in the period for CSTĐ cấp bộ and toàn quốc.
func (e *evaluation) dossierInitiatives(sub domain.Subject, award string, v rules.Verdict) []domain.Initiative {
	from, to := e.period(sub, award)
	all := e.initiatives(sub, from, to)
	var out []domain.Initiative
	switch award {
	case "CSTDCS", "BK_BO":
		used := map[string]bool{}
		for _, t := range v.UsedInitiatives {
			used[t] = true
		}
		for _, in := range all {
			if used[in.Title] {
				out = append(out, in)
			}
		}
	case "CSTD_BO":
		for _, in := range all {
			if in.Scope.Level() >= domain.ScopeMinistry.Level() {
				out = append(out, in)
			}
		}
	case "CSTD_TQ":
		for _, in := range all {
			if in.Scope == domain.ScopeNational {
				out = append(out, in)
			}
		}
	}
	return out
}

func (e *evaluation) awardName(code string) string { return e.cat.AwardName(code) }

// awardNames are the catalogue's award names by code.
func (e *evaluation) awardNames() map[string]string {
	names := make(map[string]string, len(e.cat.Awards))
	for _, a := range e.cat.Awards {
		names[a.Code] = a.Name
	}
	return names
}

// reportTemplate is the report form of the award in a round of kind k.
func (e *evaluation) reportTemplate(award string, k domain.RoundKind) domain.ReportTemplate {
	a, _ := e.cat.Award(award)
	return a.Template.ForRound(k)
}

// entry gathers the records the documents say about a nominee of a round
// of kind k: the subject, the years its award looks at with their ratings,
// results and initiatives, the history, and what the award rests on. The
// council's vote is the dossier's to add.
func (e *evaluation) entry(n domain.Nominee, k domain.RoundKind) docs.NomineeEntry {
	sub, award := n.Subject, n.Award
	v := e.verdict(sub, award)
	from, to := e.period(sub, award)
	// A report tells at least the last three years.
	rfrom := min(from, to-2)
	history := e.awards(sub)
	en := docs.NomineeEntry{
		Nominee:       n,
		AwardName:     e.awardName(award),
		Template:      e.reportTemplate(award, k),
		From:          from,
		To:            to,
		Ratings:       e.ratings(sub, rfrom, to),
		History:       history,
		HistoryNames:  historyNames(e.cat, history),
		Awards:        e.awardNames(),
		PendingCSTDCS: v.Pending && sub.Kind == domain.SubjectPerson && award != rules.AwardCSTDCS,
	}
	if b, ok := e.chainBase(sub, award); ok {
		en.ChainBase = &b
	}
	if sub.Kind == domain.SubjectPerson {
		en.Person = e.names.people[sub.Code]
		en.Unit = e.names.units[en.Person.UnitCode]
		en.Targets = targetLines(movementsOf(e.ms, e.year), yearValues(e.values, e.year), en.Unit.Code)
		for i := range en.Targets {
			en.Targets[i].Year = e.year
		}
		switch award {
		case rules.AwardBKTTG, rules.AwardHCLD3:
			// A chain award rests on the years since its base: the
			// initiatives of those years tell of them.
			en.Initiatives = e.initiatives(sub, from, to)
		default:
			en.Initiatives = e.dossierInitiatives(sub, award, v)
		}
	} else {
		en.Unit = e.names.units[sub.Code]
		for y := rfrom; y <= to; y++ {
			for _, l := range targetLines(movementsOf(e.ms, y), yearValues(e.values, y), sub.Code) {
				l.Year = y
				en.Targets = append(en.Targets, l)
			}
		}
		for _, m := range movementsOf(e.ms, e.year) {
			en.Movements = append(en.Movements, m.Name)
		}
		e.staffOf(&en)
	}
	en.UnitName = en.Unit.Name
	return en
}

// staffOf counts the people of a collective and its sub-units recruited
// by the end of the year, the women among them, and its sub-units by kind.
func (e *evaluation) staffOf(en *docs.NomineeEntry) {
	code := en.Unit.Code
	within := func(u string) bool {
		for seen := 0; u != "" && seen < 32; seen++ {
			if u == code {
				return true
			}
			u = e.names.units[u].ParentCode
		}
		return false
	}
	end := domain.YearEnd(e.year)
	for _, p := range e.names.people {
		if !within(p.UnitCode) || (!p.RecruitedOn.IsZero() && end.Before(p.RecruitedOn)) {
			continue
		}
		en.Headcount++
		if p.Gender == domain.Female {
			en.Women++
		}
	}
	for _, u := range e.names.units {
		if u.ParentCode != code || !u.ActiveOn(end) {
			continue
		}
		switch u.Kind {
		case domain.UnitDepartment:
			en.Departments++
		case domain.UnitGrassroots:
			en.Grassroots++
		}
	}
}

func yearValues(vs []domain.TargetValue, y int) []domain.TargetValue {
	var out []domain.TargetValue
	for _, v := range vs {
		if v.Year == y {
			out = append(out, v)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// Checklist.

// Checklist gives each nominee's dossier documents (domain.md 4.1) and
// whether each is there: the Tờ trình and the council minutes (made from
// the round), the achievement report (drafted text), for CSTĐCS, CSTĐ cấp
// bộ and toàn quốc the decisions recognising the initiatives (present with
// a decision number and date, or an attached file naming the initiative or
// its decision), the decision of the award a chain rests on (Bằng khen Thủ
// tướng, Huân chương), and the justification of an ineligible nominee.
func (s *Service) Checklist(ctx context.Context, roundID int64) (map[int64][]ChecklistItem, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	e, err := s.evaluation(ctx, r.Year)
	if err != nil {
		return nil, err
	}
	return s.checklist(ctx, roundID, e)
}

// checklist is Checklist over an evaluation of the round's year already
// made (the year's eligibility is the costly part).
func (s *Service) checklist(ctx context.Context, roundID int64, e *evaluation) (map[int64][]ChecklistItem, error) {
	ns, err := s.st.Nominees(ctx, roundID)
	if err != nil {
		return nil, err
	}
	c, met, err := s.st.Council(ctx, roundID)
	if err != nil {
		return nil, err
	}
	voted := map[int64]bool{}
	for _, v := range c.Votes {
		voted[v.NomineeID] = true
	}
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]ChecklistItem, len(ns))
	for _, n := range ns {
		out[n.ID] = e.checklist(n, r.Kind, met, voted[n.ID])
	}
	return out, nil
}

func (e *evaluation) checklist(n domain.Nominee, kind domain.RoundKind, met, voted bool) []ChecklistItem {
	items := []ChecklistItem{{Document: "Tờ trình đề nghị khen thưởng", Present: true, Note: "Lập từ danh sách của đợt"}}
	if t := e.reportTemplate(n.Award, kind); t != domain.TemplateNone { // else recognised on the list, without a report
		rep := ChecklistItem{Document: "Báo cáo thành tích", Present: strings.TrimSpace(n.Report.Achievements) != ""}
		if a, ok := e.cat.Award(n.Award); ok && a.Form != "" && t == a.Template {
			rep.Document += " (" + a.Form + ")"
		} else {
			rep.Document += " (" + t.Label() + ")"
		}
		if !rep.Present {
			rep.Note = "Chưa có nội dung thành tích đạt được"
			if t == domain.TemplateOneOff {
				rep.Note = "Chưa nhập thành tích đột xuất: hoàn cảnh, thời gian, địa điểm, hành động và kết quả"
			}
		}
		items = append(items, rep)
		// The form's section I: facts the report leaves out when they are
		// not on record, asked for here rather than printed as blanks.
		who := docs.NomineeEntry{Nominee: n}
		rec := ChecklistItem{Document: "Thông tin lý lịch trong báo cáo thành tích", Note: "Đủ thông tin", Advisory: true}
		where := "hồ sơ cán bộ"
		if n.Subject.Kind == domain.SubjectCollective {
			who.Unit = e.names.units[n.Subject.Code]
			rec.Document, where = "Thông tin đặc điểm, tình hình đơn vị trong báo cáo thành tích", "thông tin đơn vị"
		} else {
			who.Person = e.names.people[n.Subject.Code]
		}
		miss := docs.MissingRecord(who)
		rec.Present = len(miss) == 0
		if !rec.Present {
			rec.Note = "Còn thiếu: " + strings.Join(miss, ", ") + "; bổ sung trong " + where
		}
		items = append(items, rec)
	}
	min := ChecklistItem{Document: "Biên bản họp Hội đồng Thi đua - Khen thưởng", Present: met && voted}
	switch {
	case !met:
		min.Note = "Hội đồng chưa họp xét"
	case !voted:
		min.Note = "Chưa có kết quả biểu quyết"
	}
	items = append(items, min)
	if n.Award == "CSTDCS" || secretAwards[n.Award] {
		v := e.verdict(n.Subject, n.Award)
		inits := e.dossierInitiatives(n.Subject, n.Award, v)
		if len(inits) == 0 {
			note := "Không có sáng kiến làm căn cứ trong thời gian xét"
			if n.Award == "CSTDCS" {
				note = "Không cần: danh hiệu dựa trên xếp loại Hoàn thành xuất sắc nhiệm vụ"
			}
			items = append(items, ChecklistItem{Document: "Quyết định công nhận sáng kiến", Present: n.Award == "CSTDCS", Note: note})
		}
		for _, in := range inits {
			it := ChecklistItem{Document: fmt.Sprintf("Quyết định công nhận sáng kiến “%s”", in.Title), Waivable: true}
			switch {
			case in.DecisionNo != "" && !in.DecisionDate.IsZero():
				it.Present, it.Note = true, docs.DecisionPhrase(in.DecisionNo, in.DecisionDate, in.Issuer)
			case attachmentFor(n.Attachments, in.Title, in.DecisionNo) != "":
				it.Present, it.Note = true, "Tệp đính kèm: "+attachmentFor(n.Attachments, in.Title, in.DecisionNo)
			default:
				it.Note = "Thiếu số, ngày quyết định công nhận; nhập quyết định hoặc đính kèm bản chụp"
			}
			items = append(items, it)
		}
	}
	if n.Award == "BK_TTG" || n.Award == "HCLD3" || n.Award == "CSTD_TQ" {
		base := map[string]string{"BK_TTG": "BK_BO", "HCLD3": "BK_TTG", "CSTD_TQ": "CSTD_BO"}[n.Award]
		it := ChecklistItem{Document: "Quyết định " + e.awardName(base) + " làm căn cứ", Waivable: true}
		if b, ok := e.chainBase(n.Subject, n.Award); ok {
			it.Document = fmt.Sprintf("Quyết định %s năm %d", e.awardName(base), b.Year)
			if b.DecisionNo != "" {
				it.Present, it.Note = true, docs.DecisionPhrase(b.DecisionNo, b.DecisionDate, b.Issuer)
			} else if f := attachmentFor(n.Attachments, e.awardName(base), ""); f != "" {
				it.Present, it.Note = true, "Tệp đính kèm: "+f
			} else {
				it.Note = "Thiếu số quyết định; nhập vào lịch sử khen thưởng hoặc đính kèm bản chụp"
			}
		} else {
			it.Note = "Không có trong lịch sử khen thưởng"
		}
		items = append(items, it)
	}
	if !n.Eligible {
		it := ChecklistItem{Document: "Giải trình của Thủ trưởng đơn vị (chưa đủ điều kiện)", Present: strings.TrimSpace(n.Justification) != ""}
		if !it.Present {
			it.Note = strings.Join(n.Reasons, "; ")
		}
		items = append(items, it)
	}
	for i := range items {
		if it := &items[i]; it.Waivable && !it.Present {
			it.Waived = n.Waivers[it.Document]
		}
	}
	return items
}

// attachmentFor finds an attached file whose name mentions the title or the
// decision number (compared without diacritics or case).
func attachmentFor(files []string, title, decisionNo string) string {
	t, d := domain.Fold(title), domain.Fold(decisionNo)
	for _, f := range files {
		ff := domain.Fold(f)
		if (t != "" && strings.Contains(ff, t)) || (d != "" && strings.Contains(ff, d)) {
			return f
		}
		if d != "" {
			// "12/QĐ-BHXH" is saved as "12-QĐ-BHXH" in a file name.
			if dd := strings.NewReplacer("/", "-", "\\", "-").Replace(d); strings.Contains(ff, dd) {
				return f
			}
		}
	}
	return ""
}

// ---------------------------------------------------------------------------
// Dossier.

// DossierInput gathers everything the round's documents say: the office,
// the round, the council (the recorded one, else the default), the
// nominees in dossier order (collectives first, then people, each by award
// in catalogue order, then by Vietnamese name) with what each document
// shows of them, their votes, and the thresholds of each award.
func (s *Service) DossierInput(ctx context.Context, roundID int64) (docs.DossierInput, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return docs.DossierInput{}, err
	}
	in := docs.DossierInput{Threshold: map[string]float64{}, Secret: map[string]bool{}, Decisions: map[string]domain.RoundDecision{}}
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return in, err
	}
	in.Round = r
	ds, err := s.st.Decisions(ctx, roundID)
	if err != nil {
		return in, err
	}
	for _, d := range ds {
		in.Decisions[d.Award] = d
	}
	p, ok, err := s.st.Profile(ctx)
	if err != nil {
		return in, err
	}
	if !ok {
		return in, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	in.Profile = p
	c, met, err := s.st.Council(ctx, roundID)
	if err != nil {
		return in, err
	}
	ns, err := s.st.Nominees(ctx, roundID)
	if err != nil {
		return in, err
	}
	if !met {
		c = defaultCouncil(roundID, p, ns, s.Today())
	}
	in.Council = c
	e, err := s.evaluation(ctx, r.Year)
	if err != nil {
		return in, err
	}
	in = e.dossierInput(in, c, met, ns)
	// A cống hiến report lists the postings of a whole career.
	for i, en := range in.Nominees {
		if en.Template != domain.TemplateDedication || en.Person.ID == 0 {
			continue
		}
		as, err := s.st.Assignments(ctx, en.Person.ID)
		if err != nil {
			return in, err
		}
		for _, a := range as {
			in.Nominees[i].Career = append(in.Nominees[i].Career, docs.CareerLine{From: a.From, To: a.To, Position: a.Position, Unit: e.names.units[a.UnitCode].Name})
		}
	}
	return in, nil
}

func (e *evaluation) dossierInput(in docs.DossierInput, c domain.Council, met bool, ns []domain.Nominee) docs.DossierInput {
	sortNominees(ns, e.cat, e.names)
	for _, a := range e.cat.Awards {
		in.Threshold[a.Code], in.Secret[a.Code] = threshold(e.cat, in.Round.Year, a.Code)
	}
	if r, ok := e.cat.RegimeFor(in.Round.Year); ok {
		in.Citations = r.CitationLines()
	}
	in.WrittenOpinionsCount = writtenOpinionsCount(e.cat, in.Round.Year)
	names := e.awardNames()
	results := voteResult(in.Round, c, met, ns, e.cat)
	votes := map[int64]domain.Vote{}
	for _, v := range c.Votes {
		votes[v.NomineeID] = v
	}
	// Who confers each award, and its full name then, on the day the
	// round's proposals go out.
	in.Conferrals = map[string]docs.Conferral{}
	day := conferralDay(in.Round, c, met)
	for code, cf := range conferrals(e.cat, day) {
		in.Conferrals[code] = docs.Conferral{Name: cf.FullName, Authority: cf.Authority.Code, Signer: cf.Signer, Via: cf.Via, Own: cf.Own}
	}
	// One achievement grounds one award: a person's report cites the
	// initiatives its award rests on, and an initiative already cited for
	// another award of the same person in the round is not cited again.
	cited := map[domain.Subject]map[string]bool{}
	for _, n := range ns {
		entry := e.entry(n, in.Round.Kind)
		entry.Awards = names
		entry.AwardName = e.cat.ConferredBy(n.Award, day).FullName
		if n.Subject.Kind == domain.SubjectPerson {
			if cited[n.Subject] == nil {
				cited[n.Subject] = map[string]bool{}
			}
			var inits []domain.Initiative
			for _, in := range entry.Initiatives {
				if !cited[n.Subject][in.Title] {
					cited[n.Subject][in.Title] = true
					inits = append(inits, in)
				}
			}
			entry.Initiatives = inits
		}
		entry.VoteFor = votes[n.ID].For
		entry.VotePct = results[n.ID].Pct
		entry.Passed = results[n.ID].Passed
		in.Nominees = append(in.Nominees, entry)
	}
	return in
}

// ---------------------------------------------------------------------------
// Export.

// DossierListName is the file name (without extension) of the round's
// nomination list spreadsheet.
const DossierListName = "Danh sách đề nghị khen thưởng"

// DossierOptions say what ExportDossier writes besides the PDFs and the
// nomination list, and whom it tells of its progress.
type DossierOptions struct {
	// Docx also writes an editable Word copy of each PDF beside it, with
	// the same name and the extension .docx, rendered from the same
	// document model, for the clerks to correct before signing. The
	// nomination list stays a spreadsheet.
	Docx bool
	// Progress, if not nil, gets the files written so far (a PDF and its
	// Word copy count as one).
	Progress func(done, total int)
}

// ExportDossier writes every document of the round into dir: each PDF of
// docs.Dossier under dir/pdf (file names made safe, a repeated name gets a
// number), with its Word copy when asked, and the nomination list under
// dir/xlsx. Every file is written atomically.
func (s *Service) ExportDossier(ctx context.Context, roundID int64, dir string, opt DossierOptions) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	progress := opt.Progress
	in, err := s.DossierInput(ctx, roundID)
	if err != nil {
		return err
	}
	// Documents of one book (the reports of an award) print into one file:
	// the clerk prints one file per award.
	files := docs.Files(docs.Dossier(in))
	pdfDir, xlsxDir := filepath.Join(dir, "pdf"), filepath.Join(dir, "xlsx")
	for _, d := range []string{pdfDir, xlsxDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("không tạo được thư mục %s: %w", d, err)
		}
	}
	// Every file of the dossier is a job; names are chosen first, in order,
	// so that two documents of the same name get the same suffixes on every
	// run whatever job finishes first.
	var jobs []dossierJob
	used := map[string]bool{}
	for _, f := range files {
		name := paths.SafeFileName(f.Name, ".pdf")
		for k := 2; used[strings.ToLower(name)]; k++ {
			name = paths.SafeFileName(fmt.Sprintf("%s (%d)", f.Name, k), ".pdf")
		}
		used[strings.ToLower(name)] = true
		ds := f.Docs
		jobs = append(jobs, dossierJob{filepath.Join(pdfDir, name), len(ds), func(w io.Writer) error { return pdf.RenderBook(ds, w) }})
		if opt.Docx {
			// The PDF's name with the other extension (SafeFileName again
			// only cuts a name that would pass MaxName with it).
			word := paths.SafeFileName(strings.TrimSuffix(name, ".pdf"), ".docx")
			jobs = append(jobs, dossierJob{filepath.Join(pdfDir, word), len(ds), func(w io.Writer) error { return docx.RenderBook(ds, w) }})
		}
	}
	list := filepath.Join(xlsxDir, paths.SafeFileName(DossierListName, ".xlsx"))
	jobs = append(jobs, dossierJob{list, 1 + len(in.Nominees)/50, func(w io.Writer) error { return xlsx.WriteNominationList(in, w) }})
	return writeDossierFiles(ctx, jobs, progress)
}

// dossierJob is one file of a dossier and what writes it.
type dossierJob struct {
	path   string
	weight int // about how long it takes: the documents of a book
	write  func(io.Writer) error
}

// writeDossierFiles writes the jobs, as many at a time as the machine has
// cores (the largest files, the reports of an award, are written first so
// that one of them does not start last), each file atomically. It stops at
// the first failure or when ctx is cancelled; files already written stay,
// complete.
func writeDossierFiles(ctx context.Context, jobs []dossierJob, progress func(done, total int)) error {
	jobs = slices.Clone(jobs)
	slices.SortStableFunc(jobs, func(a, b dossierJob) int { return b.weight - a.weight })
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan dossierJob)
	errs := make(chan error, len(jobs))
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				err := ctx.Err()
				if err == nil {
					if err = paths.WriteAtomic(j.path, j.write); err != nil {
						err = fmt.Errorf("ghi %s: %w", filepath.Base(j.path), err)
					}
				}
				errs <- err
			}
		}()
	}
	go func() {
		defer close(next)
		for _, j := range jobs {
			select {
			case next <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(errs)
	}()
	// Results arrive until every worker has stopped: after a failure or a
	// cancellation fewer jobs than planned are handed out.
	var first error
	done := 0
	for err := range errs {
		if err != nil {
			if first == nil {
				first = err
				cancel()
			}
			continue
		}
		done++
		if progress != nil && first == nil {
			progress(done, len(jobs))
		}
	}
	if first != nil && parent.Err() == nil {
		return first
	}
	return parent.Err()
}

// historyNames are the full names of awards received, as whoever conferred
// each named it on its decision's day (or at the start of the next year
// when the record has no date): a Bằng khen of 2022 is the Tổng Giám đốc's,
// one of 2025 the Minister of Finance's.
func historyNames(cat rules.Catalogue, hs []domain.AwardRecord) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = cat.ConferredBy(h.AwardCode, h.DecidedOn()).FullName
	}
	return out
}
