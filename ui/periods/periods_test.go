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

	models       []domain.ExemplaryModel // of every period
	proposed     int                     // ProposeModels calls
	savedModels  []domain.ExemplaryModel // every SaveModel call
	saveModelErr error                   // returned by SaveModel when set
	removed      []int64                 // every RemoveModel call
	exportedDoc  string                  // doc of the last ExportModels
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

func (f *fakeService) Models(_ context.Context, periodID int64) ([]domain.ExemplaryModel, error) {
	var out []domain.ExemplaryModel
	for _, m := range f.models {
		if m.PeriodID == periodID {
			out = append(out, m)
		}
	}
	return out, nil
}

// ProposeModels puts every candidate not yet listed on the period's list.
func (f *fakeService) ProposeModels(_ context.Context, periodID int64) (int, error) {
	f.proposed++
	for _, c := range f.candidates {
		if !slices.ContainsFunc(f.models, func(m domain.ExemplaryModel) bool { return m.PeriodID == periodID && m.Subject == c.Subject }) {
			f.models = append(f.models, domain.ExemplaryModel{ID: int64(len(f.models) + 1), PeriodID: periodID, ExemplaryCandidate: c})
		}
	}
	return len(f.candidates), nil
}

func (f *fakeService) AddModel(_ context.Context, periodID int64, sub domain.Subject, reason string) (int64, error) {
	id := int64(len(f.models) + 1)
	f.models = append(f.models, domain.ExemplaryModel{ID: id, PeriodID: periodID, ByHand: true,
		ExemplaryCandidate: domain.ExemplaryCandidate{Subject: sub, Name: sub.Code, Reasons: []domain.ModelReason{{Text: reason}}}})
	return id, nil
}

func (f *fakeService) SaveModel(_ context.Context, m domain.ExemplaryModel) error {
	f.savedModels = append(f.savedModels, m)
	if f.saveModelErr != nil {
		return f.saveModelErr
	}
	for i := range f.models {
		if f.models[i].ID == m.ID {
			f.models[i] = m
		}
	}
	return nil
}

func (f *fakeService) RemoveModel(_ context.Context, id int64) error {
	f.removed = append(f.removed, id)
	f.models = slices.DeleteFunc(f.models, func(m domain.ExemplaryModel) bool { return m.ID == id })
	return nil
}

// SelectedModels applies a threshold of 50 percent.
func (f *fakeService) SelectedModels(ctx context.Context, periodID int64) ([]domain.ExemplaryModel, float64, error) {
	ms, _ := f.Models(ctx, periodID)
	var conf domain.Conference
	for _, p := range f.periods {
		if p.ID == periodID {
			conf = p.Conference
		}
	}
	return slices.DeleteFunc(ms, func(m domain.ExemplaryModel) bool { return !m.Selected(conf, 50) }), 50, nil
}

