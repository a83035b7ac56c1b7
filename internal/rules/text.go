package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tdkt/internal/domain"
)

// Limits of text fields, in characters after Clean. Everything typed or
// imported ends up in PDFs, packages sent to the centre and spreadsheets,
// whose layouts and readers assume a name fits on a line or two; a pasted
// page of text in a name field breaks all of them. The limits are far above
// any real value (the longest unit names are about 60 characters).
const (
	// MaxCode bounds identifiers: staff and unit codes, CCCD numbers,
	// decision numbers, and typed dates and years.
	MaxCode = 50
	// MaxName bounds the name of a person or a unit, and short labels
	// (ethnicity, a place, a value of a closed list).
	MaxName = 100
	// MaxPosition bounds a position (chức vụ), which may name the unit
	// ("Phó Trưởng phòng Quản lý thu – Sổ, thẻ"), and likewise a post in
	// the Party or a mass organisation, an organisation's name and a
	// qualification ("Thạc sĩ Quản lý kinh tế").
	MaxPosition = 200
	// MaxAddress bounds an address or a home town, which may name the
	// house, street, ward and province.
	MaxAddress = 300
	// MaxTitle bounds one-line titles: an initiative's title, the body that
	// issued a decision, a list of a few codes or names.
	MaxTitle = 500
	// MaxText bounds free text: notes, justifications, reports.
	MaxText = 20000
)

// TextProblem says why s cannot be taken as the text of a field allowing
// max characters; "" when it can. s is the text as typed or read from a
// file, before Clean: Clean drops control characters silently, and a
// name that carried one was most likely pasted from somewhere that also
// mangled something else, so people are asked to type it again instead.
// The reason is Vietnamese, without the field's name (the caller shows it).
func TextProblem(s string, max int) string {
	n := 0
	// Cleaning never makes more characters than s has bytes (NFC turns no
	// character into more characters than its UTF-8 bytes), so the length
	// of most cells needs no Clean: an import checks some 100,000 of them.
	if len(s) > max {
		n = utf8.RuneCountInString(Clean(s))
	}
	return textProblem(s, n, max)
}

// CheckText is TextProblem that also returns Clean(s).
func CheckText(s string, max int) (clean, problem string) {
	clean = Clean(s)
	return clean, textProblem(s, utf8.RuneCountInString(clean), max)
}

// textProblem is the reason for raw text s whose cleaned form has n
// characters. The limit counts the characters that would be stored, not
// the spaces around them or a decomposed spelling.
func textProblem(s string, n, max int) string {
	if n > max {
		return fmt.Sprintf("dài %s ký tự, tối đa %s; hãy rút gọn", groupDigits(n), groupDigits(max))
	}
	if r, ok := HiddenRune(s); ok {
		return fmt.Sprintf("có ký tự ẩn hoặc ký tự điều khiển %U (%s); hãy gõ lại ô này", r, hiddenKind(r))
	}
	return ""
}

// HiddenRune finds the first character of s that people cannot see or
// that changes how the text around it is shown: control characters other
// than white space, bidirectional marks, embeddings, overrides and
// isolates (U+202E shows "gnàH" for "Hàng" and can make a PDF or a
// spreadsheet display a name that is not the stored one), zero-width
// characters, and U+FFFD, which stands for bytes that were not text
// (invalid UTF-8 is reported as U+FFFD too).
func HiddenRune(s string) (rune, bool) {
	for _, r := range s {
		if r < utf8.RuneSelf && r >= 0x20 && r != 0x7f {
			continue // printable ASCII, most of any text
		}
		if hiddenKind(r) != "" {
			return r, true
		}
	}
	return 0, false
}

// hiddenKind names the kind of a hidden character for people; "" when r
// is an ordinary character.
func hiddenKind(r rune) string {
	switch {
	case r == utf8.RuneError:
		return "chữ bị hỏng khi chuyển mã"
	case unicode.IsControl(r) && !unicode.IsSpace(r):
		return "ký tự điều khiển"
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return "ký tự đảo chiều chữ"
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF:
		return "khoảng trắng không nhìn thấy"
	}
	return ""
}

