package periods

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/internal/uitest"
)

// fakeService is the area's service over periods held in memory: the
// tests are about the area, the service's own tests about the figures.
type fakeService struct {
	periods    []store.PeriodReview // latest first
	input      docs.PeriodInput
	candidates []domain.ExemplaryCandidate
	saved      []store.PeriodReview // every SavePeriod call
	saveErr    error                // returned by SavePeriod when set
	exported   string               // format of the last export
}

func (f *fakeService) Today() domain.Date { return domain.DateOf(uitest.Now()) }

func (f *fakeService) Periods(context.Context) ([]store.PeriodReview, error) {
	return slices.Clone(f.periods), nil
}

func (f *fakeService) SavePeriod(_ context.Context, p store.PeriodReview) (int64, error) {
	f.saved = append(f.saved, p)
	if f.saveErr != nil {
		return 0, f.saveErr
	}
	if p.Name == "" {
		p.Name = "Giai đoạn " + strconv.Itoa(p.FromYear) + " - " + strconv.Itoa(p.ToYear)
	}
	for i, q := range f.periods {
		if q.ID == p.ID {
			f.periods[i] = p
			return p.ID, nil
		}
	}
	p.ID = int64(len(f.periods) + 1)
	f.periods = append([]store.PeriodReview{p}, f.periods...)
	return p.ID, nil
}

func (f *fakeService) PeriodInput(_ context.Context, from, to int) (docs.PeriodInput, error) {
	in := f.input
	in.Period = domain.Period{FromYear: from, ToYear: to}
	for _, p := range f.periods {
		if p.FromYear == from && p.ToYear == to {
			in.Period = p.Period
			in.Results, in.Lessons, in.Directions = p.Results, p.Lessons, p.Directions
		}
	}
	return in, nil
}

func (f *fakeService) ExemplaryCandidates(context.Context, int, int) ([]domain.ExemplaryCandidate, error) {
	return f.candidates, nil
}

func (f *fakeService) ExportPeriod(_ context.Context, _, _ int, format string, w io.Writer) error {
	f.exported = format
	_, err := io.WriteString(w, "report "+format)
	return err
}

// period makes a recorded period.
func period(id int64, from, to int) store.PeriodReview {
	return store.PeriodReview{Period: domain.Period{ID: id, Name: "Giai đoạn " + strconv.Itoa(from) + " - " + strconv.Itoa(to), FromYear: from, ToYear: to}}
}

// newFake has two periods, the figures of 2020 - 2025 and three
// candidates.
func newFake() *fakeService {
	years := []int{2020, 2021, 2022, 2023, 2024, 2025}
	return &fakeService{
		periods: []store.PeriodReview{period(2, 2020, 2025), period(1, 2015, 2020)},
		input: docs.PeriodInput{
			Years: years,
			Awards: []docs.PeriodAwardRow{
				{Code: "LDTT", Name: "Lao động tiên tiến", Own: true, People: []int{30, 31, 32, 33, 34, 35}, Collectives: []int{0, 0, 0, 0, 0, 0}},
				{Code: "GK", Name: "Giấy khen", Own: true, People: []int{2, 0, 1, 0, 0, 3}, Collectives: []int{1, 0, 0, 0, 0, 0}},
				{Code: "BKTW", Name: "Bằng khen", Own: false, People: []int{1, 2, 0, 0, 4, 1}, Collectives: []int{0, 1, 0, 0, 0, 1}},
			},
			Initiatives: []docs.PeriodScopeRow{
				{Scope: domain.Scopes[0], Counts: []int{3, 4, 5, 0, 2, 6}},
				{Scope: domain.Scopes[1], Counts: []int{0, 1, 0, 0, 1, 0}},
			},
			Movements: []docs.PeriodMovementRow{
				{Name: "Thi đua thực hiện thắng lợi nhiệm vụ chính trị", Met: []int{2, 3, 3, 0, 4, 4}, Measured: []int{3, 3, 4, 0, 4, 5}},
			},
			ClusterRanks: []int{2, 1, 0, 3, 1, 1},
		},
		candidates: []domain.ExemplaryCandidate{
			{Subject: domain.UnitSubject("P1"), Name: "Phòng Thu", Reasons: []domain.ModelReason{{Text: "5 năm đạt Tập thể lao động xuất sắc"}}},
			{Subject: domain.PersonSubject("NV1"), Name: "Nguyễn Thị Hằng", Unit: "Phòng Chế độ", Reasons: []domain.ModelReason{{Text: "Chiến sĩ thi đua cấp bộ năm 2023"}, {Text: "Sáng kiến cấp bộ năm 2024"}}},
			{Subject: domain.PersonSubject("NV2"), Name: "Trần Văn Đức", Unit: "Phòng Thu", Reasons: []domain.ModelReason{{Text: "Bằng khen Thủ tướng năm 2022"}}},
		},
	}
}

