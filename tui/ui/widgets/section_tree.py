"""The tree of sections on the left."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.pack.model import Lang, Pack


class SectionTree(Tree[str]):
    """Sections of the pack; each node's data is its section path.

    Left and right are bound here because Tree scrolls sideways on them by default.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("right,l,enter", "open_node", "Open", show=False, id="tree.open"),
        Binding("left,h", "close_node", "Close", show=False, id="tree.close"),
        Binding("g,home", "scroll_home", "First", show=False, id="tree.first"),
        Binding("G,end", "scroll_end", "Last", show=False, id="tree.last"),
    ]

    class EnterLeaf(Message):
        """Open was pressed on a section without children: the reader wants its facts."""

    def __init__(self, pack: Pack, lang: Lang, *, id: str | None = None) -> None:
        super().__init__("sections", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._pack = pack
        self._lang = lang
        self._section_nodes: dict[str, TreeNode[str]] = {}
        self._add_sections()

    def notify_style_update(self) -> None:
        """Restyle the lines without rebuilding them.

        Tree rebuilds its whole list of lines on any style change, which focus moving in or
        out is; with a thousand sections open that was most of the cost of Tab. A style
        change alters how lines look, not which lines there are.
        """
        ScrollView.notify_style_update(self)
        self._line_cache.clear()
        self._updates += 1
        self.refresh()

    def _add_sections(self) -> None:
        def add(parent: TreeNode[str], path: str) -> None:
            section = self._pack.sections[path]
            label = Text(section.title.get(self._lang))
            if section.children:
                node = parent.add(label, data=path, expand=True)
                for child in section.children:
                    add(node, child)
            else:
                node = parent.add_leaf(label, data=path)
            self._section_nodes[path] = node

        for root in self._pack.roots:
            add(self.root, root.path)

    @property
    def current_path(self) -> str | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def set_lang(self, lang: Lang) -> None:
        """Relabel every node in `lang`, keeping the cursor and what is open."""
        self._lang = lang
        for path, node in self._section_nodes.items():
            node.set_label(Text(self._pack.sections[path].title.get(lang)))

    def select_path(self, path: str) -> None:
        """Move the cursor to `path`, opening its ancestors."""
        node = self._section_nodes.get(path)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        # Expanding changes line numbers only after the tree rebuilds its lines; move after that.
        self.call_after_refresh(self._move_to, node)
        self._move_to(node)

    def _move_to(self, node: TreeNode[str]) -> None:
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    def action_open_node(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if not node.allow_expand:
            self.post_message(self.EnterLeaf())
        elif not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_close_node(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)
