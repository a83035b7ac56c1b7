package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// Sheet names of the centre's consolidation workbook.
const (
	SheetByOffice    = "Theo đơn vị"
	SheetByAward     = "Theo hình thức"
	SheetNominations = "Danh sách đề nghị"
	SheetOwn         = "Đơn vị tự khen thưởng"
	SheetClusters    = "Xếp hạng cụm"
)

// WriteCentralReport writes the centre's consolidation of a year: per
// office and award the counts ("Theo đơn vị", the office's total row in
// bold above its awards), the nationwide counts per award ("Theo hình
// thức"), every nomination with its verdict, reasons, vote and decision
// ("Danh sách đề nghị", CCCD kept as text), what each office conferred
// itself by its director's decisions, apart from the proposals ("Đơn vị tự
// khen thưởng"), and the emulation clusters
// ranked by the offices' self-assessment totals ("Xếp hạng cụm"). Every
// sheet in the house style: titles, a frozen header with an autofilter,
// A4 landscape.
func WriteCentralReport(r docs.CentralReport, w io.Writer) error {
	year := strconv.Itoa(r.Year)
	b, err := newBook(bookInfo{
		title:    "Tổng hợp đề nghị khen thưởng năm " + year,
		subject:  "Tổng hợp đề nghị khen thưởng của các đơn vị năm " + year,
		author:   nfc(r.Centre),
		keywords: "tổng hợp; đề nghị khen thưởng; " + year,
		date:     r.Date,
	})
	if err != nil {
		return fmt.Errorf("central workbook: %w", err)
	}
	defer b.f.Close()
	sub := "(Tổng hợp từ các gói hồ sơ đơn vị gửi về"
	if !r.Date.IsZero() {
		sub += ", lập ngày " + r.Date.VN()
	}
	sub += ")"
	steps := []struct {
		name  string
		write func() error
	}{
		{SheetByOffice, func() error { return writeByOffice(b, r, sub) }},
		{SheetByAward, func() error { return writeByAward(b, r, sub) }},
		{SheetNominations, func() error { return writeCentralNominations(b, r, sub) }},
		{SheetOwn, func() error { return writeOwnAwards(b, r, sub) }},
		{SheetClusters, func() error { return writeClusters(b, r, sub) }},
	}
	for _, s := range steps {
		if err := s.write(); err != nil {
			return fmt.Errorf("central workbook, sheet %s: %w", s.name, err)
		}
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("central workbook: %w", err)
	}
	return nil
}

// countCells are the count columns shared by the first two sheets.
var countHeaders = []column{
	{"Số đề nghị", 11}, {"Đủ điều kiện", 11}, {"Hội đồng thông qua", 12}, {"Được khen", 11}, {"Không được khen", 12},
}

func countCells(b *workbook, c docs.AwardCount, bold bool) []any {
	st := b.st
	num := st.integer
	if bold {
		num = st.integerB
	}
	return []any{cell(num, c.Nominations), cell(num, c.Eligible), cell(num, c.Passed), cell(num, c.Granted), cell(num, c.Refused)}
}

func writeByOffice(b *workbook, r docs.CentralReport, sub string) error {
	cols := append([]column{{"STT", 6}, {"Mã đơn vị", 11}, {"Tên đơn vị", 34}, {"Danh hiệu, hình thức khen thưởng", 40}}, countHeaders...)
	s, err := b.newSheet(SheetByOffice, cols, 1, 3)
	if err != nil {
		return err
	}
	if err := s.titles(fmt.Sprintf("TỔNG HỢP ĐỀ NGHỊ KHEN THƯỞNG NĂM %d THEO ĐƠN VỊ", r.Year), sub); err != nil {
		return err
	}
	if err := s.header(centralHeaders(cols), 36); err != nil {
		return err
	}
	st := b.st
	for i, o := range r.Offices {
		row := []any{cell(st.centerB, i+1), cell(st.textBold, o.UnitCode), cell(st.textBold, o.UnitName), cell(st.textBold, "Cộng")}
		if err := s.add(append(row, countCells(b, o.Total, true)...)); err != nil {
			return err
		}
		for _, a := range o.Awards {
			row := []any{cell(st.center, nil), cell(st.text, o.UnitCode), cell(st.text, o.UnitName), cell(st.text, centralName(a.AwardName, a.Award))}
			if err := s.add(append(row, countCells(b, a, false)...)); err != nil {
				return err
			}
		}
	}
	return s.finish(s.row)
}

