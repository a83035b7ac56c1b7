package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// Column headers of the import templates that are not person fields (those
// are the rules.Field* labels). They are the contract's words exactly.
const (
	hdrUnitCode     = "Mã đơn vị"
	hdrUnitName     = "Tên đơn vị"
	hdrParent       = "Đơn vị cấp trên"
	hdrUnitKind     = "Loại"
	hdrValidFrom    = "Hiệu lực từ"
	hdrValidTo      = "Hiệu lực đến"
	hdrYear         = "Năm"
	hdrRating       = "Xếp loại"
	hdrAward        = "Danh hiệu/Hình thức"
	hdrDecisionNo   = "Số quyết định"
	hdrDecisionDate = "Ngày quyết định"
	hdrIssuer       = "Cơ quan ban hành"
	hdrAwardKind    = "Loại khen thưởng"
	hdrBasis        = "Sáng kiến làm căn cứ"
	hdrTitle        = "Tên sáng kiến"
	hdrRecognized   = "Năm công nhận"
	hdrScope        = "Phạm vi ảnh hưởng"
	hdrRecognizer   = "Cơ quan công nhận"
	hdrForm         = "Hình thức kỷ luật"
	hdrFrom         = "Ngày hiệu lực"
	hdrTo           = "Ngày kết thúc"
)

// Closed lists: the code and every spelling accepted, the first shown in
// drop-downs and messages.
var (
	genderChoices   = []choice{{string(domain.Male), []string{"Nam"}}, {string(domain.Female), []string{"Nữ"}}}
	unitKindChoices = []choice{
		{string(domain.UnitDepartment), []string{"Phòng"}},
		{string(domain.UnitGrassroots), []string{"BHXH cơ sở", "Cơ sở"}},
		{string(domain.UnitProvince), []string{"Tỉnh", "BHXH tỉnh"}},
	}
	ratingChoices     = labelled(domain.Ratings, domain.Rating.Label)
	scopeChoices      = labelled(domain.Scopes, domain.InitiativeScope.Label)
	disciplineChoices = labelled(domain.DisciplineForms, domain.DisciplineForm.Label)
	awardKindChoices  = func() []choice {
		c := labelled(domain.AwardKinds, domain.AwardKind.Label)
		for i := range c {
			if c[i].code == string(domain.KindThematic) {
				c[i].words = append(c[i].words, "Theo đợt")
			}
		}
		return c
	}()
)

func labelled[T ~string](codes []T, label func(T) string) []choice {
	out := make([]choice, len(codes))
	for i, c := range codes {
		out[i] = choice{string(c), []string{label(c)}}
	}
	return out
}

func words(list []choice) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = c.words[0]
	}
	return out
}

// templateExamples are the values of a template's example row, taken from
// the database where they must refer to something (the office's code, an
// existing person, the catalogue), so that the example row imports cleanly.
type templateExamples struct {
	root, rootName string
	newUnit        string // a unit code nobody has, for the units example
	unit           string // the office's unit as the staff example names it
	staff          string // an existing staff code (else newStaff), for history examples
	newStaff, cccd string // a staff code and a CCCD nobody has, for the staff example
	year           int
	award          string
	initiative     string
	unitNames      []string
	awardNames     []string
}

func (s *Service) templateExamples(ctx context.Context) (templateExamples, error) {
	ex := templateExamples{root: "BHXH", rootName: "Bảo hiểm xã hội tỉnh", staff: "CB0001", year: s.LastCompletedYear(),
		award: "Chiến sĩ thi đua cơ sở", newStaff: "CB0001", cccd: "042085000123"}
	if p, ok, err := s.st.Profile(ctx); err != nil {
		return ex, err
	} else if ok {
		ex.root, ex.rootName = p.UnitCode, p.UnitName
	}
	people, err := s.st.People(ctx)
	if err != nil {
		return ex, err
	}
	// The examples that create something take a code and a CCCD nobody
	// has, so that importing an untouched template never overwrites a
	// real record.
	takenCode, takenCCCD := map[string]bool{}, map[string]bool{}
	for _, p := range people {
		takenCode[p.StaffCode], takenCCCD[p.CCCD] = true, true
	}
	for i := 1; takenCode[ex.newStaff]; i++ {
		ex.newStaff = fmt.Sprintf("CB%04d", i+1)
	}
	for i := 123; takenCCCD[ex.cccd]; i++ {
		ex.cccd = fmt.Sprintf("042085%06d", i+1)
	}
	if len(people) > 0 {
		ex.staff = people[0].StaffCode
		ins, err := s.st.InitiativesOf(ctx, ex.staff)
		if err != nil {
			return ex, err
		}
		if len(ins) > 0 {
			ex.initiative = ins[0].Title
		}
	}
	units, err := s.st.Units(ctx)
	if err != nil {
		return ex, err
	}
	takenUnit := map[string]bool{}
	ex.unit = ex.root
	for _, u := range units {
		takenUnit[u.Code] = true
		if u.Code == ex.root {
			ex.unit = u.Name // by name, as the drop-down offers it
		}
	}
	ex.newUnit = ex.root + "01"
	for i := 1; takenUnit[ex.newUnit]; i++ {
		ex.newUnit = fmt.Sprintf("%s%02d", ex.root, i+1)
	}
	today := s.Today()
	// A drop-down of a few hundred names is still usable; beyond that the
	// clerk types the code.
	if len(units) <= 300 {
		for _, u := range units {
			if u.ActiveOn(today) {
				ex.unitNames = append(ex.unitNames, u.Name)
			}
		}
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return ex, err
	}
	for _, a := range cat.Sorted() {
		ex.awardNames = append(ex.awardNames, a.Name)
	}
	if a, ok := cat.Award("CSTDCS"); ok {
		ex.award = a.Name
	}
	return ex, nil
}

