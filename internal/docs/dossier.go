package docs

import (
	"slices"
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// NamedDocument is one document of a dossier with the name it is filed
// under: "Tờ trình - Chiến sĩ thi đua cơ sở", "Báo cáo thành tích - Lê Thị
// Ánh". The name is Vietnamese with diacritics (NFC); the caller makes a
// safe file name of it.
type NamedDocument struct {
	Name string
	Doc  Document
	// Book groups documents printed together into one file named Book
	// (the achievement reports of one award); "" for a file of its own.
	Book string
}

// DossierFile is one file of a dossier: a document of its own, or the
// documents of a book printed one after the other.
type DossierFile struct {
	Name string
	Docs []Document
}

// Files groups a dossier's documents into the files a clerk prints: one
// per document, the documents of a book together, in the order of their
// first document.
func Files(nds []NamedDocument) []DossierFile {
	var files []DossierFile
	book := map[string]int{}
	for _, nd := range nds {
		if nd.Book == "" {
			files = append(files, DossierFile{Name: nd.Name, Docs: []Document{nd.Doc}})
			continue
		}
		i, ok := book[nd.Book]
		if !ok {
			i = len(files)
			book[nd.Book] = i
			files = append(files, DossierFile{Name: nd.Book})
		}
		files[i].Docs = append(files[i].Docs, nd.Doc)
	}
	return files
}

// Award codes the dossier treats specially.
const (
	codeLDTT   = "LDTT"
	codeCSTDCS = "CSTDCS"
	codeTTLDTT = "TTLDTT"
	codeGK     = "GK"
)

// titleCodes are the emulation titles (danh hiệu thi đua); every other
// award is a form of award (hình thức khen thưởng). Section III of a
// Báo cáo thành tích lists the two in separate tables.
var titleCodes = map[string]bool{
	"LDTT": true, "CSTDCS": true, "CSTD_BO": true, "CSTD_TQ": true,
	"TTLDTT": true, "TTLDXS": true, "CO_BO": true, "CO_CP": true,
}

// IsTitle reports whether the award code is an emulation title.
func IsTitle(code string) bool { return titleCodes[code] }

// Bonus multiples of the base salary (lương cơ sở) for the awards the office
// confers, NĐ 98/2023 and NĐ 152/2025 Art 54 (titles) and Art 55 (Giấy khen).
var ownBonus = map[string][2]float64{ // [person, collective]
	codeLDTT:   {0.3, 0},
	codeCSTDCS: {1.0, 0},
	codeTTLDTT: {0, 0.8},
	codeGK:     {0.3, 0.6},
}

// awardGroup is the nominees of one award, in round order.
type awardGroup struct {
	code, name string
	entries    []NomineeEntry
}

func (g awardGroup) counts() (collectives, people int) {
	for _, e := range g.entries {
		if isCollective(e) {
			collectives++
		} else {
			people++
		}
	}
	return
}

func isCollective(e NomineeEntry) bool {
	return e.Nominee.Subject.Kind == domain.SubjectCollective
}

// groups splits the entries by award in order of first appearance.
func groups(es []NomineeEntry) []awardGroup {
	var out []awardGroup
	idx := map[string]int{}
	for _, e := range es {
		k := e.Nominee.Award
		if k == "" {
			k = clean(e.AwardName)
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, awardGroup{code: e.Nominee.Award, name: entryAward(e)})
		}
		out[i].entries = append(out[i].entries, e)
	}
	return out
}

func entryAward(e NomineeEntry) string {
	if n := clean(e.AwardName); n != "" {
		return n
	}
	if n := clean(e.Awards[e.Nominee.Award]); n != "" {
		return n
	}
	return clean(e.Nominee.Award)
}

// passed are the nominees the council approved: the ones the dossier
// proposes.
func passed(es []NomineeEntry) []NomineeEntry {
	var out []NomineeEntry
	for _, e := range es {
		if e.Passed {
			out = append(out, e)
		}
	}
	return out
}

// entryName is the full name of the person or the collective.
func entryName(e NomineeEntry) string {
	if isCollective(e) {
		if n := clean(e.Unit.Name); n != "" {
			return n
		}
		if n := clean(e.UnitName); n != "" {
			return n
		}
		return clean(e.Nominee.Subject.Code)
	}
	if n := clean(e.Person.FullName); n != "" {
		return n
	}
	return clean(e.Nominee.Subject.Code)
}

// entryUnit is the unit a person works in.
func entryUnit(e NomineeEntry) string {
	if n := clean(e.UnitName); n != "" {
		return n
	}
	return clean(e.Unit.Name)
}

