"""The codes of `quizapp lint`'s warnings: stable names a bank can list to silence them.

Kept apart from the linter so that the bank loader, which checks the `lint:` field of a bank and
of each question against this list, does not import the linter itself.
"""

from __future__ import annotations

#: Every warning code with what it means, in the order the README's table lists them.
LINT_CODES: dict[str, str] = {
    "QA101": "a wrong choice with neither a misconception nor feedback",
    "QA102": 'feedback or an explanation that explains nothing ("Incorrect.")',
    "QA103": "two choices of a question that read the same once case and punctuation are ignored",
    "QA104": '"all/none of the above" (or "both A and B") among shuffled choices, not pinned',
    "QA105": "the correct answer sits in the same position in most single-choice questions",
    "QA106": "the correct choice is the longest one in most single-choice questions",
    "QA107": "two questions with nearly the same prompt",
    "QA108": "a misconception of the bank that no option uses",
    "QA109": "a question with no explanation",
    "QA110": "two wrong choices of a question worded nearly alike",
    "QA111": "a correct choice much longer than every wrong choice of its question",
    "QA112": "absolute words (only, never, all...) in wrong choices but in no correct one",
}
