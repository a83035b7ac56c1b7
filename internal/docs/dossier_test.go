package docs

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

// decomposed is the sample round with every name typed decomposed (NFD).
func decomposed(people int) DossierInput {
	in := SampleDossier(people)
	in.Profile.UnitName = d(in.Profile.UnitName)
	in.Profile.Director.Name = d(in.Profile.Director.Name)
	for i := range in.Nominees {
		e := &in.Nominees[i]
		e.Person.FullName = d(e.Person.FullName)
		e.Unit.Name = d(e.Unit.Name)
		e.UnitName = d(e.UnitName)
		e.AwardName = d(e.AwardName)
	}
	for i := range in.Council.Members {
		in.Council.Members[i].Name = d(in.Council.Members[i].Name)
	}
	return in
}

// texts is every text of a document, one per line.
func dtexts(doc Document) string {
	var b strings.Builder
	w := func(ss ...string) {
		for _, s := range ss {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	h := doc.Header
	w(h.ParentName, h.IssuerName, h.Number, h.DateLine(), doc.Kind)
	w(doc.Title...)
	w(doc.KinhGui...)
	for _, bl := range doc.Body {
		switch v := Value(bl).(type) {
		case Paragraph:
			w(v.Text)
		case Heading:
			w(v.Text)
		case Table:
			for _, c := range v.Columns {
				w(c.Header)
			}
			for _, r := range v.Rows {
				w(strings.Join(r.Cells, " | "))
			}
		}
	}
	for _, c := range []SignatureColumn{doc.Signature.Left, doc.Signature.Right} {
		w(c.Authority, c.Position, c.Note, c.Name)
	}
	w(doc.Recipients...)
	return b.String()
}

func named(t *testing.T, ds []NamedDocument, name string) Document {
	t.Helper()
	for _, nd := range ds {
		if nd.Name == name {
			return nd.Doc
		}
	}
	var names []string
	for _, nd := range ds {
		names = append(names, nd.Name)
	}
	t.Fatalf("no document %q among %q", name, names)
	return Document{}
}

func TestDossier_Composition(t *testing.T) {
	in := decomposed(60)
	ds := Dossier(in)
	count := map[string]int{}
	for _, nd := range ds {
		if !norm.NFC.IsNormalString(nd.Name) {
			t.Errorf("name %q is not NFC", nd.Name)
		}
		if err := nd.Doc.Validate(); err != nil {
			t.Errorf("%s: %v", nd.Name, err)
		}
		if s := dtexts(nd.Doc); !norm.NFC.IsNormalString(s) {
			t.Errorf("%s: text is not NFC", nd.Name)
		}
		kind, _, _ := strings.Cut(nd.Name, " - ")
		count[kind]++
	}
	passed := 0
	awards := map[string]bool{}
	own := map[string]bool{}
	for _, e := range in.Nominees {
		if e.Passed && e.Nominee.Award != "LDTT" { // LĐTT: on the list, no report
			passed++
		}
		if e.Passed {
			awards[e.Nominee.Award] = true
			if in.own(e.Nominee.Award) {
				own[e.Nominee.Award] = true
			}
		}
	}
	// A Tờ trình of the council for each own award, one of the office for
	// the Minister's awards, each with its list.
	want := map[string]int{
		"Tờ trình": len(own) + 1, "Báo cáo thành tích": passed,
		"Biên bản họp Hội đồng Thi đua": 1, "Biên bản kiểm phiếu": 1, "Phiếu bầu": len(secretGroups(in)),
		"Danh sách đề nghị khen thưởng": 1, "Quyết định": len(own), "Danh sách kèm theo Quyết định": len(own),
	}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%d documents %q, want %d", count[k], k, n)
		}
	}
	if len(own) != 4 {
		t.Errorf("the sample should have all 4 own awards passed, has %v", own)
	}
}

