// Command tdktctl is the headless face of the application: the same use
// cases as the desktop window, for batch work, automation and the central
// office. Pure Go (builds with CGO_ENABLED=0). Exit status: 0 success, 1 the
// command ran but found problems, 2 usage, I/O or internal error.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/paths"
	"tdkt/internal/rules"
	"tdkt/internal/service"
	"tdkt/internal/store"
)

const usage = `tdktctl: quản lý thi đua, khen thưởng không cần cửa sổ.

Cách dùng: tdktctl [--db TỆP] LỆNH [tham số]

Lệnh:
  init --unit-code C --unit-name N [--parent-name P] [--place NƠI] [--full-name TÊN]
                                                                       tạo đơn vị và tài khoản Giám đốc đầu tiên
  demo [--staff N] [--years Y] [--seed S] [--office MÃ]               tạo đơn vị mẫu: một trong 34 BHXH tỉnh, thành phố (--office,
                                                                       mặc định HTI, Hà Tĩnh); tài khoản Giám đốc admin, mật khẩu demo
  template KIND OUT.xlsx                                              ghi mẫu nhập
  import KIND FILE.xlsx [--dry-run] [--report OUT.xlsx] [--json]      nhập dữ liệu
  eligibility --year Y [--unit MÃ] [--json] [--strict]                xét điều kiện khen thưởng năm Y
  export registration --year Y --out TỆP.(pdf|xlsx)                   bản đăng ký thi đua năm Y
  export assessment --year Y --out TỆP.(pdf|xlsx)                     báo cáo tự chấm điểm thi đua năm Y
  export review --movement ID --out TỆP.(pdf|xlsx)                    sơ kết, tổng kết một phong trào
  export period --from Y1 --to Y2 --out TỆP.(pdf|xlsx)                báo cáo tổng kết phong trào thi đua giai đoạn Y1 - Y2
  exemplary candidates --from Y1 --to Y2 [--json]                      gương điển hình tiên tiến của giai đoạn theo tiêu chí của danh mục, kèm căn cứ
  exemplary propose --from Y1 --to Y2                                  đưa các gương điển hình theo tiêu chí ra Hội nghị điển hình tiên tiến của giai đoạn
  export models --from Y1 --to Y2 --doc minutes|booklet|delegates|list --out TỆP.pdf|TỆP.xlsx
                                                                       biên bản Hội nghị điển hình tiên tiến, kỷ yếu gương điển hình, danh sách đại biểu (PDF); danh sách gương điển hình (Excel)
  export dossier --round ID --out THƯ_MỤC [--docx]                    hồ sơ đề nghị khen thưởng của một đợt (PDF + XLSX; --docx: thêm bản Word để sửa)
  export certificates --round ID --out TỆP.pdf [--decision SỐ] [--date dd/mm/yyyy] [--calibration]
                                                                       Giấy khen của đợt để in lên phôi (--calibration: trang căn chỉnh)
  round create --year Y --kind thuong-xuyen|chuyen-de|dot-xuat [--name TÊN] [--propose-eligible]
                                                                       mở đợt đề nghị khen thưởng; in mã đợt
  round list [--json]                                                  các đợt đề nghị khen thưởng
  round submit|approve --round ID                                      trình duyệt; duyệt (Giám đốc); mã 1 và danh sách vấn đề khi đợt chưa đủ
  round return --round ID --reason LÝ_DO                              Giám đốc trả lại đợt đang chờ duyệt, kèm lý do
  round set --round ID [--council-date dd/mm/yyyy] [--council-start HH:MM] [--council-end HH:MM]
            [--submission-date dd/mm/yyyy] [--submission-number SỐ]  ngày, số của đợt in trên văn bản (không dùng ngày xuất)
  round decide --round ID --award MÃ --number SỐ --date dd/mm/yyyy [--signer TÊN]
                                                                       ghi quyết định của Giám đốc cho danh hiệu, hình thức thuộc thẩm quyền đơn vị (ghi vào lịch sử khen thưởng)
  export package --round ID --out TỆP.zip|THƯ_MỤC                     gói hồ sơ đã ký gửi Trung ương (đợt Đã duyệt; mật khẩu khóa ký: TDKT_PASSPHRASE)
  export package --from Y1 --to Y2 --out TỆP.zip|THƯ_MỤC              gói của giai đoạn (tổng kết, gương điển hình, đại biểu) gửi Trung ương
  verify TỆP.zip [--key unit.pub] [--json]                             kiểm tra gói: mã 0 hợp lệ, 1 không hợp lệ (liệt kê mọi lỗi); không cần tài khoản
  key create | key passwd                                              tạo khóa ký của đơn vị, đổi mật khẩu khóa ký (Giám đốc; mới: TDKT_NEW_PASSPHRASE)
  key export --out unit.pub [--sheet phieu.pdf]                       xuất tệp khóa công khai, in vân tay (và phiếu đăng ký khóa PDF) để đăng ký với Trung ương
  key central TỆP.pub                                                  đăng ký khóa của Trung ương (kiểm tra phản hồi, mã hóa gói gửi đi)
  feedback import TỆP.zip                                              nhập gói phản hồi: ghi khen thưởng được quyết định, đợt chuyển Đã gửi
  central init --code C --name TÊN                                     tạo cơ sở dữ liệu Trung ương (--db TỆP_MỚI)
  central keys add TỆP.pub [--code C] | keys list [--json] | keys remove MÃ
                                                                       danh sách khóa của các đơn vị
  central import TỆP.zip... [--json]                                   kiểm tra và nạp gói của các đơn vị (mã 1 khi có gói bị từ chối hoặc giữ lại)
  central release [--json]                                             kiểm tra lại các gói đang giữ lại (sau khi thêm khóa)
  central report --year Y --out TỆP.xlsx                               tổng hợp toàn quốc: theo đơn vị, hình thức, xếp hạng cụm
  central models --from Y1 --to Y2 [--json | --out TỆP.xlsx]         gương điển hình tiên tiến của giai đoạn do các đơn vị gửi lên (--out: Excel toàn ngành)
  central feedback --unit C --year Y --round ID --number SỐ --date dd/mm/yyyy --issuer CƠ_QUAN [--refuse MÃ=lý do]... --out TỆP.zip|THƯ_MỤC
                                                                       ghi quyết định (khen mọi đề nghị Hội đồng thông qua, trừ --refuse) và lập gói phản hồi đã ký
  backup OUT.db                                                        sao lưu
  restore IN.db                                                        khôi phục (tài khoản Giám đốc)
  check [--against TỆP.zip|TỆP.db]                                    kiểm tra toàn vẹn và nhật ký thay đổi (--against: đối chiếu với đầu chuỗi
                                                                       nhật ký ghi trong một gói đã ký hoặc một bản sao lưu lập trước đây)
  account admin [--full-name TÊN]                                      tạo Giám đốc đầu tiên cho cơ sở dữ liệu chưa có tài khoản
  account create --username U --full-name TÊN --role giam-doc|chuyen-vien|chi-xem
                                                                       tạo tài khoản (Giám đốc; mật khẩu từ TDKT_NEW_PASSWORD)
  account list [--json]                                                các tài khoản (Giám đốc)
  account passwd                                                       đổi mật khẩu của mình (mới: TDKT_NEW_PASSWORD)
  account role --username U --role R | disable|enable|reset --username U
                                                                       đổi vai trò, ngừng, mở lại, đặt lại mật khẩu (Giám đốc)

KIND: units, staff, ratings, awards, initiatives, discipline
Cơ sở dữ liệu mặc định: $TDKT_DB, hoặc tdkt.db trong thư mục dữ liệu người dùng.

Tài khoản: mọi lệnh đọc hoặc ghi dữ liệu đăng nhập bằng TDKT_USER và TDKT_PASSWORD
(thiếu thì hỏi trên bàn phím; không có bàn phím thì dừng với mã 2). Không cần tài khoản:
check, verify, và demo trên cơ sở dữ liệu chưa có tài khoản. init trên cơ sở dữ liệu mới tạo
Giám đốc đầu tiên từ TDKT_USER và TDKT_PASSWORD (mật khẩu ít nhất 8 ký tự). Vai trò:
Chỉ xem đọc; Chuyên viên TĐKT nhập, sửa, lập và xuất hồ sơ; Giám đốc duyệt đợt, sửa thông
tin đơn vị và danh mục, khôi phục, quản lý tài khoản.
`

