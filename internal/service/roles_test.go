package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"

	"tdkt/internal/domain"
	"tdkt/internal/pdf"
	"tdkt/internal/rules"
)

// roleExempt are the exported methods without a role check, and why. A
// method that is not here must be in the table of TestRoles_EveryMethod.
var roleExempt = map[string]string{
	"As":                "chooses the account; checks nothing itself",
	"Actor":             "says who is logged in",
	"Store":             "the store for the CLI's integrity check and tests",
	"Today":             "the clock",
	"LastCompletedYear": "the clock",
	"DatabasePath":      "shown on the login screen",
	"Language":          "the login screen is shown in it",
	"IsDemo":            "the login screen shows the demo banner with the demo account",
	"HasAccounts":       "decides between first start and login",
	"Login":             "is how an account gets its service",
	"CreateFirstAdmin":  "only on a database without accounts (TestCreateFirstAdmin_OnlyOnAnEmptyDatabase)",
	"Mode":              "decides which window the door opens (province or centre)",
	"IsCentral":         "decides which window the door opens (province or centre)",
	"HasSigningKey":     "the first start asks for the key when there is none",
	"PublicKey":         "a public key, published in every package",
	"TrustedKeys":       "public keys only; verify needs no account (contracts.md)",
	"BackupOnClose":     "protects the data whoever was logged in, when the window closes",
	"OffsiteReminder":   "the reminder shows before a login",
}

// viewerMayChange are the methods named like a change that a viewer may
// call, and why.
var viewerMayChange = map[string]string{
	"SetLanguage":    "the interface language is a preference, not a record",
	"ChangePassword": "everyone changes their own password",
}

// changePrefixes name the methods that change something or write a file:
// they need at least a clerk (unless listed in viewerMayChange).
var changePrefixes = []string{"Save", "Set", "Delete", "Create", "Add", "Remove", "Import", "Export", "Attach", "Approve",
	"Reopen", "Register", "Propose", "Record", "Sign", "Withdraw", "Restore", "Undo", "Backup", "Copy", "Change", "Reset",
	"Disable", "Enable", "Commit", "Write", "Fill", "Preview", "Release", "Init"}

// roleCase is one row of the role table: the role a method needs and a
// call of it. A nil call is made through reflection with zero arguments
// (a context where one is wanted): enough to meet the check at the top.
type roleCase struct {
	need domain.Role
	call func(s *Service) error
}

