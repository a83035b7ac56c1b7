#!/usr/bin/env bash
# Screenshot of the real window under Xvfb: scripts/shot.sh DB AREA OUT.png [WAIT]
# SCREEN sets the virtual screen (default 1366x768, the common office laptop).
set -euo pipefail
db=$1 area=$2 out=$3 wait=${4:-2.5}
HOME=$(mktemp -d) LANG=vi_VN.UTF-8 TDKT_USER=${TDKT_USER-admin} TDKT_PASSWORD=${TDKT_PASSWORD-demo} xvfb-run -a -s "-screen 0 ${SCREEN:-1366x768}x24" bash -c '
  bin/tdkt --db "$1" --area "$2" --smoke --smoke-wait 6s >/dev/null 2>&1 &
  pid=$!; sleep "$4"; import -window root "$3"; wait $pid' _ "$db" "$area" "$out" "$wait"