// exitError carries an exit status with its message.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func fail(code int, format string, a ...any) error {
	return exitError{code, fmt.Sprintf(format, a...)}
}

// memoryLimit is the soft limit of the heap (GOMEMLIMIT overrides it): the
// collector works harder as the heap nears it, so that every command stays
// within about 250 MB on the largest merged province (5,000 staff, ten
// years), for a tenth more time on its 2,500-page dossier.
const memoryLimit = 200 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv, time.Now))
}

// run is main without the process: tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, now func() time.Time) int {
	db, args := takeDB(args)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, rest := args[0], args[1:]
	db2, rest := takeDB(rest)
	if db2 != "" {
		db = db2
	}
	if db == "" {
		env := paths.CurrentEnv()
		env.Getenv = getenv
		p, err := paths.DBPath(env)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		db = p
	}
	c := &cli{ctx: ctx, db: db, out: stdout, errw: stderr, now: now, getenv: getenv}
	var err error
	switch cmd {
	case "init":
		err = c.init(rest)
	case "demo":
		err = c.demo(rest)
	case "template":
		err = c.template(rest)
	case "import":
		err = c.importFile(rest)
	case "eligibility":
		err = c.eligibility(rest)
	case "export":
		err = c.export(rest)
	case "exemplary":
		err = c.exemplary(rest)
	case "round":
		err = c.round(rest)
	case "backup":
		err = c.backup(rest)
	case "restore":
		err = c.restore(rest)
	case "check":
		err = c.check(rest)
	case "account":
		err = c.account(rest)
	case "verify":
		err = c.verify(rest)
	case "key":
		err = c.key(rest)
	case "central":
		err = c.central(rest)
	case "feedback":
		err = c.feedback(rest)
	default:
		err = fail(2, "lệnh không có: %q\n\n%s", cmd, usage)
	}
	if c.svc != nil {
		c.svc.Store().Close()
	}
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, service.Explain(err))
	return 2
}

// takeDB removes a leading or embedded --db PATH / --db=PATH from args.
func takeDB(args []string) (string, []string) {
	var db string
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case (a == "--db" || a == "-db") && i+1 < len(args):
			db = args[i+1]
			i++
		case strings.HasPrefix(a, "--db="):
			db = strings.TrimPrefix(a, "--db=")
		default:
			out = append(out, a)
		}
	}
	return db, out
}

type cli struct {
	ctx  context.Context
	db   string
	out  io.Writer
	errw io.Writer
	now  func() time.Time
	svc  *service.Service
	// getenv reads TDKT_USER, TDKT_PASSWORD and TDKT_PASSPHRASE (tests pass their own).
	getenv func(string) string
}

func (c *cli) open() (*service.Service, error) {
	st, err := store.Open(c.db, store.Options{Now: c.now})
	if err != nil {
		return nil, err
	}
	c.svc = service.New(st, c.now)
	return c.svc, nil
}

func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.errw)
	return fs
}

// parse parses flags that may come before or after positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fail(2, "")
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func (c *cli) init(args []string) error {
	fs := c.flags("init")
	code := fs.String("unit-code", "", "mã đơn vị")
	name := fs.String("unit-name", "", "tên đơn vị như in trên văn bản")
	parent := fs.String("parent-name", "Bảo hiểm xã hội Việt Nam", "cơ quan cấp trên")
	place := fs.String("place", "", "địa danh trên văn bản")
	fullName := fs.String("full-name", "", "họ và tên Giám đốc đầu tiên (mặc định: tên đăng nhập)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *code == "" || *name == "" {
		return fail(2, "init cần --unit-code và --unit-name")
	}
	// Both ways need the account: a new database makes it its first
	// director, an existing one needs a director's login to change the
	// office. Asked before the file is created, so a missing account
	// leaves nothing behind.
	user, password, err := c.credentials("của Giám đốc")
	if err != nil {
		return err
	}
	return c.fresh(func() error { return c.initOffice(user, password, *code, *name, *parent, *place, *fullName) })
}