// FormulaLike reports whether s, once trimmed, starts the way a
// spreadsheet formula does (=, +, - or @). Such a name would run as a
// formula in any spreadsheet that a careless export put it into, so names
// are refused when they start so; the application's own workbooks store
// every text as a string anyway.
func FormulaLike(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	return s != "" && strings.ContainsRune("=+-@", rune(s[0]))
}

// NameProblem is TextProblem for a name of max characters, which also may
// not start like a formula.
func NameProblem(s string, max int) string {
	if p := TextProblem(s, max); p != "" {
		return p
	}
	if FormulaLike(s) {
		first := strings.TrimLeftFunc(s, unicode.IsSpace)[:1]
		return fmt.Sprintf("bắt đầu bằng “%s”, giống công thức Excel; hãy bỏ ký tự này", first)
	}
	return ""
}

// TextField is one text field of a form for CheckFields.
type TextField struct {
	Field string // the label people see, e.g. "Họ và tên"
	Value string // as typed, before Clean
	Max   int
	Name  bool // a name: may not start like a formula
}

// CheckFields checks the text fields of a form, one problem per field
// at most, in the order given.
func CheckFields(fields ...TextField) domain.FieldErrors {
	var errs domain.FieldErrors
	for _, f := range fields {
		p := ""
		if f.Name {
			p = NameProblem(f.Value, f.Max)
		} else {
			p = TextProblem(f.Value, f.Max)
		}
		if p != "" && errs.For(f.Field) == "" {
			errs = append(errs, domain.FieldError{Field: f.Field, Msg: p})
		}
	}
	return errs
}

// PersonTextProblems checks every text field of a person against its
// limit and for hidden characters, before Clean.
func PersonTextProblems(p domain.Person) domain.FieldErrors {
	return CheckFields(
		TextField{Field: FieldStaffCode, Value: p.StaffCode, Max: MaxCode},
		TextField{Field: FieldFullName, Value: p.FullName, Max: MaxName, Name: true},
		TextField{Field: FieldCCCD, Value: p.CCCD, Max: MaxCode},
		TextField{Field: FieldPosition, Value: p.Position, Max: MaxPosition},
		TextField{Field: FieldUnit, Value: p.UnitCode, Max: MaxCode},
		TextField{Field: FieldEthnicity, Value: p.Ethnicity, Max: MaxName},
		TextField{Field: FieldNote, Value: p.Note, Max: MaxText},
		TextField{Field: FieldHomeTown, Value: p.HomeTown, Max: MaxAddress},
		TextField{Field: FieldResidence, Value: p.Residence, Max: MaxAddress},
		TextField{Field: FieldReligion, Value: p.Religion, Max: MaxName},
		TextField{Field: FieldEducation, Value: p.Education, Max: MaxPosition},
		TextField{Field: FieldPoliticalTheory, Value: p.PoliticalTheory, Max: MaxName},
		TextField{Field: FieldAcademicRank, Value: p.AcademicRank, Max: MaxPosition},
		TextField{Field: FieldPartyPost, Value: p.PartyPost, Max: MaxPosition},
		TextField{Field: FieldUnionPost, Value: p.UnionPost, Max: MaxPosition},
	)
}

// UnitRecordProblems checks the text a collective's achievement report
// takes from its unit (address and organisations) against its limits and
// for hidden characters, before Clean.
func UnitRecordProblems(u domain.Unit) domain.FieldErrors {
	return CheckFields(
		TextField{Field: FieldUnitAddress, Value: u.Address, Max: MaxAddress},
		TextField{Field: FieldPartyOrg, Value: u.PartyOrg, Max: MaxPosition},
		TextField{Field: FieldUnionOrg, Value: u.UnionOrg, Max: MaxPosition},
		TextField{Field: FieldYouthOrg, Value: u.YouthOrg, Max: MaxPosition},
	)
}

// groupDigits writes n the Vietnamese way, with dots between thousands:
// 31.902.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
