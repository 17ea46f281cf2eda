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

from app.search.normalise import fold, name_key, tokens
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


class Highlighter:
    """Marks what the search's terms match in a text; prepared once per search."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.singles = {t.words[0] for t in terms if len(t.words) == 1 and not t.prefix}
        self.keys = {t.key for t in terms if t.key}
        self.sequences = [t for t in terms if len(t.words) > 1 or t.prefix]
        self.firsts = {t.words[0] for t in terms}
        self.active = bool(terms)

    def window(self, text: str | None, *, names: bool = True) -> Markup | None:
        """A window of `text` around its first match with every match marked, or None.

        `names=False` for text the index holds no spelling keys for (everything but names and
        the narrative that tells of them): only words as written match there, and a text that
        does not even contain them is passed over without being split into words."""
        if not text or not self.active:
            return None
        if not names and not any(first in fold(text) for first in self.firsts):
            return None
        spans = _spans(text)
        marked = self._matches(spans, keys=names)
        if not marked:
            return None
        start = max(0, min(marked) - WORDS_BEFORE)
        return _render(text, spans, marked, start, min(len(spans), start + WINDOW_WORDS))

    def whole(self, text: str | None) -> Markup:
        """All of `text`, escaped, with every match marked (for short texts such as titles)."""
        if not text:
            return Markup("")
        spans = _spans(text)
        if not spans:
            return escape(text)
        rendered = _render(text, spans, self._matches(spans), 0, len(spans))
        return escape(text[: spans[0][0]]) + rendered + escape(text[spans[-1][1] :])

    def _matches(self, spans: list[tuple[int, int, str]], *, keys: bool = True) -> set[int]:
        """The positions of the words any term matches (every word of a matched phrase)."""
        if not self.active:
            return set()
        words = [folded for _start, _end, folded in spans]
        singles = self.singles
        keys = self.keys if keys else set()
        marked = {
            index
            for index, word in enumerate(words)
            if word in singles or (keys and _key(word) in keys)
        }
        for term in self.sequences:
            first, size = term.words[0], len(term.words)
            for index in range(len(words) - size + 1):
                if words[index].startswith(first) and _term_matches_at(term, words, index):
                    marked.update(range(index, index + size))
        return marked


def opening(text: str | None, words: int = WINDOW_WORDS) -> Markup:
    """The start of `text`, escaped, for a hit whose match lies elsewhere."""
    if not text:
        return Markup("")
    spans = [(m.start(), m.end(), "") for m in _SPAN.finditer(text, 0, 2000)]
    return _render(text, spans, set(), 0, min(len(spans), words))


def _spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _folded(m.group())) for m in _SPAN.finditer(text)]


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
    """Words `start` to `end` of `text`, escaped, the marked ones in <mark>."""
    if start >= end:
        return Markup("")
    pieces: list[str] = ["…" if start > 0 else ""]
    position = spans[start][0]
    for index in sorted(i for i in marked if start <= i < end):
        word_start, word_end, _ = spans[index]
        pieces.append(str(escape(text[position:word_start])))
        pieces.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
        position = word_end
    stop = spans[end - 1][1]
    pieces.append(str(escape(text[position:stop])))
    if end < len(spans):
        pieces.append(" …")
    return Markup("".join(pieces))  # noqa: S704 (every piece of text was escaped above)
