package service

// The demo office: a realistic, fictitious provincial office — any of the 34
// BHXH offices of the provinces and cities of DemoOffices (demo_offices.go),
// Bảo hiểm xã hội tỉnh Hà Tĩnh (HTI) by default — with its departments, its
// grassroots offices before and after the 2025 reorganisation, its staff
// and their history, generated deterministically from a seed so that tests,
// screenshots and training sessions can rely on it, and so that a script
// can build 34 distinct offices to feed a central database.
//
// Every office has the same structure: the same departments, 8 district
// offices H01–H08 until 30/6/2025 and 7 BHXH cơ sở CS01–CS07 from 1/7/2025
// with the same successor mapping, the same deliberate cases. Hà Tĩnh's
// grassroots offices carry the names of its districts; another office's are
// named by number ("Bảo hiểm xã hội khu vực số 1", "Bảo hiểm xã hội cơ sở
// số 1"). The staff are born mostly in the office's own province (the
// first digits of their CCCD numbers). The random parts (names, birth dates,
// CCCD numbers, ratings, …) differ from office to office with the same
// seed (demoStream).
//
// Years are relative to L, the last completed year (2025 when run in 2026).
// History is recorded for L-Years+1 .. L: ratings every year; titles and
// forms for the years before L, as the rules of rules.md would have
// conferred them; for L only the ratings, initiatives and discipline (the
// titles of L are what the year-end round decides), plus one đột xuất
// Giấy khen during L.
//
// Deliberate cases for eligibility tests (staff codes are fixed whatever the
// seed; names, birth dates and CCCD vary with it). They are listed with the
// codes of the default office HTI: another office's start with its own code
// (HNI0001, HNI-KHTC). "Q" qualifies, "miss" just misses, for year L:
//
//	HTI0001 Giám đốc         HCLD3 Q: BK_TTG in L-6; L-5..L all ≥ HTTNV with HTXSNV; CSTĐCS L-4, L-2, L-1
//	HTI0002 Phó Giám đốc (nữ) HCLD3 miss: BK_TTG in L-5, 3 CSTĐCS after it, but no HTXSNV in L-4..L
//	HTI0003 Phó Giám đốc     BK_TTG Q: BK_BO in L-5 (with 2 initiatives); L-4..L ≥ HTTNV; CSTĐCS L-3, L-2, L-1
//	HTI0004 LĐTT miss: recruited 2 July L, rated HTTNV in L
//	HTI0005 LĐTT Q (boundary): recruited 1 July L, rated HTTNV in L
//	HTI0006 LĐTT miss: khiển trách 16/3/L–15/9/L (ended within L), rated HTTNV in L
//	HTI0007 cảnh cáo since 20/11/L-1 with no end date (still in effect), Phòng Thu - Quản lý nợ:
//	        LĐTT miss, and TTLDTT miss for HTI-THU (member under cảnh cáo)
//	HTI0008 GK and LĐTT miss: rated HTNV in L
//	HTI0009 CSTĐCS Q by initiative: HTTNV in L and an unused grassroots initiative of L
//	HTI0010 CSTĐCS miss: HTTNV in L; its only initiative was recognised in L-1
//	HTI0011 CSTĐCS miss: HTTNV in L; its initiative of L already grounded a Giấy khen đột xuất of L
//	HTI0012 moved 1/9/L from Phòng Kiểm tra to BHXH cơ sở Kỳ Anh (member of HTI-CS07 on 31/12/L)
//	HTI0013 recruited 6/10/L, not rated in L: every verdict of L misses for lack of a rating
//	HTI0014 CSTD_BO Q (pending): CSTĐCS L-2, L-1, HTXSNV in L; ministry-scope initiative of L-1
//	HTI0015 CSTD_BO miss: CSTĐCS only in L-1 (and pending L), none in L-2; ministry initiative of L
//	HTI0016 CSTD_BO miss: CSTĐCS L-2, L-1, HTXSNV L, but only grassroots initiatives;
//	        BK_BO Q: CSTĐCS L-1 and L, two unused initiatives (L-1, L)
//	HTI0017 CSTD_TQ Q (pending): CSTD_BO in L-3, CSTĐCS L-2, L-1, HTXSNV L, ministry initiative L-2,
//	        national initiative L-1 ("Ứng dụng chữ ký số trong giao dịch điện tử BHXH")
//	HTI0018 CSTD_TQ miss: as HTI0017 but its national initiative is of L-6 (outside L-5..L)
//	HTI0019 BK_BO Q: HTXSNV in L-1 and L, two unused grassroots initiatives (L-1, L)
//	HTI0020 BK_BO miss: HTXSNV L-1 and L, CSTĐCS L-1, but one initiative in L-1..L where two are needed
//	HTI0021 BK_BO miss: CSTĐCS L-1 rested on its initiative of L-1, so one unused initiative is left
//	HTI0022 BK_BO miss: HTXSNV L-1 and L, two unused initiatives, but khiển trách 2/10/L-2–1/4/L-1
//	HTI0023 BK_TTG miss: BK_BO in L-5, years ≥ HTTNV, but only 2 CSTĐCS (L-2, L-1) and none pending
//	HTI0024 BK_TTG miss: BK_BO in L-6, 3 CSTĐCS, but rated HTNV in L-3
//	HTI0025 BK_TTG miss: its BK_BO of L-5 was đột xuất, which never counts toward a chain
//
// Collectives, for year L:
//
//	HTI-KHTC  TTLDXS Q: HTXSNV, every member ≥ HTNV, ≥ 70% LĐTT, a member CSTĐCS (pending)
//	HTI-KT    TTLDXS miss: one member rated KHTNV (TTLDTT Q)
//	HTI-CNTT  TTLDXS miss: LĐTT share between 50% and 70% (TTLDTT Q)
//	HTI-THU   TTLDTT miss: a member under cảnh cáo in L (HTI0007)
//	HTI-CS04  TTLDTT miss: exactly half (or just under half) of the members LĐTT
//	HTI-CS06  GK and TTLDTT miss: collective rated HTNV in L
//	HTI-VP    BK_BO Q: HTXSNV in L-1 and L;  HTI-TCCB BK_BO miss: HTTNV in L-1
//	HTI-GD    BK_TTG Q: BK_BO in L-5, HTXSNV L-4..L;  HTI-CD BK_TTG miss: HTTNV in L-2
//	HTI-CS01  BK_BO Q only through the code change HTI-H01 → HTI-CS01 (HTXSNV in L-1 under the old code)
//
// HTI0001–HTI0003 and HTI0014–HTI0025 carry their stories only when the office
// has at least demoChainStaff people (below that the CSTĐCS they need would
// break the 15% quota); HTI0001–HTI0003 then exist as plain leaders and
// HTI0014–HTI0025 as ordinary staff. The collective cases are built by
// adjusting the ratings of ordinary members and hold when the unit has
// enough of them (always at the default size). CO_BO and CO_CP have no case
// yet: the cluster of L is stored with every member's total (demo_emulation.go),
// but the eligibility engine does not read the ranking.

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

// DemoOptions sizes the demo office. Zero fields take their defaults.
type DemoOptions struct {
	Staff  int    // number of people (default 300, at least 20)
	Years  int    // years of history ending with the last completed year (default 6, 6–20)
	Seed   int64  // random seed (default 1)
	Office string // code of the office in DemoOffices, in any case (default DemoUnitCode)
}

// DemoUnitCode is the code of the default demo office's root unit:
// Bảo hiểm xã hội tỉnh Hà Tĩnh.
const DemoUnitCode = "HTI"

// DemoUser and DemoPassword are the demo office's director account
// (contracts.md): a known password is right for fictitious data that
// people open to learn the program, and only there.
const (
	DemoUser     = "admin"
	DemoPassword = "demo"
)

const (
	demoDefaultStaff = 300
	demoMinStaff     = 20
	demoMaxStaff     = 5000
	demoDefaultYears = 6
	demoMinYears     = 6
	demoMaxYears     = 20
	// demoChainStaff is the size from which the long chains (CSTĐ, Bằng khen,
	// Huân chương) are scripted: they need up to 13 CSTĐCS in one year, which
	// the 15% quota allows only with about 90 LĐTT.
	demoChainStaff = 150
)

var (
	demoFounded   = domain.NewDate(1995, time.August, 1) // BHXH Việt Nam began work in 1995
	demoReorg     = domain.NewDate(2025, time.July, 1)   // district offices became BHXH cơ sở
	demoUnderMoF  = domain.NewDate(2025, time.March, 1)  // VSS under the Ministry of Finance
	demoReorgNote = "Quyết định số 2286/QĐ-BTC ngày 30/6/2025 của Bộ trưởng Bộ Tài chính"
)

// demoRefusal is the error for a database that is not empty.
type demoRefusal struct{ msg string }

func (e demoRefusal) Error() string { return e.msg }
func (e demoRefusal) Unwrap() error { return domain.ErrInUse }

