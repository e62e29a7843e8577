"""A saved bench run (`gatehouse bench --out FILE.json`) as the README's Markdown: the machine and
its load, one table row per figure (key, value, unit, reference and its value, ratio, target,
verdict), a sentence naming the misses, and the growth table when the run has one. The README's
performance tables are pasted from `gatehouse bench --markdown FILE.json`, not typed.
"""

from __future__ import annotations

from typing import Any

FIGURE_HEADER = ("key", "value", "unit", "reference", "reference value", "ratio", "target", "verdict")
GROWTH_COLUMNS = (("slips", "slips"), ("size_mb", "file MB"), ("release_p50_ms", "release p50 ms"),
                  ("release_p99_ms", "release p99 ms"), ("refusal_p99_ms", "refusal p99 ms"),
                  ("start_paint_ms", "first paint ms"), ("start_ready_ms", "pages ready ms"),
                  ("report_ms", "daily report ms"), ("timeline_ms", "timeline ms"), ("load_average", "load 1 min"))


def num(value: Any) -> str:
    """A figure as stored, grouped in thousands: 1000000 → 1,000,000; 0.250 → 0.25."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        text = f"{value:,.3f}".rstrip("0").rstrip(".")
        return text or "0"
    if isinstance(value, list):  # load averages: the 1-minute one
        return num(value[0]) if value else "—"
    return cell(value)


def cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _row(values: list[str]) -> str:
    return "| " + " | ".join(values) + " |"


def machine_line(machine: dict[str, Any]) -> str:
    def loads(key: str) -> str:
        value = machine.get(key)
        return " / ".join(num(x) for x in value) if value else "unknown"

    return (f"One run, {cell(machine.get('started', '?'))} to {cell(machine.get('finished', '?'))}, on "
            f"{num(machine.get('cpus'))} × {cell(machine.get('cpu_model', '?'))} ({cell(machine.get('platform', '?'))}, "
            f"Python {cell(machine.get('python', '?'))}); load average (1 / 5 / 15 min) {loads('load_before')} "
            f"before, {loads('load_after')} after.")


def figures_table(figures: list[dict[str, Any]]) -> list[str]:
    lines = [_row(list(FIGURE_HEADER)), _row(["---"] * len(FIGURE_HEADER))]
    for f in figures:
        verdict = f.get("verdict", "reported")
        lines.append(_row([f"`{cell(f['key'])}`", num(f.get("value")), cell(f.get("unit", "")),
                           cell(f.get("reference_name", "")), num(f.get("reference_value")), num(f.get("ratio")),
                           cell(f.get("target", "")), "**missed**" if verdict == "missed" else cell(verdict)]))
    return lines


def misses_line(figures: list[dict[str, Any]]) -> str:
    missed = [f for f in figures if f.get("verdict") == "missed"]
    if not missed:
        return f"All {sum(1 for f in figures if f.get('verdict') == 'met')} figures with a target met their target."
    named = "; ".join(f"`{f['key']}` {num(f.get('value'))} {cell(f.get('unit', ''))} (target {cell(f.get('target', ''))})"
                      for f in missed)
    return f"Missed ({len(missed)} of {sum(1 for f in figures if f.get('verdict') in ('met', 'missed'))}): {named}."


def growth_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [_row([title for _, title in GROWTH_COLUMNS]), _row(["---"] * len(GROWTH_COLUMNS))]
    for r in rows:
        lines.append(_row([num(r.get(key)) for key, _ in GROWTH_COLUMNS]))
    return lines


def render(payload: dict[str, Any]) -> str:
    out: list[str] = []
    if payload.get("machine"):
        out += [machine_line(payload["machine"]), ""]
    if payload.get("quick"):
        out += ["A quick run (`--quick`): smaller databases and fewer repeats than the targets are set for.", ""]
    if payload.get("figures"):
        out += [*figures_table(payload["figures"]), "", misses_line(payload["figures"]), ""]
    if payload.get("growth"):
        out += [*growth_table(payload["growth"]), ""]
    return "\n".join(out)
