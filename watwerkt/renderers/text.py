"""The terminal table: rich tables that wrap to the terminal width instead of cutting cells.

Cells are folded onto more lines when a column is narrow; nothing is cut with "…" unless
``--compact`` asks for one line per row. Colour is never used (output is the same on a TTY,
in a pipe and in a file).

rich costs about 0.1 s to import, a third of a cold `watwerkt wat-werkt`, so the common case
is laid out here without it: :func:`_plain_table` is rich's own algorithm for this one kind of
table (``box.SIMPLE_HEAD``, no edge, padding ``(0, 1)`` collapsed, left-justified folding
columns with a minimum width), byte for byte, and is used only when every character is one
that rich measures as one cell and whitespace is single spaces. Anything else (``--compact``,
other scripts, a table without columns) goes through rich itself. tests/unit/test_renderers.py
compares the two on the real store's listings and on random tables.
"""

from __future__ import annotations

import io
import re
import textwrap

from watwerkt.listing import Listing, cell_text

# The characters rich measures as one cell without its Unicode tables (rich.cells'
# _SINGLE_CELL_UNICODE_RANGES), plus punctuation the listings use that rich measures as one
# cell too (checked in the tests).
_ONE_CELL = frozenset(chr(c) for a, b in ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482),
                                           (0x2500, 0x25FC)) for c in range(a, b + 1)) | frozenset("–—‘’“”•…→←≤≥€")
_WORD = re.compile(r"\s*\S+\s*")


def _console(width: int, out=None):
    from rich.console import Console

    return Console(file=out if out is not None else io.StringIO(), width=width, color_system=None,
                   force_terminal=False, no_color=True, highlight=False, emoji=False, markup=False,
                   soft_wrap=False)


def _plain_ok(texts) -> bool:
    return all(_ONE_CELL.issuperset(t) and (not t or t == " ".join(t.split())) for t in texts)


def _measure(texts: list[str], pad: int, min_width: int, m: int) -> int:
    """The maximum of rich's Measurement of one padded column at ``max_width`` ``m``."""
    if m < 1:
        return 0
    widest = 0
    for t in texts:
        if m - pad < 1:  # Padding.__rich_measure__
            mn = mx = m
        else:
            words = t.split()
            tmx = len(t)
            tmn = min(max((len(w) for w in words), default=tmx), tmx)
            tmn, tmx = min(tmn, m), min(tmx, m)
            if tmx < 1:
                tmn = tmx = 0
            mn, mx = min(tmn + pad, m), min(tmx + pad, m)
        mn = min(max(0, mn), mx)  # Measurement.get: normalize, with_maximum
        mx = min(max(0, mn, mx), m)
        widest = max(widest, mx if mx >= 1 else 0)
    return max(min(widest, m), min_width + pad)


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    ratios = [r if mx else 0 for r, mx in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining, out = total, []
    for r, mx, v in zip(ratios, maximums, values, strict=True):
        if r and total_ratio > 0:
            d = min(mx, round(r * remaining / total_ratio))
            out.append(v - d)
            remaining -= d
            total_ratio -= r
        else:
            out.append(v)
    return out


def _collapse(widths: list[int], max_width: int) -> list[int]:
    """rich's Table._collapse_widths with every column wrapable."""
    total = sum(widths)
    excess = total - max_width
    while total and excess > 0:
        top = max(widths)
        second = max((w if w != top else 0) for w in widths)
        diff = top - second
        ratios = [1 if w == top else 0 for w in widths]
        if not any(ratios) or not diff:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, diff)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


def _wrap(text: str, width: int) -> list[str]:
    """rich's Text.wrap with overflow "fold", justify "left", for one-cell characters."""
    breaks, offset = [], 0
    pos = 0
    m = _WORD.match(text, pos)
    while m is not None:
        start, end = m.span()
        word = m.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            chunks = [word[i:i + width] for i in range(0, len(word), width)]
            for k, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if k == len(chunks) - 1:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
        m = _WORD.match(text, end)
    cuts = [0, *breaks, len(text)]
    lines = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)] if breaks else [text]
    out = []
    for line in lines:
        if len(line) > width:  # rstrip_end
            trailing = len(line) - len(line.rstrip())
            line = line[:len(line) - min(trailing, len(line) - width)]
        out.append(line[:width].ljust(width))
    return out


def _plain_table(headers: list[str], mins: list[int], rows: list[list[str]], width: int) -> str | None:
    """What ``Console(width).print(Table(box=SIMPLE_HEAD, show_edge=False, pad_edge=False,
    padding=(0, 1), collapse_padding=True))`` prints for these columns (all folding, left,
    no style), or None where this layout would differ from rich's."""
    n = len(headers)
    pads = [1] * (n - 1) + [0]
    max_width = width - (n - 1)
    cols = [[h, *(r[i] for r in rows)] for i, h in enumerate(headers)]
    widths = [_measure(cols[i], pads[i], mins[i], max_width) or 1 for i in range(n)]
    if sum(widths) > max_width:
        widths = _collapse(widths, max_width)
        if sum(widths) > max_width:
            widths = _ratio_reduce(sum(widths) - max_width, [1] * n, widths, widths)
        widths = [_measure(cols[i], pads[i], mins[i], w) for i, w in enumerate(widths)]
    if any(w - p < 1 for w, p in zip(widths, pads, strict=True)):
        return None
    lines = []
    for r, row in enumerate([headers, *rows]):
        cells = [_wrap(t, w - p) for t, w, p in zip(row, widths, pads, strict=True)]
        height = max(len(c) for c in cells)
        # the header row is aligned to the bottom, the others to the top
        cells = [([""] * (height - len(c)) + c) if r == 0 else (c + [""] * (height - len(c))) for c in cells]
        for k in range(height):
            lines.append(" ".join(c[k].ljust(w) for c, w in zip(cells, widths, strict=True))[:width])
        if r == 0:  # the console crops a table wider than itself (when the minimums do not fit)
            lines.append("─" * min(width, sum(widths) + n - 1))
    return "\n".join(lines) + "\n"


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


def _rich_table(columns, cells, options) -> str:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    rt = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False,
                   padding=(0, 1), header_style=None, collapse_padding=True)
    widths = _compact_widths(columns, cells, options.width) if options.compact else [None] * len(columns)
    mins = _word_widths(columns, cells, options.width)
    for c, w, m in zip(columns, widths, mins, strict=True):
        rt.add_column(c.header, min_width=m, width=w,
                      overflow="ellipsis" if options.compact else "fold", no_wrap=options.compact)
    for row in cells:
        rt.add_row(*(Text(v) for v in row))
    console = _console(options.width)
    console.print(rt)
    return console.file.getvalue()


def table_text(columns, cells, options) -> str:
    """One table as the terminal shows it: without rich where the layout is the same."""
    if columns and not options.compact and _plain_ok([c.header for c in columns]) and \
            all(_plain_ok(row) for row in cells):
        text = _plain_table([c.header for c in columns], _word_widths(columns, cells, options.width), cells,
                            options.width)
        if text is not None:
            return text
    return _rich_table(columns, cells, options)


def render(listing: Listing, options) -> bytes:
    out = io.StringIO()

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
        cells = [[cell_text(row.get(c.key)) for c in columns] for row in table.rows]
        if not table.rows:
            out.write("(geen rijen)\n\n" if listing.lang == "nl" else "(no rows)\n\n")
            continue
        out.write(table_text(columns, cells, options))
        out.write("\n")
    for note in listing.notes:
        para(note)
    text = "\n".join(line.rstrip() for line in out.getvalue().splitlines())
    return (text.rstrip("\n") + "\n").encode("utf-8")
