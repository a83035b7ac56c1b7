package service

// Submission packages, province side (issue 6): the signed zip of an
// approved round for the centre (contracts.md "Submission package"), the
// history of packages written, and re-verification of any package file.

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/paths"
	"tdkt/internal/rules"
	"tdkt/internal/store"
)

// PackageRecord is a package the office wrote.
type PackageRecord = store.PackageRecord

// Progress of ExportPackage is reported out of packageSteps: the dossier
// documents take most of the time, the zip the rest.
const (
	packageSteps   = 1000
	dossierPortion = 800
)

// roundRef is how a package names the province's round.
func roundRef(r domain.Round) pack.RoundRef {
	return pack.RoundRef{ID: r.ID, Name: r.Name, Kind: string(r.Kind), Status: string(r.Status)}
}

// packagePath is where a package goes: out itself when it names a .zip
// file, else a file named after contracts.md inside the folder out.
func packagePath(out, name string) string {
	if strings.EqualFold(filepath.Ext(out), ".zip") {
		return out
	}
	return filepath.Join(out, name)
}

// ExportPackage writes the signed submission package of an approved round
// (or of a round already sent, to send a lost package again) to out: a
// .zip file, or a folder where the file gets the name of contracts.md. The
// passphrase unseals the office's signing key. When the centre's key is
// registered the payload is encrypted to it. The file is written
// atomically, and recorded in the history of packages sent.
func (s *Service) ExportPackage(ctx context.Context, roundID int64, out string, passphrase string, progress func(done, total int)) (PackageRecord, error) {
	if err := s.require(domain.RoleClerk); err != nil {
		return PackageRecord{}, err
	}
	if s.IsCentral(ctx) {
		return PackageRecord{}, domain.FieldError{Field: FieldRoundStatus, Msg: "cơ sở dữ liệu Trung ương không lập gói đề nghị; gói phản hồi được lập bằng Xuất phản hồi"}
	}
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return PackageRecord{}, err
	}
	if r.Status != domain.StatusApproved && r.Status != domain.StatusSent {
		return PackageRecord{}, domain.FieldError{Field: FieldRoundStatus, Msg: fmt.Sprintf(
			"đợt %q (mã %d) đang ở trạng thái %s; chỉ lập gói gửi Trung ương cho đợt Đã duyệt (hoặc gửi lại gói của đợt Đã gửi). Trình Giám đốc duyệt đợt rồi lập gói",
			r.Name, r.ID, r.Status.Label())}
	}
	p, ok, err := s.st.Profile(ctx)
	if err != nil {
		return PackageRecord{}, err
	}
	if !ok {
		return PackageRecord{}, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	// The passphrase is checked before the long work, so a typo costs
	// seconds, not the whole dossier.
	key, err := s.signingKey(ctx, passphrase)
	if err != nil {
		return PackageRecord{}, err
	}
	report := func(done int) {
		if progress != nil {
			progress(done, packageSteps)
		}
	}
	files, err := s.packageFiles(ctx, r, func(done, total int) {
		if total > 0 {
			report(done * dossierPortion / total)
		}
	})
	if err != nil {
		return PackageRecord{}, err
	}
	now := s.now()
	m, recipient, err := s.packageManifest(ctx, p, r.Year, now)
	if err != nil {
		return PackageRecord{}, err
	}
	m.Round = roundRef(r)
	return s.writePackage(ctx, packagePath(out, pack.FileName(p.UnitCode, r.Year, r.ID, now)), files,
		pack.BuildOptions{Manifest: m, Key: key, Recipient: recipient, Progress: func(done, total int) {
			if total > 0 {
				report(dossierPortion + done*(packageSteps-dossierPortion)/total)
			}
		}}, PackageRecord{RoundID: r.ID, Kind: pack.TypeSubmission, CreatedAt: now})
}

