package i18n

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"tdkt/assets"
	"tdkt/internal/domain"
	"tdkt/internal/service"
)

const langImport = "fyne.io/fyne/v2/lang"

// loadJSON reads a translation file as the application embeds it.
func loadJSON(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile(file)
	if err != nil {
		t.Fatalf("read %s: %v", file, err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s is not a flat JSON object of strings: %v", file, err)
	}
	return m
}

// loadFyneVietnamese reads the plain (non-plural) messages of fyne.vi.json.
func loadFyneVietnamese(t *testing.T) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/fyne.vi.json")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]any
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatalf("fyne.vi.json: %v", err)
	}
	m := map[string]string{}
	for k, v := range all {
		if s, ok := v.(string); ok {
			m[k] = s
		}
	}
	return m
}

// verbRE matches one fmt verb (with flags, width and precision) or "%%".
var verbRE = regexp.MustCompile(`%%|%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z]`)

func verbs(s string) []string { return verbRE.FindAllString(s, -1) }

// quoteJSON quotes s as en.json spells it (no \u0026 for &).
func quoteJSON(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// domainLabels are the Vietnamese words of the domain's enumerations that
// the interface shows through lang.L(x.Label()).
func domainLabels() []string {
	var out []string
	for _, k := range domain.UnitKinds {
		out = append(out, k.Label())
	}
	for _, g := range []domain.Gender{domain.Male, domain.Female} {
		out = append(out, g.Label())
	}
	for _, r := range domain.Ratings {
		out = append(out, r.Label())
	}
	for _, k := range domain.AwardKinds {
		out = append(out, k.Label())
	}
	for _, s := range domain.Scopes {
		out = append(out, s.Label())
	}
	for _, f := range domain.DisciplineForms {
		out = append(out, f.Label())
	}
	for _, k := range service.ImportKinds {
		out = append(out, k.Label())
	}
	return out
}

// TestEnglish_CoversEveryKey fails when a key the interface passes to
// lang.L has no English translation, or when a translation's fmt verbs
// differ from those of its key (fmt.Sprintf(lang.L(key), …) would then print
// garbage in English only).
func TestEnglish_CoversEveryKey(t *testing.T) {
	en := loadJSON(t, "translations/en.json")
	ex := extractKeys(t, "..")

	for _, l := range domainLabels() {
		ex.add(l, "internal/domain or internal/service Label()")
	}

	var missing []string
	for k := range ex.keys {
		if _, ok := en[k]; !ok {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		var b strings.Builder
		for _, k := range missing {
			fmt.Fprintf(&b, "\n\t%s: \"\",  // %s", quoteJSON(k), strings.Join(ex.keys[k], ", "))
		}
		t.Errorf("%d keys have no English translation in assets/translations/en.json:%s", len(missing), b.String())
	}

	keys := make([]string, 0, len(en))
	for k := range en {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := en[k]
		if strings.TrimSpace(v) == "" {
			t.Errorf("empty translation for %q", k)
			continue
		}
		if kv, vv := verbs(k), verbs(v); !reflect.DeepEqual(kv, vv) {
			t.Errorf("fmt verbs differ:\n\tkey   %q %v\n\tvalue %q %v", k, kv, v, vv)
		}
		if strings.Count(k, "\n") != strings.Count(v, "\n") {
			t.Errorf("line breaks differ: %q → %q", k, v)
		}
		if strings.Contains(k, "{{") || strings.Contains(v, "{{") {
			t.Errorf("%q: lang.L treats {{ as a template", k)
		}
	}
	if len(ex.dynamic) > 0 {
		sort.Strings(ex.dynamic)
		t.Logf("lang calls whose key is computed at run time (not checked here):\n\t%s", strings.Join(ex.dynamic, "\n\t"))
	}
	t.Logf("%d keys found in ui/, %d translations in en.json", len(ex.keys), len(en))
}

// TestEnglish_NoStaleKeys lists translations no longer used. They do no
// harm, and some keys reach lang.L in ways the extraction cannot follow, so
// this only logs.
func TestEnglish_NoStaleKeys(t *testing.T) {
	en := loadJSON(t, "translations/en.json")
	ex := extractKeys(t, "..")
	for _, l := range domainLabels() {
		ex.add(l, "domain")
	}
	var stale []string
	for k := range en {
		if _, ok := ex.keys[k]; !ok {
			stale = append(stale, k)
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Logf("%d translations whose key the extraction did not find in ui/ (used indirectly, or stale):\n\t%s",
			len(stale), strings.Join(stale, "\n\t"))
	}
}

// TestEnglish_Sorted keeps en.json in the form people edit it in: valid
// UTF-8 JSON, keys sorted, no duplicates.
func TestEnglish_Sorted(t *testing.T) {
	data, err := assets.Translations.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("en.json does not start with an object: %v %v", tok, err)
	}
	var prev string
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		k := tok.(string)
		if seen[k] {
			t.Errorf("duplicate key %q", k)
		}
		seen[k] = true
		if prev != "" && k < prev {
			t.Errorf("keys out of order: %q after %q", k, prev)
		}
		prev = k
		var v string
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("value of %q: %v", k, err)
		}
	}
}

