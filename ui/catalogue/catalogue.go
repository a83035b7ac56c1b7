// Package catalogue is the "Danh mục" area: the rule catalogue the
// eligibility engine reads, shown as the legal regimes, the titles and forms
// of award, and the parameters (thresholds and switches with their validity).
// Award types and parameters are edited here through dialogs whose errors
// appear under the field they concern; nothing in the rules is a constant in
// code, so this is where an administrator follows a change of the law.
package catalogue

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/kit"
)

// catalogueService is what the area needs of the service.
type catalogueService interface {
	Catalogue(ctx context.Context) (rules.Catalogue, error)
	Params(ctx context.Context) ([]store.ParamRow, error)
	SaveParam(ctx context.Context, id int64, p rules.Param) error
	DeleteParam(ctx context.Context, id int64) error
	SaveAwardType(ctx context.Context, a rules.AwardType) error
	SaveAwardAuthority(ctx context.Context, aa rules.AwardAuthority) error
}

var _ catalogueService = (*service.Service)(nil)

// View is the "Danh mục" area.
type View struct {
	svc catalogueService
	win fyne.Window

	cat    rules.Catalogue
	awards []rules.AwardType // in display order
	params []store.ParamRow
	shown  []int // indexes into params that match the search

	tabs       *container.AppTabs
	regimeList *widget.Table
	awardList  *widget.Table
	paramList  *widget.Table
	search     *widget.Entry
	paramCount *widget.Label

	selAward int // index into awards, -1: none
	selParam int // index into shown, -1: none

	editAwardBtn   *widget.Button
	addParamBtn    *widget.Button
	editParamBtn   *widget.Button
	deleteParamBtn *widget.Button

	authority  *authorityTab
	awardDlg   *awardEditor // the open award dialog, if any
	paramDlg   *paramEditor // the open parameter dialog, if any
	confirmDel *dialog.ConfirmDialog

	content fyne.CanvasObject
}

// New builds the area over svc.
func New(svc *service.Service, win fyne.Window) *View { return newView(svc, win) }

