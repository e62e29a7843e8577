"""A distinct sound for each handoff verdict, so a gloved hand knows the answer without looking.

The tones are generated with the standard `wave` module (resources/sounds/handoff_*.wav; run
`python -m desktop.gui.sounds` to write them again). Playing goes through QtMultimedia's
QSoundEffect, created only when the machine has an audio output: no sound card, a missing
multimedia backend or GATEHOUSE_MUTE=1 means silence, never an error.
"""

from __future__ import annotations

import logging
import math
import os
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from desktop import paths

log = logging.getLogger(__name__)
RATE = 22_050

# (frequency Hz, milliseconds); frequency 0 is a pause. Rising = good, low and harsh = stop.
TONES: dict[str, list[tuple[float, int]]] = {
    "ok": [(880, 110), (0, 30), (1320, 180)],
    "not_yet": [(660, 140), (0, 90), (660, 140)],
    "already": [(220, 160), (0, 60), (220, 160), (0, 60), (220, 260)],
    "voided": [(700, 150), (520, 150), (350, 250)],
    "recalled": [(440, 150), (660, 150), (440, 150), (660, 150)],
    "unknown": [(300, 450)],
    "invalid": [(1000, 70), (0, 50), (1000, 70), (0, 50), (1000, 70)],
    "busy": [(523, 160), (392, 260)],
    "withdrawn": [(700, 150), (520, 150), (350, 250), (0, 80), (350, 250)],
}


def file_name(kind: str) -> str:
    return f"handoff_{kind}.wav"


def render(notes: list[tuple[float, int]], *, harsh: bool = False) -> bytes:
    """16-bit mono PCM; each note fades in and out over 5 ms so it does not click."""
    frames = bytearray()
    for freq, ms in notes:
        count = int(RATE * ms / 1000)
        fade = max(1, int(RATE * 0.005))
        for i in range(count):
            if freq <= 0:
                sample = 0.0
            else:
                phase = math.sin(2 * math.pi * freq * i / RATE)
                sample = math.copysign(min(1.0, abs(phase) * 3), phase) if harsh else phase
                sample *= min(1.0, i / fade, (count - i) / fade)
            frames += struct.pack("<h", int(sample * 0.6 * 32767))
    return bytes(frames)


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, notes in TONES.items():
        path = folder / file_name(kind)
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(render(notes, harsh=kind in ("already", "unknown")))
        written.append(path)
    return written


def sound_file(kind: str) -> Path:
    """The shipped file, or one generated into the data folder when the bundle lacks it."""
    shipped = paths.resource("sounds", file_name(kind))
    if shipped.exists():
        return shipped
    cache = paths.data_dir() / "sounds"
    if not (cache / file_name(kind)).exists():
        write_all(cache)
    return cache / file_name(kind)


def audio_available() -> bool:
    if os.environ.get("GATEHOUSE_MUTE") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return False  # tests and headless runs: the multimedia backend would only complain
    try:
        from PySide6.QtMultimedia import QMediaDevices

        return not QMediaDevices.defaultAudioOutput().isNull()
    except Exception:  # no multimedia plugin at all
        return False


class Sounds(QObject):
    """`play(kind)` plays the verdict's sound if there is a way to; `last` remembers what was asked
    for (screens and tests can see the sound was chosen even where none can be heard)."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool | None = None) -> None:
        super().__init__(parent)
        self._enabled = enabled  # None: find out at the first sound (keeps QtMultimedia out of startup)
        self.last: str | None = None
        self._effects: dict[str, object] = {}

    @property
    def enabled(self) -> bool:
        if self._enabled is None:
            self._enabled = audio_available()
        return self._enabled

    def play(self, kind: str) -> None:
        self.last = kind
        if kind not in TONES or not self.enabled:
            return
        try:
            effect = self._effects.get(kind) or self._load(kind)
            effect.play()  # type: ignore[attr-defined]
        except Exception:  # a sound is a courtesy; it must never stop a scan
            log.exception("could not play %s", kind)
            self._enabled = False

    def _load(self, kind: str) -> object:
        from PySide6.QtMultimedia import QSoundEffect

        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(sound_file(kind))))
        effect.setVolume(0.9)
        self._effects[kind] = effect
        return effect


if __name__ == "__main__":
    for p in write_all(paths.resources_dir() / "sounds"):
        print(p)
