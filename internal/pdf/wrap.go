package pdf

import "strings"

// wrap breaks text into lines that fit width w in the current font, the
// first line fitting first instead (for a first-line indent). Runs of white
// space collapse to one space; "\n" forces a break; a word wider than a line
// is cut between letters.
func (r *renderer) wrap(text string, first, w float64) []string {
	var out []string
	for i, para := range strings.Split(text, "\n") {
		width := w
		if i == 0 {
			width = first
		}
		out = append(out, r.wrapLine(strings.Fields(para), width, w)...)
	}
	// A text of only white space has no lines.
	if len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

func (r *renderer) wrapLine(words []string, first, w float64) []string {
	if len(words) == 0 {
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
	for _, word := range words {
		ww := r.f.GetStringWidth(word)
		if cur.Len() > 0 && curW+space+ww <= width+1e-9 {
			cur.WriteByte(' ')
			cur.WriteString(word)
			curW += space + ww
			continue
		}
		if cur.Len() > 0 {
			flush()
		}
		for word != "" && ww > width+1e-9 { // cut an over-long word (a URL, a long code)
			n := r.fitRunes(word, width)
			lines = append(lines, word[:n])
			width = w
			word = word[n:]
			ww = r.f.GetStringWidth(word)
		}
		cur.WriteString(word)
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
// titles): as few lines as greedy wrapping needs, but with the breaks chosen
// so that the lines are as even as possible ("BẢO HIỂM XÃ HỘI / TỈNH HÀ TĨNH"
// rather than "BẢO HIỂM XÃ HỘI TỈNH HÀ / TĨNH"). "\n" forces a break.
func (r *renderer) balanced(text string, w float64) []string {
	var out []string
	for _, part := range strings.Split(text, "\n") {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		lines := r.wrapLine(words, w, w)
		if len(lines) > 1 {
			lo, hi := 0.0, w
			for range 20 {
				mid := (lo + hi) / 2
				if len(r.wrapLine(words, mid, mid)) <= len(lines) && !r.cutsWords(words, mid) {
					hi = mid
				} else {
					lo = mid
				}
			}
			lines = r.wrapLine(words, hi, hi)
		}
		out = append(out, lines...)
	}
	return out
}

// cutsWords reports whether some word is wider than w (and would be cut).
func (r *renderer) cutsWords(words []string, w float64) bool {
	for _, word := range words {
		if r.f.GetStringWidth(word) > w {
			return true
		}
	}
	return false
}

// spaced keeps text on one line with its spaces as typed when it fits, and
// wraps it like balanced otherwise. The blanks left for a hand to fill in
// ("Số:      /TTr-BHXH", "ngày      tháng      năm 2026") need it.
func (r *renderer) spaced(text string, w float64) []string {
	if !strings.Contains(text, "\n") && r.f.GetStringWidth(text) <= w {
		return []string{text}
	}
	return r.balanced(text, w)
}
