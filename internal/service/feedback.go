package service

// Feedback packages, province side (issue 6): the centre's decisions come
// back as a signed package; importing it records the granted awards in the
// history (so next year's eligibility sees them), the decision on each
// nominee, and moves the round to Đã gửi.

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/store"
)

// FeedbackResult is what an imported feedback package changed.
type FeedbackResult struct {
	File          string
	Duplicate     bool // imported before: nothing changed
	RoundID       int64
	RoundName     string
	Granted       int // awards recorded in the history
	Refused       int
	Decisions     []pack.Decision
	StatusChanged bool     // the round moved from Đã duyệt to Đã gửi
	Warnings      []string // items that named no nominee of the round
}

// InvalidPackageError is a package that failed verification; Problems
// lists every reason.
type InvalidPackageError struct {
	File     string
	Problems []pack.Problem
}

func (e *InvalidPackageError) Error() string {
	var ms []string
	for _, p := range e.Problems {
		ms = append(ms, p.Message)
	}
	return fmt.Sprintf("%s: gói %s không hợp lệ, không nhập: %s", FieldPackageFile, e.File, strings.Join(ms, " "))
}

// Unwrap makes the refusal a field error, so it reaches people as it is.
func (e *InvalidPackageError) Unwrap() error {
	return domain.FieldError{Field: FieldPackageFile, Msg: strings.TrimPrefix(e.Error(), FieldPackageFile+": ")}
}

