package xlsx

import (
	"fmt"
	"io"
	"slices"
	"strconv"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// SheetReview is the sheet of the movement review workbook.
const SheetReview = "Số liệu"

// reviewFixed is the number of columns before the years: STT, Chỉ tiêu,
// Đơn vị tính, Chiều đánh giá.
const reviewFixed = 4

// WriteMovementReview writes a movement's targets over its years for an
// interim or final review (sơ kết, tổng kết): one row per target, and per
// year a group of three columns, Kế hoạch, Thực hiện and Tỷ lệ (%), under
// the year merged across them; the percentage is a formula in the target's
// direction. A spreadsheet has room for every year, so unlike the printed
// document it never folds the years into one column.
func WriteMovementReview(in docs.MovementReviewInput, w io.Writer) error {
	office := nfc(in.Profile.UnitName)
	m := in.Movement
	years := slices.Clone(in.Years)
	slices.Sort(years)
	years = slices.Compact(years)
	span := ""
	if len(years) > 0 {
		span = strconv.Itoa(years[0])
		if len(years) > 1 {
			span += " - " + strconv.Itoa(years[len(years)-1])
		}
	}
	b, err := newBook(bookInfo{
		title:    "Số liệu phục vụ sơ kết, tổng kết: " + nfc(m.Name),
		subject:  "Chỉ tiêu của phong trào thi đua qua các năm " + span,
		author:   office,
		keywords: "sơ kết; tổng kết; phong trào thi đua",
		date:     in.Date,
	})
	if err != nil {
		return fmt.Errorf("review workbook: %w", err)
	}
	defer b.f.Close()

	cols := []column{{"STT", 6}, {"Chỉ tiêu", 36}, {"Đơn vị tính", 11}, {"Chiều đánh giá", 15}}
	for range years {
		cols = append(cols, column{"Kế hoạch", 12}, column{"Thực hiện", 12}, column{"Tỷ lệ (%)", 10})
	}
	s, err := b.newSheet(SheetReview, cols, 2, 2)
	if err != nil {
		return fmt.Errorf("review workbook: %w", err)
	}
	title := "SỐ LIỆU PHỤC VỤ SƠ KẾT, TỔNG KẾT PHONG TRÀO THI ĐUA – " + office
	sub := nfc(m.Name)
	if span != "" {
		sub += " (" + span + ")"
	}
	if err := s.titles(title, sub); err != nil {
		return fmt.Errorf("review workbook: %w", err)
	}
	// Two header rows: the years merged over their three columns, and the
	// fixed columns merged down both rows.
	top := make([]string, len(cols))
	bottom := make([]string, len(cols))
	for i := range reviewFixed {
		top[i] = cols[i].header
	}
	for k, y := range years {
		c := reviewFixed + 3*k
		top[c] = "Năm " + strconv.Itoa(y)
		bottom[c], bottom[c+1], bottom[c+2] = "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"
	}
	if err := s.header(top, 22); err != nil {
		return fmt.Errorf("review workbook: %w", err)
	}
	if err := s.header(bottom, 22); err != nil {
		return fmt.Errorf("review workbook: %w", err)
	}
	for i := range reviewFixed {
		if err := s.merge(ref(i+1, headerRow), ref(i+1, headerRow+1)); err != nil {
			return fmt.Errorf("review workbook: %w", err)
		}
	}
	for k := range years {
		c := reviewFixed + 3*k + 1
		if err := s.merge(ref(c, headerRow), ref(c+2, headerRow)); err != nil {
			return fmt.Errorf("review workbook: %w", err)
		}
	}

	targets := slices.Clone(m.Targets)
	slices.SortStableFunc(targets, func(a, b domain.Target) int { return a.SortOrder - b.SortOrder })
	st := b.st
	for i, tg := range targets {
		r := s.row + 1
		dir := "Cao hơn là tốt"
		if !tg.HigherBetter {
			dir = "Thấp hơn là tốt"
		}
		row := []any{cell(st.center, i+1), cell(st.text, tg.Name), cell(st.center, tg.Unit), cell(st.center, dir)}
		for k, y := range years {
			c := reviewFixed + 3*k + 1
			v, ok := in.Values[tg.ID][y]
			if !ok {
				row = append(row, cell(st.decimal, nil), cell(st.decimal, nil), cell(st.percent, nil))
				continue
			}
			pctF, _ := targetFormulas(tg.HigherBetter, ref(c, r), ref(c+1, r))
			var actual any
			var cached any = ""
			if v.HasActual {
				actual = v.Actual
				cached, _ = tg.Achieved(v.Planned, v.Actual)
			}
			actualCell := cell(st.decimal, nil)
			if actual != nil {
				actualCell = cell(st.number(v.Actual, false), actual)
			}
			row = append(row, cell(st.number(v.Planned, false), v.Planned), actualCell, formula(st.percent, pctF, cached))
		}
		if err := s.add(row); err != nil {
			return fmt.Errorf("review workbook: %w", err)
		}
	}
	if len(targets) == 0 {
		if err := s.add([]any{cell(st.text, nil), cell(st.text, "Phong trào chưa có chỉ tiêu")}); err != nil {
			return fmt.Errorf("review workbook: %w", err)
		}
	}
	if err := s.finish(s.row); err != nil {
		return fmt.Errorf("review workbook: %w", err)
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("review workbook: %w", err)
	}
	return nil
}