var commonNotes = []string{
	"Dòng 1 là dòng tiêu đề: giữ nguyên tên cột; thứ tự cột có thể đổi, cột không có trong mẫu được bỏ qua. Cột tô màu cam là bắt buộc.",
	"Dòng 2 là dòng ví dụ: ghi đè hoặc xóa trước khi nhập (nếu để nguyên, dòng này cũng được nhập).",
	"Ngày nhập dạng ngày/tháng/năm (ví dụ 05/01/1985) hoặc dùng ô ngày của Excel. Giá trị trong danh sách chọn không phân biệt chữ hoa, chữ thường.",
	"Dòng trống được bỏ qua. Dòng có lỗi không được nhập và được liệt kê kèm số dòng, cột và lý do; các dòng hợp lệ được nhập cùng một lần.",
	"Nhập lại cùng một tệp không làm thay đổi dữ liệu: mỗi dòng được nhận ra theo khóa của nó (ghi ở dưới); dòng có khóa đã có thì được cập nhật.",
	"Cột không có trong tệp thì giữ nguyên giá trị đang có; cột có trong tệp nhưng để trống thì xóa giá trị đó (trừ khi cột bắt buộc).",
}

// importSpec is the sheet of kind: its columns in template order, with the
// notes and, when ex is filled, the example row.
func importSpec(kind ImportKind, ex templateExamples) (xlsx.Spec, error) {
	y := ex.year
	date := func(d, m, yy int) any {
		if ex.year == 0 {
			return nil
		}
		return domain.NewDate(yy, time.Month(m), d)
	}
	str := func(s string) any {
		if ex.year == 0 {
			return nil
		}
		return s
	}
	num := func(n int) any {
		if ex.year == 0 {
			return nil
		}
		return n
	}
	subjectCols := []xlsx.Column{
		{Name: rules.FieldStaffCode, Group: "subject", Kind: xlsx.Code, Example: str(ex.staff),
			Note: "Mã cán bộ của cá nhân được ghi nhận. Mỗi dòng điền Mã cán bộ (cá nhân) hoặc Mã đơn vị (tập thể), không điền cả hai."},
		{Name: hdrUnitCode, Group: "subject", Kind: xlsx.Code,
			Note: "Mã đơn vị của tập thể được ghi nhận (mã cũ trước sáp nhập cũng được, chương trình tự chuyển sang mã mới)."},
	}
	spec := xlsx.Spec{Notes: append([]string(nil), commonNotes...)}
	switch kind {
	case ImportUnits:
		spec.Sheet, spec.Title = "Đơn vị", "Mẫu nhập danh sách đơn vị"
		spec.Notes = append(spec.Notes, "Khóa của dòng: Mã đơn vị. Đơn vị gốc (cấp tỉnh, mã "+ex.root+") có thể có trong tệp và khi đó được cập nhật, không tạo mới.",
			"Đơn vị cấp trên có thể là một đơn vị ở dòng bên dưới trong cùng tệp.")
		spec.Columns = []xlsx.Column{
			{Name: hdrUnitCode, Required: true, Kind: xlsx.Code, Example: str(ex.newUnit), Note: "Mã riêng của đơn vị, không có dấu cách."},
			{Name: hdrUnitName, Required: true, Example: str("Phòng Tổ chức cán bộ"), Note: "Tên đầy đủ như trên văn bản."},
			{Name: hdrParent, Kind: xlsx.Code, Example: str(ex.root), Note: "Mã của đơn vị cấp trên; để trống: trực thuộc đơn vị gốc (" + ex.root + ")."},
			{Name: hdrUnitKind, Choices: words(unitKindChoices), Example: str("Phòng"),
				Note: "Phòng, BHXH cơ sở hoặc Tỉnh (chỉ đơn vị gốc). Để trống: đơn vị đã có giữ nguyên loại; đơn vị mới có tên bắt đầu bằng “BHXH” hoặc “Bảo hiểm xã hội” là BHXH cơ sở, còn lại là Phòng."},
			{Name: hdrValidFrom, Kind: xlsx.Date, Example: date(1, 7, 2025), Note: "Ngày đơn vị bắt đầu hoạt động (để trống nếu không rõ)."},
			{Name: hdrValidTo, Kind: xlsx.Date, Note: "Ngày đơn vị thôi hoạt động (sáp nhập, giải thể); để trống nếu còn hoạt động."},
			// What a collective's achievement report says of the unit.
			{Name: rules.FieldUnitAddress, Example: str("Số 1 đường Nguyễn Du, phường Thành Sen, tỉnh Hà Tĩnh"), Note: "Địa chỉ trụ sở, ghi vào báo cáo thành tích của tập thể."},
			{Name: rules.FieldPartyOrg, Example: str("Chi bộ Phòng Tổ chức cán bộ"), Note: "Tổ chức Đảng của đơn vị (chi bộ, đảng bộ)."},
			{Name: rules.FieldUnionOrg, Example: str("Công đoàn bộ phận Phòng Tổ chức cán bộ"), Note: "Tổ chức Công đoàn của đơn vị."},
			{Name: rules.FieldYouthOrg, Example: str("Chi đoàn Phòng Tổ chức cán bộ"), Note: "Tổ chức Đoàn Thanh niên của đơn vị."},
		}
	case ImportStaff:
		spec.Sheet, spec.Title = "Cán bộ", "Mẫu nhập danh sách cán bộ"
		spec.Notes = append(spec.Notes, "Khóa của dòng: Mã cán bộ. Người đã có thì được cập nhật; đổi đơn vị công tác được ghi là điều chuyển từ ngày nhập.")
		spec.Columns = []xlsx.Column{
			{Name: rules.FieldStaffCode, Required: true, Kind: xlsx.Code, Example: str(ex.newStaff), Note: "Mã riêng của mỗi người, không có dấu cách hay dấu gạch chéo."},
			{Name: rules.FieldFullName, Required: true, Example: str("Nguyễn Văn An"), Note: "Đầy đủ họ, đệm và tên."},
			{Name: rules.FieldBirthDate, Required: true, Kind: xlsx.Date, Example: date(5, 1, 1985), Note: "Ngày/tháng/năm sinh; người lao động đủ 16 tuổi."},
			{Name: rules.FieldGender, Required: true, Choices: words(genderChoices), Example: str("Nam"), Note: "Nam hoặc Nữ."},
			{Name: rules.FieldCCCD, Kind: xlsx.Code, Example: str(ex.cccd),
				Note: "12 chữ số; số thứ 4 và số 5–6 phải khớp giới tính và năm sinh. Định dạng ô là chữ (Text) để giữ số 0 ở đầu."},
			{Name: rules.FieldPosition, Example: str("Chuyên viên"), Note: "Chức vụ hiện tại."},
			{Name: rules.FieldUnit, Required: true, Choices: ex.unitNames, Example: str(ex.unit),
				Note: "Mã đơn vị hoặc tên đơn vị đúng như trong danh sách đơn vị (mã cũ trước sáp nhập cũng được)."},
			{Name: rules.FieldRecruited, Required: true, Kind: xlsx.Date, Example: date(1, 9, 2010), Note: "Ngày tuyển dụng, không sớm hơn ngày đủ 15 tuổi."},
			{Name: rules.FieldEthnicity, Example: str("Kinh"), Note: "Dân tộc."},
			{Name: rules.FieldNote, Note: "Ghi chú tùy ý."},
			// The personal record an achievement report's section I asks
			// for; a file without these columns keeps what is recorded.
			{Name: rules.FieldHomeTown, Example: str("Xã Thạch Hà, tỉnh Hà Tĩnh"), Note: "Quê quán, ghi vào báo cáo thành tích."},
			{Name: rules.FieldResidence, Example: str("Phường Thành Sen, tỉnh Hà Tĩnh"), Note: "Trú quán: nơi ở hiện nay."},
			{Name: rules.FieldReligion, Example: str("Không"), Note: "Tôn giáo; ghi “Không” nếu không theo tôn giáo nào."},
			{Name: rules.FieldEducation, Example: str("Cử nhân Kinh tế"), Note: "Trình độ chuyên môn, nghiệp vụ."},
			{Name: rules.FieldPoliticalTheory, Example: str("Trung cấp"), Note: "Trình độ lý luận chính trị: Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân."},
			{Name: rules.FieldAcademicRank, Note: "Học hàm, học vị (ví dụ Thạc sĩ Quản lý kinh tế); để trống nếu không có."},
			{Name: rules.FieldPartyPost, Note: "Chức vụ Đảng (ví dụ Bí thư Chi bộ); để trống nếu không có."},
			{Name: rules.FieldUnionPost, Note: "Chức vụ đoàn thể (ví dụ Tổ trưởng Công đoàn); để trống nếu không có."},
		}
	case ImportRatings:
		spec.Sheet, spec.Title = "Xếp loại", "Mẫu nhập kết quả xếp loại hằng năm"
		spec.Notes = append(spec.Notes, "Khóa của dòng: Mã cán bộ (hoặc Mã đơn vị) và Năm; mỗi năm một xếp loại.")
		spec.Columns = append(subjectCols,
			xlsx.Column{Name: hdrYear, Required: true, Kind: xlsx.Number, Example: num(y), Note: "Năm được xếp loại, 4 chữ số."},
			xlsx.Column{Name: hdrRating, Required: true, Choices: words(ratingChoices), Example: str(domain.HTTNV.Label()),
				Note: "HTXSNV, HTTNV, HTNV, KHTNV hoặc viết đầy đủ (Hoàn thành xuất sắc nhiệm vụ…)."},
		)
	case ImportAwards:
		spec.Sheet, spec.Title = "Khen thưởng", "Mẫu nhập lịch sử khen thưởng"
		spec.Notes = append(spec.Notes, "Khóa của dòng: Mã cán bộ (hoặc Mã đơn vị), Năm và Danh hiệu/Hình thức.",
			"Sáng kiến làm căn cứ phải có sẵn trong chương trình (nhập tệp sáng kiến trước).")
		spec.Columns = append(subjectCols,
			xlsx.Column{Name: hdrYear, Required: true, Kind: xlsx.Number, Example: num(y), Note: "Năm thành tích được khen."},
			xlsx.Column{Name: hdrAward, Required: true, Choices: ex.awardNames, Example: str(ex.award),
				Note: "Tên hoặc mã trong danh mục khen thưởng (ví dụ CSTDCS hoặc Chiến sĩ thi đua cơ sở)."},
			xlsx.Column{Name: hdrDecisionNo, Kind: xlsx.Code, Example: str("30/QĐ-BHXH"), Note: "Số quyết định khen thưởng."},
			xlsx.Column{Name: hdrDecisionDate, Kind: xlsx.Date, Example: date(20, 1, y+1), Note: "Ngày ký quyết định; không sớm hơn năm thành tích."},
			xlsx.Column{Name: hdrIssuer, Example: str(ex.rootName), Note: "Cơ quan ban hành quyết định."},
			xlsx.Column{Name: hdrAwardKind, Choices: words(awardKindChoices), Example: str(domain.KindMerit.Label()),
				Note: "Công trạng, Đột xuất, Chuyên đề hoặc Cống hiến; để trống là Công trạng."},
			xlsx.Column{Name: hdrBasis, Example: str(ex.initiative), Note: "Tên các sáng kiến làm căn cứ khen thưởng, cách nhau bằng dấu ;"},
		)
	case ImportInitiatives:
		spec.Sheet, spec.Title = "Sáng kiến", "Mẫu nhập sáng kiến, đề tài"
		spec.Notes = append(spec.Notes, "Khóa của dòng: Tên sáng kiến và Năm công nhận.")
		spec.Columns = []xlsx.Column{
			{Name: rules.FieldStaffCode, Required: true, Kind: xlsx.Code, Example: str(ex.staff), Note: "Mã cán bộ của các tác giả, cách nhau bằng dấu ; (ví dụ CB0001; CB0002)."},
			{Name: hdrTitle, Required: true, Example: str("Số hóa hồ sơ thu bảo hiểm xã hội tự nguyện"), Note: "Tên như trong quyết định công nhận."},
			{Name: hdrRecognized, Required: true, Kind: xlsx.Number, Example: num(y), Note: "Năm được công nhận, 4 chữ số."},
			{Name: hdrScope, Required: true, Choices: words(scopeChoices), Example: str(domain.ScopeGrassroots.Label()), Note: "Cơ sở, Bộ, ngành hoặc Toàn quốc."},
			{Name: hdrDecisionNo, Kind: xlsx.Code, Example: str("125/QĐ-BHXH"), Note: "Số quyết định công nhận."},
			{Name: hdrDecisionDate, Kind: xlsx.Date, Example: date(15, 12, y), Note: "Ngày ký quyết định công nhận."},
			{Name: hdrRecognizer, Example: str(ex.rootName), Note: "Cơ quan công nhận."},
		}
	case ImportDiscipline:
		spec.Sheet, spec.Title = "Kỷ luật", "Mẫu nhập kỷ luật"
		spec.Notes = append(spec.Notes, "Khóa của dòng: Mã cán bộ, Hình thức kỷ luật và Ngày hiệu lực.")
		spec.Columns = []xlsx.Column{
			{Name: rules.FieldStaffCode, Required: true, Kind: xlsx.Code, Example: str(ex.staff), Note: "Mã cán bộ bị kỷ luật."},
			{Name: hdrForm, Required: true, Choices: words(disciplineChoices), Example: str(domain.Reprimand.Label()),
				Note: "Khiển trách, Cảnh cáo, Hạ bậc lương, Giáng chức, Cách chức hoặc Buộc thôi việc."},
			{Name: hdrFrom, Required: true, Kind: xlsx.Date, Example: date(1, 3, y), Note: "Ngày quyết định kỷ luật có hiệu lực."},
			{Name: hdrTo, Kind: xlsx.Date, Example: date(31, 8, y), Note: "Ngày hết hiệu lực; để trống nếu chưa hết."},
			{Name: hdrDecisionNo, Kind: xlsx.Code, Example: str("45/QĐ-BHXH"), Note: "Số quyết định kỷ luật."},
		}
	default:
		_, err := ParseImportKind(string(kind))
		return spec, err
	}
	return spec, nil
}

