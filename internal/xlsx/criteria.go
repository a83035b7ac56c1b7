package xlsx

// Reading a scoring table (bảng chấm điểm) as a cluster leader drafts it,
// or as our own assessment export writes it. What a criterion means is the
// caller's business; this file only turns the rows into a tree: codes
// qualified by the group they sit under, parents, groups and leaves,
// points, methods, and the self-scores a member may have filled in.

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tdkt/internal/domain"
)

// CriterionRow is one accepted row of a scoring table read from a sheet.
type CriterionRow struct {
	Row        int    // spreadsheet row number
	Code       string // qualified: "1" under "II" reads as "II.1"
	ParentCode string // the code without its last segment; "" at the top
	Name       string
	Group      bool                 // it has criteria under it
	MaxPoints  float64              // not negative; a penalty's bound is -MaxPoints
	HasMax     bool                 // the cell held a number (a group may leave it blank)
	Method     domain.ScoringMethod // "" for a group
	Target     string               // the target's name as typed (proportional), "" when none
	CapPercent float64              // 0: none typed
	Score      float64              // the self-score typed, when HasScore
	HasScore   bool
	Note       string // Giải trình
}

// Issue is a problem of one row: a rejection (the row is not taken) or a
// warning (the row is taken, without the part that was wrong).
type Issue struct {
	Row     int    // spreadsheet row number
	Column  string // the header as typed in the file, "" for the row as a whole
	Reason  string // Vietnamese: what is wrong and what to do
	Warning bool
}

// Columns of a scoring table: the first header of each list present is
// read; the export writes the first of each (or one of them).
var (
	critCodeCols   = []string{"Mã", "Mã tiêu chí", "STT", "TT"}
	critNameCols   = []string{"Tiêu chí", "Tên tiêu chí", "Nội dung", "Nội dung tiêu chí"}
	critMaxCols    = []string{"Điểm tối đa", "Điểm chuẩn", "Điểm tối đa được chấm", "Tối đa"}
	critMethodCols = []string{"Phương pháp", "Phương pháp chấm", "Cách chấm", "Cách tính điểm"}
	critTargetCols = []string{"Chỉ tiêu", "Chỉ tiêu gắn"}
	critCapCols    = []string{"Trần %", "Trần", "Mức trần", "Tỷ lệ trần"}
	critScoreCols  = []string{"Điểm tự chấm", "Tự chấm", "Đơn vị tự chấm"}
	critNoteCols   = []string{"Giải trình", "Giải trình, tài liệu kiểm chứng", "Ghi chú", "Minh chứng"}
)

// criteriaSpec is the header the reader looks for: one code, one name and
// one maximum column at least.
func criteriaSpec() Spec {
	var sp Spec
	add := func(names []string, group string) {
		for _, n := range names {
			sp.Columns = append(sp.Columns, Column{Name: n, Group: group})
		}
	}
	add(critCodeCols, "code")
	add(critNameCols, "name")
	add(critMaxCols, "max")
	add(critMethodCols, "")
	add(critTargetCols, "")
	add(critCapCols, "")
	add(critScoreCols, "")
	add(critNoteCols, "")
	return sp
}

// ReadCriteria reads a scoring table: the sheet "Chấm điểm" when the
// workbook has one (our own export), else the first sheet whose header row
// (among its first ten rows) has a code ("Mã" or "STT"), a name ("Tiêu chí"
// or "Nội dung") and a maximum ("Điểm tối đa" or "Điểm chuẩn"). Optional
// columns: "Phương pháp", "Chỉ tiêu", "Trần %", "Điểm tự chấm", "Giải
// trình".
//
// The tree comes from the codes: "I", "I.1", "I.1.a" or "1", "1.1",
// "1.1.2", a parent being the code without its last segment. Tables that
// number afresh under each roman group (I, 1, 2, II, 1, 2) and letter the
// items of a criterion (1, a, b) are read the same way: "1" under "II"
// becomes "II.1", "a" under "II.1" becomes "II.1.a". A row with criteria
// under it is a group; any other row needs a maximum, and its method
// defaults to scoring by hand (a negative maximum: a penalty). Total rows
// ("Tổng cộng") and the column-number row under the header are skipped.
// A workbook too damaged to read, even one that makes excelize panic,
// gives an error wrapping ErrNotWorkbook.
func ReadCriteria(r io.Reader) (rows []CriterionRow, issues []Issue, err error) {
	var at location
	defer recoverCorrupt(&at, &err)
	return readCriteria(r, &at)
}

