package pdf

import (
	"bytes"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/xlsx"
)

// dossierInput is the sample round with the names typed decomposed (NFD).
func dossierInput(people int) docs.DossierInput {
	in := docs.SampleDossier(people)
	in.Profile.UnitName = norm.NFD.String(in.Profile.UnitName)
	for i := range in.Nominees {
		e := &in.Nominees[i]
		e.Person.FullName = norm.NFD.String(e.Person.FullName)
		e.Unit.Name = norm.NFD.String(e.Unit.Name)
		e.UnitName = norm.NFD.String(e.UnitName)
	}
	for i := range in.Council.Members {
		in.Council.Members[i].Name = norm.NFD.String(in.Council.Members[i].Name)
	}
	return in
}

func findDoc(t *testing.T, ds []docs.NamedDocument, prefix string) docs.NamedDocument {
	t.Helper()
	for _, nd := range ds {
		if strings.HasPrefix(nd.Name, prefix) {
			return nd
		}
	}
	t.Fatalf("no document %q", prefix)
	return docs.NamedDocument{}
}

var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`)

// checkGeometry: A4, the fonts embedded, no text left of the 30 mm margin
// nor further than 35 mm from the edge at its leftmost.
func checkGeometry(t *testing.T, name string, b []byte) {
	t.Helper()
	for _, m := range mediaBox.FindAllSubmatch(b, -1) {
		w, h := string(m[1]), string(m[2])
		if !(w == "595.28" && h == "841.89") && !(w == "841.89" && h == "595.28") {
			t.Errorf("%s: page %s × %s pt is not A4", name, w, h)
		}
	}
	if bin, err := exec.LookPath("pdffonts"); err == nil {
		f := filepath.Join(t.TempDir(), "f.pdf")
		os.WriteFile(f, b, 0o644)
		out, err := exec.Command(bin, f).Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(out), "\n")[2:] {
			if fs := strings.Fields(l); len(fs) >= 5 && !strings.Contains(l, " yes ") {
				t.Errorf("%s: font not embedded: %s", name, l)
			}
		}
	} else if !bytes.Contains(b, []byte("/FontFile2")) {
		t.Errorf("%s: fonts not embedded", name)
	}
	words, _, _ := boxes(t, b)
	left := map[int]float64{}
	for _, w := range words {
		if x, ok := left[w.page]; !ok || w.xMin < x {
			left[w.page] = w.xMin
		}
	}
	for pg, x := range left {
		// Page 1 starts lines at the margin; later pages may hold only
		// centred text (a signature).
		if x < 30*ptPerMM-0.1 || pg == 1 && x > 35*ptPerMM {
			t.Errorf("%s page %d: leftmost text at %.1f pt (%.1f mm), want 30–35 mm", name, pg, x, x/ptPerMM)
		}
	}
}

func TestDossier_RoundTrip(t *testing.T) {
	in := dossierInput(60)
	ds := docs.Dossier(in)
	all := map[string]string{}
	reports := 0
	for _, nd := range ds {
		b := render(t, nd.Doc)
		if !strings.HasPrefix(nd.Name, "Báo cáo thành tích") || reports < 8 {
			checkGeometry(t, nd.Name, b) // the reports all have the same shape
		}
		if strings.HasPrefix(nd.Name, "Báo cáo thành tích") {
			reports++
		}
		raw := flat(pdftotext(t, b, "-raw"))
		if !norm.NFC.IsNormalString(raw) {
			t.Errorf("%s: extracted text is not NFC", nd.Name)
		}
		if strings.Contains(raw, "Số:") != (nd.Doc.Header.Number != "") {
			t.Errorf("%s: number line printed = %v, number %q", nd.Name, strings.Contains(raw, "Số:"), nd.Doc.Header.Number)
		}
		all[nd.Name] = raw
	}
	expect := func(prefix string, wants ...string) {
		t.Helper()
		raw := all[findDoc(t, ds, prefix).Name]
		for _, w := range wants {
			if !strings.Contains(raw, w) {
				t.Errorf("%s: PDF text lacks %q", prefix, w)
			}
		}
	}
	expect("Tờ trình - Chiến sĩ thi đua cơ sở",
		"BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", "HỘI ĐỒNG THI ĐUA -", "Số: /TTr-HĐTĐKT", "Hà Tĩnh, ngày 08 tháng 01 năm 2026", "TỜ TRÌNH",
		"Về việc đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2025", "Kính gửi: Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh",
		"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15", "152/2025/NĐ-CP", "79/2023/TT-BTC", "ngày 06/01/2026",
		"cho 6 cá nhân (có danh sách và báo cáo thành tích kèm theo)", "Nơi nhận:", "- Lưu: VT, HĐTĐKT.",
		"TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG KT. CHỦ TỊCH PHÓ CHỦ TỊCH")
	expect("Tờ trình - Bộ trưởng Bộ Tài chính", "Số: 05/TTr-BHXH", "Kính gửi: Bảo hiểm xã hội Việt Nam", "GIÁM ĐỐC", "Nguyễn Văn Hùng",
		"trình Bộ trưởng Bộ Tài chính quyết định./.", "- Lưu: VT, TĐKT.")

	var person docs.NomineeEntry
	for _, e := range in.Nominees {
		if e.Passed && e.Nominee.Award == "CSTDCS" {
			person = e
			break
		}
	}
	name := norm.NFC.String(person.Person.FullName)
	expect("Báo cáo thành tích - "+name,
		"BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ", name, "I. SƠ LƯỢC LÝ LỊCH",
		"Ngày, tháng, năm sinh: "+person.Person.BirthDate.VN(), "II. THÀNH TÍCH ĐẠT ĐƯỢC", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
		"THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "NGƯỜI BÁO CÁO THÀNH TÍCH", "Hà Tĩnh, ngày 06 tháng 01 năm 2026")
	expect("Báo cáo thành tích - Phòng Quản lý thu và Phát triển người tham gia",
		"I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", "Tỷ lệ bao phủ BHYT 93,4% 94,5% 101,2", "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP")
	expect("Biên bản họp",
		"BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "Về việc xét, đề nghị khen thưởng năm 2025", "Số: /BB-HĐTĐKT",
		"Vào hồi 08 giờ 00 phút, ngày 06 tháng 01 năm 2026", "Cuộc họp kết thúc vào hồi 10 giờ 30 phút", "gửi ý kiến bằng văn bản", "có mặt 8/9 thành viên", "Vắng mặt", "88,9% Đạt", "44,4% Không đạt", "100% Đạt",
		"CHỦ TỊCH HỘI ĐỒNG", "THƯ KÝ", "Phạm Thị Hằng")
	expect("Biên bản kiểm phiếu", "BIÊN BẢN KIỂM PHIẾU", "Số phiếu phát ra: 8", "số phiếu hợp lệ: 8", "77,8%")
	expect("Phiếu bầu - Đề nghị tặng danh hiệu Chiến sĩ thi đua Bộ Tài chính", "PHIẾU BẦU", "Đồng ý", "Không đồng ý", "Đề nghị tặng danh hiệu Chiến sĩ thi đua Bộ Tài chính năm 2025")
	expect("Danh sách đề nghị", "DANH SÁCH", "Đề nghị Bộ trưởng Bộ Tài chính khen thưởng năm 2025", "Kèm theo Tờ trình số 05/TTr-BHXH",
		"A. TẬP THỂ", "B. CÁ NHÂN", "Thành tích làm căn cứ", "Tỷ lệ phiếu")
	expect("Quyết định - Lao động tiên tiến", "QUYẾT ĐỊNH", "Số: /QĐ-BHXH", "Hà Tĩnh, ngày tháng năm 2026",
		"Về việc công nhận danh hiệu Lao động tiên tiến năm 2025", "GIÁM ĐỐC BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", "QUYẾT ĐỊNH:",
		"Điều 1.", "Điều 2. Mỗi cá nhân được thưởng 0,3 lần mức lương cơ sở", "Điều 3.", "- Như Điều 3;")
	expect("Danh sách kèm theo Quyết định - Giấy khen", "B. CÁ NHÂN", "Bảo hiểm xã hội cơ sở Kỳ Anh")

	// Everyone who passed for an award the Minister confers is in the
	// list sent up with its Tờ trình, nobody else.
	list := all["Danh sách đề nghị khen thưởng - Bộ trưởng Bộ Tài chính"]
	for _, e := range in.Nominees {
		if e.Nominee.Subject.Kind != domain.SubjectPerson {
			continue
		}
		up := e.Passed && !in.Conferrals[e.Nominee.Award].Own
		n := norm.NFC.String(e.Person.FullName)
		if strings.Contains(list, n+" "+e.Person.BirthDate.VN()) != up {
			t.Errorf("danh sách: %q (%s) listed = %v, passed = %v", n, e.Nominee.Award, !up, e.Passed)
		}
	}
	if !bytes.Contains(render(t, findDoc(t, ds, "Danh sách đề nghị").Doc), []byte("/MediaBox [0 0 841.89 595.28]")) {
		t.Error("the danh sách is not landscape")
	}
}

// TestWriteDossier writes the sample dossier, certificates and calibration
// page to $DOSSIER_DIR (e.g. /tmp/dossier), to look at with pdftoppm.
func TestWriteDossier(t *testing.T) {
	dir := os.Getenv("DOSSIER_DIR")
	if dir == "" {
		t.Skip("set DOSSIER_DIR to write the sample dossier")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	in := dossierInput(60)
	seen := map[string]bool{}
	for _, nd := range docs.Dossier(in) {
		kind, _, _ := strings.Cut(nd.Name, " - ")
		if kind == "Báo cáo thành tích" && seen[kind+nd.Name[len(nd.Name)-8:]] {
			continue // one report per award is enough to look at
		}
		seen[kind+nd.Name[len(nd.Name)-8:]] = true
		name := strings.NewReplacer("/", "-", " ", "_").Replace(nd.Name) + ".pdf"
		if err := os.WriteFile(filepath.Join(dir, name), render(t, nd.Doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := RenderCertificates(DefaultCertificateLayout(), docs.Certificates(in, "15", domain.MustDate("10/01/2026")), &buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "giay_khen.pdf"), buf.Bytes(), 0o644)
	buf.Reset()
	if err := RenderCalibration(DefaultCertificateLayout(), &buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "can_chinh.pdf"), buf.Bytes(), 0o644)
	f, err := os.Create(filepath.Join(dir, "danh_sach.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := xlsx.WriteNominationList(in, f); err != nil {
		t.Fatal(err)
	}
}

func TestCertificates_Offsets(t *testing.T) {
	certs := docs.Certificates(dossierInput(60), "15", domain.MustDate("10/01/2026"))
	l := DefaultCertificateLayout()
	var base bytes.Buffer
	if err := RenderCertificates(l, certs, &base); err != nil {
		t.Fatal(err)
	}
	if n := pageCount(base.Bytes()); n != len(certs) {
		t.Errorf("%d pages for %d certificates", n, len(certs))
	}
	if !bytes.Contains(base.Bytes(), []byte("/MediaBox [0 0 841.89 595.28]")) {
		t.Error("the default blank is not A4 landscape")
	}
	raw := flat(pdftotext(t, base.Bytes(), "-raw"))
	for _, c := range certs {
		for _, s := range []string{c.Name, c.Decision, c.Date, flat(c.SignerTitle), c.SignerName} {
			if !strings.Contains(raw, s) {
				t.Errorf("certificates lack %q", s)
			}
		}
	}
	shifted := l
	shifted.OffsetX, shifted.OffsetY = 7, -3.5
	var moved bytes.Buffer
	if err := RenderCertificates(shifted, certs, &moved); err != nil {
		t.Fatal(err)
	}
	w0, _, _ := boxes(t, base.Bytes())
	w1, _, _ := boxes(t, moved.Bytes())
	if len(w0) != len(w1) {
		t.Fatalf("%d words before the shift, %d after", len(w0), len(w1))
	}
	for i := range w0 {
		dx, dy := w1[i].xMin-w0[i].xMin, w1[i].yMin-w0[i].yMin
		if math.Abs(dx-7*ptPerMM) > 0.05 || math.Abs(dy+3.5*ptPerMM) > 0.05 {
			t.Fatalf("word %q moved by (%.2f, %.2f) pt, want (%.2f, %.2f)", w0[i].text, dx, dy, 7*ptPerMM, -3.5*ptPerMM)
		}
	}
	// The name is centred on its point: its line's middle is at X.
	name := line(w0, 1, strings.Fields(certs[0].Name)[0])
	x0, x1 := span(name)
	if cx := (x0 + x1) / 2; math.Abs(cx-l.Fields[FieldName].X*ptPerMM) > 1 {
		t.Errorf("name centred at %.1f pt, want %.1f", cx, l.Fields[FieldName].X*ptPerMM)
	}
	if err := RenderCertificates(l, nil, io.Discard); err == nil {
		t.Error("no certificates should be an error")
	}
}

func TestCalibration(t *testing.T) {
	l := DefaultCertificateLayout()
	l.OffsetX, l.OffsetY = 2, 1
	var buf bytes.Buffer
	if err := RenderCalibration(l, &buf); err != nil {
		t.Fatal(err)
	}
	raw := flat(pdftotext(t, buf.Bytes(), "-raw"))
	for _, want := range []string{"Họ và tên (150,5; 101)", "Đơn vị (150,5; 114)", "Lý do khen thưởng (150,5; 129)", "Số quyết định (77; 179)",
		"Ngày ký (214; 151)", "Chức vụ người ký (214; 160)", "Người ký (214; 191)", "290", "200", "Trang căn chỉnh"} {
		if !strings.Contains(raw, want) {
			t.Errorf("calibration page lacks %q", want)
		}
	}
	// The field keys are stored layouts' keys, never printed.
	for _, key := range []string{"name (", "reason (", "decision (", "date (", "signer_title", "signer_name"} {
		if strings.Contains(raw, key) {
			t.Errorf("calibration page prints the key %q", key)
		}
	}
	words, _, _ := boxes(t, buf.Bytes())
	// The ruler numbers sit on their grid lines: "100" along the top is centred on x = 100 mm.
	found := false
	for _, w := range words {
		if w.text == "100" && w.yMin < 20 {
			found = true
			if math.Abs(w.cx()-100*ptPerMM) > 0.5 {
				t.Errorf("ruler 100 centred at %.1f pt, want %.1f", w.cx(), 100*ptPerMM)
			}
		}
	}
	if !found {
		t.Error("no ruler number 100 at the top")
	}
}

// renderDossier renders the round as ExportDossier writes it, on one
// goroutine: one file per document, the reports of an award as one book.
func renderDossier(in docs.DossierInput) (pages int, size int, err error) {
	files := docs.Files(docs.Dossier(in))
	for _, f := range files {
		var buf bytes.Buffer
		if err := RenderBook(f.Docs, &buf); err != nil {
			return 0, 0, err
		}
		pages += pageCount(buf.Bytes())
		size += buf.Len()
	}
	var x bytes.Buffer
	if err := xlsx.WriteNominationList(in, &x); err != nil {
		return 0, 0, err
	}
	return pages, size + x.Len(), nil
}

// BenchmarkDossier_300 builds and renders the complete dossier of a round
// of 300 people and 6 collectives (every PDF and the Excel list).
func BenchmarkDossier_300(b *testing.B) {
	in := docs.SampleDossier(300)
	b.ResetTimer()
	for b.Loop() {
		pages, size, err := renderDossier(in)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(pages), "pages")
		b.ReportMetric(float64(size)/1024/1024, "MiB")
	}
}
