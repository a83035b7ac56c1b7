package service

// The centre's side of the submission packages (issue 6): a database made
// in central mode keeps a keyring of the offices' public keys, verifies and
// loads their packages (idempotently: the same file twice changes nothing;
// a newer package of a round supersedes the older one and both stay
// visible; a package from an unknown office is held, never trusted),
// matches people across offices by CCCD, consolidates a year, records the
// centre's decisions and sends them back in signed feedback packages.

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/paths"
	"tdkt/internal/rules"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// Outcomes of a package at central import.
const (
	ImportLoaded     = "loaded"     // verified and loaded; its data counts
	ImportDuplicate  = "duplicate"  // the same file was imported before: nothing changed
	ImportSuperseded = "superseded" // verified and kept, but a newer package of the round counts
	ImportHeld       = "held"       // from an office whose key is not registered: kept, not trusted
	ImportRejected   = "rejected"   // failed verification: recorded with its problems, nothing loaded
)

// Problems the centre finds beyond the package format's own checks.
const (
	ProblemCannotDecrypt = "cannot_decrypt" // encrypted to another key of the centre
	ProblemBadData       = "bad_data"       // data.json unreadable or disagreeing with the manifest
	ProblemUnreadable    = "unreadable"     // the file could not be opened
)

// Field labels of the central forms.
const (
	FieldDecisionNumber = "Số quyết định"
	FieldDecisionDate   = "Ngày quyết định"
	FieldDecisionIssuer = "Cơ quan ban hành"
	FieldDecisionItems  = "Đề nghị được quyết định"
	FieldUnitCode       = "Mã đơn vị"
	FieldUnitName       = "Tên đơn vị"
)

// CentralDecision is a decision of the centre with what it grants and refuses.
type CentralDecision = store.CentralDecision

// CentralDecisionItem grants or refuses one received nomination (by the
// centre's id of it).
type CentralDecisionItem = store.CentralDecisionItem

// ImportOutcome is what became of one package file.
type ImportOutcome struct {
	File        string
	Status      string // Import*
	Problems    []pack.Problem
	PackageID   int64 // the centre's id of the package (0 when not recorded)
	Unit        pack.Unit
	Year        int
	Round       pack.RoundRef
	Nominations int
	// Period names a period's package (the five-year cycle) and Models
	// counts the models it put forward; nil for a round's package.
	Period     *pack.PeriodRef
	Models     int
	Supersedes int64  // loaded: the package it replaced
	Message    string // one Vietnamese sentence
}

// CentralPersonHistory is a person as the centre knows them, with every
// nomination any office sent and the centre's decisions on them.
type CentralPersonHistory struct {
	Person      store.CentralPerson
	Nominations []store.CentralNomination
	Decisions   map[int64][]store.NominationDecision // by nomination id
}

func (s *Service) requireCentral(ctx context.Context) error {
	if !s.IsCentral(ctx) {
		return domain.FieldError{Field: FieldUnitCode, Msg: "đây là cơ sở dữ liệu của đơn vị, không phải của Trung ương; mở cơ sở dữ liệu Trung ương (tạo bằng tdktctl central init)"}
	}
	return nil
}

