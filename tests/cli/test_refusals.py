"""What a user trying to break the headless commands found, each now one plain line and an exit code:
an --out over the database, a mistyped or blank --db, another program's SQLite file, a full disk,
an unreachable server, a locked database, a closed pipe."""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import engine
from desktop.store.migrate import SQLITE_HEADER

UNREACHABLE = "postgresql+psycopg://x@127.0.0.1:1/x"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def gatehouse(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    streams = kw or {"capture_output": True}
    return subprocess.run([sys.executable, "-m", "desktop", *args], text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}, **streams)


def assert_plain(out: subprocess.CompletedProcess) -> None:
    """One or two lines on stderr, no traceback."""
    assert "Traceback" not in out.stderr, out.stderr
    assert 1 <= len(out.stderr.strip().splitlines()) <= 2, out.stderr


def one_line(capsys: pytest.CaptureFixture) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


@pytest.fixture
def closed_db(db, db_path: Path) -> Path:
    """A set-up database nobody holds open (so its bytes stay put unless written)."""
    db.dispose()
    return db_path


def foreign_file(path: Path) -> Path:
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        raw.execute("INSERT INTO contacts VALUES ('张三', '13800000000')")
    return path


# --- outputs -----------------------------------------------------------------------------------


def test_report_out_over_the_database_or_its_side_files_is_refused_and_nothing_changes(
        closed_db: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch):
    before = sha(closed_db)
    link = tmp_path / "today.pdf"
    link.symlink_to(closed_db)
    monkeypatch.chdir(tmp_path)
    for target in (str(closed_db), "gatehouse.sqlite3", f"{closed_db}-wal", f"{closed_db}-shm", str(link)):
        assert main(["--db", "gatehouse.sqlite3", "report", "daily", "--out", target]) == 2, target
        assert "数据库文件" in one_line(capsys)
    assert sha(closed_db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gatehouse.sqlite3", "today.pdf"]


def test_report_out_over_the_live_wal_of_an_open_database_is_refused(db, db_path: Path, capsys):
    wal = Path(f"{db_path}-wal")
    assert wal.exists()
    before = wal.read_bytes()
    assert main(["report", "daily", "--db", str(db_path), "--out", str(wal)]) == 2
    assert wal.read_bytes() == before and db_path.read_bytes().startswith(SQLITE_HEADER)


def test_report_out_over_an_unrelated_file_is_refused_but_an_earlier_report_is_replaced(
        made_db: str, tmp_path: Path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    notes = folder / "notes.pdf"
    notes.write_text("交接班记录 — handover notes\n")
    before = sha(notes)
    assert main(["report", "daily", "--db", made_db, "--out", str(notes)]) == 2
    assert "不是 PDF" in one_line(capsys) and sha(notes) == before
    report = folder / "日报.pdf"
    report.write_bytes(b"%PDF-1.4 an earlier report")
    assert main(["report", "daily", "--db", made_db, "--out", str(report)]) == 0
    assert report.read_bytes().startswith(b"%PDF-") and len(report.read_bytes()) > 1000
    assert sorted(p.name for p in folder.iterdir()) == ["notes.pdf", "日报.pdf"]


def test_slip_pdfs_into_a_folder_refuse_a_foreign_file_in_the_way(tmp_path: Path, capsys):
    from desktop.services import demo
    from desktop.store.migrate import open_database

    path = tmp_path / "demo.sqlite3"
    database = open_database(str(path))
    try:
        demo.build(database, day=date(2026, 11, 28), seed=7)
    finally:
        database.dispose()
    out = tmp_path / "pdfs"
    out.mkdir()
    (out / "slips-all-a4.pdf").write_text("not mine")
    assert main(["slips", "pdf", "--db", str(path), "--out", str(out), "--size", "a4"]) == 2
    assert (out / "slips-all-a4.pdf").read_text() == "not mine"
    assert main(["slips", "pdf", "--db", str(path), "--out", str(path), "--size", "a4"]) == 2  # a file, not a folder


# --- which database ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["verify"], ["scan", "SQ-9QHF4Q5QK"], ["report", "daily"], ["timers"],
                                     ["slips", "list"], ["policy", "show"], ["households", "waiting"]],
                         ids=lambda c: c[0])
def test_a_mistyped_database_path_is_bad_usage_and_creates_nothing(command: list[str], tmp_path: Path, capsys):
    typo = tmp_path / "gatehuose.sqlite3"
    assert main([*command, "--db", str(typo)]) == 2
    assert str(typo) in one_line(capsys)
    assert list(tmp_path.iterdir()) == []


