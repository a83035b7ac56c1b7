package pack

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// ErrPassphrase is the error Unseal wraps when the passphrase does not open
// the sealed key. A tampered blob gives the same error: the AEAD cannot
// tell the two apart.
var ErrPassphrase = errors.New("mật khẩu khóa ký không đúng")

// Argon2id cost of new seals. 64 MiB and two passes take about 0.1–0.2 s on
// a two-core office PC: negligible when signing a package, expensive for
// someone guessing passphrases against a copied database. The parameters are
// written into every blob, so raising them later leaves old blobs readable.
const (
	sealTime    = 2
	sealMemory  = 64 * 1024 // KiB
	sealThreads = 1
	sealSaltLen = 16
)

// Bounds on parameters read back from a blob: a corrupted or hostile blob
// must not make Unseal allocate gigabytes or spin for minutes.
const (
	maxSealTime    = 16
	maxSealMemory  = 1024 * 1024 // KiB = 1 GiB
	maxSealThreads = 16
)

// sealedBlob is the self-describing form of a sealed secret.
type sealedBlob struct {
	V     int    `json:"v"`
	KDF   string `json:"kdf"`
	T     uint32 `json:"t"`
	M     uint32 `json:"m"` // KiB, as argon2.IDKey takes it
	P     uint8  `json:"p"`
	Salt  []byte `json:"salt"` // base64 via encoding/json
	Nonce []byte `json:"nonce"`
	CT    []byte `json:"ct"`
}

// aad binds the KDF parameters to the ciphertext, so a blob whose
// parameters were edited fails authentication instead of being opened
// with weaker ones.
func (s sealedBlob) aad() []byte {
	return fmt.Appendf(nil, "tdkt-seal v=%d kdf=%s t=%d m=%d p=%d", s.V, s.KDF, s.T, s.M, s.P)
}

// Seal encrypts a private key under a passphrase (Argon2id, then
// XChaCha20-Poly1305) so it never sits unprotected in the database.
// Callers should normalise the passphrase to NFC first: Vietnamese input
// methods differ in how they compose diacritics.
func Seal(secret []byte, passphrase string) ([]byte, error) {
	if strings.TrimSpace(passphrase) == "" {
		return nil, errors.New("chưa nhập mật khẩu bảo vệ khóa ký; hãy đặt một mật khẩu")
	}
	s := sealedBlob{V: 1, KDF: "argon2id", T: sealTime, M: sealMemory, P: sealThreads,
		Salt: make([]byte, sealSaltLen), Nonce: make([]byte, chacha20poly1305.NonceSizeX)}
	if _, err := io.ReadFull(rand.Reader, s.Salt); err != nil {
		return nil, fmt.Errorf("niêm phong khóa: %w", err)
	}
	if _, err := io.ReadFull(rand.Reader, s.Nonce); err != nil {
		return nil, fmt.Errorf("niêm phong khóa: %w", err)
	}
	aead, err := chacha20poly1305.NewX(argon2.IDKey([]byte(passphrase), s.Salt, s.T, s.M, s.P, chacha20poly1305.KeySize))
	if err != nil {
		return nil, fmt.Errorf("niêm phong khóa: %w", err)
	}
	s.CT = aead.Seal(nil, s.Nonce, secret, s.aad())
	return json.Marshal(s)
}

// Unseal opens a blob made by Seal. A wrong passphrase gives an error
// wrapping ErrPassphrase; a blob that is not one gives a plain error.
func Unseal(sealed []byte, passphrase string) ([]byte, error) {
	var s sealedBlob
	dec := json.NewDecoder(bytes.NewReader(sealed))
	if err := dec.Decode(&s); err != nil {
		return nil, errors.New("dữ liệu khóa ký đã niêm phong bị hỏng (không đọc được)")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("dữ liệu khóa ký đã niêm phong bị hỏng (có dữ liệu thừa)")
	}
	switch {
	case s.V != 1:
		return nil, fmt.Errorf("dữ liệu khóa ký dùng phiên bản niêm phong %d mà phần mềm này không biết; hãy cập nhật phần mềm", s.V)
	case s.KDF != "argon2id":
		return nil, fmt.Errorf("dữ liệu khóa ký dùng cách dẫn xuất khóa “%s” mà phần mềm này không biết", s.KDF)
	case s.T < 1 || s.T > maxSealTime || s.M < 8*uint32(s.P) || s.M > maxSealMemory || s.P < 1 || s.P > maxSealThreads:
		return nil, errors.New("dữ liệu khóa ký đã niêm phong bị hỏng (tham số Argon2id ngoài giới hạn)")
	case len(s.Salt) < sealSaltLen || len(s.Nonce) != chacha20poly1305.NonceSizeX || len(s.CT) < chacha20poly1305.Overhead:
		return nil, errors.New("dữ liệu khóa ký đã niêm phong bị hỏng (thiếu muối, nonce hoặc bản mã)")
	}
	if passphrase == "" {
		return nil, fmt.Errorf("%w: chưa nhập mật khẩu", ErrPassphrase)
	}
	aead, err := chacha20poly1305.NewX(argon2.IDKey([]byte(passphrase), s.Salt, s.T, s.M, s.P, chacha20poly1305.KeySize))
	if err != nil {
		return nil, fmt.Errorf("mở khóa ký: %w", err)
	}
	secret, err := aead.Open(nil, s.Nonce, s.CT, s.aad())
	if err != nil {
		return nil, fmt.Errorf("%w (hoặc dữ liệu khóa đã bị hỏng)", ErrPassphrase)
	}
	return secret, nil
}
