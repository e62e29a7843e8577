"""Every table of the domain, written once so later stations need no destructive migration.

Conventions: times are UTC (`UTCDateTime`), enumerations are stored as short English words
(the values of the StrEnums in `desktop.domain.enums`), lists and small structures as JSON text.
Tables are the source of truth; services are the only writers, and every write goes with an
`AuditEvent` in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.store.types import UTCDateTime


def _utc(**kw: object) -> object:
    return Field(sa_type=UTCDateTime, **kw)  # type: ignore[arg-type]


# --- site, people, settings ---------------------------------------------------------------


class Site(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)  # 2-4 letters, prefixes slip numbers
    name: str
    kind: str = "campus"  # campus / community / county / transit
    created_at: datetime = _utc()


class UnloadingPoint(SQLModel, table=True):
    __tablename__ = "unloading_point"
    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    code: str
    name: str
    route: str = ""  # the prescribed route from the gate
    active: bool = True  # False: retired (kept, since records name it; no longer offered)
    position: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # order in lists (then code)


class Operator(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, index=True)
    display_name: str
    role: str  # review / gate / disinfection / handoff / supervisor / admin
    pin_hash: str | None = None  # scrypt (desktop.domain.pins); supervisors and admins always have one
    active: bool = True  # operators are disabled, never deleted: the audit log names them
    created_at: datetime = _utc()
    failed_pins: int = 0  # wrong PINs since the last right one or unlock
    lock_count: int = 0  # locks so far: each one is twice as long as the one before
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)  # type: ignore[call-overload]


class Station(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    kind: str  # gate / disinfection / handoff / supervision / admin / transit
    site_id: int = Field(foreign_key="site.id")
    settings: str = "{}"  # JSON: printer, paper, auto-print ...


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str  # JSON
    updated_at: datetime = _utc()


class Attachment(SQLModel, table=True):
    """Photos and scans (identity photos, pledges, materials) kept in the database itself, so
    several stations sharing one server see the same files."""

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(index=True)
    mime: str
    name: str = ""
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = _utc()


# --- rules ----------------------------------------------------------------------------------


class Policy(SQLModel, table=True):
    """What a management level (防范/管控/封控) and risk level require at the gate."""

    __table_args__ = (UniqueConstraint("management_level", "risk_level"),)
    id: int | None = Field(default=None, primary_key=True)
    management_level: str  # prevention / control / lockdown
    risk_level: str  # low / medium / high
    required_checks: str = "[]"  # JSON list of check names
    test_valid_hours: int = 48
    itinerary_days: int = 14
    vehicles_may_enter: bool = True
    dwell_minutes: int = 30


# --- suppliers, passes, day-ahead approvals -------------------------------------------------


class Supplier(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    kind: str = "pass_holder"  # pass_holder / platform / ad_hoc
    contact_name: str = ""
    phone: str = ""
    created_at: datetime = _utc()


class VehiclePass(SQLModel, table=True):
    __tablename__ = "vehicle_pass"
    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(unique=True, index=True)
    plate: str = Field(index=True)
    holder: str = ""
    supplier_id: int | None = Field(default=None, foreign_key="supplier.id")
    kind: str = "supply"  # supply (保供) / emergency (应急)
    valid_from: date
    valid_to: date
    revoked_at: datetime | None = _utc(default=None)
    revoke_reason: str = ""
    created_at: datetime = _utc()


class Approval(SQLModel, table=True):
    # the gate asks "this plate, today" (and the import "this plate, that day")
    __table_args__ = (Index("ix_approval_plate_arrival_date", "plate", "arrival_date"),)
    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    arrival_date: date = Field(index=True)
    plate: str
    supplier_id: int | None = Field(default=None, foreign_key="supplier.id")
    supplier_name: str = ""
    pass_number: str | None = Field(default=None, index=True)
    mode: str = "enter"  # enter / handoff
    unloading_point_id: int | None = Field(default=None, foreign_key="unloading_point.id")
    cargo_summary: str = ""
    status: str = "pending"  # pending / approved / rejected / cancelled
    review_reason: str = ""
    reviewed_by: str | None = None
    reviewed_at: datetime | None = _utc(default=None)
    source: str = "manual"  # manual / import
    source_key: str | None = Field(default=None, unique=True)  # makes re-import a no-op
    note: str = ""
    created_at: datetime = _utc()
    created_by: str = ""
    # An import writes its rows in short transactions as status "staging" under one batch id
    # ("station:hex"), then one short commit shows them all (desktop.services.import_staging).
    import_batch: str | None = Field(default=None, index=True)


class ApprovalOccupant(SQLModel, table=True):
    __tablename__ = "approval_occupant"
    id: int | None = Field(default=None, primary_key=True)
    approval_id: int = Field(foreign_key="approval.id", index=True)
    role: str = "driver"  # driver / passenger
    name: str
    id_number: str = ""
    phone: str = ""
    photo_id: int | None = Field(default=None, foreign_key="attachment.id")
    pledge_id: int | None = Field(default=None, foreign_key="attachment.id")
    # From the day-ahead materials, so the gate can pre-fill it and only confirm.
    test_sampled_at: datetime | None = _utc(default=None)


class ApprovalCargo(SQLModel, table=True):
    __tablename__ = "approval_cargo"
    id: int | None = Field(default=None, primary_key=True)
    approval_id: int = Field(foreign_key="approval.id", index=True)
    category: str
    description: str = ""
    quantity: float = 0
    unit: str = ""


# --- the gate -------------------------------------------------------------------------------


class Arrival(SQLModel, table=True):
    # the gate asks for the open check-in of a plate among every visit that vehicle ever made; the
    # gate page and the dashboard for the vehicles inside (status), longest first (arrived_at)
    __table_args__ = (Index("ix_arrival_plate_status", "plate", "status"),
                      Index("ix_arrival_status_arrived_at", "status", "arrived_at"))
    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    approval_id: int | None = Field(default=None, foreign_key="approval.id", index=True)
    plate: str
    pass_number: str | None = None
    station: str = ""
    arrived_at: datetime = _utc(index=True)
    status: str = "checking"  # checking / admitted / handoff / refused / cancelled / exited
    management_level: str = "prevention"
    risk_level: str = "low"
    needs_supervisor: bool = False  # arrived without an approval
    decision: str | None = None  # enter / handoff / refuse
    decision_reason: str = ""
    decided_by: str | None = None
    decided_at: datetime | None = _utc(default=None)
    unloading_point_id: int | None = Field(default=None, foreign_key="unloading_point.id")
    route: str = ""
    exited_at: datetime | None = _utc(default=None)
    cancelled_at: datetime | None = _utc(default=None)
    cancel_reason: str = ""
    created_by: str = ""


class OccupantCheck(SQLModel, table=True):
    __tablename__ = "occupant_check"
    id: int | None = Field(default=None, primary_key=True)
    arrival_id: int = Field(foreign_key="arrival.id", index=True)
    approval_occupant_id: int | None = Field(default=None, foreign_key="approval_occupant.id")
    role: str = "driver"
    name: str
    id_number: str = ""
    phone: str = ""
    health_code: str = "unknown"  # green / yellow / red / unknown
    itinerary_ok: bool | None = None
    identity_ok: bool | None = None
    identity_photo_id: int | None = Field(default=None, foreign_key="attachment.id")
    test_result: str = "none"  # negative / positive / none
    test_sampled_at: datetime | None = _utc(default=None)
    contact_history: bool | None = None  # True: has been in contact with an epidemic area
    pledge_signed: bool = False
    pledge_photo_id: int | None = Field(default=None, foreign_key="attachment.id")
    rules_acknowledged: bool = False
    outcome: str = "pending"  # pending / pass / fail
    failures: str = "[]"  # JSON list of {check, message}
    checked_at: datetime | None = _utc(default=None)
    checked_by: str = ""
    temperature_c: float | None = None  # body temperature at the gate (°C); None: not measured
    symptoms: str = "[]"  # JSON list of the symptoms the person reported (health.symptoms)


class Override(SQLModel, table=True):
    """A supervisor letting a failed check pass, with a reason."""

    id: int | None = Field(default=None, primary_key=True)
    arrival_id: int = Field(foreign_key="arrival.id", index=True)
    occupant_check_id: int | None = Field(default=None, foreign_key="occupant_check.id")
    check_name: str = ""
    supervisor: str
    reason: str
    at: datetime = _utc(index=True)  # the daily report, dashboard and day package ask by day
    requested_by: str = ""


# --- goods, disinfection, dwell -------------------------------------------------------------


class HouseholdOrder(SQLModel, table=True):
    __tablename__ = "household_order"
    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    batch: str = Field(index=True)  # one import / delivery round
    community: str = ""
    building: str = Field(default="", index=True)
    unit: str = ""
    room: str = ""
    phone: str = ""
    contact_name: str = ""
    items: str = ""
    special_needs: bool = False
    delivery: str = "pickup"  # pickup / door
    pickup_slot_start: datetime | None = _utc(default=None)
    source_key: str | None = Field(default=None, unique=True)
    created_at: datetime = _utc(index=True)  # a call round asks for the orders of its days


class Consignment(SQLModel, table=True):
    # A vehicle's goods (arrival_id) and an order's (order_id); the day's goods that came with no
    # vehicle (arrival_id IS NULL and created_at in the day: the daily report) or with no order
    # (the slips page's goods without a slip): an index on the NULL alone would walk every such
    # goods ever registered. created_at alone: the day package.
    __table_args__ = (Index("ix_consignment_arrival_id_created_at", "arrival_id", "created_at"),
                      Index("ix_consignment_order_id_created_at", "order_id", "created_at"))
    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    arrival_id: int | None = Field(default=None, foreign_key="arrival.id")
    order_id: int | None = Field(default=None, foreign_key="household_order.id")
    category: str = ""
    description: str = ""
    quantity: float = 0
    unit: str = ""
    recipient: str = ""
    destination: str = ""
    # needs_disinfection / dwelling / ready / released / delivered / recalled
    state: str = Field(default="needs_disinfection", index=True)
    created_at: datetime = _utc(index=True)
    created_by: str = ""


class Bag(SQLModel, table=True):
    """One household's bag of a group-buying delivery (one label each)."""

    # each pickup asks "is any bag of this delivery still waiting?"
    __table_args__ = (Index("ix_bag_consignment_id_state", "consignment_id", "state"),)
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="household_order.id", index=True)
    consignment_id: int | None = Field(default=None, foreign_key="consignment.id")
    seq: int = 1
    state: str = "waiting"  # waiting / picked_up / delivered
    picked_up_at: datetime | None = _utc(default=None)
    picked_up_by: str | None = None