// setup runs Setup and restores Vietnamese when the test ends. fyne's lang
// only ever adds messages to one global bundle, so each test sets the
// language it needs rather than relying on what ran before.
func setup(t *testing.T, language string) {
	t.Helper()
	if err := Setup(language); err != nil {
		t.Fatalf("Setup(%q): %v", language, err)
	}
	t.Cleanup(func() {
		if err := Setup(Vietnamese); err != nil {
			t.Errorf("Setup(vi): %v", err)
		}
		checkFyneVietnamese(t)
	})
}

// checkFyneVietnamese checks that fyne's own buttons speak Vietnamese.
func checkFyneVietnamese(t *testing.T) {
	t.Helper()
	vi := loadFyneVietnamese(t)
	if vi["Cancel"] != "Hủy" {
		t.Fatalf("fyne.vi.json: Cancel = %q, want Hủy", vi["Cancel"])
	}
	for _, k := range []string{"Cancel", "OK", "Save", "Open"} {
		if got := lang.L(k); got != vi[k] {
			t.Errorf("after Setup(vi): lang.L(%q) = %q, want %q", k, got, vi[k])
		}
	}
}

func TestSetup_Vietnamese(t *testing.T) {
	setup(t, Vietnamese)
	checkFyneVietnamese(t)
}

func TestSetup_English(t *testing.T) {
	en := loadJSON(t, "translations/en.json")
	want, ok := en["Tổng quan"]
	if !ok {
		t.Fatal(`en.json has no "Tổng quan"`)
	}
	setup(t, English)
	if got := lang.L("Tổng quan"); got != want || got != "Overview" {
		t.Errorf(`after Setup(en): lang.L("Tổng quan") = %q, want %q`, got, want)
	}
	// Every translation must come back unchanged through go-i18n.
	for k, v := range en {
		if got := lang.L(k); got != v {
			t.Errorf("after Setup(en): lang.L(%q) = %q, want %q", k, got, v)
		}
	}
}

func TestSetup_Unknown(t *testing.T) {
	// Anything but "en" means the Vietnamese source strings.
	setup(t, "")
	checkFyneVietnamese(t)
}