// InitCentral makes a new, empty database the centre's: its profile, the
// Ed25519 key that signs feedback packages and the age identity that
// decrypts the provinces' packages, both sealed with the passphrase.
func (s *Service) InitCentral(ctx context.Context, code, name, passphrase string) error {
	// A new database has no account yet: its creator sets it up.
	if err := s.requireOrFirstStart(ctx, domain.RoleDirector); err != nil {
		return err
	}
	errs := rules.CheckFields(
		rules.TextField{Field: FieldUnitCode, Value: code, Max: rules.MaxCode},
		rules.TextField{Field: FieldUnitName, Value: name, Max: rules.MaxName, Name: true})
	code, name, passphrase = rules.Clean(code), rules.Clean(name), cleanPassphrase(passphrase)
	if code == "" {
		errs = append(errs, domain.FieldError{Field: FieldUnitCode, Msg: "chưa nhập; nhập mã của Trung ương (ví dụ BHXHVN)"})
	}
	if name == "" {
		errs = append(errs, domain.FieldError{Field: FieldUnitName, Msg: "chưa nhập; ví dụ Bảo hiểm xã hội Việt Nam"})
	}
	if err := checkNewPassphrase(FieldPassphrase, passphrase); err != nil {
		errs = append(errs, err.(domain.FieldError))
	}
	if len(errs) > 0 {
		return errs
	}
	if p, ok, err := s.st.Profile(ctx); err != nil {
		return err
	} else if ok {
		what := "của đơn vị " + p.UnitName
		if s.IsCentral(ctx) {
			what = "Trung ương " + p.UnitName
		}
		return domain.FieldError{Field: FieldUnitCode, Msg: fmt.Sprintf("cơ sở dữ liệu này đã là cơ sở dữ liệu %s (%s); chế độ Trung ương chỉ chọn khi tạo cơ sở dữ liệu mới", what, p.UnitCode), Err: domain.ErrInUse}
	}
	pub, priv, err := pack.NewSigningKey()
	if err != nil {
		return err
	}
	identity, recipient, err := pack.NewAgeIdentity()
	if err != nil {
		return err
	}
	signSeal, err := sealed(priv, passphrase)
	if err != nil {
		return err
	}
	ageSeal, err := sealed([]byte(identity), passphrase)
	if err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		if _, ok, err := tx.Profile(); err != nil {
			return err
		} else if ok {
			return domain.FieldError{Field: FieldUnitCode, Msg: "cơ sở dữ liệu vừa được tạo ở nơi khác; mở lại", Err: domain.ErrInUse}
		}
		if err := tx.SaveProfile(domain.OfficeProfile{UnitCode: code, UnitName: name, ParentName: "Bộ Tài chính", Place: "Hà Nội", DocNumberCode: "BHXH"}); err != nil {
			return err
		}
		for k, v := range map[string]string{settingMode: ModeCentral, settingSignPublic: pack.EncodePublicKey(pub), settingSignSealed: signSeal,
			settingAgePublic: recipient, settingAgeSealed: ageSeal} {
			if err := tx.SetSetting(k, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// CentralKeyFile is the centre's key file for the provinces (its signing
// key and its age recipient) and the fingerprint to read over the phone.
func (s *Service) CentralKeyFile(ctx context.Context) ([]byte, string, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, "", err
	}
	if err := s.requireCentral(ctx); err != nil {
		return nil, "", err
	}
	return s.PublicKeyFile(ctx)
}

// ageIdentity unseals the centre's age identity.
func (s *Service) ageIdentity(ctx context.Context, passphrase string) (string, error) {
	b, err := s.unsealSetting(ctx, settingAgeSealed, passphrase)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// ---------------------------------------------------------------------------
// Keyring.

// AddUnitKey registers an office's key file (or a bare unit.pub with code
// given). code "" takes the office code from the file; a code that
// disagrees with the file's is refused.
func (s *Service) AddUnitKey(ctx context.Context, keyFile []byte, code string) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	if err := s.requireCentral(ctx); err != nil {
		return err
	}
	k, err := pack.ParseKeyFile(keyFile)
	if err != nil {
		return domain.FieldError{Field: FieldKeyFile, Msg: err.Error()}
	}
	if k.Type == pack.KeyTypeCentral {
		return domain.FieldError{Field: FieldKeyFile, Msg: "đây là tệp khóa của Trung ương, không phải của một đơn vị"}
	}
	code = rules.Clean(code)
	switch {
	case code == "" && k.Code == "":
		return domain.FieldError{Field: FieldUnitCode, Msg: "tệp khóa không ghi mã đơn vị; nhập mã đơn vị (--code)"}
	case code != "" && k.Code != "" && code != k.Code:
		return domain.FieldError{Field: FieldUnitCode, Msg: fmt.Sprintf("tệp khóa là của đơn vị %s, không phải %s; kiểm tra lại tệp", k.Code, code)}
	case code == "":
		code = k.Code
	}
	name := k.Name
	if name == "" {
		name = code
	}
	if p, ok, err := s.st.Profile(ctx); err == nil && ok && p.UnitCode == code {
		return domain.FieldError{Field: FieldUnitCode, Msg: fmt.Sprintf("%s là mã của chính Trung ương", code)}
	}
	return s.st.Write(ctx, func(tx *store.Tx) error {
		return tx.SaveUnitKey(store.UnitKey{UnitCode: code, Name: name, PublicKey: pack.EncodePublicKey(k.Sign), Fingerprint: pack.Fingerprint(k.Sign)})
	})
}

// UnitKeys lists the keyring.
func (s *Service) UnitKeys(ctx context.Context) ([]store.UnitKey, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.UnitKeys(ctx)
}

// RemoveUnitKey removes an office's key: its later packages are held.
func (s *Service) RemoveUnitKey(ctx context.Context, code string) error {
	if err := s.require(domain.RoleDirector); err != nil {
		return err
	}
	if err := s.requireCentral(ctx); err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *store.Tx) error { return tx.RemoveUnitKey(rules.Clean(code)) })
}

func (s *Service) keyring(ctx context.Context) (func(string) (ed25519.PublicKey, bool), error) {
	uks, err := s.st.UnitKeys(ctx)
	if err != nil {
		return nil, err
	}
	keys := make(map[string]ed25519.PublicKey, len(uks))
	for _, k := range uks {
		pub, err := pack.ParsePublicKey(k.PublicKey)
		if err != nil {
			return nil, fmt.Errorf("khóa của đơn vị %s trong danh sách khóa bị hỏng: %w", k.UnitCode, err)
		}
		keys[k.UnitCode] = pub
	}
	return func(code string) (ed25519.PublicKey, bool) {
		k, ok := keys[code]
		return k, ok
	}, nil
}

// ---------------------------------------------------------------------------
// Import.

// centralImporter carries what every package of one import needs.
type centralImporter struct {
	s          *Service
	passphrase string
	identity   string // unsealed on the first encrypted package
	opt        pack.VerifyOptions
}

func (im *centralImporter) decryptWith(ctx context.Context) (string, error) {
	if im.identity == "" {
		id, err := im.s.ageIdentity(ctx, im.passphrase)
		if err != nil {
			return "", err
		}
		im.identity = id
	}
	return im.identity, nil
}

func (s *Service) newImporter(ctx context.Context, passphrase string) (*centralImporter, error) {
	reg, err := s.keyring(ctx)
	if err != nil {
		return nil, err
	}
	return &centralImporter{s: s, passphrase: passphrase, opt: pack.VerifyOptions{Registered: reg, Type: pack.TypeSubmission}}, nil
}

// CentralImport verifies and loads package files, one transaction per
// package. The passphrase opens the centre's decryption key, needed only
// for encrypted packages. The error is for what stops the whole import (a
// wrong passphrase); what is wrong with a package is in its outcome.
func (s *Service) CentralImport(ctx context.Context, files []string, passphrase string, progress func(done, total int)) ([]ImportOutcome, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return nil, err
	}
	if err := s.requireCentral(ctx); err != nil {
		return nil, err
	}
	im, err := s.newImporter(ctx, passphrase)
	if err != nil {
		return nil, err
	}
	// Each package is verified, decrypted and decoded (on one core) while
	// the one before it is written (on the other): at 2,000 nominations a
	// package, reading one costs about a third of writing it.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ready := make(chan preparedPackage, 1)
	go func() {
		defer close(ready)
		for _, f := range files {
			pp := im.prepareFile(ctx, f)
			select {
			case ready <- pp:
			case <-ctx.Done():
				return
			}
			if pp.err != nil {
				return
			}
		}
	}()
	out := make([]ImportOutcome, 0, len(files))
	for pp := range ready {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if pp.err != nil {
			return out, pp.err
		}
		o, err := im.commit(ctx, pp)
		if err != nil {
			return out, err
		}
		out = append(out, o)
		if progress != nil {
			progress(len(out), len(files))
		}
	}
	return out, ctx.Err()
}

