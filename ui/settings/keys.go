package settings

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/paths"
	"tdkt/internal/service"
	"tdkt/ui/kit"
	"tdkt/ui/packages"
)

// KeyService is what the "Khóa ký hồ sơ" section needs: the office's
// signing key (made and sealed with the director's passphrase), its public
// key file for the centre, and the centre's key the packages are
// encrypted to.
type KeyService interface {
	packages.Actor
	HasSigningKey(ctx context.Context) bool
	CreateSigningKey(ctx context.Context, passphrase string) error
	ChangePassphrase(ctx context.Context, old, new string) error
	PublicKeyFile(ctx context.Context) ([]byte, string, error)
	ExportKeySheet(ctx context.Context, w io.Writer) error
	SetCentralKey(ctx context.Context, keyFile []byte) error
	CentralKey(ctx context.Context) (pack.KeyFile, bool, error)
	IsCentral(ctx context.Context) bool
}

// Labels of the key dialogs: the service names the first two in its
// errors.
const (
	FieldPassphrase       = service.FieldPassphrase    // Mật khẩu khóa ký
	FieldNewPassphrase    = service.FieldNewPassphrase // Mật khẩu mới
	FieldRepeatPassphrase = "Nhập lại mật khẩu"
	FieldOldPassphrase    = "Mật khẩu khóa ký hiện tại"
)

// keysSection is "Khóa ký hồ sơ": the fingerprint to read to the centre,
// the public key file to send it, the passphrase, and the centre's key.
type keysSection struct {
	svc  KeyService
	win  fyne.Window
	unit func() string // the office's code, for the key file's name

	fingerprint *widget.Label
	state       *widget.Label
	central     *widget.Label
	exportBtn   *widget.Button
	sheetBtn    *widget.Button
	createBtn   *widget.Button
	changeBtn   *widget.Button
	centralBtn  *widget.Button
	centralBox  *fyne.Container

	dlg      *packages.FormDialog // the last dialog opened (tests fill it)
	fields   map[string]*packages.KeyEntry
	exported string // the last public key file written
	sheet    string // the last key registration sheet written
	lastErr  error
	content  fyne.CanvasObject
}

func newKeysSection(svc KeyService, win fyne.Window, unit func() string) *keysSection {
	k := &keysSection{svc: svc, win: win, unit: unit, fields: map[string]*packages.KeyEntry{}}
	k.fingerprint = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true, Bold: true})
	k.fingerprint.SizeName = theme.SizeNameHeadingText
	k.state = widget.NewLabel("")
	k.state.Wrapping = fyne.TextWrapWord
	k.central = widget.NewLabel("")
	k.central.Wrapping = fyne.TextWrapWord
	k.exportBtn = widget.NewButtonWithIcon(lang.L("Xuất khóa công khai…"), theme.DocumentSaveIcon(), k.onExport)
	k.sheetBtn = widget.NewButtonWithIcon(lang.L("In phiếu đăng ký khóa…"), theme.DocumentPrintIcon(), k.onSheet)
	k.createBtn = widget.NewButtonWithIcon(lang.L("Tạo khóa ký"), theme.ContentAddIcon(), k.OnCreate)
	k.createBtn.Importance = widget.HighImportance
	k.changeBtn = widget.NewButtonWithIcon(lang.L("Đổi mật khẩu khóa ký"), theme.AccountIcon(), k.OnChange)
	k.centralBtn = widget.NewButtonWithIcon(lang.L("Đăng ký khóa của Trung ương…"), theme.FileIcon(), func() {
		packages.OpenFileDialog(k.win, packages.DocumentsDir(), []string{".pub"}, k.RegisterCentralKey)
	})
	k.centralBox = container.NewVBox(
		widget.NewSeparator(),
		kit.Heading("Khóa của Trung ương"),
		k.central,
		container.NewHBox(k.centralBtn),
	)
	k.content = container.NewVBox(
		kit.Heading("Khóa ký hồ sơ"),
		k.state,
		k.fingerprint,
		container.NewHBox(k.createBtn, k.exportBtn, k.sheetBtn, k.changeBtn),
		k.centralBox,
	)
	return k
}

