"""A cache of the validated pack, so a large pack is parsed and checked once, not at every start.

The cache is keyed by every content file's path, size, mtime, ctime and inode (the files are
chosen by `tui.pack.files.content_names`, as the loader chooses them), by the program's version
and by a hash of the contents of every module of this package, found by listing it: any edit to
the content (or to the code) misses and loads normally. It lives in `tui.paths.cache_dir()`,
never beside the content, and is written atomically (a temp file, then `os.replace`). Any failure
to read or write it falls back silently to a normal load; a corrupt file is ignored and rewritten.
Only packs without errors are cached; their warnings are kept and reported again on a hit.

The file is a pickle. That is acceptable because it is the user's own file in the user's own
cache dir, written only by this program; a file or dir not owned by the user, or writable by
others, is refused (loading a pickle runs code named in it). No Textual or Rich import, and a
hit does not import the loader either (start-up time).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import sys
import tempfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import __version__
from tui.pack.files import content_names
from tui.pack.memory import collector_paused
from tui.pack.model import Pack
from tui.paths import cache_dir, default_content_dir

if TYPE_CHECKING:
    from tui.pack.load import LoadResult, ProgressCallback

# Bump when the layout of the cache file changes.
FORMAT = 2
# A cache file this large takes about half a second or more to read (100,000 facts are 40 MB):
# the caller is told first, so it can say so rather than leave the terminal blank.
LARGE_BYTES = 12 * 1024 * 1024
# A temp file of a write (`.pack-<pid>-….tmp`) this old, or whose writer is gone, was left by a
# killed write and is removed; a real write takes seconds.
STALE_TEMP_SECONDS = 10 * 60
TEMP_PREFIX = ".pack-"
TEMP_SUFFIX = ".tmp"
# Cache files kept (one per set of content folders); older ones are removed when writing.
KEEP_FILES = 4
_PACKAGE_DIR = Path(__file__).resolve().parent
_UNSAFE_MODE = stat.S_IWGRP | stat.S_IWOTH

Stamp = tuple[Any, ...]
ProblemRow = tuple[str, int | None, int | None, str, str]
# Told the files and facts of a large cache before it is read: (files, facts).
Announce = Callable[[int, int], None]


def _folders(dirs: Sequence[Path] | None) -> list[Path]:
    return [default_content_dir()] if dirs is None else [Path(d) for d in dirs]


def _code_stamp() -> tuple[tuple[str, int, int], ...] | None:
    """A hash of each module of this package, found by listing it; None when one is unreadable.

    Contents, not mtimes: a checkout or a copy that keeps the code keeps the cache. Not a
    cryptographic hash (hashlib costs start-up time); the package is under 200 KB.
    """
    stamp = []
    try:
        names = sorted(name for name in os.listdir(_PACKAGE_DIR) if name.endswith(".py"))
        for name in names:
            with open(_PACKAGE_DIR / name, "rb") as handle:
                code = handle.read()
            stamp.append((name, zlib.crc32(code), zlib.adler32(code)))
    except OSError:
        return None
    return tuple(stamp)


def _fingerprint(folders: list[Path]) -> Stamp | None:
    """Everything a load depends on, or None when it cannot be told (then: no cache).

    The files are the loader's own choice (`content_names`). Anything but a regular file (a dir,
    a broken link) gives None.
    """
    code = _code_stamp()
    if code is None or not folders:
        return None
    parts: list[Any] = [FORMAT, __version__, sys.version_info[:2], code]
    try:
        for folder in folders:
            if not stat.S_ISDIR(os.stat(folder).st_mode):
                return None
            files = []
            for name in content_names(folder):
                info = os.stat(os.path.join(folder, name))
                if not stat.S_ISREG(info.st_mode):
                    return None
                files.append((name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
            parts.append((str(folder), os.path.abspath(folder), tuple(files)))
    except (OSError, ValueError):
        return None
    return tuple(parts)


def cache_file(dirs: Sequence[Path] | None) -> Path:
    """The cache file for this set of content folders (named by their absolute paths)."""
    folders = _folders(dirs)
    key = "\0".join(f"{folder}\0{os.path.abspath(folder)}" for folder in folders)
    # Not a cryptographic hash (hashlib costs start-up time): two folder sets sharing a name
    # would only take turns in one file, as the stamp inside names the folders.
    data = key.encode("utf-8", "surrogatepass")
    return cache_dir() / f"pack-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.pickle"


def _safe_to_read(descriptor: int, directory: Path) -> bool:
    """The file and its dir are the user's own and writable by nobody else."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    try:
        for info in (os.fstat(descriptor), os.stat(directory)):
            if uid is not None and info.st_uid != uid:
                return False
            if info.st_mode & _UNSAFE_MODE:
                return False
    except OSError:
        return False
    return stat.S_ISREG(os.fstat(descriptor).st_mode)


