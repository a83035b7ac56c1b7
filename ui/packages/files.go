package packages

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"tdkt/internal/domain"
)

// DocumentsDir is where file dialogs start: the user's Documents folder
// (Tài liệu), or the home folder when there is none.
func DocumentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	for _, name := range []string{"Documents", "Tài liệu"} {
		d := filepath.Join(home, name)
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return home
}

// ShortHash is the first 12 hex digits of a SHA-256, enough to tell two
// packages apart on screen; the full hash is shown with the verification.
func ShortHash(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}

// OpenFileDialog asks for one existing file whose name ends with one of
// exts (".zip", ".pub"), starting in dir; then runs with its path.
func OpenFileDialog(win fyne.Window, dir string, exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		then(path)
	}, win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil && dir != "" {
		d.SetLocation(l)
	}
	d.SetConfirmText(lang.L("Mở"))
	d.SetDismissText(lang.L("Hủy"))
	d.Resize(win.Canvas().Size())
	d.Show()
}

// SaveFileDialog asks where to save a file named name, starting in dir;
// then runs with the chosen path (the file itself is written by then).
func SaveFileDialog(win fyne.Window, dir, name string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		// The caller writes the file atomically; the empty file fyne made
		// is replaced by then.
		_ = w.Close()
		then(path)
	}, win)
	d.SetFileName(name)
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil && dir != "" {
		d.SetLocation(l)
	}
	d.SetConfirmText(lang.L("Lưu"))
	d.SetDismissText(lang.L("Hủy"))
	d.Resize(win.Canvas().Size())
	d.Show()
}

// Actor is the part of a service that says who is logged in.
type Actor interface {
	Actor() (domain.Account, bool)
}

// Allowed reports whether the account logged in may do what needs the
// role: the areas disable what the service would refuse.
func Allowed(svc Actor, need domain.Role) bool {
	a, ok := svc.Actor()
	return ok && !a.Disabled && a.Role.Allows(need)
}
