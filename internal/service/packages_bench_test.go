package service

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/store"
)

// round300 adds to the demo office an approved round of 2025 with 300
// nominees (every person of the office for a Giấy khen, the collectives
// and a second award for as many people as it takes), each with the
// engine's verdict, a drafted report and a council vote, and returns it.
func round300(tb testing.TB, s *Service) domain.Round {
	tb.Helper()
	ctx := context.Background()
	e, err := s.evaluation(ctx, 2025)
	mustTB(tb, err)
	r := domain.Round{Year: 2025, Kind: domain.RoundRegular, Name: "Đợt đề nghị khen thưởng 300 người năm 2025", Status: domain.StatusDraft, Number: 99}
	demo := approvedRound(tb, s)
	c, _, err := s.st.Council(ctx, demo.ID)
	mustTB(tb, err)
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		var err error
		if r.ID, err = tx.CreateRound(r); err != nil {
			return err
		}
		var subs []domain.Subject
		for _, u := range e.h.Units {
			subs = append(subs, domain.UnitSubject(u.Code))
		}
		for _, p := range e.h.People {
			subs = append(subs, domain.PersonSubject(p.StaffCode))
		}
		added := 0
		for _, award := range []string{"GK", "LDTT"} {
			for _, sub := range subs {
				if added == 300 || (award == "LDTT" && sub.Kind == domain.SubjectCollective) {
					continue
				}
				n := e.nominee(r, sub, award)
				if !n.Eligible {
					n.Justification = "Thủ trưởng đơn vị đề nghị khen thưởng để động viên, khích lệ."
				}
				if _, err := tx.AddNominee(n); err != nil {
					return err
				}
				added++
			}
		}
		if added != 300 {
			return fmt.Errorf("only %d nominees", added)
		}
		ns, err := tx.Nominees(r.ID)
		if err != nil {
			return err
		}
		council := domain.Council{RoundID: r.ID, Date: c.Date, Place: c.Place, Method: c.Method, Members: c.Members}
		for _, n := range ns {
			council.Votes = append(council.Votes, domain.Vote{NomineeID: n.ID, For: council.Present()})
		}
		if err := tx.SaveCouncil(council); err != nil {
			return err
		}
		r.Status = domain.StatusApproved
		return tx.UpdateRound(r)
	})
	mustTB(tb, err)
	return r
}

// BenchmarkExportPackage300 builds, signs and verifies the package of a
// round of 300 nominees: every PDF of its dossier, the workbooks,
// data.json (target: under 3 s on the 2-core machine).
func BenchmarkExportPackage300(b *testing.B) {
	s, _ := demoOffice(b, nil)
	r := round300(b, s)
	ctx := context.Background()
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec, err := s.ExportPackage(ctx, r.ID, filepath.Join(dir, fmt.Sprintf("p%d.zip", i)), DemoPassphrase, nil)
		if err != nil {
			b.Fatal(err)
		}
		p, err := s.VerifyPackage(ctx, rec.Path)
		if err != nil || !p.Valid() {
			b.Fatalf("verify: %v %+v", err, p.Problems)
		}
		b.ReportMetric(float64(rec.Bytes)/(1<<20), "MiB")
		b.ReportMetric(float64(len(p.Manifest.Files)), "files")
	}
}

// BenchmarkCentralImport34 imports into a fresh central database 34
// packages of such a round, from 34 offices with their own keys (the
// package of one round re-signed under each office's code and key),
// encrypted to the centre (target: under 10 s).
func BenchmarkCentralImport34(b *testing.B) {
	s, _ := demoOffice(b, nil)
	benchCentralImport34(b, s, round300(b, s))
}

// centre34 builds 34 packages of round r of office s, each re-signed under
// its own office code and key and encrypted to a new central database,
// and returns a copy of that database (keys registered, nothing imported)
// and the packages' paths.
func centre34(b *testing.B, s *Service, r domain.Round) (template string, paths []string) {
	ctx := context.Background()
	cen := centralOffice(b, nil, "TW")
	kf, _, err := cen.CentralKeyFile(ctx)
	mustTB(b, err)
	mustTB(b, s.SetCentralKey(ctx, kf))
	ck, _, err := s.CentralKey(ctx)
	mustTB(b, err)
	files, err := s.packageFiles(ctx, r, nil)
	mustTB(b, err)
	dataIdx := -1
	for i, f := range files {
		if f.Path == "data.json" {
			dataIdx = i
		}
	}
	base, err := s.PackageData(ctx, r.ID)
	mustTB(b, err)
	dir := b.TempDir()
	for k := 0; k < 34; k++ {
		code := fmt.Sprintf("T%02d", k+1)
		pub, priv, err := pack.NewSigningKey()
		mustTB(b, err)
		mustTB(b, cen.AddUnitKey(ctx, pack.KeyFile{Type: pack.KeyTypeUnit, Code: code, Name: "Bảo hiểm xã hội tỉnh " + code, Sign: pub}.Marshal(), ""))
		paths = append(paths, buildOfficePackage(b, dir, code, base, files, dataIdx, priv, ck.Age))
	}
	template = filepath.Join(b.TempDir(), "central.db")
	mustTB(b, cen.Store().Backup(ctx, template))
	return template, paths
}

