package service

// Loading a scoring table (bảng chấm điểm) from Excel, as the cluster
// leader sends it or as a member filled it in, and the other members'
// totals for the cluster's ranking.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// CriteriaPreview is what a scoring table file would do to a year. Nothing
// is written until CommitCriteriaImport.
type CriteriaPreview struct {
	Year     int
	Criteria []domain.Criterion // accepted, in the file's order
	Scores   []domain.SelfScore // the self-scores the file carries, for accepted criteria
	Groups   int                // how many of Criteria are groups
	Rejected []ImportIssue      // rows not taken
	Warnings []ImportIssue      // rows taken with a part left out; Row 0: the file as a whole
	// The year's table before the import: how many criteria it had, how
	// many of their codes stay (with their scores and evidence), how many
	// go with theirs.
	Existing, Kept, Dropped int
}

// RejectedRows counts the distinct rows rejected.
func (p *CriteriaPreview) RejectedRows() int {
	seen := map[int]bool{}
	for _, is := range p.Rejected {
		seen[is.Row] = true
	}
	return len(seen)
}

func fileError(err error) error {
	var he *xlsx.HeaderError
	if errors.As(err, &he) || errors.Is(err, xlsx.ErrNotWorkbook) {
		return domain.FieldError{Field: "Tệp", Msg: err.Error(), Err: ErrImportFile}
	}
	return err
}