// fresh runs create; when it fails on a database that did not exist
// before, it removes what it made, so that a second try starts clean
// instead of finding a half-made database.
func (c *cli) fresh(create func() error) error {
	_, statErr := os.Stat(c.db)
	err := create()
	if err == nil || statErr == nil {
		return err
	}
	if c.svc != nil {
		_ = c.svc.Store().Close()
		c.svc = nil
	}
	for _, suffix := range []string{"", "-wal", "-shm", ".owner.lock"} {
		_ = os.Remove(c.db + suffix)
	}
	// The backup folders, only if empty.
	_ = os.Remove(store.DefaultBackupDir(c.db))
	_ = os.Remove(filepath.Dir(store.DefaultBackupDir(c.db)))
	return err
}

func (c *cli) initOffice(user, password, code, name, parent, place, fullName string) error {
	svc, err := c.open()
	if err != nil {
		return err
	}
	if svc.HasAccounts(c.ctx) {
		svc, err = c.loginAs(svc, user, password)
	} else {
		svc, err = c.firstDirector(svc, user, password, fullName)
	}
	if err != nil {
		return err
	}
	p, ok, err := svc.Profile(c.ctx)
	if err != nil {
		return err
	}
	if ok && p.UnitCode != code {
		return fail(2, "cơ sở dữ liệu %s đã có đơn vị mã %s; không đổi mã thành %s", c.db, p.UnitCode, code)
	}
	p.UnitCode, p.UnitName, p.ParentName = code, name, parent
	if place != "" || p.Place == "" {
		p.Place = place
	}
	if p.Place == "" {
		p.Place = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(name, "Bảo hiểm xã hội tỉnh"), "Bảo hiểm xã hội thành phố"))
	}
	if err := svc.SaveProfile(c.ctx, p); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã tạo đơn vị %s (%s) trong %s\n", name, code, c.db)
	return c.initKey(svc)
}

func (c *cli) demo(args []string) error {
	fs := c.flags("demo")
	staff := fs.Int("staff", 300, "số cán bộ")
	years := fs.Int("years", 6, "số năm lịch sử")
	seed := fs.Int64("seed", 1, "hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)")
	office := fs.String("office", service.DemoUnitCode, "mã đơn vị mẫu: một trong 34 BHXH tỉnh, thành phố (HNI, HCM, DNG…)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	svc, err := c.open()
	if err != nil {
		return err
	}
	// A database at its first start (no account) needs no login: the demo
	// creates its director admin/demo. Otherwise a director fills it.
	if svc.HasAccounts(c.ctx) {
		user, password, err := c.credentials("")
		if err != nil {
			return err
		}
		if svc, err = c.loginAs(svc, user, password); err != nil {
			return err
		}
	}
	if err := svc.FillDemo(c.ctx, service.DemoOptions{Staff: *staff, Years: *years, Seed: *seed, Office: *office}, nil); err != nil {
		return err
	}
	o, ok := service.DemoOfficeByCode(*office)
	if !ok { // --office "": the default office
		o, _ = service.DemoOfficeByCode(service.DemoUnitCode)
	}
	fmt.Fprintf(c.out, "Đã tạo đơn vị mẫu %s (%s) với %d cán bộ, %d năm lịch sử trong %s\n", o.Name, o.Code, *staff, *years, c.db)
	fmt.Fprintf(c.out, "Tài khoản Giám đốc: %s, mật khẩu %s (TDKT_USER=%s TDKT_PASSWORD=%s)\n", service.DemoUser, service.DemoPassword, service.DemoUser, service.DemoPassword)
	return nil
}

func kindArg(s string) (service.ImportKind, error) {
	for _, k := range service.ImportKinds {
		if string(k) == s {
			return k, nil
		}
	}
	var names []string
	for _, k := range service.ImportKinds {
		names = append(names, string(k))
	}
	return "", fail(2, "KIND %q không có; chọn một trong: %s", s, strings.Join(names, ", "))
}

func (c *cli) template(args []string) error {
	fs := c.flags("template")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fail(2, "cách dùng: tdktctl template KIND OUT.xlsx")
	}
	kind, err := kindArg(pos[0])
	if err != nil {
		return err
	}
	// The example row uses this database's units, so it imports cleanly here.
	svc, err := c.writer()
	if err != nil {
		return err
	}
	if err := paths.WriteAtomic(pos[1], func(w io.Writer) error { return svc.ImportTemplate(kind, w) }); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã ghi mẫu nhập %s: %s\n", kind.Label(), pos[1])
	return nil
}

type importJSON struct {
	Kind           string                `json:"kind"`
	DryRun         bool                  `json:"dry_run"`
	HeaderRow      int                   `json:"header_row"`
	Accepted       int                   `json:"accepted"`
	Rejected       int                   `json:"rejected"`
	Inserted       int                   `json:"inserted"`
	Updated        int                   `json:"updated"`
	Unchanged      int                   `json:"unchanged"`
	UnknownColumns []string              `json:"unknown_columns"`
	Errors         []service.ImportIssue `json:"errors"`
	Warnings       []service.ImportIssue `json:"warnings"`
}

