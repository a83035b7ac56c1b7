package pack

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSeal_RoundTrip(t *testing.T) {
	_, priv := testKey(1)
	start := time.Now()
	sealed, err := Seal(priv, "mật khẩu dài của văn thư")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Seal took %v", time.Since(start))
	if bytes.Contains(sealed, priv.Seed()) {
		t.Fatal("sealed blob contains the key in clear")
	}
	var head map[string]any
	if err := json.Unmarshal(sealed, &head); err != nil {
		t.Fatalf("sealed blob is not JSON: %v", err)
	}
	for _, k := range []string{"v", "kdf", "t", "m", "p", "salt", "nonce", "ct"} {
		if _, ok := head[k]; !ok {
			t.Errorf("sealed blob lacks %q: %s", k, sealed)
		}
	}
	got, err := Unseal(sealed, "mật khẩu dài của văn thư")
	if err != nil || !bytes.Equal(got, priv) {
		t.Fatalf("Unseal = %d bytes, %v", len(got), err)
	}
	again, _ := Seal(priv, "mật khẩu dài của văn thư")
	if bytes.Equal(again, sealed) {
		t.Error("two seals are identical: salt or nonce is not random")
	}
}

func TestSeal_RefusesEmptyPassphrase(t *testing.T) {
	for _, pass := range []string{"", "   "} {
		if _, err := Seal([]byte("k"), pass); err == nil || !strings.Contains(err.Error(), "mật khẩu") {
			t.Errorf("Seal with passphrase %q: err = %v", pass, err)
		}
	}
}

func TestUnseal_Failures(t *testing.T) {
	sealed, err := Seal([]byte("khóa bí mật"), "đúng")
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(sealed, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	flipCT := edit(func(m map[string]any) {
		ct, err := base64.StdEncoding.DecodeString(m["ct"].(string))
		if err != nil {
			t.Fatal(err)
		}
		ct[3] ^= 1
		m["ct"] = base64.StdEncoding.EncodeToString(ct)
	})
	scenarios := []struct {
		name       string
		blob       []byte
		pass       string
		passphrase bool   // want errors.Is(err, ErrPassphrase)
		wantText   string // for a malformed blob
	}{
		{name: "wrong passphrase", blob: sealed, pass: "sai", passphrase: true},
		{name: "empty passphrase", blob: sealed, pass: "", passphrase: true},
		{name: "passphrase in another case", blob: sealed, pass: "ĐÚNG", passphrase: true},
		{name: "tampered ciphertext", blob: flipCT, pass: "đúng", passphrase: true},
		{name: "weakened parameters", blob: edit(func(m map[string]any) { m["t"] = 1 }), pass: "đúng", passphrase: true},
		{name: "not JSON", blob: []byte("xyz"), pass: "đúng", wantText: "bị hỏng"},
		{name: "trailing data", blob: append(bytes.Clone(sealed), " {}"...), pass: "đúng", wantText: "dữ liệu thừa"},
		{name: "unknown version", blob: edit(func(m map[string]any) { m["v"] = 2 }), pass: "đúng", wantText: "phiên bản"},
		{name: "unknown kdf", blob: edit(func(m map[string]any) { m["kdf"] = "scrypt" }), pass: "đúng", wantText: "scrypt"},
		{name: "memory cost out of bounds", blob: edit(func(m map[string]any) { m["m"] = 1 << 30 }), pass: "đúng", wantText: "ngoài giới hạn"},
		{name: "no nonce", blob: edit(func(m map[string]any) { delete(m, "nonce") }), pass: "đúng", wantText: "nonce"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			got, err := Unseal(sc.blob, sc.pass)
			if err == nil {
				t.Fatalf("Unseal succeeded: %q", got)
			}
			if errors.Is(err, ErrPassphrase) != sc.passphrase {
				t.Errorf("errors.Is(%v, ErrPassphrase) = %v, want %v", err, !sc.passphrase, sc.passphrase)
			}
			if sc.wantText != "" && !strings.Contains(err.Error(), sc.wantText) {
				t.Errorf("err = %v, want one saying %q", err, sc.wantText)
			}
		})
	}
	if ErrPassphrase.Error() != "mật khẩu khóa ký không đúng" {
		t.Errorf("ErrPassphrase = %q", ErrPassphrase)
	}
}
