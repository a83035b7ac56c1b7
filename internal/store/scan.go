package store

import (
	"context"
	"database/sql"

	"tdkt/internal/domain"
)

// Change says what an upsert did, so imports can report inserted, updated
// and unchanged rows, and a re-import can prove it changed nothing.
type Change int

const (
	Unchanged Change = iota
	Inserted
	Updated
)

func (c Change) String() string {
	return [...]string{"không đổi", "thêm mới", "cập nhật"}[c]
}

func dateArg(d domain.Date) any { return nullable(d.ISO()) }

func parseDate(ns sql.NullString) domain.Date {
	if !ns.Valid || ns.String == "" {
		return domain.Date{}
	}
	d, err := domain.ParseDate(ns.String)
	if err != nil {
		return domain.Date{}
	}
	return d
}

// countBy runs a "SELECT key, count(*) … GROUP BY key" query into a map.
func countBy(ctx context.Context, q querier, query string, args ...any) (map[string]int, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var key string
		var n int
		if err := rows.Scan(&key, &n); err != nil {
			return nil, err
		}
		out[key] = n
	}
	return out, rows.Err()
}
