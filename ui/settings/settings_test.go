package settings

import (
	"context"
	"tdkt/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

func setup(t *testing.T) (*service.Service, *View) {
	t.Helper()
	test.NewTempApp(t)
	svc := uitest.Service(t)
	if err := svc.SaveProfile(context.Background(), domain.OfficeProfile{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	v := New(svc, win, nil)
	v.Reload()
	return svc, v
}

func TestView_SavesProfile(t *testing.T) {
	svc, v := setup(t)
	if !v.Form().Code.Disabled() {
		t.Fatal("unit code must be read-only once the office exists")
	}
	v.Form().Director.SetText("")
	test.Type(v.Form().Director, "Trần Văn Hùng")
	test.Type(v.Form().DepName[1], "Ngô Thị Lan")
	v.Form().DocCode.SetText("BHXH-HT")
	v.Save()
	p, _, _ := svc.Profile(context.Background())
	if p.Director.Name != "Trần Văn Hùng" || len(p.Deputies) != 1 || p.Deputies[0].Name != "Ngô Thị Lan" || p.DocNumberCode != "BHXH-HT" {
		t.Fatalf("saved %+v", p)
	}
	if v.status.Text == "" {
		t.Fatal("no confirmation shown")
	}
}

func TestView_EmptyPlaceShowsUnderField(t *testing.T) {
	svc, v := setup(t)
	v.Form().Place.SetText("")
	v.Save()
	if v.Form().Form.ErrorFor(FieldPlace) == "" {
		t.Fatal("no message under Địa danh")
	}
	p, _, _ := svc.Profile(context.Background())
	if p.Place != "Hà Tĩnh" {
		t.Fatalf("place changed to %q despite the error", p.Place)
	}
}

func TestView_Language(t *testing.T) {
	svc, v := setup(t)
	v.langSel.SetSelected("English")
	if got := svc.Language(context.Background()); got != "en" {
		t.Fatalf("language = %q", got)
	}
	v.langSel.SetSelected("Tiếng Việt")
	if got := svc.Language(context.Background()); got != "vi" {
		t.Fatalf("language = %q", got)
	}
}

func TestView_AppearanceAppliesAtOnceAndIsKept(t *testing.T) {
	_, v := setup(t)
	app := fyne.CurrentApp()
	if v.themeSel.SelectedIndex() != 0 || v.zoomSel.Selected != "100%" {
		t.Fatalf("first start shows %q at %q, want light at 100%%", v.themeSel.Selected, v.zoomSel.Selected)
	}
	v.themeSel.SetSelectedIndex(1)
	v.zoomSel.SetSelected("125%")
	if got := kit.LoadAppearance(app.Preferences()); !got.Dark || got.Zoom != 1.25 {
		t.Fatalf("kept appearance %+v", got)
	}
	if got, want := app.Settings().Theme().Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText)*1.25; got != want {
		t.Errorf("text size after choosing 125%%: %v, want %v", got, want)
	}
}