func newTestView(t *testing.T, svc *fakeService) (*View, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	v := newView(svc, win, uitest.RunNow)
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(1200, 720))
	v.Reload()
	return v, win
}

func texts(ts []*canvas.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out
}

func TestView_SelectorListsPeriodsLatestFirst(t *testing.T) {
	v, _ := newTestView(t, newFake())
	if want := []string{"Giai đoạn 2020 - 2025", "Giai đoạn 2015 - 2020"}; !slices.Equal(v.periodSel.Options, want) {
		t.Errorf("periods offered %q, want %q", v.periodSel.Options, want)
	}
	if v.periodSel.Selected != "Giai đoạn 2020 - 2025" || v.period.ID != 2 {
		t.Errorf("selected %q (ID %d), want the latest period", v.periodSel.Selected, v.period.ID)
	}
	if v.tabs.Hidden || !v.empty.Hidden {
		t.Error("a period is selected but its tabs are hidden")
	}
	v.periodSel.SetSelectedIndex(1)
	if v.period.ID != 1 || v.input.Period.FromYear != 2015 {
		t.Errorf("choosing 2015 - 2020 opened ID %d, figures from %d", v.period.ID, v.input.Period.FromYear)
	}
}

func TestView_NoPeriodSaysHowToAddOne(t *testing.T) {
	v, _ := newTestView(t, &fakeService{})
	if len(v.periodSel.Options) != 0 || !v.tabs.Hidden || v.empty.Hidden || !v.editBtn.Disabled() {
		t.Errorf("no period: options %q, tabs hidden %v, hint hidden %v, edit disabled %v",
			v.periodSel.Options, v.tabs.Hidden, v.empty.Hidden, v.editBtn.Disabled())
	}
}

