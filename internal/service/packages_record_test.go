package service

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"tdkt/internal/pack"
)

// A package carries the personal record of each person and the address
// and organisations of each collective; the centre keeps them with the
// person, a package from before they existed still loads, and hidden
// characters in them are refused like in any other text of a package.
func TestPackages_CarryRecords(t *testing.T) {
	ctx := context.Background()
	s, _ := demoOffice(t, nil)
	d, err := s.PackageData(ctx, approvedRound(t, s).ID)
	must(t, err)
	if len(d.People) == 0 {
		t.Fatal("no people in the package")
	}
	for _, dp := range d.People {
		p, ok, err := s.st.PersonByCode(ctx, dp.StaffCode)
		if err != nil || !ok {
			t.Fatalf("%s: %v %v", dp.StaffCode, ok, err)
		}
		got := [8]string{dp.HomeTown, dp.Residence, dp.Religion, dp.Education, dp.PoliticalTheory, dp.AcademicRank, dp.PartyPost, dp.UnionPost}
		if got != recordOf(p) || dp.HomeTown == "" || dp.Ethnicity != p.Ethnicity || dp.Ethnicity == "" {
			t.Errorf("%s in the package: %q, recorded %q", dp.StaffCode, got, recordOf(p))
		}
	}
	for _, c := range d.Collectives {
		u, _, _ := s.st.Unit(ctx, c.Code)
		if c.Address != u.Address || c.PartyOrg != u.PartyOrg || c.UnionOrg != u.UnionOrg || c.YouthOrg != u.YouthOrg || c.Address == "" {
			t.Errorf("collective %s in the package: %+v, recorded %+v", c.Code, c, u)
		}
	}

	cen := centralOffice(t, nil, "TW")
	pub, priv, err := pack.NewSigningKey()
	must(t, err)
	must(t, cen.AddUnitKey(ctx, pack.KeyFile{Type: pack.KeyTypeUnit, Code: "AAA", Name: "BHXH AAA", Sign: pub}.Marshal(), ""))
	dir := t.TempDir()
	at := demoTestClock()
	// The same package as an older program wrote it: no record at all.
	old := d
	old.People = append([]pack.DataPerson(nil), d.People...)
	for i := range old.People {
		p := &old.People[i]
		p.HomeTown, p.Residence, p.Religion, p.Education, p.PoliticalTheory, p.AcademicRank, p.PartyPost, p.UnionPost = "", "", "", "", "", "", "", ""
	}
	b, err := json.Marshal(old)
	must(t, err)
	if strings.Contains(string(b), "home_town") || strings.Contains(string(b), "party_post") {
		t.Fatalf("an empty record is written: %.300s", b)
	}
	hidden := d
	hidden.People = append([]pack.DataPerson(nil), d.People...)
	hidden.People[0].HomeTown = "Xã Thạch \u202eHà"
	files := []string{
		buildOfficePackageAt(t, dir, "AAA", old, []pack.File{{}}, 0, priv, "", at),
		buildOfficePackageAt(t, dir, "AAA", d, []pack.File{{}}, 0, priv, "", at.Add(time.Hour)),
		buildOfficePackageAt(t, dir, "AAA", hidden, []pack.File{{}}, 0, priv, "", at.Add(2*time.Hour)),
	}
	res, err := cen.CentralImport(ctx, files, "", nil)
	must(t, err)
	if got := strings.Join(outcomeStatuses(res), ","); got != "loaded,loaded,rejected" {
		t.Fatalf("outcomes %s: %+v", got, res)
	}
	if p := res[2].Problems; len(p) == 0 || !strings.Contains(p[0].Message, "quê quán") {
		t.Errorf("a hidden character in a home town: %+v", res[2])
	}
	dp := d.People[0]
	h, err := cen.CentralPerson(ctx, dp.CCCD)
	must(t, err)
	var detail pack.DataPerson
	must(t, json.Unmarshal([]byte(h.Person.Detail), &detail))
	if detail.HomeTown != dp.HomeTown || detail.PartyPost != dp.PartyPost || detail.Education != dp.Education {
		t.Errorf("the centre keeps %+v, the package said %+v", detail, dp)
	}
}