func (o DemoOptions) normalised() (DemoOptions, error) {
	if o.Staff == 0 {
		o.Staff = demoDefaultStaff
	}
	if o.Years == 0 {
		o.Years = demoDefaultYears
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if strings.TrimSpace(o.Office) == "" {
		o.Office = DemoUnitCode
	}
	if off, ok := DemoOfficeByCode(o.Office); ok {
		o.Office = off.Code
	} else {
		return o, domain.FieldError{Field: "Đơn vị mẫu", Msg: fmt.Sprintf("không có đơn vị mẫu mã %q; chọn một trong %d mã: %s", strings.TrimSpace(o.Office), len(DemoOffices), demoOfficeCodes())}
	}
	if o.Staff < demoMinStaff || o.Staff > demoMaxStaff {
		return o, domain.FieldError{Field: "Số cán bộ", Msg: fmt.Sprintf("cần từ %d đến %d, đang là %d", demoMinStaff, demoMaxStaff, o.Staff)}
	}
	if o.Years < demoMinYears || o.Years > demoMaxYears {
		return o, domain.FieldError{Field: "Số năm", Msg: fmt.Sprintf("cần từ %d đến %d năm, đang là %d", demoMinYears, demoMaxYears, o.Years)}
	}
	return o, nil
}

// FillDemo fills an empty database (no office yet) with the demo office,
// in one transaction: either all of it is written or nothing. progress, if
// not nil, is called with the number of records written so far and the total.
// The demo office gets the director account DemoUser / DemoPassword (unless
// an account of that name exists); FillDemo runs without a login on a
// database with no account (the first start), else it needs a director.
func (s *Service) FillDemo(ctx context.Context, opt DemoOptions, progress func(done, total int)) error {
	if err := s.requireOrFirstStart(ctx, domain.RoleDirector); err != nil {
		return err
	}
	opt, err := opt.normalised()
	if err != nil {
		return err
	}
	if p, ok, err := s.st.Profile(ctx); err != nil {
		return err
	} else if ok {
		return demoRefusal{fmt.Sprintf("Cơ sở dữ liệu này đã có đơn vị %s (%s); dữ liệu mẫu chỉ được tạo trong một cơ sở dữ liệu trống. Hãy chọn một tệp cơ sở dữ liệu mới.", p.UnitName, p.UnitCode)}
	}
	last := s.LastCompletedYear()
	if last < demoReorg.Year {
		return fmt.Errorf("dữ liệu mẫu mô phỏng việc sắp xếp BHXH cơ sở năm %d nên cần năm đã kết thúc gần nhất từ %d trở đi (đồng hồ máy đang cho năm %d)", demoReorg.Year, demoReorg.Year, last)
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return err
	}
	office, _ := DemoOfficeByCode(opt.Office)
	g := newDemoGen(opt, office, cat, last, s.Today())
	if err := g.plan(); err != nil {
		return fmt.Errorf("tạo dữ liệu mẫu: %w", err)
	}
	// The demo password is shorter than the policy allows a person to choose:
	// it is written here directly, not through CreateAccount.
	hash, err := HashPassword(DemoPassword)
	if err != nil {
		return err
	}
	st := s.st
	if s.actor == nil {
		st = st.As(DemoUser) // the journal names the demo director for the demo's records
	}
	err = st.Write(ctx, func(tx *store.Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		people, err := tx.People()
		if err != nil {
			return err
		}
		if len(units) > 0 || len(people) > 0 {
			return demoRefusal{fmt.Sprintf("Cơ sở dữ liệu này đã có %d đơn vị và %d cán bộ; dữ liệu mẫu chỉ được tạo trong một cơ sở dữ liệu trống. Hãy chọn một tệp cơ sở dữ liệu mới.", len(units), len(people))}
		}
		if _, _, ok, err := tx.AccountByName(DemoUser); err != nil {
			return err
		} else if !ok {
			if _, err := tx.CreateAccount(domain.Account{Username: DemoUser, FullName: "Giám đốc (đơn vị mẫu)", Role: domain.RoleDirector}, hash); err != nil {
				return err
			}
		}
		if err := g.write(ctx, tx, progress); err != nil {
			return err
		}
		// The window shows a banner on the demo office so nobody mistakes it for real data.
		return tx.SetSetting("demo", "1")
	})
	if err != nil {
		return err
	}
	// The demo office signs its packages with DemoPassphrase (contracts.md).
	return s.createSigningKey(ctx, DemoPassphrase)
}

// ---------------------------------------------------------------------------
// Fixed data: units, names, initiative titles, the scripted people.

type demoUnit struct {
	domain.Unit
	area      string // "huyện Can Lộc": where the unit works, for initiative titles
	level     string // old district offices: "huyện", "thị xã", "thành phố"
	successor string // old district offices: the BHXH cơ sở that took them over
	secondary bool   // merged into a successor headed by another office's director
	weight    float64
	free      bool // no collective case at year L: new recruits of L may go here
}

// demoDistrict is a grassroots office of the demo, before (level set) or
// after the 2025 reorganisation.
type demoDistrict struct {
	code, level, place, succ string
	weight                   float64
	secondary, free          bool
}

// demoHTIOld and demoHTINew are Hà Tĩnh's district offices and the BHXH cơ
// sở that took them over; every office has the same structure.
var (
	demoHTIOld = []demoDistrict{
		{code: "H01", level: "thành phố", place: "Hà Tĩnh", succ: "CS01", weight: 1.6},
		{code: "H02", level: "thị xã", place: "Hồng Lĩnh", succ: "CS02", weight: 1.0},
		{code: "H03", level: "huyện", place: "Đức Thọ", succ: "CS02", weight: 1.1, secondary: true},
		{code: "H04", level: "huyện", place: "Hương Sơn", succ: "CS03", weight: 1.2},
		{code: "H05", level: "huyện", place: "Hương Khê", succ: "CS04", weight: 1.1},
		{code: "H06", level: "huyện", place: "Can Lộc", succ: "CS05", weight: 1.1},
		{code: "H07", level: "huyện", place: "Cẩm Xuyên", succ: "CS06", weight: 1.2},
		{code: "H08", level: "huyện", place: "Kỳ Anh", succ: "CS07", weight: 1.2},
	}
	demoHTINew = []demoDistrict{
		{code: "CS01", place: "Thành Sen", free: true},
		{code: "CS02", place: "Hồng Lĩnh", free: true},
		{code: "CS03", place: "Hương Sơn", free: true},
		{code: "CS04", place: "Hương Khê"},
		{code: "CS05", place: "Can Lộc", free: true},
		{code: "CS06", place: "Cẩm Xuyên", free: true},
		{code: "CS07", place: "Kỳ Anh", free: true},
	}
)

// demoUnitList is the office o: its root, departments and grassroots
// offices. Hà Tĩnh's grassroots offices carry its districts' names; another
// office's are numbered: "Bảo hiểm xã hội khu vực số 1" until 30/6/2025,
// "Bảo hiểm xã hội cơ sở số 1" from 1/7/2025.
func demoUnitList(o DemoOffice) []*demoUnit {
	root, area := o.Code, o.area()
	dept := func(code, name string, w float64, free bool) *demoUnit {
		return &demoUnit{Unit: domain.Unit{Code: root + "-" + code, Name: name, ParentCode: root, Kind: domain.UnitDepartment, ValidFrom: demoFounded},
			area: area, weight: w, free: free}
	}
	old := func(d demoDistrict) *demoUnit {
		return &demoUnit{Unit: domain.Unit{Code: root + "-" + d.code, Name: "Bảo hiểm xã hội " + d.level + " " + d.place, ParentCode: root, Kind: domain.UnitGrassroots,
			ValidFrom: demoFounded, ValidTo: domain.DateOf(demoReorg.Time().AddDate(0, 0, -1))},
			area: d.level + " " + d.place, level: d.level, successor: root + "-" + d.succ, weight: d.weight, secondary: d.secondary}
	}
	cs := func(d demoDistrict) *demoUnit {
		return &demoUnit{Unit: domain.Unit{Code: root + "-" + d.code, Name: "Bảo hiểm xã hội cơ sở " + d.place, ParentCode: root, Kind: domain.UnitGrassroots, ValidFrom: demoReorg},
			area: "khu vực " + d.place, free: d.free}
	}
	units := []*demoUnit{
		{Unit: domain.Unit{Code: root, Name: o.Name, Kind: domain.UnitProvince, ValidFrom: demoFounded}, area: area},
		dept("VP", "Văn phòng", 1.2, true),
		dept("TCCB", "Phòng Tổ chức cán bộ", 0.6, true),
		dept("KHTC", "Phòng Kế hoạch - Tài chính", 1.0, false),
		dept("THU", "Phòng Thu - Quản lý nợ", 1.1, false),
		dept("CD", "Phòng Chế độ BHXH", 1.0, true),
		dept("GD", "Phòng Giám định BHYT", 1.1, true),
		dept("KT", "Phòng Kiểm tra", 0.8, false),
		dept("CNTT", "Phòng Công nghệ thông tin và Chuyển đổi số", 0.8, false),
	}
	for i, d := range demoHTIOld {
		if root != DemoUnitCode {
			d.level, d.place = "khu vực", fmt.Sprintf("số %d", i+1)
		}
		units = append(units, old(d))
	}
	for i, d := range demoHTINew {
		if root != DemoUnitCode {
			d.place = fmt.Sprintf("số %d", i+1)
		}
		units = append(units, cs(d))
	}
	return units
}

type demoWeighted struct {
	s string
	w float64
}

var demoFamilies = []demoWeighted{
	{"Nguyễn", 31}, {"Trần", 11}, {"Lê", 9}, {"Phan", 6}, {"Võ", 5}, {"Phạm", 5}, {"Hoàng", 4},
	{"Đặng", 3}, {"Bùi", 3}, {"Hồ", 3}, {"Đinh", 2.5}, {"Dương", 2}, {"Ngô", 2}, {"Vũ", 2},
	{"Đỗ", 1.5}, {"Thái", 1.5}, {"Đào", 1}, {"Trương", 1}, {"Mai", 1}, {"Cao", 1}, {"Lương", 1},
	{"Hà", 0.8}, {"Chu", 0.5}, {"Tôn", 0.5}, {"Lý", 0.5},
}

var demoMaleMiddle = []demoWeighted{
	{"Văn", 26}, {"Đức", 10}, {"Hữu", 8}, {"Minh", 8}, {"Quang", 7}, {"Công", 6}, {"Xuân", 6},
	{"Đình", 6}, {"Anh", 5}, {"Thanh", 5}, {"Trọng", 4}, {"Ngọc", 3}, {"Tiến", 3}, {"Duy", 3}, {"Mạnh", 3},
}

var demoFemaleMiddle = []demoWeighted{
	{"Thị", 40}, {"Thu", 8}, {"Ngọc", 6}, {"Thanh", 6}, {"Hồng", 5}, {"Minh", 4}, {"Phương", 4},
	{"Thùy", 4}, {"Kim", 3}, {"Mai", 3}, {"Hoài", 3}, {"Diệu", 2}, {"Khánh", 2}, {"Bảo", 2},
}

var demoFemaleSecond = []string{"Thu", "Ngọc", "Thanh", "Hồng", "Minh", "Mai", "Kim", "Hoài", "Phương", "Lan"}

var demoMaleGiven = []string{
	"Hùng", "Dũng", "Tuấn", "Long", "Nam", "Hải", "Sơn", "Thắng", "Cường", "Quân", "Trung", "Hiếu",
	"Đức", "Tùng", "Phong", "Hoàng", "Khánh", "Vinh", "Lâm", "Quang", "Thành", "Bình", "Hòa", "Tài",
	"Huy", "Đạt", "Kiên", "Toàn", "Hưng", "Lợi", "Thịnh", "Phúc", "Tân", "Việt", "An", "Trí", "Nghĩa", "Thái",
}

var demoFemaleGiven = []string{
	"Hương", "Lan", "Hoa", "Mai", "Hà", "Linh", "Trang", "Nga", "Huyền", "Thảo", "Phương", "Hằng",
	"Thủy", "Dung", "Yến", "Nhung", "Oanh", "Vân", "Hiền", "Ngân", "Giang", "Loan", "Hạnh", "Tâm",
	"Liên", "Nhàn", "Quỳnh", "Anh", "Chi", "Ly", "Nhi", "Thư", "Hậu", "Tuyết", "Duyên", "Uyên", "Vy",
}

var demoEthnicities = []demoWeighted{{"Kinh", 97}, {"Mường", 1}, {"Thái", 1}, {"Tày", 0.5}, {"Chứt", 0.5}}

var demoInitiativeBases = []string{
	"Giải pháp giảm tỷ lệ nợ đọng BHXH tại doanh nghiệp nhỏ",
	"Nâng cao hiệu quả phát triển người tham gia BHXH tự nguyện",
	"Giải pháp mở rộng bao phủ BHYT hộ gia đình",
	"Xây dựng công cụ đối soát tự động dữ liệu thu BHXH, BHYT",
	"Rút ngắn thời gian giải quyết hồ sơ hưởng chế độ ốm đau, thai sản",
	"Hướng dẫn người dân cài đặt và sử dụng ứng dụng VssID",
	"Quy trình kiểm tra chéo chi phí khám chữa bệnh BHYT có dấu hiệu bất thường",
	"Giải pháp chi trả lương hưu qua tài khoản ngân hàng cho người hưởng ở nông thôn",
	"Số hóa hồ sơ lưu trữ nghiệp vụ BHXH",
	"Xây dựng bộ hỏi đáp chính sách BHXH, BHYT cho người lao động",
	"Phối hợp với Ủy ban nhân dân cấp xã rà soát người chưa tham gia BHYT",
	"Giải pháp quản lý đại lý thu BHXH tự nguyện, BHYT hộ gia đình",
	"Tự động hóa báo cáo tình hình thu, chi BHXH hằng tháng",
	"Nâng cao chất lượng giám định BHYT theo chuyên đề",
	"Giải pháp phát hiện thẻ BHYT cấp trùng bằng đối chiếu dữ liệu dân cư",
	"Kết nối Cơ sở dữ liệu quốc gia về dân cư trong cấp sổ BHXH",
	"Cải tiến quy trình tiếp nhận hồ sơ một cửa",
	"Đổi mới truyền thông chính sách BHXH trên mạng xã hội",
	"Giải pháp thu hồi nợ BHXH bằng phối hợp liên ngành",
	"Ứng dụng phân tích dữ liệu trong lập kế hoạch thu BHXH",
	"Giải pháp chi trả chế độ BHXH không dùng tiền mặt",
	"Quản lý người hưởng trợ cấp BHXH hằng tháng bằng bản đồ số",
	"Nâng cao hiệu quả kiểm tra đóng BHXH tại doanh nghiệp có vốn đầu tư nước ngoài",
	"Xây dựng phần mềm theo dõi xử lý văn bản đến",
	"Giải pháp cấp thẻ BHYT kịp thời cho trẻ em dưới 6 tuổi",
	"Hướng dẫn quyết toán chi phí khám chữa bệnh BHYT tại trạm y tế xã",
	"Giải pháp phòng ngừa trục lợi quỹ BHYT",
	"Ứng dụng trí tuệ nhân tạo hỗ trợ trả lời người dân qua tổng đài",
	"Đẩy mạnh giao dịch điện tử giữa cơ quan BHXH và doanh nghiệp",
	"Chuẩn hóa dữ liệu mã số BHXH của người tham gia",
	"Giải pháp quản lý sổ BHXH điện tử",
	"Tổ chức đối thoại chính sách BHXH với người lao động tại khu kinh tế",
	"Kiểm soát chi phí khám chữa bệnh BHYT đa tuyến đến",
	"Cải tiến lưu trữ hồ sơ hưởng BHXH một lần",
	"Giải pháp vận động hộ nghèo, cận nghèo tham gia BHYT",
	"Quy trình thẩm định hồ sơ hưởng chế độ tai nạn lao động, bệnh nghề nghiệp",
	"Bảng theo dõi tiến độ thực hiện chỉ tiêu thu của BHXH cơ sở",
	"Nâng cao chất lượng phục vụ tại bộ phận tiếp nhận và trả kết quả",
	"Phân tích dữ liệu giám định để phát hiện chỉ định cận lâm sàng vượt mức",
	"Giải pháp quản lý người hưởng trợ cấp thất nghiệp đã có việc làm",
}

// demoRatings reads a compact rating history: one letter per year from
// offset from (relative to L) up to L. X HTXSNV, T HTTNV, N HTNV, K KHTNV.
func demoRatings(from int, letters string) map[int]domain.Rating {
	m := map[int]domain.Rating{}
	for i, c := range letters {
		r := map[rune]domain.Rating{'X': domain.HTXSNV, 'T': domain.HTTNV, 'N': domain.HTNV, 'K': domain.KHTNV}[c]
		m[from+i] = r
	}
	return m
}

// demoScript is a deliberate case. Offsets are years relative to L.
type demoScript struct {
	num      int
	chain    bool // the story needs a large office (Staff ≥ demoChainStaff)
	always   bool // the person exists in every demo (with or without story)
	unit     string
	position string
	gender   domain.Gender
	born     [2]int
	recruit  [3]int // offset, month, day; zero month: random
	ratings  map[int]domain.Rating
	unrated  []int
	cs       []int       // years of recorded CSTĐCS
	csInit   map[int]int // CSTĐCS year → index of the explicit initiative it rests on
	inits    []demoScriptInit
	awards   []demoScriptAward
	discs    []demoScriptDisc
	move     *demoScriptMove
}

type demoScriptInit struct {
	off   int
	scope domain.InitiativeScope
	month int
	title string
}

type demoScriptAward struct {
	off   int
	code  string
	kind  domain.AwardKind
	inits []int
	month int // one-off awards: month of the decision within the year
}

type demoScriptDisc struct {
	form     domain.DisciplineForm
	from, to [3]int // offset, month, day; zero month in to: no end date
}

type demoScriptMove struct {
	at       [3]int
	unit     string
	position string
}

// scripts are the deliberate cases of the office, with its codes.
func (g *demoGen) scripts() []demoScript {
	const (
		cs = domain.ScopeGrassroots
		bo = domain.ScopeMinistry
		tq = domain.ScopeNational
	)
	u := g.u
	// The heads of the district offices: "Giám đốc BHXH huyện" in Hà Tĩnh's
	// Hương Sơn and Can Lộc, "Giám đốc BHXH khu vực" in a numbered office.
	_, deputyH04 := g.headTitles(g.unit[u("H04")])
	headH06, _ := g.headTitles(g.unit[u("H06")])
	return []demoScript{
		{num: 1, always: true, chain: true, unit: g.office.Code, position: "Giám đốc", gender: domain.Male, born: [2]int{1967, 1970},
			ratings: demoRatings(-5, "XXTXXX"), cs: []int{-4, -2, -1},
			awards: []demoScriptAward{{off: -13, code: "BK_BO"}, {off: -6, code: "BK_TTG"}}},
		{num: 2, always: true, chain: true, unit: g.office.Code, position: "Phó Giám đốc", gender: domain.Female, born: [2]int{1970, 1973},
			ratings: demoRatings(-5, "XTTTTT"), cs: []int{-4, -3, -1},
			awards: []demoScriptAward{{off: -11, code: "BK_BO"}, {off: -5, code: "BK_TTG"}}},
		{num: 3, always: true, chain: true, unit: g.office.Code, position: "Phó Giám đốc", gender: domain.Male, born: [2]int{1972, 1976},
			ratings: demoRatings(-6, "XXTXXTT"), cs: []int{-6, -5, -3, -2, -1},
			inits:  []demoScriptInit{{off: -6, scope: cs}, {off: -5, scope: cs}},
			awards: []demoScriptAward{{off: -5, code: "BK_BO", inits: []int{0, 1}}}},
		{num: 4, always: true, unit: u("CS01"), born: [2]int{1998, 2001}, recruit: [3]int{0, 7, 2}, ratings: demoRatings(0, "T")},
		{num: 5, always: true, unit: u("CS01"), born: [2]int{1998, 2001}, recruit: [3]int{0, 7, 1}, ratings: demoRatings(0, "T")},
		{num: 6, always: true, unit: u("H02"), born: [2]int{1984, 1990}, ratings: demoRatings(-1, "TT"),
			discs: []demoScriptDisc{{form: domain.Reprimand, from: [3]int{0, 3, 16}, to: [3]int{0, 9, 15}}}},
		{num: 7, always: true, unit: u("THU"), gender: domain.Male, born: [2]int{1978, 1984}, ratings: demoRatings(-1, "NN"),
			discs: []demoScriptDisc{{form: domain.Warning, from: [3]int{-1, 11, 20}}}},
		{num: 8, always: true, unit: u("H04"), born: [2]int{1975, 1990}, ratings: demoRatings(-1, "TN")},
		{num: 9, always: true, unit: u("H02"), born: [2]int{1980, 1992}, ratings: demoRatings(-1, "TT"),
			inits: []demoScriptInit{{off: 0, scope: cs, month: 11}}},
		{num: 10, always: true, unit: u("H05"), born: [2]int{1980, 1992}, ratings: demoRatings(-1, "TT"),
			inits: []demoScriptInit{{off: -1, scope: cs, month: 11}}},
		{num: 11, always: true, unit: u("H01"), born: [2]int{1980, 1992}, ratings: demoRatings(-1, "TT"),
			inits:  []demoScriptInit{{off: 0, scope: cs, month: 4}},
			awards: []demoScriptAward{{off: 0, code: "GK", kind: domain.KindOneOff, inits: []int{0}, month: 6}}},
		{num: 12, always: true, unit: u("KT"), born: [2]int{1980, 1986}, ratings: demoRatings(0, "T"),
			move: &demoScriptMove{at: [3]int{0, 9, 1}, unit: u("CS07"), position: "Phó Giám đốc BHXH cơ sở"}},
		{num: 13, always: true, unit: u("CS05"), born: [2]int{1999, 2002}, recruit: [3]int{0, 10, 6}, unrated: []int{0}},
		{num: 14, chain: true, unit: u("KHTC"), position: "Phó Trưởng phòng", born: [2]int{1976, 1985},
			ratings: demoRatings(-5, "TTTXXX"), cs: []int{-2, -1},
			inits: []demoScriptInit{{off: -1, scope: bo}}},
		{num: 15, chain: true, unit: u("THU"), born: [2]int{1976, 1986},
			ratings: demoRatings(-5, "TTTTXX"), cs: []int{-1},
			inits: []demoScriptInit{{off: 0, scope: bo}}},
		{num: 16, chain: true, unit: u("CD"), born: [2]int{1976, 1986},
			ratings: demoRatings(-5, "TTTXXX"), cs: []int{-2, -1},
			inits: []demoScriptInit{{off: -1, scope: cs}, {off: 0, scope: cs}}},
		{num: 17, chain: true, unit: u("CNTT"), position: "Trưởng phòng", gender: domain.Male, born: [2]int{1975, 1982},
			ratings: demoRatings(-5, "XTXXXX"), cs: []int{-5, -4, -3, -2, -1},
			inits: []demoScriptInit{{off: -4, scope: bo}, {off: -2, scope: bo},
				{off: -1, scope: tq, title: "Ứng dụng chữ ký số trong giao dịch điện tử BHXH"}},
			awards: []demoScriptAward{{off: -3, code: "CSTD_BO"}}},
		{num: 18, chain: true, unit: u("GD"), position: "Phó Trưởng phòng", gender: domain.Female, born: [2]int{1975, 1983},
			ratings: demoRatings(-5, "XXTXXX"), cs: []int{-5, -4, -3, -2, -1},
			inits: []demoScriptInit{{off: -5, scope: bo}, {off: -1, scope: bo},
				{off: -6, scope: tq, title: "Mô hình quản lý người hưởng lương hưu, trợ cấp BHXH qua dữ liệu dân cư"}},
			awards: []demoScriptAward{{off: -3, code: "CSTD_BO"}}},
		{num: 19, chain: true, unit: u("VP"), born: [2]int{1978, 1988},
			ratings: demoRatings(-5, "TTTTXX"),
			inits:   []demoScriptInit{{off: -1, scope: cs}, {off: 0, scope: cs}}},
		{num: 20, chain: true, unit: u("TCCB"), gender: domain.Female, born: [2]int{1978, 1988},
			ratings: demoRatings(-5, "TTTTXX"), cs: []int{-1},
			inits: []demoScriptInit{{off: -2, scope: cs}, {off: 0, scope: cs}}},
		{num: 21, chain: true, unit: u("KT"), born: [2]int{1978, 1988},
			ratings: demoRatings(-5, "TTTTTX"), cs: []int{-1}, csInit: map[int]int{-1: 0},
			inits: []demoScriptInit{{off: -1, scope: cs}, {off: 0, scope: cs}}},
		{num: 22, chain: true, unit: u("H07"), born: [2]int{1978, 1988},
			ratings: demoRatings(-5, "TTTNXX"),
			inits:   []demoScriptInit{{off: -1, scope: cs, month: 11}, {off: 0, scope: cs}},
			discs:   []demoScriptDisc{{form: domain.Reprimand, from: [3]int{-2, 10, 2}, to: [3]int{-1, 4, 1}}}},
		{num: 23, chain: true, unit: u("H04"), position: deputyH04, born: [2]int{1972, 1980},
			ratings: demoRatings(-5, "XTTXXT"), cs: []int{-2, -1},
			inits:  []demoScriptInit{{off: -6, scope: cs}, {off: -5, scope: cs}},
			awards: []demoScriptAward{{off: -5, code: "BK_BO", inits: []int{0, 1}}}},
		{num: 24, chain: true, unit: u("H06"), position: headH06, gender: domain.Male, born: [2]int{1970, 1978},
			ratings: demoRatings(-5, "TXNTXX"), cs: []int{-4, -2, -1},
			inits:  []demoScriptInit{{off: -7, scope: cs}, {off: -6, scope: cs}},
			awards: []demoScriptAward{{off: -6, code: "BK_BO", inits: []int{0, 1}}}},
		{num: 25, chain: true, unit: u("H08"), born: [2]int{1972, 1982},
			ratings: demoRatings(-5, "TTXXTT"), cs: []int{-3, -2, -1},
			awards: []demoScriptAward{{off: -5, code: "BK_BO", kind: domain.KindOneOff, month: 6}}},
	}
}

// demoUnitStories are the collective ratings of the collective cases (and of
// the office itself), as letters from an offset up to L.
func demoUnitStories(root string) map[string]map[int]domain.Rating {
	u := func(c string) string { return root + "-" + c }
	return map[string]map[int]domain.Rating{
		root:      demoRatings(-5, "XXTXXX"),
		u("VP"):   demoRatings(-1, "XX"),
		u("TCCB"): demoRatings(-1, "TX"),
		u("GD"):   demoRatings(-5, "XXXXXX"),
		u("CD"):   demoRatings(-5, "XXXTXX"),
		u("KHTC"): demoRatings(0, "X"),
		u("KT"):   demoRatings(0, "X"),
		u("CNTT"): demoRatings(0, "X"),
		u("THU"):  demoRatings(0, "T"),
		u("CS04"): demoRatings(0, "T"),
		u("CS06"): demoRatings(0, "N"),
		u("H01"):  demoRatings(-1, "X"),
		u("CS01"): demoRatings(0, "X"),
	}
}

// ---------------------------------------------------------------------------
// The generator: everything is planned in memory first, then written.

type demoAuthority int

const (
	demoByOffice demoAuthority = iota
	demoByMinistry
	demoByPM
	demoByPresident
)

type demoDecision struct {
	no     string
	date   domain.Date
	issuer string
}

type demoMove struct {
	on       domain.Date
	unit     string
	position string
}

type demoPerson struct {
	domain.Person // as recruited: first unit and position
	moves         []demoMove
	rating        map[int]domain.Rating
	latent        float64
	sc            *demoScript // the deliberate case, when its story is told
	manager       bool
	inits         []*demoInit // authored
}

type demoInit struct {
	domain.Initiative
	seq    int
	usedBy string
}

type demoGen struct {
	rng         *rand.Rand
	cat         rules.Catalogue
	opt         DemoOptions
	office      DemoOffice
	provinces   []demoWeighted // CCCD province codes of places of birth
	today       domain.Date
	last, first int
	chains      bool

	units  []*demoUnit
	unit   map[string]*demoUnit
	people []*demoPerson
	person map[string]*demoPerson

	inits     []*demoInit
	titles    map[string]bool
	awards    []domain.AwardRecord
	awardKind map[string]domain.AwardKind
	discs     []domain.Discipline
	discOf    map[string][]domain.Discipline
	uRating   map[string]map[int]domain.Rating
	decisions map[string]demoDecision
	usedNos   map[string]bool
	cccd      map[string]bool
	members   map[int]map[string][]*demoPerson
}

func newDemoGen(opt DemoOptions, office DemoOffice, cat rules.Catalogue, last int, today domain.Date) *demoGen {
	g := &demoGen{
		rng:       rand.New(rand.NewPCG(uint64(opt.Seed), demoStream(0x7464_6b74_6465_6d6f, office))),
		cat:       cat,
		opt:       opt,
		office:    office,
		provinces: demoProvincesOf(office),
		today:     today,
		last:      last,
		first:     last - opt.Years + 1,
		chains:    opt.Staff >= demoChainStaff,
		unit:      map[string]*demoUnit{},
		person:    map[string]*demoPerson{},
		titles:    map[string]bool{},
		awardKind: map[string]domain.AwardKind{},
		discOf:    map[string][]domain.Discipline{},
		uRating:   map[string]map[int]domain.Rating{},
		decisions: map[string]demoDecision{},
		usedNos:   map[string]bool{},
		cccd:      map[string]bool{},
	}
	g.units = demoUnitList(office)
	for _, u := range g.units {
		g.unit[u.Code] = u
	}
	return g
}

func (g *demoGen) plan() error {
	g.planPeople()
	g.planPositions()
	g.planMoves()
	g.indexMembers()
	g.planDisciplines()
	g.planRatings()
	g.planUnitRatings()
	g.fixCollectiveCases()
	g.planInitiatives()
	if err := g.planHistory(); err != nil {
		return err
	}
	g.planRecords()
	return nil
}

// demoStream is the second seed of one of the generator's random streams
// for office o. Offices built with the same seed get different streams, so
// different people: otherwise the 34 offices would share their names, birth
// dates and the random digits of their CCCD numbers, by which the centre
// recognises a person across offices. Hà Tĩnh keeps the stream it always
// had, so its demo is the same as before there were other offices.
func demoStream(base uint64, o DemoOffice) uint64 {
	if o.Code == DemoUnitCode {
		return base
	}
	h := fnv.New64a()
	h.Write([]byte(o.Code))
	return base ^ h.Sum64()
}

// ---- small helpers ----

// u is the code of the office's unit with suffix c: "HTI-KHTC".
func (g *demoGen) u(c string) string { return g.office.Code + "-" + c }

// staffCode is the code of the office's staff member num: "HTI0014".
func (g *demoGen) staffCode(num int) string { return fmt.Sprintf("%s%04d", g.office.Code, num) }

func (g *demoGen) pick(ws []demoWeighted) string {
	var total float64
	for _, w := range ws {
		total += w.w
	}
	x := g.rng.Float64() * total
	for _, w := range ws {
		if x < w.w {
			return w.s
		}
		x -= w.w
	}
	return ws[len(ws)-1].s
}

func (g *demoGen) one(xs []string) string { return xs[g.rng.IntN(len(xs))] }

func (g *demoGen) between(a, b int) int { return a + g.rng.IntN(b-a+1) }

func (g *demoGen) dayIn(y int, m time.Month) domain.Date {
	days := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return domain.NewDate(y, m, 1+g.rng.IntN(days))
}

func (g *demoGen) randomDay(y int) domain.Date { return g.dayIn(y, time.Month(1+g.rng.IntN(12))) }

func demoAddDays(d domain.Date, n int) domain.Date { return domain.DateOf(d.Time().AddDate(0, 0, n)) }

// demoWorkday moves a Saturday or a Sunday to the next Monday.
func demoWorkday(d domain.Date) domain.Date {
	switch d.Time().Weekday() {
	case time.Saturday:
		return demoAddDays(d, 2)
	case time.Sunday:
		return demoAddDays(d, 1)
	}
	return d
}

func demoRel(last int, v [3]int) domain.Date {
	return domain.NewDate(last+v[0], time.Month(v[1]), v[2])
}

func (g *demoGen) regime(y int) string {
	if r, ok := g.cat.RegimeFor(y); ok {
		return r.Code
	}
	return ""
}

func (g *demoGen) param(key string, y int, def string) string {
	if v, ok := g.cat.Param(key, g.regime(y), domain.YearEnd(y)); ok && v != "" {
		return v
	}
	return def
}

func (g *demoGen) paramInt(key string, y int, def int) int {
	if n, err := strconv.Atoi(g.param(key, y, "")); err == nil {
		return n
	}
	return def
}

// cutoff is the last recruitment day that still gives LĐTT in year y.
func (g *demoGen) cutoff(y int) domain.Date {
	v := g.param("ldtt.recruited_by", y, "07-01")
	var m, d int
	if _, err := fmt.Sscanf(v, "%d-%d", &m, &d); err != nil {
		m, d = 7, 1
	}
	return domain.NewDate(y, time.Month(m), d)
}

func (g *demoGen) htxsSuffices(y int) bool {
	return g.param("cstdcs.htxsnv_suffices", y, "true") == "true"
}

func (g *demoGen) minRating(key string, y int, def domain.Rating) domain.Rating {
	return domain.Rating(g.param(key, y, string(def)))
}

func (g *demoGen) unitOn(p *demoPerson, d domain.Date) string {
	if d.Before(p.RecruitedOn) {
		return ""
	}
	u := p.UnitCode
	for _, m := range p.moves {
		if m.on.After(d) {
			break
		}
		u = m.unit
	}
	return u
}

func (g *demoGen) positionOn(p *demoPerson, d domain.Date) string {
	pos := p.Position
	for _, m := range p.moves {
		if m.on.After(d) {
			break
		}
		pos = m.position
	}
	return pos
}

func (g *demoGen) addMove(p *demoPerson, m demoMove) {
	p.moves = append(p.moves, m)
	sort.SliceStable(p.moves, func(i, j int) bool { return p.moves[i].on.Before(p.moves[j].on) })
}

// rated reports whether a person gets an annual rating for y: people
// recruited in the last quarter are not rated yet.
func (g *demoGen) rated(p *demoPerson, y int) bool {
	return !p.RecruitedOn.After(domain.NewDate(y, time.September, 30))
}

func (g *demoGen) disciplined(code string, y, minSeverity int) bool {
	for _, d := range g.discOf[code] {
		if d.Form.Severity() >= minSeverity && d.InEffectDuring(y) {
			return true
		}
	}
	return false
}

// ldtt applies rule 1 of rules.md to the planned history.
func (g *demoGen) ldtt(p *demoPerson, y int) bool {
	return p.rating[y].Rank() >= domain.HTTNV.Rank() && g.ldttCapable(p, y)
}

// ldttCapable is LĐTT but for the rating.
func (g *demoGen) ldttCapable(p *demoPerson, y int) bool {
	return g.rated(p, y) && !p.RecruitedOn.After(g.cutoff(y)) && !g.disciplined(p.StaffCode, y, 1) &&
		g.unitOn(p, domain.YearEnd(y)) != ""
}

func demoAwardKey(sub domain.Subject, y int, code string) string {
	return fmt.Sprintf("%s|%s|%d|%s", sub.Kind, sub.Code, y, code)
}

func (g *demoGen) has(sub domain.Subject, y int, code string) bool {
	return g.awardKind[demoAwardKey(sub, y, code)] != ""
}

// hasMerit reports a công trạng award: the only kind that counts in chains.
func (g *demoGen) hasMerit(sub domain.Subject, y int, code string) bool {
	return g.awardKind[demoAwardKey(sub, y, code)] == domain.KindMerit
}

// ---- decisions ----

func (g *demoGen) issuer(a demoAuthority, d domain.Date) (issuer, suffix string, perDay int) {
	switch a {
	case demoByMinistry:
		if d.Before(demoUnderMoF) {
			return "Bảo hiểm xã hội Việt Nam", "QĐ-BHXH", 6
		}
		return "Bộ trưởng Bộ Tài chính", "QĐ-BTC", 12
	case demoByPM:
		return "Thủ tướng Chính phủ", "QĐ-TTg", 4
	case demoByPresident:
		return "Chủ tịch nước", "QĐ-CTN", 4
	}
	return "Giám đốc " + g.office.Name, "QĐ-BHXH", 3
}

// decision returns the decision filed under key, making it the first time
// with a date in the given month and day range of year y. Numbers grow
// through the year, as a register's do.
func (g *demoGen) decision(key string, a demoAuthority, y int, m time.Month, dayFrom, dayTo int) demoDecision {
	if d, ok := g.decisions[key]; ok {
		return d
	}
	date := demoWorkday(domain.NewDate(y, m, g.between(dayFrom, dayTo)))
	if !date.Before(g.today) {
		date = demoAddDays(g.today, -1)
	}
	issuer, suffix, per := g.issuer(a, date)
	n := (date.Time().YearDay()-1)*per + 1 + g.rng.IntN(per)
	for g.usedNos[fmt.Sprintf("%s|%d|%d", issuer, date.Year, n)] {
		n++
	}
	g.usedNos[fmt.Sprintf("%s|%d|%d", issuer, date.Year, n)] = true
	d := demoDecision{no: fmt.Sprintf("%d/%s", n, suffix), date: date, issuer: issuer}
	g.decisions[key] = d
	return d
}

// titleDecision is the decision conferring the year-end titles of year y
// with the award code, decided early in y+1 by the authority of that award.
func (g *demoGen) titleDecision(code string, k domain.SubjectKind, y int) demoDecision {
	key := fmt.Sprintf("%s/%s/%d", code, k, y)
	switch code {
	case "LDTT":
		return g.decision(key, demoByOffice, y+1, time.January, 5, 9)
	case "CSTDCS", "TTLDTT", "GK":
		return g.decision(key, demoByOffice, y+1, time.January, 12, 20)
	case "CSTD_BO", "TTLDXS", "CO_BO":
		return g.decision(key, demoByMinistry, y+1, time.Month(g.between(3, 4)), 1, 28)
	case "BK_BO":
		return g.decision(key, demoByMinistry, y+1, time.Month(g.between(4, 5)), 1, 28)
	case "BK_TTG", "CSTD_TQ", "CO_CP":
		return g.decision(key, demoByPM, y+1, time.Month(g.between(7, 9)), 1, 28)
	case "HCLD3":
		return g.decision(key, demoByPresident, y+1, time.Month(g.between(9, 11)), 1, 28)
	}
	return g.decision(key, demoByOffice, y+1, time.February, 1, 20)
}

func (g *demoGen) award(sub domain.Subject, y int, code string, kind domain.AwardKind, dec demoDecision, inits []*demoInit) bool {
	key := demoAwardKey(sub, y, code)
	if g.awardKind[key] != "" {
		return false
	}
	rec := domain.AwardRecord{Subject: sub, Year: y, AwardCode: code, DecisionNo: dec.no, DecisionDate: dec.date, Issuer: dec.issuer, Kind: kind}
	for _, in := range inits {
		in.usedBy = key
		rec.Initiatives = append(rec.Initiatives, in.Title)
	}
	g.awards = append(g.awards, rec)
	g.awardKind[key] = kind
	return true
}

// ---- people ----

func (g *demoGen) birth(from, to int) domain.Date { return g.randomDay(g.between(from, to)) }

func (g *demoGen) name(gender domain.Gender, born int) string {
	fam := g.pick(demoFamilies)
	for {
		var mid, given string
		if gender == domain.Female {
			ws := demoFemaleMiddle
			if born >= 1985 {
				ws = append([]demoWeighted{{"Thị", 18}}, ws[1:]...)
			}
			mid = g.pick(ws)
			if mid == "Thị" && g.rng.Float64() < 0.25 {
				mid += " " + g.one(demoFemaleSecond)
			}
			given = g.one(demoFemaleGiven)
		} else {
			ws := demoMaleMiddle
			if born >= 1990 {
				ws = append([]demoWeighted{{"Văn", 10}}, ws[1:]...)
			}
			mid = g.pick(ws)
			given = g.one(demoMaleGiven)
		}
		if !strings.Contains(mid, given) {
			return rules.Clean(fam + " " + mid + " " + given)
		}
	}
}

func (g *demoGen) newCCCD(gender domain.Gender, birth domain.Date) string {
	prov := g.pick(g.provinces)
	d4 := 0
	if gender == domain.Female {
		d4 = 1
	}
	if birth.Year >= 2000 {
		d4 += 2
	}
	for {
		c := fmt.Sprintf("%s%d%02d%06d", prov, d4, birth.Year%100, g.rng.IntN(1000000))
		if !g.cccd[c] {
			g.cccd[c] = true
			return c
		}
	}
}

// recruitDate is a plausible first day of work for someone born on birth,
// not before BHXH Việt Nam existed and not later than latest.
func (g *demoGen) recruitDate(birth domain.Date, latest int) domain.Date {
	age := 22 + g.rng.IntN(6)
	if g.rng.Float64() < 0.2 {
		age += g.rng.IntN(8)
	}
	y := birth.Year + age
	if y > latest {
		y = latest
	}
	d := g.randomDay(y)
	if d.Before(demoFounded) {
		d = demoAddDays(demoFounded, g.rng.IntN(6*365))
	}
	if min := domain.NewDate(birth.Year+21, birth.Month, 1); d.Before(min) {
		d = min
	}
	return demoWorkday(d)
}

func (g *demoGen) pickUnit(after bool, freeOnly bool) string {
	var ws []demoWeighted
	for _, u := range g.units {
		switch {
		case u.Kind == domain.UnitProvince:
			continue
		case freeOnly && !u.free:
			continue
		case u.Kind == domain.UnitDepartment:
		case after != (u.successor == ""):
			continue
		}
		w := u.weight
		if w == 0 {
			w = 1
		}
		ws = append(ws, demoWeighted{u.Code, w})
	}
	return g.pick(ws)
}

func (g *demoGen) planPeople() {
	scripts := map[int]*demoScript{}
	for _, sc := range g.scripts() {
		if sc.always || g.chains {
			sc := sc
			scripts[sc.num] = &sc
		}
	}
	// The newest recruits have the highest codes; a few are recruited in L.
	lateCount := max(2, g.opt.Staff/100)
	lateDates := [][2]int{{2, 3}, {8, 4}, {4, 1}, {9, 15}, {11, 3}, {5, 12}}
	for num := 1; num <= g.opt.Staff; num++ {
		code := g.staffCode(num)
		p := &demoPerson{rating: map[int]domain.Rating{}}
		p.StaffCode = code
		p.Ethnicity = g.pick(demoEthnicities)
		late := num > g.opt.Staff-lateCount
		if sc := scripts[num]; sc != nil {
			p.Gender = sc.gender
			if p.Gender == "" {
				p.Gender = domain.Male
				if g.rng.Float64() < 0.62 {
					p.Gender = domain.Female
				}
			}
			p.BirthDate = g.birth(sc.born[0], sc.born[1])
			if sc.recruit[1] != 0 {
				p.RecruitedOn = demoRel(g.last, sc.recruit)
			} else {
				p.RecruitedOn = g.recruitDate(p.BirthDate, g.last-8)
			}
			p.UnitCode, p.Position = sc.unit, sc.position
			if sc.position != "" && sc.position != "Chuyên viên" {
				p.manager = true
			}
			if g.chains || !sc.chain {
				p.sc = sc
			}
		} else {
			p.Gender = domain.Male
			if g.rng.Float64() < 0.62 {
				p.Gender = domain.Female
			}
			if late {
				p.BirthDate = g.birth(g.last-28, g.last-23)
				d := lateDates[(g.opt.Staff-num)%len(lateDates)]
				p.RecruitedOn = demoWorkday(domain.NewDate(g.last, time.Month(d[0]), d[1]))
				p.UnitCode = g.pickUnit(true, true)
			} else {
				// Retirement age (Bộ luật Lao động 2019) in 2026: 61 years 6
				// months for men, 57 for women.
				from := 1965
				if p.Gender == domain.Female {
					from = 1970
				}
				p.BirthDate = g.birth(from, 2000)
				p.RecruitedOn = g.recruitDate(p.BirthDate, g.last-1)
				p.UnitCode = g.pickUnit(!p.RecruitedOn.Before(demoReorg), false)
			}
		}
		p.FullName = g.name(p.Gender, p.BirthDate.Year)
		p.CCCD = g.newCCCD(p.Gender, p.BirthDate)
		g.people = append(g.people, p)
		g.person[code] = p
	}
}

func (g *demoGen) headTitles(u *demoUnit) (head, deputy string) {
	switch {
	case u.Code == g.u("VP"):
		return "Chánh Văn phòng", "Phó Chánh Văn phòng"
	case u.Kind == domain.UnitDepartment:
		return "Trưởng phòng", "Phó Trưởng phòng"
	case u.level != "":
		return "Giám đốc BHXH " + u.level, "Phó Giám đốc BHXH " + u.level
	}
	return "Giám đốc BHXH cơ sở", "Phó Giám đốc BHXH cơ sở"
}

// planPositions names a head and deputies in each unit (unless a scripted
// person holds the post) and gives everyone else a staff position.
func (g *demoGen) planPositions() {
	for _, u := range g.units {
		if u.Kind == domain.UnitProvince {
			continue
		}
		head, deputy := g.headTitles(u)
		var ms []*demoPerson
		hasHead, deputies := false, 0
		for _, p := range g.people {
			if p.UnitCode != u.Code {
				continue
			}
			switch p.Position {
			case head:
				hasHead = true
			case deputy:
				deputies++
			}
			if p.Position == "" && p.RecruitedOn.Before(domain.NewDate(g.last-3, 1, 1)) {
				ms = append(ms, p)
			}
		}
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].RecruitedOn.Before(ms[j].RecruitedOn) })
		want := 0
		if n := len(ms); n >= 12 {
			want = 2
		} else if n >= 4 {
			want = 1
		}
		for _, p := range ms {
			switch {
			case !hasHead && p.BirthDate.Year <= 1982:
				p.Position, p.manager, hasHead = head, true, true
			case deputies < want && p.BirthDate.Year <= 1986:
				p.Position, p.manager = deputy, true
				deputies++
			}
		}
	}
	for _, p := range g.people {
		if p.Position != "" {
			continue
		}
		u := g.unit[p.UnitCode]
		x := g.rng.Float64()
		switch {
		case u.Code == g.u("KHTC") && x < 0.65, u.level != "" && x < 0.12:
			p.Position = "Kế toán viên"
		case u.Code == g.u("VP") && x < 0.35, u.level != "" && x < 0.22:
			p.Position = "Nhân viên"
		case p.BirthDate.Year < 1980 && x > 0.7:
			p.Position = "Chuyên viên chính"
		default:
			p.Position = "Chuyên viên"
		}
	}
}

