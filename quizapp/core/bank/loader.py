"""Loading and validating question banks: YAML text in, a frozen `Bank` or a list of problems out.

Bank files are untrusted input. They are read with PyYAML's safe loader only (libyaml's
`CSafeLoader` when available), refused beyond `MAX_BANK_BYTES`, refused when aliases would expand
them enormously, and never raise: every problem comes back as a `Problem` with the 1-based
line and column of the offending node, all problems of a file at once, as a compiler reports them.

Speed: the text is parsed once, straight into plain dicts and lists (with the garbage collector
paused), and the plain data is checked and turned into the model. Positions are worked out only
when there is something to report, by composing the text again and walking each problem's path.
"""

from __future__ import annotations

import bisect
import gc
import os
import stat
from collections.abc import Callable

from quizapp.core.bank.parts.aliases import may_define_anchors
from quizapp.core.bank.parts.checks import Checker, Issue
from quizapp.core.bank.parts.controls import check_controls
from quizapp.core.bank.parts.document import build_bank
from quizapp.core.bank.parts.locate import Locator
from quizapp.core.bank.parts.yamlsafe import Loaded, YamlFailure, load_yaml

# Re-exported: callers name them as the loader's.
from quizapp.core.bank.problems import MAX_BANK_BYTES, LoadResult, Problem
from quizapp.core.visible import visible

Progress = Callable[[float], None]
_BUG = "this is a bug in quizapp, please report it"


def parse_bank(
    data: bytes | str, path: str = "<bank>", *, progress: Progress | None = None
) -> LoadResult:
    """Validate bank text (`path` names it in problems and gives the default id); never raises.

    `progress`, when given, is called with 0..1 while the questions of a big bank are checked.
    """
    size = len(data)
    if isinstance(data, str) and size * 4 > MAX_BANK_BYTES:
        size = len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_BANK_BYTES:
        return _refused(path, _too_large(size))
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            return _refused(path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line})")
    else:
        text = data
    if text.startswith("\ufeff"):
        text = text[1:]
    paused = gc.isenabled()
    gc.disable()
    try:
        return _parse_text(text, path, progress)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, RecursionError) as exc:
        # A bug, not the user's fault: say so instead of crashing the app with a traceback.
        return _refused(path, f"could not check this bank ({type(exc).__name__}: {exc}); {_BUG}")
    finally:
        if paused:
            gc.enable()


def load_bank(path: str | os.PathLike[str], *, progress: Progress | None = None) -> LoadResult:
    """Read and validate the bank file at `path`; never raises for a missing or unreadable file."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            return _refused(name, "is a folder, not a bank file")
        if info.st_size > MAX_BANK_BYTES:
            return _refused(name, _too_large(info.st_size))
        with open(name, "rb") as handle:
            data = handle.read(MAX_BANK_BYTES + 1)
    except FileNotFoundError:
        return _refused(name, "no such file")
    except OSError as exc:
        return _refused(name, f"cannot read it: {exc.strerror or exc}")
    return parse_bank(data, name, progress=progress)


def _parse_text(text: str, path: str, progress: Progress | None) -> LoadResult:
    try:
        loaded = load_yaml(text, may_define_anchors(text))
    except YamlFailure as failure:
        problem = Problem(path, failure.line, failure.column, failure.message)
        return LoadResult(path, None, (problem,))
    checker = Checker()
    _report_duplicates(checker, loaded)
    lines = loaded.question_lines
    bank = build_bank(checker, loaded.data, _default_id(path), path, lines, progress)
    check_controls(checker, loaded.data, text)
    if bank is not None and not checker.issues:
        return LoadResult(path, bank, ())
    locator = Locator(text)
    problems = []
    for issue in checker.issues:
        line, column = issue.line, issue.column
        if not line and loaded.data is not None:
            line, column = locator.locate(issue.path, issue.at_key)
        problems.append(Problem(path, line, column, visible(issue.message)))
    problems.sort(key=lambda p: (p.line, p.column))
    return LoadResult(path, None, tuple(problems))


def _report_duplicates(checker: Checker, loaded: Loaded) -> None:
    """Turn the duplicate keys the loader noticed into issues that name their question."""
    for dup in loaded.duplicates:
        if dup.in_misconceptions:
            message = f"duplicate misconception '{dup.key}' (first at line {dup.first_line})"
        else:
            message = f"duplicate key '{dup.key}' (first at line {dup.first_line})"
            label = _question_label(loaded, dup.line, dup.column)
            if label:
                message = f"{label}: {message}"
        checker.issues.append(Issue((), message, line=dup.line, column=dup.column))


def _question_label(loaded: Loaded, line: int, column: int) -> str:
    index = bisect.bisect_right(loaded.question_lines, line) - 1
    if index < 0 or (line, column) >= loaded.question_ends[index]:
        return ""
    questions = loaded.data.get("questions") if type(loaded.data) is dict else None
    raw = questions[index] if type(questions) is list and index < len(questions) else None
    qid = raw.get("id") if type(raw) is dict else None
    return f"question '{qid}'" if type(qid) is str else f"question {index + 1}"


def _default_id(path: str) -> str:
    if path.startswith("<"):
        return "bank"
    stem, _ = os.path.splitext(os.path.basename(path))
    return stem or "bank"


def _refused(path: str, message: str) -> LoadResult:
    return LoadResult(path, None, (Problem(path, 0, 0, message),))


def _too_large(size: int) -> str:
    return f"too large: {_amount(size)} (the limit is {_amount(MAX_BANK_BYTES)})"


def _amount(size: int) -> str:
    mib = 1024 * 1024
    return f"{size / mib:.1f} MiB" if size >= mib else f"{size:,} bytes"
