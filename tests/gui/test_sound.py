import wave

import pytest

from desktop.gui import sound


def test_the_chime_is_a_short_wav(tmp_path):
    path = sound.write_chime(tmp_path / "c.wav")
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16_000)
        assert 0.4 < w.getnframes() / w.getframerate() < 1.0
    assert sound.chime_path().exists()


@pytest.mark.qt_log_level_fail("CRITICAL")  # QtMultimedia complains loudly on a machine without audio
def test_a_machine_without_an_audio_device_stays_silent_without_raising(qapp):
    chime = sound.Chime()
    first = chime.play()
    assert chime.play() is first  # decided once, never raises
