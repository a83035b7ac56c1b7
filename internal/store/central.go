package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"tdkt/internal/domain"
)

// Central side of the submission packages: the keyring of the offices'
// public keys, every package received with what it carried, people matched
// across offices by CCCD, and the centre's decisions. The package format
// itself belongs to package pack; the store keeps the manifest and the
// verification problems as the JSON the service hands it.

// ---------------------------------------------------------------------------
// Keyring.

// UnitKey is an office's registered public key.
type UnitKey struct {
	UnitCode    string
	Name        string
	PublicKey   string // base64 Ed25519, as in the key file
	Fingerprint string
	AddedAt     time.Time
}

// SaveUnitKey registers (or replaces) an office's key.
func (tx *Tx) SaveUnitKey(k UnitKey) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO unit_key(unit_code, name, public_key, fingerprint, added_at) VALUES (?,?,?,?,?)
		ON CONFLICT(unit_code) DO UPDATE SET name=excluded.name, public_key=excluded.public_key, fingerprint=excluded.fingerprint, added_at=excluded.added_at`,
		k.UnitCode, k.Name, k.PublicKey, k.Fingerprint, tx.now.UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("save key of %s: %w", k.UnitCode, err)
	}
	return nil
}

// RemoveUnitKey removes an office's key; domain.ErrNotFound when none.
func (tx *Tx) RemoveUnitKey(code string) error {
	res, err := tx.tx.ExecContext(tx.ctx, `DELETE FROM unit_key WHERE unit_code=?`, code)
	if err != nil {
		return fmt.Errorf("remove key of %s: %w", code, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("khóa của đơn vị %s: %w", code, domain.ErrNotFound)
	}
	return nil
}

func listUnitKeys(ctx context.Context, q querier) ([]UnitKey, error) {
	rows, err := q.QueryContext(ctx, `SELECT unit_code, name, public_key, fingerprint, added_at FROM unit_key ORDER BY unit_code`)
	if err != nil {
		return nil, fmt.Errorf("list unit keys: %w", err)
	}
	defer rows.Close()
	var out []UnitKey
	for rows.Next() {
		var k UnitKey
		var added string
		if err := rows.Scan(&k.UnitCode, &k.Name, &k.PublicKey, &k.Fingerprint, &added); err != nil {
			return nil, err
		}
		k.AddedAt, _ = time.Parse(time.RFC3339, added)
		out = append(out, k)
	}
	return out, rows.Err()
}

// UnitKeys lists the keyring by office code.
func (s *Store) UnitKeys(ctx context.Context) ([]UnitKey, error) { return listUnitKeys(ctx, s.read) }

// UnitKeys lists the keyring inside the transaction.
func (tx *Tx) UnitKeys() ([]UnitKey, error) { return listUnitKeys(tx.ctx, tx.tx) }

// ---------------------------------------------------------------------------
// Packages received.

// Statuses of a package received.
const (
	PackageLoaded     = "loaded"     // its data counts
	PackageSuperseded = "superseded" // a newer package of the same round counts instead
	PackageHeld       = "held"       // from an office whose key is not registered; bytes kept
	PackageRejected   = "rejected"   // failed verification; nothing loaded
)

// CentralPackage is a package received by the centre.
type CentralPackage struct {
	ID           int64
	SHA256       string // of the zip file: the same package twice is one row
	FileName     string
	UnitCode     string
	UnitName     string
	Year         int
	RoundRef     int64 // the province's round id
	RoundName    string
	RoundKind    string
	CreatedAt    string // the manifest's created_at (RFC 3339)
	ImportedAt   time.Time
	Status       string
	SupersededBy int64
	Problems     string // JSON array of the verification problems
	Manifest     string // manifest.json as received
	Bytes        int64
	Content      []byte // held packages only
}

const centralPackageCols = `id, sha256, file_name, unit_code, unit_name, year, round_ref, round_name, round_kind, created_at, imported_at,
	status, ifnull(superseded_by, 0), problems, manifest, bytes`

func scanCentralPackage(sc interface{ Scan(...any) error }, content bool) (CentralPackage, error) {
	var p CentralPackage
	var imported string
	dst := []any{&p.ID, &p.SHA256, &p.FileName, &p.UnitCode, &p.UnitName, &p.Year, &p.RoundRef, &p.RoundName, &p.RoundKind,
		&p.CreatedAt, &imported, &p.Status, &p.SupersededBy, &p.Problems, &p.Manifest, &p.Bytes}
	if content {
		dst = append(dst, &p.Content)
	}
	if err := sc.Scan(dst...); err != nil {
		return p, err
	}
	p.ImportedAt, _ = time.Parse(time.RFC3339, imported)
	return p, nil
}

func listCentralPackages(ctx context.Context, q querier, content bool, where string, args ...any) ([]CentralPackage, error) {
	cols := centralPackageCols
	if content {
		cols += `, content`
	}
	rows, err := q.QueryContext(ctx, `SELECT `+cols+` FROM central_package `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list central packages: %w", err)
	}
	defer rows.Close()
	var out []CentralPackage
	for rows.Next() {
		p, err := scanCentralPackage(rows, content)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CentralPackages lists every package received (without the held bytes),
// the latest import first.
func (s *Store) CentralPackages(ctx context.Context) ([]CentralPackage, error) {
	return listCentralPackages(ctx, s.read, false, `ORDER BY imported_at DESC, id DESC`)
}

// HeldPackages lists the held packages with their bytes, the oldest first.
func (s *Store) HeldPackages(ctx context.Context) ([]CentralPackage, error) {
	return listCentralPackages(ctx, s.read, true, `WHERE status=? ORDER BY id`, PackageHeld)
}

// CentralPackageBySHA finds a received package by the hash of its file.
func (tx *Tx) CentralPackageBySHA(sha string) (CentralPackage, bool, error) {
	ps, err := listCentralPackages(tx.ctx, tx.tx, false, `WHERE sha256=?`, sha)
	if err != nil || len(ps) == 0 {
		return CentralPackage{}, false, err
	}
	return ps[0], true, nil
}

// CurrentPackage is the package whose data counts for an office's round.
func (tx *Tx) CurrentPackage(unitCode string, roundRef int64) (CentralPackage, bool, error) {
	ps, err := listCentralPackages(tx.ctx, tx.tx, false, `WHERE unit_code=? AND round_ref=? AND status=? ORDER BY id DESC`, unitCode, roundRef, PackageLoaded)
	if err != nil || len(ps) == 0 {
		return CentralPackage{}, false, err
	}
	return ps[0], true, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func emptyJSON(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// SaveCentralPackage inserts a received package, or rewrites the one with
// the same hash (a held or rejected package checked again), and returns
// its id. Content is kept only while the package is held.
func (tx *Tx) SaveCentralPackage(p CentralPackage) (int64, error) {
	var content any
	if p.Status == PackageHeld {
		content = p.Content
		if p.Content == nil {
			content = []byte{}
		}
	}
	var id int64
	err := tx.tx.QueryRowContext(tx.ctx, `INSERT INTO central_package(sha256, file_name, unit_code, unit_name, year, round_ref, round_name, round_kind,
		created_at, imported_at, status, superseded_by, problems, manifest, bytes, content)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(sha256) DO UPDATE SET file_name=excluded.file_name, unit_code=excluded.unit_code, unit_name=excluded.unit_name,
		year=excluded.year, round_ref=excluded.round_ref, round_name=excluded.round_name, round_kind=excluded.round_kind,
		created_at=excluded.created_at, imported_at=excluded.imported_at, status=excluded.status, superseded_by=excluded.superseded_by,
		problems=excluded.problems, manifest=excluded.manifest, bytes=excluded.bytes, content=excluded.content
		RETURNING id`,
		p.SHA256, p.FileName, p.UnitCode, p.UnitName, p.Year, p.RoundRef, p.RoundName, p.RoundKind, p.CreatedAt,
		tx.now.UTC().Format(time.RFC3339), p.Status, nullID(p.SupersededBy), emptyJSON(p.Problems, "[]"), p.Manifest, p.Bytes, content).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("save central package %s: %w", p.FileName, err)
	}
	return id, nil
}

// SetPackageStatus changes a package's status; supersededBy names the
// package that replaced it (0: none).
func (tx *Tx) SetPackageStatus(id int64, status string, supersededBy int64) error {
	_, err := tx.tx.ExecContext(tx.ctx, `UPDATE central_package SET status=?, superseded_by=?, content=CASE WHEN ?='held' THEN content END WHERE id=?`,
		status, nullID(supersededBy), status, id)
	if err != nil {
		return fmt.Errorf("set status of package %d: %w", id, err)
	}
	return nil
}

// ---------------------------------------------------------------------------
// People, nominations, assessments.

// CentralPerson is a person as the centre knows them, merged across
// offices: keyed by CCCD when known, else by office and staff code.
type CentralPerson struct {
	Key       string
	CCCD      string
	FullName  string
	BirthDate string // yyyy-mm-dd
	Gender    string
	UnitCode  string // the office of the latest package naming them
	StaffCode string
	UnitName  string // the sub-unit in that office
	Position  string
	Detail    string // JSON of the person as that package sent them
	SeenAt    string // created_at of that package
}

// PersonKey is the key of a person at the centre: the CCCD, or the office
// and staff code for someone sent without one.
func PersonKey(cccd, unitCode, staffCode string) string {
	if cccd != "" {
		return cccd
	}
	return unitCode + "/" + staffCode
}

// SaveCentralPerson inserts a person or, when the details come from a
// package at least as recent as the ones already seen, updates them.
func (tx *Tx) SaveCentralPerson(p CentralPerson) error {
	if p.Key == "" {
		p.Key = PersonKey(p.CCCD, p.UnitCode, p.StaffCode)
	}
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO central_person(person_key, cccd, full_name, birth_date, gender, unit_code, staff_code, unit_name, position, detail, seen_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(person_key) DO UPDATE SET full_name=excluded.full_name, birth_date=excluded.birth_date, gender=excluded.gender,
		unit_code=excluded.unit_code, staff_code=excluded.staff_code, unit_name=excluded.unit_name, position=excluded.position,
		detail=excluded.detail, seen_at=excluded.seen_at
		WHERE excluded.seen_at >= central_person.seen_at`,
		p.Key, nullable(p.CCCD), p.FullName, p.BirthDate, p.Gender, p.UnitCode, p.StaffCode, p.UnitName, p.Position, emptyJSON(p.Detail, "{}"), p.SeenAt)
	if err != nil {
		return fmt.Errorf("save central person %s: %w", p.Key, err)
	}
	return nil
}