// textLimits are the limits of the columns that hold more than a code, a
// date, a number or a value of a closed list (names: see textLimit).
var textLimits = map[string]int{
	hdrParent:            rules.MaxName, // a code or a unit's name
	rules.FieldUnit:      rules.MaxName, // a code or a unit's name
	rules.FieldEthnicity: rules.MaxName,
	rules.FieldPosition:  rules.MaxPosition,
	hdrAward:             rules.MaxTitle,
	hdrIssuer:            rules.MaxTitle,
	hdrRecognizer:        rules.MaxTitle,
	hdrTitle:             rules.MaxTitle,
	hdrBasis:             rules.MaxText, // several initiative titles
	rules.FieldNote:      rules.MaxText,

	rules.FieldHomeTown:        rules.MaxAddress,
	rules.FieldResidence:       rules.MaxAddress,
	rules.FieldReligion:        rules.MaxName,
	rules.FieldEducation:       rules.MaxPosition,
	rules.FieldPoliticalTheory: rules.MaxName,
	rules.FieldAcademicRank:    rules.MaxPosition,
	rules.FieldPartyPost:       rules.MaxPosition,
	rules.FieldUnionPost:       rules.MaxPosition,
	rules.FieldUnitAddress:     rules.MaxAddress,
	rules.FieldPartyOrg:        rules.MaxPosition,
	rules.FieldUnionOrg:        rules.MaxPosition,
	rules.FieldYouthOrg:        rules.MaxPosition,
}

