//go:build !windows

package service

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/paths"
	"tdkt/internal/store"
	"tdkt/internal/xlsx"
)

// The crash test: a child process (this test binary again, running
// TestCrashChild) works on one office database doing what clerks do,
// imports, edits, ratings, rounds and nominees, exports and backups, until
// the parent kills it with SIGKILL. The parent then opens the database as
// the application would and checks that it passes SQLite's integrity
// check, that every change the child had committed is there and nothing
// half done is (an operation the kill interrupted is entirely there or
// entirely absent), that no export or backup file is partial, and that the
// audit journal's chain holds. Then the next child carries on with the
// same database.
//
// The child tells the parent what it did through a log file it appends to
// and syncs: "begin" before an operation, with what the operation will
// change, and "done" once it has committed. The parent writes "resolved"
// after a kill that interrupted an operation, saying whether the database
// showed it committed, so that a later replay of the log knows.
//
// Where a kill lands is chosen from what the child has reached, never from
// the clock, so that a run covers the same operations on a fast machine
// and on a loaded one. The parent draws a schedule from the seed in which
// every kind of operation is the aim of the same number of kills. For each
// kill it tells the child its plan: one operation to do first (which the
// schedule also spreads evenly over the kinds, so that each kind commits
// that many times before a kill), then the aimed one. The child marks the
// aimed operation with an "aim" line just before its "begin", and logs a
// "step" at each point inside it that it can see (the service or the store
// reading the clock, as when a transaction starts or a backup is named; a
// dossier file written; the first bytes of an export). The parent kills
// once it has read a number of lines past the "aim", drawn from the seed:
// right after the "begin" (the child may be anywhere in the operation by
// then), after a step, or after the operation is done. For some kills the
// child is told to stop dead at a step until it is killed ("park" instead
// of "step"), which puts those kills inside the operation on any machine.

const (
	envCrashDir  = "TDKT_CRASH_CHILD_DIR"  // the working folder: database, log, exports
	envCrashSeed = "TDKT_CRASH_CHILD_SEED" // the child's choices of what to change
	envCrashPlan = "TDKT_CRASH_CHILD_PLAN" // "warm-up aim park": see crashAim.plan
)

// crashOps are the operations the child does, each the aim of
// crashAimsPerOp kills (so the parent kills crashAimsPerOp*len(crashOps)
// times); crashYear is the year the ratings and rounds are for.
var crashOps = []string{"import", "edit", "ratings", "round-create", "round-delete", "nominee-add", "nominee-remove", "export-dossier", "export-registration", "backup"}

const (
	crashAimsPerOp = 10
	crashPool      = 300 // staff of the office, imported again and again
	crashYear      = 2025
	// crashHang bounds the wait for a child to reach its kill point. It
	// is no part of the test: a healthy child gets there in a second or
	// two even on a loaded machine; only a hung child meets it.
	crashHang = 3 * time.Minute
)

var crashDirector = domain.Account{Username: "gd.crash", FullName: "Giám đốc thử", Role: domain.RoleDirector}

func crashCode(i int) string { return fmt.Sprintf("CR%04d", i+1) }

// crashPerson is pool member i as the import files write them.
func crashPerson(i int) domain.Person {
	family := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"}
	middle := []string{"Văn", "Thị", "Đức", "Minh", "Thu", "Quang"}
	given := []string{"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc", "Quyên"}
	g := domain.Male
	gd := 0
	if i%2 == 1 {
		g, gd = domain.Female, 1
	}
	birth := domain.NewDate(1960+i%30, time.Month(1+i%12), 1+i%28)
	return domain.Person{
		StaffCode: crashCode(i), FullName: family[i%len(family)] + " " + middle[i/len(family)%len(middle)] + " " + given[i%len(given)],
		BirthDate: birth, Gender: g, CCCD: fmt.Sprintf("042%d%02d%06d", gd, birth.Year%100, i),
		Position: "Chuyên viên", UnitCode: "4201", RecruitedOn: domain.NewDate(2010, 9, 1), Ethnicity: "Kinh",
	}
}