func readCentralPerson(ctx context.Context, q querier, where string, arg any) (CentralPerson, bool, error) {
	var p CentralPerson
	var cccd sql.NullString
	err := q.QueryRowContext(ctx, `SELECT person_key, cccd, full_name, birth_date, gender, unit_code, staff_code, unit_name, position, detail, seen_at
		FROM central_person WHERE `+where, arg).Scan(&p.Key, &cccd, &p.FullName, &p.BirthDate, &p.Gender, &p.UnitCode, &p.StaffCode, &p.UnitName, &p.Position, &p.Detail, &p.SeenAt)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("read central person: %w", err)
	}
	p.CCCD = cccd.String
	return p, true, nil
}

// CentralPerson reads a person by key (a CCCD for most people).
func (s *Store) CentralPerson(ctx context.Context, key string) (CentralPerson, bool, error) {
	return readCentralPerson(ctx, s.read, `person_key=?`, key)
}

// CentralNomination is one nomination received from an office.
type CentralNomination struct {
	ID            int64
	PackageID     int64
	UnitCode      string // the office
	Year          int
	Ref           int64 // the province's nominee id
	Subject       string
	Code          string // staff code or unit code in the office
	CCCD          string
	PersonKey     string // people only
	Name          string
	SubUnit       string // the sub-unit of the person, or the collective itself
	Award         string
	AwardName     string
	Eligible      bool
	Reasons       []string
	Justification string
	Voted         bool
	For           int
	Against       int
	Abstain       int
	Pct           float64
	Passed        bool
	// ConferredBy is who decides the award, as the office sent it; Own
	// marks an award of the office's own director: counted, never decided
	// by the centre.
	ConferredBy string
	Own         bool

	// Read with the lists, from the package.
	UnitName      string
	RoundRef      int64
	RoundName     string
	RoundKind     string
	PackageStatus string
}

