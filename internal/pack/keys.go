package pack

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
)

// NewSigningKey makes an office's Ed25519 key pair. The private half is
// sealed with Seal before it is stored; the public half is what the centre
// registers.
func NewSigningKey() (ed25519.PublicKey, ed25519.PrivateKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("tạo khóa ký: %w", err)
	}
	return pub, priv, nil
}

// EncodePublicKey is the text of unit.pub: the key in standard base64.
func EncodePublicKey(pub ed25519.PublicKey) string {
	return base64.StdEncoding.EncodeToString(pub)
}

// ParsePublicKey reads a key written by EncodePublicKey. Surrounding spaces
// and line ends are tolerated because the text often passes through an
// editor or an e-mail on its way.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
	if s == "" {
		return nil, fmt.Errorf("khóa công khai trống")
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("khóa công khai không phải chuỗi base64 hợp lệ")
	}
	if len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("khóa công khai dài %d byte; khóa Ed25519 phải dài %d byte", len(b), ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

// Fingerprint is a short, printable digest of a public key that two people
// can read to each other over the phone to confirm a key file was not
// swapped on the way: the first 16 bytes of its SHA-256, in upper-case hex,
// in 8 groups of 4.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	h := strings.ToUpper(hex.EncodeToString(sum[:16]))
	groups := make([]string, 0, 8)
	for i := 0; i < len(h); i += 4 {
		groups = append(groups, h[i:i+4])
	}
	return strings.Join(groups, " ")
}
