package service

// The emulation year (issue 4): movements and their targets, what each
// subject registers for (đăng ký thi đua), the collectives' commitments and
// results, the emulation cluster (cụm thi đua) with its pact, the scoring
// table (bảng chấm điểm) with the office's self-scores and evidence, and the
// inputs of the year's documents built from all of it.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pdf"
	"tdkt/internal/rules"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// Field labels of the emulation forms, as people see them.
const (
	FieldMovementName  = "Tên phong trào"
	FieldMovementKind  = "Hình thức"
	FieldFromYear      = "Từ năm"
	FieldToYear        = "Đến năm"
	FieldReviews       = "Sơ kết, tổng kết"
	FieldTargetName    = "Tên chỉ tiêu"
	FieldTargetUnit    = "Đơn vị tính"
	FieldAward         = "Danh hiệu/Hình thức"
	FieldYear          = "Năm"
	FieldUnit          = "Đơn vị"
	FieldTarget        = "Chỉ tiêu"
	FieldPlanned       = "Kế hoạch"
	FieldActual        = "Thực hiện"
	FieldClusterName   = "Tên cụm"
	FieldMembers       = "Thành viên"
	FieldRole          = "Vai trò"
	FieldOwn           = "Đơn vị mình"
	FieldCriterionCode = "Mã tiêu chí"
	FieldCriterionName = "Tên tiêu chí"
	FieldParent        = "Tiêu chí cha"
	FieldMaxPoints     = "Điểm tối đa"
	FieldMethod        = "Cách chấm"
	FieldCriterion     = "Tiêu chí"
	FieldScore         = "Điểm tự chấm"
	FieldFile          = "Tệp minh chứng"
	FieldRating        = "Xếp loại"
)

// maxEvidenceBytes bounds one evidence file: they live in the database,
// and a scanned page rarely needs more.
const maxEvidenceBytes = 20 << 20

// ---------------------------------------------------------------------------
// Movements.

// Movements lists the emulation movements with their reviews and targets,
// the latest first.
func (s *Service) Movements(ctx context.Context) ([]domain.Movement, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Movements(ctx)
}

// planYear checks a year used for plans, which may lie years ahead.
func (s *Service) planYear(field string, y int) error {
	if y < 1975 || y > s.now().Year()+20 {
		return domain.FieldError{Field: field, Msg: fmt.Sprintf("năm %d không hợp lệ; nhập năm từ 1975 đến %d", y, s.now().Year()+20)}
	}
	return nil
}

// SaveMovement validates and saves a movement (ID 0: new), replacing its
// reviews and targets; targets are keyed by ID, so existing ones keep theirs
// (and their values), new ones (ID 0) are added and missing ones deleted.
// Targets are kept in the order given. It returns the movement's ID.
func (s *Service) SaveMovement(ctx context.Context, m domain.Movement) (int64, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	c := rules.Clean
	m.Name, m.DocNo, m.Issuer = c(m.Name), c(m.DocNo), c(m.Issuer)
	var errs domain.FieldErrors
	if m.Name == "" {
		errs = append(errs, domain.FieldError{Field: FieldMovementName, Msg: "chưa nhập"})
	}
	switch m.Kind {
	case "":
		m.Kind = domain.MovementRegular
	case domain.MovementRegular, domain.MovementThematic:
	default:
		errs = append(errs, domain.FieldError{Field: FieldMovementKind, Msg: "chọn Thường xuyên hoặc Chuyên đề, theo đợt"})
	}
	if err := s.planYear(FieldFromYear, m.FromYear); err != nil {
		errs = append(errs, err.(domain.FieldError))
	}
	if m.ToYear != 0 && m.ToYear < m.FromYear {
		errs = append(errs, domain.FieldError{Field: FieldToYear, Msg: fmt.Sprintf("năm %d sớm hơn năm bắt đầu %d", m.ToYear, m.FromYear)})
	}
	seenReview := map[domain.MovementReview]bool{}
	reviews := make([]domain.MovementReview, 0, len(m.Reviews))
	for _, r := range m.Reviews {
		r.Note = c(r.Note)
		if r.Kind != domain.ReviewInterim && r.Kind != domain.ReviewFinal {
			errs = append(errs, domain.FieldError{Field: FieldReviews, Msg: fmt.Sprintf("năm %d: chọn Sơ kết hoặc Tổng kết", r.Year)})
			continue
		}
		if !m.Covers(r.Year) {
			errs = append(errs, domain.FieldError{Field: FieldReviews, Msg: fmt.Sprintf("%s năm %d nằm ngoài thời gian của phong trào", strings.ToLower(r.Kind.Label()), r.Year)})
			continue
		}
		key := domain.MovementReview{Year: r.Year, Kind: r.Kind}
		if seenReview[key] {
			errs = append(errs, domain.FieldError{Field: FieldReviews, Msg: fmt.Sprintf("%s năm %d nhập hai lần", strings.ToLower(r.Kind.Label()), r.Year)})
			continue
		}
		seenReview[key] = true
		reviews = append(reviews, r)
	}
	m.Reviews = reviews
	seenTarget := map[string]bool{}
	targets := make([]domain.Target, len(m.Targets))
	for i, t := range m.Targets {
		t.Name, t.Unit = c(t.Name), c(t.Unit)
		t.SortOrder = i + 1
		switch {
		case t.Name == "":
			errs = append(errs, domain.FieldError{Field: FieldTargetName, Msg: fmt.Sprintf("chỉ tiêu thứ %d chưa có tên", i+1)})
		case seenTarget[strings.ToLower(t.Name)]:
			errs = append(errs, domain.FieldError{Field: FieldTargetName, Msg: fmt.Sprintf("chỉ tiêu %q nhập hai lần", t.Name)})
		case t.Unit == "":
			errs = append(errs, domain.FieldError{Field: FieldTargetUnit, Msg: fmt.Sprintf("chỉ tiêu %q chưa có đơn vị tính (ví dụ %%, người, ngày)", t.Name)})
		}
		seenTarget[strings.ToLower(t.Name)] = true
		targets[i] = t
	}
	m.Targets = targets
	if len(errs) > 0 {
		return 0, errs
	}
	var id int64
	err := s.st.Write(ctx, func(tx *store.Tx) error {
		saved, _, err := tx.SaveMovement(m)
		id = saved.ID
		return err
	})
	return id, err
}

