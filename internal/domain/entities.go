package domain

import "strings"

// UnitKind says what a unit is in the provincial office's tree.
type UnitKind string

const (
	UnitProvince   UnitKind = "TINH"  // Bảo hiểm xã hội tỉnh: the office itself
	UnitDepartment UnitKind = "PHONG" // Phòng nghiệp vụ: a department of the office
	UnitGrassroots UnitKind = "CO_SO" // BHXH cơ sở: a grassroots office (formerly district)
)

// UnitKinds lists the kinds in display order.
var UnitKinds = []UnitKind{UnitProvince, UnitDepartment, UnitGrassroots}

// Label is the Vietnamese name used in forms and templates.
func (k UnitKind) Label() string {
	switch k {
	case UnitProvince:
		return "Tỉnh"
	case UnitDepartment:
		return "Phòng"
	case UnitGrassroots:
		return "BHXH cơ sở"
	}
	return string(k)
}

// Unit is a collective: the office, a department or a grassroots office.
// Units form a tree through ParentCode and are valid for a period, because
// offices were merged and renamed in 2025.
type Unit struct {
	Code       string
	Name       string
	ParentCode string // empty for the root
	Kind       UnitKind
	ValidFrom  Date
	ValidTo    Date // zero: still valid
	// What a collective's achievement report (section I.1) says of it;
	// each may be empty.
	Address  string // địa chỉ trụ sở
	PartyOrg string // tổ chức Đảng: "Chi bộ Văn phòng"
	UnionOrg string // tổ chức Công đoàn: "Công đoàn bộ phận Văn phòng"
	YouthOrg string // tổ chức Đoàn Thanh niên: "Chi đoàn Văn phòng"
}

// ActiveOn reports whether the unit exists on day d.
func (u Unit) ActiveOn(d Date) bool { return d.InRange(u.ValidFrom, u.ValidTo) }

// UnitCodeChange records that OldCode became NewCode on a date (merger or
// renaming), so history recorded under the old code still belongs somewhere.
type UnitCodeChange struct {
	OldCode   string
	NewCode   string
	Effective Date
	Note      string // e.g. "QĐ 2286/QĐ-BTC ngày 30/6/2025"
}

// Gender as recorded in HR files.
type Gender string

const (
	Male   Gender = "NAM"
	Female Gender = "NU"
)

// Label is the Vietnamese word.
func (g Gender) Label() string {
	switch g {
	case Male:
		return "Nam"
	case Female:
		return "Nữ"
	}
	return ""
}

// Person is a member of staff (cán bộ, công chức, viên chức, người lao động).
type Person struct {
	ID          int64
	StaffCode   string // Mã cán bộ: the natural key
	FullName    string
	BirthDate   Date
	Gender      Gender
	CCCD        string // số căn cước công dân, 12 digits, may be empty
	Position    string // Chức vụ
	Ethnicity   string // Dân tộc
	RecruitedOn Date   // Ngày tuyển dụng
	UnitCode    string // current unit (the open assignment)
	Note        string
	// The personal record an achievement report's section I (sơ lược lý
	// lịch) asks for; each may be empty.
	HomeTown        string // Quê quán
	Residence       string // Trú quán: nơi ở hiện nay
	Religion        string // Tôn giáo ("Không" when none)
	Education       string // Trình độ chuyên môn, nghiệp vụ: "Cử nhân Kinh tế"
	PoliticalTheory string // Trình độ lý luận chính trị: "Trung cấp", "Cao cấp"
	AcademicRank    string // Học hàm, học vị: "Thạc sĩ Quản lý kinh tế"
	PartyPost       string // Chức vụ Đảng: "Bí thư Chi bộ"
	UnionPost       string // Chức vụ đoàn thể: "Chủ tịch Công đoàn cơ sở"
}

// NameParts splits a Vietnamese full name into family, middle and given names.
// "Nguyễn Thị Minh Khai" gives ("Nguyễn", "Thị Minh", "Khai").
func NameParts(full string) (family, middle, given string) {
	f := strings.Fields(full)
	switch len(f) {
	case 0:
		return "", "", ""
	case 1:
		return "", "", f[0]
	}
	return f[0], strings.Join(f[1:len(f)-1], " "), f[len(f)-1]
}

// Assignment places a person in a unit for a period (unit history).
type Assignment struct {
	PersonID int64
	UnitCode string
	From     Date
	To       Date // zero: current
	Position string
}

// Rating is an annual evaluation (xếp loại) of a person or a collective.
type Rating string

const (
	HTXSNV Rating = "HTXSNV" // Hoàn thành xuất sắc nhiệm vụ
	HTTNV  Rating = "HTTNV"  // Hoàn thành tốt nhiệm vụ
	HTNV   Rating = "HTNV"   // Hoàn thành nhiệm vụ
	KHTNV  Rating = "KHTNV"  // Không hoàn thành nhiệm vụ
)