// packageManifest is the manifest of a package of the office for year,
// made at now, and the centre's age recipient its payload is encrypted
// to ("" when the office has no key of the centre).
func (s *Service) packageManifest(ctx context.Context, p domain.OfficeProfile, year int, now time.Time) (pack.Manifest, string, error) {
	recipient := ""
	if ck, ok, err := s.centralKey(ctx); err != nil {
		return pack.Manifest{}, "", err
	} else if ok {
		recipient = ck.Age
	}
	cat, err := s.st.Catalogue(ctx)
	if err != nil {
		return pack.Manifest{}, "", err
	}
	m := pack.Manifest{
		Type:         pack.TypeSubmission,
		Unit:         pack.Unit{Code: p.UnitCode, Name: p.UnitName},
		Year:         year,
		CreatedAt:    now.Format(time.RFC3339),
		AppVersion:   Version,
		RulesVersion: regimeOf(cat, year),
	}
	// The journal's head goes under the signature: a journal rewritten
	// later, even with every hash recomputed, no longer holds it.
	if head, err := s.st.JournalHead(ctx); err != nil {
		return pack.Manifest{}, "", err
	} else if head.Hash != "" {
		m.JournalHead = &pack.JournalAnchor{ID: head.ID, Hash: head.Hash}
	}
	return m, recipient, nil
}

