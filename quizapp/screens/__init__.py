"""The app's screens, one per module. None imports another: each is done when it says so
(`quizapp.messages`, or `dismiss`), and the app decides what comes next (`quizapp.flow`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.screens.exam import ExamScreen
    from quizapp.screens.flashcards import FlashcardScreen
    from quizapp.screens.help import SKIPPED_ACTIONS, HelpScreen
    from quizapp.screens.home import HomeScreen
    from quizapp.screens.instructor import InstructorScreen
    from quizapp.screens.progress import ProgressScreen
    from quizapp.screens.quiz import QuizScreen
    from quizapp.screens.results import ResultsScreen
    from quizapp.screens.review import ReviewScreen
    from quizapp.screens.setup import SetupScreen
    from quizapp.screens.signin import SignIn, SignInScreen

__all__ = [
    "ExamScreen",
    "FlashcardScreen",
    "HelpScreen",
    "HomeScreen",
    "InstructorScreen",
    "ProgressScreen",
    "QuizScreen",
    "ResultsScreen",
    "ReviewScreen",
    "SKIPPED_ACTIONS",
    "SetupScreen",
    "SignIn",
    "SignInScreen",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "ExamScreen": "exam",
        "FlashcardScreen": "flashcards",
        "HelpScreen": "help",
        "HomeScreen": "home",
        "InstructorScreen": "instructor",
        "ProgressScreen": "progress",
        "QuizScreen": "quiz",
        "ResultsScreen": "results",
        "ReviewScreen": "review",
        "SKIPPED_ACTIONS": "help",
        "SetupScreen": "setup",
        "SignIn": "signin",
        "SignInScreen": "signin",
    },
)