// preparedPackage is a package verified and read, ready to be recorded;
// err is what stops the import (the centre's key, a file that cannot be
// read back), not the package's fault.
type preparedPackage struct {
	o      ImportOutcome
	rec    store.CentralPackage
	data   pack.Data
	period *pack.PeriodData // the data of a period's package instead
	err    error
}

// prepareFile verifies the package at path and reads its data.
func (im *centralImporter) prepareFile(ctx context.Context, path string) preparedPackage {
	name := filepath.Base(path)
	p, err := pack.VerifyFile(path, im.opt)
	if err != nil {
		msg := fmt.Sprintf("Không đọc được tệp %s: %v", path, err)
		return preparedPackage{o: ImportOutcome{File: name, Status: ImportRejected, Problems: []pack.Problem{{Code: ProblemUnreadable, Message: msg}}, Message: msg}}
	}
	var content []byte
	if held(p) {
		// Only a held package keeps its bytes, to be checked again once
		// the office's key is added.
		if content, err = os.ReadFile(path); err != nil {
			return preparedPackage{err: fmt.Errorf("đọc %s: %w", path, err)}
		}
	}
	return im.prepare(ctx, name, p, content)
}

// held reports whether the only thing wrong is that the office is unknown.
func held(p *pack.Package) bool {
	if p.Manifest == nil || len(p.Problems) == 0 {
		return false
	}
	for _, pr := range p.Problems {
		if pr.Code != pack.ProblemUnknownUnit {
			return false
		}
	}
	return true
}

func problemsJSON(ps []pack.Problem) string {
	if len(ps) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ps)
	return string(b)
}

// process records one verified package and loads it when valid.
func (im *centralImporter) process(ctx context.Context, name string, p *pack.Package, content []byte) (ImportOutcome, error) {
	pp := im.prepare(ctx, name, p, content)
	if pp.err != nil {
		return pp.o, pp.err
	}
	return im.commit(ctx, pp)
}

// prepare reads what a verified package records: its data when valid.
func (im *centralImporter) prepare(ctx context.Context, name string, p *pack.Package, content []byte) preparedPackage {
	o := ImportOutcome{File: name, Problems: p.Problems}
	rec := store.CentralPackage{SHA256: p.SHA256, FileName: name, Problems: problemsJSON(p.Problems), Bytes: p.Size}
	if m := p.Manifest; m != nil {
		o.Unit, o.Year, o.Round = m.Unit, m.Year, m.Round
		rec.UnitCode, rec.UnitName, rec.Year, rec.RoundRef, rec.RoundName, rec.RoundKind, rec.CreatedAt =
			m.Unit.Code, m.Unit.Name, m.Year, m.Round.ID, m.Round.Name, m.Round.Kind, m.CreatedAt
		rec.Manifest = string(p.ManifestBytes)
	}
	var data pack.Data
	var period *pack.PeriodData
	switch {
	case p.Valid() && p.Manifest.Kind == pack.KindPeriod:
		rec.Status, rec.RoundKind, rec.RoundName = store.PackageLoaded, pack.KindPeriod, p.Manifest.Period.Name
		o.Period = p.Manifest.Period
		pd, problem, err := im.readPeriodData(ctx, p)
		if err != nil {
			return preparedPackage{o: o, err: err}
		}
		period = &pd
		if problem != nil {
			rec.Status, o.Problems = store.PackageRejected, append(o.Problems, *problem)
			rec.Problems = problemsJSON(o.Problems)
		}
	case p.Valid():
		rec.Status = store.PackageLoaded
		var problem *pack.Problem
		var err error
		if data, problem, err = im.readData(ctx, p); err != nil {
			return preparedPackage{o: o, err: err} // the centre's key, not the package
		}
		if problem != nil {
			rec.Status, o.Problems = store.PackageRejected, append(o.Problems, *problem)
			rec.Problems = problemsJSON(o.Problems)
		}
	case held(p):
		rec.Status, rec.Content = store.PackageHeld, content
	default:
		rec.Status = store.PackageRejected
	}
	return preparedPackage{o: o, rec: rec, data: data, period: period}
}

// commit records a prepared package, and loads it when valid, in one
// transaction; a package already loaded is a duplicate.
func (im *centralImporter) commit(ctx context.Context, pp preparedPackage) (ImportOutcome, error) {
	o, rec := pp.o, pp.rec
	if o.Status == ImportRejected && rec.SHA256 == "" {
		return o, nil // unreadable: nothing to record
	}
	err := im.s.st.Write(ctx, func(tx *store.Tx) error {
		if old, ok, err := tx.CentralPackageBySHA(rec.SHA256); err != nil {
			return err
		} else if ok && (old.Status == store.PackageLoaded || old.Status == store.PackageSuperseded) {
			o.Status, o.PackageID, o.Problems = ImportDuplicate, old.ID, nil
			return nil
		}
		if rec.Status != store.PackageLoaded {
			id, err := tx.SaveCentralPackage(rec)
			o.PackageID, o.Status = id, rec.Status
			return err
		}
		if pp.period != nil {
			return loadPeriodPackage(tx, rec, *pp.period, &o)
		}
		return loadPackage(tx, rec, pp.data, &o)
	})
	if err != nil {
		return o, err
	}
	o.Message = outcomeMessage(o)
	return o, nil
}

