"""quizapp.core.serving: the rules of a class session (`quizapp serve`), free of any interface.

Who a student is (`identity`), who may come in (`gate`), what the server hands each app process
(`config`), what they tell each other (`protocol`), the banks and session served (`session`)
and how many students fit in memory (`capacity`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.serving.capacity import (
        SESSION_MIB,
        available_memory,
        default_max_sessions,
        resident_memory,
    )
    from quizapp.core.serving.config import SERVED_MODES, ServedConfig, read_config, write_config
    from quizapp.core.serving.gate import (
        CodeError,
        RateLimiter,
        check_code_choice,
        codes_match,
        is_loopback,
        make_join_code,
    )
    from quizapp.core.serving.identity import (
        IDENTIFIER_MAX,
        IdentifierError,
        check_identifier,
        results_file_name,
        results_path,
    )
    from quizapp.core.serving.protocol import (
        JOIN,
        JOIN_RESULT,
        STATUS,
        Status,
        parse_status,
        session_status,
    )
    from quizapp.core.serving.session import describe_session, load_served_banks

__all__ = [
    "IDENTIFIER_MAX",
    "JOIN",
    "JOIN_RESULT",
    "SERVED_MODES",
    "SESSION_MIB",
    "STATUS",
    "CodeError",
    "IdentifierError",
    "RateLimiter",
    "ServedConfig",
    "Status",
    "available_memory",
    "check_code_choice",
    "check_identifier",
    "codes_match",
    "default_max_sessions",
    "describe_session",
    "is_loopback",
    "load_served_banks",
    "make_join_code",
    "parse_status",
    "read_config",
    "resident_memory",
    "results_file_name",
    "results_path",
    "session_status",
    "write_config",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "IDENTIFIER_MAX": "identity",
        "JOIN": "protocol",
        "JOIN_RESULT": "protocol",
        "SERVED_MODES": "config",
        "SESSION_MIB": "capacity",
        "STATUS": "protocol",
        "CodeError": "gate",
        "IdentifierError": "identity",
        "RateLimiter": "gate",
        "ServedConfig": "config",
        "Status": "protocol",
        "available_memory": "capacity",
        "check_code_choice": "gate",
        "check_identifier": "identity",
        "codes_match": "gate",
        "default_max_sessions": "capacity",
        "describe_session": "session",
        "is_loopback": "gate",
        "load_served_banks": "session",
        "make_join_code": "gate",
        "parse_status": "protocol",
        "read_config": "config",
        "resident_memory": "capacity",
        "results_file_name": "identity",
        "results_path": "identity",
        "session_status": "protocol",
        "write_config": "config",
    },
)
