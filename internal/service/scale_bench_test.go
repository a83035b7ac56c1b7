package service

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"tdkt/internal/store"
)

// The largest merged province: 5,000 staff and 10 years of history, made
// once per test binary (it takes about 15 s) and copied for every
// benchmark; TestMain removes it.
var scaleFixture struct {
	once sync.Once
	dir  string
	err  error
}

func scaleTemplate(tb testing.TB) string {
	tb.Helper()
	scaleFixture.once.Do(func() {
		dir, err := os.MkdirTemp("", "tdkt-scale-fixture-*")
		if err != nil {
			scaleFixture.err = err
			return
		}
		scaleFixture.dir = dir
		st, err := store.Open(filepath.Join(dir, "build.db"), store.Options{Now: demoTestClock})
		if err != nil {
			scaleFixture.err = err
			return
		}
		defer st.Close()
		if err := New(st, demoTestClock).FillDemo(context.Background(), DemoOptions{Staff: 5000, Years: 10}, nil); err != nil {
			scaleFixture.err = err
			return
		}
		scaleFixture.err = st.Backup(context.Background(), filepath.Join(dir, "scale.db"))
	})
	if scaleFixture.err != nil {
		tb.Fatalf("scale fixture: %v", scaleFixture.err)
	}
	return filepath.Join(scaleFixture.dir, "scale.db")
}

// scaleOffice is a copy of the 5,000-staff office with its director acting.
func scaleOffice(tb testing.TB) *Service {
	tb.Helper()
	c := newPkClock()
	path := filepath.Join(tb.TempDir(), "scale.db")
	copyFile(tb, scaleTemplate(tb), path)
	st, err := store.Open(path, store.Options{Now: c.now})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return New(st, c.now).As(pkDirector)
}

// BenchmarkScale_Eligibility evaluates a year of the 5,000-staff office
// from the database, as the first visit of a screen does (target: under
// 300 ms); BenchmarkScale_EligibilityCached is every later visit.
func BenchmarkScale_Eligibility(b *testing.B) {
	s := scaleOffice(b)
	ctx := context.Background()
	for b.Loop() {
		s.verdicts = &verdictCache{} // a cold start
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
