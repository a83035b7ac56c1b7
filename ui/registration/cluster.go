package registration

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/ui/kit"
)

// Labels of the cluster form; service field errors name them (the role
// and "own" problems are shown under the members).
const (
	fieldClusterName = "Tên cụm"
	fieldMembers     = "Thành viên"
	fieldPact        = "Giao ước thi đua"
	fieldRole        = "Vai trò"
	fieldOwn         = "Đơn vị mình"
)

// roles in the order the select offers them.
var roles = []domain.ClusterRole{domain.RoleLeader, domain.RoleDeputy, domain.RoleMember}

func roleLabel(r domain.ClusterRole) string {
	switch r {
	case domain.RoleLeader:
		return lang.L("Cụm trưởng")
	case domain.RoleDeputy:
		return lang.L("Cụm phó")
	}
	return lang.L("Thành viên")
}

// memberRow is one office of the cluster in the editor.
type memberRow struct {
	name  *widget.Entry
	role  *widget.Select
	own   *widget.Check
	total domain.ClusterMember // the score fields, kept as loaded
	box   *fyne.Container
}

// clusterTab records the year's emulation cluster (cụm thi đua): its name,
// the member offices with the leader and deputy, and the pact.
type clusterTab struct {
	v       *View
	cluster domain.Cluster
	form    *kit.Form
	name    *widget.Entry
	members []*memberRow
	memBox  *fyne.Container
	pact    *widget.Entry
	saveBtn *widget.Button
	content fyne.CanvasObject
}

func newClusterTab(v *View) *clusterTab {
	t := &clusterTab{v: v, form: kit.NewForm()}
	t.name = widget.NewEntry()
	t.name.SetPlaceHolder(lang.L("ví dụ Cụm thi đua số 5"))
	t.memBox = container.NewVBox()
	add := widget.NewButtonWithIcon(lang.L("Thêm thành viên"), theme.ContentAddIcon(), func() { t.addMember(domain.ClusterMember{}) })
	t.pact = widget.NewMultiLineEntry()
	t.pact.Wrapping = fyne.TextWrapWord
	t.pact.SetMinRowsVisible(8)
	t.pact.SetPlaceHolder(lang.L("Nội dung giao ước thi đua các đơn vị trong cụm đã ký"))
	t.form.Add(fieldClusterName, t.name, "")
	t.form.Add(fieldMembers, container.NewVBox(t.memBox, container.NewHBox(add)), "Đánh dấu “Đơn vị mình” cho BHXH tỉnh đang dùng chương trình.")
	t.form.Add(fieldPact, t.pact, "")
	t.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu cụm thi đua"), theme.DocumentSaveIcon(), t.save)
	t.saveBtn.Importance = widget.HighImportance
	t.content = container.NewBorder(nil, container.NewHBox(t.saveBtn), nil, nil, container.NewVScroll(t.form.Content()))
	return t
}

// refresh reads the year's cluster; with none, the form starts with this
// office as the only member.
func (t *clusterTab) refresh() {
	v := t.v
	t.form.ClearErrors()
	c, ok, err := v.svc.Cluster(v.ctx, v.year)
	if err != nil {
		kit.ShowError(v.win, err)
	}
	if !ok {
		c = domain.Cluster{Year: v.year}
		if root, ok := v.rootUnit(); ok {
			c.Members = []domain.ClusterMember{{Name: root.Name, Own: true}}
		}
	}
	t.cluster = c
	t.name.SetText(c.Name)
	t.pact.SetText(c.Pact)
	t.members = nil
	t.memBox.Objects = nil
	for _, m := range c.Members {
		t.addMember(m)
	}
	t.memBox.Refresh()
}

func (t *clusterTab) addMember(m domain.ClusterMember) {
	row := &memberRow{name: widget.NewEntry(), total: m}
	row.name.SetText(m.Name)
	row.name.SetPlaceHolder(lang.L("Bảo hiểm xã hội tỉnh …"))
	var opts []string
	for _, r := range roles {
		opts = append(opts, roleLabel(r))
	}
	row.role = widget.NewSelect(opts, nil)
	for i, r := range roles {
		if r == m.Role {
			row.role.SetSelectedIndex(i)
		}
	}
	row.own = widget.NewCheck(lang.L("Đơn vị mình"), nil)
	row.own.SetChecked(m.Own)
	row.own.OnChanged = func(on bool) {
		if !on {
			return
		}
		for _, x := range t.members { // only one member is this office
			if x != row && x.own.Checked {
				x.own.SetChecked(false)
			}
		}
	}
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	row.box = container.NewBorder(nil, nil, nil, container.NewHBox(sized(row.role, 130), row.own, del), row.name)
	del.OnTapped = func() {
		for i, x := range t.members {
			if x == row {
				t.members = append(t.members[:i], t.members[i+1:]...)
				break
			}
		}
		t.memBox.Remove(row.box)
	}
	t.members = append(t.members, row)
	t.memBox.Add(row.box)
}

// read gathers the form into a cluster.
func (t *clusterTab) read() (domain.Cluster, error) {
	c := t.cluster
	c.Year = t.v.year
	c.Name = strings.TrimSpace(t.name.Text)
	c.Pact = strings.TrimSpace(t.pact.Text)
	c.Members = nil
	var errs domain.FieldErrors
	leaders := 0
	for _, r := range t.members {
		name := strings.TrimSpace(r.name.Text)
		if name == "" {
			continue
		}
		m := r.total
		m.Name, m.Own = name, r.own.Checked
		m.Role = domain.RoleMember
		if i := r.role.SelectedIndex(); i >= 0 {
			m.Role = roles[i]
		}
		if m.Role == domain.RoleLeader {
			leaders++
		}
		c.Members = append(c.Members, m)
	}
	if leaders > 1 {
		errs = append(errs, domain.FieldError{Field: fieldMembers, Msg: fmt.Sprintf(lang.L("cụm chỉ có một cụm trưởng, đang chọn %d"), leaders)})
	}
	if len(errs) > 0 {
		return c, errs
	}
	return c, nil
}

func (t *clusterTab) save() {
	v := t.v
	c, err := t.read()
	if err == nil {
		err = v.svc.SaveCluster(v.ctx, c)
	}
	if err != nil {
		err = renameFields(err, map[string]string{fieldRole: fieldMembers, fieldOwn: fieldMembers})
		if rest := t.form.ShowErrors(err); rest != nil {
			kit.ShowError(v.win, rest)
		}
		return
	}
	t.form.ClearErrors()
	t.refresh()
	v.showBanner(fmt.Sprintf(lang.L("Đã lưu cụm thi đua năm %d."), v.year), nil)
}
