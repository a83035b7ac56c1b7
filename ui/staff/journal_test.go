package staff

import (
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/ui/journal"
)

func TestPersonPanel_HistoryOfChanges(t *testing.T) {
	f := newFixture(t)
	p := f.person("CB001", "Nguyễn Thị Lan", "05/01/1985", domain.Female, "042185000123", "HTI.TC")
	f.person("CB002", "Trần Văn Bình", "05/01/1986", domain.Male, "042086000123", "HTI.TC")
	p.Position = "Phó Trưởng phòng"
	if _, err := f.svc.SavePerson(f.ctx, p, domain.Date{}); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.SetRating(f.ctx, domain.RatingRecord{Subject: domain.PersonSubject("CB001"), Year: 2025, Rating: domain.HTXSNV}); err != nil {
		t.Fatal(err)
	}
	f.v.Reload()
	f.open("CB001")
	pp := f.v.person
	tab := -1
	for i, ti := range pp.tabs.Items {
		if ti.Text == "Lịch sử thay đổi" {
			tab = i
		}
	}
	if tab < 0 {
		t.Fatal("no Lịch sử thay đổi tab")
	}
	pp.tabs.SelectIndex(tab)
	list := pp.changes.list
	var position, rating bool
	for _, e := range list.Shown {
		if e.Table == "person" && strings.Contains(journal.Summary(e), "Chức vụ: Chuyên viên → Phó Trưởng phòng") {
			position = true
		}
		if e.Table == "person_rating" {
			rating = true
		}
		if e.Table == "person" && journal.Record(e) != "" && strings.Contains(journal.Record(e), "Trần Văn Bình") {
			t.Fatalf("another person's change in Lan's history: %+v", e)
		}
	}
	if !position || !rating {
		t.Fatalf("history of CB001 (%d entries): position change %v, rating %v", len(list.Shown), position, rating)
	}

	// Opening someone else shows their history, not Lan's.
	f.open("CB002")
	for _, e := range pp.changes.list.Shown {
		if strings.Contains(journal.Record(e), "Nguyễn Thị Lan") {
			t.Fatalf("Lan's change in Bình's history: %+v", e)
		}
	}
	if len(pp.changes.list.Shown) == 0 {
		t.Fatal("Bình's creation is not in his history")
	}
}
