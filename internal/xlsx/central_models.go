package xlsx

import (
	"fmt"
	"io"
	"strings"

	"tdkt/internal/docs"
)

// Sheets of the sector's workbook of a period's models.
const (
	SheetCentralModels  = "Gương điển hình"
	SheetCentralOffices = "Theo đơn vị"
)

// WriteCentralModels writes the sector's list of a period's exemplary
// models: every model of every office with its record and its office's
// vote, and per office the models put forward, selected and named
// delegates, with the sector's totals as live formulas.
func WriteCentralModels(in docs.CentralModelsInput, w io.Writer) error {
	span := fmt.Sprintf("%d - %d", in.From, in.To)
	b, err := newBook(bookInfo{
		title:    "Gương điển hình tiên tiến toàn ngành giai đoạn " + span,
		subject:  "Tổng hợp gương điển hình tiên tiến do các đơn vị đề nghị",
		author:   "Bảo hiểm xã hội Việt Nam",
		keywords: "điển hình tiên tiến; đại hội thi đua yêu nước; tổng hợp",
		date:     in.Date,
	})
	if err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	defer b.f.Close()
	st := b.st

	cols := []column{{"STT", 6}, {"Đơn vị đề nghị", 28}, {"Tên tập thể, cá nhân", 30}, {"Loại", 10}, {"Đơn vị công tác", 26},
		{"Thành tích tiêu biểu", 60}, {"Tỷ lệ phiếu (%)", 10}, {"Được chọn", 10}, {"Đại biểu", 10}}
	s, err := b.newSheet(SheetCentralModels, cols, 2, 1)
	if err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	if err := s.titles("GƯƠNG ĐIỂN HÌNH TIÊN TIẾN TOÀN NGÀNH GIAI ĐOẠN "+span, "Theo gói giai đoạn các đơn vị gửi lên"); err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	if err := s.header(headersOf(cols), 30); err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	type tally struct {
		name                        string
		models, selected, delegates int
	}
	var order []string
	by := map[string]*tally{}
	mark := func(ok bool) string {
		if ok {
			return "x"
		}
		return ""
	}
	for i, m := range in.Models {
		t := by[m.UnitCode]
		if t == nil {
			t = &tally{name: nfc(m.UnitName)}
			by[m.UnitCode] = t
			order = append(order, m.UnitCode)
		}
		t.models++
		if m.Selected {
			t.selected++
		}
		if m.Delegate {
			t.delegates++
		}
		kind := "Cá nhân"
		if m.Collective {
			kind = "Tập thể"
		}
		row := []any{cell(st.center, i+1), cell(st.text, nfc(m.UnitName)), cell(st.text, nfc(m.Name)), cell(st.center, kind), cell(st.text, nfc(m.SubUnit)),
			cell(st.text, nfc(strings.Join(m.Reasons, "\n"))), cell(st.percent, m.Pct), cell(st.center, mark(m.Selected)), cell(st.center, mark(m.Delegate))}
		if err := s.add(row); err != nil {
			return fmt.Errorf("central models workbook: %w", err)
		}
	}
	if err := s.finish(s.row); err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}

	ocols := []column{{"STT", 6}, {"Mã", 10}, {"Đơn vị", 36}, {"Số gương đề nghị", 12}, {"Được Hội nghị chọn", 12}, {"Đại biểu", 10}}
	o, err := b.newSheet(SheetCentralOffices, ocols, 2, 1)
	if err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	if err := o.titles("TỔNG HỢP THEO ĐƠN VỊ GIAI ĐOẠN "+span, fmt.Sprintf("%d đơn vị đã gửi gói giai đoạn", len(order))); err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	if err := o.header(headersOf(ocols), 30); err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	first := o.row + 1
	var sum [3]int
	for i, code := range order {
		t := by[code]
		sum[0], sum[1], sum[2] = sum[0]+t.models, sum[1]+t.selected, sum[2]+t.delegates
		if err := o.add([]any{cell(st.center, i+1), cell(st.center, code), cell(st.text, t.name), cell(st.center, t.models), cell(st.center, t.selected), cell(st.center, t.delegates)}); err != nil {
			return fmt.Errorf("central models workbook: %w", err)
		}
	}
	last := o.row
	total := []any{cell(st.center, nil), cell(st.center, nil), cell(st.text, "Toàn ngành")}
	for k, c := range []int{4, 5, 6} {
		if len(order) == 0 {
			total = append(total, cell(st.center, 0))
			continue
		}
		total = append(total, formula(st.center, fmt.Sprintf("SUM(%s:%s)", ref(c, first), ref(c, last)), sum[k]))
	}
	if err := o.add(total); err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	if err := o.finish(o.row); err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("central models workbook: %w", err)
	}
	return nil
}

// headersOf are the columns' headers.
func headersOf(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.header
	}
	return out
}