// readPeriodData decrypts and decodes data.json of a period's package,
// which must name the office and the period of its manifest.
func (im *centralImporter) readPeriodData(ctx context.Context, p *pack.Package) (pack.PeriodData, *pack.Problem, error) {
	var d pack.PeriodData
	b, problem, err := im.readDataBytes(ctx, p)
	if err != nil || problem != nil {
		return d, problem, err
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return d, &pack.Problem{Code: ProblemBadData, Path: "data.json", Message: fmt.Sprintf("data.json không đúng định dạng: %v", err)}, nil
	}
	m := p.Manifest
	if d.Unit.Code != m.Unit.Code || d.Period.From != m.Period.From || d.Period.To != m.Period.To {
		return d, &pack.Problem{Code: ProblemBadData, Path: "data.json", Message: fmt.Sprintf(
			"data.json nói về đơn vị %s, giai đoạn %d - %d nhưng manifest.json ghi đơn vị %s, giai đoạn %d - %d", d.Unit.Code, d.Period.From, d.Period.To, m.Unit.Code, m.Period.From, m.Period.To)}, nil
	}
	for _, x := range d.Models {
		if x.Subject != string(domain.SubjectPerson) && x.Subject != string(domain.SubjectCollective) || strings.TrimSpace(x.Code) == "" {
			return d, &pack.Problem{Code: ProblemBadData, Path: "data.json", Message: fmt.Sprintf("data.json: gương điển hình “%s” không rõ là tập thể hay cá nhân, hoặc thiếu mã", x.Name)}, nil
		}
	}
	return d, nil, nil
}

// loadPeriodPackage records a period's package: the office's models and
// figures; the office's earlier package of the same period is superseded.
func loadPeriodPackage(tx *store.Tx, rec store.CentralPackage, d pack.PeriodData, o *ImportOutcome) error {
	curID, hasCur, err := tx.CurrentPeriodPackage(rec.UnitCode, d.Period.From, d.Period.To)
	if err != nil {
		return err
	}
	id, err := tx.SaveCentralPackage(rec)
	if err != nil {
		return err
	}
	o.PackageID, o.Status = id, ImportLoaded
	if hasCur {
		if err := tx.SetPackageStatus(curID, store.PackageSuperseded, id); err != nil {
			return err
		}
		o.Supersedes = curID
	}
	figures, err := json.Marshal(struct {
		Years       []int              `json:"years"`
		Awards      []pack.PeriodAward `json:"awards"`
		Initiatives []pack.PeriodScope `json:"initiatives"`
	}{d.Years, d.Awards, d.Initiatives})
	if err != nil {
		return err
	}
	ms := make([]store.CentralModel, 0, len(d.Models))
	for _, x := range d.Models {
		ms = append(ms, store.CentralModel{UnitCode: d.Unit.Code, UnitName: d.Unit.Name, From: d.Period.From, To: d.Period.To, Subject: x.Subject,
			Code: x.Code, Name: x.Name, SubUnit: x.Unit, Reasons: x.Reasons, VotesFor: x.VotesFor, Pct: x.Pct, Selected: x.Selected, Delegate: x.Delegate})
	}
	o.Models = len(ms)
	return tx.AddCentralPeriod(id, d.Unit.Code, d.Period.From, d.Period.To, string(figures), ms)
}

// readData decrypts and decodes data.json. The error is for what is not
// the package's fault and stops the import: the centre's key cannot be
// opened (no or a wrong passphrase).
func (im *centralImporter) readData(ctx context.Context, p *pack.Package) (pack.Data, *pack.Problem, error) {
	var d pack.Data
	b, problem, err := im.readDataBytes(ctx, p)
	if err != nil || problem != nil {
		return d, problem, err
	}
	return decodeData(p, b)
}

// readDataBytes decrypts data.json when the package is encrypted. The
// error is for what is not the package's fault and stops the import: the
// centre's key cannot be opened (no or a wrong passphrase).
func (im *centralImporter) readDataBytes(ctx context.Context, p *pack.Package) ([]byte, *pack.Problem, error) {
	identity := ""
	if p.Manifest.Encryption != "" {
		if strings.TrimSpace(im.passphrase) == "" {
			return nil, nil, domain.FieldError{Field: FieldPassphrase, Msg: "gói được mã hóa cho Trung ương; nhập mật khẩu khóa của Trung ương (TDKT_PASSPHRASE) để giải mã", Err: pack.ErrPassphrase}
		}
		id, err := im.decryptWith(ctx)
		if err != nil {
			return nil, nil, err
		}
		identity = id
	}
	b, err := p.Read("data.json", identity)
	if err != nil {
		if errors.Is(err, pack.ErrWrongIdentity) {
			return nil, &pack.Problem{Code: ProblemCannotDecrypt, Path: "data.json", Message: "Gói được mã hóa cho một khóa khác của Trung ương nên không giải mã được; hãy đề nghị đơn vị nhập tệp khóa mới nhất của Trung ương rồi lập lại gói."}, nil
		}
		return nil, &pack.Problem{Code: ProblemBadData, Path: "data.json", Message: fmt.Sprintf("Không đọc được data.json: %v", err)}, nil
	}
	return b, nil, nil
}

// decodeData decodes a round's data.json and checks it against the
// manifest.
func decodeData(p *pack.Package, b []byte) (pack.Data, *pack.Problem, error) {
	var d pack.Data
	if err := json.Unmarshal(b, &d); err != nil {
		return d, &pack.Problem{Code: ProblemBadData, Path: "data.json", Message: fmt.Sprintf("data.json không đúng định dạng: %v", err)}, nil
	}
	if msg := checkData(d); msg != "" {
		return d, &pack.Problem{Code: ProblemBadData, Path: "data.json", Message: "data.json không nhất quán: " + msg}, nil
	}
	m := p.Manifest
	if d.Unit.Code != m.Unit.Code || d.Round.ID != m.Round.ID || d.Year != m.Year {
		return d, &pack.Problem{Code: ProblemBadData, Path: "data.json", Message: fmt.Sprintf(
			"data.json nói về đơn vị %s, đợt %d năm %d nhưng manifest.json ghi đơn vị %s, đợt %d năm %d", d.Unit.Code, d.Round.ID, d.Year, m.Unit.Code, m.Round.ID, m.Year)}, nil
	}
	return d, nil, nil
}

