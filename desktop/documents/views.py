"""The plain views the documents are built from: what a slip, a bag label, the daily report and
the county report show, as frozen dataclasses.

The services make these from the database; the builders in desktop.documents turn them into PDF
or .xlsx. They live apart from the builders so that a service (and a window that only reads) can
make a view without importing reportlab, openpyxl, python-barcode or segno — 30–40 MB of memory and
a tenth of a second that only printing needs (tests/test_project.py checks that contract).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.localtime import site_tz_name

# --- slip ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Disinfected:
    at: datetime
    agent: str = ""
    dilution: str = ""
    place: str = ""


@dataclass(frozen=True)
class SlipView:
    """Everything printed on one slip. Only site_name and number are required."""

    site_name: str
    number: str
    kind: str = "slip"
    plate: str = ""
    supplier: str = ""
    category: str = ""
    description: str = ""
    quantity: float | None = None
    unit: str = ""
    recipient: str = ""
    destination: str = ""
    contact_phone: str = ""
    disinfections: tuple[Disinfected, ...] = ()
    dwell_end: datetime | None = None
    issued_by: str = ""
    issued_at: datetime | None = None
    station: str = ""
    printed_at: datetime | None = None  # None: the moment the PDF is made
    reprint_no: int = 0
    voided: bool = False
    void_reason: str = ""
    tz: str = field(default_factory=site_tz_name)  # the site's zone when the view is made
    lines: tuple[str, ...] = ()  # a dispatch slip's goods, one line per necessity ("大米 20 袋")


# --- bag_label -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BagLabelView:
    number: str
    community: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    phone: str = ""  # masked when drawn, whatever is passed
    items: str = ""
    slot_start: datetime | None = None
    slot_end: datetime | None = None
    door: bool = False  # special needs / door delivery: "送货上门" instead of a slot
    batch: str = ""
    seq: str = ""  # "12/30"
    site_name: str = ""
    tz: str = field(default_factory=site_tz_name)  # the site's zone when the view is made

    @property
    def address(self) -> str:
        return " ".join(x for x in (self.building, self.unit, self.room) if x)


# --- daily_report --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    value: int


@dataclass(frozen=True)
class Quantity:
    quantity: float
    unit: str

    def text(self) -> str:
        return f"{self.quantity:g} {self.unit}".strip()


@dataclass(frozen=True)
class NecessityRow:
    key: str
    name: str
    quantities: tuple[Quantity, ...]  # one per unit, largest first
    lines: int  # how many lines of goods were counted
    items: str  # what they were, e.g. "大米、面粉"


@dataclass(frozen=True)
class VehicleLine:
    arrival_id: int
    plate: str
    supplier: str
    arrived_at: datetime
    outcome: str  # admitted / handoff / refused / cancelled / checking
    outcome_text: str
    inside: bool
    exited_at: datetime | None
    cargo: str


@dataclass(frozen=True)
class Anomaly:
    at: datetime
    kind: str
    title: str
    detail: str
    severity: str  # warn / bad


@dataclass(frozen=True)
class TransitRow:
    """A transit station's necessity: what left on onward dispatches that day, and on hand at its end."""

    key: str
    name: str
    dispatched: tuple[Quantity, ...]
    on_hand: tuple[Quantity, ...]


@dataclass(frozen=True)
class DailyReportView:
    site_name: str
    day: date
    generated_at: datetime
    outcomes: tuple[Count, ...]
    necessities: tuple[NecessityRow, ...]
    counts: tuple[Count, ...]
    vehicles: tuple[VehicleLine, ...]
    anomalies: tuple[Anomaly, ...]
    tz: str = field(default_factory=site_tz_name)  # the site's zone when the view is made
    transit: tuple[TransitRow, ...] = ()  # a transit station's dispatches and stock; () for other sites


# --- county_report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteFigures:
    code: str  # "" for the total
    name: str
    merged_at: datetime | None
    vehicles: int
    admitted: int
    handoff: int
    refused: int
    violations: int
    overrides: int
    goods: dict[str, dict[str, tuple[float, float]]]  # necessity → unit → (received, handed on)

    def quantity(self, key: str, which: int) -> str:
        units = sorted(self.goods.get(key, {}).items(), key=lambda kv: -kv[1][which])
        return "；".join(f"{q[which]:g} {u}".strip() for u, q in units if q[which]) or "0"


@dataclass(frozen=True)
class CountyView:
    centre_name: str
    day: date
    generated_at: datetime
    sites: tuple[SiteFigures, ...]  # the sites that reported, by code
    total: SiteFigures
    missing: tuple[tuple[str, str], ...]  # (code, name) of registered sites that have not reported
    tz: str = "Asia/Shanghai"
