package kit

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Split is a divided pane whose divider stays where the person left it, in
// this session and the next: its position is kept in the application's
// preferences under key (one per pane of the program) when the window
// closes (SaveSplits). offset is the first start's position.
func Split(key string, horizontal bool, leading, trailing fyne.CanvasObject, offset float64) *container.Split {
	s := container.NewVSplit(leading, trailing)
	if horizontal {
		s = container.NewHSplit(leading, trailing)
	}
	s.Offset = offset
	if app := fyne.CurrentApp(); app != nil {
		if v := app.Preferences().FloatWithFallback(splitPref(key), -1); v > 0.02 && v < 0.98 {
			s.Offset = v
		}
	}
	splits.Lock()
	splits.m[key] = s
	splits.Unlock()
	return s
}

var splits = struct {
	sync.Mutex
	m map[string]*container.Split
}{m: map[string]*container.Split{}}

func splitPref(key string) string { return "split." + key }

// SaveSplits keeps the position of every divided pane made with Split.
func SaveSplits(prefs fyne.Preferences) {
	splits.Lock()
	defer splits.Unlock()
	for key, s := range splits.m {
		prefs.SetFloat(splitPref(key), s.Offset)
	}
}
