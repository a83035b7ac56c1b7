package pack

import (
	"archive/zip"
	"bytes"
	"cmp"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"filippo.io/age"
)

// Limits bound what Verify reads from an untrusted archive.
type Limits struct {
	MaxArchive int64   // size of the zip file, and of all its entries once decompressed
	MaxEntry   int64   // size of one entry, compressed or decompressed
	MaxRatio   float64 // decompressed / compressed size, for entries over ratioFloor
	MaxEntries int     // number of entries
}

// ratioFloor exempts small entries from the ratio check: a few hundred KB
// of repetitive JSON legitimately deflates a hundredfold and is harmless.
const ratioFloor = 1 << 20

// Signature and key files are a line of base64; anything bigger is not one.
const maxSmallEntry = 4 << 10

// DefaultLimits are generous for a real round (a 300-nominee package is
// about 40 MB) and still keep a hostile archive from exhausting the
// centre's memory.
func DefaultLimits() Limits {
	return Limits{MaxArchive: 1 << 30, MaxEntry: 512 << 20, MaxRatio: 100, MaxEntries: 20000}
}

// withDefaults fills each zero field from DefaultLimits, so a caller (or a
// test) can tighten one limit without restating the others.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxArchive <= 0 {
		l.MaxArchive = d.MaxArchive
	}
	if l.MaxEntry <= 0 {
		l.MaxEntry = d.MaxEntry
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = d.MaxRatio
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = d.MaxEntries
	}
	return l
}

// bombRatio reports whether an entry inflates suspiciously.
func bombRatio(uncompressed, compressed int64, maxRatio float64) bool {
	return uncompressed > ratioFloor && float64(uncompressed) > maxRatio*float64(compressed)
}

// VerifyOptions says what a package is checked against.
type VerifyOptions struct {
	// Limits bound the reading; zero fields take DefaultLimits.
	Limits Limits
	// Expected, when set, must equal the package's unit.pub (verify --key).
	Expected ed25519.PublicKey
	// Registered is the centre's keyring: the key it holds for a unit code.
	// An unknown unit gives ProblemUnknownUnit, another key
	// ProblemKeyMismatch.
	Registered func(unitCode string) (ed25519.PublicKey, bool)
	// Type is the manifest type expected; "" accepts any.
	Type string
}

// Package is the verdict on one archive: every problem found, and the
// contents that were read safely.
type Package struct {
	Manifest      *Manifest // nil when manifest.json is missing or does not parse
	ManifestBytes []byte
	PublicKey     ed25519.PublicKey // from unit.pub; nil when missing or invalid
	Problems      []Problem
	SHA256        string // hex of the whole archive
	Size          int64

	stored map[string][]byte // stored bytes of listed files, by stored name
}

// Errors of Package.Read a caller may want to tell apart.
var (
	ErrInvalidPackage = errors.New("gói không hợp lệ nên không đọc tệp trong gói; xem danh sách lỗi của gói")
	ErrNeedIdentity   = errors.New("gói được mã hóa; cần khóa giải mã của Trung ương")
	ErrWrongIdentity  = errors.New("khóa giải mã không khớp với gói này; gói được mã hóa cho một khóa khác của Trung ương")
)

// Valid reports whether the package passed every check.
func (p *Package) Valid() bool { return p.Manifest != nil && len(p.Problems) == 0 }

// Has reports whether a problem with this code was found.
func (p *Package) Has(code string) bool {
	for _, pr := range p.Problems {
		if pr.Code == code {
			return true
		}
	}
	return false
}

// Paths lists the logical paths (without ".age") of the manifest's files,
// in manifest order.
func (p *Package) Paths() []string {
	if p.Manifest == nil {
		return nil
	}
	out := make([]string, 0, len(p.Manifest.Files))
	for _, f := range p.Manifest.Files {
		out = append(out, p.logical(f.Path))
	}
	return out
}

func (p *Package) encrypted() bool {
	return p.Manifest != nil && p.Manifest.Encryption == EncryptionAge
}

func (p *Package) logical(stored string) string {
	if p.encrypted() {
		return strings.TrimSuffix(stored, ".age")
	}
	return stored
}