func (c *cli) importFile(args []string) error {
	fs := c.flags("import")
	dry := fs.Bool("dry-run", false, "chỉ kiểm tra, không ghi")
	report := fs.String("report", "", "ghi các dòng bị từ chối kèm lý do vào tệp .xlsx")
	asJSON := fs.Bool("json", false, "kết quả dạng JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fail(2, "cách dùng: tdktctl import KIND FILE.xlsx [--dry-run] [--report OUT.xlsx] [--json]")
	}
	kind, err := kindArg(pos[0])
	if err != nil {
		return err
	}
	f, err := os.Open(pos[1])
	if err != nil {
		return fail(2, "không mở được %s: %v", pos[1], err)
	}
	defer f.Close()
	svc, err := c.writer()
	if err != nil {
		return err
	}
	p, err := svc.PreviewImport(c.ctx, kind, f, nil)
	if err != nil {
		return err
	}
	var res service.ImportResult
	if !*dry && len(p.Accepted) > 0 {
		if res, err = svc.CommitImport(c.ctx, p); err != nil {
			return err
		}
	}
	if *report != "" {
		if err := paths.WriteAtomic(*report, func(w io.Writer) error { return svc.WriteImportReport(p, w) }); err != nil {
			return err
		}
	}
	if *asJSON {
		out := importJSON{Kind: string(kind), DryRun: *dry, HeaderRow: p.HeaderRow, Accepted: len(p.Accepted), Rejected: len(p.Rejected),
			Inserted: res.Inserted, Updated: res.Updated, Unchanged: res.Unchanged, UnknownColumns: p.UnknownColumns,
			Errors: p.Rejected, Warnings: p.Warnings}
		if out.Errors == nil {
			out.Errors = []service.ImportIssue{}
		}
		if out.Warnings == nil {
			out.Warnings = []service.ImportIssue{}
		}
		if out.UnknownColumns == nil {
			out.UnknownColumns = []string{}
		}
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		for _, is := range p.Rejected {
			fmt.Fprintf(c.out, "Dòng %d, cột %s: %s\n", is.Row, is.Column, is.Reason)
		}
		for _, is := range p.Warnings {
			fmt.Fprintf(c.out, "Cảnh báo dòng %d, cột %s: %s\n", is.Row, is.Column, is.Reason)
		}
		if *dry {
			fmt.Fprintf(c.out, "Kiểm tra (không ghi): %d dòng hợp lệ, %d dòng bị từ chối.\n", len(p.Accepted), len(p.Rejected))
		} else {
			fmt.Fprintf(c.out, "Đã nhập: thêm %d, cập nhật %d, không đổi %d; %d dòng bị từ chối.\n", res.Inserted, res.Updated, res.Unchanged, len(p.Rejected))
		}
	}
	if len(p.Rejected) > 0 {
		return fail(1, "")
	}
	return nil
}

// export writes one of the year's documents; the format follows the output
// file's extension.
func (c *cli) export(args []string) error {
	const use = "cách dùng: tdktctl export registration|assessment --year Y --out TỆP.(pdf|xlsx)\n           tdktctl export review --movement ID --out TỆP.(pdf|xlsx)\n           tdktctl export period --from Y1 --to Y2 --out TỆP.(pdf|xlsx)\n           tdktctl export dossier --round ID --out THƯ_MỤC [--docx]\n           tdktctl export package --round ID --out TỆP.zip|THƯ_MỤC\n           tdktctl export certificates --round ID --out TỆP.pdf [--decision SỐ] [--date dd/mm/yyyy] [--calibration]"
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fail(2, "%s", use)
	}
	what := args[0]
	fs := c.flags("export " + what)
	year := fs.Int("year", 0, "năm")
	movement := fs.Int64("movement", 0, "mã phong trào (xem trong mục Phong trào thi đua)")
	round := fs.Int64("round", 0, "mã đợt đề nghị (xem tdktctl round list)")
	from := fs.Int("from", 0, "năm đầu giai đoạn")
	to := fs.Int("to", 0, "năm cuối giai đoạn")
	out := fs.String("out", "", "tệp kết quả .pdf hoặc .xlsx")
	var decision, date *string
	var calibration, word *bool
	if what == "dossier" {
		word = fs.Bool("docx", false, "ghi thêm bản Word (.docx) bên cạnh mỗi tệp PDF để sửa trước khi ký")
	}
	modelDoc := fs.String("doc", "", "văn bản của gương điển hình: minutes, booklet, delegates (PDF) hoặc list (Excel)")
	if what == "certificates" {
		decision = fs.String("decision", "", "số quyết định khen thưởng (để trống: điền tay)")
		date = fs.String("date", "", "ngày ký dd/mm/yyyy (để trống: điền tay)")
		calibration = fs.Bool("calibration", false, "chỉ in trang căn chỉnh")
	}
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) > 0 || *out == "" {
		return fail(2, "%s", use)
	}
	if what == "dossier" {
		return c.exportDossier(*round, *out, *word)
	}
	if what == "package" {
		return c.exportPackage(*round, *from, *to, *out)
	}
	if what == "certificates" {
		return c.exportCertificates(*round, *out, *decision, *date, *calibration)
	}
	if what == "models" {
		return c.exportModels(*from, *to, *modelDoc, *out)
	}
	format, err := service.ExportFormat(*out)
	if err != nil {
		return fail(2, "%v", err)
	}
	var write func(svc *service.Service, w io.Writer) error
	switch what {
	case "registration", "assessment":
		if *year < 1975 || *year > 9999 {
			return fail(2, "export %s cần --year (ví dụ --year %d)", what, c.now().Year())
		}
		write = func(svc *service.Service, w io.Writer) error {
			if what == "registration" {
				return svc.ExportRegistration(c.ctx, *year, format, w)
			}
			return svc.ExportAssessment(c.ctx, *year, format, w)
		}
	case "period":
		if *from < 1975 || *to < *from {
			return fail(2, "export period cần --from và --to (ví dụ --from 2020 --to 2025)")
		}
		write = func(svc *service.Service, w io.Writer) error {
			return svc.ExportPeriod(c.ctx, *from, *to, format, w)
		}
	case "review":
		if *movement <= 0 {
			return c.movementIDs()
		}
		write = func(svc *service.Service, w io.Writer) error {
			return svc.ExportMovementReview(c.ctx, *movement, format, w)
		}
	default:
		return fail(2, "không có văn bản %q; chọn registration, assessment, review hoặc period\n%s", what, use)
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	if err := paths.WriteAtomic(*out, func(w io.Writer) error { return write(svc, w) }); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã ghi %s\n", *out)
	return nil
}

