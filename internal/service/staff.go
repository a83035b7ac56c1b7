package service

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

// Units lists every unit, the office first.
func (s *Service) Units(ctx context.Context) ([]domain.Unit, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Units(ctx)
}

// SaveUnit cleans, validates and saves a unit (insert or update by code).
func (s *Service) SaveUnit(ctx context.Context, u domain.Unit) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	// The raw text is checked before Clean, which would drop control
	// characters silently.
	errs := unitTextProblems(u)
	u = CleanUnit(u)
	if u.Code == "" {
		errs = append(errs, domain.FieldError{Field: "Mã đơn vị", Msg: "chưa nhập; mỗi đơn vị cần một mã riêng"})
	}
	if u.Name == "" {
		errs = append(errs, domain.FieldError{Field: "Tên đơn vị", Msg: "chưa nhập"})
	}
	if u.Kind == "" {
		u.Kind = domain.UnitDepartment
	}
	if u.Kind != domain.UnitProvince && u.ParentCode == "" {
		errs = append(errs, domain.FieldError{Field: "Đơn vị cấp trên", Msg: "chưa chọn; phòng và BHXH cơ sở phải thuộc một đơn vị"})
	}
	if !u.ValidTo.IsZero() && u.ValidTo.Before(u.ValidFrom) {
		errs = append(errs, domain.FieldError{Field: "Hiệu lực đến", Msg: "sớm hơn ngày bắt đầu hiệu lực"})
	}
	if len(errs) > 0 {
		return errs
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveUnit(u)
		return err
	})
}

// CleanUnit normalises every text field of a unit as it enters.
func CleanUnit(u domain.Unit) domain.Unit {
	c := rules.Clean
	u.Code, u.Name, u.ParentCode = c(u.Code), c(u.Name), c(u.ParentCode)
	u.Address, u.PartyOrg, u.UnionOrg, u.YouthOrg = c(u.Address), c(u.PartyOrg), c(u.UnionOrg), c(u.YouthOrg)
	return u
}

// unitTextProblems checks the text of a unit as typed: lengths, hidden
// characters, a name that starts like a formula.
func unitTextProblems(u domain.Unit) domain.FieldErrors {
	errs := rules.CheckFields(
		rules.TextField{Field: "Mã đơn vị", Value: u.Code, Max: rules.MaxCode},
		rules.TextField{Field: "Tên đơn vị", Value: u.Name, Max: rules.MaxName, Name: true},
		rules.TextField{Field: "Đơn vị cấp trên", Value: u.ParentCode, Max: rules.MaxCode},
	)
	return append(errs, rules.UnitRecordProblems(u)...)
}

// profileTextProblems checks the text of the office profile as typed; the
// office's name and its signers' names and positions head every document.
func profileTextProblems(p domain.OfficeProfile) domain.FieldErrors {
	fields := []rules.TextField{
		{Field: "Mã đơn vị", Value: p.UnitCode, Max: rules.MaxCode},
		{Field: "Tên đơn vị", Value: p.UnitName, Max: rules.MaxName, Name: true},
		{Field: "Cơ quan cấp trên", Value: p.ParentName, Max: rules.MaxName, Name: true},
		{Field: "Địa danh", Value: p.Place, Max: rules.MaxName},
		{Field: "Ký hiệu trên số văn bản", Value: p.DocNumberCode, Max: rules.MaxCode},
		// The form shows a signer's name and position on one line.
		{Field: "Giám đốc", Value: p.Director.Name, Max: rules.MaxName, Name: true},
		{Field: "Giám đốc", Value: p.Director.Position, Max: rules.MaxPosition},
	}
	for i, d := range p.Deputies {
		field := fmt.Sprintf("Phó Giám đốc %d", i+1)
		fields = append(fields,
			rules.TextField{Field: field, Value: d.Name, Max: rules.MaxName, Name: true},
			rules.TextField{Field: field, Value: d.Position, Max: rules.MaxPosition})
	}
	return rules.CheckFields(fields...)
}

// DeleteUnit removes an empty unit.
func (s *Service) DeleteUnit(ctx context.Context, code string) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteUnit(code) })
}

