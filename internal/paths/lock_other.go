//go:build !windows && !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos)

package paths

import "os"

// Systems without flock (the program is not shipped for them) get no
// single-instance lock, rather than no build.
func lockFile(*os.File) error { return nil }

func unlockFile(*os.File) error { return nil }

func lockShared(*os.File) error { return nil }

func lockExclusive(*os.File) error { return nil }

func alive(int) bool { return false }

func downgrade(*os.File) error { return nil }
