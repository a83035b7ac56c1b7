package domain

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func names(ps []Person) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.FullName)
	}
	return strings.Join(s, ", ")
}

func TestSortPeople_VietnameseOrder(t *testing.T) {
	ps := []Person{
		{StaffCode: "1", FullName: "Trần Văn Bình"},
		{StaffCode: "2", FullName: "Nguyễn Thị Ánh"},
		{StaffCode: "3", FullName: "Lê Đức Anh"},
		{StaffCode: "4", FullName: "Phạm Thị Đào"},
		{StaffCode: "5", FullName: "Hoàng Minh Dũng"},
		{StaffCode: "6", FullName: "Bùi Thị Anh"},
		{StaffCode: "7", FullName: "Nguyễn Văn An"},
	}
	SortPeople(ps)
	// Given name first (An < Anh < Ánh < Bình < Dũng < Đào: đ sorts after d),
	// then middle name (Đức < Thị), then family name.
	want := "Nguyễn Văn An, Lê Đức Anh, Bùi Thị Anh, Nguyễn Thị Ánh, Trần Văn Bình, Hoàng Minh Dũng, Phạm Thị Đào"
	if got := names(ps); got != want {
		t.Fatalf("order:\n got %s\nwant %s", got, want)
	}
}

func TestFold(t *testing.T) {
	scenarios := map[string]string{
		"Nguyễn Văn Đức":                "nguyen van duc",
		norm.NFD.String("Trần Thị Ánh"): "tran thi anh",
		"ĐẶNG":                          "dang",
		"abc 123":                       "abc 123",
	}
	for in, want := range scenarios {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPeopleIndex_Filter(t *testing.T) {
	ps := []Person{
		{StaffCode: "HT01", FullName: "Nguyễn Văn An", Gender: Male, UnitCode: "P1", Position: "Chuyên viên", CCCD: "042085000123"},
		{StaffCode: "HT02", FullName: "Trần Thị Nguyệt", Gender: Female, UnitCode: "P2", Position: "Trưởng phòng"},
		{StaffCode: "HT03", FullName: "Lê Thị Ngân", Gender: Female, UnitCode: "P1", Position: "Phó Trưởng phòng"},
		{StaffCode: "XY10", FullName: "Phạm Anh Tuấn", Gender: Male, UnitCode: "P2", Position: "Chuyên viên"},
	}
	ix := NewPeopleIndex(ps)
	scenarios := []struct {
		name string
		f    PeopleFilter
		want string
	}{
		{"all", PeopleFilter{}, "Nguyễn Văn An, Trần Thị Nguyệt, Lê Thị Ngân, Phạm Anh Tuấn"},
		{"prefix without diacritics", PeopleFilter{Query: "nguy"}, "Nguyễn Văn An, Trần Thị Nguyệt"},
		{"word prefix not infix", PeopleFilter{Query: "uyen"}, ""},
		{"two words", PeopleFilter{Query: "thi ng"}, "Trần Thị Nguyệt, Lê Thị Ngân"},
		{"with diacritics", PeopleFilter{Query: "Ngân"}, "Lê Thị Ngân"},
		{"staff code", PeopleFilter{Query: "xy1"}, "Phạm Anh Tuấn"},
		{"cccd", PeopleFilter{Query: "042085"}, "Nguyễn Văn An"},
		{"gender", PeopleFilter{Gender: Female}, "Trần Thị Nguyệt, Lê Thị Ngân"},
		{"unit", PeopleFilter{Units: map[string]bool{"P1": true}}, "Nguyễn Văn An, Lê Thị Ngân"},
		{"position", PeopleFilter{Position: "truong phong"}, "Trần Thị Nguyệt, Lê Thị Ngân"},
		{"combined", PeopleFilter{Query: "an", Gender: Male, Units: map[string]bool{"P2": true}}, "Phạm Anh Tuấn"},
	}
	for _, sc := range scenarios {
		if got := names(ix.Filter(sc.f)); got != sc.want {
			t.Errorf("%s: got %q, want %q", sc.name, got, sc.want)
		}
	}
}

func TestNameParts(t *testing.T) {
	f, m, g := NameParts("  Nguyễn  Thị Minh Khai ")
	if f != "Nguyễn" || m != "Thị Minh" || g != "Khai" {
		t.Fatalf("%q %q %q", f, m, g)
	}
	if f, m, g := NameParts("Khai"); f != "" || m != "" || g != "Khai" {
		t.Fatalf("one word: %q %q %q", f, m, g)
	}
}

// benchPeople makes n people with realistic names.
func benchPeople(n int) []Person {
	fam := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"}
	mid := []string{"Văn", "Thị", "Minh", "Đức", "Thu", "Ngọc", "Hữu", "Thanh"}
	giv := []string{"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Yến"}
	ps := make([]Person, n)
	for i := range ps {
		ps[i] = Person{StaffCode: fmt.Sprintf("HT%05d", i), FullName: fam[i%len(fam)] + " " + mid[i/7%len(mid)] + " " + giv[i/3%len(giv)],
			Gender: []Gender{Male, Female}[i%2], UnitCode: fmt.Sprintf("P%d", i%12), Position: "Chuyên viên"}
	}
	return ps
}

// BenchmarkPeopleIndex_FilterPrefix: target under 20 ms for 10,000 people
// per keystroke (the filter runs on every key typed in the search box).
func BenchmarkPeopleIndex_FilterPrefix(b *testing.B) {
	ps := benchPeople(10000)
	SortPeople(ps)
	ix := NewPeopleIndex(ps)
	queries := []string{"n", "ng", "ngu", "nguyen t", "tha", "hùng"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if len(ix.Filter(PeopleFilter{Query: queries[i%len(queries)]})) == 0 {
			b.Fatal("no match")
		}
	}
}

func BenchmarkSortPeople(b *testing.B) {
	base := benchPeople(10000)
	ps := make([]Person, len(base))
	for b.Loop() {
		copy(ps, base)
		SortPeople(ps)
	}
}
