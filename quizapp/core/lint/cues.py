"""The linter's rules about give-away cues inside one choice question (QA110, QA111, QA112).

Test-wise students answer a question without knowing its subject by reading how its choices are
written. Three habits give the answer away within a single question:

- `QA110`: two wrong choices worded nearly alike. Only one choice can be right, so a student
  rules out both at once (or reads the pair as a hint of which idea the writer was varying).
  A pair counts when at least half of their words are alike, in order (difflib's ratio over the
  words, as `QA107` measures prompts, at `ALIKE`), and they have at least `ALIKE_WORDS` words in
  common: short choices that share an article and a noun ("The probationer's privacy") are not
  reported. Choices that read the same outright are `QA103`'s.
- `QA111`: a correct choice much longer than every wrong choice of its question: at least
  `LONGER_RATIO` times the length of the longest wrong choice *and* at least `LONGER_BY`
  characters longer. Both conditions are needed: a ratio alone flags "Mercury, the smallest
  planet" against "Mars", and a difference alone flags any long question. `QA106` looks for the
  same habit across the bank; this rule points at the one question where the cue is glaring.
- `QA112`: absolute words ("only", "never", "always", "whenever", "all", "none"...) in wrong
  choices while no correct choice has one. Students learn that sweeping claims are the wrong
  ones and rule them out. Choices that point at the others ("All of the above", "None of
  these") are left to `QA104`.

Single and multiple-answer questions are checked; a correct choice is one that earns credit
(partial credit too), a wrong choice one that earns none.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from quizapp.core.lint.rules import Finding
from quizapp.core.lint.text import absolutes, points_at_others, squashed, words
from quizapp.core.model import Choice, Question, QuestionType

#: QA110: the difflib ratio over words from which two wrong choices are worded nearly alike...
ALIKE = 0.5
#: ...when they also have at least this many words in common, in order.
ALIKE_WORDS = 5
#: QA111: a correct choice this many times as long as every wrong choice...
LONGER_RATIO = 1.5
#: ...and at least this many characters longer than the longest of them.
LONGER_BY = 30


def cue_findings(index: int, question: Question) -> Iterator[Finding]:
    """The give-away cues of `question` (the index-th of its bank): QA110, QA111, QA112."""
    if question.type not in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        return
    label = f"question '{question.id}'"
    yield from _alike(index, question, label)
    yield from _much_longer(index, question, label)
    yield from _absolutes(index, question, label)


def _keys(question: Question) -> list[int]:
    """The positions of the correct choices: those that earn credit (partial credit too)."""
    return [i for i, choice in enumerate(question.choices) if choice.weight > 0]


def _wrong(choice: Choice) -> bool:
    return choice.weight <= 0


def _alike(index: int, question: Question, label: str) -> Iterator[Finding]:
    wrong = [(i, c) for i, c in enumerate(question.choices) if _wrong(c)]
    texts = {i: words(c.text) for i, c in wrong}
    reported: set[int] = set()
    for later, choice in wrong:
        if later in reported:
            continue
        for earlier, other in wrong:
            if earlier >= later:
                break
            if squashed(choice.text) == squashed(other.text):
                continue  # QA103 already says they read the same
            shared, ratio = _in_common(texts[earlier], texts[later])
            if ratio >= ALIKE and shared >= ALIKE_WORDS:
                message = (
                    f"{label}: wrong choices {earlier + 1} and {later + 1} are worded nearly "
                    f"alike ({shared} words in common, in order, {ratio:.0%} alike): students "
                    "rule both out at once; give each wrong choice its own wording"
                )
                yield Finding("QA110", message, index, ("choices", later, "text"))
                reported.add(later)
                break


def _in_common(a: list[str], b: list[str]) -> tuple[int, float]:
    """The number of words `a` and `b` have in common, in order, and difflib's ratio."""
    if not a or not b:
        return 0, 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared, 2 * shared / (len(a) + len(b))


def _much_longer(index: int, question: Question, label: str) -> Iterator[Finding]:
    keys = _keys(question)
    sizes = [len(c.text.strip()) for c in question.choices]
    wrong = [size for size, c in zip(sizes, question.choices, strict=True) if _wrong(c)]
    if not wrong:
        return
    longest = max(wrong)
    for key in keys:
        if sizes[key] >= LONGER_RATIO * longest and sizes[key] - longest >= LONGER_BY:
            message = (
                f"{label}: correct choice {key + 1} has {sizes[key]} characters, against at most "
                f"{longest} for the wrong ones: students who pick the longest choice get it right; "
                "shorten it or make the wrong choices as full and careful"
            )
            yield Finding("QA111", message, index, ("choices", key, "text"))


def _absolutes(index: int, question: Question, label: str) -> Iterator[Finding]:
    keys = set(_keys(question))
    found: dict[int, list[str]] = {}
    for number, choice in enumerate(question.choices):
        if points_at_others(choice.text):
            continue  # "All of the above" is QA104's business, right or wrong
        said = absolutes(choice.text)
        if said and number in keys:
            return  # a correct choice is as sweeping: the words give nothing away
        if said and _wrong(choice):
            found[number] = said
    if not found:
        return
    first = min(found)
    listed = ", ".join(
        f"choice {number + 1} ({', '.join(map(repr, said))})" for number, said in found.items()
    )
    message = (
        f"{label}: absolute words only in wrong choices: {listed}; no correct choice has one, so "
        "students rule the sweeping choices out: reword them, or word a correct choice as firmly"
    )
    yield Finding("QA112", message, index, ("choices", first, "text"))
