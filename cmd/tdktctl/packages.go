package main

// Submission packages on the command line (issue 6): export and verify
// packages, the office's signing key, the centre's side (init, keyring,
// import, report, decisions and feedback) and the feedback import.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/paths"
	"tdkt/internal/service"
	"tdkt/internal/store"
)

// exportPackage writes the signed submission package of an approved
// round, or of a period (from..to) of the five-year cycle.
func (c *cli) exportPackage(roundID int64, from, to int, out string) error {
	period := from > 0 || to > 0
	if (roundID <= 0) == !period || (period && (from < 1975 || to < from)) {
		return fail(2, "export package cần --round ID (xem tdktctl round list), hoặc --from Y1 --to Y2 cho gói của giai đoạn")
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	var periodID int64
	if period {
		if periodID, err = svc.PeriodID(c.ctx, from, to); err != nil {
			return fail(2, "%v", service.Explain(err))
		}
	} else if _, err := svc.Round(c.ctx, roundID); err != nil {
		return fail(2, "%v", service.Explain(err))
	}
	pass, err := c.passphrase()
	if err != nil {
		return err
	}
	var rec service.PackageRecord
	if period {
		rec, err = svc.ExportPeriodPackage(c.ctx, periodID, out, pass)
	} else {
		rec, err = svc.ExportPackage(c.ctx, roundID, out, pass, nil)
	}
	if err != nil {
		return err
	}
	enc := "không mã hóa (chưa đăng ký khóa của Trung ương)"
	if rec.Encrypted {
		enc = "đã mã hóa cho Trung ương"
	}
	fmt.Fprintf(c.out, "Đã ghi gói %s (%d byte, %s)\nSHA-256: %s\n", rec.Path, rec.Bytes, enc, rec.SHA256)
	return nil
}

// ---------------------------------------------------------------------------
// verify

// problemJSON is a problem of --json output: path always present ("" for
// the package as a whole), as contracts.md lists it.
type problemJSON struct {
	Code    string `json:"code"`
	Path    string `json:"path"`
	Message string `json:"message"`
}

func problemsJSON(ps []pack.Problem) []problemJSON {
	out := make([]problemJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, problemJSON{p.Code, p.Path, p.Message})
	}
	return out
}

type verifyJSON struct {
	Valid     bool            `json:"valid"`
	File      string          `json:"file"`
	Type      string          `json:"type,omitempty"`
	Unit      *pack.Unit      `json:"unit"`
	Year      int             `json:"year"`
	Round     *pack.RoundRef  `json:"round"`
	CreatedAt string          `json:"created_at,omitempty"`
	Encrypted bool            `json:"encrypted"`
	Key       string          `json:"key_fingerprint,omitempty"`
	SHA256    string          `json:"sha256"`
	Bytes     int64           `json:"bytes"`
	Files     int             `json:"files"`
	Problems  []problemJSON   `json:"problems"`
	Checked   map[string]bool `json:"checked"` // what the verdict rests on
}

