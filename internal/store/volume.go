package store

import (
	"errors"
	"strings"
)

// ErrNetworkDrive is returned by Open for a database on a network drive.
// SQLite's write-ahead log keeps its index in shared memory beside the file,
// which a network file system cannot share between computers: two offices'
// computers writing through a shared folder would corrupt it, and even one
// computer loses the guarantee that a committed change survives a power
// cut. The data file belongs on the local disk; backups may go anywhere.
var ErrNetworkDrive = errors.New("Tệp dữ liệu nằm trên ổ mạng")

// isUNC reports whether p is a Windows network path: \\server\share\…
// (or with forward slashes), including the long form \\?\UNC\server\….
// \\?\C:\… and \\.\ device paths are local.
func isUNC(p string) bool {
	p = strings.ReplaceAll(p, "/", `\`)
	if !strings.HasPrefix(p, `\\`) {
		return false
	}
	rest := p[2:]
	if strings.HasPrefix(rest, `?\`) || strings.HasPrefix(rest, `.\`) {
		return strings.HasPrefix(strings.ToUpper(rest[2:]), `UNC\`)
	}
	return rest != "" && rest[0] != '\\'
}
