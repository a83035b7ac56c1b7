package pdf

import (
	"strings"
	"unicode"
)

// token is a word of a line of text with the number of blanks typed before
// it. Runs of blanks are kept inside a line: the blanks a document leaves
// for the văn thư ("Số:      /TTr-BHXH", "ngày      tháng      năm 2026")
// are the room a hand writes in, and must not shrink to one space.
type token struct {
	gap  int // blanks before the word (any white space counts as one)
	text string
}

// tokens splits one line of text (no "\n") into its words. The blanks
// before the first word and after the last are dropped: stray spaces typed
// at the start of a line must not indent it.
func tokens(s string) []token {
	var out []token
	gap, start := 0, -1
	for i, c := range s {
		if !unicode.IsSpace(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, token{gap, s[start:i]})
			start, gap = -1, 0
		}
		gap++
	}
	if start >= 0 {
		out = append(out, token{gap, s[start:]})
	}
	if len(out) > 0 {
		out[0].gap = 0
	}
	return out
}

// wrap breaks text into lines that fit width w in the current font, the
// first line fitting first instead (for a first-line indent). A line breaks
// at blanks, which are dropped at the break and kept as typed elsewhere;
// "\n" forces a break; a word wider than a line is cut between letters.
func (r *renderer) wrap(text string, first, w float64) []string {
	var out []string
	for i, para := range strings.Split(text, "\n") {
		width := w
		if i == 0 {
			width = first
		}
		out = append(out, r.wrapLine(tokens(para), width, w)...)
	}
	// A text of only white space has no lines.
	if len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

func (r *renderer) wrapLine(ws []token, first, w float64) []string {
	if len(ws) == 0 {
		return []string{""}
	}
	space := r.f.GetStringWidth(" ")
	var lines []string
	width := first
	var cur strings.Builder
	curW := 0.0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
		width = w
	}
	for _, wd := range ws {
		text := wd.text
		ww := r.f.GetStringWidth(text)
		gapW := float64(wd.gap) * space
		if cur.Len() > 0 && curW+gapW+ww <= width+1e-9 {
			cur.WriteString(strings.Repeat(" ", wd.gap))
			cur.WriteString(text)
			curW += gapW + ww
			continue
		}
		if cur.Len() > 0 {
			flush()
		}
		for text != "" && ww > width+1e-9 { // cut an over-long word (a URL, a long code)
			n := r.fitRunes(text, width)
			lines = append(lines, text[:n])
			width = w
			text = text[n:]
			ww = r.f.GetStringWidth(text)
		}
		cur.WriteString(text)
		curW = ww
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// fitRunes is the byte length of the longest prefix of s (at least one
// rune) that fits width w.
func (r *renderer) fitRunes(s string, w float64) int {
	n := 0
	for i, c := range s {
		end := i + len(string(c))
		if n > 0 && r.f.GetStringWidth(s[:end]) > w {
			break
		}
		n = end
	}
	return n
}

// balanced wraps text for a centred block (names in the header, signature
// titles, trích yếu): as few lines as greedy wrapping needs, but with the
// breaks chosen so that the lines are as even as possible ("BẢO HIỂM XÃ HỘI
// / TỈNH HÀ TĨNH" rather than "BẢO HIỂM XÃ HỘI TỈNH HÀ / TĨNH"). Runs of
// blanks inside a line are kept as in wrap; "\n" forces a break.
func (r *renderer) balanced(text string, w float64) []string {
	var out []string
	for _, part := range strings.Split(text, "\n") {
		ws := tokens(part)
		if len(ws) == 0 {
			continue
		}
		lines := r.wrapLine(ws, w, w)
		if len(lines) > 1 {
			lo, hi := 0.0, w
			for range 20 {
				mid := (lo + hi) / 2
				if len(r.wrapLine(ws, mid, mid)) <= len(lines) && !r.cutsWords(ws, mid) {
					hi = mid
				} else {
					lo = mid
				}
			}
			lines = r.wrapLine(ws, hi, hi)
		}
		out = append(out, lines...)
	}
	return out
}

// cutsWords reports whether some word is wider than w (and would be cut).
func (r *renderer) cutsWords(ws []token, w float64) bool {
	for _, wd := range ws {
		if r.f.GetStringWidth(wd.text) > w {
			return true
		}
	}
	return false
}

// spaced keeps text on one line with its spaces as typed when it fits, and
// wraps it like balanced otherwise. The number and date lines of the header
// keep even their leading and trailing blanks this way.
func (r *renderer) spaced(text string, w float64) []string {
	if !strings.Contains(text, "\n") && r.f.GetStringWidth(text) <= w {
		return []string{text}
	}
	return r.balanced(text, w)
}
