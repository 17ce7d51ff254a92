"""quizapp.core.study."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.study.exam import ExamSession
    from quizapp.core.study.flashcards import CardBack, FlashcardSession
    from quizapp.core.study.items import Mode, StudyError, StudyItem, topic_of
    from quizapp.core.study.practice import PracticeSession
    from quizapp.core.study.presenting import (
        AnswerRecord,
        Clock,
        Presented,
        SessionError,
        correct_answer_text,
    )
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
    "FlashcardSession",
    "Mode",
    "PracticeSession",
    "Presented",
    "QuestionResult",
    "SessionConfig",
    "SessionError",
    "SessionReport",
    "StudyError",
    "StudyItem",
    "TopicScore",
    "available_tags",
    "available_topics",
    "correct_answer_text",
    "exam_defaults",
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
        "FlashcardSession": "flashcards",
        "Mode": "items",
        "PracticeSession": "practice",
        "Presented": "presenting",
        "QuestionResult": "report",
        "Session": "selection",
        "SessionConfig": "selection",
        "SessionError": "presenting",
        "SessionReport": "report",
        "StudyError": "items",
        "StudyItem": "items",
        "TopicScore": "report",
        "available_tags": "selection",
        "available_topics": "selection",
        "correct_answer_text": "presenting",
        "exam_defaults": "selection",
        "retry_mistakes": "selection",
        "select_items": "selection",
        "start_session": "selection",
        "topic_of": "items",
    },
)
