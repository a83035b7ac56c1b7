package docs

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// FormatNumber writes x the Vietnamese way, with a dot between thousands and
// a decimal comma: FormatNumber(1234.5, 1) is "1.234,5", FormatNumber(94.5,
// 2) is "94,50". x is rounded half away from zero to decimals places
// (negative decimals count as 0); a result that rounds to zero has no minus
// sign. NaN and the infinities give "" (a cell left empty rather than
// "NaN" printed on an official document).
func FormatNumber(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	decimals = max(decimals, 0)
	a := math.Abs(x)
	// strconv rounds exact ties to even (2.5 → "2"); offices round them up.
	if p := math.Pow10(decimals); !math.IsInf(a*p, 0) {
		a = math.Round(a*p) / p
	}
	s := strconv.FormatFloat(a, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := x < 0 && strings.Trim(s, "0.") != ""
	var b strings.Builder
	b.Grow(len(s) + len(s)/3 + 1)
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// FormatShort is FormatNumber without the trailing zeros of the fraction,
// as prose writes numbers: "95", "94,5", "1.234,56" (at most decimals places).
func FormatShort(x float64, decimals int) string {
	s := FormatNumber(x, decimals)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Quantity is a value with its unit of measure as documents print it:
// "94,5%" (no space before the percent sign), "5.200 tỷ đồng".
func Quantity(x float64, unit string) string {
	n := FormatShort(x, 2)
	if n == "" {
		return ""
	}
	switch unit = strings.TrimSpace(unit); unit {
	case "":
		return n
	case "%":
		return n + "%"
	}
	return n + " " + unit
}

// clean is the form every text taken from the input is printed in:
// precomposed (NFC, which the PDF fonts need and searches rely on) and
// trimmed.
func clean(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }

// nfcDocument puts every text of d in NFC, so that no builder can forget a
// field: decomposed names typed on some keyboards or pasted from PDFs print
// as the same letters and are found by the same searches.
func nfcDocument(d Document) Document {
	n := norm.NFC.String
	d.Header.ParentName = n(d.Header.ParentName)
	d.Header.IssuerName = n(d.Header.IssuerName)
	d.Header.Number = n(d.Header.Number)
	d.Header.Place = n(d.Header.Place)
	d.Kind = n(d.Kind)
	d.Title = nfcAll(d.Title)
	d.KinhGui = nfcAll(d.KinhGui)
	d.Recipients = nfcAll(d.Recipients)
	for _, c := range []*SignatureColumn{&d.Signature.Left, &d.Signature.Right} {
		c.Authority, c.Position, c.Note, c.Name = n(c.Authority), n(c.Position), n(c.Note), n(c.Name)
	}
	body := make([]Block, len(d.Body))
	for i, b := range d.Body {
		switch v := Value(b).(type) {
		case Paragraph:
			v.Text = n(v.Text)
			body[i] = v
		case Heading:
			v.Text = n(v.Text)
			body[i] = v
		case Table:
			cols := make([]Column, len(v.Columns))
			for j, c := range v.Columns {
				c.Header = n(c.Header)
				cols[j] = c
			}
			v.Columns = cols
			rows := make([]Row, len(v.Rows))
			for j, r := range v.Rows {
				r.Cells = nfcAll(r.Cells)
				rows[j] = r
			}
			v.Rows = rows
			body[i] = v
		default:
			body[i] = v
		}
	}
	d.Body = body
	return d
}

func nfcAll(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = norm.NFC.String(s)
	}
	return out
}
