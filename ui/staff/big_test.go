package staff

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

// bigOffice is a staffService in memory with many people: enough of the
// interface for the list (calls to anything else panic on the nil embed).
type bigOffice struct {
	staffService
	units  []domain.Unit
	people []domain.Person
}

func newBigOffice(n int) *bigOffice {
	b := &bigOffice{units: []domain.Unit{{Code: "HTI", Name: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Kind: domain.UnitProvince}}}
	for i := range 20 {
		b.units = append(b.units, domain.Unit{Code: fmt.Sprintf("U%02d", i), Name: fmt.Sprintf("BHXH cơ sở số %d", i), ParentCode: "HTI", Kind: domain.UnitGrassroots})
	}
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"}
	middles := []string{"Văn", "Thị", "Hữu", "Minh", "Thị Thu", "Đức"}
	givens := []string{"An", "Bình", "Cúc", "Dũng", "Đào", "Giang", "Hà", "Hùng", "Lan", "Mai", "Nam", "Oanh", "Phúc", "Quân", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến"}
	positions := []string{"Chuyên viên", "Kế toán viên", "Trưởng phòng", "Phó Trưởng phòng", "Giám đốc"}
	for i := range n {
		g := domain.Male
		if i%2 == 1 {
			g = domain.Female
		}
		b.people = append(b.people, domain.Person{ID: int64(i + 1), StaffCode: fmt.Sprintf("CB%05d", i),
			FullName:  families[i%len(families)] + " " + middles[(i/10)%len(middles)] + " " + givens[(i/60)%len(givens)],
			BirthDate: domain.NewDate(1970+i%30, time.Month(1+i%12), 1+i%28), Gender: g, Position: positions[i%len(positions)],
			Ethnicity: "Kinh", UnitCode: fmt.Sprintf("U%02d", i%20)})
	}
	domain.SortPeople(b.people)
	return b
}

func (b *bigOffice) Today() domain.Date { return domain.NewDate(2026, 3, 1) }
func (b *bigOffice) Units(context.Context) ([]domain.Unit, error) {
	return b.units, nil
}

func (b *bigOffice) People(context.Context) ([]domain.Person, error) {
	return append([]domain.Person(nil), b.people...), nil
}

func (b *bigOffice) Catalogue(context.Context) (rules.Catalogue, error) {
	return rules.DefaultCatalogue(), nil
}

// Typing into the search box filters ten thousand people without reading
// anything again. How fast it does is BenchmarkStaffList_Keystroke's (a
// test never depends on the machine's speed).
func TestStaffList_TenThousandPeopleTypeQuickly(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	v := newView(newBigOffice(10000), win)
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(1200, 760))
	v.Reload()
	if v.index.Len() != 10000 {
		t.Fatalf("indexed %d people", v.index.Len())
	}
	test.Type(v.list.search, "nguyen thi thu lan")
	if len(v.shown) == 0 || len(v.shown) >= 10000 {
		t.Errorf("query shows %d people", len(v.shown))
	}
	for _, p := range v.shown {
		if domain.Fold(p.FullName) != "nguyen thi thu lan" {
			t.Fatalf("query shows %s", p.FullName)
		}
	}
}

// BenchmarkStaffList_Open10k opens the staff list on ten thousand people:
// read, index and show them (target: under 300 ms).
func BenchmarkStaffList_Open10k(b *testing.B) {
	test.NewTempApp(b)
	office := newBigOffice(10000)
	for b.Loop() {
		win := test.NewTempWindow(b, nil)
		v := newView(office, win)
		win.SetContent(v.Content())
		win.Resize(fyne.NewSize(1366, 768))
		v.Reload()
		if v.index.Len() != 10000 {
			b.Fatalf("indexed %d people", v.index.Len())
		}
	}
}

func BenchmarkStaffList_Keystroke(b *testing.B) {
	test.NewTempApp(b)
	win := test.NewTempWindow(b, nil)
	v := newView(newBigOffice(10000), win)
	win.SetContent(v.Content())
	v.Reload()
	v.list.search.SetText("nguyen")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			v.list.search.SetText("nguyen t")
		} else {
			v.list.search.SetText("nguyen")
		}
	}
}