// checkData says what in a signed data.json cannot be loaded as it is:
// a signature proves who sent it, not that their program was right.
func checkData(d pack.Data) string {
	ids := map[int64]bool{}
	for _, n := range d.Nominations {
		switch {
		case ids[n.ID]:
			return fmt.Sprintf("đề nghị mã %d có hai lần", n.ID)
		case n.Subject != string(domain.SubjectPerson) && n.Subject != string(domain.SubjectCollective):
			return fmt.Sprintf("đề nghị mã %d có đối tượng %q (phải là person hoặc collective)", n.ID, n.Subject)
		case strings.TrimSpace(n.Code) == "" || strings.TrimSpace(n.Award) == "":
			return fmt.Sprintf("đề nghị mã %d thiếu mã đối tượng hoặc mã hình thức khen thưởng", n.ID)
		}
		ids[n.ID] = true
	}
	for _, p := range d.People {
		if strings.TrimSpace(p.StaffCode) == "" {
			return fmt.Sprintf("người %q thiếu mã cán bộ", p.FullName)
		}
	}
	return dataTextProblem(d)
}

// dataTextProblem applies to a package's text the limits and the refusal
// of hidden characters that the office's own forms and imports apply: a
// package made by another program, or an older one, must not carry into
// the centre's reports a name that displays as something else.
func dataTextProblem(d pack.Data) string {
	type field struct {
		where, label, value string
		max                 int
	}
	var fs []field
	add := func(where, label, value string, max int) { fs = append(fs, field{where, label, value, max}) }
	add("đơn vị", "tên", d.Unit.Name, rules.MaxName)
	for _, p := range d.People {
		w := "người mã " + rules.Clean(p.StaffCode)
		add(w, "mã cán bộ", p.StaffCode, rules.MaxCode)
		add(w, "họ và tên", p.FullName, rules.MaxName)
		add(w, "chức vụ", p.Position, rules.MaxPosition)
		add(w, "đơn vị", p.UnitName, rules.MaxName)
		add(w, "số CCCD", p.CCCD, rules.MaxCode)
		add(w, "dân tộc", p.Ethnicity, rules.MaxName)
		add(w, "quê quán", p.HomeTown, rules.MaxAddress)
		add(w, "trú quán", p.Residence, rules.MaxAddress)
		add(w, "tôn giáo", p.Religion, rules.MaxName)
		add(w, "trình độ chuyên môn", p.Education, rules.MaxPosition)
		add(w, "lý luận chính trị", p.PoliticalTheory, rules.MaxName)
		add(w, "học hàm, học vị", p.AcademicRank, rules.MaxPosition)
		add(w, "chức vụ Đảng", p.PartyPost, rules.MaxPosition)
		add(w, "chức vụ đoàn thể", p.UnionPost, rules.MaxPosition)
	}
	for _, c := range d.Collectives {
		w := "tập thể mã " + rules.Clean(c.Code)
		add(w, "tên", c.Name, rules.MaxName)
		add(w, "địa chỉ trụ sở", c.Address, rules.MaxAddress)
		add(w, "tổ chức Đảng", c.PartyOrg, rules.MaxPosition)
		add(w, "công đoàn", c.UnionOrg, rules.MaxPosition)
		add(w, "đoàn thanh niên", c.YouthOrg, rules.MaxPosition)
	}
	for _, n := range d.Nominations {
		w := fmt.Sprintf("đề nghị mã %d", n.ID)
		add(w, "mã đối tượng", n.Code, rules.MaxCode)
		add(w, "tên", n.Name, rules.MaxName)
		add(w, "hình thức khen thưởng", n.AwardName, rules.MaxTitle)
		add(w, "giải trình", n.Justification, rules.MaxText)
		for _, r := range n.Reasons {
			add(w, "lý do", r, rules.MaxText)
		}
	}
	for _, f := range fs {
		if p := rules.TextProblem(f.value, f.max); p != "" {
			return fmt.Sprintf("%s, %s: %s", f.where, f.label, p)
		}
	}
	return ""
}

