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
# The demo office's director logs in from the environment, as for tdktctl.
# While the first window runs, a second instance on the same database must
# refuse with a message (exit 2) instead of opening it.
LANG=vi_VN.UTF-8 TDKT_USER=admin TDKT_PASSWORD=demo xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  bin/tdkt --db "$1" --smoke --smoke-wait 4s > "$2" 2>&1 &
  pid=$!
  sleep 1.5
  set +e
  bin/tdkt --db "$1" --smoke > "$2.second" 2>&1
  echo "second instance exit $?" >> "$2.second"
  set -e
  if [ -n "$3" ] && command -v import >/dev/null; then import -window root "$3" || true; fi
  wait $pid
' _ "$db" "$out" "$shot"
cat "$out" "$out.second"
grep -q "smoke: window drawn" "$out" || { echo "smoke: the window was not drawn" >&2; exit 1; }
grep -q "second instance exit 2" "$out.second" || { echo "smoke: a second instance was not refused" >&2; exit 1; }
grep -q "đang mở" "$out.second" || { echo "smoke: the second instance did not say why" >&2; exit 1; }
ls "$(dirname "$db")/backups/"*/*dong-chuong-trinh*.db >/dev/null || { echo "smoke: no backup was taken when the window closed" >&2; exit 1; }
echo "smoke: ok"
