package service

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"tdkt/internal/pack"
	"tdkt/internal/store"
)

// Environment of the child process of the kill test.
const (
	killChildDB    = "TDKT_KILL_CHILD_DB"
	killChildOut   = "TDKT_KILL_CHILD_OUT"
	killChildRound = "TDKT_KILL_CHILD_ROUND"
)

// TestExportPackage_KillChild is not a test: it is the child process the
// kill test starts, exporting the demo round's package in a loop until it
// is killed.
func TestExportPackage_KillChild(t *testing.T) {
	db := os.Getenv(killChildDB)
	if db == "" {
		t.Skip("helper process of TestExportPackage_KillNineNeverLeavesAPartialPackage")
	}
	round, err := strconv.ParseInt(os.Getenv(killChildRound), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := New(st, time.Now).As(pkDirector)
	fmt.Println("ready")
	for {
		zipping := false
		progress := func(done, total int) {
			// The parent aims half its kills at the writing of the zip.
			if done >= dossierPortion && !zipping {
				zipping = true
				fmt.Println("zip")
			}
		}
		if _, err := s.ExportPackage(context.Background(), round, os.Getenv(killChildOut), DemoPassphrase, progress); err != nil {
			t.Fatal(err)
		}
		fmt.Println("exported")
	}
}

// TestExportPackage_KillNineNeverLeavesAPartialPackage kills (SIGKILL) a
// process exporting packages 30 times, at points drawn from what it
// reports (most as it starts writing the zip): after
// each kill the output folder holds only complete, valid packages (and at
// most hidden temporary files, never a .zip), and the database passes
// SQLite's integrity check.
func TestExportPackage_KillNineNeverLeavesAPartialPackage(t *testing.T) {
	if os.Getenv(killChildDB) != "" {
		t.Skip("inside the child")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "hti.db")
	copyFile(t, packTemplate(t), db)
	out := filepath.Join(dir, "goi")
	tmp := filepath.Join(dir, "tmp") // the child's TMPDIR: the dossier's scratch folder
	must(t, os.MkdirAll(tmp, 0o755))
	var roundID int64
	var pub []byte
	{
		st, err := store.Open(db, store.Options{})
		must(t, err)
		s := New(st, demoTestClock).As(pkDirector)
		roundID = approvedRound(t, s).ID
		k, err := s.PublicKey(context.Background())
		must(t, err)
		pub = k
		must(t, st.Close())
	}
	// The kill points come from what the child reports, never from a
	// delay, so that a fast or a loaded machine sees the same kills: two
	// thirds right after the child says it starts writing the zip (the
	// file's only moment of existence: the kill lands while it is written
	// or just after), the others after a drawn number of its lines,
	// anywhere from before the first export to between two of them.
	rng := rand.New(rand.NewPCG(7, 6))
	const kills = 30
	var exported, atZip int
	for i := 0; i < kills; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestExportPackage_KillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), killChildDB+"="+db, killChildOut+"="+out, killChildRound+"="+strconv.FormatInt(roundID, 10), "TMPDIR="+tmp)
		stdout, err := cmd.StdoutPipe()
		must(t, err)
		cmd.Stderr = os.Stderr
		must(t, cmd.Start())
		lines := make(chan string, 100)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		aimAtZip := i%3 != 0
		zips := 1 + rng.IntN(2) // kill at the first or the second zip
		after := rng.IntN(5)    // or after this many lines past "ready"
		seen, zipSeen, done := 0, 0, 0
		ready := false
	wait:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("kill %d: the child ended on its own: %v", i, cmd.Wait())
				}
				switch {
				case l == "ready":
					ready = true
				case l == "zip":
					zipSeen++
				case l == "exported":
					done++
				}
				if ready && l != "ready" {
					seen++
				}
				if ready && ((aimAtZip && l == "zip" && zipSeen == zips) || (!aimAtZip && seen >= after)) {
					break wait
				}
			case <-time.After(5 * time.Minute):
				cmd.Process.Kill()
				t.Fatalf("kill %d: the child reported nothing for 5 minutes", i)
			}
		}
		must(t, cmd.Process.Kill())
		_ = cmd.Wait()
		exported += done
		if aimAtZip {
			atZip++
		}
		checkAfterKill(t, i, out, db, pub)
	}
	t.Logf("%d kills, %d of them as the zip began; %d exports completed between kills", kills, atZip, exported)
}

// checkAfterKill looks at the output folder and the database after a kill.
func checkAfterKill(t *testing.T, i int, out, db string, pub []byte) {
	t.Helper()
	entries, err := os.ReadDir(out)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasSuffix(strings.ToLower(name), ".zip"):
			p, err := pack.VerifyFile(filepath.Join(out, name), pack.VerifyOptions{Expected: pub})
			if err != nil || !p.Valid() {
				t.Fatalf("kill %d left %s, which is not a valid package: %v %+v", i, name, err, p.Problems)
			}
		case strings.HasPrefix(name, ".tdkt-") && strings.HasSuffix(name, ".tmp"):
			// An unfinished temporary file: hidden, never taken for a package.
		default:
			t.Fatalf("kill %d left an unexpected file %s", i, name)
		}
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatalf("kill %d: the database does not open: %v", i, err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Fatalf("kill %d: %v", i, err)
	}
}