// SubUnits returns code and every unit below it, for filters by unit.
func SubUnits(units []domain.Unit, code string) map[string]bool {
	out := map[string]bool{code: true}
	for changed := true; changed; {
		changed = false
		for _, u := range units {
			if out[u.ParentCode] && !out[u.Code] {
				out[u.Code] = true
				changed = true
			}
		}
	}
	return out
}

// People lists everyone, sorted the Vietnamese way.
func (s *Service) People(ctx context.Context) ([]domain.Person, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	ps, err := s.st.People(ctx)
	if err != nil {
		return nil, err
	}
	domain.SortPeople(ps)
	return ps, nil
}

// DeletedPeople lists deleted people, sorted, for undo.
func (s *Service) DeletedPeople(ctx context.Context) ([]domain.Person, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	ps, err := s.st.DeletedPeople(ctx)
	if err != nil {
		return nil, err
	}
	domain.SortPeople(ps)
	return ps, nil
}

// CleanPerson normalises every text field of a person as it enters.
func CleanPerson(p domain.Person) domain.Person {
	c := rules.Clean
	p.StaffCode, p.FullName, p.CCCD = c(p.StaffCode), c(p.FullName), strings.ReplaceAll(c(p.CCCD), " ", "")
	p.Position, p.Ethnicity, p.UnitCode, p.Note = c(p.Position), c(p.Ethnicity), c(p.UnitCode), c(p.Note)
	p.HomeTown, p.Residence, p.Religion, p.Education = c(p.HomeTown), c(p.Residence), c(p.Religion), c(p.Education)
	p.PoliticalTheory, p.AcademicRank, p.PartyPost, p.UnionPost = c(p.PoliticalTheory), c(p.AcademicRank), c(p.PartyPost), c(p.UnionPost)
	return p
}

// SavePerson creates (ID 0) or updates a person after validation. Every
// problem comes back as domain.FieldErrors naming the field; nothing is
// saved then. A unit change is recorded as a transfer on moved (zero: today).
func (s *Service) SavePerson(ctx context.Context, p domain.Person, moved domain.Date) (domain.Person, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return domain.Person{}, err
	}
	// The raw text first: Clean drops control characters silently, and a
	// name that carried one is asked for again rather than guessed.
	errs := rules.PersonTextProblems(p)
	p = CleanPerson(p)
	for _, e := range rules.ValidatePerson(p, s.Today()) {
		if errs.For(e.Field) == "" {
			errs = append(errs, e)
		}
	}
	if p.UnitCode != "" && errs.For(rules.FieldUnit) == "" {
		if _, ok, err := s.st.Unit(ctx, p.UnitCode); err != nil {
			return p, err
		} else if !ok {
			errs = append(errs, domain.FieldError{Field: rules.FieldUnit, Msg: fmt.Sprintf("không có đơn vị mã %s", p.UnitCode)})
		}
	}
	if len(errs) > 0 {
		return p, errs
	}
	err := s.st.Write(ctx, func(tx *store.Tx) error {
		if p.ID == 0 {
			id, err := tx.CreatePerson(p)
			p.ID = id
			return err
		}
		_, err := tx.UpdatePerson(p, moved)
		return err
	})
	if err != nil {
		if fe := domain.AsFieldErrors(err); fe != nil {
			return p, fe
		}
		return p, err
	}
	return p, nil
}

// DeletePerson moves a person to the deleted list (undo with RestorePerson).
func (s *Service) DeletePerson(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeletePerson(id) })
}

// RestorePerson undoes DeletePerson.
func (s *Service) RestorePerson(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.RestorePerson(id) })
}

// Assignments is a person's unit history.
func (s *Service) Assignments(ctx context.Context, personID int64) ([]domain.Assignment, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Assignments(ctx, personID)
}

// Ratings is a subject's rating history, latest first.
func (s *Service) Ratings(ctx context.Context, sub domain.Subject) ([]domain.RatingRecord, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Ratings(ctx, sub)
}

// SetRating records a rating after checking the year.
func (s *Service) SetRating(ctx context.Context, r domain.RatingRecord) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	if err := s.checkYear(r.Year); err != nil {
		return err
	}
	if r.Rating.Rank() == 0 {
		return domain.FieldError{Field: "Xếp loại", Msg: "chọn một trong HTXSNV, HTTNV, HTNV, KHTNV"}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.SetRating(r)
		return err
	})
}