// DeleteMovement removes a movement with its targets and their values.
func (s *Service) DeleteMovement(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteMovement(id) })
}

// targetIndex maps every target ID to its target and movement.
func (s *Service) targetIndex(ctx context.Context) ([]domain.Movement, map[int64]domain.Target, map[int64]domain.Movement, error) {
	ms, err := s.st.Movements(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	ts, mv := map[int64]domain.Target{}, map[int64]domain.Movement{}
	for _, m := range ms {
		for _, t := range m.Targets {
			ts[t.ID], mv[t.ID] = t, m
		}
	}
	return ms, ts, mv, nil
}

// ---------------------------------------------------------------------------
// Registrations.

// Registrations lists the year's registrations: collectives first, then
// people, by code.
func (s *Service) Registrations(ctx context.Context, year int) ([]domain.Registration, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Registrations(ctx, year)
}

// SaveRegistration saves one subject's registration for the year; no
// awards removes it. Award codes must be in the catalogue and apply to the
// subject's kind.
func (s *Service) SaveRegistration(ctx context.Context, r domain.Registration) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	r.Note = rules.Clean(r.Note)
	if err := s.planYear(FieldYear, r.Year); err != nil {
		return err
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return err
	}
	var awards []string
	seen := map[string]bool{}
	for _, a := range r.Awards {
		a = rules.Clean(a)
		if a == "" || seen[a] {
			continue
		}
		seen[a] = true
		at, ok := cat.Award(a)
		switch {
		case !ok:
			return domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("mã %s không có trong danh mục", a)}
		case !at.AppliesTo(r.Subject.Kind):
			return domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("%s không dùng cho %s", at.Name, subjectWord(r.Subject.Kind))}
		}
		awards = append(awards, a)
	}
	r.Awards = awards
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveRegistration(r)
		return err
	})
}

// memberDate is the day on which membership counts for year: 31 December
// for a past year, today for the current year and later ones.
func (s *Service) memberDate(year int) domain.Date {
	if year < s.now().Year() {
		return domain.YearEnd(year)
	}
	return s.Today()
}

