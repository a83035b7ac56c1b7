// Package service holds the use cases that the desktop application and the
// command line share: creating the office, keeping units, people and their
// history, importing spreadsheets, filling the demo office. It validates
// input with package rules, stores through package store and never touches
// a widget: results and progress go back through return values and
// callbacks, which the UI wraps in fyne.Do itself.
package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

// Service is the application's use cases over one office database.
type Service struct {
	st    *store.Store
	now   func() time.Time
	actor *domain.Account  // nil: nobody logged in
	evals *evaluationCache // shared by the copies As makes
}

// New returns the service over st; now is the clock (nil: time.Now).
func New(st *store.Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{st: st, now: now, evals: &evaluationCache{}}
}

// Store exposes the store for read-only lists the services do not wrap.
func (s *Service) Store() *store.Store { return s.st }

// Today is the current calendar day.
func (s *Service) Today() domain.Date { return domain.DateOf(s.now()) }

// LastCompletedYear is the latest year whose 31 December has passed.
func (s *Service) LastCompletedYear() int { return s.now().Year() - 1 }

// Profile reads the office profile; ok is false before the office exists.
func (s *Service) Profile(ctx context.Context) (domain.OfficeProfile, bool, error) {
	if err := s.requireOrFirstStart(ctx, domain.RoleViewer); err != nil {
		return domain.OfficeProfile{}, false, err
	}
	return s.st.Profile(ctx)
}

// SaveProfile cleans, validates and saves the office profile, creating the
// office's root unit the first time.
func (s *Service) SaveProfile(ctx context.Context, p domain.OfficeProfile) error {
	if err := s.requireOrFirstStart(ctx, domain.RoleDirector); err != nil {
		return err
	}
	if errs := profileTextProblems(p); len(errs) > 0 {
		return errs
	}
	p = cleanProfile(p)
	if p.DocNumberCode == "" {
		p.DocNumberCode = "BHXH"
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.SaveProfile(p) })
}

func cleanProfile(p domain.OfficeProfile) domain.OfficeProfile {
	c := rules.Clean
	p.UnitCode, p.UnitName, p.ParentName, p.Place, p.DocNumberCode = c(p.UnitCode), c(p.UnitName), c(p.ParentName), c(p.Place), c(p.DocNumberCode)
	p.Director = domain.Signer{Name: c(p.Director.Name), Position: c(p.Director.Position)}
	var deps []domain.Signer
	for _, d := range p.Deputies {
		d = domain.Signer{Name: c(d.Name), Position: c(d.Position)}
		if d.Name != "" {
			deps = append(deps, d)
		}
	}
	p.Deputies = deps
	return p
}

// Catalogue reads the rule catalogue.
func (s *Service) Catalogue(ctx context.Context) (rules.Catalogue, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return rules.Catalogue{}, err
	}
	return s.st.Catalogue(ctx)
}

// userError reports whether err is meant for people as it is (a field
// error or a sentinel with a Vietnamese message), as opposed to an internal
// failure that the UI should wrap in a generic message.
func userError(err error) bool {
	return len(domain.AsFieldErrors(err)) > 0 || errors.Is(err, domain.ErrNotFound) ||
		errors.Is(err, domain.ErrDuplicate) || errors.Is(err, domain.ErrInUse) ||
		errors.Is(err, domain.ErrForbidden) || errors.Is(err, domain.ErrLogin) ||
		errors.Is(err, store.ErrNetworkDrive)
}

// Explain turns any error into a sentence for people: field errors and
// sentinels as they are, anything else as a generic message with the detail.
func Explain(err error) string {
	if err == nil {
		return ""
	}
	if userError(err) {
		return err.Error()
	}
	return fmt.Sprintf("Có lỗi khi lưu hoặc đọc dữ liệu; dữ liệu chưa bị thay đổi. Chi tiết: %v", err)
}

// Language is the interface language chosen in Cài đặt ("vi" by default).
func (s *Service) Language(ctx context.Context) string {
	v, _ := s.st.Setting(ctx, "language")
	if v == "" {
		return "vi"
	}
	return v
}

// SetLanguage stores the interface language.
func (s *Service) SetLanguage(ctx context.Context, lang string) error {
	if err := s.require(domain.RoleViewer); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.SetSetting("language", lang) })
}

// IsDemo reports whether the database holds the demo office.
func (s *Service) IsDemo(ctx context.Context) bool {
	v, _ := s.st.Setting(ctx, "demo")
	return v == "1"
}

// DatabasePath is the database file's absolute path.
func (s *Service) DatabasePath() string { return s.st.Path() }

// BackupTo writes a verified copy of the database into dir and returns its path.
func (s *Service) BackupTo(ctx context.Context, dir string) (string, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return "", err
	}
	dst := filepath.Join(dir, "tdkt-saoluu-"+s.now().Format("20060102-150405")+".db")
	return dst, s.st.Backup(ctx, dst)
}

// Version is the application version, set at build time from FyneApp.toml.
var Version = "dev"
