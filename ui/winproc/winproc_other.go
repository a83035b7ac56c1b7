//go:build !windows || !cgo

package winproc

import "fyne.io/fyne/v2"

// Install does nothing outside Windows: input methods there (IBus, Fcitx)
// commit text through the toolkit's own text input.
func Install(fyne.Window) {}