// RegisterUnitStaff adds award to the registration of everyone in the unit
// and its sub-units on 31 December of year (today for the current year), in
// one transaction. It returns how many registrations changed, so running it
// twice changes nothing the second time.
func (s *Service) RegisterUnitStaff(ctx context.Context, year int, unitCode string, award string) (int, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	if err := s.planYear(FieldYear, year); err != nil {
		return 0, err
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return 0, err
	}
	at, ok := cat.Award(award)
	switch {
	case !ok:
		return 0, domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("mã %s không có trong danh mục", award)}
	case !at.AppliesTo(domain.SubjectPerson):
		return 0, domain.FieldError{Field: FieldAward, Msg: fmt.Sprintf("%s không dùng cho cá nhân", at.Name)}
	}
	n := 0
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		found := false
		for _, u := range units {
			found = found || u.Code == unitCode
		}
		if !found {
			return domain.FieldError{Field: FieldUnit, Msg: fmt.Sprintf("không có đơn vị mã %s", unitCode), Err: domain.ErrNotFound}
		}
		in := SubUnits(units, unitCode)
		members, err := tx.AssignedOn(s.memberDate(year))
		if err != nil {
			return err
		}
		codes := make([]string, 0, len(members))
		for code, u := range members {
			if in[u] {
				codes = append(codes, code)
			}
		}
		sort.Strings(codes)
		for _, code := range codes {
			ch, err := tx.AddRegistrationAward(domain.PersonSubject(code), year, award)
			if err != nil {
				return err
			}
			if ch != store.Unchanged {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// RegistrationWarnings gives, per subject, the Vietnamese reasons why a
// registered award cannot succeed given the history recorded so far. It
// checks the chain conditions of the catalogue that are already decided
// before the year begins (previous titles, previous ratings, recruitment
// date, discipline); the year's own results are left to the eligibility
// evaluation at year end. Warnings never block a registration.
func (s *Service) RegistrationWarnings(ctx context.Context, year int) (map[domain.Subject][]string, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	regs, err := s.st.Registrations(ctx, year)
	if err != nil || len(regs) == 0 {
		return map[domain.Subject][]string{}, err
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return nil, err
	}
	awards, err := s.st.AwardsBetween(ctx, 0, year)
	if err != nil {
		return nil, err
	}
	// merit[subject][code] lists the years of recorded công trạng awards:
	// đột xuất and chuyên đề awards never count in a chain.
	merit := map[domain.Subject]map[string][]int{}
	for _, a := range awards {
		if a.Kind != domain.KindMerit && a.Kind != "" {
			continue
		}
		if merit[a.Subject] == nil {
			merit[a.Subject] = map[string][]int{}
		}
		merit[a.Subject][a.AwardCode] = append(merit[a.Subject][a.AwardCode], a.Year)
	}
	has := func(sub domain.Subject, code string, y int) bool {
		for _, x := range merit[sub][code] {
			if x == y {
				return true
			}
		}
		return false
	}
	hasBy := func(sub domain.Subject, code string, y int) bool {
		for _, x := range merit[sub][code] {
			if x <= y {
				return true
			}
		}
		return false
	}
	prevPeople, prevUnits, err := s.st.YearRatings(ctx, year-1)
	if err != nil {
		return nil, err
	}
	people, err := s.st.People(ctx)
	if err != nil {
		return nil, err
	}
	person := map[string]domain.Person{}
	for _, p := range people {
		person[p.StaffCode] = p
	}
	discs, err := s.st.AllDisciplines(ctx)
	if err != nil {
		return nil, err
	}
	discOf := map[string][]domain.Discipline{}
	for _, d := range discs {
		discOf[d.StaffCode] = append(discOf[d.StaffCode], d)
	}
	regime, _ := cat.RegimeFor(year)
	cutoff := domain.NewDate(year, time.July, 1)
	if v, ok := cat.Param("ldtt.recruited_by", regime.Code, domain.YearEnd(year)); ok {
		if mm, dd, ok := strings.Cut(v, "-"); ok {
			m, err1 := strconv.Atoi(mm)
			d, err2 := strconv.Atoi(dd)
			if err1 == nil && err2 == nil {
				if c, err := domain.ValidDate(year, m, d); err == nil {
					cutoff = c
				}
			}
		}
	}

	out := map[domain.Subject][]string{}
	for _, r := range regs {
		sub := r.Subject
		var ws []string
		add := func(code, format string, a ...any) {
			ws = append(ws, cat.ShortName(code, year)+": "+fmt.Sprintf(format, a...))
		}
		for _, code := range r.Awards {
			if sub.Kind == domain.SubjectCollective {
				switch code {
				case "CO_BO", "CO_CP", "BK_BO":
					if got := prevUnits[sub.Code]; got != domain.HTXSNV {
						add(code, "Năm %d tập thể %s", year-1, ratingPhrase(got))
					}
				case "BK_TTG":
					if !hasBy(sub, "BK_BO", year-5) {
						add(code, "Chưa có %s từ năm %d trở về trước", cat.ShortName(rules.AwardBKBo, year-5), year-5)
					}
				case "HCLD3":
					if !hasBy(sub, "BK_TTG", year-5) {
						add(code, "Chưa có %s từ năm %d trở về trước", cat.ShortName(rules.AwardBKTTG, year-5), year-5)
					}
				}
				continue
			}
			switch code {
			case "LDTT", "CSTDCS":
				if p, ok := person[sub.Code]; ok && p.RecruitedOn.After(cutoff) {
					add(code, "Tuyển dụng ngày %s, sau ngày %s: chưa đủ thời gian công tác trong năm %d", p.RecruitedOn.VN(), cutoff.VN(), year)
				}
				for _, d := range discOf[sub.Code] {
					if d.InEffectDuring(year) {
						add(code, "Kỷ luật %s (hiệu lực từ %s) còn hiệu lực trong năm %d", strings.ToLower(d.Form.Label()), d.From.VN(), year)
						break
					}
				}
			case "CSTD_BO":
				for _, y := range []int{year - 2, year - 1} {
					if !has(sub, "CSTDCS", y) {
						add(code, "Thiếu CSTĐCS năm %d", y)
					}
				}
			case "CSTD_TQ":
				if !has(sub, "CSTD_BO", year-3) {
					add(code, "Thiếu %s năm %d", cat.ShortName(rules.AwardCSTDBo, year-3), year-3)
				}
			case "BK_BO":
				if !has(sub, "CSTDCS", year-1) && prevPeople[sub.Code] != domain.HTXSNV {
					add(code, "Năm %d chưa có CSTĐCS và không được xếp loại HTXSNV", year-1)
				}
			case "BK_TTG":
				if !hasBy(sub, "BK_BO", year-5) {
					add(code, "Chưa có %s từ năm %d trở về trước", cat.ShortName(rules.AwardBKBo, year-5), year-5)
				}
			case "HCLD3":
				if !hasBy(sub, "BK_TTG", year-5) {
					add(code, "Chưa có %s từ năm %d trở về trước", cat.ShortName(rules.AwardBKTTG, year-5), year-5)
				}
			}
		}
		if len(ws) > 0 {
			out[sub] = ws
		}
	}
	return out, nil
}

func ratingPhrase(r domain.Rating) string {
	if r == "" {
		return "chưa được xếp loại (cần HTXSNV)"
	}
	return fmt.Sprintf("được xếp loại %s, cần HTXSNV", r)
}

// ---------------------------------------------------------------------------
// Target values.

// TargetValues lists a collective's target values for the year ("" every
// collective).
func (s *Service) TargetValues(ctx context.Context, year int, unitCode string) ([]domain.TargetValue, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.TargetValues(ctx, year, unitCode)
}

// SaveTargetValue validates and saves a collective's commitment to a
// target for a year and, when known, the result.
func (s *Service) SaveTargetValue(ctx context.Context, v domain.TargetValue) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	v.UnitCode = rules.Clean(v.UnitCode)
	if err := s.planYear(FieldYear, v.Year); err != nil {
		return err
	}
	var errs domain.FieldErrors
	if _, ok, err := s.st.Unit(ctx, v.UnitCode); err != nil {
		return err
	} else if !ok {
		errs = append(errs, domain.FieldError{Field: FieldUnit, Msg: fmt.Sprintf("không có đơn vị mã %q", v.UnitCode), Err: domain.ErrNotFound})
	}
	_, targets, movement, err := s.targetIndex(ctx)
	if err != nil {
		return err
	}
	t, ok := targets[v.TargetID]
	switch {
	case !ok:
		errs = append(errs, domain.FieldError{Field: FieldTarget, Msg: "chưa chọn hoặc không còn trong phong trào", Err: domain.ErrNotFound})
	case !movement[v.TargetID].Covers(v.Year):
		errs = append(errs, domain.FieldError{Field: FieldYear, Msg: fmt.Sprintf("phong trào %q không diễn ra năm %d", movement[v.TargetID].Name, v.Year)})
	}
	if math.IsNaN(v.Planned) || math.IsInf(v.Planned, 0) || v.Planned < 0 {
		errs = append(errs, domain.FieldError{Field: FieldPlanned, Msg: "nhập một số không âm"})
	}
	if v.HasActual && (math.IsNaN(v.Actual) || math.IsInf(v.Actual, 0) || v.Actual < 0) {
		errs = append(errs, domain.FieldError{Field: FieldActual, Msg: "nhập một số không âm, hoặc để trống khi chưa có kết quả"})
	}
	if ok && t.Unit == "%" && (v.Planned > 1000 || v.HasActual && v.Actual > 1000) {
		errs = append(errs, domain.FieldError{Field: FieldPlanned, Msg: fmt.Sprintf("chỉ tiêu %q tính theo %%; kiểm tra lại số", t.Name)})
	}
	if len(errs) > 0 {
		return errs
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveTargetValue(v)
		return err
	})
}

