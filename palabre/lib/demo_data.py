"""The reader of the demo's data files: a small Markdown-like format that a person who is
not a programmer can edit (see any ``<app>/demo_data/README.md``)."""

from __future__ import annotations

import re
from pathlib import Path

_FIELD = re.compile(r"([a-z_]+):(?: (.*))?")


def _fields(lines: list[str]) -> dict[str, str]:
    fields = {}
    for line in lines:
        match = _FIELD.fullmatch(line)
        if match is None:
            raise ValueError(f"Expected a `name: value` line, got {line!r}")
        fields[match[1]] = (match[2] or "").strip()
    return fields


def read_demo_file(
    path: Path,
) -> tuple[dict[str, str], str, list[tuple[str, dict[str, str], str]]]:
    """A demo data file: (header, text before the first heading, sections).

    The optional header is `name: value` lines between two `---` lines. Each section starts
    with a `# heading` line, may continue with `name: value` lines, then a blank line and text.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    header = {}
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        header, lines = _fields(lines[1:end]), lines[end + 1 :]
    chunks = [[""]]
    for line in lines:
        if line.startswith("# "):
            chunks.append([line[2:].strip()])
        else:
            chunks[-1].append(line)
    sections = []
    for heading, *body in chunks[1:]:
        blank = body.index("") if "" in body else len(body)
        sections.append((heading, _fields(body[:blank]), "\n".join(body[blank:]).strip()))
    return header, "\n".join(chunks[0][1:]).strip(), sections


def split_list(value: str) -> list[str]:
    """`a, b, c` → ["a", "b", "c"]; an empty value is an empty list."""
    return [part.strip() for part in value.split(",") if part.strip()]
