package pdf

import (
	"strings"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

func TestRender_KeySheetShowsKeyAndFingerprint(t *testing.T) {
	p := domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", ParentName: "Bảo hiểm xã hội Việt Nam",
		Place: "Hà Tĩnh", Director: domain.Signer{Name: "Nguyễn Văn Lâm", Position: "Giám đốc"}}
	key := "b4UynAh9JBrw2EBoIB9sd3+d0EZviK7w1zj/Vz6HTxQ="
	b := render(t, docs.KeySheet(docs.KeySheetInput{Profile: p, PublicKey: key,
		Fingerprint: "80AE 358B 6ACF 9D02 2657 D2C9 8166 8531", Date: domain.NewDate(2026, 11, 23)}))
	all := flat(pdftotext(t, b))
	for _, want := range []string{"PHIẾU ĐĂNG KÝ", "Khóa ký gói hồ sơ đề nghị khen thưởng", key,
		"80AE 358B 6ACF 9D02", "2657 D2C9 8166 8531", "NGUYỄN VĂN LÂM", "Hà Tĩnh, ngày 23 tháng 11 năm 2026"} {
		if !strings.Contains(all, want) && !strings.Contains(strings.ToUpper(all), strings.ToUpper(want)) {
			t.Errorf("the key sheet lacks %q:\n%s", want, all)
		}
	}
}
