"""The mock exam's widgets: its header with the clock, the question strip and list, the question
body and the status bar. Part of `quizapp.widgets`, whose face the screens import them from."""
