"""The `moscow-tui` command line, in-process and as the installed script."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import types
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import ClassVar

import pytest

import tui
import tui.pack.background as background
from tui import cli
from tui.cli import main
from tui.export.select import subtree
from tui.pack.background import BackgroundLoad
from tui.pack.load import LoadResult, load_pack
from tui.pack.model import Pack
from tui.pack.spec import json_schema_text
from tui.paths import default_content_dir

SCRIPT = Path(sys.executable).with_name("moscow-tui")
PROBLEM_LINE = re.compile(r"^\S+\.toml:\d+(:\d+)?: (error|warning): .+")


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every run away from the developer's own state and config."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack()
    assert result.pack is not None, [str(p) for p in result.problems]
    return result.pack


@pytest.fixture
def broken_dir(tmp_path: Path) -> Path:
    """A copy of the shipped content with a misspelt key and a TOML syntax error."""
    target = tmp_path / "broken"
    shutil.copytree(default_content_dir(), target)
    technoparks = target / "technoparks.toml"
    text = technoparks.read_text(encoding="utf-8")
    technoparks.write_text(text.replace("value = ", "vaule = ", 1), encoding="utf-8")
    (target / "syntax.toml").write_text('[[fact]]\nid = "x\n', encoding="utf-8")
    return target


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Call `main` in-process; return (exit status, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


def script(
    *argv: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(SCRIPT), *argv], capture_output=True, env=env, cwd=cwd, timeout=60, check=False
    )


# --- help, version and bad arguments -------------------------------------------------------------


def test_help_lists_both_forms_and_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "SECTION-PATH" in out and "--lang" in out and "--content" in out
    for command in ("check", "export", "sections", "schema", "paths"):
        assert re.search(rf"^  {command} +\w", out, re.MULTILINE), command
    assert "press ? (or F1) to see every key" in out


def test_command_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--help")
    assert code == 0
    assert "--format {md,json,csv}" in out


def test_version_matches_the_installed_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"moscow-tui {tui.__version__}"
    assert version("moscow-tui") == tui.__version__


@pytest.mark.parametrize(
    "argv",
    [
        ("--lang", "fr"),
        ("--no-such-option",),
        ("export", "--format", "xml"),
        ("check", "--bogus"),
        ("a", "b"),
    ],
)
def test_bad_arguments_exit_2_with_usage(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err
    assert "Traceback" not in err + out


# --- check ---------------------------------------------------------------------------------------


def test_check_shipped_content(capsys: pytest.CaptureFixture[str], pack: Pack) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 0
    summary = out.strip()
    assert summary.startswith(
        f"content OK: {len(pack.sections)} sections, {len(pack.facts)} facts, "
        f"{len(pack.series)} series, {len(pack.sources)} sources, "
        f"{len(pack.entities)} named places"
    )
    assert "\n" not in summary


def test_check_reports_every_problem_with_file_and_line(
    capsys: pytest.CaptureFixture[str], broken_dir: Path
) -> None:
    code, out, err = run(capsys, "check", str(broken_dir))
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    problems = [line for line in lines if PROBLEM_LINE.match(line)]
    assert any("technoparks.toml:" in p and "vaule" in p for p in problems)
    assert any("syntax.toml:" in p for p in problems)
    assert re.fullmatch(r"\d+ errors?, \d+ warnings?", lines[-1])
    assert int(lines[-1].split()[0]) == sum(": error: " in p for p in problems)


def test_check_takes_content_option_too(
    capsys: pytest.CaptureFixture[str], broken_dir: Path
) -> None:
    code, _, err = run(capsys, "check", "--content", str(broken_dir))
    assert code == 1
    assert "vaule" in err


def test_check_of_a_missing_folder_is_a_problem_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "nowhere"))
    assert code == 1
    assert "nowhere" in err and "Traceback" not in err


def test_check_prints_warnings_but_passes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "content"
    shutil.copytree(default_content_dir(), target)
    technoparks = target / "technoparks.toml"
    text = technoparks.read_text(encoding="utf-8")
    # A bidi control in a text is replaced at load and reported as a warning.
    technoparks.write_text(text.replace('en = "', 'en = "\u202e', 1), encoding="utf-8")
    code, out, err = run(capsys, "check", str(target))
    assert code == 0
    assert re.search(r"\(\d+ warnings?\)$", out.strip())
    assert any(PROBLEM_LINE.match(line) and ": warning: " in line for line in err.splitlines())


# --- export --------------------------------------------------------------------------------------


def test_export_json_every_fact_cites_a_dated_source(
    capsys: pytest.CaptureFixture[str], pack: Pack
) -> None:
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    data = json.loads(out)
    facts = data["facts"]
    assert [f["id"] for f in facts] == [f.id for f in pack.facts]
    for fact in facts:
        assert set(fact["text"]) == {"ru", "en"}
        assert fact["section"] in pack.sections
        if fact.get("computed_by") == "moscow-tui":
            assert fact["source"] is None  # a derived figure is ours and cites its inputs
            continue
        source = fact["source"]
        assert {"id", "publisher", "title", "date", "url"} <= set(source)
        expected = pack.sources[source["id"]].date
        assert source["date"] == (expected.isoformat() if expected else None)
        if source["date"] is not None:
            date.fromisoformat(source["date"])
        if "value" in fact:
            assert {"unit", "qualifier", "year"} <= set(fact)
    assert len(data["series"]) == len(pack.series)
    for series in data["series"]:
        assert all("publisher" in point["source"] for point in series["points"])


def test_export_json_of_a_section_includes_its_subsections(
    capsys: pytest.CaptureFixture[str], pack: Pack
) -> None:
    parent = next(s.path for s in pack.roots if s.children)
    code, out, _ = run(capsys, "export", "--format", "json", parent)
    assert code == 0
    data = json.loads(out)
    wanted = set(subtree(pack, parent))
    assert {f["id"] for f in data["facts"]} == {f.id for f in pack.facts if f.section in wanted}
    assert {s["path"] for s in data["sections"]} == wanted


def test_export_markdown_reads_and_cites(capsys: pytest.CaptureFixture[str], pack: Pack) -> None:
    code, out, _ = run(capsys, "export", "--format", "md", "--lang", "en")
    assert code == 0
    assert out.startswith(f"# {pack.title.en}\n")
    for section in pack.sections.values():
        assert section.title.en in out
    assert "## Sources" in out
    primary = pack.sources[pack.primary_source]
    assert primary.publisher in out
    assert primary.url is None or primary.url in out

    code, out_ru, _ = run(capsys, "export", "--format", "md", "--lang", "ru")
    assert code == 0
    assert "## Источники" in out_ru
    assert all(section.title.ru in out_ru for section in pack.sections.values())


def test_export_csv_has_one_row_per_fact(capsys: pytest.CaptureFixture[str], pack: Pack) -> None:
    code, out, _ = run(capsys, "export", "--format", "csv", "--lang", "ru")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(pack.facts)
    assert [row["id"] for row in rows] == [fact.id for fact in pack.facts]
    assert rows[0]["text"] == pack.facts[0].text.ru
    assert all(row["source_publisher"] for row in rows)


def test_export_unknown_section_lists_valid_paths(
    capsys: pytest.CaptureFixture[str], pack: Pack
) -> None:
    code, out, err = run(capsys, "export", "--format", "md", "no/such/section")
    assert code == 2
    assert out == ""
    assert "no/such/section" in err
    for path in pack.sections:
        assert f"  {path}\n" in err


def test_export_accepts_a_trailing_slash_and_escapes_odd_paths(
    capsys: pytest.CaptureFixture[str], pack: Pack
) -> None:
    parent = next(s.path for s in pack.roots if s.children)
    code, out, _ = run(capsys, "export", "--format", "csv", parent + "/")
    assert code == 0
    assert len(list(csv.DictReader(io.StringIO(out)))) == sum(
        f.section in subtree(pack, parent) for f in pack.facts
    )
    code, _, err = run(capsys, "export", "--format", "csv", "\x1b[31mred")
    assert code == 2
    assert "\x1b" not in err and "\\x1b[31mred" in err


def test_export_without_a_format_writes_markdown(
    capsys: pytest.CaptureFixture[str], pack: Pack
) -> None:
    code, out, _ = run(capsys, "export", "--lang", "en")
    assert code == 0
    assert out.startswith(f"# {pack.title.en}")
    assert out == run(capsys, "export", "--format", "md", "--lang", "en")[1]


def test_export_section_paths_ignore_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, mixed, err = run(capsys, "export", "--format", "json", "Support/Export")
    assert code == 0, err
    assert mixed == run(capsys, "export", "--format", "json", "support/export")[1]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_sections_lists_every_path_with_its_title(
    capsys: pytest.CaptureFixture[str], pack: Pack, lang: str
) -> None:
    code, out, _ = run(capsys, "sections", "--lang", lang)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(pack.sections)
    for line, section in zip(lines, pack.sections.values(), strict=True):
        path, title = line.split(maxsplit=1)
        assert (path, title) == (section.path, section.title.get(lang))  # type: ignore[arg-type]


def test_export_of_broken_content_exits_1(
    capsys: pytest.CaptureFixture[str], broken_dir: Path
) -> None:
    code, out, err = run(capsys, "export", "--format", "json", "--content", str(broken_dir))
    assert code == 1
    assert out == ""
    assert any(PROBLEM_LINE.match(line) for line in err.splitlines())


def test_export_to_a_closed_pipe_is_quiet(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "md"])
    assert exit_info.value.code == 141
    assert capsys.readouterr().err == ""


# --- schema, paths -------------------------------------------------------------------------------


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert out == json_schema_text()
    assert json.loads(out)["$schema"].startswith("https://json-schema.org/")


def test_paths_use_the_xdg_dirs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "paths")
    assert code == 0
    lines = dict(line.split(None, 1) for line in out.strip().splitlines())
    assert lines["content:"] == str(default_content_dir())
    assert lines["state:"] == str(tmp_path / "state" / "moscow-tui" / "state.json")
    assert lines["config:"] == str(tmp_path / "config" / "moscow-tui")
    code, out, _ = run(capsys, "paths", "--content", str(tmp_path))
    assert f"content: {tmp_path}" in out


# --- the app form --------------------------------------------------------------------------------


class FakeApp:
    """Stands in for tui.ui.app.MoscowApp: records how the command line built and ran it."""

    made: ClassVar[list[FakeApp]] = []
    return_code: ClassVar[int | None] = None
    raise_on_run: ClassVar[type[BaseException] | None] = None

    def __init__(
        self,
        pack: Pack,
        *,
        start_path: str | None = None,
        lang: str | None = None,
        loading: BackgroundLoad | None = None,
    ):
        self.pack, self.start_path, self.lang, self.loading = pack, start_path, lang, loading
        self.ran = False
        self.load_failure: LoadResult | str | None = None
        FakeApp.made.append(self)

    def run(self) -> None:
        self.ran = True
        if self.raise_on_run is not None:
            raise self.raise_on_run


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> type[FakeApp]:
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)  # pytest's stdin is not a terminal
    module = types.ModuleType("tui.ui.app")
    module.MoscowApp = FakeApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.ui.app", module)
    monkeypatch.setattr(FakeApp, "made", [])
    return FakeApp


def test_app_opens_at_a_section(
    capsys: pytest.CaptureFixture[str], fake_app: type[FakeApp], pack: Pack
) -> None:
    path = next(s.path for s in pack.sections.values() if s.parent is not None)
    code, _, _ = run(capsys, path, "--lang", "en")
    assert code == 0
    (app,) = fake_app.made
    assert app.ran and app.start_path == path and app.lang == "en"
    assert app.pack.facts == pack.facts


def test_a_long_cold_load_opens_the_app_on_its_first_pass(
    capsys: pytest.CaptureFixture[str],
    fake_app: type[FakeApp],
    pack: Pack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(background, "LONG_LOAD_BYTES", 1)  # the shipped content counts as long
    path = next(s.path for s in pack.sections.values() if s.parent is not None)
    code, _, _ = run(capsys, path, "--lang", "en")
    assert code == 0
    (app,) = fake_app.made
    assert app.start_path == path
    assert app.pack.sections == pack.sections and app.pack.facts == ()  # the first pass
    assert app.loading is not None
    with pytest.raises(ChildProcessError):  # the app is gone: its loader was ended and reaped
        os.waitpid(app.loading.pid, os.WNOHANG)


def test_a_long_load_with_an_unknown_section_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
    fake_app: type[FakeApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[BackgroundLoad] = []
    real_start = BackgroundLoad.start.__func__  # type: ignore[attr-defined]

    def start(cls: type[BackgroundLoad], folders: list[Path]) -> BackgroundLoad | None:
        loading = real_start(cls, folders)
        started.append(loading)
        return loading

    monkeypatch.setattr(background, "LONG_LOAD_BYTES", 1)
    monkeypatch.setattr(BackgroundLoad, "start", classmethod(start))
    code, _, err = run(capsys, "no/such/section")
    assert code == 2 and "unknown section path 'no/such/section'" in err
    assert fake_app.made == []
    (loading,) = started
    with pytest.raises(ChildProcessError):
        os.waitpid(loading.pid, os.WNOHANG)


def test_app_without_arguments(capsys: pytest.CaptureFixture[str], fake_app: type[FakeApp]) -> None:
    code, _, _ = run(capsys)
    assert code == 0
    (app,) = fake_app.made
    assert app.start_path is None and app.lang is None


def test_app_crash_gives_a_nonzero_exit(
    capsys: pytest.CaptureFixture[str], fake_app: type[FakeApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FakeApp, "return_code", 1)
    code, _, _ = run(capsys)
    assert code == 1


def test_app_interrupted_exits_130(
    capsys: pytest.CaptureFixture[str], fake_app: type[FakeApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FakeApp, "raise_on_run", KeyboardInterrupt)
    code, _, err = run(capsys)
    assert code == 130
    assert "Traceback" not in err


def test_app_unknown_section(capsys: pytest.CaptureFixture[str], fake_app: type[FakeApp]) -> None:
    code, _, err = run(capsys, "infrastructur")
    assert code == 2
    assert "did you mean 'infrastructure'?" in err
    assert fake_app.made == []
    code, _, err = run(capsys, "exprt")
    assert code == 2
    assert "did you mean the command 'export'?" in err
    code, _, err = run(capsys, "--lang", "en", "check")
    assert code == 2
    assert "'check' is a command" in err


def test_app_section_paths_ignore_case(
    capsys: pytest.CaptureFixture[str], fake_app: type[FakeApp]
) -> None:
    code, _, err = run(capsys, "Support/EXPORT/")
    assert code == 0, err
    (app,) = fake_app.made
    assert app.start_path == "support/export"


def test_app_without_a_terminal_says_so_and_never_imports_textual(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.delitem(sys.modules, "tui.ui.app", raising=False)
    monkeypatch.setitem(sys.modules, "textual.app", None)  # importing Textual's App would fail
    code, out, err = run(capsys, "support/export")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "needs a terminal" in err and "moscow-tui export" in err


def test_app_with_broken_content_exits_1(
    capsys: pytest.CaptureFixture[str], fake_app: type[FakeApp], broken_dir: Path
) -> None:
    code, _, err = run(capsys, "--content", str(broken_dir))
    assert code == 1
    assert fake_app.made == []
    assert any(PROBLEM_LINE.match(line) for line in err.splitlines())


def test_without_the_app_module_help_is_printed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    monkeypatch.setitem(sys.modules, "tui.ui.app", None)  # makes `import tui.ui.app` fail
    code, out, _ = run(capsys)
    assert code == 0
    assert out.startswith("usage: moscow-tui")


def test_a_missing_dependency_of_the_app_is_not_hidden(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "app.py").write_text("import no_such_dependency_xyz\n", encoding="utf-8")
    import tui.ui

    monkeypatch.setattr(tui.ui, "__path__", [str(shadow), *tui.ui.__path__])
    monkeypatch.delitem(sys.modules, "tui.ui.app", raising=False)
    code, out, err = run(capsys)
    assert code == 1
    assert "usage:" not in out
    assert "no_such_dependency_xyz" in err
    assert "Traceback" not in err


# --- the installed script ------------------------------------------------------------------------


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


def test_script_basics(env: dict[str, str], tmp_path: Path, pack: Pack) -> None:
    assert script("--help", env=env).returncode == 0
    done = script("--version", env=env)
    assert (done.returncode, done.stdout.decode().strip()) == (0, f"moscow-tui {tui.__version__}")
    done = script("export", "--format", "yaml", env=env)
    assert done.returncode == 2 and b"usage:" in done.stderr
    done = script("check", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().startswith(f"content OK: {len(pack.sections)} sections")
    done = script("export", "--format", "csv", "--lang", "en", env=env, cwd=tmp_path)
    assert done.returncode == 0
    rows = list(csv.reader(io.StringIO(done.stdout.decode("utf-8"))))
    assert len(rows) == len(pack.facts) + 1
    done = script("export", "--format", "json", "nowhere", env=env)
    assert done.returncode == 2 and b"valid section paths" in done.stderr


def test_script_check_of_broken_content(env: dict[str, str], broken_dir: Path) -> None:
    done = script("check", str(broken_dir), env=env)
    assert done.returncode == 1
    err = done.stderr.decode()
    assert re.search(r"technoparks\.toml:\d+(:\d+)?: error: .*vaule", err), err
    assert "Traceback" not in err


def test_script_into_a_closed_pipe(env: dict[str, str]) -> None:
    # The reader is gone before the program writes a byte: the write fails with EPIPE.
    proc = subprocess.Popen(
        [str(SCRIPT), "export", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert err == b""


def test_script_piped_into_head(env: dict[str, str]) -> None:
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; '{SCRIPT}' export --format md --lang en | head -1"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.stdout.decode().startswith("# ")
    assert done.stdout.count(b"\n") == 1
    assert done.stderr == b""
    assert done.returncode in (0, 141)


def test_script_in_the_c_locale_writes_utf8(env: dict[str, str]) -> None:
    # PYTHONUTF8=0 and PYTHONCOERCECLOCALE=0 keep Python from rescuing the C locale itself, so
    # stdout would be ASCII without the program's own reconfiguration.
    env.update(LANG="C", LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    env.pop("PYTHONIOENCODING", None)
    done = script("export", "--format", "md", "--lang", "ru", env=env)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    text = done.stdout.decode("utf-8")
    assert "Источники" in text
    assert done.stderr == b""


@pytest.mark.parametrize("stdout", ["file", "pipe"])
def test_script_without_a_terminal_exits_2_at_once(
    env: dict[str, str], tmp_path: Path, stdout: str
) -> None:
    out_path = tmp_path / "out"
    with open(os.devnull, "rb") as stdin, open(out_path, "wb") as out_file:
        done = subprocess.run(
            [str(SCRIPT)],
            stdin=stdin,
            stdout=out_file if stdout == "file" else subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            timeout=30,
            check=False,
        )
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.count("\n") == 1 and "needs a terminal" in err and "moscow-tui export" in err
    assert out_path.read_bytes() == b"" and not done.stdout  # no escape codes


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_script_export_to_a_full_disk(env: dict[str, str], fmt: str) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [str(SCRIPT), "export", "--format", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            env=env,
            timeout=60,
            check=False,
        )
    err = done.stderr.decode()
    assert done.returncode == 1
    assert "no space left on device" in err
    assert "internal error" not in err and "Traceback" not in err and "Exception" not in err


def test_python_dash_m(env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, env=env, check=False
    )
    assert done.returncode == 0
    assert done.stdout.decode().strip() == f"moscow-tui {tui.__version__}"
