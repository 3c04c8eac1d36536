"""The `moscow-tui` command: open the explorer, or check, export and describe the content.

Two forms share one program: `moscow-tui [SECTION-PATH] [options]` opens the app, and
`moscow-tui COMMAND ...` runs a command. A command is recognised only as the first argument, so
a section path can never be mistaken for one. The app (and with it Textual) is imported only when
the app is opened, which keeps `check` and `export` fast.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tui.cli_args import COMMANDS, PROG, app_parser, command_parser, quick_app_args
from tui.pack.model import Lang

if TYPE_CHECKING:
    from tui.pack.background import BackgroundLoad
    from tui.pack.load import ContentProblem, LoadResult
    from tui.pack.model import Pack

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer killed by the pipe


class UsageError(Exception):
    """A mistake in the arguments found after parsing (an unknown section path)."""


class OutputError(Exception):
    """Writing to stdout failed for a reason other than a closed pipe (a full disk, EIO)."""

    def __init__(self, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(reason[:1].lower() + reason[1:])


def _write(text: str) -> None:
    """Write `text` to stdout and flush it; a failed write is an OutputError, not a bug."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(error) from error


def _has_terminal() -> bool:
    """Whether stdin and stdout are both terminals: the explorer reads keys and draws on them."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # a closed or missing stream
        return False


def _utf8_streams() -> None:
    """Write UTF-8 whatever the locale says: `LANG=C` must not turn Cyrillic into a crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors="replace")


def _locale_lang() -> Lang:
    """ "ru" when the locale is Russian (ru_*), else "en"; the first set variable decides."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def _print_problems(problems: Sequence[ContentProblem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _problem_count(result: LoadResult) -> str:
    return f"{_plural(len(result.errors), 'error')}, {_plural(len(result.warnings), 'warning')}"


def _load_with_progress(dirs: list[Path] | None, *, background: bool = False) -> LoadResult:
    """`load_pack_cached`, with a progress line on stderr when the load is long (see
    `tui.cli_progress`)."""
    from tui.cli_progress import StderrProgress
    from tui.pack.cache import load_pack_cached

    progress = StderrProgress(sys.stderr)
    try:
        return load_pack_cached(
            dirs, background=background, progress=progress, announce=progress.reading_cache
        )
    finally:
        progress.done()


def _load(dirs: Sequence[Path] | None, *, background: bool = False) -> Pack:
    """The pack (from the cache when it matches), or every problem on stderr and exit 1."""
    folders = list(dirs) if dirs else None
    return _cached(folders) or _load_fresh(folders, background=background)


def _load_fresh(folders: list[Path] | None, *, background: bool = False) -> Pack:
    result = _load_with_progress(folders, background=background)
    if result.pack is None or result.errors:
        _report_failure(result)
    return result.pack


def _cached(folders: list[Path] | None) -> Pack | None:
    """The pack from a matching cache, or None; a hit imports neither the loader nor TOML."""
    from tui.cli_progress import StderrProgress
    from tui.pack.cache import cached_pack

    progress = StderrProgress(sys.stderr)
    try:
        return cached_pack(folders, announce=progress.reading_cache)
    finally:
        progress.done()


def _report_failure(failure: LoadResult | str) -> NoReturn:
    """A load's problems (or why the loader stopped) on stderr, and exit 1."""
    if isinstance(failure, str):
        print(f"{PROG}: cannot load the content: {failure}", file=sys.stderr)
    else:
        _print_problems(failure.problems)
        print(f"{PROG}: content has {_problem_count(failure)}", file=sys.stderr)
    raise SystemExit(EXIT_PROBLEMS)


def _section_path(pack: Pack, path: str | None) -> str | None:
    """`path` as a known section path, ignoring case and outer slashes ("Support/" is
    "support"); a usage error when unknown."""
    if path is None:
        return None
    wanted = path.strip("/").casefold()
    for known in pack.sections:
        if known.casefold() == wanted:
            return known
    import difflib

    # repr: the path is the user's own text, but escape sequences in it must not reach the terminal.
    lines = [f"unknown section path {path!r}"]
    if path in COMMANDS:
        lines.append(f"('{path}' is a command: put it first, as in '{PROG} {path} ...')")
    else:
        close = difflib.get_close_matches(path, [*pack.sections, *COMMANDS], n=1, cutoff=0.6)
        if close and close[0] in COMMANDS:
            lines.append(f"did you mean the command '{close[0]}'?")
        elif close:
            lines.append(f"did you mean '{close[0]}'?")
    lines.append("valid section paths:")
    lines += [f"  {valid}" for valid in pack.sections]
    raise UsageError("\n".join(lines))


def run_check(dirs: Sequence[Path]) -> int:

    result = _load_with_progress(list(dirs) if dirs else None)
    _print_problems(result.problems)
    if result.pack is None or result.errors:
        print(_problem_count(result), file=sys.stderr)
        return EXIT_PROBLEMS
    pack = result.pack
    counts = [
        _plural(len(pack.sections), "section"),
        _plural(len(pack.facts), "fact"),
        f"{len(pack.series)} series",
        _plural(len(pack.sources), "source"),
    ]
    if pack.entities:
        counts.append(_plural(len(pack.entities), "named place"))
    summary = f"content OK: {', '.join(counts)}"
    if result.warnings:
        summary += f" ({_plural(len(result.warnings), 'warning')})"
    print(summary)
    return EXIT_OK


