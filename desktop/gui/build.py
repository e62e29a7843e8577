"""Build the generated GUI files: Designer forms (ui/*.ui → desktop/gui/forms/ui_*.py) and
translations (resources/i18n/*.ts → *.qm). `python -m desktop.gui.build [forms|i18n|update-ts]`.

Generated files are committed (the app must start from a plain checkout); tests fail when one is
out of date with its source.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
FORMS_DIR = Path(__file__).resolve().parent / "forms"
I18N_DIR = ROOT / "resources" / "i18n"
HEADER = "# Generated from ui/{name} by `python -m desktop.gui.build forms` — do not edit.\n"


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def compile_form(ui: Path) -> str:
    """The Python that pyside6-uic makes of `ui`, with our header."""
    out = subprocess.run([_tool("uic"), "--from-imports", str(ui)], capture_output=True, text=True, check=True)
    body = "\n".join(line for line in out.stdout.splitlines() if not line.startswith("## Created by:"))
    return HEADER.format(name=ui.name) + body.rstrip() + "\n"


def form_target(ui: Path) -> Path:
    return FORMS_DIR / f"ui_{ui.stem}.py"


def build_forms() -> list[Path]:
    written = []
    for ui in sorted(UI_DIR.glob("*.ui")):
        target = form_target(ui)
        target.write_text(compile_form(ui), encoding="utf-8")
        written.append(target)
    return written


def python_sources() -> list[Path]:
    gui = Path(__file__).resolve().parent
    return sorted(p for p in gui.rglob("*.py") if "forms" not in p.parts) + sorted(UI_DIR.glob("*.ui"))


def update_ts() -> None:
    """Collect the GUI's strings into the .ts files (keeps existing translations)."""
    for ts in sorted(I18N_DIR.glob("*.ts")):
        subprocess.run([_tool("lupdate"), "-no-obsolete", *map(str, python_sources()), "-ts", str(ts)],
                       check=True, capture_output=True)


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)


def translation_sources() -> list[Path]:
    """Ours (*.ts, collected by update-ts) and the few words Qt's own Chinese lacks (qt/*.ts, by hand)."""
    return sorted(I18N_DIR.glob("*.ts")) + sorted(I18N_DIR.glob("qt/*.ts"))


def build_i18n() -> list[Path]:
    written = []
    for ts in translation_sources():
        qm = ts.with_suffix(".qm")
        compile_qm(ts, qm)
        written.append(qm)
    return written


def qm_is_current(ts: Path) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        compile_qm(ts, fresh)
        built = ts.with_suffix(".qm")
        return built.exists() and built.read_bytes() == fresh.read_bytes()


if __name__ == "__main__":
    what = sys.argv[1:] or ["forms", "i18n"]
    if "update-ts" in what:
        update_ts()
    if "forms" in what:
        print("\n".join(map(str, build_forms())))
    if "i18n" in what:
        print("\n".join(map(str, build_i18n())))