// AddCentralNominations inserts the nominations of one package.
func (tx *Tx) AddCentralNominations(ns []CentralNomination) error {
	if len(ns) == 0 {
		return nil
	}
	stmt, err := tx.tx.PrepareContext(tx.ctx, `INSERT INTO central_nomination(package_id, unit_code, year, ref, subject, code, cccd, person_key, name, sub_unit,
		award, award_name, eligible, reasons, justification, voted, vote_for, vote_against, vote_abstain, vote_pct, passed, conferred_by, own)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return fmt.Errorf("add central nominations: %w", err)
	}
	defer stmt.Close()
	for _, n := range ns {
		if _, err := stmt.ExecContext(tx.ctx, n.PackageID, n.UnitCode, n.Year, n.Ref, n.Subject, n.Code, n.CCCD, nullable(n.PersonKey), n.Name, n.SubUnit,
			n.Award, n.AwardName, boolInt(n.Eligible), reasonsJSON(n.Reasons), n.Justification, boolInt(n.Voted), n.For, n.Against, n.Abstain, n.Pct, boolInt(n.Passed), n.ConferredBy, boolInt(n.Own)); err != nil {
			return fmt.Errorf("add central nomination %s %s %s: %w", n.UnitCode, n.Code, n.Award, err)
		}
	}
	return nil
}

// CentralFilter selects nominations; zero fields select everything.
type CentralFilter struct {
	Year        int
	UnitCode    string
	RoundRef    int64
	PersonKey   string
	CurrentOnly bool // only the packages whose data counts (status loaded)
	ID          int64
}

// centralWhere is the WHERE clause selecting the nominations f selects,
// over central_nomination n joined with its central_package p.
func centralWhere(f CentralFilter) (string, []any) {
	var where []string
	var args []any
	if f.Year != 0 {
		where, args = append(where, "n.year=?"), append(args, f.Year)
	}
	if f.UnitCode != "" {
		where, args = append(where, "n.unit_code=?"), append(args, f.UnitCode)
	}
	if f.RoundRef != 0 {
		where, args = append(where, "p.round_ref=?"), append(args, f.RoundRef)
	}
	if f.PersonKey != "" {
		where, args = append(where, "n.person_key=?"), append(args, f.PersonKey)
	}
	if f.CurrentOnly {
		where, args = append(where, "p.status=?"), append(args, PackageLoaded)
	}
	if f.ID != 0 {
		where, args = append(where, "n.id=?"), append(args, f.ID)
	}
	if len(where) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(where, " AND "), args
}

func listCentralNominations(ctx context.Context, q querier, f CentralFilter) ([]CentralNomination, error) {
	w, args := centralWhere(f)
	// The records are large: counting first costs less than growing the
	// slice through 70,000 of them (34 offices of 2,000 nominations).
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM central_nomination n JOIN central_package p ON p.id=n.package_id `+w, args...).Scan(&n); err != nil {
		return nil, fmt.Errorf("count central nominations: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT n.id, n.package_id, n.unit_code, n.year, n.ref, n.subject, n.code, n.cccd, ifnull(n.person_key, ''), n.name, n.sub_unit,
		n.award, n.award_name, n.eligible, n.reasons, n.justification, n.voted, n.vote_for, n.vote_against, n.vote_abstain, n.vote_pct, n.passed, n.conferred_by, n.own,
		p.unit_name, p.round_ref, p.round_name, p.round_kind, p.status
		FROM central_nomination n JOIN central_package p ON p.id=n.package_id `+w+` ORDER BY n.unit_code, n.year, p.id, n.ref`, args...)
	if err != nil {
		return nil, fmt.Errorf("list central nominations: %w", err)
	}
	defer rows.Close()
	out := make([]CentralNomination, 0, n)
	for rows.Next() {
		var n CentralNomination
		var eligible, voted, passed, own int
		var reasons string
		if err := rows.Scan(&n.ID, &n.PackageID, &n.UnitCode, &n.Year, &n.Ref, &n.Subject, &n.Code, &n.CCCD, &n.PersonKey, &n.Name, &n.SubUnit,
			&n.Award, &n.AwardName, &eligible, &reasons, &n.Justification, &voted, &n.For, &n.Against, &n.Abstain, &n.Pct, &passed, &n.ConferredBy, &own,
			&n.UnitName, &n.RoundRef, &n.RoundName, &n.RoundKind, &n.PackageStatus); err != nil {
			return nil, err
		}
		n.Eligible, n.Voted, n.Passed, n.Own = eligible != 0, voted != 0, passed != 0, own != 0
		if err := json.Unmarshal([]byte(reasons), &n.Reasons); err != nil {
			return nil, fmt.Errorf("central nomination %d reasons: %w", n.ID, err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// CentralNominations lists the nominations f selects, by office, year,
// package and the province's order.
func (s *Store) CentralNominations(ctx context.Context, f CentralFilter) ([]CentralNomination, error) {
	return listCentralNominations(ctx, s.read, f)
}

// CentralNominations lists nominations inside the transaction.
func (tx *Tx) CentralNominations(f CentralFilter) ([]CentralNomination, error) {
	return listCentralNominations(tx.ctx, tx.tx, f)
}

// CentralAssessment is an office's self-assessment total for a year.
type CentralAssessment struct {
	PackageID int64
	UnitCode  string
	UnitName  string // read from the package
	Year      int
	Cluster   string
	Total     float64
	Max       float64
}

// SaveCentralAssessment records the self-assessment a package carried.
func (tx *Tx) SaveCentralAssessment(a CentralAssessment) error {
	_, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO central_assessment(package_id, unit_code, year, cluster, total, max) VALUES (?,?,?,?,?,?)
		ON CONFLICT(package_id) DO UPDATE SET unit_code=excluded.unit_code, year=excluded.year, cluster=excluded.cluster, total=excluded.total, max=excluded.max`,
		a.PackageID, a.UnitCode, a.Year, a.Cluster, a.Total, a.Max)
	if err != nil {
		return fmt.Errorf("save assessment of %s: %w", a.UnitCode, err)
	}
	return nil
}

// CentralAssessments lists the current assessments of a year: one per
// office, from its latest current package of that year.
func (s *Store) CentralAssessments(ctx context.Context, year int) ([]CentralAssessment, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.package_id, a.unit_code, p.unit_name, a.year, a.cluster, a.total, a.max
		FROM central_assessment a JOIN central_package p ON p.id=a.package_id
		WHERE a.year=? AND p.status=? ORDER BY a.unit_code, p.created_at DESC, p.id DESC`, year, PackageLoaded)
	if err != nil {
		return nil, fmt.Errorf("list assessments: %w", err)
	}
	defer rows.Close()
	var out []CentralAssessment
	seen := map[string]bool{}
	for rows.Next() {
		var a CentralAssessment
		if err := rows.Scan(&a.PackageID, &a.UnitCode, &a.UnitName, &a.Year, &a.Cluster, &a.Total, &a.Max); err != nil {
			return nil, err
		}
		// An office sends its assessment with each round of the year; the
		// latest package speaks for it.
		if seen[a.UnitCode] {
			continue
		}
		seen[a.UnitCode] = true
		out = append(out, a)
	}
	return out, rows.Err()
}

// CentralOwnDecision is one of an office's own decisions that a package
// reported: the award its director conferred, the Quyết định and how many.
type CentralOwnDecision struct {
	PackageID int64
	UnitCode  string
	UnitName  string // read from the package
	Year      int
	Award     string
	AwardName string
	Number    string
	Date      string // YYYY-MM-DD as sent
	Signer    string
	Count     int
}

// AddCentralOwnDecisions records the own decisions a package reported.
func (tx *Tx) AddCentralOwnDecisions(ds []CentralOwnDecision) error {
	for _, d := range ds {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO central_own_decision(package_id, unit_code, year, award, award_name, number, date, signer, count)
			VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(package_id, award) DO UPDATE SET award_name=excluded.award_name, number=excluded.number,
			date=excluded.date, signer=excluded.signer, count=excluded.count`,
			d.PackageID, d.UnitCode, d.Year, d.Award, d.AwardName, d.Number, d.Date, d.Signer, d.Count); err != nil {
			return fmt.Errorf("add own decision %s %s: %w", d.UnitCode, d.Award, err)
		}
	}
	return nil
}

