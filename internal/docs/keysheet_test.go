package docs

import (
	"strings"
	"testing"

	"tdkt/internal/domain"
)

func TestKeySheet_CarriesKeyFingerprintAndDirector(t *testing.T) {
	p := domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", ParentName: "Bảo hiểm xã hội Việt Nam",
		Place: "Hà Tĩnh", Director: domain.Signer{Name: "Nguyễn Văn Lâm", Position: "Giám đốc"}}
	d := KeySheet(KeySheetInput{Profile: p, PublicKey: "b4UynAh9JBrw2EBoIB9sd3+d0EZviK7w1zj/Vz6HTxQ=",
		Fingerprint: "80AE 358B 6ACF 9D02 2657 D2C9 8166 8531", Date: domain.NewDate(2026, 11, 23)})
	var tbl Table
	for _, b := range d.Body {
		if t2, ok := b.(Table); ok {
			tbl = t2
		}
	}
	rows := map[string]string{}
	for _, r := range tbl.Rows {
		rows[r.Cells[0]] = r.Cells[1]
	}
	if rows["Mã đơn vị"] != "HTI" || !strings.Contains(rows["Khóa công khai (Ed25519, base64)"], "b4UynAh9") {
		t.Fatalf("rows %v", rows)
	}
	if rows["Vân tay khóa"] != "80AE  358B  6ACF  9D02\n2657  D2C9  8166  8531" {
		t.Fatalf("fingerprint printed as %q, want two lines of four groups", rows["Vân tay khóa"])
	}
	if d.Signature.Right.Name != "Nguyễn Văn Lâm" || d.Signature.Right.Authority != "" {
		t.Fatalf("signed by %+v, want the director in his own name", d.Signature.Right)
	}
	if len(d.KinhGui) != 1 || !strings.Contains(d.KinhGui[0], "Bảo hiểm xã hội Việt Nam") {
		t.Fatalf("addressed to %v", d.KinhGui)
	}
}