func TestBarChart_OneBarPerYearWithItsValue(t *testing.T) {
	v, _ := newTestView(t, newFake())
	years := []string{"2020", "2021", "2022", "2023", "2024", "2025"}

	// Awards: the office's own (Lao động tiên tiến, Giấy khen) beside the
	// higher bodies' (Bằng khen), for each year.
	ch := v.figures.awardsChart
	r := test.WidgetRenderer(ch).(*chartRenderer)
	if got := texts(r.years); !slices.Equal(got, years) {
		t.Errorf("awards chart years %q, want %q", got, years)
	}
	if len(r.bars) != 12 {
		t.Fatalf("awards chart: %d bars, want 12 (own and higher for 6 years)", len(r.bars))
	}
	want := []string{"33", "1", "31", "3", "33", "0", "33", "0", "34", "4", "38", "2"}
	if got := texts(r.values); !slices.Equal(got, want) {
		t.Errorf("awards chart values %q, want %q", got, want)
	}
	if got := texts(r.legend); !slices.Equal(got, []string{"Đơn vị khen", "Cấp trên khen"}) {
		t.Errorf("legend %q", got)
	}

	// Initiatives: one bar a year, all scopes together.
	ch = v.figures.initChart
	r = test.WidgetRenderer(ch).(*chartRenderer)
	if len(r.bars) != 6 || len(r.legend) != 0 {
		t.Fatalf("initiatives chart: %d bars and %d legend entries, want 6 and none", len(r.bars), len(r.legend))
	}
	if got, want := texts(r.values), []string{"3", "5", "5", "0", "3", "6"}; !slices.Equal(got, want) {
		t.Errorf("initiatives chart values %q, want %q", got, want)
	}
	if got := texts(r.years); !slices.Equal(got, years) {
		t.Errorf("initiatives chart years %q, want %q", got, years)
	}
	if !slices.ContainsFunc(r.Objects(), func(o fyne.CanvasObject) bool {
		txt, ok := o.(*canvas.Text)
		return ok && txt.Text == "Sáng kiến theo năm"
	}) {
		t.Error("the initiatives chart has no title")
	}

	// The bars scale to the chart: the tallest reaches the top of the
	// plot, the others in proportion, an empty year has none.
	ch.Resize(fyne.NewSize(400, 240))
	h := func(i int) float32 { return r.bars[i].Size().Height }
	if !(h(5) > h(1) && h(1) > h(0) && h(3) == 0) {
		t.Errorf("bar heights %v %v %v %v: want 6 > 5 > 3 > 0", h(5), h(1), h(0), h(3))
	}
	if diff := h(0)*2 - h(5); diff > 0.5 || diff < -0.5 {
		t.Errorf("3 is drawn %v high and 6 %v: want half", h(0), h(5))
	}
	for i, b := range r.bars {
		if b.Position().Y+b.Size().Height > 240 || b.Position().X+b.Size().Width > 400 {
			t.Errorf("bar %d leaves the chart: at %v size %v", i, b.Position(), b.Size())
		}
	}
	if min := ch.MinSize(); min.Width > 400 || min.Height > 240 {
		t.Errorf("chart asks for %v, more than a half screen", min)
	}
}

func TestFigures_TablesShowYearsAndTotals(t *testing.T) {
	v, _ := newTestView(t, newFake())
	own, higher := awardTotals(v.input)
	if !slices.Equal(own, []int{33, 31, 33, 33, 34, 38}) || !slices.Equal(higher, []int{1, 3, 0, 0, 4, 2}) {
		t.Errorf("award totals own %v higher %v", own, higher)
	}
	rows := awardRows(v.input)
	last := rows[len(rows)-1]
	if last.name != "Tổng cộng" || !slices.Equal(last.cells, []string{"34", "34", "33", "33", "38", "40", "212"}) {
		t.Errorf("total row %+v", last)
	}
	if got := rankRow(v.input).cells; !slices.Equal(got, []string{"2", "1", "–", "3", "1", "1"}) {
		t.Errorf("cluster ranks %q", got)
	}
	if got := movementRows(v.input)[0].cells; got[0] != "2/3" || got[3] != "–" {
		t.Errorf("movement cells %q", got)
	}
}

func TestModels_SearchNarrowsWithoutDiacritics(t *testing.T) {
	v, _ := newTestView(t, newFake())
	m := v.models
	if len(m.shown) != 3 || rows(m) != 3 {
		t.Fatalf("%d candidates shown, want 3", len(m.shown))
	}
	if got := m.cell(1, 2); got != "Chiến sĩ thi đua cấp bộ năm 2023; Sáng kiến cấp bộ năm 2024" {
		t.Errorf("reasons joined %q", got)
	}
	test.Type(m.search, "phong thu")
	if names := shownNames(m); !slices.Equal(names, []string{"Phòng Thu", "Trần Văn Đức"}) {
		t.Errorf("“phong thu” keeps %q, want the unit and the person in it", names)
	}
	m.search.SetText("hang")
	if names := shownNames(m); !slices.Equal(names, []string{"Nguyễn Thị Hằng"}) {
		t.Errorf("“hang” keeps %q", names)
	}
	if m.count.Text != "1 / 3 gương điển hình" {
		t.Errorf("count %q", m.count.Text)
	}
	m.list.Select(widget.TableCellID{Row: 0, Col: 0})
	if !strings.Contains(m.detail.Text, "• Sáng kiến cấp bộ năm 2024") {
		t.Errorf("detail %q lacks the reasons", m.detail.Text)
	}
	m.search.SetText("")
	if len(m.shown) != 3 {
		t.Errorf("clearing the search shows %d, want 3", len(m.shown))
	}
}