// writePackage builds the signed package of files at path, atomically,
// and records it as sent (rec gives the round and kind; the file, hash
// and size are filled here). The history keeps where the file went even
// if the process's working folder changes (the window re-verifies from
// there).
func (s *Service) writePackage(ctx context.Context, path string, files []pack.File, opt pack.BuildOptions, rec PackageRecord) (PackageRecord, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	var sum hash.Hash
	var size int64
	err := paths.WriteAtomic(path, func(w io.Writer) error {
		sum = sha256.New()
		cw := &countingWriter{w: io.MultiWriter(w, sum)}
		_, err := pack.Build(ctx, cw, files, opt)
		size = cw.n
		return err
	})
	if err != nil {
		return PackageRecord{}, fmt.Errorf("lập gói %s: %w", filepath.Base(path), err)
	}
	rec.FileName, rec.Path, rec.SHA256, rec.Bytes, rec.Encrypted = filepath.Base(path), path, hex.EncodeToString(sum.Sum(nil)), size, opt.Recipient != ""
	err = s.st.Write(ctx, func(tx *store.Tx) error {
		rec.ID, err = tx.AddPackageSent(rec)
		return err
	})
	return rec, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// regimeOf is the code of the rule regime of a year ("R2025").
func regimeOf(cat rules.Catalogue, year int) string {
	if r, ok := cat.RegimeFor(year); ok {
		return r.Code
	}
	return ""
}

// packageFiles gathers the payload of a round's package: data.json, the
// workbooks, every PDF of the dossier and the nominees' attachments.
func (s *Service) packageFiles(ctx context.Context, r domain.Round, progress func(done, total int)) ([]pack.File, error) {
	data, err := s.PackageData(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	js, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		return nil, err
	}
	files := []pack.File{{Path: "data.json", Kind: pack.KindData, Content: js}}

	// The dossier is rendered by the same code as Xuất hồ sơ, into a
	// private temporary folder that is removed whatever happens.
	tmp, err := os.MkdirTemp("", "tdkt-goi-*")
	if err != nil {
		return nil, fmt.Errorf("không tạo được thư mục tạm: %w", err)
	}
	defer os.RemoveAll(tmp)
	// The workbooks are written while the dossier renders (on another
	// core); one with nothing recorded for the year stays empty.
	workbooks := []struct {
		name  string
		write func(w io.Writer) error
		buf   bytes.Buffer
	}{
		{name: fmt.Sprintf("Đăng ký thi đua năm %d", r.Year), write: func(w io.Writer) error { return s.ExportRegistration(ctx, r.Year, "xlsx", w) }},
		{name: fmt.Sprintf("Tự chấm điểm thi đua năm %d", r.Year), write: func(w io.Writer) error { return s.ExportAssessment(ctx, r.Year, "xlsx", w) }},
	}
	wbDone := make(chan error, 1)
	go func() {
		for i := range workbooks {
			wb := &workbooks[i]
			if err := wb.write(&wb.buf); err != nil {
				wb.buf.Reset()
				if !userError(err) {
					wbDone <- fmt.Errorf("lập %s: %w", wb.name, err)
					return
				}
			}
		}
		wbDone <- nil
	}()
	if err := s.ExportDossier(ctx, r.ID, tmp, DossierOptions{Progress: progress}); err != nil {
		<-wbDone
		return nil, err
	}
	for _, sub := range []string{"pdf", "xlsx"} {
		entries, err := os.ReadDir(filepath.Join(tmp, sub))
		if err != nil {
			return nil, fmt.Errorf("đọc hồ sơ vừa lập: %w", err)
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(tmp, sub, e.Name()))
			if err != nil {
				return nil, fmt.Errorf("đọc hồ sơ vừa lập: %w", err)
			}
			files = append(files, pack.File{Path: sub + "/" + e.Name(), Content: b})
		}
	}
	// The year's registration and self-assessment workbooks (written
	// meanwhile, below), when the office keeps them in the application.
	if err := <-wbDone; err != nil {
		return nil, err
	}
	for _, wb := range workbooks {
		if wb.buf.Len() > 0 {
			files = append(files, pack.File{Path: "xlsx/" + paths.SafeFileName(wb.name, ".xlsx"), Content: wb.buf.Bytes()})
		}
	}
	ns, err := s.st.Nominees(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	for _, n := range ns {
		used := map[string]bool{}
		for _, name := range n.Attachments {
			b, err := s.st.NomineeFile(ctx, n.ID, name)
			if err != nil {
				return nil, err
			}
			safe := paths.SafeFileName(name, "")
			for k := 2; used[strings.ToLower(safe)]; k++ {
				safe = paths.SafeFileName(fmt.Sprintf("%d-%s", k, name), "")
			}
			used[strings.ToLower(safe)] = true
			files = append(files, pack.File{Path: fmt.Sprintf("attachments/%d/%s", n.ID, safe), Content: b})
		}
	}
	return files, nil
}

// PackageData is data.json of a round's package: the people and
// collectives nominated with their history, the nominations with the
// engine's verdicts and the council's votes, the council, the year's
// registrations and the office's self-assessment.
func (s *Service) PackageData(ctx context.Context, roundID int64) (pack.Data, error) {
	var d pack.Data
	if err := s.require(domain.RoleViewer); err != nil {
		return d, err
	}
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return d, err
	}
	p, ok, err := s.st.Profile(ctx)
	if err != nil {
		return d, err
	}
	if !ok {
		return d, fmt.Errorf("chưa có thông tin đơn vị; khai báo đơn vị trước: %w", domain.ErrNotFound)
	}
	d.Unit, d.Year, d.Round = pack.Unit{Code: p.UnitCode, Name: p.UnitName}, r.Year, roundRef(r)
	e, err := s.evaluation(ctx, r.Year)
	if err != nil {
		return d, err
	}
	ns, err := s.st.Nominees(ctx, roundID)
	if err != nil {
		return d, err
	}
	sortNominees(ns, e.cat, e.names)
	c, met, err := s.st.Council(ctx, roundID)
	if err != nil {
		return d, err
	}
	results := voteResult(r, c, met, ns, e.cat)
	votes := map[int64]domain.Vote{}
	for _, v := range c.Votes {
		votes[v.NomineeID] = v
	}
	if met {
		d.Council = &pack.DataCouncil{Date: c.Date.ISO(), Start: c.Start, End: c.End, Place: c.Place, Method: string(c.Method), Members: len(c.Members), Present: c.Present()}
	}
	discs, err := s.st.AllDisciplines(ctx)
	if err != nil {
		return d, err
	}
	byPerson := map[string][]domain.Discipline{}
	for _, x := range discs {
		byPerson[x.StaffCode] = append(byPerson[x.StaffCode], x)
	}
	history := awardHistory(e.h.Awards)
	people, collectives := map[string]bool{}, map[string]bool{}
	day := conferralDay(r, c, met)
	granted := map[string]int{}
	for _, n := range ns {
		cf := e.cat.ConferredBy(n.Award, day)
		dn := pack.DataNomination{ID: n.ID, Subject: string(n.Subject.Kind), Code: n.Subject.Code, Name: e.names.subject(n.Subject),
			Award: n.Award, AwardName: cf.FullName, Eligible: n.Eligible, Reasons: n.Reasons, Justification: n.Justification,
			ConferredBy: cf.DecidedBy(p.DirectorTitle()), Own: cf.Own}
		if cf.Own && n.Decision == domain.DecisionGranted {
			granted[n.Award]++
		}
		if n.Subject.Kind == domain.SubjectPerson {
			per := e.names.people[n.Subject.Code]
			dn.CCCD, dn.UnitCode = per.CCCD, per.UnitCode
			if !people[n.Subject.Code] {
				people[n.Subject.Code] = true
				d.People = append(d.People, e.dataPerson(per, history[n.Subject], byPerson[per.StaffCode]))
			}
		} else {
			dn.UnitCode = n.Subject.Code
			if !collectives[n.Subject.Code] {
				collectives[n.Subject.Code] = true
				d.Collectives = append(d.Collectives, e.dataCollective(n.Subject.Code, history[n.Subject]))
			}
		}
		if v, ok := votes[n.ID]; ok && met {
			res := results[n.ID]
			dn.Vote = &pack.DataVote{For: v.For, Against: v.Against, Abstain: v.Abstain, Pct: res.Pct, Passed: res.Passed}
		}
		d.Nominations = append(d.Nominations, dn)
	}
	decided, err := s.st.Decisions(ctx, roundID)
	if err != nil {
		return d, err
	}
	d.OwnDecisions = []pack.DataDecision{}
	for _, dd := range decided {
		if dd.Recorded {
			d.OwnDecisions = append(d.OwnDecisions, pack.DataDecision{Award: dd.Award, AwardName: e.cat.ConferredBy(dd.Award, day).FullName, Number: dd.Number,
				Date: dd.Date.ISO(), Signer: dd.Signer, Count: granted[dd.Award]})
		}
	}
	regs, err := s.st.Registrations(ctx, r.Year)
	if err != nil {
		return d, err
	}
	for _, rg := range regs {
		for _, a := range rg.Awards {
			d.Registrations = append(d.Registrations, pack.DataRegistration{Subject: string(rg.Subject.Kind), Code: rg.Subject.Code,
				Name: e.names.subject(rg.Subject), Award: a})
		}
	}
	in, err := s.AssessmentInput(ctx, r.Year)
	if err != nil {
		return d, err
	}
	if len(in.Sheet.Lines) > 0 {
		a := &pack.DataAssessment{Cluster: in.Cluster.Name, Total: in.Sheet.Total, Max: in.Sheet.Max}
		for _, l := range in.Sheet.Lines {
			if l.Group {
				continue
			}
			a.Criteria = append(a.Criteria, pack.DataCriterion{Code: l.Criterion.Code, Name: l.Criterion.Name, Max: l.Criterion.MaxPoints, Score: l.Score})
		}
		d.Assessment = a
	}
	// Empty lists as [] rather than null: the centre's tools read arrays.
	if d.People == nil {
		d.People = []pack.DataPerson{}
	}
	if d.Collectives == nil {
		d.Collectives = []pack.DataCollective{}
	}
	if d.Nominations == nil {
		d.Nominations = []pack.DataNomination{}
	}
	if d.Registrations == nil {
		d.Registrations = []pack.DataRegistration{}
	}
	return d, nil
}