// planMoves: a few transfers over the years, the scripted one, then the
// 2025 reorganisation that moved every district office's staff to its BHXH cơ sở.
func (g *demoGen) planMoves() {
	var movable []*demoPerson
	start := domain.NewDate(g.first, time.January, 15)
	for _, p := range g.people {
		if p.sc == nil && !p.manager && p.RecruitedOn.Before(domain.NewDate(g.first-1, 1, 1)) && p.UnitCode != g.office.Code {
			movable = append(movable, p)
		}
	}
	span := int(demoReorg.Time().Sub(start.Time()).Hours()/24) - 30
	n := max(2, g.opt.Staff*3/100)
	for i := 0; i < n && len(movable) > 0 && span > 0; i++ {
		k := g.rng.IntN(len(movable))
		p := movable[k]
		movable = append(movable[:k], movable[k+1:]...)
		on := demoWorkday(demoAddDays(start, g.rng.IntN(span)))
		from := g.unitOn(p, on)
		to := from
		for to == from {
			to = g.pickUnit(false, false)
		}
		pos := g.positionOn(p, on)
		if pos == "Kế toán viên" && to != g.u("KHTC") && g.unit[to].level == "" {
			pos = "Chuyên viên"
		}
		g.addMove(p, demoMove{on: on, unit: to, position: pos})
	}
	for _, p := range g.people {
		if p.sc != nil && p.sc.move != nil {
			g.addMove(p, demoMove{on: demoRel(g.last, p.sc.move.at), unit: p.sc.move.unit, position: p.sc.move.position})
		}
	}
	eve := demoAddDays(demoReorg, -1)
	for _, p := range g.people {
		u := g.unit[g.unitOn(p, eve)]
		if u == nil || u.successor == "" {
			continue
		}
		pos := g.positionOn(p, eve)
		switch {
		case strings.HasPrefix(pos, "Giám đốc BHXH ") && u.secondary, strings.HasPrefix(pos, "Phó Giám đốc BHXH "):
			pos = "Phó Giám đốc BHXH cơ sở"
		case strings.HasPrefix(pos, "Giám đốc BHXH "):
			pos = "Giám đốc BHXH cơ sở"
		}
		g.addMove(p, demoMove{on: demoReorg, unit: u.successor, position: pos})
	}
}

