"""The kill -9 test script, run a few times: the file stays intact and nothing acknowledged is lost
(the README's figure is the same script with 200 runs)."""

from desktop.bench import killtest


def test_kill_nine_while_writing_loses_nothing_acknowledged(tmp_path, capsys):
    figures = killtest.run(6, tmp_path / "k.sqlite3", seed=3)
    assert figures["runs"] == 6 and figures["acknowledged"] > 0
    assert figures["lost"] == 0 and figures["integrity_failures"] == 0 and figures["verify_ok"], figures
    assert killtest.main(["--runs", "2"]) == 0
    assert "0 lost, 0 integrity failures, verify ok" in capsys.readouterr().out