func createdAt(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// loadPackage records a valid package and its data in the transaction:
// it becomes the round's current package unless a newer one is loaded.
func loadPackage(tx *store.Tx, rec store.CentralPackage, d pack.Data, o *ImportOutcome) error {
	cur, hasCur, err := tx.CurrentPackage(rec.UnitCode, rec.RoundRef)
	if err != nil {
		return err
	}
	rec.Status = store.PackageLoaded
	if hasCur && createdAt(cur.CreatedAt).After(createdAt(rec.CreatedAt)) {
		rec.Status, rec.SupersededBy = store.PackageSuperseded, cur.ID
	}
	id, err := tx.SaveCentralPackage(rec)
	if err != nil {
		return err
	}
	o.PackageID, o.Status = id, ImportLoaded
	if rec.Status == store.PackageSuperseded {
		o.Status = ImportSuperseded
	} else if hasCur {
		if err := tx.SetPackageStatus(cur.ID, store.PackageSuperseded, id); err != nil {
			return err
		}
		o.Supersedes = cur.ID
	}
	office := d.Unit.Code
	people := map[string]pack.DataPerson{}
	for _, p := range d.People {
		people[p.StaffCode] = p
		detail, _ := json.Marshal(p)
		if err := tx.SaveCentralPerson(store.CentralPerson{CCCD: p.CCCD, FullName: p.FullName, BirthDate: p.BirthDate, Gender: p.Gender,
			UnitCode: office, StaffCode: p.StaffCode, UnitName: p.UnitName, Position: p.Position, Detail: string(detail), SeenAt: rec.CreatedAt}); err != nil {
			return err
		}
	}
	ns := make([]store.CentralNomination, 0, len(d.Nominations))
	for _, n := range d.Nominations {
		cn := store.CentralNomination{PackageID: id, UnitCode: office, Year: d.Year, Ref: n.ID, Subject: n.Subject, Code: n.Code, CCCD: n.CCCD,
			Name: n.Name, SubUnit: n.UnitCode, Award: n.Award, AwardName: n.AwardName, Eligible: n.Eligible, Reasons: n.Reasons, Justification: n.Justification,
			ConferredBy: n.ConferredBy, Own: n.Own}
		if n.Subject == string(domain.SubjectPerson) {
			cccd := n.CCCD
			if p, ok := people[n.Code]; ok && cccd == "" {
				cccd = p.CCCD
			}
			cn.CCCD, cn.PersonKey = cccd, store.PersonKey(cccd, office, n.Code)
			if _, ok := people[n.Code]; !ok {
				// A nominee the package does not describe still needs a
				// person row to hang the nomination on.
				if err := tx.SaveCentralPerson(store.CentralPerson{CCCD: cccd, FullName: n.Name, UnitCode: office, StaffCode: n.Code, SeenAt: rec.CreatedAt}); err != nil {
					return err
				}
			}
		}
		if v := n.Vote; v != nil {
			cn.Voted, cn.For, cn.Against, cn.Abstain, cn.Pct, cn.Passed = true, v.For, v.Against, v.Abstain, v.Pct, v.Passed
		}
		ns = append(ns, cn)
	}
	if err := tx.AddCentralNominations(ns); err != nil {
		return err
	}
	o.Nominations = len(ns)
	own := make([]store.CentralOwnDecision, 0, len(d.OwnDecisions))
	for _, x := range d.OwnDecisions {
		own = append(own, store.CentralOwnDecision{PackageID: id, UnitCode: office, Year: d.Year, Award: x.Award, AwardName: x.AwardName,
			Number: x.Number, Date: x.Date, Signer: x.Signer, Count: x.Count})
	}
	if err := tx.AddCentralOwnDecisions(own); err != nil {
		return err
	}
	if a := d.Assessment; a != nil {
		if err := tx.SaveCentralAssessment(store.CentralAssessment{PackageID: id, UnitCode: office, Year: d.Year, Cluster: a.Cluster, Total: a.Total, Max: a.Max}); err != nil {
			return err
		}
	}
	return nil
}

func outcomeMessage(o ImportOutcome) string {
	who := o.Unit.Code
	if o.Unit.Name != "" {
		who = fmt.Sprintf("%s (%s)", o.Unit.Name, o.Unit.Code)
	}
	switch o.Status {
	case ImportLoaded:
		msg := fmt.Sprintf("Đã nạp gói của %s, đợt %d năm %d: %d đề nghị", who, o.Round.ID, o.Year, o.Nominations)
		if p := o.Period; p != nil {
			msg = fmt.Sprintf("Đã nạp gói giai đoạn %d - %d của %s: %d gương điển hình", p.From, p.To, who, o.Models)
		}
		if o.Supersedes != 0 {
			msg += fmt.Sprintf("; thay cho gói số %d gửi trước đó (vẫn được lưu)", o.Supersedes)
		}
		return msg + "."
	case ImportSuperseded:
		return fmt.Sprintf("Gói của %s, đợt %d năm %d cũ hơn gói đã nạp cho cùng đợt: đã lưu để đối chiếu, không được tính.", who, o.Round.ID, o.Year)
	case ImportDuplicate:
		return fmt.Sprintf("Gói này đã được nhập trước đây (gói số %d); không thay đổi gì.", o.PackageID)
	case ImportHeld:
		return fmt.Sprintf("Gói của %s đang được giữ lại: chưa có khóa của đơn vị. Thêm tệp khóa của đơn vị (đối chiếu vân tay qua điện thoại) rồi kiểm tra lại các gói đang giữ.", who)
	}
	var reasons []string
	for _, p := range o.Problems {
		reasons = append(reasons, p.Message)
	}
	return "Gói bị từ chối, không nạp dữ liệu: " + strings.Join(reasons, " ")
}

// ReleaseHeld checks the held packages again (after an office's key was
// added): those that now verify are loaded, those still from an unknown
// office stay held, the others are rejected.
func (s *Service) ReleaseHeld(ctx context.Context, passphrase string) ([]ImportOutcome, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return nil, err
	}
	if err := s.requireCentral(ctx); err != nil {
		return nil, err
	}
	hs, err := s.st.HeldPackages(ctx)
	if err != nil {
		return nil, err
	}
	im, err := s.newImporter(ctx, passphrase)
	if err != nil {
		return nil, err
	}
	var out []ImportOutcome
	for _, h := range hs {
		p := pack.VerifyBytes(h.Content, im.opt)
		o, err := im.process(ctx, h.FileName, p, h.Content)
		if err != nil {
			return out, err
		}
		out = append(out, o)
	}
	return out, nil
}

// CentralPackages lists every package received, the latest first.
func (s *Service) CentralPackages(ctx context.Context) ([]store.CentralPackage, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.CentralPackages(ctx)
}

// CentralNominations lists the received nominations f selects.
func (s *Service) CentralNominations(ctx context.Context, f store.CentralFilter) ([]store.CentralNomination, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.CentralNominations(ctx, f)
}

// CentralPerson is everything the centre holds on the person with this
// CCCD, whichever offices sent them.
func (s *Service) CentralPerson(ctx context.Context, cccd string) (CentralPersonHistory, error) {
	var h CentralPersonHistory
	if err := s.require(domain.RoleViewer); err != nil {
		return h, err
	}
	key := rules.Clean(cccd)
	p, ok, err := s.st.CentralPerson(ctx, key)
	if err != nil {
		return h, err
	}
	if !ok {
		return h, fmt.Errorf("không có ai mang số CCCD %s trong các gói đã nhận: %w", key, domain.ErrNotFound)
	}
	h.Person = p
	f := store.CentralFilter{PersonKey: p.Key}
	if h.Nominations, err = s.st.CentralNominations(ctx, f); err != nil {
		return h, err
	}
	ds, err := s.st.NominationDecisions(ctx, f)
	if err != nil {
		return h, err
	}
	h.Decisions = map[int64][]store.NominationDecision{}
	for _, d := range ds {
		h.Decisions[d.NominationID] = append(h.Decisions[d.NominationID], d)
	}
	return h, nil
}

