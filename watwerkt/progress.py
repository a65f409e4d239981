"""A progress bar for long work (build, publish), shown only when it is worth it.

:class:`DelayedProgress` shows a rich bar on stderr once the work has taken :attr:`DELAY`
seconds, and only on a terminal: a quick run prints nothing, a pipe or a log file gets no
control characters. The work reports with ``update(description, completed, total)`` from any
thread; ``close()`` removes the bar. rich is imported only when the bar is shown.
"""

from __future__ import annotations

import sys
import threading


class DelayedProgress:
    DELAY = 2.0

    def __init__(self, description: str = "", total: float = 1.0, *, stream=None, delay: float | None = None):
        self.description, self.completed, self.total = description, 0.0, total
        self.stream = stream if stream is not None else sys.stderr
        self.bar, self.task = None, None
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        if self.stream.isatty():
            self.timer = threading.Timer(self.DELAY if delay is None else delay, self._show)
            self.timer.daemon = True
            self.timer.start()

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with self.lock:
            if self.timer is None:
                return
            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                TimeElapsedColumn(), console=Console(file=self.stream), transient=True)
            self.task = self.bar.add_task(self.description, total=self.total, completed=self.completed)
            self.bar.start()

    def update(self, description: str | None = None, completed: float | None = None,
               total: float | None = None) -> None:
        with self.lock:
            if description is not None:
                self.description = description
            if completed is not None:
                self.completed = completed
            if total is not None:
                self.total = total
            if self.bar is not None:
                self.bar.update(self.task, description=self.description, completed=self.completed,
                                total=self.total)

    def close(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = None
            if self.bar is not None:
                self.bar.stop()
