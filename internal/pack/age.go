package pack

import (
	"fmt"

	"filippo.io/age"
)

// NewAgeIdentity makes the centre's encryption key pair: the identity
// ("AGE-SECRET-KEY-1…") stays at the centre, the recipient ("age1…") goes
// to the provinces in the centre's key file so their packages are readable
// only there.
func NewAgeIdentity() (identity, recipient string, err error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return "", "", fmt.Errorf("tạo khóa mã hóa: %w", err)
	}
	return id.String(), id.Recipient().String(), nil
}