class Disinfection(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    target: str = "vehicle"  # vehicle / consignment / bags
    arrival_id: int | None = Field(default=None, foreign_key="arrival.id", index=True)
    location: str = "gate"  # gate / unloading_point / handoff_zone / transit
    unloading_point_id: int | None = Field(default=None, foreign_key="unloading_point.id")
    round: int = 1
    agent: str = ""
    dilution: str = ""
    parts: str = "[]"  # JSON list
    operators: str = ""
    ppe_mask: bool = False
    ppe_gloves: bool = False
    ppe_gown: bool = False
    started_at: datetime = _utc()
    ended_at: datetime = _utc(index=True)  # the daily report counts and the day package lists by day
    station: str = ""
    recorded_by: str = ""
    recalled_at: datetime | None = _utc(default=None, index=True)  # the daily report's recalls of the day
    recall_reason: str = ""
    recalled_by: str | None = None
    late_reason: str = ""  # recorded after the grace period: why, and the supervisor who allowed it
    late_by: str | None = None


class DisinfectionItem(SQLModel, table=True):
    """Which consignments a disinfection covered."""

    __tablename__ = "disinfection_item"
    __table_args__ = (UniqueConstraint("disinfection_id", "consignment_id"),)
    id: int | None = Field(default=None, primary_key=True)
    disinfection_id: int = Field(foreign_key="disinfection.id", index=True)
    consignment_id: int = Field(foreign_key="consignment.id", index=True)


class DwellTimer(SQLModel, table=True):
    """The standing time after a disinfection. Its start is kept as wall time *and* a monotonic
    reading with its boot and machine (and the database server's clock, where there is one), so
    what remains is derived and no clock change — nor another station — shortens it."""

    __tablename__ = "dwell_timer"
    id: int | None = Field(default=None, primary_key=True)
    disinfection_id: int = Field(foreign_key="disinfection.id", unique=True)
    minutes: int = 30
    started_wall: datetime = _utc(index=True)  # timers started on a day (daily report, dashboard)
    started_mono: float
    boot_id: str
    machine_id: str = ""  # "" for timers started before machine ids were kept
    started_server: datetime | None = _utc(default=None)  # PostgreSQL's clock_timestamp() at the start
    state: str = Field(default="running", index=True)  # running / complete / released / stopped
    completed_at: datetime | None = _utc(default=None, index=True)  # the daily report's early ends
    early_by: str | None = None  # supervisor who completed it early
    early_reason: str = ""
    acknowledged_at: datetime | None = _utc(default=None)
    acknowledged_by: str | None = None
    released_at: datetime | None = _utc(default=None)
    released_by: str | None = None
    stopped_reason: str = ""


class ClockMark(SQLModel, table=True):
    """A segment of clock readings from one boot of one machine: lets time be accounted for across
    restarts and across machines (desktop.services.dwell). `first_seq`/`last_seq` number readings
    across the whole database, so segments of different machines can be put in order."""

    __tablename__ = "clock_mark"
    id: int | None = Field(default=None, primary_key=True)
    machine_id: str = Field(default="", index=True)  # "" for marks written before machine ids were kept
    boot_id: str = Field(index=True)
    first_wall: datetime = _utc()
    first_mono: float
    first_seq: int = 0
    last_wall: datetime = _utc()
    last_mono: float
    last_seq: int = Field(default=0, index=True)


# --- slips and custody ----------------------------------------------------------------------


class Slip(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(unique=True, index=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    kind: str = "slip"  # slip / bag_label
    consignment_id: int | None = Field(default=None, foreign_key="consignment.id", index=True)
    bag_id: int | None = Field(default=None, foreign_key="bag.id", index=True)
    issued_at: datetime = _utc(index=True)
    issued_by: str = ""
    station: str = ""
    print_count: int = 0
    voided_at: datetime | None = _utc(default=None, index=True)  # the daily report asks by day
    voided_by: str | None = None
    void_reason: str = ""


class SlipPrint(SQLModel, table=True):
    __tablename__ = "slip_print"
    id: int | None = Field(default=None, primary_key=True)
    slip_id: int = Field(foreign_key="slip.id", index=True)
    printed_at: datetime = _utc()
    printed_by: str = ""
    station: str = ""
    printer: str = ""
    paper: str = ""
    reprint_no: int = 0
    ok: bool = True
    error: str = ""


class Release(SQLModel, table=True):
    """A slip's goods leaving the dwell area. The unique slip_id makes the database itself
    refuse a second release, whatever two stations do at the same moment."""

    # a station's latest release (the handoff page starts from its receiver and destination)
    __table_args__ = (Index("ix_release_station_id", "station", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    slip_id: int = Field(foreign_key="slip.id", unique=True)
    released_at: datetime = _utc(index=True)  # releases of a day (daily report, dashboard, day package)
    released_by: str = ""
    station: str = ""
    receiver: str = ""
    destination: str = ""
    transfer_vehicle: str = ""


class CustodyEvent(SQLModel, table=True):
    """Every scan and hand-over: the custody chain of a slip."""

    __tablename__ = "custody_event"
    __table_args__ = (
        # The "same scan within 2 s" checks: slip_id, station and a 2-second window of `at` leave a
        # handful of rows, also for codes that name no slip (slip_id IS NULL), which a slip_id
        # index alone would make walk every unknown scan ever recorded. The custody chain of a
        # slip uses its leading column.
        Index("ix_custody_event_slip_id_station_at", "slip_id", "station", "at"),
        # a station's latest scans, newest first (the handoff screen's list)
        Index("ix_custody_event_station_id", "station", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    slip_id: int | None = Field(default=None, foreign_key="slip.id")
    code_raw: str = ""
    verdict: str = ""  # ok / not_yet / already / voided / recalled / unknown / invalid
    kind: str = "scan"  # scan / release / transfer / receive / partial / damage
    station: str = ""
    operator: str = ""
    at: datetime = _utc(index=True)
    holder: str = ""
    location: str = ""
    vehicle: str = ""
    quantity: float | None = None
    reason: str = ""


# --- supervision ----------------------------------------------------------------------------


class Violation(SQLModel, table=True):
    """A supervisor's record of a rule broken (windows open, route left, contact...)."""

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    arrival_id: int | None = Field(default=None, foreign_key="arrival.id", index=True)
    kind: str
    description: str = ""
    at: datetime = _utc(index=True)  # a day's violations (supervision page, daily report, day package)
    recorded_by: str = ""


class AuditEvent(SQLModel, table=True):
    """Append-only, hash-chained record of every change (see desktop.domain.audit_chain)."""

    __tablename__ = "audit_event"
    # a vehicle's timeline asks for the events of given rows (entity, id), then filters actions
    __table_args__ = (Index("ix_audit_event_entity_entity_id", "entity", "entity_id"),)
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _utc(index=True)
    operator: str
    station: str
    action: str = Field(index=True)
    entity: str = ""
    entity_id: str = ""
    data: str = "{}"  # canonical JSON
    prev_hash: str
    hash: str = Field(unique=True)


class AuditHead(SQLModel, table=True):
    """One row: the chain's last hash. Locking it serialises appenders on PostgreSQL too."""

    __tablename__ = "audit_head"
    id: int = Field(default=1, primary_key=True)
    last_id: int = 0
    last_hash: str


# --- command centre: the day packages merged from the sites (desktop.services.merge) ----------


class CentreSite(SQLModel, table=True):
    """A site known to the command centre, with the Ed25519 key its first package was signed by."""

    __tablename__ = "centre_site"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)
    name: str = ""
    kind: str = ""
    public_key: str  # base64 of the raw 32-byte key
    fingerprint: str
    registered_at: datetime = _utc()
    registered_by: str = ""


class CentrePackage(SQLModel, table=True):
    """One merged day package; a corrected one for the same site and day replaces it (replaced_by)."""

    __tablename__ = "centre_package"
    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="centre_site.id", index=True)
    day: date = Field(index=True)
    sha256: str = Field(unique=True)  # of the whole file: the same package twice is found by it
    created_at: datetime = _utc()  # when the site wrote it
    audit_head: str = ""
    summary: str = "{}"  # JSON: the site-day's counts (report.json's "summary")
    merged_at: datetime = _utc()
    merged_by: str = ""
    replaced_at: datetime | None = _utc(default=None)
    replaced_by: int | None = None


class CentreTotal(SQLModel, table=True):
    """A merged site-day's quantity of one necessity in one unit."""

    __tablename__ = "centre_total"
    id: int | None = Field(default=None, primary_key=True)
    package_id: int = Field(foreign_key="centre_package.id", index=True)
    necessity: str
    unit: str = ""
    received: float = 0
    handed_on: float = 0


# --- the site's own staff and volunteers (desktop.services.roster) ------------------------------


class StaffMember(SQLModel, table=True):
    """A person who works at the site (staff or volunteer), with their latest test, training and
    protective gear. Never deleted (records name them): `active` False takes them off the roster."""

    __tablename__ = "staff_member"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    post: str = ""  # role or post in words: 消杀员, 门岗志愿者 …
    phone: str = ""  # personal data: masked on screens except for administrators
    operator: str | None = Field(default=None, index=True)  # the Operator account's username, if any
    last_test_at: datetime | None = _utc(default=None)
    last_test_result: str = ""  # negative / positive ("" = none recorded)
    training_done: bool = False
    training_on: date | None = None
    ppe_issued: str = ""  # what protective gear was issued (口罩、防护服 …)
    ppe_issued_on: date | None = None
    active: bool = True
    created_at: datetime = _utc()
    updated_at: datetime = _utc()


# --- community cadence: the household register and phone checks (desktop.services.cadence) ----


class Household(SQLModel, table=True):
    """A household of the community's register (住户名册): who orders each round, who gets a call."""

    __table_args__ = (UniqueConstraint("site_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    key: str  # building|unit|room, normalised: how orders are matched to it
    community: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    contact_name: str = ""
    phone: str = ""
    special_needs: bool = False
    special_note: str = ""  # 独居老人 / 孕妇 / 慢病 …
    active: bool = True
    created_at: datetime = _utc()
    updated_at: datetime = _utc()  # last imported or edited: personal fields expire from here
    created_by: str = ""


class PhoneCheck(SQLModel, table=True):
    """One call to a special-needs household (电话问询): who called, when, and what came of it."""

    __tablename__ = "phone_check"
    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(foreign_key="household.id", index=True)
    called_at: datetime = _utc(index=True)
    caller: str = ""
    outcome: str = ""  # reached_ok / reached_needs_help / not_reached
    note: str = ""


# --- transit station (中转站): goods dispatched onward (desktop.services.transit) ----------------


class Destination(SQLModel, table=True):
    """A named place a transit station sends goods on to (a supply point, a community)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    created_at: datetime = _utc()
    created_by: str = ""


class Dispatch(SQLModel, table=True):
    """Goods leaving a transit station's stock on an onward vehicle, with their own slip (kind
    "dispatch"); a voided slip puts the goods back in stock."""

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    slip_id: int = Field(foreign_key="slip.id", unique=True)
    destination_id: int = Field(foreign_key="destination.id", index=True)
    plate: str = ""
    dispatched_at: datetime = _utc(index=True)
    dispatched_by: str = ""
    station: str = ""


class DispatchLine(SQLModel, table=True):
    """One necessity of a dispatch, in one unit."""

    __tablename__ = "dispatch_line"
    id: int | None = Field(default=None, primary_key=True)
    dispatch_id: int = Field(foreign_key="dispatch.id", index=True)
    necessity: str
    quantity: float = 0
    unit: str = ""
