package assessment

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/xlsx"
)

// TestScores_ImportTablePreviewThenConfirm: the demo's 2025 workbook
// loaded into 2024, which has no table: the preview counts, nothing is
// written before the confirmation, the tab shows the table after it.
func TestScores_ImportTablePreviewThenConfirm(t *testing.T) {
	f := newFixture(t)
	var buf bytes.Buffer
	if err := f.svc.ExportAssessment(f.ctx, 2025, "xlsx", &buf); err != nil {
		t.Fatal(err)
	}
	f.v.switchYear(2024)
	st := f.v.scores
	if len(st.rows) != 0 || !st.empty.Visible() {
		t.Fatalf("2024 has %d rows", len(st.rows))
	}
	st.importCriteriaFrom("cum3-2025.xlsx", bytes.NewReader(buf.Bytes()))
	if st.preview == nil || st.previewText == nil {
		t.Fatal("no preview shown")
	}
	if want := "nhận 23 tiêu chí (5 nhóm), loại 0 dòng, 18 điểm tự chấm"; !strings.Contains(st.previewText.Text, want) {
		t.Errorf("preview %q, want %q", st.previewText.Text, want)
	}
	if cs, _ := f.svc.Criteria(f.ctx, 2024); len(cs) != 0 {
		t.Fatal("the preview wrote")
	}
	st.commitCriteriaImport()
	if cs, _ := f.svc.Criteria(f.ctx, 2024); len(cs) != 23 {
		t.Fatalf("%d criteria in 2024 after the import", len(cs))
	}
	if len(st.rows) != 23 || st.empty.Visible() {
		t.Errorf("tab shows %d rows", len(st.rows))
	}
	if ss, _ := f.svc.SelfScores(f.ctx, 2024); len(ss) != 18 {
		t.Errorf("%d self-scores imported, want 18", len(ss))
	}

	// Over a year with a table: the preview says it will be replaced.
	f.v.switchYear(2025)
	st.importCriteriaFrom("cum3-2025.xlsx", bytes.NewReader(buf.Bytes()))
	if !strings.Contains(st.previewText.Text, "sẽ thay thế") {
		t.Errorf("no replacement warning: %q", st.previewText.Text)
	}
}

func leafRow(t *testing.T, st *scoresTab, code string) *scoreRow {
	t.Helper()
	for _, r := range st.rows {
		if r.c.Code == code {
			return r
		}
	}
	t.Fatalf("no row %s", code)
	return nil
}

func evidenceButtons(r *scoreRow) []string {
	var out []string
	for _, o := range r.evBox.Objects {
		if box, ok := o.(*fyne.Container); ok {
			if b, ok := box.Objects[0].(*widget.Button); ok {
				out = append(out, b.Text)
			}
		}
	}
	return out
}

func TestScores_EvidenceAttachOpenRemove(t *testing.T) {
	f := newFixture(t)
	st := f.v.scores
	r := leafRow(t, st, "II.1")
	if got := evidenceButtons(r); len(got) != 1 || got[0] != "tom-tat-chi-so-cchc.txt" {
		t.Fatalf("II.1 shows %v, want the demo's file", got)
	}
	r = leafRow(t, st, "II.2")
	st.attachEvidence(r, "Biên bản kiểm tra.pdf", strings.NewReader("%PDF-1.4 biên bản"))
	if got := evidenceButtons(r); len(got) != 1 || got[0] != "Biên bản kiểm tra.pdf" {
		t.Errorf("II.2 shows %v", got)
	}
	if ev, _ := f.svc.Evidence(f.ctx, 2025, "II.2"); len(ev) != 1 || ev[0] != "Biên bản kiểm tra.pdf" {
		t.Errorf("stored evidence %v", ev)
	}
	path, err := st.evidencePath(f.ctx, 2025, "II.2", "Biên bản kiểm tra.pdf")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(path) })
	if data, _ := os.ReadFile(path); string(data) != "%PDF-1.4 biên bản" {
		t.Errorf("written %q", data)
	}

	st.askRemoveEvidence(r, "Biên bản kiểm tra.pdf")
	f.v.confirm.Confirm()
	if ev, _ := f.svc.Evidence(f.ctx, 2025, "II.2"); len(ev) != 0 {
		t.Errorf("evidence after removal %v", ev)
	}
	if got := evidenceButtons(r); len(got) != 0 {
		t.Errorf("II.2 still shows %v", got)
	}
}

