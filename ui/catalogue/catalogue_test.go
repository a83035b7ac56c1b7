package catalogue

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/internal/uitest"
)

func fixedClock() time.Time { return time.Date(2026, time.March, 16, 9, 0, 0, 0, time.UTC) }

// newTestView builds the area over a real service on a temporary database
// holding the Hà Tĩnh office and the default catalogue.
func newTestView(t *testing.T) (*View, *service.Service, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := service.New(st, fixedClock).As(uitest.Director)
	err = svc.SaveProfile(context.Background(), domain.OfficeProfile{
		UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh",
	})
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	v := New(svc, win)
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(1100, 700))
	return v, svc, win
}

func findParam(t *testing.T, svc *service.Service, key, regime string) store.ParamRow {
	t.Helper()
	ps, err := svc.Params(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Key == key && p.Regime == regime {
			return p
		}
	}
	t.Fatalf("no parameter %s/%s", key, regime)
	return store.ParamRow{}
}

// searchAndSelect types q into the search box and selects the first match.
func searchAndSelect(t *testing.T, v *View, q string) {
	t.Helper()
	test.Type(v.search, q)
	if len(v.shown) == 0 {
		t.Fatalf("search %q found nothing", q)
	}
	v.paramList.Select(widget.TableCellID{Row: 0, Col: 0})
	if v.editParamBtn.Disabled() {
		t.Fatal("Sửa stays disabled after selecting a parameter")
	}
}

func TestView_ShowsTheDefaultCatalogue(t *testing.T) {
	v, _, _ := newTestView(t)
	if got := len(v.cat.Regimes); got != 3 {
		t.Errorf("regimes = %d, want 3", got)
	}
	if got := v.regimeCell(0, 0); got != "R2017" {
		t.Errorf("first regime = %q, want R2017", got)
	}
	if got := v.regimeCell(0, 2); got != "—" {
		t.Errorf("open start year = %q, want —", got)
	}
	if got := v.awardCell(0, 1); got != "Lao động tiên tiến" {
		t.Errorf("first award = %q", got)
	}
	if got := v.awardCell(0, 5); got != "0,3" {
		t.Errorf("LĐTT bonus = %q, want 0,3", got)
	}
	if len(v.shown) != len(v.params) || len(v.params) == 0 {
		t.Errorf("shown %d of %d parameters with an empty search", len(v.shown), len(v.params))
	}
	if !v.editParamBtn.Disabled() || !v.deleteParamBtn.Disabled() || !v.editAwardBtn.Disabled() {
		t.Error("edit and delete are enabled with nothing selected")
	}
}

func TestView_SearchIgnoresCaseAndDiacritics(t *testing.T) {
	v, _, _ := newTestView(t)
	scenarios := []struct {
		query string
		want  func(key, desc string) bool
	}{
		{"quota_percent", func(k, _ string) bool { return k == "cstdcs.quota_percent" }},
		{"TỶ LỆ", nil},
		{"ty le phieu", nil},
	}
	for _, sc := range scenarios {
		v.search.SetText("")
		test.Type(v.search, sc.query)
		if len(v.shown) == 0 {
			t.Errorf("%q: nothing found", sc.query)
			continue
		}
		if len(v.shown) == len(v.params) {
			t.Errorf("%q: nothing filtered out", sc.query)
		}
		if sc.want != nil {
			for _, i := range v.shown {
				if p := v.params[i]; !sc.want(p.Key, p.Description) {
					t.Errorf("%q: unexpected %s", sc.query, p.Key)
				}
			}
		}
	}
	v.search.SetText("")
	if len(v.shown) != len(v.params) {
		t.Errorf("clearing the search shows %d of %d", len(v.shown), len(v.params))
	}
}

func TestView_EditParamValueIsStored(t *testing.T) {
	v, svc, win := newTestView(t)
	before := findParam(t, svc, "cstdcs.quota_percent", "")
	searchAndSelect(t, v, "cstdcs.quota_percent")
	test.Tap(v.editParamBtn)
	e := v.paramDlg
	if e == nil || win.Canvas().Overlays().Top() == nil {
		t.Fatal("Sửa opened no dialog")
	}
	if e.value.Text != "15" {
		t.Fatalf("dialog shows value %q, want 15", e.value.Text)
	}
	e.value.SetText("")
	test.Type(e.value, "20")
	test.Tap(e.save)

	if v.paramDlg != nil || win.Canvas().Overlays().Top() != nil {
		t.Error("dialog still open after a valid save")
	}
	after := findParam(t, svc, "cstdcs.quota_percent", "")
	if after.Value != "20" || after.ID != before.ID {
		t.Errorf("stored %+v, want value 20 on row %d", after, before.ID)
	}
	if after.Description != before.Description {
		t.Errorf("description changed to %q", after.Description)
	}
	if got := v.paramCell(0, 2); got != "20" {
		t.Errorf("table shows %q after saving, want 20", got)
	}
}

