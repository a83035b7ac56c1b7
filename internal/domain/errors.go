package domain

import (
	"errors"
	"fmt"
)

// Sentinel errors. Callers test with errors.Is and show people the
// Vietnamese message carried by the wrapping error.
var (
	ErrNotFound  = errors.New("không tìm thấy")
	ErrDuplicate = errors.New("bị trùng")
	ErrInUse     = errors.New("đang được sử dụng")
)

// FieldError says which field of a form is wrong and what to do about it.
// Forms show Msg under the named field.
type FieldError struct {
	Field string // the field's label as people see it, e.g. "Ngày sinh"
	Msg   string
	Err   error // the sentinel, if any
}

func (e FieldError) Error() string { return fmt.Sprintf("%s: %s", e.Field, e.Msg) }
func (e FieldError) Unwrap() error { return e.Err }

// FieldErrors collects the problems of a whole form.
type FieldErrors []FieldError

func (es FieldErrors) Error() string {
	if len(es) == 0 {
		return ""
	}
	s := es[0].Error()
	if len(es) > 1 {
		s += fmt.Sprintf(" (và %d lỗi khác)", len(es)-1)
	}
	return s
}

// For returns the message for the named field, or "".
func (es FieldErrors) For(field string) string {
	for _, e := range es {
		if e.Field == field {
			return e.Msg
		}
	}
	return ""
}

// AsFieldErrors extracts field errors from err, if any.
func AsFieldErrors(err error) FieldErrors {
	var many FieldErrors
	if errors.As(err, &many) {
		return many
	}
	var one FieldError
	if errors.As(err, &one) {
		return FieldErrors{one}
	}
	return nil
}
