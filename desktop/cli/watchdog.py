"""An overall time limit for commands nobody is watching (`demo`, `screenshots`, `bench`).

Such a command must never wait for a person. Should it hang anyway — a dialog nobody can
answer, a lock never released — the watchdog names the step it was in, prints where the main
thread is stuck, and ends the process with exit 1 instead of leaving a CI job or a script
waiting forever. It runs on its own daemon thread, so it works whatever the main thread
(a Qt event loop, a database call) is blocked in.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.i18n import t

ENV = "GATEHOUSE_TIME_LIMIT"  # seconds; overrides a command's default limit


class Watchdog:
    def __init__(self, command: str, seconds: float) -> None:
        self.command, self.seconds = command, seconds
        self.step = t("启动", "starting")
        self._done = threading.Event()

    def at(self, step: str) -> None:
        """The command has moved on to `step` (named in the message should it hang there)."""
        self.step = step

    def _watch(self) -> None:
        if self._done.wait(self.seconds):
            return
        print(t("gatehouse {c}：{s} 秒内没有完成，卡在：{w}",
                "gatehouse {c}: did not finish within {s} s; it hung at: {w}",
                c=self.command, s=f"{self.seconds:g}", w=self.step), file=sys.stderr, flush=True)
        with contextlib.suppress(OSError, ValueError, AttributeError, RuntimeError):  # no real stderr (windowed .exe)
            faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        os._exit(1)

    def start(self) -> None:
        threading.Thread(target=self._watch, name=f"watchdog-{self.command}", daemon=True).start()

    def stop(self) -> None:
        self._done.set()


def limit(default: float) -> float:
    raw = os.environ.get(ENV, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        return default


@contextmanager
def watchdog(command: str, seconds: float) -> Iterator[Watchdog]:
    """`with watchdog("screenshots", 300) as dog: dog.at("gate page") ...`"""
    dog = Watchdog(command, limit(seconds))
    dog.start()
    try:
        yield dog
    finally:
        dog.stop()
