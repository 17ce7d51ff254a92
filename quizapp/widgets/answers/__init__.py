"""The answer widgets: one per kind of answer (choices, typed text and numbers, gaps, pairs, an
order, a flashcard's grade), the question view that holds one, and the feedback and review of an
answer. Part of `quizapp.widgets`, whose face the screens import them from."""