// textLimit is how many characters column c of kind may hold, and whether
// it holds a name, which may not start like a formula.
func textLimit(kind ImportKind, c xlsx.Column) (max int, name bool) {
	switch {
	case c.Name == rules.FieldFullName || c.Name == hdrUnitName:
		return rules.MaxName, true
	case kind == ImportInitiatives && c.Name == rules.FieldStaffCode:
		return rules.MaxTitle, false // the authors' codes, separated by ;
	case kind != ImportUnits && c.Name == hdrUnitCode:
		return rules.MaxName, false // history rows may name the unit instead
	}
	if n, ok := textLimits[c.Name]; ok {
		return n, false
	}
	if c.Kind == xlsx.Text {
		return rules.MaxName, false // a value of a closed list
	}
	return rules.MaxCode, false
}

// parse checks one row of the file and, when it passes, prepares its write.
func (im *importer) parse(d *draft) {
	switch im.kind {
	case ImportUnits:
		im.parseUnit(d)
	case ImportStaff:
		im.parseStaff(d)
	case ImportRatings:
		im.parseRating(d)
	case ImportAwards:
		im.parseAward(d)
	case ImportInitiatives:
		im.parseInitiative(d)
	case ImportDiscipline:
		im.parseDiscipline(d)
	}
}

// unitDraft is a unit row whose parent is resolved once the whole file is read.
type unitDraft struct {
	u          domain.Unit
	parentText string
	old        domain.Unit
	found      bool
}