def test_an_import_into_a_mistyped_database_is_bad_usage(tmp_path: Path, capsys):
    sheet = tmp_path / "orders.csv"
    sheet.write_text("小区,楼栋\n")
    assert main(["households", "import", str(sheet), "--db", str(tmp_path / "typo.sqlite3")]) == 2
    assert main(["approvals", "import", str(sheet), "--db", str(tmp_path / "typo.sqlite3")]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orders.csv"]


def test_a_blank_db_option_or_variable_is_bad_usage_not_the_default_database(monkeypatch, capsys):
    assert main(["verify", "--db", ""]) == 2
    assert "--db" in one_line(capsys)
    assert main(["--db", "  "]) == 2  # the window too: refused before it opens
    assert "--db" in one_line(capsys)
    monkeypatch.setenv("GATEHOUSE_DB", "")
    assert main(["verify"]) == 2
    assert "GATEHOUSE_DB" in one_line(capsys)
    data = Path(os.environ["GATEHOUSE_DATA_DIR"])
    assert not (data / "gatehouse.sqlite3").exists()


@pytest.mark.parametrize("command", [["verify"], ["scan", "SQ-9QHF4Q5QK"], ["report", "daily"], ["demo"]],
                         ids=lambda c: c[0])
def test_another_programs_sqlite_file_is_refused_byte_for_byte(command: list[str], tmp_path: Path, capsys):
    path = foreign_file(tmp_path / "contacts.db")
    before = sha(path)
    assert main([*command, "--db", str(path)]) == 2
    assert "contacts" in one_line(capsys)
    assert sha(path) == before
    assert path.read_bytes()[18:20] == b"\x01\x01", "still a rollback-journal file, not switched to WAL"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_an_empty_file_is_refused_by_verify_but_set_up_by_demo(tmp_path: Path, capsys):
    path = tmp_path / "new.sqlite3"
    path.touch()
    assert main(["verify", "--db", str(path)]) == 2
    assert path.read_bytes() == b""
    capsys.readouterr()
    assert main(["demo", "--db", str(path), "--date", "2026-11-28"]) == 0
    assert main(["verify", "--db", str(path)]) == 0


# --- the machine and the network ---------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """Mount a small tmpfs (root only); yields a function that mounts one of a given size."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        where = tmp_path / f"disk{len(mounted)}"
        where.mkdir()
        out = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            pytest.skip(f"cannot mount a small file system here: {out.stderr.strip()}")
        mounted.append(where)
        return where

    if os.name != "posix" or shutil.which("mount") is None:
        pytest.skip("no mount(8)")
    yield mount
    for where in mounted:
        subprocess.run(["umount", str(where)], capture_output=True)


def fill(disk: Path) -> None:
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_full_disk_during_demo_is_one_line_exit_1_and_leaves_nothing(tiny_disk):
    disk = tiny_disk("300k")
    out = gatehouse("demo", "--db", str(disk / "d.sqlite3"), "--date", "2026-11-28")
    assert out.returncode == 1, out.stderr
    assert_plain(out)
    assert "磁盘已满" in out.stderr
    assert list(disk.iterdir()) == []


def test_a_full_disk_under_the_database_during_scan_is_one_line_exit_1(tiny_disk, closed_db: Path):
    disk = tiny_disk("2m")
    copy = disk / "g.sqlite3"
    copy.write_bytes(closed_db.read_bytes())
    fill(disk)
    out = gatehouse("scan", "SQ-9QHF4Q5QK", "--db", str(copy), "--lang", "en")
    assert out.returncode == 1, out.stderr
    assert_plain(out)
    assert "disk is full" in out.stderr


def test_a_full_disk_under_the_report_keeps_the_earlier_report(tiny_disk, closed_db: Path):
    disk = tiny_disk("300k")
    report = disk / "r.pdf"
    assert gatehouse("report", "daily", "--db", str(closed_db), "--out", str(report)).returncode == 0
    earlier = sha(report)
    fill(disk)
    out = gatehouse("report", "daily", "--db", str(closed_db), "--out", str(report))
    assert out.returncode == 1, out.stderr
    assert_plain(out)
    assert "磁盘已满" in out.stderr and "r.pdf" in out.stderr
    assert sha(report) == earlier
    assert sorted(p.name for p in disk.iterdir()) == ["filler", "r.pdf"]


def test_a_read_only_disk_is_one_line_exit_2_for_the_database_and_for_an_output(tiny_disk, closed_db: Path):
    disk = tiny_disk("2m")
    copy = disk / "g.sqlite3"
    copy.write_bytes(closed_db.read_bytes())
    if subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True).returncode != 0:
        pytest.skip("cannot remount read-only")
    out = gatehouse("verify", "--db", str(copy))
    assert out.returncode == 2, out.stderr
    assert_plain(out)
    assert "无法写入数据库" in out.stderr
    out = gatehouse("report", "daily", "--db", str(closed_db), "--out", str(disk / "r.pdf"))
    assert out.returncode == 2, out.stderr
    assert_plain(out)
    assert "磁盘只读" in out.stderr and str(disk / "r.pdf") in out.stderr