// Ratings lists the ratings best first.
var Ratings = []Rating{HTXSNV, HTTNV, HTNV, KHTNV}

// Rank is 4 for HTXSNV down to 1 for KHTNV, 0 for none, so ratings compare with >=.
func (r Rating) Rank() int {
	switch r {
	case HTXSNV:
		return 4
	case HTTNV:
		return 3
	case HTNV:
		return 2
	case KHTNV:
		return 1
	}
	return 0
}

// Label is the full Vietnamese wording.
func (r Rating) Label() string {
	switch r {
	case HTXSNV:
		return "Hoàn thành xuất sắc nhiệm vụ"
	case HTTNV:
		return "Hoàn thành tốt nhiệm vụ"
	case HTNV:
		return "Hoàn thành nhiệm vụ"
	case KHTNV:
		return "Không hoàn thành nhiệm vụ"
	}
	return ""
}

// SubjectKind distinguishes people from collectives wherever both may appear.
type SubjectKind string

const (
	SubjectPerson     SubjectKind = "person"
	SubjectCollective SubjectKind = "collective"
)

// Subject names who a rating or an award belongs to: a person by staff code
// or a collective by unit code.
type Subject struct {
	Kind SubjectKind
	Code string
}

// PersonSubject and UnitSubject are shorthands.
func PersonSubject(staffCode string) Subject { return Subject{SubjectPerson, staffCode} }
func UnitSubject(unitCode string) Subject    { return Subject{SubjectCollective, unitCode} }

// RatingRecord is one subject's rating for one year.
type RatingRecord struct {
	Subject Subject
	Year    int
	Rating  Rating
}

// AwardKind is the type of commendation (Law Art 8). Only công trạng awards
// count in chains of regular awards.
type AwardKind string

const (
	KindMerit      AwardKind = "CONG_TRANG" // Công trạng
	KindOneOff     AwardKind = "DOT_XUAT"   // Đột xuất
	KindThematic   AwardKind = "CHUYEN_DE"  // Chuyên đề / theo đợt
	KindDedication AwardKind = "CONG_HIEN"  // Quá trình cống hiến
)

// AwardKinds in display order.
var AwardKinds = []AwardKind{KindMerit, KindOneOff, KindThematic, KindDedication}

// Label is the Vietnamese word.
func (k AwardKind) Label() string {
	switch k {
	case KindMerit:
		return "Công trạng"
	case KindOneOff:
		return "Đột xuất"
	case KindThematic:
		return "Chuyên đề"
	case KindDedication:
		return "Cống hiến"
	}
	return string(k)
}

// ReportTemplate is the achievement report form (báo cáo thành tích) an
// award is reported on. NĐ 152/2025's appendix has one per kind of award;
// the catalogue names each award's form for a year-end round, and a round
// of another kind reports on the form of its kind.
type ReportTemplate string

const (
	TemplateNone       ReportTemplate = "KHONG"          // recognised on the list, without a report (Lao động tiên tiến)
	TemplateMerit      ReportTemplate = "CONG_TRANG"     // công trạng: tập thể, cá nhân
	TemplateGovFlag    ReportTemplate = "CO_THI_DUA_CP"  // Cờ thi đua của Chính phủ
	TemplateNationalSE ReportTemplate = "CSTD_TOAN_QUOC" // Chiến sĩ thi đua toàn quốc
	TemplateOneOff     ReportTemplate = "DOT_XUAT"       // thành tích đột xuất
	TemplateThematic   ReportTemplate = "CHUYEN_DE"      // thành tích theo chuyên đề, theo đợt
	TemplateDedication ReportTemplate = "CONG_HIEN"      // quá trình cống hiến
)

// An award whose form is not named ("") is reported on the công trạng form.

// ReportTemplates lists the forms the documents know, in display order.
var ReportTemplates = []ReportTemplate{TemplateMerit, TemplateGovFlag, TemplateNationalSE, TemplateOneOff, TemplateThematic, TemplateDedication}

// Label is the form's name as the decree's appendix calls it.
func (t ReportTemplate) Label() string {
	switch t {
	case TemplateNone:
		return "Không lập báo cáo thành tích"
	case TemplateMerit:
		return "Báo cáo thành tích khen thưởng công trạng"
	case TemplateGovFlag:
		return "Báo cáo thành tích đề nghị tặng Cờ thi đua của Chính phủ"
	case TemplateNationalSE:
		return "Báo cáo thành tích đề nghị tặng danh hiệu Chiến sĩ thi đua toàn quốc"
	case TemplateOneOff:
		return "Báo cáo thành tích khen thưởng đột xuất"
	case TemplateThematic:
		return "Báo cáo thành tích khen thưởng theo chuyên đề"
	case TemplateDedication:
		return "Báo cáo thành tích khen thưởng quá trình cống hiến"
	}
	return string(t)
}

