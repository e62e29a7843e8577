"""Stored messages in the reader's language. A refusal's reason is stored as the gate said it — the
failing checks' messages, usually in Chinese ("采样时间54小时前，超过48小时") — and its stored
text is covered by the audit digests, so it stays as written. At display time a message the rules
wrote is recognised by its template and said again in English; anything people typed is shown as it
was typed. `english()` is the reader's side; tests/domain/test_stored_words.py keeps TEMPLATES in
step with the rules' own t() pairs (desktop/domain/checks.py, health.py)."""

from __future__ import annotations

import re
from functools import cache

from desktop.i18n import language

# (Chinese, English) as desktop/domain/checks.py and health.py write them
TEMPLATES: tuple[tuple[str, str], ...] = (
    ("健康码为黄码，不得放行", "Health code is YELLOW: do not admit"),
    ("健康码为红码：不得放行，立即报告督查", "Health code is RED: do not admit, report at once"),
    ("未查验健康码", "Health code not checked"),
    ("未核查近{d}天行程", "Itinerary of the last {d} days not checked"),
    ("近{d}天内离开过本市", "Left the city in the last {d} days"),
    ("未做人证核验（对照照片）", "Identity not checked against the photo"),
    ("本人与证件照片不符", "Does not match the ID photo"),
    ("未询问疫区接触史", "Not asked about contact with epidemic areas"),
    ("有疫区接触史", "Has been in contact with an epidemic area"),
    ("未签承诺书", "Pledge not signed"),
    ("未确认遵守规定（按路线、戴口罩、关车窗、不下车）",
     "Rules not acknowledged (route, mask, windows closed, stay in the cab)"),
    ("核酸检测阳性：不得放行，立即报告督查", "Nucleic-acid test POSITIVE: do not admit, report at once"),
    ("没有核酸检测阴性结果", "No negative nucleic-acid result"),
    ("未填写核酸采样时间", "The sampling time has not been entered"),
    ("采样时间晚于现在，请核对", "The sampling time is in the future: check it"),
    ("采样时间{a}前，超过{h}小时", "Sampled {a} ago, more than {h} hours"),
    ("{h}小时{m}分钟", "{h} h {m} min"),
    ("{h}小时", "{h} hours"),
    ("体温 {c}℃ 不可能，请重新测量", "A temperature of {c} °C is impossible: measure again"),
    ("体温 {c}℃，超过 {l}℃：不得放行", "Temperature {c} °C, above {l} °C: do not admit"),
    ("有症状：{s}，不得放行", "Has symptoms: {s}; do not admit"),
)
_FIELD = re.compile(r"\{(\w+)\}")
_PARTS = re.compile(r"(；|; )")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for zh, en in TEMPLATES:
        pieces = _FIELD.split(zh)  # text, name, text, name, …
        body = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(pieces))
        out.append((re.compile(f"^{body}$"), en))
    return tuple(out)


def _one(text: str) -> str:
    for pattern, en in _patterns():
        found = pattern.match(text)
        if found:
            return en.format(**{k: _one(v).replace("、", ", ") for k, v in found.groupdict().items()})
    return text


def english(text: str) -> str:
    """`text` as the English reader should see it: each "；"-separated message the rules wrote, in
    English; anything else unchanged. In Chinese, the text as stored."""
    if language() != "en" or not text:
        return text
    return "".join("; " if i % 2 else _one(part) for i, part in enumerate(_PARTS.split(text)))