// TestExtractKeys checks the extraction itself on a small module, so that
// a key form it stops recognising does not go unnoticed.
func TestExtractKeys(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module fx\n",
		"internal/rules/rules.go": `package rules

const FieldName = "rule field"
`,
		"ui/kit/kit.go": `package kit

import "fyne.io/fyne/v2/lang"

type Form struct{}

func (f *Form) Add(label string, w any, hint string) { _, _ = lang.L(label), lang.L(hint) }

func Heading(text string) string { return lang.L(text) }

func wrap(s string) string { return Heading(s) }

func Wrapped() string { return wrap("transitive") }
`,
		"ui/a.go": `package ui

import (
	"fmt"

	"fx/internal/rules"
	"fx/ui/kit"
	l10n "fyne.io/fyne/v2/lang"
)

const fieldX = "field " + "const"

type column struct {
	header string
	width  float32
}

var headers = []string{"h1", "h2"}

var about = map[int]struct{ about, slug string }{1: {"about 1", "slug-1"}}

func f(i int, form *kit.Form) {
	_ = l10n.L("plain")
	_ = l10n.L("multi " +
		"line")
	_ = l10n.X("xkey", "fallback")
	_ = l10n.N("nkey", 2)
	_ = l10n.L([]string{"c1", "c2"}[i])
	_ = l10n.L(headers[i])
	cols := []column{{"col A", 1}, {header: "col B"}}
	_ = l10n.L(cols[i].header)
	_ = l10n.L(about[i].about)
	kit.Heading("heading")
	form.Add(fieldX, nil, "hint")
	form.Add(rules.FieldName, nil, "")
	note := func(s string) string { return l10n.L(s) }
	note("note")
	tr := func(keys []string) {
		for _, k := range keys {
			l10n.L(k)
		}
	}
	tr([]string{"s1", "s2"})
	fmt.Println("not a key")
	_ = l10n.L(fmt.Sprint(i))
}
`,
		"ui/a_test.go": `package ui

import "fyne.io/fyne/v2/lang"

var _ = lang.L("from a test")
`,
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ks := extractKeys(t, filepath.Join(dir, "ui"))
	var got []string
	for k := range ks.keys {
		got = append(got, k)
	}
	sort.Strings(got)
	want := []string{"about 1", "c1", "c2", "col A", "col B", "field const", "h1", "h2", "heading", "hint",
		"multi line", "nkey", "note", "plain", "rule field", "s1", "s2", "transitive", "xkey"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("keys\n\tgot  %q\n\twant %q", got, want)
	}
	if len(ks.dynamic) != 1 || !strings.Contains(ks.dynamic[0], "fmt.Sprint(i)") {
		t.Errorf("dynamic keys = %q, want the fmt.Sprint call", ks.dynamic)
	}
}

// ---- extraction of lang keys from the ui/ source tree ----

// keySet maps each key to the places it was found.
type keySet struct {
	keys    map[string][]string
	dynamic []string // lang calls whose key could not be resolved
}

func (s *keySet) add(k, where string) {
	if s.keys == nil {
		s.keys = map[string][]string{}
	}
	for _, w := range s.keys[k] {
		if w == where {
			return
		}
	}
	s.keys[k] = append(s.keys[k], where)
}

// pkg is one parsed directory of non-test Go files.
type pkg struct {
	path    string // import path
	files   []*ast.File
	consts  map[string]string               // string constants
	lits    map[string][]*ast.CompositeLit  // variables bound to composite literals
	fields  map[string]map[string]bool      // struct field → string constants stored in it
	structs map[string][]string             // named struct type → field names in order
	locals  []local                         // name := func(...) {...}
	keyPars map[string]map[int]paramKind    // function → key parameters (see keyFuncs)
	imports map[*ast.File]map[string]string // file → local name → import path
}

// local is a func literal bound to a name.
type local struct {
	name string
	lit  *ast.FuncLit
}

type paramKind int

const (
	scalarKey paramKind = iota + 1 // lang.L(p)
	sliceKey                       // for _, k := range p { lang.L(k) }
)

type extractor struct {
	t       *testing.T
	fset    *token.FileSet
	modRoot string
	modPath string
	pkgs    map[string]*pkg // by import path
	// method key parameters, by method name and arity (receiver types are
	// not resolved; a literal passed there is taken as a key).
	methods map[string]map[int]paramKind
}

