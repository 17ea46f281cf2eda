"""The query language people already know, parsed into our own small tree.

    word word          both words (AND)
    "exact phrase"     the words in this order, spelled as typed (no spelling keys)
    -word, -"phrase"   cases without it
    prefi*             words starting with "prefi"
    word OR word       either word (OR binds tighter than AND: a b OR c = a AND (b OR c))

Everything else is literal text: unbalanced quotes, parentheses, engine syntax (NEAR, ^, :,
column filters), SQL metacharacters, control characters, emoji and bidi marks are folded away
or become plain words; nothing here raises. Engines compile the tree with every word quoted
(`app.search.engines`), so user text never reaches MATCH or to_tsquery raw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from app.search.normalise import name_key, tokens

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 24
MIN_PREFIX_LENGTH = 2

_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\uff02": '"'}
)
_CHUNK = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+)')
_TRAILING_PUNCTUATION = ".,;:!?)]}"


@dataclass(frozen=True)
class Term:
    """One word or phrase (folded words in order), possibly a prefix, possibly spelled exactly.

    A single bare word also matches names by spelling key (`key`)."""

    words: tuple[str, ...]
    prefix: bool = False
    exact: bool = False

    @cached_property
    def key(self) -> str | None:
        """The spelling key this term also matches names by, if any (not for short words,
        whose skeletons would match too many names)."""
        if self.exact or self.prefix or len(self.words) != 1 or len(self.words[0]) < 3:
            return None
        return name_key(self.words[0])


@dataclass(frozen=True)
class Clause:
    """Terms of which a case must match at least one (or, negated, none)."""

    terms: tuple[Term, ...]
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """The clauses a case must all satisfy, and what was left out of an oversized query."""

    clauses: tuple[Clause, ...] = ()
    notices: tuple[str, ...] = field(default=())

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negated)

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def highlight_terms(self) -> tuple[Term, ...]:
        """The terms whose matches a snippet marks."""
        return tuple(term for clause in self.positive for term in clause.terms)


def parse_query(text: str | None) -> ParsedQuery:
    """Parse what a user typed; never raises, whatever the input."""
    raw = (text or "").translate(_QUOTES)
    notices: list[str] = []
    if len(raw) > MAX_QUERY_CHARS:
        raw = raw[:MAX_QUERY_CHARS]
        notices.append(f"Only the first {MAX_QUERY_CHARS} characters of the search were used.")
    clauses: list[Clause] = []
    pending_or = False
    for match in _CHUNK.finditer(raw):
        if match.group("word") in {"OR", "|"}:
            pending_or = bool(clauses)
            continue
        parsed = _term(match)
        if parsed is None:
            continue
        term, negated = parsed
        if pending_or and clauses and not clauses[-1].negated:
            # "a OR -b" reads as "a OR b": exclusions do not mix with alternatives.
            previous = clauses[-1]
            clauses[-1] = Clause(previous.terms + (term,))
        else:
            clauses.append(Clause((term,), negated))
        pending_or = False
    clauses = list(dict.fromkeys(clauses))
    if len(clauses) > MAX_CLAUSES:
        clauses = clauses[:MAX_CLAUSES]
        notices.append(f"Only the first {MAX_CLAUSES} words or phrases of the search were used.")
    return ParsedQuery(tuple(clauses), tuple(notices))


def _term(match: re.Match[str]) -> tuple[Term, bool] | None:
    phrase = match.group("phrase")
    if phrase is not None:
        words = tuple(tokens(phrase))
        return (Term(words, exact=True), bool(match.group("neg"))) if words else None
    chunk = match.group("word")
    negated = chunk.startswith("-") and len(chunk) > 1
    if negated:
        chunk = chunk[1:]
    chunk = chunk.rstrip(_TRAILING_PUNCTUATION)
    prefix = chunk.endswith("*")
    words = tuple(tokens(chunk))
    if not words:
        return None
    # A word joined by hyphens or dots ("BAL-2026-0042", "al-Baloch") is a phrase of its parts.
    prefix = prefix and len(words[-1]) >= MIN_PREFIX_LENGTH
    return Term(words, prefix=prefix), negated
