"""Kept for test modules that still import from here; the packs live in tests/packs.py."""

from __future__ import annotations

from packs import MARKUP_TEXTS, OLD, TASS, L, build_pack, markup_pack

__all__ = ["MARKUP_TEXTS", "OLD", "TASS", "L", "build_pack", "markup_pack"]
