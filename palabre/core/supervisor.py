"""Keeps `palabre worker` running beside the web server: starts it again when it dies,
after a pause that doubles each time (capped), logs each death with its exit code, and
stops it cleanly.

`palabre run` starts this module as a small process of its own (``python -m
palabre.core.supervisor -- <worker command>``) which starts the worker as *its* child:
gunicorn's arbiter reaps every child of the process it runs in, so a worker started by
`palabre run` directly would die without anyone learning its exit code. Standard library
only, so that nothing here can break with the application.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Protocol

logger = logging.getLogger("palabre.supervisor")

# The worker's environment names its parent: a worker whose parent is gone stops.
PARENT_PID_ENV = "PALABRE_PARENT_PID"
FIRST_DELAY = 1.0  # seconds before the first restart
MAX_DELAY = 60.0  # the pause doubles up to this
STABLE_AFTER = 60.0  # a worker that ran this long was healthy: pauses start again from 1 s
STOP_TIMEOUT = 20.0  # how long a stopping worker may take to finish its task


class Process(Protocol):
    pid: int

    def poll(self) -> int | None: ...

    def terminate(self) -> None: ...

    def kill(self) -> None: ...

    def wait(self, timeout: float | None = None) -> int: ...


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"exit code {code} (killed by {name})"
    return f"exit code {code}"


class Supervisor:
    """Runs ``launch()`` again each time the process it returns ends, until ``stop()``.

    ``wait(seconds)`` pauses and answers whether ``stop()`` was called meanwhile; tests
    pass one that does not sleep."""

    def __init__(
        self,
        launch: Callable[[], Process],
        *,
        wait: Callable[[float], bool] | None = None,
        clock: Callable[[], float] = time.monotonic,
        first_delay: float = FIRST_DELAY,
        max_delay: float = MAX_DELAY,
        stable_after: float = STABLE_AFTER,
        poll_every: float = 1.0,
        stop_timeout: float = STOP_TIMEOUT,
    ) -> None:
        self.stopping = threading.Event()
        self._launch = launch
        self._wait = wait or self.stopping.wait
        self._clock = clock
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.stable_after = stable_after
        self.poll_every = poll_every
        self.stop_timeout = stop_timeout
        self.process: Process | None = None

    def stop(self) -> None:
        self.stopping.set()

    def run(self) -> None:
        failures = 0
        while not self.stopping.is_set():
            started = self._clock()
            try:
                process = self.process = self._launch()
            except OSError:
                logger.exception("Could not start the background worker.")
                what = "could not start"
            else:
                code = self._watch(process)
                if code is None:
                    return  # stopped on request
                what = f"(pid {process.pid}) stopped with {describe_exit(code)}"
            ran = self._clock() - started
            if ran >= self.stable_after:
                failures = 0
            delay = min(self.first_delay * 2 ** min(failures, 16), self.max_delay)
            failures += 1
            logger.error(
                "The background worker %s after %.0f s; starting it again in %.0f s.",
                what,
                ran,
                delay,
            )
            if self._wait(delay):
                return

    def _watch(self, process: Process) -> int | None:
        """The exit code once the process ends, or None after stopping it on request."""
        while True:
            code = process.poll()
            if code is not None:
                return code
            if self._wait(self.poll_every):
                self._terminate(process)
                return None

    def _terminate(self, process: Process) -> None:
        process.terminate()
        try:
            process.wait(timeout=self.stop_timeout)
        except subprocess.TimeoutExpired:
            logger.warning(
                "The background worker did not stop within %.0f s: killing it.", self.stop_timeout
            )
            process.kill()
            process.wait()


def watch_parent(parent: int, on_gone: Callable[[], None], *, every: float = 2.0) -> None:
    """Call ``on_gone`` once the process ``parent`` is no longer this one's parent (it
    died, even by kill -9): an orphaned worker must not run on unsupervised."""
    while os.getppid() == parent:
        time.sleep(every)
    on_gone()


def main(argv: list[str]) -> int:
    """``python -m palabre.core.supervisor -- command...``: supervise ``command``."""
    command = argv[argv.index("--") + 1 :] if "--" in argv else argv
    if not command:
        print("usage: python -m palabre.core.supervisor -- command [args...]", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "WARNING").upper(),
        format="%(asctime)s [palabre worker supervisor] %(levelname)s %(message)s",
    )
    env = {**os.environ, PARENT_PID_ENV: str(os.getpid())}
    supervisor = Supervisor(lambda: subprocess.Popen(command, env=env))  # noqa: S603
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: supervisor.stop())
    threading.Thread(target=watch_parent, args=(os.getppid(), supervisor.stop), daemon=True).start()
    # The loop runs in a thread: the signal handlers (in the main thread) then never wait
    # for a lock the loop holds.
    loop = threading.Thread(target=supervisor.run, name="supervisor")
    loop.start()
    while loop.is_alive():
        loop.join(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