// extractKeys walks root (the ui directory) and returns every key passed to
// lang.L, lang.X, lang.N or lang.XN: string literals and constants, and
// concatenations of them; elements of string slices indexed inside lang.L;
// constants stored in a struct field read inside lang.L; and constants
// passed to a function parameter that reaches lang.L.
func extractKeys(t *testing.T, root string) *keySet {
	t.Helper()
	root, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	ex := &extractor{t: t, fset: token.NewFileSet(), pkgs: map[string]*pkg{},
		methods: map[string]map[int]paramKind{}}
	ex.findModule(root)

	var uiPkgs []*pkg
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
			return filepath.SkipDir
		}
		if d.IsDir() {
			if q := ex.load(p); q != nil {
				uiPkgs = append(uiPkgs, q)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(uiPkgs, func(i, j int) bool { return uiPkgs[i].path < uiPkgs[j].path })
	if len(uiPkgs) == 0 {
		t.Fatalf("no Go packages under %s", root)
	}
	ex.keyFuncs(uiPkgs)

	ks := &keySet{}
	for _, p := range uiPkgs {
		ex.collect(p, ks)
	}
	if len(ks.keys) == 0 {
		t.Fatalf("no lang keys found under %s", root)
	}
	return ks
}

func (ex *extractor) findModule(from string) {
	dir := from
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
					ex.modRoot, ex.modPath = dir, strings.Trim(f[1], `"`)
					return
				}
			}
			ex.t.Fatalf("%s/go.mod has no module line", dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			ex.t.Fatalf("no go.mod above %s", from)
		}
		dir = parent
	}
}

// load parses the package in dir (nil when it has no non-test Go files).
func (ex *extractor) load(dir string) *pkg {
	rel, err := filepath.Rel(ex.modRoot, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil
	}
	path := ex.modPath
	if rel != "." {
		path += "/" + filepath.ToSlash(rel)
	}
	if p, ok := ex.pkgs[path]; ok {
		return p
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		ex.t.Fatal(err)
	}
	p := &pkg{path: path, consts: map[string]string{}, lits: map[string][]*ast.CompositeLit{},
		fields: map[string]map[string]bool{}, structs: map[string][]string{},
		keyPars: map[string]map[int]paramKind{}, imports: map[*ast.File]map[string]string{}}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(ex.fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			ex.t.Fatalf("parse: %v", err)
		}
		p.files = append(p.files, f)
		imps := map[string]string{}
		for _, is := range f.Imports {
			ip, _ := strconv.Unquote(is.Path.Value)
			name := ip[strings.LastIndex(ip, "/")+1:]
			if strings.HasPrefix(name, "v") && len(name) > 1 && strings.Trim(name[1:], "0123456789") == "" {
				// a major-version suffix: the package name is the element before
				trimmed := strings.TrimSuffix(ip, "/"+name)
				name = trimmed[strings.LastIndex(trimmed, "/")+1:]
			}
			if is.Name != nil {
				name = is.Name.Name
			}
			imps[name] = ip
		}
		p.imports[f] = imps
	}
	if len(p.files) == 0 {
		return nil
	}
	ex.pkgs[path] = p
	ex.index(p)
	return p
}

// index records the package's constants, composite literal variables,
// struct types and functions, then the constants stored in struct fields.
func (ex *extractor) index(p *pkg) {
	var constSpecs []*ast.ValueSpec
	for _, f := range p.files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ValueSpec:
						if d.Tok == token.CONST {
							constSpecs = append(constSpecs, s)
						}
						for i, v := range s.Values {
							if cl, ok := v.(*ast.CompositeLit); ok && i < len(s.Names) {
								p.lits[s.Names[i].Name] = append(p.lits[s.Names[i].Name], cl)
							}
						}
					case *ast.TypeSpec:
						if st, ok := s.Type.(*ast.StructType); ok {
							p.structs[s.Name.Name] = fieldNames(st)
						}
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, l := range as.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				switch r := as.Rhs[i].(type) {
				case *ast.CompositeLit:
					p.lits[id.Name] = append(p.lits[id.Name], r)
				case *ast.FuncLit:
					p.locals = append(p.locals, local{id.Name, r})
				}
			}
			return true
		})
	}
	// Constants may refer to one another: resolve until nothing changes.
	for changed := true; changed; {
		changed = false
		for _, s := range constSpecs {
			for i, n := range s.Names {
				if _, done := p.consts[n.Name]; done || i >= len(s.Values) {
					continue
				}
				if v, ok := ex.constString(p, nil, s.Values[i]); ok {
					p.consts[n.Name] = v
					changed = true
				}
			}
		}
	}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if cl, ok := n.(*ast.CompositeLit); ok {
				ex.structValues(p, f, cl, nil)
			}
			return true
		})
	}
}