func newView(svc catalogueService, win fyne.Window) *View {
	v := &View{svc: svc, win: win, selAward: -1, selParam: -1}
	v.build()
	v.Reload()
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload re-reads the catalogue and keeps the search.
func (v *View) Reload() {
	ctx := context.Background()
	cat, err := v.svc.Catalogue(ctx)
	if err != nil {
		kit.ShowError(v.win, err)
		return
	}
	params, err := v.svc.Params(ctx)
	if err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.cat, v.awards, v.params = cat, cat.Sorted(), params
	v.filter()
	v.regimeList.Refresh()
	v.awardList.Refresh()
	v.selectAward(-1)
	v.authority.reload()
}

func (v *View) build() {
	v.regimeList = kit.TextTable([]kit.Column{
		{Header: "Mã", Width: 70}, {Header: "Tên", Width: 380}, {Header: "Từ năm", Width: 70}, {Header: "Đến năm", Width: 85}, {Header: "Căn cứ pháp lý", Width: 390},
	}, func() int { return len(v.cat.Regimes) }, v.regimeCell)

	v.awardList = kit.TextTable([]kit.Column{
		{Header: "Mã", Width: 90}, {Header: "Tên", Width: 300}, {Header: "Đối tượng", Width: 90}, {Header: "Loại", Width: 95}, {Header: "Cấp", Width: 90},
		{Header: "Hệ số thưởng", Width: 110}, {Header: "Hiệu lực từ", Width: 105}, {Header: "Hiệu lực đến", Width: 105},
		{Header: "Mẫu báo cáo thành tích", Width: 420},
	}, func() int { return len(v.awards) }, v.awardCell)
	v.awardList.OnSelected = func(id widget.TableCellID) { v.selectAward(id.Row) }
	v.editAwardBtn = widget.NewButtonWithIcon(lang.L("Sửa…"), theme.DocumentCreateIcon(), func() {
		if v.selAward >= 0 {
			v.editAward(v.awards[v.selAward])
		}
	})

	v.paramList = kit.TextTable([]kit.Column{
		{Header: "Tham số", Width: 240}, {Header: "Chế độ", Width: 70}, {Header: "Giá trị", Width: 70}, {Header: "Hiệu lực từ", Width: 100}, {Header: "Hiệu lực đến", Width: 105}, {Header: "Mô tả", Width: 400},
	}, func() int { return len(v.shown) }, v.paramCell)
	v.paramList.OnSelected = func(id widget.TableCellID) { v.selectParam(id.Row) }
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(lang.L("Tìm theo tên tham số hoặc mô tả (gõ không dấu cũng được)"))
	v.search.OnChanged = func(string) { v.filter() }
	v.paramCount = widget.NewLabel("")
	v.addParamBtn = widget.NewButtonWithIcon(lang.L("Thêm…"), theme.ContentAddIcon(), func() { v.editParam(store.ParamRow{}) })
	v.editParamBtn = widget.NewButtonWithIcon(lang.L("Sửa…"), theme.DocumentCreateIcon(), func() {
		if p, ok := v.selectedParam(); ok {
			v.editParam(p)
		}
	})
	v.deleteParamBtn = widget.NewButtonWithIcon(lang.L("Xóa…"), theme.DeleteIcon(), func() {
		if p, ok := v.selectedParam(); ok {
			v.askDeleteParam(p)
		}
	})

	note := func(s string) *widget.Label {
		l := widget.NewLabel(lang.L(s))
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	regimes := container.NewBorder(
		note("Chế độ của một năm xét là chế độ có hiệu lực ngày 31 tháng 12 năm đó. Thành tích theo chế độ cũ vẫn được tính."),
		nil, nil, nil, v.regimeList)
	awards := container.NewBorder(
		note("Danh hiệu thi đua và hình thức khen thưởng trong danh mục. Chọn một dòng rồi bấm Sửa để đổi tên, cấp, hệ số tiền thưởng hoặc thời gian hiệu lực."),
		container.NewHBox(v.editAwardBtn), nil, nil, v.awardList)
	params := container.NewBorder(
		container.NewVBox(
			note("Tham số là ngưỡng và công tắc của quy tắc xét. Dòng ghi chế độ cụ thể được dùng trước dòng chung (chế độ để trống) trong thời gian hiệu lực của nó."),
			v.search),
		container.NewBorder(nil, nil, nil, v.paramCount, container.NewHBox(v.addParamBtn, v.editParamBtn, v.deleteParamBtn)),
		nil, nil, v.paramList)
	v.authority = newAuthorityTab(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Chế độ pháp lý"), regimes),
		container.NewTabItem(lang.L("Danh hiệu và hình thức"), awards),
		container.NewTabItem(lang.L("Thẩm quyền"), v.authority.content),
		container.NewTabItem(lang.L("Tham số"), params),
	)
	v.content = container.NewBorder(kit.Heading("Danh mục"), nil, nil, nil, v.tabs)
}

func (v *View) regimeCell(row, col int) string {
	r := v.cat.Regimes[row]
	switch col {
	case 0:
		return r.Code
	case 1:
		return r.Name
	case 2:
		return yearText(r.FromYear)
	case 3:
		return yearText(r.ToYear)
	default:
		return r.Basis
	}
}

// yearText shows an open end of a regime as a dash.
func yearText(y int) string {
	if y == 0 {
		return "—"
	}
	return strconv.Itoa(y)
}

func (v *View) awardCell(row, col int) string {
	a := v.awards[row]
	switch col {
	case 0:
		return a.Code
	case 1:
		return a.Name
	case 2:
		return lang.L(subjectLabels[subjectIndex(a.For)])
	case 3:
		if a.Title {
			return lang.L("Danh hiệu")
		}
		return lang.L("Hình thức")
	case 4:
		return a.Level
	case 5:
		return bonusText(a.Bonus)
	case 6:
		return a.ValidFrom.VN()
	case 7:
		return a.ValidTo.VN()
	default:
		return lang.L(a.Template.Label())
	}
}

// templates are the report forms an award can name, "none" first.
var templates = append([]domain.ReportTemplate{domain.TemplateNone}, domain.ReportTemplates...)

func templateLabels() []string {
	out := make([]string, len(templates))
	for i, t := range templates {
		out[i] = lang.L(t.Label())
	}
	return out
}

func (v *View) paramCell(row, col int) string {
	p := v.params[v.shown[row]]
	switch col {
	case 0:
		return p.Key
	case 1:
		if p.Regime == "" {
			return lang.L("chung")
		}
		return p.Regime
	case 2:
		return p.Value
	case 3:
		return p.ValidFrom.VN()
	case 4:
		return p.ValidTo.VN()
	default:
		return p.Description
	}
}

// filter keeps the parameters whose key or description holds the search
// text, ignoring case and diacritics.
func (v *View) filter() {
	q := domain.Fold(strings.TrimSpace(v.search.Text))
	v.shown = v.shown[:0]
	for i, p := range v.params {
		if q == "" || strings.Contains(domain.Fold(p.Key), q) || strings.Contains(domain.Fold(p.Description), q) {
			v.shown = append(v.shown, i)
		}
	}
	v.paramCount.SetText(fmt.Sprintf(lang.L("%d / %d tham số"), len(v.shown), len(v.params)))
	v.paramList.UnselectAll()
	v.paramList.Refresh()
	v.selectParam(-1)
}

func (v *View) selectAward(i int) {
	if i >= len(v.awards) {
		i = -1
	}
	v.selAward = i
	if i < 0 {
		v.awardList.UnselectAll()
		v.editAwardBtn.Disable()
		return
	}
	v.editAwardBtn.Enable()
}

func (v *View) selectParam(i int) {
	if i >= len(v.shown) {
		i = -1
	}
	v.selParam = i
	if i < 0 {
		v.editParamBtn.Disable()
		v.deleteParamBtn.Disable()
		return
	}
	v.editParamBtn.Enable()
	v.deleteParamBtn.Enable()
}

func (v *View) selectedParam() (store.ParamRow, bool) {
	if v.selParam < 0 || v.selParam >= len(v.shown) {
		return store.ParamRow{}, false
	}
	return v.params[v.shown[v.selParam]], true
}

// askDeleteParam asks before removing a parameter row; the engine then falls
// back to the general row of the same key, if there is one.
func (v *View) askDeleteParam(p store.ParamRow) {
	regime := p.Regime
	if regime == "" {
		regime = lang.L("mọi chế độ")
	}
	msg := fmt.Sprintf(lang.L("Xóa tham số %s (%s), giá trị %s?\nQuy tắc xét sẽ dùng dòng chung của tham số này nếu có."), p.Key, regime, p.Value)
	d := dialog.NewConfirm(lang.L("Xóa tham số"), msg, func(ok bool) {
		v.confirmDel = nil
		if !ok {
			return
		}
		if err := v.svc.DeleteParam(context.Background(), p.ID); err != nil {
			kit.ShowError(v.win, err)
			return
		}
		v.Reload()
	}, v.win)
	d.SetConfirmText(lang.L("Xóa"))
	d.SetDismissText(lang.L("Không xóa"))
	d.SetConfirmImportance(widget.DangerImportance)
	v.confirmDel = d
	d.Show()
}

// Choices of the award dialog, in the order of their index.
var (
	subjectLabels = []string{"Cá nhân", "Tập thể", "Cả hai"}
	subjectCodes  = []string{rules.ForPerson, rules.ForCollective, rules.ForBoth}
	kindLabels    = []string{"Danh hiệu thi đua", "Hình thức khen thưởng"}
	levelLabels   = []string{"Cơ sở", "Bộ, ngành", "Nhà nước"}
)

func subjectIndex(code string) int {
	for i, c := range subjectCodes {
		if c == code {
			return i
		}
	}
	return len(subjectCodes) - 1
}

// bonusText writes a bonus multiple the Vietnamese way (0,3); 0 is blank.
func bonusText(b float64) string {
	if b == 0 {
		return ""
	}
	return strings.ReplaceAll(strconv.FormatFloat(b, 'f', -1, 64), ".", ",")
}

// parseBonus reads a bonus multiple written with a comma or a dot.
func parseBonus(s string) (float64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	if s == "" {
		return 0, nil
	}
	b, err := strconv.ParseFloat(s, 64)
	if err != nil || b < 0 {
		return 0, fmt.Errorf("%q không phải là số", s)
	}
	return b, nil
}

// dateField parses a date entry; a bad date becomes an error under field.
func dateField(field string, e *widget.Entry, errs *domain.FieldErrors) domain.Date {
	d, err := domain.ParseDate(e.Text)
	if err != nil {
		*errs = append(*errs, domain.FieldError{Field: field, Msg: lang.L("cần dạng ngày/tháng/năm, ví dụ 01/01/2025; để trống nếu không giới hạn")})
	}
	return d
}

// awardEditor is the dialog that edits one award type.
type awardEditor struct {
	orig    rules.AwardType
	form    *kit.Form
	name    *widget.Entry
	subject *widget.Select
	kind    *widget.RadioGroup
	level   *widget.SelectEntry
	bonus   *widget.Entry
	from    *widget.Entry
	to      *widget.Entry
	// template is the report form; formName its label in the decree.
	template *widget.Select
	formName *widget.Entry
	save     *widget.Button
	cancel   *widget.Button
	dlg      *dialog.CustomDialog
}

func translated(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = lang.L(k)
	}
	return out
}

// editAward opens the dialog for a; the code is the award's identity and
// stays as it is.
func (v *View) editAward(a rules.AwardType) {
	e := &awardEditor{orig: a, form: kit.NewForm()}
	e.name = widget.NewEntry()
	e.name.SetText(a.Name)
	e.subject = widget.NewSelect(translated(subjectLabels), nil)
	e.subject.SetSelectedIndex(subjectIndex(a.For))
	kinds := translated(kindLabels)
	e.kind = widget.NewRadioGroup(kinds, nil)
	e.kind.Horizontal = true
	e.kind.Required = true
	if a.Title {
		e.kind.SetSelected(kinds[0])
	} else {
		e.kind.SetSelected(kinds[1])
	}
	e.level = widget.NewSelectEntry(translated(levelLabels))
	e.level.SetText(a.Level)
	e.bonus = widget.NewEntry()
	e.bonus.SetText(bonusText(a.Bonus))
	e.from, e.to = kit.DateEntry(), kit.DateEntry()
	e.from.SetText(a.ValidFrom.VN())
	e.to.SetText(a.ValidTo.VN())
	e.template = widget.NewSelect(templateLabels(), nil)
	e.template.SetSelectedIndex(max(slices.Index(templates, a.Template), 1)) // unnamed: công trạng
	e.formName = widget.NewEntry()
	e.formName.SetText(a.Form)

	code := widget.NewLabelWithStyle(a.Code, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	e.form.Add("Mã", code, "")
	e.form.Add("Tên", e.name, "")
	e.form.Add("Đối tượng", e.subject, "")
	e.form.Add("Loại", e.kind, "")
	e.form.Add("Cấp", e.level, "")
	e.form.Add("Hệ số tiền thưởng", e.bonus, "Bội số của mức lương cơ sở, ví dụ 0,3")
	e.form.Add("Hiệu lực từ", e.from, "")
	e.form.Add("Hiệu lực đến", e.to, "Để trống cả hai ngày nếu không giới hạn")
	e.form.Add("Mẫu báo cáo thành tích", e.template, "Mẫu dùng trong đợt thường xuyên; đợt đột xuất, chuyên đề dùng mẫu của loại đợt")
	e.form.Add("Tên mẫu", e.formName, "Số hiệu mẫu trong phụ lục của nghị định, ví dụ “Mẫu số 02”")

	v.awardDlg = e
	e.dlg, e.cancel, e.save = v.editorDialog(fmt.Sprintf(lang.L("Sửa %s"), a.Name), e.form, fyne.NewSize(640, 640), v.closeAward, v.saveAward)
}

func (v *View) closeAward() {
	if v.awardDlg != nil {
		v.awardDlg.dlg.Hide()
		v.awardDlg = nil
	}
}

// saveAward stores the dialog's award type; on a problem the dialog stays
// open with the message under the field concerned.
func (v *View) saveAward() {
	e := v.awardDlg
	if e == nil {
		return
	}
	a := e.orig
	a.Name = e.name.Text
	a.For = subjectCodes[max(e.subject.SelectedIndex(), 0)]
	a.Title = e.kind.Selected == lang.L(kindLabels[0])
	a.Level = e.level.Text
	var errs domain.FieldErrors
	b, err := parseBonus(e.bonus.Text)
	if err != nil {
		errs = append(errs, domain.FieldError{Field: "Hệ số tiền thưởng", Msg: lang.L("nhập một số không âm, ví dụ 0,3 hoặc 1,5")})
	}
	a.Bonus = b
	a.ValidFrom = dateField("Hiệu lực từ", e.from, &errs)
	a.ValidTo = dateField("Hiệu lực đến", e.to, &errs)
	a.Template = templates[max(e.template.SelectedIndex(), 0)]
	a.Form = e.formName.Text
	if len(errs) == 0 {
		err = v.svc.SaveAwardType(context.Background(), a)
	} else {
		err = errs
	}
	if v.saveFailed(e.form, err) {
		return
	}
	v.closeAward()
	v.Reload()
}

// paramEditor is the dialog that adds or edits one parameter row.
type paramEditor struct {
	id      int64
	form    *kit.Form
	key     *widget.Entry
	regime  *widget.Select
	regimes []string // codes behind the select's options; "" is every regime
	value   *widget.Entry
	from    *widget.Entry
	to      *widget.Entry
	desc    *widget.Entry
	save    *widget.Button
	cancel  *widget.Button
	dlg     *dialog.CustomDialog
}

// editParam opens the dialog for p (ID 0: a new row).
func (v *View) editParam(p store.ParamRow) {
	e := &paramEditor{id: p.ID, form: kit.NewForm()}
	e.key = widget.NewEntry()
	e.key.SetText(p.Key)
	e.key.SetPlaceHolder(lang.L("ví dụ cstdcs.quota_percent"))
	opts := []string{lang.L("Mọi chế độ")}
	e.regimes = []string{""}
	for _, r := range v.cat.Regimes {
		opts = append(opts, r.Code)
		e.regimes = append(e.regimes, r.Code)
	}
	if p.Regime != "" && !contains(e.regimes, p.Regime) {
		opts = append(opts, p.Regime)
		e.regimes = append(e.regimes, p.Regime)
	}
	e.regime = widget.NewSelect(opts, nil)
	for i, c := range e.regimes {
		if c == p.Regime {
			e.regime.SetSelectedIndex(i)
		}
	}
	e.value = widget.NewEntry()
	e.value.SetText(p.Value)
	e.from, e.to = kit.DateEntry(), kit.DateEntry()
	e.from.SetText(p.ValidFrom.VN())
	e.to.SetText(p.ValidTo.VN())
	e.desc = widget.NewMultiLineEntry()
	e.desc.Wrapping = fyne.TextWrapWord
	e.desc.SetMinRowsVisible(3)
	e.desc.SetText(p.Description)

	e.form.Add("Tham số", e.key, "Tên mà quy tắc xét đọc")
	e.form.Add("Chế độ", e.regime, "Dòng chung dùng khi chế độ không có dòng riêng")
	e.form.Add("Giá trị", e.value, "Số, xếp loại, phạm vi (CO_SO…) hoặc true/false")
	e.form.Add("Hiệu lực từ", e.from, "")
	e.form.Add("Hiệu lực đến", e.to, "Để trống cả hai ngày nếu không giới hạn")
	e.form.Add("Mô tả", e.desc, "")

	title := lang.L("Thêm tham số")
	if p.ID != 0 {
		title = fmt.Sprintf(lang.L("Sửa tham số %s"), p.Key)
	}
	v.paramDlg = e
	e.dlg, e.cancel, e.save = v.editorDialog(title, e.form, fyne.NewSize(680, 640), v.closeParam, v.saveParam)
}

// editorDialog shows an editor's form in a dialog closed by Hủy (cancel)
// or Lưu (save, the button highlighted), and returns the dialog and its
// two buttons.
func (v *View) editorDialog(title string, form *kit.Form, size fyne.Size, cancel, save func()) (*dialog.CustomDialog, *widget.Button, *widget.Button) {
	cancelBtn := widget.NewButton(lang.L("Hủy"), cancel)
	saveBtn := widget.NewButtonWithIcon(lang.L("Lưu"), theme.DocumentSaveIcon(), save)
	saveBtn.Importance = widget.HighImportance
	d := dialog.NewCustomWithoutButtons(title, container.NewVScroll(form.Content()), v.win)
	d.SetButtons([]fyne.CanvasObject{cancelBtn, saveBtn})
	d.Resize(size)
	d.Show()
	return d, cancelBtn, saveBtn
}

// saveFailed shows a failed save's problems under the editor's fields (what
// belongs to no field in a message box) and reports whether there were any:
// the dialog then stays open.
func (v *View) saveFailed(form *kit.Form, err error) bool {
	if err == nil {
		return false
	}
	if rest := form.ShowErrors(err); rest != nil {
		kit.ShowError(v.win, rest)
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (v *View) closeParam() {
	if v.paramDlg != nil {
		v.paramDlg.dlg.Hide()
		v.paramDlg = nil
	}
}

// saveParam stores the dialog's parameter; on a problem the dialog stays
// open with the message under the field concerned and nothing is saved.
func (v *View) saveParam() {
	e := v.paramDlg
	if e == nil {
		return
	}
	p := rules.Param{Key: e.key.Text, Value: e.value.Text, Description: e.desc.Text}
	if i := e.regime.SelectedIndex(); i > 0 {
		p.Regime = e.regimes[i]
	}
	var errs domain.FieldErrors
	p.ValidFrom = dateField("Hiệu lực từ", e.from, &errs)
	p.ValidTo = dateField("Hiệu lực đến", e.to, &errs)
	var err error
	if len(errs) > 0 {
		err = errs
	} else {
		err = v.svc.SaveParam(context.Background(), e.id, p)
	}
	if v.saveFailed(e.form, err) {
		return
	}
	v.closeParam()
	v.Reload()
}
