package ui

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/service"
)

// smallScreen is the content a 1024×768 screen leaves a window: less the
// taskbar (40) and the window's frame (WindowSize's margin).
var smallScreen = WindowSize(fyne.Size{}, fyne.NewSize(1024, 728))

// TestEveryArea_FitsA1024x768Screen opens every area of the demo office
// and, inside it, every tab and the first row of every list and table, and
// checks after each step that nothing asks the window to grow past a
// 1024×768 screen (the window would grow, pushing buttons off screen).
func TestEveryArea_FitsA1024x768Screen(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	svc := newService(t)
	if err := svc.FillDemo(context.Background(), service.DemoOptions{Staff: 60, Years: 6, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	win.Resize(smallScreen)
	mw := Build(win, svc)
	for i, area := range mw.areas {
		mw.Show(i)
		f := &fit{t: t, win: win}
		f.explore(area.title, mw.areas[i].view.Content())
	}
}

// fit walks one area; it reports the first state that does not fit.
type fit struct {
	t      *testing.T
	win    fyne.Window
	seen   map[fyne.CanvasObject]bool
	failed bool
}

// explore checks the window, then opens each tab and first row below o.
func (f *fit) explore(where string, o fyne.CanvasObject) {
	if f.seen == nil {
		f.seen = map[fyne.CanvasObject]bool{}
	}
	if f.seen[o] || f.failed {
		return
	}
	f.seen[o] = true
	f.check(where)
	switch w := o.(type) {
	case *container.AppTabs:
		for i, item := range w.Items {
			w.SelectIndex(i)
			f.explore(where+" › "+item.Text, item.Content)
		}
		return
	case *widget.List:
		if w.Length != nil && w.Length() > 0 {
			w.Select(0)
			f.check(where + " › first row")
		}
	case *widget.Table:
		if w.Length != nil {
			if r, c := w.Length(); r > 0 && c > 0 {
				w.Select(widget.TableCellID{Row: 0, Col: 0})
				f.check(where + " › first row")
			}
		}
	}
	for _, c := range children(o) {
		f.explore(where, c)
	}
}

func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch w := o.(type) {
	case *fyne.Container:
		return w.Objects
	case fyne.Widget:
		return test.WidgetRenderer(w).Objects()
	}
	return nil
}

func (f *fit) check(where string) {
	win := f.win
	min := win.Content().MinSize()
	if f.failed || min.Width <= smallScreen.Width && min.Height <= smallScreen.Height {
		return
	}
	f.failed = true
	if os.Getenv("TDKT_FIT_DUMP") != "" {
		dump(win.Content(), 0)
	}
	f.t.Errorf("%s: the window needs %.0f×%.0f, more than %.0f×%.0f:\n%s", where, min.Width, min.Height,
		smallScreen.Width, smallScreen.Height, widest(win.Content(), 0, min))
}

// widest describes the chain of objects that asks for the most, to find
// the culprit.
func widest(o fyne.CanvasObject, depth int, limit fyne.Size) string {
	var b strings.Builder
	for depth < 40 {
		ms := o.MinSize()
		fmt.Fprintf(&b, "%s%s %.0f×%.0f%s\n", strings.Repeat(" ", depth), reflect.TypeOf(o), ms.Width, ms.Height, label(o))
		var next fyne.CanvasObject
		for _, c := range children(o) {
			if !c.Visible() {
				continue
			}
			cm := c.MinSize()
			if limit.Width < ms.Width {
				if next == nil || cm.Width > next.MinSize().Width {
					next = c
				}
			} else if next == nil || cm.Height > next.MinSize().Height {
				next = c
			}
		}
		if next == nil {
			break
		}
		o, depth = next, depth+1
	}
	return b.String()
}

func dump(o fyne.CanvasObject, depth int) {
	if depth > 16 || !o.Visible() {
		return
	}
	ms := o.MinSize()
	if ms.Height < 60 && ms.Width < 300 {
		return
	}
	fmt.Printf("%s%s %.0f×%.0f%s\n", strings.Repeat(" ", depth), reflect.TypeOf(o), ms.Width, ms.Height, label(o))
	for _, c := range children(o) {
		dump(c, depth+1)
	}
}

func label(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Label:
		return fmt.Sprintf(" %q", w.Text)
	case *widget.Button:
		return fmt.Sprintf(" [%s]", w.Text)
	}
	return ""
}