// Read returns the plain content of a logical path ("data.json"). For an
// encrypted package it decrypts PATH.age with identity, the centre's
// "AGE-SECRET-KEY-1…". It refuses an invalid package: nothing in it is
// to be trusted.
func (p *Package) Read(path, identity string) ([]byte, error) {
	if !p.Valid() {
		return nil, ErrInvalidPackage
	}
	name := path
	if p.encrypted() {
		name += ".age"
	}
	b, ok := p.stored[name]
	if !ok {
		return nil, fmt.Errorf("gói không có tệp “%s”", path)
	}
	if !p.encrypted() {
		return bytes.Clone(b), nil
	}
	if strings.TrimSpace(identity) == "" {
		return nil, ErrNeedIdentity
	}
	id, err := age.ParseX25519Identity(strings.TrimSpace(identity))
	if err != nil {
		return nil, errors.New("khóa giải mã không đúng định dạng (phải bắt đầu bằng AGE-SECRET-KEY-1)")
	}
	r, err := age.Decrypt(bytes.NewReader(b), id)
	if err != nil {
		if _, ok := errors.AsType[*age.NoIdentityMatchError](err); ok {
			return nil, ErrWrongIdentity
		}
		return nil, fmt.Errorf("không giải mã được tệp “%s”: dữ liệu mã hóa bị hỏng", path)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("không giải mã được tệp “%s”: dữ liệu mã hóa bị hỏng", path)
	}
	return plain, nil
}

// VerifyFile verifies the package at path. Its error is only for a file
// that cannot be opened; everything wrong inside is in Problems.
func VerifyFile(path string, opt VerifyOptions) (*Package, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("không mở được tệp gói “%s”: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("không đọc được tệp gói “%s”: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("“%s” không phải là một tệp gói", path)
	}
	return Verify(f, st.Size(), opt), nil
}

// VerifyBytes verifies a package held in memory.
func VerifyBytes(b []byte, opt VerifyOptions) *Package {
	return Verify(bytes.NewReader(b), int64(len(b)), opt)
}

// Verify checks an archive against contracts.md and lists every problem
// rather than stopping at the first, so the clerk sees all that is wrong
// at once. Nothing is extracted to disk, no entry name is used as a path,
// and no header is trusted: every read is bounded by the limits.
func Verify(ra io.ReaderAt, size int64, opt VerifyOptions) *Package {
	v := &verifier{
		p:       &Package{Size: size, stored: map[string][]byte{}},
		lim:     opt.Limits.withDefaults(),
		opt:     opt,
		entries: map[string]*zip.File{},
		blocked: map[string]bool{},
	}
	v.run(ra, size)
	return v.p
}

type verifier struct {
	p       *Package
	lim     Limits
	opt     VerifyOptions
	entries map[string]*zip.File // safe, first-of-their-name entries
	order   []string             // their names in archive order
	blocked map[string]bool      // entries too big or inflating too much to read
	noRead  bool                 // total declared size too big: read no payload
}

func (v *verifier) add(code, path, format string, args ...any) {
	v.p.Problems = append(v.p.Problems, Problem{Code: code, Path: path, Message: fmt.Sprintf(format, args...)})
}

func (v *verifier) run(ra io.ReaderAt, size int64) {
	if size < 0 {
		v.add(ProblemNotZip, "", "Không đọc được tệp gói.")
		return
	}
	if size > v.lim.MaxArchive {
		v.add(ProblemTooLarge, "", "Tệp gói nặng %s, vượt giới hạn %s; không kiểm tra gói này.", humanSize(size), humanSize(v.lim.MaxArchive))
		return
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(ra, 0, size)); err != nil {
		v.add(ProblemNotZip, "", "Không đọc được tệp gói (lỗi đọc đĩa); hãy chép lại tệp rồi thử lại.")
		return
	}
	v.p.SHA256 = hex.EncodeToString(h.Sum(nil))
	zr, err := zip.NewReader(ra, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		v.add(ProblemNotZip, "", "Tệp không phải là gói zip hợp lệ (có thể bị hỏng hoặc chép thiếu); hãy xin đơn vị gửi lại gói.")
		return
	}
	if len(zr.File) > v.lim.MaxEntries {
		v.add(ProblemTooLarge, "", "Gói có %d tệp, vượt giới hạn %d tệp; không kiểm tra gói này.", len(zr.File), v.lim.MaxEntries)
		return
	}
	v.scan(zr.File)
	v.readManifest()
	v.checkSignature()
	v.checkKeys()
	v.checkFiles()
}

