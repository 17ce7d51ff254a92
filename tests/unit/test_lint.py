"""`quizapp lint`: each warning on a bank built to trigger it, its position, silencing, the
`lint:` field's validation, the near-duplicate search against brute force, and the command."""

from __future__ import annotations

import difflib
import io
import random
import sys
from pathlib import Path

import pytest

from quizapp.cli.lint import cmd_lint
from quizapp.core.bank import LINT_CODES, bundled_banks_dir, load_bank
from quizapp.core.bank.loader import parse_bank
from quizapp.core.lint import lint_bank
from quizapp.core.lint.bankwide import binomial_tail
from quizapp.core.lint.cues import ALIKE_WORDS, LONGER_BY, LONGER_RATIO
from quizapp.core.lint.linter import LintWarning
from quizapp.core.lint.similar import similar_pairs
from quizapp.core.lint.text import absolutes, explains_nothing, points_at_others
from quizapp.core.model import Bank

ROOT = Path(__file__).resolve().parent.parent.parent
BANKS = ROOT / "tests" / "banks"
EVERY = BANKS / "lint-every-warning.yaml"


def bank_of(text: str) -> Bank:
    result = parse_bank(text, "t.yaml")
    assert result.ok, result.problems
    assert result.bank is not None
    return result.bank


def lint_text(text: str) -> list[tuple[int, int, str]]:
    """(line, column, code) of every warning about the bank `text`."""
    return [(w.line, w.column, w.code) for w in lint_bank(bank_of(text), "t.yaml", text)]


def single(qid: str, prompt: str, choices: str, extra: str = "") -> str:
    return f"  - id: {qid}\n    prompt: {prompt}\n    choices: {choices}\n{extra}"


def test_every_warning_at_its_line_and_column() -> None:
    bank = load_bank(EVERY).bank
    assert bank is not None
    found = [(w.line, w.column, w.code) for w in lint_bank(bank, str(EVERY))]
    assert found == [
        (10, 3, "QA108"),  # the key `never-used:`
        (13, 1, "QA105"),  # the key `questions:`
        (13, 1, "QA106"),
        (21, 9, "QA101"),  # the choice `- text: Mars`
        (30, 19, "QA102"),  # the value of `feedback: Incorrect.`
        (42, 15, "QA103"),  # the text `its orbit!`
        (53, 15, "QA104"),  # the text `None of the above`
        (69, 13, "QA107"),  # the second prompt
        (79, 5, "QA109"),  # the question without an explanation
        (96, 15, "QA110"),  # the second of the two wrong choices worded alike
        (103, 15, "QA111"),  # the text of the much longer correct choice
        (116, 15, "QA112"),  # the first wrong choice with "only"
    ]
    assert sorted({code for *_, code in found}) == sorted(LINT_CODES)


def test_warnings_print_like_the_validators_problems() -> None:
    bank = load_bank(EVERY).bank
    assert bank is not None
    shown = [str(w) for w in lint_bank(bank, "bank.yaml", EVERY.read_text(encoding="utf-8"))]
    assert shown[3] == (
        "bank.yaml:21:9: QA101 question 'unexplained-wrong': choice 3 is wrong but has neither "
        "a misconception nor feedback"
    )
    assert "question 'largest-planet' (line 57)" in shown[7]
    assert "(91%)" in shown[7]
    assert str(LintWarning("b.yaml", 0, 0, "QA108", "m")) == "b.yaml: QA108 m"


def test_silenced_bank_is_clean_and_only_because_of_its_lint_fields() -> None:
    path = BANKS / "lint-silenced.yaml"
    bank = load_bank(path).bank
    assert bank is not None
    assert lint_bank(bank, str(path)) == []
    text = path.read_text(encoding="utf-8")
    loud = "\n".join(line for line in text.splitlines() if "lint: [" not in line) + "\n"
    codes = {code for *_, code in lint_text(loud)}
    assert codes == set(LINT_CODES)


def test_question_silencing_leaves_the_question_out_of_bankwide_counts() -> None:
    text = (BANKS / "lint-silenced.yaml").read_text(encoding="utf-8")
    # Without the per-question QA106 the bank's habit (9 of 10 longest) is reported again.
    unsilenced = text.replace(", QA106]", "]")
    assert "QA106" in {code for *_, code in lint_text(unsilenced)}
    assert "QA106" not in {code for *_, code in lint_text(text)}


