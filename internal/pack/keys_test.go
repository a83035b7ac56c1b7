package pack

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func TestNewSigningKey_SignsAndRoundTrips(t *testing.T) {
	pub, priv, err := NewSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	if !ed25519.Verify(pub, []byte("x"), ed25519.Sign(priv, []byte("x"))) {
		t.Fatal("key pair does not verify its own signature")
	}
	got, err := ParsePublicKey(EncodePublicKey(pub))
	if err != nil || !got.Equal(pub) {
		t.Fatalf("ParsePublicKey(EncodePublicKey) = %v, %v", got, err)
	}
	pub2, _, _ := NewSigningKey()
	if pub2.Equal(pub) {
		t.Fatal("two new keys are equal")
	}
}

func TestParsePublicKey(t *testing.T) {
	pub, _ := testKey(1)
	enc := EncodePublicKey(pub)
	scenarios := []struct {
		name, in string
		wantErr  string
	}{
		{name: "plain", in: enc},
		{name: "line end", in: enc + "\n"},
		{name: "CRLF and spaces", in: "  " + enc + " \r\n"},
		{name: "BOM", in: "\uFEFF" + enc},
		{name: "empty", in: " \n", wantErr: "trống"},
		{name: "not base64", in: "khong-phai-base64!", wantErr: "base64"},
		{name: "too short", in: EncodePublicKey(pub[:31]), wantErr: "31 byte"},
		{name: "too long", in: EncodePublicKey(append(bytes.Clone(pub), 0)), wantErr: "33 byte"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			got, err := ParsePublicKey(sc.in)
			if sc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), sc.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, sc.wantErr)
				}
				return
			}
			if err != nil || !got.Equal(pub) {
				t.Fatalf("ParsePublicKey = %x, %v", got, err)
			}
		})
	}
}

func TestFingerprint(t *testing.T) {
	pub, _ := testKey(1)
	other, _ := testKey(2)
	fp := Fingerprint(pub)
	if !regexp.MustCompile(`^([0-9A-F]{4} ){7}[0-9A-F]{4}$`).MatchString(fp) {
		t.Fatalf("Fingerprint = %q: want 8 groups of 4 upper-case hex digits", fp)
	}
	sum := sha256.Sum256(pub)
	if want := fmt.Sprintf("%X", sum[:2]); !strings.HasPrefix(fp, want+" ") {
		t.Errorf("Fingerprint = %q does not start with the SHA-256 of the key (%s)", fp, want)
	}
	if want := fmt.Sprintf("%X", sum[14:16]); !strings.HasSuffix(fp, " "+want) {
		t.Errorf("Fingerprint = %q does not end with byte 14-15 of the SHA-256 (%s)", fp, want)
	}
	if Fingerprint(other) == fp {
		t.Error("two keys have the same fingerprint")
	}
}

func TestNewAgeIdentity(t *testing.T) {
	id, rcpt, err := NewAgeIdentity()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(id, "AGE-SECRET-KEY-1") || !strings.HasPrefix(rcpt, "age1") {
		t.Fatalf("NewAgeIdentity = %q, %q", id, rcpt)
	}
	id2, _, _ := NewAgeIdentity()
	if id2 == id {
		t.Fatal("two new identities are equal")
	}
}
