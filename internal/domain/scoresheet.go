package domain

import (
	"math"
	"sort"
)

// ScoreSheet is a year's self-assessment (tự chấm điểm) worked out from the
// cluster's scoring table and the office's self-scores. It is the one
// computation behind every total the program shows or prints: the screen,
// the report, the workbook and the package to the centre read it, so they
// cannot disagree.
//
// The rules:
//   - a score counts only when it lies within its criterion's bounds (0 to
//     the maximum; a penalty from minus the maximum to 0, so it subtracts);
//     a score outside them, or for a code the table no longer has, counts
//     nowhere and is listed for the clerk to correct;
//   - a group's score is the sum of the counted scores of the criteria
//     below it, and the total is the sum of every counted score;
//   - bonus and penalty criteria lie outside the scale ("100 points, plus
//     up to 5 bonus points") and add nothing to it, nor does a group made of
//     them only; another line's maximum is its own, or for a group without
//     one the sum of its criteria's maxima. The sheet's maximum is the sum
//     of the maxima of the top lines.
type ScoreSheet struct {
	Lines      []ScoreLine // the table in tree order
	Total, Max float64
	// OutOfRange are scores outside their criterion's bounds; Orphans are
	// scores of codes the table does not have, or of groups. Neither counts.
	OutOfRange, Orphans []SelfScore
}

// ScoreLine is a criterion of the sheet with its score.
type ScoreLine struct {
	Criterion Criterion
	Depth     int // 0 for a top line
	Group     bool
	Score     float64 // leaf: the counted self-score; group: the sum of its leaves
	HasScore  bool    // a counted score (for a group: at least one below it)
	Note      string  // evidence note
	Evidence  []string
}

// NewScoreSheet works the sheet out from the table cs and the scores.
func NewScoreSheet(cs []Criterion, scores []SelfScore) ScoreSheet {
	ordered, depth := CriteriaTree(cs)
	var sheet ScoreSheet
	isGroup := map[string]bool{}
	for _, c := range ordered {
		if c.ParentCode != "" && c.ParentCode != c.Code {
			isGroup[c.ParentCode] = true
		}
	}
	index := map[string]int{}
	sheet.Lines = make([]ScoreLine, len(ordered))
	for i, c := range ordered {
		sheet.Lines[i] = ScoreLine{Criterion: c, Depth: depth[i], Group: isGroup[c.Code]}
		index[c.Code] = i
	}
	for _, sc := range scores {
		i, ok := index[sc.Code]
		if !ok || sheet.Lines[i].Group {
			sheet.Orphans = append(sheet.Orphans, sc)
			continue
		}
		l := &sheet.Lines[i]
		l.Note, l.Evidence = sc.Note, sc.Attachments
		if lo, hi := l.Criterion.Bounds(); math.IsNaN(sc.Score) || sc.Score < lo || sc.Score > hi {
			sheet.OutOfRange = append(sheet.OutOfRange, sc)
			continue
		}
		l.Score, l.HasScore = sc.Score, true
	}
	for i := range sheet.Lines {
		l := sheet.Lines[i]
		if l.Group || !l.HasScore {
			continue
		}
		sheet.Total += l.Score
		// Add the leaf to every group above it: the lines before it at a
		// smaller depth, nearest first.
		d := l.Depth
		for j := i - 1; j >= 0 && d > 0; j-- {
			if sheet.Lines[j].Depth < d {
				d = sheet.Lines[j].Depth
				sheet.Lines[j].Score += l.Score
				sheet.Lines[j].HasScore = true
			}
		}
	}
	for i := range sheet.Lines {
		sheet.Lines[i].Score = round2(sheet.Lines[i].Score)
		if sheet.Lines[i].Depth == 0 {
			sheet.Max += sheet.scaleMax(i)
		}
	}
	sheet.Total, sheet.Max = round2(sheet.Total), round2(sheet.Max)
	return sheet
}

// LineMax is the maximum printed on line i: a criterion's own (a bonus or
// a penalty too), a group's own, or for a group without one the sum of its
// criteria's maxima on the scale.
func (s ScoreSheet) LineMax(i int) float64 {
	l := s.Lines[i]
	if !l.Group || l.Criterion.MaxPoints > 0 {
		return l.Criterion.MaxPoints
	}
	sum := 0.0
	for _, j := range s.Leaves(i) {
		if onScale(s.Lines[j].Criterion) {
			sum += s.Lines[j].Criterion.MaxPoints
		}
	}
	return sum
}

// scaleMax is what line i adds to the sheet's maximum: nothing for bonus
// and penalty points, nor for a group made of them only.
func (s ScoreSheet) scaleMax(i int) float64 {
	for _, j := range s.Leaves(i) {
		if onScale(s.Lines[j].Criterion) {
			return s.LineMax(i)
		}
	}
	return 0
}

func onScale(c Criterion) bool { return c.Method != MethodBonus && c.Method != MethodPenalty }

// Leaves are the indices of the criteria below group line i (a criterion
// line has itself as its only leaf).
func (s ScoreSheet) Leaves(i int) []int {
	if !s.Lines[i].Group {
		return []int{i}
	}
	var out []int
	for j := i + 1; j < len(s.Lines) && s.Lines[j].Depth > s.Lines[i].Depth; j++ {
		if !s.Lines[j].Group {
			out = append(out, j)
		}
	}
	return out
}

// CriteriaTree orders a scoring table as it is read: each group followed
// by its criteria, siblings by SortOrder then code, with each line's depth.
// A node whose parent is missing is a top line; a cycle in damaged data
// still shows every node once.
func CriteriaTree(cs []Criterion) (ordered []Criterion, depth []int) {
	sorted := append([]Criterion(nil), cs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].SortOrder != sorted[j].SortOrder {
			return sorted[i].SortOrder < sorted[j].SortOrder
		}
		return sorted[i].Code < sorted[j].Code
	})
	codes := map[string]bool{}
	children := map[string][]Criterion{}
	for _, c := range sorted {
		codes[c.Code] = true
	}
	var roots []Criterion
	for _, c := range sorted {
		if c.ParentCode == "" || !codes[c.ParentCode] || c.ParentCode == c.Code {
			roots = append(roots, c)
		} else {
			children[c.ParentCode] = append(children[c.ParentCode], c)
		}
	}
	visited := map[string]bool{}
	var walk func(c Criterion, d int)
	walk = func(c Criterion, d int) {
		if visited[c.Code] {
			return
		}
		visited[c.Code] = true
		ordered = append(ordered, c)
		depth = append(depth, d)
		for _, k := range children[c.Code] {
			walk(k, d+1)
		}
	}
	for _, r := range roots {
		walk(r, 0)
	}
	for _, c := range sorted {
		walk(c, 0)
	}
	return ordered, depth
}
