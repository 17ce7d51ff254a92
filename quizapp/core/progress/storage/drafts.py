"""Mock exams under way, kept in the store so that one closed by accident can be resumed.

`draft_json` writes an exam's `ExamStanding` as JSON: per question its bank, id and content
hash, the order its choices (items, match targets) were shown in, the answer (tagged as in
`codec`), the confidence, the flag and the time spent; and the exam's position, the time used,
its time limit, pass mark and whether it asks for confidence, with the banks' titles and files.
The exam screen keeps it with `Recorder.keep_draft` at every change (one row, replaced).

`read_draft` reads it back; `resume_draft` matches it against the banks as they are now: a
question no longer in its bank is dropped, one whose content changed is asked afresh (its answer
cleared, since the old one may not fit), and the rest go on exactly as they were. The clock
stood still while the app was closed: the exam has the time it had left.
"""

from __future__ import annotations

import contextlib
import json
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizapp.core.model import Bank
from quizapp.core.progress.storage.aside import drop_draft, latest_draft
from quizapp.core.progress.storage.codec import content_hash, response_from_json, response_to_json
from quizapp.core.progress.storage.store import Store, StoreError
from quizapp.core.study import ExamSession, ExamStanding, Presented, StudyItem, present

__all__ = [
    "ResumedExam",
    "SavedExam",
    "draft_hashes",
    "draft_json",
    "read_draft",
    "resume_draft",
    "waiting_exam",
]

#: The version of the draft's JSON (a draft of another version is not offered).
DRAFT_FORMAT = 1


def draft_json(
    items: tuple[StudyItem, ...], standing: ExamStanding, hashes: Sequence[str] | None = None
) -> str:
    """The draft of the exam over `items` standing as `standing`, as JSON text.

    `hashes`: the items' content hashes, when the caller keeps them (a draft is written at every
    change of the exam; hashing every question each time would be most of its cost).
    """
    banks = list({item.bank.id: item.bank for item in items}.values())
    digests = hashes if hashes is not None else [content_hash(item.question) for item in items]
    questions = [
        {
            "bank": item.bank.id,
            "id": item.question.id,
            "hash": digest,
            "choices": list(shown.choice_order),
            "items": list(shown.item_order),
            "rights": list(shown.right_order),
            "response": response_to_json(response),
            "confidence": confidence,
            "flagged": flagged,
            "seconds": seconds,
        }
        for item, digest, shown, response, confidence, flagged, seconds in zip(
            items,
            digests,
            standing.presented,
            standing.responses,
            standing.confidences,
            standing.flags,
            standing.seconds,
            strict=True,
        )
    ]
    return json.dumps(
        {
            "format": DRAFT_FORMAT,
            "titles": [bank.title for bank in banks],
            "paths": [str(Path(bank.path).resolve()) if bank.path else "" for bank in banks],
            "questions": questions,
            "position": standing.position,
            "elapsed": standing.elapsed,
            "time_limit": standing.time_limit,
            "pass_mark": standing.pass_mark,
            "confidence": standing.confidence,
        },
        ensure_ascii=False,
    )


def draft_hashes(items: tuple[StudyItem, ...]) -> tuple[str, ...]:
    """The content hashes of `items`, for `draft_json` to take again and again."""
    return tuple(content_hash(item.question) for item in items)


@dataclass(frozen=True, slots=True)
class SavedExam:
    """A draft read back from the store, before it is matched against the banks."""

    session_id: str
    titles: tuple[str, ...]
    paths: tuple[str, ...]
    """The files of its banks, to read them again."""
    data: Mapping[str, Any]


