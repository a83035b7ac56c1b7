// Package nominations is the "Xét khen thưởng" area of the desktop
// application: at the close of a year the clerk sees who is eligible for
// which award and why (with the CSTĐCS quota and its ranking), opens a
// nomination round (đợt đề nghị khen thưởng), proposes everyone eligible in
// one action, removes and adds nominees (an ineligible one only with the
// director's written justification), edits each nominee's achievement
// report (báo cáo thành tích, sections II.1–3) and sees the documents its
// dossier still lacks, records the emulation council's meeting (attendance
// and the counts of its vote, which the thresholds turn into a result),
// moves the round through its approval flow and generates the dossier.
//
// The area talks to the use cases through nominationService, the few
// methods it needs. Eligibility (a tenth of a second for a large office)
// and the dossier run off the UI goroutine; reading and saving a round is
// synchronous.
package nominations

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// nominationService is what this area needs from the use cases.
type nominationService interface {
	LastCompletedYear() int
	Catalogue(ctx context.Context) (rules.Catalogue, error)
	Units(ctx context.Context) ([]domain.Unit, error)
	People(ctx context.Context) ([]domain.Person, error)
	Eligibility(ctx context.Context, year int, unitCode string) ([]rules.Verdict, error)
	KeptEligibility(ctx context.Context, year int, unitCode string) ([]rules.Verdict, bool, error)

	Rounds(ctx context.Context) ([]domain.Round, error)
	NomineeCounts(ctx context.Context) (map[int64]int, error)
	CreateRound(ctx context.Context, r domain.Round) (int64, error)
	SetRoundStatus(ctx context.Context, roundID int64, status domain.RoundStatus) error
	ReopenRound(ctx context.Context, roundID int64, reason string) error
	Actor() (domain.Account, bool)
	DeleteRound(ctx context.Context, roundID int64) error

	Nominees(ctx context.Context, roundID int64) ([]domain.Nominee, error)
	AddNominee(ctx context.Context, roundID int64, sub domain.Subject, award string) (domain.Nominee, error)
	ProposeEligible(ctx context.Context, roundID int64, award string) (int, error)
	RemoveNominee(ctx context.Context, nomineeID int64) error
	SaveNominee(ctx context.Context, n domain.Nominee) error
	Checklist(ctx context.Context, roundID int64) (map[int64][]service.ChecklistItem, error)
	AttachNomineeFile(ctx context.Context, nomineeID int64, name string, content []byte) error
	NomineeFile(ctx context.Context, nomineeID int64, name string) ([]byte, error)

	Council(ctx context.Context, roundID int64) (domain.Council, error)
	SaveCouncil(ctx context.Context, c domain.Council) error
	VoteResult(ctx context.Context, roundID int64) (map[int64]service.VoteOutcome, error)

	ExportDossier(ctx context.Context, roundID int64, dir string, opt service.DossierOptions) error
	RoundSummary(ctx context.Context, roundID int64) (service.RoundSummary, error)
	ReturnRound(ctx context.Context, roundID int64, reason string) error

	Round(ctx context.Context, roundID int64) (domain.Round, error)
	SetRoundSchedule(ctx context.Context, roundID int64, sc service.RoundSchedule) error
	ScheduleWarnings(ctx context.Context, roundID int64) ([]string, error)
	RoundConferrals(ctx context.Context, roundID int64) (map[string]rules.Conferral, error)
	RoundDecisions(ctx context.Context, roundID int64) ([]domain.RoundDecision, error)
	DecideAward(ctx context.Context, roundID int64, d service.Decision) (int, error)
}

var _ nominationService = (*service.Service)(nil)

// View is the "Xét khen thưởng" area.
type View struct {
	svc nominationService
	win fyne.Window
	ctx context.Context
	run kit.Runner

	// Data as last loaded.
	catalogue rules.Catalogue
	units     []domain.Unit
	tree      *domain.UnitTree
	people    []domain.Person          // sorted the Vietnamese way
	byStaff   map[string]domain.Person // staff code → person
	order     map[domain.Subject]int   // people in name order, then units in tree order

	eligibility *eligibilityTab
	rounds      *roundsTab
	council     *councilTab

	tabs    *container.AppTabs
	banner  *fyne.Container
	confirm *dialog.ConfirmDialog // the last question asked (tests answer it)
	dlg     dialog.Dialog         // the last form shown (tests read and close it)
	lastErr error                 // the last error shown (tests read it)

	content fyne.CanvasObject
}

// New builds the area over svc; call Reload to fill it.
func New(svc *service.Service, win fyne.Window) *View { return newView(svc, win, kit.RunLong) }