// scan classifies the entries by their names and declared sizes alone,
// before reading any of them.
func (v *verifier) scan(files []*zip.File) {
	seen := map[string]string{}
	var declared int64
	for _, f := range files {
		name := f.Name
		shown := display(name)
		isDir := strings.HasSuffix(name, "/")
		check := name
		if isDir {
			check = strings.TrimSuffix(name, "/")
		}
		if r := unsafeReason(check); r != "" {
			v.add(ProblemUnsafePath, shown, "Tệp “%s” trong gói có tên không an toàn: %s. Tệp này bị bỏ qua; hãy yêu cầu đơn vị lập lại gói.", shown, r)
			continue
		}
		if mode := f.Mode(); mode&(fs.ModeSymlink|fs.ModeDevice|fs.ModeNamedPipe|fs.ModeSocket|fs.ModeCharDevice|fs.ModeIrregular) != 0 {
			v.add(ProblemUnsafePath, shown, "Tệp “%s” trong gói là liên kết hoặc tệp đặc biệt, không phải tệp thường; hãy yêu cầu đơn vị lập lại gói.", shown)
			continue
		}
		if isDir && f.UncompressedSize64 == 0 {
			continue // a folder entry some zip tools add: nothing to check
		}
		key := foldKey(name)
		if prev, dup := seen[key]; dup {
			if prev == name {
				v.add(ProblemDuplicateEntry, shown, "Tệp “%s” có hai lần trong gói; không biết bản nào là thật. Hãy yêu cầu đơn vị lập lại gói.", shown)
			} else {
				v.add(ProblemDuplicateEntry, shown, "Tệp “%s” trùng tên với “%s” (chỉ khác chữ hoa/thường), trên Windows hai tệp sẽ đè lên nhau. Hãy yêu cầu đơn vị lập lại gói.", shown, display(prev))
			}
			continue
		}
		seen[key] = name
		v.entries[name] = f
		v.order = append(v.order, name)
		unpacked, packed := clamp(f.UncompressedSize64), clamp(f.CompressedSize64)
		declared = clamp(uint64(declared) + uint64(unpacked))
		switch {
		case bombRatio(unpacked, packed, v.lim.MaxRatio):
			v.blocked[name] = true
			v.add(ProblemZipBomb, shown, "Tệp “%s” khai báo giải nén từ %s ra %s (gấp hơn %.0f lần): có dấu hiệu bom nén, không giải nén tệp này.", shown, humanSize(packed), humanSize(unpacked), v.lim.MaxRatio)
		case unpacked > v.lim.MaxEntry || packed > v.lim.MaxEntry:
			v.blocked[name] = true
			v.add(ProblemTooLarge, shown, "Tệp “%s” nặng %s, vượt giới hạn %s của một tệp; không đọc tệp này.", shown, humanSize(max(unpacked, packed)), humanSize(v.lim.MaxEntry))
		}
	}
	if declared > v.lim.MaxArchive {
		v.noRead = true
		v.add(ProblemTooLarge, "", "Các tệp trong gói nặng tổng cộng %s khi giải nén, vượt giới hạn %s; không đọc nội dung các tệp.", humanSize(declared), humanSize(v.lim.MaxArchive))
	}
}

// clamp brings a size from a zip header into int64 range; sums of clamped
// sizes cannot overflow uint64, and a clamped size is far over any limit.
func clamp(n uint64) int64 { return int64(min(n, 1<<62)) }

// readFailure describes an entry that could not be read: the problem code
// when the failure is itself a limit (ProblemTooLarge, ProblemZipBomb),
// "" when the entry is merely damaged and the caller picks the code.
type readFailure struct {
	code, message string
}

