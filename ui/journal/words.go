package journal

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// tableNames are the database tables as people call the records they hold.
// A table missing here shows under its own name.
// tableNames are the tables that have a name (store.TableLabel), as
// people call the records they hold: one list for the undo summaries and
// the journal view.
var tableNames = store.TableLabels()

// TableName is what people call a record of table t ("person" → "Cán bộ").
func TableName(t string) string {
	if n, ok := tableNames[t]; ok {
		return lang.L(upperFirst(n))
	}
	return t
}

// upperFirst capitalises a label for a column or a list ("cán bộ" → "Cán bộ").
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// Tables lists the tables that have a name, ordered by that name.
func Tables() []string {
	out := make([]string, 0, len(tableNames))
	for t := range tableNames {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return TableName(out[i]) < TableName(out[j]) })
	return out
}

// opNames are the journal's operations in Vietnamese, by the first letter
// of whatever the store calls them (INSERT/insert/I, UPDATE…, DELETE…).
var opNames = map[string]string{
	"I": "Thêm",
	"U": "Sửa",
	"D": "Xóa",
}

// OpName is Thêm, Sửa or Xóa.
func OpName(op string) string {
	if op == "" {
		return ""
	}
	if n, ok := opNames[strings.ToUpper(op[:1])]; ok {
		return lang.L(n)
	}
	return op
}

func opKind(op string) string {
	if op == "" {
		return ""
	}
	return strings.ToUpper(op[:1])
}

// fieldNames are the columns people see on forms, by their wording there.
var fieldNames = map[string]string{
	"academic_rank":     "Học hàm, học vị",
	"achievements":      "Thành tích",
	"actual":            "Kết quả thực hiện",
	"address":           "Địa chỉ trụ sở",
	"award_code":        "Danh hiệu/Hình thức",
	"basis":             "Căn cứ",
	"birth_date":        "Ngày sinh",
	"cccd":              "Số CCCD",
	"citations":         "Các căn cứ",
	"code":              "Mã",
	"congress":          "Đại hội",
	"congress_date":     "Ngày đại hội",
	"content":           "Nội dung",
	"decision":          "Quyết định của cấp trên",
	"decision_date":     "Ngày quyết định",
	"decision_no":       "Số quyết định",
	"decision_note":     "Ghi chú quyết định",
	"delegates":         "Số đại biểu được phân bổ",
	"deleted_at":        "Ngày xóa",
	"deputies":          "Phó Giám đốc",
	"description":       "Mô tả",
	"directions":        "Phương hướng giai đoạn tới",
	"director_name":     "Giám đốc",
	"director_position": "Chức vụ của Giám đốc",
	"disabled":          "Ngừng sử dụng",
	"discussion":        "Tóm tắt ý kiến thảo luận",
	"doc_code":          "Ký hiệu trên số văn bản",
	"duties":            "Chức năng, nhiệm vụ",
	"education":         "Trình độ chuyên môn",
	"eligible":          "Đủ điều kiện",
	"end_time":          "Giờ kết thúc họp",
	"ethnicity":         "Dân tộc",
	"file_name":         "Tên tệp",
	"form":              "Hình thức",
	"from_date":         "Từ ngày",
	"from_year":         "Từ năm",
	"full_name":         "Họ và tên",
	"gender":            "Giới tính",
	"home_town":         "Quê quán",
	"issuer":            "Cơ quan ban hành",
	"justification":     "Giải trình",
	"kind":              "Loại",
	"lessons":           "Bài học kinh nghiệm",
	"method":            "Hình thức biểu quyết",
	"name":              "Tên",
	"note":              "Ghi chú",
	"opinion":           "Ý kiến bằng văn bản",
	"parent_code":       "Đơn vị cấp trên",
	"parent_name":       "Cơ quan cấp trên",
	"party_org":         "Tổ chức Đảng",
	"party_post":        "Chức vụ Đảng",
	"person_id":         "Cán bộ",
	"place":             "Địa danh",
	"planned":           "Chỉ tiêu đăng ký",
	"policy":            "Chính sách",
	"political_theory":  "Lý luận chính trị",
	"position":          "Chức vụ",
	"present":           "Số có mặt",
	"rating":            "Xếp loại",
	"reason":            "Lý do",
	"recruited_on":      "Ngày tuyển dụng",
	"religion":          "Tôn giáo",
	"report_form":       "Tên mẫu báo cáo",
	"report_template":   "Mẫu báo cáo thành tích",
	"residence":         "Trú quán",
	"results":           "Kết quả phong trào",
	"role":              "Vai trò",
	"round_id":          "Đợt",
	"scope":             "Phạm vi ảnh hưởng",
	"score":             "Điểm",
	"staff_code":        "Mã cán bộ",
	"start_time":        "Giờ bắt đầu họp",
	"status":            "Trạng thái",
	"tellers":           "Ban kiểm phiếu",
	"title":             "Tên",
	"to_date":           "Đến ngày",
	"to_year":           "Đến năm",
	"union_org":         "Công đoàn",
	"union_post":        "Chức vụ đoàn thể",
	"unit_code":         "Đơn vị",
	"unit_name":         "Tên đơn vị",
	"username":          "Tên đăng nhập",
	"value":             "Giá trị",
	"vote_abstain":      "Số phiếu không biểu quyết",
	"vote_against":      "Số phiếu không đồng ý",
	"vote_for":          "Số phiếu đồng ý",
	"year":              "Năm",
	"youth_org":         "Đoàn Thanh niên",
}

