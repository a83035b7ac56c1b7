package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// Sheet names of the registration workbook.
const (
	SheetCollectives = "Tập thể"
	SheetIndividuals = "Cá nhân"
)

// WriteRegistration writes the spreadsheet twin of the Bản đăng ký thi đua:
// sheet "Tập thể" with one row per collective, its titles and one column
// per target holding the planned value as a number; sheet "Cá nhân" with
// one row per person (the birth date a real date) and one column per award
// that anyone registered, marked "x", so that the autofilter picks out, say,
// everyone aiming for Chiến sĩ thi đua cơ sở. A "Cộng" row under the people
// counts the marks of the rows the filter shows.
func WriteRegistration(in docs.RegistrationInput, w io.Writer) error {
	office := nfc(in.Profile.UnitName)
	year := strconv.Itoa(in.Year)
	b, err := newBook(bookInfo{
		title:    "Bản đăng ký thi đua năm " + year,
		subject:  "Đăng ký danh hiệu thi đua, hình thức khen thưởng và chỉ tiêu thi đua năm " + year,
		author:   office,
		keywords: "đăng ký thi đua; " + year,
		date:     in.Date,
	})
	if err != nil {
		return fmt.Errorf("registration workbook: %w", err)
	}
	defer b.f.Close()
	title := "BẢN ĐĂNG KÝ THI ĐUA NĂM " + year + " – " + office
	sub := registrationSubtitle(in)
	if err := writeCollectives(b, in, title, "Phần I. Đăng ký tập thể"+sub); err != nil {
		return fmt.Errorf("registration workbook, sheet %s: %w", SheetCollectives, err)
	}
	if err := writeIndividuals(b, in, title, "Phần II. Đăng ký cá nhân"+sub); err != nil {
		return fmt.Errorf("registration workbook, sheet %s: %w", SheetIndividuals, err)
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("registration workbook: %w", err)
	}
	return nil
}

// registrationSubtitle ties the sheets to the signed document:
// " (kèm theo Bản đăng ký số 07/ĐK-BHXH ngày 15/01/2026)".
func registrationSubtitle(in docs.RegistrationInput) string {
	s := ""
	if in.Number > 0 {
		s += " số " + docs.Number(in.Number, "ĐK", in.Profile.DocNumberCode)
	}
	if !in.Date.IsZero() {
		s += " ngày " + in.Date.VN()
	}
	if s == "" {
		return ""
	}
	return " (kèm theo Bản đăng ký" + s + ")"
}

// targetColumn is a target that some collective committed to.
type targetColumn struct {
	key  string
	name string
}

func targetKey(t domain.Target) string {
	if t.ID != 0 {
		return "#" + strconv.FormatInt(t.ID, 10)
	}
	return nfc(t.Name)
}

func writeCollectives(b *workbook, in docs.RegistrationInput, title, subtitle string) error {
	var targets []targetColumn
	seen := map[string]bool{}
	for _, c := range in.Collectives {
		for _, tl := range c.Targets {
			k := targetKey(tl.Target)
			if seen[k] {
				continue
			}
			seen[k] = true
			name := nfc(tl.Target.Name)
			if u := nfc(tl.Target.Unit); u != "" {
				name += " (" + u + ")"
			}
			targets = append(targets, targetColumn{key: k, name: name})
		}
	}
	cols := []column{{"STT", 6}, {"Mã đơn vị", 12}, {"Tên tập thể", 40}, {"Danh hiệu, hình thức đăng ký", 36}}
	for _, t := range targets {
		cols = append(cols, column{t.name, 16})
	}
	cols = append(cols, column{"Ghi chú", 24})
	s, err := b.newSheet(SheetCollectives, cols, 1, 3)
	if err != nil {
		return err
	}
	if err := s.titles(title, subtitle); err != nil {
		return err
	}
	hs := make([]string, len(cols))
	for i, c := range cols {
		hs[i] = c.header
	}
	if err := s.header(hs, 48); err != nil {
		return err
	}
	st := b.st
	for i, c := range in.Collectives {
		planned := map[string]float64{}
		for _, tl := range c.Targets {
			planned[targetKey(tl.Target)] = tl.Planned
		}
		row := []any{cell(st.center, i+1), cell(st.center, c.Unit.Code), cell(st.text, c.Unit.Name), cell(st.text, awardList(c.Awards))}
		for _, t := range targets {
			if v, ok := planned[t.key]; ok {
				row = append(row, cell(st.number(v, false), v))
			} else {
				row = append(row, cell(st.text, nil))
			}
		}
		row = append(row, cell(st.text, c.Note))
		if err := s.add(row); err != nil {
			return err
		}
	}
	return s.finish(s.row)
}

