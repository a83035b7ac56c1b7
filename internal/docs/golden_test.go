package docs

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tdkt/internal/domain"
)

// Text snapshots (goldens) of every document the package builds, in the
// text form of PlainText, one file per document under testdata/golden. A
// change of wording fails the test until the goldens are rewritten with
// -update; the rewritten files then show the change in the review's diff.

var update = flag.Bool("update", false, "rewrite the text snapshots under testdata/golden from the documents")

const (
	goldenDir = "testdata/golden"
	// updateCommand is what the failure message tells to run, from the
	// repository's root.
	updateCommand = "go test ./internal/docs -run Golden -update"
)

// golden is the expected text of one snapshot file.
type golden struct {
	file string // base name under goldenDir
	text string
}

// goldenDocuments are the snapshots: the whole dossier of a small round
// that has every kind of document and of nominee (own and ministry awards,
// collectives of every kind, a secret vote, a nominee who fails), its Giấy
// khen, and the year's documents of the hand-made office.
func goldenDocuments() []golden {
	var out []golden
	add := func(file string, doc Document) { out = append(out, golden{file, PlainText(doc)}) }

	// The files are named after the documents without their place in the
	// dossier: a document added or dropped then shows as one file added or
	// removed, not as every later file renamed. Fourteen people is the
	// smallest sample round with a nominee for every award (the fourteenth
	// is the Bằng khen's).
	in := decomposed(14)
	seen := map[string]int{}
	for _, nd := range Dossier(in) {
		head := "[Hồ sơ] " + nd.Name + "\n"
		if nd.Book != "" {
			head += "[In chung tệp] " + nd.Book + "\n"
		}
		name := "dossier-" + slug(nd.Name)
		if seen[name]++; seen[name] > 1 {
			name += "-" + strconv.Itoa(seen[name])
		}
		out = append(out, golden{file: name + ".txt", text: head + "\n" + PlainText(nd.Doc)})
	}
	// The forms of the other kinds of award, one nominee each.
	kinds := reportKinds(in)
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		add("bao-cao-thanh-tich-"+k+".txt", Report(in, kinds[k]))
	}
	out = append(out, golden{"dossier-giay-khen-in-tren-phoi.txt", certificatesText(Certificates(in, "15", domain.MustDate("10/01/2026")))})

	add("dang-ky-thi-dua.txt", Registration(fixtureRegistration()))
	empty := RegistrationInput{Profile: fixtureProfile(), Year: 2026, Date: fixtureRegistration().Date}
	empty.Profile.Director = domain.Signer{}
	add("dang-ky-thi-dua-khong-co-ai.txt", Registration(empty))

	add("tu-danh-gia-cham-diem.txt", Assessment(fixtureAssessment()))

	add("so-ket-phong-trao-2021-2023.txt", MovementReview(fixtureReview(2021, 2022, 2023)))
	add("tong-ket-phong-trao-2021-2025.txt", MovementReview(fixtureReview(2021, 2022, 2023, 2024, 2025)))
	noBasis := fixtureReview(2024)
	noBasis.Movement.DocNo, noBasis.Movement.DocDate, noBasis.Movement.Issuer = "", domain.Date{}, ""
	add("so-ket-phong-trao-2024-khong-can-cu.txt", MovementReview(noBasis))
	add("tong-ket-giai-doan-2020-2025.txt", PeriodReport(fixturePeriod()))
	add("bien-ban-hoi-nghi-dien-hinh-tien-tien.txt", ConferenceMinutes(fixtureModels()))
	add("ky-yeu-guong-dien-hinh-tien-tien.txt", ModelsBooklet(fixtureModels()))
	add("danh-sach-dai-bieu-dai-hoi.txt", DelegateList(fixtureModels()))

	add("phieu-dang-ky-khoa.txt", KeySheet(KeySheetInput{
		Profile:     fixtureProfile(),
		PublicKey:   "b4UynAh9JBrw2EBoIB9sd3+d0EZviK7w1zj/Vz6HTxQ=",
		Fingerprint: "80AE 358B 6ACF 9D02 2657 D2C9 8166 8531",
		Date:        domain.NewDate(2026, 11, 23),
	}))
	return out
}

// certificatesText is the variable text of the Giấy khen, which print on
// pre-printed blanks and so are no Document, field by field.
func certificatesText(cs []Certificate) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "[Giấy khen %d]\nTặng: %s\nĐơn vị: %s\nLý do: %s\nTheo: %s\nNgày: %s\n", i+1, c.Name, c.Unit, c.Reason, c.Decision, c.Date)
	}
	return b.String()
}

