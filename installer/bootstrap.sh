#!/usr/bin/env bash
# Set up Gatehouse from a plain checkout on Debian/Ubuntu with only Python 3.11+, then:
#   bash installer/bootstrap.sh app  [gatehouse args]  start the app (embedded SQLite in the user data folder)
#   bash installer/bootstrap.sh test [pytest args]     run the whole test suite
#   bash installer/bootstrap.sh setup                  only set up
# Installs the Debian packages Qt needs (with sudo when not root; without root or working sudo it
# names the apt-get command to ask an administrator for and exits 2), the Python shared library
# the frozen-bundle build needs, a private copy of uv, and the locked Python dependencies (every
# group, whatever the mode) into .venv. Safe to run again: it skips what is already there.
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

# The Python the venv is made from must have its shared library for PyInstaller to build the
# frozen bundle (the slow tests); Debian ships it apart from the interpreter, as libpython3.X.
python_shared_lib_package() {
  "$PYTHON" - <<'PY'
import os, sys, sysconfig
lib = sysconfig.get_config_var("INSTSONAME") or f"libpython{sys.version_info[0]}.{sys.version_info[1]}.so.1.0"
dirs = [sysconfig.get_config_var("LIBDIR") or "", sysconfig.get_config_var("LIBPL") or "",
        f"/usr/lib/{sysconfig.get_config_var('MULTIARCH') or ''}", "/usr/lib", "/usr/local/lib"]
if not any(d and os.path.exists(os.path.join(d, lib)) for d in dirs):
    print(f"libpython{sys.version_info[0]}.{sys.version_info[1]}")
PY
}

install_system_packages() {
  command -v dpkg-query >/dev/null || { echo "bootstrap: not Debian/Ubuntu; install Qt's runtime libraries yourself" >&2; return 0; }
  local wanted=("${APT_PACKAGES[@]}") missing=() lib
  lib=$(python_shared_lib_package)
  # only when the interpreter is Debian's own: another Python (pyenv, a build) brings its own library
  if [ -n "$lib" ] && dpkg-query -S "$(readlink -f "$PYTHON")" >/dev/null 2>&1; then wanted+=("$lib"); fi
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    # -n: never ask for a password; without working sudo, say what to ask an administrator for
    if ! command -v sudo >/dev/null || ! sudo -n true 2>/dev/null; then
      echo "bootstrap: missing Debian packages; ask an administrator to run: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 2
    fi
    sudo="sudo -n"
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

PYTHON=$(find_python)
install_system_packages
ensure_uv
export UV_PYTHON_DOWNLOADS=never
# Every mode syncs the same groups, so `app` after `test` keeps PyInstaller and `test` after
# `app` has nothing to reinstall.
# Bytecode is written at install time: with PYTHONDONTWRITEBYTECODE set (as on some CI and managed
# machines) every start would otherwise compile sqlalchemy & co. again, ~2 s of CPU per command.
"$UV" sync --locked --compile-bytecode --python "$PYTHON" --group test --group build --extra postgres -q
.venv/bin/python -m compileall -q desktop >/dev/null || true

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
