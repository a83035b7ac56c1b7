package service

// Keys of the submission packages (issue 6). Each office signs its packages
// with an Ed25519 key made once; its private half is kept in the database
// only sealed with the director's passphrase (Argon2id, see pack.Seal), so
// a copied database file cannot sign. The public half goes to the centre as
// a key file with a fingerprint to read over the phone. A province also
// keeps the centre's key file: its signing key checks the feedback
// packages, its age recipient encrypts the personal data sent. A central
// database holds the centre's own signing key and its age identity, both
// sealed the same way.

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/pdf"
	"tdkt/internal/store"
)

// Database modes: a provincial office (the default) or the centre.
const (
	ModeProvince = "province"
	ModeCentral  = store.ModeCentral
)

// DemoPassphrase is the signing passphrase of the demo office (contracts.md).
const DemoPassphrase = "demo"

// Field labels of the key forms.
const (
	FieldPassphrase    = "Mật khẩu khóa ký"
	FieldNewPassphrase = "Mật khẩu mới"
	FieldKeyFile       = "Tệp khóa"
	FieldPackageFile   = "Tệp gói"
)

// Setting keys.
const (
	settingMode       = store.SettingMode
	settingSignPublic = "sign.public" // base64 Ed25519
	settingSignSealed = "sign.sealed" // base64 of pack.Seal(private key)
	settingAgePublic  = "age.recipient"
	settingAgeSealed  = "age.sealed"      // central: base64 of pack.Seal(identity)
	settingCentralKey = "central.keyfile" // province: the centre's key file as registered
)

// minPassphrase is the shortest passphrase accepted: the demo's "demo".
const minPassphrase = 4

// Mode is the database's mode: ModeCentral or ModeProvince.
func (s *Service) Mode(ctx context.Context) string {
	if v, _ := s.st.Setting(ctx, settingMode); v == ModeCentral {
		return ModeCentral
	}
	return ModeProvince
}

// IsCentral reports whether the database is the centre's.
func (s *Service) IsCentral(ctx context.Context) bool { return s.Mode(ctx) == ModeCentral }

// HasSigningKey reports whether the office (or centre) has its signing key.
func (s *Service) HasSigningKey(ctx context.Context) bool {
	v, _ := s.st.Setting(ctx, settingSignSealed)
	return v != ""
}

func cleanPassphrase(p string) string { return norm.NFC.String(p) }

// checkNewPassphrase refuses a passphrase too short to protect anything.
func checkNewPassphrase(field, p string) error {
	if len([]rune(strings.TrimSpace(p))) < minPassphrase {
		return domain.FieldError{Field: field, Msg: fmt.Sprintf("cần ít nhất %d ký tự; đặt mật khẩu mà chỉ Giám đốc biết và ghi lại ở nơi an toàn", minPassphrase)}
	}
	return nil
}

// passphraseError turns a failed unseal into a sentence for people.
func passphraseError(err error) error {
	if errors.Is(err, pack.ErrPassphrase) {
		return domain.FieldError{Field: FieldPassphrase, Msg: "không đúng; nhập lại mật khẩu khóa ký mà Giám đốc đã đặt khi tạo khóa", Err: pack.ErrPassphrase}
	}
	return fmt.Errorf("mở khóa ký: %w", err)
}

// sealed makes the setting value of a sealed secret.
func sealed(secret []byte, passphrase string) (string, error) {
	b, err := pack.Seal(secret, passphrase)
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

// unsealSetting opens a sealed secret of the settings table.
func (s *Service) unsealSetting(ctx context.Context, key, passphrase string) ([]byte, error) {
	v, err := s.st.Setting(ctx, key)
	if err != nil {
		return nil, err
	}
	if v == "" {
		return nil, errNoSigningKey(s.IsCentral(ctx))
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("khóa đã niêm phong trong cơ sở dữ liệu bị hỏng (%s)", key)
	}
	secret, err := pack.Unseal(b, cleanPassphrase(passphrase))
	if err != nil {
		return nil, passphraseError(err)
	}
	return secret, nil
}

func errNoSigningKey(central bool) error {
	if central {
		return fmt.Errorf("cơ sở dữ liệu Trung ương chưa có khóa; chạy tdktctl central init trước: %w", domain.ErrNotFound)
	}
	return fmt.Errorf("đơn vị chưa có khóa ký; Giám đốc tạo khóa ký trong Cài đặt (hoặc tdktctl key create) rồi làm lại: %w", domain.ErrNotFound)
}

// signingKey unseals the signing key with the passphrase.
func (s *Service) signingKey(ctx context.Context, passphrase string) (ed25519.PrivateKey, error) {
	b, err := s.unsealSetting(ctx, settingSignSealed, passphrase)
	if err != nil {
		return nil, err
	}
	if len(b) != ed25519.PrivateKeySize {
		return nil, errors.New("khóa ký trong cơ sở dữ liệu bị hỏng (sai độ dài)")
	}
	return ed25519.PrivateKey(b), nil
}

// PublicKey is the office's (or centre's) public signing key.
func (s *Service) PublicKey(ctx context.Context) (ed25519.PublicKey, error) {
	v, err := s.st.Setting(ctx, settingSignPublic)
	if err != nil {
		return nil, err
	}
	if v == "" {
		return nil, errNoSigningKey(s.IsCentral(ctx))
	}
	return pack.ParsePublicKey(v)
}

// CreateSigningKey makes the office's signing key, sealed with the
// director's passphrase. It refuses when the office has one: a new key
// would make the centre reject the office's packages until re-registered.
func (s *Service) CreateSigningKey(ctx context.Context, passphrase string) error {
	// On a new database without accounts (tdktctl init) the key is made
	// before anyone can log in.
	if err := s.requireOrFirstStart(ctx, domain.RoleDirector); err != nil {
		return err
	}
	return s.createSigningKey(ctx, passphrase)
}

func (s *Service) createSigningKey(ctx context.Context, passphrase string) error {
	passphrase = cleanPassphrase(passphrase)
	if err := checkNewPassphrase(FieldPassphrase, passphrase); err != nil {
		return err
	}
	if s.IsCentral(ctx) {
		return domain.FieldError{Field: FieldPassphrase, Msg: "cơ sở dữ liệu Trung ương đã có khóa từ khi tạo (central init)", Err: domain.ErrInUse}
	}
	pub, priv, err := pack.NewSigningKey()
	if err != nil {
		return err
	}
	seal, err := sealed(priv, passphrase)
	if err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		// Checked inside the write so two clicks cannot make two keys.
		if v, err := tx.Setting(settingSignSealed); err != nil {
			return err
		} else if v != "" {
			return domain.FieldError{Field: FieldPassphrase, Msg: "đơn vị đã có khóa ký; muốn đổi mật khẩu thì dùng Đổi mật khẩu khóa ký", Err: domain.ErrInUse}
		}
		if err := tx.SetSetting(settingSignPublic, pack.EncodePublicKey(pub)); err != nil {
			return err
		}
		return tx.SetSetting(settingSignSealed, seal)
	})
}

