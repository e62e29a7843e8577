"""desktop.outfiles: an output never lands on a database or on a file of another kind, and a
failed write leaves the old file as it was."""

import os
from pathlib import Path

import pytest

from desktop import outfiles
from desktop.outfiles import OutputRefused, replacing, write_file

PDF = b"%PDF-1.4\n" + b"x" * 100


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "g.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    return path


def _refused(target: Path, protect: list[Path]) -> None:
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(OutputRefused):
        write_file(target, PDF, "pdf", protect=protect)
    assert (target.read_bytes() if target.exists() else None) == before
    assert not list(target.parent.glob(".*.tmp*")), "no temporary file left behind"


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_database_and_its_side_files_are_refused_existing_or_not(database: Path, suffix: str):
    _refused(Path(f"{database}{suffix}"), [database])


def test_the_database_is_refused_through_a_symlink_a_relative_path_and_a_hard_link(
        database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    link = tmp_path / "report.pdf"
    link.symlink_to(database)
    _refused(link, [database])
    hard = tmp_path / "hard.pdf"
    os.link(database, hard)
    _refused(hard, [database])
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    _refused(Path("../g.sqlite3"), [Path("../g.sqlite3")])
    _refused(Path("..") / "g.sqlite3-wal", [database])


def test_a_database_opened_in_this_process_is_protected_without_being_named(database: Path, tmp_path: Path):
    outfiles.protect(database)
    _refused(database, [])


def test_an_existing_file_of_another_kind_is_refused(tmp_path: Path):
    notes = tmp_path / "notes.pdf"
    notes.write_text("我的笔记 — my notes")
    _refused(notes, [])
    with pytest.raises(OutputRefused):
        write_file(tmp_path, PDF, "pdf")  # a folder


def test_an_earlier_file_of_the_same_kind_or_an_empty_one_is_replaced(tmp_path: Path):
    earlier = tmp_path / "r.pdf"
    earlier.write_bytes(b"%PDF-1.7 earlier")
    write_file(earlier, PDF, "pdf")
    assert earlier.read_bytes() == PDF
    empty = tmp_path / "mktemp.pdf"
    empty.touch()
    write_file(empty, PDF, "pdf")
    assert empty.read_bytes() == PDF


def test_a_symlink_to_an_earlier_report_keeps_the_link_and_replaces_its_target(tmp_path: Path):
    target = tmp_path / "real.pdf"
    target.write_bytes(b"%PDF-old")
    link = tmp_path / "latest.pdf"
    link.symlink_to(target)
    write_file(link, PDF, "pdf")
    assert link.is_symlink() and target.read_bytes() == PDF


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary_file(tmp_path: Path):
    earlier = tmp_path / "r.pdf"
    earlier.write_bytes(b"%PDF-1.7 earlier")
    with pytest.raises(OSError), replacing(earlier, "pdf") as tmp:
        tmp.write_bytes(PDF[:10])
        raise OSError(28, "No space left on device")
    assert earlier.read_bytes() == b"%PDF-1.7 earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_writing_something_not_of_the_kind_is_a_bug_not_a_file(tmp_path: Path):
    with pytest.raises(RuntimeError):
        write_file(tmp_path / "x.pdf", b"not a pdf", "pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_refused(tmp_path: Path):
    with pytest.raises(OutputRefused):
        write_file(tmp_path / "missing" / "r.pdf", PDF, "pdf")


def test_protected_from_reads_paths_and_sqlite_urls_only(tmp_path: Path):
    assert outfiles.protected_from(str(tmp_path / "a.db")) == [tmp_path / "a.db"]
    assert outfiles.protected_from(f"sqlite:///{tmp_path}/a.db?mode=rwc") == [tmp_path / "a.db"]
    assert outfiles.protected_from("postgresql+psycopg://u@h/db") == []
