"""quizapp.core.study."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.study.exam import ExamSession
    from quizapp.core.study.exam_state import ExamStanding
    from quizapp.core.study.flashcards import (
        CardBack,
        FlashcardSession,
        Planner,
        Undone,
        hides_choices,
    )
    from quizapp.core.study.items import Mode, StudyError, StudyItem, topic_of
    from quizapp.core.study.practice import PracticeSession
    from quizapp.core.study.presenting import (
        AnswerRecord,
        Clock,
        Presented,
        SessionError,
        correct_answer_text,
        present,
    )
    from quizapp.core.study.queue import Outlook, interval_text
    from quizapp.core.study.report import QuestionResult, SessionReport, TopicScore
    from quizapp.core.study.selection import (
        DEFAULT_PASS_MARK,
        Session,
        SessionConfig,
        available_tags,
        available_topics,
        exam_defaults,
        retry_mistakes,
        select_items,
        start_session,
    )

__all__ = [
    "Session",
    "AnswerRecord",
    "CardBack",
    "Clock",
    "DEFAULT_PASS_MARK",
    "ExamSession",
    "ExamStanding",
    "FlashcardSession",
    "Mode",
    "Outlook",
    "PracticeSession",
    "Planner",
    "Presented",
    "QuestionResult",
    "SessionConfig",
    "SessionError",
    "SessionReport",
    "StudyError",
    "StudyItem",
    "TopicScore",
    "Undone",
    "available_tags",
    "available_topics",
    "correct_answer_text",
    "exam_defaults",
    "hides_choices",
    "interval_text",
    "present",
    "retry_mistakes",
    "select_items",
    "start_session",
    "topic_of",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "AnswerRecord": "presenting",
        "CardBack": "flashcards",
        "Clock": "presenting",
        "DEFAULT_PASS_MARK": "selection",
        "ExamSession": "exam",
        "ExamStanding": "exam_state",
        "FlashcardSession": "flashcards",
        "Mode": "items",
        "Outlook": "queue",
        "PracticeSession": "practice",
        "Planner": "flashcards",
        "Presented": "presenting",
        "QuestionResult": "report",
        "Session": "selection",
        "SessionConfig": "selection",
        "SessionError": "presenting",
        "SessionReport": "report",
        "StudyError": "items",
        "StudyItem": "items",
        "TopicScore": "report",
        "Undone": "flashcards",
        "available_tags": "selection",
        "available_topics": "selection",
        "correct_answer_text": "presenting",
        "exam_defaults": "selection",
        "hides_choices": "flashcards",
        "interval_text": "queue",
        "present": "presenting",
        "retry_mistakes": "selection",
        "select_items": "selection",
        "start_session": "selection",
        "topic_of": "items",
    },
)
