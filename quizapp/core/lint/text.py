"""What the linter reads in a text: feedback that says only right or wrong, choices that point at
other choices ("all of the above", "both A and B"), absolute words, and the keys texts are
compared by.
"""

from __future__ import annotations

import re
import unicodedata

_VERDICT_TEXT = """
    a absolutely again almost alright an answer answered are bad bravo choice chosen close
    completely correct correctly definitely done exactly excellent false fine good got great
    incorrect incorrectly indeed is isnt it its job no nope not nice ok okay oops option perfect
    quite really right so sorry that thats the this totally true try unfortunately very well
    wrong yay yeah yep yes you your youre
    aren d didn doesn don isn ll m re s t ve wasn
"""
#: Words that only give a verdict, with the pieces of contractions ("isn't" is isn + t).
#: Feedback made of nothing else ("Incorrect.", "Well done, that's right!", "Not quite, try
#: again") tells the student nothing they did not already know.
VERDICT_WORDS = frozenset(_VERDICT_TEXT.split())

#: Feedback longer than this many words is assumed to say something.
_VERDICT_MAX_WORDS = 12

_WORDS = re.compile(r"\w+")
_NOT_WORD = re.compile(r"[\W_]+")

_QUANTITY = r"(?:all|none|neither|both|either|any|each)"
_NOUNS = r"(?:answers?|options?|choices?|statements?|responses?)"
_REFERENCE = (
    rf"(?:above|these|those|them|previous|preceding|foregoing"
    rf"|(?:above |previous |preceding |other )?{_NOUNS}(?: above)?)"
)
_VERDICT = r"(?: (?:is|are) (?:correct|true|right|valid|wrong|incorrect|false))?"
_LETTERS = r"(?:[a-h] ){1,4}(?:and|or|nor) [a-h]"
_NUMBERS = r"(?:[1-9] ){1,4}(?:and|or|nor) [1-9]"
#: Choices whose meaning depends on the others being where they were written.
_POINTING = re.compile(
    rf"^(?:{_QUANTITY} (?:of )?(?:the )?{_REFERENCE}{_VERDICT}"
    rf"|(?:both |only |neither |either |{_NOUNS} )*{_LETTERS}(?: only)?{_VERDICT}"
    rf"|(?:both |only |neither |either |{_NOUNS} )+{_NUMBERS}(?: only)?{_VERDICT})$"
)


_ABSOLUTE_TEXT = """
    all always every everybody everyone everything never nobody none nothing only
    whatever whenever wherever
"""
#: Words that make a claim sweeping (QA112); "no one", two words, is looked for as a pair.
ABSOLUTE_WORDS = frozenset(_ABSOLUTE_TEXT.split())


def words(text: str) -> list[str]:
    """The words of `text`, case folded, without punctuation (how prompts are compared)."""
    return _WORDS.findall(unicodedata.normalize("NFKC", text).casefold())


def squashed(text: str) -> str:
    """`text` case folded with everything but letters and digits removed (duplicate choices)."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def explains_nothing(text: str) -> bool:
    """True for feedback that only says right or wrong (or is only punctuation)."""
    if not text or text.isspace() or len(text.split()) > _VERDICT_MAX_WORDS:
        return False
    return VERDICT_WORDS.issuperset(words(text))


def points_at_others(text: str) -> bool:
    """True for "All of the above", "None of these", "Both A and B" and their kin."""
    if len(text) > 60:
        return False
    return _POINTING.match(" ".join(words(text))) is not None


def absolutes(text: str) -> list[str]:
    """The absolute words of `text` ("only", "never", "no one"...), each once, in order."""
    found: list[str] = []
    said = words(text)
    for number, word in enumerate(said):
        if word in ABSOLUTE_WORDS:
            hit = word
        elif word == "no" and number + 1 < len(said) and said[number + 1] == "one":
            hit = "no one"
        else:
            continue
        if hit not in found:
            found.append(hit)
    return found
