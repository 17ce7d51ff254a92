"""The peak memory of this process, for the launchers.

`getrusage().ru_maxrss` is no good here: Linux carries it over from the parent across fork and exec,
so a child of a benchmark that has just loaded a big bank would report the parent's peak. The
high-water mark of this process's own address space (`VmHWM`) starts afresh at exec.
"""

from __future__ import annotations

import resource


def peak_kib() -> int:
    """Peak resident memory of this process in KiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