// ImportFeedback imports the centre's feedback package at path: it must
// verify against the centre's registered key and be meant for this
// office. Importing the same file twice changes nothing.
func (s *Service) ImportFeedback(ctx context.Context, path string) (FeedbackResult, error) {
	res := FeedbackResult{File: filepath.Base(path)}
	if err := s.require(domain.RoleClerk); err != nil {
		return res, err
	}
	if s.IsCentral(ctx) {
		return res, domain.FieldError{Field: FieldPackageFile, Msg: "gói phản hồi được nhập ở cơ sở dữ liệu của đơn vị, không phải của Trung ương"}
	}
	ck, ok, err := s.centralKey(ctx)
	if err != nil {
		return res, err
	}
	if !ok {
		return res, domain.FieldError{Field: FieldKeyFile, Msg: "chưa đăng ký khóa của Trung ương nên chưa kiểm tra được gói phản hồi; Giám đốc nhập tệp khóa của Trung ương (Cài đặt, hoặc tdktctl key central TỆP.pub) rồi nhập lại gói"}
	}
	prof, ok, err := s.st.Profile(ctx)
	if err != nil {
		return res, err
	}
	if !ok {
		return res, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	p, err := pack.VerifyFile(path, pack.VerifyOptions{Expected: ck.Sign, Type: pack.TypeFeedback})
	if err != nil {
		return res, domain.FieldError{Field: FieldPackageFile, Msg: err.Error()}
	}
	if !p.Valid() {
		return res, &InvalidPackageError{File: res.File, Problems: p.Problems}
	}
	if p.Manifest.Unit.Code != ck.Code {
		return res, &InvalidPackageError{File: res.File, Problems: []pack.Problem{{Code: pack.ProblemKeyMismatch, Path: "manifest.json",
			Message: fmt.Sprintf("Gói do %s (%s) lập, không phải Trung ương đã đăng ký (%s).", p.Manifest.Unit.Name, p.Manifest.Unit.Code, ck.Code)}}}
	}
	b, err := p.Read("data.json", "")
	if err != nil {
		return res, domain.FieldError{Field: FieldPackageFile, Msg: err.Error()}
	}
	var fb pack.Feedback
	if err := json.Unmarshal(b, &fb); err != nil {
		return res, domain.FieldError{Field: FieldPackageFile, Msg: fmt.Sprintf("data.json của gói phản hồi không đúng định dạng: %v", err)}
	}
	if fb.Unit.Code != prof.UnitCode {
		return res, domain.FieldError{Field: FieldPackageFile, Msg: fmt.Sprintf("gói phản hồi này dành cho đơn vị %s (%s), không phải đơn vị %s (%s)", fb.Unit.Name, fb.Unit.Code, prof.UnitName, prof.UnitCode)}
	}
	res.Decisions, res.RoundID = fb.Decisions, fb.Round.ID
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return res, err
	}
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		if old, ok, err := tx.FeedbackBySHA(p.SHA256); err != nil {
			return err
		} else if ok {
			res.Duplicate, res.RoundID = true, old.RoundID
			return nil
		}
		r, found, err := tx.Round(fb.Round.ID)
		if err != nil {
			return err
		}
		if !found || r.Year != fb.Year {
			return domain.FieldError{Field: FieldPackageFile, Msg: fmt.Sprintf("gói phản hồi nói về đợt mã %d năm %d (%s) nhưng đơn vị không có đợt đó; kiểm tra đúng cơ sở dữ liệu chưa", fb.Round.ID, fb.Year, fb.Round.Name)}
		}
		res.RoundName = r.Name
		for _, d := range fb.Decisions {
			date, err := domain.ParseDate(d.Date)
			if err != nil {
				return domain.FieldError{Field: FieldPackageFile, Msg: fmt.Sprintf("quyết định %s có ngày %q không hợp lệ", d.Number, d.Date)}
			}
			for _, it := range d.Items {
				n, ok, err := tx.Nominee(it.NominationID)
				if err != nil {
					return err
				}
				if !ok || n.RoundID != r.ID || n.Subject.Code != it.Code || n.Award != it.Award {
					res.Warnings = append(res.Warnings, fmt.Sprintf("Quyết định %s: đề nghị mã %d (%s, %s) không có trong đợt %q; bỏ qua", d.Number, it.NominationID, it.Code, it.Award, r.Name))
					continue
				}
				if cat.Own(n.Award, date) {
					// The office's own titles are its director's to confer:
					// never written into the history as the centre's.
					res.Warnings = append(res.Warnings, fmt.Sprintf("Quyết định %s: %s của %s thuộc thẩm quyền Giám đốc đơn vị, không ghi theo quyết định của Trung ương; bỏ qua", d.Number, cat.AwardName(n.Award), it.Code))
					continue
				}
				if !it.Granted {
					if err := tx.SetNomineeDecision(n.ID, domain.DecisionRefused, it.Reason); err != nil {
						return err
					}
					res.Refused++
					continue
				}
				if _, _, err := tx.SaveAward(domain.AwardRecord{Subject: n.Subject, Year: r.Year, AwardCode: n.Award, DecisionNo: d.Number,
					DecisionDate: date, Issuer: d.Issuer, Kind: r.Kind.AwardKind()}); err != nil {
					return fmt.Errorf("ghi khen thưởng của %s (%s): %w", n.Subject.Code, n.Award, err)
				}
				if err := tx.SetNomineeDecision(n.ID, domain.DecisionGranted, docs.DecisionPhrase(d.Number, date, d.Issuer)); err != nil {
					return err
				}
				res.Granted++
			}
		}
		if r.Status == domain.StatusApproved {
			// Recorded in the round's history like every status change.
			if err := s.moveRound(tx, r, domain.StatusSent, "Nhận quyết định của Trung ương "+p.SHA256[:12]); err != nil {
				return err
			}
			res.StatusChanged = true
		}
		_, err = tx.AddFeedback(store.FeedbackRecord{SHA256: p.SHA256, FileName: res.File, RoundID: r.ID, Year: r.Year,
			CreatedAt: p.Manifest.CreatedAt, Granted: res.Granted, Refused: res.Refused})
		return err
	})
	return res, err
}

// Feedbacks lists the feedback packages imported, the latest first.
func (s *Service) Feedbacks(ctx context.Context) ([]store.FeedbackRecord, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.Feedbacks(ctx)
}