// indexMembers lists each unit's members on 31 December of every year.
func (g *demoGen) indexMembers() {
	g.members = map[int]map[string][]*demoPerson{}
	for y := g.first; y <= g.last; y++ {
		m := map[string][]*demoPerson{}
		for _, p := range g.people {
			if u := g.unitOn(p, domain.YearEnd(y)); u != "" {
				m[u] = append(m[u], p)
			}
		}
		g.members[y] = m
	}
}

func (g *demoGen) addDiscipline(d domain.Discipline) {
	g.discs = append(g.discs, d)
	g.discOf[d.StaffCode] = append(g.discOf[d.StaffCode], d)
}

func (g *demoGen) disciplineNo(code string, from domain.Date) string {
	m := from.Month
	return g.decision("KL/"+code+"/"+from.ISO(), demoByOffice, from.Year, m, from.Day, from.Day).no
}

func (g *demoGen) planDisciplines() {
	for _, p := range g.people {
		if p.sc == nil {
			continue
		}
		for _, d := range p.sc.discs {
			from := demoRel(g.last, d.from)
			var to domain.Date
			if d.to[1] != 0 {
				to = demoRel(g.last, d.to)
			}
			g.addDiscipline(domain.Discipline{StaffCode: p.StaffCode, Form: d.form, From: from, To: to, DecisionNo: g.disciplineNo(p.StaffCode, from)})
		}
	}
	// A few reprimands of six months in earlier years, among ordinary staff.
	var pool []*demoPerson
	for _, p := range g.people {
		if p.sc == nil && !p.manager && p.RecruitedOn.Before(domain.NewDate(g.first, 1, 1)) {
			pool = append(pool, p)
		}
	}
	n := 1 + g.opt.Staff/100
	for i := 0; i < n && len(pool) > 0; i++ {
		k := g.rng.IntN(len(pool))
		p := pool[k]
		pool = append(pool[:k], pool[k+1:]...)
		y := g.between(g.first+1, g.last-2)
		from := demoWorkday(domain.NewDate(y, time.Month(g.between(3, 9)), g.between(1, 25)))
		to := demoAddDays(domain.DateOf(from.Time().AddDate(0, 6, 0)), -1)
		form := domain.Reprimand
		g.addDiscipline(domain.Discipline{StaffCode: p.StaffCode, Form: form, From: from, To: to, DecisionNo: g.disciplineNo(p.StaffCode, from)})
	}
}