// crashImportFile is the staff import of the whole pool with note as Ghi chú.
func crashImportFile(note string) ([]byte, error) {
	rows := [][]any{{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Chức vụ", "Đơn vị công tác", "Ngày tuyển dụng", "Dân tộc", "Ghi chú"}}
	for i := 0; i < crashPool; i++ {
		p := crashPerson(i)
		rows = append(rows, []any{p.StaffCode, p.FullName, p.BirthDate, p.Gender.Label(), p.CCCD, p.Position, p.UnitCode, p.RecruitedOn, p.Ethnicity, note})
	}
	var buf bytes.Buffer
	err := xlsx.WriteRows(&buf, rows)
	return buf.Bytes(), err
}

func crashImport(ctx context.Context, s *Service, note string) error {
	data, err := crashImportFile(note)
	if err != nil {
		return err
	}
	p, err := s.PreviewImport(ctx, ImportStaff, bytes.NewReader(data), nil)
	if err != nil {
		return err
	}
	if len(p.Rejected) > 0 || len(p.Accepted) != crashPool {
		return fmt.Errorf("import: %d accepted, rejected %v", len(p.Accepted), p.Rejected)
	}
	_, err = s.CommitImport(ctx, p)
	return err
}

// crashLog appends lines to the log, each synced before the call returns.
type crashLog struct {
	mu sync.Mutex // park holds it for good
	f  *os.File
}

func openCrashLog(path string) (*crashLog, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	return &crashLog{f: f}, err
}

func (l *crashLog) line(fields ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.write(fields)
}

// park writes the line and never returns: the process waits there for the
// parent's kill, and nothing else reaches the log, which so ends inside
// the operation.
func (l *crashLog) park(fields ...string) {
	l.mu.Lock()
	l.write(fields)
	for {
		time.Sleep(time.Hour)
	}
}

func (l *crashLog) write(fields []string) {
	if _, err := l.f.WriteString(strings.Join(fields, "\t") + "\n"); err != nil {
		panic(err)
	}
	if err := l.f.Sync(); err != nil {
		panic(err)
	}
}

// crashSteps logs the points inside the aimed operation that the child can
// see, for the parent to count lines up to, and stops the child at the
// park-th of them when told to.
type crashSteps struct {
	log  *crashLog
	mu   sync.Mutex
	op   string // the aimed operation while it runs, else ""
	n    int    // steps of it so far
	park int    // the step to stop at; 0: none
}

func (c *crashSteps) arm(op string, park int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.op, c.n, c.park = op, 0, park
}

func (c *crashSteps) disarm() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.op = ""
}

func (c *crashSteps) step(where string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.op == "" {
		return
	}
	c.n++
	if c.n == c.park {
		c.log.park("park", c.op, where)
	}
	c.log.line("step", c.op, where)
}

// now is the clock of the child's service and store: both read it at the
// points worth a kill (a write transaction has begun, a backup is about to
// be written, a round's event is stamped inside its transaction).
func (c *crashSteps) now() time.Time {
	where := "clock"
	pcs := make([]uintptr, 8)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	for {
		f, more := frames.Next()
		if !strings.Contains(f.Function, "crashSteps") {
			where = "clock read by " + strings.TrimPrefix(f.Function, "tdkt/internal/")
			break
		}
		if !more {
			break
		}
	}
	c.step(where)
	return time.Now()
}

// crashWriter steps at the first bytes an export writes.
type crashWriter struct {
	w     io.Writer
	steps *crashSteps
	wrote bool
}

func (w *crashWriter) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if n > 0 && !w.wrote {
		w.wrote = true
		w.steps.step("export written in part")
	}
	return n, err
}

func crashTestRound(name string) bool { return strings.HasPrefix(name, "Đợt thử ") }

// crashNeedsRound are the operations on a test round.
var crashNeedsRound = []string{"round-delete", "nominee-add", "nominee-remove", "export-dossier"}

// crashNominees reads the nominees of the test rounds, by round, and who is
// proposed in any of them (at most once a year).
func crashNominees(ctx context.Context, s *Service, ours []domain.Round) (map[int64][]domain.Nominee, map[string]bool, error) {
	byRound := map[int64][]domain.Nominee{}
	taken := map[string]bool{}
	for _, r := range ours {
		ns, err := s.Nominees(ctx, r.ID)
		if err != nil {
			return nil, nil, err
		}
		byRound[r.ID] = ns
		for _, nm := range ns {
			taken[nm.Subject.Code] = true
		}
	}
	return byRound, taken, nil
}

