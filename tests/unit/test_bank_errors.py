"""Every kind of problem in a bank is reported, all at once, at its exact file:line:column."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.bank import load_bank
from quizapp.core.bank.loader import parse_bank

BANKS = Path(__file__).resolve().parent.parent / "banks"

#: Each invalid fixture and exactly what `load_bank` must say about it, in order.
EXPECTED: dict[str, list[str]] = {
    "invalid-unknown-keys.yaml": [
        "2:1: unknown key 'descripton' (did you mean 'description'?)",
        "6:5: misconception 'hurry': unknown key 'explaination' (did you mean 'explanation'?)",
        "9:5: question 'q1': unknown key 'promt' (did you mean 'prompt'?)",
        "12:19: question 'q1': choice 1: unknown key 'corect' (did you mean 'correct'?)",
        "13:34: question 'q1': choice 2: unknown key 'feedbak' (did you mean 'feedback'?)",
    ],
    "invalid-wrong-types.yaml": [
        "1:8: `title` must be text, not a number (put it in quotes)",
        "2:7: `tags` must be a list, not text",
        "5:13: question 'q1': `prompt` must be text, not a list",
        "6:12: question 'q1': `topic` must be text, not a number (put it in quotes)",
        "7:14: question 'q1': `shuffle` must be true or false, not text",
        "9:28: question 'q1': choice 1: `correct` must be true or false, not text",
        "10:16: question 'q1': choice 2: `text` must be text, not true/false (put it in quotes)",
        "10:30: question 'q1': choice 2: `weight` must be a number, not text",
        "12:14: question 'q1': choice 3: `pin` must be true or false, not a number",
        "16:15: question 'q2': answer 1: must be text or a mapping with `text`, "
        "not a number (put it in quotes)",
        "17:5: question 3 must be a mapping with `id` and `prompt`, not text",
    ],
    "invalid-missing-fields.yaml": [
        "1:1: missing `title`",
        "3:5: question 1: missing `id`",
        "5:5: question 'no-prompt': missing `prompt`",
        "7:5: question 'no-choices': missing `choices`",
        "10:5: question 'no-back': missing `back`",
        "15:9: question 'no-text': choice 1: missing `text`",
    ],
    "invalid-types-of-question.yaml": [
        "4:11: question 'unknown-type': unknown type 'singel' (did you mean 'single'?)",
        "7:5: question 'ambiguous': cannot tell the question type "
        "(`choices` means single, `items` means order): add `type:`",
        "15:5: question 'foreign': `items` does not belong in a `single` question "
        "(it is for `order`)",
        "16:5: question 'foreign': `tolerance` does not belong in a `single` question "
        "(it is for `numeric`)",
        "17:5: question 'nothing': cannot tell the question type: "
        "add `type:` or the fields of one type",
        "21:13: question 'text-answer': `answer` must be true/false or a number "
        "(for typed answers use `answers:`), not text",
    ],
    "invalid-bounds.yaml": [
        "7:27: question 'heavy': choice 1: `weight` 150 is outside -100..100 (percent)",
        "12:16: question 'loose': `tolerance` must not be negative, not -0.5",
        "15:12: question 'short-order': `items` needs at least 2 entries, not 1",
        "18:12: question 'lonely-pair': needs at least 2 pairs, not 1",
        "20:13: question 'blank': `prompt` is empty",
        "24:14: question 'one-choice': needs at least 2 choices, not 1",
        "27:25: question 'both': choice 1: use either `correct` or `weight`, not both",
        "30:19: question 'repeated-items': item 'a' appears more than once",
    ],
    "invalid-dangling.yaml": [
        "12:24: question 'when-breach': choice 3 refers to unknown misconception "
        "'client-requst' (did you mean 'client-request'?)",
        "16:20: question 'tf-dangling': `misconception` refers to unknown misconception "
        "'clientrequest' (did you mean 'client-request'?)",
        "21:43: question 'short-dangling': wrong answer 1 refers to unknown misconception "
        "'nobody-knows'",
    ],
    "invalid-duplicate-ids.yaml": [
        "9:9: question 'same': duplicate id (already used at line 3)",
    ],
    "invalid-duplicate-keys.yaml": [
        "5:3: duplicate misconception 'haste' (first at line 3)",
        "10:5: question 'twice': duplicate key 'prompt' (first at line 9)",
        "12:1: duplicate key 'title' (first at line 1)",
    ],
    "invalid-correct-count.yaml": [
        "6:7: question 'none-correct': no choice is correct (mark one with `correct: true`)",
        "13:9: question 'two-correct': 2 choices are correct, but a `single` question needs "
        "exactly one at full marks (use `type: multiple` for several)",
        "19:7: question 'multiple-none': no choice is correct (mark one with `correct: true`)",
    ],
    "invalid-weight-sum.yaml": [
        "6:7: question 'short-of-full': the positive weights add up to 80%, "
        "but must add up to 100%",
        "13:7: question 'over-full': the positive weights add up to 170%, but must add up to 100%",
    ],
    "invalid-full-marks.yaml": [
        "5:14: question 'short-partial': no answer earns full marks (give one `weight: 100`)",
        "8:14: question 'numeric-partial': no answer earns full marks (give one `weight: 100`)",
        "12:11: question 'gap-partial': gap 'it': no answer earns full marks "
        "(give one `weight: 100`)",
    ],
    "invalid-controls.yaml": [
        "3:8: `title`: control character U+001B (ESC): "
        "remove it (a terminal would act on it instead of showing it)",
        "5:14: `description`: control characters U+001B (ESC), U+0007 (BEL), U+202E (RLO), "
        "U+202C (PDF): "
        "remove them (a terminal would act on them instead of showing them)",
        "6:9: `source`: control character U+001B (ESC): "
        "remove it (a terminal would act on it instead of showing it)",
        "7:8: tag 1: control character U+0007 (BEL): "
        "remove it (a terminal would act on it instead of showing it)",
        "10:14: misconception 'sneaky': `summary`: control character U+009B (CSI): "
        "remove it (a terminal would act on it instead of showing it)",
        "11:18: misconception 'sneaky': `explanation`: control characters U+2066 (LRI), "
        "U+2069 (PDI): "
        "remove them (a terminal would act on them instead of showing them)",
        "14:12: question 'q1': `topic`: control character U+001B (ESC): "
        "remove it (a terminal would act on it instead of showing it)",
        "15:13: question 'q1': `prompt`: control character U+001B (ESC): "
        "remove it (a terminal would act on it instead of showing it)",
        "16:11: question 'q1': `hint`: control character U+0007 (BEL): "
        "remove it (a terminal would act on it instead of showing it)",
        "17:18: question 'q1': reference 1: control characters U+001B (ESC), U+0007 (BEL): "
        "remove them (a terminal would act on them instead of showing them)",
        "19:15: question 'q1': choice 1: `text`: control character U+007F (DEL): "
        "remove it (a terminal would act on it instead of showing it)",
        "21:19: question 'q1': choice 1: `feedback`: control character U+202D (LRO): "
        "remove it (a terminal would act on it instead of showing it)",
        "22:15: question 'q1': choice 2: `text`: control character U+001B (ESC): "
        "remove it (a terminal would act on it instead of showing it)",
        "23:19: question 'q1': choice 2: `feedback`: control character U+0085 (NEL): "
        "remove it (a terminal would act on it instead of showing it)",
        "25:18: question 'q1': `explanation`: control character U+000C (FF): "
        "remove it (a terminal would act on it instead of showing it)",
    ],
    "invalid-regex.yaml": [
        "5:14: question 'short-regex': invalid `pattern`: "
        "missing ), unterminated subpattern at position 1",
        "10:18: question 'gap-regex': gap 'it': invalid `pattern`: "
        "unterminated character set at position 0",
    ],
    "invalid-range.yaml": [
        "5:12: question 'question-range': `range` [9, 7] has its low end above its high end",
        "10:17: question 'answer-range': answer 1: `range` [2, 1] has its low end above "
        "its high end",
    ],
    "invalid-units.yaml": [
        "6:12: question 'not-a-list': `units` must be a list of units, not text",
        "12:9: question 'bad-entries': unit 2: is empty",
        "13:9: question 'bad-entries': unit 3: '2nd' starts like a number: a unit must start "
        "with something else",
        "14:32: question 'bad-entries': unit 4: `multiplier` must be above 0, not 0",
        "15:20: question 'bad-entries': unit 5: unknown key 'multipler' (did you mean "
        "'multiplier'?)",
        "16:9: question 'bad-entries': unit 6: needs a `name`",
        "17:9: question 'bad-entries': unit 7: 'm' is given twice",
        "18:9: question 'bad-entries': unit 8: must be text or a mapping with `name`, not a number",
        "22:5: question 'units-on-text': `units` does not belong in a `short` question "
        "(it is for `numeric`)",
    ],
    "invalid-cloze.yaml": [
        "4:13: question 'gaps-off': gap `{{rivr}}` has no entry in `gaps` (did you mean 'river'?)",
        "4:13: question 'gaps-off': empty gap `{{}}` in the prompt",
        "7:7: question 'gaps-off': gap 'river' is not used in the prompt (did you mean 'rivr'?)",
        "9:13: question 'gap-twice': gap `{{a}}` appears twice in the prompt",
        "13:13: question 'no-markers': the prompt has no `{{name}}` gaps",
        "15:7: question 'no-markers': gap 'a' is not used in the prompt",
    ],
    "invalid-exam.yaml": [
        "3:14: exam: asks for 5 questions, but the bank has 3",
        "4:14: exam blueprint adds up to 7 questions, more than the exam's 5",
        "4:24: exam blueprint asks for 2 'Planets' questions, but the bank has 1",
        "4:34: exam blueprint asks for 4 'Stars' questions, but the bank has 1",
        "4:37: exam blueprint topic 'Mpas' has no questions (did you mean 'Maps'?)",
    ],
    "invalid-repeats.yaml": [
        "8:16: question 'same-choice': choice 3: same text as choice 1",
        "13:9: question 'same-left': left item 'a' appears more than once",
        "14:19: question 'same-left': distractor '1' is also the right item of a pair",
    ],
    "invalid-top-level-list.yaml": [
        "1:1: the top level must be a mapping with `title` and `questions`, not a list",
    ],
    "invalid-syntax.yaml": [
        "5:11: not valid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence at line 4)",
    ],
    "invalid-python-tag.yaml": [
        "4:13: tag !!python/object/apply:os.system is not allowed: a bank holds plain data only",
    ],
    "invalid-alias-bomb.yaml": [
        "10:4: aliases would expand the document to 926,177,126 nodes from 113 written; "
        "refusing to load it (an alias bomb?)",
    ],
}

#: Problems of a whole file, with no position.
WHOLE_FILE: dict[str, str] = {
    "invalid-empty.yaml": "the file is empty: a bank needs a `title` and `questions`",
    "invalid-not-utf8.yaml": "not UTF-8 text (byte 0xe9 at line 4)",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_problems_are_reported_at_their_line_and_column(name: str) -> None:
    path = BANKS / name
    result = load_bank(path)
    assert result.bank is None and not result.ok
    assert [str(p) for p in result.problems] == [f"{path}:{where}" for where in EXPECTED[name]]


@pytest.mark.parametrize("name", sorted(WHOLE_FILE))
def test_whole_file_problems_name_the_file(name: str) -> None:
    path = BANKS / name
    result = load_bank(path)
    assert [str(p) for p in result.problems] == [f"{path}: {WHOLE_FILE[name]}"]


def test_every_invalid_fixture_has_expectations() -> None:
    invalid = {p.name for p in BANKS.glob("invalid-*.yaml")}
    assert invalid == set(EXPECTED) | set(WHOLE_FILE)


def messages(text: str) -> list[str]:
    """`line:column: message` of every problem in the bank `text`."""
    return [f"{p.line}:{p.column}: {p.message}" for p in parse_bank(text, "x.yaml").problems]


ONE_QUESTION = "title: T\nquestions:\n  - id: q\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "    prompt: Cap?\n    answers: [Paris]\n    wrong_answers: [{text: ''}]\n",
            "6:28: question 'q': wrong answer 1: `text` is empty",
        ),
        (
            "    prompt: N?\n    answer: 3\n    range: [1, 2]\n",
            "6:5: question 'q': use only one of `answer` (with `tolerance`), `range` and `answers`",
        ),
        (
            "    prompt: N?\n    range: [1, 2]\n    tolerance: 1\n",
            "6:5: question 'q': `tolerance` goes with `answer`, not `range`",
        ),
        (
            "    prompt: N?\n    answers: [{value: 1, range: [0, 2]}]\n",
            "5:26: question 'q': answer 1: use either `value` or `range`, not both",
        ),
        (
            "    prompt: N?\n    type: numeric\n    range: [1]\n",
            "6:12: question 'q': `range` must be a list of two numbers [low, high], not a list",
        ),
        (
            "    prompt: Card\n    front: Card\n    back: B\n",
            "5:5: question 'q': use either `prompt` or `front`, not both",
        ),
        (
            "    prompt: T?\n    answer: true\n    feedback: {yes: a, maybe: b}\n",
            "6:24: question 'q': unknown key 'maybe' in `feedback` (use `true:` and `false:`)",
        ),
        (
            "    prompt: T?\n    answer: true\n    misconception: {summary: ''}\n",
            "6:30: question 'q': `misconception`: `summary` is empty",
        ),
        (
            "    prompt: 'Fill {{a}}'\n    gaps: {a: 5}\n",
            "5:15: question 'q': gap 'a': must be a list of answers or a mapping with `answers`, "
            "not a number",
        ),
        (
            "    prompt: M\n    pairs: [{left: a}, {left: b, right: ''}]\n",
            "5:13: question 'q': pair 1: missing `right`",
        ),
        (
            "    prompt: M\n    choices: [{text: a, correct: true}, {text: b, misconception: 7}]\n",
            "5:66: question 'q': choice 2: `misconception` must be an id or a mapping "
            "with `summary`, not a number",
        ),
    ],
)
def test_one_question_problem(body: str, expected: str) -> None:
    assert expected in messages(ONE_QUESTION + body)


def test_invalid_ids_are_reported() -> None:
    text = "title: T\nid: my bank\nquestions:\n  - id: two words\n    prompt: P\n    answer: true\n"
    assert messages(text) == [
        "2:5: invalid id 'my bank': use only letters, digits, '-', '_' and '.'",
        "4:9: question 1: invalid id 'two words': use only letters, digits, '-', '_' and '.'",
    ]


def test_questions_must_be_a_non_empty_list() -> None:
    assert messages("title: T\nquestions: []\n") == [
        "2:12: `questions` must be a list of questions, not empty"
    ]
    assert messages("title: T\n") == ["1:1: missing `questions`"]


def test_inline_misconception_ids_may_not_clash() -> None:
    text = (
        "title: T\nmisconceptions:\n  q.1: {summary: Taken.}\nquestions:\n  - id: q\n"
        "    prompt: T?\n    answer: true\n    misconception: {summary: Mine.}\n"
    )
    assert messages(text) == [
        "8:20: question 'q': inline misconception 'q.1' clashes with a misconception id"
    ]


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = (
        "title: T\nquestions:\n"
        "  - {id: a, prompt: P, answer: true, extra: 1}\n"
        "  - {id: b, prompt: P, choices: [{text: x}, {text: y}]}\n"
        "  - {id: c, prompt: '', items: [a, b]}\n"
    )
    assert messages(text) == [
        "3:38: question 'a': unknown key 'extra'",
        "4:33: question 'b': no choice is correct (mark one with `correct: true`)",
        "5:21: question 'c': `prompt` is empty",
    ]
