"""`quizapp import --media DIR`: the files a Moodle XML file embeds, saved beside the bank.

The questions keep what each image shows as its alt text; the files themselves are only saved
when asked for, under the plain names the importer made safe, never over an existing file that
holds something else unless `--force` is given. Either way the import says what it did with
each of them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from quizapp.cli.args import plural
from quizapp.core.formats import MediaFile


def save_media(
    media: tuple[MediaFile, ...], folder: str | None, force: bool, source: str, out: TextIO
) -> None:
    """Save `media` into `folder` (or say they were not saved), one line per file."""
    unique: dict[tuple[str, bytes], MediaFile] = {}
    for item in media:
        unique.setdefault((item.name, item.data), item)
    if not unique:
        return
    if folder is None:
        names = list(dict.fromkeys(item.name for item in unique.values()))
        listed = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
        count = plural(len(names), "embedded file")
        print(f"{source}: {count} not saved (give --media DIR to save them): {listed}", file=out)
        return
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"{source}: cannot make {target}: {exc.strerror or exc}; no file saved", file=out)
        return
    taken: dict[str, bytes] = {}
    for item in unique.values():
        name = _free_name(item, taken)
        taken[name] = item.data
        path = target / name
        where = f"{source}:{item.line}" if item.line else source
        if path.exists() and not force and path.read_bytes() != item.data:
            print(f"{where}: {path} exists; not written over (give --force)", file=out)
            continue
        try:
            _write(path, item.data)
        except OSError as exc:
            print(f"{where}: cannot write {path}: {exc.strerror or exc}", file=out)
            continue
        print(f"{where}: saved {path}", file=out)


def _free_name(item: MediaFile, taken: dict[str, bytes]) -> str:
    """`item`'s name, or `name-2.ext`... when another file of this import already took it."""
    stem, ext = os.path.splitext(item.name)
    name, n = item.name, 1
    while name in taken and taken[name] != item.data:
        n += 1
        name = f"{stem}-{n}{ext}"
    return name


def _write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.part")
    temporary.write_bytes(data)
    os.replace(temporary, path)