// exportModels writes one document of a period's exemplary models.
func (c *cli) exportModels(from, to int, doc, out string) error {
	if from < 1975 || to < from {
		return fail(2, "export models cần --from và --to (ví dụ --from 2020 --to 2025)")
	}
	if _, ok := service.ModelDocuments[doc]; !ok && doc != service.ModelsList {
		return fail(2, "export models cần --doc minutes, booklet, delegates (PDF) hoặc list (Excel)")
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	id, err := svc.PeriodID(c.ctx, from, to)
	if err != nil {
		return fail(2, "%v", err)
	}
	if err := paths.WriteAtomic(out, func(w io.Writer) error { return svc.ExportModels(c.ctx, id, doc, w) }); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã ghi %s\n", out)
	return nil
}

// exemplary lists the exemplary-model candidates of a period, each with
// the facts it rests on.
func (c *cli) exemplary(args []string) error {
	const use = "cách dùng: tdktctl exemplary candidates --from Y1 --to Y2 [--json]\n           tdktctl exemplary propose --from Y1 --to Y2"
	if len(args) == 0 || (args[0] != "candidates" && args[0] != "propose") {
		return fail(2, "%s", use)
	}
	fs := c.flags("exemplary " + args[0])
	from := fs.Int("from", 0, "năm đầu giai đoạn")
	to := fs.Int("to", 0, "năm cuối giai đoạn")
	asJSON := fs.Bool("json", false, "in JSON")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) > 0 || *from < 1975 || *to < *from {
		return fail(2, "%s", use)
	}
	if args[0] == "propose" {
		svc, err := c.writer()
		if err != nil {
			return err
		}
		id, err := svc.PeriodID(c.ctx, *from, *to)
		if err != nil {
			return fail(2, "%v", err)
		}
		n, err := svc.ProposeModels(c.ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.out, "Đã đưa %d tập thể, cá nhân ra Hội nghị điển hình tiên tiến giai đoạn %d - %d\n", n, *from, *to)
		return nil
	}
	svc, err := c.reader()
	if err != nil {
		return err
	}
	cs, err := svc.ExemplaryCandidates(c.ctx, *from, *to)
	if err != nil {
		return err
	}
	if *asJSON {
		type reason struct {
			Criterion string `json:"criterion"`
			Text      string `json:"text"`
		}
		type candidate struct {
			Kind    string   `json:"kind"`
			Code    string   `json:"code"`
			Name    string   `json:"name"`
			Unit    string   `json:"unit,omitempty"`
			Reasons []reason `json:"reasons"`
		}
		out := make([]candidate, 0, len(cs))
		for _, x := range cs {
			cd := candidate{Kind: string(x.Subject.Kind), Code: x.Subject.Code, Name: x.Name, Unit: x.Unit}
			for _, r := range x.Reasons {
				cd.Reasons = append(cd.Reasons, reason{r.Criterion, r.Text})
			}
			out = append(out, cd)
		}
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, x := range cs {
		who := x.Name
		if x.Unit != "" {
			who += " (" + x.Unit + ")"
		}
		fmt.Fprintf(c.out, "%s\t%s\n", x.Subject.Code, who)
		for _, r := range x.Reasons {
			fmt.Fprintf(c.out, "\t- %s\n", r.Text)
		}
	}
	fmt.Fprintf(c.out, "%d tập thể, cá nhân đạt tiêu chí gương điển hình giai đoạn %d - %d\n", len(cs), *from, *to)
	return nil
}

// movementIDs is the answer to an export review without --movement: the
// movements of the database with their IDs.
func (c *cli) movementIDs() error {
	msg := "export review cần --movement ID"
	if _, err := os.Stat(c.db); err != nil {
		return fail(2, "%s", msg)
	}
	svc, err := c.reader()
	if err != nil {
		return err
	}
	ms, err := svc.Movements(c.ctx)
	if err != nil {
		return err
	}
	if len(ms) > 0 {
		msg += "; các phong trào:"
	}
	for _, m := range ms {
		years := fmt.Sprintf("%d–%d", m.FromYear, m.ToYear)
		if m.ToYear == 0 {
			years = fmt.Sprintf("từ %d", m.FromYear)
		} else if m.ToYear == m.FromYear {
			years = fmt.Sprint(m.FromYear)
		}
		msg += fmt.Sprintf("\n  %d\t%s (%s)", m.ID, m.Name, years)
	}
	return fail(2, "%s", msg)
}

func (c *cli) backup(args []string) error {
	pos, err := parse(c.flags("backup"), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail(2, "cách dùng: tdktctl backup OUT.db")
	}
	svc, err := c.login()
	if err != nil {
		return err
	}
	// A backup is a file with everyone's personal data: a clerk's work, as
	// BackupTo in the window (the store's Backup has no account to check).
	if err := c.need(svc, domain.RoleClerk, "sao lưu"); err != nil {
		return err
	}
	if err := svc.Store().Backup(c.ctx, pos[0]); err != nil {
		return fail(2, "Không sao lưu được: %v", err)
	}
	fmt.Fprintf(c.out, "Đã sao lưu và kiểm tra: %s\n", pos[0])
	return nil
}

func (c *cli) restore(args []string) error {
	fs := c.flags("restore")
	var accept store.RestoreAccept
	fs.BoolVar(&accept.OtherOffice, "other-office", false, "khôi phục cả khi bản sao lưu là dữ liệu của đơn vị khác (hoặc của Trung ương)")
	fs.BoolVar(&accept.BrokenJournal, "accept-broken-journal", false, "khôi phục cả khi nhật ký của bản sao lưu không nguyên vẹn (ghi vào nhật ký)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail(2, "cách dùng: tdktctl restore IN.db [--other-office] [--accept-broken-journal]")
	}
	// Restoring replaces everything: a director's decision. A database that
	// does not exist yet, or has no account, has nothing to protect.
	if _, err := os.Stat(c.db); err == nil {
		svc, err := c.open()
		if err != nil {
			return err
		}
		if svc.HasAccounts(c.ctx) {
			user, password, err := c.credentials("")
			if err != nil {
				return err
			}
			if svc, err = c.loginAs(svc, user, password); err != nil {
				return err
			}
			if err := svc.MayRestore(); err != nil {
				return fail(2, "Không khôi phục: %v", err)
			}
		}
		// The restore replaces the file: close it first.
		svc.Store().Close()
		c.svc = nil
	}
	saved, err := store.Restore(pos[0], c.db, store.DefaultBackupDir(c.db), c.now(), accept)
	switch {
	case errors.Is(err, store.ErrNotRecorded):
		return fail(2, "Đã khôi phục %s từ %s, nhưng: %v", c.db, pos[0], err)
	case errors.Is(err, store.ErrRestoreRefused), errors.Is(err, paths.ErrInUse):
		return fail(1, "Không khôi phục; cơ sở dữ liệu hiện tại không bị thay đổi. %v", err)
	case err != nil:
		return fail(2, "Không khôi phục được; cơ sở dữ liệu hiện tại không bị thay đổi. %v", err)
	}
	if saved != "" {
		fmt.Fprintf(c.out, "Dữ liệu trước khi khôi phục đã được sao lưu vào %s\n", saved)
	}
	fmt.Fprintf(c.out, "Đã khôi phục %s từ %s\n", c.db, pos[0])
	return nil
}

func (c *cli) check(args []string) error {
	fs := c.flags("check")
	against := fs.String("against", "", "gói đã ký (.zip) hoặc bản sao lưu (.db) lập trước đây: nhật ký phải còn nguyên tới đầu chuỗi ghi trong đó")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return fail(2, "cách dùng: tdktctl check [--against TỆP.zip|TỆP.db]")
	}
	if *against != "" {
		if _, err := os.Stat(*against); err != nil {
			return fail(2, "không đọc được %s: %v", *against, err)
		}
	}
	if _, err := os.Stat(c.db); err != nil {
		return fail(2, "không có cơ sở dữ liệu %s", c.db)
	}
	svc, err := c.open()
	if err != nil {
		if errors.Is(err, store.ErrCorrupt) {
			return fail(1, "%v", err)
		}
		return err
	}
	if err := svc.Store().Check(); err != nil {
		return fail(1, "%v", err)
	}
	fmt.Fprintf(c.out, "%s: toàn vẹn (integrity_check: ok)\n", c.db)
	// The audit journal: its hash chain (an entry edited or deleted outside
	// the program breaks it at that entry), its triggers, and the accounts,
	// settings and catalogue against what it records.
	jc, err := svc.Store().VerifyJournal(c.ctx)
	if err != nil {
		return err
	}
	var msg []string
	problems := jc.Problems
	switch {
	case jc.FirstBroken != 0:
		msg = append(msg, fmt.Sprintf("nhật ký thay đổi bị sửa hoặc xóa ngoài chương trình: %s (mục đầu tiên bị phá: %d)", jc.Problem, jc.FirstBroken))
		problems = problems[1:]
	case !jc.OK:
		msg = append(msg, "phát hiện thay đổi làm ngoài chương trình mà nhật ký thay đổi không ghi lại:")
	}
	for _, p := range problems {
		msg = append(msg, "  - "+p)
	}
	// A head kept outside the file: only it shows a journal rewritten with
	// every hash recomputed.
	var anchored string
	if *against != "" {
		line, problem, err := c.checkAgainst(svc, *against)
		if err != nil {
			return err
		}
		if problem != "" {
			msg = append(msg, problem)
		}
		anchored = line
	}
	if len(msg) > 0 {
		return fail(1, "%s", strings.Join(msg, "\n"))
	}
	fmt.Fprintf(c.out, "nhật ký thay đổi: %d mục, chuỗi băm nguyên vẹn; tài khoản, cài đặt, danh mục khớp với nhật ký\n", jc.Entries)
	if anchored != "" {
		fmt.Fprintln(c.out, anchored)
	}
	return nil
}

