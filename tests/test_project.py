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


# What only printing, exporting or signing needs: ~45 MB resident and a tenth of a second of start-up
# that a window showing its pages must not pay (desktop/documents/views.py).
PRINTING_ONLY = ("reportlab", "openpyxl", "barcode", "segno", "PIL", "cryptography")


def _modules(*parts: str) -> list[str]:
    found = [p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
             for p in (ROOT.joinpath(*parts)).rglob("*.py") if "migrations" not in p.parts]
    return sorted(m.removesuffix(".__init__") for m in found)


def test_pages_and_services_load_without_the_printing_libraries():
    """Every station page (what the window imports to show it) and every service, imported in one
    fresh interpreter, leave reportlab, openpyxl, python-barcode, segno, Pillow and cryptography
    unloaded: the builders that need them are imported by the functions that print or sign."""
    wanted = ["desktop.gui.main_window", "desktop.gui.startup", *_modules("desktop", "gui", "stations"),
              *_modules("desktop", "services")]
    code = ("import importlib, sys\n"
            f"for m in {wanted!r}: importlib.import_module(m)\n"
            f"bad = sorted({{n.split('.')[0] for n in sys.modules}} & set({PRINTING_ONLY!r}))\n"
            "print(bad); sys.exit(1 if bad else 0)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stdout + out.stderr[-3000:]
    assert len(wanted) > 60


def test_every_service_imports_on_its_own():
    """Each service module imported first, on its own, in a fresh interpreter: no import cycle hides
    behind the order in which the app happens to import them (authz and audit once needed audit
    first). One interpreter: the services are dropped from sys.modules between two imports."""
    services = [m for m in _modules("desktop", "services") if m != "desktop.services"]
    code = ("import importlib, sys, traceback\n"
            "bad = []\n"
            f"for m in {services!r}:\n"
            "    for name in [n for n in sys.modules if n.startswith('desktop.services')]:\n"
            "        del sys.modules[name]\n"
            "    try:\n"
            "        importlib.import_module(m)\n"
            "    except Exception as exc:\n"
            "        bad.append(f'{m}: {exc!r}')\n"
            "print('\\n'.join(bad)); sys.exit(1 if bad else 0)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr[-3000:]
    assert len(services) > 40


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
