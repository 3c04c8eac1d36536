"""What a copy did, told in a toast: the copy's first words, how it went out, tmux's part.

The copy itself is the main screen's; this module holds the plain parts it needs from a worker
thread (the native tool and the question to tmux) and the wording of the result.
"""

from __future__ import annotations

import dataclasses

from rich.cells import cell_len
from textual.notifications import SeverityLevel

from tui import clipboard
from tui.pack.model import Lang
from tui.text.words import t
from tui.ui import tmux

# Words of a copy named in its toast.
TOAST_WORDS = 6
TOAST_CELLS = 48


def first_words(text: str) -> str:
    """The start of a copy as its toast names it: a few words of its first line, then "…"."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    words = line.lstrip("#>*-– ").split()
    shown = " ".join(words[:TOAST_WORDS])
    if cell_len(shown) > TOAST_CELLS:
        shown = shown[:TOAST_CELLS].rstrip()
    return shown + ("…" if shown != " ".join(words) else "")


@dataclasses.dataclass(frozen=True)
class CopyJob:
    """What a copy sent by OSC 52, for the toast once the native tool has answered."""

    size: int
    osc52: bool
    words: str = ""


@dataclasses.dataclass(frozen=True)
class CopyOutcome:
    """What the copy's worker found: the native tool's result and tmux's clipboard setting."""

    native: clipboard.NativeCopyResult
    tmux_setting: str | None = None


def copy_in_background(text: str, osc52: bool) -> CopyOutcome:
    """The native copy, and (when OSC 52 went out) whether tmux lets it through right now."""
    native = clipboard.copy_native(text)
    return CopyOutcome(native, tmux.clipboard_setting() if osc52 and not native.ok else None)


def copy_toast(
    job: CopyJob, result: clipboard.NativeCopyResult, lang: Lang
) -> tuple[str, SeverityLevel]:
    """An honest account of how a copy went out, and how worried the reader should be."""
    values = {
        "tool": result.tool or "",
        "detail": result.detail,
        "size": job.size // 1000,
        "limit": clipboard.OSC52_LIMIT_BYTES // 1000,
    }
    if job.osc52:
        if result.ok:
            return t("copy.both", lang, **values), "information"
        if result.tool is None:
            return t("copy.sent-osc-only", lang, **values), "information"
        return t("copy.osc-native-failed", lang, **values), "warning"
    if result.ok:
        return t("copy.native-only", lang, **values), "warning"
    return t("copy.none", lang, **values), "error"


def toast_parts(job: CopyJob, outcome: CopyOutcome, lang: Lang) -> tuple[str, str, SeverityLevel]:
    """The toast's title (the copy's first words), message and severity."""
    message, severity = copy_toast(job, outcome.native, lang)
    if job.osc52 and not outcome.native.ok and tmux.drops_osc52(outcome.tmux_setting):
        message += "\n" + t("copy.tmux-off", lang, value=outcome.tmux_setting)
        severity = "warning"
    title = t("copy.what", lang, words=job.words) if job.words else ""
    return title, message, severity