func TestView_EmptyParamValueShowsErrorAndSavesNothing(t *testing.T) {
	v, svc, win := newTestView(t)
	before, _ := svc.Params(context.Background())
	searchAndSelect(t, v, "cstdcs.quota_percent")
	test.Tap(v.editParamBtn)
	e := v.paramDlg
	e.value.SetText("")
	test.Tap(e.save)

	if got := e.form.ErrorFor("Giá trị"); got == "" {
		t.Error("no message under Giá trị")
	}
	if v.paramDlg == nil || win.Canvas().Overlays().Top() == nil {
		t.Error("dialog closed although nothing was saved")
	}
	after, _ := svc.Params(context.Background())
	if len(after) != len(before) {
		t.Fatalf("parameter rows %d → %d", len(before), len(after))
	}
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("row changed: %+v → %+v", before[i], after[i])
		}
	}
	test.Tap(e.cancel)
	if win.Canvas().Overlays().Top() != nil {
		t.Error("Hủy left the dialog open")
	}
}

func TestView_BadDateShowsErrorUnderField(t *testing.T) {
	v, svc, _ := newTestView(t)
	searchAndSelect(t, v, "cstdcs.quota_percent")
	test.Tap(v.editParamBtn)
	e := v.paramDlg
	test.Type(e.to, "31/02/2025x")
	test.Tap(e.save)
	if e.form.ErrorFor("Hiệu lực đến") == "" {
		t.Error("no message under Hiệu lực đến")
	}
	e.to.SetText("01/01/2020")
	e.from.SetText("01/01/2024")
	test.Tap(e.save)
	if e.form.ErrorFor("Hiệu lực đến") == "" {
		t.Error("end before start: no message under Hiệu lực đến")
	}
	if p := findParam(t, svc, "cstdcs.quota_percent", ""); !p.ValidTo.IsZero() {
		t.Errorf("stored %v although the form was refused", p.ValidTo)
	}
}

func TestView_AddAndDeleteParam(t *testing.T) {
	v, svc, _ := newTestView(t)
	before, _ := svc.Params(context.Background())
	test.Tap(v.addParamBtn)
	e := v.paramDlg
	test.Type(e.key, "cstdcs.quota_percent")
	e.regime.SetSelected("R2024")
	test.Type(e.value, "20")
	test.Type(e.from, "01/01/2024")
	test.Type(e.desc, "Tỷ lệ riêng năm 2024")
	test.Tap(e.save)
	if v.paramDlg != nil {
		t.Fatalf("dialog still open: %q", e.form.ErrorFor("Tham số"))
	}
	added := findParam(t, svc, "cstdcs.quota_percent", "R2024")
	if added.Value != "20" || added.ValidFrom != domain.NewDate(2024, time.January, 1) {
		t.Errorf("added %+v", added)
	}

	searchAndSelect(t, v, "rieng nam 2024")
	test.Tap(v.deleteParamBtn)
	if v.confirmDel == nil {
		t.Fatal("Xóa asked nothing")
	}
	v.confirmDel.Confirm()
	after, _ := svc.Params(context.Background())
	if len(after) != len(before) {
		t.Errorf("rows after delete = %d, want %d", len(after), len(before))
	}
}