func TestDossier_ToTrinh(t *testing.T) {
	in := decomposed(60)
	ds := Dossier(in)
	var numbers []string
	for _, nd := range ds {
		if strings.HasPrefix(nd.Name, "Tờ trình - ") {
			if nd.Doc.Kind != "TỜ TRÌNH" {
				t.Errorf("%s: kind %q", nd.Name, nd.Doc.Kind)
			}
			numbers = append(numbers, nd.Doc.Header.Number)
		}
	}
	// The council's Tờ trình under its own register (blank for the văn
	// thư), the office's numbered from the round's number.
	if len(numbers) != 5 || numbers[0] != "     /TTr-HĐTĐKT" || numbers[4] != "05/TTr-BHXH" {
		t.Errorf("numbers %q", numbers)
	}
	cs := named(t, ds, "Tờ trình - Chiến sĩ thi đua cơ sở")
	if got := cs.Title[0]; got != "Về việc đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2025" {
		t.Errorf("title %q", got)
	}
	if got := cs.KinhGui; len(got) != 1 || got[0] != "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh" {
		t.Errorf("Kính gửi %q: an own award goes to the director", got)
	}
	if cs.Header.DateLine() != "Hà Tĩnh, ngày 08 tháng 01 năm 2026" || cs.Header.IssuerName != "Hội đồng Thi đua -\nKhen thưởng" ||
		cs.Header.ParentName != "Bảo hiểm xã hội tỉnh Hà Tĩnh" {
		t.Errorf("header %+v", cs.Header)
	}
	if s := cs.Signature.Right; s.Authority != "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nKT. CHỦ TỊCH" || s.Position != "PHÓ CHỦ TỊCH" || s.Name != "Trần Thị Bình" {
		t.Errorf("signed %+v", s)
	}
	txt := dtexts(cs)
	for _, want := range []string{
		"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định số 152/2025/NĐ-CP", "Thông tư số 79/2023/TT-BTC",
		"Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Bảo hiểm xã hội tỉnh Hà Tĩnh ngày 06/01/2026.",
		"Hội đồng Thi đua - Khen thưởng kính đề nghị Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh xem xét, công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2025 cho 6 cá nhân (có danh sách và báo cáo thành tích kèm theo)",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("Tờ trình CSTĐCS lacks %q", want)
		}
	}
	if strings.Contains(txt, "Bảo hiểm xã hội tỉnh Hà Tĩnh kính đề nghị") {
		t.Error("the office petitions its own director")
	}
	// The Minister's awards in one Tờ trình of the office, through VSS.
	bk := named(t, ds, "Tờ trình - Bộ trưởng Bộ Tài chính")
	bt := dtexts(bk)
	if bk.KinhGui[0] != "Bảo hiểm xã hội Việt Nam" || bk.Signature.Right.Name != "Nguyễn Văn Hùng" {
		t.Errorf("Tờ trình BK goes to %q signed by %+v", bk.KinhGui, bk.Signature.Right)
	}
	for _, want := range []string{
		"kính đề nghị Bảo hiểm xã hội Việt Nam xem xét, trình Bộ trưởng Bộ Tài chính khen thưởng năm 2025",
		"- Bằng khen của Bộ trưởng Bộ Tài chính: ", "- Danh hiệu Chiến sĩ thi đua Bộ Tài chính: ",
		"kính trình Bảo hiểm xã hội Việt Nam xem xét, trình Bộ trưởng Bộ Tài chính quyết định./.",
	} {
		if !strings.Contains(bt, want) {
			t.Errorf("Tờ trình to the Minister lacks %q:\n%s", want, bt)
		}
	}
	for _, own := range []string{"Giấy khen", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"} {
		if strings.Contains(bt, own) {
			t.Errorf("the Tờ trình up proposes %s, the office's own", own)
		}
	}
	gk := dtexts(named(t, ds, "Tờ trình - Giấy khen"))
	if !strings.Contains(gk, "cho 1 tập thể và 3 cá nhân") {
		t.Errorf("Tờ trình GK counts: %s", gk)
	}
	list := named(t, ds, "Danh sách đề nghị khen thưởng - Bộ trưởng Bộ Tài chính")
	if list.Title[1] != "(Kèm theo Tờ trình số 05/TTr-BHXH ngày 08 tháng 01 năm 2026 của Bảo hiểm xã hội tỉnh Hà Tĩnh)" {
		t.Errorf("list subtitle %q", list.Title)
	}
	if lt := dtexts(list); strings.Contains(lt, "Giấy khen") || !strings.Contains(lt, "Bằng khen của Bộ trưởng Bộ Tài chính") {
		t.Errorf("the list up holds other awards than the Minister's:\n%s", lt)
	}
	// The Căn cứ lines are the regime's, as given: the decree the bonus
	// article cites is read from them.
	in = decomposed(20)
	in.Citations = []string{"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
		"Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ"}
	if txt := dtexts(ToTrinh(in, "LDTT")); !strings.Contains(txt, "Căn cứ Nghị định số 98/2023/NĐ-CP") || strings.Contains(txt, "152/2025") {
		t.Errorf("Tờ trình does not cite the regime's decree:\n%s", txt)
	}
	if in.decree() != "Nghị định số 98/2023/NĐ-CP" {
		t.Errorf("decree %q", in.decree())
	}
}

