"""Project-wide contracts: the Qt-free core stays Qt-free, generated files match their sources."""

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.gui import build

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:]


def test_core_imports_without_qt():
    """Import every module outside desktop/gui (and the app/bench wiring) in a fresh interpreter:
    no PySide6 may be loaded."""
    core = [p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
            for p in (ROOT / "desktop").rglob("*.py")
            if "gui" not in p.parts and "migrations" not in p.parts and p.stem not in ("app", "__main__")
            and "bench" not in p.parts]
    core = [m.removesuffix(".__init__") for m in core]
    code = ("import importlib, sys\n"
            f"for m in {core!r}: importlib.import_module(m)\n"
            "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
            "print(bad); sys.exit(1 if bad else 0)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert len(core) > 15


@pytest.mark.parametrize("ui", sorted((ROOT / "ui").glob("*.ui")), ids=lambda p: p.name)
def test_generated_form_is_up_to_date(ui: Path):
    target = build.form_target(ui)
    assert target.exists(), f"run: python -m desktop.gui.build forms ({target.name} missing)"
    assert target.read_text(encoding="utf-8") == build.compile_form(ui), \
        f"{target.name} is out of date with ui/{ui.name}: run python -m desktop.gui.build forms"


@pytest.mark.parametrize("ts", build.translation_sources(), ids=lambda p: p.name)
def test_built_translation_is_up_to_date(ts: Path):
    assert build.qm_is_current(ts), f"run: python -m desktop.gui.build i18n ({ts.name})"


def test_ruff_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    out = subprocess.run([str(ruff), "check", "desktop", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:]