func (im *importer) parseUnit(d *draft) {
	code := d.required(hdrUnitCode, "mỗi đơn vị cần một mã riêng")
	if strings.ContainsAny(code, " \t/\\") {
		d.reject(hdrUnitCode, "không được chứa dấu cách hay dấu gạch chéo")
	}
	name := d.required(hdrUnitName, "nhập tên đầy đủ của đơn vị")
	old, found := im.units[code]
	kind := domain.UnitKind(d.pick(hdrUnitKind, unitKindChoices))
	from := d.keepDate(hdrValidFrom, old.ValidFrom)
	to := d.keepDate(hdrValidTo, old.ValidTo)
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		d.reject(hdrValidTo, "sớm hơn Hiệu lực từ (%s); kiểm tra lại", from.VN())
	}
	if code != "" {
		d.once(hdrUnitCode, "Mã đơn vị", code)
	}
	parent := old.ParentCode
	if d.has(hdrParent) {
		parent = d.text(hdrParent)
	}
	u := domain.Unit{Code: code, Name: name, Kind: kind, ValidFrom: from, ValidTo: to,
		Address:  d.keep(rules.FieldUnitAddress, old.Address),
		PartyOrg: d.keep(rules.FieldPartyOrg, old.PartyOrg),
		UnionOrg: d.keep(rules.FieldUnionOrg, old.UnionOrg),
		YouthOrg: d.keep(rules.FieldYouthOrg, old.YouthOrg),
	}
	d.unit = &unitDraft{u: u, parentText: parent, old: old, found: found}
}

// resolveUnitTree settles the parent of every unit row once the whole file
// is known: a parent may be defined further down the file, the office's own
// unit stays the root, and a parent chain must end at a unit without
// parent and never loop. Rows are then ranked by depth so the commit
// inserts parents first.
func (im *importer) resolveUnitTree(drafts []*draft) {
	root := im.office.UnitCode
	inFile := map[string]*draft{}
	for _, d := range drafts {
		if d.unit != nil && d.unit.u.Code != "" {
			if _, dup := inFile[d.unit.u.Code]; !dup {
				inFile[d.unit.u.Code] = d
			}
		}
	}
	for _, d := range drafts {
		if len(d.issues) > 0 {
			continue
		}
		ud := d.unit
		u := &ud.u
		if u.Code == root {
			if ud.parentText != "" && ud.parentText != root {
				d.reject(hdrParent, "đơn vị %s là đơn vị gốc (cấp tỉnh) nên không có đơn vị cấp trên; để trống cột này", root)
			}
			if u.Kind != "" && u.Kind != domain.UnitProvince {
				d.reject(hdrUnitKind, "đơn vị %s là đơn vị gốc; chọn Tỉnh hoặc để trống", root)
			}
			u.Kind, u.ParentCode = domain.UnitProvince, ""
			continue
		}
		switch {
		case u.Kind == domain.UnitProvince:
			d.reject(hdrUnitKind, "chỉ đơn vị gốc (mã %s) là cấp Tỉnh; chọn Phòng hoặc BHXH cơ sở", root)
		case u.Kind == "" && ud.found:
			u.Kind = ud.old.Kind
		case u.Kind == "":
			u.Kind = guessUnitKind(u.Name)
		}
		switch pt := ud.parentText; {
		case pt == "":
			u.ParentCode = root
		case inFile[pt] != nil:
			u.ParentCode = pt
		default:
			pu, problem := im.unit(pt)
			if problem != "" {
				d.reject(hdrParent, "không có đơn vị mã “%s” trong tệp hay trong chương trình; thêm một dòng cho đơn vị cấp trên hoặc sửa lại mã", pt)
				continue
			}
			u.ParentCode = pu.Code
		}
		if u.ParentCode == u.Code {
			d.reject(hdrParent, "không được là chính đơn vị này; nhập mã đơn vị cấp trên")
		}
	}
	// Rejections propagate to the units below; repeat until nothing
	// changes. Each round judges every row against the same state, so both
	// units of a loop are told about the loop, not about each other.
	for changed := true; changed; {
		changed = false
		problems := map[*draft]string{}
		for _, d := range drafts {
			if len(d.issues) > 0 {
				continue
			}
			depth, problem := im.unitDepth(d, inFile)
			if problem != "" {
				problems[d] = problem
				continue
			}
			d.out.rank = depth
		}
		for _, d := range drafts {
			if problem, bad := problems[d]; bad {
				d.reject(hdrParent, "%s", problem)
				changed = true
			}
		}
	}
	for _, d := range drafts {
		if len(d.issues) > 0 {
			continue
		}
		u := d.unit.u
		parent := "không có đơn vị cấp trên"
		if u.ParentCode != "" {
			parent = "thuộc " + u.ParentCode
		}
		d.out = ImportRow{Row: d.row.Num, rank: d.out.rank,
			Summary: fmt.Sprintf("%s – %s (%s), %s", u.Code, u.Name, u.Kind.Label(), parent),
			apply:   func(tx *store.Tx) (store.Change, error) { return tx.SaveUnit(u) },
		}
	}
}

