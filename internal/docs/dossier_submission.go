package docs

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tdkt/internal/domain"
)

// council is the office's Hội đồng Thi đua - Khen thưởng in running text:
// it advises the director on the awards he confers.
const council = "Hội đồng Thi đua - Khen thưởng"

// submission is one Tờ trình of a round with the awards it proposes: the
// council's to the office's director for one award of the office's own
// competence, or the office's to the body above for every award that one
// authority confers.
type submission struct {
	conf   Conferral
	groups []awardGroup
	number string
}

// submissions are the Tờ trình of the round: the council's, one per own
// award, then the office's, one per authority above, numbered from the
// round's number (the council's own register numbers its own).
func submissions(in DossierInput) []submission {
	var own, up []submission
	idx := map[string]int{}
	for _, g := range groups(passed(in.Nominees)) {
		c := in.conferral(g.code)
		if c.Own {
			own = append(own, submission{conf: c, groups: []awardGroup{g}, number: Number(0, "TTr", "HĐTĐKT")})
			continue
		}
		i, ok := idx[c.Authority]
		if !ok {
			i = len(up)
			idx[c.Authority] = i
			n := 0
			if in.Round.Number > 0 {
				n = in.Round.Number + i
			}
			up = append(up, submission{conf: c, number: Number(n, "TTr", in.Profile.DocNumberCode)})
		}
		up[i].groups = append(up[i].groups, g)
	}
	return append(own, up...)
}

func (s submission) own() bool { return s.conf.Own }

// name is what the Tờ trình is filed under: the award for the council's,
// whoever decides for the office's.
func (s submission) name() string {
	if s.own() {
		return "Tờ trình - " + s.groups[0].name
	}
	return "Tờ trình - " + s.conf.Signer
}

func (s submission) entries() []NomineeEntry {
	var out []NomineeEntry
	for _, g := range s.groups {
		out = append(out, g.entries...)
	}
	return out
}

// Dossier is every document of a nomination round, in the order they are
// filed: the Tờ trình (the council's to the director for each award the
// office confers itself, the office's to the body above for each authority
// that confers the others), a Báo cáo thành tích per proposed nominee (but
// for Lao động tiên tiến), the
// council minutes, the vote count and ballots when the vote is secret, the
// list annexed to each Tờ trình sent up and, for the awards the office
// confers itself, the director's Quyết định with its annexed list. Only
// the nominees the council passed are proposed; the minutes show them all.
func Dossier(in DossierInput) []NamedDocument {
	var out []NamedDocument
	subs := submissions(in)
	for _, s := range subs {
		out = append(out, NamedDocument{Name: s.name(), Doc: toTrinh(in, s)})
	}
	for _, e := range passed(in.Nominees) {
		if e.Template == domain.TemplateNone {
			// An award recognised on the list and the council's
			// minutes (Lao động tiên tiến) has no achievement report.
			continue
		}
		out = append(out, NamedDocument{Name: "Báo cáo thành tích - " + entryName(e) + " - " + entryAward(e), Doc: Report(in, e),
			Book: "Báo cáo thành tích - " + entryAward(e)})
	}
	out = append(out, NamedDocument{Name: "Biên bản họp Hội đồng Thi đua - Khen thưởng", Doc: Minutes(in)})
	if secretGroups(in) != nil {
		out = append(out, NamedDocument{Name: "Biên bản kiểm phiếu", Doc: VoteCount(in)})
		for _, b := range Ballots(in) {
			out = append(out, NamedDocument{Name: "Phiếu bầu - " + strings.Join(b.Title, " "), Doc: b, Book: "Phiếu bầu"})
		}
	}
	for _, s := range subs {
		if !s.own() {
			out = append(out, NamedDocument{Name: "Danh sách đề nghị khen thưởng - " + s.conf.Signer, Doc: submissionList(in, s)})
		}
	}
	for _, s := range subs {
		if s.own() {
			g := s.groups[0]
			out = append(out,
				NamedDocument{Name: "Quyết định - " + g.name, Doc: decision(in, g)},
				NamedDocument{Name: "Danh sách kèm theo Quyết định - " + g.name, Doc: decisionList(in, g)},
			)
		}
	}
	for i := range out {
		out[i].Name = clean(out[i].Name)
	}
	return out
}

// ToTrinh is the Tờ trình that proposes the award (Mẫu 01): the council's
// for an award of the office's own, else the office's to whoever confers
// it; an award without passed nominees gives a Tờ trình for no one.
func ToTrinh(in DossierInput, award string) Document {
	for _, s := range submissions(in) {
		for _, g := range s.groups {
			if g.code == award {
				return toTrinh(in, s)
			}
		}
	}
	c := in.conferral(award)
	return toTrinh(in, submission{conf: c, groups: []awardGroup{{code: award, name: award}}, number: Number(0, "TTr", in.Profile.DocNumberCode)})
}

func toTrinh(in DossierInput, s submission) Document {
	if s.own() {
		return councilToTrinh(in, s)
	}
	return officeToTrinh(in, s)
}

