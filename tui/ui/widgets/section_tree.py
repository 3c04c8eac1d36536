"""The tree of sections on the left, with the named places (entities) under their sections."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.pack.model import Entity, Lang, Pack
from tui.ui.entity_rows import TABLE_THRESHOLD, entities_a_to_z, named_label

# An entity node's data: this prefix and the entity id. Section ids are slugs, never with ":".
ENTITY_PREFIX = "entity:"
# A section with more entities than this lists them in its table only: a tree of thousands of
# names is no way to find one, and adding them took seconds at 10,000.
TREE_LIMIT = 500


class SectionTree(Tree[str]):
    """Sections of the pack; each node's data is its section path.

    A section with entities opens onto a label node ("41 named in public statements, of 49",
    data: the section path, so it shows the section and its table) and the entities A–Z (data:
    `ENTITY_PREFIX` + id). Those nodes are added when the section is first opened, so a pack
    of 10,000 places costs nothing until a reader looks. Left and right are bound here because
    Tree scrolls sideways on them by default.
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

    class EntityHighlighted(Message):
        """The cursor moved onto an entity: the panel should show it."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    class EnterTable(Message):
        """Open was pressed on the label node of a section with an entity table."""

    def __init__(self, pack: Pack, lang: Lang, *, id: str | None = None) -> None:
        super().__init__("sections", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._pack = pack
        self._lang = lang
        self._section_nodes: dict[str, TreeNode[str]] = {}
        # Sections with entities whose label and entity nodes are not added yet.
        self._unfilled: set[str] = set()
        self._entity_nodes: dict[str, TreeNode[str]] = {}
        self._label_nodes: dict[str, TreeNode[str]] = {}
        # The look each pseudo-class state (focus, hover) was last drawn in (see render_lines).
        self._looks: dict[object, tuple[object, ...]] = {}
        self._restyled = True  # restyled since the lines were last drawn
        self._drawing_style: Style | None = None  # rich_style during render_lines
        self._add_sections()

    def notify_style_update(self) -> None:
        """Restyle the lines without rebuilding them (see render_lines for which are redrawn).

        Tree rebuilds its whole list of lines on any style change, which focus moving in or
        out is; with a thousand sections open that was most of the cost of Tab. A style
        change alters how lines look, not which lines there are.
        """
        ScrollView.notify_style_update(self)
        self._restyled = True
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw anew only the lines whose look changed since they were drawn.

        Tree's line cache already tells lines apart by the pseudo-classes (focus, hover) they
        were drawn with, so the lines drawn with focus stay right while focus is away and
        back, as long as the look of that state is unchanged: only a new look (a theme, a
        stylesheet) clears them. Redrawing the whole tree was a fifth of Shift+Tab. Checked
        here, not on the restyle: the components' styles are updated after the tree's own.
        """
        if self._restyled:
            self._restyled = False
            state, look = self.get_pseudo_class_state(), self._look()
            if self._looks.get(state) != look:
                # A look seen before has changed (or none is known): no line drawn may be right.
                if state in self._looks or not self._looks:
                    self._looks.clear()
                    self._line_cache.clear()
                    self._updates += 1
                self._looks[state] = look
        self._drawing_style = super().rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._drawing_style = None

    @property
    def rich_style(self) -> Style:
        """The tree's style, worked out once per drawing rather than once per line.

        Tree asks for it on every line it draws, and each time Textual walks the ancestors'
        styles; a whole tree redrawn from its line cache spent most of its time there.
        """
        if self._drawing_style is not None:
            return self._drawing_style
        return super().rich_style

    def _look(self) -> tuple[object, ...]:
        """Everything of the style that Tree draws its lines with."""
        names = sorted(self.COMPONENT_CLASSES)
        alphas = tuple(self.get_component_styles(name).color.a for name in names)
        return (self.rich_style, alphas, *(self.get_component_rich_style(n) for n in names))

    def _add_sections(self) -> None:
        def add(parent: TreeNode[str], path: str) -> None:
            section = self._pack.sections[path]
            label = Text(section.title.get(self._lang))
            has_entities = bool(self._pack.entities_in(path))
            if section.children:
                node = parent.add(label, data=path, expand=True)
                for child in section.children:
                    add(node, child)
            elif has_entities:
                node = parent.add(label, data=path, expand=False)
            else:
                node = parent.add_leaf(label, data=path)
            self._section_nodes[path] = node
            if has_entities:
                self._unfilled.add(path)
                if section.children:
                    self._fill_entities(path)

        for root in self._pack.roots:
            add(self.root, root.path)

    @property
    def current_path(self) -> str | None:
        """The section under the cursor (an entity's own section on an entity node)."""
        node = self.cursor_node
        if node is None or node.data is None:
            return None
        entity = self.entity_of(node)
        return entity.section if entity is not None else node.data

    @property
    def current_entity(self) -> Entity | None:
        node = self.cursor_node
        return self.entity_of(node) if node is not None else None

    def entity_of(self, node: TreeNode[str]) -> Entity | None:
        data = node.data
        if data is None or not data.startswith(ENTITY_PREFIX):
            return None
        return self._pack.entities.get(data[len(ENTITY_PREFIX) :])

    def set_lang(self, lang: Lang) -> None:
        """Relabel every node in `lang`, keeping the cursor and what is open; entities re-sort."""
        self._lang = lang
        for path, node in self._section_nodes.items():
            node.set_label(Text(self._pack.sections[path].title.get(lang)))
        # `set_label` repaints its node only on a later turn of the tree's queue, so a frame could
        # show the panel in the new language beside a tree still in the old one: repaint now.
        self.refresh()
        current = self.current_entity
        on_label = self.cursor_node in self._label_nodes.values()
        cursor_path = self.current_path
        for filled in list(self._label_nodes):
            self._refill_entities(filled)
        if current is not None:
            self.select_entity(current)
        elif on_label and cursor_path is not None:
            self.call_after_refresh(self._move_to, self._label_nodes[cursor_path])

    # Entities ---------------------------------------------------------------------------------

    def _fill_entities(self, path: str) -> None:
        """Add the label node and the entity nodes (A–Z in the current language) of `path`."""
        if path not in self._unfilled:
            return
        self._unfilled.discard(path)
        node = self._section_nodes[path]
        label = Text(named_label(self._pack, path, self._lang, short=True), style="italic")
        self._label_nodes[path] = node.add_leaf(label, data=path)
        if len(self._pack.entities_in(path)) > TREE_LIMIT:
            return
        for entity in entities_a_to_z(self._pack, path, self._lang):
            leaf = node.add_leaf(Text(entity.name.get(self._lang)), data=ENTITY_PREFIX + entity.id)
            self._entity_nodes[entity.id] = leaf

    def _refill_entities(self, path: str) -> None:
        """Rebuild the entity nodes of `path` in the current language's order."""
        self._label_nodes.pop(path).remove()
        for entity in self._pack.entities_in(path):
            node = self._entity_nodes.pop(entity.id, None)
            if node is not None:
                node.remove()
        self._unfilled.add(path)
        self._fill_entities(path)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        if event.node.data in self._unfilled:
            self._fill_entities(event.node.data)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        entity = self.entity_of(event.node)
        if entity is not None:
            self.post_message(self.EntityHighlighted(entity))

    def select_entity(self, entity: Entity) -> None:
        """Move the cursor to `entity`, opening its section."""
        self._fill_entities(entity.section)
        node = self._entity_nodes.get(entity.id)
        if node is None:
            return
        self._expand_ancestors(node)
        self.call_after_refresh(self._move_to, node)
        self._move_to(node)

    def _expand_ancestors(self, node: TreeNode[str]) -> None:
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent

    def select_path(self, path: str) -> None:
        """Move the cursor to `path`, opening its ancestors."""
        node = self._section_nodes.get(path)
        if node is None:
            return
        self._expand_ancestors(node)
        # Expanding changes line numbers only after the tree rebuilds its lines; move after that.
        self.call_after_refresh(self._move_to, node)
        self._move_to(node)

    def _move_to(self, node: TreeNode[str]) -> None:
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    def action_scroll_home(self) -> None:
        """`g`: the first node, scrolled to at once. Tree glides there, drawing the whole tree
        again on each frame of the glide, in the time of the keys that follow."""
        self.cursor_line = 0
        self.scroll_to_line(self.cursor_line, animate=False)

    def action_scroll_end(self) -> None:
        """`G`: the last node, scrolled to at once (see action_scroll_home)."""
        self.cursor_line = self.last_line
        self.scroll_to_line(self.cursor_line, animate=False)

    def action_open_node(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        label = self._label_nodes.get(node.data or "")
        if node is label and len(self._pack.entities_in(label.data or "")) >= TABLE_THRESHOLD:
            self.post_message(self.EnterTable())
        elif not node.allow_expand:
            self.post_message(self.EnterLeaf())
        elif not node.is_expanded:
            self._fill_entities(node.data or "")
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