func TestView_EditAwardNameIsStored(t *testing.T) {
	v, svc, win := newTestView(t)
	v.tabs.SelectIndex(1)
	v.awardList.Select(widget.TableCellID{Row: 1, Col: 1})
	test.Tap(v.editAwardBtn)
	e := v.awardDlg
	if e == nil || win.Canvas().Overlays().Top() == nil {
		t.Fatal("Sửa opened no dialog")
	}
	if e.orig.Code != "CSTDCS" {
		t.Fatalf("editing %s, want CSTDCS", e.orig.Code)
	}
	e.name.SetText("")
	test.Type(e.name, "Chiến sĩ thi đua cơ sở (sửa)")
	test.Tap(e.save)
	if v.awardDlg != nil {
		t.Fatalf("dialog still open: %q", e.form.ErrorFor("Tên"))
	}
	cat, err := svc.Catalogue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a, _ := cat.Award("CSTDCS")
	if a.Name != "Chiến sĩ thi đua cơ sở (sửa)" {
		t.Errorf("stored name %q", a.Name)
	}
	if a.For != "person" || !a.Title || a.Bonus != 1.0 || a.Level != "Cơ sở" {
		t.Errorf("other fields changed: %+v", a)
	}
	if got := v.awardCell(1, 1); got != a.Name {
		t.Errorf("table shows %q", got)
	}
}

func TestView_EmptyAwardNameShowsErrorUnderField(t *testing.T) {
	v, svc, _ := newTestView(t)
	v.editAward(v.awards[0])
	e := v.awardDlg
	e.name.SetText("  ")
	test.Type(e.bonus, "x")
	test.Tap(e.save)
	if e.form.ErrorFor("Hệ số tiền thưởng") == "" {
		t.Error("no message under Hệ số tiền thưởng")
	}
	e.bonus.SetText("0,5")
	test.Tap(e.save)
	if e.form.ErrorFor("Tên") == "" {
		t.Error("no message under Tên")
	}
	cat, _ := svc.Catalogue(context.Background())
	if a, _ := cat.Award("LDTT"); a.Name != "Lao động tiên tiến" || a.Bonus != 0.3 {
		t.Errorf("stored %+v although refused", a)
	}
}

func TestFold_DropsMarksAndCase(t *testing.T) {
	scenarios := []struct{ in, want string }{
		{"Tỷ lệ", "ty le"},
		{"ĐƠN VỊ", "don vi"},
		{"cstdcs.quota_percent", "cstdcs.quota_percent"},
	}
	for _, sc := range scenarios {
		if got := domain.Fold(sc.in); got != sc.want {
			t.Errorf("domain.Fold(%q) = %q, want %q", sc.in, got, sc.want)
		}
	}
}

// Who confers an award is shown and edited on the Thẩm quyền tab: a row's
// full name is changed and kept; an overlapping new period is refused
// under its field.
func TestView_AuthorityEdited(t *testing.T) {
	v, svc, win := newTestView(t)
	v.tabs.SelectIndex(2)
	tab := v.authority
	row := -1
	for i, aa := range v.cat.AwardAuthorities {
		if aa.Award == "BK_BO" && !aa.ValidFrom.IsZero() {
			row = i
		}
	}
	if row < 0 || tab.cell(row, 2) != "Bộ trưởng Bộ Tài chính" || tab.cell(row, 3) != "01/03/2025" {
		t.Fatalf("the Minister's Bằng khen is not listed: row %d", row)
	}
	tab.list.Select(widget.TableCellID{Row: row, Col: 1})
	test.Tap(tab.editBtn)
	e := tab.dlg
	if e == nil || win.Canvas().Overlays().Top() == nil {
		t.Fatal("Sửa opened no dialog")
	}
	e.name.SetText("Bằng khen của Bộ trưởng Bộ Tài chính (sửa)")
	test.Tap(e.save)
	if tab.dlg != nil {
		t.Fatalf("dialog still open: %q", e.form.ErrorFor(service.FieldAwardFullName))
	}
	cat, _ := svc.Catalogue(context.Background())
	if c := cat.ConferredBy("BK_BO", domain.NewDate(2026, 1, 20)); c.FullName != "Bằng khen của Bộ trưởng Bộ Tài chính (sửa)" || c.Signer != "Bộ trưởng Bộ Tài chính" {
		t.Errorf("stored %+v", c)
	}

	tab.list.Select(widget.TableCellID{Row: row, Col: 1})
	test.Tap(tab.addBtn)
	e = tab.dlg
	if e == nil || e.award.Selected != "BK_BO" {
		t.Fatal("Thêm thời kỳ opened no dialog for the chosen award")
	}
	e.authority.SetSelectedIndex(0)
	test.Type(e.name, "Bằng khen thử")
	test.Type(e.from, "01/01/2027")
	test.Tap(e.save)
	if tab.dlg == nil || e.form.ErrorFor(service.FieldValidFrom) == "" {
		t.Error("a period overlapping the Minister's was not refused under Hiệu lực từ")
	}
}
