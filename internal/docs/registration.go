package docs

import (
	"fmt"
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// lawBasis is the first Căn cứ of the year's documents.
const lawBasis = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"

// Registration is the office's "Bản đăng ký thi đua" for the year: the
// titles and forms of award its collectives and people aim for, and the
// targets each collective commits to, sent to the parent body at the start
// of the year. Portrait: the tables have four columns.
func Registration(in RegistrationInput) Document {
	p := in.Profile
	office := officeName(p)
	year := strconv.Itoa(in.Year)

	var body []Block
	bases := []string{lawBasis}
	for _, m := range in.Movements {
		if b := movementBasis(m); b != "" {
			bases = append(bases, b)
		}
	}
	body = append(body, CanCu(bases...)...)
	body = append(body, Paragraph{Text: office + " đăng ký danh hiệu thi đua, hình thức khen thưởng và các chỉ tiêu thi đua năm " + year + " như sau:"})

	body = append(body, Heading{Text: "I. ĐĂNG KÝ TẬP THỂ"})
	if len(in.Collectives) == 0 {
		body = append(body, Paragraph{Text: "Không có tập thể đăng ký."})
	} else {
		body = append(body, collectiveTable(in.Collectives))
		if s := awardSummary(collectiveAwards(in.Collectives), "tập thể"); s != "" {
			body = append(body, Paragraph{Text: "Tổng hợp: " + s + "."})
		}
	}

	body = append(body, Heading{Text: "II. ĐĂNG KÝ CÁ NHÂN"})
	if len(in.Individuals) == 0 {
		body = append(body, Paragraph{Text: "Không có cá nhân đăng ký."})
	} else {
		body = append(body, individualTable(in.Individuals))
		s := "Tổng số: " + strconv.Itoa(len(in.Individuals)) + " người đăng ký"
		if sum := awardSummary(individualAwards(in.Individuals), "người"); sum != "" {
			s += "; trong đó: " + sum
		}
		body = append(body, Paragraph{Text: s + "."})
	}

	body = append(body, Paragraph{Text: office + " cam kết tổ chức thực hiện tốt các phong trào thi đua, phấn đấu hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ được giao năm " + year + " và đạt các danh hiệu thi đua, hình thức khen thưởng đã đăng ký./."})

	return nfcDocument(Document{
		Header:     NewHeader(p, Number(in.Number, "ĐK", p.DocNumberCode), in.Date),
		Kind:       "Bản đăng ký thi đua",
		Title:      []string{"Danh hiệu thi đua và hình thức khen thưởng năm " + year},
		KinhGui:    []string{parentName(p)},
		Body:       body,
		Signature:  Signature{Right: directorColumn(p)},
		Recipients: []string{parentName(p) + " (Ban Thi đua - Khen thưởng)", "Các phòng, Bảo hiểm xã hội cơ sở", "Lưu: VT, TĐKT"},
	})
}

func collectiveTable(cs []CollectiveEntry) Table {
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1.1, Align: AlignCenter},
			{Header: "Tên tập thể", Width: 4.2},
			{Header: "Danh hiệu, hình thức đăng ký", Width: 4.2},
			{Header: "Chỉ tiêu cam kết", Width: 5.5},
		},
		RepeatHeader: true,
	}
	for i, c := range cs {
		awards := awardNames(c.Awards)
		if n := clean(c.Note); n != "" {
			awards = append(awards, "("+n+")")
		}
		var targets []string
		for _, tl := range c.Targets {
			targets = append(targets, clean(tl.Target.Name)+": "+Quantity(tl.Planned, tl.Target.Unit))
		}
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), clean(c.Unit.Name), strings.Join(awards, "\n"), strings.Join(targets, "\n")))
	}
	return t
}

func individualTable(ps []IndividualEntry) Table {
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1.1, Align: AlignCenter},
			{Header: "Họ và tên", Width: 4.2},
			{Header: "Chức vụ", Width: 4.2},
			{Header: "Danh hiệu đăng ký", Width: 5.5},
		},
		RepeatHeader: true,
	}
	unit := "\x00"
	for i, e := range ps {
		if u := clean(e.UnitName); u != unit {
			unit = u
			if u == "" {
				u = "Chưa xác định đơn vị"
			}
			t.Rows = append(t.Rows, GroupRow(u))
		}
		awards := awardNames(e.Awards)
		if n := clean(e.Note); n != "" {
			awards = append(awards, "("+n+")")
		}
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), clean(e.Person.FullName), clean(e.Person.Position), strings.Join(awards, "\n")))
	}
	return t
}

func awardNames(as []AwardName) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		if n := awardLabel(a); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func awardLabel(a AwardName) string {
	if n := clean(a.Name); n != "" {
		return n
	}
	return clean(a.Code)
}

func collectiveAwards(cs []CollectiveEntry) [][]AwardName {
	out := make([][]AwardName, len(cs))
	for i, c := range cs {
		out[i] = c.Awards
	}
	return out
}

func individualAwards(ps []IndividualEntry) [][]AwardName {
	out := make([][]AwardName, len(ps))
	for i, p := range ps {
		out[i] = p.Awards
	}
	return out
}

// awardSummary counts the registrations of each award in order of first
// appearance (the input follows the catalogue): "Lao động tiên tiến: 280
// người; Chiến sĩ thi đua cơ sở: 30 người".
func awardSummary(lists [][]AwardName, noun string) string {
	var order []string
	count := map[string]int{}
	for _, l := range lists {
		seen := map[string]bool{}
		for _, a := range l {
			n := awardLabel(a)
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			if count[n] == 0 {
				order = append(order, n)
			}
			count[n]++
		}
	}
	parts := make([]string, len(order))
	for i, n := range order {
		parts[i] = fmt.Sprintf("%s: %d %s", n, count[n], noun)
	}
	return strings.Join(parts, "; ")
}

// movementBasis is the Căn cứ line of a movement: "Căn cứ văn bản số
// 15/KH-BHXH ngày 10/01/2026 của Bảo hiểm xã hội Việt Nam phát động Phong
// trào thi đua …"; "" when the movement has no launching document to cite.
func movementBasis(m domain.Movement) string {
	name := clean(m.Name)
	if name == "" {
		return ""
	}
	s := "Căn cứ"
	if no := clean(m.DocNo); no != "" {
		s += " văn bản số " + no
	}
	if !m.DocDate.IsZero() {
		s += " ngày " + m.DocDate.VN()
	}
	if iss := clean(m.Issuer); iss != "" {
		s += " của " + iss
	}
	if s == "Căn cứ" {
		return "" // nothing to cite: no document launched it
	}
	return s + " phát động " + movementName(name)
}

// movementName reads a movement's name as prose: a name that does not say
// it is a movement is quoted after "phong trào thi đua".
func movementName(name string) string {
	if f := domain.Fold(name); strings.HasPrefix(f, "phong trao") {
		return name
	}
	return "phong trào thi đua “" + name + "”"
}

func officeName(p domain.OfficeProfile) string {
	if n := clean(p.UnitName); n != "" {
		return n
	}
	return "Đơn vị"
}

func parentName(p domain.OfficeProfile) string {
	if n := clean(p.ParentName); n != "" {
		return n
	}
	return "Bảo hiểm xã hội Việt Nam"
}

// directorColumn is the signature of the head of the office; with no
// director recorded the position is printed and the name left for a hand.
func directorColumn(p domain.OfficeProfile) SignatureColumn {
	d := p.Director
	if clean(d.Position) == "" {
		d.Position = "Giám đốc"
	}
	d.Name = clean(d.Name)
	return SignerColumn(d, "Giám đốc")
}
