"""Import and export of foreign question formats: Moodle GIFT, Moodle XML, Aiken, CSV/TSV and Anki.

Each format lives in its own module of this package (`gift`, `moodlexml`, `aiken`, `csv`, `apkg`)
and defines:

- `NAME` (the name given to `--from`/`--to`), `EXTENSIONS` (lower-case, with the dot),
  `sniff(data) -> bool` (the content looks like it) and, optionally, `LABEL` (a human name such
  as "Moodle GIFT", shown by the command line);
- `import_bank(data, path) -> ImportResult`, raising `FormatError` only when nothing can be
  imported at all (not UTF-8, not this format, a corrupt archive); files the source embeds come
  back in `ImportResult.media`, and a format that has them says so with `CARRIES_MEDIA = True`;
- `export_bank(bank) -> ExportResult`, counting the questions it wrote.

What a format cannot carry over is never dropped silently: it comes back as a `Note` with the line
it was found on, for the command line to print as `file:line: message`. Neither notes nor
`FormatError` messages name the file: the caller does.

The modules are imported lazily by name, so a format whose module is missing or broken does not
stop the others from working: `format_named` reports it as a `FormatError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.formats.common import FormatError, MediaFile, Note
    from quizapp.core.formats.registry import FORMAT_NAMES, detect_format, format_named
    from quizapp.core.formats.yamlout import bank_to_yaml

__all__ = [
    "FORMAT_NAMES",
    "FormatError",
    "MediaFile",
    "Note",
    "bank_to_yaml",
    "detect_format",
    "format_named",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "FORMAT_NAMES": "registry",
        "FormatError": "common",
        "MediaFile": "common",
        "Note": "common",
        "bank_to_yaml": "yamlout",
        "detect_format": "registry",
        "format_named": "registry",
    },
)
