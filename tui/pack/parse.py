"""TOML text to a document, or the syntax problem with its line and column (tomli)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SyntaxProblem:
    """Why a text is not TOML, and where (when the parser says)."""

    line: int | None
    column: int | None
    message: str


def parse(text: str) -> dict[str, Any] | SyntaxProblem:
    """The TOML document of `text`, or why it is not one; never raises for bad input."""
    import tomli  # here, not at the top: a cached pack is loaded without parsing TOML

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line: int | None = getattr(exc, "lineno", None)
        column: int | None = getattr(exc, "colno", None)
        message = getattr(exc, "msg", None) or re.sub(r" \(at .*\)$", "", str(exc))
        return SyntaxProblem(line, column, message)
    except RecursionError:
        return SyntaxProblem(None, None, "nested too deeply")
