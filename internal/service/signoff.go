package service

// The director's sign-off (ký duyệt) of a year's self-assessment: once
// signed, the year's scoring table and self-scores are frozen until the
// director withdraws the sign-off, so that the document the director signed
// is the one the database keeps.

import (
	"context"
	"fmt"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/store"
)

// SignOffAssessment records that the director signed off the year's
// self-assessment (who and when). Signing a year already signed keeps the
// first sign-off.
func (s *Service) SignOffAssessment(ctx context.Context, year int) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	cs, err := s.st.Criteria(ctx, year)
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		return domain.FieldError{Field: FieldYear, Msg: fmt.Sprintf("năm %d chưa có bảng chấm điểm; chưa có gì để ký duyệt", year), Err: domain.ErrNotFound}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		if _, _, ok, err := tx.SignOff(year); err != nil || ok {
			return err
		}
		return tx.SetSignOff(year, s.actorName(), s.now())
	})
}

// AssessmentSignOff says who signed off the year's self-assessment and
// when; ok is false while it is not signed off.
func (s *Service) AssessmentSignOff(ctx context.Context, year int) (who string, at time.Time, ok bool, err error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return "", time.Time{}, false, err
	}
	return s.st.SignOff(ctx, year)
}

// WithdrawSignOff withdraws the director's sign-off so that the year's
// scores can be changed again (nothing happens when there is none).
func (s *Service) WithdrawSignOff(ctx context.Context, year int) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.DeleteSignOff(year) })
}

// writeAssessment runs fn in one write transaction unless the year's
// self-assessment is signed off; the check is inside the transaction so a
// sign-off made meanwhile is seen.
func (s *Service) writeAssessment(ctx context.Context, year int, fn func(tx *store.Tx) error) error {
	return s.st.Write(ctx, func(tx *store.Tx) error {
		who, at, ok, err := tx.SignOff(year)
		if err != nil {
			return err
		}
		if ok {
			at = at.In(s.now().Location())
			return domain.FieldError{Field: FieldYear, Err: domain.ErrInUse,
				Msg: fmt.Sprintf("bản tự chấm điểm năm %d đã được Giám đốc (%s) ký duyệt lúc %s ngày %s; muốn sửa, Giám đốc phải rút lại ký duyệt trước",
					year, who, at.Format("15:04"), at.Format("02/01/2006"))}
		}
		return fn(tx)
	})
}