def test_clean_bank_has_no_warnings() -> None:
    path = BANKS / "lint-clean.yaml"
    bank = load_bank(path).bank
    assert bank is not None
    assert lint_bank(bank, str(path)) == []


def test_typed_answers_feedback_and_pairs_are_placed_exactly() -> None:
    text = """\
title: T
questions:
  - id: short
    prompt: Capital of France?
    answers: [Paris]
    pattern: "^paris$"
    wrong_answers:
      - {text: Lyon, feedback: Wrong.}
      - Nice
    explanation: Paris has been the capital since 987.
  - id: gap
    prompt: The {{a}} and the {{b}}.
    gaps:
      a: [x, {text: y, weight: 50, feedback: Close!}]
      b:
        answers: [z]
        wrong_answers: [w]
    explanation: Because.
  - id: num
    prompt: How many?
    answers:
      - {value: 8, feedback: Correct.}
    wrong_answers: [{value: 9}]
    explanation: Eight planets since 2006.
  - id: tf
    prompt: The Sun is a star.
    answer: true
    feedback: {true: Yes!, false: "It is a star: a ball of hot plasma."}
    explanation: It is a G-type main-sequence star.
  - id: pairs
    type: match
    prompt: Match.
    pairs:
      - {left: a, right: b, feedback: Good job.}
      - {left: c, right: d}
    explanation: Correct!
"""
    assert lint_text(text) == [
        (8, 32, "QA102"),  # Lyon's feedback
        (9, 9, "QA101"),  # Nice: no feedback, no misconception
        (14, 46, "QA102"),  # the feedback of gap a's answer y
        (17, 25, "QA101"),  # w
        (22, 30, "QA102"),  # the numeric answer's feedback
        (23, 21, "QA101"),  # the wrong value 9
        (28, 22, "QA102"),  # the feedback for true
        (34, 39, "QA102"),  # the pair's feedback
        (36, 18, "QA102"),  # the explanation
    ]


def test_true_false_wrong_side_without_feedback_or_misconception() -> None:
    text = "title: T\nquestions:\n  - id: tf\n    prompt: P\n    answer: false\n"
    text += "    explanation: Because it is so.\n"
    assert lint_text(text) == [(5, 13, "QA101")]
    linked = text.replace("answer: false", "answer: false\n    misconception: {summary: S}")
    assert lint_text(linked) == []


def test_without_the_text_warnings_fall_back_on_the_question_line() -> None:
    bank = load_bank(EVERY).bank
    assert bank is not None
    found = [(w.line, w.column, w.code) for w in lint_bank(bank, str(BANKS / "missing.yaml"))]
    assert (21 - 7, 1, "QA101") in found  # the question `unexplained-wrong` starts at line 14
    assert (0, 0, "QA108") in found
    assert all(w.line == 14 or w.code != "QA101" for w in lint_bank(bank, ""))


@pytest.mark.parametrize(
    "feedback",
    ["Incorrect.", "Wrong", "No", "Correct!", "Well done, that's right!", "Not quite, try again.",
     "—", "That isn't right.", "Yes, exactly."],
)  # fmt: skip
def test_feedback_that_explains_nothing(feedback: str) -> None:
    assert explains_nothing(feedback)


@pytest.mark.parametrize(
    "feedback",
    ["No: it was 1066.", "Mercury.", "Right, at about 0.4 AU.", "", "Correct, because x = 2."],
)
def test_feedback_that_explains_something(feedback: str) -> None:
    assert not explains_nothing(feedback)


@pytest.mark.parametrize(
    ("text", "pointing"),
    [
        ("All of the above", True),
        ("None of these", True),
        ("all the above", True),
        ("None of the answers above are correct", True),
        ("Both A and B", True),
        ("(a) and (b) only", True),
        ("A, B and C", True),
        ("both 1 and 2", True),
        ("1 or 2", False),
        ("Aberdeen and Bath", False),
        ("None", False),
        ("Nothing above sea level", False),
    ],
)
def test_choices_that_point_at_other_choices(text: str, pointing: bool) -> None:
    assert points_at_others(text) is pointing