// TestCrashChild is not a test: it is the process TestCrash_KillNineAnywhere
// kills. It does the operations of its plan, the missing prerequisites of
// each first (a round to delete, a nominee to remove), then operations
// drawn from its seed until killed. It stops with exit status 2 when an
// operation fails, which the parent reports.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(envCrashDir)
	if dir == "" {
		t.Skip("helper process of TestCrash_KillNineAnywhere")
	}
	seed, _ := strconv.ParseUint(os.Getenv(envCrashSeed), 10, 64)
	log, err := openCrashLog(filepath.Join(dir, "crash.log"))
	if err != nil {
		fmt.Println(err)
		os.Exit(2)
	}
	die := func(op string, err error) {
		log.line("error", op, err.Error())
		fmt.Printf("%s: %v\n", op, err)
		os.Exit(2)
	}
	var queue []string // the plan's operations still to do; the last is the aim
	park := 0
	if f := strings.Fields(os.Getenv(envCrashPlan)); len(f) == 3 {
		queue = f[:2]
		park, _ = strconv.Atoi(f[2])
	} else {
		die("plan", fmt.Errorf("%s=%q", envCrashPlan, os.Getenv(envCrashPlan)))
	}
	steps := &crashSteps{log: log}
	ctx := context.Background()
	st, err := store.Open(filepath.Join(dir, "tdkt.db"), store.Options{Now: steps.now})
	if err != nil {
		die("open", err)
	}
	s := New(st, steps.now).As(crashDirector)
	rng := rand.New(rand.NewPCG(seed, 0x6b696c6c))
	log.line("ready", strconv.FormatUint(seed, 10))
	for n := 0; ; n++ {
		id := fmt.Sprintf("%d.%d", seed, n)
		rounds, err := s.Rounds(ctx)
		if err != nil {
			die("rounds", err)
		}
		var ours []domain.Round
		for _, r := range rounds {
			if crashTestRound(r.Name) {
				ours = append(ours, r)
			}
		}
		var byRound map[int64][]domain.Nominee
		var taken map[string]bool
		if len(ours) > 0 {
			if byRound, taken, err = crashNominees(ctx, s, ours); err != nil {
				die("nominees", err)
			}
		}
		op := crashPick(rng, len(ours))
		if len(queue) > 0 {
			op = queue[0]
		}
		aimed := false
		switch {
		case len(ours) == 0 && slices.Contains(crashNeedsRound, op):
			op = "round-create"
		case op == "nominee-remove" && len(taken) == 0:
			op = "nominee-add"
		case len(queue) > 0:
			queue = queue[1:]
			aimed = len(queue) == 0
		}
		begin := func(fields ...string) {
			if aimed {
				log.line("aim", op)
			}
			log.line(append([]string{"begin", op}, fields...)...)
			if aimed {
				steps.arm(op, park)
			}
		}
		done := func(fields ...string) {
			steps.disarm()
			log.line(append([]string{"done", op}, fields...)...)
		}
		switch op {
		case "import":
			note := "nhập lần " + id
			begin(note)
			if err := crashImport(ctx, s, note); err != nil {
				die(op, err)
			}
			done(note)
		case "edit":
			code := crashCode(rng.IntN(crashPool))
			pos := "Chuyên viên chính " + id
			people, err := s.People(ctx)
			if err != nil {
				die(op, err)
			}
			i := slices.IndexFunc(people, func(p domain.Person) bool { return p.StaffCode == code })
			if i < 0 {
				die(op, fmt.Errorf("no %s", code))
			}
			p := people[i]
			p.Position = pos
			begin(code, pos)
			if _, err := s.SavePerson(ctx, p, domain.Date{}); err != nil {
				die(op, err)
			}
			done(code, pos)
		case "ratings":
			m := map[string]domain.Rating{}
			for k := 1 + rng.IntN(40); k > 0; k-- {
				m[crashCode(rng.IntN(crashPool))] = domain.Ratings[rng.IntN(len(domain.Ratings))]
			}
			var pairs []string
			for _, c := range slices.Sorted(maps.Keys(m)) {
				pairs = append(pairs, c+"="+string(m[c]))
			}
			begin(strings.Join(pairs, ","))
			if _, err := s.SetRatings(ctx, crashYear, m, nil); err != nil {
				die(op, err)
			}
			done(strings.Join(pairs, ","))
		case "round-create":
			name := "Đợt thử " + id
			begin(name)
			rid, err := s.CreateRound(ctx, domain.Round{Year: crashYear, Kind: domain.RoundRegular, Name: name})
			if err != nil {
				die(op, err)
			}
			done(name, strconv.FormatInt(rid, 10))
		case "round-delete":
			r := ours[rng.IntN(len(ours))]
			begin(r.Name)
			if err := s.DeleteRound(ctx, r.ID); err != nil {
				die(op, err)
			}
			done(r.Name)
		case "nominee-add":
			r := ours[rng.IntN(len(ours))]
			var free []string // one proposal for CSTĐCS a year, whatever the round
			for i := 0; i < crashPool; i++ {
				if !taken[crashCode(i)] {
					free = append(free, crashCode(i))
				}
			}
			if len(free) == 0 {
				die(op, errors.New("the whole pool is proposed already"))
			}
			code := free[rng.IntN(len(free))]
			begin(r.Name, code)
			if _, err := s.AddNominee(ctx, r.ID, domain.PersonSubject(code), "CSTDCS"); err != nil {
				die(op, err)
			}
			done(r.Name, code)
		case "nominee-remove":
			var with []domain.Round
			for _, r := range ours {
				if len(byRound[r.ID]) > 0 {
					with = append(with, r)
				}
			}
			r := with[rng.IntN(len(with))]
			nm := byRound[r.ID][rng.IntN(len(byRound[r.ID]))]
			begin(r.Name, nm.Subject.Code)
			if err := s.RemoveNominee(ctx, nm.ID); err != nil {
				die(op, err)
			}
			done(r.Name, nm.Subject.Code)
		case "export-dossier":
			r := ours[rng.IntN(len(ours))]
			out := filepath.Join(dir, "exports", "ho-so-"+id)
			begin(out)
			progress := func(k, total int) { steps.step(fmt.Sprintf("dossier file %d of %d written", k, total)) }
			if err := s.ExportDossier(ctx, r.ID, out, DossierOptions{Progress: progress}); err != nil {
				die(op, err)
			}
			files, err := crashFiles(out)
			if err != nil {
				die(op, err)
			}
			done(append([]string{out}, files...)...)
		case "export-registration":
			format := []string{"pdf", "xlsx"}[rng.IntN(2)]
			out := filepath.Join(dir, "exports", "dang-ky-"+id+"."+format)
			begin(out)
			err := paths.WriteAtomic(out, func(w io.Writer) error {
				return s.ExportRegistration(ctx, crashYear+1, format, &crashWriter{w: w, steps: steps})
			})
			if err != nil {
				die(op, err)
			}
			done(out, out)
		case "backup":
			begin()
			path, err := s.BackupNow(ctx)
			if err != nil {
				die(op, err)
			}
			done(path)
		}
	}
}

