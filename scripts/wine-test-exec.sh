#!/usr/bin/env bash
# go test -exec for the Windows build under Wine: runs a test binary with
# scripts/wine/wine-run.sh, its output kept in a file until it ends. When
# Wine itself did not run the binary (an exit without a line of output, or
# Wine's known fault), it is run again, at most three times in all. A test
# that fails prints why, so it is never retried.
#   go test -exec scripts/wine-test-exec.sh …
set -u
run=$(cd "$(dirname "$0")" && pwd)/wine/wine-run.sh
out=$(mktemp)
trap 'rm -f "$out"' EXIT
code=0
for try in 1 2 3; do
  "$run" run "$@" >"$out" 2>&1 </dev/null
  code=$?
  if [ "$code" -eq 0 ] || { [ -s "$out" ] && ! grep -q "Unhandled page fault" "$out"; }; then
    break
  fi
  echo "wine-test-exec: Wine did not run $(basename "$1") (exit $code, try $try of 3)" >&2
  sleep 2
done
cat "$out"
exit "$code"
