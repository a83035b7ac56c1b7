package pack

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"filippo.io/age"
)

// File is one payload file handed to Build. Path is its logical name
// ("data.json", "xlsx/…", "pdf/…", "attachments/…"); Kind may be left
// empty, it follows from the path.
type File struct {
	Path    string
	Kind    string
	Content []byte
}

// BuildOptions says what to write around the files.
type BuildOptions struct {
	// Manifest is copied into manifest.json. Files is ignored (Build
	// computes it); Format is filled with Format when empty; CreatedAt is
	// required (RFC 3339) and also stamps every entry, so the same input
	// gives the same bytes; Type defaults to TypeSubmission.
	Manifest Manifest
	// Key signs manifest.json's exact bytes; its public half goes in unit.pub.
	Key ed25519.PrivateKey
	// Recipient is the centre's age recipient ("age1…"); "" stores the
	// payload plain.
	Recipient string
	// Progress, when set, is called with the number of files written so far.
	Progress func(done, total int)
}

// storedExts are extensions of formats that are compressed already:
// deflating them again only costs time.
var storedExts = map[string]bool{
	".pdf": true, ".xlsx": true, ".docx": true, ".pptx": true, ".odt": true, ".ods": true,
	".zip": true, ".7z": true, ".rar": true, ".gz": true, ".age": true,
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".heic": true,
	".mp3": true, ".mp4": true,
}

// flateLevel is the level archive/zip itself uses.
const flateLevel = 5

// Build writes a signed package to w and returns the manifest it signed.
// Payload files are stored in path order after manifest.json, manifest.sig
// and unit.pub. With a Recipient every payload file is encrypted to it and
// stored as PATH.age; the manifest's sizes and hashes are of the stored
// bytes, so anyone can check integrity without the centre's key. On error,
// what was written to w is not a package and must be discarded.
func Build(ctx context.Context, w io.Writer, files []File, opt BuildOptions) (Manifest, error) {
	m := opt.Manifest
	m.Format = cmp.Or(m.Format, Format)
	m.Type = cmp.Or(m.Type, TypeSubmission)
	if m.Format != Format {
		return Manifest{}, fmt.Errorf("phần mềm này chỉ lập gói định dạng “%s”, không lập được “%s”", Format, m.Format)
	}
	if m.Type != TypeSubmission && m.Type != TypeFeedback {
		return Manifest{}, fmt.Errorf("loại gói “%s” không hợp lệ; phải là “%s” hoặc “%s”", m.Type, TypeSubmission, TypeFeedback)
	}
	if strings.TrimSpace(m.Unit.Code) == "" {
		return Manifest{}, errors.New("thiếu mã đơn vị lập gói; hãy khai báo mã đơn vị trong Cài đặt")
	}
	created, err := time.Parse(time.RFC3339, m.CreatedAt)
	if err != nil {
		return Manifest{}, fmt.Errorf("thời điểm lập gói “%s” không đúng dạng RFC 3339 (ví dụ 2025-01-31T09:30:00+07:00)", m.CreatedAt)
	}
	if len(opt.Key) != ed25519.PrivateKeySize {
		return Manifest{}, errors.New("chưa có khóa ký của đơn vị; hãy mở khóa ký trước khi lập gói")
	}
	var recipient *age.X25519Recipient
	m.Encryption, m.Recipient = "", ""
	if r := strings.TrimSpace(opt.Recipient); r != "" {
		if recipient, err = age.ParseX25519Recipient(r); err != nil {
			return Manifest{}, fmt.Errorf("khóa mã hóa của Trung ương “%s” không hợp lệ (phải là khóa age bắt đầu bằng age1); hãy nhập lại tệp khóa của Trung ương", r)
		}
		m.Encryption, m.Recipient = EncryptionAge, r
	}
	sorted, err := checkBuildFiles(files)
	if err != nil {
		return Manifest{}, err
	}

	// Everything is hashed (and encrypted) before writing, because
	// manifest.json, which lists the hashes, is the first entry.
	stored := make([][]byte, len(sorted))
	m.Files = make([]FileEntry, len(sorted))
	for i, f := range sorted {
		if err := ctx.Err(); err != nil {
			return Manifest{}, fmt.Errorf("đã hủy lập gói: %w", err)
		}
		name, data := f.Path, f.Content
		if recipient != nil {
			if data, err = encrypt(data, recipient); err != nil {
				return Manifest{}, fmt.Errorf("mã hóa tệp “%s”: %w", f.Path, err)
			}
			name += ".age"
		}
		sum := sha256.Sum256(data)
		stored[i] = data
		m.Files[i] = FileEntry{Path: name, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(data)), Kind: f.Kind}
	}

	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return Manifest{}, fmt.Errorf("ghi manifest.json: %w", err)
	}
	manifest = append(manifest, '\n')
	sig := ed25519.Sign(opt.Key, manifest)
	pub := opt.Key.Public().(ed25519.PublicKey)

	progress := func(done int) {
		if opt.Progress != nil {
			opt.Progress(done, len(sorted))
		}
	}
	progress(0)
	zw := zip.NewWriter(w)
	head := []struct {
		name string
		data []byte
	}{
		{nameManifest, manifest},
		{nameSignature, []byte(base64.StdEncoding.EncodeToString(sig) + "\n")},
		{namePublicKey, []byte(EncodePublicKey(pub) + "\n")},
	}
	for _, h := range head {
		if err := writeEntry(zw, h.name, h.data, created); err != nil {
			return Manifest{}, err
		}
	}
	for i, data := range stored {
		if err := ctx.Err(); err != nil {
			return Manifest{}, fmt.Errorf("đã hủy lập gói: %w", err)
		}
		if err := writeEntry(zw, m.Files[i].Path, data, created); err != nil {
			return Manifest{}, err
		}
		progress(i + 1)
	}
	if err := zw.Close(); err != nil {
		return Manifest{}, fmt.Errorf("không ghi được gói: %w", err)
	}
	return m, nil
}