// ---------------------------------------------------------------------------
// Consolidation.

// CentralReport consolidates the current packages of a year.
func (s *Service) CentralReport(ctx context.Context, year int) (docs.CentralReport, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return docs.CentralReport{}, err
	}
	if err := s.requireCentral(ctx); err != nil {
		return docs.CentralReport{}, err
	}
	in := docs.CentralReportInput{Year: year, Date: s.Today()}
	if p, ok, err := s.st.Profile(ctx); err != nil {
		return docs.CentralReport{}, err
	} else if ok {
		in.Centre = p.UnitName
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return docs.CentralReport{}, err
	}
	for _, a := range cat.Sorted() {
		in.AwardOrder = append(in.AwardOrder, a.Code)
	}
	f := store.CentralFilter{Year: year, CurrentOnly: true}
	ns, err := s.st.CentralNominations(ctx, f)
	if err != nil {
		return docs.CentralReport{}, err
	}
	ds, err := s.st.NominationDecisions(ctx, f)
	if err != nil {
		return docs.CentralReport{}, err
	}
	latest := map[int64]store.NominationDecision{}
	for _, d := range ds {
		latest[d.NominationID] = d // oldest first: the last one stands
	}
	for _, n := range ns {
		row := docs.CentralNomination{ID: n.ID, Ref: n.Ref, UnitCode: n.UnitCode, UnitName: n.UnitName, Subject: domain.SubjectKind(n.Subject),
			Code: n.Code, CCCD: n.CCCD, Name: n.Name, Award: n.Award, AwardName: n.AwardName, Eligible: n.Eligible, Reasons: n.Reasons,
			Justification: n.Justification, Voted: n.Voted, For: n.For, Against: n.Against, Abstain: n.Abstain, Pct: n.Pct, Passed: n.Passed,
			Own: n.Own || cat.Own(n.Award, domain.AwardsDecidedFrom(n.Year))}
		if d, ok := latest[n.ID]; ok {
			row.Decision, row.DecisionNote = decisionOf(d)
		}
		in.Nominations = append(in.Nominations, row)
	}
	ods, err := s.st.CentralOwnDecisions(ctx, year)
	if err != nil {
		return docs.CentralReport{}, err
	}
	for _, d := range ods {
		date, _ := domain.ParseDate(d.Date) // as the office sent it; a bad one prints blank
		in.OwnDecisions = append(in.OwnDecisions, docs.CentralOwnDecision{UnitCode: d.UnitCode, UnitName: d.UnitName, Award: d.Award,
			AwardName: d.AwardName, Number: d.Number, Date: date, Signer: d.Signer, Count: d.Count})
	}
	as, err := s.st.CentralAssessments(ctx, year)
	if err != nil {
		return docs.CentralReport{}, err
	}
	for _, a := range as {
		in.Assessments = append(in.Assessments, docs.CentralAssessment{UnitCode: a.UnitCode, UnitName: a.UnitName, Cluster: a.Cluster, Total: a.Total, Max: a.Max})
	}
	return docs.BuildCentralReport(in), nil
}

func decisionOf(d store.NominationDecision) (domain.NomineeDecision, string) {
	if d.Granted {
		return domain.DecisionGranted, docs.DecisionPhrase(d.Number, d.Date, d.Issuer)
	}
	return domain.DecisionRefused, d.Reason
}

// ExportCentralReport writes the consolidation workbook of a year.
func (s *Service) ExportCentralReport(ctx context.Context, year int, w io.Writer) error {
	if err := s.require(domain.RoleClerk); err != nil {
		return err
	}
	r, err := s.CentralReport(ctx, year)
	if err != nil {
		return err
	}
	return xlsx.WriteCentralReport(r, w)
}

// ---------------------------------------------------------------------------
// Decisions and feedback.

// RecordDecision records a decision of the centre on received
// nominations: each item grants or refuses one (a refusal says why).
func (s *Service) RecordDecision(ctx context.Context, d CentralDecision) (int64, error) {
	if err := s.require(domain.RoleDirector); err != nil {
		return 0, err
	}
	if err := s.requireCentral(ctx); err != nil {
		return 0, err
	}
	d.Number, d.Issuer = rules.Clean(d.Number), rules.Clean(d.Issuer)
	var errs domain.FieldErrors
	if d.Number == "" {
		errs = append(errs, domain.FieldError{Field: FieldDecisionNumber, Msg: "chưa nhập; ví dụ 1234/QĐ-BHXH"})
	}
	if d.Date.IsZero() {
		errs = append(errs, domain.FieldError{Field: FieldDecisionDate, Msg: "chưa nhập; nhập ngày ký dạng dd/mm/yyyy"})
	} else if d.Date.After(s.Today()) {
		errs = append(errs, domain.FieldError{Field: FieldDecisionDate, Msg: fmt.Sprintf("ngày %s chưa đến", d.Date.VN())})
	}
	if d.Issuer == "" {
		errs = append(errs, domain.FieldError{Field: FieldDecisionIssuer, Msg: "chưa nhập; ví dụ Tổng Giám đốc Bảo hiểm xã hội Việt Nam"})
	}
	if len(d.Items) == 0 {
		errs = append(errs, domain.FieldError{Field: FieldDecisionItems, Msg: "quyết định chưa có đề nghị nào được khen hoặc không được khen"})
	}
	if len(errs) > 0 {
		return 0, errs
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		seen := map[int64]bool{}
		for i := range d.Items {
			it := &d.Items[i]
			it.Reason = rules.Clean(it.Reason)
			if seen[it.NominationID] {
				errs = append(errs, domain.FieldError{Field: FieldDecisionItems, Msg: fmt.Sprintf("đề nghị mã %d có hai lần trong quyết định", it.NominationID)})
				continue
			}
			seen[it.NominationID] = true
			ns, err := tx.CentralNominations(store.CentralFilter{ID: it.NominationID})
			if err != nil {
				return err
			}
			switch {
			case len(ns) == 0:
				errs = append(errs, domain.FieldError{Field: FieldDecisionItems, Msg: fmt.Sprintf("không có đề nghị mã %d trong các gói đã nhận", it.NominationID)})
			case ns[0].PackageStatus != store.PackageLoaded:
				errs = append(errs, domain.FieldError{Field: FieldDecisionItems, Msg: fmt.Sprintf("đề nghị mã %d (%s, %s) thuộc gói cũ đã được thay bằng gói mới hơn; quyết định trên đề nghị của gói mới", it.NominationID, ns[0].Name, ns[0].UnitCode)})
			case ns[0].Own || cat.Own(ns[0].Award, d.Date):
				// The office's director confers these on the advice of its
				// council; the centre only counts them.
				errs = append(errs, domain.FieldError{Field: FieldDecisionItems, Msg: fmt.Sprintf("đề nghị mã %d (%s, %s) thuộc thẩm quyền Giám đốc Bảo hiểm xã hội tỉnh; đơn vị tự quyết định, Trung ương không quyết định thay", it.NominationID, ns[0].Name, ns[0].AwardName)})
			case !it.Granted && it.Reason == "":
				errs = append(errs, domain.FieldError{Field: FieldDecisionItems, Msg: fmt.Sprintf("đề nghị mã %d (%s, %s) không được khen nhưng chưa ghi lý do", it.NominationID, ns[0].Name, ns[0].AwardName)})
			}
		}
		if len(errs) > 0 {
			return errs
		}
		var err error
		id, err = tx.AddCentralDecision(d)
		return err
	})
	return id, err
}