func TestReport_SaveSendsTheTypedText(t *testing.T) {
	svc := newFake()
	svc.periods[0].Lessons = "Bài học đã lưu."
	v, _ := newTestView(t, svc)
	r := v.report
	if r.lessons.Text != "Bài học đã lưu." {
		t.Errorf("lessons %q, want the saved text", r.lessons.Text)
	}
	draft, _, _ := docs.DraftPeriodNarrative(v.input)
	if r.results.Text != draft || draft == "" {
		t.Errorf("results %q, want the draft %q", r.results.Text, draft)
	}
	if r.dirty {
		t.Error("filling the report marked it typed")
	}
	r.results.SetText("")
	test.Type(r.results, "Hoàn thành xuất sắc nhiệm vụ.")
	r.directions.SetText("")
	test.Type(r.directions, "Tiếp tục đổi mới.")
	test.Tap(r.saveBtn)
	if len(svc.saved) != 1 {
		t.Fatalf("SavePeriod called %d times, want once", len(svc.saved))
	}
	got := svc.saved[0]
	if got.ID != 2 || got.FromYear != 2020 || got.Results != "Hoàn thành xuất sắc nhiệm vụ." || got.Lessons != "Bài học đã lưu." ||
		got.Directions != "Tiếp tục đổi mới." {
		t.Errorf("saved %+v", got)
	}
	if r.dirty {
		t.Error("still marked unsaved after saving")
	}
	// Coming back to the area keeps the saved text, not the draft.
	v.Reload()
	if r.results.Text != "Hoàn thành xuất sắc nhiệm vụ." {
		t.Errorf("after reload results %q", r.results.Text)
	}
}

func TestReport_ReloadKeepsUnsavedText(t *testing.T) {
	v, _ := newTestView(t, newFake())
	v.report.results.SetText("")
	test.Type(v.report.results, "Đang viết")
	v.Reload()
	if v.report.results.Text != "Đang viết" {
		t.Errorf("reload replaced the text being typed with %q", v.report.results.Text)
	}
}

