"""The type-specific part of a question in Moodle XML: its Moodle type and its answers.

single and multiple -> multichoice, true_false -> truefalse, short -> shortanswer (a `*` answer
for `otherwise`), numeric -> numerical (a range as its middle and half its width), cloze ->
cloze (each gap an embedded SHORTANSWER, `_C` when case matters), order -> ordering, match ->
matching (a distractor as an answer with no question). Each option's misconception goes into its
feedback (`misconceptions.with_misconception`). What Moodle cannot hold is noted; a flashcard,
which Moodle has no type for, is left out.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from quizapp.core.bank import GAP_RE
from quizapp.core.formats.common import Note
from quizapp.core.formats.gift.carry import wildcard_parts
from quizapp.core.formats.gift.write import percent
from quizapp.core.formats.grades import moodle_grade
from quizapp.core.formats.misconceptions import with_misconception
from quizapp.core.model import (
    Choice,
    Misconception,
    NumericAnswer,
    OtherAnswer,
    Question,
    QuestionType,
    TextAnswer,
)


def text_element(tag: str, text: str, indent: str = "    ", fmt: str = "plain_text") -> str:
    """`<tag format="plain_text"><text>...</text></tag>`, escaped as XML."""
    inner = f"{indent}  <text>{escape(text)}</text>\n"
    return f"{indent}<{tag} format={quoteattr(fmt)}>\n{inner}{indent}</{tag}>\n"


class Writer:
    """Writes the answers of one question, noting (in `notes`) what Moodle cannot hold."""

    def __init__(self, q: Question, known: dict[str, Misconception], notes: list[Note]) -> None:
        self.q = q
        self.known = known
        self.notes = notes
        self.prompt = q.prompt.strip()
        self.moodle_type = ""
        self.odd: list[float] = []

    def lost(self, message: str) -> None:
        """Note something of the question that Moodle XML does not hold."""
        self.notes.append(Note(self.q.line, f"question '{self.q.id}': {message}"))

    def body(self) -> str | None:
        """The answers part of the question, or None (with a note) when Moodle cannot hold it."""
        q = self.q
        if q.references:
            self.lost("the references are left out")
        write: dict[QuestionType, Callable[[], str | None]] = {
            QuestionType.SINGLE: self._choices,
            QuestionType.MULTIPLE: self._choices,
            QuestionType.TRUE_FALSE: self._true_false,
            QuestionType.SHORT: self._short,
            QuestionType.NUMERIC: self._numeric,
            QuestionType.CLOZE: self._cloze,
            QuestionType.ORDER: self._order,
            QuestionType.MATCH: self._match,
        }
        writer = write.get(q.type)
        if writer is None:
            self.lost(f"{q.type.label} questions have no Moodle XML form: left out")
            return None
        body = writer()
        if body is not None and self.odd:
            shown = ", ".join(f"{percent(w)}%" for w in sorted(set(self.odd)))
            self.lost(
                f"Moodle's editor offers no grade of {shown}; when importing, choose "
                "'Nearest grade if not listed' or Moodle refuses the question"
            )
        return body

    def _feedback(self, feedback: str, misconception: str | None) -> str:
        return with_misconception(feedback.strip(), self.known.get(misconception or ""))

    def _fraction(self, weight: float) -> str:
        if moodle_grade(weight) is None:
            self.odd.append(weight)
        return percent(weight)

    def _answer(self, text: str, weight: float, feedback: str, extra: str = "") -> str:
        return (
            f'    <answer fraction="{self._fraction(weight)}" format="plain_text">\n'
            f"      <text>{escape(text)}</text>\n"
            + text_element("feedback", feedback, "      ")
            + extra
            + "    </answer>\n"
        )

    def _choices(self) -> str:
        q = self.q
        self.moodle_type = "multichoice"
        if any(c.pinned for c in q.choices):
            self.lost("Moodle cannot pin a choice in place")
        single = "true" if q.type is QuestionType.SINGLE else "false"
        head = (
            f"    <single>{single}</single>\n"
            f"    <shuffleanswers>{'true' if q.shuffle else 'false'}</shuffleanswers>\n"
            "    <answernumbering>abc</answernumbering>\n"
        )
        return head + "".join(self._choice(c) for c in q.choices)

    def _choice(self, choice: Choice) -> str:
        feedback = self._feedback(choice.feedback, choice.misconception)
        return self._answer(choice.text.strip(), choice.weight, feedback)

    def _true_false(self) -> str:
        true, false = self.q.choices
        if {true.weight, false.weight} != {0.0, 1.0}:
            self.lost("true/false with partial credit is written as a one-answer multichoice")
            return self._choices()
        self.moodle_type = "truefalse"
        return "".join(
            self._answer(name, c.weight, self._feedback(c.feedback, c.misconception))
            for name, c in (("true", true), ("false", false))
        )

    def _short(self) -> str | None:
        q = self.q
        self.moodle_type = "shortanswer"
        answers = self._typed(q.answers)
        if answers is None:
            return None
        head = f"    <usecase>{1 if q.case_sensitive else 0}</usecase>\n"
        written = [self._answer(text, w, f) for text, w, f in answers]
        return head + "".join(written) + self._other(q.otherwise)

    def _other(self, otherwise: OtherAnswer | None) -> str:
        if otherwise is None:
            return ""
        return self._answer("*", otherwise.weight, otherwise.feedback.strip())

    def _typed(self, answers: tuple[TextAnswer, ...]) -> list[tuple[str, float, str]] | None:
        """(text, weight, feedback) of typed answers as Moodle holds them (`*` its wildcard)."""
        kept: list[tuple[str, float, str]] = []
        for answer in answers:
            text = answer.text.strip()
            if answer.regex:
                parts = wildcard_parts(answer.text)
                if parts is None:
                    self.lost(f"the pattern '{answer.text}' has no Moodle form: left out")
                    continue
                text = "*".join(parts)
                self.lost(f"the pattern '{answer.text}' is written as Moodle's wildcard '{text}'")
            elif not answer.wildcard and "*" in text:
                text = text.replace("*", "\\*")  # Moodle's way to say "a star itself"
            weight = answer.weight
            if weight < 0:
                self.lost(f"the answer '{answer.text}' cannot cost marks in Moodle: written as 0%")
                weight = 0.0
            kept.append((text, weight, self._feedback(answer.feedback, answer.misconception)))
        if not any(weight == 1 for _, weight, _ in kept):
            self.lost("none of the answers Moodle can hold earns full marks: left out")
            return None
        return kept

    def _numeric(self) -> str:
        self.moodle_type = "numerical"
        written = [self._number(a) for a in self.q.numeric]
        return "".join(written) + self._other(self.q.otherwise)

    def _number(self, answer: NumericAnswer) -> str:
        if answer.value is None:
            value, tolerance = (answer.low + answer.high) / 2, (answer.high - answer.low) / 2
        else:
            value, tolerance = answer.value, answer.tolerance
        weight = answer.weight
        if weight < 0:
            self.lost(f"the answer {answer.display()} cannot cost marks in Moodle: written as 0%")
            weight = 0.0
        feedback = self._feedback(answer.feedback, answer.misconception)
        extra = f"      <tolerance>{_number(tolerance)}</tolerance>\n"
        return self._answer(_number(value), weight, feedback, extra)

    def _cloze(self) -> str | None:
        q = self.q
        self.moodle_type = "cloze"
        embedded: dict[str, str] = {}
        for index, gap in enumerate(q.gaps, 1):
            if gap.name != f"g{index}":
                self.lost(f"Moodle numbers gaps: the gap '{gap.name}' comes back as 'g{index}'")
            answers = self._typed(gap.answers)
            if answers is None:
                return None
            kind = "SHORTANSWER_C" if gap.case_sensitive else "SHORTANSWER"
            parts = [self._embedded(text, w, f) for text, w, f in answers]
            if gap.otherwise is not None:
                parts.append(self._embedded("*", gap.otherwise.weight, gap.otherwise.feedback))
            if any(part is None for part in parts):
                self.lost("an answer or feedback holds `~`, which Moodle's cloze cannot: left out")
                return None
            embedded[gap.name] = "{1:" + kind + ":" + "~".join(p for p in parts if p) + "}"
        self.prompt = GAP_RE.sub(lambda m: embedded[m.group(1).strip()], self.prompt)
        return ""

    def _embedded(self, text: str, weight: float, feedback: str) -> str | None:
        """One answer of an embedded SHORTANSWER: `%50%text#feedback`, escaped as Moodle reads."""
        if "~" in text or "~" in feedback:
            return None
        mark = "=" if weight == 1 else f"%{self._fraction(weight)}%"

        def safe(value: str) -> str:
            escaped = html.escape(value, quote=False).replace("}", "\\}").replace("#", "\\#")
            return escaped.replace("\n", "<br />")

        return f"{mark}{safe(text)}" + (f"#{safe(feedback.strip())}" if feedback.strip() else "")

    def _order(self) -> str:
        self.moodle_type = "ordering"
        if not self.q.shuffle:
            self.lost("Moodle always shuffles the items of an ordering question")
        head = (
            "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n"
            "    <selectcount>0</selectcount>\n"
            "    <gradingtype>RELATIVE_ALL_PREVIOUS_AND_NEXT</gradingtype>\n"
            "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n"
        )
        items = "".join(
            f'    <answer fraction="{place}.0000000" format="plain_text">\n'
            f"      <text>{escape(item.strip())}</text>\n    </answer>\n"
            for place, item in enumerate(self.q.items, 1)
        )
        return head + items

    def _match(self) -> str:
        q = self.q
        self.moodle_type = "matching"
        if any(p.feedback for p in q.pairs):
            self.lost("the feedback on matching pairs is left out")
        subs = [(p.left.strip(), p.right.strip()) for p in q.pairs]
        subs += [("", d.strip()) for d in q.distractors]
        return "    <shuffleanswers>true</shuffleanswers>\n" + "".join(
            '    <subquestion format="plain_text">\n'
            f"      <text>{escape(left)}</text>\n"
            f"      <answer>\n        <text>{escape(right)}</text>\n      </answer>\n"
            "    </subquestion>\n"
            for left, right in subs
        )


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
