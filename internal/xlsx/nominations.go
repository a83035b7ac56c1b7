package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"tdkt/internal/docs"
)

// maxSheetName is Excel's limit on a sheet name, in characters.
const maxSheetName = 31

// SheetName makes a valid, unique sheet name of an award name: without
// []:*?/\, without leading or trailing apostrophes, at most 31 characters,
// and different from the names in used (compared case-insensitively, as
// Excel does), by a " (2)" suffix if need be.
func SheetName(name string, used map[string]bool) string {
	name = strings.Map(func(r rune) rune {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			return '-'
		}
		return r
	}, nfc(name))
	name = strings.Trim(strings.Join(strings.Fields(name), " "), "'")
	if name == "" {
		name = "Danh sách"
	}
	cut := func(s string, n int) string {
		if utf8.RuneCountInString(s) <= n {
			return s
		}
		return strings.TrimSpace(string([]rune(s)[:n]))
	}
	out := cut(name, maxSheetName)
	for i := 2; used[strings.ToLower(out)]; i++ {
		suf := " (" + strconv.Itoa(i) + ")"
		out = cut(name, maxSheetName-utf8.RuneCountInString(suf)) + suf
	}
	used[strings.ToLower(out)] = true
	return out
}

// WriteNominationList writes the Danh sách đề nghị khen thưởng of the
// round: one sheet per award with the nominees the council passed, headed
// as the list it is (an award the office confers under its Quyết định, a
// proposal up under its Tờ trình), collectives (A. TẬP THỂ) before people
// (B. CÁ NHÂN), in the columns of
// the PDF annex: the birth date a real date, the vote share a number (%).
// Each sheet has the office's title rows, a frozen header with an
// autofilter, and prints on A4 landscape with the header on every page.
func WriteNominationList(in docs.DossierInput, w io.Writer) error {
	office := nfc(in.Profile.UnitName)
	year := strconv.Itoa(in.Round.Year)
	b, err := newBook(bookInfo{
		title:    "Danh sách đề nghị khen thưởng năm " + year,
		subject:  "Danh sách tập thể, cá nhân đề nghị khen thưởng năm " + year,
		author:   office,
		keywords: "danh sách đề nghị khen thưởng; " + year,
		date:     in.Round.Date,
	})
	if err != nil {
		return fmt.Errorf("nomination workbook: %w", err)
	}
	defer b.f.Close()
	gs := docs.NominationGroups(in)
	used := map[string]bool{}
	if len(gs) == 0 {
		gs = []docs.ListGroup{{Name: "Danh sách", Title: "Đề nghị khen thưởng năm " + year}}
	}
	for _, g := range gs {
		name := SheetName(g.Name, used)
		title := "DANH SÁCH " + docs.Upper(nfc(g.Title))
		if err := writeNominationSheet(b, name, title, nfc(g.Subtitle), g); err != nil {
			return fmt.Errorf("nomination workbook, sheet %s: %w", name, err)
		}
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("nomination workbook: %w", err)
	}
	return nil
}

func writeNominationSheet(b *workbook, name, title, sub string, g docs.ListGroup) error {
	widths := []float64{6, 28, 12, 9, 18, 36, 24, 48, 10, 18}
	cols := make([]column, len(docs.ListColumns))
	for i, h := range docs.ListColumns {
		if h == "Tỷ lệ phiếu" {
			h = "Tỷ lệ phiếu (%)"
		}
		cols[i] = column{h, widths[i]}
	}
	s, err := b.newSheet(name, cols, 1, 2)
	if err != nil {
		return err
	}
	if err := s.titles(title, sub); err != nil {
		return err
	}
	hs := make([]string, len(cols))
	for i, c := range cols {
		hs[i] = c.header
	}
	if err := s.header(hs, 36); err != nil {
		return err
	}
	st := b.st
	group := func(label string) error {
		row := []any{cell(st.centerB, nil), cell(st.textBold, label)}
		for range len(cols) - 2 {
			row = append(row, cell(st.textBold, nil))
		}
		return s.add(row)
	}
	for part, rows := range [][]docs.ListRow{g.Collectives, g.People} {
		if len(rows) == 0 {
			continue
		}
		if err := group([]string{"A. TẬP THỂ", "B. CÁ NHÂN"}[part]); err != nil {
			return err
		}
		for i, r := range rows {
			var birth any
			if !r.Birth.IsZero() {
				birth = r.Birth.Time()
			}
			if err := s.add([]any{
				cell(st.center, i+1), cell(st.text, r.Name), cell(st.date, birth), cell(st.center, r.Gender),
				cell(st.text, r.Position), cell(st.text, r.Unit), cell(st.text, r.Award), cell(st.text, r.Basis),
				cell(st.percent, r.VotePct), cell(st.text, r.Note),
			}); err != nil {
				return err
			}
		}
	}
	return s.finish(s.row)
}
