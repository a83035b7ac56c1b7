package store

import (
	"context"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

func TestStore_ParamsHaveIDs(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	rows, err := s.Params(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(rules.DefaultCatalogue().Params) {
		t.Fatalf("Params has %d rows, want %d", len(rows), len(rules.DefaultCatalogue().Params))
	}
	seen := map[int64]bool{}
	for _, r := range rows {
		if r.ID <= 0 || seen[r.ID] {
			t.Errorf("param %s/%s has id %d (zero or repeated)", r.Key, r.Regime, r.ID)
		}
		seen[r.ID] = true
	}
}

func TestTx_SaveParamAndDeleteParam(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	const key = "ldtt.recruited_by"
	d2024, d2025 := domain.MustDate("31/12/2024"), domain.MustDate("31/12/2025")
	var added int64
	scenarios := []struct {
		name string
		op   func(tx *Tx) error
		// want maps regime → value of key on the day; "" means no value
		want map[string]string
		on   domain.Date
		rows int // rows for key after the step
	}{
		{name: "seeded: regime row beats the general row", op: func(tx *Tx) error { return nil },
			want: map[string]string{"R2017": "03-01", "R2024": "07-01", "R2025": "07-01", "": "07-01"}, on: d2025, rows: 2},
		{name: "add a R2025 row", op: func(tx *Tx) error {
			var err error
			added, err = tx.SaveParam(0, rules.Param{Key: key, Regime: "R2025", Value: "08-01", Description: "thử"})
			return err
		}, want: map[string]string{"R2017": "03-01", "R2024": "07-01", "R2025": "08-01"}, on: d2025, rows: 3},
		{name: "update it in place", op: func(tx *Tx) error {
			id, err := tx.SaveParam(added, rules.Param{Key: key, Regime: "R2025", Value: "09-01", Description: "thử"})
			if id != added {
				t.Errorf("SaveParam(%d) returned id %d", added, id)
			}
			return err
		}, want: map[string]string{"R2024": "07-01", "R2025": "09-01"}, on: d2025, rows: 3},
		{name: "out of its validity the general row applies", op: func(tx *Tx) error {
			_, err := tx.SaveParam(added, rules.Param{Key: key, Regime: "R2025", Value: "09-01", ValidFrom: domain.MustDate("01/01/2025")})
			return err
		}, want: map[string]string{"R2025": "07-01"}, on: d2024, rows: 3},
		{name: "delete it", op: func(tx *Tx) error { return tx.DeleteParam(added) },
			want: map[string]string{"R2017": "03-01", "R2025": "07-01"}, on: d2025, rows: 2},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			mustWrite(t, s, sc.op)
			c, err := s.Catalogue(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for regime, want := range sc.want {
				got, ok := c.Param(key, regime, sc.on)
				if !ok || got != want {
					t.Errorf("Param(%s, %q, %s) = %q, %v; want %q", key, regime, sc.on, got, ok, want)
				}
			}
			rows, err := s.Params(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, r := range rows {
				if r.Key == key {
					n++
				}
			}
			if n != sc.rows {
				t.Errorf("%d rows for %s, want %d", n, key, sc.rows)
			}
		})
	}
	if _, ok := func() (string, bool) {
		c, _ := s.Catalogue(ctx)
		return c.Param("no.such.key", "R2025", d2025)
	}(); ok {
		t.Error("Param of an unknown key reported a value")
	}
}

func TestTx_SaveRegimeAndAwardTypeUpsert(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	def := rules.DefaultCatalogue()
	r := def.Regimes[2]
	r.Name, r.ToYear = "Sửa tên", 2030
	a := def.Awards[0]
	a.Name, a.Bonus, a.ValidTo = "Lao động tiên tiến (sửa)", 0.35, domain.MustDate("31/12/2030")
	newAward := rules.AwardType{Code: "KNC", Name: "Kỷ niệm chương", For: rules.ForPerson, Level: "Bộ, ngành", SortOrder: 200}
	mustWrite(t, s, func(tx *Tx) error {
		if err := tx.SaveRegime(r); err != nil {
			return err
		}
		if err := tx.SaveAwardType(a); err != nil {
			return err
		}
		return tx.SaveAwardType(newAward)
	})
	c, err := s.Catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Regimes) != len(def.Regimes) || len(c.Awards) != len(def.Awards)+1 {
		t.Fatalf("catalogue has %d regimes and %d awards", len(c.Regimes), len(c.Awards))
	}
	if got, _ := c.RegimeFor(2025); got != r {
		t.Errorf("RegimeFor(2025) = %+v, want %+v", got, r)
	}
	scenarios := []rules.AwardType{a, newAward}
	for _, want := range scenarios {
		if got, ok := c.Award(want.Code); !ok || got != want {
			t.Errorf("Award(%s) = %+v, want %+v", want.Code, got, want)
		}
	}
	if last := c.Awards[len(c.Awards)-1]; last.Code != "KNC" {
		t.Errorf("award types not in sort order: last is %s", last.Code)
	}
}

// TestStore_AuthoritiesSeededAndRead: a new database holds who confers each
// award as the default catalogue says, and reads it back.
func TestStore_AuthoritiesSeededAndRead(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	c, err := s.Catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	def := rules.DefaultCatalogue()
	if len(c.Authorities) != len(def.Authorities) || len(c.AwardAuthorities) != len(def.AwardAuthorities) {
		t.Fatalf("%d authorities and %d award rows, want %d and %d", len(c.Authorities), len(c.AwardAuthorities), len(def.Authorities), len(def.AwardAuthorities))
	}
	for _, a := range def.Awards {
		for _, d := range []domain.Date{domain.NewDate(2024, 12, 31), domain.NewDate(2026, 1, 20)} {
			got, want := c.ConferredBy(a.Code, d), def.ConferredBy(a.Code, d)
			if got.ID == 0 {
				t.Errorf("%s on %s: a row read without its id", a.Code, d.VN())
			}
			if got.ID = 0; got != want {
				t.Errorf("%s on %s: read %+v, want %+v", a.Code, d.VN(), got, want)
			}
		}
	}
	// An edit stays.
	if err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.SaveAwardAuthority(0, rules.AwardAuthority{Award: "GK", Authority: rules.AuthMinister, FullName: "Giấy khen thử", ValidFrom: domain.NewDate(2030, 1, 1)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Catalogue(ctx)
	var gk []string
	for _, aa := range c.AwardAuthorities {
		if aa.Award == "GK" {
			gk = append(gk, aa.FullName+"@"+aa.ValidFrom.VN())
		}
	}
	if len(gk) != 2 || gk[1] != "Giấy khen thử@01/01/2030" {
		t.Errorf("GK rows after the edit: %v", gk)
	}
}

// A new file holds the default catalogue's report forms and Căn cứ lines;
// a file made before they existed gets them from the migration that adds
// them, and an administrator's edit of them is kept like any other.
func TestCatalogue_ReportFormsAndCitations(t *testing.T) {
	st := openTest(t)
	ctx := context.Background()
	def := rules.DefaultCatalogue()
	check := func(when string) {
		t.Helper()
		c, err := st.Catalogue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range def.Awards {
			a, ok := c.Award(want.Code)
			if !ok || a.Template != want.Template || a.Form != want.Form {
				t.Errorf("%s: %s has form %q %q, want %q %q", when, want.Code, a.Template, a.Form, want.Template, want.Form)
			}
		}
		r, _ := c.RegimeFor(2025)
		if r.Citations == "" || !strings.Contains(r.Citations, "15/2025/TT-BNV") {
			t.Errorf("%s: R2025 cites %q", when, r.Citations)
		}
	}
	check("new file")
	// As a file of an earlier program: no forms, no Căn cứ lines.
	if err := st.Write(ctx, func(tx *Tx) error {
		_, err := tx.tx.ExecContext(tx.ctx, `UPDATE award_type SET report_template='', report_form=''; UPDATE regime SET citations=''`)
		if err != nil {
			return err
		}
		return tx.seedReportForms(def)
	}); err != nil {
		t.Fatal(err)
	}
	check("migrated file")

	a, _ := def.Award("BK_BO")
	a.Template, a.Form = domain.TemplateOneOff, "Mẫu số 05"
	if err := st.Write(ctx, func(tx *Tx) error { return tx.SaveAwardType(a) }); err != nil {
		t.Fatal(err)
	}
	c, _ := st.Catalogue(ctx)
	if got, _ := c.Award("BK_BO"); got.Template != domain.TemplateOneOff || got.Form != "Mẫu số 05" {
		t.Errorf("edited form %q %q", got.Template, got.Form)
	}
}
