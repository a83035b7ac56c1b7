package docs

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tdkt/internal/domain"
)

// reportKinds are nominees of the sample round reported on the forms other
// than công trạng: a one-off achievement, a career of dedication, a
// thematic round's collective, the Government's flag and the national
// emulation soldier.
func reportKinds(in DossierInput) map[string]NomineeEntry {
	var person, unit NomineeEntry
	for _, e := range in.Nominees {
		if isCollective(e) && e.Unit.Kind == domain.UnitGrassroots && unit.Unit.Code == "" {
			unit = e
		}
		if !isCollective(e) && person.Person.ID == 0 {
			person = e
		}
	}
	oneOff := person
	oneOff.Template, oneOff.Nominee.Award, oneOff.AwardName = domain.TemplateOneOff, "GK", "Giấy khen"
	oneOff.Nominee.Report = domain.ReportText{Achievements: "Ngày 12/8/2025, trong khi giám định hồ sơ thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế, phát hiện 37 hồ sơ đề nghị thanh toán trùng lặp tại một cơ sở khám bệnh, chữa bệnh.\nKịp thời báo cáo, đề xuất thu hồi 412,6 triệu đồng cho quỹ bảo hiểm y tế."}

	dedication := person
	dedication.Template, dedication.Nominee.Award, dedication.AwardName = domain.TemplateDedication, "HCLD3", "Huân chương Lao động hạng Ba"
	dedication.Nominee.Report = domain.ReportText{
		Duties:       "Qua 35 năm công tác, đã giữ các chức vụ lãnh đạo cấp phòng và cấp cơ sở của ngành Bảo hiểm xã hội.",
		Achievements: "Trực tiếp chỉ đạo công tác thu, phát triển người tham gia bảo hiểm xã hội trên địa bàn; số người tham gia tăng gấp 3 lần trong giai đoạn giữ chức vụ.",
	}
	dedication.Career = []CareerLine{
		{From: domain.NewDate(1990, time.March, 1), To: domain.NewDate(2005, time.June, 30), Position: "Chuyên viên", Unit: "Phòng Thu, Bảo hiểm xã hội tỉnh Hà Tĩnh"},
		{From: domain.NewDate(2005, time.July, 1), To: domain.NewDate(2015, time.December, 31), Position: "Phó Trưởng phòng", Unit: "Phòng Thu, Bảo hiểm xã hội tỉnh Hà Tĩnh"},
		{From: domain.NewDate(2016, time.January, 1), Position: "Trưởng phòng", Unit: "Phòng Quản lý thu và Phát triển người tham gia"},
	}

	thematic := unit
	thematic.Template, thematic.Nominee.Award, thematic.AwardName = domain.TemplateThematic, "GK", "Giấy khen"
	thematic.Nominee.Report = domain.ReportText{
		Duties:       unit.Nominee.Report.Duties,
		Achievements: "Hưởng ứng phong trào thi đua “Chung tay bao phủ bảo hiểm y tế toàn dân”, đơn vị phát triển mới 2.150 người tham gia bảo hiểm y tế hộ gia đình.",
	}

	flag := unit
	flag.Template, flag.Nominee.Award, flag.AwardName = domain.TemplateGovFlag, "CO_CP", "Cờ thi đua của Chính phủ"
	national := person
	national.Template, national.Nominee.Award, national.AwardName = domain.TemplateNationalSE, "CSTD_TQ", "Chiến sĩ thi đua toàn quốc"
	return map[string]NomineeEntry{
		"dot-xuat": oneOff, "cong-hien": dedication, "chuyen-de": thematic, "co-thi-dua-chinh-phu": flag, "chien-si-thi-dua-toan-quoc": national,
	}
}

