package service

import (
	"context"
	"strings"
	"testing"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
)

// TestPeriodPackage_VerifiesAndTheCentreKeepsTheModels: a period's package
// is a signed package like a round's, with kind "period"; the centre
// loads its models, and a later package of the same office and period
// replaces the earlier one.
func TestPeriodPackage_VerifiesAndTheCentreKeepsTheModels(t *testing.T) {
	c := newPkClock()
	office, _ := demoOffice(t, c)
	cen := centralOffice(t, c, "TW")
	linkCentre(t, office, cen)
	ctx := context.Background()
	id, err := office.PeriodID(ctx, 2020, 2025)
	mustTB(t, err)
	n, err := office.ProposeModels(ctx, id)
	mustTB(t, err)
	per, err := office.period(ctx, id)
	mustTB(t, err)
	per.Conference = domain.Conference{Members: 40, Present: 38}
	_, err = office.SavePeriod(ctx, per)
	mustTB(t, err)
	ms, err := office.Models(ctx, id)
	mustTB(t, err)
	m := ms[0]
	m.Voted, m.VotesFor, m.Delegate = true, 30, true
	mustTB(t, office.SaveModel(ctx, m))

	rec, err := office.ExportPeriodPackage(ctx, id, t.TempDir(), DemoPassphrase)
	mustTB(t, err)
	p, err := cen.VerifyPackage(ctx, rec.Path)
	mustTB(t, err)
	if !p.Valid() || p.Manifest.Kind != pack.KindPeriod || p.Manifest.Period == nil || p.Manifest.Period.From != 2020 || rec.Kind != pack.KindPeriod {
		t.Fatalf("period package: valid %v, manifest %+v, problems %v", p.Valid(), p.Manifest, p.Problems)
	}
	for _, want := range []string{"data.json", "pdf/Ky-yeu-guong-dien-hinh-tien-tien.pdf", "xlsx/Danh-sach-guong-dien-hinh.xlsx", "pdf/Bao-cao-tong-ket-giai-doan-2020-2025.pdf"} {
		found := false
		for _, f := range p.Manifest.Files {
			if f.Path == want || f.Path == want+".age" {
				found = true
			}
		}
		if !found {
			t.Errorf("the package lacks %s", want)
		}
	}

	res, err := cen.CentralImport(ctx, []string{rec.Path}, "trung-uong", nil)
	mustTB(t, err)
	if len(res) != 1 || res[0].Status != ImportLoaded || res[0].Models != n || !strings.Contains(res[0].Message, "gói giai đoạn 2020 - 2025") {
		t.Fatalf("import: %+v", res)
	}
	cms, err := cen.CentralModels(ctx, 2020, 2025)
	mustTB(t, err)
	if len(cms) != n {
		t.Fatalf("%d models at the centre, the office put forward %d", len(cms), n)
	}
	selected := 0
	for _, x := range cms {
		if x.Selected {
			selected++
			if x.Code != m.Subject.Code || !x.Delegate || x.VotesFor != 30 || x.Pct != 75 || len(x.Reasons) == 0 {
				t.Errorf("the selected model at the centre: %+v", x)
			}
		}
		if x.UnitCode != "HTI" {
			t.Errorf("model of office %q", x.UnitCode)
		}
	}
	if selected != 1 {
		t.Errorf("%d selected at the centre, want 1", selected)
	}

	c.add(time.Hour)
	again, err := office.ExportPeriodPackage(ctx, id, t.TempDir(), DemoPassphrase)
	mustTB(t, err)
	res, err = cen.CentralImport(ctx, []string{again.Path}, "trung-uong", nil)
	mustTB(t, err)
	if res[0].Status != ImportLoaded || res[0].Supersedes == 0 {
		t.Errorf("second import: %+v", res[0])
	}
	if cms, _ := cen.CentralModels(ctx, 2020, 2025); len(cms) != n {
		t.Errorf("%d models after a newer package, want %d", len(cms), n)
	}
	var xl strings.Builder
	if err := cen.ExportCentralModels(ctx, 2020, 2025, &xl); err != nil || !strings.HasPrefix(xl.String(), "PK") {
		t.Errorf("the sector's Excel: %v", err)
	}
}
