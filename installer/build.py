"""Build the one-folder Gatehouse bundle: `python installer/build.py` → dist/gatehouse/.

Runs PyInstaller on installer/gatehouse.spec, then starts the frozen `gatehouse --version` once so a
bundle that cannot even start counts as a failed build. Prints the bundle size and build time.
Exit codes: 0 built, 1 PyInstaller or the smoke check failed, 2 PyInstaller (or, on Linux, binutils'
objdump) is not installed.

    python installer/build.py [--dist DIR] [--work DIR] [--clean] [--no-smoke]

PyInstaller is in the `build` dependency group: `uv sync --group build`.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "gatehouse.spec"
NAME = "gatehouse"


def executable(dist: Path) -> Path:
    """The console executable inside a built bundle (gatehouse-cli.exe on Windows)."""
    if sys.platform == "win32":
        return dist / NAME / f"{NAME}-cli.exe"
    return dist / NAME / NAME


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, *, clean: bool = False) -> Path:
    """Run PyInstaller; return the bundle folder. Raises CalledProcessError on failure."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / NAME


def smoke(dist: Path) -> str:
    """`gatehouse --version` from the bundle, offscreen; returns what it printed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([str(executable(dist)), "--version"], capture_output=True, text=True,
                          timeout=60, env=env, check=True)
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller work folder (default: build/)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    parser.add_argument("--no-smoke", action="store_true", help="skip running the frozen --version")
    args = parser.parse_args(argv)

    if importlib.util.find_spec("PyInstaller") is None:
        print("build: PyInstaller is not installed; run `uv sync --group build`", file=sys.stderr)
        return 2
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        print("build: PyInstaller needs objdump on Linux: apt-get install binutils", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        bundle = build(args.dist.resolve(), args.work.resolve(), clean=args.clean)
    except subprocess.CalledProcessError as exc:
        print(f"build: PyInstaller failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - started
    if not executable(args.dist.resolve()).is_file():
        print(f"build: no executable in {bundle}", file=sys.stderr)
        return 1
    print(f"bundle: {bundle}")
    print(f"size: {folder_size(bundle) / 1e6:.0f} MB")
    print(f"build time: {elapsed:.0f} s")
    if not args.no_smoke:
        try:
            print(f"smoke: {smoke(args.dist.resolve())}")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            err = getattr(exc, "stderr", "") or ""
            print(f"build: the frozen `{NAME} --version` failed: {exc}\n{err}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
