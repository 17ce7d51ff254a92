"""Finding questions with nearly the same prompt (QA107) without comparing every pair.

Two prompts are *nearly the same* when their words (case folded, punctuation dropped) agree at
`SIMILAR` or more by difflib's ratio, 2 x matched words / total words. Comparing all pairs of a
10,000-question bank would take minutes, so candidates are found first with an exact filter
(no pair above the threshold is missed), and only candidates are measured:

- a ratio of r or more bounds the lengths (the longer prompt has at most (2 - r) / r times the
  words of the shorter) and the number of words inserted or deleted to turn one prompt into the
  other: d <= (1 - r) x total words;
- each such edit destroys at most q of a prompt's word q-grams (with start and end markers), so the
  prompts share at least max(grams) - q x d of them (counted with repeats);
- by the prefix-filtering argument, two prompts that share that many grams share one of their
  q x d_max + 1 rarest grams. Only these rare grams are indexed, so common phrases ("which of the
  following") cost nothing.

Prompts written identically are matched at once through a dictionary.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

#: The difflib ratio (over words) from which two prompts count as nearly the same.
SIMILAR = 0.9
_Q = 3
_START, _END = -1, -2

Gram = tuple[tuple[int, ...], int]


def similar_pairs(
    prompts: Sequence[Sequence[str]], threshold: float = SIMILAR
) -> dict[int, tuple[int, float]]:
    """For each prompt nearly the same as an earlier one: that earlier prompt and the ratio.

    `prompts` are word lists. When several earlier prompts qualify, the most alike is kept
    (the first of equals).
    """
    found: dict[int, tuple[int, float]] = {}
    first: dict[tuple[str, ...], int] = {}
    unique: list[int] = []
    for index, prompt in enumerate(prompts):
        key = tuple(prompt)
        if key in first:
            found[index] = (first[key], 1.0)
        else:
            first[key] = index
            unique.append(index)
    vocabulary: dict[str, int] = {}
    encoded = [[vocabulary.setdefault(w, len(vocabulary)) for w in prompts[i]] for i in unique]
    for later, (earlier, ratio) in _join(encoded, threshold).items():
        found[unique[later]] = (unique[earlier], ratio)
    return found


def _grams(words: list[int]) -> list[Gram]:
    """The word q-grams of a prompt with start/end markers, each numbered by its repeat."""
    padded = [_START, *words, _END]
    seen: Counter[tuple[int, ...]] = Counter()
    grams: list[Gram] = []
    for start in range(len(padded) - _Q + 1):
        gram = tuple(padded[start : start + _Q])
        seen[gram] += 1
        grams.append((gram, seen[gram]))
    return grams


def _edits(total: int, num: int, den: int) -> int:
    """The most words inserted or deleted between two prompts of `total` words alike enough.

    The threshold is num/den; integers keep the bound exact.
    """
    return (den - num) * total // den


def _max_edits(length: int, num: int, den: int) -> int:
    """`_edits` for a prompt of `length` words and the longest prompt that can be alike enough."""
    longest = length * (2 * den - num) // num
    return _edits(length + longest, num, den)


def _join(prompts: list[list[int]], threshold: float) -> dict[int, tuple[int, float]]:
    limit = Fraction(threshold).limit_denominator(1000)
    num, den = limit.numerator, limit.denominator
    grams = [_grams(words) for words in prompts]
    sets = [frozenset(own) for own in grams]
    frequency: Counter[Gram] = Counter(g for own in grams for g in own)
    index: dict[Gram, list[int]] = {}
    found: dict[int, tuple[int, float]] = {}
    for current, own in enumerate(grams):
        size = len(prompts[current])
        prefix = sorted(own, key=lambda g: (frequency[g], g))
        prefix = prefix[: _Q * _max_edits(size, num, den) + 1]
        candidates: set[int] = set()
        for gram in prefix:
            candidates.update(index.get(gram, ()))
            index.setdefault(gram, []).append(current)
        best: tuple[int, float] | None = None
        for other in sorted(candidates):
            # The count filter: too few shared grams means too many edits apart.
            edits = _edits(size + len(prompts[other]), num, den)
            needed = max(len(own), len(grams[other])) - _Q * edits
            if len(sets[current] & sets[other]) < needed:
                continue
            ratio = _ratio(prompts[current], prompts[other], threshold)
            if ratio is not None and (best is None or ratio > best[1]):
                best = (other, ratio)
        if best is not None:
            found[current] = best
    return found


def _ratio(a: list[int], b: list[int], threshold: float) -> float | None:
    """difflib's ratio of two word lists when it reaches `threshold`, else None (cheaply)."""
    if 2 * min(len(a), len(b)) < threshold * (len(a) + len(b)):
        return None
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < threshold:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= threshold else None
