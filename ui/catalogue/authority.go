package catalogue

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// authorityTab lists who confers each award over which period, under what
// full name: what the round's Tờ trình, decisions and reports print.
type authorityTab struct {
	v       *View
	list    *widget.Table
	sel     int // index into v.cat.AwardAuthorities, -1: none
	editBtn *widget.Button
	addBtn  *widget.Button
	dlg     *authorityEditor // the open dialog, if any
	content fyne.CanvasObject
}

// authorityEditor is the dialog of one period of an award's authority.
type authorityEditor struct {
	orig      rules.AwardAuthority
	form      *kit.Form
	award     *widget.Select
	authority *widget.Select
	name      *widget.Entry
	from, to  *widget.Entry
	save      *widget.Button
	dlg       *dialog.CustomDialog
}

func newAuthorityTab(v *View) *authorityTab {
	t := &authorityTab{v: v, sel: -1}
	t.list = kit.TextTable([]kit.Column{
		{Header: "Mã", Width: 90}, {Header: "Tên đầy đủ", Width: 380}, {Header: "Cấp quyết định", Width: 300},
		{Header: "Hiệu lực từ", Width: 105}, {Header: "Hiệu lực đến", Width: 105},
	}, func() int { return len(v.cat.AwardAuthorities) }, t.cell)
	t.list.OnSelected = func(id widget.TableCellID) { t.choose(id.Row) }
	t.editBtn = widget.NewButtonWithIcon(lang.L("Sửa…"), theme.DocumentCreateIcon(), func() {
		if t.sel >= 0 {
			t.edit(v.cat.AwardAuthorities[t.sel])
		}
	})
	t.addBtn = widget.NewButtonWithIcon(lang.L("Thêm thời kỳ…"), theme.ContentAddIcon(), func() {
		aa := rules.AwardAuthority{}
		if t.sel >= 0 {
			aa.Award = v.cat.AwardAuthorities[t.sel].Award
		}
		t.edit(aa)
	})
	note := widget.NewLabel(lang.L("Ai quyết định từng danh hiệu, hình thức trong thời gian nào, và tên đầy đủ in trên văn bản. Danh hiệu do Giám đốc đơn vị quyết định được lập Tờ trình của Hội đồng và Quyết định của đơn vị; các danh hiệu khác được đề nghị lên cấp trên."))
	note.Wrapping = fyne.TextWrapWord
	t.content = container.NewBorder(note, container.NewHBox(t.addBtn, t.editBtn), nil, nil, t.list)
	t.choose(-1)
	return t
}

// signerText is who decides, as the table shows it.
func (t *authorityTab) signerText(code string) string {
	for _, au := range t.v.cat.Authorities {
		if au.Code == code {
			if au.Own {
				return lang.L("Giám đốc đơn vị")
			}
			return au.Signer
		}
	}
	return code
}

func (t *authorityTab) cell(row, col int) string {
	aa := t.v.cat.AwardAuthorities[row]
	switch col {
	case 0:
		return aa.Award
	case 1:
		return aa.FullName
	case 2:
		return t.signerText(aa.Authority)
	case 3:
		return aa.ValidFrom.VN()
	default:
		return aa.ValidTo.VN()
	}
}

func (t *authorityTab) choose(i int) {
	if i >= len(t.v.cat.AwardAuthorities) {
		i = -1
	}
	t.sel = i
	if i < 0 {
		t.list.UnselectAll()
		t.editBtn.Disable()
		return
	}
	t.editBtn.Enable()
}

func (t *authorityTab) reload() {
	t.list.Refresh()
	t.choose(-1)
}

func (t *authorityTab) edit(aa rules.AwardAuthority) {
	v := t.v
	e := &authorityEditor{orig: aa, form: kit.NewForm()}
	var codes []string
	for _, a := range v.awards {
		codes = append(codes, a.Code)
	}
	e.award = widget.NewSelect(codes, nil)
	e.award.SetSelected(aa.Award)
	var signers []string
	for _, au := range v.cat.Authorities {
		signers = append(signers, t.signerText(au.Code))
	}
	e.authority = widget.NewSelect(signers, nil)
	if aa.Authority != "" {
		e.authority.SetSelected(t.signerText(aa.Authority))
	}
	e.name = widget.NewEntry()
	e.name.SetText(aa.FullName)
	e.name.SetPlaceHolder(lang.L("ví dụ Bằng khen của Bộ trưởng Bộ Tài chính"))
	e.from, e.to = kit.DateEntry(), kit.DateEntry()
	e.from.SetText(aa.ValidFrom.VN())
	e.to.SetText(aa.ValidTo.VN())
	e.form.Add(service.FieldAward, e.award, "")
	e.form.Add(service.FieldAuthority, e.authority, "")
	e.form.Add(service.FieldAwardFullName, e.name, "in trên Tờ trình, Quyết định, danh sách và báo cáo")
	e.form.Add(service.FieldValidFrom, e.from, "")
	e.form.Add(service.FieldValidTo, e.to, "Để trống nếu không giới hạn")
	title := lang.L("Thêm thời kỳ thẩm quyền")
	if aa.ID != 0 {
		title = fmt.Sprintf(lang.L("Sửa %s"), aa.FullName)
	}
	t.dlg = e
	e.dlg, _, e.save = v.editorDialog(title, e.form, fyne.NewSize(640, 480), t.close, t.save)
}

func (t *authorityTab) close() {
	if t.dlg != nil {
		t.dlg.dlg.Hide()
		t.dlg = nil
	}
}

// save stores the dialog's period; on a problem the dialog stays open with
// the message under the field concerned.
func (t *authorityTab) save() {
	e, v := t.dlg, t.v
	if e == nil {
		return
	}
	aa := e.orig
	aa.Award, aa.FullName = e.award.Selected, e.name.Text
	aa.Authority = ""
	if i := e.authority.SelectedIndex(); i >= 0 {
		aa.Authority = v.cat.Authorities[i].Code
	}
	var errs domain.FieldErrors
	aa.ValidFrom = dateField(service.FieldValidFrom, e.from, &errs)
	aa.ValidTo = dateField(service.FieldValidTo, e.to, &errs)
	var err error = errs
	if len(errs) == 0 {
		err = v.svc.SaveAwardAuthority(context.Background(), aa)
	}
	if v.saveFailed(e.form, err) {
		return
	}
	t.close()
	v.Reload()
}