// verify checks a package. It needs no account and no database: with
// --key it checks the signer's key, and with an existing database the
// keys that database trusts (the keyring at the centre).
func (c *cli) verify(args []string) error {
	const use = "cách dùng: tdktctl verify TỆP.zip [--key unit.pub] [--json]"
	fs := c.flags("verify")
	keyFile := fs.String("key", "", "tệp khóa công khai của đơn vị lập gói (unit.pub)")
	asJSON := fs.Bool("json", false, "kết quả dạng JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail(2, "%s", use)
	}
	opt := pack.VerifyOptions{}
	if *keyFile != "" {
		b, err := os.ReadFile(*keyFile)
		if err != nil {
			return fail(2, "không đọc được tệp khóa %s: %v", *keyFile, err)
		}
		k, err := pack.ParseKeyFile(b)
		if err != nil {
			return fail(2, "tệp khóa %s: %v", *keyFile, err)
		}
		opt.Expected = k.Sign
	}
	usedDB := false
	if st, err := os.Stat(c.db); err == nil && st.Mode().IsRegular() {
		svc, err := c.open()
		if err != nil {
			return err
		}
		if opt.Registered, err = svc.TrustedKeys(c.ctx); err != nil {
			return err
		}
		usedDB = true
	}
	p, err := pack.VerifyFile(pos[0], opt)
	if err != nil {
		return fail(2, "%v", err)
	}
	out := verifyJSON{Valid: p.Valid(), File: pos[0], SHA256: p.SHA256, Bytes: p.Size, Problems: problemsJSON(p.Problems),
		Checked: map[string]bool{"signature": true, "files": true, "key": opt.Expected != nil, "registered": usedDB}}
	if m := p.Manifest; m != nil {
		out.Type, out.Unit, out.Year, out.Round, out.CreatedAt = m.Type, &m.Unit, m.Year, &m.Round, m.CreatedAt
		out.Encrypted, out.Files = m.Encryption != "", len(m.Files)
	}
	if p.PublicKey != nil {
		out.Key = pack.Fingerprint(p.PublicKey)
	}
	if *asJSON {
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		c.printVerdict(out)
	}
	if !p.Valid() {
		return fail(1, "")
	}
	return nil
}

func (c *cli) printVerdict(v verifyJSON) {
	if v.Unit != nil {
		fmt.Fprintf(c.out, "Gói: %s (%s), năm %d, đợt %d %q, lập lúc %s, %d tệp", v.Unit.Name, v.Unit.Code, v.Year, v.Round.ID, v.Round.Name, v.CreatedAt, v.Files)
		if v.Encrypted {
			fmt.Fprint(c.out, ", đã mã hóa")
		}
		fmt.Fprintln(c.out)
	}
	if v.Key != "" {
		fmt.Fprintf(c.out, "Vân tay khóa ký: %s\n", v.Key)
	}
	fmt.Fprintf(c.out, "SHA-256: %s\n", v.SHA256)
	if v.Valid {
		how := "chữ ký và toàn bộ tệp khớp manifest"
		if v.Checked["key"] {
			how += "; khóa đúng khóa đã chỉ định"
		}
		if v.Checked["registered"] {
			how += "; khóa đúng khóa đã đăng ký"
		}
		fmt.Fprintf(c.out, "HỢP LỆ: %s.\n", how)
		return
	}
	fmt.Fprintf(c.out, "KHÔNG HỢP LỆ (%d lỗi):\n", len(v.Problems))
	for _, p := range v.Problems {
		where := ""
		if p.Path != "" {
			where = " " + p.Path + ":"
		}
		fmt.Fprintf(c.out, "  [%s]%s %s\n", p.Code, where, p.Message)
	}
}

// ---------------------------------------------------------------------------
// key