// readCriteria is ReadCriteria, keeping at up to date for a panic's message.
func readCriteria(r io.Reader, at *location) ([]CriterionRow, []Issue, error) {
	f, err := excelize.OpenReader(r, openOptions)
	if err != nil {
		return nil, nil, openError(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, nil, fmt.Errorf("%w: tệp không có trang tính nào", ErrNotWorkbook)
	}
	if i := slices.Index(sheets, SheetScores); i > 0 {
		sheets = append([]string{SheetScores}, slices.Delete(slices.Clone(sheets), i, i+1)...)
	}
	spec := criteriaSpec()
	var firstErr error
	for _, sheet := range sheets {
		at.sheet = sheet
		raw, _, err := readRaw(f, sheet)
		if err != nil {
			return nil, nil, err
		}
		t, err := findHeader(raw, spec)
		if err != nil {
			if he, ok := err.(*HeaderError); ok {
				he.Sheet = sheet
				he.Missing = []string{"Mã (hoặc STT)", "Tiêu chí (hoặc Nội dung)", "Điểm tối đa (hoặc Điểm chuẩn)"}
			}
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		t.Sheet = sheet
		rows, issues := readCriteriaRows(t, raw)
		return rows, issues, nil
	}
	return nil, nil, firstErr
}

// critCols are the column indexes of one sheet, -1 when absent, with the
// headers as typed for the issues.
type critCols struct {
	code, name, max, method, target, cap, score, note int
	headers                                           []string
}

func (c critCols) header(i int) string {
	if i >= 0 && i < len(c.headers) {
		return collapse(c.headers[i])
	}
	return ""
}

func pickCol(t *Table, names []string) int {
	for _, n := range names {
		if i := t.Index(n); i >= 0 {
			return i
		}
	}
	return -1
}

// candidate is a data row on its way to becoming a CriterionRow.
type candidate struct {
	CriterionRow
	maxText, methodText string
	rejected            bool
}

func readCriteriaRows(t *Table, raw [][]string) ([]CriterionRow, []Issue) {
	cols := critCols{
		code: pickCol(t, critCodeCols), name: pickCol(t, critNameCols), max: pickCol(t, critMaxCols),
		method: pickCol(t, critMethodCols), target: pickCol(t, critTargetCols), cap: pickCol(t, critCapCols),
		score: pickCol(t, critScoreCols), note: pickCol(t, critNoteCols), headers: t.Headers,
	}
	get := func(vals []string, i int) string {
		if i < 0 || i >= len(vals) {
			return ""
		}
		return strings.TrimSpace(nfc(vals[i]))
	}
	var issues []Issue
	reject := func(c *candidate, col int, reason string) {
		c.rejected = true
		issues = append(issues, Issue{Row: c.Row, Column: cols.header(col), Reason: reason})
	}
	warn := func(row, col int, reason string) {
		issues = append(issues, Issue{Row: row, Column: cols.header(col), Reason: reason, Warning: true})
	}

	// Pass 1: read each row, qualify its code, find duplicates.
	var cands []*candidate
	byCode := map[string]*candidate{}
	lastTop, lastNum := "", ""
	for i := t.HeaderRow; i < len(raw); i++ {
		vals := raw[i]
		if blankRow(vals) {
			continue
		}
		code, name := get(vals, cols.code), collapse(get(vals, cols.name))
		if skipCriteriaRow(code, name) {
			continue
		}
		c := &candidate{CriterionRow: CriterionRow{Row: i + 1, Name: name}, maxText: get(vals, cols.max), methodText: get(vals, cols.method)}
		c.Target = collapse(get(vals, cols.target))
		c.Note = get(vals, cols.note)
		cands = append(cands, c)
		segs, ok := codeSegments(code)
		switch {
		case code == "":
			reject(c, cols.code, "chưa có mã tiêu chí; ghi mã như I, I.1 hoặc 1, 1.1")
			continue
		case !ok:
			reject(c, cols.code, fmt.Sprintf("mã “%s” không đúng dạng; ghi mã như I, I.1, I.1.a hoặc 1, 1.1, 1.1.2", code))
			continue
		}
		switch {
		case len(segs) == 1 && topSegment(segs[0]):
			lastTop, lastNum = segs[0], ""
		case numberSegment(segs[0]) && lastTop != "":
			segs = append([]string{lastTop}, segs...)
		case len(segs) == 1 && letterSegment(segs[0]) && lastNum != "":
			segs = append(strings.Split(lastNum, "."), segs...)
		case len(segs) == 1 && letterSegment(segs[0]) && lastTop != "":
			segs = append([]string{lastTop}, segs...)
		}
		c.Code = strings.Join(segs, ".")
		c.ParentCode = strings.Join(segs[:len(segs)-1], ".")
		if numberSegment(segs[len(segs)-1]) {
			lastNum = c.Code
		}
		if name == "" {
			reject(c, cols.name, fmt.Sprintf("tiêu chí %s chưa có nội dung", c.Code))
		}
		if prev, dup := byCode[c.Code]; dup {
			reject(c, cols.code, fmt.Sprintf("mã %s trùng với dòng %d; mỗi tiêu chí một mã", c.Code, prev.Row))
			continue
		}
		byCode[c.Code] = c
		if c.maxText != "" {
			x, ok, err := ParsePoints(c.maxText)
			if err != nil {
				reject(c, cols.max, fmt.Sprintf("điểm tối đa “%s” không phải là số", c.maxText))
			} else {
				c.MaxPoints, c.HasMax = x, ok
			}
		}
		if s := get(vals, cols.score); s != "" {
			if x, ok, err := ParsePoints(s); err != nil {
				warn(c.Row, cols.score, fmt.Sprintf("điểm tự chấm “%s” không phải là số; bỏ qua điểm này", s))
			} else {
				c.Score, c.HasScore = x, ok
			}
		}
		if s := get(vals, cols.cap); s != "" {
			if x, ok, err := ParsePoints(s); err != nil || x < 0 {
				warn(c.Row, cols.cap, fmt.Sprintf("mức trần “%s” không phải là số không âm; dùng mức 100%%", s))
			} else if ok {
				// A cell formatted as a percentage stores 1.2 for 120%:
				// nobody caps a criterion at 5%.
				if x > 0 && x <= 5 {
					x *= 100
				}
				c.CapPercent = x
			}
		}
	}

	// Pass 2: a row whose parent is missing or rejected goes too, and so
	// on down the tree.
	for changed := true; changed; {
		changed = false
		for _, c := range cands {
			if c.rejected || c.ParentCode == "" {
				continue
			}
			p, ok := byCode[c.ParentCode]
			switch {
			case !ok:
				reject(c, cols.code, fmt.Sprintf("không có dòng của nhóm %s chứa tiêu chí %s", c.ParentCode, c.Code))
				changed = true
			case p.rejected:
				reject(c, cols.code, fmt.Sprintf("nhóm %s (dòng %d) bị loại nên tiêu chí %s cũng bị loại", c.ParentCode, p.Row, c.Code))
				changed = true
			}
		}
	}

	// Pass 3: groups and leaves.
	hasChild := map[string]bool{}
	for _, c := range cands {
		if !c.rejected && c.ParentCode != "" {
			hasChild[c.ParentCode] = true
		}
	}
	var out []CriterionRow
	for _, c := range cands {
		if c.rejected {
			continue
		}
		if hasChild[c.Code] {
			c.Group = true
			c.Method, c.Target, c.CapPercent, c.Score, c.HasScore = "", "", 0, 0, false
			c.MaxPoints = max(c.MaxPoints, -c.MaxPoints)
			out = append(out, c.CriterionRow)
			continue
		}
		if !c.HasMax {
			reject(c, cols.max, fmt.Sprintf("tiêu chí %s chưa có điểm tối đa (hoặc là nhóm chưa có tiêu chí con nào)", c.Code))
			continue
		}
		m, ok := ParseMethod(c.methodText)
		switch {
		case !ok:
			reject(c, cols.method, fmt.Sprintf("phương pháp chấm “%s” không có; ghi một trong: %s", c.methodText, strings.Join(methodLabels(), "; ")))
			continue
		case m == "" && c.MaxPoints < 0:
			m = domain.MethodPenalty
		case m == "":
			m = domain.MethodManual
		}
		if c.MaxPoints < 0 {
			if m != domain.MethodPenalty {
				reject(c, cols.max, fmt.Sprintf("điểm tối đa âm (%s) chỉ dùng cho tiêu chí điểm trừ", c.maxText))
				continue
			}
			c.MaxPoints = -c.MaxPoints
		}
		c.Method = m
		if m != domain.MethodProportional {
			c.Target, c.CapPercent = "", 0
		}
		if c.HasScore && m == domain.MethodPenalty && c.Score > 0 {
			c.Score = -c.Score // a penalty typed as its size
		}
		out = append(out, c.CriterionRow)
	}
	slices.SortStableFunc(issues, func(a, b Issue) int { return a.Row - b.Row })
	return out, issues
}

var (
	columnNumber = regexp.MustCompile(`^\(?([0-9]{1,2}|[A-Za-z])\)?$`)
	romanRE      = regexp.MustCompile(`^(X{0,3})(IX|IV|V?I{0,3})$`)
)

// skipCriteriaRow reports rows that are no criteria: the grand total and
// the "(1) (2) (3)" column numbers some tables put under the header.
func skipCriteriaRow(code, name string) bool {
	if code == "" {
		n := domain.Fold(name)
		for _, p := range []string{"tong cong", "tong diem", "tong so", "cong"} {
			if n == p || strings.HasPrefix(n, p+" ") || strings.HasPrefix(n, p+":") {
				return true
			}
		}
	}
	return columnNumber.MatchString(name) && (code == "" || columnNumber.MatchString(code))
}

// codeSegments splits a code typed as "I.", "1)", "1. 2", "(a)" into its
// segments; ok is false when a segment is neither a number, a roman
// numeral, nor a letter.
func codeSegments(code string) ([]string, bool) {
	code = strings.TrimLeft(code, "(")
	code = strings.TrimRight(code, ".):- ")
	if code == "" {
		return nil, false
	}
	parts := strings.Split(code, ".")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || !(numberSegment(p) || topSegment(p) || letterSegment(p)) {
			return nil, false
		}
		parts[i] = p
	}
	return parts, true
}

func numberSegment(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// topSegment is what heads a table: a roman numeral or a capital letter.
func topSegment(s string) bool {
	if len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' {
		return true
	}
	return s != "" && romanRE.MatchString(s)
}

func letterSegment(s string) bool {
	return s == "đ" || (len(s) == 1 && s[0] >= 'a' && s[0] <= 'z')
}

// ParsePoints reads points or a total as typed or stored: a plain number
// (95.5, as Excel stores it), a Vietnamese decimal comma ("95,5") with dots
// grouping thousands ("1.234,5"), a trailing "%" or "điểm". ok is false for
// blank text.
func ParsePoints(text string) (v float64, ok bool, err error) {
	s := strings.ToLower(strings.TrimSpace(nfc(text)))
	s = strings.TrimSpace(strings.TrimSuffix(s, "điểm"))
	s = strings.TrimSuffix(s, "%")
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u2212", "-", "\u2013", "-").Replace(s)
	if s == "" {
		return 0, false, nil
	}
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err = strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) { // ParseFloat reads "NaN" and "Inf" too
		return 0, false, fmt.Errorf("“%s” không phải là số", strings.TrimSpace(text))
	}
	return v, true, nil
}