func newView(svc nominationService, win fyne.Window, run kit.Runner) *View {
	v := &View{svc: svc, win: win, ctx: context.Background(), run: run, tree: domain.NewUnitTree(nil)}
	v.eligibility = newEligibilityTab(v)
	v.rounds = newRoundsTab(v)
	v.council = newCouncilTab(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Đủ điều kiện"), v.eligibility.content),
		container.NewTabItem(lang.L("Đợt đề nghị"), v.rounds.content),
		container.NewTabItem(lang.L("Hội đồng"), v.council.content),
	)
	v.tabs.OnSelected = func(ti *container.TabItem) {
		if ti.Content == v.council.content {
			v.council.load()
		}
	}
	v.banner = container.NewVBox()
	v.content = container.NewBorder(container.NewVBox(kit.Heading("Xét khen thưởng"), v.banner), nil, nil, nil, v.tabs)
	return v
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload re-reads everything the area shows.
func (v *View) Reload() {
	if err := v.load(); err != nil {
		v.showError(err)
	}
	v.eligibility.refresh()
	v.rounds.refresh()
	v.council.load()
}

func (v *View) load() error {
	cat, err := v.svc.Catalogue(v.ctx)
	if err != nil {
		return fmt.Errorf("read catalogue: %w", err)
	}
	v.catalogue = cat
	units, err := v.svc.Units(v.ctx)
	if err != nil {
		return fmt.Errorf("read units: %w", err)
	}
	v.units = units
	v.tree = domain.NewUnitTree(units)
	people, err := v.svc.People(v.ctx)
	if err != nil {
		return fmt.Errorf("read people: %w", err)
	}
	domain.SortPeople(people)
	v.people = people
	v.byStaff = make(map[string]domain.Person, len(people))
	v.order = make(map[domain.Subject]int, len(people)+len(units))
	for i, p := range people {
		v.byStaff[p.StaffCode] = p
		v.order[domain.PersonSubject(p.StaffCode)] = i
	}
	for i, c := range v.tree.Order {
		v.order[domain.UnitSubject(c)] = len(people) + i
	}
	return nil
}

// subjectName is the name people read for a person or a collective.
func (v *View) subjectName(s domain.Subject) string {
	if s.Kind == domain.SubjectPerson {
		if p, ok := v.byStaff[s.Code]; ok {
			return p.FullName
		}
		return s.Code
	}
	return v.tree.Name(s.Code)
}

// subjectUnit is the unit a person works in, or the unit above a collective.
func (v *View) subjectUnit(s domain.Subject) string {
	if s.Kind == domain.SubjectPerson {
		if p, ok := v.byStaff[s.Code]; ok {
			return v.tree.Name(p.UnitCode)
		}
		return ""
	}
	if u, ok := v.tree.ByCode[s.Code]; ok && u.ParentCode != "" {
		return v.tree.Name(u.ParentCode)
	}
	return ""
}

// awardName is the catalogue's name of an award code.
func (v *View) awardName(code string) string {
	if a, ok := v.catalogue.Award(code); ok {
		return a.Name
	}
	return code
}

// awardsOf lists the catalogue's awards in force on 31 December of year,
// in display order; kind "" means awards for people and collectives alike.
func (v *View) awardsOf(year int, kind domain.SubjectKind) []rules.AwardType {
	var out []rules.AwardType
	day := domain.YearEnd(year)
	for _, a := range v.catalogue.Sorted() {
		if !day.InRange(a.ValidFrom, a.ValidTo) {
			continue
		}
		if kind != "" && !a.AppliesTo(kind) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// sortSubjects orders subjects as lists show them: people by name, then
// collectives in tree order.
func (v *View) less(a, b domain.Subject) bool {
	oa, okA := v.order[a]
	ob, okB := v.order[b]
	switch {
	case okA && okB:
		return oa < ob
	case okA != okB:
		return okA
	}
	return a.Code < b.Code
}

// showError tells people what went wrong and remembers it for tests.
func (v *View) showError(err error) {
	v.lastErr = err
	kit.ShowError(v.win, err)
}

// showBanner puts a message with an optional action above the tabs.
func (v *View) showBanner(msg string, action *widget.Button) {
	v.banner.Objects = []fyne.CanvasObject{kit.Banner(msg, kit.Soft(theme.Color(theme.ColorNameSuccess)), action)}
	v.banner.Refresh()
}

func (v *View) clearBanner() {
	v.banner.Objects = nil
	v.banner.Refresh()
}

// ask shows a confirmation with Vietnamese buttons and remembers it (tests answer it).
func (v *View) ask(title, msg, yes string, danger bool, then func()) {
	v.confirm = kit.Confirm(v.win, title, msg, yes, danger, then)
}

// tell shows a short message with a Vietnamese close button.
func (v *View) tell(title, msg string) { kit.Tell(v.win, title, msg) }

// yearOptions lists years from first back n years, newest first.
func yearOptions(first, n int) []string {
	out := make([]string, 0, n)
	for y := first; y > first-n; y-- {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// indent is the prefix that shows a unit's depth in a list.
func indent(depth int) string { return strings.Repeat("    ", depth) }

// verdictText is Đủ / Không đủ.
func verdictText(eligible bool) string {
	if eligible {
		return lang.L("Đủ")
	}
	return lang.L("Không đủ")
}

// verdictImportance colours a verdict green or red.
func verdictImportance(eligible bool) widget.Importance {
	if eligible {
		return widget.SuccessImportance
	}
	return widget.DangerImportance
}