// PreviewCriteriaImport reads a scoring table (xlsx.ReadCriteria) for year
// and says what importing it would do: the criteria accepted, the rows
// rejected with the reason, the targets linked, and a warning when the year
// already has a table, which the file will replace. A proportional
// criterion is linked to the target of a movement of the year named in the
// "Chỉ tiêu" column, else to the one its code had in the year's table,
// else to a target with the criterion's own name.
func (s *Service) PreviewCriteriaImport(ctx context.Context, year int, r io.Reader) (*CriteriaPreview, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return nil, err
	}
	if err := s.planYear(FieldYear, year); err != nil {
		return nil, err
	}
	rows, issues, err := xlsx.ReadCriteria(r)
	if err != nil {
		return nil, fileError(err)
	}
	p := &CriteriaPreview{Year: year}
	for _, is := range issues {
		ii := ImportIssue{Row: is.Row, Column: is.Column, Reason: is.Reason, Warning: is.Warning}
		if is.Warning {
			p.Warnings = append(p.Warnings, ii)
		} else {
			p.Rejected = append(p.Rejected, ii)
		}
	}

	old, err := s.st.Criteria(ctx, year)
	if err != nil {
		return nil, err
	}
	oldByCode := map[string]domain.Criterion{}
	for _, c := range old {
		oldByCode[c.Code] = c
	}
	ms, err := s.st.Movements(ctx)
	if err != nil {
		return nil, err
	}
	targetByName := map[string]int64{}
	yearTarget := map[int64]bool{}
	for _, m := range movementsOf(ms, year) {
		for _, t := range m.Targets {
			k := domain.Fold(rules.Clean(t.Name))
			if _, dup := targetByName[k]; !dup {
				targetByName[k] = t.ID
			}
			yearTarget[t.ID] = true
		}
	}

	for _, row := range rows {
		c := domain.Criterion{Year: year, Code: row.Code, ParentCode: row.ParentCode, Name: row.Name,
			MaxPoints: row.MaxPoints, Method: row.Method, CapPercent: row.CapPercent}
		if row.Group {
			p.Groups++
			p.Criteria = append(p.Criteria, c)
			continue
		}
		if c.Method == domain.MethodProportional {
			prev, had := oldByCode[c.Code]
			switch {
			case row.Target != "":
				if id, ok := targetByName[domain.Fold(rules.Clean(row.Target))]; ok {
					c.TargetID = id
				} else {
					p.Warnings = append(p.Warnings, ImportIssue{Row: row.Row, Column: "Chỉ tiêu", Warning: true,
						Reason: fmt.Sprintf("không có chỉ tiêu “%s” trong các phong trào năm %d; tiêu chí %s được chấm tay cho đến khi gắn chỉ tiêu (Sửa bảng tiêu chí…)", row.Target, year, c.Code)})
				}
			case had && prev.Method == domain.MethodProportional && yearTarget[prev.TargetID]:
				c.TargetID = prev.TargetID
				if c.CapPercent == 0 {
					c.CapPercent = prev.CapPercent
				}
			default:
				c.TargetID = targetByName[domain.Fold(c.Name)]
			}
			if c.CapPercent == 0 {
				c.CapPercent = 100
			}
		}
		p.Criteria = append(p.Criteria, c)
		if !row.HasScore {
			continue
		}
		lo, hi := c.Bounds()
		if row.Score < lo-1e-9 || row.Score > hi+1e-9 || math.IsNaN(row.Score) {
			p.Warnings = append(p.Warnings, ImportIssue{Row: row.Row, Column: FieldScore, Warning: true,
				Reason: fmt.Sprintf("tiêu chí %s chấm từ %s đến %s điểm; bỏ qua điểm %s", c.Code, FormatPoints(lo), FormatPoints(hi), FormatPoints(row.Score))})
			continue
		}
		note := strings.TrimSpace(row.Note)
		if _, had := oldByCode[c.Code]; had {
			// Our export appends the evidence files' names to the note:
			// reading it back must not add them again.
			names, err := s.st.Evidence(ctx, year, c.Code)
			if err != nil {
				return nil, err
			}
			for again := true; again; {
				again = false
				for _, n := range names {
					if n != "" && strings.HasSuffix(note, n) {
						note = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(note, n)), ";"))
						again = true
					}
				}
			}
		}
		p.Scores = append(p.Scores, domain.SelfScore{Year: year, Code: c.Code, Score: row.Score, Note: note})
	}

	if len(old) > 0 {
		p.Existing = len(old)
		keep := map[string]bool{}
		for _, c := range p.Criteria {
			keep[c.Code] = true
		}
		for _, c := range old {
			if keep[c.Code] {
				p.Kept++
			} else {
				p.Dropped++
			}
		}
		msg := fmt.Sprintf("năm %d đã có bảng chấm điểm %d tiêu chí; bảng trong tệp sẽ thay thế bảng đó. %d mã có trong tệp giữ điểm tự chấm và minh chứng đã có", year, p.Existing, p.Kept)
		if p.Dropped > 0 {
			msg += fmt.Sprintf("; %d mã không có trong tệp sẽ bị xóa cùng điểm và minh chứng", p.Dropped)
		}
		p.Warnings = append([]ImportIssue{{Row: 0, Reason: msg + ".", Warning: true}}, p.Warnings...)
		// Scores that stay but no longer fit the new table are removed
		// (SaveCriteria); say so now, unless the file scores them again.
		scores, err := s.st.SelfScores(ctx, year)
		if err != nil {
			return nil, err
		}
		rescored := map[string]bool{}
		for _, sc := range p.Scores {
			rescored[sc.Code] = true
		}
		var stale []domain.SelfScore
		for _, sc := range domain.NewScoreSheet(p.Criteria, scores).OutOfRange {
			if !rescored[sc.Code] {
				stale = append(stale, sc)
			}
		}
		if text := ClearedScoresText(p.Criteria, stale, false); text != "" {
			p.Warnings = append(p.Warnings, ImportIssue{Row: 0, Reason: text, Warning: true})
		}
	}
	return p, nil
}

