"""Reading untrusted YAML: safe tags only, no alias bombs, duplicate keys noticed, errors marked.

The loader is PyYAML's `CSafeLoader` (libyaml) when available, else the pure-Python `SafeLoader`,
with three additions that cost nothing on an ordinary bank:

- the lines of the questions are read off the node tree before it is turned into plain data, so a
  valid bank knows where each question starts without a second parse;
- a mapping whose constructed dict is shorter than its node list had a duplicate key, which is
  recorded with both positions;
- when the text may define anchors, the node graph is measured before construction and refused
  when aliases would expand it far beyond its written size (billion laughs) or make it recursive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizapp.core.bank.parts.aliases import check_expansion
from quizapp.core.visible import CONTROL_ADVICE, CONTROLS, describe

try:
    from yaml import CSafeLoader as _SafeBase
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeBase  # type: ignore[assignment]

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp", "binary")
)
_STANDARD_TAG = "tag:yaml.org,2002:"


class YamlFailure(Exception):
    """Text quizapp will not read as YAML; `line`/`column` are 1-based (0 when unknown)."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A key written twice in one mapping (the second one wins in the data)."""

    line: int
    column: int
    key: str
    first_line: int
    in_misconceptions: bool


@dataclass(slots=True)
class Loaded:
    """The plain data of a document and what was noticed while reading it."""

    data: Any
    question_lines: list[int] = field(default_factory=list)
    """The 1-based first line of each question."""
    question_ends: list[tuple[int, int]] = field(default_factory=list)
    """The 1-based (line, column) just after each question."""
    duplicates: list[Duplicate] = field(default_factory=list)


class _Unusual(Exception):
    """The document needs PyYAML's full constructor (merge keys, sets, odd tags...)."""


class _BankLoader(_SafeBase):
    """A safe loader that records question lines and duplicate keys, and refuses alias bombs."""

    def __init__(self, text: str, check_aliases: bool) -> None:
        super().__init__(text)
        self.check_aliases = check_aliases
        self.question_nodes: list[Node] = []
        self.duplicate_pairs: list[tuple[Node, Node]] = []
        self.misconceptions_node: Node | None = None

    def construct_document(self, node: Node) -> Any:
        """The plain data of the document `node`, after measuring aliases and noting lines."""
        if self.check_aliases:
            finding = check_expansion(node)
            if finding is not None:
                raise YamlFailure(*finding)
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    continue
                if key_node.value == "questions" and isinstance(value_node, SequenceNode):
                    self.question_nodes = value_node.value
                elif key_node.value == "misconceptions":
                    self.misconceptions_node = value_node
        if not self.check_aliases:
            try:
                return self._plain(node)
            except (_Unusual, TypeError, ValueError, RecursionError):
                self.duplicate_pairs.clear()  # PyYAML's own path tells what is wrong, if anything
        return super().construct_document(node)

    def _plain(self, node: Node) -> Any:
        """Plain data for a document without anchors: the usual tags, built with little overhead.

        Used only when the text defines no anchors, so no node is reached twice. Anything else
        (merge keys, sets, unknown tags, unhashable keys) raises and takes PyYAML's own path.
        """
        kind = type(node)
        if kind is ScalarNode:
            tag = node.tag
            if tag == _STR_TAG:
                return node.value
            if tag in _SCALAR_TAGS:
                try:
                    return self.yaml_constructors[tag](self, node)
                except ValueError as exc:  # e.g. `!!int abc`, `!!timestamp 2020-13-45`
                    mark, shown = node.start_mark, tag.replace(_STANDARD_TAG, "!!")
                    message = f"cannot read this {shown} value: {exc}"
                    raise YamlFailure(mark.line + 1, mark.column + 1, message) from None
        elif kind is SequenceNode and node.tag == _SEQ_TAG:
            plain = self._plain
            return [plain(child) for child in node.value]
        elif kind is MappingNode and node.tag == _MAP_TAG:
            plain = self._plain
            pairs = node.value
            data = {plain(key): plain(value) for key, value in pairs}
            if len(data) != len(pairs):
                self._note_duplicates(pairs, True)
            return data
        raise _Unusual

    def construct_bank_map(self, node: MappingNode) -> Any:
        """`SafeConstructor.construct_yaml_map`, plus a length check that catches duplicate keys."""
        data: dict[Any, Any] = {}
        yield data
        own = node.value
        written = len(own)
        value = self.construct_mapping(node)
        data.update(value)
        # Merge keys (`<<`) replace node.value with a new list and drop the `<<` pair from `own`.
        if len(value) != written or node.value is not own:
            self._note_duplicates(own, False)

    def _note_duplicates(self, pairs: list[tuple[Node, Node]], plain: bool) -> None:
        seen: dict[Any, Node] = {}
        for key_node, _ in pairs:
            key = self._plain(key_node) if plain else self.construct_object(key_node, True)
            if key in seen:
                self.duplicate_pairs.append((key_node, seen[key]))
            else:
                seen[key] = key_node


