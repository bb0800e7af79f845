"""A row of parts (name, role, seasons) that wraps part by part, with a hanging indent.

An option list wraps a long prompt word by word back to its left edge, so a cast row that does
not fit at 80 columns reads as a new, nameless row, with "(seasons" and "1-3)" torn apart.
:class:`Hanging` moves a part that does not fit to the next row as a whole, ``indent`` cells
in, and wraps inside a part only when the part alone is wider than a row.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

GAP = "  "


class Hanging(Visual):
    def __init__(self, parts: Sequence[Content], indent: int) -> None:
        self.parts = tuple(p for p in parts if p.plain)
        self.indent = indent
        self.content = Content(GAP).join(self.parts)

    def __str__(self) -> str:
        return self.content.plain

    def lines(self, width: int) -> list[Content]:
        """The rows at ``width``: the first full width, the rest ``indent`` cells in."""
        if width <= self.indent + 1:
            return self.content.wrap(max(1, width))
        rows: list[Content] = []
        row: Content | None = None
        for part in self.parts:
            room = width if not rows else width - self.indent
            if row is not None and row.cell_length + len(GAP) + part.cell_length <= room:
                row = Content.assemble(row, GAP, part)
                continue
            if row is not None:
                rows.append(row)
                room = width - self.indent
            *full, row = part.wrap(room)
            rows.extend(full)
        if row is not None:
            rows.append(row)
        return [rows[0], *(r.pad_left(self.indent) for r in rows[1:])] if rows else [Content()]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        block = Content("\n").join(self.lines(width))
        return block.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))