// DeleteTargetValue removes a collective's value of a target for a year.
func (s *Service) DeleteTargetValue(ctx context.Context, year int, unitCode string, targetID int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteTargetValue(year, unitCode, targetID) })
}

// ---------------------------------------------------------------------------
// Cluster.

// Cluster reads the year's emulation cluster; ok is false when none is recorded.
func (s *Service) Cluster(ctx context.Context, year int) (domain.Cluster, bool, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return domain.Cluster{}, false, err
	}
	return s.st.Cluster(ctx, year)
}

// SaveCluster validates and saves the year's cluster: a name, members with
// distinct names, at most one leader and one deputy, exactly one member
// marked as this office.
func (s *Service) SaveCluster(ctx context.Context, c domain.Cluster) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	c.Name, c.Pact = rules.Clean(c.Name), strings.TrimSpace(c.Pact)
	var errs domain.FieldErrors
	if err := s.planYear(FieldYear, c.Year); err != nil {
		errs = append(errs, err.(domain.FieldError))
	}
	if c.Name == "" {
		errs = append(errs, domain.FieldError{Field: FieldClusterName, Msg: "chưa nhập; ví dụ Cụm thi đua số 3"})
	}
	leaders, deputies, own := 0, 0, 0
	seen := map[string]bool{}
	members := make([]domain.ClusterMember, 0, len(c.Members))
	for i, m := range c.Members {
		m.Name = rules.Clean(m.Name)
		switch {
		case m.Name == "":
			errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("thành viên thứ %d chưa có tên", i+1)})
		case seen[strings.ToLower(m.Name)]:
			errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("%s nhập hai lần", m.Name)})
		}
		seen[strings.ToLower(m.Name)] = true
		switch m.Role {
		case domain.RoleLeader:
			leaders++
		case domain.RoleDeputy:
			deputies++
		case domain.RoleMember:
		default:
			errs = append(errs, domain.FieldError{Field: FieldRole, Msg: fmt.Sprintf("%s: chọn Cụm trưởng, Cụm phó hoặc để trống", m.Name)})
		}
		if m.Own {
			own++
		}
		if m.HasTotal && (math.IsNaN(m.Total) || math.IsInf(m.Total, 0)) {
			errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("%s: tổng điểm không hợp lệ", m.Name)})
		}
		members = append(members, m)
	}
	c.Members = members
	if leaders > 1 {
		errs = append(errs, domain.FieldError{Field: FieldRole, Msg: fmt.Sprintf("có %d cụm trưởng; mỗi cụm chỉ có một", leaders)})
	}
	if deputies > 1 {
		errs = append(errs, domain.FieldError{Field: FieldRole, Msg: fmt.Sprintf("có %d cụm phó; mỗi cụm chỉ có một", deputies)})
	}
	if own != 1 {
		errs = append(errs, domain.FieldError{Field: FieldOwn, Msg: fmt.Sprintf("đánh dấu đúng một thành viên là đơn vị mình (đang có %d)", own)})
	}
	if len(errs) > 0 {
		return errs
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveCluster(c)
		return err
	})
}

// ---------------------------------------------------------------------------
// Scoring table.

// Criteria lists the year's scoring table in tree order.
func (s *Service) Criteria(ctx context.Context, year int) ([]domain.Criterion, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	cs, err := s.st.Criteria(ctx, year)
	if err != nil {
		return nil, err
	}
	ordered, _ := domain.CriteriaTree(cs)
	return ordered, nil
}

