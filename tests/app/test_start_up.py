"""What the first frame is made without: none of the modules the prefetch imports after it."""

from __future__ import annotations

import json
import subprocess
import sys


def test_the_app_module_leaves_the_later_modules_to_the_prefetch() -> None:
    probe = (
        "import json, sys\n"
        "import tui.cli, tui.ui.app\n"
        "print(json.dumps(sorted(m for m in tui.ui.app.LATER_MODULES if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
