"""Weights written as percents that the bank loader reads back to exactly the same fractions.

The model keeps weights as fractions (0.5); the YAML format writes percents (`weight: 50`), which
the loader divides by 100 and, for a `multiple` question, scales so that the positive weights add
up to exactly full marks. Writing `fraction * 100` naively would come back a hair apart
(0.33333333333333326 for 33.333%), and an imported bank would not equal its own YAML.
"""

from __future__ import annotations

import math

from quizapp.core.bank import WEIGHT_SUM_SLACK, weight_from_percent


def percent(fraction: float) -> float | int:
    """`fraction` in percent, as short as it can be written and still read back exactly."""
    target = fraction * 100
    for digits in range(17):
        candidate = round(target, digits)
        if weight_from_percent(candidate) == fraction:
            return int(candidate) if candidate.is_integer() else candidate
    for direction in (math.inf, -math.inf):
        candidate = target
        for _ in range(8):
            candidate = math.nextafter(candidate, direction)
            if weight_from_percent(candidate) == fraction:
                return candidate
    return target


def multiple_percents(weights: list[float]) -> list[float | int] | None:
    """Percents for a weighted `multiple` question that the loader turns back into `weights`.

    The loader scales the positive weights so that they add up to exactly full marks; written as
    plain percents, weights that add up to 1 only within rounding would come back a hair apart.
    None when no such percents are found.
    """
    # Most weights were written with a few decimals and scaled by the loader: find those first.
    for digits in range(13):
        written = [round(w * 100, digits) / 100 if w > 0 else w for w in weights]
        if _loaded(written) == weights:
            return [percent(f) for f in written]
    scales, up, down = [1.0], 1.0, 1.0
    for _ in range(8):
        up, down = math.nextafter(up, math.inf), math.nextafter(down, -math.inf)
        scales += [up, down]
    for scale in scales:
        fractions = [w if w <= 0 else _unscaled(w, scale) for w in weights]
        if _loaded(fractions) == weights:
            return [percent(f) for f in fractions]
    return None


def _unscaled(weight: float, scale: float) -> float:
    """A fraction that the loader's scaling by `scale` turns into `weight` (nearest otherwise)."""
    guess = weight / scale
    for candidate in (guess, math.nextafter(guess, 0.0), math.nextafter(guess, 2.0)):
        if candidate * scale == weight:
            return candidate
    return guess


def _loaded(fractions: list[float]) -> list[float]:
    """What the loader makes of a weighted multiple question's weights (`bank.parts.choices`)."""
    read = [weight_from_percent(percent(f)) for f in fractions]
    total = sum(w for w in read if w > 0) * 100
    if abs(total - 100) > WEIGHT_SUM_SLACK:
        return []  # the loader would refuse these
    scale = 100 / total
    return [w * scale if w > 0 else w for w in read]