func fieldNames(st *ast.StructType) []string {
	var out []string
	for _, fl := range st.Fields.List {
		if len(fl.Names) == 0 {
			t := fl.Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			switch t := t.(type) {
			case *ast.Ident:
				out = append(out, t.Name)
			case *ast.SelectorExpr:
				out = append(out, t.Sel.Name)
			default:
				out = append(out, "")
			}
			continue
		}
		for _, n := range fl.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

// structValues records string constants stored in struct fields by the
// composite literal cl, whose type is typ when the literal elides it.
func (ex *extractor) structValues(p *pkg, f *ast.File, cl *ast.CompositeLit, typ ast.Expr) {
	t := cl.Type
	if t == nil {
		t = typ
	}
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	elem := func(e ast.Expr, et ast.Expr) {
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = u.X
		}
		if inner, ok := e.(*ast.CompositeLit); ok && inner.Type == nil {
			ex.structValues(p, f, inner, et)
		}
	}
	var names []string
	switch tt := t.(type) {
	case *ast.ArrayType:
		for _, e := range cl.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			elem(e, tt.Elt)
		}
		return
	case *ast.MapType:
		for _, e := range cl.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				elem(kv.Key, tt.Key)
				elem(kv.Value, tt.Value)
			}
		}
		return
	case *ast.Ident:
		names = p.structs[tt.Name]
	case *ast.StructType:
		names = fieldNames(tt)
	}
	if names == nil {
		return
	}
	for i, e := range cl.Elts {
		field := ""
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				field = id.Name
			}
			e = kv.Value
		} else if i < len(names) {
			field = names[i]
		}
		if field == "" {
			continue
		}
		if v, ok := ex.constString(p, f, e); ok {
			if p.fields[field] == nil {
				p.fields[field] = map[string]bool{}
			}
			p.fields[field][v] = true
		}
	}
}

// constString evaluates e when it is a string constant expression: a
// literal, a named constant of this or another module package, or a
// concatenation of those.
func (ex *extractor) constString(p *pkg, f *ast.File, e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return ex.constString(p, f, e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := ex.constString(p, f, e.X)
		b, ok2 := ex.constString(p, f, e.Y)
		return a + b, ok1 && ok2
	case *ast.Ident:
		v, ok := p.consts[e.Name]
		return v, ok
	case *ast.SelectorExpr:
		if q := ex.imported(p, f, e.X); q != nil {
			v, ok := q.consts[e.Sel.Name]
			return v, ok
		}
	}
	return "", false
}

// imported is the module package x names in file f (nil when x is not a
// package name or the package is outside the module). With f nil every
// file of p is tried.
func (ex *extractor) imported(p *pkg, f *ast.File, x ast.Expr) *pkg {
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil
	}
	files := []*ast.File{f}
	if f == nil {
		files = p.files
	}
	for _, f := range files {
		ip, ok := p.imports[f][id.Name]
		if !ok || !strings.HasPrefix(ip, ex.modPath+"/") {
			continue
		}
		if q, ok := ex.pkgs[ip]; ok {
			return q
		}
		return ex.load(filepath.Join(ex.modRoot, filepath.FromSlash(strings.TrimPrefix(ip, ex.modPath+"/"))))
	}
	return nil
}

// isLangCall reports whether call is lang.L, lang.X, lang.N or lang.XN.
func isLangCall(p *pkg, f *ast.File, call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok || p.imports[f][id.Name] != langImport {
		return false
	}
	switch sel.Sel.Name {
	case "L", "X", "N", "XN", "Localize", "LocalizeKey", "LocalizePlural", "LocalizePluralKey":
		return true
	}
	return false
}

// params lists a function's parameters in order with whether each is a
// string or a []string.
func params(ft *ast.FuncType) (names []string, kinds []paramKind) {
	for _, fl := range ft.Params.List {
		k := paramKind(0)
		switch t := fl.Type.(type) {
		case *ast.Ident:
			if t.Name == "string" {
				k = scalarKey
			}
		case *ast.ArrayType:
			if id, ok := t.Elt.(*ast.Ident); ok && id.Name == "string" && t.Len == nil {
				k = sliceKey
			}
		}
		if len(fl.Names) == 0 {
			names, kinds = append(names, "_"), append(kinds, 0)
		}
		for _, n := range fl.Names {
			names, kinds = append(names, n.Name), append(kinds, k)
		}
	}
	return names, kinds
}