// checkAgainst compares the journal with the head recorded in file: a
// package the office signed (its manifest's journal head, the signature
// checked against the office's key) or a backup (its own journal, entry by
// entry up to its head). It returns the line to print when the journal
// holds the head, or the problem when it does not.
func (c *cli) checkAgainst(svc *service.Service, file string) (line, problem string, err error) {
	st := svc.Store()
	name := filepath.Base(file)
	if isZip(file) {
		what := "gói " + name
		opt := pack.VerifyOptions{}
		if pub, err := svc.PublicKey(c.ctx); err == nil {
			opt.Expected = pub
		}
		p, err := pack.VerifyFile(file, opt)
		if err != nil {
			return "", "", fail(2, "không đọc được %s: %v", what, err)
		}
		if !p.Valid() {
			why := make([]string, len(p.Problems))
			for i, pr := range p.Problems {
				why[i] = pr.Message
			}
			return "", "", fail(2, "%s không dùng làm mốc được: gói không hợp lệ hoặc không do đơn vị này ký (%s)", what, strings.Join(why, " "))
		}
		h := p.Manifest.JournalHead
		if h == nil {
			return "", "", fail(2, "%s không ghi đầu chuỗi nhật ký (gói lập bằng phiên bản chương trình cũ hoặc không phải gói của đơn vị); không dùng làm mốc được", what)
		}
		problem, err := st.CheckAnchor(c.ctx, store.JournalAnchor{ID: h.ID, Hash: h.Hash}, what)
		if err != nil {
			return "", "", err
		}
		return fmt.Sprintf("đối chiếu với %s: nhật ký còn nguyên tới mục số %d, đầu chuỗi lúc lập gói", what, h.ID), problem, nil
	}
	what := "bản sao lưu " + name
	head, problem, err := st.CheckAgainstBackup(c.ctx, file, what)
	if err != nil {
		return "", "", fail(2, "%v", err)
	}
	return fmt.Sprintf("đối chiếu với %s: nhật ký còn nguyên tới mục số %d, đầu chuỗi lúc sao lưu", what, head.ID), problem, nil
}

// isZip reports whether file is a zip archive (a package) by its first
// bytes, whatever its name.
func isZip(file string) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [4]byte
	_, err = io.ReadFull(f, b[:])
	return err == nil && string(b[:]) == "PK\x03\x04"
}