// groundsParagraph is the Tờ trình's account of the year and the vote.
func groundsParagraph(in DossierInput, year string) Paragraph {
	return Paragraph{Text: "Năm " + year + ", các tập thể và cá nhân thuộc " + officeName(in.Profile) +
		" đã tích cực hưởng ứng các phong trào thi đua, hoàn thành tốt các chỉ tiêu, nhiệm vụ được giao. Trên cơ sở thành tích đạt được và kết quả bình xét, bỏ phiếu của " + council + councilDate(in) + ","}
}

// namesParagraph names the nominees in the letter itself when they are few.
func namesParagraph(es []NomineeEntry) []Block {
	if len(es) == 0 || len(es) > 10 {
		return nil
	}
	var names []string
	for _, e := range es {
		names = append(names, entryName(e))
	}
	return []Block{Paragraph{Text: "Gồm: " + strings.Join(names, "; ") + "."}}
}

// councilToTrinh is the council's Tờ trình to the office's director for an
// award he confers: under the council's own header and number, signed for
// the council by its standing vice-chair (ký thay the chair, who is the
// director) or by the chair.
func councilToTrinh(in DossierInput, s submission) Document {
	p := in.Profile
	g := s.groups[0]
	year := strconv.Itoa(in.Round.Year)
	phrase := awardPhrase(g.code, g.name)
	to := directorTitle(p)
	verb := "tặng "
	if IsTitle(g.code) {
		verb = "công nhận "
	}
	nc, np := g.counts()
	var body []Block
	body = append(body, CanCu(append(in.bases(), minutesBasis(in))...)...)
	body = append(body, groundsParagraph(in, year))
	body = append(body, Paragraph{Text: council + " kính đề nghị " + to + " xem xét, " + verb + phrase + " năm " + year +
		" cho " + subjectsPhrase(nc, np) + " (có danh sách và báo cáo thành tích kèm theo)."})
	body = append(body, namesParagraph(g.entries)...)
	body = append(body, Paragraph{Text: council + " kính trình " + to + " xem xét, quyết định./."})

	h := councilHeader(in, s.number)
	h.Date = in.Round.Date
	return nfcDocument(Document{
		Header:     h,
		Kind:       "TỜ TRÌNH",
		Title:      []string{"Về việc đề nghị " + verb + phrase + " năm " + year},
		KinhGui:    []string{to},
		Body:       body,
		Signature:  Signature{Right: councilSigner(in.Council)},
		Recipients: []string{"Như trên", "Lưu: VT, HĐTĐKT"},
	})
}

// officeToTrinh is the office's Tờ trình to the body above for the awards
// one authority confers: addressed to the body that submits them (Via),
// asking it to submit them to whoever decides (Signer); when that body's
// own head decides, asking him directly. Signed by the office's director.
func officeToTrinh(in DossierInput, s submission) Document {
	office := officeName(in.Profile)
	year := strconv.Itoa(in.Round.Year)
	to, signer := s.conf.Via, s.conf.Signer
	ask := office + " kính đề nghị " + to + " xem xét, trình " + signer + " "
	closing := office + " kính trình " + to + " xem xét, trình " + signer + " quyết định./."
	if to == "" || strings.Contains(domain.Fold(signer), domain.Fold(to)) {
		if to == "" {
			to = signer
		}
		ask = office + " kính đề nghị " + signer + " xem xét, "
		closing = office + " kính trình " + signer + " xem xét, quyết định./."
	}
	return officeDoc(in, s, to, year, officeBody(in, s, year, ask, closing))
}

func officeBody(in DossierInput, s submission, year, ask, closing string) []Block {
	var body []Block
	body = append(body, CanCu(append(in.bases(), minutesBasis(in))...)...)
	body = append(body, groundsParagraph(in, year))
	if len(s.groups) == 1 {
		g := s.groups[0]
		nc, np := g.counts()
		body = append(body, Paragraph{Text: ask + "tặng " + awardPhrase(g.code, g.name) + " năm " + year +
			" cho " + subjectsPhrase(nc, np) + " (có danh sách và báo cáo thành tích kèm theo)."})
		body = append(body, namesParagraph(g.entries)...)
	} else {
		body = append(body, Paragraph{Text: ask + "khen thưởng năm " + year + " cho các tập thể, cá nhân sau (có danh sách và báo cáo thành tích kèm theo):"})
		for i, g := range s.groups {
			nc, np := g.counts()
			end := ";"
			if i == len(s.groups)-1 {
				end = "."
			}
			body = append(body, Paragraph{Text: "- " + upperFirst(awardPhrase(g.code, g.name)) + ": " + subjectsPhrase(nc, np) + end})
		}
	}
	return append(body, Paragraph{Text: closing})
}

func officeDoc(in DossierInput, s submission, to, year string, body []Block) Document {
	p := in.Profile
	var phrases []string
	for _, g := range s.groups {
		phrases = append(phrases, awardPhrase(g.code, g.name))
	}
	return nfcDocument(Document{
		Header:     NewHeader(p, s.number, in.Round.Date),
		Kind:       "TỜ TRÌNH",
		Title:      []string{"Về việc đề nghị tặng " + strings.Join(phrases, ", ") + " năm " + year},
		KinhGui:    []string{to},
		Body:       body,
		Signature:  Signature{Right: directorColumn(p)},
		Recipients: []string{"Như trên", "Lưu: VT, TĐKT"},
	})
}

// upperFirst capitalises the first letter.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