// DeleteRating removes a rating.
func (s *Service) DeleteRating(ctx context.Context, sub domain.Subject, year int) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteRating(sub, year) })
}

func (s *Service) checkYear(y int) error {
	if y < 1975 || y > s.now().Year()+1 {
		return domain.FieldError{Field: "Năm", Msg: fmt.Sprintf("năm %d không hợp lệ; nhập năm từ 1975 đến %d", y, s.now().Year()+1)}
	}
	return nil
}

// Awards is a subject's award history, latest first.
func (s *Service) Awards(ctx context.Context, sub domain.Subject) ([]domain.AwardRecord, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Awards(ctx, sub)
}

// SaveAward validates and records an award in the history.
func (s *Service) SaveAward(ctx context.Context, a domain.AwardRecord) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	a.DecisionNo, a.Issuer = rules.Clean(a.DecisionNo), rules.Clean(a.Issuer)
	for i, t := range a.Initiatives {
		a.Initiatives[i] = rules.Clean(t)
	}
	if err := s.checkYear(a.Year); err != nil {
		return err
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return err
	}
	at, ok := cat.Award(a.AwardCode)
	switch {
	case !ok:
		return domain.FieldError{Field: "Danh hiệu/Hình thức", Msg: "chưa chọn hoặc không có trong danh mục"}
	case !at.AppliesTo(a.Subject.Kind):
		return domain.FieldError{Field: "Danh hiệu/Hình thức", Msg: fmt.Sprintf("%s không dùng cho %s", at.Name, subjectWord(a.Subject.Kind))}
	case !a.DecisionDate.IsZero() && a.DecisionDate.Year < a.Year:
		return domain.FieldError{Field: "Ngày quyết định", Msg: fmt.Sprintf("sớm hơn năm thành tích %d; kiểm tra lại", a.Year)}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, _, err := tx.SaveAward(a)
		return err
	})
}

func subjectWord(k domain.SubjectKind) string {
	if k == domain.SubjectCollective {
		return "tập thể"
	}
	return "cá nhân"
}

// DeleteAward removes an award record.
func (s *Service) DeleteAward(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteAward(id) })
}

// Initiatives lists a person's initiatives.
func (s *Service) Initiatives(ctx context.Context, staffCode string) ([]domain.Initiative, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.InitiativesOf(ctx, staffCode)
}

// SaveInitiative validates and records an initiative.
func (s *Service) SaveInitiative(ctx context.Context, in domain.Initiative) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	in.Title, in.DecisionNo, in.Issuer = rules.Clean(in.Title), rules.Clean(in.DecisionNo), rules.Clean(in.Issuer)
	if in.Title == "" {
		return domain.FieldError{Field: "Tên sáng kiến", Msg: "chưa nhập"}
	}
	if err := s.checkYear(in.Year); err != nil {
		return err
	}
	if in.Scope.Level() == 0 {
		return domain.FieldError{Field: "Phạm vi ảnh hưởng", Msg: "chọn Cơ sở, Bộ, ngành hoặc Toàn quốc"}
	}
	if len(in.Authors) == 0 {
		return domain.FieldError{Field: "Tác giả", Msg: "cần ít nhất một tác giả"}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, _, err := tx.SaveInitiative(in)
		return err
	})
}

// DeleteInitiative removes an initiative.
func (s *Service) DeleteInitiative(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteInitiative(id) })
}

// Disciplines lists a person's disciplines.
func (s *Service) Disciplines(ctx context.Context, staffCode string) ([]domain.Discipline, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.DisciplinesOf(ctx, staffCode)
}

// SaveDiscipline validates and records a discipline.
func (s *Service) SaveDiscipline(ctx context.Context, d domain.Discipline) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	d.DecisionNo = rules.Clean(d.DecisionNo)
	switch {
	case d.Form.Severity() == 0:
		return domain.FieldError{Field: "Hình thức kỷ luật", Msg: "chưa chọn"}
	case d.From.IsZero():
		return domain.FieldError{Field: "Ngày hiệu lực", Msg: "chưa nhập; nhập dạng ngày/tháng/năm"}
	case !d.To.IsZero() && d.To.Before(d.From):
		return domain.FieldError{Field: "Ngày kết thúc", Msg: "sớm hơn ngày hiệu lực"}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, _, err := tx.SaveDiscipline(d)
		return err
	})
}