func (f *fakeService) ExportModels(_ context.Context, _ int64, doc string, w io.Writer) error {
	f.exportedDoc = doc
	_, err := io.WriteString(w, "models "+doc)
	return err
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

// newFake has two periods, the figures of 2020 - 2025, four candidates
// and the first three of them on the list of 2020 - 2025, whose
// conference called 20 delegates (18 came): the unit passed with 15
// votes, Hằng did not with 10 (not more than half of 20), Đức is not yet
// voted on.
func newFake() *fakeService {
	years := []int{2020, 2021, 2022, 2023, 2024, 2025}
	recent := period(2, 2020, 2025)
	recent.Conference = domain.Conference{Date: domain.NewDate(2025, 6, 20), Members: 20, Present: 18}
	f := &fakeService{
		periods: []store.PeriodReview{recent, period(1, 2015, 2020)},
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
			{Subject: domain.PersonSubject("NV3"), Name: "Lê Minh Tâm", Unit: "Phòng Chế độ", Reasons: []domain.ModelReason{{Text: "Sáng kiến cấp bộ năm 2025"}}},
		},
	}
	for i, c := range f.candidates[:3] {
		f.models = append(f.models, domain.ExemplaryModel{ID: int64(i + 1), PeriodID: 2, ExemplaryCandidate: c})
	}
	f.models[0].Voted, f.models[0].VotesFor, f.models[0].Delegate = true, 15, true
	f.models[1].Voted, f.models[1].VotesFor = true, 10
	return f
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
		t.Fatalf("%d models shown, want 3", len(m.shown))
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

func TestModels_ListShowsVotesAndResult(t *testing.T) {
	v, _ := newTestView(t, newFake())
	m := v.models
	want := [][]string{
		{"Phòng Thu", "", "5 năm đạt Tập thể lao động xuất sắc", "15", "Đạt", "✓"},
		{"Nguyễn Thị Hằng", "Phòng Chế độ", "Chiến sĩ thi đua cấp bộ năm 2023; Sáng kiến cấp bộ năm 2024", "10", "Không đạt", ""},
		{"Trần Văn Đức", "Phòng Thu", "Bằng khen Thủ tướng năm 2022", "—", "Chưa bầu", ""},
	}
	for r, row := range want {
		for c, cell := range row {
			if got := m.cell(r, c); got != cell {
				t.Errorf("row %d column %q: %q, want %q", r, modelColumns[c].Header, got, cell)
			}
		}
	}
	if _, imp := m.styledCell(0, 4); imp != widget.SuccessImportance {
		t.Errorf("Đạt shown with importance %v", imp)
	}
	if !m.editBtn.Disabled() || !m.removeBtn.Disabled() {
		t.Error("Sửa and Xóa enabled with no row chosen")
	}
	m.list.Select(widget.TableCellID{Row: 2, Col: 0})
	if m.editBtn.Disabled() || m.removeBtn.Disabled() {
		t.Error("Sửa and Xóa disabled with a row chosen")
	}
}

func TestModels_ProposeCallsTheServiceAndReloads(t *testing.T) {
	svc := newFake()
	v, _ := newTestView(t, svc)
	test.Tap(v.models.proposeBtn)
	if svc.proposed != 1 {
		t.Fatalf("ProposeModels called %d times", svc.proposed)
	}
	if names := shownNames(v.models); len(names) != 4 || names[3] != "Lê Minh Tâm" {
		t.Errorf("after proposing the list shows %q", names)
	}
	if v.models.count.Text != "4 / 4 gương điển hình" {
		t.Errorf("count %q", v.models.count.Text)
	}
	if msg := bannerText(v); !strings.Contains(msg, "4 ứng viên") {
		t.Errorf("banner %q does not say how many", msg)
	}
}

func TestModels_EditSavesVotesAccountAndDelegate(t *testing.T) {
	svc := newFake()
	v, _ := newTestView(t, svc)
	m := v.models
	m.list.Select(widget.TableCellID{Row: 2, Col: 0})
	test.Tap(m.editBtn)
	f := m.modelForm
	if f == nil || f.votes.Text != "" || f.delegate.Checked {
		t.Fatalf("the form on a model not voted on: %+v", f)
	}
	test.Type(f.votes, "16")
	test.Type(f.account, "Anh Đức là tấm gương sáng.")
	test.Tap(f.delegate)
	test.Tap(f.save)
	if len(svc.savedModels) != 1 {
		t.Fatalf("SaveModel called %d times", len(svc.savedModels))
	}
	got := svc.savedModels[0]
	if got.ID != 3 || got.PeriodID != 2 || !got.Voted || got.VotesFor != 16 || got.Account != "Anh Đức là tấm gương sáng." || !got.Delegate {
		t.Errorf("saved %+v", got)
	}
	if m.cell(2, 3) != "16" || m.cell(2, 4) != "Đạt" || m.cell(2, 5) != "✓" {
		t.Errorf("after saving the row reads %q %q %q", m.cell(2, 3), m.cell(2, 4), m.cell(2, 5))
	}

	// Clearing the votes records the model as not voted on.
	m.list.Select(widget.TableCellID{Row: 1, Col: 0})
	test.Tap(m.editBtn)
	f = m.modelForm
	if f.votes.Text != "10" {
		t.Errorf("votes shown %q, want 10", f.votes.Text)
	}
	f.votes.SetText("")
	test.Tap(f.save)
	if got := svc.savedModels[1]; got.Voted || got.VotesFor != 0 || got.ID != 2 {
		t.Errorf("saved %+v, want not voted", got)
	}
}

func TestModels_VotesErrorShowsUnderItsField(t *testing.T) {
	svc := newFake()
	v, _ := newTestView(t, svc)
	m := v.models
	m.list.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(m.editBtn)
	f := m.modelForm
	msg := "25 không hợp lệ; nhập từ 0 đến số đại biểu có mặt (18)"
	svc.saveModelErr = domain.FieldError{Field: service.FieldVotesFor, Msg: msg}
	f.votes.SetText("25")
	test.Tap(f.save)
	if got := f.form.ErrorFor(service.FieldVotesFor); got != msg {
		t.Errorf("error under %s: %q", service.FieldVotesFor, got)
	}
	if m.cell(0, 3) != "15" {
		t.Errorf("a refused vote was listed: %q", m.cell(0, 3))
	}

	// What cannot be read is said before asking.
	f.votes.SetText("mười")
	test.Tap(f.save)
	if len(svc.savedModels) != 1 || f.form.ErrorFor(service.FieldVotesFor) == "" {
		t.Errorf("SaveModel called %d times; error %q", len(svc.savedModels), f.form.ErrorFor(service.FieldVotesFor))
	}
}

func TestModels_ConferenceSavesThroughSavePeriod(t *testing.T) {
	svc := newFake()
	svc.periods[0].Results = "Kết quả đã lưu."
	v, _ := newTestView(t, svc)
	m := v.models
	test.Tap(m.confBtn)
	f := m.confForm
	if f == nil || f.date.Text != "20/06/2025" || f.members.Text != "20" || f.present.Text != "18" {
		t.Fatalf("the conference form shows %+v", f)
	}
	f.members.SetText("")
	test.Type(f.members, "40")
	f.present.SetText("")
	test.Type(f.present, "35")
	test.Tap(f.save)
	if len(svc.saved) != 1 {
		t.Fatalf("SavePeriod called %d times", len(svc.saved))
	}
	got := svc.saved[0]
	if got.ID != 2 || got.Conference != (domain.Conference{Date: domain.NewDate(2025, 6, 20), Members: 40, Present: 35}) ||
		got.Results != "Kết quả đã lưu." || got.FromYear != 2020 {
		t.Errorf("saved %+v", got)
	}
	// 15 votes are no longer more than half of 40.
	if m.cell(0, 4) != "Không đạt" {
		t.Errorf("with 40 members the unit reads %q", m.cell(0, 4))
	}

	// The service's word on a field is said under it.
	test.Tap(m.confBtn)
	f = m.confForm
	svc.saveErr = domain.FieldErrors{{Field: service.FieldConfPresent, Msg: "50 không hợp lệ"}}
	f.present.SetText("50")
	test.Tap(f.save)
	if got := f.form.ErrorFor(service.FieldConfPresent); got != "50 không hợp lệ" {
		t.Errorf("error under %s: %q", service.FieldConfPresent, got)
	}
	if v.period.Conference.Present != 35 {
		t.Errorf("a refused conference was kept: %+v", v.period.Conference)
	}
}

func TestModels_RemoveAndExport(t *testing.T) {
	svc := newFake()
	v, _ := newTestView(t, svc)
	m := v.models
	m.remove(svc.models[1])
	if !slices.Equal(svc.removed, []int64{2}) || len(m.shown) != 2 {
		t.Errorf("removed %v, %d shown", svc.removed, len(m.shown))
	}
	for doc, name := range map[string]string{
		"minutes": "Biên bản Hội nghị điển hình tiên tiến giai đoạn 2020 - 2025.pdf",
		"list":    "Danh sách gương điển hình giai đoạn 2020 - 2025.xlsx",
	} {
		if got := modelsExportName(v.period.Period, doc); got != name {
			t.Errorf("%s offered as %q", doc, got)
		}
		path := filepath.Join(t.TempDir(), name)
		m.export(doc, path)
		data, err := os.ReadFile(path)
		if err != nil || string(data) != "models "+doc || v.exported != path {
			t.Errorf("%s: file %q, %v", doc, data, err)
		}
	}
}

// bannerText is the message shown above the tabs.
func bannerText(v *View) string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *canvas.Text:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(v.banner)
	return strings.Join(out, " ")
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
	// The models: put forward from the records (the demo's may be none),
	// then their documents.
	test.Tap(v.models.proposeBtn)
	for _, doc := range []string{docMinutes, docBooklet, docDelegates, service.ModelsList} {
		path := filepath.Join(t.TempDir(), modelsExportName(v.period.Period, doc))
		v.models.export(doc, path)
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Errorf("%s export: %v", doc, err)
		}
	}
}
