package domain

// Signer is a person who signs documents for the office.
type Signer struct {
	Name     string
	Position string // e.g. "Giám đốc", "Phó Giám đốc"
}

// OfficeProfile is how the office appears on its documents.
type OfficeProfile struct {
	UnitCode      string // the root unit's code
	UnitName      string // "BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH" as printed (stored in normal case)
	ParentName    string // "BẢO HIỂM XÃ HỘI VIỆT NAM"
	Place         string // place name for dates: "Hà Tĩnh"
	Director      Signer
	Deputies      []Signer
	DocNumberCode string // ký hiệu of the issuing body in numbers: "BHXH" in "12/TTr-BHXH"
}

// DirectorTitle is who decides the office's own awards, as decisions and
// the award history name him: "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh".
func (p OfficeProfile) DirectorTitle() string { return "Giám đốc " + p.UnitName }

// Validate names the first missing field of the profile.
func (p OfficeProfile) Validate() error {
	switch {
	case p.UnitCode == "":
		return FieldError{Field: "Mã đơn vị", Msg: "chưa nhập; nhập mã của đơn vị (ví dụ 42)"}
	case p.UnitName == "":
		return FieldError{Field: "Tên đơn vị", Msg: "chưa nhập; nhập tên như in trên văn bản"}
	case p.ParentName == "":
		return FieldError{Field: "Cơ quan cấp trên", Msg: "chưa nhập; ví dụ Bảo hiểm xã hội Việt Nam"}
	case p.Place == "":
		return FieldError{Field: "Địa danh", Msg: "chưa nhập; ví dụ Hà Tĩnh"}
	}
	return nil
}
