"""Remembered state: round trips, every way a state file can be wrong, and atomic writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui import paths, state
from tui.state import STATE_VERSION, UiState, load_state, save_state


@pytest.fixture(autouse=True)
def private_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "moscow-tui" / "state.json"


class TestRoundTrip:
    def test_missing_file_gives_defaults_without_notice(self, state_path: Path) -> None:
        assert load_state(state_path) == (UiState(), None)

    def test_save_then_load(self, state_path: Path) -> None:
        saved = UiState(theme="textual-light", lang="ru", section="infrastructure/technoparks")
        assert save_state(state_path, saved) is None
        assert load_state(state_path) == (saved, None)

    def test_file_format(self, state_path: Path) -> None:
        assert save_state(state_path, UiState(lang="en", section="поддержка")) is None
        document = json.loads(state_path.read_text(encoding="utf-8"))
        assert document == {"version": 1, "theme": None, "lang": "en", "section": "поддержка"}
        assert "поддержка" in state_path.read_text(encoding="utf-8")

    def test_save_creates_parents(self, tmp_path: Path) -> None:
        deep = tmp_path / "a" / "b" / "c" / "state.json"
        assert save_state(deep, UiState(theme="nord")) is None
        assert load_state(deep)[0].theme == "nord"

    def test_unknown_keys_are_ignored(self, state_path: Path) -> None:
        state_path.parent.mkdir(parents=True)
        state_path.write_text(json.dumps({"version": 1, "lang": "ru", "future": [1, 2]}))
        assert load_state(state_path) == (UiState(lang="ru"), None)

    def test_default_path_is_under_xdg_state_home(self, tmp_path: Path) -> None:
        target = paths.state_file()
        assert target.is_relative_to(tmp_path / "xdg-state")
        assert save_state(target, UiState(lang="en")) is None
        assert load_state(target) == (UiState(lang="en"), None)


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


class TestBadFiles:
    @pytest.mark.parametrize(
        ("data", "reason"),
        [
            (b"{not json", "not valid JSON (line 1, column 2)"),
            (b"", "not valid JSON"),
            (b"\xff\xfe{}", "not UTF-8"),
            (b"[1, 2]", "not a JSON object"),
            (b'"text"', "not a JSON object"),
            (b'{"theme": "nord"}', "unknown version None"),
            (b'{"version": 2, "theme": "nord"}', "unknown version 2"),
            (b'{"version": true}', "unknown version True"),
            (b'{"version": 1, "theme": 5}', '"theme" should be a string or null, not int'),
            (b'{"version": 1, "lang": ["ru"]}', '"lang" should be a string or null, not list'),
            (b'{"version": 1, "section": {}}', '"section" should be a string or null, not dict'),
            (b'{"version": 1, "lang": "de"}', "\"lang\" should be one of ru, en, not 'de'"),
            pytest.param(b"[" * 50_000, "nested too deeply", id="50000-brackets"),
            pytest.param(b'{"a":' * 12_000, "nested too deeply", id="12000-objects"),
            pytest.param(
                b'{"version": 1, "theme": ' + b"9" * 5_000 + b"}",
                "cannot be read as JSON",
                id="5000-digit-number",
            ),
        ],
    )
    def test_defaults_and_a_notice(self, state_path: Path, data: bytes, reason: str) -> None:
        write(state_path, data)
        loaded, notice = load_state(state_path)
        assert loaded == UiState()
        assert notice is not None
        assert reason in notice
        assert str(state_path) in notice

    @settings(max_examples=200, deadline=None)
    @given(
        data=st.binary(max_size=2_000) | st.text(alphabet='[]{}":,0123456789e.-').map(str.encode)
    )
    def test_any_bytes_give_a_state_or_a_notice_naming_the_file(self, data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "state.json"
            path.write_bytes(data)
            loaded, notice = load_state(path)
        assert isinstance(loaded, UiState)
        assert notice is None or str(path) in notice

    def test_a_directory_at_the_path(self, state_path: Path) -> None:
        state_path.mkdir(parents=True)
        loaded, notice = load_state(state_path)
        assert loaded == UiState()
        assert notice is not None and "is a directory" in notice

    def test_a_fifo_at_the_path_does_not_block(self, state_path: Path) -> None:
        state_path.parent.mkdir(parents=True)
        os.mkfifo(state_path)
        loaded, notice = load_state(state_path)
        assert loaded == UiState()
        assert notice is not None and "not a regular file" in notice

    def test_a_huge_file(self, state_path: Path) -> None:
        write(state_path, b" " * (state.MAX_STATE_BYTES + 1))
        loaded, notice = load_state(state_path)
        assert loaded == UiState()
        assert notice is not None and "larger than" in notice

    def test_a_parent_that_is_a_file(self, tmp_path: Path) -> None:
        (tmp_path / "plain").write_text("x")
        loaded, notice = load_state(tmp_path / "plain" / "state.json")
        assert loaded == UiState()
        assert notice is not None and "Not a directory" in notice

    def test_unreadable(self, state_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        # The tests run as root in CI, where chmod 000 does not stop a read: fail the open itself.
        write(state_path, b'{"version": 1, "lang": "ru"}')

        def denied(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(state, "open", denied, raising=False)
        loaded, notice = load_state(state_path)
        assert loaded == UiState()
        assert notice is not None and "cannot be read (Permission denied)" in notice


class TestSaveErrors:
    def test_path_is_a_directory(self, state_path: Path) -> None:
        state_path.mkdir(parents=True)
        error = save_state(state_path, UiState(lang="ru"))
        assert error is not None and "is a directory" in error
        assert state_path.is_dir()
        assert list(state_path.parent.iterdir()) == [state_path]

    def test_parent_is_a_file(self, tmp_path: Path) -> None:
        (tmp_path / "plain").write_text("x")
        error = save_state(tmp_path / "plain" / "sub" / "state.json", UiState())
        assert error is not None and "Not a directory" in error
        assert (tmp_path / "plain").read_text() == "x"

    def test_unwritable_directory(self, state_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        state_path.parent.mkdir(parents=True)
        state_path.parent.chmod(0o500)
        if os.access(state_path.parent, os.W_OK):
            # Root ignores the mode bits; make the temporary file fail as a read-only dir would.
            def denied(*args: object, **kwargs: object) -> tuple[int, str]:
                raise PermissionError(13, "Permission denied")

            monkeypatch.setattr(tempfile, "mkstemp", denied)
        try:
            error = save_state(state_path, UiState(lang="ru"))
        finally:
            state_path.parent.chmod(0o700)
        assert error is not None and "Permission denied" in error
        assert not state_path.exists()

    def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(
        self, state_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        assert save_state(state_path, UiState(lang="ru")) is None
        before = state_path.read_bytes()

        def full(descriptor: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        error = save_state(state_path, UiState(lang="en"))
        assert error is not None and "No space left on device" in error
        assert state_path.read_bytes() == before
        assert list(state_path.parent.iterdir()) == [state_path]


class TestAtomicity:
    def test_written_through_a_temporary_and_a_rename(
        self, state_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        assert save_state(state_path, UiState(lang="ru")) is None
        replaced: list[tuple[str, str]] = []
        real_replace = os.replace

        def spy(source: str, target: str) -> None:
            # At the moment of the rename the old file is still whole and the new one complete.
            assert load_state(state_path) == (UiState(lang="ru"), None)
            assert json.loads(Path(source).read_text(encoding="utf-8"))["lang"] == "en"
            assert Path(source).parent == state_path.parent
            replaced.append((str(source), str(target)))
            real_replace(source, target)

        monkeypatch.setattr(os, "replace", spy)
        assert save_state(state_path, UiState(lang="en")) is None
        assert len(replaced) == 1
        assert replaced[0][1] == str(state_path)
        assert load_state(state_path) == (UiState(lang="en"), None)
        assert list(state_path.parent.iterdir()) == [state_path]

    def test_version_written_is_the_version_read(self, state_path: Path) -> None:
        assert save_state(state_path, UiState()) is None
        assert json.loads(state_path.read_text())["version"] == STATE_VERSION


def test_no_ui_import() -> None:
    code = (
        "import sys, tui.state, tui.clipboard\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
