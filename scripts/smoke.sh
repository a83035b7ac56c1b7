#!/usr/bin/env bash
# Starts the real desktop window under Xvfb on a fresh demo office, waits for
# it to draw, takes a screenshot when ImageMagick is there, and checks that
# the process exits cleanly on its own (--smoke quits after the first frames).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/Hồ sơ thi đua/tdkt.db"
bin/tdktctl --db "$db" demo --staff 300 >/dev/null
out="$work/smoke.log"
shot="${SMOKE_SCREENSHOT:-}"
LANG=vi_VN.UTF-8 xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  bin/tdkt --db "$1" --smoke > "$2" 2>&1 &
  pid=$!
  if [ -n "$3" ] && command -v import >/dev/null; then sleep 1.2; import -window root "$3" || true; fi
  wait $pid
' _ "$db" "$out" "$shot"
cat "$out"
grep -q "smoke: window drawn" "$out" || { echo "smoke: the window was not drawn" >&2; exit 1; }
echo "smoke: ok"
