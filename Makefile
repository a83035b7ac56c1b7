# TĐKT: make run starts the desktop application, make test runs every test.
# Both install the system packages they need on Debian/Ubuntu (scripts/deps.sh).

GO      ?= go
BIN     := bin
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -s -w -X tdkt/internal/service.Version=$(VERSION)
# Tests need no C compiler: internal/ never imports fyne, and ui/ tests use
# fyne's software test driver under the ci tag.
TESTENV := CGO_ENABLED=0

.PHONY: run build test vet imports bench package smoke clean deps-gui

run: deps-gui
	CGO_ENABLED=1 $(GO) build -ldflags '$(LDFLAGS)' -o $(BIN)/tdkt ./cmd/tdkt
	./$(BIN)/tdkt

build: deps-gui
	CGO_ENABLED=1 $(GO) build -ldflags '$(LDFLAGS)' -o $(BIN)/tdkt ./cmd/tdkt
	CGO_ENABLED=0 $(GO) build -ldflags '$(LDFLAGS)' -o $(BIN)/tdktctl ./cmd/tdktctl

deps-gui:
	@scripts/deps.sh gui

vet:
	$(TESTENV) $(GO) vet -tags ci ./...

# The import direction of architecture.md: cmd → ui → service → {rules, store,
# docs, pdf, xlsx, pack} → domain; internal/ never reaches fyne.
imports:
	$(TESTENV) $(GO) test -tags ci -count=1 -run TestImportDirection ./internal/archtest/

test: vet imports
	$(TESTENV) $(GO) test -tags ci -count=1 ./...

bench:
	$(TESTENV) $(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

# A real window under Xvfb, on the demo office, that quits after its first frames.
smoke: build
	@scripts/deps.sh xvfb
	scripts/smoke.sh

package: deps-gui
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.0 package -os linux -src cmd/tdkt -icon ../../assets/Icon.png -name tdkt -app-id vn.gov.baohiemxahoi.tdkt -app-version $(VERSION)
	mkdir -p dist && mv cmd/tdkt/*.tar.xz dist/

clean:
	rm -rf $(BIN) dist
	$(GO) clean -testcache
