package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Appearance is how the window looks on this computer, kept in the
// application's preferences (a person's choice, not the office's data):
// light by default, because offices print and read the screen beside the
// paper, or dark; and a zoom for small or dense screens.
type Appearance struct {
	Dark bool
	Zoom float32 // 1 = 100 %
}

// Zooms are the zoom levels offered.
var Zooms = []float32{0.9, 1, 1.1, 1.25, 1.5}

const (
	prefDark = "appearance.dark"
	prefZoom = "appearance.zoom"
)

// LoadAppearance reads the appearance from the preferences.
func LoadAppearance(p fyne.Preferences) Appearance {
	a := Appearance{Dark: p.Bool(prefDark), Zoom: float32(p.FloatWithFallback(prefZoom, 1))}
	if a.Zoom < Zooms[0] || a.Zoom > Zooms[len(Zooms)-1] {
		a.Zoom = 1
	}
	return a
}

// Apply makes the appearance the application's and keeps it for the next
// start.
func (a Appearance) Apply(app fyne.App) {
	app.Preferences().SetBool(prefDark, a.Dark)
	app.Preferences().SetFloat(prefZoom, float64(a.Zoom))
	app.Settings().SetTheme(a.Theme())
}

// Theme is Fyne's default theme in the chosen variant, every size zoomed.
func (a Appearance) Theme() fyne.Theme {
	v := theme.VariantLight
	if a.Dark {
		v = theme.VariantDark
	}
	return &appTheme{variant: v, zoom: a.Zoom}
}

type appTheme struct {
	variant fyne.ThemeVariant
	zoom    float32
}

func (t *appTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, t.variant)
}

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n) * t.zoom
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