func TestReport_ExportSavesThenWritesTheFile(t *testing.T) {
	svc := newFake()
	v, _ := newTestView(t, svc)
	v.report.lessons.SetText(v.report.lessons.Text + " Thêm.")
	path := filepath.Join(t.TempDir(), exportName(v.period, "pdf"))
	v.export("pdf", path)
	if len(svc.saved) != 1 || !strings.HasSuffix(svc.saved[0].Lessons, " Thêm.") {
		t.Errorf("the typed report was not saved before the export: %+v", svc.saved)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "report pdf" {
		t.Errorf("file %q, %v", data, err)
	}
	if v.exported != path || filepath.Base(path) != "Báo cáo tổng kết giai đoạn 2020 - 2025.pdf" {
		t.Errorf("exported %q", v.exported)
	}
}

func TestPeriodForm_AddsAndSelectsThePeriod(t *testing.T) {
	svc := newFake()
	v, _ := newTestView(t, svc)
	test.Tap(v.addBtn)
	f := v.form
	if f == nil || f.from.Text != "2025" || f.to.Text != "2030" {
		t.Fatalf("the new period starts where the latest ends: form %+v", f)
	}
	test.Type(f.congress, "Đại hội Thi đua yêu nước lần thứ VII")
	test.Type(f.date, "15/10/2030")
	test.Type(f.delegates, "12")
	test.Tap(f.save)
	if len(svc.saved) != 1 {
		t.Fatalf("SavePeriod called %d times", len(svc.saved))
	}
	got := svc.saved[0]
	if got.ID != 0 || got.FromYear != 2025 || got.ToYear != 2030 || got.Congress != "Đại hội Thi đua yêu nước lần thứ VII" ||
		got.CongressDate != domain.NewDate(2030, 10, 15) || got.Delegates != 12 {
		t.Errorf("saved %+v", got)
	}
	if v.periodSel.Options[0] != "Giai đoạn 2025 - 2030" || v.periodSel.Selected != "Giai đoạn 2025 - 2030" || v.period.ID != 3 {
		t.Errorf("after adding: options %q, selected %q", v.periodSel.Options, v.periodSel.Selected)
	}
}

func TestPeriodForm_ShowsFieldErrorsUnderTheirField(t *testing.T) {
	svc := newFake()
	v, _ := newTestView(t, svc)
	test.Tap(v.addBtn)
	f := v.form
	svc.saveErr = domain.FieldErrors{{Field: service.FieldPeriodTo, Msg: "năm 2040 không hợp lệ; nhập năm từ năm bắt đầu (2025) đến 2031"}}
	f.to.SetText("2040")
	test.Tap(f.save)
	if got := f.form.ErrorFor(service.FieldPeriodTo); got != "năm 2040 không hợp lệ; nhập năm từ năm bắt đầu (2025) đến 2031" {
		t.Errorf("error under %s: %q", service.FieldPeriodTo, got)
	}
	if got := f.form.ErrorFor(service.FieldPeriodFrom); got != "" {
		t.Errorf("error under %s: %q, want none", service.FieldPeriodFrom, got)
	}
	if len(v.periodSel.Options) != 2 {
		t.Errorf("a refused period was listed: %q", v.periodSel.Options)
	}

	// What the form cannot read is said under its field before asking.
	svc.saveErr = nil
	f.from.SetText("hai nghìn")
	f.date.SetText("31/02/2030")
	test.Tap(f.save)
	if len(svc.saved) != 1 {
		t.Errorf("SavePeriod called with an unreadable form")
	}
	if f.form.ErrorFor(service.FieldPeriodFrom) == "" || f.form.ErrorFor(FieldCongressDate) == "" {
		t.Errorf("errors: from %q, date %q", f.form.ErrorFor(service.FieldPeriodFrom), f.form.ErrorFor(FieldCongressDate))
	}
}

func rows(m *modelsTab) int {
	r, _ := m.list.Length()
	return r
}

func shownNames(m *modelsTab) []string {
	var out []string
	for _, c := range m.shown {
		out = append(out, c.Name)
	}
	return out
}

// TestView_RealServiceFitsASmallScreen opens the latest period of the demo
// office (2020 - 2025) over the real service, goes through the tabs and exports the review:
// the area never asks for more than a 1024×768 screen leaves it beside
// the sidebar.
func TestView_RealServiceFitsASmallScreen(t *testing.T) {
	test.NewTempApp(t)
	svc := uitest.Service(t)
	ctx := context.Background()
	if err := svc.FillDemo(ctx, service.DemoOptions{Staff: 40, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	v := newView(svc, win, uitest.RunNow)
	win.SetContent(v.Content())
	win.Resize(fyne.NewSize(800, 640))
	v.Reload()
	if v.period.FromYear != 2020 || len(v.input.Years) != 6 || v.report.results.Text == "" {
		t.Fatalf("period %+v, years %v, results %q", v.period, v.input.Years, v.report.results.Text)
	}
	limit := fyne.NewSize(800, 640)
	for i := range v.tabs.Items {
		v.tabs.SelectIndex(i)
		if min := v.Content().MinSize(); min.Width > limit.Width || min.Height > limit.Height {
			t.Errorf("tab %q asks for %v, more than %v", v.tabs.Items[i].Text, min, limit)
		}
	}
	for _, format := range []string{"pdf", "xlsx"} {
		path := filepath.Join(t.TempDir(), exportName(v.period, format))
		v.export(format, path)
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Errorf("%s export: %v", format, err)
		}
	}
}
