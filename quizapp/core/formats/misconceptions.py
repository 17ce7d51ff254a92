"""Misconceptions carried through Moodle: written into an answer's feedback, read back from it.

Moodle has no place for the misconception behind a wrong answer, but it shows each answer's
feedback to the student who picks it, which is where quizapp explains the misconception too. So
export appends a last paragraph to the feedback of every option that carries one:

    Jupiter is the fifth planet.

    Misconception: The planet that looks biggest must be the closest to the Sun. — How big a
    planet looks says nothing about its orbit.

and import takes such a paragraph back out of the feedback, as the option's misconception. Ids do
not show in the text: the exporter lists them with their summaries where the student does not
look (a GIFT comment, the top category's description in Moodle XML), and `attach` gives each
summary its id from that list; a summary it does not list (written by hand in Moodle) gets a slug
of its words.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import TypeVar

from quizapp.core.formats.common import slugify
from quizapp.core.model import Choice, Misconception, NumericAnswer, Question, TextAnswer

#: How the paragraph starts, and what stands between the summary and the explanation.
LABEL = "Misconception: "
DASH = " — "
#: The paragraph at the end of a feedback: a line of its own is enough (HTML paragraphs read as
#: plain text are one line break apart).
_PARAGRAPH = re.compile(r"(?:\A|\n)[ \t]*Misconception:[ \t]*(?P<body>\S.*)\Z", re.DOTALL)

Option = TypeVar("Option", Choice, TextAnswer, NumericAnswer)


def paragraph(misconception: Misconception) -> str:
    """The paragraph that explains `misconception` in an answer's feedback."""
    summary = " ".join(misconception.summary.split())
    explanation = misconception.explanation.strip()
    return LABEL + summary + (DASH + explanation if explanation else "")


def with_misconception(feedback: str, misconception: Misconception | None) -> str:
    """`feedback` with the paragraph of `misconception` after it (unchanged when None)."""
    if misconception is None:
        return feedback
    text = paragraph(misconception)
    return f"{feedback.rstrip()}\n\n{text}" if feedback.strip() else text


def split_feedback(feedback: str) -> tuple[str, str, str] | None:
    """(feedback before it, summary, explanation) of a feedback ending in a misconception
    paragraph; None when it has none."""
    found = _PARAGRAPH.search(feedback)
    if found is None:
        return None
    before = feedback[: found.start()].rstrip()
    summary, _, explanation = found.group("body").partition(DASH.strip())
    summary = " ".join(summary.split())
    if not summary:
        return None
    return before, summary, explanation.strip()


class Attacher:
    """Gives the misconception paragraphs found in feedback their ids and builds the bank's list.

    `known` maps a summary (spaces collapsed) to the id the exporter listed for it.
    """

    def __init__(self, known: Mapping[str, str] | None = None) -> None:
        self._known = dict(known or {})
        self.misconceptions: dict[str, Misconception] = {}

    def question(self, q: Question) -> Question:
        """`q` with the misconception paragraphs of its options' feedback turned into ids."""
        choices = tuple(self._option(c, True) for c in q.choices)
        answers = tuple(self._option(a, a.weight == 0) for a in q.answers)
        numeric = tuple(self._option(a, a.weight == 0) for a in q.numeric)
        gaps = tuple(
            dataclasses.replace(g, answers=tuple(self._option(a, a.weight == 0) for a in g.answers))
            for g in q.gaps
        )
        return dataclasses.replace(q, choices=choices, answers=answers, numeric=numeric, gaps=gaps)

    def _option(self, option: Option, allowed: bool) -> Option:
        if not allowed or option.misconception is not None:
            return option
        found = split_feedback(option.feedback)
        if found is None:
            return option
        before, summary, explanation = found
        mid = self._id(summary, explanation)
        return dataclasses.replace(option, feedback=before, misconception=mid)

    def _id(self, summary: str, explanation: str) -> str:
        for mid, existing in self.misconceptions.items():
            if (existing.summary, existing.explanation) == (summary, explanation):
                return mid
        base = self._known.get(summary) or slugify(summary) or "misconception"
        mid, n = base, 1
        while mid in self.misconceptions:
            n += 1
            mid = f"{base}-{n}"
        self.misconceptions[mid] = Misconception(mid, summary, explanation)
        return mid