// awardPhrase is how prose names an award: a title is "danh hiệu Chiến sĩ
// thi đua cơ sở", a form of award its own name ("Giấy khen").
func awardPhrase(code, name string) string {
	if IsTitle(code) && !strings.HasPrefix(domain.Fold(name), "danh hieu") {
		return "danh hiệu " + name
	}
	return name
}

// subjectsPhrase is "3 tập thể và 12 cá nhân", leaving out a zero part.
func subjectsPhrase(collectives, people int) string {
	var parts []string
	if collectives > 0 {
		parts = append(parts, strconv.Itoa(collectives)+" tập thể")
	}
	if people > 0 {
		parts = append(parts, strconv.Itoa(people)+" cá nhân")
	}
	if len(parts) == 0 {
		return "0 cá nhân"
	}
	return strings.Join(parts, " và ")
}

// Pct is a vote share the Vietnamese way, one decimal at most: "88,9%",
// "100%".
func Pct(x float64) string { return FormatShort(x, 1) + "%" }

// bases are the Căn cứ lines of the round's regime, a fresh slice.
func (in DossierInput) bases() []string { return slices.Clone(in.Citations) }

// decree is the decree among the regime's texts ("Nghị định số
// 152/2025/NĐ-CP"): what details the Law, and sets the bonuses.
func (in DossierInput) decree() string {
	for _, c := range in.Citations {
		if i := strings.Index(c, "Nghị định số "); i >= 0 {
			rest := c[i+len("Nghị định số "):]
			if j := strings.IndexByte(rest, ' '); j > 0 {
				rest = rest[:j]
			}
			return "Nghị định số " + rest
		}
	}
	return "nghị định quy định chi tiết Luật Thi đua, khen thưởng"
}

// decreeCitation is the decree's Căn cứ line without "Căn cứ", as prose
// cites it.
func (in DossierInput) decreeCitation() string {
	for _, c := range in.Citations {
		if strings.Contains(c, "Nghị định số ") {
			return strings.TrimPrefix(clean(c), "Căn cứ ")
		}
	}
	return in.decree()
}

// minutesBasis cites the council meeting.
func minutesBasis(in DossierInput) string {
	s := "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng " + officeName(in.Profile)
	if !in.Council.Date.IsZero() {
		s += " ngày " + in.Council.Date.VN()
	}
	return s
}

// directorTitle is "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh".
func directorTitle(p domain.OfficeProfile) string {
	p.UnitName = officeName(p)
	return p.DirectorTitle()
}

func councilDate(in DossierInput) string {
	if in.Council.Date.IsZero() {
		return ""
	}
	return " ngày " + in.Council.Date.VN()
}

// Council roles, read from the free-text role of each member.
func isChair(m domain.CouncilMember) bool {
	return strings.HasPrefix(domain.Fold(clean(m.Role)), "chu tich")
}

func isViceChair(m domain.CouncilMember) bool {
	return strings.HasPrefix(domain.Fold(clean(m.Role)), "pho chu tich")
}

func isSecretary(m domain.CouncilMember) bool {
	return strings.Contains(domain.Fold(clean(m.Role)), "thu ky")
}

func findMember(c domain.Council, pred func(domain.CouncilMember) bool) (domain.CouncilMember, bool) {
	for _, m := range c.Members {
		if pred(m) && m.Present {
			return m, true
		}
	}
	for _, m := range c.Members {
		if pred(m) {
			return m, true
		}
	}
	return domain.CouncilMember{}, false
}

// councilSigner signs for the council: the standing vice-chair when there
// is one, ký thay the chair (the director the letter goes to).
func councilSigner(c domain.Council) SignatureColumn {
	col := SignatureColumn{Authority: "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"}
	if m, ok := findMember(c, isViceChair); ok {
		col.Authority += "\nKT. CHỦ TỊCH"
		col.Position, col.Name = "PHÓ CHỦ TỊCH", clean(m.Name)
	} else if m, ok := findMember(c, isChair); ok {
		col.Position, col.Name = "CHỦ TỊCH", clean(m.Name)
	} else {
		col.Position = "CHỦ TỊCH"
	}
	return col
}

// paragraphs turns an edited text into body paragraphs, one per line.
func paragraphs(text, fallback string) []Block {
	var out []Block
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = clean(l); l != "" {
			out = append(out, Paragraph{Text: l})
		}
	}
	if len(out) == 0 && fallback != "" {
		out = append(out, Paragraph{Text: fallback})
	}
	return out
}
