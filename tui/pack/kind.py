"""What a kind of field is (`Kind`: a full check, a fast path, a JSON Schema fragment), and
what its checks may ask of the validator (`Checker`). The kinds are in `tui.pack.kinds`.

The fast path returns the checked value of a plainly valid raw value, or `SLOW` for anything
else; the full check then looks at it again and words the problem. Keeping every message in the
full check means the fast path can never word an error differently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from tui.pack.problems import KeyPath, type_name
from tui.pack.spec import SLUG_PATTERN, FieldSpec, TableSpec

SLOW: Any = object()
FastCheck = Callable[[Any], Any]

SLUG = re.compile(SLUG_PATTERN)


class Checker(Protocol):
    """What a full check may ask of the validator, for the entry being checked."""

    def fail(self, keys: KeyPath, message: str) -> None: ...

    def clean(self, text: str, keys: KeyPath) -> str: ...

    def check_table(
        self, table: TableSpec, data: dict[str, Any], keys: KeyPath
    ) -> tuple[dict[str, Any], bool]: ...


FullCheck = Callable[[FieldSpec, Any, KeyPath, Checker], Any]
SchemaOf = Callable[[FieldSpec], dict[str, object]]


@dataclass(frozen=True)
class Kind:
    """One kind of field: how to check it fully, quickly, and how JSON Schema says it."""

    check: FullCheck  # the checked value, or None after reporting a problem
    fast: Callable[[FieldSpec], FastCheck]
    schema: SchemaOf


def wrong(checker: Checker, keys: KeyPath, expected: str, raw: Any) -> None:
    checker.fail(keys, f"expected {expected}, not {type_name(raw)}")


def no_fast_path(spec: FieldSpec) -> FastCheck:
    return lambda raw: SLOW


def always(fast: FastCheck) -> Callable[[FieldSpec], FastCheck]:
    return lambda spec: fast