func TestDossier_Reports(t *testing.T) {
	in := decomposed(60)
	ds := Dossier(in)
	// Person (Mẫu 03).
	var e NomineeEntry
	for _, x := range in.Nominees {
		if x.Passed && x.Nominee.Award == "CSTDCS" {
			e = x
			break
		}
	}
	name := norm.NFC.String(e.Person.FullName)
	r := named(t, ds, "Báo cáo thành tích - "+name+" - Chiến sĩ thi đua cơ sở")
	if r.Kind != "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ" || r.Title[0] != name {
		t.Errorf("kind %q title %q", r.Kind, r.Title)
	}
	if r.Header.Number != "" {
		t.Errorf("a báo cáo thành tích has number %q", r.Header.Number)
	}
	if r.Signature.Left.Position != "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ" || r.Signature.Right.Position != "NGƯỜI BÁO CÁO THÀNH TÍCH" || r.Signature.Right.Name != name {
		t.Errorf("signature %+v", r.Signature)
	}
	txt := dtexts(r)
	for _, want := range []string{
		"I. SƠ LƯỢC LÝ LỊCH", "- Họ và tên: " + name, "- Ngày, tháng, năm sinh: " + e.Person.BirthDate.VN(),
		"II. THÀNH TÍCH ĐẠT ĐƯỢC", "1. Quyền hạn, nhiệm vụ được giao", "2. Thành tích đạt được",
		"Tích cực tham gia các phong trào thi đua", // the second line of the edited text
		"Tên sáng kiến, đề tài", "Quyết định số 310/QĐ-BHXH ngày 20/11/2025 của Bảo hiểm xã hội tỉnh Hà Tĩnh",
		"III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "Số, ngày tháng năm của quyết định công nhận; cơ quan ban hành",
		"2024 | Chiến sĩ thi đua cơ sở | Quyết định số 25/QĐ-BHXH ngày 09/01/2025",
		"2023 | Giấy khen | Quyết định số 13/QĐ-BHXH",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("BCTT cá nhân lacks %q", want)
		}
	}
	// The titles and the forms go to separate tables.
	var tables []Table
	for _, b := range r.Body {
		if tb, ok := b.(Table); ok && tb.Columns[0].Header == "Năm" {
			tables = append(tables, tb)
		}
	}
	if len(tables) != 2 || len(tables[0].Rows) != 2 || len(tables[1].Rows) != 1 || tables[1].Columns[1].Header != "Hình thức khen thưởng" {
		t.Errorf("history tables %+v", tables)
	}

	// Collective (Mẫu 02).
	c := named(t, ds, "Báo cáo thành tích - Phòng Quản lý thu và Phát triển người tham gia - Tập thể lao động xuất sắc")
	if c.Header.ParentName != "Bảo hiểm xã hội tỉnh Hà Tĩnh" || c.Header.IssuerName != "Phòng Quản lý thu và Phát triển người tham gia" {
		t.Errorf("header %+v", c.Header)
	}
	ct := dtexts(c)
	for _, want := range []string{
		"I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)",
		"Tỷ lệ bao phủ BHYT | 93,4% | 94,5% | 101,2", "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN", "THỦ TRƯỞNG ĐƠN VỊ",
	} {
		if !strings.Contains(ct, want) {
			t.Errorf("BCTT tập thể lacks %q", want)
		}
	}
}

