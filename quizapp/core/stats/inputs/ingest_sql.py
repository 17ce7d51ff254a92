"""The SQL that reads results files into the `raw` table, and checks every row as it goes.

Each reader gives the columns of the results format with the types JSON Lines has (texts, a
whole-number answer_id, a number score, the response as JSON, misconceptions as a list); then one
SELECT, the same for the three formats, reduces the response to its kind and picks and marks a
row `bad` by the rules of `fields`: a required text empty, an answer_id below
1, a time that is not ISO 8601, a score outside 0-1, an outcome other than right, partial or
wrong, a response that is not quizapp's tagged JSON.
"""

from __future__ import annotations

import json

__all__ = ["LINES", "RAW_COLUMNS", "bad_rows_sql", "select_sql", "setup_sql"]

RAW_COLUMNS = """
    src INTEGER, pos BIGINT, install_id VARCHAR, answer_id BIGINT, answered_at TIMESTAMPTZ,
    bank_id VARCHAR, question_id VARCHAR, content_hash VARCHAR, session_id VARCHAR, mode VARCHAR,
    kind VARCHAR, pick INTEGER, picks INTEGER[], score DOUBLE, misconceptions VARCHAR,
    seconds DOUBLE, bad BOOLEAN, rest DOUBLE
"""

#: The tag of a tagged-JSON response (codec.response_from_json), or 'bad' when it is not one.
#: DuckDB hands a JSON value over as compact text, so the common shapes are told by a pattern
#: and only the others are parsed.
_KIND_MACRO = r"""
CREATE OR REPLACE TEMP MACRO qa_kind(r) AS CASE
    WHEN r IS NULL THEN 'none'
    WHEN regexp_full_match(r, '\{"int":-?[0-9]+\}') THEN 'int'
    WHEN regexp_full_match(r, '\{"set":\[(-?[0-9]+(,-?[0-9]+)*)?\]\}') THEN 'set'
    WHEN r IN ('{"self_grade":1}', '{"self_grade":2}', '{"self_grade":3}',
        '{"self_grade":4}') THEN 'self_grade'
    WHEN regexp_full_match(r, '\{"str":"(?:[^"\\]|\\.)*"\}') THEN 'str'
    WHEN regexp_full_match(r, '\{"tuple":\[("(?:[^"\\]|\\.)*"(,"(?:[^"\\]|\\.)*")*)?\]\}')
        OR regexp_full_match(r, '\{"tuple":\[((null|-?[0-9]+)(,(null|-?[0-9]+))*)?\]\}')
        THEN 'tuple'
    WHEN NOT json_valid(r) OR json_type(r::JSON) <> 'OBJECT' THEN 'bad'
    WHEN json_keys(r::JSON) = ['str'] THEN
        CASE WHEN json_type(r::JSON, '$.str') = 'VARCHAR' THEN 'str' ELSE 'bad' END
    WHEN json_keys(r::JSON) = ['tuple'] THEN
        CASE WHEN json_type(r::JSON, '$.tuple') = 'ARRAY' AND (
            coalesce(list_bool_and(list_transform(json_extract(r::JSON, '$.tuple[*]'),
                lambda e: json_type(e) = 'VARCHAR')), true)
            OR coalesce(list_bool_and(list_transform(json_extract(r::JSON, '$.tuple[*]'),
                lambda e: json_type(e) IN ('NULL', 'BIGINT', 'UBIGINT'))), true))
        THEN 'tuple' ELSE 'bad' END
    ELSE 'bad'
END
"""

#: The choice an int response picked, and those of a set response (lists cost to keep: only
#: sets have one).
_PICKS_MACRO = """
CREATE OR REPLACE TEMP MACRO qa_pick(r, k) AS CASE WHEN k = 'int' THEN TRY_CAST(r[8:-2] AS INTEGER)
END;
CREATE OR REPLACE TEMP MACRO qa_picks(r, k) AS CASE WHEN k = 'set' THEN
    list_sort(list_distinct(TRY_CAST(r[8:-2] AS INTEGER[])))
END;
CREATE OR REPLACE TEMP MACRO qa_names(m) AS
    regexp_full_match(m, '\\[("[^"\\\\]*"(,"[^"\\\\]*")*)?\\]')
    OR (json_valid(m) AND json_type(m::JSON) = 'ARRAY'
        AND coalesce(list_bool_and(list_transform(json_extract(m::JSON, '$[*]'),
            lambda e: json_type(e) = 'VARCHAR')), true))
"""

