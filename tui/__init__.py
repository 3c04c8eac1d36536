"""moscow-tui: a terminal explorer for the facts of a TASS report on Moscow's high-tech economy."""

from __future__ import annotations

__version__ = "0.1.0"