func TestDossier_MinutesAndBallots(t *testing.T) {
	in := decomposed(60)
	m := Minutes(in)
	if m.Kind != "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" || m.Title[0] != "Về việc xét, đề nghị khen thưởng năm 2025" {
		t.Errorf("kind %q title %q", m.Kind, m.Title)
	}
	txt := dtexts(m)
	for _, want := range []string{
		"Vào hồi 08 giờ 00 phút, ngày 06 tháng 01 năm 2026, tại Hội trường",
		"Ngô Văn Lộc - Giám đốc Bảo hiểm xã hội cơ sở Hồng Lĩnh, Ủy viên (vắng mặt) gửi ý kiến bằng văn bản: “Nhất trí với danh sách đề nghị khen thưởng do Thường trực Hội đồng trình”",
		"Ý kiến bằng văn bản của thành viên vắng mặt được tính vào kết quả biểu quyết.",
		"Ý kiến đề nghị làm rõ hiệu quả áp dụng sáng kiến", "Hội đồng bầu Ban kiểm phiếu gồm: Lê Quốc Dũng (Trưởng ban), Võ Thị Hương, Đặng Thu Trang.",
		"Cuộc họp kết thúc vào hồi 10 giờ 30 phút cùng ngày.", "Lao động tiên tiến trên 50%",
		"- Chủ trì: Nguyễn Văn Hùng - Giám đốc, Chủ tịch Hội đồng.",
		"- Thư ký: Phạm Thị Hằng", "có mặt 8/9 thành viên, vắng mặt 1",
		"Ngô Văn Lộc | Giám đốc Bảo hiểm xã hội cơ sở Hồng Lĩnh | Ủy viên | Vắng mặt",
		"Số phiếu đồng ý", "Tỷ lệ %", "| 8 | 88,9% | Đạt", "| 4 | 44,4% | Không đạt", "| 9 | 100% | Đạt",
		"bỏ phiếu kín", "Chiến sĩ thi đua Bộ Tài chính từ 90% trở lên",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("Biên bản lacks %q", want)
		}
	}
	if m.Signature.Right.Name != "Nguyễn Văn Hùng" || m.Signature.Left.Name != "Phạm Thị Hằng" {
		t.Errorf("signature %+v", m.Signature)
	}
	// The CSTĐ cấp bộ with 7 of 9 (77,8%) fails the 90% threshold.
	if !strings.Contains(txt, "Chiến sĩ thi đua Bộ Tài chính | 7 | 77,8% | Không đạt") {
		t.Error("77,8% for CSTĐ cấp bộ should not pass")
	}

	vc := dtexts(VoteCount(in))
	for _, want := range []string{"BIÊN BẢN KIỂM PHIẾU", "Số phiếu phát ra: 8; số phiếu thu về: 8; số phiếu hợp lệ: 8; số phiếu không hợp lệ: 0", "Không đồng ý"} {
		if !strings.Contains(vc, want) {
			t.Errorf("Biên bản kiểm phiếu lacks %q", want)
		}
	}
	ballots := Ballots(in)
	if len(ballots) != len(secretGroups(in)) {
		t.Errorf("%d ballots for %d awards voted by secret ballot", len(ballots), len(secretGroups(in)))
	}
	for _, b := range ballots {
		if b.Header != ballots[0].Header || b.Kind != "PHIẾU BẦU" {
			t.Errorf("ballot %q has another header: %+v", b.Title, b.Header)
		}
		if !strings.Contains(dtexts(b), "Không đồng ý") {
			t.Error("ballot has no columns to tick")
		}
	}

	// Show of hands: no vote count, no ballot, unless an award needs it.
	in.Council.Method = domain.VoteShowOfHands
	in.Secret = nil
	for _, nd := range Dossier(in) {
		if nd.Book == "Phiếu bầu" || nd.Name == "Biên bản kiểm phiếu" {
			t.Errorf("show of hands gives %q", nd.Name)
		}
	}
}