// TestRoles_EveryMethod calls every exported method of Service without an
// account, as Chỉ xem, as Chuyên viên TĐKT and as Giám đốc: the roles
// below what the method needs are refused with domain.ErrForbidden, the
// others are not (they may still fail for their own reasons: the fixture
// gives them just enough to pass the check). A method missing from the
// table fails the test, so a new method cannot forget its check.
func TestRoles_EveryMethod(t *testing.T) {
	ctx := context.Background()
	d, st, _ := fillDemo(t, DemoOptions{Staff: 40})
	base := New(st, demoTestClock) // nobody logged in
	L := d.LastCompletedYear()
	people, err := d.People(ctx)
	must(t, err)
	p := people[0]
	rs, err := d.Rounds(ctx)
	must(t, err)
	approved := rs[0].ID
	draft, err := d.CreateRound(ctx, domain.Round{Year: L - 1})
	must(t, err)
	doomed, err := d.CreateRound(ctx, domain.Round{Year: L - 2})
	must(t, err)
	ns, err := d.Nominees(ctx, approved)
	must(t, err)
	nom := ns[0]
	ms, err := d.Movements(ctx)
	must(t, err)
	mov := ms[0].ID
	cs, err := d.Criteria(ctx, L)
	must(t, err)
	code := cs[len(cs)-1].Code
	viewerAcc, err := d.CreateAccount(ctx, domain.Account{Username: "xem.thu", FullName: "Xem thử", Role: domain.RoleViewer}, "mat-khau-xem")
	must(t, err)
	profile, _, err := d.Profile(ctx)
	must(t, err)
	// Zero-argument calls that pass the check may write "" paths: keep them here.
	t.Chdir(t.TempDir())

	V, C, D := domain.RoleViewer, domain.RoleClerk, domain.RoleDirector
	empty := func() io.Reader { return bytes.NewReader(nil) }
	table := map[string]roleCase{
		// Accounts.
		"Accounts": {D, func(s *Service) error { _, err := s.Accounts(ctx); return err }},
		"CreateAccount": {D, func(s *Service) error {
			_, err := s.CreateAccount(ctx, domain.Account{Username: "moi.tk", FullName: "Mới", Role: V}, "mat-khau-moi")
			return err
		}},
		"SetAccountRole": {D, func(s *Service) error { return s.SetAccountRole(ctx, viewerAcc.ID, V) }},
		"DisableAccount": {D, func(s *Service) error { return s.DisableAccount(ctx, viewerAcc.ID) }},
		"EnableAccount":  {D, func(s *Service) error { return s.EnableAccount(ctx, viewerAcc.ID) }},
		"ResetPassword":  {D, func(s *Service) error { return s.ResetPassword(ctx, viewerAcc.ID, "mat-khau-moi-2") }},
		"ChangePassword": {V, func(s *Service) error { return s.ChangePassword(ctx, "sai", "mat-khau-moi-3") }},
		// Office, catalogue, settings, backup, demo.
		"Profile":               {V, func(s *Service) error { _, _, err := s.Profile(ctx); return err }},
		"SaveProfile":           {D, func(s *Service) error { return s.SaveProfile(ctx, profile) }},
		"Catalogue":             {V, func(s *Service) error { _, err := s.Catalogue(ctx); return err }},
		"Params":                {V, func(s *Service) error { _, err := s.Params(ctx); return err }},
		"SaveParam":             {D, func(s *Service) error { return s.SaveParam(ctx, 0, rules.Param{}) }},
		"DeleteParam":           {D, func(s *Service) error { return s.DeleteParam(ctx, 999999) }},
		"SaveAwardType":         {D, func(s *Service) error { return s.SaveAwardType(ctx, rules.AwardType{}) }},
		"SaveAwardAuthority":    {D, func(s *Service) error { return s.SaveAwardAuthority(ctx, rules.AwardAuthority{}) }},
		"SetLanguage":           {V, func(s *Service) error { return s.SetLanguage(ctx, "vi") }},
		"BackupTo":              {C, func(s *Service) error { _, err := s.BackupTo(ctx, t.TempDir()); return err }},
		"FillDemo":              {D, func(s *Service) error { return s.FillDemo(ctx, DemoOptions{Staff: 30}, nil) }},
		"Overview":              {V, func(s *Service) error { _, err := s.Overview(ctx); return err }},
		"CertificateLayout":     {V, func(s *Service) error { _, err := s.CertificateLayout(ctx); return err }},
		"SaveCertificateLayout": {C, func(s *Service) error { return s.SaveCertificateLayout(ctx, pdf.DefaultCertificateLayout()) }},
		// Units, people and their history.
		"Units":            {V, func(s *Service) error { _, err := s.Units(ctx); return err }},
		"SaveUnit":         {C, func(s *Service) error { return s.SaveUnit(ctx, domain.Unit{}) }},
		"DeleteUnit":       {C, func(s *Service) error { return s.DeleteUnit(ctx, "KHONG-CO") }},
		"People":           {V, func(s *Service) error { _, err := s.People(ctx); return err }},
		"DeletedPeople":    {V, func(s *Service) error { _, err := s.DeletedPeople(ctx); return err }},
		"SavePerson":       {C, func(s *Service) error { _, err := s.SavePerson(ctx, domain.Person{}, domain.Date{}); return err }},
		"DeletePerson":     {C, func(s *Service) error { return s.DeletePerson(ctx, 999999) }},
		"RestorePerson":    {C, func(s *Service) error { return s.RestorePerson(ctx, 999999) }},
		"Assignments":      {V, func(s *Service) error { _, err := s.Assignments(ctx, p.ID); return err }},
		"Ratings":          {V, func(s *Service) error { _, err := s.Ratings(ctx, domain.PersonSubject(p.StaffCode)); return err }},
		"SetRating":        {C, func(s *Service) error { return s.SetRating(ctx, domain.RatingRecord{}) }},
		"DeleteRating":     {C, func(s *Service) error { return s.DeleteRating(ctx, domain.PersonSubject(p.StaffCode), 1990) }},
		"Awards":           {V, func(s *Service) error { _, err := s.Awards(ctx, domain.PersonSubject(p.StaffCode)); return err }},
		"SaveAward":        {C, func(s *Service) error { return s.SaveAward(ctx, domain.AwardRecord{}) }},
		"DeleteAward":      {C, func(s *Service) error { return s.DeleteAward(ctx, 999999) }},
		"Initiatives":      {V, func(s *Service) error { _, err := s.Initiatives(ctx, p.StaffCode); return err }},
		"SaveInitiative":   {C, func(s *Service) error { return s.SaveInitiative(ctx, domain.Initiative{}) }},
		"DeleteInitiative": {C, func(s *Service) error { return s.DeleteInitiative(ctx, 999999) }},
		"Disciplines":      {V, func(s *Service) error { _, err := s.Disciplines(ctx, p.StaffCode); return err }},
		"SaveDiscipline":   {C, func(s *Service) error { return s.SaveDiscipline(ctx, domain.Discipline{}) }},
		"DeleteDiscipline": {C, func(s *Service) error { return s.DeleteDiscipline(ctx, 999999) }},
		// Imports.
		"ImportTemplate":        {C, func(s *Service) error { return s.ImportTemplate(ImportStaff, io.Discard) }},
		"PreviewImport":         {C, func(s *Service) error { _, err := s.PreviewImport(ctx, ImportStaff, empty(), nil); return err }},
		"CommitImport":          {C, func(s *Service) error { _, err := s.CommitImport(ctx, nil); return err }},
		"WriteImportReport":     {C, func(s *Service) error { return s.WriteImportReport(&ImportPreview{}, io.Discard) }},
		"PreviewCriteriaImport": {C, func(s *Service) error { _, err := s.PreviewCriteriaImport(ctx, L, empty()); return err }},
		"CommitCriteriaImport":  {C, func(s *Service) error { return s.CommitCriteriaImport(ctx, nil) }},
		"ImportClusterTotals":   {C, func(s *Service) error { _, err := s.ImportClusterTotals(ctx, L, empty()); return err }},
		// Emulation: movements, registration, targets, cluster, self-assessment.
		"Movements":            {V, func(s *Service) error { _, err := s.Movements(ctx); return err }},
		"SaveMovement":         {C, func(s *Service) error { _, err := s.SaveMovement(ctx, domain.Movement{}); return err }},
		"DeleteMovement":       {C, func(s *Service) error { return s.DeleteMovement(ctx, 999999) }},
		"Registrations":        {V, func(s *Service) error { _, err := s.Registrations(ctx, L); return err }},
		"SaveRegistration":     {C, func(s *Service) error { return s.SaveRegistration(ctx, domain.Registration{}) }},
		"RegisterUnitStaff":    {C, func(s *Service) error { _, err := s.RegisterUnitStaff(ctx, L, "KHONG-CO", "LDTT"); return err }},
		"RegistrationWarnings": {V, func(s *Service) error { _, err := s.RegistrationWarnings(ctx, L); return err }},
		"TargetValues":         {V, func(s *Service) error { _, err := s.TargetValues(ctx, L, DemoUnitCode); return err }},
		"SaveTargetValue":      {C, func(s *Service) error { return s.SaveTargetValue(ctx, domain.TargetValue{}) }},
		"DeleteTargetValue":    {C, func(s *Service) error { return s.DeleteTargetValue(ctx, L, DemoUnitCode, 999999) }},
		"Cluster":              {V, func(s *Service) error { _, _, err := s.Cluster(ctx, L); return err }},
		"SaveCluster":          {C, func(s *Service) error { return s.SaveCluster(ctx, domain.Cluster{}) }},
		"Criteria":             {V, func(s *Service) error { _, err := s.Criteria(ctx, L); return err }},
		"SaveCriteria":         {C, func(s *Service) error { _, err := s.SaveCriteria(ctx, 1900, nil); return err }},
		"SelfScores":           {V, func(s *Service) error { _, err := s.SelfScores(ctx, L); return err }},
		"SaveSelfScore":        {C, func(s *Service) error { return s.SaveSelfScore(ctx, domain.SelfScore{Year: L, Code: "KHONG-CO"}) }},
		"DeleteSelfScore":      {C, func(s *Service) error { return s.DeleteSelfScore(ctx, L, "KHONG-CO") }},
		"SuggestScore":         {V, func(s *Service) error { _, _, err := s.SuggestScore(ctx, L, code); return err }},
		"AttachEvidence":       {C, func(s *Service) error { return s.AttachEvidence(ctx, L, "KHONG-CO", "a.pdf", []byte("%PDF")) }},
		"Evidence":             {V, func(s *Service) error { _, err := s.Evidence(ctx, L, code); return err }},
		"EvidenceFile":         {V, func(s *Service) error { _, err := s.EvidenceFile(ctx, L, code, "khong-co.pdf"); return err }},
		"RemoveEvidence":       {C, func(s *Service) error { return s.RemoveEvidence(ctx, L, code, "khong-co.pdf") }},
		"RatingsForYear":       {V, func(s *Service) error { _, _, err := s.RatingsForYear(ctx, L); return err }},
		"SetRatings":           {C, func(s *Service) error { _, err := s.SetRatings(ctx, L, nil, nil); return err }},
		"SignOffAssessment":    {D, func(s *Service) error { return s.SignOffAssessment(ctx, L) }},
		"AssessmentSignOff":    {V, func(s *Service) error { _, _, _, err := s.AssessmentSignOff(ctx, L); return err }},
		"WithdrawSignOff":      {D, func(s *Service) error { return s.WithdrawSignOff(ctx, L) }},
		"RegistrationInput":    {V, func(s *Service) error { _, err := s.RegistrationInput(ctx, L); return err }},
		"AssessmentInput":      {V, func(s *Service) error { _, err := s.AssessmentInput(ctx, L); return err }},
		"MovementReviewInput":  {V, func(s *Service) error { _, err := s.MovementReviewInput(ctx, mov); return err }},
		"ExportRegistration":   {C, func(s *Service) error { return s.ExportRegistration(ctx, L, "xlsx", io.Discard) }},
		"ExportAssessment":     {C, func(s *Service) error { return s.ExportAssessment(ctx, L, "xlsx", io.Discard) }},
		"ExportMovementReview": {C, func(s *Service) error { return s.ExportMovementReview(ctx, mov, "xlsx", io.Discard) }},
		// The five-year cycle.
		"Periods":             {V, nil},
		"PeriodID":            {V, func(s *Service) error { _, err := s.PeriodID(ctx, L-5, L); return err }},
		"PeriodInput":         {V, func(s *Service) error { _, err := s.PeriodInput(ctx, L-5, L); return err }},
		"ExemplaryCandidates": {V, func(s *Service) error { _, err := s.ExemplaryCandidates(ctx, L-5, L); return err }},
		"SavePeriod":          {C, nil},
		"ExportPeriod":        {C, func(s *Service) error { return s.ExportPeriod(ctx, L-5, L, "xlsx", io.Discard) }},
		"Models":              {V, nil},
		"ModelsInput":         {V, nil},
		"SelectedModels":      {V, nil},
		"PeriodData":          {V, nil},
		"ProposeModels":       {C, nil},
		"AddModel":            {C, nil},
		"SaveModel":           {C, nil},
		"RemoveModel":         {C, nil},
		"ExportModels":        {C, nil},
		"ExportPeriodPackage": {C, nil},
		"CentralModels":       {V, nil},
		"ExportCentralModels": {C, nil},
		"Eligibility":         {V, func(s *Service) error { _, err := s.Eligibility(ctx, L, "HTI-KHTC"); return err }},
		"EligibilityHistory":  {V, func(s *Service) error { _, err := s.EligibilityHistory(ctx, L); return err }},
		"KeptEligibility":     {V, func(s *Service) error { _, _, err := s.KeptEligibility(ctx, L, "HTI-KHTC"); return err }},
		// Rounds.
		"Rounds":         {V, func(s *Service) error { _, err := s.Rounds(ctx); return err }},
		"NomineeCounts":  {V, func(s *Service) error { _, err := s.NomineeCounts(ctx); return err }},
		"Round":          {V, func(s *Service) error { _, err := s.Round(ctx, approved); return err }},
		"RoundEvents":    {V, func(s *Service) error { _, err := s.RoundEvents(ctx, approved); return err }},
		"CreateRound":    {C, func(s *Service) error { _, err := s.CreateRound(ctx, domain.Round{Year: L}); return err }},
		"SetRoundStatus": {C, func(s *Service) error { return s.SetRoundStatus(ctx, draft, domain.StatusSubmitted) }},
		"ReopenRound":    {C, func(s *Service) error { return s.ReopenRound(ctx, draft, "") }},
		"DeleteRound":    {C, func(s *Service) error { return s.DeleteRound(ctx, doomed) }},
		"Nominees":       {V, func(s *Service) error { _, err := s.Nominees(ctx, approved); return err }},
		"AddNominee": {C, func(s *Service) error {
			_, err := s.AddNominee(ctx, draft, domain.PersonSubject(p.StaffCode), "GK")
			return err
		}},
		"ProposeEligible":   {C, func(s *Service) error { _, err := s.ProposeEligible(ctx, draft, "GK"); return err }},
		"RemoveNominee":     {C, func(s *Service) error { return s.RemoveNominee(ctx, 999999) }},
		"SaveNominee":       {C, func(s *Service) error { return s.SaveNominee(ctx, nom) }},
		"AttachNomineeFile": {C, func(s *Service) error { return s.AttachNomineeFile(ctx, nom.ID, "a.pdf", []byte("%PDF")) }},
		"NomineeFile":       {V, func(s *Service) error { _, err := s.NomineeFile(ctx, nom.ID, "khong-co.pdf"); return err }},
		"Council":           {V, func(s *Service) error { _, err := s.Council(ctx, approved); return err }},
		"SaveCouncil":       {C, func(s *Service) error { return s.SaveCouncil(ctx, domain.Council{RoundID: draft}) }},
		"VoteResult":        {V, func(s *Service) error { _, err := s.VoteResult(ctx, approved); return err }},
		"Checklist":         {V, func(s *Service) error { _, err := s.Checklist(ctx, approved); return err }},
		"RoundProblems":     {V, func(s *Service) error { _, err := s.RoundProblems(ctx, approved); return err }},
		"RoundSummary":      {V, func(s *Service) error { _, err := s.RoundSummary(ctx, approved); return err }},
		"ReturnRound":       {D, func(s *Service) error { return s.ReturnRound(ctx, approved, "sửa") }},
		"SetRoundSchedule":  {C, func(s *Service) error { return s.SetRoundSchedule(ctx, approved, RoundSchedule{SubmissionNumber: 3}) }},
		"ScheduleWarnings":  {V, func(s *Service) error { _, err := s.ScheduleWarnings(ctx, approved); return err }},
		"RoundConferrals":   {V, func(s *Service) error { _, err := s.RoundConferrals(ctx, approved); return err }},
		"RoundDecisions":    {V, func(s *Service) error { _, err := s.RoundDecisions(ctx, approved); return err }},
		"DecideAward": {C, func(s *Service) error {
			_, err := s.DecideAward(ctx, approved, Decision{Award: "CSTDCS", Number: "1", Date: s.Today()})
			return err
		}},
		"DossierInput":      {V, func(s *Service) error { _, err := s.DossierInput(ctx, approved); return err }},
		"ExportDossier":     {C, func(s *Service) error { return s.ExportDossier(ctx, approved, t.TempDir(), DossierOptions{Docx: true}) }},
		"RoundCertificates": {V, func(s *Service) error { _, err := s.RoundCertificates(ctx, approved, "", domain.Date{}); return err }},
		"ExportCertificates": {C, func(s *Service) error {
			return s.ExportCertificates(ctx, approved, "", domain.Date{}, io.Discard)
		}},
		"ExportCalibration": {C, func(s *Service) error { return s.ExportCalibration(ctx, io.Discard) }},

		// Signing keys, packages, the centre, feedback, the journal, backups:
		// called with zero arguments.
		"CreateSigningKey":    {D, nil},
		"ChangePassphrase":    {D, nil},
		"PublicKeyFile":       {V, nil},
		"ExportKeySheet":      {C, func(s *Service) error { return s.ExportKeySheet(ctx, io.Discard) }},
		"SetCentralKey":       {D, nil},
		"CentralKey":          {V, nil},
		"ExportPackage":       {C, nil},
		"PackageData":         {V, nil},
		"Packages":            {V, nil},
		"VerifyPackage":       {V, nil},
		"InitCentral":         {D, nil},
		"CentralKeyFile":      {V, nil},
		"AddUnitKey":          {D, nil},
		"UnitKeys":            {V, nil},
		"RemoveUnitKey":       {D, nil},
		"CentralImport":       {C, nil},
		"ReleaseHeld":         {C, nil},
		"CentralPackages":     {V, nil},
		"CentralNominations":  {V, nil},
		"CentralPerson":       {V, nil},
		"CentralReport":       {V, nil},
		"ExportCentralReport": {C, nil},
		"RecordDecision":      {D, nil},
		"ExportFeedback":      {C, nil},
		"ImportFeedback":      {C, nil},
		"Feedbacks":           {V, nil},
		"Journal":             {V, nil},
		"VerifyJournal":       {V, nil},
		"Deletions":           {V, nil},
		"UndoDeletion":        {C, nil},
		"Backups":             {V, nil},
		"BackupNow":           {C, nil},
		"CopyBackup":          {C, nil},
		"RestoreBackup":       {D, nil},
		"DescribeBackup":      {V, nil},
		"MayRestore":          {D, nil},
	}

	actors := []struct {
		name string
		svc  *Service
		role domain.Role // "": nobody logged in
	}{
		{"không đăng nhập", base, ""},
		{"Chỉ xem", base.As(domain.Account{Username: "r.xem", Role: V}), V},
		{"Chuyên viên", base.As(domain.Account{Username: "r.cv", Role: C}), C},
		{"Giám đốc", base.As(domain.Account{Username: "r.gd", Role: D}), D},
		{"Giám đốc bị khóa", base.As(domain.Account{Username: "r.gd2", Role: D, Disabled: true}), ""},
	}
	typ := reflect.TypeOf(base)
	var names []string
	for i := 0; i < typ.NumMethod(); i++ {
		names = append(names, typ.Method(i).Name)
	}
	sort.Strings(names)
	seen := map[string]bool{}
	for _, name := range names {
		seen[name] = true
		if _, ok := roleExempt[name]; ok {
			continue
		}
		rc, ok := table[name]
		if !ok {
			t.Errorf("Service.%s is not in the role table: give it `if err := s.require(role); err != nil` at its top and a row here", name)
			continue
		}
		if changeName(name) && !rc.need.Allows(domain.RoleClerk) && viewerMayChange[name] == "" {
			t.Errorf("Service.%s changes something or writes a file but needs only %s", name, rc.need.Label())
		}
		for _, a := range actors {
			err := callRole(t, a.svc, name, rc.call)
			refuse := a.role == "" || !a.role.Allows(rc.need)
			if refuse && !errors.Is(err, domain.ErrForbidden) {
				t.Errorf("%s as %s: %v; want refused (needs %s)", name, a.name, err, rc.need.Label())
			}
			if !refuse && errors.Is(err, domain.ErrForbidden) {
				t.Errorf("%s as %s: refused: %v", name, a.name, err)
			}
		}
	}
	for name := range table {
		if !seen[name] {
			t.Errorf("the role table names %s, which Service does not have", name)
		}
	}
	for name := range roleExempt {
		if !seen[name] {
			t.Errorf("roleExempt names %s, which Service does not have", name)
		}
	}
}