func (g *demoGen) planRatings() {
	for _, p := range g.people {
		p.latent = g.rng.NormFloat64()
		if p.manager {
			p.latent += 0.5
		}
		for y := g.first; y <= g.last; y++ {
			z := 0.75*p.latent + 0.66*g.rng.NormFloat64()
			if !g.rated(p, y) {
				continue
			}
			r := domain.HTTNV
			switch {
			case z > 0.78 && p.RecruitedOn.Year < y:
				r = domain.HTXSNV
			case z < -2.6:
				r = domain.KHTNV
			case z < -1.95:
				r = domain.HTNV
			}
			if g.disciplined(p.StaffCode, y, 1) && r.Rank() > domain.HTNV.Rank() {
				r = domain.HTNV
			}
			p.rating[y] = r
		}
		if p.sc == nil {
			continue
		}
		for off, r := range p.sc.ratings {
			if y := g.last + off; y >= g.first && g.rated(p, y) {
				p.rating[y] = r
			}
		}
		for _, off := range p.sc.unrated {
			delete(p.rating, g.last+off)
		}
	}
}

func (g *demoGen) planUnitRatings() {
	stories := demoUnitStories(g.office.Code)
	for _, u := range g.units {
		m := map[int]domain.Rating{}
		latent := g.rng.NormFloat64()
		for y := g.first; y <= g.last; y++ {
			z := 0.7*latent + 0.7*g.rng.NormFloat64()
			if !u.ActiveOn(domain.YearEnd(y)) {
				continue
			}
			r := domain.HTTNV
			switch {
			case z > 0.45:
				r = domain.HTXSNV
			case z < -1.9:
				r = domain.HTNV
			}
			m[y] = r
		}
		for off, r := range stories[u.Code] {
			if y := g.last + off; y >= g.first && u.ActiveOn(domain.YearEnd(y)) {
				m[y] = r
			}
		}
		g.uRating[u.Code] = m
	}
}

