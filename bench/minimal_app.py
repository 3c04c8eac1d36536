"""The floor: a minimal Textual app of the explorer's shape, timed beside moscow-tui.

Header, a ten-node Tree, a Static, a Sparkline and a Footer, nothing else: what any app of this
shape pays for Textual itself. Its first screen shows `MARKER` (the last tree node's label).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Sparkline, Static, Tree

MARKER = "Node 10"


class MinimalApp(App[None]):
    """Ten tree nodes, a text and a sparkline."""

    TITLE = "Minimal"

    def compose(self) -> ComposeResult:
        yield Header()
        tree: Tree[None] = Tree("Minimal")
        tree.root.expand()
        for index in range(1, 11):
            tree.root.add_leaf(f"Node {index}")
        yield tree
        yield Static("A minimal Textual app for the start-up benchmark.")
        yield Sparkline([1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 8.0, 7.0])
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