// funcBody is a function whose key parameters are being worked out.
type funcBody struct {
	p      *pkg
	f      *ast.File
	ft     *ast.FuncType
	body   *ast.BlockStmt
	name   string // function name, or method name when method
	method bool
	local  bool // a func literal bound to a name
}

// keyFuncs finds, to a fixed point, the string parameters that reach
// lang.L directly or through another such parameter.
func (ex *extractor) keyFuncs(pkgs []*pkg) {
	var bodies []funcBody
	for _, p := range pkgs {
		for _, f := range p.files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					bodies = append(bodies, funcBody{p: p, f: f, ft: fd.Type, body: fd.Body, name: fd.Name.Name, method: fd.Recv != nil})
				}
			}
			for _, l := range p.locals {
				if ex.fset.File(l.lit.Pos()) == ex.fset.File(f.Pos()) {
					bodies = append(bodies, funcBody{p: p, f: f, ft: l.lit.Type, body: l.lit.Body, name: l.name, local: true})
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, fb := range bodies {
			names, kinds := params(fb.ft)
			index := map[string]int{}
			for i, n := range names {
				if kinds[i] != 0 {
					index[n] = i
				}
			}
			rangeOf := map[string]string{} // range value variable → slice parameter
			mark := func(name string, via paramKind) {
				i, ok := index[name]
				if !ok || kinds[i] != via {
					return
				}
				m := ex.keyParams(fb)
				if m[i] == 0 {
					m[i] = via
					changed = true
				}
			}
			ast.Inspect(fb.body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.RangeStmt:
					if v, ok := n.Value.(*ast.Ident); ok {
						if x, ok := n.X.(*ast.Ident); ok {
							rangeOf[v.Name] = x.Name
						}
					}
				case *ast.CallExpr:
					if isLangCall(fb.p, fb.f, n) {
						if id, ok := n.Args[0].(*ast.Ident); ok {
							mark(id.Name, scalarKey)
							if s, ok := rangeOf[id.Name]; ok {
								mark(s, sliceKey)
							}
						}
						return true
					}
					for i, kind := range ex.calleeKeys(fb.p, fb.f, n) {
						if i >= len(n.Args) {
							continue
						}
						if id, ok := n.Args[i].(*ast.Ident); ok {
							mark(id.Name, kind)
						}
					}
				}
				return true
			})
		}
	}
}

func (ex *extractor) keyParams(fb funcBody) map[int]paramKind {
	var key string
	var tbl map[string]map[int]paramKind
	switch {
	case fb.method:
		names, _ := params(fb.ft)
		key = fb.name + "/" + strconv.Itoa(len(names))
		tbl = ex.methods
	case fb.local:
		key = "local:" + ex.fset.File(fb.f.Pos()).Name() + ":" + fb.name
		tbl = fb.p.keyPars
	default:
		key = fb.name
		tbl = fb.p.keyPars
	}
	if tbl[key] == nil {
		tbl[key] = map[int]paramKind{}
	}
	return tbl[key]
}

// calleeKeys is the key parameters of the function call calls.
func (ex *extractor) calleeKeys(p *pkg, f *ast.File, call *ast.CallExpr) map[int]paramKind {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		if m, ok := p.keyPars["local:"+ex.fset.File(f.Pos()).Name()+":"+fn.Name]; ok {
			return m
		}
		return p.keyPars[fn.Name]
	case *ast.SelectorExpr:
		if q := ex.imported(p, f, fn.X); q != nil {
			return q.keyPars[fn.Sel.Name]
		}
		if id, ok := fn.X.(*ast.Ident); ok {
			if _, isPkg := p.imports[f][id.Name]; isPkg {
				return nil
			}
		}
		return ex.methods[fn.Sel.Name+"/"+strconv.Itoa(len(call.Args))]
	}
	return nil
}

