# TĐKT: make run starts the desktop application, make test runs every test.
# Both install the system packages they need on Debian/Ubuntu (scripts/deps.sh).

GO      ?= go
BIN     := bin
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -s -w -X tdkt/internal/service.Version=$(VERSION)
# Tests need no C compiler: internal/ never imports fyne, and ui/ tests use
# fyne's software test driver under the ci tag.
TESTENV := CGO_ENABLED=0

.PHONY: run build test vet imports bench package smoke clean deps-gui windows installer installer-amd64 check-windows wine-check deps-windows

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
	mkdir -p dist && mv tdkt.tar.xz dist/tdkt-$(VERSION)-linux-amd64.tar.xz

# Windows: cross-compiled here with mingw-w64 (cgo for Fyne's GL driver), with
# icon, version information and manifest linked in from a generated .syso.
WINDIR   := dist/windows
WINENV   := GOOS=windows GOARCH=amd64
SETUP    := dist/tdkt-$(VERSION)-setup.exe

deps-windows:
	@scripts/deps.sh windows

windows: deps-windows
	mkdir -p $(WINDIR)
	$(GO) run ./cmd/winres -exe tdkt.exe -desc "Thi đua - Khen thưởng" -out cmd/tdkt/rsrc_windows_amd64.syso -ico $(WINDIR)/app.ico
	$(GO) run ./cmd/winres -exe tdktctl.exe -desc "Thi đua - Khen thưởng (dòng lệnh)" -out cmd/tdktctl/rsrc_windows_amd64.syso
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(WINENV) $(GO) build -trimpath -ldflags '$(LDFLAGS) -H windowsgui' -o $(WINDIR)/tdkt.exe ./cmd/tdkt
	CGO_ENABLED=0 $(WINENV) $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(WINDIR)/tdktctl.exe ./cmd/tdktctl
	rm -f cmd/tdkt/rsrc_windows_amd64.syso cmd/tdktctl/rsrc_windows_amd64.syso
	sed 's/$$/\r/' packaging/windows/README.txt > $(WINDIR)/README.txt

installer: windows
	@if [ -n "$(SIGN_CERT)" ]; then scripts/sign.sh $(WINDIR)/tdkt.exe $(WINDIR)/tdktctl.exe; fi
	makensis -V2 -DVERSION=$(VERSION) -DSRCDIR=$(CURDIR)/$(WINDIR) -DOUTFILE=$(CURDIR)/$(SETUP) packaging/windows/tdkt.nsi
	@if [ -n "$(SIGN_CERT)" ]; then scripts/sign.sh $(SETUP); fi

# The same installer for amd64: what the Wine checks install (Wine's 64-bit
# prefix runs no 32-bit stub).
SETUP64 := dist/tdkt-$(VERSION)-setup-amd64.exe
installer-amd64: windows
	makensis -V2 "-XTarget amd64-unicode" -DVERSION=$(VERSION) -DSRCDIR=$(CURDIR)/$(WINDIR) -DOUTFILE=$(CURDIR)/$(SETUP64) packaging/windows/tdkt.nsi

# The Windows build run under Wine: Go tests for Windows, tdktctl.exe, the
# window, Vietnamese typing, the installer (scripts/wine-check.sh).
wine-check: installer-amd64
	@scripts/deps.sh wine
	scripts/wine-check.sh $(VERSION)

# Static checks of the PE files and of the shipped installer.
check-windows: installer
	TDKT_WINDIR=$(CURDIR)/$(WINDIR) TDKT_SETUP=$(CURDIR)/$(SETUP) CGO_ENABLED=0 $(GO) test -count=1 -run TestBuiltWindows -v ./internal/winres/

clean:
	rm -rf $(BIN) dist
	$(GO) clean -testcache