// ChangePassphrase re-seals the private keys under a new passphrase.
func (s *Service) ChangePassphrase(ctx context.Context, old, newPass string) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	newPass = cleanPassphrase(newPass)
	if err := checkNewPassphrase(FieldNewPassphrase, newPass); err != nil {
		return err
	}
	priv, err := s.signingKey(ctx, old)
	if err != nil {
		return err
	}
	values := map[string]string{}
	if values[settingSignSealed], err = sealed(priv, newPass); err != nil {
		return err
	}
	if s.IsCentral(ctx) {
		id, err := s.unsealSetting(ctx, settingAgeSealed, old)
		if err != nil {
			return err
		}
		if values[settingAgeSealed], err = sealed(id, newPass); err != nil {
			return err
		}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		for k, v := range values {
			if err := tx.SetSetting(k, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// PublicKeyFile is the office's key file to register with the centre,
// and the fingerprint to read to the centre over the phone.
func (s *Service) PublicKeyFile(ctx context.Context) (data []byte, fingerprint string, err error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, "", err
	}
	pub, err := s.PublicKey(ctx)
	if err != nil {
		return nil, "", err
	}
	p, _, err := s.st.Profile(ctx)
	if err != nil {
		return nil, "", err
	}
	k := pack.KeyFile{Type: pack.KeyTypeUnit, Code: p.UnitCode, Name: p.UnitName, Sign: pub}
	if s.IsCentral(ctx) {
		k.Type = pack.KeyTypeCentral
		if k.Age, err = s.st.Setting(ctx, settingAgePublic); err != nil {
			return nil, "", err
		}
	}
	return k.Marshal(), pack.Fingerprint(pub), nil
}

// ExportKeySheet prints the key registration sheet (phiếu đăng ký khóa) as
// PDF: the office's public key and its fingerprint, for the director to
// sign and send to the centre, which compares the fingerprint with the .pub
// file it received.
func (s *Service) ExportKeySheet(ctx context.Context, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	pub, err := s.PublicKey(ctx)
	if err != nil {
		return err
	}
	p, _, err := s.st.Profile(ctx)
	if err != nil {
		return err
	}
	doc := docs.KeySheet(docs.KeySheetInput{Profile: p, PublicKey: pack.EncodePublicKey(pub), Fingerprint: pack.Fingerprint(pub), Date: s.Today()})
	return pdf.Render(doc, w)
}

// SetCentralKey registers the centre's key file on a province: its
// signing key checks feedback packages, its age recipient encrypts the
// packages sent.
func (s *Service) SetCentralKey(ctx context.Context, keyFile []byte) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	if s.IsCentral(ctx) {
		return domain.FieldError{Field: FieldKeyFile, Msg: "đây là cơ sở dữ liệu Trung ương; khóa của đơn vị được thêm vào danh sách khóa (central keys add)"}
	}
	k, err := pack.ParseKeyFile(keyFile)
	if err != nil {
		return domain.FieldError{Field: FieldKeyFile, Msg: err.Error()}
	}
	if k.Type != pack.KeyTypeCentral {
		return domain.FieldError{Field: FieldKeyFile, Msg: "đây không phải tệp khóa của Trung ương (mục type phải là central); xin Trung ương gửi tệp khóa xuất từ cơ sở dữ liệu Trung ương (tdktctl key export)"}
	}
	if k.Age == "" {
		return domain.FieldError{Field: FieldKeyFile, Msg: "tệp khóa của Trung ương thiếu khóa mã hóa (mục age); xin Trung ương xuất lại tệp khóa"}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.SetSetting(settingCentralKey, string(k.Marshal())) })
}

// CentralKey is the centre's key file registered on a province; ok is
// false when none is.
func (s *Service) CentralKey(ctx context.Context) (pack.KeyFile, bool, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return pack.KeyFile{}, false, err
	}
	return s.centralKey(ctx)
}

func (s *Service) centralKey(ctx context.Context) (pack.KeyFile, bool, error) {
	v, err := s.st.Setting(ctx, settingCentralKey)
	if err != nil || v == "" {
		return pack.KeyFile{}, false, err
	}
	k, err := pack.ParseKeyFile([]byte(v))
	if err != nil {
		return pack.KeyFile{}, false, fmt.Errorf("khóa Trung ương đã đăng ký bị hỏng: %w", err)
	}
	return k, true, nil
}