// unitDepth walks a unit's parents through the file's accepted rows and the
// database, giving its depth below the root or why it cannot be placed.
func (im *importer) unitDepth(d *draft, inFile map[string]*draft) (int, string) {
	start := d.unit.u.Code
	seen := map[string]bool{start: true}
	path := []string{start}
	depth := 0
	for p := d.unit.u.ParentCode; p != ""; depth++ {
		var next string
		if fd := inFile[p]; fd != nil && len(fd.issues) == 0 {
			next = fd.unit.u.ParentCode
		} else if u, ok := im.units[p]; ok {
			next = u.ParentCode
		} else if fd != nil {
			return 0, fmt.Sprintf("đơn vị cấp trên %s ở dòng %d bị từ chối; sửa dòng đó trước", p, fd.row.Num)
		} else {
			return 0, fmt.Sprintf("không có đơn vị mã %s", p)
		}
		path = append(path, p)
		if seen[p] {
			return 0, fmt.Sprintf("đơn vị cấp trên tạo thành vòng lặp (%s); sửa cột Đơn vị cấp trên", strings.Join(path, " → "))
		}
		seen[p] = true
		p = next
	}
	return depth, ""
}

// guessUnitKind names a new unit's kind from its name when the file says
// nothing: grassroots offices are called "BHXH …" / "Bảo hiểm xã hội …".
func guessUnitKind(name string) domain.UnitKind {
	n := strings.ToLower(name)
	if strings.HasPrefix(n, "bhxh") || strings.HasPrefix(n, "bảo hiểm xã hội") {
		return domain.UnitGrassroots
	}
	return domain.UnitDepartment
}

func (im *importer) parseStaff(d *draft) {
	code := d.text(rules.FieldStaffCode)
	name := d.text(rules.FieldFullName)
	birth := d.date(rules.FieldBirthDate)
	gender := domain.Gender(d.pick(rules.FieldGender, genderChoices))
	ref, exists := im.people[code]
	old := ref.Person
	cccd := old.CCCD
	if d.has(rules.FieldCCCD) {
		c := d.cell(rules.FieldCCCD)
		cccd = strings.ReplaceAll(rules.Clean(c.Text), " ", "")
		if c.Numeric {
			if fixed, ok := rules.RestoreCCCD(cccd); ok {
				cccd = fixed
				d.warn(rules.FieldCCCD, "ô dạng số đã làm mất số 0 ở đầu; đã khôi phục thành %s (nên định dạng cột Số CCCD là chữ)", cccd)
			}
		}
	}
	unitCode, unitName := "", ""
	if ut := d.text(rules.FieldUnit); ut != "" {
		u, problem := im.unit(ut)
		switch {
		case problem != "":
			d.reject(rules.FieldUnit, "%s", problem)
		case !u.ValidTo.IsZero() && u.ValidTo.Before(im.today):
			d.reject(rules.FieldUnit, "đơn vị %s (%s) đã thôi hoạt động từ %s; chọn đơn vị đang hoạt động", u.Code, u.Name, u.ValidTo.VN())
		default:
			if u.Code != ut && !strings.EqualFold(u.Code, ut) && !strings.EqualFold(rules.Clean(u.Name), ut) {
				d.warn(rules.FieldUnit, "mã đơn vị cũ %s đã đổi thành %s; ghi vào đơn vị %s", ut, u.Code, u.Code)
			}
			unitCode, unitName = u.Code, u.Name
		}
	}
	p := domain.Person{
		ID: old.ID, StaffCode: code, FullName: name, BirthDate: birth, Gender: gender, CCCD: cccd,
		Position:    d.keep(rules.FieldPosition, old.Position),
		Ethnicity:   d.keep(rules.FieldEthnicity, old.Ethnicity),
		RecruitedOn: d.date(rules.FieldRecruited),
		UnitCode:    unitCode,
		Note:        d.keep(rules.FieldNote, old.Note),

		HomeTown:        d.keep(rules.FieldHomeTown, old.HomeTown),
		Residence:       d.keep(rules.FieldResidence, old.Residence),
		Religion:        d.keep(rules.FieldReligion, old.Religion),
		Education:       d.keep(rules.FieldEducation, old.Education),
		PoliticalTheory: d.keep(rules.FieldPoliticalTheory, old.PoliticalTheory),
		AcademicRank:    d.keep(rules.FieldAcademicRank, old.AcademicRank),
		PartyPost:       d.keep(rules.FieldPartyPost, old.PartyPost),
		UnionPost:       d.keep(rules.FieldUnionPost, old.UnionPost),
	}
	for _, e := range rules.ValidatePerson(p, im.today) {
		if !d.rejected(e.Field) {
			d.reject(e.Field, "%s", e.Msg)
		}
	}
	if code != "" {
		d.once(rules.FieldStaffCode, "Mã cán bộ", code)
	}
	if cccd != "" {
		if d.once(rules.FieldCCCD, "Số CCCD", cccd) {
			if o, held := im.cccdOwner[cccd]; held && o.StaffCode != code {
				where := ""
				if o.deleted {
					where = ", đang ở mục Đã xóa"
				}
				d.reject(rules.FieldCCCD, "số này đã ghi cho %s (mã %s%s) trong chương trình; kiểm tra lại số", o.FullName, o.StaffCode, where)
			}
		}
	}
	if len(d.issues) > 0 {
		return
	}
	change := store.Inserted
	if exists {
		change = store.Updated
		if p == old && !ref.deleted {
			change = store.Unchanged
		}
	}
	today := im.today
	d.out = ImportRow{Row: d.row.Num, change: change,
		Summary: fmt.Sprintf("%s – %s, %s, sinh %s, %s", code, name, gender.Label(), birth.VN(), unitName),
		apply: func(tx *store.Tx) (store.Change, error) {
			if p.ID == 0 {
				_, err := tx.CreatePerson(p)
				return store.Inserted, err
			}
			return tx.UpdatePerson(p, today)
		},
	}
}

