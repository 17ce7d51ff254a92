"""The progress store on disk: the SQLite file (its tables and migrations, checkpoints), the rows
an answer writes and reads back, the codec of responses, and what can be taken back or set aside
(undo, suspended and buried cards, mock exams kept for resuming). Part of `quizapp.core.progress`,
whose face the other rooms use."""
