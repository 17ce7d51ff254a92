"""`quizapp import` and `quizapp export`: banks from and to Moodle GIFT and XML, Aiken, CSV/TSV and
Anki.

Textual-free. Import detects the format (extension, then content) unless `--from` names it,
writes the bank as hand-editable YAML, prints what was not carried over as `file:line: message`,
then validates the file it wrote. Export loads a bank with the validator and writes it in the
format `--to` names. Neither overwrites a file unless `--force` is given.

Exit status: 0 done, 1 nothing could be imported or exported (or the bank is invalid), 2 a usage
error (no such file, a file that would be overwritten, a format that cannot be told).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TextIO

from quizapp.cli.args import EXIT_FAILED, EXIT_OK, EXIT_USAGE, plural
from quizapp.core.formats import FORMAT_NAMES, FormatError, Note, detect_format, format_named

#: The formats `import --from` and `export --to` accept (`quizapp.core.formats.FORMAT_NAMES`).
FORMATS = ("gift", "aiken", "csv", "apkg", "moodlexml")
#: The extension an exported file gets when `-o` is not given.
EXPORT_EXTENSIONS = {
    "gift": ".gift",
    "aiken": ".txt",
    "csv": ".csv",
    "apkg": ".apkg",
    "moodlexml": ".xml",
}
#: Foreign files larger than this are refused (an Anki package with its media can be big).
MAX_IMPORT_BYTES = 512 * 1024 * 1024


def cmd_import(
    file: str,
    output: str | None,
    source_format: str | None,
    force: bool,
    out: TextIO,
    err: TextIO,
    media: str | None = None,
) -> int:
    """Import `file` into a YAML bank at `output` (default: the file's stem + .yaml, here).

    The files the source embeds (Moodle XML) are saved into the folder `media` when given.
    """
    target = Path(output) if output else Path(Path(file).stem + ".yaml")
    data = _read(file, err, "import")
    if data is None:
        return EXIT_USAGE
    if _same_file(target, Path(file)):
        print(f"quizapp import: {target} is the file being imported; give -o OTHER.yaml", file=err)
        return EXIT_USAGE
    if not force and target.exists():
        print(f"quizapp import: {target} exists; give -o OTHER.yaml or --force", file=err)
        return EXIT_USAGE
    name = source_format or detect_format(file, data)
    if name is None:
        known = "|".join(FORMAT_NAMES)
        print(f"quizapp import: cannot tell the format of {file}; give --from {known}", file=err)
        return EXIT_USAGE
    try:
        module = format_named(name)
        result = module.import_bank(data, file)
    except FormatError as exc:
        _print_notes(file, exc.notes, out)
        where = f"{file}:{exc.line}" if exc.line else file
        message = exc.message.removeprefix(f"{file}: ")
        print(f"quizapp import: {where}: {message}", file=err)
        other = None if source_format else detect_format("", data)
        if other is not None and other != name:
            print(f"quizapp import: it looks like {other}: try --from {other}", file=err)
        return EXIT_FAILED
    from quizapp.core.formats import bank_to_yaml

    try:
        _write(target, bank_to_yaml(result.bank).encode("utf-8"))
    except OSError as exc:
        print(f"quizapp import: cannot write {target}: {exc.strerror or exc}", file=err)
        return EXIT_FAILED
    _print_notes(file, result.notes, out)
    if getattr(module, "CARRIES_MEDIA", False):
        from quizapp.cli.media import save_media

        save_media(result.media, media, force, file, out)
    elif media is not None:
        print(f"{file}: --media: {_label(module)} files embed no files; nothing saved", file=out)
    count = len(result.bank.questions)
    summary = f"imported {plural(count, 'question')} from {file} ({_label(module)}) into {target}"
    if result.notes:
        summary += f"; {plural(len(result.notes), 'item')} not carried over (listed above)"
    print(summary, file=out)
    return _check_written(target, out, err)


def _check_written(target: Path, out: TextIO, err: TextIO) -> int:
    """Validate the bank just written, as `quizapp validate` would."""
    from quizapp.core.bank import load_bank

    loaded = load_bank(target)
    if loaded.problems:
        for problem in loaded.problems:
            print(problem, file=out)
        message = "the bank written does not validate; this is a bug in quizapp, please report it"
        print(f"quizapp import: {target}: {message}", file=err)
        return EXIT_FAILED
    print(f"{target} is a valid bank: open it with `quizapp {target}`", file=out)
    return EXIT_OK


def cmd_export(
    bank_path: str,
    target_format: str,
    output: str | None,
    force: bool,
    out: TextIO,
    err: TextIO,
) -> int:
    """Export the bank at `bank_path` to `target_format` (default file: its stem + extension)."""
    from quizapp.core.bank import load_bank

    extension = EXPORT_EXTENSIONS.get(target_format, f".{target_format}")
    target = Path(output) if output else Path(Path(bank_path).stem + extension)
    if not Path(bank_path).exists():
        print(f"quizapp export: no such file: {bank_path}", file=err)
        return EXIT_USAGE
    if _same_file(target, Path(bank_path)):
        print(f"quizapp export: {target} is the bank itself; give -o OTHER", file=err)
        return EXIT_USAGE
    if not force and target.exists():
        print(f"quizapp export: {target} exists; give -o OTHER or --force", file=err)
        return EXIT_USAGE
    loaded = load_bank(bank_path)
    if loaded.bank is None:
        for problem in loaded.problems:
            print(problem, file=out)
        count = plural(len(loaded.problems), "problem")
        print(f"quizapp export: {bank_path} is not a valid bank ({count})", file=err)
        return EXIT_FAILED
    try:
        module = format_named(target_format)
        result = module.export_bank(loaded.bank)
    except FormatError as exc:
        _print_notes(bank_path, exc.notes, out)
        print(f"quizapp export: {bank_path}: {exc.message}", file=err)
        return EXIT_FAILED
    try:
        _write(target, result.data)
    except OSError as exc:
        print(f"quizapp export: cannot write {target}: {exc.strerror or exc}", file=err)
        return EXIT_FAILED
    _print_notes(bank_path, result.notes, out)
    total = len(loaded.bank.questions)
    count = plural(total, "question")
    if result.written < total:
        count = f"{result.written} of {count}; {total - result.written} skipped"
    summary = f"exported {bank_path} ({count}) to {target} ({_label(module)})"
    if result.notes:
        summary += f"; {plural(len(result.notes), 'item')} not carried over (listed above)"
    print(summary, file=out)
    return EXIT_OK


def _read(file: str, err: TextIO, command: str) -> bytes | None:
    """The bytes of `file`, or None after saying why they cannot be read."""
    try:
        size = os.stat(file).st_size
        if Path(file).is_dir():
            print(f"quizapp {command}: {file} is a folder, not a file", file=err)
            return None
        if size > MAX_IMPORT_BYTES:
            print(f"quizapp {command}: {file} is too large ({size:,} bytes)", file=err)
            return None
        return Path(file).read_bytes()
    except FileNotFoundError:
        print(f"quizapp {command}: no such file: {file}", file=err)
    except OSError as exc:
        print(f"quizapp {command}: cannot read {file}: {exc.strerror or exc}", file=err)
    return None


def _write(target: Path, data: bytes) -> None:
    """Write `data` to `target` whole or not at all (a temporary file renamed into place)."""
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # as a plain new file would be, not mkstemp's 0600
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.exists() and os.path.samefile(one, other)
    except OSError:
        return False


def _print_notes(file: str, notes: tuple[Note, ...], out: TextIO) -> None:
    for note in notes:
        where = f"{file}:{note.line}" if note.line else file
        print(f"{where}: {note.message}", file=out)


def _label(module: ModuleType) -> str:
    return str(getattr(module, "LABEL", module.NAME))


def _import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizapp import",
        description="Turn a Moodle GIFT or XML, Aiken, CSV/TSV or Anki file into a quizapp bank "
        "(YAML). "
        "What cannot be carried over is listed as file:line: message; the bank written is then "
        "validated. Exit status: 0 imported, 1 nothing could be imported, 2 usage error.",
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.yaml",
        help="where to write the bank (default: FILE's name with .yaml, in this folder)",
    )
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=FORMATS,
        metavar="FORMAT",
        help=f"the file's format, one of {', '.join(FORMATS)} (default: from its extension "
        "and content)",
    )
    parser.add_argument(
        "--media",
        metavar="DIR",
        help="save the files a Moodle XML file embeds (images...) into DIR; the questions keep "
        "their alt text either way",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite OUT.yaml (and media files) if they exist"
    )
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizapp export",
        description="Write a quizapp bank in another format; what the format cannot hold is "
        "listed as bank:line: message. Exit status: 0 exported, 1 invalid bank or nothing to "
        "export, 2 usage error.",
    )
    parser.add_argument("bank", metavar="BANK", help="the bank file (.yaml)")
    parser.add_argument(
        "--to", dest="target_format", required=True, choices=FORMATS, metavar="FORMAT",
        help=f"one of {', '.join(FORMATS)}",
    )  # fmt: skip
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default: BANK's name with the format's extension, here)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    return parser


def run(command: str, args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """`quizapp import ...` or `quizapp export ...` with `args` (the words after the command)."""
    if command == "import":
        options = _import_parser().parse_args(args)
        return cmd_import(
            options.file,
            options.output,
            options.source_format,
            options.force,
            out,
            err,
            options.media,
        )
    options = _export_parser().parse_args(args)
    return cmd_export(options.bank, options.target_format, options.output, options.force, out, err)
