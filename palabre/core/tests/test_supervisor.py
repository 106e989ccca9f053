"""`palabre run` keeps its background worker alive (finding 2 of issue 15: the worker
died and nothing started it again): restarted after a pause that doubles up to a cap,
each death logged with its exit code, stopped cleanly."""

from __future__ import annotations

import io
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from palabre.core import supervisor as supervision
from palabre.core.supervisor import Supervisor, describe_exit


class FakeProcess:
    """Runs for ``lives`` polls, then ends with ``code``; ``stubborn`` ignores terminate."""

    count = 0

    def __init__(self, code, *, lives=1, stubborn=False):
        FakeProcess.count += 1
        self.pid = 1000 + FakeProcess.count
        self.code, self.lives, self.stubborn = code, lives, stubborn
        self.returncode = None
        self.signals = []

    def poll(self):
        if self.returncode is None:
            self.lives -= 1
            if self.lives < 0:
                self.returncode = self.code
        return self.returncode

    def terminate(self):
        self.signals.append("TERM")
        if not self.stubborn:
            self.returncode = -signal.SIGTERM

    def kill(self):
        self.signals.append("KILL")
        self.returncode = -signal.SIGKILL

    def wait(self, timeout=None):
        if self.returncode is None:
            raise subprocess.TimeoutExpired("worker", timeout)
        return self.returncode


class Scenario:
    """A fake clock and pause: ``wait`` records each pause instead of sleeping (each
    poll of a running process counts ``each_run`` seconds), and stops the supervisor
    once every process was started and the last one is running."""

    def __init__(self, processes, *, each_run=0.0):
        self.processes = list(processes)
        self.started = []
        self.pauses = []
        self.now = 0.0
        self.each_run = each_run
        self.supervisor = Supervisor(
            self.launch, wait=self.wait, clock=lambda: self.now, poll_every=0.5
        )

    def launch(self):
        item = self.processes.pop(0)
        if isinstance(item, BaseException):
            raise item
        self.started.append(item)
        return item

    def wait(self, seconds):
        if seconds == self.supervisor.poll_every:
            self.now += self.each_run
        else:
            self.pauses.append(seconds)
        if not self.processes and seconds == self.supervisor.poll_every:
            self.supervisor.stop()
        return self.supervisor.stopping.is_set()


def test_a_dying_worker_is_started_again_after_pauses_that_double(caplog):
    dying = [FakeProcess(code) for code in (1, -signal.SIGKILL, 1, 1, 1, 1, 1, 1)]
    last = FakeProcess(0, lives=10**6)
    scenario = Scenario([*dying, last])
    with caplog.at_level(logging.ERROR, logger="palabre.supervisor"):
        scenario.supervisor.run()
    assert scenario.started == [*dying, last]
    assert scenario.pauses == [1, 2, 4, 8, 16, 32, 60, 60]
    deaths = [r.getMessage() for r in caplog.records]
    assert len(deaths) == 8
    assert f"(pid {dying[0].pid}) stopped with exit code 1 after 0 s" in deaths[0]
    assert "exit code -9 (killed by SIGKILL)" in deaths[1]
    assert deaths[1].endswith("starting it again in 2 s.")
    # Stopped on request: terminated, not restarted.
    assert last.signals == ["TERM"]


def test_a_worker_that_ran_long_enough_restarts_quickly_again():
    scenario = Scenario(
        [
            FakeProcess(1, lives=0),
            FakeProcess(1, lives=0),
            FakeProcess(1, lives=70),
            FakeProcess(0, lives=10**6),
        ],
        each_run=1.0,
    )
    scenario.supervisor.run()
    assert scenario.pauses == [1, 2, 1]


def test_a_worker_that_will_not_stop_is_killed():
    stubborn = FakeProcess(0, lives=10**6, stubborn=True)
    scenario = Scenario([stubborn])
    scenario.supervisor.run()
    assert stubborn.signals == ["TERM", "KILL"]


def test_a_worker_that_cannot_start_is_tried_again(caplog):
    scenario = Scenario([OSError("no such file"), FakeProcess(0, lives=10**6)])
    with caplog.at_level(logging.ERROR, logger="palabre.supervisor"):
        scenario.supervisor.run()
    assert scenario.pauses == [1]
    assert any("could not start" in r.getMessage() for r in caplog.records)


def test_exit_codes_are_described():
    assert describe_exit(0) == "exit code 0"
    assert describe_exit(-15) == "exit code -15 (killed by SIGTERM)"


def wait_until(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_real_worker_killed_with_sigkill_is_restarted(caplog):
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    started = []

    def launch():
        started.append(subprocess.Popen(sleeper))
        return started[-1]

    supervisor = Supervisor(launch, first_delay=0.01, poll_every=0.01, stop_timeout=5)
    with caplog.at_level(logging.ERROR, logger="palabre.supervisor"):
        thread = threading.Thread(target=supervisor.run)
        thread.start()
        try:
            wait_until(lambda: len(started) == 1)
            started[0].kill()
            wait_until(lambda: len(started) == 2)
        finally:
            supervisor.stop()
            thread.join(10)
    assert not thread.is_alive()
    assert started[0].returncode == -signal.SIGKILL
    assert started[1].returncode == -signal.SIGTERM  # stopped cleanly at the end
    assert "exit code -9 (killed by SIGKILL)" in caplog.records[0].getMessage()


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_the_supervisor_process_stops_its_worker_on_sigterm():
    worker = [sys.executable, "-c", "import time; time.sleep(60)"]
    process = subprocess.Popen(
        [sys.executable, "-m", "palabre.core.supervisor", "--", *worker],
        cwd=Path(supervision.__file__).parents[2],
        stderr=subprocess.PIPE,
    )
    try:
        wait_until(lambda: _children(process.pid))
        worker = _children(process.pid)[0]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        assert not Path(f"/proc/{worker}").exists() or "Z" in _state(worker)
        assert process.stderr.read() == b""  # a requested stop is no death to report
    finally:
        if process.poll() is None:
            process.kill()


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0]


def test_palabre_run_supervises_its_worker_and_stops_it(db, monkeypatch):
    from palabre.core.management.commands import run

    events = []

    class Launched:
        pid = 4242
        returncode = None

    monkeypatch.setattr(run, "collect_static_if_changed", lambda: None)
    monkeypatch.setattr(run, "worker_supervisor_start", lambda: events.append("start") or Launched)
    monkeypatch.setattr(
        run, "worker_supervisor_stop", lambda process: events.append(("stop", process.pid))
    )

    def serve(**options):
        events.append("serve")
        assert callable(options["on_stop"])

    monkeypatch.setattr(run, "serve", serve)
    monkeypatch.setenv("SITE_URL", "http://testserver")  # or `run` sets it for the next tests
    call_command("run", "--port", "8123", stdout=io.StringIO())
    assert events == ["start", "serve", ("stop", 4242)]


def test_palabre_run_starts_the_worker_under_the_supervisor(monkeypatch):
    from palabre.core.management.commands import run

    seen = {}

    def popen(args, **kwargs):
        seen.update(args=args, **kwargs)
        return "process"

    monkeypatch.setattr(run.subprocess, "Popen", popen)
    assert run.worker_supervisor_start() == "process"
    assert seen["args"][1:5] == ["-m", "palabre.core.supervisor", "--", sys.executable]
    assert seen["args"][5:8] == ["-m", "palabre", "worker"]
    assert seen["start_new_session"] is True
    assert os.environ.items() <= seen["env"].items()
