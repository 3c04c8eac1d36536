"""`o` and `y` for every screen: open a source's URL in a thread worker, or copy it.

The worker only calls the blocking `tui.browser.open_url` and hands its result back to the UI
thread; the toast is sent from there. Copying goes through the main screen's `copy_text`, the
same path as `c`, so its toast tells the truth about OSC 52 and the native tool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui import browser
from tui.pack.model import Fact, Lang, Pack, Source
from tui.text.words import t

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode


def fact_url(pack: Pack, fact: Fact | None) -> tuple[Source | None, str | None]:
    """The fact's source and its URL (None when the fact is derived or the page has none)."""
    if fact is None:
        return None, None
    source = pack.source_of(fact)
    return source, source.url if source is not None else None


def _say(app: App[object], message: str, severity: str = "information") -> None:
    app.notify(message, markup=False, severity=severity)  # type: ignore[arg-type]


def open_url(node: DOMNode, url: str | None, lang: Lang) -> bool:
    """Open `url` in the browser without waiting; the toast shows it. True when started."""
    app = node.app
    if not url:
        _say(app, t("url.none", lang), "warning")
        return False
    checked = browser.web_url(url)
    if checked is None:
        _say(app, t("url.not-web", lang, url=url), "warning")
        return False
    _say(app, t("url.opening", lang, url=checked))

    def run() -> None:
        result = browser.open_url(checked)
        if not result.ok:
            message = t("url.failed", lang, url=result.url, detail=result.detail)
            app.call_from_thread(_say, app, message, "error")

    node.run_worker(run, thread=True, name="open-url", group="browser", exit_on_error=False)
    return True


def copy_url(node: DOMNode, url: str | None, lang: Lang) -> bool:
    """Copy `url` by the same path as `c`; a toast instead when there is none."""
    app = node.app
    if not url:
        _say(app, t("url.none", lang), "warning")
        return False
    main = getattr(app, "main_screen", None)
    if main is None:
        return False
    main.copy_text(url)
    return True
