package kit

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestAppearance_LightByDefaultAndKept(t *testing.T) {
	app := test.NewTempApp(t)
	a := LoadAppearance(app.Preferences())
	if a.Dark || a.Zoom != 1 {
		t.Fatalf("default appearance %+v, want light at 100 %%", a)
	}
	light := a.Theme()
	if got, want := light.Color(theme.ColorNameBackground, theme.VariantDark), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight); got != want {
		t.Errorf("light theme background %v, want the light variant's %v whatever the system asks", got, want)
	}
	Appearance{Dark: true, Zoom: 1.25}.Apply(app)
	back := LoadAppearance(app.Preferences())
	if !back.Dark || back.Zoom != 1.25 {
		t.Fatalf("appearance after Apply: %+v", back)
	}
	th := app.Settings().Theme()
	if got, want := th.Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText)*1.25; got != want {
		t.Errorf("text size %v, want %v", got, want)
	}
	if got, want := th.Color(theme.ColorNameBackground, theme.VariantLight), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); got != want {
		t.Errorf("dark theme background %v, want %v", got, want)
	}
	app.Preferences().SetFloat(prefZoom, 7)
	if z := LoadAppearance(app.Preferences()).Zoom; z != 1 {
		t.Errorf("a zoom out of range reads as %v, want 1", z)
	}
}
