#!/usr/bin/env bash
# The centre at scale: 34 distinct demo offices (the 34 provincial offices
# after the 2025 merger, STAFF people each), each exports the signed
# package of its approved round, encrypted to the centre; a central
# database registers their keys, imports the 34 packages, writes the
# yearly report and returns a signed feedback package to every office,
# which imports it. Prints the time and peak memory of each step.
#
#   scripts/centre-scale.sh [STAFF] [WORKDIR]     (defaults: 2000, a new temporary folder)
set -euo pipefail
STAFF=${1:-2000}
WORK=${2:-$(mktemp -d /tmp/tdkt-centre-XXXX)}
cd "$(dirname "$0")/.."
mkdir -p "$WORK/offices" "$WORK/packages" "$WORK/feedback"
CGO_ENABLED=0 go build -o "$WORK/tdktctl" ./cmd/tdktctl
T="$WORK/tdktctl"
office=(env TDKT_USER=admin TDKT_PASSWORD=demo TDKT_PASSPHRASE=demo)
centre=(env TDKT_USER=trunguong TDKT_PASSWORD=trung-uong-2026 TDKT_PASSPHRASE=mat-khau-trung-uong)
timed() { /usr/bin/time -f "%e s, %M KB: $1" "${@:2}"; }

CENTRE="$WORK/centre.db"
"${centre[@]}" "$T" --db "$CENTRE" central init --code BHXHVN --name "Bảo hiểm xã hội Việt Nam" >/dev/null
"${centre[@]}" "$T" --db "$CENTRE" key export --out "$WORK/trung-uong.pub" >/dev/null

# The refusal of an unknown office code lists the 34 codes.
codes=$("$T" --db "$WORK/probe.db" demo --office '?' 2>&1 | grep -oE '\b[A-Z]{3}\b' | sort -u || true)
rm -f "$WORK"/probe.db*
[ "$(echo "$codes" | wc -w)" -eq 34 ] || { echo "expected 34 office codes, got: $codes" >&2; exit 1; }
start=$(date +%s.%N)
for c in $codes; do
	db="$WORK/offices/$c.db"
	"${office[@]}" "$T" --db "$db" demo --office "$c" --staff "$STAFF" --years 6 >/dev/null
	"${office[@]}" "$T" --db "$db" key central "$WORK/trung-uong.pub" >/dev/null
	"${office[@]}" "$T" --db "$db" key export --out "$WORK/offices/$c.pub" >/dev/null
	"${office[@]}" "$T" --db "$db" export package --round 1 --out "$WORK/packages/$c.zip" >/dev/null
	"${centre[@]}" "$T" --db "$CENTRE" central keys add "$WORK/offices/$c.pub" >/dev/null
done
echo "34 offices of $STAFF staff built and exported in $(echo "$(date +%s.%N) - $start" | bc) s"
ls -l "$WORK"/packages/*.zip | awk '{s+=$5} END {printf "34 packages, %.1f MB\n", s/1048576}'

timed "central import of 34 packages" "${centre[@]}" "$T" --db "$CENTRE" central import "$WORK"/packages/*.zip >/dev/null
timed "central report 2025" "${centre[@]}" "$T" --db "$CENTRE" central report --year 2025 --out "$WORK/tong-hop-2025.xlsx" >/dev/null
start=$(date +%s.%N)
for c in $codes; do
	"${centre[@]}" "$T" --db "$CENTRE" central feedback --unit "$c" --year 2025 --round 1 --number "1234/QĐ-BTC" --date 20/03/2026 \
		--issuer "Bộ trưởng Bộ Tài chính" --out "$WORK/feedback/$c.zip" >/dev/null
	"${office[@]}" "$T" --db "$WORK/offices/$c.db" feedback import "$WORK/feedback/$c.zip" >/dev/null
done
echo "34 feedback packages written and imported in $(echo "$(date +%s.%N) - $start" | bc) s"
echo "work folder: $WORK"
