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
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return errHeld
		}
		return err
	}
}

func unlockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