// SaveCriteria validates cs and makes it the year's scoring table in one
// transaction. Codes are unique, parents exist (and make no cycle), maxima
// are not negative, every leaf has a scoring method and groups have none; a
// proportional criterion names a target of a movement covering the year.
// The self-scores of codes that stay are kept, unless they no longer fit
// their criterion's bounds (a maximum lowered, a criterion turned into a
// penalty): those are removed in the same transaction and returned, for the
// clerk to score again, so that no total counts them. When every SortOrder
// is 0 the list order is kept.
func (s *Service) SaveCriteria(ctx context.Context, year int, cs []domain.Criterion) (cleared []domain.SelfScore, err error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return nil, err
	}
	if err := s.planYear(FieldYear, year); err != nil {
		return nil, err
	}
	_, targets, movement, err := s.targetIndex(ctx)
	if err != nil {
		return nil, err
	}
	var errs domain.FieldErrors
	explicit := false
	for _, c := range cs {
		explicit = explicit || c.SortOrder != 0
	}
	codes := map[string]bool{}
	parentOf := map[string]string{}
	clean := make([]domain.Criterion, len(cs))
	for i, c := range cs {
		c.Year = year
		c.Code, c.ParentCode, c.Name = rules.Clean(c.Code), rules.Clean(c.ParentCode), rules.Clean(c.Name)
		if !explicit {
			c.SortOrder = i + 1
		}
		switch {
		case c.Code == "":
			errs = append(errs, domain.FieldError{Field: FieldCriterionCode, Msg: fmt.Sprintf("dòng %d chưa có mã (ví dụ I, I.1)", i+1)})
		case codes[c.Code]:
			errs = append(errs, domain.FieldError{Field: FieldCriterionCode, Msg: fmt.Sprintf("mã %s dùng hai lần", c.Code), Err: domain.ErrDuplicate})
		}
		codes[c.Code] = true
		parentOf[c.Code] = c.ParentCode
		if c.Name == "" {
			errs = append(errs, domain.FieldError{Field: FieldCriterionName, Msg: fmt.Sprintf("tiêu chí %s chưa có tên", c.Code)})
		}
		if c.MaxPoints < 0 || math.IsNaN(c.MaxPoints) || math.IsInf(c.MaxPoints, 0) {
			errs = append(errs, domain.FieldError{Field: FieldMaxPoints, Msg: fmt.Sprintf("tiêu chí %s: điểm tối đa phải là số không âm", c.Code)})
		}
		if c.CapPercent < 0 || math.IsNaN(c.CapPercent) {
			errs = append(errs, domain.FieldError{Field: FieldMethod, Msg: fmt.Sprintf("tiêu chí %s: mức trần phải là số không âm", c.Code)})
		}
		clean[i] = c
	}
	isParent := map[string]bool{}
	for _, c := range clean {
		if c.ParentCode == "" {
			continue
		}
		isParent[c.ParentCode] = true
		if !codes[c.ParentCode] {
			errs = append(errs, domain.FieldError{Field: FieldParent, Msg: fmt.Sprintf("tiêu chí %s: không có tiêu chí cha mã %s", c.Code, c.ParentCode), Err: domain.ErrNotFound})
			continue
		}
		seen := map[string]bool{}
		for p := c.ParentCode; p != "" && !seen[p]; p = parentOf[p] {
			seen[p] = true
			if p == c.Code {
				errs = append(errs, domain.FieldError{Field: FieldParent, Msg: fmt.Sprintf("tiêu chí %s không được nằm trong chính nó", c.Code)})
				break
			}
		}
	}
	for i := range clean {
		c := &clean[i]
		if isParent[c.Code] {
			// A group is the sum of its criteria: it has no method of its own.
			c.Method, c.TargetID, c.CapPercent = "", 0, 0
			continue
		}
		switch c.Method {
		case domain.MethodProportional:
			if c.TargetID == 0 {
				break // scored by hand until linked to a target
			}
			if _, ok := targets[c.TargetID]; !ok {
				errs = append(errs, domain.FieldError{Field: FieldTarget, Msg: fmt.Sprintf("tiêu chí %s: chỉ tiêu đã chọn không còn", c.Code), Err: domain.ErrNotFound})
			} else if !movement[c.TargetID].Covers(year) {
				errs = append(errs, domain.FieldError{Field: FieldTarget, Msg: fmt.Sprintf("tiêu chí %s: phong trào của chỉ tiêu không diễn ra năm %d", c.Code, year)})
			}
		case domain.MethodPassFail, domain.MethodBonus, domain.MethodPenalty, domain.MethodManual:
			c.TargetID, c.CapPercent = 0, 0
		case "":
			errs = append(errs, domain.FieldError{Field: FieldMethod, Msg: fmt.Sprintf("tiêu chí %s chưa chọn cách chấm", c.Code)})
		default:
			errs = append(errs, domain.FieldError{Field: FieldMethod, Msg: fmt.Sprintf("tiêu chí %s: cách chấm %q không có", c.Code, c.Method)})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	err = s.writeAssessment(ctx, year, func(tx *store.Tx) error {
		if err := tx.ReplaceCriteria(year, clean); err != nil {
			return err
		}
		scores, err := tx.SelfScores(year)
		if err != nil {
			return err
		}
		cleared = domain.NewScoreSheet(clean, scores).OutOfRange
		for _, sc := range cleared {
			if err := tx.DeleteSelfScore(year, sc.Code); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return cleared, nil
}

// ClearedScoresText tells the clerk which self-scores a new table removes
// (done: has removed) and why, or "" when none.
func ClearedScoresText(cs []domain.Criterion, cleared []domain.SelfScore, done bool) string {
	if len(cleared) == 0 {
		return ""
	}
	byCode := map[string]domain.Criterion{}
	for _, c := range cs {
		byCode[c.Code] = c
	}
	var parts []string
	for _, sc := range cleared {
		lo, hi := byCode[sc.Code].Bounds()
		parts = append(parts, fmt.Sprintf("%s: %s (khung %s đến %s)", sc.Code, FormatPoints(sc.Score), FormatPoints(lo), FormatPoints(hi)))
	}
	verb := "Sẽ xóa"
	if done {
		verb = "Đã xóa"
	}
	return fmt.Sprintf("%s %d điểm tự chấm cũ không còn nằm trong khung điểm của bảng mới, hãy chấm lại: %s.", verb, len(cleared), strings.Join(parts, "; "))
}

// SelfScores lists the year's self-scores with their evidence file names.
func (s *Service) SelfScores(ctx context.Context, year int) ([]domain.SelfScore, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.SelfScores(ctx, year)
}

// FormatPoints writes points and values the Vietnamese way: 12,5, -3, 43.500.
func FormatPoints(x float64) string {
	return docs.FormatShort(x, 2)
}

// criterion finds a criterion of the year by code.
func (s *Service) criterion(ctx context.Context, year int, code string) (domain.Criterion, bool, bool, error) {
	cs, err := s.st.Criteria(ctx, year)
	if err != nil {
		return domain.Criterion{}, false, false, err
	}
	var found domain.Criterion
	ok, group := false, false
	for _, c := range cs {
		if c.Code == code {
			found, ok = c, true
		}
		if c.ParentCode == code {
			group = true
		}
	}
	return found, ok, group, nil
}

// SaveSelfScore saves the office's score of one criterion; the score must
// lie within the criterion's bounds (penalties are negative).
func (s *Service) SaveSelfScore(ctx context.Context, sc domain.SelfScore) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	sc.Code, sc.Note = rules.Clean(sc.Code), strings.TrimSpace(sc.Note)
	c, ok, group, err := s.criterion(ctx, sc.Year, sc.Code)
	if err != nil {
		return err
	}
	switch {
	case !ok:
		return domain.FieldError{Field: FieldCriterion, Msg: fmt.Sprintf("bảng chấm điểm năm %d không có tiêu chí %s", sc.Year, sc.Code), Err: domain.ErrNotFound}
	case group:
		return domain.FieldError{Field: FieldScore, Msg: fmt.Sprintf("%s %s là nhóm tiêu chí: điểm của nhóm là tổng điểm các tiêu chí con", c.Code, c.Name)}
	}
	lo, hi := c.Bounds()
	if math.IsNaN(sc.Score) || sc.Score < lo-1e-9 || sc.Score > hi+1e-9 {
		return domain.FieldError{Field: FieldScore, Msg: fmt.Sprintf("tiêu chí %s chấm từ %s đến %s điểm; không nhận %s", c.Code, FormatPoints(lo), FormatPoints(hi), FormatPoints(sc.Score))}
	}
	return s.writeAssessment(ctx, sc.Year, func(tx *store.Tx) error {
		_, err := tx.SaveSelfScore(sc)
		return err
	})
}

// DeleteSelfScore removes the score of one criterion (its evidence stays).
func (s *Service) DeleteSelfScore(ctx context.Context, year int, code string) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.writeAssessment(ctx, year, func(tx *store.Tx) error { return tx.DeleteSelfScore(year, code) })
}

// SuggestScore is what the method of a criterion gives from the year's
// results: for a proportional criterion the office's achievement of its
// target (Target.Achieved, then Criterion.Suggest). ok is false when the
// method suggests nothing or the result is not known yet.
func (s *Service) SuggestScore(ctx context.Context, year int, code string) (score float64, ok bool, err error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return 0, false, err
	}
	c, found, _, err := s.criterion(ctx, year, code)
	if err != nil || !found || c.Method != domain.MethodProportional || c.TargetID == 0 {
		return 0, false, err
	}
	p, _, err := s.st.Profile(ctx)
	if err != nil {
		return 0, false, err
	}
	_, targets, _, err := s.targetIndex(ctx)
	if err != nil {
		return 0, false, err
	}
	vs, err := s.st.TargetValues(ctx, year, p.UnitCode)
	if err != nil {
		return 0, false, err
	}
	for _, v := range vs {
		if v.TargetID == c.TargetID && v.HasActual {
			pct, met := targets[c.TargetID].Achieved(v.Planned, v.Actual)
			score, ok = c.Suggest(pct, met)
			return score, ok, nil
		}
	}
	return 0, false, nil
}

// AttachEvidence stores a file as evidence of a criterion's score, in the
// database so a backup keeps it; a file of the same name is replaced.
func (s *Service) AttachEvidence(ctx context.Context, year int, code, name string, content []byte) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	name = rules.Clean(filepath.Base(strings.ReplaceAll(name, "\\", "/")))
	switch {
	case name == "" || name == "." || name == "/":
		return domain.FieldError{Field: FieldFile, Msg: "chưa chọn tệp"}
	case len(content) > maxEvidenceBytes:
		return domain.FieldError{Field: FieldFile, Msg: fmt.Sprintf("tệp %s lớn %d MB; mỗi tệp minh chứng tối đa %d MB", name, len(content)>>20, maxEvidenceBytes>>20)}
	}
	if _, ok, _, err := s.criterion(ctx, year, code); err != nil {
		return err
	} else if !ok {
		return domain.FieldError{Field: FieldCriterion, Msg: fmt.Sprintf("bảng chấm điểm năm %d không có tiêu chí %s", year, code), Err: domain.ErrNotFound}
	}
	return s.writeAssessment(ctx, year, func(tx *store.Tx) error { return tx.AttachEvidence(year, code, name, content) })
}

