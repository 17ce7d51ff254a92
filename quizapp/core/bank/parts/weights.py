"""Weights written as percents, read as the fractions they stand for.

A weight is kept as a fraction (0.5) and written as a percent (`weight: 50`). Most fractions an
instructor means, a third or a sixth, have no percent that divides back to exactly that float:
`-33.33333333333333 / 100` is one float step away from `-1/3`. So a percent within a hair of a
simple fraction is read as that fraction. The bank loader and the GIFT importer both snap with
`snap_fraction`, each with its own tolerance.
"""

from __future__ import annotations

from bisect import bisect_left

#: The largest denominator of a "simple" fraction (thirds, sixths, sevenths... twelfths).
SIMPLE_DENOMINATOR = 12
#: Every k/n from -1 to 1 with n up to `SIMPLE_DENOMINATOR`, in order.
SIMPLE_FRACTIONS: tuple[float, ...] = tuple(
    sorted({k / n for n in range(1, SIMPLE_DENOMINATOR + 1) for k in range(-n, n + 1)})
)
#: How close the loader's `weight / 100` must be to a simple fraction to be read as it: far below
#: what anyone writes on purpose (33.3333333 is a third), far above a float's rounding.
LOADER_SNAP = 1e-9


def snap_fraction(fraction: float, within: float) -> float:
    """The simple fraction (k/n, n <= 12) less than `within` from `fraction`; else `fraction`."""
    index = bisect_left(SIMPLE_FRACTIONS, fraction)
    for exact in SIMPLE_FRACTIONS[max(index - 1, 0) : index + 1]:
        if abs(fraction - exact) < within:
            return exact
    return fraction


def weight_from_percent(percent: float) -> float:
    """The fraction a bank's `weight: <percent>` stands for, as the loader reads it."""
    fraction = float(percent) / 100.0
    snapped = snap_fraction(fraction, LOADER_SNAP)
    # Zero needs no snapping (`weight: 0` is exact): a tiny weight is meant as written.
    return snapped if snapped else fraction
