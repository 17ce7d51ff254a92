"""Gathering what item analysis needs on this machine: the banks, and the local store's answers.

Shared by `quizapp stats` and the instructor's screen, which runs `local_analysis` in a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizapp.core.bank import BankCache, find_bank_files
from quizapp.core.model import Bank
from quizapp.core.progress import STORE_FILE, Store, StoreError, open_store
from quizapp.core.stats.analysis import analyse
from quizapp.core.stats.model import ItemAnalysis
from quizapp.core.stats.rows import rows_from_store

__all__ = ["load_banks", "local_analysis"]


def load_banks(paths: Sequence[str | Path], cache: BankCache) -> tuple[dict[str, Bank], list[Path]]:
    """The valid banks in `paths` (files, or folders searched for them), by id, and the files
    that are not valid banks. Of two banks with one id the first wins; missing paths are skipped.
    """
    files, _missing = find_bank_files(paths)
    banks: dict[str, Bank] = {}
    invalid: list[Path] = []
    for file in files:
        result = cache.load(file)
        if result.bank is None or result.problems:
            invalid.append(file)
        else:
            banks.setdefault(result.bank.id, result.bank)
    return banks, invalid


def local_analysis(
    bank_paths: Sequence[str | Path],
    cache: BankCache,
    store: Store | None = None,
    data_dir: Path | None = None,
) -> ItemAnalysis | None:
    """The item analysis of the answers in `store`, else in the progress file of `data_dir`.

    None when there is neither (no progress saved yet). The store in `data_dir` is opened only
    to read, and closed again. Raises `StoreError` when the answers cannot be read.
    """
    banks, _invalid = load_banks(bank_paths, cache)
    if store is not None:
        return analyse(rows_from_store(store), banks)
    if data_dir is None or not (data_dir / STORE_FILE).is_file():
        return None
    opening = open_store(data_dir)
    with opening.store as opened:
        if opening.warning:
            raise StoreError(opening.warning)
        return analyse(rows_from_store(opened), banks)