// verdictJSON is one object of `eligibility --json` (contracts.md).
type verdictJSON struct {
	Subject         string     `json:"subject"`
	Code            string     `json:"code"`
	Name            string     `json:"name"`
	Award           string     `json:"award"`
	Year            int        `json:"year"`
	Regime          string     `json:"regime"`
	Eligible        bool       `json:"eligible"`
	Pending         bool       `json:"pending"`
	Reasons         []string   `json:"reasons"`
	Quota           *quotaJSON `json:"quota,omitempty"`
	UsedInitiatives []string   `json:"used_initiatives,omitempty"`
}

type quotaJSON struct {
	Unit       string `json:"unit"`
	Award      string `json:"award"`
	Year       int    `json:"year"`
	Limit      int    `json:"limit"`
	Candidates int    `json:"candidates"`
	OverBy     int    `json:"over_by"`
	Rank       int    `json:"rank"`
}

func toJSON(v rules.Verdict) verdictJSON {
	out := verdictJSON{Subject: string(v.Subject.Kind), Code: v.Subject.Code, Name: v.Name, Award: v.Award, Year: v.Year, Regime: v.Regime,
		Eligible: v.Eligible, Pending: v.Pending, Reasons: v.Reasons, UsedInitiatives: v.UsedInitiatives}
	if out.Reasons == nil {
		out.Reasons = []string{}
	}
	if q := v.Quota; q != nil {
		out.Quota = &quotaJSON{Unit: q.Unit, Award: q.Award, Year: q.Year, Limit: q.Limit, Candidates: q.Candidates, OverBy: q.OverBy, Rank: q.Rank}
	}
	return out
}

// eligibility evaluates every person and collective for a year.
func (c *cli) eligibility(args []string) error {
	const use = "cách dùng: tdktctl eligibility --year Y [--unit MÃ] [--json] [--strict]"
	fs := c.flags("eligibility")
	year := fs.Int("year", 0, "năm xét")
	unit := fs.String("unit", "", "chỉ đơn vị này và các đơn vị trực thuộc")
	asJSON := fs.Bool("json", false, "kết quả dạng JSON")
	strict := fs.Bool("strict", false, "thoát với mã 1 khi có đối tượng không đủ điều kiện")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fail(2, "%s", use)
	}
	if *year < 1975 || *year > 9999 {
		return fail(2, "eligibility cần --year (ví dụ --year %d)\n%s", c.now().Year()-1, use)
	}
	svc, err := c.reader()
	if err != nil {
		return err
	}
	vs, err := svc.Eligibility(c.ctx, *year, *unit)
	if err != nil {
		if len(domain.AsFieldErrors(err)) > 0 {
			return fail(2, "%v", err)
		}
		return err
	}
	ineligible := 0
	for _, v := range vs {
		if !v.Eligible {
			ineligible++
		}
	}
	if *asJSON {
		out := make([]verdictJSON, 0, len(vs))
		for _, v := range vs {
			out = append(out, toJSON(v))
		}
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		names := map[string]string{}
		if cat, err := svc.Catalogue(c.ctx); err == nil {
			for _, a := range cat.Awards {
				names[a.Code] = a.Name
			}
		}
		c.printVerdicts(vs, names)
	}
	if *strict && ineligible > 0 {
		return fail(1, "Có %d kết quả không đủ điều kiện (--strict).", ineligible)
	}
	return nil
}

// printVerdicts writes a readable Vietnamese table, one block per subject.
func (c *cli) printVerdicts(vs []rules.Verdict, names map[string]string) {
	var last domain.Subject
	eligible, pending := 0, 0
	for _, v := range vs {
		if v.Subject != last {
			last = v.Subject
			kind := "Cán bộ"
			if v.Subject.Kind == domain.SubjectCollective {
				kind = "Tập thể"
			}
			fmt.Fprintf(c.out, "\n%s %s — %s (năm %d, %s)\n", kind, v.Subject.Code, v.Name, v.Year, v.Regime)
		}
		mark := "Không đủ"
		if v.Eligible {
			eligible++
			mark = "Đủ"
			if v.Pending {
				pending++
				mark = "Đủ (chờ)"
			}
		}
		name := names[v.Award]
		if name == "" {
			name = v.Award
		}
		fmt.Fprintf(c.out, "  %-9s %-8s %s: %s\n", mark, v.Award, name, strings.Join(v.Reasons, "; "))
	}
	fmt.Fprintf(c.out, "\nTổng: %d kết quả; %d đủ điều kiện (%d dựa trên danh hiệu đang xét cùng đợt), %d không đủ.\n", len(vs), eligible, pending, len(vs)-eligible)
}

// ---------------------------------------------------------------------------
// Nomination rounds.

func (c *cli) round(args []string) error {
	const use = "cách dùng: tdktctl round create --year Y --kind thuong-xuyen|chuyen-de|dot-xuat [--name TÊN] [--propose-eligible]\n" +
		"           tdktctl round list [--json]\n" +
		"           tdktctl round submit --round ID | approve --round ID | return --round ID --reason LÝ_DO\n" +
		"           tdktctl round set --round ID [--council-date dd/mm/yyyy] [--council-start HH:MM] [--council-end HH:MM] [--submission-date dd/mm/yyyy] [--submission-number SỐ]\n" +
		"           tdktctl round decide --round ID --award MÃ --number SỐ --date dd/mm/yyyy [--signer TÊN]"
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fail(2, "%s", use)
	}
	switch args[0] {
	case "create":
		return c.roundCreate(args[1:])
	case "list":
		return c.roundList(args[1:])
	case "submit", "approve", "return":
		return c.roundMove(args[0], args[1:])
	case "set":
		return c.roundSet(args[1:])
	case "decide":
		return c.roundDecide(args[1:])
	}
	return fail(2, "không có lệnh round %q\n%s", args[0], use)
}