// checkBuildFiles refuses any file the centre's Verify would refuse, so a
// mistake shows at the office, naming the file, rather than at the centre.
// It returns copies with Kind filled, sorted by path.
func checkBuildFiles(files []File) ([]File, error) {
	lim := DefaultLimits()
	if len(files)+3 > lim.MaxEntries {
		return nil, fmt.Errorf("gói có %d tệp, vượt giới hạn %d tệp", len(files)+3, lim.MaxEntries)
	}
	out := make([]File, len(files))
	seen := map[string]string{}
	var total int64
	for i, f := range files {
		if r := unsafeReason(f.Path); r != "" {
			return nil, fmt.Errorf("không đưa được tệp “%s” vào gói: %s; hãy đổi tên tệp", display(f.Path), r)
		}
		kind, ok := kindOf(f.Path)
		if !ok {
			return nil, fmt.Errorf("không đưa được tệp “%s” vào gói: tệp phải là data.json hoặc nằm trong xlsx/, pdf/, attachments/", f.Path)
		}
		if f.Kind != "" && f.Kind != kind {
			return nil, fmt.Errorf("tệp “%s” được ghi loại “%s” nhưng vị trí của nó là loại “%s”", f.Path, f.Kind, kind)
		}
		key := foldKey(f.Path)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("hai tệp trùng tên trong gói: “%s” và “%s” (tên không phân biệt chữ hoa/thường trên Windows); hãy đổi tên một tệp", prev, f.Path)
		}
		seen[key] = f.Path
		if n := int64(len(f.Content)); n > lim.MaxEntry {
			return nil, fmt.Errorf("tệp “%s” nặng %s, vượt giới hạn %s của một tệp trong gói", f.Path, humanSize(n), humanSize(lim.MaxEntry))
		}
		total += int64(len(f.Content))
		out[i] = File{Path: f.Path, Kind: kind, Content: f.Content}
	}
	if total > lim.MaxArchive {
		return nil, fmt.Errorf("các tệp của gói nặng tổng cộng %s, vượt giới hạn %s", humanSize(total), humanSize(lim.MaxArchive))
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

func encrypt(data []byte, r age.Recipient) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data) + len(data)/(64<<10)*16 + 512)
	w, err := age.Encrypt(&buf, r)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeEntry writes one entry compressed in advance (zip.Writer.CreateRaw),
