package docs

import "testing"

// A book's documents print into one file, placed where its first document
// stands; other documents are files of their own.
func TestFiles_GroupsBooks(t *testing.T) {
	doc := func(kind string) Document { return Document{Kind: kind} }
	files := Files([]NamedDocument{
		{Name: "Tờ trình", Doc: doc("TỜ TRÌNH")},
		{Name: "BC 1", Doc: doc("BÁO CÁO 1"), Book: "Báo cáo thành tích - Giấy khen"},
		{Name: "Biên bản", Doc: doc("BIÊN BẢN")},
		{Name: "BC 2", Doc: doc("BÁO CÁO 2"), Book: "Báo cáo thành tích - Giấy khen"},
	})
	if len(files) != 3 {
		t.Fatalf("%d files: %+v", len(files), files)
	}
	want := []struct {
		name  string
		kinds []string
	}{
		{"Tờ trình", []string{"TỜ TRÌNH"}},
		{"Báo cáo thành tích - Giấy khen", []string{"BÁO CÁO 1", "BÁO CÁO 2"}},
		{"Biên bản", []string{"BIÊN BẢN"}},
	}
	for i, w := range want {
		if files[i].Name != w.name || len(files[i].Docs) != len(w.kinds) {
			t.Fatalf("file %d: %q with %d documents, want %q with %d", i, files[i].Name, len(files[i].Docs), w.name, len(w.kinds))
		}
		for j, k := range w.kinds {
			if files[i].Docs[j].Kind != k {
				t.Errorf("file %d document %d: %q, want %q", i, j, files[i].Docs[j].Kind, k)
			}
		}
	}
}
