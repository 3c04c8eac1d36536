"""Opening a source's URL in the reader's browser (no UI imports; blocking, never raises).

Python's `webbrowser` is used so that `$BROWSER` is honoured. The app calls `open_url` in a
thread worker: a browser command may take seconds to return, and the screen must not wait.
"""

from __future__ import annotations

import os
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
# Browsers `webbrowser` may pick when no display is set: they draw in this very terminal, over
# the app, so they are not used unless the reader named one in $BROWSER.
CONSOLE_BROWSERS = frozenset({"www-browser", "links", "elinks", "lynx", "w3m"})
# `webbrowser` waits for a browser command from $BROWSER to exit, which a browser run in the
# foreground may never do. After this long the attempt counts as started and is left to run in
# a daemon thread, so neither the worker nor the app's exit waits on it.
WAIT_SECONDS = 3.0


@dataclass(frozen=True)
class OpenResult:
    """What an attempt to open `url` did; `detail` says why not when `ok` is false."""

    url: str
    ok: bool
    detail: str = ""


def web_url(url: str | None) -> str | None:
    """`url` when it is an http or https address with a host, else None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url.strip()):
        return None
    return url.strip()


def _default_browser() -> webbrowser.BaseBrowser:
    """The browser `webbrowser` would use; raises `webbrowser.Error` when there is none."""
    controller = webbrowser.get()
    name = os.path.basename(getattr(controller, "name", "") or "")
    if name in CONSOLE_BROWSERS and not os.environ.get("BROWSER"):
        raise webbrowser.Error(f"only a terminal browser ({name}) was found; set $BROWSER")
    return controller


def open_url(
    url: str,
    browser: Callable[[], webbrowser.BaseBrowser] = _default_browser,
    wait: float = WAIT_SECONDS,
) -> OpenResult:
    """Open `url` (checked again by `web_url`) in a new tab; never raises, waits at most `wait`."""
    checked = web_url(url)
    if checked is None:
        return OpenResult(url, False, "not an http or https address")
    outcome: list[OpenResult] = []

    def attempt() -> None:
        try:
            opened = browser().open(checked, new=2)
        except (webbrowser.Error, OSError) as error:
            outcome.append(OpenResult(checked, False, str(error) or type(error).__name__))
            return
        detail = "" if opened else "the browser command failed"
        outcome.append(OpenResult(checked, opened, detail))

    thread = threading.Thread(target=attempt, name="open-url", daemon=True)
    thread.start()
    thread.join(wait)
    if not outcome:
        return OpenResult(checked, True, "the browser is still starting")
    return outcome[0]