func (c *cli) roundCreate(args []string) error {
	fs := c.flags("round create")
	year := fs.Int("year", 0, "năm xét khen thưởng")
	kind := fs.String("kind", string(domain.RoundRegular), "thuong-xuyen, chuyen-de hoặc dot-xuat")
	name := fs.String("name", "", "tên đợt (mặc định: Đợt đề nghị khen thưởng năm Y)")
	propose := fs.Bool("propose-eligible", false, "thêm mọi người, tập thể đủ điều kiện cho từng danh hiệu, hình thức của danh mục")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fail(2, "round create: tham số thừa %q", pos)
	}
	if *year == 0 {
		return fail(2, "round create cần --year (ví dụ --year %d)", c.now().Year()-1)
	}
	switch k := domain.RoundKind(*kind); k {
	case domain.RoundRegular, domain.RoundThematic, domain.RoundOneOff:
	default:
		return fail(2, "--kind %q không hợp lệ; chọn thuong-xuyen, chuyen-de hoặc dot-xuat", *kind)
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	id, err := svc.CreateRound(c.ctx, domain.Round{Year: *year, Kind: domain.RoundKind(*kind), Name: *name})
	if err != nil {
		if fe := domain.AsFieldErrors(err); len(fe) > 0 {
			return fail(2, "%v", err)
		}
		return err
	}
	if *propose {
		cat, err := svc.Catalogue(c.ctx)
		if err != nil {
			return err
		}
		total := 0
		for _, a := range cat.Sorted() {
			n, err := svc.ProposeEligible(c.ctx, id, a.Code)
			if err != nil {
				return err
			}
			if n > 0 {
				fmt.Fprintf(c.errw, "%s: %d\n", a.Name, n)
			}
			total += n
		}
		fmt.Fprintf(c.errw, "Đã thêm %d đề nghị vào đợt %d\n", total, id)
	}
	fmt.Fprintln(c.out, id)
	return nil
}

// roundMove submits a round for approval, approves it (a director), or
// returns it to the clerk with the director's reason. A round that is not
// complete is refused with every problem listed, and exit status 1.
func (c *cli) roundMove(verb string, args []string) error {
	fs := c.flags("round " + verb)
	id := fs.Int64("round", 0, "mã đợt (tdktctl round list)")
	reason := fs.String("reason", "", "với return: điều cần sửa (bắt buộc)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *id == 0 {
		return fail(2, "round %s cần --round ID", verb)
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	switch verb {
	case "submit":
		err = svc.SetRoundStatus(c.ctx, *id, domain.StatusSubmitted)
	case "approve":
		err = svc.SetRoundStatus(c.ctx, *id, domain.StatusApproved)
	case "return":
		err = svc.ReturnRound(c.ctx, *id, *reason)
	}
	if fes := domain.AsFieldErrors(err); len(fes) > 0 {
		for _, fe := range fes {
			fmt.Fprintln(c.errw, "- "+fe.Error())
		}
		return fail(1, "đợt %d chưa chuyển được (%d vấn đề)", *id, len(fes))
	}
	if err != nil {
		return err
	}
	r, err := svc.Round(c.ctx, *id)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đợt %d (%s): %s\n", r.ID, r.Name, r.Status.Label())
	return nil
}

// roundJSON is one round of round list --json (contracts.md).
type roundJSON struct {
	ID       string `json:"id"`
	Year     int    `json:"year"`
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Status   string `json:"status"`
	Nominees int    `json:"nominees"`
	// Proposals are the round's nominees with who confers each award.
	Proposals []proposalJSON `json:"proposals"`
}

func (c *cli) roundList(args []string) error {
	fs := c.flags("round list")
	asJSON := fs.Bool("json", false, "in JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fail(2, "round list: tham số thừa %q", pos)
	}
	svc, err := c.reader()
	if err != nil {
		return err
	}
	rs, err := svc.Rounds(c.ctx)
	if err != nil {
		return err
	}
	counts, err := svc.NomineeCounts(c.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]roundJSON, 0, len(rs))
		for _, r := range rs {
			ps, err := c.proposals(svc, r.ID)
			if err != nil {
				return err
			}
			out = append(out, roundJSON{ID: strconv.FormatInt(r.ID, 10), Year: r.Year, Kind: string(r.Kind), Name: r.Name, Status: string(r.Status),
				Nominees: counts[r.ID], Proposals: ps})
		}
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(rs) == 0 {
		fmt.Fprintln(c.out, "Chưa có đợt đề nghị khen thưởng nào.")
		return nil
	}
	for _, r := range rs {
		fmt.Fprintf(c.out, "%d\t%d\t%s\t%s\t%d đề nghị\t%s\n", r.ID, r.Year, r.Kind.Label(), r.Status.Label(), counts[r.ID], r.Name)
	}
	return nil
}

// exportDossier writes the round's dossier into dir, with a Word copy of
// each PDF when word is set.
func (c *cli) exportDossier(roundID int64, dir string, word bool) error {
	if roundID <= 0 {
		return fail(2, "export dossier cần --round ID (xem tdktctl round list)")
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	if _, err := svc.Round(c.ctx, roundID); err != nil {
		return fail(2, "%v", err)
	}
	if err := svc.ExportDossier(c.ctx, roundID, dir, service.DossierOptions{Docx: word}); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã ghi hồ sơ đợt %d vào %s\n", roundID, dir)
	return nil
}

// exportCertificates writes the round's Giấy khen, laid out for the
// office's blanks, or with calibration only the calibration page.
func (c *cli) exportCertificates(roundID int64, out, decision, date string, calibration bool) error {
	if !strings.EqualFold(filepath.Ext(out), ".pdf") {
		return fail(2, "export certificates ghi tệp .pdf (đang là %s)", out)
	}
	if roundID <= 0 && !calibration {
		return fail(2, "export certificates cần --round ID (xem tdktctl round list)")
	}
	var day domain.Date
	if strings.TrimSpace(date) != "" {
		d, err := domain.ParseDate(date)
		if err != nil {
			return fail(2, "--date: %v", err)
		}
		day = d
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return svc.ExportCalibration(c.ctx, w) }
	if !calibration {
		if _, err := svc.Round(c.ctx, roundID); err != nil {
			return fail(2, "%v", err)
		}
		write = func(w io.Writer) error { return svc.ExportCertificates(c.ctx, roundID, decision, day, w) }
	}
	if err := paths.WriteAtomic(out, write); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã ghi %s\n", out)
	return nil
}