#: Empty or white space only (as Python's `not text.strip()`, for the usual white space): only a
#: text that sorts before "!" can be, which spares trimming the others.
_BLANK = (
    "CASE WHEN {0} IS NULL THEN true WHEN {0} >= '!' THEN false "
    "ELSE trim({0}, E' \\t\\n\\r\\f\\v') = '' END"
)

#: The rules a good row keeps, each a condition that makes it bad.
_CHECKS = (
    *(_BLANK.format(name) for name in ("install_id", "bank_id", "question_id", "session_id")),
    "answer_id IS NULL OR answer_id < 1",
    "answered_at IS NULL",
    "content_hash IS NULL OR mode IS NULL",
    "score IS NULL OR isnan(score) OR isinf(score) OR score < 0 OR score > 1",
    "outcome IS NULL OR outcome NOT IN ('right', 'partial', 'wrong')",
    "misconceptions IS NULL OR (misconceptions <> '[]' AND NOT qa_names(misconceptions))",
    "broken",
    "kind = 'bad'",
)

_BAD = " OR ".join(f"({check})" for check in _CHECKS)

#: What DuckDB reads each field of a JSON Lines record as.
_JSON_TYPES = {
    "install_id": "VARCHAR",
    "answer_id": "BIGINT",
    "answered_at": "TIMESTAMPTZ",
    "bank_id": "VARCHAR",
    "question_id": "VARCHAR",
    "content_hash": "VARCHAR",
    "session_id": "VARCHAR",
    "mode": "VARCHAR",
    "response": "VARCHAR",
    "score": "DOUBLE",
    "outcome": "VARCHAR",
    "misconceptions": "JSON",
    "seconds": "DOUBLE",
}
_JSON_COLUMNS = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in _JSON_TYPES.items()) + "}"
_JSON_STRUCTURE = json.dumps(_JSON_TYPES, separators=(",", ":"))

#: A file's lines, numbered from 1 (blank ones too, as NULL or white space); no line can hold
#: the delimiter \x01 and be JSON, and one that does is cut there and is bad anyway.
LINES = """
    SELECT row_number() OVER () AS n, line FROM read_csv($1, columns = {'line': 'VARCHAR'},
        header = false, delim = E'\\x01', quote = '', escape = '', auto_detect = false,
        strict_mode = false, null_padding = true, max_line_size = 16777216)
"""

