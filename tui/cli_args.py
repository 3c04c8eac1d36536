"""The arguments of `moscow-tui`: the parsers of its two forms and a fast path for the usual one.

argparse is imported inside the functions: the app's usual start (`quick_app_args`) skips it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.pack.model import LANGS, Lang

if TYPE_CHECKING:
    import argparse

PROG = "moscow-tui"
COMMANDS: dict[str, str] = {
    "check": "validate content files and print every problem",
    "export": "print the facts as Markdown, JSON or CSV (default: Markdown)",
    "sections": "print every section path with its title",
    "schema": "print the JSON Schema of a content file",
    "paths": "print where the content, state and config live",
}


def _add_content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        action="append",
        type=Path,
        metavar="DIR",
        help="read content from DIR instead of the shipped content (repeatable)",
    )


def _add_lang_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--lang", choices=LANGS, help=what)


def app_parser() -> argparse.ArgumentParser:
    """The parser of the app form; its help also lists the commands."""
    import argparse

    commands = "\n".join(f"  {name:<10}{text}" for name, text in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=(
            f"{PROG} [SECTION-PATH] [--lang {{ru,en}}] [--content DIR]...\n"
            f"       {PROG} {{{','.join(COMMANDS)}}} ..."
        ),
        description=(
            "A keyboard-first terminal explorer for the facts of a TASS report on Moscow's\n"
            "high-tech infrastructure. Opens at SECTION-PATH (e.g. support/export) when given."
        ),
        epilog=(
            f"commands:\n{commands}\n\n"
            f"examples:\n"
            f"  {PROG} support/export --lang en\n"
            f"  {PROG} sections --lang en\n"
            f"  {PROG} check content/\n"
            f"  {PROG} export --lang ru infrastructure > infrastructure.md\n\n"
            f"Run '{PROG} COMMAND --help' for a command's options.\n"
            f"Inside the explorer, press ? (or F1) to see every key."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("section", nargs="?", metavar="SECTION-PATH", help="section to open")
    _add_lang_option(parser, "language of the content (default: remembered, then the locale)")
    _add_content_option(parser)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def command_parser() -> argparse.ArgumentParser:
    """The parser of the command form: `moscow-tui COMMAND ...`."""
    import argparse

    parser = argparse.ArgumentParser(prog=PROG)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help=COMMANDS["check"],
        description="Validate content files; exit 0 with a summary, or 1 with every problem.",
    )
    check.add_argument(
        "dirs", nargs="*", type=Path, metavar="DIR", help="content folders (default: shipped)"
    )
    _add_content_option(check)

    export = commands.add_parser(
        "export",
        help=COMMANDS["export"],
        description=(
            "Print the facts (of SECTION-PATH and its subsections, or all) to stdout, as "
            "Markdown unless --format says otherwise. JSON carries both languages; --lang "
            "chooses the language of md and csv."
        ),
    )
    export.add_argument("--format", default="md", choices=("md", "json", "csv"), help="default: md")
    _add_lang_option(export, "language of md and csv text (default: from the locale)")
    _add_content_option(export)
    export.add_argument("section", nargs="?", metavar="SECTION-PATH", help="section to export")

    sections = commands.add_parser(
        "sections", help=COMMANDS["sections"], description=COMMANDS["sections"] + "."
    )
    _add_lang_option(sections, "language of the titles (default: from the locale)")
    _add_content_option(sections)

    commands.add_parser("schema", help=COMMANDS["schema"], description=COMMANDS["schema"] + ".")

    paths = commands.add_parser(
        "paths", help=COMMANDS["paths"], description=COMMANDS["paths"] + "."
    )
    _add_content_option(paths)
    return parser


def quick_app_args(argv: list[str]) -> tuple[str | None, Lang | None, list[Path] | None] | None:
    """The app form's arguments when `argv` is plainly one of its usual shapes, else None.

    Saves importing and building argparse on the app's start. Anything unusual (help, version,
    abbreviations, a bad value, a stray option) returns None and goes to argparse, which then
    accepts or explains it exactly as before.
    """
    section: str | None = None
    lang: Lang | None = None
    content: list[Path] | None = None
    index = 0
    while index < len(argv):
        arg = argv[index]
        name, equals, value = arg.partition("=")
        if name in ("--lang", "--content") and arg.startswith("--"):
            if not equals:
                if index + 1 >= len(argv):
                    return None
                index += 1
                value = argv[index]
                if value.startswith("-"):
                    return None
            if name == "--lang":
                if value == "ru":
                    lang = "ru"
                elif value == "en":
                    lang = "en"
                else:
                    return None
            else:
                content = [*(content or []), Path(value)]
        elif arg.startswith("-") or section is not None:
            return None
        else:
            section = arg
        index += 1
    return section, lang, content