def test_pointing_choice_is_fine_when_pinned_or_not_shuffled() -> None:
    choices = "[{text: A thing, correct: true, feedback: F}, {text: None of the above}]"
    head = "title: T\nquestions:\n"
    tail = "    explanation: E.\n"
    assert lint_text(head + single("q", "P", choices, tail)) == [(5, 60, "QA101"), (5, 67, "QA104")]
    pinned = choices.replace("None of the above", "None of the above, pin: true")
    assert lint_text(head + single("q", "P", pinned, tail)) == [(5, 60, "QA101")]
    fixed = tail + "    shuffle: false\n"
    assert lint_text(head + single("q", "P", choices, fixed)) == [(5, 60, "QA101")]


def position_bank(keys: list[int], shuffle: bool = True) -> str:
    """A bank of single questions with four choices, the correct one at each of `keys`."""
    out = ["title: T", "questions:"]
    for number, key in enumerate(keys):
        texts = [f"Choice {c} of question {number}" for c in range(4)]
        choices = ", ".join(
            f"{{text: '{t}', feedback: 'Said {c}'{', correct: true' if c == key else ''}}}"
            for c, t in enumerate(texts)
        )
        out.append(single(f"q{number}", f"Which is item {number}?", f"[{choices}]"))
        out.append("    explanation: Because.")
        if not shuffle:
            out.append("    shuffle: false")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("keys", "reported"),
    [
        ([0, 0, 0, 0], False),  # 4 of 4 happens by chance 1.6% of the time
        ([0, 0, 0, 0, 0], True),  # 5 of 5: 0.4%
        ([1, 1, 1, 1, 0, 2, 1, 1, 1, 1], True),  # 8 of 10 in the second place: 0.2%
        ([1, 1, 1, 1, 0, 2, 3, 1, 1, 1], False),  # 7 of 10: 1.4%, once any place may be it
        ([0, 1, 2, 3, 0, 1, 2, 3, 0, 1], False),
        ([2] * 6 + [0, 1, 3, 0, 1, 3], False),  # half is not most
    ],
)
def test_answer_position_habit(keys: list[int], reported: bool) -> None:
    codes = [code for *_, code in lint_text(position_bank(keys))]
    assert ("QA105" in codes) is reported


def test_answer_position_message_mentions_shuffling_only_when_choices_shuffle() -> None:
    for shuffle in (True, False):
        bank = bank_of(position_bank([3] * 6, shuffle))
        (warning,) = [w for w in lint_bank(bank, "t.yaml") if w.code == "QA105"]
        assert "fourth choice in 6 of 6" in warning.message
        assert ("shuffles" in warning.message) is shuffle


def test_longest_correct_choice_habit() -> None:
    out = ["title: T", "questions:"]
    for n in range(8):
        right = f"{{text: The long and careful answer {n}, correct: true, feedback: F}}"
        wrong = [f"{{text: Short {n}, feedback: F}}", f"{{text: Brief {n}, feedback: F}}"]
        wrong.insert(n % 3, right)  # the correct answer moves around
        choices = f"[{', '.join(wrong)}]"
        out += [single(f"q{n}", f"Which is item {n}?", choices), "    explanation: E."]
    text = "\n".join(out) + "\n"
    assert [code for *_, code in lint_text(text)] == ["QA106"]
    assert lint_text(text.replace("Brief", "An even longer but entirely wrong answer")) == []


def one_question(choices: str, kind: str = "") -> str:
    """A bank of one choice question (`kind` may add `type: multiple`), choices given inline."""
    extra = f"    type: {kind}\n" if kind else ""
    return "title: T\nquestions:\n" + single("q", "P?", choices, extra + "    explanation: E.\n")


def choice(text: str, correct: bool = False) -> str:
    return f"{{text: '{text}', feedback: F{', correct: true' if correct else ''}}}"


def codes_of(*choices: str, kind: str = "") -> list[tuple[int, int, str]]:
    return lint_text(one_question(f"[{', '.join(choices)}]", kind))


