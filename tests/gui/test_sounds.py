import hashlib
import wave

from desktop import paths
from desktop.gui import sounds
from desktop.services.handoff import VerdictKind


def test_every_verdict_has_its_own_shipped_sound_and_the_files_are_what_the_generator_makes(tmp_path):
    shipped = {k.value: paths.resource("sounds", sounds.file_name(k.value)) for k in VerdictKind}
    digests = set()
    for kind, path in shipped.items():
        assert path.exists(), kind
        with wave.open(str(path)) as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, sounds.RATE)
            assert 0.1 < w.getnframes() / sounds.RATE < 1.0  # short enough not to delay the next scan
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    assert len(digests) == len(shipped)  # distinct
    for path in sounds.write_all(tmp_path):
        assert path.read_bytes() == paths.resource("sounds", path.name).read_bytes()


def test_no_audio_device_means_silence_not_an_error(qapp):
    player = sounds.Sounds(enabled=None)  # offscreen: no audio backend is touched
    player.play("ok")
    player.play("no-such-verdict")
    assert player.last == "no-such-verdict" and not player.enabled