func writeByAward(b *workbook, r docs.CentralReport, sub string) error {
	cols := append([]column{{"STT", 6}, {"Mã", 11}, {"Danh hiệu, hình thức khen thưởng", 44}}, countHeaders...)
	cols = append(cols, column{"Số đơn vị đề nghị", 12})
	s, err := b.newSheet(SheetByAward, cols, 1, 3)
	if err != nil {
		return err
	}
	if err := s.titles(fmt.Sprintf("TỔNG HỢP ĐỀ NGHỊ KHEN THƯỞNG NĂM %d THEO DANH HIỆU, HÌNH THỨC (TOÀN QUỐC)", r.Year), sub); err != nil {
		return err
	}
	if err := s.header(centralHeaders(cols), 36); err != nil {
		return err
	}
	st := b.st
	offices := map[string]int{}
	for _, o := range r.Offices {
		for _, a := range o.Awards {
			offices[a.Award]++
		}
	}
	for i, a := range r.Awards {
		row := []any{cell(st.center, i+1), cell(st.center, a.Award), cell(st.text, centralName(a.AwardName, a.Award))}
		row = append(row, countCells(b, a, false)...)
		if err := s.add(append(row, cell(st.integer, offices[a.Award]))); err != nil {
			return err
		}
	}
	last := s.row
	row := []any{cell(st.centerB, nil), cell(st.centerB, nil), cell(st.textBold, "Toàn quốc")}
	row = append(row, countCells(b, r.Total, true)...)
	if err := s.add(append(row, cell(st.integerB, len(r.Offices)))); err != nil {
		return err
	}
	// The filter covers the awards, not the total under them.
	return s.finish(last)
}

func writeCentralNominations(b *workbook, r docs.CentralReport, sub string) error {
	cols := []column{
		{"STT", 6}, {"Mã hồ sơ", 9}, {"Mã đơn vị", 10}, {"Đơn vị", 26}, {"Đối tượng", 10}, {"Mã", 12},
		{"Họ và tên / Tên tập thể", 28}, {"Số CCCD", 15}, {"Danh hiệu, hình thức", 30}, {"Đủ điều kiện", 10},
		{"Lý do", 44}, {"Giải trình của đơn vị", 36}, {"Đồng ý", 8}, {"Không đồng ý", 9}, {"Không biểu quyết", 10},
		{"Tỷ lệ đồng ý (%)", 10}, {"Hội đồng thông qua", 11}, {"Quyết định của Trung ương", 24}, {"Mã đề nghị của đơn vị", 11},
	}
	s, err := b.newSheet(SheetNominations, cols, 1, 2)
	if err != nil {
		return err
	}
	if err := s.titles(fmt.Sprintf("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM %d CỦA CÁC ĐƠN VỊ", r.Year), sub); err != nil {
		return err
	}
	if err := s.header(centralHeaders(cols), 48); err != nil {
		return err
	}
	st := b.st
	for i, n := range r.Nominations {
		subject := "Cá nhân"
		if n.Subject == domain.SubjectCollective {
			subject = "Tập thể"
		}
		var pct, vf, va, vn any
		if n.Voted {
			pct, vf, va, vn = n.Pct, n.For, n.Against, n.Abstain
		}
		decision := n.Decision.Label()
		if n.DecisionNote != "" {
			decision = strings.TrimSpace(decision + ": " + n.DecisionNote)
		}
		if err := s.add([]any{
			cell(st.center, i+1), cell(st.center, n.ID), cell(st.center, n.UnitCode), cell(st.text, n.UnitName), cell(st.center, subject),
			cell(st.text, n.Code), cell(st.text, n.Name), cell(st.center, n.CCCD), cell(st.text, centralName(n.AwardName, n.Award)),
			cell(st.center, centralYesNo(n.Eligible)), cell(st.text, strings.Join(n.Reasons, "\n")), cell(st.text, n.Justification),
			cell(st.integer, vf), cell(st.integer, va), cell(st.integer, vn), cell(st.percent, pct), cell(st.center, centralYesNo(n.Passed)),
			cell(st.text, decision), cell(st.center, n.Ref),
		}); err != nil {
			return err
		}
	}
	return s.finish(s.row)
}

