package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"tdkt/internal/domain"
)

// Bulk reads of the whole history up to a year, for the eligibility engine.

// RatingsUpTo gives every rating of the years up to year: staff code → year
// → rating for people not deleted, unit code → year → rating for collectives.
func (s *Store) RatingsUpTo(ctx context.Context, year int) (people, units map[string]map[int]domain.Rating, err error) {
	return ratingsUpTo(ctx, s.read, year)
}

// RatingsUpTo is RatingsUpTo inside the transaction.
func (tx *Tx) RatingsUpTo(year int) (people, units map[string]map[int]domain.Rating, err error) {
	return ratingsUpTo(tx.ctx, tx.tx, year)
}

func ratingsUpTo(ctx context.Context, q querier, year int) (people, units map[string]map[int]domain.Rating, err error) {
	people, units = map[string]map[int]domain.Rating{}, map[string]map[int]domain.Rating{}
	read := func(query string, into map[string]map[int]domain.Rating) error {
		rows, err := q.QueryContext(ctx, query, year)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var code, r string
			var y int
			if err := rows.Scan(&code, &y, &r); err != nil {
				return err
			}
			if into[code] == nil {
				into[code] = map[int]domain.Rating{}
			}
			into[code][y] = domain.Rating(r)
		}
		return rows.Err()
	}
	if err := read(`SELECT p.staff_code, r.year, r.rating FROM person_rating r JOIN person p ON p.id=r.person_id
		WHERE r.year<=? AND p.deleted_at IS NULL`, people); err != nil {
		return nil, nil, fmt.Errorf("ratings up to %d: %w", year, err)
	}
	if err := read(`SELECT unit_code, year, rating FROM unit_rating WHERE year<=?`, units); err != nil {
		return nil, nil, fmt.Errorf("ratings up to %d: %w", year, err)
	}
	return people, units, nil
}

// AwardsUpTo lists every award recorded for years up to year (people not
// deleted), with the titles of the initiatives each one used.
func (s *Store) AwardsUpTo(ctx context.Context, year int) ([]domain.AwardRecord, error) {
	return awardsUpTo(ctx, s.read, year)
}

// AwardsUpTo is AwardsUpTo inside the transaction.
func (tx *Tx) AwardsUpTo(year int) ([]domain.AwardRecord, error) {
	return awardsUpTo(tx.ctx, tx.tx, year)
}

// awardsUpTo reads the awards and the initiatives they used in two plain
// queries and sorts in Go: at 5,000 staff and ten years (40,000 awards) a
// correlated sub-query per award and an ORDER BY on a computed column
// took most of an eligibility run.
func awardsUpTo(ctx context.Context, q querier, year int) ([]domain.AwardRecord, error) {
	var n int // the records are large: growing the slice cost more than counting them
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM award WHERE year<=?`, year).Scan(&n); err != nil {
		return nil, fmt.Errorf("awards up to %d: %w", year, err)
	}
	used := map[int64][]string{}
	irows, err := q.QueryContext(ctx, `SELECT ai.award_id, i.title FROM award_initiative ai
		JOIN award a ON a.id=ai.award_id JOIN initiative i ON i.id=ai.initiative_id WHERE a.year<=?`, year)
	if err != nil {
		return nil, fmt.Errorf("initiatives of awards up to %d: %w", year, err)
	}
	for irows.Next() {
		var id int64
		var title string
		if err := irows.Scan(&id, &title); err != nil {
			irows.Close()
			return nil, err
		}
		used[id] = append(used[id], title)
	}
	if err := irows.Err(); err != nil {
		irows.Close()
		return nil, err
	}
	irows.Close()
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.person_id IS NULL, COALESCE(p.staff_code, a.unit_code),
		a.year, a.award_code, a.decision_no, a.decision_date, a.issuer, a.kind
		FROM award a LEFT JOIN person p ON p.id=a.person_id
		WHERE a.year<=? AND (a.person_id IS NULL OR p.deleted_at IS NULL)`, year)
	if err != nil {
		return nil, fmt.Errorf("awards up to %d: %w", year, err)
	}
	defer rows.Close()
	out := make([]domain.AwardRecord, 0, n)
	for rows.Next() {
		var a domain.AwardRecord
		var collective bool
		var kind string
		var date sql.NullString
		if err := rows.Scan(&a.ID, &collective, &a.Subject.Code, &a.Year, &a.AwardCode, &a.DecisionNo, &date, &a.Issuer, &kind); err != nil {
			return nil, err
		}
		a.Subject.Kind, a.DecisionDate, a.Kind = domain.SubjectPerson, parseDate(date), domain.AwardKind(kind)
		if collective {
			a.Subject.Kind = domain.SubjectCollective
		}
		if titles := used[a.ID]; len(titles) > 0 {
			a.Initiatives = titles
			sort.Strings(a.Initiatives)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Year != y.Year {
			return x.Year < y.Year
		}
		if x.Subject.Code != y.Subject.Code {
			return x.Subject.Code < y.Subject.Code
		}
		if x.AwardCode != y.AwardCode {
			return x.AwardCode < y.AwardCode
		}
		return x.ID < y.ID
	})
	return out, nil
}

// InitiativesUpTo lists every initiative recognised up to year with its
// authors (staff codes of people not deleted, sorted).
func (s *Store) InitiativesUpTo(ctx context.Context, year int) ([]domain.Initiative, error) {
	return initiativesUpTo(ctx, s.read, year)
}

// InitiativesUpTo is InitiativesUpTo inside the transaction.
func (tx *Tx) InitiativesUpTo(year int) ([]domain.Initiative, error) {
	return initiativesUpTo(tx.ctx, tx.tx, year)
}

func initiativesUpTo(ctx context.Context, q querier, year int) ([]domain.Initiative, error) {
	rows, err := q.QueryContext(ctx, `SELECT i.id, i.title, i.year, i.scope, i.decision_no, i.decision_date, i.issuer,
		COALESCE((SELECT group_concat(p.staff_code, char(31)) FROM initiative_author ia JOIN person p ON p.id=ia.person_id
			WHERE ia.initiative_id=i.id AND p.deleted_at IS NULL), '')
		FROM initiative i WHERE i.year<=? ORDER BY i.year, i.decision_date, i.title`, year)
	if err != nil {
		return nil, fmt.Errorf("initiatives up to %d: %w", year, err)
	}
	defer rows.Close()
	var out []domain.Initiative
	for rows.Next() {
		var in domain.Initiative
		var date sql.NullString
		var scope, authors string
		if err := rows.Scan(&in.ID, &in.Title, &in.Year, &scope, &in.DecisionNo, &date, &in.Issuer, &authors); err != nil {
			return nil, err
		}
		in.Scope, in.DecisionDate = domain.InitiativeScope(scope), parseDate(date)
		if authors != "" {
			in.Authors = strings.Split(authors, "\x1f")
			sort.Strings(in.Authors)
		}
		out = append(out, in)
	}
	return out, rows.Err()
}