// read returns an entry's content, reading at most limit+1 bytes whatever
// its header says. archive/zip itself fails a read that passes the
// declared size and checks the CRC at the end.
func (v *verifier) read(name string, limit int64) ([]byte, *readFailure) {
	f := v.entries[name]
	shown := display(name)
	rc, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			return nil, &readFailure{"", fmt.Sprintf("Tệp “%s” trong gói dùng kiểu nén không được hỗ trợ.", shown)}
		}
		return nil, &readFailure{"", fmt.Sprintf("Tệp “%s” trong gói bị hỏng (phần đầu tệp trong zip sai).", shown)}
	}
	defer rc.Close()
	var buf bytes.Buffer
	buf.Grow(int(min(f.UncompressedSize64, uint64(limit), 64<<20)))
	n, err := io.Copy(&buf, io.LimitReader(rc, limit+1))
	switch {
	case n > limit:
		return nil, &readFailure{ProblemTooLarge, fmt.Sprintf("Tệp “%s” nặng hơn giới hạn %s; không đọc tệp này.", shown, humanSize(limit))}
	case errors.Is(err, zip.ErrFormat):
		// Only a read past the declared size gives ErrFormat here: the
		// header lies, the classic disguise of a zip bomb.
		return nil, &readFailure{ProblemZipBomb, fmt.Sprintf("Tệp “%s” giải nén ra nhiều hơn kích thước khai báo trong zip: có dấu hiệu bom nén, không đọc tiếp.", shown)}
	case errors.Is(err, zip.ErrChecksum):
		return nil, &readFailure{"", fmt.Sprintf("Tệp “%s” trong gói bị hỏng (sai mã kiểm tra CRC).", shown)}
	case err != nil:
		return nil, &readFailure{"", fmt.Sprintf("Tệp “%s” trong gói bị hỏng, không giải nén được.", shown)}
	}
	return buf.Bytes(), nil
}

// readSpecial reads manifest.json, manifest.sig or unit.pub, reporting a
// missing or unreadable one with the caller's code. It returns nil when
// there is nothing usable.
func (v *verifier) readSpecial(name string, limit int64, code, missing string) []byte {
	if _, ok := v.entries[name]; !ok {
		v.add(code, name, "%s", missing)
		return nil
	}
	if v.blocked[name] {
		return nil // reported by scan
	}
	b, fail := v.read(name, limit)
	if fail != nil {
		v.add(cmp.Or(fail.code, code), name, "%s", fail.message)
		return nil
	}
	return b
}

func (v *verifier) readManifest() {
	b := v.readSpecial(nameManifest, v.lim.MaxEntry, ProblemBadManifest,
		"Gói không có manifest.json (bảng kê các tệp); đây không phải gói do phần mềm lập, hoặc gói bị hỏng.")
	if b == nil {
		return
	}
	v.p.ManifestBytes = b
	m, why := decodeManifest(b)
	if why != "" {
		v.add(ProblemBadManifest, nameManifest, "manifest.json không đọc được: %s. Hãy yêu cầu đơn vị lập lại gói.", why)
		return
	}
	v.p.Manifest = &m
	if m.Format != Format {
		v.add(ProblemUnknownFormat, nameManifest, "manifest.json ghi định dạng “%s”; phần mềm này chỉ đọc “%s”. Hãy cập nhật phần mềm hoặc yêu cầu đơn vị lập lại gói.", display(m.Format), Format)
	}
	bad := func(format string, args ...any) {
		v.add(ProblemBadManifest, nameManifest, "manifest.json: "+format, args...)
	}
	switch {
	case m.Type != TypeSubmission && m.Type != TypeFeedback:
		bad("loại gói “%s” không hợp lệ (phải là “%s” hoặc “%s”).", display(m.Type), TypeSubmission, TypeFeedback)
	case v.opt.Type != "" && m.Type != v.opt.Type:
		bad("đây là gói loại “%s”, nhưng ở đây cần gói loại “%s”.", m.Type, v.opt.Type)
	}
	if strings.TrimSpace(m.Unit.Code) == "" {
		bad("thiếu mã đơn vị lập gói.")
	}
	switch m.Kind {
	case "":
	case KindPeriod:
		if p := m.Period; p == nil || p.From <= 0 || p.To < p.From {
			bad("gói giai đoạn không ghi rõ giai đoạn (từ năm, đến năm).")
		}
	default:
		bad("loại nội dung “%s” không hợp lệ.", display(m.Kind))
	}
	if _, err := time.Parse(time.RFC3339, m.CreatedAt); err != nil {
		bad("thời điểm lập gói “%s” không đúng dạng RFC 3339.", display(m.CreatedAt))
	}
	if m.Encryption != "" && m.Encryption != EncryptionAge {
		bad("kiểu mã hóa “%s” không được hỗ trợ.", display(m.Encryption))
	}
	seen := map[string]string{}
	for _, fe := range m.Files {
		shown := display(fe.Path)
		if r := unsafeReason(fe.Path); r != "" {
			v.add(ProblemUnsafePath, shown, "manifest.json kê tệp “%s” có tên không an toàn: %s.", shown, r)
			continue
		}
		key := foldKey(fe.Path)
		if prev, dup := seen[key]; dup {
			v.add(ProblemDuplicateEntry, shown, "manifest.json kê tệp “%s” hai lần (trùng với “%s”).", shown, display(prev))
			continue
		}
		seen[key] = fe.Path
		logical := fe.Path
		if m.Encryption == EncryptionAge {
			var ok bool
			if logical, ok = strings.CutSuffix(fe.Path, ".age"); !ok {
				bad("gói được mã hóa nhưng tệp “%s” không có đuôi .age.", shown)
				continue
			}
		}
		kind, ok := kindOf(logical)
		switch {
		case !ok:
			bad("tệp “%s” nằm ngoài các mục của gói (data.json, xlsx/, pdf/, attachments/).", shown)
		case fe.Kind != kind:
			bad("tệp “%s” ghi loại “%s”, nhưng vị trí của nó là loại “%s”.", shown, display(fe.Kind), kind)
		case fe.Bytes < 0:
			bad("tệp “%s” ghi kích thước âm.", shown)
		case !isHexSHA256(fe.SHA256):
			bad("mã băm của tệp “%s” không phải SHA-256 dạng hex.", shown)
		}
	}
}

