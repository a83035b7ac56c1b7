package service

// The demo's personal records and unit organisations: what an achievement
// report's first section says of a person or a collective.

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// demoPlaces are a few communes and wards of each office's province after
// the 2025 reorganisation, its provincial capital first: the places of the
// demo's addresses, home towns and residences. Grassroots offices take them
// in turn.
var demoPlaces = map[string][]string{
	"LCU": {"phường Tân Phong", "xã Tam Đường", "xã Phong Thổ", "xã Than Uyên"},
	"DBN": {"phường Điện Biên Phủ", "xã Mường Ảng", "xã Tuần Giáo", "phường Mường Lay"},
	"SLA": {"phường Tô Hiệu", "phường Mộc Châu", "xã Mai Sơn", "xã Thuận Châu"},
	"LCI": {"phường Cam Đường", "phường Yên Bái", "xã Bảo Yên", "phường Nghĩa Lộ"},
	"TQG": {"phường Minh Xuân", "phường Hà Giang 1", "xã Sơn Dương", "xã Hàm Yên"},
	"CBG": {"phường Thục Phán", "xã Hòa An", "xã Trùng Khánh", "xã Quảng Uyên"},
	"LSN": {"phường Đông Kinh", "xã Cao Lộc", "xã Hữu Lũng", "xã Đồng Đăng"},
	"TNN": {"phường Phan Đình Phùng", "phường Đức Xuân", "xã Đại Từ", "phường Phổ Yên"},
	"PTO": {"phường Việt Trì", "phường Vĩnh Yên", "phường Hòa Bình", "xã Lâm Thao"},
	"BNH": {"phường Kinh Bắc", "phường Bắc Giang", "phường Từ Sơn", "xã Lục Nam"},
	"QNH": {"phường Hạ Long", "phường Cẩm Phả", "phường Uông Bí", "phường Móng Cái 1"},
	"THA": {"phường Hạc Thành", "xã Hoằng Hóa", "xã Thọ Xuân", "phường Bỉm Sơn"},
	"NAN": {"phường Trường Vinh", "xã Nghi Lộc", "xã Đô Lương", "xã Yên Thành", "phường Hoàng Mai"},
	"HTI": {"phường Thành Sen", "phường Bắc Hồng Lĩnh", "xã Hương Sơn", "xã Hương Khê", "xã Can Lộc", "xã Cẩm Xuyên",
		"phường Sông Trí", "xã Đức Thọ", "xã Thạch Hà", "phường Trần Phú"},
	"QTI": {"phường Đồng Hới", "phường Đông Hà", "xã Gio Linh", "xã Lệ Thủy"},
	"HUE": {"phường Thuận Hóa", "phường Hương Thủy", "phường Phong Điền", "xã Phú Vang"},
	"DNG": {"phường Hải Châu", "phường Hội An", "phường Tam Kỳ", "xã Điện Bàn"},
	"HNI": {"phường Ba Đình", "phường Hà Đông", "xã Sóc Sơn", "phường Long Biên"},
	"HPG": {"phường Lê Chân", "phường Hải Dương", "xã Vĩnh Bảo", "phường Thủy Nguyên"},
	"HYN": {"phường Phố Hiến", "phường Thái Bình", "xã Văn Giang", "xã Tiền Hải"},
	"NBH": {"phường Hoa Lư", "phường Phủ Lý", "phường Nam Định", "xã Kim Sơn"},
	"QNI": {"phường Cẩm Thành", "phường Kon Tum", "xã Bình Sơn", "xã Đức Phổ"},
	"GLI": {"phường Quy Nhơn", "phường Pleiku", "xã Chư Sê", "phường An Nhơn"},
	"DLK": {"phường Buôn Ma Thuột", "phường Tuy Hòa", "xã Krông Pắc", "phường Buôn Hồ"},
	"KHA": {"phường Nha Trang", "phường Phan Rang", "phường Cam Ranh", "phường Ninh Hòa"},
	"LDG": {"phường Xuân Hương - Đà Lạt", "phường Phan Thiết", "phường Bảo Lộc 1", "phường Bắc Gia Nghĩa"},
	"HCM": {"phường Sài Gòn", "phường Thủ Dầu Một", "phường Vũng Tàu", "phường Thủ Đức"},
	"DNI": {"phường Trấn Biên", "phường Đồng Xoài", "phường Long Khánh", "xã Trảng Bom"},
	"TNH": {"phường Tân Ninh", "phường Long An", "xã Gò Dầu", "phường Trảng Bàng"},
	"CTO": {"phường Ninh Kiều", "phường Sóc Trăng", "phường Vị Thanh", "phường Cái Răng"},
	"VLG": {"phường Thanh Đức", "phường An Hội", "phường Trà Vinh", "xã Tam Bình"},
	"DTP": {"phường Mỹ Tho", "phường Cao Lãnh", "phường Sa Đéc", "xã Cái Bè"},
	"CMU": {"phường An Xuyên", "phường Bạc Liêu", "xã Cái Nước", "xã Năm Căn"},
	"AGG": {"phường Rạch Giá", "phường Long Xuyên", "phường Châu Đốc", "xã Tân Châu"},
}