def read_draft(session_id: str, text: str) -> SavedExam | None:
    """The draft `draft_json` wrote as `text`; None when it cannot be read (never raises)."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
            return None
        return SavedExam(
            session_id, tuple(map(str, data["titles"])), tuple(map(str, data["paths"])), data
        )
    except (ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True, slots=True)
class ResumedExam:
    """A draft matched against the banks: the exam to go on with, and what changed since."""

    saved: SavedExam
    items: tuple[StudyItem, ...]
    """The questions left, in exam order (none: nothing to resume)."""
    standing: ExamStanding
    """Where the exam stood, over those questions."""
    total: int
    """Questions the exam had."""
    dropped: int
    """Questions no longer in their banks (left out)."""
    changed: int
    """Questions edited since (kept, their answers cleared)."""
    answered: int
    """Answers kept."""
    flagged: int
    remaining: float | None
    """Seconds left on its clock; None when untimed."""

    @property
    def resumable(self) -> bool:
        """True when some of its questions are left to go on with."""
        return bool(self.items)

    def start(self, clock: Callable[[], float] = time.monotonic) -> ExamSession:
        """The exam, going on from where it stood, its clock running from now (ValueError when
        nothing is left): started when the student says so, not when it is offered."""
        if not self.items:
            raise ValueError("none of the exam's questions is left")
        return ExamSession.resume(self.items, self.standing, clock)


def resume_draft(saved: SavedExam, banks: Mapping[str, Bank]) -> ResumedExam:
    """The exam `saved` was, over the questions `banks` (by id) still have.

    Raises ValueError when the draft's contents do not hold together (a damaged draft).
    """
    try:
        return _resume(saved, banks)
    except (KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"the exam's draft cannot be read: {exc!r}") from exc


def _resume(saved: SavedExam, banks: Mapping[str, Bank]) -> ResumedExam:
    data = saved.data
    items: list[StudyItem] = []
    presented: list[Presented] = []
    kept: list[dict[str, Any]] = []
    dropped = changed = 0
    questions = data["questions"]
    for entry in questions:
        bank = banks.get(entry["bank"])
        found = {q.id: q for q in bank.questions} if bank is not None else {}
        question = found.get(entry["id"])
        if bank is None or question is None:
            dropped += 1
            continue
        items.append(StudyItem(bank, question))
        if content_hash(question) == entry["hash"]:
            orders = (tuple(entry["choices"]), tuple(entry["items"]), tuple(entry["rights"]))
            presented.append(Presented(question, *orders))
            kept.append(entry)
        else:
            changed += 1
            presented.append(present(question, random.Random(entry["id"])))
            kept.append({**entry, "response": None, "confidence": None})
    position = min(int(data["position"]), max(0, len(items) - 1))
    standing = ExamStanding(
        presented=tuple(presented),
        responses=tuple(response_from_json(e["response"]) for e in kept),
        confidences=tuple(e["confidence"] for e in kept),
        flags=tuple(bool(e["flagged"]) for e in kept),
        seconds=tuple(float(e["seconds"]) for e in kept),
        position=position,
        elapsed=float(data["elapsed"]),
        time_limit=data["time_limit"],
        pass_mark=float(data["pass_mark"]),
        confidence=bool(data["confidence"]),
    )
    limit = standing.time_limit
    return ResumedExam(
        saved=saved,
        items=tuple(items),
        standing=standing,
        total=len(questions),
        dropped=dropped,
        changed=changed,
        answered=sum(1 for r in standing.responses if r is not None),
        flagged=sum(standing.flags),
        remaining=None if limit is None else max(0.0, limit - standing.elapsed),
    )


def waiting_exam(store: Store, read: Callable[[Path], Bank | None]) -> ResumedExam | None:
    """The mock exam last left unsubmitted, matched against its banks read with `read` (slow:
    a worker's job); None when there is none. A draft that cannot be read is dropped."""
    try:
        kept = latest_draft(store)
    except StoreError:
        return None
    if kept is None:
        return None
    saved = read_draft(*kept)
    banks: dict[str, Bank] = {}
    for path in saved.paths if saved is not None else ():
        bank = read(Path(path)) if path else None
        if bank is not None:
            banks.setdefault(bank.id, bank)
    try:
        if saved is None:
            raise ValueError("the exam's draft cannot be read")
        return resume_draft(saved, banks)
    except ValueError:
        with contextlib.suppress(StoreError):
            drop_draft(store, kept[0])
        return None
