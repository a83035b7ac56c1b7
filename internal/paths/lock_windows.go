//go:build windows

package paths

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockOffset is where the locked byte lies: far past the process id at the
// start of the file, because Windows forbids reading a locked range and the
// next instance reads the id for its message. Locking past the end of a
// file is allowed.
const lockOffset = 1 << 30

// lockFile takes LockFileEx's exclusive lock on one byte without waiting.
// Windows releases it when the handle closes or the process ends.
func lockFile(f *os.File) error {
	ol := windows.Overlapped{Offset: lockOffset}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return errHeld
	}
	return err
}

func unlockFile(f *os.File) error {
	ol := windows.Overlapped{Offset: lockOffset}
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}

// lockShared takes LockFileEx's shared lock on the locked byte without
// waiting: any number of holders, none while someone holds it exclusively.
func lockShared(f *os.File) error {
	ol := windows.Overlapped{Offset: lockOffset}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return errHeld
	}
	return err
}

// lockExclusive takes the exclusive lock without waiting. Windows cannot
// convert a lock: a shared lock of f is released first and taken again
// when the exclusive one cannot be had.
func lockExclusive(f *os.File) error {
	had := unlockFile(f) == nil
	err := lockFile(f)
	if err != nil && had {
		_ = lockShared(f)
	}
	return err
}

// alive reports whether a process with this id runs.
func alive(pid int) bool {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return false
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	return code == 259 // STILL_ACTIVE
}

// downgrade turns the exclusive lock of f into a shared one. Windows has
// no conversion: the lock is released and the shared one taken.
func downgrade(f *os.File) error {
	_ = unlockFile(f)
	return lockShared(f)
}