// changeName reports whether name starts with a change verb as a whole
// word (DeleteUnit, not DeletedPeople; InitCentral, not Initiatives).
func changeName(name string) bool {
	for _, p := range changePrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && (rest == "" || unicode.IsUpper([]rune(rest)[0])) {
			return true
		}
	}
	return false
}

// callRole calls a row of the table; a row without a call is called with
// zero arguments through reflection. A panic (zero arguments past the
// check) counts as "not refused".
func callRole(t *testing.T, s *Service, name string, call func(*Service) error) (err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic after the check: %v", p)
		}
	}()
	if call != nil {
		return call(s)
	}
	m := reflect.ValueOf(s).MethodByName(name)
	mt := m.Type()
	args := make([]reflect.Value, mt.NumIn())
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	for i := range args {
		if mt.In(i) == ctxType {
			args[i] = reflect.ValueOf(context.Background())
		} else {
			args[i] = reflect.Zero(mt.In(i))
		}
	}
	out := m.Call(args)
	if len(out) == 0 {
		return fmt.Errorf("%s returns no error: it cannot refuse", name)
	}
	last := out[len(out)-1]
	if last.Type() != reflect.TypeOf((*error)(nil)).Elem() {
		return fmt.Errorf("%s returns no error: it cannot refuse", name)
	}
	if last.IsNil() {
		return nil
	}
	return last.Interface().(error)
}

