package docs

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

// Upper is the upper case of a Vietnamese text, in NFC. Go's case mapping
// covers the Vietnamese letters (đ→Đ, ơ→Ơ, ư→Ư, ặ→Ặ, ỹ→Ỹ); composing first
// and after keeps precomposed letters, which the PDF fonts need.
func Upper(s string) string {
	return norm.NFC.String(strings.ToUpper(norm.NFC.String(s)))
}

// DateLine is the place-and-date line of NĐ 30: "Hà Tĩnh, ngày 05 tháng 01
// năm 2026". Days below 10 and the months 1 and 2 get a leading 0, the other
// months do not ("ngày 15 tháng 3"), so that nobody can add a digit in front
// afterwards. An unknown part (zero Day, Month or Year) is left blank for a
// hand to fill in: "ngày      tháng      năm 2026". An empty place drops the
// place and its comma.
func DateLine(place string, d domain.Date) string {
	const blank = "      "
	day, month, year := blank, blank, blank
	if d.Day > 0 {
		day = fmt.Sprintf("%02d", d.Day)
	}
	switch {
	case d.Month == 1 || d.Month == 2:
		month = fmt.Sprintf("%02d", int(d.Month))
	case d.Month > 2:
		month = fmt.Sprintf("%d", int(d.Month))
	}
	if d.Year > 0 {
		year = fmt.Sprintf("%d", d.Year)
	}
	s := "ngày " + day + " tháng " + month + " năm " + year
	if place = strings.TrimSpace(place); place != "" {
		s = place + ", " + s
	}
	return s
}

// DocNumber is a number as a clerk enters it: digits ("125") become
// Number(125, typeCode, issuerCode); a full số, ký hiệu ("125/QĐ-BHXH")
// stays as typed; "" leaves the number blank for the văn thư.
func DocNumber(entered, typeCode, issuerCode string) string {
	entered = strings.TrimSpace(entered)
	if n, err := strconv.Atoi(entered); err == nil && n > 0 {
		return Number(n, typeCode, issuerCode)
	}
	if entered != "" {
		return entered
	}
	return Number(0, typeCode, issuerCode)
}

// Number is the số, ký hiệu of a document: Number(5, "TTr", "BHXH") is
// "05/TTr-BHXH". Numbers under 10 get a leading 0. typeCode is the
// document-type abbreviation as NĐ 30 writes it (QĐ, TTr, BC, BB, KH, TB);
// a công văn has none and gives "05/BHXH-TĐKT". The issuer code is printed
// in upper case. n ≤ 0 leaves the number blank ("     /TTr-BHXH") for the
// clerk (văn thư) to fill in when the document is registered.
func Number(n int, typeCode, issuerCode string) string {
	num := "     "
	if n > 0 {
		num = fmt.Sprintf("%02d", n)
	}
	code := Upper(strings.TrimSpace(issuerCode))
	if t := strings.TrimSpace(typeCode); t != "" {
		if code != "" {
			code = t + "-" + code
		} else {
			code = t
		}
	}
	if code == "" {
		return strings.TrimSpace(num)
	}
	return num + "/" + code
}

// ListLines punctuates the items of an enumeration the NĐ 30 way: each ends
// with ";" and the last with ".". Trailing ";", "," and "." typed by people
// are replaced, blank items dropped, and prefix (e.g. "- ") put in front of
// each item that does not already start with it.
func ListLines(items []string, prefix string) []string {
	var kept []string
	for _, it := range items {
		it = strings.TrimSpace(it)
		it = strings.TrimRight(it, ";,. ")
		if it == "" {
			continue
		}
		if prefix != "" {
			bare := strings.TrimSpace(prefix)
			if strings.HasPrefix(it, bare) {
				it = strings.TrimSpace(strings.TrimPrefix(it, bare))
			}
			it = prefix + it
		}
		kept = append(kept, it)
	}
	for i := range kept {
		if i == len(kept)-1 {
			kept[i] += "."
		} else {
			kept[i] += ";"
		}
	}
	return kept
}

// RecipientLines are the printed Nơi nhận entries: "- Như trên;" … "- Lưu: VT, TĐKT.".
func RecipientLines(entries []string) []string { return ListLines(entries, "- ") }

// CanCu turns the legal bases ("Căn cứ Luật Thi đua, khen thưởng ngày …")
// into italic paragraphs, each ending with ";" and the last with "." (NĐ 30).
func CanCu(bases ...string) []Block {
	lines := ListLines(bases, "")
	out := make([]Block, 0, len(lines))
	for _, l := range lines {
		out = append(out, Paragraph{Text: l, Style: Italic})
	}
	return out
}