func (im *importer) parseRating(d *draft) {
	sub, who, ok := d.subject()
	y := d.year(hdrYear)
	r := domain.Rating(d.pick(hdrRating, ratingChoices))
	if r == "" && !d.rejected(hdrRating) {
		d.reject(hdrRating, "chưa nhập; chọn %s", choiceWords(ratingChoices))
	}
	if ok && y != 0 {
		d.once(subjectColumn(sub), subjectColumn(sub)+" và Năm", fmt.Sprintf("%s|%s|%d", sub.Kind, sub.Code, y))
	}
	if len(d.issues) > 0 {
		return
	}
	rec := domain.RatingRecord{Subject: sub, Year: y, Rating: r}
	d.out = ImportRow{Row: d.row.Num, Summary: fmt.Sprintf("%s – năm %d: %s", who, y, r.Label()),
		apply: func(tx *store.Tx) (store.Change, error) { return tx.SetRating(rec) }}
}

func (im *importer) parseAward(d *draft) {
	sub, who, ok := d.subject()
	y := d.year(hdrYear)
	var at rules.AwardType
	found := false
	if t := d.required(hdrAward, "chọn danh hiệu hoặc hình thức khen thưởng trong danh mục"); t != "" {
		for _, a := range im.cat.Awards {
			if strings.EqualFold(a.Code, t) || listKey(a.Name) == listKey(t) {
				at, found = a, true
				break
			}
		}
		switch {
		case !found:
			d.reject(hdrAward, "“%s” không có trong danh mục khen thưởng; nhập mã (ví dụ CSTDCS) hoặc tên đúng như danh mục", t)
		case ok && !at.AppliesTo(sub.Kind):
			d.reject(hdrAward, "%s không dùng cho %s; kiểm tra lại Mã cán bộ hoặc Mã đơn vị", at.Name, importSubjectWord(sub.Kind))
		}
	}
	var old domain.AwardRecord
	if ok && found && y != 0 && !(d.has(hdrDecisionNo) && d.has(hdrDecisionDate) && d.has(hdrIssuer) && d.has(hdrAwardKind) && d.has(hdrBasis)) {
		old = im.existingAward(sub, y, at.Code)
	}
	rec := domain.AwardRecord{Subject: sub, Year: y, AwardCode: at.Code,
		DecisionNo:   d.keep(hdrDecisionNo, old.DecisionNo),
		DecisionDate: d.keepDate(hdrDecisionDate, old.DecisionDate),
		Issuer:       d.keep(hdrIssuer, old.Issuer),
		Kind:         old.Kind,
		Initiatives:  old.Initiatives,
	}
	if d.has(hdrAwardKind) {
		rec.Kind = domain.AwardKind(d.pick(hdrAwardKind, awardKindChoices))
	}
	if rec.Kind == "" {
		rec.Kind = domain.KindMerit
	}
	if d.has(hdrBasis) {
		rec.Initiatives = splitList(d.row.Get(hdrBasis).Text)
	}
	if !rec.DecisionDate.IsZero() && y != 0 && rec.DecisionDate.Year < y {
		d.reject(hdrDecisionDate, "sớm hơn năm thành tích %d; kiểm tra lại", y)
	}
	if ok && y != 0 && found {
		d.once(subjectColumn(sub), subjectColumn(sub)+", Năm và Danh hiệu/Hình thức", fmt.Sprintf("%s|%s|%d|%s", sub.Kind, sub.Code, y, at.Code))
	}
	if len(d.issues) > 0 {
		return
	}
	summary := fmt.Sprintf("%s – %d: %s", who, y, at.Name)
	if rec.DecisionNo != "" {
		summary += " (QĐ " + rec.DecisionNo + ")"
	}
	d.out = ImportRow{Row: d.row.Num, Summary: summary,
		apply: func(tx *store.Tx) (store.Change, error) {
			_, ch, err := tx.SaveAward(rec)
			return ch, err
		}}
}

// existingAward is the recorded award with the key, if any, read once per
// subject: a file that leaves out a column keeps the recorded value.
func (im *importer) existingAward(sub domain.Subject, year int, code string) domain.AwardRecord {
	list, ok := im.awardsOf[sub]
	if !ok {
		list, _ = im.s.st.Awards(im.ctx, sub) // a read failure only loses the kept values; the trial run reports real problems
		im.awardsOf[sub] = list
	}
	for _, a := range list {
		if a.Year == year && a.AwardCode == code {
			return a
		}
	}
	return domain.AwardRecord{}
}

