#!/usr/bin/env bash
# Authenticode-signs Windows files in place with osslsigncode, when a
# certificate is given (optional; CI does not sign):
#   SIGN_CERT=cert.pfx SIGN_PASS=... make installer
# SIGN_TS may name an RFC 3161 timestamp server reachable from the signing machine.
set -euo pipefail
: "${SIGN_CERT:?SIGN_CERT must name a .pfx certificate}"
for f in "$@"; do
  args=(sign -pkcs12 "$SIGN_CERT" -n "Thi đua - Khen thưởng" -h sha256 -in "$f" -out "$f.signed")
  [ -n "${SIGN_PASS:-}" ] && args+=(-pass "$SIGN_PASS")
  [ -n "${SIGN_TS:-}" ] && args+=(-ts "$SIGN_TS")
  osslsigncode "${args[@]}"
  mv "$f.signed" "$f"
  osslsigncode verify -in "$f" >/dev/null || echo "cảnh báo: $f đã ký nhưng chưa kiểm chứng được chuỗi chứng thư" >&2
done