func isHexSHA256(s string) bool {
	b, err := hex.DecodeString(s)
	return err == nil && len(b) == sha256.Size
}

// decodeManifest parses manifest.json strictly enough that what is signed
// is what is read: one JSON object, valid UTF-8, nothing after it. Unknown
// fields are accepted so a later minor version stays readable. The reason
// it gives is Vietnamese.
func decodeManifest(b []byte) (Manifest, string) {
	var m Manifest
	if !utf8.Valid(b) {
		return m, "tệp không phải văn bản UTF-8 hợp lệ"
	}
	if t := bytes.TrimLeft(b, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return m, "tệp không phải một đối tượng JSON"
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&m); err != nil {
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			return Manifest{}, fmt.Sprintf("lỗi cú pháp JSON ở byte %d", se.Offset)
		}
		if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
			return Manifest{}, fmt.Sprintf("mục “%s” sai kiểu dữ liệu", te.Field)
		}
		return Manifest{}, "JSON không đầy đủ hoặc sai cú pháp"
	}
	if _, err := dec.Token(); err != io.EOF {
		return Manifest{}, "có dữ liệu thừa sau đối tượng JSON"
	}
	return m, ""
}

func (v *verifier) checkSignature() {
	sigText := v.readSpecial(nameSignature, maxSmallEntry, ProblemMissingSignature,
		"Gói thiếu chữ ký manifest.sig nên không xác định được gói có bị sửa hay không; hãy yêu cầu đơn vị lập lại gói.")
	pubText := v.readSpecial(namePublicKey, maxSmallEntry, ProblemMissingKey,
		"Gói thiếu khóa công khai unit.pub của đơn vị nên không kiểm tra được chữ ký; hãy yêu cầu đơn vị lập lại gói.")
	if pubText != nil {
		pub, err := ParsePublicKey(string(pubText))
		if err != nil {
			v.add(ProblemMissingKey, namePublicKey, "unit.pub không chứa khóa công khai hợp lệ: %v.", err)
		} else {
			v.p.PublicKey = pub
		}
	}
	if sigText == nil || v.p.PublicKey == nil || v.p.ManifestBytes == nil {
		return
	}
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(sigText)))
	if err != nil || len(sig) != ed25519.SignatureSize {
		v.add(ProblemBadSignature, nameSignature, "manifest.sig không phải chữ ký Ed25519 dạng base64; gói đã bị sửa hoặc hỏng.")
		return
	}
	if !ed25519.Verify(v.p.PublicKey, v.p.ManifestBytes, sig) {
		v.add(ProblemBadSignature, nameSignature, "Chữ ký manifest.sig không khớp manifest.json với khóa unit.pub: gói đã bị sửa sau khi ký, hoặc không phải do đơn vị này ký. Không dùng gói này.")
	}
}

