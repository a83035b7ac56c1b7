package pack

import (
	"bytes"
	"strings"
	"testing"
)

func TestKeyFile_RoundTrip(t *testing.T) {
	pub, _ := testKey(1)
	_, rcpt, err := NewAgeIdentity()
	if err != nil {
		t.Fatal(err)
	}
	unit := KeyFile{Type: KeyTypeUnit, Code: "BHXH-HN", Name: "Bảo hiểm xã hội thành phố Hà Nội", Sign: pub}
	central := KeyFile{Type: KeyTypeCentral, Code: "BHXH-VN", Name: "Bảo hiểm xã hội Việt Nam", Sign: pub, Age: rcpt}
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	bom := func(b []byte) []byte { return append([]byte("\uFEFF"), b...) }
	noFingerprint := func(b []byte) []byte {
		i := bytes.Index(b, []byte("fingerprint:"))
		return b[:i]
	}
	scenarios := []struct {
		name string
		in   []byte
		want KeyFile
	}{
		{name: "unit", in: unit.Marshal(), want: unit},
		{name: "central with age", in: central.Marshal(), want: central},
		{name: "CRLF", in: crlf(unit.Marshal()), want: unit},
		{name: "BOM and CRLF", in: bom(crlf(central.Marshal())), want: central},
		{name: "without fingerprint line", in: noFingerprint(unit.Marshal()), want: unit},
		{name: "fingerprint retyped in lower case without spaces", in: bytes.Replace(unit.Marshal(), []byte(Fingerprint(pub)),
			[]byte(strings.ToLower(strings.ReplaceAll(Fingerprint(pub), " ", ""))), 1), want: unit},
		{name: "bare unit.pub", in: []byte(EncodePublicKey(pub) + "\n"), want: KeyFile{Sign: pub}},
		{name: "bare unit.pub with BOM and CRLF", in: []byte("\uFEFF" + EncodePublicKey(pub) + "\r\n"), want: KeyFile{Sign: pub}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			got, err := ParseKeyFile(sc.in)
			if err != nil {
				t.Fatalf("ParseKeyFile: %v\n%s", err, sc.in)
			}
			if got.Type != sc.want.Type || got.Code != sc.want.Code || got.Name != sc.want.Name || got.Age != sc.want.Age || !got.Sign.Equal(sc.want.Sign) {
				t.Fatalf("ParseKeyFile = %+v, want %+v", got, sc.want)
			}
		})
	}
}

func TestKeyFile_Marshal(t *testing.T) {
	pub, _ := testKey(1)
	b := KeyFile{Type: KeyTypeUnit, Code: "BHXH-HN", Name: "Bảo hiểm xã hội\nHà Nội", Sign: pub}.Marshal()
	want := "tdkt-key/1\ntype: unit\ncode: BHXH-HN\nname: Bảo hiểm xã hội Hà Nội\ned25519: " + EncodePublicKey(pub) +
		"\nfingerprint: " + Fingerprint(pub) + "\n"
	if string(b) != want {
		t.Fatalf("Marshal =\n%s\nwant\n%s", b, want)
	}
}

func TestParseKeyFile_Rejects(t *testing.T) {
	pub, _ := testKey(1)
	other, _ := testKey(2)
	_, rcpt, err := NewAgeIdentity()
	if err != nil {
		t.Fatal(err)
	}
	good := string(KeyFile{Type: KeyTypeUnit, Code: "BHXH-HN", Name: "Hà Nội", Sign: pub}.Marshal())
	scenarios := []struct {
		name, in, wantErr string
	}{
		{name: "wrong fingerprint", in: strings.Replace(good, Fingerprint(pub), Fingerprint(other), 1), wantErr: "vân tay"},
		{name: "other header", in: strings.Replace(good, "tdkt-key/1", "tdkt-key/2", 1), wantErr: "dòng đầu"},
		{name: "garbage", in: "xin chào", wantErr: "dòng đầu"},
		{name: "empty", in: "", wantErr: "dòng đầu"},
		{name: "unknown line", in: good + "color: blue\n", wantErr: "không biết mục"},
		{name: "line without colon", in: good + "blue\n", wantErr: "dòng 7"},
		{name: "repeated key", in: good + "code: BHXH-HCM\n", wantErr: "hai lần"},
		{name: "bad type", in: strings.Replace(good, "type: unit", "type: tinh", 1), wantErr: "type"},
		{name: "no code", in: strings.Replace(good, "code: BHXH-HN", "code:", 1), wantErr: "mã đơn vị"},
		{name: "no signing key", in: "tdkt-key/1\ntype: unit\ncode: X\n", wantErr: "ed25519"},
		{name: "bad signing key", in: strings.Replace(good, EncodePublicKey(pub), "AAAA", 1), wantErr: "dòng 5"},
		{name: "unit with an age key", in: strings.Replace(good, "fingerprint", "age: "+rcpt+"\nfingerprint", 1), wantErr: "chỉ có trong tệp khóa của Trung ương"},
		{name: "bad age key", in: strings.Replace(good, "type: unit", "type: central", 1) + "age: age1xyz\n", wantErr: "age1"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			_, err := ParseKeyFile([]byte(sc.in))
			if err == nil || !strings.Contains(err.Error(), sc.wantErr) {
				t.Fatalf("err = %v, want one saying %q", err, sc.wantErr)
			}
		})
	}
}
