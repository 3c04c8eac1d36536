"""A pack and an app for the evidence tests: a quote of the source, a derived fact with inputs,
a source without a URL and a same-day reprint that has one, a series with notes and gaps."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from app_helpers import TASS, L, build_pack

from tui import browser, clipboard
from tui.pack.model import Fact, FactKind, Pack, Qualifier, SeriesPoint, Source
from tui.ui.app import MoscowApp

NOURL = "izvestia-2025-10-22"
REPRINT = "nsn-2025-10-22"
EVIDENCE = "в Москве работают 49 технопарков"


def evidence_pack() -> Pack:
    """`build_pack()` with evidence, a derived fact of ours and a source without a URL."""
    base = build_pack()
    sources = dict(base.sources)
    sources[NOURL] = Source(
        id=NOURL,
        publisher="Izvestia",
        title="Собянин о технопарках",
        date=date(2025, 10, 22),
        url=None,
        language="ru",
        note=L("Адрес страницы неизвестен.", "The page's address is unknown."),
    )
    sources[REPRINT] = Source(
        id=REPRINT,
        publisher="nsn.fm",
        title="Собянин: Москва развивает проекты",
        date=date(2025, 10, 22),
        url="https://nsn.fm/novosti/1",
        language="ru",
    )
    facts: list[Fact] = []
    for fact in base.facts:
        if fact.id == "technoparks-count":
            fact = dataclasses.replace(fact, evidence=EVIDENCE)
        elif fact.id == "technoparks-growth":
            fact = dataclasses.replace(
                fact, source=None, inputs=("technoparks-count", "technopolis-residents")
            )
        elif fact.id == "technoparks-specialists":
            fact = dataclasses.replace(fact, source=NOURL)
        facts.append(fact)
    series = dict(base.series)
    count = series["technoparks-count"]
    points = list(count.points)
    points[2] = dataclasses.replace(
        points[2], qualifier=Qualifier.OVER, note=L("Рабочие места.", "Counted as jobs.")
    )
    points[1] = dataclasses.replace(points[1], qualifier=Qualifier.ABOUT)
    series["technoparks-count"] = dataclasses.replace(
        count, points=tuple(points), note=L("Заявления на дату.", "Statements as of a date.")
    )
    series["export-volume"] = dataclasses.replace(
        series["export-volume"],
        points=(*series["export-volume"].points, SeriesPoint(2026, 500, TASS)),
    )
    return dataclasses.replace(base, sources=sources, facts=tuple(facts), series=series)


def fact(pack: Pack, fact_id: str) -> Fact:
    return next(one for one in pack.facts if one.id == fact_id)


def derived(pack: Pack) -> Fact:
    found = fact(pack, "technoparks-growth")
    assert found.kind is FactKind.DERIVED and found.source is None
    return found


class Notices(list[str]):
    """The toasts an app showed, in order."""


def make_app(pack: Pack, tmp_path: Path, notices: Notices, **kwargs: Any) -> MoscowApp:
    """An app on `pack` with its state in `tmp_path`, recording its toasts into `notices`."""
    kwargs.setdefault("state_path", tmp_path / "state.json")
    kwargs.setdefault("lang", "en")
    app = MoscowApp(pack, **kwargs)
    on_notify(app, lambda message, options: notices.append(message))
    return app


def on_notify(app: MoscowApp, record: Callable[[str, dict[str, Any]], None]) -> None:
    """Call `record(message, options)` for each toast `app` shows, then show it as usual."""
    original = app.notify

    def notify(message: str, **options: Any) -> None:
        record(message, options)
        original(message, **options)

    app.notify = notify  # type: ignore[method-assign]


def fake_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs the app asks the browser to open, from now on (no browser is started)."""
    urls: list[str] = []

    def fake_open(url: str, *args: object) -> browser.OpenResult:
        urls.append(url)
        return browser.OpenResult(url, True)

    monkeypatch.setattr(browser, "open_url", fake_open)
    return urls


def fake_native_copy(copied: list[str]) -> Any:
    def copy_native(text: str, timeout: float = 1.0) -> clipboard.NativeCopyResult:
        copied.append(text)
        return clipboard.NativeCopyResult("fakeclip", True, "")

    return copy_native
