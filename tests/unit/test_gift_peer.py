"""The GIFT importer against a peer parser's own cases (GIFT-grammar-PEG.js, see its SOURCE.md).

Each `.gift` file there comes with that parser's reading of it (`.json`). The test compares
meaning where quizapp's model and the peer's overlap: how many questions, their types, titles
(ids), categories (topics), texts, answers, weights and feedback. Where quizapp differs by design,
the mapping is written out here:

- Description and Essay items are not quizapp questions: they are left out with a note each.
- MC with one `=` is `single`; MC with no `=` is `multiple`, its weights scaled to full marks as
  the bank loader does; MC with several `=` is `multiple`, each right choice worth 1/k and each
  wrong one -1/k (quizapp's rule for unweighted multiple answers), with a note.
- Short answers embedded in the text (the peer's `hasEmbeddedAnswers`) are a cloze with one gap
  named `blank`; other embedded answers leave `_____` in the prompt, as the peer does.
- Moodle's catch-all answer `*` (peer text "*") is left out with a note.
- Typed answers are ordered as the bank loader orders them: accepted ones, then wrong (0%) ones.
- The peer's `trueFeedback`/`falseFeedback` are the first and second feedback as written, which
  Moodle shows for a wrong and for a right answer: they go to the wrong and the right choice.
- HTML texts are compared as plain text; whitespace is compared collapsed.

The suite lives outside the project: it is read from `../shared/peer-suites/gift-pegjs/` next to
the repository, or from `$QUIZAPP_PEER_SUITES` (the `peer-suites` folder or `gift-pegjs` itself),
and the test skips when neither is there.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import FormatError, bank_to_yaml, gift
from quizapp.core.formats.common import slugify
from quizapp.core.model import Question, QuestionType

SUITE = "gift-pegjs"


def _suite_dir() -> Path | None:
    candidates = []
    given = os.environ.get("QUIZAPP_PEER_SUITES")
    if given:
        candidates += [Path(given) / SUITE, Path(given)]
    candidates.append(Path(__file__).parents[2].parent / "shared" / "peer-suites" / SUITE)
    for folder in candidates:
        if (folder / "SOURCE.md").is_file() and any(folder.glob("*.gift")):
            return folder
    return None


SUITE_DIR = _suite_dir()
CASES = sorted(p.stem for p in SUITE_DIR.glob("*.gift")) if SUITE_DIR else ["(suite not present)"]

#: Cases where quizapp reads the file differently from the peer on purpose; none so far. Each
#: entry must say why: strict xfail, so a case that starts agreeing is noticed.
DISAGREE: dict[str, str] = {}


def _case(name: str) -> Any:
    marks = [pytest.mark.xfail(reason=DISAGREE[name], strict=True)] if name in DISAGREE else []
    return pytest.param(name, marks=marks, id=name)


# --- the peer's texts as quizapp holds them ---------------------------------------------------

_BLOCK = re.compile(r"</?(?:p|br|div|li|ul|ol|tr|table|pre|h\d)\b[^>]*>", re.I)
_LINK = re.compile(r"""<a\b[^>]*\bhref=["'](https?://[^"']+)["'][^>]*>(.*?)</a>""", re.S | re.I)


def _plain(text: dict[str, str] | None) -> str:
    """A peer text as plain text, whitespace collapsed (HTML: tags dropped, links kept)."""
    if text is None:
        return ""
    value = text["text"]
    if text["format"] == "html":
        value = re.sub(r"<!--.*?-->", "", value, flags=re.S)
        value = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", value)
        value = _IMAGE.sub(_image, value)  # an image stands as its alt text, else its file name
        value = _BLOCK.sub(" ", value)  # a block or a line break separates words; inline tags not
        value = html.unescape(re.sub(r"<[^>]+>", "", value))
    return _squeeze(value)


_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def _image(found: re.Match[str]) -> str:
    tag = found.group(0)
    alt = re.search(r'\balt\s*=\s*"([^"]*)"', tag)
    src = re.search(r'\bsrc\s*=\s*"([^"]*)"', tag)
    shown = (alt.group(1).strip() if alt else "") or (
        src.group(1).rsplit("/", 1)[-1] if src else ""
    )
    return f"[{shown}]"


def _squeeze(text: str) -> str:
    text = " ".join(text.replace("\xa0", " ").split())
    return re.sub(r"\s*_____\s*", "_____", text)


def _ours(text: str) -> str:
    return _squeeze(text.replace("{{blank}}", "_____"))


def _percent(weight: float | None, default: float) -> float:
    return default if weight is None else weight / 100


def _moodle_topic(path: str) -> str:
    parts = path.split("/")
    if parts and re.fullmatch(r"\$\w+\$", parts[0]):
        parts = parts[1:]
    if parts and parts[0] == "top":
        parts = parts[1:]
    return " / ".join(p.strip() for p in parts if p.strip())


# --- what the peer's reading means in quizapp ------------------------------------------------


def _expected_choices(item: dict[str, Any]) -> tuple[str, list[tuple[str, float, str]]]:
    choices = item["choices"]
    right = [c for c in choices if c["isCorrect"]]
    texts = [(_plain(c["text"]), _plain(c["feedback"])) for c in choices]
    if len(right) == 1:
        weights = [1.0 if c["isCorrect"] else _percent(c["weight"], 0.0) for c in choices]
        kind = "single"
    elif right:
        share = 1 / len(right)
        weights = [share if c["isCorrect"] else -share for c in choices]
        kind = "multiple"
    else:
        weights = [_percent(c["weight"], 0.0) for c in choices]
        total = sum(w for w in weights if w > 0)
        weights = [w / total if w > 0 else w for w in weights]
        kind = "multiple"
    return kind, [(t, w, f) for (t, f), w in zip(texts, weights, strict=True)]


def _typed_answers(choices: list[dict[str, Any]]) -> list[tuple[str, float, str]]:
    kept = [
        (_plain(c["text"]), _percent(c["weight"], 1.0), _plain(c["feedback"]))
        for c in choices
        if c["text"]["text"] != "*"
    ]
    return [a for a in kept if a[1] > 0] + [a for a in kept if a[1] == 0]


def _numeric_answers(choices: Any) -> list[tuple[float, float, float, str]]:
    def where(spec: dict[str, Any]) -> tuple[float, float]:
        if spec["type"] == "simple":
            return spec["number"], spec["number"]
        if spec["type"] == "range":
            return spec["number"] - spec["range"], spec["number"] + spec["range"]
        return spec["numberLow"], spec["numberHigh"]

    if isinstance(choices, dict):
        return [(*where(choices), 1.0, "")]
    kept = [
        (*where(c["text"]), _percent(c["weight"], 1.0), _plain(c["feedback"]))
        for c in choices
        if "type" in c["text"]  # the catch-all answer is left out
    ]
    return [a for a in kept if a[2] > 0] + [a for a in kept if a[2] == 0]


def _check(q: Question, item: dict[str, Any], topic: str, qid: str) -> None:
    assert q.id == qid
    assert q.topic == topic
    assert _ours(q.prompt) == _plain(item["stem"])
    assert _ours(q.explanation) == _plain(item.get("globalFeedback"))
    kind = item["type"]
    if kind == "MC":
        expected_kind, expected = _expected_choices(item)
        assert q.type.value == expected_kind
        got = [(_ours(c.text), c.weight, _ours(c.feedback)) for c in q.choices]
        assert [(t, f) for t, _, f in got] == [(t, f) for t, _, f in expected]
        assert [w for _, w, _ in got] == pytest.approx([w for _, w, _ in expected])
    elif kind == "TF":
        assert q.type is QuestionType.TRUE_FALSE
        true, false = q.choices
        assert (true.weight, false.weight) == ((1.0, 0.0) if item["isTrue"] else (0.0, 1.0))
        right, wrong = (true, false) if item["isTrue"] else (false, true)
        assert _ours(wrong.feedback) == _plain(item["trueFeedback"])
        assert _ours(right.feedback) == _plain(item["falseFeedback"])
    elif kind == "Short":
        if item["hasEmbeddedAnswers"]:
            assert q.type is QuestionType.CLOZE
            assert [g.name for g in q.gaps] == ["blank"]
            answers = q.gaps[0].answers
        else:
            assert q.type is QuestionType.SHORT
            answers = q.answers
        got = [(_ours(a.text), a.weight, _ours(a.feedback)) for a in answers]
        assert got == _typed_answers(item["choices"])
    elif kind == "Numerical":
        assert q.type is QuestionType.NUMERIC
        got = [(a.low, a.high, a.weight, _ours(a.feedback)) for a in q.numeric]
        assert got == pytest.approx(_numeric_answers(item["choices"]))
    elif kind == "Matching":
        assert q.type is QuestionType.MATCH
        pairs = [(_plain(p["subquestion"]), p["subanswer"]) for p in item["matchPairs"]]
        assert [(_ours(p.left), p.right) for p in q.pairs] == [(a, b) for a, b in pairs if a]
        assert list(q.distractors) == [b for a, b in pairs if not a]
    else:
        raise AssertionError(f"unexpected peer type {kind}")


def _expectations(items: list[dict[str, Any]]) -> tuple[list[tuple[dict[str, Any], str, str]], int]:
    """(peer item, topic, id) for each question quizapp keeps, and how many it leaves out."""
    kept: list[tuple[dict[str, Any], str, str]] = []
    left_out = 0
    topic = ""
    used: set[str] = set()
    for item in items:
        if item["type"] == "Category":
            topic = _moodle_topic(item["title"])
            continue
        if item["type"] in ("Description", "Essay"):
            left_out += 1
            continue
        base = item.get("id") or slugify(item.get("title") or "") or f"q{len(kept) + 1}"
        qid, n = base, 1
        while qid in used:
            n += 1
            qid = f"{base}-{n}"
        used.add(qid)
        kept.append((item, topic, qid))
    return kept, left_out


@pytest.mark.parametrize("name", [_case(name) for name in CASES])
def test_gift_importer_agrees_with_the_peer_parser(name: str) -> None:
    if SUITE_DIR is None:
        pytest.skip(
            "peer suite not present: ../shared/peer-suites/gift-pegjs (QUIZAPP_PEER_SUITES)"
        )
    data = (SUITE_DIR / f"{name}.gift").read_bytes()
    items = json.loads((SUITE_DIR / f"{name}.json").read_text(encoding="utf-8"))
    expected, left_out = _expectations(items)
    categories = [item for item in items if item["type"] == "Category"]
    if categories and not expected:
        # A category with no question after it leaves nothing to import: to see how the category
        # is read, a question is put after it.
        data += b"\n\nAfter the category.{T}\n"
        expected = [({"type": "TF", "isTrue": True, "trueFeedback": None, "falseFeedback": None,
                      "stem": {"format": "moodle", "text": "After the category."}},
                     _moodle_topic(categories[-1]["title"]), "q1")]  # fmt: skip
    if not expected:
        with pytest.raises(FormatError) as caught:
            gift.import_bank(data, f"{name}.gift")
        assert len(caught.value.notes) == left_out
        return
    result = gift.import_bank(data, f"{name}.gift")
    questions = result.bank.questions
    assert len(questions) == len(expected)
    for question, (item, topic, qid) in zip(questions, expected, strict=True):
        _check(question, item, topic, qid)
    notes = [note.message for note in result.notes]
    skipped = [m for m in notes if m.startswith(("an essay", "a description"))]
    assert len(skipped) == left_out
    # Moodle's catch-all answer (`*`) is kept as the question's (or gap's) `otherwise`.
    for question, (item, _, _) in zip(questions, expected, strict=True):
        choices = item.get("choices") if isinstance(item.get("choices"), list) else []
        stars = [c for c in choices if c["text"].get("text") == "*"]
        others = [question.otherwise, *(gap.otherwise for gap in question.gaps)]
        kept = [other for other in others if other is not None]
        assert [_ours(o.feedback) for o in kept] == [_plain(c["feedback"]) for c in stars]
    assert not any("catch-all" in m or "any other answer" in m for m in notes)
    loaded = parse_bank(bank_to_yaml(result.bank), f"{name}.yaml")
    assert loaded.ok, loaded.problems
