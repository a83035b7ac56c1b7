package service

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"tdkt/internal/store"
)

// Offices of the size of the largest merged provinces, each made once per
// test binary (5,000 staff and 10 years take about 15 s) and copied for
// every benchmark; TestMain removes them.
var scaleFixtures struct {
	mu   sync.Mutex
	dir  string
	made map[DemoOptions]string
}

func fixtureTemplate(tb testing.TB, opt DemoOptions) string {
	tb.Helper()
	f := &scaleFixtures
	f.mu.Lock()
	defer f.mu.Unlock()
	if path, ok := f.made[opt]; ok {
		return path
	}
	if f.dir == "" {
		dir, err := os.MkdirTemp("", "tdkt-scale-fixture-*")
		if err != nil {
			tb.Fatal(err)
		}
		f.dir, f.made = dir, map[DemoOptions]string{}
	}
	build := filepath.Join(f.dir, fmt.Sprintf("build-%d-%d.db", opt.Staff, opt.Years))
	st, err := store.Open(build, store.Options{Now: demoTestClock})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	if err := New(st, demoTestClock).FillDemo(context.Background(), opt, nil); err != nil {
		tb.Fatalf("demo %+v: %v", opt, err)
	}
	path := filepath.Join(f.dir, fmt.Sprintf("office-%d-%d.db", opt.Staff, opt.Years))
	if err := st.Backup(context.Background(), path); err != nil {
		tb.Fatal(err)
	}
	f.made[opt] = path
	return path
}

// fixtureOffice is a copy of the demo office of that size with its
// director acting.
func fixtureOffice(tb testing.TB, opt DemoOptions) *Service {
	tb.Helper()
	c := newPkClock()
	path := filepath.Join(tb.TempDir(), "office.db")
	copyFile(tb, fixtureTemplate(tb, opt), path)
	st, err := store.Open(path, store.Options{Now: c.now})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return New(st, c.now).As(pkDirector)
}

// scaleOffice is the 5,000-staff office with ten years of history.
func scaleOffice(tb testing.TB) *Service {
	return fixtureOffice(tb, DemoOptions{Staff: 5000, Years: 10})
}

// BenchmarkScale_Eligibility evaluates a year of the 5,000-staff office
// from the database, as the first visit of a screen does (target: under
// 300 ms); BenchmarkScale_EligibilityCached is every later visit.
func BenchmarkScale_Eligibility(b *testing.B) {
	s := scaleOffice(b)
	ctx := context.Background()
	for b.Loop() {
		s.evals = &evaluationCache{} // a cold start
		vs, err := s.Eligibility(ctx, 2025, "")
		if err != nil || len(vs) == 0 {
			b.Fatal(err)
		}
	}
}

func BenchmarkScale_EligibilityCached(b *testing.B) {
	s := scaleOffice(b)
	ctx := context.Background()
	if _, err := s.Eligibility(ctx, 2025, ""); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		vs, err := s.Eligibility(ctx, 2025, "")
		if err != nil || len(vs) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkScale_Dossier writes the dossier of the round of 2025 of the
// 5,000-staff office: every PDF and the Excel list (target: under 3 s).
func BenchmarkScale_Dossier(b *testing.B) {
	s := scaleOffice(b)
	r := approvedRound(b, s)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		i++
		if err := s.ExportDossier(ctx, r.ID, filepath.Join(b.TempDir(), fmt.Sprint(i)), DossierOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScale_Package exports, signs and writes the submission package
// of that round (target: under 3 s).
func BenchmarkScale_Package(b *testing.B) {
	s := scaleOffice(b)
	r := approvedRound(b, s)
	ctx := context.Background()
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if _, err := s.ExportPackage(ctx, r.ID, filepath.Join(dir, fmt.Sprintf("p%d.zip", i)), DemoPassphrase, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScale_Backup backs the 5,000-staff office up and checks the
// copy (target: under 2 s).
func BenchmarkScale_Backup(b *testing.B) {
	s := scaleOffice(b)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		i++ // a folder per run: the clock stands still, and a backup never overwrites one
		if _, err := s.BackupTo(ctx, filepath.Join(b.TempDir(), fmt.Sprint(i))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScale_Period is the period view's and report's figures for
// 2,000 staff over 10 years: a period of six years with its candidates
// (target: under 1 s).
func BenchmarkScale_Period(b *testing.B) {
	s := fixtureOffice(b, DemoOptions{Staff: 2000, Years: 10})
	ctx := context.Background()
	for b.Loop() {
		in, err := s.PeriodInput(ctx, 2020, 2025)
		if err != nil || len(in.Awards) == 0 {
			b.Fatal(err)
		}
		cs, err := s.ExemplaryCandidates(ctx, 2020, 2025)
		if err != nil || len(cs) == 0 {
			b.Fatal(err)
		}
		if err := s.ExportPeriod(ctx, 2020, 2025, "pdf", io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