#: Each reader, giving the format's columns with JSON Lines' types and `broken` (a CSV response
#: that is not JSON), and the file each row came from.
_READERS = {
    "jsonl": f"""
        SELECT *, false AS broken FROM read_json($1, format = 'newline_delimited',
            columns = {_JSON_COLUMNS}, filename = true, maximum_object_size = 16777216)
    """,
    # One JSON Lines file ($1) line by line, each line's number kept (the slow way, for a file
    # DuckDB's JSON reader found a fault in: the bad lines can then be named).
    "jsonl_lines": f"""
        SELECT s.*, s IS NULL AS broken, $1 AS filename, n
        FROM (SELECT n, CASE WHEN json_valid(line) AND json_type(line::JSON) = 'OBJECT'
                THEN try(json_transform(line, '{_JSON_STRUCTURE}')) END AS s
            FROM ({LINES}) WHERE trim(coalesce(line, ''), E' \\t\\r\\f\\v') <> '')
    """,
    "csv": """
        SELECT install_id, TRY_CAST(trim(answer_id) AS BIGINT) AS answer_id,
            TRY_CAST(answered_at AS TIMESTAMPTZ) AS answered_at,
            bank_id, question_id, coalesce(content_hash, '') AS content_hash, session_id,
            coalesce(mode, '') AS mode,
            CASE WHEN coalesce(trim(response), '') = '' THEN NULL
                WHEN json_valid(trim(response)) THEN json(trim(response))::VARCHAR
                ELSE trim(response) END AS response,
            TRY_CAST(trim(score) AS DOUBLE) AS score, outcome,
            CASE WHEN trim(coalesce(misconceptions, '')) = '' THEN '[]' ELSE
                to_json(list_filter(string_split(trim(misconceptions), ';'), lambda m: m <> ''))
                ::VARCHAR END AS misconceptions,
            TRY_CAST(trim(seconds) AS DOUBLE) AS seconds,
            coalesce(trim(response), '') <> '' AND NOT json_valid(trim(response)) AS broken,
            filename
        FROM read_csv($1, header = true, all_varchar = true, auto_detect = false, delim = ',',
            quote = '"', escape = '"', union_by_name = true, filename = true,
            strict_mode = true, null_padding = false)
    """,
    "parquet": """
        SELECT install_id::VARCHAR AS install_id, TRY_CAST(answer_id AS BIGINT) AS answer_id,
            TRY_CAST(answered_at::VARCHAR AS TIMESTAMPTZ) AS answered_at,
            bank_id::VARCHAR AS bank_id,
            question_id::VARCHAR AS question_id, content_hash::VARCHAR AS content_hash,
            session_id::VARCHAR AS session_id, mode::VARCHAR AS mode,
            CASE WHEN json_valid(response::VARCHAR) THEN json(response::VARCHAR)::VARCHAR
                ELSE response::VARCHAR END AS response, TRY_CAST(score AS DOUBLE) AS score,
            outcome::VARCHAR AS outcome,
            CASE WHEN len(TRY_CAST(misconceptions AS VARCHAR[])) = 0 THEN '[]'
                ELSE to_json(TRY_CAST(misconceptions AS VARCHAR[]))::VARCHAR END AS misconceptions,
            TRY_CAST(seconds AS DOUBLE) AS seconds,
            response IS NOT NULL AND NOT json_valid(response::VARCHAR) AS broken,
            filename, file_row_number
        FROM read_parquet($1, union_by_name = true, filename = true, file_row_number = true)
    """,
}


def setup_sql(columns: str) -> list[str]:
    """The statements that create `raw` and the reading macros."""
    return [f"CREATE TABLE raw ({columns})", _KIND_MACRO, *_PICKS_MACRO.split(";")]


def _checked(fmt: str) -> str:
    return f"""
        SELECT *, qa_kind(response) AS kind FROM ({_READERS[fmt]}) AS typed
    """


def select_sql(fmt: str) -> str:
    """The SELECT that gives `raw`'s columns for every row of the files in $1 (a list); $2
    lists each file's source number. For "jsonl_lines", $1 is one file and $2 its number, and
    each row's position is its line."""
    where = "$2, n" if fmt == "jsonl_lines" else "$2[list_position($1, filename)], 0"
    return f"""
        SELECT {where}, install_id, answer_id, answered_at, bank_id,
            question_id, content_hash, session_id, mode, kind, qa_pick(response, kind),
            qa_picks(response, kind), score, nullif(misconceptions::VARCHAR, '[]'), seconds,
            coalesce({_BAD}, true) AS bad, NULL
        FROM ({_checked(fmt)}) AS c
    """


def bad_rows_sql() -> str:
    """The bad rows of the Parquet file $1, with their row numbers (from 1) and fields as text."""
    return f"""
        SELECT file_row_number + 1, install_id, answer_id::VARCHAR, answered_at::VARCHAR, bank_id,
            question_id, content_hash, session_id, mode, response::VARCHAR, score::VARCHAR,
            outcome, misconceptions::VARCHAR
        FROM ({_checked("parquet")}) AS c
        WHERE coalesce({_BAD}, true)
        ORDER BY file_row_number
    """