// reload shows the keys as they are now.
func (k *keysSection) reload() {
	ctx := context.Background()
	central := k.svc.IsCentral(ctx)
	if central {
		// The centre's keys are made with its database; its keyring of
		// the offices' keys is an area of its own.
		k.centralBox.Hide()
	} else {
		k.centralBox.Show()
	}
	// Only the director makes, re-seals or registers keys.
	director := packages.Allowed(k.svc, domain.RoleDirector)
	for _, b := range []*widget.Button{k.createBtn, k.changeBtn, k.centralBtn} {
		if director {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if k.svc.HasSigningKey(ctx) {
		_, fp, err := k.svc.PublicKeyFile(ctx)
		if err != nil {
			k.showError(err)
		}
		k.fingerprint.SetText(docs.FingerprintLines(fp))
		k.fingerprint.Show()
		k.state.SetText(lang.L("Vân tay khóa ký của đơn vị (đọc cho Trung ương qua điện thoại để xác nhận tệp khóa công khai không bị đánh tráo):"))
		k.exportBtn.SetText(lang.L("Xuất khóa công khai…"))
		if central {
			k.state.SetText(lang.L("Vân tay khóa của Trung ương (các đơn vị đối chiếu khi đăng ký tệp khóa của Trung ương):"))
			k.exportBtn.SetText(lang.L("Xuất tệp khóa của Trung ương…"))
		}
		k.createBtn.Hide()
		k.exportBtn.Show()
		k.changeBtn.Show()
		if central {
			k.sheetBtn.Hide()
		} else {
			k.sheetBtn.Show()
		}
	} else {
		k.fingerprint.SetText("")
		k.fingerprint.Hide()
		k.state.SetText(lang.L("Đơn vị chưa có khóa ký. Giám đốc tạo khóa ký và giữ mật khẩu; mỗi gói hồ sơ gửi Trung ương được ký bằng khóa này."))
		k.createBtn.Show()
		k.exportBtn.Hide()
		k.sheetBtn.Hide()
		k.changeBtn.Hide()
	}
	if central {
		return
	}
	c, ok, err := k.svc.CentralKey(ctx)
	switch {
	case err != nil:
		k.showError(err)
	case ok:
		k.central.SetText(fmt.Sprintf(lang.L("%s (%s)\nVân tay: %s\nCác gói hồ sơ được mã hóa cho khóa này."), c.Name, c.Code, pack.Fingerprint(c.Sign)))
		k.centralBtn.SetText(lang.L("Thay khóa của Trung ương…"))
	default:
		k.central.SetText(lang.L("Chưa đăng ký: các gói hồ sơ sẽ không được mã hóa. Mở tệp khóa (.pub) Trung ương gửi để đăng ký."))
		k.centralBtn.SetText(lang.L("Đăng ký khóa của Trung ương…"))
	}
}

// FingerprintText is the fingerprint as shown (tests read it).
func (k *keysSection) FingerprintText() string { return k.fingerprint.Text }

func (k *keysSection) onExport() {
	name := "donvi.pub"
	if k.svc.IsCentral(context.Background()) {
		name = "trung-uong.pub"
	} else if c := k.unit(); c != "" {
		name = c + ".pub"
	}
	packages.SaveFileDialog(k.win, packages.DocumentsDir(), name, func(path string) {
		if err := k.ExportPublicKey(path); err != nil {
			k.showError(err)
		}
	})
}

func (k *keysSection) onSheet() {
	name := "Phiếu đăng ký khóa"
	if c := k.unit(); c != "" {
		name += " " + c
	}
	packages.SaveFileDialog(k.win, packages.DocumentsDir(), paths.SafeFileName(name, ".pdf"), func(path string) {
		if err := k.ExportKeySheet(path); err != nil {
			k.showError(err)
		}
	})
}

// ExportKeySheet writes the key registration sheet (PDF) to path and
// offers to open it for printing: the director signs it and sends it to
// the centre with the key file.
func (k *keysSection) ExportKeySheet(path string) error {
	if err := paths.WriteAtomic(path, func(w io.Writer) error { return k.svc.ExportKeySheet(context.Background(), w) }); err != nil {
		return err
	}
	k.sheet = path
	kit.Confirm(k.win, lang.L("Phiếu đăng ký khóa"), fmt.Sprintf(lang.L("Đã ghi %s. In phiếu, Giám đốc ký, đóng dấu rồi gửi Trung ương cùng tệp khóa công khai."), filepath.Base(path)),
		lang.L("Mở tệp"), false, func() {
			if err := kit.OpenFile(path); err != nil {
				k.showError(err)
			}
		})
	return nil
}

// ExportPublicKey writes the office's public key file to path.
func (k *keysSection) ExportPublicKey(path string) error {
	b, fp, err := k.svc.PublicKeyFile(context.Background())
	if err != nil {
		return err
	}
	if err := paths.WriteAtomic(path, func(w io.Writer) error { _, err := io.Copy(w, bytes.NewReader(b)); return err }); err != nil {
		return err
	}
	k.exported = path
	kit.Tell(k.win, lang.L("Xuất khóa công khai"), fmt.Sprintf(lang.L("Đã ghi tệp %s.\nGửi tệp này cho Trung ương, rồi đọc vân tay để Trung ương đối chiếu:\n%s"),
		filepath.Base(path), fp))
	return nil
}

// OnCreate asks for a new passphrase, twice, and makes the key pair.
func (k *keysSection) OnCreate() {
	d := packages.NewFormDialog(k.win, lang.L("Tạo khóa ký"),
		lang.L("Mật khẩu bảo vệ khóa ký; cần nhập mỗi lần tạo gói hồ sơ. Quên mật khẩu thì phải tạo khóa mới và đăng ký lại với Trung ương."),
		lang.L("Tạo khóa"), func(d *packages.FormDialog) {
			pass, again := k.fields[FieldPassphrase].Text, k.fields[FieldRepeatPassphrase].Text
			if pass != again {
				d.Fail(domain.FieldError{Field: FieldRepeatPassphrase, Msg: lang.L("không khớp với mật khẩu đã nhập; nhập lại cho giống")})
				return
			}
			if d.Fail(k.svc.CreateSigningKey(context.Background(), pass)) {
				return
			}
			d.Close()
			k.reload()
		})
	k.open(d, FieldPassphrase, FieldRepeatPassphrase)
}

// OnChange asks for the passphrase in use and a new one, twice.
func (k *keysSection) OnChange() {
	d := packages.NewFormDialog(k.win, lang.L("Đổi mật khẩu khóa ký"), "", lang.L("Đổi mật khẩu"), func(d *packages.FormDialog) {
		old, pass, again := k.fields[FieldOldPassphrase].Text, k.fields[FieldNewPassphrase].Text, k.fields[FieldRepeatPassphrase].Text
		if pass != again {
			d.Fail(domain.FieldError{Field: FieldRepeatPassphrase, Msg: lang.L("không khớp với mật khẩu mới; nhập lại cho giống")})
			return
		}
		if d.Fail(k.svc.ChangePassphrase(context.Background(), old, pass)) {
			return
		}
		d.Close()
		kit.Tell(k.win, lang.L("Đổi mật khẩu khóa ký"), lang.L("Đã đổi mật khẩu khóa ký. Khóa và vân tay không đổi; không cần đăng ký lại với Trung ương."))
	})
	d.PassphraseField = FieldOldPassphrase
	k.open(d, FieldOldPassphrase, FieldNewPassphrase, FieldRepeatPassphrase)
}

func (k *keysSection) open(d *packages.FormDialog, labels ...string) {
	k.fields = map[string]*packages.KeyEntry{}
	for _, l := range labels {
		hint := ""
		if l == FieldNewPassphrase || (l == FieldPassphrase && len(labels) == 2) {
			hint = "ít nhất 4 ký tự; chỉ Giám đốc biết"
		}
		k.fields[l] = d.AddSecret(l, hint)
	}
	k.dlg = d
	d.Show()
}

// RegisterCentralKey reads the centre's key file and stores it: packages
// are encrypted to it from now on.
func (k *keysSection) RegisterCentralKey(path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		k.showError(fmt.Errorf("đọc tệp khóa %s: %w", filepath.Base(path), err))
		return
	}
	if err := k.svc.SetCentralKey(context.Background(), b); err != nil {
		k.showError(err)
		return
	}
	k.reload()
	kit.Tell(k.win, lang.L("Khóa của Trung ương"), fmt.Sprintf(lang.L("Đã đăng ký khóa:\n%s"), k.central.Text))
}

func (k *keysSection) showError(err error) {
	k.lastErr = err
	kit.ShowError(k.win, err)
}
