"""Highlighted snippets: a window of a case's own text around what the search matched.

The text is escaped first and only then are matches wrapped in <mark>, so nothing a user typed
into a case (or into the search box) can inject markup. Matching follows the index: folded
words, phrases in order, prefixes, and names by spelling key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markupsafe import Markup, escape

from app.search.normalise import name_key, tokens
from app.search.query import Term

WINDOW_WORDS = 30
WORDS_BEFORE = 8
# A word as written: letters and digits with any marks and joiners inside it.
_SPAN = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d])+"
)


@lru_cache(maxsize=200_000)
def _folded(word: str) -> str:
    found = tokens(word)
    return found[0] if found else ""


@lru_cache(maxsize=200_000)
def _key(word: str) -> str | None:
    return name_key(word)


def highlight(text: str | None, terms: Sequence[Term]) -> Markup | None:
    """A window of `text` around its first match with every match marked, or None."""
    if not text or not terms:
        return None
    spans = [(m.start(), m.end(), _folded(m.group())) for m in _SPAN.finditer(text)]
    marked = _matches(spans, terms)
    if not marked:
        return None
    first = min(marked)
    start = max(0, first - WORDS_BEFORE)
    end = min(len(spans), start + WINDOW_WORDS)
    return _render(text, spans, marked, start, end)


def highlight_all(text: str | None, terms: Sequence[Term]) -> Markup:
    """All of `text`, escaped, with every match marked (for short texts such as titles)."""
    if not text:
        return Markup("")
    spans = [(m.start(), m.end(), _folded(m.group())) for m in _SPAN.finditer(text)]
    marked = _matches(spans, terms) if terms else set()
    if not spans:
        return escape(text)
    rendered = _render(text, spans, marked, 0, len(spans))
    before, after = text[: spans[0][0]], text[spans[-1][1] :]
    return escape(before) + rendered + escape(after)


def opening(text: str | None, words: int = WINDOW_WORDS) -> Markup:
    """The start of `text`, escaped, for a hit whose match lies elsewhere."""
    if not text:
        return Markup("")
    spans = [(m.start(), m.end(), "") for m in _SPAN.finditer(text)]
    return _render(text, spans, set(), 0, min(len(spans), words))


def _matches(spans: list[tuple[int, int, str]], terms: Sequence[Term]) -> set[int]:
    words = [folded for _start, _end, folded in spans]
    marked: set[int] = set()
    for term in terms:
        size = len(term.words)
        key = term.key
        for index in range(len(words) - size + 1):
            if _term_matches_at(term, words, index) or (key and _key(words[index]) == key):
                marked.update(range(index, index + size))
    return marked


def _term_matches_at(term: Term, words: list[str], index: int) -> bool:
    last = len(term.words) - 1
    for offset, wanted in enumerate(term.words):
        word = words[index + offset]
        if term.prefix and offset == last:
            if not word.startswith(wanted):
                return False
        elif word != wanted:
            return False
    return True


def _render(
    text: str, spans: list[tuple[int, int, str]], marked: set[int], start: int, end: int
) -> Markup:
    if start >= end:
        return Markup("")
    pieces: list[str] = ["…" if start > 0 else ""]
    position = spans[start][0]
    for index in range(start, end):
        word_start, word_end, _ = spans[index]
        pieces.append(str(escape(text[position:word_start])))
        word = str(escape(text[word_start:word_end]))
        pieces.append(f"<mark>{word}</mark>" if index in marked else word)
        position = word_end
    if end < len(spans):
        pieces.append(str(escape(text[position : spans[end][0]].rstrip())) + " …")
    return Markup("".join(pieces))  # noqa: S704 (every piece of text was escaped above)
