package service

import (
	"strings"
	"testing"
)

// Every demo person has a personal record that fits their post, and every
// unit an address and its organisations, in the office's own province.
func TestDemoRecords(t *testing.T) {
	for _, office := range []string{DemoUnitCode, "HNI"} {
		t.Run(office, func(t *testing.T) {
			_, st, _ := fillDemo(t, DemoOptions{Staff: 60, Seed: 3, Office: office})
			sn := loadDemoSnap(t, st)
			o, _ := DemoOfficeByCode(office)
			area := o.area()
			posts := map[string]int{}
			for _, p := range sn.People {
				if p.HomeTown == "" || p.Religion == "" || p.Education == "" || !strings.HasSuffix(p.Residence, ", "+area) {
					t.Errorf("%s: record %q %q %q %q", p.StaffCode, p.HomeTown, p.Residence, p.Religion, p.Education)
				}
				if p.Position == "Giám đốc" && p.PoliticalTheory != "Cao cấp" {
					t.Errorf("%s, the director, has political theory %q", p.StaffCode, p.PoliticalTheory)
				}
				posts[p.PartyPost]++
				posts[p.UnionPost]++
			}
			for _, w := range []string{"Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Bí thư Chi bộ", "Chủ tịch Công đoàn cơ sở", "Tổ trưởng Công đoàn", "Bí thư Chi đoàn"} {
				if posts[w] == 0 {
					t.Errorf("nobody is %s: %v", w, posts)
				}
			}
			for _, u := range sn.Units {
				if !strings.HasSuffix(u.Address, ", "+area) || u.PartyOrg == "" || u.UnionOrg == "" || u.YouthOrg == "" {
					t.Errorf("unit %s: %q %q %q %q", u.Code, u.Address, u.PartyOrg, u.UnionOrg, u.YouthOrg)
				}
				if u.Code == office && (u.PartyOrg != "Đảng bộ "+o.Name || u.UnionOrg != "Công đoàn cơ sở "+o.Name || u.YouthOrg != "Đoàn Thanh niên "+o.Name) {
					t.Errorf("the office's organisations: %q %q %q", u.PartyOrg, u.UnionOrg, u.YouthOrg)
				}
				if u.Code == office+"-VP" && (u.PartyOrg != "Chi bộ Văn phòng" || u.UnionOrg != "Công đoàn bộ phận Văn phòng" || u.YouthOrg != "Chi đoàn Văn phòng") {
					t.Errorf("Văn phòng's organisations: %q %q %q", u.PartyOrg, u.UnionOrg, u.YouthOrg)
				}
			}
		})
	}
}
