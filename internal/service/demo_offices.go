package service

// The offices the demo can build: the 34 provincial BHXH offices after the
// 2025 merger of provinces (Nghị quyết số 202/2025/QH15), so that a script
// can fill 34 distinct demo databases and feed a central database with them.

import (
	"fmt"
	"strings"
)

// DemoOffice is one office the demo can build.
type DemoOffice struct {
	Code    string // root unit code, prefix of every unit and staff code: "HTI"
	Name    string // full name: "Bảo hiểm xã hội tỉnh Hà Tĩnh"
	Place   string // địa danh of document headers (NĐ 30/2020): "Hà Tĩnh"
	CCCD    string // CCCD province code (Thông tư 59/2021/TT-BCA) of the surviving province
	Cluster int    // the demo's emulation cluster, 1–7 (demoClusterNames)
}

// area is where the office works, for initiative titles: "tỉnh Hà Tĩnh".
func (o DemoOffice) area() string { return strings.TrimPrefix(o.Name, "Bảo hiểm xã hội ") }

// DemoOffices are the 34 offices, cluster by cluster; within a cluster in
// the order of its members on the cluster's list. The clusters are the
// demo's own grouping into emulation clusters, not the list Bảo hiểm xã
// hội Việt Nam decides each year.
var DemoOffices = []DemoOffice{
	{"LCU", "Bảo hiểm xã hội tỉnh Lai Châu", "Lai Châu", "012", 1},
	{"DBN", "Bảo hiểm xã hội tỉnh Điện Biên", "Điện Biên", "011", 1},
	{"SLA", "Bảo hiểm xã hội tỉnh Sơn La", "Sơn La", "014", 1},
	{"LCI", "Bảo hiểm xã hội tỉnh Lào Cai", "Lào Cai", "010", 1},
	{"TQG", "Bảo hiểm xã hội tỉnh Tuyên Quang", "Tuyên Quang", "008", 1},
	{"CBG", "Bảo hiểm xã hội tỉnh Cao Bằng", "Cao Bằng", "004", 1},

	{"LSN", "Bảo hiểm xã hội tỉnh Lạng Sơn", "Lạng Sơn", "020", 2},
	{"TNN", "Bảo hiểm xã hội tỉnh Thái Nguyên", "Thái Nguyên", "019", 2},
	{"PTO", "Bảo hiểm xã hội tỉnh Phú Thọ", "Phú Thọ", "025", 2},
	{"BNH", "Bảo hiểm xã hội tỉnh Bắc Ninh", "Bắc Ninh", "027", 2},
	{"QNH", "Bảo hiểm xã hội tỉnh Quảng Ninh", "Quảng Ninh", "022", 2},

	{"THA", "Bảo hiểm xã hội tỉnh Thanh Hóa", "Thanh Hóa", "038", 3},
	{"NAN", "Bảo hiểm xã hội tỉnh Nghệ An", "Nghệ An", "040", 3},
	{"HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "Hà Tĩnh", "042", 3},
	{"QTI", "Bảo hiểm xã hội tỉnh Quảng Trị", "Quảng Trị", "045", 3},
	{"HUE", "Bảo hiểm xã hội thành phố Huế", "Huế", "046", 3},
	{"DNG", "Bảo hiểm xã hội thành phố Đà Nẵng", "Đà Nẵng", "048", 3},

	{"HNI", "Bảo hiểm xã hội thành phố Hà Nội", "Hà Nội", "001", 4},
	{"HPG", "Bảo hiểm xã hội thành phố Hải Phòng", "Hải Phòng", "031", 4},
	{"HYN", "Bảo hiểm xã hội tỉnh Hưng Yên", "Hưng Yên", "033", 4},
	{"NBH", "Bảo hiểm xã hội tỉnh Ninh Bình", "Ninh Bình", "037", 4},

	{"QNI", "Bảo hiểm xã hội tỉnh Quảng Ngãi", "Quảng Ngãi", "051", 5},
	{"GLI", "Bảo hiểm xã hội tỉnh Gia Lai", "Gia Lai", "064", 5},
	{"DLK", "Bảo hiểm xã hội tỉnh Đắk Lắk", "Đắk Lắk", "066", 5},
	{"KHA", "Bảo hiểm xã hội tỉnh Khánh Hòa", "Khánh Hòa", "056", 5},
	{"LDG", "Bảo hiểm xã hội tỉnh Lâm Đồng", "Lâm Đồng", "068", 5},

	// NĐ 30/2020 (Phụ lục I) writes the địa danh of Ho Chi Minh City in full.
	{"HCM", "Bảo hiểm xã hội Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", "079", 6},
	{"DNI", "Bảo hiểm xã hội tỉnh Đồng Nai", "Đồng Nai", "075", 6},
	{"TNH", "Bảo hiểm xã hội tỉnh Tây Ninh", "Tây Ninh", "072", 6},

	{"CTO", "Bảo hiểm xã hội thành phố Cần Thơ", "Cần Thơ", "092", 7},
	{"VLG", "Bảo hiểm xã hội tỉnh Vĩnh Long", "Vĩnh Long", "086", 7},
	{"DTP", "Bảo hiểm xã hội tỉnh Đồng Tháp", "Đồng Tháp", "087", 7},
	{"CMU", "Bảo hiểm xã hội tỉnh Cà Mau", "Cà Mau", "096", 7},
	{"AGG", "Bảo hiểm xã hội tỉnh An Giang", "An Giang", "089", 7},
}

// demoClusterNames names the demo's clusters; number 3 is DemoClusterName.
var demoClusterNames = map[int]string{
	1: "Cụm thi đua số 1 - Bảo hiểm xã hội các tỉnh miền núi phía Bắc I",
	2: "Cụm thi đua số 2 - Bảo hiểm xã hội các tỉnh miền núi phía Bắc II",
	3: DemoClusterName,
	4: "Cụm thi đua số 4 - Bảo hiểm xã hội các tỉnh, thành phố Đồng bằng sông Hồng",
	5: "Cụm thi đua số 5 - Bảo hiểm xã hội các tỉnh Nam Trung Bộ và Tây Nguyên",
	6: "Cụm thi đua số 6 - Bảo hiểm xã hội các tỉnh, thành phố Đông Nam Bộ",
	7: "Cụm thi đua số 7 - Bảo hiểm xã hội các tỉnh, thành phố Đồng bằng sông Cửu Long",
}

// DemoOfficeByCode finds an office of DemoOffices by its code, in any case.
func DemoOfficeByCode(code string) (DemoOffice, bool) {
	code = strings.TrimSpace(code)
	for _, o := range DemoOffices {
		if strings.EqualFold(o.Code, code) {
			return o, true
		}
	}
	return DemoOffice{}, false
}

// cluster lists the offices of o's cluster in table order, and o's place
// among them.
func (o DemoOffice) cluster() (members []DemoOffice, own int) {
	for _, m := range DemoOffices {
		if m.Cluster == o.Cluster {
			if m.Code == o.Code {
				own = len(members)
			}
			members = append(members, m)
		}
	}
	return members, own
}

// demoOfficeCodes lists the codes with their places, for the message that
// refuses an unknown code: "HNI (Hà Nội), HUE (Huế), …".
func demoOfficeCodes() string {
	parts := make([]string, len(DemoOffices))
	for i, o := range DemoOffices {
		parts[i] = fmt.Sprintf("%s (%s)", o.Code, o.Place)
	}
	return strings.Join(parts, ", ")
}

// demoProvincesHTI are the CCCD province codes of Hà Tĩnh's staff: Hà Tĩnh
// mostly, then its neighbours (044 is the former Quảng Bình).
var demoProvincesHTI = []demoWeighted{
	{"042", 85}, {"040", 6}, {"044", 3}, {"038", 2}, {"001", 2}, {"079", 2},
}

// demoProvincesOf are the CCCD province codes (Thông tư 59/2021/TT-BCA) of
// the places where an office's staff were born: the office's own province
// mostly, then its nearest neighbours on the cluster's list, then the two
// largest cities.
func demoProvincesOf(o DemoOffice) []demoWeighted {
	if o.Code == DemoUnitCode {
		return demoProvincesHTI
	}
	ws := []demoWeighted{{o.CCCD, 85}}
	seen := map[string]bool{o.CCCD: true}
	add := func(code string, w float64) {
		if !seen[code] {
			seen[code] = true
			ws = append(ws, demoWeighted{code, w})
		}
	}
	ms, own := o.cluster()
	weights := []float64{6, 3, 2}
	for d, k := 1, 0; d < len(ms) && k < len(weights); d++ {
		for _, i := range []int{own + d, own - d} {
			if i >= 0 && i < len(ms) && k < len(weights) {
				add(ms[i].CCCD, weights[k])
				k++
			}
		}
	}
	add("001", 2)
	add("079", 2)
	return ws
}
