package store

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// Magic numbers of network file systems in statfs's f_type (linux/magic.h).
var networkFS = map[uint32]bool{
	0x6969:     true, // NFS
	0x517B:     true, // SMB
	0xFF534D42: true, // CIFS
	0xFE534D42: true, // SMB2
	0x564C:     true, // NCP
}

// onNetworkDrive reports whether the folder of the file at abs is on a
// network file system. A folder that cannot be examined counts as local:
// opening it then fails with its own message.
func onNetworkDrive(abs string) bool {
	var st unix.Statfs_t
	if err := unix.Statfs(filepath.Dir(abs), &st); err != nil {
		return false
	}
	return networkFS[uint32(st.Type)]
}
