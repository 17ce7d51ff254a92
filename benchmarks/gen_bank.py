"""Generate a large, realistic question bank for the benchmarks.

Sizes follow the issue: 200-character prompts, four choices with 150-character feedback, and
300-character explanations; 10,000 questions come to about 15 MB of YAML. The text is pseudo-random
but seeded, so every run measures the same file.

    python benchmarks/gen_bank.py OUT.yaml [--questions 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = (
    "officer",
    "client",
    "probation",
    "court",
    "safety",
    "report",
    "duty",
    "trust",
    "record",
    "law",
    "risk",
    "harm",
    "child",
    "abuse",
    "ethics",
    "privacy",
    "disclose",
    "threat",
    "victim",
    "judge",
    "policy",
    "review",
    "consent",
    "agency",
    "welfare",
    "protect",
    "statement",
    "interview",
    "session",
    "supervision",
    "community",
    "condition",
    "violation",
    "evidence",
    "history",
    "plan",
    "treatment",
    "counsel",
    "referral",
    "family",
    "employer",
    "housing",
    "program",
    "assessment",
    "schedule",
    "contact",
)
MISCONCEPTIONS = 40


def _text(rng: random.Random, length: int) -> str:
    """A sentence of about `length` characters made of plain words."""
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    sentence = " ".join(words)[: length - 1]
    return sentence[0].upper() + sentence[1:] + "."


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (the generated text has no quotes or backslashes)."""
    return '"' + text + '"'


def generate(
    questions: int, seed: int = 1, *, prompt_length: int = 200, choice_length: int = 60
) -> str:
    """The YAML text of a bank with `questions` single-choice questions (prompts and choices of
    about the lengths given, in characters)."""
    rng = random.Random(seed)
    lines = [
        "# yaml-language-server: $schema=../quizapp/schema/bank.schema.json",
        "title: Benchmark bank",
        f"description: {_quote(f'{questions} generated questions for benchmarks.')}",
        "tags: [benchmark]",
        "misconceptions:",
    ]
    for m in range(MISCONCEPTIONS):
        lines.append(f"  m{m}:")
        lines.append(f"    summary: {_quote(_text(rng, 80))}")
        lines.append(f"    explanation: {_quote(_text(rng, 200))}")
    lines.append("questions:")
    for q in range(questions):
        correct = rng.randrange(4)
        lines.append(f"  - id: q{q}")
        lines.append(f"    topic: Topic {q % 12}")
        lines.append(f"    prompt: {_quote(_text(rng, prompt_length))}")
        lines.append("    choices:")
        for c in range(4):
            lines.append(f"      - text: {_quote(_text(rng, choice_length))}")
            if c == correct:
                lines.append("        correct: true")
            else:
                lines.append(f"        misconception: m{rng.randrange(MISCONCEPTIONS)}")
            lines.append(f"        feedback: {_quote(_text(rng, 150))}")
        lines.append(f"    explanation: {_quote(_text(rng, 300))}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write the generated bank to the path given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.out.write_text(generate(args.questions, args.seed), encoding="utf-8")
    print(f"{args.out}: {args.questions} questions, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