// demoStreets name the streets of the demo's addresses.
var demoStreets = []string{"Trần Phú", "Lê Lợi", "Nguyễn Huệ", "Hùng Vương", "Phan Đình Phùng", "Nguyễn Du", "Lê Duẩn", "Hà Huy Tập"}

// recordRand is the random stream of one record's details, drawn from the
// seed and the record's code. It stands apart from the generator's stream
// on purpose: the details came after everything else the demo makes, and
// drawing them from that stream would change every name, date and award
// the same seed made before.
func (g *demoGen) recordRand(code string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(code))
	return rand.New(rand.NewPCG(uint64(g.opt.Seed), 0x6c79_6c69_6368_0000^h.Sum64()))
}

func demoPick(r *rand.Rand, ws []demoWeighted) string {
	var total float64
	for _, w := range ws {
		total += w.w
	}
	x := r.Float64() * total
	for _, w := range ws {
		if x < w.w {
			return w.s
		}
		x -= w.w
	}
	return ws[len(ws)-1].s
}

func demoOne(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// upperFirst capitalises the first letter: a place heads an address.
func upperFirst(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}

// demoPlacesOf are the demo places of office o (its capital's ward first).
func demoPlacesOf(o DemoOffice) []string {
	if ps := demoPlaces[o.Code]; len(ps) > 0 {
		return ps
	}
	return []string{"phường " + o.Place}
}

// planRecords fills in the units' addresses and organisations and every
// person's record; it draws nothing from the generator's stream.
func (g *demoGen) planRecords() {
	unitPlace := g.planUnitRecords()
	g.planPersonRecords(unitPlace)
}

// planUnitRecords gives each unit an address and its Party, trade-union
// and youth organisations, and returns the place each unit is in.
func (g *demoGen) planUnitRecords() map[string]string {
	o := g.office
	places, area := demoPlacesOf(o), o.area()
	at := map[string]string{}
	r := g.recordRand(o.Code)
	hq := "Số " + strconv.Itoa(1+r.IntN(120)) + " đường " + demoOne(r, demoStreets) + ", " + places[0] + ", " + area
	newIdx := 0
	for _, u := range g.units {
		switch {
		case u.Kind == domain.UnitProvince:
			u.Address = hq
			u.PartyOrg = "Đảng bộ " + u.Name
			u.UnionOrg = "Công đoàn cơ sở " + u.Name
			u.YouthOrg = "Đoàn Thanh niên " + u.Name
			at[u.Code] = places[0]
			continue
		case u.Kind == domain.UnitDepartment:
			// The departments work in the office's own building.
			u.Address = hq
			at[u.Code] = places[0]
		case u.successor == "":
			p := places[newIdx%len(places)]
			newIdx++
			ur := g.recordRand(u.Code)
			u.Address = "Số " + strconv.Itoa(1+ur.IntN(250)) + " đường " + demoOne(ur, demoStreets) + ", " + p + ", " + area
			at[u.Code] = p
		}
		u.PartyOrg = "Chi bộ " + u.Name
		u.UnionOrg = "Công đoàn bộ phận " + u.Name
		u.YouthOrg = "Chi đoàn " + u.Name
	}
	// A district office before 2025 worked where its successor does.
	for _, u := range g.units {
		if u.successor != "" {
			if s := g.unit[u.successor]; s != nil {
				u.Address, at[u.Code] = s.Address, at[s.Code]
			}
		}
	}
	return at
}

// demoPositionRank sorts positions for what goes with them: 4 the
// office's director and deputies, 3 a unit's head, 2 a deputy head, 1 a
// senior specialist, 0 anyone else.
func demoPositionRank(pos string) int {
	switch {
	case pos == "Giám đốc" || pos == "Phó Giám đốc":
		return 4
	case strings.HasPrefix(pos, "Trưởng phòng") || pos == "Chánh Văn phòng" || strings.HasPrefix(pos, "Giám đốc "):
		return 3
	case strings.HasPrefix(pos, "Phó "):
		return 2
	case pos == "Chuyên viên chính":
		return 1
	}
	return 0
}

// demoEducation is what people of a unit studied, by the unit's suffix.
var demoEducation = map[string][]string{
	"KHTC": {"Cử nhân Kế toán", "Cử nhân Tài chính - Ngân hàng", "Cử nhân Kinh tế"},
	"THU":  {"Cử nhân Kinh tế", "Cử nhân Tài chính - Ngân hàng", "Cử nhân Bảo hiểm"},
	"CD":   {"Cử nhân Bảo hiểm", "Cử nhân Luật", "Cử nhân Kinh tế"},
	"GD":   {"Bác sĩ Đa khoa", "Dược sĩ Đại học", "Cử nhân Điều dưỡng", "Cử nhân Kinh tế"},
	"KT":   {"Cử nhân Luật", "Cử nhân Kinh tế", "Cử nhân Kế toán"},
	"TCCB": {"Cử nhân Luật", "Cử nhân Quản trị nhân lực", "Cử nhân Hành chính"},
	"VP":   {"Cử nhân Hành chính", "Cử nhân Luật", "Cử nhân Kinh tế"},
	"CNTT": {"Kỹ sư Công nghệ thông tin", "Cử nhân Hệ thống thông tin quản lý"},
	"":     {"Cử nhân Kinh tế", "Cử nhân Luật", "Cử nhân Bảo hiểm", "Cử nhân Tài chính - Ngân hàng", "Cử nhân Quản trị kinh doanh"},
}

// demoDegrees are the postgraduate degrees (học vị) of the demo.
var demoDegrees = map[string][]string{
	"GD":   {"Thạc sĩ Y tế công cộng", "Bác sĩ chuyên khoa cấp I"},
	"CNTT": {"Thạc sĩ Khoa học máy tính", "Thạc sĩ Hệ thống thông tin"},
	"":     {"Thạc sĩ Quản lý kinh tế", "Thạc sĩ Kinh tế", "Thạc sĩ Luật", "Thạc sĩ Quản trị kinh doanh", "Thạc sĩ Tài chính - Ngân hàng"},
}

// demoReligions weighs the religions of an office's staff: most follow
// none; the South has more Buddhists, and An Giang and Tây Ninh the faiths
// born there.
func demoReligions(o DemoOffice) []demoWeighted {
	ws := []demoWeighted{{"Không", 92}, {"Công giáo", 4}, {"Phật giáo", 4}}
	switch {
	case o.Code == "AGG":
		ws = append(ws, demoWeighted{"Phật giáo Hòa Hảo", 4})
	case o.Code == "TNH":
		ws = append(ws, demoWeighted{"Cao Đài", 4})
	case o.Cluster >= 6:
		ws[2].w = 8
	}
	return ws
}

func (g *demoGen) planPersonRecords(unitPlace map[string]string) {
	o := g.office
	places, area := demoPlacesOf(o), o.area()
	// Home towns: the province mostly, else the neighbours on the cluster's list.
	ms, own := o.cluster()
	var near []DemoOffice
	for _, i := range []int{own - 1, own + 1} {
		if i >= 0 && i < len(ms) {
			near = append(near, ms[i])
		}
	}
	religions := demoReligions(o)
	type member struct {
		p    *demoPerson
		rank int
		age  int
	}
	byUnit := map[string][]member{}
	for _, p := range g.people {
		r := g.recordRand(p.StaffCode)
		unit := g.unitOn(p, g.today)
		if unit == "" {
			unit = p.UnitCode
		}
		pos := g.positionOn(p, g.today)
		rank, age := demoPositionRank(pos), g.last-p.BirthDate.Year
		suffix := strings.TrimPrefix(unit, o.Code+"-")
		if _, ok := demoEducation[suffix]; !ok {
			suffix = ""
		}

		from, fromArea := places, area
		if len(near) > 0 && r.Float64() < 0.2 {
			n := near[r.IntN(len(near))]
			from, fromArea = demoPlacesOf(n), n.area()
		}
		p.HomeTown = upperFirst(demoOne(r, from) + ", " + fromArea)
		live := unitPlace[unit]
		if live == "" || r.Float64() < 0.25 {
			live = demoOne(r, places)
		}
		group := "Tổ dân phố "
		if strings.HasPrefix(live, "xã ") {
			group = "Thôn "
		}
		p.Residence = group + strconv.Itoa(1+r.IntN(12)) + ", " + live + ", " + area
		p.Religion = demoPick(r, religions)

		switch {
		case pos == "Nhân viên":
			p.Education = demoOne(r, []string{"Cao đẳng Văn thư lưu trữ", "Trung cấp Kế toán", "Cao đẳng Tin học ứng dụng"})
		case pos == "Kế toán viên":
			p.Education = demoOne(r, []string{"Cử nhân Kế toán", "Cử nhân Tài chính - Ngân hàng"})
		case rank == 4:
			p.Education = demoOne(r, []string{"Cử nhân Kinh tế", "Cử nhân Luật", "Cử nhân Tài chính - Ngân hàng"})
		default:
			p.Education = demoOne(r, demoEducation[suffix])
		}
		degrees := demoDegrees[suffix]
		if degrees == nil {
			degrees = demoDegrees[""]
		}
		x := r.Float64()
		switch {
		case pos == "Nhân viên":
		case rank == 4 && p.StaffCode == g.staffCode(1) && x < 0.4:
			p.AcademicRank = "Tiến sĩ Kinh tế"
		case rank == 4:
			p.AcademicRank = "Thạc sĩ Quản lý kinh tế"
		case rank == 3 && x < 0.65, rank == 2 && x < 0.45, rank == 1 && x < 0.3, age >= 28 && x < 0.1:
			p.AcademicRank = demoOne(r, degrees)
		}

		x = r.Float64()
		switch {
		case rank == 4:
			p.PoliticalTheory = "Cao cấp"
		case rank == 3 && x < 0.6:
			p.PoliticalTheory = "Cao cấp"
		case rank == 3, rank == 2 && x < 0.85:
			p.PoliticalTheory = "Trung cấp"
		case rank == 2:
			p.PoliticalTheory = "Cao cấp"
		case rank == 1 && x < 0.5:
			p.PoliticalTheory = "Trung cấp"
		case rank == 1:
			p.PoliticalTheory = "Sơ cấp"
		case pos == "Nhân viên" && x < 0.2, age >= 30 && x < 0.55, age < 30 && x < 0.25:
			p.PoliticalTheory = "Sơ cấp"
		case age >= 30 && x < 0.65:
			p.PoliticalTheory = "Trung cấp"
		}
		byUnit[unit] = append(byUnit[unit], member{p, rank, age})
	}

	// The office's Party committee and trade union are led from its board.
	for num, post := range map[int]string{1: "Bí thư Đảng ủy", 2: "Phó Bí thư Đảng ủy", 3: "Đảng ủy viên"} {
		if p := g.person[g.staffCode(num)]; p != nil {
			p.PartyPost = post
		}
	}
	if p := g.person[g.staffCode(3)]; p != nil {
		p.UnionPost = "Chủ tịch Công đoàn cơ sở"
	}
	// In each unit the head leads the Party cell, a deputy helps, one of
	// the staff leads the trade-union group and a young one the youth cell.
	for _, u := range g.units {
		mem := byUnit[u.Code]
		if u.Kind == domain.UnitProvince || len(mem) == 0 {
			continue
		}
		r := g.recordRand(u.Code)
		var secretary, deputy *demoPerson
		for _, m := range mem {
			switch {
			case m.rank == 3 && secretary == nil:
				secretary = m.p
			case m.rank == 2 && deputy == nil:
				deputy = m.p
			}
		}
		if secretary == nil {
			secretary, deputy = deputy, nil
		}
		if secretary != nil {
			secretary.PartyPost = "Bí thư Chi bộ"
			if strings.HasSuffix(u.Code, "-VP") || strings.HasSuffix(u.Code, "-TCCB") {
				secretary.PartyPost = "Đảng ủy viên, Bí thư Chi bộ"
			}
		}
		if deputy != nil {
			deputy.PartyPost = "Phó Bí thư Chi bộ"
			if r.Float64() < 0.4 {
				deputy.PartyPost = "Chi ủy viên"
			}
		}
		var staff, young []*demoPerson
		for _, m := range mem {
			switch {
			case m.rank <= 1 && m.age >= 30:
				staff = append(staff, m.p)
			case m.rank <= 1 && m.age < 31:
				young = append(young, m.p)
			}
		}
		if len(staff) > 0 {
			staff[r.IntN(len(staff))].UnionPost = "Tổ trưởng Công đoàn"
		}
		if len(young) > 0 {
			young[r.IntN(len(young))].UnionPost = "Bí thư Chi đoàn"
		}
	}
}
