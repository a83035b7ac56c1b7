package service

import (
	"context"
	"strings"
	"testing"

	"tdkt/internal/domain"
)

func TestDemoOffices_Table(t *testing.T) {
	if len(DemoOffices) != 34 {
		t.Errorf("%d offices, want the 34 provincial offices", len(DemoOffices))
	}
	codes, cccds, names := map[string]bool{}, map[string]bool{}, map[string]bool{}
	size := map[int]int{}
	for _, o := range DemoOffices {
		if len(o.Code) != 3 || strings.ToUpper(o.Code) != o.Code || codes[o.Code] {
			t.Errorf("code %q: not three capitals, or used twice", o.Code)
		}
		if len(o.CCCD) != 3 || strings.Trim(o.CCCD, "0123456789") != "" || cccds[o.CCCD] {
			t.Errorf("%s: CCCD province code %q not three digits, or used twice", o.Code, o.CCCD)
		}
		if !strings.HasPrefix(o.Name, "Bảo hiểm xã hội ") || o.Place == "" || !strings.Contains(o.Name, o.Place) || names[o.Name] {
			t.Errorf("%s: name %q, place %q", o.Code, o.Name, o.Place)
		}
		if a := o.area(); !strings.HasPrefix(a, "tỉnh ") && !strings.HasPrefix(a, "thành phố ") && a != "Thành phố Hồ Chí Minh" {
			t.Errorf("%s: area %q", o.Code, a)
		}
		if demoClusterNames[o.Cluster] == "" {
			t.Errorf("%s: cluster %d has no name", o.Code, o.Cluster)
		}
		codes[o.Code], cccds[o.CCCD], names[o.Name] = true, true, true
		size[o.Cluster]++
		if got, ok := DemoOfficeByCode(strings.ToLower(o.Code)); !ok || got != o {
			t.Errorf("DemoOfficeByCode(%q) = %+v, %v", strings.ToLower(o.Code), got, ok)
		}
	}
	for n, k := range size {
		if k < 3 {
			t.Errorf("cluster %d has %d members, want at least 3", n, k)
		}
		if want := "Cụm thi đua số " + string(rune('0'+n)) + " - "; !strings.HasPrefix(demoClusterNames[n], want) {
			t.Errorf("cluster %d is named %q", n, demoClusterNames[n])
		}
	}
	// Hà Tĩnh, the default office, in today's cluster 3 at its old place.
	hti, ok := DemoOfficeByCode(DemoUnitCode)
	if !ok || hti.Cluster != 3 || hti.Name != "Bảo hiểm xã hội tỉnh Hà Tĩnh" || hti.Place != "Hà Tĩnh" || hti.CCCD != "042" {
		t.Fatalf("HTI %+v %v", hti, ok)
	}
	var c3 []string
	members, own := hti.cluster()
	for _, o := range members {
		c3 = append(c3, o.Code)
	}
	if strings.Join(c3, " ") != "THA NAN HTI QTI HUE DNG" || own != 2 {
		t.Errorf("cluster 3 = %v with Hà Tĩnh at %d, want Hà Tĩnh at index 2", c3, own)
	}
	if _, ok := DemoOfficeByCode("XXX"); ok {
		t.Error("DemoOfficeByCode found XXX")
	}
	// Staff are born mostly in the office's province.
	for _, o := range DemoOffices {
		ws := demoProvincesOf(o)
		seen := map[string]bool{}
		for _, w := range ws {
			if seen[w.s] {
				t.Errorf("%s: province %s twice in %v", o.Code, w.s, ws)
			}
			seen[w.s] = true
		}
		if ws[0].s != o.CCCD || ws[0].w != 85 || len(ws) < 4 {
			t.Errorf("%s: places of birth %v", o.Code, ws)
		}
	}
}

