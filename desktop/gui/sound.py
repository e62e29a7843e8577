"""Alarm sounds. The chime is a WAV made with Python's `wave` module (committed under
resources/sounds/, regenerated into the data folder if missing). QtMultimedia is loaded only when a
sound is first played, and a machine without it or without an audio device stays silent: the
visual alarm never depends on the sound."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

from desktop.paths import data_dir, resource

CHIME = "dwell_complete.wav"


def write_chime(path: Path, *, rate: int = 16_000) -> Path:
    """Three rising tones, 0.6 s in all, 16-bit mono: loud enough through a mask and a gown."""
    frames = bytearray()
    for freq in (660, 880, 1100):
        n = rate // 5
        for i in range(n):
            fade = min(1.0, i / 200, (n - i) / 200)
            frames += struct.pack("<h", int(14_000 * fade * math.sin(2 * math.pi * freq * i / rate)))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


def chime_path() -> Path:
    bundled = resource("sounds", CHIME)
    if bundled.exists():
        return bundled
    made = data_dir() / "sounds" / CHIME
    return made if made.exists() else write_chime(made)


class Chime(QObject):
    """Plays the completion chime if it can. `play()` never raises; it returns whether a sound
    device took the sound (False: no QtMultimedia, no device, or the format was refused)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect = None
        self._unavailable = False

    def _load(self) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except (ImportError, OSError):  # the Addons wheel or a system audio library is missing
            self._unavailable = True
            return
        if not QMediaDevices.audioOutputs():
            self._unavailable = True
            return
        self._effect = QSoundEffect(self)
        self._effect.setSource(QUrl.fromLocalFile(str(chime_path())))
        self._effect.setVolume(1.0)

    def play(self) -> bool:
        if self._effect is None and not self._unavailable:
            self._load()
        if self._effect is None:
            QApplication.beep()
            return False
        self._effect.play()
        return True
