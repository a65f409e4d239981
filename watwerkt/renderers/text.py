"""The terminal table: rich tables that wrap to the terminal width instead of cutting cells.

Cells are folded onto more lines when a column is narrow; nothing is cut with "…" unless
``--compact`` asks for one line per row. Colour is never used (output is the same on a TTY,
in a pipe and in a file).
"""

from __future__ import annotations

import io
import textwrap

from watwerkt.listing import Listing, cell_text


def _console(width: int):
    from rich.console import Console

    return Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False,
                   no_color=True, highlight=False, emoji=False, markup=False, soft_wrap=False)


def _word_widths(columns, cells, width: int, cap: int = 20) -> list[int]:
    """Each column at least as wide as its longest word (up to ``cap``), so words are not split.

    When those minimums do not fit the width together, the widest ones give way first.
    """
    mins = []
    for i, c in enumerate(columns):
        words = [len(w) for row in cells for w in row[i].split()] + [len(w) for w in c.header.split()]
        mins.append(max(1, min(cap, max(words, default=1))))
    budget = width - 2 * (len(columns) - 1)  # two spaces between columns
    while sum(mins) > budget and max(mins) > 4:
        i = max(range(len(mins)), key=lambda k: mins[k])
        mins[i] -= 1
    return mins


def _compact_widths(columns, cells, width: int) -> list[int]:
    """One line per row: shrink the widest columns until the table fits."""
    natural = [max([len(c.header)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    mins = [min(n, max(c.min_width, 1)) for n, c in zip(natural, columns, strict=True)]
    widths = list(natural)
    budget = width - (len(columns) - 1)  # one space between columns
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: widths[k] - mins[k])
        if widths[i] <= mins[i]:
            break
        widths[i] -= 1
    return widths


def render(listing: Listing, options) -> bytes:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    console = _console(options.width)
    out = console.file

    def para(text: str) -> None:  # titles, filter lines and notes wrap like the cells
        out.write("\n".join(textwrap.wrap(text, options.width, break_on_hyphens=False)) + "\n")

    if listing.title:
        para(listing.title)
    for line in listing.resolved:
        para(line)
    if listing.title or listing.resolved:
        out.write("\n")
    for table in listing.tables:
        if table.title:
            para(table.title)
        columns = [c for c in table.columns if c.brief]
        rt = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False,
                       padding=(0, 1), header_style=None, collapse_padding=True)
        cells = [[cell_text(row.get(c.key)) for c in columns] for row in table.rows]
        widths = _compact_widths(columns, cells, options.width) if options.compact else [None] * len(columns)
        mins = _word_widths(columns, cells, options.width)
        for c, w, m in zip(columns, widths, mins, strict=True):
            rt.add_column(c.header, min_width=m, width=w,
                          overflow="ellipsis" if options.compact else "fold", no_wrap=options.compact)
        for row in cells:
            rt.add_row(*(Text(v) for v in row))
        if not table.rows:
            out.write("(geen rijen)\n\n" if listing.lang == "nl" else "(no rows)\n\n")
            continue
        console.print(rt)
        out.write("\n")
    for note in listing.notes:
        para(note)
    text = "\n".join(line.rstrip() for line in out.getvalue().splitlines())
    return (text.rstrip("\n") + "\n").encode("utf-8")