func awardList(as []docs.AwardName) string {
	names := make([]string, 0, len(as))
	for _, a := range as {
		if n := awardLabel(a); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}

func awardLabel(a docs.AwardName) string {
	if n := nfc(a.Name); n != "" {
		return n
	}
	return nfc(a.Code)
}

func awardKey(a docs.AwardName) string {
	if c := nfc(a.Code); c != "" {
		return c
	}
	return nfc(a.Name)
}

func writeIndividuals(b *workbook, in docs.RegistrationInput, title, subtitle string) error {
	// One column per award registered by anyone, in order of first appearance.
	var awards []docs.AwardName
	seen := map[string]bool{}
	for _, e := range in.Individuals {
		for _, a := range e.Awards {
			if k := awardKey(a); k != "" && !seen[k] {
				seen[k] = true
				awards = append(awards, a)
			}
		}
	}
	cols := []column{{"STT", 6}, {"Mã cán bộ", 12}, {"Họ và tên", 26}, {"Ngày sinh", 12}, {"Giới tính", 9}, {"Chức vụ", 20}, {"Đơn vị", 46}}
	const fixed = 7
	for _, a := range awards {
		cols = append(cols, column{awardLabel(a), 14})
	}
	cols = append(cols, column{"Ghi chú", 24})
	s, err := b.newSheet(SheetIndividuals, cols, 1, 3)
	if err != nil {
		return err
	}
	if err := s.titles(title, subtitle); err != nil {
		return err
	}
	hs := make([]string, len(cols))
	for i, c := range cols {
		hs[i] = c.header
	}
	if err := s.header(hs, 48); err != nil {
		return err
	}
	st := b.st
	counts := make([]int, len(awards))
	first := s.row + 1
	for i, e := range in.Individuals {
		p := e.Person
		var birth any
		if !p.BirthDate.IsZero() {
			birth = p.BirthDate.Time()
		}
		row := make([]any, 0, len(cols))
		row = append(row, cell(st.center, i+1), cell(st.center, p.StaffCode), cell(st.text, p.FullName),
			cell(st.date, birth), cell(st.center, p.Gender.Label()), cell(st.text, p.Position), cell(st.text, e.UnitName))
		has := map[string]bool{}
		for _, a := range e.Awards {
			has[awardKey(a)] = true
		}
		for j, a := range awards {
			var mark any
			if has[awardKey(a)] {
				mark = "x"
				counts[j]++
			}
			row = append(row, cell(st.mark, mark))
		}
		row = append(row, cell(st.text, e.Note))
		if err := s.add(row); err != nil {
			return err
		}
	}
	last := s.row
	if len(in.Individuals) > 0 {
		// SUBTOTAL(3, …) counts the marks of the rows the filter leaves visible.
		total := []any{cell(st.centerB, nil), cell(st.centerB, nil), cell(st.textBold, "Cộng"), cell(st.textBold, nil),
			cell(st.textBold, nil), cell(st.textBold, nil), formula(st.textBold, fmt.Sprintf("SUBTOTAL(3,C%d:C%d)&\" người\"", first, last), fmt.Sprintf("%d người", len(in.Individuals)))}
		for j := range awards {
			col := fixed + 1 + j
			total = append(total, formula(st.integerB, fmt.Sprintf("SUBTOTAL(3,%s%d:%s%d)", colName(col), first, colName(col), last), counts[j]))
		}
		total = append(total, cell(st.textBold, nil))
		if err := s.add(total); err != nil {
			return err
		}
	}
	return s.finish(last)
}