func TestCriteriaEditor_EditMaxSaves(t *testing.T) {
	f := newFixture(t)
	st := f.v.scores
	st.openEditor()
	e := st.editor
	if e == nil || len(e.rows) != 23 {
		t.Fatal("editor not open over the 23 criteria")
	}
	var row *editRow
	for _, r := range e.rows {
		if r.orig.Code == "II.3" {
			row = r
		}
	}
	row.max.SetText("")
	test.Type(row.max, "7,5")
	e.save()
	if e.errText.Visible() {
		t.Fatalf("save failed: %s", e.errText.Text)
	}
	cs, _ := f.svc.Criteria(f.ctx, 2025)
	for _, c := range cs {
		if c.Code == "II.3" && c.MaxPoints != 7.5 {
			t.Errorf("II.3 max %v, want 7,5", c.MaxPoints)
		}
	}
	if r := leafRow(t, st, "II.3"); r.c.MaxPoints != 7.5 {
		t.Errorf("tab not reloaded: %v", r.c.MaxPoints)
	}
	if len(cs) != 23 {
		t.Errorf("%d criteria after saving", len(cs))
	}

	// A new line without a name, and a code under no group: the service's
	// messages stay in the dialog and nothing is written.
	st.openEditor()
	e = st.editor
	nr := e.addRow(domain.Criterion{})
	test.Type(nr.code, "IX.1")
	test.Type(nr.max, "2")
	e.save()
	if !e.errText.Visible() || !strings.Contains(e.errText.Text, "IX") {
		t.Errorf("error shown %v %q", e.errText.Visible(), e.errText.Text)
	}
	if cs, _ := f.svc.Criteria(f.ctx, 2025); len(cs) != 23 {
		t.Errorf("%d criteria after a failed save", len(cs))
	}
	// Removing it and linking a proportional criterion to another target.
	e.removeRow(nr)
	var prop *editRow
	for _, r := range e.rows {
		if r.orig.Method == domain.MethodProportional && !r.removed {
			prop = r
			break
		}
	}
	if prop.target.Disabled() {
		t.Error("target select disabled for a proportional criterion")
	}
	opts := prop.target.Options
	prop.target.SetSelected(opts[len(opts)-1])
	prop.capPct.SetText("120")
	e.save()
	if e.errText.Visible() {
		t.Fatalf("save failed: %s", e.errText.Text)
	}
	cs, _ = f.svc.Criteria(f.ctx, 2025)
	for _, c := range cs {
		if c.Code == prop.orig.Code && (c.TargetID != e.targets[opts[len(opts)-1]] || c.CapPercent != 120) {
			t.Errorf("%s: target %d cap %v", c.Code, c.TargetID, c.CapPercent)
		}
	}
}

func TestScores_ImportClusterTotals(t *testing.T) {
	f := newFixture(t)
	st := f.v.scores
	if !st.totalsBtn.Visible() {
		t.Error("no totals button beside a cluster")
	}
	var buf bytes.Buffer
	if err := xlsx.WriteRows(&buf, [][]any{
		{"Đơn vị", "Tổng điểm"},
		{"Bảo hiểm xã hội tỉnh Thanh Hóa", "120,5"},
		{"bảo hiểm xã hội thành phố đà nẵng", 1.5},
	}); err != nil {
		t.Fatal(err)
	}
	st.importTotalsFrom("xep-hang.xlsx", bytes.NewReader(buf.Bytes()))
	rk := st.ranking()
	if rk[0].name != "Bảo hiểm xã hội tỉnh Thanh Hóa" || rk[0].total != 120.5 || rk[len(rk)-1].total != 1.5 {
		t.Errorf("ranking after the import: %+v", rk)
	}
	if st.memberTot[0].Text != "120,5" {
		t.Errorf("Thanh Hóa's entry shows %q", st.memberTot[0].Text)
	}

	// A file that is not a workbook says so and changes nothing.
	before, _, _ := f.svc.Cluster(f.ctx, 2025)
	st.importTotalsFrom("x.xlsx", strings.NewReader("not a workbook"))
	after, _, _ := f.svc.Cluster(f.ctx, 2025)
	for i := range before.Members {
		if before.Members[i] != after.Members[i] {
			t.Errorf("member %d changed: %+v", i, after.Members[i])
		}
	}
}