// CommitCriteriaImport makes the previewed table the year's scoring table
// (SaveCriteria, in one transaction: codes that stay keep their scores and
// evidence), then writes the self-scores the file carried.
func (s *Service) CommitCriteriaImport(ctx context.Context, p *CriteriaPreview) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	if p == nil || len(p.Criteria) == 0 {
		return domain.FieldError{Field: "Tệp", Msg: "tệp không có tiêu chí nào nhập được; xem các dòng bị loại", Err: ErrImportFile}
	}
	if _, err := s.SaveCriteria(ctx, p.Year, p.Criteria); err != nil {
		return err
	}
	if len(p.Scores) == 0 {
		return nil
	}
	err := s.writeAssessment(ctx, p.Year, func(tx *store.Tx) error {
		for _, sc := range p.Scores {
			if _, err := tx.SaveSelfScore(sc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("bảng chấm điểm đã được nhập nhưng chưa ghi được điểm tự chấm trong tệp: %w", err)
	}
	return nil
}

// Headers of a cluster totals sheet.
var (
	totalsMemberCols = []string{"Đơn vị", "Tên đơn vị", "Thành viên"}
	totalsScoreCols  = []string{"Tổng điểm", "Tổng cộng", "Tổng điểm chấm"}
)

// memberKey is how member names are compared: NFC, white space collapsed,
// lower case, "BHXH" written out.
func memberKey(name string) string {
	k := strings.ToLower(rules.Clean(name))
	if strings.HasPrefix(k, "bhxh ") {
		k = "bảo hiểm xã hội " + strings.TrimPrefix(k, "bhxh ")
	}
	return k
}

// ImportClusterTotals reads the cluster members' totals from the first
// sheet of a workbook with the columns "Đơn vị" (the member's name, as
// recorded in the year's cluster) and "Tổng điểm" (95,5 or 95.5), and
// records them (SaveCluster). Rows with a blank total are skipped; the
// office's own row is skipped too, its total coming from its self-scores.
// Any unknown name, bad number or member listed twice is an error naming
// the row, and then nothing is written. It returns how many totals were
// recorded.
func (s *Service) ImportClusterTotals(ctx context.Context, year int, r io.Reader) (int, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return 0, err
	}
	c, ok, err := s.st.Cluster(ctx, year)
	if err != nil {
		return 0, err
	}
	if !ok || len(c.Members) == 0 {
		return 0, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("chưa ghi cụm thi đua năm %d; ghi các đơn vị trong cụm trước khi nhập tổng điểm", year), Err: domain.ErrNotFound}
	}
	var spec xlsx.Spec
	for _, n := range totalsMemberCols {
		spec.Columns = append(spec.Columns, xlsx.Column{Name: n, Group: "member"})
	}
	for _, n := range totalsScoreCols {
		spec.Columns = append(spec.Columns, xlsx.Column{Name: n, Group: "total"})
	}
	tab, err := xlsx.ReadTable(r, spec)
	if err != nil {
		return 0, fileError(err)
	}
	col := func(names []string) string {
		for _, n := range names {
			if tab.Has(n) {
				return n
			}
		}
		return ""
	}
	memberCol, totalCol := col(totalsMemberCols), col(totalsScoreCols)
	index := map[string]int{}
	for i, m := range c.Members {
		index[memberKey(m.Name)] = i
	}
	var errs domain.FieldErrors
	seen := map[int]int{}
	n := 0
	for _, row := range tab.Rows {
		name := rules.Clean(row.Get(memberCol).Text)
		text := row.Get(totalCol).Text
		if f := domain.Fold(name); f == "tong" || f == "cong" || strings.HasPrefix(f, "tong cong") {
			continue // the sheet's total line
		}
		if name == "" {
			if strings.TrimSpace(text) != "" {
				errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("dòng %d: có tổng điểm nhưng chưa có tên đơn vị", row.Num)})
			}
			continue
		}
		i, ok := index[memberKey(name)]
		if !ok {
			errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("dòng %d: “%s” không có trong cụm thi đua năm %d; sửa tên cho giống tên đã ghi ở thẻ Cụm thi đua", row.Num, name, year), Err: domain.ErrNotFound})
			continue
		}
		if prev, dup := seen[i]; dup {
			errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("dòng %d: %s đã có ở dòng %d", row.Num, c.Members[i].Name, prev)})
			continue
		}
		seen[i] = row.Num
		x, has, err := xlsx.ParsePoints(text)
		switch {
		case err != nil || math.IsInf(x, 0) || math.IsNaN(x):
			errs = append(errs, domain.FieldError{Field: FieldMembers, Msg: fmt.Sprintf("dòng %d: tổng điểm của %s “%s” không phải là số", row.Num, c.Members[i].Name, text)})
			continue
		case !has || c.Members[i].Own:
			continue
		}
		c.Members[i].Total, c.Members[i].HasTotal = x, true
		n++
	}
	switch len(errs) {
	case 0:
	case 1:
		return 0, errs[0]
	default:
		return 0, errs
	}
	if n == 0 {
		return 0, nil
	}
	if err := s.SaveCluster(ctx, c); err != nil {
		return 0, err
	}
	return n, nil
}