// which lets it pick the method from the result: Store when deflate does
// not shrink the data, or would shrink it so much that Verify's zip-bomb
// ratio would reject it (a huge, repetitive data.json). Sizes and CRC go in
// the local header (no data descriptor), which old readers handle best.
func writeEntry(zw *zip.Writer, name string, data []byte, modified time.Time) error {
	method, payload := uint16(zip.Store), data
	if len(data) > 0 && !storedExts[strings.ToLower(path.Ext(name))] && compressible(data) {
		deflated, err := deflate(data, flateLevel)
		if err != nil {
			return fmt.Errorf("nén tệp “%s”: %w", name, err)
		}
		if len(deflated) < len(data) && !bombRatio(int64(len(data)), int64(len(deflated)), DefaultLimits().MaxRatio) {
			method, payload = zip.Deflate, deflated
		}
	}
	date, clock := msDosTime(modified)
	fh := &zip.FileHeader{
		Name:               name,
		Method:             method,
		Flags:              0x800, // names are UTF-8
		CreatorVersion:     20,
		ReaderVersion:      20,
		Modified:           modified,
		ModifiedDate:       date,
		ModifiedTime:       clock,
		Extra:              extendedTime(modified),
		CRC32:              crc32.ChecksumIEEE(data),
		CompressedSize64:   uint64(len(payload)),
		UncompressedSize64: uint64(len(data)),
	}
	fh.SetMode(0o644)
	ew, err := zw.CreateRaw(fh)
	if err != nil {
		return fmt.Errorf("không ghi được tệp “%s” vào gói: %w", name, err)
	}
	if _, err := ew.Write(payload); err != nil {
		return fmt.Errorf("không ghi được tệp “%s” vào gói: %w", name, err)
	}
	return nil
}

// flateWriters recycle compressors: each holds about a megabyte of
// tables, and a round has a hundred files or more.
var flateWriters = map[int]*sync.Pool{}

func init() {
	for _, level := range []int{flate.BestSpeed, flateLevel} {
		flateWriters[level] = &sync.Pool{New: func() any {
			fw, err := flate.NewWriter(io.Discard, level)
			if err != nil {
				panic(err) // only for a level outside -2…9, fixed above
			}
			return fw
		}}
	}
}

func deflate(data []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	pool := flateWriters[level]
	fw := pool.Get().(*flate.Writer)
	defer pool.Put(fw)
	fw.Reset(&buf)
	if _, err := fw.Write(data); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// compressible guesses from a sample whether deflate is worth running on
// data: an attachment with an unknown extension is usually a scan or an
// office file, compressed already, and deflating megabytes of it for
// nothing is most of the time a package takes to build.
func compressible(data []byte) bool {
	const sample = 64 << 10
	if len(data) <= sample {
		return true
	}
	small, err := deflate(data[:sample], flate.BestSpeed)
	return err == nil && len(small) < sample*9/10
}

// msDosTime encodes t in its own zone, as archive/zip does for Modified:
// Windows shows the MS-DOS time as local time.
func msDosTime(t time.Time) (date, clock uint16) {
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, t.Location())
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// extendedTime is the Info-ZIP extended timestamp extra field (0x5455)
// carrying the exact modification time in Unix seconds, as
// zip.Writer.CreateHeader adds it.
func extendedTime(t time.Time) []byte {
	b := make([]byte, 9)
	binary.LittleEndian.PutUint16(b[0:], 0x5455)
	binary.LittleEndian.PutUint16(b[2:], 5)
	b[4] = 1 // modification time present
	binary.LittleEndian.PutUint32(b[5:], uint32(t.Unix()))
	return b
}

// FileName is the package's file name of contracts.md:
// "<unit>_<year>_<round>_<yyyymmddThhmmss>.zip". The unit code keeps only
// ASCII letters, digits, '-' and '_' (Vietnamese letters lose their
// diacritics, anything else becomes '_'), so the name survives every file
// system and mail gateway.
func FileName(unitCode string, year int, roundID int64, t time.Time) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(unitCode) {
		if base, ok := vietnameseBase[r]; ok {
			r = base
		}
		if r < 0x80 && (isASCIILetter(byte(r)) || '0' <= r && r <= '9' || r == '-' || r == '_') {
			b.WriteRune(r)
		} else if !strings.HasSuffix(b.String(), "_") {
			b.WriteByte('_')
		}
	}
	code := strings.Trim(b.String(), "_")
	if code == "" {
		code = "donvi"
	}
	return fmt.Sprintf("%s_%d_%d_%s.zip", code, year, roundID, t.Format("20060102T150405"))
}

// vietnameseBase maps each Vietnamese letter with diacritics (precomposed,
// as NFC gives them) to its ASCII base letter.
var vietnameseBase = func() map[rune]rune {
	groups := map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậ", 'A': "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ",
		'e': "èéẻẽẹêềếểễệ", 'E': "ÈÉẺẼẸÊỀẾỂỄỆ",
		'i': "ìíỉĩị", 'I': "ÌÍỈĨỊ",
		'o': "òóỏõọôồốổỗộơờớởỡợ", 'O': "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
		'u': "ùúủũụưừứửữự", 'U': "ÙÚỦŨỤƯỪỨỬỮỰ",
		'y': "ỳýỷỹỵ", 'Y': "ỲÝỶỸỴ",
		'd': "đ", 'D': "Đ",
	}
	m := map[rune]rune{}
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()
