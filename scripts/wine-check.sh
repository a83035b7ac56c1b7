#!/usr/bin/env bash
# The Windows build under Wine (scripts/wine/wine-run.sh), after `make
# installer-amd64` has built dist/windows and the amd64 installer:
#   1. the Go tests of internal/ built for Windows (GOOS=windows), with a
#      drive N: mapped as a network drive for the store's refusal, each
#      binary run again when Wine itself did not run it
#      (scripts/wine-test-exec.sh);
#   2. internal/wintest: tdktctl.exe through a year on a Vietnamese path with
#      spaces, the real window (screenshot, fit, backup on closing),
#      Vietnamese typing as Unikey/EVKey send it, the network drive refused,
#      the installer installed and uninstalled silently.
# The Wine prefix is kept in dist/wine-prefix between runs.
#   scripts/wine-check.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?version}
export WINEPREFIX=${WINEPREFIX:-$PWD/dist/wine-prefix}
export LC_ALL=C.UTF-8
run=$PWD/scripts/wine/wine-run.sh
step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "Wine prefix $WINEPREFIX"
"$run" setup
# N: as a network drive (Wine reads the drive type from its registry).
mkdir -p "$WINEPREFIX/netshare"
ln -sfn "$WINEPREFIX/netshare" "$WINEPREFIX/dosdevices/n:"
wine reg add 'HKLM\Software\Wine\Drives' /v 'n:' /d network /f >/dev/null 2>&1
# A program that faults ends (with its report on stderr) instead of waiting
# behind Wine's crash dialog.
wine reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD /d 0 /f >/dev/null 2>&1
wineserver -w
# A display of this run's own: another run's Xvfb, or the socket a killed
# one left behind, would make every window of the checks fail to open.
for n in $(seq 151 199); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || break
done
export WINE_RUN_DISPLAY=:$n
Xvfb "$WINE_RUN_DISPLAY" -screen 0 1366x768x24 -nolisten tcp </dev/null >/dev/null 2>&1 &
xvfb=$!
trap 'wineserver -k 2>/dev/null || true; kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
kill -0 $xvfb || { echo "Xvfb did not start on $WINE_RUN_DISPLAY" >&2; exit 1; }
# Wine's own programs (services, the desktop) start with the first program
# and inherit its output: started by a test, they would hold the test's
# output open after it ended. Start them now, detached, and keep them.
wineserver -p
"$run" gui cmd /c exit </dev/null >/dev/null 2>&1

step "Go tests of internal/ for Windows"
TDKT_TEST_NETWORK_DRIVE=N GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
  go test -tags ci -count=1 -overlay "$("$run" overlay)" -exec "$PWD/scripts/wine-test-exec.sh" ./internal/...

# The programs of the next checks wait for the prefix to fall idle, which a
# kept server never does.
wineserver -k || true; wineserver -w

step "The executables, the window, typing and the installer"
TDKT_WINDIR=$PWD/dist/windows TDKT_SETUP=$PWD/dist/tdkt-$version-setup-amd64.exe TDKT_WINE_RUN=$run \
  CGO_ENABLED=0 go test -tags wine -count=1 -v -timeout 40m ./internal/wintest/ 2>&1 |
  grep -v -e '^=== ' -e 'Fyne error' -e '  At: ' -e '  Cause: '
step "done"
