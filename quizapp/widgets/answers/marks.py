"""How right, partly right and wrong look, wherever an answer is marked: the feedback after an
answer, the review of a session, the list of results.

Every mark is a glyph first (✔ right, ◐ partly right, ✘ wrong), so it reads the same in 16
colours and with `NO_COLOR` set; the colour only repeats it. A choice worth part of the marks
gets ◐ and says what it is worth, never the ✔ of a fully right choice. Cloze gaps and match pairs
get a line each, with what the gap accepts or the pair's right item and, for a wrong pair, its
feedback. References become links (OSC 8) that terminals without them show as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.content import Content
from textual.style import Style

from quizapp.core.model import Choice, Question, QuestionType
from quizapp.core.scoring import Credit, Outcome, PartMark, choice_credit
from quizapp.core.visible import visible

#: The glyph and colour of each outcome.
OUTCOME_MARKS: dict[Outcome, tuple[str, str]] = {
    Outcome.RIGHT: ("✔", "$text-success"),
    Outcome.PARTIAL: ("◐", "$text-warning"),
    Outcome.WRONG: ("✘", "$text-error"),
}

#: A reference that is a web address (and nothing that a terminal would take as a control).
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+")

Part = str | tuple[str, str | Style] | Content


def percent(score: float) -> str:
    """A 0..1 score as a whole percentage, e.g. `67%`."""
    return f"{round(score * 100)}%"


def choice_mark(question: Question, choice: Choice, picked: bool) -> tuple[str, str]:
    """The mark of an answered choice and its colour: ✔ right, ◐ worth part of the marks, ✘ a
    wrong pick, nothing for a wrong choice left alone."""
    credit = choice_credit(question, choice)
    if credit is Credit.FULL:
        return OUTCOME_MARKS[Outcome.RIGHT]
    if credit is Credit.PARTIAL:
        return OUTCOME_MARKS[Outcome.PARTIAL]
    return OUTCOME_MARKS[Outcome.WRONG] if picked else ("", "")


def credit_note(question: Question, choice: Choice) -> Content:
    """`  (part marks: 50%)` after a choice worth part of the marks (empty for the others)."""
    if choice_credit(question, choice) is not Credit.PARTIAL:
        return Content("")
    return Content.styled(f"  (part marks: {percent(choice.weight)})", "$text-warning")


def correct_answers(question: Question, correct: str) -> Content:
    """`Correct answer: …`, or for several right choices `Correct answers:` and one a line (their
    texts may end in full stops: "self-harm.; The probationer…" reads badly)."""
    right = question.correct_choices
    if question.type is QuestionType.MULTIPLE and len(right) > 1:
        lines = [Content.assemble("  • ", question.choices[i].text) for i in right]
        return Content.assemble(("Correct answers:", "bold"), "\n", Content("\n").join(lines))
    return Content.assemble(("Correct answer: ", "bold"), correct)


def part_lines(question: Question, parts: Sequence[PartMark]) -> Content:
    """One line per gap or pair: its mark, what was given and, when not right, what is accepted;
    under a wrong pair (or a gap's known answer) its feedback."""
    match_pairs = question.type is QuestionType.MATCH
    lines: list[Content] = []
    for part in parts:
        glyph, style = OUTCOME_MARKS[part.outcome]
        given = visible(part.given) or "—"  # typed by the student: data
        line: list[Part] = [(glyph, f"bold {style}"), " "]
        line += [part.label, " → " if match_pairs else " ", (given, "bold")]
        if part.outcome is not Outcome.RIGHT:
            what = "right: " if match_pairs else "accepted: "
            line += ["   ", (what, "dim"), " or ".join(part.accepted)]
        lines.append(Content.assemble(*line))
        if part.feedback:
            lines.append(Content.assemble("    ", ("› ", "$text-accent"), part.feedback))
    return Content("\n").join(lines)


def feedback_lines(texts: Sequence[str]) -> Content:
    """Each feedback text on its own line, after a `›`."""
    return Content("\n").join(Content.assemble(("› ", "$text-accent"), text) for text in texts)


def references(refs: Sequence[str]) -> Content:
    """`References` and one line each; a web address is a link where the terminal has them."""
    lines: list[Content] = [Content.styled("References", "bold")]
    for ref in refs:
        if _URL.fullmatch(ref.strip()):
            url = ref.strip()
            lines.append(Content.assemble("• ", (url, Style(link=url, underline=True))))
        else:
            lines.append(Content.assemble("• ", ref))
    return Content("\n").join(lines)
