"""Which id and title an imported bank gets, so that it never passes for a bundled bank.

The title comes from the source where it has one (a GIFT `$CATEGORY` or the header quizapp's own
export writes, an Anki deck, a CSV `#deck:` header, the top category of a Moodle XML file), else
from the file name. The id comes from the header quizapp's export writes, else from the file
name; an id that a bundled bank already has gets `-imported` added, so importing
`probation-confidentiality.gift` does not make a second bank that the app takes for the bundled
one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.bank import ID_RE, bundled_banks_dir
from quizapp.core.formats.common import Note, bank_id_for, title_for
from quizapp.core.visible import CONTROLS

#: What is added to an id a bundled bank already has.
SUFFIX = "-imported"
_ID_LINE = re.compile(r"^id:[ \t]*['\"]?([A-Za-z0-9_.-]+)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


@lru_cache(maxsize=1)
def bundled_ids() -> frozenset[str]:
    """The ids of the banks that ship with quizapp (their `id:`, else their file name)."""
    ids: set[str] = set()
    for path in sorted(bundled_banks_dir().glob("*.y*ml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found = _ID_LINE.search(text)
        ids.add(found.group(1) if found else path.stem)
    return frozenset(ids)


def identity(path: str, title: str = "", given_id: str = "") -> tuple[str, str, list[Note]]:
    """(id, title, notes) for a bank imported from `path`.

    `title` and `given_id` are what the source says, '' when it says nothing.
    """
    notes: list[Note] = []
    # A title taken from a file name may hold what a bank may not: its control characters go.
    bank_title = " ".join(CONTROLS.sub("", title).split()) or title_for(path)
    bank_id = given_id if given_id and ID_RE.match(given_id) else bank_id_for(path)
    if bank_id in bundled_ids():
        taken = bank_id
        bank_id = f"{taken}{SUFFIX}"
        message = f"the id '{taken}' is taken by a bank that ships with quizapp: using '{bank_id}'"
        notes.append(Note(0, message))
    return bank_id, bank_title, notes
