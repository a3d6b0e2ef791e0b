"""Peak resident memory of this process and all its children (spaCy worker processes included).

A background thread samples ``/proc`` (Linux) a few times a second and keeps the largest total; where
``/proc`` is missing only this process's own peak (``getrusage``) is reported.
"""

from __future__ import annotations

import os
import resource
import threading
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _rss_bytes(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
        return int(fields[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        for task in tasks:
            text = (task / "children").read_text().split()
            found.extend(int(child) for child in text)
    except (OSError, ValueError):
        pass
    return found


def tree_rss_bytes(root: int | None = None) -> int:
    """Current RSS of ``root`` (default: this process) plus all its descendants."""
    stack = [root or os.getpid()]
    total = 0
    seen: set[int] = set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _rss_bytes(pid)
        stack.extend(_children(pid))
    return total


class PeakMemory:
    """Context manager: ``peak_bytes`` is the largest process-tree RSS seen while it was open."""

    def __init__(self, interval_s: float = 0.2) -> None:
        self.interval_s = interval_s
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_bytes = max(self.peak_bytes, tree_rss_bytes())
            self._stop.wait(self.interval_s)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_bytes = max(self.peak_bytes, tree_rss_bytes())
        if self.peak_bytes == 0:  # no /proc: fall back to this process's own lifetime peak
            self.peak_bytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