// crashPick draws the next operation; rounds is how many test rounds exist.
func crashPick(rng *rand.Rand, rounds int) string {
	type w struct {
		op     string
		weight int
	}
	ops := []w{{"import", 3}, {"edit", 3}, {"ratings", 2}, {"backup", 2}, {"export-registration", 1}}
	switch {
	case rounds == 0:
		ops = append(ops, w{"round-create", 3})
	case rounds > 4:
		ops = append(ops, w{"round-delete", 2})
	default:
		ops = append(ops, w{"round-create", 1}, w{"round-delete", 1})
	}
	if rounds > 0 {
		ops = append(ops, w{"nominee-add", 3}, w{"nominee-remove", 1}, w{"export-dossier", 2})
	}
	total := 0
	for _, o := range ops {
		total += o.weight
	}
	k := rng.IntN(total)
	for _, o := range ops {
		if k < o.weight {
			return o.op
		}
		k -= o.weight
	}
	panic("unreachable")
}

// crashFiles lists the regular files under dir, sorted.
func crashFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// crashEvent is one line of the log.
type crashEvent struct {
	kind string // begin, done, fail, error, ready, resolved
	op   string
	args []string
}

func readCrashLog(path string) ([]crashEvent, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// A line the kill cut short (no newline) was never written for the
	// purpose of the log: the operation counts as interrupted.
	if i := bytes.LastIndexByte(data, '\n'); i < len(data)-1 {
		data = data[:i+1]
	}
	var evs []crashEvent
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		ev := crashEvent{kind: f[0]}
		if len(f) > 1 {
			ev.op = f[1]
		}
		if len(f) > 2 {
			ev.args = f[2:]
		}
		evs = append(evs, ev)
	}
	return evs, sc.Err()
}

// crashState is what the database must hold, replayed from the log.
type crashState struct {
	people   map[string][2]string       // staff code → position, note
	ratings  map[string]domain.Rating   // staff code → rating of crashYear
	nominees map[string]map[string]bool // test round name → staff codes proposed
}

func newCrashState() *crashState {
	return &crashState{people: map[string][2]string{}, ratings: map[string]domain.Rating{}, nominees: map[string]map[string]bool{}}
}

func (s *crashState) clone() *crashState {
	c := newCrashState()
	maps.Copy(c.people, s.people)
	maps.Copy(c.ratings, s.ratings)
	for r, ns := range s.nominees {
		c.nominees[r] = maps.Clone(ns)
	}
	return c
}

// apply changes the state as the operation begun with args does.
func (s *crashState) apply(op string, args []string) {
	switch op {
	case "import":
		for i := 0; i < crashPool; i++ {
			s.people[crashCode(i)] = [2]string{"Chuyên viên", args[0]}
		}
	case "edit":
		p := s.people[args[0]]
		p[0] = args[1]
		s.people[args[0]] = p
	case "ratings":
		for _, pair := range strings.Split(args[0], ",") {
			code, r, _ := strings.Cut(pair, "=")
			s.ratings[code] = domain.Rating(r)
		}
	case "round-create":
		s.nominees[args[0]] = map[string]bool{}
	case "round-delete":
		delete(s.nominees, args[0])
	case "nominee-add":
		s.nominees[args[0]][args[1]] = true
	case "nominee-remove":
		delete(s.nominees[args[0]], args[1])
	}
}

