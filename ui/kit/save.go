package kit

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// AskSavePath asks where to save a file, offering name and showing only
// files of its extension, then calls save with the chosen path. The caller
// writes the file itself (atomically): the empty file the dialog made is
// closed first and replaced by then. A failure of the dialog is shown.
func AskSavePath(win fyne.Window, name string, save func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ShowError(win, err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		save(path)
	}, win)
	d.SetFileName(name)
	if ext := filepath.Ext(name); ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	d.Show()
}
