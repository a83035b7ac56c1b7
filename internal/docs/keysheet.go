package docs

import (
	"strings"

	"tdkt/internal/domain"
)

// KeySheetInput is what the key registration sheet says: the office, its
// public key (base64, as in its .pub file) and the key's fingerprint.
type KeySheetInput struct {
	Profile     domain.OfficeProfile
	PublicKey   string
	Fingerprint string
	Date        domain.Date
}

// FingerprintLines lays a key's fingerprint out as it is read over the
// phone: its groups of four on two lines ("80AE  358B  6ACF  9D02\n…"),
// on the sheet and on the screen alike.
func FingerprintLines(fp string) string {
	groups := strings.Fields(fp)
	if len(groups) <= 4 {
		return strings.Join(groups, "  ")
	}
	half := (len(groups) + 1) / 2
	return strings.Join(groups[:half], "  ") + "\n" + strings.Join(groups[half:], "  ")
}

// KeySheet is the paper that registers the office's signing key with the
// centre (phiếu đăng ký khóa ký hồ sơ): printed, signed and sealed by the
// director, it lets the centre compare the fingerprint of the .pub file it
// received by e-mail or USB with one nobody could have swapped on the way.
func KeySheet(in KeySheetInput) Document {
	p := in.Profile
	fp := FingerprintLines(in.Fingerprint)
	parent := p.ParentName
	if parent == "" {
		parent = "Bảo hiểm xã hội Việt Nam"
	}
	return Document{
		Header:  NewHeader(p, "", in.Date),
		Kind:    "PHIẾU ĐĂNG KÝ",
		Title:   []string{"Khóa ký gói hồ sơ đề nghị khen thưởng"},
		KinhGui: []string{parent + " (Ban Thi đua - Khen thưởng)"},
		Body: []Block{
			Paragraph{Text: p.UnitName + " đăng ký khóa công khai dùng để ký các gói hồ sơ đề nghị khen thưởng gửi " + parent + " như sau:"},
			Table{
				Columns: []Column{{Header: "Nội dung", Width: 1}, {Header: "Thông tin", Width: 2.4}},
				Rows: []Row{
					Cells("Đơn vị", p.UnitName),
					Cells("Mã đơn vị", p.UnitCode),
					Cells("Khóa công khai (Ed25519, base64)", in.PublicKey),
					{Cells: []string{"Vân tay khóa", fp}, Bold: true},
				},
			},
			Paragraph{Text: "Khi nhận tệp khóa công khai của đơn vị qua thư điện tử hoặc USB, đề nghị Ban Thi đua - Khen thưởng đối chiếu vân tay hiển thị trong chương trình với vân tay in trên phiếu này trước khi thêm khóa vào danh sách khóa các đơn vị. Gói hồ sơ ký bằng khóa khác sẽ bị giữ lại, không được nạp."},
			Paragraph{Text: "Khi đơn vị đổi khóa hoặc nghi khóa bị lộ, đơn vị gửi phiếu đăng ký mới và đề nghị hủy khóa cũ."},
		},
		Signature:  Signature{Right: SignerColumn(p.Director, "Giám đốc")},
		Recipients: []string{"Như trên", "Lưu: VT, TĐKT"},
	}
}
