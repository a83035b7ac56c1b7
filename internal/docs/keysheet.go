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

// KeySheet is the paper that registers the office's signing key with the
// centre (phiếu đăng ký khóa ký hồ sơ): printed, signed and sealed by the
// director, it lets the centre compare the fingerprint of the .pub file it
// received by e-mail or USB with one nobody could have swapped on the way.
func KeySheet(in KeySheetInput) Document {
	p := in.Profile
	fp := in.Fingerprint
	// Two lines of four groups read better over the phone than one of eight.
	if g := strings.Fields(fp); len(g) == 8 {
		fp = strings.Join(g[:4], "  ") + "\n" + strings.Join(g[4:], "  ")
	}
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
