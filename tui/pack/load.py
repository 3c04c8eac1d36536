"""Load a content pack from TOML files, or explain precisely why it cannot be loaded.

The pipeline, one module a step: list and read the files of each folder (`files`), parse each
(`parse`), check each entry against the schema (`validate`, with `kinds` and `spec`), check the
entries against each other (`references`), and build the model (`build`). Every problem of the
run is reported compiler-style (`path:line:col: error: message`, lines found by `locate`); a
pack is returned only when there is no error. It never raises, whatever the folder holds. No
Textual or Rich import here.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tui.pack.build import build_pack
from tui.pack.files import (
    MAX_FILE_BYTES,
    BadEncoding,
    Decoded,
    Refusal,
    content_names,
    decode,
    read_content,
)
from tui.pack.locate import Locator
from tui.pack.memory import collector_paused
from tui.pack.model import Pack
from tui.pack.parse import Parsed, SyntaxProblem, parse, parse_many
from tui.pack.problems import ContentFile, ContentProblem, ProblemLog, Severity, safe
from tui.pack.references import References
from tui.pack.validate import Validator
from tui.paths import default_content_dir

__all__ = [
    "MAX_FILE_BYTES",
    "ContentProblem",
    "LoadProgress",
    "LoadResult",
    "Severity",
    "Stage",
    "load_pack",
]


Stage = Literal["reading", "checking", "building"]


@dataclass(frozen=True)
class LoadProgress:
    """How far a load has got: files read of the files listed so far, and facts read.

    `stage` says what is under way: reading the files (reported after each), then checking the
    entries against each other, then building the pack (each reported once, as it starts).
    """

    files_read: int
    files_listed: int
    facts_read: int
    stage: Stage = "reading"


ProgressCallback = Callable[[LoadProgress], None]


@dataclass
class LoadResult:
    """The pack (None when there is any error), every problem found, and the files read."""

    pack: Pack | None
    problems: list[ContentProblem]
    files: list[Path]

    @property
    def errors(self) -> list[ContentProblem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[ContentProblem]:
        return [problem for problem in self.problems if problem.severity == "warning"]


def load_pack(
    dirs: Sequence[Path] | None = None, progress: ProgressCallback | None = None
) -> LoadResult:
    """Load the pack made of every content file in `dirs` (default: the shipped content).

    `progress`, when given, is called after each file with the counts so far, so that a long
    load can say how far it has got.
    """
    folders = [default_content_dir()] if dirs is None else [Path(d) for d in dirs]
    loader = _Loader(progress)
    with collector_paused():
        try:
            return loader.run(folders)
        except Exception as exc:  # a bug here must not become a traceback for the reader
            loader.log.add(
                safe(str(folders[0]) if folders else "<content>"),
                None,
                None,
                "error",
                f"internal error while loading: {type(exc).__name__}: {safe(str(exc))}",
            )
            return LoadResult(None, loader.log.sorted(), loader.files)


class _Loader:
    """One run of the pipeline: read → parse → validate every file, then references → build."""

    def __init__(self, progress: ProgressCallback | None = None) -> None:
        self.log = ProblemLog()
        self.validator = Validator(self.log)
        self.files: list[Path] = []
        self.progress = progress
        self.files_listed = 0
        self.files_read = 0
        self.facts_read = 0

    def run(self, folders: list[Path]) -> LoadResult:
        log = self.log
        if not folders:
            log.add("<content>", None, None, "error", "no content folder given")
            return LoadResult(None, log.sorted(), self.files)
        for folder in folders:
            self.read_folder(folder)
        pack = None
        if log.unparsed:
            log.add(
                safe(str(folders[0])),
                None,
                None,
                "warning",
                "references between entries were not checked: "
                f"{log.unparsed} file(s) or folder(s) could not be read",
                rank=log.rank + 1,
            )
        else:
            self.report("checking")
            References(log, self.validator.entries).check(folders)
            if log.error_count == 0:
                self.report("building")
                pack = build_pack(self.validator.entries)
        return LoadResult(pack, log.sorted(), self.files)

    def refuse(self, shown: str, message: str, severity: Severity = "error") -> None:
        """A file or folder that was not read: an error stops the cross-entry checks."""
        if severity == "error":
            self.log.unparsed += 1
        self.log.add(shown, None, None, severity, message)

    def read_folder(self, folder: Path) -> None:
        shown = safe(str(folder), limit=400)
        self.log.rank += 1
        try:
            info = os.stat(folder)
        except FileNotFoundError:
            return self.refuse(shown, "content folder does not exist")
        except OSError as exc:
            return self.refuse(shown, f"cannot open content folder: {exc.strerror}")
        if not stat.S_ISDIR(info.st_mode):
            return self.refuse(shown, "not a folder (give a folder of *.toml files)")
        try:
            names = content_names(folder)
        except OSError as exc:
            return self.refuse(shown, f"cannot list content folder: {exc.strerror}")
        if not names:
            return self.refuse(shown, "no *.toml files in this folder")
        self.files_listed += len(names)
        paths = [folder / name for name in names]
        # All read first, so that a large pack's files are parsed ahead in a second process
        # (`parse_many`) while each is checked here, in name order as before.
        contents = [_read(path) for path in paths]
        texts = [content.text if isinstance(content, Decoded) else None for content in contents]
        for path, content, document in zip(paths, contents, parse_many(texts), strict=True):
            self.log.rank += 1
            try:
                self.check_file(path, content, document)
            except Exception as exc:
                self.refuse(
                    safe(str(path), limit=400),
                    f"cannot load file: {type(exc).__name__}: {safe(str(exc))}",
                )
            self.files_read += 1
            self.report("reading")
        return None

    def report(self, stage: Stage) -> None:
        if self.progress is not None:
            self.progress(LoadProgress(self.files_read, self.files_listed, self.facts_read, stage))

    def check_file(self, path: Path, content: Content, document: Parsed | Exception | None) -> None:
        """One file's turn: its read or decoding problem, its syntax problem, or its entries."""
        shown = safe(str(path), limit=400)
        if isinstance(content, Exception):
            raise content
        if isinstance(content, Refusal):
            return self.refuse(shown, content.message, content.severity)
        self.files.append(path)
        if content.had_bom:
            self.log.add(shown, 1, 1, "warning", "UTF-8 byte order mark (BOM) ignored")
        if isinstance(content, BadEncoding):
            self.log.unparsed += 1
            self.log.add(shown, content.line, content.column, "error", content.message)
            return None
        if isinstance(document, Exception):
            raise document
        if document is None:  # not parsed ahead (cannot happen for decoded text): parse now
            document = parse(content.text)
        if isinstance(document, SyntaxProblem):
            self.log.unparsed += 1
            message = f"invalid TOML: {safe(document.message, 200)}"
            self.log.add(shown, document.line, document.column, "error", message)
            return None
        facts = document.get("fact")
        self.facts_read += len(facts) if isinstance(facts, list) else 0
        file = ContentFile(shown, self.log.rank, Locator(content.text))
        self.validator.check_document(file, document)
        return None


Content = Refusal | Decoded | BadEncoding | Exception


def _read(path: Path) -> Content:
    """A file's text, or why it has none; an unexpected error is kept for the file's turn."""
    try:
        data = read_content(path)
        return data if isinstance(data, Refusal) else decode(data)
    except Exception as exc:
        return exc
