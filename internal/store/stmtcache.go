package store

import (
	"context"
	"database/sql/driver"
	"errors"

	"modernc.org/sqlite"
)

// The writer connection keeps its prepared INSERT, UPDATE and DELETE
// statements. database/sql prepares a statement again for every Exec, and
// since the audit journal, preparing a statement on a table compiles that
// table's trigger into it, which costs more than running it: a 10,000-row
// import prepared the same two statements 20,000 times. Only Exec is cached:
// it runs to completion, so a cached statement is never in use twice, while
// a query's statement stays busy for as long as its rows are open.

// execCacheSize bounds the statements kept per connection; the store has a
// few dozen distinct ones, migrations add one-off scripts.
const execCacheSize = 256

type execCacheConnector struct {
	driver.Connector
}

func newExecCacheConnector(dsn string) (driver.Connector, error) {
	c, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return execCacheConnector{c}, nil
}

func (c execCacheConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &execCacheConn{Conn: conn, stmts: map[string]driver.Stmt{}}, nil
}

// execCacheConn is a modernc connection with a cache of Exec statements.
// database/sql never uses one connection from two goroutines at once, so
// the cache needs no lock.
type execCacheConn struct {
	driver.Conn
	stmts map[string]driver.Stmt
	order []string // insertion order, to evict the oldest
}

var (
	_ driver.ConnBeginTx        = (*execCacheConn)(nil)
	_ driver.ConnPrepareContext = (*execCacheConn)(nil)
	_ driver.ExecerContext      = (*execCacheConn)(nil)
	_ driver.QueryerContext     = (*execCacheConn)(nil)
	_ driver.Pinger             = (*execCacheConn)(nil)
	_ driver.SessionResetter    = (*execCacheConn)(nil)
	_ driver.Validator          = (*execCacheConn)(nil)
)

func (c *execCacheConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	st, ok := c.stmts[query]
	if !ok {
		var err error
		if st, err = c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		if len(c.order) >= execCacheSize {
			old := c.order[0]
			c.order = c.order[1:]
			if s := c.stmts[old]; s != nil {
				_ = s.Close()
			}
			delete(c.stmts, old)
		}
		c.stmts[query] = st
		c.order = append(c.order, query)
	}
	return st.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (c *execCacheConn) Close() error {
	var errs []error
	for _, s := range c.stmts {
		errs = append(errs, s.Close())
	}
	c.stmts, c.order = nil, nil
	errs = append(errs, c.Conn.Close())
	return errors.Join(errs...)
}

func (c *execCacheConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *execCacheConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
}

func (c *execCacheConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (c *execCacheConn) Ping(ctx context.Context) error {
	if p, ok := c.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *execCacheConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *execCacheConn) IsValid() bool {
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}
