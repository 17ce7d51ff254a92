"""quizapp.core.bank."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.bank.catalog import (
        BankCache,
        BankSummary,
        bundled_banks_dir,
        default_cache_dir,
        find_bank_files,
        read_bank,
        same_id,
        summarize,
        with_unique_ids,
    )
    from quizapp.core.bank.lintcodes import LINT_CODES
    from quizapp.core.bank.loader import load_bank
    from quizapp.core.bank.parts.fields import GAP_RE, ID_RE, WEIGHT_SUM_SLACK
    from quizapp.core.bank.parts.weights import snap_fraction, weight_from_percent
    from quizapp.core.bank.parts.yamlsafe import compose_yaml
    from quizapp.core.bank.problems import MAX_BANK_BYTES, LoadResult, Problem
    from quizapp.core.bank.schema import schema_json

__all__ = [
    "BankCache",
    "BankSummary",
    "GAP_RE",
    "ID_RE",
    "LINT_CODES",
    "LoadResult",
    "MAX_BANK_BYTES",
    "Problem",
    "WEIGHT_SUM_SLACK",
    "bundled_banks_dir",
    "compose_yaml",
    "default_cache_dir",
    "find_bank_files",
    "load_bank",
    "read_bank",
    "same_id",
    "schema_json",
    "snap_fraction",
    "summarize",
    "weight_from_percent",
    "with_unique_ids",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "BankCache": "catalog",
        "BankSummary": "catalog",
        "GAP_RE": "parts.fields",
        "ID_RE": "parts.fields",
        "LINT_CODES": "lintcodes",
        "LoadResult": "problems",
        "MAX_BANK_BYTES": "problems",
        "Problem": "problems",
        "WEIGHT_SUM_SLACK": "parts.fields",
        "bundled_banks_dir": "catalog",
        "compose_yaml": "parts.yamlsafe",
        "default_cache_dir": "catalog",
        "find_bank_files": "catalog",
        "load_bank": "loader",
        "read_bank": "catalog",
        "same_id": "catalog",
        "schema_json": "schema",
        "snap_fraction": "parts.weights",
        "summarize": "catalog",
        "weight_from_percent": "parts.weights",
        "with_unique_ids": "catalog",
    },
)
