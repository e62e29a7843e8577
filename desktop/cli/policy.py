"""`gatehouse policy show` and `gatehouse policy set-level LEVEL RISK --operator SUPERVISOR --reason R`:
the gate's rules as data — what each management level (防范/管控/封控) and risk level requires —
and which level is in force (changing it needs a supervisor and is audited)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING

from desktop.cli import EXIT_OK, emit
from desktop.cli._common import open_db
from desktop.cli._operator import add_operator_argument, signed_in
from desktop.domain.enums import ManagementLevel, RiskLevel, display
from desktop.i18n import language, t

if TYPE_CHECKING:
    from desktop.services import policy


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("policy", parents=[common], help="the gate's check policy and the level in force")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", parents=[common], help="every level's rule and the level in force")
    show.set_defaults(func=run_show)
    level = actions.add_parser("set-level", parents=[common], help="put a management/risk level in force")
    level.add_argument("management_level", choices=[m.value for m in ManagementLevel])
    level.add_argument("risk_level", choices=[r.value for r in RiskLevel])
    add_operator_argument(level)  # a supervisor; the PIN from $GATEHOUSE_PIN or a prompt, never an argument
    level.add_argument("--reason", required=True)
    level.set_defaults(func=run_set_level)


def _lines(active: policy.ActiveLevel, rules: list[policy.PolicyRule]) -> list[str]:
    from desktop.domain.checks import check_name

    lang = language()
    out = [t("当前：{m} · {r}", "In force: {m} · {r}", m=display(active.management_level, lang),
             r=display(active.risk_level, lang))]
    for rule in rules:
        mark = "▶" if (rule.management_level, rule.risk_level) == (active.management_level, active.risk_level) else " "
        entry = t("可进入", "may enter") if rule.vehicles_may_enter else t("一律不得进入", "no entry")
        checks = t("、", ", ").join(check_name(c) for c in rule.required_checks)
        out.append(t("{k} {m}/{r}：核酸{h}小时，行程{d}天，{e}；查验：{c}",
                     "{k} {m}/{r}: test {h} h, itinerary {d} days, {e}; checks: {c}", k=mark,
                     m=display(rule.management_level, lang), r=display(rule.risk_level, lang),
                     h=rule.test_valid_hours, d=rule.itinerary_days, e=entry, c=checks))
    return out


def _payload(active: policy.ActiveLevel, rules: list[policy.PolicyRule]) -> dict[str, object]:
    return {"management_level": active.management_level, "risk_level": active.risk_level,
            "rules": [asdict(r) for r in rules]}


def run_show(args: argparse.Namespace) -> int:
    from desktop.services import policy

    db = open_db(args)
    try:
        with db.session(write=False) as s:
            active, rules = policy.active(s), policy.list_rules(s)
    finally:
        db.dispose()
    emit(args, _payload(active, rules), _lines(active, rules))
    return EXIT_OK


def run_set_level(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import policy

    db = open_db(args)
    now = SystemClock().now()
    try:
        with db.session() as s:
            who = signed_in(s, username=args.operator, station="cli", now=now)
            active = policy.set_active_level(s, actor=who, now=now,
                                             management_level=args.management_level, risk_level=args.risk_level,
                                             reason=args.reason)
            rules = policy.list_rules(s)
    finally:
        db.dispose()
    emit(args, _payload(active, rules), _lines(active, rules))
    return EXIT_OK