// methods lists the scoring methods in the order people are offered them.
var methods = []domain.ScoringMethod{domain.MethodProportional, domain.MethodPassFail, domain.MethodBonus, domain.MethodPenalty, domain.MethodManual}

func methodLabels() []string {
	out := make([]string, len(methods))
	for i, m := range methods {
		out[i] = m.Label()
	}
	return out
}

// methodWords are other ways leaders write a method, folded.
var methodWords = map[string]domain.ScoringMethod{
	"ty le": domain.MethodProportional, "theo ty le": domain.MethodProportional, "ty le hoan thanh": domain.MethodProportional,
	"theo ty le hoan thanh chi tieu": domain.MethodProportional, "ty le %": domain.MethodProportional,
	"dat/khong dat": domain.MethodPassFail, "dat": domain.MethodPassFail, "dat - khong dat": domain.MethodPassFail,
	"dat hoac khong dat": domain.MethodPassFail,
	"thuong":             domain.MethodBonus, "diem cong": domain.MethodBonus, "cong": domain.MethodBonus, "cong diem": domain.MethodBonus,
	"tru": domain.MethodPenalty, "tru diem": domain.MethodPenalty,
	"truc tiep": domain.MethodManual, "thu cong": domain.MethodManual, "cham tay": domain.MethodManual, "tu cham": domain.MethodManual,
}

func methodKey(s string) string {
	s = collapse(strings.ReplaceAll(domain.Fold(s), "_", " "))
	s = strings.ReplaceAll(strings.ReplaceAll(s, " /", "/"), "/ ", "/")
	return strings.TrimRight(s, ". ")
}

// ParseMethod matches a method typed in a sheet to a scoring method by its
// label or code, whatever the case and diacritics ("Điểm trừ", "diem tru",
// "TRU"), or a common other wording ("Đạt/Không đạt", "Điểm cộng"). Blank
// text gives "" and ok; ok is false for text that matches nothing.
func ParseMethod(text string) (domain.ScoringMethod, bool) {
	k := methodKey(text)
	if k == "" {
		return "", true
	}
	for _, m := range methods {
		if k == methodKey(m.Label()) || k == methodKey(string(m)) {
			return m, true
		}
	}
	m, ok := methodWords[k]
	return m, ok
}