// ---------------------------------------------------------------------------
// The round's status flow.

func TestRoundFlow_OnlyADirectorApprovesAndReopensAnApprovedRound(t *testing.T) {
	ctx := context.Background()
	d, st, _ := fillDemo(t, DemoOptions{Staff: 40})
	base := New(st, demoTestClock)
	clerk := base.As(domain.Account{Username: "cv.lan", Role: domain.RoleClerk})
	viewer := base.As(domain.Account{Username: "xem", Role: domain.RoleViewer})
	L := d.LastCompletedYear()
	id, err := clerk.CreateRound(ctx, domain.Round{Year: L - 1})
	must(t, err)
	n, err := clerk.ProposeEligible(ctx, id, "TTLDTT")
	if err != nil || n == 0 {
		t.Fatalf("propose: %d %v", n, err)
	}
	voteAll(t, clerk, id)
	if err := viewer.SetRoundStatus(ctx, id, domain.StatusSubmitted); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a viewer submitted: %v", err)
	}
	must(t, clerk.SetRoundStatus(ctx, id, domain.StatusSubmitted))
	// The clerk may take back what they submitted, without a reason.
	must(t, clerk.ReopenRound(ctx, id, ""))
	must(t, clerk.SetRoundStatus(ctx, id, domain.StatusSubmitted))
	if err := clerk.SetRoundStatus(ctx, id, domain.StatusApproved); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a clerk approved: %v", err)
	}
	if r, _ := d.Round(ctx, id); r.Status != domain.StatusSubmitted {
		t.Fatalf("refused approval changed the status to %s", r.Status)
	}
	must(t, d.SetRoundStatus(ctx, id, domain.StatusApproved))
	// Frozen: nothing changes while approved.
	if _, err := clerk.AddNominee(ctx, id, domain.PersonSubject(DemoUnitCode+"0001"), "GK"); !errors.Is(err, domain.ErrInUse) {
		t.Errorf("add to an approved round: %v", err)
	}
	if err := clerk.DeleteRound(ctx, id); !errors.Is(err, domain.ErrInUse) {
		t.Errorf("delete an approved round: %v", err)
	}
	// Reopening an approved round: not by a clerk, not without a reason.
	err = clerk.ReopenRound(ctx, id, "Bổ sung hồ sơ")
	if !errors.Is(err, domain.ErrForbidden) || !strings.Contains(err.Error(), "Giám đốc") {
		t.Fatalf("a clerk reopened an approved round: %v", err)
	}
	if err := clerk.SetRoundStatus(ctx, id, domain.StatusDraft); err == nil {
		t.Fatal("a clerk reopened an approved round through SetRoundStatus")
	}
	wantField(t, "reopen without a reason", d.ReopenRound(ctx, id, "   "), FieldReopenReason)
	wantField(t, "reopen through SetRoundStatus", d.SetRoundStatus(ctx, id, domain.StatusDraft), FieldReopenReason)
	if r, _ := d.Round(ctx, id); r.Status != domain.StatusApproved {
		t.Fatalf("refused reopening changed the status to %s", r.Status)
	}
	must(t, d.ReopenRound(ctx, id, "  Hội đồng họp lại theo ý kiến của Giám đốc  "))
	must(t, clerk.SetRoundStatus(ctx, id, domain.StatusSubmitted))
	must(t, d.SetRoundStatus(ctx, id, domain.StatusApproved))
	must(t, clerk.SetRoundStatus(ctx, id, domain.StatusSent))
	// Sent is final, for a director too.
	for _, to := range []domain.RoundStatus{domain.StatusDraft, domain.StatusSubmitted, domain.StatusApproved} {
		if err := d.SetRoundStatus(ctx, id, to); err == nil {
			t.Errorf("sent → %s accepted", to)
		}
	}
	if err := d.ReopenRound(ctx, id, "Sửa sau khi gửi"); !errors.Is(err, domain.ErrInUse) {
		t.Errorf("reopen a sent round: %v", err)
	}

	// The history has every change, with who and why.
	es, err := viewer.RoundEvents(ctx, id)
	must(t, err)
	type ev struct {
		from, to domain.RoundStatus
		actor    string
		reason   string
	}
	want := []ev{
		{"", domain.StatusDraft, "cv.lan", ""},
		{domain.StatusDraft, domain.StatusSubmitted, "cv.lan", ""},
		{domain.StatusSubmitted, domain.StatusDraft, "cv.lan", ""},
		{domain.StatusDraft, domain.StatusSubmitted, "cv.lan", ""},
		{domain.StatusSubmitted, domain.StatusApproved, DemoUser, ""},
		{domain.StatusApproved, domain.StatusDraft, DemoUser, "Hội đồng họp lại theo ý kiến của Giám đốc"},
		{domain.StatusDraft, domain.StatusSubmitted, "cv.lan", ""},
		{domain.StatusSubmitted, domain.StatusApproved, DemoUser, ""},
		{domain.StatusApproved, domain.StatusSent, "cv.lan", ""},
	}
	var got []ev
	for _, e := range es {
		got = append(got, ev{e.From, e.To, e.Actor, e.Reason})
		if !e.At.Equal(demoTestClock()) {
			t.Errorf("event at %v, want the service's clock", e.At)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("history\n got %+v\nwant %+v", got, want)
	}
	if _, err := viewer.RoundEvents(ctx, 999999); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("history of a missing round: %v", err)
	}
}

