#!/usr/bin/env bash
# Set up Gatehouse from a plain checkout on Debian/Ubuntu with only Python 3.11+, then:
#   bash installer/bootstrap.sh app  [gatehouse args]  start the app (embedded SQLite in the user data folder)
#   bash installer/bootstrap.sh test [pytest args]     run the whole test suite
#   bash installer/bootstrap.sh setup                  only set up
# Installs the Debian packages Qt needs (with sudo when not root), a private copy of uv, and the
# locked Python dependencies into .venv. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-setup}"; shift || true

# Qt offscreen/xcb runtime, CJK fonts for the UI, poppler (tests rasterise PDFs), Xvfb for a
# real window on a headless box, venv/pip for a Python without them, binutils (PyInstaller needs
# objdump to build the frozen bundle in the slow test).
APT_PACKAGES=(libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libcups2 fonts-droid-fallback fonts-wqy-microhei
  libpulse0 poppler-utils sqlite3 xvfb xauth python3-venv python3-pip binutils)

install_system_packages() {
  command -v dpkg-query >/dev/null || { echo "bootstrap: not Debian/Ubuntu; install Qt's runtime libraries yourself" >&2; return 0; }
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: as root, run: apt-get install -y ${missing[*]}" >&2; exit 2; }
    sudo="sudo"
  fi
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_python() {
  for py in python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$py"; return 0
    fi
  done
  echo "bootstrap: Python 3.11 or newer is needed" >&2; exit 2
}

ensure_uv() {
  if command -v uv >/dev/null; then UV=$(command -v uv); return; fi
  if [ ! -x .tools/bin/uv ]; then
    "$PYTHON" -m venv .tools
    .tools/bin/python -m pip install -q --disable-pip-version-check uv
  fi
  UV=.tools/bin/uv
}

install_system_packages
PYTHON=$(find_python)
ensure_uv
export UV_PYTHON_DOWNLOADS=never
groups=(--group test --extra postgres)
[ "$mode" = test ] && groups+=(--group build)
"$UV" sync --locked --python "$PYTHON" "${groups[@]}" -q

case "$mode" in
  setup) echo "bootstrap: ready — .venv/bin/gatehouse starts the app" ;;
  app)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "bootstrap: no display; starting under Xvfb" >&2
      exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/gatehouse "$@"
    fi
    exec .venv/bin/gatehouse "$@" ;;
  test) exec .venv/bin/python -m pytest "$@" ;;
  *) echo "usage: bash installer/bootstrap.sh [setup|app|test] [args]" >&2; exit 2 ;;
esac
