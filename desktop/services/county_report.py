"""The county daily report (县级日报) at the command centre: per site and in total, the necessities
received and handed on, vehicles, refusals, violations and overrides, from the day packages merged
(desktop.services.merge), and the registered sites that have not reported that day. Reads only."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlmodel import Session, col, select

from desktop.documents.views import CountyView, SiteFigures
from desktop.domain.clock import utc
from desktop.domain.localtime import site_tz_name
from desktop.services.setup import require_site
from desktop.store.models import CentrePackage, CentreSite, CentreTotal

FIGURES = ("vehicles", "admitted", "handoff", "refused", "violations", "overrides")


def _figures(code: str, name: str, summary: dict[str, object], totals: list[CentreTotal],
             merged_at: datetime | None) -> SiteFigures:
    outcomes = summary.get("outcomes", {})
    counts = summary.get("counts", {})
    assert isinstance(outcomes, dict) and isinstance(counts, dict)
    goods: dict[str, dict[str, tuple[float, float]]] = {}
    for row in totals:
        r, h = goods.setdefault(row.necessity, {}).get(row.unit, (0.0, 0.0))
        goods[row.necessity][row.unit] = (r + row.received, h + row.handed_on)
    return SiteFigures(code, name, merged_at, int(outcomes.get("total", 0)), int(outcomes.get("admitted", 0)),
                       int(outcomes.get("handoff", 0)), int(outcomes.get("refused", 0)),
                       int(counts.get("violations", 0)), int(counts.get("overrides", 0)), goods)


def _sum(parts: list[SiteFigures], name: str) -> SiteFigures:
    goods: dict[str, dict[str, tuple[float, float]]] = {}
    for p in parts:
        for key, units in p.goods.items():
            for unit, (r, h) in units.items():
                r0, h0 = goods.setdefault(key, {}).get(unit, (0.0, 0.0))
                goods[key][unit] = (r0 + r, h0 + h)
    return SiteFigures("", name, None, *(sum(getattr(p, f) for p in parts) for f in FIGURES), goods)


def county(session: Session, *, day: date, now: datetime) -> CountyView:
    """The report of `day` as plain data."""
    from desktop.i18n import t

    centre = require_site(session)
    sites = list(session.exec(select(CentreSite).order_by(col(CentreSite.code))).all())
    packages = {p.site_id: p for p in session.exec(select(CentrePackage).where(
        CentrePackage.day == day, col(CentrePackage.replaced_at).is_(None))).all()}
    reported, missing = [], []
    for site in sites:
        package = packages.get(site.id or 0)
        if package is None:
            missing.append((site.code, site.name))
            continue
        totals = list(session.exec(select(CentreTotal).where(CentreTotal.package_id == package.id)
                                   .order_by(col(CentreTotal.id))).all())
        reported.append(_figures(site.code, site.name, json.loads(package.summary), totals, utc(package.merged_at)))
    return CountyView(centre.name, day, utc(now), tuple(reported), _sum(reported, t("合计", "Total")),
                      tuple(missing), site_tz_name())


def county_pdf(view: CountyView) -> bytes:
    from desktop.documents.county_report import build_county_pdf  # reportlab only when printing (views.py)

    return build_county_pdf(view)


def county_xlsx(view: CountyView) -> bytes:
    from desktop.documents.county_report import build_county_xlsx  # openpyxl only when exporting

    return build_county_xlsx(view)
