package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func testJobs(dir string, n int, write func(i int, w io.Writer) error) []dossierJob {
	var jobs []dossierJob
	for i := range n {
		jobs = append(jobs, dossierJob{path: filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), weight: i % 3,
			write: func(w io.Writer) error { return write(i, w) }})
	}
	return jobs
}

// Every job is written once, complete, with one progress call per file
// counting up to the total.
func TestWriteDossierFiles_WritesEveryFile(t *testing.T) {
	dir := t.TempDir()
	var seen []int
	jobs := testJobs(dir, 12, func(i int, w io.Writer) error {
		_, err := fmt.Fprintf(w, "tệp %d", i)
		return err
	})
	if err := writeDossierFiles(context.Background(), jobs, func(done, total int) {
		if total != 12 {
			t.Errorf("total %d", total)
		}
		seen = append(seen, done)
	}); err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)))
		if err != nil || string(b) != fmt.Sprintf("tệp %d", i) {
			t.Errorf("file %d: %q %v", i, b, err)
		}
		if seen[i] != i+1 {
			t.Errorf("progress %v", seen)
			break
		}
	}
}

// A job that fails stops the export with its file's name; no file is left
// half written, and the jobs not started are not started.
func TestWriteDossierFiles_StopsAtTheFirstFailure(t *testing.T) {
	dir := t.TempDir()
	var started atomic.Int32
	jobs := testJobs(dir, 40, func(i int, w io.Writer) error {
		started.Add(1)
		if i == 0 {
			io.WriteString(w, "nửa tệp")
			return errors.New("hết chỗ trên đĩa")
		}
		_, err := io.WriteString(w, "đủ")
		return err
	})
	jobs[0].weight = 9 // first out
	err := writeDossierFiles(context.Background(), jobs, nil)
	if err == nil || !strings.Contains(err.Error(), "00.txt") || !strings.Contains(err.Error(), "hết chỗ trên đĩa") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "00.txt")); !os.IsNotExist(err) {
		t.Errorf("the failed file is on disk: %v", err)
	}
	if n := started.Load(); n == 40 {
		t.Errorf("all %d jobs ran after the first failed", n)
	}
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		if b, _ := os.ReadFile(filepath.Join(dir, f.Name())); string(b) != "đủ" {
			t.Errorf("%s holds %q", f.Name(), b)
		}
	}
}

// A cancelled export stops and says so.
func TestWriteDossierFiles_Cancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	jobs := testJobs(t.TempDir(), 30, func(i int, w io.Writer) error {
		if i == 0 {
			cancel()
		}
		return nil
	})
	jobs[0].weight = 9
	if err := writeDossierFiles(ctx, jobs, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}