func (s *crashState) equal(o *crashState) bool {
	if !maps.Equal(s.people, o.people) || !maps.Equal(s.ratings, o.ratings) || len(s.nominees) != len(o.nominees) {
		return false
	}
	for r, ns := range s.nominees {
		if on, ok := o.nominees[r]; !ok || !maps.Equal(ns, on) {
			return false
		}
	}
	return true
}

// diff describes how got differs from want, briefly.
func (s *crashState) diff(got *crashState) string {
	var out []string
	for code, w := range s.people {
		if g := got.people[code]; g != w {
			out = append(out, fmt.Sprintf("%s: %q, want %q", code, g, w))
		}
	}
	if len(got.people) != len(s.people) {
		out = append(out, fmt.Sprintf("%d people, want %d", len(got.people), len(s.people)))
	}
	for code, w := range s.ratings {
		if g := got.ratings[code]; g != w {
			out = append(out, fmt.Sprintf("rating %s: %q, want %q", code, g, w))
		}
	}
	if len(got.ratings) != len(s.ratings) {
		out = append(out, fmt.Sprintf("%d ratings, want %d", len(got.ratings), len(s.ratings)))
	}
	for r, ns := range s.nominees {
		if g, ok := got.nominees[r]; !ok {
			out = append(out, fmt.Sprintf("round %q missing", r))
		} else if !maps.Equal(ns, g) {
			out = append(out, fmt.Sprintf("round %q nominees %v, want %v", r, slices.Sorted(maps.Keys(g)), slices.Sorted(maps.Keys(ns))))
		}
	}
	for r := range got.nominees {
		if _, ok := s.nominees[r]; !ok {
			out = append(out, fmt.Sprintf("round %q should not exist", r))
		}
	}
	slices.Sort(out)
	if len(out) > 8 {
		out = append(out[:8], fmt.Sprintf("… %d more", len(out)-8))
	}
	return strings.Join(out, "; ")
}

