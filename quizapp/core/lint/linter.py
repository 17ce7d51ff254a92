"""`quizapp lint`: quality warnings about a valid bank, each with a code and a file position.

The validator (`quizapp.core.bank`) rejects banks quizapp cannot use; the linter points at what
makes a usable bank teach less well: wrong choices that explain nothing, feedback that only says
"Incorrect.", choices that point at other choices while being shuffled, answer keys with a
pattern, near-duplicate questions, unused misconceptions, missing explanations, and choices whose
wording gives the answer away (see `cues`). The codes and what they mean are in
`quizapp.core.bank.lintcodes.LINT_CODES` (and the README).

A warning is silenced by listing its code in the question's `lint:` field, or in the bank's own
`lint:` field for the whole bank.

Positions: the rules place each finding by its path in the YAML (see `rules.Finding`); the
text is composed into a node tree only when there is something to report, and the exact node
(a choice, its feedback, a misconception's key) gives the line and column. Without the text (a
bank built in memory, a file that changed since) warnings fall back on the question's line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizapp.core.bank import LINT_CODES, MAX_BANK_BYTES, compose_yaml
from quizapp.core.lint.bankwide import bank_findings
from quizapp.core.lint.cues import cue_findings
from quizapp.core.lint.rules import AnswerAt, Finding, question_findings
from quizapp.core.lint.similar import similar_pairs
from quizapp.core.lint.text import words
from quizapp.core.model import Bank

__all__ = ["LintWarning", "lint_bank"]


@dataclass(frozen=True, slots=True)
class LintWarning:
    """One quality warning; `line`/`column` are 1-based, 0 when unknown."""

    path: str
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        if self.line == 0:
            return f"{self.path}: {self.code} {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"


def lint_bank(bank: Bank, path: str, text: str | None = None) -> list[LintWarning]:
    """The warnings about `bank` (valid, loaded from `path`), in file order.

    `text` is the bank's YAML; when None it is read from `path` (if that fails, warnings carry
    the question's line only).
    """
    findings = [f for i, q in enumerate(bank.questions) for f in question_findings(i, q)]
    findings += [f for i, q in enumerate(bank.questions) for f in cue_findings(i, q)]
    findings += bank_findings(bank)
    findings += _near_duplicates(bank)
    kept = [f for f in findings if not _silenced(bank, f)]
    if not kept:
        return []
    places = _Places(bank, path, text)
    warnings = [LintWarning(path, *places.locate(f), f.code, f.message) for f in kept]
    order = {code: rank for rank, code in enumerate(LINT_CODES)}
    warnings.sort(key=lambda w: (w.line, w.column, order[w.code]))
    return warnings


def _silenced(bank: Bank, finding: Finding) -> bool:
    if finding.code in bank.lint_ignore:
        return True
    return finding.question >= 0 and finding.code in bank.questions[finding.question].lint_ignore


def _near_duplicates(bank: Bank) -> Iterable[Finding]:
    questions = bank.questions
    prompts = [words(q.prompt) for q in questions]
    for later, (earlier, ratio) in sorted(similar_pairs(prompts).items()):
        if "QA107" in questions[earlier].lint_ignore:
            continue  # either question of the pair may say it is meant to be alike
        first = questions[earlier]
        where = f" (line {first.line})" if first.line else ""
        alike = "the same prompt as" if ratio == 1.0 else f"nearly the same prompt ({ratio:.0%}) as"
        message = f"question '{questions[later].id}': {alike} question '{first.id}'{where}"
        yield Finding("QA107", message, later, ("prompt",))


class _Places:
    """Turns findings into (line, column), composing the bank's text at most once."""

    def __init__(self, bank: Bank, path: str, text: str | None) -> None:
        self._bank = bank
        self._questions: list[Node] = []
        self._root = _compose(path if text is None else None, text)
        if isinstance(self._root, MappingNode):
            found = _child(self._root, "questions")
            if isinstance(found, SequenceNode) and len(found.value) == len(bank.questions):
                self._questions = found.value
            elif found is not None:
                self._root = None  # the text is not the bank that was loaded

    def locate(self, finding: Finding) -> tuple[int, int]:
        """The 1-based position of the finding's node, or of its nearest ancestor."""
        if finding.question >= 0:
            if not self._questions:
                line = self._bank.questions[finding.question].line
                return (line, 1) if line else (0, 0)
            node: Node = self._questions[finding.question]
        elif self._root is not None:
            node = self._root
        else:
            return (0, 0)
        key_node: Node | None = None
        for part in finding.path:
            step = _step(node, part)
            if step is None:
                key_node = None
                break
            key_node, node = step
        mark = key_node.start_mark if finding.at_key and key_node is not None else node.start_mark
        return (mark.line + 1, mark.column + 1)


def _compose(path: str | None, text: str | None) -> Node | None:
    try:
        if text is None and path is not None:
            if os.path.getsize(path) > MAX_BANK_BYTES:
                return None
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
        return compose_yaml(text) if text is not None else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return None


_TRUE = frozenset({"true", "yes", "on", "y"})
_FALSE = frozenset({"false", "no", "off", "n"})


def _child(node: Node, key: Any) -> Node | None:
    step = _step(node, key)
    return step[1] if step is not None else None


def _step(node: Node, part: Any) -> tuple[Node | None, Node] | None:
    """The (key node, value node) one step below `node` along `part`, None when absent."""
    if isinstance(part, AnswerAt):
        return _answer(node, part.index)
    if isinstance(node, SequenceNode):
        ok = isinstance(part, int) and 0 <= part < len(node.value)
        return (None, node.value[part]) if ok else None
    if not isinstance(node, MappingNode):
        return None
    for key_node, value_node in reversed(node.value):  # the last of duplicate keys wins
        if isinstance(key_node, ScalarNode) and _same_key(key_node.value, part):
            return (key_node, value_node)
    return None


def _same_key(written: str, part: Any) -> bool:
    if isinstance(part, bool):
        return written.lower() in (_TRUE if part else _FALSE)
    return written == str(part)


def _answer(node: Node, index: int) -> tuple[Node | None, Node] | None:
    """The node of the index-th typed answer below a question or gap (see `AnswerAt`)."""
    if isinstance(node, SequenceNode):  # a gap written as a plain list of answers
        return (None, node.value[index]) if index < len(node.value) else None
    if not isinstance(node, MappingNode):
        return None
    accepted = _child(node, "answers")
    if isinstance(accepted, SequenceNode):
        written = len(accepted.value)
        if index < written:
            return (None, accepted.value[index])
    elif _child(node, "answer") is not None or _child(node, "range") is not None:
        written = 1  # a numeric question's single `answer`/`range`: the question itself
        if index == 0:
            return (None, node)
    else:
        written = 0
    pattern = _step(node, "pattern")
    if pattern is not None:
        if index == written:
            return pattern
        written += 1
    wrong = _child(node, "wrong_answers")
    if isinstance(wrong, SequenceNode) and index - written < len(wrong.value):
        return (None, wrong.value[index - written])
    return None
