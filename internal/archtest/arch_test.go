package archtest

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-tags", "ci", "-json", "tdkt/...")
	cmd.Env = append(cmd.Environ(), "CGO_ENABLED=0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Skipf("go tool not available: %v", err)
	}
	dec := json.NewDecoder(out)
	var pkgs []pkg
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("go list: %v", err)
	}
	return pkgs
}

// layer gives each package of the module its place; a package may import
// only packages of a lower layer, or its own layer where allowed.
func layer(path string) (int, bool) {
	p := strings.TrimPrefix(path, "tdkt/")
	switch {
	case p == "internal/domain":
		return 0, true
	case p == "assets":
		return 0, true
	case p == "internal/rules", p == "internal/docs", p == "internal/paths":
		// docs holds the document models that pdf and docx render, so it
		// sits below the renderers; paths (file names, atomic writes, the
		// locks on a database file) serves the store as well as the rest.
		return 1, true
	case p == "internal/store", p == "internal/pdf", p == "internal/docx", p == "internal/xlsx", p == "internal/pack", p == "internal/winres":
		return 2, true
	case p == "internal/service":
		return 3, true
	case strings.HasPrefix(p, "ui"):
		return 4, true
	case strings.HasPrefix(p, "cmd/"), strings.HasPrefix(p, "internal/wintest"):
		// wintest drives the built programs from outside, as cmd does.
		return 5, true
	}
	return -1, false
}

func TestImportDirection(t *testing.T) {
	pkgs := listPackages(t)
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	for _, p := range pkgs {
		from, ok := layer(p.ImportPath)
		if !ok {
			if !strings.HasPrefix(p.ImportPath, "tdkt/internal/archtest") {
				t.Errorf("%s has no layer in architecture.md; add it to layer()", p.ImportPath)
			}
			continue
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, "tdkt/") {
				continue
			}
			to, ok := layer(imp)
			if !ok {
				continue
			}
			// Same-layer imports are allowed only inside ui/ (the shell imports
			// its areas, the areas import ui/kit); the layer-2 packages are peers.
			if to > from || (to == from && from != 4) {
				t.Errorf("%s imports %s: against the import direction", p.ImportPath, imp)
			}
		}
		internal := strings.HasPrefix(p.ImportPath, "tdkt/internal/") || p.ImportPath == "tdkt/assets" || p.ImportPath == "tdkt/cmd/tdktctl"
		for _, d := range p.Deps {
			if internal && strings.HasPrefix(d, "fyne.io/") {
				t.Errorf("%s depends on %s: internal/ and tdktctl must not reach fyne", p.ImportPath, d)
				break
			}
			if internal && strings.HasPrefix(d, "tdkt/ui") {
				t.Errorf("%s depends on %s", p.ImportPath, d)
			}
		}
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, "github.com/jung-kurt/gofpdf") && p.ImportPath != "tdkt/internal/pdf" {
				t.Errorf("%s imports gofpdf: only internal/pdf may", p.ImportPath)
			}
			if strings.HasPrefix(imp, "github.com/xuri/excelize") && p.ImportPath != "tdkt/internal/xlsx" {
				t.Errorf("%s imports excelize: only internal/xlsx may", p.ImportPath)
			}
			if imp == "fyne.io/fyne/v2/app" && strings.HasPrefix(p.ImportPath, "tdkt/ui") {
				t.Errorf("%s imports fyne's app package: only cmd/tdkt may", p.ImportPath)
			}
			if p.ImportPath != "tdkt/internal/store" && imp == "modernc.org/sqlite" {
				t.Errorf("%s imports the SQLite driver: only internal/store may", p.ImportPath)
			}
			// The Word writer is the standard library's zip and XML over the
			// document models: no third-party module.
			if p.ImportPath == "tdkt/internal/docx" && strings.Contains(strings.Split(imp, "/")[0], ".") {
				t.Errorf("%s imports %s: docx uses only the standard library, docs and domain", p.ImportPath, imp)
			}
		}
	}
}
