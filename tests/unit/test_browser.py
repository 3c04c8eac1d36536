"""Opening a URL: only http and https, `$BROWSER` honoured, failures reported, never raised."""

from __future__ import annotations

import stat
import sys
import webbrowser
from pathlib import Path

import pytest

from tui import browser


@pytest.mark.parametrize(
    "url",
    ["https://tass.ru/ekonomika/1", "http://example.org/a?b=c", " https://m24.ru/x "],
)
def test_web_urls_pass(url: str) -> None:
    assert browser.web_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://example.org/",
        "https://",
        "tass.ru/ekonomika",
        "https://example.org/a b",
        "https://example.org/\x1b[31m",
    ],
)
def test_other_urls_are_refused(url: str | None) -> None:
    assert browser.web_url(url) is None
    if url:
        result = browser.open_url(url)
        assert not result.ok and "http" in result.detail


class FakeBrowser(webbrowser.BaseBrowser):
    def __init__(self, answer: bool | Exception) -> None:
        super().__init__("fake")
        self.answer = answer
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        if isinstance(self.answer, Exception):
            raise self.answer
        self.opened.append(url)
        return self.answer


def test_open_url_uses_the_browser_and_reports_failure() -> None:
    fake = FakeBrowser(True)
    assert browser.open_url("https://a.example/", lambda: fake) == browser.OpenResult(
        "https://a.example/", True
    )
    assert fake.opened == ["https://a.example/"]
    failed = browser.open_url("https://a.example/", lambda: FakeBrowser(False))
    assert not failed.ok and failed.detail == "the browser command failed"
    broken = browser.open_url("https://a.example/", lambda: FakeBrowser(OSError("gone")))
    assert not broken.ok and broken.detail == "gone"

    def none() -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    assert browser.open_url("https://a.example/", none).detail == (
        "could not locate runnable browser"
    )


def test_browser_variable_is_honoured(tmp_path: Path) -> None:
    """A fresh interpreter with $BROWSER set to a script: the script receives the URL."""
    import subprocess

    record = tmp_path / "opened.txt"
    script = tmp_path / "fake-browser"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{record}"\n', encoding="utf-8")
    script.chmod(stat.S_IRWXU)
    code = (
        "from tui.browser import open_url; "
        "r = open_url('https://tass.ru/ekonomika/1'); print(r.ok, r.detail)"
    )
    env = {"BROWSER": str(script), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.stdout.strip() == "True", done.stderr
    assert record.read_text() == "https://tass.ru/ekonomika/1"


def test_console_browsers_are_not_used_without_browser_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lynx = FakeBrowser(True)
    lynx.name = "lynx"
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setattr(webbrowser, "get", lambda using=None: lynx)
    result = browser.open_url("https://a.example/")
    assert not result.ok and "terminal browser (lynx)" in result.detail
    assert lynx.opened == []


def test_a_browser_that_never_returns_is_not_waited_for() -> None:
    import threading
    import time

    release = threading.Event()

    class Hanging(FakeBrowser):
        def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
            release.wait(30)
            return True

    started = time.monotonic()
    result = browser.open_url("https://a.example/", lambda: Hanging(True), wait=0.2)
    assert time.monotonic() - started < 2
    assert result.ok and result.detail == "the browser is still starting"
    release.set()