// CentralOwnDecisions lists the own decisions of a year that the current
// packages reported, by office and award.
func (s *Store) CentralOwnDecisions(ctx context.Context, year int) ([]CentralOwnDecision, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT d.package_id, d.unit_code, p.unit_name, d.year, d.award, d.award_name, d.number, d.date, d.signer, d.count
		FROM central_own_decision d JOIN central_package p ON p.id=d.package_id
		WHERE d.year=? AND p.status=? ORDER BY d.unit_code, p.id, d.award`, year, PackageLoaded)
	if err != nil {
		return nil, fmt.Errorf("list own decisions: %w", err)
	}
	defer rows.Close()
	var out []CentralOwnDecision
	for rows.Next() {
		var d CentralOwnDecision
		if err := rows.Scan(&d.PackageID, &d.UnitCode, &d.UnitName, &d.Year, &d.Award, &d.AwardName, &d.Number, &d.Date, &d.Signer, &d.Count); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ---------------------------------------------------------------------------
// Decisions.

// CentralDecision is a decision of the centre (quyết định khen thưởng).
type CentralDecision struct {
	ID     int64
	Number string
	Date   domain.Date
	Issuer string
	Items  []CentralDecisionItem
}

// CentralDecisionItem grants or refuses one received nomination.
type CentralDecisionItem struct {
	NominationID int64
	Granted      bool
	Reason       string // why refused
}

// AddCentralDecision records a decision with its items and returns its id.
func (tx *Tx) AddCentralDecision(d CentralDecision) (int64, error) {
	res, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO central_decision(number, date, issuer, created_at) VALUES (?,?,?,?)`,
		d.Number, d.Date.ISO(), d.Issuer, tx.now.UTC().Format(time.RFC3339))
	if err != nil {
		return 0, fmt.Errorf("add decision %s: %w", d.Number, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for _, it := range d.Items {
		if _, err := tx.tx.ExecContext(tx.ctx, `INSERT INTO central_decision_item(decision_id, nomination_id, granted, reason) VALUES (?,?,?,?)`,
			id, it.NominationID, boolInt(it.Granted), it.Reason); err != nil {
			return 0, fmt.Errorf("add decision %s item %d: %w", d.Number, it.NominationID, err)
		}
	}
	return id, nil
}

// NominationDecision is a decision item with its decision.
type NominationDecision struct {
	NominationID int64
	DecisionID   int64
	Number       string
	Date         domain.Date
	Issuer       string
	Granted      bool
	Reason       string
}

// NominationDecisions lists the decision items on the nominations f
// selects, the oldest decision first.
func (s *Store) NominationDecisions(ctx context.Context, f CentralFilter) ([]NominationDecision, error) {
	w, args := centralWhere(f)
	rows, err := s.read.QueryContext(ctx, `SELECT i.nomination_id, d.id, d.number, d.date, d.issuer, i.granted, i.reason
		FROM central_decision_item i JOIN central_decision d ON d.id=i.decision_id
		JOIN central_nomination n ON n.id=i.nomination_id JOIN central_package p ON p.id=n.package_id `+w+`
		ORDER BY d.date, d.id, i.nomination_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list decisions: %w", err)
	}
	defer rows.Close()
	var out []NominationDecision
	for rows.Next() {
		var d NominationDecision
		var date string
		var granted int
		if err := rows.Scan(&d.NominationID, &d.DecisionID, &d.Number, &date, &d.Issuer, &granted, &d.Reason); err != nil {
			return nil, err
		}
		d.Date = parseDate(sql.NullString{String: date, Valid: date != ""})
		d.Granted = granted != 0
		out = append(out, d)
	}
	return out, rows.Err()
}
