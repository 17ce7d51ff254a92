"""Reading results files for item analysis: finding them, telling their format, checking every
row (by DuckDB's own readers, or line by line in Python for a file with bad rows) and naming each
bad one by file and line. Part of `quizapp.core.stats`, whose face the other rooms use."""