func TestReport_KindsHaveTheirSections(t *testing.T) {
	in := decomposed(14)
	ks := reportKinds(in)
	for name, wants := range map[string][]string{
		"dot-xuat": {"BÁO CÁO THÀNH TÍCH ĐỘT XUẤT ĐỀ NGHỊ TẶNG GIẤY KHEN", "I. SƠ LƯỢC LÝ LỊCH", "II. TÓM TẮT THÀNH TÍCH ĐỘT XUẤT",
			"phát hiện 37 hồ sơ đề nghị thanh toán trùng lặp"},
		"cong-hien": {"BÁO CÁO THÀNH TÍCH QUÁ TRÌNH CỐNG HIẾN", "II. QUÁ TRÌNH CÔNG TÁC", "03/1990 - 06/2005 | Chuyên viên",
			"01/2016 - nay | Trưởng phòng", "III. THÀNH TÍCH ĐẠT ĐƯỢC TRONG QUÁ TRÌNH CÔNG TÁC", "IV. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"},
		"chuyen-de":                  {"BÁO CÁO THÀNH TÍCH THEO CHUYÊN ĐỀ", "II. THÀNH TÍCH ĐẠT ĐƯỢC TRONG PHONG TRÀO THI ĐUA THEO CHUYÊN ĐỀ", "2.150 người"},
		"co-thi-dua-chinh-phu":       {"CỜ THI ĐUA CỦA CHÍNH PHỦ", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"},
		"chien-si-thi-dua-toan-quoc": {"DANH HIỆU CHIẾN SĨ THI ĐUA TOÀN QUỐC", "2. Thành tích đạt được"},
	} {
		txt := dtexts(Report(in, ks[name]))
		for _, w := range wants {
			if !strings.Contains(txt, w) {
				t.Errorf("%s: lacks %q:\n%s", name, w, txt)
			}
		}
	}
	// A one-off achievement is told on its own: the form has no section
	// of the awards received, nor the duties of the post.
	oneOff := dtexts(Report(in, ks["dot-xuat"]))
	for _, not := range []string{"CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "Quyền hạn, nhiệm vụ được giao"} {
		if strings.Contains(oneOff, not) {
			t.Errorf("đột xuất report has %q", not)
		}
	}
}

// TestReport_PersonRecord: section I gives every fact of the form that is
// on record, and leaves out, rather than printing blank, what is not;
// MissingRecord names those for the checklist.
func TestReport_PersonRecord(t *testing.T) {
	in := decomposed(14)
	var e NomineeEntry
	for _, x := range in.Nominees {
		if !isCollective(x) && x.Template != domain.TemplateNone {
			e = x
			break
		}
	}
	e.Person.PartyPost, e.Person.UnionPost, e.Person.AcademicRank = "Bí thư Chi bộ", "Tổ trưởng Công đoàn", "Thạc sĩ Quản lý kinh tế"
	txt := dtexts(Report(in, e))
	for _, w := range []string{"- Quê quán: Xã Thạch Hà, tỉnh Hà Tĩnh.", "- Trú quán: Phường Thành Sen, tỉnh Hà Tĩnh.", "- Dân tộc: Kinh.", "- Tôn giáo: Không.",
		"- Chức vụ (Đảng, chính quyền, đoàn thể): Bí thư Chi bộ; " + e.Person.Position + "; Tổ trưởng Công đoàn.",
		"- Trình độ chuyên môn, nghiệp vụ: Cử nhân Kinh tế.", "- Trình độ lý luận chính trị: Trung cấp.", "- Học hàm, học vị: Thạc sĩ Quản lý kinh tế."} {
		if !strings.Contains(txt, w) {
			t.Errorf("section I lacks %q", w)
		}
	}
	if m := MissingRecord(e); len(m) != 0 {
		t.Errorf("nothing is missing, got %v", m)
	}
	e.Person.HomeTown, e.Person.Residence = "", " "
	txt = dtexts(Report(in, e))
	if strings.Contains(txt, "Quê quán") || strings.Contains(txt, "Trú quán") {
		t.Error("an empty fact is printed")
	}
	if m := MissingRecord(e); strings.Join(m, ",") != "quê quán,trú quán" {
		t.Errorf("missing %v", m)
	}
	var u NomineeEntry
	for _, x := range in.Nominees {
		if isCollective(x) {
			u = x
			break
		}
	}
	ut := dtexts(Report(in, u))
	for _, w := range []string{"Trụ sở: Số 8 đường Phan Đình Phùng", "đến ngày 31/12/2025: 24 người, trong đó nữ 13 người", "Tổ chức Đảng, đoàn thể: Đảng bộ Bảo hiểm xã hội tỉnh Hà Tĩnh"} {
		if !strings.Contains(ut, w) {
			t.Errorf("section I.1 lacks %q", w)
		}
	}
	u.Unit.Address, u.Unit.PartyOrg, u.Unit.UnionOrg = "", "", ""
	if m := MissingRecord(u); strings.Join(m, ",") != "địa chỉ trụ sở,tổ chức Đảng, đoàn thể" {
		t.Errorf("missing %v", m)
	}
}

// TestDraftReport_SaysNothingTwice: the drafted text and the report's own
// tables and lines never print the same line twice, the ratings are said
// once, and the target table spans the years the award looks at.
func TestDraftReport_SaysNothingTwice(t *testing.T) {
	in := decomposed(60)
	for _, e := range in.Nominees {
		if e.Template == domain.TemplateNone || !e.Passed {
			continue
		}
		e.From = e.To - 1
		var ts []TargetLine
		for _, y := range []int{e.To - 1, e.To} {
			for _, tl := range e.Targets {
				tl.Year = y
				ts = append(ts, tl)
			}
		}
		e.Targets = ts
		e.Nominee.Report = DraftReport(in.Profile, e)
		d := Report(in, e)
		for _, l := range repeatedLines(d) {
			t.Errorf("%s: %q said twice", entryName(e), l)
		}
		if txt := dtexts(d); strings.Count(txt, "xếp loại") > 1 {
			t.Errorf("%s: the ratings said more than once:\n%s", entryName(e), txt)
		}
		if isCollective(e) {
			if txt := dtexts(d); !strings.Contains(txt, "| "+strconv.Itoa(e.To-1)+" | Tỷ lệ bao phủ BHYT") || !strings.Contains(txt, "Giai đoạn "+strconv.Itoa(e.To-2)+" - "+strconv.Itoa(e.To)+", đơn vị hoàn thành") {
				t.Errorf("%s: the targets of the period are not there:\n%s", entryName(e), txt)
			}
		}
	}
}

// repeatedLines are the body paragraphs printed twice in a document.
func repeatedLines(d Document) []string {
	seen := map[string]bool{}
	var out []string
	for _, b := range d.Body {
		p, ok := b.(Paragraph)
		if !ok {
			continue
		}
		for _, l := range strings.Split(p.Text, "\n") {
			l = strings.TrimSpace(l)
			if len(l) < 20 {
				continue // "Không có." under two empty tables
			}
			if seen[l] {
				out = append(out, l)
			}
			seen[l] = true
		}
	}
	return out
}

// TestDocuments_Wording reads every document a reviewer would and fails on
// what one returned before: a year said twice, a file name, an English
// label, "V/v" on minutes, a vote share "từ 50% trở lên" for a simple
// majority.
func TestDocuments_Wording(t *testing.T) {
	yearTwice := regexp.MustCompile(`năm (\d{4}) năm (\d{4})`)
	fileName := regexp.MustCompile(`\b[\w-]+\.(txt|pdf|xlsx|docx|csv|png|jpg)\b`)
	english := regexp.MustCompile(`\b(name|unit|reason|date|decision|signer|title|page)\b`)
	for _, g := range goldenDocuments() {
		for i, l := range strings.Split(g.text, "\n") {
			if strings.HasPrefix(l, "[Hồ sơ]") || strings.HasPrefix(l, "[In chung tệp]") {
				continue
			}
			if m := yearTwice.FindStringSubmatch(l); m != nil && m[1] == m[2] {
				t.Errorf("%s:%d: %q", g.file, i+1, m[0])
			}
			if m := fileName.FindString(l); m != "" {
				t.Errorf("%s:%d: a file name %q", g.file, i+1, m)
			}
			if m := english.FindString(l); m != "" {
				t.Errorf("%s:%d: an English word %q", g.file, i+1, m)
			}
			if strings.Contains(l, "từ 50% trở lên") {
				t.Errorf("%s:%d: a simple majority is “trên 50%%”", g.file, i+1)
			}
		}
	}
	if txt := dtexts(Minutes(decomposed(14))); strings.Contains(txt, "V/v") {
		t.Error("minutes carry V/v, the trích yếu of a công văn")
	}
}

// TestAssessment_EvidenceFilesCounted: a file attached as evidence is
// counted in the report, never printed by its file name.
func TestAssessment_EvidenceFilesCounted(t *testing.T) {
	in := fixtureAssessment()
	in.Sheet.Lines[1].Evidence = []string{"tom-tat-chi-so-cchc.txt", "Bảng tổng hợp.xlsx", "Báo cáo 12/BC-BHXH"}
	txt := dtexts(Assessment(in))
	if strings.Contains(txt, ".txt") || strings.Contains(txt, ".xlsx") || !strings.Contains(txt, "Báo cáo 12/BC-BHXH; Kèm theo 2 tài liệu kiểm chứng") {
		t.Errorf("evidence cell:\n%s", txt)
	}
}