def test_wrong_choices_worded_nearly_alike() -> None:
    right = choice("The officer must act, since safety comes first", True)
    keep = choice("The officer must keep it secret, because the probationer has not agreed")
    never = choice("The officer must keep it secret, because confidentiality cannot be broken")
    feel = choice("Let a personal feeling decide whether to say anything")
    text = one_question(f"[{right}, {keep}, {never}, {feel}]")
    column = text.splitlines()[4].index("'The officer must keep it secret, because conf") + 1
    assert lint_text(text) == [(5, column, "QA110")]  # the text of the later choice of the pair
    (warning,) = lint_bank(bank_of(text), "t.yaml")
    assert "wrong choices 2 and 3 are worded nearly alike (7 words in common" in warning.message
    # A correct choice worded like a wrong one is not this rule's business...
    assert codes_of(keep.replace("feedback: F", "feedback: F, correct: true"), never, feel) == []
    # ...nor short choices alike in all but a word (4 words in common), nor choices that read
    # the same (QA103's).
    privacy = choice("The privacy of the probationer")
    wishes = choice("The wishes of the probationer")
    assert codes_of(right, privacy, wishes, feel) == []
    assert [c for *_, c in codes_of(right, keep, keep.replace("agreed", "agreed!"))] == ["QA103"]


def test_alike_needs_enough_words_in_common() -> None:
    base = ["w" + str(n) for n in range(ALIKE_WORDS)]
    right = choice("Something else entirely, and right", True)
    same_start = choice(" ".join([*base, "x", "y"]))
    other_end = choice(" ".join([*base[:-1], "p", "q", "r"]))  # one word fewer in common
    assert codes_of(right, same_start, other_end) == []
    assert codes_of(right, same_start, choice(" ".join([*base, "p", "q"])))[0][2] == "QA110"


@pytest.mark.parametrize(
    ("right", "longest_wrong", "reported"),
    [
        (70, 35, True),  # twice as long, 35 characters more
        (70, 41, False),  # 29 characters more: not enough on its own
        (90, 61, False),  # 29 more again, and under 1.5 times
        (95, 60, True),  # 1.58 times and 35 more
        (44, 10, True),  # 4.4 times and 34 more
        (30, 10, False),  # three times as long, but only 20 characters more
    ],
)
def test_correct_choice_much_longer_than_every_other(
    right: int, longest_wrong: int, reported: bool
) -> None:
    # The thresholds the README documents, which the cases above sit on either side of.
    assert (LONGER_RATIO, LONGER_BY) == (1.5, 30)
    found = codes_of(choice("r" * right, True), choice("w" * longest_wrong), choice("short"))
    assert found == ([(5, 22, "QA111")] if reported else [])  # the correct choice's text


def test_much_longer_counts_each_correct_choice_of_a_multiple_question() -> None:
    long_one = "A correct choice written out at much greater length"
    choices = [choice("Short and right", True), choice("wrong"), choice(long_one, True)]
    text = one_question(f"[{', '.join(choices)}]", "multiple")
    (warning,) = lint_bank(bank_of(text), "t.yaml", text)
    assert warning.code == "QA111"
    assert (warning.line, warning.column) == (5, text.splitlines()[4].index(f"'{long_one}") + 1)
    assert "choice 3 has 51 characters, against at most 5 for the wrong ones" in str(warning)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Only threats to safety", ["only"]),
        ("Whenever the officer feels it is necessary, or never", ["whenever", "never"]),
        ("No one but the officer, and nobody else", ["no one", "nobody"]),
        ("All parties agree; all of them", ["all"]),
        ("A threat to safety", []),
        ("Nowhere to go, none the wiser", ["none"]),
        ("It is not alone", []),
    ],
)
def test_absolute_words(text: str, found: list[str]) -> None:
    assert absolutes(text) == found


def test_absolute_words_only_in_wrong_choices() -> None:
    right = choice("A threat to safety, or mandated reporting", True)
    whenever = choice("Whenever the probationer asks for it")
    never = choice("Never, whatever happens")
    plain = choice("When the officer feels it is right")
    text = one_question(f"[{plain}, {right}, {whenever}, {never}]")
    column = text.splitlines()[4].index("'Whenever") + 1
    assert lint_text(text) == [(5, column, "QA112")]  # the first wrong choice with such a word
    (warning,) = lint_bank(bank_of(text), "t.yaml")
    assert "choice 3 ('whenever'), choice 4 ('never', 'whatever')" in warning.message
    # A correct choice as sweeping as the wrong ones gives nothing away.
    firm = choice("Always when there is a threat to safety", True)
    assert codes_of(plain, firm, whenever, never) == []
    # "All of the above" and "None of these" are QA104's: right or wrong, they are not counted.
    pinned = "{text: None of these, pin: true, feedback: F}"
    assert codes_of(plain, right, pinned) == []
    all_right = "{text: All of the above, pin: true, correct: true, feedback: F}"
    assert [c for *_, c in codes_of(plain, whenever, all_right)] == ["QA112"]


