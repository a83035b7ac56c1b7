package assessment

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// signOffService is what the director's sign-off of a year's
// self-assessment (ký duyệt) needs. While a year is signed off, its scoring
// table and self-scores refuse changes in the service.
type signOffService interface {
	Actor() (domain.Account, bool)
	AssessmentSignOff(ctx context.Context, year int) (who string, at time.Time, ok bool, err error)
	SignOffAssessment(ctx context.Context, year int) error
	WithdrawSignOff(ctx context.Context, year int) error
}

var _ signOffService = (*service.Service)(nil)

// signOff is the sign-off line above the tabs.
type signOff struct {
	v      *View
	svc    signOffService
	State  *widget.Label
	Button *widget.Button
	signed bool
}

func newSignOff(v *View, svc signOffService) *signOff {
	s := &signOff{v: v, svc: svc, State: widget.NewLabel("")}
	s.Button = widget.NewButtonWithIcon(lang.L("Ký duyệt"), theme.ConfirmIcon(), s.onTap)
	return s
}

// refresh reads the year's sign-off and offers what the account may do:
// only a director signs off or withdraws.
func (s *signOff) refresh() {
	who, at, ok, err := s.svc.AssessmentSignOff(s.v.ctx, s.v.year)
	if err != nil {
		s.State.SetText(service.Explain(err))
		return
	}
	s.signed = ok
	if ok {
		s.State.SetText(fmt.Sprintf(lang.L("Đã ký duyệt: %s, %s"), who, at.Local().Format("15:04 02/01/2006")))
		s.State.Importance = widget.SuccessImportance
		s.Button.SetText(lang.L("Rút lại ký duyệt"))
		s.Button.SetIcon(theme.ContentUndoIcon())
	} else {
		s.State.SetText(lang.L("Chưa ký duyệt"))
		s.State.Importance = widget.MediumImportance
		s.Button.SetText(lang.L("Ký duyệt"))
		s.Button.SetIcon(theme.ConfirmIcon())
	}
	s.State.Refresh()
	if a, _ := s.svc.Actor(); a.Role.Allows(domain.RoleDirector) {
		s.Button.Enable()
	} else {
		s.Button.Disable()
	}
}

func (s *signOff) onTap() {
	y := s.v.year
	if s.signed {
		s.v.ask(lang.L("Rút lại ký duyệt"), fmt.Sprintf(lang.L("Rút lại ký duyệt tự đánh giá năm %d? Bảng điểm và điểm tự chấm sẽ sửa được trở lại."), y),
			lang.L("Rút lại"), true, func() { s.apply(s.svc.WithdrawSignOff(s.v.ctx, y)) })
		return
	}
	s.v.ask(lang.L("Ký duyệt"), fmt.Sprintf(lang.L("Ký duyệt tự đánh giá năm %d? Sau khi ký, bảng điểm và điểm tự chấm không sửa được cho đến khi rút lại ký duyệt."), y),
		lang.L("Ký duyệt"), false, func() { s.apply(s.svc.SignOffAssessment(s.v.ctx, y)) })
}

func (s *signOff) apply(err error) {
	if err != nil {
		kit.ShowError(s.v.win, err)
	}
	s.refresh()
}
