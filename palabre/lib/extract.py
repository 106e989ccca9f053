"""The text inside a document (PDF, DOCX, ODT, ODS, XLSX, plain text) and a picture of a
PDF's first page — read in a child process held to limits.

A document sent by someone is hostile until read: a PDF can make its reader loop or eat
memory, an office file is a zip that may expand a thousandfold. So nothing here opens the
file in the calling process. A child Python (``_extract_child.py``, which imports neither
Django nor Palabre) reads it under an address-space limit, a CPU-time limit, no right to
write files, and a wall-clock time after which it is killed. Office files are refused from
their zip directory when they would expand beyond ``max_expanded_bytes``, before anything
is unpacked.

    found = extract_text(path)
    found.status   # "ok", "empty", "unsupported", "too_large", "timeout" or "failed"
    found.text     # the text, tidied (one space between words, no control characters)
    found.reason   # why not, in English, for logs and for the editors' page

Readers: pypdfium2 (PDF text and the first page's picture), python-docx, odfdo,
openpyxl. The caller keeps the file whatever the status: a document whose text cannot be
read is still a document. Meant for background tasks (a child costs about 0.2 s to start).
"""

from __future__ import annotations

import json
import logging
import os
import resource
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

logger = logging.getLogger(__name__)

CHILD = Path(__file__).with_name("_extract_child.py")

Status = Literal["ok", "empty", "unsupported", "too_large", "timeout", "failed"]
STATUSES: tuple[Status, ...] = ("ok", "empty", "unsupported", "too_large", "timeout", "failed")

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * MB  # not opened at all beyond this
    max_expanded_bytes: int = 200 * MB  # an office file's parts, once unzipped
    max_entries: int = 5000  # parts in an office file
    max_pages: int = 500  # PDF pages read
    max_chars: int = 1_000_000  # text kept (about 150,000 words)
    seconds: float = 30.0  # wall-clock time of the child
    memory_bytes: int = 1024 * MB  # address space of the child


@dataclass(frozen=True)
class Extracted:
    text: str
    status: Status
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _limit_child(limits: Limits) -> None:
    """Runs in the child before it starts Python: the kernel enforces these."""
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    cpu = int(limits.seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # writes no file
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _run(mode: str, path: Path, limits: Limits, extra: dict[str, int]) -> bytes:
    arguments = json.dumps({**asdict(limits), **extra})
    completed = subprocess.run(  # noqa: S603 - our own script and a path we chose, no shell
        [sys.executable, "-I", str(CHILD), mode, str(path), arguments],
        capture_output=True,
        timeout=limits.seconds,
        preexec_fn=lambda: _limit_child(limits),
        env={"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    if completed.returncode != 0:
        raise ChildFailed(completed.returncode, completed.stderr.decode("utf-8", "replace"))
    return completed.stdout


class ChildFailed(Exception):
    def __init__(self, returncode: int, stderr: str) -> None:
        super().__init__(f"exit {returncode}")
        self.returncode = returncode
        self.stderr = stderr

    @property
    def status(self) -> Status:
        # Killed by the CPU limit (SIGXCPU, SIGKILL) or out of memory inside a C library.
        if self.returncode in (-9, -24) or "MemoryError" in self.stderr:
            return "too_large" if "MemoryError" in self.stderr else "timeout"
        return "failed"

    @property
    def reason(self) -> str:
        last = self.stderr.strip().splitlines()[-1:] or [""]
        return f"reader stopped (exit {self.returncode}) {last[0][:200]}".strip()


def _too_big(path: Path, limits: Limits) -> Extracted | None:
    try:
        size = path.stat().st_size
    except OSError as error:
        return Extracted("", "failed", f"cannot read the file: {error}")
    if size > limits.max_file_bytes:
        return Extracted("", "too_large", f"{size} bytes, over {limits.max_file_bytes}")
    if size == 0:
        return Extracted("", "empty", "the file is empty")
    return None


def extract_text(
    path: str | os.PathLike[str], *, content_type: str | None = None, limits: Limits = Limits()
) -> Extracted:
    """The text of the document at ``path``. ``content_type`` is only a hint for the logs:
    what the file is gets read from its content."""
    path = Path(path)
    refused = _too_big(path, limits)
    if refused is not None:
        return refused
    try:
        output = _run("text", path, limits, {})
    except subprocess.TimeoutExpired:
        return Extracted("", "timeout", f"stopped after {limits.seconds:g} s")
    except ChildFailed as failed:
        logger.info("extraction of %s (%s) failed: %s", path.name, content_type, failed.reason)
        return Extracted("", failed.status, failed.reason)
    try:
        answer = json.loads(output.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return Extracted("", "failed", "the reader's answer was not readable")
    status = answer.get("status")
    if status not in STATUSES:
        return Extracted("", "failed", "the reader gave no status")
    return Extracted(str(answer.get("text", "")), status, str(answer.get("reason", "")))


def first_page_png(
    path: str | os.PathLike[str], *, width: int = 600, limits: Limits = Limits()
) -> bytes | None:
    """A PNG of the first page of the PDF at ``path``, ``width`` pixels wide (a very tall
    page is cut at three widths), or None when it is not a PDF or cannot be drawn."""
    path = Path(path)
    if _too_big(path, limits) is not None:
        return None
    try:
        output = _run("preview", path, limits, {"width": max(16, min(width, 2000))})
    except (subprocess.TimeoutExpired, ChildFailed) as error:
        logger.info("preview of %s failed: %s", path.name, error)
        return None
    return output if output.startswith(b"\x89PNG") else None
