package paths

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const envLockHelper = "TDKT_PATHS_LOCK_HELPER" // the database path the child locks

// TestHelperLock is the child process of TestLock_OtherProcessUntilKilled: it takes
// the lock, says so, and waits to be killed.
func TestHelperLock(t *testing.T) {
	path := os.Getenv(envLockHelper)
	if path == "" {
		t.Skip("helper process of TestLock_OtherProcessUntilKilled")
	}
	if _, err := Lock(path); err != nil {
		fmt.Println("LOCK-FAILED", err)
		os.Exit(1)
	}
	fmt.Println("LOCKED", os.Getpid())
	time.Sleep(5 * time.Minute)
	os.Exit(1)
}

func TestLock_SecondLockInTheSameProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Dữ liệu TĐKT", "tdkt.db") // the folder does not exist yet
	release, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path + ".lock"); strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("lock file holds %q, want this process's id", b)
	}
	_, err = Lock(path)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock: %v, want ErrLocked", err)
	}
	for _, want := range []string{path, strconv.Itoa(os.Getpid()), "cửa sổ"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	// Another database is not locked by this one.
	other, err := Lock(filepath.Join(filepath.Dir(path), "khac.db"))
	if err != nil {
		t.Fatalf("lock of another database: %v", err)
	}
	if err := other(); err != nil {
		t.Fatal(err)
	}

	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := release(); err != nil {
		t.Errorf("second release: %v", err)
	}
	again, err := Lock(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again()
}

func TestLock_OtherProcessUntilKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	path := filepath.Join(t.TempDir(), "tdkt.db")
	childPID, kill := startHolder(t, "TestHelperLock", envLockHelper+"="+path, "LOCKED ")

	_, err := Lock(path)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), childPID) {
		t.Fatalf("Lock while the child holds it: %v (child %s)", err, childPID)
	}

	// kill -9: no chance to release. The system drops the lock with the process.
	kill()
	var release func() error
	deadline := time.Now().Add(5 * time.Second) // Windows may take a moment
	for {
		if release, err = Lock(path); err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("Lock after the holder was killed: %v", err)
	}
	release()
}

// startHolder starts this test binary as a child running the test run with
// env, which holds a lock and prints ready followed by its process id. It
// returns that id and a kill -9 of the child (also done when the test
// ends).
func startHolder(t *testing.T, run, env, ready string) (pid string, kill func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+run+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	kill = func() {
		once.Do(func() {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		})
	}
	t.Cleanup(kill)
	lines := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("the child ended before it held the lock")
			}
			if p, found := strings.CutPrefix(l, ready); found {
				return p, kill
			}
			if strings.Contains(l, "FAILED") {
				t.Fatalf("child: %s", l)
			}
		case <-time.After(time.Minute):
			t.Fatal("the child did not take the lock")
		}
	}
}
