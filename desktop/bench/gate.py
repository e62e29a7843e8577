"""The gate and the review group's import, on a database holding a busy week of approvals.

- lookup: plate -> approval with occupants, open check-in and policy (what the guard waits for
  after Enter), beside a plain primary-key read of one approval in the same database.
- import: a 300-row supplier list, beside 300 audited setting writes in one transaction (the
  bare cost of an audited write on this disk); the median of three of each, interleaved.
"""

from __future__ import annotations

import csv
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.bench import figure, median_ms
from desktop.domain.identity import PROVINCES, id_check_digit
from desktop.services import approvals, gate, setup
from desktop.services.context import Actor
from desktop.store.migrate import open_database
from desktop.store.models import Approval

ROWS = 300
REPEATS = 3  # each a median of this many, interleaved with its reference
NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
ACTOR = Actor("bench", "review")
HEADER = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "物资类别及数量", "到达日期", "进校/接驳"]


def _sheet(path: Path, day: date, start: int) -> Path:
    with path.open("w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(start, start + ROWS):
            body = f"321302198{i % 10}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
            w.writerow([f"{PROVINCES[i % 31]}N{i:05d}", "宿迁市苏果超市配送中心", "张建国", body + id_check_digit(body),
                        "13812345678", "大米 50袋；食用油 20桶", day.isoformat(), "接驳"])
    return path


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "bench.sqlite3"))
        try:
            with db.session() as s:
                setup.ensure_initial(s, now=NOW)
                setup.add_operator(s, actor=Actor("admin", "admin"), now=NOW, username="bench",  # may work every station
                                   display_name="bench", role="supervisor", pin="0000")
            for n in range(1, 4):  # earlier lists, so lookups search a realistic table
                with db.session() as s:
                    approvals.import_file(s, actor=ACTOR, now=NOW, path=_sheet(Path(tmp) / f"{n}.csv",
                                          date(2026, 11, 29) + timedelta(days=n), n * ROWS), default_day=None)

            def lookup() -> None:
                with db.session(write=False) as s:
                    gate.lookup(s, query="苏N00150", now=NOW)

            def by_id() -> None:
                with db.session(write=False) as s:
                    s.get(Approval, 150)

            # Three lists of new plates, each beside its reference, interleaved (list, writes, list,
            # writes, ...): one sample of each swung with the machine's load by a third either way.
            # The lookups run after the first list, on its 1,200 approvals.
            imports, writes, imported = [], [], []
            for k in range(REPEATS):
                path = _sheet(Path(tmp) / f"today-{k}.csv", date(2026, 11, 29), (10 + k) * ROWS if k else 0)
                t0 = time.perf_counter()
                with db.session() as s:
                    report = approvals.import_file(s, actor=ACTOR, now=NOW, path=path)
                imports.append(time.perf_counter() - t0)
                imported.append(report.imported)
                if k == 0:
                    lookup_ms, ref_ms = median_ms(lookup), median_ms(by_id)
                t0 = time.perf_counter()
                with db.session() as s:
                    for i in range(ROWS):
                        setup.set_setting(s, actor=Actor("admin", "bench"), now=NOW, key=f"bench.{k}.{i}", value=i)
                writes.append(time.perf_counter() - t0)
            import_s, writes_s = statistics.median(imports), statistics.median(writes)
        finally:
            db.dispose()
    return [
        figure(f"gate lookup by plate ({ROWS * 4} approvals)", lookup_ms, "ms", "approval by primary key", ref_ms,
               "≤ 50 ms (the guard waits on it)", ok=lookup_ms <= 50),
        figure(f"import a {ROWS}-row list", import_s * 1000, "ms", f"{ROWS} audited setting writes", writes_s * 1000,
               "≤ 5 × reference", ok=import_s <= 5 * writes_s and imported == [ROWS] * REPEATS,
               repeats=REPEATS, imports_ms=[round(x * 1000, 1) for x in imports],
               writes_ms=[round(x * 1000, 1) for x in writes]),
    ]
