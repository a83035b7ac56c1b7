package store

import (
	"os"
	"path/filepath"
	"time"
)

// staleAfter is the age past which a temporary file is a leftover: far
// longer than any backup, export or restore takes.
const staleAfter = 24 * time.Hour

// sweepStale removes what a killed process left beside the database and
// in its backup folder. It runs when a Store opens, under the shared hold
// on the file: the copy of an interrupted restore (no restore runs while
// the file is held) at once; the temporary files of backups and of
// documents written atomically once they are a day old, since another
// process may be writing one right now.
func sweepStale(db, backupDir string, now time.Time) {
	_ = os.Remove(db + ".khoiphuc.tmp")
	for _, pattern := range []string{
		filepath.Join(filepath.Dir(db), ".tdkt-*.tmp"),
		filepath.Join(backupDir, ".*.tmp-*"),
		filepath.Join(backupDir, ".tdkt-*.tmp"),
	} {
		matches, _ := filepath.Glob(pattern)
		for _, p := range matches {
			if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && fi.ModTime().Before(now.Add(-staleAfter)) {
				_ = os.Remove(p)
			}
		}
	}
}
