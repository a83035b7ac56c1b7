package domain

import (
	"errors"
	"time"
)

// Role is what an account may do. Roles are ordered: a director may do
// everything a clerk may, and a clerk everything a viewer may.
type Role string

const (
	// RoleDirector: Giám đốc and Phó Giám đốc. Approves rounds, signs off
	// assessments, manages accounts, restores backups, edits the profile.
	RoleDirector Role = "GIAM_DOC"
	// RoleClerk: Chuyên viên TĐKT. Enters, imports, prepares, prints and
	// exports packages of approved rounds.
	RoleClerk Role = "CHUYEN_VIEN"
	// RoleViewer: Chỉ xem. Reads; changes nothing and writes no file.
	RoleViewer Role = "CHI_XEM"
)

// Roles in display order.
var Roles = []Role{RoleDirector, RoleClerk, RoleViewer}

// Label is the Vietnamese wording.
func (r Role) Label() string {
	switch r {
	case RoleDirector:
		return "Giám đốc"
	case RoleClerk:
		return "Chuyên viên TĐKT"
	case RoleViewer:
		return "Chỉ xem"
	}
	return string(r)
}

func (r Role) rank() int {
	switch r {
	case RoleDirector:
		return 3
	case RoleClerk:
		return 2
	case RoleViewer:
		return 1
	}
	return 0
}

// Allows reports whether an account with role r may do what needs role need.
func (r Role) Allows(need Role) bool { return r.rank() > 0 && r.rank() >= need.rank() }

// Account is a local account of the office database.
type Account struct {
	ID          int64
	Username    string // lower case, no spaces
	FullName    string
	Role        Role
	Disabled    bool
	Failures    int       // failed logins in a row
	LockedUntil time.Time // zero: not locked
	CreatedAt   time.Time
}

// ErrForbidden is wrapped by every refusal of the role checks; the wrapping
// error says in Vietnamese which role the action needs.
var ErrForbidden = errors.New("không có quyền")

// ErrLogin is wrapped by a failed login (wrong name or password, locked or
// disabled account); the wrapping error says what to do.
var ErrLogin = errors.New("đăng nhập không thành công")
