package paths

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const envShareHelper = "TDKT_PATHS_SHARE_HELPER" // the database path the child holds shared

// TestHelperShare is the child of TestOwner_OtherProcess: it holds the
// database shared, as an open Store does, says so, and waits to be killed.
func TestHelperShare(t *testing.T) {
	path := os.Getenv(envShareHelper)
	if path == "" {
		t.Skip("helper process of TestOwner_OtherProcess")
	}
	if _, err := Share(path, "tdktctl import"); err != nil {
		fmt.Println("SHARE-FAILED", err)
		os.Exit(1)
	}
	fmt.Println("SHARED", os.Getpid())
	time.Sleep(5 * time.Minute)
	os.Exit(1)
}

// In one process: opens share the file; an exclusive hold needs every
// open closed (or, to upgrade, exactly the one that upgrades), and opens
// made while it is held count under it.
func TestOwner_SameProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Dữ liệu", "tdkt.db")
	a, err := Share(path, "cửa sổ")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Share(path, "cửa sổ")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Exclusive(path, "khôi phục", false); !errors.Is(err, ErrInUse) {
		t.Errorf("restore while open in this process: %v", err)
	}
	if _, err := Exclusive(path, "nâng cấp", true); !errors.Is(err, ErrInUse) {
		t.Errorf("upgrade while opened twice: %v", err)
	}
	b()
	up, err := Exclusive(path, "nâng cấp", true)
	if err != nil {
		t.Fatalf("upgrade of the only open: %v", err)
	}
	if err := up(); err != nil {
		t.Fatal(err)
	}
	a()
	a() // twice is harmless

	x, err := Exclusive(path, "khôi phục", false)
	if err != nil {
		t.Fatalf("restore with nothing open: %v", err)
	}
	inner, err := Share(path, "khôi phục") // the restore backs the old file up
	if err != nil {
		t.Fatalf("open under the restore's own hold: %v", err)
	}
	if _, err := Exclusive(path, "khôi phục", false); !errors.Is(err, ErrInUse) {
		t.Errorf("a second restore: %v", err)
	}
	// The restored file, older, is upgraded under the restore's hold.
	up2, err := Exclusive(path, "nâng cấp", true)
	if err != nil {
		t.Fatalf("upgrade under the restore's hold: %v", err)
	}
	up2()
	inner()
	x()
	if _, ok := owners[mustAbs(t, path)]; ok {
		t.Error("the file is still held after every release")
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// Another process with the database open: a restore or an upgrade is
// refused with its name and process number; an ordinary open shares; once
// the other process is killed, the restore may go on.
func TestOwner_OtherProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	path := filepath.Join(t.TempDir(), "tdkt.db")
	childPID, kill := startHolder(t, "TestHelperShare", envShareHelper+"="+path, "SHARED ")

	_, err := Exclusive(path, "khôi phục", false)
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "tdktctl import (tiến trình số "+childPID+")") {
		t.Fatalf("restore while the child has the file open: %v (child %s)", err, childPID)
	}
	open, err := Share(path, "cửa sổ chương trình TĐKT")
	if err != nil {
		t.Fatalf("an ordinary open beside the child: %v", err)
	}
	if _, err := Exclusive(path, "nâng cấp", true); !errors.Is(err, ErrInUse) {
		t.Errorf("upgrade while the child has the file open: %v", err)
	}
	open()

	kill()
	x, err := Exclusive(path, "khôi phục", false)
	if err != nil {
		t.Fatalf("restore after the child died: %v", err)
	}
	x()
}
