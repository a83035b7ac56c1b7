package xlsx

import (
	"fmt"
	"io"
	"strings"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// SheetModels is the sheet of the exemplary models' list.
const SheetModels = "Gương điển hình"

// WriteModels writes the list of a period's exemplary models: each model
// put before the Hội nghị điển hình tiên tiến with its record, its vote
// and share of the delegates called (a formula), whether it was selected
// and named a delegate.
func WriteModels(in docs.ModelsInput, w io.Writer) error {
	office := nfc(in.Profile.UnitName)
	span := fmt.Sprintf("%d - %d", in.Period.FromYear, in.Period.ToYear)
	b, err := newBook(bookInfo{
		title:    "Gương điển hình tiên tiến giai đoạn " + span,
		subject:  "Danh sách tập thể, cá nhân điển hình tiên tiến",
		author:   office,
		keywords: "điển hình tiên tiến; đại hội thi đua yêu nước",
		date:     in.Date,
	})
	if err != nil {
		return fmt.Errorf("models workbook: %w", err)
	}
	defer b.f.Close()
	cols := []column{{"STT", 6}, {"Tên tập thể, cá nhân", 30}, {"Loại", 10}, {"Đơn vị", 28}, {"Thành tích tiêu biểu", 60},
		{"Số phiếu đồng ý", 10}, {"Tỷ lệ (%)", 10}, {"Kết quả", 12}, {"Đại biểu dự Đại hội", 12}}
	s, err := b.newSheet(SheetModels, cols, 2, 1)
	if err != nil {
		return fmt.Errorf("models workbook: %w", err)
	}
	if err := s.titles("DANH SÁCH GƯƠNG ĐIỂN HÌNH TIÊN TIẾN GIAI ĐOẠN "+span+" – "+office,
		fmt.Sprintf("Hội nghị điển hình tiên tiến: %d đại biểu được triệu tập, %d có mặt; được chọn khi đạt trên %s số phiếu", in.Conference.Members, in.Conference.Present, docs.Pct(in.Threshold))); err != nil {
		return fmt.Errorf("models workbook: %w", err)
	}
	if err := s.header(headersOf(cols), 30); err != nil {
		return fmt.Errorf("models workbook: %w", err)
	}
	st := b.st
	for i, m := range in.Models {
		r := s.row + 1
		kind := "Cá nhân"
		if m.Subject.Kind == domain.SubjectCollective {
			kind = "Tập thể"
		}
		var reasons []string
		for _, x := range m.Reasons {
			reasons = append(reasons, nfc(x.Text))
		}
		votes, pct, result := cell(st.center, nil), cell(st.percent, nil), cell(st.center, "Chưa bầu")
		if m.Voted {
			votes = cell(st.center, m.VotesFor)
			var cached any = ""
			if in.Conference.Members > 0 {
				cached = 100 * float64(m.VotesFor) / float64(in.Conference.Members)
			}
			pct = formula(st.percent, fmt.Sprintf(`IFERROR(%s*100/%d,"")`, ref(6, r), in.Conference.Members), cached)
			result = cell(st.center, "Không đạt")
			if m.Selected(in.Conference, in.Threshold) {
				result = cell(st.center, "Đạt")
			}
		}
		delegate := ""
		if m.Delegate {
			delegate = "x"
		}
		row := []any{cell(st.center, i+1), cell(st.text, nfc(m.Name)), cell(st.center, kind), cell(st.text, nfc(m.Unit)),
			cell(st.text, strings.Join(reasons, "\n")), votes, pct, result, cell(st.center, delegate)}
		if err := s.add(row); err != nil {
			return fmt.Errorf("models workbook: %w", err)
		}
	}
	if err := s.finish(s.row); err != nil {
		return fmt.Errorf("models workbook: %w", err)
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("models workbook: %w", err)
	}
	return nil
}
