package assessment

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/xlsx"
	"tdkt/ui/kit"
)

// TestScores_NewTableOverOldScores_SameTotalEverywhere loads a new scoring
// table over the demo's scores: a lowered maximum and a bonus criterion
// turned into a penalty make two old scores fall out of their bounds. They
// are removed and named, and the total is then the same on the screen, in
// the PDF report, in the workbook and in the package for the centre.
func TestScores_NewTableOverOldScores_SameTotalEverywhere(t *testing.T) {
	f := newFixture(t)
	ctx, svc := f.ctx, f.svc
	cs, err := svc.Criteria(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	scores := map[string]float64{}
	ss, _ := svc.SelfScores(ctx, 2025)
	for _, sc := range ss {
		scores[sc.Code] = sc.Score
	}
	// I.1 keeps its score 10 only while its maximum is 10; IV.1 holds +2.
	if scores["I.1"] != 10 || scores["IV.1"] != 2 {
		t.Fatalf("demo scores changed: I.1 %v, IV.1 %v", scores["I.1"], scores["IV.1"])
	}
	for i := range cs {
		switch cs[i].Code {
		case "I.1":
			cs[i].MaxPoints = 6
		case "IV.1":
			cs[i].Method = domain.MethodPenalty
		}
	}
	cleared, err := svc.SaveCriteria(ctx, 2025, cs)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, sc := range cleared {
		codes = append(codes, sc.Code)
	}
	if strings.Join(codes, ",") != "I.1,IV.1" {
		t.Fatalf("cleared %v, want I.1 and IV.1", codes)
	}
	if text := service.ClearedScoresText(cs, cleared, true); !strings.Contains(text, "I.1: 10 (khung 0 đến 6)") || !strings.Contains(text, "IV.1: 2 (khung -3 đến 0)") {
		t.Errorf("message %q", text)
	}

	in, err := svc.AssessmentInput(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	want := in.Sheet.Total
	wantText := service.FormatPoints(want)

	// The screen.
	f.v.Reload()
	if f.v.scores.grand != want || !strings.Contains(f.v.scores.grandLbl.Text, kit.FormatNumber(want)+" / "+kit.FormatNumber(in.Sheet.Max)) {
		t.Errorf("screen: %v, %q; want %v / %v", f.v.scores.grand, f.v.scores.grandLbl.Text, want, in.Sheet.Max)
	}

	// The workbook: the cached value of the grand total.
	var book bytes.Buffer
	if err := svc.ExportAssessment(ctx, 2025, "xlsx", &book); err != nil {
		t.Fatal(err)
	}
	rows, err := xlsx.ReadRows(&book)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if len(r) > 4 && r[1] == "TỔNG CỘNG" {
			found = true
			if x, ok, err := kit.ParseNumber(r[4]); err != nil || !ok || x != want {
				t.Errorf("workbook total %q, want %v", r[4], want)
			}
		}
	}
	if !found {
		t.Error("the workbook has no TỔNG CỘNG row")
	}

	// The package for the centre.
	rounds, err := svc.Rounds(ctx)
	if err != nil || len(rounds) == 0 {
		t.Fatalf("rounds: %v %v", rounds, err)
	}
	data, err := svc.PackageData(ctx, rounds[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if data.Assessment == nil || data.Assessment.Total != want || data.Assessment.Max != in.Sheet.Max {
		t.Errorf("package assessment %+v, want %v / %v", data.Assessment, want, in.Sheet.Max)
	}

	// The printed report.
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: the PDF's text is not checked")
	}
	var pdf bytes.Buffer
	if err := svc.ExportAssessment(ctx, 2025, "pdf", &pdf); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = &pdf
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	if !strings.Contains(text, "Tổng số điểm tự chấm: "+wantText+"/") {
		t.Errorf("the report does not print the total %s: %.600s", wantText, text)
	}
}