// ---------------------------------------------------------------------------
// The sign-off of a year's self-assessment.

func TestSignOff_FreezesTheYearsScoresUntilWithdrawn(t *testing.T) {
	ctx := context.Background()
	d, st, _ := fillDemo(t, DemoOptions{Staff: 40})
	clerk := New(st, demoTestClock).As(domain.Account{Username: "cv.lan", Role: domain.RoleClerk})
	L := d.LastCompletedYear()
	scores, err := d.SelfScores(ctx, L)
	must(t, err)
	if len(scores) == 0 {
		t.Fatal("the demo has no self-scores")
	}
	sc := scores[0]
	cs, err := d.Criteria(ctx, L)
	must(t, err)

	if _, _, ok, err := clerk.AssessmentSignOff(ctx, L); ok || err != nil {
		t.Fatalf("signed off before anyone signed: %v %v", ok, err)
	}
	if err := clerk.SignOffAssessment(ctx, L); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a clerk signed off: %v", err)
	}
	wantField(t, "sign off a year without a scoring table", d.SignOffAssessment(ctx, 1990), FieldYear)
	must(t, d.SignOffAssessment(ctx, L))
	who, at, ok, err := clerk.AssessmentSignOff(ctx, L)
	if !ok || err != nil || who != DemoUser || !at.Equal(demoTestClock()) {
		t.Fatalf("sign-off read back: %q %v %v %v", who, at, ok, err)
	}

	refused := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, domain.ErrInUse) || !strings.Contains(err.Error(), "rút lại ký duyệt") || !strings.Contains(err.Error(), DemoUser) {
			t.Errorf("%s in a signed-off year: %v", what, err)
		}
	}
	changed := sc
	changed.Note = "sửa sau khi ký"
	refused("clerk saves a score", clerk.SaveSelfScore(ctx, changed))
	refused("director saves a score", d.SaveSelfScore(ctx, changed))
	refused("delete a score", clerk.DeleteSelfScore(ctx, L, sc.Code))
	_, err = clerk.SaveCriteria(ctx, L, cs)
	refused("save the criteria", err)
	refused("attach evidence", clerk.AttachEvidence(ctx, L, sc.Code, "bien-ban.pdf", []byte("%PDF")))
	refused("remove evidence", clerk.RemoveEvidence(ctx, L, sc.Code, "bien-ban.pdf"))
	if after, _ := d.SelfScores(ctx, L); !reflect.DeepEqual(after, scores) {
		t.Error("a refused change changed the scores")
	}
	// Another year is not frozen.
	if _, err := clerk.SaveCriteria(ctx, L+1, nil); errors.Is(err, domain.ErrInUse) {
		t.Errorf("the sign-off of %d froze %d: %v", L, L+1, err)
	}

	if err := clerk.WithdrawSignOff(ctx, L); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a clerk withdrew the sign-off: %v", err)
	}
	must(t, d.WithdrawSignOff(ctx, L))
	if _, _, ok, _ := clerk.AssessmentSignOff(ctx, L); ok {
		t.Fatal("still signed off after the withdrawal")
	}
	must(t, clerk.SaveSelfScore(ctx, changed))
}
