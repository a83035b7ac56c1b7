package paths

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteAtomic writes a file through a temporary file in the same folder,
// flushed to disk and then renamed over path, so an interrupted or failed
// export never leaves a file that looks complete. On Windows the rename
// replaces an existing file as well (os.Rename uses MoveFileEx with
// MOVEFILE_REPLACE_EXISTING).
func WriteAtomic(path string, write func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("tạo thư mục %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".tdkt-*.tmp")
	if err != nil {
		return fmt.Errorf("ghi %s: %w", path, err)
	}
	defer os.Remove(f.Name()) // no-op after the rename
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	// CreateTemp makes the file private (0600); a document is an ordinary
	// file that colleagues with access to the folder may open.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("ghi %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("ghi %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("ghi %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("ghi %s: %w", path, err)
	}
	return nil
}