func writeOwnAwards(b *workbook, r docs.CentralReport, sub string) error {
	cols := []column{
		{"STT", 6}, {"Mã đơn vị", 11}, {"Tên đơn vị", 30}, {"Danh hiệu, hình thức khen thưởng", 32}, {"Hội đồng đơn vị thông qua", 12},
		{"Quyết định số", 18}, {"Ngày quyết định", 13}, {"Người ký", 34}, {"Số được khen theo quyết định", 13},
	}
	s, err := b.newSheet(SheetOwn, cols, 1, 3)
	if err != nil {
		return err
	}
	if err := s.titles(fmt.Sprintf("KHEN THƯỞNG THUỘC THẨM QUYỀN CỦA ĐƠN VỊ NĂM %d", r.Year), "(Đơn vị tự quyết định; tổng hợp để thống kê, không thuộc các đề nghị gửi Trung ương)"); err != nil {
		return err
	}
	if err := s.header(centralHeaders(cols), 48); err != nil {
		return err
	}
	st := b.st
	for i, a := range r.Own {
		number, count, date := any("Chưa ghi quyết định"), any(nil), any(nil)
		if a.Number != "" {
			number, count = a.Number, a.Count
		}
		if !a.Date.IsZero() {
			date = a.Date.Time()
		}
		if err := s.add([]any{
			cell(st.center, i+1), cell(st.center, a.UnitCode), cell(st.text, a.UnitName), cell(st.text, centralName(a.AwardName, a.Award)),
			cell(st.integer, a.Passed), cell(st.text, number), cell(st.date, date), cell(st.text, a.Signer), cell(st.integer, count),
		}); err != nil {
			return err
		}
	}
	return s.finish(s.row)
}

func writeClusters(b *workbook, r docs.CentralReport, sub string) error {
	cols := []column{{"Cụm thi đua", 34}, {"Thứ hạng", 9}, {"Mã đơn vị", 11}, {"Tên đơn vị", 36}, {"Tổng điểm", 11}, {"Điểm tối đa", 11}, {"Tỷ lệ (%)", 10}}
	s, err := b.newSheet(SheetClusters, cols, 1, 1)
	if err != nil {
		return err
	}
	if err := s.titles(fmt.Sprintf("XẾP HẠNG THI ĐUA THEO CỤM NĂM %d (THEO ĐIỂM TỰ CHẤM CỦA ĐƠN VỊ)", r.Year), sub); err != nil {
		return err
	}
	if err := s.header(centralHeaders(cols), 36); err != nil {
		return err
	}
	st := b.st
	for _, c := range r.Clusters {
		name := c.Cluster
		if name == "" {
			name = docs.NoCluster
		}
		for _, o := range c.Offices {
			var pct any
			if o.Max > 0 {
				pct = 100 * o.Total / o.Max
			}
			if err := s.add([]any{
				cell(st.text, name), cell(st.center, o.Rank), cell(st.center, o.UnitCode), cell(st.text, o.UnitName),
				cell(st.score, o.Total), cell(st.score, o.Max), cell(st.percent, pct),
			}); err != nil {
				return err
			}
		}
	}
	return s.finish(s.row)
}

func centralHeaders(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.header
	}
	return out
}

func centralName(name, code string) string {
	if strings.TrimSpace(name) == "" {
		return code
	}
	return name
}

func centralYesNo(b bool) string {
	if b {
		return "Có"
	}
	return "Không"
}
