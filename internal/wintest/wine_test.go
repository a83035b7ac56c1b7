//go:build wine

package wintest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tdkt/internal/service"
	"tdkt/internal/store"
)

// The database under a Vietnamese path with spaces, as a clerk would keep
// it under her documents.
const (
	winDir = `C:\users\Public\Tài liệu\Hồ sơ 2025`
	winDB  = winDir + `\dữ liệu.db`
	netDB  = `N:\Hồ sơ\dữ liệu.db` // N: is mapped as a network drive
	title  = "Thi đua - Khen thưởng"
	// What the typing checks must find saved as the person's full name.
	typed = "Nguyễn Thị Hường"
)

// display is the Xvfb (1366×768) the Wine check started for these tests, a
// display of their own: another run's, or a stale socket left by a killed
// one, would make every window fail to open.
var display = func() string {
	if d := os.Getenv("WINE_RUN_DISPLAY"); d != "" {
		return d
	}
	return ":151"
}()

// bound is how long a program may take before the check gives up on it:
// a guard against a hang, not a speed requirement.
const bound = 5 * time.Minute

type env struct {
	windir, setup, runner, prefix string
}

var (
	setupOnce sync.Once
	theEnv    env
	setupErr  error
)

func wine(t *testing.T) env {
	t.Helper()
	setupOnce.Do(func() {
		theEnv = env{windir: os.Getenv("TDKT_WINDIR"), setup: os.Getenv("TDKT_SETUP"),
			runner: os.Getenv("TDKT_WINE_RUN"), prefix: os.Getenv("WINEPREFIX")}
		if theEnv.windir == "" || theEnv.runner == "" || theEnv.prefix == "" {
			setupErr = fmt.Errorf("TDKT_WINDIR, TDKT_WINE_RUN and WINEPREFIX must be set (make wine-check)")
			return
		}
		if out, err := exec.Command(theEnv.runner, "setup").CombinedOutput(); err != nil {
			setupErr = fmt.Errorf("wine setup: %v\n%s", err, out)
		}
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return theEnv
}

// unix is the file behind a C:\ path of the prefix.
func (e env) unix(win string) string {
	rest, ok := strings.CutPrefix(win, `C:\`)
	if !ok {
		panic("not a C: path: " + win)
	}
	return filepath.Join(e.prefix, "drive_c", filepath.FromSlash(strings.ReplaceAll(rest, `\`, "/")))
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs a Windows program (mode "run", or "gui" under the runner's Xvfb)
// with the demo director's account and passphrase in its environment.
func (e env) run(t *testing.T, mode string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	cmd := e.command(ctx, mode, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%v did not finish in %v", args, bound)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

func (e env) command(ctx context.Context, mode string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, e.runner, append([]string{mode}, args...)...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "TDKT_USER=admin", "TDKT_PASSWORD=demo", "TDKT_PASSPHRASE=demo",
		"WINE_RUN_DISPLAY="+display,
		// Mesa's plain software renderer for Wine's OpenGL under Xvfb:
		// llvmpipe, the default, runs shaders it compiles into memory, and
		// a window closing while it drew faulted executing that memory.
		"GALLIUM_DRIVER=softpipe")
	return cmd
}

func (e env) ctl(t *testing.T, args ...string) result {
	t.Helper()
	return e.run(t, "run", append([]string{filepath.Join(e.windir, "tdktctl.exe"), "--db", winDB}, args...)...)
}

func must(t *testing.T, r result, what string) result {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("%s: exit %d\nstdout: %s\nstderr: %s", what, r.code, r.stdout, r.stderr)
	}
	return r
}

// demoOffice makes a fresh demo office at winDB.
func demoOffice(t *testing.T, e env) {
	t.Helper()
	if err := os.RemoveAll(e.unix(winDir)); err != nil {
		t.Fatal(err)
	}
	must(t, e.ctl(t, "demo"), "demo")
}

// TestCLI_AYearOnAVietnamesePath runs the year's commands of tdktctl.exe on
// a database under a Vietnamese path with spaces and checks each exit
// status and output file.
func TestCLI_AYearOnAVietnamesePath(t *testing.T) {
	e := wine(t)
	demoOffice(t, e)
	if _, err := os.Stat(e.unix(winDB)); err != nil {
		t.Fatalf("demo wrote no database at %s: %v", winDB, err)
	}

	r := must(t, e.ctl(t, "eligibility", "--year", "2025", "--json"), "eligibility")
	var verdicts []struct {
		Award    string `json:"award"`
		Eligible bool   `json:"eligible"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &verdicts); err != nil {
		t.Fatalf("eligibility --json: %v\n%.300s", err, r.stdout)
	}
	eligible := 0
	for _, v := range verdicts {
		if v.Eligible {
			eligible++
		}
	}
	if len(verdicts) < 300 || eligible == 0 {
		t.Fatalf("eligibility: %d verdicts, %d eligible", len(verdicts), eligible)
	}

	r = must(t, e.ctl(t, "round", "list", "--json"), "round list")
	var rounds []struct {
		ID     json.Number `json:"id"`
		Status string      `json:"status"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rounds); err != nil || len(rounds) == 0 {
		t.Fatalf("round list --json: %v\n%s", err, r.stdout)
	}
	round := rounds[0].ID.String()

	dossier := winDir + `\Hồ sơ đề nghị`
	must(t, e.ctl(t, "export", "dossier", "--round", round, "--out", dossier), "export dossier")
	pdfs, xlsxs := 0, 0
	err := filepath.WalkDir(e.unix(dossier), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch filepath.Ext(p) {
		case ".pdf":
			pdfs++
			if !bytes.HasPrefix(data, []byte("%PDF-")) {
				t.Errorf("%s is not a PDF", p)
			}
		case ".xlsx":
			xlsxs++
			if !bytes.HasPrefix(data, []byte("PK")) {
				t.Errorf("%s is not a workbook", p)
			}
		}
		return nil
	})
	if err != nil || pdfs < 3 || xlsxs < 1 {
		t.Fatalf("dossier: %d PDF, %d XLSX (%v)", pdfs, xlsxs, err)
	}

	pkg := winDir + `\Gói gửi Trung ương.zip`
	must(t, e.ctl(t, "export", "package", "--round", round, "--out", pkg), "export package")
	must(t, e.ctl(t, "verify", pkg), "verify")
	// A package altered after signing is refused with exit 1.
	data, err := os.ReadFile(e.unix(pkg))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("%PDF-"))
	if i < 0 {
		t.Fatal("the package holds no stored PDF to alter")
	}
	data[i+10] ^= 0xff
	altered := winDir + `\Gói bị sửa.zip`
	if err := os.WriteFile(e.unix(altered), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := e.ctl(t, "verify", altered); r.code != 1 {
		t.Errorf("verify of an altered package: exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}

	backup := winDir + `\Sao lưu\bản sao lưu.db`
	must(t, e.ctl(t, "backup", backup), "backup")
	if err := store.VerifyFile(e.unix(backup)); err != nil {
		t.Fatalf("the backup does not pass the integrity check: %v", err)
	}
	must(t, e.ctl(t, "restore", backup), "restore")
	saved, _ := filepath.Glob(filepath.Join(e.unix(winDir), "backups", "*", "*truoc-khoi-phuc*.db"))
	if len(saved) == 0 {
		t.Error("restore kept no copy of the database it replaced")
	}
	must(t, e.ctl(t, "check"), "check")
}

// TestCLI_RefusesANetworkDrive: a database on a mapped network drive is
// refused before anything is written there.
func TestCLI_RefusesANetworkDrive(t *testing.T) {
	e := wine(t)
	r := e.run(t, "run", filepath.Join(e.windir, "tdktctl.exe"), "--db", netDB, "demo")
	if r.code != 2 || !strings.Contains(r.stderr, "ổ mạng") {
		t.Fatalf("demo on %s: exit %d, want 2 with the network drive message\n%s%s", netDB, r.code, r.stdout, r.stderr)
	}
}

// gui starts tdkt.exe under the runner's Xvfb and returns its output so
// far, a way to wait for a line, and a way to wait for its end.
type gui struct {
	t    *testing.T
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	done chan error
}

func (g *gui) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.out.Write(p)
}

func (g *gui) output() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.out.String()
}

func startGUI(t *testing.T, e env, args ...string) *gui {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	t.Cleanup(cancel)
	g := &gui{t: t, done: make(chan error, 1)}
	g.cmd = e.command(ctx, "gui", append([]string{filepath.Join(e.windir, "tdkt.exe"), "--db", winDB}, args...)...)
	g.cmd.Stdout, g.cmd.Stderr = g, g
	if err := g.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { g.done <- g.cmd.Wait() }()
	return g
}

// waitFor waits until the program printed a line starting with prefix.
func (g *gui) waitFor(prefix string) string {
	g.t.Helper()
	deadline := time.After(bound)
	for {
		for _, l := range strings.Split(g.output(), "\n") {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
		select {
		case err := <-g.done:
			g.t.Fatalf("tdkt.exe ended (%v) before printing %q:\n%s", err, prefix, g.output())
		case <-deadline:
			g.t.Fatalf("tdkt.exe printed no %q in %v:\n%s", prefix, bound, g.output())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// errWine marks a GUI run that failed for Wine's sake rather than the
// program's: Wine 8 faulting at the same address every time (it did so
// with and without the program's window filter, with Mesa's llvmpipe and
// softpipe), or the process not ending once its window had gone. A check
// tries such a run again, up to three times, and says so in its log.
var errWine = errors.New("Wine failed, not the program")

// wineFault is how Wine reports its fault.
const wineFault = "wine: Unhandled page fault on execute access to 0000000259D937EA"

// wait waits for the program to end. Any failure of the program's own
// stops the test; Wine's is returned.
func (g *gui) wait() error {
	g.t.Helper()
	select {
	case err := <-g.done:
		out := g.output()
		switch {
		case err == nil:
			return nil
		case strings.Contains(out, wineFault):
			return fmt.Errorf("%w: tdkt.exe %v:\n%s", errWine, err, lastLines(out, 6))
		}
		g.t.Fatalf("tdkt.exe: %v\n%s", err, out)
	case <-time.After(bound / 2):
		// Keep what the screen showed, for whoever reads the log.
		shot := filepath.Join(os.TempDir(), fmt.Sprintf("tdkt-wine-%s.png", strings.ReplaceAll(g.t.Name(), "/", "-")))
		screenshot(g.t, shot)
		_ = g.cmd.Process.Kill()
		return fmt.Errorf("%w: tdkt.exe did not end in %v after its window was closed (screen in %s):\n%s", errWine, bound/2, shot, lastLines(g.output(), 6))
	}
	return nil
}

// attempts runs a GUI check until it passes, again when it failed for
// Wine's sake (errWine), three times at most.
func attempts(t *testing.T, e env, check func() error) {
	t.Helper()
	for i := 1; ; i++ {
		err := check()
		if err == nil {
			return
		}
		if !errors.Is(err, errWine) || i == 3 {
			t.Fatal(err)
		}
		t.Logf("attempt %d: %v\n(trying again)", i, err)
		e.stop(t)
	}
}

// lastLines is the end of a program's output.
func lastLines(out string, n int) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// sendkeys builds the input program once.
var (
	sendkeysOnce sync.Once
	sendkeysExe  string
	sendkeysErr  error
)

func sendkeys(t *testing.T, e env, args ...string) {
	t.Helper()
	sendkeysOnce.Do(func() {
		sendkeysExe = filepath.Join(os.TempDir(), "tdkt-sendkeys.exe")
		cmd := exec.Command("go", "build", "-o", sendkeysExe, "./sendkeys")
		cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			sendkeysErr = fmt.Errorf("build sendkeys: %v\n%s", err, out)
		}
	})
	if sendkeysErr != nil {
		t.Fatal(sendkeysErr)
	}
	must(t, e.run(t, "gui", append([]string{sendkeysExe}, args...)...), "sendkeys")
}

// screenshot takes the runner's screen as an image.
func screenshot(t *testing.T, path string) image.Image {
	t.Helper()
	if out, err := exec.Command("import", "-display", display, "-window", "root", path).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// colours counts the distinct colours of an image: a drawn window has
// hundreds (text, icons, anti-aliasing); a blank or black one a handful.
func colours(img image.Image) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	return len(seen)
}

// windowGeometry is the window's size and place on the X screen, from
// xwininfo.
func windowGeometry(t *testing.T) (w, h, x, y int) {
	t.Helper()
	out, err := exec.Command("xwininfo", "-display", display, "-name", title).CombinedOutput()
	if err != nil {
		t.Fatalf("xwininfo: %v\n%s", err, out)
	}
	get := func(label string) int {
		m := regexp.MustCompile(label + `:\s+(-?\d+)`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("xwininfo: no %s in\n%s", label, out)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	return get("Width"), get("Height"), get("Absolute upper-left X"), get("Absolute upper-left Y")
}

// TestWindow_DrawnFittedAndBackedUpOnClosing starts the real window on the
// demo office, checks a screenshot, that it fits a 1366×768 screen, and
// that closing it writes a backup that passes the integrity check.
func TestWindow_DrawnFittedAndBackedUpOnClosing(t *testing.T) {
	e := wine(t)
	attempts(t, e, func() error {
		demoOffice(t, e)
		g := startGUI(t, e, "--area", "Đơn vị & cán bộ")
		g.waitFor("ready:")
		shot := filepath.Join(t.TempDir(), "tdkt.png")
		// Poll until the first frames are on the screen (bounded by the
		// guard above, so a slow machine only waits longer).
		var n int
		deadline := time.Now().Add(bound)
		for n = colours(screenshot(t, shot)); n < 200 && time.Now().Before(deadline); n = colours(screenshot(t, shot)) {
			time.Sleep(500 * time.Millisecond)
		}
		if n < 200 {
			t.Fatalf("the screenshot has %d colours: the window was not drawn", n)
		}
		if keep := os.Getenv("TDKT_WINE_SCREENSHOT"); keep != "" {
			data, _ := os.ReadFile(shot)
			_ = os.WriteFile(keep, data, 0o644)
		}
		w, h, x, y := windowGeometry(t)
		if x < 0 || y < 0 || x+w > 1366 || y+h > 768 {
			t.Errorf("the window (%d×%d at %d,%d) does not fit the 1366×768 screen", w, h, x, y)
		}
		// Closed as a person closes it (Alt+F4), so the close-time backup runs.
		sendkeys(t, e, "-mode", "close")
		if err := g.wait(); err != nil {
			return err
		}
		backups, _ := filepath.Glob(filepath.Join(e.unix(winDir), "backups", "*", "*dong-chuong-trinh*.db"))
		if len(backups) != 1 {
			t.Fatalf("close-time backups: %v\n%s", backups, g.output())
		}
		if err := store.VerifyFile(backups[0]); err != nil {
			t.Fatalf("the close-time backup: %v", err)
		}
		must(t, e.run(t, "run", filepath.Join(e.windir, "tdktctl.exe"), "--db",
			winDir+`\backups\`+filepath.Base(filepath.Dir(backups[0]))+`\`+filepath.Base(backups[0]), "check"), "check of the close-time backup")
		return nil
	})
}

// TestTyping_VietnameseInputMethods types "Nguyễn Thị Hường" into a
// person's full name the three ways Vietnamese input methods send text,
// saves with Enter, closes with Alt+F4, and checks the saved name.
func TestTyping_VietnameseInputMethods(t *testing.T) {
	e := wine(t)
	for i, mode := range []string{"vk", "unicode", "paste"} {
		code := fmt.Sprintf("HTI%04d", i+2) // a person each, whose name is not the text yet
		t.Run(mode, func(t *testing.T) {
			attempts(t, e, func() error {
				demoOffice(t, e)
				if name := fullName(t, e, code); name == typed {
					t.Fatalf("%s is already named %q", code, typed)
				}
				g := startGUI(t, e, "--person", code)
				if l := g.waitFor("ready:"); !strings.Contains(l, code) {
					t.Fatalf("tdkt.exe: %s", l)
				}
				sendkeys(t, e, "-mode", mode, "-text", typed)
				if err := g.wait(); err != nil {
					return err
				}
				if name := fullName(t, e, code); name != typed {
					t.Errorf("saved name %q, want %q\n%s", name, typed, g.output())
				}
				return nil
			})
		})
	}
}

// fullName reads a person's name from the database, once no program has
// it open.
func fullName(t *testing.T, e env, code string) string {
	t.Helper()
	st, err := store.Open(e.unix(winDB), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc, err := service.New(st, nil).Login(context.Background(), "admin", "demo")
	if err != nil {
		t.Fatal(err)
	}
	people, err := svc.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.StaffCode == code {
			return p.FullName
		}
	}
	t.Fatalf("no person %s", code)
	return ""
}

// TestInstaller_SilentPerUserInstallAndUninstall installs the amd64 build
// of the installer silently for the user (no administrator rights), checks
// the program, its shortcuts and its uninstall entry, starts the installed
// window once, then uninstalls silently and checks that the data stays.
func TestInstaller_SilentPerUserInstallAndUninstall(t *testing.T) {
	e := wine(t)
	if e.setup == "" {
		t.Fatal("TDKT_SETUP names no installer")
	}
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(e.prefix, "drive_c", "users", u.Username)
	install := filepath.Join(home, "AppData", "Local", "Programs", "TDKT")
	shortcuts := []string{
		filepath.Join(home, "AppData", "Roaming", "Microsoft", "Windows", "Start Menu", "Programs", "TDKT", "Thi đua - Khen thưởng.lnk"),
		filepath.Join(home, "Desktop", "Thi đua - Khen thưởng.lnk"),
	}
	data := filepath.Join(home, "AppData", "Roaming", "tdkt", "tdkt.db")
	_ = os.RemoveAll(install)
	_ = os.RemoveAll(filepath.Dir(data))
	const key = `HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\TDKT`

	must(t, e.run(t, "run", e.setup, "/S"), "silent install")
	e.settle(t)
	for _, f := range append([]string{filepath.Join(install, "tdkt.exe"), filepath.Join(install, "tdktctl.exe"),
		filepath.Join(install, "uninstall.exe")}, shortcuts...) {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("after the install: %v", err)
		}
	}
	if r := e.run(t, "run", "reg", "query", key, "/v", "UninstallString"); r.code != 0 || !strings.Contains(r.stdout, "uninstall.exe") {
		t.Errorf("uninstall entry: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// The installed program starts on its default database (a first start).
	attempts(t, e, func() error {
		r := e.run(t, "gui", `C:\users\`+u.Username+`\AppData\Local\Programs\TDKT\tdkt.exe`, "--smoke", "--smoke-wait", "3s")
		if r.code != 0 && strings.Contains(r.stderr, wineFault) {
			return fmt.Errorf("%w: installed tdkt.exe --smoke: exit %d\n%s", errWine, r.code, lastLines(r.stderr, 4))
		}
		if r.code != 0 || !strings.Contains(r.stdout, "smoke: window drawn") {
			t.Fatalf("installed tdkt.exe --smoke: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		return nil
	})
	if _, err := os.Stat(data); err != nil {
		t.Fatalf("the first start made no data file: %v", err)
	}

	must(t, e.run(t, "run", `C:\users\`+u.Username+`\AppData\Local\Programs\TDKT\uninstall.exe`, "/S"), "silent uninstall")
	e.settle(t) // the uninstaller runs on from a copy of itself
	for _, f := range append([]string{filepath.Join(install, "tdkt.exe")}, shortcuts...) {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("after the uninstall, %s: %v", f, err)
		}
	}
	if r := e.run(t, "run", "reg", "query", key); r.code == 0 {
		t.Errorf("the uninstall entry is still there:\n%s", r.stdout)
	}
	if _, err := os.Stat(data); err != nil {
		t.Errorf("a silent uninstall must keep the data: %v", err)
	}
}

// stop ends every program of the prefix (what a failed run left behind).
func (e env) stop(t *testing.T) {
	t.Helper()
	cmd := exec.Command("wineserver", "-k")
	cmd.Env = append(os.Environ(), "WINEPREFIX="+e.prefix)
	_ = cmd.Run() // nothing running is not a failure
	e.settle(t)
}

// settle waits until every program of the prefix has ended.
func (e env) settle(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	cmd := exec.CommandContext(ctx, "wineserver", "-w")
	cmd.Env = append(os.Environ(), "WINEPREFIX="+e.prefix)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("wineserver -w: %v\n%s", err, out)
	}
}
