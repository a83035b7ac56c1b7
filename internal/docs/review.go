package docs

import (
	"slices"
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// wideYears is the most years a movement review shows with three columns
// each (Kế hoạch, Thực hiện, Tỷ lệ); with more, each year gets one column
// "thực hiện / kế hoạch (tỷ lệ %)" so the table still fits a landscape page.
const wideYears = 3

// MovementReview is the table of a movement's targets over its years, side
// by side, that the office prepares for an interim or final review of the
// movement (sơ kết, tổng kết). Landscape: the years are column groups.
func MovementReview(in MovementReviewInput) Document {
	p := in.Profile
	m := in.Movement
	office := officeName(p)
	years := slices.Clone(in.Years)
	slices.Sort(years)
	years = slices.Compact(years)
	kind := reviewKind(m, years)
	name := lowerFirst(movementName(clean(m.Name))) // mid-sentence
	// The movement is named with its own period (the Resolution 28
	// movement runs 2019 - 2030 whatever year is reviewed), unless its
	// name already says it; the years of the figures come after.
	if period := movementPeriod(m); period != "" && !strings.Contains(domain.Fold(name), domain.Fold(period)) {
		name += " " + period
	}
	span := ""
	if len(years) > 0 {
		span = "từ năm " + strconv.Itoa(years[0]) + " đến năm " + strconv.Itoa(years[len(years)-1])
		if len(years) == 1 {
			span = "năm " + strconv.Itoa(years[0])
		}
		if strings.Contains(domain.Fold(name), domain.Fold(span)) {
			span = ""
		}
	}

	var body []Block
	var bases []string
	if b := movementBasis(m); b != "" {
		bases = append(bases, b)
	}
	body = append(body, CanCu(bases...)...)
	intro := "Phục vụ " + strings.ToLower(kind.Label()) + " " + name + ", " + office + " tổng hợp số liệu thực hiện các chỉ tiêu của phong trào"
	if span != "" {
		intro += " " + span
	}
	intro += " như sau:"
	body = append(body, Paragraph{Text: intro})

	targets := slices.Clone(m.Targets)
	slices.SortStableFunc(targets, func(a, b domain.Target) int { return a.SortOrder - b.SortOrder })
	if len(targets) == 0 || len(years) == 0 {
		body = append(body, Paragraph{Text: "Phong trào chưa có chỉ tiêu hoặc chưa có năm thực hiện."})
	} else {
		body = append(body, reviewTable(targets, years, in.Values))
		if len(years) > wideYears {
			body = append(body, Paragraph{Text: "Ghi chú: mỗi ô ghi số thực hiện / số kế hoạch, trong ngoặc là tỷ lệ hoàn thành (%).", Style: Italic, NoIndent: true})
		}
		body = append(body, Paragraph{Text: reviewSummary(targets, years, in.Values)})
	}

	title := "Số liệu phục vụ " + strings.ToLower(kind.Label()) + " " + name
	return nfcDocument(Document{
		Header:      NewHeader(p, Number(0, "BC", p.DocNumberCode), in.Date),
		Kind:        "Báo cáo",
		Title:       []string{title},
		Body:        body,
		Signature:   Signature{Right: directorColumn(p)},
		Recipients:  []string{parentName(p) + " (Ban Thi đua - Khen thưởng)", "Lưu: VT, TĐKT"},
		Orientation: Landscape,
	})
}

// reviewKind is the review the last year shown belongs to: the one recorded
// on the movement for that year, else a final review (tổng kết) when that
// year ends the movement and an interim one (sơ kết) otherwise.
func reviewKind(m domain.Movement, years []int) domain.ReviewKind {
	if len(years) == 0 {
		return domain.ReviewInterim
	}
	last := years[len(years)-1]
	for _, r := range m.Reviews {
		if r.Year == last && r.Kind != "" {
			return r.Kind
		}
	}
	// A movement of one year is reviewed once, at its end.
	if (m.ToYear != 0 && last >= m.ToYear) || m.FromYear == last && (m.ToYear == m.FromYear || m.Kind == domain.MovementRegular) {
		return domain.ReviewFinal
	}
	return domain.ReviewInterim
}

// movementPeriod is "giai đoạn 2019 - 2030", "năm 2025", or "" for a
// movement without an end.
func movementPeriod(m domain.Movement) string {
	switch {
	case m.FromYear == 0 || m.ToYear == 0:
		return ""
	case m.FromYear == m.ToYear:
		return "năm " + strconv.Itoa(m.FromYear)
	}
	return "giai đoạn " + strconv.Itoa(m.FromYear) + " - " + strconv.Itoa(m.ToYear)
}

func reviewTable(targets []domain.Target, years []int, values map[int64]map[int]domain.TargetValue) Table {
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1, Align: AlignCenter},
			{Header: "Chỉ tiêu", Width: 5},
			{Header: "Đơn vị tính", Width: 1.8, Align: AlignCenter},
		},
		RepeatHeader: true,
		FontSize:     11,
	}
	wide := len(years) <= wideYears
	for _, y := range years {
		ys := strconv.Itoa(y)
		if wide {
			t.Columns = append(t.Columns,
				Column{Header: ys + "\nKế hoạch", Width: 1.8, Align: AlignRight},
				Column{Header: ys + "\nThực hiện", Width: 1.8, Align: AlignRight},
				Column{Header: ys + "\nTỷ lệ (%)", Width: 1.6, Align: AlignRight},
			)
		} else {
			t.Columns = append(t.Columns, Column{Header: "Năm " + ys, Width: 2.6, Align: AlignCenter})
		}
	}
	for i, tg := range targets {
		cells := []string{strconv.Itoa(i + 1), clean(tg.Name), clean(tg.Unit)}
		for _, y := range years {
			v, ok := values[tg.ID][y]
			planned, actual, pct := "", "", ""
			if ok {
				planned = FormatShort(v.Planned, 2)
				if v.HasActual {
					actual = FormatShort(v.Actual, 2)
					p, _ := tg.Achieved(v.Planned, v.Actual)
					pct = FormatNumber(p, 1)
				}
			}
			if wide {
				cells = append(cells, planned, actual, pct)
				continue
			}
			switch {
			case !ok:
				cells = append(cells, "")
			case actual == "":
				cells = append(cells, "KH: "+planned)
			default:
				cells = append(cells, actual+" / "+planned+"\n("+pct+"%)")
			}
		}
		t.Rows = append(t.Rows, Cells(cells...))
	}
	return t
}

// reviewSummary says, per target, in how many of the years with a result
// the commitment was kept.
func reviewSummary(targets []domain.Target, years []int, values map[int64]map[int]domain.TargetValue) string {
	var parts []string
	for _, tg := range targets {
		met, measured := 0, 0
		for _, y := range years {
			v, ok := values[tg.ID][y]
			if !ok || !v.HasActual {
				continue
			}
			measured++
			if _, ok := tg.Achieved(v.Planned, v.Actual); ok {
				met++
			}
		}
		if measured > 0 {
			parts = append(parts, clean(tg.Name)+" hoàn thành "+strconv.Itoa(met)+"/"+strconv.Itoa(measured)+" năm")
		}
	}
	if len(parts) == 0 {
		return "Chưa có số liệu thực hiện của các năm."
	}
	return "Kết quả: " + strings.Join(parts, "; ") + "."
}
