from desktop.bench import BENCHES, report


def test_the_report_bench_is_registered_and_reports_beside_a_reference():
    assert "desktop.bench.report" in BENCHES
    pdf, xlsx = report.run(repeat=1, vehicles=60)
    assert pdf["key"] == "report.daily.2000" and xlsx["key"] == "report.daily.2000.xlsx"
    for fig in (pdf, xlsx):
        assert fig["unit"] == "ms" and fig["vehicles"] == 60 and "60-vehicle" in fig["name"]
        # timed, so only their shape: which is faster is the bench's to say, not a loaded test machine's
        assert fig["value"] > 0 and fig["reference_value"] > 0
        assert fig["verdict"] in {"met", "missed"} and fig["ratio"] == round(fig["value"] / fig["reference_value"], 2)
        # set-based: a busy day asks what an empty day asks (and one look-up of an operator's name)
        assert fig["statements"] <= fig["empty_day_statements"] + 1


def test_the_bench_day_is_read_back_whole():
    from datetime import timedelta
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from desktop.bench.scan import new_site
    from desktop.domain.clock import ManualClock
    from desktop.domain.localtime import site_tz
    from desktop.services import reports
    from desktop.store.migrate import open_database

    with TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "r.sqlite3"))
        try:
            new_site(db, ManualClock(start=report.NOW - timedelta(days=30)))
            report.fill_day(db, 40)
            with db.session(write=False) as s:
                view = reports.daily(s, day=report.DAY, tz=site_tz(), now=report.NOW)
        finally:
            db.dispose()
    assert len(view.vehicles) == 40 and {a.kind for a in view.anomalies} >= {"refused", "override", "violation"}
    # registered goods or the approval's cargo for every vehicle but the 4 that came without an approval
    assert sum(1 for v in view.vehicles if not v.cargo) == 4
