"""The two protobuf messages of a recent Anki package that the importer reads, decoded by hand.

Anki 2.1.50+ stores a note type's settings (`Notetype.Config`: field 1 is its kind, 1 for cloze)
and the package's media manifest (`MediaEntries`: repeated field 1, each with the file name in
field 1) as protobuf. Reading two fields does not warrant a protobuf dependency: this walks the
wire format (varints and length-delimited fields) and stops quietly at anything malformed.
"""

from __future__ import annotations

from collections.abc import Iterator

_VARINT, _FIXED64, _LENGTH, _FIXED32 = 0, 1, 2, 5
_CLOZE_KIND = 1


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """The varint at `at` and the position after it; ValueError when it runs off the end."""
    value = shift = 0
    while True:
        if at >= len(data) or shift > 63:
            raise ValueError("truncated varint")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) of each field of a message: ints for varints, bytes otherwise."""
    at = 0
    try:
        while at < len(data):
            key, at = _varint(data, at)
            number, wire = key >> 3, key & 7
            if wire == _VARINT:
                value, at = _varint(data, at)
                yield number, value
            elif wire == _LENGTH:
                size, at = _varint(data, at)
                if at + size > len(data):
                    return
                yield number, data[at : at + size]
                at += size
            elif wire in (_FIXED64, _FIXED32):
                width = 8 if wire == _FIXED64 else 4
                yield number, data[at : at + width]
                at += width
            else:
                return  # groups (deprecated) or garbage: nothing more to read
    except ValueError:
        return


def notetype_is_cloze(config: bytes) -> bool:
    """True when a schema-18 note type's `config` says it is a cloze note type."""
    return any(number == 1 and value == _CLOZE_KIND for number, value in fields(config))


def media_names(manifest: bytes) -> tuple[str, ...]:
    """The file names listed in a recent package's (decompressed) media manifest."""
    names: list[str] = []
    for number, entry in fields(manifest):
        if number != 1 or not isinstance(entry, bytes):
            continue
        for inner, value in fields(entry):
            if inner == 1 and isinstance(value, bytes):
                names.append(value.decode("utf-8", "replace"))
                break
    return tuple(names)