def test_partial_credit_counts_as_correct_for_the_cue_rules() -> None:
    full = choice("Mercury", True)
    half = "{text: Only the planet nearest the Sun and the smallest, weight: 50, feedback: F}"
    wrong = choice("Mars")
    # The half-marks choice is long and sweeping, but it is not a wrong choice: no QA112, and it
    # is itself the much longer correct choice.
    assert [c for *_, c in codes_of(full, half, wrong)] == ["QA111"]


def test_absolute_words_in_a_multiple_question_and_silencing() -> None:
    choices = [
        choice("The probationer is contemplating self-harm", True),
        choice("The officer merely feels a breach would help"),
        choice("All parties agree to waive it", True),
        choice("Only when a court says so"),
    ]
    # "all" in a correct choice balances "only" in a wrong one.
    assert codes_of(*choices, kind="multiple") == []
    without = [choices[0], choices[1], choices[3]]
    assert [c for *_, c in codes_of(*without, kind="multiple")] == ["QA112"]
    silenced = one_question(f"[{', '.join(without)}]", "multiple").replace(
        "    type: multiple\n", "    type: multiple\n    lint: [QA112]\n"
    )
    assert lint_text(silenced) == []


def test_cue_rules_leave_other_question_types_alone() -> None:
    text = """\
title: T
questions:
  - id: tf
    prompt: Confidentiality can never be broken.
    answer: false
    feedback: {true: "It can, when safety is at risk.", false: "Right: safety can outweigh it."}
    explanation: E.
  - id: short
    prompt: Name one.
    answers: [a, the only answer there is, written out at great and needless length]
    wrong_answers: [{text: never, feedback: F}]
    explanation: E.
"""
    assert lint_text(text) == []


def test_binomial_tail() -> None:
    assert binomial_tail(4, 3, 0.25) == pytest.approx(13 / 256)
    assert binomial_tail(10, 0, 0.3) == 1.0
    assert binomial_tail(10_000, 5_001, 0.25) < 1e-300 or binomial_tail(10_000, 5_001, 0.25) == 0


def test_unused_misconception_ignores_inline_and_linked_ones() -> None:
    text = """\
title: T
misconceptions:
  used: {summary: S}
  unused: {summary: S}
questions:
  - id: q
    prompt: P
    answers: [a]
    wrong_answers: [{text: b, misconception: used}, {text: c, misconception: {summary: I}}]
    explanation: E.
"""
    assert lint_text(text) == [(4, 3, "QA108")]


def test_exact_duplicate_prompts_are_reported_against_the_first() -> None:
    choices = "[{text: a, correct: true, feedback: F}, {text: b, feedback: F}]"
    tail = "    explanation: E.\n"
    text = "title: T\nquestions:\n" + "".join(
        single(f"q{n}", "What is it?", choices, tail) for n in range(3)
    )
    warnings = lint_bank(bank_of(text), "t.yaml", text)
    assert [(w.code, w.line) for w in warnings] == [("QA107", 8), ("QA107", 12)]
    assert all("the same prompt as question 'q0' (line 3)" in w.message for w in warnings)


def brute_force(prompts: list[list[str]]) -> dict[int, float]:
    found: dict[int, float] = {}
    for i, a in enumerate(prompts):
        ratios = [difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() for b in prompts[:i]]
        best = max((r for r in ratios if r >= 0.9), default=None)
        if best is not None:
            found[i] = best
    return found


