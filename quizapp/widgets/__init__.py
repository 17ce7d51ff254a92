"""Reusable widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.widgets.answers.area import AnswerArea
    from quizapp.widgets.answers.confidence import ConfidencePrompt
    from quizapp.widgets.answers.feedback import (
        VERDICTS,
        FeedbackPanel,
        MisconceptionPanel,
        percent,
    )
    from quizapp.widgets.answers.marks import (
        OUTCOME_MARKS,
        feedback_lines,
        part_lines,
        references,
    )
    from quizapp.widgets.answers.question_view import QuestionView
    from quizapp.widgets.answers.review import (
        AnswerComparison,
        ChoiceReview,
        ConfidentlyWrong,
        answer_text,
        confidence_text,
        correct_text,
    )
    from quizapp.widgets.answers.typed import cloze_prompt, prompt_line
    from quizapp.widgets.aside_list import AsideDialog, aside_line
    from quizapp.widgets.bank_list import BankList, bank_details, bank_row, home_header, no_banks
    from quizapp.widgets.charts import Chart, accuracy_chart, count_chart, day_label
    from quizapp.widgets.confirm import ConfirmModal
    from quizapp.widgets.exam.bar import ExamBar
    from quizapp.widgets.exam.body import ExamBody
    from quizapp.widgets.exam.header import ExamHeader, exam_states
    from quizapp.widgets.exam.navigator import (
        NavigatorDialog,
        QuestionStrip,
        leave_dialog,
        submit_dialog,
    )
    from quizapp.widgets.exam.resume import ResumeDialog
    from quizapp.widgets.footer import Footer
    from quizapp.widgets.loading_bar import LoadingBar
    from quizapp.widgets.results_parts import (
        CalibrationTable,
        CountsLine,
        cbm_line,
        duration,
        score_line,
        self_grades_line,
        stopped_early,
    )
    from quizapp.widgets.review_choice import REVIEW_FORMS, ReviewChoice
    from quizapp.widgets.setup_form import MODES, SetupForm, mode_name
    from quizapp.widgets.topic_bars import TopicBars

__all__ = [
    "AnswerArea",
    "AnswerComparison",
    "AsideDialog",
    "BankList",
    "CalibrationTable",
    "Chart",
    "ChoiceReview",
    "ConfidencePrompt",
    "ConfidentlyWrong",
    "ConfirmModal",
    "CountsLine",
    "ExamBar",
    "ExamBody",
    "ExamHeader",
    "FeedbackPanel",
    "Footer",
    "LoadingBar",
    "MODES",
    "MisconceptionPanel",
    "NavigatorDialog",
    "OUTCOME_MARKS",
    "QuestionStrip",
    "QuestionView",
    "REVIEW_FORMS",
    "ResumeDialog",
    "ReviewChoice",
    "SetupForm",
    "TopicBars",
    "VERDICTS",
    "accuracy_chart",
    "answer_text",
    "aside_line",
    "bank_details",
    "bank_row",
    "cbm_line",
    "cloze_prompt",
    "confidence_text",
    "correct_text",
    "count_chart",
    "day_label",
    "duration",
    "exam_states",
    "feedback_lines",
    "home_header",
    "leave_dialog",
    "mode_name",
    "no_banks",
    "part_lines",
    "percent",
    "prompt_line",
    "references",
    "score_line",
    "self_grades_line",
    "stopped_early",
    "submit_dialog",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "AnswerArea": "answers.area",
        "AnswerComparison": "answers.review",
        "AsideDialog": "aside_list",
        "BankList": "bank_list",
        "CalibrationTable": "results_parts",
        "Chart": "charts",
        "ChoiceReview": "answers.review",
        "ConfidencePrompt": "answers.confidence",
        "ConfidentlyWrong": "answers.review",
        "ConfirmModal": "confirm",
        "CountsLine": "results_parts",
        "ExamBar": "exam.bar",
        "ExamBody": "exam.body",
        "ExamHeader": "exam.header",
        "FeedbackPanel": "answers.feedback",
        "Footer": "footer",
        "LoadingBar": "loading_bar",
        "MODES": "setup_form",
        "MisconceptionPanel": "answers.feedback",
        "NavigatorDialog": "exam.navigator",
        "OUTCOME_MARKS": "answers.marks",
        "QuestionStrip": "exam.navigator",
        "QuestionView": "answers.question_view",
        "REVIEW_FORMS": "review_choice",
        "ResumeDialog": "exam.resume",
        "ReviewChoice": "review_choice",
        "SetupForm": "setup_form",
        "TopicBars": "topic_bars",
        "VERDICTS": "answers.feedback",
        "accuracy_chart": "charts",
        "answer_text": "answers.review",
        "aside_line": "aside_list",
        "bank_details": "bank_list",
        "bank_row": "bank_list",
        "cbm_line": "results_parts",
        "cloze_prompt": "answers.typed",
        "confidence_text": "answers.review",
        "correct_text": "answers.review",
        "count_chart": "charts",
        "day_label": "charts",
        "duration": "results_parts",
        "exam_states": "exam.header",
        "feedback_lines": "answers.marks",
        "home_header": "bank_list",
        "leave_dialog": "exam.navigator",
        "mode_name": "setup_form",
        "no_banks": "bank_list",
        "part_lines": "answers.marks",
        "percent": "answers.feedback",
        "prompt_line": "answers.typed",
        "references": "answers.marks",
        "score_line": "results_parts",
        "self_grades_line": "results_parts",
        "stopped_early": "results_parts",
        "submit_dialog": "exam.navigator",
    },
)