func (c *cli) key(args []string) error {
	const use = "cách dùng: tdktctl key create | key export --out unit.pub [--sheet phieu.pdf] | key central TỆP.pub | key passwd"
	if len(args) == 0 {
		return fail(2, "%s", use)
	}
	fs := c.flags("key " + args[0])
	out := fs.String("out", "", "tệp khóa công khai để gửi Trung ương")
	sheet := fs.String("sheet", "", "với export: cũng in phiếu đăng ký khóa (PDF) để Giám đốc ký gửi Trung ương")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	switch args[0] {
	case "create":
		svc, err := c.writer()
		if err != nil {
			return err
		}
		pass, err := c.passphrase()
		if err != nil {
			return err
		}
		return c.createKey(svc, pass)
	case "export":
		if *out == "" || len(pos) > 0 {
			return fail(2, "%s", use)
		}
		svc, err := c.reader()
		if err != nil {
			return err
		}
		data, fp, err := svc.PublicKeyFile(c.ctx)
		if err != nil {
			return err
		}
		if err := paths.WriteAtomic(*out, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return err
		}
		fmt.Fprintf(c.out, "Đã ghi tệp khóa %s\nVân tay: %s\nĐọc vân tay này cho bên nhận qua điện thoại để đối chiếu.\n", *out, fp)
		if *sheet == "" {
			return nil
		}
		if err := paths.WriteAtomic(*sheet, func(w io.Writer) error { return svc.ExportKeySheet(c.ctx, w) }); err != nil {
			return err
		}
		fmt.Fprintf(c.out, "Đã ghi phiếu đăng ký khóa %s: in, Giám đốc ký, đóng dấu rồi gửi Trung ương cùng tệp khóa.\n", *sheet)
		return nil
	case "central":
		if len(pos) != 1 {
			return fail(2, "%s", use)
		}
		b, err := os.ReadFile(pos[0])
		if err != nil {
			return fail(2, "không đọc được tệp khóa %s: %v", pos[0], err)
		}
		svc, err := c.writer()
		if err != nil {
			return err
		}
		if err := svc.SetCentralKey(c.ctx, b); err != nil {
			return err
		}
		k, _, err := svc.CentralKey(c.ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.out, "Đã đăng ký khóa của %s (%s). Vân tay: %s\nTừ nay gói gửi Trung ương được mã hóa cho Trung ương.\n", k.Name, k.Code, pack.Fingerprint(k.Sign))
		return nil
	case "passwd":
		svc, err := c.writer()
		if err != nil {
			return err
		}
		old, err := c.passphrase()
		if err != nil {
			return err
		}
		nw, err := c.secret("TDKT_NEW_PASSPHRASE", "Mật khẩu khóa ký mới")
		if err != nil {
			return err
		}
		if err := svc.ChangePassphrase(c.ctx, old, nw); err != nil {
			return err
		}
		fmt.Fprintln(c.out, "Đã đổi mật khẩu khóa ký.")
		return nil
	}
	return fail(2, "không có lệnh key %q\n%s", args[0], use)
}

// initKey makes the signing key at init when TDKT_PASSPHRASE is set.
func (c *cli) initKey(svc *service.Service) error {
	if svc.HasSigningKey(c.ctx) {
		return nil
	}
	pass := c.getenv("TDKT_PASSPHRASE")
	if pass == "" {
		fmt.Fprintln(c.out, "Chưa tạo khóa ký (chưa đặt TDKT_PASSPHRASE); Giám đốc tạo sau bằng: tdktctl key create")
		return nil
	}
	return c.createKey(svc, pass)
}

