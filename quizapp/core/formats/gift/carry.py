"""What GIFT can hold of a quizapp question: the question reduced to that, with a note per loss.

GIFT has no hints, references, pinned choices, shuffle setting, case-sensitive or
regular-expression answers (only Moodle's `*` wildcard), typed answers that cost marks, feedback
on matching pairs, and no order, flashcard or several-gap cloze questions. Texts lose the spaces
at their ends, as the importer trims them. A misconception goes into the feedback of the answer
that carries it (`misconceptions.with_misconception`), where Moodle shows it to the student.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from quizapp.core.formats.common import Note
from quizapp.core.formats.gift.read import GAP_NAME, category_of, topic_of
from quizapp.core.formats.misconceptions import with_misconception
from quizapp.core.model import (
    Choice,
    Gap,
    MatchPair,
    Misconception,
    OtherAnswer,
    Question,
    QuestionType,
    TextAnswer,
)

_ENDS = re.compile(r"\A[^\S\n]+|[^\S\n]+\Z")
Lost = Callable[[str], None]


def trim(text: str) -> str:
    """`text` as the importer reads it back: line breaks as `\\n`, no spaces at the ends."""
    return _ENDS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def carried(
    q: Question, notes: list[Note], known: dict[str, Misconception] | None = None
) -> Question | None:
    """`q` as GIFT will hold it, or None when GIFT cannot hold it at all; losses are noted.

    `known` are the bank's misconceptions: each one an option carries is written into that
    option's feedback.
    """

    def lost(message: str) -> None:
        notes.append(Note(q.line, f"question '{q.id}': {message}"))

    q = explained(q, known or {})

    if q.type in (QuestionType.ORDER, QuestionType.FLASHCARD):
        lost(f"{q.type.label} questions have no GIFT form: left out")
        return None
    if q.type is QuestionType.CLOZE and len(q.gaps) != 1:
        lost(f"a cloze with {len(q.gaps)} gaps has no GIFT form (one missing word): left out")
        return None
    _common_losses(q, lost)
    topic = topic_of(category_of(q.topic))
    if topic != q.topic:
        lost(f"the topic '{q.topic}' is written as '{topic}'")
    tags: list[str] = []
    for tag in q.tags:
        if "]" in tag or "\n" in tag or "\r" in tag:
            lost(f"the tag '{tag}' cannot be written in a GIFT comment: left out")
        elif tag.strip() not in tags:
            tags.append(tag.strip())
    fields = _fields(q, trim(q.prompt), lost)
    if fields is None:
        return None
    return dataclasses.replace(
        q,
        topic=topic,
        tags=tuple(tags),
        explanation=trim(q.explanation),
        hint="",
        references=(),
        shuffle=q.type is not QuestionType.TRUE_FALSE,
        **fields,
    )


def _common_losses(q: Question, lost: Lost) -> None:
    if q.hint:
        lost("the hint is left out")
    if q.references:
        lost("the references are left out")
    if q.shuffle != (q.type is not QuestionType.TRUE_FALSE):
        lost("GIFT does not say whether to shuffle: Moodle's quiz setting decides")
    if any(c.pinned for c in q.choices):
        lost("GIFT cannot pin a choice in place")
    if any(p.feedback for p in q.pairs):
        lost("the feedback on matching pairs is left out")


def _fields(q: Question, prompt: str, lost: Lost) -> dict[str, Any] | None:
    """The type's fields as GIFT holds them (None, with a note, when nothing is left to ask)."""
    if q.type.has_choices:
        kept = tuple(Choice(trim(c.text), c.weight, trim(c.feedback)) for c in q.choices)
        return {"prompt": prompt, "choices": kept}
    if q.type is QuestionType.NUMERIC:
        numeric = [
            dataclasses.replace(a, feedback=trim(a.feedback), misconception=None) for a in q.numeric
        ]
        for index, answer in enumerate(numeric):
            if answer.weight < 0:
                lost(f"numeric answer {answer.display()} cannot cost marks in GIFT: written as 0%")
                numeric[index] = dataclasses.replace(answer, weight=0.0)
        ordered = [a for a in numeric if a.weight > 0] + [a for a in numeric if not a.weight]
        otherwise = q.otherwise
        if otherwise is not None and otherwise.weight:
            lost("GIFT's feedback for any other number earns no marks: its weight is written as 0%")
        if otherwise is not None:
            otherwise = OtherAnswer(trim(otherwise.feedback))
        return {"prompt": prompt, "numeric": tuple(ordered), "otherwise": otherwise}
    if q.type is QuestionType.MATCH:
        arrows = [p.left for p in q.pairs if "->" in p.left]
        if arrows:
            lost(f"the left item '{arrows[0]}' holds `->`, which GIFT reads as the arrow: left out")
            return None
        pairs = tuple(MatchPair(trim(p.left), trim(p.right)) for p in q.pairs)
        return {"prompt": prompt, "pairs": pairs, "distractors": tuple(map(trim, q.distractors))}
    if q.type is QuestionType.SHORT:
        answers = _typed(q.answers, q.case_sensitive, lost)
        if answers is None:
            return None
        fields = {"prompt": prompt, "answers": answers, "case_sensitive": False}
        return fields | {"otherwise": _other(q.otherwise)}
    gap = q.gaps[0]
    answers = _typed(gap.answers, gap.case_sensitive, lost)
    if answers is None:
        return None
    if gap.name != GAP_NAME:
        lost(f"the gap '{gap.name}' is called '{GAP_NAME}' in GIFT, which does not name gaps")
    before, _, after = prompt.partition("{{" + gap.name + "}}")
    otherwise = _other(gap.otherwise)
    if not after.strip():
        lost("the gap ends the text, and GIFT reads that as a short-answer question")
        short = {"type": QuestionType.SHORT, "prompt": trim(before), "answers": answers}
        return short | {"gaps": (), "case_sensitive": False, "otherwise": otherwise}
    gapped = before + "{{" + GAP_NAME + "}}" + after
    return {"prompt": gapped, "gaps": (Gap(GAP_NAME, answers, False, otherwise),)}


