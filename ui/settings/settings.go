// Package settings is the "Cài đặt" area: the office profile as it appears
// on documents (names, place, signers, number code), the interface language,
// and where the data lives with a backup button. The profile form is also
// what the first start shows to create the office.
package settings

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/ui/i18n"
	"tdkt/ui/kit"
)

// Service is what the settings area needs.
type Service interface {
	Profile(ctx context.Context) (domain.OfficeProfile, bool, error)
	SaveProfile(ctx context.Context, p domain.OfficeProfile) error
	Language(ctx context.Context) string
	SetLanguage(ctx context.Context, lang string) error
	DatabasePath() string
	BackupTo(ctx context.Context, dir string) (string, error)
	KeyService
}

// Labels of the profile form, also the Field names of domain.OfficeProfile.Validate.
const (
	FieldCode     = "Mã đơn vị"
	FieldName     = "Tên đơn vị"
	FieldParent   = "Cơ quan cấp trên"
	FieldPlace    = "Địa danh"
	FieldDirector = "Giám đốc"
	FieldDocCode  = "Ký hiệu trên số văn bản"
)

const deputySlots = 3

// ProfileForm edits an office profile.
type ProfileForm struct {
	Form                                                 *kit.Form
	Code, Name, Parent, Place, Director, DirPos, DocCode *widget.Entry
	DepName, DepPos                                      [deputySlots]*widget.Entry
}

// NewProfileForm builds the form filled with p.
func NewProfileForm(p domain.OfficeProfile) *ProfileForm {
	f := &ProfileForm{Form: kit.NewForm()}
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(lang.L(placeholder))
		return e
	}
	f.Code = entry(p.UnitCode, "ví dụ HTI")
	f.Name = entry(p.UnitName, "ví dụ Bảo hiểm xã hội tỉnh Hà Tĩnh")
	f.Parent = entry(p.ParentName, "Bảo hiểm xã hội Việt Nam")
	if p.ParentName == "" {
		f.Parent.SetText("Bảo hiểm xã hội Việt Nam")
	}
	f.Place = entry(p.Place, "ví dụ Hà Tĩnh")
	f.Director = entry(p.Director.Name, "họ và tên")
	f.DirPos = entry(p.Director.Position, "Giám đốc")
	if p.Director.Position == "" {
		f.DirPos.SetText("Giám đốc")
	}
	f.DocCode = entry(p.DocNumberCode, "BHXH")
	if p.DocNumberCode == "" {
		f.DocCode.SetText("BHXH")
	}
	f.Form.Add(FieldCode, f.Code, "Mã không đổi được sau khi tạo đơn vị")
	f.Form.Add(FieldName, f.Name, "Như in trên văn bản; chương trình tự in hoa ở phần đầu văn bản")
	f.Form.Add(FieldParent, f.Parent, "")
	f.Form.Add(FieldPlace, f.Place, "Dùng cho dòng \"…, ngày … tháng … năm …\"")
	f.Form.Add(FieldDirector, container.NewGridWithColumns(2, f.Director, f.DirPos), "Họ và tên | chức vụ")
	for i := range deputySlots {
		f.DepName[i], f.DepPos[i] = entry("", "họ và tên"), entry("", "Phó Giám đốc")
		if i < len(p.Deputies) {
			f.DepName[i].SetText(p.Deputies[i].Name)
			f.DepPos[i].SetText(p.Deputies[i].Position)
		}
		f.Form.Add(fmt.Sprintf(lang.L("Phó Giám đốc %d"), i+1), container.NewGridWithColumns(2, f.DepName[i], f.DepPos[i]), "")
	}
	f.Form.Add(FieldDocCode, f.DocCode, "Phần sau dấu gạch trong \"Số: 12/TTr-BHXH\"")
	return f
}

// Profile reads the form.
func (f *ProfileForm) Profile() domain.OfficeProfile {
	p := domain.OfficeProfile{
		UnitCode: f.Code.Text, UnitName: f.Name.Text, ParentName: f.Parent.Text, Place: f.Place.Text,
		Director:      domain.Signer{Name: f.Director.Text, Position: f.DirPos.Text},
		DocNumberCode: f.DocCode.Text,
	}
	for i := range deputySlots {
		if f.DepName[i].Text != "" {
			pos := f.DepPos[i].Text
			if pos == "" {
				pos = "Phó Giám đốc"
			}
			p.Deputies = append(p.Deputies, domain.Signer{Name: f.DepName[i].Text, Position: pos})
		}
	}
	return p
}

// View is the Cài đặt area.
type View struct {
	svc     Service
	win     fyne.Window
	changed func()
	form    *ProfileForm
	holder  *fyne.Container
	langSel *widget.Select
	// The window's look on this computer (kit.Appearance).
	themeSel, zoomSel *widget.Select
	dbPath            *widget.Label
	status            *widget.Label
	keys              *keysSection
	root              fyne.CanvasObject
}