// collect adds the keys of package p to ks.
func (ex *extractor) collect(p *pkg, ks *keySet) {
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			where := ex.where(call)
			if isLangCall(p, f, call) {
				if !ex.langArg(p, f, call.Args[0], ks, where) {
					ks.dynamic = append(ks.dynamic, where+": "+ex.src(call.Args[0]))
				}
				return true
			}
			for i, kind := range ex.calleeKeys(p, f, call) {
				if i >= len(call.Args) {
					continue
				}
				a := call.Args[i]
				switch kind {
				case scalarKey:
					if v, ok := ex.constString(p, f, a); ok && v != "" {
						ks.add(v, where)
					}
				case sliceKey:
					for _, v := range ex.sliceElems(p, f, a) {
						ks.add(v, where)
					}
				}
			}
			return true
		})
	}
}

// langArg adds the keys the argument of a lang call can take; false when
// it cannot tell.
func (ex *extractor) langArg(p *pkg, f *ast.File, a ast.Expr, ks *keySet, where string) bool {
	if v, ok := ex.constString(p, f, a); ok {
		ks.add(v, where)
		return true
	}
	switch a := a.(type) {
	case *ast.IndexExpr: // lang.L(list[i])
		vs := ex.sliceElems(p, f, a.X)
		for _, v := range vs {
			ks.add(v, where)
		}
		return len(vs) > 0
	case *ast.SelectorExpr: // lang.L(x.field)
		vs := p.fields[a.Sel.Name]
		for v := range vs {
			ks.add(v, where)
		}
		return len(vs) > 0
	case *ast.CallExpr: // lang.L(x.Label()): domain words, checked separately
		if sel, ok := a.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Label" && len(a.Args) == 0 {
			return true
		}
	case *ast.Ident: // a key parameter, checked at the calls
		return true
	}
	return false
}

// sliceElems is the string constants of the slice or map literal e denotes
// (directly, or through a variable bound to one).
func (ex *extractor) sliceElems(p *pkg, f *ast.File, e ast.Expr) []string {
	var lits []*ast.CompositeLit
	switch e := e.(type) {
	case *ast.CompositeLit:
		lits = []*ast.CompositeLit{e}
	case *ast.Ident:
		lits = p.lits[e.Name]
	case *ast.SelectorExpr:
		if q := ex.imported(p, f, e.X); q != nil {
			lits = q.lits[e.Sel.Name]
		}
	}
	var out []string
	for _, cl := range lits {
		for _, el := range cl.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if v, ok := ex.constString(p, f, el); ok {
				out = append(out, v)
			}
		}
	}
	return out
}

func (ex *extractor) where(n ast.Node) string {
	pos := ex.fset.Position(n.Pos())
	rel, err := filepath.Rel(ex.modRoot, pos.Filename)
	if err != nil {
		rel = pos.Filename
	}
	return fmt.Sprintf("%s:%d", filepath.ToSlash(rel), pos.Line)
}

func (ex *extractor) src(e ast.Expr) string {
	start, end := ex.fset.Position(e.Pos()), ex.fset.Position(e.End())
	data, err := os.ReadFile(start.Filename)
	if err != nil || end.Offset > len(data) {
		return "?"
	}
	return string(data[start.Offset:end.Offset])
}

func TestSetup_VietnameseSourceStringsQuietAndUnchanged(t *testing.T) {
	// fyne reads the system locale once, at start: check in a child process
	// started the way a Vietnamese office machine starts the program.
	if os.Getenv("TDKT_I18N_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSetup_VietnameseSourceStringsQuietAndUnchanged$", "-test.count=1")
		cmd.Env = append(os.Environ(), "TDKT_I18N_CHILD=1", "LANG=vi_VN.UTF-8", "LC_ALL=vi_VN.UTF-8")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("in a Vietnamese locale: %v\n%s", err, out)
		}
		return
	}
	var logged strings.Builder
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	setup(t, Vietnamese)
	en := loadJSON(t, "translations/en.json")
	for k := range en {
		if got := lang.L(k); got != k {
			t.Fatalf("after Setup(vi): lang.L(%q) = %q, want the source string itself", k, got)
		}
	}
	if strings.Contains(logged.String(), "not found") {
		t.Fatalf("Vietnamese source strings logged as missing translations:\n%.400s", logged.String())
	}
}
