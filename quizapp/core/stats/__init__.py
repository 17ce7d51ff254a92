"""quizapp.core.stats."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.stats.analysis import analyse, analyse_loaded, prepare
    from quizapp.core.stats.engine import (
        MEMORY_SHARE,
        Connection,
        connect,
        default_memory_limit,
        parse_memory_limit,
    )
    from quizapp.core.stats.grades import Gradebook, gradebook, read_identities
    from quizapp.core.stats.inputs.files import RESULTS_SUFFIXES, find_results_files, read_all
    from quizapp.core.stats.inputs.ingest import load_files, load_rows
    from quizapp.core.stats.load import load_banks, local_analysis
    from quizapp.core.stats.model import (
        DEFAULT_MIN_STUDENTS,
        ChoiceStat,
        Flag,
        ItemAnalysis,
        QuestionStat,
    )
    from quizapp.core.stats.outputs.export import write_csv, write_json, write_parquet
    from quizapp.core.stats.outputs.gradebook import (
        render_grades,
        write_grades_csv,
        write_grades_json,
        write_grades_parquet,
        write_moodle_csv,
    )
    from quizapp.core.stats.outputs.parquet import write_results_parquet
    from quizapp.core.stats.outputs.table import (
        discrimination_text,
        escaped,
        one_line,
        render_table,
    )
    from quizapp.core.stats.rows import ResultRow, rows_from_store

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
_HOMES = {
    "ChoiceStat": "model",
    "Connection": "engine",
    "DEFAULT_MIN_STUDENTS": "model",
    "Flag": "model",
    "Gradebook": "grades",
    "ItemAnalysis": "model",
    "MEMORY_SHARE": "engine",
    "QuestionStat": "model",
    "RESULTS_SUFFIXES": "inputs.files",
    "ResultRow": "rows",
    "analyse": "analysis",
    "analyse_loaded": "analysis",
    "connect": "engine",
    "default_memory_limit": "engine",
    "discrimination_text": "outputs.table",
    "escaped": "outputs.table",
    "find_results_files": "inputs.files",
    "gradebook": "grades",
    "load_banks": "load",
    "load_files": "inputs.ingest",
    "load_rows": "inputs.ingest",
    "local_analysis": "load",
    "one_line": "outputs.table",
    "parse_memory_limit": "engine",
    "prepare": "analysis",
    "read_all": "inputs.files",
    "read_identities": "grades",
    "render_grades": "outputs.gradebook",
    "render_table": "outputs.table",
    "rows_from_store": "rows",
    "write_csv": "outputs.export",
    "write_grades_csv": "outputs.gradebook",
    "write_grades_json": "outputs.gradebook",
    "write_grades_parquet": "outputs.gradebook",
    "write_json": "outputs.export",
    "write_moodle_csv": "outputs.gradebook",
    "write_parquet": "outputs.export",
    "write_results_parquet": "outputs.parquet",
}

__all__ = [
    "ChoiceStat",
    "Connection",
    "DEFAULT_MIN_STUDENTS",
    "Flag",
    "Gradebook",
    "ItemAnalysis",
    "MEMORY_SHARE",
    "QuestionStat",
    "RESULTS_SUFFIXES",
    "ResultRow",
    "analyse",
    "analyse_loaded",
    "connect",
    "default_memory_limit",
    "discrimination_text",
    "escaped",
    "find_results_files",
    "gradebook",
    "load_banks",
    "load_files",
    "load_rows",
    "local_analysis",
    "one_line",
    "parse_memory_limit",
    "prepare",
    "read_all",
    "read_identities",
    "render_grades",
    "render_table",
    "rows_from_store",
    "write_csv",
    "write_grades_csv",
    "write_grades_json",
    "write_grades_parquet",
    "write_json",
    "write_moodle_csv",
    "write_parquet",
    "write_results_parquet",
]

__getattr__ = lazy_names(__name__, _HOMES)