// openCentre opens a copy of the central database template.
func openCentre(b *testing.B, template string) *Service {
	path := filepath.Join(b.TempDir(), "tw.db")
	copyFile(b, template, path)
	st, err := store.Open(path, store.Options{Now: demoTestClock})
	mustTB(b, err)
	b.Cleanup(func() { st.Close() })
	return New(st, demoTestClock).As(domain.Account{Username: "tw", Role: domain.RoleDirector})
}

func benchCentralImport34(b *testing.B, s *Service, r domain.Round) {
	ctx := context.Background()
	ns, err := s.st.Nominees(ctx, r.ID)
	mustTB(b, err)
	template, paths := centre34(b, s, r)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Every run imports into a copy of the same empty central database
		// (its decryption key is the one the packages are encrypted to).
		b.StopTimer()
		c := openCentre(b, template)
		b.StartTimer()
		out, err := c.CentralImport(ctx, paths, "trung-uong", nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		for _, o := range out {
			if o.Status != ImportLoaded {
				b.Fatalf("%s: %s %s", o.File, o.Status, o.Message)
			}
		}
		got, err := c.CentralNominations(ctx, store.CentralFilter{CurrentOnly: true})
		if err != nil || len(got) != 34*len(ns) {
			b.Fatalf("%d nominations loaded of %d: %v", len(got), 34*len(ns), err)
		}
		b.StartTimer()
	}
}

// BenchmarkScale_CentralImport34 is the centre receiving the 34 offices'
// packages of the full round of a 2,000-staff office (about 2,000
// nominations each; target: under 10 s).
func BenchmarkScale_CentralImport34(b *testing.B) {
	s := fixtureOffice(b, DemoOptions{Staff: 2000, Years: 6})
	benchCentralImport34(b, s, approvedRound(b, s))
}

// BenchmarkScale_CentralReport writes the centre's yearly report over
// those 34 offices (target: under 2 s).
func BenchmarkScale_CentralReport(b *testing.B) {
	ctx := context.Background()
	s := fixtureOffice(b, DemoOptions{Staff: 2000, Years: 6})
	template, paths := centre34(b, s, approvedRound(b, s))
	c := openCentre(b, template)
	if _, err := c.CentralImport(ctx, paths, "trung-uong", nil); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var buf bytes.Buffer
		if err := c.ExportCentralReport(ctx, 2025, &buf); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len())/1024, "KiB")
	}
}

// buildOfficePackage writes the package of data d as office code, signed
// with key, encrypted to recipient, and returns its path. The other files
// are the demo round's.
func buildOfficePackage(tb testing.TB, dir, code string, d pack.Data, files []pack.File, dataIdx int, key ed25519.PrivateKey, recipient string) string {
	return buildOfficePackageAt(tb, dir, code, d, files, dataIdx, key, recipient, demoTestClock())
}

func buildOfficePackageAt(tb testing.TB, dir, code string, d pack.Data, files []pack.File, dataIdx int, key ed25519.PrivateKey, recipient string, at time.Time) string {
	tb.Helper()
	d.Unit = pack.Unit{Code: code, Name: "Bảo hiểm xã hội tỉnh " + code}
	js := mustJSON(tb, d)
	fs := append([]pack.File(nil), files...)
	fs[dataIdx] = pack.File{Path: "data.json", Kind: pack.KindData, Content: js}
	m := pack.Manifest{Type: pack.TypeSubmission, Unit: d.Unit, Year: d.Year, Round: d.Round, CreatedAt: at.Format(time.RFC3339), AppVersion: "test", RulesVersion: "R2025"}
	path := filepath.Join(dir, pack.FileName(code, d.Year, d.Round.ID, at))
	f, err := os.Create(path)
	mustTB(tb, err)
	defer f.Close()
	if _, err := pack.Build(context.Background(), f, fs, pack.BuildOptions{Manifest: m, Key: key, Recipient: recipient}); err != nil {
		tb.Fatal(err)
	}
	return path
}
