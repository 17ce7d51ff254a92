"""quizapp.core.stats."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.stats.analysis import analyse
    from quizapp.core.stats.export import write_csv, write_json
    from quizapp.core.stats.files import RESULTS_SUFFIXES, find_results_files, read_all
    from quizapp.core.stats.load import load_banks, local_analysis
    from quizapp.core.stats.model import ChoiceStat, Flag, ItemAnalysis, QuestionStat
    from quizapp.core.stats.rows import ResultRow, rows_from_store
    from quizapp.core.stats.table import discrimination_text, one_line, render_table

__all__ = [
    "ChoiceStat",
    "Flag",
    "ItemAnalysis",
    "QuestionStat",
    "RESULTS_SUFFIXES",
    "ResultRow",
    "analyse",
    "discrimination_text",
    "find_results_files",
    "load_banks",
    "local_analysis",
    "one_line",
    "read_all",
    "render_table",
    "rows_from_store",
    "write_csv",
    "write_json",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "ChoiceStat": "model",
        "Flag": "model",
        "ItemAnalysis": "model",
        "QuestionStat": "model",
        "RESULTS_SUFFIXES": "files",
        "ResultRow": "rows",
        "analyse": "analysis",
        "discrimination_text": "table",
        "find_results_files": "files",
        "load_banks": "load",
        "local_analysis": "load",
        "one_line": "table",
        "read_all": "files",
        "render_table": "table",
        "rows_from_store": "rows",
        "write_csv": "export",
        "write_json": "export",
    },
)
