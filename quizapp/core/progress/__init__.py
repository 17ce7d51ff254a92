"""quizapp.core.progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.progress.appender import ResultsAppender
    from quizapp.core.progress.codec import content_hash, response_from_json
    from quizapp.core.progress.days import DayAccuracy, DayCount, local_day
    from quizapp.core.progress.export import COLUMNS, EXPORT_FORMATS, RESULTS_FORMAT, export_answers
    from quizapp.core.progress.figures import BankProgress
    from quizapp.core.progress.recorder import DEFAULT_NEW_LIMIT, Recorder, SessionLog, utc_now
    from quizapp.core.progress.shelf import SESSION_NAMES, Counted, Shelf
    from quizapp.core.progress.store import (
        STORE_FILE,
        Store,
        StoreError,
        StoreOpening,
        default_data_dir,
        open_memory_store,
        open_store,
    )
    from quizapp.core.progress.views import (
        ACCURACY_DAYS,
        FORECAST_DAYS,
        BankReport,
        HeldMisconception,
        Overview,
        bank_report,
        held_with_text,
        overview,
        review_session,
        target_session,
    )

__all__ = [
    "ACCURACY_DAYS",
    "BankProgress",
    "BankReport",
    "COLUMNS",
    "Counted",
    "DEFAULT_NEW_LIMIT",
    "DayAccuracy",
    "DayCount",
    "EXPORT_FORMATS",
    "FORECAST_DAYS",
    "HeldMisconception",
    "Overview",
    "RESULTS_FORMAT",
    "Recorder",
    "ResultsAppender",
    "SESSION_NAMES",
    "STORE_FILE",
    "SessionLog",
    "Shelf",
    "Store",
    "StoreError",
    "StoreOpening",
    "bank_report",
    "content_hash",
    "default_data_dir",
    "export_answers",
    "held_with_text",
    "local_day",
    "open_memory_store",
    "open_store",
    "overview",
    "response_from_json",
    "review_session",
    "target_session",
    "utc_now",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "ACCURACY_DAYS": "views",
        "BankProgress": "figures",
        "BankReport": "views",
        "COLUMNS": "export",
        "Counted": "shelf",
        "DEFAULT_NEW_LIMIT": "recorder",
        "DayAccuracy": "days",
        "DayCount": "days",
        "EXPORT_FORMATS": "export",
        "FORECAST_DAYS": "views",
        "HeldMisconception": "views",
        "Overview": "views",
        "RESULTS_FORMAT": "export",
        "Recorder": "recorder",
        "ResultsAppender": "appender",
        "SESSION_NAMES": "shelf",
        "STORE_FILE": "store",
        "SessionLog": "recorder",
        "Shelf": "shelf",
        "Store": "store",
        "StoreError": "store",
        "StoreOpening": "store",
        "bank_report": "views",
        "content_hash": "codec",
        "default_data_dir": "store",
        "export_answers": "export",
        "held_with_text": "views",
        "local_day": "days",
        "open_memory_store": "store",
        "open_store": "store",
        "overview": "views",
        "response_from_json": "codec",
        "review_session": "views",
        "target_session": "views",
        "utc_now": "recorder",
    },
)
