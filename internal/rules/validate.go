package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

// Clean is how every piece of text enters the application: NFC-normalised
// (Vietnamese typed on macOS or pasted from the web often arrives decomposed,
// and then "Nguyễn" would not equal "Nguyễn"), trimmed, inner runs of
// white space collapsed to one space, control characters dropped.
// Normalising comes last: a dropped control character between a letter and
// its combining mark ("A\x00\u0301") would otherwise leave the two side by
// side uncomposed, and a second Clean would change the text again.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// CCCDProblem describes why a CCCD number is invalid; "" when it is valid.
// birth and gender may be zero/empty, and are then not cross-checked.
//
// Structure (Thông tư 59/2021/TT-BCA): digits 1–3 the province of birth
// registration (001–096), digit 4 the gender and century (0/1 male/female
// born 1900–1999, 2/3 for 2000–2099), digits 5–6 the last two digits of
// the birth year, then six random digits.
func CCCDProblem(cccd string, gender domain.Gender, birth domain.Date) string {
	if len(cccd) != 12 {
		return fmt.Sprintf("cần đúng 12 chữ số, đang có %d", len([]rune(cccd)))
	}
	for _, r := range cccd {
		if r < '0' || r > '9' {
			return "chỉ được gồm chữ số"
		}
	}
	prov, _ := strconv.Atoi(cccd[:3])
	if prov < 1 || prov > 96 {
		return fmt.Sprintf("mã tỉnh %s ở 3 số đầu không có (cần 001–096)", cccd[:3])
	}
	g := int(cccd[3] - '0')
	if g > 3 {
		return fmt.Sprintf("số thứ 4 là %d, chỉ được 0–3 (giới tính và thế kỷ sinh)", g)
	}
	if gender != "" {
		wantFemale := g%2 == 1
		if wantFemale != (gender == domain.Female) {
			return fmt.Sprintf("số thứ 4 là %d, không khớp giới tính %s", g, gender.Label())
		}
	}
	if !birth.IsZero() {
		century := 1900 + 100*(g/2)
		yy, _ := strconv.Atoi(cccd[4:6])
		if century+yy != birth.Year {
			return fmt.Sprintf("số 4–6 cho năm sinh %d, không khớp ngày sinh %s", century+yy, birth.VN())
		}
	}
	return ""
}

// RestoreCCCD gives back the leading zero that a spreadsheet drops when a
// CCCD is typed into a number cell. It reports whether it changed anything.
func RestoreCCCD(s string) (string, bool) {
	if len(s) == 11 && strings.Trim(s, "0123456789") == "" {
		return "0" + s, true
	}
	return s, false
}

// ValidatePerson checks a person as a form or an import row would, returning
// every problem with the field it belongs to, one per field. asOf bounds
// plausible dates (today, passed in so the check stays pure). The text
// checks (PersonTextProblems) come first; given cleaned text they still
// find lengths, formula-like names and the hidden characters Clean keeps,
// but only the raw text shows the control characters Clean drops.
func ValidatePerson(p domain.Person, asOf domain.Date) domain.FieldErrors {
	errs := PersonTextProblems(p)
	add := func(field, msg string) {
		if errs.For(field) == "" {
			errs = append(errs, domain.FieldError{Field: field, Msg: msg})
		}
	}
	if p.StaffCode == "" {
		add(FieldStaffCode, "chưa nhập; mỗi cán bộ cần một mã riêng")
	} else if strings.ContainsAny(p.StaffCode, " \t/\\") {
		add(FieldStaffCode, "không được chứa dấu cách hay dấu gạch chéo")
	}
	if p.FullName == "" {
		add(FieldFullName, "chưa nhập; nhập đầy đủ họ, đệm và tên")
	} else if len(strings.Fields(p.FullName)) < 2 {
		add(FieldFullName, "cần cả họ và tên (ít nhất hai từ)")
	} else if strings.IndexFunc(p.FullName, unicode.IsDigit) >= 0 {
		add(FieldFullName, "không được chứa chữ số")
	}
	switch {
	case p.BirthDate.IsZero():
		add(FieldBirthDate, "chưa nhập; nhập dạng ngày/tháng/năm, ví dụ 05/01/1985")
	case !asOf.IsZero() && p.BirthDate.After(domain.NewDate(asOf.Year-16, asOf.Month, asOf.Day)):
		add(FieldBirthDate, "người lao động phải đủ 16 tuổi; kiểm tra lại năm sinh")
	}
	if p.Gender != domain.Male && p.Gender != domain.Female {
		add(FieldGender, "chọn Nam hoặc Nữ")
	}
	if p.CCCD != "" {
		if msg := CCCDProblem(p.CCCD, p.Gender, p.BirthDate); msg != "" {
			add(FieldCCCD, msg)
		}
	}
	if p.UnitCode == "" {
		add(FieldUnit, "chưa chọn đơn vị công tác")
	}
	switch {
	case p.RecruitedOn.IsZero():
		add(FieldRecruited, "chưa nhập; nhập dạng ngày/tháng/năm")
	case !p.BirthDate.IsZero() && p.RecruitedOn.Before(domain.NewDate(p.BirthDate.Year+15, p.BirthDate.Month, p.BirthDate.Day)):
		add(FieldRecruited, "sớm hơn ngày người này đủ 15 tuổi; kiểm tra lại")
	case !asOf.IsZero() && p.RecruitedOn.After(domain.NewDate(asOf.Year+1, asOf.Month, asOf.Day)):
		add(FieldRecruited, "quá xa trong tương lai; kiểm tra lại năm")
	}
	return errs
}

// Field labels, shared by forms, import templates and messages so that a
// message always names the field the way the person sees it.
const (
	FieldStaffCode = "Mã cán bộ"
	FieldFullName  = "Họ và tên"
	FieldBirthDate = "Ngày sinh"
	FieldGender    = "Giới tính"
	FieldCCCD      = "Số CCCD"
	FieldPosition  = "Chức vụ"
	FieldUnit      = "Đơn vị công tác"
	FieldRecruited = "Ngày tuyển dụng"
	FieldEthnicity = "Dân tộc"
	FieldNote      = "Ghi chú"

	// The personal record an achievement report's section I asks for.
	FieldHomeTown        = "Quê quán"
	FieldResidence       = "Trú quán"
	FieldReligion        = "Tôn giáo"
	FieldEducation       = "Trình độ chuyên môn"
	FieldPoliticalTheory = "Lý luận chính trị"
	FieldAcademicRank    = "Học hàm, học vị"
	FieldPartyPost       = "Chức vụ Đảng"
	FieldUnionPost       = "Chức vụ đoàn thể"

	// What a collective's achievement report says of the unit.
	FieldUnitAddress = "Địa chỉ trụ sở"
	FieldPartyOrg    = "Tổ chức Đảng"
	FieldUnionOrg    = "Công đoàn"
	FieldYouthOrg    = "Đoàn Thanh niên"
)
