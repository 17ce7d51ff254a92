"""quizapp.core.progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.progress.appender import ResultsAppender
    from quizapp.core.progress.days import DayAccuracy, DayCount, local_day
    from quizapp.core.progress.export import (
        COLUMNS,
        EXPORT_FORMATS,
        RESULTS_FORMAT,
        export_answers,
        export_fields,
    )
    from quizapp.core.progress.figures import BankProgress
    from quizapp.core.progress.outlook import StorePlanner
    from quizapp.core.progress.overcoming import OVERCOME_DAYS, Standing, Touch, standing
    from quizapp.core.progress.recorder import (
        DEFAULT_NEW_LIMIT,
        REVIEW_AS,
        Recorder,
        SessionLog,
        utc_now,
    )
    from quizapp.core.progress.shelf import SESSION_NAMES, Counted, Shelf
    from quizapp.core.progress.storage.aside import Aside, AsideCard
    from quizapp.core.progress.storage.codec import content_hash, response_from_json
    from quizapp.core.progress.storage.drafts import (
        ResumedExam,
        draft_hashes,
        draft_json,
        read_draft,
        resume_draft,
        waiting_exam,
    )
    from quizapp.core.progress.storage.store import (
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
    "Aside",
    "AsideCard",
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
    "OVERCOME_DAYS",
    "Overview",
    "RESULTS_FORMAT",
    "REVIEW_AS",
    "Recorder",
    "ResumedExam",
    "ResultsAppender",
    "SESSION_NAMES",
    "STORE_FILE",
    "SessionLog",
    "Shelf",
    "Standing",
    "Store",
    "StoreError",
    "StorePlanner",
    "Touch",
    "StoreOpening",
    "bank_report",
    "content_hash",
    "default_data_dir",
    "draft_hashes",
    "draft_json",
    "export_answers",
    "export_fields",
    "held_with_text",
    "local_day",
    "open_memory_store",
    "open_store",
    "overview",
    "read_draft",
    "response_from_json",
    "resume_draft",
    "review_session",
    "standing",
    "target_session",
    "utc_now",
    "waiting_exam",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "ACCURACY_DAYS": "views",
        "Aside": "storage.aside",
        "AsideCard": "storage.aside",
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
        "OVERCOME_DAYS": "overcoming",
        "Overview": "views",
        "RESULTS_FORMAT": "export",
        "REVIEW_AS": "recorder",
        "Recorder": "recorder",
        "ResumedExam": "storage.drafts",
        "ResultsAppender": "appender",
        "SESSION_NAMES": "shelf",
        "STORE_FILE": "storage.store",
        "SessionLog": "recorder",
        "Shelf": "shelf",
        "Standing": "overcoming",
        "Store": "storage.store",
        "StoreError": "storage.store",
        "StorePlanner": "outlook",
        "Touch": "overcoming",
        "StoreOpening": "storage.store",
        "bank_report": "views",
        "content_hash": "storage.codec",
        "default_data_dir": "storage.store",
        "draft_hashes": "storage.drafts",
        "draft_json": "storage.drafts",
        "export_answers": "export",
        "export_fields": "export",
        "held_with_text": "views",
        "local_day": "days",
        "open_memory_store": "storage.store",
        "open_store": "storage.store",
        "overview": "views",
        "read_draft": "storage.drafts",
        "response_from_json": "storage.codec",
        "resume_draft": "storage.drafts",
        "review_session": "views",
        "standing": "overcoming",
        "target_session": "views",
        "utc_now": "recorder",
        "waiting_exam": "storage.drafts",
    },
)