_BankLoader.add_constructor(_MAP_TAG, _BankLoader.construct_bank_map)


def load_yaml(text: str, check_aliases: bool) -> Loaded:
    """Parse one YAML document into plain data; raises `YamlFailure` for anything unreadable."""
    loader = _BankLoader(text, check_aliases)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        raise failure_from(exc, text) from None
    except RecursionError:  # the pure-Python loader on absurdly deep nesting
        raise YamlFailure(0, 0, "not valid YAML: nested too deeply") from None
    except (TypeError, ValueError) as exc:  # a tagged value PyYAML cannot make, e.g. !!int x
        raise YamlFailure(0, 0, f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    in_misc = loader.misconceptions_node
    duplicates = [
        Duplicate(
            line=dup.start_mark.line + 1,
            column=dup.start_mark.column + 1,
            key=str(dup.value),
            first_line=first.start_mark.line + 1,
            in_misconceptions=in_misc is not None
            and any(k is dup for k, _ in getattr(in_misc, "value", ())),
        )
        for dup, first in loader.duplicate_pairs
    ]
    nodes = loader.question_nodes
    starts = [node.start_mark.line + 1 for node in nodes]
    ends = [(node.end_mark.line + 1, node.end_mark.column + 1) for node in nodes]
    return Loaded(data, starts, ends, duplicates)


def compose_yaml(text: str) -> Node | None:
    """The node tree of a document that `load_yaml` accepted (for locating problems)."""
    return yaml.compose(text, Loader=_SafeBase)


def failure_from(exc: yaml.YAMLError, text: str) -> YamlFailure:
    """Turn a PyYAML error into a `YamlFailure` with a 1-based position and a plain message."""
    if isinstance(exc, yaml.MarkedYAMLError):
        problem = exc.problem or exc.context or "not valid YAML"
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        prefix = "not valid YAML: "
        if isinstance(exc, yaml.constructor.ConstructorError) and "a constructor" in problem:
            tag = problem.rsplit(" ", 1)[-1].strip("'").replace(_STANDARD_TAG, "!!")
            message = f"tag {tag} is not allowed: a bank holds plain data only"
            return YamlFailure(line, column, message)
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            return YamlFailure(line, column, f"{prefix}a tab character here; indent with spaces")
        if exc.context and exc.problem and exc.context_mark is not None:
            where = exc.context_mark.line + 1
            problem = f"{problem} ({exc.context} at line {where})"
        elif exc.context and exc.problem:
            problem = f"{problem} ({exc.context})"
        return YamlFailure(line, column, prefix + problem)
    if isinstance(exc, yaml.reader.ReaderError):
        before = text.encode("utf-8", "surrogatepass")[: exc.position].decode("utf-8", "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        if CONTROLS.fullmatch(char):
            message = f"control character {describe(char)}: {CONTROL_ADVICE}"
        else:
            message = f"character U+{ord(char):04X} is not allowed: {exc.reason}"
        return YamlFailure(line, column, message)
    return YamlFailure(0, 0, f"not valid YAML: {exc}")


def _char_at(text: str, line: int, column: int) -> str:
    """The character at 0-based `line` and `column` of `text` ('' when there is none)."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + column : start + column + 1]