// New builds the area; changed runs after the profile is saved.
func New(svc Service, win fyne.Window, changed func()) *View {
	v := &View{svc: svc, win: win, changed: changed, holder: container.NewStack(), dbPath: widget.NewLabel(""), status: widget.NewLabel("")}
	v.dbPath.Wrapping = fyne.TextWrapBreak
	v.langSel = widget.NewSelect([]string{"Tiếng Việt", "English"}, v.onLanguage)
	save := widget.NewButtonWithIcon(lang.L("Lưu thông tin đơn vị"), theme.DocumentSaveIcon(), v.Save)
	save.Importance = widget.HighImportance
	backup := widget.NewButtonWithIcon(lang.L("Sao lưu ngay…"), theme.DownloadIcon(), v.onBackup)
	openDir := widget.NewButtonWithIcon(lang.L("Mở thư mục dữ liệu"), theme.FolderOpenIcon(), func() {
		if err := kit.OpenFile(filepath.Dir(v.svc.DatabasePath())); err != nil {
			kit.ShowError(v.win, err)
		}
	})
	v.themeSel = widget.NewSelect([]string{lang.L("Sáng (mặc định)"), lang.L("Tối")}, nil)
	var zooms []string
	for _, z := range kit.Zooms {
		zooms = append(zooms, fmt.Sprintf("%.0f%%", z*100))
	}
	v.zoomSel = widget.NewSelect(zooms, nil)
	cur := kit.LoadAppearance(fyne.CurrentApp().Preferences())
	v.themeSel.SetSelectedIndex(map[bool]int{false: 0, true: 1}[cur.Dark])
	v.zoomSel.SetSelected(fmt.Sprintf("%.0f%%", cur.Zoom*100))
	v.themeSel.OnChanged = func(string) { v.applyAppearance() }
	v.zoomSel.OnChanged = func(string) { v.applyAppearance() }
	v.keys = newKeysSection(svc, win, v.unitCode)
	body := container.NewVBox(
		kit.Heading("Thông tin đơn vị trên văn bản"), v.holder,
		widget.NewSeparator(),
		v.keys.content,
		widget.NewSeparator(),
		kit.Heading("Ngôn ngữ giao diện"), container.NewHBox(v.langSel, widget.NewLabel(lang.L("(có hiệu lực khi mở lại chương trình)"))),
		widget.NewSeparator(),
		kit.Heading("Giao diện trên máy này"),
		kit.Bar(widget.NewLabel(lang.L("Màu")), v.themeSel, widget.NewLabel(lang.L("Cỡ chữ và nút")), v.zoomSel),
		widget.NewSeparator(),
		kit.Heading("Dữ liệu"), v.dbPath, container.NewHBox(backup, openDir),
	)
	// The save button stays in view below the scrolling form.
	v.root = container.NewBorder(nil, container.NewPadded(container.NewHBox(save, v.status)), nil, nil,
		container.NewVScroll(container.NewPadded(body)))
	return v
}

// applyAppearance applies the chosen colours and zoom at once.
func (v *View) applyAppearance() {
	a := kit.Appearance{Dark: v.themeSel.SelectedIndex() == 1, Zoom: 1}
	if i := v.zoomSel.SelectedIndex(); i >= 0 {
		a.Zoom = kit.Zooms[i]
	}
	a.Apply(fyne.CurrentApp())
}

// unitCode names the office's public key file.
func (v *View) unitCode() string {
	if v.form == nil {
		return ""
	}
	return v.form.Code.Text
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.root }

// Form is the profile form currently shown (tests fill it).
func (v *View) Form() *ProfileForm { return v.form }

// Reload re-reads the profile.
func (v *View) Reload() {
	ctx := context.Background()
	p, ok, err := v.svc.Profile(ctx)
	if err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.form = NewProfileForm(p)
	if ok {
		v.form.Code.Disable()
	}
	v.holder.Objects = []fyne.CanvasObject{v.form.Form.Content()}
	v.holder.Refresh()
	v.keys.reload()
	v.status.SetText("")
	if v.svc.Language(ctx) == i18n.English {
		v.langSel.SetSelectedIndex(1)
	} else {
		v.langSel.SetSelectedIndex(0)
	}
	v.dbPath.SetText(fmt.Sprintf(lang.L("Tệp dữ liệu: %s\nSao lưu: sao chép tệp này (khi chương trình đã đóng) hoặc bấm \"Sao lưu ngay…\"."), v.svc.DatabasePath()))
}

// Save validates and stores the profile; errors appear under their fields.
func (v *View) Save() {
	err := v.svc.SaveProfile(context.Background(), v.form.Profile())
	if rest := v.form.Form.ShowErrors(err); rest != nil {
		kit.ShowError(v.win, rest)
		return
	}
	if err != nil {
		return
	}
	v.status.SetText(lang.L("Đã lưu thông tin đơn vị."))
	if v.changed != nil {
		v.changed()
	}
}

func (v *View) onLanguage(choice string) {
	code := i18n.Vietnamese
	if choice == "English" {
		code = i18n.English
	}
	ctx := context.Background()
	if v.svc.Language(ctx) == code {
		return
	}
	if err := v.svc.SetLanguage(ctx, code); err != nil {
		kit.ShowError(v.win, err)
	}
}

func (v *View) onBackup() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		var out string
		kit.RunLong(v.win, "Đang sao lưu", func(ctx context.Context, _ kit.Progress) error {
			var err error
			out, err = v.svc.BackupTo(ctx, dir.Path())
			return err
		}, func(err error) {
			if err != nil {
				kit.ShowError(v.win, err)
				return
			}
			dialog.ShowInformation(lang.L("Sao lưu xong"), fmt.Sprintf(lang.L("Đã sao lưu và kiểm tra tệp:\n%s"), filepath.Clean(out)), v.win)
		})
	}, v.win)
	d.Show()
}
