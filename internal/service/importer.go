package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// ImportKind names what a spreadsheet holds; the words are those of the
// `tdktctl template KIND` and `tdktctl import KIND` commands.
type ImportKind string

const (
	ImportUnits       ImportKind = "units"
	ImportStaff       ImportKind = "staff"
	ImportRatings     ImportKind = "ratings"
	ImportAwards      ImportKind = "awards"
	ImportInitiatives ImportKind = "initiatives"
	ImportDiscipline  ImportKind = "discipline"
)

// ImportKinds lists the kinds in the order of the contract, which is also
// the order a new office imports them in (units before the people who work
// in them, initiatives before the awards that rest on them).
var ImportKinds = []ImportKind{ImportUnits, ImportStaff, ImportRatings, ImportAwards, ImportInitiatives, ImportDiscipline}

// Label is the Vietnamese name of the kind.
func (k ImportKind) Label() string {
	switch k {
	case ImportUnits:
		return "Đơn vị"
	case ImportStaff:
		return "Cán bộ"
	case ImportRatings:
		return "Xếp loại"
	case ImportAwards:
		return "Khen thưởng"
	case ImportInitiatives:
		return "Sáng kiến"
	case ImportDiscipline:
		return "Kỷ luật"
	}
	return string(k)
}

// ParseImportKind reads a KIND word of the command line.
func ParseImportKind(s string) (ImportKind, error) {
	k := ImportKind(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range ImportKinds {
		if k == known {
			return k, nil
		}
	}
	words := make([]string, len(ImportKinds))
	for i, known := range ImportKinds {
		words[i] = string(known)
	}
	return "", fmt.Errorf("loại dữ liệu %q không có; chọn một trong: %s", s, strings.Join(words, ", "))
}

// ErrImportFile is wrapped when a file cannot be imported at all (not a
// workbook, no header row); row problems are never errors but issues.
var ErrImportFile = errors.New("tệp không đúng mẫu nhập")

// ImportIssue is one problem of one row: a rejection, or a warning that
// does not stop the row (a restored CCCD, an unknown column).
type ImportIssue struct {
	Row     int    `json:"row"`    // spreadsheet row number as Excel shows it
	Column  string `json:"column"` // the column's header, "" for the row as a whole
	Reason  string `json:"reason"` // Vietnamese: what is wrong and what to do
	Warning bool   `json:"warning,omitempty"`
}

// String is the issue as one line for people.
func (i ImportIssue) String() string {
	if i.Column == "" {
		return fmt.Sprintf("Dòng %d: %s", i.Row, i.Reason)
	}
	return fmt.Sprintf("Dòng %d, cột %s: %s", i.Row, i.Column, i.Reason)
}

// ImportRow is a row that passed every check and will be written.
type ImportRow struct {
	Row     int    `json:"row"`
	Summary string `json:"summary"` // one Vietnamese line for the preview
	Action  string `json:"action"`  // thêm mới, cập nhật or không đổi, as the database stood at preview time

	change store.Change
	rank   int // commit order: units parent-first; 0 for every other kind
	apply  func(tx *store.Tx) (store.Change, error)
}

// ImportResult counts what a commit did.
type ImportResult struct {
	Inserted  int `json:"inserted"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

func (r *ImportResult) add(c store.Change) {
	switch c {
	case store.Inserted:
		r.Inserted++
	case store.Updated:
		r.Updated++
	default:
		r.Unchanged++
	}
}

// ImportPreview is what a file would do: the rows accepted, every rejected
// row with its reasons, the warnings. Nothing is written until CommitImport.
type ImportPreview struct {
	Kind           ImportKind    `json:"kind"`
	Sheet          string        `json:"sheet"`
	HeaderRow      int           `json:"header_row"`
	Rows           int           `json:"rows"` // non-blank data rows read
	Accepted       []ImportRow   `json:"accepted"`
	Rejected       []ImportIssue `json:"rejected"`
	Warnings       []ImportIssue `json:"warnings"`
	UnknownColumns []string      `json:"unknown_columns"`
	Expected       ImportResult  `json:"expected"` // what CommitImport will do if nobody writes meanwhile
	table          *xlsx.Table   // headers, for the report
	rejectedRows   map[int]xlsx.Row
}

// RejectedRows counts the distinct rows rejected (a row may have several reasons).
func (p *ImportPreview) RejectedRows() int {
	seen := map[int]bool{}
	for _, is := range p.Rejected {
		seen[is.Row] = true
	}
	return len(seen)
}

// ImportTemplate writes the import template of kind: the header row with
// the required columns marked, an example row that imports cleanly into
// this database, drop-downs for the closed lists and a "Hướng dẫn" sheet.
func (s *Service) ImportTemplate(kind ImportKind, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	ctx := context.Background()
	ex, err := s.templateExamples(ctx)
	if err != nil {
		return err
	}
	spec, err := importSpec(kind, ex)
	if err != nil {
		return err
	}
	return xlsx.WriteTemplate(spec, w)
}

// PreviewImport reads and checks a spreadsheet of kind without writing
// anything: every row is either accepted (and will be written as the
// preview says) or rejected with its row, column and reason. The checks
// read the database, and for every kind but staff the accepted rows are
// also tried against the database in a transaction that is rolled back, so
// that a row the database would refuse is rejected here and not at commit.
// Staff rows are checked against a snapshot instead: the rules the database
// enforces for people are few and all known, and 10,000 rows must stay fast.
// progress, if not nil, is called with rows done out of total.
func (s *Service) PreviewImport(ctx context.Context, kind ImportKind, r io.Reader, progress func(done, total int)) (*ImportPreview, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return nil, err
	}
	spec, err := importSpec(kind, templateExamples{})
	if err != nil {
		return nil, err
	}
	office, ok, err := s.st.Profile(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, domain.FieldError{Field: "Đơn vị", Msg: "chưa khai báo thông tin đơn vị; hãy tạo đơn vị (tdktctl init hoặc mục Thiết lập) trước khi nhập"}
	}
	tab, err := xlsx.ReadTable(r, spec)
	if err != nil {
		var he *xlsx.HeaderError
		if errors.As(err, &he) || errors.Is(err, xlsx.ErrNotWorkbook) {
			return nil, domain.FieldError{Field: "Tệp", Msg: err.Error(), Err: ErrImportFile}
		}
		return nil, fmt.Errorf("import %s: %w", kind, err)
	}
	im := &importer{s: s, ctx: ctx, kind: kind, tab: tab, office: office, today: s.Today(),
		seen: map[string]int{}, progress: progress}
	if err := im.load(); err != nil {
		return nil, fmt.Errorf("import %s: %w", kind, err)
	}
	p := &ImportPreview{Kind: kind, Sheet: tab.Sheet, HeaderRow: tab.HeaderRow, Rows: len(tab.Rows),
		UnknownColumns: tab.Unknown, table: tab, rejectedRows: map[int]xlsx.Row{}}
	for _, h := range tab.Unknown {
		p.Warnings = append(p.Warnings, ImportIssue{Row: tab.HeaderRow, Column: h, Warning: true,
			Reason: "cột không có trong mẫu nhập nên đã bỏ qua; nếu đây là cột cần nhập, hãy sửa tên cột theo mẫu"})
	}
	for _, h := range tab.Repeated {
		p.Warnings = append(p.Warnings, ImportIssue{Row: tab.HeaderRow, Column: h, Warning: true,
			Reason: "cột lặp lại; chỉ đọc cột đầu tiên cùng tên, hãy xóa cột thừa"})
	}
	im.phases = 1
	if kind != ImportStaff {
		im.phases = 2
	}
	drafts := make([]*draft, 0, len(tab.Rows))
	for i, row := range tab.Rows {
		if err := im.tick(i); err != nil {
			return nil, err
		}
		d := &draft{row: row, im: im}
		im.checkText(d, spec)
		im.parse(d)
		drafts = append(drafts, d)
	}
	if kind == ImportUnits {
		im.resolveUnitTree(drafts)
	}
	if kind != ImportStaff {
		if err := im.trial(drafts); err != nil {
			return nil, err
		}
	}
	for _, d := range drafts {
		p.Warnings = append(p.Warnings, d.warnings...)
		if len(d.issues) > 0 {
			p.Rejected = append(p.Rejected, d.issues...)
			p.rejectedRows[d.row.Num] = d.row
			continue
		}
		d.out.Action = d.out.change.String()
		p.Expected.add(d.out.change)
		p.Accepted = append(p.Accepted, d.out)
	}
	sort.SliceStable(p.Warnings, func(i, j int) bool { return p.Warnings[i].Row < p.Warnings[j].Row })
	if progress != nil {
		progress(len(tab.Rows)*im.phases, len(tab.Rows)*im.phases)
	}
	return p, nil
}

// errTrial rolls back the trial transaction of a preview.
var errTrial = errors.New("trial import rolled back")

// trial writes the accepted rows in a transaction that is always rolled
// back, turning every row the database refuses into a rejection and
// recording what each accepted row would change.
func (im *importer) trial(drafts []*draft) error {
	ok := acceptedInOrder(drafts)
	n := len(im.tab.Rows)
	err := im.s.st.Write(im.ctx, func(tx *store.Tx) error {
		for i, d := range ok {
			if err := im.tick(n + i); err != nil {
				return err
			}
			ch, err := d.out.apply(tx)
			if err != nil {
				if !rowError(err) {
					return err
				}
				d.rejectStoreError(err)
				continue
			}
			d.out.change = ch
		}
		return errTrial
	})
	if !errors.Is(err, errTrial) {
		return fmt.Errorf("import %s: %w", im.kind, err)
	}
	return nil
}

// rowError reports whether a store error is about the row's data (shown to
// people as a rejection) rather than a failure of the database itself.
func rowError(err error) bool {
	return userError(err) || strings.Contains(err.Error(), "constraint")
}

func acceptedInOrder(drafts []*draft) []*draft {
	var ok []*draft
	for _, d := range drafts {
		if len(d.issues) == 0 {
			ok = append(ok, d)
		}
	}
	sort.SliceStable(ok, func(i, j int) bool { return ok[i].out.rank < ok[j].out.rank })
	return ok
}

// CommitImport writes every accepted row of p in one transaction: all or
// nothing. A cancelled ctx stops it and nothing is written. A row that the
// database refuses now (someone changed the data since the preview) aborts
// the whole commit with that row's reason.
func (s *Service) CommitImport(ctx context.Context, p *ImportPreview) (ImportResult, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	if p == nil {
		return res, errors.New("import: no preview")
	}
	rows := make([]*ImportRow, len(p.Accepted))
	for i := range p.Accepted {
		rows[i] = &p.Accepted[i]
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].rank < rows[j].rank })
	if _, err := s.st.AutoBackup(ctx, store.ReasonImport); err != nil {
		return ImportResult{}, fmt.Errorf("chưa nhập dòng nào vì không sao lưu được dữ liệu trước khi nhập: %w", err)
	}
	err := s.st.Write(ctx, func(tx *store.Tx) error {
		for i, r := range rows {
			// Checking every row would cost more than the row; every 64 rows
			// a cancel is still felt well within a tenth of a second.
			if i%64 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			ch, err := r.apply(tx)
			if err != nil {
				return fmt.Errorf("dòng %d: %w (chưa ghi dòng nào; hãy kiểm tra lại tệp rồi nhập lại)", r.Row, err)
			}
			res.add(ch)
		}
		return ctx.Err()
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// WriteImportReport writes the rejected rows of p with their original
// values and a "Lý do" column; a clerk fixes them there and imports the
// report itself.
func (s *Service) WriteImportReport(p *ImportPreview, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	rep := xlsx.Report{Sheet: "Dòng bị từ chối"}
	if p.table != nil {
		rep.Headers = p.table.Headers
	}
	var nums []int
	byRow := map[int][]ImportIssue{}
	for _, is := range p.Rejected {
		if _, seen := byRow[is.Row]; !seen {
			nums = append(nums, is.Row)
		}
		byRow[is.Row] = append(byRow[is.Row], is)
	}
	sort.Ints(nums)
	for _, n := range nums {
		rr := xlsx.ReportRow{Num: n}
		if row, ok := p.rejectedRows[n]; ok {
			rr.Values = row.Values()
		}
		for _, is := range byRow[n] {
			col := -1
			if p.table != nil && is.Column != "" {
				col = p.table.Index(is.Column)
			}
			rr.Issues = append(rr.Issues, xlsx.ReportIssue{Col: col, Column: is.Column, Reason: is.Reason})
		}
		rep.Rows = append(rep.Rows, rr)
	}
	return xlsx.WriteReport(rep, w)
}

// importer holds what one preview needs: the table, the office, and the
// database read once up front into maps, so that checking a row costs no
// query.
type importer struct {
	s        *Service
	ctx      context.Context
	kind     ImportKind
	tab      *xlsx.Table
	office   domain.OfficeProfile
	today    domain.Date
	progress func(done, total int)
	phases   int

	units      map[string]domain.Unit
	unitsFold  map[string]string        // lower-case code -> code
	unitsNamed map[string][]domain.Unit // lower-case name -> units
	current    map[string]string        // cache of store.CurrentCode
	people     map[string]personRef     // by staff code, deleted people included
	peopleFold map[string]string        // lower-case staff code -> staff code
	cccdOwner  map[string]personRef
	cat        rules.Catalogue

	// Existing history, read per subject only when a file leaves out an
	// optional column whose value must then be kept.
	awardsOf      map[domain.Subject][]domain.AwardRecord
	initiativesOf map[string][]domain.Initiative
	disciplinesOf map[string][]domain.Discipline

	seen    map[string]int                // file key -> first row that used it
	choices map[*choice]map[string]string // see choiceIndex
}

type personRef struct {
	domain.Person
	deleted bool
}

func (im *importer) tick(done int) error {
	if done%64 != 0 {
		return nil
	}
	if err := im.ctx.Err(); err != nil {
		return err
	}
	if im.progress != nil {
		im.progress(done, len(im.tab.Rows)*im.phases)
	}
	return nil
}

// load reads what the kind refers to.
func (im *importer) load() error {
	ctx, st := im.ctx, im.s.st
	units, err := st.Units(ctx)
	if err != nil {
		return err
	}
	im.units = make(map[string]domain.Unit, len(units))
	im.unitsFold = make(map[string]string, len(units))
	im.unitsNamed = map[string][]domain.Unit{}
	im.current = map[string]string{}
	for _, u := range units {
		im.units[u.Code] = u
		im.unitsFold[strings.ToLower(u.Code)] = u.Code
		k := strings.ToLower(rules.Clean(u.Name))
		im.unitsNamed[k] = append(im.unitsNamed[k], u)
	}
	if im.kind == ImportUnits {
		return nil
	}
	people, err := st.People(ctx)
	if err != nil {
		return err
	}
	deleted, err := st.DeletedPeople(ctx)
	if err != nil {
		return err
	}
	im.people = make(map[string]personRef, len(people)+len(deleted))
	im.peopleFold = make(map[string]string, len(people)+len(deleted))
	im.cccdOwner = make(map[string]personRef, len(people)+len(deleted))
	add := func(p domain.Person, del bool) {
		ref := personRef{p, del}
		im.people[p.StaffCode] = ref
		im.peopleFold[strings.ToLower(p.StaffCode)] = p.StaffCode
		if p.CCCD != "" {
			im.cccdOwner[p.CCCD] = ref
		}
	}
	for _, p := range people {
		add(p, false)
	}
	for _, p := range deleted {
		add(p, true)
	}
	if im.kind == ImportAwards {
		if im.cat, err = st.Catalogue(ctx); err != nil {
			return err
		}
	}
	im.awardsOf = map[domain.Subject][]domain.AwardRecord{}
	im.initiativesOf = map[string][]domain.Initiative{}
	im.disciplinesOf = map[string][]domain.Discipline{}
	return nil
}

// draft is one row on its way through the checks.
type draft struct {
	row      xlsx.Row
	im       *importer
	issues   []ImportIssue
	warnings []ImportIssue
	out      ImportRow
	unit     *unitDraft // units only: resolved in a second pass over the file
	// unreadable are the columns refused by checkText; nil when none.
	unreadable map[string]bool
}

func (d *draft) reject(col, format string, args ...any) {
	if d.unreadable[col] {
		return
	}
	d.issues = append(d.issues, ImportIssue{Row: d.row.Num, Column: col, Reason: fmt.Sprintf(format, args...)})
}

// checkText rejects every cell of the row whose text cannot be taken as
// it is: longer than its column allows, carrying hidden or control
// characters, or a name that starts like a formula. It reads the cell as
// the file holds it, before Clean, which would drop control characters
// without a word. A column refused here gets no further complaint: the
// later checks would only quote the unreadable text back.
func (im *importer) checkText(d *draft, spec xlsx.Spec) {
	for _, c := range spec.Columns {
		i := im.tab.Index(c.Name)
		if i < 0 || d.row.Cells[i].Blank() {
			continue
		}
		max, name := textLimit(im.kind, c)
		problem := ""
		if name {
			problem = rules.NameProblem(d.row.Cells[i].Text, max)
		} else {
			problem = rules.TextProblem(d.row.Cells[i].Text, max)
		}
		if problem != "" {
			d.reject(c.Name, "%s", problem)
			if d.unreadable == nil {
				d.unreadable = map[string]bool{}
			}
			d.unreadable[c.Name] = true
		}
	}
}

func (d *draft) warn(col, format string, args ...any) {
	d.warnings = append(d.warnings, ImportIssue{Row: d.row.Num, Column: col, Reason: fmt.Sprintf(format, args...), Warning: true})
}

// rejected reports whether col already has a rejection, so that a later,
// more generic check does not say the same thing twice.
func (d *draft) rejected(col string) bool {
	for _, is := range d.issues {
		if is.Column == col {
			return true
		}
	}
	return false
}

func (d *draft) rejectStoreError(err error) {
	if fe := domain.AsFieldErrors(err); len(fe) > 0 {
		for _, e := range fe {
			d.reject(e.Field, "%s", e.Msg)
		}
		return
	}
	d.reject("", "cơ sở dữ liệu không nhận dòng này (%v); kiểm tra lại các giá trị của dòng", err)
}

func (d *draft) has(col string) bool { return d.im.tab.Has(col) }

func (d *draft) cell(col string) xlsx.Cell { return d.row.Get(col) }

// text is the cleaned text of col ("" when the column is absent).
func (d *draft) text(col string) string { return rules.Clean(d.row.Get(col).Text) }

// keep is the cleaned text of col, or old when the file has no such column:
// a file that leaves a column out leaves that field as it is.
func (d *draft) keep(col, old string) string {
	if !d.has(col) {
		return old
	}
	return d.text(col)
}

// required is the text of col, rejecting the row when it is empty.
func (d *draft) required(col, what string) string {
	v := d.text(col)
	if v == "" {
		d.reject(col, "chưa nhập; %s", what)
	}
	return v
}

// date reads a day from a real Excel date or dd/mm/yyyy text; "" gives
// the zero date and no complaint (callers decide what is required).
func (d *draft) date(col string) domain.Date {
	c := d.cell(col)
	if !c.Date.IsZero() {
		v, err := domain.ValidDate(c.Date.Year, int(c.Date.Month), c.Date.Day)
		if err != nil {
			d.reject(col, "%v; sửa lại ngày", err)
		}
		return v
	}
	t := rules.Clean(c.Text)
	if t == "" {
		return domain.Date{}
	}
	v, err := domain.ParseDate(t)
	if err != nil {
		msg := err.Error()
		if !strings.Contains(msg, "ví dụ") {
			msg = fmt.Sprintf("“%s”: %s; nhập một ngày có thật, dạng ngày/tháng/năm", t, msg)
		}
		d.reject(col, "%s", msg)
	}
	return v
}

// keepDate is date, or old when the file has no such column.
func (d *draft) keepDate(col string, old domain.Date) domain.Date {
	if !d.has(col) {
		return old
	}
	return d.date(col)
}

// year reads a year between 1975 and next year (the bounds of the forms).
func (d *draft) year(col string) int {
	t := d.text(col)
	if t == "" {
		d.reject(col, "chưa nhập; nhập năm dạng 4 chữ số, ví dụ %d", d.im.s.LastCompletedYear())
		return 0
	}
	y, err := strconv.Atoi(t)
	if err != nil {
		d.reject(col, "“%s” không phải là năm; nhập năm dạng 4 chữ số, ví dụ %d", t, d.im.s.LastCompletedYear())
		return 0
	}
	if hi := d.im.today.Year + 1; y < 1975 || y > hi {
		d.reject(col, "năm %d không hợp lệ; nhập năm từ 1975 đến %d", y, hi)
		return 0
	}
	return y
}

// choice is one value of a closed list.
type choice struct {
	code  string
	words []string // every accepted spelling; the first is shown to people
}

// listKey is how closed-list values compare: cleaned, lower case, with
// commas, slashes, hyphens and underscores taken as spaces, so "Bộ, ngành",
// "bộ ngành" and "BO_NGANH" are one value.
func listKey(s string) string {
	s = strings.ToLower(rules.Clean(s))
	s = strings.NewReplacer(",", " ", "/", " ", "-", " ", "_", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func choiceWords(list []choice) string {
	var w []string
	for _, c := range list {
		w = append(w, c.words[0])
	}
	if len(w) < 2 {
		return strings.Join(w, "")
	}
	return strings.Join(w[:len(w)-1], ", ") + " hoặc " + w[len(w)-1]
}

// pick matches col against list; "" and no complaint when empty.
func (d *draft) pick(col string, list []choice) string {
	t := d.text(col)
	if t == "" {
		return ""
	}
	if code, ok := d.im.choiceIndex(list)[listKey(t)]; ok {
		return code
	}
	d.reject(col, "“%s” không có trong danh sách; chọn %s", t, choiceWords(list))
	return ""
}

// choiceIndex maps every accepted spelling of list (by listKey) to its
// code, built once per list and preview rather than once per row.
func (im *importer) choiceIndex(list []choice) map[string]string {
	if im.choices == nil {
		im.choices = map[*choice]map[string]string{}
	}
	idx, ok := im.choices[&list[0]]
	if !ok {
		idx = map[string]string{}
		for _, c := range list {
			idx[listKey(c.code)] = c.code
			for _, w := range c.words {
				idx[listKey(w)] = c.code
			}
		}
		im.choices[&list[0]] = idx
	}
	return idx
}

// once rejects the row when key was already used by an earlier row of the
// file, naming that row; what says which key ("Mã cán bộ").
func (d *draft) once(col, what, key string) bool {
	k := what + "\x00" + key
	if first, dup := d.im.seen[k]; dup {
		d.reject(col, "trùng %s với dòng %d; giữ lại một dòng", what, first)
		return false
	}
	d.im.seen[k] = d.row.Num
	return true
}

// unit resolves a unit typed by code, by old code (through the recorded
// code changes) or by exact name. The problem is "" when found.
func (im *importer) unit(t string) (domain.Unit, string) {
	if u, ok := im.units[t]; ok {
		return u, ""
	}
	if code, ok := im.unitsFold[strings.ToLower(t)]; ok {
		return im.units[code], ""
	}
	cur, ok := im.current[t]
	if !ok {
		c, err := im.s.st.CurrentCode(im.ctx, t)
		if err != nil {
			c = t
		}
		cur, im.current[t] = c, c
	}
	if u, ok := im.units[cur]; ok {
		return u, ""
	}
	switch named := im.unitsNamed[strings.ToLower(t)]; len(named) {
	case 0:
	case 1:
		return named[0], ""
	default:
		var codes []string
		for _, u := range named {
			codes = append(codes, u.Code)
		}
		return domain.Unit{}, fmt.Sprintf("có %d đơn vị cùng tên “%s” (mã %s); nhập mã đơn vị thay cho tên", len(named), t, strings.Join(codes, ", "))
	}
	return domain.Unit{}, fmt.Sprintf("không có đơn vị mã hoặc tên “%s”; nhập danh sách đơn vị trước hoặc sửa lại", t)
}

// person resolves a staff code of a history row; deleted people are
// refused so that history does not land on someone no longer listed.
func (im *importer) person(code string) (domain.Person, string) {
	ref, ok := im.people[code]
	if !ok {
		if c, fold := im.peopleFold[strings.ToLower(code)]; fold {
			ref, ok = im.people[c], true
		}
	}
	switch {
	case !ok:
		return domain.Person{}, fmt.Sprintf("không có cán bộ mã %s; nhập danh sách cán bộ trước hoặc sửa lại mã", code)
	case ref.deleted:
		return domain.Person{}, fmt.Sprintf("cán bộ mã %s (%s) đã bị xóa; khôi phục trong mục Đã xóa rồi nhập lại", ref.StaffCode, ref.FullName)
	}
	return ref.Person, ""
}

// subject reads the "Mã cán bộ or Mã đơn vị" key of ratings and awards:
// exactly one of the two is filled.
func (d *draft) subject() (domain.Subject, string, bool) {
	staff, unit := d.text(rules.FieldStaffCode), d.text(hdrUnitCode)
	switch {
	case staff == "" && unit == "":
		col := rules.FieldStaffCode
		if !d.has(col) {
			col = hdrUnitCode
		}
		d.reject(col, "chưa nhập; điền Mã cán bộ (cá nhân) hoặc Mã đơn vị (tập thể)")
		return domain.Subject{}, "", false
	case staff != "" && unit != "":
		d.reject(hdrUnitCode, "dòng có cả Mã cán bộ và Mã đơn vị; chỉ điền một trong hai (cá nhân hoặc tập thể)")
		return domain.Subject{}, "", false
	case staff != "":
		p, problem := d.im.person(staff)
		if problem != "" {
			d.reject(rules.FieldStaffCode, "%s", problem)
			return domain.Subject{}, "", false
		}
		return domain.PersonSubject(p.StaffCode), p.StaffCode + " " + p.FullName, true
	}
	u, problem := d.im.unit(unit)
	if problem != "" {
		d.reject(hdrUnitCode, "%s", problem)
		return domain.Subject{}, "", false
	}
	if u.Code != unit && !strings.EqualFold(u.Code, unit) {
		d.warn(hdrUnitCode, "mã đơn vị cũ %s đã đổi thành %s; ghi cho đơn vị %s", unit, u.Code, u.Code)
	}
	return domain.UnitSubject(u.Code), u.Code + " " + u.Name, true
}

func importSubjectWord(k domain.SubjectKind) string {
	if k == domain.SubjectCollective {
		return "tập thể"
	}
	return "cá nhân"
}

func subjectColumn(s domain.Subject) string {
	if s.Kind == domain.SubjectCollective {
		return hdrUnitCode
	}
	return rules.FieldStaffCode
}

// splitList splits a cell listing several values ("CB01; CB02").
func splitList(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if v := rules.Clean(part); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