// ForRound is the form a nominee of a round of kind k is reported on: a
// round's own kind decides for đột xuất and chuyên đề rounds, the award's
// form for a year-end round.
func (t ReportTemplate) ForRound(k RoundKind) ReportTemplate {
	if t == TemplateNone {
		return t
	}
	switch k {
	case RoundOneOff:
		return TemplateOneOff
	case RoundThematic:
		return TemplateThematic
	}
	return t
}

// AwardRecord is a title or form already conferred (the history).
type AwardRecord struct {
	ID           int64
	Subject      Subject
	Year         int
	AwardCode    string // catalogue code, e.g. CSTDCS
	DecisionNo   string
	DecisionDate Date
	Issuer       string
	Kind         AwardKind
	Initiatives  []string // titles of the initiatives this award rested on
}

// RegistrationDate is the date a registration of year printed on today
// bears. Registrations are made by January of their year: printed later, it
// keeps its year and leaves day and month blank, for the văn thư to copy
// from the registered original, never the day of printing.
func RegistrationDate(year int, today Date) Date {
	if today.After(NewDate(year, 1, 31)) {
		return Date{Year: year}
	}
	return today
}

// AwardsDecidedFrom is the first day on which the awards of a year are
// decided: a year's titles and awards are conferred in the year after.
func AwardsDecidedFrom(year int) Date { return NewDate(year+1, 1, 1) }

// DecidedOn is the day the award was decided: its decision's date, or,
// without one, the first day its year's awards could be.
func (a AwardRecord) DecidedOn() Date {
	if a.DecisionDate.IsZero() {
		return AwardsDecidedFrom(a.Year)
	}
	return a.DecisionDate
}

// InitiativeScope is the reach of an initiative's recognised effect.
type InitiativeScope string

const (
	ScopeGrassroots InitiativeScope = "CO_SO"     // Cơ sở
	ScopeMinistry   InitiativeScope = "BO_NGANH"  // Bộ, ngành
	ScopeNational   InitiativeScope = "TOAN_QUOC" // Toàn quốc
)

// Scopes narrowest first.
var Scopes = []InitiativeScope{ScopeGrassroots, ScopeMinistry, ScopeNational}

// Level orders scopes: 1 grassroots, 2 ministry, 3 national.
func (s InitiativeScope) Level() int {
	switch s {
	case ScopeGrassroots:
		return 1
	case ScopeMinistry:
		return 2
	case ScopeNational:
		return 3
	}
	return 0
}

// Label is the Vietnamese wording.
func (s InitiativeScope) Label() string {
	switch s {
	case ScopeGrassroots:
		return "Cơ sở"
	case ScopeMinistry:
		return "Bộ, ngành"
	case ScopeNational:
		return "Toàn quốc"
	}
	return string(s)
}

// Initiative is a recognised initiative (sáng kiến) or research topic.
type Initiative struct {
	ID           int64
	Title        string
	Year         int // Năm công nhận
	Scope        InitiativeScope
	DecisionNo   string
	DecisionDate Date
	Issuer       string
	Authors      []string // staff codes
}

// DisciplineForm is the disciplinary measure, mildest first.
type DisciplineForm string

const (
	Reprimand  DisciplineForm = "KHIEN_TRACH"    // Khiển trách
	Warning    DisciplineForm = "CANH_CAO"       // Cảnh cáo
	SalaryDown DisciplineForm = "HA_BAC_LUONG"   // Hạ bậc lương
	Demotion   DisciplineForm = "GIANG_CHUC"     // Giáng chức
	Dismissal  DisciplineForm = "CACH_CHUC"      // Cách chức
	Discharge  DisciplineForm = "BUOC_THOI_VIEC" // Buộc thôi việc
)

// DisciplineForms mildest first.
var DisciplineForms = []DisciplineForm{Reprimand, Warning, SalaryDown, Demotion, Dismissal, Discharge}

// Severity is 1 for khiển trách up to 6 for buộc thôi việc.
func (f DisciplineForm) Severity() int {
	for i, g := range DisciplineForms {
		if g == f {
			return i + 1
		}
	}
	return 0
}

// Label is the Vietnamese wording.
func (f DisciplineForm) Label() string {
	switch f {
	case Reprimand:
		return "Khiển trách"
	case Warning:
		return "Cảnh cáo"
	case SalaryDown:
		return "Hạ bậc lương"
	case Demotion:
		return "Giáng chức"
	case Dismissal:
		return "Cách chức"
	case Discharge:
		return "Buộc thôi việc"
	}
	return string(f)
}

// Discipline is a disciplinary measure in effect from From to To, both days
// included; a zero To means still in effect.
type Discipline struct {
	ID         int64
	StaffCode  string
	Form       DisciplineForm
	From       Date
	To         Date
	DecisionNo string
}

// InEffectDuring reports whether the discipline is in effect on any day of year y.
func (d Discipline) InEffectDuring(y int) bool {
	if d.From.Year > y {
		return false
	}
	return d.To.IsZero() || d.To.Year >= y
}
