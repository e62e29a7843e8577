"""Which field a spreadsheet column holds, judged from what its header means rather than from a
fixed list of spellings.

Suppliers write 预计到达日期, 到达日期（必填）, 数量(公斤), 随车人员身份证号, 通行证有效期至 …; a list
of spellings is always one short. So a header is first normalised (full-width folded, brackets
and their notes, spaces, 预计/计划/实际 prefixes, 至/止/截止 suffixes and case removed) and then each
field scores the words that matter to it: 身份证 says "ID number", 随车 says "a passenger", 日期
says "a date" unless 有效期 or 采样 says whose date. The best-scoring field wins; a header whose
two best fields tie, or two columns that both claim one field, are questions for the person
importing — never a guess. Pure Python, no Qt, no database: the GUI mapping step, the CLI and
the import all ask the same `recognise`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

IGNORE = "ignore"  # what a person chooses for a column the import should not read

# Fields of the approval list, with the label shown for them (Chinese first, as on the sheet).
APPROVAL_FIELDS: dict[str, tuple[str, str]] = {
    "plate": ("车牌号", "plate"),
    "supplier": ("供货单位", "supplier"),
    "driver": ("驾驶员", "driver"),
    "id_number": ("身份证号", "ID number"),
    "phone": ("联系电话", "phone"),
    "passengers": ("随车人员", "passengers"),
    "passenger_names": ("随车人员姓名", "passenger names"),
    "passenger_ids": ("随车人员身份证号", "passenger ID numbers"),
    "passenger_phones": ("随车人员电话", "passenger phones"),
    "cargo": ("物资", "goods"),
    "quantity": ("数量", "quantity"),
    "unit": ("单位", "unit"),
    "arrival_date": ("到达日期", "arrival date"),
    "mode": ("进校/接驳", "mode (enter / handoff)"),
    "unloading_point": ("卸货点", "unloading point"),
    "pass_number": ("通行证号", "pass number"),
    "pass_validity": ("通行证有效期", "pass valid until (or from–to)"),
    "pass_valid_from": ("通行证有效期起", "pass valid from"),
    "test_sampled_at": ("核酸采样时间", "test sampled at"),
    "note": ("备注", "remark"),
    "row_number": ("序号", "row number (not read)"),
}

PASS_FIELDS: tuple[str, ...] = ("pass_number", "plate", "supplier", "pass_validity", "pass_valid_from", "note",
                                "row_number")


@dataclass(frozen=True)
class Rule:
    """`any_of` (and `also`, when given) must occur (one of each) for the field to be a candidate at all; each word of
    `words` that occurs adds its weight; any word of `none_of` rules the field out."""

    any_of: tuple[str, ...]
    words: dict[str, int]
    none_of: tuple[str, ...] = ()
    also: tuple[str, ...] = ()  # a second group, one of which must occur as well


_PASSENGER = ("随车", "同乘", "乘员", "乘车", "押运", "跟车", "副驾", "同行", "随行", "其他人员", "司乘")
_ID = ("身份证", "证件号", "证件", "身份号", "idcard", "id")
_PHONE = ("电话", "手机", "联系方式", "tel", "phone", "mobile", "联系号码")
_NAME = ("姓名", "名字", "name")
_DATE_OWNERS = ("有效期", "有效日期", "采样", "核酸", "检测", "出生")

RULES: dict[str, Rule] = {
    "plate": Rule(("车牌", "号牌", "车号", "牌照", "plate"), {"车牌": 10, "号牌": 9, "车号": 8, "牌照": 8, "plate": 10}),
    "supplier": Rule(("供货", "供应", "配送", "企业", "公司", "单位", "商户", "商家", "厂家", "承运", "supplier",
                      "company", "carrier"),
                     {"供货": 8, "供应": 8, "配送": 5, "企业": 6, "公司": 6, "单位": 5, "商户": 6, "商家": 6,
                      "厂家": 6, "承运": 8, "名称": 1, "supplier": 9, "company": 8, "carrier": 8},
                     none_of=_PHONE + _ID + ("计量", "日期", "时间", "地址", "负责人")),
    "driver": Rule(("司机", "驾驶员", "驾驶人", "驾驶", "姓名", "名字", "driver", "name"),
                   {"司机": 6, "驾驶员": 6, "驾驶人": 6, "驾驶": 4, "姓名": 5, "名字": 4, "driver": 7, "name": 4},
                   none_of=_PASSENGER + _ID + _PHONE + ("单位", "企业", "公司", "货", "物资", "品", "证")),
    "id_number": Rule(_ID, {"身份证": 10, "证件号": 9, "证件": 7, "身份号": 9, "idcard": 10, "id": 6},
                      none_of=(*_PASSENGER, "通行证")),
    "phone": Rule(_PHONE, {"电话": 10, "手机": 10, "联系方式": 9, "tel": 8, "phone": 9, "mobile": 9, "联系号码": 9},
                  none_of=_PASSENGER),
    "passengers": Rule(_PASSENGER, {w: 7 for w in _PASSENGER}, none_of=_ID + _PHONE + _NAME),
    "passenger_names": Rule(_PASSENGER, {**{w: 6 for w in _PASSENGER}, "姓名": 5, "名字": 5, "name": 5},
                            none_of=_ID + _PHONE, also=_NAME),
    "passenger_ids": Rule(_PASSENGER, {**{w: 6 for w in _PASSENGER}, "身份证": 6, "证件": 6, "id": 4},
                          none_of=_PHONE, also=_ID),
    "passenger_phones": Rule(_PASSENGER, {**{w: 6 for w in _PASSENGER}, "电话": 6, "手机": 6, "联系方式": 6},
                             none_of=_ID, also=_PHONE),
    "cargo": Rule(("货物", "物资", "品名", "品种", "商品", "品类", "物品", "货品", "菜品", "名称", "类别", "goods",
                   "cargo", "item"),
                  {"货物": 9, "物资": 9, "品名": 9, "品种": 8, "商品": 8, "品类": 8, "物品": 8, "货品": 9, "菜品": 8,
                   "名称": 3, "类别": 4, "goods": 9, "cargo": 9, "item": 7, "明细": 1, "数量": 1},
                  none_of=("供", "单位", "企业", "公司", "车", "人员", "日期", "时间")),
    "quantity": Rule(("数量", "件数", "重量", "数目", "斤", "公斤", "吨", "箱数", "袋数", "qty", "quantity", "weight",
                      "净重", "毛重"),
                     {"数量": 9, "件数": 9, "重量": 9, "数目": 8, "斤": 5, "公斤": 6, "吨": 5, "箱数": 8, "袋数": 8,
                      "qty": 9, "quantity": 9, "weight": 8, "净重": 9, "毛重": 9},
                     none_of=("人数", "人员", "车")),
    "unit": Rule(("单位", "unit", "规格"), {"计量": 6, "单位": 6, "unit": 9, "规格": 5},
                 none_of=("供", "企业", "公司", "配送", "名称", "商", "厂", "收货", "送货", "人", "承运")),
    "arrival_date": Rule(("日期", "到达", "到校", "送达", "送货", "进校时间", "进校日期", "到货", "时间", "date",
                          "arrival", "配送时间"),
                         {"到达": 8, "到校": 8, "送达": 8, "到货": 8, "送货": 4, "进校": 3, "配送": 2, "日期": 6,
                          "时间": 3, "date": 6, "arrival": 8},
                         none_of=(*_DATE_OWNERS, "通行证", "单位", "企业", "公司", "地点", "地址")),
    "mode": Rule(("进校", "接驳", "方式", "是否进", "交接", "进入", "mode"),
                 {"进校": 7, "接驳": 7, "方式": 6, "是否进": 8, "交接": 5, "进入": 4, "mode": 8},
                 none_of=("日期", "时间", "地点", "点", "联系", "电话")),
    "unloading_point": Rule(("卸货", "目的地", "地点", "收货点", "送货点", "送达点", "交货点", "库房", "point"),
                            {"卸货": 9, "目的地": 8, "地点": 5, "收货点": 8, "送货点": 8, "送达点": 8, "交货点": 8,
                             "库房": 6, "point": 7},
                            none_of=("日期", "时间")),
    "pass_number": Rule(("通行证", "证号", "通行", "保供证", "保供", "pass"),
                        {"通行证": 8, "证号": 4, "保供证": 8, "保供": 6, "编号": 2, "号": 1, "pass": 8},
                        # a driving licence (驾驶证号, 行驶证号) is no pass: a column to ask about, not a pass to register
                        none_of=("有效", "日期", "身份", "证件", "起", "止", "驾驶", "驾照", "行驶")),
    "pass_validity": Rule(("有效期", "有效日期", "有效至", "有效截止", "valid"),
                          {"有效期": 9, "有效日期": 9, "有效至": 9, "有效截止": 9, "通行证": 2, "valid": 8},
                          none_of=("起", "开始", "from")),
    "pass_valid_from": Rule(("有效期", "有效日期", "valid"), {"有效": 5, "起": 6, "开始": 6, "from": 6},
                            none_of=()),
    "test_sampled_at": Rule(("核酸", "采样", "检测"), {"核酸": 7, "采样": 8, "检测": 4, "时间": 1, "日期": 1}),
    "note": Rule(("备注", "说明", "附注", "其他", "remark", "note"), {"备注": 9, "说明": 6, "附注": 8, "其他": 3,
                                                              "remark": 9, "note": 9},
                 none_of=("人员",)),
    "row_number": Rule(("序号", "编号", "行号", "no", "#"), {"序号": 9, "编号": 3, "行号": 9, "no": 5, "#": 5},
                       none_of=("通行", "证", "车", "身份", "电话")),
}

_PREFIXES = ("预计", "计划", "实际", "拟", "预约", "请填写", "填写")
_SUFFIXES = ("截止日期", "截止", "至", "止", "到期")
_STARTS = ("起", "开始", "自")


def normalise(text: object) -> str:
    """The header as compared: NFKC (full-width → half-width), lower case, brackets with their
    notes, spaces and punctuation removed, 预计/计划 prefixes and 至/止/截止 suffixes dropped."""
    s = unicodedata.normalize("NFKC", str(text if text is not None else "")).lower()
    s = re.sub(r"[(\[【〔<《][^)\]】〕>》]*[)\]】〕>》]", "", s)
    s = re.sub(r"[\s*:：_\-—~/\\|.。,，、'\"“”‘’?？!！]+", "", s)
    for p in _PREFIXES:
        if s.startswith(p) and len(s) > len(p):
            s = s[len(p):]
    for x in _SUFFIXES:
        if s.endswith(x) and len(s) > len(x):
            return s[: -len(x)]
    return s


def bracket_note(text: object) -> str:
    """What a header says in brackets, e.g. 重量（公斤） → 公斤 (a unit for a quantity column)."""
    m = re.search(r"[(\[【〔]([^)\]】〕]*)[)\]】〕]", unicodedata.normalize("NFKC", str(text or "")))
    return m[1].strip() if m else ""


def _ascii_word(word: str, s: str) -> bool:
    # "id" must not fire inside "valid" or "idcard" twice; ASCII words match whole words only
    return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", s) is not None


def _has(word: str, s: str) -> bool:
    # s is "compact|spaced": Chinese words match the compact form, ASCII words whole in the spaced one
    compact, _, spaced = s.partition("|")
    return _ascii_word(word, spaced) if word.isascii() and word.isalpha() else word in compact


def scores(header: object, fields: Iterable[str] = APPROVAL_FIELDS,
           rules: Mapping[str, Rule] | None = None) -> list[tuple[str, int]]:
    """Every field this header could be, best first (`rules`: another sheet's fields, e.g. the staff roster's)."""
    rules = RULES if rules is None else rules
    raw = unicodedata.normalize("NFKC", str(header if header is not None else "")).lower()
    s = normalise(header)
    if not s:
        return []
    starts = any(re.sub(r"[(\[【].*?[)\]】]|\s", "", raw).endswith(x) for x in _STARTS)
    s = s + "|" + re.sub(r"[^a-z#]+", " ", raw)
    out = []
    for name in fields:
        rule = rules[name]
        if not any(_has(w, s) for w in rule.any_of) or any(_has(w, s) for w in rule.none_of):
            continue
        if rule.also and not any(_has(w, s) for w in rule.also):
            continue
        if name == "pass_valid_from" and not starts:
            continue
        if name == "pass_validity" and starts:
            continue
        score = sum(weight for w, weight in rule.words.items() if _has(w, s))
        out.append((name, score - max(0, len(s.partition("|")[0]) - 12) // 4))  # long sentences are less sure
    return sorted(out, key=lambda x: -x[1])


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # as the sheet wrote it
    field: str | None  # None: not placed (unknown, or a question)
    candidates: tuple[str, ...] = ()  # the fields it could be, best first
    unit_hint: str = ""  # 重量（公斤）: the unit the header gives its numbers
    chosen: bool = False  # placed by the person (a --map, a combo) rather than recognised


@dataclass
class ColumnMap:
    columns: list[Column] = field(default_factory=list)
    questions: dict[str, list[str]] = field(default_factory=dict)  # field -> headers that both claim it

    def field_columns(self) -> dict[str, Column]:
        return {c.field: c for c in self.columns if c.field and c.field != IGNORE}

    @property
    def unknown(self) -> list[str]:
        """Headers no field was found for (and nobody chose to ignore)."""
        return [c.header for c in self.columns if c.field is None and c.header and not self._asked(c)]

    @property
    def ignored(self) -> list[str]:
        return [c.header for c in self.columns if c.field == IGNORE or (c.field == "row_number")]

    @property
    def unplaced(self) -> list[str]:
        """Every header the import cannot place without a person: unknown or ambiguous."""
        return [c.header for c in self.columns if c.field is None and c.header]

    def _asked(self, c: Column) -> bool:
        return any(c.header in hs for hs in self.questions.values())

    def key(self) -> str:
        """The header set, as remembered mappings are keyed."""
        return "|".join(sorted(normalise(c.header) for c in self.columns if c.header))


def _written(cell: object) -> str:
    return "" if cell is None else unicodedata.normalize("NFC", str(cell)).strip()


def recognise(headers: list[object], *, fields: Iterable[str] = APPROVAL_FIELDS,
              chosen: Mapping[str, str] | None = None, rules: Mapping[str, Rule] | None = None,
              rows: Iterable[list[object]] = ()) -> ColumnMap:
    """Place each header. `chosen` maps a header (as written, or normalised) to a field or IGNORE
    and wins over recognition. Two columns whose best field is the same are a question unless one
    scores clearly higher; a header whose two best fields tie is a question too. `rows` (the first
    rows under the header) settle a header whose words alone cannot: a bare 单位."""
    fields = tuple(fields)
    picks = {normalise(k): v for k, v in (chosen or {}).items()}
    cols: list[Column] = []
    for i, cell in enumerate(headers):
        text = _written(cell)
        if not text:
            cols.append(Column(i, "", None))
            continue
        ranked = scores(text, fields, rules)
        choice = picks.get(normalise(text)) or picks.get(text.lower())
        note = bracket_note(text)
        if choice:
            cols.append(Column(i, text, choice, tuple(f for f, _ in ranked), note, chosen=True))
        elif ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            cols.append(Column(i, text, ranked[0][0], tuple(f for f, _ in ranked), note))
        else:
            cols.append(Column(i, text, None, tuple(f for f, _ in ranked), note))
    result = ColumnMap(cols)
    _context(result, fields, [list(r) for r in rows][:20])
    _settle(result, ranked_by={c.index: scores(c.header, fields, rules) for c in cols if c.header})
    return result


_ORGANISATION = ("公司", "超市", "中心", "集团", "商行", "商店", "门市", "厂", "站", "基地", "合作社", "农场", "批发",
                 "市场", "医院", "学校", "部", "店", "局", "所", "社")


def _looks_like(values: list[str]) -> str | None:
    """"supplier" when most cells name an organisation (宿迁市某某农贸公司), "unit" when they are
    short measure words (箱, 袋, 公斤, kg), else None."""
    if not values:
        return None
    organisations = sum(1 for v in values if len(v) >= 5 or any(w in v for w in _ORGANISATION))
    units = sum(1 for v in values if len(v) <= 3 and not any(ch.isdigit() for ch in v))
    if organisations * 2 > len(values):
        return "supplier"
    if units * 2 > len(values):
        return "unit"
    return None


def _context(m: ColumnMap, fields: tuple[str, ...], rows: list[list[object]]) -> None:
    """A bare 单位 (work unit, or unit of measure) is what its cells say it is; with no cells to
    go by, the unit beside a quantity column, else the supplier."""
    has_quantity = any(c.field == "quantity" for c in m.columns)
    has_supplier = any(c.field == "supplier" for c in m.columns)
    for n, c in enumerate(m.columns):
        if c.chosen or normalise(c.header) != "单位":
            continue
        values = [str(r[c.index]).strip() for r in rows if c.index < len(r) and str(r[c.index] or "").strip()]
        said = _looks_like(values)
        if said == "supplier" and not has_supplier and "supplier" in fields:
            m.columns[n] = Column(c.index, c.header, "supplier", ("supplier", "unit"), c.unit_hint)
        elif said == "unit" and "unit" in fields:
            m.columns[n] = Column(c.index, c.header, "unit", ("unit", "supplier"), c.unit_hint)
        elif said is None and not has_quantity and not has_supplier and "supplier" in fields:
            m.columns[n] = Column(c.index, c.header, "supplier", ("supplier", "unit"), c.unit_hint)


def _settle(m: ColumnMap, *, ranked_by: dict[int, list[tuple[str, int]]]) -> None:
    """One column per field: a person's choice wins; else a column that scores clearly higher
    (5 or more) keeps it; else every claimant becomes a question. The losers are unplaced."""
    by_field: dict[str, list[Column]] = {}
    for c in m.columns:
        if c.field and c.field not in (IGNORE, "row_number"):
            by_field.setdefault(c.field, []).append(c)
    for name, cols in by_field.items():
        if len(cols) < 2:
            continue
        chosen = [c for c in cols if c.chosen]
        score = {c.index: dict(ranked_by.get(c.index, [])).get(name, 0) for c in cols}
        best = sorted(cols, key=lambda c: -score[c.index])
        if len(chosen) == 1:
            keep: Column | None = chosen[0]
        elif not chosen and score[best[0].index] >= score[best[1].index] + 5:
            keep = best[0]
        else:
            keep = None
        m.questions[name] = [c.header for c in cols if c is not keep]
        for c in cols:
            if c is not keep:
                m.columns[m.columns.index(c)] = Column(c.index, c.header, None, c.candidates, c.unit_hint)


def label(name: str) -> str:
    """A field's label for people: 到达日期 / arrival date."""
    from desktop.i18n import t

    zh, en = APPROVAL_FIELDS.get(name, (name, name)) if name != IGNORE else ("忽略", "ignore")
    return t(zh, en)


def field_names(text: str, fields: Iterable[str] = APPROVAL_FIELDS) -> str | None:
    """A field named on the command line or in a combo: its key (arrival_date), its Chinese label
    (到达日期) or any header that recognises as it; IGNORE for 忽略/ignore."""
    s = normalise(text)
    if s in ("ignore", "忽略", "不导入", "skip"):
        return IGNORE
    fields = tuple(fields)
    for name in fields:
        zh, en = APPROVAL_FIELDS[name]
        if s in (name, normalise(zh), normalise(en)):
            return name
    ranked = scores(text, fields)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
