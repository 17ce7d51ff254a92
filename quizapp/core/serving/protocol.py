"""What a student's app process and the class server tell each other, beside the screen.

textual-serve carries "meta" packets (JSON objects with a `type`) both ways between the server and
each app process; the browser cannot send them (it sends keys and sizes, which the server wraps).
quizapp adds three:

    quizapp_join          app -> server   {"code": "..."}: the code typed on the sign-in screen
    quizapp_join_result   server -> app   {"ok": true|false, "wait": seconds}: its verdict;
                                          `wait` > 0 when the address is refused for a while
    quizapp_status        app -> server   who is signed in and how far they are (`Status`)

`parse_status` reads a status defensively: a packet that is not one gives None.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.study import Session

__all__ = ["JOIN", "JOIN_RESULT", "STATUS", "Status", "parse_status", "session_status"]

JOIN = "quizapp_join"
JOIN_RESULT = "quizapp_join_result"
STATUS = "quizapp_status"


@dataclass(frozen=True, slots=True)
class Status:
    """Where one student is: signed in as `student`, in a session of `mode` (or none yet)."""

    student: str | None = None
    """The identifier they signed in with (None: still at the sign-in screen)."""
    mode: str | None = None
    """The session under way: practice, exam, flashcards... (None: none, at home)."""
    answered: int = 0
    """Questions answered in it (an exam's answers count before it is submitted)."""
    total: int = 0
    done: bool = False
    """True once the session is over (the exam submitted, the last question answered)."""
    saved: int = 0
    """Answers written to the student's results file by this app so far."""

    def to_meta(self) -> dict[str, Any]:
        """The status as a meta packet."""
        return {
            "type": STATUS,
            "student": self.student,
            "mode": self.mode,
            "answered": self.answered,
            "total": self.total,
            "done": self.done,
            "saved": self.saved,
        }


def parse_status(packet: dict[str, Any]) -> Status | None:
    """The status in a meta packet, or None when it is not a well-formed one."""
    if packet.get("type") != STATUS:
        return None
    student, mode = packet.get("student"), packet.get("mode")
    numbers = [packet.get(name) for name in ("answered", "total", "saved")]
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
        return None
    if not (student is None or isinstance(student, str)) or not (
        mode is None or isinstance(mode, str)
    ):
        return None
    answered, total, saved = (int(n) for n in numbers if isinstance(n, int))
    done = packet.get("done") is True
    return Status(student, mode, answered, total, done, saved)


def session_status(student: str | None, session: Session | None, saved: int) -> Status:
    """The status of `student` in `session` (None: no session under way)."""
    from quizapp.core.study import ExamSession

    if session is None:
        return Status(student, None, 0, 0, False, saved)
    total = session.total
    if isinstance(session, ExamSession):
        answered = total - len(session.unanswered())
        done = session.submitted
    else:
        answered = len(session.records)
        done = session.finished
    return Status(student, str(session.mode), answered, total, done, saved)