def _read(
    path: Path, stamp: Stamp, announce: Announce | None = None
) -> tuple[Pack, list[ProblemRow], list[str]] | None:
    """The cached pack, problems and files when the cache matches `stamp`; else None.

    `announce` is told the counts first when the file is large (`LARGE_BYTES`).
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            if not _safe_to_read(handle.fileno(), path.parent):
                return None
            # Three pickles: the stamp first, so a stale cache is rejected without loading the
            # pack; then the counts of files and facts; then the pack.
            if pickle.load(handle) != stamp:
                return None
            files_count, facts_count = pickle.load(handle)
            if announce is not None and os.fstat(handle.fileno()).st_size >= LARGE_BYTES:
                announce(files_count, facts_count)
            # As in the loader: no cyclic collection while a million objects are made.
            with collector_paused():
                pack, problems, files = pickle.load(handle)
    except Exception:  # a corrupt or foreign file: ignored, then rewritten
        return None
    if not isinstance(pack, Pack) or not isinstance(problems, list) or not isinstance(files, list):
        return None
    return pack, problems, files


def cached_pack(
    dirs: Sequence[Path] | None = None, announce: Announce | None = None
) -> Pack | None:
    """The pack from a matching cache, or None; never raises, never imports the loader.

    `announce(files, facts)` is called before a large cache is read.
    """
    try:
        stamp = _fingerprint(_folders(dirs))
        if stamp is None:
            return None
        found = _read(cache_file(dirs), stamp, announce)
    except Exception:
        return None
    return None if found is None else found[0]


def load_pack_cached(
    dirs: Sequence[Path] | None = None,
    *,
    background: bool = False,
    progress: ProgressCallback | None = None,
    announce: Announce | None = None,
    on_loaded: Callable[[LoadResult], None] | None = None,
) -> LoadResult:
    """`tui.pack.load.load_pack(dirs)`, answered from the cache when it matches; never raises.

    `on_loaded` is given the result of a real load before the cache is written.

    `background`: write the cache from a forked child process where that is safe (a POSIX
    process with one thread), so a caller about to draw does not wait for the pickling (about
    a second at 100,000 facts). The child is not waited for; the write is atomic either way.
    """
    from tui.pack.load import LoadResult, load_pack
    from tui.pack.problems import ContentProblem

    folders = _folders(dirs)
    try:
        stamp = _fingerprint(folders)
        path = cache_file(dirs)
        found = None if stamp is None else _read(path, stamp, announce)
    except Exception:
        stamp, found = None, None
    if found is not None:
        pack, rows, files = found
        try:
            problems = [
                ContentProblem(
                    where, line, column, "error" if grave == "error" else "warning", text
                )
                for where, line, column, grave, text in rows
            ]
            return LoadResult(pack, problems, [Path(name) for name in files])
        except Exception:
            pass
    result = load_pack(dirs, progress)
    if on_loaded is not None:
        on_loaded(result)
    if stamp is not None and result.pack is not None and not result.errors:
        # The content may have changed while it was read: store only what matches the stamp.
        with contextlib.suppress(Exception):
            if _fingerprint(folders) == stamp:
                if background and fork_safe():
                    _write_in_child(path, stamp, result, folders)
                else:
                    _write(path, stamp, result, folders)
    return result


def fork_safe() -> bool:
    """Whether this process may fork: POSIX (not macOS, where forking is unsafe) and one thread."""
    import threading

    # Forking a process with other threads can leave locks held forever in the child.
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1


def _write_in_child(path: Path, stamp: Stamp, result: LoadResult, folders: list[Path]) -> None:
    pid = os.fork()
    if pid != 0:
        return  # the parent goes on at once; the child is reaped by init when we exit
    status = 0
    try:
        # A session of its own: closing the terminal (quitting the app) sends SIGHUP to the
        # terminal's session, which would kill a write still in progress.
        os.setsid()
        _write(path, stamp, result, folders)
    except BaseException:
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no flushing the parent's stdio buffers twice


def _inside(path: Path, folders: list[Path]) -> bool:
    resolved = path.resolve()
    for folder in folders:
        content = folder.resolve()
        if resolved == content or content in resolved.parents:
            return True
    return False


def _write(path: Path, stamp: Stamp, result: LoadResult, folders: list[Path]) -> None:
    """Write the cache atomically; give up silently on any error."""
    directory = path.parent
    if _inside(directory, folders):
        return  # never write into a content folder, even when XDG_CACHE_HOME points there
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    rows = [(p.path, p.line, p.column, p.severity, p.message) for p in result.problems]
    files = [str(name) for name in result.files]
    pack = result.pack
    if pack is not None:
        pack.build_indexes()  # stored with the pack, not rebuilt at every start
    _remove_stale_temps(directory)
    handle, temporary = tempfile.mkstemp(
        dir=directory, prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX
    )
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(stamp, out, protocol=pickle.HIGHEST_PROTOCOL)
            facts_count = 0 if pack is None else len(pack.facts)
            pickle.dump((len(files), facts_count), out, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump((pack, rows, files), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _prune(directory, keep=path)


def _prune(directory: Path, keep: Path) -> None:
    """Remove all but the newest `KEEP_FILES` cache files (one is kept per content folder set)."""
    with contextlib.suppress(OSError):
        others = []
        for entry in os.scandir(directory):
            name = entry.name
            if name.startswith("pack-") and name.endswith(".pickle") and entry.path != str(keep):
                others.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
        others.sort(reverse=True)
        for _, name in others[KEEP_FILES - 1 :]:
            with contextlib.suppress(OSError):
                os.unlink(name)


def _remove_stale_temps(directory: Path) -> None:
    """Remove the temp files of writes that were killed (SIGKILL leaves them behind)."""
    import time

    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            name = entry.name
            if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
                if old or not _writer_alive(name):
                    os.unlink(entry.path)


def _writer_alive(name: str) -> bool:
    """Whether the process named in a temp file's name still runs (True when it cannot tell)."""
    pid_text = name[len(TEMP_PREFIX) :].split("-", 1)[0]
    if not pid_text.isdigit():
        return True  # an older name without a pid: left to the age rule
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True  # e.g. EPERM: it runs under another user
    return True
