package docs

import (
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// Certificate is the variable text of one Giấy khen printed on a
// pre-printed blank: who, of which unit, for what, by which decision, the
// place and date of signing, and who signs.
type Certificate struct {
	Name     string // "Bà Lê Thị Ánh" or the collective's name
	Unit     string // "Phòng Quản lý thu, Bảo hiểm xã hội tỉnh Hà Tĩnh"
	Reason   string // "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
	Decision string // "Quyết định số 15/QĐ-BHXH"
	Date     string // "Hà Tĩnh, ngày 10 tháng 01 năm 2026"
	// SignerTitle is printed above the signature, a line each: "GIÁM ĐỐC",
	// or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" when a deputy signs for the director.
	SignerTitle string
	SignerName  string // "Nguyễn Văn Hùng", under the signature and seal
}

// Certificates are the Giấy khen of the round: one per passed nominee of
// the Giấy khen (code GK), collectives first as in the round, under
// decision number decisionNo as the clerk enters it (digits, a full số, ký
// hiệu, or "" for a blank the văn thư fills; see DocNumber) signed on day, by the
// signer of the round's Giấy khen decision (the director unless recorded
// otherwise).
//
// A zero day takes the decision's date as recorded. Without one, the day
// and month are left for a hand but the year never is: a Giấy khen is not
// signed in a year nobody can tell afterwards. It is the year of the
// round's Tờ trình, or else the year after the one assessed, when the
// director decides after the council.
func Certificates(in DossierInput, decisionNo string, day domain.Date) []Certificate {
	p := in.Profile
	day = certificateDate(in, day)
	signer := certificateSigner(in)
	title := signer.Position
	if signer.Authority != "" {
		title = signer.Authority + "\n" + title
	}
	var out []Certificate
	for _, e := range passed(in.Nominees) {
		if e.Nominee.Award != codeGK {
			continue
		}
		c := Certificate{
			Name:        entryName(e),
			Reason:      "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm " + strconv.Itoa(in.Round.Year),
			Decision:    "Quyết định số " + DocNumber(decisionNo, "QĐ", p.DocNumberCode),
			Date:        DateLine(p.Place, day),
			SignerTitle: title,
			SignerName:  signer.Name,
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
		c.SignerTitle, c.SignerName = clean(c.SignerTitle), clean(c.SignerName)
		out = append(out, c)
	}
	return out
}

// certificateDate is the signing date of the Giấy khen: day if given,
// else the decision's recorded date, else only a year (see Certificates).
func certificateDate(in DossierInput, day domain.Date) domain.Date {
	if !day.IsZero() {
		return day
	}
	if d := in.Decisions[codeGK].Date; !d.IsZero() {
		return d
	}
	if y := in.Round.Date.Year; y > 0 {
		return domain.Date{Year: y}
	}
	return domain.Date{Year: in.Round.Year + 1}
}

// certificateSigner is who signs the round's Giấy khen: the signer
// recorded with its decision, found among the office's director and
// deputies for the title, else the director. A recorded name that is
// neither is taken for a deputy signing for the director (KT.), unless the
// office has no director on record.
func certificateSigner(in DossierInput) SignatureColumn {
	p := in.Profile
	name := clean(in.Decisions[codeGK].Signer)
	if name == "" || domain.Fold(name) == domain.Fold(p.Director.Name) {
		return directorColumn(p)
	}
	for _, d := range p.Deputies {
		if domain.Fold(clean(d.Name)) == domain.Fold(name) {
			return deputyColumn(d)
		}
	}
	if strings.TrimSpace(p.Director.Name) == "" {
		return directorColumn(domain.OfficeProfile{Director: domain.Signer{Name: name, Position: p.Director.Position}})
	}
	return deputyColumn(domain.Signer{Name: name})
}

// deputyColumn is a deputy signing for the director; without a recorded
// position the deputy is a Phó Giám đốc.
func deputyColumn(d domain.Signer) SignatureColumn {
	d.Name, d.Position = clean(d.Name), clean(d.Position)
	if d.Position == "" {
		d.Position = "Phó Giám đốc"
	}
	return SignerColumn(d, "Giám đốc")
}