// fixCollectiveCases adjusts the year-L ratings of ordinary members (never
// of a scripted person) so that the collective cases listed at the top hold.
func (g *demoGen) fixCollectiveCases() {
	L := g.last
	u := g.u
	members := func(code string) (all, free []*demoPerson) {
		for _, p := range g.members[L][code] {
			all = append(all, p)
			if p.sc == nil && g.rated(p, L) {
				free = append(free, p)
			}
		}
		return
	}
	atLeast := func(ps []*demoPerson, r domain.Rating) {
		for _, p := range ps {
			if p.rating[L].Rank() < r.Rank() {
				p.rating[L] = r
			}
		}
	}
	count := func(ps []*demoPerson) int {
		n := 0
		for _, p := range ps {
			if g.ldtt(p, L) {
				n++
			}
		}
		return n
	}
	ensureStar := func(all, free []*demoPerson) {
		for _, p := range all {
			if g.ldtt(p, L) && p.rating[L] == domain.HTXSNV {
				return
			}
		}
		for _, p := range free {
			if g.ldttCapable(p, L) {
				p.rating[L] = domain.HTXSNV
				return
			}
		}
	}
	// steer moves the LĐTT count of the unit towards k by changing free members.
	steer := func(all, free []*demoPerson, k int, keepStar bool) {
		cur := count(all)
		for _, p := range free {
			if cur < k && !g.ldtt(p, L) && g.ldttCapable(p, L) {
				p.rating[L] = domain.HTTNV
				cur++
			}
		}
		stars := 0
		for _, p := range all {
			if g.ldtt(p, L) && p.rating[L] == domain.HTXSNV {
				stars++
			}
		}
		for i := len(free) - 1; i >= 0 && cur > k; i-- {
			p := free[i]
			if !g.ldtt(p, L) {
				continue
			}
			if p.rating[L] == domain.HTXSNV {
				if keepStar && stars <= 1 {
					continue
				}
				stars--
			}
			p.rating[L] = domain.HTNV
			cur--
		}
	}

	// TTLDXS qualifies.
	all, free := members(u("KHTC"))
	atLeast(free, domain.HTTNV)
	ensureStar(all, free)

	// TTLDXS misses by one member rated KHTNV.
	all, free = members(u("KT"))
	atLeast(free, domain.HTTNV)
	ensureStar(all, free)
	for i := len(free) - 1; i >= 0; i-- {
		if free[i].rating[L] != domain.HTXSNV {
			free[i].rating[L] = domain.KHTNV
			break
		}
	}

	// TTLDXS misses by the LĐTT share (between 50% and 70%).
	all, free = members(u("CNTT"))
	atLeast(free, domain.HTNV)
	ensureStar(all, free)
	if n := len(all); n > 0 {
		lo, hi := n/2+1, (7*n-1)/10
		if lo <= hi {
			steer(all, free, (lo+hi)/2, true)
		}
	}

	// TTLDTT misses by a member under cảnh cáo: the rest would qualify.
	_, free = members(u("THU"))
	atLeast(free, domain.HTTNV)

	// TTLDTT misses by the LĐTT share: half or just under.
	all, free = members(u("CS04"))
	atLeast(free, domain.HTNV)
	steer(all, free, len(all)/2, false)
}

