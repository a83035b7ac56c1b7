package settings

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
)

var (
	fyneKeyReturn = fyne.KeyEvent{Name: fyne.KeyReturn}
	fyneKeyEscape = fyne.KeyEvent{Name: fyne.KeyEscape}
)

func TestKeys_CreateShowsFingerprint(t *testing.T) {
	svc, v := setup(t)
	k := v.keys
	if svc.HasSigningKey(context.Background()) {
		t.Fatal("a new office already has a key")
	}
	if k.createBtn.Hidden || !k.exportBtn.Hidden {
		t.Fatal("without a key the section must offer Tạo khóa ký and no export")
	}
	test.Tap(k.createBtn)
	d := k.dlg
	test.Type(k.fields[FieldPassphrase], "bí mật 2026")
	test.Type(k.fields[FieldRepeatPassphrase], "bí mật 2025")
	d.Submit()
	if d.ErrorFor(FieldRepeatPassphrase) == "" || !d.IsOpen() {
		t.Fatal("a repeat that differs must show under its field and keep the dialog open")
	}
	if svc.HasSigningKey(context.Background()) {
		t.Fatal("key made although the repeat differs")
	}
	k.fields[FieldRepeatPassphrase].SetText("")
	test.Type(k.fields[FieldRepeatPassphrase], "bí mật 2026")
	k.fields[FieldRepeatPassphrase].TypedKey(&fyneKeyReturn)
	if d.IsOpen() {
		t.Fatalf("Enter did not create the key: %q %v", d.ErrorFor(FieldPassphrase), k.lastErr)
	}
	_, fp, err := svc.PublicKeyFile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	shown := strings.Join(strings.Fields(k.FingerprintText()), " ")
	if fp == "" || shown != fp {
		t.Fatalf("fingerprint shown %q, want %q", k.FingerprintText(), fp)
	}
	if !strings.Contains(k.FingerprintText(), "\n") {
		t.Errorf("fingerprint not laid out on two lines: %q", k.FingerprintText())
	}
	if !k.createBtn.Hidden || k.exportBtn.Hidden {
		t.Fatal("with a key: export, no create")
	}

	// The public key file is what the centre registers.
	out := filepath.Join(t.TempDir(), "HTI.pub")
	if err := k.ExportPublicKey(out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	kf, err := pack.ParseKeyFile(b)
	if err != nil {
		t.Fatal(err)
	}
	if kf.Code != "HTI" || kf.Type != pack.KeyTypeUnit || pack.Fingerprint(kf.Sign) != fp {
		t.Fatalf("exported %+v", kf)
	}

	// The registration sheet the director signs for the centre.
	if k.sheetBtn.Hidden {
		t.Fatal("with a key the section must offer In phiếu đăng ký khóa")
	}
	sheet := filepath.Join(t.TempDir(), "Phiếu đăng ký khóa HTI.pdf")
	if err := k.ExportKeySheet(sheet); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(sheet); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("key sheet: %v", err)
	}
}

func TestKeys_ChangePassphrase(t *testing.T) {
	svc, v := setup(t)
	ctx := context.Background()
	if err := svc.CreateSigningKey(ctx, "mật khẩu cũ"); err != nil {
		t.Fatal(err)
	}
	v.Reload()
	k := v.keys
	test.Tap(k.changeBtn)
	d := k.dlg
	test.Type(k.fields[FieldOldPassphrase], "sai rồi")
	test.Type(k.fields[FieldNewPassphrase], "mật khẩu mới")
	test.Type(k.fields[FieldRepeatPassphrase], "mật khẩu mới")
	d.Submit()
	if d.ErrorFor(FieldOldPassphrase) == "" || !d.IsOpen() {
		t.Fatalf("a wrong passphrase must show under %q (errors %q, %v)", FieldOldPassphrase, d.ErrorFor(FieldPassphrase), k.lastErr)
	}
	k.fields[FieldOldPassphrase].SetText("mật khẩu cũ")
	d.Submit()
	if d.IsOpen() {
		t.Fatalf("change refused: %q %q", d.ErrorFor(FieldOldPassphrase), d.ErrorFor(FieldNewPassphrase))
	}
	if err := svc.ChangePassphrase(ctx, "mật khẩu mới", "mật khẩu mới"); err != nil {
		t.Fatalf("the new passphrase does not open the key: %v", err)
	}
}

func TestKeys_EscapeCloses(t *testing.T) {
	_, v := setup(t)
	k := v.keys
	test.Tap(k.createBtn)
	k.fields[FieldPassphrase].TypedKey(&fyneKeyEscape)
	if k.dlg.IsOpen() {
		t.Fatal("Escape did not close the dialog")
	}
}

// centralKeyFile writes a centre's key file as the centre exports it.
func centralKeyFile(t *testing.T, typ string) string {
	t.Helper()
	pub, _, err := pack.NewSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	kf := pack.KeyFile{Type: typ, Code: "VSS", Name: "Bảo hiểm xã hội Việt Nam", Sign: pub}
	if typ == pack.KeyTypeCentral {
		_, rcpt, err := pack.NewAgeIdentity()
		if err != nil {
			t.Fatal(err)
		}
		kf.Age = rcpt
	}
	path := filepath.Join(t.TempDir(), "VSS.pub")
	if err := os.WriteFile(path, kf.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestKeys_RegisterCentralKey(t *testing.T) {
	svc, v := setup(t)
	k := v.keys
	if !strings.Contains(k.central.Text, "Chưa đăng ký") {
		t.Fatalf("centre's key: %q", k.central.Text)
	}
	// A unit's key file is not the centre's.
	k.RegisterCentralKey(centralKeyFile(t, pack.KeyTypeUnit))
	if k.lastErr == nil {
		t.Fatal("a unit key file was accepted as the centre's")
	}
	if _, ok, _ := svc.CentralKey(context.Background()); ok {
		t.Fatal("a unit key file was registered")
	}
	k.lastErr = nil
	path := centralKeyFile(t, pack.KeyTypeCentral)
	k.RegisterCentralKey(path)
	if k.lastErr != nil {
		t.Fatal(k.lastErr)
	}
	c, ok, err := svc.CentralKey(context.Background())
	if err != nil || !ok {
		t.Fatalf("not registered: %v", err)
	}
	if !strings.Contains(k.central.Text, "Bảo hiểm xã hội Việt Nam") || !strings.Contains(k.central.Text, pack.Fingerprint(c.Sign)) {
		t.Fatalf("centre's key shown as %q", k.central.Text)
	}
}

func TestKeys_OnlyTheDirectorMakesKeys(t *testing.T) {
	svc, _ := setup(t)
	clerk := svc.As(domain.Account{Username: "cv.lan", Role: domain.RoleClerk})
	v := New(clerk, test.NewTempWindow(t, nil), nil)
	v.Reload()
	if !v.keys.createBtn.Disabled() || !v.keys.centralBtn.Disabled() {
		t.Fatal("a clerk may create the signing key or register the centre's key")
	}
}
