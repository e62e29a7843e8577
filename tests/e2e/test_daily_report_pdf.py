"""The daily report as a PDF: the font embedded, the Chinese names extractable, pages that rasterize."""

import subprocess
from datetime import UTC, date, datetime

from PIL import ImageStat
from slipcheck import embedded_fonts, rasterize

from desktop.cli import main
from desktop.services import demo
from desktop.store.migrate import open_database

DAY = date(2026, 11, 30)


def test_the_demo_days_report_pdf_embeds_its_font_and_names_every_necessity(tmp_path, capsys):
    db_path = tmp_path / "demo.sqlite3"
    database = open_database(str(db_path))
    demo.build(database, day=DAY, now=datetime(2026, 11, 30, 12, 0, tzinfo=UTC))
    database.dispose()
    pdf = tmp_path / "日报.pdf"
    assert main(["report", "daily", "--db", str(db_path), "--date", DAY.isoformat(), "--out", str(pdf)]) == 0
    assert str(pdf) in capsys.readouterr().out
    fonts = embedded_fonts(pdf)
    assert fonts and all(embedded for _name, embedded in fonts)
    assert all("WenQuanYi" in name for name, _ in fonts)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("生活必需品日报", "粮食（大米、面粉）", "食用油", "蔬菜", "猪肉", "鸡蛋", "方便面", "火腿肠", "瓶装水",
                  "其他物资", "异常情况", "劝返", "消杀召回", "静置提前结束", "交接单作废", "未关车窗", "苏N·35791", "160 袋"):
        assert words in text, words
    page = rasterize(pdf, 100).convert("L")
    assert ImageStat.Stat(page).mean[0] < 250  # ink on the page, not a blank sheet