func (v *verifier) checkKeys() {
	pub := v.p.PublicKey
	if pub != nil && v.opt.Expected != nil && !pub.Equal(v.opt.Expected) {
		v.add(ProblemKeyMismatch, namePublicKey, "Khóa unit.pub trong gói (vân tay %s) khác khóa được chỉ định (vân tay %s).", Fingerprint(pub), fingerprintOf(v.opt.Expected))
	}
	if v.opt.Registered == nil || v.p.Manifest == nil {
		return
	}
	u := v.p.Manifest.Unit
	known, ok := v.opt.Registered(u.Code)
	switch {
	case !ok:
		v.add(ProblemUnknownUnit, "", "Đơn vị “%s” (%s) chưa đăng ký khóa với Trung ương nên chưa thể tin gói này. Hãy nhập tệp khóa của đơn vị, đối chiếu vân tay qua điện thoại, rồi kiểm tra lại.", display(u.Code), display(u.Name))
	case pub != nil && !pub.Equal(known):
		v.add(ProblemKeyMismatch, namePublicKey, "Khóa unit.pub trong gói (vân tay %s) khác khóa Trung ương đang giữ cho đơn vị “%s” (vân tay %s). Hãy liên hệ đơn vị: nếu đơn vị đã đổi khóa, nhập lại tệp khóa mới; nếu không, gói này không phải do đơn vị lập.", Fingerprint(pub), display(u.Code), fingerprintOf(known))
	}
}

// fingerprintOf tolerates a malformed key from a caller.
func fingerprintOf(k ed25519.PublicKey) string {
	if len(k) != ed25519.PublicKeySize {
		return "(khóa không hợp lệ)"
	}
	return Fingerprint(k)
}

func (v *verifier) checkFiles() {
	m := v.p.Manifest
	if m == nil {
		return // without a manifest, nothing can be called listed or unlisted
	}
	listed := map[string]bool{} // exact names, to spot unlisted entries
	folded := map[string]bool{} // as readManifest dedupes
	for _, fe := range m.Files {
		if unsafeReason(fe.Path) != "" || folded[foldKey(fe.Path)] || isSpecial(fe.Path) {
			continue // reported by readManifest
		}
		listed[fe.Path], folded[foldKey(fe.Path)] = true, true
		shown := display(fe.Path)
		if _, ok := v.entries[fe.Path]; !ok {
			v.add(ProblemMissingFile, shown, "Gói thiếu tệp “%s” có trong bảng kê manifest.json.", shown)
			continue
		}
		if v.blocked[fe.Path] || v.noRead {
			continue
		}
		b, fail := v.read(fe.Path, v.lim.MaxEntry)
		if fail != nil {
			v.add(cmp.Or(fail.code, ProblemHashMismatch), shown, "%s", fail.message)
			continue
		}
		sum := sha256.Sum256(b)
		switch {
		case int64(len(b)) != fe.Bytes:
			v.add(ProblemSizeMismatch, shown, "Tệp “%s” nặng %d byte, nhưng manifest.json ghi %d byte: tệp đã bị thay đổi sau khi ký.", shown, len(b), fe.Bytes)
		case hex.EncodeToString(sum[:]) != strings.ToLower(fe.SHA256):
			v.add(ProblemHashMismatch, shown, "Mã băm SHA-256 của tệp “%s” không khớp manifest.json: nội dung đã bị thay đổi sau khi ký.", shown)
		default:
			v.p.stored[fe.Path] = b
		}
	}
	for _, name := range v.order {
		if isSpecial(name) || listed[name] {
			continue
		}
		shown := display(name)
		v.add(ProblemUnlistedFile, shown, "Tệp “%s” có trong gói nhưng không có trong bảng kê manifest.json (có thể bị thêm vào sau khi ký); hãy yêu cầu đơn vị lập lại gói.", shown)
	}
}