// Evidence lists the evidence file names of a criterion.
func (s *Service) Evidence(ctx context.Context, year int, code string) ([]string, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Evidence(ctx, year, code)
}

// EvidenceFile reads one evidence file.
func (s *Service) EvidenceFile(ctx context.Context, year int, code, name string) ([]byte, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.EvidenceFile(ctx, year, code, name)
}

// RemoveEvidence deletes one evidence file.
func (s *Service) RemoveEvidence(ctx context.Context, year int, code, name string) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.writeAssessment(ctx, year, func(tx *store.Tx) error { return tx.RemoveEvidence(year, code, name) })
}

// ---------------------------------------------------------------------------
// Ratings of a year, in bulk.

// RatingsForYear gives the year's ratings: staff code → rating and unit
// code → rating.
func (s *Service) RatingsForYear(ctx context.Context, year int) (people map[string]domain.Rating, units map[string]domain.Rating, err error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, nil, err
	}
	return s.st.YearRatings(ctx, year)
}

// SetRatings sets many ratings of the year in one transaction: staff code
// → rating and unit code → rating, "" deleting. Nothing is written when
// any code or rating is wrong. It returns how many rows changed.
func (s *Service) SetRatings(ctx context.Context, year int, people map[string]domain.Rating, units map[string]domain.Rating) (int, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	if err := s.checkYear(year); err != nil {
		return 0, err
	}
	type item struct {
		sub domain.Subject
		r   domain.Rating
	}
	var items []item
	var errs domain.FieldErrors
	collect := func(m map[string]domain.Rating, mk func(string) domain.Subject) {
		codes := make([]string, 0, len(m))
		for c := range m {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			r := m[c]
			if r != "" && r.Rank() == 0 {
				errs = append(errs, domain.FieldError{Field: FieldRating, Msg: fmt.Sprintf("%s: %q không phải HTXSNV, HTTNV, HTNV hoặc KHTNV", c, r)})
				continue
			}
			items = append(items, item{mk(c), r})
		}
	}
	collect(units, domain.UnitSubject)
	collect(people, domain.PersonSubject)
	if len(errs) > 0 {
		return 0, errs
	}
	oldPeople, oldUnits, err := s.st.YearRatings(ctx, year)
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		n = 0
		for _, it := range items {
			if it.r == "" {
				old := oldPeople
				if it.sub.Kind == domain.SubjectCollective {
					old = oldUnits
				}
				if _, had := old[it.sub.Code]; !had {
					continue
				}
				if err := tx.DeleteRating(it.sub, year); err != nil {
					return err
				}
				n++
				continue
			}
			ch, err := tx.SetRating(domain.RatingRecord{Subject: it.sub, Year: year, Rating: it.r})
			if err != nil {
				return err
			}
			if ch != store.Unchanged {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// ---------------------------------------------------------------------------
// Document inputs.

// unitTree orders units depth first from the office: each unit followed by
// its sub-units, departments before grassroots offices, then by code.
func unitTree(units []domain.Unit) []domain.Unit {
	kindRank := func(k domain.UnitKind) int {
		switch k {
		case domain.UnitProvince:
			return 0
		case domain.UnitDepartment:
			return 1
		}
		return 2
	}
	sorted := append([]domain.Unit(nil), units...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if a, b := kindRank(sorted[i].Kind), kindRank(sorted[j].Kind); a != b {
			return a < b
		}
		return sorted[i].Code < sorted[j].Code
	})
	codes := map[string]bool{}
	for _, u := range sorted {
		codes[u.Code] = true
	}
	children := map[string][]domain.Unit{}
	var roots []domain.Unit
	for _, u := range sorted {
		if u.ParentCode == "" || !codes[u.ParentCode] {
			roots = append(roots, u)
		} else {
			children[u.ParentCode] = append(children[u.ParentCode], u)
		}
	}
	var out []domain.Unit
	seen := map[string]bool{}
	var walk func(u domain.Unit)
	walk = func(u domain.Unit) {
		if seen[u.Code] {
			return
		}
		seen[u.Code] = true
		out = append(out, u)
		for _, c := range children[u.Code] {
			walk(c)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	for _, u := range sorted {
		walk(u)
	}
	return out
}

// awardNames are the awards registered for year, under the full names of
// whoever will confer them: the year's awards are decided in the next.
func awardNames(cat rules.Catalogue, codes []string, year int) []docs.AwardName {
	out := make([]docs.AwardName, 0, len(codes))
	for _, c := range codes {
		out = append(out, docs.AwardName{Code: c, Name: cat.ConferredBy(c, domain.AwardsDecidedFrom(year)).FullName})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, _ := cat.Award(out[i].Code)
		b, _ := cat.Award(out[j].Code)
		return a.SortOrder < b.SortOrder
	})
	return out
}

// targetLines turns values into lines in the order of the movements and
// their targets.
func targetLines(ms []domain.Movement, vs []domain.TargetValue, unit string) []docs.TargetLine {
	byTarget := map[int64]domain.TargetValue{}
	for _, v := range vs {
		if v.UnitCode == unit {
			byTarget[v.TargetID] = v
		}
	}
	var out []docs.TargetLine
	for _, m := range ms {
		for _, t := range m.Targets {
			if v, ok := byTarget[t.ID]; ok {
				out = append(out, docs.TargetLine{Target: t, Movement: m.Name, Planned: v.Planned, Actual: v.Actual, HasActual: v.HasActual})
			}
		}
	}
	return out
}

// movementsOf lists the movements running in year, regular ones first,
// then by start year and name.
func movementsOf(ms []domain.Movement, year int) []domain.Movement {
	var out []domain.Movement
	for _, m := range ms {
		if m.Covers(year) {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Kind == domain.MovementRegular) != (out[j].Kind == domain.MovementRegular) {
			return out[i].Kind == domain.MovementRegular
		}
		if out[i].FromYear != out[j].FromYear {
			return out[i].FromYear < out[j].FromYear
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// RegistrationInput gathers the office's "Bản đăng ký thi đua năm Y": the
// movements of the year; the office and then every unit that registered an
// award or committed to targets, in tree order, with its awards and
// planned targets; every registered person, grouped by unit in tree order
// and sorted the Vietnamese way within a unit.
func (s *Service) RegistrationInput(ctx context.Context, year int) (docs.RegistrationInput, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return docs.RegistrationInput{}, err
	}
	in := docs.RegistrationInput{Year: year, Date: domain.RegistrationDate(year, s.Today())}
	p, ok, err := s.st.Profile(ctx)
	if err != nil {
		return in, err
	}
	if !ok {
		return in, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	in.Profile = p
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return in, err
	}
	ms, err := s.st.Movements(ctx)
	if err != nil {
		return in, err
	}
	in.Movements = movementsOf(ms, year)
	regs, err := s.st.Registrations(ctx, year)
	if err != nil {
		return in, err
	}
	values, err := s.st.TargetValues(ctx, year, "")
	if err != nil {
		return in, err
	}
	units, err := s.st.Units(ctx)
	if err != nil {
		return in, err
	}
	tree := unitTree(units)
	unitRegs := map[string]domain.Registration{}
	personRegs := map[string]domain.Registration{}
	for _, r := range regs {
		if r.Subject.Kind == domain.SubjectCollective {
			unitRegs[r.Subject.Code] = r
		} else {
			personRegs[r.Subject.Code] = r
		}
	}
	on := s.memberDate(year)
	for _, u := range tree {
		r, registered := unitRegs[u.Code]
		lines := targetLines(in.Movements, values, u.Code)
		if u.Code != p.UnitCode && !registered && len(lines) == 0 {
			continue
		}
		if u.Code != p.UnitCode && !u.ActiveOn(on) && !registered {
			continue
		}
		in.Collectives = append(in.Collectives, docs.CollectiveEntry{Unit: u, Awards: awardNames(cat, r.Awards, year), Targets: lines, Note: r.Note})
	}
	// The office first even if the tree had it elsewhere (damaged data).
	sort.SliceStable(in.Collectives, func(i, j int) bool {
		return in.Collectives[i].Unit.Code == p.UnitCode && in.Collectives[j].Unit.Code != p.UnitCode
	})

	if len(personRegs) > 0 {
		people, err := s.st.People(ctx)
		if err != nil {
			return in, err
		}
		members, err := s.st.AssignedOn(ctx, on)
		if err != nil {
			return in, err
		}
		byUnit := map[string][]domain.Person{}
		for _, person := range people {
			if _, ok := personRegs[person.StaffCode]; !ok {
				continue
			}
			u := members[person.StaffCode]
			if u == "" {
				u = person.UnitCode
			}
			byUnit[u] = append(byUnit[u], person)
		}
		name := map[string]string{}
		for _, u := range units {
			name[u.Code] = u.Name
		}
		order := make([]string, 0, len(tree)+1)
		for _, u := range tree {
			order = append(order, u.Code)
		}
		if _, ok := name[""]; !ok && len(byUnit[""]) > 0 {
			order = append(order, "")
		}
		for _, code := range order {
			ps := byUnit[code]
			domain.SortPeople(ps)
			for _, person := range ps {
				r := personRegs[person.StaffCode]
				in.Individuals = append(in.Individuals, docs.IndividualEntry{Person: person, UnitName: name[code], Awards: awardNames(cat, r.Awards, year), Note: r.Note})
			}
		}
	}
	return in, nil
}

// AssessmentInput gathers the "Báo cáo tự đánh giá, chấm điểm thi đua năm
// Y": the cluster, the scoring table in tree order with the self-scores
// (a group scores the sum of its leaves), the maximum (the sum of the
// leaves' maxima, penalties excluded) and the total, the office's targets,
// and how many people and collectives got each rating.
func (s *Service) AssessmentInput(ctx context.Context, year int) (docs.AssessmentInput, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return docs.AssessmentInput{}, err
	}
	in := docs.AssessmentInput{Year: year, Date: s.Today()}
	p, ok, err := s.st.Profile(ctx)
	if err != nil {
		return in, err
	}
	if !ok {
		return in, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	in.Profile = p
	if in.Cluster, _, err = s.st.Cluster(ctx, year); err != nil {
		return in, err
	}
	cs, err := s.st.Criteria(ctx, year)
	if err != nil {
		return in, err
	}
	scores, err := s.st.SelfScores(ctx, year)
	if err != nil {
		return in, err
	}
	in.Sheet = domain.NewScoreSheet(cs, scores)

	ms, err := s.st.Movements(ctx)
	if err != nil {
		return in, err
	}
	values, err := s.st.TargetValues(ctx, year, p.UnitCode)
	if err != nil {
		return in, err
	}
	in.Targets = targetLines(movementsOf(ms, year), values, p.UnitCode)

	people, units, err := s.st.YearRatings(ctx, year)
	if err != nil {
		return in, err
	}
	for _, r := range domain.Ratings {
		rc := docs.RatingCount{Rating: r}
		for _, x := range people {
			if x == r {
				rc.People++
			}
		}
		for _, x := range units {
			if x == r {
				rc.Units++
			}
		}
		in.Ratings = append(in.Ratings, rc)
	}
	members, err := s.st.AssignedOn(ctx, domain.YearEnd(year))
	if err != nil {
		return in, err
	}
	for code := range members {
		if _, ok := people[code]; !ok {
			in.Unrated++
		}
	}
	return in, nil
}

// MovementReviewInput gathers a movement's targets over its years, for an
// interim or final review (sơ kết, tổng kết), for the office.
func (s *Service) MovementReviewInput(ctx context.Context, movementID int64) (docs.MovementReviewInput, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return docs.MovementReviewInput{}, err
	}
	in := docs.MovementReviewInput{Date: s.Today(), Values: map[int64]map[int]domain.TargetValue{}}
	p, ok, err := s.st.Profile(ctx)
	if err != nil {
		return in, err
	}
	if !ok {
		return in, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	in.Profile, in.UnitCode = p, p.UnitCode
	m, ok, err := s.st.Movement(ctx, movementID)
	if err != nil {
		return in, err
	}
	if !ok {
		return in, fmt.Errorf("phong trào %d: %w", movementID, domain.ErrNotFound)
	}
	in.Movement = m
	last := s.now().Year()
	if m.ToYear != 0 && m.ToYear < last {
		last = m.ToYear
	}
	for y := m.FromYear; y <= last; y++ {
		in.Years = append(in.Years, y)
	}
	vs, err := s.st.TargetValues(ctx, 0, p.UnitCode)
	if err != nil {
		return in, err
	}
	ids := map[int64]bool{}
	for _, t := range m.Targets {
		ids[t.ID] = true
	}
	for _, v := range vs {
		if !ids[v.TargetID] || v.Year < m.FromYear || v.Year > last {
			continue
		}
		if in.Values[v.TargetID] == nil {
			in.Values[v.TargetID] = map[int]domain.TargetValue{}
		}
		in.Values[v.TargetID][v.Year] = v
	}
	return in, nil
}

// ---------------------------------------------------------------------------
// Exports.

// ErrFormat is returned for an export format other than "pdf" or "xlsx".
var ErrFormat = errors.New("định dạng tệp không hỗ trợ; chọn .pdf hoặc .xlsx")

// ExportFormat gives the format of an output file from its extension:
// "pdf" or "xlsx", else ErrFormat.
func ExportFormat(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf":
		return "pdf", nil
	case ".xlsx":
		return "xlsx", nil
	}
	return "", fmt.Errorf("%s: %w", filepath.Base(path), ErrFormat)
}

func writeDocument(format string, doc func() docs.Document, sheet func(io.Writer) error, w io.Writer) error {
	switch format {
	case "pdf":
		return pdf.Render(doc(), w)
	case "xlsx":
		return sheet(w)
	}
	return fmt.Errorf("%q: %w", format, ErrFormat)
}

// ExportRegistration writes the year's registration as "pdf" or "xlsx".
func (s *Service) ExportRegistration(ctx context.Context, year int, format string, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	in, err := s.RegistrationInput(ctx, year)
	if err != nil {
		return err
	}
	return writeDocument(format, func() docs.Document { return docs.Registration(in) },
		func(w io.Writer) error { return xlsx.WriteRegistration(in, w) }, w)
}

// ExportAssessment writes the year's self-assessment as "pdf" or "xlsx".
func (s *Service) ExportAssessment(ctx context.Context, year int, format string, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	in, err := s.AssessmentInput(ctx, year)
	if err != nil {
		return err
	}
	return writeDocument(format, func() docs.Document { return docs.Assessment(in) },
		func(w io.Writer) error { return xlsx.WriteAssessment(in, w) }, w)
}

// ExportMovementReview writes a movement's review as "pdf" or "xlsx".
func (s *Service) ExportMovementReview(ctx context.Context, movementID int64, format string, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	in, err := s.MovementReviewInput(ctx, movementID)
	if err != nil {
		return err
	}
	return writeDocument(format, func() docs.Document { return docs.MovementReview(in) },
		func(w io.Writer) error { return xlsx.WriteMovementReview(in, w) }, w)
}
