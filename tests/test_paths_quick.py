"""On Linux the data and log folders are found without importing platformdirs, and are the very
folders platformdirs names (a different folder would lose a person's database and preferences)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

# (environment, whether the data folder and the log folder are found the quick way)
CASES = [
    ({"HOME": "/home/wang"}, True, True),
    ({"HOME": "/home/wang", "XDG_DATA_HOME": "/data/xdg", "XDG_STATE_HOME": "/state/xdg"}, True, True),
    ({"HOME": "/home/wang", "XDG_DATA_HOME": "", "XDG_STATE_HOME": "  "}, True, True),
    ({"HOME": "/home/wang", "XDG_DATA_HOME": "relative/share"}, False, True),  # versions differ: platformdirs says
    ({"HOME": "relative-home"}, False, False),
    ({"XDG_DATA_HOME": "/only/xdg"}, True, False),
    ({}, False, False),
]

CHILD = ("import sys\n"
         "from desktop import paths\n"
         "from platformdirs import user_data_path, user_log_path\n"
         "print(paths._xdg_home('XDG_DATA_HOME', '.local/share'))\n"
         "print(paths._xdg_home('XDG_STATE_HOME', '.local/state'))\n"
         "print(user_data_path('Gatehouse', appauthor=False))\n"
         "print(user_log_path('Gatehouse', appauthor=False))\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the quick way is Linux only")
@pytest.mark.parametrize(("env", "data_quick", "log_quick"), CASES,
                         ids=lambda e: ",".join(f"{k}={v!r}" for k, v in e.items()) if isinstance(e, dict) else str(e))
def test_the_quick_folders_are_platformdirs_folders(env: dict[str, str], data_quick: bool, log_quick: bool):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "HOME", "GATEHOUSE_"))}
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60,
                         env={**base, **env}, cwd=Path(__file__).resolve().parents[1])
    assert out.returncode == 0, out.stderr[-2000:]
    quick_data, quick_state, data, log = out.stdout.splitlines()
    assert (quick_data != "None") == data_quick and (quick_state != "None") == log_quick
    if data_quick:
        assert quick_data == data
    if log_quick:
        assert f"{quick_state}/log" == log


def test_the_window_path_does_not_import_platformdirs(tmp_path: Path):
    code = ("import sys\nfrom desktop import paths\npaths.data_dir(); paths.log_dir()\n"
            "print('platformdirs' in sys.modules)\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "GATEHOUSE_"))}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**env, "HOME": str(tmp_path)}, cwd=Path(__file__).resolve().parents[1])
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == ("False" if sys.platform.startswith("linux") else "True")
    assert (tmp_path / ".local/share/Gatehouse").is_dir() or not sys.platform.startswith("linux")
