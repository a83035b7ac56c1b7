#!/usr/bin/env bash
# Installs the system packages a target needs, when they are missing.
#   scripts/deps.sh gui    C compiler and the GL/X11 headers Fyne's desktop driver builds against
#   scripts/deps.sh xvfb   a virtual X server, to start the real window without a screen (CI smoke test)
#   scripts/deps.sh look   tools to look at the output: screenshots, PDF pages
#   scripts/deps.sh wine   what the Wine checks drive the window with (Wine itself: scripts/wine/wine-run.sh)
# On Debian/Ubuntu it runs apt-get (through sudo when not root). Elsewhere it
# says what to install and fails, rather than guessing a package manager.
set -euo pipefail

case "${1:-}" in
  gui)  pkgs="gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev" ;;
  xvfb) pkgs="xvfb xauth" ;;
  look) pkgs="imagemagick poppler-utils x11-apps" ;;
  office) pkgs="libreoffice-calc-nogui libreoffice-writer-nogui fonts-liberation2 poppler-utils" ;;
  windows) pkgs="gcc-mingw-w64-x86-64 nsis p7zip-full file binutils-mingw-w64-x86-64" ;;
  wine) pkgs="xvfb xauth imagemagick x11-utils" ;;
  *) echo "usage: $0 gui|xvfb|look|office|windows|wine" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  case "$1" in
    gui) echo "Cần trình biên dịch C và thư viện OpenGL/X11 cho Fyne (xem https://docs.fyne.io/started/)." \
              "Fedora: sudo dnf install gcc libXcursor-devel libXrandr-devel mesa-libGL-devel libXi-devel libXinerama-devel libXxf86vm-devel;" \
              "macOS: xcode-select --install; Windows: cài MSYS2 và gói mingw-w64-x86_64-gcc." >&2 ;;
    xvfb) echo "Cần Xvfb (máy chủ X ảo) và xvfb-run." >&2 ;;
    look) echo "Cần ImageMagick và poppler-utils." >&2 ;;
    office) echo "Cần LibreOffice Calc (soffice) để kiểm tra tệp Excel như người dùng mở." >&2 ;;
    windows) echo "Cần mingw-w64 (x86_64-w64-mingw32-gcc), NSIS (makensis) và 7-Zip." >&2 ;;
    wine) echo "Cần Xvfb, ImageMagick và xwininfo (x11-utils)." >&2 ;;
  esac
  # Not Debian: succeed only if the tools are already there.
  case "$1" in
    gui) command -v gcc >/dev/null && exit 0 ;;
    xvfb) command -v xvfb-run >/dev/null && exit 0 ;;
    look) command -v pdftoppm >/dev/null && exit 0 ;;
    office) command -v soffice >/dev/null && exit 0 ;;
    windows) command -v x86_64-w64-mingw32-gcc >/dev/null && command -v makensis >/dev/null && exit 0 ;;
    wine) command -v xwininfo >/dev/null && command -v import >/dev/null && exit 0 ;;
  esac
  exit 1
fi

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "Cài các gói hệ thống còn thiếu:$missing"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Cần quyền root để cài:$missing (chạy: apt-get install$missing)" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