// slug is a safe ASCII file name part: the name folded to lower case
// without diacritics, every run of other characters one dash.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range domain.Fold(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	gs := goldenDocuments()
	made := map[string]bool{}
	for _, g := range gs {
		if made[g.file] {
			t.Fatalf("two documents are snapshotted as %s: name them apart", g.file)
		}
		made[g.file] = true
	}
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, g := range gs {
		t.Run(strings.TrimSuffix(g.file, ".txt"), func(t *testing.T) {
			path := filepath.Join(goldenDir, g.file)
			if *update {
				if err := os.WriteFile(path, []byte(g.text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("no snapshot internal/docs/%s for this document; write it with:\n\t%s", filepath.ToSlash(path), updateCommand)
			}
			if err != nil {
				t.Fatal(err)
			}
			// A checkout that turned line ends into CRLF changes no wording.
			if w := strings.ReplaceAll(string(want), "\r\n", "\n"); w != g.text {
				t.Error(goldenMismatch(path, w, g.text))
			}
		})
	}

	// A snapshot no document produces any more (a document renamed or
	// dropped) would otherwise stay behind and mislead the next reader.
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if made[e.Name()] {
			continue
		}
		path := filepath.Join(goldenDir, e.Name())
		if *update && !e.IsDir() {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("internal/docs/%s is the snapshot of no document; remove it with:\n\t%s", filepath.ToSlash(path), updateCommand)
	}
}

// goldenMismatch says which snapshot differs, how, and how to accept the
// change.
func goldenMismatch(path, want, got string) string {
	return fmt.Sprintf("internal/docs/%s differs from the document (- snapshot, + document):\n%s\nIf the change is intended, rewrite the snapshots with:\n\t%s",
		filepath.ToSlash(path), firstDifference(want, got), updateCommand)
}

// maxDiffLines bounds the lines of difference a failure prints: the whole
// change is in the diff of the rewritten snapshot.
const maxDiffLines = 20

// firstDifference is a line diff of want and got, at most maxDiffLines
// lines, each with its line number in the snapshot (-) or the document (+).
func firstDifference(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j] is the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for (i < len(a) || j < len(b)) && len(out) < maxDiffLines {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, "-"+strconv.Itoa(i+1)+": "+a[i])
			i++
		default:
			out = append(out, "+"+strconv.Itoa(j+1)+": "+b[j])
			j++
		}
	}
	if len(out) == maxDiffLines && (i < len(a) || j < len(b)) && !slices.Equal(a[i:], b[j:]) {
		out = append(out, "…")
	}
	return strings.Join(out, "\n")
}

// The failure message names the file, shows the changed line and says how
// to update, so that whoever changed wording knows what to run.
func TestGolden_FailureMessage(t *testing.T) {
	msg := goldenMismatch(filepath.Join(goldenDir, "dossier-to-trinh.txt"),
		"[Trang A4 dọc]\nKính trình Giám đốc xem xét.\nNơi nhận:\n",
		"[Trang A4 dọc]\nKính trình Giám đốc xem xét, quyết định.\nNơi nhận:\n")
	for _, want := range []string{
		"internal/docs/testdata/golden/dossier-to-trinh.txt",
		"-2: Kính trình Giám đốc xem xét.",
		"+2: Kính trình Giám đốc xem xét, quyết định.",
		updateCommand,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message does not say %q:\n%s", want, msg)
		}
	}
	if strings.Index(msg, "-2:") > strings.Index(msg, "+2:") {
		t.Errorf("the snapshot's line should come before the document's:\n%s", msg)
	}
	if strings.Contains(msg, "Nơi nhận") {
		t.Errorf("the message shows unchanged lines:\n%s", msg)
	}
}

// A wording change in a built document shows in its snapshot: one word
// added to the last paragraph of a Tờ trình gives another text, and the
// difference shows it.
func TestGolden_CoversDocumentBody(t *testing.T) {
	doc := ToTrinh(decomposed(14), "CSTDCS")
	before := PlainText(doc)
	body := slices.Clone(doc.Body)
	last := -1
	for i, b := range body {
		if _, ok := Value(b).(Paragraph); ok {
			last = i
		}
	}
	if last < 0 {
		t.Fatal("the Tờ trình has no paragraph")
	}
	p := Value(body[last]).(Paragraph)
	p.Text += " Sửa thử."
	body[last] = p
	doc.Body = body
	after := PlainText(doc)
	if after == before {
		t.Fatal("changing a paragraph leaves the snapshot as it was")
	}
	if d := firstDifference(before, after); !strings.Contains(d, "Sửa thử.") {
		t.Errorf("the difference does not show the new wording:\n%s", d)
	}
}

func TestSlug(t *testing.T) {
	scenarios := []struct{ in, want string }{
		{"Tờ trình - Chiến sĩ thi đua cơ sở", "to-trinh-chien-si-thi-dua-co-so"},
		{"Báo cáo thành tích - Đặng Thu Trang - Giấy khen", "bao-cao-thanh-tich-dang-thu-trang-giay-khen"},
		{d("  Danh sách (kèm theo) Quyết định 12/QĐ  "), "danh-sach-kem-theo-quyet-dinh-12-qd"},
		{"", ""},
	}
	for _, sc := range scenarios {
		if got := slug(sc.in); got != sc.want {
			t.Errorf("slug(%q) = %q, want %q", sc.in, got, sc.want)
		}
	}
}
