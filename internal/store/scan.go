package store

import (
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
