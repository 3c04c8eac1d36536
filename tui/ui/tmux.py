"""What tmux does with OSC 52 right now: asked at the moment of a copy, never at start-up.

tmux passes an application's OSC 52 on (and keeps it as a paste buffer) only while its
`set-clipboard` option is `on`; with `external` or `off` the copy is dropped without a word. The
reader may change the option while the app runs, so it is asked on each copy, from the copy's
worker thread (it runs a process).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping

SETTINGS = ("on", "external", "off")
# A tmux server answers in milliseconds; a wedged one must not hold the copy's toast for long.
ASK_TIMEOUT = 0.5


def clipboard_setting(
    environ: Mapping[str, str] | None = None, timeout: float = ASK_TIMEOUT
) -> str | None:
    """tmux's `set-clipboard` ("on", "external" or "off"), or None outside tmux or unanswered.

    Blocking; never raises. `$TMUX` names the server the app runs under, and the `tmux` client
    finds it from there.
    """
    env = os.environ if environ is None else environ
    if not env.get("TMUX"):
        return None
    tmux = shutil.which("tmux", path=env.get("PATH", os.defpath) or None)
    if tmux is None:
        return None
    try:
        answer = subprocess.run(
            [tmux, "show-options", "-gv", "set-clipboard"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=dict(env),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = answer.stdout.strip()
    return value if answer.returncode == 0 and value in SETTINGS else None


def drops_osc52(setting: str | None) -> bool:
    """Whether tmux, with `setting`, drops the OSC 52 an application sends."""
    return setting in ("external", "off")