// createKey makes the office's signing key sealed with pass and prints its
// fingerprint, to read to the centre over the phone.
func (c *cli) createKey(svc *service.Service, pass string) error {
	if err := svc.CreateSigningKey(c.ctx, pass); err != nil {
		return err
	}
	_, fp, err := svc.PublicKeyFile(c.ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã tạo khóa ký của đơn vị. Vân tay: %s\nXuất tệp khóa để đăng ký với Trung ương: tdktctl key export --out unit.pub\n", fp)
	return nil
}

// ---------------------------------------------------------------------------
// central

func (c *cli) central(args []string) error {
	const use = `cách dùng: tdktctl central init --code C --name TÊN
           tdktctl central keys add TỆP.pub [--code C] | keys list [--json] | keys remove MÃ
           tdktctl central import TỆP.zip... [--json]
           tdktctl central release [--json]
           tdktctl central report --year Y --out TỆP.xlsx
           tdktctl central models --from Y1 --to Y2 [--json | --out TỆP.xlsx]
           tdktctl central feedback --unit C --year Y --round ID --number SỐ --date dd/mm/yyyy --issuer CƠ_QUAN [--refuse MÃ=lý do]... --out TỆP.zip|THƯ_MỤC`
	if len(args) == 0 {
		return fail(2, "%s", use)
	}
	switch args[0] {
	case "init":
		return c.centralInit(args[1:])
	case "keys":
		return c.centralKeys(args[1:])
	case "import":
		return c.centralImport(args[1:], false)
	case "release":
		return c.centralImport(args[1:], true)
	case "report":
		return c.centralReport(args[1:])
	case "models":
		return c.centralModels(args[1:])
	case "feedback":
		return c.centralFeedback(args[1:])
	}
	return fail(2, "không có lệnh central %q\n%s", args[0], use)
}

func (c *cli) centralInit(args []string) error {
	fs := c.flags("central init")
	code := fs.String("code", "", "mã của Trung ương")
	name := fs.String("name", "", "tên của Trung ương")
	fullName := fs.String("full-name", "", "họ và tên Giám đốc đầu tiên (mặc định: tên đăng nhập)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *code == "" || *name == "" || len(pos) > 0 {
		return fail(2, "cách dùng: tdktctl central init --code C --name TÊN")
	}
	if _, err := os.Stat(c.db); err == nil {
		return fail(2, "tệp %s đã có; chế độ Trung ương chỉ chọn khi tạo cơ sở dữ liệu mới, chọn --db khác", c.db)
	}
	// As init: the first director comes from TDKT_USER / TDKT_PASSWORD,
	// asked before the file is created.
	user, password, err := c.credentials("của Giám đốc")
	if err != nil {
		return err
	}
	pass, err := c.passphrase()
	if err != nil {
		return err
	}
	var fp string
	err = c.fresh(func() error {
		svc, err := c.open()
		if err != nil {
			return err
		}
		if svc, err = c.firstDirector(svc, user, password, *fullName); err != nil {
			return err
		}
		if err := svc.InitCentral(c.ctx, *code, *name, pass); err != nil {
			return err
		}
		_, fp, err = svc.CentralKeyFile(c.ctx)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã tạo cơ sở dữ liệu Trung ương %s (%s) trong %s\nVân tay khóa ký: %s\nGửi tệp khóa cho các đơn vị: tdktctl --db %s key export --out trung-uong.pub\n", *name, *code, c.db, fp, c.db)
	return nil
}

type unitKeyJSON struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint"`
	AddedAt     string `json:"added_at"`
}

func (c *cli) centralKeys(args []string) error {
	const use = "cách dùng: tdktctl central keys add TỆP.pub [--code C] | keys list [--json] | keys remove MÃ"
	if len(args) == 0 {
		return fail(2, "%s", use)
	}
	fs := c.flags("central keys " + args[0])
	code := fs.String("code", "", "mã đơn vị (khi tệp khóa không ghi mã)")
	asJSON := fs.Bool("json", false, "in JSON")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	switch args[0] {
	case "add":
		if len(pos) != 1 {
			return fail(2, "%s", use)
		}
		b, err := os.ReadFile(pos[0])
		if err != nil {
			return fail(2, "không đọc được tệp khóa %s: %v", pos[0], err)
		}
		svc, err := c.writer()
		if err != nil {
			return err
		}
		if err := svc.AddUnitKey(c.ctx, b, *code); err != nil {
			return err
		}
		k, _ := pack.ParseKeyFile(b)
		fmt.Fprintf(c.out, "Đã thêm khóa của đơn vị %s. Vân tay: %s\nĐối chiếu vân tay với đơn vị qua điện thoại; gói đang giữ lại được kiểm tra lại bằng: tdktctl central release\n",
			strings.TrimSpace(*code+" "+k.Code), pack.Fingerprint(k.Sign))
		return nil
	case "list":
		svc, err := c.reader()
		if err != nil {
			return err
		}
		ks, err := svc.UnitKeys(c.ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]unitKeyJSON, 0, len(ks))
			for _, k := range ks {
				out = append(out, unitKeyJSON{k.UnitCode, k.Name, k.Fingerprint, k.AddedAt.Format("2006-01-02T15:04:05Z07:00")})
			}
			enc := json.NewEncoder(c.out)
			enc.SetIndent("", "  ")
			return enc.Encode(out)
		}
		if len(ks) == 0 {
			fmt.Fprintln(c.out, "Chưa có khóa đơn vị nào.")
		}
		for _, k := range ks {
			fmt.Fprintf(c.out, "%s\t%s\t%s\n", k.UnitCode, k.Fingerprint, k.Name)
		}
		return nil
	case "remove":
		if len(pos) != 1 {
			return fail(2, "%s", use)
		}
		svc, err := c.writer()
		if err != nil {
			return err
		}
		if err := svc.RemoveUnitKey(c.ctx, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(c.out, "Đã xóa khóa của đơn vị %s; gói mới của đơn vị sẽ bị giữ lại.\n", pos[0])
		return nil
	}
	return fail(2, "không có lệnh central keys %q\n%s", args[0], use)
}

type outcomeJSON struct {
	File        string        `json:"file"`
	Status      string        `json:"status"`
	PackageID   int64         `json:"package_id"`
	Unit        pack.Unit     `json:"unit"`
	Year        int           `json:"year"`
	Round       pack.RoundRef `json:"round"`
	Nominations int           `json:"nominations"`
	Supersedes  int64         `json:"supersedes,omitempty"`
	Message     string        `json:"message"`
	Problems    []problemJSON `json:"problems"`
}

// centralImport imports packages (or, release, checks the held ones
// again); exit 1 when any package is rejected or held.
func (c *cli) centralImport(args []string, release bool) error {
	name := "central import"
	if release {
		name = "central release"
	}
	fs := c.flags(name)
	asJSON := fs.Bool("json", false, "kết quả dạng JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if (len(pos) == 0) != release {
		return fail(2, "cách dùng: tdktctl central import TỆP.zip... [--json] | tdktctl central release [--json]")
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	run := func(pass string) ([]service.ImportOutcome, error) {
		if release {
			return svc.ReleaseHeld(c.ctx, pass)
		}
		return svc.CentralImport(c.ctx, pos, pass, nil)
	}
	// The passphrase opens the centre's decryption key, needed only for
	// encrypted packages: asked for when one turns up.
	pass := c.getenv("TDKT_PASSPHRASE")
	res, err := run(pass)
	if errors.Is(err, pack.ErrPassphrase) && pass == "" {
		if pass, err = c.passphrase(); err != nil {
			return err
		}
		res, err = run(pass)
	}
	if err != nil {
		return err
	}
	bad := 0
	for _, o := range res {
		if o.Status == service.ImportRejected || o.Status == service.ImportHeld {
			bad++
		}
	}
	if *asJSON {
		out := make([]outcomeJSON, 0, len(res))
		for _, o := range res {
			j := outcomeJSON{File: o.File, Status: o.Status, PackageID: o.PackageID, Unit: o.Unit, Year: o.Year, Round: o.Round,
				Nominations: o.Nominations, Supersedes: o.Supersedes, Message: o.Message, Problems: problemsJSON(o.Problems)}
			out = append(out, j)
		}
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		if len(res) == 0 {
			fmt.Fprintln(c.out, "Không có gói nào đang giữ lại.")
		}
		for _, o := range res {
			fmt.Fprintf(c.out, "%s: %s — %s\n", o.File, statusLabel(o.Status), o.Message)
			if o.Status == service.ImportRejected {
				for _, p := range o.Problems {
					fmt.Fprintf(c.out, "  [%s] %s\n", p.Code, p.Message)
				}
			}
		}
	}
	if bad > 0 {
		return fail(1, "%d gói bị từ chối hoặc đang giữ lại.", bad)
	}
	return nil
}

func statusLabel(s string) string {
	switch s {
	case service.ImportLoaded:
		return "ĐÃ NẠP"
	case service.ImportDuplicate:
		return "ĐÃ CÓ"
	case service.ImportSuperseded:
		return "CŨ HƠN"
	case service.ImportHeld:
		return "GIỮ LẠI"
	}
	return "TỪ CHỐI"
}

func (c *cli) centralReport(args []string) error {
	fs := c.flags("central report")
	year := fs.Int("year", 0, "năm tổng hợp")
	out := fs.String("out", "", "tệp .xlsx")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *year < 1975 || *year > 9999 || *out == "" || len(pos) > 0 {
		return fail(2, "cách dùng: tdktctl central report --year Y --out TỆP.xlsx")
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return fail(2, "central report ghi tệp .xlsx (đang là %s)", *out)
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	if err := paths.WriteAtomic(*out, func(w io.Writer) error { return svc.ExportCentralReport(c.ctx, *year, w) }); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã ghi %s\n", *out)
	return nil
}

// centralModels lists the exemplary models of a period the offices'
// period packages put forward, by office.
func (c *cli) centralModels(args []string) error {
	fs := c.flags("central models")
	from := fs.Int("from", 0, "năm đầu giai đoạn")
	to := fs.Int("to", 0, "năm cuối giai đoạn")
	asJSON := fs.Bool("json", false, "in JSON")
	out := fs.String("out", "", "ghi tệp Excel tổng hợp toàn ngành (.xlsx) thay vì in danh sách")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *from < 1975 || *to < *from || len(pos) > 0 {
		return fail(2, "cách dùng: tdktctl central models --from Y1 --to Y2 [--json | --out TỆP.xlsx]")
	}
	if *out != "" {
		if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
			return fail(2, "central models --out ghi tệp .xlsx (đang là %s)", *out)
		}
		svc, err := c.writer()
		if err != nil {
			return err
		}
		if err := paths.WriteAtomic(*out, func(w io.Writer) error { return svc.ExportCentralModels(c.ctx, *from, *to, w) }); err != nil {
			return err
		}
		fmt.Fprintf(c.out, "Đã ghi %s\n", *out)
		return nil
	}
	svc, err := c.reader()
	if err != nil {
		return err
	}
	ms, err := svc.CentralModels(c.ctx, *from, *to)
	if err != nil {
		return err
	}
	if *asJSON {
		type model struct {
			Unit     string   `json:"unit"`
			Subject  string   `json:"subject"`
			Code     string   `json:"code"`
			Name     string   `json:"name"`
			SubUnit  string   `json:"sub_unit,omitempty"`
			Reasons  []string `json:"reasons"`
			VotesFor int      `json:"votes_for"`
			Pct      float64  `json:"pct"`
			Selected bool     `json:"selected"`
			Delegate bool     `json:"delegate"`
		}
		out := make([]model, 0, len(ms))
		for _, m := range ms {
			out = append(out, model{m.UnitCode, m.Subject, m.Code, m.Name, m.SubUnit, m.Reasons, m.VotesFor, m.Pct, m.Selected, m.Delegate})
		}
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	selected := 0
	for _, m := range ms {
		mark := " "
		if m.Selected {
			mark, selected = "*", selected+1
		}
		fmt.Fprintf(c.out, "%s %s\t%s\t%s\n", mark, m.UnitCode, m.Name, m.SubUnit)
	}
	fmt.Fprintf(c.out, "%d gương điển hình được đề nghị, %d được Hội nghị điển hình tiên tiến của đơn vị lựa chọn (*)\n", len(ms), selected)
	return nil
}

// refusals is the repeatable --refuse REF=reason.
type refusals map[int64]string

func (r refusals) String() string { return fmt.Sprint(map[int64]string(r)) }

func (r refusals) Set(v string) error {
	ref, reason, ok := strings.Cut(v, "=")
	id, err := strconv.ParseInt(strings.TrimSpace(ref), 10, 64)
	if !ok || err != nil || strings.TrimSpace(reason) == "" {
		return fmt.Errorf("--refuse cần dạng MÃ_ĐỀ_NGHỊ=lý do (ví dụ --refuse 12=\"Thành tích chưa tiêu biểu\")")
	}
	r[id] = strings.TrimSpace(reason)
	return nil
}

// centralFeedback records the centre's decision on an office's round —
// every proposal up that the office's council passed is granted, but those
// refused; the office's own titles are left to it — and writes the signed
// feedback package.
func (c *cli) centralFeedback(args []string) error {
	const use = "cách dùng: tdktctl central feedback --unit C --year Y --round ID --number SỐ --date dd/mm/yyyy --issuer CƠ_QUAN [--refuse MÃ=lý do]... --out TỆP.zip|THƯ_MỤC"
	fs := c.flags("central feedback")
	unit := fs.String("unit", "", "mã đơn vị")
	year := fs.Int("year", 0, "năm")
	round := fs.Int64("round", 0, "mã đợt của đơn vị (trong gói)")
	number := fs.String("number", "", "số quyết định")
	date := fs.String("date", "", "ngày quyết định dd/mm/yyyy")
	issuer := fs.String("issuer", "", "cơ quan ban hành")
	out := fs.String("out", "", "tệp .zip hoặc thư mục")
	refused := refusals{}
	fs.Var(refused, "refuse", "MÃ_ĐỀ_NGHỊ=lý do: đề nghị không được khen (lặp lại được)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *unit == "" || *year == 0 || *round <= 0 || *out == "" || len(pos) > 0 {
		return fail(2, "%s", use)
	}
	day, err := domain.ParseDate(*date)
	if err != nil {
		return fail(2, "--date: %v", err)
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	ns, err := svc.CentralNominations(c.ctx, store.CentralFilter{UnitCode: *unit, Year: *year, RoundRef: *round, CurrentOnly: true})
	if err != nil {
		return err
	}
	if len(ns) == 0 {
		return fail(2, "chưa nạp gói nào của đơn vị %s cho đợt %d năm %d (xem tdktctl central import)", *unit, *round, *year)
	}
	cat, err := svc.Catalogue(c.ctx)
	if err != nil {
		return err
	}
	d := service.CentralDecision{Number: *number, Date: day, Issuer: *issuer}
	granted, refusedN := 0, 0
	seen := map[int64]bool{}
	for _, n := range ns {
		reason, no := refused[n.Ref]
		if cat.Own(n.Award, day) {
			// The office's own titles: its director decides, not the centre.
			continue
		}
		seen[n.Ref] = true
		switch {
		case no:
			d.Items = append(d.Items, service.CentralDecisionItem{NominationID: n.ID, Reason: reason})
			refusedN++
		case n.Passed:
			d.Items = append(d.Items, service.CentralDecisionItem{NominationID: n.ID, Granted: true})
			granted++
		}
	}
	for ref := range refused {
		if !seen[ref] {
			return fail(2, "--refuse %d: đợt %d của đơn vị %s không có đề nghị mã %d gửi Trung ương quyết định", ref, *round, *unit, ref)
		}
	}
	if _, err := svc.RecordDecision(c.ctx, d); err != nil {
		return err
	}
	pass, err := c.passphrase()
	if err != nil {
		return err
	}
	path, err := svc.ExportFeedback(c.ctx, *unit, *year, *round, *out, pass)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "Đã ghi quyết định %s: %d đề nghị được khen, %d không được khen.\nĐã ghi gói phản hồi %s\n", d.Number, granted, refusedN, path)
	return nil
}

// ---------------------------------------------------------------------------
// feedback

func (c *cli) feedback(args []string) error {
	const use = "cách dùng: tdktctl feedback import TỆP.zip"
	if len(args) == 0 || args[0] != "import" {
		return fail(2, "%s", use)
	}
	pos, err := parse(c.flags("feedback import"), args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail(2, "%s", use)
	}
	if _, err := os.Stat(pos[0]); err != nil {
		return fail(2, "không đọc được %s: %v", pos[0], err)
	}
	svc, err := c.writer()
	if err != nil {
		return err
	}
	res, err := svc.ImportFeedback(c.ctx, pos[0])
	var invalid *service.InvalidPackageError
	if errors.As(err, &invalid) {
		fmt.Fprintf(c.out, "Gói %s KHÔNG HỢP LỆ, không nhập:\n", invalid.File)
		for _, p := range invalid.Problems {
			fmt.Fprintf(c.out, "  [%s] %s\n", p.Code, p.Message)
		}
		return fail(1, "")
	}
	if err != nil {
		return err
	}
	if res.Duplicate {
		fmt.Fprintf(c.out, "Gói phản hồi %s đã được nhập trước đây; không thay đổi gì.\n", res.File)
		return nil
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(c.out, "Cảnh báo: "+w)
	}
	fmt.Fprintf(c.out, "Đã nhập phản hồi cho đợt %d %q: %d khen thưởng được ghi vào lịch sử, %d không được khen.\n", res.RoundID, res.RoundName, res.Granted, res.Refused)
	if res.StatusChanged {
		fmt.Fprintln(c.out, "Đợt chuyển sang trạng thái Đã gửi.")
	}
	return nil
}
