//go:build windows

package store

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// onNetworkDrive reports whether the file at abs (an absolute path) lies on
// a network share, by UNC path or on a mapped drive letter.
func onNetworkDrive(abs string) bool {
	if isUNC(abs) {
		return true
	}
	vol := filepath.VolumeName(abs)
	if len(vol) != 2 || vol[1] != ':' {
		return false
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false
	}
	return windows.GetDriveType(root) == windows.DRIVE_REMOTE
}