// ---- initiatives ----

func (g *demoGen) initTitle(y int, author *demoPerson) string {
	area := g.office.area()
	if u := g.unit[g.unitOn(author, domain.YearEnd(y))]; u != nil {
		area = u.area
	}
	for try := 0; try < 200; try++ {
		base := g.one(demoInitiativeBases)
		variants := []string{
			base,
			base + " trên địa bàn " + area,
			fmt.Sprintf("%s năm %d", base, y),
			fmt.Sprintf("%s giai đoạn %d–%d", base, y, y+1),
			fmt.Sprintf("%s trên địa bàn %s năm %d", base, area, y),
		}
		g.rng.Shuffle(len(variants), func(i, j int) { variants[i], variants[j] = variants[j], variants[i] })
		for _, t := range variants {
			if !g.titles[t] {
				return t
			}
		}
	}
	return fmt.Sprintf("%s (số %d)", g.one(demoInitiativeBases), len(g.inits)+1)
}

func (g *demoGen) newInit(y int, scope domain.InitiativeScope, month int, title string, authors ...*demoPerson) *demoInit {
	if title == "" {
		title = g.initTitle(y, authors[0])
	}
	title = rules.Clean(title)
	g.titles[title] = true
	var dec demoDecision
	switch scope {
	case domain.ScopeGrassroots:
		if month == 0 {
			month = 6
			if g.rng.IntN(2) == 1 {
				month = 11
			}
		}
		dec = g.decision(fmt.Sprintf("SK/%d/%d", y, month), demoByOffice, y, time.Month(month), 10, 25)
	case domain.ScopeMinistry:
		dec = g.decision(fmt.Sprintf("SKBN/%d", y), demoByMinistry, y, time.December, 1, 15)
	default:
		dec = g.decision(fmt.Sprintf("SKTQ/%d", y), demoByMinistry, y, time.December, 1, 15)
	}
	in := &demoInit{seq: len(g.inits)}
	in.Title, in.Year, in.Scope = title, y, scope
	in.DecisionNo, in.DecisionDate, in.Issuer = dec.no, dec.date, dec.issuer
	for _, a := range authors {
		in.Authors = append(in.Authors, a.StaffCode)
		a.inits = append(a.inits, in)
	}
	g.inits = append(g.inits, in)
	return in
}

// unused lists a person's initiatives recognised in from..to at scope ≥
// minScope that no award used yet, earliest decision first.
func (g *demoGen) unused(p *demoPerson, from, to int, minScope domain.InitiativeScope) []*demoInit {
	var out []*demoInit
	for _, in := range p.inits {
		if in.usedBy == "" && in.Year >= from && in.Year <= to && in.Scope.Level() >= minScope.Level() {
			out = append(out, in)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].DecisionDate.Compare(out[j].DecisionDate); c != 0 {
			return c < 0
		}
		return out[i].seq < out[j].seq
	})
	return out
}

func (g *demoGen) planInitiatives() {
	for _, p := range g.people {
		if p.sc == nil {
			continue
		}
		for _, si := range p.sc.inits {
			g.newInit(g.last+si.off, si.scope, si.month, si.title, p)
		}
	}
	perYear := max(1, g.opt.Staff*7/100)
	for y := g.first; y <= g.last; y++ {
		var pool []*demoPerson
		for _, p := range g.people {
			if p.sc == nil && g.rated(p, y) && p.rating[y].Rank() >= domain.HTTNV.Rank() {
				pool = append(pool, p)
			}
		}
		for i := 0; i < perYear && len(pool) > 0; i++ {
			var main *demoPerson
			for try := 0; try < 20; try++ {
				k := g.rng.IntN(len(pool))
				if pool[k].rating[y] == domain.HTXSNV || g.rng.Float64() < 0.35 {
					main = pool[k]
					break
				}
			}
			if main == nil {
				main = pool[g.rng.IntN(len(pool))]
			}
			authors := []*demoPerson{main}
			want := 1
			if x := g.rng.Float64(); x < 0.3 {
				want = 3
			} else if x < 0.6 {
				want = 2
			}
			unit := g.unitOn(main, domain.YearEnd(y))
			for _, p := range g.members[y][unit] {
				if len(authors) >= want {
					break
				}
				if p != main && p.sc == nil && g.rated(p, y) && g.rng.Float64() < 0.3 {
					authors = append(authors, p)
				}
			}
			scope := domain.ScopeGrassroots
			if g.rng.Float64() < 0.1 {
				scope = domain.ScopeMinistry
			}
			g.newInit(y, scope, 0, "", authors...)
		}
	}
}

// ---- history of titles and forms ----

func (g *demoGen) planHistory() error {
	// Scripted awards and CSTĐCS before the window.
	for _, p := range g.people {
		if p.sc == nil {
			continue
		}
		for _, off := range p.sc.cs {
			if y := g.last + off; y < g.first {
				g.recordCSTDCS(p, y)
			}
		}
		for _, a := range p.sc.awards {
			if y := g.last + a.off; y < g.first {
				g.scriptedAward(p, a)
			}
		}
	}
	g.planOfficeAwards()
	g.planEarlyForms()
	for y := g.first; y <= g.last; y++ {
		if y < g.last {
			if err := g.yearTitles(y); err != nil {
				return err
			}
		}
		for _, p := range g.people {
			if p.sc == nil {
				continue
			}
			for _, a := range p.sc.awards {
				if g.last+a.off == y {
					g.scriptedAward(p, a)
				}
			}
		}
	}
	return nil
}

func (g *demoGen) scriptedAward(p *demoPerson, a demoScriptAward) {
	y := g.last + a.off
	kind := a.kind
	if kind == "" {
		kind = domain.KindMerit
	}
	var inits []*demoInit
	for _, i := range a.inits {
		inits = append(inits, p.inits[i])
	}
	dec := g.titleDecision(a.code, domain.SubjectPerson, y)
	if kind != domain.KindMerit {
		auth := demoByOffice
		if a.code != "GK" {
			auth = demoByMinistry
		}
		dec = g.decision(fmt.Sprintf("%s/%s/%s/%d", kind, a.code, p.StaffCode, y), auth, y, time.Month(a.month), 5, 25)
	}
	g.award(domain.PersonSubject(p.StaffCode), y, a.code, kind, dec, inits)
}

// recordCSTDCS confers CSTĐCS(y) on p, resting on HTXSNV when the regime
// allows it, else on an initiative of y: the scripted one, else the
// earliest unused one, else (scripted people only) a new one.
func (g *demoGen) recordCSTDCS(p *demoPerson, y int) {
	var inits []*demoInit
	if !(g.htxsSuffices(y) && p.rating[y] == domain.HTXSNV) {
		var in *demoInit
		if p.sc != nil {
			if i, ok := p.sc.csInit[y-g.last]; ok {
				in = p.inits[i]
			} else {
				in = g.newInit(y, domain.ScopeGrassroots, 6, "", p)
			}
		} else if u := g.unused(p, y, y, domain.ScopeGrassroots); len(u) > 0 {
			in = u[0]
		}
		if in != nil {
			inits = []*demoInit{in}
		}
	}
	g.award(domain.PersonSubject(p.StaffCode), y, "CSTDCS", domain.KindMerit, g.titleDecision("CSTDCS", domain.SubjectPerson, y), inits)
}

// planOfficeAwards gives the office itself its flags and commendations.
func (g *demoGen) planOfficeAwards() {
	root := domain.UnitSubject(g.office.Code)
	for _, a := range []struct {
		off  int
		code string
	}{{-13, "HCLD3"}, {-8, "BK_TTG"}, {-5, "CO_BO"}, {-4, "BK_BO"}, {-1, "CO_BO"}} {
		y := g.last + a.off
		g.award(root, y, a.code, domain.KindMerit, g.titleDecision(a.code, domain.SubjectCollective, y), nil)
	}
}

// planEarlyForms records a Bằng khen cấp bộ from before the window for a few
// long-serving people, as an office's imported history would have.
func (g *demoGen) planEarlyForms() {
	for _, p := range g.people {
		if p.sc != nil || p.RecruitedOn.After(domain.NewDate(g.first-8, 1, 1)) || g.rng.Float64() >= 0.05 {
			continue
		}
		y := g.first - 1 - g.rng.IntN(6)
		g.award(domain.PersonSubject(p.StaffCode), y, "BK_BO", domain.KindMerit, g.titleDecision("BK_BO", domain.SubjectPerson, y), nil)
	}
}

func (g *demoGen) ordinary(p *demoPerson) bool { return p.sc == nil }

