// Package paths decides where the application keeps its data on each
// platform. Every function that depends on the platform takes the platform's
// facts (GOOS, environment) as arguments, so Windows behaviour is tested on
// Linux with table tests.
package paths

import (
	"errors"
	"os"
	"path"
	"runtime"
)

// Env is the part of the environment the data directory depends on.
type Env struct {
	GOOS    string
	Getenv  func(string) string
	HomeDir string
}

// CurrentEnv reads the running system's facts.
func CurrentEnv() Env {
	home, _ := os.UserHomeDir()
	return Env{GOOS: runtime.GOOS, Getenv: os.Getenv, HomeDir: home}
}

// DataDir is where the office database lives: %APPDATA%\tdkt on Windows,
// ~/Library/Application Support/tdkt on macOS, $XDG_DATA_HOME/tdkt (default
// ~/.local/share/tdkt) elsewhere. %APPDATA% is per user and writable without
// administrator rights, which office computers often lack.
func DataDir(e Env) (string, error) {
	join := joinFor(e.GOOS)
	switch e.GOOS {
	case "windows":
		if d := e.Getenv("APPDATA"); d != "" {
			return join(d, "tdkt"), nil
		}
		if e.HomeDir != "" {
			return join(e.HomeDir, "AppData", "Roaming", "tdkt"), nil
		}
	case "darwin":
		if e.HomeDir != "" {
			return join(e.HomeDir, "Library", "Application Support", "tdkt"), nil
		}
	default:
		if d := e.Getenv("XDG_DATA_HOME"); d != "" {
			return join(d, "tdkt"), nil
		}
		if e.HomeDir != "" {
			return join(e.HomeDir, ".local", "share", "tdkt"), nil
		}
	}
	return "", errors.New("không tìm thấy thư mục dữ liệu của người dùng")
}

// DBPath is the default database: $TDKT_DB if set, else tdkt.db in DataDir.
func DBPath(e Env) (string, error) {
	if p := e.Getenv("TDKT_DB"); p != "" {
		return p, nil
	}
	d, err := DataDir(e)
	if err != nil {
		return "", err
	}
	return joinFor(e.GOOS)(d, "tdkt.db"), nil
}

// DefaultDB is DBPath for the running system.
func DefaultDB() (string, error) { return DBPath(CurrentEnv()) }

// joinFor joins paths with the separator of the target system goos, not of
// the system the program runs on: a path computed for Linux on a Windows
// host keeps its slashes, and the reverse.
func joinFor(goos string) func(...string) string {
	if goos == "windows" {
		return winJoin
	}
	return path.Join
}

// winJoin joins with backslashes whatever the host, so Windows paths can be
// computed and tested on Linux.
func winJoin(parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		switch {
		case out == "":
			out = p
		case out[len(out)-1] == '\\' || out[len(out)-1] == '/':
			out += p
		default:
			out += `\` + p
		}
	}
	return out
}
