//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos

package paths

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes flock's exclusive lock without waiting. flock belongs to
// the open file, not the process: a second open of the same file conflicts
// even in the same process, and the lock goes when the last descriptor
// closes, i.e. when the process dies. Go opens files close-on-exec, so a
// program the application starts (a PDF viewer) does not inherit it.
func lockFile(f *os.File) error { return flockNB(f, syscall.LOCK_EX) }

func unlockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

// lockShared takes flock's shared lock without waiting: any number of
// holders, none while someone holds it exclusively.
func lockShared(f *os.File) error { return flockNB(f, syscall.LOCK_SH) }

// lockExclusive takes (or converts a shared lock of f to) the exclusive
// lock without waiting.
func lockExclusive(f *os.File) error { return lockFile(f) }

func flockNB(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return errHeld
		}
		return err
	}
}

// alive reports whether a process with this id runs (signal 0 checks
// without sending anything; EPERM means it runs under another user).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// downgrade turns the exclusive lock of f into a shared one, atomically.
func downgrade(f *os.File) error { return lockShared(f) }