// FieldName is the form's wording of a column ("full_name" → "Họ và tên").
func FieldName(col string) string {
	if n, ok := fieldNames[col]; ok {
		return lang.L(n)
	}
	return col
}

// hidden columns are not worth showing: the row's identity is in the
// record column, and a password hash says nothing to anyone.
var hidden = map[string]bool{"id": true, "password_hash": true}

// Value is a journal value as text: nothing is "(trống)", whole numbers
// have no decimals, days (2025-12-31) as people write them (31/12/2025),
// lists and objects are JSON.
func Value(v any) string {
	switch x := v.(type) {
	case nil:
		return lang.L("(trống)")
	case string:
		if x == "" || x == "[]" || x == "{}" {
			return lang.L("(trống)")
		}
		if d, err := time.Parse("2006-01-02", x); err == nil {
			return d.Format("02/01/2006")
		}
		return x
	case bool:
		if x {
			return lang.L("Có")
		}
		return lang.L("Không")
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return fmt.Sprintf("%d", int64(x))
		}
		return fmt.Sprintf("%g", x)
	case json.Number:
		return x.String()
	case int, int64, int32:
		return fmt.Sprintf("%d", x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// Change is one field of an entry: its value before and after.
type Change struct {
	Field         string // column name
	Before, After any
}

// Changes lists the fields an entry touched, in column order: for an
// edit only those whose value changed, for an insert or delete every
// field that holds something.
func Changes(e store.JournalEntry) []Change {
	cols := map[string]bool{}
	for k := range e.Before {
		cols[k] = true
	}
	for k := range e.After {
		cols[k] = true
	}
	keys := make([]string, 0, len(cols))
	for k := range cols {
		if !hidden[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []Change
	for _, k := range keys {
		c := Change{Field: k, Before: e.Before[k], After: e.After[k]}
		switch opKind(e.Op) {
		case "U":
			if Value(c.Before) == Value(c.After) {
				continue
			}
		case "I":
			if Value(c.After) == Value(nil) {
				continue
			}
		case "D":
			if Value(c.Before) == Value(nil) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// Describer words journal entries. PersonName, when set, turns the
// person_id of ratings, awards and the like into a name.
type Describer struct {
	PersonName func(id int64) (string, bool)
}

// plain is the Describer without names, behind the package functions.
var plain Describer

// ChangeText is one change as a person reads it: "Họ và tên: A → B" for an
// edit, "Họ và tên: B" for what was added or deleted.
func (d Describer) ChangeText(e store.JournalEntry, c Change) string {
	val := func(v any) string { return d.FieldValue(e.Table, c.Field, v) }
	switch opKind(e.Op) {
	case "I":
		return FieldName(c.Field) + ": " + val(c.After)
	case "D":
		return FieldName(c.Field) + ": " + val(c.Before)
	}
	return FieldName(c.Field) + ": " + val(c.Before) + " → " + val(c.After)
}

// person is the name of a person id when the describer knows it.
func (d Describer) person(v any) (string, bool) {
	f, ok := v.(float64)
	if !ok || d.PersonName == nil {
		return "", false
	}
	return d.PersonName(int64(f))
}

// FieldValue is Value, with the codes the database keeps for the
// domain's enumerations (NHAP, HTXSNV, NU…) in their words and a person's
// id as their name.
func (d Describer) FieldValue(table, col string, v any) string {
	if col == "person_id" {
		if n, ok := d.person(v); ok {
			return n
		}
	}
	s, ok := v.(string)
	if !ok || s == "" {
		return Value(v)
	}
	label := ""
	switch {
	case col == "status" && table == "round":
		label = domain.RoundStatus(s).Label()
	case col == "gender":
		label = domain.Gender(s).Label()
	case col == "rating":
		label = domain.Rating(s).Label()
	case col == "scope" && table == "initiative":
		label = domain.InitiativeScope(s).Label()
	case col == "form" && table == "discipline":
		label = domain.DisciplineForm(s).Label()
	case col == "decision" && table == "nominee":
		label = domain.NomineeDecision(s).Label()
	case col == "method" && table == "council":
		label = domain.VoteMethod(s).Label()
	case col == "role" && table == "account":
		label = domain.Role(s).Label()
	case col == "kind" && table == "round":
		label = domain.RoundKind(s).Label()
	case col == "kind" && table == "unit":
		label = domain.UnitKind(s).Label()
	case col == "kind" && table == "award":
		label = domain.AwardKind(s).Label()
	case col == "kind" && table == "movement":
		label = domain.MovementKind(s).Label()
	}
	if label == "" || label == s {
		return Value(v)
	}
	return lang.L(label)
}

// Summary is the changes of an entry on one line, separated by "; ".
func (d Describer) Summary(e store.JournalEntry) string {
	cs := Changes(e)
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = d.ChangeText(e, c)
	}
	return strings.Join(parts, "; ")
}

// Detail is the changes of an entry one per line.
func (d Describer) Detail(e store.JournalEntry) string {
	cs := Changes(e)
	if len(cs) == 0 {
		return lang.L("(không có trường nào thay đổi)")
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = d.ChangeText(e, c)
	}
	return strings.Join(parts, "\n")
}

// nameCols are the columns that name a record, tried in order.
var nameCols = []string{"full_name", "name", "title", "username", "file_name"}

// Record names the record of an entry: "Nguyễn Văn An (#12)" for a row
// with a name, "Nguyễn Văn An · Năm 2024" for a person's rating, the key
// in words otherwise.
func (d Describer) Record(e store.JournalEntry) string {
	row := e.After
	if row == nil {
		row = e.Before
	}
	for _, c := range nameCols {
		if v, ok := row[c]; ok && Value(v) != Value(nil) {
			return Value(v) + " (" + d.KeyText(e.Table, e.Key) + ")"
		}
	}
	if p, ok := d.person(row["person_id"]); ok {
		var rest []string
		for _, c := range []string{"year", "award_code", "from_date"} {
			if v, ok := row[c]; ok && Value(v) != Value(nil) {
				rest = append(rest, FieldName(c)+" "+d.FieldValue(e.Table, c, v))
			}
		}
		return strings.Join(append([]string{p}, rest...), " · ")
	}
	return d.KeyText(e.Table, e.Key)
}

// KeyText is a record's key as the journal keeps it (JSON of the primary
// key) in words: "#12" for an id, "Cán bộ Nguyễn Văn An, Năm 2024" for a
// pair.
func (d Describer) KeyText(table, key string) string {
	var m map[string]any
	if json.Unmarshal([]byte(key), &m) != nil || len(m) == 0 {
		return key
	}
	if id, ok := m["id"]; ok && len(m) == 1 {
		return "#" + Value(id)
	}
	cols := make([]string, 0, len(m))
	for k := range m {
		cols = append(cols, k)
	}
	sort.Strings(cols)
	parts := make([]string, len(cols))
	for i, k := range cols {
		parts[i] = FieldName(k) + " " + d.FieldValue(table, k, m[k])
	}
	return strings.Join(parts, ", ")
}

// Line is an entry on one line, for search: every column's text.
func (d Describer) Line(e store.JournalEntry) string {
	return strings.Join([]string{When(e.At), e.Actor, TableName(e.Table), OpName(e.Op), d.Record(e), d.Summary(e)}, " ")
}

// Summary, Detail and Record are the Describer's without names.
func Summary(e store.JournalEntry) string { return plain.Summary(e) }

// Detail is the changes of an entry one per line.
func Detail(e store.JournalEntry) string { return plain.Detail(e) }

// Record names the record of an entry.
func Record(e store.JournalEntry) string { return plain.Record(e) }

// When is a journal time as people write it: 14:05 01/03/2026.
func When(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("15:04 02/01/2006")
}
