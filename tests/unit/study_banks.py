"""Small banks and a fake clock shared by the study-mode tests (sessions, exam, cards, reports)."""

from __future__ import annotations

from quizapp.core.bank.loader import parse_bank
from quizapp.core.model import Bank, Question, QuestionType, Response, SelfGrade

EARTH_YAML = """
title: Earth and sky
id: earth
tags: [astronomy]
exam:
  questions: 5
  time_limit: 10
  pass_mark: 60
  blueprint: {Planets: 2, Moons: 1}
misconceptions:
  bigger-is-closer:
    summary: The planet that looks biggest must be the closest to the Sun.
    explanation: How big a planet looks says nothing about its orbit.
  earth-centre:
    summary: Earth is at the centre of things.
    explanation: Earth is the third planet from the Sun.
questions:
  - id: closest
    topic: Planets
    tags: [inner]
    prompt: Which planet is closest to the Sun?
    explanation: The order is Mercury, Venus, Earth, Mars.
    choices:
      - {text: Mercury, correct: true}
      - {text: Jupiter, misconception: bigger-is-closer}
      - {text: Earth, misconception: earth-centre}
      - {text: Venus, weight: 50}
      - {text: None of these, pin: true}
  - id: giants
    topic: Planets
    prompt: Which are gas giants?
    choices:
      - {text: Jupiter, correct: true}
      - {text: Saturn, correct: true}
      - {text: Mars, misconception: bigger-is-closer}
  - id: pluto
    topic: Planets
    prompt: Pluto is a planet.
    answer: false
    misconception: bigger-is-closer
  - id: red
    topic: Planets
    tags: [inner]
    prompt: Which planet is the red planet?
    answers: [Mars]
    wrong_answers: [{text: Jupiter, misconception: bigger-is-closer}]
  - id: titan
    topic: Moons
    prompt: Which planet does Titan orbit?
    answers: [Saturn]
  - id: moon-count
    topic: Moons
    prompt: How many moons does Earth have?
    answer: 1
  - id: moons-match
    topic: Moons
    type: match
    prompt: Match each moon to its planet.
    pairs:
      - {left: Titan, right: Saturn}
      - {left: Io, right: Jupiter}
    distractors: [Neptune]
  - id: capital
    prompt: The capital of France is {{city}}.
    gaps: {city: [Paris]}
  - id: inner-order
    type: order
    tags: [inner]
    prompt: Order these from the Sun.
    items: [Mercury, Venus, Earth, Mars]
  - id: au
    front: What is an astronomical unit?
    back: The mean distance from the Earth to the Sun.
"""

STARS_YAML = """
title: Stars
id: stars
tags: [stellar]
exam: {questions: 2, time_limit: 5, pass_mark: 80, blueprint: {Stars: 1}}
misconceptions:
  bigger-is-closer:
    summary: The brightest star must be the closest.
    explanation: Brightness depends on luminosity as well as distance.
questions:
  - id: closest
    topic: Stars
    prompt: Which star is closest to Earth?
    choices:
      - {text: The Sun, correct: true}
      - {text: Sirius, misconception: bigger-is-closer}
  - id: sun-type
    topic: Stars
    prompt: What kind of star is the Sun?
    answers: [yellow dwarf, G-type main-sequence star]
  - id: polaris
    topic: Navigation
    tags: [inner]
    prompt: Polaris marks which direction?
    answers: [north]
"""


def load(text: str, name: str) -> Bank:
    """The bank in `text`, which must be valid."""
    result = parse_bank(text, f"{name}.yaml")
    assert result.ok and result.bank is not None, result.problems
    return result.bank


EARTH = load(EARTH_YAML, "earth")
STARS = load(STARS_YAML, "stars")


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass."""
        self.now += seconds


def some_response(question: Question) -> Response:
    """A well-formed (usually wrong) answer to `question`."""
    match question.type:
        case QuestionType.MULTIPLE:
            return frozenset({0})
        case QuestionType.SHORT:
            return "no idea"
        case QuestionType.NUMERIC:
            return "-1"  # words are refused before grading: a number, most likely wrong
        case QuestionType.CLOZE:
            return ("",) * len(question.gaps)
        case QuestionType.ORDER:
            return tuple(reversed(range(len(question.items))))
        case QuestionType.MATCH:
            return (None,) * len(question.pairs)
        case QuestionType.FLASHCARD:
            return SelfGrade.AGAIN
        case _:
            return 1