def run_export(fmt: str, lang: Lang | None, dirs: Sequence[Path] | None, path: str | None) -> int:
    from tui.export.formats import export_chunks, subtree

    pack = _load(dirs)
    section = _section_path(pack, path)
    paths = subtree(pack, section) if section else None
    for chunk in export_chunks(fmt, pack, paths, lang or _locale_lang()):
        _write(chunk)
    return EXIT_OK


def run_sections(lang: Lang | None, dirs: Sequence[Path] | None) -> int:
    """Every section path, in the tree's order, with its title in `lang`."""
    pack = _load(dirs)
    lang = lang or _locale_lang()
    width = max((len(path) for path in pack.sections), default=0)
    lines = [f"{path:<{width}}  {s.title.get(lang)}" for path, s in pack.sections.items()]
    _write("".join(f"{line}\n" for line in lines))
    return EXIT_OK


def run_schema() -> int:
    from tui.pack.spec import json_schema_text

    _write(json_schema_text())
    return EXIT_OK


def run_paths(dirs: Sequence[Path] | None) -> int:
    from tui.paths import config_dir, default_content_dir, state_file

    content = [d.resolve() for d in dirs] if dirs else [default_content_dir()]
    for index, folder in enumerate(content):
        label = "content:" if index == 0 else ""
        print(f"{label:<9}{folder}")
    print(f"{'state:':<9}{state_file()}")
    print(f"{'config:':<9}{config_dir()}")
    return EXIT_OK


def run_app(section_arg: str | None, lang: Lang | None, content: Sequence[Path] | None) -> int:
    folders = list(content) if content else None
    pack = _cached(folders)
    if pack is None and _has_terminal():
        from tui.pack.background import start_long_load

        started = start_long_load(folders)
        if started is not None:
            preview, loading = started
            try:
                section = _section_path(preview, section_arg)
                return _open_app(preview, section, lang, loading)
            finally:
                loading.cancel()
    if pack is None:
        # The app writes the cache from a child process: its first frame need not wait for it.
        pack = _load_fresh(folders, background=True)
    section = _section_path(pack, section_arg)
    if not _has_terminal():
        # Checked after the content, whose problems are worth reporting anyway; without a
        # terminal Textual would spin, writing escape codes into a file or a pipe.
        raise UsageError(
            f"the explorer needs a terminal (stdin and stdout); to print the facts instead, "
            f"run '{PROG} export' (see '{PROG} --help')"
        )
    return _open_app(pack, section, lang, None)


def _open_app(
    pack: Pack, section: str | None, lang: Lang | None, loading: BackgroundLoad | None
) -> int:
    """Run the explorer on `pack` (or on the first pass of a load under way) until it quits."""
    try:
        from tui.ui.app import MoscowApp
    except ModuleNotFoundError as error:
        # Only the app module itself being absent means "not built yet"; a missing dependency
        # inside it is a real error and must surface.
        if error.name != "tui.ui.app":
            raise
        app_parser().print_help()
        return EXIT_OK
    app = MoscowApp(pack, start_path=section, lang=lang, loading=loading)
    app.run()
    if app.load_failure is not None:
        _report_failure(app.load_failure)
    return int(app.return_code or 0)


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        args = command_parser().parse_args(argv)
        if args.command == "check":
            return run_check([*args.dirs, *(args.content or [])])
        if args.command == "export":
            return run_export(args.format, args.lang, args.content, args.section)
        if args.command == "sections":
            return run_sections(args.lang, args.content)
        if args.command == "schema":
            return run_schema()
        return run_paths(args.content)
    quick = quick_app_args(argv)
    if quick is not None:
        return run_app(*quick)
    args = app_parser().parse_args(argv)
    return run_app(args.section, args.lang, args.content)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Console entry point: parse `argv` (default: the process's), run, and exit."""
    _utf8_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _dispatch(arguments)
        _write("")  # flushes what print() left in the buffer
    except UsageError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        code = EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`| head -1`): stop quietly, as a Unix filter does.
        _silence_stdout()
        code = EXIT_BROKEN_PIPE
    except OutputError as error:
        _silence_stdout()
        print(f"{PROG}: cannot write the output: {error}", file=sys.stderr)
        code = EXIT_PROBLEMS
    except KeyboardInterrupt:
        print(file=sys.stderr)
        code = EXIT_INTERRUPTED
    except Exception as error:
        # A bug, not a user's mistake; a one-line report unless a developer asks for the trace.
        if os.environ.get("MOSCOW_TUI_DEBUG"):
            raise
        print(f"{PROG}: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        print(f"{PROG}: set MOSCOW_TUI_DEBUG=1 to see the traceback", file=sys.stderr)
        code = EXIT_PROBLEMS
    sys.exit(code)