func (im *importer) parseInitiative(d *draft) {
	var authors []string
	if t := d.required(rules.FieldStaffCode, "nhập mã cán bộ của các tác giả, cách nhau bằng dấu ;"); t != "" {
		var problems []string
		for _, code := range splitList(t) {
			p, problem := im.person(code)
			if problem != "" {
				problems = append(problems, problem)
				continue
			}
			authors = append(authors, p.StaffCode)
		}
		if len(problems) > 0 {
			d.reject(rules.FieldStaffCode, "%s", strings.Join(problems, "; "))
		}
	}
	title := d.required(hdrTitle, "nhập tên sáng kiến như trong quyết định công nhận")
	y := d.year(hdrRecognized)
	scope := domain.InitiativeScope(d.pick(hdrScope, scopeChoices))
	if scope == "" && !d.rejected(hdrScope) {
		d.reject(hdrScope, "chưa nhập; chọn %s", choiceWords(scopeChoices))
	}
	var old domain.Initiative
	if title != "" && y != 0 && len(authors) > 0 && !(d.has(hdrDecisionNo) && d.has(hdrDecisionDate) && d.has(hdrRecognizer)) {
		old = im.existingInitiative(authors, title, y)
	}
	in := domain.Initiative{Title: title, Year: y, Scope: scope, Authors: authors,
		DecisionNo:   d.keep(hdrDecisionNo, old.DecisionNo),
		DecisionDate: d.keepDate(hdrDecisionDate, old.DecisionDate),
		Issuer:       d.keep(hdrRecognizer, old.Issuer),
	}
	if title != "" && y != 0 {
		d.once(hdrTitle, "Tên sáng kiến và Năm công nhận", fmt.Sprintf("%s|%d", strings.ToLower(title), y))
	}
	if len(d.issues) > 0 {
		return
	}
	d.out = ImportRow{Row: d.row.Num,
		Summary: fmt.Sprintf("“%s” (%d, %s) – tác giả %s", title, y, scope.Label(), strings.Join(authors, ", ")),
		apply: func(tx *store.Tx) (store.Change, error) {
			_, ch, err := tx.SaveInitiative(in)
			return ch, err
		}}
}

func (im *importer) existingInitiative(authors []string, title string, year int) domain.Initiative {
	for _, a := range authors {
		list, ok := im.initiativesOf[a]
		if !ok {
			list, _ = im.s.st.InitiativesOf(im.ctx, a)
			im.initiativesOf[a] = list
		}
		for _, in := range list {
			if in.Title == title && in.Year == year {
				return in
			}
		}
	}
	return domain.Initiative{}
}

func (im *importer) parseDiscipline(d *draft) {
	code := ""
	if t := d.required(rules.FieldStaffCode, "nhập mã của cán bộ bị kỷ luật"); t != "" {
		p, problem := im.person(t)
		if problem != "" {
			d.reject(rules.FieldStaffCode, "%s", problem)
		}
		code = p.StaffCode
	}
	form := domain.DisciplineForm(d.pick(hdrForm, disciplineChoices))
	if form == "" && !d.rejected(hdrForm) {
		d.reject(hdrForm, "chưa nhập; chọn %s", choiceWords(disciplineChoices))
	}
	from := d.date(hdrFrom)
	if from.IsZero() && !d.rejected(hdrFrom) {
		d.reject(hdrFrom, "chưa nhập; nhập dạng ngày/tháng/năm, ví dụ 01/03/%d", im.s.LastCompletedYear())
	}
	var old domain.Discipline
	if code != "" && form != "" && !from.IsZero() && !(d.has(hdrTo) && d.has(hdrDecisionNo)) {
		old = im.existingDiscipline(code, form, from)
	}
	rec := domain.Discipline{StaffCode: code, Form: form, From: from,
		To:         d.keepDate(hdrTo, old.To),
		DecisionNo: d.keep(hdrDecisionNo, old.DecisionNo),
	}
	if !rec.To.IsZero() && !from.IsZero() && rec.To.Before(from) {
		d.reject(hdrTo, "sớm hơn Ngày hiệu lực (%s); kiểm tra lại", from.VN())
	}
	if code != "" && form != "" && !from.IsZero() {
		d.once(rules.FieldStaffCode, "Mã cán bộ, Hình thức kỷ luật và Ngày hiệu lực", fmt.Sprintf("%s|%s|%s", code, form, from.ISO()))
	}
	if len(d.issues) > 0 {
		return
	}
	summary := fmt.Sprintf("%s %s – %s từ %s", code, im.people[code].FullName, form.Label(), from.VN())
	if !rec.To.IsZero() {
		summary += " đến " + rec.To.VN()
	}
	d.out = ImportRow{Row: d.row.Num, Summary: summary,
		apply: func(tx *store.Tx) (store.Change, error) {
			_, ch, err := tx.SaveDiscipline(rec)
			return ch, err
		}}
}

func (im *importer) existingDiscipline(code string, form domain.DisciplineForm, from domain.Date) domain.Discipline {
	list, ok := im.disciplinesOf[code]
	if !ok {
		list, _ = im.s.st.DisciplinesOf(im.ctx, code)
		im.disciplinesOf[code] = list
	}
	for _, d := range list {
		if d.Form == form && d.From == from {
			return d
		}
	}
	return domain.Discipline{}
}
