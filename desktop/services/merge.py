"""The command centre (指挥部) takes in the sites' day packages (desktop.documents.day_package).

A command centre is a Gatehouse database whose site is of the kind `command_centre`
(`set_up_centre` makes an empty database one). `merge_package`:

- refuses a file that is not an intact package, or whose signature does not match the key in it;
- registers a site the first time one of its packages comes, with its key (the fingerprint is shown
  so it can be compared with the site's by phone), and afterwards refuses any package of that site
  signed by another key;
- does nothing for a package it already has (the same bytes);
- replaces the site-day's earlier package with a corrected one (written later), saying what changed,
  and refuses an older one than it has;
- keeps each site-day's counts (`summary`) and its totals per necessity and unit (CentreTotal).

`accept_new_key` is the way back for a site that lost its key: its package signed by the new key is
taken once the person at the centre types the fingerprint the site read out by phone; the site's
registered key is replaced (audited) and the package merged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from desktop.documents import day_package
from desktop.domain import necessities
from desktop.domain.clock import utc
from desktop.domain.enums import Role, StationKind
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit, setup, signing
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.store.models import CentrePackage, CentreSite, CentreTotal

CENTRE_KIND = "command_centre"


@dataclass(frozen=True)
class Merged:
    outcome: str  # merged / same / replaced
    site_code: str
    site_name: str
    day: date
    fingerprint: str
    registered: bool  # the site (and its key) became known with this package
    changes: list[str] = field(default_factory=list)  # what a replacement changed, in words


def is_centre(session: Session) -> bool:
    site = setup.current_site(session)
    return site is not None and site.kind == CENTRE_KIND


@requires(Permission.SITE_SETUP)
def set_up_centre(session: Session, *, actor: Actor, now: datetime, code: str, name: str, admin_pin: str) -> None:
    """An empty database becomes a command centre: its site, an administrator with `admin_pin`, and
    the supervision and admin stations to sign in at."""
    if setup.current_site(session) is not None:
        raise ServiceError("not_empty", t("该数据库已有站点，不能再设为指挥部。",
                                          "This database already has a site; it cannot become a command centre."))
    from desktop.services import site

    setup.create_site(session, actor=actor, now=now, code=code, name=name, kind=CENTRE_KIND)
    site.ensure_time_zone(session, now=now)
    setup.add_operator(session, actor=actor, now=now, username="admin", display_name="管理员", role=Role.ADMIN,
                       pin=admin_pin)
    for kind in (StationKind.SUPERVISION, StationKind.ADMIN):
        setup.ensure_station(session, actor=actor, now=now, name=kind.value, kind=kind.value)


def _words(summary: dict[str, Any]) -> dict[str, float]:
    """A summary flattened to {label: number} for saying what changed."""
    out: dict[str, float] = {}
    for key, value in summary.get("outcomes", {}).items():
        out[t("车辆·{k}", "vehicles {k}", k=key)] = value
    for key, value in summary.get("counts", {}).items():
        out[key] = value
    for key, units in summary.get("necessities", {}).items():
        for unit, q in units.items():
            out[t("{n} 到货（{u}）", "{n} received ({u})", n=necessities.name(key), u=unit)] = q["received"]
            out[t("{n} 交出（{u}）", "{n} handed on ({u})", n=necessities.name(key), u=unit)] = q["handed_on"]
    return out


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """"label: old → new" for every figure that differs."""
    a, b = _words(old), _words(new)
    return [f"{k}: {a.get(k, 0):g} → {b.get(k, 0):g}" for k in sorted(a.keys() | b.keys(), key=str)
            if a.get(k, 0) != b.get(k, 0)]


def _opened(data: bytes) -> tuple[day_package.Unpacked, dict[str, Any]]:
    try:
        unpacked = day_package.unpack(data)
    except day_package.PackageRefused as exc:
        raise ServiceError(exc.code, exc.message) from None
    m = unpacked.manifest
    if not signing.verify(str(m.get("public_key", "")), unpacked.manifest_bytes, unpacked.signature):
        raise ServiceError("bad_signature", t("数据包签名不符：内容在签名后被改动，或签名无效。",
                                              "The package's signature does not match: it was altered after "
                                              "signing, or the signature is invalid."))
    try:
        report = json.loads(unpacked.files["report.json"].decode("utf-8"))
        summary = report["summary"]
        _check(m, summary)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise ServiceError("damaged", t("数据包的清单或报表不完整，无法读取。",
                                        "The package's manifest or report is incomplete and cannot be read.")) from None
    return unpacked, summary


def _check(m: dict[str, Any], summary: dict[str, Any]) -> None:
    """The fields merging reads, of the types it reads them as (raises ValueError/KeyError/TypeError)."""
    if not isinstance(m["site"]["code"], str) or not m["site"]["code"] or not isinstance(m["site"]["name"], str):
        raise ValueError("site")
    date.fromisoformat(m["day"])
    if datetime.fromisoformat(m["created_at"]).tzinfo is None:
        raise ValueError("created_at")
    for part in ("outcomes", "counts"):
        if not all(isinstance(v, int) for v in summary[part].values()):
            raise TypeError(part)
    for units in summary["necessities"].values():
        for q in units.values():
            float(q["received"]), float(q["handed_on"])


@requires(Permission.MERGE)
def merge_package(session: Session, *, actor: Actor, now: datetime, data: bytes) -> Merged:
    """Take in one day package (see the module docstring); ServiceError says why one is refused."""
    if not is_centre(session):
        raise ServiceError("not_centre", t("此数据库不是指挥部数据库（用 gatehouse centre init 建立）。",
                                           "This database is not a command centre's (make one with "
                                           "gatehouse centre init)."))
    unpacked, summary = _opened(data)
    m = unpacked.manifest
    code, name, day = m["site"]["code"], m["site"]["name"], date.fromisoformat(m["day"])
    digest = day_package.sha256(data)
    fp = signing.fingerprint(m["public_key"])
    site = session.exec(select(CentreSite).where(CentreSite.code == code)).first()
    if site is not None and site.public_key != m["public_key"]:
        raise ServiceError("unknown_key", t(
            "{c} 的数据包由未登记的密钥签名（指纹 {f}），本指挥部登记的是 {r}。请电话核对后再处理。",
            "{c}'s package is signed by a key that is not registered (fingerprint {f}); this centre has {r}. "
            "Check with the site by phone.", c=code, f=fp, r=site.fingerprint))
    if session.exec(select(CentrePackage).where(CentrePackage.sha256 == digest)).first() is not None:
        return Merged("same", code, name, day, fp, False)
    registered = site is None
    if site is None:
        site = CentreSite(code=code, name=name, kind=m["site"].get("kind", ""), public_key=m["public_key"],
                          fingerprint=fp, registered_at=now, registered_by=actor.operator)
        session.add(site)
        session.flush()
        audit.record(session, actor=actor, action="centre.site_registered", at=now, entity="centre_site",
                     entity_id=site.id, data={"code": code, "name": name, "fingerprint": fp})
    created = datetime.fromisoformat(m["created_at"])
    earlier = session.exec(select(CentrePackage).where(CentrePackage.site_id == site.id, CentrePackage.day == day,
                                                       col(CentrePackage.replaced_at).is_(None))).first()
    if earlier is not None and utc(earlier.created_at) >= created:
        raise ServiceError("older", t("{c} {d} 已有一份更新的数据包（{w}），此包较旧，未合并。",
                                      "{c} {d} already has a newer package (written {w}); this older one was "
                                      "not merged.", c=code, d=day.isoformat(), w=utc(earlier.created_at).isoformat()))
    package = CentrePackage(site_id=site.id or 0, day=day, sha256=digest, created_at=created,
                            audit_head=(m.get("audit_head") or {}).get("hash", ""),
                            summary=json.dumps(summary, ensure_ascii=False, sort_keys=True), merged_at=now,
                            merged_by=actor.operator)
    session.add(package)
    session.flush()
    for key, units in summary.get("necessities", {}).items():
        for unit, q in units.items():
            session.add(CentreTotal(package_id=package.id or 0, necessity=key, unit=unit,
                                    received=float(q.get("received", 0)), handed_on=float(q.get("handed_on", 0))))
    said: list[str] = []
    if earlier is not None:
        said = changes(json.loads(earlier.summary), summary)
        earlier.replaced_at, earlier.replaced_by = now, package.id
        session.add(earlier)
    if site.name != name:
        site.name = name
        session.add(site)
    audit.record(session, actor=actor, action="centre.merge", at=now, entity="centre_package", entity_id=package.id,
                 data={"site": code, "day": day.isoformat(), "sha256": digest,
                       "replaces": earlier.id if earlier else None, "changes": said})
    return Merged("replaced" if earlier else "merged", code, name, day, fp, registered, said)


@requires(Permission.MERGE)
def accept_new_key(session: Session, *, actor: Actor, now: datetime, data: bytes, fingerprint: str) -> Merged:
    """Register the key that signed `data` for its site, replacing the old one, when `fingerprint`
    (as read out by the site by phone) is that key's; then merge the package."""
    if not is_centre(session):
        raise ServiceError("not_centre", t("此数据库不是指挥部数据库。", "This database is not a command centre's."))
    unpacked, _summary = _opened(data)
    m = unpacked.manifest
    new = signing.fingerprint(m["public_key"])
    if fingerprint.strip().upper().replace(" ", "") != new:
        raise ServiceError("fingerprint_mismatch", t(
            "输入的指纹与数据包的密钥指纹 {f} 不符，未登记。", "The fingerprint typed is not the package key's ({f}); "
            "nothing was registered.", f=new))
    site = session.exec(select(CentreSite).where(CentreSite.code == m["site"]["code"])).first()
    if site is None:
        raise ServiceError("unknown_site", t("{c} 尚未登记：直接合并即可。", "{c} is not registered yet: just merge it.",
                                             c=m["site"]["code"]))
    if site.public_key != m["public_key"]:
        old = site.fingerprint
        site.public_key, site.fingerprint = m["public_key"], new
        session.add(site)
        audit.record(session, actor=actor, action="centre.key_replaced", at=now, entity="centre_site",
                     entity_id=site.id, data={"code": site.code, "old": old, "new": new})
    return merge_package(session, actor=actor, now=now, data=data)