func TestDossier_ListAndDecision(t *testing.T) {
	in := decomposed(60)
	l := named(t, Dossier(in), "Danh sách đề nghị khen thưởng - Bộ trưởng Bộ Tài chính")
	if l.Orientation != Landscape || l.Kind != "DANH SÁCH" {
		t.Errorf("list orientation %v kind %q", l.Orientation, l.Kind)
	}
	tb := l.Body[0].(Table)
	for i, h := range []string{"STT", "Họ và tên / Tên tập thể", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị công tác", "Hình thức/danh hiệu đề nghị", "Thành tích làm căn cứ", "Tỷ lệ phiếu", "Ghi chú"} {
		if tb.Columns[i].Header != h {
			t.Errorf("column %d is %q, want %q", i+1, tb.Columns[i].Header, h)
		}
	}
	if tb.Rows[0].Cells[0] != "A. TẬP THỂ" || !tb.Rows[0].Group {
		t.Errorf("first row %+v", tb.Rows[0])
	}
	txt := dtexts(l)
	if !strings.Contains(txt, "B. CÁ NHÂN") || strings.Contains(txt, "44,4%") {
		t.Error("the list has no B. CÁ NHÂN, or lists a nominee who failed")
	}

	dec := Decision(in, "LDTT")
	if dec.Kind != "QUYẾT ĐỊNH" || dec.Title[0] != "Về việc công nhận danh hiệu Lao động tiên tiến năm 2025" {
		t.Errorf("decision %q %q", dec.Kind, dec.Title)
	}
	if dec.Header.Number != "     /QĐ-BHXH" {
		t.Errorf("decision number %q", dec.Header.Number)
	}
	dt := dtexts(dec)
	for _, want := range []string{"GIÁM ĐỐC BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", "QUYẾT ĐỊNH:", "Điều 1. Công nhận danh hiệu “Lao động tiên tiến” năm 2025 cho",
		"Điều 2. Mỗi cá nhân được thưởng 0,3 lần mức lương cơ sở", "Điều 3.", "Như Điều 3", "Xét đề nghị của Hội đồng Thi đua - Khen thưởng"} {
		if !strings.Contains(dt, want) {
			t.Errorf("decision lacks %q", want)
		}
	}
	gk := dtexts(Decision(in, "GK"))
	if !strings.Contains(gk, "Điều 1. Tặng Giấy khen của Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh cho 1 tập thể và 3 cá nhân") ||
		!strings.Contains(gk, "mỗi tập thể được thưởng 0,6 lần") {
		t.Errorf("GK decision: %s", gk)
	}
}

func TestCertificates(t *testing.T) {
	in := decomposed(60)
	cs := Certificates(in, "15", domain.MustDate("10/01/2026"))
	if len(cs) != 4 {
		t.Fatalf("%d certificates, want 4 (1 collective, 3 people)", len(cs))
	}
	if cs[0].Name != "Bảo hiểm xã hội cơ sở Kỳ Anh" || cs[0].Decision != "Quyết định số 15/QĐ-BHXH" || cs[0].Date != "Hà Tĩnh, ngày 10 tháng 01 năm 2026" {
		t.Errorf("first certificate %+v", cs[0])
	}
	if !strings.HasPrefix(cs[1].Name, "Ông ") && !strings.HasPrefix(cs[1].Name, "Bà ") {
		t.Errorf("person certificate name %q", cs[1].Name)
	}
}

func TestPct(t *testing.T) {
	for x, want := range map[float64]string{800.0 / 9: "88,9%", 100: "100%", 50: "50%", 700.0 / 9: "77,8%"} {
		if got := Pct(x); got != want {
			t.Errorf("Pct(%v) = %q, want %q", x, got, want)
		}
	}
}

// Section III of a report prints each award received under the name given
// for it, before the catalogue's.
func TestDossier_ReportHistoryNames(t *testing.T) {
	in := decomposed(60)
	for i, x := range in.Nominees {
		if x.Passed && x.Nominee.Award == "CSTDCS" && len(x.History) > 0 {
			x.HistoryNames = make([]string, len(x.History))
			x.HistoryNames[0] = "Danh hiệu đặt tên riêng để thử"
			in.Nominees[i] = x
			if txt := dtexts(Report(in, x)); !strings.Contains(txt, "Danh hiệu đặt tên riêng để thử") {
				t.Errorf("the report does not print the given name:\n%s", txt)
			}
			return
		}
	}
	t.Fatal("no CSTĐCS nominee with a history in the sample")
}
