"""Writing item analysis out: the 80-column table, JSON, CSV and Parquet, and the gradebook.
Part of `quizapp.core.stats`, whose face the other rooms use."""
