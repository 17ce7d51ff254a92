"""A quick way through the most common, plainly valid questions; anything else takes the long way.

Most questions of a big bank are single/multiple choice questions whose choices are marked with
`correct: true` (no weights, no inline misconceptions). `fast_question` builds those with the
fewest possible operations and returns None at the first sign of anything unusual, in which case
`build_question` checks the question thoroughly and reports its problems. The fast path never
reports anything, so it can only ever accept what the thorough path accepts: a test runs both
on the same questions and compares the results.
"""

from __future__ import annotations

from typing import Any

from quizapp.core.bank.parts.fields import CHOICE_KEYS, COMMON_KEYS, ID_RE
from quizapp.core.model import Choice, Misconception, Question, QuestionType

# `lint:` (codes to silence) is rare and must be checked against the known codes: thorough path.
_QUESTION_KEYS = frozenset((*COMMON_KEYS, "choices")) - {"lint"}
_CHOICE_KEYS = frozenset(CHOICE_KEYS) - {"weight"}
_SINGLE = QuestionType.SINGLE
_MULTIPLE = QuestionType.MULTIPLE
_KINDS = {"single": _SINGLE, "multiple": _MULTIPLE}


def fast_question(
    raw: dict[Any, Any], known: dict[str, Misconception], line: int
) -> Question | None:
    """The `Question` for a plain single/multiple question, or None to take the thorough path."""
    if not _QUESTION_KEYS.issuperset(raw):
        return None
    get = raw.get
    qid = get("id")
    prompt = get("prompt")
    topic = get("topic", "")
    explanation = get("explanation", "")
    hint = get("hint", "")
    shuffle = get("shuffle", True)
    entries = get("choices")
    given = get("type")
    if (
        type(qid) is not str
        or type(prompt) is not str
        or type(topic) is not str
        or type(explanation) is not str
        or type(hint) is not str
        or type(shuffle) is not bool
        or type(entries) is not list
        or len(entries) < 2
        or (given is not None and (type(given) is not str or given not in _KINDS))
        or not prompt
        or prompt.isspace()
        or not ID_RE.match(qid)
    ):
        return None
    tags = _texts(get("tags", ()))
    references = _texts(get("references", ()))
    if tags is None or references is None:
        return None
    choices: list[Choice] = []
    texts: set[str] = set()
    correct = 0
    for entry in entries:
        if type(entry) is not dict or not _CHOICE_KEYS.issuperset(entry):
            return None
        text = entry.get("text")
        right = entry.get("correct", False)
        feedback = entry.get("feedback", "")
        misconception = entry.get("misconception")
        pinned = entry.get("pin", False)
        if (
            type(text) is not str
            or type(right) is not bool
            or type(feedback) is not str
            or type(pinned) is not bool
            or (
                misconception is not None
                and (type(misconception) is not str or misconception not in known)
            )
            or not text
            or text.isspace()
            or text in texts
        ):
            return None
        texts.add(text)
        correct += right
        # Weighted as for a single question; a multiple one is reweighted below.
        choices.append(Choice(text, 1.0 if right else 0.0, feedback, misconception, pinned))
    kind = _KINDS[given] if given is not None else _SINGLE if correct == 1 else _MULTIPLE
    if correct == 0 or (kind is _SINGLE and correct != 1):
        return None
    if kind is _MULTIPLE:
        share = 1 / correct
        choices = [
            Choice(c.text, share if c.weight else -share, c.feedback, c.misconception, c.pinned)
            for c in choices
        ]
    return Question(
        qid, kind, prompt, topic, tags, explanation, hint, references, tuple(choices),
        (), False, (), (), (), (), (), "", shuffle, line,
    )  # fmt: skip


def _texts(value: Any) -> tuple[str, ...] | None:
    """A list of non-blank strings as a tuple; None when it is anything else."""
    if type(value) is tuple:  # the default: absent
        return ()
    if type(value) is not list:
        return None
    for item in value:
        if type(item) is not str or not item or item.isspace():
            return None
    return tuple(value)
