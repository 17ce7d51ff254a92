"""How `bank_to_yaml` lays out YAML: PyYAML's dumper taught the README's style.

Short mappings and lists go on one line (`{text: Mars}`, `[a, b]`), multi-line texts are literal
blocks (`|`), long single lines are folded (`>-`) when folding reads back the same text, and
texts holding separators only double quotes keep are double-quoted.
"""

from __future__ import annotations

from typing import Any

import yaml

#: Mappings and lists of plain values up to this long are written on one line: `{text: Mars}`.
FLOW_WIDTH = 72
#: Single-line texts longer than this are folded over several lines (`>-`).
FOLD_LENGTH = 80
#: The line width PyYAML folds long texts at.
WIDTH = 88
#: Unicode line separators that PyYAML would otherwise write raw and read back as line breaks.
_ODD_BREAKS = frozenset("\r\x85\u2028\u2029")


class Flow(dict[Any, Any]):
    """A mapping written on one line."""


class FlowList(list[Any]):
    """A list written on one line."""


class Dumper(yaml.SafeDumper):
    """Indents lists inside mappings (`  - id:`), as the README does."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML falls back to quotes when a block cannot hold the text (trailing spaces...).
    style = "|" if "\n" in value else ">" if _foldable(value) else None
    if _ODD_BREAKS.intersection(value) or value.endswith("\n\n") or value == "\n":
        # Double quotes are the only style that keeps these separators as they are; and a `|+`
        # block would swallow the blank line `_spaced` puts after it.
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _foldable(value: str) -> bool:
    """Whether a single-line `value` can be written as a folded block (`>-`) and read back as is.

    A line that starts with white space is "more indented" in a folded block, and YAML keeps the
    line breaks around such lines as they are: PyYAML still folds it at a space, so the text
    would come back with a line break in place of that space. Such texts are quoted instead (a
    quoted text is folded too, but its folds read back as spaces). Trailing white space would be
    dropped by a block, so PyYAML quotes those anyway: they are left out here to say so.
    """
    return len(value) > FOLD_LENGTH and value == value.strip(" \t")


def _represent_flow(dumper: yaml.SafeDumper, value: Flow) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=True)


def _represent_flow_list(dumper: yaml.SafeDumper, value: FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _represent_float(dumper: yaml.SafeDumper, value: float) -> yaml.ScalarNode:
    if value.is_integer() and abs(value) < 1e15:
        return dumper.represent_int(int(value))
    return dumper.represent_float(value)


Dumper.add_representer(str, _represent_str)
Dumper.add_representer(Flow, _represent_flow)
Dumper.add_representer(FlowList, _represent_flow_list)
Dumper.add_representer(float, _represent_float)


def texts(values: tuple[str, ...]) -> list[str]:
    """A list of texts, on one line when short and single-line."""
    if _fits_on_a_line(values):
        return FlowList(values)
    return list(values)


def compact(entry: dict[Any, Any]) -> dict[Any, Any]:
    """`entry` without its empty fields, on one line when it is short."""
    cleaned = {k: v for k, v in entry.items() if v not in (None, "")}
    if _fits_on_a_line(cleaned.values()) and len(str(cleaned)) <= FLOW_WIDTH:
        return Flow(cleaned)
    return cleaned


def _fits_on_a_line(values: Any) -> bool:
    values = list(values)
    if sum(len(str(v)) + 2 for v in values) > FLOW_WIDTH:
        return False
    return all(
        isinstance(v, bool | int | float | FlowList) or (isinstance(v, str) and "\n" not in v)
        for v in values
    )