// readCrashState reads the state from the database.
func readCrashState(ctx context.Context, s *Service) (*crashState, error) {
	st := newCrashState()
	people, err := s.People(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range people {
		st.people[p.StaffCode] = [2]string{p.Position, p.Note}
	}
	ratings, _, err := s.RatingsForYear(ctx, crashYear)
	if err != nil {
		return nil, err
	}
	maps.Copy(st.ratings, ratings)
	rounds, err := s.Rounds(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range rounds {
		if !crashTestRound(r.Name) {
			continue
		}
		ns, err := s.Nominees(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		st.nominees[r.Name] = map[string]bool{}
		for _, n := range ns {
			st.nominees[r.Name][n.Subject.Code] = true
		}
	}
	return st, nil
}

// crashAim is where the parent kills one child: the child does warm first,
// to completion, then op; the parent kills once the log shows the given
// number of lines after the "begin" of op. With park, the child stops dead
// at the last of them if it is a step of op.
type crashAim struct {
	warm, op string
	lines    int
	park     bool
}

// plan is the child's part of the aim: "warm op k", k the step to park at
// (0: none).
func (a crashAim) plan() string {
	k := 0
	if a.park {
		k = a.lines
	}
	return fmt.Sprintf("%s %s %d", a.warm, a.op, k)
}

// crashSchedule draws the kills of a run: every operation is the aim of
// crashAimsPerOp of them and the warm-up of as many, in an order drawn
// from rng, so that what a run covers owes nothing to the machine's speed.
func crashSchedule(rng *rand.Rand) []crashAim {
	var ops, warms []string
	for range crashAimsPerOp {
		ops = append(ops, crashOps...)
		warms = append(warms, crashOps...)
	}
	rng.Shuffle(len(ops), func(i, j int) { ops[i], ops[j] = ops[j], ops[i] })
	rng.Shuffle(len(warms), func(i, j int) { warms[i], warms[j] = warms[j], warms[i] })
	out := make([]crashAim, len(ops))
	for i := range ops {
		a := crashAim{warm: warms[i], op: ops[i]}
		switch r := rng.IntN(8); {
		case r < 3:
			// Right after "begin": wherever the child has got to by the
			// time the signal arrives, usually early in the operation.
		case r < 6:
			// With the child stopped at a step: a transaction begun, a
			// round's event stamped inside its transaction, some files
			// of a dossier written. Every operation has a first step, so
			// a kill at it is inside the operation whatever the machine;
			// an operation with fewer steps than drawn is killed after
			// its end instead.
			a.lines, a.park = 1+rng.IntN(4), true
		default:
			// After a step, with the child still working, or after the
			// operation, between it and the next.
			a.lines = 1 + rng.IntN(4)
		}
		out[i] = a
	}
	return out
}

// crashRun is the parent's bookkeeping over the whole run.
type crashRun struct {
	t        *testing.T
	seed     uint64
	dir      string
	verified map[string]int64 // export files already checked → size
	backups  int              // backup files checked (then removed)
	temps    int              // temporary export files a kill left behind
	kills    int
	parked   map[string]int // kills of a child stopped inside an operation, by operation
	midOp    map[string]int // kills that interrupted an operation, by operation
	begun    map[string]int // operations begun, by operation
	done     map[string]int // operations committed, by operation
	resolved map[string]int // interrupted operations found committed after the kill

	children, checks time.Duration // time spent running children, checking after kills
}

func (c *crashRun) fatalf(format string, args ...any) {
	c.t.Helper()
	c.t.Fatalf("seed %d (TDKT_CRASH_SEED=%d to repeat), after kill %d: %s", c.seed, c.seed, c.kills, fmt.Sprintf(format, args...))
}

// TestCrash_KillNineAnywhere kills a working application process with
// SIGKILL crashAimsPerOp times inside or right after each kind of
// operation and checks after each kill what the clerk would find on
// reopening. TDKT_CRASH_SEED repeats a run.
func TestCrash_KillNineAnywhere(t *testing.T) {
	seed := uint64(20261123)
	if v := os.Getenv("TDKT_CRASH_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("TDKT_CRASH_SEED: %v", err)
		}
	}
	start := time.Now()
	dir := t.TempDir()
	c := &crashRun{t: t, seed: seed, dir: dir, verified: map[string]int64{}, parked: map[string]int{}, midOp: map[string]int{},
		begun: map[string]int{}, done: map[string]int{}, resolved: map[string]int{}}
	ctx := context.Background()

	// The office before the first kill: its profile, a unit, the pool.
	st, err := store.Open(filepath.Join(dir, "tdkt.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := New(st, nil).As(crashDirector)
	if err := s.SaveProfile(ctx, domain.OfficeProfile{UnitCode: "42", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
		ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveUnit(ctx, domain.Unit{Code: "4201", Name: "Phòng Tổ chức cán bộ", ParentCode: "42", Kind: domain.UnitDepartment}); err != nil {
		t.Fatal(err)
	}
	if err := crashImport(ctx, s, "gốc"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	log, err := openCrashLog(filepath.Join(dir, "crash.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer log.f.Close()
	log.line("done", "setup")
	log.line("begin", "import", "gốc")
	log.line("done", "import", "gốc")

	rng := rand.New(rand.NewPCG(seed, 0x70617265))
	schedule := crashSchedule(rng)
	surePark := 0 // kills at a first step the child was told to stop at
	for _, a := range schedule {
		if a.park && a.lines == 1 {
			surePark++
		}
	}
	for _, a := range schedule {
		t0 := time.Now()
		parked := c.runChild(seed*1000+uint64(c.kills), a)
		t1 := time.Now()
		c.check(ctx, log, parked)
		c.children += t1.Sub(t0)
		c.checks += time.Since(t1)
	}
	c.report(time.Since(start), surePark)
}

// runChild starts a child with the plan of a and kills it once the log
// shows a.lines lines past the "begin" of a.op; parked tells whether the
// child had stopped at the last of them.
func (c *crashRun) runChild(seed uint64, a crashAim) (parked bool) {
	c.t.Helper()
	logPath := filepath.Join(c.dir, "crash.log")
	lf, err := os.Open(logPath)
	if err != nil {
		c.t.Fatal(err)
	}
	defer lf.Close()
	// The child's lines start at the end: the parent's own lines end with
	// a newline, and nobody else writes while no child runs.
	if _, err := lf.Seek(0, io.SeekEnd); err != nil {
		c.t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envCrashDir+"="+c.dir, envCrashSeed+"="+strconv.FormatUint(seed, 10), envCrashPlan+"="+a.plan())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	reaped := false
	defer func() {
		// A failure below must not leave a child working on (or parked).
		if !reaped {
			_ = cmd.Process.Kill()
			<-exited
		}
	}()
	hang := time.NewTimer(crashHang)
	defer hang.Stop()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	var pending []byte // read, not yet a whole line
	var seen []string  // the child's lines so far
	past := -1         // lines read past the "aim" line; -1 before it
	buf := make([]byte, 64<<10)
	for past < 1+a.lines {
		select {
		case err := <-exited:
			reaped = true
			c.fatalf("the child (plan %q) stopped by itself before the kill (%v); its log: %s\noutput:\n%s", a.plan(), err, crashTail(seen), out.String())
		case <-hang.C:
			c.fatalf("the child (plan %q) did not reach its kill point, %d lines past the begin of %s, in %v: it hangs; its log: %s\noutput:\n%s",
				a.plan(), a.lines, a.op, crashHang, crashTail(seen), out.String())
		case <-tick.C:
			n, err := lf.Read(buf)
			if err != nil && err != io.EOF {
				c.t.Fatal(err)
			}
			pending = append(pending, buf[:n]...)
			for past < 1+a.lines {
				i := bytes.IndexByte(pending, '\n')
				if i < 0 {
					break
				}
				l := string(pending[:i])
				pending = pending[i+1:]
				seen = append(seen, l)
				switch {
				case past >= 0:
					past++
					if past == 1 && l != "begin\t"+a.op && !strings.HasPrefix(l, "begin\t"+a.op+"\t") {
						c.fatalf("the child's aim at %s is followed by %q, not its begin", a.op, l)
					}
					parked = strings.HasPrefix(l, "park\t")
				case l == "aim\t"+a.op:
					past = 0
				}
			}
		}
	}
	if err := syscall.Kill(cmd.Process.Pid, syscall.SIGKILL); err != nil {
		c.t.Fatal(err)
	}
	err = <-exited
	reaped = true
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		c.fatalf("the child ended with %v, not by the kill:\n%s", err, out.String())
	}
	c.kills++
	return parked
}

// crashTail is the end of a child's log, for a failure message.
func crashTail(lines []string) string {
	if len(lines) > 12 {
		lines = lines[len(lines)-12:]
	}
	if len(lines) == 0 {
		return "(nothing)"
	}
	return "\n\t" + strings.Join(lines, "\n\t")
}

// check reopens the database after a kill and checks everything; parked
// says the child had stopped inside an operation for the kill.
func (c *crashRun) check(ctx context.Context, log *crashLog, parked bool) {
	c.t.Helper()
	evs, err := readCrashLog(filepath.Join(c.dir, "crash.log"))
	if err != nil {
		c.fatalf("read log: %v", err)
	}
	// Replay: what was committed, and what the kill interrupted.
	want := newCrashState()
	var pending *crashEvent
	var mustExist []string // export files and backups the log says were written
	var backups []string
	begun, done := map[string]int{}, map[string]int{}
	for i := range evs {
		ev := &evs[i]
		switch ev.kind {
		case "begin":
			if pending != nil {
				c.fatalf("log: %s begun while %s was pending", ev.op, pending.op)
			}
			pending = ev
			begun[ev.op]++
		case "done":
			if ev.op == "setup" {
				continue
			}
			if pending == nil || pending.op != ev.op {
				c.fatalf("log: %s done without its begin", ev.op)
			}
			want.apply(pending.op, pending.args)
			pending = nil
			done[ev.op]++
			switch ev.op {
			case "export-dossier", "export-registration":
				mustExist = append(mustExist, ev.args[1:]...)
			case "backup":
				backups = append(backups, ev.args[0])
			}
		case "resolved":
			if pending == nil {
				c.fatalf("log: resolved without an interrupted operation")
			}
			if ev.op == "committed" {
				want.apply(pending.op, pending.args)
			}
			pending = nil
		case "error":
			c.fatalf("the child failed: %s %v", ev.op, ev.args)
		}
	}
	c.begun, c.done = begun, done
	if parked {
		if pending == nil {
			c.fatalf("log: the child stopped inside an operation, but none is pending")
		}
		c.parked[pending.op]++
	}

	st, err := store.Open(filepath.Join(c.dir, "tdkt.db"), store.Options{})
	if err != nil {
		c.fatalf("reopen (integrity check): %v", err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		c.fatalf("integrity check: %v", err)
	}
	s := New(st, nil).As(crashDirector)
	got, err := readCrashState(ctx, s)
	if err != nil {
		c.fatalf("read state: %v", err)
	}
	if pending != nil {
		c.midOp[pending.op]++
		with := want.clone()
		with.apply(pending.op, pending.args)
		switch {
		case got.equal(want):
			log.line("resolved", "lost")
		case got.equal(with):
			log.line("resolved", "committed")
			c.resolved[pending.op]++
		default:
			c.fatalf("the %s the kill interrupted is half there: against the state before it %s; against the state after it %s",
				pending.op, want.diff(got), with.diff(got))
		}
	} else if !got.equal(want) {
		c.fatalf("committed changes missing: %s", want.diff(got))
	}
	check, err := st.VerifyJournal(ctx)
	if err != nil {
		c.fatalf("verify journal: %v", err)
	}
	if !check.OK || check.Entries == 0 {
		c.fatalf("journal chain broken at entry %d of %d: %s", check.FirstBroken, check.Entries, check.Problem)
	}
	c.checkExports(mustExist)
	c.checkBackups(st.BackupDir(), backups)
}

// checkExports checks every file of the export folder: the files the log
// says were written exist, and no file is partial. The temporary files of
// an interrupted atomic write are not exports; they are counted and
// removed.
func (c *crashRun) checkExports(mustExist []string) {
	c.t.Helper()
	for _, p := range mustExist {
		if _, err := os.Stat(p); err != nil {
			c.fatalf("exported file missing: %v", err)
		}
	}
	files, err := crashFiles(filepath.Join(c.dir, "exports"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		c.fatalf("exports: %v", err)
	}
	for _, p := range files {
		name := filepath.Base(p)
		if strings.HasPrefix(name, ".tdkt-") && strings.HasSuffix(name, ".tmp") {
			c.temps++
			os.Remove(p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			c.fatalf("export %s: %v", p, err)
		}
		if size, ok := c.verified[p]; ok && size == info.Size() {
			continue
		}
		if err := checkExportFile(p); err != nil {
			c.fatalf("half-written export visible: %v", err)
		}
		c.verified[p] = info.Size()
	}
}

// checkExportFile checks that a PDF has its header and its end marker and
// that a workbook opens as a zip with its parts.
func checkExportFile(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	switch filepath.Ext(p) {
	case ".pdf":
		if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(data, "\r\n"), []byte("%%EOF")) {
			return fmt.Errorf("%s (%d bytes) is not a whole PDF", p, len(data))
		}
	case ".xlsx":
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return fmt.Errorf("%s (%d bytes) is not a whole workbook: %v", p, len(data), err)
		}
		if !slices.ContainsFunc(z.File, func(f *zip.File) bool { return f.Name == "[Content_Types].xml" }) {
			return fmt.Errorf("%s has no [Content_Types].xml", p)
		}
		if _, err := xlsx.ReadRows(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
	default:
		return fmt.Errorf("%s: not an export the application writes", p)
	}
	return nil
}

// checkBackups checks the backups the log lists, then every backup the
// backup page would offer: each must pass the integrity check (a backup
// listed but broken is what a clerk would restore from after the next
// disaster). Checked backups are removed to keep the folder small.
func (c *crashRun) checkBackups(dir string, logged []string) {
	c.t.Helper()
	for _, p := range logged {
		if _, ok := c.verified[p]; ok {
			continue
		}
		if err := store.VerifyFile(p); err != nil {
			c.fatalf("backup %s listed in the log: %v", p, err)
		}
	}
	list, err := store.ListBackups(dir)
	if err != nil {
		c.fatalf("list backups: %v", err)
	}
	for _, b := range list {
		if err := store.VerifyFile(b.Path); err != nil {
			// Seen while writing this test: Store.Backup ran VACUUM INTO
			// straight onto the backup's final name, so a kill during a
			// backup (also the one before every import) left a partial
			// file that the backup page lists and Restore would offer.
			c.fatalf("half-written backup on the backup page (a backup must be written under a temporary name and renamed once verified): %v", err)
		}
		c.verified[b.Path] = b.Size
		c.backups++
		os.Remove(b.Path)
	}
}

func (c *crashRun) report(took time.Duration, surePark int) {
	c.t.Helper()
	mid, parked := 0, 0
	for _, n := range c.midOp {
		mid += n
	}
	for _, n := range c.parked {
		parked += n
	}
	c.t.Logf("seed %d: %d kills in %v (children %v, checks %v); operations begun %v, committed %v; kills during an operation %d %v, of which with the child stopped in it %d %v (found committed %v); backups checked %d, export files checked %d, temporary files left by kills %d",
		c.seed, c.kills, took.Round(time.Millisecond), c.children.Round(time.Millisecond), c.checks.Round(time.Millisecond),
		c.begun, c.done, mid, c.midOp, parked, c.parked, c.resolved, c.backups, len(c.verified)-c.backups, c.temps)
	// The run proves something only if the children did every kind of
	// work and the kills landed inside it. The schedule guarantees all
	// three on any machine: each operation was aimed at (so begun) and
	// done as a warm-up crashAimsPerOp times, and a child told to stop at
	// an operation's first step always reaches it. Failing here means the
	// child or the schedule changed, never that the machine was slow.
	for _, op := range crashOps {
		if c.begun[op] < crashAimsPerOp {
			c.fatalf("only %d %s operations begun in the run, want %d", c.begun[op], op, crashAimsPerOp)
		}
		if c.done[op] < crashAimsPerOp {
			c.fatalf("only %d %s operations committed in the run, want %d", c.done[op], op, crashAimsPerOp)
		}
	}
	if parked < surePark {
		c.fatalf("only %d kills found the child stopped inside an operation, want at least %d: an operation logs no step any more", parked, surePark)
	}
}