def _other(otherwise: OtherAnswer | None) -> OtherAnswer | None:
    """The catch-all as the importer reads it back (`=%w%*#feedback`: feedback trimmed)."""
    return None if otherwise is None else OtherAnswer(trim(otherwise.feedback), otherwise.weight)


def explained(q: Question, known: dict[str, Misconception]) -> Question:
    """`q` with each option's misconception written into its feedback (ids dropped)."""
    if not q.misconception_ids():
        return q

    def feedback(option: Choice | TextAnswer) -> str:
        misconception = known.get(option.misconception or "")
        return with_misconception(option.feedback, misconception)

    choices = tuple(
        dataclasses.replace(c, feedback=feedback(c), misconception=None) for c in q.choices
    )
    answers = tuple(
        dataclasses.replace(a, feedback=feedback(a), misconception=None) for a in q.answers
    )
    numeric = tuple(
        dataclasses.replace(
            a,
            feedback=with_misconception(a.feedback, known.get(a.misconception or "")),
            misconception=None,
        )
        for a in q.numeric
    )
    gaps = tuple(
        dataclasses.replace(
            g,
            answers=tuple(
                dataclasses.replace(a, feedback=feedback(a), misconception=None) for a in g.answers
            ),
        )
        for g in q.gaps
    )
    return dataclasses.replace(q, choices=choices, answers=answers, numeric=numeric, gaps=gaps)


def _typed(
    answers: tuple[TextAnswer, ...], case_sensitive: bool, lost: Lost
) -> tuple[TextAnswer, ...] | None:
    """Typed answers as GIFT holds them: accepted ones, then wrong ones (`*` wildcards kept)."""
    if case_sensitive:
        lost("GIFT answers are not case-sensitive: written as case-insensitive")
    literal: list[TextAnswer] = []
    arrows = [a.text for a in answers if "->" in a.text]
    if arrows:
        lost(f"the answer '{arrows[0]}' holds `->`, which GIFT reads as a matching pair: left out")
        return None
    for answer in answers:
        weight = answer.weight
        if weight < 0:
            lost(f"the answer '{answer.text}' cannot cost marks in GIFT: written as 0%")
            weight = 0.0
        feedback = trim(answer.feedback)
        if answer.regex:
            parts = wildcard_parts(answer.text)
            if parts is None:
                lost(f"the pattern '{answer.text}' has no GIFT form: left out")
                continue
            shown = "*".join(parts)
            lost(f"the pattern '{answer.text}' is written as Moodle's wildcard answer '{shown}'")
            literal.append(TextAnswer(shown, weight, feedback, wildcard=True))
        elif answer.wildcard:
            literal.append(TextAnswer(trim(answer.text), weight, feedback, wildcard=True))
        elif "*" in answer.text:
            lost(f"the answer '{answer.text}' holds `*`, a wildcard in GIFT: left out")
        elif trim(answer.text):
            literal.append(TextAnswer(trim(answer.text), weight, feedback))
    kept = [a for a in literal if a.weight > 0] + [a for a in literal if not a.weight]
    if not any(a.weight == 1.0 for a in kept):
        lost("none of the answers GIFT can hold earns full marks: left out")
        return None
    return tuple(kept)


def wildcard_parts(pattern: str) -> list[str] | None:
    """The literal parts of a pattern that is a `*` wildcard (`colou?r` is not), else None."""
    parts = [re.sub(r"\\(.)", r"\1", part, flags=re.DOTALL) for part in pattern.split(".*")]
    if len(parts) < 2 or not any(parts) or any("*" in part for part in parts):
        return None
    if ".*".join(re.escape(part) for part in parts) != pattern:
        return None
    return parts
