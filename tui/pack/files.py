"""Which files of a folder are content, and their text, read within limits.

One rule decides which files count (`content_names`): the loader reads them and the cache
stamps them, so the two cannot disagree. Reading never blocks and never takes more than
`MAX_FILE_BYTES`; a file that cannot be read or decoded gives a problem, not an exception.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.pack.problems import Severity

MAX_FILE_BYTES: int = 32 * 1024 * 1024
CONTENT_SUFFIX = ".toml"
_BOM = b"\xef\xbb\xbf"


def is_content_name(name: str) -> bool:
    """`*.toml`, not hidden: names starting with "." are editor files and are ignored."""
    return name.endswith(CONTENT_SUFFIX) and not name.startswith(".")


def content_names(folder: Path | str) -> list[str]:
    """The names of the content files directly in `folder` (not subfolders), in name order.

    Raises OSError when the folder cannot be listed.
    """
    with os.scandir(folder) as scan:
        return sorted(entry.name for entry in scan if is_content_name(entry.name))


@dataclass(frozen=True)
class Refusal:
    """Why a file was not read, and how grave that is."""

    message: str
    severity: Severity = "error"


def read_content(path: Path) -> bytes | Refusal:
    """The bytes of one content file, or why it was not read.

    The file is opened without blocking and judged by what was opened (`fstat`), not by an
    earlier look at the name: a FIFO or device swapped in between cannot hang the load.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Refusal("symbolic link loop")
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return Refusal("broken symbolic link")
        return Refusal(f"cannot read: {exc.strerror}")
    try:
        return _read_opened(descriptor)
    except OSError as exc:  # e.g. EAGAIN from a file that would block on read
        return Refusal(f"cannot read: {exc.strerror}")
    finally:
        os.close(descriptor)


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _read_opened(descriptor: int) -> bytes | Refusal:
    info = os.fstat(descriptor)
    if stat.S_ISDIR(info.st_mode):
        return Refusal("a folder named like a content file; skipped", "warning")
    if not stat.S_ISREG(info.st_mode):
        return Refusal("not a regular file; not read")
    if info.st_size > MAX_FILE_BYTES:
        return Refusal(f"file of {info.st_size:,} bytes is {_too_large()}; not read")
    chunks: list[bytes] = []
    wanted = MAX_FILE_BYTES + 1  # one byte more tells a file that grew past the limit
    while wanted > 0:
        chunk = os.read(descriptor, min(wanted, max(info.st_size + 1, 1 << 16)))
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        return Refusal(f"file is {_too_large()}; not read")
    return data


def _too_large() -> str:
    return f"larger than the limit of {MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES >> 20} MiB)"


@dataclass(frozen=True)
class Decoded:
    """A file's text, and whether a byte order mark was dropped from its start."""

    text: str
    had_bom: bool


@dataclass(frozen=True)
class BadEncoding:
    """Where a file stops being UTF-8."""

    line: int
    column: int
    message: str
    had_bom: bool


def decode(data: bytes) -> Decoded | BadEncoding:
    """The UTF-8 text of a file (a leading BOM dropped), or where it is not UTF-8."""
    had_bom = data.startswith(_BOM)
    if had_bom:
        data = data[len(_BOM) :]
    try:
        return Decoded(data.decode("utf-8"), had_bom)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        message = f"not valid UTF-8: byte 0x{data[exc.start]:02X} cannot be decoded"
        return BadEncoding(line, column, message, had_bom)
