package pdf

import (
	"bytes"
	"math"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// The signer's title and name print in the signature area of the blank:
// the title under the place and date, a line each ("KT. GIÁM ĐỐC" over
// "PHÓ GIÁM ĐỐC"), the name lower down, past the room for the signature and
// the seal, all centred on the date's column. An undated print keeps its
// year.
func TestCertificates_SignatureArea(t *testing.T) {
	c := Certificate{
		Name: "Bà Trần Thị Bình", Unit: "Văn phòng, Bảo hiểm xã hội tỉnh Hà Tĩnh", Reason: "Đã có thành tích xuất sắc",
		Decision: "Quyết định số 15/QĐ-BHXH", Date: docs.DateLine("Hà Tĩnh", domain.Date{Year: 2026}),
		SignerTitle: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", SignerName: "Lê Quốc Dũng",
	}
	l := DefaultCertificateLayout()
	var buf bytes.Buffer
	if err := RenderCertificates(l, []Certificate{c}, &buf); err != nil {
		t.Fatal(err)
	}
	words, _, _ := boxes(t, buf.Bytes())
	date, kt, deputy, name := line(words, 1, "ngày"), line(words, 1, "KT."), line(words, 1, "PHÓ"), line(words, 1, "Lê")
	if flatWords(date) != "Hà Tĩnh, ngày tháng năm 2026" {
		t.Errorf("date line %q", flatWords(date))
	}
	if flatWords(kt) != "KT. GIÁM ĐỐC" || flatWords(deputy) != "PHÓ GIÁM ĐỐC" || flatWords(name) != "Lê Quốc Dũng" {
		t.Fatalf("signature area %q / %q / %q", flatWords(kt), flatWords(deputy), flatWords(name))
	}
	if !(date[0].yMax < kt[0].yMin && kt[0].yMax <= deputy[0].yMin+0.5) {
		t.Error("the title is not under the date, a line each")
	}
	if gap := (name[0].yMin - deputy[0].yMax) / ptPerMM; gap < 15 {
		t.Errorf("only %.1f mm for the signature and seal", gap)
	}
	cx := l.Fields[FieldDate].X * ptPerMM
	for _, ws := range [][]word{kt, deputy, name} {
		if x0, x1 := span(ws); math.Abs((x0+x1)/2-cx) > 1 {
			t.Errorf("%q centred at %.1f pt, want %.1f", flatWords(ws), (x0+x1)/2, cx)
		}
	}
}
