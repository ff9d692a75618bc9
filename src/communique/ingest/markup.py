"""A cheap check of how deeply HTML or feed markup nests, before a parser sees it.

Parsers cope with deep nesting in different ways: libxml2 stops at 256 levels
and returns an empty page, recursive code in Python runs out of stack. A page
nested thousands of levels deep is hostile or broken, not news; it gets a
clear failure record instead (setting ``max_nesting``).
"""

from __future__ import annotations

import re

from communique.errors import FormatError

# Attributes are skipped up to the next '<' or '>' (bounded): linear on any input.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,40})\b[^<>]{0,4000}?(/?)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)
_IMPLIED_END = frozenset("p li dt dd tr td th option thead tbody tfoot".split())  # noqa: SIM905


def nesting_depth(markup: str, limit: int = 0) -> int:
    """The deepest element nesting of ``markup``; stops counting once past ``limit`` (0: none).

    Lenient like a browser: void elements never nest, a ``<p>`` or ``<li>``
    closes the open one of its kind, and a closing tag closes what it
    encloses. CDATA markers are dropped so that markup escaped in a feed item
    counts too. Comments and scripts are not skipped: tags inside them count,
    which errs on the side of refusing.
    """
    stack: list[str] = []
    deepest = 0
    for match in _TAG.finditer(markup.replace("<![CDATA[", " ").replace("]]>", " ")):
        closing, name, self_closing = match[1], match[2].lower(), match[3]
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name) :]
            continue
        if self_closing or name in _VOID:
            continue
        if name in _IMPLIED_END and stack and stack[-1] == name:
            stack.pop()
        stack.append(name)
        deepest = max(deepest, len(stack))
        if limit and deepest > limit:
            break
    return deepest


def check_nesting(markup: str, limit: int, source: str) -> None:
    """Raise :class:`FormatError` when ``markup`` nests deeper than ``limit`` (0: no check)."""
    if limit and nesting_depth(markup, limit) > limit:
        raise FormatError(
            f"markup is nested more than {limit} levels deep (setting max_nesting)", source=source
        )
