package pack

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"strings"

	"filippo.io/age"
)

// keyFileHeader is the first line of a key file; the version lets a later
// layout be told apart instead of misread.
const keyFileHeader = "tdkt-key/1"

// Key file types.
const (
	KeyTypeUnit    = "unit"
	KeyTypeCentral = "central"
)

// KeyFile is the file an office exports to register its signing key with
// the centre, and the centre exports so provinces can check its feedback
// and encrypt to it.
type KeyFile struct {
	Type string // KeyTypeUnit | KeyTypeCentral; "" when read from a bare unit.pub
	Code string
	Name string
	Sign ed25519.PublicKey
	Age  string // the centre's age X25519 recipient "age1…"; "" for a unit
}

// Marshal writes the key file: a header line, then "key: value" lines with
// LF ends. The fingerprint line is for the person reading the file; Parse
// checks it so a hand-edited key cannot keep a stale fingerprint.
func (k KeyFile) Marshal() []byte {
	var b bytes.Buffer
	line := func(key, value string) {
		// A value never spans lines: a name pasted with a line break would
		// otherwise be read back as a bogus key.
		value = strings.Join(strings.Fields(value), " ")
		fmt.Fprintf(&b, "%s: %s\n", key, value)
	}
	b.WriteString(keyFileHeader + "\n")
	line("type", k.Type)
	line("code", k.Code)
	line("name", k.Name)
	line("ed25519", EncodePublicKey(k.Sign))
	if k.Age != "" {
		line("age", k.Age)
	}
	line("fingerprint", Fingerprint(k.Sign))
	return b.Bytes()
}

// ParseKeyFile reads a key file written by Marshal (a BOM and CRLF line
// ends, as Windows editors leave them, are tolerated) or a bare base64 key
// as found in a package's unit.pub, which gives a KeyFile with only Sign.
func ParseKeyFile(b []byte) (KeyFile, error) {
	text := strings.TrimPrefix(string(b), "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if strings.TrimSpace(lines[0]) != keyFileHeader {
		pub, err := ParsePublicKey(text)
		if err != nil {
			return KeyFile{}, fmt.Errorf("tệp khóa không đúng định dạng: dòng đầu phải là “%s”, hoặc cả tệp là một khóa công khai base64 (%v)", keyFileHeader, err)
		}
		return KeyFile{Sign: pub}, nil
	}
	var k KeyFile
	var fingerprint string
	seen := map[string]bool{}
	for i, raw := range lines[1:] {
		no := i + 2
		l := strings.TrimSpace(raw)
		if l == "" {
			continue
		}
		key, value, ok := strings.Cut(l, ":")
		if !ok {
			return KeyFile{}, fmt.Errorf("tệp khóa, dòng %d: thiếu dấu hai chấm giữa tên và giá trị", no)
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if seen[key] {
			return KeyFile{}, fmt.Errorf("tệp khóa, dòng %d: “%s” xuất hiện hai lần", no, display(key))
		}
		seen[key] = true
		switch key {
		case "type":
			k.Type = value
		case "code":
			k.Code = value
		case "name":
			k.Name = value
		case "ed25519":
			pub, err := ParsePublicKey(value)
			if err != nil {
				return KeyFile{}, fmt.Errorf("tệp khóa, dòng %d: %v", no, err)
			}
			k.Sign = pub
		case "age":
			if _, err := age.ParseX25519Recipient(value); err != nil {
				return KeyFile{}, fmt.Errorf("tệp khóa, dòng %d: khóa mã hóa phải là khóa age bắt đầu bằng age1", no)
			}
			k.Age = value
		case "fingerprint":
			fingerprint = value
		default:
			return KeyFile{}, fmt.Errorf("tệp khóa, dòng %d: không biết mục “%s”", no, display(key))
		}
	}
	switch {
	case k.Type != KeyTypeUnit && k.Type != KeyTypeCentral:
		return KeyFile{}, fmt.Errorf("tệp khóa: mục type phải là “%s” hoặc “%s”", KeyTypeUnit, KeyTypeCentral)
	case k.Code == "":
		return KeyFile{}, fmt.Errorf("tệp khóa: thiếu mã đơn vị (mục code)")
	case k.Sign == nil:
		return KeyFile{}, fmt.Errorf("tệp khóa: thiếu khóa ký (mục ed25519)")
	case k.Type == KeyTypeUnit && k.Age != "":
		return KeyFile{}, fmt.Errorf("tệp khóa: khóa mã hóa (mục age) chỉ có trong tệp khóa của Trung ương")
	}
	if fingerprint != "" && normFingerprint(fingerprint) != normFingerprint(Fingerprint(k.Sign)) {
		return KeyFile{}, fmt.Errorf("tệp khóa: vân tay “%s” không khớp khóa ký (đúng là “%s”); tệp đã bị sửa, hãy xin lại tệp khóa", display(fingerprint), Fingerprint(k.Sign))
	}
	return k, nil
}

// normFingerprint lets a fingerprint retyped without spaces or in lower
// case still match.
func normFingerprint(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}
