"""The rules of quizapp, free of any user interface: model, loading, scoring, sessions.

Nothing in this package may import Textual (a test enforces it), so the CLI, the app and the tests
all drive the same code.
"""
