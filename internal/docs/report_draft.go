package docs

import (
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// DraftReport drafts the editable sections of a nominee's achievement
// report from the records: the duties, the achievements and the Party and
// union work. It says what the records say about the work (the ratings of
// the years the report looks at, the targets met, the initiatives), and
// leaves to the report's own tables what they print (the targets year by
// year, the initiatives' decisions, the awards already received), so that
// no line is said twice. A one-off achievement is not in the records: its
// report's text is the clerk's.
func DraftReport(p domain.OfficeProfile, e NomineeEntry) domain.ReportText {
	if e.Template == domain.TemplateOneOff {
		return domain.ReportText{Duties: draftDuties(p, e)}
	}
	var ach []string
	if s := ratingNarrative(e); s != "" {
		ach = append(ach, s)
	}
	if s := targetsMet(e); s != "" {
		ach = append(ach, s)
	}
	if s := initiativeNarrative(e); s != "" {
		ach = append(ach, s)
	}
	if e.PendingCSTDCS && !isCollective(e) {
		ach = append(ach, "Năm "+strconv.Itoa(e.To)+" được đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở trong cùng đợt xét.")
	}
	if len(ach) == 0 && e.To > 0 {
		ach = append(ach, "Năm "+strconv.Itoa(e.To)+" hoàn thành các nhiệm vụ được giao.")
	}
	return domain.ReportText{Duties: draftDuties(p, e), Achievements: strings.Join(ach, "\n"), Policy: draftPolicy(e)}
}

// reportFrom is the first year a report looks at: the award's period, and
// at least the last three years.
func reportFrom(e NomineeEntry) int {
	from := e.From
	if from == 0 || from > e.To-2 {
		from = e.To - 2
	}
	return from
}

func draftDuties(p domain.OfficeProfile, e NomineeEntry) string {
	if isCollective(e) {
		s := entryName(e) + " thực hiện chức năng, nhiệm vụ theo quy định của " + parentName(p)
		if e.Unit.Kind != domain.UnitProvince && domain.Fold(entryName(e)) != domain.Fold(officeName(p)) {
			s += " và phân công của " + officeName(p)
		}
		return s + "."
	}
	unit := entryUnit(e)
	if unit == "" {
		unit = officeName(p)
	}
	pos := clean(e.Person.Position)
	if pos == "" {
		return "Thực hiện nhiệm vụ theo chức năng của " + unit + " và sự phân công của lãnh đạo đơn vị."
	}
	return "Là " + lowerFirst(pos) + " " + unit + ", thực hiện nhiệm vụ theo chức năng của đơn vị và sự phân công của lãnh đạo."
}

func draftPolicy(e NomineeEntry) string {
	if isCollective(e) {
		s := "Tập thể chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và quy định của ngành; nội bộ đoàn kết"
		var orgs []string
		for _, o := range []string{e.Unit.PartyOrg, e.Unit.UnionOrg, e.Unit.YouthOrg} {
			if o = clean(o); o != "" {
				orgs = append(orgs, o)
			}
		}
		if len(orgs) > 0 {
			s += "; " + strings.Join(orgs, ", ") + " hoạt động tích cực, hoàn thành tốt nhiệm vụ"
		}
		return s + "."
	}
	s := "Chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và quy định của ngành; giữ gìn phẩm chất đạo đức, lối sống"
	var posts []string
	for _, x := range []string{e.Person.PartyPost, e.Person.UnionPost} {
		if x = clean(x); x != "" {
			posts = append(posts, lowerFirst(x))
		}
	}
	if len(posts) > 0 {
		s += "; với cương vị " + strings.Join(posts, ", ") + ", tích cực xây dựng tổ chức Đảng, đoàn thể vững mạnh"
	} else {
		s += "; tích cực tham gia các hoạt động của tổ chức Đảng, Công đoàn, Đoàn Thanh niên"
	}
	return s + "."
}

// ratingNarrative: "Được đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ
// các năm 2024, 2025 và hoàn thành tốt nhiệm vụ năm 2023."
func ratingNarrative(e NomineeEntry) string {
	from := reportFrom(e)
	byRating := map[domain.Rating][]int{}
	for _, r := range e.Ratings {
		if r.Year >= from && r.Year <= e.To && r.Rating.Label() != "" {
			byRating[r.Rating] = append(byRating[r.Rating], r.Year)
		}
	}
	var parts []string
	for _, r := range domain.Ratings {
		ys := byRating[r]
		if len(ys) == 0 {
			continue
		}
		s := strings.ToLower(r.Label())
		if len(ys) == 1 {
			s += " năm " + strconv.Itoa(ys[0])
		} else {
			s += " các năm " + yearList(ys)
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return ""
	}
	who := "Được"
	if isCollective(e) {
		who = "Tập thể được"
	}
	return who + " đánh giá, xếp loại " + joinAnd(parts) + "."
}

// targetsMet: how many targets the collective met over the years of
// the report; the table under it gives each.
func targetsMet(e NomineeEntry) string {
	var met, all int
	var missed []string
	years := map[int]bool{}
	for _, tl := range e.Targets {
		if !tl.HasActual {
			continue
		}
		all++
		years[tl.Year] = true
		if _, ok := tl.Target.Achieved(tl.Planned, tl.Actual); ok {
			met++
		} else {
			missed = append(missed, clean(tl.Target.Name)+" năm "+strconv.Itoa(tl.Year))
		}
	}
	if all == 0 {
		return ""
	}
	when := "Năm " + strconv.Itoa(e.To)
	if len(years) > 1 {
		when = "Giai đoạn " + strconv.Itoa(reportFrom(e)) + " - " + strconv.Itoa(e.To)
	}
	if !isCollective(e) {
		// A person's share in her unit's results: the table is the
		// unit's report's.
		return when + ", cùng tập thể " + entryUnit(e) + " hoàn thành " + strconv.Itoa(met) + "/" + strconv.Itoa(all) + " chỉ tiêu được giao."
	}
	s := when + ", đơn vị hoàn thành " + strconv.Itoa(met) + "/" + strconv.Itoa(all) + " chỉ tiêu được giao"
	if len(missed) > 0 {
		s += "; chưa đạt: " + strings.Join(missed, "; ")
	}
	return s + " (kết quả từng chỉ tiêu tại bảng dưới đây)."
}

// initiativeNarrative counts the initiatives the report's table lists.
func initiativeNarrative(e NomineeEntry) string {
	n := len(e.Initiatives)
	if n == 0 {
		return ""
	}
	who := "Là tác giả, đồng tác giả của "
	if isCollective(e) {
		who = "Đơn vị có "
	}
	return who + strconv.Itoa(n) + " sáng kiến được cấp có thẩm quyền công nhận và áp dụng có hiệu quả trong thực hiện nhiệm vụ."
}

// joinAnd joins "a", "b", "c" as "a, b và c".
func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " và " + parts[len(parts)-1]
}

// lowerFirst lower-cases the first letter: "Trưởng phòng" → "trưởng phòng".
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
