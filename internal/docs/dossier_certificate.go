package docs

import (
	"strconv"

	"tdkt/internal/domain"
)

// Certificate is the variable text of one Giấy khen printed on a
// pre-printed blank: who, of which unit, for what, by which decision, and
// the place and date of signing.
type Certificate struct {
	Name     string // "Bà Lê Thị Ánh" or the collective's name
	Unit     string // "Phòng Quản lý thu, Bảo hiểm xã hội tỉnh Hà Tĩnh"
	Reason   string // "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
	Decision string // "Quyết định số 15/QĐ-BHXH"
	Date     string // "Hà Tĩnh, ngày 10 tháng 01 năm 2026"
}

// Certificates are the Giấy khen of the round: one per passed nominee of
// the Giấy khen (code GK), collectives first as in the round, under
// decision number decisionNo (0 leaves it blank) signed on day.
func Certificates(in DossierInput, decisionNo int, day domain.Date) []Certificate {
	p := in.Profile
	var out []Certificate
	for _, e := range passed(in.Nominees) {
		if e.Nominee.Award != codeGK {
			continue
		}
		c := Certificate{
			Name:     entryName(e),
			Reason:   "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm " + strconv.Itoa(in.Round.Year),
			Decision: "Quyết định số " + Number(decisionNo, "QĐ", p.DocNumberCode),
			Date:     DateLine(p.Place, day),
		}
		if isCollective(e) {
			c.Unit = officeName(p)
		} else {
			switch e.Person.Gender {
			case domain.Male:
				c.Name = "Ông " + c.Name
			case domain.Female:
				c.Name = "Bà " + c.Name
			}
			c.Unit = entryUnit(e)
			if c.Unit != "" && domain.Fold(c.Unit) != domain.Fold(officeName(p)) {
				c.Unit += ", " + officeName(p)
			}
		}
		c.Name, c.Unit, c.Reason, c.Decision, c.Date = clean(c.Name), clean(c.Unit), clean(c.Reason), clean(c.Decision), clean(c.Date)
		out = append(out, c)
	}
	return out
}