func TestDemoOffice_HaNoi(t *testing.T) {
	s, st, _ := fillDemo(t, DemoOptions{Staff: 40, Office: "HNI"})
	ctx := context.Background()
	sn := loadDemoSnap(t, st)
	L := s.LastCompletedYear()

	p := sn.Profile
	if p.UnitCode != "HNI" || p.UnitName != "Bảo hiểm xã hội thành phố Hà Nội" || p.Place != "Hà Nội" || p.ParentName != "Bảo hiểm xã hội Việt Nam" {
		t.Errorf("profile %+v", p)
	}
	foreign := func(what, text string) {
		t.Helper()
		for _, w := range []string{"Hà Tĩnh", "Can Lộc", "HTI"} {
			if strings.Contains(text, w) {
				t.Errorf("%s %q names %s", what, text, w)
			}
		}
	}
	for _, f := range []string{p.UnitCode, p.UnitName, p.ParentName, p.Place, p.DocNumberCode, p.Director.Name, p.Director.Position} {
		foreign("profile", f)
	}
	if len(sn.Units) != 1+8+8+7 {
		t.Errorf("%d units, want the office, 8 departments, 8 district offices and 7 BHXH cơ sở", len(sn.Units))
	}
	for _, u := range sn.Units {
		if !strings.HasPrefix(u.Code, "HNI") {
			t.Errorf("unit %s %q", u.Code, u.Name)
		}
		foreign("unit name", u.Name)
	}
	names := map[string]string{}
	for _, u := range sn.Units {
		names[u.Code] = u.Name
	}
	if names["HNI"] != "Bảo hiểm xã hội thành phố Hà Nội" || names["HNI-H06"] != "Bảo hiểm xã hội khu vực số 6" ||
		names["HNI-CS05"] != "Bảo hiểm xã hội cơ sở số 5" || names["HNI-KHTC"] != "Phòng Kế hoạch - Tài chính" {
		t.Errorf("unit names %v", names)
	}
	if len(sn.Changes) != 8 || sn.Changes[0].OldCode != "HNI-H01" || sn.Changes[0].NewCode != "HNI-CS01" {
		t.Errorf("code changes %+v", sn.Changes)
	}
	if len(sn.People) != 40 {
		t.Errorf("%d people, want 40", len(sn.People))
	}
	born := 0
	for _, q := range sn.People {
		if !strings.HasPrefix(q.StaffCode, "HNI") || len(q.StaffCode) != 7 {
			t.Errorf("staff code %s", q.StaffCode)
		}
		foreign("position", q.Position)
		if strings.HasPrefix(q.CCCD, "001") {
			born++
		}
		for _, a := range sn.Assign[q.StaffCode] {
			if !strings.HasPrefix(a.UnitCode, "HNI") {
				t.Errorf("%s assigned to %s", q.StaffCode, a.UnitCode)
			}
		}
		for _, a := range sn.Awards[q.StaffCode] {
			foreign("issuer", a.Issuer)
		}
		for _, in := range sn.Inits[q.StaffCode] {
			foreign("initiative", in.Title+" "+in.Issuer)
		}
	}
	if born < len(sn.People)/2 {
		t.Errorf("%d of %d people born in Hà Nội (CCCD 001…)", born, len(sn.People))
	}
	// The deliberate cases keep their numbers under the office's code.
	if q := sn.byCode["HNI0004"]; q.RecruitedOn != domain.NewDate(L, 7, 2) || sn.Ratings["HNI0004"][L] != domain.HTTNV {
		t.Errorf("HNI0004 %+v %v", q, sn.Ratings["HNI0004"])
	}
	if q := sn.byCode["HNI0001"]; q.Position != "Giám đốc" || q.UnitCode != "HNI" || p.Director.Name != q.FullName {
		t.Errorf("director %+v, profile %+v", q, p.Director)
	}

	// The clusters of L and L+1: Hà Nội's, this office leading in L+1.
	for _, y := range []int{L, L + 1} {
		c, ok, err := s.Cluster(ctx, y)
		if err != nil || !ok {
			t.Fatalf("cluster %d: %v %v", y, ok, err)
		}
		if c.Name != demoClusterNames[4] || !strings.Contains(c.Pact, "Cụm thi đua số 4") || strings.Contains(c.Pact, "số 3") {
			t.Errorf("cluster %d %q, pact %.200q", y, c.Name, c.Pact)
		}
		var got []string
		own, leader, deputy := "", "", ""
		for _, m := range c.Members {
			got = append(got, m.Name)
			if m.Own {
				own = m.Name
			}
			switch m.Role {
			case domain.RoleLeader:
				leader = m.Name
			case domain.RoleDeputy:
				deputy = m.Name
			}
		}
		want := "Bảo hiểm xã hội thành phố Hà Nội|Bảo hiểm xã hội thành phố Hải Phòng|Bảo hiểm xã hội tỉnh Hưng Yên|Bảo hiểm xã hội tỉnh Ninh Bình"
		if strings.Join(got, "|") != want || own != "Bảo hiểm xã hội thành phố Hà Nội" {
			t.Errorf("cluster %d members %v, own %q", y, got, own)
		}
		wantLeader, wantDeputy := "Bảo hiểm xã hội tỉnh Ninh Bình", own
		if y == L+1 {
			wantLeader, wantDeputy = own, "Bảo hiểm xã hội thành phố Hải Phòng"
		}
		if leader != wantLeader || deputy != wantDeputy {
			t.Errorf("cluster %d: leader %q, deputy %q", y, leader, deputy)
		}
	}
	if ev, err := s.EvidenceFile(ctx, L, "II.1", "tom-tat-chi-so-cchc.txt"); err != nil || !strings.Contains(string(ev), "Bảo hiểm xã hội thành phố Hà Nội") {
		t.Errorf("evidence %q %v", ev, err)
	}

	// The round of L is there, with its council, and ready to approve.
	rs, err := s.Rounds(ctx)
	if err != nil || len(rs) != 1 || rs[0].Year != L {
		t.Fatalf("rounds %+v %v", rs, err)
	}
	c, err := s.Council(ctx, rs[0].ID)
	if err != nil || c.Place != "Hội trường Bảo hiểm xã hội thành phố Hà Nội" || len(c.Members) == 0 {
		t.Errorf("council %+v %v", c, err)
	}
	problems, err := s.RoundProblems(ctx, rs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range problems {
		t.Errorf("%s: %s", pr.Field, pr.Msg)
	}
}

func TestDemoOffice_Unknown(t *testing.T) {
	s, st := newDemoTestService(t)
	for _, code := range []string{"XXX", "?", "HT"} {
		err := s.FillDemo(context.Background(), DemoOptions{Staff: 20, Office: code}, nil)
		fe := domain.AsFieldErrors(err)
		if len(fe) != 1 || fe[0].Field != "Đơn vị mẫu" || !strings.Contains(fe[0].Msg, "HNI (Hà Nội)") || !strings.Contains(fe[0].Msg, "AGG (An Giang)") {
			t.Errorf("office %q: %v", code, err)
		}
	}
	if _, ok, _ := st.Profile(context.Background()); ok {
		t.Error("an unknown office wrote an office")
	}
	// The code is read in any case.
	if o, err := (DemoOptions{Office: " dng "}).normalised(); err != nil || o.Office != "DNG" {
		t.Errorf("office dng: %+v %v", o, err)
	}
	if o, err := (DemoOptions{}).normalised(); err != nil || o.Office != DemoUnitCode {
		t.Errorf("default office: %+v %v", o, err)
	}
}