// DeleteDiscipline removes a discipline record.
func (s *Service) DeleteDiscipline(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteDiscipline(id) })
}

// Overview is what the Tổng quan page shows.
type Overview struct {
	Profile    domain.OfficeProfile
	Units      []domain.Unit
	Headcount  map[string]int // current people per unit code
	People     int
	Today      domain.Date
	Years      []int                  // the two last completed years, older first
	AwardCount map[int]map[string]int // awards recorded per year, per catalogue code
	Catalogue  rules.Catalogue
}

// Overview gathers the counts of the Tổng quan page.
func (s *Service) Overview(ctx context.Context) (Overview, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return Overview{}, err
	}
	var o Overview
	var err error
	if o.Profile, _, err = s.st.Profile(ctx); err != nil {
		return o, err
	}
	if o.Units, err = s.st.Units(ctx); err != nil {
		return o, err
	}
	if o.Headcount, err = s.st.Headcounts(ctx); err != nil {
		return o, err
	}
	for _, n := range o.Headcount {
		o.People += n
	}
	// Titles of the last year are often decided only in its January, so the
	// year before is shown beside it.
	o.Today = s.Today()
	last := s.LastCompletedYear()
	o.Years = []int{last - 1, last}
	o.AwardCount = map[int]map[string]int{}
	for _, y := range o.Years {
		if o.AwardCount[y], err = s.st.AwardCounts(ctx, y); err != nil {
			return o, err
		}
	}
	o.Catalogue, err = s.st.Catalogue(ctx)
	return o, err
}

// Params lists the catalogue parameters with their row ids.
func (s *Service) Params(ctx context.Context) ([]store.ParamRow, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Params(ctx)
}

// SaveParam validates and saves a parameter row (id 0: new row).
func (s *Service) SaveParam(ctx context.Context, id int64, p rules.Param) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	p.Key, p.Regime, p.Value, p.Description = rules.Clean(p.Key), rules.Clean(p.Regime), rules.Clean(p.Value), rules.Clean(p.Description)
	switch {
	case p.Key == "":
		return domain.FieldError{Field: "Tham số", Msg: "chưa nhập tên tham số"}
	case p.Value == "":
		return domain.FieldError{Field: "Giá trị", Msg: "chưa nhập"}
	case !p.ValidTo.IsZero() && p.ValidTo.Before(p.ValidFrom):
		return domain.FieldError{Field: "Hiệu lực đến", Msg: "sớm hơn ngày bắt đầu hiệu lực"}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveParam(id, p)
		return err
	})
}

// DeleteParam removes a parameter row.
func (s *Service) DeleteParam(ctx context.Context, id int64) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteParam(id) })
}

// SaveAwardType validates and saves an award type of the catalogue.
func (s *Service) SaveAwardType(ctx context.Context, a rules.AwardType) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	a.Code, a.Name, a.Level, a.Form = rules.Clean(a.Code), rules.Clean(a.Name), rules.Clean(a.Level), rules.Clean(a.Form)
	switch {
	case a.Template != "" && a.Template != domain.TemplateNone && !slices.Contains(domain.ReportTemplates, a.Template):
		return domain.FieldError{Field: "Mẫu báo cáo thành tích", Msg: fmt.Sprintf("%q không phải mẫu báo cáo thành tích; chọn một mẫu trong danh sách", a.Template)}
	case a.Code == "":
		return domain.FieldError{Field: "Mã", Msg: "chưa nhập"}
	case a.Name == "":
		return domain.FieldError{Field: "Tên", Msg: "chưa nhập"}
	case a.For != rules.ForPerson && a.For != rules.ForCollective && a.For != rules.ForBoth:
		return domain.FieldError{Field: "Đối tượng", Msg: "chọn Cá nhân, Tập thể hoặc Cả hai"}
	case !a.ValidTo.IsZero() && a.ValidTo.Before(a.ValidFrom):
		return domain.FieldError{Field: "Hiệu lực đến", Msg: "sớm hơn ngày bắt đầu hiệu lực"}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.SaveAwardType(a) })
}
