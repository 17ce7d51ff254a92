"""No control characters in a bank's text: each one is a problem at its place, by code point.

A bank is shown in a terminal (see `quizapp.core.visible`). PyYAML's reader already refuses most
control characters written into the file as they are; what it lets through are the escapes of
double-quoted scalars (`"\\e[2J"`, `"\\x07"`, `"\\u202e"`) and the bidirectional controls, which
YAML counts as printable. So the parsed data is searched, but only when the file's text holds
something that could make one: most banks cost a single scan of their text.
"""

from __future__ import annotations

import re
from typing import Any

from quizapp.core.bank.parts.checks import Checker, Path
from quizapp.core.visible import CONTROL_ADVICE, CONTROLS, describe

__all__ = ["check_controls"]

#: An escape that YAML turns into a control character, or a bidirectional control as it is.
_MAY_HOLD = re.compile(r"\\[0abvfreNxuU]|[\u202a-\u202e\u2066-\u2069]")


def check_controls(checker: Checker, data: Any, text: str) -> None:
    """Add a problem for every string of `data` (keys too) that holds a control character."""
    if _MAY_HOLD.search(text) is None:
        return
    questions = data.get("questions") if type(data) is dict else None
    for path, at_key, value in _strings(data, ()):
        found = CONTROLS.search(value)
        if found is None:
            continue
        where = _label(path, questions)
        names = ", ".join(dict.fromkeys(describe(char) for char in CONTROLS.findall(value)))
        plural = "s" if "," in names else ""
        advice = CONTROL_ADVICE.replace(" it", " them") if plural else CONTROL_ADVICE
        checker.add(path, f"{where}control character{plural} {names}: {advice}", at_key)


def _strings(value: Any, path: Path) -> Any:
    """(path, whether it is a key, text) for every string below `value`."""
    if type(value) is str:
        yield path, False, value
    elif type(value) is dict:
        for key, item in value.items():
            if type(key) is str:
                yield (*path, key), True, key
            yield from _strings(item, (*path, key))
    elif type(value) is list:
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _label(path: Path, questions: Any) -> str:
    """`question 'q1': choice 2: `text`: `, `title: `: where in the bank, for the message."""
    parts = list(path)
    words: list[str] = []
    if len(parts) >= 2 and parts[0] == "questions" and type(parts[1]) is int:
        raw = questions[parts[1]] if type(questions) is list else None
        qid = raw.get("id") if type(raw) is dict else None
        words.append(f"question '{qid}'" if type(qid) is str else f"question {parts[1] + 1}")
        parts = parts[2:]
    elif len(parts) >= 2 and parts[0] == "misconceptions":
        words.append(f"misconception '{parts[1]}'")
        parts = parts[2:]
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else None
        if type(part) is int:
            continue  # named with the list before it: "choice 2"
        if type(following) is int:
            words.append(f"{str(part).removesuffix('s')} {following + 1}")
        else:
            words.append(f"`{part}`")
    where = CONTROLS.sub("?", ": ".join(words))
    return f"{where}: " if where else ""