// FeedbackFileName is the name of a feedback package for an office's round.
func FeedbackFileName(unitCode string, year int, roundRef int64, t time.Time) string {
	return "PH_" + pack.FileName(unitCode, year, roundRef, t)
}

// ExportFeedback writes the signed feedback package of an office's round:
// every decision of the centre on its nominations, signed with the
// centre's key (unsealed with the passphrase), not encrypted. out is a
// .zip file or a folder. It returns the path written.
func (s *Service) ExportFeedback(ctx context.Context, unitCode string, year int, roundRef int64, out string, passphrase string) (string, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return "", err
	}
	if err := s.requireCentral(ctx); err != nil {
		return "", err
	}
	unitCode = rules.Clean(unitCode)
	f := store.CentralFilter{UnitCode: unitCode, Year: year, RoundRef: roundRef}
	ns, err := s.st.CentralNominations(ctx, f)
	if err != nil {
		return "", err
	}
	if len(ns) == 0 {
		return "", fmt.Errorf("chưa nhận gói nào của đơn vị %s cho đợt %d năm %d: %w", unitCode, roundRef, year, domain.ErrNotFound)
	}
	ds, err := s.st.NominationDecisions(ctx, f)
	if err != nil {
		return "", err
	}
	byID := map[int64]store.CentralNomination{}
	for _, n := range ns {
		byID[n.ID] = n
	}
	// The latest decision on each of the province's nominees stands (a
	// nominee sent again in a newer package keeps its id).
	type decided struct {
		d store.NominationDecision
		n store.CentralNomination
	}
	latest := map[int64]decided{}
	for _, d := range ds {
		n := byID[d.NominationID]
		latest[n.Ref] = decided{d, n}
	}
	if len(latest) == 0 {
		return "", domain.FieldError{Field: FieldDecisionItems, Msg: fmt.Sprintf("chưa có quyết định nào về các đề nghị của đơn vị %s, đợt %d năm %d; ghi quyết định trước rồi xuất phản hồi", unitCode, roundRef, year)}
	}
	key, err := s.signingKey(ctx, passphrase)
	if err != nil {
		return "", err
	}
	cur := ns[len(ns)-1]
	for _, n := range ns {
		if n.PackageStatus == store.PackageLoaded {
			cur = n
		}
	}
	fb := pack.Feedback{Unit: pack.Unit{Code: unitCode, Name: cur.UnitName}, Year: year, Round: pack.RoundRef{ID: roundRef, Name: cur.RoundName, Kind: cur.RoundKind}}
	index := map[int64]int{}
	for _, d := range ds { // decision order: oldest first
		x, ok := latest[byID[d.NominationID].Ref]
		if !ok || x.d != d {
			continue
		}
		i, ok := index[d.DecisionID]
		if !ok {
			i = len(fb.Decisions)
			index[d.DecisionID] = i
			fb.Decisions = append(fb.Decisions, pack.Decision{Number: d.Number, Date: d.Date.ISO(), Issuer: d.Issuer})
		}
		n := x.n
		fb.Decisions[i].Items = append(fb.Decisions[i].Items, pack.DecisionItem{NominationID: n.Ref, Subject: n.Subject, Code: n.Code,
			CCCD: n.CCCD, Award: n.Award, Granted: d.Granted, Reason: d.Reason})
	}
	js, err := json.MarshalIndent(fb, "", "  ")
	if err != nil {
		return "", err
	}
	prof, _, err := s.st.Profile(ctx)
	if err != nil {
		return "", err
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return "", err
	}
	now := s.now()
	m := pack.Manifest{Type: pack.TypeFeedback, Unit: pack.Unit{Code: prof.UnitCode, Name: prof.UnitName}, Year: year, Round: fb.Round,
		CreatedAt: now.Format(time.RFC3339), AppVersion: Version, RulesVersion: regimeOf(cat, year)}
	path := packagePath(out, FeedbackFileName(unitCode, year, roundRef, now))
	err = paths.WriteAtomic(path, func(w io.Writer) error {
		_, err := pack.Build(ctx, w, []pack.File{{Path: "data.json", Kind: pack.KindData, Content: js}}, pack.BuildOptions{Manifest: m, Key: key})
		return err
	})
	if err != nil {
		return "", fmt.Errorf("lập gói phản hồi %s: %w", filepath.Base(path), err)
	}
	return path, nil
}
