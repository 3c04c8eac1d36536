"""The cache of the validated pack: hits, misses, and every way it must fall back to a load."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import tui.pack.cache as cache
import tui.pack.load as loader
from tui.cli import main
from tui.pack.cache import cache_file, cached_pack, load_pack_cached
from tui.pack.load import LoadResult, ProgressCallback, load_pack
from tui.paths import cache_dir

MakePack = Callable[..., Path]  # the `make_pack` fixture of conftest.py
LoadSpy = list[list[Path] | None]


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> LoadSpy:
    """Record every real load (the cache calls `tui.pack.load.load_pack` on a miss)."""
    calls: LoadSpy = []

    def spy(dirs: list[Path] | None = None, progress: ProgressCallback | None = None) -> LoadResult:
        calls.append(None if dirs is None else list(dirs))
        return load_pack(dirs, progress)

    monkeypatch.setattr(loader, "load_pack", spy)
    return calls


def _texts(result: LoadResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def test_second_load_is_a_hit_with_the_same_pack(make_pack: MakePack, loads: LoadSpy) -> None:
    folder = make_pack()
    first = load_pack_cached([folder])
    assert first.pack is not None and len(loads) == 1
    assert cache_file([folder]).is_file()
    second = load_pack_cached([folder])
    assert len(loads) == 1  # answered from the cache
    assert second.pack == first.pack
    assert second.files == first.files
    assert cached_pack([folder]) == first.pack


def test_cache_lives_in_xdg_cache_home(make_pack: MakePack, tmp_path: Path) -> None:
    os.environ["XDG_CACHE_HOME"] = str(tmp_path / "xdg-cache")  # restored by conftest's patch
    folder = make_pack()
    load_pack_cached([folder])
    assert cache_dir() == tmp_path / "xdg-cache" / "moscow-tui"
    assert [path.parent for path in cache_dir().glob("pack-*.pickle")] == [cache_dir()]


def _edit(path: Path, old: str, new: str, keep_mtime: bool) -> None:
    info = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    if keep_mtime:
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    else:
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


@pytest.mark.parametrize(
    ("new", "keep_mtime"),
    [
        ("Test pack, longer", True),  # size changes, mtime kept
        ("Tost pack", False),  # same size, mtime changes
        ("Tast pack", True),  # same size, same mtime: the ctime still tells
    ],
)
def test_an_edit_misses(make_pack: MakePack, loads: LoadSpy, new: str, keep_mtime: bool) -> None:
    folder = make_pack()
    assert load_pack_cached([folder]).pack is not None
    _edit(folder / "pack.toml", "Test pack", new, keep_mtime)
    result = load_pack_cached([folder])
    assert len(loads) == 2
    assert result.pack is not None and result.pack.title.en == new
    assert cached_pack([folder]) == result.pack  # and the cache now holds the new pack


def test_an_added_or_removed_file_misses(make_pack: MakePack, loads: LoadSpy) -> None:
    folder = make_pack()
    full = load_pack_cached([folder]).pack
    assert full is not None
    (folder / "series.toml").rename(folder / "series.toml.off")
    result = load_pack_cached([folder])
    assert len(loads) == 2
    # The facts still name the series, so without the file the pack is refused: not cached.
    assert result.pack is None
    assert cached_pack([folder]) is None


def test_a_program_change_misses(
    make_pack: MakePack, loads: LoadSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_pack()
    load_pack_cached([folder])
    monkeypatch.setattr(cache, "__version__", "99.0")
    load_pack_cached([folder])
    assert len(loads) == 2


def test_errors_are_not_cached(make_pack: MakePack, loads: LoadSpy) -> None:
    folder = make_pack({"bad.toml": "[[fact]]\nid = 3\n"})
    first = load_pack_cached([folder])
    assert first.pack is None and first.errors
    second = load_pack_cached([folder])
    assert len(loads) == 2
    assert _texts(second) == _texts(first)
    assert not cache_file([folder]).exists()


def test_warnings_are_kept(make_pack: MakePack, loads: LoadSpy) -> None:
    folder = make_pack()
    pack_file = folder / "pack.toml"
    pack_file.write_bytes(b"\xef\xbb\xbf" + pack_file.read_bytes().replace(b"Test pack", b"T\tp"))
    first = load_pack_cached([folder])
    assert first.pack is not None and len(first.warnings) == 2
    second = load_pack_cached([folder])
    assert len(loads) == 1
    assert _texts(second) == _texts(first)
    assert second.warnings == first.warnings


def test_a_corrupt_cache_is_ignored_and_rewritten(make_pack: MakePack, loads: LoadSpy) -> None:
    folder = make_pack()
    good = load_pack_cached([folder]).pack
    path = cache_file([folder])
    for garbage in (b"", b"not a pickle", path.read_bytes()[: path.stat().st_size // 2]):
        path.write_bytes(garbage)
        assert load_pack_cached([folder]).pack == good
    assert len(loads) == 4
    assert cached_pack([folder]) == good  # rewritten whole


def test_an_unwritable_cache_dir_falls_back(
    make_pack: MakePack, loads: LoadSpy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache dir cannot be made
    folder = make_pack()
    for _ in range(2):
        result = load_pack_cached([folder])
        assert result.pack is not None and result.problems == []
        assert cached_pack([folder]) is None
    assert len(loads) == 2
    assert blocker.read_text() == "not a folder"


@pytest.mark.parametrize("mode", [0o666, 0o622])
def test_a_cache_writable_by_others_is_not_used(
    make_pack: MakePack, loads: LoadSpy, mode: int
) -> None:
    folder = make_pack()
    load_pack_cached([folder])
    path = cache_file([folder])
    os.chmod(path, mode)
    assert cached_pack([folder]) is None
    assert load_pack_cached([folder]).pack is not None
    assert len(loads) == 2
    assert path.stat().st_mode & 0o077 == 0  # replaced by a private file


def test_a_cache_dir_writable_by_others_is_not_used(make_pack: MakePack, loads: LoadSpy) -> None:
    folder = make_pack()
    load_pack_cached([folder])
    os.chmod(cache_dir(), 0o777)
    assert cached_pack([folder]) is None
    load_pack_cached([folder])
    assert len(loads) == 2


def test_a_cache_owned_by_someone_else_is_not_used(
    make_pack: MakePack, loads: LoadSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_pack()
    load_pack_cached([folder])
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache_file([folder])).st_uid + 1)
    assert cached_pack([folder]) is None


def test_a_symlinked_cache_file_is_not_followed(
    make_pack: MakePack, loads: LoadSpy, tmp_path: Path
) -> None:
    folder = make_pack()
    load_pack_cached([folder])
    path = cache_file([folder])
    elsewhere = tmp_path / "elsewhere.pickle"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    assert cached_pack([folder]) is None


def _tree(folder: Path) -> list[tuple[str, int, int]]:
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    )


def test_nothing_is_written_to_the_content_dir(
    make_pack: MakePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_pack()
    before = _tree(folder)
    for _ in range(2):
        load_pack_cached([folder])
    assert _tree(folder) == before
    # Even with the cache dir pointed into the content folder, nothing is written there.
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    for _ in range(2):
        assert load_pack_cached([folder]).pack is not None
    assert _tree(folder) == before


def test_folders_of_the_same_files_have_their_own_cache(make_pack: MakePack) -> None:
    one = make_pack(name="one")
    two = make_pack({"pack.toml": (one / "pack.toml").read_text().replace("Test", "Other")})
    assert cache_file([one]) != cache_file([two])
    assert load_pack_cached([one]).pack != load_pack_cached([two]).pack
    first, second = cached_pack([one]), cached_pack([two])
    assert first is not None and second is not None
    assert (first.title.en, second.title.en) == ("Test pack", "Other pack")


def test_old_cache_files_are_pruned(make_pack: MakePack) -> None:
    folders = [make_pack(name=f"pack{index}") for index in range(cache.KEEP_FILES + 2)]
    for folder in folders:
        load_pack_cached([folder])
    kept = sorted(cache_dir().glob("pack-*.pickle"))
    assert len(kept) == cache.KEEP_FILES
    assert cache_file([folders[-1]]) in kept


def test_commands_use_the_cache(
    make_pack: MakePack,
    loads: LoadSpy,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = make_pack()
    run: Callable[[list[str]], object] = main
    outputs = []
    for argv in (["check", str(folder)], ["check", str(folder)]):
        with pytest.raises(SystemExit) as exit_info:
            run(argv)
        assert exit_info.value.code == 0
        outputs.append(capsys.readouterr())
    assert outputs[0] == outputs[1]
    assert "content OK" in outputs[0].out
    assert len(loads) == 1
    with pytest.raises(SystemExit) as exit_info:
        run(["export", "--format", "json", "--content", str(folder)])
    assert exit_info.value.code == 0
    assert '"facts"' in capsys.readouterr().out
    assert len(loads) == 1


def test_background_write_from_a_child_process(
    make_pack: MakePack, loads: LoadSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    forks: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    monkeypatch.setattr(cache, "fork_safe", lambda: True)  # whatever threads pytest runs
    folder = make_pack()
    result = load_pack_cached([folder], background=True)
    assert result.pack is not None
    assert len(forks) == 1 and forks[0] > 0
    path = cache_file([folder])
    deadline = time.monotonic() + 20
    while cached_pack([folder]) is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert cached_pack([folder]) == result.pack
    assert path.stat().st_mode & 0o077 == 0
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temp file left


def test_code_stamp_covers_every_module_found_by_listing_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "pack"
    package.mkdir()
    for module in Path(cache.__file__).parent.glob("*.py"):
        (package / module.name).write_bytes(module.read_bytes())
    monkeypatch.setattr(cache, "_PACKAGE_DIR", package)
    first = cache._code_stamp()
    assert first is not None
    assert {name for name, *_ in first} >= {"load.py", "kinds.py", "validate.py", "cache.py"}
    # A new module (a step split out of another) changes the stamp ...
    (package / "new_step.py").write_text("RULE = 1\n")
    second = cache._code_stamp()
    assert second != first
    # ... and so does an edit that keeps the size and the modification time.
    target = package / "kinds.py"
    info = target.stat()
    code = target.read_bytes()
    target.write_bytes(code.replace(b"SLOW", b"SLOX", 1))
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert target.stat().st_size == info.st_size
    assert cache._code_stamp() != second


def test_a_hit_answers_facts_by_section_as_a_load_does(make_pack: MakePack) -> None:
    folder = make_pack()
    loaded = load_pack([folder]).pack
    load_pack_cached([folder])  # writes the cache
    hit = cached_pack([folder])
    assert loaded is not None and hit is not None
    # The index comes with the pack, not rebuilt at each start.
    assert "_facts_by_section" in vars(hit)
    for path in loaded.sections:
        assert hit.facts_in(path) == loaded.facts_in(path)


def test_a_large_cache_is_announced_with_its_counts_before_it_is_read(
    make_pack: MakePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_pack()
    loaded = load_pack_cached([folder])  # writes the cache
    assert loaded.pack is not None
    told: list[tuple[int, int]] = []
    assert cached_pack([folder], announce=lambda *counts: told.append(counts)) is not None
    assert told == []  # a small cache reads too quickly to be worth a line
    monkeypatch.setattr(cache, "LARGE_BYTES", 0)
    assert cached_pack([folder], announce=lambda *counts: told.append(counts)) is not None
    assert told == [(len(loaded.files), len(loaded.pack.facts))]


def test_a_stale_cache_is_not_announced(
    make_pack: MakePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_pack()
    load_pack_cached([folder])
    monkeypatch.setattr(cache, "LARGE_BYTES", 0)
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")  # the stamp no longer matches
    told: list[tuple[int, int]] = []
    assert cached_pack([folder], announce=lambda *counts: told.append(counts)) is None
    assert told == []