@pytest.mark.parametrize("seed", range(40))
def test_near_duplicate_search_finds_what_comparing_every_pair_finds(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(rng.choice([3, 8, 30]))]
    prompts: list[list[str]] = []
    for _ in range(40):
        if prompts and rng.random() < 0.5:
            words = list(rng.choice(prompts))
            for _ in range(rng.randint(0, 3)):
                at = rng.randrange(len(words) + 1)
                if rng.random() < 0.5 or not words:
                    words.insert(at, rng.choice(vocabulary))
                else:
                    words.pop(min(at, len(words) - 1))
            prompts.append(words)
        else:
            prompts.append([rng.choice(vocabulary) for _ in range(rng.randint(0, 30))])
    found = {i: ratio for i, (_, ratio) in similar_pairs(prompts).items()}
    assert found == brute_force(prompts)


def test_near_duplicates_in_a_big_generated_bank() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from gen_bank import generate
    finally:
        sys.path.pop(0)
    text = generate(1500, seed=3)
    bank = bank_of(text)
    assert lint_bank(bank, "big.yaml", text) == []
    prompt = bank.questions[700].prompt
    edited = prompt.replace(" ", " very ", 1)  # one word more in about thirty
    text = text.replace(f'prompt: "{bank.questions[1400].prompt}"', f'prompt: "{edited}"')
    warnings = lint_bank(bank_of(text), "big.yaml", text)
    assert [(w.code, w.message.split(":")[0]) for w in warnings] == [("QA107", "question 'q1400'")]
    assert "question 'q700'" in warnings[0].message


def test_lint_field_is_validated_with_suggestions() -> None:
    text = """\
title: T
lint: [qa105]
questions:
  - id: q
    prompt: P
    lint: [QA1O1, 7, nothing-like-it]
    choices: [{text: a, correct: true}, {text: b}]
"""
    problems = [str(p) for p in parse_bank(text, "t.yaml").problems]
    assert problems == [
        "t.yaml:2:8: unknown lint code 'qa105' (did you mean 'QA105'?)",
        "t.yaml:6:12: question 'q': unknown lint code 'QA1O1' (did you mean 'QA101'?)",
        "t.yaml:6:19: question 'q': `lint` entry 2 must be text, not a number (put it in quotes)",
        "t.yaml:6:22: question 'q': unknown lint code 'nothing-like-it' (codes run from QA101 "
        "to QA112)",
    ]


def run(paths: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cmd_lint(paths, out, err)
    return code, out.getvalue(), err.getvalue()


def test_command_exit_codes(tmp_path: Path) -> None:
    assert run([str(BANKS / "lint-clean.yaml")])[0] == 0
    code, out, _ = run([str(EVERY), str(BANKS / "lint-clean.yaml")])
    assert code == 1
    assert out.count(" QA1") == 12
    assert out.splitlines()[-1] == "2 banks linted: 1 clean, 1 with warnings (12 warnings)"
    code, out, _ = run([str(BANKS / "invalid-range.yaml")])
    assert code == 1
    assert "invalid-range.yaml:5:12: question 'question-range'" in out
    assert out.splitlines()[-1].endswith("1 invalid, not linted (2 problems)")
    code, _, err = run([str(tmp_path / "nope.yaml")])
    assert code == 2
    assert "nope.yaml: no such file or folder" in err
    assert run([str(tmp_path)])[0] == 2  # a folder with no bank in it


def test_command_lints_folders_and_by_default_the_bundled_banks(tmp_path: Path) -> None:
    folder = tmp_path / "banks" / "deep"
    folder.mkdir(parents=True)
    (folder / "b.yaml").write_bytes((BANKS / "lint-clean.yaml").read_bytes())
    assert run([str(tmp_path)])[0] == 0
    bundled = len(list(bundled_banks_dir().glob("*.yaml")))
    assert bundled >= 2
    # With no path, the bundled banks are linted: they are kept clean (see below).
    assert run([]) == (
        0,
        f"{bundled} banks linted: {bundled} clean, 0 with warnings (0 warnings)\n",
        "",
    )


@pytest.mark.parametrize("path", sorted(bundled_banks_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_the_bundled_banks_are_valid_and_lint_clean(path: Path) -> None:
    """The banks that ship are examples to copy: no warning, and none silenced by `lint:`."""
    result = load_bank(path)
    assert result.bank is not None and result.problems == ()
    assert [str(w) for w in lint_bank(result.bank, str(path))] == []
    assert result.bank.lint_ignore == ()
    assert all(q.lint_ignore == () for q in result.bank.questions)
