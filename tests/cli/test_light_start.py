"""`gatehouse --help` and `--version` answer without the data stack or Qt, and the window's usual
command lines are read as argparse reads them, without argparse (desktop.cli._window_options)."""

import os
import subprocess
import sys

import pytest

from desktop.cli import _window_options, _window_requested

HEAVY = ("PySide6", "shiboken6", "sqlmodel", "sqlalchemy", "alembic", "reportlab", "openpyxl")


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_neither_qt_nor_the_data_stack(flag: str):
    code = ("import sys\n"
            "from desktop.cli import main\n"
            "try:\n"
            f"    code = main([{flag!r}])\n"
            "except SystemExit as exc:\n"
            "    code = exc.code or 0\n"
            f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})\n"
            "print('HEAVY', heavy, file=sys.stderr)\n"
            "sys.exit(1 if heavy or code else 0)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert "HEAVY []" in out.stderr
    assert ("usage: gatehouse" in out.stdout) if flag == "--help" else out.stdout.startswith("Gatehouse ")


@pytest.mark.parametrize("argv", [
    [], ["--db", "x.sqlite3"], ["--db=x.sqlite3", "--station", "gate"], ["--lang", "en", "--json"],
    ["--db", "a", "--db", "b"], ["--station="], ["--db", ""],
])
def test_the_windows_usual_options_read_as_argparse_reads_them(argv: list[str]):
    fast = _window_options(argv)
    assert fast is not None
    import argparse

    from desktop.cli import common_options

    slow = argparse.ArgumentParser(add_help=False, parents=[common_options(suppress=False)])
    slow.add_argument("--station", default=None)
    assert vars(fast) == vars(slow.parse_args(argv))


@pytest.mark.parametrize("argv", [
    ["scan", "X"], ["--db"], ["--db", "--json"], ["--lang", "fr"], ["--st", "gate"], ["--help"], ["-h"],
])
def test_anything_else_is_left_to_argparse(argv: list[str]):
    assert _window_options(argv) is None


def test_a_command_is_not_taken_for_the_window():
    assert _window_requested(["verify", "--db", "x"]) is None
    assert _window_requested(["--st", "gate"]).station == "gate"  # argparse's abbreviation, as before