@pytest.mark.parametrize("command", [["verify"], ["scan", "SQ-9QHF4Q5QK"]], ids=lambda c: c[0])
def test_an_unreachable_server_is_one_line_exit_2(command: list[str]):
    out = gatehouse(*command, "--db", UNREACHABLE, "--lang", "en")
    assert out.returncode == 2, out.stderr
    assert_plain(out)
    assert "Cannot reach the database server" in out.stderr and "127.0.0.1" in out.stderr


def test_a_database_locked_too_long_is_one_line_exit_1(closed_db: Path, monkeypatch, capsys):
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(closed_db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        assert main(["timers", "--db", str(closed_db)]) == 1
        assert "占用" in one_line(capsys)
    finally:
        holder.rollback()
        holder.close()


# --- pipes and start-up ------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["--help"], ["slips", "list"], ["verify"]], ids=lambda c: c[-1])
def test_a_closed_pipe_ends_quietly(command: list[str], closed_db: Path):
    read, write = os.pipe()
    os.close(read)  # the reader (`| head -1`) is already gone
    try:
        out = gatehouse(*command, "--db", str(closed_db), stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert out.stderr == "", out.stderr
    assert out.returncode == (0 if command == ["--help"] else 1)


HEAVY = ("sqlalchemy", "alembic", "sqlmodel", "PySide6", "shiboken6", "reportlab", "openpyxl")


def imported(*args: str) -> tuple[int, set[str]]:
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "desktop", *args], capture_output=True,
                         text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    names = {line.rsplit("|", 1)[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}
    return out.returncode, names


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["verify", "--help"], ["report", "daily", "--help"]],
                         ids=" ".join)
def test_help_and_version_load_neither_the_data_stack_nor_qt(args: list[str]):
    code, names = imported(*args)
    assert code == 0
    assert "desktop.cli" in names
    assert "desktop.cli._common" in names or args == ["--version"]  # the commands were registered
    assert sorted(n for n in names if n.split(".")[0] in HEAVY) == []


def test_registering_every_command_loads_neither_the_data_stack_nor_qt():
    """importlib.import_module (how COMMANDS are loaded) does not show in -X importtime: look at
    sys.modules as well."""
    script = ("import sys\n"
              "from desktop.cli import COMMANDS, build_parser\n"
              "build_parser()\n"
              "assert all(name in sys.modules for name in COMMANDS)\n"
              f"print(sorted(n for n in sys.modules if n.split('.')[0] in {HEAVY!r}))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_headless_commands_never_load_qt(closed_db: Path, tmp_path: Path):
    script = (
        "import sys\n"
        "from desktop.cli import main\n"
        "db, tmp = sys.argv[1], sys.argv[2]\n"
        "for args in (['verify'], ['timers'], ['slips', 'list'], ['report', 'daily', '--out', tmp + '/r.pdf'],\n"
        "             ['scan', 'SQ-9QHF4Q5QK'], ['policy', 'show'], ['households', 'waiting']):\n"
        "    main([*args, '--db', db])\n"
        "main(['demo', '--db', tmp + '/demo.sqlite3', '--date', '2026-11-28'])\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))), 'sqlalchemy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script, str(closed_db), str(tmp_path)], capture_output=True,
                         text=True, timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[] True"
    assert (tmp_path / "r.pdf").exists() and (tmp_path / "demo.sqlite3").exists()


def test_the_size_choices_kept_light_match_the_documents():
    from desktop.cli import households, slips
    from desktop.documents import bag_label, slip

    assert households.SIZES == bag_label.SIZES and slips.SIZES == slip.SIZES
