"""Who may do what: the permissions each role holds (domain.md, "Who may do what").

Plain data, no SQL: services check these through `desktop.services.authz`, screens read them to
hide what the signed-in person may not do. The service is the guard; the screen only helps.

Two kinds of permission:
- what the person at the keyboard may do (record a disinfection, scan a release, add an operator);
- what only an *authoriser* may grant, with their own account and PIN typed at that moment
  (`AUTHORISED`): a gate override, a walk-in, an early dwell end. The requester and the authoriser
  are never the same person.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.enums import Role


class Permission(StrEnum):
    # 审核组 review
    APPROVALS_EDIT = "approvals.edit"  # import and edit approvals, passes, order sheets
    APPROVALS_DECIDE = "approvals.decide"  # approve / reject the day ahead
    # 门岗 gate
    GATE_CHECK = "gate.check"  # look up, check, admit / send to handoff / refuse, log exits
    SLIP_ISSUE = "slip.issue"  # issue slips for what was let through
    # 消杀组 disinfection
    DISINFECT = "disinfection.record"  # record disinfections, start dwells
    DWELL_ACK = "dwell.acknowledge"  # acknowledge completions (disinfection; handoff waits on them too)
    # 接驳组 handoff
    RELEASE = "handoff.release"  # scan releases, custody, bag pickups
    # every station: the printer it prints on
    PRINT = "print"
    # 督查组 supervision
    OVERRIDE = "gate.override"
    WALK_IN = "gate.walk_in"
    DWELL_END_EARLY = "dwell.end_early"
    VOID = "slip.void"
    RECALL = "disinfection.recall"
    VIOLATION = "violation.record"
    REPORTS = "reports"
    POLICY = "policy.level"
    STAFF = "staff.roster"  # the site's own staff roster: add, edit, record tests, import (supervisors, admins)
    # 管理员 admin
    OPERATORS = "operators"  # add, disable, change roles, unlock
    PINS = "operators.pins"
    SETTINGS = "settings"
    BACKUP = "backup"
    MERGE = "centre.merge"  # 指挥部 command centre: take in the sites' day packages
    # the system actor (start-up, sweeps)
    SITE_SETUP = "site.setup"
    DWELL_SWEEP = "dwell.sweep"


P = Permission
STATION_WORK: frozenset[Permission] = frozenset({
    P.APPROVALS_EDIT, P.APPROVALS_DECIDE, P.GATE_CHECK, P.SLIP_ISSUE, P.DISINFECT, P.DWELL_ACK, P.RELEASE, P.PRINT})

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.REVIEW: frozenset({P.APPROVALS_EDIT, P.APPROVALS_DECIDE, P.SLIP_ISSUE, P.PRINT}),  # bag labels
    Role.GATE: frozenset({P.GATE_CHECK, P.SLIP_ISSUE, P.PRINT}),
    Role.DISINFECTION: frozenset({P.DISINFECT, P.DWELL_ACK, P.PRINT}),
    Role.HANDOFF: frozenset({P.RELEASE, P.DWELL_ACK, P.PRINT}),
    Role.SUPERVISOR: STATION_WORK | {P.OVERRIDE, P.WALK_IN, P.DWELL_END_EARLY, P.VOID, P.RECALL,
                                     P.VIOLATION, P.REPORTS, P.POLICY, P.MERGE, P.STAFF},
    Role.ADMIN: frozenset({P.OPERATORS, P.PINS, P.SETTINGS, P.BACKUP, P.PRINT, P.MERGE, P.STAFF}),
}

SYSTEM_OPERATOR = "system"
# Start-up and the dwell sweep: they create the first site and finish timers, nothing else.
SYSTEM_PERMISSIONS: frozenset[Permission] = frozenset({P.SITE_SETUP, P.DWELL_SWEEP})

# Granted only by a second person's credentials typed at that moment.
AUTHORISED: frozenset[Permission] = frozenset({P.OVERRIDE, P.WALK_IN, P.DWELL_END_EARLY})

# Roles that always sign in and authorise with a PIN.
PIN_ALWAYS: frozenset[str] = frozenset({Role.SUPERVISOR, Role.ADMIN})


# The station pages and what lets someone use them (any one of): screens hide the others.
PAGE_NEEDS: dict[str, frozenset[Permission]] = {
    "review": frozenset({P.APPROVALS_EDIT}),
    "gate": frozenset({P.GATE_CHECK}),
    "disinfection": frozenset({P.DISINFECT, P.DWELL_ACK}),
    "handoff": frozenset({P.RELEASE}),
    "households": frozenset({P.APPROVALS_EDIT, P.RELEASE}),
    "slips": frozenset({P.SLIP_ISSUE, P.RELEASE, P.VOID}),
    "supervision": frozenset({P.REPORTS, P.VIOLATION}),
    "admin": frozenset({P.OPERATORS, P.SETTINGS}),
    "settings": frozenset({P.SETTINGS}),
}


def may_open(role: str, page: str) -> bool:
    needs = PAGE_NEEDS.get(page)
    return needs is None or bool(needs & ROLE_PERMISSIONS.get(role, frozenset()))


def allowed(role: str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


def roles_with(permission: Permission) -> list[str]:
    """The roles that hold `permission`, in the table's order (for "needs 督查组" messages)."""
    return [role for role, perms in ROLE_PERMISSIONS.items() if permission in perms]


# Lockout after wrong PINs: 5 failures lock for 5 minutes, each further lock doubles.
MAX_FAILURES = 5
FIRST_LOCK_MINUTES = 5


def lock_minutes(locks_so_far: int) -> int:
    """Minutes of the next lock, given how many locks came before it (0 → 5, 1 → 10, 2 → 20…)."""
    return FIRST_LOCK_MINUTES * 2 ** min(locks_so_far, 10)
