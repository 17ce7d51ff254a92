"""quizapp: a terminal exam-prep quiz and flashcard app that explains misconceptions."""

__version__ = "0.1.0"