func dataAward(a domain.AwardRecord) pack.DataAward {
	return pack.DataAward{Year: a.Year, Award: a.AwardCode, Kind: string(a.Kind), DecisionNo: a.DecisionNo, DecisionDate: a.DecisionDate.ISO(), Issuer: a.Issuer}
}

func dataRatings(m map[int]domain.Rating) []pack.DataRating {
	out := make([]pack.DataRating, 0, len(m))
	for y, r := range m {
		out = append(out, pack.DataRating{Year: y, Rating: string(r)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// awardHistory is evaluation.awards for every subject at once (a round of
// hundreds would otherwise scan the whole history for each): by subject,
// the earliest first, the same award of a year recorded under two former
// codes of a merged unit once.
func awardHistory(all []domain.AwardRecord) map[domain.Subject][]pack.DataAward {
	type key struct {
		sub      domain.Subject
		year     int
		code, no string
	}
	seen := map[key]bool{}
	out := map[domain.Subject][]pack.DataAward{}
	for _, a := range all {
		k := key{a.Subject, a.Year, a.AwardCode, a.DecisionNo}
		if !seen[k] {
			seen[k] = true
			out[a.Subject] = append(out[a.Subject], dataAward(a))
		}
	}
	for _, as := range out {
		sort.SliceStable(as, func(i, j int) bool { return as[i].Year < as[j].Year })
	}
	return out
}

func (e *evaluation) dataPerson(p domain.Person, awards []pack.DataAward, discs []domain.Discipline) pack.DataPerson {
	dp := pack.DataPerson{StaffCode: p.StaffCode, FullName: p.FullName, BirthDate: p.BirthDate.ISO(), Gender: string(p.Gender),
		CCCD: p.CCCD, Position: p.Position, UnitCode: p.UnitCode, UnitName: e.names.units[p.UnitCode].Name,
		Ratings: dataRatings(e.h.PersonRatings[p.StaffCode]), Awards: awards,
		Ethnicity: p.Ethnicity, HomeTown: p.HomeTown, Residence: p.Residence, Religion: p.Religion, Education: p.Education,
		PoliticalTheory: p.PoliticalTheory, AcademicRank: p.AcademicRank, PartyPost: p.PartyPost, UnionPost: p.UnionPost}
	for _, x := range discs {
		dp.Discipline = append(dp.Discipline, pack.DataDiscipline{Form: string(x.Form), Effective: x.From.ISO(), Until: x.To.ISO()})
	}
	return dp
}

func (e *evaluation) dataCollective(code string, awards []pack.DataAward) pack.DataCollective {
	u := e.names.units[code]
	return pack.DataCollective{Code: code, Name: u.Name, ParentCode: u.ParentCode, Ratings: dataRatings(e.h.UnitRatings[code]), Awards: awards,
		Address: u.Address, PartyOrg: u.PartyOrg, UnionOrg: u.UnionOrg, YouthOrg: u.YouthOrg}
}

// Packages lists the packages the office wrote, the newest first.
func (s *Service) Packages(ctx context.Context) ([]PackageRecord, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	return s.st.PackagesSent(ctx)
}

// VerifyPackage re-verifies a package file: a submission against the
// office's own key, a feedback package against the centre's registered
// key; on a central database, a submission against the keyring. The
// error is only for a file that cannot be read; what is wrong inside is
// in the package's Problems.
func (s *Service) VerifyPackage(ctx context.Context, path string) (*pack.Package, error) {
	if err := s.require(domain.RoleViewer); err != nil {
		return nil, err
	}
	reg, err := s.TrustedKeys(ctx)
	if err != nil {
		return nil, err
	}
	return pack.VerifyFile(path, pack.VerifyOptions{Registered: reg})
}

// TrustedKeys is who this database trusts, by the unit code a manifest
// names: itself, and the centre (on a province) or the keyring (on the
// centre). Public keys only, so it needs no login: tdktctl verify runs
// without an account.
func (s *Service) TrustedKeys(ctx context.Context) (func(string) (ed25519.PublicKey, bool), error) {
	keys := map[string]ed25519.PublicKey{}
	if p, ok, err := s.st.Profile(ctx); err != nil {
		return nil, err
	} else if ok && s.HasSigningKey(ctx) {
		pub, err := s.PublicKey(ctx)
		if err != nil {
			return nil, err
		}
		keys[p.UnitCode] = pub
	}
	if s.IsCentral(ctx) {
		uks, err := s.st.UnitKeys(ctx)
		if err != nil {
			return nil, err
		}
		for _, k := range uks {
			pub, err := pack.ParsePublicKey(k.PublicKey)
			if err != nil {
				return nil, fmt.Errorf("khóa của đơn vị %s trong danh sách khóa bị hỏng: %w", k.UnitCode, err)
			}
			keys[k.UnitCode] = pub
		}
	} else if ck, ok, err := s.centralKey(ctx); err != nil {
		return nil, err
	} else if ok {
		keys[ck.Code] = ck.Sign
	}
	return func(code string) (ed25519.PublicKey, bool) {
		k, ok := keys[code]
		return k, ok
	}, nil
}