func (g *demoGen) yearTitles(y int) error {
	var ldtt []*demoPerson
	for _, p := range g.people {
		if g.ldtt(p, y) {
			ldtt = append(ldtt, p)
		}
	}
	// One-off and thematic Giấy khen during the year come first: they take
	// the (person, year, GK) key before the year-end Giấy khen.
	if y == g.first+1 || y == g.first+3 {
		kind, month, n := domain.KindOneOff, time.August, 3
		if y == g.first+3 {
			kind, month, n = domain.KindThematic, time.October, 4
		}
		dec := g.decision(fmt.Sprintf("%s/GK/%d", kind, y), demoByOffice, y, month, 5, 25)
		for i := 0; i < n && len(ldtt) > 0; i++ {
			p := ldtt[g.rng.IntN(len(ldtt))]
			if g.ordinary(p) {
				g.award(domain.PersonSubject(p.StaffCode), y, "GK", kind, dec, nil)
			}
		}
		if kind == domain.KindThematic {
			g.award(domain.UnitSubject(g.u("THU")), y, "GK", kind, dec, nil)
		}
	}

	dec := g.titleDecision("LDTT", domain.SubjectPerson, y)
	for _, p := range ldtt {
		g.award(domain.PersonSubject(p.StaffCode), y, "LDTT", domain.KindMerit, dec, nil)
	}

	// CSTĐCS: the scripted ones, then the best of the others within the quota.
	scripted := 0
	for _, p := range g.people {
		if p.sc == nil || !containsInt(p.sc.cs, y-g.last) {
			continue
		}
		if !g.ldtt(p, y) {
			return fmt.Errorf("kịch bản %s: CSTĐCS năm %d mà không đạt LĐTT", p.StaffCode, y)
		}
		g.recordCSTDCS(p, y)
		scripted++
	}
	quota := g.paramInt("cstdcs.quota_percent", y, 15)*len(ldtt)/100 - scripted
	type cand struct {
		p     *demoPerson
		score float64
	}
	var cands []cand
	for _, p := range ldtt {
		if !g.ordinary(p) {
			continue
		}
		star := g.htxsSuffices(y) && p.rating[y] == domain.HTXSNV
		free := len(g.unused(p, y, y, domain.ScopeGrassroots))
		if !star && free == 0 {
			continue
		}
		s := g.rng.Float64() + 0.5*float64(free)
		if p.rating[y] == domain.HTXSNV {
			s += 2
		}
		cands = append(cands, cand{p, s})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	for _, c := range cands {
		if quota <= 0 {
			break
		}
		// A co-author picked earlier may have used the shared initiative.
		if (g.htxsSuffices(y) && c.p.rating[y] == domain.HTXSNV) || len(g.unused(c.p, y, y, domain.ScopeGrassroots)) > 0 {
			g.recordCSTDCS(c.p, y)
			quota--
		}
	}

	// Higher individual titles and forms for ordinary staff, by the rules.
	bkCount := 0
	for _, p := range g.people {
		if !g.ordinary(p) {
			continue
		}
		sub := domain.PersonSubject(p.StaffCode)
		clean := func(from int) bool {
			for z := from; z <= y; z++ {
				if g.disciplined(p.StaffCode, z, 1) {
					return false
				}
			}
			return true
		}
		if g.hasMerit(sub, y-2, "CSTDCS") && g.hasMerit(sub, y-1, "CSTDCS") && g.hasMerit(sub, y, "CSTDCS") && clean(y-2) {
			for _, in := range p.inits {
				if in.Year >= y-2 && in.Year <= y && in.Scope.Level() >= domain.ScopeMinistry.Level() {
					g.award(sub, y, "CSTD_BO", domain.KindMerit, g.titleDecision("CSTD_BO", domain.SubjectPerson, y), nil)
					break
				}
			}
		}
		route := (g.hasMerit(sub, y-1, "CSTDCS") && g.hasMerit(sub, y, "CSTDCS")) ||
			(p.rating[y-1] == domain.HTXSNV && p.rating[y] == domain.HTXSNV)
		if route && clean(y-1) && bkCount < 6 {
			if u := g.unused(p, y-1, y, domain.ScopeGrassroots); len(u) >= 2 && g.rng.Float64() < 0.8 {
				if g.award(sub, y, "BK_BO", domain.KindMerit, g.titleDecision("BK_BO", domain.SubjectPerson, y), u[:2]) {
					bkCount++
				}
			}
		}
		g.maybeBKTTG(p, y)
		if p.rating[y].Rank() >= domain.HTTNV.Rank() && !g.has(sub, y, "CSTDCS") && g.rng.Float64() < 0.05 {
			g.award(sub, y, "GK", domain.KindMerit, g.titleDecision("GK", domain.SubjectPerson, y), nil)
		}
	}

	// Collectives.
	clause := g.param("ttldxs.discipline_clause", y, "false") == "true"
	for _, u := range g.units {
		if u.Kind == domain.UnitProvince || !u.ActiveOn(domain.YearEnd(y)) {
			continue
		}
		ms := g.members[y][u.Code]
		if len(ms) == 0 {
			continue
		}
		sub := domain.UnitSubject(u.Code)
		if y == g.last-5 && (u.Code == g.u("GD") || u.Code == g.u("CD")) {
			g.award(sub, y, "BK_BO", domain.KindMerit, g.titleDecision("BK_BO", domain.SubjectCollective, y), nil)
		}
		n, cnt, allDone, star, warned := len(ms), 0, true, false, false
		for _, p := range ms {
			if g.ldtt(p, y) {
				cnt++
			}
			if p.rating[y].Rank() < domain.HTNV.Rank() {
				allDone = false
			}
			if g.has(domain.PersonSubject(p.StaffCode), y, "CSTDCS") {
				star = true
			}
			if g.disciplined(p.StaffCode, y, domain.Warning.Severity()) {
				warned = true
			}
		}
		r := g.uRating[u.Code][y]
		xs := false
		if r.Rank() >= domain.HTTNV.Rank() && 2*cnt > n && !warned {
			g.award(sub, y, "TTLDTT", domain.KindMerit, g.titleDecision("TTLDTT", domain.SubjectCollective, y), nil)
		}
		if r == domain.HTXSNV && allDone && 10*cnt >= 7*n && star && !(clause && warned) {
			xs = g.award(sub, y, "TTLDXS", domain.KindMerit, g.titleDecision("TTLDXS", domain.SubjectCollective, y), nil)
		}
		if r == domain.HTXSNV && g.uRating[u.Code][y-1] == domain.HTXSNV && !g.has(sub, y-1, "BK_BO") && g.rng.Float64() < 0.4 {
			g.award(sub, y, "BK_BO", domain.KindMerit, g.titleDecision("BK_BO", domain.SubjectCollective, y), nil)
		}
		if r.Rank() >= domain.HTTNV.Rank() && !xs && g.rng.Float64() < 0.25 {
			g.award(sub, y, "GK", domain.KindMerit, g.titleDecision("GK", domain.SubjectCollective, y), nil)
		}
	}
	return nil
}

// maybeBKTTG applies rule 6 to an ordinary person for year y.
func (g *demoGen) maybeBKTTG(p *demoPerson, y int) {
	sub := domain.PersonSubject(p.StaffCode)
	minR := g.minRating("bk_ttg.min_rating", y, domain.HTTNV)
	for b := y - g.paramInt("bk_ttg.years", y, 5); b >= y-30; b-- {
		if !g.hasMerit(sub, b, "BK_BO") {
			continue
		}
		ok, cs, inits := true, 0, 0
		for z := b + 1; z <= y && ok; z++ {
			if p.rating[z].Rank() < minR.Rank() || g.disciplined(p.StaffCode, z, 1) || (z < y && g.has(sub, z, "BK_TTG")) {
				ok = false
			}
			if g.hasMerit(sub, z, "CSTDCS") {
				cs++
			}
		}
		for _, in := range p.inits {
			if in.Year > b && in.Year <= y {
				inits++
			}
		}
		if n := g.paramInt("bk_ttg.initiatives", y, 0); n > 0 {
			ok = ok && inits >= n
		} else {
			ok = ok && cs >= g.paramInt("bk_ttg.cstdcs_count", y, 3)
		}
		if ok {
			g.award(sub, y, "BK_TTG", domain.KindMerit, g.titleDecision("BK_TTG", domain.SubjectPerson, y), nil)
		}
		return
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Writing.

func (g *demoGen) write(ctx context.Context, tx *store.Tx, progress func(done, total int)) error {
	moves, ratings := 0, 0
	for _, p := range g.people {
		moves += len(p.moves)
		ratings += len(p.rating)
	}
	for _, m := range g.uRating {
		ratings += len(m)
	}
	total := 1 + len(g.units) + len(g.people) + moves + ratings + len(g.inits) + len(g.discs) + len(g.awards) + g.emulationSteps()
	done := 0
	step := func(n int) error {
		before := done
		done += n
		if progress != nil && (done/50 != before/50 || done == total) {
			progress(done, total)
		}
		return ctx.Err()
	}

	director, dep1, dep2 := g.person[g.staffCode(1)], g.person[g.staffCode(2)], g.person[g.staffCode(3)]
	prof := cleanProfile(domain.OfficeProfile{
		UnitCode:   g.office.Code,
		UnitName:   g.office.Name,
		ParentName: "Bảo hiểm xã hội Việt Nam",
		Place:      g.office.Place,
		Director:   domain.Signer{Name: director.FullName, Position: director.Position},
		Deputies: []domain.Signer{{Name: dep1.FullName, Position: dep1.Position},
			{Name: dep2.FullName, Position: dep2.Position}},
		DocNumberCode: "BHXH",
	})
	if err := tx.SaveProfile(prof); err != nil {
		return err
	}
	if err := step(1); err != nil {
		return err
	}
	for _, u := range g.units {
		if _, err := tx.SaveUnit(u.Unit); err != nil {
			return err
		}
		if err := step(1); err != nil {
			return err
		}
	}
	for _, u := range g.units {
		if u.successor != "" {
			if err := tx.AddUnitCodeChange(domain.UnitCodeChange{OldCode: u.Code, NewCode: u.successor, Effective: demoReorg, Note: demoReorgNote}); err != nil {
				return err
			}
		}
	}

	for _, p := range g.people {
		id, err := tx.CreatePerson(p.Person)
		if err != nil {
			return fmt.Errorf("%s: %w", p.StaffCode, err)
		}
		cur := p.Person
		cur.ID = id
		for _, m := range p.moves {
			cur.UnitCode, cur.Position = m.unit, m.position
			if _, err := tx.UpdatePerson(cur, m.on); err != nil {
				return fmt.Errorf("%s: %w", p.StaffCode, err)
			}
		}
		if err := step(1 + len(p.moves)); err != nil {
			return err
		}
	}

	for _, p := range g.people {
		for y := g.first; y <= g.last; y++ {
			r, ok := p.rating[y]
			if !ok {
				continue
			}
			if _, err := tx.SetRating(domain.RatingRecord{Subject: domain.PersonSubject(p.StaffCode), Year: y, Rating: r}); err != nil {
				return err
			}
		}
		if err := step(len(p.rating)); err != nil {
			return err
		}
	}
	for _, u := range g.units {
		for y := g.first; y <= g.last; y++ {
			if r, ok := g.uRating[u.Code][y]; ok {
				if _, err := tx.SetRating(domain.RatingRecord{Subject: domain.UnitSubject(u.Code), Year: y, Rating: r}); err != nil {
					return err
				}
			}
		}
		if err := step(len(g.uRating[u.Code])); err != nil {
			return err
		}
	}

	for _, in := range g.inits {
		if _, _, err := tx.SaveInitiative(in.Initiative); err != nil {
			return err
		}
		if err := step(1); err != nil {
			return err
		}
	}
	for _, d := range g.discs {
		if _, _, err := tx.SaveDiscipline(d); err != nil {
			return err
		}
		if err := step(1); err != nil {
			return err
		}
	}
	for _, a := range g.awards {
		if _, _, err := tx.SaveAward(a); err != nil {
			return err
		}
		if err := step(1); err != nil {
			return err
		}
	}
	// Movements, targets, registrations, the cluster and the scoring table
	// (demo_emulation.go), then the year-end round of L (demo_round.go).
	if err := g.writeEmulation(tx, step); err != nil {
		return err
	}
	return g.writeRound(tx, step)
}
