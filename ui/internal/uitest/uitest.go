// Package uitest holds what the UI tests share: a service over a real
// temporary database on a fixed day, and a synchronous runner for long
// work. Only tests import it.
package uitest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui/kit"
)

// Now is the day every UI test runs on: 1 March 2026, so the last
// completed year is 2025.
func Now() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }

// Director is the account the UI tests act for: a director may do
// everything, so the areas' tests are about the areas, not the roles (the
// service's own tests check every role on every action).
var Director = domain.Account{Username: "gd.test", FullName: "Giám đốc thử", Role: domain.RoleDirector}

// Service opens a fresh database in t's temporary folder, closed when the
// test ends, acting for Director.
func Service(t *testing.T) *service.Service {
	t.Helper()
	return Anonymous(t).As(Director)
}

// Anonymous is Service with nobody logged in: what the window has before
// the login screen (first start, login).
func Anonymous(t *testing.T) *service.Service {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return service.New(st, Now)
}

// RunNow is a kit.Runner that runs the work at once on the caller's
// goroutine, so a test sees its result on return.
func RunNow(_ fyne.Window, _ string, work func(ctx context.Context, progress kit.Progress) error, done func(error)) {
	err := work(context.Background(), func(int, int) {})
	if done != nil {
		done(err)
	}
}

var _ kit.Runner = RunNow
