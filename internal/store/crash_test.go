package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tdkt/internal/domain"
)

// The crash tests run the test binary again as a child process
// (TestHelperCrash) that dies in the middle of a write transaction, then
// check from the parent that the database reopens with every committed row
// and none of the uncommitted ones.
const (
	envCrashDB        = "TDKT_STORE_CRASH_DB"
	envCrashCommitted = "TDKT_STORE_CRASH_COMMITTED" // people committed before the fatal write
	envCrashLost      = "TDKT_STORE_CRASH_LOST"      // people written by the fatal write
	envCrashHow       = "TDKT_STORE_CRASH_HOW"       // "exit" (os.Exit(3)) or "kill" (SIGKILL / TerminateProcess)
)

func crashPerson(prefix string, i int) domain.Person {
	p := person(fmt.Sprintf("%s%05d", prefix, i), fmt.Sprintf("Nguyễn Văn Thứ %d", i), "42.TCHC")
	p.CCCD = fmt.Sprintf("%s%07d", map[string]string{"OK": "04208", "LOST": "04209"}[prefix], i)
	p.Note = strings.Repeat("hồ sơ cán bộ ", 8)
	return p
}

func TestHelperCrash(t *testing.T) {
	path := os.Getenv(envCrashDB)
	if path == "" {
		t.Skip("helper process of TestStore_CrashMidTransaction")
	}
	committed, _ := strconv.Atoi(os.Getenv(envCrashCommitted))
	lost, _ := strconv.Atoi(os.Getenv(envCrashLost))
	how := os.Getenv(envCrashHow)
	ctx := context.Background()

	s, err := Open(path, testOptions())
	if err != nil {
		fmt.Println("CRASH-OPEN-FAILED", err)
		os.Exit(1)
	}
	if committed > 0 {
		err := s.Write(ctx, func(tx *Tx) error {
			// No checkpoint at this commit: with the journal's entries a
			// large commit passes the auto-checkpoint size, and the fatal
			// write would then reuse the WAL without growing it.
			if _, err := tx.tx.Exec("PRAGMA wal_autocheckpoint = 0"); err != nil {
				return err
			}
			for i := 0; i < committed; i++ {
				if _, err := tx.CreatePerson(crashPerson("OK", i)); err != nil {
					return err
				}
			}
			return tx.SetSetting("committed", "yes")
		})
		if err != nil {
			fmt.Println("CRASH-COMMIT-FAILED", err)
			os.Exit(1)
		}
	}
	walBefore := fileSize(path + "-wal")
	_ = s.Write(ctx, func(tx *Tx) error {
		// A small page cache makes SQLite spill the uncommitted pages into
		// the WAL long before the commit, which is the case to survive.
		if _, err := tx.tx.Exec("PRAGMA cache_size = 16"); err != nil {
			return err
		}
		for i := 0; i < lost; i++ {
			if _, err := tx.CreatePerson(crashPerson("LOST", i)); err != nil {
				fmt.Println("CRASH-WRITE-FAILED", err)
				os.Exit(1)
			}
		}
		if err := tx.SetSetting("lost", "yes"); err != nil {
			return err
		}
		fmt.Printf("CRASH-READY wal-before=%d wal-now=%d\n", walBefore, fileSize(path+"-wal"))
		_ = os.Stdout.Sync()
		switch how {
		case "exit":
			os.Exit(3)
		case "kill":
			p, err := os.FindProcess(os.Getpid())
			if err == nil {
				_ = p.Kill()
			}
			time.Sleep(time.Minute) // the kill arrives before this ends
		}
		fmt.Println("CRASH-SURVIVED")
		os.Exit(1)
		return nil
	})
	fmt.Println("CRASH-SURVIVED")
	os.Exit(1)
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

var crashReady = regexp.MustCompile(`CRASH-READY wal-before=(\d+) wal-now=(\d+)`)

func TestStore_CrashMidTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	scenarios := []struct {
		name      string
		committed int
		lost      int
		how       string
	}{
		{"exit during the first write", 0, 4000, "exit"},
		{"kill during the first write", 0, 4000, "kill"},
		{"exit after a small commit", 50, 4000, "exit"},
		{"kill after a small commit", 50, 4000, "kill"},
		{"kill after a large commit", 3000, 4000, "kill"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "Dữ liệu", "tdkt.db")
			s, err := Open(path, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			mustWrite(t, s, func(tx *Tx) error {
				if err := tx.SaveProfile(office); err != nil {
					return err
				}
				if _, err := tx.SaveUnit(domain.Unit{Code: "42.TCHC", Name: "Phòng Tổ chức - Hành chính", ParentCode: "42", Kind: domain.UnitDepartment}); err != nil {
					return err
				}
				_, err := tx.CreatePerson(person("BASE1", "Đinh Thị Gốc", "42"))
				return err
			})
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}

			cctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(cctx, os.Args[0], "-test.run=^TestHelperCrash$", "-test.count=1")
			cmd.Env = append(os.Environ(),
				envCrashDB+"="+path,
				envCrashCommitted+"="+strconv.Itoa(sc.committed),
				envCrashLost+"="+strconv.Itoa(sc.lost),
				envCrashHow+"="+sc.how,
			)
			out, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("child did not die: err=%v\n%s", err, out)
			}
			if sc.how == "exit" && ee.ExitCode() != 3 {
				t.Fatalf("child exit code %d, want 3\n%s", ee.ExitCode(), out)
			}
			m := crashReady.FindSubmatch(out)
			if m == nil || strings.Contains(string(out), "CRASH-SURVIVED") {
				t.Fatalf("child did not reach the crash point:\n%s", out)
			}
			t.Logf("child: %s (exit %d)", m[0], ee.ExitCode())
			before, _ := strconv.ParseInt(string(m[1]), 10, 64)
			now, _ := strconv.ParseInt(string(m[2]), 10, 64)
			if now-before < 256*1024 {
				t.Fatalf("the uncommitted write did not spill into the WAL (%d → %d bytes); the test proves nothing", before, now)
			}
			if fileSize(path+"-wal") == 0 {
				t.Fatal("no WAL left behind by the crash; the test proves nothing")
			}

			s = openAt(t, path) // runs the integrity check
			if err := s.Check(); err != nil {
				t.Fatalf("integrity after crash: %v", err)
			}
			if c, err := s.VerifyJournal(ctx); err != nil || !c.OK {
				t.Errorf("journal after crash: %+v %v", c, err)
			}
			people, err := s.People(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var base, ok, lost int
			for _, p := range people {
				switch {
				case strings.HasPrefix(p.StaffCode, "BASE"):
					base++
				case strings.HasPrefix(p.StaffCode, "OK"):
					ok++
				case strings.HasPrefix(p.StaffCode, "LOST"):
					lost++
				}
			}
			if base != 1 || ok != sc.committed || lost != 0 {
				t.Errorf("after crash: %d base, %d committed, %d uncommitted people; want 1, %d, 0", base, ok, lost, sc.committed)
			}
			if v, _ := s.Setting(ctx, "lost"); v != "" {
				t.Error("uncommitted setting survived the crash")
			}
			wantCommitted := ""
			if sc.committed > 0 {
				wantCommitted = "yes"
			}
			if v, _ := s.Setting(ctx, "committed"); v != wantCommitted {
				t.Errorf("committed setting = %q, want %q", v, wantCommitted)
			}
			if counts, _ := s.Headcounts(ctx); counts["42.TCHC"] != sc.committed {
				t.Errorf("headcount of 42.TCHC = %d, want %d", counts["42.TCHC"], sc.committed)
			}
			// The database takes the same write again after recovery.
			mustWrite(t, s, func(tx *Tx) error {
				for i := 0; i < 10; i++ {
					if _, err := tx.CreatePerson(crashPerson("LOST", i)); err != nil {
						return err
					}
				}
				return nil
			})
			if err := s.Check(); err != nil {
				t.Fatalf("integrity after rewriting: %v", err)
			}
		})
	}
}
